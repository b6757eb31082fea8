/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Descriptor-driven JSON output of the configuration model.  Each struct is
 * described once, in IDL field order, by a table of {key, kind, offset,
 * default}; libxl_json.c walks the tables.
 */
#ifndef XA_LIBXL_JSON_H
#define XA_LIBXL_JSON_H

#include <stddef.h>
#include <stdint.h>
#include <yajl/yajl_gen.h>

#include "libxl_enums.h"
#include "libxl_types.h"

enum jkind {
	J_STRING, J_INT, J_UINT32, J_UINT64, J_BOOL, J_DEFBOOL, J_ENUM,
	J_UUID, J_MAC, J_BITMAP, J_STRLIST, J_STRUCT, J_ARRAY, J_UNION,
};

struct jstruct;

struct junion_member {
	int value;                 /* key value selecting this member */
	const char *name;          /* printed as "<key>.<name>" */
	const struct jstruct *sub; /* NULL: printed as an empty map */
};

struct jfield {
	const char *key;
	enum jkind kind;
	size_t off;                      /* offset in the containing struct */
	int64_t init;                    /* integers and enums: IDL init value */
	const struct enum_table *enums;  /* J_ENUM */
	const struct jstruct *sub;       /* J_STRUCT, J_ARRAY of J_STRUCT */
	enum jkind elem_kind;            /* J_ARRAY */
	size_t elem_size;                /* J_ARRAY */
	size_t count_rel;                /* J_ARRAY: count's offset from off */
	size_t key_off;                  /* J_UNION: offset of the key */
	const struct junion_member *members; /* J_UNION */
	size_t nmembers;
};

struct jstruct {
	const struct jfield *f;
	size_t n;
};

extern const struct jstruct libxl_json_domain_config;
extern const struct jstruct libxl_json_device_disk;
extern const struct jstruct libxl_json_device_nic;

yajl_gen_status libxl_json_gen_struct(yajl_gen g, const void *base, const struct jstruct *st);

/* Pretty-printed JSON (malloc'd, caller frees), or NULL on ENOMEM. */
char *libxl_json_to_string(const void *obj, const struct jstruct *st);
char *libxl_domain_config_to_json(const libxl_domain_config *d);
char *libxl_device_disk_to_json(const libxl_device_disk *d);
char *libxl_device_nic_to_json(const libxl_device_nic *n);

#endif
