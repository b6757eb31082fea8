// SPDX-License-Identifier: GPL-2.0-only
/*
 * The Arm side of a toolstack-created domain (domU): its vGIC at Xen's
 * guest addresses (GICv3: GICD 0x03001000, GICR 0x03020000; xen-arm-abi
 * §7.4), its vCPUs' affinity registers and initial state, the register
 * context the toolstack sets and reads (vcpu_guest_context), and the host
 * facts domctl/sysctl report (GIC version, CPUs, counter frequency).
 */
#include <asm/gic.h>
#include <asm/smp.h>
#include <asm/vgic.h>
#include <public/domctl.h>
#include <xen/domain.h>
#include <xen/lib.h>
#include <xen/mm.h>
#include <xen/percpu.h>
#include <xen/xmalloc.h>

#define PSR_MODE_MASK 0x1f
#define PSR_MODE_32BIT 0x10

unsigned int arch_gic_version(void)
{
	return strncmp(gic_name(), "GICv3", 6) ? XEN_DOMCTL_CONFIG_GIC_V2 : XEN_DOMCTL_CONFIG_GIC_V3;
}

/* The host DT's timer clock-frequency is not kept: CNTFRQ is right on
 * every board we run, so the guest reads it there. */
uint32_t arch_timer_dt_frequency(void)
{
	return 0;
}

unsigned int arch_nr_cpus(void)
{
	return cpus_online();
}

uint32_t arch_cpu_khz(void)
{
	return (uint32_t)(arch_counter_freq() / 1000);
}

/* The vGIC the host has (check_gic refuses the other), at Xen's guest map. */
int arch_domain_create(struct domain *d, const struct domain_config *cfg)
{
	if (cfg->arch.gic_version == XEN_DOMCTL_CONFIG_GIC_V2)
		return vgic_v2_domu_init(d, GUEST_GICD_BASE, GUEST_GICC_BASE,
					 32 + cfg->arch.nr_spis);
	return vgic_v3_init(d, GUEST_GICV3_GICD_BASE, GUEST_GICV3_GICR0_BASE,
			    32 + cfg->arch.nr_spis);
}

/* The vGIC's allocations: the distributor (region 0's priv) with its
 * per-IRQ arrays, and the redistributor record (the other regions). */
void arch_domain_destroy(struct domain *d)
{
	struct vgic_dist *dist = d->arch.vgic;
	unsigned int i;

	for (i = 0; i < d->mmio.nr; i++)
		if (d->mmio.region[i].priv != dist)
			xfree(d->mmio.region[i].priv);
	d->mmio.nr = 0;
	if (!dist)
		return;
	for (i = 0; i < MAX_VCPUS; i++)
		xfree(dist->cpu[i]);
	xfree(dist->spi);
	xfree(dist);
	d->arch.vgic = NULL;
}

/* AArch64 guests: EL0t, EL1t or EL1h; AArch32: any mode with M[4] set
 * but Hyp (0x1a) and Monitor (0x16). */
static bool valid_psr(const struct domain *d, uint64_t cpsr)
{
	unsigned int mode = cpsr & PSR_MODE_MASK;

	if (d->address_size == 64)
		return mode == 0x0 || mode == 0x4 || mode == 0x5;
	return (mode & PSR_MODE_32BIT) && mode != 0x1a && mode != 0x16;
}

int arch_check_vcpu_context(const struct vcpu *v, const struct vcpu_guest_context *c)
{
	return valid_psr(v->domain, c->user_regs.cpsr) ? 0 : -1;
}

void arch_get_vcpu_context(const struct vcpu *v, struct vcpu_guest_context *c)
{
	struct vcpu_guest_core_regs *r = &c->user_regs;

	memcpy(r->x, v->arch.regs.x, sizeof(r->x));
	r->pc64 = v->arch.regs.elr;
	r->cpsr = v->arch.regs.spsr;
	/* EL1 state as saved when the vCPU left its pCPU (xenctx shows it). */
	r->sp_el0 = v->arch.el1.sp_el0;
	r->sp_el1 = v->arch.el1.sp_el1;
	r->elr_el1 = v->arch.el1.elr;
	r->spsr_el1 = v->arch.el1.spsr;
	c->sctlr = v->arch.el1.sctlr;
	c->ttbcr = v->arch.el1.tcr;
	c->ttbr0 = v->arch.el1.ttbr0;
	c->ttbr1 = v->arch.el1.ttbr1;
}

/* The toolstack wrote the guest's kernel/DTB through foreign mappings:
 * clean those lines to the point of coherency (the guest starts with its
 * caches off). */
void arch_domain_cacheflush(struct domain *d, uint64_t gfn, uint64_t nr)
{
	uint64_t i;

	for (i = 0; i < nr; i++) {
		enum p2m_type t;
		mfn_t m = p2m_lookup(&d->p2m, _gfn(gfn + i), &t);

		if (t == P2M_RAM_RW || t == P2M_RAM_RO)
			arch_clean_dcache(maddr_to_virt(mfn_to_maddr(m)), PAGE_SIZE);
	}
}
