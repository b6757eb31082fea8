/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Connections: message framing on input, a byte queue on output.  The
 * framing is transport-neutral: the socket and ring transports both feed
 * bytes into conn_input() and drain conn->out through tp->write.
 */
#include <stdlib.h>
#include <string.h>
#include "xenstored.h"

struct conn *conns;

struct conn *conn_new(const struct transport *tp, void *tpriv, int fd,
		      struct domain *dom, bool priv)
{
	struct conn *c = calloc(1, sizeof(*c));

	if (!c)
		return NULL;
	c->tp = tp;
	c->tpriv = tpriv;
	c->fd = fd;
	c->dom = dom;
	c->priv = priv;
	c->next = conns;
	if (conns)
		conns->prev = c;
	conns = c;
	return c;
}

uint32_t conn_domid(const struct conn *c)
{
	return c->dom ? c->dom->domid : 0;
}

void conn_destroy(struct conn *c)
{
	if (c->prev)
		c->prev->next = c->next;
	else
		conns = c->next;
	if (c->next)
		c->next->prev = c->prev;
	txn_free_all(c);
	watch_free_all(c);
	domain_forget_conn(c);
	if (c->tp && c->tp->close)
		c->tp->close(c);
	free(c->out);
	free(c);
}

/* Free connections marked dead (never while a request is being handled). */
void conn_reap(void)
{
	struct conn *c, *next;

	for (c = conns; c; c = next) {
		next = c->next;
		if (c->dead)
			conn_destroy(c);
	}
}

/* Send what every connection has queued; true if some output must wait. */
bool conn_flush_all(void)
{
	bool waiting = false;
	struct conn *c;

	for (c = conns; c; c = c->next)
		if (!c->dead && c->out_len > c->out_off && !conn_flush(c))
			waiting |= c->out_len > c->out_off;
	return waiting;
}

static int out_reserve(struct conn *c, size_t more)
{
	size_t need = c->out_len + more, cap;
	char *o;

	if (c->out_off && c->out_off == c->out_len) {
		c->out_off = c->out_len = 0;
		need = more;
	}
	if (need <= c->out_cap)
		return 0;
	cap = c->out_cap ? c->out_cap : 4096;
	while (cap < need)
		cap *= 2;
	o = realloc(c->out, cap);
	if (!o)
		return ENOMEM;
	c->out = o;
	c->out_cap = cap;
	return 0;
}

int conn_send(struct conn *c, uint32_t type, uint32_t req_id,
	      uint32_t tx_id, const void *data, size_t len)
{
	struct xsd_sockmsg h = { type, req_id, tx_id, (uint32_t)len };

	if (len > XENSTORE_PAYLOAD_MAX)
		return E2BIG;	/* libxenstore treats oversize as fatal */
	if (out_reserve(c, sizeof(h) + len)) {
		c->dead = true;
		return ENOMEM;
	}
	memcpy(c->out + c->out_len, &h, sizeof(h));
	if (len)
		memcpy(c->out + c->out_len + sizeof(h), data, len);
	c->out_len += sizeof(h) + len;
	if (verbose)
		trace_msg(c, "OUT", &h, data);
	return 0;
}

static const char *err_name(int err)
{
	size_t i;

	for (i = 0; i < sizeof(xsd_errors) / sizeof(xsd_errors[0]); i++)
		if (xsd_errors[i].errnum == err)
			return xsd_errors[i].errstring;
	return "EINVAL";	/* not on the wire list: as the C daemon */
}

int conn_send_error(struct conn *c, const struct xsd_sockmsg *h, int err)
{
	const char *s = err_name(err);

	return conn_send(c, XS_ERROR, h->req_id, h->tx_id, s, strlen(s) + 1);
}

int conn_flush(struct conn *c)
{
	long n;

	while (c->out_off < c->out_len) {
		n = c->tp->write(c, c->out + c->out_off,
				 c->out_len - c->out_off);
		if (n < 0) {
			c->dead = true;
			return -1;
		}
		if (n == 0)
			return 0;
		c->out_off += n;
	}
	c->out_off = c->out_len = 0;
	return 0;
}

/*
 * A client that does not read its replies stops being read from once this
 * much output is queued (back-pressure): its requests wait in the kernel or
 * on its ring, and the daemon's memory stays bounded.
 */
#define OUT_BACKLOG (64 * 1024)

bool conn_backlogged(const struct conn *c)
{
	return c->out_len - c->out_off > OUT_BACKLOG;
}

/* One complete message is in in_buf: NUL-terminate and dispatch it. */
static void conn_message(struct conn *c)
{
	char *payload = c->in_buf + sizeof(struct xsd_sockmsg);

	payload[c->hdr.len] = 0;	/* in_buf has room for this guard */
	if (verbose)
		trace_msg(c, "IN ", &c->hdr, payload);
	dispatch(c, &c->hdr, payload);
	c->in_used = 0;
}

/*
 * Feed received bytes.  Returns -1 if the connection must be dropped
 * (an oversize length: the C daemon drops such clients too).
 */
int conn_input(struct conn *c, const char *buf, size_t len)
{
	const size_t hs = sizeof(struct xsd_sockmsg);
	size_t need, take;

	while (len && !c->dead) {
		need = c->in_used < hs ? hs - c->in_used :
		       hs + c->hdr.len - c->in_used;
		take = need < len ? need : len;
		memcpy(c->in_buf + c->in_used, buf, take);
		c->in_used += take;
		buf += take;
		len -= take;
		if (c->in_used == hs) {
			memcpy(&c->hdr, c->in_buf, hs);
			if (c->hdr.len > XENSTORE_PAYLOAD_MAX) {
				c->dead = true;
				return -1;
			}
		}
		if (c->in_used >= hs && c->in_used == hs + c->hdr.len)
			conn_message(c);
	}
	return c->dead ? -1 : 0;
}
