#!/usr/bin/env bash
# Benchmark: the whole hardware tree, `mkagent lshw` (JSON) vs `lshw -json`, on this machine in the same run
# (hyperfine, whole processes, output to /dev/null). Prints both means and medians and the ratio lshw/mkagent.
# The two commands take turns: ROUNDS rounds (default 5) of RUNS runs each (default 20), so a stretch of a
# noisy machine (a shared VM's neighbours) weighs on both alike; the figures pool every run.
# Usage: [MKAGENT_BIN=PATH] [ROUNDS=N] [RUNS=N] bench/lshw.sh   (needs hyperfine and lshw; builds mkagent in
# release mode unless MKAGENT_BIN names a binary; run as root like lshw)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -n "${MKAGENT_BIN:-}" ]; then
    bin=$MKAGENT_BIN
else
    swift build -c release --static-swift-stdlib >/dev/null
    bin=$(swift build -c release --static-swift-stdlib --show-bin-path)/mkagent
fi
out=bench/out
mkdir -p "$out"
rounds=${ROUNDS:-5}
for round in $(seq "$rounds"); do
    hyperfine -N --warmup 3 --runs "${RUNS:-20}" --export-json "$out/lshw-$round.json" \
        -n mkagent "$bin lshw" \
        -n lshw "lshw -json" >/dev/null
done
python3 - "$out" "$rounds" <<'PY'
import json, statistics, sys
out, rounds = sys.argv[1], int(sys.argv[2])
times = {"mkagent": [], "lshw": []}
for round in range(1, rounds + 1):
    for result in json.load(open(f"{out}/lshw-{round}.json"))["results"]:
        times[result["command"]] += result["times"]
for name, values in times.items():
    print(f"{name:8s} mean {statistics.mean(values)*1e3:8.3f} ms  median {statistics.median(values)*1e3:8.3f} ms"
          f"  (±{statistics.stdev(values)*1e3:.3f}, {len(values)} runs)")
m, l = times["mkagent"], times["lshw"]
print(f"lshw/mkagent: {statistics.mean(l)/statistics.mean(m):.1f}x faster (means), "
      f"{statistics.median(l)/statistics.median(m):.1f}x (medians)")
PY
