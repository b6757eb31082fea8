/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * JSON output of the configuration model, driven by the descriptor tables in
 * libxl_json_desc.c.  The rules are libxl's (gentypes.py in Xen 4.17):
 * a scalar field is printed only when it differs from its IDL init value,
 * a nested struct is always printed (even as an empty map), an array only
 * when it has elements, a keyed union as "<key>.<member>": {...}.
 * yajl in beautify mode with its default 4-space indent gives the same text.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yajl/yajl_gen.h>

#include "libxl_json.h"

#define FIELD(base, f) ((const char *)(base) + (f)->off)

static int64_t int_value(const void *p, const struct jfield *f)
{
	switch (f->kind) {
	case J_INT:
	case J_ENUM:
		return *(const int *)p;
	case J_UINT32:
		return *(const uint32_t *)p;
	default:
		return (int64_t)*(const uint64_t *)p;
	}
}

static bool bitmap_empty(const libxl_bitmap *b)
{
	return !b->map || libxl_bitmap_is_empty(b);
}

static bool mac_is_zero(const uint8_t *m)
{
	for (int i = 0; i < 6; i++)
		if (m[i])
			return false;
	return true;
}

/* libxl's check: print the field unless it holds its default. */
static bool is_default(const void *p, const struct jfield *f)
{
	switch (f->kind) {
	case J_STRING:
		return *(char *const *)p == NULL;
	case J_STRLIST:
		return *(char **const *)p == NULL || **(char **const *)p == NULL;
	case J_DEFBOOL:
		return libxl_defbool_is_default(*(const libxl_defbool *)p);
	case J_UUID:
		return libxl_uuid_is_nil(p);
	case J_MAC:
		return mac_is_zero(p);
	case J_BITMAP:
		return bitmap_empty(p);
	case J_BOOL:
		return !*(const bool *)p;
	case J_STRUCT:
	case J_UNION:
		return false;
	case J_ARRAY:
		return *(void *const *)p == NULL || *(const int *)((const char *)p + f->count_rel) == 0;
	default:
		return int_value(p, f) == f->init;
	}
}

static yajl_gen_status gen_str(yajl_gen g, const char *s)
{
	if (!s)
		return yajl_gen_null(g);
	return yajl_gen_string(g, (const unsigned char *)s, strlen(s));
}

static yajl_gen_status gen_u64(yajl_gen g, uint64_t v)
{
	char buf[24];
	int n = snprintf(buf, sizeof(buf), "%" PRIu64, v);

	return yajl_gen_number(g, buf, (size_t)n);
}

static yajl_gen_status gen_bitmap(yajl_gen g, const libxl_bitmap *b)
{
	yajl_gen_status s = yajl_gen_array_open(g);

	for (uint32_t i = 0; s == yajl_gen_status_ok && i < b->size; i++)
		if (libxl_bitmap_test(b, i))
			s = yajl_gen_integer(g, i);
	return s == yajl_gen_status_ok ? yajl_gen_array_close(g) : s;
}

static yajl_gen_status gen_strlist(yajl_gen g, char *const *l)
{
	yajl_gen_status s = yajl_gen_array_open(g);

	for (; s == yajl_gen_status_ok && *l; l++)
		s = gen_str(g, *l);
	return s == yajl_gen_status_ok ? yajl_gen_array_close(g) : s;
}

static yajl_gen_status gen_mac(yajl_gen g, const uint8_t *m)
{
	char buf[18];

	snprintf(buf, sizeof(buf), "%02x:%02x:%02x:%02x:%02x:%02x",
		 m[0], m[1], m[2], m[3], m[4], m[5]);
	return gen_str(g, buf);
}

static yajl_gen_status gen_uuid(yajl_gen g, const libxl_uuid *u)
{
	char buf[37];

	libxl_uuid_to_string(u, buf);
	return gen_str(g, buf);
}

static yajl_gen_status gen_value(yajl_gen g, const void *p, const struct jfield *f);

static yajl_gen_status gen_array(yajl_gen g, const void *p, const struct jfield *f)
{
	const char *elems = *(const char *const *)p;
	int n = *(const int *)((const char *)p + f->count_rel);
	struct jfield ef = *f;
	yajl_gen_status s = yajl_gen_array_open(g);

	ef.kind = f->elem_kind;
	ef.off = 0;
	for (int i = 0; s == yajl_gen_status_ok && i < n; i++)
		s = gen_value(g, elems + (size_t)i * f->elem_size, &ef);
	return s == yajl_gen_status_ok ? yajl_gen_array_close(g) : s;
}

static yajl_gen_status gen_scalar(yajl_gen g, const void *p, const struct jfield *f)
{
	switch (f->kind) {
	case J_STRING:
		return gen_str(g, *(char *const *)p);
	case J_DEFBOOL:
		return gen_str(g, libxl_defbool_to_string(*(const libxl_defbool *)p));
	case J_ENUM:
		return gen_str(g, libxl_enum_name(f->enums, *(const int *)p));
	case J_UINT64:
		return gen_u64(g, *(const uint64_t *)p);
	case J_BOOL:
		return yajl_gen_bool(g, *(const bool *)p);
	default:
		return yajl_gen_integer(g, int_value(p, f));
	}
}

static yajl_gen_status gen_value(yajl_gen g, const void *p, const struct jfield *f)
{
	switch (f->kind) {
	case J_STRUCT:
		return libxl_json_gen_struct(g, p, f->sub);
	case J_ARRAY:
		return gen_array(g, p, f);
	case J_BITMAP:
		return gen_bitmap(g, p);
	case J_STRLIST:
		return gen_strlist(g, *(char **const *)p);
	case J_UUID:
		return gen_uuid(g, p);
	case J_MAC:
		return gen_mac(g, p);
	default:
		return gen_scalar(g, p, f);
	}
}

/* A keyed union: the key names the member, e.g. "type.pvh": {...}. */
static yajl_gen_status gen_union(yajl_gen g, const void *base, const struct jfield *f)
{
	int key = *(const int *)((const char *)base + f->key_off);
	char name[64];

	for (size_t i = 0; i < f->nmembers; i++) {
		const struct junion_member *m = &f->members[i];

		if (m->value != key)
			continue;
		snprintf(name, sizeof(name), "%s.%s", f->key, m->name);
		if (yajl_gen_string(g, (const unsigned char *)name, strlen(name)))
			return yajl_gen_in_error_state;
		if (!m->sub) {
			yajl_gen_status s = yajl_gen_map_open(g);

			return s == yajl_gen_status_ok ? yajl_gen_map_close(g) : s;
		}
		return libxl_json_gen_struct(g, FIELD(base, f), m->sub);
	}
	return yajl_gen_status_ok;
}

yajl_gen_status libxl_json_gen_struct(yajl_gen g, const void *base, const struct jstruct *st)
{
	yajl_gen_status s = yajl_gen_map_open(g);

	for (size_t i = 0; s == yajl_gen_status_ok && i < st->n; i++) {
		const struct jfield *f = &st->f[i];
		const void *p = FIELD(base, f);

		if (f->kind == J_UNION) {
			s = gen_union(g, base, f);
			continue;
		}
		if (is_default(p, f))
			continue;
		s = gen_str(g, f->key);
		if (s == yajl_gen_status_ok)
			s = gen_value(g, p, f);
	}
	return s == yajl_gen_status_ok ? yajl_gen_map_close(g) : s;
}

char *libxl_json_to_string(const void *obj, const struct jstruct *st)
{
	yajl_gen g = yajl_gen_alloc(NULL);
	const unsigned char *buf;
	size_t len;
	char *out = NULL;

	if (!g)
		return NULL;
	yajl_gen_config(g, yajl_gen_beautify, 1);
	if (libxl_json_gen_struct(g, obj, st) == yajl_gen_status_ok &&
	    yajl_gen_get_buf(g, &buf, &len) == yajl_gen_status_ok)
		out = strndup((const char *)buf, len);
	yajl_gen_free(g);
	return out;
}

char *libxl_domain_config_to_json(const libxl_domain_config *d)
{
	return libxl_json_to_string(d, &libxl_json_domain_config);
}

char *libxl_device_disk_to_json(const libxl_device_disk *d)
{
	return libxl_json_to_string(d, &libxl_json_device_disk);
}

char *libxl_device_nic_to_json(const libxl_device_nic *n)
{
	return libxl_json_to_string(n, &libxl_json_device_nic);
}
