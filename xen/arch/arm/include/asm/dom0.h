/* SPDX-License-Identifier: GPL-2.0-only */
/* Building dom0: its memory, kernel, initrd and device tree (domain_build.c, dom0_fdt.c). */
#ifndef ASM_ARM_DOM0_H
#define ASM_ARM_DOM0_H

#include <xen/bootinfo.h>
#include <xen/cmdline.h>
#include <xen/domain.h>

#define DOM0_DEFAULT_MEM (512ULL << 20)
#define DOM0_FDT_MAX (2U << 20)
#define DOM0_GNTTAB_SIZE (16ULL << 20)
/* Xen's event-channel upcall PPI for dom0 on Arm: PPI 15 = INTID 31. */
#define DOM0_EVTCHN_PPI 15

struct dom0_layout {
	paddr_t ram, ram_size;
	paddr_t kernel_entry;
	paddr_t initrd, initrd_size;
	paddr_t fdt;
	unsigned int nr_vcpus;
	paddr_t gnttab;		/* host RAM not given to dom0: a hole in its space */
	const char *bootargs;
	const char *hyp_uart_path;	/* the hypervisor's UART node, hidden */
};

/*
 * Writes dom0's device tree (derived from the host's) into `buf`.
 * NULL, or a message naming what could not be done.
 */
const char *dom0_fdt_build(const void *host_fdt, void *buf, size_t size,
			   const struct dom0_layout *l);

/* Builds dom0 and runs its vCPU 0 on this CPU; FATAL if it cannot. */
void construct_and_run_dom0(const void *fdt, const struct bootinfo *bi,
			    const struct xen_options *opts, const char *uart_path,
			    paddr_t uart_base) __noreturn;

#endif
