// SPDX-License-Identifier: GPL-2.0-only
/*
 * gzip decompression through zlib's inflate API (zlib.h). The z_stream
 * layout and entry points are zlib's published ABI; they are declared
 * here rather than through zlib.h, whose zconf.h wants the C library's
 * headers that the hypervisor does not have.
 */
#include <xen/gunzip.h>

#define Z_OK 0
#define Z_STREAM_END 1
#define Z_BUF_ERROR (-5)
#define Z_FINISH 4
#define GZIP_WINDOW_BITS (15 + 16)	/* 32 KiB window, gzip wrapper only */
#define ZLIB_ABI_VERSION "1.2.13"

struct z_stream_s {
	const unsigned char *next_in;
	unsigned int avail_in;
	unsigned long total_in;
	unsigned char *next_out;
	unsigned int avail_out;
	unsigned long total_out;
	const char *msg;
	void *state;
	void *(*zalloc)(void *opaque, unsigned int items, unsigned int size);
	void (*zfree)(void *opaque, void *address);
	void *opaque;
	int data_type;
	unsigned long adler;
	unsigned long reserved;
};

int inflateInit2_(struct z_stream_s *strm, int window_bits, const char *version,
		  int stream_size);
int inflate(struct z_stream_s *strm, int flush);
int inflateEnd(struct z_stream_s *strm);

bool gunzip_is_gzip(const void *src, size_t size)
{
	const unsigned char *p = src;

	return size >= 18 && p[0] == 0x1f && p[1] == 0x8b;
}

long gunzip(void *dst, size_t dst_size, const void *src, size_t src_size,
	    const char **why)
{
	struct z_stream_s z = { 0 };
	int rc;

	if (src_size > 0xffffffffUL || dst_size > 0xffffffffUL) {
		*why = "stream or output larger than 4 GiB";
		return -1;
	}
	z.next_in = src;
	z.avail_in = (unsigned int)src_size;
	z.next_out = dst;
	z.avail_out = (unsigned int)dst_size;
	if (inflateInit2_(&z, GZIP_WINDOW_BITS, ZLIB_ABI_VERSION, (int)sizeof(z)) != Z_OK) {
		*why = "zlib could not start (out of memory?)";
		return -1;
	}
	rc = inflate(&z, Z_FINISH);
	inflateEnd(&z);
	if (rc == Z_STREAM_END)
		return (long)z.total_out;
	*why = rc == Z_BUF_ERROR && !z.avail_out ? "decompressed data does not fit" :
	       z.msg ? z.msg : "corrupt gzip stream";
	return -1;
}
