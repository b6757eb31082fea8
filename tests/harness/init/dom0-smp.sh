#!/bin/busybox sh
# SPDX-License-Identifier: GPL-2.0-only
# /init of the SMP dom0 initramfs (tests/harness/smp.py): report the online
# CPUs and any kernel message about Xen, the GIC, PSCI, timers or CPUs that
# reports a problem; with xa_smp=fair on the kernel command line (init's
# environment) also run a pinned busy loop on every CPU for $xa_secs
# seconds while a 5th task prints a tick a second; with xa_smp=spi load
# the virtio-mmio and virtio-rng modules and read the QEMU virtio-rng
# device (its completions are a physical SPI routed to dom0); then power
# off.
/bin/busybox --install -s /bin
export PATH=/bin:/sbin:/usr/bin:/usr/sbin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
echo "DOM0-READY uptime=$(cut -d' ' -f1 /proc/uptime)"
echo "SMP-ONLINE=$(cat /sys/devices/system/cpu/online)"
echo "SMP-CPUS=$(grep -c ^processor /proc/cpuinfo)"
dmesg | grep -iE 'xen|gic|psci|smp|cpu[0-9]|timer|irq|rcu' |
	grep -iE 'error|warn|fail|bug|oops|stall|stuck|timed? ?out' |
	sed 's/^/XEN-ISSUE: /'
echo "DMESG-CHECKED"

uptime_s() { read -r u _ </proc/uptime; echo "${u%.*}"; }
uptime_cs() { read -r u _ </proc/uptime; echo "${u%.*}${u#*.}"; }

# One loop per CPU, pinned: $1 = CPU, $2 = end (uptime seconds).
BUSY='i=0
while :; do
	i=$((i + 1))
	read -r u _ </proc/uptime
	[ "${u%.*}" -ge "$2" ] && break
done
echo "LOOP cpu=$1 n=$i" >/tmp/loop.$1'

# The loops run at nice 10 (background load), the ticker (this shell,
# pinned to the last CPU) at nice 0, as a user's shell would; it also runs
# any command typed on the console meanwhile. The verdict:
# every loop made progress; among the loops that have their vCPU to
# themselves (all but the last) the slowest made at least xa_min_pct % of
# the fastest's count (the vCPUs got their fair share of the pCPUs); at
# least secs/3 ticks, none more than 5 s after the previous one (a starved
# vCPU would show the whole run; under QEMU's emulation on a loaded host
# `sleep 1` alone can take a second or two more).
fair() {
	secs=${xa_secs:-10}
	n=$(grep -c ^processor /proc/cpuinfo)
	end=$(($(uptime_s) + secs + 1))
	for c in $(seq 0 $((n - 1))); do
		taskset -c "$c" sh -c "$BUSY" busy "$c" "$end" &
		renice -n 10 -p $! >/dev/null
	done
	taskset -p -c $((n - 1)) $$ >/dev/null
	echo "FAIR-START cpus=$n secs=$secs"
	t=0 late=0 prev=$(uptime_cs)
	while [ "$(uptime_s)" -lt "$end" ]; do
		# a second's wait, or a command typed on the console (run at once)
		if read -t 1 -r cmd; then
			eval "$cmd"
			continue
		fi
		t=$((t + 1))
		now=$(uptime_cs)
		[ $((now - prev)) -gt 500 ] && late=$((late + 1))
		prev=$now
		echo "TICK $t uptime=$now"
	done
	wait
	min= max=0 last=0
	for c in $(seq 0 $((n - 1))); do
		l=$(cat /tmp/loop.$c 2>/dev/null)
		echo "${l:-LOOP cpu=$c missing}"
		v=0
		[ -n "$l" ] && v=${l##*n=}
		if [ "$c" -eq $((n - 1)) ]; then last=$v; continue; fi
		if [ -z "$min" ] || [ "$v" -lt "$min" ]; then min=$v; fi
		[ "$v" -gt "$max" ] && max=$v
	done
	echo "FAIR-RESULT min=$min max=$max shared=$last ticks=$t late=$late"
	if [ "$min" -gt 0 ] && [ "$last" -gt 0 ] && [ $((min * 100)) -ge $((max * ${xa_min_pct:-50})) ] &&
	   [ "$late" -eq 0 ] && [ "$t" -ge $((secs / 3)) ]; then
		echo "FAIR-OK"
	else
		echo "FAIR-BAD"
	fi
}

# The device's virtqueue completes through its interrupt: without the SPI
# reaching dom0 the read never returns.
spi() {
	mount -t devtmpfs dev /dev 2>/dev/null
	for m in virtio_mmio virtio-rng; do
		insmod /lib/modules/$m.ko || echo "INSMOD-FAILED $m"
	done
	(dd if=/dev/hwrng bs=16 count=1 2>/dev/null | wc -c >/tmp/rng) &
	i=0
	while [ ! -s /tmp/rng ] && [ $i -lt 20 ]; do sleep 1; i=$((i + 1)); done
	echo "HWRNG-BYTES=$(cat /tmp/rng 2>/dev/null)"
	grep virtio /proc/interrupts | sed 's/^/SPI-IRQ /'
}

[ "$xa_smp" = fair ] && fair
[ "$xa_smp" = spi ] && spi
echo "DOM0-DONE"
poweroff -f
