#!/bin/busybox sh
# SPDX-License-Identifier: GPL-2.0-only
# /init of a dom0 on OUR hypervisor with a toolstack (Debian's or ours, as
# dom0-xl.sh): the daemons, then what the hypervisor's domctl/sysctl must
# answer: xl info, xl list, xl dmesg, then ROUNDS rounds of `xl create -p` (built,
# left paused), xl list (the guest paused), xl destroy; free_memory must be
# the same after the rounds as after the first one. Markers with exit
# statuses for the harness.
/bin/busybox --install -s /bin
export PATH=/bin:/sbin:/usr/bin:/usr/sbin:/usr/lib/xen-4.17/bin
export LD_LIBRARY_PATH=/usr/lib/xen-4.17/lib/aarch64-linux-gnu
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev 2>/dev/null
mkdir -p /dev/pts /dev/shm && mount -t devpts devpts /dev/pts && mount -t tmpfs tmpfs /dev/shm
mkdir -p /run/xen /run/xenstored /var/lib/xen /var/lib/xenstored /var/log/xen/console /var/lock
ln -sf /run /var/run
up() { cut -d' ' -f1 /proc/uptime; }
run() { n=$1; shift; "$@"; echo "$n rc=$? uptime=$(up)"; }
free_mb() { xl info | sed -n 's/^free_memory *: *//p'; }
ROUNDS=$(sed -n 's/.*xa_rounds=\([0-9]*\).*/\1/p' /proc/cmdline); ROUNDS=${ROUNDS:-3}

echo "DOM0-READY uptime=$(up)"
KM=/lib/modules/$(uname -r)/kernel/drivers/xen
for m in xen-privcmd xenfs/xenfs xen-evtchn xen-gntdev xen-gntalloc; do
	[ -e "$KM/$m.ko" ] && { insmod "$KM/$m.ko" || echo "insmod $m failed"; }
done
mount -t xenfs xenfs /proc/xen || echo "mount xenfs failed"

export XENSTORED_ROOTDIR=/var/lib/xenstored
run XENSTORED xenstored --pid-file /run/xenstored.pid
i=0; while ! xenstore-read -s / >/dev/null 2>&1 && [ $i -lt 300 ]; do sleep 0.1; i=$((i+1)); done
run INIT-DOM0 xen-init-dom0
run XENCONSOLED xenconsoled --pid-file /run/xenconsoled.pid --log=guest --log-dir=/var/log/xen/console
echo "TOOLSTACK-READY uptime=$(up)"
run XL-INFO xl info
run XL-LIST-1 xl list
run XL-DMESG xl dmesg

CFG=/etc/xen/guest.cfg
round() {
	run XL-CREATE-P xl create -p $CFG
	xl list | awk '$1 == "guest" { print "GUEST-LISTED state=" $5 }'
	run XL-DESTROY xl destroy guest
	xl list | grep -q '^guest ' && echo "GUEST-STILL-LISTED after xl destroy"
}
round
FREE1=$(free_mb)
echo "FREE-AFTER-ROUND-1=$FREE1"
k=2; while [ $k -le $ROUNDS ]; do round; k=$((k+1)); done
FREEN=$(free_mb)
echo "FREE-AFTER-ROUND-$ROUNDS=$FREEN"
[ "$FREE1" = "$FREEN" ] && echo "FREE-MEMORY-SAME $FREEN MiB after $ROUNDS rounds" ||
	echo "FREE-MEMORY-CHANGED $FREE1 -> $FREEN"
echo "DOM0-OURS-DONE uptime=$(up)"
poweroff -f
