// SPDX-License-Identifier: GPL-2.0-only
/*
 * libgcc's 64-bit division helpers call these on a zero divisor; its own
 * versions raise a signal. Here it can only be our bug, so say so.
 */
#include <xen/console.h>

void __aeabi_idiv0(void) __noreturn;
void __aeabi_ldiv0(void) __noreturn;

void __aeabi_idiv0(void)
{
	fatal("integer division by zero in the hypervisor");
}

void __aeabi_ldiv0(void)
{
	fatal("64-bit division by zero in the hypervisor");
}
