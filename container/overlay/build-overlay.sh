#!/usr/bin/env bash
# Packs the mkagent RackHD overlay the way RackHD's docs pack one (`find . | cpio -H newc -o | gzip`):
# /etc/rc.local and the stripped static mkagent at /usr/local/bin/mkagent, owned by root.
#
#   container/overlay/build-overlay.sh [--binary PATH] [--output FILE]
#
# Default binary .build/release/mkagent (swift build -c release --static-swift-stdlib), output
# .build/overlayfs_mkagent.cpio.gz. Serve it as the profile's OVERLAYFS= file.
set -euo pipefail
cd "$(dirname "$0")/../.."

binary=.build/release/mkagent
output=.build/overlayfs_mkagent.cpio.gz
while [ $# -gt 0 ]; do
    case "$1" in
        --binary) binary=$2; shift 2 ;;
        --output) output=$2; shift 2 ;;
        *) echo "usage: $0 [--binary PATH] [--output FILE]" >&2; exit 64 ;;
    esac
done
[ -x "$binary" ] || { echo "build-overlay: $binary missing: swift build -c release --static-swift-stdlib" >&2; exit 1; }
command -v cpio >/dev/null || { echo "build-overlay: cpio not installed (apt-get install cpio)" >&2; exit 1; }

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/etc" "$stage/usr/local/bin" "$stage/var/lib/mkagent" "$stage/var/log"
install -m 0755 container/overlay/etc/rc.local "$stage/etc/rc.local"
install -m 0755 "$binary" "$stage/usr/local/bin/mkagent"
strip "$stage/usr/local/bin/mkagent" 2>/dev/null || true
chmod 0700 "$stage/var/lib/mkagent"

mkdir -p "$(dirname "$output")"
output=$(cd "$(dirname "$output")" && pwd)/$(basename "$output")
# Sorted names, root-owned, mtime 0: the same binary gives the same archive.
(cd "$stage" && find . -mindepth 1 | LC_ALL=C sort | xargs touch -h -d @0 &&
    find . -mindepth 1 | LC_ALL=C sort | cpio --quiet -o -H newc -R 0:0 --reproducible | gzip -9 -n) >"$output"
echo "build-overlay: $output ($(stat -c %s "$output") bytes)"
