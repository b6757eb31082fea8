/* SPDX-License-Identifier: GPL-2.0-only */
/* GICv3 list registers of this CPU (arm64/vgic-lr.c). */
#ifndef ASM_VGIC_LR_H
#define ASM_VGIC_LR_H

/* Turn the virtual CPU interface on (ICH_HCR_EL2.En) before entering a guest. */
void vgic_lr_enable(void);
/*
 * Make `virq` pending for the running vCPU; `pirq` != 0 links it to that
 * physical INTID (the guest's EOI deactivates it). 0, or -1 if every
 * list register is busy.
 */
int vgic_lr_inject(unsigned int virq, unsigned int pirq);

#endif
