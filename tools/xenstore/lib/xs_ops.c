/* SPDX-License-Identifier: LGPL-2.1-only */
/* libxenstore operations: one small wrapper per message type. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "xs_private.h"

static struct iovec iov_str(const char *s)
{
	struct iovec v = { (void *)s, strlen(s) + 1 };

	return v;
}

void *xs_single(struct xs_handle *h, xs_transaction_t t, uint32_t type,
		const char *arg, unsigned int *len)
{
	struct iovec v = iov_str(arg);

	return xs_talkv(h, t, type, &v, 1, len);
}

bool xs_bool(void *reply)
{
	if (!reply)
		return false;
	free(reply);
	return true;
}

char **xs_split(const char *buf, unsigned int len, unsigned int *num)
{
	unsigned int n = 0, i;
	char **v, *copy;
	const char *p;

	for (i = 0; i < len; i++)
		n += !buf[i];
	v = malloc((n + 1) * sizeof(*v) + len + 1);
	if (!v)
		return NULL;
	copy = (char *)(v + n + 1);
	memcpy(copy, buf, len);
	copy[len] = 0;
	for (i = 0, p = copy; i < n; i++, p += strlen(p) + 1)
		v[i] = (char *)p;
	v[n] = NULL;
	*num = n;
	return v;
}

/* A DIRECTORY_PART chunk ending in an empty name is the last one. */
static bool part_is_last(const char *chunk, unsigned int clen)
{
	return clen == 0 ||
	       (chunk[clen - 1] == 0 && (clen == 1 || chunk[clen - 2] == 0));
}

static int part_append(char **all, unsigned int *total, const char *chunk,
		       unsigned int clen)
{
	char *grown = realloc(*all, *total + clen + 1);

	if (!grown)
		return -1;
	memcpy(grown + *total, chunk, clen);
	*all = grown;
	*total += clen;
	return 0;
}

/* Page through a long child list; restart if the generation changes. */
static char **directory_part(struct xs_handle *h, xs_transaction_t t,
			     const char *path, unsigned int *num)
{
	char off[16], *all = NULL, *r, gen0[32] = "", **v = NULL;
	unsigned int len, total = 0, glen, clen;
	struct iovec iov[2];
	bool last;

	for (;;) {
		snprintf(off, sizeof(off), "%u", total);
		iov[0] = iov_str(path);
		iov[1] = iov_str(off);
		if (!(r = xs_talkv(h, t, XS_DIRECTORY_PART, iov, 2, &len)))
			break;
		glen = strlen(r) + 1;
		if (glen > len || glen > sizeof(gen0) ||
		    (*gen0 && strcmp(gen0, r))) {
			free(r);
			*gen0 = 0;
			total = 0;
			continue;
		}
		strcpy(gen0, r);
		clen = len - glen;
		last = part_is_last(r + glen, clen);
		if (last && clen)
			clen--;
		if (part_append(&all, &total, r + glen, clen)) {
			free(r);
			break;
		}
		free(r);
		if (last) {
			v = xs_split(all ? all : "", total, num);
			break;
		}
	}
	free(all);
	return v;
}

char **xs_directory(struct xs_handle *h, xs_transaction_t t,
		    const char *path, unsigned int *num)
{
	unsigned int len;
	char *r = xs_single(h, t, XS_DIRECTORY, path, &len), **v;

	if (!r)
		return errno == E2BIG ? directory_part(h, t, path, num) : NULL;
	v = xs_split(r, len, num);
	free(r);
	return v;
}

void *xs_read(struct xs_handle *h, xs_transaction_t t, const char *path,
	      unsigned int *len)
{
	return xs_single(h, t, XS_READ, path, len);
}

bool xs_write(struct xs_handle *h, xs_transaction_t t, const char *path,
	      const void *data, unsigned int len)
{
	struct iovec v[2] = { iov_str(path), { (void *)data, len } };

	return xs_bool(xs_talkv(h, t, XS_WRITE, v, 2, NULL));
}

bool xs_mkdir(struct xs_handle *h, xs_transaction_t t, const char *path)
{
	return xs_bool(xs_single(h, t, XS_MKDIR, path, NULL));
}

bool xs_rm(struct xs_handle *h, xs_transaction_t t, const char *path)
{
	return xs_bool(xs_single(h, t, XS_RM, path, NULL));
}

bool xs_restrict(struct xs_handle *h, unsigned domid)
{
	errno = ENOSYS;
	return false;
}

struct xs_permissions *xs_get_permissions(struct xs_handle *h,
					  xs_transaction_t t,
					  const char *path, unsigned int *num)
{
	unsigned int len, n;
	char *r = xs_single(h, t, XS_GET_PERMS, path, &len);
	struct xs_permissions *p;

	if (!r)
		return NULL;
	n = 0;
	for (unsigned int i = 0; i < len; i++)
		n += !r[i];
	p = n ? malloc(n * sizeof(*p)) : NULL;
	if (p && !xs_strings_to_perms(p, n, r)) {
		free(p);
		p = NULL;
	}
	free(r);
	if (p)
		*num = n;
	else if (!n)
		errno = EIO;
	return p;
}

static const char perm_letter[] = "nrwb";

bool xs_set_permissions(struct xs_handle *h, xs_transaction_t t,
			const char *path, struct xs_permissions *perms,
			unsigned int num)
{
	size_t size = strlen(path) + 1 + num * (MAX_STRLEN(unsigned int) + 1);
	char *buf = malloc(size), *p;
	struct iovec v;
	unsigned int i;
	bool ok;

	if (!buf)
		return false;
	p = buf + sprintf(buf, "%s", path) + 1;
	for (i = 0; i < num; i++) {
		if (perms[i].perms & ~(XS_PERM_READ | XS_PERM_WRITE)) {
			free(buf);
			errno = EINVAL;
			return false;
		}
		p += sprintf(p, "%c%u", perm_letter[perms[i].perms & 3],
			     perms[i].id) + 1;
	}
	v.iov_base = buf;
	v.iov_len = p - buf;
	ok = xs_bool(xs_talkv(h, t, XS_SET_PERMS, &v, 1, NULL));
	free(buf);
	return ok;
}

bool xs_watch(struct xs_handle *h, const char *path, const char *token)
{
	struct iovec v[2] = { iov_str(path), iov_str(token) };

	return xs_bool(xs_talkv(h, XBT_NULL, XS_WATCH, v, 2, NULL));
}

bool xs_unwatch(struct xs_handle *h, const char *path, const char *token)
{
	struct iovec v[2] = { iov_str(path), iov_str(token) };
	bool ok = xs_bool(xs_talkv(h, XBT_NULL, XS_UNWATCH, v, 2, NULL));

	/* Events already queued for this watch are stale now. */
	pthread_mutex_lock(&h->lock);
	xs_event_filter(h, path, token);
	pthread_mutex_unlock(&h->lock);
	return ok;
}

static char **next_event(struct xs_handle *h, bool block)
{
	char **v;
	int e = 0;

	pthread_mutex_lock(&h->lock);
	while (!(v = xs_event_pop(h)))
		if (xs_event_wait(h, block)) {
			e = errno;
			break;
		}
	pthread_mutex_unlock(&h->lock);
	if (!v)
		errno = e;
	return v;
}

char **xs_check_watch(struct xs_handle *h)
{
	return next_event(h, false);
}

char **xs_read_watch(struct xs_handle *h, unsigned int *num)
{
	char **v = next_event(h, true);

	if (v && num)
		*num = 2;
	return v;
}

xs_transaction_t xs_transaction_start(struct xs_handle *h)
{
	char *r = xs_single(h, XBT_NULL, XS_TRANSACTION_START, "", NULL);
	xs_transaction_t t;

	if (!r)
		return XBT_NULL;
	t = strtoul(r, NULL, 10);
	free(r);
	return t;
}

bool xs_transaction_end(struct xs_handle *h, xs_transaction_t t, bool abort)
{
	return xs_bool(xs_single(h, t, XS_TRANSACTION_END, abort ? "F" : "T",
				 NULL));
}

static void *domid_req(struct xs_handle *h, uint32_t type, unsigned int domid)
{
	char buf[MAX_STRLEN(domid)];

	snprintf(buf, sizeof(buf), "%u", domid);
	return xs_single(h, XBT_NULL, type, buf, NULL);
}

bool xs_introduce_domain(struct xs_handle *h, unsigned int domid,
			 unsigned long mfn, unsigned int eventchn)
{
	char d[MAX_STRLEN(domid)], m[MAX_STRLEN(mfn)], e[MAX_STRLEN(eventchn)];
	struct iovec v[3];

	snprintf(d, sizeof(d), "%u", domid);
	snprintf(m, sizeof(m), "%lu", mfn);
	snprintf(e, sizeof(e), "%u", eventchn);
	v[0] = iov_str(d);
	v[1] = iov_str(m);
	v[2] = iov_str(e);
	return xs_bool(xs_talkv(h, XBT_NULL, XS_INTRODUCE, v, 3, NULL));
}

bool xs_set_target(struct xs_handle *h, unsigned int domid,
		   unsigned int target)
{
	char d[MAX_STRLEN(domid)], t[MAX_STRLEN(target)];
	struct iovec v[2];

	snprintf(d, sizeof(d), "%u", domid);
	snprintf(t, sizeof(t), "%u", target);
	v[0] = iov_str(d);
	v[1] = iov_str(t);
	return xs_bool(xs_talkv(h, XBT_NULL, XS_SET_TARGET, v, 2, NULL));
}

bool xs_resume_domain(struct xs_handle *h, unsigned int domid)
{
	return xs_bool(domid_req(h, XS_RESUME, domid));
}

bool xs_release_domain(struct xs_handle *h, unsigned int domid)
{
	return xs_bool(domid_req(h, XS_RELEASE, domid));
}

char *xs_get_domain_path(struct xs_handle *h, unsigned int domid)
{
	return domid_req(h, XS_GET_DOMAIN_PATH, domid);
}

bool xs_is_domain_introduced(struct xs_handle *h, unsigned int domid)
{
	char *r = domid_req(h, XS_IS_DOMAIN_INTRODUCED, domid);
	bool yes = r && !strcmp(r, "T");

	free(r);
	return yes;
}

char *xs_control_command(struct xs_handle *h, const char *cmd, void *data,
			 unsigned int len)
{
	struct iovec v[2] = { iov_str(cmd), { data, len } };

	return xs_talkv(h, XBT_NULL, XS_CONTROL, v, 2, NULL);
}

char *xs_debug_command(struct xs_handle *h, const char *cmd, void *data,
		       unsigned int len)
{
	return xs_control_command(h, cmd, data, len);
}

int xs_suspend_evtchn_port(int domid)
{
	char path[64], *r;
	struct xs_handle *h = xs_open(0);
	int port = -1;

	if (!h)
		return -1;
	snprintf(path, sizeof(path),
		 "/local/domain/%d/device/suspend/event-channel", domid);
	r = xs_read(h, XBT_NULL, path, NULL);
	if (r && *r)
		port = atoi(r);
	free(r);
	xs_close(h);
	return port;
}
