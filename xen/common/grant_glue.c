// SPDX-License-Identifier: GPL-2.0-only
/*
 * The grant-table module (common/grant_table.c) wired into the core: its
 * callbacks in terms of struct domain and the stage-2 p2m, the
 * GNTTABOP_* hypercall (guest structs copied in and out one by one, long
 * batches continued by re-issuing the HVC), and XENMAPSPACE_grant_table.
 */
#include <asm/domain.h>
#include <asm/guest.h>
#include <public/errno.h>
#include <xen/domain.h>
#include <xen/grant_table.h>
#include <xen/multicall.h>
#include <xen/lib.h>
#include <xen/memory.h>
#include <xen/mm.h>
#include <xen/xmalloc.h>
#include <xen/xsm.h>

/* Entries handled per trap; the rest is a continuation (guest re-enters). */
#define GNTTAB_BATCH 64
#define GNTTAB_ARG_MAX 64	/* bytes: the largest GNTTABOP struct (copy: 40) */

static struct domain *of_gnttab(struct gnttab_domain *g)
{
	return (struct domain *)((char *)g - offsetof(struct domain, gnttab));
}

static struct gnttab_domain *gt_get(domid_t id)
{
	struct domain *d = domain_by_id(id);

	return d ? &d->gnttab : NULL;
}

static void gt_put(struct gnttab_domain *g)
{
}

static bool gt_may_target(struct gnttab_domain *caller, struct gnttab_domain *target)
{
	return xsm_may_target(of_gnttab(caller), of_gnttab(target));
}

static void gt_free(void *p)
{
	xfree(p);
}

static void *gt_alloc_frame(void)
{
	return alloc_pages_zeroed(0);
}

static void gt_free_frame(void *page)
{
	free_pages(page, 0);
}

static uint64_t gt_frame_gfn(struct gnttab_domain *g, unsigned int idx)
{
	return idx < GNTTAB_DEFAULT_MAX_FRAMES ? of_gnttab(g)->gnttab_gfn[idx] : GNTTAB_NO_GFN;
}

/* frame_list is an array of xen_pfn_t (8 bytes on Arm) in the caller. */
static int gt_put_frame_gfn(struct gnttab_domain *cur, uint64_t hnd, unsigned int idx,
			    xen_pfn_t gfn)
{
	uint64_t v = gfn;

	return copy_to_guest(hnd + (uint64_t)idx * sizeof(v), &v, sizeof(v));
}

static int gt_gfn_to_mfn(struct gnttab_domain *g, uint64_t gfn, bool write, uint64_t *mfn)
{
	enum p2m_type t;
	mfn_t m;

	if (gfn >> (P2M_IPA_BITS - PAGE_SHIFT))
		return GNTST_bad_page;
	m = p2m_lookup(&of_gnttab(g)->p2m, _gfn(gfn), &t);
	if (t != P2M_RAM_RW && (write || t != P2M_RAM_RO))
		return GNTST_bad_page;
	/* As Xen's page-owner check: never a page mapped from someone else. */
	if (!memory_frame_owned(of_gnttab(g), mfn_x(m)))
		return GNTST_bad_page;
	*mfn = mfn_x(m);
	return GNTST_okay;
}

/*
 * Map at host_addr, a page-aligned guest-physical address of the mapper
 * where nothing is mapped (Linux hands in ballooned-out pages). Xen would
 * replace whatever is there; refusing keeps a bad address from taking a
 * domain's own RAM or device page away.
 */
static int gt_map(struct gnttab_domain *g, uint64_t host_addr, uint64_t mfn, bool ro)
{
	struct p2m *p2m = &of_gnttab(g)->p2m;
	uint64_t gfn = host_addr >> PAGE_SHIFT;
	enum p2m_type t;

	if ((host_addr & (PAGE_SIZE - 1)) || (gfn >> (P2M_IPA_BITS - PAGE_SHIFT)))
		return GNTST_general_error;
	p2m_lookup(p2m, _gfn(gfn), &t);
	if (t != P2M_INVALID)
		return GNTST_general_error;
	if (p2m_map(p2m, _gfn(gfn), _mfn(mfn), 1, ro ? P2M_RAM_RO : P2M_RAM_RW))
		return GNTST_general_error;
	memory_frame_ref(of_gnttab(g), mfn);
	return GNTST_okay;
}

static int gt_unmap(struct gnttab_domain *g, uint64_t host_addr, uint64_t mfn)
{
	struct p2m *p2m = &of_gnttab(g)->p2m;
	uint64_t gfn = host_addr >> PAGE_SHIFT;
	enum p2m_type t;

	if ((host_addr & (PAGE_SIZE - 1)) || (gfn >> (P2M_IPA_BITS - PAGE_SHIFT)))
		return GNTST_general_error;
	if (mfn_x(p2m_lookup(p2m, _gfn(gfn), &t)) != mfn || t == P2M_INVALID)
		return GNTST_general_error;
	if (p2m_unmap(p2m, _gfn(gfn), 1))
		return GNTST_general_error;
	memory_frame_unref(of_gnttab(g), mfn);
	return GNTST_okay;
}

/* The mapper is being destroyed: its mapping's hold on the frame goes. */
static void gt_release(struct gnttab_domain *g, uint64_t mfn)
{
	memory_frame_unref(of_gnttab(g), mfn);
}

static void gt_copy(uint64_t dst_mfn, unsigned int dst_off, uint64_t src_mfn,
		    unsigned int src_off, unsigned int len)
{
	char *dst = maddr_to_virt(mfn_to_maddr(_mfn(dst_mfn)));
	const char *src = maddr_to_virt(mfn_to_maddr(_mfn(src_mfn)));

	memmove(dst + dst_off, src + src_off, len);
}

static const struct gnttab_ops core_gnttab_ops = {
	.get = gt_get,
	.put = gt_put,
	.may_target = gt_may_target,
	.zalloc = xzalloc_bytes,
	.free = gt_free,
	.alloc_frame = gt_alloc_frame,
	.free_frame = gt_free_frame,
	.frame_gfn = gt_frame_gfn,
	.put_frame_gfn = gt_put_frame_gfn,
	.gfn_to_mfn = gt_gfn_to_mfn,
	.map = gt_map,
	.unmap = gt_unmap,
	.copy = gt_copy,
	.release = gt_release,
};

int domain_gnttab_init(struct domain *d)
{
	unsigned int i;

	gnttab_set_ops(&core_gnttab_ops);
	for (i = 0; i < GNTTAB_DEFAULT_MAX_FRAMES; i++)
		d->gnttab_gfn[i] = GNTTAB_NO_GFN;
	return gnttab_domain_init(&d->gnttab, d->domid, GNTTAB_DEFAULT_MAX_FRAMES,
				  GNTTAB_DEFAULT_MAX_MAPTRACK);
}

void domain_gnttab_destroy(struct domain *d)
{
	gnttab_domain_destroy(&d->gnttab);
}

/* One guest struct in, the module's op, the struct back out (always). */
static long gnttab_one(struct domain *d, unsigned int cmd, uint64_t uop, size_t size)
{
	uint64_t buf[GNTTAB_ARG_MAX / sizeof(uint64_t)];
	long rc;

	if (copy_from_guest(buf, uop, size))
		return -XEN_EFAULT;
	/* No domain is created or destroyed while a grant op looks at two. */
	domctl_lock();
	rc = gnttab_op(&d->gnttab, cmd, buf, 1);
	domctl_unlock();
	if (copy_to_guest(uop, buf, size))
		return -XEN_EFAULT;
	return rc;
}

/*
 * grant_table_op(cmd, uop, count). The single-struct ops need count 1
 * (the module says -EINVAL otherwise); batches stop at the first error.
 * After GNTTAB_BATCH entries the arguments are advanced and the HVC is
 * re-issued (Xen's continuation on Arm: x0 keeps cmd, pc back 4).
 */
long do_grant_table_op(struct cpu_regs *regs)
{
	struct domain *d = current_vcpu()->domain;
	unsigned int cmd = (unsigned int)regs->x[0], count = (unsigned int)regs->x[2];
	size_t size = gnttab_op_size(cmd);
	unsigned int i;
	long rc = 0;

	if (!size || size > GNTTAB_ARG_MAX)
		return -XEN_ENOSYS;
	if (count != 1 && !gnttab_op_is_batch(cmd))
		return -XEN_EINVAL;
	for (i = 0; i < count && !rc; i++) {
		if (i == GNTTAB_BATCH && !hypercall_in_multicall()) {
			regs->x[1] += i * size;
			regs->x[2] = count - i;
			return hypercall_continue(regs);
		}
		rc = gnttab_one(d, cmd, regs->x[1] + i * size, size);
	}
	return rc;
}

/* XENMAPSPACE_grant_table: shared frame idx at gpfn (moved if mapped before). */
long gnttab_add_to_physmap(struct domain *d, unsigned long idx, uint64_t gpfn)
{
	void *page;
	long rc;

	if (gpfn >> (P2M_IPA_BITS - PAGE_SHIFT))
		return -XEN_EINVAL;
	rc = gnttab_get_frame(&d->gnttab, idx, &page);
	if (rc)
		return rc;
	if (d->gnttab_gfn[idx] != GNTTAB_NO_GFN && d->gnttab_gfn[idx] != gpfn)
		p2m_unmap(&d->p2m, _gfn(d->gnttab_gfn[idx]), 1);
	if (p2m_map(&d->p2m, _gfn(gpfn), maddr_to_mfn(virt_to_maddr(page)), 1, P2M_RAM_RW))
		return -XEN_ENOMEM;
	d->gnttab_gfn[idx] = gpfn;
	return 0;
}
