/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Emulated MMIO. The trap layer turns a guest's faulting access into a
 * neutral record; devices (vGIC distributor, redistributors, ...) register
 * {base, size, ops, priv} per domain and never see the syndrome.
 */
#ifndef XEN_MMIO_H
#define XEN_MMIO_H

#include <xen/types.h>

#define MMIO_MAX_REGIONS 16

struct mmio_access {
	paddr_t addr;		/* guest physical address */
	unsigned int size;	/* 1, 2, 4 or 8 bytes */
	bool write;
	uint64_t value;		/* written value, or where a read puts its result */
};

struct mmio_ops {
	/* `offset` is from the region base. 0, or -1 to fault the guest. */
	int (*access)(void *priv, paddr_t offset, struct mmio_access *a);
};

struct mmio_region {
	paddr_t base, size;
	const struct mmio_ops *ops;
	void *priv;
};

struct mmio_table {
	unsigned int nr;
	struct mmio_region region[MMIO_MAX_REGIONS];
};

/* 0, or -1 if the table is full, the range is empty/wraps or overlaps one. */
int mmio_register(struct mmio_table *t, paddr_t base, paddr_t size,
		  const struct mmio_ops *ops, void *priv);
/*
 * Runs the handler whose region holds the whole access. 0, or -1 when no
 * region does (the caller injects an abort) or the handler refuses.
 */
int mmio_dispatch(const struct mmio_table *t, struct mmio_access *a);

#endif
