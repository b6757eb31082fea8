// SPDX-License-Identifier: GPL-2.0-only
/* Device-tree compatible strings of the UARTs the console can drive. */
#include <libfdt.h>
#include <xen/lib.h>
#include <xen/serial.h>

static const struct uart_driver uart_drivers[] = {
	{ "arm,pl011", &pl011_uart_ops },
	{ "cdns,uart-r1p12", &cadence_uart_ops },
	{ "xlnx,xuartps", &cadence_uart_ops },
};

const struct uart_ops *uart_find_by_node(const void *fdt, int node)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(uart_drivers); i++)
		if (!fdt_node_check_compatible(fdt, node, uart_drivers[i].compatible))
			return uart_drivers[i].ops;
	return NULL;
}

const struct uart_ops *uart_find_by_name(const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(uart_drivers); i++) {
		const char *n = uart_drivers[i].ops->name;

		if (strlen(n) == len && !memcmp(n, name, len))
			return uart_drivers[i].ops;
	}
	return NULL;
}
