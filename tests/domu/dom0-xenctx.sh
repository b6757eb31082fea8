#!/bin/busybox sh
# SPDX-License-Identifier: GPL-2.0-only
# /init of the xenctx dom0 (tests/harness/guests.py): our xenctx
# (/usr/libexec/xen/bin) and Debian's (/usr/lib/xen-4.17/bin) on a running
# domU (its PC in the kernel) and on a domU whose Image starts with an
# undefined instruction (stopped at its exception vector: both tools must
# show the same PC), then power off.
. /usr/lib/xa-test/dom0-lib.sh
dom0_base
OURS=/usr/libexec/xen/bin/xenctx
DEB=/usr/lib/xen-4.17/bin/xenctx
pc() { awk '/^PC:/ { print $2; exit }' "$1"; }

dom0_ready
xen_modules
xencommons
echo "TOOLSTACK-READY uptime=$(up)"

$OURS 4000 > /tmp/bad-domid.txt 2>&1; echo "XENCTX-BAD-DOMID rc=$?"
sed 's/^/ours: /' /tmp/bad-domid.txt
run GOOD-CREATE xl create /etc/xen/guest.cfg
LOG=/var/log/xen/console/guest-guest.log
i=0; while ! grep -q DOMU-READY $LOG 2>/dev/null && [ $i -lt 900 ]; do sleep 0.2; i=$((i+1)); done
G=$(xl domid guest)
$OURS $G > /tmp/good-ours.txt; echo "GOOD-XENCTX-OURS rc=$?"
cat /tmp/good-ours.txt
$DEB $G > /tmp/good-deb.txt; echo "GOOD-XENCTX-DEBIAN rc=$?"
echo "GOOD-PC ours=$(pc /tmp/good-ours.txt) debian=$(pc /tmp/good-deb.txt)"
run GOOD-DESTROY xl destroy guest

run BROKEN-CREATE xl create /etc/xen/broken.cfg
sleep 3
B=$(xl domid broken)
$OURS $B > /tmp/bad-ours.txt; echo "BROKEN-XENCTX-OURS rc=$?"
cat /tmp/bad-ours.txt
sleep 1
$OURS $B > /tmp/bad-ours2.txt
$DEB $B > /tmp/bad-deb.txt; echo "BROKEN-XENCTX-DEBIAN rc=$?"
cat /tmp/bad-deb.txt | sed 's/^/debian: /'
o=$(pc /tmp/bad-ours.txt); o2=$(pc /tmp/bad-ours2.txt); d=$(pc /tmp/bad-deb.txt)
echo "BROKEN-PC ours=$o again=$o2 debian=$d"
[ -n "$o" ] && [ "$o" = "$o2" ] && [ "$o" = "$d" ] && echo "BROKEN-PC-AGREE pc=$o"
run BROKEN-DESTROY xl destroy broken
echo "DOM0-XENCTX-DONE uptime=$(up)"
poweroff -f
