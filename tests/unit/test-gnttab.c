// SPDX-License-Identifier: GPL-2.0-only
/*
 * Grant tables v1 (xen/common/grant_table.c) on the host: every op, each
 * GNTST_* refusal in Xen's order, GTF_reading/GTF_writing, maptrack
 * handles and their exhaustion, copy by gref and by own gmfn, destroy
 * cleanup; then a random-operation fuzz test checking that the status bits
 * always match the live mappings and nothing leaks. The hypervisor side
 * (RAM pages, stage-2 slots for mappings) is a small table here.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <xen/grant_table.h>
#include <public/errno.h>
#include "check.h"

#define NDOM 4
#define RAM_GFN 0x100U
#define RAM_PAGES 16U
#define WIN 0x80000000ULL       /* where a domain maps foreign grants */
#define WIN_SLOTS 64U
#define FRAME_GFN 0x38000U

struct fake_dom {
	bool exists;
	struct gnttab_domain gt;
	uint8_t (*ram)[4096];
	struct { uint64_t mfn; bool used, ro; } slot[WIN_SLOTS];
	int refs;
};

static struct fake_dom doms[NDOM];
static bool exact_bus = true;
static long live_allocs, live_frames;

/* container_of, as the core would: d may have been wiped by destroy. */
static struct fake_dom *fd_of(struct gnttab_domain *d)
{
	return (struct fake_dom *)((char *)d - offsetof(struct fake_dom, gt));
}

static struct gnttab_domain *f_get(domid_t id)
{
	if (id >= NDOM || !doms[id].exists)
		return NULL;
	__atomic_fetch_add(&doms[id].refs, 1, __ATOMIC_SEQ_CST);
	return &doms[id].gt;
}

static void f_put(struct gnttab_domain *d)
{
	__atomic_fetch_sub(&fd_of(d)->refs, 1, __ATOMIC_SEQ_CST);
}

static bool f_may_target(struct gnttab_domain *c, struct gnttab_domain *t)
{
	return c == t || c->domid == 0;
}

static void *f_zalloc(size_t n)
{
	__atomic_fetch_add(&live_allocs, 1, __ATOMIC_SEQ_CST);
	return calloc(1, n);
}

static void f_free(void *p)
{
	if (p)
		__atomic_fetch_sub(&live_allocs, 1, __ATOMIC_SEQ_CST);
	free(p);
}

static void *f_alloc_frame(void)
{
	void *p = aligned_alloc(4096, 4096);

	if (p) {
		memset(p, 0, 4096);
		__atomic_fetch_add(&live_frames, 1, __ATOMIC_SEQ_CST);
	}
	return p;
}

static void f_free_frame(void *p)
{
	CHECK(((uintptr_t)p & 4095) == 0);
	__atomic_fetch_sub(&live_frames, 1, __ATOMIC_SEQ_CST);
	free(p);
}

static uint64_t f_frame_gfn(struct gnttab_domain *d, unsigned int idx)
{
	(void)d;
	return idx < 2 ? FRAME_GFN + idx : GNTTAB_NO_GFN;
}

static int f_put_frame_gfn(struct gnttab_domain *cur, uint64_t hnd,
			   unsigned int idx, xen_pfn_t gfn)
{
	(void)cur;
	if (!hnd)
		return -1;
	((xen_pfn_t *)(uintptr_t)hnd)[idx] = gfn;
	return 0;
}

/* mfn = domid << 12 | gfn: a machine frame names its owner's RAM page. */
static int f_gfn_to_mfn(struct gnttab_domain *d, uint64_t gfn, bool write,
			uint64_t *mfn)
{
	(void)write;
	if (gfn < RAM_GFN || gfn >= RAM_GFN + RAM_PAGES)
		return GNTST_bad_page;
	*mfn = (uint64_t)d->domid << 12 | gfn;
	return GNTST_okay;
}

static uint8_t *mfn_ptr(uint64_t mfn)
{
	struct fake_dom *f = &doms[mfn >> 12];

	CHECK((mfn >> 12) < NDOM && f->ram);
	return f->ram[(mfn & 0xfff) - RAM_GFN];
}

static int slot_of(uint64_t host_addr)
{
	if (host_addr < WIN || host_addr >= WIN + WIN_SLOTS * 4096ULL || host_addr & 4095)
		return -1;
	return (host_addr - WIN) / 4096;
}

static int f_map(struct gnttab_domain *d, uint64_t host_addr, uint64_t mfn, bool ro)
{
	int s = slot_of(host_addr);

	if (s < 0 || fd_of(d)->slot[s].used)
		return GNTST_general_error;
	fd_of(d)->slot[s].used = true;
	fd_of(d)->slot[s].mfn = mfn;
	fd_of(d)->slot[s].ro = ro;
	return GNTST_okay;
}

static int f_unmap(struct gnttab_domain *d, uint64_t host_addr, uint64_t mfn)
{
	int s = slot_of(host_addr);

	if (s < 0 || !fd_of(d)->slot[s].used || fd_of(d)->slot[s].mfn != mfn)
		return GNTST_general_error;
	fd_of(d)->slot[s].used = false;
	return GNTST_okay;
}

static void f_copy(uint64_t dmfn, unsigned int doff, uint64_t smfn,
		   unsigned int soff, unsigned int len)
{
	CHECK(doff + len <= 4096 && soff + len <= 4096);
	memmove(mfn_ptr(dmfn) + doff, mfn_ptr(smfn) + soff, len);
}

static const struct gnttab_ops fake_ops = {
	.get = f_get, .put = f_put, .may_target = f_may_target,
	.zalloc = f_zalloc, .free = f_free, .alloc_frame = f_alloc_frame,
	.free_frame = f_free_frame, .frame_gfn = f_frame_gfn,
	.put_frame_gfn = f_put_frame_gfn, .gfn_to_mfn = f_gfn_to_mfn,
	.map = f_map, .unmap = f_unmap, .copy = f_copy,
};

static void dom_create(domid_t id, unsigned int max_maptrack)
{
	struct fake_dom *f = &doms[id];

	memset(f, 0, sizeof(*f));
	f->ram = calloc(RAM_PAGES, 4096);
	CHECK(gnttab_domain_init(&f->gt, id, GNTTAB_DEFAULT_MAX_FRAMES, max_maptrack) == 0);
	f->exists = true;
}

static void dom_destroy(domid_t id)
{
	doms[id].exists = false;
	gnttab_domain_destroy(&doms[id].gt);
	free(doms[id].ram);
	doms[id].ram = NULL;
}

static struct gnttab_domain *gt(domid_t id)
{
	return &doms[id].gt;
}

static struct grant_entry_v1 *entry(domid_t id, grant_ref_t ref)
{
	void *page;

	CHECK(gnttab_get_frame(gt(id), ref / 512, &page) == 0);
	return &((struct grant_entry_v1 *)page)[ref % 512];
}

static void grant(domid_t granter, grant_ref_t ref, uint16_t flags, domid_t to,
		  uint32_t gfn)
{
	struct grant_entry_v1 *e = entry(granter, ref);

	e->domid = to;
	e->frame = gfn;
	e->flags = flags;
}

static int16_t map(domid_t cur, domid_t dom, grant_ref_t ref, uint32_t flags,
		   unsigned int slot, grant_handle_t *h)
{
	struct gnttab_map_grant_ref op = {
		.host_addr = WIN + slot * 4096ULL, .flags = flags, .ref = ref,
		.dom = dom, .handle = 0xdead,
	};

	CHECK(gnttab_op(gt(cur), GNTTABOP_map_grant_ref, &op, 1) == 0);
	*h = op.handle;
	/* The frame of the first pin (the fuzz rewrites pinned entries). */
	if (op.status == GNTST_okay && exact_bus)
		CHECK(op.dev_bus_addr == ((uint64_t)dom << 12 | entry(dom, ref)->frame) << 12);
	if (op.status == GNTST_okay)
		CHECK(op.dev_bus_addr >> 24 == dom);
	return op.status;
}

static int16_t unmap(domid_t cur, grant_handle_t h, unsigned int slot, uint64_t bus)
{
	struct gnttab_unmap_grant_ref op = {
		.host_addr = slot == ~0u ? 0 : WIN + slot * 4096ULL,
		.dev_bus_addr = bus, .handle = h,
	};

	CHECK(gnttab_op(gt(cur), GNTTABOP_unmap_grant_ref, &op, 1) == 0);
	return op.status;
}

static uint16_t status_bits(domid_t id, grant_ref_t ref)
{
	return entry(id, ref)->flags & (GTF_reading | GTF_writing);
}

static void teardown(void)
{
	unsigned int i;

	for (i = 0; i < NDOM; i++)
		if (doms[i].exists)
			dom_destroy(i);
	CHECK(live_allocs == 0 && live_frames == 0);
	for (i = 0; i < NDOM; i++)
		CHECK(doms[i].refs == 0);
}

static void setup(void)
{
	unsigned int i;

	for (i = 0; i < 3; i++)
		dom_create(i, GNTTAB_DEFAULT_MAX_MAPTRACK);
}

/* ---- cases ---- */

static void test_abi(void)
{
	CHECK(sizeof(struct grant_entry_v1) == 8);
	CHECK(sizeof(struct gnttab_map_grant_ref) == 32);
	CHECK(sizeof(struct gnttab_unmap_grant_ref) == 24);
	CHECK(sizeof(struct gnttab_copy) == 40);
	CHECK(sizeof(struct gnttab_setup_table) == 24);
	CHECK(sizeof(struct gnttab_query_size) == 16);
	CHECK(sizeof(struct gnttab_get_version) == 8);
	CHECK(gnttab_op_size(GNTTABOP_copy) == 40);
	CHECK(gnttab_op_size(GNTTABOP_dump_table) == 0);
	CHECK(gnttab_op_size(1000) == 0);
}

static void test_table_ops(void)
{
	struct gnttab_query_size q = { .dom = DOMID_SELF };
	xen_pfn_t list[4] = { 0 };
	struct gnttab_setup_table st = { .dom = DOMID_SELF, .nr_frames = 4 };
	struct gnttab_set_version sv = { .version = 1 };
	struct gnttab_get_version gv = { .dom = DOMID_SELF };
	void *page;

	setup();
	CHECK(gnttab_op(gt(1), GNTTABOP_query_size, &q, 1) == 0);
	CHECK(q.status == GNTST_okay && q.nr_frames == 0 && q.max_nr_frames == 64);
	CHECK(gnttab_op(gt(1), GNTTABOP_query_size, &q, 2) == -XEN_EINVAL);
	q.dom = 2;
	CHECK(gnttab_op(gt(1), GNTTABOP_query_size, &q, 1) == 0);
	CHECK(q.status == GNTST_permission_denied);
	q.dom = 9;
	CHECK(gnttab_op(gt(0), GNTTABOP_query_size, &q, 1) == 0 && q.status == GNTST_bad_domain);

	set_xen_guest_handle(st.frame_list, list);
	CHECK(gnttab_op(gt(1), GNTTABOP_setup_table, &st, 1) == 0 && st.status == GNTST_okay);
	CHECK(list[0] == FRAME_GFN && list[1] == FRAME_GFN + 1 && list[2] == GNTTAB_NO_GFN);
	q.dom = 1;
	CHECK(gnttab_op(gt(0), GNTTABOP_query_size, &q, 1) == 0 && q.nr_frames == 4);
	st.nr_frames = 65;
	CHECK(gnttab_op(gt(1), GNTTABOP_setup_table, &st, 1) == 0);
	CHECK(st.status == GNTST_general_error);
	st.nr_frames = 2;
	st.dom = 2;
	CHECK(gnttab_op(gt(1), GNTTABOP_setup_table, &st, 1) == 0);
	CHECK(st.status == GNTST_permission_denied);
	st.dom = 3;
	CHECK(gnttab_op(gt(0), GNTTABOP_setup_table, &st, 1) == 0 && st.status == GNTST_bad_domain);
	st.dom = DOMID_SELF;
	st.frame_list.q = 0;
	CHECK(gnttab_op(gt(1), GNTTABOP_setup_table, &st, 1) == 0);
	CHECK(st.status == GNTST_bad_virt_addr);
	CHECK(gnttab_op(gt(1), GNTTABOP_setup_table, &st, 0) == -XEN_EINVAL);

	CHECK(gnttab_op(gt(1), GNTTABOP_set_version, &sv, 1) == 0 && sv.version == 1);
	sv.version = 2;
	CHECK(gnttab_op(gt(1), GNTTABOP_set_version, &sv, 1) == -XEN_EOPNOTSUPP);
	CHECK(sv.version == 1);
	sv.version = 3;
	CHECK(gnttab_op(gt(1), GNTTABOP_set_version, &sv, 1) == -XEN_EINVAL && sv.version == 1);
	CHECK(gnttab_op(gt(1), GNTTABOP_get_version, &gv, 1) == 0 && gv.version == 1);
	gv.dom = 0;
	CHECK(gnttab_op(gt(1), GNTTABOP_get_version, &gv, 1) == -XEN_EPERM);
	gv.dom = 3;
	CHECK(gnttab_op(gt(0), GNTTABOP_get_version, &gv, 1) == -XEN_ESRCH);
	CHECK(gnttab_op(gt(0), GNTTABOP_dump_table, &gv, 1) == -XEN_ENOSYS);
	CHECK(gnttab_op(gt(0), 77, &gv, 1) == -XEN_ENOSYS);

	CHECK(gnttab_get_frame(gt(2), 64, &page) == -XEN_EINVAL);
	CHECK(gnttab_get_frame(gt(2), 0x80000000UL, &page) == -XEN_EINVAL);
	CHECK(gnttab_get_frame(gt(2), 63, &page) == 0 && gt(2)->nr_frames == 64);
	teardown();
}

static void test_map_unmap(void)
{
	grant_handle_t rw, ro, h;
	uint8_t *p;

	setup();
	grant(1, 8, GTF_permit_access, 0, RAM_GFN + 1);
	CHECK(map(0, 1, 8, GNTMAP_host_map, 0, &rw) == GNTST_okay);
	CHECK(status_bits(1, 8) == (GTF_reading | GTF_writing));
	CHECK(doms[0].slot[0].used && !doms[0].slot[0].ro);
	p = mfn_ptr(doms[0].slot[0].mfn);
	CHECK(p == doms[1].ram[1]);
	CHECK(map(0, 1, 8, GNTMAP_host_map | GNTMAP_readonly, 1, &ro) == GNTST_okay);
	CHECK(ro != rw && doms[0].slot[1].ro);
	CHECK(gt(0)->maptrack_limit > 0 && gt(0)->maptrack_used == 2);
	/* Checks of the unmap request before anything is undone. */
	CHECK(unmap(0, rw, 0, 0x1234000) == GNTST_general_error);
	CHECK(unmap(0, rw, 5, 0) == GNTST_general_error);     /* wrong address */
	CHECK(unmap(0, rw, ~0u, 0) == GNTST_okay);            /* nothing asked */
	CHECK(doms[0].slot[0].used && status_bits(1, 8) == (GTF_reading | GTF_writing));
	CHECK(unmap(0, rw, 0, (uint64_t)(1 << 12 | (RAM_GFN + 1)) << 12) == GNTST_okay);
	CHECK(status_bits(1, 8) == GTF_reading && !doms[0].slot[0].used);
	CHECK(unmap(0, rw, 0, 0) == GNTST_bad_handle);        /* double unmap */
	CHECK(unmap(0, 12345, 0, 0) == GNTST_bad_handle);
	CHECK(unmap(0, 0xffffffff, 0, 0) == GNTST_bad_handle);
	CHECK(unmap(0, ro, 1, 0) == GNTST_okay && status_bits(1, 8) == 0);
	CHECK(entry(1, 8)->flags == GTF_permit_access);
	/* No handle in use: the maptrack chunks went back (and come again). */
	CHECK(gt(0)->maptrack_limit == 0 && gt(0)->maptrack_used == 0);

	/* A read-only map first, then a writable one adds GTF_writing. */
	CHECK(map(0, 1, 8, GNTMAP_host_map | GNTMAP_readonly, 2, &ro) == GNTST_okay);
	CHECK(status_bits(1, 8) == GTF_reading);
	CHECK(map(0, 1, 8, GNTMAP_host_map, 3, &rw) == GNTST_okay);
	CHECK(status_bits(1, 8) == (GTF_reading | GTF_writing));
	CHECK(unmap(0, ro, 2, 0) == GNTST_okay);
	CHECK(status_bits(1, 8) == (GTF_reading | GTF_writing));
	CHECK(unmap(0, rw, 3, 0) == GNTST_okay && status_bits(1, 8) == 0);

	/* Mapping one's own grant works (dom = own id, not DOMID_SELF). */
	grant(0, 9, GTF_permit_access, 0, RAM_GFN);
	CHECK(map(0, 0, 9, GNTMAP_host_map, 4, &h) == GNTST_okay);
	CHECK(unmap(0, h, 4, 0) == GNTST_okay);
	teardown();
}

static void test_map_refusals(void)
{
	grant_handle_t h, h2;

	setup();
	grant(1, 8, GTF_permit_access, 0, RAM_GFN);
	CHECK(map(0, 1, 8, 0, 0, &h) == GNTST_bad_gntref);
	CHECK(map(0, 1, 8, GNTMAP_readonly, 0, &h) == GNTST_bad_gntref);
	CHECK(map(0, 1, 8, GNTMAP_device_map, 0, &h) == GNTST_general_error);
	CHECK(map(0, 1, 8, GNTMAP_host_map | GNTMAP_device_map, 0, &h) == GNTST_general_error);
	CHECK(map(0, 1, 8, GNTMAP_host_map | GNTMAP_application_map, 0, &h) == GNTST_general_error);
	CHECK(map(0, 1, 8, GNTMAP_host_map | GNTMAP_contains_pte, 0, &h) == GNTST_general_error);
	CHECK(map(0, 1, 8, GNTMAP_host_map | 0x100, 0, &h) == GNTST_general_error);
	CHECK(map(0, 7, 8, GNTMAP_host_map, 0, &h) == GNTST_bad_domain);
	CHECK(map(0, DOMID_SELF, 8, GNTMAP_host_map, 0, &h) == GNTST_bad_domain);
	CHECK(map(0, 1, 512, GNTMAP_host_map, 0, &h) == GNTST_bad_gntref);  /* 1 frame */
	CHECK(map(0, 1, 0xffffffff, GNTMAP_host_map, 0, &h) == GNTST_bad_gntref);
	CHECK(map(2, 1, 8, GNTMAP_host_map, 0, &h) == GNTST_general_error); /* not for dom2 */
	grant(1, 10, GTF_invalid, 0, RAM_GFN);
	CHECK(map(0, 1, 10, GNTMAP_host_map, 0, &h) == GNTST_general_error);
	grant(1, 10, GTF_accept_transfer, 0, RAM_GFN);
	CHECK(map(0, 1, 10, GNTMAP_host_map, 0, &h) == GNTST_general_error);
	grant(1, 10, GTF_permit_access | GTF_sub_page, 0, RAM_GFN);
	CHECK(map(0, 1, 10, GNTMAP_host_map, 0, &h) == GNTST_general_error);
	grant(1, 10, GTF_permit_access | GTF_readonly, 0, RAM_GFN);
	CHECK(map(0, 1, 10, GNTMAP_host_map, 0, &h) == GNTST_general_error);
	CHECK(status_bits(1, 10) == 0);
	CHECK(map(0, 1, 10, GNTMAP_host_map | GNTMAP_readonly, 0, &h) == GNTST_okay);
	CHECK(status_bits(1, 10) == GTF_reading);
	CHECK(map(0, 1, 10, GNTMAP_host_map, 1, &h2) == GNTST_general_error);
	CHECK(status_bits(1, 10) == GTF_reading);
	CHECK(unmap(0, h, 0, 0) == GNTST_okay && status_bits(1, 10) == 0);
	grant(1, 11, GTF_permit_access | GTF_PWT, 0, RAM_GFN);
	CHECK(map(0, 1, 11, GNTMAP_host_map, 0, &h) == GNTST_general_error);
	CHECK(status_bits(1, 11) == 0);
	grant(1, 12, GTF_permit_access, 0, 0x5000);               /* not RAM */
	CHECK(map(0, 1, 12, GNTMAP_host_map, 0, &h) == GNTST_bad_page);
	CHECK(status_bits(1, 12) == 0);
	/* The stage-2 map fails (slot taken): pins and bits undone. */
	CHECK(map(0, 1, 8, GNTMAP_host_map, 0, &h) == GNTST_okay);
	CHECK(map(0, 1, 8, GNTMAP_host_map | GNTMAP_readonly, 0, &h2) == GNTST_general_error);
	CHECK(unmap(0, h, 0, 0) == GNTST_okay && status_bits(1, 8) == 0);
	/* Pinned by dom0; the granter re-points the entry at dom2: refused. */
	CHECK(map(0, 1, 8, GNTMAP_host_map, 0, &h) == GNTST_okay);
	entry(1, 8)->domid = 2;
	CHECK(map(2, 1, 8, GNTMAP_host_map, 0, &h2) == GNTST_general_error);
	CHECK(unmap(0, h, 0, 0) == GNTST_okay && status_bits(1, 8) == 0);
	teardown();

	/* Maptrack exhaustion, and a batch with one bad op in the middle. */
	dom_create(0, 3);
	dom_create(1, 3);
	grant(1, 8, GTF_permit_access, 0, RAM_GFN);
	{
		struct gnttab_map_grant_ref ops3[4];
		unsigned int i;

		memset(ops3, 0, sizeof(ops3));
		for (i = 0; i < 4; i++) {
			ops3[i].host_addr = WIN + i * 4096ULL;
			ops3[i].flags = GNTMAP_host_map;
			ops3[i].ref = 8;
			ops3[i].dom = 1;
		}
		ops3[1].ref = 9999;
		CHECK(gnttab_op(gt(0), GNTTABOP_map_grant_ref, ops3, 4) == 0);
		CHECK(ops3[0].status == GNTST_okay && ops3[1].status == GNTST_bad_gntref);
		CHECK(ops3[2].status == GNTST_okay && ops3[3].status == GNTST_okay);
		CHECK(map(0, 1, 8, GNTMAP_host_map, 5, &h) == GNTST_no_device_space);
		CHECK(unmap(0, ops3[2].handle, 2, 0) == GNTST_okay);
		CHECK(map(0, 1, 8, GNTMAP_host_map, 5, &h) == GNTST_okay);
		CHECK(h == ops3[2].handle);
	}
	teardown();
}

static int16_t copy(domid_t cur, uint16_t flags, domid_t sd, uint64_t s, uint16_t soff,
		    domid_t dd, uint64_t d, uint16_t doff, uint16_t len)
{
	struct gnttab_copy op = { .flags = flags, .len = len };

	op.source.domid = sd;
	op.source.offset = soff;
	op.dest.domid = dd;
	op.dest.offset = doff;
	if (flags & GNTCOPY_source_gref)
		op.source.u.ref = s;
	else
		op.source.u.gmfn = s;
	if (flags & GNTCOPY_dest_gref)
		op.dest.u.ref = d;
	else
		op.dest.u.gmfn = d;
	CHECK(gnttab_op(gt(cur), GNTTABOP_copy, &op, 1) == 0);
	return op.status;
}

static void test_copy(void)
{
	const uint16_t S = GNTCOPY_source_gref, D = GNTCOPY_dest_gref;

	setup();
	memset(doms[1].ram[3], 0x5a, 4096);
	doms[1].ram[3][100] = 0x11;
	grant(1, 9, GTF_permit_access | GTF_readonly, 0, RAM_GFN + 3);
	grant(1, 10, GTF_permit_access, 0, RAM_GFN + 4);
	CHECK(copy(0, S, 1, 9, 100, DOMID_SELF, RAM_GFN + 2, 200, 50) == GNTST_okay);
	CHECK(doms[0].ram[2][200] == 0x11 && doms[0].ram[2][249] == 0x5a);
	CHECK(doms[0].ram[2][199] == 0 && doms[0].ram[2][250] == 0);
	CHECK(status_bits(1, 9) == 0);
	/* Into a read-only grant: refused; into a writable one: done. */
	CHECK(copy(0, D, DOMID_SELF, RAM_GFN, 0, 1, 9, 0, 8) == GNTST_general_error);
	doms[0].ram[0][0] = 0x77;
	CHECK(copy(0, D, DOMID_SELF, RAM_GFN, 0, 1, 10, 4000, 1) == GNTST_okay);
	CHECK(doms[1].ram[4][4000] == 0x77 && status_bits(1, 10) == 0);
	/* gref to gref, both granted to dom0. */
	CHECK(copy(0, S | D, 1, 9, 0, 1, 10, 0, 4096) == GNTST_okay);
	CHECK(doms[1].ram[4][100] == 0x11);
	/* Refusals in Xen's order, status bits left clear. */
	CHECK(copy(0, 0, 1, RAM_GFN, 0, DOMID_SELF, RAM_GFN, 0, 1) == GNTST_permission_denied);
	CHECK(copy(0, 0, 7, RAM_GFN, 0, DOMID_SELF, RAM_GFN, 0, 1) == GNTST_bad_domain);
	doms[0].ram[5][0] = 0x42;                 /* own id works like DOMID_SELF */
	CHECK(copy(0, 0, 0, RAM_GFN + 5, 0, DOMID_SELF, RAM_GFN + 6, 0, 1) == GNTST_okay);
	CHECK(doms[0].ram[6][0] == 0x42);
	CHECK(copy(0, 0, DOMID_SELF, RAM_GFN, 0, 1, RAM_GFN, 0, 1) == GNTST_permission_denied);
	CHECK(copy(0, S, 7, 9, 0, DOMID_SELF, RAM_GFN, 0, 1) == GNTST_bad_domain);
	CHECK(copy(0, S, 1, 600, 0, DOMID_SELF, RAM_GFN, 0, 1) == GNTST_bad_gntref);
	CHECK(copy(2, S, 1, 9, 0, DOMID_SELF, RAM_GFN, 0, 1) == GNTST_general_error);
	CHECK(copy(0, S, 1, 9, 0, DOMID_SELF, 0x9999, 0, 1) == GNTST_bad_page);
	CHECK(status_bits(1, 9) == 0);
	CHECK(copy(0, S, 1, 9, 4000, DOMID_SELF, RAM_GFN, 0, 200) == GNTST_bad_copy_arg);
	CHECK(copy(0, S, 1, 9, 0, DOMID_SELF, RAM_GFN, 4095, 2) == GNTST_bad_copy_arg);
	CHECK(copy(0, 0, DOMID_SELF, RAM_GFN, 65535, DOMID_SELF, RAM_GFN, 0, 65535) == GNTST_bad_copy_arg);
	CHECK(status_bits(1, 9) == 0 && status_bits(1, 10) == 0);
	teardown();
}

static void test_destroy(void)
{
	grant_handle_t h1, h2, h3;

	setup();
	grant(1, 8, GTF_permit_access, 0, RAM_GFN);
	grant(1, 9, GTF_permit_access, 0, RAM_GFN + 1);
	grant(2, 8, GTF_permit_access, 0, RAM_GFN);
	CHECK(map(0, 1, 8, GNTMAP_host_map, 0, &h1) == GNTST_okay);
	CHECK(map(0, 1, 9, GNTMAP_host_map | GNTMAP_readonly, 1, &h2) == GNTST_okay);
	CHECK(map(0, 2, 8, GNTMAP_host_map, 2, &h3) == GNTST_okay);
	/* The granter dies first: dom0 can still unmap its mapping. */
	dom_destroy(2);
	CHECK(unmap(0, h3, 2, 0) == GNTST_okay && !doms[0].slot[2].used);
	/* The mapper dies: the granter's entries are released. */
	dom_destroy(0);
	CHECK(status_bits(1, 8) == 0 && status_bits(1, 9) == 0);
	gnttab_domain_destroy(gt(0));                   /* twice: no-op */
	teardown();
	{
		struct gnttab_domain z;

		CHECK(gnttab_domain_init(&z, 5, 0, 10) == -XEN_EINVAL);
		CHECK(gnttab_op(&z, GNTTABOP_query_size, &z, 1) == -XEN_EINVAL);
	}
	{
		/* Known to the core, grant table not set up: as absent. */
		grant_handle_t h;
		struct gnttab_query_size q = { .dom = 2 };

		setup();
		gnttab_domain_destroy(gt(2));
		CHECK(map(0, 2, 8, GNTMAP_host_map, 0, &h) == GNTST_bad_domain);
		CHECK(gnttab_op(gt(0), GNTTABOP_query_size, &q, 1) == 0);
		CHECK(q.status == GNTST_bad_domain);
		teardown();
	}
}
/* ---- random-operation fuzz ---- */

struct model_map {
	domid_t mapper, granter;
	grant_ref_t ref;
	grant_handle_t handle;
	unsigned int slot;
	bool ro;
};

#define MODEL_MAX 512
static struct model_map model[MODEL_MAX];
static unsigned int nmodel;
static __thread uint64_t rng_state;  /* per thread for the SMP run */

static unsigned int rnd(unsigned int n)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return (unsigned int)(rng_state % n);
}

static domid_t live_dom(void)
{
	domid_t d;

	do
		d = rnd(3);
	while (!doms[d].exists);
	return d;
}

static domid_t rnd_dom(void)
{
	static const domid_t ids[] = { 0, 1, 2, 0, 1, 2, 3, DOMID_SELF };

	return ids[rnd(ARRAY_SIZE(ids))];
}

static grant_ref_t rnd_ref(void)
{
	return rnd(8) ? rnd(24) : 500 + rnd(40);
}

/* A guest rewrites an entry; the status bits are the hypervisor's. */
static void fuzz_grant(void)
{
	static const uint16_t kinds[] = {
		GTF_permit_access, GTF_permit_access, GTF_permit_access | GTF_readonly,
		GTF_invalid, GTF_accept_transfer, GTF_permit_access | GTF_sub_page,
		GTF_permit_access | GTF_PCD,
	};
	domid_t g = live_dom();
	struct grant_entry_v1 *e = entry(g, rnd_ref());
	uint16_t keep = e->flags & (GTF_reading | GTF_writing);

	e->domid = rnd(4);
	e->frame = rnd(8) ? RAM_GFN + rnd(RAM_PAGES) : 0x4000;
	e->flags = kinds[rnd(ARRAY_SIZE(kinds))] | keep;
}

static bool fuzz_map(void)
{
	static const uint32_t fl[] = {
		GNTMAP_host_map, GNTMAP_host_map | GNTMAP_readonly,
		GNTMAP_host_map, 0, GNTMAP_device_map | GNTMAP_host_map,
	};
	domid_t c = live_dom(), g = rnd_dom();
	uint32_t flags = fl[rnd(ARRAY_SIZE(fl))];
	unsigned int slot = rnd(WIN_SLOTS), i;
	grant_ref_t ref = rnd_ref();
	grant_handle_t h;

	if (nmodel == MODEL_MAX || map(c, g, ref, flags, slot, &h) != GNTST_okay)
		return true;
	for (i = 0; i < nmodel; i++)
		if (model[i].mapper == c && model[i].handle == h)
			return false;           /* handle handed out twice */
	model[nmodel++] = (struct model_map){ c, g, ref, h, slot, flags & GNTMAP_readonly };
	return true;
}

static bool fuzz_unmap(void)
{
	domid_t c = live_dom();
	struct model_map *m = NULL;
	grant_handle_t h = rnd(24);
	/* A wrong address is outside the window: one inside could hold
	 * another mapping of the same frame, which Xen would remove. */
	unsigned int i, slot = rnd(4) ? WIN_SLOTS + rnd(4) : ~0u;

	for (i = 0; i < nmodel && rnd(3); i++)
		if (model[i].mapper == c) {
			h = model[i].handle;
			slot = rnd(4) ? model[i].slot : WIN_SLOTS + rnd(4);
		}
	for (i = 0; i < nmodel; i++)
		if (model[i].mapper == c && model[i].handle == h)
			m = &model[i];
	if (unmap(c, h, slot, 0) != GNTST_okay)
		return true;
	if (!m)
		return false;                   /* a dead handle unmapped */
	if (slot != ~0u)
		*m = model[--nmodel];
	return true;
}

static void fuzz_copy(void)
{
	domid_t c = live_dom();
	uint16_t flags = rnd(4);

	copy(c, flags, rnd_dom(), flags & GNTCOPY_source_gref ? rnd_ref() : RAM_GFN + rnd(20),
	     rnd(4096), rnd_dom(), flags & GNTCOPY_dest_gref ? rnd_ref() : RAM_GFN + rnd(20),
	     rnd(4096), rnd(4200));
}

static bool granted_to_by_model(domid_t g)
{
	unsigned int i;

	for (i = 0; i < nmodel; i++)
		if (model[i].granter == g)
			return true;
	return false;
}

static void fuzz_lifecycle(void)
{
	domid_t t = rnd(3);
	unsigned int i;

	if (doms[t].exists && t != 0) {
		dom_destroy(t);
		for (i = nmodel; i-- > 0;)
			if (model[i].mapper == t)
				model[i] = model[--nmodel];
	} else if (!doms[t].exists && !granted_to_by_model(t)) {
		/* A domid comes back only once nobody maps the old one's grants. */
		dom_create(t, 1 + rnd(40));
	}
}

static bool fuzz_step(void)
{
	switch (rnd(12)) {
	case 0: case 1: case 2:
		fuzz_grant();
		return true;
	case 3: case 4: case 5:
		return fuzz_map();
	case 6: case 7: case 8:
		return fuzz_unmap();
	case 9: case 10:
		fuzz_copy();
		return true;
	default:
		if (!rnd(20))
			fuzz_lifecycle();
		return true;
	}
}

/* Status bits match the live mappings; stage-2 slots match the model. */
static bool check_ref(domid_t g, grant_ref_t ref)
{
	unsigned int i, ro = 0, rw = 0;
	uint16_t bits;

	if (ref >= gt(g)->nr_frames * 512)
		return true;
	for (i = 0; i < nmodel; i++)
		if (model[i].granter == g && model[i].ref == ref) {
			ro += model[i].ro;
			rw += !model[i].ro;
		}
	bits = status_bits(g, ref);
	return !!(bits & GTF_writing) == (rw > 0) && !!(bits & GTF_reading) == (ro + rw > 0);
}

static bool invariants(void)
{
	unsigned int i, used;
	domid_t d;
	grant_ref_t r;

	for (d = 0; d < NDOM; d++) {
		if (doms[d].refs)
			return false;
		if (!doms[d].exists)
			continue;
		for (r = 0; r < 540; r = r == 24 ? 500 : r + 1)
			if (!check_ref(d, r))
				return false;
		for (i = 0, used = 0; i < WIN_SLOTS; i++)
			used += doms[d].slot[i].used;
		for (i = 0; i < nmodel; i++)
			used -= model[i].mapper == d && doms[d].slot[model[i].slot].used;
		if (used)
			return false;
	}
	return true;
}

static bool fuzz_run(uint64_t seed, unsigned int steps)
{
	unsigned int i;

	rng_state = seed ? seed : 1;
	nmodel = 0;
	exact_bus = false;
	dom_create(0, GNTTAB_DEFAULT_MAX_MAPTRACK);
	dom_create(1, 20);
	dom_create(2, 300);
	for (i = 0; i < steps; i++) {
		bool step_ok = fuzz_step();

		if (!step_ok || !invariants()) {
			fprintf(stderr, "gnttab fuzz: seed %llu step %u: %s\n",
				(unsigned long long)seed, i,
				step_ok ? "status bits or slots differ from the model"
					: "handle reused or dead handle unmapped");
			teardown();
			return false;
		}
	}
	teardown();
	return live_allocs == 0 && live_frames == 0;
}

static void test_fuzz(void)
{
	time_t end = time(NULL) + 3;
	unsigned int runs = 0;

	CHECK(fuzz_run(4242, 50000));
	while (time(NULL) < end) {
		CHECK(fuzz_run((uint64_t)time(NULL) * 2654435761u + runs, 5000));
		runs++;
	}
	printf("gnttab fuzz: fixed seed + %u random seeds\n", runs);
}

/*
 * Two threads map, unmap and copy dom1's grants as dom0 at once (shared
 * active entries and maptrack; separate stage-2 slots and copy targets).
 * Afterwards every mapping is gone, so every status bit must be clear.
 */
struct smp_arg {
	uint64_t seed;
	unsigned int slot0;
	bool ok;
};

static void smp_unmap(grant_handle_t *h, unsigned int slot, struct smp_arg *a)
{
	if (*h != 0xdead && unmap(0, *h, slot, 0) != GNTST_okay)
		a->ok = false;
	*h = 0xdead;
}

static void *smp_worker(void *p)
{
	struct smp_arg *a = p;
	grant_handle_t h[32];
	unsigned int i, k;

	rng_state = a->seed;
	for (k = 0; k < 32; k++)
		h[k] = 0xdead;
	for (i = 0; i < 30000; i++) {
		k = rnd(32);
		if (h[k] != 0xdead)
			smp_unmap(&h[k], a->slot0 + k, a);
		else if (map(0, 1, 8 + rnd(40), GNTMAP_host_map | (rnd(2) ? GNTMAP_readonly : 0),
			     a->slot0 + k, &h[k]) != GNTST_okay)
			h[k] = 0xdead;
		if (!rnd(4))
			copy(0, GNTCOPY_source_gref, 1, 8 + rnd(40), rnd(4096), DOMID_SELF,
			     RAM_GFN + a->slot0 / 8 + rnd(4), rnd(4096), rnd(64));
	}
	for (k = 0; k < 32; k++)
		smp_unmap(&h[k], a->slot0 + k, a);
	return NULL;
}

static void test_smp(void)
{
	struct smp_arg a[2] = { { 11, 0, true }, { 12, 32, true } };
	pthread_t t[2];
	grant_ref_t r;
	unsigned int i;

	setup();
	exact_bus = false;
	for (r = 8; r < 48; r++)
		grant(1, r, GTF_permit_access | (r % 5 ? 0 : GTF_readonly), r < 40 ? 0 : 2,
		      RAM_GFN + r % RAM_PAGES);
	for (i = 0; i < 2; i++)
		CHECK(pthread_create(&t[i], NULL, smp_worker, &a[i]) == 0);
	for (i = 0; i < 2; i++) {
		CHECK(pthread_join(t[i], NULL) == 0);
		CHECK(a[i].ok);
	}
	for (r = 0; r < 512; r++)
		CHECK(status_bits(1, r) == 0);
	for (i = 0; i < WIN_SLOTS; i++)
		CHECK(!doms[0].slot[i].used);
	teardown();
}

int main(void)
{
	gnttab_set_ops(&fake_ops);
	test_abi();
	test_table_ops();
	test_map_unmap();
	test_map_refusals();
	test_copy();
	test_destroy();
	test_fuzz();
	test_smp();
	return check_result("test-gnttab");
}
