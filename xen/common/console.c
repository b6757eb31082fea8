// SPDX-License-Identifier: GPL-2.0-only
/*
 * printk(): formats into a line buffer, prefixes each line with "(XEN) " and
 * sends it to the attached UART. Until a UART is attached (no early-printk
 * build and the DT not read yet) output goes to a buffer that
 * console_attach() replays, so the first lines appear once dtuart is known.
 *
 * One lock makes each printk() line and each chunk of guest output whole
 * (CPUs print at once). A hypervisor line never starts in the middle of a
 * guest's line: a newline is emitted first.
 */
#include <xen/arch.h>
#include <xen/console.h>
#include <xen/lib.h>
#include <xen/serial.h>
#include <xen/spinlock.h>

#define PREFIX "(XEN) "
#define PENDING_SIZE 8192

static const struct uart_ops *cons_ops;
static paddr_t cons_base;
static bool at_line_start = true;
static char pending[PENDING_SIZE];
static size_t pending_len;
static spinlock_t cons_lock = SPIN_LOCK_UNLOCKED;
static bool guest_mid_line;

static void emit_raw(char c)
{
	if (!cons_ops) {
		if (pending_len < PENDING_SIZE)
			pending[pending_len++] = c;
		return;
	}
	if (c == '\n')
		cons_ops->putc(cons_base, '\r');
	cons_ops->putc(cons_base, c);
}

static void emit(char c)
{
	const char *p;

	if (at_line_start)
		for (p = PREFIX; *p; p++) {
			emit_raw(*p);
			console_ring_putc(*p);	/* xl dmesg */
		}
	emit_raw(c);
	console_ring_putc(c);
	at_line_start = c == '\n';
}

void console_write_guest(const char *s, size_t n)
{
	size_t i;

	spin_lock(&cons_lock);
	for (i = 0; i < n; i++) {
		emit_raw(s[i]);
		at_line_start = s[i] == '\n';
	}
	if (n)
		guest_mid_line = !at_line_start;
	spin_unlock(&cons_lock);
}

void vprintk(const char *fmt, va_list ap)
{
	char line[512];
	int n = vsnprintf(line, sizeof(line), fmt, ap);
	int i;

	if (n >= (int)sizeof(line))
		n = sizeof(line) - 1;
	spin_lock(&cons_lock);
	if (guest_mid_line && n)
		emit('\n');
	guest_mid_line = false;
	for (i = 0; i < n; i++)
		emit(line[i]);
	spin_unlock(&cons_lock);
}

void printk(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vprintk(fmt, ap);
	va_end(ap);
}

void console_attach(const struct uart_ops *ops, paddr_t base)
{
	size_t i;

	if (ops == cons_ops && base == cons_base)
		return;
	ops->init(base);
	cons_ops = ops;
	cons_base = base;
	for (i = 0; i < pending_len; i++)
		emit_raw(pending[i]);
	pending_len = 0;
}

const struct uart_ops *console_uart(void)
{
	return cons_ops;
}

void fatal(const char *fmt, ...)
{
	va_list ap;

	if (!at_line_start)
		printk("\n");
	printk("FATAL: ");
	va_start(ap, fmt);
	vprintk(fmt, ap);
	va_end(ap);
	printk("\n");
	arch_halt();
}
