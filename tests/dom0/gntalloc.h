/* SPDX-License-Identifier: GPL-2.0-only */
/* Linux's /dev/xen/gntalloc interface (include/uapi/xen/gntalloc.h). */
#ifndef XA_LINUX_GNTALLOC_H
#define XA_LINUX_GNTALLOC_H

#include <stdint.h>
#include <sys/ioctl.h>

struct ioctl_gntalloc_alloc_gref {
	uint16_t domid;
	uint16_t flags;
	uint32_t count;
	uint64_t index;		/* out: mmap offset */
	uint32_t gref_ids[1];	/* out: count grant references */
};

struct ioctl_gntalloc_dealloc_gref {
	uint64_t index;
	uint32_t count;
};

#define GNTALLOC_FLAG_WRITABLE 1

#define IOCTL_GNTALLOC_ALLOC_GREF \
	_IOC(_IOC_NONE, 'G', 5, sizeof(struct ioctl_gntalloc_alloc_gref))
#define IOCTL_GNTALLOC_DEALLOC_GREF \
	_IOC(_IOC_NONE, 'G', 6, sizeof(struct ioctl_gntalloc_dealloc_gref))

#endif
