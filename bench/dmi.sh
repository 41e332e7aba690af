#!/usr/bin/env bash
# Benchmark: decode + render the largest fixture dump, `mkagent dmi --dmi-dump` vs `dmidecode --from-dump`,
# in the same run (hyperfine, whole processes, output to /dev/null). Prints both means and the ratio.
# Usage: bench/dmi.sh [DUMP]   (needs hyperfine and dmidecode; builds mkagent in release mode)
set -euo pipefail
cd "$(dirname "$0")/.."
fixtures=${MKAGENT_FIXTURES:-../shared/fixtures}
dump=${1:-$(ls -S "$fixtures"/dmi/*/*.bin | head -1)}
swift build -c release --static-swift-stdlib >/dev/null
bin=$(swift build -c release --static-swift-stdlib --show-bin-path)/mkagent
out=bench/out
mkdir -p "$out"
hyperfine -N --warmup 20 --runs 300 --export-json "$out/dmi.json" \
    -n mkagent "$bin dmi --dmi-dump $dump" \
    -n dmidecode "dmidecode --from-dump $dump" >/dev/null
python3 - "$out/dmi.json" "$dump" <<'PY'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
m, d = results["mkagent"], results["dmidecode"]
print(f"dump: {sys.argv[2]}")
for name, r in (("mkagent", m), ("dmidecode", d)):
    print(f"{name:10s} mean {r['mean']*1e3:7.3f} ms  median {r['median']*1e3:7.3f} ms  (±{r['stddev']*1e3:.3f})")
print(f"ratio mkagent/dmidecode (mean): {m['mean']/d['mean']:.2f}")
PY
