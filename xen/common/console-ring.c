// SPDX-License-Identifier: GPL-2.0-only
/*
 * The hypervisor's console history for `xl dmesg` (XEN_SYSCTL_readconsole):
 * every character printk() sends to the console, "(XEN) " prefixes
 * included, in a 16 KiB ring. Guests' own console output is not kept (as
 * Xen: dom0's kernel log is dom0's). Positions are free-running counts, so
 * a reader's index stays meaningful across wrap-around; the writer never
 * waits for a reader, and a reader racing the writer may see a line being
 * overwritten (the same as Xen's ring without its lock).
 */
#include <xen/console.h>
#include <xen/lib.h>

#define CONRING_SIZE 16384U

static char conring[CONRING_SIZE];
static uint32_t conring_prod;	/* characters ever written */
static uint32_t conring_clear;	/* readconsole's "clear" point */

void console_ring_putc(char c)
{
	conring[conring_prod % CONRING_SIZE] = c;
	__atomic_store_n(&conring_prod, conring_prod + 1, __ATOMIC_RELEASE);
}

size_t console_ring_read(char *dst, size_t max, uint32_t *index, bool incremental, bool clear)
{
	uint32_t prod = __atomic_load_n(&conring_prod, __ATOMIC_ACQUIRE);
	uint32_t pos = incremental ? *index : conring_clear;
	size_t n = 0;

	if (prod - pos > CONRING_SIZE)	/* overwritten (or a bad index) */
		pos = prod - CONRING_SIZE;
	while (n < max && pos != prod)
		dst[n++] = conring[pos++ % CONRING_SIZE];
	*index = pos;
	if (clear)
		conring_clear = prod;
	return n;
}
