/* SPDX-License-Identifier: GPL-2.0-only */
/* AArch32 facts common code needs. */
#ifndef ASM_ISA_H
#define ASM_ISA_H

/* The register the zImage boot protocol passes the DTB in. */
#define ARCH_DTB_REG "r2"
/* LPAE level-1 entries with HTCR.T0SZ = 0: 4 x 1 GiB covers 32 bits. */
#define PT_ROOT_ENTRIES 4

#endif
