// SPDX-License-Identifier: GPL-2.0-only
/*
 * Runs in dom0 (static aarch64 binary in the test initramfs): uses Linux's
 * Xen devices the way the toolstack does and prints one line per check,
 * "DRIVERS-CHECK PASS" at the end or "DRIVERS-CHECK FAIL: <why>" (exit 1).
 *
 *   /dev/xen/evtchn   two of our own ports joined (unbound + interdomain
 *                     to ourselves), events sent both ways and read back
 *   /dev/xen/gntalloc a page granted to ourselves, then
 *   /dev/xen/gntdev   mapped back through the grant: same bytes both ways
 *   /dev/xen/privcmd  xen_version hypercalls: 4.17 and the extraversion;
 *                     a multicall of 40 entries (more than the hypervisor
 *                     does per trap: continued by re-issuing the HVC) with
 *                     every result written back and a nested multicall
 *                     refused; a batch of 100 grant unmaps with bad
 *                     handles (continued too), each GNTST_bad_handle
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "gntalloc.h"
#include "linux/evtchn.h"
#include "linux/gntdev.h"
#include "linux/privcmd.h"

#define PAGE 4096
#define DOMID_SELF_0 0		/* dom0 grants to / binds with itself */
#define XEN_VERSION_OP 17	/* __HYPERVISOR_xen_version */
#define XENVER_VERSION 0
#define XENVER_EXTRAVERSION 1
#define MULTICALL_OP 13		/* __HYPERVISOR_multicall */
#define GNTTAB_OP 20		/* __HYPERVISOR_grant_table_op */
#define GNTTABOP_UNMAP_GRANT_REF 1
#define GNTST_BAD_HANDLE (-4)
#define XEN_VERSION_417 ((4 << 16) | 17)

struct mc_entry {		/* struct multicall_entry on arm64 */
	uint64_t op;
	int64_t result;
	uint64_t args[6];
};

struct unmap_op {		/* struct gnttab_unmap_grant_ref */
	uint64_t host_addr, dev_bus_addr;
	uint32_t handle;
	int16_t status;
};

static void fail(const char *fmt, ...)
{
	va_list ap;

	printf("DRIVERS-CHECK FAIL: ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf(" (errno %d %s)\n", errno, strerror(errno));
	exit(1);
}

static int open_dev(const char *path)
{
	int fd = open(path, O_RDWR | O_CLOEXEC);

	if (fd < 0)
		fail("open %s", path);
	return fd;
}

/* The next port the evtchn device reports within ms, or -1. */
static int evtchn_wait(int fd, int ms)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };
	uint32_t port;

	if (poll(&p, 1, ms) <= 0)
		return -1;
	if (read(fd, &port, sizeof(port)) != sizeof(port))
		fail("read /dev/xen/evtchn");
	if (write(fd, &port, sizeof(port)) != sizeof(port))	/* unmask */
		fail("unmask port %u", port);
	return (int)port;
}

static void evtchn_drain(int fd)
{
	while (evtchn_wait(fd, 200) >= 0)
		;
}

static void evtchn_expect(int fd, int from, int to)
{
	struct ioctl_evtchn_notify n = { .port = (unsigned int)from };
	int got;

	if (ioctl(fd, IOCTL_EVTCHN_NOTIFY, &n) < 0)
		fail("notify port %d", from);
	got = evtchn_wait(fd, 3000);
	if (got != to)
		fail("notify on port %d: expected an event on port %d, got %d", from, to, got);
}

static void check_evtchn(void)
{
	struct ioctl_evtchn_bind_unbound_port u = { .remote_domain = DOMID_SELF_0 };
	struct ioctl_evtchn_bind_interdomain b = { .remote_domain = DOMID_SELF_0 };
	int fd = open_dev("/dev/xen/evtchn"), a, c;

	a = ioctl(fd, IOCTL_EVTCHN_BIND_UNBOUND_PORT, &u);
	if (a < 0)
		fail("bind unbound port");
	b.remote_port = (unsigned int)a;
	c = ioctl(fd, IOCTL_EVTCHN_BIND_INTERDOMAIN, &b);
	if (c < 0)
		fail("bind interdomain to dom0 port %d", a);
	evtchn_drain(fd);	/* Xen marks a fresh interdomain port pending */
	evtchn_expect(fd, c, a);
	evtchn_expect(fd, a, c);
	evtchn_expect(fd, c, a);
	printf("EVTCHN-OK ports=%d,%d\n", a, c);
	close(fd);
}

static void *map_page(int fd, uint64_t index, const char *what)
{
	void *p = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, (off_t)index);

	if (p == MAP_FAILED)
		fail("mmap %s at index %llu", what, (unsigned long long)index);
	return p;
}

/* Both views of the page must show what either side wrote. */
static void compare_views(unsigned char *granted, unsigned char *mapped)
{
	int i;

	for (i = 0; i < PAGE; i++)
		granted[i] = (unsigned char)(i * 7 + 3);
	if (memcmp(granted, mapped, PAGE))
		fail("gntdev mapping does not show the granted page's bytes");
	for (i = 0; i < PAGE; i++)
		mapped[i] = (unsigned char)(i * 13 + 1);
	if (memcmp(granted, mapped, PAGE))
		fail("writes through the gntdev mapping not seen in the granted page");
}

static void check_grants(void)
{
	struct ioctl_gntalloc_alloc_gref a = { .domid = DOMID_SELF_0,
					       .flags = GNTALLOC_FLAG_WRITABLE, .count = 1 };
	struct ioctl_gntdev_map_grant_ref m = { .count = 1 };
	struct ioctl_gntdev_unmap_grant_ref u = { .count = 1 };
	struct ioctl_gntalloc_dealloc_gref d = { .count = 1 };
	int ga = open_dev("/dev/xen/gntalloc"), gd = open_dev("/dev/xen/gntdev");
	unsigned char *granted, *mapped;

	if (ioctl(ga, IOCTL_GNTALLOC_ALLOC_GREF, &a) < 0)
		fail("gntalloc alloc_gref");
	granted = map_page(ga, a.index, "gntalloc");
	m.refs[0].domid = DOMID_SELF_0;
	m.refs[0].ref = a.gref_ids[0];
	if (ioctl(gd, IOCTL_GNTDEV_MAP_GRANT_REF, &m) < 0)
		fail("gntdev map_grant_ref ref %u", a.gref_ids[0]);
	mapped = map_page(gd, m.index, "gntdev");
	compare_views(granted, mapped);
	munmap(mapped, PAGE);
	u.index = m.index;
	if (ioctl(gd, IOCTL_GNTDEV_UNMAP_GRANT_REF, &u) < 0)
		fail("gntdev unmap_grant_ref");
	munmap(granted, PAGE);
	d.index = a.index;
	if (ioctl(ga, IOCTL_GNTALLOC_DEALLOC_GREF, &d) < 0)
		fail("gntalloc dealloc_gref");
	printf("GNT-OK ref=%u\n", a.gref_ids[0]);
	close(gd);
	close(ga);
}

static long xen_version(int fd, unsigned int cmd, void *arg)
{
	privcmd_hypercall_t h = { .op = XEN_VERSION_OP };

	h.arg[0] = cmd;
	h.arg[1] = (uint64_t)(uintptr_t)arg;
	return ioctl(fd, IOCTL_PRIVCMD_HYPERCALL, &h);
}

static long hypercall(int fd, uint64_t op, uint64_t a0, uint64_t a1, uint64_t a2)
{
	privcmd_hypercall_t h = { .op = op, .arg = { a0, a1, a2 } };

	return ioctl(fd, IOCTL_PRIVCMD_HYPERCALL, &h);
}

static void check_multicall(int fd)
{
	static struct mc_entry e[40];
	int i;

	for (i = 0; i < 40; i++)
		e[i] = (struct mc_entry){ .op = XEN_VERSION_OP, .result = 1 };
	e[39] = (struct mc_entry){ .op = MULTICALL_OP, .args = { (uintptr_t)e, 1 } };
	if (hypercall(fd, MULTICALL_OP, (uintptr_t)e, 40, 0))
		fail("multicall of 40 entries");
	for (i = 0; i < 39; i++)
		if (e[i].result != XEN_VERSION_417)
			fail("multicall entry %d: result %lld", i, (long long)e[i].result);
	if (e[39].result != -EINVAL)
		fail("nested multicall entry: result %lld, not -EINVAL", (long long)e[39].result);
	printf("MULTICALL-OK entries=40\n");
}

static void check_gnttab_batch(int fd)
{
	static struct unmap_op u[100];
	int i;

	for (i = 0; i < 100; i++)
		u[i] = (struct unmap_op){ .host_addr = 0x1000, .handle = 0xdead0000u + i };
	if (hypercall(fd, GNTTAB_OP, GNTTABOP_UNMAP_GRANT_REF, (uintptr_t)u, 100))
		fail("grant_table_op unmap batch of 100");
	for (i = 0; i < 100; i++)
		if (u[i].status != GNTST_BAD_HANDLE)
			fail("unmap %d of 100 with a bad handle: status %d", i, u[i].status);
	printf("GNTTAB-BATCH-OK ops=100\n");
}

static void check_privcmd(void)
{
	int fd = open_dev("/dev/xen/privcmd");
	char extra[16] = { 0 };
	long v = xen_version(fd, XENVER_VERSION, NULL);

	if (v < 0)
		fail("privcmd xen_version");
	if (xen_version(fd, XENVER_EXTRAVERSION, extra) < 0)
		fail("privcmd xen_version extraversion");
	extra[sizeof(extra) - 1] = 0;
	printf("PRIVCMD-VERSION=%ld.%ld%s\n", v >> 16, v & 0xffff, extra);
	check_multicall(fd);
	check_gnttab_batch(fd);
	close(fd);
}

int main(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	check_privcmd();
	check_evtchn();
	check_grants();
	printf("DRIVERS-CHECK PASS\n");
	return 0;
}
