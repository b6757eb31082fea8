/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A small synchronous xenstore client for libxl's few needs (domain names,
 * control/shutdown, memory/target): one request, one reply, over xenstored's
 * unix socket ($XENSTORED_PATH, else the run dir) or /dev/xen/xenbus.
 * Wire format: xenstore-protocol.md (header {type, req_id, tx_id, len}).
 */
#include <errno.h>
#include <stdbool.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "libxl_internal.h"

#ifndef XEN_RUN_STORED
#define XEN_RUN_STORED "/var/run/xenstored"
#endif

enum { XS_DIRECTORY = 1, XS_READ = 2, XS_WATCH = 4, XS_TRANSACTION_START = 6, XS_TRANSACTION_END = 7,
       XS_INTRODUCE = 8, XS_RELEASE = 9, XS_WRITE = 11,
       XS_MKDIR = 12, XS_RM = 13, XS_SET_PERMS = 14, XS_WATCH_EVENT = 15, XS_ERROR = 16 };
#define XS_PAYLOAD_MAX 4096

struct xs_hdr {
	uint32_t type, req_id, tx_id, len;
};

static int connect_socket(const char *path)
{
	struct sockaddr_un a = { .sun_family = AF_UNIX };
	int fd;

	if (strlen(path) >= sizeof(a.sun_path)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	strcpy(a.sun_path, path);
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd >= 0 && connect(fd, (struct sockaddr *)&a, sizeof(a))) {
		close(fd);
		fd = -1;
	}
	return fd;
}

static int xs_connect(void)
{
	const char *env = getenv("XENSTORED_PATH");
	int fd = connect_socket(env ? env : XEN_RUN_STORED "/socket");

	if (fd < 0 && !env)
		fd = open("/dev/xen/xenbus", O_RDWR | O_CLOEXEC);
	return fd;
}

int libxl_xs_open(libxl_ctx *ctx)
{
	if (ctx->xs_fd >= 0)
		return 0;
	ctx->xs_fd = xs_connect();
	if (ctx->xs_fd < 0) {
		fprintf(stderr, "libxl: cannot connect to xenstore: %s\n", strerror(errno));
		return -1;
	}
	return 0;
}

void libxl_xs_close(libxl_ctx *ctx)
{
	if (ctx->xs_fd >= 0)
		close(ctx->xs_fd);
	ctx->xs_fd = -1;
}

static int full_io(int fd, void *buf, size_t len, int writing)
{
	char *p = buf;

	while (len) {
		ssize_t n = writing ? write(fd, p, len) : read(fd, p, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			if (!n)
				errno = EPIPE;
			return -1;
		}
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

static const char *const xs_errors[] = {
	"EINVAL", "EACCES", "EEXIST", "EISDIR", "ENOENT", "ENOMEM", "ENOSPC", "EIO",
	"ENOTEMPTY", "ENOSYS", "EROFS", "EBUSY", "EAGAIN", "EISCONN", "E2BIG", "EPERM",
};
static const int xs_errnos[] = {
	EINVAL, EACCES, EEXIST, EISDIR, ENOENT, ENOMEM, ENOSPC, EIO,
	ENOTEMPTY, ENOSYS, EROFS, EBUSY, EAGAIN, EISCONN, E2BIG, EPERM,
};

static int error_reply(const char *name)
{
	for (size_t i = 0; i < sizeof(xs_errors) / sizeof(xs_errors[0]); i++)
		if (!strcmp(name, xs_errors[i]))
			return xs_errnos[i];
	return EIO;
}

/* Sends one request of two payload parts; returns the reply payload (NUL-terminated). */
static char *xs_talk(libxl_ctx *ctx, uint32_t type, const char *a, size_t alen,
		     const char *b, size_t blen, uint32_t *rlen)
{
	struct xs_hdr h = { type, ++ctx->xs_req_id, ctx->xs_tx, (uint32_t)(alen + blen) };
	char *reply;

	if (alen + blen > XS_PAYLOAD_MAX) {
		errno = E2BIG;
		return NULL;
	}
	if (libxl_xs_open(ctx) || full_io(ctx->xs_fd, &h, sizeof(h), 1) ||
	    full_io(ctx->xs_fd, (void *)a, alen, 1) || (blen && full_io(ctx->xs_fd, (void *)b, blen, 1)) ||
	    full_io(ctx->xs_fd, &h, sizeof(h), 0))
		return NULL;
	if (h.len > XS_PAYLOAD_MAX) {
		errno = EPROTO;
		return NULL;
	}
	reply = malloc(h.len + 1);
	if (!reply || full_io(ctx->xs_fd, reply, h.len, 0)) {
		free(reply);
		return NULL;
	}
	reply[h.len] = 0;
	if (h.type == XS_ERROR) {
		errno = error_reply(reply);
		free(reply);
		return NULL;
	}
	*rlen = h.len;
	return reply;
}

char *libxl_xs_read(libxl_ctx *ctx, const char *path)
{
	uint32_t len;

	return xs_talk(ctx, XS_READ, path, strlen(path) + 1, NULL, 0, &len);
}

int libxl_xs_write(libxl_ctx *ctx, const char *path, const char *value)
{
	uint32_t len;
	char *r = xs_talk(ctx, XS_WRITE, path, strlen(path) + 1, value, strlen(value), &len);

	free(r);
	return r ? 0 : -1;
}

/* A request whose payload is n NUL-terminated strings; 0 or -1/errno. */
static int xs_simple(libxl_ctx *ctx, uint32_t type, const char *const *parts, int n)
{
	char payload[XS_PAYLOAD_MAX];
	size_t len = 0;
	uint32_t rlen;
	char *r;

	for (int i = 0; i < n; i++) {
		size_t l = strlen(parts[i]) + 1;

		if (len + l > sizeof(payload)) {
			errno = E2BIG;
			return -1;
		}
		memcpy(payload + len, parts[i], l);
		len += l;
	}
	r = xs_talk(ctx, type, payload, len, NULL, 0, &rlen);
	free(r);
	return r ? 0 : -1;
}

int libxl_xs_set_perms(libxl_ctx *ctx, const char *path, const char *const *perms, int n)
{
	const char *parts[8] = { path };

	if (n > 7) {
		errno = E2BIG;
		return -1;
	}
	for (int i = 0; i < n; i++)
		parts[i + 1] = perms[i];
	return xs_simple(ctx, XS_SET_PERMS, parts, n + 1);
}

int libxl_xs_rm(libxl_ctx *ctx, const char *path)
{
	int rc = xs_simple(ctx, XS_RM, &path, 1);

	return rc && errno == ENOENT ? 0 : rc;
}

int libxl_xs_introduce(libxl_ctx *ctx, uint32_t domid, uint64_t gfn, uint32_t port)
{
	char d[16], g[24], p[16];
	const char *parts[3] = { d, g, p };

	snprintf(d, sizeof(d), "%u", domid);
	snprintf(g, sizeof(g), "%llu", (unsigned long long)gfn);
	snprintf(p, sizeof(p), "%u", port);
	return xs_simple(ctx, XS_INTRODUCE, parts, 3);
}

/*
 * Pipelined requests: queued with the current transaction id, written in
 * one go, and their replies read back in order.  A domain's ~40 entries
 * cost one round trip instead of 40 (xenstored answers a connection's
 * requests in order).
 */
struct libxl_xs_batch {
	char *buf;
	size_t len, cap;
	uint32_t *at;		/* offset of each request in buf */
	uint32_t n, nat;
	bool oom;
};

struct libxl_xs_batch *libxl_xs_batch_new(void)
{
	return calloc(1, sizeof(struct libxl_xs_batch));
}

void libxl_xs_batch_free(struct libxl_xs_batch *b)
{
	if (b) {
		free(b->buf);
		free(b->at);
		free(b);
	}
}

static bool batch_room(struct libxl_xs_batch *b, size_t more)
{
	if (b->n == b->nat) {
		uint32_t *at = realloc(b->at, (b->nat * 2 + 16) * sizeof(*at));

		if (!at)
			return false;
		b->at = at;
		b->nat = b->nat * 2 + 16;
	}
	if (b->len + more > b->cap) {
		size_t cap = (b->len + more) * 2;
		char *nb = realloc(b->buf, cap);

		if (!nb)
			return false;
		b->buf = nb;
		b->cap = cap;
	}
	return true;
}

/* Queues a request whose payload is parts[0..n) (each NUL-terminated unless raw_last). */
static void batch_add(libxl_ctx *ctx, struct libxl_xs_batch *b, uint32_t type,
		      const char *const *parts, int n, bool raw_last)
{
	struct xs_hdr h = { type, 0, ctx->xs_tx, 0 };
	size_t plen = 0;

	for (int i = 0; i < n; i++)
		plen += strlen(parts[i]) + !(raw_last && i == n - 1);
	if (b->oom || plen > XS_PAYLOAD_MAX || !batch_room(b, sizeof(h) + plen)) {
		b->oom = true;
		return;
	}
	h.len = (uint32_t)plen;
	b->at[b->n++] = (uint32_t)b->len;
	memcpy(b->buf + b->len, &h, sizeof(h));
	b->len += sizeof(h);
	for (int i = 0; i < n; i++) {
		size_t l = strlen(parts[i]) + !(raw_last && i == n - 1);

		memcpy(b->buf + b->len, parts[i], l);
		b->len += l;
	}
}

void libxl_xs_batch_write(libxl_ctx *ctx, struct libxl_xs_batch *b, const char *path,
			  const char *value)
{
	const char *parts[2] = { path, value };

	batch_add(ctx, b, XS_WRITE, parts, 2, true);
}

void libxl_xs_batch_perms(libxl_ctx *ctx, struct libxl_xs_batch *b, const char *path,
			  const char *const *perms, int n)
{
	const char *parts[8] = { path };

	for (int i = 0; i < n && i < 7; i++)
		parts[i + 1] = perms[i];
	batch_add(ctx, b, XS_SET_PERMS, parts, n < 7 ? n + 1 : 8, false);
}

void libxl_xs_batch_rm(libxl_ctx *ctx, struct libxl_xs_batch *b, const char *path)
{
	batch_add(ctx, b, XS_RM, &path, 1, false);
}

/* Reads one reply: its error (0 = success), or -1 if the connection broke. */
static int batch_reply(libxl_ctx *ctx, uint32_t req_id, uint32_t type)
{
	char buf[XS_PAYLOAD_MAX + 1];
	struct xs_hdr h;

	if (full_io(ctx->xs_fd, &h, sizeof(h), 0))
		return -1;
	if (h.len > XS_PAYLOAD_MAX || h.req_id != req_id) {
		errno = EPROTO;
		return -1;
	}
	if (full_io(ctx->xs_fd, buf, h.len, 0))
		return -1;
	buf[h.len] = 0;
	if (h.type != XS_ERROR)
		return 0;
	return type == XS_RM && error_reply(buf) == ENOENT ? 0 : error_reply(buf);
}

/* Sends every queued request; 0, or -1 with errno after naming the first failed path. */
int libxl_xs_batch_run(libxl_ctx *ctx, struct libxl_xs_batch *b)
{
	uint32_t first = ctx->xs_req_id + 1, failed = 0;
	int err = 0;

	if (b->oom) {
		errno = ENOMEM;
		fprintf(stderr, "libxl: xenstore: request batch: out of memory or too long\n");
		return -1;
	}
	for (uint32_t i = 0; i < b->n; i++)
		((struct xs_hdr *)(b->buf + b->at[i]))->req_id = ++ctx->xs_req_id;
	if (libxl_xs_open(ctx) || full_io(ctx->xs_fd, b->buf, b->len, 1))
		return -1;
	for (uint32_t i = 0; i < b->n; i++) {
		const struct xs_hdr *h = (const struct xs_hdr *)(b->buf + b->at[i]);
		int e = batch_reply(ctx, first + i, h->type);

		if (e < 0)
			return -1;
		if (e && !err) {
			err = e;
			failed = i;
		}
	}
	if (err)
		fprintf(stderr, "libxl: xenstore %s %s: %s\n",
			((const struct xs_hdr *)(b->buf + b->at[failed]))->type == XS_WRITE ? "write" : "request",
			b->buf + b->at[failed] + sizeof(struct xs_hdr), strerror(err));
	errno = err;
	return err ? -1 : 0;
}

/*
 * A connection of its own that watches path (events never mix with the
 * replies on ctx's connection): the fd, or -1 with errno.
 */
int libxl_xs_watch_open(const char *path, const char *token)
{
	struct xs_hdr h = { XS_WATCH, 1, 0, (uint32_t)(strlen(path) + strlen(token) + 2) };
	int fd = h.len <= XS_PAYLOAD_MAX ? xs_connect() : -1;
	int type;

	if (fd < 0 || full_io(fd, &h, sizeof(h), 1) || full_io(fd, (void *)path, strlen(path) + 1, 1) ||
	    full_io(fd, (void *)token, strlen(token) + 1, 1))
		goto fail;
	while ((type = libxl_xs_watch_next(fd)) == XS_WATCH_EVENT)
		;	/* the watch's first event may come before the reply */
	if (type == XS_WATCH)
		return fd;
	if (type >= 0)
		errno = EPROTO;
fail:
	if (fd >= 0)
		close(fd);
	return -1;
}

/* Blocks for the next message on a watch connection: its type, or -1. */
int libxl_xs_watch_next(int fd)
{
	char buf[XS_PAYLOAD_MAX];
	struct xs_hdr h;

	if (full_io(fd, &h, sizeof(h), 0))
		return -1;
	if (h.len > XS_PAYLOAD_MAX) {
		errno = EPROTO;
		return -1;
	}
	if (full_io(fd, buf, h.len, 0))
		return -1;
	if (h.type == XS_ERROR) {
		buf[h.len ? h.len - 1 : 0] = 0;
		errno = error_reply(buf);
		return -1;
	}
	return (int)h.type;
}

/* Without a watch (no xenstored?) it degrades to sleeping the timeout. */
int libxl_wait_domain_change(libxl_ctx *ctx, int timeout_ms)
{
	static int fd = -2;
	struct pollfd p;

	(void)ctx;
	if (fd == -2) {
		fd = libxl_xs_watch_open("@releaseDomain", "libxl-domain-change");
		return 0;
	}
	if (fd < 0)
		return usleep((useconds_t)timeout_ms * 1000);
	p.fd = fd;
	p.events = POLLIN;
	if (poll(&p, 1, timeout_ms) > 0 && libxl_xs_watch_next(fd) < 0) {
		close(fd);
		fd = -1;	/* xenstored went away: sleep from now on */
	}
	return 0;
}

int libxl_xs_transaction_start(libxl_ctx *ctx)
{
	uint32_t len;
	char *r;

	ctx->xs_tx = 0;
	r = xs_talk(ctx, XS_TRANSACTION_START, "", 1, NULL, 0, &len);
	if (!r)
		return -1;
	ctx->xs_tx = (uint32_t)strtoul(r, NULL, 10);
	free(r);
	return 0;
}

/* Commits (or aborts); -1 with errno EAGAIN means "conflict, start again". */
int libxl_xs_transaction_end(libxl_ctx *ctx, int abort)
{
	const char *what = abort ? "F" : "T";
	int rc = xs_simple(ctx, XS_TRANSACTION_END, &what, 1);

	ctx->xs_tx = 0;
	return rc;
}

/* Children of path: a malloc'd block of *n NUL-terminated names, or NULL. */
char *libxl_xs_directory(libxl_ctx *ctx, const char *path, int *n)
{
	uint32_t len;
	char *r = xs_talk(ctx, XS_DIRECTORY, path, strlen(path) + 1, NULL, 0, &len);

	*n = 0;
	for (uint32_t i = 0; r && i < len; i++)
		*n += r[i] == 0;
	return r;
}

char *libxl_xs_read_path(libxl_ctx *ctx, const char *path)
{
	return libxl_xs_read(ctx, path);
}

char *libxl_domid_to_name(libxl_ctx *ctx, uint32_t domid)
{
	char path[64];

	snprintf(path, sizeof(path), "/local/domain/%u/name", domid);
	return libxl_xs_read(ctx, path);
}

int libxl_name_to_domid(libxl_ctx *ctx, const char *name, uint32_t *domid)
{
	libxl_dominfo *list;
	int n, rc = libxl_list_domain(ctx, &list, &n);

	if (rc)
		return rc;
	rc = ERROR_INVAL;
	for (int i = 0; i < n && rc; i++) {
		char *dn = libxl_domid_to_name(ctx, list[i].domid);

		if (dn && !strcmp(dn, name)) {
			*domid = list[i].domid;
			rc = 0;
		}
		free(dn);
	}
	free(list);
	return rc;
}

static int write_domain_key(libxl_ctx *ctx, uint32_t domid, const char *key, const char *v)
{
	char path[96];

	snprintf(path, sizeof(path), "/local/domain/%u/%s", domid, key);
	if (libxl_xs_write(ctx, path, v)) {
		fprintf(stderr, "libxl: writing %s: %s\n", path, strerror(errno));
		return ERROR_FAIL;
	}
	return 0;
}

int libxl_domain_rename(libxl_ctx *ctx, uint32_t domid, const char *new_name)
{
	uint32_t other;

	if (!libxl_name_to_domid(ctx, new_name, &other) && other != domid) {
		fprintf(stderr, "libxl: domain with name \"%s\" already exists.\n", new_name);
		return ERROR_INVAL;
	}
	return write_domain_key(ctx, domid, "name", new_name);
}

int libxl_domain_shutdown_request(libxl_ctx *ctx, uint32_t domid, const char *what)
{
	return write_domain_key(ctx, domid, "control/shutdown", what);
}

int libxl_set_memory_target(libxl_ctx *ctx, uint32_t domid, uint64_t target_memkb)
{
	char v[32];

	snprintf(v, sizeof(v), "%llu", (unsigned long long)target_memkb);
	return write_domain_key(ctx, domid, "memory/target", v);
}
