// SPDX-License-Identifier: GPL-2.0-only
/*
 * The C library routines that our code and Debian's libfdt.a call. Plain
 * byte loops: they run before the MMU is on (Device memory, so no unaligned
 * accesses) and on strings and blobs of a few kilobytes.
 */
#include <xen/lib.h>

void *memchr(const void *s, int c, size_t n)
{
	const unsigned char *p = s;

	for (; n; n--, p++)
		if (*p == (unsigned char)c)
			return (void *)p;
	return NULL;
}

int memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *x = a, *y = b;

	for (; n; n--, x++, y++)
		if (*x != *y)
			return *x - *y;
	return 0;
}

/*
 * 8 bytes at a time where both pointers allow it: loading dom0's kernel
 * and zeroing pages are the boot's biggest copies, and a byte loop costs
 * 8x the instructions (arm64 builds with -mstrict-align, so only aligned
 * words are used).
 */
typedef uint64_t __attribute__((may_alias)) word_t;
#define WORD_MASK (sizeof(word_t) - 1)

void *memcpy(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	if (!(((uintptr_t)d ^ (uintptr_t)s) & WORD_MASK)) {
		for (; n && ((uintptr_t)d & WORD_MASK); n--)
			*d++ = *s++;
		for (; n >= sizeof(word_t); n -= sizeof(word_t)) {
			*(word_t *)d = *(const word_t *)s;
			d += sizeof(word_t);
			s += sizeof(word_t);
		}
	}
	while (n--)
		*d++ = *s++;
	return dst;
}

void *memmove(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	if (d <= s || d >= s + n)
		return memcpy(dst, src, n);
	while (n--)
		d[n] = s[n];
	return dst;
}

void *memset(void *s, int c, size_t n)
{
	unsigned char *p = s;
	word_t w = (unsigned char)c * 0x0101010101010101ULL;

	for (; n && ((uintptr_t)p & WORD_MASK); n--)
		*p++ = (unsigned char)c;
	for (; n >= sizeof(word_t); n -= sizeof(word_t)) {
		*(word_t *)p = w;
		p += sizeof(word_t);
	}
	while (n--)
		*p++ = (unsigned char)c;
	return s;
}

char *strchr(const char *s, int c)
{
	for (;; s++) {
		if (*s == (char)c)
			return (char *)s;
		if (!*s)
			return NULL;
	}
}

char *strrchr(const char *s, int c)
{
	const char *last = NULL;

	for (;; s++) {
		if (*s == (char)c)
			last = s;
		if (!*s)
			return (char *)last;
	}
}

size_t strlen(const char *s)
{
	const char *p = s;

	while (*p)
		p++;
	return p - s;
}

size_t strnlen(const char *s, size_t max)
{
	size_t n = 0;

	while (n < max && s[n])
		n++;
	return n;
}

int strncmp(const char *a, const char *b, size_t n)
{
	for (; n; n--, a++, b++) {
		if (*a != *b)
			return (unsigned char)*a - (unsigned char)*b;
		if (!*a)
			break;
	}
	return 0;
}

static int digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'Z')
		return c - 'A' + 10;
	return 99;
}

/* Skips blanks and a sign; base 0 picks 16 (0x), 8 (0) or 10 as C does. */
static const char *strtoul_prefix(const char *s, int *base, bool *neg)
{
	while (*s == ' ' || *s == '\t' || *s == '\n')
		s++;
	*neg = *s == '-';
	if (*s == '-' || *s == '+')
		s++;
	if ((*base == 0 || *base == 16) && s[0] == '0' &&
	    (s[1] == 'x' || s[1] == 'X') && digit_value(s[2]) < 16) {
		*base = 16;
		return s + 2;
	}
	if (*base == 0)
		*base = s[0] == '0' ? 8 : 10;
	return s;
}

/* Overflow saturates at ULONG_MAX, as the C standard asks. */
unsigned long strtoul(const char *s, char **end, int base)
{
	const char *start = s;
	unsigned long val = 0;
	bool neg, any = false, over = false;
	int d;

	s = strtoul_prefix(s, &base, &neg);
	for (; (d = digit_value(*s)) < base; s++, any = true) {
		if (val > (~0UL - d) / base)
			over = true;
		val = val * base + d;
	}
	if (end)
		*end = (char *)(any ? s : start);
	if (over)
		return ~0UL;
	return neg ? -val : val;
}
