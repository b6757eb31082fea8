/* SPDX-License-Identifier: GPL-2.0-only */
/* The host stub's vCPU state: the same shape as arm64's, for unit tests
 * of the common domain code (domctl, sysctl, memory_op). */
#ifndef ASM_DOMAIN_H
#define ASM_DOMAIN_H

#include <xen/types.h>

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
	struct cpu_regs regs;
	uint64_t vmpidr;
};

#endif
