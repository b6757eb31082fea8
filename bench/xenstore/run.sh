#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# Benchmark: our xenstored vs Debian's C xenstored (Xen 4.17, run on this
# host through nohv-shim.c), same client (Debian's libxenstore), same run.
#   bench/xenstore/run.sh BUILDDIR [RUNS=5] [ITERS=20000] [CLIENT=debian|ours]
# BUILDDIR is a configured build's tools/xenstore (holding xenstored).
# CLIENT picks the libxenstore the benchmark client uses, for both daemons.
# Prints the median iterations/s per figure and the ratio ours/C, and the
# median daemon CPU time per iteration (utime + stime from /proc/PID/stat,
# 10 ms ticks: use enough iterations), steadier than throughput on a shared
# machine.
set -eu
BUILD=$(cd "$1" && pwd)
RUNS=${2:-5}
ITERS=${3:-20000}
CLIENT=${4:-debian}
HERE=$(cd "$(dirname "$0")" && pwd)
SRC=$HERE/../../tools/xenstore
: "${XA_CACHE:=/var/cache/xen-arm/v1}"
export XA_CACHE
PEERS=$("$SRC/tests/fetch-peers.sh")
W=$(mktemp -d "${TMPDIR:-/tmp}/xsbench.XXXXXX")
PIDS=()
cleanup() {
	local p
	for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; done
	rm -rf "$W"
}
trap cleanup EXIT
export LD_LIBRARY_PATH=$PEERS/usr/lib/x86_64-linux-gnu
if [ "$CLIENT" = ours ]; then
	gcc -O2 -I"$SRC/include" -I"$BUILD/gen-include" -o "$W/xs-bench" \
		"$HERE/xs-bench.c" -L"$BUILD/.libs" -lxenstore
	BENCH_LIB=$BUILD/.libs
else
	gcc -O2 -I"$PEERS/usr/include" -o "$W/xs-bench" "$HERE/xs-bench.c" \
		-L"$LD_LIBRARY_PATH" -lxenstore
	BENCH_LIB=$LD_LIBRARY_PATH
fi
gcc -O2 -shared -fPIC -I"$PEERS/usr/include" -o "$W/nohv.so" "$HERE/nohv-shim.c" -ldl
mkdir -p "$W/nohv" "$W/ours" "$W/c"
echo 1 > "$W/nohv/xsd_port"
head -c 4096 /dev/zero > "$W/nohv/xsd_kva"

wait_socket() {
	local i
	for i in $(seq 100); do [ -S "$1" ] && return 0; sleep 0.05; done
	echo "daemon did not start: $1" >&2; return 1
}
env -u XENSTORED_PATH XENSTORED_RUNDIR=$W/ours timeout 3600 "$BUILD/xenstored" -N \
	>"$W/ours/log" 2>&1 &
PIDS+=($!)
env -u XENSTORED_PATH XENSTORED_RUNDIR=$W/c NOHV_DIR=$W/nohv LD_PRELOAD=$W/nohv.so \
	timeout 3600 "$PEERS/usr/lib/xen-4.17/bin/xenstored" --no-fork >"$W/c/log" 2>&1 &
PIDS+=($!)
wait_socket "$W/ours/socket"
wait_socket "$W/c/socket"
# The daemons themselves (children of their timeout wrappers).
declare -A DPID=([ours]=$(pgrep -P "${PIDS[0]}") [c]=$(pgrep -P "${PIDS[1]}"))
# CPU time of the whole daemon (all its threads, also those that have ended:
# utime + stime of /proc/PID/stat, in clock ticks), in ns.
TICK_NS=$((1000000000 / $(getconf CLK_TCK)))
cpu_ns() { awk -v t=$TICK_NS '{ printf "%.0f\n", ($14 + $15) * t }' "/proc/${DPID[$1]}/stat"; }

# Interleave the daemons within each run so drift hits both alike.
for r in $(seq "$RUNS"); do
	for phase in wr txn watch; do
		for conns in 1 16; do
			n=$((conns == 1 ? ITERS : ITERS / 8))
			for d in ours c; do
				c0=$(cpu_ns $d)
				out=$(LD_LIBRARY_PATH=$BENCH_LIB XENSTORED_PATH=$W/$d/socket \
					"$W/xs-bench" $phase $conns $n)
				c1=$(cpu_ns $d)
				echo "$d $out $(( (c1 - c0) / (conns * n) ))" >>"$W/results"
			done
		done
	done
done
python3 - "$W/results" <<'PY'
import statistics, sys
res, cpu = {}, {}
for line in open(sys.argv[1]):
    d, phase, conns, iters, secs, rate, ns = line.split()
    res.setdefault((phase, int(conns), d), []).append(float(rate))
    cpu.setdefault((phase, int(conns), d), []).append(float(ns))
names = {'wr': 'write+read', 'txn': 'transaction (start,read,write,commit)',
         'watch': 'watch (write, event delivered)'}
print('| figure | conns | ours iter/s | C iter/s | ratio | ours daemon CPU ns/iter | C daemon CPU ns/iter | CPU ratio C/ours |')
print('|---|---|---|---|---|---|---|---|')
med = statistics.median
for phase in ('wr', 'txn', 'watch'):
    for conns in (1, 16):
        k = lambda d: (phase, conns, d)
        o, c = med(res[k('ours')]), med(res[k('c')])
        oc, cc = med(cpu[k('ours')]), med(cpu[k('c')])
        print('| %s | %d | %.0f | %.0f | %.2fx | %.0f | %.0f | %.2fx |' % (
            names[phase], conns, o, c, o / c, oc, cc, cc / oc))
PY
