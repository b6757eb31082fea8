#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Benchmark (not a test): boot time to dom0 userspace, our hypervisor
against Debian's Xen 4.17 (the reference from the fixtures), on the same
QEMU board, with the same Debian dom0 kernel, the same busybox initramfs
(tests/harness/init/dom0-ready.sh) and the same dom0_mem.

The figure is the harness's timestamp (seconds since QEMU started) of the
initramfs's first line, `DOM0-READY`: firmware + hypervisor boot + dom0
kernel boot + /init start. Runs alternate ours/reference so host load hits
both alike; prints medians, min and max, and the ratio ours/reference
(<= 1.0: ours boots at least as fast).

  bench/boot/run.py [RUNS=5] [--board virt64-gicv3]
Needs the hypervisor build (tests/run --build-only, or make dist-xen into
XA_BUILD/dist-arm64) and the fixtures (scripts/fixtures.sh).
"""
import os
import re
import statistics
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'tests', 'harness'))
import harness as h  # noqa: E402
import ourboot  # noqa: E402
import reference  # noqa: E402

DOM0_MEM = 'dom0_mem=512M'
READY = r'^DOM0-READY '


def scenario(kind, board, i):
    name = 'bench-boot-%s-%d' % (kind, i)
    if kind == 'ours':
        sc = ourboot.boot(name, board, xen_args=DOM0_MEM)
    else:
        sc = reference.dom0(name, board)
    sc.expect = [READY]
    sc.also = []
    sc.end = 'any'
    sc.timeout = 300
    return sc


def ready_time(name):
    path = os.path.join(h.BUILD, 'test-logs', name + '.console.log')
    with open(path, errors='replace') as f:
        for line in f:
            m = re.match(r'\s*(\d+\.\d+) (.*)$', line)
            if m and re.match(READY, m.group(2)):
                return float(m.group(1))
    raise RuntimeError('%s: no DOM0-READY line' % path)


def one(kind, board, i):
    sc = scenario(kind, board, i)
    if h.run(sc) != 0:
        raise RuntimeError('run %s failed: see its console log' % sc.name)
    return ready_time(sc.name)


def main():
    args = sys.argv[1:]
    board = 'virt64-gicv3'
    if '--board' in args:
        k = args.index('--board')
        board = args[k + 1]
        del args[k:k + 2]
    runs = int(args[0]) if args else 5
    res = {'ours': [], 'reference': []}
    for i in range(runs):
        for kind in ('ours', 'reference'):
            res[kind].append(one(kind, board, i))
    print('\nboard %s, %s, %d runs each, interleaved: seconds from QEMU start to '
          'dom0 /init (median [min-max])' % (board, DOM0_MEM, runs))
    med = {}
    for kind in ('ours', 'reference'):
        v = res[kind]
        med[kind] = statistics.median(v)
        print('%-10s %.2f [%.2f-%.2f]  %s' % (kind, med[kind], min(v), max(v),
                                              ' '.join('%.2f' % x for x in v)))
    print('ratio ours/reference: %.2f' % (med['ours'] / med['reference']))


if __name__ == '__main__':
    main()
