/* SPDX-License-Identifier: GPL-2.0-only */
/* The shared xenstore ring (xs_wire.h layout) and its transport. */
#ifndef XENSTORED_RING_H
#define XENSTORED_RING_H

#include <stddef.h>
#include <stdint.h>
#include <xen/io/xs_wire.h>

struct domain;
struct conn;

/* Ring index arithmetic; -1 means the guest corrupted the indices. */
long ring_read_req(struct xenstore_domain_interface *intf, void *buf,
		   size_t len);
long ring_write_rsp(struct xenstore_domain_interface *intf, const void *buf,
		    size_t len);
void ring_reset(struct xenstore_domain_interface *intf);

/* transport-ring.c */
int ring_connect(struct domain *d);
void ring_disconnect(struct domain *d);
int ring_event_fd(void);
void ring_handle_events(void);
int ring_dom0_init(void);

#endif
