/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * xenconsoled: serves every guest's PV console ring on a pty (published in
 * xenstore as console/tty, where `xl console` finds it) and optionally logs
 * it to <log-dir>/guest-<name>.log.  Command line as Xen's:
 *   xenconsoled [-i] [--log=none|guest|hv|all] [--log-dir=DIR]
 *               [--timestamp=none|guest|hv|all] [--pid-file=FILE] [-o keep|discard]
 * It looks at the domain list when xenstored says a domain was introduced
 * or released (the @introduceDomain / @releaseDomain watches, as Xen's
 * daemon: the console is connected before the guest first runs, so its
 * first output never waits for us) and four times a second besides (a
 * console is set up once the toolstack has written its ring-ref and port);
 * it drops a console when its domain dies.  SIGHUP reopens the logs (for
 * logrotate); SIGTERM/SIGINT end it.  The hypervisor's own console
 * (--log=hv) is not logged.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "xenconsoled.h"

#define SCAN_MS 250
#define MAX_DOMS 1024

static volatile sig_atomic_t quit, reopen;

static void on_signal(int sig)
{
	if (sig == SIGHUP)
		reopen = 1;
	else
		quit = 1;
}

static int has(const char *v, const char *what)
{
	return !strcmp(v, what) || !strcmp(v, "all");
}

static const struct option longopts[] = {
	{ "help", 0, NULL, 'h' }, { "version", 0, NULL, 'V' }, { "verbose", 0, NULL, 'v' },
	{ "interactive", 0, NULL, 'i' }, { "log", 1, NULL, 'l' }, { "log-dir", 1, NULL, 'r' },
	{ "pid-file", 1, NULL, 'p' }, { "timestamp", 1, NULL, 't' },
	{ "overflow-data", 1, NULL, 'o' }, { NULL, 0, NULL, 0 },
};

static void usage(FILE *f)
{
	fprintf(f, "Usage: xenconsoled [-h] [-V] [-v] [-i] [--log=none|guest|hv|all]"
		   " [--log-dir=DIR] [--pid-file=FILE] [-t, --timestamp=none|guest|hv|all]"
		   " [-o, --overflow-data=discard|keep]\n");
}

/* Returns -1 to go on, else the exit status. */
static int parse_args(int argc, char **argv, struct xcd_options *o, int *fg, const char **pid)
{
	int c;

	while ((c = getopt_long(argc, argv, "hVvil:r:p:t:o:", longopts, NULL)) != -1) {
		switch (c) {
		case 'h': usage(stdout); return 0;
		case 'V': printf("xenconsoled (xen-arm)\n"); return 0;
		case 'i': *fg = 1; break;
		case 'l': o->log_guest = has(optarg, "guest"); break;
		case 'r': o->log_dir = optarg; break;
		case 'p': *pid = optarg; break;
		case 't': o->timestamps = has(optarg, "guest"); break;
		case 'v': case 'o': break;
		default: usage(stderr); return 1;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "xenconsoled: unexpected argument `%s'\n", argv[optind]);
		return 1;
	}
	return -1;
}

static int write_pid(const char *path)
{
	FILE *f = fopen(path, "we");

	if (!f || fprintf(f, "%ld\n", (long)getpid()) < 0 || fclose(f)) {
		fprintf(stderr, "xenconsoled: pid file %s: %s\n", path, strerror(errno));
		return -1;
	}
	return 0;
}

/* The parent returns once the child is set up (or failed), with its status. */
static int daemonize(void)
{
	int p[2], st = 1;
	pid_t pid;

	if (pipe(p) || (pid = fork()) < 0)
		return -1;
	if (pid > 0) {
		close(p[1]);
		if (read(p[0], &st, sizeof(st)) != sizeof(st))
			st = 1;
		_exit(st);
	}
	close(p[0]);
	setsid();
	/* stderr stays: set-up failures and per-guest errors are said there. */
	if (chdir("/") || !freopen("/dev/null", "r", stdin))
		return -1;
	return p[1];
}

static void tell_parent(int fd, int status)
{
	if (fd >= 0) {
		if (write(fd, &status, sizeof(status)) < 0)
			status = 1;
		close(fd);
	}
}

static struct xcd_console *find(struct xcd_console *list, uint32_t domid)
{
	while (list && list->domid != domid)
		list = list->next;
	return list;
}

/* Adds consoles of new guests, drops those of dead ones. */
static void scan(libxl_ctx *ctx, int efd, struct xcd_console **list, const struct xcd_options *o)
{
	static xc_domaininfo_t info[MAX_DOMS];
	int n = xc_domain_getinfolist(ctx->xch, 1, MAX_DOMS, info);
	struct xcd_console **pp, *c;

	if (n < 0)
		return;
	for (c = *list; c; c = c->next)
		c->seen = 0;
	for (int i = 0; i < n; i++) {
		if (info[i].flags & XEN_DOMINF_dying)
			continue;
		c = find(*list, info[i].domain);
		if (!c && (c = xcd_console_open(ctx, efd, info[i].domain, o))) {
			c->next = *list;
			*list = c;
		}
		if (c)
			c->seen = 1;
	}
	for (pp = list; (c = *pp);) {
		if (c->seen) {
			pp = &c->next;
			continue;
		}
		*pp = c->next;
		xcd_console_close(c, efd);
	}
}

/* Reads the fired ports and unmasks them (we service every ring anyway). */
static void ack_events(int efd)
{
	uint32_t ports[64];
	ssize_t n = read(efd, ports, sizeof(ports));

	if (n > 0 && write(efd, ports, (size_t)n) < 0)
		fprintf(stderr, "xenconsoled: unmasking events: %s\n", strerror(errno));
}

static long long now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* The domain-list watches: a connection each (-1: no xenstored, scan only). */
static const char *const watched[] = { "@introduceDomain", "@releaseDomain" };
#define NWATCH (sizeof(watched) / sizeof(watched[0]))

static void open_watches(int *wfd)
{
	for (size_t i = 0; i < NWATCH; i++)
		wfd[i] = libxl_xs_watch_open(watched[i], "xenconsoled");
}

/* 1 if a watch fired (a domain came or went); a broken one is dropped. */
static int watch_fired(int *wfd, const struct pollfd *fds)
{
	int fired = 0;

	for (size_t i = 0; i < NWATCH; i++) {
		if (!fds[1 + i].revents)
			continue;
		fired = 1;
		if (libxl_xs_watch_next(wfd[i]) < 0) {
			close(wfd[i]);
			wfd[i] = -1;
		}
	}
	return fired;
}

/* fds[0] is the event channel, then the watches, then one slot per
 * console in list order. */
#define FIRST_CONSOLE (1 + NWATCH)
static nfds_t poll_set(struct xcd_console *list, int efd, const int *wfd, struct pollfd *fds)
{
	nfds_t n = FIRST_CONSOLE;

	fds[0] = (struct pollfd){ .fd = efd, .events = POLLIN };
	for (size_t i = 0; i < NWATCH; i++)
		fds[1 + i] = (struct pollfd){ .fd = wfd[i], .events = POLLIN };
	for (struct xcd_console *c = list; c && n < FIRST_CONSOLE + MAX_DOMS; c = c->next)
		fds[n++] = (struct pollfd){ .fd = c->ring && xcd_wants_input(c) ? c->master : -1,
					    .events = POLLIN };
	return n;
}

/* Every ring is drained each wake-up: cheap, and no event can be missed. */
static void service(struct xcd_console *list, int efd, const struct pollfd *fds,
		    const struct xcd_options *o)
{
	nfds_t n = FIRST_CONSOLE;

	if (fds[0].revents & POLLIN)
		ack_events(efd);
	for (struct xcd_console *c = list; c && n < FIRST_CONSOLE + MAX_DOMS; c = c->next, n++) {
		if (!c->ring)
			continue;
		xcd_ring_to_pty(c, efd, o);
		if (fds[n].revents & POLLIN)
			xcd_pty_to_ring(c, efd);
	}
}

static void reopen_logs(libxl_ctx *ctx, struct xcd_console *list, const struct xcd_options *o)
{
	reopen = 0;
	for (; list; list = list->next)
		xcd_console_reopen_log(ctx, list, o);
}

static void serve(libxl_ctx *ctx, int efd, const struct xcd_options *o)
{
	static struct pollfd fds[FIRST_CONSOLE + MAX_DOMS];
	struct xcd_console *list = NULL, *c;
	long long last_scan = 0;
	int wfd[NWATCH], changed = 1;

	open_watches(wfd);
	while (!quit) {
		nfds_t n;

		if (reopen)
			reopen_logs(ctx, list, o);
		/* A chatty guest wakes us often: without a watch firing, look
		 * for new guests at 4 Hz only. */
		if (changed || now_ms() - last_scan >= SCAN_MS) {
			scan(ctx, efd, &list, o);
			last_scan = now_ms();
		}
		n = poll_set(list, efd, wfd, fds);
		if (poll(fds, n, SCAN_MS) < 0) {
			if (errno != EINTR)
				break;
			memset(fds, 0, n * sizeof(fds[0])); /* no revents to act on */
		}
		changed = watch_fired(wfd, fds);
		service(list, efd, fds, o);
	}
	while ((c = list)) {
		list = c->next;
		xcd_console_close(c, efd);
	}
	for (size_t i = 0; i < NWATCH; i++)
		if (wfd[i] >= 0)
			close(wfd[i]);
}

int main(int argc, char **argv)
{
	struct xcd_options o = { .log_dir = "/var/log/xen/console" };
	const char *pid = NULL;
	int fg = 0, rc = parse_args(argc, argv, &o, &fg, &pid), efd, note = -1;
	libxl_ctx *ctx;

	if (rc >= 0)
		return rc;
	ctx = libxl_ctx_alloc();
	efd = open("/dev/xen/evtchn", O_RDWR | O_CLOEXEC);
	if (!ctx || efd < 0) {
		fprintf(stderr, "xenconsoled: %s\n", ctx ? "cannot open /dev/xen/evtchn (is "
			"the xen-evtchn module loaded?)" : "cannot reach the hypervisor");
		return 1;
	}
	if (o.log_guest && mkdir(o.log_dir, 0755) && errno != EEXIST)
		fprintf(stderr, "xenconsoled: %s: %s\n", o.log_dir, strerror(errno));
	if (!fg && (note = daemonize()) < 0)
		return 1;
	rc = pid && write_pid(pid) ? 1 : 0;
	tell_parent(note, rc);
	if (rc)
		return rc;
	signal(SIGTERM, on_signal);
	signal(SIGINT, on_signal);
	signal(SIGHUP, on_signal);
	signal(SIGPIPE, SIG_IGN);
	serve(ctx, efd, &o);
	if (pid)
		unlink(pid);
	libxl_ctx_free(ctx);
	return 0;
}
