/* SPDX-License-Identifier: GPL-2.0-only */
/* xenstore-chmod, xenstore-watch and xenstore-control. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "client.h"

static int parse_perm(const char *s, struct xs_permissions *p)
{
	char *end;

	switch (s[0]) {
	case 'n': p->perms = XS_PERM_NONE; break;
	case 'r': p->perms = XS_PERM_READ; break;
	case 'w': p->perms = XS_PERM_WRITE; break;
	case 'b': p->perms = XS_PERM_READ | XS_PERM_WRITE; break;
	default:
		fprintf(stderr, "%s: Invalid permission specification: '%c'\n",
			progname, s[0]);
		return -1;
	}
	p->id = strtoul(s + 1, &end, 0);
	if (*end || end == s + 1) {
		fprintf(stderr, "%s: Invalid domain ID in permission: '%s'\n",
			progname, s);
		return -1;
	}
	return 0;
}

static int set_one(struct xs_handle *h, xs_transaction_t t, const char *path,
		   struct xs_permissions *p, unsigned int n)
{
	if (xs_set_permissions(h, t, path, p, n))
		return 0;
	if (errno == EAGAIN)
		return -1;
	fprintf(stderr, "%s: Error occurred setting permissions on '%s': %s\n",
		progname, path, strerror(errno));
	return 1;
}

static int set_tree(struct xs_handle *h, xs_transaction_t t, const char *path,
		    struct xs_permissions *p, unsigned int n)
{
	unsigned int nc, i;
	char **d, *child;
	int rc = set_one(h, t, path, p, n);

	if (rc || !opt_recurse || !(d = xs_directory(h, t, path, &nc)))
		return rc;
	for (i = 0; !rc && i < nc; i++) {
		if (asprintf(&child, "%s/%s", strcmp(path, "/") ? path : "",
			     d[i]) < 0)
			break;
		rc = set_tree(h, t, child, p, n);
		free(child);
	}
	free(d);
	return rc;
}

/* -u: the parents of path too, from the top down. */
static int set_up(struct xs_handle *h, xs_transaction_t t, const char *path,
		  struct xs_permissions *p, unsigned int n)
{
	char *copy = strdup(path), *s;
	int rc = 0;

	if (!copy)
		return 1;
	for (s = copy + 1; !rc && (s = strchr(s, '/')); s++) {
		*s = 0;
		rc = set_one(h, t, copy, p, n);
		*s = '/';
	}
	free(copy);
	return rc;
}

int mode_chmod(struct xs_handle *h, xs_transaction_t t, int argc,
	       char **argv)
{
	unsigned int n = argc - 1, i;
	struct xs_permissions *p = calloc(n, sizeof(*p));
	int rc = 0;

	if (!p)
		return 1;
	for (i = 0; i < n && !rc; i++)
		if (parse_perm(argv[i + 1], &p[i]))
			rc = 1;
	if (!rc && opt_upto)
		rc = set_up(h, t, argv[0], p, n);
	if (!rc)
		rc = set_tree(h, t, argv[0], p, n);
	free(p);
	return rc;
}

int mode_watch(struct xs_handle *h, xs_transaction_t t, int argc,
	       char **argv)
{
	unsigned int num;
	char **v;

	if (!xs_watch(h, argv[0], "input")) {
		fprintf(stderr, "%s: Unable to add watch on %s: %s\n", progname,
			argv[0], strerror(errno));
		return 1;
	}
	for (; opt_nr != 0; opt_nr -= opt_nr > 0) {
		if (!(v = xs_read_watch(h, &num)))
			return 1;
		printf("%s\n", v[XS_WATCH_PATH]);
		fflush(stdout);
		free(v);
	}
	return 0;
}

int mode_control(struct xs_handle *h, xs_transaction_t t, int argc,
		 char **argv)
{
	size_t len = 0;
	char *data = NULL, *r;
	int i;

	for (i = 1; i < argc; i++) {
		size_t l = strlen(argv[i]) + 1;
		char *grown = realloc(data, len + l);
		if (!grown)
			return 1;
		data = grown;
		memcpy(data + len, argv[i], l);
		len += l;
	}
	r = xs_control_command(h, argv[0], data, len);
	free(data);
	if (!r && errno == EINVAL &&
	    (r = xs_control_command(h, "help", NULL, 0))) {
		printf("Command not supported. Valid commands are:\n%s", r);
		free(r);
		return 3;
	}
	if (!r) {
		fprintf(stderr, "%s: %s failed: %s\n", progname, argv[0],
			strerror(errno));
		return 3;
	}
	printf("%s\n", r);
	free(r);
	return 0;
}
