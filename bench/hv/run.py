#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Benchmark (not a test): our hypervisor against Debian's Xen 4.17 on the
same QEMU board (virt, GICv3, 2 CPUs) with the same dom0 (Debian's kernel).

nullcall: dom0 runs bench/hv/hv-nullcall.c: BATCHES batches of CALLS privcmd
xen_version(XENVER_version) hypercalls; a run's figure is the median batch's
ns per call; after each batch, as many ioctls that privcmd rejects without
a hypercall (ns/syscall: dom0's own share of a call).
pingpong: dom0 (our toolstack on both) times `xl create` of a domU to its
marker line, then bench/hv/hv-pingpong.c makes BATCHES batches of CALLS
event-channel round trips dom0 -> domU -> dom0; figures: the median
batch's ns per trip, and create-to-marker seconds.
Runs alternate reference / ours so host load hits both alike; prints the
median of the runs' figures, min-max, and ours/reference.

  bench/hv/run.py [nullcall|pingpong] [RUNS=5] [CALLS] [BATCHES] [KIND]
(defaults: nullcall 10000 x 10, pingpong 100 x 5; nullcall KIND `syscalls`
or `hypercalls` makes only that kind of call, a steady loop to profile
QEMU on: see bench/hv/profile.py)
Needs our arm64 image: XA_BUILD/dist-arm64, and for pingpong our tools:
XA_BUILD/aarch64/install (tests/run --build-only).
XA_BENCH_BASELINE=<another build of our xen image> adds it as a third,
interleaved hypervisor ("baseline": e.g. main before a change).
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


def build(name, prog='hv-nullcall'):
    out = os.path.join(h.workdir(name), prog)
    h.subprocess.run([drivers.CC, '-static', '-O2', '-Wall', '-Wextra', '-Werror',
                      '-I' + os.path.join(h.ROOT, 'tools', 'include', 'xen-sys'),
                      '-o', out, os.path.join(HERE, prog + '.c')], check=True)
    return out


def text(fname):
    with open(os.path.join(HERE, fname)) as f:
        return f.read()


def pingpong_initrd(name, fx, args):
    kv = fx['XA_KERNEL_VERSION_ARM64']
    prog = build(name, 'hv-pingpong')
    guest = Initramfs(fx['XA_BUSYBOX_ARM64'], text('pingpong-domu.sh'))
    rel = 'kernel/drivers/xen/xen-evtchn.ko'
    guest.add_file('/lib/modules/%s/%s' % (kv, rel), os.path.join(fx['XA_KMOD_DIR_ARM64'], rel))
    guest.add_file('/bin/hv-pingpong', prog, 0o755)
    rd = Initramfs(fx['XA_BUSYBOX_ARM64'], text('pingpong-dom0.sh'))
    lifecycle.add_toolstack(rd, fx, 'ours')
    for m in lifecycle.XEN_MODULES:
        rel = 'kernel/drivers/xen/%s.ko' % m
        rd.add_file('/lib/modules/%s/%s' % (kv, rel), os.path.join(fx['XA_KMOD_DIR_ARM64'], rel))
    rd.add_file('/bin/hv-pingpong', prog, 0o755)
    rd.add_file('/boot/vmlinuz-guest', fx['XA_KERNEL_ARM64'])
    rd.add_file('/boot/initrd-pp.cpio.gz',
                guest.write(os.path.join(h.workdir(name), 'initrd-pp.cpio.gz')))
    rd.add_file('/etc/xen/pp.cfg', os.path.join(HERE, 'pp.cfg'))
    rd.add_bytes('/etc/pingpong.args', args.encode())
    return h.initramfs_path(name, rd)


def initrd(name, fx, args):
    with open(os.path.join(HERE, 'bench-dom0.sh')) as f:
        rd = Initramfs(fx['XA_BUSYBOX_ARM64'], f.read())
    rel = 'kernel/drivers/xen/xen-privcmd.ko'
    rd.add_file('/lib/modules/%s/%s' % (fx['XA_KERNEL_VERSION_ARM64'], rel),
                os.path.join(fx['XA_KMOD_DIR_ARM64'], rel))
    rd.add_file('/bin/hv-nullcall', build(name), 0o755)
    rd.add_bytes('/etc/nullcall.args', args.encode())
    return h.initramfs_path(name, rd)


MODES = {
    'nullcall': (initrd, [r'^NULLCALL median_ns=\d+', r'^NULLCALL-EXIT rc=0'],
                 {'ns/call': r'NULLCALL median_ns=(\d+)',
                  'ns/syscall': r'NULLCALL median_ns=.* syscall_median_ns=(\d+)'}),
    'pingpong': (pingpong_initrd, [r'^XL-CREATE rc=0', r'^CREATE-TO-MARKER s=[0-9.]+ port=\d',
                                   r'^PINGPONG median_ns=\d+', r'^PINGPONG-EXIT rc=0'],
                 {'ns/trip': r'PINGPONG median_ns=(\d+)', 's create-to-marker': r'CREATE-TO-MARKER s=([0-9.]+)'}),
}


def image(fx, hv):
    if hv == 'baseline':
        return os.environ['XA_BENCH_BASELINE']
    return lifecycle.hypervisor(fx, hv)


def xen_args(hv):
    """The hypervisor's command line; XA_BENCH_OURS_ARGS replaces it for
    ours (and the baseline), e.g. to compare dom0_mem= settings."""
    if hv != 'reference' and os.environ.get('XA_BENCH_OURS_ARGS'):
        return os.environ['XA_BENCH_OURS_ARGS']
    return 'dom0_mem=512M bootscrub=0'


def one(mode, hv, i, args):
    name = 'bench-hv-%s-%s-%d' % (mode, hv, i)
    make_initrd, expect, figures = MODES[mode]
    fx = h.fixtures()
    sc = h.Scenario(name, h.BOARDS['virt64-gicv3'], image(fx, hv),
                    kernel=fx['XA_KERNEL_ARM64'], initrd=make_initrd(name, fx, args),
                    xen_args=xen_args(hv), timeout=900)
    sc.expect = [r'^DOM0-READY'] + expect + [lifecycle.HV_END['ours' if hv == 'baseline' else hv]]
    sc.fail = list(h.DEFAULT_FAIL) + [r'^NULLCALL-FAIL', r'^PINGPONG-FAIL', r'^INSMOD-FAILED']
    if h.run(sc) != 0:
        raise RuntimeError('run %s failed: see its console log' % name)
    with open(os.path.join(h.BUILD, 'test-logs', name + '.console.log'), errors='replace') as f:
        log = f.read()
    return {k: float(re.search(rx, log).group(1)) for k, rx in figures.items()}


def main():
    args = sys.argv[1:]
    mode = args.pop(0) if args and args[0] in MODES else 'nullcall'
    runs = int(args[0]) if args else 5
    # pingpong: a round trip costs milliseconds under TCG, so small batches.
    calls = args[1] if len(args) > 1 else ('10000' if mode == 'nullcall' else '100')
    batches = args[2] if len(args) > 2 else ('10' if mode == 'nullcall' else '5')
    kind = ' ' + args[3] if len(args) > 3 else ''
    res = {'reference': [], 'ours': []}
    if os.environ.get('XA_BENCH_BASELINE'):
        res['baseline'] = []
    for i in range(runs):
        for hv in res:
            res[hv].append(one(mode, hv, i, '%s %s%s' % (calls, batches, kind)))
    print('\n%s, virt64-gicv3; %d runs each, interleaved, %s x %s per run'
          % (mode, runs, batches, calls))
    for fig in MODES[mode][2]:
        med = {}
        for hv, rs in res.items():
            v = [r[fig] for r in rs]
            med[hv] = statistics.median(v)
            print('%-10s median %.2f %s [%.2f-%.2f] runs: %s'
                  % (hv, med[hv], fig, min(v), max(v), ' '.join('%.0f' % x for x in v)))
        print('%s ours/reference %.2f (target <= 0.70); median of per-run ratios %.2f'
              % (fig, med['ours'] / med['reference'], paired(res, fig)))
        compare_baseline(fig, med)
    if mode == 'nullcall':
        share_of_hypervisor(res)


def paired(res, fig):
    """Run i of ours against run i of the reference (adjacent in time)."""
    return statistics.median(o[fig] / r[fig] for o, r in zip(res['ours'], res['reference']))


def share_of_hypervisor(res):
    """Per run, ns/call minus ns/syscall: what the hypercall itself adds."""
    med = {}
    for hv, rs in res.items():
        v = [r['ns/call'] - r['ns/syscall'] for r in rs]
        med[hv] = statistics.median(v)
        print('%-10s median %.2f ns/hypercall-share [%.2f-%.2f]' % (hv, med[hv], min(v), max(v)))
    if med['reference'] > 0:
        print('ns/hypercall-share ours/reference %.2f' % (med['ours'] / med['reference']))
    compare_baseline('ns/hypercall-share', med)


def compare_baseline(fig, med):
    if med.get('baseline', 0) > 0:
        print('%s baseline/reference %.2f, ours/baseline %.2f'
              % (fig, med['baseline'] / med['reference'], med['ours'] / med['baseline']))


if __name__ == '__main__':
    main()
