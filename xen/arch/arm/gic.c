// SPDX-License-Identifier: GPL-2.0-only
/*
 * Common GIC layer: driver choice from the DT, the INTID -> handler table,
 * and the IRQ entry. SGIs and PPIs are banked per CPU but share one
 * handler each (every CPU runs the same code for its timer and SGIs).
 */
#include <asm/gic.h>
#include <libfdt.h>
#include <xen/console.h>
#include <xen/io.h>
#include <xen/lib.h>

struct gic_driver {
	const char *compatible;
	const struct gic_ops *ops;
};

static const struct gic_driver gic_drivers[] = {
	{ "arm,gic-v3", &gicv3_ops },
	{ "arm,gic-400", &gicv2_ops },
	{ "arm,cortex-a15-gic", &gicv2_ops },
	{ "arm,cortex-a9-gic", &gicv2_ops },
};

struct irq_action {
	irq_handler_t fn;
	void *priv;
	bool guest_deactivates;
};

static const struct gic_ops *gic;
static struct irq_action actions[GIC_MAX_LINES];

uint32_t gic_read(paddr_t base, unsigned int off)
{
	return readl(base + off);
}

void gic_write(paddr_t base, unsigned int off, uint32_t v)
{
	writel(v, base + off);
}

const char *gic_init(const void *fdt)
{
	size_t i;
	int node;

	for (i = 0; i < ARRAY_SIZE(gic_drivers); i++) {
		node = fdt_node_offset_by_compatible(fdt, -1, gic_drivers[i].compatible);
		if (node >= 0) {
			const char *err = gic_drivers[i].ops->init(fdt, node);

			if (!err)
				gic = gic_drivers[i].ops;
			return err;
		}
	}
	return "no GICv2/GICv3 node in the device tree";
}

const char *gic_cpu_init(void)
{
	return gic->cpu_init();
}

const char *gic_name(void)
{
	return gic ? gic->name : "none";
}

unsigned int gic_nr_lines(void)
{
	return gic ? gic->nr_lines() : 0;
}

int request_irq(unsigned int irq, irq_handler_t fn, void *priv)
{
	if (!gic || irq >= gic->nr_lines() || irq >= GIC_MAX_LINES)
		return -1;
	actions[irq] = (struct irq_action){ fn, priv, false };
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	gic->enable(irq, true);
	return 0;
}

int request_guest_irq(unsigned int irq, irq_handler_t fn, void *priv)
{
	if (request_irq(irq, fn, priv))
		return -1;
	actions[irq].guest_deactivates = true;
	return 0;
}

void gic_send_sgi(unsigned int sgi, unsigned int cpu)
{
	gic->send_sgi(sgi, cpu);
}

void do_irq(void)
{
	for (;;) {
		unsigned int iar = gic->ack(), irq = iar & GIC_INTID_MASK;
		struct irq_action *a;

		if (irq >= GIC_SPURIOUS)
			return;
		a = &actions[irq];
		gic->eoi(iar);
		if (a->fn)
			a->fn(irq, a->priv);
		else
			printk("IRQ %u: no handler; disabled\n", irq);
		if (!a->fn)
			gic->enable(irq, false);
		if (!a->fn || !a->guest_deactivates)
			gic->deactivate(iar);
	}
}

/* No handler: the interrupt is not the hypervisor's (may go to dom0). */
bool gic_irq_free(unsigned int irq)
{
	return gic && irq < gic->nr_lines() && irq < GIC_MAX_LINES && !actions[irq].fn;
}

void gic_irq_enable(unsigned int irq, bool on)
{
	if (gic && irq < gic->nr_lines() && irq < GIC_MAX_LINES)
		gic->enable(irq, on);
}
