/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Xen's dummy XSM policy, the one privilege rule every hypercall family
 * uses: dom0 is the control domain; a domain may act on itself, and the
 * control domain on any domain.
 */
#ifndef XEN_XSM_H
#define XEN_XSM_H

#include <xen/domain.h>

static inline bool is_control_domain(const struct domain *d)
{
	return d->domid == 0;
}

/* May `cur` act on `d` (XSM_TARGET in Xen's dummy policy)? */
static inline bool xsm_privileged(const struct domain *cur, const struct domain *d)
{
	return cur == d || is_control_domain(cur);
}

#endif
