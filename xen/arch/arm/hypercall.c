// SPDX-License-Identifier: GPL-2.0-only
/*
 * The hypercall table (Xen ABI: number in x16, arguments x0-x4, result in
 * x0; negative Xen errno values on failure). Every guest pointer goes
 * through copy_from_guest/copy_to_guest.
 */
#include <asm/guest.h>
#include <asm/hypercall.h>
#include <public/errno.h>
#include <public/memory.h>
#include <public/vcpu.h>
#include <public/version.h>
#include <public/xen.h>
#include <xen/console.h>
#include <xen/domctl.h>
#include <xen/grant_table.h>
#include <xen/hvm.h>
#include <xen/lib.h>
#include <xen/memory.h>
#include <xen/mm.h>
#include <xen/multicall.h>
#include <xen/sched.h>

#define XEN_MAJOR 4
#define XEN_MINOR 17

/* XENFEAT_* bits for dom0 on Arm: writable page/descriptor tables (0, 1),
 * auto-translated physmap (2), HVM callback vector (8), safe pvclock (9),
 * HVM pirqs (10), dom0 (11). */
#define DOM0_FEATURES ((1U << 0) | (1U << 1) | (1U << 2) | (1U << 8) | \
		       (1U << 9) | (1U << 10) | (1U << 11))

#define XENFEAT_DOM0 (1U << 11)

typedef long (*hypercall_fn)(struct cpu_regs *regs);

static long copy_string_out(uint64_t gva, const char *s, size_t size)
{
	char buf[1024] = { 0 };
	size_t n = strnlen(s, size - 1);

	memcpy(buf, s, n);
	return copy_to_guest(gva, buf, size) ? -XEN_EFAULT : 0;
}

static long get_features(uint64_t gva)
{
	uint32_t fi[2];		/* struct xen_feature_info: submap_idx, submap */

	if (copy_from_guest(fi, gva, sizeof(fi)))
		return -XEN_EFAULT;
	fi[1] = fi[0] == 0 ? DOM0_FEATURES : 0;
	if (current_vcpu()->domain->domid != 0)	/* a domU is not the initial domain */
		fi[1] &= ~XENFEAT_DOM0;
	return copy_to_guest(gva, fi, sizeof(fi)) ? -XEN_EFAULT : 0;
}

static long do_xen_version(struct cpu_regs *regs)
{
	uint64_t arg = regs->x[1];
	uint64_t zero = 0;

	switch (regs->x[0]) {
	case XENVER_version: return (XEN_MAJOR << 16) | XEN_MINOR;
	case XENVER_extraversion: return copy_string_out(arg, ".0-xa", 16);
	case XENVER_capabilities: return copy_string_out(arg, "xen-3.0-aarch64 ", 1024);
	case XENVER_changeset: return copy_string_out(arg, "xen-arm", 64);
	case XENVER_platform_parameters:
		return copy_to_guest(arg, &zero, sizeof(zero)) ? -XEN_EFAULT : 0;
	case XENVER_get_features: return get_features(arg);
	case XENVER_pagesize: return 4096;
	default: return -XEN_ENOSYS;
	}
}

static long do_memory_op(struct cpu_regs *regs)
{
	return memory_op(current_vcpu()->domain, regs->x[0], regs->x[1]);
}

static long do_domctl_hc(struct cpu_regs *regs)
{
	return do_domctl(current_vcpu()->domain, regs->x[0]);
}

static long do_sysctl_hc(struct cpu_regs *regs)
{
	return do_sysctl(current_vcpu()->domain, regs->x[0]);
}

/* struct vcpu_register_vcpu_info: mfn (a gfn for us), offset, rsvd. */
static long register_vcpu_info(struct vcpu *v, uint64_t gva)
{
	struct { uint64_t mfn; uint32_t offset, rsvd; } info;

	if (copy_from_guest(&info, gva, sizeof(info)))
		return -XEN_EFAULT;
	if (info.offset > PAGE_SIZE - 64)	/* struct vcpu_info is 64 bytes */
		return -XEN_EINVAL;
	v->vcpu_info_gfn = info.mfn;
	v->vcpu_info_offset = info.offset;
	return 0;
}

static long do_vcpu_op(struct cpu_regs *regs)
{
	struct domain *d = current_vcpu()->domain;
	uint64_t id = regs->x[1], addr;
	struct vcpu *v = id < d->nr_vcpus ? d->vcpu[id] : NULL;

	if (!v)
		return -XEN_ENOENT;
	switch (regs->x[0]) {
	case VCPUOP_register_vcpu_info: return register_vcpu_info(v, regs->x[2]);
	case VCPUOP_register_runstate_memory_area:
		if (copy_from_guest(&addr, regs->x[2], sizeof(addr)))
			return -XEN_EFAULT;
		v->runstate_gva = addr;
		return 0;
	default: return -XEN_ENOSYS;
	}
}

/* Copy in, run F's module, copy back on success (xen/event.h contract). */
static long do_event_channel_op(struct cpu_regs *regs)
{
	struct domain *d = current_vcpu()->domain;
	unsigned int cmd = (unsigned int)regs->x[0];
	size_t size = evtchn_op_size(cmd);
	uint64_t buf[8];
	long rc;

	if (!size || size > sizeof(buf))
		return -XEN_ENOSYS;
	if (copy_from_guest(buf, regs->x[1], size))
		return -XEN_EFAULT;
	rc = evtchn_op(&d->evtchn, cmd, buf);
	if (!rc && copy_to_guest(regs->x[1], buf, size))
		return -XEN_EFAULT;
	return rc;
}

static const hypercall_fn hypercalls[] __hot_table = {
	[__HYPERVISOR_sched_op] = do_sched_op,
	[__HYPERVISOR_event_channel_op] = do_event_channel_op,
	[__HYPERVISOR_memory_op] = do_memory_op,
	[__HYPERVISOR_domctl] = do_domctl_hc,
	[__HYPERVISOR_sysctl] = do_sysctl_hc,
	[__HYPERVISOR_vcpu_op] = do_vcpu_op,
	[__HYPERVISOR_xen_version] = do_xen_version,
	[__HYPERVISOR_console_io] = do_console_io,
	[__HYPERVISOR_grant_table_op] = do_grant_table_op,
	[__HYPERVISOR_hvm_op] = do_hvm_op,
	[__HYPERVISOR_multicall] = do_multicall,
	/* physdev_op, platform_op: -ENOSYS, as Xen 4.17 on Arm without PCI
	 * (Linux's PHYSDEVOP_pci_device_add then says "Failed to add", as on
	 * Xen) and without EFI/settime handling. */
};

__hot_text long hypercall_dispatch(struct cpu_regs *regs)
{
	uint64_t nr = regs->x[16];
	hypercall_fn fn = nr < ARRAY_SIZE(hypercalls) ? hypercalls[nr] : NULL;

	return fn ? fn(regs) : -XEN_ENOSYS;
}

/* Xen's continuation on Arm: the HVC is re-executed with the new arguments. */
long hypercall_continue(struct cpu_regs *regs)
{
	regs->elr -= 4;
	return (long)regs->x[0];
}

__hot_text void do_hypercall(struct cpu_regs *regs)
{
	regs->x[0] = (uint64_t)hypercall_dispatch(regs);
}
