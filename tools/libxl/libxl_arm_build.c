/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Building an Arm domU's memory (xen-arm-abi.md §3.6, §7.3): populate RAM
 * and the magic pages, place and copy kernel, ramdisk and DTB through
 * foreign mappings (then clean them to PoC), set vCPU 0's registers, and
 * seed grant entries 0 (console) and 1 (xenstore) for the backends.
 */
#include <errno.h>
#include <libfdt.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "libxl_arm.h"
#include "libxl_internal.h"
#include "public/arch-arm.h"
#include "public/grant_table.h"

#define PAGE_SHIFT_4K 12
#define PAGE_4K (1ull << PAGE_SHIFT_4K)
#define MB(x) ((uint64_t)(x) << 20)
#define CHUNK_PAGES 1024u /* 4 MiB per foreign mapping */
#define MAGIC_PAGES 4     /* console, xenstore, vm-event, vpl011 */
#define SCTLR_GUEST_INIT 0x00C50078ull

static uint64_t round_page(uint64_t x)
{
	return (x + PAGE_4K - 1) & ~(PAGE_4K - 1);
}

static int fail(uint32_t domid, const char *what)
{
	fprintf(stderr, "libxl: domain %u: %s: %s\n", domid, what, strerror(errno));
	return ERROR_FAIL;
}

/* Populates nr pages from gfn, in 2 MiB extents where aligned, 512 extents per call. */
static int populate(libxl_ctx *ctx, uint32_t domid, xen_pfn_t gfn, uint64_t nr)
{
	xen_pfn_t list[512];

	while (nr) {
		unsigned int order = (!(gfn & 511) && nr >= 512) ? 9 : 0, n = 0;

		while (n < 512 && nr >= (1ull << order)) {
			if (!order && n && !(gfn & 511) && nr >= 512)
				break; /* the rest can go in 2 MiB extents */
			list[n++] = gfn;
			gfn += 1ull << order;
			nr -= 1ull << order;
		}
		if (xc_domain_populate_physmap_exact(ctx->xch, domid, n, order, 0, list))
			return fail(domid, "populating guest RAM");
	}
	return 0;
}

int libxl__arm_populate(libxl_ctx *ctx, struct libxl_build *b)
{
	uint64_t bank0 = b->ram_bytes < GUEST_RAM0_SIZE ? b->ram_bytes : GUEST_RAM0_SIZE;
	int rc = populate(ctx, b->domid, GUEST_RAM0_BASE >> PAGE_SHIFT_4K, bank0 >> PAGE_SHIFT_4K);

	if (!rc && b->ram_bytes > bank0)
		rc = populate(ctx, b->domid, GUEST_RAM1_BASE >> PAGE_SHIFT_4K,
			      (b->ram_bytes - bank0) >> PAGE_SHIFT_4K);
	if (!rc)
		rc = populate(ctx, b->domid, GUEST_MAGIC_BASE >> PAGE_SHIFT_4K, MAGIC_PAGES);
	return rc;
}

/* Where copy_to_guest's bytes come from: a buffer, the kernel, or zeros. */
struct source {
	const uint8_t *buf;
	struct libxl_kernel *kernel;
};

/* Any chunk in any order, from any thread: all but a compressed kernel. */
static bool source_random(const struct source *s)
{
	return !s->kernel || !s->kernel->was_gzip;
}

/* Bytes [off, off + len) of the source (a compressed kernel: in order only). */
static int source_fill(struct source *s, uint64_t off, uint8_t *dst, uint64_t len)
{
	if (s->kernel && s->kernel->was_gzip)
		return libxl_kernel_read(s->kernel, dst, len) ? ERROR_INVAL : 0;
	if (s->kernel)
		return libxl_kernel_read_at(s->kernel, off, dst, len) ? ERROR_INVAL : 0;
	if (s->buf)
		memcpy(dst, s->buf + off, len);
	else
		memset(dst, 0, len);
	return 0;
}

/* A copy into guest memory, CHUNK_PAGES at a time; chunks first, first + step, ... */
struct copy_job {
	libxl_ctx *ctx;
	uint32_t domid;
	uint64_t gpa, len, first, step;
	struct source *src;
	int rc;
};

/*
 * One chunk through a foreign mapping: the bytes, zeroes to the end of the
 * last page, then a clean to PoC (the guest starts with its MMU off).
 */
static int copy_chunk(struct copy_job *j, uint64_t chunk)
{
	uint64_t off = chunk * CHUNK_PAGES * PAGE_4K, left = j->len - off;
	uint64_t bytes = left < CHUNK_PAGES * PAGE_4K ? left : CHUNK_PAGES * PAGE_4K;
	uint64_t n = round_page(bytes) >> PAGE_SHIFT_4K, gfn = (j->gpa + off) >> PAGE_SHIFT_4K;
	xen_pfn_t gfns[CHUNK_PAGES];
	uint8_t *m;
	int rc;

	for (uint64_t i = 0; i < n; i++)
		gfns[i] = gfn + i;
	m = xc_map_foreign_pages(j->ctx->xch, j->domid, PROT_READ | PROT_WRITE, gfns, (unsigned int)n);
	if (!m)
		return fail(j->domid, "mapping guest memory");
	rc = source_fill(j->src, off, m, bytes);
	memset(m + bytes, 0, (n << PAGE_SHIFT_4K) - bytes);
	munmap(m, n << PAGE_SHIFT_4K);
	if (!rc && xc_domain_cacheflush(j->ctx->xch, j->domid, gfn, n))
		rc = fail(j->domid, "cleaning guest memory to PoC");
	return rc;
}

static void *copy_worker(void *arg)
{
	struct copy_job *j = arg;
	uint64_t chunks = (j->len + CHUNK_PAGES * PAGE_4K - 1) / (CHUNK_PAGES * PAGE_4K);

	for (uint64_t c = j->first; c < chunks && !j->rc; c += j->step)
		j->rc = copy_chunk(j, c);
	return NULL;
}

/*
 * Writes len bytes from src to guest physical address gpa (page aligned)
 * through foreign mappings.  Mapping, copying and unmapping cost per page
 * on a slow CPU; dom0 usually has a second vCPU, so a random-access source
 * is copied by two threads (even and odd chunks).
 */
static int copy_by_mapping(libxl_ctx *ctx, uint32_t domid, uint64_t gpa, struct source *src,
			   uint64_t len)
{
	struct copy_job j[2] = {
		{ ctx, domid, gpa, len, 0, 1, src, 0 }, { ctx, domid, gpa, len, 1, 2, src, 0 },
	};
	pthread_t t;

	if (source_random(src) && len > CHUNK_PAGES * PAGE_4K &&
	    !pthread_create(&t, NULL, copy_worker, &j[1])) {
		j[0].step = 2;
		copy_worker(&j[0]);
		pthread_join(t, NULL);
	} else {
		copy_worker(&j[0]);
	}
	return j[0].rc ? j[0].rc : j[1].rc;
}

/* The source's bytes in memory (a mapped file or a buffer), or NULL. */
static const uint8_t *source_bytes(const struct source *s)
{
	if (s->kernel)
		return s->kernel->was_gzip ? NULL : s->kernel->file;
	return s->buf;
}

struct guest_writer {
	libxl_ctx *ctx;
	uint32_t domid;
	struct libxl_gcopy *gcopy;   /* NULL: grant copy unavailable */
};

/*
 * One piece of a copy: by grant copy while that works (libxl_gcopy.c:
 * no mapping changes), else, from then on, by foreign mapping.
 */
static int write_piece(struct guest_writer *w, uint64_t gpa, const uint8_t *p, uint64_t n)
{
	struct source piece = { .buf = p };

	if (w->gcopy && !libxl__gcopy(w->ctx, w->gcopy, gpa, p, n))
		return 0;
	if (w->gcopy && libxl_verbose)
		fprintf(stderr, "libxl: domain %u: grant copy failed (%s): foreign mappings instead\n",
			w->domid, strerror(errno));
	libxl__gcopy_close(w->gcopy);
	w->gcopy = NULL;
	return copy_by_mapping(w->ctx, w->domid, gpa, &piece, n);
}

#define PIECE (2u << 20) /* a gzip kernel is inflated this much at a time */

/*
 * Writes len bytes from src to guest physical address gpa (page aligned),
 * zero-padding the last page.  Sources with bytes in memory go straight
 * from there; a gzip kernel is inflated PIECE by PIECE into one buffer.
 */
static int copy_to_guest(struct guest_writer *w, uint64_t gpa, struct source *src, uint64_t len)
{
	const uint8_t *direct = source_bytes(src);
	uint8_t *buf = NULL;
	int rc = 0;

	if (!w->gcopy || (!direct && src->kernel == NULL))
		return copy_by_mapping(w->ctx, w->domid, gpa, src, len);
	if (!direct && !(buf = malloc(PIECE)))
		return ERROR_NOMEM;
	for (uint64_t off = 0; !rc && off < len; off += PIECE) {
		uint64_t n = len - off < PIECE ? len - off : PIECE;

		if (!direct && source_fill(src, off, buf, n))
			rc = ERROR_INVAL;
		else
			rc = write_piece(w, gpa + off, direct ? direct + off : buf, n);
	}
	free(buf);
	return rc;
}

/*
 * Modules go at RAM base + 128 MiB when RAM and the kernel allow, else at
 * the end of bank 0 (libxc's rule): ramdisk first, then the DTB.
 */
static int place_modules(struct libxl_build *b, uint64_t kernel_end, uint64_t modules)
{
	uint64_t bank0 = b->ram_bytes < GUEST_RAM0_SIZE ? b->ram_bytes : GUEST_RAM0_SIZE;
	uint64_t base = GUEST_RAM0_BASE + MB(128), end0 = GUEST_RAM0_BASE + bank0;

	if (bank0 < MB(128) + modules || kernel_end > base)
		base = (end0 - modules) & ~(PAGE_4K - 1);
	if (base < kernel_end || base + modules > end0) {
		fprintf(stderr, "libxl: domain %u: %llu KiB of RAM cannot hold the kernel, "
			"ramdisk and device tree\n", b->domid, (unsigned long long)(bank0 >> 10));
		return ERROR_INVAL;
	}
	b->ramdisk_addr = base;
	b->dtb_addr = base + round_page(b->ramdisk_size);
	return 0;
}

static int set_initrd(void *dtb, const struct libxl_build *b)
{
	int node = fdt_path_offset(dtb, "/chosen");

	if (!b->ramdisk_size)
		return 0;
	if (node < 0 ||
	    fdt_setprop_inplace_u64(dtb, node, "linux,initrd-start", b->ramdisk_addr) ||
	    fdt_setprop_inplace_u64(dtb, node, "linux,initrd-end", b->ramdisk_addr + b->ramdisk_size))
		return ERROR_FAIL;
	return 0;
}

static int build_dtb(struct libxl_build *b, const struct libxl_kernel *k, void **dtb, size_t *sz)
{
	const libxl_domain_build_info *bi = &b->d->b_info;
	struct libxl_dt_params p = {
		.nr_vcpus = b->max_vcpus, .gic_version = b->gic_version, .mem_size = b->ram_bytes,
		.cmdline = bi->cmdline, .has_ramdisk = b->ramdisk_size != 0,
		.vuart = bi->arch_arm.vuart == LIBXL_VUART_TYPE_SBSA_UART,
		.aarch32 = k->kind == LIBXL_KERNEL_ARM32_ZIMAGE, .clock_frequency = b->clock_frequency,
	};

	return libxl_dt_build(&p, dtb, sz) ? ERROR_INVAL : 0;
}

static int load_all(libxl_ctx *ctx, struct libxl_build *b, struct libxl_kernel *k,
		    const uint8_t *ramdisk)
{
	struct source ksrc = { .kernel = k }, rsrc = { .buf = ramdisk }, dsrc = { 0 }, zero = { 0 };
	uint64_t kernel_len = k->image_size > k->size ? k->image_size : k->size;
	struct guest_writer w = { ctx, b->domid, libxl__gcopy_open(ctx, b->domid) };

	if (!w.gcopy && libxl_verbose)
		fprintf(stderr, "libxl: domain %u: no grant copy (%s): foreign mappings\n", b->domid,
			strerror(errno));
	void *dtb = NULL;
	size_t dtb_size = 0;
	int rc = build_dtb(b, k, &dtb, &dtb_size);

	b->aarch64 = k->kind == LIBXL_KERNEL_ARM64_IMAGE;
	b->kernel_addr = GUEST_RAM0_BASE + (b->aarch64 ? k->text_offset : 0x8000);
	b->entry = b->kernel_addr;
	if (!rc)
		rc = place_modules(b, b->kernel_addr + kernel_len,
				   round_page(b->ramdisk_size) + round_page(dtb_size));
	if (!rc)
		rc = set_initrd(dtb, b);
	dsrc.buf = dtb;
	if (!rc)
		rc = copy_to_guest(&w, b->kernel_addr, &ksrc, k->size);
	if (!rc && ramdisk)
		rc = copy_to_guest(&w, b->ramdisk_addr, &rsrc, b->ramdisk_size);
	if (!rc)
		rc = copy_to_guest(&w, b->dtb_addr, &dsrc, dtb_size);
	if (!rc)
		rc = copy_to_guest(&w, GUEST_MAGIC_BASE, &zero, MAGIC_PAGES * PAGE_4K);
	libxl__gcopy_close(w.gcopy);
	free(dtb);
	return rc;
}

int libxl__arm_load(libxl_ctx *ctx, struct libxl_build *b)
{
	const libxl_domain_build_info *bi = &b->d->b_info;
	struct libxl_kernel k;
	const uint8_t *ramdisk = NULL;
	size_t rd_len = 0;
	int rc;

	if (libxl_kernel_open(bi->kernel, &k))
		return ERROR_INVAL;
	if (bi->ramdisk && !(ramdisk = libxl_file_map(bi->ramdisk, &rd_len))) {
		libxl_kernel_dispose(&k);
		return ERROR_INVAL;
	}
	b->ramdisk_size = rd_len;
	rc = xc_domain_set_address_size(ctx->xch, b->domid,
					k.kind == LIBXL_KERNEL_ARM64_IMAGE ? 64 : 32)
		     ? fail(b->domid, "setting the address size") : 0;
	if (!rc)
		rc = libxl__arm_populate(ctx, b);
	if (!rc)
		rc = load_all(ctx, b, &k, ramdisk);
	libxl_file_unmap(ramdisk, rd_len);
	libxl_kernel_dispose(&k);
	return rc;
}

int libxl__arm_boot_vcpu(libxl_ctx *ctx, struct libxl_build *b)
{
	struct vcpu_guest_context c;

	memset(&c, 0, sizeof(c));
	c.flags = VGCF_online;
	c.user_regs.pc64 = b->entry;
	c.sctlr = SCTLR_GUEST_INIT;
	if (b->aarch64) {
		c.user_regs.x[0] = b->dtb_addr;
		c.user_regs.cpsr = PSR_GUEST64_INIT;
	} else {
		c.user_regs.x[1] = 0xffffffff;
		c.user_regs.x[2] = b->dtb_addr;
		c.user_regs.cpsr = PSR_GUEST32_INIT;
	}
	return xc_vcpu_setcontext(ctx->xch, b->domid, 0, &c) ? fail(b->domid, "setting vCPU 0") : 0;
}

/* Entry 0: console ring for xenconsoled, entry 1: xenstore ring for xenstored (both dom0). */
int libxl__arm_seed_grants(libxl_ctx *ctx, struct libxl_build *b)
{
	struct grant_entry_v1 *g = xc_map_resource(ctx->xch, b->domid, XENMEM_resource_grant_table,
						   XENMEM_resource_grant_table_id_shared, 0, 1);
	const uint32_t frames[2] = { (uint32_t)(GUEST_MAGIC_BASE >> PAGE_SHIFT_4K),
				     (uint32_t)(GUEST_MAGIC_BASE >> PAGE_SHIFT_4K) + 1 };

	if (!g)
		return fail(b->domid, "mapping the grant table");
	for (int i = 0; i < 2; i++) {
		g[i].domid = 0;
		g[i].frame = frames[i];
		__atomic_thread_fence(__ATOMIC_RELEASE); /* entry complete before it is valid */
		g[i].flags = GTF_permit_access;
	}
	munmap(g, PAGE_4K);
	return 0;
}
