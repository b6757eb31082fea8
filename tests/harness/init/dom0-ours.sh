#!/bin/busybox sh
# SPDX-License-Identifier: GPL-2.0-only
# /init of a dom0 on OUR hypervisor with a toolstack (Debian's or ours, as
# dom0-xl.sh): the daemons, then what the hypervisor's domctl/sysctl must
# answer: xl info, xl list, xl dmesg, then ROUNDS rounds of `xl create -p` (built,
# left paused), xl list (the guest paused), xl destroy; free_memory must be
# the same after the rounds as after the first one. Markers with exit
# statuses for the harness.
. /usr/lib/xa-test/dom0-lib.sh
dom0_base
free_mb() { xl info | sed -n 's/^free_memory *: *//p'; }
ROUNDS=$(sed -n 's/.*xa_rounds=\([0-9]*\).*/\1/p' /proc/cmdline); ROUNDS=${ROUNDS:-3}

echo "DOM0-READY uptime=$(up)"
xen_modules
xencommons
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
