/* SPDX-License-Identifier: GPL-2.0-only */
/* memory_op wrappers. */
#include <errno.h>
#include <string.h>

#include "xc_private.h"

int xc_domain_populate_physmap_exact(xc_interface *xch, uint32_t domid, unsigned long nr,
				     unsigned int order, unsigned int flags, xen_pfn_t *gfns)
{
	struct xen_memory_reservation r = { .nr_extents = nr, .extent_order = order,
					    .mem_flags = flags, .domid = (domid_t)domid };
	size_t len = nr * sizeof(*gfns);
	xen_pfn_t *buf = xc_buf_alloc(xch, len ? len : 1);
	long rc;

	if (!buf)
		return -1;
	memcpy(buf, gfns, len);
	set_xen_guest_handle(r.extent_start, buf);
	rc = xc_hypercall_buf(xch, __HYPERVISOR_memory_op, XENMEM_populate_physmap, &r, sizeof(r));
	if (rc >= 0)
		memcpy(gfns, buf, len);
	xc_buf_free(xch, buf, len ? len : 1);
	if (rc >= 0 && (unsigned long)rc != nr) {
		errno = EBUSY; /* partial: the hypervisor ran out of memory or quota */
		return -1;
	}
	return rc < 0 ? -1 : 0;
}
