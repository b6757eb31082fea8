/* SPDX-License-Identifier: MIT */
/*
 * Xen public interface: basic types, hypercall numbers and domain ids, as
 * defined by Xen's public xen.h (values are ABI facts; layout checked by
 * tools/tests/abi_layout.c).
 */
#ifndef XEN_PUBLIC_XEN_H
#define XEN_PUBLIC_XEN_H

#include <stdint.h>

#include "arch-arm.h"

#define __HYPERVISOR_platform_op        7
#define __HYPERVISOR_memory_op          12
#define __HYPERVISOR_multicall          13
#define __HYPERVISOR_xen_version        17
#define __HYPERVISOR_console_io         18
#define __HYPERVISOR_grant_table_op     20
#define __HYPERVISOR_vm_assist          21
#define __HYPERVISOR_vcpu_op            24
#define __HYPERVISOR_xsm_op             27
#define __HYPERVISOR_sched_op           29
#define __HYPERVISOR_event_channel_op   32
#define __HYPERVISOR_physdev_op         33
#define __HYPERVISOR_hvm_op             34
#define __HYPERVISOR_sysctl             35
#define __HYPERVISOR_domctl             36
#define __HYPERVISOR_dm_op              41
#define __HYPERVISOR_hypfs_op           42

typedef uint16_t domid_t;

#define DOMID_FIRST_RESERVED 0x7FF0U
#define DOMID_SELF           0x7FF0U
#define DOMID_IO             0x7FF1U
#define DOMID_XEN            0x7FF2U
#define DOMID_COW            0x7FF3U
#define DOMID_INVALID        0x7FF4U
#define DOMID_IDLE           0x7FFFU

#define CONSOLEIO_write 0
#define CONSOLEIO_read  1

#define SCHEDOP_yield         0
#define SCHEDOP_block         1
#define SCHEDOP_shutdown      2
#define SCHEDOP_poll          3
#define SCHEDOP_remote_shutdown 4

#define SHUTDOWN_poweroff   0
#define SHUTDOWN_reboot     1
#define SHUTDOWN_suspend    2
#define SHUTDOWN_crash      3
#define SHUTDOWN_watchdog   4
#define SHUTDOWN_soft_reset 5

typedef uint8_t xen_domain_handle_t[16];

struct sched_shutdown {
	uint32_t reason;
};

struct sched_remote_shutdown {
	domid_t domain_id;
	uint32_t reason;
};

struct multicall_entry {
	xen_ulong_t op;
	xen_long_t result;
	xen_ulong_t args[6];
};

#endif
