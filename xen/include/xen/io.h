/* SPDX-License-Identifier: GPL-2.0-only */
/* MMIO accessors. Device memory is mapped nGnRE, so no extra barriers here. */
#ifndef XEN_IO_H
#define XEN_IO_H

#include <xen/types.h>

static inline uint32_t readl(paddr_t addr)
{
	return *(volatile uint32_t *)(uintptr_t)addr;
}

static inline void writel(uint32_t val, paddr_t addr)
{
	*(volatile uint32_t *)(uintptr_t)addr = val;
}

#endif
