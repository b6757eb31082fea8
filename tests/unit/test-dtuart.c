// SPDX-License-Identifier: GPL-2.0-only
/*
 * dtuart= resolution and bus address translation (xen/common/dtuart.c,
 * device_tree.c), on small trees and on Debian's own board DTBs
 * (zynqmp-zcu102-rev1.0.dtb, vexpress-v2p-ca15-tc1.dtb from the kernel
 * packages the fixtures step unpacks under $XA_CACHE).
 */
#include <glob.h>
#include <stdio.h>
#include <xen/device_tree.h>
#include <xen/dtuart.h>
#include <xen/lib.h>
#include <xen/serial.h>
#include "check.h"
#include "dtb.h"

static void *virt_tree(void)
{
	void *fdt = dtb_new(2, 2);
	static const char pl011[] = "arm,pl011\0arm,primecell";
	int n = dtb_node(fdt, "/", "pl011@9000000");
	int a;

	dtb_strs(fdt, n, "compatible", pl011, sizeof(pl011));
	DTB_CELLS(fdt, n, "reg", 0, 0x09000000, 0, 0x1000);
	n = dtb_node(fdt, "/", "rtc@9010000");
	DTB_STRS(fdt, n, "compatible", "arm,pl031");
	DTB_CELLS(fdt, n, "reg", 0, 0x09010000, 0, 0x1000);
	a = dtb_node(fdt, "/", "aliases");
	DTB_STRS(fdt, a, "serial0", "/pl011@9000000");
	DTB_STRS(fdt, a, "rtc", "/rtc@9010000");
	dtb_node(fdt, "/", "chosen");
	return fdt;
}

static void test_paths_and_aliases(void)
{
	void *fdt = virt_tree();
	struct dtuart u;
	const char *err;
	int chosen;

	CHECK(dtuart_resolve(fdt, "/pl011@9000000", &u) == NULL);
	CHECK(u.base == 0x09000000 && u.ops == &pl011_uart_ops);
	CHECK_STR(u.options, "");
	CHECK(dtuart_resolve(fdt, "serial0:115200n8", &u) == NULL);
	CHECK(u.base == 0x09000000);
	CHECK_STR(u.options, "115200n8");
	err = dtuart_resolve(fdt, "/pl011@9000001", &u);
	CHECK(err && strstr(err, "dtuart=/pl011@9000001") && strstr(err, "path"));
	err = dtuart_resolve(fdt, "serial3", &u);
	CHECK(err && strstr(err, "dtuart=serial3") && strstr(err, "alias"));
	err = dtuart_resolve(fdt, "rtc", &u);
	CHECK(err && strstr(err, "no UART driver"));
	err = dtuart_resolve(fdt, "", &u);
	CHECK(err && strstr(err, "stdout-path"));
	chosen = fdt_path_offset(fdt, "/chosen");
	DTB_STRS(fdt, chosen, "stdout-path", "serial0:9600");
	CHECK(dtuart_resolve(fdt, "", &u) == NULL);
	CHECK(u.base == 0x09000000);
	CHECK_STR(u.options, "9600");
	CHECK(dtuart_resolve(fdt, NULL, &u) == NULL);
	free(fdt);
}

/* A Versatile-Express-like chain: 1 -> 2 (chip select) -> 1 cell buses. */
static void test_translation(void)
{
	void *fdt = dtb_new(2, 2);
	const char *why;
	paddr_t a;
	int bus, mb, io, n;

	bus = dtb_node(fdt, "/", "bus@8000000");
	DTB_CELLS(fdt, bus, "#address-cells", 1);
	DTB_CELLS(fdt, bus, "#size-cells", 1);
	DTB_CELLS(fdt, bus, "ranges", 0x8000000, 0, 0x8000000, 0x18000000);
	mb = dtb_node(fdt, "/bus@8000000", "mb");
	DTB_CELLS(fdt, mb, "#address-cells", 2);
	DTB_CELLS(fdt, mb, "#size-cells", 1);
	DTB_CELLS(fdt, mb, "ranges", 0, 0, 0x8000000, 0x4000000,
		  3, 0, 0x1c000000, 0x4000000);
	io = dtb_node(fdt, "/bus@8000000/mb", "io");
	DTB_CELLS(fdt, io, "#address-cells", 1);
	DTB_CELLS(fdt, io, "#size-cells", 1);
	DTB_CELLS(fdt, io, "ranges", 0, 3, 0, 0x200000);
	n = dtb_node(fdt, "/bus@8000000/mb/io", "uart@90000");
	DTB_CELLS(fdt, n, "reg", 0x90000, 0x1000);
	CHECK(dt_device_addr(fdt, n, 0, &a, &why) == 0 && a == 0x1c090000);
	n = dtb_node(fdt, "/bus@8000000/mb/io", "far@300000");
	DTB_CELLS(fdt, n, "reg", 0x300000, 0x1000);
	CHECK(dt_device_addr(fdt, n, 0, &a, &why) == -1 && strstr(why, "outside"));
	n = dtb_node(fdt, "/", "noranges");
	n = dtb_node(fdt, "/noranges", "dev@1");
	DTB_CELLS(fdt, n, "reg", 0, 1, 0, 1);
	CHECK(dt_device_addr(fdt, n, 0, &a, &why) == -1 && strstr(why, "ranges"));
	CHECK(dt_device_addr(fdt, n, 1, &a, &why) == -1 && strstr(why, "reg"));
	free(fdt);
}

static void *load_fixture(const char *pattern)
{
	const char *cache = getenv("XA_CACHE");
	char path[512];
	glob_t g;
	FILE *f;
	void *fdt = NULL;

	snprintf(path, sizeof(path), "%s/fixtures/pkgs/%s",
		 cache ? cache : "/var/cache/xen-arm/v1", pattern);
	if (glob(path, 0, NULL, &g) || !g.gl_pathc) {
		fprintf(stderr, "fixture not found: %s (run scripts/fixtures.sh)\n", path);
		check_failures++;
		return NULL;
	}
	f = fopen(g.gl_pathv[0], "rb");
	fdt = calloc(1, 1 << 20);
	if (!f || !fdt || fread(fdt, 1, 1 << 20, f) == 0 || fdt_check_header(fdt)) {
		fprintf(stderr, "cannot read DTB %s\n", g.gl_pathv[0]);
		check_failures++;
		free(fdt);
		fdt = NULL;
	}
	if (f)
		fclose(f);
	globfree(&g);
	return fdt;
}

static void test_debian_dtbs(void)
{
	void *z = load_fixture("linux-image-*-arm64_*/usr/lib/linux-image-*/xilinx/zynqmp-zcu102-rev1.0.dtb");
	void *v = load_fixture("linux-image-*-armmp-lpae_*/usr/lib/linux-image-*/vexpress-v2p-ca15-tc1.dtb");
	struct dtuart u;
	const char *why;
	paddr_t a;

	if (z) {
		CHECK(dtuart_resolve(z, "serial0", &u) == NULL);
		CHECK(u.base == 0xff000000 && u.ops == &cadence_uart_ops);
		CHECK(dtuart_resolve(z, "serial1", &u) == NULL && u.base == 0xff010000);
	}
	if (v) {
		CHECK(dtuart_resolve(v, "serial0", &u) == NULL);
		CHECK(u.base == 0x1c090000 && u.ops == &pl011_uart_ops);
		CHECK(dt_device_addr(v, fdt_node_offset_by_compatible(v, -1, "arm,vexpress-sysreg"),
				     0, &a, &why) == 0 && a == 0x1c010000);
	}
	free(z);
	free(v);
}

int main(void)
{
	test_paths_and_aliases();
	test_translation();
	test_debian_dtbs();
	return check_result("test-dtuart");
}
