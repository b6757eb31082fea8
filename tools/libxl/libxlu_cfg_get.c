/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Typed lookups in a parsed xl.cfg.  Every warning names the file, the line
 * and the key, in libxlutil's words, so scripts that grep them keep working.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "libxlu_cfg.h"

static XLU_ConfigSetting *find(const XLU_Config *cfg, const char *key)
{
	for (XLU_ConfigSetting *s = cfg->settings; s; s = s->next)
		if (!strcmp(s->name, key))
			return s;
	return NULL;
}

int xlu_cfg_lineno(const XLU_Config *cfg, const char *key)
{
	XLU_ConfigSetting *s = find(cfg, key);

	return s ? s->lineno : 0;
}

static int find_atom(const XLU_Config *cfg, const char *key, XLU_ConfigSetting **out,
		     int dont_warn)
{
	XLU_ConfigSetting *s = find(cfg, key);

	if (!s)
		return ESRCH;
	if (s->value->type != XLU_STRING) {
		if (!dont_warn)
			fprintf(cfg->report, "%s:%d: warning: parameter `%s' is"
				" a list but should be a single value\n",
				cfg->source, s->lineno, key);
		return EINVAL;
	}
	*out = s;
	return 0;
}

int xlu_cfg_get_string(const XLU_Config *cfg, const char *key, const char **out, int dont_warn)
{
	XLU_ConfigSetting *s;
	int rc = find_atom(cfg, key, &s, dont_warn);

	if (!rc)
		*out = s->value->u.string;
	return rc;
}

int xlu_cfg_replace_string(const XLU_Config *cfg, const char *key, char **out, int dont_warn)
{
	const char *v;
	int rc = xlu_cfg_get_string(cfg, key, &v, dont_warn);
	char *copy;

	if (rc)
		return rc;
	copy = strdup(v);
	if (!copy)
		return ENOMEM;
	free(*out);
	*out = copy;
	return 0;
}

static int number_warn(const XLU_Config *cfg, const XLU_ConfigSetting *s, const char *why,
		       int dont_warn)
{
	if (!dont_warn)
		fprintf(cfg->report, "%s:%d: warning: parameter `%s' %s\n",
			cfg->source, s->lineno, s->name, why);
	return EINVAL;
}

int xlu_cfg_get_bounded_long(const XLU_Config *cfg, const char *key, long min, long max,
			     long *out, int dont_warn)
{
	XLU_ConfigSetting *s;
	char *ep;
	long l;
	int rc = find_atom(cfg, key, &s, dont_warn);

	if (rc)
		return rc;
	if (s->append)
		return number_warn(cfg, s, "can't use += with numbers", dont_warn);
	errno = 0;
	l = strtol(s->value->u.string, &ep, 0);
	if (errno == ERANGE) {
		number_warn(cfg, s, "could not be parsed as a number: out of range", dont_warn);
		return ERANGE;
	}
	if (*ep || ep == s->value->u.string)
		return number_warn(cfg, s, "is not a valid number", dont_warn);
	if (l < min || l > max) {
		if (!dont_warn)
			fprintf(cfg->report, "%s:%d: warning: value `%ld' is %s bound '%ld'\n",
				cfg->source, s->lineno, l,
				l < min ? "smaller than minimum" : "greater than maximum",
				l < min ? min : max);
		return EINVAL;
	}
	*out = l;
	return 0;
}

int xlu_cfg_get_long(const XLU_Config *cfg, const char *key, long *out, int dont_warn)
{
	return xlu_cfg_get_bounded_long(cfg, key, LONG_MIN, LONG_MAX, out, dont_warn);
}

int xlu_cfg_get_defbool(const XLU_Config *cfg, const char *key, libxl_defbool *b, int dont_warn)
{
	long l;
	int rc = xlu_cfg_get_long(cfg, key, &l, dont_warn);

	if (!rc)
		libxl_defbool_set(b, l != 0);
	return rc;
}

int xlu_cfg_get_list(const XLU_Config *cfg, const char *key, XLU_ConfigList **list,
		     int *entries, int dont_warn)
{
	XLU_ConfigSetting *s = find(cfg, key);

	if (!s)
		return ESRCH;
	if (s->value->type != XLU_LIST) {
		if (!dont_warn)
			fprintf(cfg->report, "%s:%d: warning: parameter `%s' is a single value"
				" but should be a list\n", cfg->source, s->lineno, key);
		return EINVAL;
	}
	if (list)
		*list = &s->value->u.list;
	if (entries)
		*entries = s->value->u.list.nvalues;
	return 0;
}

const char *xlu_cfg_get_listitem(const XLU_ConfigList *list, int i)
{
	if (i < 0 || i >= list->nvalues || list->values[i]->type != XLU_STRING)
		return NULL;
	return list->values[i]->u.string;
}
