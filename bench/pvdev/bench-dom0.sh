#!/bin/busybox sh
# SPDX-License-Identifier: GPL-2.0-only
# /init of dom0 for bench/pvdev/run.py: the toolstack named in /etc/pv-env
# (ours or Debian's xl, each with its own hotplug scripts), blkback/netback,
# one guest with a 72 MiB raw image (in dom0's RAM) as xvda and a vif on
# xenbr0; the guest's BENCH-* lines are copied to this console.
. /usr/lib/xa-test/dom0-lib.sh
dom0_base
hotplug_env
xen_modules drivers/block/loop drivers/block/xen-blkback/xen-blkback \
	drivers/net/xen-netback/xen-netback net/llc/llc net/802/stp net/bridge/bridge
xencommons
bridge xenbr0 192.168.77.1
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
