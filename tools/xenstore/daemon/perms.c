/* SPDX-License-Identifier: GPL-2.0-only */
/* Permission lists ("n0\0r5\0"), access decisions and path checks. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "xenstored.h"

static int perm_letter(char c, uint32_t *out)
{
	switch (c) {
	case 'n': *out = 0; return 0;
	case 'r': *out = PERM_READ; return 0;
	case 'w': *out = PERM_WRITE; return 0;
	case 'b': *out = PERM_READ | PERM_WRITE; return 0;
	default: return EINVAL;
	}
}

static int perm_one(const char *s, struct xsd_perm *out)
{
	char *end;
	unsigned long id;

	if (perm_letter(s[0], &out->perm) || s[1] < '0' || s[1] > '9')
		return EINVAL;
	errno = 0;
	id = strtoul(s + 1, &end, 10);
	if (*end || errno || id > 0xffff)
		return EINVAL;
	out->id = id;
	return 0;
}

/* Parse num NUL-terminated entries starting at strs (len bytes in all). */
int perms_parse(const char *strs, size_t len, unsigned int num,
		struct xsd_perm *out)
{
	const char *p = strs, *end = strs + len;
	unsigned int i;

	for (i = 0; i < num; i++) {
		if (p >= end || !memchr(p, 0, end - p) || perm_one(p, &out[i]))
			return EINVAL;
		p += strlen(p) + 1;
	}
	return 0;
}

size_t perms_format(const struct xsd_perm *p, uint32_t num, char *out,
		    size_t outlen)
{
	static const char letters[] = "nrwb";
	size_t off = 0;
	uint32_t i;
	int l;

	for (i = 0; i < num; i++) {
		l = snprintf(out + off, outlen - off, "%c%u",
			     letters[p[i].perm & 3], p[i].id);
		if (l < 0 || (size_t)l + 1 > outlen - off)
			return 0;
		off += l + 1;
	}
	return off;
}

bool conn_privileged(const struct conn *c)
{
	return c->priv || conn_domid(c) == 0;
}

static bool conn_is(const struct conn *c, uint32_t id)
{
	return conn_domid(c) == id ||
	       (c->dom && c->dom->target != DOMID_INVALID &&
		c->dom->target == id);
}

/*
 * Rights of a connection on a node: privileged callers and the owner
 * (entry 0, directly or through SET_TARGET) get everything; otherwise the
 * first later entry naming the caller, else entry 0's letter.
 */
uint32_t perm_for(const struct conn *c, const struct xsd_perm *p, uint32_t n)
{
	uint32_t i;

	if (conn_privileged(c))
		return PERM_ALL;
	if (!n)
		return 0;
	if (conn_is(c, p[0].id))
		return PERM_ALL;
	for (i = 1; i < n; i++)
		if (conn_is(c, p[i].id))
			return p[i].perm;
	return p[0].perm;
}

unsigned int count_strings(const char *p, size_t len)
{
	unsigned int n = 0;
	size_t i;

	for (i = 0; i < len; i++)
		if (!p[i])
			n++;
	return n;
}

static bool path_char_ok(char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
	       (ch >= '0' && ch <= '9') || ch == '-' || ch == '/' ||
	       ch == '_' || ch == '@';
}

/* An absolute node path: [A-Za-z0-9-/_@], no "//", no trailing '/'. */
bool path_valid(const char *path)
{
	size_t l = strlen(path), i;

	if (!l || path[0] != '/' || l > XENSTORE_ABS_PATH_MAX)
		return false;
	if (l > 1 && path[l - 1] == '/')
		return false;
	for (i = 0; i < l; i++)
		if (!path_char_ok(path[i]) ||
		    (path[i] == '/' && path[i + 1] == '/'))
			return false;
	return true;
}

/* Resolve a relative path under /local/domain/<caller>. */
int canonicalize(const struct conn *c, const char *in, char *out,
		 size_t outlen)
{
	int l;

	if (in[0] == '/' || in[0] == '@')
		l = snprintf(out, outlen, "%s", in);
	else
		l = snprintf(out, outlen, "/local/domain/%u/%s",
			     conn_domid(c), in);
	if (l < 0 || (size_t)l >= outlen)
		return EINVAL;
	return 0;
}
