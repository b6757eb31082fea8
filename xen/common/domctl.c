// SPDX-License-Identifier: GPL-2.0-only
/*
 * domctl: the toolstack's control of one domain, at Xen 4.17's interface
 * version (0x15). One table by command; the entry copies struct xen_domctl
 * in once, checks the caller (control domain only: -EPERM otherwise) and
 * the version (-EACCES), finds the target domain where the command needs
 * one (-ESRCH), runs the handler on the copy and copies the copy back
 * when the handler says so. Unknown commands: -ENOSYS.
 */
#include <public/domctl.h>
#include <public/errno.h>
#include <public/sysctl.h>
#include <xen/domain.h>
#include <xen/domctl.h>
#include <xen/guest_access.h>
#include <xen/lib.h>
#include <xen/memory.h>
#include <xen/sched.h>
#include <xen/xsm.h>

#define MAX_SPIS 960			/* 988 rounded down to 32 */
#define CDF_ALLOWED (XEN_DOMCTL_CDF_hvm | XEN_DOMCTL_CDF_hap | XEN_DOMCTL_CDF_iommu | \
		     XEN_DOMCTL_CDF_vpmu)
#define MAX_CACHEFLUSH_PAGES (1ULL << 18)

enum {
	NEEDS_DOMAIN = 1 << 0,		/* op->domain must name an existing domain */
	COPY_BACK = 1 << 1,		/* copy the struct back when rc == 0 */
};

typedef long (*domctl_fn)(struct domain *caller, struct domain *d, struct xen_domctl *op);

struct domctl_cmd {
	domctl_fn fn;
	unsigned int flags;
};

/* ---- createdomain ---- */

static int check_gic(struct xen_arch_domainconfig *a, unsigned int max_vcpus)
{
	unsigned int host = arch_gic_version();

	if (a->gic_version == XEN_DOMCTL_CONFIG_GIC_NATIVE)
		a->gic_version = (uint8_t)host;
	/* No GICv2-on-v3 emulation (GICv3 hardware without the legacy
	 * interface cannot give a v2 guest its CPU interface). */
	if (a->gic_version != host)
		return -XEN_EOPNOTSUPP;
	if (a->gic_version == XEN_DOMCTL_CONFIG_GIC_V2 && max_vcpus > 8)
		return -XEN_EINVAL;
	if (a->tee_type != XEN_DOMCTL_CONFIG_TEE_NONE)
		return -XEN_EOPNOTSUPP;
	if (a->nr_spis > MAX_SPIS)
		return -XEN_EINVAL;
	a->nr_spis = ROUNDUP(a->nr_spis, 32);
	a->clock_frequency = arch_timer_dt_frequency();
	return 0;
}

static int check_create(struct xen_domctl_createdomain *c)
{
	const uint32_t need = XEN_DOMCTL_CDF_hvm | XEN_DOMCTL_CDF_hap;

	if ((c->flags & need) != need || (c->flags & ~CDF_ALLOWED))
		return -XEN_EINVAL;
	if (c->max_vcpus < 1 || c->max_vcpus > MAX_VCPUS)
		return -XEN_EINVAL;
	if (XEN_DOMCTL_GRANT_version(c->grant_opts) != 1 || c->vmtrace_size)
		return -XEN_EINVAL;
	return check_gic(&c->arch, c->max_vcpus);
}

static long dc_createdomain(struct domain *caller, struct domain *unused, struct xen_domctl *op)
{
	struct xen_domctl_createdomain *c = &op->u.createdomain;
	struct domain_config cfg;
	struct domain *d;
	int err = check_create(c);

	if (err)
		return err;
	cfg.max_vcpus = c->max_vcpus;
	cfg.max_evtchn_port = c->max_evtchn_port;
	cfg.arch = c->arch;
	cfg.handle = c->handle;
	d = domain_create(op->domain, &cfg, &err);
	if (!d)
		return err;
	op->domain = d->domid;
	return 0;
}

/* ---- state ---- */

static long dc_destroydomain(struct domain *caller, struct domain *d, struct xen_domctl *op)
{
	if (d == caller || is_control_domain(d))
		return -XEN_EINVAL;
	domain_destroy(d);
	return 0;
}

static long dc_pausedomain(struct domain *caller, struct domain *d, struct xen_domctl *op)
{
	if (d == caller)
		return -XEN_EINVAL;
	domain_pause_by_toolstack(d);
	return 0;
}

static long dc_unpausedomain(struct domain *caller, struct domain *d, struct xen_domctl *op)
{
	if (d == caller)
		return -XEN_EINVAL;
	return domain_unpause_by_toolstack(d);
}

static long dc_getdomaininfo(struct domain *caller, struct domain *unused, struct xen_domctl *op)
{
	struct domain *d = domain_next(op->domain);

	if (!d)
		return -XEN_ESRCH;
	domctl_fill_info(d, &op->u.getdomaininfo);
	op->domain = d->domid;
	return 0;
}

static long dc_max_mem(struct domain *caller, struct domain *d, struct xen_domctl *op)
{
	d->max_pages = op->u.max_mem.max_memkb >> (PAGE_SHIFT - 10);
	return 0;
}

static long dc_max_vcpus(struct domain *caller, struct domain *d, struct xen_domctl *op)
{
	/* Xen 4.17: the vCPUs exist since createdomain; only the same count. */
	return op->u.max_vcpus.max == d->nr_vcpus ? 0 : -XEN_EINVAL;
}

static long dc_set_address_size(struct domain *caller, struct domain *d, struct xen_domctl *op)
{
	unsigned int size = op->u.address_size.size;

	if (size != 32 && size != 64)
		return -XEN_EINVAL;
	if (d->tot_pages && size != d->address_size)
		return -XEN_EBUSY;
	d->address_size = size;
	return 0;
}

static long dc_setdomainhandle(struct domain *caller, struct domain *d, struct xen_domctl *op)
{
	memcpy(d->handle, op->u.setdomainhandle.handle, sizeof(d->handle));
	return 0;
}

/* Wall-clock offsets are not kept yet: accepted, as Arm guests take
 * their time from the counter and the toolstack only sets it. */
static long dc_accept(struct domain *caller, struct domain *d, struct xen_domctl *op)
{
	return 0;
}

static long dc_paging_mempool_size(struct domain *caller, struct domain *d, struct xen_domctl *op)
{
	/* Stage-2 tables come from the heap as needed: report what was set. */
	if (op->cmd == XEN_DOMCTL_set_paging_mempool_size) {
		if (op->u.paging_mempool.size & (PAGE_SIZE - 1))
			return -XEN_EINVAL;
		d->paging_pool_bytes = op->u.paging_mempool.size;
	}
	op->u.paging_mempool.size = d->paging_pool_bytes;
	return 0;
}

static long dc_cacheflush(struct domain *caller, struct domain *d, struct xen_domctl *op)
{
	struct xen_domctl_cacheflush *c = &op->u.cacheflush;

	if (c->nr_pfns > MAX_CACHEFLUSH_PAGES || c->start_pfn + c->nr_pfns < c->start_pfn)
		return -XEN_EINVAL;
	arch_domain_cacheflush(d, c->start_pfn, c->nr_pfns);
	return 0;
}

static const struct domctl_cmd domctl_cmds[] = {
	[XEN_DOMCTL_createdomain] = { dc_createdomain, COPY_BACK },
	[XEN_DOMCTL_destroydomain] = { dc_destroydomain, NEEDS_DOMAIN },
	[XEN_DOMCTL_pausedomain] = { dc_pausedomain, NEEDS_DOMAIN },
	[XEN_DOMCTL_unpausedomain] = { dc_unpausedomain, NEEDS_DOMAIN },
	[XEN_DOMCTL_getdomaininfo] = { dc_getdomaininfo, COPY_BACK },
	[XEN_DOMCTL_setvcpuaffinity] = { dc_vcpuaffinity, NEEDS_DOMAIN | COPY_BACK },
	[XEN_DOMCTL_getvcpuaffinity] = { dc_vcpuaffinity, NEEDS_DOMAIN | COPY_BACK },
	[XEN_DOMCTL_max_mem] = { dc_max_mem, NEEDS_DOMAIN },
	[XEN_DOMCTL_setvcpucontext] = { dc_setvcpucontext, NEEDS_DOMAIN },
	[XEN_DOMCTL_getvcpucontext] = { dc_getvcpucontext, NEEDS_DOMAIN },
	[XEN_DOMCTL_getvcpuinfo] = { dc_getvcpuinfo, NEEDS_DOMAIN | COPY_BACK },
	[XEN_DOMCTL_max_vcpus] = { dc_max_vcpus, NEEDS_DOMAIN },
	[XEN_DOMCTL_scheduler_op] = { dc_scheduler_op, NEEDS_DOMAIN | COPY_BACK },
	[XEN_DOMCTL_setdomainhandle] = { dc_setdomainhandle, NEEDS_DOMAIN },
	[XEN_DOMCTL_settimeoffset] = { dc_accept, NEEDS_DOMAIN },
	[XEN_DOMCTL_set_address_size] = { dc_set_address_size, NEEDS_DOMAIN },
	[XEN_DOMCTL_setnodeaffinity] = { dc_nodeaffinity, NEEDS_DOMAIN },
	[XEN_DOMCTL_getnodeaffinity] = { dc_nodeaffinity, NEEDS_DOMAIN },
	[XEN_DOMCTL_cacheflush] = { dc_cacheflush, NEEDS_DOMAIN },
	[XEN_DOMCTL_get_paging_mempool_size] = { dc_paging_mempool_size, NEEDS_DOMAIN | COPY_BACK },
	[XEN_DOMCTL_set_paging_mempool_size] = { dc_paging_mempool_size, NEEDS_DOMAIN },
};

static long domctl_dispatch(struct domain *caller, struct xen_domctl *op, bool *copy_back)
{
	const struct domctl_cmd *c = op->cmd < ARRAY_SIZE(domctl_cmds) ? &domctl_cmds[op->cmd] : NULL;
	struct domain *d = NULL;

	if (!c || !c->fn)
		return -XEN_ENOSYS;
	if (c->flags & NEEDS_DOMAIN) {
		d = domain_by_id(op->domain);
		if (!d || (d->is_dying && op->cmd != XEN_DOMCTL_destroydomain))
			return -XEN_ESRCH;
	}
	*copy_back = c->flags & COPY_BACK;
	return c->fn(caller, d, op);
}

long do_domctl(struct domain *caller, uint64_t arg)
{
	struct xen_domctl op;
	bool copy_back = false;
	long rc;

	if (!is_control_domain(caller))
		return -XEN_EPERM;
	if (copy_from_guest(&op, arg, sizeof(op)))
		return -XEN_EFAULT;
	if (op.interface_version != XEN_DOMCTL_INTERFACE_VERSION)
		return -XEN_EACCES;
	domctl_lock();
	rc = domctl_dispatch(caller, &op, &copy_back);
	domctl_unlock();
	if (!rc && copy_back && copy_to_guest(arg, &op, sizeof(op)))
		return -XEN_EFAULT;
	return rc;
}

void domctl_fill_info(const struct domain *d, struct xen_domctl_getdomaininfo *info)
{
	unsigned int i, online = 0, running = 0;

	memset(info, 0, sizeof(*info));
	for (i = 0; i < d->nr_vcpus; i++) {
		struct vcpu_runinfo ri;

		if (!d->vcpu[i])
			continue;
		vcpu_get_runinfo(d->vcpu[i], &ri);
		online += ri.state != VCPU_OFFLINE;
		running += ri.state == VCPU_RUNNING || ri.state == VCPU_RUNNABLE;
		info->cpu_time += ri.time_ns;
	}
	info->domain = d->domid;
	info->flags = XEN_DOMINF_hvm_guest | XEN_DOMINF_hap |
		      (d->is_dying ? XEN_DOMINF_dying : 0) |
		      (d->pause_count ? XEN_DOMINF_paused : 0) |
		      (running ? XEN_DOMINF_running : online ? XEN_DOMINF_blocked : 0);
	if (d->is_shut_down)
		info->flags |= XEN_DOMINF_shutdown |
			       (uint32_t)d->shutdown_code << XEN_DOMINF_shutdownshift;
	/* dom0's RAM is its 1:1 block; a domU's what populate_physmap gave. */
	info->tot_pages = d->ram_size ? d->ram_size >> PAGE_SHIFT : d->tot_pages;
	info->max_pages = d->ram_size ? d->ram_size >> PAGE_SHIFT : d->max_pages;
	info->nr_online_vcpus = online;
	info->max_vcpu_id = d->nr_vcpus ? d->nr_vcpus - 1 : 0;
	memcpy(info->handle, d->handle, sizeof(info->handle));
	info->gpaddr_bits = P2M_IPA_BITS;
	info->arch_config = d->config;
}
