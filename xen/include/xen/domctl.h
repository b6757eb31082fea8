/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * domctl and sysctl (common/domctl.c, domctl_vcpu.c, sysctl.c): the
 * hypercall entries and what their handlers share.
 */
#ifndef XEN_DOMCTL_H
#define XEN_DOMCTL_H

#include <public/domctl.h>
#include <xen/domain.h>

/*
 * The hypercalls: `caller` passed a guest virtual address of its struct
 * xen_domctl / xen_sysctl. Control domain only (-EPERM), interface version
 * 0x15 (-EACCES); then what Xen 4.17 returns for the command.
 */
long do_domctl(struct domain *caller, uint64_t arg);
long do_sysctl(struct domain *caller, uint64_t arg);

/* XEN_DOMCTL_getdomaininfo's record of `d` (also getdomaininfolist's). */
void domctl_fill_info(const struct domain *d, struct xen_domctl_getdomaininfo *info);

/* The scheduler the toolstack is told about (sched_id, scheduler_op). */
#define DOMCTL_SCHEDULER XEN_SCHEDULER_CREDIT2
#define DOMCTL_DEFAULT_WEIGHT 256

/* vCPU commands (domctl_vcpu.c); the domctl lock is held. */
long dc_nodeaffinity(struct domain *caller, struct domain *d, struct xen_domctl *op);
long dc_vcpuaffinity(struct domain *caller, struct domain *d, struct xen_domctl *op);
long dc_setvcpucontext(struct domain *caller, struct domain *d, struct xen_domctl *op);
long dc_getvcpucontext(struct domain *caller, struct domain *d, struct xen_domctl *op);
long dc_getvcpuinfo(struct domain *caller, struct domain *d, struct xen_domctl *op);
long dc_scheduler_op(struct domain *caller, struct domain *d, struct xen_domctl *op);

#endif
