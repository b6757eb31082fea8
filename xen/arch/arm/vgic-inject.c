// SPDX-License-Identifier: GPL-2.0-only
/*
 * Virtual interrupt delivery, one design for GICv2 and GICv3: raising an
 * INTID sets its bit in the target vCPU's pending bitmap and kicks the
 * vCPU (wakes it, or sends an SGI to the pCPU running it). Every return
 * to a guest moves its pending, enabled INTIDs into list registers; those
 * travel with the vCPU (saved and restored by the context switch), so a
 * list register never holds another vCPU's interrupt. What does not fit
 * waits for the next exit (at the latest the next scheduler tick).
 */
#include <asm/gic.h>
#include <asm/guest.h>
#include <asm/vgic.h>
#include <xen/lib.h>
#include <xen/sched.h>

static const struct vgic_hw_ops *hw_ops;

static __hot_text const struct vgic_hw_ops *hw(void)
{
	if (!hw_ops)
		hw_ops = strncmp(gic_name(), "GICv3", 6) ? &vgic_v2_hw_ops : &vgic_v3_hw_ops;
	return hw_ops;
}

void vgic_hw_save(struct vgic_hw_ctxt *c)
{
	hw()->save(c);
}

void vgic_hw_restore(const struct vgic_hw_ctxt *c)
{
	hw()->restore(c);
}

void vgic_hw_reset(struct vgic_hw_ctxt *c)
{
	memset(c, 0, sizeof(*c));
	hw()->reset(c);
}

/* The guest's enable bit for `virq` on `v` (no vGIC yet: everything enabled). */
static bool irq_enabled(struct vcpu *v, unsigned int virq)
{
	struct vgic_dist *dist = v->domain->arch.vgic;

	if (!dist)
		return true;
	if (virq < 32)
		return !dist->cpu[v->id] || dist->cpu[v->id]->priv[virq].enabled;
	return virq - 32 < dist->nr_spis && dist->spi[virq - 32].enabled;
}

void vgic_inject_vcpu(struct vcpu *v, unsigned int virq)
{
	if (!v || virq >= VGIC_NR_INTIDS)
		return;
	__atomic_fetch_or(&v->arch.pending[virq / 64], 1ULL << (virq % 64), __ATOMIC_RELEASE);
	vcpu_kick(v);
}

/* An SPI's target: GICD_IROUTER Aff0 (GICv3) or the lowest ITARGETSR bit (GICv2). */
static unsigned int spi_target(const struct vgic_dist *dist, unsigned int virq)
{
	const struct vgic_irq *irq = &dist->spi[virq - 32];

	if (dist->v2)
		return irq->target ? (unsigned int)__builtin_ctz(irq->target) : 0;
	return (irq->route & (1ULL << 31)) ? 0 : (unsigned int)(irq->route & 0xff);
}

int vgic_inject(struct domain *d, unsigned int vcpu, unsigned int virq)
{
	struct vgic_dist *dist = d->arch.vgic;

	if (virq >= 32) {
		if (!dist || virq - 32 >= dist->nr_spis)
			return -1;
		vcpu = spi_target(dist, virq);
	}
	if (vcpu >= d->nr_vcpus || vcpu >= MAX_VCPUS || !d->vcpu[vcpu])
		return -1;
	vgic_inject_vcpu(d->vcpu[vcpu], virq);
	return 0;
}

/* A physical SPI of dom0's fired: raise it on the vCPU its routing names. */
static void spi_irq(unsigned int irq, void *priv)
{
	if (!hw()->hw_link)
		gic_irq_enable(irq, false);	/* until the guest's EOI */
	vgic_inject(priv, 0, irq);
}

static int route_spi(struct domain *d, unsigned int irq)
{
	return hw()->hw_link ? request_guest_irq(irq, spi_irq, d) : request_irq(irq, spi_irq, d);
}

/* The return to the guest that follows refills the LRs (arch_vgic_flush). */
void vgic_maintenance_irq(unsigned int irq, void *priv)
{
	hw()->maintenance();
}

void vgic_route_enabled_spis(struct vgic_dist *dist, unsigned int first, unsigned int n)
{
	unsigned int i;

	if (!dist->d || dist->d->domid != 0)
		return;
	for (i = first < 32 ? 32 : first; i < first + n && i - 32 < dist->nr_spis; i++) {
		uint64_t bit = 1ULL << (i % 64);

		if (!dist->spi[i - 32].enabled || (dist->hw[i / 64] & bit) || !gic_irq_free(i))
			continue;
		dist->hw[i / 64] |= bit;
		if (route_spi(dist->d, i))
			dist->hw[i / 64] &= ~bit;
	}
}

void arch_vcpu_kick_evtchn(struct vcpu *v)
{
	vgic_inject_vcpu(v, EVTCHN_PPI);
}

/* One pending INTID into a list register; put the bit back if they are full. */
static bool flush_one(struct vcpu *v, unsigned int w, unsigned int b)
{
	uint64_t bit = 1ULL << b;

	__atomic_fetch_and(&v->arch.pending[w], ~bit, __ATOMIC_ACQUIRE);
	unsigned int virq = w * 64 + b;
	struct vgic_dist *dist = v->domain->arch.vgic;
	bool linked = dist && (dist->hw[w] & bit);

	if (!hw()->place(virq, linked ? virq : 0))
		return true;
	__atomic_fetch_or(&v->arch.pending[w], bit, __ATOMIC_RELAXED);
	return false;
}

/* Only a change reaches the hardware (see struct vgic_hw_ctxt.uie). */
static void set_underflow(struct vcpu *v, bool on)
{
	if (v->arch.gic.uie == on)
		return;
	v->arch.gic.uie = on;
	hw()->underflow(on);
}

/*
 * Runs on every return to a guest, so the common case -- nothing
 * pending, no underflow interrupt asked for -- touches only the bitmap.
 */
__hot_text void arch_vgic_flush(struct vcpu *v)
{
	unsigned int w, b;

	for (w = 0; w < VGIC_NR_INTIDS / 64; w++) {
		uint64_t bits = __atomic_load_n(&v->arch.pending[w], __ATOMIC_ACQUIRE);

		for (; bits; bits &= bits - 1) {
			b = (unsigned int)__builtin_ctzll(bits);
			if (irq_enabled(v, w * 64 + b) && !flush_one(v, w, b)) {
				set_underflow(v, true);
				return;
			}
		}
	}
	set_underflow(v, false);
}

static bool enabled_pending(struct vcpu *v)
{
	unsigned int w;
	uint64_t bits;

	for (w = 0; w < VGIC_NR_INTIDS / 64; w++)
		for (bits = __atomic_load_n(&v->arch.pending[w], __ATOMIC_ACQUIRE); bits;
		     bits &= bits - 1)
			if (irq_enabled(v, w * 64 + (unsigned int)__builtin_ctzll(bits)))
				return true;
	return false;
}

/* For the running `v` (live list registers and timer): may it sleep in WFI? */
bool arch_vcpu_irq_pending(struct vcpu *v)
{
	return enabled_pending(v) || hw()->lr_pending() || arch_vtimer_fired();
}
