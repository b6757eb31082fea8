/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Virtual network interfaces served by dom0 Linux's netback: backend and
 * frontend vif directories in one xenstore transaction, then what Xen's
 * vif-bridge hotplug script does once netback has made vif<domid>.<devid>:
 * add it to the bridge, bring it up and set hotplug-status = connected
 * (netback waits for that before it connects).  script= is not run.
 */
#include <errno.h>
#include <fcntl.h>
#include <linux/sockios.h>
#include <net/if.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include "libxl_arm.h"
#include "libxl_internal.h"

#define DEFAULT_BRIDGE "xenbr0"
#define VIF_WAIT_TRIES 100 /* x 100 ms */

struct vif {
	char be[96], fe[96], mac[18], ifname[IFNAMSIZ];
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
	       w(ctx, v->be, "script", "%s", n->script ? n->script : "vif-bridge") ||
	       w(ctx, v->be, "mac", "%s", v->mac) || w(ctx, v->be, "bridge", "%s", v->bridge) ||
	       w(ctx, v->be, "handle", "%d", v->devid) || w(ctx, v->be, "type", "vif") ||
	       (n->ip && w(ctx, v->be, "ip", "%s", n->ip));
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
	fprintf(stderr, "libxl: vif %d: xenstore: %s\n", v->devid, strerror(errno));
	return ERROR_FAIL;
}

/* The vif-bridge script's "online" work, done here. */
static int plug(libxl_ctx *ctx, const struct vif *v)
{
	int s = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0), rc = -1, tries = 0;
	struct ifreq ifr;
	unsigned int idx = 0;

	while (s >= 0 && !(idx = if_nametoindex(v->ifname)) && tries++ < VIF_WAIT_TRIES)
		usleep(100 * 1000);
	memset(&ifr, 0, sizeof(ifr));
	snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "%s", v->bridge);
	ifr.ifr_ifindex = (int)idx;
	if (idx && !ioctl(s, SIOCBRADDIF, &ifr)) {
		snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "%s", v->ifname);
		if (!ioctl(s, SIOCGIFFLAGS, &ifr)) {
			ifr.ifr_flags |= IFF_UP;
			rc = ioctl(s, SIOCSIFFLAGS, &ifr);
		}
	}
	if (rc)
		fprintf(stderr, "libxl: vif %s on bridge %s: %s\n", v->ifname, v->bridge,
			idx ? strerror(errno) : "netback made no such interface (xen-netback loaded?)");
	if (s >= 0)
		close(s);
	return rc || w(ctx, v->be, "hotplug-status", "connected") ? ERROR_FAIL : 0;
}

int libxl__nic_add(libxl_ctx *ctx, uint32_t domid, const libxl_device_nic *n, int devid)
{
	struct vif v = { .devid = devid };
	int rc;

	v.bridge = n->bridge ? n->bridge : DEFAULT_BRIDGE;
	pick_mac(n, v.mac, sizeof(v.mac));
	snprintf(v.ifname, sizeof(v.ifname), "vif%u.%d", domid, devid);
	snprintf(v.be, sizeof(v.be), "/local/domain/0/backend/vif/%u/%d", domid, devid);
	snprintf(v.fe, sizeof(v.fe), "/local/domain/%u/device/vif/%d", domid, devid);
	if (if_nametoindex(v.bridge) == 0) {
		fprintf(stderr, "libxl: vif %d: bridge %s does not exist\n", devid, v.bridge);
		return ERROR_INVAL;
	}
	rc = xs_commit(ctx, domid, n, &v);
	return rc ? rc : plug(ctx, &v);
}

int libxl__nics_add(libxl_ctx *ctx, const struct libxl_build *b)
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
	char path[64];

	snprintf(path, sizeof(path), "/local/domain/0/backend/vif/%u", domid);
	libxl_xs_rm(ctx, path);
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

int libxl_device_disk_add(libxl_ctx *ctx, uint32_t domid, const libxl_device_disk *k)
{
	return libxl__disk_add(ctx, domid, k);
}
