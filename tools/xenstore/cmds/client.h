/* SPDX-License-Identifier: GPL-2.0-only */
/* The xenstore multi-call client: one mode per xenstore-* command. */
#ifndef XS_CLIENT_H
#define XS_CLIENT_H

#include <stdbool.h>
#include <stddef.h>
#include <xenstore.h>

struct mode {
	const char *name;
	const char *opts;	/* getopt string */
	const char *usage;	/* after the program name */
	int min_args;
	/* Runs once per transaction attempt; returns 0, 1 (error) or -1
	 * (EAGAIN: retry the transaction). */
	int (*run)(struct xs_handle *h, xs_transaction_t t, int argc,
		   char **argv);
	bool no_txn;		/* run outside a transaction */
};

/* Option flags shared by the modes. */
extern bool opt_prefix, opt_raw, opt_tidy, opt_full, opt_perms,
	opt_recurse, opt_upto;
extern int opt_nr;
extern const char *progname;

/* escape.c */
char *value_sanitise(const char *val, unsigned int len);
unsigned int value_unescape(char *s);

/* modes */
int mode_ls(struct xs_handle *h, xs_transaction_t t, int argc, char **argv);
int mode_chmod(struct xs_handle *h, xs_transaction_t t, int argc,
	       char **argv);
int mode_watch(struct xs_handle *h, xs_transaction_t t, int argc,
	       char **argv);
int mode_control(struct xs_handle *h, xs_transaction_t t, int argc,
		 char **argv);

#endif
