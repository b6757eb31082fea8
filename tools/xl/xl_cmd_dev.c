/* SPDX-License-Identifier: GPL-2.0-only */
/* Devices and consoles: block-attach, network-attach (-N prints the JSON), console. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "libxl_json.h"
#include "xl_parse.h"
#include "xl_util.h"

#ifndef XEN_LIBEXEC
#define XEN_LIBEXEC "/usr/lib/xen/bin"
#endif

static int print_json(const char *label, char *json)
{
	if (!json)
		return 1;
	printf("%s: %s\n", label, json);
	free(json);
	return fflush(stdout) ? 1 : 0;
}

int main_blockattach(int argc, char **argv)
{
	XLU_Config *cfg;
	libxl_device_disk disk;
	uint32_t domid = 0;
	int opt, rc;

	while ((opt = xl_getopt(argc, argv, "h", "block-attach", 2)) != -1)
		if (opt == 2 || opt == '?')
			return opt == 2 ? 0 : 1;
	if (!xl_globals.dryrun) {
		xl_ctx();
		domid = xl_find_domain(argv[optind]);
	}
	cfg = xlu_cfg_init(stderr, "command line");
	if (!cfg)
		return 1;
	libxl_device_disk_init(&disk);
	rc = xlu_disk_parse(cfg, argc - optind - 1, (const char *const *)argv + optind + 1, &disk);
	if (!rc && xl_globals.dryrun)
		rc = print_json("disk", libxl_device_disk_to_json(&disk));
	else if (!rc && libxl_device_disk_add(xl_ctx(), domid, &disk)) {
		fprintf(stderr, "libxl_device_disk_add failed.\n");
		rc = 1;
	}
	libxl_device_disk_dispose(&disk);
	xlu_cfg_destroy(cfg);
	return rc ? 1 : 0;
}

int main_networkattach(int argc, char **argv)
{
	XLU_Config *cfg;
	libxl_device_nic nic;
	uint32_t domid = 0;
	int opt, rc = 0;

	while ((opt = xl_getopt(argc, argv, "h", "network-attach", 1)) != -1)
		if (opt == 2 || opt == '?')
			return opt == 2 ? 0 : 1;
	if (!xl_globals.dryrun) {
		xl_ctx();
		domid = xl_find_domain(argv[optind]);
	}
	cfg = xlu_cfg_init(stderr, "command line");
	if (!cfg)
		return 1;
	libxl_device_nic_init(&nic);
	xl_nic_defaults(&nic);
	for (int i = optind + 1; i < argc && !rc; i++)
		rc = xlu_vif_parse_item(cfg, &nic, argv[i]);
	if (!rc && xl_globals.dryrun)
		rc = print_json("vif", libxl_device_nic_to_json(&nic));
	else if (!rc && libxl_device_nic_add(xl_ctx(), domid, &nic)) {
		fprintf(stderr, "libxl_device_nic_add failed.\n");
		rc = 1;
	}
	libxl_device_nic_dispose(&nic);
	xlu_cfg_destroy(cfg);
	return rc ? 1 : 0;
}

/* Hands the terminal to the console client, as xl does. */
int main_console(int argc, char **argv)
{
	const char *type = "pv", *num = "0";
	char domid[16];
	int opt;

	while ((opt = xl_getopt(argc, argv, "hn:t:", "console", 1)) != -1) {
		if (opt == 2 || opt == '?')
			return opt == 2 ? 0 : 1;
		if (opt == 't')
			type = optarg;
		else if (opt == 'n')
			num = optarg;
	}
	if (strcmp(type, "pv") && strcmp(type, "serial") && strcmp(type, "vuart")) {
		fprintf(stderr, "console type supported are: pv, serial, vuart\n");
		return 1;
	}
	snprintf(domid, sizeof(domid), "%u", xl_find_domain(argv[optind]));
	execl(XEN_LIBEXEC "/xenconsole", "xenconsole", domid, "--type", type, "--num", num,
	      (char *)NULL);
	perror("xl console: exec " XEN_LIBEXEC "/xenconsole");
	return 1;
}
