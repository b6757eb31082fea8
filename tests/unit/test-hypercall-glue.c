// SPDX-License-Identifier: GPL-2.0-only
/*
 * The hypercall families wired on the core (xen/common/grant_glue.c,
 * hvm.c, multicall.c), on two fake domains with real stage-2 tables
 * (p2m.c on a host arena) and "guest virtual addresses" that are host
 * pointers (copies fail for addresses in a poisoned range):
 *   grant tables  add_to_physmap of frames, setup_table reporting their
 *                 gfns, a grant of d1's page mapped by d0 at a hole (same
 *                 frame in d0's p2m, dev_bus_addr), refused over a mapped
 *                 page, unmapped (hole again), copy between the domains,
 *                 long batches continued (x0 kept, pc back 4, x1/x2
 *                 advanced), v2 refused, bad pointers -EFAULT
 *   hvm_op        own and other domain's params, privilege, bad index,
 *                 missing domain, unknown op
 *   multicall     results written back per entry, nested -> -EINVAL,
 *                 long lists continued, a faulting list -EFAULT
 */
#include <stdlib.h>

#include <asm/domain.h>
#include <asm/guest.h>
#include <public/errno.h>
#include <public/grant_table.h>
#include <public/hvm/params.h>
#include <public/memory.h>
#include <public/xen.h>
#include <xen/domain.h>
#include <xen/grant_table.h>
#include <xen/hvm.h>
#include <xen/memory.h>
#include <xen/mm.h>
#include <xen/multicall.h>
#include <xen/percpu.h>

#include "check.h"

#define ARENA_SIZE (64UL << 20)
#define BAD_GVA_LO 0x1000UL		/* [1 page, 1 MiB): "unmapped" guest memory */
#define BAD_GVA_HI 0x100000UL
#define RAM_GFN 0x40000UL		/* each fake domain: 16 pages of RAM here */
#define RAM_PAGES 16
#define HOLE_GFN 0x90000UL
#define GRANT_GFN 0x38000UL

static void *ram[2][RAM_PAGES];

static struct domain doms[2];
static struct vcpu vcpus[2];
static struct vcpu *cur;
struct pcpu pcpus[NR_CPUS];

/* ---- what the core provides, faked ---- */

struct vcpu *current_vcpu(void) { return cur; }
struct pcpu *this_cpu(void) { return &pcpus[0]; }

struct domain *domain_by_id(unsigned int domid)
{
	return domid < 2 ? &doms[domid] : NULL;
}

static int bad_gva(uint64_t gva, size_t n)
{
	return gva + n > BAD_GVA_LO && gva < BAD_GVA_HI;
}

int copy_from_guest(void *dst, uint64_t gva, size_t n)
{
	if (bad_gva(gva, n))
		return -1;
	memcpy(dst, (void *)(uintptr_t)gva, n);
	return 0;
}

int copy_to_guest(uint64_t gva, const void *src, size_t n)
{
	if (bad_gva(gva, n))
		return -1;
	memcpy((void *)(uintptr_t)gva, src, n);
	return 0;
}

/* The arch table, reduced to what the multicall test needs. */
long hypercall_dispatch(struct cpu_regs *regs)
{
	switch (regs->x[16]) {
	case __HYPERVISOR_grant_table_op: return do_grant_table_op(regs);
	case __HYPERVISOR_hvm_op: return do_hvm_op(regs);
	case __HYPERVISOR_multicall: return do_multicall(regs);
	case __HYPERVISOR_xen_version: return (4 << 16) | 17;
	default: return -XEN_ENOSYS;
	}
}

/* memory.c's side: grant mappings hold frames (counted per mfn here). */
static int frame_refs[2][RAM_PAGES];
static int domctl_locked;

static int *refs_of(uint64_t mfn)
{
	unsigned int d, i;

	for (d = 0; d < 2; d++)
		for (i = 0; i < RAM_PAGES; i++)
			if (mfn_x(maddr_to_mfn(virt_to_maddr(ram[d][i]))) == mfn)
				return &frame_refs[d][i];
	return NULL;
}

void memory_frame_ref(struct domain *mapper, uint64_t mfn)
{
	CHECK(domctl_locked);
	if (refs_of(mfn))
		(*refs_of(mfn))++;
}

void memory_frame_unref(struct domain *mapper, uint64_t mfn)
{
	CHECK(domctl_locked && refs_of(mfn) && *refs_of(mfn) > 0);
	if (refs_of(mfn))
		(*refs_of(mfn))--;
}

bool memory_frame_owned(const struct domain *d, uint64_t mfn)
{
	int *r = refs_of(mfn);

	return r && (unsigned int)((r - &frame_refs[0][0]) / RAM_PAGES) == d->domid;
}

void domctl_lock(void) { CHECK(!domctl_locked); domctl_locked = 1; }
void domctl_unlock(void) { CHECK(domctl_locked); domctl_locked = 0; }

long hypercall_continue(struct cpu_regs *regs)
{
	regs->elr -= 4;
	return (long)regs->x[0];
}

/* ---- set-up ---- */

static void make_domain(unsigned int id)
{
	struct domain *d = &doms[id];
	unsigned int i;

	d->domid = (uint16_t)id;
	d->nr_vcpus = 1;
	d->vcpu[0] = &vcpus[id];
	vcpus[id].domain = d;
	CHECK(p2m_init(&d->p2m, (uint16_t)(id + 1)) == 0);
	for (i = 0; i < RAM_PAGES; i++) {
		ram[id][i] = alloc_pages_zeroed(0);
		CHECK(!p2m_map(&d->p2m, _gfn(RAM_GFN + i),
			       maddr_to_mfn(virt_to_maddr(ram[id][i])), 1, P2M_RAM_RW));
	}
	CHECK(domain_gnttab_init(d) == 0);
}

static long call(unsigned int hc, uint64_t a0, uint64_t a1, uint64_t a2, struct cpu_regs *r)
{
	memset(r, 0, sizeof(*r));
	r->x[0] = a0;
	r->x[1] = a1;
	r->x[2] = a2;
	r->x[16] = hc;
	r->elr = 0x1000;
	return hypercall_dispatch(r);
}

static long gnttab(unsigned int cmd, void *arg, unsigned int count)
{
	struct cpu_regs r;

	return call(__HYPERVISOR_grant_table_op, cmd, (uintptr_t)arg, count, &r);
}

static mfn_t lookup(struct domain *d, uint64_t gfn, enum p2m_type *t)
{
	return p2m_lookup(&d->p2m, _gfn(gfn), t);
}

/* ---- grant tables ---- */

static struct grant_entry_v1 *d1_entries;

static void test_frames(void)
{
	struct gnttab_setup_table st = { .dom = DOMID_SELF, .nr_frames = 2 };
	uint64_t frames[2] = { 0, 0 };
	void *page;
	enum p2m_type t;

	cur = &vcpus[1];
	CHECK(gnttab_add_to_physmap(&doms[1], 0, GRANT_GFN) == 0);
	CHECK(gnttab_add_to_physmap(&doms[1], 1, GRANT_GFN + 1) == 0);
	CHECK(gnttab_get_frame(&doms[1].gnttab, 0, &page) == 0);
	CHECK(mfn_x(lookup(&doms[1], GRANT_GFN, &t)) == mfn_x(maddr_to_mfn(virt_to_maddr(page))));
	CHECK(t == P2M_RAM_RW);
	/* Moving a frame: the old gfn is unmapped. */
	CHECK(gnttab_add_to_physmap(&doms[1], 1, GRANT_GFN + 5) == 0);
	lookup(&doms[1], GRANT_GFN + 1, &t);
	CHECK(t == P2M_INVALID);
	CHECK(gnttab_add_to_physmap(&doms[1], GNTTAB_DEFAULT_MAX_FRAMES, GRANT_GFN + 9) == -XEN_EINVAL);
	CHECK(gnttab_add_to_physmap(&doms[1], 0, 1ULL << 40) == -XEN_EINVAL);
	st.frame_list.q = (uintptr_t)frames;
	CHECK(gnttab(GNTTABOP_setup_table, &st, 1) == 0);
	CHECK(st.status == GNTST_okay);
	CHECK(frames[0] == GRANT_GFN && frames[1] == GRANT_GFN + 5);
	st.frame_list.q = BAD_GVA_LO;
	CHECK(gnttab(GNTTABOP_setup_table, &st, 1) == 0);
	CHECK(st.status == GNTST_bad_virt_addr);
	d1_entries = page;
}

static void grant(unsigned int ref, domid_t to, uint64_t gfn, uint16_t flags)
{
	d1_entries[ref].domid = to;
	d1_entries[ref].frame = (uint32_t)gfn;
	__atomic_store_n(&d1_entries[ref].flags, GTF_permit_access | flags, __ATOMIC_RELEASE);
}

/* d0 grants the page it maps from d1 (at HOLE_GFN) on to d1: refused. */
static void test_no_transitive(void)
{
	struct gnttab_map_grant_ref m = { .host_addr = (HOLE_GFN + 1) << PAGE_SHIFT,
					  .flags = GNTMAP_host_map | GNTMAP_readonly,
					  .ref = 3, .dom = 0 };
	struct grant_entry_v1 *d0_entries;
	void *page;

	CHECK(gnttab_get_frame(&doms[0].gnttab, 0, &page) == 0);
	d0_entries = page;
	d0_entries[3].domid = 1;
	d0_entries[3].frame = HOLE_GFN;
	__atomic_store_n(&d0_entries[3].flags, GTF_permit_access, __ATOMIC_RELEASE);
	cur = &vcpus[1];
	CHECK(gnttab(GNTTABOP_map_grant_ref, &m, 1) == 0);
	CHECK(m.status == GNTST_bad_page);
	d0_entries[3].frame = RAM_GFN + 1;	/* d0's own page: fine */
	CHECK(gnttab(GNTTABOP_map_grant_ref, &m, 1) == 0);
	CHECK(m.status == GNTST_okay);
	CHECK(frame_refs[0][1] == 1);
	{
		struct gnttab_unmap_grant_ref u = { .host_addr = m.host_addr, .handle = m.handle };

		CHECK(gnttab(GNTTABOP_unmap_grant_ref, &u, 1) == 0 && u.status == GNTST_okay);
	}
	CHECK(frame_refs[0][1] == 0);
	d0_entries[3].flags = 0;
	cur = &vcpus[0];
}

static void test_map(void)
{
	struct gnttab_map_grant_ref m = { .host_addr = HOLE_GFN << PAGE_SHIFT,
					  .flags = GNTMAP_host_map, .ref = 5, .dom = 1 };
	struct gnttab_unmap_grant_ref u = { .host_addr = HOLE_GFN << PAGE_SHIFT };
	uint64_t want = mfn_x(maddr_to_mfn(virt_to_maddr(ram[1][3])));
	enum p2m_type t;

	grant(5, 0, RAM_GFN + 3, 0);
	cur = &vcpus[0];
	CHECK(gnttab(GNTTABOP_map_grant_ref, &m, 1) == 0);
	CHECK(m.status == GNTST_okay);
	CHECK(mfn_x(lookup(&doms[0], HOLE_GFN, &t)) == want && t == P2M_RAM_RW);
	CHECK(m.dev_bus_addr == want << PAGE_SHIFT);
	CHECK(d1_entries[5].flags & GTF_reading);
	CHECK(frame_refs[1][3] == 1);	/* the mapping holds d1's frame */
	test_no_transitive();
	/* Over a page that is mapped (d0's own RAM): refused, RAM kept. */
	m.host_addr = RAM_GFN << PAGE_SHIFT;
	CHECK(gnttab(GNTTABOP_map_grant_ref, &m, 1) == 0);
	CHECK(m.status == GNTST_general_error);
	CHECK(mfn_x(lookup(&doms[0], RAM_GFN, &t)) == mfn_x(maddr_to_mfn(virt_to_maddr(ram[0][0]))));
	m.host_addr = (HOLE_GFN << PAGE_SHIFT) + 8;	/* unaligned */
	CHECK(gnttab(GNTTABOP_map_grant_ref, &m, 1) == 0);
	CHECK(m.status == GNTST_general_error);
	u.handle = 0;
	CHECK(gnttab(GNTTABOP_unmap_grant_ref, &u, 1) == 0);
	CHECK(u.status == GNTST_okay);
	lookup(&doms[0], HOLE_GFN, &t);
	CHECK(t == P2M_INVALID);
	CHECK(frame_refs[1][3] == 0);
	CHECK(!(d1_entries[5].flags & (GTF_reading | GTF_writing)));
	/* d1 mapping d0's RAM by gfn without a grant: refused. */
	CHECK(gnttab(GNTTABOP_unmap_grant_ref, &u, 1) == 0);
	CHECK(u.status == GNTST_bad_handle);
}

static void test_copy(void)
{
	struct gnttab_copy c = { .len = 16, .flags = GNTCOPY_source_gref };

	grant(6, 0, RAM_GFN + 4, GTF_readonly);
	memcpy(ram[1][4], "granted bytes!!", 16);
	c.source.u.ref = 6;
	c.source.domid = 1;
	c.dest.u.gmfn = RAM_GFN + 2;
	c.dest.domid = DOMID_SELF;
	c.dest.offset = 100;
	cur = &vcpus[0];
	CHECK(gnttab(GNTTABOP_copy, &c, 1) == 0);
	CHECK(c.status == GNTST_okay);
	CHECK(!memcmp((char *)ram[0][2] + 100, "granted bytes!!", 16));
	c.dest.u.gmfn = HOLE_GFN;	/* not RAM */
	CHECK(gnttab(GNTTABOP_copy, &c, 1) == 0);
	CHECK(c.status == GNTST_bad_page);
}

/* 150 maps: 64 done, the call is to be re-issued for the rest. */
static void test_continuation(void)
{
	static struct gnttab_map_grant_ref m[150];
	struct gnttab_unmap_grant_ref u;
	struct cpu_regs r;
	unsigned int i, done = 0;
	long rc;

	grant(7, 0, RAM_GFN + 5, 0);
	for (i = 0; i < 150; i++)
		m[i] = (struct gnttab_map_grant_ref){ .host_addr = (HOLE_GFN + 16 + i) << PAGE_SHIFT,
						      .flags = GNTMAP_host_map, .ref = 7, .dom = 1 };
	cur = &vcpus[0];
	rc = call(__HYPERVISOR_grant_table_op, GNTTABOP_map_grant_ref, (uintptr_t)m, 150, &r);
	CHECK(rc == GNTTABOP_map_grant_ref && r.elr == 0x1000 - 4);
	CHECK(r.x[1] == (uintptr_t)&m[64] && r.x[2] == 150 - 64);
	CHECK(m[63].status == GNTST_okay && m[64].status == 0 && m[64].handle == 0);
	/* What the guest does: x0 = the result, HVC again, until no rewind. */
	while (r.elr == 0x1000 - 4 && done++ < 4) {
		r.x[0] = (uint64_t)rc;
		r.elr = 0x1000;
		rc = hypercall_dispatch(&r);
	}
	CHECK(rc == 0 && r.elr == 0x1000 && done == 2);
	for (i = 0; i < 150; i++)
		CHECK(m[i].status == GNTST_okay);
	CHECK(frame_refs[1][5] == 150);
	for (i = 0; i < 150; i++) {
		u = (struct gnttab_unmap_grant_ref){ .host_addr = m[i].host_addr, .handle = m[i].handle };
		CHECK(gnttab(GNTTABOP_unmap_grant_ref, &u, 1) == 0 && u.status == GNTST_okay);
	}
	CHECK(!(d1_entries[7].flags & (GTF_reading | GTF_writing)));
	CHECK(frame_refs[1][5] == 0);
}

/* A mapper destroyed with live mappings: each one's hold is released. */
static void test_destroy_releases(void)
{
	struct gnttab_map_grant_ref m = { .host_addr = (HOLE_GFN + 400) << PAGE_SHIFT,
					  .flags = GNTMAP_host_map, .ref = 8, .dom = 1 };

	grant(8, 0, RAM_GFN + 6, 0);
	cur = &vcpus[0];
	CHECK(gnttab(GNTTABOP_map_grant_ref, &m, 1) == 0 && m.status == GNTST_okay);
	m.host_addr += PAGE_SIZE;
	CHECK(gnttab(GNTTABOP_map_grant_ref, &m, 1) == 0 && m.status == GNTST_okay);
	CHECK(frame_refs[1][6] == 2);
	domctl_lock();		/* as domain_destroy's caller holds it */
	domain_gnttab_destroy(&doms[0]);
	domctl_unlock();
	CHECK(frame_refs[1][6] == 0);
	CHECK(!(d1_entries[8].flags & (GTF_reading | GTF_writing)));
}

static void test_gnttab_errors(void)
{
	struct gnttab_set_version v = { .version = 2 };
	struct gnttab_query_size q = { .dom = DOMID_SELF };

	cur = &vcpus[0];
	CHECK(gnttab(GNTTABOP_set_version, &v, 1) == -XEN_EOPNOTSUPP);
	v.version = 1;
	CHECK(gnttab(GNTTABOP_set_version, &v, 1) == 0);
	CHECK(gnttab(GNTTABOP_query_size, &q, 1) == 0);
	CHECK(q.status == GNTST_okay && q.max_nr_frames == GNTTAB_DEFAULT_MAX_FRAMES);
	CHECK(gnttab(GNTTABOP_query_size, &q, 2) == -XEN_EINVAL);
	CHECK(gnttab(GNTTABOP_map_grant_ref, (void *)BAD_GVA_LO, 1) == -XEN_EFAULT);
	CHECK(gnttab(GNTTABOP_map_grant_ref, (void *)BAD_GVA_LO, 0) == 0);
	CHECK(gnttab(99, &q, 1) == -XEN_ENOSYS);
	CHECK(gnttab(~0U, &q, 1) == -XEN_ENOSYS);
}

/* ---- hvm_op ---- */

static long hvm(unsigned int op, struct xen_hvm_param *p)
{
	struct cpu_regs r;

	return call(__HYPERVISOR_hvm_op, op, (uintptr_t)p, 0, &r);
}

static void test_hvm(void)
{
	struct xen_hvm_param p = { .domid = DOMID_SELF, .index = HVM_PARAM_STORE_EVTCHN, .value = 7 };

	cur = &vcpus[1];
	CHECK(hvm(HVMOP_set_param, &p) == 0);
	p.value = 0;
	CHECK(hvm(HVMOP_get_param, &p) == 0 && p.value == 7);
	p.domid = 0;		/* d1 on dom0: not the control domain */
	CHECK(hvm(HVMOP_get_param, &p) == -XEN_EPERM);
	CHECK(hvm(HVMOP_set_param, &p) == -XEN_EPERM);
	cur = &vcpus[0];
	p = (struct xen_hvm_param){ .domid = 1, .index = HVM_PARAM_STORE_PFN, .value = 0x1234 };
	CHECK(hvm(HVMOP_set_param, &p) == 0);
	CHECK(hvm_get_param(&doms[1], HVM_PARAM_STORE_PFN) == 0x1234);
	p.index = HVM_PARAM_STORE_EVTCHN;
	CHECK(hvm(HVMOP_get_param, &p) == 0 && p.value == 7);
	p.index = HVM_NR_PARAMS;
	CHECK(hvm(HVMOP_get_param, &p) == -XEN_EINVAL);
	p.index = 0;
	p.domid = 33;
	CHECK(hvm(HVMOP_get_param, &p) == -XEN_ESRCH);
	CHECK(hvm(HVMOP_get_param, (void *)BAD_GVA_LO) == -XEN_EFAULT);
	CHECK(hvm(7, &p) == -XEN_ENOSYS);
}

/* ---- multicall ---- */

static long multicall(struct multicall_entry *e, uint64_t n, struct cpu_regs *r)
{
	return call(__HYPERVISOR_multicall, (uintptr_t)e, n, 0, r);
}

static void test_multicall(void)
{
	static struct multicall_entry e[40];
	struct xen_hvm_param p = { .domid = DOMID_SELF, .index = HVM_PARAM_CONSOLE_PFN };
	struct cpu_regs r;
	unsigned int i;
	long rc;

	cur = &vcpus[0];
	e[0] = (struct multicall_entry){ .op = __HYPERVISOR_xen_version };
	e[1] = (struct multicall_entry){ .op = __HYPERVISOR_hvm_op,
					 .args = { HVMOP_get_param, (uintptr_t)&p } };
	e[2] = (struct multicall_entry){ .op = __HYPERVISOR_multicall,
					 .args = { (uintptr_t)e, 1 } };
	e[3] = (struct multicall_entry){ .op = 12345 };
	e[4] = (struct multicall_entry){ .op = __HYPERVISOR_hvm_op,
					 .args = { HVMOP_get_param, BAD_GVA_LO } };
	doms[0].hvm_param[HVM_PARAM_CONSOLE_PFN] = 0x99;
	CHECK(multicall(e, 5, &r) == 0);
	CHECK(e[0].result == ((4 << 16) | 17));
	CHECK(e[1].result == 0 && p.value == 0x99);
	CHECK(e[2].result == -XEN_EINVAL);
	CHECK(e[3].result == -XEN_ENOSYS);
	CHECK(e[4].result == -XEN_EFAULT);
	CHECK(!hypercall_in_multicall());
	/* 40 entries: 32 now, the guest re-issues the call for 8 more. */
	for (i = 0; i < 40; i++)
		e[i] = (struct multicall_entry){ .op = __HYPERVISOR_xen_version, .result = 1 };
	rc = multicall(e, 40, &r);
	CHECK(rc == (long)(uintptr_t)&e[32] && r.x[1] == 8 && r.elr == 0x1000 - 4);
	CHECK(e[31].result == ((4 << 16) | 17) && e[32].result == 1);
	CHECK(multicall(&e[32], 8, &r) == 0 && e[39].result == ((4 << 16) | 17));
	CHECK(multicall((void *)BAD_GVA_LO, 1, &r) == -XEN_EFAULT);
	CHECK(multicall((void *)BAD_GVA_LO, 0, &r) == 0);
	CHECK(!hypercall_in_multicall());
}

int main(void)
{
	void *arena;

	if (posix_memalign(&arena, 2UL << 20, ARENA_SIZE))
		return 2;
	CHECK(page_alloc_add_range((uintptr_t)arena, (uintptr_t)arena + ARENA_SIZE) > 0);
	make_domain(0);
	make_domain(1);
	test_frames();
	test_map();
	test_copy();
	test_continuation();
	test_gnttab_errors();
	test_hvm();
	test_multicall();
	test_destroy_releases();
	domain_gnttab_destroy(&doms[1]);
	p2m_destroy(&doms[0].p2m);
	p2m_destroy(&doms[1].p2m);
	free(arena);
	return check_result("test-hypercall-glue");
}
