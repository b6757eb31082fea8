// SPDX-License-Identifier: GPL-2.0-only
/*
 * The AArch64 vCPU context switch: what a vCPU leaves in the CPU when it
 * stops running here (EL1 system registers, FP/SIMD, the virtual timer,
 * the GIC virtual interface via vgic-inject.c) is saved to struct
 * arch_vcpu and loaded back, possibly on another pCPU. FP/SIMD is
 * switched eagerly (the hypervisor itself only touches it at boot, in
 * libfdt and zlib, before any guest runs).
 */
#include <asm/domain.h>
#include <asm/guest.h>
#include <asm/sysregs.h>
#include <asm/vgic.h>
#include <xen/domain.h>
#include <xen/lib.h>
#include <xen/percpu.h>
#include <xen/sched.h>

/* VTCR_EL2: RES1 31, PS 40-bit, inner-shareable WBWA walks, SL0 level 1, T0SZ 24. */
#define VTCR_VAL ((1U << 31) | (2U << 16) | (3U << 12) | (1U << 10) | (1U << 8) | \
		  (1U << 6) | 24U)
/* HCR_EL2: VM SWIO FMO IMO AMO FB BSU=inner TWI TWE TSC RW */
#define HCR_GUEST ((1ULL << 0) | (1ULL << 1) | (7ULL << 3) | (1ULL << 9) | \
		   (1ULL << 10) | (1ULL << 13) | (1ULL << 14) | (1ULL << 19) | \
		   (1ULL << 31))
#define SCTLR_EL1_RESET 0x30d00800ULL
#define SPSR_EL1H_MASKED 0x3c5ULL
#define CNTV_ENABLE 1ULL
#define CNTV_IMASK 2ULL

static void save_el1(struct el1_ctxt *c)
{
	c->sctlr = READ_SYSREG(sctlr_el1);
	c->actlr = READ_SYSREG(actlr_el1);
	c->cpacr = READ_SYSREG(cpacr_el1);
	c->ttbr0 = READ_SYSREG(ttbr0_el1);
	c->ttbr1 = READ_SYSREG(ttbr1_el1);
	c->tcr = READ_SYSREG(tcr_el1);
	c->mair = READ_SYSREG(mair_el1);
	c->amair = READ_SYSREG(amair_el1);
	c->vbar = READ_SYSREG(vbar_el1);
	c->contextidr = READ_SYSREG(contextidr_el1);
	c->tpidr_el0 = READ_SYSREG(tpidr_el0);
	c->tpidrro_el0 = READ_SYSREG(tpidrro_el0);
	c->tpidr_el1 = READ_SYSREG(tpidr_el1);
	c->sp_el0 = READ_SYSREG(sp_el0);
	c->sp_el1 = READ_SYSREG(sp_el1);
	c->elr = READ_SYSREG(elr_el1);
	c->spsr = READ_SYSREG(spsr_el1);
	c->esr = READ_SYSREG(esr_el1);
	c->far = READ_SYSREG(far_el1);
	c->afsr0 = READ_SYSREG(afsr0_el1);
	c->afsr1 = READ_SYSREG(afsr1_el1);
	c->par = READ_SYSREG(par_el1);
	c->cntkctl = READ_SYSREG(cntkctl_el1);
	c->csselr = READ_SYSREG(csselr_el1);
	c->mdscr = READ_SYSREG(mdscr_el1);
}

static void restore_el1(const struct el1_ctxt *c)
{
	WRITE_SYSREG(sctlr_el1, c->sctlr);
	WRITE_SYSREG(actlr_el1, c->actlr);
	WRITE_SYSREG(cpacr_el1, c->cpacr);
	WRITE_SYSREG(ttbr0_el1, c->ttbr0);
	WRITE_SYSREG(ttbr1_el1, c->ttbr1);
	WRITE_SYSREG(tcr_el1, c->tcr);
	WRITE_SYSREG(mair_el1, c->mair);
	WRITE_SYSREG(amair_el1, c->amair);
	WRITE_SYSREG(vbar_el1, c->vbar);
	WRITE_SYSREG(contextidr_el1, c->contextidr);
	WRITE_SYSREG(tpidr_el0, c->tpidr_el0);
	WRITE_SYSREG(tpidrro_el0, c->tpidrro_el0);
	WRITE_SYSREG(tpidr_el1, c->tpidr_el1);
	WRITE_SYSREG(sp_el0, c->sp_el0);
	WRITE_SYSREG(sp_el1, c->sp_el1);
	WRITE_SYSREG(elr_el1, c->elr);
	WRITE_SYSREG(spsr_el1, c->spsr);
	WRITE_SYSREG(esr_el1, c->esr);
	WRITE_SYSREG(far_el1, c->far);
	WRITE_SYSREG(afsr0_el1, c->afsr0);
	WRITE_SYSREG(afsr1_el1, c->afsr1);
	WRITE_SYSREG(par_el1, c->par);
	WRITE_SYSREG(cntkctl_el1, c->cntkctl);
	WRITE_SYSREG(csselr_el1, c->csselr);
	WRITE_SYSREG(mdscr_el1, c->mdscr);
}

/* The hypervisor is built -mgeneral-regs-only: FP/SIMD only in asm. */
static void save_fp(struct fp_ctxt *f)
{
	uint64_t sr, cr;

	asm volatile("stp q0, q1, [%0, #0]\n\tstp q2, q3, [%0, #32]\n\t"
		     "stp q4, q5, [%0, #64]\n\tstp q6, q7, [%0, #96]\n\t"
		     "stp q8, q9, [%0, #128]\n\tstp q10, q11, [%0, #160]\n\t"
		     "stp q12, q13, [%0, #192]\n\tstp q14, q15, [%0, #224]\n\t"
		     "stp q16, q17, [%0, #256]\n\tstp q18, q19, [%0, #288]\n\t"
		     "stp q20, q21, [%0, #320]\n\tstp q22, q23, [%0, #352]\n\t"
		     "stp q24, q25, [%0, #384]\n\tstp q26, q27, [%0, #416]\n\t"
		     "stp q28, q29, [%0, #448]\n\tstp q30, q31, [%0, #480]"
		     : : "r"(f->q) : "memory");
	asm volatile("mrs %0, fpsr\n\tmrs %1, fpcr" : "=r"(sr), "=r"(cr));
	f->fpsr = sr;
	f->fpcr = cr;
}

static void restore_fp(const struct fp_ctxt *f)
{
	asm volatile("ldp q0, q1, [%0, #0]\n\tldp q2, q3, [%0, #32]\n\t"
		     "ldp q4, q5, [%0, #64]\n\tldp q6, q7, [%0, #96]\n\t"
		     "ldp q8, q9, [%0, #128]\n\tldp q10, q11, [%0, #160]\n\t"
		     "ldp q12, q13, [%0, #192]\n\tldp q14, q15, [%0, #224]\n\t"
		     "ldp q16, q17, [%0, #256]\n\tldp q18, q19, [%0, #288]\n\t"
		     "ldp q20, q21, [%0, #320]\n\tldp q22, q23, [%0, #352]\n\t"
		     "ldp q24, q25, [%0, #384]\n\tldp q26, q27, [%0, #416]\n\t"
		     "ldp q28, q29, [%0, #448]\n\tldp q30, q31, [%0, #480]\n\t"
		     "msr fpsr, %1\n\tmsr fpcr, %2"
		     : : "r"(f->q), "r"(f->fpsr), "r"(f->fpcr) : "memory");
}

/*
 * The virtual timer stops with the vCPU (so it cannot fire for whoever
 * runs here next); its deadline, if armed, is where the scheduler must
 * wake the vCPU. CNTVOFF is 0: virtual = physical count.
 */
static uint64_t save_vtimer(struct el1_ctxt *c)
{
	c->cntv_ctl = READ_SYSREG(cntv_ctl_el0);
	c->cntv_cval = READ_SYSREG(cntv_cval_el0);
	WRITE_SYSREG(cntv_ctl_el0, 0);
	isb();
	if ((c->cntv_ctl & (CNTV_ENABLE | CNTV_IMASK)) != CNTV_ENABLE)
		return 0;
	return c->cntv_cval ? c->cntv_cval : 1;
}

static void restore_vtimer(const struct el1_ctxt *c)
{
	WRITE_SYSREG(cntvoff_el2, 0);
	WRITE_SYSREG(cntv_cval_el0, c->cntv_cval);
	WRITE_SYSREG(cntv_ctl_el0, c->cntv_ctl);
}

/* Timer condition met, enabled and not masked: WFI must not block. */
bool arch_vtimer_fired(void)
{
	uint64_t ctl = READ_SYSREG(cntv_ctl_el0);

	return (ctl & (CNTV_ENABLE | CNTV_IMASK | 4)) == (CNTV_ENABLE | 4);
}

uint64_t arch_ctxt_save(struct vcpu *v, struct cpu_regs *frame)
{
	uint64_t deadline;

	v->arch.regs = *frame;
	save_el1(&v->arch.el1);
	save_fp(&v->arch.fp);
	deadline = save_vtimer(&v->arch.el1);
	vgic_hw_save(&v->arch.gic);
	return deadline;
}

/*
 * Guest TLB entries are tagged by VMID, not vCPU: when another vCPU of
 * the same domain ran here last, its local (non-broadcast) invalidations
 * did not reach this pCPU's entries, so flush them (as Xen does).
 */
static void flush_if_other_vcpu_ran(struct vcpu *v)
{
	uint8_t *last = &v->domain->arch.last_vcpu_ran[this_cpu()->id];

	if (*last != v->id + 1 && *last)
		asm volatile("tlbi vmalle1\n\tdsb nsh\n\tisb" ::: "memory");
	*last = (uint8_t)(v->id + 1);
}

void arch_ctxt_restore(struct vcpu *v, struct cpu_regs *frame)
{
	WRITE_SYSREG(vtcr_el2, VTCR_VAL);
	WRITE_SYSREG(vttbr_el2, p2m_vttbr(&v->domain->p2m));
	WRITE_SYSREG(hcr_el2, HCR_GUEST);
	WRITE_SYSREG(vpidr_el2, READ_SYSREG(midr_el1));
	WRITE_SYSREG(vmpidr_el2, v->arch.vmpidr);
	WRITE_SYSREG(cnthctl_el2, 3);	/* EL1PCTEN, EL1PCEN */
	isb();
	flush_if_other_vcpu_ran(v);
	restore_el1(&v->arch.el1);
	restore_fp(&v->arch.fp);
	restore_vtimer(&v->arch.el1);
	vgic_hw_restore(&v->arch.gic);
	isb();
	*frame = v->arch.regs;
}

/* Arm booting.rst / PSCI CPU_ON: EL1h, DAIF masked, MMU off, x0 = context. */
void arch_vcpu_reset(struct vcpu *v, uint64_t pc, uint64_t x0)
{
	memset(&v->arch.regs, 0, sizeof(v->arch.regs));
	memset(&v->arch.el1, 0, sizeof(v->arch.el1));
	memset(&v->arch.fp, 0, sizeof(v->arch.fp));
	memset(v->arch.pending, 0, sizeof(v->arch.pending));
	vgic_hw_reset(&v->arch.gic);
	v->arch.el1.sctlr = SCTLR_EL1_RESET;
	v->arch.regs.x[0] = x0;
	v->arch.regs.elr = pc;
	v->arch.regs.spsr = SPSR_EL1H_MASKED;
}

int arch_vcpu_create(struct vcpu *v)
{
	v->arch.vmpidr = 0x80000000ULL | v->id;	/* RES1 bit 31, Aff0 = vCPU id */
	arch_vcpu_reset(v, 0, 0);
	return 0;
}

void arch_vcpu_destroy(struct vcpu *v)
{
}

void call_below_frame(struct cpu_regs *frame, void (*fn)(struct cpu_regs *frame))
	__noreturn;

/* The frame sits at the stack top (entry.S pushes it there on every guest trap). */
void arch_sched_start(void (*fn)(struct cpu_regs *frame))
{
	call_below_frame((struct cpu_regs *)(uintptr_t)
			 (this_cpu()->stack_top - sizeof(struct cpu_regs)), fn);
}

void arch_return_to_guest(struct cpu_regs *frame)
{
	return_to_guest(frame);
}
