// SPDX-License-Identifier: GPL-2.0-only
/*
 * sysctl: host-wide information for the toolstack (xl info, xl list,
 * xl dmesg, libxl's cpupool and NUMA look-ups), Xen 4.17's interface
 * version 0x15. Same shape as domctl: copy in, control domain only
 * (-EPERM), version (-EACCES), one table by command, copy back on success.
 */
#include <public/errno.h>
#include <public/sysctl.h>
#include <xen/console.h>
#include <xen/domctl.h>
#include <xen/guest_access.h>
#include <xen/lib.h>
#include <xen/memory.h>
#include <xen/mm.h>
#include <xen/xsm.h>

#define NR_NODES 1

typedef long (*sysctl_fn)(struct xen_sysctl *op);

/* xl dmesg: the printk history (console-ring.c), copied out in chunks;
 * count in = room in the caller's buffer, out = characters given. */
static long sc_readconsole(struct xen_sysctl *op)
{
	struct xen_sysctl_readconsole *r = &op->u.readconsole;
	uint32_t index = r->index, done = 0;
	bool from_index = r->incremental;
	char chunk[256];

	while (done < r->count) {
		size_t want = r->count - done < sizeof(chunk) ? r->count - done : sizeof(chunk);
		size_t n = console_ring_read(chunk, want, &index, from_index, false);

		if (!n)
			break;
		if (copy_to_guest(r->buffer.q + done, chunk, n))
			return -XEN_EFAULT;
		done += (uint32_t)n;
		from_index = true;	/* the next chunk continues this one */
	}
	r->count = done;
	r->index = index;
	if (r->clear)
		console_ring_read(chunk, 0, &index, false, true);
	return 0;
}

/* More keys than a person types at once: -EINVAL, so a stray count cannot
 * keep the hypervisor printing for minutes with domctl_lock held. */
#define MAX_DEBUG_KEYS 256

/* xl debug-keys: the keys' handlers (keyhandler.c) run one by one. */
static long sc_debug_keys(struct xen_sysctl *op)
{
	const struct xen_sysctl_debug_keys *k = &op->u.debug_keys;
	uint32_t i;
	char key;

	if (k->nr_keys > MAX_DEBUG_KEYS)
		return -XEN_EINVAL;
	for (i = 0; i < k->nr_keys; i++) {
		if (copy_from_guest(&key, k->keys.q + i, 1))
			return -XEN_EFAULT;
		keyhandler_run((unsigned char)key);
	}
	return 0;
}

static long sc_physinfo(struct xen_sysctl *op)
{
	struct xen_sysctl_physinfo *p = &op->u.physinfo;

	memset(p, 0, sizeof(*p));
	p->threads_per_core = 1;
	p->cores_per_socket = 1;
	p->nr_cpus = arch_nr_cpus();
	p->max_cpu_id = p->nr_cpus - 1;
	p->nr_nodes = NR_NODES;
	p->cpu_khz = arch_cpu_khz();
	p->capabilities = XEN_SYSCTL_PHYSCAP_hvm | XEN_SYSCTL_PHYSCAP_hap |
			  XEN_SYSCTL_PHYSCAP_gnttab_v1;
	p->total_pages = page_alloc_total();
	p->free_pages = domain_heap_free_pages();
	return 0;
}

static long sc_sched_id(struct xen_sysctl *op)
{
	op->u.sched_id.sched_id = DOMCTL_SCHEDULER;
	return 0;
}

static long sc_getdomaininfolist(struct xen_sysctl *op)
{
	struct xen_sysctl_getdomaininfolist *l = &op->u.getdomaininfolist;
	struct xen_domctl_getdomaininfo info;
	unsigned int n = 0, id = l->first_domain;
	struct domain *d;

	while (n < l->max_domains && (d = domain_next(id))) {
		domctl_fill_info(d, &info);
		if (copy_to_guest(l->buffer.q + (uint64_t)n * sizeof(info), &info, sizeof(info)))
			return -XEN_EFAULT;
		n++;
		id = d->domid + 1U;
	}
	l->num_domains = n;
	return 0;
}

/* The first `cpus` bits set in the caller's bitmap, the rest zero. */
static int put_cpumap(const struct xenctl_bitmap *map, unsigned int cpus)
{
	uint32_t bytes = (map->nr_bits + 7) / 8, i;

	for (i = 0; i < bytes; i++) {
		unsigned int left = cpus > i * 8 ? cpus - i * 8 : 0;
		uint8_t b = left >= 8 ? 0xff : (uint8_t)((1U << left) - 1);

		if (copy_to_guest(map->bitmap.q + i, &b, 1))
			return -XEN_EFAULT;
	}
	return 0;
}

static unsigned int count_domains(void)
{
	unsigned int n = 0;
	struct domain *d;

	for (d = domain_next(0); d; d = domain_next(d->domid + 1U))
		n++;
	return n;
}

/* One pool, 0, holding every CPU and domain; no free CPUs, no others. */
static long sc_cpupool_op(struct xen_sysctl *op)
{
	struct xen_sysctl_cpupool_op *c = &op->u.cpupool_op;

	switch (c->op) {
	case XEN_SYSCTL_CPUPOOL_OP_INFO:
		if (c->cpupool_id != 0 && c->cpupool_id != XEN_SYSCTL_CPUPOOL_PAR_ANY)
			return -XEN_ENOENT;
		c->cpupool_id = 0;
		c->sched_id = DOMCTL_SCHEDULER;
		c->n_dom = count_domains();
		return put_cpumap(&c->cpumap, arch_nr_cpus());
	case XEN_SYSCTL_CPUPOOL_OP_FREEINFO:
		return put_cpumap(&c->cpumap, 0);
	default:
		return -XEN_EOPNOTSUPP;
	}
}

/* Every CPU its own core and socket on node 0 (as xl info shows on the
 * reference: 1 thread per core, 1 core per socket). A NULL handle asks
 * for the count only. */
static long sc_cputopoinfo(struct xen_sysctl *op)
{
	struct xen_sysctl_cputopoinfo *t = &op->u.cputopoinfo;
	unsigned int cpus = arch_nr_cpus(), i;

	if (t->cputopo.q) {
		for (i = 0; i < cpus && i < t->num_cpus; i++) {
			struct xen_sysctl_cputopo c = { .core = 0, .socket = i, .node = 0 };

			if (copy_to_guest(t->cputopo.q + i * sizeof(c), &c, sizeof(c)))
				return -XEN_EFAULT;
		}
	}
	t->num_cpus = cpus;
	return 0;
}

static long sc_numainfo(struct xen_sysctl *op)
{
	struct xen_sysctl_numainfo *n = &op->u.numainfo;
	struct xen_sysctl_meminfo m = {
		.memsize = (uint64_t)page_alloc_total() << PAGE_SHIFT,
		.memfree = (uint64_t)domain_heap_free_pages() << PAGE_SHIFT,
	};
	uint32_t dist = 10;	/* a node's distance to itself (ACPI SLIT) */

	if (n->num_nodes >= NR_NODES && n->meminfo.q &&
	    copy_to_guest(n->meminfo.q, &m, sizeof(m)))
		return -XEN_EFAULT;
	if (n->num_nodes >= NR_NODES && n->distance.q &&
	    copy_to_guest(n->distance.q, &dist, sizeof(dist)))
		return -XEN_EFAULT;
	n->num_nodes = NR_NODES;
	return 0;
}

static const sysctl_fn sysctl_cmds[] = {
	[XEN_SYSCTL_readconsole] = sc_readconsole,
	[XEN_SYSCTL_physinfo] = sc_physinfo,
	[XEN_SYSCTL_debug_keys] = sc_debug_keys,
	[XEN_SYSCTL_sched_id] = sc_sched_id,
	[XEN_SYSCTL_getdomaininfolist] = sc_getdomaininfolist,
	[XEN_SYSCTL_cputopoinfo] = sc_cputopoinfo,
	[XEN_SYSCTL_numainfo] = sc_numainfo,
	[XEN_SYSCTL_cpupool_op] = sc_cpupool_op,
};

long do_sysctl(struct domain *caller, uint64_t arg)
{
	struct xen_sysctl op;
	sysctl_fn fn;
	long rc;

	if (!is_control_domain(caller))
		return -XEN_EPERM;
	if (copy_from_guest(&op, arg, sizeof(op)))
		return -XEN_EFAULT;
	if (op.interface_version != XEN_SYSCTL_INTERFACE_VERSION)
		return -XEN_EACCES;
	fn = op.cmd < ARRAY_SIZE(sysctl_cmds) ? sysctl_cmds[op.cmd] : NULL;
	if (!fn)
		return -XEN_ENOSYS;
	domctl_lock();
	rc = fn(&op);
	domctl_unlock();
	if (!rc && copy_to_guest(arg, &op, sizeof(op)))
		return -XEN_EFAULT;
	return rc;
}
