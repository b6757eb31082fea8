/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * xenconsoled: a guest console's set-up and tear-down.  The toolstack
 * publishes the ring's frame and the guest's event channel port in
 * /local/domain/<id>/console/{ring-ref,port}; we map the frame, bind the
 * port, make a pty (raw, its slave kept open so the master never sees a
 * hang-up between clients) and publish its name in console/tty, which is
 * what `xl console` waits for.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <termios.h>
#include <unistd.h>

#include "xen-sys/linux/evtchn.h"
#include "xenconsoled.h"

/* /local/domain/<id>/<key> as an unsigned number; -1 if absent or not one. */
static long long read_num(libxl_ctx *ctx, uint32_t domid, const char *key)
{
	char path[80], *v, *end;
	long long n = -1;

	snprintf(path, sizeof(path), "/local/domain/%u/%s", domid, key);
	v = libxl_xs_read(ctx, path);
	if (v && *v) {
		n = strtoll(v, &end, 10);
		if (*end || n < 0)
			n = -1;
	}
	free(v);
	return n;
}

static int open_pty(struct xcd_console *c)
{
	struct termios t;

	c->master = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
	if (c->master < 0 || grantpt(c->master) || unlockpt(c->master))
		return -1;
	c->slave = open(ptsname(c->master), O_RDWR | O_NOCTTY | O_CLOEXEC);
	if (c->slave < 0 || tcgetattr(c->slave, &t))
		return -1;
	cfmakeraw(&t);
	if (tcsetattr(c->slave, TCSANOW, &t))
		return -1;
	return fcntl(c->master, F_SETFL, fcntl(c->master, F_GETFL) | O_NONBLOCK);
}

static int bind_port(int evtchn_fd, uint32_t domid, long long port)
{
	struct ioctl_evtchn_bind_interdomain b = { .remote_domain = domid,
						   .remote_port = (unsigned int)port };

	return ioctl(evtchn_fd, IOCTL_EVTCHN_BIND_INTERDOMAIN, &b);
}

static void open_log(libxl_ctx *ctx, struct xcd_console *c, const struct xcd_options *o)
{
	char path[512], *name;

	if (!o->log_guest)
		return;
	name = libxl_domid_to_name(ctx, c->domid);
	snprintf(path, sizeof(path), "%s/guest-%s.log", o->log_dir, name ? name : "unknown");
	free(name);
	c->log = fopen(path, "ae");
	if (!c->log)
		fprintf(stderr, "xenconsoled: %s: %s\n", path, strerror(errno));
	c->at_line_start = 1;
}

/* After logrotate moved the files (SIGHUP): write to fresh ones. */
void xcd_console_reopen_log(libxl_ctx *ctx, struct xcd_console *c, const struct xcd_options *o)
{
	if (c->log)
		fclose(c->log);
	c->log = NULL;
	if (c->ring)
		open_log(ctx, c, o);
}

static int publish_tty(libxl_ctx *ctx, const struct xcd_console *c)
{
	char path[80];

	snprintf(path, sizeof(path), "/local/domain/%u/console/tty", c->domid);
	return libxl_xs_write(ctx, path, ptsname(c->master));
}

static struct xcd_console *new_console(uint32_t domid)
{
	struct xcd_console *c = calloc(1, sizeof(*c));

	if (c) {
		c->domid = domid;
		c->master = c->slave = -1;
		c->local_port = ~0u;
	}
	return c;
}

/* Frees what c holds, keeping c itself. */
static void release(struct xcd_console *c, int evtchn_fd)
{
	struct ioctl_evtchn_unbind u = { .port = c->local_port };

	if (c->local_port != ~0u)
		ioctl(evtchn_fd, IOCTL_EVTCHN_UNBIND, &u);
	if (c->ring)
		munmap(c->ring, 4096);
	if (c->master >= 0)
		close(c->master);
	if (c->slave >= 0)
		close(c->slave);
	if (c->log)
		fclose(c->log);
	c->ring = NULL;
	c->log = NULL;
	c->master = c->slave = -1;
	c->local_port = ~0u;
}

/*
 * NULL while the toolstack has not published the console yet.  A console
 * that cannot be set up is said once and kept as an inert record (no ring)
 * so it is not retried for as long as the domain lives.
 */
struct xcd_console *xcd_console_open(libxl_ctx *ctx, int evtchn_fd, uint32_t domid,
				     const struct xcd_options *o)
{
	long long gfn = read_num(ctx, domid, "console/ring-ref");
	long long port = read_num(ctx, domid, "console/port");
	struct xcd_console *c;
	xen_pfn_t frame = (xen_pfn_t)gfn;
	int lp;

	if (gfn < 0 || port < 0 || !(c = new_console(domid)))
		return NULL;
	c->ring = xc_map_foreign_pages(ctx->xch, domid, PROT_READ | PROT_WRITE, &frame, 1);
	lp = c->ring ? bind_port(evtchn_fd, domid, port) : -1;
	c->local_port = lp < 0 ? ~0u : (unsigned int)lp;
	if (lp < 0 || open_pty(c) || publish_tty(ctx, c)) {
		fprintf(stderr, "xenconsoled: domain %u: console set-up failed (ring-ref %lld, "
			"port %lld): %s\n", domid, gfn, port, strerror(errno));
		release(c, evtchn_fd);
		return c;
	}
	open_log(ctx, c, o);
	return c;
}

void xcd_console_close(struct xcd_console *c, int evtchn_fd)
{
	release(c, evtchn_fd);
	free(c);
}
