// SPDX-License-Identifier: GPL-2.0-only
/*
 * GICv3 virtual CPU interface (Arm IHI 0069, 12.5): list registers,
 * ICH_VMCR/ICH_HCR and the active-priority registers of the vCPU running
 * on this pCPU, saved and restored with it. Injected interrupts are
 * purely virtual (no HW link): physical interrupts the hypervisor takes
 * for a guest (its virtual timer) are deactivated by us.
 */
#include <asm/sysregs.h>
#include <asm/vgic.h>
#include <xen/console.h>

#define ICH_AP0R0_EL2 S3_4_C12_C8_0
#define ICH_AP0R1_EL2 S3_4_C12_C8_1
#define ICH_AP0R2_EL2 S3_4_C12_C8_2
#define ICH_AP0R3_EL2 S3_4_C12_C8_3
#define ICH_AP1R0_EL2 S3_4_C12_C9_0
#define ICH_AP1R1_EL2 S3_4_C12_C9_1
#define ICH_AP1R2_EL2 S3_4_C12_C9_2
#define ICH_AP1R3_EL2 S3_4_C12_C9_3
#define ICH_HCR_EL2 S3_4_C12_C11_0
#define ICH_VTR_EL2 S3_4_C12_C11_1
#define ICH_VMCR_EL2 S3_4_C12_C11_7
#define LR_STATE_PENDING (1ULL << 62)
#define LR_STATE_MASK (3ULL << 62)
#define LR_HW (1ULL << 61)
#define LR_GROUP1 (1ULL << 60)
#define LR_PRIO (0xa0ULL << 48)
#define HCR_EN 1ULL
#define HCR_UIE 2ULL

static uint64_t read_lr(unsigned int n)
{
	switch (n) {
	case 0: return READ_SYSREG(S3_4_C12_C12_0);
	case 1: return READ_SYSREG(S3_4_C12_C12_1);
	case 2: return READ_SYSREG(S3_4_C12_C12_2);
	case 3: return READ_SYSREG(S3_4_C12_C12_3);
	default: return 0;
	}
}

static void write_lr(unsigned int n, uint64_t v)
{
	switch (n) {
	case 0: WRITE_SYSREG(S3_4_C12_C12_0, v); break;
	case 1: WRITE_SYSREG(S3_4_C12_C12_1, v); break;
	case 2: WRITE_SYSREG(S3_4_C12_C12_2, v); break;
	case 3: WRITE_SYSREG(S3_4_C12_C12_3, v); break;
	default: break;
	}
}

/*
 * ICH_VTR_EL2 is read once: it is constant, and every read is slow under
 * an emulator (QEMU serialises GIC register accesses), while the counts
 * below are needed on every injection and context switch.
 */
static uint64_t vtr(void)
{
	static uint64_t cached;

	if (!cached)
		cached = READ_SYSREG_E(ICH_VTR_EL2) | (1ULL << 63);	/* bit 63: read */
	return cached;
}

/* We use at most 4 LRs (every implementation has at least 4). */
static unsigned int nr_lrs(void)
{
	unsigned int n = (unsigned int)(vtr() & 0x1f) + 1;

	return n < VGIC_MAX_LRS ? n : VGIC_MAX_LRS;
}

/* ICH_VTR_EL2.PREbits (28:26) + 1 preemption bits: 5 -> 1 APR, 6 -> 2, 7 -> 4. */
static unsigned int nr_aprs(void)
{
	unsigned int pre = (unsigned int)((vtr() >> 26) & 7) + 1;

	return pre >= 7 ? 4 : pre == 6 ? 2 : 1;
}

static void save_aprs(struct vgic_hw_ctxt *c, unsigned int n)
{
	c->apr0[0] = (uint32_t)READ_SYSREG_E(ICH_AP0R0_EL2);
	c->apr1[0] = (uint32_t)READ_SYSREG_E(ICH_AP1R0_EL2);
	if (n < 2)
		return;
	c->apr0[1] = (uint32_t)READ_SYSREG_E(ICH_AP0R1_EL2);
	c->apr1[1] = (uint32_t)READ_SYSREG_E(ICH_AP1R1_EL2);
	if (n < 4)
		return;
	c->apr0[2] = (uint32_t)READ_SYSREG_E(ICH_AP0R2_EL2);
	c->apr1[2] = (uint32_t)READ_SYSREG_E(ICH_AP1R2_EL2);
	c->apr0[3] = (uint32_t)READ_SYSREG_E(ICH_AP0R3_EL2);
	c->apr1[3] = (uint32_t)READ_SYSREG_E(ICH_AP1R3_EL2);
}

static void restore_aprs(const struct vgic_hw_ctxt *c, unsigned int n)
{
	WRITE_SYSREG_E(ICH_AP0R0_EL2, c->apr0[0]);
	WRITE_SYSREG_E(ICH_AP1R0_EL2, c->apr1[0]);
	if (n < 2)
		return;
	WRITE_SYSREG_E(ICH_AP0R1_EL2, c->apr0[1]);
	WRITE_SYSREG_E(ICH_AP1R1_EL2, c->apr1[1]);
	if (n < 4)
		return;
	WRITE_SYSREG_E(ICH_AP0R2_EL2, c->apr0[2]);
	WRITE_SYSREG_E(ICH_AP1R2_EL2, c->apr1[2]);
	WRITE_SYSREG_E(ICH_AP0R3_EL2, c->apr0[3]);
	WRITE_SYSREG_E(ICH_AP1R3_EL2, c->apr1[3]);
}

static void v3_save(struct vgic_hw_ctxt *c)
{
	unsigned int i, n = nr_lrs();

	for (i = 0; i < n; i++)
		c->lr[i] = read_lr(i);
	c->vmcr = READ_SYSREG_E(ICH_VMCR_EL2);
	c->hcr = READ_SYSREG_E(ICH_HCR_EL2);
	save_aprs(c, nr_aprs());
	WRITE_SYSREG_E(ICH_HCR_EL2, 0);
	isb();
}

static void v3_restore(const struct vgic_hw_ctxt *c)
{
	unsigned int i, n = nr_lrs();

	for (i = 0; i < n; i++)
		write_lr(i, c->lr[i]);
	restore_aprs(c, nr_aprs());
	WRITE_SYSREG_E(ICH_VMCR_EL2, c->vmcr);
	WRITE_SYSREG_E(ICH_HCR_EL2, c->hcr);
	isb();
}

static void v3_reset(struct vgic_hw_ctxt *c)
{
	c->hcr = HCR_EN;
}

static int v3_place(unsigned int virq, unsigned int pirq)
{
	unsigned int i, n = nr_lrs(), slot = n;

	for (i = 0; i < n; i++) {
		uint64_t lr = read_lr(i);

		if (!(lr & LR_STATE_MASK)) {
			if (slot == n)
				slot = i;
		} else if ((lr & 0xffffffffULL) == virq) {
			/* active (being handled): pending again as well, unless
			 * HW-linked (then the physical one is still active) */
			if (!(lr & LR_STATE_PENDING) && !(lr & LR_HW))
				write_lr(i, lr | LR_STATE_PENDING);
			return 0;
		}
	}
	if (slot == n)
		return -1;
	write_lr(slot, LR_STATE_PENDING | LR_GROUP1 | LR_PRIO | virq |
		 (pirq ? LR_HW | ((uint64_t)pirq << 32) : 0));
	return 0;
}

static bool v3_lr_pending(void)
{
	unsigned int i, n = nr_lrs();

	for (i = 0; i < n; i++)
		if (read_lr(i) & LR_STATE_PENDING)
			return true;
	return false;
}

static void v3_maintenance(void)
{
}

static void v3_underflow(bool on)
{
	uint64_t hcr = READ_SYSREG_E(ICH_HCR_EL2);
	uint64_t want = on ? hcr | HCR_UIE : hcr & ~HCR_UIE;

	if (want != hcr)
		WRITE_SYSREG_E(ICH_HCR_EL2, want);
}

const struct vgic_hw_ops vgic_v3_hw_ops = {
	.hw_link = true,
	.maintenance = v3_maintenance,
	.save = v3_save,
	.restore = v3_restore,
	.reset = v3_reset,
	.place = v3_place,
	.lr_pending = v3_lr_pending,
	.underflow = v3_underflow,
};
