/* SPDX-License-Identifier: GPL-2.0-only */
/* Domain lifecycle commands: list, destroy, shutdown, reboot, pause, unpause, rename, ... */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "xl_util.h"

static void print_domain(const libxl_dominfo *d, int verbose)
{
	static const char reasons[] = "-rscwS";
	uint8_t r = d->shutdown ? d->shutdown_reason : 0;
	char *name = xl_domname(d->domid);

	printf("%-40s %5d %5lu %5d     %c%c%c%c%c%c  %8.1f", name, d->domid,
	       (unsigned long)(d->current_memkb / 1024), d->vcpu_online,
	       d->running ? 'r' : '-', d->blocked ? 'b' : '-', d->paused ? 'p' : '-',
	       d->shutdown ? 's' : '-', r < sizeof(reasons) - 1 ? reasons[r] : '?',
	       d->dying ? 'd' : '-', (double)((float)d->cpu_time / 1e9f));
	free(name);
	if (verbose) {
		char uuid[37];

		libxl_uuid_to_string(&d->uuid, uuid);
		printf(" %s", uuid);
		if (d->shutdown)
			printf(" %8x", r);
		else
			printf(" %8s", "-");
		printf(" %16s", "-");
	}
	printf("\n");
}

/* The saved config, nested 8 columns deep as xl's JSON printer nests it. */
static void print_nested(const char *json)
{
	size_t n = strlen(json);

	while (n && json[n - 1] == '\n')
		n--;
	for (size_t i = 0; i < n; i++) {
		putchar(json[i]);
		if (json[i] == '\n')
			fputs("        ", stdout);
	}
}

/* list -l: [{"domid": N, "config": <as created>}, ...]; domains without a
 * saved config (made by another toolstack) are left out, as xl does. */
static void list_long(const libxl_dominfo *list, int n)
{
	int first = 1;

	printf("[\n");
	for (int i = 0; i < n; i++) {
		char *json = libxl_userdata_config_json(xl_ctx(), list[i].domid);

		if (!json)
			continue;
		printf("%s    {\n        \"domid\": %u,\n        \"config\": ", first ? "" : ",\n",
		       list[i].domid);
		print_nested(json);
		printf("\n    }");
		free(json);
		first = 0;
	}
	printf("%s]\n", first ? "" : "\n");
}

static void list_table(const libxl_dominfo *list, int n, int verbose)
{
	printf("Name                                        ID   Mem VCPUs\tState\tTime(s)");
	if (verbose)
		printf("   UUID                            Reason-Code\tSecurity Label");
	printf("\n");
	for (int i = 0; i < n; i++)
		print_domain(&list[i], verbose);
}

int main_list(int argc, char **argv)
{
	static const struct option lopts[] = { { "long", 0, NULL, 'l' }, { "verbose", 0, NULL, 'v' },
					       { NULL, 0, NULL, 0 } };
	libxl_dominfo *list, one;
	int opt, verbose = 0, details = 0, n, rc;

	while ((opt = getopt_long(argc, argv, "lvhZcn", lopts, NULL)) != -1) {
		if (opt == 'h') {
			xl_help("list");
			return 0;
		}
		details |= opt == 'l';
		verbose |= opt == 'v';
	}
	if (optind < argc) {
		rc = libxl_domain_info(xl_ctx(), &one, xl_find_domain(argv[optind]));
		list = &one;
		n = 1;
	} else {
		rc = libxl_list_domain(xl_ctx(), &list, &n);
	}
	if (rc) {
		fprintf(stderr, "libxl_list_domain failed.\n");
		return 1;
	}
	if (details)
		list_long(list, n);
	else
		list_table(list, n, verbose);
	if (list != &one)
		free(list);
	return 0;
}

/* The common shape: "<cmd> [opts] <Domain>" then one libxl call. */
static int one_domain(int argc, char **argv, const char *cmd, int (*fn)(libxl_ctx *, uint32_t))
{
	int opt;

	while ((opt = xl_getopt(argc, argv, "hf", cmd, 1)) != -1)
		if (opt == 2 || opt == '?')
			return opt == 2 ? 0 : 1;
	return fn(xl_ctx(), xl_find_domain(argv[optind])) ? 1 : 0;
}

static int destroy(libxl_ctx *ctx, uint32_t domid)
{
	if (domid == 0 && !xl_globals.force) {
		fprintf(stderr, "Cannot destroy privileged domain 0.\n\n");
		return 1;
	}
	return libxl_domain_destroy(ctx, domid);
}

int main_destroy(int argc, char **argv) { return one_domain(argc, argv, "destroy", destroy); }
int main_pause(int argc, char **argv) { return one_domain(argc, argv, "pause", libxl_domain_pause); }
int main_unpause(int argc, char **argv) { return one_domain(argc, argv, "unpause", libxl_domain_unpause); }

/* Waits (with -w) until the domain is gone or shut down. */
static int wait_for_shutdown(libxl_ctx *ctx, uint32_t domid)
{
	libxl_dominfo d;

	for (;;) {
		int rc = libxl_domain_info(ctx, &d, domid);

		if (rc == ERROR_DOMAIN_NOTFOUND || (!rc && (d.shutdown || d.dying)))
			return 0;
		if (rc)
			return 1;
		usleep(200 * 1000);
	}
}

/* Every guest (not dom0, not dying) for -a; returns how many, list in *ids. */
static int all_guests(uint32_t **ids)
{
	libxl_dominfo *list;
	int n, k = 0;

	if (libxl_list_domain(xl_ctx(), &list, &n))
		return -1;
	*ids = calloc((size_t)(n ? n : 1), sizeof(**ids));
	for (int i = 0; *ids && i < n; i++)
		if (list[i].domid && !list[i].dying)
			(*ids)[k++] = list[i].domid;
	free(list);
	return *ids ? k : -1;
}

static int shutdown_like(int argc, char **argv, const char *cmd, const char *what)
{
	static const struct option lopts[] = { { "all", 0, NULL, 'a' }, { "wait", 0, NULL, 'w' },
					       { NULL, 0, NULL, 0 } };
	int opt, wait = 0, all = 0, n, rc = 0;
	uint32_t one, *ids = &one;

	while ((opt = getopt_long(argc, argv, "awFh", lopts, NULL)) != -1) {
		if (opt == 'h') {
			xl_help(cmd);
			return 0;
		}
		all |= opt == 'a';
		wait |= opt == 'w';
	}
	if (all == (optind < argc)) {
		xl_help(cmd);
		return 1;
	}
	if (all)
		n = all_guests(&ids);
	else
		n = 1, one = xl_find_domain(argv[optind]);
	if (n < 0)
		return 1;
	for (int i = 0; i < n; i++)
		rc |= libxl_domain_shutdown_request(xl_ctx(), ids[i], what) != 0;
	if (wait && !rc) {
		printf("Waiting for %d domains\n", n);
		for (int i = 0; i < n; i++)
			rc |= wait_for_shutdown(xl_ctx(), ids[i]);
	}
	if (ids != &one)
		free(ids);
	return rc;
}

int main_shutdown(int argc, char **argv) { return shutdown_like(argc, argv, "shutdown", "poweroff"); }
int main_reboot(int argc, char **argv) { return shutdown_like(argc, argv, "reboot", "reboot"); }

int main_domid(int argc, char **argv)
{
	uint32_t domid;
	int opt;

	while ((opt = xl_getopt(argc, argv, "h", "domid", 1)) != -1)
		if (opt == 2 || opt == '?')
			return opt == 2 ? 0 : 1;
	if (libxl_name_to_domid(xl_ctx(), argv[optind], &domid)) {
		fprintf(stderr, "Can't get domid of domain name '%s', maybe this domain does not exist.\n",
			argv[optind]);
		return 1;
	}
	printf("%u\n", domid);
	return 0;
}

int main_domname(int argc, char **argv)
{
	char *end, *name;
	unsigned long id;
	int opt;

	while ((opt = xl_getopt(argc, argv, "h", "domname", 1)) != -1)
		if (opt == 2 || opt == '?')
			return opt == 2 ? 0 : 1;
	id = strtoul(argv[optind], &end, 10);
	if (*end || end == argv[optind]) {
		fprintf(stderr, "Invalid domain id.\n\n");
		return 1;
	}
	name = libxl_domid_to_name(xl_ctx(), (uint32_t)id);
	if (!name) {
		fprintf(stderr, "Can't get domain name of domain id '%lu', maybe this domain does not exist.\n",
			id);
		return 1;
	}
	printf("%s\n", name);
	free(name);
	return 0;
}

int main_rename(int argc, char **argv)
{
	int opt;

	while ((opt = xl_getopt(argc, argv, "h", "rename", 2)) != -1)
		if (opt == 2 || opt == '?')
			return opt == 2 ? 0 : 1;
	if (libxl_domain_rename(xl_ctx(), xl_find_domain(argv[optind]), argv[optind + 1])) {
		fprintf(stderr, "Can't rename domain '%s'.\n", argv[optind]);
		return 1;
	}
	return 0;
}

static int mem_cmd(int argc, char **argv, const char *cmd, int target)
{
	int64_t kb;
	uint32_t domid;
	int opt;

	while ((opt = xl_getopt(argc, argv, "h", cmd, 2)) != -1)
		if (opt == 2 || opt == '?')
			return opt == 2 ? 0 : 1;
	kb = xl_parse_mem_kb(argv[optind + 1]);
	if (kb < 0) {
		fprintf(stderr, "invalid memory size: %s\n", argv[optind + 1]);
		return 1;
	}
	domid = xl_find_domain(argv[optind]);
	if (target)
		return libxl_set_memory_target(xl_ctx(), domid, (uint64_t)kb) ? 1 : 0;
	return libxl_domain_setmaxmem(xl_ctx(), domid, (uint64_t)kb) ? 1 : 0;
}

int main_memset(int argc, char **argv) { return mem_cmd(argc, argv, "mem-set", 1); }
int main_memmax(int argc, char **argv) { return mem_cmd(argc, argv, "mem-max", 0); }
