/* SPDX-License-Identifier: GPL-2.0-only */
/* AArch64 vCPU state: the trap frame (entry.S layout) and EL1 registers. */
#ifndef ASM_DOMAIN_H
#define ASM_DOMAIN_H

#include <xen/types.h>

/* entry.S's frame: x0-x30, ELR_EL2, SPSR_EL2, pad to 16 bytes. */
struct cpu_regs {
	uint64_t x[31];
	uint64_t elr;
	uint64_t spsr;
	uint64_t pad;
};

struct vgic_dist;

struct arch_domain {
	struct vgic_dist *vgic;
};

struct arch_vcpu {
	struct cpu_regs regs;	/* where the guest resumes */
	uint64_t vmpidr;
};

#endif
