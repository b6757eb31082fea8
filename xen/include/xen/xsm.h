/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Privilege checks: Xen's "dummy" XSM policy. Only the control domain
 * (dom0) may use domctl, sysctl, foreign mappings or act on another
 * domain; every hypercall entry that acts on another domain asks here, so
 * the rule lives in one place.
 */
#ifndef XEN_XSM_H
#define XEN_XSM_H

#include <xen/domain.h>

static inline bool is_control_domain(const struct domain *d)
{
	return d && d->domid == 0;
}

/* May `caller` act on `target`: itself, or the caller is the control domain. */
static inline bool xsm_may_target(const struct domain *caller, const struct domain *target)
{
	return caller && (caller == target || is_control_domain(caller));
}

#endif
