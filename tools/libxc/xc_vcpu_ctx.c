// SPDX-License-Identifier: GPL-2.0-only
/*
 * XEN_DOMCTL_getvcpucontext: a vCPU's saved registers (xenctx, core
 * dumps). The hypervisor fills a bounce buffer; the caller gets a copy.
 */
#include <errno.h>
#include <string.h>

#include "xc_private.h"

int xc_vcpu_getcontext(xc_interface *xch, uint32_t domid, uint32_t vcpu,
		       struct vcpu_guest_context *ctxt)
{
	struct xen_domctl d = { .cmd = XEN_DOMCTL_getvcpucontext, .domain = (domid_t)domid };
	struct vcpu_guest_context *buf = xc_buf_alloc(xch, sizeof(*buf));
	int rc, saved;

	if (!buf)
		return -1;
	memset(buf, 0, sizeof(*buf));
	d.u.vcpucontext.vcpu = vcpu;
	set_xen_guest_handle(d.u.vcpucontext.ctxt, buf);
	rc = xc_do_domctl(xch, &d);
	saved = errno;
	if (!rc)
		memcpy(ctxt, buf, sizeof(*buf));
	xc_buf_free(xch, buf, sizeof(*buf));
	errno = saved;
	return rc;
}
