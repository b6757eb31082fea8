/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * xenstore throughput benchmark through libxenstore:
 *   xs-bench PHASE CONNS ITERS
 * PHASE is wr (write then read back), txn (start, read, write, commit,
 * retried on EAGAIN) or watch (write under a watched node, wait for the
 * event).  CONNS processes each open their own connection and run ITERS
 * iterations after a common start signal; prints
 *   PHASE CONNS ITERS SECONDS ITERS_PER_SECOND
 * with the total over all connections.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <xenstore.h>

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int do_wr(struct xs_handle *h, int id, int i)
{
	char path[64], val[32], *r;
	unsigned int len;
	int ok;

	snprintf(path, sizeof(path), "/bench/c%d/k%d", id, i % 100);
	snprintf(val, sizeof(val), "value-%08d", i);
	if (!xs_write(h, XBT_NULL, path, val, strlen(val)))
		return -1;
	r = xs_read(h, XBT_NULL, path, &len);
	ok = r && len == strlen(val) && !memcmp(r, val, len);
	free(r);
	return ok ? 0 : -1;
}

static int do_txn(struct xs_handle *h, int id, int i)
{
	char path[64], *r;
	xs_transaction_t t;

	snprintf(path, sizeof(path), "/bench/c%d/t%d", id, i % 10);
	for (;;) {
		if (!(t = xs_transaction_start(h)))
			return -1;
		free(xs_read(h, t, path, NULL));
		if (!xs_write(h, t, path, "x", 1))
			return -1;
		if (xs_transaction_end(h, t, false))
			return 0;
		if (errno != EAGAIN)
			return -1;
	}
	(void)r;
}

static int do_watch(struct xs_handle *h, int id, int i)
{
	char path[64], **v;
	unsigned int n;

	snprintf(path, sizeof(path), "/bench/c%d/w/x", id);
	if (!xs_write(h, XBT_NULL, path, "1", 1))
		return -1;
	v = xs_read_watch(h, &n);
	if (!v)
		return -1;
	free(v);
	return 0;
}

static int setup_watch(struct xs_handle *h, int id)
{
	char path[64], **v;
	unsigned int n;

	snprintf(path, sizeof(path), "/bench/c%d/w", id);
	if (!xs_watch(h, path, "bench"))
		return -1;
	v = xs_read_watch(h, &n);	/* the initial event */
	free(v);
	return v ? 0 : -1;
}

static int worker(const char *phase, int id, int iters, int go_fd)
{
	struct xs_handle *h = xs_open(0);
	int (*fn)(struct xs_handle *, int, int) =
		!strcmp(phase, "wr") ? do_wr :
		!strcmp(phase, "txn") ? do_txn : do_watch;
	char c;
	int i;

	if (!h || (fn == do_watch && setup_watch(h, id)))
		return 1;
	if (read(go_fd, &c, 1) != 1)
		return 1;
	for (i = 0; i < iters; i++)
		if (fn(h, id, i))
			return 1;
	xs_close(h);
	return 0;
}

int main(int argc, char **argv)
{
	int conns, iters, go[2], i, st, bad = 0;
	double t0, t;

	if (argc != 4 || (strcmp(argv[1], "wr") && strcmp(argv[1], "txn") &&
			  strcmp(argv[1], "watch"))) {
		fprintf(stderr, "usage: xs-bench wr|txn|watch CONNS ITERS\n");
		return 2;
	}
	conns = atoi(argv[2]);
	iters = atoi(argv[3]);
	if (conns < 1 || iters < 1 || pipe(go))
		return 2;
	for (i = 0; i < conns; i++)
		if (fork() == 0)
			_exit(worker(argv[1], i, iters, go[0]));
	usleep(200000);		/* let every worker connect */
	t0 = now();
	for (i = 0; i < conns; i++)
		if (write(go[1], "g", 1) != 1)
			return 1;
	while (wait(&st) > 0)
		bad |= !WIFEXITED(st) || WEXITSTATUS(st);
	t = now() - t0;
	if (bad) {
		fprintf(stderr, "xs-bench: a worker failed\n");
		return 1;
	}
	printf("%s %d %d %.4f %.0f\n", argv[1], conns, iters, t,
	       conns * (double)iters / t);
	return 0;
}
