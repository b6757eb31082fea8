/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * EL2 exception vectors (Arm ARM D1.10.2): 16 entries of 128 bytes. Each
 * saves x0-x30, ELR_EL2 and SPSR_EL2 in a frame (struct cpu_regs) and
 * calls trap_dispatch(frame, vector); if that returns, the frame is
 * restored and we return with eret. The dispatcher decides what is
 * unexpected (it prints the frame and halts).
 */
#define FRAME_SIZE (34 * 8)
#define FRAME_ELR (31 * 8)

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
	mrs	x0, elr_el2
	mrs	x1, spsr_el2
	stp	x0, x1, [sp, #FRAME_ELR]
	mov	x0, sp
	mov	x1, #\n
	b	trap_common
	.endm

	/* with the C side of every exit (__hot_text, xen/types.h) */
	.section .text.hot, "ax"
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
	bl	trap_dispatch
restore_frame:
	ldp	x0, x1, [sp, #FRAME_ELR]
	msr	elr_el2, x0
	msr	spsr_el2, x1
	ldp	x0, x1, [sp, #0]
	ldp	x2, x3, [sp, #16]
	ldp	x4, x5, [sp, #32]
	ldp	x6, x7, [sp, #48]
	ldp	x8, x9, [sp, #64]
	ldp	x10, x11, [sp, #80]
	ldp	x12, x13, [sp, #96]
	ldp	x14, x15, [sp, #112]
	ldp	x16, x17, [sp, #128]
	ldp	x18, x19, [sp, #144]
	ldp	x20, x21, [sp, #160]
	ldp	x22, x23, [sp, #176]
	ldp	x24, x25, [sp, #192]
	ldp	x26, x27, [sp, #208]
	ldp	x28, x29, [sp, #224]
	ldr	x30, [sp, #240]
	add	sp, sp, #FRAME_SIZE
	eret

/*
 * x0 = a frame at the top of this CPU's stack: make it the stack and
 * "return" into the guest it describes. Later traps push their frame at
 * the same place, so the stack never grows while a guest runs.
 */
	.global	return_to_guest
return_to_guest:
	mov	sp, x0
	b	restore_frame

/*
 * x0 = the guest frame at the top of this CPU's stack, x1 = a function
 * that never returns: call it with the frame as argument and the stack
 * just below the frame (the scheduler's first entry on each CPU).
 */
	.global	call_below_frame
call_below_frame:
	mov	sp, x0
	br	x1
