// SPDX-License-Identifier: GPL-2.0-only
/*
 * Event-channel round trips between dom0 and a domU (bench/hv/run.py
 * pingpong), through Linux's /dev/xen/evtchn, static aarch64:
 *   hv-pingpong serve            (domU) an unbound port for dom0, printed
 *                                as "PINGPONG-PORT <n>"; every event on it
 *                                is answered with a notify, for ever
 *   hv-pingpong ping DOMID PORT N BATCHES   (dom0) binds to it and times
 *                                BATCHES batches of N notify -> answer
 *                                round trips: "PINGPONG-BATCH ns=<per
 *                                trip>" lines, "PINGPONG median_ns=<..>"
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "linux/evtchn.h"

#define MAX_BATCHES 64

static double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

/* Waits for the next event on fd and unmasks its port again. */
static int wait_event(int fd)
{
	uint32_t port;

	if (read(fd, &port, sizeof(port)) != sizeof(port))
		return -1;
	return write(fd, &port, sizeof(port)) == sizeof(port) ? 0 : -1;
}

static int notify(int fd, unsigned int port)
{
	struct ioctl_evtchn_notify n = { .port = port };

	return ioctl(fd, IOCTL_EVTCHN_NOTIFY, &n);
}

static int serve(int fd)
{
	struct ioctl_evtchn_bind_unbound_port u = { .remote_domain = 0 };
	int port = ioctl(fd, IOCTL_EVTCHN_BIND_UNBOUND_PORT, &u);

	if (port < 0) {
		printf("PINGPONG-FAIL bind_unbound: %s\n", strerror(errno));
		return 1;
	}
	printf("PINGPONG-PORT %d\n", port);
	while (wait_event(fd) == 0)
		if (notify(fd, (unsigned int)port))
			break;
	printf("PINGPONG-FAIL serve: %s\n", strerror(errno));
	return 1;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static int ping(int fd, unsigned int dom, unsigned int rport, unsigned long n, unsigned long b)
{
	struct ioctl_evtchn_bind_interdomain bi = { .remote_domain = dom, .remote_port = rport };
	double ns[MAX_BATCHES], t0;
	unsigned long i, j;
	int port = ioctl(fd, IOCTL_EVTCHN_BIND_INTERDOMAIN, &bi);

	if (port < 0) {
		printf("PINGPONG-FAIL bind_interdomain %u:%u: %s\n", dom, rport, strerror(errno));
		return 1;
	}
	for (j = 0; j < b; j++) {
		t0 = now_ns();
		for (i = 0; i < n; i++)
			if (notify(fd, (unsigned int)port) || wait_event(fd)) {
				printf("PINGPONG-FAIL trip %lu: %s\n", i, strerror(errno));
				return 1;
			}
		ns[j] = (now_ns() - t0) / (double)n;
		printf("PINGPONG-BATCH ns=%.0f\n", ns[j]);
	}
	qsort(ns, b, sizeof(ns[0]), cmp_double);
	printf("PINGPONG median_ns=%.0f trips=%lu\n", ns[b / 2], n * b);
	return 0;
}

int main(int argc, char **argv)
{
	int fd;
	unsigned long n, b;

	setvbuf(stdout, NULL, _IOLBF, 0);
	fd = open("/dev/xen/evtchn", O_RDWR);
	if (fd < 0) {
		printf("PINGPONG-FAIL open /dev/xen/evtchn: %s\n", strerror(errno));
		return 1;
	}
	if (argc == 2 && !strcmp(argv[1], "serve"))
		return serve(fd);
	if (argc != 6 || strcmp(argv[1], "ping"))
		return fprintf(stderr, "usage: hv-pingpong serve | ping DOMID PORT N BATCHES\n"), 2;
	n = strtoul(argv[4], NULL, 0);
	b = strtoul(argv[5], NULL, 0);
	if (!n || !b || b > MAX_BATCHES)
		return fprintf(stderr, "hv-pingpong: N >= 1, 1 <= BATCHES <= %d\n", MAX_BATCHES), 2;
	return ping(fd, (unsigned int)strtoul(argv[2], NULL, 0),
		    (unsigned int)strtoul(argv[3], NULL, 0), n, b);
}
