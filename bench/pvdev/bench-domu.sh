#!/bin/busybox sh
# SPDX-License-Identifier: GPL-2.0-only
# /pv-init of the benchmark guest (bench/pvdev/run.py): REPS rounds of a
# sequential direct-I/O write then read of 64 MiB on xvda (a raw image in
# dom0, through blkback), REPS fetches of 64 MiB over HTTP from dom0, 20
# pings to dom0 across xenbr0. Debian's
# busybox dd prints no timing: each dd is timed in the guest with
# adjtimex's microseconds (busybox's date has no %N), else /proc/uptime
# (10 ms steps); BENCH-CLOCK says which.
export PATH=/bin
REPS=3
# busybox adjtimex prints the realtime clock's seconds and microseconds
usec() { adjtimex 2>/dev/null | awk '/tv_sec/ { s = $2 } /tv_usec/ { u = $2 }
	END { if (s != "" && u != "") printf "%d.%06d\n", s, u }'; }
if [ -n "$(usec)" ]; then
	now() { usec; }; echo "BENCH-CLOCK adjtimex-us"
else
	now() { cut -d' ' -f1 /proc/uptime; }; echo "BENCH-CLOCK uptime-10ms"
fi
timed() { t0=$(now); "$@" 2>/dev/null; rc=$?; echo "rc=$rc bytes=$B seconds=$t0-$(now)"; }
# 64 MiB over HTTP from dom0 (busybox httpd, bench-dom0.sh) across the
# bridge: guest receive; prints the bytes it got
fetch() { wget -q -O - http://192.168.77.1:8080/big | wc -c; }
timed_fetch() { t0=$(now); n=$(fetch); t1=$(now); echo "rc=$([ "$n" = 67108864 ]; echo $?) bytes=$n seconds=$t0-$t1"; }
i=0; while [ ! -b /dev/xvda ] && [ $i -lt 300 ]; do sleep 0.1; i=$((i+1)); done
i=0; while [ ! -e /sys/class/net/eth0 ] && [ $i -lt 300 ]; do sleep 0.1; i=$((i+1)); done
ip addr add 192.168.77.2/24 dev eth0 && ip link set eth0 up
i=0; while [ "$(cat /sys/class/net/eth0/carrier 2>/dev/null)" != 1 ] && [ $i -lt 600 ]; do sleep 0.1; i=$((i+1)); done
r=0
while [ $r -lt $REPS ]; do
	B=67108864
	echo "BENCH-WRITE $(timed dd if=/dev/zero of=/dev/xvda bs=1M count=64 oflag=direct)"
	echo "BENCH-READ $(timed dd if=/dev/xvda of=/dev/null bs=1M count=64 iflag=direct)"
	r=$((r+1))
done
ping -c 2 -W 5 192.168.77.1 >/dev/null 2>&1
r=0
while [ $r -lt $REPS ]; do
	echo "BENCH-NET $(timed_fetch)"
	r=$((r+1))
done
echo "BENCH-PING $(ping -c 20 -i 0.2 -W 5 192.168.77.1 2>&1 | grep round-trip)"
echo "BENCH-DONE"
while :; do sleep 3600; done
