/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * XS_CONTROL commands, as a table.  "become" is our addition (see
 * docs/xenstore.md): it lets a privileged socket client drop to the
 * identity of an unprivileged domain, so permissions and quotas can be
 * tested on a host without Xen.  It can only lower privilege.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "xenstored.h"

#define OUT_MAX XENSTORE_PAYLOAD_MAX

struct ctl {
	const char *name;
	const char *args;
	int (*fn)(struct conn *c, const char **v, unsigned int n, char *out);
};

static const struct ctl ctls[];

static int ctl_check(struct conn *c, const char **v, unsigned int n, char *out)
{
	return snprintf(out, OUT_MAX, "OK");
}

static int ctl_log(struct conn *c, const char **v, unsigned int n, char *out)
{
	if (n < 1 || (strcmp(v[0], "on") && strcmp(v[0], "off")))
		return -EINVAL;
	verbose = v[0][1] == 'n';
	return snprintf(out, OUT_MAX, "OK");
}

struct qrow {
	const char *name;
	uint32_t *val;
	const char *what;
};

static int quota_rows(struct qrow *q)
{
	struct qrow rows[] = {
		{ "nodes", &quota.nodes, "Nodes per domain" },
		{ "watches", &quota.watches, "Watches per domain" },
		{ "transactions", &quota.transactions, "Transactions per domain" },
		{ "outstanding", &quota.outstanding, "Outstanding requests per domain" },
		{ "transaction-nodes", &quota.txn_nodes, "Max. number of accessed nodes per transaction" },
		{ "memory", &quota.memory, "Total Xenstore memory per domain (error level)" },
		{ "node-size", &quota.node_size, "Max. size of a node" },
		{ "path-max", &quota.path_max, "Max. length of a node path" },
		{ "permissions", &quota.perms, "Max. number of permissions per node" },
		{ "watch-event", &quota.watch_event, "Max. seconds a watch event may stay queued" },
	};
	memcpy(q, rows, sizeof(rows));
	return sizeof(rows) / sizeof(rows[0]);
}

static int ctl_quota_set(const char **v, unsigned int n, char *out)
{
	struct qrow q[16];
	int i, rows = quota_rows(q);
	char *end;
	unsigned long val;

	if (n != 3)
		return -EINVAL;
	val = strtoul(v[2], &end, 10);
	if (*end || !*v[2])
		return -EINVAL;
	for (i = 0; i < rows; i++)
		if (!strcmp(q[i].name, v[1])) {
			*q[i].val = val;
			return snprintf(out, OUT_MAX, "OK");
		}
	return -EINVAL;
}

static int ctl_quota_domain(const char *dom, char *out)
{
	char *end;
	unsigned long domid = strtoul(dom, &end, 10);
	struct domain *d;

	if (*end || !*dom)
		return -EINVAL;
	d = domain_find(domid);
	if (!d)
		return -ENOENT;
	return snprintf(out, OUT_MAX, "%-17s: %8u\n", "nodes", d->nodes);
}

static int ctl_quota(struct conn *c, const char **v, unsigned int n, char *out)
{
	struct qrow q[16];
	int i, rows = quota_rows(q), off = 0;

	if (n >= 1 && !strcmp(v[0], "set"))
		return ctl_quota_set(v, n, out);
	if (n == 1)
		return ctl_quota_domain(v[0], out);
	for (i = 0; i < rows && off < OUT_MAX; i++)
		off += snprintf(out + off, OUT_MAX - off, "%-17s: %8u %s\n",
				q[i].name, *q[i].val, q[i].what);
	return off;
}

static void mem_count(size_t *nodes, size_t *bytes)
{
	size_t i;
	struct node *n;

	*nodes = *bytes = 0;
	for (i = 0; i < store.nbuckets; i++)
		for (n = store.buckets[i]; n; n = n->hnext) {
			(*nodes)++;
			*bytes += sizeof(*n) + strlen(n->path) + 1 + n->vlen +
				  n->clen + n->nperms * sizeof(*n->perms);
		}
}

static int ctl_memreport(struct conn *c, const char **v, unsigned int n,
			 char *out)
{
	size_t nodes, bytes, nc = 0, nw = 0, nt = 0;
	struct conn *k;

	mem_count(&nodes, &bytes);
	for (k = conns; k; k = k->next) {
		nc++;
		nw += k->nwatches;
		nt += k->ntxns;
	}
	return snprintf(out, OUT_MAX,
			"nodes: %zu\nnode-bytes: %zu\nhash-buckets: %zu\n"
			"connections: %zu\nwatches: %zu\ntransactions: %zu\n",
			nodes, bytes, store.nbuckets, nc, nw, nt);
}

static int ctl_become(struct conn *c, const char **v, unsigned int n, char *out)
{
	char *end;
	unsigned long domid;

	if (n != 1)
		return -EINVAL;
	domid = strtoul(v[0], &end, 10);
	if (*end || !*v[0] || domid == 0 || domid >= DOMID_INVALID)
		return -EINVAL;
	if (!(c->dom = domain_get(domid)))
		return -ENOMEM;
	c->priv = false;
	return snprintf(out, OUT_MAX, "OK");
}

static int ctl_help(struct conn *c, const char **v, unsigned int n, char *out)
{
	int i, off = 0;

	for (i = 0; ctls[i].name && off < OUT_MAX; i++)
		off += snprintf(out + off, OUT_MAX - off, "%s%s%s\n",
				ctls[i].name, ctls[i].args ? " " : "",
				ctls[i].args ? ctls[i].args : "");
	return off;
}

static const struct ctl ctls[] = {
	{ "check", NULL, ctl_check },
	{ "log", "on|off", ctl_log },
	{ "memreport", NULL, ctl_memreport },
	{ "quota", "[set <name> <val>|<domid>]", ctl_quota },
	{ "become", "<domid>", ctl_become },
	{ "help", NULL, ctl_help },
	{ NULL, NULL, NULL },
};

int do_control(struct conn *c, const struct xsd_sockmsg *h, char *payload)
{
	const char *v[8];
	char out[OUT_MAX + 1];
	unsigned int n = 0, i;
	const char *p = payload, *end = payload + h->len;
	int len;

	while (n < 8 && p < end && memchr(p, 0, end - p)) {
		v[n++] = p;
		p += strlen(p) + 1;
	}
	if (!n)
		return EINVAL;
	for (i = 0; ctls[i].name; i++)
		if (!strcmp(ctls[i].name, v[0]))
			break;
	if (!ctls[i].name)
		return EINVAL;
	len = ctls[i].fn(c, v + 1, n - 1, out);
	if (len < 0)
		return -len;
	if (len >= OUT_MAX)
		len = OUT_MAX - 1;
	return conn_send(c, h->type, h->req_id, h->tx_id, out, len + 1);
}
