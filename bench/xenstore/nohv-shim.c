/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * LD_PRELOAD shim that lets Debian's C xenstored (Xen 4.17) run on a host
 * without Xen, for the benchmark only.  It answers the few libxenctrl,
 * libxenevtchn and libxengnttab calls the daemon makes at start-up (dom0 is
 * the only domain; event channels never fire; nothing can be mapped) and
 * points /proc/xen/xsd_{port,kva} at files in $NOHV_DIR, so that only the
 * daemon's unix-socket path runs.  Built against Debian's libxen-dev
 * headers (fetched, not installed).
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xenctrl.h>

static int token;
static int never_fires[2] = { -1, -1 };
static int port_seq = 100;

xc_interface *xc_interface_open(xentoollog_logger *a, xentoollog_logger *b,
				unsigned int f)
{
	return (xc_interface *)&token;
}

int xc_interface_close(xc_interface *x)
{
	return 0;
}

/* Report dom0 alone, alive. */
int xc_domain_getinfo(xc_interface *x, uint32_t first, unsigned int max,
		      xc_dominfo_t *info)
{
	if (first != 0 || max == 0)
		return 0;
	memset(info, 0, sizeof(*info));
	info->running = 1;
	return 1;
}

void *xenevtchn_open(void *l, unsigned int f)
{
	if (never_fires[0] < 0 && pipe(never_fires))
		return NULL;
	return &token;
}

void *xenevtchn_fdopen(void *l, int fd, unsigned int f)
{
	return xenevtchn_open(l, f);
}

int xenevtchn_fd(void *h) { return never_fires[0]; }
int xenevtchn_notify(void *h, uint32_t p) { return 0; }
int xenevtchn_bind_virq(void *h, unsigned int v) { return port_seq++; }
int xenevtchn_bind_interdomain(void *h, uint32_t d, uint32_t p) { return port_seq++; }
int xenevtchn_unbind(void *h, uint32_t p) { return 0; }
int xenevtchn_unmask(void *h, uint32_t p) { return 0; }
int xenevtchn_pending(void *h) { errno = EAGAIN; return -1; }

void *xengnttab_open(void *l, unsigned int f) { return &token; }
int xengnttab_close(void *h) { return 0; }
int xengnttab_set_max_grants(void *h, uint32_t n) { return 0; }
int xengnttab_unmap(void *h, void *a, uint32_t n) { return 0; }
void *xengnttab_map_grant_ref(void *h, uint32_t d, uint32_t r, int p)
{
	errno = ENOSYS;
	return NULL;
}

static const char *redirect(const char *path, char *buf, size_t len)
{
	const char *dir = getenv("NOHV_DIR");

	if (!dir || strncmp(path, "/proc/xen/xsd_", 14))
		return path;
	snprintf(buf, len, "%s/%s", dir, path + strlen("/proc/xen/"));
	return buf;
}

static int open_via(const char *sym, const char *path, int flags, mode_t mode)
{
	int (*real)(const char *, int, ...) = dlsym(RTLD_NEXT, sym);
	char buf[4096];

	return real(redirect(path, buf, sizeof(buf)), flags, mode);
}

int open(const char *path, int flags, ...)
{
	va_list ap;
	mode_t mode = 0;

	va_start(ap, flags);
	if (flags & (O_CREAT | O_TMPFILE))
		mode = va_arg(ap, mode_t);
	va_end(ap);
	return open_via("open", path, flags, mode);
}

int open64(const char *path, int flags, ...)
{
	va_list ap;
	mode_t mode = 0;

	va_start(ap, flags);
	if (flags & (O_CREAT | O_TMPFILE))
		mode = va_arg(ap, mode_t);
	va_end(ap);
	return open_via("open64", path, flags, mode);
}
