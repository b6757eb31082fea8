#!/bin/busybox sh
# SPDX-License-Identifier: GPL-2.0-only
# /init of the disk guest: load blkfront, read what dom0 put on xvda and
# xvdb, write a line back to xvda, report on hvc0.
/bin/busybox --install -s /bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev 2>/dev/null
insmod /xen-blkfront.ko
i=0; while { [ ! -b /dev/xvda ] || [ ! -b /dev/xvdb ]; } && [ $i -lt 200 ]; do sleep 0.1; i=$((i+1)); done
echo "DISK-A-SAYS $(dd if=/dev/xvda bs=16 count=1 2>/dev/null)"
echo "DISK-B-SAYS $(dd if=/dev/xvdb bs=16 count=1 2>/dev/null)"
echo GUEST-WROTE | dd of=/dev/xvda bs=512 seek=1 conv=sync 2>/dev/null
sync
echo "DISK-DONE"
while :; do sleep 3600; done
