/* SPDX-License-Identifier: GPL-2.0-only */
/* Stands in for the C library's <stdlib.h> when libfdt's headers ask for it. */
#include <xen/lib.h>
