#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# Installs, idempotently, what building and testing need from Debian's archive.
# Host packages are installed; target (arm64/armhf) libfdt, which Debian cannot
# co-install for two architectures, is unpacked into a sysroot under the cache.
#   scripts/deps.sh            install everything
#   scripts/deps.sh --check    exit 1 and name what is missing, install nothing
set -euo pipefail
. "$(dirname "$0")/cache.sh"

HOST_PKGS=(
	build-essential autoconf automake libtool pkg-config git python3
	libfdt-dev zlib1g-dev libyajl-dev uuid-dev
	gcc-aarch64-linux-gnu gcc-arm-linux-gnueabihf libc6-dev-arm64-cross libc6-dev-armhf-cross
	qemu-system-arm device-tree-compiler u-boot-qemu u-boot-tools
	cpio gzip xz-utils file e2fsprogs expect clang libclang-rt-14-dev
)
# Target libraries for the hypervisor (libfdt.a) and the cross-built tools,
# unpacked into a sysroot per triplet rather than installed: libfdt-dev has no
# Multi-Arch field, and a mirror mid-sync often has the multiarch libc6-dev
# at another version than the host's, which blocks installing it.
SYSROOT_DEBS=(libfdt-dev libfdt1 zlib1g-dev zlib1g libyajl-dev libyajl2 uuid-dev libuuid1)

log() { echo "[deps] $*" >&2; }

missing_pkgs() {
	local p
	for p in "$@"; do
		dpkg-query -W -f='${db:Status-Status}\n' "$p" 2>/dev/null | grep -qx installed || echo "$p"
	done
}

apt_update_done=0
apt_update() {
	[ $apt_update_done = 1 ] && return 0
	apt_update_done=1
	# A mirror mid-sync can fail one index; what we need usually still resolves.
	apt-get update -q >&2 || log "apt-get update reported errors; continuing"
}

ensure_arches() {
	local a changed=0
	for a in arm64 armhf; do
		if ! dpkg --print-foreign-architectures | grep -qx "$a"; then
			dpkg --add-architecture "$a"; changed=1
		fi
	done
	[ $changed = 0 ] || apt_update
}

sysroot_ok() { [ -f "$(xa_sysroot "$1")/.complete-${#SYSROOT_DEBS[@]}" ]; }

fill_sysroot() {   # $1 = debian arch, $2 = gnu triplet
	local dir deb tmp
	dir=$(xa_sysroot "$2")
	sysroot_ok "$2" && return 0
	tmp=$(mktemp -d); chmod 755 "$tmp"
	(cd "$tmp" && for deb in "${SYSROOT_DEBS[@]}"; do apt-get download -q "$deb:$1" >&2; done)
	mkdir -p "$dir"
	for deb in "$tmp"/*.deb; do dpkg-deb -x "$deb" "$dir"; done
	rm -rf "$tmp"
	# Absolute links (libz.so -> /lib/...) would point at the build machine.
	find "$dir" -type l -lname '/*' | while read -r l; do ln -sfn "$dir$(readlink "$l")" "$l"; done
	[ -f "$dir/usr/lib/$2/libfdt.a" ] || { log "libfdt.a for $1 not found after unpacking"; return 1; }
	touch "$dir/.complete-${#SYSROOT_DEBS[@]}"
}

check_only=0
[ "${1:-}" = --check ] && check_only=1

if [ $check_only = 1 ]; then
	m=$(missing_pkgs "${HOST_PKGS[@]}")
	for t in aarch64-linux-gnu arm-linux-gnueabihf; do sysroot_ok $t || m="$m sysroot:$t"; done
	[ -z "$m" ] && exit 0
	echo "missing:" $m; exit 1
fi

[ "$(id -u)" = 0 ] || { log "run as root (apt-get install)"; exit 1; }
export DEBIAN_FRONTEND=noninteractive
ensure_arches
m=$(missing_pkgs "${HOST_PKGS[@]}")
if [ -n "$m" ]; then
	apt_update
	log "installing:" $m
	apt-get install -y -q --no-install-recommends $m >&2
fi
fill_sysroot arm64 aarch64-linux-gnu || { apt_update; fill_sysroot arm64 aarch64-linux-gnu; }
fill_sysroot armhf arm-linux-gnueabihf || { apt_update; fill_sysroot armhf arm-linux-gnueabihf; }
log "all build and test dependencies present"
