/* SPDX-License-Identifier: GPL-2.0-only */
/* sysctl wrappers: host information, the console ring, debug keys, the domain list. */
#include <errno.h>
#include <string.h>

#include "xc_private.h"

int xc_physinfo(xc_interface *xch, xc_physinfo_t *info)
{
	struct xen_sysctl s = { .cmd = XEN_SYSCTL_physinfo };

	if (xc_do_sysctl(xch, &s))
		return -1;
	*info = s.u.physinfo;
	return 0;
}

int xc_sched_id(xc_interface *xch, int *sched_id)
{
	struct xen_sysctl s = { .cmd = XEN_SYSCTL_sched_id };

	if (xc_do_sysctl(xch, &s))
		return -1;
	*sched_id = (int)s.u.sched_id.sched_id;
	return 0;
}

int xc_readconsolering(xc_interface *xch, char *buf, unsigned int *size, int clear,
		       int incremental, uint32_t *index)
{
	struct xen_sysctl s = { .cmd = XEN_SYSCTL_readconsole };
	char *hbuf = xc_buf_alloc(xch, *size);
	int rc;

	if (!hbuf)
		return -1;
	s.u.readconsole.clear = (uint8_t)!!clear;
	s.u.readconsole.incremental = (uint8_t)!!incremental;
	s.u.readconsole.index = index ? *index : 0;
	s.u.readconsole.count = *size;
	set_xen_guest_handle(s.u.readconsole.buffer, hbuf);
	rc = xc_do_sysctl(xch, &s);
	if (!rc) {
		*size = s.u.readconsole.count;
		memcpy(buf, hbuf, *size);
		if (index)
			*index = s.u.readconsole.index;
	}
	xc_buf_free(xch, hbuf, *size ? *size : 1);
	return rc;
}

/* The keys run one by one as if typed on the hypervisor's serial console. */
int xc_send_debug_keys(xc_interface *xch, const char *keys)
{
	struct xen_sysctl s = { .cmd = XEN_SYSCTL_debug_keys };
	size_t len = strlen(keys);
	char *hbuf = xc_buf_alloc(xch, len ? len : 1);
	int rc;

	if (!hbuf)
		return -1;
	memcpy(hbuf, keys, len);
	set_xen_guest_handle(s.u.debug_keys.keys, hbuf);
	s.u.debug_keys.nr_keys = (uint32_t)len;
	rc = xc_do_sysctl(xch, &s);
	xc_buf_free(xch, hbuf, len ? len : 1);
	return rc;
}

int xc_domain_getinfolist(xc_interface *xch, uint32_t first, unsigned int max,
			  xc_domaininfo_t *info)
{
	struct xen_sysctl s = { .cmd = XEN_SYSCTL_getdomaininfolist };
	size_t len = (size_t)max * sizeof(*info);
	xc_domaininfo_t *hbuf = xc_buf_alloc(xch, len ? len : 1);
	int rc;

	if (!hbuf)
		return -1;
	s.u.getdomaininfolist.first_domain = (domid_t)first;
	s.u.getdomaininfolist.max_domains = max;
	set_xen_guest_handle(s.u.getdomaininfolist.buffer, hbuf);
	rc = xc_do_sysctl(xch, &s);
	if (!rc) {
		rc = (int)s.u.getdomaininfolist.num_domains;
		if ((unsigned int)rc > max) {
			errno = EPROTO;
			rc = -1;
		} else {
			memcpy(info, hbuf, (size_t)rc * sizeof(*info));
		}
	}
	xc_buf_free(xch, hbuf, len ? len : 1);
	return rc;
}
