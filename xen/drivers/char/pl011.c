// SPDX-License-Identifier: GPL-2.0-only
/*
 * Arm PrimeCell UART (PL011) (PL011 TRM, DDI 0183, 3.3). The firmware has
 * set the baud rate; we make sure the UART, its transmitter and receiver
 * are enabled. Input: the receive and receive-timeout interrupts, the
 * FIFO read until RXFE.
 */
#include <xen/io.h>
#include <xen/serial.h>

#define UARTDR 0x00
#define UARTFR 0x18
#define UARTCR 0x30
#define UARTIMSC 0x38
#define UARTICR 0x44

#define FR_RXFE (1u << 4)
#define FR_TXFF (1u << 5)
#define IMSC_RX ((1u << 4) | (1u << 6))	/* RXIM, RTIM */
#define CR_UARTEN (1u << 0)
#define CR_TXE (1u << 8)
#define CR_RXE (1u << 9)

static void pl011_init(paddr_t base)
{
	writel(readl(base + UARTCR) | CR_UARTEN | CR_TXE | CR_RXE, base + UARTCR);
}

static void pl011_putc(paddr_t base, char c)
{
	while (readl(base + UARTFR) & FR_TXFF)
		;
	writel((unsigned char)c, base + UARTDR);
}

static bool pl011_getc(paddr_t base, char *c)
{
	if (readl(base + UARTFR) & FR_RXFE)
		return false;
	*c = (char)(readl(base + UARTDR) & 0xff);
	return true;
}

/* Reading the FIFO below its level clears RXRIS/RTRIS by itself. */
static void pl011_rx_irq_enable(paddr_t base)
{
	writel(IMSC_RX, base + UARTICR);
	writel(readl(base + UARTIMSC) | IMSC_RX, base + UARTIMSC);
}

const struct uart_ops pl011_uart_ops = {
	.name = "pl011",
	.init = pl011_init,
	.putc = pl011_putc,
	.getc = pl011_getc,
	.rx_irq_enable = pl011_rx_irq_enable,
};
