/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Tokenizer for xl.cfg.  Tokens: IDENT [a-z][._0-9a-z]*, NUMBER
 * [0-9][0-9a-fx]*, quoted STRING (backslash escapes), , [ ] = += ; and
 * NEWLINE (a '#' comment runs to the end of its line and counts as one).
 * Anything else is a lexical error covering the text up to the next blank.
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "libxlu_cfg_i.h"

static int is_ident_start(int c) { return c >= 'a' && c <= 'z'; }
static int is_ident(int c) { return is_ident_start(c) || isdigit(c) || c == '.' || c == '_'; }
static int is_number(int c) { return isdigit(c) || (c >= 'a' && c <= 'f') || c == 'x'; }

static void tok_begin(struct cfg_lexer *lx, enum cfg_tok t, const char *start)
{
	lx->tok = t;
	lx->text = start;
	lx->len = (int)(lx->p - start);
}

static int take_word(struct cfg_lexer *lx, enum cfg_tok t, int (*more)(int))
{
	const char *start = lx->p++;

	while (lx->p < lx->end && more((unsigned char)*lx->p))
		lx->p++;
	tok_begin(lx, t, start);
	lx->sval = strndup(start, (size_t)lx->len);
	return lx->sval ? 0 : ENOMEM;
}

/*
 * Numeric escapes behave exactly as libxlutil's: after "\x" one character is
 * skipped and two hex digits are then required to be more than two, so
 * "\x.." is always rejected; after "\<digit>" up to three more characters
 * are read in base 10 and at least two must be digits.  Scripts only ever
 * see these rules through error messages, which we therefore match.
 */
static const char *escape_number(const char **pp, const char *end, int base, int minlen,
				 int maxlen, char *out)
{
	char buf[4] = { 0 }, *ep;
	int n = (int)(end - *pp) < maxlen ? (int)(end - *pp) : maxlen;
	unsigned long v;

	memcpy(buf, *pp, (size_t)(n > 0 ? n : 0));
	v = strtoul(buf, &ep, base);
	if (ep <= buf + minlen)
		return base == 16 ? "invalid digit after backslash hexnumerical character escape"
				    " in quoted string"
				  : "invalid digit after backslash octalnumerical character escape"
				    " in quoted string";
	*pp += ep - buf;
	*out = (char)v;
	return NULL;
}

/* Returns NULL, or the error message for a bad escape. */
static const char *unescape_one(const char **pp, const char *end, char *out)
{
	static const char simple[] = "\"\"''\\\\a\ab\bf\fn\nr\rt\tv\v";
	char c = *(*pp)++;

	for (const char *s = simple; *s; s += 2)
		if (c == s[0]) {
			*out = s[1];
			return NULL;
		}
	if (c == 'x') {
		if (*pp < end)
			(*pp)++;
		return escape_number(pp, end, 16, 2, 2, out);
	}
	if (c >= '0' && c <= '7')
		return escape_number(pp, end, 10, 1, 3, out);
	return "invalid character after backlash in quoted string";
}

static int take_string(struct cfg_lexer *lx)
{
	const char *start = lx->p, *q;
	char quote = *lx->p++, *o;

	for (q = lx->p; q < lx->end && *q != quote && *q != '\n'; q++)
		if (*q == '\\' && q + 1 < lx->end && q[1] != '\n')
			q++;
	if (q >= lx->end || *q != quote)
		return -1; /* unterminated: a lexical error */
	lx->sval = o = malloc((size_t)(q - lx->p) + 1);
	if (!o)
		return ENOMEM;
	while (lx->p < q) {
		if (*lx->p != '\\') {
			*o++ = *lx->p++;
			continue;
		}
		lx->p++;
		lx->errmsg = unescape_one(&lx->p, q, o++);
		if (lx->errmsg) {
			lx->p = q + 1;
			o[-1] = 0;
			tok_begin(lx, TOK_STRING, start);
			return EILSEQ;
		}
	}
	*o = 0;
	lx->p = q + 1;
	tok_begin(lx, TOK_STRING, start);
	return 0;
}

static void take_newline(struct cfg_lexer *lx)
{
	const char *start = lx->p;

	while (lx->p < lx->end && *lx->p != '\n')
		lx->p++;
	if (lx->p < lx->end)
		lx->p++;
	tok_begin(lx, TOK_NEWLINE, start);
	lx->tok_line = lx->line++;
}

static void take_error(struct cfg_lexer *lx)
{
	const char *start = lx->p;

	while (lx->p < lx->end && !strchr(" \t\n", *lx->p))
		lx->p++;
	tok_begin(lx, TOK_ERROR, start);
}

static int take_punct(struct cfg_lexer *lx)
{
	const char *start = lx->p;

	switch (*lx->p) {
	case ',': case '[': case ']': case '=': case ';':
		lx->p++;
		tok_begin(lx, (enum cfg_tok)*start, start);
		return 1;
	case '+':
		if (lx->p + 1 < lx->end && lx->p[1] == '=') {
			lx->p += 2;
			tok_begin(lx, TOK_ADD, start);
			return 1;
		}
		return 0;
	default:
		return 0;
	}
}

int cfg_lex(struct cfg_lexer *lx)
{
	int c, rc = 0;

	free(lx->sval);
	lx->sval = NULL;
	while (lx->p < lx->end && (*lx->p == ' ' || *lx->p == '\t'))
		lx->p++;
	lx->tok_line = lx->line;
	if (lx->p >= lx->end) {
		tok_begin(lx, TOK_EOF, lx->p);
		return 0;
	}
	c = (unsigned char)*lx->p;
	if (c == '\n' || c == '#')
		take_newline(lx);
	else if (is_ident_start(c))
		rc = take_word(lx, TOK_IDENT, is_ident);
	else if (isdigit(c))
		rc = take_word(lx, TOK_NUMBER, is_number);
	else if (c == '"' || c == '\'')
		rc = take_string(lx);
	else if (!take_punct(lx))
		take_error(lx);
	if (rc < 0) {
		take_error(lx);
		rc = 0;
	}
	return rc;
}
