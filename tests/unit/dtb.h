/* SPDX-License-Identifier: GPL-2.0-only */
/* Building small device trees for tests with the host's libfdt. */
#ifndef TEST_DTB_H
#define TEST_DTB_H

#include <libfdt.h>
#include <stdint.h>
#include <stdlib.h>

#define DTB_SIZE 65536

static inline void *dtb_new(int root_ac, int root_sc)
{
	void *fdt = calloc(1, DTB_SIZE);

	if (!fdt || fdt_create_empty_tree(fdt, DTB_SIZE))
		abort();
	if (root_ac >= 0)
		fdt_setprop_u32(fdt, 0, "#address-cells", root_ac);
	if (root_sc >= 0)
		fdt_setprop_u32(fdt, 0, "#size-cells", root_sc);
	return fdt;
}

/* Adds the node at `path` (its parent must exist); returns its offset. */
static inline int dtb_node(void *fdt, const char *parent, const char *name)
{
	int p = fdt_path_offset(fdt, parent);
	int n = p < 0 ? p : fdt_add_subnode(fdt, p, name);

	if (n < 0)
		abort();
	return n;
}

/* Sets a property made of `n` 32-bit cells. */
static inline void dtb_cells(void *fdt, int node, const char *prop,
			     const uint32_t *cells, int n)
{
	fdt32_t buf[32];
	int i;

	for (i = 0; i < n; i++)
		buf[i] = cpu_to_fdt32(cells[i]);
	if (fdt_setprop(fdt, node, prop, buf, n * 4))
		abort();
}

/* Sets a string-list property from "a\0b\0" of total length len. */
static inline void dtb_strs(void *fdt, int node, const char *prop,
			    const char *s, int len)
{
	if (fdt_setprop(fdt, node, prop, s, len))
		abort();
}

#define DTB_CELLS(fdt, node, prop, ...) do {				\
	const uint32_t c_[] = { __VA_ARGS__ };				\
	dtb_cells(fdt, node, prop, c_, sizeof(c_) / 4);			\
} while (0)

#define DTB_STRS(fdt, node, prop, lit) dtb_strs(fdt, node, prop, lit, sizeof(lit))

#endif
