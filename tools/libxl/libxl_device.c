/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Listing and removing PV devices (block-list/-detach, network-list/
 * -detach): read from the frontend directories the guest sees; removal
 * takes the backend offline, sets it Closing and waits for Closed (the
 * xenbus handshake) before both directories are deleted.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "libxl_internal.h"

#define XENBUS_CLOSING "5"
#define XENBUS_CLOSED 6
#define CLOSE_WAIT_TRIES 100 /* x 100 ms */

static int read_int(libxl_ctx *ctx, const char *dir, const char *key, int dflt)
{
	char path[192], *v;
	int r = dflt;

	snprintf(path, sizeof(path), "%s/%s", dir, key);
	v = libxl_xs_read(ctx, path);
	if (v)
		r = atoi(v);
	free(v);
	return r;
}

static void read_str(libxl_ctx *ctx, const char *dir, const char *key, char *out, size_t len)
{
	char path[192], *v;

	snprintf(path, sizeof(path), "%s/%s", dir, key);
	v = libxl_xs_read(ctx, path);
	snprintf(out, len, "%s", v ? v : "");
	free(v);
}

static void fill(libxl_ctx *ctx, uint32_t domid, const char *fe, libxl_devinfo *d)
{
	d->backend_id = read_int(ctx, fe, "backend-id", -1);
	d->frontend_id = (int)domid;
	d->state = read_int(ctx, fe, "state", -1);
	d->evtch = read_int(ctx, fe, "event-channel", -1);
	d->rref = read_int(ctx, fe, "ring-ref", read_int(ctx, fe, "tx-ring-ref", -1));
	d->rref_rx = read_int(ctx, fe, "rx-ring-ref", -1);
	read_str(ctx, fe, "backend", d->backend, sizeof(d->backend));
	read_str(ctx, fe, "mac", d->mac, sizeof(d->mac));
}

int libxl_device_list(libxl_ctx *ctx, uint32_t domid, const char *kind, libxl_devinfo **list,
		      int *n)
{
	char dir[96], fe[160], *names;
	const char *p;

	snprintf(dir, sizeof(dir), "/local/domain/%u/device/%s", domid, kind);
	names = libxl_xs_directory(ctx, dir, n);
	*list = calloc((size_t)(*n ? *n : 1), sizeof(**list));
	if (!*list) {
		free(names);
		return ERROR_NOMEM;
	}
	p = names;
	for (int i = 0; names && i < *n; i++, p += strlen(p) + 1) {
		(*list)[i].devid = atoi(p);
		snprintf(fe, sizeof(fe), "%s/%s", dir, p);
		fill(ctx, domid, fe, &(*list)[i]);
	}
	if (!names)
		*n = 0;
	free(names);
	return 0;
}

int libxl_device_remove(libxl_ctx *ctx, uint32_t domid, const char *kind, int devid, int force)
{
	char fe[96], be[128], path[160];
	int tries = 0;

	snprintf(fe, sizeof(fe), "/local/domain/%u/device/%s/%d", domid, kind, devid);
	read_str(ctx, fe, "backend", be, sizeof(be));
	if (!*be) {
		fprintf(stderr, "libxl: domain %u has no %s device %d\n", domid, kind, devid);
		return ERROR_INVAL;
	}
	snprintf(path, sizeof(path), "%s/online", be);
	libxl_xs_write(ctx, path, "0");
	snprintf(path, sizeof(path), "%s/state", be);
	libxl_xs_write(ctx, path, XENBUS_CLOSING);
	while (!force && read_int(ctx, be, "state", XENBUS_CLOSED) != XENBUS_CLOSED &&
	       tries++ < CLOSE_WAIT_TRIES)
		usleep(100 * 1000);
	if (!force && tries > CLOSE_WAIT_TRIES) {
		fprintf(stderr, "libxl: %s device %d of domain %u did not close in time\n", kind,
			devid, domid);
		return ERROR_FAIL;
	}
	libxl_xs_rm(ctx, be);
	libxl_xs_rm(ctx, fe);
	return 0;
}
