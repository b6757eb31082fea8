// SPDX-License-Identifier: GPL-2.0-only
/*
 * Stage-2 tables (xen/common/p2m.c) on a host arena: block sizes chosen
 * by alignment, lookups through blocks and pages, splitting a 1 GiB block
 * for a hole, 20000 random map/unmap operations checked page by page
 * against a flat model, limits, tables freed as soon as they map nothing
 * or map their span as one block, and destroy returning every table page.
 */
#include <stdlib.h>
#include <asm/host.h>
#include <xen/p2m.h>
#include "check.h"

#define ARENA_SIZE (64UL << 20)
#define GiB_PAGES (1ULL << 18)
#define MiB2_PAGES (1ULL << 9)
/* The model's window: 4 GiB of guest space starting at 1 GiB. */
#define WIN_BASE GiB_PAGES
#define WIN_PAGES (4 * GiB_PAGES)

static uint64_t *model_mfn;
static uint8_t *model_type;

static void test_blocks(void)
{
	struct p2m p2m;
	unsigned long c[4];
	enum p2m_type t;
	mfn_t m;

	CHECK(p2m_init(&p2m, 1) == 0);
	/* 1 GiB + 2 MiB + 3 pages, all aligned: one of each, then 3 pages. */
	CHECK(p2m_map(&p2m, _gfn(0x40000), _mfn(0x80000), GiB_PAGES + MiB2_PAGES + 3,
		      P2M_RAM_RW) == 0);
	p2m_count_leaves(&p2m, c);
	CHECK(c[1] == 1 && c[2] == 1 && c[3] == 3);
	m = p2m_lookup(&p2m, _gfn(0x40000 + 12345), &t);
	CHECK(mfn_x(m) == 0x80000 + 12345 && t == P2M_RAM_RW);
	m = p2m_lookup(&p2m, _gfn(0x40000 + GiB_PAGES + MiB2_PAGES + 2), &t);
	CHECK(mfn_x(m) == 0x80000 + GiB_PAGES + MiB2_PAGES + 2 && t == P2M_RAM_RW);
	m = p2m_lookup(&p2m, _gfn(0x40000 + GiB_PAGES + MiB2_PAGES + 3), &t);
	CHECK(mfn_x(m) == mfn_x(INVALID_MFN) && t == P2M_INVALID);
	/* A hole of one page in the 1 GiB block: 511 2 MiB blocks + 511 pages. */
	CHECK(p2m_unmap(&p2m, _gfn(0x40000 + 777), 1) == 0);
	p2m_count_leaves(&p2m, c);
	CHECK(c[1] == 0 && c[2] == 1 + 511 && c[3] == 3 + 511);
	CHECK(mfn_x(p2m_lookup(&p2m, _gfn(0x40000 + 777), &t)) == mfn_x(INVALID_MFN));
	CHECK(mfn_x(p2m_lookup(&p2m, _gfn(0x40000 + 778), &t)) == 0x80000 + 778);
	/* Misaligned mfn: pages only. MMIO type kept. */
	CHECK(p2m_map(&p2m, _gfn(0x200000), _mfn(0x9001), MiB2_PAGES, P2M_MMIO) == 0);
	m = p2m_lookup(&p2m, _gfn(0x200000 + 5), &t);
	CHECK(mfn_x(m) == 0x9006 && t == P2M_MMIO);
	/* Limits: beyond 40-bit IPA, wrap-around, bad type. */
	CHECK(p2m_map(&p2m, _gfn(1ULL << 28), _mfn(0), 1, P2M_RAM_RW) == -1);
	CHECK(p2m_map(&p2m, _gfn((1ULL << 28) - 1), _mfn(0), 2, P2M_RAM_RW) == -1);
	CHECK(p2m_map(&p2m, _gfn(~0ULL), _mfn(0), 2, P2M_RAM_RW) == -1);
	CHECK(p2m_map(&p2m, _gfn(0), _mfn(0), 1, P2M_INVALID) == -1);
	CHECK(p2m_map(&p2m, _gfn(0), _mfn(0), 1, (enum p2m_type)99) == -1);
	CHECK(mfn_x(p2m_lookup(&p2m, _gfn(1ULL << 40), &t)) == mfn_x(INVALID_MFN));
	CHECK((p2m_vttbr(&p2m) >> 48) == 1 && (p2m_vttbr(&p2m) & 0x1fff) == 0);
	p2m_destroy(&p2m);
}

/* What dom0 does for each guest: one page mapped far from anything else
 * (new tables), then unmapped: every table made for it is freed; a page
 * of a block lent out and put back: the block again. */
static void test_prune(void)
{
	unsigned long free0 = page_alloc_free_count(), flushes0, c[4];
	struct p2m p2m;
	enum p2m_type t;
	uint64_t i;

	CHECK(p2m_init(&p2m, 3) == 0);
	CHECK(p2m_map(&p2m, _gfn(0x40000), _mfn(0x80000), MiB2_PAGES, P2M_RAM_RW) == 0);
	CHECK(p2m.nr_tables == (1UL << P2M_ROOT_ORDER) + 1);
	CHECK(p2m_map(&p2m, _gfn(0x123456), _mfn(0x777), 2, P2M_RAM_RW) == 0);
	CHECK(p2m.nr_tables == (1UL << P2M_ROOT_ORDER) + 3);
	CHECK(p2m_unmap(&p2m, _gfn(0x123456), 1) == 0);
	CHECK(p2m.nr_tables == (1UL << P2M_ROOT_ORDER) + 3);	/* one page still mapped */
	flushes0 = host_p2m_flushes;
	CHECK(p2m_unmap(&p2m, _gfn(0x123457), 1) == 0);
	CHECK(p2m.nr_tables == (1UL << P2M_ROOT_ORDER) + 1);
	CHECK(host_p2m_flushes > flushes0 + 2);	/* each unhooked table flushed */
	CHECK(mfn_x(p2m_lookup(&p2m, _gfn(0x123457), &t)) == mfn_x(INVALID_MFN));
	CHECK(mfn_x(p2m_lookup(&p2m, _gfn(0x40000 + 5), &t)) == 0x80005 && t == P2M_RAM_RW);
	/* A hole unmapped again: nothing changes. */
	CHECK(p2m_unmap(&p2m, _gfn(0x123457), 1) == 0);
	CHECK(p2m.nr_tables == (1UL << P2M_ROOT_ORDER) + 1);
	/* A page punched out of the 2 MiB block: split (the table maps the
	 * other 511); put back as it was: one block again, the table freed. */
	CHECK(p2m_unmap(&p2m, _gfn(0x40000 + 9), 1) == 0);
	CHECK(p2m.nr_tables == (1UL << P2M_ROOT_ORDER) + 2);
	CHECK(p2m_map(&p2m, _gfn(0x40000 + 9), _mfn(0x80000 + 9), 1, P2M_RAM_RW) == 0);
	p2m_count_leaves(&p2m, c);
	CHECK(p2m.nr_tables == (1UL << P2M_ROOT_ORDER) + 1 && c[2] == 1 && c[3] == 0);
	CHECK(mfn_x(p2m_lookup(&p2m, _gfn(0x40000 + 9), &t)) == 0x80009 && t == P2M_RAM_RW);
	/* Put back with another frame, or another type: stays split. */
	CHECK(p2m_unmap(&p2m, _gfn(0x40000 + 9), 1) == 0);
	CHECK(p2m_map(&p2m, _gfn(0x40000 + 9), _mfn(0x90009), 1, P2M_RAM_RW) == 0);
	CHECK(p2m.nr_tables == (1UL << P2M_ROOT_ORDER) + 2);
	CHECK(p2m_map(&p2m, _gfn(0x40000 + 9), _mfn(0x80009), 1, P2M_RAM_RO) == 0);
	CHECK(p2m.nr_tables == (1UL << P2M_ROOT_ORDER) + 2);
	/* Misaligned frames never merge, however contiguous. */
	CHECK(p2m_map(&p2m, _gfn(0x200000), _mfn(0x5001), MiB2_PAGES, P2M_RAM_RW) == 0);
	CHECK(p2m.nr_tables == (1UL << P2M_ROOT_ORDER) + 4);
	CHECK(p2m_map(&p2m, _gfn(0x200000 + 7), _mfn(0x5001 + 7), 1, P2M_RAM_RW) == 0);
	CHECK(p2m.nr_tables == (1UL << P2M_ROOT_ORDER) + 4);
	CHECK(p2m_unmap(&p2m, _gfn(0x200000), MiB2_PAGES) == 0);
	CHECK(p2m_map(&p2m, _gfn(0x40000 + 9), _mfn(0x80009), 1, P2M_RAM_RW) == 0);
	CHECK(p2m.nr_tables == (1UL << P2M_ROOT_ORDER) + 1);
	/* 512 2 MiB blocks written one by one, contiguous and 1 GiB-aligned:
	 * one 1 GiB block in the end, no table under it. */
	for (i = 0; i < 512; i++)
		CHECK(p2m_map(&p2m, _gfn(0x300000 + i * MiB2_PAGES), _mfn(0xc0000 + i * MiB2_PAGES),
			      MiB2_PAGES, P2M_RAM_RW) == 0);
	p2m_count_leaves(&p2m, c);
	CHECK(c[1] == 1 && p2m.nr_tables == (1UL << P2M_ROOT_ORDER) + 1);
	CHECK(p2m_unmap(&p2m, _gfn(0x300000), GiB_PAGES) == 0);
	CHECK(p2m_unmap(&p2m, _gfn(0x40000), MiB2_PAGES) == 0);
	CHECK(p2m.nr_tables == 1UL << P2M_ROOT_ORDER);
	p2m_destroy(&p2m);
	CHECK(page_alloc_free_count() == free0);
}

static void model_set(uint64_t gfn, uint64_t mfn, uint64_t nr, enum p2m_type t)
{
	uint64_t i;

	for (i = 0; i < nr; i++) {
		model_mfn[gfn - WIN_BASE + i] = t == P2M_INVALID ? ~0ULL : mfn + i;
		model_type[gfn - WIN_BASE + i] = (uint8_t)t;
	}
}

/* Random ranges with a bias towards 2 MiB / 1 GiB alignment and sizes. */
static void random_op(struct p2m *p2m)
{
	static const uint64_t aligns[] = { 1, MiB2_PAGES, GiB_PAGES };
	uint64_t a = aligns[rand() % 3], gfn, mfn, nr;
	enum p2m_type t = (enum p2m_type)(rand() % P2M_NR_TYPES);

	gfn = WIN_BASE + ((uint64_t)rand() * 7919 % WIN_PAGES) / a * a;
	nr = 1 + (uint64_t)rand() % (a == 1 ? 3000 : 3 * a);
	if (gfn + nr > WIN_BASE + WIN_PAGES)
		nr = WIN_BASE + WIN_PAGES - gfn;
	mfn = ((uint64_t)rand() % 100000) * a;
	if (t == P2M_INVALID)
		CHECK(p2m_unmap(p2m, _gfn(gfn), nr) == 0);
	else
		CHECK(p2m_map(p2m, _gfn(gfn), _mfn(mfn), nr, t) == 0);
	model_set(gfn, mfn, nr, t);
}

static unsigned long compare_with_model(struct p2m *p2m)
{
	unsigned long bad = 0;
	uint64_t i;
	enum p2m_type t;

	for (i = 0; i < WIN_PAGES; i++) {
		mfn_t m = p2m_lookup(p2m, _gfn(WIN_BASE + i), &t);

		bad += mfn_x(m) != model_mfn[i] || t != model_type[i];
	}
	return bad;
}

static void test_random(void)
{
	unsigned long free0 = page_alloc_free_count(), flushes0 = host_p2m_flushes;
	struct p2m p2m;
	unsigned int i;

	model_mfn = malloc(WIN_PAGES * sizeof(*model_mfn));
	model_type = calloc(WIN_PAGES, 1);
	memset(model_mfn, 0xff, WIN_PAGES * sizeof(*model_mfn));
	CHECK(p2m_init(&p2m, 7) == 0);
	srand(4242);
	for (i = 0; i < 20000; i++) {
		random_op(&p2m);
		if (i % 5000 == 4999)
			CHECK(compare_with_model(&p2m) == 0);
	}
	CHECK(compare_with_model(&p2m) == 0);
	CHECK(host_p2m_flushes > flushes0);	/* replacing live entries flushed */
	CHECK(page_alloc_free_count() + p2m.nr_tables == free0);
	/* Unmapped page by page in a random order of 2 MiB chunks: only the root is left. */
	for (i = 0; i < WIN_PAGES / MiB2_PAGES; i++) {
		uint64_t chunk = (uint64_t)i * 97 % (WIN_PAGES / MiB2_PAGES), j;

		for (j = 0; j < MiB2_PAGES; j += 64)
			CHECK(p2m_unmap(&p2m, _gfn(WIN_BASE + chunk * MiB2_PAGES + j), 64) == 0);
	}
	CHECK(p2m.nr_tables == 1UL << P2M_ROOT_ORDER);
	CHECK(page_alloc_free_count() + p2m.nr_tables == free0);
	p2m_destroy(&p2m);
	CHECK(page_alloc_free_count() == free0);
	CHECK(p2m.root == NULL && p2m.nr_tables == 0);
	free(model_mfn);
	free(model_type);
}

int main(void)
{
	void *arena;

	if (posix_memalign(&arena, 2UL << 20, ARENA_SIZE))
		return 2;
	CHECK(page_alloc_add_range((uintptr_t)arena, (uintptr_t)arena + ARENA_SIZE) > 0);
	test_blocks();
	test_prune();
	CHECK(page_alloc_free_count() == page_alloc_total());
	test_random();
	free(arena);
	return check_result("test-p2m");
}
