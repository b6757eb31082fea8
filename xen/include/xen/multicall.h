/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Hypercall plumbing shared by the families (common/multicall.c and
 * arch/arm/hypercall.c): one dispatcher, continuations, multicall.
 */
#ifndef XEN_MULTICALL_H
#define XEN_MULTICALL_H

#include <xen/types.h>

struct cpu_regs;

/* Runs hypercall regs->x[16] with arguments x0-x4; its result. */
long hypercall_dispatch(struct cpu_regs *regs);

/*
 * Make the guest re-issue this hypercall with the (already updated)
 * argument registers: returns the value x0 must keep. Not possible inside
 * a multicall (see hypercall_in_multicall).
 */
long hypercall_continue(struct cpu_regs *regs);

/* True while this CPU runs the entries of a multicall. */
bool hypercall_in_multicall(void);

/* __HYPERVISOR_multicall(entries, nr). */
long do_multicall(struct cpu_regs *regs);

#endif
