/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * PV devices common to vbd and vif: the hotplug scripts (run as Xen's libxl
 * runs them, so either toolstack can use either set of scripts), listing
 * (block-list, network-list: the frontend directories the guest sees),
 * removal (block-detach, network-detach: backend offline, Closing, wait for
 * Closed -- the xenbus handshake --, script remove, both directories gone),
 * teardown of whatever backends a destroyed domain left, and the checks
 * of a config's devices before any domain is built.
 */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "libxl_internal.h"

#define XENBUS_CLOSING "5"
#define XENBUS_CLOSED 6
#define CLOSE_WAIT_TRIES 100 /* x 100 ms */
#define SCRIPT_WAIT_TRIES 300 /* x 100 ms: Xen's libxl allows 10 s, loop set-up can be slow */
#define BACKEND_ROOT "/local/domain/0/backend"

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

/* "block" -> /etc/xen/scripts/block; a path stays as given (xl.cfg script=). */
void libxl__script_path(const char *script, const char *dflt, char *out, size_t len)
{
	const char *s = script && *script ? script : dflt;

	snprintf(out, len, "%s%s%s", *s == '/' ? "" : XEN_SCRIPT_DIR, *s == '/' ? "" : "/", s);
}

static void child_exec(const struct libxl__hotplug *hp)
{
	setenv("script", hp->script, 1);
	setenv("XENBUS_TYPE", hp->kind, 1);
	setenv("XENBUS_PATH", hp->be, 1);
	setenv("XENBUS_BASE_PATH", BACKEND_ROOT, 1);
	if (hp->ifname) {
		setenv("vif", hp->ifname, 1);
		setenv("netdev", "", 1);
	}
	execl(hp->script, hp->script, hp->action, (char *)NULL);
	fprintf(stderr, "libxl: %s: cannot run hotplug script %s: %s\n", hp->what, hp->script,
		strerror(errno));
	_exit(127);
}

/* Waits for the script, killing it after SCRIPT_WAIT_TRIES; its exit status or -1. */
static int wait_script(pid_t pid)
{
	int st = 0, tries = 0;
	pid_t r;

	while ((r = waitpid(pid, &st, WNOHANG)) == 0 && tries++ < SCRIPT_WAIT_TRIES)
		usleep(100 * 1000);
	if (r == 0) {
		kill(pid, SIGKILL);
		waitpid(pid, &st, 0);
		return -1;
	}
	return r == pid && WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

int libxl__hotplug_run(libxl_ctx *ctx, const struct libxl__hotplug *hp)
{
	char path[192], *why;
	pid_t pid = fork();
	int rc;

	if (pid == 0)
		child_exec(hp);
	rc = pid < 0 ? -1 : wait_script(pid);
	if (!rc)
		return 0;
	snprintf(path, sizeof(path), "%s/hotplug-error", hp->be);
	why = libxl_xs_read(ctx, path);
	fprintf(stderr, "libxl: %s: hotplug script %s %s failed (%s%d)%s%s\n", hp->what, hp->script,
		hp->action, rc < 0 ? "timeout or signal " : "exit ", rc, why ? ": " : "",
		why ? why : "");
	free(why);
	return ERROR_FAIL;
}

/* Script "remove"/"offline" (if the backend names one), then the directory. */
/* The interface the vif script sees: vifname= if the backend has one. */
static void vif_ifname(libxl_ctx *ctx, const char *be, uint32_t domid, int devid, char *out,
		       size_t len)
{
	char path[192], *name;

	snprintf(path, sizeof(path), "%s/vifname", be);
	name = libxl_xs_read(ctx, path);
	if (name)
		snprintf(out, len, "%s", name);
	else
		snprintf(out, len, "vif%u.%d", domid, devid);
	free(name);
}

void libxl__backend_teardown(libxl_ctx *ctx, const char *be, const char *kind, uint32_t domid,
			     int devid)
{
	char path[192], ifname[32], what[48], *script;
	int vif = !strcmp(kind, "vif");
	struct libxl__hotplug hp = { .kind = kind, .be = be, .what = what,
				     .action = vif ? "offline" : "remove" };

	vif_ifname(ctx, be, domid, devid, ifname, sizeof(ifname));
	snprintf(path, sizeof(path), "%s/script", be);
	script = libxl_xs_read(ctx, path);
	snprintf(what, sizeof(what), "%s %d of domain %u", kind, devid, domid);
	hp.ifname = vif ? ifname : NULL;
	hp.script = script;
	if (script && *script == '/')
		libxl__hotplug_run(ctx, &hp);
	free(script);
	libxl_xs_rm(ctx, be);
}

/* Every backend of kind for domid (the domain is gone or going). */
void libxl__backends_teardown(libxl_ctx *ctx, const char *kind, uint32_t domid)
{
	char dir[96], be[160], *names;
	const char *p;
	int n = 0;

	snprintf(dir, sizeof(dir), BACKEND_ROOT "/%s/%u", kind, domid);
	names = libxl_xs_directory(ctx, dir, &n);
	p = names;
	for (int i = 0; names && i < n; i++, p += strlen(p) + 1) {
		snprintf(be, sizeof(be), "%s/%s", dir, p);
		libxl__backend_teardown(ctx, be, kind, domid, atoi(p));
	}
	free(names);
	libxl_xs_rm(ctx, dir);
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
	libxl__backend_teardown(ctx, be, kind, domid, devid);
	libxl_xs_rm(ctx, fe);
	return 0;
}

static int disks_check(const libxl_domain_config *d)
{
	for (int i = 0; i < d->num_disks; i++) {
		const libxl_device_disk *k = &d->disks[i];
		int rc = libxl__disk_check(k), id = rc ? -1 : libxl__vdev_to_devid(k->vdev);

		if (rc)
			return rc;
		for (int j = 0; j < i; j++)
			if (libxl__vdev_to_devid(d->disks[j].vdev) == id) {
				fprintf(stderr, "libxl: disk vdev=%s target=%s: vdev already used by "
					"disk vdev=%s target=%s\n", k->vdev, k->pdev_path ? k->pdev_path : "",
					d->disks[j].vdev, d->disks[j].pdev_path ? d->disks[j].pdev_path : "");
				return ERROR_INVAL;
			}
	}
	return 0;
}

static int nics_check(const libxl_domain_config *d)
{
	for (int i = 0; i < d->num_nics; i++) {
		const libxl_device_nic *n = &d->nics[i];
		int id = n->devid >= 0 ? n->devid : i, rc = libxl__nic_check(n, id);

		if (rc)
			return rc;
		for (int j = 0; j < i; j++)
			if ((d->nics[j].devid >= 0 ? d->nics[j].devid : j) == id) {
				fprintf(stderr, "libxl: vif %d: devid used twice\n", id);
				return ERROR_INVAL;
			}
	}
	return 0;
}

/* Before createdomain: a bad device spec must leave nothing behind. */
int libxl__devices_check(const libxl_domain_config *d)
{
	int rc = disks_check(d);

	return rc ? rc : nics_check(d);
}
