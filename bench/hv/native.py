#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Benchmark (not a test): what running under a hypervisor adds to dom0's
own system call, on the same QEMU board (virt, GICv3, 2x A57, 2 GiB).

  bench/hv/native.py [RUNS=5] [CALLS=10000] [BATCHES=10]

Alternately boots (1) Debian's dom0 kernel with no hypervisor at all (QEMU
without EL2: one stage of translation) and (2) the same kernel as dom0 of
OUR hypervisor (XA_BUILD/dist-arm64, dom0_mem=512M), each running
bench/hv/hv-nullcall.c's rejected ioctl on /dev/null (-ENOTTY, no
hypercall, the same kernel path in both) BATCHES x CALLS times; both
kernels run with KASLR and so KPTI (checked from dmesg). Prints each
run's median batch (ns per system call), the medians and their ratio: the
difference is what stage 2 and the hypervisor's presence cost dom0's
system calls under QEMU TCG (see docs/performance.md).
"""
import os
import re
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import run as bench  # noqa: E402

h = bench.h
BOARD = h.BOARDS['virt64-gicv3']
NATIVE_INIT = '''#!/bin/busybox sh
# SPDX-License-Identifier: GPL-2.0-only
/bin/busybox --install -s /bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
echo "NATIVE-READY uptime=$(cut -d' ' -f1 /proc/uptime)"
dmesg | grep -q 'Kernel page table isolation (KPTI)' && echo NATIVE-KPTI=on
/bin/hv-nullcall %s; echo "NULLCALL-EXIT rc=$?"
poweroff -f
'''


def native(fx, args):
    """One run without a hypervisor: the median batch's ns per call."""
    name = 'bench-hv-native'
    rd = bench.Initramfs(fx['XA_BUSYBOX_ARM64'], NATIVE_INIT % args)
    rd.add_file('/bin/hv-nullcall', bench.build(name), 0o755)
    initrd = h.initramfs_path(name, rd)
    machine = BOARD.machine.replace('virtualization=on,', '')
    cmd = ['timeout', '600', BOARD.qemu, '-machine', machine, '-m', str(BOARD.mem_mb),
           '-nic', 'none', '-cpu', BOARD.cpu, '-smp', str(BOARD.smp), '-nographic',
           '-no-reboot', '-kernel', fx['XA_KERNEL_ARM64'], '-initrd', initrd,
           '-append', 'console=ttyAMA0 quiet']
    out = subprocess.run(cmd, capture_output=True, text=True, errors='replace').stdout
    with open(os.path.join(h.BUILD, 'test-logs', name + '.console.log'), 'w') as f:
        f.write(out)
    m = re.search(r'syscall_median_ns=(\d+)', out)
    if not m or 'NATIVE-KPTI=on' not in out:
        raise RuntimeError('native run failed or ran without KPTI: see %s.console.log' % name)
    return float(m.group(1))


def main():
    a = sys.argv[1:]
    runs = int(a[0]) if a else 5
    args = '%s %s syscalls /dev/null' % (a[1] if len(a) > 1 else 10000,
                                         a[2] if len(a) > 2 else 10)
    fx = h.fixtures()
    res = {'native': [], 'ours': []}
    for i in range(runs):
        res['native'].append(native(fx, args))
        res['ours'].append(bench.one('nullcall', 'ours', i, args)['ns/syscall'])
        print('run %d: native %.0f ours %.0f ns/syscall (load %s)'
              % (i, res['native'][-1], res['ours'][-1], os.getloadavg()[0]), flush=True)
    med = {k: statistics.median(v) for k, v in res.items()}
    for k, v in res.items():
        print('%-7s median %.0f ns/syscall [%.0f-%.0f]' % (k, med[k], min(v), max(v)))
    print('native/ours %.2f; median of per-run ratios %.2f'
          % (med['native'] / med['ours'],
             statistics.median(n / o for n, o in zip(res['native'], res['ours']))))


if __name__ == '__main__':
    main()
