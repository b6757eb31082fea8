/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The virtual GIC: per-interrupt state (SGIs/PPIs per vCPU, SPIs per
 * domain) behind emulated distributor and redistributor registers. One
 * design for both GIC versions; only the register front-ends differ.
 * Delivery (vgic-inject.c): a raised interrupt sets a bit in the target
 * vCPU's pending bitmap and kicks it; on every return to that vCPU the
 * enabled pending ones move into list registers, which are saved and
 * restored with the vCPU (struct vgic_hw_ctxt).
 */
#ifndef ASM_ARM_VGIC_H
#define ASM_ARM_VGIC_H

#include <xen/domain.h>

struct vgic_irq {
	uint8_t group, enabled, pending, active, priority, config, grpmod;
	uint8_t target;		/* GICv2 ITARGETSR byte */
	uint64_t route;		/* GICD_IROUTER value (SPIs) */
};

struct vgic_cpu {
	struct vgic_irq priv[32];	/* SGIs 0-15, PPIs 16-31 */
	uint32_t waker;
};

struct vgic_dist {
	struct domain *d;
	uint32_t ctlr;
	bool v2;			/* GICv2 front-end: SPIs routed by ITARGETSR */
	unsigned int nr_spis;
	struct vgic_irq *spi;
	struct vgic_cpu *cpu[MAX_VCPUS];
	/* INTIDs that are physical SPIs routed here (same number): HW-linked LRs. */
	uint64_t hw[VGIC_NR_INTIDS / 64];
};

#define VGIC_BANK_SPIS 1		/* INTIDs >= 32 reachable (distributors) */
#define VGIC_BANK_TARGETS 2	/* the GICv2 ITARGETSR bank exists */

/*
 * The per-IRQ banks at `off` (distributor or GICv3 SGI-frame offsets):
 * INTIDs 0-31 are `vc`'s (none if NULL). 1 if `off` is in a bank (the
 * access is done, out-of-range INTIDs read 0 / ignore writes), else 0.
 */
int vgic_irq_bank(struct vgic_dist *dist, struct vgic_cpu *vc, unsigned int flags,
		  paddr_t off, struct mmio_access *a);

/*
 * GICv2 front-end for `d`: distributor at `dist`, the guest's CPU
 * interface at `gicc` backed by the host's GICV frame `gicv` (mapped
 * in stage 2 by the caller), list registers in GICH at `gich`.
 */
int vgic_v2_init(struct domain *d, paddr_t dist, paddr_t gich, unsigned int nr_lines);

/*
 * A domU's GICv2 (the toolstack's guest map): distributor at `dist`, the
 * host's GICV frame (recorded by the dom0 builder with
 * vgic_v2_set_host_gicv) mapped as its CPU interface at `gicc`. 0 or -1.
 */
void vgic_v2_set_host_gicv(paddr_t gicv);
int vgic_v2_domu_init(struct domain *d, paddr_t dist, paddr_t gicc, unsigned int nr_lines);

/*
 * GICv3 front-end for `d`: distributor at `dist`, one 128 KiB
 * redistributor per vCPU from `redist`, `nr_lines` INTIDs (as the host).
 * 0, or -1 (no memory, MMIO table full).
 */
int vgic_v3_init(struct domain *d, paddr_t dist, paddr_t redist, unsigned int nr_lines);

/* The list registers of this pCPU's virtual CPU interface (GICv3 sysregs or GICv2 GICH). */
/*
 * GIC maintenance interrupt: PPI 9, the number the Arm BSA/SBSA recommends
 * and both QEMU boards (virt, ZynqMP) use.
 */
#define VGIC_MAINT_IRQ 25

struct vgic_hw_ops {
	/*
	 * true: a physical SPI routed to a guest goes into the LR HW-linked
	 * (GICv3: the guest's deactivation reaches the distributor from any
	 * pCPU). false (GICv2, where an SPI must be deactivated by the CPU
	 * interface that acknowledged it, and the vCPU may have moved): we
	 * mask and deactivate it at once, and unmask it on the guest's EOI
	 * (LR EOI bit, maintenance interrupt).
	 */
	bool hw_link;
	/* Maintenance interrupt on this pCPU: unmask the SPIs the guest EOId. */
	void (*maintenance)(void);
	void (*save)(struct vgic_hw_ctxt *c);
	void (*restore)(const struct vgic_hw_ctxt *c);
	void (*reset)(struct vgic_hw_ctxt *c);
	/*
	 * Make `virq` pending in a list register (merged into one that holds
	 * it); `pirq` != 0: HW-linked to that physical INTID. 0, or -1 if full.
	 */
	int (*place)(unsigned int virq, unsigned int pirq);
	/* Does a list register hold a pending interrupt? */
	bool (*lr_pending)(void);
	/*
	 * Underflow maintenance interrupt (HCR.UIE: at most one LR still
	 * valid) on/off: asked for while interrupts wait for a free LR, so
	 * they go in as soon as the guest has handled the ones there.
	 */
	void (*underflow)(bool on);
};

extern const struct vgic_hw_ops vgic_v3_hw_ops, vgic_v2_hw_ops;

void vgic_hw_save(struct vgic_hw_ctxt *c);
void vgic_hw_restore(const struct vgic_hw_ctxt *c);
void vgic_hw_reset(struct vgic_hw_ctxt *c);

/*
 * Raise virtual INTID `virq` for `d`: SGIs/PPIs (< 32) on vCPU `vcpu`,
 * SPIs on the vCPU their routing names (`vcpu` ignored). 0, or -1 if
 * there is no such vCPU or INTID.
 */
int vgic_inject(struct domain *d, unsigned int vcpu, unsigned int virq);

/*
 * The guest wrote GICD_ISENABLER for INTIDs [first, first + n): each
 * SPI it now enables that is a free physical SPI (dom0 only, 1:1) is
 * routed to it, HW-linked, so the guest's EOI deactivates it.
 */
void vgic_route_enabled_spis(struct vgic_dist *dist, unsigned int first, unsigned int n);

/* The maintenance interrupt's handler (every pCPU). */
void vgic_maintenance_irq(unsigned int irq, void *priv);
void vgic_inject_vcpu(struct vcpu *v, unsigned int virq);

#endif
