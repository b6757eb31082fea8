/* SPDX-License-Identifier: GPL-2.0-only */
/* The host stub architecture used by tests/unit. */
#ifndef ASM_HOST_H
#define ASM_HOST_H

#include <xen/serial.h>

/* Exit status of a test process that reached arch_halt(). */
#define HOST_HALT_STATUS 70

/* A UART that appends to an in-memory buffer ('\r' dropped). */
extern const struct uart_ops host_capture_uart;
const char *host_console_text(void);
void host_console_clear(void);

/* arch_p2m_flush_tlb() calls so far. */
extern unsigned long host_p2m_flushes;

#endif
