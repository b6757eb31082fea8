// SPDX-License-Identifier: GPL-2.0-only
/*
 * The boot device tree: RAM banks (/memory nodes at the top level),
 * reserved ranges (/memreserve/ and /reserved-memory children), boot
 * modules under /chosen (docs/misc/arm/device-tree/booting.txt) and the
 * hypervisor command line. Everything here is input from the bootloader:
 * a bad value yields a message naming the node, never a crash.
 */
#include <libfdt.h>
#include <xen/bootinfo.h>
#include <xen/console.h>
#include <xen/device_tree.h>
#include <xen/lib.h>

/* Modules at depth <= 3 from the root: /chosen/x and /chosen/domU/x. */
#define MODULE_MAX_DEPTH 3

static char why[200];

static const char *node_error(const void *fdt, int node, const char *what)
{
	char path[128];

	if (fdt_get_path(fdt, node, path, sizeof(path)))
		memcpy(path, "<unknown>", sizeof("<unknown>"));
	snprintf(why, sizeof(why), "device tree node %s: %s", path, what);
	return why;
}

static bool add_bank(struct meminfo *mi, paddr_t start, paddr_t size)
{
	if (!size)
		return true;
	if (mi->nr >= NR_MEM_BANKS)
		return false;
	mi->bank[mi->nr].start = start;
	mi->bank[mi->nr].size = size;
	mi->nr++;
	return true;
}

/* Adds every `reg` entry of `node` to `mi`. */
static const char *add_reg_banks(const void *fdt, int node, struct meminfo *mi)
{
	paddr_t start, size;
	int i;

	if (dt_reg(fdt, node, 0, &start, &size))
		return node_error(fdt, node, "no usable `reg` property");
	for (i = 0; !dt_reg(fdt, node, i, &start, &size); i++)
		if (!add_bank(mi, start, size))
			return node_error(fdt, node, "too many memory ranges");
	return NULL;
}

static bool is_memory_node(const void *fdt, int node)
{
	const char *type = dt_prop_string(fdt, node, "device_type");
	const char *name = fdt_get_name(fdt, node, NULL);

	if (type)
		return !strncmp(type, "memory", sizeof("memory"));
	return name && (!strncmp(name, "memory", sizeof("memory")) ||
			!strncmp(name, "memory@", 7));
}

static const char *scan_memory(const void *fdt, struct bootinfo *bi)
{
	const char *err;
	int node;

	fdt_for_each_subnode(node, fdt, 0) {
		if (!is_memory_node(fdt, node) || !dt_node_enabled(fdt, node))
			continue;
		err = add_reg_banks(fdt, node, &bi->mem);
		if (err)
			return err;
	}
	if (!bi->mem.nr)
		return "the device tree has no /memory node with RAM in `reg`";
	return NULL;
}

static const char *scan_reserved(const void *fdt, struct bootinfo *bi)
{
	uint64_t addr, size;
	const char *err;
	int i, node, rsv = fdt_num_mem_rsv(fdt);

	for (i = 0; i < rsv; i++) {
		if (fdt_get_mem_rsv(fdt, i, &addr, &size) < 0 ||
		    !add_bank(&bi->reserved, addr, size))
			return "bad or too many /memreserve/ entries";
	}
	node = fdt_path_offset(fdt, "/reserved-memory");
	if (node < 0)
		return NULL;
	fdt_for_each_subnode(i, fdt, node) {
		if (!dt_node_enabled(fdt, i) || !fdt_getprop(fdt, i, "reg", NULL))
			continue;
		err = add_reg_banks(fdt, i, &bi->reserved);
		if (err)
			return err;
	}
	return NULL;
}

int bootinfo_add_module(struct bootinfo *bi, enum bootmod_kind kind,
			paddr_t start, paddr_t size, int node)
{
	struct bootmodule *m;

	if (bi->nr_mods >= NR_BOOT_MODULES)
		return -1;
	m = &bi->mod[bi->nr_mods++];
	m->kind = kind;
	m->start = start;
	m->size = size;
	m->node = node;
	m->cmdline = NULL;
	return 0;
}

static const struct {
	const char *compatible;
	enum bootmod_kind kind;
} module_kinds[] = {
	{ "multiboot,kernel", BOOTMOD_KERNEL },
	{ "xen,linux-zimage", BOOTMOD_KERNEL },
	{ "multiboot,ramdisk", BOOTMOD_RAMDISK },
	{ "xen,linux-initrd", BOOTMOD_RAMDISK },
	{ "xen,xsm-policy", BOOTMOD_XSM },
	{ "multiboot,device-tree", BOOTMOD_GUEST_DTB },
};

/* Unlabelled modules: the first is the kernel, the second the ramdisk. */
static enum bootmod_kind module_kind(const void *fdt, int node, int *guess)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(module_kinds); i++)
		if (!fdt_node_check_compatible(fdt, node, module_kinds[i].compatible))
			return module_kinds[i].kind;
	switch ((*guess)++) {
	case 0:
		return BOOTMOD_KERNEL;
	case 1:
		return BOOTMOD_RAMDISK;
	default:
		return BOOTMOD_UNKNOWN;
	}
}

static bool is_module(const void *fdt, int node)
{
	return !fdt_node_check_compatible(fdt, node, "multiboot,module") ||
	       !fdt_node_check_compatible(fdt, node, "xen,multiboot-module");
}

/* Modules inside a `xen,domain` node belong to dom0less guests, not dom0. */
static bool for_dom0(const void *fdt, int node)
{
	int parent = fdt_parent_offset(fdt, node);

	return parent < 0 || fdt_node_check_compatible(fdt, parent, "xen,domain");
}

static const char *add_module_node(const void *fdt, int node,
				   struct bootinfo *bi, int *guess)
{
	paddr_t start, size;
	enum bootmod_kind kind;

	if (dt_reg(fdt, node, 0, &start, &size))
		return node_error(fdt, node,
				  "boot module without a usable `reg` (start and size in the parent's #address-cells/#size-cells)");
	kind = module_kind(fdt, node, guess);
	if (bootinfo_add_module(bi, kind, start, size, node))
		return node_error(fdt, node, "too many boot modules");
	bi->mod[bi->nr_mods - 1].cmdline = dt_prop_string(fdt, node, "bootargs");
	return NULL;
}

static const char *scan_modules(const void *fdt, struct bootinfo *bi)
{
	int chosen = fdt_path_offset(fdt, "/chosen");
	int node = chosen, depth = 0, guess = 0;
	const char *err;

	if (chosen < 0)
		return NULL;
	for (;;) {
		node = fdt_next_node(fdt, node, &depth);
		if (node < 0 || depth <= 0)
			return NULL;
		if (depth + 1 > MODULE_MAX_DEPTH || !is_module(fdt, node) ||
		    !for_dom0(fdt, node))
			continue;
		err = add_module_node(fdt, node, bi, &guess);
		if (err)
			return err;
	}
}

const char *bootfdt_check(const void *fdt)
{
	int rc = fdt_check_header(fdt);

	return rc ? fdt_strerror(rc) : NULL;
}

const char *bootfdt_scan(const void *fdt, struct bootinfo *bi)
{
	const char *err = scan_memory(fdt, bi);

	if (!err)
		err = scan_reserved(fdt, bi);
	if (!err)
		err = scan_modules(fdt, bi);
	return err;
}

/*
 * `xen,xen-bootargs` wins; plain `bootargs` is ours only when dom0 has its
 * own command line elsewhere (xen,dom0-bootargs or the kernel module's).
 */
const char *bootfdt_xen_cmdline(const void *fdt, const struct bootinfo *bi)
{
	int chosen = fdt_path_offset(fdt, "/chosen");
	const struct bootmodule *kernel = bootinfo_find(bi, BOOTMOD_KERNEL);
	const char *s;

	if (chosen < 0)
		return "";
	s = dt_prop_string(fdt, chosen, "xen,xen-bootargs");
	if (s)
		return s;
	s = dt_prop_string(fdt, chosen, "bootargs");
	if (s && (fdt_getprop(fdt, chosen, "xen,dom0-bootargs", NULL) ||
		  (kernel && kernel->cmdline)))
		return s;
	return "";
}

/*
 * dom0's command line: the kernel module's bootargs, else
 * xen,dom0-bootargs, else /chosen bootargs when Xen has its own
 * xen,xen-bootargs; else "".
 */
const char *bootfdt_dom0_cmdline(const void *fdt, const struct bootinfo *bi)
{
	int chosen = fdt_path_offset(fdt, "/chosen");
	const struct bootmodule *kernel = bootinfo_find(bi, BOOTMOD_KERNEL);
	const char *s;

	if (kernel && kernel->cmdline)
		return kernel->cmdline;
	if (chosen < 0)
		return "";
	s = dt_prop_string(fdt, chosen, "xen,dom0-bootargs");
	if (s)
		return s;
	s = dt_prop_string(fdt, chosen, "bootargs");
	if (s && fdt_getprop(fdt, chosen, "xen,xen-bootargs", NULL))
		return s;
	return "";
}

const struct bootmodule *bootinfo_find(const struct bootinfo *bi,
				       enum bootmod_kind kind)
{
	unsigned int i;

	for (i = 0; i < bi->nr_mods; i++)
		if (bi->mod[i].kind == kind)
			return &bi->mod[i];
	return NULL;
}

const char *bootmod_kind_name(enum bootmod_kind kind)
{
	static const char *const names[] = {
		[BOOTMOD_XEN] = "Xen",
		[BOOTMOD_FDT] = "Device Tree",
		[BOOTMOD_KERNEL] = "Kernel",
		[BOOTMOD_RAMDISK] = "Ramdisk",
		[BOOTMOD_XSM] = "XSM",
		[BOOTMOD_GUEST_DTB] = "DTB",
		[BOOTMOD_UNKNOWN] = "Unknown",
	};

	return (unsigned int)kind < ARRAY_SIZE(names) ? names[kind] : "Unknown";
}
