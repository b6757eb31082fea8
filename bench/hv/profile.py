#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Profile QEMU (not a test) while dom0 makes one kind of null call.

  bench/hv/profile.py HV KIND SECONDS PERF-ARGS...

boots HV (ours, reference, or baseline = XA_BENCH_BASELINE) as
bench/hv/run.py does, with dom0 looping on KIND (syscalls: ioctls privcmd
rejects; hypercalls: xen_version), waits until the loop runs, then runs
`perf PERF-ARGS -p <QEMU's pid> -- sleep SECONDS` on the host, e.g.

  bench/hv/profile.py ours syscalls 10 record -o /tmp/ours.data
  bench/hv/profile.py reference syscalls 10 stat -e 'probe_qemu:*'

(uprobes first: perf probe -x $(command -v qemu-system-aarch64) tlb_flush ...).
The run's own figure (ns per call while perf ran) is printed at the end.
"""
import os
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import run as bench  # noqa: E402

# Calls per batch and batches: ~15 s of calls on an idle host at 30 us each,
# longer under load; SECONDS of perf must fit in it.
CALLS = int(os.environ.get('XA_PROFILE_CALLS', 20000))
BATCHES = int(os.environ.get('XA_PROFILE_BATCHES', 24))


def qemu_pid(name, deadline):
    """The QEMU process of run `name` (its command line names its work dir)."""
    while time.monotonic() < deadline:
        out = subprocess.run(['pgrep', '-n', '-f', '^qemu-system-[^ ]* .*/%s/' % name],
                             capture_output=True, text=True).stdout.split()
        if out:
            return int(out[0])
        time.sleep(0.2)
    raise RuntimeError('no QEMU process for ' + name)


def wait_for_loop(name, deadline):
    log = os.path.join(bench.h.BUILD, 'test-logs', name + '.console.log')
    while time.monotonic() < deadline:
        if os.path.exists(log) and 'NULLCALL-BATCH' in open(log, errors='replace').read():
            return
        time.sleep(0.2)
    raise RuntimeError('dom0 never started its loop: see ' + log)


def main():
    if len(sys.argv) < 5 or sys.argv[2] not in ('syscalls', 'hypercalls'):
        sys.exit(__doc__)
    hv, kind, secs, perf = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
    name = 'bench-hv-nullcall-%s-0' % hv
    # The harness sets a signal handler, which only the main thread may do:
    # perf is started from a second one.
    t = threading.Thread(target=attach, args=(name, secs, perf), daemon=True)
    t.start()
    result = bench.one('nullcall', hv, 0, '%d %d %s' % (CALLS, BATCHES, kind))
    t.join()
    print('%s %s: %s' % (hv, kind, result))


def attach(name, secs, perf):
    deadline = time.monotonic() + 600
    pid = qemu_pid(name, deadline)
    wait_for_loop(name, deadline)
    subprocess.run(['perf'] + perf + ['-p', str(pid), '--', 'sleep', secs], check=False)


if __name__ == '__main__':
    main()
