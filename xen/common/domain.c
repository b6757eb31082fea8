// SPDX-License-Identifier: GPL-2.0-only
/*
 * Domains by id, and the glue between the core and the self-contained
 * event-channel module (xen/event.h): how it finds a domain, its
 * shared_info and vcpu_info pages, and how it raises the upcall.
 */
#include <xen/domain.h>
#include <xen/event.h>
#include <xen/lib.h>
#include <xen/mm.h>
#include <xen/xmalloc.h>
#include <xen/xsm.h>

#define DOM0_MAX_PORT 1023

/* Written only under domctl's lock (and by dom0's builder before any
 * guest runs); readers see a whole pointer. */
static struct domain *domains[MAX_DOMAINS];

struct domain *domain_by_id(unsigned int domid)
{
	return domid < MAX_DOMAINS ? domains[domid] : NULL;
}

struct domain *domain_next(unsigned int domid)
{
	for (; domid < MAX_DOMAINS; domid++)
		if (domains[domid])
			return domains[domid];
	return NULL;
}

static struct domain *of_evtchn(struct evtchn_domain *e)
{
	return (struct domain *)((char *)e - offsetof(struct domain, evtchn));
}

static struct evtchn_domain *ev_get(domid_t id)
{
	struct domain *d = domain_by_id(id);

	return d && !d->is_dying ? &d->evtchn : NULL;
}

static void ev_put(struct evtchn_domain *e)
{
}

static struct shared_info *ev_shared_info(struct evtchn_domain *e)
{
	return of_evtchn(e)->shared_info;
}

/* The registered vcpu_info page, found through the domain's stage 2. */
static struct vcpu_info *ev_vcpu_info(struct evtchn_domain *e, unsigned int n)
{
	struct domain *d = of_evtchn(e);
	struct vcpu *v = n < d->nr_vcpus ? d->vcpu[n] : NULL;
	enum p2m_type t;
	mfn_t m;

	if (!v)
		return NULL;
	if (v->vcpu_info_gfn == ~0ULL)	/* legacy slot in shared_info */
		return d->shared_info && n < XEN_LEGACY_MAX_VCPUS ?
		       &((struct shared_info *)d->shared_info)->vcpu_info[n] : NULL;
	m = p2m_lookup(&d->p2m, _gfn(v->vcpu_info_gfn), &t);
	if (t != P2M_RAM_RW)
		return NULL;
	return (struct vcpu_info *)((char *)maddr_to_virt(mfn_to_maddr(m)) + v->vcpu_info_offset);
}

static void ev_kick(struct evtchn_domain *e, unsigned int vcpu)
{
	struct domain *d = of_evtchn(e);

	if (vcpu < d->nr_vcpus)
		arch_vcpu_kick_evtchn(d->vcpu[vcpu]);
}

static bool ev_may_target(struct evtchn_domain *caller, struct evtchn_domain *target)
{
	return xsm_may_target(of_evtchn(caller), of_evtchn(target));
}

static void ev_free(void *p)
{
	xfree(p);
}

static const struct evtchn_ops core_evtchn_ops = {
	.get = ev_get,
	.put = ev_put,
	.shared_info = ev_shared_info,
	.vcpu_info = ev_vcpu_info,
	.kick = ev_kick,
	.may_target = ev_may_target,
	.zalloc = xzalloc_bytes,
	.free = ev_free,
};

int domain_register(struct domain *d)
{
	unsigned int max_port = d->max_evtchn_port ? d->max_evtchn_port : DOM0_MAX_PORT;

	if (d->domid >= MAX_DOMAINS || domains[d->domid])
		return -1;
	evtchn_set_ops(&core_evtchn_ops);
	if (evtchn_domain_init(&d->evtchn, d->domid, d->nr_vcpus, max_port))
		return -1;
	if (domain_gnttab_init(d))
		return -1;
	domains[d->domid] = d;
	return 0;
}

void domain_unregister(struct domain *d)
{
	if (d->domid < MAX_DOMAINS && domains[d->domid] == d)
		domains[d->domid] = NULL;
}
