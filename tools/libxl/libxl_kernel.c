/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Guest kernel images: arm64 "Image" (64-byte header, magic "ARM\x64" at
 * offset 56; Linux Documentation/arm64/booting.rst), arm32 zImage (magic
 * 0x016f2818 at offset 0x24, start/end at 0x28/0x2c), either of them raw or
 * gzip-compressed (Image.gz), inflated with zlib.  The file is untrusted:
 * sizes are bounded and every header field is checked before use.
 *
 * The file is mapped, not read, and the image goes straight from the page
 * cache (or from inflate) into guest memory: on a slow (emulated) CPU each
 * extra pass over a 30 MiB kernel costs a good part of a second.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "libxl_arm.h"

#define KERNEL_MAX_SIZE (512u << 20) /* no guest kernel comes near this */
#define ARM64_MAGIC 0x644d5241u
#define ZIMAGE_MAGIC 0x016f2818u
#define HDR_LEN 64

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

static int parse_arm64(const char *name, const uint8_t *h, struct libxl_kernel *k)
{
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

static int parse_zimage(const char *name, const uint8_t *h, struct libxl_kernel *k)
{
	uint32_t start = le32(h + 0x28), end = le32(h + 0x2c);

	k->kind = LIBXL_KERNEL_ARM32_ZIMAGE;
	if (end < start || end - start > k->size)
		return bad(name, "zImage start/end fields do not match the file");
	k->image_size = end - start;
	return 0;
}

/* h: the image's first min(size, HDR_LEN) bytes. */
static int parse_image(const char *name, const uint8_t *h, struct libxl_kernel *k)
{
	if (k->size >= 64 && le32(h + 56) == ARM64_MAGIC)
		return parse_arm64(name, h, k);
	if (k->size >= 0x30 && le32(h + 0x24) == ZIMAGE_MAGIC)
		return parse_zimage(name, h, k);
	return bad(name, "neither an arm64 Image nor an arm32 zImage (no header magic)");
}

const uint8_t *libxl_file_map(const char *path, size_t *len)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct stat st;
	void *p = MAP_FAILED;

	if (fd >= 0 && !fstat(fd, &st)) {
		if (st.st_size <= 0 || st.st_size > (off_t)KERNEL_MAX_SIZE)
			errno = st.st_size ? EFBIG : ENODATA;
		else
			p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
	}
	if (fd >= 0)
		close(fd);
	if (p == MAP_FAILED) {
		fprintf(stderr, "libxl: cannot read %s: %s\n", path,
			errno == ENODATA ? "empty file" : strerror(errno));
		return NULL;
	}
	*len = (size_t)st.st_size;
	return p;
}

void libxl_file_unmap(const uint8_t *p, size_t len)
{
	if (p)
		munmap((void *)p, len);
}

/* Starts (or restarts) inflating the mapped gzip file from its beginning. */
static int gz_start(struct libxl_kernel *k)
{
	z_stream *zs = k->zs;

	if (!zs) {
		zs = calloc(1, sizeof(*zs));
		if (!zs || inflateInit2(zs, 16 + MAX_WBITS) != Z_OK) {
			free(zs);
			return bad(k->name, "cannot start gzip decompression");
		}
		k->zs = zs;
	} else if (inflateReset(zs) != Z_OK) {
		return bad(k->name, "cannot restart gzip decompression");
	}
	zs->next_in = (Bytef *)k->file;
	zs->avail_in = (uInt)k->file_len;
	k->pos = 0;
	return 0;
}

/* After the last byte: Z_STREAM_END, or Z_NEED_DICT if more data follows. */
static int gz_end(z_stream *zs)
{
	uint8_t extra;
	int zrc;

	zs->next_out = &extra;
	zs->avail_out = 1;
	do
		zrc = inflate(zs, Z_NO_FLUSH);
	while (zrc == Z_OK && zs->avail_out);
	if (!zs->avail_out)
		return Z_NEED_DICT;	/* a byte beyond the announced length */
	return zrc == Z_OK ? Z_BUF_ERROR : zrc;
}

/*
 * Inflates len bytes into dst.  The stream must end exactly at k->size (the
 * trailer's length): a lying trailer or truncated data is an error.
 */
static int gz_read(struct libxl_kernel *k, uint8_t *dst, size_t len)
{
	z_stream *zs = k->zs;
	int zrc;

	zs->next_out = dst;
	zs->avail_out = (uInt)len;
	do
		zrc = inflate(zs, Z_NO_FLUSH);
	while (zrc == Z_OK && zs->avail_out);
	k->pos += len - zs->avail_out;
	if (zrc == Z_OK && k->pos == k->size)
		zrc = gz_end(zs);	/* output full: the stream must end here */
	if (zrc == Z_STREAM_END && k->pos != k->size)
		return bad(k->name, "gzip data shorter than its trailer says");
	if (zrc == Z_NEED_DICT)
		return bad(k->name, "gzip data longer than its trailer says");
	if (zrc != Z_OK && zrc != Z_STREAM_END)
		return bad(k->name, zrc == Z_BUF_ERROR ? "gzip data truncated" : "corrupt gzip data");
	return 0;
}

int libxl_kernel_read_at(const struct libxl_kernel *k, size_t off, uint8_t *dst, size_t len)
{
	if (k->zs || off > k->size || len > k->size - off)
		return bad(k->name, "random access into a compressed image or past its end");
	memcpy(dst, k->file + off, len);
	return 0;
}

int libxl_kernel_read(struct libxl_kernel *k, uint8_t *dst, size_t len)
{
	if (len > k->size - k->pos)
		return bad(k->name, "read past the end of the image");
	if (k->zs)
		return gz_read(k, dst, len);
	memcpy(dst, k->file + k->pos, len);
	k->pos += len;
	return 0;
}

/* gzip: the size from the trailer, and the header inflated into hdr. */
static int gz_open(struct libxl_kernel *k, uint8_t *hdr)
{
	int rc;

	k->was_gzip = true;
	k->size = le32(k->file + k->file_len - 4);	/* ISIZE: length mod 2^32 */
	if (k->file_len < 18 || k->size < 1 || k->size > KERNEL_MAX_SIZE)
		return bad(k->name, "gzip trailer gives an impossible length");
	if ((rc = gz_start(k)) ||
	    (rc = libxl_kernel_read(k, hdr, k->size < HDR_LEN ? k->size : HDR_LEN)))
		return rc;
	return gz_start(k);	/* libxl_kernel_read starts from byte 0 again */
}

int libxl_kernel_open(const char *path, struct libxl_kernel *k)
{
	uint8_t hdr[HDR_LEN] = { 0 };
	int rc;

	memset(k, 0, sizeof(*k));
	k->name = path;
	if (!(k->file = libxl_file_map(path, &k->file_len)))
		return -1;
	if (k->file_len >= 2 && k->file[0] == 0x1f && k->file[1] == 0x8b) {
		rc = gz_open(k, hdr);
	} else {
		k->size = k->file_len;
		memcpy(hdr, k->file, k->size < HDR_LEN ? k->size : HDR_LEN);
		rc = 0;
	}
	if (!rc)
		rc = parse_image(path, hdr, k);
	if (rc)
		libxl_kernel_dispose(k);
	return rc;
}

int libxl_kernel_load(const char *path, struct libxl_kernel *k)
{
	if (libxl_kernel_open(path, k))
		return -1;
	k->data = malloc(k->size);
	if (!k->data || libxl_kernel_read(k, k->data, k->size)) {
		if (!k->data)
			bad(path, "out of memory");
		libxl_kernel_dispose(k);
		return -1;
	}
	return 0;
}

void libxl_kernel_dispose(struct libxl_kernel *k)
{
	if (k->zs) {
		inflateEnd(k->zs);
		free(k->zs);
	}
	libxl_file_unmap(k->file, k->file_len);
	free(k->data);
	memset(k, 0, sizeof(*k));
}
