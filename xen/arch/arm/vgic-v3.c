// SPDX-License-Identifier: GPL-2.0-only
/*
 * GICv3 distributor and redistributor registers for a guest (Arm IHI
 * 0069, 12.9 and 12.11), with affinity routing always on. The per-IRQ
 * bit/byte/2-bit register banks share one description table and one
 * accessor; the distributor serves SPIs, each redistributor's SGI frame
 * its vCPU's SGIs and PPIs. Unknown registers read as zero and ignore
 * writes (as reserved locations do on hardware).
 */
#include <asm/vgic.h>
#include <xen/lib.h>
#include <xen/mmio.h>
#include <xen/xmalloc.h>

#define GICD_CTLR 0x0000
#define GICD_TYPER 0x0004
#define GICD_IIDR 0x0008
#define GICD_IROUTER 0x6000
#define GICD_PIDR2 0xffe8
#define GICR_TYPER 0x0008
#define GICR_WAKER 0x0014
#define GICR_SGI_FRAME 0x10000
#define GICR_FRAME_SIZE 0x20000
#define IIDR_ARM 0x43b
#define PIDR2_GICV3 0x3b
#define CTLR_RWP (1U << 31)
#define CTLR_DS_ARE_G1 ((1U << 4) | (1U << 1) | (1U << 0))

enum field { F_GROUP, F_ENABLE, F_PEND, F_ACTIVE, F_PRIO, F_CFG, F_GRPMOD };
enum mode { M_RW, M_SET, M_CLEAR };

struct irq_reg {
	uint32_t off, len;
	uint8_t bits, field, mode;
};

/* The same offsets in GICD (SPIs) and in GICR's SGI frame (INTIDs 0-31). */
static const struct irq_reg irq_regs[] = {
	{ 0x080, 0x080, 1, F_GROUP, M_RW },
	{ 0x100, 0x080, 1, F_ENABLE, M_SET },
	{ 0x180, 0x080, 1, F_ENABLE, M_CLEAR },
	{ 0x200, 0x080, 1, F_PEND, M_SET },
	{ 0x280, 0x080, 1, F_PEND, M_CLEAR },
	{ 0x300, 0x080, 1, F_ACTIVE, M_SET },
	{ 0x380, 0x080, 1, F_ACTIVE, M_CLEAR },
	{ 0x400, 0x400, 8, F_PRIO, M_RW },
	{ 0xc00, 0x100, 2, F_CFG, M_RW },
	{ 0xd00, 0x080, 1, F_GRPMOD, M_RW },
};

static uint8_t *field_of(struct vgic_irq *irq, unsigned int f)
{
	switch (f) {
	case F_GROUP: return &irq->group;
	case F_ENABLE: return &irq->enabled;
	case F_PEND: return &irq->pending;
	case F_ACTIVE: return &irq->active;
	case F_PRIO: return &irq->priority;
	case F_CFG: return &irq->config;
	default: return &irq->grpmod;
	}
}

/* INTID -> state: private ones only through a redistributor (vc != NULL). */
static struct vgic_irq *irq_of(struct vgic_dist *dist, struct vgic_cpu *vc, unsigned int intid)
{
	if (vc)
		return intid < 32 ? &vc->priv[intid] : NULL;
	if (intid < 32 || intid - 32 >= dist->nr_spis)
		return NULL;
	return &dist->spi[intid - 32];
}

static void one_irq(struct vgic_irq *irq, const struct irq_reg *r, struct mmio_access *a,
		    unsigned int i)
{
	uint8_t *f = field_of(irq, r->field), mask = (uint8_t)((1U << r->bits) - 1);
	uint8_t v = (uint8_t)(a->value >> (i * r->bits)) & mask;

	if (!a->write)
		a->value |= (uint64_t)(*f & mask) << (i * r->bits);
	else if (r->mode == M_RW)
		*f = v;
	else if (v)
		*f = r->mode == M_SET;
}

/* 1 if `off` is in a per-IRQ bank (handled), else 0. */
static int irq_bank(struct vgic_dist *dist, struct vgic_cpu *vc, paddr_t off,
		    struct mmio_access *a)
{
	size_t k;

	for (k = 0; k < ARRAY_SIZE(irq_regs); k++) {
		const struct irq_reg *r = &irq_regs[k];
		unsigned int first, n, i;

		if (off < r->off || off >= r->off + r->len)
			continue;
		first = (unsigned int)(off - r->off) * 8 / r->bits;
		n = a->size * 8 / r->bits;
		if (!a->write)
			a->value = 0;
		for (i = 0; i < n; i++) {
			struct vgic_irq *irq = irq_of(dist, vc, first + i);

			if (irq)
				one_irq(irq, r, a, i);
		}
		return 1;
	}
	return 0;
}

static uint64_t dist_typer(const struct vgic_dist *dist)
{
	/* IDbits 23:19 = 9 (10-bit INTIDs), ITLinesNumber 4:0 */
	return (9U << 19) | ((dist->nr_spis + 32) / 32 - 1);
}

static int irouter(struct vgic_dist *dist, paddr_t off, struct mmio_access *a)
{
	unsigned int intid = (unsigned int)(off - GICD_IROUTER) / 8;
	struct vgic_irq *irq = irq_of(dist, NULL, intid);
	unsigned int shift = (off & 4) ? 32 : 0;
	uint64_t mask = a->size == 8 ? ~0ULL : 0xffffffffULL << shift;

	if (!irq)
		a->value = 0;
	else if (a->write)
		irq->route = (irq->route & ~mask) | ((a->value << shift) & mask);
	else
		a->value = (irq->route & mask) >> shift;
	return 0;
}

static int dist_access(void *priv, paddr_t off, struct mmio_access *a)
{
	struct vgic_dist *dist = priv;

	if (irq_bank(dist, NULL, off, a))
		return 0;
	if (off >= GICD_IROUTER && off < GICD_IROUTER + 8 * 1020)
		return irouter(dist, off, a);
	if (a->write) {
		if (off == GICD_CTLR)
			dist->ctlr = (uint32_t)a->value & CTLR_DS_ARE_G1;
		return 0;
	}
	switch (off) {
	case GICD_CTLR: a->value = dist->ctlr | (1U << 4); break;	/* ARE always on */
	case GICD_TYPER: a->value = dist_typer(dist); break;
	case GICD_IIDR: a->value = IIDR_ARM; break;
	case GICD_PIDR2: a->value = PIDR2_GICV3; break;
	default: a->value = 0; break;
	}
	return 0;
}

struct vgic_redist {
	struct vgic_dist *dist;
	unsigned int nr;	/* frames = vCPUs */
};

static uint64_t redist_typer(unsigned int cpu, bool last)
{
	/* Affinity (Aff0 = vCPU) 63:32, Processor_Number 23:8, Last 4 */
	return ((uint64_t)cpu << 32) | ((uint64_t)cpu << 8) | (last ? 1U << 4 : 0);
}

static void rd_frame(struct vgic_cpu *vc, unsigned int cpu, bool last, paddr_t off,
		     struct mmio_access *a)
{
	uint64_t v = 0;

	if (off == GICR_WAKER && a->write) {
		vc->waker = (uint32_t)a->value & 2;	/* ProcessorSleep */
		return;
	}
	if (a->write)
		return;
	if (off == GICR_TYPER || off == GICR_TYPER + 4)
		v = redist_typer(cpu, last) >> (off == GICR_TYPER ? 0 : 32);
	else if (off == GICR_WAKER)
		v = vc->waker;		/* ChildrenAsleep follows at once: 0 */
	else if (off == 0x0004)
		v = IIDR_ARM;
	else if (off == GICD_PIDR2)
		v = PIDR2_GICV3;
	a->value = a->size == 8 ? v : v & 0xffffffffULL;
}

static int redist_access(void *priv, paddr_t off, struct mmio_access *a)
{
	struct vgic_redist *rd = priv;
	unsigned int cpu = (unsigned int)(off / GICR_FRAME_SIZE);
	struct vgic_cpu *vc = rd->dist->cpu[cpu];
	paddr_t in = off % GICR_FRAME_SIZE;

	if (!vc)
		return -1;
	if (in >= GICR_SGI_FRAME) {
		if (!irq_bank(rd->dist, vc, in - GICR_SGI_FRAME, a) && !a->write)
			a->value = 0;
		return 0;
	}
	rd_frame(vc, cpu, cpu + 1 == rd->nr, in, a);
	return 0;
}

static const struct mmio_ops dist_ops = { .access = dist_access };
static const struct mmio_ops redist_ops = { .access = redist_access };

int vgic_v3_init(struct domain *d, paddr_t dist_base, paddr_t redist, unsigned int nr_lines)
{
	struct vgic_dist *dist = xzalloc(struct vgic_dist);
	struct vgic_redist *rd = xzalloc(struct vgic_redist);
	unsigned int i;

	if (!dist || !rd)
		return -1;
	dist->nr_spis = nr_lines > 32 ? nr_lines - 32 : 0;
	dist->spi = xzalloc_array(struct vgic_irq, dist->nr_spis ? dist->nr_spis : 1);
	for (i = 0; i < d->nr_vcpus; i++)
		dist->cpu[i] = xzalloc(struct vgic_cpu);
	if (!dist->spi || (d->nr_vcpus && !dist->cpu[d->nr_vcpus - 1]))
		return -1;
	rd->dist = dist;
	rd->nr = d->nr_vcpus;
	d->arch.vgic = dist;
	if (mmio_register(&d->mmio, dist_base, 0x10000, &dist_ops, dist))
		return -1;
	return mmio_register(&d->mmio, redist, (paddr_t)GICR_FRAME_SIZE * d->nr_vcpus,
			     &redist_ops, rd);
}
