/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Linux OS layer: hypercalls through IOCTL_PRIVCMD_HYPERCALL on
 * /dev/xen/privcmd (or /proc/xen/privcmd), buffers from /dev/xen/hypercall
 * (pages the kernel keeps mapped) or, on older kernels, locked anonymous
 * memory; foreign mappings through IOCTL_PRIVCMD_MMAPBATCH_V2.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "xc_private.h"

#define PAGE_SIZE_4K 4096UL

struct linux_priv {
	int privcmd;
	int hypercall_dev; /* -1 when absent */
};

static size_t round_pages(size_t len)
{
	return (len + PAGE_SIZE_4K - 1) & ~(PAGE_SIZE_4K - 1);
}

void *xc_osdep_linux_open(int quiet)
{
	struct linux_priv *p = malloc(sizeof(*p));

	if (!p)
		return NULL;
	p->privcmd = open("/dev/xen/privcmd", O_RDWR | O_CLOEXEC);
	if (p->privcmd < 0 && errno == ENOENT)
		p->privcmd = open("/proc/xen/privcmd", O_RDWR | O_CLOEXEC);
	if (p->privcmd < 0) {
		if (!quiet)
			fprintf(stderr, "xc: cannot open /dev/xen/privcmd: %s "
				"(not running as dom0 of a Xen host?)\n", strerror(errno));
		free(p);
		return NULL;
	}
	p->hypercall_dev = open("/dev/xen/hypercall", O_RDWR | O_CLOEXEC);
	return p;
}

static long linux_hypercall(void *priv, privcmd_hypercall_t *call)
{
	struct linux_priv *p = priv;

	return ioctl(p->privcmd, IOCTL_PRIVCMD_HYPERCALL, call);
}

static void *linux_buf_alloc(void *priv, size_t len)
{
	struct linux_priv *p = priv;
	size_t sz = round_pages(len);
	void *m;

	/*
	 * The hypervisor walks our page tables itself and answers EFAULT on
	 * any page it cannot write through them at that moment: not present,
	 * or (arm64 without hardware dirty tracking) still mapped read-only
	 * until Linux sees a first write.  So every page is written here.
	 */
	m = MAP_FAILED;
	if (p->hypercall_dev >= 0)
		m = mmap(NULL, sz, PROT_READ | PROT_WRITE, MAP_SHARED, p->hypercall_dev, 0);
	if (m == MAP_FAILED) {
		m = mmap(NULL, sz, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (m == MAP_FAILED)
			return NULL;
		mlock(m, sz);
	}
	memset(m, 0, sz);
	return m;
}

static void linux_buf_free(void *priv, void *m, size_t len)
{
	munmap(m, round_pages(len));
}

static void *linux_map_foreign(void *priv, uint32_t domid, int prot, const xen_pfn_t *gfns,
			       int *errs, unsigned int num)
{
	struct linux_priv *p = priv;
	size_t sz = (size_t)num * PAGE_SIZE_4K;
	privcmd_mmapbatch_v2_t batch = { .num = num, .dom = (uint16_t)domid,
					 .arr = gfns, .err = errs };
	void *m = mmap(NULL, sz, prot, MAP_SHARED, p->privcmd, 0);

	if (m == MAP_FAILED)
		return NULL;
	batch.addr = (uint64_t)(uintptr_t)m;
	if (ioctl(p->privcmd, IOCTL_PRIVCMD_MMAPBATCH_V2, &batch) < 0) {
		int saved = errno;

		munmap(m, sz);
		errno = saved;
		return NULL;
	}
	return m;
}

static void *linux_map_resource(void *priv, uint32_t domid, unsigned int type, unsigned int id,
				unsigned int idx, unsigned int num)
{
	struct linux_priv *p = priv;
	size_t sz = (size_t)num * PAGE_SIZE_4K;
	privcmd_mmap_resource_t r = { .dom = (uint16_t)domid, .type = type, .id = id,
				      .idx = idx, .num = num };
	void *m = mmap(NULL, sz, PROT_READ | PROT_WRITE, MAP_SHARED, p->privcmd, 0);

	if (m == MAP_FAILED)
		return NULL;
	r.addr = (uint64_t)(uintptr_t)m;
	if (ioctl(p->privcmd, IOCTL_PRIVCMD_MMAP_RESOURCE, &r) < 0) {
		int saved = errno;

		munmap(m, sz);
		errno = saved;
		return NULL;
	}
	return m;
}

static void linux_close(void *priv)
{
	struct linux_priv *p = priv;

	close(p->privcmd);
	if (p->hypercall_dev >= 0)
		close(p->hypercall_dev);
	free(p);
}

const struct xc_osdep_ops xc_osdep_linux = {
	.hypercall = linux_hypercall,
	.buf_alloc = linux_buf_alloc,
	.buf_free = linux_buf_free,
	.map_foreign = linux_map_foreign,
	.map_resource = linux_map_resource,
	.close = linux_close,
};
