// SPDX-License-Identifier: GPL-2.0-only
/*
 * xen/common/gunzip.c against the host's zlib: random and repetitive data
 * gzip-compressed by zlib's deflate come back byte for byte; truncated or
 * corrupted streams and too-small outputs are reported, not crashed on.
 */
#include <stdlib.h>
#include <zlib.h>
#include <xen/gunzip.h>
#include "check.h"

#define N (1 << 20)

static size_t gz(const unsigned char *in, size_t n, unsigned char *out, size_t cap)
{
	z_stream z;

	memset(&z, 0, sizeof(z));
	if (deflateInit2(&z, 6, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY) != Z_OK)
		return 0;
	z.next_in = (unsigned char *)in;
	z.avail_in = (unsigned int)n;
	z.next_out = out;
	z.avail_out = (unsigned int)cap;
	deflate(&z, Z_FINISH);
	deflateEnd(&z);
	return z.total_out;
}

int main(void)
{
	unsigned char *in = malloc(N), *comp = malloc(2 * N), *out = malloc(N);
	const char *why = NULL;
	size_t i, clen;

	for (i = 0; i < N; i++)
		in[i] = i < N / 2 ? (unsigned char)rand() : (unsigned char)(i % 7);
	clen = gz(in, N, comp, 2 * N);
	CHECK(clen > 0 && gunzip_is_gzip(comp, clen));
	CHECK(!gunzip_is_gzip(in + N / 2, 100));
	CHECK(gunzip(out, N, comp, clen, &why) == N && !memcmp(in, out, N));
	CHECK(gunzip(out, N - 1, comp, clen, &why) == -1 && why);	/* no room */
	CHECK(gunzip(out, N, comp, clen / 2, &why) == -1 && why);	/* truncated */
	comp[clen / 3] ^= 0x55;
	CHECK(gunzip(out, N, comp, clen, &why) == -1 && why);		/* corrupt */
	free(in);
	free(comp);
	free(out);
	return check_result("test-gunzip");
}
