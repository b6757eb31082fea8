#!/bin/busybox sh
# SPDX-License-Identifier: GPL-2.0-only
# /init of the isolation dom0 (tests/harness/guests.py): start the toolstack
# as Debian's xencommons does, xl create /etc/xen/iso.cfg, wait for the
# domU's console to say ISOLATION-DONE, print its console, check the domU
# is still running and dom0 still has its hypervisor, destroy, power off.
. /usr/lib/xa-test/dom0-lib.sh
dom0_base

dom0_ready
xen_modules
xencommons
echo "TOOLSTACK-READY uptime=$(up)"

# A second, idle domU first: the other victim (tests/e2e/guest.cfg).
VLOG=/var/log/xen/console/guest-guest.log
run VICTIM-CREATE xl create /etc/xen/guest.cfg
i=0; while ! grep -q DOMU-READY $VLOG 2>/dev/null && [ $i -lt 3000 ]; do sleep 0.2; i=$((i+1)); done
V=$(xl domid guest)
echo "VICTIM-DOMID $V"
LOG=/var/log/xen/console/guest-iso.log
run XL-CREATE xl create /etc/xen/iso.cfg "extra=\"console=hvc0 rdinit=/init iso_victim=$V\""
# The domU's console as it comes, prefixed (progress for slow hosts; the
# harness matches the unprefixed copy printed at the end).
(tail -F $LOG 2>/dev/null | while IFS= read -r l; do echo "domu: $l"; done) &
TAIL=$!
i=0; while ! grep -q ISOLATION-DONE $LOG 2>/dev/null && [ $i -lt 3000 ]; do sleep 0.2; i=$((i+1)); done
grep -q ISOLATION-DONE $LOG 2>/dev/null && echo "ISOLATION-DONE-SEEN uptime=$(up)" || echo "ISOLATION-TIMEOUT"
kill $TAIL 2>/dev/null
echo "--- console of iso ---"; cat $LOG; echo "--- end of console ---"
# The domU survived its own fuzzing (still listed, not crashed/dying).
xl list iso | awk 'NR == 2 { print "DOMU-STATE " $5 }'
xl list iso | awk 'NR == 2 && $5 !~ /[cd]/ { print "DOMU-ALIVE" }'
echo "DOM0-HV-VERSION $(xl info 2>/dev/null | sed -n 's/^xen_version *: //p')"
run XL-DESTROY xl destroy iso
xl list guest | awk 'NR == 2 && $5 !~ /[cd]/ { print "VICTIM-ALIVE" }'
run VICTIM-DESTROY xl destroy guest
echo "DOM0-ISOLATION-DONE uptime=$(up)"
poweroff -f
