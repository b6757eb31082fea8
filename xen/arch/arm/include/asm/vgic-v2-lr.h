/* SPDX-License-Identifier: GPL-2.0-only */
/* GICv2 list registers in the GICH frame (vgic-v2.c). */
#ifndef ASM_VGIC_V2_LR_H
#define ASM_VGIC_V2_LR_H

void vgic_v2_lr_enable(void);
/* As vgic_lr_inject() for GICv3: `pirq` != 0 sets the HW link. 0 or -1. */
int vgic_v2_lr_inject(unsigned int virq, unsigned int pirq);

#endif
