/* SPDX-License-Identifier: GPL-2.0-only */
/* libxc internals: the handle and the one hypercall path every wrapper uses. */
#ifndef XA_XC_PRIVATE_H
#define XA_XC_PRIVATE_H

#include "xenctrl.h"

struct xc_interface {
	const struct xc_osdep_ops *ops;
	void *priv;
};

/*
 * Issues hypercall op with one in/out argument of len bytes: the argument
 * is copied into a hypercall-safe buffer, passed by address, copied back.
 * Extra scalar arguments go in a1..a2 (a0 is the buffer).  Returns the
 * hypercall's result (>= 0) or -1 with errno.
 */
long xc_hypercall_buf(xc_interface *xch, unsigned int op, uint64_t cmd, void *arg, size_t len);

/* domctl/sysctl with the interface version filled in; -1/errno on failure. */
int xc_do_domctl(xc_interface *xch, struct xen_domctl *d);
int xc_do_sysctl(xc_interface *xch, struct xen_sysctl *s);

/* Hypercall-safe buffers for memory the hypervisor reads or writes. */
void *xc_buf_alloc(xc_interface *xch, size_t len);
void xc_buf_free(xc_interface *xch, void *p, size_t len);

extern const struct xc_osdep_ops xc_osdep_linux;
void *xc_osdep_linux_open(int quiet);

#endif
