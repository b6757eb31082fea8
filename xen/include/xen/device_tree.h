/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Device-tree helpers on top of libfdt: cell counts inherited from
 * ancestors, `reg` entries, and bus address translation through `ranges`
 * (Devicetree Specification v0.4, 2.3.5 and 2.3.8).
 */
#ifndef XEN_DEVICE_TREE_H
#define XEN_DEVICE_TREE_H

#include <xen/types.h>

/* Root defaults when no ancestor says otherwise (DT spec 2.3.5). */
#define DT_ROOT_ADDR_CELLS 2
#define DT_ROOT_SIZE_CELLS 1
/* Cells we can fold into a 64-bit number. */
#define DT_MAX_CELLS 2

/*
 * The #address-cells/#size-cells that apply to the children of `node`:
 * the node's own, else the nearest ancestor's, else the root defaults.
 */
void dt_child_cells(const void *fdt, int node, int *ac, int *sc);

/* Big-endian cells to a number; `n` <= DT_MAX_CELLS. */
uint64_t dt_read_cells(const void *cells, int n);

/*
 * Entry `index` of the node's `reg`, in the parent bus's address space.
 * Returns 0, or -1 when there is no such entry or the cells are unusable.
 */
int dt_reg(const void *fdt, int node, int index, paddr_t *addr, paddr_t *size);

/*
 * Entry `index` of `reg` translated up to a CPU physical address through
 * every ancestor's `ranges`. Returns 0, or -1 with *why set to a reason.
 */
int dt_device_addr(const void *fdt, int node, int index, paddr_t *addr,
		   const char **why);

/* The property as a C string, or NULL if absent or not NUL-terminated. */
const char *dt_prop_string(const void *fdt, int node, const char *name);

/* True when the node has `status` absent, "okay" or "ok". */
bool dt_node_enabled(const void *fdt, int node);

#endif
