/* SPDX-License-Identifier: GPL-2.0-only */
/* event_channel_op and hvm_op wrappers used when building a domain. */
#include <errno.h>
#include <stdlib.h>
#include <sys/mman.h>

#include "xc_private.h"

int xc_evtchn_alloc_unbound(xc_interface *xch, uint32_t domid, uint32_t remote)
{
	struct evtchn_alloc_unbound a = { .dom = (domid_t)domid, .remote_dom = (domid_t)remote };

	if (xc_hypercall_buf(xch, __HYPERVISOR_event_channel_op, EVTCHNOP_alloc_unbound,
			     &a, sizeof(a)) < 0)
		return -1;
	return (int)a.port;
}

int xc_hvm_param_set(xc_interface *xch, uint32_t domid, uint32_t param, uint64_t value)
{
	struct xen_hvm_param p = { .domid = (domid_t)domid, .index = param, .value = value };

	return xc_hypercall_buf(xch, __HYPERVISOR_hvm_op, HVMOP_set_param, &p, sizeof(p)) < 0
		       ? -1 : 0;
}

int xc_hvm_param_get(xc_interface *xch, uint32_t domid, uint32_t param, uint64_t *value)
{
	struct xen_hvm_param p = { .domid = (domid_t)domid, .index = param };

	if (xc_hypercall_buf(xch, __HYPERVISOR_hvm_op, HVMOP_get_param, &p, sizeof(p)) < 0)
		return -1;
	*value = p.value;
	return 0;
}

/* Fails as a whole (errno = the first page's error) if any page failed. */
void *xc_map_foreign_pages(xc_interface *xch, uint32_t domid, int prot,
			   const xen_pfn_t *gfns, unsigned int num)
{
	int *errs = calloc(num ? num : 1, sizeof(*errs));
	void *m = NULL;

	if (!errs || !xch->ops->map_foreign) {
		errno = errs ? ENOSYS : ENOMEM;
		goto out;
	}
	m = xch->ops->map_foreign(xch->priv, domid, prot, gfns, errs, num);
	for (unsigned int i = 0; m && i < num; i++)
		if (errs[i]) {
			munmap(m, (size_t)num * 4096);
			errno = errs[i] < 0 ? -errs[i] : errs[i];
			m = NULL;
		}
out:
	free(errs);
	return m;
}

void *xc_map_resource(xc_interface *xch, uint32_t domid, unsigned int type, unsigned int id,
		      unsigned int idx, unsigned int num)
{
	if (!xch->ops->map_resource) {
		errno = ENOSYS;
		return NULL;
	}
	return xch->ops->map_resource(xch->priv, domid, type, id, idx, num);
}
