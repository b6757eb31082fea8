// SPDX-License-Identifier: GPL-2.0-only
/*
 * __HYPERVISOR_multicall(call_list, nr_calls): each struct multicall_entry
 * {op, result, args[6]} runs through the same hypercall table as a trap
 * would, and its result is written back. A multicall inside a multicall
 * gets -EINVAL as that entry's result (Xen's MCSF_in_multicall). Long lists
 * are continued: the guest re-issues the call for the rest.
 */
#include <asm/domain.h>
#include <asm/guest.h>
#include <public/errno.h>
#include <public/xen.h>
#include <xen/lib.h>
#include <xen/multicall.h>
#include <xen/percpu.h>

#define MULTICALL_BATCH 32

static bool in_multicall[NR_CPUS];

bool hypercall_in_multicall(void)
{
	return in_multicall[this_cpu()->id];
}

/* Runs one entry as if trapped: a private register frame, same table. */
static long multicall_one(const struct multicall_entry *e)
{
	struct cpu_regs regs = { 0 };
	unsigned int i;

	for (i = 0; i < 5; i++)
		regs.x[i] = e->args[i];
	regs.x[16] = e->op;
	return hypercall_dispatch(&regs);
}

/* Copy in, run, write the result field back; -EFAULT stops the list. */
static long multicall_entry_at(uint64_t gva)
{
	struct multicall_entry e;

	if (copy_from_guest(&e, gva, sizeof(e)))
		return -XEN_EFAULT;
	e.result = multicall_one(&e);
	if (copy_to_guest(gva + offsetof(struct multicall_entry, result), &e.result,
			  sizeof(e.result)))
		return -XEN_EFAULT;
	return 0;
}

static long multicall_list(struct cpu_regs *regs)
{
	uint64_t list = regs->x[0], nr = (uint32_t)regs->x[1], i;
	long rc = 0;

	for (i = 0; i < nr && !rc; i++) {
		if (i == MULTICALL_BATCH) {
			regs->x[0] = list + i * sizeof(struct multicall_entry);
			regs->x[1] = nr - i;
			return hypercall_continue(regs);
		}
		rc = multicall_entry_at(list + i * sizeof(struct multicall_entry));
	}
	return rc;
}

long do_multicall(struct cpu_regs *regs)
{
	unsigned int cpu = this_cpu()->id;
	long rc;

	if (in_multicall[cpu])
		return -XEN_EINVAL;
	in_multicall[cpu] = true;
	rc = multicall_list(regs);
	in_multicall[cpu] = false;
	return rc;
}
