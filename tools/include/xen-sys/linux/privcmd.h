/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Linux's /dev/xen/privcmd interface (include/uapi/xen/privcmd.h): ioctl
 * numbers and argument layouts are the kernel's ABI.
 */
#ifndef XA_LINUX_PRIVCMD_H
#define XA_LINUX_PRIVCMD_H

#include <stdint.h>
#include <sys/ioctl.h>

typedef struct privcmd_hypercall {
	uint64_t op;
	uint64_t arg[5];
} privcmd_hypercall_t;

typedef struct privcmd_mmapbatch_v2 {
	unsigned int num;
	uint16_t dom;
	uint64_t addr;
	const uint64_t *arr; /* xen_pfn_t */
	int *err;
} privcmd_mmapbatch_v2_t;

typedef struct privcmd_mmap_resource {
	uint16_t dom;
	uint32_t type;
	uint32_t id;
	uint32_t idx;
	uint64_t num;
	uint64_t addr;
} privcmd_mmap_resource_t;

#define IOCTL_PRIVCMD_HYPERCALL _IOC(_IOC_NONE, 'P', 0, sizeof(privcmd_hypercall_t))
#define IOCTL_PRIVCMD_MMAPBATCH_V2 _IOC(_IOC_NONE, 'P', 4, sizeof(privcmd_mmapbatch_v2_t))
#define IOCTL_PRIVCMD_RESTRICT _IOC(_IOC_NONE, 'P', 6, sizeof(uint16_t))
#define IOCTL_PRIVCMD_MMAP_RESOURCE _IOC(_IOC_NONE, 'P', 7, sizeof(privcmd_mmap_resource_t))

#endif
