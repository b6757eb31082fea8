// SPDX-License-Identifier: GPL-2.0-only
/*
 * The LPAE identity maps (xen/arch/arm/pt.c) with the arm64 geometry
 * (512 x 1 GiB at level 1): walk the built tables and check each
 * address's block size and memory type.
 */
#include <asm/setup.h>
#include <xen/bootinfo.h>
#include "check.h"

#define GIB (1ULL << 30)
#define MIB (1ULL << 20)

struct walk {
	uint64_t size;		/* block size, 0 = unmapped */
	unsigned int attr;	/* MAIR index: 0 Device, 1 Normal */
	uint64_t out;		/* output address */
};

static struct walk walk(paddr_t root, uint64_t va)
{
	const uint64_t *l1 = (const uint64_t *)(uintptr_t)root;
	uint64_t e = l1[(va >> 30) & 511];
	struct walk w = { GIB, 0, 0 };

	if ((e & 3) == 3) {
		const uint64_t *l2 = (const uint64_t *)(uintptr_t)(e & 0x0000fffffffff000ULL);

		e = l2[(va >> 21) & 511];
		w.size = 2 * MIB;
	}
	if ((e & 3) != 1)
		return (struct walk){ 0, 0, 0 };
	w.attr = (e >> 2) & 7;
	w.out = (e & 0x0000ffffffe00000ULL) + (va & (w.size - 1));
	return w;
}

static void test_boot_table(void)
{
	paddr_t root = pt_build_boot(0x40200000, 0x4021b000, 0);
	struct walk w;

	w = walk(root, 0x40210000);
	CHECK(w.size == 2 * MIB && w.attr == 1 && w.out == 0x40210000);
	w = walk(root, 0x40400000);
	CHECK(w.size == 2 * MIB && w.attr == 0);	/* rest of the GiB: Device */
	w = walk(root, 0x09000000);
	CHECK(w.size == GIB && w.attr == 0 && w.out == 0x09000000);
	w = walk(root, 0x7f00000000ULL);
	CHECK(w.size == GIB && w.attr == 0 && w.out == 0x7f00000000ULL);
}

static void test_runtime_table(void)
{
	struct bootinfo bi = { 0 };
	paddr_t root;
	struct walk w;

	bi.mem.nr = 2;
	bi.mem.bank[0] = (struct membank){ 0x40000000, 2 * GIB };
	bi.mem.bank[1] = (struct membank){ 0x100100000ULL, 0x300000 };
	bootinfo_add_module(&bi, BOOTMOD_XEN, 0x40200000, 0x1b000, -1);
	bootinfo_add_module(&bi, BOOTMOD_FDT, 0x48000000, 0x9000, -1);
	bootinfo_add_module(&bi, BOOTMOD_KERNEL, 0x4a000000, 0x100000, -1);
	root = pt_build_runtime(&bi);
	/* The image's GiB is split into 2 MiB blocks, as in the boot table. */
	w = walk(root, 0x40200000);
	CHECK(w.size == 2 * MIB && w.attr == 1);
	w = walk(root, 0x7fe00000);
	CHECK(w.size == 2 * MIB && w.attr == 1);
	/* A GiB that is all RAM and holds neither image nor DTB: one block. */
	w = walk(root, 0x80000000);
	CHECK(w.size == GIB && w.attr == 1 && w.out == 0x80000000);
	w = walk(root, 0xbfffffff);
	CHECK(w.attr == 1 && w.out == 0xbfffffff);
	/* An unaligned bank: only its whole 2 MiB block is Normal. */
	w = walk(root, 0x100000000ULL);
	CHECK(w.size == 2 * MIB && w.attr == 0);
	w = walk(root, 0x100200000ULL);
	CHECK(w.size == 2 * MIB && w.attr == 1);
	w = walk(root, 0x100400000ULL);
	CHECK(w.attr == 0);
	w = walk(root, 0x09000000);
	CHECK(w.size == GIB && w.attr == 0);
}

int main(void)
{
	test_boot_table();
	test_runtime_table();
	return check_result("test-pt");
}
