#!/bin/busybox sh
# SPDX-License-Identifier: GPL-2.0-only
# /init of the PV-device guests' initramfs (pv-devices.test, bench/pvdev):
# what Debian's initramfs does for root=/dev/xvda, in a few lines: load the
# PV front ends and ext4 (modules in Debian's kernel), wait for the root
# disk, mount it and hand over to its /sbin/init. No root= -> run /pv-init
# from here (the benchmark guest's raw xvda).
/bin/busybox --install -s /bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev 2>/dev/null
for m in crc16 mbcache crc32c_generic jbd2 ext4 xen-blkfront xen-netfront; do
	insmod /m/$m.ko || echo "INITRD: insmod $m failed"
done
root=; rw=ro
for a in $(cat /proc/cmdline); do
	case $a in root=*) root=${a#root=} ;; rw) rw=rw ;; esac
done
[ -n "$root" ] || exec /pv-init
i=0; while [ ! -b "$root" ] && [ $i -lt 300 ]; do sleep 0.1; i=$((i+1)); done
mkdir -p /newroot
mount -t ext4 -o $rw "$root" /newroot || { echo "INITRD: cannot mount $root"; exec sh; }
umount /sys /proc
mount --move /dev /newroot/dev 2>/dev/null
exec switch_root /newroot /sbin/init
