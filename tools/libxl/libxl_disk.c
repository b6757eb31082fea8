/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Virtual block devices served by dom0 Linux's blkback: for each disk=
 * entry, the backend directory /local/domain/0/backend/vbd/<domid>/<devid>
 * and the frontend directory /local/domain/<domid>/device/vbd/<devid>,
 * written in one transaction so blkback never sees half of them; then the
 * "block" hotplug script (tools/hotplug/Linux/block, or script=) turns the
 * target -- a block device, or a file it attaches to a loop device -- into
 * physical-device, and on removal releases the loop device again.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "libxl_internal.h"

#define XVD_MAJOR 202
#define XENBUS_STATE_INITIALISING "1"

/* xvdX[N] -> Xen's virtual-device number (docs/misc/vbd-interface). */
int libxl__vdev_to_devid(const char *vdev)
{
	const char *p = vdev + 3;
	long disk = 0, part = 0;
	char *end;

	if (strncmp(vdev, "xvd", 3) || *p < 'a' || *p > 'z')
		return -1;
	for (; *p >= 'a' && *p <= 'z'; p++) {
		disk = disk * 26 + (*p - 'a' + 1);
		if (disk > (1 << 20))
			return -1;
	}
	disk--;
	if (*p) {
		part = strtol(p, &end, 10);
		if (*end || part < 0 || part > 255)
			return -1;
	}
	if (disk < 16 && part < 16)
		return (XVD_MAJOR << 8) | (int)(disk << 4) | (int)part;
	return (1 << 28) | (int)(disk << 8) | (int)part;
}

int libxl__vdev_to_devid_public(const char *vdev)
{
	return libxl__vdev_to_devid(vdev);
}

struct vbd {
	char be[96], fe[96], what[80];
	int devid;
};

static int disk_err(const libxl_device_disk *k, const char *fmt, const char *arg)
{
	fprintf(stderr, "libxl: disk vdev=%s target=%s: ", k->vdev ? k->vdev : "(none)",
		k->pdev_path ? k->pdev_path : "(none)");
	fprintf(stderr, fmt, arg);
	fputc('\n', stderr);
	return ERROR_INVAL;
}

/* What blkback can serve: raw data on a block device or a file (via loop). */
static int check_backend(const libxl_device_disk *k)
{
	if (k->is_cdrom)
		return disk_err(k, "devtype=cdrom is not supported on Arm (%s)",
				"no emulated CD-ROM for PV guests");
	if (k->format != LIBXL_DISK_FORMAT_RAW && k->format != LIBXL_DISK_FORMAT_UNKNOWN)
		return disk_err(k, "format=%s needs the qdisk backend (QEMU), which is not available",
				libxl_disk_format_to_string(k->format));
	if (k->backend == LIBXL_DISK_BACKEND_TAP || k->backend == LIBXL_DISK_BACKEND_QDISK)
		return disk_err(k, "backendtype=%s is not available (only phy, served by blkback)",
				libxl_disk_backend_to_string(k->backend));
	if (k->backend_domid || (k->backend_domname && strcmp(k->backend_domname, "Domain-0")))
		return disk_err(k, "backend=%s: driver domains are not supported",
				k->backend_domname ? k->backend_domname : "(domid)");
	return 0;
}

/* Before the domain exists: the spec names something blkback can serve. */
int libxl__disk_check(const libxl_device_disk *k)
{
	struct stat st;
	int rc = k->vdev && libxl__vdev_to_devid(k->vdev) >= 0 ? check_backend(k)
		 : disk_err(k, "%s", "vdev must be xvd<letters>[<partition>] on Arm");

	if (rc || (k->script && *k->script))
		return rc; /* a custom script= interprets the target itself */
	if (!k->pdev_path || !*k->pdev_path)
		return disk_err(k, "%s", "no target given");
	if (stat(k->pdev_path, &st))
		return disk_err(k, "%s", strerror(errno));
	if (!S_ISBLK(st.st_mode) && !S_ISREG(st.st_mode))
		return disk_err(k, "%s", "the target is neither a block device nor a regular file");
	return 0;
}

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

static int write_vbd(libxl_ctx *ctx, uint32_t domid, const libxl_device_disk *k, const struct vbd *v)
{
	char owner_fe[16], read_fe[16], read_be[16], script[256];
	const char *be_perms[2] = { "n0", read_be }, *fe_perms[2] = { owner_fe, read_fe };

	snprintf(read_be, sizeof(read_be), "r%u", domid);
	snprintf(owner_fe, sizeof(owner_fe), "n%u", domid);
	snprintf(read_fe, sizeof(read_fe), "r0");
	libxl__script_path(k->script, "block", script, sizeof(script));
	return libxl_xs_write(ctx, v->fe, "") || libxl_xs_set_perms(ctx, v->fe, fe_perms, 2) ||
	       w(ctx, v->fe, "backend", "%s", v->be) || w(ctx, v->fe, "backend-id", "0") ||
	       w(ctx, v->fe, "virtual-device", "%d", v->devid) ||
	       w(ctx, v->fe, "device-type", k->is_cdrom ? "cdrom" : "disk") ||
	       w(ctx, v->fe, "state", XENBUS_STATE_INITIALISING) ||
	       libxl_xs_write(ctx, v->be, "") || libxl_xs_set_perms(ctx, v->be, be_perms, 2) ||
	       w(ctx, v->be, "frontend", "%s", v->fe) || w(ctx, v->be, "frontend-id", "%u", domid) ||
	       w(ctx, v->be, "online", "1") || w(ctx, v->be, "removable", "%d", k->removable) ||
	       w(ctx, v->be, "bootable", "1") || w(ctx, v->be, "dev", "%s", k->vdev) ||
	       w(ctx, v->be, "type", "phy") || w(ctx, v->be, "mode", k->readwrite ? "w" : "r") ||
	       w(ctx, v->be, "device-type", k->is_cdrom ? "cdrom" : "disk") ||
	       w(ctx, v->be, "params", "%s", k->pdev_path ? k->pdev_path : "") ||
	       w(ctx, v->be, "script", "%s", script) ||
	       w(ctx, v->be, "state", XENBUS_STATE_INITIALISING);
}

static int xs_commit(libxl_ctx *ctx, uint32_t domid, const libxl_device_disk *k,
		     const struct vbd *v)
{
	for (int tries = 0; tries < 10; tries++) {
		if (libxl_xs_transaction_start(ctx))
			break;
		if (write_vbd(ctx, domid, k, v)) {
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

/*
 * Entries first, then the block script: it finds or makes the block device
 * and writes physical-device, which is what blkback waits for.
 */
int libxl__disk_add(libxl_ctx *ctx, uint32_t domid, const libxl_device_disk *k)
{
	char script[256];
	struct libxl__hotplug hp = { .action = "add", .kind = "vbd", .script = script };
	struct vbd v;
	int rc = libxl__disk_check(k);

	if (rc)
		return rc;
	v.devid = libxl__vdev_to_devid(k->vdev);
	snprintf(v.be, sizeof(v.be), "/local/domain/0/backend/vbd/%u/%d", domid, v.devid);
	snprintf(v.fe, sizeof(v.fe), "/local/domain/%u/device/vbd/%d", domid, v.devid);
	snprintf(v.what, sizeof(v.what), "disk vdev=%s of domain %u", k->vdev, domid);
	rc = xs_commit(ctx, domid, k, &v);
	if (rc)
		return rc;
	libxl__script_path(k->script, "block", script, sizeof(script));
	hp.be = v.be;
	hp.what = v.what;
	rc = libxl__hotplug_run(ctx, &hp);
	if (rc) {
		libxl_xs_rm(ctx, v.fe);
		libxl__backend_teardown(ctx, v.be, "vbd", domid, v.devid);
	}
	return rc;
}

int libxl__disks_add(libxl_ctx *ctx, struct libxl_build *b)
{
	for (int i = 0; i < b->d->num_disks; i++) {
		int rc = libxl__disk_add(ctx, b->domid, &b->d->disks[i]);

		if (rc)
			return rc;
	}
	return 0;
}

/*
 * After the domain is gone: the block script releases what it set up (a
 * loop device), and blkback lets go of the device when its directory goes.
 */
void libxl__disks_rm(libxl_ctx *ctx, uint32_t domid)
{
	libxl__backends_teardown(ctx, "vbd", domid);
}

/* block-attach: the same checks as at create time, and the vdev must be free. */
int libxl_device_disk_add(libxl_ctx *ctx, uint32_t domid, const libxl_device_disk *k)
{
	char path[96], *v;
	int devid = k->vdev ? libxl__vdev_to_devid(k->vdev) : -1;

	if (devid >= 0) {
		snprintf(path, sizeof(path), "/local/domain/%u/device/vbd/%d/backend", domid, devid);
		v = libxl_xs_read(ctx, path);
		free(v);
		if (v)
			return disk_err(k, "domain already has a disk %s", k->vdev);
	}
	return libxl__disk_add(ctx, domid, k);
}
