#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# Fetches, by Debian package name, everything the QEMU tests boot that we do
# not build: the arm64 and armhf kernels (and their DTBs and modules),
# busybox-static, Debian's Xen 4.17 hypervisors and its arm64 toolstack, and
# arm64 bash and util-linux (Debian's hotplug scripts in /etc/xen/scripts
# are bash, and lock with flock, which busybox-static lacks).
# Packages are downloaded (never installed) into $XA_CACHE/fixtures/debs and
# unpacked once per package version, so a new kernel version refetches and an
# unchanged one costs one apt-cache call. The result is a sourced file:
#   . "$XA_CACHE/fixtures/env.sh"   (XA_KERNEL_ARM64=..., see write_env below)
#   scripts/fixtures.sh            fetch what is missing, write env.sh
#   scripts/fixtures.sh --print    also print env.sh
set -euo pipefail
. "$(dirname "$0")/cache.sh"
FX=$XA_CACHE/fixtures
DEBS=$FX/debs
PKGS=$FX/pkgs

log() { echo "[fixtures] $*" >&2; }
die() { log "$*"; exit 1; }

# The toolstack and the shared-library closure its C programs need (python,
# udev and the rest of xen-utils' dependencies are deliberately left out).
XEN_UTILS_DEBS=(xen-utils-4.17 xen-utils-common xenstore-utils libxenmisc4.17
	libxencall1 libxenevtchn1 libxenforeignmemory1 libxengnttab1 libxenstore4
	libxentoollog1 libxenhypfs1 libxendevicemodel1 libxentoolcore1 libyajl2
	libc6 libncurses6 libtinfo6 libext2fs2 libfdt1 libuuid1 zlib1g libgcc-s1)

apt_updated=0
apt_update() {
	[ $apt_updated = 1 ] && return 0
	apt_updated=1
	# A mirror mid-sync can fail one index; what we need usually still resolves.
	apt-get update -q >&2 || log "apt-get update reported errors; continuing"
}

# "pkg:arch version" for every pkg:arch given, from ONE apt-cache call (each
# call costs a second or two); refreshes the index once if one is missing.
VERSIONS=$FX/versions.resolved
candidates() {
	apt-cache policy "$@" 2>/dev/null | awk '
		/^[^ ]/ { p = $1; sub(/:$/, "", p) }
		/^  Candidate:/ && $2 != "(none)" { print p, $2 }'
}
resolve_all() {
	candidates "$@" > "$VERSIONS"
	[ "$(wc -l < "$VERSIONS")" = $# ] && return 0
	apt_update; candidates "$@" > "$VERSIONS"
	[ "$(wc -l < "$VERSIONS")" = $# ] ||
		die "not in the archive: $(printf '%s\n' "$@" | grep -vxFf <(cut -d' ' -f1 "$VERSIONS") | xargs)"
}

# The real kernel packages behind the meta packages (linux-image-arm64 ->
# linux-image-6.1.0-NN-arm64), in the order given.
resolve_kernels() {
	local out
	out=$(apt-cache depends linux-image-arm64:arm64 linux-image-armmp-lpae:armhf 2>/dev/null |
		sed -n 's/.*Depends: \(linux-image-[0-9][^:]*-\(arm64\|armmp-lpae\)\)\(:[a-z0-9]*\)\{0,1\}$/\1/p')
	K64=$(echo "$out" | grep -e '-arm64$' | head -n1)
	K32=$(echo "$out" | grep -e '-armmp-lpae$' | head -n1)
	[ -n "$K64" ] && [ -n "$K32" ]
}

# Unpacks pkg=version:arch into $PKGS/<pkg>_<ver>_<arch>/ (once); prints it.
unpack() {   # $1 pkg, $2 arch, $3 version
	local d=$PKGS/$1_${3//:/%}_$2 deb tmp
	if [ ! -e "$d/.complete" ]; then
		tmp=$(mktemp -d "$DEBS/dl.XXXXXX"); chmod 755 "$tmp"
		(cd "$tmp" && apt-get download -q "$1:$2=$3" >&2) ||
			{ rm -rf "$tmp"; log "apt-get download $1:$2=$3 failed"; return 1; }
		deb=$(ls "$tmp"/*.deb)
		rm -rf "$d"; mkdir -p "$d"
		dpkg-deb -x "$deb" "$d"
		mv "$deb" "$DEBS/"; rmdir "$tmp"
		touch "$d/.complete"
		log "unpacked $1:$2 $3"
	fi
	echo "$d"
}

resolved() { awk -v p="$1:$2" '$1 == p { print $2 }' "$VERSIONS"; }

# $1 pkg, $2 arch: unpacks the resolved version, prints its dir. A mirror
# mid-sync can list a version its pool no longer has: refresh the index,
# resolve again and retry once.
fetch() {
	local v
	v=$(resolved "$1" "$2")
	[ -n "$v" ] || die "no version resolved for $1:$2"
	unpack "$1" "$2" "$v" && return 0
	apt_update
	v=$(candidates "$1:$2" | cut -d' ' -f2)
	[ -n "$v" ] || die "package $1:$2 left the archive"
	sed -i "s|^$1:$2 .*|$1:$2 $v|" "$VERSIONS"
	unpack "$1" "$2" "$v" || die "cannot download $1:$2"
}

# Debian's arm64 vmlinuz is a raw Image (older ones were gzip): QEMU and the
# hypervisors want the raw one.
raw_image() {   # $1 vmlinuz, $2 output
	[ -s "$2" ] && return 0
	if gzip -t "$1" 2>/dev/null; then zcat "$1" > "$2.tmp"; else cp "$1" "$2.tmp"; fi
	mv "$2.tmp" "$2"
}

# One merged tree of the toolstack closure, keyed on all of its versions.
xen_utils_tree() {
	local p dirs=() key out
	for p in "${XEN_UTILS_DEBS[@]}"; do dirs+=("$(fetch "$p" arm64)"); done
	key=$(printf '%s\n' "${dirs[@]}" | md5sum | cut -c1-12)
	out=$FX/xen-utils-$key
	if [ ! -e "$out/.complete" ]; then
		rm -rf "$out"; mkdir -p "$out"
		for p in "${dirs[@]}"; do cp -a "$p"/. "$out"/; done
		touch "$out/.complete"
	fi
	echo "$out"
}

one_file() {   # $1 glob pattern (must match exactly one file)
	local f
	# shellcheck disable=SC2206
	f=($1)
	[ ${#f[@]} = 1 ] && [ -e "${f[0]}" ] || die "expected one file for $1, found: ${f[*]}"
	echo "${f[0]}"
}

main() {
	local k64 k32 kv64 kv32 d64 d32 bb64 bb32 x64 x32 xu zcu vexp p bash64 ul64
	mkdir -p "$DEBS" "$PKGS"
	# Two runs at once (two engineers' tests/run) would unpack over each other.
	exec 9> "$FX/.lock"
	flock -w 900 9 || die "another fixtures.sh holds $FX/.lock"
	resolve_kernels || { apt_update; resolve_kernels; } ||
		die "cannot resolve linux-image-arm64:arm64 / linux-image-armmp-lpae:armhf to kernel packages"
	k64=$K64 k32=$K32
	kv64=${k64#linux-image-}; kv32=${k32#linux-image-}
	resolve_all "$k64:arm64" "$k32:armhf" busybox-static:arm64 busybox-static:armhf \
		xen-hypervisor-4.17-arm64:arm64 xen-hypervisor-4.17-armhf:armhf bash:arm64 util-linux:arm64 \
		$(for p in "${XEN_UTILS_DEBS[@]}"; do echo "$p:arm64"; done)
	d64=$(fetch "$k64" arm64); d32=$(fetch "$k32" armhf)
	bb64=$(fetch busybox-static arm64); bb32=$(fetch busybox-static armhf)
	x64=$(fetch xen-hypervisor-4.17-arm64 arm64); x32=$(fetch xen-hypervisor-4.17-armhf armhf)
	xu=$(xen_utils_tree)
	bash64=$(fetch bash arm64); ul64=$(fetch util-linux arm64)
	raw_image "$d64/boot/vmlinuz-$kv64" "$d64/boot/Image-$kv64"
	zcu=$(one_file "$d64/usr/lib/linux-image-*/xilinx/zynqmp-zcu102-rev1.0.dtb")
	vexp=$(one_file "$d32/usr/lib/linux-image-*/vexpress-v2p-ca15-tc1.dtb")
	bb64=$(one_file "$bb64/bin/busybox"); bb32=$(one_file "$bb32/bin/busybox")
	bash64=$(one_file "$bash64/bin/bash"); ul64=$(one_file "$ul64/usr/bin/flock")
	x64=$(one_file "$x64/boot/xen-4.17*-arm64"); x32=$(one_file "$x32/boot/xen-4.17*-armhf")
	[ -s "$d32/boot/vmlinuz-$kv32" ] || die "no vmlinuz in $k32"
	write_env > "$FX/env.sh.tmp"
	mv "$FX/env.sh.tmp" "$FX/env.sh"
	sort "$VERSIONS" > "$FX/versions.txt"
	log "fixtures ready: $FX/env.sh (versions in $FX/versions.txt)"
}

write_env() {
	cat <<EOF
# Generated by scripts/fixtures.sh: Debian packages unpacked under $FX
XA_FIXTURES='$FX'
XA_KERNEL_VERSION_ARM64='$kv64'
XA_KERNEL_ARM64='$d64/boot/Image-$kv64'
XA_KMOD_DIR_ARM64='$d64/lib/modules/$kv64'
XA_ZCU102_DTB='$zcu'
XA_KERNEL_VERSION_ARMHF='$kv32'
XA_KERNEL_ARMHF='$d32/boot/vmlinuz-$kv32'
XA_KMOD_DIR_ARMHF='$d32/lib/modules/$kv32'
XA_VEXPRESS_DTB='$vexp'
XA_BUSYBOX_ARM64='$bb64'
XA_BUSYBOX_ARMHF='$bb32'
XA_REF_XEN_ARM64='$x64'
XA_REF_XEN_ARMHF='$x32'
XA_XEN_UTILS_ARM64='$xu'
XA_BASH_ARM64='$bash64'
XA_FLOCK_ARM64='$ul64'
EOF
}

main
[ "${1:-}" = --print ] && cat "$FX/env.sh"
exit 0
