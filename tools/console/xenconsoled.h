/* SPDX-License-Identifier: GPL-2.0-only */
/* xenconsoled: one record per guest console, shared by its three files. */
#ifndef XA_XENCONSOLED_H
#define XA_XENCONSOLED_H

#include <stdint.h>
#include <stdio.h>

#include "libxl_internal.h"
#include "public/io/console.h"

struct xcd_options {
	int log_guest;        /* --log=guest|all: DIR/guest-NAME.log */
	const char *log_dir;  /* --log-dir, default /var/log/xen/console */
	int timestamps;       /* --timestamp=guest|all: "[YYYY-MM-DD hh:mm:ss] " per line */
};

struct xcd_console {
	uint32_t domid;
	struct xencons_interface *ring; /* foreign-mapped console page */
	unsigned int local_port;        /* our end of the event channel */
	int master, slave;              /* the pty; we keep the slave open */
	FILE *log;
	int at_line_start;              /* for timestamps */
	int seen;                       /* still listed in this scan */
	struct xcd_console *next;
};

/* xcd_domain.c: set up / tear down a guest's console. */
struct xcd_console *xcd_console_open(libxl_ctx *ctx, int evtchn_fd, uint32_t domid,
				     const struct xcd_options *o);
void xcd_console_close(struct xcd_console *c, int evtchn_fd);
void xcd_console_reopen_log(libxl_ctx *ctx, struct xcd_console *c, const struct xcd_options *o);

/* xcd_io.c: move bytes between the ring and the pty (and the log). */
void xcd_ring_to_pty(struct xcd_console *c, int evtchn_fd, const struct xcd_options *o);
void xcd_pty_to_ring(struct xcd_console *c, int evtchn_fd);
void xcd_notify(int evtchn_fd, unsigned int port);
int xcd_wants_input(const struct xcd_console *c);

#endif
