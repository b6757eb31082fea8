/* SPDX-License-Identifier: GPL-2.0-only */
/* xenstored: options (the C daemon's names), start-up, then the event loop (loop.c). */
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "xenstored.h"
#include "loop.h"
#include "ring.h"
#include "socket.h"

#ifndef XEN_RUN_STORED
#define XEN_RUN_STORED "/var/run/xenstored"
#endif

/* Defaults of Xen 4.17's C daemon. */
struct quotas quota = {
	.nodes = 1000, .node_size = 2048, .watches = 128, .transactions = 10,
	.perms = 5, .path_max = XENSTORE_REL_PATH_MAX, .txn_nodes = 1024,
	.outstanding = 20, .memory = 2 * 1024 * 1024 + 512 * 1024,
	.watch_event = 20,
};
bool fake_rings;
int verbose;
static FILE *trace_file;
static volatile sig_atomic_t stop;

void trace_msg(const struct conn *c, const char *dir,
	       const struct xsd_sockmsg *h, const char *payload)
{
	FILE *f = trace_file ? trace_file : stderr;
	uint32_t i;

	fprintf(f, "%s %p %s (req %u tx %u len %u) ", dir, (void *)c,
		type_name(h->type), h->req_id, h->tx_id, h->len);
	for (i = 0; i < h->len && i < 256; i++)
		fputc(payload[i] ? payload[i] : ' ', f);
	fputc('\n', f);
}

static const struct option opts[] = {
	{ "no-domain-init", no_argument, NULL, 'D' },
	{ "entry-nb", required_argument, NULL, 'E' },
	{ "pid-file", required_argument, NULL, 'F' },
	{ "help", no_argument, NULL, 'H' },
	{ "internal-db", no_argument, NULL, 'I' },
	{ "keep-orphans", no_argument, NULL, 'K' },
	{ "no-fork", no_argument, NULL, 'N' },
	{ "no-recovery", no_argument, NULL, 'R' },
	{ "entry-size", required_argument, NULL, 'S' },
	{ "trace-file", required_argument, NULL, 'T' },
	{ "transaction", required_argument, NULL, 't' },
	{ "perm-nb", required_argument, NULL, 'A' },
	{ "path-max", required_argument, NULL, 'M' },
	{ "quota", required_argument, NULL, 'Q' },
	{ "quota-soft", required_argument, NULL, 'q' },
	{ "verbose", no_argument, NULL, 'V' },
	{ "watch-nb", required_argument, NULL, 'W' },
	{ "timeout", required_argument, NULL, 'w' },
	{ "priv-domid", required_argument, NULL, 'p' },
	{ "fake-rings", no_argument, NULL, 'x' },
	{ NULL, 0, NULL, 0 },
};

static void usage(FILE *f)
{
	fprintf(f,
"Usage: xenstored [options]\n"
"  -N, --no-fork             stay in the foreground\n"
"  -F, --pid-file FILE       write the daemon's pid to FILE\n"
"  -T, --trace-file FILE     log every message to FILE\n"
"  -E, --entry-nb N          nodes per unprivileged domain (1000)\n"
"  -S, --entry-size N        bytes per node value (2048)\n"
"  -t, --transaction N       open transactions per domain (10)\n"
"  -W, --watch-nb N          watches per domain (128)\n"
"  -A, --perm-nb N           permission entries per node (5)\n"
"  -M, --path-max N          path length for domains (2048)\n"
"  -Q, --quota NAME=N        outstanding, transaction-nodes, memory, ...\n"
"  -q, --quota-soft NAME=N   accepted, not enforced\n"
"  -I, --internal-db         accepted (the store is always in memory)\n"
"  -D, --no-domain-init      do not attach dom0's ring\n"
"  -V, --verbose             trace messages to stderr\n"
"      --fake-rings          INTRODUCE uses private memory (host tests)\n"
"Environment: XENSTORED_RUNDIR (socket dir), XENSTORED_PATH (socket).\n");
}

static int num_arg(const char *s, uint32_t *out)
{
	char *end;
	unsigned long v = strtoul(s, &end, 10);

	if (!*s || *end) {
		fprintf(stderr, "xenstored: bad number '%s'\n", s);
		return -1;
	}
	*out = v;
	return 0;
}

static int quota_arg(const char *s)
{
	static const struct { const char *n; uint32_t *v; } q[] = {
		{ "outstanding", &quota.outstanding },
		{ "transaction-nodes", &quota.txn_nodes },
		{ "memory", &quota.memory },
		{ "watch-event", &quota.watch_event },
		{ "nodes", &quota.nodes },
		{ "node-size", &quota.node_size },
		{ "watches", &quota.watches },
		{ "transactions", &quota.transactions },
		{ "permissions", &quota.perms },
		{ "path-max", &quota.path_max },
	};
	const char *eq = strchr(s, '=');
	size_t i;

	for (i = 0; eq && i < sizeof(q) / sizeof(q[0]); i++)
		if (strlen(q[i].n) == (size_t)(eq - s) &&
		    !strncmp(q[i].n, s, eq - s))
			return num_arg(eq + 1, q[i].v);
	fprintf(stderr, "xenstored: unknown quota '%s'\n", s);
	return -1;
}

struct settings {
	const char *pidfile, *tracefile;
	bool nofork, nodominit;
};

static int parse_opt(int o, struct settings *s)
{
	switch (o) {
	case 'E': return num_arg(optarg, &quota.nodes);
	case 'S': return num_arg(optarg, &quota.node_size);
	case 't': return num_arg(optarg, &quota.transactions);
	case 'W': return num_arg(optarg, &quota.watches);
	case 'A': return num_arg(optarg, &quota.perms);
	case 'M': return num_arg(optarg, &quota.path_max);
	case 'Q': return quota_arg(optarg);
	case 'F': s->pidfile = optarg; return 0;
	case 'T': s->tracefile = optarg; return 0;
	case 'N': s->nofork = true; return 0;
	case 'D': s->nodominit = true; return 0;
	case 'V': verbose = 1; return 0;
	case 'x': fake_rings = true; return 0;
	case 'q': case 'w': case 'p': case 'I': case 'K': case 'R': return 0;
	case 'H': usage(stdout); exit(0);
	default: usage(stderr); return -1;
	}
}

static const char *socket_path(char *buf, size_t len)
{
	const char *p = getenv("XENSTORED_PATH"), *d;

	if (p && *p)
		return p;
	d = getenv("XENSTORED_RUNDIR");
	snprintf(buf, len, "%s/socket", d && *d ? d : XEN_RUN_STORED);
	return buf;
}

static int write_pidfile(const char *path)
{
	FILE *f = fopen(path, "w");

	if (!f) {
		perror(path);
		return -1;
	}
	fprintf(f, "%ld\n", (long)getpid());
	return fclose(f);
}

static void on_signal(int sig)
{
	stop = 1;
}

int main(int argc, char **argv)
{
	struct settings s = { 0 };
	char buf[4096];
	const char *sock;
	int o, lfd;

	while ((o = getopt_long(argc, argv, "DE:F:HIKNRS:T:t:A:M:Q:q:VW:w:p:",
				opts, NULL)) != -1)
		if (parse_opt(o, &s))
			return 2;
	if (s.tracefile && !(trace_file = fopen(s.tracefile, "a"))) {
		perror(s.tracefile);
		return 1;
	}
	if (trace_file) {
		setvbuf(trace_file, NULL, _IOLBF, 0);
		verbose = 1;
	}
	store_init();
	domain_get(0)->introduced = true;
	sock = socket_path(buf, sizeof(buf));
	if ((lfd = socket_listen(sock)) < 0)
		return 1;
	if (!s.nodominit && !fake_rings)
		ring_dom0_init();	/* absent without Xen: sockets only */
	if (!s.nofork && daemon(0, 0)) {
		perror("daemon");
		return 1;
	}
	if (s.pidfile && write_pidfile(s.pidfile))
		return 1;
	signal(SIGPIPE, SIG_IGN);
	signal(SIGTERM, on_signal);
	signal(SIGINT, on_signal);
	if (loop_run(lfd, &stop))
		return 1;
	unlink(sock);
	return 0;
}
