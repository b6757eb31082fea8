// SPDX-License-Identifier: GPL-2.0-only
/*
 * GICv3 at EL2 (Arm IHI 0069): distributor with affinity routing, one
 * redistributor per CPU found by GICR_TYPER affinity, the CPU interface
 * through ICC_* system registers. All interrupts are Group 1 (non-secure).
 */
#include <asm/gic.h>
#include <asm/sysregs.h>
#include <xen/device_tree.h>
#include <xen/percpu.h>

#define GICD_CTLR 0x0000
#define GICD_TYPER 0x0004
#define GICD_IGROUPR 0x0080
#define GICD_ISENABLER 0x0100
#define GICD_ICENABLER 0x0180
#define GICD_ICPENDR 0x0280
#define GICD_ICACTIVER 0x0380
#define GICD_IPRIORITYR 0x0400
#define GICD_IROUTER 0x6000
#define GICD_CTLR_RWP (1U << 31)
/* ARE_NS, EnableGrp1A, EnableGrp1 (same bits mean ARE/Grp1/Grp0 if DS=1) */
#define GICD_CTLR_ON ((1U << 4) | (1U << 1) | (1U << 0))

#define GICR_CTLR 0x0000
#define GICR_TYPER_LO 0x0008
#define GICR_TYPER_HI 0x000c
#define GICR_WAKER 0x0014
#define GICR_SGI 0x10000	/* SGI_base frame */
#define GICR_TYPER_VLPIS (1U << 1)
#define GICR_TYPER_LAST (1U << 4)
#define GICR_WAKER_SLEEP (1U << 1)
#define GICR_WAKER_ASLEEP (1U << 2)
#define GICR_CTLR_RWP (1U << 3)

#define ICC_SRE_SRE (1U << 0)
#define ICC_SRE_ENABLE (1U << 3)
#define ICC_CTLR_EOIMODE (1U << 1)

static paddr_t gicd, gicr_base, gicr_size;
static paddr_t rdist[NR_CPUS];
static unsigned int lines;

static void wait_clear(paddr_t base, unsigned int off, uint32_t bit)
{
	while (gic_read(base, off) & bit)
		;
}

/* Aff3.Aff2.Aff1.Aff0 packed in 32 bits, as GICR_TYPER[63:32] holds it. */
static uint32_t aff32(uint64_t mpidr)
{
	return (uint32_t)(((mpidr >> 8) & 0xff000000) | (mpidr & 0xffffff));
}

static void dist_init(uint64_t boot_mpidr)
{
	unsigned int i;

	gic_write(gicd, GICD_CTLR, 0);
	wait_clear(gicd, GICD_CTLR, GICD_CTLR_RWP);
	for (i = GIC_FIRST_SPI; i < lines; i += 32) {
		gic_write(gicd, GICD_IGROUPR + i / 8, ~0U);
		gic_write(gicd, GICD_ICENABLER + i / 8, ~0U);
		gic_write(gicd, GICD_ICPENDR + i / 8, ~0U);
		gic_write(gicd, GICD_ICACTIVER + i / 8, ~0U);
	}
	for (i = GIC_FIRST_SPI; i < lines; i += 4)
		gic_write(gicd, GICD_IPRIORITYR + i, GIC_PRIO_IRQ * 0x01010101U);
	for (i = GIC_FIRST_SPI; i < lines; i++) {
		gic_write(gicd, GICD_IROUTER + i * 8, (uint32_t)(boot_mpidr & 0xffffff));
		gic_write(gicd, GICD_IROUTER + i * 8 + 4, (uint32_t)(boot_mpidr >> 32));
	}
	gic_write(gicd, GICD_CTLR, GICD_CTLR_ON);
	wait_clear(gicd, GICD_CTLR, GICD_CTLR_RWP);
}

static const char *v3_init(const void *fdt, int node)
{
	paddr_t bus_addr;
	const char *why;

	if (dt_device_addr(fdt, node, 0, &gicd, &why) ||
	    dt_device_addr(fdt, node, 1, &gicr_base, &why))
		return why;
	if (dt_reg(fdt, node, 1, &bus_addr, &gicr_size))
		return "GICv3 node: unreadable redistributor `reg`";
	lines = ((gic_read(gicd, GICD_TYPER) & 0x1f) + 1) * 32;
	if (lines > GIC_MAX_LINES)
		lines = GIC_MAX_LINES;
	dist_init(this_cpu()->mpidr);
	return gicv3_ops.cpu_init();
}

static paddr_t find_rdist(uint64_t mpidr)
{
	paddr_t a = gicr_base;

	while (a < gicr_base + gicr_size) {
		uint32_t lo = gic_read(a, GICR_TYPER_LO);

		if (gic_read(a, GICR_TYPER_HI) == aff32(mpidr))
			return a;
		if (lo & GICR_TYPER_LAST)
			break;
		a += (lo & GICR_TYPER_VLPIS) ? 0x40000 : 0x20000;
	}
	return 0;
}

static void rdist_init(paddr_t rd)
{
	paddr_t sgi = rd + GICR_SGI;
	unsigned int i;

	gic_write(rd, GICR_WAKER, gic_read(rd, GICR_WAKER) & ~GICR_WAKER_SLEEP);
	wait_clear(rd, GICR_WAKER, GICR_WAKER_ASLEEP);
	gic_write(sgi, GICD_IGROUPR, ~0U);
	gic_write(sgi, GICD_ICENABLER, ~0U);
	gic_write(sgi, GICD_ICPENDR, ~0U);
	gic_write(sgi, GICD_ICACTIVER, ~0U);
	for (i = 0; i < GIC_FIRST_SPI; i += 4)
		gic_write(sgi, GICD_IPRIORITYR + i, GIC_PRIO_IRQ * 0x01010101U);
	wait_clear(rd, GICR_CTLR, GICR_CTLR_RWP);
}

static const char *v3_cpu_init(void)
{
	struct pcpu *c = this_cpu();
	paddr_t rd = find_rdist(c->mpidr);

	if (!rd)
		return "no GICv3 redistributor matches this CPU's affinity";
	rdist[c->id] = rd;
	rdist_init(rd);
	WRITE_SYSREG_E(ICC_SRE_EL2, READ_SYSREG_E(ICC_SRE_EL2) | ICC_SRE_SRE | ICC_SRE_ENABLE);
	isb();
	WRITE_SYSREG_E(ICC_PMR_EL1, 0xff);
	WRITE_SYSREG_E(ICC_BPR1_EL1, 0);
	WRITE_SYSREG_E(ICC_CTLR_EL1, ICC_CTLR_EOIMODE);
	WRITE_SYSREG_E(ICC_IGRPEN1_EL1, 1);
	isb();
	return NULL;
}

static unsigned int v3_ack(void)
{
	unsigned int irq = READ_SYSREG_E(ICC_IAR1_EL1) & 0xffffff;

	asm volatile("dsb sy" ::: "memory");
	return irq;
}

static void v3_eoi(unsigned int irq)
{
	WRITE_SYSREG_E(ICC_EOIR1_EL1, irq);
	isb();
}

static void v3_deactivate(unsigned int irq)
{
	WRITE_SYSREG_E(ICC_DIR_EL1, irq);
	isb();
}

static void v3_enable(unsigned int irq, bool on)
{
	paddr_t base = irq < GIC_FIRST_SPI ? rdist[this_cpu()->id] + GICR_SGI : gicd;

	gic_write(base, (on ? GICD_ISENABLER : GICD_ICENABLER) + (irq / 32) * 4,
		  1U << (irq % 32));
	if (irq < GIC_FIRST_SPI)
		wait_clear(rdist[this_cpu()->id], GICR_CTLR, GICR_CTLR_RWP);
	else
		wait_clear(gicd, GICD_CTLR, GICD_CTLR_RWP);
}

/* ICC_SGI1R_EL1: Aff3 55:48, Aff2 39:32, INTID 27:24, Aff1 23:16, RS 47:44, targets 15:0. */
static void v3_send_sgi(unsigned int sgi, unsigned int cpu)
{
	uint64_t m = pcpus[cpu].mpidr;
	uint64_t v = (((m >> 32) & 0xff) << 48) | (((m >> 16) & 0xff) << 32) |
		     ((uint64_t)(sgi & 0xf) << 24) | (((m >> 8) & 0xff) << 16) |
		     (((m & 0xff) >> 4) << 44) | (1ULL << (m & 0xf));

	asm volatile("dsb ishst" ::: "memory");
	WRITE_SYSREG_E(ICC_SGI1R_EL1, v);
	isb();
}

static unsigned int v3_nr_lines(void)
{
	return lines;
}

const struct gic_ops gicv3_ops = {
	.name = "GICv3",
	.init = v3_init,
	.cpu_init = v3_cpu_init,
	.ack = v3_ack,
	.eoi = v3_eoi,
	.deactivate = v3_deactivate,
	.enable = v3_enable,
	.send_sgi = v3_send_sgi,
	.nr_lines = v3_nr_lines,
};
