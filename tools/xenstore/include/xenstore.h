/* SPDX-License-Identifier: LGPL-2.1-only */
/*
 * xenstore.h: the libxenstore client API (source- and binary-compatible
 * with Xen 4.17's libxenstore.so.4).  Unless noted, functions return
 * NULL/false on failure with errno set: the daemon's error (ENOENT, EACCES,
 * EINVAL, EAGAIN, ENOSPC, E2BIG, ...) or a local one (ENOMEM, EIO when the
 * connection broke or a reply was malformed).  Returned buffers and vectors
 * are single allocations: free() them once.
 */
#ifndef XENSTORE_H
#define XENSTORE_H

#include <xenstore_lib.h>

#define XBT_NULL 0

/* xs_open() flags. */
#define XS_OPEN_READONLY	(1UL<<0)	/* ignored, kept for the ABI */
#define XS_OPEN_SOCKETONLY	(1UL<<1)	/* never the xenbus device */
/* Drop queued events of a watch on xs_unwatch(). */
#define XS_UNWATCH_FILTER	(1UL<<2)

struct xs_handle;
typedef uint32_t xs_transaction_t;

/* Connect to the daemon's socket, else to the xenbus device. */
struct xs_handle *xs_open(unsigned long flags);
/* Close a handle (NULL is fine). */
void xs_close(struct xs_handle *xsh);

/* Deprecated openers, kept for the ABI. */
struct xs_handle *xs_daemon_open(void);
struct xs_handle *xs_domain_open(void);
struct xs_handle *xs_daemon_open_readonly(void);
void xs_daemon_close(struct xs_handle *);
/* Release a handle inherited over fork() without touching the daemon. */
void xs_daemon_destroy_postfork(struct xs_handle *);

/* Children of path; *num gets the count.  Falls back to DIRECTORY_PART. */
char **xs_directory(struct xs_handle *h, xs_transaction_t t,
		    const char *path, unsigned int *num);
/* Value of path, NUL-terminated for convenience; *len excludes the NUL. */
void *xs_read(struct xs_handle *h, xs_transaction_t t,
	      const char *path, unsigned int *len);
/* Create or replace path's value (missing parents are created). */
bool xs_write(struct xs_handle *h, xs_transaction_t t,
	      const char *path, const void *data, unsigned int len);
/* Create path with an empty value if missing. */
bool xs_mkdir(struct xs_handle *h, xs_transaction_t t,
	      const char *path);
/* Remove path and everything below it. */
bool xs_rm(struct xs_handle *h, xs_transaction_t t,
	   const char *path);
/* Removed from the protocol: always false, errno ENOSYS. */
bool xs_restrict(struct xs_handle *h, unsigned domid);
/* Permission list of path; *num gets the count. */
struct xs_permissions *xs_get_permissions(struct xs_handle *h,
					  xs_transaction_t t,
					  const char *path, unsigned int *num);
/* Replace path's permission list (entry 0 is the owner and default). */
bool xs_set_permissions(struct xs_handle *h, xs_transaction_t t,
			const char *path, struct xs_permissions *perms,
			unsigned int num_perms);

/* Watch path (and below); events carry token.  Fires once at once. */
bool xs_watch(struct xs_handle *h, const char *path, const char *token);
/* An fd that polls readable while watch events may be pending. */
int xs_fileno(struct xs_handle *h);
/* The next queued event or NULL (errno EAGAIN) without blocking. */
char **xs_check_watch(struct xs_handle *h);
/* The next event, blocking; vec[XS_WATCH_PATH], vec[XS_WATCH_TOKEN]. */
char **xs_read_watch(struct xs_handle *h, unsigned int *num);
/* Remove a watch. */
bool xs_unwatch(struct xs_handle *h, const char *path, const char *token);

/* Start a transaction; XBT_NULL on failure. */
xs_transaction_t xs_transaction_start(struct xs_handle *h);
/* Commit (abort=false) or abort; commit may fail with EAGAIN: retry. */
bool xs_transaction_end(struct xs_handle *h, xs_transaction_t t,
			bool abort);

/* Privileged: tell the daemon about a domain's ring page and port. */
bool xs_introduce_domain(struct xs_handle *h, unsigned int domid,
			 unsigned long mfn, unsigned int eventchn);
/* Privileged: let domid act with target's rights. */
bool xs_set_target(struct xs_handle *h, unsigned int domid,
		   unsigned int target);
/* Privileged: a suspended domain is running again. */
bool xs_resume_domain(struct xs_handle *h, unsigned int domid);
/* Privileged: forget a domain (fires @releaseDomain). */
bool xs_release_domain(struct xs_handle *h, unsigned int domid);
/* "/local/domain/<domid>", malloc'd. */
char *xs_get_domain_path(struct xs_handle *h, unsigned int domid);
/* True if child equals parent or lies beneath it. */
bool xs_path_is_subpath(const char *parent, const char *child);
/* Whether the daemon has introduced domid (false with errno on error). */
bool xs_is_domain_introduced(struct xs_handle *h, unsigned int domid);
/* XS_CONTROL: cmd followed by len bytes of data; the reply, malloc'd. */
char *xs_control_command(struct xs_handle *h, const char *cmd,
			 void *data, unsigned int len);
/* Old name of xs_control_command. */
char *xs_debug_command(struct xs_handle *h, const char *cmd,
		       void *data, unsigned int len);
/* Port in /local/domain/<domid>/device/suspend/event-channel, or -1. */
int xs_suspend_evtchn_port(int domid);

#endif /* XENSTORE_H */
