// SPDX-License-Identifier: GPL-2.0-only
/*
 * Versatile Express power-off through the motherboard's system registers
 * (arm,vexpress-sysreg; Motherboard Express uATX TRM, 4.3 "System
 * configuration"): write SYS_CFGCTRL with START | WRITE, function 8
 * (SHUTDOWN), site 0 (motherboard), position 0, device 0.
 */
#include <asm/poweroff.h>
#include <libfdt.h>
#include <xen/device_tree.h>
#include <xen/io.h>

#define SYS_CFGDATA 0xa0
#define SYS_CFGCTRL 0xa4
#define SYS_CFGSTAT 0xa8

#define CFGCTRL_START (1u << 31)
#define CFGCTRL_WRITE (1u << 30)
#define CFGCTRL_FUNC(f) ((uint32_t)(f) << 20)
#define CFGCTRL_SITE(s) ((uint32_t)(s) << 16)
#define CFGCTRL_POSITION(p) ((uint32_t)(p) << 12)
#define CFGCTRL_DEVICE(d) ((uint32_t)(d))

#define CFG_FUNC_SHUTDOWN 8
#define CFG_SITE_MB 0
#define CFGSTAT_COMPLETE (1u << 0)

static paddr_t sysreg_base;

static const char *vexpress_prepare(const void *fdt)
{
	int node = fdt_node_offset_by_compatible(fdt, -1, "arm,vexpress-sysreg");
	const char *why;

	if (node < 0)
		return "no Versatile Express system registers (arm,vexpress-sysreg)";
	if (dt_device_addr(fdt, node, 0, &sysreg_base, &why))
		return why;
	return NULL;
}

static void vexpress_off(void)
{
	int spin;

	writel(0, sysreg_base + SYS_CFGDATA);
	writel(0, sysreg_base + SYS_CFGSTAT);
	writel(CFGCTRL_START | CFGCTRL_WRITE | CFGCTRL_FUNC(CFG_FUNC_SHUTDOWN) |
	       CFGCTRL_SITE(CFG_SITE_MB) | CFGCTRL_POSITION(0) | CFGCTRL_DEVICE(0),
	       sysreg_base + SYS_CFGCTRL);
	for (spin = 0; spin < 1000000; spin++)
		if (readl(sysreg_base + SYS_CFGSTAT) & CFGSTAT_COMPLETE)
			break;
	/*
	 * "Complete" only means the controller took the request: the board
	 * goes off a moment later (QEMU stops the machine asynchronously).
	 * Give it time before the caller reports that we are still running.
	 */
	for (spin = 0; spin < 5000000; spin++)
		(void)readl(sysreg_base + SYS_CFGSTAT);
}

const struct poweroff_method vexpress_poweroff = {
	.name = "Versatile Express SYS_CFG shutdown",
	.prepare = vexpress_prepare,
	.off = vexpress_off,
};
