/* SPDX-License-Identifier: GPL-2.0-only */
/* The libxl context: a libxc handle plus, when needed, a xenstore connection. */
#include <stdlib.h>

#include "libxl_internal.h"

libxl_ctx *libxl_ctx_alloc(void)
{
	libxl_ctx *ctx = calloc(1, sizeof(*ctx));

	if (!ctx)
		return NULL;
	ctx->xch = xc_interface_open();
	if (!ctx->xch) {
		fprintf(stderr, "libxl: cannot open libxc handle: the hypervisor is not "
			"reachable (no /dev/xen/privcmd)\n");
		free(ctx);
		return NULL;
	}
	ctx->xs_fd = -1;
	return ctx;
}

/* For programs that only talk to xenstore (the console client). */
libxl_ctx *libxl_ctx_alloc_xs_only(void)
{
	libxl_ctx *ctx = calloc(1, sizeof(*ctx));

	if (ctx)
		ctx->xs_fd = -1;
	return ctx;
}

void libxl_ctx_free(libxl_ctx *ctx)
{
	if (!ctx)
		return;
	libxl_xs_close(ctx);
	if (ctx->xch)
		xc_interface_close(ctx->xch);
	free(ctx);
}

xc_interface *libxl_ctx_xch(libxl_ctx *ctx)
{
	return ctx->xch;
}
