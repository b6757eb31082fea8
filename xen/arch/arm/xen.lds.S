/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * One linker script for both ISAs (run through cpp with ARM64 or ARM32
 * defined). Linked at 0 as a static PIE: head.S adds the load address to
 * every RELATIVE relocation between __rel_start and __rel_end.
 */
#ifdef ARM64
OUTPUT_ARCH(aarch64)
#define DYNREL .rela.dyn
#define DYNREL_IN *(.rela.dyn) *(.rela.*)
#else
OUTPUT_ARCH(arm)
#define DYNREL .rel.dyn
#define DYNREL_IN *(.rel.dyn) *(.rel.*)
#endif
ENTRY(_start)

SECTIONS
{
	. = 0;
	.text : {
		*(.text.head)
		*(.text.hot)
		*(.text .text.*)
	}
	.rodata : { *(.rodata .rodata.*) }
	.ARM.exidx : { *(.ARM.exidx*) }
	. = ALIGN(8);
	/* page-aligned so that the hot tables (__hot_table) share one page */
	.data.rel.ro : ALIGN(4096) {
		*(.data.rel.ro.hot)
		*(.data.rel.ro .data.rel.ro.*)
	}
	.got : { *(.got) *(.got.plt) }
	.data : { *(.data .data.*) }
	. = ALIGN(8);
	DYNREL : {
		__rel_start = .;
		DYNREL_IN
		__rel_end = .;
	}
	.dynamic : { *(.dynamic) }
	.dynsym : { *(.dynsym) }
	.dynstr : { *(.dynstr) }
	.hash : { *(.hash) }
	.gnu.hash : { *(.gnu.hash) }
	. = ALIGN(4096);
	__bss_start = .;
	.bss : {
		*(.bss.pagetables)
		*(.bss.stack)
		*(.bss.hot)
		*(.bss .bss.* COMMON)
	}
	. = ALIGN(4096);
	__bss_end = .;
	_end = .;
	_image_size = ABSOLUTE(_end);

	/DISCARD/ : {
		*(.interp) *(.comment) *(.note*) *(.eh_frame*)
	}
}
