#!/bin/busybox sh
# SPDX-License-Identifier: GPL-2.0-only
# /sbin/init on the ext4 root image of pv-devices.test (root=/dev/xvda):
# write a file on the root, check the read-only disk refuses writes, ping
# dom0 over eth0, then follow dom0's hot-plugging (xvdb attach/detach, eth1
# attach/detach), remount / read-only and say GUEST-DONE. Markers go to hvc0,
# which dom0 reads from xenconsoled's log.
/bin/busybox --install -s /bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev 2>/dev/null
export PATH=/bin
# wait_for TEST TENTHS: until the shell test holds or the time is up
wait_for() { i=0; while ! eval "$1" && [ $i -lt $2 ]; do sleep 0.1; i=$((i+1)); done; eval "$1"; }
# reach DEV IP: netfront makes DEV as soon as the frontend directory
# appears, the link comes up when netback connects (after the hotplug
# script: seconds under host load); then ping until dom0 answers (10 tries),
# then 3 pings whose summary is printed.
reach() {
	i=0; while [ "$(cat /sys/class/net/$1/carrier 2>/dev/null)" != 1 ] && [ $i -lt 600 ]; do
		sleep 0.1; i=$((i+1)); done
	i=0; while ! ping -c 1 -W 3 "$2" >/dev/null 2>&1 && [ $i -lt 10 ]; do i=$((i+1)); done
	ping -c 3 -W 5 "$2" > /tmp/ping 2>&1; rc=$?
	grep round-trip /tmp/ping || cat /tmp/ping
	return $rc
}
echo "ROOT-IS $(awk '$2 == "/" { print $1, $3, substr($4, 1, 2) }' /proc/mounts)"
echo "PV-ROOT-WRITE-OK $(date +%s)" > /written-by-guest && sync && echo "ROOT-WRITE-DONE"
wait_for '[ -b /dev/xvdc ]' 300
echo "RO-SAYS $(dd if=/dev/xvdc bs=16 count=1 2>/dev/null)"
echo "RO-FLAG $(cat /sys/block/xvdc/ro)"
if dd if=/dev/zero of=/dev/xvdc bs=512 count=1 2>/dev/null; then echo "RO-WRITE-ACCEPTED"
else echo "RO-WRITE-REFUSED"; fi
wait_for '[ -e /sys/class/net/eth0 ]' 300
echo "MAC-ETH0 $(cat /sys/class/net/eth0/address)"
ip addr add 192.168.77.2/24 dev eth0 && ip link set eth0 up
reach eth0 192.168.77.1 && echo "PING-ETH0-OK"
echo "PHASE1-DONE"
wait_for '[ -b /dev/xvdb ]' 900 && echo "XVDB-SAYS $(dd if=/dev/xvdb bs=16 count=1 2>/dev/null)"
echo GUEST-WROTE-XVDB | dd of=/dev/xvdb bs=512 seek=1 conv=sync 2>/dev/null && sync
echo "XVDB-DONE"
wait_for '[ ! -b /dev/xvdb ]' 900 && echo "XVDB-GONE"
wait_for '[ -e /sys/class/net/eth1 ]' 900
ip addr add 192.168.78.2/24 dev eth1 && ip link set eth1 up
reach eth1 192.168.78.1 && echo "PING-ETH1-OK"
echo "NET2-DONE"
wait_for '[ ! -e /sys/class/net/eth1 ]' 900 && echo "ETH1-GONE"
sync; mount -o remount,ro / && echo "ROOT-REMOUNTED-RO"
echo "GUEST-DONE"
while :; do sleep 3600; done
