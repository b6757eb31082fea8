// SPDX-License-Identifier: GPL-2.0-only
/*
 * hvm_op on Arm: HVMOP_set_param / HVMOP_get_param only, as Xen 4.17's
 * arch/arm/hvm.c. Parameters are stored per domain (xenstore and console
 * ring pfns and event channels, the callback IRQ, ...); any index below
 * HVM_NR_PARAMS is storage, others -EINVAL. A domain may read and set its
 * own; another domain's needs the control domain (dummy XSM_TARGET).
 */
#include <asm/domain.h>
#include <asm/guest.h>
#include <public/errno.h>
#include <public/hvm/params.h>
#include <xen/domain.h>
#include <xen/hvm.h>
#include <xen/lib.h>
#include <xen/xsm.h>

/* The domain `domid` names for `cur`, or NULL (no such domain). */
static struct domain *param_target(struct domain *cur, domid_t domid)
{
	if (domid == DOMID_SELF)
		return cur;
	return domain_by_id(domid);
}

static long hvm_param(struct domain *cur, unsigned int op, struct xen_hvm_param *a)
{
	struct domain *d;

	if (a->index >= HVM_NR_PARAMS)
		return -XEN_EINVAL;
	d = param_target(cur, a->domid);
	if (!d)
		return -XEN_ESRCH;
	if (!xsm_may_target(cur, d))
		return -XEN_EPERM;
	if (op == HVMOP_set_param)
		d->hvm_param[a->index] = a->value;
	else
		a->value = d->hvm_param[a->index];
	return 0;
}

long do_hvm_op(struct cpu_regs *regs)
{
	struct domain *cur = current_vcpu()->domain;
	unsigned int op = (unsigned int)regs->x[0];
	struct xen_hvm_param a;
	long rc;

	if (op != HVMOP_set_param && op != HVMOP_get_param)
		return -XEN_ENOSYS;
	if (copy_from_guest(&a, regs->x[1], sizeof(a)))
		return -XEN_EFAULT;
	rc = hvm_param(cur, op, &a);
	if (!rc && op == HVMOP_get_param && copy_to_guest(regs->x[1], &a, sizeof(a)))
		return -XEN_EFAULT;
	return rc;
}

uint64_t hvm_get_param(const struct domain *d, unsigned int index)
{
	return index < HVM_NR_PARAMS ? d->hvm_param[index] : 0;
}

int hvm_set_param(struct domain *d, unsigned int index, uint64_t value)
{
	if (index >= HVM_NR_PARAMS)
		return -XEN_EINVAL;
	d->hvm_param[index] = value;
	return 0;
}
