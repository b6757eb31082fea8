// SPDX-License-Identifier: GPL-2.0-only
/*
 * printf formatting for the console: %d %i %u %x %X %o %p %s %c %%, flags
 * '-' and '0', width and precision (numbers or '*'), length modifiers
 * hh h l ll z t j. Output is always NUL-terminated when size > 0 and the
 * return value is the length the full output would have had (C99).
 */
#include <xen/lib.h>

struct out {
	char *buf;
	size_t size;
	size_t len;
};

struct spec {
	bool left, zero;
	int width;
	int prec;		/* -1 = none */
	int length;		/* 0, 'H' (hh), 'h', 'l', 'L' (ll), 'z' ... */
};

static void put(struct out *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void pad(struct out *o, char c, int n)
{
	while (n-- > 0)
		put(o, c);
}

static void put_str(struct out *o, const struct spec *sp, const char *s)
{
	size_t n, i;

	if (!s)
		s = "(null)";
	n = sp->prec >= 0 ? strnlen(s, sp->prec) : strlen(s);
	if (!sp->left)
		pad(o, ' ', sp->width - (int)n);
	for (i = 0; i < n; i++)
		put(o, s[i]);
	if (sp->left)
		pad(o, ' ', sp->width - (int)n);
}

/* Digits of v in base, least significant first; returns the count. */
static int to_digits(char *tmp, unsigned long long v, unsigned int base,
		     bool upper)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	int n = 0;

	do {
		tmp[n++] = digits[v % base];
		v /= base;
	} while (v);
	return n;
}

static void put_num(struct out *o, const struct spec *sp,
		    unsigned long long v, unsigned int base, bool neg,
		    bool upper, const char *prefix)
{
	char tmp[24];
	int n = (sp->prec == 0 && v == 0) ? 0 : to_digits(tmp, v, base, upper);
	int zeros = sp->prec > n ? sp->prec - n : 0;
	int plen = (int)strlen(prefix) + neg;
	int fill = sp->width - n - zeros - plen;

	if (sp->zero && !sp->left && sp->prec < 0) {
		zeros += fill > 0 ? fill : 0;
		fill = 0;
	}
	if (!sp->left)
		pad(o, ' ', fill);
	if (neg)
		put(o, '-');
	while (*prefix)
		put(o, *prefix++);
	pad(o, '0', zeros);
	while (n)
		put(o, tmp[--n]);
	if (sp->left)
		pad(o, ' ', fill);
}

static unsigned long long get_unsigned(va_list *ap, int length)
{
	switch (length) {
	case 'H': return (unsigned char)va_arg(*ap, unsigned int);
	case 'h': return (unsigned short)va_arg(*ap, unsigned int);
	case 'l': return va_arg(*ap, unsigned long);
	case 'L': return va_arg(*ap, unsigned long long);
	case 'z': return va_arg(*ap, size_t);
	case 't': return va_arg(*ap, ptrdiff_t);
	case 'j': return va_arg(*ap, uintmax_t);
	default: return va_arg(*ap, unsigned int);
	}
}

static long long get_signed(va_list *ap, int length)
{
	switch (length) {
	case 'H': return (signed char)va_arg(*ap, int);
	case 'h': return (short)va_arg(*ap, int);
	case 'l': return va_arg(*ap, long);
	case 'L': return va_arg(*ap, long long);
	case 'z': return va_arg(*ap, size_t);
	case 't': return va_arg(*ap, ptrdiff_t);
	case 'j': return va_arg(*ap, intmax_t);
	default: return va_arg(*ap, int);
	}
}

static int parse_int(const char **f, va_list *ap)
{
	int v = 0;

	if (**f == '*') {
		(*f)++;
		return va_arg(*ap, int);
	}
	while (**f >= '0' && **f <= '9')
		v = v * 10 + (*(*f)++ - '0');
	return v;
}

static void parse_flags(const char **f, struct spec *sp)
{
	for (;; (*f)++) {
		if (**f == '-')
			sp->left = true;
		else if (**f == '0')
			sp->zero = true;
		else if (**f != '+' && **f != ' ' && **f != '#')
			return;
	}
}

static void parse_length(const char **f, struct spec *sp)
{
	char c = **f;

	if (c != 'h' && c != 'l' && c != 'z' && c != 't' && c != 'j')
		return;
	(*f)++;
	sp->length = c;
	if ((c == 'h' || c == 'l') && **f == c) {
		(*f)++;
		sp->length = c == 'h' ? 'H' : 'L';
	}
}

/* Reads one conversion spec after '%'; leaves *f on the conversion char. */
static void parse_spec(const char **f, struct spec *sp, va_list *ap)
{
	*sp = (struct spec){ .prec = -1 };
	parse_flags(f, sp);
	sp->width = parse_int(f, ap);
	if (sp->width < 0) {
		sp->left = true;
		sp->width = -sp->width;
	}
	if (**f == '.') {
		(*f)++;
		sp->prec = parse_int(f, ap);
		if (sp->prec < 0)
			sp->prec = -1;
	}
	parse_length(f, sp);
}

static void convert_signed(struct out *o, struct spec *sp, va_list *ap)
{
	long long v = get_signed(ap, sp->length);
	unsigned long long mag = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;

	put_num(o, sp, mag, 10, v < 0, false, "");
}

static void convert(struct out *o, char c, struct spec *sp, va_list *ap)
{
	switch (c) {
	case 'd':
	case 'i':
		convert_signed(o, sp, ap);
		break;
	case 'u':
		put_num(o, sp, get_unsigned(ap, sp->length), 10, false, false, "");
		break;
	case 'x':
	case 'X':
		put_num(o, sp, get_unsigned(ap, sp->length), 16, false, c == 'X', "");
		break;
	case 'o':
		put_num(o, sp, get_unsigned(ap, sp->length), 8, false, false, "");
		break;
	case 'p':
		put_num(o, sp, (uintptr_t)va_arg(*ap, void *), 16, false, false, "0x");
		break;
	case 's':
		put_str(o, sp, va_arg(*ap, const char *));
		break;
	case 'c':
		pad(o, ' ', sp->left ? 0 : sp->width - 1);
		put(o, (char)va_arg(*ap, int));
		pad(o, ' ', sp->left ? sp->width - 1 : 0);
		break;
	default:
		/* '%%' and anything we do not know are printed literally. */
		put(o, c);
		break;
	}
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct out o = { buf, size, 0 };
	struct spec sp;
	va_list args;

	va_copy(args, ap);
	for (; *fmt; fmt++) {
		if (*fmt != '%') {
			put(&o, *fmt);
			continue;
		}
		fmt++;
		parse_spec(&fmt, &sp, &args);
		if (!*fmt)
			break;
		convert(&o, *fmt, &sp, &args);
	}
	va_end(args);
	if (size)
		buf[o.len < size ? o.len : size - 1] = '\0';
	return (int)o.len;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}
