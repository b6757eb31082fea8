// SPDX-License-Identifier: GPL-2.0-only
/*
 * Cadence UART (Zynq / ZynqMP "xuartps", Zynq-7000 TRM UG585 B.33),
 * transmit only. Transmit must be enabled in the control register or the
 * FIFO is not drained, so init sets TX_EN|RX_EN and clears the disables.
 */
#include <xen/io.h>
#include <xen/serial.h>

#define CDNS_CR 0x00
#define CDNS_SR 0x2c
#define CDNS_FIFO 0x30

#define CR_RX_EN (1u << 2)
#define CR_RX_DIS (1u << 3)
#define CR_TX_EN (1u << 4)
#define CR_TX_DIS (1u << 5)
#define SR_TXFULL (1u << 4)

static void cadence_init(paddr_t base)
{
	uint32_t cr = readl(base + CDNS_CR);

	cr &= ~(CR_TX_DIS | CR_RX_DIS);
	writel(cr | CR_TX_EN | CR_RX_EN, base + CDNS_CR);
}

static void cadence_putc(paddr_t base, char c)
{
	while (readl(base + CDNS_SR) & SR_TXFULL)
		;
	writel((unsigned char)c, base + CDNS_FIFO);
}

const struct uart_ops cadence_uart_ops = {
	.name = "cadence",
	.init = cadence_init,
	.putc = cadence_putc,
};
