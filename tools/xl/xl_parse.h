/* SPDX-License-Identifier: GPL-2.0-only */
/* xl.cfg -> libxl_domain_config (xl_parse.c). */
#ifndef XA_XL_PARSE_H
#define XA_XL_PARSE_H

#include "libxl_types.h"
#include "libxlu_cfg.h"
#include "libxlu_disk.h"

/* Fills d (initialised) from cfg; 0, or 1 after printing why. */
int xl_parse_config(XLU_Config *cfg, libxl_domain_config *d);
/* xl_parse_keys.c: a warning (file:line) for each key no xl knows. */
void xl_warn_unknown_keys(const XLU_Config *cfg);

/* A cpu list ("0-3,^2", "all") into map, sized for the host; 0 or 1. */
int xl_parse_cpurange(const char *list, libxl_bitmap *map);

/* xl.conf's vif defaults applied to a new nic. */
void xl_nic_defaults(libxl_device_nic *nic);

/* A whole vif spec ("mac=..,bridge=.."); 0 or an errno value. */
int xl_parse_vif(XLU_Config *cfg, const char *spec, libxl_device_nic *nic);

#endif
