/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef ASM_SYSREGS_H
#define ASM_SYSREGS_H

#include <xen/types.h>

/* CP15 register read: READ_CP32(p15, 4, c5, c2, 0) = HSR. */
#define READ_CP32(cp, op1, crn, crm, op2) ({				\
	uint32_t _r;							\
	asm volatile("mrc " #cp ", " #op1 ", %0, " #crn ", " #crm ", " #op2 \
		     : "=r"(_r));					\
	_r; })

#endif
