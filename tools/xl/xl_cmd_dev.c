/* SPDX-License-Identifier: GPL-2.0-only */
/* Devices and consoles: block-attach, network-attach (-N prints the JSON), console. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
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

static int list_devices(int argc, char **argv, const char *cmd, const char *kind)
{
	int opt;

	while ((opt = xl_getopt(argc, argv, "h", cmd, 1)) != -1)
		if (opt == 2 || opt == '?')
			return opt == 2 ? 0 : 1;
	if (!strcmp(kind, "vbd"))
		printf("%-5s %-3s %-6s %-5s %-6s %-8s %-30s\n", "Vdev", "BE", "handle", "state",
		       "evt-ch", "ring-ref", "BE-path");
	else
		printf("%-3s %-2s %-17s %-6s %-5s %-6s %5s/%-5s %-30s\n", "Idx", "BE", "Mac Addr.",
		       "handle", "state", "evt-ch", "tx-", "rx-ring-ref", "BE-path");
	for (int a = optind; a < argc; a++) {
		uint32_t domid = xl_find_domain(argv[a]);
		libxl_devinfo *l;
		int n;

		if (libxl_device_list(xl_ctx(), domid, kind, &l, &n))
			continue;
		for (int i = 0; i < n; i++) {
			if (!strcmp(kind, "vbd"))
				printf("%-5d %-3d %-6d %-5d %-6d %-8d %-30s\n", l[i].devid, l[i].backend_id,
				       l[i].frontend_id, l[i].state, l[i].evtch, l[i].rref, l[i].backend);
			else
				printf("%-3d %-2d %-17s %6d %5d %6d %5d/%-11d %-30s\n", l[i].devid,
				       l[i].backend_id, l[i].mac, l[i].devid, l[i].state, l[i].evtch,
				       l[i].rref, l[i].rref_rx, l[i].backend);
		}
		free(l);
	}
	return 0;
}

int main_blocklist(int argc, char **argv) { return list_devices(argc, argv, "block-list", "vbd"); }
int main_networklist(int argc, char **argv) { return list_devices(argc, argv, "network-list", "vif"); }

/* A vbd by devid or vdev name; a vif by devid or MAC. */
static int find_device(uint32_t domid, const char *kind, const char *id)
{
	libxl_devinfo *l;
	char *end;
	long v = strtol(id, &end, 10);
	int n, found = -1;

	if (!*end && end != id)
		return (int)v;
	if (!strcmp(kind, "vbd"))
		return libxl__vdev_to_devid_public(id);
	if (libxl_device_list(xl_ctx(), domid, kind, &l, &n))
		return -1;
	for (int i = 0; i < n && found < 0; i++)
		if (!strcasecmp(l[i].mac, id))
			found = l[i].devid;
	free(l);
	return found;
}

static int detach(int argc, char **argv, const char *cmd, const char *kind)
{
	static const struct option lopts[] = { { "force", 0, NULL, 'f' }, { NULL, 0, NULL, 0 } };
	int opt, force = 0, devid;
	uint32_t domid;

	while ((opt = getopt_long(argc, argv, "hf", lopts, NULL)) != -1) {
		if (opt == 'h') {
			xl_help(cmd);
			return 0;
		}
		force |= opt == 'f';
	}
	if (argc - optind < 2) {
		xl_help(cmd);
		return 1;
	}
	domid = xl_find_domain(argv[optind]);
	devid = find_device(domid, kind, argv[optind + 1]);
	if (devid < 0) {
		fprintf(stderr, !strcmp(kind, "vbd") ? "Error: Device %s not connected.\n"
						      : "Unknown device %s.\n", argv[optind + 1]);
		return 1;
	}
	if (libxl_device_remove(xl_ctx(), domid, kind, devid, force)) {
		fprintf(stderr, "libxl_device_%s_%s failed.\n", !strcmp(kind, "vbd") ? "disk" : "nic",
			force ? "destroy" : "remove");
		return 1;
	}
	return 0;
}

int main_blockdetach(int argc, char **argv) { return detach(argc, argv, "block-detach", "vbd"); }
int main_networkdetach(int argc, char **argv) { return detach(argc, argv, "network-detach", "vif"); }
