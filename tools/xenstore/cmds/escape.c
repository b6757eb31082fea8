/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Value escaping as Xen's xenstore-* commands print and parse it:
 * bytes 0-7 as \ooo, \t \n \r by name, other controls and bytes >= 0x7f as
 * \xhh, a backslash doubled; on input \ooo, \xh[h], \t \n \r, and any other
 * escaped character stands for itself.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "client.h"

static size_t escape_one(unsigned char c, char *out)
{
	if (c == '\\')
		return (size_t)sprintf(out, "\\\\");
	if (c == '\t' || c == '\n' || c == '\r')
		return (size_t)sprintf(out, "\\%c",
				       c == '\t' ? 't' : c == '\n' ? 'n' : 'r');
	if (c < 8)
		return (size_t)sprintf(out, "\\%03o", c);
	if (c < ' ' || c >= 0x7f)
		return (size_t)sprintf(out, "\\x%02x", c);
	out[0] = c;
	return 1;
}

char *value_sanitise(const char *val, unsigned int len)
{
	char *out = malloc((size_t)len * 4 + 1), *p = out;
	unsigned int i;

	if (!out)
		return NULL;
	for (i = 0; i < len; i++)
		p += escape_one(val[i], p);
	*p = 0;
	return out;
}

static int digit_val(char c, int base)
{
	int v = c >= '0' && c <= '9' ? c - '0' :
		c >= 'a' && c <= 'f' ? c - 'a' + 10 :
		c >= 'A' && c <= 'F' ? c - 'A' + 10 : 99;

	return v < base ? v : -1;
}

/* Parse up to max digits of base at *s; advances *s. */
static unsigned int number(const char **s, int base, int max)
{
	unsigned int v = 0;
	int d;

	while (max-- && (d = digit_val(**s, base)) >= 0) {
		v = v * base + d;
		(*s)++;
	}
	return v;
}

static char unescape_one(const char **s)
{
	char c = *(*s)++;

	switch (c) {
	case 'n': return '\n';
	case 't': return '\t';
	case 'r': return '\r';
	case 'x': return (char)number(s, 16, 2);
	case '\0': (*s)--; return 0;	/* trailing backslash: a NUL byte */
	default:
		if (c >= '0' && c <= '7') {
			(*s)--;
			return (char)number(s, 8, 3);
		}
		return c;
	}
}

/* Unescape in place; returns the byte length (may contain NULs). */
unsigned int value_unescape(char *s)
{
	const char *in = s;
	char *out = s;

	while (*in) {
		if (*in == '\\') {
			in++;
			*out++ = unescape_one(&in);
		} else {
			*out++ = *in++;
		}
	}
	return out - s;
}
