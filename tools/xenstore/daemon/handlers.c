/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The request table: one row per message type with its flags, so that the
 * privilege check, transaction lookup and path validation happen in one
 * place (dispatch) and handlers only do their own work.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "xenstored.h"

#define F_PRIV    0x1	/* privileged callers only */
#define F_NOTID   0x2	/* the header's tx_id is ignored */
#define F_PATH    0x4	/* first argument is a node path: check+resolve */
#define F_SPECIAL 0x8	/* ...which may also be an @special name */

struct req {
	struct ctx x;
	const struct xsd_sockmsg *h;
	char *payload;
	char path[XENSTORE_ABS_PATH_MAX + 64];	/* resolved first argument */
};

struct handler {
	const char *name;
	unsigned int flags;
	int (*fn)(struct req *r);
};

static int reply(struct req *r, const void *data, size_t len)
{
	return conn_send(r->x.conn, r->h->type, r->h->req_id, r->h->tx_id,
			 data, len);
}

static int reply_ok(struct req *r)
{
	return reply(r, "OK", 3);
}

/* Split the payload into at most max NUL-terminated strings. */
static unsigned int args(struct req *r, const char **v, unsigned int max)
{
	const char *p = r->payload, *end = p + r->h->len;
	unsigned int n = 0;

	while (n < max && p < end) {
		const char *z = memchr(p, 0, end - p);
		if (!z)
			break;
		v[n++] = p;
		p = z + 1;
	}
	return n;
}

static int parse_domid(const char *s, uint32_t *out)
{
	char *end;
	unsigned long v;

	errno = 0;
	v = strtoul(s, &end, 10);
	if (!*s || *end || errno || v >= DOMID_INVALID)
		return EINVAL;
	*out = v;
	return 0;
}

static int do_read(struct req *r)
{
	struct node *n;
	int err = ctx_check(&r->x, r->path, PERM_READ, &n);

	return err ? err : reply(r, n->value, n->vlen);
}

static int do_directory(struct req *r)
{
	struct node *n;
	int err = ctx_check(&r->x, r->path, PERM_READ, &n);

	if (err)
		return err;
	if (n->clen > XENSTORE_PAYLOAD_MAX)
		return E2BIG;
	return reply(r, n->children, n->clen);
}

/* Reply "gen\0" + whole names from byte offset; a final "\0" ends it. */
static int do_directory_part(struct req *r)
{
	const char *v[2];
	char buf[XENSTORE_PAYLOAD_MAX + 1];
	struct node *n;
	unsigned long off;
	size_t gl, len = 0, i;
	int err;

	if (args(r, v, 2) != 2)
		return EINVAL;
	if ((err = ctx_check(&r->x, r->path, PERM_READ, &n)))
		return err;
	off = strtoul(v[1], NULL, 10);
	gl = snprintf(buf, sizeof(buf), "%llu", (unsigned long long)n->gen) + 1;
	while (off < n->clen && off + len < n->clen) {
		i = strlen(n->children + off + len) + 1;
		if (gl + len + i + 1 > XENSTORE_PAYLOAD_MAX)
			break;
		len += i;
	}
	if (off < n->clen)
		memcpy(buf + gl, n->children + off, len);
	if (off >= n->clen || off + len == n->clen)
		buf[gl + len++] = 0;
	return reply(r, buf, gl + len);
}

static int node_size_ok(struct req *r, uint32_t vlen)
{
	return conn_privileged(r->x.conn) || vlen <= quota.node_size;
}

static int do_write(struct req *r)
{
	size_t pl = strlen(r->payload) + 1;
	uint32_t vlen = r->h->len - pl;
	struct node *n;
	int err;

	if (!node_size_ok(r, vlen))
		return ENOSPC;
	err = ctx_check(&r->x, r->path, PERM_WRITE, &n);
	if (err == ENOENT)
		err = ctx_create(&r->x, r->path, &n);
	else if (!err && !(n = ctx_writable(&r->x, r->path, &err)))
		return err;
	if (err || (err = node_set_value(n, r->payload + pl, vlen)))
		return err;
	ctx_changed(&r->x, n);
	ctx_fire(&r->x, r->path, false);
	return reply_ok(r);
}

static int do_mkdir(struct req *r)
{
	struct node *n;
	int err = ctx_check(&r->x, r->path, PERM_WRITE, &n);

	if (err == ENOENT) {
		if ((err = ctx_create(&r->x, r->path, &n)))
			return err;
		ctx_fire(&r->x, r->path, false);
	}
	return err ? err : reply_ok(r);
}

static int do_rm(struct req *r)
{
	char parent[sizeof(r->path)];
	struct node *n;
	int err;

	if (!strcmp(r->path, "/"))
		return EINVAL;
	err = ctx_check(&r->x, r->path, PERM_WRITE, &n);
	if (err == ENOENT) {
		/* A missing leaf under an existing parent is fine. */
		path_parent(r->path, parent, sizeof(parent));
		return ctx_get(&r->x, parent) ? reply_ok(r) : ENOENT;
	}
	if (err || (err = ctx_rm_tree(&r->x, r->path)))
		return err;
	ctx_fire(&r->x, r->path, true);
	return reply_ok(r);
}

static int perms_reply(struct req *r, const struct xsd_perm *p, uint32_t np)
{
	char buf[XENSTORE_PAYLOAD_MAX];
	size_t l = perms_format(p, np, buf, sizeof(buf));

	return l ? reply(r, buf, l) : E2BIG;
}

static int do_get_perms(struct req *r)
{
	struct xsd_perm *sp;
	uint32_t *snp;
	struct node *n;
	int err;

	if (r->path[0] == '@')
		return special_get_perms(r->path, &sp, &snp) ? ENOENT :
		       perms_reply(r, sp, *snp);
	if ((err = ctx_check(&r->x, r->path, PERM_READ, &n)))
		return err;
	return perms_reply(r, n->perms, n->nperms);
}

static int set_special_perms(struct req *r, const struct xsd_perm *p,
			     uint32_t num)
{
	struct xsd_perm *sp;
	uint32_t *snp;

	if (special_get_perms(r->path, &sp, &snp))
		return ENOENT;
	if (!conn_privileged(r->x.conn))
		return EACCES;
	if (num > 8)
		return ENOSPC;
	memcpy(sp, p, num * sizeof(*p));
	*snp = num;
	return reply_ok(r);
}

static int apply_perms(struct req *r, const struct xsd_perm *p, uint32_t num)
{
	struct node *n;
	int err = ctx_check(&r->x, r->path, PERM_WRITE | PERM_OWNER, &n);

	if (err)
		return err;
	if (!conn_privileged(r->x.conn) && p[0].id != n->perms[0].id)
		return EPERM;
	if (!(n = ctx_writable(&r->x, r->path, &err)))
		return err;
	if (!r->x.txn)
		store_account(n, NULL);
	err = node_set_perms(n, p, num);
	if (!r->x.txn)
		store_account(NULL, n);
	if (err)
		return err;
	ctx_changed(&r->x, n);
	ctx_fire(&r->x, r->path, false);
	return reply_ok(r);
}

static int do_set_perms(struct req *r)
{
	size_t pl = strlen(r->payload) + 1;
	unsigned int num = count_strings(r->payload + pl, r->h->len - pl);
	struct xsd_perm *p;
	int err;

	if (!num)
		return EINVAL;
	if (!conn_privileged(r->x.conn) && num > quota.perms)
		return ENOSPC;
	p = calloc(num, sizeof(*p));
	if (!p)
		return ENOMEM;
	err = perms_parse(r->payload + pl, r->h->len - pl, num, p);
	if (!err)
		err = r->path[0] == '@' ? set_special_perms(r, p, num) :
		      apply_perms(r, p, num);
	free(p);
	return err;
}

static int do_watch(struct req *r)
{
	const char *v[3];
	int err;

	if (args(r, v, 3) < 2)
		return EINVAL;
	if ((err = watch_add(r->x.conn, v[0], v[1])))
		return err;
	reply_ok(r);
	/* The initial event, so clients can sync up. */
	return conn_send(r->x.conn, XS_WATCH_EVENT, 0, 0, r->payload,
			 strlen(v[0]) + strlen(v[1]) + 2);
}

static int do_unwatch(struct req *r)
{
	const char *v[2];
	int err;

	if (args(r, v, 2) != 2)
		return EINVAL;
	err = watch_del(r->x.conn, v[0], v[1]);
	return err ? err : reply_ok(r);
}

static int do_txn_start(struct req *r)
{
	char buf[16];
	uint32_t id;
	int err;

	if (r->h->tx_id)
		return EBUSY;
	if ((err = txn_start(r->x.conn, &id)))
		return err;
	return reply(r, buf, snprintf(buf, sizeof(buf), "%u", id) + 1);
}

static int do_txn_end(struct req *r)
{
	const char *v[1];
	int err;

	if (args(r, v, 1) != 1 || (strcmp(v[0], "T") && strcmp(v[0], "F")))
		return EINVAL;
	if (!r->h->tx_id)
		return ENOENT;
	r->x.txn = NULL;
	err = txn_end(r->x.conn, r->h->tx_id, v[0][0] == 'T');
	return err ? err : reply_ok(r);
}

static int do_introduce(struct req *r)
{
	const char *v[3];
	uint32_t domid, port;
	unsigned long long mfn;
	int err;

	if (args(r, v, 3) != 3 || parse_domid(v[0], &domid) ||
	    parse_domid(v[2], &port))
		return EINVAL;
	errno = 0;
	mfn = strtoull(v[1], NULL, 10);
	if (errno)
		return EINVAL;
	err = domain_introduce(domid, mfn, port);
	return err ? err : reply_ok(r);
}

static int one_domid(struct req *r, uint32_t *domid)
{
	const char *v[1];

	if (args(r, v, 1) != 1 || parse_domid(v[0], domid))
		return EINVAL;
	return 0;
}

static int do_release(struct req *r)
{
	uint32_t domid;
	int err = one_domid(r, &domid);

	if (!err)
		err = domain_release(domid);
	return err ? err : reply_ok(r);
}

static int do_get_domain_path(struct req *r)
{
	char buf[64];
	uint32_t domid;
	int err = one_domid(r, &domid);

	if (err)
		return err;
	return reply(r, buf,
		     snprintf(buf, sizeof(buf), "/local/domain/%u", domid) + 1);
}

static int do_is_introduced(struct req *r)
{
	uint32_t domid;
	struct domain *d;
	int err = one_domid(r, &domid);

	if (err)
		return err;
	d = domain_find(domid);
	return reply(r, !domid || (d && d->introduced) ? "T" : "F", 2);
}

static int do_resume(struct req *r)
{
	uint32_t domid;
	struct domain *d;
	int err = one_domid(r, &domid);

	if (err)
		return err;
	d = domain_find(domid);
	if (!d || !d->introduced)
		return ENOENT;
	d->shutdown = false;	/* the next shutdown fires @releaseDomain again */
	return reply_ok(r);
}

static int do_set_target(struct req *r)
{
	const char *v[2];
	uint32_t domid, target;
	struct domain *d;

	if (args(r, v, 2) != 2 || parse_domid(v[0], &domid) ||
	    parse_domid(v[1], &target))
		return EINVAL;
	if (!(d = domain_get(domid)))
		return ENOMEM;
	d->target = target;
	return reply_ok(r);
}

static int do_reset_watches(struct req *r)
{
	watch_free_all(r->x.conn);
	txn_free_all(r->x.conn);
	return reply_ok(r);
}

static int do_control_req(struct req *r)
{
	return do_control(r->x.conn, r->h, r->payload);
}

static const struct handler handlers[XS_TYPE_COUNT] = {
	[XS_CONTROL]              = { "CONTROL", F_PRIV | F_NOTID, do_control_req },
	[XS_DIRECTORY]            = { "DIRECTORY", F_PATH, do_directory },
	[XS_READ]                 = { "READ", F_PATH, do_read },
	[XS_GET_PERMS]            = { "GET_PERMS", F_PATH | F_SPECIAL, do_get_perms },
	[XS_WATCH]                = { "WATCH", F_NOTID, do_watch },
	[XS_UNWATCH]              = { "UNWATCH", F_NOTID, do_unwatch },
	[XS_TRANSACTION_START]    = { "TRANSACTION_START", F_NOTID, do_txn_start },
	[XS_TRANSACTION_END]      = { "TRANSACTION_END", 0, do_txn_end },
	[XS_INTRODUCE]            = { "INTRODUCE", F_PRIV | F_NOTID, do_introduce },
	[XS_RELEASE]              = { "RELEASE", F_PRIV | F_NOTID, do_release },
	[XS_GET_DOMAIN_PATH]      = { "GET_DOMAIN_PATH", F_NOTID, do_get_domain_path },
	[XS_WRITE]                = { "WRITE", F_PATH, do_write },
	[XS_MKDIR]                = { "MKDIR", F_PATH, do_mkdir },
	[XS_RM]                   = { "RM", F_PATH, do_rm },
	[XS_SET_PERMS]            = { "SET_PERMS", F_PATH | F_SPECIAL, do_set_perms },
	[XS_IS_DOMAIN_INTRODUCED] = { "IS_DOMAIN_INTRODUCED", F_NOTID, do_is_introduced },
	[XS_RESUME]               = { "RESUME", F_PRIV | F_NOTID, do_resume },
	[XS_SET_TARGET]           = { "SET_TARGET", F_PRIV | F_NOTID, do_set_target },
	[XS_RESET_WATCHES]        = { "RESET_WATCHES", F_NOTID, do_reset_watches },
	[XS_DIRECTORY_PART]       = { "DIRECTORY_PART", F_PATH, do_directory_part },
};

const char *type_name(uint32_t type)
{
	if (type == XS_WATCH_EVENT)
		return "WATCH_EVENT";
	if (type == XS_ERROR)
		return "ERROR";
	return type < XS_TYPE_COUNT && handlers[type].name ?
	       handlers[type].name : "UNKNOWN";
}

/* Unprivileged callers are held to the path-max quota (relative part). */
static bool path_len_ok(struct conn *c, const char *path)
{
	char prefix[32];
	size_t l = strlen(path), pl;

	if (conn_privileged(c))
		return true;
	pl = snprintf(prefix, sizeof(prefix), "/local/domain/%u/",
		      conn_domid(c));
	if (!strncmp(path, prefix, pl))
		l -= pl;
	return l <= quota.path_max;
}

static int resolve_path(struct req *r, unsigned int flags)
{
	const char *p = r->payload;

	if (!memchr(p, 0, r->h->len))
		return EINVAL;	/* no terminating NUL inside the payload */
	if (canonicalize(r->x.conn, p, r->path, sizeof(r->path)))
		return EINVAL;
	if (r->path[0] == '@')
		return (flags & F_SPECIAL) ? 0 : EINVAL;
	if (!path_valid(r->path) || !path_len_ok(r->x.conn, r->path))
		return EINVAL;
	return 0;
}

static int prepare(struct req *r, const struct handler *hd)
{
	if ((hd->flags & F_PRIV) && !conn_privileged(r->x.conn))
		return EACCES;
	if (!(hd->flags & F_NOTID) && r->h->tx_id &&
	    !(r->x.txn = txn_find(r->x.conn, r->h->tx_id)))
		return ENOENT;
	if (hd->flags & F_PATH)
		return resolve_path(r, hd->flags);
	return 0;
}

int dispatch(struct conn *c, const struct xsd_sockmsg *h, char *payload)
{
	const struct handler *hd = h->type < XS_TYPE_COUNT ?
				   &handlers[h->type] : NULL;
	struct req req, *r = &req;
	int err;

	if (!hd || !hd->fn)
		return conn_send_error(c, h, ENOSYS);
	r->x.conn = c;
	r->x.txn = NULL;
	r->x.err = 0;
	r->h = h;
	r->payload = payload;
	err = prepare(r, hd);
	if (!err)
		err = hd->fn(r);
	if (err)
		conn_send_error(c, h, err);
	return err;
}
