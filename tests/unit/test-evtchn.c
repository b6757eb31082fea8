// SPDX-License-Identifier: GPL-2.0-only
/*
 * Event channels (xen/common/event_channel.c) on the host: every sub-op,
 * its refusals with Xen's error codes, 2-level delivery into shared_info /
 * vcpu_info, destroy cleanup, then a random-operation fuzz test (fixed seed,
 * then random seeds for a few seconds) checking invariants after each step.
 * The hypervisor side (domains, shared pages, upcall) is a small table here.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <xen/event.h>
#include <public/errno.h>
#include "check.h"

#define NDOM 4
#define NVCPU 3

struct fake_dom {
	bool exists;
	struct evtchn_domain ev;
	struct shared_info *si;
	struct vcpu_info vi[NVCPU];
	bool vi_missing[NVCPU];    /* vCPU without registered vcpu_info */
	bool running;              /* not paused by the toolstack */
	unsigned int kicks[NVCPU];
	int refs;
};

static struct fake_dom doms[NDOM];
static long live_allocs;

/* container_of, as the core would: d may have been wiped by destroy. */
static struct fake_dom *fd_of(struct evtchn_domain *d)
{
	return (struct fake_dom *)((char *)d - offsetof(struct fake_dom, ev));
}

static struct evtchn_domain *f_get(domid_t id)
{
	if (id >= NDOM || !doms[id].exists)
		return NULL;
	__atomic_fetch_add(&doms[id].refs, 1, __ATOMIC_SEQ_CST);
	return &doms[id].ev;
}

static void f_put(struct evtchn_domain *d)
{
	__atomic_fetch_sub(&fd_of(d)->refs, 1, __ATOMIC_SEQ_CST);
}

static struct shared_info *f_shared_info(struct evtchn_domain *d)
{
	return fd_of(d)->si;
}

static struct vcpu_info *f_vcpu_info(struct evtchn_domain *d, unsigned int v)
{
	struct fake_dom *f = fd_of(d);

	CHECK(v < NVCPU);
	if (v >= NVCPU || f->vi_missing[v])
		return NULL;
	return v == 0 ? &f->si->vcpu_info[0] : &f->vi[v];
}

static void f_kick(struct evtchn_domain *d, unsigned int v)
{
	/* The upcall is raised only on evtchn_upcall_pending's 0 -> 1 edge. */
	CHECK(f_vcpu_info(d, v)->evtchn_upcall_pending == 1);
	__atomic_fetch_add(&fd_of(d)->kicks[v], 1, __ATOMIC_SEQ_CST);
}

static bool f_may_target(struct evtchn_domain *c, struct evtchn_domain *t)
{
	return c == t || c->domid == 0;
}

static void *f_zalloc(size_t n)
{
	__atomic_fetch_add(&live_allocs, 1, __ATOMIC_SEQ_CST);
	return calloc(1, n);
}

static void f_free(void *p)
{
	if (p)
		__atomic_fetch_sub(&live_allocs, 1, __ATOMIC_SEQ_CST);
	free(p);
}

static bool f_paused(struct evtchn_domain *d)
{
	return !fd_of(d)->running;
}

static const struct evtchn_ops fake_ops = {
	.get = f_get, .put = f_put, .shared_info = f_shared_info,
	.vcpu_info = f_vcpu_info, .kick = f_kick, .may_target = f_may_target,
	.zalloc = f_zalloc, .free = f_free, .paused = f_paused,
};

static void dom_create(domid_t id, unsigned int max_port)
{
	struct fake_dom *f = &doms[id];

	memset(f, 0, sizeof(*f));
	f->si = calloc(1, 4096);
	CHECK(evtchn_domain_init(&f->ev, id, NVCPU, max_port) == 0);
	f->exists = true;
}

static void dom_destroy(domid_t id)
{
	struct fake_dom *f = &doms[id];

	f->exists = false;      /* get() fails first, as for a dying domain */
	evtchn_domain_destroy(&f->ev);
	free(f->si);
	f->si = NULL;
}

static struct evtchn_domain *ev(domid_t id)
{
	return &doms[id].ev;
}

static bool pending(domid_t id, evtchn_port_t p)
{
	return doms[id].si->evtchn_pending[p / 64] >> (p % 64) & 1;
}

static void set_mask(domid_t id, evtchn_port_t p, bool on)
{
	if (on)
		doms[id].si->evtchn_mask[p / 64] |= 1ULL << (p % 64);
	else
		doms[id].si->evtchn_mask[p / 64] &= ~(1ULL << (p % 64));
}

/* What Linux's upcall handler does: take sel, clear pending bits. */
static void guest_handle(domid_t id, unsigned int v)
{
	struct vcpu_info *vi = f_vcpu_info(ev(id), v);
	xen_ulong_t sel;
	unsigned int w;

	if (!vi)
		return;
	vi->evtchn_upcall_pending = 0;
	sel = __atomic_exchange_n(&vi->evtchn_pending_sel, 0, __ATOMIC_SEQ_CST);
	for (w = 0; w < 64; w++)
		if (sel >> w & 1)
			doms[id].si->evtchn_pending[w] &= doms[id].si->evtchn_mask[w];
}

/* ---- small wrappers: one op each, result as Xen returns it ---- */

static long alloc_unbound(domid_t cur, domid_t dom, domid_t remote, evtchn_port_t *port)
{
	struct evtchn_alloc_unbound a = { .dom = dom, .remote_dom = remote };
	long rc = evtchn_op(ev(cur), EVTCHNOP_alloc_unbound, &a);

	*port = a.port;
	return rc;
}

static long bind_inter(domid_t cur, domid_t rdom, evtchn_port_t rport, evtchn_port_t *port)
{
	struct evtchn_bind_interdomain b = { .remote_dom = rdom, .remote_port = rport };
	long rc = evtchn_op(ev(cur), EVTCHNOP_bind_interdomain, &b);

	*port = b.local_port;
	return rc;
}

static long bind_virq(domid_t cur, uint32_t virq, uint32_t vcpu, evtchn_port_t *port)
{
	struct evtchn_bind_virq b = { .virq = virq, .vcpu = vcpu };
	long rc = evtchn_op(ev(cur), EVTCHNOP_bind_virq, &b);

	*port = b.port;
	return rc;
}

static long bind_ipi(domid_t cur, uint32_t vcpu, evtchn_port_t *port)
{
	struct evtchn_bind_ipi b = { .vcpu = vcpu };
	long rc = evtchn_op(ev(cur), EVTCHNOP_bind_ipi, &b);

	*port = b.port;
	return rc;
}

static long port_op(domid_t cur, unsigned int cmd, evtchn_port_t port)
{
	struct evtchn_send s = { .port = port };   /* same layout for close/unmask */

	return evtchn_op(ev(cur), cmd, &s);
}

static long status(domid_t cur, domid_t dom, evtchn_port_t port, struct evtchn_status *s)
{
	memset(s, 0xa5, sizeof(*s));
	s->dom = dom;
	s->port = port;
	return evtchn_op(ev(cur), EVTCHNOP_status, s);
}

static long bind_vcpu(domid_t cur, evtchn_port_t port, uint32_t vcpu)
{
	struct evtchn_bind_vcpu b = { .port = port, .vcpu = vcpu };

	return evtchn_op(ev(cur), EVTCHNOP_bind_vcpu, &b);
}

static uint32_t stat_of(domid_t cur, domid_t dom, evtchn_port_t port)
{
	struct evtchn_status s;

	CHECK(status(cur, dom, port, &s) == 0);
	return s.status;
}

static void setup(void)
{
	unsigned int i;

	for (i = 0; i < 3; i++)
		dom_create(i, 4095);
}

static void teardown(void)
{
	unsigned int i;

	for (i = 0; i < NDOM; i++)
		if (doms[i].exists)
			dom_destroy(i);
	CHECK(live_allocs == 0);
	for (i = 0; i < NDOM; i++)
		CHECK(doms[i].refs == 0);
}

/* ---- cases ---- */

static void test_abi(void)
{
	CHECK(sizeof(struct vcpu_info) == 48);
	CHECK(sizeof(struct shared_info) == 1088);
	CHECK(offsetof(struct shared_info, evtchn_pending) == 48);
	CHECK(offsetof(struct shared_info, evtchn_mask) == 560);
	CHECK(sizeof(struct evtchn_status) == 24);
	CHECK(EVTCHN_2L_NR_CHANNELS == 4096);
	CHECK(evtchn_op_size(EVTCHNOP_status) == 24);
	CHECK(evtchn_op_size(EVTCHNOP_bind_pirq) == 0);
	CHECK(evtchn_op_size(99) == 0);
}

static void test_alloc_unbound(void)
{
	evtchn_port_t p, q;
	unsigned int i;

	setup();
	CHECK(alloc_unbound(0, DOMID_SELF, 1, &p) == 0 && p == 1);
	CHECK(stat_of(0, 0, 1) == EVTCHNSTAT_unbound);
	CHECK(alloc_unbound(0, 1, 0, &p) == 0 && p == 1);   /* dom0 for domU */
	CHECK(alloc_unbound(1, 2, 1, &p) == -XEN_EPERM);     /* domU for other */
	CHECK(alloc_unbound(1, 3, 1, &p) == -XEN_ESRCH);
	CHECK(alloc_unbound(1, 1, DOMID_SELF, &p) == 0 && p == 2);
	{
		struct evtchn_status s;

		CHECK(status(1, 1, 2, &s) == 0 && s.u.unbound.dom == 1);
		CHECK(s.vcpu == 0);
	}
	teardown();

	/* Exhaustion: max_port 5 gives ports 1..5, then -ENOSPC. */
	dom_create(0, 5);
	for (i = 1; i <= 5; i++)
		CHECK(alloc_unbound(0, 0, 0, &p) == 0 && p == i);
	CHECK(alloc_unbound(0, 0, 0, &p) == -XEN_ENOSPC);
	CHECK(bind_ipi(0, 0, &p) == -XEN_ENOSPC);
	CHECK(port_op(0, EVTCHNOP_unmask, 6) == -XEN_EINVAL);
	CHECK(port_op(0, EVTCHNOP_close, 3) == 0);
	CHECK(alloc_unbound(0, 0, 0, &q) == 0 && q == 3);    /* lowest free */
	CHECK(port_op(0, EVTCHNOP_close, 6) == -XEN_EINVAL);
	teardown();

	/* A partial last bucket: ports 65..70 exist, 71 does not. */
	dom_create(0, 70);
	for (i = 1; i <= 70; i++)
		CHECK(alloc_unbound(0, 0, 0, &p) == 0 && p == i);
	CHECK(alloc_unbound(0, 0, 0, &p) == -XEN_ENOSPC);
	CHECK(stat_of(0, 0, 70) == EVTCHNSTAT_unbound);
	{
		struct evtchn_status s;

		CHECK(status(0, 0, 71, &s) == -XEN_EINVAL);
		CHECK(status(0, 0, 127, &s) == -XEN_EINVAL);
	}
	CHECK(port_op(0, EVTCHNOP_send, 100) == -XEN_EINVAL);
	teardown();

	/* The whole 2-level space: 4095 usable ports. */
	dom_create(0, 100000);
	for (i = 1; i <= 4095; i++)
		CHECK(alloc_unbound(0, 0, 0, &p) == 0 && p == i);
	CHECK(alloc_unbound(0, 0, 0, &p) == -XEN_ENOSPC);
	teardown();
}

static void test_interdomain(void)
{
	evtchn_port_t u, l, x;
	struct evtchn_status s;

	setup();
	CHECK(alloc_unbound(1, DOMID_SELF, 0, &u) == 0);
	/* Consent: dom2 is not the domain dom1 allowed. */
	CHECK(bind_inter(2, 1, u, &x) == -XEN_EINVAL);
	CHECK(bind_inter(0, 1, u + 50, &x) == -XEN_EINVAL);
	CHECK(bind_inter(0, 1, 4095, &x) == -XEN_EINVAL);
	CHECK(bind_inter(0, 1, 0, &x) == -XEN_EINVAL);
	CHECK(bind_inter(0, 3, u, &x) == -XEN_ESRCH);
	CHECK(bind_inter(0, 1, u, &l) == 0 && l == 1);
	/* The new local port is pending at once, with selector and upcall. */
	CHECK(pending(0, l));
	CHECK(doms[0].si->vcpu_info[0].evtchn_pending_sel == 1);
	CHECK(doms[0].si->vcpu_info[0].evtchn_upcall_pending == 1);
	CHECK(doms[0].kicks[0] == 1);
	CHECK(!pending(1, u));
	/* Already bound: no second consent. */
	CHECK(bind_inter(2, 1, u, &x) == -XEN_EINVAL);
	CHECK(bind_inter(0, 1, u, &x) == -XEN_EINVAL);
	CHECK(status(0, 0, l, &s) == 0 && s.status == EVTCHNSTAT_interdomain);
	CHECK(s.u.interdomain.dom == 1 && s.u.interdomain.port == u);
	CHECK(status(1, 1, u, &s) == 0 && s.status == EVTCHNSTAT_interdomain);
	CHECK(s.u.interdomain.dom == 0 && s.u.interdomain.port == l);
	CHECK(status(1, 0, l, &s) == -XEN_EPERM);

	guest_handle(0, 0);
	CHECK(port_op(0, EVTCHNOP_send, l) == 0);
	CHECK(pending(1, u) && doms[1].kicks[0] == 1);
	CHECK(port_op(1, EVTCHNOP_send, u) == 0);
	CHECK(pending(0, l) && doms[0].kicks[0] == 2);
	/* Already pending: no second upcall. */
	CHECK(port_op(1, EVTCHNOP_send, u) == 0 && doms[0].kicks[0] == 2);

	/* Close from dom1's end: dom0's port waits for dom1 again. */
	CHECK(port_op(1, EVTCHNOP_close, u) == 0);
	CHECK(stat_of(1, 1, u) == EVTCHNSTAT_closed);
	CHECK(!pending(1, u));
	CHECK(status(0, 0, l, &s) == 0 && s.status == EVTCHNSTAT_unbound);
	CHECK(s.u.unbound.dom == 1);
	CHECK(port_op(0, EVTCHNOP_send, l) == 0);   /* dropped */
	CHECK(port_op(1, EVTCHNOP_close, u) == -XEN_EINVAL);
	/* dom1 can bind to it now, then close from dom0's end. */
	CHECK(bind_inter(1, 0, l, &x) == 0);
	CHECK(port_op(0, EVTCHNOP_close, l) == 0);
	CHECK(status(1, 1, x, &s) == 0 && s.status == EVTCHNSTAT_unbound);
	CHECK(s.u.unbound.dom == 0);

	/* Loopback within one domain. */
	CHECK(alloc_unbound(2, 2, 2, &u) == 0);
	CHECK(bind_inter(2, DOMID_SELF, u, &l) == 0 && l != u);
	guest_handle(2, 0);
	doms[2].si->evtchn_pending[0] = 0;
	CHECK(port_op(2, EVTCHNOP_send, l) == 0 && pending(2, u) && !pending(2, l));
	CHECK(port_op(2, EVTCHNOP_close, u) == 0);
	CHECK(stat_of(2, 2, l) == EVTCHNSTAT_unbound);
	teardown();
}

static void test_mask_unmask(void)
{
	evtchn_port_t p, big;
	struct vcpu_info *vi;
	unsigned int i;

	setup();
	vi = &doms[0].si->vcpu_info[0];
	CHECK(bind_ipi(0, 0, &p) == 0);
	set_mask(0, p, true);
	CHECK(port_op(0, EVTCHNOP_send, p) == 0);
	CHECK(pending(0, p) && vi->evtchn_pending_sel == 0 && doms[0].kicks[0] == 0);
	CHECK(port_op(0, EVTCHNOP_unmask, p) == 0);
	CHECK(vi->evtchn_pending_sel == 1 && vi->evtchn_upcall_pending == 1);
	CHECK(doms[0].kicks[0] == 1);
	CHECK(!(doms[0].si->evtchn_mask[0] & 1ULL << p));
	/* Unmasking an unmasked or non-pending port delivers nothing. */
	guest_handle(0, 0);
	CHECK(port_op(0, EVTCHNOP_unmask, p) == 0 && doms[0].kicks[0] == 1);
	set_mask(0, p, true);
	CHECK(port_op(0, EVTCHNOP_unmask, p) == 0 && doms[0].kicks[0] == 1);
	CHECK(vi->evtchn_pending_sel == 0);
	CHECK(port_op(0, EVTCHNOP_unmask, 4096) == -XEN_EINVAL);
	CHECK(port_op(0, EVTCHNOP_unmask, 64) == -XEN_EINVAL);  /* bucket not used */

	/* Selector bit = word of the port: a port in word 1. */
	for (i = 0; i < 70; i++)
		CHECK(bind_ipi(0, 0, &big) == 0);
	CHECK(big == 71);
	CHECK(port_op(0, EVTCHNOP_send, big) == 0);
	CHECK(vi->evtchn_pending_sel == 2 && doms[0].kicks[0] == 2);
	/* Upcall already pending: selector set, no second kick. */
	CHECK(port_op(0, EVTCHNOP_send, p) == 0);
	CHECK(vi->evtchn_pending_sel == 3 && doms[0].kicks[0] == 2);
	teardown();
}

static void test_virq_ipi(void)
{
	evtchn_port_t t, e, c, i1, x;

	setup();
	CHECK(bind_virq(0, VIRQ_TIMER, 1, &t) == 0);
	CHECK(bind_virq(0, VIRQ_TIMER, 1, &x) == -XEN_EEXIST);
	CHECK(bind_virq(0, VIRQ_TIMER, 2, &x) == 0);    /* per-vCPU */
	CHECK(bind_virq(0, VIRQ_DOM_EXC, 1, &x) == -XEN_EINVAL);
	CHECK(bind_virq(0, NR_VIRQS, 0, &x) == -XEN_EINVAL);
	CHECK(bind_virq(0, VIRQ_TIMER, NVCPU, &x) == -XEN_ENOENT);
	CHECK(bind_virq(0, VIRQ_DOM_EXC, 0, &e) == 0);
	CHECK(bind_virq(0, VIRQ_DOM_EXC, 0, &x) == -XEN_EEXIST);
	{
		struct evtchn_status s;

		CHECK(status(0, 0, t, &s) == 0 && s.status == EVTCHNSTAT_virq);
		CHECK(s.u.virq == VIRQ_TIMER && s.vcpu == 1);
	}
	CHECK(evtchn_send_virq(ev(0), 1, VIRQ_TIMER) == 0);
	CHECK(pending(0, t) && doms[0].kicks[1] == 1 && doms[0].kicks[0] == 0);
	CHECK(doms[0].vi[1].evtchn_pending_sel == 1);
	CHECK(evtchn_send_virq(ev(0), 0, VIRQ_TIMER) == -XEN_ENOENT);
	CHECK(evtchn_send_virq(ev(0), 0, VIRQ_DOM_EXC) == -XEN_EINVAL);
	CHECK(evtchn_send_virq(ev(0), NVCPU, VIRQ_TIMER) == -XEN_EINVAL);
	CHECK(evtchn_send_global_virq(ev(0), VIRQ_DOM_EXC) == 0);
	CHECK(pending(0, e) && doms[0].kicks[0] == 1);
	CHECK(evtchn_send_global_virq(ev(0), VIRQ_CONSOLE) == -XEN_ENOENT);
	CHECK(evtchn_send_global_virq(ev(0), VIRQ_TIMER) == -XEN_EINVAL);
	CHECK(evtchn_send_global_virq(ev(0), 200) == -XEN_EINVAL);
	CHECK(port_op(0, EVTCHNOP_send, t) == -XEN_EINVAL);   /* not sendable */
	CHECK(port_op(0, EVTCHNOP_close, t) == 0);
	CHECK(evtchn_send_virq(ev(0), 1, VIRQ_TIMER) == -XEN_ENOENT);
	CHECK(bind_virq(0, VIRQ_TIMER, 1, &x) == 0 && x == t);

	/* vcpu_info moved: all selector bits, one upcall edge. */
	guest_handle(0, 1);
	evtchn_vcpu_info_moved(ev(0), 1);
	CHECK(doms[0].vi[1].evtchn_pending_sel == ~(xen_ulong_t)0);
	CHECK(doms[0].vi[1].evtchn_upcall_pending == 1 && doms[0].kicks[1] == 2);
	evtchn_vcpu_info_moved(ev(0), 1);
	CHECK(doms[0].kicks[1] == 2);
	evtchn_vcpu_info_moved(ev(0), NVCPU);            /* ignored */

	/* IPI to vCPU 2, then to a vCPU without vcpu_info (pending only). */
	CHECK(bind_ipi(0, 2, &i1) == 0);
	CHECK(bind_ipi(0, NVCPU, &x) == -XEN_ENOENT);
	CHECK(port_op(0, EVTCHNOP_send, i1) == 0);
	CHECK(pending(0, i1) && doms[0].kicks[2] == 1);
	CHECK(stat_of(0, 0, i1) == EVTCHNSTAT_ipi);
	doms[1].vi_missing[2] = true;
	CHECK(bind_ipi(1, 2, &c) == 0);
	CHECK(port_op(1, EVTCHNOP_send, c) == 0);
	CHECK(pending(1, c) && doms[1].kicks[2] == 0);
	teardown();
}

static void test_bind_vcpu(void)
{
	evtchn_port_t u, l, t, e, i1;

	setup();
	CHECK(alloc_unbound(1, 1, 0, &u) == 0);
	CHECK(bind_vcpu(1, u, 2) == 0);
	CHECK(bind_inter(0, 1, u, &l) == 0);
	CHECK(port_op(0, EVTCHNOP_send, l) == 0);
	CHECK(doms[1].kicks[2] == 1 && doms[1].kicks[0] == 0);
	CHECK(bind_vcpu(0, l, 1) == 0);
	CHECK(stat_of(0, 0, l) == EVTCHNSTAT_interdomain);
	{
		struct evtchn_status s;

		CHECK(status(0, 0, l, &s) == 0 && s.vcpu == 1);
	}
	CHECK(bind_vcpu(1, u, NVCPU) == -XEN_ENOENT);
	CHECK(bind_vcpu(1, 4000, 0) == -XEN_EINVAL);
	CHECK(bind_vcpu(1, 0, 0) == -XEN_EINVAL);       /* reserved port */
	CHECK(bind_virq(1, VIRQ_TIMER, 0, &t) == 0);
	CHECK(bind_vcpu(1, t, 1) == -XEN_EINVAL);        /* per-vCPU VIRQ */
	CHECK(bind_virq(1, VIRQ_CONSOLE, 0, &e) == 0);
	CHECK(bind_vcpu(1, e, 1) == 0);                  /* global VIRQ moves */
	CHECK(evtchn_send_global_virq(ev(1), VIRQ_CONSOLE) == 0);
	CHECK(doms[1].kicks[1] == 1);
	CHECK(bind_ipi(1, 0, &i1) == 0);
	CHECK(bind_vcpu(1, i1, 1) == -XEN_EINVAL);
	CHECK(bind_vcpu(1, 63, 1) == -XEN_EINVAL);       /* free port */
	teardown();
}

static void test_status_close_send(void)
{
	struct evtchn_status s;

	setup();
	CHECK(status(0, 0, 0, &s) == 0 && s.status == EVTCHNSTAT_closed);
	CHECK(status(0, 0, 63, &s) == 0 && s.status == EVTCHNSTAT_closed);
	CHECK(status(0, 0, 64, &s) == -XEN_EINVAL);
	CHECK(status(0, 0, 0xffffffff, &s) == -XEN_EINVAL);
	CHECK(status(0, 3, 1, &s) == -XEN_ESRCH);
	CHECK(status(1, 2, 1, &s) == -XEN_EPERM);
	CHECK(status(1, DOMID_SELF, 1, &s) == 0);
	CHECK(port_op(0, EVTCHNOP_close, 0) == -XEN_EINVAL);
	CHECK(port_op(0, EVTCHNOP_close, 5) == -XEN_EINVAL);
	CHECK(port_op(0, EVTCHNOP_close, 1u << 31) == -XEN_EINVAL);
	CHECK(port_op(0, EVTCHNOP_send, 0) == -XEN_EINVAL);
	CHECK(port_op(0, EVTCHNOP_send, 7) == -XEN_EINVAL);
	CHECK(port_op(0, EVTCHNOP_send, 99999) == -XEN_EINVAL);
	CHECK(evtchn_op(ev(0), EVTCHNOP_init_control, &s) == -XEN_ENOSYS);
	CHECK(evtchn_op(ev(0), EVTCHNOP_expand_array, &s) == -XEN_ENOSYS);
	CHECK(evtchn_op(ev(0), EVTCHNOP_set_priority, &s) == -XEN_ENOSYS);
	CHECK(evtchn_op(ev(0), EVTCHNOP_bind_pirq, &s) == -XEN_ENOSYS);
	CHECK(evtchn_op(ev(0), 1000, &s) == -XEN_ENOSYS);
	teardown();
}

static void test_reset_destroy(void)
{
	evtchn_port_t u, l, x;
	struct evtchn_reset r = { .dom = 0 };
	struct evtchn_status s;

	setup();
	CHECK(alloc_unbound(1, 1, 0, &u) == 0);
	CHECK(bind_inter(0, 1, u, &l) == 0);
	CHECK(bind_virq(1, VIRQ_TIMER, 0, &x) == 0);
	CHECK(evtchn_op(ev(1), EVTCHNOP_reset, &r) == -XEN_EPERM);
	r.dom = 7;
	CHECK(evtchn_op(ev(0), EVTCHNOP_reset, &r) == -XEN_ESRCH);
	r.dom = 1;
	doms[1].running = true;
	CHECK(evtchn_op(ev(0), EVTCHNOP_reset, &r) == -XEN_EINVAL);
	doms[1].running = false;
	CHECK(evtchn_op(ev(0), EVTCHNOP_reset, &r) == 0);
	CHECK(stat_of(0, 1, u) == EVTCHNSTAT_closed);
	CHECK(stat_of(0, 1, x) == EVTCHNSTAT_closed);
	CHECK(status(0, 0, l, &s) == 0 && s.status == EVTCHNSTAT_unbound);
	CHECK(s.u.unbound.dom == 1);
	CHECK(evtchn_send_virq(ev(1), 0, VIRQ_TIMER) == -XEN_ENOENT);
	CHECK(bind_virq(1, VIRQ_TIMER, 0, &x) == 0);     /* usable again */
	r.dom = DOMID_SELF;
	doms[1].running = true;            /* its own ports: no pause needed */
	CHECK(evtchn_op(ev(1), EVTCHNOP_reset, &r) == 0);

	/* Destroy dom2 while bound to dom0: dom0's port goes back to unbound. */
	CHECK(alloc_unbound(0, 0, 2, &u) == 0);
	CHECK(bind_inter(2, 0, u, &l) == 0);
	dom_destroy(2);
	CHECK(status(0, 0, u, &s) == 0 && s.status == EVTCHNSTAT_unbound);
	CHECK(s.u.unbound.dom == 2);
	CHECK(bind_inter(0, 2, l, &x) == -XEN_ESRCH);
	evtchn_domain_destroy(ev(2));                    /* twice: no-op */
	teardown();
	{
		struct evtchn_domain z;

		CHECK(evtchn_domain_init(&z, 5, 0, 10) == -XEN_EINVAL);
		evtchn_domain_destroy(&z);
		CHECK(evtchn_op(&z, EVTCHNOP_send, &z) == -XEN_EINVAL);
	}
	{
		/* Known to the core, evtchn state not set up: as absent. */
		evtchn_port_t p;

		setup();
		evtchn_domain_destroy(ev(2));
		CHECK(alloc_unbound(0, 2, 0, &p) == -XEN_ESRCH);
		CHECK(bind_inter(0, 2, 1, &p) == -XEN_ESRCH);
		CHECK(evtchn_send_global_virq(ev(2), VIRQ_DOM_EXC) == -XEN_EINVAL);
		teardown();
	}
}

/* ---- random-operation fuzz ---- */

static __thread uint64_t rng_state;  /* per thread for the SMP run */

static unsigned int rnd(unsigned int n)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return (unsigned int)(rng_state % n);
}

static domid_t rnd_dom(void)
{
	static const domid_t ids[] = { 0, 1, 2, 3, DOMID_SELF, 100 };

	return ids[rnd(ARRAY_SIZE(ids))];
}

static domid_t live_dom(void)
{
	domid_t d;

	do
		d = rnd(3);
	while (!doms[d].exists);
	return d;
}

static bool rc_ok(long rc)
{
	switch (rc) {
	case 0: case -XEN_EINVAL: case -XEN_ENOENT: case -XEN_ESRCH:
	case -XEN_EPERM: case -XEN_ENOSPC: case -XEN_EEXIST: case -XEN_ENOSYS:
		return true;
	default:
		return false;
	}
}

static long fuzz_port_ops(domid_t c, unsigned int what)
{
	evtchn_port_t p = rnd(80), x;
	struct evtchn_status s;

	memset(&s, rnd(256), sizeof(s));    /* random arguments for random ops */

	switch (what) {
	case 0: return alloc_unbound(c, rnd_dom(), rnd_dom(), &x);
	case 1: return bind_inter(c, rnd_dom(), p, &x);
	case 2: return bind_virq(c, rnd(NR_VIRQS + 2), rnd(NVCPU + 1), &x);
	case 3: return bind_ipi(c, rnd(NVCPU + 1), &x);
	case 4: return port_op(c, EVTCHNOP_send, p);
	case 5: return port_op(c, EVTCHNOP_close, p);
	case 6: return port_op(c, EVTCHNOP_unmask, p);
	case 7: return status(c, rnd_dom(), p, &s);
	default: return evtchn_op(ev(c), rnd(16), &s);
	}
}

/* One random step by a random live domain (or by the hypervisor). */
static long fuzz_step(void)
{
	domid_t c = live_dom(), t;
	unsigned int v, what = rnd(16);
	long rc = 0;

	if (what < 9)
		return fuzz_port_ops(c, what);
	switch (what) {
	case 9:
		rc = bind_vcpu(c, rnd(80), rnd(NVCPU + 1));
		for (v = 0; v < NVCPU; v++)
			guest_handle(c, v);     /* see invariant (c) below */
		return rc;
	case 10:
		/* Guests mask directly but unmask a pending port by hypercall. */
		set_mask(c, rnd(80), true);
		return 0;
	case 11:
		guest_handle(c, rnd(NVCPU));
		return 0;
	case 12:
		rc = evtchn_send_virq(ev(c), rnd(NVCPU + 1), rnd(NR_VIRQS + 1));
		return rc == -XEN_ENOENT ? 0 : rc;
	case 13:
		rc = evtchn_send_global_virq(ev(c), rnd(NR_VIRQS + 1));
		return rc == -XEN_ENOENT ? 0 : rc;
	case 14: {
		struct evtchn_reset r = { .dom = rnd(20) ? c : rnd_dom() };

		return rnd(8) ? 0 : evtchn_op(ev(c), EVTCHNOP_reset, &r);
	}
	default:
		t = rnd(3);
		if (rnd(30))
			return 0;
		if (doms[t].exists && t != 0)
			dom_destroy(t);
		else if (!doms[t].exists)
			dom_create(t, 10 + rnd(120));
		return 0;
	}
}

/* Links are symmetric; closed ports are not pending. */
static bool check_port_links(domid_t d, evtchn_port_t p, struct evtchn_status *s)
{
	struct evtchn_status r;

	if (status(0, d, p, s))
		return true;
	if (s->status == EVTCHNSTAT_closed)
		return p == 0 || !pending(d, p);
	if (s->status != EVTCHNSTAT_interdomain)
		return true;
	if (!doms[s->u.interdomain.dom].exists ||
	    status(0, s->u.interdomain.dom, s->u.interdomain.port, &r))
		return false;
	return r.status == EVTCHNSTAT_interdomain && r.u.interdomain.dom == d &&
	       r.u.interdomain.port == p;
}

/* (c) pending and unmasked implies selector and upcall on its vCPU. */
static bool check_delivery(domid_t d, evtchn_port_t p, const struct evtchn_status *s)
{
	struct vcpu_info *vi;

	if (s->status == EVTCHNSTAT_closed || !pending(d, p) ||
	    doms[d].si->evtchn_mask[p / 64] >> (p % 64) & 1)
		return true;
	vi = f_vcpu_info(ev(d), s->vcpu);
	if (!vi)
		return true;
	return (vi->evtchn_pending_sel >> (p / 64) & 1) && vi->evtchn_upcall_pending;
}

static bool invariants(void)
{
	struct evtchn_status s;
	domid_t d;
	evtchn_port_t p;

	for (d = 0; d < NDOM; d++) {
		if (doms[d].refs)
			return false;
		if (!doms[d].exists)
			continue;
		for (p = 0; p < 192; p++) {
			if (!check_port_links(d, p, &s)) {
				fprintf(stderr, "fuzz: d%u port %u: bad link or stale pending\n", d, p);
				return false;
			}
			if (!check_delivery(d, p, &s)) {
				fprintf(stderr, "fuzz: d%u port %u: pending, unmasked, no upcall\n", d, p);
				return false;
			}
		}
	}
	return true;
}

static bool fuzz_run(uint64_t seed, unsigned int steps)
{
	unsigned int i;
	long rc;

	rng_state = seed ? seed : 1;
	dom_create(0, 4095);
	dom_create(1, 20);
	dom_create(2, 150);
	doms[2].vi_missing[2] = true;
	for (i = 0; i < steps; i++) {
		rc = fuzz_step();
		if (!rc_ok(rc) || !invariants()) {
			fprintf(stderr, "fuzz: seed %llu step %u rc %ld\n",
				(unsigned long long)seed, i, rc);
			teardown();
			return false;
		}
	}
	teardown();
	return live_allocs == 0;
}

static void test_fuzz(void)
{
	time_t end = time(NULL) + 3;
	unsigned int runs = 0;
	uint64_t seed;

	CHECK(fuzz_run(12345, 20000));
	while (time(NULL) < end) {
		seed = (uint64_t)time(NULL) * 2654435761u + runs;
		CHECK(fuzz_run(seed, 2000));
		runs++;
	}
	printf("evtchn fuzz: fixed seed + %u random seeds\n", runs);
}

/*
 * Two threads issue random port operations at once (as two vCPUs or two
 * domains would): no deadlock, no sanitizer report, invariants hold after.
 */
static void *smp_worker(void *arg)
{
	unsigned int i;

	rng_state = (uintptr_t)arg;
	for (i = 0; i < 20000; i++)
		if (!rc_ok(fuzz_port_ops(rnd(3), rnd(9))))
			return arg;
	return NULL;
}

static void test_smp(void)
{
	pthread_t t[2];
	void *r[2];
	unsigned int i;

	dom_create(0, 4095);
	dom_create(1, 40);
	dom_create(2, 150);
	for (i = 0; i < 2; i++)
		CHECK(pthread_create(&t[i], NULL, smp_worker, (void *)(uintptr_t)(77 + i)) == 0);
	for (i = 0; i < 2; i++) {
		CHECK(pthread_join(t[i], &r[i]) == 0);
		CHECK(r[i] == NULL);
	}
	CHECK(invariants());
	teardown();
}

int main(void)
{
	evtchn_set_ops(&fake_ops);
	test_abi();
	test_alloc_unbound();
	test_interdomain();
	test_mask_unmask();
	test_virq_ipi();
	test_bind_vcpu();
	test_status_close_send();
	test_reset_destroy();
	test_fuzz();
	test_smp();
	return check_result("test-evtchn");
}
