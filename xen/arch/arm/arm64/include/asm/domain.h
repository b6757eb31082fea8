/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * AArch64 vCPU state: the trap frame (entry.S layout) and everything the
 * context switch (arm64/ctxt.c) saves while the vCPU is off its pCPU:
 * EL1 system registers, FP/SIMD, the virtual timer, the GIC's virtual
 * CPU interface, and the virtual interrupts waiting for a list register.
 */
#ifndef ASM_DOMAIN_H
#define ASM_DOMAIN_H

#include <xen/percpu.h>
#include <xen/types.h>

/* entry.S's frame: x0-x30, ELR_EL2, SPSR_EL2, pad to 16 bytes. */
struct cpu_regs {
	uint64_t x[31];
	uint64_t elr;
	uint64_t spsr;
	uint64_t pad;
};

struct el1_ctxt {
	uint64_t sctlr, actlr, cpacr, ttbr0, ttbr1, tcr, mair, amair, vbar;
	uint64_t contextidr, tpidr_el0, tpidrro_el0, tpidr_el1, sp_el0, sp_el1;
	uint64_t elr, spsr, esr, far, afsr0, afsr1, par, cntkctl, csselr, mdscr;
	uint64_t cntv_ctl, cntv_cval;
};

struct fp_ctxt {
	uint64_t q[64];		/* q0-q31 */
	uint64_t fpsr, fpcr;
};

#define VGIC_MAX_LRS 4
#define VGIC_MAX_APRS 4
#define VGIC_NR_INTIDS 1024

/* ICH_* (GICv3) or GICH_* (GICv2; apr0[0] = GICH_APR) of a vCPU. */
struct vgic_hw_ctxt {
	uint64_t lr[VGIC_MAX_LRS];
	uint64_t hcr, vmcr;
	uint32_t apr0[VGIC_MAX_APRS], apr1[VGIC_MAX_APRS];
	/*
	 * HCR.UIE as last set for this vCPU (it travels in `hcr`): every
	 * return to the guest knows it without reading the register, which
	 * is slow to reach (an emulator serialises GIC register accesses).
	 */
	bool uie;
};

struct vgic_dist;

struct arch_domain {
	struct vgic_dist *vgic;
	/* vCPU id + 1 that last ran on each pCPU: another one there needs a TLB flush. */
	uint8_t last_vcpu_ran[NR_CPUS];
};

struct arch_vcpu {
	struct cpu_regs regs;	/* where the guest resumes */
	uint64_t vmpidr;
	struct el1_ctxt el1;
	struct fp_ctxt fp;
	struct vgic_hw_ctxt gic;
	/* Virtual INTIDs raised but not yet in a list register (atomic bit ops). */
	uint64_t pending[VGIC_NR_INTIDS / 64];
};

#endif
