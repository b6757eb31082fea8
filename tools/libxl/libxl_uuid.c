/* SPDX-License-Identifier: GPL-2.0-only */
/* Domain handles (UUIDs) through libuuid. */
#include <string.h>
#include <uuid/uuid.h>

#include "libxl_types.h"

void libxl_uuid_generate(libxl_uuid *u)
{
	uuid_generate(u->bytes);
}

int libxl_uuid_from_string(libxl_uuid *u, const char *s)
{
	return uuid_parse(s, u->bytes) ? -1 : 0;
}

void libxl_uuid_to_string(const libxl_uuid *u, char buf[37])
{
	uuid_unparse_lower(u->bytes, buf);
}

bool libxl_uuid_is_nil(const libxl_uuid *u)
{
	return uuid_is_null(u->bytes);
}
