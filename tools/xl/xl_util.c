/* SPDX-License-Identifier: GPL-2.0-only */
/* Helpers shared by the commands: the libxl context, domain lookup, sizes. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "xl_util.h"

static libxl_ctx *ctx;

static void free_ctx(void)
{
	libxl_ctx_free(ctx);
}

libxl_ctx *xl_ctx(void)
{
	if (ctx)
		return ctx;
	ctx = libxl_ctx_alloc();
	if (!ctx) {
		fprintf(stderr, "cannot init xl context\n");
		exit(EXIT_FAILURE);
	}
	atexit(free_ctx);
	return ctx;
}

/* A domain id, or a name looked up in xenstore; exits when there is none. */
uint32_t xl_find_domain(const char *p)
{
	char *end;
	unsigned long id = strtoul(p, &end, 10);
	uint32_t domid;

	if (*p && !*end && isdigit((unsigned char)*p) && id < DOMID_FIRST_RESERVED)
		return (uint32_t)id;
	if (libxl_name_to_domid(xl_ctx(), p, &domid)) {
		fprintf(stderr, "%s is an invalid domain identifier (rc=%d)\n", p, ERROR_INVAL);
		exit(EXIT_FAILURE);
	}
	return domid;
}

/* The name, or "(null)" as printf shows a missing one in xl. */
char *xl_domname(uint32_t domid)
{
	char *n = libxl_domid_to_name(xl_ctx(), domid);

	return n ? n : strdup("(null)");
}

/* "NUM[bkmgt]" in KiB; a bare number is MiB.  -1 on bad input. */
int64_t xl_parse_mem_kb(const char *s)
{
	char *end;
	double v = strtod(s, &end);
	int64_t kb;

	if (end == s || v < 0)
		return -1;
	switch (tolower((unsigned char)*end)) {
	case 't': kb = (int64_t)(v * 1024 * 1024 * 1024); break;
	case 'g': kb = (int64_t)(v * 1024 * 1024); break;
	case '\0':
	case 'm': kb = (int64_t)(v * 1024); break;
	case 'k': kb = (int64_t)v; break;
	case 'b': kb = (int64_t)(v / 1024); break;
	default: return -1;
	}
	if (*end && end[1])
		return -1;
	return kb;
}
