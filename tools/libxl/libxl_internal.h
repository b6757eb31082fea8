/* SPDX-License-Identifier: GPL-2.0-only */
/* libxl internals. */
#ifndef XA_LIBXL_INTERNAL_H
#define XA_LIBXL_INTERNAL_H

#include <stdio.h>

#include "libxl.h"

struct libxl_ctx {
	xc_interface *xch;
	int xs_fd;      /* xenstore socket or xenbus device, -1 until used */
	uint32_t xs_req_id;
	uint32_t xs_tx; /* open transaction, 0 = none */
};

/* Minimal xenstore client (libxl_xs.c); each returns 0 or -1 with errno. */
int libxl_xs_open(libxl_ctx *ctx);
void libxl_xs_close(libxl_ctx *ctx);
char *libxl_xs_read(libxl_ctx *ctx, const char *path);
int libxl_xs_write(libxl_ctx *ctx, const char *path, const char *value);
/* perms: "<n|r|w|b><domid>", the first names the owner. */
int libxl_xs_set_perms(libxl_ctx *ctx, const char *path, const char *const *perms, int n);
int libxl_xs_rm(libxl_ctx *ctx, const char *path);
char *libxl_xs_directory(libxl_ctx *ctx, const char *path, int *n);
int libxl_xs_introduce(libxl_ctx *ctx, uint32_t domid, uint64_t gfn, uint32_t port);
int libxl_xs_transaction_start(libxl_ctx *ctx);
int libxl_xs_transaction_end(libxl_ctx *ctx, int abort);
/* Pipelined requests in the current transaction, run together (libxl_xs.c). */
struct libxl_xs_batch;
struct libxl_xs_batch *libxl_xs_batch_new(void);
void libxl_xs_batch_write(libxl_ctx *ctx, struct libxl_xs_batch *b, const char *path,
			  const char *value);
void libxl_xs_batch_perms(libxl_ctx *ctx, struct libxl_xs_batch *b, const char *path,
			  const char *const *perms, int n);
void libxl_xs_batch_rm(libxl_ctx *ctx, struct libxl_xs_batch *b, const char *path);
int libxl_xs_batch_run(libxl_ctx *ctx, struct libxl_xs_batch *b);
void libxl_xs_batch_free(struct libxl_xs_batch *b);
/* A watch on a connection of its own; next: the next message's type (15: an event), -1. */
int libxl_xs_watch_open(const char *path, const char *token);
int libxl_xs_watch_next(int fd);

/* The state of a domain being built (libxl_create.c, libxl_arm_build.c). */
struct libxl_build {
	const libxl_domain_config *d;
	uint32_t domid;
	unsigned int max_vcpus;
	uint64_t ram_bytes;        /* bank 0 (+ bank 1) populated */
	uint32_t store_port, console_port;
	int gic_version;           /* 2 or 3 as Xen chose */
	uint32_t clock_frequency;
	bool aarch64;
	uint64_t kernel_addr, entry, ramdisk_addr, ramdisk_size, dtb_addr;
	bool paused;               /* leave it paused (xl create -p) */
};

/* libxl_arm_build.c: memory, images, vCPU 0, grant entries; 0 or ERROR_*. */
int libxl__arm_populate(libxl_ctx *ctx, struct libxl_build *b);
int libxl__arm_load(libxl_ctx *ctx, struct libxl_build *b);
/* libxl_gcopy.c: writing a not-yet-run domain's memory by grant copy. */
struct libxl_gcopy;
struct libxl_gcopy *libxl__gcopy_open(libxl_ctx *ctx, uint32_t domid);
int libxl__gcopy(libxl_ctx *ctx, struct libxl_gcopy *g, uint64_t gpa, const void *src,
		 uint64_t len);
void libxl__gcopy_close(struct libxl_gcopy *g);
int libxl__arm_boot_vcpu(libxl_ctx *ctx, struct libxl_build *b);
int libxl__arm_seed_grants(libxl_ctx *ctx, struct libxl_build *b);

/* libxl_disk.c: vbd backend/frontend entries for the kernel's blkback. */
int libxl__disks_add(libxl_ctx *ctx, struct libxl_build *b);
int libxl__disk_add(libxl_ctx *ctx, uint32_t domid, const libxl_device_disk *k);
void libxl__disks_rm(libxl_ctx *ctx, uint32_t domid);
int libxl__vdev_to_devid(const char *vdev);

/* libxl_nic.c: vif backend/frontend entries and the bridge for netback. */
int libxl__nics_add(libxl_ctx *ctx, struct libxl_build *b);
int libxl__nic_add(libxl_ctx *ctx, uint32_t domid, const libxl_device_nic *n, int devid);
void libxl__nics_rm(libxl_ctx *ctx, uint32_t domid);

/* libxl_device.c: hotplug scripts (Xen's calling convention), teardown, checks. */
#ifndef XEN_SCRIPT_DIR
#define XEN_SCRIPT_DIR "/etc/xen/scripts"
#endif
struct libxl__hotplug {
	const char *script;  /* absolute path */
	const char *action;  /* vbd: add|remove, vif: online|offline */
	const char *kind;    /* XENBUS_TYPE: vbd, vif */
	const char *be;      /* XENBUS_PATH: the backend directory */
	const char *ifname;  /* vif only: $vif */
	const char *what;    /* the device, for messages */
};
void libxl__script_path(const char *script, const char *dflt, char *out, size_t len);
int libxl__hotplug_run(libxl_ctx *ctx, const struct libxl__hotplug *hp);
void libxl__backend_teardown(libxl_ctx *ctx, const char *be, const char *kind, uint32_t domid,
			     int devid);
void libxl__backends_teardown(libxl_ctx *ctx, const char *kind, uint32_t domid);
int libxl__devices_check(const libxl_domain_config *d);
int libxl__disk_check(const libxl_device_disk *k);
int libxl__nic_check(const libxl_device_nic *n, int devid);

/* libxl_create_xs.c */
int libxl__xs_domain_make(libxl_ctx *ctx, struct libxl_build *b);
void libxl__xs_domain_rm(libxl_ctx *ctx, uint32_t domid);
/* userdata.c: removes the saved config (before the domain is destroyed). */
void libxl__userdata_rm(libxl_ctx *ctx, uint32_t domid);
/* ...and stores json as its saved config (under its current uuid). */
int libxl__userdata_store_json(libxl_ctx *ctx, uint32_t domid, const char *json);

#endif
