#!/bin/busybox sh
# SPDX-License-Identifier: GPL-2.0-only
# /init of the event-channel benchmark's dom0 (bench/hv/run.py): toolstack
# up, `xl create /etc/xen/pp.cfg` timed to the domU's PINGPONG-PORT line
# (its shell marker), then hv-pingpong ping against it, destroy, power off.
. /usr/lib/xa-test/dom0-lib.sh
dom0_base
echo "DOM0-READY uptime=$(up)"
xen_modules
xencommons >/dev/null   # quiet, as before: no step markers in the benchmark's console
LOG=/var/log/xen/console/guest-pp.log
t0=$(up)
xl create /etc/xen/pp.cfg; echo "XL-CREATE rc=$?"
i=0; while ! grep -q PINGPONG-PORT $LOG 2>/dev/null && [ $i -lt 3000 ]; do sleep 0.05; i=$((i+1)); done
t1=$(up)
PORT=$(sed -n 's/.*PINGPONG-PORT \([0-9]*\).*/\1/p' $LOG | head -1)
echo "CREATE-TO-MARKER s=$(awk -v a=$t0 -v b=$t1 'BEGIN { printf "%.2f", b - a }') port=$PORT"
/bin/hv-pingpong ping $(xl domid pp) $PORT $(cat /etc/pingpong.args); echo "PINGPONG-EXIT rc=$?"
xl destroy pp
poweroff -f
