/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Virtual network interfaces served by dom0 Linux's netback: backend and
 * frontend vif directories in one xenstore transaction; once netback has
 * made vif<domid>.<devid> (backend InitWait), the hotplug script (script=,
 * default vif-bridge) puts it on the bridge and sets hotplug-status =
 * connected, which netback waits for before it connects.
 */
#include <errno.h>
#include <inttypes.h>
#include <net/if.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "libxl_arm.h"
#include "libxl_internal.h"

#define DEFAULT_BRIDGE "xenbr0"
#define VIF_WAIT_TRIES 100 /* x 100 ms */
#define XENBUS_INITWAIT 2

struct vif {
	char be[96], fe[96], mac[18], ifname[IFNAMSIZ], what[48], script[256];
	const char *bridge;
	int devid;
};

static int w(libxl_ctx *ctx, const char *dir, const char *key, const char *fmt, ...)
{
	char path[160], value[256];
	va_list ap;

	snprintf(path, sizeof(path), "%s/%s", dir, key);
	va_start(ap, fmt);
	vsnprintf(value, sizeof(value), fmt, ap);
	va_end(ap);
	return libxl_xs_write(ctx, path, value);
}

/* No mac= given: a random address in Xen's OUI, 00:16:3e. */
static void pick_mac(const libxl_device_nic *n, char *out, size_t len)
{
	uint8_t m[6] = { 0x00, 0x16, 0x3e };
	int given = 0;

	for (int i = 0; i < 6; i++)
		given |= n->mac[i];
	if (given)
		memcpy(m, n->mac, 6);
	else
		libxl_dt_random(m + 3, 3);
	m[3] &= given ? 0xff : 0x7f;
	snprintf(out, len, "%02x:%02x:%02x:%02x:%02x:%02x", m[0], m[1], m[2], m[3], m[4], m[5]);
}

static int write_vif(libxl_ctx *ctx, uint32_t domid, const libxl_device_nic *n, const struct vif *v)
{
	char owner_fe[16], read_be[16];
	const char *be_perms[2] = { "n0", read_be }, *fe_perms[2] = { owner_fe, "r0" };

	snprintf(read_be, sizeof(read_be), "r%u", domid);
	snprintf(owner_fe, sizeof(owner_fe), "n%u", domid);
	return libxl_xs_write(ctx, v->fe, "") || libxl_xs_set_perms(ctx, v->fe, fe_perms, 2) ||
	       w(ctx, v->fe, "backend", "%s", v->be) || w(ctx, v->fe, "backend-id", "0") ||
	       w(ctx, v->fe, "handle", "%d", v->devid) || w(ctx, v->fe, "mac", "%s", v->mac) ||
	       w(ctx, v->fe, "state", "1") ||
	       libxl_xs_write(ctx, v->be, "") || libxl_xs_set_perms(ctx, v->be, be_perms, 2) ||
	       w(ctx, v->be, "frontend", "%s", v->fe) || w(ctx, v->be, "frontend-id", "%u", domid) ||
	       w(ctx, v->be, "online", "1") || w(ctx, v->be, "state", "1") ||
	       w(ctx, v->be, "script", "%s", v->script) ||
	       w(ctx, v->be, "mac", "%s", v->mac) || w(ctx, v->be, "bridge", "%s", v->bridge) ||
	       w(ctx, v->be, "handle", "%d", v->devid) || w(ctx, v->be, "type", "vif") ||
	       (n->ip && w(ctx, v->be, "ip", "%s", n->ip)) ||
	       (n->ifname && w(ctx, v->be, "vifname", "%s", n->ifname)) ||
	       (n->rate_bytes_per_interval &&
		w(ctx, v->be, "rate", "%" PRIu64 ",%" PRIu32, n->rate_bytes_per_interval,
		  n->rate_interval_usecs));
}

static int xs_commit(libxl_ctx *ctx, uint32_t domid, const libxl_device_nic *n, const struct vif *v)
{
	for (int tries = 0; tries < 10; tries++) {
		if (libxl_xs_transaction_start(ctx))
			break;
		if (write_vif(ctx, domid, n, v)) {
			libxl_xs_transaction_end(ctx, 1);
			break;
		}
		if (!libxl_xs_transaction_end(ctx, 0))
			return 0;
		if (errno != EAGAIN)
			break;
	}
	fprintf(stderr, "libxl: %s: xenstore: %s\n", v->what, strerror(errno));
	return ERROR_FAIL;
}

/* netback answers a new backend with InitWait once vif<domid>.<devid> exists. */
static int wait_initwait(libxl_ctx *ctx, const struct vif *v)
{
	char path[160], *st = NULL;
	int tries = 0;

	snprintf(path, sizeof(path), "%s/state", v->be);
	for (; tries < VIF_WAIT_TRIES; tries++) {
		st = libxl_xs_read(ctx, path);
		if (st && atoi(st) >= XENBUS_INITWAIT && if_nametoindex(v->ifname))
			break;
		free(st);
		st = NULL;
		usleep(100 * 1000);
	}
	free(st);
	if (tries < VIF_WAIT_TRIES)
		return 0;
	fprintf(stderr, "libxl: %s: netback did not make %s (xen-netback loaded?)\n", v->what,
		v->ifname);
	return ERROR_FAIL;
}

static int plug(libxl_ctx *ctx, const libxl_device_nic *n, const struct vif *v)
{
	char script[256];
	struct libxl__hotplug hp = { .action = "online", .kind = "vif", .script = script,
				     .be = v->be, .ifname = v->ifname, .what = v->what };

	libxl__script_path(n->script, "vif-bridge", script, sizeof(script));
	return wait_initwait(ctx, v) ? ERROR_FAIL : libxl__hotplug_run(ctx, &hp);
}

/* Before the domain exists: the bridge the vif goes on is there. */
int libxl__nic_check(const libxl_device_nic *n, int devid)
{
	const char *bridge = n->bridge ? n->bridge : DEFAULT_BRIDGE;

	/* The vif-bridge script renames netback's vif<domid>.<devid> to it. */
	if (n->ifname && (!*n->ifname || strlen(n->ifname) >= IFNAMSIZ ||
			  strpbrk(n->ifname, "/: \t\n"))) {
		fprintf(stderr, "libxl: vif %d (vifname=%s): not a valid interface name\n", devid,
			n->ifname);
		return ERROR_INVAL;
	}

	if (n->script && *n->script && !strstr(n->script, "vif-bridge"))
		return 0; /* another script decides what bridge= means */
	if (if_nametoindex(bridge))
		return 0;
	fprintf(stderr, "libxl: vif %d (bridge=%s%s%s): bridge %s does not exist\n", devid, bridge,
		n->ip ? ",ip=" : "", n->ip ? n->ip : "", bridge);
	return ERROR_INVAL;
}

int libxl__nic_add(libxl_ctx *ctx, uint32_t domid, const libxl_device_nic *n, int devid)
{
	struct vif v = { .devid = devid };
	int rc = libxl__nic_check(n, devid);

	if (rc)
		return rc;
	v.bridge = n->bridge ? n->bridge : DEFAULT_BRIDGE;
	pick_mac(n, v.mac, sizeof(v.mac));
	libxl__script_path(n->script, "vif-bridge", v.script, sizeof(v.script));
	snprintf(v.ifname, sizeof(v.ifname), "vif%u.%d", domid, devid);
	snprintf(v.be, sizeof(v.be), "/local/domain/0/backend/vif/%u/%d", domid, devid);
	snprintf(v.fe, sizeof(v.fe), "/local/domain/%u/device/vif/%d", domid, devid);
	snprintf(v.what, sizeof(v.what), "vif %d of domain %u", devid, domid);
	rc = xs_commit(ctx, domid, n, &v);
	if (!rc)
		rc = plug(ctx, n, &v);
	if (rc) {
		libxl_xs_rm(ctx, v.fe);
		libxl__backend_teardown(ctx, v.be, "vif", domid, devid);
	}
	return rc;
}

int libxl__nics_add(libxl_ctx *ctx, struct libxl_build *b)
{
	for (int i = 0; i < b->d->num_nics; i++) {
		const libxl_device_nic *n = &b->d->nics[i];
		int rc = libxl__nic_add(ctx, b->domid, n, n->devid >= 0 ? n->devid : i);

		if (rc)
			return rc;
	}
	return 0;
}

void libxl__nics_rm(libxl_ctx *ctx, uint32_t domid)
{
	libxl__backends_teardown(ctx, "vif", domid);
}

/* The first devid with no backend yet. */
static int free_devid(libxl_ctx *ctx, uint32_t domid, const char *kind)
{
	char path[96];

	for (int id = 0; id < 256; id++) {
		char *v;

		snprintf(path, sizeof(path), "/local/domain/0/backend/%s/%u/%d/frontend-id", kind,
			 domid, id);
		v = libxl_xs_read(ctx, path);
		if (!v)
			return id;
		free(v);
	}
	return -1;
}

int libxl_device_nic_add(libxl_ctx *ctx, uint32_t domid, const libxl_device_nic *n)
{
	int devid = n->devid >= 0 ? n->devid : free_devid(ctx, domid, "vif");

	return devid < 0 ? ERROR_FAIL : libxl__nic_add(ctx, domid, n, devid);
}

