// SPDX-License-Identifier: GPL-2.0-only
/*
 * Bounded hypercall fuzzer for dom0 (static aarch64 binary, run by the
 * dom0-fuzz e2e test): `xen-hcall-fuzz SEED CALLS` makes CALLS privcmd
 * hypercalls (IOCTL_PRIVCMD_HYPERCALL) from a seeded PRNG over every
 * hypercall number 0..63 (and a few beyond), small and random sub-op
 * numbers, and arguments drawn from: NULL, small integers, an unmapped
 * user range, a struct straddling into an unmapped page, a read-only page,
 * kernel text (read-only for stage 1), non-canonical and top-of-space
 * addresses, a writable buffer of random bytes (with some valid pointers
 * planted in it), counts/lengths up to 2^32 and random 64-bit values.
 *
 * It checks that every call returns (the hypervisor and dom0 stay up, the
 * e2e test checks the rest) with either success or a Xen errno (1..134),
 * that numbers beyond the table give ENOSYS and that known-bad pointers
 * give EFAULT. Last line: "FUZZ-DONE calls=N ..." and exit 0, or
 * "FUZZ-FAIL ..." lines and exit 1.
 *
 * What is shaped or excluded, and why: the fuzzer runs as dom0, which Xen
 * lets harm itself; only calls that would take dom0 (or the machine) down
 * BY DESIGN are kept away, everything else is random:
 *   sched_op      no block/poll (may wait for ever), shutdown,
 *                 remote_shutdown (power the machine off), watchdog
 *                 (would kill dom0 later); yield, shutdown_code,
 *                 pin_override and unknown numbers stay.
 *   console_io    write only with unmapped pointers (valid buffers would
 *                 flood the log with random bytes the harness scans).
 *   memory_op     domid fields (offsets 0, 24, 56 of the buffer) name a
 *                 domain that does not exist: decrease_reservation,
 *                 add/remove_from_physmap, exchange on dom0 itself would
 *                 take its own RAM or move its shared_info.
 *   vcpu_op       dom0's vCPU only for read-only and timer-stop ops; else
 *                 a vCPU id that does not exist (down, register_vcpu_info,
 *                 runstate areas would stop dom0 or make the hypervisor
 *                 write into its memory where it asked).
 *   event_channel close, reset and bind_ipi excluded (closing dom0's
 *                 kernel ports / unbounded port allocation); domid fields
 *                 name a missing domain (interdomain binds to ourselves
 *                 would use up dom0's ports).
 *   grant_table   copy's domid fields name a missing domain (a gmfn copy
 *                 inside dom0 overwrites its own RAM).
 *   hvm_op        set_param on a missing domain (dom0's own parameters
 *                 are the toolstack's).
 *   domctl        the domain field names a missing domain; createdomain
 *                 excluded (would build domains until memory runs out).
 *   sysctl        an allow-list of read-only commands plus unknown ones
 *                 (cpupool, scheduler, page offline, debug keys change the
 *                 host).
 *   kernel text is never passed where the hypervisor would read a struct
 *   for the shaped families (its bytes are not ours to shape).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "linux/privcmd.h"

#define PAGE 4096UL
#define BUF_PAGES 16	/* page 0: the call's, 1..8: a multicall's entries */
#define MISSING_DOMID 4000	/* no such domain (ours has at most 64) */
#define XEN_ERRNO_MAX 134

enum { HC_PLATFORM = 7, HC_MEMORY = 12, HC_MULTICALL = 13, HC_VERSION = 17,
       HC_CONSOLE = 18, HC_GNTTAB = 20, HC_VCPU = 24, HC_SCHED = 29,
       HC_EVTCHN = 32, HC_HVM = 34, HC_SYSCTL = 35, HC_DOMCTL = 36 };

struct arena {
	unsigned char *buf;	/* BUF_PAGES writable pages, refilled per call */
	uint64_t ro, hole, edge, ktext;
	unsigned char *mc_end;	/* end of a page followed by an unmapped one */
};

static uint64_t rng_state;

/* xorshift64*: deterministic for a seed, so a failure can be replayed. */
static uint64_t rnd(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 0x2545F4914F6CDD1DULL;
}

static uint64_t below(uint64_t n)
{
	return n ? rnd() % n : 0;
}

static uint64_t scalar(void)
{
	static const uint64_t edge[] = { 0, 1, 2, 0xffffffffULL, 0x100000000ULL,
					 0x80000000ULL, ~0ULL, 0x7ff0, 4096 };

	switch (below(4)) {
	case 0: return below(64);
	case 1: return edge[below(sizeof(edge) / sizeof(edge[0]))];
	case 2: return (uint32_t)rnd();
	default: return rnd();
	}
}

/*
 * A pointer argument. Shaped families pass their scratch page `s`: never
 * kernel text, and the writable buffer only at s (see the top comment).
 */
static uint64_t pointer(const struct arena *a, const unsigned char *s)
{
	switch (below(10)) {
	case 0: return 0;
	case 1: return 1 + below(PAGE);
	case 2: return a->hole + below(4 * PAGE);
	case 3: return a->edge - below(32);
	case 4: return a->ro + below(PAGE - 64);
	case 5: return s ? a->hole : a->ktext + 8 * below(512);
	case 6: return 0x0001000000000000ULL | rnd();	/* non-canonical */
	case 7: return ~0ULL - below(PAGE);
	case 8: return rnd();
	default:
		if (s)
			return (uint64_t)(uintptr_t)s;
		return (uint64_t)(uintptr_t)a->buf + below(BUF_PAGES * PAGE - 256);
	}
}

/* Random bytes, some small words, some pointers back into the page. */
static void fill(const struct arena *a, unsigned char *p, size_t n)
{
	size_t i;

	for (i = 0; i + 8 <= n; i += 8) {
		uint64_t v = below(3) ? scalar() : pointer(a, p);

		memcpy(p + i, &v, 8);
	}
}

static void put16(unsigned char *p, size_t off, uint16_t v)
{
	memcpy(p + off, &v, sizeof(v));
}

static void put32(unsigned char *p, size_t off, uint32_t v)
{
	memcpy(p + off, &v, sizeof(v));
}

/* Point domid fields at a domain that does not exist. */
static void missing_domid(unsigned char *p, const size_t *offs, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		put16(p, offs[i], (uint16_t)(MISSING_DOMID + below(1000)));
}

struct call {
	uint64_t op, arg[5];
};

static void gen_call(const struct arena *a, struct call *c, unsigned char *scratch, int depth);

static uint64_t pick(const uint64_t *set, size_t n)
{
	return below(2) ? set[below(n)] : 64 + below(1 << 20);
}

static void shape_sched(struct call *c)
{
	static const uint64_t ok[] = { 0, 5, 7 };	/* yield, shutdown_code, pin_override */

	c->arg[0] = pick(ok, 3);
}

static void shape_console(const struct arena *a, struct call *c)
{
	if (c->arg[0] == 0) {		/* CONSOLEIO_write */
		static const int bad[] = { 0, 2, 6, 7 };
		uint64_t keep = a->hole;

		switch (bad[below(4)]) {
		case 0: keep = 0; break;
		case 6: keep = 0x0001000000000000ULL | rnd(); break;
		case 7: keep = ~0ULL - below(PAGE); break;
		default: keep = a->hole + below(4 * PAGE); break;
		}
		c->arg[2] = keep;
		if (!c->arg[1])
			c->arg[1] = 1;
	}
}

static void shape_memory(unsigned char *s)
{
	static const size_t offs[] = { 0, 24, 56 };

	missing_domid(s, offs, 3);
}

static void shape_vcpu(struct call *c)
{
	/* is_up, get_runstate_info, stop timers, get_physid: harmless on vCPU 0. */
	static const uint64_t mine[] = { 3, 4, 7, 9, 11 };
	size_t i;

	for (i = 0; i < sizeof(mine) / sizeof(mine[0]); i++)
		if (c->arg[0] == mine[i] && below(2))
			return (void)(c->arg[1] = 0);
	c->arg[1] = 8 + below(1 << 16);
}

static void shape_evtchn(struct call *c, unsigned char *s)
{
	static const size_t offs[] = { 0, 2 };

	if (c->arg[0] == 3 || c->arg[0] == 7 || c->arg[0] == 10)	/* close, bind_ipi, reset */
		c->arg[0] = 14 + below(50);
	missing_domid(s, offs, 2);
}

static void shape_gnttab(struct call *c, unsigned char *s)
{
	static const size_t copy_offs[] = { 8, 24 };	/* source.domid, dest.domid */
	size_t i;

	if (c->arg[0] != 5)		/* GNTTABOP_copy */
		return;
	for (i = 0; i + 40 <= PAGE; i += 40)
		missing_domid(s + i, copy_offs, 2);
	c->arg[1] = (uint64_t)(uintptr_t)s;
	c->arg[2] = below(PAGE / 40);	/* the shaped structs only */
}

static void shape_domctl(unsigned char *s)
{
	static const size_t offs[] = { 8 };

	if (below(2))
		put32(s, 4, 0x15);	/* XEN_DOMCTL_INTERFACE_VERSION */
	if (s[0] == 1)			/* XEN_DOMCTL_createdomain */
		put32(s, 0, 64 + (uint32_t)below(1000));
	missing_domid(s, offs, 1);
}

static void shape_sysctl(unsigned char *s)
{
	static const uint64_t ok[] = { 1, 3, 4, 6, 8, 9, 16, 17, 22, 25, 26, 29 };

	put32(s, 0, (uint32_t)pick(ok, sizeof(ok) / sizeof(ok[0])));
	if (below(2))
		put32(s, 4, 0x15);	/* XEN_SYSCTL_INTERFACE_VERSION */
}

/* Entries of the last top-level multicall that are multicalls themselves. */
static unsigned int nested_mask;
static unsigned char *mc_list;	/* where that list is */

/*
 * Multicall: a list of generated calls, each with its own scratch page
 * (pages 1..8). A nested multicall entry must be refused (-EINVAL in its
 * result): it gets an unshaped list, which it never runs.
 */
static void shape_multicall(const struct arena *a, struct call *c, unsigned char *s, int depth)
{
	uint64_t n = below(8), i, list[8 * 8];
	struct call sub;

	if (depth > 0) {
		c->arg[0] = (uint64_t)(uintptr_t)s;
		c->arg[1] = below(8);
		return;
	}
	nested_mask = 0;
	for (i = 0; i < n; i++) {
		gen_call(a, &sub, a->buf + (i + 1) * PAGE, depth + 1);
		if (sub.op == HC_MULTICALL)
			nested_mask |= 1U << i;
		list[i * 8] = sub.op;
		list[i * 8 + 1] = 0;
		memcpy(&list[i * 8 + 2], sub.arg, sizeof(sub.arg));
		list[i * 8 + 7] = 0;
	}
	/*
	 * Sometimes a count past the list: then the list ends where the
	 * mapping ends, so the entry after it faults (never random entries).
	 */
	c->arg[1] = below(4) ? n : n + 1 + below(2) * scalar();
	mc_list = c->arg[1] > n ? a->mc_end - n * 64 : s;
	memcpy(mc_list, list, n * 64);
	c->arg[0] = (uint64_t)(uintptr_t)mc_list;
}

static int shaped_family(uint64_t op)
{
	return op == HC_MEMORY || op == HC_EVTCHN || op == HC_VCPU || op == HC_SCHED ||
	       op == HC_DOMCTL || op == HC_SYSCTL || op == HC_HVM || op == HC_GNTTAB ||
	       op == HC_MULTICALL;
}

static void gen_args(const struct arena *a, struct call *c, unsigned char *s)
{
	const unsigned char *mine = shaped_family(c->op) ? s : NULL;
	int i;

	c->arg[0] = below(4) ? below(32) : scalar();
	for (i = 1; i < 5; i++)
		c->arg[i] = below(2) ? pointer(a, mine) : scalar();
	/* Struct pointers of shaped families mostly point at the scratch page. */
	if (mine && below(3))
		c->arg[1] = (uint64_t)(uintptr_t)s;
	if (c->op == HC_DOMCTL || c->op == HC_SYSCTL)
		c->arg[0] = below(3) ? (uint64_t)(uintptr_t)s : pointer(a, mine);
}

static void gen_call(const struct arena *a, struct call *c, unsigned char *s, int depth)
{
	static const uint64_t wired[] = { HC_MEMORY, HC_MULTICALL, HC_VERSION, HC_CONSOLE,
					  HC_GNTTAB, HC_VCPU, HC_SCHED, HC_EVTCHN, HC_HVM,
					  HC_SYSCTL, HC_DOMCTL, HC_PLATFORM, 33 /* physdev */ };

	/* Half the calls go to the families a hypervisor for Arm implements. */
	if (below(2))
		c->op = wired[below(sizeof(wired) / sizeof(wired[0]))];
	else
		c->op = below(32) ? below(64) : 64 + scalar();
	if (depth > 0 && c->op == HC_MULTICALL && below(2))
		c->op = HC_VERSION;	/* some nesting, not much */
	if (depth == 0)
		nested_mask = 0;
	fill(a, s, PAGE);
	gen_args(a, c, s);
	switch (c->op) {
	case HC_SCHED: shape_sched(c); break;
	case HC_CONSOLE: shape_console(a, c); break;
	case HC_MEMORY: shape_memory(s); break;
	case HC_VCPU: shape_vcpu(c); break;
	case HC_EVTCHN: shape_evtchn(c, s); break;
	case HC_GNTTAB: shape_gnttab(c, s); break;
	case HC_HVM: shape_memory(s); break;	/* xen_hvm_param.domid at 0 */
	case HC_DOMCTL: shape_domctl(s); break;
	case HC_SYSCTL: shape_sysctl(s); break;
	case HC_MULTICALL: shape_multicall(a, c, s, depth); break;
	}
}

/* ---- running ---- */

struct tally {
	unsigned long calls, ok, err[XEN_ERRNO_MAX + 1], bad;
};

/* The raw result: >= 0, or -errno (the ioctl syscall, not glibc's int). */
static long hypercall(int fd, const struct call *c)
{
	privcmd_hypercall_t h;
	long rc;

	h.op = c->op;
	memcpy(h.arg, c->arg, sizeof(h.arg));
	rc = syscall(SYS_ioctl, fd, IOCTL_PRIVCMD_HYPERCALL, &h);
	return rc < 0 ? -(long)errno : rc;
}

static void bad(struct tally *t, const struct call *c, long rc, const char *why)
{
	t->bad++;
	printf("FUZZ-FAIL call %lu: op %llu args %llx %llx %llx %llx %llx -> %ld: %s\n",
	       t->calls, (unsigned long long)c->op, (unsigned long long)c->arg[0],
	       (unsigned long long)c->arg[1], (unsigned long long)c->arg[2],
	       (unsigned long long)c->arg[3], (unsigned long long)c->arg[4], rc, why);
}

static void account(struct tally *t, const struct call *c, long rc)
{
	t->calls++;
	if (rc >= 0) {
		t->ok++;
	} else if (-rc > XEN_ERRNO_MAX) {
		bad(t, c, rc, "not a Xen errno");
	} else {
		t->err[-rc]++;
	}
	if (c->op >= 64 && rc != -ENOSYS)
		bad(t, c, rc, "a number beyond the table must give ENOSYS");
}

/* After a top-level multicall: its nested multicall entries got -EINVAL. */
static void check_nested(struct tally *t, const struct call *c, long rc)
{
	unsigned int i;
	int64_t result;

	if (c->op != HC_MULTICALL || rc != 0)
		return;
	for (i = 0; i < 8; i++) {
		if (!(nested_mask & (1U << i)))
			continue;
		memcpy(&result, mc_list + i * 64 + 8, sizeof(result));
		if (result != -EINVAL)
			bad(t, c, result, "a nested multicall entry must get -EINVAL");
	}
}

/* Known answers, asked between random calls: the hypervisor is still sane. */
static void probe(int fd, struct tally *t)
{
	struct call v = { .op = HC_VERSION }, f = { .op = HC_VERSION, .arg = { 1, 0 } };
	long rc = hypercall(fd, &v);

	if (rc != ((4 << 16) | 17))
		bad(t, &v, rc, "xen_version must be 4.17");
	rc = hypercall(fd, &f);
	if (rc != -EFAULT)
		bad(t, &f, rc, "extraversion into NULL must give EFAULT");
}

static uint64_t kernel_text(void)
{
	FILE *f = fopen("/proc/kallsyms", "r");
	unsigned long long addr, found = 0;
	char type, name[128];

	while (f && !found && fscanf(f, "%llx %c %127s%*[^\n]", &addr, &type, name) == 3)
		if (!strcmp(name, "_stext"))	/* kernel text: read-only */
			found = addr;
	if (f)
		fclose(f);
	/* Without kallsyms: the arm64 kernel image base with 48-bit VAs, no KASLR. */
	return found ? found : 0xffff800008000000ULL;
}

static void *map_pages(size_t n, int prot)
{
	void *p = mmap(NULL, n * PAGE, prot, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED) {
		printf("FUZZ-FAIL mmap: %s\n", strerror(errno));
		exit(1);
	}
	return p;
}

/* The address kinds of the top comment. */
static void arena_init(struct arena *a)
{
	unsigned char *ro = map_pages(1, PROT_READ | PROT_WRITE);
	unsigned char *hole = map_pages(4, PROT_READ | PROT_WRITE);
	unsigned char *edge = map_pages(2, PROT_READ | PROT_WRITE);
	unsigned char *mc = map_pages(2, PROT_READ | PROT_WRITE);

	a->buf = map_pages(BUF_PAGES, PROT_READ | PROT_WRITE);
	memset(ro, 0xa5, PAGE);		/* domids 0xa5a5: reserved, never dom0 */
	mprotect(ro, PAGE, PROT_READ);
	memset(edge, 0xa5, PAGE);
	munmap(hole, 4 * PAGE);
	munmap(edge + PAGE, PAGE);
	munmap(mc + PAGE, PAGE);
	a->mc_end = mc + PAGE;
	a->ro = (uint64_t)(uintptr_t)ro;
	a->hole = (uint64_t)(uintptr_t)hole;
	a->edge = (uint64_t)(uintptr_t)edge + PAGE - 8;
	a->ktext = kernel_text();
}

static void report(const struct tally *t)
{
	int e;

	printf("FUZZ-DONE calls=%lu ok=%lu bad=%lu", t->calls, t->ok, t->bad);
	for (e = 1; e <= XEN_ERRNO_MAX; e++)
		if (t->err[e])
			printf(" e%d=%lu", e, t->err[e]);
	printf("\n");
}

int main(int argc, char **argv)
{
	struct tally t = { 0 };
	struct arena a;
	struct call c;
	unsigned long n, i;
	long rc;
	int fd;

	if (argc != 3) {
		fprintf(stderr, "usage: %s SEED CALLS\n", argv[0]);
		return 2;
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	rng_state = strtoull(argv[1], NULL, 0) * 0x9E3779B97F4A7C15ULL + 0x632BE59BD9B4E019ULL;
	if (!rng_state)
		rng_state = 1;
	n = strtoul(argv[2], NULL, 0);
	fd = open("/dev/xen/privcmd", O_RDWR | O_CLOEXEC);
	if (fd < 0) {
		printf("FUZZ-FAIL open /dev/xen/privcmd: %s\n", strerror(errno));
		return 1;
	}
	arena_init(&a);
	printf("FUZZ-START seed=%s calls=%lu ktext=%llx\n", argv[1], n,
	       (unsigned long long)a.ktext);
	for (i = 0; i < n; i++) {
		gen_call(&a, &c, a.buf, 0);
		rc = hypercall(fd, &c);
		account(&t, &c, rc);
		check_nested(&t, &c, rc);
		if (i % 500 == 0)
			probe(fd, &t);
		if (i % 2000 == 1999)
			printf("FUZZ-PROGRESS %lu\n", i + 1);
	}
	probe(fd, &t);
	report(&t);
	return t.bad ? 1 : 0;
}
