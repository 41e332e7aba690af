#!/usr/bin/env bash
# Benchmark: `mkagent facts --only memory,os,network` against `facter --json memory networking os`, the facts
# Hanlon's microkernel gathers, in the same run (hyperfine, whole processes, output to /dev/null). Prints both
# means and the ratio. facter is installed with apt when missing and possible; when it cannot be, the anchor
# is the shell pipeline that reads the same raw data (`ip -j addr`, `cat /proc/meminfo`, `uname -a`), and the
# output says so.
# Usage: bench/facts.sh   (needs hyperfine; builds mkagent in release mode)
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --static-swift-stdlib >/dev/null
bin=$(swift build -c release --static-swift-stdlib --show-bin-path)/mkagent
out=bench/out
mkdir -p "$out"

if ! command -v facter >/dev/null && command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -qq facter >/dev/null 2>&1 \
        || { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq facter >/dev/null 2>&1; } || true
fi
if command -v facter >/dev/null; then
    anchor="facter $(facter --version 2>/dev/null | head -1)"
    anchor_command="facter --json memory networking os"
else
    anchor="ip+cat+uname"
    anchor_command="sh -c 'ip -j addr; cat /proc/meminfo; uname -a'"
    echo "facter could not be installed: comparing with ip -j addr + cat /proc/meminfo + uname -a instead"
fi

hyperfine -N --warmup 3 --min-runs 20 --export-json "$out/facts.json" \
    -n mkagent "$bin facts --only memory,os,network" \
    -n "$anchor" "$anchor_command" >/dev/null
python3 - "$out/facts.json" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
m, a = results[0], results[1]
for r in (m, a):
    print(f"{r['command']:24s} mean {r['mean']*1e3:8.2f} ms  median {r['median']*1e3:8.2f} ms  (±{r['stddev']*1e3:.2f}, {len(r['times'])} runs)")
print(f"ratio mkagent/{a['command']} (mean): {m['mean']/a['mean']:.3f}  ({a['mean']/m['mean']:.1f}x faster)")
PY
