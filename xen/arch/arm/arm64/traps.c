// SPDX-License-Identifier: GPL-2.0-only
/*
 * EL2 exceptions: trap_dispatch() picks the handler by vector from one
 * table; anything without a handler is reported (class, syndrome,
 * addresses, GPRs) and stops the hypervisor.
 */
#include <asm/domain.h>
#include <asm/gic.h>
#include <asm/guest.h>
#include <asm/sysregs.h>
#include <xen/console.h>
#include <xen/sched.h>


#define FRAME_SIZE sizeof(struct cpu_regs)

void trap_dispatch(struct cpu_regs *regs, unsigned long vector);

static const char *const vector_names[16] = {
	"Synchronous, current EL with SP0", "IRQ, current EL with SP0",
	"FIQ, current EL with SP0", "SError, current EL with SP0",
	"Synchronous, current EL with SPx", "IRQ, current EL with SPx",
	"FIQ, current EL with SPx", "SError, current EL with SPx",
	"Synchronous, lower EL AArch64", "IRQ, lower EL AArch64",
	"FIQ, lower EL AArch64", "SError, lower EL AArch64",
	"Synchronous, lower EL AArch32", "IRQ, lower EL AArch32",
	"FIQ, lower EL AArch32", "SError, lower EL AArch32",
};

/* ESR_ELx.EC values (Arm ARM D17.2.37) we are likely to meet. */
static const char *ec_name(unsigned int ec)
{
	switch (ec) {
	case 0x00: return "unknown reason";
	case 0x07: return "FP/SIMD access trapped";
	case 0x0e: return "illegal execution state";
	case 0x16: return "HVC";
	case 0x17: return "SMC";
	case 0x18: return "system register access";
	case 0x20: return "instruction abort, lower EL";
	case 0x21: return "instruction abort, same EL";
	case 0x22: return "PC alignment fault";
	case 0x24: return "data abort, lower EL";
	case 0x25: return "data abort, same EL";
	case 0x26: return "SP alignment fault";
	case 0x2f: return "SError";
	case 0x3c: return "BRK";
	default: return "other";
	}
}

static void print_gprs(const struct cpu_regs *regs)
{
	unsigned int i;

	for (i = 0; i < 31; i += 3) {
		if (i + 1 >= 31)
			printk("    x%-2u %016llx\n", i, (unsigned long long)regs->x[i]);
		else if (i + 2 >= 31)
			printk("    x%-2u %016llx  x%-2u %016llx\n", i,
			       (unsigned long long)regs->x[i], i + 1,
			       (unsigned long long)regs->x[i + 1]);
		else
			printk("    x%-2u %016llx  x%-2u %016llx  x%-2u %016llx\n",
			       i, (unsigned long long)regs->x[i], i + 1,
			       (unsigned long long)regs->x[i + 1], i + 2,
			       (unsigned long long)regs->x[i + 2]);
	}
	printk("    sp  %016llx\n", (unsigned long long)((uintptr_t)regs + FRAME_SIZE));
}

static __noreturn void do_unexpected(const struct cpu_regs *regs, unsigned long vector)
{
	uint64_t esr = READ_SYSREG(esr_el2);
	unsigned int ec = (esr >> 26) & 0x3f;

	printk("\nUnexpected exception at EL2: %s\n", vector_names[vector & 15]);
	printk("    EC=0x%02x (%s) ESR_EL2=%08llx\n", ec, ec_name(ec),
	       (unsigned long long)esr);
	printk("    FAR_EL2=%016llx ELR_EL2=%016llx SPSR_EL2=%08llx\n",
	       (unsigned long long)READ_SYSREG(far_el2),
	       (unsigned long long)READ_SYSREG(elr_el2),
	       (unsigned long long)READ_SYSREG(spsr_el2));
	print_gprs(regs);
	fatal("unexpected exception in the hypervisor; stopped");
}

static __hot_text void irq_entry(struct cpu_regs *regs, unsigned long vector)
{
	do_irq();
}

typedef void (*vector_fn)(struct cpu_regs *regs, unsigned long vector);

static __hot_text void guest_sync_entry(struct cpu_regs *regs, unsigned long vector)
{
	guest_sync(regs, READ_SYSREG(esr_el2));
}

/*
 * Vectors 5 and 9: IRQ taken from EL2 itself, and from a guest (EL1/EL0);
 * 8: synchronous exception from an AArch64 guest (traps, hypercalls).
 */
static const vector_fn vector_table[16] __hot_table = {
	[5] = irq_entry,
	[8] = guest_sync_entry,
	[9] = irq_entry,
};

__hot_text void trap_dispatch(struct cpu_regs *regs, unsigned long vector)
{
	vector_fn fn = vector_table[vector & 15];

	if (!fn)
		do_unexpected(regs, vector);
	fn(regs, vector);
	if ((vector & 15) >= 8 && current_vcpu())	/* back to a guest */
		sched_leave(regs);
}
