#!/bin/busybox sh
# SPDX-License-Identifier: GPL-2.0-only
# /init of the isolation domU's initramfs (tests/harness/guests.py): load
# Debian's xen-privcmd and xenfs, run the isolation checks against dom0
# (tests/domu/xen-isolation.c) and against the other domU, then a bounded
# random-hypercall run (the
# dom0 fuzzer tests/dom0/xen-hcall-fuzz.c, now unprivileged), then the
# checks again; everything goes to hvc0, which xenconsoled logs in dom0.
/bin/busybox --install -s /bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev 2>/dev/null
echo "ISO-DOMU-UP uptime=$(cut -d' ' -f1 /proc/uptime) hv=$(cat /sys/hypervisor/type 2>/dev/null)"
KM=/lib/modules/$(uname -r)/kernel/drivers/xen
# Linux restricts privcmd in a domU without a device-model target unless
# told otherwise: we want the hypervisor's answers, not Linux's.
insmod $KM/xen-privcmd.ko unrestricted=1 || echo "ISO-INSMOD-privcmd FAIL"
insmod $KM/xenfs/xenfs.ko || echo "ISO-INSMOD-xenfs FAIL"
mount -t xenfs xenfs /proc/xen || echo "ISO-XENFS FAIL mount"
/bin/xen-isolation $(cat /etc/iso.args); echo "ISO-EXIT rc=$?"
# The second domU (its domid on our command line from dom0): same checks.
V=$(sed -n 's/.*iso_victim=\([0-9]*\).*/\1/p' /proc/cmdline)
/bin/xen-isolation $V $(cut -s -d' ' -f2 /etc/iso.args) | sed 's/^ISO-/ISOV-/'
/bin/xen-hcall-fuzz $(cat /etc/fuzz.args); echo "FUZZ-EXIT rc=$?"
/bin/xen-isolation $(cat /etc/iso.args) | sed 's/^ISO-/ISO2-/'
echo "ISOLATION-DONE uptime=$(cut -d' ' -f1 /proc/uptime)"
while :; do sleep 3600; done
