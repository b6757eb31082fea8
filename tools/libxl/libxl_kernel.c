/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Guest kernel images: arm64 "Image" (64-byte header, magic "ARM\x64" at
 * offset 56; Linux Documentation/arm64/booting.rst), arm32 zImage (magic
 * 0x016f2818 at offset 0x24, start/end at 0x28/0x2c), either of them raw or
 * gzip-compressed (Image.gz), inflated with zlib.  The file is untrusted:
 * sizes are bounded and every header field is checked before use.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "libxl_arm.h"

#define KERNEL_MAX_SIZE (512u << 20) /* no guest kernel comes near this */
#define ARM64_MAGIC 0x644d5241u
#define ZIMAGE_MAGIC 0x016f2818u

static uint32_t le32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint64_t le64(const uint8_t *p)
{
	return le32(p) | (uint64_t)le32(p + 4) << 32;
}

static int bad(const char *name, const char *why)
{
	fprintf(stderr, "libxl: kernel %s: %s\n", name, why);
	return -1;
}

static int parse_arm64(const char *name, struct libxl_kernel *k)
{
	const uint8_t *h = k->data;

	k->kind = LIBXL_KERNEL_ARM64_IMAGE;
	k->text_offset = le64(h + 8);
	k->image_size = le64(h + 16);
	k->flags = le64(h + 24);
	if (k->flags & 1)
		return bad(name, "big-endian Image: Arm guests run little-endian");
	if (k->text_offset >= (2u << 20) || (k->text_offset & 0xfff))
		return bad(name, "text_offset in the Image header is not a 4 KiB multiple below 2 MiB");
	if (k->image_size && (k->image_size < k->size || k->image_size > KERNEL_MAX_SIZE))
		return bad(name, "image_size in the Image header is smaller than the file or absurd");
	return 0;
}

static int parse_zimage(const char *name, struct libxl_kernel *k)
{
	uint32_t start = le32(k->data + 0x28), end = le32(k->data + 0x2c);

	k->kind = LIBXL_KERNEL_ARM32_ZIMAGE;
	if (end < start || end - start > k->size)
		return bad(name, "zImage start/end fields do not match the file");
	k->image_size = end - start;
	return 0;
}

static int parse_image(const char *name, struct libxl_kernel *k)
{
	if (k->size >= 64 && le32(k->data + 56) == ARM64_MAGIC)
		return parse_arm64(name, k);
	if (k->size >= 0x30 && le32(k->data + 0x24) == ZIMAGE_MAGIC)
		return parse_zimage(name, k);
	return bad(name, "neither an arm64 Image nor an arm32 zImage (no header magic)");
}

/* Inflates a gzip stream, bounded by KERNEL_MAX_SIZE. */
static int gunzip(const char *name, const uint8_t *in, size_t len, struct libxl_kernel *k)
{
	z_stream zs = { .next_in = (Bytef *)in, .avail_in = (uInt)len };
	size_t cap = len * 4 + 4096;
	int zrc = Z_OK;

	if (len > KERNEL_MAX_SIZE || inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK)
		return bad(name, "cannot start gzip decompression");
	k->data = malloc(cap);
	while (k->data && zrc == Z_OK) {
		if (k->size == cap) {
			uint8_t *n = cap * 2 <= KERNEL_MAX_SIZE ? realloc(k->data, cap *= 2) : NULL;

			if (!n) {
				inflateEnd(&zs);
				return bad(name, "decompressed image too large");
			}
			k->data = n;
		}
		zs.next_out = k->data + k->size;
		zs.avail_out = (uInt)(cap - k->size);
		zrc = inflate(&zs, Z_NO_FLUSH);
		k->size = cap - zs.avail_out;
	}
	inflateEnd(&zs);
	if (!k->data)
		return bad(name, "out of memory");
	if (zrc != Z_STREAM_END)
		return bad(name, zrc == Z_BUF_ERROR ? "gzip data truncated" : "corrupt gzip data");
	k->was_gzip = true;
	return 0;
}

int libxl_kernel_parse(const char *name, const uint8_t *buf, size_t len, struct libxl_kernel *k)
{
	int rc = 0;

	memset(k, 0, sizeof(*k));
	if (len >= 2 && buf[0] == 0x1f && buf[1] == 0x8b) {
		rc = gunzip(name, buf, len, k);
	} else {
		k->data = malloc(len ? len : 1);
		if (!k->data)
			rc = bad(name, "out of memory");
		else
			memcpy(k->data, buf, len);
		k->size = len;
	}
	if (!rc)
		rc = parse_image(name, k);
	if (rc)
		libxl_kernel_dispose(k);
	return rc;
}

static uint8_t *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf = NULL;
	long sz;

	if (!f)
		return NULL;
	if (!fseek(f, 0, SEEK_END) && (sz = ftell(f)) >= 0 && sz <= (long)KERNEL_MAX_SIZE &&
	    !fseek(f, 0, SEEK_SET) && (buf = malloc(sz ? (size_t)sz : 1)) &&
	    fread(buf, 1, (size_t)sz, f) == (size_t)sz) {
		*len = (size_t)sz;
	} else {
		free(buf);
		buf = NULL;
		if (!errno)
			errno = EFBIG;
	}
	fclose(f);
	return buf;
}

int libxl_kernel_load(const char *path, struct libxl_kernel *k)
{
	size_t len = 0;
	uint8_t *buf;
	int rc;

	errno = 0;
	buf = read_file(path, &len);
	if (!buf) {
		fprintf(stderr, "libxl: kernel %s: cannot read: %s\n", path, strerror(errno));
		return -1;
	}
	rc = libxl_kernel_parse(path, buf, len, k);
	free(buf);
	return rc;
}

void libxl_kernel_dispose(struct libxl_kernel *k)
{
	free(k->data);
	memset(k, 0, sizeof(*k));
}
