/* SPDX-License-Identifier: GPL-2.0-only */
/* What arch/arm/smp.c needs from the ISA directory and from psci.c. */
#ifndef ASM_ARM_SMP_H
#define ASM_ARM_SMP_H

#include <xen/types.h>

/* head.S: where PSCI CPU_ON starts a secondary CPU (context = struct pcpu *). */
extern char secondary_entry[];

/* This CPU's affinity fields of MPIDR (what /cpus reg holds). */
uint64_t arch_boot_mpidr(void);
/* SMC with three arguments; returns x0/r0 (a PSCI status). */
long arch_smc_call3(unsigned long fid, unsigned long a1, unsigned long a2,
		    unsigned long a3);
/* The generic timer's physical count and frequency (CNTPCT, CNTFRQ). */
uint64_t arch_counter(void);
uint64_t arch_counter_freq(void);
/* Write back [p, p + size) to memory for a CPU running with its MMU off. */
void arch_clean_dcache(const void *p, size_t size);

/* Take physical interrupts at EL2 (HCR_EL2 routing). */
void arch_route_irqs_to_el2(void);
/* IRQ masking at EL2, and waiting for one (idle). */
void arch_irq_enable(void);
void arch_irq_disable(void);
void arch_idle(void);
/* The EL2 physical timer: compare value in counter ticks, or off. */
void arch_hyp_timer_program(uint64_t cval);
void arch_hyp_timer_stop(void);

/* NULL if /psci is PSCI 0.2+ over SMC, else why not (psci.c). */
const char *psci_check(const void *fdt);
/* PSCI SYSTEM_RESET through SMC (returns only if firmware refuses). */
void psci_system_reset(void);

#endif
