// SPDX-License-Identifier: GPL-2.0-only
/*
 * Guest debug HVCs (HVC #0xffXX), the messages of Xen's debug builds:
 *   0xffe0-0xffef  "DOMn: Rk = 0x<xk> at 0x<pc>"
 *   0xfffd         "DOMn: Reached <pc>"
 *   0xfffe         x0's low byte, raw (a guest's earliest console)
 *   0xffff         "DOMn: DEBUG" and every register
 * Xen compiles them only into debug builds; ours always has them (our
 * console is a development tool; a non-debug Xen injects an undefined
 * instruction instead), see docs/hypervisor.md. Nothing here trusts the
 * guest beyond printing its own registers.
 */
#include <xen/debug_trap.h>
#include <xen/console.h>

static void dump_registers(unsigned int domid, const uint64_t x[31], uint64_t pc)
{
	unsigned int i;

	printk("DOM%u: DEBUG\n", domid);
	printk("     PC: %016llx\n", (unsigned long long)pc);
	for (i = 0; i + 1 < 31; i += 2)
		printk("    X%-2u: %016llx X%-2u: %016llx\n", i, (unsigned long long)x[i],
		       i + 1, (unsigned long long)x[i + 1]);
	printk("    X30: %016llx\n", (unsigned long long)x[30]);
}

void debug_trap(unsigned int domid, unsigned int code, const uint64_t x[31], uint64_t pc)
{
	if (code >= 0xe0 && code <= 0xef)
		printk("DOM%u: R%u = 0x%016llx at 0x%016llx\n", domid, code - 0xe0,
		       (unsigned long long)x[code - 0xe0], (unsigned long long)pc);
	else if (code == 0xfd)
		printk("DOM%u: Reached %016llx\n", domid, (unsigned long long)pc);
	else if (code == 0xfe)
		printk("%c", (char)(x[0] & 0xff));
	else if (code == 0xff)
		dump_registers(domid, x, pc);
	else
		printk("DOM%u: Unhandled debug trap 0x%x\n", domid, code);
}
