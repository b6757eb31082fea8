/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Unix-socket transport: every socket client is privileged (dom0).
 *
 * Each client gets a thread that blocks in recv() and handles what arrives
 * under big_lock, replying with a non-blocking send(): two system calls per
 * request and no poll.  Output that does not fit in the socket (a slow
 * reader, or watch events queued by another client's request) is left in
 * the connection's queue; the poll loop in main.c then waits for the socket
 * to drain (socket_pending()).  A connection's thread alone frees it.
 */
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>
#include "xenstored.h"
#include "socket.h"

static int wake_fd = -1;

/* The poll loop's wake-up: some socket's output now waits for POLLOUT. */
int socket_wake_fd(void)
{
	return wake_fd;
}

void socket_wake_loop(void)
{
	uint64_t one = 1;

	if (write(wake_fd, &one, sizeof(one)) < 0 && errno != EAGAIN)
		perror("xenstored: wake-up");
}

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
	close(c->fd);
}

/* Marked dead elsewhere (a failed send): end the thread's blocking recv. */
static void sock_kill(struct conn *c)
{
	shutdown(c->fd, SHUT_RDWR);
}

static const struct transport socket_transport = {
	.name = "socket", .read = sock_read, .write = sock_write,
	.close = sock_close, .kill = sock_kill,
};

/* Called with big_lock held: false if c is dead and must be freed. */
static bool sock_handle(struct conn *c, const char *buf, long n)
{
	if (n <= 0 || conn_input(c, buf, n) < 0)
		c->dead = true;
	if (conn_flush_all())
		socket_wake_loop();	/* someone's output waits for POLLOUT */
	conn_reap();
	return !c->dead;
}

/*
 * Back-pressure: a client that does not read its replies is not read from
 * while more than the backlog limit is queued for it.
 */
static void sock_drain(struct conn *c)
{
	struct pollfd p = { .fd = c->fd, .events = POLLOUT };

	while (!c->dead && conn_backlogged(c)) {
		pthread_mutex_unlock(&big_lock);
		poll(&p, 1, -1);
		pthread_mutex_lock(&big_lock);
		conn_flush(c);
	}
}

/*
 * Bytes at the start of buf that form whole messages (all of it once a
 * header announces an oversize payload: conn_input drops such a client).
 * Partial messages are completed without taking big_lock: some clients
 * write a request's header and payload separately.
 */
static size_t sock_whole(const char *buf, size_t have)
{
	struct xsd_sockmsg h;
	size_t off = 0;

	while (have - off >= sizeof(h)) {
		memcpy(&h, buf + off, sizeof(h));
		if (h.len > XENSTORE_PAYLOAD_MAX)
			return have;
		if (have - off < sizeof(h) + h.len)
			break;
		off += sizeof(h) + h.len;
	}
	return off;
}

static void *sock_thread(void *arg)
{
	struct conn *c = arg;
	char buf[4 * (sizeof(struct xsd_sockmsg) + XENSTORE_PAYLOAD_MAX)];
	size_t have = 0, whole;
	long n;

	for (;;) {
		do
			n = recv(c->fd, buf + have, sizeof(buf) - have, 0);
		while (n < 0 && errno == EINTR);
		whole = n > 0 ? sock_whole(buf, have + n) : 0;
		if (n > 0 && !whole) {
			have += n;
			continue;
		}
		pthread_mutex_lock(&big_lock);
		if (!sock_handle(c, buf, n > 0 ? (long)whole : n))
			break;
		sock_drain(c);
		pthread_mutex_unlock(&big_lock);
		have += n - whole;
		memmove(buf, buf + whole, have);
	}
	conn_destroy(c);
	pthread_mutex_unlock(&big_lock);
	return NULL;
}

/* A detached thread with every signal blocked (main() takes them). */
static int sock_spawn(struct conn *c)
{
	sigset_t all, old;
	pthread_attr_t a;
	pthread_t t;
	int rc;

	sigfillset(&all);
	pthread_attr_init(&a);
	pthread_attr_setdetachstate(&a, PTHREAD_CREATE_DETACHED);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	rc = pthread_create(&t, &a, sock_thread, c);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	pthread_attr_destroy(&a);
	return rc;
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
	if (wake_fd < 0)
		wake_fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0 || wake_fd < 0)
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

/* Called with big_lock held. */
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
	if (sock_spawn(c)) {
		fprintf(stderr, "xenstored: no thread for a client\n");
		conn_destroy(c);
	}
}

/* Socket connections whose output waits for the client to read. */
bool socket_pending(const struct conn *c)
{
	return c->tp == &socket_transport && !c->dead &&
	       c->out_len > c->out_off;
}
