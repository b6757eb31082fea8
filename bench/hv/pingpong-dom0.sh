#!/bin/busybox sh
# SPDX-License-Identifier: GPL-2.0-only
# /init of the event-channel benchmark's dom0 (bench/hv/run.py): toolstack
# up, `xl create /etc/xen/pp.cfg` timed to the domU's PINGPONG-PORT line
# (its shell marker), then hv-pingpong ping against it, destroy, power off.
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
echo "DOM0-READY uptime=$(up)"
KM=/lib/modules/$(uname -r)/kernel/drivers/xen
for m in xen-privcmd xenfs/xenfs xen-evtchn xen-gntdev xen-gntalloc; do
	insmod "$KM/$m.ko" || echo "INSMOD-FAILED $m"
done
mount -t xenfs xenfs /proc/xen
export XENSTORED_ROOTDIR=/var/lib/xenstored
xenstored --pid-file /run/xenstored.pid
i=0; while ! xenstore-read -s / >/dev/null 2>&1 && [ $i -lt 300 ]; do sleep 0.1; i=$((i+1)); done
xen-init-dom0 >/dev/null
xenconsoled --pid-file /run/xenconsoled.pid --log=guest --log-dir=/var/log/xen/console
LOG=/var/log/xen/console/guest-pp.log
t0=$(up)
xl create /etc/xen/pp.cfg; echo "XL-CREATE rc=$?"
i=0; while ! grep -q PINGPONG-PORT $LOG 2>/dev/null && [ $i -lt 3000 ]; do sleep 0.05; i=$((i+1)); done
t1=$(up)
PORT=$(sed -n 's/.*PINGPONG-PORT \([0-9]*\).*/\1/p' $LOG | head -1)
echo "CREATE-TO-MARKER s=$(awk -v a=$t0 -v b=$t1 'BEGIN { printf "%.2f", b - a }') port=$PORT"
/bin/hv-pingpong ping $(xl domid pp) $PORT $(cat /etc/pingpong.args); echo "PINGPONG-EXIT rc=$?"
xl destroy pp
poweroff -f
