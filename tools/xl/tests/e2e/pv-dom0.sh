#!/bin/busybox sh
# SPDX-License-Identifier: GPL-2.0-only
# /init of dom0 for pv-devices*.test: the toolstack under test (our install
# tree over Debian's, or Debian's alone: /etc/pv-env, see pv.py), dom0
# Linux's own blkback and netback, the hotplug scripts in /etc/xen/scripts
# (ours, or Debian's bash ones with Debian's toolstack). Bad device specs
# first (each must fail, naming the spec with our xl, and leave nothing),
# then one guest whose root is an ext4
# image on xvda, with a read-only xvdc and a vif on xenbr0; a disk and a vif
# hot-plugged and unplugged; destroy; then what is left in dom0 is checked.
# Each step prints "<NAME> rc=<status>"; checks print a marker.
. /usr/lib/xa-test/dom0-lib.sh
dom0_base
hotplug_env
xen_modules drivers/block/loop drivers/block/xen-blkback/xen-blkback \
	drivers/net/xen-netback/xen-netback net/llc/llc net/802/stp net/bridge/bridge \
	lib/crc16 fs/mbcache crypto/crc32c_generic fs/jbd2/jbd2 fs/ext4/ext4
xencommons
bridge xenbr0 192.168.77.1
bridge xenbr1 192.168.78.1
echo "TOOLSTACK-READY"
. /etc/pv-env
xs_dirs() { for d in /local/domain /libxl /vm; do echo "$d: $(xenstore-list $d 2>/dev/null | xargs)"; done; }
xs_dirs > /tmp/xs.before
md5sum /images/ro.img > /tmp/ro.md5
losetup -a > /tmp/loops.before

# --- 5. bad specs: refused before anything is built, the spec named ---
leftovers() {
	[ "$($X list | wc -l)" = 2 ] || echo "a domain"
	for k in $(xenstore-list /local/domain/0/backend 2>/dev/null); do
		[ -z "$(xenstore-list /local/domain/0/backend/$k 2>/dev/null)" ] || echo "$k backends"
	done
	losetup -a | cmp -s - /tmp/loops.before || echo "loop devices"
	xs_dirs | cmp -s - /tmp/xs.before || echo "xenstore: $(xs_dirs | xargs)"
}
left() {   # what a refused create must not leave (3 s for a dying domain, a loop's autoclear)
	i=0; while [ -n "$(leftovers)" ] && [ $i -lt 10 ]; do sleep 0.3; i=$((i+1)); done
	leftovers
}
# $1 name, $2 text our xl's message must contain, $3 Debian's xl's (ACCEPTED:
# the peer builds this domain; then it must go with xl destroy), $4 disk
# list, $5 vif list
bad() {
	printf 'name = "bad"\nkernel = "/boot/vmlinuz-guest"\nmemory = 64\n' > /tmp/bad.cfg
	printf 'disk = [ %s ]\nvif = [ %s ]\n' "$4" "$5" >> /tmp/bad.cfg
	$X create /tmp/bad.cfg > /tmp/bad.out 2>&1; rc=$?
	sed 's/^/  | /' /tmp/bad.out
	if [ "$TS" = ours ]; then t=$2; else t=$3; fi
	if [ "$t" = ACCEPTED ]; then
		[ $rc = 0 ] && $X destroy bad && l=$(left) && [ -z "$l" ] && echo "BAD-$1-ACCEPTED" && return
		echo "BAD-$1-NOT-ACCEPTED rc=$rc left: $(left)"; return
	fi
	l=$(left)
	if [ $rc != 0 ] && grep -q -- "$t" /tmp/bad.out && [ -z "$l" ]; then echo "BAD-$1-REFUSED"
	else echo "BAD-$1-NOT-REFUSED rc=$rc left: $l"; fi
}
[ -e /etc/pv-skip-bad ] || {
bad UNKNOWN-KEY colour "unknown parameter: near .colour" "'/images/ro.img,raw,xvda,r,colour=blue'" ""
bad NO-TARGET "no target" "no target specified" "'vdev=xvda,access=r'" ""
bad MISSING-FILE /images/nope.img "/images/nope.img: No such file" "'/images/nope.img,raw,xvda,w'" ""
bad DUP-VDEV "already used" "device already exists in xenstore" "'/images/ro.img,raw,xvda,r', '/images/hot.img,raw,xvda,r'" ""
bad CDROM cdrom ACCEPTED "'/images/ro.img,raw,xvdc,r,devtype=cdrom'" ""
bad QCOW2 qcow2 "device model .* is not executable" "'/images/ro.img,qcow2,xvda,r'" ""
bad NO-BRIDGE nosuchbr "Could not find bridge device nosuchbr" "'/images/ro.img,raw,xvda,r'" "'bridge=nosuchbr'"
bad VIFNAME "a/b" "name a/b failed" "'/images/ro.img,raw,xvda,r'" "'vifname=a/b'"
# Failing hotplug scripts: the domain exists by then, and must go with its
# devices. (Debian's xl builds the domain before every disk/vif check but the
# parser's; its QCOW2 fails starting the qdisk device model, which Debian's
# arm64 packages do not have.)
bad DISK-SCRIPT "xvdd.*/bin/false add failed" "/bin/false add .* exited with error" "'/images/ro.img,raw,xvda,r', '/images/hot.img,raw,xvdd,r,script=/bin/false'" ""
bad VIF-SCRIPT "vif 0.*/bin/false online failed" "/bin/false online .* exited with error" "'/images/ro.img,raw,xvda,r'" "'bridge=xenbr0,script=/bin/false'"
}

# --- 1-4. the guest: root on xvda, read-only xvdc, vif on xenbr0 ---
L=/var/log/xen/console/guest-pvguest.log
waitlog() { i=0; while ! grep -q "$1" $L 2>/dev/null && [ $i -lt ${2:-900} ]; do sleep 0.1; i=$((i+1)); done; grep -q "$1" $L; }
hotplug_log() { [ -s /var/log/xen/xen-hotplug.log ] && sed 's/^/  hotplug| /' /var/log/xen/xen-hotplug.log; : > /var/log/xen/xen-hotplug.log; }
hotplug_log
$X create /etc/xen/pvguest.cfg; rc=$?
hotplug_log
echo "CREATE rc=$rc"
waitlog PHASE1-DONE 1800 || echo "GUEST-TIMEOUT phase 1"
D=$($X domid pvguest)
xenstore-ls -fp /local/domain/0/backend/vbd/$D | grep -E '/(state|physical-device|params|node|mode|hotplug-status) '
run BLOCK-LIST $X block-list pvguest
run NETWORK-LIST-1 $X network-list pvguest
# 3. hot-plugged disk through a loop device, then unplugged: the loop goes too
run BLOCK-ATTACH $X block-attach pvguest /images/hot.img,raw,xvdb,w
xenstore-ls -fp /local/domain/0/backend/vbd/$D | grep -E '/51728/(state|node|hotplug-status) '
run BLOCK-ATTACH-AGAIN sh -c "! $X block-attach pvguest /images/ro.img,raw,xvdb,r"
waitlog XVDB-DONE || echo "GUEST-TIMEOUT xvdb"
run BLOCK-DETACH $X block-detach pvguest xvdb
i=0; while losetup -a | grep -q hot.img && [ $i -lt 50 ]; do sleep 0.1; i=$((i+1)); done
losetup -a | grep hot.img || echo "HOT-LOOP-RELEASED"
waitlog XVDB-GONE || echo "GUEST-TIMEOUT xvdb gone"
dd if=/images/hot.img bs=512 skip=1 count=1 2>/dev/null | grep -q GUEST-WROTE-XVDB && echo "HOT-WRITE-SEEN"
# 4. a second vif on xenbr1 (renamed by vif-bridge), then detached
run NETWORK-ATTACH $X network-attach pvguest bridge=xenbr1 vifname=pvnet1 rate=10Mb/s
[ "$(basename "$(readlink -f /sys/class/net/pvnet1/brport/bridge)")" = xenbr1 ] && echo "VIFNAME-ON-BRIDGE"
xenstore-ls -fp /local/domain/0/backend/vif/$D | grep -E '/1/(rate|vifname|hotplug-status) '
waitlog NET2-DONE || echo "GUEST-TIMEOUT eth1"
run NETWORK-LIST-2 $X network-list pvguest
run NETWORK-DETACH $X network-detach pvguest 1
[ -e /sys/class/net/vif$D.1 ] || [ -e /sys/class/net/pvnet1 ] && echo "VIF-STILL-THERE"
waitlog GUEST-DONE || echo "GUEST-TIMEOUT done"
sed 's/^/  guest| /' $L
grep -q 'ROOT-IS /dev/xvda ext4 rw' $L && echo "GUEST-ROOT-ON-XVDA"
grep -q 'RO-WRITE-REFUSED' $L && grep -q 'RO-FLAG 1' $L && grep -q 'RO-SAYS RO-DISK-DATA' $L && echo "GUEST-RO-REFUSED"
grep -q 'PING-ETH0-OK' $L && grep -q 'PING-ETH1-OK' $L && echo "GUEST-PINGED-DOM0"
grep -q 'XVDB-SAYS HOTPLUG-DISK' $L && grep -q 'ETH1-GONE' $L && echo "GUEST-SAW-HOTPLUG"
grep -q 'MAC-ETH0 00:16:3e:' $L && echo "GUEST-MAC-XEN-OUI"
run DESTROY $X destroy pvguest
i=0; while losetup -a | grep -q /images/ && [ $i -lt 50 ]; do sleep 0.1; i=$((i+1)); done
losetup -a | grep /images/ || echo "LOOPS-RELEASED"
xenstore-exists /local/domain/0/backend/vbd/$D || xenstore-exists /local/domain/0/backend/vif/$D ||
	echo "BACKENDS-GONE"
ls /sys/class/net | grep -q "^vif$D\." && echo "VIF-STILL-THERE"
md5sum -c /tmp/ro.md5 >/dev/null && echo "RO-IMAGE-UNCHANGED"
mount -o ro,loop /images/root.img /mnt && grep -q PV-ROOT-WRITE-OK /mnt/written-by-guest &&
	echo "ROOT-FILE-IN-IMAGE"
umount /mnt
echo "PV-DEVICES-DONE"
poweroff -f
