/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Ring transport: a domain's xenstore page, mapped through /dev/xen/gntdev
 * (grant 1, GNTTAB_RESERVED_XENSTORE), signalled through /dev/xen/evtchn.
 * Dom0's own page comes from /proc/xen/xsd_kva and xsd_port.  With
 * --fake-rings (host tests only) INTRODUCE gets a private anonymous page.
 * The ioctl numbers and structs are Linux's public UAPI (xen/evtchn.h,
 * xen/gntdev.h).
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>
#include "xenstored.h"
#include "ring.h"

#define GNTTAB_RESERVED_XENSTORE 1

struct evtchn_bind_interdomain { uint32_t remote_domain, remote_port; };
struct evtchn_port { uint32_t port; };
struct gntdev_grant_ref { uint32_t domid, ref; };
struct gntdev_map { uint32_t count, pad; uint64_t index;
		    struct gntdev_grant_ref refs[1]; };
struct gntdev_unmap { uint64_t index; uint32_t count, pad; };

#define VIRQ_DOM_EXC 3	/* a domain shut down or died */
#define IOCTL_EVTCHN_BIND_VIRQ _IOC(_IOC_NONE, 'E', 0, sizeof(struct evtchn_port))
#define IOCTL_EVTCHN_BIND_INTERDOMAIN \
	_IOC(_IOC_NONE, 'E', 1, sizeof(struct evtchn_bind_interdomain))
#define IOCTL_EVTCHN_UNBIND _IOC(_IOC_NONE, 'E', 3, sizeof(struct evtchn_port))
#define IOCTL_EVTCHN_NOTIFY _IOC(_IOC_NONE, 'E', 4, sizeof(struct evtchn_port))
#define IOCTL_GNTDEV_MAP_GRANT_REF \
	_IOC(_IOC_NONE, 'G', 0, sizeof(struct gntdev_map))
#define IOCTL_GNTDEV_UNMAP_GRANT_REF \
	_IOC(_IOC_NONE, 'G', 1, sizeof(struct gntdev_unmap))

struct ring {
	struct xenstore_domain_interface *intf;
	uint32_t local_port;	/* 0: no event channel (fake) */
	uint64_t gnt_index;
	enum { RING_FAKE, RING_GRANT, RING_KVA } kind;
	bool ignored;		/* protocol error: deaf until a reconnect */
};

static int evtchn_fd = -1, gntdev_fd = -1;
static long virq_port = -1;

int ring_event_fd(void)
{
	return evtchn_fd;
}

static void ring_notify(struct ring *r)
{
	struct evtchn_port p = { r->local_port };

	if (r->local_port && evtchn_fd >= 0)
		ioctl(evtchn_fd, IOCTL_EVTCHN_NOTIFY, &p);
}

static long tr_read(struct conn *c, void *buf, size_t len)
{
	struct ring *r = c->tpriv;
	long n = ring_read_req(r->intf, buf, len);

	if (n < 0) {
		r->intf->error = XENSTORE_ERROR_RINGIDX;
		return -1;
	}
	if (n)
		ring_notify(r);
	return n;
}

static long tr_write(struct conn *c, const void *buf, size_t len)
{
	struct ring *r = c->tpriv;
	long n = ring_write_rsp(r->intf, buf, len);

	if (n < 0) {
		/* Stop writing until a reconnect resets the ring and the queue. */
		r->intf->error = XENSTORE_ERROR_RINGIDX;
		r->ignored = true;
		return 0;
	}
	if (n)
		ring_notify(r);
	return n;
}

static void ring_unmap(struct ring *r)
{
	struct gntdev_unmap u = { r->gnt_index, 1, 0 };
	struct evtchn_port p = { r->local_port };

	if (r->local_port && evtchn_fd >= 0)
		ioctl(evtchn_fd, IOCTL_EVTCHN_UNBIND, &p);
	if (r->kind == RING_FAKE) {
		free(r->intf);
	} else {
		munmap(r->intf, 4096);
		if (r->kind == RING_GRANT)
			ioctl(gntdev_fd, IOCTL_GNTDEV_UNMAP_GRANT_REF, &u);
	}
	free(r);
}

static void tr_close(struct conn *c)
{
	ring_unmap(c->tpriv);
}

static const struct transport ring_transport = {
	.name = "ring", .read = tr_read, .write = tr_write, .close = tr_close,
};

/* VIRQ_DOM_EXC: some domain shut down or died (domain_exception()). */
static void bind_dom_exc(void)
{
	struct evtchn_port v = { VIRQ_DOM_EXC };

	if (virq_port < 0)
		virq_port = ioctl(evtchn_fd, IOCTL_EVTCHN_BIND_VIRQ, &v);
}

static int devices_open(void)
{
	if (evtchn_fd < 0 &&
	    (evtchn_fd = open("/dev/xen/evtchn", O_RDWR | O_CLOEXEC)) >= 0)
		bind_dom_exc();
	if (gntdev_fd < 0)
		gntdev_fd = open("/dev/xen/gntdev", O_RDWR | O_CLOEXEC);
	return evtchn_fd < 0 || gntdev_fd < 0 ? ENODEV : 0;
}

static int ring_map_grant(struct ring *r, uint32_t domid)
{
	struct gntdev_map m = { 1, 0, 0, { { domid, GNTTAB_RESERVED_XENSTORE } } };
	void *p;

	if (ioctl(gntdev_fd, IOCTL_GNTDEV_MAP_GRANT_REF, &m))
		return errno;
	p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, gntdev_fd,
		 m.index);
	if (p == MAP_FAILED)
		return errno;
	r->intf = p;
	r->gnt_index = m.index;
	r->kind = RING_GRANT;
	return 0;
}

static int ring_bind(struct ring *r, uint32_t domid, uint32_t port)
{
	struct evtchn_bind_interdomain b = { domid, port };
	int rc = ioctl(evtchn_fd, IOCTL_EVTCHN_BIND_INTERDOMAIN, &b);

	if (rc < 0)
		return errno;
	r->local_port = rc;
	return 0;
}

static int ring_attach(struct domain *d, struct ring *r, bool priv)
{
	d->ring = r;
	d->conn = conn_new(&ring_transport, r, -1, d, priv);
	if (!d->conn)
		return ENOMEM;
	r->intf->server_features = XENSTORE_SERVER_FEATURE_RECONNECTION |
				   XENSTORE_SERVER_FEATURE_ERROR;
	return 0;
}

int ring_connect(struct domain *d)
{
	struct ring *r = calloc(1, sizeof(*r));
	int err;

	if (!r)
		return ENOMEM;
	if (fake_rings) {
		r->kind = RING_FAKE;
		if (!(r->intf = calloc(1, 4096)))
			err = ENOMEM;
		else
			err = 0;
	} else if (!(err = devices_open()) &&
		   !(err = ring_map_grant(r, d->domid))) {
		err = ring_bind(r, d->domid, d->port);
	}
	if (!err && !(err = ring_attach(d, r, false)))
		return 0;
	ring_unmap(r);
	return err;
}

void ring_disconnect(struct domain *d)
{
	if (d->conn) {
		d->conn->dead = true;	/* reaped (and unmapped) by the loop */
		d->conn = NULL;
	}
	d->ring = NULL;
}

static int read_port(uint32_t *port)
{
	char buf[32] = "";
	int fd = open("/proc/xen/xsd_port", O_RDONLY | O_CLOEXEC);
	long n;

	if (fd < 0)
		return errno;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return EIO;
	*port = strtoul(buf, NULL, 10);
	return 0;
}

/* Serve dom0's kernel through the page Linux set up, when there is one. */
int ring_dom0_init(void)
{
	struct ring *r;
	uint32_t port = 0;
	int fd, err;
	void *p;

	if (read_port(&port) || devices_open())
		return ENODEV;
	fd = open("/proc/xen/xsd_kva", O_RDWR | O_CLOEXEC);
	if (fd < 0)
		return errno;
	p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	close(fd);
	if (p == MAP_FAILED)
		return errno;
	r = calloc(1, sizeof(*r));
	if (!r)
		return ENOMEM;
	r->intf = p;
	r->kind = RING_KVA;
	if ((err = ring_bind(r, 0, port)) ||
	    (err = ring_attach(domain_get(0), r, true)))
		return err;
	domain_get(0)->introduced = true;
	/* Linux's xenbus waits for this first event to start probing. */
	ring_notify(r);
	return 0;
}

static void ring_service(struct conn *c)
{
	struct ring *r = c->tpriv;
	char buf[4096];
	long n = 0;

	if (r->intf->connection == XENSTORE_RECONNECT) {
		txn_free_all(c);
		watch_free_all(c);
		c->in_used = 0;
		c->out_off = c->out_len = 0;
		r->ignored = false;
		ring_reset(r->intf);
		ring_notify(r);
		return;
	}
	conn_flush(c);		/* room made by the guest may lift back-pressure */
	while (!r->ignored && !conn_backlogged(c) &&
	       (n = tr_read(c, buf, sizeof(buf))) > 0)
		if (conn_input(c, buf, n) < 0) {
			/* Keep the domain: it may ask to reconnect. */
			r->intf->error = XENSTORE_ERROR_PROTO;
			r->ignored = true;
			c->dead = false;
		}
	if (n < 0)
		r->ignored = true;	/* bad indices: error already set */
	conn_flush(c);
}

/* The event channel fired: acknowledge, then service every ring. */
void ring_handle_events(void)
{
	uint32_t ports[64];
	long n = read(evtchn_fd, ports, sizeof(ports));
	struct conn *c;
	long i;

	if (n > 0 && write(evtchn_fd, ports, n) < 0)
		perror("xenstored: unmask event channels");
	for (i = 0; i < n / (long)sizeof(ports[0]); i++)
		if (virq_port >= 0 && ports[i] == (uint32_t)virq_port)
			domain_exception();
	for (c = conns; c; c = c->next)
		if (c->tp == &ring_transport && !c->dead)
			ring_service(c);
}
