// SPDX-License-Identifier: GPL-2.0-only
/* Reporting an unexpected Hyp-mode exception: HSR, fault addresses, GPRs. */
#include <asm/sysregs.h>
#include <xen/console.h>

struct cpu_regs {
	uint32_t r[13];
	uint32_t lr;
};

void do_unexpected(const struct cpu_regs *regs, unsigned long vector);

static const char *const vector_names[8] = {
	"Reset", "Undefined instruction", "Hypervisor call",
	"Prefetch abort", "Data abort", "Hyp trap", "IRQ", "FIQ",
};

static uint32_t read_elr_hyp(void)
{
	uint32_t v;

	asm volatile(".arch_extension virt\n\tmrs %0, ELR_hyp" : "=r"(v));
	return v;
}

static uint32_t read_spsr(void)
{
	uint32_t v;

	asm volatile("mrs %0, spsr" : "=r"(v));
	return v;
}

static void print_gprs(const struct cpu_regs *regs)
{
	unsigned int i;

	for (i = 0; i < 12; i += 4)
		printk("    r%-2u %08x  r%-2u %08x  r%-2u %08x  r%-2u %08x\n",
		       i, regs->r[i], i + 1, regs->r[i + 1], i + 2,
		       regs->r[i + 2], i + 3, regs->r[i + 3]);
	printk("    r12 %08x  sp  %08x  lr  %08x\n", regs->r[12],
	       (uint32_t)(uintptr_t)(regs + 1), regs->lr);
}

void do_unexpected(const struct cpu_regs *regs, unsigned long vector)
{
	uint32_t hsr = READ_CP32(p15, 4, c5, c2, 0);

	printk("\nUnexpected exception in Hyp mode: %s\n", vector_names[vector & 7]);
	printk("    EC=0x%02x HSR=%08x HDFAR=%08x HIFAR=%08x\n", hsr >> 26, hsr,
	       READ_CP32(p15, 4, c6, c0, 0), READ_CP32(p15, 4, c6, c0, 2));
	printk("    ELR_hyp=%08x SPSR_hyp=%08x\n", read_elr_hyp(), read_spsr());
	print_gprs(regs);
	fatal("unexpected exception in the hypervisor; stopped");
}
