/* SPDX-License-Identifier: GPL-2.0-only */
/* Host-level commands: info, dmesg, debug-keys; and the per-domain uptime and vcpu-list. */
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <time.h>

#include "xl_util.h"

static void line(const char *key, const char *fmt_value)
{
	printf("%-23s: %s\n", key, fmt_value);
}

static void print_node(void)
{
	struct utsname u;

	if (uname(&u) < 0)
		return;
	line("host", u.nodename);
	line("release", u.release);
	line("version", u.version);
	line("machine", u.machine);
}

static const char *const physcap_names[] = {
	"pv", "hvm", "hap", "shadow", "iommu_hap_pt_share", "vmtrace", "vpmu",
	"gnttab-v1", "gnttab-v2",
};
static const uint32_t physcap_bits[] = {
	XEN_SYSCTL_PHYSCAP_pv, XEN_SYSCTL_PHYSCAP_hvm, XEN_SYSCTL_PHYSCAP_hap,
	XEN_SYSCTL_PHYSCAP_shadow, XEN_SYSCTL_PHYSCAP_iommu_hap_pt_share,
	XEN_SYSCTL_PHYSCAP_vmtrace, XEN_SYSCTL_PHYSCAP_vpmu, XEN_SYSCTL_PHYSCAP_gnttab_v1,
	XEN_SYSCTL_PHYSCAP_gnttab_v2,
};

static void print_virt_caps(uint32_t caps)
{
	printf("%-23s:", "virt_caps");
	for (size_t i = 0; i < sizeof(physcap_bits) / sizeof(physcap_bits[0]); i++) {
		if (caps & physcap_bits[i])
			printf(" %s", physcap_names[i]);
		if (i == 1 && (caps & XEN_SYSCTL_PHYSCAP_directio)) {
			if (caps & XEN_SYSCTL_PHYSCAP_hvm)
				printf(" hvm_directio");
			if (caps & XEN_SYSCTL_PHYSCAP_pv)
				printf(" pv_directio");
		}
	}
	printf("\n");
}

static void print_phys(xc_interface *xch)
{
	xc_physinfo_t p;
	const uint64_t mb = 256; /* 4 KiB pages per MiB */

	if (xc_physinfo(xch, &p)) {
		fprintf(stderr, "libxl_physinfo failed.\n");
		return;
	}
	printf("%-23s: %u\n%-23s: %u\n%-23s: %u\n%-23s: %u\n%-23s: %u\n", "nr_cpus", p.nr_cpus,
	       "max_cpu_id", p.max_cpu_id, "nr_nodes", p.nr_nodes, "cores_per_socket",
	       p.cores_per_socket, "threads_per_core", p.threads_per_core);
	printf("%-23s: %u.%03u\n", "cpu_mhz", p.cpu_khz / 1000, p.cpu_khz % 1000);
	printf("%-23s: %08x:%08x:%08x:%08x:%08x:%08x:%08x:%08x\n", "hw_caps", p.hw_cap[0],
	       p.hw_cap[1], p.hw_cap[2], p.hw_cap[3], p.hw_cap[4], p.hw_cap[5], p.hw_cap[6],
	       p.hw_cap[7]);
	print_virt_caps(p.capabilities);
	printf("%-23s: %" PRIu64 "\n%-23s: %" PRIu64 "\n", "total_memory", p.total_pages / mb,
	       "free_memory", (p.free_pages - p.outstanding_pages) / mb);
	printf("%-23s: 0\n%-23s: 0\n", "sharing_freed_memory", "sharing_used_memory");
	printf("%-23s: %" PRIu64 "\n", "outstanding_claims", p.outstanding_pages / mb);
	printf("%-23s: %u\n", "free_cpus", p.nr_cpus);
}

static const char *sched_name(int id)
{
	switch (id) {
	case XEN_SCHEDULER_CREDIT: return "credit";
	case XEN_SCHEDULER_CREDIT2: return "credit2";
	case XEN_SCHEDULER_ARINC653: return "arinc653";
	case XEN_SCHEDULER_RTDS: return "rtds";
	case XEN_SCHEDULER_NULL: return "null";
	default: return "unknown";
	}
}

static void print_xen(xc_interface *xch)
{
	xen_extraversion_t extra = "";
	xen_capabilities_info_t caps = "";
	xen_changeset_info_t cs = "";
	xen_commandline_t cmdline = "";
	struct xen_compile_info ci = { "", "", "", "" };
	struct xen_platform_parameters pp = { 0 };
	int v = xc_version(xch, XENVER_version, NULL), sched = -1;

	xc_version(xch, XENVER_extraversion, extra);
	xc_version(xch, XENVER_capabilities, caps);
	xc_version(xch, XENVER_changeset, cs);
	xc_version(xch, XENVER_commandline, cmdline);
	xc_version(xch, XENVER_compile_info, &ci);
	xc_version(xch, XENVER_platform_parameters, &pp);
	xc_sched_id(xch, &sched);
	printf("%-23s: %d\n%-23s: %d\n", "xen_major", v >> 16, "xen_minor", v & 0xffff);
	line("xen_extra", extra);
	printf("%-23s: %d.%d%s\n", "xen_version", v >> 16, v & 0xffff, extra);
	line("xen_caps", caps);
	line("xen_scheduler", sched_name(sched));
	printf("%-23s: %d\n", "xen_pagesize", xc_version(xch, XENVER_pagesize, NULL));
	printf("%-23s: virt_start=0x%" PRIx64 "\n", "platform_params", (uint64_t)pp.virt_start);
	line("xen_changeset", cs);
	line("xen_commandline", cmdline);
	line("cc_compiler", ci.compiler);
	line("cc_compile_by", ci.compile_by);
	line("cc_compile_domain", ci.compile_domain);
	line("cc_compile_date", ci.compile_date);
	line("build_id", "");
}

int main_info(int argc, char **argv)
{
	xc_interface *xch;
	int opt;

	while ((opt = xl_getopt(argc, argv, "hn", "info", 0)) != -1)
		if (opt == 2 || opt == '?')
			return opt == 2 ? 0 : 1;
	xch = libxl_ctx_xch(xl_ctx());
	print_node();
	print_phys(xch);
	print_xen(xch);
	printf("%-23s: 4\n", "xend_config_format");
	return 0;
}

int main_dmesg(int argc, char **argv)
{
	unsigned int size = 16384;
	char *buf = malloc(size + 1);
	int opt, clear = 0, rc;

	while ((opt = xl_getopt(argc, argv, "hc", "dmesg", 0)) != -1) {
		if (opt == 2 || opt == '?') {
			free(buf);
			return opt == 2 ? 0 : 1;
		}
		clear |= opt == 'c';
	}
	if (!buf)
		return 1;
	rc = xc_readconsolering(libxl_ctx_xch(xl_ctx()), buf, &size, clear, 0, NULL);
	if (!rc) {
		buf[size] = 0;
		fputs(buf, stdout);
	} else {
		perror("xl dmesg");
	}
	free(buf);
	return rc ? 1 : 0;
}

/* The hypervisor prints what the keys ask for on its console (xl dmesg). */
int main_debug_keys(int argc, char **argv)
{
	int opt;

	while ((opt = xl_getopt(argc, argv, "h", "debug-keys", 1)) != -1)
		if (opt == 2 || opt == '?')
			return opt == 2 ? 0 : 1;
	if (xc_send_debug_keys(libxl_ctx_xch(xl_ctx()), argv[optind])) {
		fprintf(stderr, "xl debug-keys %s: the hypervisor refused the keys: %s\n",
			argv[optind], strerror(errno));
		return 1;
	}
	return 0;
}

static void vcpu_lines(uint32_t domid)
{
	libxl_vcpuinfo *v;
	char *name;
	int n;

	if (libxl_list_vcpu(xl_ctx(), domid, &v, &n))
		return;
	name = xl_domname(domid);
	for (int i = 0; i < n; i++) {
		printf("%-32s %5u %5u", name, domid, v[i].vcpuid);
		if (!v[i].online)
			printf("%5c %3c%cp ", '-', '-', '-');
		else
			printf("%5u %3c%c- ", v[i].cpu, v[i].running ? 'r' : '-',
			       v[i].blocked ? 'b' : '-');
		printf("%9.1f  all / all\n", (double)((float)v[i].vcpu_time / 1e9f));
	}
	free(name);
	free(v);
}

int main_vcpulist(int argc, char **argv)
{
	libxl_dominfo *list;
	int n;

	printf("%-32s %5s %5s %5s %5s %9s %s\n", "Name", "ID", "VCPU", "CPU", "State", "Time(s)",
	       "Affinity (Hard / Soft)");
	if (argc > 1) {
		for (int i = 1; i < argc; i++)
			vcpu_lines(xl_find_domain(argv[i]));
		return 0;
	}
	if (libxl_list_domain(xl_ctx(), &list, &n))
		return 1;
	for (int i = 0; i < n; i++)
		vcpu_lines(list[i].domid);
	free(list);
	return 0;
}

/* "N days, HH:MM:SS" (or without seconds in short form), as xl prints it. */
static void uptime_string(unsigned long up, int short_mode, char *out, size_t len)
{
	unsigned long day = up / 86400, hour = up / 3600 % 24, min = up / 60 % 60, sec = up % 60;
	char days[32] = "";

	if (day)
		snprintf(days, sizeof(days), "%lu day%s, ", day, day > 1 ? "s" : "");
	if (short_mode)
		snprintf(out, len, "%s%2lu:%02lu", days, hour, min);
	else
		snprintf(out, len, "%s%2lu:%02lu:%02lu", days, hour, min, sec);
}

/* Seconds up: dom0 from /proc/uptime, a guest from /vm/<uuid>/start_time. */
static long domain_uptime(uint32_t domid, time_t now)
{
	char path[96], *vm, *st;
	long up = -1;
	FILE *f;

	if (domid == 0) {
		f = fopen("/proc/uptime", "r");
		if (f && fscanf(f, "%ld", &up) != 1)
			up = -1;
		if (f)
			fclose(f);
		return up;
	}
	snprintf(path, sizeof(path), "/local/domain/%u/vm", domid);
	vm = libxl_xs_read_path(xl_ctx(), path);
	if (vm && strlen(vm) < sizeof(path) - 12) {
		snprintf(path, sizeof(path), "%s/start_time", vm);
		st = libxl_xs_read_path(xl_ctx(), path);
		if (st)
			up = (long)(now - (time_t)strtoul(st, NULL, 10));
		free(st);
	}
	free(vm);
	return up;
}

static void uptime_line(uint32_t domid, int short_mode, time_t now)
{
	long up = domain_uptime(domid, now);
	char *name = xl_domname(domid), buf[64], when[16];

	if (up < 0) {
		fprintf(stderr, "Can not get domain uptime.\n");
	} else if (short_mode) {
		strftime(when, sizeof(when), "%H:%M:%S", localtime(&now));
		uptime_string((unsigned long)up, 1, buf, sizeof(buf));
		printf(" %s up %s, %s (%u)\n", when, buf, name, domid);
	} else {
		uptime_string((unsigned long)up, 0, buf, sizeof(buf));
		printf("%-33s %4u %s\n", name, domid, buf);
	}
	free(name);
}

int main_uptime(int argc, char **argv)
{
	time_t now = time(NULL);
	libxl_dominfo *list;
	int opt, short_mode = 0, n;

	while ((opt = xl_getopt(argc, argv, "hs", "uptime", 0)) != -1) {
		if (opt == 2 || opt == '?')
			return opt == 2 ? 0 : 1;
		short_mode |= opt == 's';
	}
	if (!short_mode)
		printf("%-33s %4s %s\n", "Name", "ID", "Uptime");
	if (optind < argc) {
		for (int i = optind; i < argc; i++)
			uptime_line(xl_find_domain(argv[i]), short_mode, now);
		return 0;
	}
	if (libxl_list_domain(xl_ctx(), &list, &n))
		return 1;
	for (int i = 0; i < n; i++)
		uptime_line(list[i].domid, short_mode, now);
	free(list);
	return 0;
}
