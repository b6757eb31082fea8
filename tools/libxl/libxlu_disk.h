/* SPDX-License-Identifier: GPL-2.0-only */
/* Disk and vif specification parsers (xl-disk-configuration(5), xl-network-configuration(5)). */
#ifndef XA_LIBXLU_DISK_H
#define XA_LIBXLU_DISK_H

#include "libxlu_cfg.h"

/*
 * Parses nspecs strings that together describe one disk into disk (already
 * initialised).  Errors are reported on cfg->report naming cfg->source and
 * the spec; returns 0, EINVAL or ENOMEM.
 */
int xlu_disk_parse(XLU_Config *cfg, int nspecs, const char *const *specs,
		   libxl_device_disk *disk);

/*
 * One "key=value" (or flag) item of a vif spec.  0; -1 after a message for
 * an unknown key or a bad type/mac (xl goes on with the rest of a config's
 * vif); or a positive errno (bad number or rate) that xl treats as fatal.
 */
int xlu_vif_parse_item(XLU_Config *cfg, libxl_device_nic *nic, const char *item);

/* "RATE[@INTERVAL]" as in rate=10Mb/s@20ms; 0, EINVAL or EOVERFLOW. */
int xlu_vif_parse_rate(XLU_Config *cfg, const char *rate, libxl_device_nic *nic);

#endif
