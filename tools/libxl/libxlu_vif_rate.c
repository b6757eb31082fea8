/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * vif rate limits: "RATE[@INTERVAL]", RATE = digits [GMK] (B|b) "/s",
 * INTERVAL = digits [m|u] [s], default 50ms.  Stored as bytes per interval
 * and the interval in microseconds, as libxl does.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "libxlu_disk.h"

static int vif_err(XLU_Config *cfg, const char *msg, const char *what, int rc)
{
	fprintf(cfg->report, "%s: config parsing error in vif: %s in `%s'\n",
		cfg->source, msg, what);
	return rc;
}

static size_t digits(const char *s)
{
	size_t n = 0;

	while (isdigit((unsigned char)s[n]))
		n++;
	return n;
}

/* Digits read with strtoull base 0 (so a leading 0 means octal), like xl. */
static int leading_number(const char *s, uint64_t *v)
{
	errno = 0;
	*v = strtoull(s, NULL, 0);
	return (*v == 0 || *v > UINT32_MAX || errno == ERANGE) ? -1 : 0;
}

static int parse_bytes_per_sec(XLU_Config *cfg, const char *s, uint64_t *out)
{
	size_t n = digits(s);
	const char *p = s + n;
	uint64_t v;

	if (*p == 'G' || *p == 'M' || *p == 'K')
		p++;
	if (!n || (*p != 'B' && *p != 'b') || strcmp(p + 1, "/s"))
		return vif_err(cfg, "invalid rate", s, EINVAL);
	if (leading_number(s, &v))
		return vif_err(cfg, "rate overflow", s, EOVERFLOW);
	p = s + n;
	v *= *p == 'G' ? 1000000000ull : *p == 'M' ? 1000000ull : *p == 'K' ? 1000ull : 1;
	if (*p == 'b' || p[1] == 'b')
		v /= 8;
	*out = v;
	return 0;
}

static int parse_interval(XLU_Config *cfg, const char *s, uint32_t *out)
{
	size_t n = digits(s);
	const char *p = s + n;
	uint64_t v;

	if (*p == 'm' || *p == 'u')
		p++;
	if (*p == 's')
		p++;
	if (!n || *p)
		return vif_err(cfg, "invalid replenishment interval", s, EINVAL);
	if (leading_number(s, &v))
		return vif_err(cfg, "replenishment interval overflow", s, EOVERFLOW);
	p = s + n;
	if (*p == 's' || !*p)
		v *= 1000000;
	else if (*p == 'm')
		v *= 1000;
	if (v > UINT32_MAX)
		return vif_err(cfg, "replenishment interval overflow", s, EOVERFLOW);
	*out = (uint32_t)v;
	return 0;
}

int xlu_vif_parse_rate(XLU_Config *cfg, const char *rate, libxl_device_nic *nic)
{
	char *copy = strdup(rate), *at;
	uint64_t bps = 0;
	uint32_t usecs = 50000;
	int rc;

	if (!copy)
		return ENOMEM;
	at = strchr(copy, '@');
	if (at)
		*at++ = 0;
	if (!*copy)
		rc = vif_err(cfg, "no rate specified", rate, EINVAL);
	else
		rc = parse_bytes_per_sec(cfg, copy, &bps);
	if (!rc && at)
		rc = parse_interval(cfg, at, &usecs);
	if (!rc && usecs && bps > UINT64_MAX / usecs)
		rc = vif_err(cfg, "rate overflow", rate, EOVERFLOW);
	if (!rc) {
		nic->rate_interval_usecs = usecs;
		nic->rate_bytes_per_interval = bps * usecs / 1000000;
	}
	free(copy);
	return rc;
}
