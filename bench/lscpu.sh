#!/usr/bin/env bash
# Benchmark: CPU summary of this machine as JSON, `mkagent lscpu -J` vs `lscpu -J`, in the same run
# (hyperfine, whole processes, output to /dev/null). Prints both means and the ratio, and the time of
# `mkagent version` — process start-up alone, the floor under any mkagent command.
# Usage: bench/lscpu.sh [ROOT]   (ROOT: a host tree such as an unpacked lscpu dump; default this machine)
# Needs hyperfine and lscpu (util-linux); builds mkagent in release mode.
set -euo pipefail
cd "$(dirname "$0")/.."
root=${1:-}
swift build -c release --static-swift-stdlib >/dev/null
bin=$(swift build -c release --static-swift-stdlib --show-bin-path)/mkagent
out=bench/out
mkdir -p "$out"
mine="$bin lscpu -J"
theirs="lscpu -J"
if [ -n "$root" ]; then
    mine="$mine --root $root"
    theirs="$theirs --sysroot $root"
fi
hyperfine -N --warmup 20 --runs 300 --export-json "$out/lscpu.json" \
    -n mkagent "$mine" \
    -n lscpu "$theirs" \
    -n startup "$bin version" >/dev/null
python3 - "$out/lscpu.json" "${root:-this machine}" <<'PY'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
m, l, s = results["mkagent"], results["lscpu"], results["startup"]
print(f"host: {sys.argv[2]}")
for name, r in (("mkagent", m), ("lscpu", l), ("startup", s)):
    print(f"{name:8s} mean {r['mean']*1e3:7.3f} ms  median {r['median']*1e3:7.3f} ms  (±{r['stddev']*1e3:.3f})")
print(f"ratio mkagent/lscpu (mean): {m['mean']/l['mean']:.2f}")
print(f"mkagent lscpu beyond start-up (mean): {(m['mean'] - s['mean'])*1e3:.3f} ms")
PY
