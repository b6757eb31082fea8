// SPDX-License-Identifier: GPL-2.0-only
/*
 * A tiny arm64 "kernel" (Image header, MMU off) for e2e debug-hvc-virt64:
 * it prints "hvc-ok\n" one character at a time with HVC #0xfffe, shows x1
 * with HVC #0xffe1, marks its place with HVC #0xfffd, dumps its registers
 * with HVC #0xffff, tries an unknown code (HVC #0xff42), then asks for
 * PSCI SYSTEM_OFF (SMCCC over HVC #0).
 */
	.text
	.globl	_start
_start:
	b	entry			// code0
	.long	0			// code1
	.quad	0			// text_offset
	.quad	image_end - _start	// image_size
	.quad	0xa			// flags: little endian, 4K pages
	.quad	0, 0, 0			// res2-res4
	.ascii	"ARM\x64"		// magic
	.long	0			// res5

entry:
	adr	x9, message
1:	ldrb	w0, [x9], #1
	cbz	w0, 2f
	hvc	#0xfffe
	b	1b
2:	movz	x1, #0xabcd
	movk	x1, #0x1234, lsl #16
	hvc	#0xffe1
	hvc	#0xfffd
	movz	x7, #0x7777
	hvc	#0xffff
	hvc	#0xff42
	movz	x0, #0x0008
	movk	x0, #0x8400, lsl #16	// PSCI_0_2_FN_SYSTEM_OFF
	hvc	#0
3:	wfi
	b	3b

message:
	.asciz	"hvc-ok\n"
	.balign	8
image_end:
