/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The config a domain was created with, kept where libxl keeps it:
 * XEN_LIB_DIR/userdata-d.<domid>.<uuid>.libxl-json (the uuid ties the file
 * to this incarnation of the domid).  `xl list -l` prints it; destroy
 * removes it.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "libxl_internal.h"
#include "libxl_json.h"

static int userdata_path(libxl_ctx *ctx, uint32_t domid, char *out, size_t len)
{
	libxl_dominfo info;
	char uuid[37];
	int rc = libxl_domain_info(ctx, &info, domid);

	if (rc)
		return rc;
	libxl_uuid_to_string(&info.uuid, uuid);
	snprintf(out, len, "%s/userdata-d.%u.%s.libxl-json", XEN_LIB_DIR, domid, uuid);
	return 0;
}

int libxl__userdata_store_json(libxl_ctx *ctx, uint32_t domid, const char *json)
{
	char path[256], tmp[260];
	FILE *f;
	int ok;

	if (userdata_path(ctx, domid, path, sizeof(path)))
		return ERROR_FAIL;
	snprintf(tmp, sizeof(tmp), "%s.new", path);
	f = fopen(tmp, "we");
	ok = f && fputs(json, f) >= 0;
	ok = f && !fclose(f) && ok && !rename(tmp, path);
	if (!ok) {
		fprintf(stderr, "libxl: saving the config of domain %u in %s: %s\n", domid, path,
			strerror(errno));
		unlink(tmp);
		return ERROR_FAIL;
	}
	return 0;
}

int libxl_userdata_store_config(libxl_ctx *ctx, uint32_t domid, const libxl_domain_config *d)
{
	char *json = libxl_domain_config_to_json(d);
	int rc = json ? libxl__userdata_store_json(ctx, domid, json) : ERROR_NOMEM;

	free(json);
	return rc;
}

char *libxl_userdata_config_json(libxl_ctx *ctx, uint32_t domid)
{
	char path[256], *buf = NULL;
	size_t len = 0;
	FILE *f;

	if (userdata_path(ctx, domid, path, sizeof(path)) || !(f = fopen(path, "re")))
		return NULL;
	if (getdelim(&buf, &len, '\0', f) < 0) {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	return buf;
}

void libxl__userdata_rm(libxl_ctx *ctx, uint32_t domid)
{
	char path[256];

	if (!userdata_path(ctx, domid, path, sizeof(path)))
		unlink(path);
}
