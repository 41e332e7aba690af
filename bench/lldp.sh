#!/usr/bin/env bash
# Benchmark: LLDP/CDP parser throughput. Builds one large capture from every LLDP and CDP frame of the
# fixture captures (repeated to FRAMES frames), then times `mkagent lldp --pcap` (read, decode every frame,
# build the neighbour table, print) against `tcpdump -n -v -r` on the same file, in the same run.
# Prints frames per second for both. Usage: bench/lldp.sh [FRAMES]   (needs hyperfine, tcpdump, python3)
set -euo pipefail
cd "$(dirname "$0")/.."
fixtures=${MKAGENT_FIXTURES:-../shared/fixtures}
frames=${1:-200000}
out=bench/out
mkdir -p "$out"
swift build -c release --static-swift-stdlib --product mkagent >/dev/null
bin=$(swift build -c release --static-swift-stdlib --show-bin-path)/mkagent
capture="$out/lldp-$frames.pcap"
python3 - "$fixtures/lldp" "$frames" "$capture" <<'PY'
import glob, struct, sys
root, count, target = sys.argv[1], int(sys.argv[2]), sys.argv[3]
frames = []
for path in sorted(glob.glob(root + "/*/*.pcap")):
    data = open(path, "rb").read()
    endian = "<" if struct.unpack("<I", data[:4])[0] in (0xA1B2C3D4, 0xA1B23C4D) else ">"
    offset = 24
    while offset + 16 <= len(data):
        _, _, captured, _ = struct.unpack(endian + "IIII", data[offset:offset + 16])
        frame = data[offset + 16:offset + 16 + captured]
        offset += 16 + captured
        if len(frame) >= 14 and (frame[12:14] == b"\x88\xcc" or frame[:6] == b"\x01\x00\x0c\xcc\xcc\xcc"):
            frames.append(frame)
with open(target, "wb") as f:
    f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))
    for i in range(count):
        frame = frames[i % len(frames)]
        f.write(struct.pack("<IIII", 1_600_000_000 + i, 0, len(frame), len(frame)))
        f.write(frame)
print(f"{count} frames ({len(frames)} distinct fixture frames) in {target}")
PY
hyperfine -N --warmup 2 --runs 10 --export-json "$out/lldp.json" \
    -n mkagent "$bin lldp --pcap $capture" \
    -n tcpdump "tcpdump -n -v -r $capture" >/dev/null 2>&1
python3 - "$out/lldp.json" "$frames" <<'PY'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
frames = int(sys.argv[2])
for name in ("mkagent", "tcpdump"):
    r = results[name]
    print(f"{name:8s} mean {r['mean']*1e3:8.1f} ms (±{r['stddev']*1e3:.1f})  {frames / r['mean']:12,.0f} frames/s")
print(f"ratio mkagent/tcpdump (mean time): {results['mkagent']['mean'] / results['tcpdump']['mean']:.2f}")
PY
