// SPDX-License-Identifier: GPL-2.0-only
/*
 * The console's printf (xen/common/vsnprintf.c), checked against the host
 * C library's sprintf as the reference for every format we use.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <xen/lib.h>
#include "check.h"

/* Ours is `snprintf` (it replaces libc's in this program); libc's sprintf stays. */
#define SAME(...) do {							\
	char ours_[256], ref_[256];					\
	snprintf(ours_, sizeof(ours_), __VA_ARGS__);			\
	sprintf(ref_, __VA_ARGS__);					\
	CHECK_STR(ours_, ref_);						\
} while (0)

static void test_against_libc(void)
{
	SAME("RAM: %016llx - %016llx", 0x40000000ULL, 0xbfffffffULL);
	SAME("MODULE[%u]: %s|%-12s|%12s|", 3u, "Kernel", "Xen", "DTB");
	SAME("%d %i %d %d", 0, -1, 2147483647, (int)-2147483647 - 1);
	SAME("%ld %lu %lld %llu", -5L, 5UL, -9223372036854775807LL - 1,
	     18446744073709551615ULL);
	SAME("%x %X %08x %-8x| %#x", 0xabcu, 0xabcu, 0x1fu, 0x1fu, 0u);
	SAME("%5d|%-5d|%05d|%.3d|%5.3d", 42, 42, -42, 7, 7);
	SAME("%zu %zx", (size_t)123456, (size_t)0xfeed);
	SAME("%hhu %hu %hd", 300u, 70000u, 40000);
	SAME("%o %c%c %%", 8u, 'o', 'k');
	SAME("%.3s|%.*s|%*s|%-*s|", "abcdef", 2, "xyz", 4, "ab", 3, "c");
	SAME("%p", (void *)0x1234);
	SAME("%s", "");
	SAME("x%.0dy", 0);
}

/* Not format-checked, so the odd cases below reach our code unchanged. */
static int unchecked(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

static void test_truncation(void)
{
	char buf[8];

	CHECK(snprintf(buf, sizeof(buf), "%s", "0123456789") == 10);
	CHECK_STR(buf, "0123456");
	CHECK(snprintf(buf, 1, "abc") == 3 && buf[0] == '\0');
	CHECK(snprintf(NULL, 0, "%d", 12345) == 5);
	CHECK(unchecked(buf, sizeof(buf), "%s", (char *)NULL) == 6);
	CHECK_STR(buf, "(null)");
	CHECK(unchecked(buf, sizeof(buf), "ab%") == 2);
}

int main(void)
{
	test_against_libc();
	test_truncation();
	return check_result("test-vsnprintf");
}
