/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * libFuzzer target: raw bytes from a client, through the framing
 * (conn_input) and the request table (dispatch) of the real daemon code.
 * Byte 0 picks the caller's identity (privileged socket or a domain), so
 * permission and quota paths are exercised too.  Replies are discarded.
 */
#include <stdlib.h>
#include <string.h>
#include "xenstored.h"

static long mem_read(struct conn *c, void *buf, size_t len)
{
	return 0;
}

static long mem_write(struct conn *c, const void *buf, size_t len)
{
	return len;	/* a client that reads everything */
}

static const struct transport mem_transport = {
	.name = "fuzz", .read = mem_read, .write = mem_write,
};

static void fuzz_init(void)
{
	static bool done;

	if (done)
		return;
	done = true;
	fake_rings = true;
	store_init();
	domain_get(0)->introduced = true;
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	static unsigned int runs;
	struct conn *c;
	uint32_t domid;

	fuzz_init();
	if (!size)
		return 0;
	domid = data[0] & 7;
	c = conn_new(&mem_transport, NULL, -1, domain_get(domid), domid == 0);
	if (!c)
		return 0;
	conn_input(c, (const char *)data + 1, size - 1);
	conn_flush(c);
	verbose = 0;		/* "log on" would flood the fuzzer's output */
	c->dead = true;
	conn_reap();		/* also reaps rings of released domains */
	/* Keep the store small so runs stay fast and independent. */
	if (++runs % 4096 == 0) {
		table_free(&store);
		store_init();
	}
	return 0;
}
