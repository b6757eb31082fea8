/* SPDX-License-Identifier: GPL-2.0-only */
/* The xl command: global state, the command table and shared helpers. */
#ifndef XA_XL_H
#define XA_XL_H

#include <stdint.h>
#include <stdio.h>

#include "libxl_types.h"

/* Settings from xl.conf and the global command-line options. */
struct xl_globals {
	int run_hotplug_scripts;
	int claim_mode;
	uint32_t max_grant_frames, max_maptrack_frames, max_grant_version;
	char *vif_script, *bridge, *gatewaydev, *vif_backend;
	int dryrun;  /* -N */
	int verbose; /* each -v */
	int force;   /* -f */
};
extern struct xl_globals xl_globals;

struct cmd_spec {
	const char *name;
	int (*handler)(int argc, char **argv);
	int can_dryrun;
	const char *summary;
	const char *usage;
	const char *options; /* lines of "-x  text", or NULL */
};

extern const struct cmd_spec xl_cmd_table[];
extern const int xl_cmd_table_size;
const struct cmd_spec *xl_cmd_lookup(const char *name);
void xl_help(const char *cmd);

/* Number of host CPUs for cpu bitmaps (physinfo, else the OS's count). */
int xl_max_cpus(void);

/* Reads /etc/xen/xl.conf (or path) into xl_globals; missing file is a warning. */
void xl_read_global_config(const char *path);

/* Option scanning with the usual -h handling; returns the option or -1 at the end, 2 on help. */
int xl_getopt(int argc, char **argv, const char *opts, const char *cmd, int min_args);

int main_create(int argc, char **argv);
int main_list(int argc, char **argv);
int main_destroy(int argc, char **argv);
int main_shutdown(int argc, char **argv);
int main_reboot(int argc, char **argv);
int main_pause(int argc, char **argv);
int main_unpause(int argc, char **argv);
int main_console(int argc, char **argv);
int main_info(int argc, char **argv);
int main_dmesg(int argc, char **argv);
int main_debug_keys(int argc, char **argv);
int main_uptime(int argc, char **argv);
int main_vcpulist(int argc, char **argv);
int main_memset(int argc, char **argv);
int main_memmax(int argc, char **argv);
int main_domid(int argc, char **argv);
int main_domname(int argc, char **argv);
int main_rename(int argc, char **argv);
int main_blockattach(int argc, char **argv);
int main_networkattach(int argc, char **argv);
int main_blocklist(int argc, char **argv);
int main_blockdetach(int argc, char **argv);
int main_networklist(int argc, char **argv);
int main_networkdetach(int argc, char **argv);
int main_help(int argc, char **argv);

#endif
