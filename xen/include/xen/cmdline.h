/* SPDX-License-Identifier: GPL-2.0-only */
/* The hypervisor command line: `key=value` and `key` words separated by spaces. */
#ifndef XEN_CMDLINE_H
#define XEN_CMDLINE_H

#include <xen/types.h>

struct xen_options {
	char console[64];	/* console=, default "dtuart" */
	char dtuart[256];	/* dtuart=, default "" (use stdout-path) */
	char dom0_mem[32];	/* dom0_mem=, e.g. "256M"; "" = the default */
	char xa_dom0[16];	/* xa_dom0=off: power off after the boot checks, no dom0 */
	char dom0_max_vcpus[16];	/* dom0_max_vcpus=N or min-max; "" = one per pCPU */
};

/*
 * Parse `cmdline` into `opts` (defaults first). Unknown words are ignored,
 * as Xen does. Returns NULL, or a message naming a value that was too long
 * (the rest is still parsed).
 */
const char *cmdline_parse(const char *cmdline, struct xen_options *opts);

/* "256M", "1G", "524288K", plain bytes -> bytes; 0 if unparsable or empty. */
uint64_t cmdline_parse_size(const char *s);

/* True when the comma-separated list `list` contains `word`. */
bool cmdline_list_has(const char *list, const char *word);

#endif
