/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The domain configuration model: the subset of Xen 4.17's libxl IDL
 * (libxl_domain_config and what it contains) that an Arm guest uses.
 * Field meanings, enum values and "default" values follow the IDL so that
 * our JSON (libxl_json.c) is the same as libxl's for the same config.
 */
#ifndef XA_LIBXL_TYPES_H
#define XA_LIBXL_TYPES_H

#include <stdbool.h>
#include <stdint.h>

/* A boolean that can also be "not set": libxl_defbool. */
typedef struct {
	int val; /* 0 default, > 0 true, < 0 false */
} libxl_defbool;

typedef struct {
	uint8_t bytes[16];
} libxl_uuid;

typedef uint8_t libxl_mac[6];

/* A CPU/vCPU set, stored as bytes; size counted in bits. */
typedef struct {
	uint32_t size;
	uint8_t *map;
} libxl_bitmap;

/* NULL-terminated array of strings, or NULL. */
typedef char **libxl_string_list;

#define LIBXL_MEMKB_DEFAULT (~(uint64_t)0)
#define LIBXL_INVALID_GFN (~(uint64_t)0)
#define LIBXL_MAX_GRANT_DEFAULT (~(uint32_t)0)
#define LIBXL_DOMAIN_SCHED_PARAM_DEFAULT (-1)

typedef enum {
	LIBXL_DOMAIN_TYPE_INVALID = -1,
	LIBXL_DOMAIN_TYPE_HVM = 1,
	LIBXL_DOMAIN_TYPE_PV = 2,
	LIBXL_DOMAIN_TYPE_PVH = 3,
} libxl_domain_type;

typedef enum {
	LIBXL_ACTION_ON_SHUTDOWN_DESTROY = 1,
	LIBXL_ACTION_ON_SHUTDOWN_RESTART = 2,
	LIBXL_ACTION_ON_SHUTDOWN_RESTART_RENAME = 3,
	LIBXL_ACTION_ON_SHUTDOWN_PRESERVE = 4,
	LIBXL_ACTION_ON_SHUTDOWN_COREDUMP_DESTROY = 5,
	LIBXL_ACTION_ON_SHUTDOWN_COREDUMP_RESTART = 6,
	LIBXL_ACTION_ON_SHUTDOWN_SOFT_RESET = 7,
} libxl_action_on_shutdown;

typedef enum {
	LIBXL_DISK_FORMAT_UNKNOWN = 0,
	LIBXL_DISK_FORMAT_QCOW = 1,
	LIBXL_DISK_FORMAT_QCOW2 = 2,
	LIBXL_DISK_FORMAT_VHD = 3,
	LIBXL_DISK_FORMAT_RAW = 4,
	LIBXL_DISK_FORMAT_EMPTY = 5,
	LIBXL_DISK_FORMAT_QED = 6,
} libxl_disk_format;

typedef enum {
	LIBXL_DISK_BACKEND_UNKNOWN = 0,
	LIBXL_DISK_BACKEND_PHY = 1,
	LIBXL_DISK_BACKEND_TAP = 2,
	LIBXL_DISK_BACKEND_QDISK = 3,
	LIBXL_DISK_BACKEND_STANDALONE = 4,
} libxl_disk_backend;

typedef enum {
	LIBXL_DISK_SPECIFICATION_UNKNOWN = 0,
	LIBXL_DISK_SPECIFICATION_XEN = 1,
	LIBXL_DISK_SPECIFICATION_VIRTIO = 2,
} libxl_disk_specification;

typedef enum {
	LIBXL_NIC_TYPE_UNKNOWN = 0,
	LIBXL_NIC_TYPE_VIF_IOEMU = 1,
	LIBXL_NIC_TYPE_VIF = 2,
} libxl_nic_type;

typedef enum {
	LIBXL_GIC_VERSION_DEFAULT = 0,
	LIBXL_GIC_VERSION_V2 = 0x20,
	LIBXL_GIC_VERSION_V3 = 0x30,
} libxl_gic_version;

typedef enum {
	LIBXL_VUART_TYPE_UNKNOWN = 0,
	LIBXL_VUART_TYPE_SBSA_UART = 1,
} libxl_vuart_type;

typedef enum {
	LIBXL_TEE_TYPE_NONE = 0,
	LIBXL_TEE_TYPE_OPTEE = 1,
} libxl_tee_type;

typedef enum {
	LIBXL_PASSTHROUGH_DEFAULT = 0,
	LIBXL_PASSTHROUGH_DISABLED = 1,
	LIBXL_PASSTHROUGH_ENABLED = 2,
	LIBXL_PASSTHROUGH_SYNC_PT = 3,
	LIBXL_PASSTHROUGH_SHARE_PT = 4,
} libxl_passthrough;

typedef struct {
	libxl_domain_type type;
	libxl_defbool hap;
	uint32_t ssidref;
	char *ssid_label;
	char *name;
	libxl_uuid uuid;
	char *pool_name;
	libxl_defbool run_hotplug_scripts;
	libxl_defbool driver_domain;
	libxl_passthrough passthrough;
} libxl_domain_create_info;

typedef struct {
	int weight, cap, period, budget, extratime, slice, latency;
} libxl_domain_sched_params;

typedef struct {
	uint64_t start, number, gfn;
} libxl_iomem_range;

typedef struct {
	int max_vcpus;
	libxl_bitmap avail_vcpus;
	libxl_bitmap cpumap;
	libxl_bitmap *vcpu_hard_affinity;
	int num_vcpu_hard_affinity;
	libxl_defbool numa_placement;
	uint64_t max_memkb, target_memkb;
	char *exec_ssid_label;
	uint32_t max_grant_frames, max_maptrack_frames;
	uint32_t max_grant_version;
	libxl_domain_sched_params sched_params;
	uint32_t *irqs;
	int num_irqs;
	libxl_iomem_range *iomem;
	int num_iomem;
	libxl_defbool claim_mode;
	uint32_t event_channels;
	char *kernel, *cmdline, *ramdisk, *device_tree;
	libxl_defbool acpi;
	char *bootloader;
	libxl_string_list bootloader_args;
	libxl_tee_type tee;
	libxl_domain_type type; /* keys the union (u.pv / u.pvh) */
	struct {
		libxl_defbool e820_host;
	} pv;
	struct {
		libxl_defbool pvshim;
	} pvh;
	struct {
		libxl_gic_version gic_version;
		libxl_vuart_type vuart;
		uint32_t nr_spis; /* xl.cfg nr_spis (4.20+): not in 4.17's JSON */
	} arch_arm;
	libxl_defbool vpmu;
} libxl_domain_build_info;

typedef struct {
	uint32_t backend_domid;
	char *backend_domname;
	char *pdev_path;
	char *vdev;
	libxl_disk_backend backend;
	libxl_disk_format format;
	char *script;
	int removable, readwrite, is_cdrom;
	bool direct_io_safe;
	libxl_defbool discard_enable;
	libxl_disk_specification specification;
	libxl_defbool colo_enable;
	libxl_defbool trusted;
} libxl_device_disk;

typedef struct {
	uint32_t backend_domid;
	char *backend_domname;
	int devid;
	int mtu;
	char *model;
	libxl_mac mac;
	char *ip, *bridge, *ifname, *script;
	libxl_nic_type nictype;
	uint64_t rate_bytes_per_interval;
	uint32_t rate_interval_usecs;
	char *gatewaydev;
	libxl_defbool trusted;
} libxl_device_nic;

typedef struct {
	char *path;
} libxl_device_dtdev;

typedef struct {
	libxl_domain_create_info c_info;
	libxl_domain_build_info b_info;
	libxl_device_disk *disks;
	int num_disks;
	libxl_device_nic *nics;
	int num_nics;
	libxl_device_dtdev *dtdevs;
	int num_dtdevs;
	libxl_action_on_shutdown on_poweroff, on_reboot, on_watchdog;
	libxl_action_on_shutdown on_crash, on_soft_reset;
} libxl_domain_config;

/* Set every field to the IDL's init value. */
void libxl_domain_config_init(libxl_domain_config *d);
void libxl_domain_config_dispose(libxl_domain_config *d);
void libxl_device_disk_init(libxl_device_disk *d);
void libxl_device_disk_dispose(libxl_device_disk *d);
void libxl_device_nic_init(libxl_device_nic *n);
void libxl_device_nic_dispose(libxl_device_nic *n);

void libxl_defbool_set(libxl_defbool *b, bool v);
bool libxl_defbool_is_default(libxl_defbool b);
const char *libxl_defbool_to_string(libxl_defbool b);

/* Bitmaps: alloc returns 0 or -1 (ENOMEM). */
int libxl_bitmap_alloc(libxl_bitmap *b, uint32_t nbits);
void libxl_bitmap_dispose(libxl_bitmap *b);
void libxl_bitmap_set(libxl_bitmap *b, uint32_t bit);
void libxl_bitmap_reset(libxl_bitmap *b, uint32_t bit);
bool libxl_bitmap_test(const libxl_bitmap *b, uint32_t bit);
bool libxl_bitmap_is_empty(const libxl_bitmap *b);

/* UUIDs in the 8-4-4-4-12 text form; from_string returns 0 or -1. */
void libxl_uuid_generate(libxl_uuid *u);
int libxl_uuid_from_string(libxl_uuid *u, const char *s);
void libxl_uuid_to_string(const libxl_uuid *u, char buf[37]);
bool libxl_uuid_is_nil(const libxl_uuid *u);

/* Enum <-> string, with libxl's names; from_string returns 0 or -1. */
const char *libxl_domain_type_to_string(libxl_domain_type t);
int libxl_domain_type_from_string(const char *s, libxl_domain_type *t);
const char *libxl_action_on_shutdown_to_string(libxl_action_on_shutdown a);
const char *libxl_disk_format_to_string(libxl_disk_format f);
const char *libxl_disk_backend_to_string(libxl_disk_backend b);
const char *libxl_disk_specification_to_string(libxl_disk_specification s);
const char *libxl_nic_type_to_string(libxl_nic_type t);
const char *libxl_gic_version_to_string(libxl_gic_version g);
int libxl_gic_version_from_string(const char *s, libxl_gic_version *g);
const char *libxl_vuart_type_to_string(libxl_vuart_type v);
int libxl_vuart_type_from_string(const char *s, libxl_vuart_type *v);
const char *libxl_tee_type_to_string(libxl_tee_type t);
int libxl_tee_type_from_string(const char *s, libxl_tee_type *t);
const char *libxl_passthrough_to_string(libxl_passthrough p);
int libxl_passthrough_from_string(const char *s, libxl_passthrough *p);

#endif
