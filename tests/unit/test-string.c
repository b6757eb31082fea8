// SPDX-License-Identifier: GPL-2.0-only
/* The hypervisor's C library routines (xen/common/string.c). */
#include <xen/lib.h>
#include "check.h"

static void test_mem(void)
{
	char buf[16] = "abcdefghij";

	CHECK(memchr(buf, 'd', 10) == buf + 3);
	CHECK(memchr(buf, 'z', 10) == NULL);
	CHECK(memchr(buf, 'j', 9) == NULL);
	CHECK(memcmp("abc", "abd", 3) < 0);
	CHECK(memcmp("abd", "abc", 3) > 0);
	CHECK(memcmp("ab\x80", "ab\x01", 3) > 0);
	CHECK(memcmp("abc", "abd", 2) == 0);
	memmove(buf + 2, buf, 5);
	CHECK(!memcmp(buf, "ababcdehij", 10));
	memmove(buf, buf + 2, 5);
	CHECK(!memcmp(buf, "abcdedehij", 10));
	memset(buf, 'x', 4);
	CHECK(!memcmp(buf, "xxxxe", 5));
	CHECK(memcpy(buf, "12", 2) == buf && buf[1] == '2');
}

/* Word-at-a-time memcpy/memset: every head/tail alignment and length
 * against a byte-by-byte model, guard bytes around the target intact. */
static void test_mem_words(void)
{
	unsigned char src[96], dst[96], want[96];
	size_t so, d_off, n, i;

	for (i = 0; i < sizeof(src); i++)
		src[i] = (unsigned char)(i * 37 + 11);
	for (so = 0; so < 9; so++)
		for (d_off = 0; d_off < 9; d_off++)
			for (n = 0; n < 70; n++) {
				memset(dst, 0xa5, sizeof(dst));
				for (i = 0; i < sizeof(want); i++)
					want[i] = i >= d_off && i < d_off + n ? src[so + i - d_off] : 0xa5;
				CHECK(memcpy(dst + d_off, src + so, n) == dst + d_off);
				CHECK(!memcmp(dst, want, sizeof(dst)));
				memset(dst + d_off, (int)(n + 0x100), n);	/* only the low byte counts */
				for (i = 0; i < sizeof(want); i++)
					want[i] = i >= d_off && i < d_off + n ? (unsigned char)n : 0xa5;
				CHECK(!memcmp(dst, want, sizeof(dst)));
			}
}

static void test_str(void)
{
	const char *s = "a/b/c";

	CHECK(strchr(s, '/') == s + 1);
	CHECK(strrchr(s, '/') == s + 3);
	CHECK(strchr(s, '\0') == s + 5);
	CHECK(strchr(s, 'z') == NULL && strrchr(s, 'z') == NULL);
	CHECK(strlen("") == 0 && strlen(s) == 5);
	CHECK(strnlen(s, 3) == 3 && strnlen(s, 10) == 5);
	CHECK(strncmp("dtuart", "dtuarx", 5) == 0);
	CHECK(strncmp("dtuart", "dtuarx", 6) < 0);
	CHECK(strncmp("ok", "okay", 5) < 0);
}

static void test_strtoul(void)
{
	char *end;

	CHECK(strtoul("0x9000000", &end, 0) == 0x9000000 && *end == '\0');
	CHECK(strtoul("0X1f,", &end, 16) == 0x1f && *end == ',');
	CHECK(strtoul("  42k", &end, 10) == 42 && *end == 'k');
	CHECK(strtoul("017", NULL, 0) == 017);
	CHECK(strtoul("0x", &end, 0) == 0 && *end == 'x');
	CHECK(strtoul("zz", &end, 10) == 0 && !strcmp(end, "zz"));
	CHECK(strtoul("99999999999999999999999", &end, 10) == ~0UL && *end == '\0');
	CHECK(strtoul("-1", NULL, 10) == ~0UL);
	CHECK(strtoul("z", NULL, 36) == 35);
}

int main(void)
{
	test_mem();
	test_mem_words();
	test_str();
	test_strtoul();
	return check_result("test-string");
}
