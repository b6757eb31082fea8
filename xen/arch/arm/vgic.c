// SPDX-License-Identifier: GPL-2.0-only
/*
 * The per-IRQ register banks both vGIC front-ends share (GICv2 IHI 0048B
 * 4.3, GICv3 IHI 0069 12.9): group, enable, pending, active (set/clear
 * pairs), priority, configuration, group modifier and (GICv2) targets,
 * described by one table and served by one accessor over struct vgic_irq.
 */
#include <asm/vgic.h>
#include <xen/lib.h>
#include <xen/mmio.h>

enum field { F_GROUP, F_ENABLE, F_PEND, F_ACTIVE, F_PRIO, F_CFG, F_GRPMOD, F_TARGET };
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
	{ 0x800, 0x400, 8, F_TARGET, M_RW },	/* GICv2 only (VGIC_BANK_TARGETS) */
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
	case F_TARGET: return &irq->target;
	default: return &irq->grpmod;
	}
}

/* INTID -> state: private ones through `vc`, SPIs if `flags` allow. */
static struct vgic_irq *irq_of(struct vgic_dist *dist, struct vgic_cpu *vc,
			       unsigned int flags, unsigned int intid)
{
	if (intid < 32)
		return vc ? &vc->priv[intid] : NULL;
	if (!(flags & VGIC_BANK_SPIS) || intid - 32 >= dist->nr_spis)
		return NULL;
	return &dist->spi[intid - 32];
}

static void one_irq(struct vgic_irq *irq, const struct irq_reg *r, struct mmio_access *a,
		    unsigned int i, bool fixed)
{
	uint8_t *f = field_of(irq, r->field), mask = (uint8_t)((1U << r->bits) - 1);
	uint8_t v = (uint8_t)(a->value >> (i * r->bits)) & mask;

	if (!a->write)
		a->value |= (uint64_t)(*f & mask) << (i * r->bits);
	else if (fixed)
		return;		/* read-only here (GICv2 private targets) */
	else if (r->mode == M_RW)
		*f = v;
	else if (v)
		*f = r->mode == M_SET;
}

int vgic_irq_bank(struct vgic_dist *dist, struct vgic_cpu *vc, unsigned int flags,
		  paddr_t off, struct mmio_access *a)
{
	size_t k;

	for (k = 0; k < ARRAY_SIZE(irq_regs); k++) {
		const struct irq_reg *r = &irq_regs[k];
		unsigned int first, n, i;

		if (off < r->off || off >= r->off + r->len)
			continue;
		if (r->field == F_TARGET && !(flags & VGIC_BANK_TARGETS))
			continue;
		first = (unsigned int)(off - r->off) * 8 / r->bits;
		n = a->size * 8 / r->bits;
		if (!a->write)
			a->value = 0;
		for (i = 0; i < n; i++) {
			struct vgic_irq *irq = irq_of(dist, vc, flags, first + i);

			if (irq)
				one_irq(irq, r, a, i,
					r->field == F_TARGET && first + i < 32);
		}
		return 1;
	}
	return 0;
}

