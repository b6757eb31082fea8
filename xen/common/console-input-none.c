// SPDX-License-Identifier: GPL-2.0-only
/* Builds without an interrupt controller or guests (arm32 today): no serial input. */
#include <xen/console.h>

void console_input_init(const void *fdt, const struct dtuart *uart)
{
}
