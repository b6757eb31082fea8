/* SPDX-License-Identifier: GPL-2.0-only */
/* xl create: read the config (plus key=value overrides), then dry-run or build. */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "libxl.h"
#include "libxl_json.h"
#include "xl.h"
#include "xl_parse.h"
#include "xl_util.h"

struct create_opts {
	const char *file;
	char *extra;     /* override lines, "\n"-separated */
	int console, paused, quiet, dryrun;
	int no_wait;    /* -e: do not wait for the domain's death */
	int foreground; /* -F: wait in the foreground */
};

static int add_override(struct create_opts *o, const char *kv)
{
	size_t old = o->extra ? strlen(o->extra) : 0;
	char *n = realloc(o->extra, old + strlen(kv) + 2);

	if (!n)
		return -1;
	n[old] = 0;
	strcat(strcat(n, kv), "\n");
	o->extra = n;
	return 0;
}

static const struct option create_long[] = {
	{ "dryrun", 0, NULL, 'n' }, { "quiet", 0, NULL, 'q' },
	{ "defconfig", 1, NULL, 'f' }, { "help", 0, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

/* Returns 0, 1 on a usage error, 2 after printing help. */
static int create_args(int argc, char **argv, struct create_opts *o)
{
	int opt;

	while ((opt = getopt_long(argc, argv, "+hFnqf:pcdeVA", create_long, NULL)) != -1) {
		switch (opt) {
		case 'h': xl_help("create"); return 2;
		case 'f': o->file = optarg; break;
		case 'n': o->dryrun = 1; break;
		case 'q': o->quiet = 1; break;
		case 'p': o->paused = 1; break;
		case 'c': o->console = 1; break;
		case 'e': o->no_wait = 1; break;
		case 'F': o->foreground = 1; break;
		case 'd': case 'V': case 'A': break;
		default: fprintf(stderr, "option `%c' not supported.\n", optopt); return 1;
		}
	}
	for (; optind < argc; optind++) {
		if (strchr(argv[optind], '=')) {
			if (add_override(o, argv[optind]))
				return 1;
		} else if (!o->file) {
			o->file = argv[optind];
		} else {
			xl_help("create");
			return 1;
		}
	}
	return 0;
}

/* The file, then the overrides, parsed into one config (later wins). */
static XLU_Config *read_config(const struct create_opts *o)
{
	XLU_Config *cfg = xlu_cfg_init(stderr, o->file);
	int rc;

	if (!cfg)
		return NULL;
	if (!o->quiet)
		fprintf(stderr, "Parsing config from %s\n", o->file);
	rc = xlu_cfg_readfile(cfg, o->file);
	if (!rc && o->extra)
		rc = xlu_cfg_readdata(cfg, o->extra, (int)strlen(o->extra));
	if (rc) {
		if (rc != ENOENT && rc != EACCES)
			fprintf(stderr, "Failed to parse config: %s\n", strerror(rc));
		xlu_cfg_destroy(cfg);
		return NULL;
	}
	return cfg;
}

static int print_config(const libxl_domain_config *d)
{
	char *json = libxl_domain_config_to_json(d);

	if (!json) {
		fprintf(stderr, "Failed to convert domain configuration to JSON\n");
		return 1;
	}
	fputs(json, stdout);
	free(json);
	return fflush(stdout) ? 1 : 0;
}

/* Names are unique on a host: refuse before building anything. */
static int name_in_use(const char *name)
{
	uint32_t other;

	if (libxl_name_to_domid(xl_ctx(), name, &other))
		return 0;
	fprintf(stderr, "libxl: error: domain with name \"%s\" already exists (domain %u).\n",
		name, other);
	return 1;
}

/*
 * More RAM than the hypervisor has free can only fail half-way through the
 * build: say so up front, with both numbers.
 */
static int memory_fits(const libxl_domain_config *d)
{
	const libxl_domain_build_info *b = &d->b_info;
	uint64_t want = b->target_memkb != LIBXL_MEMKB_DEFAULT ? b->target_memkb
			: b->max_memkb != LIBXL_MEMKB_DEFAULT ? b->max_memkb : 0;
	xc_physinfo_t p;
	uint64_t free_kb;

	if (!want || xc_physinfo(libxl_ctx_xch(xl_ctx()), &p))
		return 1; /* the build will tell */
	free_kb = (p.free_pages - p.outstanding_pages) * 4;
	if (want <= free_kb)
		return 1;
	fprintf(stderr, "xl: domain \"%s\": memory=%llu MB is more than the %llu MB the host "
		"has free\n", d->c_info.name, (unsigned long long)(want >> 10),
		(unsigned long long)(free_kb >> 10));
	return 0;
}

/* Builds the domain; with -c hands the terminal to its console. */
static int create_domain(const libxl_domain_config *d, const struct create_opts *o)
{
	uint32_t domid;
	char *av[] = { "console", NULL, NULL };
	char id[16];

	if (name_in_use(d->c_info.name) || !memory_fits(d))
		return 1;
	if (libxl_domain_create(d, o->paused, &domid))
		return 1;
	libxl_userdata_store_config(xl_ctx(), domid, d); /* for list -l; says why if not */
	if (o->foreground)
		return xl_monitor_domain(d, domid);
	if (!o->no_wait && xl_daemonize(d->c_info.name) == 0)
		exit(xl_monitor_domain(d, domid));
	if (!o->console)
		return 0;
	snprintf(id, sizeof(id), "%u", domid);
	av[1] = id;
	optind = 1;
	return main_console(2, av);
}

int main_create(int argc, char **argv)
{
	struct create_opts o = { 0 };
	libxl_domain_config d;
	XLU_Config *cfg;
	int rc = create_args(argc, argv, &o);

	if (rc)
		return rc == 2 ? 0 : 1;
	if (!o.file) {
		fprintf(stderr, "Config file not specified\n");
		free(o.extra);
		return 1;
	}
	cfg = read_config(&o);
	free(o.extra);
	if (!cfg)
		return 1;
	libxl_domain_config_init(&d);
	xl_warn_unknown_keys(cfg);
	rc = xl_parse_config(cfg, &d);
	if (!rc && (o.dryrun || xl_globals.dryrun))
		rc = print_config(&d);
	else if (!rc)
		rc = create_domain(&d, &o);
	libxl_domain_config_dispose(&d);
	xlu_cfg_destroy(cfg);
	return rc;
}
