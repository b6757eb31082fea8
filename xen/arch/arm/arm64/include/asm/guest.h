/* SPDX-License-Identifier: GPL-2.0-only */
/* Running AArch64 guests: entry, traps, guest memory, injected exceptions. */
#ifndef ASM_GUEST_H
#define ASM_GUEST_H

#include <asm/domain.h>
#include <xen/domain.h>

/* Synchronous exception from the guest: dispatch by ESR_EL2.EC. */
void guest_sync(struct cpu_regs *regs, uint64_t esr);
/* entry.S: make `frame` (at the stack top) the stack and eret into it. */
void return_to_guest(struct cpu_regs *frame) __noreturn;

/* The guest's virtual timer PPI and Xen's event-channel upcall PPI. */
#define VTIMER_PPI 27
#define EVTCHN_PPI 31

/* ctxt.c: the running vCPU's virtual timer condition is met, enabled and unmasked. */
bool arch_vtimer_fired(void);

/*
 * Copy to/from guest virtual addresses (the guest's stage 1 and our
 * stage 2, via AT S12E1R/W), page by page. 0, or -1 if any byte is not
 * mapped (or not writable) for the guest.
 */
int copy_from_guest(void *dst, uint64_t gva, size_t n);
int copy_to_guest(uint64_t gva, const void *src, size_t n);

/* Raise the event-channel upcall PPI on `v` (if it runs here). */
void arch_vcpu_kick_evtchn(struct vcpu *v);

/* Make the guest take an UNDEF / a data abort at its current PC. */
void inject_undef(struct cpu_regs *regs);
void inject_dabt(struct cpu_regs *regs, uint64_t far);

#endif
