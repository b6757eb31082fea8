/* SPDX-License-Identifier: GPL-2.0-only */
/* Watches: registration, matching and event delivery. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "xenstored.h"

/* Permissions of the special watch names (default "n0": dom0 only). */
static struct xsd_perm intro_perms[8] = { { 0, 0 } };
static struct xsd_perm release_perms[8] = { { 0, 0 } };
static uint32_t intro_np = 1, release_np = 1;

int special_get_perms(const char *name, struct xsd_perm **p, uint32_t **np)
{
	if (!strcmp(name, "@introduceDomain")) {
		*p = intro_perms;
		*np = &intro_np;
	} else if (!strcmp(name, "@releaseDomain")) {
		*p = release_perms;
		*np = &release_np;
	} else {
		return ENOENT;
	}
	return 0;
}

static struct watch *watch_find(struct conn *c, const char *path,
				const char *token)
{
	struct watch *w;

	for (w = c->watches; w; w = w->next)
		if (!strcmp(w->path, path) && !strcmp(w->token, token))
			return w;
	return NULL;
}

static void watch_free(struct watch *w)
{
	free(w->path);
	free(w->abs);
	free(w->token);
	free(w);
}

static int watch_check_path(struct conn *c, const char *path, char *abs,
			    size_t abslen)
{
	if (path[0] == '@')
		return strlen(path) > XENSTORE_REL_PATH_MAX ? EINVAL :
		       canonicalize(c, path, abs, abslen);
	if (canonicalize(c, path, abs, abslen) || !path_valid(abs))
		return EINVAL;
	return 0;
}

static void send_event(struct conn *c, const char *path, const char *token)
{
	char buf[XENSTORE_PAYLOAD_MAX];
	size_t pl = strlen(path) + 1, tl = strlen(token) + 1;

	if (pl + tl > sizeof(buf))
		return;		/* cannot be framed; drop rather than break */
	/* A domain that does not read its events loses them past its quota. */
	if (!conn_privileged(c) && c->out_len - c->out_off > quota.memory)
		return;
	memcpy(buf, path, pl);
	memcpy(buf + pl, token, tl);
	conn_send(c, XS_WATCH_EVENT, 0, 0, buf, pl + tl);
}

int watch_add(struct conn *c, const char *path, const char *token)
{
	char abs[XENSTORE_ABS_PATH_MAX + 64];
	struct watch *w;
	int err;

	if ((err = watch_check_path(c, path, abs, sizeof(abs))))
		return err;
	if (watch_find(c, path, token))
		return EEXIST;
	if (!conn_privileged(c) && c->nwatches >= quota.watches)
		return E2BIG;
	w = calloc(1, sizeof(*w));
	if (!w || !(w->path = strdup(path)) || !(w->abs = strdup(abs)) ||
	    !(w->token = strdup(token))) {
		if (w)
			watch_free(w);
		return ENOMEM;
	}
	w->rel_off = strlen(abs) - strlen(path);
	w->next = c->watches;
	c->watches = w;
	c->nwatches++;
	return 0;
}

int watch_del(struct conn *c, const char *path, const char *token)
{
	struct watch **pp, *w;

	for (pp = &c->watches; (w = *pp); pp = &w->next)
		if (!strcmp(w->path, path) && !strcmp(w->token, token)) {
			*pp = w->next;
			c->nwatches--;
			watch_free(w);
			return 0;
		}
	return ENOENT;
}

void watch_free_all(struct conn *c)
{
	struct watch *w;

	while ((w = c->watches)) {
		c->watches = w->next;
		watch_free(w);
	}
	c->nwatches = 0;
}

static void fire_one(struct conn *c, struct watch *w, const char *path)
{
	/* A relative watch gets a relative event path. */
	if (w->rel_off && !strncmp(path, w->abs, w->rel_off))
		path += w->rel_off;
	send_event(c, path, w->token);
}

/*
 * A change at path fires every watch on path or above it; a removal
 * (recurse) also fires watches below it, with their own path.
 */
void watch_fire(const char *path, bool recurse, const struct xsd_perm *p,
		uint32_t np)
{
	struct conn *c;
	struct watch *w;

	for (c = conns; c; c = c->next) {
		if (c->dead || !c->watches)
			continue;
		if (p && !(perm_for(c, p, np) & PERM_READ))
			continue;
		for (w = c->watches; w; w = w->next) {
			if (path_is_child(w->abs, path))
				fire_one(c, w, path);
			else if (recurse && path_is_child(path, w->abs))
				fire_one(c, w, w->abs);
		}
	}
}

void watch_fire_special(const char *name)
{
	struct xsd_perm *p;
	uint32_t *np;
	struct conn *c;
	struct watch *w;

	if (special_get_perms(name, &p, &np))
		return;
	for (c = conns; c; c = c->next) {
		if (c->dead || !(perm_for(c, p, *np) & PERM_READ))
			continue;
		for (w = c->watches; w; w = w->next)
			if (!strcmp(w->abs, name))
				send_event(c, w->path, w->token);
	}
}
