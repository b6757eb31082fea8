#!/bin/busybox sh
# SPDX-License-Identifier: GPL-2.0-only
# /pv-init of the benchmark guest (bench/pvdev/run.py): sequential direct-I/O
# write then read of 64 MiB on xvda (a raw image in dom0, through blkback),
# and 20 pings to dom0 across xenbr0. Debian's busybox dd prints no timing,
# so each dd is timed with /proc/uptime (10 ms resolution).
export PATH=/bin
up() { cut -d' ' -f1 /proc/uptime; }
timed() { t0=$(up); "$@" 2>/dev/null; rc=$?; echo "rc=$rc bytes=67108864 seconds=$t0-$(up)"; }
i=0; while [ ! -b /dev/xvda ] && [ $i -lt 300 ]; do sleep 0.1; i=$((i+1)); done
i=0; while [ ! -e /sys/class/net/eth0 ] && [ $i -lt 300 ]; do sleep 0.1; i=$((i+1)); done
ip addr add 192.168.77.2/24 dev eth0 && ip link set eth0 up
i=0; while [ "$(cat /sys/class/net/eth0/carrier 2>/dev/null)" != 1 ] && [ $i -lt 600 ]; do sleep 0.1; i=$((i+1)); done
echo "BENCH-WRITE $(timed dd if=/dev/zero of=/dev/xvda bs=1M count=64 oflag=direct)"
echo "BENCH-READ $(timed dd if=/dev/xvda of=/dev/null bs=1M count=64 iflag=direct)"
ping -c 2 -W 5 192.168.77.1 >/dev/null 2>&1
echo "BENCH-PING $(ping -c 20 -i 0.2 -W 5 192.168.77.1 2>&1 | grep round-trip)"
echo "BENCH-DONE"
while :; do sleep 3600; done
