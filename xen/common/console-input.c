// SPDX-License-Identifier: GPL-2.0-only
/*
 * Serial input, the hardware and guest side (console-rx.c has the
 * ring and the CTRL-a switch): the hypervisor owns the UART, its receive
 * interrupt is an SPI routed to the boot CPU, the handler drains the
 * FIFO into console_rx_char(). dom0 reads its characters with
 * CONSOLEIO_read and is told about new ones by VIRQ_CONSOLE (Linux's
 * hvc_xen binds it for the initial domain).
 */
#include <asm/gic.h>
#include <xen/guest_access.h>
#include <libfdt.h>
#include <public/errno.h>
#include <public/event_channel.h>
#include <public/xen.h>
#include <xen/console.h>
#include <xen/device_tree.h>
#include <xen/domain.h>
#include <xen/dtuart.h>
#include <xen/lib.h>
#include <xen/serial.h>

#define CHUNK 128

static struct dtuart rx_uart;

void console_rx_notify(void)
{
	struct domain *d = domain_by_id(0);

	if (d)
		evtchn_send_global_virq(&d->evtchn, VIRQ_CONSOLE);
}

static void uart_rx_irq(unsigned int irq, void *priv)
{
	char c;

	while (rx_uart.ops->getc(rx_uart.base, &c))
		console_rx_char(c);
}

/* The UART's interrupt as a GIC INTID: <type number flags>, SPI = type 0. */
static int uart_intid(const void *fdt, int node)
{
	int len;
	const uint32_t *p = fdt_getprop(fdt, node, "interrupts", &len);

	if (!p || len < 12)
		return -1;
	switch (dt_read_cells(&p[0], 1)) {
	case 0: return (int)dt_read_cells(&p[1], 1) + 32;
	case 1: return (int)dt_read_cells(&p[1], 1) + 16;
	default: return -1;
	}
}

void console_input_init(const void *fdt, const struct dtuart *uart)
{
	int intid;

	keyhandler_init();
	if (!uart || !uart->ops || !uart->ops->getc || uart->node < 0) {
		printk("Console input: the console UART has no input driver; none\n");
		return;
	}
	intid = uart_intid(fdt, uart->node);
	rx_uart = *uart;
	if (intid < 0 || request_irq((unsigned int)intid, uart_rx_irq, NULL)) {
		printk("Console input: the UART's `interrupts` are not a usable GIC SPI/PPI; none\n");
		return;
	}
	uart->ops->rx_irq_enable(uart->base);
	console_rx_announce();
}

static long console_write(uint64_t len, uint64_t gva)
{
	char buf[CHUNK];

	while (len) {
		size_t n = len < CHUNK ? len : CHUNK;

		if (copy_from_guest(buf, gva, n))
			return -XEN_EFAULT;
		console_write_guest(buf, n);
		gva += n;
		len -= n;
	}
	return 0;
}

/* Only dom0 reads the physical console; the count is capped per call. */
static long console_read(uint64_t len, uint64_t gva)
{
	char buf[CHUNK];
	size_t n;

	if (current_vcpu()->domain->domid != 0)
		return -XEN_EPERM;
	n = console_rx_read(buf, len < CHUNK ? len : CHUNK);
	if (n && copy_to_guest(gva, buf, n))
		return -XEN_EFAULT;
	return (long)n;
}

long do_console_io(struct cpu_regs *regs)
{
	switch (regs->x[0]) {
	case CONSOLEIO_write: return console_write(regs->x[1], regs->x[2]);
	case CONSOLEIO_read: return console_read(regs->x[1], regs->x[2]);
	default: return -XEN_ENOSYS;
	}
}
