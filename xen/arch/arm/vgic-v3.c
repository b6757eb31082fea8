// SPDX-License-Identifier: GPL-2.0-only
/*
 * GICv3 distributor and redistributor registers for a guest (Arm IHI
 * 0069, 12.9 and 12.11), with affinity routing always on. The per-IRQ
 * banks are vgic.c's; the distributor serves SPIs, each redistributor's
 * SGI frame its vCPU's SGIs and PPIs. Unknown registers read as zero and ignore
 * writes (as reserved locations do on hardware).
 */
#include <asm/vgic.h>
#include <xen/lib.h>
#include <xen/mmio.h>
#include <xen/xmalloc.h>

#define GICD_CTLR 0x0000
#define GICD_TYPER 0x0004
#define GICD_IIDR 0x0008
#define GICD_ISENABLER 0x0100
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

static uint64_t dist_typer(const struct vgic_dist *dist)
{
	/* IDbits 23:19 = 9 (10-bit INTIDs), ITLinesNumber 4:0 */
	return (9U << 19) | ((dist->nr_spis + 32) / 32 - 1);
}

static int irouter(struct vgic_dist *dist, paddr_t off, struct mmio_access *a)
{
	unsigned int intid = (unsigned int)(off - GICD_IROUTER) / 8;
	struct vgic_irq *irq = intid >= 32 && intid - 32 < dist->nr_spis ?
			       &dist->spi[intid - 32] : NULL;
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

	if (vgic_irq_bank(dist, NULL, VGIC_BANK_SPIS, off, a)) {
		if (a->write && off >= GICD_ISENABLER && off < GICD_ISENABLER + 0x80)
			vgic_route_enabled_spis(dist, (unsigned int)(off - GICD_ISENABLER) * 8,
						a->size * 8);
		return 0;
	}
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
		if (!vgic_irq_bank(rd->dist, vc, 0, in - GICR_SGI_FRAME, a) && !a->write)
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
	dist->d = d;
	rd->dist = dist;
	rd->nr = d->nr_vcpus;
	d->arch.vgic = dist;
	if (mmio_register(&d->mmio, dist_base, 0x10000, &dist_ops, dist))
		return -1;
	return mmio_register(&d->mmio, redist, (paddr_t)GICR_FRAME_SIZE * d->nr_vcpus,
			     &redist_ops, rd);
}
