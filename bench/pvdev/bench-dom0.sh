#!/bin/busybox sh
# SPDX-License-Identifier: GPL-2.0-only
# /init of dom0 for bench/pvdev/run.py: the toolstack named in /etc/pv-env
# (ours or Debian's xl, each with its own hotplug scripts), blkback/netback,
# one guest with a 72 MiB raw image (in dom0's RAM) as xvda and a vif on
# xenbr0; the guest's BENCH-* lines are copied to this console.
/bin/busybox --install -s /bin
export PATH=/bin:/sbin:/usr/bin:/usr/sbin:/usr/lib/xen-4.17/bin
export LD_LIBRARY_PATH=/usr/lib/xen-4.17/lib/aarch64-linux-gnu
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev 2>/dev/null
mkdir -p /dev/pts && mount -t devpts devpts /dev/pts
# What udev makes on a full system; Debian's locking.sh stats /dev/stdin.
ln -sf /proc/self/fd /dev/fd; ln -sf /proc/self/fd/0 /dev/stdin
mkdir -p /run/xen /run/xenstored /var/lib/xen /var/lib/xenstored /var/log/xen/console /var/lock
ln -sf /run /var/run
syslogd -O /var/log/messages   # Debian's hotplug scripts log through logger
KM=/lib/modules/$(uname -r)/kernel
for m in drivers/xen/xen-privcmd drivers/xen/xenfs/xenfs drivers/xen/xen-evtchn \
	drivers/xen/xen-gntdev drivers/xen/xen-gntalloc drivers/block/loop \
	drivers/block/xen-blkback/xen-blkback drivers/net/xen-netback/xen-netback \
	net/llc/llc net/802/stp net/bridge/bridge; do
	insmod "$KM/$m.ko" || echo "insmod $m failed"
done
mount -t xenfs xenfs /proc/xen
export XENSTORED_ROOTDIR=/var/lib/xenstored
xenstored --pid-file /run/xenstored.pid
i=0; while ! xenstore-read -s / >/dev/null 2>&1 && [ $i -lt 300 ]; do sleep 0.1; i=$((i+1)); done
xen-init-dom0
xenconsoled --pid-file /run/xenconsoled.pid --log=guest --log-dir=/var/log/xen/console
brctl addbr xenbr0 && ip addr add 192.168.77.1/24 dev xenbr0 && ip link set xenbr0 up
. /etc/pv-env
dd if=/dev/zero of=/tmp/bench.img bs=1M count=72 2>/dev/null
cat > /tmp/bench.cfg <<CFG
name = "bench"
kernel = "/boot/vmlinuz-guest"
ramdisk = "/boot/initrd-pv.cpio.gz"
memory = 192
disk = [ '/tmp/bench.img,raw,xvda,w' ]
vif = [ 'bridge=xenbr0$VIFOPTS' ]
extra = "console=hvc0 rdinit=/init"
CFG
echo "BENCH-TOOLSTACK $X"
# BENCH-NET: the guest fetches 64 MiB (in dom0's RAM) from busybox httpd
# (its own tmpfs: dom0's rootfs, half of 512 MiB, holds the image already)
mkdir -p /www && mount -t tmpfs -o size=80m tmpfs /www &&
	dd if=/dev/zero of=/www/big bs=1M count=64 2>/dev/null
httpd -p 8080 -h /www
$X create /tmp/bench.cfg; echo "CREATE rc=$?"
L=/var/log/xen/console/guest-bench.log
i=0; while ! grep -q BENCH-DONE $L 2>/dev/null && [ $i -lt 3000 ]; do sleep 0.1; i=$((i+1)); done
grep BENCH- $L
$X destroy bench; echo "DESTROY rc=$?"
poweroff -f
