#!/usr/bin/env bash
# Checks the units with `systemd-analyze verify` in a scratch root that has what they reference
# (docker.service, /usr/bin/docker, /usr/local/bin/mkagent): this machine need not run Docker or
# have mkagent installed for the unit files themselves to be checked.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/etc/systemd/system" "$root/usr/bin" "$root/usr/local/bin" "$root/usr/lib/systemd/system"
for exe in usr/bin/docker usr/local/bin/mkagent; do printf '#!/bin/sh\n' > "$root/$exe"; chmod +x "$root/$exe"; done
printf '[Unit]\nDescription=stub\n[Service]\nExecStart=/usr/bin/docker\n' > "$root/etc/systemd/system/docker.service"
# The standard targets (sysinit, basic, network-online, ...) the units depend on by default.
cp -r /usr/lib/systemd/system/. "$root/usr/lib/systemd/system/" 2>/dev/null || true
cp "$here/mkagent.service" "$here/mkagent-rackhd.service" "$here/hnl.service" "$root/etc/systemd/system/"
cd "$root/etc/systemd/system"
systemd-analyze verify --root="$root" mkagent.service mkagent-rackhd.service hnl.service
echo "units: systemd-analyze verify passed"
