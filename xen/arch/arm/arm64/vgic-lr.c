// SPDX-License-Identifier: GPL-2.0-only
/*
 * GICv3 list registers (Arm IHI 0069, 12.5): how a virtual interrupt
 * reaches the vCPU running on this CPU. A physical interrupt handed to
 * the guest can go in with the HW bit (the guest's deactivation then also
 * deactivates the physical one); purely virtual ones (event-channel
 * upcall, virtual timer, SGIs) without it.
 */
#include <asm/sysregs.h>
#include <asm/vgic-lr.h>
#include <xen/console.h>

#define ICH_HCR_EL2 S3_4_C12_C11_0
#define ICH_VTR_EL2 S3_4_C12_C11_1
#define ICH_ELRSR_EL2 S3_4_C12_C11_5
#define LR_STATE_PENDING (1ULL << 62)
#define LR_HW (1ULL << 61)
#define LR_GROUP1 (1ULL << 60)
#define LR_PRIO (0xa0ULL << 48)

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

/* We use at most 4 LRs (every implementation has at least 4). */
static unsigned int nr_lrs(void)
{
	unsigned int n = (unsigned int)(READ_SYSREG_E(ICH_VTR_EL2) & 0x1f) + 1;

	return n < 4 ? n : 4;
}

void vgic_lr_enable(void)
{
	WRITE_SYSREG_E(ICH_HCR_EL2, 1);		/* En */
	isb();
}

int vgic_lr_inject(unsigned int virq, unsigned int pirq)
{
	uint64_t empty = READ_SYSREG_E(ICH_ELRSR_EL2);
	unsigned int i, n = nr_lrs(), slot = n;

	for (i = 0; i < n; i++) {
		if (empty & (1ULL << i)) {
			if (slot == n)
				slot = i;
		} else if ((read_lr(i) & 0xffffffffULL) == virq) {
			/* Already there: if the guest has acknowledged it
			 * (active), make it active and pending, so a new
			 * occurrence is not lost (virtual ones only). */
			if (!(read_lr(i) & LR_HW))
				write_lr(i, read_lr(i) | LR_STATE_PENDING);
			return 0;
		}
	}
	if (slot == n)
		return -1;
	write_lr(slot, LR_STATE_PENDING | LR_GROUP1 | LR_PRIO | virq |
		 (pirq ? LR_HW | ((uint64_t)pirq << 32) : 0));
	isb();
	return 0;
}
