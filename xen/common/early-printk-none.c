// SPDX-License-Identifier: GPL-2.0-only
/* The default build: no UART until dtuart= is resolved from the device tree. */
#include <xen/console.h>

void early_console_init(void)
{
}
