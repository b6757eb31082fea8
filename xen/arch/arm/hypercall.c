// SPDX-License-Identifier: GPL-2.0-only
/*
 * The hypercall table (Xen ABI: number in x16, arguments x0-x4, result in
 * x0; negative Xen errno values on failure). Every guest pointer goes
 * through copy_from_guest/copy_to_guest.
 */
#include <asm/guest.h>
#include <asm/hypercall.h>
#include <public/errno.h>
#include <public/version.h>
#include <public/xen.h>
#include <xen/console.h>
#include <xen/lib.h>

#define CONSOLEIO_READ 1
#define CONSOLE_CHUNK 128
#define XEN_MAJOR 4
#define XEN_MINOR 17

/* XENFEAT_* bits for dom0 on Arm: writable page/descriptor tables (0, 1),
 * auto-translated physmap (2), HVM callback vector (8), safe pvclock (9),
 * HVM pirqs (10), dom0 (11). */
#define DOM0_FEATURES ((1U << 0) | (1U << 1) | (1U << 2) | (1U << 8) | \
		       (1U << 9) | (1U << 10) | (1U << 11))

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

static long console_write(uint64_t len, uint64_t gva)
{
	char buf[CONSOLE_CHUNK];

	while (len) {
		size_t n = len < CONSOLE_CHUNK ? len : CONSOLE_CHUNK;

		if (copy_from_guest(buf, gva, n))
			return -XEN_EFAULT;
		console_write_guest(buf, n);
		gva += n;
		len -= n;
	}
	return 0;
}

static long do_console_io(struct cpu_regs *regs)
{
	switch (regs->x[0]) {
	case CONSOLEIO_write: return console_write(regs->x[1], regs->x[2]);
	case CONSOLEIO_READ: return 0;	/* no input yet */
	default: return -XEN_ENOSYS;
	}
}

static const hypercall_fn hypercalls[] = {
	[__HYPERVISOR_xen_version] = do_xen_version,
	[__HYPERVISOR_console_io] = do_console_io,
};

void do_hypercall(struct cpu_regs *regs)
{
	uint64_t nr = regs->x[16];
	hypercall_fn fn = nr < ARRAY_SIZE(hypercalls) ? hypercalls[nr] : NULL;

	regs->x[0] = fn ? (uint64_t)fn(regs) : (uint64_t)-XEN_ENOSYS;
}
