// SPDX-License-Identifier: GPL-2.0-only
/* The few AArch64 instructions common ARM code needs. */
#include <asm/setup.h>
#include <asm/smp.h>
#include <asm/sysregs.h>
#include <xen/arch.h>
#include <xen/p2m.h>
#include <xen/percpu.h>

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
/* The table secondary CPUs start on (head.S reads it with the MMU off). */
paddr_t runtime_ttbr;

void arch_switch_page_tables(paddr_t root)
{
	runtime_ttbr = root;
	arch_clean_dcache(&runtime_ttbr, sizeof(runtime_ttbr));
	asm volatile("dsb ishst\n\t"
		     "msr ttbr0_el2, %0\n\t"
		     "isb\n\t"
		     "tlbi alle2\n\t"
		     "dsb ish\n\t"
		     "isb" : : "r"(root) : "memory");
}

long arch_smc_call3(unsigned long fid, unsigned long a1, unsigned long a2,
		    unsigned long a3)
{
	register unsigned long x0 asm("x0") = fid;
	register unsigned long x1 asm("x1") = a1;
	register unsigned long x2 asm("x2") = a2;
	register unsigned long x3 asm("x3") = a3;

	asm volatile("smc #0" : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3) : : "memory");
	return (long)x0;
}

/* MPIDR_EL1 Aff3 (39:32) and Aff2..Aff0 (23:0). */
uint64_t arch_boot_mpidr(void)
{
	return READ_SYSREG(mpidr_el1) & 0xff00ffffffULL;
}

uint64_t arch_counter(void)
{
	asm volatile("isb" ::: "memory");
	return READ_SYSREG(cntpct_el0);
}

uint64_t arch_counter_freq(void)
{
	return READ_SYSREG(cntfrq_el0);
}

/* DC CVAC by line; CTR_EL0.DminLine gives the smallest line size. */
void arch_clean_dcache(const void *p, size_t size)
{
	uintptr_t line = 4UL << ((READ_SYSREG(ctr_el0) >> 16) & 0xf);
	uintptr_t a = (uintptr_t)p & ~(line - 1), end = (uintptr_t)p + size;

	for (; a < end; a += line)
		asm volatile("dc cvac, %0" : : "r"(a) : "memory");
	asm volatile("dsb sy" ::: "memory");
}

__hot_text struct pcpu *this_cpu(void)
{
	return (struct pcpu *)(uintptr_t)READ_SYSREG(tpidr_el2);
}

void arch_set_this_cpu(struct pcpu *c)
{
	asm volatile("msr tpidr_el2, %0" : : "r"(c) : "memory");
}

void arch_irq_enable(void)
{
	asm volatile("msr daifclr, #2" ::: "memory");
}

void arch_irq_disable(void)
{
	asm volatile("msr daifset, #2" ::: "memory");
}

/* Wait for an interrupt with IRQs unmasked; it is taken before we return. */
void arch_idle(void)
{
	asm volatile("dsb sy\n\twfi\n\tmsr daifclr, #2\n\tisb\n\tmsr daifset, #2"
		     ::: "memory");
}

/* The EL2 physical timer (CNTHP): fire when the count reaches `cval`. */
void arch_hyp_timer_program(uint64_t cval)
{
	WRITE_SYSREG_E(CNTHP_CVAL_EL2, cval);
	WRITE_SYSREG_E(CNTHP_CTL_EL2, 1);	/* ENABLE, not masked */
	isb();
}

void arch_hyp_timer_stop(void)
{
	WRITE_SYSREG_E(CNTHP_CTL_EL2, 0);
	isb();
}

/*
 * HCR_EL2.{FMO,IMO,AMO}: physical FIQ/IRQ/SError go to EL2. Without this
 * they target EL1 and are never taken while we run at EL2 (Arm ARM D1.3.6).
 */
void arch_route_irqs_to_el2(void)
{
	WRITE_SYSREG(hcr_el2, READ_SYSREG(hcr_el2) | (7ULL << 3));
	isb();
}

/*
 * Stage-2 TLB invalidation. TLBI VMALLS12E1IS acts on the VMID in
 * VTTBR_EL2, which may belong to another domain, so flush every VMID's
 * EL1&0 entries instead (ALLE1IS): correct, if broader than needed.
 */
void arch_p2m_flush_tlb(uint16_t vmid)
{
	asm volatile("dsb ishst\n\ttlbi alle1is\n\tdsb ish\n\tisb" ::: "memory");
}

/* Table walkers are not ordered by the p2m lock or release stores: a DSB is. */
void arch_p2m_sync_walkers(void)
{
	asm volatile("dsb ishst" ::: "memory");
}

bool arch_runs_guests(void)
{
	return true;
}
