/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * libxl: domain operations for xl on top of libxc and xenstore.  Every call
 * returns 0 (or a count) or a negative ERROR_* value after logging why on
 * stderr; none of them exits the process.
 */
#ifndef XA_LIBXL_H
#define XA_LIBXL_H

#include <stdint.h>

#include "libxl_types.h"
#include "xenctrl.h"

#define ERROR_FAIL (-3)
#define ERROR_NI (-4)
#define ERROR_NOMEM (-5)
#define ERROR_INVAL (-6)
#define ERROR_DOMAIN_NOTFOUND (-21)

typedef struct libxl_ctx libxl_ctx;

typedef struct {
	uint32_t domid;
	libxl_uuid uuid;
	uint64_t current_memkb, max_memkb;
	uint64_t cpu_time; /* ns */
	uint32_t vcpu_online, vcpu_max_id;
	uint32_t ssidref;
	uint32_t cpupool;
	bool dying, paused, blocked, running, shutdown;
	uint8_t shutdown_reason;
} libxl_dominfo;

typedef struct {
	uint32_t vcpuid, cpu;
	bool online, blocked, running;
	uint64_t vcpu_time; /* ns */
} libxl_vcpuinfo;

/* Opens privcmd (and xenstore lazily); NULL after saying why. */
libxl_ctx *libxl_ctx_alloc(void);
/* A context without libxc, for xenstore-only users; NULL on ENOMEM. */
libxl_ctx *libxl_ctx_alloc_xs_only(void);
void libxl_ctx_free(libxl_ctx *ctx);
xc_interface *libxl_ctx_xch(libxl_ctx *ctx);

/* domain.c */
int libxl_list_domain(libxl_ctx *ctx, libxl_dominfo **out, int *nr);
int libxl_domain_info(libxl_ctx *ctx, libxl_dominfo *info, uint32_t domid);
int libxl_domain_pause(libxl_ctx *ctx, uint32_t domid);
int libxl_domain_unpause(libxl_ctx *ctx, uint32_t domid);
int libxl_domain_destroy(libxl_ctx *ctx, uint32_t domid);
/* Renames a shut-down domain to name+suffix under a new uuid (rename-restart). */
int libxl_domain_preserve(libxl_ctx *ctx, uint32_t domid, const char *name, const char *suffix);
/* Writes the guest RAM of domid as an ELF core file (coredump-* actions). */
int libxl_domain_core_dump(libxl_ctx *ctx, uint32_t domid, const char *path);
/* userdata.c: the config a domain was created with, as JSON (list -l). */
int libxl_userdata_store_config(libxl_ctx *ctx, uint32_t domid, const libxl_domain_config *d);
char *libxl_userdata_config_json(libxl_ctx *ctx, uint32_t domid);
int libxl_domain_setmaxmem(libxl_ctx *ctx, uint32_t domid, uint64_t max_memkb);
int libxl_list_vcpu(libxl_ctx *ctx, uint32_t domid, libxl_vcpuinfo **out, int *nr);

/* xenstore-backed (libxl_xs.c): names, shutdown requests, memory target. */
char *libxl_domid_to_name(libxl_ctx *ctx, uint32_t domid);
/* Any xenstore node's value (malloc'd), or NULL with errno. */
char *libxl_xs_read_path(libxl_ctx *ctx, const char *path);
int libxl_name_to_domid(libxl_ctx *ctx, const char *name, uint32_t *domid);
int libxl_domain_rename(libxl_ctx *ctx, uint32_t domid, const char *new_name);
int libxl_domain_shutdown_request(libxl_ctx *ctx, uint32_t domid, const char *what);
int libxl_set_memory_target(libxl_ctx *ctx, uint32_t domid, uint64_t target_memkb);
/*
 * Waits (at most timeout_ms) until some domain may have shut down or died:
 * xenstore's @releaseDomain, as xl's monitor does, instead of polling.  The
 * first call only sets the watch up and returns at once.  0, or -1.
 */
int libxl_wait_domain_change(libxl_ctx *ctx, int timeout_ms);

/* Hotplug into a running domain (nic.c, disk.c). */
int libxl_device_nic_add(libxl_ctx *ctx, uint32_t domid, const libxl_device_nic *n);
int libxl_device_disk_add(libxl_ctx *ctx, uint32_t domid, const libxl_device_disk *k);

/* A PV device as its frontend and backend describe it in xenstore (device.c). */
typedef struct {
	int devid, backend_id, frontend_id, state, evtch, rref, rref_rx;
	char backend[96];
	char mac[18];
} libxl_devinfo;

/* kind: "vbd" or "vif".  list: malloc'd array (free it), count in *n. */
int libxl_device_list(libxl_ctx *ctx, uint32_t domid, const char *kind, libxl_devinfo **list,
		      int *n);
/* "xvdb" -> Xen's vbd number, or -1 for a name that is not xvd<letters>[<n>]. */
int libxl__vdev_to_devid_public(const char *vdev);
/* Asks the backend to close, waits for it (unless force), removes both sides. */
int libxl_device_remove(libxl_ctx *ctx, uint32_t domid, const char *kind, int devid, int force);

/* create.c: builds and starts (unless paused) the domain described by d. */
int libxl_domain_create(const libxl_domain_config *d, int paused, uint32_t *domid);
/* Non-zero: libxl_domain_create prints each build step's time (xl -v). */
extern int libxl_verbose;

#endif
