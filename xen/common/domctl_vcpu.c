// SPDX-License-Identifier: GPL-2.0-only
/*
 * domctl commands about one vCPU or the domain's scheduling: context
 * (setvcpucontext/getvcpucontext: xenctx, the domain builder), state
 * (getvcpuinfo: xl vcpu-list), affinity and scheduler parameters (libxl
 * sets them while it builds a domain).
 */
#include <public/domctl.h>
#include <public/errno.h>
#include <public/sysctl.h>
#include <xen/domctl.h>
#include <xen/guest_access.h>
#include <xen/lib.h>
#include <xen/sched.h>

static struct vcpu *vcpu_of(struct domain *d, uint32_t id, long *err)
{
	*err = id < d->nr_vcpus && d->vcpu[id] ? 0 : -XEN_EINVAL;
	return *err ? NULL : d->vcpu[id];
}

/* Every physical CPU, in the caller's bitmap (rest zero, as Xen). */
static int fill_cpumap(const struct xenctl_bitmap *map)
{
	unsigned int cpus = arch_nr_cpus(), i;
	uint32_t bytes = (map->nr_bits + 7) / 8;

	for (i = 0; i < bytes; i++) {
		uint8_t b = 0;
		unsigned int bit;

		for (bit = 0; bit < 8; bit++)
			if (i * 8 + bit < cpus && i * 8 + bit < map->nr_bits)
				b |= (uint8_t)(1U << bit);
		if (copy_to_guest(map->bitmap.q + i, &b, 1))
			return -XEN_EFAULT;
	}
	return 0;
}

/* No pinning yet: every vCPU may run anywhere; a set is accepted and the
 * effective (all-CPU) affinity is reported back, as Xen reports its own. */
long dc_vcpuaffinity(struct domain *caller, struct domain *d, struct xen_domctl *op)
{
	struct xen_domctl_vcpuaffinity *a = &op->u.vcpuaffinity;
	long err;

	if (!vcpu_of(d, a->vcpu, &err))
		return err;
	if (!(a->flags & (XEN_VCPUAFFINITY_HARD | XEN_VCPUAFFINITY_SOFT)))
		return -XEN_EINVAL;
	if ((a->flags & XEN_VCPUAFFINITY_HARD) && fill_cpumap(&a->cpumap_hard))
		return -XEN_EFAULT;
	if ((a->flags & XEN_VCPUAFFINITY_SOFT) && fill_cpumap(&a->cpumap_soft))
		return -XEN_EFAULT;
	return 0;
}

/* One NUMA node: a set must name it; a get reports it. */
long dc_nodeaffinity(struct domain *caller, struct domain *d, struct xen_domctl *op)
{
	struct xenctl_bitmap *m = &op->u.nodeaffinity.nodemap;
	uint8_t b = 0;

	if (op->cmd == XEN_DOMCTL_getnodeaffinity)
		return m->nr_bits && copy_to_guest(m->bitmap.q, &(uint8_t){ 1 }, 1) ?
		       -XEN_EFAULT : 0;
	if (!m->nr_bits || copy_from_guest(&b, m->bitmap.q, 1))
		return -XEN_EINVAL;
	return b & 1 ? 0 : -XEN_EINVAL;
}

/*
 * The builder's entry state for a vCPU (PC, x0 = DTB; the rest is the
 * Arm boot state of arch_vcpu_reset). An online vCPU starts when the
 * toolstack first unpauses the domain, or at once if it already did.
 */
long dc_setvcpucontext(struct domain *caller, struct domain *d, struct xen_domctl *op)
{
	struct vcpu_guest_context ctx;
	struct vcpu *v;
	long err;

	v = vcpu_of(d, op->u.vcpucontext.vcpu, &err);
	if (!v)
		return err;
	if (!d->pause_count)
		return -XEN_EBUSY;
	if (copy_from_guest(&ctx, op->u.vcpucontext.ctxt.q, sizeof(ctx)))
		return -XEN_EFAULT;
	if (arch_check_vcpu_context(v, &ctx))
		return -XEN_EINVAL;
	v->boot_pc = ctx.user_regs.pc64;
	v->boot_x0 = ctx.user_regs.x[0];
	v->boot_pending = ctx.flags & VGCF_online;
	if (v->boot_pending && d->started && !vcpu_is_online(v)) {
		v->boot_pending = false;
		vcpu_start(v, v->boot_pc, v->boot_x0);
	}
	return 0;
}

long dc_getvcpucontext(struct domain *caller, struct domain *d, struct xen_domctl *op)
{
	struct vcpu_guest_context ctx;
	struct vcpu *v;
	long err;

	v = vcpu_of(d, op->u.vcpucontext.vcpu, &err);
	if (!v)
		return err;
	if (d == caller)	/* its own registers are live, not saved */
		return -XEN_EINVAL;
	memset(&ctx, 0, sizeof(ctx));
	arch_get_vcpu_context(v, &ctx);
	ctx.flags = vcpu_is_online(v) || v->boot_pending ? VGCF_online : 0;
	return copy_to_guest(op->u.vcpucontext.ctxt.q, &ctx, sizeof(ctx)) ? -XEN_EFAULT : 0;
}

long dc_getvcpuinfo(struct domain *caller, struct domain *d, struct xen_domctl *op)
{
	struct xen_domctl_getvcpuinfo *i = &op->u.getvcpuinfo;
	struct vcpu_runinfo ri;
	struct vcpu *v;
	long err;

	v = vcpu_of(d, i->vcpu, &err);
	if (!v)
		return err;
	vcpu_get_runinfo(v, &ri);
	i->online = ri.state != VCPU_OFFLINE;
	i->running = ri.state == VCPU_RUNNING;
	i->blocked = ri.state == VCPU_BLOCKED;
	i->cpu_time = ri.time_ns;
	i->cpu = ri.pcpu;
	return 0;
}

/* credit2's per-domain weight and cap, kept for the toolstack. */
long dc_scheduler_op(struct domain *caller, struct domain *d, struct xen_domctl *op)
{
	struct xen_domctl_scheduler_op *s = &op->u.scheduler_op;

	if (s->sched_id != DOMCTL_SCHEDULER)
		return -XEN_EINVAL;
	switch (s->cmd) {
	case XEN_DOMCTL_SCHEDOP_putinfo:
		if (s->u.credit2.weight)
			d->sched_weight = s->u.credit2.weight;
		d->sched_cap = s->u.credit2.cap;
		return 0;
	case XEN_DOMCTL_SCHEDOP_getinfo:
		s->u.credit2.weight = d->sched_weight ? d->sched_weight : DOMCTL_DEFAULT_WEIGHT;
		s->u.credit2.cap = d->sched_cap;
		return 0;
	default:
		return -XEN_EINVAL;
	}
}
