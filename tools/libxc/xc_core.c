/* SPDX-License-Identifier: GPL-2.0-only */
/* The libxc handle and the single hypercall path (bounce through a safe buffer). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xc_private.h"

xc_interface *xc_interface_open_ops(const struct xc_osdep_ops *ops, void *priv)
{
	xc_interface *xch = calloc(1, sizeof(*xch));

	if (!xch)
		return NULL;
	xch->ops = ops;
	xch->priv = priv;
	return xch;
}

static xc_interface *open_linux(int quiet)
{
	void *priv = xc_osdep_linux_open(quiet);
	xc_interface *xch;

	if (!priv)
		return NULL;
	xch = xc_interface_open_ops(&xc_osdep_linux, priv);
	if (!xch)
		xc_osdep_linux.close(priv);
	return xch;
}

xc_interface *xc_interface_open(void)
{
	return open_linux(0);
}

xc_interface *xc_interface_open_quiet(void)
{
	return open_linux(1);
}

int xc_interface_close(xc_interface *xch)
{
	if (!xch)
		return 0;
	if (xch->ops->close)
		xch->ops->close(xch->priv);
	free(xch);
	return 0;
}

void *xc_buf_alloc(xc_interface *xch, size_t len)
{
	return xch->ops->buf_alloc(xch->priv, len);
}

void xc_buf_free(xc_interface *xch, void *p, size_t len)
{
	if (p)
		xch->ops->buf_free(xch->priv, p, len);
}

long xc_hypercall_buf(xc_interface *xch, unsigned int op, uint64_t cmd, void *arg, size_t len)
{
	privcmd_hypercall_t call = { .op = op };
	void *buf = NULL;
	long rc;

	if (len) {
		buf = xc_buf_alloc(xch, len);
		if (!buf)
			return -1;
		memcpy(buf, arg, len);
	}
	call.arg[0] = cmd;
	call.arg[1] = (uint64_t)(uintptr_t)buf;
	rc = xch->ops->hypercall(xch->priv, &call);
	if (len) {
		int saved = errno;

		memcpy(arg, buf, len);
		xc_buf_free(xch, buf, len);
		errno = saved;
	}
	return rc;
}

/* domctl and sysctl take their struct as the only argument (no sub-op). */
static long single_arg_hypercall(xc_interface *xch, unsigned int op, void *arg, size_t len)
{
	privcmd_hypercall_t call = { .op = op };
	void *buf = xc_buf_alloc(xch, len);
	long rc;
	int saved;

	if (!buf)
		return -1;
	memcpy(buf, arg, len);
	call.arg[0] = (uint64_t)(uintptr_t)buf;
	rc = xch->ops->hypercall(xch->priv, &call);
	saved = errno;
	memcpy(arg, buf, len);
	xc_buf_free(xch, buf, len);
	errno = saved;
	return rc;
}

int xc_do_domctl(xc_interface *xch, struct xen_domctl *d)
{
	d->interface_version = XEN_DOMCTL_INTERFACE_VERSION;
	return single_arg_hypercall(xch, __HYPERVISOR_domctl, d, sizeof(*d)) < 0 ? -1 : 0;
}

int xc_do_sysctl(xc_interface *xch, struct xen_sysctl *s)
{
	s->interface_version = XEN_SYSCTL_INTERFACE_VERSION;
	return single_arg_hypercall(xch, __HYPERVISOR_sysctl, s, sizeof(*s)) < 0 ? -1 : 0;
}
