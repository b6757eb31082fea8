/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The event loop: one thread, one epoll set holding the listening socket,
 * the event channel device (every ring) and each socket client.
 *
 * Every ready client of a batch is read and its requests handled before
 * any reply is sent, and the loop sleeps only when no client has anything
 * for it.  Busy with many clients, a request then costs one recv() and one
 * send() and no wake-up of the daemon; the thread-per-client design it
 * replaces paid a wake-up of a daemon thread per request plus contention
 * on the lock they shared (docs/performance.md).
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/epoll.h>
#include <unistd.h>
#include "xenstored.h"
#include "loop.h"
#include "ring.h"
#include "socket.h"

#define BATCH 64

static int ep = -1;
static char listen_tag, ring_tag;	/* epoll tags that are not clients */

static int loop_ctl(int op, int fd, void *tag, uint32_t events)
{
	struct epoll_event e = { .events = events, .data.ptr = tag };

	if (epoll_ctl(ep, op, fd, &e) == 0)
		return 0;
	perror("xenstored: epoll_ctl");
	return -1;
}

int loop_add(int fd, void *tag, uint32_t events)
{
	return loop_ctl(EPOLL_CTL_ADD, fd, tag, events);
}

int loop_mod(int fd, void *tag, uint32_t events)
{
	return loop_ctl(EPOLL_CTL_MOD, fd, tag, events);
}

static void loop_event(const struct epoll_event *e, int lfd)
{
	if (e->data.ptr == &listen_tag)
		socket_accept(lfd);
	else if (e->data.ptr == &ring_tag)
		ring_handle_events();
	else
		socket_event(e->data.ptr, e->events);
}

/* Runs until *stop is set (by a signal, which interrupts epoll_wait). */
int loop_run(int lfd, volatile sig_atomic_t *stop)
{
	struct epoll_event ev[BATCH];
	int n, i;

	ep = epoll_create1(EPOLL_CLOEXEC);
	if (ep < 0 || loop_add(lfd, &listen_tag, EPOLLIN) ||
	    (ring_event_fd() >= 0 && loop_add(ring_event_fd(), &ring_tag, EPOLLIN))) {
		perror("xenstored: event loop");
		return -1;
	}
	while (!*stop) {
		n = epoll_wait(ep, ev, BATCH, -1);
		for (i = 0; i < n; i++)
			loop_event(&ev[i], lfd);
		conn_flush_all();
		socket_interest_all();
		conn_reap();
	}
	close(ep);
	return 0;
}
