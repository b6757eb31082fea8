/* SPDX-License-Identifier: GPL-2.0-only */
/* Starting the secondary CPUs listed in the device tree's /cpus. */
#ifndef XEN_SMP_H
#define XEN_SMP_H

#include <xen/percpu.h>

/* Makes the boot CPU CPU0 (per-CPU data usable from here on). */
void smp_boot_cpu_init(void);

/*
 * Starts every other enabled /cpus entry
 * with PSCI CPU_ON and prints "Brought up N CPUs". Needs the heap (for
 * stacks). A CPU that cannot be started is reported and left off.
 */
void smp_bring_up(const void *fdt);

/* C entry of a secondary CPU, MMU on, on its own stack. */
void start_secondary(struct pcpu *c) __noreturn;

#endif
