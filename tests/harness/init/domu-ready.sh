#!/bin/busybox sh
# SPDX-License-Identifier: GPL-2.0-only
# /init of the guest's initramfs: say DOMU-READY on the PV console (hvc0,
# which xenconsoled logs in dom0), then idle until destroyed.
/bin/busybox --install -s /bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
echo "DOMU-READY uptime=$(cut -d' ' -f1 /proc/uptime) hv=$(cat /sys/hypervisor/type 2>/dev/null)"
while :; do sleep 3600; done
