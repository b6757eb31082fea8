# SPDX-License-Identifier: GPL-2.0-only
"""Scenarios for the hypervisor core on its way to running dom0
(docs/hypervisor.md): the boot of ourboot.boot() plus what the core sets
up before dom0 exists.

    (XEN) Heap: <N> MiB free
    (XEN) GICv3|GICv2; hypervisor timer PPI 26 at <f> Hz
    (XEN) Bringing up CPU<n>                       (one per secondary CPU)
    (XEN) Brought up <N> CPUs
    (XEN) Interrupts: timer and SGI taken on all <N> CPUs
"""

import re

import harness as h
import ourboot

HEAP = r'^\(XEN\) Heap: [1-9][0-9]* MiB free'
GIC = r'^\(XEN\) %s; hypervisor timer PPI 26 at [1-9][0-9]* Hz'


def cpus(name, board_name, nr_cpus, gic, board_changes=None, xen_args='dom0_mem=256M'):
    """Every CPU the board has is started with PSCI CPU_ON and reports in
    (a CPU that fails prints 'left off' and the count is short); each takes
    its EL2 timer interrupt and an SGI from CPU0 through the `gic` driver;
    then the usual clean power-off."""
    sc = ourboot.boot(name, board_name, board_changes=board_changes, xen_args=xen_args)
    bring = [r'^\(XEN\) Bringing up CPU%d\s*$' % i for i in range(1, nr_cpus)]
    sc.expect = sc.expect[:-1] + [HEAP, GIC % gic] + bring + \
        [r'^\(XEN\) Brought up %d CPUs\s*$' % nr_cpus,
         r'^\(XEN\) Interrupts: timer and SGI taken on all %d CPUs\s*$' % nr_cpus,
         sc.expect[-1]]
    sc.fail = list(getattr(sc, 'fail', None) or []) + \
        [r'left off', r'FATAL', r'check FAILED', r'Unexpected exception']
    return sc


def userspace(name, board_name, dom0_poweroff=True):
    """The default boot, all the way: Debian's kernel as dom0 reaches its
    initramfs /init, which sees /sys/hypervisor/type = xen and version
    4.17.0-xa, then `poweroff -f`: dom0's SCHEDOP_shutdown powers the
    machine off (QEMU exits 0). dom0_poweroff=False stops at DOM0-DONE
    (a known bug: see the zcu102 test)."""
    sc = ourboot.boot(name, board_name)
    sc.expect = sc.expect[:-1] + [
        r'^\(XEN\) \*\*\* LOADING DOMAIN 0 \*\*\*',
        r'^\[ *0\.0+\] Booting Linux on physical CPU 0x0+ ',
        r'^\[ *0\.0+\] Xen 4\.17 support found',
        r'^\[ *[0-9.]+\] Xen: initializing cpu0',
        r'^\[ *[0-9.]+\] Run /init as init process',
        r'^DOM0-READY ',
        r'^HV-TYPE=xen\s*$',
        r'^HV-VERSION=4\.17\.0-xa\s*$',
        r'^DOM0-DONE',
        r'^\(XEN\) Hardware Dom0 halted: halting machine',
        sc.expect[-1],
    ]
    sc.fail = list(sc.fail) + [r'unhandled trap', r'Unexpected exception',
                               r'no emulated device there']
    if not dom0_poweroff:
        sc.expect = sc.expect[:sc.expect.index(r'^DOM0-DONE') + 1]
        sc.end = 'any'
    return sc


def userspace_gzip(name, board_name):
    """The same with the kernel module gzip-compressed (as Debian's
    vmlinuz): the hypervisor inflates it with zlib before loading it."""
    import gzip
    import os
    sc = userspace(name, board_name)
    gz = os.path.join(h.workdir(name), 'Image.gz')
    with open(sc.kernel, 'rb') as src, gzip.open(gz, 'wb', compresslevel=1) as dst:
        dst.write(src.read())
    sc.kernel = gz
    sc.also[0] = ourboot.module_marker('Kernel', sc.board.kernel_addr, os.path.getsize(gz))
    return sc
