// SPDX-License-Identifier: GPL-2.0-only
/*
 * domctl, sysctl and memory_op (xen/common/domctl*.c, sysctl.c, memory.c,
 * domain_life.c) on the host stub: the calls go through the real entry
 * points with guest pointers that are host pointers (this file's
 * copy_from_guest/copy_to_guest; GVA_BAD faults). Checks: every command
 * refused to a non-control caller (-EPERM) and with a wrong interface
 * version (-EACCES); createdomain's validation and results; paused state;
 * populate_physmap accounting; foreign mappings by dom0 and their errors;
 * destruction while dom0 maps a frame (the domain stays dying, its RAM
 * comes back zeroed when the mapping goes); VIRQ_DOM_EXC raised in dom0;
 * vCPU context; then random calls from both domains, after which every
 * page is back in the heap.
 */
#include <stdlib.h>
#include <asm/host.h>
#include <public/domctl.h>
#include <public/errno.h>
#include <public/event_channel.h>
#include <public/memory.h>
#include <public/sysctl.h>
#include <xen/console.h>
#include <xen/domctl.h>
#include <xen/guest_access.h>
#include <xen/memory.h>
#include <xen/mm.h>
#include <xen/xmalloc.h>
#include "check.h"

#define ARENA_SIZE (64UL << 20)
#define GVA_BAD 0xdead0000ULL
#define DOM0_GFN 0x80000ULL		/* where dom0 maps foreign frames */
#define RAM_GFN (GUEST_RAM0_BASE >> PAGE_SHIFT)
#define MAGIC_GFN (GUEST_MAGIC_BASE >> PAGE_SHIFT)

/* ---- the host "arch" for the domain code ---- */

/* While fuzzing, guest memory is only fuzz_mem: anything else faults,
 * as unmapped guest addresses do. Otherwise any host pointer but the
 * first 64 KiB and GVA_BAD. */
static uint8_t fuzz_mem[4 * 4096];
static bool fuzzing;

static bool guest_range_ok(uint64_t gva, size_t n)
{
	uint64_t lo = (uint64_t)(uintptr_t)fuzz_mem;

	if (fuzzing)
		return gva >= lo && n <= sizeof(fuzz_mem) && gva - lo <= sizeof(fuzz_mem) - n;
	return gva >= 0x10000 && gva != GVA_BAD;
}

int copy_from_guest(void *dst, uint64_t gva, size_t n)
{
	if (!guest_range_ok(gva, n))
		return -1;
	memcpy(dst, (void *)(uintptr_t)gva, n);
	return 0;
}

int copy_to_guest(uint64_t gva, const void *src, size_t n)
{
	if (!guest_range_ok(gva, n))
		return -1;
	memcpy((void *)(uintptr_t)gva, src, n);
	return 0;
}

static unsigned int kicks;

void arch_vcpu_kick_evtchn(struct vcpu *v)
{
	kicks++;
}

unsigned int arch_gic_version(void) { return XEN_DOMCTL_CONFIG_GIC_V3; }
uint32_t arch_timer_dt_frequency(void) { return 0; }
unsigned int arch_nr_cpus(void) { return 2; }
uint32_t arch_cpu_khz(void) { return 62500; }
int arch_domain_create(struct domain *d, const struct domain_config *cfg) { return 0; }
void arch_domain_destroy(struct domain *d) {}
void arch_domain_cacheflush(struct domain *d, uint64_t gfn, uint64_t nr) {}
int domain_gnttab_init(struct domain *d) { return 0; }
int gnttab_get_frame(struct gnttab_domain *g, unsigned long idx, void **page) { return -1; }
void domain_gnttab_destroy(struct domain *d) {}
long gnttab_add_to_physmap(struct domain *d, unsigned long idx, uint64_t gpfn)
{
	return -XEN_ENOSYS;
}

int arch_check_vcpu_context(const struct vcpu *v, const struct vcpu_guest_context *c)
{
	return (c->user_regs.cpsr & 0x1f) == 0x5 ? 0 : -1;
}

void arch_get_vcpu_context(const struct vcpu *v, struct vcpu_guest_context *c)
{
	c->user_regs.pc64 = v->arch.regs.elr;
	c->user_regs.x[0] = v->arch.regs.x[0];
}

/* The scheduler (xen/sched.h), as far as the domain code uses it: vCPUs
 * exist, start, and are counted as paused. */
static unsigned int sched_pauses[MAX_DOMAINS];

struct vcpu *vcpu_create(struct domain *d, unsigned int id)
{
	struct vcpu *v = xzalloc(struct vcpu);

	if (!v || id >= d->nr_vcpus || d->vcpu[id])
		return NULL;
	v->id = id;
	v->domain = d;
	v->vcpu_info_gfn = ~0ULL;
	d->vcpu[id] = v;
	return v;
}

void vcpu_destroy(struct vcpu *v) { xfree(v); }

void vcpu_start(struct vcpu *v, uint64_t pc, uint64_t x0)
{
	v->arch.regs.elr = pc;
	v->arch.regs.x[0] = x0;
	v->sched.online = true;
}

bool vcpu_is_online(const struct vcpu *v) { return v->sched.online; }

void vcpu_get_runinfo(const struct vcpu *v, struct vcpu_runinfo *ri)
{
	ri->state = v->sched.online ? VCPU_BLOCKED : VCPU_OFFLINE;
	ri->time_ns = 0;
	ri->pcpu = 0;
}

/* keyhandler.c's entry: the keys xl debug-keys ran, in order. */
static char keys_run[16];
static unsigned int nr_keys_run;

void keyhandler_run(unsigned char key)
{
	if (nr_keys_run < sizeof(keys_run))
		keys_run[nr_keys_run] = (char)key;
	nr_keys_run++;
}

void domain_pause(struct domain *d) { sched_pauses[d->domid]++; }
void domain_unpause(struct domain *d) { sched_pauses[d->domid]--; }

/* ---- helpers ---- */

static struct domain *dom0, *domu_caller;

static uint64_t gva(const void *p)
{
	return (uint64_t)(uintptr_t)p;
}

static struct domain *make_caller(unsigned int id)
{
	struct domain *d = xzalloc(struct domain);
	struct vcpu *v = xzalloc(struct vcpu);

	d->domid = (uint16_t)id;
	d->nr_vcpus = 1;
	d->vcpu[0] = v;
	v->domain = d;
	v->sched.online = true;
	v->vcpu_info_gfn = ~0ULL;
	d->shared_info = alloc_pages_zeroed(0);
	CHECK(p2m_init(&d->p2m, (uint16_t)(id + 1)) == 0);
	CHECK(domain_register(d) == 0);
	return d;
}

static long domctl(struct domain *caller, uint32_t cmd, uint16_t dom, struct xen_domctl *op)
{
	op->cmd = cmd;
	op->interface_version = XEN_DOMCTL_INTERFACE_VERSION;
	op->domain = dom;
	return do_domctl(caller, gva(op));
}

static long sysctl(struct domain *caller, uint32_t cmd, struct xen_sysctl *op)
{
	op->cmd = cmd;
	op->interface_version = XEN_SYSCTL_INTERFACE_VERSION;
	return do_sysctl(caller, gva(op));
}

static struct xen_domctl_createdomain good_config(void)
{
	struct xen_domctl_createdomain c = {
		.flags = XEN_DOMCTL_CDF_hvm | XEN_DOMCTL_CDF_hap,
		.max_vcpus = 2, .max_evtchn_port = 1023, .max_grant_frames = -1,
		.max_maptrack_frames = -1, .grant_opts = 1,
	};
	return c;
}

static long create(struct xen_domctl_createdomain c, uint16_t want, uint16_t *id)
{
	struct xen_domctl op = { 0 };
	long rc;

	op.u.createdomain = c;
	rc = domctl(dom0, XEN_DOMCTL_createdomain, want, &op);
	if (!rc && id)
		*id = op.domain;
	return rc;
}

static long populate(struct domain *caller, uint16_t dom, xen_pfn_t *gfns, unsigned long n,
		     unsigned int order)
{
	struct xen_memory_reservation r = { .nr_extents = n, .extent_order = order,
					    .domid = dom };

	r.extent_start.q = gva(gfns);
	return memory_op(caller, XENMEM_populate_physmap, gva(&r));
}

static long decrease(struct domain *caller, uint16_t dom, xen_pfn_t *gfns, unsigned long n,
		     unsigned int order)
{
	struct xen_memory_reservation r = { .nr_extents = n, .extent_order = order,
					    .domid = dom };

	r.extent_start.q = gva(gfns);
	return memory_op(caller, XENMEM_decrease_reservation, gva(&r));
}

static long map_batch(struct domain *caller, uint16_t owner, xen_ulong_t *idxs,
		      xen_pfn_t *gpfns, int *errs, uint16_t n)
{
	struct xen_add_to_physmap_batch b = { .domid = DOMID_SELF,
		.space = XENMAPSPACE_gmfn_foreign, .size = n, .foreign_domid = owner };

	b.idxs.q = gva(idxs);
	b.gpfns.q = gva(gpfns);
	b.errs.q = gva(errs);
	return memory_op(caller, XENMEM_add_to_physmap_batch, gva(&b));
}

static long unmap_gfn(struct domain *caller, uint64_t gfn)
{
	struct xen_remove_from_physmap x = { .domid = DOMID_SELF, .gpfn = gfn };

	return memory_op(caller, XENMEM_remove_from_physmap, gva(&x));
}

static struct xen_domctl_getdomaininfo info_of(uint16_t id, long *rc)
{
	struct xen_domctl op = { 0 };

	*rc = domctl(dom0, XEN_DOMCTL_getdomaininfo, id, &op);
	if (!*rc && op.domain != id)
		*rc = -XEN_ESRCH;
	return op.u.getdomaininfo;
}

static void *frame_of(struct domain *d, uint64_t gfn)
{
	enum p2m_type t;
	mfn_t m = p2m_lookup(&d->p2m, _gfn(gfn), &t);

	return t == P2M_INVALID ? NULL : maddr_to_virt(mfn_to_maddr(m));
}

/* ---- tests ---- */

static void test_privilege(void)
{
	struct xen_domctl op;
	struct xen_sysctl sop;
	uint32_t cmd;
	xen_pfn_t gfn = RAM_GFN;
	xen_ulong_t idx = RAM_GFN;
	int err = 0;

	for (cmd = 0; cmd < 100; cmd++) {
		memset(&op, 0, sizeof(op));
		CHECK(domctl(domu_caller, cmd, 0, &op) == -XEN_EPERM);
		memset(&sop, 0, sizeof(sop));
		CHECK(sysctl(domu_caller, cmd, &sop) == -XEN_EPERM);
	}
	memset(&op, 0, sizeof(op));
	op.cmd = XEN_DOMCTL_getdomaininfo;
	op.interface_version = 0x14;
	CHECK(do_domctl(dom0, gva(&op)) == -XEN_EACCES);
	memset(&sop, 0, sizeof(sop));
	sop.cmd = XEN_SYSCTL_physinfo;
	sop.interface_version = 0x16;
	CHECK(do_sysctl(dom0, gva(&sop)) == -XEN_EACCES);
	CHECK(do_domctl(dom0, GVA_BAD) == -XEN_EFAULT);
	CHECK(domctl(dom0, 99, 0, &op) == -XEN_ENOSYS);
	CHECK(domctl(dom0, 1000000, 0, &op) == -XEN_ENOSYS);
	/* A domU may not give memory to, or map, another domain. */
	CHECK(populate(domu_caller, 0, &gfn, 1, 0) == -XEN_EPERM);
	CHECK(map_batch(domu_caller, 0, &idx, &gfn, &err, 1) == -XEN_EPERM);
	CHECK(populate(dom0, 77, &gfn, 1, 0) == -XEN_ESRCH);
}

static void test_create_checks(void)
{
	struct xen_domctl_createdomain c = good_config();
	uint16_t id;

	c.flags = XEN_DOMCTL_CDF_hvm;
	CHECK(create(c, 0, NULL) == -XEN_EINVAL);
	c = good_config();
	c.max_vcpus = 0;
	CHECK(create(c, 0, NULL) == -XEN_EINVAL);
	c.max_vcpus = MAX_VCPUS + 1;
	CHECK(create(c, 0, NULL) == -XEN_EINVAL);
	c = good_config();
	c.grant_opts = 2;
	CHECK(create(c, 0, NULL) == -XEN_EINVAL);
	c = good_config();
	c.arch.gic_version = XEN_DOMCTL_CONFIG_GIC_V2;
	CHECK(create(c, 0, NULL) == -XEN_EOPNOTSUPP);
	c = good_config();
	c.arch.tee_type = XEN_DOMCTL_CONFIG_TEE_OPTEE;
	CHECK(create(c, 0, NULL) == -XEN_EOPNOTSUPP);
	c = good_config();
	c.arch.nr_spis = 2000;
	CHECK(create(c, 0, NULL) == -XEN_EINVAL);
	c = good_config();
	CHECK(create(c, 0, &id) == 0 && id == 1);
	CHECK(create(c, 1, NULL) == -XEN_EEXIST);
	CHECK(create(c, MAX_DOMAINS, NULL) == -XEN_EINVAL);
	{
		struct xen_domctl op = { 0 };

		CHECK(domctl(dom0, XEN_DOMCTL_destroydomain, 1, &op) == 0);
		CHECK(domctl(dom0, XEN_DOMCTL_destroydomain, 0, &op) == -XEN_EINVAL);
	}
}

static void test_lifecycle(void)
{
	struct xen_domctl_createdomain c = good_config();
	struct xen_domctl_getdomaininfo gi;
	struct xen_domctl op = { 0 };
	unsigned long free0 = page_alloc_free_count();
	xen_pfn_t ram[4] = { RAM_GFN, RAM_GFN + 512, RAM_GFN + 1024, RAM_GFN + 1536 };
	xen_pfn_t magic[4] = { MAGIC_GFN, MAGIC_GFN + 1, MAGIC_GFN + 2, MAGIC_GFN + 3 };
	uint16_t id;
	long rc;

	c.arch.nr_spis = 33;
	/* test_create_checks had domid 1 (now destroyed): not given again at
	 * once, as Xen (xl reboot's new domain must have a new id). */
	CHECK(create(c, 0, &id) == 0 && id == 2);
	gi = info_of(id, &rc);
	CHECK(rc == 0 && (gi.flags & XEN_DOMINF_paused) && !(gi.flags & XEN_DOMINF_dying));
	CHECK(gi.tot_pages == 0 && gi.max_vcpu_id == 1 && gi.nr_online_vcpus == 0);
	CHECK(gi.arch_config.gic_version == XEN_DOMCTL_CONFIG_GIC_V3 &&
	      gi.arch_config.nr_spis == 64);
	/* No memory before max_mem; then exactly what was asked. */
	CHECK(populate(dom0, id, ram, 4, 9) == 0);
	op.u.max_mem.max_memkb = (4 * 512 + 4) * 4;
	CHECK(domctl(dom0, XEN_DOMCTL_max_mem, id, &op) == 0);
	CHECK(populate(dom0, id, ram, 4, 9) == 4);
	CHECK(populate(dom0, id, magic, 4, 0) == 4);
	CHECK(populate(dom0, id, magic, 1, 0) == 0);	/* over max_pages */
	xen_pfn_t odd = RAM_GFN + 1;
	CHECK(populate(dom0, id, &odd, 1, 9) == 0);	/* misaligned extent */
	gi = info_of(id, &rc);
	CHECK(gi.tot_pages == 4 * 512 + 4);
	CHECK(page_alloc_free_count() <= free0 - (4 * 512 + 4));
	CHECK(frame_of(domain_by_id(id), RAM_GFN + 700) != NULL);
	/* Pause counting: created paused (1), +1, -1, -1, then -EINVAL. */
	CHECK(domctl(dom0, XEN_DOMCTL_pausedomain, id, &op) == 0);
	CHECK(domctl(dom0, XEN_DOMCTL_unpausedomain, id, &op) == 0);
	CHECK(domctl(dom0, XEN_DOMCTL_unpausedomain, id, &op) == 0);
	CHECK(domctl(dom0, XEN_DOMCTL_unpausedomain, id, &op) == -XEN_EINVAL);
	gi = info_of(id, &rc);
	CHECK(!(gi.flags & XEN_DOMINF_paused));
	CHECK(domctl(dom0, XEN_DOMCTL_pausedomain, 0, &op) == -XEN_EINVAL);	/* itself */
	CHECK(domctl(dom0, XEN_DOMCTL_pausedomain, 33, &op) == -XEN_ESRCH);
	op.u.max_vcpus.max = 3;
	CHECK(domctl(dom0, XEN_DOMCTL_max_vcpus, id, &op) == -XEN_EINVAL);
	op.u.max_vcpus.max = 2;
	CHECK(domctl(dom0, XEN_DOMCTL_max_vcpus, id, &op) == 0);
	op.u.address_size.size = 32;	/* unchanged: fine */
	CHECK(domctl(dom0, XEN_DOMCTL_set_address_size, id, &op) == 0);
	op.u.address_size.size = 64;	/* after memory was given: too late */
	CHECK(domctl(dom0, XEN_DOMCTL_set_address_size, id, &op) == -XEN_EBUSY);
	op.u.address_size.size = 48;
	CHECK(domctl(dom0, XEN_DOMCTL_set_address_size, id, &op) == -XEN_EINVAL);
	domain_by_id(id)->address_size = 64;
	CHECK(domctl(dom0, XEN_DOMCTL_destroydomain, id, &op) == 0);
	CHECK(domain_by_id(id) == NULL);
	info_of(id, &rc);
	CHECK(rc == -XEN_ESRCH);
	CHECK(page_alloc_free_count() >= free0 - 4);	/* xmalloc may keep slab pages */
}

/* The page must come back zeroed; dom0 maps it across the destruction. */
static void test_foreign(void)
{
	struct xen_domctl_createdomain c = good_config();
	struct xen_domctl op = { 0 };
	xen_pfn_t ram[2] = { RAM_GFN, RAM_GFN + 512 };
	xen_ulong_t idx[3] = { RAM_GFN + 3, RAM_GFN + 600, RAM_GFN + 5000 };
	xen_pfn_t gpfn[3] = { DOM0_GFN, DOM0_GFN + 1, DOM0_GFN + 2 };
	int errs[3] = { 99, 99, 99 };
	unsigned long free0 = page_alloc_free_count();
	struct xen_domctl_getdomaininfo gi;
	uint8_t *page;
	uint16_t id;
	long rc;

	CHECK(create(c, 5, &id) == 0 && id == 5);
	op.u.max_mem.max_memkb = 1024 * 4;
	CHECK(domctl(dom0, XEN_DOMCTL_max_mem, id, &op) == 0);
	CHECK(populate(dom0, id, ram, 2, 9) == 2);
	CHECK(map_batch(dom0, id, idx, gpfn, errs, 3) == 0);
	CHECK(errs[0] == 0 && errs[1] == 0 && errs[2] == -XEN_EINVAL);
	page = frame_of(dom0, DOM0_GFN);
	CHECK(page && page == frame_of(domain_by_id(id), RAM_GFN + 3));
	memset(page, 0xa5, PAGE_SIZE);
	CHECK(map_batch(dom0, 0, idx, gpfn, errs, 1) == -XEN_ESRCH);	/* itself */
	CHECK(map_batch(dom0, 44, idx, gpfn, errs, 1) == -XEN_ESRCH);
	CHECK(map_batch(dom0, id, idx, gpfn, (int *)(uintptr_t)GVA_BAD, 1) == -XEN_EFAULT);
	/* Destroyed while mapped: listed as dying, one 2 MiB block still held. */
	CHECK(domctl(dom0, XEN_DOMCTL_destroydomain, id, &op) == 0);
	gi = info_of(id, &rc);
	CHECK(rc == 0 && (gi.flags & XEN_DOMINF_dying));
	CHECK(populate(dom0, id, ram, 1, 9) == -XEN_ESRCH);
	CHECK(map_batch(dom0, id, idx, gpfn, errs, 1) == -XEN_ESRCH);
	CHECK(frame_of(dom0, DOM0_GFN) == page && page[100] == 0xa5);
	CHECK(unmap_gfn(dom0, DOM0_GFN) == 0);
	CHECK(domain_by_id(id) != NULL);	/* DOM0_GFN + 1 still maps a block */
	CHECK(unmap_gfn(dom0, DOM0_GFN + 1) == 0);
	CHECK(domain_by_id(id) == NULL);
	CHECK(frame_of(dom0, DOM0_GFN) == NULL);
	CHECK(page[0] == 0 && page[100] == 0 && page[PAGE_SIZE - 1] == 0);	/* scrubbed */
	CHECK(page_alloc_free_count() >= free0 - 4);
}

/* xl create / xl destroy rounds: the heap's free count exactly what it
 * was before the first (dom0's stage-2 tables and foreign-map array
 * shrink back when the guest's frame is unmapped). */
static void one_round(void)
{
	struct xen_domctl op = { 0 };
	xen_pfn_t ram[3] = { RAM_GFN, RAM_GFN + 512, MAGIC_GFN };
	xen_ulong_t idx = RAM_GFN + 9;
	xen_pfn_t gpfn = DOM0_GFN;
	int err;
	uint16_t id;

	CHECK(create(good_config(), 0, &id) == 0);
	op.u.max_mem.max_memkb = 2 * 2048 + 4;
	CHECK(domctl(dom0, XEN_DOMCTL_max_mem, id, &op) == 0);
	CHECK(populate(dom0, id, ram, 2, 9) == 2 && populate(dom0, id, ram + 2, 1, 0) == 1);
	CHECK(map_batch(dom0, id, &idx, &gpfn, &err, 1) == 0 && err == 0);
	CHECK(domctl(dom0, XEN_DOMCTL_destroydomain, id, &op) == 0);
	CHECK(unmap_gfn(dom0, DOM0_GFN) == 0 && !domain_by_id(id));
}

static void test_rounds(void)
{
	unsigned long free0 = page_alloc_free_count(), tables0 = dom0->p2m.nr_tables;
	int i;

	for (i = 0; i < 20; i++)
		one_round();
	CHECK(page_alloc_free_count() == free0);
	/* What dom0 grew for the guests went with them. */
	CHECK(dom0->p2m.nr_tables == tables0 && !dom0->fmaps && !dom0->max_fmaps);
}

static void test_dom_exc_virq(void)
{
	struct evtchn_bind_virq b = { .virq = VIRQ_DOM_EXC, .vcpu = 0 };
	struct shared_info *si = dom0->shared_info;
	struct xen_domctl op = { 0 };
	uint16_t id;

	CHECK(evtchn_op(&dom0->evtchn, EVTCHNOP_bind_virq, &b) == 0);
	CHECK(create(good_config(), 0, &id) == 0);
	CHECK(!(si->evtchn_pending[b.port / 64] & (1ULL << (b.port % 64))));
	CHECK(domctl(dom0, XEN_DOMCTL_destroydomain, id, &op) == 0);
	CHECK(si->evtchn_pending[b.port / 64] & (1ULL << (b.port % 64)));
}

static void test_vcpu_and_lists(void)
{
	struct vcpu_guest_context ctx = { 0 }, out = { 0 };
	struct xen_domctl_getdomaininfo list[8];
	struct xen_domctl op = { 0 };
	struct xen_sysctl sop = { 0 };
	unsigned int p0;
	uint16_t id;

	CHECK(create(good_config(), 0, &id) == 0);
	p0 = sched_pauses[id];	/* earlier domains with this id were paused for good */
	ctx.flags = VGCF_online;
	ctx.user_regs.pc64 = 0x40200000;
	ctx.user_regs.x[0] = 0x48000000;
	ctx.user_regs.cpsr = 0x3c0;	/* EL0t: refused by the arch check */
	op.u.vcpucontext.vcpu = 0;
	op.u.vcpucontext.ctxt.q = gva(&ctx);
	CHECK(domctl(dom0, XEN_DOMCTL_setvcpucontext, id, &op) == -XEN_EINVAL);
	ctx.user_regs.cpsr = PSR_GUEST64_INIT;
	op.u.vcpucontext.vcpu = 2;
	CHECK(domctl(dom0, XEN_DOMCTL_setvcpucontext, id, &op) == -XEN_EINVAL);
	op.u.vcpucontext.vcpu = 0;
	CHECK(domctl(dom0, XEN_DOMCTL_setvcpucontext, id, &op) == 0);
	op.u.getvcpuinfo.vcpu = 0;	/* not started before the unpause */
	CHECK(domctl(dom0, XEN_DOMCTL_getvcpuinfo, id, &op) == 0 && !op.u.getvcpuinfo.online);
	CHECK(domctl(dom0, XEN_DOMCTL_unpausedomain, id, &op) == 0);
	CHECK(sched_pauses[id] == p0);	/* the creation pause is no scheduler pause */
	op.u.getvcpuinfo.vcpu = 0;
	CHECK(domctl(dom0, XEN_DOMCTL_getvcpuinfo, id, &op) == 0 && op.u.getvcpuinfo.online);
	op.u.getvcpuinfo.vcpu = 1;
	CHECK(domctl(dom0, XEN_DOMCTL_getvcpuinfo, id, &op) == 0 && !op.u.getvcpuinfo.online);
	CHECK(domctl(dom0, XEN_DOMCTL_pausedomain, id, &op) == 0 && sched_pauses[id] == p0 + 1);
	op.u.vcpucontext.vcpu = 0;
	op.u.vcpucontext.ctxt.q = gva(&out);
	CHECK(domctl(dom0, XEN_DOMCTL_getvcpucontext, id, &op) == 0);
	CHECK(out.user_regs.pc64 == 0x40200000 && out.user_regs.x[0] == 0x48000000 &&
	      out.flags == VGCF_online);
	CHECK(domctl(dom0, XEN_DOMCTL_unpausedomain, id, &op) == 0 && sched_pauses[id] == p0);
	op.u.scheduler_op.sched_id = XEN_SCHEDULER_CREDIT2;
	op.u.scheduler_op.cmd = XEN_DOMCTL_SCHEDOP_getinfo;
	CHECK(domctl(dom0, XEN_DOMCTL_scheduler_op, id, &op) == 0 &&
	      op.u.scheduler_op.u.credit2.weight == 256);
	sop.u.getdomaininfolist.first_domain = 0;
	sop.u.getdomaininfolist.max_domains = 8;
	sop.u.getdomaininfolist.buffer.q = gva(list);
	CHECK(sysctl(dom0, XEN_SYSCTL_getdomaininfolist, &sop) == 0);
	CHECK(sop.u.getdomaininfolist.num_domains == 3);	/* 0, the domU caller, id */
	CHECK(list[0].domain == 0 && list[1].domain == id &&
	      list[2].domain == MAX_DOMAINS - 1);
	memset(&sop, 0, sizeof(sop));
	CHECK(sysctl(dom0, XEN_SYSCTL_physinfo, &sop) == 0);
	CHECK(sop.u.physinfo.nr_cpus == 2 && sop.u.physinfo.free_pages == page_alloc_free_count());
	CHECK(domctl(dom0, XEN_DOMCTL_destroydomain, id, &op) == 0);
}

/* xl dmesg: printk history through XEN_SYSCTL_readconsole. */
static void test_readconsole(void)
{
	static char buf[20000];
	struct xen_sysctl sop = { 0 };
	uint32_t idx;

	printk("ring line %d\n", 42);
	sop.u.readconsole.incremental = 1;
	sop.u.readconsole.index = 0;
	sop.u.readconsole.count = sizeof(buf) - 1;
	sop.u.readconsole.buffer.q = gva(buf);
	CHECK(sysctl(dom0, XEN_SYSCTL_readconsole, &sop) == 0);
	CHECK(sop.u.readconsole.count > 0 && sop.u.readconsole.count <= 16384);
	buf[sop.u.readconsole.count] = 0;
	CHECK(strstr(buf, "(XEN) ring line 42\n") != NULL);
	idx = sop.u.readconsole.index;
	/* Incremental from where it stopped: only what came since. */
	printk("second\n");
	sop.u.readconsole.count = sizeof(buf) - 1;
	CHECK(sysctl(dom0, XEN_SYSCTL_readconsole, &sop) == 0);
	buf[sop.u.readconsole.count] = 0;
	CHECK(sop.u.readconsole.index == idx + 13 && strcmp(buf, "(XEN) second\n") == 0);
	/* Clear: a non-incremental read then starts after it. */
	sop.u.readconsole.clear = 1;
	sop.u.readconsole.count = 4;
	CHECK(sysctl(dom0, XEN_SYSCTL_readconsole, &sop) == 0);
	sop.u.readconsole.clear = 0;
	sop.u.readconsole.incremental = 0;
	sop.u.readconsole.count = sizeof(buf) - 1;
	CHECK(sysctl(dom0, XEN_SYSCTL_readconsole, &sop) == 0 && sop.u.readconsole.count == 0);
	sop.u.readconsole.buffer.q = GVA_BAD;
	printk("x\n");
	sop.u.readconsole.count = 100;
	CHECK(sysctl(dom0, XEN_SYSCTL_readconsole, &sop) == -XEN_EFAULT);
}

/* xl debug-keys: each key to the key handlers, in order; a bad buffer is
 * -EFAULT, more than 256 keys -EINVAL; a domU may not. */
static void test_debug_keys(void)
{
	static const char keys[] = "mq";
	struct xen_sysctl sop = { 0 };

	nr_keys_run = 0;
	sop.u.debug_keys.keys.q = gva(keys);
	sop.u.debug_keys.nr_keys = 2;
	CHECK(sysctl(dom0, XEN_SYSCTL_debug_keys, &sop) == 0);
	CHECK(nr_keys_run == 2 && keys_run[0] == 'm' && keys_run[1] == 'q');
	sop.u.debug_keys.keys.q = GVA_BAD;
	CHECK(sysctl(dom0, XEN_SYSCTL_debug_keys, &sop) == -XEN_EFAULT && nr_keys_run == 2);
	sop.u.debug_keys.keys.q = gva(keys);
	CHECK(sysctl(domu_caller, XEN_SYSCTL_debug_keys, &sop) == -XEN_EPERM && nr_keys_run == 2);
	sop.u.debug_keys.nr_keys = 257;
	CHECK(sysctl(dom0, XEN_SYSCTL_debug_keys, &sop) == -XEN_EINVAL && nr_keys_run == 2);
}

/* Random commands with random arguments from dom0 and the domU: nothing
 * may crash (ASan/UBSan), and once every created domain is destroyed and
 * dom0's foreign mappings removed, the heap is whole again. */
static void fuzz_one(struct domain *caller)
{
	uint8_t *buf = fuzz_mem;
	struct xen_domctl *opp = (void *)(buf + 2 * PAGE_SIZE);
	struct xen_domctl op;
	unsigned int i;

	for (i = 0; i < sizeof(op); i++)
		((uint8_t *)&op)[i] = (uint8_t)rand();
	/* Handles point into buf (or nowhere): the copies must stay in it. */
	op.u.vcpucontext.ctxt.q = rand() % 4 ? gva(buf) : GVA_BAD;
	op.domain = (uint16_t)(rand() % 8);
	if (rand() % 2) {
		op.cmd = (uint32_t)(rand() % 90);
		op.interface_version = XEN_DOMCTL_INTERFACE_VERSION;
		if (op.cmd == XEN_DOMCTL_createdomain && rand() % 2)
			op.u.createdomain = good_config();
		*opp = op;
		do_domctl(caller, gva(opp));
	} else {
		unsigned long cmd = (unsigned long)(rand() % 30);
		struct xen_memory_reservation *r = (void *)buf;
		xen_pfn_t *gfns = (xen_pfn_t *)(buf + PAGE_SIZE);

		r->domid = (uint16_t)(rand() % 8);
		r->nr_extents = (xen_ulong_t)(rand() % 8);
		r->extent_order = (uint32_t)(rand() % 11);
		r->extent_start.q = gva(gfns);
		for (i = 0; i < 8; i++)
			gfns[i] = RAM_GFN + (xen_pfn_t)(rand() % 4096);
		memory_op(caller, cmd, gva(buf));
	}
}

static void test_fuzz(unsigned long free0)
{
	struct xen_domctl op;
	unsigned int i;

	srand(1234);
	fuzzing = true;
	for (i = 0; i < 20000; i++)
		fuzz_one(rand() % 4 ? dom0 : domu_caller);
	fuzzing = false;
	for (i = 0; i < dom0->max_fmaps + 1 && dom0->nr_fmaps; i++)
		unmap_gfn(dom0, dom0->fmaps[0].gfn);
	for (i = 2; i < MAX_DOMAINS; i++)
		if (domain_by_id(i))
			CHECK(domctl(dom0, XEN_DOMCTL_destroydomain, (uint16_t)i, &op) == 0);
	for (i = 2; i < MAX_DOMAINS; i++)
		CHECK(domain_by_id(i) == NULL);
	CHECK(dom0->nr_fmaps == 0);
	/* dom0 may have been given RAM of its own (max_mem + populate on
	 * itself): that stays dom0's. */
	if (page_alloc_free_count() + dom0->tot_pages < free0 - 8)
		fprintf(stderr, "free %lu + dom0's %llu < %lu - 8\n", page_alloc_free_count(),
			(unsigned long long)dom0->tot_pages, free0);
	CHECK(page_alloc_free_count() + dom0->tot_pages >= free0 - 8);
}

/*
 * A guest balloons out single frames of a 2 MiB block (Linux's balloon
 * and privcmd do): unmapped and uncounted at once, mapped again (zeroed)
 * by populate, the block freed when all of it is given back.
 */
static void test_balloon(void)
{
	struct xen_domctl op = { 0 };
	unsigned long free0 = page_alloc_free_count();
	xen_pfn_t blk = RAM_GFN, one = RAM_GFN + 7, two[2] = { RAM_GFN + 9, RAM_GFN + 9 };
	xen_pfn_t all[512];
	struct domain *d;
	uint16_t id;
	long rc;
	unsigned int i;

	CHECK(create(good_config(), 0, &id) == 0);
	d = domain_by_id(id);
	op.u.max_mem.max_memkb = 512 * 4;
	CHECK(domctl(dom0, XEN_DOMCTL_max_mem, id, &op) == 0);
	CHECK(populate(dom0, id, &blk, 1, 9) == 1);
	memset(frame_of(d, one), 0xa5, 4096);
	CHECK(decrease(dom0, id, &one, 1, 0) == 1);
	CHECK(frame_of(d, one) == NULL && info_of(id, &rc).tot_pages == 511);
	CHECK(decrease(dom0, id, &one, 1, 0) == 0);	/* already given back */
	CHECK(decrease(dom0, id, two, 2, 0) == 1);	/* the second is a hole now */
	CHECK(populate(dom0, id, &one, 1, 0) == 1);
	CHECK(frame_of(d, one) && ((uint8_t *)frame_of(d, one))[100] == 0);
	CHECK(populate(dom0, id, &one, 1, 0) == 0);	/* mapped already: over max */
	CHECK(info_of(id, &rc).tot_pages == 511);
	for (i = 0; i < 512; i++)
		all[i] = RAM_GFN + i;
	CHECK(decrease(dom0, id, all, 512, 0) == 9);	/* stops at the hole at +9 */
	CHECK(decrease(dom0, id, all + 10, 502, 0) == 502);
	CHECK(d->nr_extents == 0 && info_of(id, &rc).tot_pages == 0);
	CHECK(domctl(dom0, XEN_DOMCTL_destroydomain, id, &op) == 0);
	CHECK(page_alloc_free_count() >= free0 - 4);
}

int main(void)
{
	void *arena;
	unsigned long free0;

	if (posix_memalign(&arena, 2UL << 20, ARENA_SIZE))
		return 2;
	CHECK(page_alloc_add_range((uintptr_t)arena, (uintptr_t)arena + ARENA_SIZE) > 0);
	dom0 = make_caller(0);
	domu_caller = make_caller(MAX_DOMAINS - 1);
	free0 = page_alloc_free_count();
	test_privilege();
	test_create_checks();
	test_lifecycle();
	test_foreign();
	test_balloon();
	test_rounds();
	test_dom_exc_virq();
	test_vcpu_and_lists();
	test_readconsole();
	test_debug_keys();
	test_fuzz(free0);
	return check_result("test-domctl");
}
