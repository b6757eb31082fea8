/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The physical interrupt controller, as the hypervisor uses it at EL2.
 * One ops table per GIC version (gic-v3.c, gic-v2.c), chosen by the DT
 * node's compatible; gic.c owns the per-INTID handler table and the IRQ
 * entry. EOImode is 1 on both versions: EOI drops the priority and a
 * separate deactivation ends the interrupt, so a physical interrupt can
 * later be handed to a guest to deactivate (list register HW bit).
 */
#ifndef ASM_ARM_GIC_H
#define ASM_ARM_GIC_H

#include <xen/types.h>

#define GIC_NR_SGIS 16
#define GIC_FIRST_SPI 32
#define GIC_SPURIOUS 1020	/* INTIDs 1020-1023 are special */
#define GIC_MAX_LINES 1020
#define GIC_INTID_MASK 0x3ff	/* no LPIs: INTIDs fit in 10 bits */
#define GIC_PRIO_IRQ 0xa0

struct gic_ops {
	const char *name;
	/* Distributor and the boot CPU's interface. NULL or why not. */
	const char *(*init)(const void *fdt, int node);
	/* The calling CPU's redistributor / banked registers and interface. */
	const char *(*cpu_init)(void);
	/* The raw IAR value: INTID in 9:0, for GICv2 SGIs the sender above. */
	unsigned int (*ack)(void);
	/* Priority drop / deactivation, given the raw IAR value. */
	void (*eoi)(unsigned int iar);
	void (*deactivate)(unsigned int iar);
	void (*enable)(unsigned int irq, bool on);
	/* SGI `sgi` to the CPU with logical id `cpu`. */
	void (*send_sgi)(unsigned int sgi, unsigned int cpu);
	/* The number of INTIDs the distributor implements. */
	unsigned int (*nr_lines)(void);
};

extern const struct gic_ops gicv3_ops, gicv2_ops;

typedef void (*irq_handler_t)(unsigned int irq, void *priv);

/* Finds the GIC in the DT and sets it up on the boot CPU. NULL or why not. */
const char *gic_init(const void *fdt);
const char *gic_cpu_init(void);
const char *gic_name(void);
unsigned int gic_nr_lines(void);
/* Route `irq` to `fn` and enable it (SPIs go to the boot CPU). 0 or -1. */
int request_irq(unsigned int irq, irq_handler_t fn, void *priv);
/* The same for an interrupt the running guest will deactivate (HW-linked). */
int request_guest_irq(unsigned int irq, irq_handler_t fn, void *priv);
void gic_send_sgi(unsigned int sgi, unsigned int cpu);
/* True if `irq` exists and has no handler (not the hypervisor's). */
bool gic_irq_free(unsigned int irq);
/* Mask / unmask `irq` at the distributor (from any CPU). */
void gic_irq_enable(unsigned int irq, bool on);
/* From the IRQ vector: acknowledge, run the handler, EOI, deactivate. */
void do_irq(void);

/* MMIO helpers shared by both drivers. */
uint32_t gic_read(paddr_t base, unsigned int off);
void gic_write(paddr_t base, unsigned int off, uint32_t v);

#endif
