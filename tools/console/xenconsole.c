/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * xenconsole: attach the terminal to a domain's console, the pty that
 * xenconsoled publishes in xenstore (/local/domain/<id>/console/tty for the
 * PV console, .../serial/<n>/tty or .../vuart/<n>/tty for the others).
 * Ctrl-] detaches.  Used by `xl console`; same command line as Xen's:
 *   xenconsole DOMID [--type pv|serial|vuart] [--num N]
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "libxl_internal.h"

#define ESCAPE_CHAR 0x1d /* Ctrl-] */
#define TTY_WAIT_TRIES 100

static struct termios saved;
static int raw_set;

static void restore_term(void)
{
	if (raw_set)
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
}

static void make_raw(void)
{
	struct termios t;

	if (!isatty(STDIN_FILENO) || tcgetattr(STDIN_FILENO, &saved))
		return;
	t = saved;
	cfmakeraw(&t);
	if (!tcsetattr(STDIN_FILENO, TCSAFLUSH, &t)) {
		raw_set = 1;
		atexit(restore_term);
	}
}

static int tty_path(const char *type, unsigned int num, uint32_t domid, char *out, size_t len)
{
	if (!strcmp(type, "pv") && num == 0)
		snprintf(out, len, "/local/domain/%u/console/tty", domid);
	else if (!strcmp(type, "pv"))
		snprintf(out, len, "/local/domain/%u/device/console/%u/tty", domid, num);
	else if (!strcmp(type, "serial") || !strcmp(type, "vuart"))
		snprintf(out, len, "/local/domain/%u/%s/%u/tty", domid, type, num);
	else
		return -1;
	return 0;
}

/* xenconsoled writes the tty node once it has set the console up. */
static char *wait_for_tty(libxl_ctx *ctx, const char *path)
{
	for (int i = 0; i < TTY_WAIT_TRIES; i++) {
		char *tty = libxl_xs_read(ctx, path);

		if (tty && *tty)
			return tty;
		free(tty);
		if (errno != ENOENT && errno != 0)
			break;
		usleep(100 * 1000);
	}
	return NULL;
}

/* Copies one read's worth from in to out; -1 on EOF/error or the escape key. */
static int pump(int in, int out, int watch_escape)
{
	char buf[4096];
	ssize_t n = read(in, buf, sizeof(buf));
	char *esc;

	if (n <= 0)
		return n < 0 && errno == EINTR ? 0 : -1;
	/* What was typed before Ctrl-] still goes to the guest. */
	esc = watch_escape ? memchr(buf, ESCAPE_CHAR, (size_t)n) : NULL;
	if (esc)
		n = esc - buf;
	for (ssize_t off = 0; off < n;) {
		ssize_t w = write(out, buf + off, (size_t)(n - off));

		if (w < 0 && errno != EINTR)
			return -1;
		off += w > 0 ? w : 0;
	}
	return esc ? -1 : 0;
}

static int relay(int tty)
{
	struct pollfd fds[2] = { { STDIN_FILENO, POLLIN, 0 }, { tty, POLLIN, 0 } };

	for (;;) {
		if (poll(fds, 2, -1) < 0 && errno != EINTR)
			return 1;
		if ((fds[1].revents & (POLLIN | POLLHUP | POLLERR)) && pump(tty, STDOUT_FILENO, 0))
			return 0;
		if ((fds[0].revents & (POLLIN | POLLHUP | POLLERR)) && pump(STDIN_FILENO, tty, 1))
			return 0;
	}
}

int main(int argc, char **argv)
{
	static const struct option lopts[] = { { "type", 1, NULL, 't' }, { "num", 1, NULL, 'n' },
					       { NULL, 0, NULL, 0 } };
	const char *type = "pv";
	unsigned int num = 0;
	char path[96], *tty, *end;
	libxl_ctx *ctx;
	unsigned long domid;
	int opt, fd;

	while ((opt = getopt_long(argc, argv, "t:n:", lopts, NULL)) != -1) {
		if (opt == 't')
			type = optarg;
		else if (opt == 'n')
			num = (unsigned int)strtoul(optarg, NULL, 10);
		else
			return 2;
	}
	if (optind >= argc || (domid = strtoul(argv[optind], &end, 10), *end) ||
	    tty_path(type, num, (uint32_t)domid, path, sizeof(path))) {
		fprintf(stderr, "usage: xenconsole DOMID [--type pv|serial|vuart] [--num N]\n");
		return 2;
	}
	ctx = libxl_ctx_alloc_xs_only();
	tty = ctx ? wait_for_tty(ctx, path) : NULL;
	if (!tty) {
		fprintf(stderr, "xenconsole: no console for domain %lu (%s): %s\n", domid, path,
			strerror(errno));
		return 1;
	}
	fd = open(tty, O_RDWR | O_NOCTTY);
	if (fd < 0) {
		fprintf(stderr, "xenconsole: %s: %s\n", tty, strerror(errno));
		return 1;
	}
	free(tty);
	libxl_ctx_free(ctx);
	make_raw();
	return relay(fd);
}
