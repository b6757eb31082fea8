/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The JSON descriptors: for each struct, its fields in the order of Xen
 * 4.17's libxl_types.idl, with the IDL's init values.  Fields the model does
 * not carry are always at their default and so would never be printed.
 */
#include <stddef.h>

#include "libxl_json.h"

#define N(t) (sizeof(t) / sizeof((t)[0]))
#define S(T, key, kind, member) { key, kind, offsetof(T, member), 0, NULL, NULL, 0, 0, 0, 0, NULL, 0 }
#define I(T, key, kind, member, init) { key, kind, offsetof(T, member), init, NULL, NULL, 0, 0, 0, 0, NULL, 0 }
#define E(T, key, member, init, tbl) { key, J_ENUM, offsetof(T, member), init, &tbl, NULL, 0, 0, 0, 0, NULL, 0 }
#define SUB(T, key, member, st) { key, J_STRUCT, offsetof(T, member), 0, NULL, &st, 0, 0, 0, 0, NULL, 0 }
#define ARR(T, key, member, count, ekind, etype, st) \
	{ key, J_ARRAY, offsetof(T, member), 0, NULL, st, ekind, sizeof(etype), \
	  offsetof(T, count) - offsetof(T, member), 0, NULL, 0 }

#define CI libxl_domain_create_info
static const struct jfield c_info_f[] = {
	E(CI, "type", type, LIBXL_DOMAIN_TYPE_INVALID, libxl_enum_domain_type),
	S(CI, "hap", J_DEFBOOL, hap),
	I(CI, "ssidref", J_UINT32, ssidref, 0),
	S(CI, "ssid_label", J_STRING, ssid_label),
	S(CI, "name", J_STRING, name),
	S(CI, "uuid", J_UUID, uuid),
	S(CI, "pool_name", J_STRING, pool_name),
	S(CI, "run_hotplug_scripts", J_DEFBOOL, run_hotplug_scripts),
	S(CI, "driver_domain", J_DEFBOOL, driver_domain),
	E(CI, "passthrough", passthrough, 0, libxl_enum_passthrough),
};
static const struct jstruct c_info = { c_info_f, N(c_info_f) };

#define SP libxl_domain_sched_params
static const struct jfield sched_f[] = {
	I(SP, "weight", J_INT, weight, -1), I(SP, "cap", J_INT, cap, -1),
	I(SP, "period", J_INT, period, -1), I(SP, "budget", J_INT, budget, -1),
	I(SP, "extratime", J_INT, extratime, -1), I(SP, "slice", J_INT, slice, -1),
	I(SP, "latency", J_INT, latency, -1),
};
static const struct jstruct sched = { sched_f, N(sched_f) };

#define IR libxl_iomem_range
static const struct jfield iomem_f[] = {
	I(IR, "start", J_UINT64, start, 0),
	I(IR, "number", J_UINT64, number, 0),
	I(IR, "gfn", J_UINT64, gfn, (int64_t)LIBXL_INVALID_GFN),
};
static const struct jstruct iomem = { iomem_f, N(iomem_f) };

#define BI libxl_domain_build_info
static const struct jfield pv_f[] = { S(BI, "e820_host", J_DEFBOOL, pv.e820_host) };
static const struct jstruct pv = { pv_f, N(pv_f) };
static const struct jfield pvh_f[] = { S(BI, "pvshim", J_DEFBOOL, pvh.pvshim) };
static const struct jstruct pvh = { pvh_f, N(pvh_f) };
static const struct jstruct empty = { NULL, 0 };
static const struct junion_member type_members[] = {
	{ LIBXL_DOMAIN_TYPE_HVM, "hvm", &empty },
	{ LIBXL_DOMAIN_TYPE_PV, "pv", &pv },
	{ LIBXL_DOMAIN_TYPE_PVH, "pvh", &pvh },
	{ LIBXL_DOMAIN_TYPE_INVALID, "invalid", NULL },
};
static const struct jfield arm_f[] = {
	E(BI, "gic_version", arch_arm.gic_version, 0, libxl_enum_gic_version),
	E(BI, "vuart", arch_arm.vuart, 0, libxl_enum_vuart_type),
};
static const struct jstruct arch_arm = { arm_f, N(arm_f) };

static const struct jfield b_info_f[] = {
	I(BI, "max_vcpus", J_INT, max_vcpus, 0),
	S(BI, "avail_vcpus", J_BITMAP, avail_vcpus),
	S(BI, "cpumap", J_BITMAP, cpumap),
	ARR(BI, "vcpu_hard_affinity", vcpu_hard_affinity, num_vcpu_hard_affinity,
	    J_BITMAP, libxl_bitmap, NULL),
	S(BI, "numa_placement", J_DEFBOOL, numa_placement),
	I(BI, "max_memkb", J_UINT64, max_memkb, (int64_t)LIBXL_MEMKB_DEFAULT),
	I(BI, "target_memkb", J_UINT64, target_memkb, (int64_t)LIBXL_MEMKB_DEFAULT),
	S(BI, "exec_ssid_label", J_STRING, exec_ssid_label),
	I(BI, "max_grant_frames", J_UINT32, max_grant_frames, LIBXL_MAX_GRANT_DEFAULT),
	I(BI, "max_maptrack_frames", J_UINT32, max_maptrack_frames, LIBXL_MAX_GRANT_DEFAULT),
	I(BI, "max_grant_version", J_UINT32, max_grant_version, LIBXL_MAX_GRANT_DEFAULT),
	SUB(BI, "sched_params", sched_params, sched),
	ARR(BI, "irqs", irqs, num_irqs, J_UINT32, uint32_t, NULL),
	ARR(BI, "iomem", iomem, num_iomem, J_STRUCT, libxl_iomem_range, &iomem),
	S(BI, "claim_mode", J_DEFBOOL, claim_mode),
	I(BI, "event_channels", J_UINT32, event_channels, 0),
	S(BI, "kernel", J_STRING, kernel),
	S(BI, "cmdline", J_STRING, cmdline),
	S(BI, "ramdisk", J_STRING, ramdisk),
	S(BI, "device_tree", J_STRING, device_tree),
	S(BI, "acpi", J_DEFBOOL, acpi),
	S(BI, "bootloader", J_STRING, bootloader),
	S(BI, "bootloader_args", J_STRLIST, bootloader_args),
	E(BI, "tee", tee, 0, libxl_enum_tee_type),
	{ "type", J_UNION, 0, 0, NULL, NULL, 0, 0, 0, offsetof(BI, type),
	  type_members, N(type_members) },
	/* arch_arm's field offsets are relative to b_info, hence offset 0 here */
	{ "arch_arm", J_STRUCT, 0, 0, NULL, &arch_arm, 0, 0, 0, 0, NULL, 0 },
	{ "arch_x86", J_STRUCT, 0, 0, NULL, &empty, 0, 0, 0, 0, NULL, 0 },
	S(BI, "vpmu", J_DEFBOOL, vpmu),
};
static const struct jstruct b_info = { b_info_f, N(b_info_f) };

#define DK libxl_device_disk
static const struct jfield disk_f[] = {
	I(DK, "backend_domid", J_UINT32, backend_domid, 0),
	S(DK, "backend_domname", J_STRING, backend_domname),
	S(DK, "pdev_path", J_STRING, pdev_path),
	S(DK, "vdev", J_STRING, vdev),
	E(DK, "backend", backend, 0, libxl_enum_disk_backend),
	E(DK, "format", format, 0, libxl_enum_disk_format),
	S(DK, "script", J_STRING, script),
	I(DK, "removable", J_INT, removable, 0),
	I(DK, "readwrite", J_INT, readwrite, 0),
	I(DK, "is_cdrom", J_INT, is_cdrom, 0),
	S(DK, "direct_io_safe", J_BOOL, direct_io_safe),
	S(DK, "discard_enable", J_DEFBOOL, discard_enable),
	E(DK, "specification", specification, 0, libxl_enum_disk_spec),
	S(DK, "colo_enable", J_DEFBOOL, colo_enable),
	S(DK, "trusted", J_DEFBOOL, trusted),
};
const struct jstruct libxl_json_device_disk = { disk_f, N(disk_f) };

#define NI libxl_device_nic
static const struct jfield nic_f[] = {
	I(NI, "backend_domid", J_UINT32, backend_domid, 0),
	S(NI, "backend_domname", J_STRING, backend_domname),
	I(NI, "devid", J_INT, devid, -1),
	I(NI, "mtu", J_INT, mtu, 0),
	S(NI, "model", J_STRING, model),
	S(NI, "mac", J_MAC, mac),
	S(NI, "ip", J_STRING, ip),
	S(NI, "bridge", J_STRING, bridge),
	S(NI, "ifname", J_STRING, ifname),
	S(NI, "script", J_STRING, script),
	E(NI, "nictype", nictype, 0, libxl_enum_nic_type),
	I(NI, "rate_bytes_per_interval", J_UINT64, rate_bytes_per_interval, 0),
	I(NI, "rate_interval_usecs", J_UINT32, rate_interval_usecs, 0),
	S(NI, "gatewaydev", J_STRING, gatewaydev),
	S(NI, "trusted", J_DEFBOOL, trusted),
};
const struct jstruct libxl_json_device_nic = { nic_f, N(nic_f) };

static const struct jfield dtdev_f[] = { S(libxl_device_dtdev, "path", J_STRING, path) };
static const struct jstruct dtdev = { dtdev_f, N(dtdev_f) };

#define DC libxl_domain_config
static const struct jfield config_f[] = {
	SUB(DC, "c_info", c_info, c_info),
	SUB(DC, "b_info", b_info, b_info),
	ARR(DC, "disks", disks, num_disks, J_STRUCT, libxl_device_disk, &libxl_json_device_disk),
	ARR(DC, "nics", nics, num_nics, J_STRUCT, libxl_device_nic, &libxl_json_device_nic),
	ARR(DC, "dtdevs", dtdevs, num_dtdevs, J_STRUCT, libxl_device_dtdev, &dtdev),
	E(DC, "on_poweroff", on_poweroff, 1, libxl_enum_action),
	E(DC, "on_reboot", on_reboot, 1, libxl_enum_action),
	E(DC, "on_watchdog", on_watchdog, 1, libxl_enum_action),
	E(DC, "on_crash", on_crash, 1, libxl_enum_action),
	E(DC, "on_soft_reset", on_soft_reset, 1, libxl_enum_action),
};
const struct jstruct libxl_json_domain_config = { config_f, N(config_f) };
