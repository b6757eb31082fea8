#!/bin/busybox sh
# SPDX-License-Identifier: GPL-2.0-only
# /init of the minimal dom0 initramfs: report what dom0 sees of the
# hypervisor, then power off (the test asserts the machine powers off).
/bin/busybox --install -s /bin
export PATH=/bin:/sbin:/usr/bin:/usr/sbin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
echo "DOM0-READY uptime=$(cut -d' ' -f1 /proc/uptime)"
echo "HV-TYPE=$(cat /sys/hypervisor/type 2>&1)"
echo "HV-VERSION=$(cat /sys/hypervisor/version/major 2>/dev/null).$(cat /sys/hypervisor/version/minor 2>/dev/null)$(cat /sys/hypervisor/version/extra 2>/dev/null)"
echo "CPUS=$(grep -c ^processor /proc/cpuinfo) $(grep MemTotal /proc/meminfo)"
echo "DOM0-DONE"
poweroff -f
