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
# netfront makes ethN as soon as the frontend directory appears; the link
# comes up only when netback connects, after the hotplug script ran (seconds
# under host load): wait for the carrier, then ping until dom0 answers.
carrier() { i=0; while [ "$(cat /sys/class/net/$1/carrier 2>/dev/null)" != 1 ] && [ $i -lt 600 ]; do sleep 0.1; i=$((i+1)); done; }
reach() { i=0; while ! ping -c 1 -W 3 "$1" >/dev/null 2>&1 && [ $i -lt 10 ]; do i=$((i+1)); done; ping -c 2 -W 5 "$1" >/dev/null 2>&1; }
waitif eth0
ip addr add 192.168.77.2/24 dev eth0 && ip link set eth0 up && carrier eth0
reach 192.168.77.1 && echo "PING-ETH0-OK" || echo "PING-ETH0-FAILED"
echo "NET-PHASE1-DONE"
waitif eth1
ip addr add 192.168.78.2/24 dev eth1 && ip link set eth1 up && carrier eth1
reach 192.168.78.1 && echo "PING-ETH1-OK" || echo "PING-ETH1-FAILED"
echo "NET-PHASE2-DONE"
while :; do sleep 3600; done
