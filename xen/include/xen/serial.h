/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * UART drivers: each file provides one `struct uart_ops`; uart-table.c maps
 * device-tree compatible strings and early-printk names to them.
 */
#ifndef XEN_SERIAL_H
#define XEN_SERIAL_H

#include <xen/types.h>

struct uart_ops {
	const char *name;			/* early-printk name: "pl011" */
	void (*init)(paddr_t base);		/* make transmit work */
	void (*putc)(paddr_t base, char c);	/* wait for room, send */
	/* Input (NULL if the driver has none): one received character,
	 * false when the FIFO is empty; interrupt on received data. */
	bool (*getc)(paddr_t base, char *c);
	void (*rx_irq_enable)(paddr_t base);
};

struct uart_driver {
	const char *compatible;
	const struct uart_ops *ops;
};

extern const struct uart_ops pl011_uart_ops;
extern const struct uart_ops cadence_uart_ops;

/* The driver whose compatible the node matches, or NULL. */
const struct uart_ops *uart_find_by_node(const void *fdt, int node);
/* The driver called `name` (early-printk syntax), or NULL. */
const struct uart_ops *uart_find_by_name(const char *name, size_t len);

#endif
