#!/bin/busybox sh
# SPDX-License-Identifier: GPL-2.0-only
# /init of the network guest: netfront, eth0 from vif=, ping dom0 across
# xenbr0; then wait for eth1 (hot-plugged by xl network-attach), ping again.
/bin/busybox --install -s /bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev 2>/dev/null
insmod /xen-netfront.ko
waitif() { i=0; while [ ! -e /sys/class/net/$1 ] && [ $i -lt 600 ]; do sleep 0.1; i=$((i+1)); done; }
waitif eth0
ip addr add 192.168.77.2/24 dev eth0 && ip link set eth0 up
ping -c 2 -W 5 192.168.77.1 >/dev/null 2>&1 && echo "PING-ETH0-OK" || echo "PING-ETH0-FAILED"
echo "NET-PHASE1-DONE"
waitif eth1
ip addr add 192.168.78.2/24 dev eth1 && ip link set eth1 up
ping -c 2 -W 5 192.168.78.1 >/dev/null 2>&1 && echo "PING-ETH1-OK" || echo "PING-ETH1-FAILED"
echo "NET-PHASE2-DONE"
while :; do sleep 3600; done
