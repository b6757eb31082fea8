/* SPDX-License-Identifier: GPL-2.0-only */
/* Domains: introduce/release, per-domain accounting, ring connections. */
#include <stdlib.h>
#include <string.h>
#include "xenstored.h"
#include "ring.h"

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
	ring_disconnect(d);
	d->introduced = false;
	d->target = DOMID_INVALID;
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
