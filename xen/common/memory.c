// SPDX-License-Identifier: GPL-2.0-only
/*
 * memory_op: giving RAM to domains and mapping frames across domains.
 *
 * A guest's RAM is a list of heap blocks (struct domain_extent), one per
 * populate_physmap extent, each mapped in the guest's stage 2 at the
 * guest frame it asked for (not 1:1). The control domain maps another
 * domain's frames at its own guest frames with XENMAPSPACE_gmfn_foreign
 * (privcmd's MMAPBATCH_V2); such a mapping holds a reference on the block,
 * so the block outlives its owner's destruction until it is unmapped.
 * Every block goes back to the heap zeroed. A guest's balloon driver may
 * give back single frames of a block (decrease_reservation): they are
 * unmapped and no longer counted, but the block keeps them until it is
 * wholly given back or the domain dies (the buddy frees by block); a
 * later populate_physmap of those guest frames maps the same frames again.
 *
 * dom0's RAM is one 1:1 block from its builder: its balloon driver gives
 * frames back (decrease_reservation) by unmapping them, and takes them
 * back (populate_physmap) by mapping the same frames again; the block
 * itself stays dom0's.
 *
 * Everything here runs under domctl_lock().
 */
#include <public/errno.h>
#include <public/memory.h>
#include <xen/domain.h>
#include <xen/grant_table.h>
#include <xen/guest_access.h>
#include <xen/lib.h>
#include <xen/memory.h>
#include <xen/mm.h>
#include <xen/spinlock.h>
#include <xen/xmalloc.h>
#include <xen/xsm.h>

#define MEMOP_CMD_MASK 0x3f		/* MEMOP_EXTENT_SHIFT = 6 */
#define MAX_EXTENT_ORDER 9		/* 2 MiB, as libxc asks on Arm */
#define XENMEM_get_sharing_freed_pages 18
#define XENMEM_get_sharing_shared_pages 19

static spinlock_t domctl_spin = SPIN_LOCK_UNLOCKED;

void domctl_lock(void)
{
	spin_lock(&domctl_spin);
}

void domctl_unlock(void)
{
	spin_unlock(&domctl_spin);
}

/* ---- blocks of RAM ---- */

static uint64_t extent_pages(const struct domain_extent *e)
{
	return 1ULL << e->order;
}

static uint64_t extent_mfn(const struct domain_extent *e)
{
	return virt_to_maddr(e->page) >> PAGE_SHIFT;
}

static int extent_push(struct domain *d, struct domain_extent *e)
{
	if (d->nr_extents == d->max_extents) {
		unsigned int n = d->max_extents ? d->max_extents * 2 : 64;
		struct domain_extent **a = xzalloc_array(struct domain_extent *, n);

		if (!a)
			return -1;
		if (d->extents)
			memcpy(a, d->extents, d->nr_extents * sizeof(*a));
		xfree(d->extents);
		d->extents = a;
		d->max_extents = n;
	}
	d->extents[d->nr_extents++] = e;
	return 0;
}

/* Zero it (the next owner must not see this one's data) and free it. */
static void extent_scrub_free(struct domain *d, struct domain_extent *e)
{
	memset(e->page, 0, PAGE_SIZE << e->order);
	free_pages(e->page, e->order);
	d->tot_pages -= extent_pages(e) - e->holes;
	xfree(e);
}

static struct domain_extent *extent_by_mfn(struct domain *d, uint64_t mfn, unsigned int *idx)
{
	unsigned int i;

	for (i = 0; i < d->nr_extents; i++) {
		struct domain_extent *e = d->extents[i];

		if (mfn >= extent_mfn(e) && mfn < extent_mfn(e) + extent_pages(e)) {
			*idx = i;
			return e;
		}
	}
	return NULL;
}

static void extent_remove(struct domain *d, unsigned int idx)
{
	d->extents[idx] = d->extents[--d->nr_extents];
}

/* ---- the domain a memory_op names ---- */

static struct domain *target_domain(struct domain *caller, domid_t id, long *err)
{
	struct domain *d = id == DOMID_SELF ? caller : domain_by_id(id);

	*err = 0;
	if (!d || d->is_dying) {
		*err = -XEN_ESRCH;
		return NULL;
	}
	if (!xsm_may_target(caller, d)) {
		*err = -XEN_EPERM;
		return NULL;
	}
	return d;
}

static bool is_dom0_ram(const struct domain *d, uint64_t gfn, uint64_t nr)
{
	uint64_t first = d->ram_start >> PAGE_SHIFT, count = d->ram_size >> PAGE_SHIFT;

	return d->ram_size && gfn >= first && gfn + nr <= first + count;
}

/* ---- populate / decrease ---- */

/* The block whose guest range holds [gfn, gfn + n), if any. */
static struct domain_extent *extent_by_gfn(struct domain *d, uint64_t gfn, uint64_t n)
{
	unsigned int i;

	for (i = 0; i < d->nr_extents; i++) {
		struct domain_extent *e = d->extents[i];

		if (gfn >= e->gfn && gfn + n <= e->gfn + extent_pages(e))
			return e;
	}
	return NULL;
}

/*
 * Are the n guest frames from gfn all unmapped (mfn == INVALID_MFN), or
 * all mapped read/write to the frames from mfn?
 */
static bool range_is(struct domain *d, uint64_t gfn, uint64_t n, uint64_t mfn)
{
	enum p2m_type t;
	uint64_t i;

	for (i = 0; i < n; i++) {
		mfn_t m = p2m_lookup(&d->p2m, _gfn(gfn + i), &t);

		if (mfn == mfn_x(INVALID_MFN) ? t != P2M_INVALID :
		    t != P2M_RAM_RW || mfn_x(m) != mfn + i)
			return false;
	}
	return true;
}

/* populate_physmap over frames the guest gave back from block e. */
static int hole_fill(struct domain *d, struct domain_extent *e, uint64_t gfn, uint64_t n)
{
	uint64_t mfn = extent_mfn(e) + (gfn - e->gfn);

	if (n > e->holes || !range_is(d, gfn, n, mfn_x(INVALID_MFN)))
		return -1;
	memset((char *)e->page + ((gfn - e->gfn) << PAGE_SHIFT), 0, n << PAGE_SHIFT);
	if (p2m_map(&d->p2m, _gfn(gfn), _mfn(mfn), n, P2M_RAM_RW))
		return -1;
	e->holes -= n;
	d->tot_pages += n;
	return 0;
}

/*
 * decrease_reservation of part of block e (index idx): unmap, keep the
 * frames; the block goes back to the heap once all of it is given back.
 */
static int hole_punch(struct domain *d, unsigned int idx, uint64_t gfn, uint64_t n)
{
	struct domain_extent *e = d->extents[idx];

	if (e->foreign_refs || !range_is(d, gfn, n, extent_mfn(e) + (gfn - e->gfn)) ||
	    p2m_unmap(&d->p2m, _gfn(gfn), n))
		return -1;
	e->holes += n;
	d->tot_pages -= n;
	if (e->holes == extent_pages(e)) {
		extent_remove(d, idx);
		extent_scrub_free(d, e);
	}
	return 0;
}

static int populate_one(struct domain *d, uint64_t gfn, unsigned int order)
{
	struct domain_extent *e;

	if (is_dom0_ram(d, gfn, 1ULL << order))	/* balloon back in, 1:1 */
		return p2m_map(&d->p2m, _gfn(gfn), _mfn(gfn), 1ULL << order, P2M_RAM_RW);
	if (d->tot_pages + (1ULL << order) > d->max_pages)
		return -1;
	e = extent_by_gfn(d, gfn, 1ULL << order);
	if (e)
		return hole_fill(d, e, gfn, 1ULL << order);
	e = xzalloc(struct domain_extent);
	if (!e || !(e->page = alloc_pages_zeroed(order)))
		goto fail;
	e->gfn = gfn;
	e->order = order;
	if (extent_push(d, e))
		goto fail;
	d->tot_pages += extent_pages(e);
	if (!p2m_map(&d->p2m, _gfn(gfn), _mfn(extent_mfn(e)), extent_pages(e), P2M_RAM_RW))
		return 0;
	d->nr_extents--;
	extent_scrub_free(d, e);
	return -1;
fail:
	if (e && e->page)
		free_pages(e->page, order);
	xfree(e);
	return -1;
}

static int decrease_one(struct domain *d, uint64_t gfn, unsigned int order)
{
	enum p2m_type t;
	mfn_t m = p2m_lookup(&d->p2m, _gfn(gfn), &t);
	struct domain_extent *e;
	unsigned int idx;

	if (is_dom0_ram(d, gfn, 1ULL << order))	/* balloon out, keep the frames */
		return p2m_unmap(&d->p2m, _gfn(gfn), 1ULL << order);
	if (t != P2M_RAM_RW)
		return -1;
	e = extent_by_mfn(d, mfn_x(m), &idx);
	if (!e || mfn_x(m) - extent_mfn(e) != gfn - e->gfn ||
	    gfn + (1ULL << order) > e->gfn + extent_pages(e))
		return -1;
	/* Only whole blocks go back to the heap (the buddy frees by block). */
	if (e->gfn != gfn || e->order != order || e->holes)
		return hole_punch(d, idx, gfn, 1ULL << order);
	if (e->foreign_refs)
		return -1;
	p2m_unmap(&d->p2m, _gfn(gfn), extent_pages(e));
	extent_remove(d, idx);
	extent_scrub_free(d, e);
	return 0;
}

typedef int (*extent_fn)(struct domain *d, uint64_t gfn, unsigned int order);

/* Runs fn on each extent from `start`; returns how many were done. */
static long reservation_op(struct domain *caller, uint64_t arg, unsigned long start,
			   extent_fn fn, bool need_gfns)
{
	struct xen_memory_reservation r;
	struct domain *d;
	unsigned long i;
	long err;

	if (copy_from_guest(&r, arg, sizeof(r)))
		return -XEN_EFAULT;
	d = target_domain(caller, r.domid, &err);
	if (!d)
		return err;
	if (r.extent_order > MAX_EXTENT_ORDER || (!need_gfns && r.extent_order))
		return -XEN_EINVAL;
	for (i = start; i < r.nr_extents; i++) {
		xen_pfn_t gfn;

		if (copy_from_guest(&gfn, r.extent_start.q + i * sizeof(gfn), sizeof(gfn)))
			return i ? (long)i : -XEN_EFAULT;
		if (gfn & ((1ULL << r.extent_order) - 1) || fn(d, gfn, r.extent_order))
			break;
	}
	return (long)i;
}

/* increase_reservation: machine frames are meaningless to an Arm guest
 * (auto-translated); Xen refuses it for them too. */
static long reservation_query(struct domain *caller, uint64_t arg, bool maximum)
{
	domid_t id;
	struct domain *d;
	long err;

	if (copy_from_guest(&id, arg, sizeof(id)))
		return -XEN_EFAULT;
	d = target_domain(caller, id, &err);
	if (!d)
		return err;
	if (d->ram_size)	/* dom0: its 1:1 block */
		return (long)(d->ram_size >> PAGE_SHIFT);
	return (long)(maximum ? d->max_pages : d->tot_pages);
}

/* ---- frames of other domains ---- */

static int fmap_push(struct domain *d, const struct foreign_map *f)
{
	if (d->nr_fmaps == d->max_fmaps) {
		unsigned int n = d->max_fmaps ? d->max_fmaps * 2 : 256;
		struct foreign_map *a = xzalloc_array(struct foreign_map, n);

		if (!a)
			return -1;
		if (d->fmaps)
			memcpy(a, d->fmaps, d->nr_fmaps * sizeof(*a));
		xfree(d->fmaps);
		d->fmaps = a;
		d->max_fmaps = n;
	}
	d->fmaps[d->nr_fmaps++] = *f;
	return 0;
}

static struct foreign_map *fmap_find(struct domain *d, uint64_t gfn)
{
	unsigned int i;

	for (i = 0; i < d->nr_fmaps; i++)
		if (d->fmaps[i].gfn == gfn)
			return &d->fmaps[i];
	return NULL;
}

/*
 * Drops another domain's reference on block e of owner: the last one of a
 * dying owner frees the block (zeroed), and the owner once nothing of it
 * is mapped anywhere.
 */
static void extent_unref(struct domain *owner, struct domain_extent *e)
{
	unsigned int idx;

	e->foreign_refs--;
	owner->foreign_refs--;
	if (!owner->is_dying || e->foreign_refs)
		return;
	if (extent_by_mfn(owner, extent_mfn(e), &idx) == e)
		extent_remove(owner, idx);
	extent_scrub_free(owner, e);
	domain_release_check(owner);
}

/*
 * The array back to its size for what is mapped now: freed when empty,
 * halved when a quarter full. Otherwise dom0 would keep the array of its
 * busiest moment (a guest's kernel being loaded: 16 pages) forever.
 */
static void fmap_shrink(struct domain *d)
{
	unsigned int n = d->max_fmaps / 2;
	struct foreign_map *a;

	if (!d->nr_fmaps) {
		xfree(d->fmaps);
		d->fmaps = NULL;
		d->max_fmaps = 0;
		return;
	}
	if (n < 256 || d->nr_fmaps > d->max_fmaps / 4)
		return;
	a = xzalloc_array(struct foreign_map, n);
	if (!a)
		return;		/* keep the larger one */
	memcpy(a, d->fmaps, d->nr_fmaps * sizeof(*a));
	xfree(d->fmaps);
	d->fmaps = a;
	d->max_fmaps = n;
}

/* Drops a mapping's reference; the owner may now be freed. f is invalid
 * afterwards (the array may have moved). */
static void fmap_release(struct domain *mapper, struct foreign_map *f)
{
	struct domain *owner = f->owner;
	struct domain_extent *e = f->extent;

	p2m_unmap(&mapper->p2m, _gfn(f->gfn), 1);
	*f = mapper->fmaps[--mapper->nr_fmaps];
	fmap_shrink(mapper);
	extent_unref(owner, e);
}

static int map_foreign(struct domain *mapper, struct domain *owner, uint64_t idx, uint64_t gpfn)
{
	struct foreign_map f = { .gfn = gpfn, .owner = owner };
	struct foreign_map *old;
	enum p2m_type t;
	mfn_t m = p2m_lookup(&owner->p2m, _gfn(idx), &t);
	unsigned int i;

	if (t != P2M_RAM_RW && t != P2M_RAM_RO)
		return -XEN_EINVAL;
	f.extent = extent_by_mfn(owner, mfn_x(m), &i);
	if (!f.extent)		/* not RAM the owner was given (e.g. dom0's) */
		return -XEN_EINVAL;
	old = fmap_find(mapper, gpfn);
	if (old)
		fmap_release(mapper, old);
	if (fmap_push(mapper, &f))
		return -XEN_ENOMEM;
	if (p2m_map(&mapper->p2m, _gfn(gpfn), m, 1, P2M_RAM_RW)) {
		mapper->nr_fmaps--;
		fmap_shrink(mapper);
		return -XEN_ENOMEM;
	}
	f.extent->foreign_refs++;
	owner->foreign_refs++;
	return 0;
}

static long map_shared_info(struct domain *d, uint64_t idx, uint64_t gpfn)
{
	if (idx != 0)
		return -XEN_EINVAL;
	if (!d->shared_info)
		d->shared_info = alloc_pages_zeroed(0);
	if (!d->shared_info)
		return -XEN_ENOMEM;
	if (p2m_map(&d->p2m, _gfn(gpfn), maddr_to_mfn(virt_to_maddr(d->shared_info)), 1,
		    P2M_RAM_RW))
		return -XEN_EINVAL;
	return 0;
}

/* The foreign domain of a gmfn_foreign request: not the mapper itself,
 * and only the control domain may ask. */
static struct domain *foreign_owner(struct domain *mapper, domid_t id, long *err)
{
	struct domain *owner = domain_by_id(id);

	*err = 0;
	if (!is_control_domain(mapper))
		*err = -XEN_EPERM;
	else if (!owner || owner == mapper || owner->is_dying)
		*err = -XEN_ESRCH;
	return *err ? NULL : owner;
}

static long add_to_physmap(struct domain *caller, uint64_t arg)
{
	struct xen_add_to_physmap x;
	struct domain *d;
	long err;

	if (copy_from_guest(&x, arg, sizeof(x)))
		return -XEN_EFAULT;
	d = target_domain(caller, x.domid, &err);
	if (!d)
		return err;
	switch (x.space) {
	case XENMAPSPACE_shared_info:
		return map_shared_info(d, x.idx, x.gpfn);
	case XENMAPSPACE_grant_table:	/* engineer C's grant_glue.c */
		return gnttab_add_to_physmap(d, x.idx, x.gpfn);
	default:	/* gmfn_foreign only through the batch, as Xen */
		return -XEN_ENOSYS;
	}
}

/* One gmfn_foreign entry of a batch: its own error slot, Linux reads each. */
static int batch_entry(struct domain *d, struct domain *owner,
		       const struct xen_add_to_physmap_batch *b, unsigned int i)
{
	xen_ulong_t idx;
	xen_pfn_t gpfn;
	int rc;

	if (copy_from_guest(&idx, b->idxs.q + i * sizeof(idx), sizeof(idx)) ||
	    copy_from_guest(&gpfn, b->gpfns.q + i * sizeof(gpfn), sizeof(gpfn)))
		return -XEN_EFAULT;
	rc = map_foreign(d, owner, idx, gpfn);
	return copy_to_guest(b->errs.q + i * sizeof(rc), &rc, sizeof(rc)) ? -XEN_EFAULT : 0;
}

static long add_to_physmap_batch(struct domain *caller, uint64_t arg)
{
	struct xen_add_to_physmap_batch b;
	struct domain *d, *owner;
	unsigned int i;
	long err;

	if (copy_from_guest(&b, arg, sizeof(b)))
		return -XEN_EFAULT;
	d = target_domain(caller, b.domid, &err);
	if (!d)
		return err;
	if (b.space != XENMAPSPACE_gmfn_foreign)
		return -XEN_EOPNOTSUPP;
	owner = foreign_owner(d, b.foreign_domid, &err);
	if (!owner)
		return err;
	for (i = 0; i < b.size; i++)
		if (batch_entry(d, owner, &b, i))
			return -XEN_EFAULT;
	return 0;
}

static long remove_from_physmap(struct domain *caller, uint64_t arg)
{
	struct xen_remove_from_physmap x;
	struct foreign_map *f;
	struct domain *d;
	long err;

	if (copy_from_guest(&x, arg, sizeof(x)))
		return -XEN_EFAULT;
	d = target_domain(caller, x.domid, &err);
	if (!d)
		return err;
	f = fmap_find(d, x.gpfn);
	if (f) {
		fmap_release(d, f);
		return 0;
	}
	/* Anything else mapped there (shared_info, grant frames) just goes. */
	return p2m_unmap(&d->p2m, _gfn(x.gpfn), 1) ? -XEN_EINVAL : 0;
}

/* ---- acquire_resource: another domain's grant table ---- */

/*
 * The toolstack seeds a new guest's grant entries 0 and 1 through
 * IOCTL_PRIVCMD_MMAP_RESOURCE: on Arm the hypervisor maps the frames at
 * the caller's gfns (frame_list) itself. nr_frames = 0 asks for the size.
 * Only the shared frames of the grant table (type 1, id 0) exist here.
 */
static int map_grant_frame(struct domain *caller, struct domain *d, uint64_t idx,
			   uint64_t list, unsigned int i)
{
	xen_pfn_t gfn;
	void *page;

	if (copy_from_guest(&gfn, list + i * sizeof(gfn), sizeof(gfn)))
		return -XEN_EFAULT;
	if (gnttab_get_frame(&d->gnttab, (unsigned long)idx, &page))
		return -XEN_EINVAL;
	if (p2m_map(&caller->p2m, _gfn(gfn), maddr_to_mfn(virt_to_maddr(page)), 1, P2M_RAM_RW))
		return -XEN_EINVAL;
	return 0;
}

static long acquire_resource(struct domain *caller, uint64_t arg)
{
	struct xen_mem_acquire_resource r;
	struct domain *d;
	unsigned int i;
	long err;

	if (copy_from_guest(&r, arg, sizeof(r)))
		return -XEN_EFAULT;
	if (!is_control_domain(caller))
		return -XEN_EPERM;
	d = target_domain(caller, r.domid, &err);
	if (!d)
		return err;
	if (r.type != XENMEM_resource_grant_table ||
	    r.id != XENMEM_resource_grant_table_id_shared)
		return -XEN_EOPNOTSUPP;
	if (!r.nr_frames) {
		r.nr_frames = GNTTAB_DEFAULT_MAX_FRAMES;
		return copy_to_guest(arg, &r, sizeof(r)) ? -XEN_EFAULT : 0;
	}
	if (r.frame >= GNTTAB_DEFAULT_MAX_FRAMES ||
	    r.nr_frames > GNTTAB_DEFAULT_MAX_FRAMES - r.frame)
		return -XEN_EINVAL;
	for (i = 0; i < r.nr_frames; i++) {
		err = map_grant_frame(caller, d, r.frame + i, r.frame_list.q, i);
		if (err)
			return err;
	}
	return 0;
}

/* ---- destruction ---- */

void memory_domain_relinquish(struct domain *d)
{
	unsigned int i = 0;

	while (d->nr_fmaps)
		fmap_release(d, &d->fmaps[0]);
	while (i < d->nr_extents) {
		struct domain_extent *e = d->extents[i];

		if (e->foreign_refs) {
			i++;
			continue;
		}
		extent_remove(d, i);
		extent_scrub_free(d, e);
	}
}

void memory_domain_free(struct domain *d)
{
	while (d->nr_fmaps)
		fmap_release(d, &d->fmaps[0]);
	while (d->nr_extents)
		extent_scrub_free(d, d->extents[--d->nr_extents]);
	xfree(d->extents);
	xfree(d->fmaps);
	d->extents = NULL;
	d->fmaps = NULL;
}

/* ---- the hypercall ---- */

static long memory_op_locked(struct domain *caller, unsigned long cmd, uint64_t arg)
{
	unsigned long start = cmd >> 6;

	switch (cmd & MEMOP_CMD_MASK) {
	case XENMEM_populate_physmap:
		return reservation_op(caller, arg, start, populate_one, true);
	case XENMEM_decrease_reservation:
		return reservation_op(caller, arg, start, decrease_one, true);
	case XENMEM_current_reservation:
		return reservation_query(caller, arg, false);
	case XENMEM_maximum_reservation:
		return reservation_query(caller, arg, true);
	case XENMEM_add_to_physmap:
		return add_to_physmap(caller, arg);
	case XENMEM_add_to_physmap_batch:
		return add_to_physmap_batch(caller, arg);
	case XENMEM_remove_from_physmap:
		return remove_from_physmap(caller, arg);
	case XENMEM_acquire_resource:
		return acquire_resource(caller, arg);
	case XENMEM_get_sharing_freed_pages:
	case XENMEM_get_sharing_shared_pages:
		return 0;	/* no memory sharing on Arm */
	default:
		return -XEN_ENOSYS;
	}
}

long memory_op(struct domain *caller, unsigned long cmd, uint64_t arg)
{
	long rc;

	domctl_lock();
	rc = memory_op_locked(caller, cmd, arg);
	domctl_unlock();
	return rc;
}

/* ---- frames mapped by other domains through grants (grant_glue.c) ---- */

/* The block holding machine frame mfn, if it is some domain's populated RAM. */
static struct domain_extent *frame_block(uint64_t mfn, struct domain **owner, unsigned int *idx)
{
	unsigned int id;

	for (id = 0; id < MAX_DOMAINS; id++) {
		struct domain *d = domain_by_id(id);
		struct domain_extent *e = d ? extent_by_mfn(d, mfn, idx) : NULL;

		if (e) {
			*owner = d;
			return e;
		}
	}
	return NULL;
}

bool memory_frame_owned(const struct domain *d, uint64_t mfn)
{
	struct domain *owner;
	unsigned int idx;

	if (is_dom0_ram(d, mfn, 1))	/* dom0's 1:1 RAM: its gfn is its mfn */
		return true;
	return frame_block(mfn, &owner, &idx) && owner == d;
}

void memory_frame_ref(struct domain *mapper, uint64_t mfn)
{
	struct domain *owner;
	unsigned int idx;
	struct domain_extent *e = frame_block(mfn, &owner, &idx);

	if (!e || owner == mapper)
		return;
	e->foreign_refs++;
	owner->foreign_refs++;
}

void memory_frame_unref(struct domain *mapper, uint64_t mfn)
{
	struct domain *owner;
	unsigned int idx;
	struct domain_extent *e = frame_block(mfn, &owner, &idx);

	if (!e || owner == mapper || !e->foreign_refs)
		return;
	extent_unref(owner, e);
}
