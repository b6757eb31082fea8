// SPDX-License-Identifier: GPL-2.0-only
/*
 * GICv2 / GIC-400 at EL2 (Arm IHI 0048B): distributor and the memory-
 * mapped CPU interface (GICC). reg[2]/reg[3] (GICH, GICV) are the
 * virtualisation frames the vGIC will use. SPIs target the boot CPU's
 * interface; a CPU's interface mask is what it reads from ITARGETSR0.
 */
#include <asm/gic.h>
#include <xen/device_tree.h>
#include <xen/percpu.h>

#define GICD_CTLR 0x000
#define GICD_TYPER 0x004
#define GICD_ISENABLER 0x100
#define GICD_ICENABLER 0x180
#define GICD_ICPENDR 0x280
#define GICD_ICACTIVER 0x380
#define GICD_IPRIORITYR 0x400
#define GICD_ITARGETSR 0x800
#define GICD_SGIR 0xf00

#define GICC_CTLR 0x00
#define GICC_PMR 0x04
#define GICC_BPR 0x08
#define GICC_IAR 0x0c
#define GICC_EOIR 0x10
#define GICC_IIDR 0xfc
/* Enable, EOImode (priority drop and deactivation split) */
#define GICC_CTLR_ON ((1U << 0) | (1U << 9))

static paddr_t gicd, gicc, gicc_dir;
static unsigned int lines;
static uint8_t cpu_mask[NR_CPUS];

static void dist_init(uint8_t boot_mask)
{
	unsigned int i;

	gic_write(gicd, GICD_CTLR, 0);
	for (i = GIC_FIRST_SPI; i < lines; i += 32) {
		gic_write(gicd, GICD_ICENABLER + i / 8, ~0U);
		gic_write(gicd, GICD_ICPENDR + i / 8, ~0U);
		gic_write(gicd, GICD_ICACTIVER + i / 8, ~0U);
	}
	for (i = GIC_FIRST_SPI; i < lines; i += 4) {
		gic_write(gicd, GICD_IPRIORITYR + i, GIC_PRIO_IRQ * 0x01010101U);
		gic_write(gicd, GICD_ITARGETSR + i, boot_mask * 0x01010101U);
	}
	gic_write(gicd, GICD_CTLR, 1);
}

/*
 * GICC_DIR is in the interface's second 4 KiB page. Some integrations
 * (the GIC-400 on ZynqMP, which QEMU models) repeat each page every
 * 64 KiB: then the first page's IIDR shows up again at 0xf000.
 */
static paddr_t dir_address(paddr_t gicc_size)
{
	uint32_t iidr = gic_read(gicc, GICC_IIDR);

	if (gicc_size >= 0x20000 && iidr && gic_read(gicc, 0xf000 + GICC_IIDR) == iidr)
		return gicc + 0x10000;
	return gicc + 0x1000;
}

static const char *v2_init(const void *fdt, int node)
{
	paddr_t bus_addr, gicc_size;
	const char *why;

	if (dt_device_addr(fdt, node, 0, &gicd, &why) ||
	    dt_device_addr(fdt, node, 1, &gicc, &why))
		return why;
	if (dt_reg(fdt, node, 1, &bus_addr, &gicc_size))
		return "GICv2 node: unreadable CPU interface `reg`";
	gicc_dir = dir_address(gicc_size);
	lines = ((gic_read(gicd, GICD_TYPER) & 0x1f) + 1) * 32;
	if (lines > GIC_MAX_LINES)
		lines = GIC_MAX_LINES;
	dist_init(gic_read(gicd, GICD_ITARGETSR) & 0xff);
	return gicv2_ops.cpu_init();
}

static const char *v2_cpu_init(void)
{
	unsigned int i;

	cpu_mask[this_cpu()->id] = gic_read(gicd, GICD_ITARGETSR) & 0xff;
	gic_write(gicd, GICD_ICENABLER, ~0U);
	gic_write(gicd, GICD_ICPENDR, ~0U);
	gic_write(gicd, GICD_ICACTIVER, ~0U);
	for (i = 0; i < GIC_FIRST_SPI; i += 4)
		gic_write(gicd, GICD_IPRIORITYR + i, GIC_PRIO_IRQ * 0x01010101U);
	gic_write(gicc, GICC_PMR, 0xff);
	gic_write(gicc, GICC_BPR, 0);
	gic_write(gicc, GICC_CTLR, GICC_CTLR_ON);
	return cpu_mask[this_cpu()->id] ? NULL : "GICv2: ITARGETSR0 reads 0 on this CPU";
}

static unsigned int v2_ack(void)
{
	return gic_read(gicc, GICC_IAR);	/* SGIs carry the sender in 12:10 */
}

static void v2_eoi(unsigned int irq)
{
	gic_write(gicc, GICC_EOIR, irq);
}

static void v2_deactivate(unsigned int irq)
{
	gic_write(gicc_dir, 0, irq);
}

static void v2_enable(unsigned int irq, bool on)
{
	gic_write(gicd, (on ? GICD_ISENABLER : GICD_ICENABLER) + (irq / 32) * 4,
		  1U << (irq % 32));
}

static void v2_send_sgi(unsigned int sgi, unsigned int cpu)
{
	asm volatile("dsb ishst" ::: "memory");
	gic_write(gicd, GICD_SGIR, ((uint32_t)cpu_mask[cpu] << 16) | (sgi & 0xf));
}

static unsigned int v2_nr_lines(void)
{
	return lines;
}

const struct gic_ops gicv2_ops = {
	.name = "GICv2",
	.init = v2_init,
	.cpu_init = v2_cpu_init,
	.ack = v2_ack,
	.eoi = v2_eoi,
	.deactivate = v2_deactivate,
	.enable = v2_enable,
	.send_sgi = v2_send_sgi,
	.nr_lines = v2_nr_lines,
};
