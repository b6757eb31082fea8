// SPDX-License-Identifier: GPL-2.0-only
/*
 * GICv2 for a guest (Arm IHI 0048B): the distributor is emulated (per-IRQ
 * banks from vgic.c, SGIs/PPIs of the accessing vCPU banked in, private
 * targets fixed to that vCPU's CPU interface); the CPU interface is the
 * hardware's virtual one, the host GICV frame mapped at the guest's GICC
 * address; virtual interrupts go in through the list registers in GICH
 * (5.3), which are banked per pCPU and switched with the vCPU.
 */
#include <asm/gic.h>
#include <asm/vgic.h>
#include <xen/io.h>
#include <xen/lib.h>
#include <xen/mmio.h>
#include <xen/sched.h>
#include <xen/xmalloc.h>

#define GICD_CTLR 0x000
#define GICD_TYPER 0x004
#define GICD_IIDR 0x008
#define GICD_ISENABLER 0x100
#define GICD_SGIR 0xf00
#define GICD_PIDR2 0xfe8
#define IIDR_ARM 0x43b

#define GICH_HCR 0x00
#define GICH_VTR 0x04
#define GICH_VMCR 0x08
#define GICH_APR 0xf0
#define GICH_LR0 0x100
#define LR_PENDING (1U << 28)
#define LR_STATE_MASK (3U << 28)
#define LR_PRIO ((0xa0U >> 3) << 23)
#define LR_HW (1U << 31)
#define LR_EOI (1U << 19)	/* HW = 0: maintenance interrupt on deactivation */
#define GICH_EISR0 0x20

static paddr_t gich;

static unsigned int vcpu_id_of_current(void)
{
	struct vcpu *v = current_vcpu();

	return v ? v->id : 0;
}

/* GICD_SGIR: TargetListFilter 25:24 (0 list, 1 all but self, 2 self), list 23:16. */
static void sgir_write(struct domain *d, uint32_t v)
{
	unsigned int filter = (v >> 24) & 3, list = (v >> 16) & 0xff, i;
	unsigned int self = vcpu_id_of_current();

	if (filter == 1)
		list = 0xffU & ~(1U << self);
	else if (filter == 2)
		list = 1U << self;
	else if (filter == 3)
		return;
	for (i = 0; i < d->nr_vcpus && i < 8; i++)
		if (list & (1U << i))
			vgic_inject(d, i, v & 0xf);
}

struct vgic_v2 {
	struct vgic_dist *dist;
	struct domain *d;
};

static int dist_access(void *priv, paddr_t off, struct mmio_access *a)
{
	struct vgic_v2 *g = priv;
	struct vgic_dist *dist = g->dist;
	struct vgic_cpu *vc = dist->cpu[vcpu_id_of_current()];

	if (vgic_irq_bank(dist, vc, VGIC_BANK_SPIS | VGIC_BANK_TARGETS, off, a)) {
		if (a->write && off >= GICD_ISENABLER && off < GICD_ISENABLER + 0x80)
			vgic_route_enabled_spis(dist, (unsigned int)(off - GICD_ISENABLER) * 8,
						a->size * 8);
		return 0;
	}
	if (a->write) {
		if (off == GICD_CTLR)
			dist->ctlr = (uint32_t)a->value & 1;
		if (off == GICD_SGIR)
			sgir_write(g->d, (uint32_t)a->value);
		return 0;
	}
	switch (off) {
	case GICD_CTLR: a->value = dist->ctlr; break;
	case GICD_TYPER:	/* CPUNumber 7:5, ITLinesNumber 4:0 */
		a->value = ((g->d->nr_vcpus - 1) << 5) | ((dist->nr_spis + 32) / 32 - 1);
		break;
	case GICD_IIDR: a->value = IIDR_ARM; break;
	case GICD_PIDR2: a->value = 0x2b; break;
	default: a->value = 0; break;
	}
	return 0;
}

static const struct mmio_ops dist_ops = { .access = dist_access };

int vgic_v2_init(struct domain *d, paddr_t dist_base, paddr_t gich_base, unsigned int nr_lines)
{
	struct vgic_dist *dist = xzalloc(struct vgic_dist);
	struct vgic_v2 *g = xzalloc(struct vgic_v2);
	unsigned int i, c;

	if (!dist || !g || !d->nr_vcpus || d->nr_vcpus > 8)
		return -1;
	dist->v2 = true;
	dist->d = d;
	dist->nr_spis = nr_lines > 32 ? nr_lines - 32 : 0;
	dist->spi = xzalloc_array(struct vgic_irq, dist->nr_spis ? dist->nr_spis : 1);
	if (!dist->spi)
		return -1;
	for (c = 0; c < d->nr_vcpus; c++) {
		dist->cpu[c] = xzalloc(struct vgic_cpu);
		if (!dist->cpu[c])
			return -1;
		for (i = 0; i < 32; i++)
			dist->cpu[c]->priv[i].target = (uint8_t)(1U << c);
	}
	g->dist = dist;
	g->d = d;
	d->arch.vgic = dist;
	gich = gich_base;
	return mmio_register(&d->mmio, dist_base, 0x1000, &dist_ops, g);
}

/* The host's GICV frame, recorded by the dom0 builder for domUs. */
static paddr_t host_gicv;

void vgic_v2_set_host_gicv(paddr_t gicv)
{
	host_gicv = gicv;
}

int vgic_v2_domu_init(struct domain *d, paddr_t dist_base, paddr_t gicc_base,
		      unsigned int nr_lines)
{
	if (!host_gicv || !gich)
		return -1;
	if (p2m_map(&d->p2m, gaddr_to_gfn(gicc_base), maddr_to_mfn(host_gicv),
		    GUEST_GICC_SIZE >> PAGE_SHIFT, P2M_MMIO))
		return -1;
	return vgic_v2_init(d, dist_base, gich, nr_lines);
}

static unsigned int nr_lrs(void)
{
	unsigned int n = (readl(gich + GICH_VTR) & 0x3f) + 1;

	return n < VGIC_MAX_LRS ? n : VGIC_MAX_LRS;
}

static void v2_save(struct vgic_hw_ctxt *c)
{
	unsigned int i, n = nr_lrs();

	c->hcr = readl(gich + GICH_HCR);
	c->vmcr = readl(gich + GICH_VMCR);
	c->apr0[0] = readl(gich + GICH_APR);
	for (i = 0; i < n; i++) {
		c->lr[i] = readl(gich + GICH_LR0 + 4 * i);
		/* EOId but its maintenance interrupt not taken yet: do its work now */
		if ((c->lr[i] & LR_EOI) && !(c->lr[i] & LR_STATE_MASK)) {
			gic_irq_enable((unsigned int)c->lr[i] & 0x3ff, true);
			c->lr[i] = 0;
		}
	}
	writel(0, gich + GICH_HCR);
}

static void v2_restore(const struct vgic_hw_ctxt *c)
{
	unsigned int i, n = nr_lrs();

	for (i = 0; i < n; i++)
		writel((uint32_t)c->lr[i], gich + GICH_LR0 + 4 * i);
	writel(c->apr0[0], gich + GICH_APR);
	writel((uint32_t)c->vmcr, gich + GICH_VMCR);
	writel((uint32_t)c->hcr, gich + GICH_HCR);
}

static void v2_reset(struct vgic_hw_ctxt *c)
{
	c->hcr = 1;	/* En */
}

static int v2_place(unsigned int virq, unsigned int pirq)
{
	unsigned int i, n = nr_lrs(), slot = n;

	for (i = 0; i < n; i++) {
		uint32_t lr = readl(gich + GICH_LR0 + 4 * i);

		if (!(lr & LR_STATE_MASK)) {
			if (slot == n)
				slot = i;
		} else if ((lr & 0x3ff) == virq) {
			/* HW-linked: the physical one is still active, cannot fire again */
			if (!(lr & LR_PENDING) && !(lr & LR_HW))
				writel(lr | LR_PENDING, gich + GICH_LR0 + 4 * i);
			return 0;
		}
	}
	if (slot == n)
		return -1;
	writel(LR_PENDING | LR_PRIO | virq | (pirq ? LR_EOI : 0), gich + GICH_LR0 + 4 * slot);
	return 0;
}

static bool v2_lr_pending(void)
{
	unsigned int i, n = nr_lrs();

	for (i = 0; i < n; i++)
		if (readl(gich + GICH_LR0 + 4 * i) & LR_PENDING)
			return true;
	return false;
}

static void v2_underflow(bool on)
{
	uint32_t hcr = readl(gich + GICH_HCR);
	uint32_t want = on ? hcr | 2U : hcr & ~2U;	/* UIE */

	if (want != hcr)
		writel(want, gich + GICH_HCR);
}

/* GICH_EISR0: LRs whose EOI-flagged interrupt the guest has deactivated. */
static void v2_maintenance(void)
{
	uint32_t eisr = readl(gich + GICH_EISR0);
	unsigned int i;

	for (i = 0; i < VGIC_MAX_LRS; i++) {
		uint32_t lr;

		if (!(eisr & (1U << i)))
			continue;
		lr = readl(gich + GICH_LR0 + 4 * i);
		writel(0, gich + GICH_LR0 + 4 * i);
		gic_irq_enable(lr & 0x3ff, true);
	}
}

const struct vgic_hw_ops vgic_v2_hw_ops = {
	.hw_link = false,
	.maintenance = v2_maintenance,
	.save = v2_save,
	.restore = v2_restore,
	.reset = v2_reset,
	.place = v2_place,
	.lr_pending = v2_lr_pending,
	.underflow = v2_underflow,
};
