// SPDX-License-Identifier: GPL-2.0-only
/*
 * Serial input after the UART (xen/common/console-rx.c): characters reach
 * dom0's ring (and a notification) or the key handlers; CTRL-a three
 * times switches and says so; held-back CTRL-a's are released to dom0
 * only; the ring keeps order across partial reads and drops when full.
 * The key handlers and dom0's notification are this test's fakes.
 */
#include <asm/host.h>
#include <string.h>
#include <xen/console.h>
#include <xen/lib.h>
#include "check.h"

static char keys[64];
static size_t nr_keys;
static unsigned int notified;

void keyhandler_run(unsigned char key)
{
	if (nr_keys < sizeof(keys))
		keys[nr_keys++] = (char)key;
}

void console_rx_notify(void)
{
	notified++;
}

static void type(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		console_rx_char(s[i]);
}

static size_t drain(char *buf, size_t size)
{
	size_t n = 0, got;

	while ((got = console_rx_read(buf + n, size - n < 3 ? size - n : 3)))
		n += got;
	return n;
}

static void test_to_dom0(void)
{
	char buf[64];

	type("ls\n", 3);
	CHECK(notified == 3 && nr_keys == 0);
	CHECK(drain(buf, sizeof(buf)) == 3 && !memcmp(buf, "ls\n", 3));
	CHECK(console_rx_read(buf, sizeof(buf)) == 0);
	/* Two CTRL-a's then a key: dom0 gets all three, in order. */
	type("\x01\x01x", 3);
	CHECK(drain(buf, sizeof(buf)) == 3 && !memcmp(buf, "\x01\x01x", 3));
}

static void test_switch(void)
{
	char buf[64];

	host_console_clear();
	type("\x01\x01\x01", 3);
	CHECK_STR(host_console_text(),
		  "(XEN) *** Serial input to Xen (type 'CTRL-a' three times to switch input)\n");
	notified = 0;
	type("h\x01\x01q", 4);	/* held CTRL-a's are not keys */
	CHECK(nr_keys == 2 && !memcmp(keys, "hq", 2));
	CHECK(notified == 0 && console_rx_read(buf, sizeof(buf)) == 0);
	host_console_clear();
	type("\x01\x01\x01", 3);
	CHECK_STR(host_console_text(),
		  "(XEN) *** Serial input to DOM0 (type 'CTRL-a' three times to switch input)\n");
	type("ok", 2);
	CHECK(drain(buf, sizeof(buf)) == 2 && !memcmp(buf, "ok", 2) && nr_keys == 2);
}

static void test_full_ring(void)
{
	char in[1500], out[1500];
	size_t i;

	for (i = 0; i < sizeof(in); i++)
		in[i] = (char)('a' + i % 26);
	type(in, sizeof(in));
	CHECK(drain(out, sizeof(out)) == 1024);
	CHECK(!memcmp(out, in, 1024));
	type(in, 10);	/* room again after the reads */
	CHECK(drain(out, sizeof(out)) == 10 && !memcmp(out, in, 10));
}

int main(void)
{
	console_attach(&host_capture_uart, 0);
	test_to_dom0();
	test_switch();
	test_full_ring();
	return check_result("test-console-rx");
}
