#!/bin/busybox sh
# SPDX-License-Identifier: GPL-2.0-only
# /init of a dom0 initramfs that carries a toolstack (Debian's xen-utils-4.17
# tree today, ours later: the same commands either way). It starts the
# daemons the way Debian's xencommons does, then runs one guest lifecycle:
# xl list, xl create /etc/xen/guest.cfg, wait for the guest's console to say
# DOMU-READY, xl list, xl destroy, xl list; each step prints a marker line
# with its exit status for the harness.
/bin/busybox --install -s /bin
export PATH=/bin:/sbin:/usr/bin:/usr/sbin:/usr/lib/xen-4.17/bin
export LD_LIBRARY_PATH=/usr/lib/xen-4.17/lib/aarch64-linux-gnu
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev 2>/dev/null
mkdir -p /dev/pts /dev/shm && mount -t devpts devpts /dev/pts && mount -t tmpfs tmpfs /dev/shm
mkdir -p /run/xen /run/xenstored /var/lib/xen /var/lib/xenstored /var/log/xen/console /var/lock
ln -sf /run /var/run
up() { cut -d' ' -f1 /proc/uptime; }
# run NAME CMD...: the command's output, then "NAME rc=<status>"
run() { n=$1; shift; "$@"; echo "$n rc=$? uptime=$(up)"; }

echo "DOM0-READY uptime=$(up)"
echo "HV-TYPE=$(cat /sys/hypervisor/type 2>&1)"
# Debian's kernel builds the dom0 interfaces as modules; order matters.
KM=/lib/modules/$(uname -r)/kernel/drivers/xen
for m in xen-privcmd xenfs/xenfs xen-evtchn xen-gntdev xen-gntalloc; do
	[ -e "$KM/$m.ko" ] && { insmod "$KM/$m.ko" || echo "insmod $m failed"; }
done
mount -t xenfs xenfs /proc/xen || echo "mount xenfs failed"

export XENSTORED_ROOTDIR=/var/lib/xenstored
run XENSTORED xenstored --pid-file /run/xenstored.pid
i=0; while ! xenstore-read -s / >/dev/null 2>&1 && [ $i -lt 300 ]; do sleep 0.1; i=$((i+1)); done
run INIT-DOM0 xen-init-dom0
run XENCONSOLED xenconsoled --pid-file /run/xenconsoled.pid --log=guest --log-dir=/var/log/xen/console
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
