// SPDX-License-Identifier: GPL-2.0-only
/*
 * Domain lifecycle for the toolstack (domctl): create a paused domain,
 * pause/unpause it, record its shutdown, destroy it.
 *
 * Destruction returns every page the domain was given, zeroed, to the
 * heap. A frame another domain still maps (dom0's foreign mappings while
 * it builds or watches a guest) is kept until that mapping goes: the
 * domain then stays listed as dying, and vanishes with the last mapping
 * (memory.c calls domain_release_check()).
 *
 * Callers hold domctl's lock (domctl_lock()), which serialises every
 * change to the domain list and to a domain's memory bookkeeping.
 */
#include <public/errno.h>
#include <xen/console.h>
#include <xen/domain.h>
#include <xen/grant_table.h>
#include <xen/lib.h>
#include <xen/memory.h>
#include <xen/mm.h>
#include <xen/sched.h>
#include <xen/xmalloc.h>
#include <xen/xsm.h>

static unsigned int last_domid;

static int pick_domid(unsigned int want, unsigned int *id)
{
	unsigned int i;

	if (want && want < DOMID_FIRST_RESERVED) {
		if (want >= MAX_DOMAINS)
			return -XEN_EINVAL;
		if (domain_by_id(want))
			return -XEN_EEXIST;
		*id = want;
		return 0;
	}
	/* As Xen: the next free id after the last one given, so a restarted
	 * guest (xl reboot) gets a new domid and stale references miss. */
	for (i = 0; i < MAX_DOMAINS - 1; i++) {
		unsigned int cand = 1 + (last_domid + i) % (MAX_DOMAINS - 1);

		if (!domain_by_id(cand)) {
			*id = last_domid = cand;
			return 0;
		}
	}
	return -XEN_ENOMEM;
}

static void free_vcpus(struct domain *d)
{
	unsigned int i;

	for (i = 0; i < d->nr_vcpus; i++)
		if (d->vcpu[i]) {
			vcpu_destroy(d->vcpu[i]);
			d->vcpu[i] = NULL;
		}
}

/* Offline until the toolstack's setvcpucontext + unpause (or PSCI CPU_ON). */
static int alloc_vcpus(struct domain *d)
{
	unsigned int i;

	for (i = 0; i < d->nr_vcpus; i++)
		if (!vcpu_create(d, i))
			return -XEN_ENOMEM;
	return 0;
}

/* Everything but the registry entry; undoes whatever part was done. */
static void free_domain(struct domain *d)
{
	arch_domain_destroy(d);
	free_vcpus(d);
	if (d->p2m.root)
		p2m_destroy(&d->p2m);
	if (d->shared_info)
		free_pages(d->shared_info, 0);
	memory_domain_free(d);
	xfree(d);
}

/* sched.h's order: vCPU count and vGIC first, then the vCPUs. */
static int setup_domain(struct domain *d, const struct domain_config *cfg)
{
	d->nr_vcpus = cfg->max_vcpus;
	/* VMID: one per domain id (dom0 has 1). */
	if (p2m_init(&d->p2m, (uint16_t)(d->domid + 1)))
		return -XEN_ENOMEM;
	if (arch_domain_create(d, cfg) || alloc_vcpus(d))
		return -XEN_ENOMEM;
	return domain_register(d) ? -XEN_ENOMEM : 0;
}

struct domain *domain_create(unsigned int domid, const struct domain_config *cfg, int *err)
{
	struct domain *d;
	unsigned int id;

	*err = pick_domid(domid, &id);
	if (*err)
		return NULL;
	d = xzalloc(struct domain);
	if (!d) {
		*err = -XEN_ENOMEM;
		return NULL;
	}
	d->domid = (uint16_t)id;
	d->pause_count = 1;	/* as Xen: created paused by the toolstack */
	d->address_size = 32;	/* Arm domains start AArch32 until told */
	d->max_evtchn_port = cfg->max_evtchn_port;
	d->config = cfg->arch;
	if (cfg->handle)
		memcpy(d->handle, cfg->handle, sizeof(d->handle));
	*err = setup_domain(d, cfg);
	if (*err) {
		domain_unregister(d);
		free_domain(d);
		return NULL;
	}
	return d;
}

/* Tell the control domain something happened to a domain (xenstored
 * fires @releaseDomain on it). */
static void notify_dom_exc(void)
{
	struct domain *ctl = domain_by_id(0);

	if (ctl && !ctl->is_dying)
		evtchn_send_global_virq(&ctl->evtchn, VIRQ_DOM_EXC);
}

void domain_release_check(struct domain *d)
{
	if (!d->is_dying || d->foreign_refs)
		return;
	domain_unregister(d);
	free_domain(d);
}

void domain_destroy(struct domain *d)
{
	if (d->is_dying) {
		domain_release_check(d);
		return;
	}
	d->is_dying = true;
	domain_pause(d);	/* for good: no vCPU of d runs after this */
	evtchn_domain_destroy(&d->evtchn);
	domain_gnttab_destroy(d);
	memory_domain_relinquish(d);
	notify_dom_exc();
	domain_release_check(d);
}

/*
 * The creation pause is not a scheduler pause (the vCPUs are simply
 * offline); the first unpause that brings the count to 0 starts the
 * vCPUs setvcpucontext prepared. Later pauses are the scheduler's
 * counted domain_pause().
 */
void domain_pause_by_toolstack(struct domain *d)
{
	d->pause_count++;
	if (d->started)
		domain_pause(d);
}

static void start_vcpus(struct domain *d)
{
	unsigned int i;

	d->started = true;
	for (i = 0; i < d->nr_vcpus; i++) {
		struct vcpu *v = d->vcpu[i];

		if (v && v->boot_pending) {
			printk("d%u: vCPU %u starts at %#llx\n", d->domid, v->id,
			       (unsigned long long)v->boot_pc);
			v->boot_pending = false;
			vcpu_start(v, v->boot_pc, v->boot_x0);
		}
	}
}

int domain_unpause_by_toolstack(struct domain *d)
{
	if (!d->pause_count)
		return -XEN_EINVAL;
	d->pause_count--;
	if (d->started)
		domain_unpause(d);
	else if (!d->pause_count)
		start_vcpus(d);
	return 0;
}

void domain_shutdown(struct domain *d, unsigned int reason)
{
	if (d->is_dying || d->is_shut_down)
		return;
	d->is_shut_down = true;
	d->shutdown_code = (uint8_t)reason;
	notify_dom_exc();	/* the scheduler has stopped its vCPUs */
}

unsigned long domain_heap_free_pages(void)
{
	return page_alloc_free_count();
}
