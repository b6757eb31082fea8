/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Enum names as libxl prints and parses them (the IDL's names, lower case).
 * One table per enum; two helpers do every lookup.
 */
#include <stddef.h>
#include <strings.h>

#include "libxl_enums.h"

#define N_ENTRIES(t) (sizeof(t) / sizeof((t)[0]))

static const char *enum_to_string(const struct enum_name *t, size_t n, int v)
{
	for (size_t i = 0; i < n; i++)
		if (t[i].value == v)
			return t[i].name;
	return NULL;
}

/* libxl's generated from_string compares case-insensitively. */
static int enum_from_string(const struct enum_name *t, size_t n, const char *s, int *v)
{
	for (size_t i = 0; s && i < n; i++)
		if (!strcasecmp(t[i].name, s)) {
			*v = t[i].value;
			return 0;
		}
	return -1;
}

static const struct enum_name domain_type[] = {
	{ LIBXL_DOMAIN_TYPE_INVALID, "invalid" }, { LIBXL_DOMAIN_TYPE_HVM, "hvm" },
	{ LIBXL_DOMAIN_TYPE_PV, "pv" }, { LIBXL_DOMAIN_TYPE_PVH, "pvh" },
};
static const struct enum_name action[] = {
	{ 1, "destroy" }, { 2, "restart" }, { 3, "restart_rename" }, { 4, "preserve" },
	{ 5, "coredump_destroy" }, { 6, "coredump_restart" }, { 7, "soft_reset" },
};
static const struct enum_name disk_format[] = {
	{ 0, "unknown" }, { 1, "qcow" }, { 2, "qcow2" }, { 3, "vhd" },
	{ 4, "raw" }, { 5, "empty" }, { 6, "qed" },
};
static const struct enum_name disk_backend[] = {
	{ 0, "unknown" }, { 1, "phy" }, { 2, "tap" }, { 3, "qdisk" }, { 4, "standalone" },
};
static const struct enum_name disk_spec[] = {
	{ 0, "unknown" }, { 1, "xen" }, { 2, "virtio" },
};
static const struct enum_name nic_type[] = {
	{ 0, "unknown" }, { 1, "vif_ioemu" }, { 2, "vif" },
};
static const struct enum_name gic_version[] = {
	{ 0, "default" }, { 0x20, "v2" }, { 0x30, "v3" },
};
static const struct enum_name vuart_type[] = {
	{ 0, "unknown" }, { 1, "sbsa_uart" },
};
static const struct enum_name tee_type[] = {
	{ 0, "none" }, { 1, "optee" },
};
static const struct enum_name passthrough[] = {
	{ 0, "default" }, { 1, "disabled" }, { 2, "enabled" }, { 3, "sync_pt" }, { 4, "share_pt" },
};

#define TO_STRING(tbl, v) enum_to_string(tbl, N_ENTRIES(tbl), (int)(v))
#define TABLE(tbl) { tbl, N_ENTRIES(tbl) }

const struct enum_table libxl_enum_domain_type = TABLE(domain_type);
const struct enum_table libxl_enum_action = TABLE(action);
const struct enum_table libxl_enum_disk_format = TABLE(disk_format);
const struct enum_table libxl_enum_disk_backend = TABLE(disk_backend);
const struct enum_table libxl_enum_disk_spec = TABLE(disk_spec);
const struct enum_table libxl_enum_nic_type = TABLE(nic_type);
const struct enum_table libxl_enum_gic_version = TABLE(gic_version);
const struct enum_table libxl_enum_vuart_type = TABLE(vuart_type);
const struct enum_table libxl_enum_tee_type = TABLE(tee_type);
const struct enum_table libxl_enum_passthrough = TABLE(passthrough);

const char *libxl_enum_name(const struct enum_table *t, int v)
{
	return enum_to_string(t->e, t->n, v);
}

static int from_string(const struct enum_name *t, size_t n, const char *s, int *out)
{
	return enum_from_string(t, n, s, out);
}

const char *libxl_domain_type_to_string(libxl_domain_type t) { return TO_STRING(domain_type, t); }
const char *libxl_action_on_shutdown_to_string(libxl_action_on_shutdown a) { return TO_STRING(action, a); }
const char *libxl_disk_format_to_string(libxl_disk_format f) { return TO_STRING(disk_format, f); }
const char *libxl_disk_backend_to_string(libxl_disk_backend b) { return TO_STRING(disk_backend, b); }
const char *libxl_disk_specification_to_string(libxl_disk_specification s) { return TO_STRING(disk_spec, s); }
const char *libxl_nic_type_to_string(libxl_nic_type t) { return TO_STRING(nic_type, t); }
const char *libxl_gic_version_to_string(libxl_gic_version g) { return TO_STRING(gic_version, g); }
const char *libxl_vuart_type_to_string(libxl_vuart_type v) { return TO_STRING(vuart_type, v); }
const char *libxl_tee_type_to_string(libxl_tee_type t) { return TO_STRING(tee_type, t); }
const char *libxl_passthrough_to_string(libxl_passthrough p) { return TO_STRING(passthrough, p); }

int libxl_domain_type_from_string(const char *s, libxl_domain_type *t)
{
	int v, rc = from_string(domain_type, N_ENTRIES(domain_type), s, &v);

	if (!rc)
		*t = v;
	return rc;
}

int libxl_gic_version_from_string(const char *s, libxl_gic_version *g)
{
	int v, rc = from_string(gic_version, N_ENTRIES(gic_version), s, &v);

	if (!rc)
		*g = v;
	return rc;
}

int libxl_vuart_type_from_string(const char *s, libxl_vuart_type *u)
{
	int v, rc = from_string(vuart_type, N_ENTRIES(vuart_type), s, &v);

	if (!rc)
		*u = v;
	return rc;
}

int libxl_tee_type_from_string(const char *s, libxl_tee_type *t)
{
	int v, rc = from_string(tee_type, N_ENTRIES(tee_type), s, &v);

	if (!rc)
		*t = v;
	return rc;
}

int libxl_passthrough_from_string(const char *s, libxl_passthrough *p)
{
	int v, rc = from_string(passthrough, N_ENTRIES(passthrough), s, &v);

	if (!rc)
		*p = v;
	return rc;
}
