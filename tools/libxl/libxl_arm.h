/* SPDX-License-Identifier: GPL-2.0-only */
/* Arm guest specifics of libxl: the domU device tree and kernel images. */
#ifndef XA_LIBXL_ARM_H
#define XA_LIBXL_ARM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct libxl_dt_params {
	uint32_t nr_vcpus;        /* max vCPUs: one cpu node each */
	int gic_version;          /* 2 or 3 (after "default" is resolved) */
	uint64_t mem_size;        /* bytes; above 3 GiB a second bank */
	const char *cmdline;      /* NULL: no bootargs */
	bool has_ramdisk;         /* adds initrd placeholders to /chosen */
	bool vuart;               /* vuart = "sbsa_uart" */
	bool aarch32;             /* 32-bit guest: cortex-a15 cpus, v7 timer */
	uint32_t clock_frequency; /* from createdomain; 0 = none */
};

/* Builds the DTB (malloc'd into *dtb); 0, or -1 after a message. */
int libxl_dt_build(const struct libxl_dt_params *p, void **dtb, size_t *size);
uint32_t libxl_dt_vcpu_mpidr(uint32_t vcpu);
void libxl_dt_random(uint8_t *buf, size_t len);

enum libxl_kernel_kind { LIBXL_KERNEL_ARM64_IMAGE, LIBXL_KERNEL_ARM32_ZIMAGE };

struct libxl_kernel {
	enum libxl_kernel_kind kind;
	uint8_t *data;       /* libxl_kernel_load only: the (decompressed) image */
	size_t size;          /* bytes of the (decompressed) image */
	uint64_t text_offset; /* arm64: load offset from a 2 MiB aligned base */
	uint64_t image_size;  /* arm64: memory the kernel needs (0 = unknown, use size) */
	uint64_t flags;       /* arm64 header flags (bit 0 big-endian, bits 1-2 page size) */
	bool was_gzip;
	/* libxl_kernel_open: the file, mapped, and where libxl_kernel_read is */
	const uint8_t *file;
	size_t file_len, pos;
	void *zs;             /* z_stream of a gzip image */
	const char *name;
};

/*
 * Opens path (raw Image / zImage, or either gzip-compressed) for loading:
 * maps the file, checks the header and fills k (size is the decompressed
 * size, from the gzip trailer).  0, or -1 after a message naming the file
 * and what is wrong with it.  The image is then read, decompressed on the
 * fly, straight into its destination with libxl_kernel_read: no copy of the
 * whole image is ever made.
 */
int libxl_kernel_open(const char *path, struct libxl_kernel *k);
/* The next len bytes of the image into dst: 0, or -1 after a message. */
int libxl_kernel_read(struct libxl_kernel *k, uint8_t *dst, size_t len);
/* Bytes [off, off + len) of an uncompressed image (any thread, any order). */
int libxl_kernel_read_at(const struct libxl_kernel *k, size_t off, uint8_t *dst, size_t len);
/* libxl_kernel_open, then the whole image into k->data. */
int libxl_kernel_load(const char *path, struct libxl_kernel *k);
void libxl_kernel_dispose(struct libxl_kernel *k);

/* A whole file mapped read-only (len > 0); NULL after a message. */
const uint8_t *libxl_file_map(const char *path, size_t *len);
void libxl_file_unmap(const uint8_t *p, size_t len);

#endif
