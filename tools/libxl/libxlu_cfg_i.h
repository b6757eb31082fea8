/* SPDX-License-Identifier: GPL-2.0-only */
/* Internals shared by the xl.cfg tokenizer and parser. */
#ifndef XA_LIBXLU_CFG_I_H
#define XA_LIBXLU_CFG_I_H

#include "libxlu_cfg.h"

enum cfg_tok {
	TOK_EOF = 0,
	TOK_COMMA = ',', TOK_LBRACKET = '[', TOK_RBRACKET = ']',
	TOK_EQ = '=', TOK_SEMI = ';',
	TOK_IDENT = 256, TOK_NUMBER, TOK_STRING, TOK_NEWLINE, TOK_ADD, TOK_ERROR,
};

struct cfg_lexer {
	const char *p, *end;
	int line;          /* line of the next character */
	enum cfg_tok tok;  /* current token */
	int tok_line;      /* line the current token is on */
	const char *text;  /* its text in the input, for messages */
	int len;
	char *sval;        /* IDENT/NUMBER/STRING value (owned) */
	const char *errmsg; /* why the last string was rejected (EILSEQ) */
};

/* Advance to the next token: 0, ENOMEM, or EILSEQ for a bad escape. */
int cfg_lex(struct cfg_lexer *lx);

#endif
