/* SPDX-License-Identifier: GPL-2.0-only */
/* The xl command table: {name, handler, -N support, summary, usage, options}. */
#include <stdio.h>
#include <string.h>

#include "xl.h"

const struct cmd_spec xl_cmd_table[] = {
	{ "create", main_create, 1, "Create a domain from config file <filename>",
	  "<ConfigFile> [options] [vars]",
	  "-c                      Connect to the console after the domain is created.\n"
	  "-f FILE, --defconfig=FILE\n"
	  "                        Use the given configuration file.\n"
	  "-h                      Print this help.\n"
	  "-n, --dryrun            Dry run - prints the resulting configuration\n"
	  "                         (deprecated in favour of global -N option).\n"
	  "-p                      Leave the domain paused after it is created.\n"
	  "-q, --quiet             Quiet." },
	{ "list", main_list, 0, "List information about all/some domains", "[options] [Domain]\n",
	  "-l, --long              Output all VM details\n"
	  "-v, --verbose           Prints out UUIDs and security context" },
	{ "destroy", main_destroy, 0, "Terminate a domain immediately", "[options] <Domain>\n",
	  "-f                      Permit destroying domain 0." },
	{ "shutdown", main_shutdown, 0, "Issue a shutdown signal to a domain", "[options] <-a|Domain>",
	  "-a, --all               Shutdown all guest domains.\n"
	  "-h                      Print this help.\n"
	  "-w, --wait              Wait for guest(s) to shutdown.\n" },
	{ "reboot", main_reboot, 0, "Issue a reboot signal to a domain", "[options] <-a|Domain>",
	  "-a, --all               Shutdown all guest domains.\n"
	  "-h                      Print this help.\n"
	  "-w, --wait              Wait for guest(s) to reboot.\n" },
	{ "pause", main_pause, 0, "Pause execution of a domain", "<Domain>", NULL },
	{ "unpause", main_unpause, 0, "Unpause a paused domain", "<Domain>", NULL },
	{ "console", main_console, 0, "Attach to domain's console",
	  "[options] <Domain>\n"
	  "-t <type>       console type, pv , serial or vuart\n"
	  "-n <number>     console number", NULL },
	{ "mem-max", main_memmax, 0, "Set the maximum amount reservation for a domain",
	  "<Domain> <MemMB['b'[bytes]|'k'[KB]|'m'[MB]|'g'[GB]|'t'[TB]]>", NULL },
	{ "mem-set", main_memset, 0, "Set the current memory usage for a domain",
	  "<Domain> <MemMB['b'[bytes]|'k'[KB]|'m'[MB]|'g'[GB]|'t'[TB]]>", NULL },
	{ "vcpu-list", main_vcpulist, 0, "List the VCPUs for all/some domains", "[Domain, ...]", NULL },
	{ "info", main_info, 0, "Get information about Xen host",
	  "-n, --numa         List host NUMA topology information", NULL },
	{ "domid", main_domid, 0, "Convert a domain name to domain id", "<DomainName>", NULL },
	{ "domname", main_domname, 0, "Convert a domain id to domain name", "<DomainId>", NULL },
	{ "rename", main_rename, 0, "Rename a domain", "<Domain> <NewDomainName>", NULL },
	{ "dmesg", main_dmesg, 0, "Read and/or clear dmesg buffer", "[-c]",
	  "  -c                        Clear dmesg buffer as well as printing it" },
	{ "debug-keys", main_debug_keys, 0, "Send debug keys to Xen", "<Keys>", NULL },
	{ "network-attach", main_networkattach, 1, "Create a new virtual network device",
	  "<Domain> [type=<type>] [mac=<mac>] [bridge=<bridge>] [ip=<ip>] [script=<script>] "
	  "[backend=<BackDomain>] [vifname=<name>] [rate=<rate>] [model=<model>] "
	  "[accel=<accel>] [mtu=<mtu>]", NULL },
	{ "block-attach", main_blockattach, 1, "Create a new virtual block device",
	  "<Domain> <disk-spec-component(s)>...", NULL },
	{ "block-list", main_blocklist, 0, "List virtual block devices for a domain", "<Domain(s)>",
	  NULL },
	{ "block-detach", main_blockdetach, 0, "Destroy a domain's virtual block device",
	  "[option] <Domain> <DevId>",
	  "-f, --force        do not wait for the domain to release the device" },
	{ "network-list", main_networklist, 0, "List virtual network interfaces for a domain",
	  "<Domain(s)>", NULL },
	{ "network-detach", main_networkdetach, 0, "Destroy a domain's virtual network device",
	  "<Domain> <DevId|mac>", NULL },
	{ "uptime", main_uptime, 0, "Print uptime for all/some domains", "[-s] [Domain]", NULL },
	{ "help", main_help, 0, "Print this help", "[command]", NULL },
};

const int xl_cmd_table_size = (int)(sizeof(xl_cmd_table) / sizeof(xl_cmd_table[0]));

const struct cmd_spec *xl_cmd_lookup(const char *name)
{
	for (int i = 0; i < xl_cmd_table_size; i++)
		if (!strcmp(xl_cmd_table[i].name, name))
			return &xl_cmd_table[i];
	return NULL;
}

static void help_all(void)
{
	printf("Usage xl [-vfNtT] <subcommand> [args]\n\n");
	printf("xl full list of subcommands:\n\n");
	for (int i = 0; i < xl_cmd_table_size; i++) {
		if (xl_cmd_table[i].handler == main_help)
			continue; /* xl lists "help" nowhere */
		printf(" %-19s ", xl_cmd_table[i].name);
		if (strlen(xl_cmd_table[i].name) > 19)
			printf("\n %-19s ", "");
		printf("%s\n", xl_cmd_table[i].summary);
	}
}

void xl_help(const char *name)
{
	const struct cmd_spec *c;

	if (!name || !strcmp(name, "help")) {
		help_all();
		return;
	}
	c = xl_cmd_lookup(name);
	if (!c) {
		printf("command \"%s\" not implemented\n", name);
		return;
	}
	printf("Usage: xl [-vtT%s] %s %s\n\n%s.\n\n", c->can_dryrun ? "N" : "", c->name,
	       c->usage, c->summary);
	if (c->options)
		printf("Options:\n\n%s\n", c->options);
}

int main_help(int argc, char **argv)
{
	xl_help(argc > 1 ? argv[1] : NULL);
	return 0;
}
