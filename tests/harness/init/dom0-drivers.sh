#!/bin/busybox sh
# SPDX-License-Identifier: GPL-2.0-only
# /init of the dom0 drivers initramfs (tests/harness/drivers.py): load
# Debian's Xen modules, mount xenfs, run the drivers check; with
# /etc/fuzz.args, run the hypercall fuzzer and then the check again; then
# power off. Each step prints a marker line for the harness.
/bin/busybox --install -s /bin
export PATH=/bin:/sbin:/usr/bin:/usr/sbin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev 2>/dev/null
echo "DOM0-READY uptime=$(cut -d' ' -f1 /proc/uptime)"
echo "HV-TYPE=$(cat /sys/hypervisor/type 2>&1)"
KM=/lib/modules/$(uname -r)/kernel/drivers/xen
ok=1
for m in xen-privcmd xenfs/xenfs xen-evtchn xen-gntdev xen-gntalloc; do
	insmod "$KM/$m.ko" || { echo "INSMOD-FAILED $m"; ok=0; }
done
[ $ok = 1 ] && echo "MODULES-LOADED"
mount -t xenfs xenfs /proc/xen && echo "XENFS-MOUNTED caps=$(cat /proc/xen/capabilities)"
ls /dev/xen
/bin/xen-drivers-check
if [ -e /etc/fuzz.args ]; then
	/bin/xen-hcall-fuzz $(cat /etc/fuzz.args)
	echo "FUZZ-EXIT rc=$?"
	/bin/xen-drivers-check
fi
echo "XEN-LINES $(dmesg | grep -ciE 'xen.*(fail|error|warn|cannot)')"
dmesg | grep -iE 'xen.*(fail|error|warn|cannot)'
echo "DOM0-DONE"
poweroff -f
