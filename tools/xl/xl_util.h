/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef XA_XL_UTIL_H
#define XA_XL_UTIL_H

#include <stdint.h>

#include "libxl.h"
#include "xl.h"

/* The process-wide libxl context; exits with xl's message if Xen is unreachable. */
libxl_ctx *xl_ctx(void);
uint32_t xl_find_domain(const char *p);
char *xl_domname(uint32_t domid);
int64_t xl_parse_mem_kb(const char *s);

/* xl_monitor.c: carry out the on_* actions until the domain is gone. */
int xl_monitor_domain(const libxl_domain_config *d, uint32_t domid);
/* 1 in the parent, 0 in the detached child, -1 on failure. */
int xl_daemonize(const char *name);

#endif
