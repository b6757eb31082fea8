#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Benchmark (not a test): our hypervisor against Debian's Xen 4.17 on the
same QEMU board (virt, GICv3, 2 CPUs) with the same dom0 (Debian's kernel).

nullcall: dom0 runs bench/hv/hv-nullcall.c: BATCHES batches of CALLS privcmd
xen_version(XENVER_version) hypercalls; a run's figure is the median batch's
ns per call. Runs alternate reference / ours so host load hits both alike;
prints the median of the runs' figures, min-max, and ours/reference.

  bench/hv/run.py [RUNS=5] [CALLS=10000] [BATCHES=10]
Needs our arm64 image: XA_BUILD/dist-arm64 (tests/run --build-only).
"""
import os
import re
import statistics
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', '..', 'tests', 'harness'))
import drivers  # noqa: E402
import harness as h  # noqa: E402
import lifecycle  # noqa: E402
from initramfs import Initramfs  # noqa: E402


def build(name):
    out = os.path.join(h.workdir(name), 'hv-nullcall')
    h.subprocess.run([drivers.CC, '-static', '-O2', '-Wall', '-Wextra', '-Werror',
                      '-I' + os.path.join(h.ROOT, 'tools', 'include', 'xen-sys'),
                      '-o', out, os.path.join(HERE, 'hv-nullcall.c')], check=True)
    return out


def initrd(name, fx, args):
    with open(os.path.join(HERE, 'bench-dom0.sh')) as f:
        rd = Initramfs(fx['XA_BUSYBOX_ARM64'], f.read())
    rel = 'kernel/drivers/xen/xen-privcmd.ko'
    rd.add_file('/lib/modules/%s/%s' % (fx['XA_KERNEL_VERSION_ARM64'], rel),
                os.path.join(fx['XA_KMOD_DIR_ARM64'], rel))
    rd.add_file('/bin/hv-nullcall', build(name), 0o755)
    rd.add_bytes('/etc/nullcall.args', args.encode())
    return h.initramfs_path(name, rd)


def one(hv, i, args):
    name = 'bench-hv-nullcall-%s-%d' % (hv, i)
    fx = h.fixtures()
    sc = h.Scenario(name, h.BOARDS['virt64-gicv3'], lifecycle.hypervisor(fx, hv),
                    kernel=fx['XA_KERNEL_ARM64'], initrd=initrd(name, fx, args),
                    xen_args='dom0_mem=512M bootscrub=0', timeout=600)
    sc.expect = [r'^DOM0-READY', r'^NULLCALL median_ns=\d+', r'^NULLCALL-EXIT rc=0',
                 lifecycle.HV_END[hv]]
    sc.fail = list(h.DEFAULT_FAIL) + [r'^NULLCALL-FAIL', r'^INSMOD-FAILED']
    if h.run(sc) != 0:
        raise RuntimeError('run %s failed: see its console log' % name)
    with open(os.path.join(h.BUILD, 'test-logs', name + '.console.log'), errors='replace') as f:
        m = re.search(r'NULLCALL median_ns=(\d+)', f.read())
    return float(m.group(1))


def main():
    args = sys.argv[1:]
    runs = int(args[0]) if args else 5
    calls = args[1] if len(args) > 1 else '10000'
    batches = args[2] if len(args) > 2 else '10'
    res = {'reference': [], 'ours': []}
    for i in range(runs):
        for hv in ('reference', 'ours'):
            res[hv].append(one(hv, i, '%s %s' % (calls, batches)))
    print('\nnull hypercall (xen_version via privcmd), dom0, virt64-gicv3; '
          '%d runs each, interleaved, %s x %s calls per run' % (runs, batches, calls))
    med = {hv: statistics.median(v) for hv, v in res.items()}
    for hv, v in res.items():
        print('%-10s median %.0f ns/call [%.0f-%.0f]' % (hv, med[hv], min(v), max(v)))
    print('ours/reference %.2f (target <= 0.70)' % (med['ours'] / med['reference']))


if __name__ == '__main__':
    main()
