/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The virtual GIC: per-interrupt state (SGIs/PPIs per vCPU, SPIs per
 * domain) behind emulated distributor and redistributor registers. One
 * design for both GIC versions; only the register front-ends differ.
 * This first step models the registers (enables, priorities, routing,
 * configuration, pending/active bits as written); delivering interrupts
 * through list registers comes next.
 */
#ifndef ASM_ARM_VGIC_H
#define ASM_ARM_VGIC_H

#include <xen/domain.h>

struct vgic_irq {
	uint8_t group, enabled, pending, active, priority, config, grpmod;
	uint64_t route;		/* GICD_IROUTER value (SPIs) */
};

struct vgic_cpu {
	struct vgic_irq priv[32];	/* SGIs 0-15, PPIs 16-31 */
	uint32_t waker;
};

struct vgic_dist {
	uint32_t ctlr;
	unsigned int nr_spis;
	struct vgic_irq *spi;
	struct vgic_cpu *cpu[MAX_VCPUS];
};

/*
 * GICv3 front-end for `d`: distributor at `dist`, one 128 KiB
 * redistributor per vCPU from `redist`, `nr_lines` INTIDs (as the host).
 * 0, or -1 (no memory, MMIO table full).
 */
int vgic_v3_init(struct domain *d, paddr_t dist, paddr_t redist, unsigned int nr_lines);

#endif
