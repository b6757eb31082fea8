/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * EL2 exception vectors (Arm ARM D1.10.2): 16 entries of 128 bytes. Any
 * exception is unexpected at this stage: save x0-x30 in a frame and let
 * do_unexpected() print it, then halt.
 */
#define FRAME_SIZE (32 * 8)

	.macro	ventry n
	.balign	128
	sub	sp, sp, #FRAME_SIZE
	stp	x0, x1, [sp, #0]
	stp	x2, x3, [sp, #16]
	stp	x4, x5, [sp, #32]
	stp	x6, x7, [sp, #48]
	stp	x8, x9, [sp, #64]
	stp	x10, x11, [sp, #80]
	stp	x12, x13, [sp, #96]
	stp	x14, x15, [sp, #112]
	stp	x16, x17, [sp, #128]
	stp	x18, x19, [sp, #144]
	stp	x20, x21, [sp, #160]
	stp	x22, x23, [sp, #176]
	stp	x24, x25, [sp, #192]
	stp	x26, x27, [sp, #208]
	stp	x28, x29, [sp, #224]
	str	x30, [sp, #240]
	mov	x0, sp
	mov	x1, #\n
	b	trap_common
	.endm

	.text
	.balign	2048
	.global	hyp_vectors
hyp_vectors:
	ventry	0
	ventry	1
	ventry	2
	ventry	3
	ventry	4
	ventry	5
	ventry	6
	ventry	7
	ventry	8
	ventry	9
	ventry	10
	ventry	11
	ventry	12
	ventry	13
	ventry	14
	ventry	15

trap_common:
	bl	do_unexpected
	b	arch_halt
