// SPDX-License-Identifier: GPL-2.0-only
/*
 * Serial input (Xen's "console" model): the hypervisor owns the UART, its
 * receive interrupt is an SPI routed to the boot CPU, and each character
 * goes either to dom0 or to the hypervisor's key handlers. CTRL-a three
 * times in a row switches between them. dom0 reads its characters from a
 * ring with CONSOLEIO_read and is told about new ones by VIRQ_CONSOLE
 * (Linux's hvc_xen binds it for the initial domain). A full ring drops
 * characters, as a UART overrun would.
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
#include <xen/spinlock.h>

#define RING_SIZE 1024
#define CTRL_A 0x01
#define SWITCH_COUNT 3
#define CHUNK 128

static char ring[RING_SIZE];
static unsigned int ring_prod, ring_cons;	/* free-running indices */
static spinlock_t ring_lock = SPIN_LOCK_UNLOCKED;
static bool input_to_xen;
static unsigned int ctrl_a_seen;
static struct dtuart rx_uart;

static void ring_put(char c)
{
	spin_lock(&ring_lock);
	if (ring_prod - ring_cons < RING_SIZE)
		ring[ring_prod++ % RING_SIZE] = c;
	spin_unlock(&ring_lock);
}

size_t console_rx_read(char *buf, size_t n)
{
	size_t i;

	spin_lock(&ring_lock);
	for (i = 0; i < n && ring_cons != ring_prod; i++)
		buf[i] = ring[ring_cons++ % RING_SIZE];
	spin_unlock(&ring_lock);
	return i;
}

static void say_input_target(void)
{
	printk("*** Serial input to %s (type 'CTRL-a' three times to switch input)\n",
	       input_to_xen ? "Xen" : "DOM0");
}

static void to_dom0(char c)
{
	struct domain *d = domain_by_id(0);

	ring_put(c);
	if (d)
		evtchn_send_global_virq(&d->evtchn, VIRQ_CONSOLE);
}

/*
 * CTRL-a is held back until we know whether it starts a switch: a third
 * one switches, anything else first releases the held ones to dom0 (the
 * hypervisor has no CTRL-a key). So dom0 never sees the switch sequence.
 */
void console_rx_char(char c)
{
	if (c == CTRL_A) {
		if (++ctrl_a_seen == SWITCH_COUNT) {
			ctrl_a_seen = 0;
			input_to_xen = !input_to_xen;
			say_input_target();
		}
		return;
	}
	for (; ctrl_a_seen; ctrl_a_seen--)
		if (!input_to_xen)
			to_dom0(CTRL_A);
	if (input_to_xen)
		keyhandler_run((unsigned char)c);
	else
		to_dom0(c);
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
	say_input_target();
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
