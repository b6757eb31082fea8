// SPDX-License-Identifier: GPL-2.0-only
/*
 * Arm PrimeCell UART (PL011), transmit only (PL011 TRM, DDI 0183, 3.3).
 * The firmware has set the baud rate; we only make sure the UART and its
 * transmitter are enabled.
 */
#include <xen/io.h>
#include <xen/serial.h>

#define UARTDR 0x00
#define UARTFR 0x18
#define UARTCR 0x30

#define FR_TXFF (1u << 5)
#define CR_UARTEN (1u << 0)
#define CR_TXE (1u << 8)

static void pl011_init(paddr_t base)
{
	writel(readl(base + UARTCR) | CR_UARTEN | CR_TXE, base + UARTCR);
}

static void pl011_putc(paddr_t base, char c)
{
	while (readl(base + UARTFR) & FR_TXFF)
		;
	writel((unsigned char)c, base + UARTDR);
}

const struct uart_ops pl011_uart_ops = {
	.name = "pl011",
	.init = pl011_init,
	.putc = pl011_putc,
};
