/* SPDX-License-Identifier: GPL-2.0-only */
/* Guest debug HVCs: HVC #0xffXX prints a register, a mark or a character. */
#ifndef XEN_DEBUG_TRAP_H
#define XEN_DEBUG_TRAP_H

#include <xen/types.h>

/* True for an HVC immediate in the debug range (0xff00-0xffff). */
static inline bool debug_trap_imm(unsigned int imm)
{
	return (imm & 0xff00) == 0xff00;
}

/*
 * Prints what debug code `code` (the immediate's low byte) asks for, on
 * the hypervisor console, for domain `domid` whose registers are x[0..30]
 * and pc (its return address, after the HVC, as Xen prints it): 0xe0-0xef
 * register n, 0xfd "Reached", 0xfe x0's low byte as a character, 0xff
 * every register; anything else is named as unhandled. The guest
 * continues after the HVC.
 */
void debug_trap(unsigned int domid, unsigned int code, const uint64_t x[31], uint64_t pc);

#endif
