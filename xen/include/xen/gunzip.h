/* SPDX-License-Identifier: GPL-2.0-only */
/* gzip decompression with zlib (Debian's static libz.a in the hypervisor). */
#ifndef XEN_GUNZIP_H
#define XEN_GUNZIP_H

#include <xen/types.h>

/* True if `src` starts with the gzip magic 1f 8b. */
bool gunzip_is_gzip(const void *src, size_t size);

/*
 * Inflates the gzip stream `src` into `dst`. Returns the output size, or
 * -1 with *why set (corrupt stream, output larger than dst_size, no memory).
 */
long gunzip(void *dst, size_t dst_size, const void *src, size_t src_size,
	    const char **why);

#endif
