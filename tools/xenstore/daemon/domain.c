/* SPDX-License-Identifier: GPL-2.0-only */
/* Domains: introduce/release, per-domain accounting, ring connections. */
#include <stdlib.h>
#include <string.h>
#include "xenstored.h"
#include "ring.h"

#define DOMINF_DYING    (1u << 0)	/* XEN_DOMINF_dying */
#define DOMINF_SHUTDOWN (1u << 2)	/* XEN_DOMINF_shutdown */

static struct domain *domains;

struct domain *domain_find(uint32_t domid)
{
	struct domain *d;

	for (d = domains; d; d = d->next)
		if (d->domid == domid)
			return d;
	return NULL;
}

/* Find or create the accounting record of a domain. */
struct domain *domain_get(uint32_t domid)
{
	struct domain *d = domain_find(domid);

	if (d)
		return d;
	d = calloc(1, sizeof(*d));
	if (!d)
		return NULL;
	d->domid = domid;
	d->target = DOMID_INVALID;
	d->next = domains;
	domains = d;
	return d;
}

/* Forget a domain that is gone or dying: unmap its ring so it can die. */
static void domain_gone(struct domain *d)
{
	ring_disconnect(d);
	d->introduced = false;
	d->target = DOMID_INVALID;
}

int domain_introduce(uint32_t domid, uint64_t mfn, uint32_t port)
{
	struct domain *d;
	int err;

	if (domid == 0 || domid >= DOMID_INVALID)
		return EINVAL;
	d = domain_get(domid);
	if (!d)
		return ENOMEM;
	if (d->introduced)
		return 0;	/* re-introduction is harmless (C: rebinds) */
	d->mfn = mfn;
	d->port = port;
	d->shutdown = false;
	if ((err = ring_connect(d)))
		return err;
	d->introduced = true;
	watch_fire_special("@introduceDomain");
	return 0;
}

int domain_release(uint32_t domid)
{
	struct domain *d = domain_find(domid);

	if (domid == 0)
		return EINVAL;
	if (!d || !d->introduced)
		return ENOENT;
	domain_gone(d);
	watch_fire_special("@releaseDomain");
	return 0;
}

void domain_forget_conn(struct conn *c)
{
	if (c->dom && c->dom->conn == c) {
		c->dom->conn = NULL;
		c->dom->ring = NULL;
	}
}

/*
 * VIRQ_DOM_EXC: look up every introduced domain; fire @releaseDomain once
 * for each that shut down and for each that is dying or gone.  If the
 * hypervisor cannot be asked, fire it anyway (spurious events are allowed,
 * watchers look the states up themselves).
 */
void domain_exception(void)
{
	struct domain *d;
	uint32_t flags;
	bool fire = false, asked = false;
	int err;

	for (d = domains; d; d = d->next) {
		if (!d->introduced || d->domid == 0)
			continue;
		err = xen_domain_flags(d->domid, &flags);
		if (err && err != ENOENT)
			continue;
		asked = true;
		if (err == ENOENT || (flags & DOMINF_DYING)) {
			domain_gone(d);
			fire = true;
		} else if ((flags & DOMINF_SHUTDOWN) && !d->shutdown) {
			d->shutdown = true;
			fire = true;
		}
	}
	if (fire || !asked)
		watch_fire_special("@releaseDomain");
}
