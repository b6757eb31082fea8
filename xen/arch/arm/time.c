// SPDX-License-Identifier: GPL-2.0-only
/*
 * The generic timer at EL2 and the boot-time interrupt check. The
 * hypervisor's own timer is CNTHP, whose PPI is the 4th entry of the DT
 * timer node's `interrupts` (Xen's order: secure, non-secure, virtual,
 * hypervisor; 26 on QEMU virt). Before any guest runs, every CPU takes a
 * few ticks of its own timer and one SGI from the boot CPU: this proves
 * GIC distributor, redistributors/interface, IRQ entry and timer work.
 */
#include <asm/gic.h>
#include <asm/setup.h>
#include <asm/smp.h>
#include <libfdt.h>
#include <xen/console.h>
#include <xen/device_tree.h>
#include <xen/lib.h>
#include <xen/percpu.h>
#include <xen/sched.h>

#define DEFAULT_HYP_TIMER_PPI 26
#define SGI_CHECK 1
#define CHECK_TICKS 5
#define TICK_US 1000
#define CHECK_TIMEOUT_MS 2000

static unsigned int hyp_timer_irq = DEFAULT_HYP_TIMER_PPI;
static uint64_t tick_period;
static unsigned int ticks[NR_CPUS], sgis[NR_CPUS];

static const char *const timer_compatibles[] = {
	"arm,armv8-timer", "arm,armv7-timer",
};

/* 4th <type number flags> triple of `interrupts`: type 1 = PPI (+16). */
static void find_hyp_timer_irq(const void *fdt)
{
	const uint32_t *p;
	size_t i;
	int node = -1, len;

	for (i = 0; i < ARRAY_SIZE(timer_compatibles) && node < 0; i++)
		node = fdt_node_offset_by_compatible(fdt, -1, timer_compatibles[i]);
	if (node < 0)
		return;
	p = fdt_getprop(fdt, node, "interrupts", &len);
	if (p && len >= 12 * 4 && dt_read_cells(&p[9], 1) == 1)
		hyp_timer_irq = (unsigned int)dt_read_cells(&p[10], 1) + 16;
}

/* The boot check's ticks first; after that the timer is the scheduler's. */
static void timer_tick(unsigned int irq, void *priv)
{
	unsigned int id = this_cpu()->id;

	if (ticks[id] >= CHECK_TICKS) {
		sched_timer_irq();
		return;
	}
	if (++ticks[id] < CHECK_TICKS)
		arch_hyp_timer_program(arch_counter() + tick_period);
	else
		arch_hyp_timer_stop();
}

static void sgi_check(unsigned int irq, void *priv)
{
	sgis[this_cpu()->id]++;
}

/* On every CPU, boot CPU first: its interface, its timer, the check SGI. */
void interrupts_cpu_init(void)
{
	const char *err;

	arch_route_irqs_to_el2();
	err = gic_cpu_init();
	if (err)
		fatal("CPU%u: %s", this_cpu()->id, err);
	request_irq(hyp_timer_irq, timer_tick, NULL);
	request_irq(SGI_CHECK, sgi_check, NULL);
	arch_hyp_timer_program(arch_counter() + tick_period);
}

void interrupts_init(const void *fdt)
{
	const char *err = gic_init(fdt);

	if (err)
		fatal("interrupt controller: %s", err);
	find_hyp_timer_irq(fdt);
	tick_period = arch_counter_freq() / 1000000 * TICK_US;
	printk("%s; hypervisor timer PPI %u at %llu Hz\n", gic_name(),
	       hyp_timer_irq, (unsigned long long)arch_counter_freq());
	interrupts_cpu_init();
}

static bool all_checked(void)
{
	unsigned int i;

	for (i = 0; i < NR_CPUS; i++)
		if (pcpus[i].online && (__atomic_load_n(&ticks[i], __ATOMIC_RELAXED) < CHECK_TICKS ||
					!__atomic_load_n(&sgis[i], __ATOMIC_RELAXED)))
			return false;
	return true;
}

static void report_cpu(unsigned int i)
{
	if (pcpus[i].online && (ticks[i] < CHECK_TICKS || !sgis[i]))
		printk("CPU%u: %u of %u timer ticks, %u SGIs\n", i, ticks[i],
		       CHECK_TICKS, sgis[i]);
}

void interrupts_check(void)
{
	uint64_t t0 = arch_counter();
	uint64_t limit = arch_counter_freq() / 1000 * CHECK_TIMEOUT_MS;
	unsigned int i;

	for (i = 0; i < NR_CPUS; i++)
		if (pcpus[i].online)
			gic_send_sgi(SGI_CHECK, i);
	/* Poll, not wfi: if an interrupt never comes there is nothing to wake us. */
	arch_irq_enable();
	while (!all_checked() && arch_counter() - t0 < limit)
		;
	arch_irq_disable();
	if (all_checked()) {
		printk("Interrupts: timer and SGI taken on all %u CPUs\n", cpus_online());
		return;
	}
	for (i = 0; i < NR_CPUS; i++)
		report_cpu(i);
	printk("Interrupts: check FAILED\n");
}
