# SPDX-License-Identifier: GPL-2.0-only
"""Debian's Xen 4.17 booting Debian's kernel as dom0: the baseline each of
our boards is compared with, and the proof that fixtures, DTB recipe and
harness work independently of our hypervisor."""
import harness as h
from initramfs import Initramfs

# (hypervisor, kernel, busybox) fixture keys per QEMU binary.
FILES = {'qemu-system-aarch64': ('XA_REF_XEN_ARM64', 'XA_KERNEL_ARM64', 'XA_BUSYBOX_ARM64'),
         'qemu-system-arm': ('XA_REF_XEN_ARMHF', 'XA_KERNEL_ARMHF', 'XA_BUSYBOX_ARMHF')}


def dom0(name, board_name, **kw):
    """dom0 reaches /init, sees Xen, and its power-off powers the machine off."""
    fx = h.fixtures()
    board = h.BOARDS[board_name]
    xen, kernel, busybox = (fx[k] for k in FILES[board.qemu])
    rd = Initramfs(busybox, h.init_script('dom0-ready.sh'))
    sc = h.Scenario(
        name, board, xen, kernel=kernel, initrd=h.initramfs_path(name, rd),
        xen_args='dom0_mem=512M bootscrub=0',
        expect=[r'\(XEN\) Xen version 4\.17', r'LOADING DOMAIN 0',
                r'Booting Linux on physical CPU', r'^DOM0-READY',
                r'^HV-TYPE=xen$', r'^DOM0-DONE', r'halting machine'],
        timeout=120)
    for k, v in kw.items():
        setattr(sc, k, v)
    return sc
