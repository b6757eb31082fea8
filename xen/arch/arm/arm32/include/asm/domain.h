/* SPDX-License-Identifier: GPL-2.0-only */
/* arm32 runs no guests yet: an empty vCPU state. */
#ifndef ASM_DOMAIN_H
#define ASM_DOMAIN_H

struct arch_domain {
	int unused;
};

struct arch_vcpu {
	int unused;
};

#endif
