#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Benchmark (not a test): PV disk and network speed inside a domU.

Each run boots dom0 on one hypervisor (ours or the reference, Debian's Xen
4.17) with one toolstack (ours, with our hotplug scripts, or Debian's
xen-utils-4.17 with its own bash scripts) and starts one guest whose xvda is
a 72 MiB raw image in dom0's RAM (loop device, blkback) and whose eth0 is a
vif on xenbr0 (netback). The guest measures, with busybox, 3 times each:
  write  dd if=/dev/zero of=/dev/xvda bs=1M count=64 oflag=direct   (MB/s)
  read   dd if=/dev/xvda of=/dev/null bs=1M count=64 iflag=direct   (MB/s)
(each timed in the guest with date's nanoseconds), then once
  rtt    ping -c 20 -i 0.2 dom0 across the bridge                   (avg ms)
and 3 times
  net    wget of 64 MiB from dom0's busybox httpd (guest receive)   (MB/s)
Runs alternate between the two sides compared so host load hits both alike;
prints medians over every sample [min-max] and the ratio.

  bench/pvdev/run.py [RUNS=3] [--toolstack ours|debian]
      our hypervisor against the reference, the same toolstack on both
  bench/pvdev/run.py [RUNS=3] --compare toolstack [--hv reference|ours]
      our toolstack against Debian's, on one hypervisor
  --vif ',rate=10Mb/s'   appended to the guest's vif spec
Needs a build (tests/run --build-only): $XA_BUILD/dist-arm64, and
$XA_BUILD/aarch64/install for our toolstack.
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


def scenario(name, toolstack, hv, vifopts=''):
    fx = h.fixtures()
    files = {'/boot/initrd-pv.cpio.gz': pv.guest_initrd(name, fx, os.path.join(HERE, 'bench-domu.sh'))}
    initrd = pv.dom0_initrd(name, fx, os.path.join(HERE, 'bench-dom0.sh'), toolstack, files,
                            scripts=toolstack, env={'VIFOPTS': vifopts})
    sc = pv.scenario(name, initrd, hv, timeout=600)
    sc.expect = [r'^CREATE rc=0', r'BENCH-CLOCK ', r'BENCH-WRITE rc=0 ', r'BENCH-READ rc=0 ',
                 r'BENCH-NET rc=0 bytes=67108864 ', r'BENCH-PING round-trip',
                 r'^DESTROY rc=0']
    sc.fail = list(h.DEFAULT_FAIL) + [r' rc=[1-9]', r'insmod .* failed']
    return sc


def figures(logpath):
    """{'write': [MB/s...], 'read': [...], 'net': [...], 'rtt': [ms]} from one console log."""
    got = {'write': [], 'read': [], 'net': [], 'rtt': []}
    with open(logpath, errors='replace') as f:
        for line in f:
            m = re.search(r'BENCH-(WRITE|READ|NET) ' + RATE, line)
            if m:
                secs = float(m.group(4)) - float(m.group(3))
                got[m.group(1).lower()].append(int(m.group(2)) / max(secs, 0.001) / 1e6)
            m = re.search(r'BENCH-PING round-trip min/avg/max = [0-9.]+/([0-9.]+)/', line)
            if m:
                got['rtt'].append(float(m.group(1)))
    if not all(got.values()):
        raise RuntimeError('%s: missing figures (got %s)' % (logpath, got))
    return got


def one(hv, toolstack, i, vifopts):
    name = 'bench-pvdev-%s-%s-%d' % (hv, toolstack, i)
    if h.run(scenario(name, toolstack, hv, vifopts)) != 0:
        raise RuntimeError('run %s failed: see its console log' % name)
    return figures(os.path.join(h.BUILD, 'test-logs', name + '.console.log'))


def option(args, key, default):
    if key not in args:
        return default
    k = args.index(key)
    val = args[k + 1]
    del args[k:k + 2]
    return val


def report(sides, res, runs):
    a, b = sides
    print('\n%d runs each, interleaved; median of all samples [min-max]' % runs)
    print('%-13s %-26s %-26s %s/%s' % ('figure', a[2], b[2], b[2], a[2]))
    for fig, unit in (('write', 'MB/s'), ('read', 'MB/s'), ('net', 'MB/s'), ('rtt', 'ms')):
        med, cells = {}, []
        for s in sides:
            v = [x for r in res[s[2]] for x in r[fig]]
            med[s[2]] = statistics.median(v)
            cells.append('%.2f [%.2f-%.2f] n=%d' % (med[s[2]], min(v), max(v), len(v)))
        print('%-13s %-26s %-26s %.2f' % ('%s (%s)' % (fig, unit), cells[0], cells[1],
                                           med[b[2]] / med[a[2]]))


def main():
    args = sys.argv[1:]
    compare = option(args, '--compare', 'hv')
    vifopts = option(args, '--vif', '')
    if compare == 'hv':
        ts = option(args, '--toolstack', 'ours')
        sides = [('reference', ts, 'reference'), ('ours', ts, 'ours')]
        print('toolstack: %s on both hypervisors' % ts)
    elif compare == 'toolstack':
        hv = option(args, '--hv', 'reference')
        sides = [(hv, 'debian', 'debian'), (hv, 'ours', 'ours')]
        print('hypervisor: %s for both toolstacks' % hv)
    else:
        sys.exit('--compare hv|toolstack')
    runs = int(args[0]) if args else 3
    res = {s[2]: [] for s in sides}
    for i in range(runs):
        for s in sides:
            res[s[2]].append(one(s[0], s[1], i, vifopts))
            print('run %d %s: %s' % (i, s[2], res[s[2]][-1]), flush=True)
    report(sides, res, runs)


if __name__ == '__main__':
    main()
