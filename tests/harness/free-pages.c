/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * free-pages: prints the hypervisor's free page count (sysctl physinfo,
 * from dom0 through privcmd) as "free_pages=N scrub_pages=N". xl info's
 * free_memory is in MiB, so a leak of a few pages per guest would not show
 * in it for many rounds; this figure shows a single page. Test helper for
 * the create/destroy rounds; built statically at test time, for any
 * toolstack (it needs no library).
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

#include "xen-sys/linux/privcmd.h"

/* Xen's public sysctl.h (4.17): hypercall, command and interface version. */
#define HYPERVISOR_sysctl 35
#define XEN_SYSCTL_physinfo 3
#define XEN_SYSCTL_INTERFACE_VERSION 0x15

struct physinfo {
	uint32_t threads_per_core, cores_per_socket, nr_cpus, max_cpu_id;
	uint32_t nr_nodes, max_node_id, cpu_khz, capabilities;
	uint32_t arch_capabilities, pad;
	uint64_t total_pages, free_pages, scrub_pages, outstanding_pages, max_mfn;
	uint32_t hw_cap[8];
};

struct sysctl {
	uint32_t cmd;
	uint32_t interface_version;
	union {
		struct physinfo physinfo;
		uint8_t pad[128];
	} u;
};

/* One page, so the hypervisor's copy never crosses into an unmapped one. */
static struct sysctl arg __attribute__((aligned(4096)));

static int open_privcmd(void)
{
	int fd = open("/dev/xen/privcmd", O_RDWR);

	return fd >= 0 ? fd : open("/proc/xen/privcmd", O_RDWR);
}

/* One sysctl of command cmd on arg (filled by the caller): 0 or -1. */
static int sysctl(uint32_t cmd)
{
	privcmd_hypercall_t call = { .op = HYPERVISOR_sysctl };
	int fd = open_privcmd(), rc;

	if (fd < 0) {
		perror("free-pages: privcmd");
		return -1;
	}
	arg.cmd = cmd;
	arg.interface_version = XEN_SYSCTL_INTERFACE_VERSION;
	mlock(&arg, sizeof(arg));
	call.arg[0] = (uint64_t)(uintptr_t)&arg;
	rc = ioctl(fd, IOCTL_PRIVCMD_HYPERCALL, &call);
	close(fd);
	return rc < 0 ? -1 : 0;
}

int main(int argc, char **argv)
{
	(void)argv;
	if (argc > 1) {
		fprintf(stderr, "usage: free-pages\n");
		return 2;
	}
	if (sysctl(XEN_SYSCTL_physinfo)) {
		perror("free-pages: sysctl(physinfo)");
		return 1;
	}
	printf("free_pages=%llu scrub_pages=%llu\n",
	       (unsigned long long)arg.u.physinfo.free_pages,
	       (unsigned long long)arg.u.physinfo.scrub_pages);
	return 0;
}
