/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Transactions.  Each one owns an overlay table of node copies taken at
 * first access, each remembering the store generation it saw (0: absent).
 * Reads come from the overlay, so the transaction sees a stable snapshot of
 * everything it touched; commit succeeds only if every touched node still
 * has the generation seen, and nothing touched had changed since the
 * transaction began (the C daemon's EAGAIN rule).
 */
#include <stdlib.h>
#include <string.h>
#include "xenstored.h"

static uint32_t next_txn_id = 1;

struct txn *txn_find(struct conn *c, uint32_t id)
{
	struct txn *t;

	for (t = c->txns; t; t = t->next)
		if (t->id == id)
			return t;
	return NULL;
}

int txn_start(struct conn *c, uint32_t *id)
{
	struct txn *t;

	if (!conn_privileged(c) && c->ntxns >= quota.transactions)
		return ENOSPC;
	t = calloc(1, sizeof(*t));
	if (!t)
		return ENOMEM;
	do
		t->id = next_txn_id++;
	while (!t->id || txn_find(c, t->id));
	t->start_gen = store_gen;
	table_init(&t->overlay);
	t->next = c->txns;
	c->txns = t;
	c->ntxns++;
	*id = t->id;
	return 0;
}

static void txn_free(struct txn *t)
{
	size_t i;

	table_free(&t->overlay);
	for (i = 0; i < t->nevents; i++)
		free(t->events[i]);
	free(t->events);
	free(t->ev_recurse);
	free(t);
}

static void txn_unlink(struct conn *c, struct txn *t)
{
	struct txn **pp;

	for (pp = &c->txns; *pp; pp = &(*pp)->next)
		if (*pp == t) {
			*pp = t->next;
			c->ntxns--;
			return;
		}
}

void txn_free_all(struct conn *c)
{
	struct txn *t;

	while ((t = c->txns)) {
		c->txns = t->next;
		txn_free(t);
	}
	c->ntxns = 0;
}

/* Overlay copy of path, made on first access; a tombstone if absent. */
struct node *txn_get(struct txn *t, const char *path)
{
	struct node *o = table_find(&t->overlay, path), *s;

	if (o)
		return o;
	s = table_find(&store, path);
	o = s ? node_copy(s) : node_new(path);
	if (!o)
		return NULL;
	o->deleted = !s;
	o->seen_gen = s ? s->gen : 0;
	if (s && s->gen > t->start_gen)
		t->failed = true;
	table_insert(&t->overlay, o);
	return o;
}

struct node *txn_touch(struct txn *t, const char *path, int *err)
{
	struct node *o = txn_get(t, path);

	if (!o) {
		*err = ENOMEM;
		return NULL;
	}
	o->dirty = true;
	return o;
}

int txn_note_event(struct txn *t, const char *path, bool recurse)
{
	if (t->nevents == t->evcap) {
		size_t cap = t->evcap ? t->evcap * 2 : 8;
		char **e = realloc(t->events, cap * sizeof(*e));
		bool *r;

		if (!e)
			return ENOMEM;
		t->events = e;
		r = realloc(t->ev_recurse, cap * sizeof(*r));
		if (!r)
			return ENOMEM;
		t->ev_recurse = r;
		t->evcap = cap;
	}
	t->events[t->nevents] = strdup(path);
	if (!t->events[t->nevents])
		return ENOMEM;
	t->ev_recurse[t->nevents++] = recurse;
	return 0;
}

static bool txn_valid(const struct txn *t)
{
	size_t i;
	const struct node *o, *s;

	if (t->failed)
		return false;
	for (i = 0; i < t->overlay.nbuckets; i++)
		for (o = t->overlay.buckets[i]; o; o = o->hnext) {
			s = table_find(&store, o->path);
			if ((s ? s->gen : 0) != o->seen_gen)
				return false;
		}
	return true;
}

/* Move one dirty overlay node into the store (cannot fail). */
static void txn_install(struct node *o)
{
	struct node *old = table_remove(&store, o->path);

	store_account(old, o->deleted ? NULL : o);
	node_free(old);
	if (o->deleted) {
		node_free(o);
		return;
	}
	o->dirty = false;
	o->gen = ++store_gen;
	table_insert(&store, o);
}

static void txn_apply(struct txn *t)
{
	size_t i;
	struct node *o, *next;

	for (i = 0; i < t->overlay.nbuckets; i++) {
		for (o = t->overlay.buckets[i]; o; o = next) {
			next = o->hnext;
			if (o->dirty)
				txn_install(o);
			else
				node_free(o);
		}
		t->overlay.buckets[i] = NULL;
	}
	t->overlay.count = 0;
}

static void txn_fire(struct txn *t)
{
	size_t i;
	struct node *n;
	char parent[XENSTORE_ABS_PATH_MAX + 1];

	for (i = 0; i < t->nevents; i++) {
		n = table_find(&store, t->events[i]);
		if (!n && !path_parent(t->events[i], parent, sizeof(parent)))
			n = table_find(&store, parent);
		watch_fire(t->events[i], t->ev_recurse[i],
			   n ? n->perms : NULL, n ? n->nperms : 0);
	}
}

int txn_end(struct conn *c, uint32_t id, bool commit)
{
	struct txn *t = txn_find(c, id);
	bool ok;

	if (!t)
		return ENOENT;
	txn_unlink(c, t);
	ok = !commit || txn_valid(t);
	if (commit && ok) {
		txn_apply(t);
		txn_fire(t);
	}
	txn_free(t);
	return ok ? 0 : EAGAIN;
}
