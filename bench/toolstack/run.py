#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Benchmark (not a test): our toolstack against Debian's xen-utils-4.17 on
the same hypervisor (Debian's Xen 4.17 by default) and the same QEMU.

Each run boots dom0 with one toolstack and runs the guest lifecycle of
tests/harness/lifecycle.py (xl list, xl create tests/e2e/guest.cfg, wait for
the guest's DOMU-READY on its console, xl destroy). Runs alternate between
the two toolstacks so that host load hits both alike. From the console log,
timed by the harness from QEMU's start, it takes:
  create    the `xl create` command's own time
  to-shell  `xl create` started -> the guest's DOMU-READY seen by dom0
  destroy   the `xl destroy` command's own time
and prints medians, min and max per toolstack and the ratios ours/Debian's.

  bench/toolstack/run.py [RUNS=5] [--hv reference|ours]
Needs a build (tests/run --build-only): XA_BUILD/aarch64/install.
"""
import os
import re
import statistics
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'tests', 'harness'))
import harness as h  # noqa: E402
import lifecycle  # noqa: E402

# Console lines that bound each figure (the harness prefixes each line with
# the seconds since QEMU started).
MARKS = {'list1': r'XL-LIST-1 rc=0', 'create': r'XL-CREATE rc=0',
         'ready': r'DOMU-READY-SEEN', 'console_end': r'--- end of console ---',
         'destroy': r'XL-DESTROY rc=0'}


def times(logpath):
    t = {}
    with open(logpath, errors='replace') as f:
        for line in f:
            m = re.match(r'\s*(\d+\.\d+) (.*)$', line)
            if not m:
                continue
            for key, rx in MARKS.items():
                if key not in t and re.match(rx, m.group(2)):
                    t[key] = float(m.group(1))
    if len(t) != len(MARKS):
        raise RuntimeError('%s: missing %s' % (logpath, sorted(set(MARKS) - set(t))))
    return {'create': t['create'] - t['list1'], 'to-shell': t['ready'] - t['list1'],
            'destroy': t['destroy'] - t['console_end']}


def one(toolstack, hv, i):
    name = 'bench-toolstack-%s-%d' % (toolstack, i)
    sc = lifecycle.scenario(name, hv=hv, toolstack=toolstack)
    if h.run(sc) != 0:
        raise RuntimeError('run %s failed: see its console log' % name)
    return times(os.path.join(h.BUILD, 'test-logs', name + '.console.log'))


def main():
    args = sys.argv[1:]
    hv = 'reference'
    if '--hv' in args:
        k = args.index('--hv'); hv = args[k + 1]; del args[k:k + 2]
    runs = int(args[0]) if args else 5
    res = {'debian': [], 'ours': []}
    for i in range(runs):
        for ts in ('debian', 'ours'):
            res[ts].append(one(ts, hv, i))
    print('\nhypervisor: %s; %d runs each, interleaved; seconds (median [min-max])' % (hv, runs))
    print('%-9s %-22s %-22s %s' % ('figure', 'debian', 'ours', 'ours/debian'))
    for fig in ('create', 'to-shell', 'destroy'):
        med = {}
        cells = []
        for ts in ('debian', 'ours'):
            v = [r[fig] for r in res[ts]]
            med[ts] = statistics.median(v)
            cells.append('%.2f [%.2f-%.2f]' % (med[ts], min(v), max(v)))
        print('%-9s %-22s %-22s %.2f' % (fig, cells[0], cells[1], med['ours'] / med['debian']))


if __name__ == '__main__':
    main()
