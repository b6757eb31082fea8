/* SPDX-License-Identifier: GPL-2.0-only */
/* domctl wrappers: one small function per command. */
#include <errno.h>
#include <string.h>

#include "xc_private.h"

static int simple_domctl(xc_interface *xch, uint32_t domid, uint32_t cmd)
{
	struct xen_domctl d = { .cmd = cmd, .domain = (domid_t)domid };

	return xc_do_domctl(xch, &d);
}

int xc_domain_create(xc_interface *xch, uint32_t *domid, struct xen_domctl_createdomain *config)
{
	struct xen_domctl d = { .cmd = XEN_DOMCTL_createdomain, .domain = (domid_t)*domid };

	d.u.createdomain = *config;
	if (xc_do_domctl(xch, &d))
		return -1;
	*domid = d.domain;
	*config = d.u.createdomain;
	return 0;
}

/* Xen answers with the next domain >= domid; only an exact match counts. */
int xc_domain_getinfo_single(xc_interface *xch, uint32_t domid, xc_domaininfo_t *info)
{
	struct xen_domctl d = { .cmd = XEN_DOMCTL_getdomaininfo, .domain = (domid_t)domid };

	if (xc_do_domctl(xch, &d))
		return -1;
	if (d.u.getdomaininfo.domain != domid) {
		errno = ESRCH;
		return -1;
	}
	*info = d.u.getdomaininfo;
	return 0;
}

int xc_domain_destroy(xc_interface *xch, uint32_t domid)
{
	int rc;

	do
		rc = simple_domctl(xch, domid, XEN_DOMCTL_destroydomain);
	while (rc && errno == EAGAIN);
	return rc;
}

int xc_domain_pause(xc_interface *xch, uint32_t domid)
{
	return simple_domctl(xch, domid, XEN_DOMCTL_pausedomain);
}

int xc_domain_unpause(xc_interface *xch, uint32_t domid)
{
	return simple_domctl(xch, domid, XEN_DOMCTL_unpausedomain);
}

int xc_domain_setmaxmem(xc_interface *xch, uint32_t domid, uint64_t max_memkb)
{
	struct xen_domctl d = { .cmd = XEN_DOMCTL_max_mem, .domain = (domid_t)domid };

	d.u.max_mem.max_memkb = max_memkb;
	return xc_do_domctl(xch, &d);
}

int xc_domain_max_vcpus(xc_interface *xch, uint32_t domid, unsigned int max)
{
	struct xen_domctl d = { .cmd = XEN_DOMCTL_max_vcpus, .domain = (domid_t)domid };

	d.u.max_vcpus.max = max;
	return xc_do_domctl(xch, &d);
}

int xc_domain_set_address_size(xc_interface *xch, uint32_t domid, unsigned int bits)
{
	struct xen_domctl d = { .cmd = XEN_DOMCTL_set_address_size, .domain = (domid_t)domid };

	d.u.address_size.size = bits;
	return xc_do_domctl(xch, &d);
}

int xc_domain_cacheflush(xc_interface *xch, uint32_t domid, xen_pfn_t start, xen_pfn_t nr)
{
	struct xen_domctl d = { .cmd = XEN_DOMCTL_cacheflush, .domain = (domid_t)domid };

	d.u.cacheflush.start_pfn = start;
	d.u.cacheflush.nr_pfns = nr;
	return xc_do_domctl(xch, &d);
}

int xc_set_paging_mempool_size(xc_interface *xch, uint32_t domid, uint64_t bytes)
{
	struct xen_domctl d = { .cmd = XEN_DOMCTL_set_paging_mempool_size,
				.domain = (domid_t)domid };

	d.u.paging_mempool.size = bytes;
	return xc_do_domctl(xch, &d);
}

int xc_vcpu_getinfo(xc_interface *xch, uint32_t domid, uint32_t vcpu,
		    struct xen_domctl_getvcpuinfo *info)
{
	struct xen_domctl d = { .cmd = XEN_DOMCTL_getvcpuinfo, .domain = (domid_t)domid };

	d.u.getvcpuinfo.vcpu = vcpu;
	if (xc_do_domctl(xch, &d))
		return -1;
	*info = d.u.getvcpuinfo;
	return 0;
}

int xc_vcpu_setcontext(xc_interface *xch, uint32_t domid, uint32_t vcpu,
		       const struct vcpu_guest_context *ctxt)
{
	struct xen_domctl d = { .cmd = XEN_DOMCTL_setvcpucontext, .domain = (domid_t)domid };
	struct vcpu_guest_context *buf = xc_buf_alloc(xch, sizeof(*buf));
	int rc, saved;

	if (!buf)
		return -1;
	memcpy(buf, ctxt, sizeof(*buf));
	d.u.vcpucontext.vcpu = vcpu;
	set_xen_guest_handle(d.u.vcpucontext.ctxt, buf);
	rc = xc_do_domctl(xch, &d);
	saved = errno;
	xc_buf_free(xch, buf, sizeof(*buf));
	errno = saved;
	return rc;
}

int xc_domain_sethandle(xc_interface *xch, uint32_t domid, const xen_domain_handle_t handle)
{
	struct xen_domctl d = { .cmd = XEN_DOMCTL_setdomainhandle, .domain = (domid_t)domid };

	memcpy(d.u.setdomainhandle.handle, handle, sizeof(d.u.setdomainhandle.handle));
	return xc_do_domctl(xch, &d);
}
