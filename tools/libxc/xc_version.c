/* SPDX-License-Identifier: GPL-2.0-only */
/* xen_version: each sub-op with its payload size. */
#include <errno.h>

#include "xc_private.h"

static const struct {
	int cmd;
	size_t len;
} payload[] = {
	{ XENVER_version, 0 },
	{ XENVER_extraversion, sizeof(xen_extraversion_t) },
	{ XENVER_compile_info, sizeof(struct xen_compile_info) },
	{ XENVER_capabilities, sizeof(xen_capabilities_info_t) },
	{ XENVER_changeset, sizeof(xen_changeset_info_t) },
	{ XENVER_platform_parameters, sizeof(struct xen_platform_parameters) },
	{ XENVER_get_features, sizeof(struct xen_feature_info) },
	{ XENVER_pagesize, 0 },
	{ XENVER_guest_handle, sizeof(xen_domain_handle_t) },
	{ XENVER_commandline, sizeof(xen_commandline_t) },
};

int xc_version(xc_interface *xch, int cmd, void *arg)
{
	for (size_t i = 0; i < sizeof(payload) / sizeof(payload[0]); i++)
		if (payload[i].cmd == cmd)
			return (int)xc_hypercall_buf(xch, __HYPERVISOR_xen_version, (uint64_t)cmd,
						     payload[i].len ? arg : NULL, payload[i].len);
	errno = EINVAL;
	return -1;
}
