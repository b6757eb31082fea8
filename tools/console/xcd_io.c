/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * xenconsoled's data path.  The guest writes its output into the ring's
 * out[] and reads its input from in[]; indices only grow (masked on use),
 * the producer publishes with a barrier after the data and the consumer
 * frees space with a barrier after reading, then kicks the event channel.
 * Output always reaches the log; the pty takes what it can (nobody may be
 * attached) and the rest is dropped rather than stalling the guest.
 */
#include <errno.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include "xen-sys/linux/evtchn.h"
#include "xenconsoled.h"

void xcd_notify(int evtchn_fd, unsigned int port)
{
	struct ioctl_evtchn_notify n = { .port = port };

	ioctl(evtchn_fd, IOCTL_EVTCHN_NOTIFY, &n);
}

static void log_stamp(struct xcd_console *c)
{
	char when[32];
	time_t now = time(NULL);
	struct tm tm;

	if (localtime_r(&now, &tm) && strftime(when, sizeof(when), "[%Y-%m-%d %H:%M:%S] ", &tm))
		fputs(when, c->log);
}

static void log_bytes(struct xcd_console *c, const char *p, size_t n, int stamp)
{
	if (!c->log)
		return;
	for (size_t i = 0; i < n; i++) {
		if (stamp && c->at_line_start)
			log_stamp(c);
		fputc(p[i], c->log);
		c->at_line_start = p[i] == '\n';
	}
	fflush(c->log);
}

/* Best effort: a full pty (no reader) drops output, never blocks. */
static void to_pty(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t w = write(fd, p, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return;
		p += w;
		n -= (size_t)w;
	}
}

void xcd_ring_to_pty(struct xcd_console *c, int evtchn_fd, const struct xcd_options *o)
{
	struct xencons_interface *r = c->ring;
	XENCONS_RING_IDX cons = r->out_cons, prod = r->out_prod;
	char buf[sizeof(r->out)];
	size_t n = 0;

	__sync_synchronize(); /* read the data only after seeing out_prod */
	if (prod - cons > sizeof(r->out))
		cons = prod - sizeof(r->out); /* a confused guest: take the last ring-full */
	while (cons != prod)
		buf[n++] = r->out[MASK_XENCONS_IDX(cons++, r->out)];
	__sync_synchronize(); /* done reading before giving the space back */
	r->out_cons = cons;
	if (!n)
		return;
	xcd_notify(evtchn_fd, c->local_port);
	log_bytes(c, buf, n, o->timestamps);
	to_pty(c->master, buf, n);
}

void xcd_pty_to_ring(struct xcd_console *c, int evtchn_fd)
{
	struct xencons_interface *r = c->ring;
	XENCONS_RING_IDX cons = r->in_cons, prod = r->in_prod;
	size_t space, i;
	char buf[sizeof(r->in)];
	ssize_t n;

	__sync_synchronize();
	space = sizeof(r->in) - (size_t)(prod - cons);
	if (space > sizeof(r->in))
		return; /* indices make no sense: leave the ring alone */
	n = space ? read(c->master, buf, space) : 0;
	if (n <= 0)
		return;
	for (i = 0; i < (size_t)n; i++)
		r->in[MASK_XENCONS_IDX(prod++, r->in)] = buf[i];
	__sync_synchronize(); /* the data before the index that publishes it */
	r->in_prod = prod;
	xcd_notify(evtchn_fd, c->local_port);
}

/* Only read the pty while the guest's input ring has room. */
int xcd_wants_input(const struct xcd_console *c)
{
	const volatile struct xencons_interface *r = c->ring;

	return (size_t)(r->in_prod - r->in_cons) < sizeof(r->in);
}
