/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Unix-socket transport: every socket client is privileged (dom0).
 *
 * The event loop (loop.c) reports a readable client; one non-blocking
 * recv() takes what is there and conn_input() handles every whole request
 * in it (a partial one waits in the connection for the rest: some clients
 * write a request's header and payload separately).  Replies are queued
 * and sent by the loop after the batch.  Output the client does not read
 * stays queued and the loop waits for the socket to drain (EPOLLOUT); a
 * client with more than the backlog limit queued is not read from.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>
#include "xenstored.h"
#include "loop.h"
#include "socket.h"

static long sock_read(struct conn *c, void *buf, size_t len)
{
	long n = recv(c->fd, buf, len, MSG_DONTWAIT);

	if (n < 0 && (errno == EAGAIN || errno == EINTR))
		return 0;
	if (n == 0) {
		errno = ECONNRESET;
		return -1;
	}
	return n;
}

static long sock_write(struct conn *c, const void *buf, size_t len)
{
	long n = send(c->fd, buf, len, MSG_DONTWAIT | MSG_NOSIGNAL);

	if (n < 0 && (errno == EAGAIN || errno == EINTR))
		return 0;
	return n;
}

static void sock_close(struct conn *c)
{
	close(c->fd);	/* also leaves the epoll set */
}

static const struct transport socket_transport = {
	.name = "socket", .read = sock_read, .write = sock_write,
	.close = sock_close,
};

void socket_event(struct conn *c, uint32_t events)
{
	static char buf[4 * (sizeof(struct xsd_sockmsg) + XENSTORE_PAYLOAD_MAX)];
	long n;

	if (c->dead)
		return;
	if (events & EPOLLOUT)
		conn_flush(c);
	if (!(events & (EPOLLIN | EPOLLHUP | EPOLLERR)) || conn_backlogged(c))
		return;
	n = sock_read(c, buf, sizeof(buf));
	if (n < 0 || (n > 0 && conn_input(c, buf, n) < 0))
		c->dead = true;
}

/* What the loop waits for on c: input unless backlogged, output if queued. */
static uint32_t sock_interest(const struct conn *c)
{
	uint32_t ev = conn_backlogged(c) ? 0 : EPOLLIN;

	return c->out_len > c->out_off ? ev | EPOLLOUT : ev;
}

/* After a batch: adjust each socket client's epoll events where they change. */
void socket_interest_all(void)
{
	struct conn *c;
	uint32_t ev;

	for (c = conns; c; c = c->next) {
		if (c->tp != &socket_transport || c->dead)
			continue;
		ev = sock_interest(c);
		if (ev != c->events && !loop_mod(c->fd, c, ev))
			c->events = ev;
	}
}

int socket_listen(const char *path)
{
	struct sockaddr_un a = { .sun_family = AF_UNIX };
	int fd;

	if (strlen(path) >= sizeof(a.sun_path)) {
		fprintf(stderr, "xenstored: socket path too long: %s\n", path);
		return -1;
	}
	strcpy(a.sun_path, path);
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -1;
	unlink(path);
	if (bind(fd, (struct sockaddr *)&a, sizeof(a)) || chmod(path, 0600) ||
	    listen(fd, 64)) {
		fprintf(stderr, "xenstored: cannot listen on %s: %s\n", path,
			strerror(errno));
		close(fd);
		return -1;
	}
	return fd;
}

void socket_accept(int lfd)
{
	int fd = accept4(lfd, NULL, NULL, SOCK_CLOEXEC);
	struct conn *c;

	if (fd < 0)
		return;
	c = conn_new(&socket_transport, NULL, fd, domain_get(0), true);
	if (!c) {
		close(fd);
		return;
	}
	c->events = EPOLLIN;
	if (loop_add(fd, c, EPOLLIN))
		conn_destroy(c);
}
