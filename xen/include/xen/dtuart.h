/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Which UART the console uses: `dtuart=<path|alias>[:options]`, or when it
 * is empty /chosen/stdout-path with the same syntax.
 */
#ifndef XEN_DTUART_H
#define XEN_DTUART_H

#include <xen/types.h>

struct uart_ops;

struct dtuart {
	int node;
	const char *options;	/* text after ':', "" if none */
	paddr_t base;
	const struct uart_ops *ops;
};

/* Returns NULL, or a message that names the bad dtuart/stdout-path value. */
const char *dtuart_resolve(const void *fdt, const char *spec, struct dtuart *out);

#endif
