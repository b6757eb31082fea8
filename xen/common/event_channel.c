// SPDX-License-Identifier: GPL-2.0-only
/*
 * Event channels with the 2-level ABI: ports, bindings and delivery into
 * the guest's shared_info / vcpu_info (interface: xen/event.h).
 *
 * Locking. Lock order: link_lock, then domain locks (struct
 * evtchn_domain.lock) in ascending domid order.
 *  - link_lock serialises every operation that involves two domains
 *    (bind_interdomain, send and close on interdomain ports, reset,
 *    destroy). Holding it, the peer pointer of an interdomain port stays
 *    valid: only these operations create or break a link, and a domain
 *    breaks all its links in evtchn_domain_destroy before its memory goes.
 *  - A domain lock guards its ports[] and virq_ports[]; single-domain
 *    operations (VIRQ, IPI, unmask, status, bind_vcpu) take only that.
 * Bits in the guest-shared pages are changed with atomic read-modify-write
 * operations because the guest changes the same words concurrently.
 */
#include <xen/event.h>
#include <xen/lib.h>
#include <public/errno.h>

enum evtchn_state {
	ECS_FREE,
	ECS_RESERVED,   /* port 0: never valid for binding */
	ECS_UNBOUND,
	ECS_INTERDOMAIN,
	ECS_VIRQ,
	ECS_IPI,
};

struct evtchn {
	uint8_t state;
	uint32_t notify_vcpu;
	union {
		domid_t remote_domid;                   /* ECS_UNBOUND */
		struct {
			struct evtchn_domain *d;
			evtchn_port_t port;
		} inter;                                /* ECS_INTERDOMAIN */
		uint32_t virq;                          /* ECS_VIRQ */
	} u;
};

#define BUCKET_PORTS 64U
#define WORD_BITS (sizeof(xen_ulong_t) * 8)

static const struct evtchn_ops *ops;
static spinlock_t link_lock = SPIN_LOCK_UNLOCKED;

void evtchn_set_ops(const struct evtchn_ops *o)
{
	ops = o;
}

/* Both domains' locks in ascending domid order (one lock if a == b). */
static void lock_pair(struct evtchn_domain *a, struct evtchn_domain *b)
{
	if (a == b) {
		spin_lock(&a->lock);
		return;
	}
	if (a->domid > b->domid) {
		struct evtchn_domain *t = a;

		a = b;
		b = t;
	}
	spin_lock(&a->lock);
	spin_lock(&b->lock);
}

static void unlock_pair(struct evtchn_domain *a, struct evtchn_domain *b)
{
	if (a != b)
		spin_unlock(&b->lock);
	spin_unlock(&a->lock);
}

/* ---- 2-level delivery (Xen's event_2l semantics) ---- */

static bool test_and_set(xen_ulong_t *w, xen_ulong_t bit)
{
	return __atomic_fetch_or(w, bit, __ATOMIC_SEQ_CST) & bit;
}

static bool test_and_clear(xen_ulong_t *w, xen_ulong_t bit)
{
	return __atomic_fetch_and(w, ~bit, __ATOMIC_SEQ_CST) & bit;
}

static bool test_bit(xen_ulong_t *w, xen_ulong_t bit)
{
	return __atomic_load_n(w, __ATOMIC_SEQ_CST) & bit;
}

/* Selector bit, then evtchn_upcall_pending; kick on its 0 -> 1 edge. */
static void mark_vcpu(struct evtchn_domain *d, unsigned int vcpu,
		      unsigned int word)
{
	struct vcpu_info *vi = ops->vcpu_info(d, vcpu);

	if (!vi || test_and_set(&vi->evtchn_pending_sel, 1ULL << word))
		return;
	if (__atomic_exchange_n(&vi->evtchn_upcall_pending, 1, __ATOMIC_SEQ_CST))
		return;
	ops->kick(d, vcpu);
}

static void set_pending(struct evtchn_domain *d, evtchn_port_t port)
{
	struct shared_info *si = ops->shared_info(d);
	unsigned int w = port / WORD_BITS;
	xen_ulong_t bit = 1ULL << (port % WORD_BITS);

	if (!si || test_and_set(&si->evtchn_pending[w], bit))
		return;
	if (!test_bit(&si->evtchn_mask[w], bit))
		mark_vcpu(d, d->ports[port].notify_vcpu, w);
}

static void clear_pending(struct evtchn_domain *d, evtchn_port_t port)
{
	struct shared_info *si = ops->shared_info(d);

	if (si)
		test_and_clear(&si->evtchn_pending[port / WORD_BITS],
			       1ULL << (port % WORD_BITS));
}

static void unmask(struct evtchn_domain *d, evtchn_port_t port)
{
	struct shared_info *si = ops->shared_info(d);
	unsigned int w = port / WORD_BITS;
	xen_ulong_t bit = 1ULL << (port % WORD_BITS);

	if (!si || !test_and_clear(&si->evtchn_mask[w], bit))
		return;
	if (test_bit(&si->evtchn_pending[w], bit))
		mark_vcpu(d, d->ports[port].notify_vcpu, w);
}

void evtchn_vcpu_info_moved(struct evtchn_domain *d, unsigned int vcpu)
{
	struct vcpu_info *vi;

	if (!d->ready || vcpu >= d->max_vcpus)
		return;
	vi = ops->vcpu_info(d, vcpu);
	if (!vi)
		return;
	__atomic_store_n(&vi->evtchn_pending_sel, ~(xen_ulong_t)0, __ATOMIC_SEQ_CST);
	if (!__atomic_exchange_n(&vi->evtchn_upcall_pending, 1, __ATOMIC_SEQ_CST))
		ops->kick(d, vcpu);
}

/* ---- ports ---- */

static bool port_valid(const struct evtchn_domain *d, evtchn_port_t port)
{
	return port < d->valid_ports;
}

/* Lowest free port, like Xen's get_free_port; the bucket becomes valid. */
static int get_free_port(struct evtchn_domain *d)
{
	unsigned int p;

	for (p = 1; p <= d->max_port; p++) {
		if (d->ports[p].state != ECS_FREE)
			continue;
		if (p >= d->valid_ports)
			d->valid_ports = ROUNDUP(p + 1, BUCKET_PORTS);
		/* The last bucket is cut at max_port: ports[] ends there. */
		if (d->valid_ports > d->max_port + 1)
			d->valid_ports = d->max_port + 1;
		return p;
	}
	return -XEN_ENOSPC;
}

static evtchn_port_t *virq_slot(struct evtchn_domain *d, unsigned int vcpu,
				unsigned int virq)
{
	return &d->virq_ports[vcpu * NR_VIRQS + virq];
}

bool evtchn_virq_is_global(unsigned int virq)
{
	switch (virq) {
	case VIRQ_TIMER:
	case VIRQ_DEBUG:
	case VIRQ_XENOPROF:
	case VIRQ_XENPMU:
		return false;
	default:
		return true;
	}
}

static void unbind_virq(struct evtchn_domain *d, evtchn_port_t port)
{
	unsigned int v;

	for (v = 0; v < d->max_vcpus; v++)
		if (*virq_slot(d, v, d->ports[port].u.virq) == port)
			*virq_slot(d, v, d->ports[port].u.virq) = 0;
}

/*
 * Close with link_lock, d's lock and (interdomain) the peer's lock held.
 * The peer's port goes back to unbound, waiting for d's id, as in Xen.
 */
static void close_locked(struct evtchn_domain *d, evtchn_port_t port)
{
	struct evtchn *c = &d->ports[port];
	struct evtchn *peer;

	if (c->state == ECS_VIRQ)
		unbind_virq(d, port);
	if (c->state == ECS_INTERDOMAIN) {
		peer = &c->u.inter.d->ports[c->u.inter.port];
		peer->state = ECS_UNBOUND;
		peer->u.remote_domid = d->domid;
	}
	clear_pending(d, port);
	memset(c, 0, sizeof(*c));
}

/* Closes one port of d, taking the peer's lock if needed (link_lock held). */
static void close_port(struct evtchn_domain *d, evtchn_port_t port)
{
	struct evtchn_domain *peer = NULL;

	spin_lock(&d->lock);
	if (d->ports[port].state == ECS_INTERDOMAIN)
		peer = d->ports[port].u.inter.d;
	spin_unlock(&d->lock);
	/* link_lock is held: the link cannot change between the two locks. */
	lock_pair(d, peer ? peer : d);
	close_locked(d, port);
	unlock_pair(d, peer ? peer : d);
}

static void close_all(struct evtchn_domain *d)
{
	unsigned int p;

	spin_lock(&link_lock);
	for (p = 1; p < d->valid_ports; p++)
		if (d->ports[p].state != ECS_FREE)
			close_port(d, p);
	spin_unlock(&link_lock);
}

/* ---- domains ---- */

/* A domain whose evtchn state is not (or no longer) set up counts as absent. */
static struct evtchn_domain *get_dom(struct evtchn_domain *cur, domid_t id)
{
	struct evtchn_domain *d;

	if (id == DOMID_SELF || id == cur->domid)
		return cur;
	d = ops->get(id);
	if (d && !d->ready) {
		ops->put(d);
		d = NULL;
	}
	return d;
}

static void put_dom(struct evtchn_domain *cur, struct evtchn_domain *d)
{
	if (d && d != cur)
		ops->put(d);
}

int evtchn_domain_init(struct evtchn_domain *d, domid_t id,
		       unsigned int max_vcpus, unsigned int max_port)
{
	memset(d, 0, sizeof(*d));
	if (!ops || !max_vcpus || !max_port)
		return -XEN_EINVAL;
	if (max_port >= EVTCHN_2L_NR_CHANNELS)
		max_port = EVTCHN_2L_NR_CHANNELS - 1;
	d->domid = id;
	d->max_vcpus = max_vcpus;
	d->max_port = max_port;
	d->valid_ports = max_port + 1 < BUCKET_PORTS ? max_port + 1 : BUCKET_PORTS;
	d->ports = ops->zalloc((max_port + 1) * sizeof(*d->ports));
	d->virq_ports = ops->zalloc(max_vcpus * NR_VIRQS * sizeof(evtchn_port_t));
	if (!d->ports || !d->virq_ports) {
		ops->free(d->ports);
		ops->free(d->virq_ports);
		return -XEN_ENOMEM;
	}
	d->ports[0].state = ECS_RESERVED;
	d->ready = true;
	return 0;
}

void evtchn_domain_destroy(struct evtchn_domain *d)
{
	if (!d->ready)
		return;
	close_all(d);
	ops->free(d->ports);
	ops->free(d->virq_ports);
	memset(d, 0, sizeof(*d));
}

/* ---- EVTCHNOP_* handlers: arg is the core's copy of the guest struct ---- */

static long op_alloc_unbound(struct evtchn_domain *cur, void *arg)
{
	struct evtchn_alloc_unbound *a = arg;
	struct evtchn_domain *d = get_dom(cur, a->dom);
	long rc;

	if (!d)
		return -XEN_ESRCH;
	rc = ops->may_target(cur, d) ? 0 : -XEN_EPERM;
	if (!rc) {
		spin_lock(&d->lock);
		rc = get_free_port(d);
		if (rc > 0) {
			d->ports[rc].state = ECS_UNBOUND;
			d->ports[rc].u.remote_domid =
				a->remote_dom == DOMID_SELF ? cur->domid : a->remote_dom;
			a->port = rc;
			rc = 0;
		}
		spin_unlock(&d->lock);
	}
	put_dom(cur, d);
	return rc;
}

/* The remote's consent: its port is unbound and waiting for us. */
static long link_ports(struct evtchn_domain *ld, struct evtchn_domain *rd,
		       evtchn_port_t rport, evtchn_port_t *lport_out)
{
	int lport = get_free_port(ld);
	struct evtchn *l, *r;

	if (lport < 0)
		return lport;
	if (!port_valid(rd, rport))
		return -XEN_EINVAL;
	r = &rd->ports[rport];
	if (r->state != ECS_UNBOUND || r->u.remote_domid != ld->domid)
		return -XEN_EINVAL;
	l = &ld->ports[lport];
	l->state = ECS_INTERDOMAIN;
	l->u.inter.d = rd;
	l->u.inter.port = rport;
	r->state = ECS_INTERDOMAIN;
	r->u.inter.d = ld;
	r->u.inter.port = lport;
	/* Xen marks the new local port pending so no earlier notify is lost. */
	set_pending(ld, lport);
	*lport_out = lport;
	return 0;
}

static long op_bind_interdomain(struct evtchn_domain *cur, void *arg)
{
	struct evtchn_bind_interdomain *b = arg;
	struct evtchn_domain *rd = get_dom(cur, b->remote_dom);
	long rc;

	if (!rd)
		return -XEN_ESRCH;
	spin_lock(&link_lock);
	lock_pair(cur, rd);
	rc = link_ports(cur, rd, b->remote_port, &b->local_port);
	unlock_pair(cur, rd);
	spin_unlock(&link_lock);
	put_dom(cur, rd);
	return rc;
}

/* A new VIRQ or IPI port on vCPU vcpu (cur's lock held). */
static long bind_local(struct evtchn_domain *cur, uint8_t state,
		       unsigned int vcpu, uint32_t virq, evtchn_port_t *out)
{
	int port = get_free_port(cur);

	if (port < 0)
		return port;
	cur->ports[port].state = state;
	cur->ports[port].notify_vcpu = vcpu;
	cur->ports[port].u.virq = virq;
	*out = port;
	return 0;
}

static long op_bind_virq(struct evtchn_domain *cur, void *arg)
{
	struct evtchn_bind_virq *b = arg;
	long rc;

	if (b->virq >= NR_VIRQS)
		return -XEN_EINVAL;
	if (evtchn_virq_is_global(b->virq) && b->vcpu != 0)
		return -XEN_EINVAL;
	if (b->vcpu >= cur->max_vcpus)
		return -XEN_ENOENT;
	spin_lock(&cur->lock);
	if (*virq_slot(cur, b->vcpu, b->virq))
		rc = -XEN_EEXIST;
	else
		rc = bind_local(cur, ECS_VIRQ, b->vcpu, b->virq, &b->port);
	if (!rc)
		*virq_slot(cur, b->vcpu, b->virq) = b->port;
	spin_unlock(&cur->lock);
	return rc;
}

static long op_bind_ipi(struct evtchn_domain *cur, void *arg)
{
	struct evtchn_bind_ipi *b = arg;
	long rc;

	if (b->vcpu >= cur->max_vcpus)
		return -XEN_ENOENT;
	spin_lock(&cur->lock);
	rc = bind_local(cur, ECS_IPI, b->vcpu, 0, &b->port);
	spin_unlock(&cur->lock);
	return rc;
}

/* With link_lock and cur's lock held; takes the peer's lock itself. */
static long send_locked(struct evtchn_domain *cur, evtchn_port_t port)
{
	struct evtchn *c = &cur->ports[port];
	struct evtchn_domain *rd;

	switch (c->state) {
	case ECS_IPI:
		set_pending(cur, port);
		return 0;
	case ECS_UNBOUND:
		return 0;       /* nobody listens yet: dropped, as in Xen */
	case ECS_INTERDOMAIN:
		rd = c->u.inter.d;
		if (rd != cur)
			spin_lock(&rd->lock);
		set_pending(rd, c->u.inter.port);
		if (rd != cur)
			spin_unlock(&rd->lock);
		return 0;
	default:
		return -XEN_EINVAL;
	}
}

static long op_send(struct evtchn_domain *cur, void *arg)
{
	evtchn_port_t port = ((struct evtchn_send *)arg)->port;
	long rc = -XEN_EINVAL;

	/* link_lock first: with it, taking the peer's lock after ours is safe. */
	spin_lock(&link_lock);
	spin_lock(&cur->lock);
	if (port_valid(cur, port))
		rc = send_locked(cur, port);
	spin_unlock(&cur->lock);
	spin_unlock(&link_lock);
	return rc;
}

static long op_close(struct evtchn_domain *cur, void *arg)
{
	evtchn_port_t port = ((struct evtchn_close *)arg)->port;
	long rc = 0;

	spin_lock(&link_lock);
	spin_lock(&cur->lock);
	if (!port_valid(cur, port) || cur->ports[port].state == ECS_FREE ||
	    cur->ports[port].state == ECS_RESERVED)
		rc = -XEN_EINVAL;
	spin_unlock(&cur->lock);
	if (!rc)
		close_port(cur, port);
	spin_unlock(&link_lock);
	return rc;
}

static void fill_status(struct evtchn_domain *d, struct evtchn_status *s)
{
	const struct evtchn *c = &d->ports[s->port];
	static const uint32_t stat[] = {
		[ECS_FREE] = EVTCHNSTAT_closed,
		[ECS_RESERVED] = EVTCHNSTAT_closed,
		[ECS_UNBOUND] = EVTCHNSTAT_unbound,
		[ECS_INTERDOMAIN] = EVTCHNSTAT_interdomain,
		[ECS_VIRQ] = EVTCHNSTAT_virq,
		[ECS_IPI] = EVTCHNSTAT_ipi,
	};

	memset(&s->u, 0, sizeof(s->u));
	s->status = stat[c->state];
	s->vcpu = c->notify_vcpu;
	if (c->state == ECS_UNBOUND)
		s->u.unbound.dom = c->u.remote_domid;
	if (c->state == ECS_INTERDOMAIN) {
		s->u.interdomain.dom = c->u.inter.d->domid;
		s->u.interdomain.port = c->u.inter.port;
	}
	if (c->state == ECS_VIRQ)
		s->u.virq = c->u.virq;
}

static long op_status(struct evtchn_domain *cur, void *arg)
{
	struct evtchn_status *s = arg;
	struct evtchn_domain *d = get_dom(cur, s->dom);
	long rc;

	if (!d)
		return -XEN_ESRCH;
	rc = ops->may_target(cur, d) ? 0 : -XEN_EPERM;
	if (!rc) {
		/* The peer's domid is read under link_lock: the link is stable. */
		spin_lock(&link_lock);
		spin_lock(&d->lock);
		if (port_valid(d, s->port))
			fill_status(d, s);
		else
			rc = -XEN_EINVAL;
		spin_unlock(&d->lock);
		spin_unlock(&link_lock);
	}
	put_dom(cur, d);
	return rc;
}

static long rebind(struct evtchn *c, unsigned int vcpu)
{
	switch (c->state) {
	case ECS_VIRQ:
		if (!evtchn_virq_is_global(c->u.virq))
			return -XEN_EINVAL;
		c->notify_vcpu = vcpu;
		return 0;
	case ECS_UNBOUND:
	case ECS_INTERDOMAIN:
		c->notify_vcpu = vcpu;
		return 0;
	default:
		return -XEN_EINVAL;
	}
}

static long op_bind_vcpu(struct evtchn_domain *cur, void *arg)
{
	struct evtchn_bind_vcpu *b = arg;
	long rc = -XEN_EINVAL;

	if (b->vcpu >= cur->max_vcpus)
		return -XEN_ENOENT;
	spin_lock(&cur->lock);
	if (port_valid(cur, b->port))
		rc = rebind(&cur->ports[b->port], b->vcpu);
	spin_unlock(&cur->lock);
	return rc;
}

static long op_unmask(struct evtchn_domain *cur, void *arg)
{
	evtchn_port_t port = ((struct evtchn_unmask *)arg)->port;
	long rc = -XEN_EINVAL;

	spin_lock(&cur->lock);
	if (port_valid(cur, port)) {
		unmask(cur, port);
		rc = 0;
	}
	spin_unlock(&cur->lock);
	return rc;
}

static long op_reset(struct evtchn_domain *cur, void *arg)
{
	struct evtchn_domain *d = get_dom(cur, ((struct evtchn_reset *)arg)->dom);
	long rc;

	if (!d)
		return -XEN_ESRCH;
	rc = ops->may_target(cur, d) ? 0 : -XEN_EPERM;
	/* Another domain's ports are reset only while the toolstack pauses it. */
	if (!rc && d != cur && ops->paused && !ops->paused(d))
		rc = -XEN_EINVAL;
	if (!rc)
		close_all(d);
	put_dom(cur, d);
	return rc;
}

/* FIFO ABI: not offered, so Linux stays with the 2-level ABI. */
static long op_nosys(struct evtchn_domain *cur, void *arg)
{
	(void)cur;
	(void)arg;
	return -XEN_ENOSYS;
}

struct evtchn_op_desc {
	size_t size;
	long (*handle)(struct evtchn_domain *cur, void *arg);
};

static const struct evtchn_op_desc op_table[] = {
	[EVTCHNOP_bind_interdomain] = { sizeof(struct evtchn_bind_interdomain), op_bind_interdomain },
	[EVTCHNOP_bind_virq] = { sizeof(struct evtchn_bind_virq), op_bind_virq },
	[EVTCHNOP_close] = { sizeof(struct evtchn_close), op_close },
	[EVTCHNOP_send] = { sizeof(struct evtchn_send), op_send },
	[EVTCHNOP_status] = { sizeof(struct evtchn_status), op_status },
	[EVTCHNOP_alloc_unbound] = { sizeof(struct evtchn_alloc_unbound), op_alloc_unbound },
	[EVTCHNOP_bind_ipi] = { sizeof(struct evtchn_bind_ipi), op_bind_ipi },
	[EVTCHNOP_bind_vcpu] = { sizeof(struct evtchn_bind_vcpu), op_bind_vcpu },
	[EVTCHNOP_unmask] = { sizeof(struct evtchn_unmask), op_unmask },
	[EVTCHNOP_reset] = { sizeof(struct evtchn_reset), op_reset },
	[EVTCHNOP_init_control] = { sizeof(struct evtchn_init_control), op_nosys },
	[EVTCHNOP_expand_array] = { sizeof(struct evtchn_expand_array), op_nosys },
	[EVTCHNOP_set_priority] = { sizeof(struct evtchn_set_priority), op_nosys },
};

size_t evtchn_op_size(unsigned int cmd)
{
	return cmd < ARRAY_SIZE(op_table) ? op_table[cmd].size : 0;
}

long evtchn_op(struct evtchn_domain *cur, unsigned int cmd, void *arg)
{
	if (!evtchn_op_size(cmd))
		return -XEN_ENOSYS;
	if (!cur->ready)
		return -XEN_EINVAL;
	return op_table[cmd].handle(cur, arg);
}

/* ---- VIRQs raised by the hypervisor ---- */

static int send_virq_on(struct evtchn_domain *d, unsigned int vcpu,
			unsigned int virq)
{
	evtchn_port_t port;

	spin_lock(&d->lock);
	port = *virq_slot(d, vcpu, virq);
	if (port)
		set_pending(d, port);
	spin_unlock(&d->lock);
	return port ? 0 : -XEN_ENOENT;
}

int evtchn_send_virq(struct evtchn_domain *d, unsigned int vcpu,
		     unsigned int virq)
{
	if (!d->ready || virq >= NR_VIRQS || vcpu >= d->max_vcpus ||
	    evtchn_virq_is_global(virq))
		return -XEN_EINVAL;
	return send_virq_on(d, vcpu, virq);
}

int evtchn_send_global_virq(struct evtchn_domain *d, unsigned int virq)
{
	if (!d->ready || virq >= NR_VIRQS || !evtchn_virq_is_global(virq))
		return -XEN_EINVAL;
	return send_virq_on(d, 0, virq);
}
