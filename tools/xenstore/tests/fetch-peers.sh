#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# Fetch Debian's Xen 4.17 xenstore peers (daemon, libxenstore, xenstore-*
# commands, test-xenstore) by name and unpack them, never install them:
# xen-utils-4.17 would drag in systemd and grub.  Prints the unpack root.
#   fetch-peers.sh            -> $XA_CACHE/peers/xenstore-4.17/root
set -eu
: "${XA_CACHE:=/var/cache/xen-arm/v1}"
DEST=$XA_CACHE/peers/xenstore-4.17
PKGS="xen-utils-4.17 xenstore-utils libxenstore4 libxentoolcore1 libxencall1
libxenevtchn1 libxenforeignmemory1 libxengnttab1 libxenmisc4.17
libxentoollog1 libxendevicemodel1 libxenhypfs1 libxen-dev"
mkdir -p "$DEST"
exec 9>"$DEST/.lock"
flock 9		# parallel tests (make -j check) fetch once
if [ ! -e "$DEST/.done" ]; then
	mkdir -p "$DEST/debs" && cd "$DEST/debs"
	# shellcheck disable=SC2086
	apt-get download $PKGS >&2 || { apt-get update >&2 && apt-get download $PKGS >&2; }
	rm -rf "$DEST/root" && mkdir -p "$DEST/root"
	for f in *.deb; do dpkg-deb -x "$f" "$DEST/root"; done
	touch "$DEST/.done"
fi
echo "$DEST/root"
