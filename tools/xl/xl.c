/* SPDX-License-Identifier: GPL-2.0-only */
/* xl: global options, xl.conf, dispatch through the command table. */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "xl.h"
#include "xl_parse.h"
#include "xenctrl.h"
#include "libxl.h"

#ifndef XEN_CONFIG_DIR
#define XEN_CONFIG_DIR "/etc/xen"
#endif

struct xl_globals xl_globals = {
	.run_hotplug_scripts = 1,
	.claim_mode = 1,
	.max_grant_frames = LIBXL_MAX_GRANT_DEFAULT,
	.max_maptrack_frames = LIBXL_MAX_GRANT_DEFAULT,
	.max_grant_version = LIBXL_MAX_GRANT_DEFAULT,
};

int xl_max_cpus(void)
{
	xc_physinfo_t info;
	xc_interface *xch = xc_interface_open_quiet();
	long n;

	if (xch && !xc_physinfo(xch, &info)) {
		xc_interface_close(xch);
		return (int)info.max_cpu_id + 1;
	}
	if (xch)
		xc_interface_close(xch);
	n = sysconf(_SC_NPROCESSORS_CONF);
	return n > 0 ? (int)n : 1;
}

static void global_string(XLU_Config *cfg, const char *key, char **out)
{
	const char *v;

	if (!xlu_cfg_get_string(cfg, key, &v, 0)) {
		free(*out);
		*out = strdup(v);
	}
}

static void global_grant(XLU_Config *cfg, const char *key, uint32_t *out)
{
	long l;

	if (!xlu_cfg_get_bounded_long(cfg, key, 1, INT32_MAX, &l, 0))
		*out = (uint32_t)l;
}

void xl_read_global_config(const char *path)
{
	XLU_Config *cfg = xlu_cfg_init(stderr, path);
	long l;
	int rc;

	if (!cfg)
		exit(1);
	rc = access(path, R_OK) ? errno : xlu_cfg_readfile(cfg, path);
	if (rc == ENOENT || rc == EACCES)
		fprintf(stderr, "Failed to read config file: %s: %s\n", path, strerror(rc));
	else if (rc) {
		fprintf(stderr, "Failed to parse config file: %s\n", strerror(rc));
		exit(1);
	}
	if (!xlu_cfg_get_long(cfg, "run_hotplug_scripts", &l, 0))
		xl_globals.run_hotplug_scripts = (int)l;
	if (!xlu_cfg_get_long(cfg, "claim_mode", &l, 0))
		xl_globals.claim_mode = (int)l;
	global_string(cfg, "vif.default.script", &xl_globals.vif_script);
	global_string(cfg, "vif.default.bridge", &xl_globals.bridge);
	global_string(cfg, "vif.default.gatewaydev", &xl_globals.gatewaydev);
	global_string(cfg, "vif.default.backend", &xl_globals.vif_backend);
	global_grant(cfg, "max_grant_frames", &xl_globals.max_grant_frames);
	global_grant(cfg, "max_maptrack_frames", &xl_globals.max_maptrack_frames);
	global_grant(cfg, "max_grant_version", &xl_globals.max_grant_version);
	xlu_cfg_destroy(cfg);
}

int xl_getopt(int argc, char **argv, const char *opts, const char *cmd, int min_args)
{
	int opt = getopt(argc, argv, opts);

	if (opt == 'h') {
		xl_help(cmd);
		return 2;
	}
	if (opt == '?') {
		fprintf(stderr, "option `%c' not supported.\n", optopt);
		return '?';
	}
	if (opt == -1 && argc - optind < min_args) {
		fprintf(stderr, "'xl %s' requires at least %d argument%s.\n\n", cmd, min_args,
			min_args > 1 ? "s" : "");
		xl_help(cmd);
		return '?';
	}
	return opt;
}

static void parse_global_options(int argc, char **argv)
{
	int opt;

	while ((opt = getopt(argc, argv, "+vftTN")) >= 0) {
		switch (opt) {
		case 'v':
			xl_globals.verbose++;
			break;
		case 'N':
			xl_globals.dryrun = 1;
			break;
		case 'f':
			xl_globals.force = 1;
			break;
		case 't':
		case 'T':
			break; /* progress/timestamp styles: nothing to style yet */
		default:
			fprintf(stderr, "unknown global option\n");
			exit(EXIT_FAILURE);
		}
	}
}

int main(int argc, char **argv)
{
	const struct cmd_spec *c;
	const char *cmd;
	const char *conf = getenv("XL_GLOBAL_CONFIG");

	parse_global_options(argc, argv);
	libxl_verbose = xl_globals.verbose;
	cmd = argv[optind];
	if (!cmd) {
		xl_help(NULL);
		return EXIT_FAILURE;
	}
	opterr = 0;
	xl_read_global_config(conf ? conf : XEN_CONFIG_DIR "/xl.conf");
	argv += optind;
	argc -= optind;
	optind = 1;
	c = xl_cmd_lookup(cmd);
	if (!c) {
		fprintf(stderr, "command not implemented\n");
		return EXIT_FAILURE;
	}
	if (xl_globals.dryrun && !c->can_dryrun) {
		fprintf(stderr, "command does not implement -N (dryrun) option\n");
		return EXIT_FAILURE;
	}
	return c->handler(argc, argv);
}
