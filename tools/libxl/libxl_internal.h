/* SPDX-License-Identifier: GPL-2.0-only */
/* libxl internals. */
#ifndef XA_LIBXL_INTERNAL_H
#define XA_LIBXL_INTERNAL_H

#include <stdio.h>

#include "libxl.h"

struct libxl_ctx {
	xc_interface *xch;
	int xs_fd;      /* xenstore socket or xenbus device, -1 until used */
	uint32_t xs_req_id;
};

/* Minimal xenstore client (libxl_xs.c); each returns 0 or -1 with errno. */
int libxl_xs_open(libxl_ctx *ctx);
void libxl_xs_close(libxl_ctx *ctx);
char *libxl_xs_read(libxl_ctx *ctx, const char *path);
int libxl_xs_write(libxl_ctx *ctx, const char *path, const char *value);

#endif
