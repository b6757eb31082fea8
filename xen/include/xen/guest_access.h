/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Copies between the hypervisor and the CURRENT vCPU's guest virtual
 * addresses (arm64: asm/guest.h, through both translation stages; host
 * unit tests: the test's fake guest memory). 0, or -1 if any byte is not
 * mapped (or not writable) for the guest.
 */
#ifndef XEN_GUEST_ACCESS_H
#define XEN_GUEST_ACCESS_H

#include <xen/types.h>

int copy_from_guest(void *dst, uint64_t gva, size_t n);
int copy_to_guest(uint64_t gva, const void *src, size_t n);

#endif
