/* SPDX-License-Identifier: GPL-2.0-only */
/* AArch64 facts common code needs. */
#ifndef ASM_ISA_H
#define ASM_ISA_H

/* The register the boot protocol passes the DTB in (booting.rst). */
#define ARCH_DTB_REG "x0"
/* Level-1 entries with T0SZ = 25: 512 x 1 GiB covers a 39-bit space. */
#define PT_ROOT_ENTRIES 512

#endif
