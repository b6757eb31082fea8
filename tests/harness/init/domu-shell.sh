#!/bin/busybox sh
# SPDX-License-Identifier: GPL-2.0-only
# /init of the lifecycle guest: says DOMU-READY (with its vCPU count) on the
# PV console, then serves a shell there for xl console. The kernel answers a
# control/shutdown request from the toolstack by running /sbin/poweroff or
# /sbin/reboot; here they first say so on the console (proof the request
# came through xenbus), then power off / reset at once (no init daemon).
/bin/busybox --install -s /bin
mkdir -p /sbin
for a in poweroff reboot; do
	printf '#!/bin/busybox sh\necho GUEST-GOT-%s >/dev/hvc0\nexec /bin/busybox %s -f\n' \
		"$(echo $a | tr a-z A-Z)" $a > /sbin/$a
	chmod 755 /sbin/$a
done
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev 2>/dev/null
echo "DOMU-READY cpus=$(grep -c ^processor /proc/cpuinfo) hv=$(cat /sys/hypervisor/type 2>/dev/null)"
sh </dev/hvc0 >/dev/hvc0 2>&1 &
while :; do sleep 3600; done
