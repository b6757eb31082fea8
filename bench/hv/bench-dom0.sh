#!/bin/busybox sh
# SPDX-License-Identifier: GPL-2.0-only
# /init of the null-hypercall benchmark's dom0 (bench/hv/run.py): load
# xen-privcmd, run hv-nullcall with /etc/nullcall.args, power off.
/bin/busybox --install -s /bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev 2>/dev/null
echo "DOM0-READY uptime=$(cut -d' ' -f1 /proc/uptime)"
insmod /lib/modules/$(uname -r)/kernel/drivers/xen/xen-privcmd.ko || echo "INSMOD-FAILED"
/bin/hv-nullcall $(cat /etc/nullcall.args); echo "NULLCALL-EXIT rc=$?"
poweroff -f
