/* SPDX-License-Identifier: GPL-2.0-only */
/* Enum name tables shared by the JSON generator and the to/from_string helpers. */
#ifndef XA_LIBXL_ENUMS_H
#define XA_LIBXL_ENUMS_H

#include <stddef.h>

#include "libxl_types.h"

struct enum_name {
	int value;
	const char *name;
};

struct enum_table {
	const struct enum_name *e;
	size_t n;
};

extern const struct enum_table libxl_enum_domain_type, libxl_enum_action;
extern const struct enum_table libxl_enum_disk_format, libxl_enum_disk_backend;
extern const struct enum_table libxl_enum_disk_spec, libxl_enum_nic_type;
extern const struct enum_table libxl_enum_gic_version, libxl_enum_vuart_type;
extern const struct enum_table libxl_enum_tee_type, libxl_enum_passthrough;

/* The name of value v, or NULL when v is not in the table. */
const char *libxl_enum_name(const struct enum_table *t, int v);

#endif
