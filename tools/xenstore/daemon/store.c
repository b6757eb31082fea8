/* SPDX-License-Identifier: GPL-2.0-only */
/* Nodes and the path-keyed hash table shared by the store and transactions. */
#include <stdlib.h>
#include <string.h>
#include "xenstored.h"

struct node_table store;
uint64_t store_gen = 1;

/* FNV-1a: cheap, and paths differ mostly in their tails. */
uint32_t path_hash(const char *path)
{
	uint32_t h = 2166136261u;

	while (*path)
		h = (h ^ (unsigned char)*path++) * 16777619u;
	return h;
}

void table_init(struct node_table *t)
{
	t->nbuckets = 64;
	t->count = 0;
	t->buckets = calloc(t->nbuckets, sizeof(*t->buckets));
	if (!t->buckets)
		abort();	/* start-up or per-transaction: no sane fallback */
}

void table_free(struct node_table *t)
{
	size_t i;
	struct node *n, *next;

	for (i = 0; i < t->nbuckets; i++)
		for (n = t->buckets[i]; n; n = next) {
			next = n->hnext;
			node_free(n);
		}
	free(t->buckets);
	t->buckets = NULL;
	t->count = 0;
}

struct node *table_find(const struct node_table *t, const char *path)
{
	uint32_t h = path_hash(path);
	struct node *n;

	for (n = t->buckets[h & (t->nbuckets - 1)]; n; n = n->hnext)
		if (n->hash == h && !strcmp(n->path, path))
			return n;
	return NULL;
}

static void table_grow(struct node_table *t)
{
	size_t i, nb = t->nbuckets * 2;
	struct node **b = calloc(nb, sizeof(*b));
	struct node *n, *next;

	if (!b)
		return;		/* keep the longer chains; still correct */
	for (i = 0; i < t->nbuckets; i++)
		for (n = t->buckets[i]; n; n = next) {
			next = n->hnext;
			n->hnext = b[n->hash & (nb - 1)];
			b[n->hash & (nb - 1)] = n;
		}
	free(t->buckets);
	t->buckets = b;
	t->nbuckets = nb;
}

void table_insert(struct node_table *t, struct node *n)
{
	struct node **b;

	if (t->count >= t->nbuckets)
		table_grow(t);
	b = &t->buckets[n->hash & (t->nbuckets - 1)];
	n->hnext = *b;
	*b = n;
	t->count++;
}

struct node *table_remove(struct node_table *t, const char *path)
{
	uint32_t h = path_hash(path);
	struct node **pp, *n;

	for (pp = &t->buckets[h & (t->nbuckets - 1)]; (n = *pp);
	     pp = &n->hnext)
		if (n->hash == h && !strcmp(n->path, path)) {
			*pp = n->hnext;
			t->count--;
			return n;
		}
	return NULL;
}

struct node *node_new(const char *path)
{
	struct node *n = calloc(1, sizeof(*n));

	if (!n)
		return NULL;
	n->path = strdup(path);
	if (!n->path) {
		free(n);
		return NULL;
	}
	n->hash = path_hash(path);
	return n;
}

static void *dup_mem(const void *p, size_t len)
{
	void *d = malloc(len ? len : 1);

	if (d && len)
		memcpy(d, p, len);
	return d;
}

struct node *node_copy(const struct node *src)
{
	struct node *n = node_new(src->path);

	if (!n)
		return NULL;
	n->deleted = src->deleted;
	n->gen = src->gen;
	n->vlen = src->vlen;
	n->clen = src->clen;
	n->nperms = src->nperms;
	n->value = dup_mem(src->value, src->vlen);
	n->children = dup_mem(src->children, src->clen);
	n->perms = dup_mem(src->perms, src->nperms * sizeof(*src->perms));
	if (!n->value || !n->children || !n->perms) {
		node_free(n);
		return NULL;
	}
	return n;
}

void node_free(struct node *n)
{
	if (!n)
		return;
	free(n->path);
	free(n->value);
	free(n->children);
	free(n->perms);
	free(n);
}

int node_set_value(struct node *n, const void *val, uint32_t len)
{
	char *v = dup_mem(val, len);

	if (!v)
		return ENOMEM;
	free(n->value);
	n->value = v;
	n->vlen = len;
	return 0;
}

int node_set_perms(struct node *n, const struct xsd_perm *p, uint32_t num)
{
	struct xsd_perm *np = dup_mem(p, num * sizeof(*p));

	if (!np)
		return ENOMEM;
	free(n->perms);
	n->perms = np;
	n->nperms = num;
	return 0;
}

bool node_has_child(const struct node *n, const char *name)
{
	const char *p = n->children, *end;
	size_t l = strlen(name) + 1;

	if (!n->clen)
		return false;
	for (end = p + n->clen; p < end; p += strlen(p) + 1)
		if (strlen(p) + 1 == l && !memcmp(p, name, l))
			return true;
	return false;
}

int node_add_child(struct node *n, const char *name)
{
	size_t l = strlen(name) + 1;
	char *c;

	if (node_has_child(n, name))
		return 0;
	c = realloc(n->children, n->clen + l);
	if (!c)
		return ENOMEM;
	memcpy(c + n->clen, name, l);
	n->children = c;
	n->clen += l;
	return 0;
}

void node_del_child(struct node *n, const char *name)
{
	char *p = n->children, *end;
	size_t l = strlen(name) + 1, pl;

	if (!n->clen)
		return;
	for (end = p + n->clen; p < end; p += pl) {
		pl = strlen(p) + 1;
		if (pl == l && !memcmp(p, name, l)) {
			memmove(p, p + l, end - p - l);
			n->clen -= l;
			return;
		}
	}
}

const char *path_basename(const char *path)
{
	const char *s = strrchr(path, '/');

	return s ? s + 1 : path;
}

/* Parent of an absolute path other than "/". */
int path_parent(const char *path, char *out, size_t outlen)
{
	const char *s = strrchr(path, '/');
	size_t l;

	if (!s)
		return EINVAL;
	l = s == path ? 1 : (size_t)(s - path);
	if (l >= outlen)
		return EINVAL;
	memcpy(out, path, l);
	out[l] = 0;
	return 0;
}

/* True if child equals parent or lies beneath it. */
bool path_is_child(const char *parent, const char *child)
{
	size_t l = strlen(parent);

	if (l == 1 && parent[0] == '/')
		return child[0] == '/';
	if (strncmp(parent, child, l))
		return false;
	return child[l] == 0 || child[l] == '/';
}

/* Keep per-domain node counts (the nodes quota) right across changes. */
void store_account(const struct node *old, const struct node *neu)
{
	struct domain *d;

	if (old && old->nperms && (d = domain_find(old->perms[0].id)) &&
	    d->nodes)
		d->nodes--;
	if (neu && neu->nperms && (d = domain_get(neu->perms[0].id)))
		d->nodes++;
}

static struct node *store_mknode(const char *path, const char *child)
{
	struct node *n = node_new(path);
	struct xsd_perm p = { 0, 0 };

	if (!n || node_set_value(n, "", 0) || node_set_perms(n, &p, 1))
		abort();	/* start-up only */
	if (child && node_add_child(n, child))
		abort();
	n->gen = store_gen++;
	table_insert(&store, n);
	store_account(NULL, n);
	return n;
}

/* A fresh store holds "/" and "/tool/xenstored", as the C daemon's. */
void store_init(void)
{
	table_init(&store);
	store_mknode("/", "tool");
	store_mknode("/tool", "xenstored");
	store_mknode("/tool/xenstored", NULL);
}
