// SPDX-License-Identifier: GPL-2.0-only
/*
 * Cadence UART (Zynq / ZynqMP "xuartps", Zynq-7000 TRM UG585 B.33).
 * Transmit must be enabled in the control register or the FIFO is not
 * drained, so init sets TX_EN|RX_EN and clears the disables. Input: the
 * receive-trigger (level 1) and receive-timeout interrupts, acknowledged
 * in the write-1-to-clear status register, the FIFO read until RXEMPTY.
 */
#include <xen/io.h>
#include <xen/serial.h>

#define CDNS_CR 0x00
#define CDNS_IER 0x08
#define CDNS_ISR 0x14
#define CDNS_RXTOUT 0x1c
#define CDNS_RXWM 0x20
#define CDNS_SR 0x2c
#define CDNS_FIFO 0x30

#define CR_RX_EN (1u << 2)
#define CR_RX_DIS (1u << 3)
#define CR_TX_EN (1u << 4)
#define CR_TX_DIS (1u << 5)
#define SR_RXEMPTY (1u << 1)
#define SR_TXFULL (1u << 4)
#define IXR_RX ((1u << 0) | (1u << 8))	/* RTRIG, TIMEOUT */

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

static bool cadence_getc(paddr_t base, char *c)
{
	writel(IXR_RX, base + CDNS_ISR);
	if (readl(base + CDNS_SR) & SR_RXEMPTY)
		return false;
	*c = (char)(readl(base + CDNS_FIFO) & 0xff);
	return true;
}

static void cadence_rx_irq_enable(paddr_t base)
{
	writel(1, base + CDNS_RXWM);
	writel(10, base + CDNS_RXTOUT);
	writel(~0u, base + CDNS_ISR);
	writel(IXR_RX, base + CDNS_IER);
}

const struct uart_ops cadence_uart_ops = {
	.name = "cadence",
	.init = cadence_init,
	.putc = cadence_putc,
	.getc = cadence_getc,
	.rx_irq_enable = cadence_rx_irq_enable,
};
