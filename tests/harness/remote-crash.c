/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * remote-crash DOMID: marks a guest as crashed the way the hypervisor does
 * when a guest reports a crash (SCHEDOP_remote_shutdown with reason
 * SHUTDOWN_crash, from dom0 through privcmd). Test helper for the on_crash
 * actions: Debian's arm64 kernel does not report its own panics to Xen, so
 * a guest that panics just spins. Built statically at test time, for any
 * toolstack (it needs no library).
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

#include "xen-sys/linux/privcmd.h"

#define HYPERVISOR_sched_op 29
#define SCHEDOP_remote_shutdown 4
#define SHUTDOWN_crash 3

struct remote_shutdown {
	uint16_t domain_id;
	uint32_t reason;
};

static struct remote_shutdown arg __attribute__((aligned(4096)));

int main(int argc, char **argv)
{
	privcmd_hypercall_t call = { .op = HYPERVISOR_sched_op };
	char *end;
	long id = argc == 2 ? strtol(argv[1], &end, 10) : -1;
	int fd, rc;

	if (id <= 0 || id >= 0x7ff0 || *end) {
		fprintf(stderr, "usage: remote-crash DOMID (a guest's domid)\n");
		return 2;
	}
	fd = open("/dev/xen/privcmd", O_RDWR);
	if (fd < 0)
		fd = open("/proc/xen/privcmd", O_RDWR);
	if (fd < 0) {
		perror("remote-crash: privcmd");
		return 1;
	}
	arg.domain_id = (uint16_t)id;
	arg.reason = SHUTDOWN_crash;
	mlock(&arg, sizeof(arg));
	call.arg[0] = SCHEDOP_remote_shutdown;
	call.arg[1] = (uint64_t)(uintptr_t)&arg;
	rc = ioctl(fd, IOCTL_PRIVCMD_HYPERCALL, &call);
	if (rc < 0)
		perror("remote-crash: sched_op(remote_shutdown)");
	close(fd);
	return rc < 0;
}
