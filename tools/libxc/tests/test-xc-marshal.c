/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * libxc argument marshalling against a recording OS layer (our own lower
 * layer, not a peer): checks the hypercall numbers, interface versions,
 * commands and struct contents each wrapper hands to privcmd, and that
 * results and errors come back.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xenctrl.h"

static privcmd_hypercall_t last;
static unsigned char last_arg[512];
static int fail_errno;
static int failures;

#define CHECK(c) do { if (!(c)) { fprintf(stderr, "FAIL %s:%d: %s\n", __FILE__, __LINE__, #c); failures++; } } while (0)

/* Plays the hypervisor for the few calls the tests make. */
static void answer_domctl(struct xen_domctl *d)
{
	if (d->cmd == XEN_DOMCTL_createdomain)
		d->domain = 7;
	if (d->cmd == XEN_DOMCTL_getdomaininfo) {
		d->u.getdomaininfo.domain = d->domain;
		d->u.getdomaininfo.tot_pages = 32768;
		d->u.getdomaininfo.flags = XEN_DOMINF_running;
	}
}

static long fake_hypercall(void *priv, privcmd_hypercall_t *c)
{
	void *arg = (void *)(uintptr_t)(c->op == __HYPERVISOR_domctl || c->op == __HYPERVISOR_sysctl
					     ? c->arg[0] : c->arg[1]);

	last = *c;
	if (arg)
		memcpy(last_arg, arg, c->op == __HYPERVISOR_domctl ? sizeof(struct xen_domctl)
				      : c->op == __HYPERVISOR_sysctl ? sizeof(struct xen_sysctl) : 16);
	if (fail_errno) {
		errno = fail_errno;
		return -1;
	}
	if (c->op == __HYPERVISOR_domctl)
		answer_domctl(arg);
	if (c->op == __HYPERVISOR_sysctl && ((struct xen_sysctl *)arg)->cmd == XEN_SYSCTL_physinfo)
		((struct xen_sysctl *)arg)->u.physinfo.nr_cpus = 4;
	if (c->op == __HYPERVISOR_xen_version && c->arg[0] == XENVER_version)
		return (4 << 16) | 17;
	if (c->op == __HYPERVISOR_event_channel_op)
		((struct evtchn_alloc_unbound *)arg)->port = 5;
	return 0;
}

static void *fake_alloc(void *priv, size_t len) { return calloc(1, len); }
static void fake_free(void *priv, void *p, size_t len) { free(p); }

static const struct xc_osdep_ops fake_ops = {
	.hypercall = fake_hypercall, .buf_alloc = fake_alloc, .buf_free = fake_free,
};

static void test_domctls(xc_interface *xch)
{
	struct xen_domctl_createdomain cd = { .max_vcpus = 2, .grant_opts = 1 };
	struct xen_domctl *d = (struct xen_domctl *)last_arg;
	xc_domaininfo_t info;
	uint32_t domid = 0;

	CHECK(xc_domain_create(xch, &domid, &cd) == 0 && domid == 7);
	CHECK(last.op == __HYPERVISOR_domctl && d->cmd == XEN_DOMCTL_createdomain);
	CHECK(d->interface_version == 0x15 && d->u.createdomain.max_vcpus == 2);
	CHECK(xc_domain_pause(xch, 3) == 0 && d->cmd == XEN_DOMCTL_pausedomain && d->domain == 3);
	CHECK(xc_domain_setmaxmem(xch, 3, 132096) == 0 && d->u.max_mem.max_memkb == 132096);
	CHECK(xc_domain_getinfo_single(xch, 3, &info) == 0 && info.tot_pages == 32768);
	CHECK(xc_domain_max_vcpus(xch, 3, 4) == 0 && d->cmd == XEN_DOMCTL_max_vcpus &&
	      d->u.max_vcpus.max == 4);
}

static void test_sysctls(xc_interface *xch)
{
	struct xen_sysctl *s = (struct xen_sysctl *)last_arg;
	xc_physinfo_t p;

	CHECK(xc_physinfo(xch, &p) == 0 && p.nr_cpus == 4);
	CHECK(last.op == __HYPERVISOR_sysctl && s->cmd == XEN_SYSCTL_physinfo &&
	      s->interface_version == 0x15);
}

static void test_others(xc_interface *xch)
{
	CHECK(xc_version(xch, XENVER_version, NULL) == ((4 << 16) | 17));
	CHECK(last.op == __HYPERVISOR_xen_version && last.arg[0] == XENVER_version && !last.arg[1]);
	CHECK(xc_evtchn_alloc_unbound(xch, 7, 0) == 5);
	CHECK(last.op == __HYPERVISOR_event_channel_op && last.arg[0] == EVTCHNOP_alloc_unbound);
	CHECK(((struct evtchn_alloc_unbound *)last_arg)->dom == 7);
	CHECK(xc_hvm_param_set(xch, 7, HVM_PARAM_STORE_EVTCHN, 5) == 0);
	CHECK(last.op == __HYPERVISOR_hvm_op && last.arg[0] == HVMOP_set_param);
	CHECK(((struct xen_hvm_param *)last_arg)->index == HVM_PARAM_STORE_EVTCHN);
	CHECK(xc_version(xch, 99, NULL) == -1 && errno == EINVAL);
}

static void test_errors(xc_interface *xch)
{
	xc_domaininfo_t info;

	fail_errno = ESRCH;
	CHECK(xc_domain_getinfo_single(xch, 9, &info) == -1 && errno == ESRCH);
	CHECK(xc_domain_unpause(xch, 9) == -1 && errno == ESRCH);
	fail_errno = 0;
}

int main(void)
{
	xc_interface *xch = xc_interface_open_ops(&fake_ops, NULL);

	if (!xch)
		return 1;
	test_domctls(xch);
	test_sysctls(xch);
	test_others(xch);
	test_errors(xch);
	xc_interface_close(xch);
	if (!failures)
		puts("libxc marshalling: all checks passed");
	return failures ? 1 : 0;
}
