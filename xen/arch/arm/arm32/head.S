/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * AArch32 entry. The image starts with a zImage header (magic 0x016f2818
 * at 0x24, start/end at 0x28/0x2c; start 0 = position independent) so
 * QEMU -kernel and U-Boot bootz start it in Hyp mode with r0 = 0,
 * r1 = machine id, r2 = DTB, MMU and caches off. Linked at 0 as a static
 * PIE: we apply our own R_ARM_RELATIVE relocations first.
 */
#define R_ARM_RELATIVE 23
#define MODE_MASK 0x1f
#define MODE_HYP 0x1a

#define HMAIR0_VAL 0xff04	/* attr0 Device, attr1 Normal WB */
/* HTCR: RES1 31,23; SH0 inner; ORGN0/IRGN0 WBWA; T0SZ 0 (32 bits) */
#define HTCR_VAL 0x80803500
/* HSCTLR: RES1 bits, I, C, M; TE = 0 (exceptions in ARM state) */
#define HSCTLR_VAL (0x30c51878 | (1 << 2) | (1 << 0))
#define HCPTR_TCP10_TCP11_TASE ((1 << 10) | (1 << 11) | (1 << 15))
#define FPEXC_EN (1 << 30)

/*
 * reg = run-time address of sym, PC-relative: the offset is resolved at
 * link time, so this works before and after relocation.
 */
	.macro	adr_l reg, sym
	ldr	\reg, 1001f
1000:	add	\reg, pc, \reg
	b	1002f
1001:	.word	\sym - (1000b + 8)
1002:
	.endm

	.arch_extension virt
	.fpu	vfpv3
	.arm
	.section .text.head, "ax"
	.global _start
_start:
	.rept	8
	mov	r0, r0
	.endr
	b	real_start		/* 0x20 */
	.word	0x016f2818		/* 0x24: zImage magic */
	.word	0			/* 0x28: start (0 = relocatable) */
	.word	_image_size		/* 0x2c: end */
	.word	0x04030201		/* 0x30: little-endian */

real_start:
	cpsid	aif
	mov	r4, r2			/* DTB */
	mrs	r5, cpsr
	and	r5, r5, #MODE_MASK
	adr	r6, _start		/* load address = link address 0 + r6 */

	adr_l	r0, __bss_start
	adr_l	r1, __bss_end
	mov	r2, #0
1:	cmp	r0, r1
	strlo	r2, [r0], #4
	blo	1b

	adr_l	r0, __rel_start
	adr_l	r1, __rel_end
2:	cmp	r0, r1
	bhs	3f
	ldmia	r0!, {r2, r3}		/* r_offset, r_info */
	and	r3, r3, #0xff
	cmp	r3, #R_ARM_RELATIVE
	bne	2b
	ldr	r3, [r6, r2]
	add	r3, r3, r6
	str	r3, [r6, r2]
	b	2b

3:	adr_l	r0, boot_stack_top
	mov	sp, r0
	cmp	r5, #MODE_HYP
	bne	wrong_mode

	adr_l	r0, hyp_vectors
	mcr	p15, 4, r0, c12, c0, 0	/* HVBAR */
	mrc	p15, 4, r0, c1, c1, 2	/* HCPTR: let FP/VFP through */
	bic	r0, r0, #HCPTR_TCP10_TCP11_TASE
	mcr	p15, 4, r0, c1, c1, 2
	isb
	vmrs	r0, fpexc
	orr	r0, r0, #FPEXC_EN
	vmsr	fpexc, r0

	mov	r0, r4
	mov	r1, #0
	bl	boot_early		/* r0:r1 = boot page-table root */
	bl	mmu_on
	mov	r0, r4
	mov	r1, #0
	bl	start_xen
	b	arch_halt

wrong_mode:
	mov	r0, r5
	bl	boot_wrong_mode

/* r0 = level-1 table (below 4 GiB). Identity map: execution continues. */
mmu_on:
	ldr	r2, =HMAIR0_VAL
	mcr	p15, 4, r2, c10, c2, 0	/* HMAIR0 */
	ldr	r2, =HTCR_VAL
	mcr	p15, 4, r2, c2, c0, 2	/* HTCR */
	mov	r1, #0
	mcrr	p15, 4, r0, r1, c2	/* HTTBR */
	isb
	mcr	p15, 4, r0, c8, c7, 0	/* TLBIALLH */
	dsb
	isb
	ldr	r2, =HSCTLR_VAL
	mcr	p15, 4, r2, c1, c0, 0	/* HSCTLR */
	isb
	bx	lr
	.ltorg

	.section .bss.stack, "aw", %nobits
	.balign 16
	.space	16384
boot_stack_top:
