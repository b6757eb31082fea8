/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * After xl create: a background process that waits for the domain to shut
 * down and carries out its on_poweroff / on_reboot / on_crash / on_watchdog
 * / on_soft_reset action (destroy, restart, preserve), as xl's does.  It
 * checks the domain's state whenever xenstore says some domain shut down or
 * died (@releaseDomain; a polling loop here used a good part of a dom0 vCPU
 * on an emulated host, slowing the guest it watched), and every
 * POLL_MS anyway; it ends when the domain is gone or preserved.
 */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "xl_util.h"

#define POLL_MS 2000
#define XEN_DUMP_DIR XEN_LIB_DIR "/dump"

static libxl_action_on_shutdown action_for(const libxl_domain_config *d, uint8_t reason)
{
	switch (reason) {
	case SHUTDOWN_poweroff: return d->on_poweroff;
	case SHUTDOWN_reboot: return d->on_reboot;
	case SHUTDOWN_crash: return d->on_crash;
	case SHUTDOWN_watchdog: return d->on_watchdog;
	case SHUTDOWN_soft_reset: return d->on_soft_reset;
	default: return LIBXL_ACTION_ON_SHUTDOWN_PRESERVE;
	}
}

/* coredump-*: the guest's memory to /var/lib/xen/dump/<name>, come what may. */
static void dump_core(libxl_ctx *ctx, const libxl_domain_config *d, uint32_t domid)
{
	char path[300];

	mkdir(XEN_DUMP_DIR, 0755);
	snprintf(path, sizeof(path), "%s/%s", XEN_DUMP_DIR, d->c_info.name);
	printf("dumping core to %s\n", path);
	if (libxl_domain_core_dump(ctx, domid, path))
		printf("core dump failed\n");
}

/* rename-restart: the old domain stays as <name>-YYYYMMDDTHHMMZ (UTC). */
static int keep_renamed(libxl_ctx *ctx, const libxl_domain_config *d, uint32_t domid)
{
	char suffix[24];
	time_t now = time(NULL);
	struct tm tm;

	if (!gmtime_r(&now, &tm) || !strftime(suffix, sizeof(suffix), "-%Y%m%dT%H%MZ", &tm))
		return -1;
	printf("Preserving domain %u %s with suffix%s\n", domid, d->c_info.name, suffix);
	return libxl_domain_preserve(ctx, domid, d->c_info.name, suffix);
}

/* The coredump-* actions dump, then behave as destroy / restart. */
static libxl_action_on_shutdown after_dump(libxl_ctx *ctx, const libxl_domain_config *d,
					   uint32_t domid, libxl_action_on_shutdown a)
{
	if (a != LIBXL_ACTION_ON_SHUTDOWN_COREDUMP_DESTROY &&
	    a != LIBXL_ACTION_ON_SHUTDOWN_COREDUMP_RESTART)
		return a;
	dump_core(ctx, d, domid);
	return a == LIBXL_ACTION_ON_SHUTDOWN_COREDUMP_DESTROY ? LIBXL_ACTION_ON_SHUTDOWN_DESTROY
							      : LIBXL_ACTION_ON_SHUTDOWN_RESTART;
}

/* Returns 1 to keep watching (possibly a new domid), 0 to stop. */
static int handle_shutdown(libxl_ctx *ctx, const libxl_domain_config *d, uint32_t *domid,
			   uint8_t reason)
{
	libxl_action_on_shutdown a = action_for(d, reason);

	printf("Domain %u has shut down, reason code %u, action %s\n", *domid, reason,
	       libxl_action_on_shutdown_to_string(a));
	if (reason == SHUTDOWN_suspend)
		return 1;
	a = after_dump(ctx, d, *domid, a);
	switch (a) {
	case LIBXL_ACTION_ON_SHUTDOWN_PRESERVE:
		return 0;
	case LIBXL_ACTION_ON_SHUTDOWN_RESTART_RENAME:
		if (keep_renamed(ctx, d, *domid))
			return 0; /* the old domain stays as it is */
		break;
	case LIBXL_ACTION_ON_SHUTDOWN_DESTROY:
		libxl_domain_destroy(ctx, *domid);
		return 0;
	default: /* restart; soft-reset is done as a restart */
		libxl_domain_destroy(ctx, *domid);
		break;
	}
	printf("Done. Rebooting now\n");
	fflush(stdout);
	if (libxl_domain_create(d, 0, domid))
		return 0;
	libxl_userdata_store_config(ctx, *domid, d);
	return 1;
}

int xl_monitor_domain(const libxl_domain_config *d, uint32_t domid)
{
	libxl_ctx *ctx = xl_ctx();
	libxl_dominfo info;
	int rc;

	printf("Waiting for domain %s (domid %u) to die [pid %ld]\n", d->c_info.name, domid,
	       (long)getpid());
	fflush(stdout);
	for (;;) {
		libxl_wait_domain_change(ctx, POLL_MS);
		rc = libxl_domain_info(ctx, &info, domid);
		if (rc == ERROR_DOMAIN_NOTFOUND || (!rc && info.dying))
			return 0; /* destroyed by someone else */
		if (rc)
			return 1;
		if (info.shutdown && !handle_shutdown(ctx, d, &domid, info.shutdown_reason))
			return 0;
		fflush(stdout);
	}
}

/* Detaches into the background with output in /var/log/xen/xl-<name>.log. */
int xl_daemonize(const char *name)
{
	char path[256];
	pid_t pid = fork();
	int fd;

	if (pid < 0)
		return -1;
	if (pid > 0)
		return 1;
	setsid();
	mkdir("/var/log/xen", 0755);
	snprintf(path, sizeof(path), "/var/log/xen/xl-%s.log", name);
	fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
	if (fd < 0)
		fd = open("/dev/null", O_WRONLY | O_CLOEXEC);
	if (fd >= 0) {
		dup2(fd, STDOUT_FILENO);
		dup2(fd, STDERR_FILENO);
		close(fd);
	}
	fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
	if (fd >= 0) {
		dup2(fd, STDIN_FILENO);
		close(fd);
	}
	return 0;
}
