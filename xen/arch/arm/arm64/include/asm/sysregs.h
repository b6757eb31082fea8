/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef ASM_SYSREGS_H
#define ASM_SYSREGS_H

#include <xen/types.h>

#define READ_SYSREG(name) ({					\
	uint64_t _r;						\
	asm volatile("mrs %0, " #name : "=r"(_r));		\
	_r; })

#endif
