/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Internal interfaces of xenstored.  The store is a hash of full paths
 * (O(1) lookup by path, the common operation); each node keeps its children
 * as a packed "name\0name\0" list, which is exactly the DIRECTORY reply.
 * Transactions are an overlay hash of copied nodes plus the global
 * generation at which each was first seen: commit succeeds only if none of
 * them changed since (copy-on-access, generation-checked).
 */
#ifndef XENSTORED_H
#define XENSTORED_H

#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <xen/io/xs_wire.h>

#define PERM_READ  1u
#define PERM_WRITE 2u
#define PERM_OWNER 8u
#define PERM_ALL   (PERM_READ | PERM_WRITE | PERM_OWNER)

struct xsd_perm {
	uint32_t id;
	uint32_t perm;		/* PERM_READ | PERM_WRITE */
};

struct node {
	struct node *hnext;	/* hash chain */
	char *path;		/* full absolute path */
	uint32_t hash;
	bool deleted;		/* tombstone inside a transaction overlay */
	bool dirty;		/* overlay copy modified by the transaction */
	uint64_t gen;		/* global generation of the last change */
	uint64_t seen_gen;	/* overlay: main-store gen at first access, 0 absent */
	char *value;
	uint32_t vlen;
	char *children;		/* packed "a\0b\0" */
	uint32_t clen;
	struct xsd_perm *perms;
	uint32_t nperms;
};

struct node_table {
	struct node **buckets;
	size_t nbuckets;
	size_t count;
};

/* ---- store.c: nodes and the path table ---- */
uint32_t path_hash(const char *path);
void table_init(struct node_table *t);
void table_free(struct node_table *t);
struct node *table_find(const struct node_table *t, const char *path);
void table_insert(struct node_table *t, struct node *n);
struct node *table_remove(struct node_table *t, const char *path);
struct node *node_new(const char *path);
struct node *node_copy(const struct node *src);
void node_free(struct node *n);
int node_set_value(struct node *n, const void *val, uint32_t len);
int node_set_perms(struct node *n, const struct xsd_perm *p, uint32_t num);
int node_add_child(struct node *n, const char *name);
void node_del_child(struct node *n, const char *name);
bool node_has_child(const struct node *n, const char *name);
const char *path_basename(const char *path);
int path_parent(const char *path, char *out, size_t outlen);
bool path_is_child(const char *parent, const char *child);

extern struct node_table store;
extern uint64_t store_gen;
void store_init(void);
void store_account(const struct node *old, const struct node *neu);

/* ---- perms.c ---- */
struct conn;
int perms_parse(const char *strs, size_t len, unsigned int num,
		struct xsd_perm *out);
size_t perms_format(const struct xsd_perm *p, uint32_t num, char *out,
		    size_t outlen);
uint32_t perm_for(const struct conn *c, const struct xsd_perm *p, uint32_t n);
bool conn_privileged(const struct conn *c);

/* ---- access.c: node access through an optional transaction ---- */
struct txn;
struct ctx {
	struct conn *conn;
	struct txn *txn;		/* NULL outside a transaction */
	int err;			/* why ctx_get returned NULL, 0: absent */
};
struct node *ctx_get(struct ctx *x, const char *path);
struct node *ctx_writable(struct ctx *x, const char *path, int *err);
void ctx_changed(struct ctx *x, struct node *n);
int ctx_create(struct ctx *x, const char *path, struct node **out);
int ctx_rm_tree(struct ctx *x, const char *path);
int ctx_check(struct ctx *x, const char *path, uint32_t need,
	      struct node **out);
void ctx_fire(struct ctx *x, const char *path, bool recurse);

/* ---- txn.c ---- */
struct txn {
	struct txn *next;
	uint32_t id;
	uint64_t start_gen;
	bool failed;
	struct node_table overlay;
	char **events;		/* paths changed, fired on commit */
	bool *ev_recurse;
	size_t nevents, evcap;
};
struct txn *txn_find(struct conn *c, uint32_t id);
int txn_start(struct conn *c, uint32_t *id);
int txn_end(struct conn *c, uint32_t id, bool commit);
void txn_free_all(struct conn *c);
struct node *txn_get(struct txn *t, const char *path);
struct node *txn_touch(struct txn *t, const char *path, int *err);
int txn_note_event(struct txn *t, const char *path, bool recurse);

/* ---- watch.c ---- */
struct watch {
	struct watch *next;
	char *path;		/* as given (may be relative or @special) */
	char *abs;		/* absolute form */
	char *token;
	size_t rel_off;		/* chars to strip from event paths, 0 if abs */
};
int watch_add(struct conn *c, const char *path, const char *token);
int watch_del(struct conn *c, const char *path, const char *token);
void watch_free_all(struct conn *c);
void watch_fire(const char *path, bool recurse, const struct xsd_perm *p,
		uint32_t np);
void watch_fire_special(const char *name);
int special_get_perms(const char *name, struct xsd_perm **p, uint32_t **np);

/* ---- domain.c ---- */
#ifndef DOMID_INVALID
#define DOMID_INVALID 0x7ff4u	/* as xen.h */
#endif
struct domain {
	struct domain *next;
	uint32_t domid;
	uint32_t target;	/* DOMID_INVALID when none */
	bool introduced;
	uint32_t nodes;		/* nodes owned, for the quota */
	uint32_t port;
	uint64_t mfn;
	struct conn *conn;	/* the ring connection, if any */
	void *ring;
	bool shutdown;		/* @releaseDomain already fired for it */
};
struct domain *domain_find(uint32_t domid);
struct domain *domain_get(uint32_t domid);
int domain_introduce(uint32_t domid, uint64_t mfn, uint32_t port);
int domain_release(uint32_t domid);
void domain_forget_conn(struct conn *c);
void domain_exception(void);

/* ---- xen-domctl.c ---- */
int xen_domain_flags(uint32_t domid, uint32_t *flags);

/* ---- quotas (main.c holds the values) ---- */
struct quotas {
	uint32_t nodes, node_size, watches, transactions, perms, path_max;
	uint32_t txn_nodes, outstanding, memory, watch_event;
};
extern struct quotas quota;
extern bool fake_rings;
extern int verbose;

/* ---- conn.c: connections and message framing ---- */
struct transport {
	const char *name;
	/* Returns bytes read (0: none available), or -1 with errno: drop. */
	long (*read)(struct conn *c, void *buf, size_t len);
	long (*write)(struct conn *c, const void *buf, size_t len);
	void (*close)(struct conn *c);
};

struct conn {
	struct conn *next, *prev;
	const struct transport *tp;
	void *tpriv;
	int fd;
	struct domain *dom;
	bool priv;		/* socket connections act as dom0 */
	bool dead;
	uint32_t events;	/* socket: what the event loop waits for */
	/* input: header then payload */
	struct xsd_sockmsg hdr;
	uint32_t in_used;
	char in_buf[sizeof(struct xsd_sockmsg) + XENSTORE_PAYLOAD_MAX + 1];
	/* output queue */
	char *out;
	size_t out_len, out_off, out_cap;
	struct txn *txns;
	uint32_t ntxns;
	struct watch *watches;
	uint32_t nwatches;
};

extern struct conn *conns;
struct conn *conn_new(const struct transport *tp, void *tpriv, int fd,
		      struct domain *dom, bool priv);
void conn_destroy(struct conn *c);
int conn_input(struct conn *c, const char *buf, size_t len);
int conn_send(struct conn *c, uint32_t type, uint32_t req_id,
	      uint32_t tx_id, const void *data, size_t len);
int conn_send_error(struct conn *c, const struct xsd_sockmsg *h, int err);
int conn_flush(struct conn *c);
bool conn_backlogged(const struct conn *c);
void conn_reap(void);
bool conn_flush_all(void);
uint32_t conn_domid(const struct conn *c);

/*
 * One thread: the event loop (loop.c) handles every request, so nothing
 * here needs a lock.
 */

/* ---- handlers.c: the request table ---- */
int dispatch(struct conn *c, const struct xsd_sockmsg *h, char *payload);
const char *type_name(uint32_t type);

/* ---- control.c ---- */
int do_control(struct conn *c, const struct xsd_sockmsg *h, char *payload);

/* ---- util ---- */
int canonicalize(const struct conn *c, const char *in, char *out,
		 size_t outlen);
bool path_valid(const char *path);
unsigned int count_strings(const char *p, size_t len);
void trace_msg(const struct conn *c, const char *dir,
	       const struct xsd_sockmsg *h, const char *payload);

#endif /* XENSTORED_H */
