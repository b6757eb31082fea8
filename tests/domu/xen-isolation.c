// SPDX-License-Identifier: GPL-2.0-only
/*
 * Isolation checks run INSIDE an unprivileged domU (static aarch64 binary,
 * started by tests/domu/domu-isolation.sh, driven by tests/harness/guests.py).
 * Every check prints one line "ISO-<NAME> PASS ..." or "ISO-<NAME> FAIL ...";
 * the last line is "ISO-SUMMARY pass=N fail=M". A check passes when the
 * hypervisor (or xenstored) REFUSES what the domU asks; each also has a
 * positive control so a broken channel is not mistaken for a refusal.
 *
 * The same binary must pass on Debian's Xen 4.17 (the baseline) and on ours.
 * Usage: xen-isolation [VICTIM_DOMID [nomap]]   (default 0, dom0; "nomap"
 * skips the foreign-map check, for diagnosing a domU kernel that cannot
 * balloon out the pages privcmd maps into)
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "linux/privcmd.h"

#define PAGE 4096UL
#define DOMID_SELF 0x7ff0

enum { HC_MEMORY = 12, HC_VERSION = 17, HC_GNTTAB = 20, HC_EVTCHN = 32,
       HC_SYSCTL = 35, HC_DOMCTL = 36 };

static int privcmd = -1;
static unsigned int victim;
static unsigned int passed, failed;

static void verdict(const char *name, int ok, const char *fmt, long a, long b)
{
	char detail[160];

	snprintf(detail, sizeof(detail), fmt, a, b);
	printf("ISO-%s %s %s\n", name, ok ? "PASS" : "FAIL", detail);
	if (ok)
		passed++;
	else
		failed++;
}

/* A raw hypercall through privcmd: Xen's result, or -errno of the ioctl. */
static long hcall(uint64_t op, uint64_t a0, uint64_t a1, uint64_t a2)
{
	privcmd_hypercall_t h = { .op = op, .arg = { a0, a1, a2, 0, 0 } };
	long rc = ioctl(privcmd, IOCTL_PRIVCMD_HYPERCALL, &h);

	return rc < 0 ? -errno : rc;
}

/* domctl from a domU: Xen's XSM default policy refuses it (-EPERM). */
static void check_domctl(void)
{
	static const uint32_t cmds[] = { 5 /* getdomaininfo */, 4 /* unpausedomain */ };
	uint32_t buf[64];
	unsigned int i;
	long rc;

	for (i = 0; i < 2; i++) {
		memset(buf, 0, sizeof(buf));
		buf[0] = cmds[i];
		buf[1] = 0x15;		/* XEN_DOMCTL_INTERFACE_VERSION (4.17) */
		buf[2] = victim;
		rc = hcall(HC_DOMCTL, (uintptr_t)buf, 0, 0);
		verdict("DOMCTL", rc == -EPERM, "cmd=%ld rc=%ld (want -EPERM)", cmds[i], rc);
	}
}

/* sysctl physinfo from a domU: -EPERM too. */
static void check_sysctl(void)
{
	uint32_t buf[64] = { 3 /* physinfo */, 0x15 /* interface version */ };
	long rc = hcall(HC_SYSCTL, (uintptr_t)buf, 0, 0);

	verdict("SYSCTL", rc == -EPERM, "cmd=%ld rc=%ld (want -EPERM)", 3, rc);
}

/* Positive control: privcmd hypercalls work at all (xen_version). */
static int check_channel(void)
{
	long rc = hcall(HC_VERSION, 0 /* XENVER_version */, 0, 0);

	verdict("PRIVCMD-WORKS", rc > 0, "xen_version=%#lx rc=%ld", rc, rc);
	return rc > 0;
}

/*
 * Foreign mapping of the victim's RAM (privcmd MMAPBATCH_V2, i.e.
 * add_to_physmap_range gmfn_foreign): every frame must be refused.
 */
static void check_foreign_map(void)
{
	uint64_t gfns[4] = { 0x40000, 0x40001, 0x40100, 0x48000 };
	int err[4] = { 0 };
	privcmd_mmapbatch_v2_t m = { .num = 4, .dom = (uint16_t)victim, .arr = gfns, .err = err };
	void *va = mmap(NULL, 4 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, privcmd, 0);
	long rc, mapped = 0;
	unsigned int i;

	if (va == MAP_FAILED) {
		verdict("FOREIGN-MAP", 0, "mmap privcmd: errno %ld%ld", errno, 0);
		return;
	}
	m.addr = (uintptr_t)va;
	rc = ioctl(privcmd, IOCTL_PRIVCMD_MMAPBATCH_V2, &m) < 0 ? -errno : 0;
	for (i = 0; i < 4; i++)
		mapped += err[i] == 0;
	if (rc < 0 && rc != -ENOENT)	/* whole batch refused: nothing mapped */
		mapped = 0;
	verdict("FOREIGN-MAP", mapped == 0, "ioctl=%ld frames-mapped=%ld (want 0)", rc, mapped);
	printf("ISO-FOREIGN-MAP-ERR %d %d %d %d\n", err[0], err[1], err[2], err[3]);
	munmap(va, 4 * PAGE);
}

/*
 * bind_interdomain to the victim's ports 1..16: none was allocated for us
 * (alloc_unbound naming this domain), so every bind must fail. Control:
 * alloc_unbound in our own table succeeds.
 */
static void check_evtchn(void)
{
	struct { uint16_t dom, remote_dom; uint32_t port; } un = { DOMID_SELF, 0, 0 };
	struct { uint16_t remote_dom; uint16_t pad; uint32_t remote_port, local_port; } b;
	long rc, bound = 0, last = 0;
	unsigned int p;

	rc = hcall(HC_EVTCHN, 6 /* alloc_unbound */, (uintptr_t)&un, 0);
	verdict("EVTCHN-CONTROL", rc == 0, "alloc_unbound rc=%ld port=%ld", rc, un.port);
	for (p = 1; p <= 16; p++) {
		memset(&b, 0, sizeof(b));
		b.remote_dom = (uint16_t)victim;
		b.remote_port = p;
		rc = hcall(HC_EVTCHN, 0 /* bind_interdomain */, (uintptr_t)&b, 0);
		bound += rc == 0;
		last = rc;
	}
	verdict("EVTCHN-BIND", bound == 0, "bound=%ld of 16 (want 0) last rc=%ld", bound, last);
}

/* map_grant_ref of refs 0..31 of the victim, which granted us nothing. */
static void check_grant_map(void)
{
	struct {
		uint64_t host_addr;
		uint32_t flags, ref;
		uint16_t dom;
		int16_t status;
		uint32_t handle;
		uint64_t dev_bus_addr;
	} op;
	long rc, granted = 0, last = 0;
	unsigned int r;

	for (r = 0; r < 32; r++) {
		memset(&op, 0, sizeof(op));
		op.host_addr = 0x7f000000ULL;	/* a guest-physical hole */
		op.flags = 2;			/* GNTMAP_host_map */
		op.ref = r;
		op.dom = (uint16_t)victim;
		rc = hcall(HC_GNTTAB, 0 /* map_grant_ref */, (uintptr_t)&op, 1);
		granted += rc == 0 && op.status == 0;
		last = rc ? rc : op.status;
	}
	verdict("GRANT-MAP", granted == 0, "mapped=%ld of 32 (want 0) last status=%ld",
		granted, last);
}

/* One xenstore request over the xenbus device: the reply type, body in out. */
static int xs_read(const char *path, char *out, size_t len)
{
	uint32_t hdr[4] = { 2 /* XS_READ */, 0x1234, 0, (uint32_t)strlen(path) + 1 };
	char msg[512];
	ssize_t n;
	int fd = open("/dev/xen/xenbus", O_RDWR);

	if (fd < 0)
		fd = open("/proc/xen/xenbus", O_RDWR);
	if (fd < 0)
		return -errno;
	memcpy(msg, hdr, 16);
	memcpy(msg + 16, path, hdr[3]);
	n = write(fd, msg, 16 + hdr[3]);
	n = n < 0 ? n : read(fd, msg, sizeof(msg) - 1);
	close(fd);
	if (n < 16)
		return -EIO;
	memcpy(hdr, msg, 16);
	n = hdr[3] < len - 1 ? hdr[3] : len - 1;
	memcpy(out, msg + 16, n);
	out[n] = 0;
	return (int)hdr[0];
}

/* Our own node is readable (control); dom0's are not (EACCES). */
static void check_xenstore(void)
{
	char body[256], path[64];
	int t;

	t = xs_read("domid", body, sizeof(body));
	verdict("XENSTORE-OWN", t == 2, "read domid: type=%ld (want 2)%.0ld", t, 0);
	printf("ISO-XENSTORE-OWN-VALUE %s\n", t == 2 ? body : "-");
	snprintf(path, sizeof(path), "/local/domain/%u/name", victim);
	t = xs_read(path, body, sizeof(body));
	verdict("XENSTORE-OTHER", t == 16 && !strcmp(body, "EACCES"),
		"read victim name: type=%ld (want 16 EACCES)%ld", t, 0);
	printf("ISO-XENSTORE-OTHER-REPLY %s\n", t == 16 ? body : "-");
}

int main(int argc, char **argv)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	victim = argc > 1 ? (unsigned int)strtoul(argv[1], NULL, 0) : 0;
	privcmd = open("/dev/xen/privcmd", O_RDWR | O_CLOEXEC);
	if (privcmd < 0) {
		printf("ISO-OPEN FAIL /dev/xen/privcmd: %s\n", strerror(errno));
		return 1;
	}
	printf("ISO-START victim=%u\n", victim);
	if (check_channel()) {
		check_domctl();
		check_sysctl();
		if (argc > 2 && !strcmp(argv[2], "nomap"))
			printf("ISO-FOREIGN-MAP SKIPPED (nomap)\n");
		else
			check_foreign_map();
		check_evtchn();
		check_grant_map();
	}
	check_xenstore();
	printf("ISO-SUMMARY pass=%u fail=%u\n", passed, failed);
	return failed ? 1 : 0;
}
