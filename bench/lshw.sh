#!/usr/bin/env bash
# Benchmark: the whole hardware tree, `mkagent lshw` (JSON) vs `lshw -json`, on this machine in the same run
# (hyperfine, whole processes, output to /dev/null). Prints both means and the ratio lshw/mkagent.
# Usage: [MKAGENT_BIN=PATH] bench/lshw.sh   (needs hyperfine and lshw; builds mkagent in release mode unless
# MKAGENT_BIN names a binary; run as root like lshw)
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
hyperfine -N --warmup 5 --runs ${RUNS:-50} --export-json "$out/lshw.json" \
    -n mkagent "$bin lshw" \
    -n lshw "lshw -json" >/dev/null
python3 - "$out/lshw.json" <<'PY'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
m, l = results["mkagent"], results["lshw"]
for name, r in (("mkagent", m), ("lshw", l)):
    print(f"{name:8s} mean {r['mean']*1e3:8.3f} ms  median {r['median']*1e3:8.3f} ms  (±{r['stddev']*1e3:.3f})")
print(f"lshw/mkagent (mean): {l['mean']/m['mean']:.1f}x faster")
PY
