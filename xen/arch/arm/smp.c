// SPDX-License-Identifier: GPL-2.0-only
/*
 * Secondary CPUs: every enabled /cpus/cpu@N node other than the boot CPU
 * is started with PSCI CPU_ON (Arm DEN 0022, 5.1.4) at secondary_entry
 * (head.S), which turns the MMU on with the runtime tables, loads the
 * stack from its struct pcpu and calls start_secondary(). The DT's
 * enable-method must be "psci" (Xen's requirement on arm64 too).
 */
#include <asm/setup.h>
#include <asm/smp.h>
#include <libfdt.h>
#include <xen/arch.h>
#include <xen/console.h>
#include <xen/device_tree.h>
#include <xen/lib.h>
#include <xen/mm.h>
#include <xen/sched.h>
#include <xen/smp.h>

#define PSCI_0_2_FN64_CPU_ON 0xc4000003UL
#define CPU_UP_TIMEOUT_MS 1000

struct pcpu pcpus[NR_CPUS] __hot_bss;

unsigned int cpus_online(void)
{
	unsigned int i, n = 0;

	for (i = 0; i < NR_CPUS; i++)
		n += __atomic_load_n(&pcpus[i].online, __ATOMIC_ACQUIRE);
	return n;
}

void start_secondary(struct pcpu *c)
{
	interrupts_cpu_init();
	__atomic_store_n(&c->online, true, __ATOMIC_RELEASE);
	sched_run();
}

static bool wait_online(const struct pcpu *c)
{
	uint64_t t0 = arch_counter(), limit = arch_counter_freq() / 1000 * CPU_UP_TIMEOUT_MS;

	while (!__atomic_load_n(&c->online, __ATOMIC_ACQUIRE))
		if (arch_counter() - t0 > limit)
			return false;
	return true;
}

static void cpu_up(struct pcpu *c)
{
	void *stack = alloc_pages(CPU_STACK_ORDER);
	long rc;

	if (!stack) {
		printk("CPU%u: no memory for its stack; left off\n", c->id);
		return;
	}
	c->stack_top = virt_to_maddr(stack) + (PAGE_SIZE << CPU_STACK_ORDER);
	arch_clean_dcache(c, sizeof(*c));
	printk("Bringing up CPU%u\n", c->id);
	rc = arch_smc_call3(PSCI_0_2_FN64_CPU_ON, c->mpidr,
			    virt_to_maddr(secondary_entry), virt_to_maddr(c));
	if (rc)
		printk("CPU%u: PSCI CPU_ON (MPIDR %#llx) failed: %ld; left off\n",
		       c->id, (unsigned long long)c->mpidr, rc);
	else if (!wait_online(c))
		printk("CPU%u: did not come up within %u ms; left off\n",
		       c->id, CPU_UP_TIMEOUT_MS);
	if (rc || !c->online)
		free_pages(stack, CPU_STACK_ORDER);
}

/* The node's MPIDR (its `reg`, in /cpus' #address-cells), or -1. */
static int cpu_node_mpidr(const void *fdt, int node, uint64_t *mpidr)
{
	const char *type = dt_prop_string(fdt, node, "device_type");
	const void *reg;
	int ac, sc, len;

	if (!type || strncmp(type, "cpu", 4) || !dt_node_enabled(fdt, node))
		return -1;
	dt_child_cells(fdt, fdt_parent_offset(fdt, node), &ac, &sc);
	reg = fdt_getprop(fdt, node, "reg", &len);
	if (!reg || ac < 1 || ac > DT_MAX_CELLS || len < ac * 4)
		return -1;
	*mpidr = dt_read_cells(reg, ac);
	return 0;
}

static void start_cpu_node(const void *fdt, int node, unsigned int *next_id)
{
	const char *method = dt_prop_string(fdt, node, "enable-method");
	struct pcpu *c;
	uint64_t mpidr;

	if (cpu_node_mpidr(fdt, node, &mpidr) || mpidr == pcpus[0].mpidr)
		return;
	if (*next_id == NR_CPUS) {
		printk("CPU with MPIDR %#llx: more than %u CPUs; left off\n",
		       (unsigned long long)mpidr, NR_CPUS);
		return;
	}
	if (!method || strncmp(method, "psci", 5)) {
		printk("CPU with MPIDR %#llx: enable-method is not \"psci\"; left off\n",
		       (unsigned long long)mpidr);
		return;
	}
	c = &pcpus[*next_id];
	*c = (struct pcpu){ .id = *next_id, .mpidr = mpidr };
	cpu_up(c);
	if (c->online)
		(*next_id)++;
}

void smp_boot_cpu_init(void)
{
	extern char boot_stack_top[];	/* head.S */

	pcpus[0] = (struct pcpu){ .id = 0, .mpidr = arch_boot_mpidr(), .online = true,
				  .stack_top = virt_to_maddr(boot_stack_top) };
	arch_set_this_cpu(&pcpus[0]);
}

void smp_bring_up(const void *fdt)
{
	int cpus = fdt_path_offset(fdt, "/cpus"), node;
	unsigned int next_id = 1;
	const char *why = psci_check(fdt);
	if (why)
		printk("Secondary CPUs left off: %s\n", why);
	else if (cpus >= 0)
		fdt_for_each_subnode(node, fdt, cpus)
			start_cpu_node(fdt, node, &next_id);
	printk("Brought up %u CPUs\n", cpus_online());
}
