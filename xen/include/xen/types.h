/* SPDX-License-Identifier: GPL-2.0-only */
/* Basic types for the hypervisor: only the compiler's freestanding headers. */
#ifndef XEN_TYPES_H
#define XEN_TYPES_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uint64_t paddr_t;

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define ROUNDUP(x, a) (((x) + (a) - 1) & ~((__typeof__(x))(a) - 1))
#define ROUNDDOWN(x, a) ((x) & ~((__typeof__(x))(a) - 1))

#define __noreturn __attribute__((noreturn))
#define __printf(a, b) __attribute__((format(printf, a, b)))
#define __aligned(n) __attribute__((aligned(n)))
/*
 * The code and tables every guest exit runs through (trap entry,
 * dispatch, return to the guest): kept together at the start of .text /
 * .data.rel.ro (xen.lds.S), so an exit touches two or three pages, not
 * one per source file. Under QEMU TCG each page touched after the
 * guest's own TLB flush (Linux's KPTI does two per system call) costs a
 * page walk, and direct branches are only chained within a page.
 */
#define __hot_text __attribute__((section(".text.hot")))
#define __hot_table __attribute__((section(".data.rel.ro.hot")))
/* Per-CPU state every exit reads: on the page above the boot stack's top. */
#define __hot_bss __attribute__((section(".bss.hot")))

#endif
