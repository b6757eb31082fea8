/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * xenstore-ls: a tree (one space of indent per level) or full paths (-f),
 * values escaped, permissions (-p).  In tree mode lines are fitted to the
 * terminal (80 columns when not a tty): long values are cut with "\...",
 * and permissions are aligned after a dotted leader ending at column 60.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include "client.h"

#define TAG_LEN 8		/* room kept for the cut marker */
#define PERM_COLUMN 60

static int max_width = 80;

static void print_perms(struct xs_handle *h, const char *path, int linewid,
			bool cut)
{
	static const char letters[] = "nrwb";
	struct xs_permissions *p;
	unsigned int n, i;

	if (!(p = xs_get_permissions(h, XBT_NULL, path, &n))) {
		fprintf(stderr, "\ncould not access permissions for %s\n", path);
		return;
	}
	if (opt_full) {
		fputs("   ", stdout);
	} else {
		if (!cut)
			putchar(' ');
		for (linewid++; !cut && linewid < PERM_COLUMN; linewid++)
			putchar(linewid & 1 ? '.' : ' ');
		fputs("  ", stdout);
	}
	putchar('(');
	for (i = 0; i < n; i++)
		printf("%s%c%u", i ? "," : "", letters[p[i].perms & 3], p[i].id);
	putchar(')');
	free(p);
}

/* Prints " = value"; returns whether it had to be cut. */
static bool print_value(struct xs_handle *h, const char *path, int *linewid)
{
	unsigned int len;
	char *v = xs_read(h, XBT_NULL, path, &len), *s;
	bool cut = false;

	if (!v) {
		fputs(":", stdout);
		return false;
	}
	s = value_sanitise(v, len);
	free(v);
	if (!s)
		return false;
	if (!opt_full && max_width < *linewid + (int)strlen(s) + TAG_LEN) {
		printf(" = \"%.*s\\...\"", max_width - TAG_LEN - *linewid, s);
		cut = true;
	} else {
		*linewid += printf(" = \"%s\"", s);
	}
	free(s);
	return cut;
}

static void ls_node(struct xs_handle *h, const char *path, const char *name,
		    int depth)
{
	int linewid = 0;
	bool cut;

	if (opt_full) {
		linewid = printf("%s", path);
	} else {
		for (; linewid < depth; linewid++)
			putchar(' ');
		linewid += printf("%.*s", max_width - TAG_LEN - linewid, name);
	}
	cut = print_value(h, path, &linewid);
	if (opt_perms)
		print_perms(h, path, linewid, cut);
	putchar('\n');
}

static int ls_dir(struct xs_handle *h, const char *path, int depth)
{
	unsigned int n, i;
	char **d = xs_directory(h, XBT_NULL, path, &n), *child;
	size_t l = strlen(path);

	if (!d) {
		/* Nodes may vanish, or be unreadable, below the top. */
		if (depth && (errno == ENOENT || errno == EACCES))
			return 0;
		fprintf(stderr, "%s: xs_directory (%s): %s\n", progname, path,
			strerror(errno));
		return 1;
	}
	for (i = 0; i < n; i++) {
		if (asprintf(&child, "%s%s%s", path,
			     l && path[l - 1] == '/' ? "" : "/", d[i]) < 0)
			break;
		ls_node(h, child, d[i], depth);
		ls_dir(h, child, depth + 1);
		free(child);
	}
	free(d);
	return 0;
}

int mode_ls(struct xs_handle *h, xs_transaction_t t, int argc, char **argv)
{
	struct winsize ws;

	if (isatty(STDOUT_FILENO) && !ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) &&
	    ws.ws_col > TAG_LEN + 1)
		max_width = ws.ws_col;
	return ls_dir(h, argc ? argv[0] : "/", 0);
}
