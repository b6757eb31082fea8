// SPDX-License-Identifier: GPL-2.0-only
/*
 * Hypervisor page tables: identity maps in the LPAE long-descriptor
 * format, which ARMv8 (4K granule, EL2) and ARMv7 (HTTBR) share (Arm ARM
 * D8.3, B3.6). Everything is Device-nGnRE in 1 GiB blocks, RAM is Normal
 * write-back in 1 GiB or 2 MiB blocks.
 *  - boot table: built with the MMU off (aligned accesses only: the
 *    compiler is told -mstrict-align), knows only the image and the DTB;
 *  - runtime table: built once the DTB is read, maps every RAM bank.
 * Both map the image and the DTB with the same 2 MiB blocks, so switching
 * from one to the other needs only a TLB flush, no break-before-make.
 */
#include <xen/bootinfo.h>
#include <asm/isa.h>
#include <asm/setup.h>
#include <libfdt.h>
#include <xen/lib.h>

#define PT_ENTRIES 512
#define L1_SHIFT 30
#define L2_SHIFT 21
#define L1_SIZE (1ULL << L1_SHIFT)
#define L2_SIZE (1ULL << L2_SHIFT)
#define L2_TABLES 24

#define PTE_BLOCK 0x1ULL
#define PTE_TABLE 0x3ULL
#define PTE_ATTR(i) ((uint64_t)(i) << 2)	/* MAIR index, head.S sets MAIR */
#define PTE_AP1 (1ULL << 6)	/* RES1 in single-privilege regimes */
#define PTE_SH_INNER (3ULL << 8)
#define PTE_AF (1ULL << 10)
#define PTE_XN (1ULL << 54)
#define PTE_ADDR_MASK 0x0000fffffffff000ULL

#define PTE_DEVICE (PTE_ATTR(0) | PTE_AP1 | PTE_AF | PTE_XN)
#define PTE_NORMAL (PTE_ATTR(1) | PTE_AP1 | PTE_SH_INNER | PTE_AF)


static uint64_t boot_root[PT_ENTRIES] __aligned(4096);
static uint64_t runtime_root[PT_ENTRIES] __aligned(4096);
static uint64_t pt_l2[L2_TABLES][PT_ENTRIES] __aligned(4096);
static unsigned int l2_used;

/* The level-2 table under root entry i1, splitting a 1 GiB block. */
static uint64_t *l2_for(uint64_t *pt_root, unsigned int i1)
{
	uint64_t e = pt_root[i1], attrs = e & ~PTE_ADDR_MASK & ~3ULL;
	uint64_t *t;
	unsigned int i;

	if ((e & 3) == PTE_TABLE)
		return (uint64_t *)(uintptr_t)(e & PTE_ADDR_MASK);
	if (l2_used == L2_TABLES)
		return NULL;
	t = pt_l2[l2_used++];
	for (i = 0; i < PT_ENTRIES; i++)
		t[i] = ((uint64_t)i1 << L1_SHIFT) + ((uint64_t)i << L2_SHIFT) +
		       attrs + PTE_BLOCK;
	pt_root[i1] = (uint64_t)(uintptr_t)t | PTE_TABLE;
	return t;
}

static void pt_fill_device(uint64_t *pt_root)
{
	unsigned int i;

	for (i = 0; i < PT_ROOT_ENTRIES; i++)
		pt_root[i] = ((uint64_t)i << L1_SHIFT) | PTE_DEVICE | PTE_BLOCK;
}

/*
 * Maps [start, end) with `attrs`: whole 1 GiB blocks where `whole_gib` and
 * the range covers them, else 2 MiB blocks (rounded out). Addresses past
 * the table's reach are left alone.
 */
static void pt_map(uint64_t *pt_root, paddr_t start, paddr_t end,
		   uint64_t attrs, bool whole_gib)
{
	paddr_t a = ROUNDDOWN(start, L2_SIZE);

	while (a < end && (a >> L1_SHIFT) < PT_ROOT_ENTRIES) {
		unsigned int i1 = a >> L1_SHIFT;
		uint64_t *l2;

		if (whole_gib && !(a & (L1_SIZE - 1)) && end - a >= L1_SIZE &&
		    (pt_root[i1] & 3) != PTE_TABLE) {
			pt_root[i1] = a | attrs | PTE_BLOCK;
			a += L1_SIZE;
			continue;
		}
		l2 = l2_for(pt_root, i1);
		if (l2)
			l2[(a >> L2_SHIFT) % PT_ENTRIES] = a | attrs | PTE_BLOCK;
		a += L2_SIZE;
	}
}

/* The DTB's extent if `fdt` looks like one, else 0 (it is checked later). */
static paddr_t fdt_extent(paddr_t fdt)
{
	const void *p = (const void *)(uintptr_t)fdt;
	uint32_t size;

	if (!fdt || (fdt & 7) || (fdt >> L1_SHIFT) >= PT_ROOT_ENTRIES)
		return 0;
	if (fdt_magic(p) != FDT_MAGIC)
		return 0;
	size = fdt_totalsize(p);
	return size > FDT_MAX_SIZE ? FDT_MAX_SIZE : size;
}

paddr_t pt_build_boot(paddr_t img_start, paddr_t img_end, paddr_t fdt)
{
	paddr_t fdt_size = fdt_extent(fdt);

	pt_fill_device(boot_root);
	pt_map(boot_root, img_start, img_end, PTE_NORMAL, false);
	if (fdt_size)
		pt_map(boot_root, fdt, fdt + fdt_size, PTE_NORMAL, false);
	return (paddr_t)(uintptr_t)boot_root;
}

/*
 * RAM banks become Normal memory (a bank's partial 2 MiB ends stay
 * Device: nothing below 2 MiB granularity is mapped yet); the image and
 * the DTB keep exactly the blocks the boot table gave them.
 */
paddr_t pt_build_runtime(const struct bootinfo *bi)
{
	unsigned int i;

	pt_fill_device(runtime_root);
	for (i = 0; i < bi->mem.nr; i++) {
		paddr_t s = ROUNDUP(bi->mem.bank[i].start, L2_SIZE);
		paddr_t e = ROUNDDOWN(bi->mem.bank[i].start + bi->mem.bank[i].size, L2_SIZE);

		if (s < e)
			pt_map(runtime_root, s, e, PTE_NORMAL, true);
	}
	for (i = 0; i < bi->nr_mods; i++)
		if (bi->mod[i].kind == BOOTMOD_XEN || bi->mod[i].kind == BOOTMOD_FDT)
			pt_map(runtime_root, bi->mod[i].start,
			       bi->mod[i].start + bi->mod[i].size, PTE_NORMAL, false);
	return (paddr_t)(uintptr_t)runtime_root;
}
