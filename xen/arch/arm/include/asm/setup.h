/* SPDX-License-Identifier: GPL-2.0-only */
/* ARM boot: what head.S calls, and what the ISA directories provide. */
#ifndef ASM_ARM_SETUP_H
#define ASM_ARM_SETUP_H

#include <xen/types.h>

/* Largest DTB we accept and map (Xen's limit too). */
#define FDT_MAX_SIZE (2U << 20)

/* Linker-script symbols: the image in memory, including .bss. */
extern char _start[], _end[];

/* From head.S with the MMU off: early console, boot page tables. */
paddr_t boot_early(paddr_t fdt_paddr);
/* From head.S when entered in the wrong mode (not EL2 / Hyp). */
void boot_wrong_mode(unsigned long mode) __noreturn;
/* From head.S with the MMU on. */
void start_xen(paddr_t fdt_paddr) __noreturn;

struct bootinfo;

/* Page tables (pt.c): identity maps, RAM we know of Normal WB. */
paddr_t pt_build_boot(paddr_t img_start, paddr_t img_end, paddr_t fdt);
paddr_t pt_build_runtime(const struct bootinfo *bi);

/* Power off through PSCI or the board's controller (poweroff.c). */
void machine_power_off(const void *fdt) __noreturn;

/*
 * GIC and timer (time.c on arm64; arm32 has none yet): set up on the boot
 * CPU, on each secondary, and the boot-time check that every CPU takes
 * its timer interrupt and an SGI.
 */
void interrupts_init(const void *fdt);
void interrupts_cpu_init(void);
void interrupts_check(void);

/* ISA-specific (arm64/, arm32/). */
/* Can this build run dom0 (arm64: yes; arm32: not yet)? */
bool arch_runs_guests(void);
void arch_smc_call(unsigned long fid);
/* Make `root` the EL2 / Hyp translation table (same mappings for us). */
void arch_switch_page_tables(paddr_t root);
const char *arch_mode_name(unsigned long mode);

#endif
