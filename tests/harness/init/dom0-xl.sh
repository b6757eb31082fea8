#!/bin/busybox sh
# SPDX-License-Identifier: GPL-2.0-only
# /init of a dom0 initramfs that carries a toolstack (Debian's xen-utils-4.17
# tree today, ours later: the same commands either way). It starts the
# daemons the way Debian's xencommons does, then runs one guest lifecycle:
# xl list, xl create /etc/xen/guest.cfg, wait for the guest's console to say
# DOMU-READY, xl list, xl destroy, xl list; each step prints a marker line
# with its exit status for the harness.
. /usr/lib/xa-test/dom0-lib.sh
dom0_base

dom0_ready
xen_modules
xencommons
echo "TOOLSTACK-READY uptime=$(up)"

CFG=/etc/xen/guest.cfg
NAME=$(sed -n 's/^name *= *"\(.*\)".*/\1/p' $CFG)
LOG=/var/log/xen/console/guest-$NAME.log
run XL-LIST-1 xl list
run XL-CREATE xl create $CFG
i=0; while ! grep -q DOMU-READY $LOG 2>/dev/null && [ $i -lt 600 ]; do sleep 0.1; i=$((i+1)); done
if grep -q DOMU-READY $LOG 2>/dev/null; then echo "DOMU-READY-SEEN uptime=$(up)"; else echo "DOMU-TIMEOUT"; fi
run XL-LIST-2 xl list
echo "--- console of $NAME ($LOG) ---"; cat $LOG; echo "--- end of console ---"
run XL-DESTROY xl destroy $NAME
# A destroyed domain may stay "dying" while dom0 still maps its pages; it
# must be gone within 5 s (every page back to the hypervisor).
others() { xl list 2>/dev/null | awk 'NR > 1 && $2 != 0'; }
i=0; while [ -n "$(others)" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i+1)); done
run XL-LIST-3 xl list
[ -z "$(others)" ] || echo "GUEST-STILL-LISTED 5 s after xl destroy: $(others)"
echo "DOM0-XL-DONE uptime=$(up)"
poweroff -f
