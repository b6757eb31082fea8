/* SPDX-License-Identifier: GPL-2.0-only */
/* The <limits.h> values libfdt's headers use, from the compiler's own macros. */
#ifndef XEN_SHIM_LIMITS_H
#define XEN_SHIM_LIMITS_H

#define CHAR_BIT __CHAR_BIT__
#define INT_MAX __INT_MAX__
#define INT_MIN (-INT_MAX - 1)
#define UINT_MAX (INT_MAX * 2U + 1U)
#define LONG_MAX __LONG_MAX__
#define ULONG_MAX (LONG_MAX * 2UL + 1UL)

#endif
