#!/bin/busybox sh
# SPDX-License-Identifier: GPL-2.0-only
# /init of the create/destroy rounds test (issue 6): one dom0 boot, a
# toolstack (ours or Debian's: the same commands), ROUNDS rounds of
#   xl create (the guest runs) -> its shell marker in the console log ->
#   xl destroy -> the guest gone,
# and after every round the hypervisor's free memory (xl info's free_memory
# in MiB and the exact free page count, by tests/harness/free-pages.c) and
# xenstored's nodes (xenstore-ls -f /), which at the end must equal the
# figures taken before the first create EXACTLY: nothing leaked by the
# hypervisor, xenstored or the toolstack. Markers for the harness; failures
# print ...-MISSING, ...-LEFT-..., ...-CHANGED or rc=N. Kernel command line:
# xa_rounds=N (20), xa_kept_nodes=/a,/b (parents a toolstack never removes).
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
run() { n=$1; shift; "$@"; echo "$n rc=$? uptime=$(up)"; }
say() { echo "$* uptime=$(up)"; }
ROUNDS=$(sed -n 's/.*xa_rounds=\([0-9]*\).*/\1/p' /proc/cmdline); ROUNDS=${ROUNDS:-20}
KEPT=$(sed -n 's/.*xa_kept_nodes=\([^ ]*\).*/\1/p' /proc/cmdline)

echo "DOM0-READY uptime=$(up)"
# Our toolstack brings its own start-up script (tools/misc/xen-dom0-start);
# Debian's is started the way its xencommons does.
if [ -x /usr/sbin/xen-dom0-start ]; then
	run XEN-START /usr/sbin/xen-dom0-start
else
	KM=/lib/modules/$(uname -r)/kernel/drivers/xen
	for m in xen-privcmd xenfs/xenfs xen-evtchn xen-gntdev xen-gntalloc; do
		insmod "$KM/$m.ko" || echo "insmod $m failed"
	done
	mount -t xenfs xenfs /proc/xen || echo "mount xenfs failed"
	export XENSTORED_ROOTDIR=/var/lib/xenstored
	run XENSTORED xenstored --pid-file /run/xenstored.pid
	i=0; while ! xenstore-read -s / >/dev/null 2>&1 && [ $i -lt 300 ]; do sleep 0.1; i=$((i+1)); done
	run INIT-DOM0 xen-init-dom0
	run XENCONSOLED xenconsoled --pid-file /run/xenconsoled.pid --log=guest --log-dir=/var/log/xen/console
fi
say "TOOLSTACK-READY $(readlink -f $(which xl))"

CFG=/etc/xen/guest.cfg
LOG=/var/log/xen/console/guest-guest.log
# waitfor SECONDS CMD...: poll CMD every 0.1 s until it succeeds or time is up.
waitfor() {
	n=$(($1 * 10)) i=0; shift
	while ! "$@" && [ $i -lt $n ]; do sleep 0.1; i=$((i + 1)); done
	"$@"
}
ready() { grep -q DOMU-READY $LOG 2>/dev/null; }
others() { xl list 2>/dev/null | awk 'NR > 1 && $2 != 0'; }
no_others() { [ -z "$(others)" ]; }
freemem() { xl info | sed -n 's/^free_memory *: *//p'; }
pages() { /usr/lib/xa-test/free-pages | sed -n 's/^free_pages=\([0-9]*\) .*/\1/p'; }
# Every node's path (values may change, e.g. dom0's memory target); the
# count is what must come back, the list says what was left.
paths() { xenstore-ls -f / | sed 's/ = .*//' | sort; }
nodes() { paths | wc -l; }

# dom0's balloon driver at its target: it gives frames back to the
# hypervisor for a guest's pages to be mapped in their place, and takes
# them back from a worker a moment later; until then dom0's stage-2 table
# still has that hole (one table page). Its figures are dom0's to settle.
BAL=/sys/devices/system/xen_memory/xen_memory0
settled() { [ ! -e $BAL/target_kb ] || [ "$(cat $BAL/target_kb)" = "$(cat $BAL/info/current_kb)" ]; }
settle() { waitfor 20 settled || echo "BALLOON-NOT-SETTLED target $(cat $BAL/target_kb) current $(cat $BAL/info/current_kb) kB"; }

# The hypervisor's own account of where its heap pages are (debug key 'm',
# on the serial console): not asserted, it says what a difference was.
heapdump() { run HEAPDUMP xl debug-keys m; }
run LIST-0 xl list
settle
heapdump
paths > /tmp/xs0
FREE0=$(freemem) PAGES0=$(pages) NODES0=$(wc -l < /tmp/xs0)
say "BASELINE free_memory=$FREE0 free_pages=$PAGES0 nodes=$NODES0"
[ -n "$FREE0" ] && [ -n "$PAGES0" ] && [ "$NODES0" -gt 0 ] || echo "BASELINE-MISSING"

# figures TAG: this round's figures against the baseline; what differs is
# printed (a later round may still bring a cached figure back; the end
# check below is the assertion).
figures() {
	settle
	heapdump
	f=$(freemem) p=$(pages)
	paths > /tmp/xs; n=$(wc -l < /tmp/xs)
	say "$1-FIGURES free_memory=$f ($((f - FREE0))) free_pages=$p ($((p - PAGES0))) nodes=$n ($((n - NODES0)))"
	[ "$n" = "$NODES0" ] || diff /tmp/xs0 /tmp/xs | grep '^[-+]/' | sed "s/^/  $1-NODE-DIFF /"
}
round() {
	rm -f $LOG
	run R$1-CREATE xl create $CFG memory=64
	waitfor 120 ready && say "R$1-UP $(grep -m1 DOMU-READY $LOG)" ||
		{ echo "R$1-UP-MISSING"; cat $LOG; }
	run R$1-DESTROY xl destroy guest
	waitfor 30 no_others && say "R$1-GONE" || echo "R$1-LEFT-DOMAIN $(others)"
	figures R$1
}
k=1; while [ $k -le $ROUNDS ]; do round $k; k=$((k + 1)); done

settle
f=$(freemem) p=$(pages) n=$(nodes)
[ "$f" = "$FREE0" ] && [ "$p" = "$PAGES0" ] &&
	say "FREE-MEMORY-BACK $f MiB, $p pages after $ROUNDS rounds" ||
	echo "FREE-MEMORY-CHANGED $FREE0 -> $f MiB, $PAGES0 -> $p pages after $ROUNDS rounds"
# The nodes now against the start: none missing, none added but the kept
# parents named on the command line (xa_kept_nodes=/libxl,/vm: Debian's
# libxl creates them with the first guest and never removes them, on Xen
# 4.17 too; ours removes /vm with its last child, so nothing is kept).
paths > /tmp/xsN
# only_in A B: the lines of B that are not in A, on one line.
only_in() { awk 'NR == FNR { a[$0] = 1; next } !($0 in a) { printf "%s ", $0 }' "$1" "$2"; }
echo "$KEPT" | tr ',' '\n' | grep . | sort > /tmp/kept
added=$(only_in /tmp/xs0 /tmp/xsN)
missing=$(only_in /tmp/xsN /tmp/xs0)
kept=$(only_in /tmp/xs0 /tmp/kept)
[ -z "$missing" ] && [ "$added" = "$kept" ] &&
	say "NODES-BACK $n nodes after $ROUNDS rounds, $NODES0 at the start${kept:+ + kept parents: $kept}" ||
	echo "NODES-CHANGED $NODES0 -> $n nodes after $ROUNDS rounds: added ${added:-none}, missing ${missing:-none}${kept:+, kept parents allowed: $kept}"
# libxl's saved guest configs: dom0's (xen-init-dom0) stays, no guest's.
ls /var/lib/xen/userdata-d.[1-9]* 2>/dev/null | sed 's/^/USERDATA-LEFT-BEHIND /'
say "DOM0-ROUNDS-DONE"
poweroff -f
