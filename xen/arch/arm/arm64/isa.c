// SPDX-License-Identifier: GPL-2.0-only
/* The few AArch64 instructions common ARM code needs. */
#include <asm/setup.h>
#include <xen/arch.h>

void arch_halt(void)
{
	asm volatile("msr daifset, #0xf" ::: "memory");
	for (;;)
		asm volatile("wfi");
}

/* SMC Calling Convention: function id in x0, results in x0-x3. */
void arch_smc_call(unsigned long fid)
{
	register unsigned long x0 asm("x0") = fid;

	asm volatile("smc #0" : "+r"(x0) : : "x1", "x2", "x3", "memory");
}

/* `mode` is CurrentEL as head.S read it; ~0 names the one we need. */
const char *arch_mode_name(unsigned long mode)
{
	static const char *const names[] = { "EL0", "EL1", "EL2", "EL3" };

	if (mode == ~0UL)
		return "EL2";
	return names[(mode >> 2) & 3];
}

/*
 * Both tables map what we are using with the same blocks and attributes,
 * so no break-before-make is needed: publish the tables, switch, flush.
 */
void arch_switch_page_tables(paddr_t root)
{
	asm volatile("dsb ishst\n\t"
		     "msr ttbr0_el2, %0\n\t"
		     "isb\n\t"
		     "tlbi alle2\n\t"
		     "dsb ish\n\t"
		     "isb" : : "r"(root) : "memory");
}
