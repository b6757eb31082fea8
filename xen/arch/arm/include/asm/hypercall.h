/* SPDX-License-Identifier: GPL-2.0-only */
/* Guest calls into the hypervisor: Xen hypercalls (HVC #0xEA1) and PSCI/SMCCC. */
#ifndef ASM_HYPERCALL_H
#define ASM_HYPERCALL_H

#include <asm/domain.h>

struct cpu_regs;

/* Xen ABI on Arm: number in x16, arguments x0-x4, result in x0. */
void do_hypercall(struct cpu_regs *regs);
/* SMCCC function id in x0 (w0), arguments x1-x3, result in x0. */
void do_vpsci(struct cpu_regs *regs);

/* Power the machine off / reset it (setup.c; what dom0's PSCI calls do). */
void hypervisor_power_off(void) __noreturn;
void hypervisor_reset(void) __noreturn;

#endif
