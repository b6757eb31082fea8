// SPDX-License-Identifier: GPL-2.0-only
/*
 * Reading addresses out of the device tree with libfdt. Addresses of up to
 * two cells are folded into 64-bit numbers; a bus with a 2-cell address
 * such as the Versatile Express motherboard (chip select, offset) folds to
 * (cs << 32 | offset), which `ranges` matching handles like any number.
 */
#include <libfdt.h>
#include <xen/device_tree.h>
#include <xen/lib.h>

static int prop_u32(const void *fdt, int node, const char *name, int dflt)
{
	int len;
	const fdt32_t *p = fdt_getprop(fdt, node, name, &len);

	return (p && len == 4) ? (int)fdt32_to_cpu(*p) : dflt;
}

void dt_child_cells(const void *fdt, int node, int *ac, int *sc)
{
	*ac = -1;
	*sc = -1;
	for (; node >= 0; node = node ? fdt_parent_offset(fdt, node) : -1) {
		if (*ac < 0)
			*ac = prop_u32(fdt, node, "#address-cells", -1);
		if (*sc < 0)
			*sc = prop_u32(fdt, node, "#size-cells", -1);
	}
	if (*ac < 0)
		*ac = DT_ROOT_ADDR_CELLS;
	if (*sc < 0)
		*sc = DT_ROOT_SIZE_CELLS;
}

uint64_t dt_read_cells(const void *cells, int n)
{
	const uint8_t *p = cells;
	uint64_t v = 0;
	int i;

	/* Byte loads: a property is only 4-byte aligned inside the blob. */
	for (i = 0; i < n * 4; i++)
		v = (v << 8) | p[i];
	return v;
}

static bool cells_ok(int ac, int sc)
{
	return ac >= 1 && ac <= DT_MAX_CELLS && sc >= 0 && sc <= DT_MAX_CELLS;
}

int dt_reg(const void *fdt, int node, int index, paddr_t *addr, paddr_t *size)
{
	int parent = node > 0 ? fdt_parent_offset(fdt, node) : -1;
	int ac, sc, len, stride;
	const uint8_t *reg;

	if (parent < 0 || index < 0)
		return -1;
	dt_child_cells(fdt, parent, &ac, &sc);
	reg = fdt_getprop(fdt, node, "reg", &len);
	if (!reg || !cells_ok(ac, sc))
		return -1;
	stride = (ac + sc) * 4;
	if (len < stride * (index + 1))
		return -1;
	reg += stride * index;
	*addr = dt_read_cells(reg, ac);
	*size = dt_read_cells(reg + ac * 4, sc);
	return 0;
}

/* Maps `a` through the `ranges` of `bus`; 0, or -1 with *why set. */
static int map_through(const void *fdt, int bus, paddr_t *a, const char **why)
{
	int parent = fdt_parent_offset(fdt, bus);
	int ac, sc, pac, psc, len, stride, off;
	const uint8_t *r = fdt_getprop(fdt, bus, "ranges", &len);

	if (!r) {
		*why = "a parent bus has no `ranges`, so the address is not memory-mapped";
		return -1;
	}
	if (len == 0)
		return 0;
	dt_child_cells(fdt, bus, &ac, &sc);
	dt_child_cells(fdt, parent, &pac, &psc);
	if (!cells_ok(ac, sc) || !cells_ok(pac, psc)) {
		*why = "a parent bus uses more address cells than supported";
		return -1;
	}
	stride = (ac + pac + sc) * 4;
	for (off = 0; off + stride <= len; off += stride) {
		uint64_t child = dt_read_cells(r + off, ac);
		uint64_t pa = dt_read_cells(r + off + ac * 4, pac);
		uint64_t size = dt_read_cells(r + off + (ac + pac) * 4, sc);

		if (*a >= child && *a - child < size) {
			*a = *a - child + pa;
			return 0;
		}
	}
	*why = "the address is outside every `ranges` entry of its parent bus";
	return -1;
}

int dt_device_addr(const void *fdt, int node, int index, paddr_t *addr,
		   const char **why)
{
	paddr_t size;
	int bus;

	if (dt_reg(fdt, node, index, addr, &size)) {
		*why = "the node has no usable `reg` entry";
		return -1;
	}
	for (bus = fdt_parent_offset(fdt, node); bus > 0;
	     bus = fdt_parent_offset(fdt, bus))
		if (map_through(fdt, bus, addr, why))
			return -1;
	return 0;
}

bool dt_node_enabled(const void *fdt, int node)
{
	int len;
	const char *s = fdt_getprop(fdt, node, "status", &len);

	if (!s || len <= 0)
		return true;
	return !strncmp(s, "okay", len) || !strncmp(s, "ok", len);
}

const char *dt_prop_string(const void *fdt, int node, const char *name)
{
	int len;
	const char *s = fdt_getprop(fdt, node, name, &len);

	if (!s || len <= 0 || s[len - 1] != '\0')
		return NULL;
	return s;
}
