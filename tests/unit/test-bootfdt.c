// SPDX-License-Identifier: GPL-2.0-only
/*
 * Boot device-tree scanning (xen/common/bootfdt.c, bootinfo.c): RAM,
 * reserved ranges, /chosen modules with their kinds and cell counts, the
 * hypervisor command-line rules, and the printed summary.
 */
#include <asm/host.h>
#include <stdio.h>
#include <xen/bootinfo.h>
#include <xen/console.h>
#include <xen/lib.h>
#include "check.h"
#include "dtb.h"

/* A QEMU-virt-like tree: 2/2 cells at the root, 2 GiB at 1 GiB. */
static void *virt_tree(void)
{
	void *fdt = dtb_new(2, 2);
	int mem = dtb_node(fdt, "/", "memory@40000000");

	DTB_STRS(fdt, mem, "device_type", "memory");
	DTB_CELLS(fdt, mem, "reg", 0, 0x40000000, 0, 0x80000000);
	dtb_node(fdt, "/", "chosen");
	return fdt;
}

static int add_module(void *fdt, const char *parent, const char *name,
		      const char *compat, int compat_len, uint32_t addr)
{
	int n = dtb_node(fdt, parent, name);

	if (compat)
		dtb_strs(fdt, n, "compatible", compat, compat_len);
	DTB_CELLS(fdt, n, "reg", 0, addr, 0, 0x100000);
	return n;
}

static void test_virt_modules(void)
{
	void *fdt = virt_tree();
	int chosen = fdt_path_offset(fdt, "/chosen");
	struct bootinfo bi = { 0 };
	static const char k[] = "multiboot,kernel\0multiboot,module";
	static const char r[] = "multiboot,ramdisk\0multiboot,module";

	DTB_CELLS(fdt, chosen, "#address-cells", 2);
	DTB_CELLS(fdt, chosen, "#size-cells", 2);
	/* fdt_add_subnode() makes the new node the first child: add in reverse. */
	add_module(fdt, "/chosen", "module@4e000000", r, sizeof(r), 0x4e000000);
	add_module(fdt, "/chosen", "module@4a000000", k, sizeof(k), 0x4a000000);
	CHECK(bootfdt_check(fdt) == NULL);
	CHECK(bootfdt_scan(fdt, &bi) == NULL);
	CHECK(bi.mem.nr == 1 && bi.mem.bank[0].start == 0x40000000 &&
	      bi.mem.bank[0].size == 0x80000000);
	CHECK(bi.nr_mods == 2);
	CHECK(bi.mod[0].kind == BOOTMOD_KERNEL && bi.mod[0].start == 0x4a000000 &&
	      bi.mod[0].size == 0x100000);
	CHECK(bi.mod[1].kind == BOOTMOD_RAMDISK && bi.mod[1].start == 0x4e000000);
	free(fdt);
}

/* Unlabelled and legacy modules; cells inherited from the root (1/1). */
static void test_unlabelled_and_inherited_cells(void)
{
	void *fdt = dtb_new(1, 1);
	struct bootinfo bi = { 0 };
	static const char m[] = "multiboot,module";
	static const char legacy[] = "xen,linux-initrd\0xen,multiboot-module";
	int mem = dtb_node(fdt, "/", "memory");
	int n;

	DTB_CELLS(fdt, mem, "reg", 0x80000000, 0x40000000, 0xc0000000, 0x1000);
	dtb_node(fdt, "/", "chosen");
	/* Added last to first: fdt_add_subnode() prepends. */
	n = dtb_node(fdt, "/chosen", "m4");
	dtb_strs(fdt, n, "compatible", legacy, sizeof(legacy));
	DTB_CELLS(fdt, n, "reg", 0x90000000, 0x10);
	n = dtb_node(fdt, "/chosen", "m3");
	dtb_strs(fdt, n, "compatible", m, sizeof(m));
	DTB_CELLS(fdt, n, "reg", 0x8f000000, 0x10);
	n = dtb_node(fdt, "/chosen", "m2");
	dtb_strs(fdt, n, "compatible", m, sizeof(m));
	DTB_CELLS(fdt, n, "reg", 0x8e000000, 0x3000);
	n = dtb_node(fdt, "/chosen", "m1");
	dtb_strs(fdt, n, "compatible", m, sizeof(m));
	DTB_CELLS(fdt, n, "reg", 0x8a000000, 0x2000);
	DTB_STRS(fdt, n, "bootargs", "console=hvc0");
	CHECK(bootfdt_scan(fdt, &bi) == NULL);
	CHECK(bi.mem.nr == 2 && bi.mem.bank[1].start == 0xc0000000);
	CHECK(bi.nr_mods == 4);
	CHECK(bi.mod[0].kind == BOOTMOD_KERNEL && bi.mod[0].size == 0x2000);
	CHECK_STR(bi.mod[0].cmdline, "console=hvc0");
	CHECK(bi.mod[1].kind == BOOTMOD_RAMDISK && bi.mod[1].cmdline == NULL);
	CHECK(bi.mod[2].kind == BOOTMOD_UNKNOWN);
	CHECK(bi.mod[3].kind == BOOTMOD_RAMDISK && bi.mod[3].start == 0x90000000);
	free(fdt);
}

/* dom0less modules (under xen,domain) and too-deep nodes are not dom0's. */
static void test_depth_and_domains(void)
{
	void *fdt = virt_tree();
	struct bootinfo bi = { 0 };
	static const char k[] = "multiboot,kernel\0multiboot,module";
	static const char dom[] = "xen,domain";
	int d = dtb_node(fdt, "/chosen", "domU1");

	dtb_strs(fdt, d, "compatible", dom, sizeof(dom));
	add_module(fdt, "/chosen/domU1", "module@50000000", k, sizeof(k), 0x50000000);
	dtb_node(fdt, "/chosen", "group");
	dtb_node(fdt, "/chosen/group", "deeper");
	add_module(fdt, "/chosen/group/deeper", "module@51000000", k, sizeof(k), 0x51000000);
	add_module(fdt, "/chosen/group", "module@52000000", k, sizeof(k), 0x52000000);
	CHECK(bootfdt_scan(fdt, &bi) == NULL);
	CHECK(bi.nr_mods == 1 && bi.mod[0].start == 0x52000000);
	free(fdt);
}

static void test_errors(void)
{
	void *fdt = virt_tree();
	struct bootinfo bi = { 0 };
	static const char m[] = "multiboot,module";
	const char *err;
	int n = dtb_node(fdt, "/chosen", "module@1");

	dtb_strs(fdt, n, "compatible", m, sizeof(m));
	DTB_CELLS(fdt, n, "reg", 0x1000);	/* 1 cell where 2+2 are needed */
	err = bootfdt_scan(fdt, &bi);
	CHECK(err && strstr(err, "/chosen/module@1") && strstr(err, "reg"));
	free(fdt);

	fdt = dtb_new(2, 2);
	memset(&bi, 0, sizeof(bi));
	err = bootfdt_scan(fdt, &bi);
	CHECK(err && strstr(err, "/memory"));
	((uint32_t *)fdt)[0] = 0;
	err = bootfdt_check(fdt);
	CHECK(err && strstr(err, "MAGIC"));
	free(fdt);
}

static void test_reserved_and_free_ram(void)
{
	void *fdt = virt_tree();
	struct bootinfo bi = { 0 };
	struct meminfo fr;
	int rm = dtb_node(fdt, "/", "reserved-memory");
	int n;

	DTB_CELLS(fdt, rm, "#address-cells", 2);
	DTB_CELLS(fdt, rm, "#size-cells", 2);
	n = dtb_node(fdt, "/reserved-memory", "pool@50000000");
	DTB_CELLS(fdt, n, "reg", 0, 0x50000000, 0, 0x01000000);
	n = dtb_node(fdt, "/reserved-memory", "off@60000000");
	DTB_CELLS(fdt, n, "reg", 0, 0x60000000, 0, 0x01000000);
	DTB_STRS(fdt, n, "status", "disabled");
	CHECK(fdt_add_mem_rsv(fdt, 0xbff00000, 0x100000) == 0);
	bootinfo_add_module(&bi, BOOTMOD_XEN, 0x40200000, 0x20000, -1);
	CHECK(bootfdt_scan(fdt, &bi) == NULL);
	CHECK(bi.reserved.nr == 2);
	CHECK(bi.reserved.bank[0].start == 0xbff00000);
	CHECK(bi.reserved.bank[1].start == 0x50000000);
	CHECK(bootinfo_free_ram(&bi, &fr) == 3);
	CHECK(fr.bank[0].start == 0x40000000 && fr.bank[0].size == 0x200000);
	CHECK(fr.bank[1].start == 0x40220000 &&
	      fr.bank[1].start + fr.bank[1].size == 0x50000000);
	CHECK(fr.bank[2].start == 0x51000000 &&
	      fr.bank[2].start + fr.bank[2].size == 0xbff00000);
	free(fdt);
}

static const char *cmdline_of(void *fdt)
{
	static struct bootinfo bi;

	memset(&bi, 0, sizeof(bi));
	CHECK(bootfdt_scan(fdt, &bi) == NULL);
	return bootfdt_xen_cmdline(fdt, &bi);
}

/* docs/misc/arm/device-tree/booting.txt: who owns plain `bootargs`. */
static void test_cmdline_rules(void)
{
	void *fdt = virt_tree();
	int chosen = fdt_path_offset(fdt, "/chosen");
	static const char k[] = "multiboot,kernel\0multiboot,module";
	int kern;

	CHECK_STR(cmdline_of(fdt), "");
	DTB_STRS(fdt, chosen, "bootargs", "plain");
	CHECK_STR(cmdline_of(fdt), "");		/* dom0's: nothing else for it */
	chosen = fdt_path_offset(fdt, "/chosen");
	kern = add_module(fdt, "/chosen", "module@4a000000", k, sizeof(k), 0x4a000000);
	DTB_STRS(fdt, kern, "bootargs", "root=/dev/xvda");
	CHECK_STR(cmdline_of(fdt), "plain");	/* the kernel has its own */
	free(fdt);

	fdt = virt_tree();
	chosen = fdt_path_offset(fdt, "/chosen");
	DTB_STRS(fdt, chosen, "bootargs", "plain");
	DTB_STRS(fdt, chosen, "xen,dom0-bootargs", "console=hvc0");
	CHECK_STR(cmdline_of(fdt), "plain");
	chosen = fdt_path_offset(fdt, "/chosen");
	DTB_STRS(fdt, chosen, "xen,xen-bootargs", "dtuart=serial0");
	CHECK_STR(cmdline_of(fdt), "dtuart=serial0");
	free(fdt);
}

static void test_print(void)
{
	struct bootinfo bi = { 0 };

	bi.mem.nr = 1;
	bi.mem.bank[0] = (struct membank){ 0x40000000, 0x80000000 };
	bootinfo_add_module(&bi, BOOTMOD_XEN, 0x40200000, 0x200000, -1);
	bootinfo_add_module(&bi, BOOTMOD_FDT, 0x48000000, 0x100000, -1);
	bootinfo_add_module(&bi, BOOTMOD_KERNEL, 0x4a000000, 0x23f0000, -1);
	console_attach(&host_capture_uart, 0);
	host_console_clear();
	bootinfo_print(&bi);
	CHECK_STR(host_console_text(),
		  "(XEN) RAM: 0000000040000000 - 00000000bfffffff\n"
		  "(XEN) \n"
		  "(XEN) MODULE[0]: 0000000040200000 - 0000000040400000 Xen\n"
		  "(XEN) MODULE[1]: 0000000048000000 - 0000000048100000 Device Tree\n"
		  "(XEN) MODULE[2]: 000000004a000000 - 000000004c3f0000 Kernel\n"
		  "(XEN) \n");
}

int main(void)
{
	test_virt_modules();
	test_unlabelled_and_inherited_cells();
	test_depth_and_domains();
	test_errors();
	test_reserved_and_free_ram();
	test_cmdline_rules();
	test_print();
	return check_result("test-bootfdt");
}
