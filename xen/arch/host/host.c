// SPDX-License-Identifier: GPL-2.0-only
/*
 * The host "architecture": lets the hypervisor's common code run in
 * ordinary test programs (and under sanitizers). arch_halt() ends the
 * process with status 70 so a test can see that a FATAL path was taken;
 * the capture UART collects console output in memory.
 */
#include <stdio.h>
#include <stdlib.h>
#include <asm/host.h>
#include <xen/arch.h>
#include <xen/lib.h>
#include <xen/p2m.h>
#include <xen/serial.h>

static char captured[65536];
static size_t captured_len;

void arch_halt(void)
{
	fflush(stdout);
	exit(HOST_HALT_STATUS);
}

static void capture_init(paddr_t base)
{
}

static void capture_putc(paddr_t base, char c)
{
	if (c == '\r')
		return;
	if (captured_len + 1 < sizeof(captured))
		captured[captured_len++] = c;
	captured[captured_len] = '\0';
}

const struct uart_ops host_capture_uart = {
	.name = "capture",
	.init = capture_init,
	.putc = capture_putc,
};

const char *host_console_text(void)
{
	return captured;
}

void host_console_clear(void)
{
	captured_len = 0;
	captured[0] = '\0';
}

/* Stage-2 TLB maintenance has nothing to do on the host; count it. */
unsigned long host_p2m_flushes;

void arch_p2m_flush_tlb(uint16_t vmid)
{
	host_p2m_flushes++;
}

void arch_p2m_sync_walkers(void)
{
}
