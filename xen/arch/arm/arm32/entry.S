/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Hyp-mode exception vectors (HVBAR, Arm ARM B1.8.1): 8 words. Any
 * exception is unexpected at this stage: save r0-r12 and lr, let
 * do_unexpected() print them with HSR/HDFAR/HIFAR/ELR_hyp, then halt.
 */
	.arm
	.text
	.balign	32
	.global	hyp_vectors
hyp_vectors:
	b	trap_0
	b	trap_1
	b	trap_2
	b	trap_3
	b	trap_4
	b	trap_5
	b	trap_6
	b	trap_7

	.macro	trap n
trap_\n:
	push	{r0-r12, lr}
	mov	r0, sp
	mov	r1, #\n
	b	trap_common
	.endm

	trap	0
	trap	1
	trap	2
	trap	3
	trap	4
	trap	5
	trap	6
	trap	7

trap_common:
	bl	do_unexpected
	b	arch_halt
