#!/bin/busybox sh
# SPDX-License-Identifier: GPL-2.0-only
# /init of the guest used for console, shutdown and reboot tests: a shell
# on hvc0 for xl console; the kernel answers
# control/shutdown by running /sbin/poweroff or /sbin/reboot, which here
# power off or reset at once (there is no init daemon to ask).
/bin/busybox --install -s /bin
mkdir -p /sbin
printf '#!/bin/busybox sh\nexec /bin/busybox poweroff -f\n' > /sbin/poweroff
printf '#!/bin/busybox sh\nexec /bin/busybox reboot -f\n' > /sbin/reboot
chmod 755 /sbin/poweroff /sbin/reboot
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev 2>/dev/null
echo "DOMU-READY uptime=$(cut -d' ' -f1 /proc/uptime) hv=$(cat /sys/hypervisor/type 2>/dev/null)"
# A shell on the PV console, for xl console.
sh </dev/hvc0 >/dev/hvc0 2>&1 &
while :; do sleep 3600; done
