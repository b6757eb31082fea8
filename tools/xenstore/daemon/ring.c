/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Index arithmetic of the xenstore ring (docs/misc/xenstore-ring.txt):
 * free-running 32-bit indices, position = index & (size - 1).  Every value
 * read from the page is guest-controlled: a distance larger than the ring
 * is reported, never trusted.
 */
#include <string.h>
#include "ring.h"

static long ring_copy_out(const char *ring, XENSTORE_RING_IDX cons,
			  char *dst, size_t n)
{
	size_t pos = MASK_XENSTORE_IDX(cons), first = XENSTORE_RING_SIZE - pos;

	if (first > n)
		first = n;
	memcpy(dst, ring + pos, first);
	memcpy(dst + first, ring, n - first);
	return n;
}

static void ring_copy_in(char *ring, XENSTORE_RING_IDX prod, const char *src,
			 size_t n)
{
	size_t pos = MASK_XENSTORE_IDX(prod), first = XENSTORE_RING_SIZE - pos;

	if (first > n)
		first = n;
	memcpy(ring + pos, src, first);
	memcpy(ring, src + first, n - first);
}

long ring_read_req(struct xenstore_domain_interface *intf, void *buf,
		   size_t len)
{
	XENSTORE_RING_IDX cons = intf->req_cons, prod = intf->req_prod;
	size_t avail;

	__atomic_thread_fence(__ATOMIC_ACQUIRE);	/* data after indices */
	avail = (XENSTORE_RING_IDX)(prod - cons);
	if (avail > XENSTORE_RING_SIZE)
		return -1;
	if (avail > len)
		avail = len;
	ring_copy_out(intf->req, cons, buf, avail);
	__atomic_thread_fence(__ATOMIC_SEQ_CST);	/* copy before release */
	intf->req_cons = cons + avail;
	return avail;
}

long ring_write_rsp(struct xenstore_domain_interface *intf, const void *buf,
		    size_t len)
{
	XENSTORE_RING_IDX cons = intf->rsp_cons, prod = intf->rsp_prod;
	size_t used, space;

	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	used = (XENSTORE_RING_IDX)(prod - cons);
	if (used > XENSTORE_RING_SIZE)
		return -1;
	space = XENSTORE_RING_SIZE - used;
	if (space > len)
		space = len;
	ring_copy_in(intf->rsp, prod, buf, space);
	__atomic_thread_fence(__ATOMIC_RELEASE);	/* data before index */
	intf->rsp_prod = prod + space;
	return space;
}

/* Reconnect: empty both rings and report the connection usable again. */
void ring_reset(struct xenstore_domain_interface *intf)
{
	intf->req_cons = intf->req_prod;
	intf->rsp_prod = intf->rsp_cons;
	intf->error = XENSTORE_ERROR_NONE;
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	intf->connection = XENSTORE_CONNECTED;
}
