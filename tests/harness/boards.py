# SPDX-License-Identifier: GPL-2.0-only
"""The emulated boards: how to start QEMU for each and where things go in RAM.

Module addresses sit above the DTB QEMU places at RAM base + 128 MiB (with a
DTB passed by -dtb and no -initrd, QEMU's ARM boot code puts it there) and
leave 64 MiB for the kernel; the hypervisor image loads near the RAM base.
"""
from dataclasses import dataclass, field, replace

MiB = 1 << 20


@dataclass(frozen=True)
class Board:
    name: str
    qemu: str                 # QEMU binary
    machine: str              # -machine value (with options)
    cpu: str                  # '' = the machine's fixed CPU
    ram_base: int
    mem_mb: int
    smp: int = 1              # 0 = the machine's fixed count
    dtb: str = 'qemu'         # 'qemu' = QEMU's own (dumpdtb), else a fixture key
    dtuart: str = 'serial0'   # value for Xen's dtuart=
    extra: tuple = field(default_factory=tuple)
    kernel_off: int = 0x0a000000   # boot modules, from the RAM base
    ramdisk_off: int = 0x0e000000
    # fdtput edits to the base DTB: (node, property, type, values...)
    dtb_fixups: tuple = field(default_factory=tuple)

    @property
    def kernel_addr(self):
        return self.ram_base + self.kernel_off

    @property
    def ramdisk_addr(self):
        return self.ram_base + self.ramdisk_off

    @property
    def loader_addr(self):
        """Where the image goes when loaded raw (no -kernel): above the
        1 MiB DTB blob that QEMU's virt puts at the RAM base for firmware."""
        return self.ram_base + 0x00200000

    @property
    def ram_end(self):
        """Inclusive end of RAM, as the hypervisor's RAM line prints it."""
        return self.ram_base + self.mem_mb * MiB - 1

    def with_(self, **kw):
        return replace(self, **kw)


# QEMU's ZynqMP GIC-400 repeats each 4 KiB GICC/GICV page every 64 KiB, like
# the silicon, but Xen 4.17 does not recognise the alias from the 128 KiB
# regions in Debian's DTB ("GICC size=0x20000 but not aliased") and hangs
# bringing up CPU 1. Pointing GICC and GICV at the 8 KiB that straddles the
# alias boundary (0x..2f000, 0x..6f000) is what it expects.
ZCU102_GIC_4K = (('/axi/interrupt-controller@f9010000', 'reg', 'x',
                  0, 0xf9010000, 0, 0x10000, 0, 0xf902f000, 0, 0x2000,
                  0, 0xf9040000, 0, 0x20000, 0, 0xf906f000, 0, 0x2000),)

BOARDS = {b.name: b for b in (
    Board('virt64-gicv3', 'qemu-system-aarch64',
          'virt,virtualization=on,gic-version=3', 'cortex-a57',
          0x40000000, 2048, smp=2, dtuart='/pl011@9000000'),
    Board('virt64-gicv2', 'qemu-system-aarch64',
          'virt,virtualization=on,gic-version=2', 'cortex-a57',
          0x40000000, 2048, smp=2, dtuart='/pl011@9000000'),
    Board('virt32', 'qemu-system-arm',
          'virt,virtualization=on,highmem=off,gic-version=2', 'cortex-a15',
          0x40000000, 1024, smp=2, dtuart='/pl011@9000000'),
    # The ZynqMP model fixes its CPUs (4x A53 + 2x R5): no -cpu, no -smp.
    Board('zcu102', 'qemu-system-aarch64', 'xlnx-zcu102,virtualization=on',
          '', 0x0, 2048, smp=0, dtb='XA_ZCU102_DTB',
          dtuart='serial0'),
    Board('vexpress-a15', 'qemu-system-arm', 'vexpress-a15,secure=off',
          'cortex-a15', 0x80000000, 1024, smp=1, dtb='XA_VEXPRESS_DTB',
          dtuart='serial0'),
)}
BOARDS['zcu102-gicc4k'] = BOARDS['zcu102'].with_(name='zcu102-gicc4k',
                                                 dtb_fixups=ZCU102_GIC_4K)
