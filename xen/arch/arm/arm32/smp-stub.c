// SPDX-License-Identifier: GPL-2.0-only
/*
 * arm32 runs on the boot CPU only: dom0 on arm32 is out of scope, so no
 * Hyp-mode secondary entry exists yet. Per-CPU data lives in HTPIDR.
 */
#include <asm/dom0.h>
#include <asm/setup.h>
#include <xen/console.h>
#include <xen/smp.h>

struct pcpu pcpus[NR_CPUS];

struct pcpu *this_cpu(void)
{
	struct pcpu *c;

	asm volatile("mrc p15, 4, %0, c13, c0, 2" : "=r"(c));
	return c;
}

void arch_set_this_cpu(struct pcpu *c)
{
	asm volatile("mcr p15, 4, %0, c13, c0, 2" : : "r"(c) : "memory");
}

unsigned int cpus_online(void)
{
	return 1;
}

void smp_boot_cpu_init(void)
{
	pcpus[0] = (struct pcpu){ .id = 0, .online = true };
	arch_set_this_cpu(&pcpus[0]);
}

/* No GIC or timer driver is wired up on arm32 yet. */
void interrupts_init(const void *fdt)
{
}

void interrupts_check(void)
{
}

void smp_bring_up(const void *fdt)
{
	printk("Secondary CPUs left off: not supported on arm32\n");
	printk("Brought up %u CPUs\n", cpus_online());
}

void construct_and_run_dom0(const void *fdt, const struct bootinfo *bi,
			    const struct xen_options *opts, const char *uart_path,
			    paddr_t uart_base)
{
	fatal("xa_dom0=boot: running dom0 is not supported on arm32");
}

bool arch_runs_guests(void)
{
	return false;
}
