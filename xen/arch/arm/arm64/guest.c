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
#include <asm/vgic.h>
#include <xen/console.h>
#include <xen/debug_trap.h>
#include <xen/domain.h>
#include <xen/lib.h>
#include <xen/percpu.h>

#define EC_WFX 0x01
#define EC_HVC64 0x16
#define EC_SMC64 0x17
#define EC_SYSREG 0x18
#define EC_IABT_LOW 0x20
#define EC_DABT_LOW 0x24
#define ESR_IL (1U << 25)
#define XEN_HVC_IMM 0xea1

#define SGI_KICK 2
#define SPSR_EL1H_MASKED 0x3c5ULL

/*
 * The guest's virtual timer fired here: mask it (the guest's handler
 * unmasks it when it sets the next deadline, as with Xen) and raise PPI
 * 27 on the vCPU it belongs to. A stale one (the vCPU has just been
 * switched out and its timer stopped) is ignored.
 */
static void vtimer_irq(unsigned int irq, void *priv)
{
	struct vcpu *v = current_vcpu();
	uint64_t ctl = READ_SYSREG(cntv_ctl_el0);

	if (!v || (ctl & 7) != 5)	/* ENABLE and ISTATUS, not IMASK */
		return;
	WRITE_SYSREG(cntv_ctl_el0, ctl | 2);
	isb();
	vgic_inject_vcpu(v, VTIMER_PPI);
}

/* Nothing to do: returning from the IRQ runs the scheduler / idle loop. */
static void kick_irq(unsigned int irq, void *priv)
{
}

void arch_sched_cpu_init(void)
{
	request_irq(VTIMER_PPI, vtimer_irq, NULL);
	request_irq(SGI_KICK, kick_irq, NULL);
	request_irq(VGIC_MAINT_IRQ, vgic_maintenance_irq, NULL);
}

void arch_kick_cpu(unsigned int cpu)
{
	gic_send_sgi(SGI_KICK, cpu);
}

/*
 * Guest VA -> machine address through both stages, RAM of the domain only:
 * dom0's 1:1 block; for a domU, whatever its stage 2 maps as Normal memory
 * (only RAM: its own, and grant/foreign frames; PAR_EL1.ATTR[7:4] = 0 is
 * Device).
 */
static uint64_t at_s12(uint64_t gva, bool write)
{
	if (write)
		asm volatile("at s12e1w, %0" : : "r"(gva) : "memory");
	else
		asm volatile("at s12e1r, %0" : : "r"(gva) : "memory");
	isb();
	return READ_SYSREG(par_el1);
}

static int gva_to_ma(uint64_t gva, bool write, paddr_t *ma)
{
	uint64_t saved = READ_SYSREG(par_el1), par;
	struct domain *d = current_vcpu()->domain;

	par = at_s12(gva, write);
	if (par & 1) {
		/*
		 * The walk may have met an entry another CPU is replacing
		 * (break-before-make, see stage2_fault_transient): a guest
		 * would retry its access, and so do we, under the p2m lock
		 * that every such update holds, so this answer is final.
		 */
		spin_lock(&d->p2m.lock);
		par = at_s12(gva, write);
		spin_unlock(&d->p2m.lock);
	}
	WRITE_SYSREG(par_el1, saved);
	if (par & 1)
		return -1;
	*ma = (par & 0x0000fffffffff000ULL) | (gva & 0xfff);
	if (!d->ram_size)
		return par >> 60 ? 0 : -1;
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

/* Instruction abort (EC 0x20 from EL0, 0x21 from EL1), IFSC 0x10 external. */
static void inject_pabt(struct cpu_regs *regs, uint64_t far)
{
	unsigned int el = (regs->spsr >> 2) & 3;

	WRITE_SYSREG(far_el1, far);
	inject(regs, ((el ? 0x21ULL : 0x20ULL) << 26) | ESR_IL | 0x10);
}

/*
 * A guest looping on a fault must not flood the console: the first 16
 * reports are printed, then only every power-of-two-th.
 */
static bool guest_fault_report(void)
{
	static unsigned long count;
	unsigned long n = __atomic_add_fetch(&count, 1, __ATOMIC_RELAXED);

	return n <= 16 || !(n & (n - 1));
}

void inject_dabt(struct cpu_regs *regs, uint64_t far)
{
	unsigned int el = (regs->spsr >> 2) & 3;

	WRITE_SYSREG(far_el1, far);
	/* EC 0x24 from EL0, 0x25 from EL1; DFSC 0x10 synchronous external abort */
	inject(regs, ((el ? 0x25ULL : 0x24ULL) << 26) | ESR_IL | 0x10);
}

/* ESR ISS bit 0: 0 = WFI (sleep until an interrupt), 1 = WFE (a spin: yield). */
static void trap_wfx(struct cpu_regs *regs, uint64_t esr)
{
	regs->elr += 4;
	if (esr & 1)
		vcpu_yield_current();
	else
		vcpu_block_current();
}

static __hot_text void trap_hvc(struct cpu_regs *regs, uint64_t esr)
{
	if ((esr & 0xffff) == XEN_HVC_IMM)
		do_hypercall(regs);
	else if (debug_trap_imm(esr & 0xffff))
		debug_trap(current_vcpu()->domain->domid, esr & 0xff, regs->x, regs->elr);
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

/*
 * A stage-2 translation fault on a frame that is mapped by the time we
 * look: another CPU was replacing the entry (break-before-make while a
 * 2 MiB block is split, e.g. dom0 ballooning out a page next to the one
 * this vCPU touched). p2m_lookup waits for that update (the p2m lock);
 * the guest just retries the access.
 */
static bool stage2_fault_transient(struct domain *d, uint64_t esr, paddr_t ipa)
{
	enum p2m_type t;

	if ((esr & 0x3c) != 0x04)	/* FSC 0b0001xx: translation fault */
		return false;
	p2m_lookup(&d->p2m, _gfn(ipa >> PAGE_SHIFT), &t);
	return t != P2M_INVALID;
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
	if (stage2_fault_transient(d, esr, ipa))
		return;
	if (guest_fault_report())
		printk("d%u: data abort at IPA %#llx (PC %#llx): no emulated device there; fault injected\n",
		       d->domid, (unsigned long long)ipa, (unsigned long long)regs->elr);
	inject_dabt(regs, READ_SYSREG(far_el2));
}

/*
 * MSR/MRS traps (EC 0x18; ISS: Op0 21:20, Op2 19:17, Op1 16:14, CRn 13:10,
 * Rt 9:5, CRm 4:1, read 0). The one we expect: ICC_SGI1R_EL1 writes (SGIs
 * always trap under HCR_EL2.IMO). Value (IHI 0069 12.2.20): INTID 27:24,
 * IRM 40 (all but self), else Aff3 55:48, Aff2 39:32, Aff1 23:16, RS 47:44
 * and a target list 15:0 of Aff0 = RS * 16 + bit. Our vCPUs' MPIDRs are
 * Aff0 = vCPU id with the other levels 0.
 */
#define ISS_SYSREG_MASK 0x3ffc1eU	/* Op0 Op2 Op1 CRn CRm */
#define ISS_ICC_SGI1R ((3U << 20) | (5U << 17) | (0U << 14) | (12U << 10) | (11U << 1))

static void send_sgi1r(struct vcpu *self, uint64_t v)
{
	struct domain *d = self->domain;
	unsigned int sgi = (v >> 24) & 0xf, i, base = ((v >> 44) & 0xf) * 16;

	if (v & (1ULL << 40)) {
		for (i = 0; i < d->nr_vcpus; i++)
			if (i != self->id)
				vgic_inject(d, i, sgi);
		return;
	}
	if (v & 0x00ff00ff00ff0000ULL)
		return;		/* Aff1-3 name no vCPU of ours */
	for (i = 0; i < 16; i++)
		if (v & (1U << i))
			vgic_inject(d, base + i, sgi);
}

static void trap_sysreg(struct cpu_regs *regs, uint64_t esr)
{
	unsigned int rt = (esr >> 5) & 31;
	uint64_t v = rt == 31 ? 0 : regs->x[rt];

	if ((esr & ISS_SYSREG_MASK) != ISS_ICC_SGI1R || (esr & 1)) {
		if (guest_fault_report())
			printk("d%u: unhandled system register access (ESR %#llx) at PC %#llx; UNDEF injected\n",
			       current_vcpu()->domain->domid, (unsigned long long)esr,
			       (unsigned long long)regs->elr);
		inject_undef(regs);
		return;
	}
	send_sgi1r(current_vcpu(), v);
	regs->elr += 4;
}

/* A stage-2 fault on an instruction fetch: nothing executable there. */
static void trap_iabt(struct cpu_regs *regs, uint64_t esr)
{
	paddr_t ipa = (READ_SYSREG(hpfar_el2) >> 4) << 12 | (READ_SYSREG(far_el2) & 0xfff);

	if (stage2_fault_transient(current_vcpu()->domain, esr, ipa))
		return;
	if (guest_fault_report())
		printk("d%u: instruction abort at IPA %#llx (PC %#llx); fault injected\n",
		       current_vcpu()->domain->domid, (unsigned long long)ipa,
		       (unsigned long long)regs->elr);
	inject_pabt(regs, READ_SYSREG(far_el2));
}

typedef void (*trap_fn)(struct cpu_regs *regs, uint64_t esr);

static const trap_fn trap_table[64] __hot_table = {
	[EC_WFX] = trap_wfx,
	[EC_HVC64] = trap_hvc,
	[EC_SMC64] = trap_smc,
	[EC_SYSREG] = trap_sysreg,
	[EC_IABT_LOW] = trap_iabt,
	[EC_DABT_LOW] = trap_dabt,
};

__hot_text void guest_sync(struct cpu_regs *regs, uint64_t esr)
{
	trap_fn fn = trap_table[(esr >> 26) & 0x3f];

	if (fn) {
		fn(regs, esr);
		return;
	}
	if (guest_fault_report())
		printk("d%u: unhandled trap EC %#llx ESR %#llx at PC %#llx; UNDEF injected\n",
		       current_vcpu()->domain->domid, (unsigned long long)((esr >> 26) & 0x3f),
		       (unsigned long long)esr, (unsigned long long)regs->elr);
	inject_undef(regs);
}
