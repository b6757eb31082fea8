/* SPDX-License-Identifier: LGPL-2.1-only */
/* xenstore_lib.h helpers: daemon paths, permission strings, I/O. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xenstore.h>

#ifndef XEN_RUN_STORED
#define XEN_RUN_STORED "/var/run/xenstored"
#endif

const char *xs_daemon_rundir(void)
{
	const char *s = getenv("XENSTORED_RUNDIR");

	return s && *s ? s : XEN_RUN_STORED;
}

const char *xs_daemon_socket(void)
{
	static char buf[4096];
	const char *s = getenv("XENSTORED_PATH");

	if (s && *s)
		return s;
	snprintf(buf, sizeof(buf), "%s/socket", xs_daemon_rundir());
	return buf;
}

const char *xs_daemon_socket_ro(void)
{
	return xs_daemon_socket();
}

bool xs_write_all(int fd, const void *data, unsigned int len)
{
	const char *p = data;
	ssize_t n;

	while (len) {
		n = write(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return false;
		p += n;
		len -= n;
	}
	return true;
}

static bool perm_from_letter(char c, unsigned int *out)
{
	switch (c) {
	case 'n': *out = XS_PERM_NONE; return true;
	case 'r': *out = XS_PERM_READ; return true;
	case 'w': *out = XS_PERM_WRITE; return true;
	case 'b': *out = XS_PERM_READ | XS_PERM_WRITE; return true;
	default: return false;
	}
}

bool xs_strings_to_perms(struct xs_permissions *perms, unsigned int num,
			 const char *strings)
{
	const char *p = strings;
	char *end;
	unsigned int i;

	for (i = 0; i < num; i++) {
		if (!perm_from_letter(*p, &perms[i].perms) ||
		    p[1] < '0' || p[1] > '9') {
			errno = EINVAL;
			return false;
		}
		perms[i].id = strtoul(p + 1, &end, 10);
		if (*end) {
			errno = EINVAL;
			return false;
		}
		p = end + 1;
	}
	return true;
}

bool xs_path_is_subpath(const char *parent, const char *child)
{
	size_t l = strlen(parent);

	if (l && parent[l - 1] == '/')
		l--;
	if (strncmp(parent, child, l))
		return false;
	return child[l] == 0 || child[l] == '/';
}
