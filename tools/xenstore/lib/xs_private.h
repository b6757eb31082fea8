/* SPDX-License-Identifier: LGPL-2.1-only */
/* libxenstore internals shared by xs.c (connection) and xs_ops.c. */
#ifndef XS_PRIVATE_H
#define XS_PRIVATE_H

#include <pthread.h>
#include <sys/uio.h>
#include <xenstore.h>

struct xs_event {
	struct xs_event *next;
	char **vec;		/* path, token: one allocation */
};

struct xs_handle {
	int fd;			/* socket or xenbus device */
	int epfd;		/* xs_fileno(): fd + evfd, -1 until asked */
	int evfd;		/* eventfd: readable while events are queued */
	pthread_mutex_t lock;
	struct xs_event *ev_head, **ev_tail;
	uint32_t req_id;
	/* Bytes read ahead from fd: usually a whole reply in one read(). */
	size_t rlen;
	char rbuf[2 * (sizeof(struct xsd_sockmsg) + XENSTORE_PAYLOAD_MAX)];
};

/*
 * Send type with the payload in iov and wait for the reply.  Returns the
 * malloc'd reply payload with a NUL added (*len excludes it), or NULL with
 * errno: the daemon's error name mapped back, EIO on a broken connection.
 */
void *xs_talkv(struct xs_handle *h, xs_transaction_t t, uint32_t type,
	       const struct iovec *iov, unsigned int num, unsigned int *len);
/* Same, for a single NUL-terminated string argument. */
void *xs_single(struct xs_handle *h, xs_transaction_t t, uint32_t type,
		const char *arg, unsigned int *len);
/* Same, for a reply expected to be "OK". */
bool xs_bool(void *reply);
/* Split a buffer of NUL-terminated strings into a single-allocation vector. */
char **xs_split(const char *buf, unsigned int len, unsigned int *num);
/* Pop a queued watch event (lock held), NULL if none. */
char **xs_event_pop(struct xs_handle *h);
/* Wait for (block) or poll for (!block) one incoming event; lock held. */
int xs_event_wait(struct xs_handle *h, bool block);
/* Drop queued events matching a removed watch; lock held. */
void xs_event_filter(struct xs_handle *h, const char *path,
		     const char *token);

#endif
