// SPDX-License-Identifier: GPL-2.0-only
/* zlib's default allocator calls malloc/free: give it the hypervisor heap. */
#include <xen/xmalloc.h>

void *malloc(size_t size);
void free(void *p);

void *malloc(size_t size)
{
	return xmalloc_bytes(size);
}

void free(void *p)
{
	xfree(p);
}
