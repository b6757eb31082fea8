// SPDX-License-Identifier: GPL-2.0-only
/*
 * Debian builds libfdt with -fstack-protector-strong, so its objects read
 * __stack_chk_guard and call __stack_chk_fail. Our own code is built
 * without the protector. The guard is a fixed, non-zero pattern: we have
 * no entropy this early, and it still catches overruns by accident.
 */
#include <xen/console.h>

void __stack_chk_fail(void) __noreturn;

uintptr_t __stack_chk_guard = (uintptr_t)0x595e9fbd94fda766ULL;

void __stack_chk_fail(void)
{
	fatal("stack protector: a function in libfdt overran its stack frame");
}
