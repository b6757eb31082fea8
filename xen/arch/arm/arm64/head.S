/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * AArch64 entry. The image starts with the 64-byte Linux arm64 Image
 * header (Documentation/arm64/booting.rst) so QEMU -kernel and U-Boot
 * booti load it and jump here at EL2 with x0 = DTB, MMU and caches off.
 * The image is linked at 0 as a static PIE: we apply our own
 * R_AARCH64_RELATIVE relocations, so it runs wherever it was put.
 */
#define R_AARCH64_RELATIVE 1027
#define CURRENTEL_EL2 (2 << 2)

#define MAIR_VAL 0xff04		/* attr0 Device-nGnRE, attr1 Normal WB */
/* TCR_EL2: RES1 31,23; SH0 inner; ORGN0/IRGN0 WBWA; T0SZ 25 (39 bits) */
#define TCR_VAL ((1 << 31) | (1 << 23) | (3 << 12) | (1 << 10) | (1 << 8) | 25)
/* SCTLR_EL2: RES1 bits, I, C, M (caches and MMU on, little-endian) */
#define SCTLR_VAL (0x30c50830 | (1 << 12) | (1 << 2) | (1 << 0))
/* CPTR_EL2: RES1 bits, TFP = 0 so FP/SIMD (used by libfdt) does not trap */
#define CPTR_VAL 0x33ff

	.section .text.head, "ax"
	.global _start
_start:
	b	real_start		/* code0 */
	.long	0			/* code1 */
	.quad	0x200000		/* text_offset: RAM base + 2 MiB */
	.quad	_image_size		/* image_size, including .bss */
	.quad	0xa			/* flags: LE, 4K pages, anywhere */
	.quad	0, 0, 0			/* res2..res4 */
	.long	0x644d5241		/* magic "ARM\x64" */
	.long	0			/* no PE/COFF header */

real_start:
	msr	daifset, #0xf
	mov	x19, x0			/* DTB */
	mrs	x20, CurrentEL
	adr	x21, _start		/* load address = link address 0 + x21 */

	adrp	x0, __bss_start
	add	x0, x0, :lo12:__bss_start
	adrp	x1, __bss_end
	add	x1, x1, :lo12:__bss_end
1:	cmp	x0, x1
	b.hs	2f
	str	xzr, [x0], #8
	b	1b

2:	adrp	x0, __rel_start
	add	x0, x0, :lo12:__rel_start
	adrp	x1, __rel_end
	add	x1, x1, :lo12:__rel_end
3:	cmp	x0, x1
	b.hs	4f
	ldp	x2, x3, [x0], #16	/* r_offset, r_info */
	ldr	x4, [x0], #8		/* r_addend */
	cmp	w3, #R_AARCH64_RELATIVE
	b.ne	3b
	add	x4, x4, x21
	str	x4, [x21, x2]
	b	3b

4:	adrp	x0, boot_stack_top
	add	x0, x0, :lo12:boot_stack_top
	mov	sp, x0
	cmp	x20, #CURRENTEL_EL2
	b.ne	wrong_mode

	adrp	x0, hyp_vectors
	add	x0, x0, :lo12:hyp_vectors
	msr	vbar_el2, x0
	mov	x0, #CPTR_VAL
	msr	cptr_el2, x0
	isb

	mov	x0, x19
	bl	boot_early		/* x0 = boot page-table root */
	bl	mmu_on
	mov	x0, x19
	bl	start_xen
	b	arch_halt

wrong_mode:
	mov	x0, x20
	bl	boot_wrong_mode

/*
 * Secondary CPUs (PSCI CPU_ON), at EL2 with the MMU off; x0 = its struct
 * pcpu, whose first field is the stack top. Same EL2 setup as the boot
 * CPU, then the runtime page tables the boot CPU built.
 */
	.global secondary_entry
secondary_entry:
	msr	daifset, #0xf
	mov	x19, x0
	adrp	x0, hyp_vectors
	add	x0, x0, :lo12:hyp_vectors
	msr	vbar_el2, x0
	mov	x0, #CPTR_VAL
	msr	cptr_el2, x0
	isb
	adrp	x0, runtime_ttbr
	ldr	x0, [x0, :lo12:runtime_ttbr]
	bl	mmu_on
	ldr	x0, [x19]
	mov	sp, x0
	msr	tpidr_el2, x19
	mov	x0, x19
	bl	start_secondary
	b	arch_halt

/* x0 = level-1 table. Identity map, so execution continues unchanged. */
mmu_on:
	ldr	x1, =MAIR_VAL
	msr	mair_el2, x1
	mrs	x2, id_aa64mmfr0_el1
	and	x2, x2, #0xf		/* PARange */
	mov	x3, #5			/* TCR.PS tops out at 48 bits here */
	cmp	x2, x3
	csel	x2, x2, x3, ls
	ldr	x1, =TCR_VAL
	orr	x1, x1, x2, lsl #16
	msr	tcr_el2, x1
	msr	ttbr0_el2, x0
	isb
	tlbi	alle2
	dsb	sy
	isb
	ldr	x1, =SCTLR_VAL
	msr	sctlr_el2, x1
	isb
	ret
	.ltorg

	/* page-aligned: every guest exit pushes its frame at the top, which
	 * must not straddle two pages (each one a TLB refill, xen/types.h) */
	.section .bss.stack, "aw", %nobits
	.balign 4096
	.space	16384
	.global	boot_stack_top
boot_stack_top:
