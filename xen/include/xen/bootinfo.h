/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What the boot device tree tells the hypervisor: RAM banks, reserved
 * ranges (/memreserve/ and /reserved-memory), boot modules under /chosen
 * (docs/misc/arm/device-tree/booting.txt semantics) and the command line.
 */
#ifndef XEN_BOOTINFO_H
#define XEN_BOOTINFO_H

#include <xen/types.h>

enum bootmod_kind {
	BOOTMOD_XEN,
	BOOTMOD_FDT,
	BOOTMOD_KERNEL,
	BOOTMOD_RAMDISK,
	BOOTMOD_XSM,
	BOOTMOD_GUEST_DTB,
	BOOTMOD_UNKNOWN,
};

#define NR_MEM_BANKS 64
#define NR_BOOT_MODULES 32

struct membank {
	paddr_t start;
	paddr_t size;
};

struct meminfo {
	unsigned int nr;
	struct membank bank[NR_MEM_BANKS];
};

struct bootmodule {
	enum bootmod_kind kind;
	paddr_t start;
	paddr_t size;
	const char *cmdline;	/* the node's bootargs, or NULL */
	int node;		/* DT node, or -1 */
};

struct bootinfo {
	struct meminfo mem;
	struct meminfo reserved;
	unsigned int nr_mods;
	struct bootmodule mod[NR_BOOT_MODULES];
};

/* NULL if libfdt accepts the blob, else libfdt's reason. */
const char *bootfdt_check(const void *fdt);

/*
 * Fill `bi` with RAM, reserved ranges and /chosen modules (modules already
 * in `bi`, e.g. Xen and the DTB themselves, are kept). Returns NULL, or a
 * message naming the bad node/property.
 */
const char *bootfdt_scan(const void *fdt, struct bootinfo *bi);

/* The hypervisor command line chosen by the /chosen rules, or "". */
const char *bootfdt_xen_cmdline(const void *fdt, const struct bootinfo *bi);

/* dom0's command line by the same rules, or "". */
const char *bootfdt_dom0_cmdline(const void *fdt, const struct bootinfo *bi);

int bootinfo_add_module(struct bootinfo *bi, enum bootmod_kind kind,
			paddr_t start, paddr_t size, int node);
const struct bootmodule *bootinfo_find(const struct bootinfo *bi,
				       enum bootmod_kind kind);
const char *bootmod_kind_name(enum bootmod_kind kind);

/*
 * RAM banks minus reserved ranges and modules: what later allocators may
 * use. Returns the number of ranges written to `out`.
 */
unsigned int bootinfo_free_ram(const struct bootinfo *bi, struct meminfo *out);

/* The RAM:, RESVD[]: and MODULE[]: lines. */
void bootinfo_print(const struct bootinfo *bi);

#endif
