/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * xl.cfg reader (libxlutil's syntax): KEY=VALUE or KEY+=VALUE settings
 * separated by newlines or ';', '#' comments, values that are "strings",
 * 'strings', numbers (kept as text, converted on request with strtol base 0:
 * decimal, 0 octal, 0x hex) or [lists], nested, which may span lines.
 * A later setting of a key overrides an earlier one; += appends to it.
 * Unknown keys are kept and simply never asked for: xl ignores them.
 */
#ifndef XA_LIBXLU_CFG_H
#define XA_LIBXLU_CFG_H

#include <stdio.h>

#include "libxl_types.h"

enum xlu_value_type { XLU_STRING, XLU_LIST };

typedef struct xlu_value XLU_ConfigValue;

typedef struct {
	XLU_ConfigValue **values;
	int nvalues;
} XLU_ConfigList;

struct xlu_value {
	enum xlu_value_type type;
	int line;
	union {
		char *string;
		XLU_ConfigList list;
	} u;
};

typedef struct xlu_setting {
	char *name;
	XLU_ConfigValue *value;
	int append; /* written with += */
	int lineno;
	struct xlu_setting *next;
} XLU_ConfigSetting;

typedef struct {
	char *source;           /* file name used in messages */
	FILE *report;           /* where warnings and errors go */
	XLU_ConfigSetting *settings; /* newest first */
} XLU_Config;

/* Returns NULL on ENOMEM. */
XLU_Config *xlu_cfg_init(FILE *report, const char *source);
void xlu_cfg_destroy(XLU_Config *cfg);

/*
 * Parse len bytes of config text into cfg (may be called again to add
 * overrides).  Returns 0, or EINVAL after reporting every syntax error as
 * "<source>:<line>: config parsing error near `<text>': <why>", or ENOMEM.
 */
int xlu_cfg_readdata(XLU_Config *cfg, const char *data, int len);
/* Same for a file; errno value when it cannot be read. */
int xlu_cfg_readfile(XLU_Config *cfg, const char *path);

/*
 * Lookups: 0 on success, ESRCH if the key is absent, EINVAL (after a
 * warning naming file, line and key, unless dont_warn) if it has the wrong
 * shape or is not a number.
 */
int xlu_cfg_get_string(const XLU_Config *cfg, const char *key, const char **out, int dont_warn);
int xlu_cfg_replace_string(const XLU_Config *cfg, const char *key, char **out, int dont_warn);
int xlu_cfg_get_long(const XLU_Config *cfg, const char *key, long *out, int dont_warn);
int xlu_cfg_get_bounded_long(const XLU_Config *cfg, const char *key, long min, long max,
			     long *out, int dont_warn);
int xlu_cfg_get_defbool(const XLU_Config *cfg, const char *key, libxl_defbool *b, int dont_warn);
int xlu_cfg_get_list(const XLU_Config *cfg, const char *key, XLU_ConfigList **list,
		     int *entries, int dont_warn);
/* Entry i of a list when it is a string, else NULL. */
const char *xlu_cfg_get_listitem(const XLU_ConfigList *list, int i);
/* Line of the setting for key, or 0. */
int xlu_cfg_lineno(const XLU_Config *cfg, const char *key);

#endif
