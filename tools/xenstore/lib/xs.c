/* SPDX-License-Identifier: LGPL-2.1-only */
/*
 * libxenstore connection layer: open/close, request/reply matching and the
 * watch-event queue.  Single-threaded by design (no reader thread): events
 * met while waiting for a reply are queued, and xs_fileno() returns an
 * epoll fd over the connection and an eventfd that is kept readable while
 * the queue is non-empty, so a poll() on it never misses a queued event.
 */
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>
#include "xs_private.h"

static int open_socket(const char *path)
{
	struct sockaddr_un a = { .sun_family = AF_UNIX };
	int fd;

	if (strlen(path) >= sizeof(a.sun_path)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	strcpy(a.sun_path, path);
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -1;
	if (connect(fd, (struct sockaddr *)&a, sizeof(a))) {
		int e = errno;
		close(fd);
		errno = e;
		return -1;
	}
	return fd;
}

/* The kernel's xenbus device, for clients inside a domain. */
static int open_xenbus(void)
{
	int fd = open("/dev/xen/xenbus", O_RDWR | O_CLOEXEC);

	if (fd < 0)
		fd = open("/proc/xen/xenbus", O_RDWR | O_CLOEXEC);
	return fd;
}

static struct xs_handle *handle_new(int fd)
{
	struct xs_handle *h = calloc(1, sizeof(*h));

	if (!h) {
		close(fd);
		return NULL;
	}
	h->fd = fd;
	h->epfd = h->evfd = -1;
	h->ev_tail = &h->ev_head;
	pthread_mutex_init(&h->lock, NULL);
	return h;
}

/* $XENSTORED_PATH may also name a device node (e.g. /dev/xen/xenbus). */
static int open_path(const char *path)
{
	struct stat st;

	if (!stat(path, &st) && !S_ISSOCK(st.st_mode))
		return open(path, O_RDWR | O_CLOEXEC);
	return open_socket(path);
}

struct xs_handle *xs_open(unsigned long flags)
{
	int fd = open_path(xs_daemon_socket());

	if (fd < 0 && !(flags & XS_OPEN_SOCKETONLY))
		fd = open_xenbus();
	return fd < 0 ? NULL : handle_new(fd);
}

struct xs_handle *xs_daemon_open(void)
{
	return xs_open(0);
}

struct xs_handle *xs_daemon_open_readonly(void)
{
	return xs_open(XS_OPEN_READONLY);
}

struct xs_handle *xs_domain_open(void)
{
	int fd = open_xenbus();

	return fd < 0 ? NULL : handle_new(fd);
}

static void handle_free(struct xs_handle *h)
{
	char **v;

	while ((v = xs_event_pop(h)))
		free(v);
	if (h->epfd >= 0)
		close(h->epfd);
	if (h->evfd >= 0)
		close(h->evfd);
	pthread_mutex_destroy(&h->lock);
	free(h);
}

void xs_close(struct xs_handle *h)
{
	if (!h)
		return;
	close(h->fd);
	handle_free(h);
}

void xs_daemon_close(struct xs_handle *h)
{
	xs_close(h);
}

void xs_daemon_destroy_postfork(struct xs_handle *h)
{
	xs_close(h);
}

/* Read more into the read-ahead buffer (blocking). */
static bool fill(struct xs_handle *h)
{
	ssize_t n;

	do
		n = read(h->fd, h->rbuf + h->rlen, sizeof(h->rbuf) - h->rlen);
	while (n < 0 && errno == EINTR);
	if (n <= 0) {
		if (n == 0)
			errno = EIO;
		return false;
	}
	h->rlen += n;
	return true;
}

/* True if a whole message is buffered; *m gets its header. */
static bool buffered_msg(struct xs_handle *h, struct xsd_sockmsg *m)
{
	if (h->rlen < sizeof(*m))
		return false;
	memcpy(m, h->rbuf, sizeof(*m));
	return m->len <= XENSTORE_PAYLOAD_MAX && h->rlen >= sizeof(*m) + m->len;
}

/* Read one message; the body is malloc'd with a NUL appended. */
static char *read_msg(struct xs_handle *h, struct xsd_sockmsg *m)
{
	size_t total;
	char *body;

	while (!buffered_msg(h, m)) {
		if (h->rlen >= sizeof(*m) && m->len > XENSTORE_PAYLOAD_MAX) {
			errno = E2BIG;	/* a broken daemon: the stream is lost */
			return NULL;
		}
		if (!fill(h))
			return NULL;
	}
	body = malloc(m->len + 1);
	if (!body)
		return NULL;
	memcpy(body, h->rbuf + sizeof(*m), m->len);
	body[m->len] = 0;
	total = sizeof(*m) + m->len;
	h->rlen -= total;
	memmove(h->rbuf, h->rbuf + total, h->rlen);
	return body;
}

static void evfd_update(struct xs_handle *h)
{
	uint64_t v = 1;

	if (h->evfd < 0)
		return;
	if (h->ev_head)
		(void)!write(h->evfd, &v, sizeof(v));
	else
		(void)!read(h->evfd, &v, sizeof(v));
}

static void event_push(struct xs_handle *h, const char *body, uint32_t len)
{
	struct xs_event *e = malloc(sizeof(*e));
	unsigned int n;

	if (!e)
		return;
	e->vec = xs_split(body, len, &n);
	if (!e->vec || n < 2) {
		free(e->vec);
		free(e);
		return;
	}
	e->next = NULL;
	*h->ev_tail = e;
	h->ev_tail = &e->next;
	evfd_update(h);
}

char **xs_event_pop(struct xs_handle *h)
{
	struct xs_event *e = h->ev_head;
	char **v;

	if (!e)
		return NULL;
	h->ev_head = e->next;
	if (!h->ev_head)
		h->ev_tail = &h->ev_head;
	v = e->vec;
	free(e);
	evfd_update(h);
	return v;
}

void xs_event_filter(struct xs_handle *h, const char *path,
		     const char *token)
{
	struct xs_event **pp = &h->ev_head, *e;

	while ((e = *pp)) {
		if (!strcmp(e->vec[XS_WATCH_TOKEN], token) &&
		    xs_path_is_subpath(path, e->vec[XS_WATCH_PATH])) {
			*pp = e->next;
			free(e->vec);
			free(e);
		} else {
			pp = &e->next;
		}
	}
	h->ev_tail = pp;
	evfd_update(h);
}

/* Read messages until one event was queued; non-blocking if !block. */
int xs_event_wait(struct xs_handle *h, bool block)
{
	struct xsd_sockmsg m;
	struct pollfd pf = { .fd = h->fd, .events = POLLIN };
	char *body;

	/* Works for the socket and the xenbus device alike. */
	if (!block && !buffered_msg(h, &m) && poll(&pf, 1, 0) <= 0) {
		errno = EAGAIN;
		return -1;
	}
	body = read_msg(h, &m);
	if (!body)
		return -1;
	if (m.type == XS_WATCH_EVENT)
		event_push(h, body, m.len);
	free(body);
	return 0;
}

static int err_from_name(const char *s)
{
	size_t i;

	for (i = 0; i < sizeof(xsd_errors) / sizeof(xsd_errors[0]); i++)
		if (!strcmp(xsd_errors[i].errstring, s))
			return xsd_errors[i].errnum;
	return EINVAL;
}

/* One writev for header and payload: one wake-up of the daemon. */
static bool send_req(struct xs_handle *h, struct xsd_sockmsg *m,
		     const struct iovec *iov, unsigned int num)
{
	struct iovec v[8];
	size_t total = sizeof(*m), done;
	unsigned int i, n = 1;
	ssize_t w;

	if (num > 7)
		return false;
	v[0].iov_base = m;
	v[0].iov_len = sizeof(*m);
	for (i = 0; i < num; i++, n++) {
		v[n] = iov[i];
		total += iov[i].iov_len;
	}
	w = writev(h->fd, v, n);
	if (w < 0 && errno != EINTR)
		return false;
	done = w < 0 ? 0 : (size_t)w;
	/* A short write (signal, full buffer): finish piece by piece. */
	for (i = 0; done < total && i < n; i++) {
		if (done >= v[i].iov_len) {
			done -= v[i].iov_len;
			continue;
		}
		if (!xs_write_all(h->fd, (char *)v[i].iov_base + done,
				  v[i].iov_len - done))
			return false;
		done = 0;
	}
	return true;
}

/* Queue watch events that arrived in the same read as a reply. */
static void drain_events(struct xs_handle *h)
{
	struct xsd_sockmsg m;
	char *body;

	while (buffered_msg(h, &m) && m.type == XS_WATCH_EVENT &&
	       (body = read_msg(h, &m))) {
		event_push(h, body, m.len);
		free(body);
	}
}

/* Wait for the reply to m, queueing events met on the way. */
static void *wait_reply(struct xs_handle *h, const struct xsd_sockmsg *m,
			unsigned int *len)
{
	struct xsd_sockmsg r;
	char *body;

	for (;;) {
		if (!(body = read_msg(h, &r)))
			return NULL;
		if (r.type == XS_WATCH_EVENT) {
			event_push(h, body, r.len);
			free(body);
			continue;
		}
		if (r.type == XS_ERROR) {
			errno = err_from_name(body);
			free(body);
			return NULL;
		}
		drain_events(h);
		if (len)
			*len = r.len;
		/*
		 * Success clears errno, as Xen's library leaves it: callers
		 * such as test-xenstore return errno after a run of calls.
		 */
		errno = 0;
		return body;
	}
}

void *xs_talkv(struct xs_handle *h, xs_transaction_t t, uint32_t type,
	       const struct iovec *iov, unsigned int num, unsigned int *len)
{
	struct xsd_sockmsg m = { type, 0, t, 0 };
	unsigned int i;
	void *ret = NULL;
	int e;

	for (i = 0; i < num; i++)
		m.len += iov[i].iov_len;
	if (m.len > XENSTORE_PAYLOAD_MAX) {
		errno = E2BIG;
		return NULL;
	}
	pthread_mutex_lock(&h->lock);
	m.req_id = ++h->req_id;
	if (send_req(h, &m, iov, num))
		ret = wait_reply(h, &m, len);
	e = errno;
	pthread_mutex_unlock(&h->lock);
	errno = e;
	return ret;
}

int xs_fileno(struct xs_handle *h)
{
	struct epoll_event ev = { .events = EPOLLIN };

	if (h->epfd >= 0)
		return h->epfd;
	h->evfd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	h->epfd = epoll_create1(EPOLL_CLOEXEC);
	if (h->evfd < 0 || h->epfd < 0 ||
	    epoll_ctl(h->epfd, EPOLL_CTL_ADD, h->fd, &ev) ||
	    epoll_ctl(h->epfd, EPOLL_CTL_ADD, h->evfd, &ev))
		return -1;
	evfd_update(h);
	return h->epfd;
}
