/* SPDX-License-Identifier: GPL-2.0-only */
/* hvm_op parameters (common/hvm.c): per-domain HVM_PARAM_* storage. */
#ifndef XEN_HVM_H
#define XEN_HVM_H

#include <xen/types.h>

struct cpu_regs;
struct domain;

/* __HYPERVISOR_hvm_op(op, arg): HVMOP_set_param / HVMOP_get_param. */
long do_hvm_op(struct cpu_regs *regs);

/* For the core (domain builders): 0 for an unknown index / -EINVAL. */
uint64_t hvm_get_param(const struct domain *d, unsigned int index);
int hvm_set_param(struct domain *d, unsigned int index, uint64_t value);

#endif
