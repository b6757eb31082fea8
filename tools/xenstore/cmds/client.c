/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * xenstore: the multi-call client.  Invoked as xenstore-<mode> (or as
 * "xenstore <mode>"), with Xen's options, messages and output formats.
 * Simple modes run inside a transaction retried on EAGAIN, and their
 * output is printed only once it committed.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "client.h"

bool opt_prefix, opt_raw, opt_tidy, opt_full, opt_perms, opt_recurse,
	opt_upto;
int opt_nr = -1;
const char *progname;
static FILE *out;		/* output of the current attempt */
static char *out_buf;
static size_t out_len;

static int mode_read(struct xs_handle *h, xs_transaction_t t, int argc,
		     char **argv)
{
	unsigned int len;
	char *v, *s;
	int i;

	for (i = 0; i < argc; i++) {
		if (!(v = xs_read(h, t, argv[i], &len))) {
			fprintf(stderr, "%s: couldn't read path %s\n",
				progname, argv[i]);
			return 1;
		}
		if (opt_prefix)
			fprintf(out, "%s: ", argv[i]);
		if (opt_raw) {
			fwrite(v, 1, len, out);
		} else if ((s = value_sanitise(v, len))) {
			fprintf(out, "%s\n", s);
			free(s);
		}
		free(v);
	}
	return 0;
}

static int mode_write(struct xs_handle *h, xs_transaction_t t, int argc,
		      char **argv)
{
	unsigned int len;
	char *val;
	int i;

	if (argc % 2)
		return 2;	/* usage */
	for (i = 0; i < argc; i += 2) {
		val = strdup(argv[i + 1]);
		if (!val)
			return 1;
		len = opt_raw ? strlen(val) : value_unescape(val);
		if (!xs_write(h, t, argv[i], val, len)) {
			fprintf(stderr, "%s: could not write path %s\n",
				progname, argv[i]);
			free(val);
			return 1;
		}
		free(val);
	}
	return 0;
}

/* A node with neither value nor children: removable by -t. */
static bool node_empty(struct xs_handle *h, xs_transaction_t t,
		       const char *path)
{
	unsigned int n = 1, len = 1;
	char **d = xs_directory(h, t, path, &n);
	char *v = xs_read(h, t, path, &len);

	free(d);
	free(v);
	return d && v && !n && !len;
}

static void tidy_parents(struct xs_handle *h, xs_transaction_t t, char *path)
{
	char *slash;

	while ((slash = strrchr(path, '/')) && slash != path) {
		*slash = 0;
		if (!node_empty(h, t, path) || !xs_rm(h, t, path))
			return;
	}
}

static int mode_rm(struct xs_handle *h, xs_transaction_t t, int argc,
		   char **argv)
{
	char *p;
	int i;

	for (i = 0; i < argc; i++) {
		if (!xs_rm(h, t, argv[i])) {
			fprintf(stderr, "%s: could not remove path %s\n",
				progname, argv[i]);
			return 1;
		}
		if (opt_tidy && (p = strdup(argv[i]))) {
			tidy_parents(h, t, p);
			free(p);
		}
	}
	return 0;
}

static int mode_exists(struct xs_handle *h, xs_transaction_t t, int argc,
		       char **argv)
{
	unsigned int len;
	char *v;
	int i;

	for (i = 0; i < argc; i++) {
		if (!(v = xs_read(h, t, argv[i], &len)))
			return 1;
		free(v);
	}
	return 0;
}

static int mode_list(struct xs_handle *h, xs_transaction_t t, int argc,
		     char **argv)
{
	unsigned int n, j;
	char **d;
	int i;

	for (i = 0; i < argc; i++) {
		if (!(d = xs_directory(h, t, argv[i], &n))) {
			fprintf(stderr, "%s: could not list path %s\n",
				progname, argv[i]);
			return 1;
		}
		for (j = 0; j < n; j++)
			fprintf(out, opt_prefix ? "%s/%s\n" : "%.0s%s\n",
				argv[i], d[j]);
		free(d);
	}
	return 0;
}

static const struct mode modes[] = {
	{ "read", "hpsR", "[-h] [-p] [-s] [-R] key [...]", 1, mode_read, false },
	{ "write", "hsR", "[-h] [-s] [-R] key value [...]", 2, mode_write, false },
	{ "rm", "hst", "[-h] [-s] [-t] key [...]", 1, mode_rm, false },
	{ "exists", "hps", "[-h] [-p] [-s] key [...]", 1, mode_exists, false },
	{ "list", "hps", "[-h] [-p] [-s] key [...]", 1, mode_list, false },
	{ "ls", "hfps", "[-h] [-f] [-p] [-s] [path]", 0, mode_ls, true },
	{ "chmod", "hurs", "[-h] [-u] [-r] [-s] key <mode [modes...]>", 2, mode_chmod, false },
	{ "watch", "hn:s", "[-h] [-n NR] key", 1, mode_watch, true },
	{ "control", "hs", "<command> [<arg>...]", 1, mode_control, true },
};

static const struct mode *find_mode(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(modes) / sizeof(modes[0]); i++)
		if (!strcmp(modes[i].name, name))
			return &modes[i];
	return NULL;
}

static int usage(const char *argv0, const struct mode *m, int rc)
{
	fprintf(stderr, "%s: Usage: %s %s\n", progname, argv0,
		m ? m->usage : "<mode> [-h] [...]");
	return rc;
}

static bool socket_only;

/* Returns 0 when options parsed, else the exit code. */
static int parse_options(const struct mode *m, int argc, char **argv)
{
	int o;

	while ((o = getopt(argc, argv, m->opts)) != -1) {
		switch (o) {
		case 'h': return usage(argv[0], m, 1) + 100;
		case 'p': opt_prefix = opt_perms = true; break;
		case 'R': opt_raw = true; break;
		case 't': opt_tidy = true; break;
		case 'f': opt_full = true; break;
		case 'r': opt_recurse = true; break;
		case 'u': opt_upto = true; break;
		case 's': socket_only = true; break;
		case 'n': opt_nr = atoi(optarg); break;
		default: break;	/* getopt reported it; carry on as Xen does */
		}
	}
	return 0;
}

static int run_once(const struct mode *m, struct xs_handle *h, int argc,
		    char **argv, bool *retry)
{
	xs_transaction_t t = XBT_NULL;
	int rc;

	out = open_memstream(&out_buf, &out_len);
	if (!out)
		return 1;
	if (!m->no_txn && !(t = xs_transaction_start(h))) {
		fprintf(stderr, "%s: couldn't start transaction\n", progname);
		return 1;
	}
	rc = m->run(h, t, argc, argv);
	fclose(out);
	if (t && !xs_transaction_end(h, t, rc != 0)) {
		if (rc == 0 && errno == EAGAIN) {
			*retry = true;
			return 0;
		}
		fprintf(stderr, "%s: couldn't end transaction\n", progname);
		return 1;
	}
	return rc;
}

static int run_mode(const struct mode *m, int argc, char **argv)
{
	struct xs_handle *h;
	bool retry;
	int rc;

	h = xs_open(socket_only ? XS_OPEN_SOCKETONLY : 0);
	if (!h) {
		fprintf(stderr, "%s: failed to connect to xenstore: %s\n",
			progname, strerror(errno));
		return 1;
	}
	do {
		retry = false;
		free(out_buf);
		out_buf = NULL;
		rc = run_once(m, h, argc, argv, &retry);
	} while (retry);
	if (out_buf)
		fwrite(out_buf, 1, out_len, stdout);
	free(out_buf);
	xs_close(h);
	return rc;
}

int main(int argc, char **argv)
{
	const char *base = strrchr(argv[0], '/');
	const struct mode *m;
	int rc;

	base = base ? base + 1 : argv[0];
	progname = base;
	if (!strncmp(base, "xenstore-", 9)) {
		m = find_mode(base + 9);
	} else {
		m = argc > 1 ? find_mode(argv[1]) : NULL;
		argc--;
		argv++;
	}
	if (!m)
		return usage(progname, NULL, 1);
	if ((rc = parse_options(m, argc, argv)))
		return rc - 100;
	if (argc - optind < m->min_args)
		return usage(argv[0], m, 1);
	rc = run_mode(m, argc - optind, argv + optind);
	return rc == 2 ? usage(argv[0], m, 1) : rc;
}
