# SPDX-License-Identifier: GPL-2.0-only
"""dom0 with several vCPUs on our hypervisor (docs/hypervisor.md,
"vCPUs and the scheduler"): every vCPU comes online through vPSCI
CPU_ON, nothing Xen-related complains in dom0's kernel log, and with
more vCPUs than pCPUs the scheduler shares the pCPUs fairly while the
console keeps printing.

The checks run in dom0's /init (init/dom0-smp.sh), which prints:

    SMP-ONLINE=0-<N-1>           /sys/devices/system/cpu/online
    XEN-ISSUE: <dmesg line>      one per problem line about Xen/GIC/PSCI/CPUs/timers
    FAIR-RESULT min=.. max=.. ticks=.. late=..   (xa_smp=fair)
    FAIR-OK | FAIR-BAD
"""

import os

import harness as h
import ourboot
from initramfs import Initramfs

# Xen-related dmesg lines that Debian's Xen 4.17 produces too: without PCI
# passthrough Arm Xen answers PHYSDEVOP_pci_device_add with -ENOSYS.
NOT_OURS = [
    r'pci .*Failed to add - passthrough or MSI',
]


def _initrd(name, board, modules=()):
    fx = h.fixtures()
    _kkey, bkey = ourboot.DOM0[ourboot.arch_of(board)]
    rd = Initramfs(fx[bkey], h.init_script('dom0-smp.sh'))
    for rel in modules:
        rd.add_file('/lib/modules/' + os.path.basename(rel),
                    os.path.join(fx['XA_KMOD_DIR_ARM64'], rel))
    return h.initramfs_path(name, rd)


def online(name, board_name, nr_vcpus, board_changes=None, xen_args='dom0_mem=256M',
           dom0_env='', timeout=120, modules=()):
    """dom0 reaches userspace with every one of its `nr_vcpus` vCPUs online
    (Linux brings the secondaries up with PSCI CPU_ON), its kernel log has
    no Xen-related error or warning, and dom0's poweroff powers off."""
    sc = ourboot.boot(name, board_name, board_changes=board_changes, xen_args=xen_args)
    sc.initrd = _initrd(name, sc.board, modules)
    sc.also[1] = ourboot.module_marker('Ramdisk', sc.board.ramdisk_addr,
                                       os.path.getsize(sc.initrd))
    sc.dom0_args = (sc.dom0_args + ' ' + dom0_env).strip()
    last = '' if nr_vcpus == 1 else '-%d' % (nr_vcpus - 1)
    sc.expect = sc.expect[:-1] + [
        r'^\(XEN\) d0: .* %d vCPUs$' % nr_vcpus,
        r'^\[ *[0-9.]+\] smp: Brought up 1 node, %d CPUs?$' % nr_vcpus,
        r'^DOM0-READY ',
        r'^SMP-ONLINE=0%s\s*$' % last,
        r'^SMP-CPUS=%d\s*$' % nr_vcpus,
        r'^DMESG-CHECKED',
        r'^DOM0-DONE',
        r'^\(XEN\) Hardware Dom0 halted: halting machine',
        sc.expect[-1],
    ]
    sc.fail = list(sc.fail) + [
        r'^XEN-ISSUE: (?!.*(%s))' % '|'.join(NOT_OURS),
        r'unhandled trap', r'Unexpected exception', r'no emulated device there',
        r'CPU\d+: failed to come online', r'rcu: INFO: .* stall',
    ]
    sc.timeout = timeout
    return sc


def fair(name, board_name, nr_vcpus, secs=10, min_pct=50):
    """`nr_vcpus` vCPUs (dom0_max_vcpus) on fewer pCPUs: a busy loop pinned
    to every vCPU runs for `secs` seconds while a 5th task prints a tick a
    second (dom0's shell, pinned to the last vCPU, at a higher priority than
    the loops), and a command typed on the console meanwhile is answered
    before the loops end. Every loop makes progress; of the loops alone on their vCPU
    the slowest reaches `min_pct` % of the fastest's count (each vCPU got
    its share of the pCPUs);
    and no tick comes more than 5 s after the last."""
    sc = online(name, board_name, nr_vcpus,
                xen_args='dom0_mem=256M dom0_max_vcpus=%d' % nr_vcpus,
                dom0_env='xa_smp=fair xa_secs=%d xa_min_pct=%d' % (secs, min_pct),
                timeout=180)
    i = sc.expect.index(r'^DOM0-DONE')
    sc.expect[i:i] = [r'^FAIR-START cpus=%d secs=%d' % (nr_vcpus, secs),
                      r'^ANSWER 42\s*$', r'^TICK %d ' % (secs // 3),
                      r'^FAIR-RESULT ', r'^FAIR-OK']
    # typed on the serial line while the loops run (console input:
    # CONSOLEIO_read); dom0's shell must answer before they end
    sc.send = [(r'^FAIR-START', 'echo ANSWER $((6*7))')]
    sc.fail.append(r'^FAIR-BAD')
    return sc


VIRTIO_RNG = ('kernel/drivers/virtio/virtio_mmio.ko',
              'kernel/drivers/char/hw_random/virtio-rng.ko')


def spi(name, board_name, nr_vcpus):
    """A physical SPI reaches dom0: QEMU's virtio-rng device on the
    virt board's virtio-mmio bus, driven by Debian's virtio_mmio and
    virtio-rng modules; reading /dev/hwrng returns 16 bytes only if the
    device's completion interrupt (a physical SPI the hypervisor does not
    own, routed to dom0 HW-linked when dom0 enables it) is delivered and
    deactivated again, and /proc/interrupts counts it."""
    sc = online(name, board_name, nr_vcpus, dom0_env='xa_smp=spi', modules=VIRTIO_RNG)
    sc.qemu_args = list(sc.qemu_args) + ['-device', 'virtio-rng-device']
    i = sc.expect.index(r'^DOM0-DONE')
    sc.expect[i:i] = [r'^HWRNG-BYTES=16\s*$', r'^SPI-IRQ +[0-9]+: +([0-9]+ +)*[1-9][0-9]* .*virtio']
    sc.fail.append(r'INSMOD-FAILED')
    return sc
