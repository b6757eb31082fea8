// SPDX-License-Identifier: GPL-2.0-only
/* Hypervisor command-line parsing (xen/common/cmdline.c). */
#include <xen/cmdline.h>
#include <xen/lib.h>
#include "check.h"

static void test_parse(void)
{
	struct xen_options o;

	CHECK(cmdline_parse("", &o) == NULL);
	CHECK_STR(o.console, "dtuart");
	CHECK_STR(o.dtuart, "");
	CHECK(cmdline_parse("console=dtuart dtuart=/pl011@9000000 dom0_mem=512M", &o) == NULL);
	CHECK_STR(o.dtuart, "/pl011@9000000");
	CHECK(cmdline_parse("  dtuart=serial0:115200n8\tconsole=none,dtuart  ", &o) == NULL);
	CHECK_STR(o.dtuart, "serial0:115200n8");
	CHECK_STR(o.console, "none,dtuart");
	CHECK(cmdline_parse("dtuartx=1 xdtuart=2 dtuart", &o) == NULL);
	CHECK_STR(o.dtuart, "");
	CHECK(cmdline_parse("dtuart=a dtuart=b", &o) == NULL);
	CHECK_STR(o.dtuart, "b");
	CHECK(cmdline_parse(NULL, &o) == NULL);
	CHECK_STR(o.console, "dtuart");
}

static void test_too_long(void)
{
	struct xen_options o;
	char line[600] = "console=";
	const char *err;

	memset(line + 8, 'x', 300);
	line[308] = '\0';
	strcat(line, " dtuart=serial1");
	err = cmdline_parse(line, &o);
	CHECK(err && strstr(err, "too long") && strstr(err, "console=xxx"));
	CHECK_STR(o.console, "");
	CHECK_STR(o.dtuart, "serial1");
}

static void test_list(void)
{
	CHECK(cmdline_list_has("dtuart", "dtuart"));
	CHECK(cmdline_list_has("vga,dtuart", "dtuart"));
	CHECK(cmdline_list_has("dtuart,vga", "vga"));
	CHECK(!cmdline_list_has("dtuartx,vga", "dtuart"));
	CHECK(!cmdline_list_has("", "dtuart"));
	CHECK(!cmdline_list_has("none", "dtuart"));
}

/* dom0_mem= values and the options dom0 building reads. */
static void test_sizes(void)
{
	struct xen_options o;

	CHECK(cmdline_parse_size("256M") == 256ULL << 20);
	CHECK(cmdline_parse_size("1G") == 1ULL << 30);
	CHECK(cmdline_parse_size("524288k") == 512ULL << 20);
	CHECK(cmdline_parse_size("0x1000") == 0x1000);
	CHECK(cmdline_parse_size("4096") == 4096);
	CHECK(cmdline_parse_size("") == 0);
	CHECK(cmdline_parse_size("M") == 0);
	CHECK(cmdline_parse_size("256MB") == 0);
	CHECK(cmdline_parse_size("12x") == 0);
	CHECK(cmdline_parse("dom0_mem=300M xa_dom0=off", &o) == NULL);
	CHECK_STR(o.dom0_mem, "300M");
	CHECK_STR(o.xa_dom0, "off");
	CHECK(cmdline_parse("console=dtuart", &o) == NULL);
	CHECK_STR(o.dom0_mem, "");
	CHECK_STR(o.xa_dom0, "");
}

int main(void)
{
	test_parse();
	test_too_long();
	test_list();
	test_sizes();
	return check_result("test-cmdline");
}
