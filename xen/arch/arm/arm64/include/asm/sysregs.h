/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef ASM_SYSREGS_H
#define ASM_SYSREGS_H

#include <xen/types.h>

#define READ_SYSREG(name) ({					\
	uint64_t _r;						\
	asm volatile("mrs %0, " #name : "=r"(_r));		\
	_r; })

#define WRITE_SYSREG(name, v) do {				\
	uint64_t _w = (v);					\
	asm volatile("msr " #name ", %0" : : "r"(_w) : "memory"); \
} while (0)

static inline void isb(void)
{
	asm volatile("isb" ::: "memory");
}

/* GICv3 CPU-interface registers by encoding (any assembler accepts these). */
#define ICC_SRE_EL2 S3_4_C12_C9_5
#define ICC_PMR_EL1 S3_0_C4_C6_0
#define ICC_BPR1_EL1 S3_0_C12_C12_3
#define ICC_CTLR_EL1 S3_0_C12_C12_4
#define ICC_IGRPEN1_EL1 S3_0_C12_C12_7
#define ICC_IAR1_EL1 S3_0_C12_C12_0
#define ICC_EOIR1_EL1 S3_0_C12_C12_1
#define ICC_DIR_EL1 S3_0_C12_C11_1
#define ICC_SGI1R_EL1 S3_0_C12_C11_5
#define CNTHP_CTL_EL2 S3_4_C14_C2_1
#define CNTHP_CVAL_EL2 S3_4_C14_C2_2

/* READ_SYSREG/WRITE_SYSREG with a macro name: expand it first. */
#define READ_SYSREG_E(name) READ_SYSREG(name)
#define WRITE_SYSREG_E(name, v) WRITE_SYSREG(name, v)

#endif
