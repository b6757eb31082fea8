/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Per-physical-CPU data. Each CPU finds its own struct through an arch
 * register (TPIDR_EL2 on arm64), set once when the CPU starts.
 */
#ifndef XEN_PERCPU_H
#define XEN_PERCPU_H

#include <xen/types.h>

#define NR_CPUS 8
#define CPU_STACK_ORDER 2	/* 16 KiB per CPU */

struct pcpu {
	uint64_t stack_top;	/* first: the secondary entry code loads it */
	uint64_t mpidr;		/* affinity, as in the DT's /cpus reg */
	unsigned int id;	/* 0 = the boot CPU */
	bool online;
};

extern struct pcpu pcpus[NR_CPUS];

/* This CPU's struct (arch register). */
struct pcpu *this_cpu(void);
void arch_set_this_cpu(struct pcpu *c);

/* CPUs that have reached start_secondary() (plus the boot CPU). */
unsigned int cpus_online(void);

#endif
