// SPDX-License-Identifier: GPL-2.0-only
/*
 * The boot sequence after head.S: check the DTB, read it, start the
 * console on the dtuart UART, print what was found, power off. Each
 * failure is a FATAL line that says what is wrong and what to do.
 */
#include <asm/isa.h>
#include <asm/dom0.h>
#include <asm/hypercall.h>
#include <asm/setup.h>
#include <asm/smp.h>
#include <libfdt.h>
#include <xen/bootinfo.h>
#include <xen/cmdline.h>
#include <xen/console.h>
#include <xen/dtuart.h>
#include <xen/lib.h>
#include <xen/mm.h>
#include <xen/smp.h>
#include <xen/version.h>

static struct bootinfo bootinfo;
static struct xen_options options;
static const void *host_fdt;
static struct dtuart hyp_uart;
static char hyp_uart_path[256];

paddr_t boot_early(paddr_t fdt_paddr)
{
	early_console_init();
	return pt_build_boot((paddr_t)(uintptr_t)_start,
			     (paddr_t)(uintptr_t)_end, fdt_paddr);
}

void boot_wrong_mode(unsigned long mode)
{
	early_console_init();
	fatal("entered in %s; the hypervisor must be entered in %s (QEMU: -machine ...,virtualization=on; vexpress-a15 also secure=off)",
	      arch_mode_name(mode), arch_mode_name(~0UL));
}

static const void *check_fdt(paddr_t fdt_paddr)
{
	const void *fdt = (const void *)(uintptr_t)fdt_paddr;
	const char *why;

	if (!fdt_paddr)
		why = "null address";
	else if (fdt_paddr & 7)
		why = "not 8-byte aligned";
	else
		why = bootfdt_check(fdt);
	if (why)
		fatal("no usable device tree: %s = 0x%016llx does not point at a flattened device tree (libfdt: %s); pass one with QEMU -dtb or U-Boot booti/bootz <kernel> - <fdt>",
		      ARCH_DTB_REG, (unsigned long long)fdt_paddr, why);
	if (fdt_totalsize(fdt) > FDT_MAX_SIZE)
		fatal("the device tree at 0x%016llx is %u bytes; at most %u are supported",
		      (unsigned long long)fdt_paddr, fdt_totalsize(fdt), FDT_MAX_SIZE);
	return fdt;
}

/* The UART named by dtuart= (or stdout-path) becomes the console. */
static void console_setup(const void *fdt)
{
	struct dtuart uart;
	const char *err;

	if (!cmdline_list_has(options.console, "dtuart"))
		return;
	err = dtuart_resolve(fdt, options.dtuart, &uart);
	if (err) {
		/* Say so on stdout-path's UART if there is no early console. */
		if (!console_uart() && !dtuart_resolve(fdt, "", &uart))
			console_attach(uart.ops, uart.base);
		fatal("%s", err);
	}
	console_attach(uart.ops, uart.base);
	hyp_uart = uart;
	if (fdt_get_path(fdt, uart.node, hyp_uart_path, sizeof(hyp_uart_path)))
		hyp_uart_path[0] = '\0';
}

/*
 * Before a FATAL about the DT contents: find some UART to say it on (the
 * dtuart the command line names, else stdout-path) unless one is up.
 */
static void console_best_effort(const void *fdt)
{
	struct dtuart uart;

	if (console_uart())
		return;
	cmdline_parse(bootfdt_xen_cmdline(fdt, &bootinfo), &options);
	if (!dtuart_resolve(fdt, options.dtuart, &uart) ||
	    !dtuart_resolve(fdt, "", &uart))
		console_attach(uart.ops, uart.base);
}

static void read_boot_info(const void *fdt, paddr_t fdt_paddr)
{
	const char *err;

	bootinfo_add_module(&bootinfo, BOOTMOD_XEN, (uintptr_t)_start,
			    _end - _start, -1);
	bootinfo_add_module(&bootinfo, BOOTMOD_FDT, fdt_paddr,
			    fdt_totalsize(fdt), -1);
	err = bootfdt_scan(fdt, &bootinfo);
	if (err) {
		console_best_effort(fdt);
		fatal("%s", err);
	}
	arch_switch_page_tables(pt_build_runtime(&bootinfo));
}

static void check_dom0_kernel(void)
{
	if (!bootinfo_find(&bootinfo, BOOTMOD_KERNEL))
		fatal("no dom0 kernel: no /chosen node with compatible \"multiboot,kernel\" or \"xen,linux-zimage\", and no unlabelled \"multiboot,module\"/\"xen,multiboot-module\"; add the kernel as a boot module (QEMU: -device loader plus a /chosen/module node)");
}

/*
 * Free RAM to the page allocator, clipped to what the runtime table maps
 * Normal: each bank rounded in to 2 MiB, within the table's reach.
 */
static void heap_add_clipped(paddr_t s, paddr_t e)
{
	paddr_t reach = (paddr_t)PT_ROOT_ENTRIES << 30;
	unsigned int i;

	for (i = 0; i < bootinfo.mem.nr; i++) {
		const struct membank *b = &bootinfo.mem.bank[i];
		paddr_t bs = ROUNDUP(b->start, 2ULL << 20);
		paddr_t be = ROUNDDOWN(b->start + b->size, 2ULL << 20);

		bs = bs > s ? bs : s;
		be = be < e ? be : e;
		be = be < reach ? be : reach;
		if (bs < be)
			page_alloc_add_range(bs, be);
	}
}

static void heap_init(void)
{
	static struct meminfo free_ram;
	unsigned int i, n = bootinfo_free_ram(&bootinfo, &free_ram);

	for (i = 0; i < n; i++)
		heap_add_clipped(free_ram.bank[i].start,
				 free_ram.bank[i].start + free_ram.bank[i].size);
	if (!page_alloc_total())
		fatal("no free RAM for the heap: every RAM bank is taken by modules or reserved ranges");
	printk("Heap: %lu MiB free\n", page_alloc_free_count() >> (20 - PAGE_SHIFT));
}

void hypervisor_power_off(void)
{
	machine_power_off(host_fdt);
}

void hypervisor_reset(void)
{
	printk("Resetting (PSCI SYSTEM_RESET)\n");
	psci_system_reset();
	machine_power_off(host_fdt);
}

void start_xen(paddr_t fdt_paddr)
{
	const void *fdt;
	const char *cmdline, *err;

	print_banner();
	fdt = host_fdt = check_fdt(fdt_paddr);
	read_boot_info(fdt, fdt_paddr);
	cmdline = bootfdt_xen_cmdline(fdt, &bootinfo);
	err = cmdline_parse(cmdline, &options);
	console_setup(fdt);
	printk("Command line: %s\n", cmdline);
	if (err)
		printk("Warning: %s\n", err);
	bootinfo_print(&bootinfo);
	check_dom0_kernel();
	heap_init();
	smp_boot_cpu_init();
	interrupts_init(fdt);
	smp_bring_up(fdt);
	interrupts_check();
	console_input_init(fdt, hyp_uart.ops ? &hyp_uart : NULL);
	if (!strncmp(options.xa_dom0, "off", 4))
		printk("dom0: not started (xa_dom0=off)\n");
	else if (!arch_runs_guests())
		printk("dom0: not supported on this architecture yet; not started\n");
	else
		construct_and_run_dom0(fdt, &bootinfo, &options,
				       hyp_uart_path[0] ? hyp_uart_path : NULL, hyp_uart.base);
	machine_power_off(fdt);
}
