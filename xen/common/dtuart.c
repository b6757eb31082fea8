// SPDX-License-Identifier: GPL-2.0-only
/*
 * dtuart= resolution (Xen's docs/misc/xen-command-line.pandoc): the value
 * is a DT path when it begins with '/', else an alias in /aliases; text
 * after the first ':' is driver options. An empty value means
 * /chosen/stdout-path, which has the same syntax.
 */
#include <libfdt.h>
#include <xen/device_tree.h>
#include <xen/dtuart.h>
#include <xen/lib.h>
#include <xen/serial.h>

static char why[320];

static const char *fail(const char *spec, const char *what)
{
	snprintf(why, sizeof(why), "dtuart=%s: %s", spec, what);
	return why;
}

/* The node named by a path or an alias of `len` bytes, or < 0. */
static int lookup(const void *fdt, const char *name, size_t len)
{
	const char *path;

	if (len && name[0] == '/')
		return fdt_path_offset_namelen(fdt, name, len);
	path = fdt_get_alias_namelen(fdt, name, len);
	return path ? fdt_path_offset(fdt, path) : -FDT_ERR_NOTFOUND;
}

static const char *stdout_path(const void *fdt)
{
	int chosen = fdt_path_offset(fdt, "/chosen");

	return chosen < 0 ? NULL : dt_prop_string(fdt, chosen, "stdout-path");
}

static const char *bind_driver(const void *fdt, const char *spec,
			       struct dtuart *out)
{
	const char *reason;

	out->ops = uart_find_by_node(fdt, out->node);
	if (!out->ops)
		return fail(spec, "the node's compatible matches no UART driver (supported: arm,pl011, cdns,uart-r1p12, xlnx,xuartps)");
	if (dt_device_addr(fdt, out->node, 0, &out->base, &reason))
		return fail(spec, reason);
	return NULL;
}

const char *dtuart_resolve(const void *fdt, const char *spec, struct dtuart *out)
{
	const char *colon;
	size_t len;

	if (!spec || !*spec) {
		spec = stdout_path(fdt);
		if (!spec)
			return "dtuart= is empty and /chosen/stdout-path is missing: name the console UART, e.g. dtuart=serial0 or dtuart=/pl011@9000000";
	}
	colon = strchr(spec, ':');
	len = colon ? (size_t)(colon - spec) : strlen(spec);
	out->options = colon ? colon + 1 : "";
	out->node = lookup(fdt, spec, len);
	if (out->node < 0)
		return fail(spec, spec[0] == '/' ?
			    "no device-tree node has this path" :
			    "not an alias in /aliases (a path must begin with '/')");
	return bind_driver(fdt, spec, out);
}
