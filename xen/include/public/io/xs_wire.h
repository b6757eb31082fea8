/* SPDX-License-Identifier: MIT */
/*
 * xs_wire.h: the xenstore wire protocol, byte-compatible with Xen's public
 * header of the same name (message header, type numbers, error table,
 * shared-ring layout).  Type numbers and layouts are interface facts and must
 * never change; new entries are only appended.
 */
#ifndef __XEN_PUBLIC_IO_XS_WIRE_H__
#define __XEN_PUBLIC_IO_XS_WIRE_H__

enum xsd_sockmsg_type {
	XS_CONTROL,
#define XS_DEBUG XS_CONTROL
	XS_DIRECTORY,
	XS_READ,
	XS_GET_PERMS,
	XS_WATCH,
	XS_UNWATCH,
	XS_TRANSACTION_START,
	XS_TRANSACTION_END,
	XS_INTRODUCE,
	XS_RELEASE,
	XS_GET_DOMAIN_PATH,
	XS_WRITE,
	XS_MKDIR,
	XS_RM,
	XS_SET_PERMS,
	XS_WATCH_EVENT,
	XS_ERROR,
	XS_IS_DOMAIN_INTRODUCED,
	XS_RESUME,
	XS_SET_TARGET,
	/* 20 was XS_RESTRICT, removed; the number stays reserved. */
	XS_RESET_WATCHES = XS_SET_TARGET + 2,
	XS_DIRECTORY_PART,

	XS_TYPE_COUNT,		/* Number of valid types. */

	XS_INVALID = 0xffff	/* Guaranteed to remain an invalid type. */
};

#define XS_WRITE_NONE "NONE"
#define XS_WRITE_CREATE "CREATE"
#define XS_WRITE_CREATE_EXCL "CREATE|EXCL"

/* Errors go out on the wire as the errno's name, a NUL-terminated string. */
struct xsd_errors {
	int errnum;
	const char *errstring;
};

#ifdef EINVAL
#define XSD_ERROR(x) { x, #x }
/* The order is part of the ABI: new names are only appended. */
static struct xsd_errors xsd_errors[]
#if defined(__GNUC__)
__attribute__((unused))
#endif
	= {
	XSD_ERROR(EINVAL),
	XSD_ERROR(EACCES),
	XSD_ERROR(EEXIST),
	XSD_ERROR(EISDIR),
	XSD_ERROR(ENOENT),
	XSD_ERROR(ENOMEM),
	XSD_ERROR(ENOSPC),
	XSD_ERROR(EIO),
	XSD_ERROR(ENOTEMPTY),
	XSD_ERROR(ENOSYS),
	XSD_ERROR(EROFS),
	XSD_ERROR(EBUSY),
	XSD_ERROR(EAGAIN),
	XSD_ERROR(EISCONN),
	XSD_ERROR(E2BIG),
	XSD_ERROR(EPERM),
};
#endif

/* Every message starts with this header, in the host's byte order. */
struct xsd_sockmsg {
	uint32_t type;		/* enum xsd_sockmsg_type */
	uint32_t req_id;	/* echoed in the reply */
	uint32_t tx_id;		/* transaction id, 0 outside a transaction */
	uint32_t len;		/* payload bytes following the header */
};

/* Field positions inside a watch event's payload. */
enum xs_watch_type {
	XS_WATCH_PATH = 0,
	XS_WATCH_TOKEN
};

/*
 * The shared page between a domain and xenstored.  Indices run freely
 * modulo 2^32; the position inside a ring is the index masked.
 */
#define XENSTORE_RING_SIZE 1024
typedef uint32_t XENSTORE_RING_IDX;
#define MASK_XENSTORE_IDX(idx) ((idx) & (XENSTORE_RING_SIZE - 1))
struct xenstore_domain_interface {
	char req[XENSTORE_RING_SIZE];	/* domain -> xenstored */
	char rsp[XENSTORE_RING_SIZE];	/* xenstored -> domain */
	XENSTORE_RING_IDX req_cons, req_prod;
	XENSTORE_RING_IDX rsp_cons, rsp_prod;
	uint32_t server_features;	/* XENSTORE_SERVER_FEATURE_* bits */
	uint32_t connection;		/* XENSTORE_CONNECTED / _RECONNECT */
	uint32_t error;			/* XENSTORE_ERROR_* */
};

/* Largest payload either side may send. */
#define XENSTORE_PAYLOAD_MAX 4096

/* Path length limits, excluding the terminating NUL. */
#define XENSTORE_ABS_PATH_MAX 3072
#define XENSTORE_REL_PATH_MAX 2048

/* server_features bits. */
#define XENSTORE_SERVER_FEATURE_RECONNECTION 1
#define XENSTORE_SERVER_FEATURE_ERROR        2

/* connection values. */
#define XENSTORE_CONNECTED 0	/* steady state */
#define XENSTORE_RECONNECT 1	/* guest asks for a reset */

/* error values. */
#define XENSTORE_ERROR_NONE    0
#define XENSTORE_ERROR_COMM    1	/* generic communication error */
#define XENSTORE_ERROR_RINGIDX 2	/* ring index out of range */
#define XENSTORE_ERROR_PROTO   3	/* protocol violation (e.g. oversize) */

#endif /* __XEN_PUBLIC_IO_XS_WIRE_H__ */
