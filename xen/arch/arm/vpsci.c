// SPDX-License-Identifier: GPL-2.0-only
/*
 * PSCI 1.1 and SMCCC 1.1 as the guest sees them (Arm DEN 0022, DEN 0028),
 * dispatched by function id from one table. dom0 powering off or
 * resetting the system takes the machine with it, as on Xen.
 */
#include <asm/hypercall.h>
#include <xen/console.h>
#include <xen/domain.h>
#include <xen/lib.h>
#include <xen/sched.h>

#define PSCI_SUCCESS 0
#define PSCI_NOT_SUPPORTED ((uint64_t)-1)
#define PSCI_INVALID_PARAMETERS ((uint64_t)-2)
#define PSCI_ALREADY_ON ((uint64_t)-4)

struct psci_fn {
	uint32_t fid;
	uint64_t (*fn)(struct cpu_regs *regs);
};

static uint64_t psci_version(struct cpu_regs *regs)
{
	return 0x10001;		/* 1.1 */
}

static uint64_t smccc_version(struct cpu_regs *regs)
{
	return 0x10001;		/* 1.1 */
}

static uint64_t migrate_info_type(struct cpu_regs *regs)
{
	return 2;		/* no Trusted OS: migration not required */
}

/* MPIDR affinity -> our vCPU (Aff0 = id, higher levels 0), or NULL. */
static struct vcpu *vcpu_by_mpidr(uint64_t mpidr)
{
	struct domain *d = current_vcpu()->domain;
	uint64_t aff = mpidr & 0xff00ffffffULL;

	return aff < d->nr_vcpus && aff < MAX_VCPUS ? d->vcpu[aff] : NULL;
}

/* AFFINITY_INFO(target, level 0): 0 ON, 1 OFF. */
static uint64_t affinity_info(struct cpu_regs *regs)
{
	struct vcpu *v = vcpu_by_mpidr(regs->x[1]);

	if (!v || regs->x[2])
		return PSCI_INVALID_PARAMETERS;
	return vcpu_is_online(v) ? 0 : 1;
}

/* CPU_ON(target, entry, context): the vCPU starts at `entry` with x0 = context. */
static uint64_t cpu_on(struct cpu_regs *regs)
{
	bool smc32 = !((uint32_t)regs->x[0] & 0x40000000U);
	uint64_t mask = smc32 ? 0xffffffffULL : ~0ULL;
	struct vcpu *v = vcpu_by_mpidr(regs->x[1] & mask);

	if (!v)
		return PSCI_INVALID_PARAMETERS;
	if (vcpu_is_online(v))
		return PSCI_ALREADY_ON;
	vcpu_start(v, regs->x[2] & mask, regs->x[3] & mask);
	return PSCI_SUCCESS;
}

/* CPU_OFF: the caller leaves its pCPU on the way out and never returns. */
static uint64_t cpu_off(struct cpu_regs *regs)
{
	vcpu_stop_current();
	return PSCI_SUCCESS;
}

static uint64_t system_off(struct cpu_regs *regs)
{
	printk("Hardware Dom0 halted: halting machine\n");
	hypervisor_power_off();
}

static uint64_t system_reset(struct cpu_regs *regs)
{
	printk("Hardware Dom0 shutdown: rebooting machine\n");
	hypervisor_reset();
}

static uint64_t psci_features(struct cpu_regs *regs);

static const struct psci_fn psci_fns[] = {
	{ 0x84000000, psci_version },
	{ 0x84000002, cpu_off },
	{ 0x84000003, cpu_on },
	{ 0xc4000003, cpu_on },
	{ 0x84000004, affinity_info },
	{ 0xc4000004, affinity_info },
	{ 0x84000006, migrate_info_type },
	{ 0x84000008, system_off },
	{ 0x84000009, system_reset },
	{ 0x8400000a, psci_features },
	{ 0x80000000, smccc_version },
};

static const struct psci_fn *find_fn(uint32_t fid)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(psci_fns); i++)
		if (psci_fns[i].fid == fid)
			return &psci_fns[i];
	return NULL;
}

static uint64_t psci_features(struct cpu_regs *regs)
{
	uint32_t fid = (uint32_t)regs->x[1];

	if (fid == 0x80000000 || fid == 0x80000001)	/* SMCCC_VERSION, ARCH_FEATURES */
		return fid == 0x80000000 ? PSCI_SUCCESS : PSCI_NOT_SUPPORTED;
	return find_fn(fid) ? PSCI_SUCCESS : PSCI_NOT_SUPPORTED;
}

void do_vpsci(struct cpu_regs *regs)
{
	const struct psci_fn *f = find_fn((uint32_t)regs->x[0]);

	regs->x[0] = f ? f->fn(regs) : PSCI_NOT_SUPPORTED;
}
