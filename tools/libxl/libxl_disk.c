/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Virtual block devices served by dom0 Linux's blkback: for each disk=
 * entry, the backend directory /local/domain/0/backend/vbd/<domid>/<devid>
 * and the frontend directory /local/domain/<domid>/device/vbd/<devid>,
 * written in one transaction so blkback never sees half of them.  The
 * target is a block device (physical-device = major:minor, which is what
 * Xen's "block" hotplug script would write) or a file, attached to a free
 * loop device (not yet released when the domain goes).
 */
#include <errno.h>
#include <fcntl.h>
#include <linux/loop.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

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

/* A file becomes /dev/loopN; 0 and its rdev, or -1. */
static int attach_loop(const char *path, int writable, dev_t *rdev, char *loop, size_t len)
{
	int ctl = open("/dev/loop-control", O_RDWR | O_CLOEXEC), n, lfd = -1, ffd;
	struct stat st;

	n = ctl >= 0 ? ioctl(ctl, LOOP_CTL_GET_FREE) : -1;
	if (ctl >= 0)
		close(ctl);
	ffd = n >= 0 ? open(path, (writable ? O_RDWR : O_RDONLY) | O_CLOEXEC) : -1;
	snprintf(loop, len, "/dev/loop%d", n);
	if (ffd >= 0)
		lfd = open(loop, (writable ? O_RDWR : O_RDONLY) | O_CLOEXEC);
	if (lfd < 0 || ioctl(lfd, LOOP_SET_FD, ffd) ||
	    fstat(lfd, &st)) {
		fprintf(stderr, "libxl: cannot attach %s to a loop device: %s\n", path, strerror(errno));
		n = -1;
	} else {
		*rdev = st.st_rdev;
	}
	if (ffd >= 0)
		close(ffd);
	/* Our fd may go: blkback holds the device open from now on. */
	if (lfd >= 0)
		close(lfd);
	return n < 0 ? -1 : 0;
}

struct vbd {
	char be[96], fe[96], dev[64];
	dev_t rdev;
	int devid;
};

static int resolve(const libxl_device_disk *k, struct vbd *v)
{
	struct stat st;

	if (!k->pdev_path || stat(k->pdev_path, &st)) {
		fprintf(stderr, "libxl: disk %s: target %s: %s\n", k->vdev, k->pdev_path ? k->pdev_path : "",
			k->pdev_path ? strerror(errno) : "none given");
		return ERROR_INVAL;
	}
	snprintf(v->dev, sizeof(v->dev), "%s", k->pdev_path);
	if (S_ISBLK(st.st_mode)) {
		v->rdev = st.st_rdev;
		return 0;
	}
	if (S_ISREG(st.st_mode) && !attach_loop(k->pdev_path, k->readwrite, &v->rdev, v->dev,
						 sizeof(v->dev)))
		return 0;
	fprintf(stderr, "libxl: disk %s: %s is neither a block device nor a usable file\n", k->vdev,
		k->pdev_path);
	return ERROR_INVAL;
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
	char owner_fe[16], read_fe[16], read_be[16];
	const char *be_perms[2] = { "n0", read_be }, *fe_perms[2] = { owner_fe, read_fe };

	snprintf(read_be, sizeof(read_be), "r%u", domid);
	snprintf(owner_fe, sizeof(owner_fe), "n%u", domid);
	snprintf(read_fe, sizeof(read_fe), "r0");
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
	       w(ctx, v->be, "params", "%s", k->pdev_path) ||
	       w(ctx, v->be, "physical-device-path", "%s", v->dev) ||
	       w(ctx, v->be, "state", XENBUS_STATE_INITIALISING) ||
	       w(ctx, v->be, "physical-device", "%x:%x", major(v->rdev), minor(v->rdev));
}

int libxl__disk_add(libxl_ctx *ctx, uint32_t domid, const libxl_device_disk *k)
{
	struct vbd v;
	int rc, tries = 0;

	v.devid = libxl__vdev_to_devid(k->vdev);
	if (v.devid < 0) {
		fprintf(stderr, "libxl: disk vdev %s: only xvd<letters>[<partition>] names on Arm\n",
			k->vdev);
		return ERROR_INVAL;
	}
	rc = resolve(k, &v);
	snprintf(v.be, sizeof(v.be), "/local/domain/0/backend/vbd/%u/%d", domid, v.devid);
	snprintf(v.fe, sizeof(v.fe), "/local/domain/%u/device/vbd/%d", domid, v.devid);
	while (!rc) {
		if (libxl_xs_transaction_start(ctx))
			break;
		if (write_vbd(ctx, domid, k, &v)) {
			libxl_xs_transaction_end(ctx, 1);
			break;
		}
		if (!libxl_xs_transaction_end(ctx, 0))
			return 0;
		if (errno != EAGAIN || ++tries > 10)
			break;
	}
	if (!rc) {
		fprintf(stderr, "libxl: disk %s: xenstore: %s\n", k->vdev, strerror(errno));
		rc = ERROR_FAIL;
	}
	return rc;
}

int libxl__disks_add(libxl_ctx *ctx, const struct libxl_build *b)
{
	for (int i = 0; i < b->d->num_disks; i++) {
		int rc = libxl__disk_add(ctx, b->domid, &b->d->disks[i]);

		if (rc)
			return rc;
	}
	return 0;
}

/* After the domain is gone: blkback tears down when its directory goes. */
void libxl__disks_rm(libxl_ctx *ctx, uint32_t domid)
{
	char path[64];

	snprintf(path, sizeof(path), "/local/domain/0/backend/vbd/%u", domid);
	libxl_xs_rm(ctx, path);
}
