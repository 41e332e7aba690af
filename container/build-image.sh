#!/usr/bin/env bash
# Builds the mkagent image as a docker-archive tar (what `docker load -i` reads) with no Docker engine:
# a root file system holding the static mkagent binary, the glibc libraries `ldd` says it needs,
# the CA bundle (HTTPS verification) and an empty /tmp; one layer tar; the image config; manifest.json.
#
#   container/build-image.sh [--binary PATH] [--output FILE] [--tag NAME:TAG] [--stage-only]
#
# Default binary .build/release/mkagent (swift build -c release --static-swift-stdlib), output
# .build/mkagent-image.tar, tag mkagent:latest. The layer is reproducible (sorted names, mtime 0,
# numeric owner 0). Check the result with `skopeo inspect docker-archive:.build/mkagent-image.tar`.
set -euo pipefail
cd "$(dirname "$0")/.."

binary=.build/release/mkagent
output=.build/mkagent-image.tar
tag=mkagent:latest
stage_only=0
while [ $# -gt 0 ]; do
    case "$1" in
        --binary) binary=$2; shift 2 ;;
        --output) output=$2; shift 2 ;;
        --tag) tag=$2; shift 2 ;;
        --stage-only) stage_only=1; shift ;;
        *) echo "usage: $0 [--binary PATH] [--output FILE] [--tag NAME:TAG] [--stage-only]" >&2; exit 64 ;;
    esac
done
[ -x "$binary" ] || { echo "build-image: $binary missing: swift build -c release --static-swift-stdlib" >&2; exit 1; }

rootfs=.build/image-rootfs
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rm -rf "$rootfs"
# /proc, /sys and /dev are mount points the runtime fills (the Swift runtime needs /proc mounted).
mkdir -p "$rootfs/usr/local/bin" "$rootfs/tmp" "$rootfs/etc/ssl/certs" "$rootfs/var/lib/mkagent" "$rootfs/proc" "$rootfs/sys" "$rootfs/dev"
chmod 1777 "$rootfs/tmp"
install -m 0755 "$binary" "$rootfs/usr/local/bin/mkagent"
strip "$rootfs/usr/local/bin/mkagent" 2>/dev/null || true

# The dynamic loader and the C libraries: glibc is the one library family the binary must find.
# (libsystemd is loaded at run time only when NOTIFY_SOCKET is set; it is not needed in the image.)
ldd "$binary" | awk '/=>/ { print $3 } /^\t\/[^ ]+ \(/ { print $1 }' | while read -r lib; do
    [ -n "$lib" ] && [ -e "$lib" ] || continue
    mkdir -p "$rootfs$(dirname "$lib")"
    cp -L "$lib" "$rootfs$lib"
done
# Debian keeps the loader at /lib64 as a link into /lib/x86_64-linux-gnu; ldd names it by its link.
[ -f /etc/ssl/certs/ca-certificates.crt ] && cp /etc/ssl/certs/ca-certificates.crt "$rootfs/etc/ssl/certs/"
printf 'root:x:0:0:root:/:/usr/local/bin/mkagent\n' > "$rootfs/etc/passwd"
printf 'root:x:0:\n' > "$rootfs/etc/group"
[ "$stage_only" = 1 ] && { echo "build-image: root file system staged in $rootfs"; exit 0; }

tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$rootfs" -cf "$work/layer.tar" .
layer_sha=$(sha256sum "$work/layer.tar" | cut -d' ' -f1)

case "$(uname -m)" in x86_64) arch=amd64 ;; aarch64) arch=arm64 ;; *) arch=$(uname -m) ;; esac
cat > "$work/config.json" <<JSON
{"architecture":"$arch","os":"linux","config":{"Entrypoint":["/usr/local/bin/mkagent","run"],"Env":["PATH=/usr/local/bin:/usr/bin:/bin"],"WorkingDir":"/"},"rootfs":{"type":"layers","diff_ids":["sha256:$layer_sha"]},"history":[{"created":"1970-01-01T00:00:00Z","created_by":"container/build-image.sh: $("$binary" version 2>/dev/null | head -1)"}],"created":"1970-01-01T00:00:00Z"}
JSON
config_sha=$(sha256sum "$work/config.json" | cut -d' ' -f1)

mkdir -p "$work/archive/$layer_sha"
mv "$work/layer.tar" "$work/archive/$layer_sha/layer.tar"
mv "$work/config.json" "$work/archive/$config_sha.json"
printf '[{"Config":"%s.json","RepoTags":["%s"],"Layers":["%s/layer.tar"]}]\n' "$config_sha" "$tag" "$layer_sha" > "$work/archive/manifest.json"
printf '{"%s":{"%s":"%s"}}\n' "${tag%:*}" "${tag##*:}" "$layer_sha" > "$work/archive/repositories"
mkdir -p "$(dirname "$output")"
tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$work/archive" -cf "$output" .
echo "build-image: $output ($(du -h "$output" | cut -f1)), tag $tag, layer sha256:$layer_sha"
