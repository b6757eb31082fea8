/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * xl.cfg parser: a recursive-descent reader over libxlu_cfg_lex.c's tokens.
 *   file       := { stmt } [ assignment ]
 *   stmt       := assignment end | end        end := NEWLINE | ';'
 *   assignment := IDENT ( '=' | '+=' ) value
 *   value      := STRING | NUMBER | '[' nl [ value nl { ',' nl value nl } [ ',' nl ] ] ']'
 * On a syntax error the rest of the line is skipped and parsing goes on, so
 * every bad line is reported (once) before the caller gives up.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "libxlu_cfg_i.h"

struct parser {
	XLU_Config *cfg;
	struct cfg_lexer lx;
	int err;
	int last_err_line;
};

XLU_Config *xlu_cfg_init(FILE *report, const char *source)
{
	XLU_Config *cfg = calloc(1, sizeof(*cfg));

	if (!cfg)
		return NULL;
	cfg->report = report;
	cfg->source = strdup(source);
	if (!cfg->source) {
		free(cfg);
		return NULL;
	}
	return cfg;
}

static void value_free(XLU_ConfigValue *v)
{
	if (!v)
		return;
	if (v->type == XLU_STRING) {
		free(v->u.string);
	} else {
		for (int i = 0; i < v->u.list.nvalues; i++)
			value_free(v->u.list.values[i]);
		free(v->u.list.values);
	}
	free(v);
}

void xlu_cfg_destroy(XLU_Config *cfg)
{
	XLU_ConfigSetting *s, *next;

	if (!cfg)
		return;
	for (s = cfg->settings; s; s = next) {
		next = s->next;
		free(s->name);
		value_free(s->value);
		free(s);
	}
	free(cfg->source);
	free(cfg);
}

static void syntax_error(struct parser *ps, const char *msg)
{
	struct cfg_lexer *lx = &ps->lx;
	int len = lx->len;

	if (lx->tok_line <= ps->last_err_line)
		return;
	ps->last_err_line = lx->tok_line;
	while (len > 0 && strchr(" \t\n", lx->text[len - 1]))
		len--;
	if (lx->tok == TOK_EOF || (lx->tok == TOK_NEWLINE && !len))
		fprintf(ps->cfg->report, "%s:%d: config parsing error near %s: %s\n",
			ps->cfg->source, lx->tok_line,
			lx->tok == TOK_EOF ? "end of file" : "<newline>", msg);
	else
		fprintf(ps->cfg->report, "%s:%d: config parsing error near `%.*s': %s\n",
			ps->cfg->source, lx->tok_line, len, lx->text, msg);
	if (!ps->err)
		ps->err = EINVAL;
}

static int next(struct parser *ps)
{
	int rc = cfg_lex(&ps->lx);

	if (rc == EILSEQ) {
		syntax_error(ps, ps->lx.errmsg);
		return 0;
	}
	if (rc && !ps->err)
		ps->err = rc;
	if (ps->lx.tok == TOK_ERROR)
		syntax_error(ps, "lexical error");
	return rc;
}

static void skip_newlines(struct parser *ps)
{
	while (ps->lx.tok == TOK_NEWLINE)
		next(ps);
}

static XLU_ConfigValue *new_value(struct parser *ps, enum xlu_value_type t)
{
	XLU_ConfigValue *v = calloc(1, sizeof(*v));

	if (!v) {
		ps->err = ENOMEM;
		return NULL;
	}
	v->type = t;
	v->line = ps->lx.tok_line;
	return v;
}

static int list_append(XLU_ConfigList *l, XLU_ConfigValue *v)
{
	XLU_ConfigValue **nv = realloc(l->values, sizeof(*nv) * (size_t)(l->nvalues + 1));

	if (!nv)
		return ENOMEM;
	l->values = nv;
	l->values[l->nvalues++] = v;
	return 0;
}

static XLU_ConfigValue *parse_value(struct parser *ps);

/* After '[': elements separated by ',', newlines allowed around them. */
static XLU_ConfigValue *parse_list(struct parser *ps)
{
	XLU_ConfigValue *list = new_value(ps, XLU_LIST), *v;

	next(ps);
	skip_newlines(ps);
	while (list && ps->lx.tok != TOK_RBRACKET) {
		v = parse_value(ps);
		if (!v || list_append(&list->u.list, v)) {
			value_free(v);
			value_free(list);
			return NULL;
		}
		skip_newlines(ps);
		if (ps->lx.tok == TOK_COMMA) {
			next(ps);
			skip_newlines(ps);
		} else if (ps->lx.tok != TOK_RBRACKET) {
			syntax_error(ps, "syntax error, expecting ',' or ']'");
			value_free(list);
			return NULL;
		}
	}
	if (list)
		next(ps);
	return list;
}

static XLU_ConfigValue *parse_value(struct parser *ps)
{
	XLU_ConfigValue *v;

	if (ps->lx.tok == TOK_LBRACKET)
		return parse_list(ps);
	if (ps->lx.tok != TOK_STRING && ps->lx.tok != TOK_NUMBER) {
		syntax_error(ps, "syntax error, expecting a value");
		return NULL;
	}
	v = new_value(ps, XLU_STRING);
	if (v) {
		v->u.string = ps->lx.sval;
		ps->lx.sval = NULL;
	}
	next(ps);
	return v;
}

static XLU_ConfigSetting *find(const XLU_Config *cfg, const char *key)
{
	for (XLU_ConfigSetting *s = cfg->settings; s; s = s->next)
		if (!strcmp(s->name, key))
			return s;
	return NULL;
}

static XLU_ConfigValue *value_dup(const XLU_ConfigValue *v)
{
	XLU_ConfigValue *d = calloc(1, sizeof(*d));

	if (!d)
		return NULL;
	d->type = v->type;
	d->line = v->line;
	if (v->type == XLU_STRING) {
		d->u.string = strdup(v->u.string);
		if (!d->u.string)
			goto fail;
		return d;
	}
	for (int i = 0; i < v->u.list.nvalues; i++) {
		XLU_ConfigValue *e = value_dup(v->u.list.values[i]);

		if (!e || list_append(&d->u.list, e)) {
			value_free(e);
			goto fail;
		}
	}
	return d;
fail:
	value_free(d);
	return NULL;
}

/* Prepends copies of prev's elements to cur's. */
static int concat_lists(const XLU_ConfigList *prev, XLU_ConfigList *cur)
{
	XLU_ConfigList merged = { NULL, 0 };

	for (int i = 0; i < prev->nvalues + cur->nvalues; i++) {
		XLU_ConfigValue *e = i < prev->nvalues ? value_dup(prev->values[i])
						       : cur->values[i - prev->nvalues];

		if (!e || list_append(&merged, e)) {
			for (int j = 0; j < merged.nvalues && j < prev->nvalues; j++)
				value_free(merged.values[j]);
			if (e && i < prev->nvalues)
				value_free(e);
			free(merged.values);
			return ENOMEM;
		}
	}
	free(cur->values);
	*cur = merged;
	return 0;
}

/* key += value: the new setting holds the old value followed by the new. */
static int concat(struct parser *ps, const XLU_ConfigValue *prev, XLU_ConfigValue *v)
{
	if (prev->type != v->type) {
		syntax_error(ps, "can't add [list] to \"string\" or vice versa");
		return EINVAL;
	}
	if (v->type == XLU_STRING) {
		size_t a = strlen(prev->u.string), b = strlen(v->u.string);
		char *s = malloc(a + b + 1);

		if (!s)
			return ENOMEM;
		memcpy(s, prev->u.string, a);
		memcpy(s + a, v->u.string, b + 1);
		free(v->u.string);
		v->u.string = s;
		return 0;
	}
	return concat_lists(&prev->u.list, &v->u.list);
}

static void store(struct parser *ps, char *name, int append, XLU_ConfigValue *v, int line)
{
	XLU_ConfigSetting *prev = append ? find(ps->cfg, name) : NULL, *set;
	int rc = prev ? concat(ps, prev->value, v) : 0;

	set = rc ? NULL : malloc(sizeof(*set));
	if (!set) {
		if (!ps->err)
			ps->err = rc ? rc : ENOMEM;
		free(name);
		value_free(v);
		return;
	}
	set->name = name;
	set->value = v;
	set->append = append;
	set->lineno = line;
	set->next = ps->cfg->settings;
	ps->cfg->settings = set;
}

/* At an IDENT: parses "= value" or "+= value" and stores the setting. */
static int parse_assignment(struct parser *ps)
{
	char *name = ps->lx.sval;
	int append, line;
	XLU_ConfigValue *v;

	ps->lx.sval = NULL;
	next(ps);
	if (ps->lx.tok != TOK_EQ && ps->lx.tok != TOK_ADD) {
		syntax_error(ps, "syntax error, expecting '=' or '+='");
		free(name);
		return -1;
	}
	append = ps->lx.tok == TOK_ADD;
	next(ps);
	line = ps->lx.tok_line;
	v = parse_value(ps);
	if (!v) {
		free(name);
		return -1;
	}
	store(ps, name, append, v, line);
	return 0;
}

static void skip_line(struct parser *ps)
{
	while (ps->lx.tok != TOK_NEWLINE && ps->lx.tok != TOK_EOF)
		next(ps);
}

static void parse_stmt(struct parser *ps)
{
	if (ps->lx.tok != TOK_IDENT) {
		syntax_error(ps, "syntax error, expecting a setting");
		skip_line(ps);
		return;
	}
	if (parse_assignment(ps)) {
		skip_line(ps);
		return;
	}
	if (ps->lx.tok != TOK_NEWLINE && ps->lx.tok != TOK_SEMI && ps->lx.tok != TOK_EOF) {
		syntax_error(ps, "syntax error, expecting newline or ';'");
		skip_line(ps);
	}
}

int xlu_cfg_readdata(XLU_Config *cfg, const char *data, int len)
{
	struct parser ps = { .cfg = cfg, .last_err_line = 0 };

	ps.lx.p = data;
	ps.lx.end = data + len;
	ps.lx.line = 1;
	next(&ps);
	while (ps.lx.tok != TOK_EOF && ps.err != ENOMEM) {
		if (ps.lx.tok == TOK_NEWLINE || ps.lx.tok == TOK_SEMI)
			next(&ps);
		else
			parse_stmt(&ps);
	}
	free(ps.lx.sval);
	return ps.err;
}

int xlu_cfg_readfile(XLU_Config *cfg, const char *path)
{
	FILE *f = fopen(path, "r");
	char *buf = NULL;
	size_t len = 0, cap = 0, n;
	int rc;

	if (!f) {
		rc = errno;
		fprintf(cfg->report, "%s: unable to open configuration file: %s\n",
			path, strerror(rc));
		return rc;
	}
	do {
		if (len + 4096 > cap) {
			char *nb = realloc(buf, cap += 65536);

			if (!nb) {
				free(buf);
				fclose(f);
				return ENOMEM;
			}
			buf = nb;
		}
		n = fread(buf + len, 1, 4096, f);
		len += n;
	} while (n > 0 && len < (1u << 24));
	fclose(f);
	rc = xlu_cfg_readdata(cfg, buf ? buf : "", (int)len);
	free(buf);
	return rc;
}
