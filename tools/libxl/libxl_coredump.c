/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * libxl_domain_core_dump: the guest's RAM as an ELF64 core file, one PT_LOAD
 * segment per Arm guest RAM bank (guest-physical addresses in p_paddr and
 * p_vaddr), read through foreign mappings.  Pages the hypervisor will not
 * map (ballooned out) are written as zeros so file offsets stay linear.
 * Xen's own dump adds .xen_* sections for the crash utility; this does not.
 */
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "libxl_internal.h"

#define PAGE 4096ULL
#define CHUNK 256 /* pages mapped at once */

struct bank {
	uint64_t base, pages;
};

/* Splits the domain's pages over the two RAM banks, bank 0 first. */
static int banks_of(uint64_t pages, struct bank b[2])
{
	uint64_t max0 = GUEST_RAM0_SIZE / PAGE;

	b[0] = (struct bank){ GUEST_RAM0_BASE, pages < max0 ? pages : max0 };
	b[1] = (struct bank){ GUEST_RAM1_BASE, pages - b[0].pages };
	return b[1].pages ? 2 : 1;
}

static int write_all(int fd, const void *p, size_t n)
{
	const char *c = p;

	while (n) {
		ssize_t w = write(fd, c, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		c += w;
		n -= (size_t)w;
	}
	return 0;
}

static int write_headers(int fd, const struct bank *b, int nb)
{
	Elf64_Ehdr e = { .e_type = ET_CORE, .e_version = EV_CURRENT,
			 .e_phoff = sizeof(Elf64_Ehdr), .e_ehsize = sizeof(Elf64_Ehdr),
			 .e_phentsize = sizeof(Elf64_Phdr), .e_phnum = (Elf64_Half)nb };
	Elf64_Phdr ph[2];
	uint64_t off = PAGE; /* data starts page-aligned after the headers */

	memcpy(e.e_ident, ELFMAG, SELFMAG);
	e.e_ident[EI_CLASS] = ELFCLASS64;
	e.e_ident[EI_DATA] = ELFDATA2LSB;
	e.e_ident[EI_VERSION] = EV_CURRENT;
#ifdef __aarch64__
	e.e_machine = EM_AARCH64;
#else
	e.e_machine = EM_ARM;
#endif
	for (int i = 0; i < nb; i++) {
		ph[i] = (Elf64_Phdr){ .p_type = PT_LOAD, .p_flags = PF_R | PF_W | PF_X,
				      .p_offset = off, .p_vaddr = b[i].base, .p_paddr = b[i].base,
				      .p_filesz = b[i].pages * PAGE, .p_memsz = b[i].pages * PAGE,
				      .p_align = PAGE };
		off += b[i].pages * PAGE;
	}
	if (write_all(fd, &e, sizeof(e)) || write_all(fd, ph, sizeof(ph[0]) * (size_t)nb))
		return -1;
	return lseek(fd, (off_t)PAGE, SEEK_SET) < 0 ? -1 : 0;
}

/* One page, or zeros if the hypervisor will not map it. */
static int dump_page(libxl_ctx *ctx, int fd, uint32_t domid, xen_pfn_t gfn)
{
	static const char zero[PAGE];
	void *m = xc_map_foreign_pages(ctx->xch, domid, PROT_READ, &gfn, 1);
	int rc;

	if (!m)
		return write_all(fd, zero, PAGE);
	rc = write_all(fd, m, PAGE);
	munmap(m, PAGE);
	return rc;
}

static int dump_chunk(libxl_ctx *ctx, int fd, uint32_t domid, xen_pfn_t first, unsigned int n)
{
	xen_pfn_t gfns[CHUNK];
	void *m;
	int rc = 0;

	for (unsigned int i = 0; i < n; i++)
		gfns[i] = first + i;
	m = xc_map_foreign_pages(ctx->xch, domid, PROT_READ, gfns, n);
	if (m) {
		rc = write_all(fd, m, (size_t)n * PAGE);
		munmap(m, (size_t)n * PAGE);
		return rc;
	}
	for (unsigned int i = 0; i < n && !rc; i++)
		rc = dump_page(ctx, fd, domid, first + i);
	return rc;
}

static int dump_bank(libxl_ctx *ctx, int fd, uint32_t domid, const struct bank *b)
{
	for (uint64_t done = 0; done < b->pages; done += CHUNK) {
		uint64_t left = b->pages - done;

		if (dump_chunk(ctx, fd, domid, b->base / PAGE + done,
			       (unsigned int)(left < CHUNK ? left : CHUNK)))
			return -1;
	}
	return 0;
}

int libxl_domain_core_dump(libxl_ctx *ctx, uint32_t domid, const char *path)
{
	libxl_dominfo info;
	struct bank b[2];
	int nb, fd, rc = libxl_domain_info(ctx, &info, domid);

	if (rc)
		return rc;
	nb = banks_of(info.current_memkb / 4, b);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0) {
		fprintf(stderr, "libxl: core dump of domain %u: %s: %s\n", domid, path,
			strerror(errno));
		return ERROR_FAIL;
	}
	rc = write_headers(fd, b, nb);
	for (int i = 0; i < nb && !rc; i++)
		rc = dump_bank(ctx, fd, domid, &b[i]);
	if (close(fd) || rc) {
		fprintf(stderr, "libxl: core dump of domain %u: writing %s: %s\n", domid, path,
			strerror(errno));
		unlink(path);
		return ERROR_FAIL;
	}
	return 0;
}
