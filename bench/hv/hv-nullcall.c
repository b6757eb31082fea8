// SPDX-License-Identifier: GPL-2.0-only
/*
 * Null-hypercall latency from dom0 (bench/hv/run.py, static aarch64):
 * `hv-nullcall CALLS BATCHES` times BATCHES batches of CALLS privcmd
 * hypercalls xen_version(XENVER_version) -- the cheapest call there is, so
 * the figure is the trap + dispatch + return path (plus Linux's ioctl) --
 * and prints one "NULLCALL-BATCH ns=<per call> syscall_ns=<..>" line per
 * batch and "NULLCALL median_ns=<median of batches> calls=<total>
 * syscall_median_ns=<..>"; syscall_ns is an ioctl privcmd rejects without
 * a hypercall (dom0's own share of a call), timed after each batch.
 */
#include <errno.h>
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

/* One batch: the mean cost of a call in ns, or -1 if a call failed. */
static double batch(int fd, unsigned long calls)
{
	privcmd_hypercall_t h = { .op = 17 /* xen_version */, .arg = { 0 } };
	double t0 = now_ns();
	unsigned long i;

	for (i = 0; i < calls; i++)
		if (ioctl(fd, IOCTL_PRIVCMD_HYPERCALL, &h) <= 0)
			return -1;
	return (now_ns() - t0) / (double)calls;
}

/*
 * The same number of ioctls on the same file that privcmd rejects
 * (-ENOTTY) before any hypercall: dom0's own share of a call (system
 * call entry/exit, KPTI's page-table switches), so that the batch figure
 * minus this one is the hypervisor's share (trap, dispatch, return).
 */
static double syscall_batch(int fd, unsigned long calls)
{
	double t0 = now_ns();
	unsigned long i;

	for (i = 0; i < calls; i++)
		if (ioctl(fd, _IOC(_IOC_NONE, 'P', 0xff, 0), NULL) != -1 || errno != ENOTTY)
			return -1;
	return (now_ns() - t0) / (double)calls;
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
	int fd;

	setvbuf(stdout, NULL, _IOLBF, 0);
	calls = argc > 1 ? strtoul(argv[1], NULL, 0) : 10000;
	n = argc > 2 ? strtoul(argv[2], NULL, 0) : 10;
	if (!calls || !n || n > MAX_BATCHES) {
		fprintf(stderr, "usage: %s CALLS BATCHES (1..%d)\n", argv[0], MAX_BATCHES);
		return 2;
	}
	fd = open("/dev/xen/privcmd", O_RDWR | O_CLOEXEC);
	if (fd < 0) {
		printf("NULLCALL-FAIL open /dev/xen/privcmd: %s\n", strerror(errno));
		return 1;
	}
	for (i = 0; i < n; i++) {
		ns[i] = batch(fd, calls);
		if (ns[i] < 0) {
			printf("NULLCALL-FAIL xen_version: %s\n", strerror(errno));
			return 1;
		}
		sys[i] = syscall_batch(fd, calls);
		if (sys[i] < 0) {
			printf("NULLCALL-FAIL rejected ioctl: %s\n", strerror(errno));
			return 1;
		}
		printf("NULLCALL-BATCH ns=%.0f syscall_ns=%.0f\n", ns[i], sys[i]);
	}
	printf("NULLCALL median_ns=%.0f calls=%lu syscall_median_ns=%.0f\n",
	       median(ns, n), calls * n, median(sys, n));
	return 0;
}
