/* SPDX-License-Identifier: GPL-2.0-only */
/* Linux's /dev/xen/gntdev interface (include/uapi/xen/gntdev.h). */
#ifndef XA_LINUX_GNTDEV_H
#define XA_LINUX_GNTDEV_H

#include <stdint.h>
#include <sys/ioctl.h>

struct ioctl_gntdev_grant_ref {
	uint32_t domid;
	uint32_t ref;
};

struct ioctl_gntdev_map_grant_ref {
	uint32_t count;
	uint32_t pad;
	uint64_t index;
	struct ioctl_gntdev_grant_ref refs[1];
};

struct ioctl_gntdev_unmap_grant_ref {
	uint64_t index;
	uint32_t count;
	uint32_t pad;
};

struct ioctl_gntdev_set_max_grants {
	uint32_t count;
};

struct ioctl_gntdev_unmap_notify {
	uint64_t index;
	uint32_t action;
	uint32_t event_channel_port;
};

/* One part of IOCTL_GNTDEV_GRANT_COPY: a local buffer or a grant on each side. */
struct gntdev_grant_copy_segment {
	union {
		void *virt;
		struct {
			uint32_t ref;
			uint16_t offset;
			uint16_t domid;
		} foreign;
	} source, dest;
	uint16_t len;
	uint16_t flags;  /* GNTCOPY_* */
	int16_t status;  /* GNTST_* */
};

struct ioctl_gntdev_grant_copy {
	unsigned int count;
	struct gntdev_grant_copy_segment *segments;
};

#define UNMAP_NOTIFY_CLEAR_BYTE 0x1
#define UNMAP_NOTIFY_SEND_EVENT 0x2

#define IOCTL_GNTDEV_MAP_GRANT_REF \
	_IOC(_IOC_NONE, 'G', 0, sizeof(struct ioctl_gntdev_map_grant_ref))
#define IOCTL_GNTDEV_UNMAP_GRANT_REF \
	_IOC(_IOC_NONE, 'G', 1, sizeof(struct ioctl_gntdev_unmap_grant_ref))
#define IOCTL_GNTDEV_SET_MAX_GRANTS \
	_IOC(_IOC_NONE, 'G', 3, sizeof(struct ioctl_gntdev_set_max_grants))
#define IOCTL_GNTDEV_SET_UNMAP_NOTIFY \
	_IOC(_IOC_NONE, 'G', 7, sizeof(struct ioctl_gntdev_unmap_notify))
#define IOCTL_GNTDEV_GRANT_COPY \
	_IOC(_IOC_NONE, 'G', 8, sizeof(struct ioctl_gntdev_grant_copy))

#endif
