#!/bin/busybox sh
# SPDX-License-Identifier: GPL-2.0-only
# /init for ref-xen-our-xl.test: Debian's xenstored/xenconsoled in dom0 on
# Debian's Xen 4.17, then OUR xl (/usr/sbin/xl-ours) against the real
# hypervisor, checked against Debian's xl where both can answer. Each step
# prints "<NAME> rc=<status>" for the harness.
. /usr/lib/xa-test/dom0-lib.sh
dom0_base
xen_modules drivers/block/loop drivers/block/xen-blkback/xen-blkback \
	drivers/net/xen-netback/xen-netback net/llc/llc net/802/stp net/bridge/bridge
xencommons
echo "TOOLSTACK-READY"
X=/usr/sbin/xl-ours
run OURS-LIST-1 $X list
# Same table as Debian's xl, but for the running CPU times.
notime() { sed -E 's/ +[0-9]+\.[0-9] *$//'; }
xl list | notime > /tmp/l.debian; $X list | notime > /tmp/l.ours
cmp /tmp/l.debian /tmp/l.ours && echo "LIST-SAME-AS-DEBIAN" || diff /tmp/l.debian /tmp/l.ours
# vCPU state, placement and time change from one run to the next.
vstable() { awk '{ print $1, $2, $3, $(NF-2), $(NF-1), $NF, length($0) }'; }
xl vcpu-list | vstable > /tmp/v.debian; $X vcpu-list | vstable > /tmp/v.ours
cmp /tmp/v.debian /tmp/v.ours && echo "VCPU-LIST-SAME-AS-DEBIAN" || diff /tmp/v.debian /tmp/v.ours
run OURS-INFO $X info
run OURS-DMESG sh -c "$X dmesg | grep -m1 'Xen version'"
run OURS-VCPU-LIST $X vcpu-list
run OURS-DOMID sh -c "[ \$($X domid Domain-0) = 0 ]"
run OURS-DOMNAME sh -c "[ \$($X domname 0) = Domain-0 ]"
run OURS-DRYRUN $X -N create /etc/xen/guest.cfg
# A guest made by Debian's xl, then driven by ours.
run DEBIAN-CREATE xl create /etc/xen/guest.cfg
run OURS-LIST-2 $X list guest
run OURS-PAUSE $X pause guest
xl list guest | grep -q '^guest .* --p' && echo "DEBIAN-SEES-PAUSED"
run OURS-UNPAUSE $X unpause guest
run OURS-MEM-MAX $X mem-max guest 256
run OURS-DESTROY $X destroy guest
sleep 1
xl list | grep -q '^guest ' && echo "GUEST-STILL-LISTED"
run OURS-LIST-3 $X list
# Lifecycle actions carried out by our xl's background monitor.
L2=/var/log/xen/console/guest-guest2.log
waitlog() { i=0; while ! grep -q DOMU-READY $L2 2>/dev/null && [ $i -lt 600 ]; do sleep 0.1; i=$((i+1)); done; grep -q DOMU-READY $L2; }
run OURS-CREATE-2 $X create /etc/xen/guest2.cfg
waitlog && echo "GUEST2-UP"
# xl console -> our xenconsole -> the pty xenconsoled made -> the guest's shell.
( sleep 2; echo 'echo CONSOLE-$((6*7))'; sleep 3; printf '\035' ) |
	timeout 30 $X console guest2 > /tmp/cons.out 2>&1
echo "OURS-CONSOLE rc=$?"
grep -q 'CONSOLE-42' /tmp/cons.out && echo "OURS-CONSOLE-ANSWERED" || cat /tmp/cons.out
D1=$($X domid guest2)
: > $L2
run OURS-REBOOT $X reboot guest2
i=0; while { [ "$($X domid guest2 2>/dev/null)" = "$D1" ] || ! grep -q DOMU-READY $L2; } && [ $i -lt 600 ]; do sleep 0.1; i=$((i+1)); done
D2=$($X domid guest2 2>/dev/null)
[ -n "$D2" ] && [ "$D2" != "$D1" ] && grep -q DOMU-READY $L2 && echo "GUEST2-RESTARTED as $D2 (was $D1)"
run OURS-SHUTDOWN $X shutdown -a -w
sleep 1
xl list | grep -q '^guest2 ' && echo "GUEST-STILL-LISTED" || echo "GUEST2-GONE"
cat /var/log/xen/xl-guest2.log
# Disks: a loop block device (phy:) and a file, through dom0's blkback.
dd if=/dev/zero of=/tmp/disk-a.img bs=1M count=4 2>/dev/null
printf 'HELLO-FROM-DOM0\n' | dd of=/tmp/disk-a.img conv=notrunc 2>/dev/null
dd if=/dev/zero of=/tmp/disk-b.img bs=1M count=1 2>/dev/null
printf 'FILE-BACKED-OK\n' | dd of=/tmp/disk-b.img conv=notrunc 2>/dev/null
losetup /dev/loop0 /tmp/disk-a.img
L3=/var/log/xen/console/guest-guest3.log
run OURS-CREATE-3 $X create /etc/xen/guest3.cfg
i=0; while ! grep -q DISK-DONE $L3 2>/dev/null && [ $i -lt 600 ]; do sleep 0.1; i=$((i+1)); done
grep 'DISK-' $L3
grep -q 'DISK-A-SAYS HELLO-FROM-DOM0' $L3 && grep -q 'DISK-B-SAYS FILE-BACKED-OK' $L3 && echo "DISKS-READ-OK"
D3=$($X domid guest3)
xenstore-ls -fp /local/domain/0/backend/vbd/$D3 | grep -E '/(state|physical-device|params) '
run OURS-BLOCK-LIST $X block-list guest3
run OURS-BLOCK-DETACH $X block-detach guest3 xvdb
$X block-list guest3 | grep -q '^51728 ' && echo "VBD-STILL-LISTED"
run OURS-DESTROY-3 $X destroy guest3
sleep 1
dd if=/dev/loop0 bs=512 skip=1 count=1 2>/dev/null | grep -q GUEST-WROTE && echo "DISK-WRITE-SEEN"
xenstore-exists /local/domain/0/backend/vbd/$D3 && echo "XENSTORE-NOT-CLEANED"
# Network: vif= on xenbr0 at boot, then xl network-attach onto xenbr1.
for b in 0 1; do
	brctl addbr xenbr$b && ip addr add 192.168.7$((7 + b)).1/24 dev xenbr$b && ip link set xenbr$b up
done
L4=/var/log/xen/console/guest-guest4.log
run OURS-CREATE-4 $X create /etc/xen/guest4.cfg
i=0; while ! grep -q NET-PHASE1-DONE $L4 2>/dev/null && [ $i -lt 900 ]; do sleep 0.1; i=$((i+1)); done
run OURS-NETWORK-ATTACH $X network-attach guest4 bridge=xenbr1
i=0; while ! grep -q NET-PHASE2-DONE $L4 2>/dev/null && [ $i -lt 900 ]; do sleep 0.1; i=$((i+1)); done
grep -E 'PING|NET-' $L4
grep -q PING-ETH0-OK $L4 && grep -q PING-ETH1-OK $L4 && echo "GUEST4-PINGED-DOM0"
D4=$($X domid guest4)
xenstore-ls -fp /local/domain/0/backend/vif/$D4 | grep -E '/(state|hotplug-status|bridge|mac) '
run OURS-NETWORK-LIST $X network-list guest4
run OURS-NETWORK-DETACH $X network-detach guest4 1
sleep 1
[ -e /sys/class/net/vif$D4.1 ] && echo "VIF-STILL-THERE"
run OURS-DESTROY-4 $X destroy guest4
# A guest made by our xl, watched with Debian's tools.
LOG=/var/log/xen/console/guest-guest.log
rm -f $LOG
run OURS-CREATE $X create /etc/xen/guest.cfg
i=0; while ! grep -q DOMU-READY $LOG 2>/dev/null && [ $i -lt 600 ]; do sleep 0.1; i=$((i+1)); done
grep -q DOMU-READY $LOG 2>/dev/null && echo "OURS-DOMU-READY-SEEN" || { echo "OURS-DOMU-TIMEOUT"; cat $LOG; }
run DEBIAN-LIST-OURS xl list
run OURS-UPTIME $X uptime
D=$($X domid guest)
xenstore-ls -fp /local/domain/$D
run OURS-DESTROY-2 $X destroy guest
sleep 1
xl list | grep -q '^guest ' && echo "GUEST-STILL-LISTED"
xenstore-exists /local/domain/$D && echo "XENSTORE-NOT-CLEANED"
# Hide both privcmd paths (xenstored keeps xenfs busy, so cover it).
rm -f /dev/xen/privcmd; mount -t tmpfs none /proc/xen
$X list > /tmp/np 2>&1; rc=$?; cat /tmp/np
[ $rc != 0 ] && grep -q privcmd /tmp/np; echo "OURS-NO-PRIVCMD rc=$?"
echo "OUR-XL-DONE"
poweroff -f
