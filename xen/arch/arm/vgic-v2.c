// SPDX-License-Identifier: GPL-2.0-only
/*
 * GICv2 for a guest (Arm IHI 0048B): the distributor is emulated (per-IRQ
 * banks from vgic.c, SGIs/PPIs of vCPU 0 banked in, targets fixed to
 * CPU 0 for private INTIDs); the CPU interface is the hardware's virtual
 * one, the host GICV frame mapped at the guest's GICC address; virtual
 * interrupts go in through the list registers in GICH (5.3).
 */
#include <asm/vgic.h>
#include <asm/vgic-v2-lr.h>
#include <xen/io.h>
#include <xen/lib.h>
#include <xen/mmio.h>
#include <xen/xmalloc.h>

#define GICD_CTLR 0x000
#define GICD_TYPER 0x004
#define GICD_IIDR 0x008
#define GICD_SGIR 0xf00
#define GICD_PIDR2 0xfe8
#define IIDR_ARM 0x43b

#define GICH_HCR 0x00
#define GICH_VTR 0x04
#define GICH_ELRSR0 0x30
#define GICH_LR0 0x100
#define LR_HW (1U << 31)
#define LR_PENDING (1U << 28)
#define LR_PRIO ((0xa0U >> 3) << 23)

static paddr_t gich;

/*
 * GICD_SGIR with one vCPU: only "to myself" reaches anyone (filter 2, or
 * the list naming CPU interface 0). An SGI's LR carries the source CPU
 * (0) in bits 12:10.
 */
static void sgir_write(uint32_t v)
{
	unsigned int filter = (v >> 24) & 3, list = (v >> 16) & 0xff;

	if (filter == 2 || (filter == 0 && (list & 1)))
		vgic_v2_lr_inject(v & 0xf, 0);
}

static int dist_access(void *priv, paddr_t off, struct mmio_access *a)
{
	struct vgic_dist *dist = priv;

	if (vgic_irq_bank(dist, dist->cpu[0], VGIC_BANK_SPIS | VGIC_BANK_TARGETS, off, a))
		return 0;
	if (a->write) {
		if (off == GICD_CTLR)
			dist->ctlr = (uint32_t)a->value & 1;
		if (off == GICD_SGIR)
			sgir_write((uint32_t)a->value);
		return 0;
	}
	switch (off) {
	case GICD_CTLR: a->value = dist->ctlr; break;
	case GICD_TYPER: a->value = (dist->nr_spis + 32) / 32 - 1; break;	/* 1 CPU */
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
	unsigned int i;

	if (!dist || d->nr_vcpus != 1)
		return -1;
	dist->nr_spis = nr_lines > 32 ? nr_lines - 32 : 0;
	dist->spi = xzalloc_array(struct vgic_irq, dist->nr_spis ? dist->nr_spis : 1);
	dist->cpu[0] = xzalloc(struct vgic_cpu);
	if (!dist->spi || !dist->cpu[0])
		return -1;
	for (i = 0; i < 32; i++)
		dist->cpu[0]->priv[i].target = 1;	/* CPU interface 0 */
	d->arch.vgic = dist;
	gich = gich_base;
	return mmio_register(&d->mmio, dist_base, 0x1000, &dist_ops, dist);
}

void vgic_v2_lr_enable(void)
{
	writel(1, gich + GICH_HCR);	/* En */
}

/*
 * The interrupt is already in LR i. If the guest has acknowledged it
 * (active), a new occurrence must still reach it: make it active and
 * pending (allowed for purely virtual interrupts, GIC 5.4.2); dropping it
 * would lose e.g. a timer that re-fired while its handler ran.
 */
static int lr_mark_pending(unsigned int i)
{
	uint32_t lr = readl(gich + GICH_LR0 + 4 * i);

	if (!(lr & LR_HW))
		writel(lr | LR_PENDING, gich + GICH_LR0 + 4 * i);
	return 0;
}

int vgic_v2_lr_inject(unsigned int virq, unsigned int pirq)
{
	uint32_t empty = readl(gich + GICH_ELRSR0);
	unsigned int i, n = (readl(gich + GICH_VTR) & 0x3f) + 1, slot = n;

	if (n > 32)
		n = 32;
	for (i = 0; i < n; i++) {
		if (empty & (1U << i)) {
			if (slot == n)
				slot = i;
		} else if ((readl(gich + GICH_LR0 + 4 * i) & 0x3ff) == virq) {
			return lr_mark_pending(i);
		}
	}
	if (slot == n)
		return -1;
	writel(LR_PENDING | LR_PRIO | virq | (pirq ? LR_HW | (pirq << 10) : 0),
	       gich + GICH_LR0 + 4 * slot);
	return 0;
}
