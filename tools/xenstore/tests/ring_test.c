/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Unit test of the ring index arithmetic (daemon/ring.c) on a memory page:
 * wrap-around at the buffer end and at 2^32, full and empty rings, and
 * guest-corrupted indices.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ring.h"

static int fails;

#define CHECK(cond) do { \
	if (!(cond)) { \
		fprintf(stderr, "FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond); \
		fails++; \
	} \
} while (0)

/* The guest side: put bytes on the request ring. */
static void guest_put(struct xenstore_domain_interface *i, const char *s,
		      size_t n)
{
	size_t k;

	for (k = 0; k < n; k++)
		i->req[MASK_XENSTORE_IDX(i->req_prod + k)] = s[k];
	i->req_prod += n;
}

static void test_wrap(XENSTORE_RING_IDX start)
{
	struct xenstore_domain_interface *i = calloc(1, sizeof(*i));
	char msg[700], out[1024];
	long n;
	int round;

	i->req_cons = i->req_prod = start;
	i->rsp_cons = i->rsp_prod = start;
	for (round = 0; round < 5; round++) {
		memset(msg, 'a' + round, sizeof(msg));
		guest_put(i, msg, sizeof(msg));
		n = ring_read_req(i, out, sizeof(out));
		CHECK(n == (long)sizeof(msg) && !memcmp(out, msg, n));
		CHECK(i->req_cons == i->req_prod);
		n = ring_write_rsp(i, msg, sizeof(msg));
		CHECK(n == (long)sizeof(msg));
		i->rsp_cons += n;	/* the guest consumed it */
	}
	free(i);
}

static void test_full_and_partial(void)
{
	struct xenstore_domain_interface *i = calloc(1, sizeof(*i));
	char big[3000] = { 0 }, out[16];

	CHECK(ring_write_rsp(i, big, sizeof(big)) == XENSTORE_RING_SIZE);
	CHECK(ring_write_rsp(i, big, 1) == 0);	/* full until consumed */
	i->rsp_cons += 100;
	CHECK(ring_write_rsp(i, big, sizeof(big)) == 100);
	CHECK(ring_read_req(i, out, sizeof(out)) == 0);	/* empty */
	guest_put(i, "0123456789abcdefXYZ", 19);
	CHECK(ring_read_req(i, out, sizeof(out)) == 16);	/* partial */
	CHECK(ring_read_req(i, out, sizeof(out)) == 3 && !memcmp(out, "XYZ", 3));
	free(i);
}

static void test_corrupt(void)
{
	struct xenstore_domain_interface *i = calloc(1, sizeof(*i));
	char out[16];

	i->req_prod = XENSTORE_RING_SIZE + 1;	/* more than a ring's worth */
	CHECK(ring_read_req(i, out, sizeof(out)) == -1);
	i->req_prod = 0;
	i->req_cons = 5;			/* consumer ahead of producer */
	CHECK(ring_read_req(i, out, sizeof(out)) == -1);
	i->rsp_prod = 0;
	i->rsp_cons = 7;			/* guest claims unsent data */
	CHECK(ring_write_rsp(i, "x", 1) == -1);
	i->connection = XENSTORE_RECONNECT;
	i->error = XENSTORE_ERROR_RINGIDX;
	ring_reset(i);
	CHECK(i->connection == XENSTORE_CONNECTED && !i->error);
	CHECK(ring_read_req(i, out, sizeof(out)) == 0);
	CHECK(ring_write_rsp(i, "x", 1) == 1);
	free(i);
}

int main(void)
{
	test_wrap(0);
	test_wrap(1000);
	test_wrap(0xfffffe00u);		/* crosses 2^32 */
	test_full_and_partial();
	test_corrupt();
	CHECK(sizeof(struct xenstore_domain_interface) == 2072 + 4);
	printf("ring: %s\n", fails ? "FAILED" : "ok");
	return fails ? 1 : 0;
}
