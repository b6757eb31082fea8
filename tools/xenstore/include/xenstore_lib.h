/* SPDX-License-Identifier: LGPL-2.1-only */
/*
 * xenstore_lib.h: helpers shared by libxenstore users and daemons
 * (source-compatible with Xen 4.17's header of the same name).
 */
#ifndef XENSTORE_LIB_H
#define XENSTORE_LIB_H

#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <xen/io/xs_wire.h>

/* One entry of a node's permission list. */
struct xs_permissions {
	unsigned int id;	/* domain id */
	unsigned int perms;	/* XS_PERM_* bits */
#define XS_PERM_NONE		0x00
#define XS_PERM_READ		0x01
#define XS_PERM_WRITE		0x02
	/* Internal use. */
#define XS_PERM_ENOENT_OK	0x04
#define XS_PERM_OWNER		0x08
#define XS_PERM_IGNORE		0x10
};

/* Characters needed to print an integer of type x in decimal, plus NUL. */
#define MAX_STRLEN(x) ((sizeof(x) * CHAR_BIT + CHAR_BIT-1) / 10 * 3 + 2)

/* Directory of the daemon's socket: $XENSTORED_RUNDIR or the default. */
const char *xs_daemon_rundir(void);
/* The daemon socket: $XENSTORED_PATH, else <rundir>/socket. */
const char *xs_daemon_socket(void);
/* Same as xs_daemon_socket(): there is no read-only socket since 4.17. */
const char *xs_daemon_socket_ro(void);

/* Write all len bytes, retrying on EINTR; false with errno on error. */
bool xs_write_all(int fd, const void *data, unsigned int len);

/*
 * Parse num NUL-separated permission strings ("r5", "n0", ...) into perms.
 * Returns false with errno EINVAL on a malformed entry.
 */
bool xs_strings_to_perms(struct xs_permissions *perms, unsigned int num,
			 const char *strings);

#endif /* XENSTORE_LIB_H */
