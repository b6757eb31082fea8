// SPDX-License-Identifier: GPL-2.0-only
/* The few AArch32 instructions common ARM code needs. */
#include <asm/setup.h>
#include <xen/arch.h>

void arch_halt(void)
{
	asm volatile("cpsid aif" ::: "memory");
	for (;;)
		asm volatile("wfi");
}

/* SMC Calling Convention: function id in r0, results in r0-r3. */
void arch_smc_call(unsigned long fid)
{
	register unsigned long r0 asm("r0") = fid;

	asm volatile(".arch_extension sec\n\tsmc #0"
		     : "+r"(r0) : : "r1", "r2", "r3", "memory");
}

/* `mode` is CPSR.M as head.S read it; ~0 names the one we need. */
const char *arch_mode_name(unsigned long mode)
{
	switch (mode) {
	case 0x10: return "User mode";
	case 0x11: return "FIQ mode";
	case 0x12: return "IRQ mode";
	case 0x13: return "Supervisor mode";
	case 0x16: return "Monitor mode";
	case 0x17: return "Abort mode";
	case 0x1a: return "Hyp mode";
	case 0x1b: return "Undefined mode";
	case 0x1f: return "System mode";
	default: return mode == ~0UL ? "Hyp mode" : "an unknown mode";
	}
}

/*
 * Both tables map what we are using with the same blocks and attributes,
 * so no break-before-make is needed: publish the tables, switch HTTBR,
 * flush the Hyp TLB (TLBIALLH).
 */
void arch_switch_page_tables(paddr_t root)
{
	asm volatile("dsb ishst\n\t"
		     "mcrr p15, 4, %Q0, %R0, c2\n\t"
		     "isb\n\t"
		     "mcr p15, 4, %Q0, c8, c7, 0\n\t"
		     "dsb ish\n\t"
		     "isb" : : "r"(root) : "memory");
}
