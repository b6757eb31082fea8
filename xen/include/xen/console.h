/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The hypervisor console: printk() prefixes every line with "(XEN) " and
 * writes to the current UART. Text printed before any UART is known is kept
 * in a buffer and replayed when one is attached, so no early line is lost.
 */
#ifndef XEN_CONSOLE_H
#define XEN_CONSOLE_H

#include <xen/types.h>

struct uart_ops;

void printk(const char *fmt, ...) __printf(1, 2);
void vprintk(const char *fmt, va_list ap);
/* A guest's console output, as it is (no prefix). */
void console_write_guest(const char *s, size_t n);
/* Attach a UART; the buffered text is written to it first. */
void console_attach(const struct uart_ops *ops, paddr_t base);
/* The UART in use, or NULL. */
const struct uart_ops *console_uart(void);

/*
 * Console input (console-rx.c, console-input.c: arm64; console-input-none.c
 * elsewhere):
 * the UART's receive interrupt feeds console_rx_char(). Input goes to
 * dom0 (a ring read by CONSOLEIO_read, VIRQ_CONSOLE raised) or, after
 * CTRL-a three times, to the hypervisor's key handlers.
 */
struct dtuart;
struct cpu_regs;
void console_input_init(const void *fdt, const struct dtuart *uart);
void console_rx_char(char c);
/* Up to n characters of dom0's input; how many were copied. */
size_t console_rx_read(char *buf, size_t n);
/* Print where serial input goes now ("*** Serial input to DOM0 ..."). */
void console_rx_announce(void);
/* Tell dom0 its input ring has new characters (VIRQ_CONSOLE). */
void console_rx_notify(void);
/* The console_io hypercall (CONSOLEIO_write, CONSOLEIO_read). */
long do_console_io(struct cpu_regs *regs);

/* A key typed while input goes to the hypervisor ('h' lists them). */
typedef void (*keyhandler_fn)(unsigned char key);
void keyhandler_register(unsigned char key, keyhandler_fn fn, const char *desc);
void keyhandler_run(unsigned char key);
void keyhandler_init(void);

/*
 * The printk history (common/console-ring.c) for XEN_SYSCTL_readconsole:
 * copies up to max characters from *index (incremental) or from the last
 * clear point, sets *index past them; clear = the next non-incremental
 * read starts after what exists now. Returns the count copied.
 */
void console_ring_putc(char c);
size_t console_ring_read(char *dst, size_t max, uint32_t *index, bool incremental, bool clear);

/* Set up by the early-printk build option (CONFIG_EARLY_PRINTK), or nothing. */
void early_console_init(void);

/* Print "(XEN) FATAL: ..." and stop this CPU forever. */
void fatal(const char *fmt, ...) __printf(1, 2) __noreturn;

#endif
