#!/bin/busybox sh
# SPDX-License-Identifier: GPL-2.0-only
# /init of a dom0 initramfs driven from the serial line: report, then run
# each line typed on the console (hvc0, fed by the hypervisor's
# CONSOLEIO_read) as a shell command, after an "ASK" prompt line.
/bin/busybox --install -s /bin
export PATH=/bin:/sbin:/usr/bin:/usr/sbin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
echo "DOM0-READY uptime=$(cut -d' ' -f1 /proc/uptime)"
echo "HV-TYPE=$(cat /sys/hypervisor/type 2>&1)"
n=0
while :; do
	n=$((n + 1))
	echo "DOM0-ASK $n"
	read -r cmd || { echo "DOM0-EOF"; sleep 1; continue; }
	eval "$cmd"
done
