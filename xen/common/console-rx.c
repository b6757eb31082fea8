// SPDX-License-Identifier: GPL-2.0-only
/*
 * Serial input after the UART (Xen's console model): each character goes
 * either to dom0 or to the hypervisor's key handlers; CTRL-a three times
 * in a row switches between them. dom0's characters wait in a ring for
 * CONSOLEIO_read; a full ring drops them, as a UART overrun would. No
 * hardware here: console-input.c feeds it and says how to notify dom0.
 */
#include <xen/console.h>
#include <xen/lib.h>
#include <xen/spinlock.h>

#define RING_SIZE 1024
#define CTRL_A 0x01
#define SWITCH_COUNT 3

static char ring[RING_SIZE];
static unsigned int ring_prod, ring_cons;	/* free-running indices */
static spinlock_t ring_lock = SPIN_LOCK_UNLOCKED;
static bool input_to_xen;
static unsigned int ctrl_a_seen;

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

void console_rx_announce(void)
{
	printk("*** Serial input to %s (type 'CTRL-a' three times to switch input)\n",
	       input_to_xen ? "Xen" : "DOM0");
}

static void to_dom0(char c)
{
	ring_put(c);
	console_rx_notify();
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
			console_rx_announce();
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
