/* SPDX-License-Identifier: GPL-2.0-only */
/* Unix-socket transport: every socket client is privileged (dom0). */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>
#include "xenstored.h"
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
	close(c->fd);
}

static const struct transport socket_transport = {
	"socket", sock_read, sock_write, sock_close,
};

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
	int fd = accept4(lfd, NULL, NULL, SOCK_CLOEXEC | SOCK_NONBLOCK);

	if (fd < 0)
		return;
	if (!conn_new(&socket_transport, NULL, fd, domain_get(0), true))
		close(fd);
}

/* Read what is there and handle every complete message. */
void socket_service(struct conn *c)
{
	char buf[16384];
	long n;

	do {
		n = sock_read(c, buf, sizeof(buf));
		if (n < 0 || conn_input(c, buf, n) < 0)
			c->dead = true;
	} while (n == (long)sizeof(buf) && !c->dead);
}

bool socket_is(const struct conn *c)
{
	return c->tp == &socket_transport;
}
