/* SPDX-License-Identifier: GPL-2.0-only */
/* Domain queries and simple lifecycle operations through libxc. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "libxl_internal.h"

#define MAX_LIST 1024

static void dominfo_from_xc(libxl_dominfo *o, const xc_domaininfo_t *i)
{
	memset(o, 0, sizeof(*o));
	o->domid = i->domain;
	memcpy(o->uuid.bytes, i->handle, sizeof(o->uuid.bytes));
	o->current_memkb = i->tot_pages * 4;
	o->max_memkb = i->max_pages * 4;
	o->cpu_time = i->cpu_time;
	o->vcpu_online = i->nr_online_vcpus;
	o->vcpu_max_id = i->max_vcpu_id;
	o->ssidref = i->ssidref;
	o->cpupool = i->cpupool;
	o->dying = i->flags & XEN_DOMINF_dying;
	o->paused = i->flags & XEN_DOMINF_paused;
	o->blocked = i->flags & XEN_DOMINF_blocked;
	o->running = i->flags & XEN_DOMINF_running;
	o->shutdown = i->flags & XEN_DOMINF_shutdown;
	o->shutdown_reason = (uint8_t)((i->flags >> XEN_DOMINF_shutdownshift) &
				       XEN_DOMINF_shutdownmask);
}

static int xc_fail(const char *what, uint32_t domid)
{
	int e = errno;

	fprintf(stderr, "libxl: %s of domain %u failed: %s\n", what, domid, strerror(e));
	return e == ESRCH ? ERROR_DOMAIN_NOTFOUND : ERROR_FAIL;
}

int libxl_list_domain(libxl_ctx *ctx, libxl_dominfo **out, int *nr)
{
	xc_domaininfo_t *raw = calloc(MAX_LIST, sizeof(*raw));
	int n;

	if (!raw)
		return ERROR_NOMEM;
	n = xc_domain_getinfolist(ctx->xch, 0, MAX_LIST, raw);
	if (n < 0) {
		free(raw);
		return xc_fail("listing", 0);
	}
	*out = calloc((size_t)(n ? n : 1), sizeof(**out));
	if (!*out) {
		free(raw);
		return ERROR_NOMEM;
	}
	for (int i = 0; i < n; i++)
		dominfo_from_xc(&(*out)[i], &raw[i]);
	*nr = n;
	free(raw);
	return 0;
}

int libxl_domain_info(libxl_ctx *ctx, libxl_dominfo *info, uint32_t domid)
{
	xc_domaininfo_t raw;

	if (xc_domain_getinfo_single(ctx->xch, domid, &raw))
		return errno == ESRCH ? ERROR_DOMAIN_NOTFOUND : xc_fail("getinfo", domid);
	dominfo_from_xc(info, &raw);
	return 0;
}

int libxl_domain_pause(libxl_ctx *ctx, uint32_t domid)
{
	return xc_domain_pause(ctx->xch, domid) ? xc_fail("pause", domid) : 0;
}

int libxl_domain_unpause(libxl_ctx *ctx, uint32_t domid)
{
	return xc_domain_unpause(ctx->xch, domid) ? xc_fail("unpause", domid) : 0;
}

int libxl_domain_destroy(libxl_ctx *ctx, uint32_t domid)
{
	libxl__userdata_rm(ctx, domid);
	if (xc_domain_destroy(ctx->xch, domid))
		return xc_fail("destroy", domid);
	libxl__xs_domain_rm(ctx, domid);
	return 0;
}

int libxl_domain_setmaxmem(libxl_ctx *ctx, uint32_t domid, uint64_t max_memkb)
{
	/* libxl adds LIBXL_MAXMEM_CONSTANT (1 MiB) of slack for the magic pages. */
	return xc_domain_setmaxmem(ctx->xch, domid, max_memkb + 1024) ? xc_fail("setmaxmem", domid)
									: 0;
}

int libxl_list_vcpu(libxl_ctx *ctx, uint32_t domid, libxl_vcpuinfo **out, int *nr)
{
	libxl_dominfo d;
	int rc = libxl_domain_info(ctx, &d, domid);

	if (rc)
		return rc;
	*out = calloc(d.vcpu_max_id + 1, sizeof(**out));
	if (!*out)
		return ERROR_NOMEM;
	for (uint32_t v = 0; v <= d.vcpu_max_id; v++) {
		struct xen_domctl_getvcpuinfo vi;

		if (xc_vcpu_getinfo(ctx->xch, domid, v, &vi)) {
			free(*out);
			return xc_fail("getvcpuinfo", domid);
		}
		(*out)[v] = (libxl_vcpuinfo){ v, vi.cpu, vi.online, vi.blocked, vi.running,
					      vi.cpu_time };
	}
	*nr = (int)d.vcpu_max_id + 1;
	return 0;
}

/* /local/domain/N/<key> = value, or a logged failure. */
static int dom_write(libxl_ctx *ctx, uint32_t domid, const char *key, const char *value)
{
	char path[96];

	snprintf(path, sizeof(path), "/local/domain/%u%s%s", domid, *key ? "/" : "", key);
	if (libxl_xs_write(ctx, path, value)) {
		fprintf(stderr, "libxl: writing %s failed: %s\n", path, strerror(errno));
		return ERROR_FAIL;
	}
	return 0;
}

/* A new /vm/<uuid> for a kept domain, so the old one can go with its name. */
static int preserve_vm(libxl_ctx *ctx, uint32_t domid, const char *name, const char *uuid)
{
	char vm[64], key[96], old_key[64], *old;
	int rc;

	snprintf(vm, sizeof(vm), "/vm/%s", uuid);
	snprintf(key, sizeof(key), "%s/name", vm);
	rc = libxl_xs_write(ctx, key, name);
	snprintf(key, sizeof(key), "%s/uuid", vm);
	rc = rc ? rc : libxl_xs_write(ctx, key, uuid);
	if (rc)
		return ERROR_FAIL;
	snprintf(old_key, sizeof(old_key), "/local/domain/%u/vm", domid);
	old = libxl_xs_read(ctx, old_key);
	if (old && !strncmp(old, "/vm/", 4) && strcmp(old, vm))
		libxl_xs_rm(ctx, old);
	free(old);
	return dom_write(ctx, domid, "vm", vm);
}

/* A new handle (uuid); the saved config file is named after it, so it moves too. */
static int rehandle(libxl_ctx *ctx, uint32_t domid, const libxl_uuid *u)
{
	char *saved = libxl_userdata_config_json(ctx, domid);
	int rc = 0;

	if (saved)
		libxl__userdata_rm(ctx, domid);
	if (xc_domain_sethandle(ctx->xch, domid, u->bytes))
		rc = xc_fail("sethandle", domid);
	if (saved)
		libxl__userdata_store_json(ctx, domid, saved);
	free(saved);
	return rc;
}

/*
 * Keeps a shut-down domain out of the way under "<name><suffix>" with a new
 * handle (uuid), as xl's rename-restart does before starting a new one.
 */
int libxl_domain_preserve(libxl_ctx *ctx, uint32_t domid, const char *name, const char *suffix)
{
	char new_name[256], uuid[37];
	libxl_uuid u;
	int rc;

	snprintf(new_name, sizeof(new_name), "%s%s", name, suffix);
	libxl_uuid_generate(&u);
	libxl_uuid_to_string(&u, uuid);
	rc = rehandle(ctx, domid, &u);
	if (!rc)
		rc = preserve_vm(ctx, domid, new_name, uuid);
	return rc ? rc : dom_write(ctx, domid, "name", new_name);
}
