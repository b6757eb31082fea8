#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# Fetches Debian's amd64 xl (xen-utils-4.17 and its libraries) into the cache,
# unpacked, never installed (installing drags in grub and systemd), and builds
# our fake-Xen shim so that the real xl can run its -N dry run on this host.
# Prints the directory that holds the unpacked tree ($XA_CACHE/peers/xl-4.17).
#   tools/xl/tests/peer-xl.sh
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/../../../scripts/cache.sh"
DEST=$XA_CACHE/peers/xl-4.17
PKGS=(xen-utils-4.17 libxenmisc4.17 libxencall1 libxenevtchn1 libxenforeignmemory1
	libxengnttab1 libxenstore4 libxentoollog1 libxendevicemodel1 libxenhypfs1
	libxentoolcore1)
stamp=$DEST/.complete-${#PKGS[@]}
if [ ! -f "$stamp" ]; then
	tmp=$(mktemp -d); chmod 755 "$tmp"
	(cd "$tmp" && for p in "${PKGS[@]}"; do apt-get download -q "$p:amd64" >&2; done)
	rm -rf "$DEST"; mkdir -p "$DEST"
	for d in "$tmp"/*.deb; do dpkg-deb -x "$d" "$DEST"; done
	rm -rf "$tmp"
	touch "$stamp"
fi
[ -x "$DEST/usr/lib/xen-4.17/bin/xl" ] || { echo "xl missing in $DEST" >&2; exit 1; }
echo "$DEST"
