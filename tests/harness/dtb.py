# SPDX-License-Identifier: GPL-2.0-only
"""Boot device trees: the board's DTB plus the /chosen nodes a Xen boot needs.

The layout is the one Xen's docs/misc/arm/device-tree/booting.txt defines
and ImageBuilder writes: xen,xen-bootargs and xen,dom0-bootargs in /chosen,
which carries its own #address-cells/#size-cells (2/2 here), and one
module@<addr> node per boot module with compatible "multiboot,<kind>",
"multiboot,module" and reg = <addr size>.
"""
import os
import shutil
import subprocess

QEMU_ENV = dict(os.environ, QEMU_AUDIO_DRV='none')


def _run(*cmd):
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       timeout=60, env=QEMU_ENV)
    if r.returncode != 0:
        raise RuntimeError('%s failed (%d): %s' % (
            ' '.join(cmd), r.returncode, r.stdout.decode(errors='replace')[-500:]))


def qemu_machine_args(board):
    # -nic none: the default PCI NIC wants an iPXE ROM (ipxe-qemu), and no
    # scenario needs a host network.
    args = ['-machine', board.machine, '-m', str(board.mem_mb), '-nic', 'none']
    if board.cpu:
        args += ['-cpu', board.cpu]
    if board.smp:
        args += ['-smp', str(board.smp)]
    return args


def base_dtb(board, fixtures, out, qemu_extra=()):
    """The board's own DTB: QEMU's (dumpdtb) or the kernel package's.
    qemu_extra: arguments that change the machine (with -bios, virt trades
    its PL061 GPIO for an ACPI event device), so the dump matches the boot."""
    if board.dtb == 'qemu':
        if os.path.exists(out):
            os.unlink(out)
        _run('timeout', '60', board.qemu, *qemu_machine_args(board), *qemu_extra,
             '-machine', 'dumpdtb=' + out, '-nographic')
        if not os.path.getsize(out):
            raise RuntimeError('QEMU wrote no DTB for ' + board.name)
    else:
        shutil.copyfile(fixtures[board.dtb], out)
    return out


def _fdtput(dtb, node, prop, typ, *vals):
    _run('fdtput', '-p', '-t', typ, dtb, node, prop, *[str(v) for v in vals])


def _cells64(v):
    return ['%x' % (v >> 32), '%x' % (v & 0xffffffff)]


def add_module(dtb, kind, addr, size, bootargs=None):
    """kind: kernel, ramdisk, xsm-policy, device-tree ... (multiboot,<kind>)."""
    node = '/chosen/module@%x' % addr
    _fdtput(dtb, node, 'compatible', 's', 'multiboot,' + kind, 'multiboot,module')
    _fdtput(dtb, node, 'reg', 'x', *(_cells64(addr) + _cells64(size)))
    if bootargs is not None:
        _fdtput(dtb, node, 'bootargs', 's', bootargs)


def add_chosen(dtb, xen_args, dom0_args=None):
    _fdtput(dtb, '/chosen', '#address-cells', 'x', 2)
    _fdtput(dtb, '/chosen', '#size-cells', 'x', 2)
    _fdtput(dtb, '/chosen', 'xen,xen-bootargs', 's', xen_args)
    if dom0_args is not None:
        _fdtput(dtb, '/chosen', 'xen,dom0-bootargs', 's', dom0_args)


def boot_dtb(board, fixtures, out, xen_args, dom0_args=None, modules=(), qemu_extra=()):
    """modules: (kind, addr, path) tuples; sizes come from the files."""
    base_dtb(board, fixtures, out, qemu_extra)
    for node, prop, typ, *vals in board.dtb_fixups:
        _fdtput(out, node, prop, typ, *('%x' % v if typ == 'x' else v for v in vals))
    add_chosen(out, xen_args, dom0_args)
    # libfdt puts a new node first among its siblings: add them in reverse
    # so /chosen lists them in the order given (kernel first, as ImageBuilder).
    for kind, addr, path in reversed(list(modules)):
        add_module(out, kind, addr, os.path.getsize(path),
                   dom0_args if kind == 'kernel' else None)
    return out


def corrupt(dtb, out, offset=0, value=b'\0\0\0\0'):
    """A copy of dtb with bytes overwritten (offset 0 = the magic,
    4 = totalsize): libfdt rejects it."""
    with open(dtb, 'rb') as f:
        data = bytearray(f.read())
    data[offset:offset + len(value)] = value
    with open(out, 'wb') as f:
        f.write(data)
    return out
