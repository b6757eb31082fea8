// SPDX-License-Identifier: GPL-2.0-only
/*
 * AArch64 guests: entering EL1 with the domain's stage 2, the one table
 * of synchronous trap handlers (by ESR_EL2.EC), guest-memory copies via
 * the address-translation instructions, and exceptions injected into
 * EL1. Guest input never stops the hypervisor: anything unexpected is
 * turned into an exception for the guest.
 */
#include <asm/guest.h>
#include <asm/hypercall.h>
#include <asm/gic.h>
#include <asm/sysregs.h>
#include <asm/vgic-lr.h>
#include <asm/vgic-v2-lr.h>
#include <xen/console.h>
#include <xen/lib.h>
#include <xen/percpu.h>

#define EC_WFX 0x01
#define EC_HVC64 0x16
#define EC_SMC64 0x17
#define EC_SYSREG 0x18
#define EC_DABT_LOW 0x24
#define ESR_IL (1U << 25)
#define XEN_HVC_IMM 0xea1

/* VTCR_EL2: RES1 31, PS 40-bit, inner-shareable WBWA walks, SL0 level 1, T0SZ 24. */
#define VTCR_VAL ((1U << 31) | (2U << 16) | (3U << 12) | (1U << 10) | (1U << 8) | \
		  (1U << 6) | 24U)
/* HCR_EL2: VM SWIO FMO IMO AMO FB BSU=inner TSC RW */
#define HCR_GUEST ((1ULL << 0) | (1ULL << 1) | (7ULL << 3) | (1ULL << 9) | \
		   (1ULL << 10) | (1ULL << 19) | (1ULL << 31))
#define SCTLR_EL1_RESET 0x30d00800ULL
#define SPSR_EL1H_MASKED 0x3c5ULL

static struct vcpu *running[NR_CPUS];

struct vcpu *current_vcpu(void)
{
	return running[this_cpu()->id];
}

void set_current_vcpu(struct vcpu *v)
{
	running[this_cpu()->id] = v;
}

static void load_el1_reset_state(struct vcpu *v)
{
	WRITE_SYSREG(sctlr_el1, SCTLR_EL1_RESET);
	WRITE_SYSREG(vpidr_el2, READ_SYSREG(midr_el1));
	WRITE_SYSREG(vmpidr_el2, v->arch.vmpidr);
	WRITE_SYSREG(cnthctl_el2, 3);	/* EL1PCTEN, EL1PCEN */
	WRITE_SYSREG(cntvoff_el2, 0);
}

#define VTIMER_PPI 27
#define EVTCHN_PPI 31
#define CNTV_IMASK 2ULL
#define CNTV_FIRED 5ULL	/* ENABLE | ISTATUS */

static bool host_gicv3;

static void inject_virq(unsigned int virq, unsigned int pirq)
{
	if (host_gicv3)
		vgic_lr_inject(virq, pirq);
	else
		vgic_v2_lr_inject(virq, pirq);
}

/*
 * The guest's virtual timer fired. As Xen does: mask it at the timer
 * (CNTV_CTL_EL0.IMASK) and inject a purely virtual PPI 27; the guest's
 * handler reprograms the timer, which unmasks it. Not HW-linked: with
 * the link, the physical PPI is deactivated by the guest's EOI, and on
 * QEMU's GICv2 that deactivation does not re-signal a timer that fired
 * again meanwhile (the zcu102 dom0 hang). Only when the condition holds
 * now: if the guest already reprogrammed it, there is nothing to hand on
 * and masking would silence its next expiry.
 */
static void vtimer_irq(unsigned int irq, void *priv)
{
	uint64_t ctl = READ_SYSREG(cntv_ctl_el0);

	if (!current_vcpu() || (ctl & CNTV_FIRED) != CNTV_FIRED)
		return;
	WRITE_SYSREG(cntv_ctl_el0, ctl | CNTV_IMASK);
	isb();
	inject_virq(VTIMER_PPI, 0);
}

void arch_vcpu_kick_evtchn(struct vcpu *v)
{
	if (v == current_vcpu())
		inject_virq(EVTCHN_PPI, 0);
}

void enter_guest(struct vcpu *v)
{
	struct cpu_regs *frame = (struct cpu_regs *)(uintptr_t)
		(this_cpu()->stack_top - sizeof(struct cpu_regs));

	set_current_vcpu(v);
	WRITE_SYSREG(vtcr_el2, VTCR_VAL);
	WRITE_SYSREG(vttbr_el2, p2m_vttbr(&v->domain->p2m));
	load_el1_reset_state(v);
	host_gicv3 = !strncmp(gic_name(), "GICv3", 6);
	if (host_gicv3)
		vgic_lr_enable();
	else
		vgic_v2_lr_enable();
	request_irq(VTIMER_PPI, vtimer_irq, NULL);
	WRITE_SYSREG(hcr_el2, HCR_GUEST);
	isb();
	arch_p2m_flush_tlb(v->domain->p2m.vmid);
	*frame = v->arch.regs;
	return_to_guest(frame);
}

/* Guest VA -> machine address through both stages, RAM of the domain only. */
static int gva_to_ma(uint64_t gva, bool write, paddr_t *ma)
{
	uint64_t saved = READ_SYSREG(par_el1), par;
	struct domain *d = current_vcpu()->domain;

	if (write)
		asm volatile("at s12e1w, %0" : : "r"(gva) : "memory");
	else
		asm volatile("at s12e1r, %0" : : "r"(gva) : "memory");
	isb();
	par = READ_SYSREG(par_el1);
	WRITE_SYSREG(par_el1, saved);
	if (par & 1)
		return -1;
	*ma = (par & 0x0000fffffffff000ULL) | (gva & 0xfff);
	if (*ma < d->ram_start || *ma >= d->ram_start + d->ram_size)
		return -1;
	return 0;
}

static int copy_guest(void *buf, uint64_t gva, size_t n, bool to_guest)
{
	while (n) {
		size_t chunk = 4096 - (gva & 0xfff);
		paddr_t ma;

		if (chunk > n)
			chunk = n;
		if (gva_to_ma(gva, to_guest, &ma))
			return -1;
		if (to_guest)
			memcpy((void *)(uintptr_t)ma, buf, chunk);
		else
			memcpy(buf, (const void *)(uintptr_t)ma, chunk);
		buf = (char *)buf + chunk;
		gva += chunk;
		n -= chunk;
	}
	return 0;
}

int copy_from_guest(void *dst, uint64_t gva, size_t n)
{
	return copy_guest(dst, gva, n, false);
}

int copy_to_guest(uint64_t gva, const void *src, size_t n)
{
	return copy_guest((void *)(uintptr_t)src, gva, n, true);
}

/* Arm ARM D1.10.2: the vector offset depends on where the guest was. */
static void inject(struct cpu_regs *regs, uint64_t esr)
{
	unsigned int el = (regs->spsr >> 2) & 3;
	uint64_t off = el == 0 ? 0x400 : ((regs->spsr & 1) ? 0x200 : 0);

	WRITE_SYSREG(esr_el1, esr);
	WRITE_SYSREG(elr_el1, regs->elr);
	WRITE_SYSREG(spsr_el1, regs->spsr);
	regs->elr = READ_SYSREG(vbar_el1) + off;
	regs->spsr = SPSR_EL1H_MASKED;
}

void inject_undef(struct cpu_regs *regs)
{
	inject(regs, ESR_IL);	/* EC 0: unknown reason */
}

void inject_dabt(struct cpu_regs *regs, uint64_t far)
{
	unsigned int el = (regs->spsr >> 2) & 3;

	WRITE_SYSREG(far_el1, far);
	/* EC 0x24 from EL0, 0x25 from EL1; DFSC 0x10 synchronous external abort */
	inject(regs, ((el ? 0x25ULL : 0x24ULL) << 26) | ESR_IL | 0x10);
}

static void trap_wfx(struct cpu_regs *regs, uint64_t esr)
{
	regs->elr += 4;
}

static void trap_hvc(struct cpu_regs *regs, uint64_t esr)
{
	if ((esr & 0xffff) == XEN_HVC_IMM)
		do_hypercall(regs);
	else
		do_vpsci(regs);		/* SMCCC over HVC #0 */
}

static void trap_smc(struct cpu_regs *regs, uint64_t esr)
{
	do_vpsci(regs);
	regs->elr += 4;		/* a trapped SMC returns to itself */
}

/*
 * ESR_EL2 ISS for data aborts (Arm ARM D17.2.40): ISV 24, SAS 23:22,
 * SSE 21, SRT 20:16, SF 15, WnR 6. Without ISV (e.g. load/store pair)
 * the access cannot be emulated.
 */
static bool decode_dabt(const struct cpu_regs *regs, uint64_t esr, uint64_t ipa,
			struct mmio_access *a)
{
	unsigned int srt = (esr >> 16) & 31;

	if (!(esr & (1U << 24)))
		return false;
	a->addr = ipa;
	a->size = 1U << ((esr >> 22) & 3);
	a->write = esr & (1U << 6);
	a->value = a->write && srt != 31 ? regs->x[srt] : 0;
	if (a->size < 8)
		a->value &= (1ULL << (a->size * 8)) - 1;
	return true;
}

/* A read's result into Rt: sign-extended if SSE, 32-bit if not SF. */
static void complete_read(struct cpu_regs *regs, uint64_t esr, uint64_t v, unsigned int size)
{
	unsigned int srt = (esr >> 16) & 31, bits = size * 8;

	if ((esr & (1U << 21)) && bits < 64 && (v >> (bits - 1)) & 1)
		v |= ~0ULL << bits;
	if (!(esr & (1U << 15)))
		v &= 0xffffffffULL;
	if (srt != 31)
		regs->x[srt] = v;
}

static void trap_dabt(struct cpu_regs *regs, uint64_t esr)
{
	uint64_t ipa = (READ_SYSREG(hpfar_el2) >> 4) << 12 | (READ_SYSREG(far_el2) & 0xfff);
	struct domain *d = current_vcpu()->domain;
	struct mmio_access a;

	if (decode_dabt(regs, esr, ipa, &a) && !mmio_dispatch(&d->mmio, &a)) {
		if (!a.write)
			complete_read(regs, esr, a.value, a.size);
		regs->elr += 4;
		return;
	}
	printk("d%u: data abort at IPA %#llx (PC %#llx): no emulated device there; fault injected\n",
	       d->domid, (unsigned long long)ipa, (unsigned long long)regs->elr);
	inject_dabt(regs, READ_SYSREG(far_el2));
}

/*
 * MSR/MRS traps (EC 0x18; ISS: Op0 21:20, Op2 19:17, Op1 16:14, CRn 13:10,
 * Rt 9:5, CRm 4:1, read 0). The one we expect: ICC_SGI1R_EL1 writes (SGIs
 * always trap under HCR_EL2.IMO). With one vCPU only a target list naming
 * Aff0 = 0 (or IRM, "all but self") matters: "to self" is injected.
 */
#define ISS_SYSREG_MASK 0x3ffc1eU	/* Op0 Op2 Op1 CRn CRm */
#define ISS_ICC_SGI1R ((3U << 20) | (5U << 17) | (0U << 14) | (12U << 10) | (11U << 1))

static void trap_sysreg(struct cpu_regs *regs, uint64_t esr)
{
	unsigned int rt = (esr >> 5) & 31;
	uint64_t v = rt == 31 ? 0 : regs->x[rt];

	if ((esr & ISS_SYSREG_MASK) != ISS_ICC_SGI1R || (esr & 1)) {
		printk("d%u: unhandled system register access (ESR %#llx) at PC %#llx; UNDEF injected\n",
		       current_vcpu()->domain->domid, (unsigned long long)esr,
		       (unsigned long long)regs->elr);
		inject_undef(regs);
		return;
	}
	/* IRM (bit 40) = all but self; else Aff3.2.1 = 0 and bit 0 of the list */
	if (!(v & (1ULL << 40)) && !(v & 0x00ff00ff00ff0000ULL) && (v & 1))
		inject_virq((v >> 24) & 0xf, 0);
	regs->elr += 4;
}

typedef void (*trap_fn)(struct cpu_regs *regs, uint64_t esr);

static const trap_fn trap_table[64] = {
	[EC_WFX] = trap_wfx,
	[EC_HVC64] = trap_hvc,
	[EC_SMC64] = trap_smc,
	[EC_SYSREG] = trap_sysreg,
	[EC_DABT_LOW] = trap_dabt,
};

void guest_sync(struct cpu_regs *regs, uint64_t esr)
{
	trap_fn fn = trap_table[(esr >> 26) & 0x3f];

	if (fn) {
		fn(regs, esr);
		return;
	}
	printk("d%u: unhandled trap EC %#llx ESR %#llx at PC %#llx; UNDEF injected\n",
	       current_vcpu()->domain->domid, (unsigned long long)((esr >> 26) & 0x3f),
	       (unsigned long long)esr, (unsigned long long)regs->elr);
	inject_undef(regs);
}
