#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Benchmark (not a test): PV disk and network speed inside a domU.

Each run boots dom0 with one toolstack (ours or Debian's xen-utils-4.17; our
hotplug scripts for both, since Debian's need bash) and starts one guest
whose xvda is a 72 MiB raw image in dom0's RAM (loop device, blkback) and
whose eth0 is a vif on xenbr0 (netback). The guest measures, with busybox:
  write  dd if=/dev/zero of=/dev/xvda bs=1M count=64 oflag=direct   (MB/s)
  read   dd if=/dev/xvda of=/dev/null bs=1M count=64 iflag=direct   (MB/s)
(each timed from the guest's /proc/uptime: 10 ms resolution)
  rtt    ping -c 20 -i 0.2 dom0 across the bridge                   (avg ms)
Runs alternate between the toolstacks so host load hits both alike; prints
medians [min-max] and ours/debian ratios.

  bench/pvdev/run.py [RUNS=3] [--hv reference|ours]
Needs a build (tests/run --build-only): $XA_BUILD/aarch64/install.
"""
import os
import re
import statistics
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, '..', '..')
sys.path.insert(0, os.path.join(ROOT, 'tests', 'harness'))
sys.path.insert(0, os.path.join(ROOT, 'tools', 'xl', 'tests', 'e2e'))
import harness as h  # noqa: E402
import pv  # noqa: E402

RATE = r'rc=0 bytes=(\d+) seconds=([0-9.]+)-([0-9.]+)'


def scenario(name, toolstack, hv):
    fx = h.fixtures()
    files = {'/boot/initrd-pv.cpio.gz': pv.guest_initrd(name, fx, os.path.join(HERE, 'bench-domu.sh'))}
    initrd = pv.dom0_initrd(name, fx, os.path.join(HERE, 'bench-dom0.sh'), toolstack, files)
    sc = pv.scenario(name, initrd, hv, timeout=600)
    sc.expect = [r'^CREATE rc=0', r'BENCH-WRITE rc=0 ', r'BENCH-READ rc=0 ',
                 r'BENCH-PING round-trip', r'^DESTROY rc=0']
    sc.fail = list(h.DEFAULT_FAIL) + [r' rc=[1-9]', r'insmod .* failed']
    return sc


def figures(logpath):
    got = {}
    with open(logpath, errors='replace') as f:
        for line in f:
            m = re.search(r'BENCH-(WRITE|READ) ' + RATE, line)
            if m:
                secs = float(m.group(4)) - float(m.group(3))
                got[m.group(1).lower()] = int(m.group(2)) / max(secs, 0.01) / 1e6
            m = re.search(r'BENCH-PING round-trip min/avg/max = [0-9.]+/([0-9.]+)/', line)
            if m:
                got['rtt'] = float(m.group(1))
    if len(got) != 3:
        raise RuntimeError('%s: missing figures (got %s)' % (logpath, sorted(got)))
    return got


def one(toolstack, hv, i):
    name = 'bench-pvdev-%s-%s-%d' % (hv, toolstack, i)
    if h.run(scenario(name, toolstack, hv)) != 0:
        raise RuntimeError('run %s failed: see its console log' % name)
    return figures(os.path.join(h.BUILD, 'test-logs', name + '.console.log'))


def main():
    args = sys.argv[1:]
    hv = 'reference'
    if '--hv' in args:
        k = args.index('--hv')
        hv = args[k + 1]
        del args[k:k + 2]
    runs = int(args[0]) if args else 3
    res = {'debian': [], 'ours': []}
    for i in range(runs):
        for ts in ('debian', 'ours'):
            res[ts].append(one(ts, hv, i))
    print('\nhypervisor: %s; %d runs each, interleaved; median [min-max]' % (hv, runs))
    print('%-13s %-24s %-24s %s' % ('figure', 'debian', 'ours', 'ours/debian'))
    for fig, unit in (('write', 'MB/s'), ('read', 'MB/s'), ('rtt', 'ms')):
        med, cells = {}, []
        for ts in ('debian', 'ours'):
            v = [r[fig] for r in res[ts]]
            med[ts] = statistics.median(v)
            cells.append('%.2f [%.2f-%.2f]' % (med[ts], min(v), max(v)))
        print('%-13s %-24s %-24s %.2f' % ('%s (%s)' % (fig, unit), cells[0], cells[1],
                                           med['ours'] / med['debian']))


if __name__ == '__main__':
    main()
