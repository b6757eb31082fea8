# SPDX-License-Identifier: GPL-2.0-only
"""Scenarios that boot OUR hypervisor, checked against its console contract
(docs/hypervisor.md):

    (XEN) Xen version 4.17.0-xa (xen-arm) ...
    (XEN) Latest ChangeSet: ...
    (XEN) Command line: ...
    (XEN) RAM: <start> - <inclusive end>          (one line per bank)
    (XEN) MODULE[n]: <start> - <end> Kernel|Ramdisk|Device Tree|Xen|XSM
    (XEN) Powering off (PSCI SYSTEM_OFF)          (or the board's method)
    (XEN) FATAL: <message>                        (then the image halts)
"""
import os
import re

import harness as h
from initramfs import Initramfs

ARCH = {'qemu-system-aarch64': 'arm64', 'qemu-system-arm': 'arm32'}
# Debian's kernel and busybox for each hypervisor architecture.
DOM0 = {'arm64': ('XA_KERNEL_ARM64', 'XA_BUSYBOX_ARM64'),
        'arm32': ('XA_KERNEL_ARMHF', 'XA_BUSYBOX_ARMHF')}

BANNER = r'^\(XEN\) Xen version 4\.17\.0-xa \(xen-arm\)'
CHANGESET = r'^\(XEN\) Latest ChangeSet: '
PSCI_OFF = r'^\(XEN\) Powering off \(PSCI SYSTEM_OFF\)'
SYSCFG_OFF = r'^\(XEN\) Powering off \(Versatile Express SYS_CFG shutdown\)'


def arch_of(board):
    return ARCH[board.qemu]


def cmdline_marker(args):
    return r'^\(XEN\) Command line: ' + re.escape(args) + r'\s*$'


def ram_marker(start, end):
    return r'^\(XEN\) RAM: %016x - %016x\s*$' % (start, end)


def module_marker(kind, start, size):
    """Xen prints a module's end as start + size (exclusive)."""
    return r'^\(XEN\) MODULE\[\d+\]: %016x - %016x %s\s*$' % (start, start + size, kind)


def dom0_files(name, board):
    """Debian's kernel for the board's architecture and a busybox initramfs
    whose /init reports DOM0-READY and powers off."""
    fx = h.fixtures()
    kkey, bkey = DOM0[arch_of(board)]
    rd = Initramfs(fx[bkey], h.init_script('dom0-ready.sh'))
    return fx[kkey], h.initramfs_path(name, rd)


def boot(name, board_name, variant='', board_changes=None, xen_args='dom0_mem=256M', **kw):
    """Our image boots on the board (board_changes: Board fields to alter,
    e.g. mem_mb): banner, command line, the RAM the board has, the kernel
    and ramdisk modules we loaded, then a clean power-off."""
    board = h.BOARDS[board_name].with_(**(board_changes or {}))
    kernel, initrd = dom0_files(name, board)
    sc = h.Scenario(name, board, h.our_xen(arch_of(board), variant),
                    kernel=kernel, initrd=initrd, xen_args=xen_args, timeout=90)
    off = SYSCFG_OFF if board_name.startswith('vexpress') else PSCI_OFF
    sc.expect = [BANNER, CHANGESET, cmdline_marker(sc.full_xen_args()),
                 ram_marker(board.ram_base, board.ram_end), off]
    # The contract does not order the module lines.
    sc.also = [module_marker('Kernel', board.kernel_addr, os.path.getsize(kernel)),
               module_marker('Ramdisk', board.ramdisk_addr, os.path.getsize(initrd))]
    for k, v in kw.items():
        setattr(sc, k, v)
    return sc


def fatal(name, board_name, message, variant='', **kw):
    """Bad input: the image prints FATAL with `message` (a regex) and halts:
    no power-off, QEMU still running `settle` seconds later. (No banner is
    required: without a usable DTB only an early-printk build can print.)"""
    board = h.BOARDS[board_name]
    sc = h.Scenario(name, board, h.our_xen(arch_of(board), variant), timeout=60,
                    xen_args='dom0_mem=256M')
    sc.expect = [r'^\(XEN\) FATAL: .*' + message]
    sc.fail = [r'Powering off', r'Panic on CPU', r'Unhandled Exception']
    sc.end = 'halt'
    sc.settle = 3.0
    for k, v in kw.items():
        setattr(sc, k, v)
    return sc
