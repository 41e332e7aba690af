#!/usr/bin/env bash
# The mkagent RackHD overlay next to the overlay it replaces, both packed the same way
# (`find . | cpio -H newc -o | gzip -9`).
#
# The old discovery overlay installed dmidecode, lshw, lsscsi, pciutils, ethtool, smartmontools, ohai, lldpd
# and hdparm (RackHD on-imagebuilder vars/discovery_overlay.yml) and ran the task runner with Node.js and
# ipmitool. This rebuilds that content from today's Debian packages (`apt-get download`, unpacked with
# dpkg-deb): those packages plus nodejs, libnode and ipmitool and the Ruby runtime ohai needs. Other shared
# libraries they pull in are left out, so the old overlay's figure is a lower bound.
#
#   bench/overlay-size.sh [--binary PATH]     (default .build/release/mkagent)
set -euo pipefail
cd "$(dirname "$0")/.."
binary=.build/release/mkagent
[ "${1:-}" = --binary ] && binary=$2

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
container/overlay/build-overlay.sh --binary "$binary" --output "$work/overlayfs_mkagent.cpio.gz" >/dev/null

packages=(dmidecode lshw lsscsi pciutils ethtool smartmontools ohai lldpd hdparm nodejs libnode108 ipmitool ruby3.1 libruby3.1)
# ohai's Ruby libraries (ruby-*), one level of dependencies.
packages+=($(apt-cache depends ohai 2>/dev/null | awk '/Depends: ruby-/ {print $2}' | sort -u))
# A version from Debian's own archive for each (a third-party repository may pin one apt cannot download).
versioned=()
for package in "${packages[@]}"; do
    version=$(apt-cache madison "$package" 2>/dev/null | awk -F'|' '/debian.org/ {gsub(/ /, "", $2); print $2; exit}')
    versioned+=("$package${version:+=$version}")
done
mkdir -p "$work/debs" "$work/old"
(cd "$work/debs" && apt-get download "${versioned[@]}" >/dev/null 2>&1) || {
    echo "overlay-size: apt-get download failed (run apt-get update)" >&2
    exit 1
}
for deb in "$work"/debs/*.deb; do dpkg-deb -x "$deb" "$work/old"; done
rm -rf "$work/old/usr/share/doc" "$work/old/usr/share/man"
(cd "$work/old" && find . | LC_ALL=C sort | cpio --quiet -o -H newc -R 0:0 | gzip -9 -n) >"$work/old-overlay.cpio.gz"

new=$(stat -c %s "$work/overlayfs_mkagent.cpio.gz")
old=$(stat -c %s "$work/old-overlay.cpio.gz")
echo "packages rebuilt for the old overlay: $(ls "$work/debs" | sed 's/_.*//' | tr '\n' ' ')"
printf 'mkagent overlay:     %10d bytes (%.1f MiB)\n' "$new" "$(echo "$new / 1048576" | bc -l)"
printf 'old overlay (>=):    %10d bytes (%.1f MiB)\n' "$old" "$(echo "$old / 1048576" | bc -l)"
printf 'ratio old/new:       %10.2f\n' "$(echo "$old / $new" | bc -l)"
