/* SPDX-License-Identifier: GPL-2.0-only */
/* What common code asks of an architecture (arch/arm, or arch/host in tests). */
#ifndef XEN_ARCH_H
#define XEN_ARCH_H

#include <xen/types.h>

/* Stop this CPU for good (interrupts masked, wait-for-interrupt loop). */
void arch_halt(void) __noreturn;

#endif
