/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Node access for request handlers, the same whether or not a transaction
 * is in use: outside one we touch the store directly, inside one the
 * transaction's overlay.  Permission checks live here, in one place.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "xenstored.h"

struct node *ctx_get(struct ctx *x, const char *path)
{
	struct node *n;

	if (!x->txn)
		return table_find(&store, path);
	/* transaction-nodes quota: every node touched counts */
	if (!conn_privileged(x->conn) &&
	    x->txn->overlay.count >= quota.txn_nodes &&
	    !table_find(&x->txn->overlay, path)) {
		x->err = ENOSPC;
		return NULL;
	}
	n = txn_get(x->txn, path);
	return n && !n->deleted ? n : NULL;
}

/* A node we are about to change (the overlay copy inside a transaction). */
struct node *ctx_writable(struct ctx *x, const char *path, int *err)
{
	struct node *n;

	if (!x->txn)
		return table_find(&store, path);
	if (!conn_privileged(x->conn) &&
	    x->txn->overlay.count >= quota.txn_nodes &&
	    !table_find(&x->txn->overlay, path)) {
		*err = ENOSPC;
		return NULL;
	}
	n = txn_touch(x->txn, path, err);
	return n;
}

void ctx_changed(struct ctx *x, struct node *n)
{
	if (!x->txn)
		n->gen = ++store_gen;
}

/* Nearest existing ancestor of a missing node decides ENOENT vs EACCES. */
static int missing_error(struct ctx *x, const char *path)
{
	char buf[XENSTORE_ABS_PATH_MAX + 1];
	struct node *n = NULL;

	snprintf(buf, sizeof(buf), "%s", path);
	while (!n && strcmp(buf, "/") && !path_parent(buf, buf, sizeof(buf)))
		n = ctx_get(x, buf);
	if (n && !(perm_for(x->conn, n->perms, n->nperms) & PERM_READ))
		return EACCES;
	return ENOENT;
}

int ctx_check(struct ctx *x, const char *path, uint32_t need,
	      struct node **out)
{
	struct node *n = ctx_get(x, path);

	*out = n;
	if (!n && x->err)
		return x->err;
	if (!n)
		return missing_error(x, path);
	if ((perm_for(x->conn, n->perms, n->nperms) & need) != need)
		return EACCES;
	return 0;
}

/* Link a new child under parent path, which exists. */
static int link_child(struct ctx *x, const char *parent, const char *name)
{
	int err = 0;
	struct node *p = ctx_writable(x, parent, &err);

	if (!p)
		return err ? err : ENOENT;
	if ((err = node_add_child(p, name)))
		return err;
	ctx_changed(x, p);
	return 0;
}

static int new_node(struct ctx *x, const char *path, const struct node *parent,
		    struct node **out)
{
	int err = 0;
	struct node *n;

	if (!x->txn) {
		if (!(n = node_new(path)))
			return ENOMEM;
	} else if (!(n = ctx_writable(x, path, &err))) {
		return err;
	}
	if ((err = node_set_value(n, "", 0)) ||
	    (err = node_set_perms(n, parent->perms, parent->nperms))) {
		if (!x->txn)
			node_free(n);
		return err;
	}
	/* A domain creating a node owns it. */
	if (!conn_privileged(x->conn))
		n->perms[0].id = conn_domid(x->conn);
	n->deleted = false;
	if (!x->txn) {
		n->gen = ++store_gen;
		table_insert(&store, n);
		store_account(NULL, n);
	}
	*out = n;
	return 0;
}

static int quota_create(struct ctx *x, int count)
{
	struct domain *d = x->conn->dom;

	if (conn_privileged(x->conn) || !d)
		return 0;
	return d->nodes + count > quota.nodes ? ENOSPC : 0;
}

/* Create path and any missing ancestors; *out is the new leaf. */
int ctx_create(struct ctx *x, const char *path, struct node **out)
{
	char anc[XENSTORE_ABS_PATH_MAX + 1], *s;
	struct node *p = NULL;
	int err, count = 0;

	snprintf(anc, sizeof(anc), "%s", path);
	while (!p) {
		if ((err = path_parent(anc, anc, sizeof(anc))))
			return err;
		p = ctx_get(x, anc);
		count++;
	}
	if (!(perm_for(x->conn, p->perms, p->nperms) & PERM_WRITE))
		return EACCES;
	if ((err = quota_create(x, count)))
		return err;
	/* Create top-down from the existing ancestor. */
	for (;;) {
		size_t l = strlen(anc);
		s = strchr(path + (l == 1 ? 1 : l + 1), '/');
		snprintf(anc, sizeof(anc), "%.*s",
			 (int)(s ? (size_t)(s - path) : strlen(path)), path);
		if ((err = link_child(x, p->path, path_basename(anc))) ||
		    (err = new_node(x, anc, p, out)))
			return err;
		p = *out;
		if (!s)
			return 0;
	}
}

static int rm_one(struct ctx *x, const char *path);

static int rm_children(struct ctx *x, struct node *n)
{
	char child[XENSTORE_ABS_PATH_MAX + 2];
	char *names, *p;
	uint32_t len = n->clen;
	int err = 0;

	if (!len)
		return 0;
	names = malloc(len);
	if (!names)
		return ENOMEM;
	memcpy(names, n->children, len);
	for (p = names; !err && p < names + len; p += strlen(p) + 1) {
		snprintf(child, sizeof(child), "%s/%s",
			 strcmp(n->path, "/") ? n->path : "", p);
		err = rm_one(x, child);
	}
	free(names);
	return err;
}

static int rm_one(struct ctx *x, const char *path)
{
	struct node *n = ctx_get(x, path);
	int err;

	if (!n)
		return 0;
	if ((err = rm_children(x, n)))
		return err;
	if (!x->txn) {
		n = table_remove(&store, path);
		store_account(n, NULL);
		node_free(n);
		store_gen++;
		return 0;
	}
	if (!(n = ctx_writable(x, path, &err)))
		return err;
	n->deleted = true;
	return 0;
}

/* Remove path and its subtree and unlink it from its parent. */
int ctx_rm_tree(struct ctx *x, const char *path)
{
	char parent[XENSTORE_ABS_PATH_MAX + 1];
	struct node *p;
	int err;

	if ((err = path_parent(path, parent, sizeof(parent))))
		return err;
	if ((err = rm_one(x, path)))
		return err;
	if (!(p = ctx_writable(x, parent, &err)))
		return err ? err : ENOENT;
	node_del_child(p, path_basename(path));
	ctx_changed(x, p);
	return 0;
}

/* Fire watches now, or at commit inside a transaction. */
void ctx_fire(struct ctx *x, const char *path, bool recurse)
{
	char parent[XENSTORE_ABS_PATH_MAX + 1];
	struct node *n;

	if (x->txn) {
		txn_note_event(x->txn, path, recurse);
		return;
	}
	n = table_find(&store, path);
	if (!n && !path_parent(path, parent, sizeof(parent)))
		n = table_find(&store, parent);
	watch_fire(path, recurse, n ? n->perms : NULL, n ? n->nperms : 0);
}
