/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Domain creation.  The hypercall sequence (xen-arm-abi.md §7.3) is built on
 * libxc's wrappers; what is here so far checks that the hypervisor can be
 * reached and the configuration is complete, and says clearly what is missing.
 */
#include <errno.h>
#include <string.h>

#include "libxl_internal.h"

static int check_config(const libxl_domain_config *d)
{
	if (!d->b_info.kernel) {
		fprintf(stderr, "libxl: domain \"%s\": no kernel= given\n", d->c_info.name);
		return ERROR_INVAL;
	}
	if (d->b_info.target_memkb == LIBXL_MEMKB_DEFAULT && d->b_info.max_memkb ==
	    LIBXL_MEMKB_DEFAULT)
		return 0; /* libxl's default of 32 MiB applies */
	if (d->b_info.target_memkb > d->b_info.max_memkb) {
		fprintf(stderr, "libxl: memory (%llu KiB) above maxmem (%llu KiB)\n",
			(unsigned long long)d->b_info.target_memkb,
			(unsigned long long)d->b_info.max_memkb);
		return ERROR_INVAL;
	}
	return 0;
}

int libxl_domain_create(const libxl_domain_config *d, int paused, int console)
{
	libxl_ctx *ctx;
	int rc = check_config(d);

	if (rc)
		return rc;
	ctx = libxl_ctx_alloc();
	if (!ctx)
		return ERROR_FAIL;
	fprintf(stderr, "libxl: building domain \"%s\" is not implemented yet "
		"(use xl -N create to check the configuration)\n", d->c_info.name);
	libxl_ctx_free(ctx);
	return ERROR_NI;
}
