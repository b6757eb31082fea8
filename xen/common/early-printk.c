// SPDX-License-Identifier: GPL-2.0-only
/*
 * Built instead of early-printk-none.c when the image is made with
 * CONFIG_EARLY_PRINTK=<driver>,<base> (e.g. pl011,0x9000000): the console
 * works from the first C instruction, before the device tree is read.
 */
#include <xen/console.h>
#include <xen/lib.h>
#include <xen/serial.h>

#ifndef EARLY_PRINTK_DRIVER
#error "the Makefile passes EARLY_PRINTK_DRIVER and EARLY_PRINTK_BASE"
#endif

void early_console_init(void)
{
	const char *name = EARLY_PRINTK_DRIVER;
	const struct uart_ops *ops = uart_find_by_name(name, strlen(name));

	if (ops)
		console_attach(ops, EARLY_PRINTK_BASE);
}
