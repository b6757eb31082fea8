// SPDX-License-Identifier: GPL-2.0-only
/*
 * Null-hypercall latency from dom0 (bench/hv/run.py, static aarch64):
 * `hv-nullcall CALLS BATCHES` times BATCHES batches of CALLS privcmd
 * hypercalls xen_version(XENVER_version) -- the cheapest call there is, so
 * the figure is the trap + dispatch + return path (plus Linux's ioctl) --
 * and prints one "NULLCALL-BATCH ns=<per call> syscall_ns=<..>" line per
 * batch and "NULLCALL median_ns=<median of batches> calls=<total>
 * syscall_median_ns=<..>"; syscall_ns is an ioctl privcmd rejects without
 * a hypercall (dom0's own share of a call), timed in the same batch.
 * A third argument `syscalls` or `hypercalls` makes only that kind of
 * call (the other figure prints 0): one steady loop to profile QEMU on.
 * A fourth names the file the calls go to (default /dev/xen/privcmd):
 * `syscalls /dev/null` times the same rejected ioctl on a kernel without
 * Xen too, for comparison.
 */
#include <errno.h>
#include <stdbool.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "linux/privcmd.h"

#define MAX_BATCHES 64

static double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

#define CHUNK 100

/* Which kinds of call a batch makes (both unless argv[3] names one). */
static bool want_hypercalls = true, want_syscalls = true;

/* `n` hypercalls; false if one failed. */
static bool hypercalls(int fd, unsigned long n)
{
	privcmd_hypercall_t h = { .op = 17 /* xen_version */, .arg = { 0 } };

	while (n--)
		if (ioctl(fd, IOCTL_PRIVCMD_HYPERCALL, &h) <= 0)
			return false;
	return true;
}

/*
 * `n` ioctls on the same file that privcmd rejects (-ENOTTY) before any
 * hypercall: dom0's own share of a call (system call entry and exit,
 * KPTI's page-table switches), so that a call minus this is what the
 * hypervisor adds (trap, dispatch, return).
 */
static bool rejected_ioctls(int fd, unsigned long n)
{
	while (n--)
		if (ioctl(fd, _IOC(_IOC_NONE, 'P', 0xff, 0), NULL) != -1 || errno != ENOTTY)
			return false;
	return true;
}

/*
 * One batch of `calls` of each kind, alternating in chunks of CHUNK so
 * that host load hits both alike: mean ns per hypercall in *call and per
 * rejected ioctl in *sys. false (errno set) if a call failed.
 */
static bool batch(int fd, unsigned long calls, double *call, double *sys)
{
	double tc = 0, ts = 0, t;
	unsigned long done, n;

	for (done = 0; done < calls; done += n) {
		n = calls - done < CHUNK ? calls - done : CHUNK;
		t = now_ns();
		if (!hypercalls(fd, want_hypercalls ? n : 0))
			return false;
		tc += now_ns() - t;
		t = now_ns();
		if (!rejected_ioctls(fd, want_syscalls ? n : 0))
			return false;
		ts += now_ns() - t;
	}
	*call = tc / (double)calls;
	*sys = ts / (double)calls;
	return true;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static double median(double *v, unsigned long n)
{
	qsort(v, n, sizeof(v[0]), cmp_double);
	return v[n / 2];
}

int main(int argc, char **argv)
{
	double ns[MAX_BATCHES], sys[MAX_BATCHES];
	unsigned long calls, n, i;
	const char *path;
	int fd;

	setvbuf(stdout, NULL, _IOLBF, 0);
	calls = argc > 1 ? strtoul(argv[1], NULL, 0) : 10000;
	n = argc > 2 ? strtoul(argv[2], NULL, 0) : 10;
	if (argc > 3) {
		want_hypercalls = !strcmp(argv[3], "hypercalls");
		want_syscalls = !strcmp(argv[3], "syscalls");
	}
	if (!calls || !n || n > MAX_BATCHES || !(want_hypercalls || want_syscalls)) {
		fprintf(stderr, "usage: %s CALLS BATCHES (1..%d) [syscalls|hypercalls [FILE]]\n",
			argv[0], MAX_BATCHES);
		return 2;
	}
	path = argc > 4 ? argv[4] : "/dev/xen/privcmd";
	fd = open(path, O_RDWR | O_CLOEXEC);
	if (fd < 0) {
		printf("NULLCALL-FAIL open %s: %s\n", path, strerror(errno));
		return 1;
	}
	for (i = 0; i < n; i++) {
		if (!batch(fd, calls, &ns[i], &sys[i])) {
			printf("NULLCALL-FAIL ioctl: %s\n", strerror(errno));
			return 1;
		}
		printf("NULLCALL-BATCH ns=%.0f syscall_ns=%.0f\n", ns[i], sys[i]);
	}
	printf("NULLCALL median_ns=%.0f calls=%lu syscall_median_ns=%.0f\n",
	       median(ns, n), calls * n, median(sys, n));
	return 0;
}
