/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Small-object allocator over the page allocator: power-of-two size
 * classes from 16 to 1024 bytes carved out of single pages (slabs);
 * anything larger gets its own run of pages. Every result is 16-byte
 * aligned; the page it starts in holds a header naming how to free it.
 */
#ifndef XEN_XMALLOC_H
#define XEN_XMALLOC_H

#include <xen/types.h>

/* NULL when out of memory or `size` is 0 or absurd. */
void *xmalloc_bytes(size_t size);
void *xzalloc_bytes(size_t size);
/* NULL is ignored; a pointer xmalloc did not return stops with FATAL. */
void xfree(void *p);

/* NULL if n * size overflows. */
void *xzalloc_array_bytes(size_t n, size_t size);

#define xmalloc(type) ((type *)xmalloc_bytes(sizeof(type)))
#define xzalloc(type) ((type *)xzalloc_bytes(sizeof(type)))
#define xzalloc_array(type, n) ((type *)xzalloc_array_bytes((n), sizeof(type)))

/* Bytes handed out and not yet freed (requested sizes rounded to classes). */
size_t xmalloc_in_use(void);

#endif
