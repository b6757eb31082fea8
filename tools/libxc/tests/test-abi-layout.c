/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Sizes and offsets of the public ABI structs, checked at compile time
 * against Xen 4.17's Arm layout (xen-arm-abi.md §5-7).  Building this file
 * is the test; running it only reports success.
 */
#include <stddef.h>
#include <stdio.h>

#include "public/xen.h"
#include "public/domctl.h"
#include "public/sysctl.h"
#include "public/memory.h"
#include "public/event_channel.h"
#include "public/grant_table.h"
#include "public/vcpu.h"
#include "public/version.h"
#include "public/hvm/params.h"
#include "public/io/console.h"
#include "xen-sys/linux/privcmd.h"
#include "xen-sys/linux/evtchn.h"
#include "xen-sys/linux/gntdev.h"

#define SIZE(t, n) _Static_assert(sizeof(t) == (n), #t " size")
#define OFF(t, f, n) _Static_assert(offsetof(t, f) == (n), #t "." #f " offset")

SIZE(struct xen_domctl, 144);
OFF(struct xen_domctl, domain, 8);
OFF(struct xen_domctl, u, 16);
SIZE(struct xen_sysctl, 136);
OFF(struct xen_sysctl, u, 8);
SIZE(struct xen_domctl_createdomain, 68);
OFF(struct xen_domctl_createdomain, flags, 20);
OFF(struct xen_domctl_createdomain, max_vcpus, 28);
OFF(struct xen_domctl_createdomain, grant_opts, 44);
OFF(struct xen_domctl_createdomain, arch, 56);
SIZE(struct xen_arch_domainconfig, 12);
OFF(struct xen_arch_domainconfig, tee_type, 2);
OFF(struct xen_arch_domainconfig, nr_spis, 4);
OFF(struct xen_arch_domainconfig, clock_frequency, 8);
SIZE(struct xen_domctl_getdomaininfo, 120);
OFF(struct xen_domctl_getdomaininfo, tot_pages, 8);
OFF(struct xen_domctl_getdomaininfo, cpu_time, 56);
OFF(struct xen_domctl_getdomaininfo, nr_online_vcpus, 64);
OFF(struct xen_domctl_getdomaininfo, handle, 76);
OFF(struct xen_domctl_getdomaininfo, cpupool, 92);
OFF(struct xen_domctl_getdomaininfo, gpaddr_bits, 96);
OFF(struct xen_domctl_getdomaininfo, arch_config, 104);
SIZE(struct xen_domctl_getvcpuinfo, 24);
OFF(struct xen_domctl_getvcpuinfo, cpu_time, 8);
OFF(struct xen_domctl_getvcpuinfo, cpu, 16);
SIZE(struct xen_domctl_vcpucontext, 16);
SIZE(struct xen_sysctl_physinfo, 112);
OFF(struct xen_sysctl_physinfo, capabilities, 28);
OFF(struct xen_sysctl_physinfo, total_pages, 40);
OFF(struct xen_sysctl_physinfo, max_mfn, 72);
OFF(struct xen_sysctl_physinfo, hw_cap, 80);
SIZE(struct xen_sysctl_readconsole, 24);
OFF(struct xen_sysctl_readconsole, buffer, 8);
OFF(struct xen_sysctl_readconsole, count, 16);
OFF(struct xen_sysctl_getdomaininfolist, buffer, 8);
OFF(struct xen_sysctl_getdomaininfolist, num_domains, 16);
SIZE(struct vcpu_guest_core_regs, 312);
OFF(struct vcpu_guest_core_regs, pc64, 248);
OFF(struct vcpu_guest_core_regs, sp_el0, 288);
SIZE(struct vcpu_guest_context, 352);
OFF(struct vcpu_guest_context, user_regs, 8);
OFF(struct vcpu_guest_context, sctlr, 320);
OFF(struct vcpu_guest_context, ttbr1, 344);
SIZE(struct xen_memory_reservation, 32);
OFF(struct xen_memory_reservation, domid, 24);
SIZE(struct xen_add_to_physmap, 24);
SIZE(struct xen_add_to_physmap_batch, 32);
SIZE(struct xen_remove_from_physmap, 16);
SIZE(struct xen_mem_acquire_resource, 32);
OFF(struct xen_mem_acquire_resource, frame, 16);
SIZE(struct evtchn_alloc_unbound, 8);
SIZE(struct evtchn_bind_interdomain, 12);
SIZE(struct evtchn_bind_virq, 12);
SIZE(struct grant_entry_v1, 8);
SIZE(struct gnttab_map_grant_ref, 32);
OFF(struct gnttab_map_grant_ref, status, 18);
OFF(struct gnttab_map_grant_ref, dev_bus_addr, 24);
SIZE(struct gnttab_unmap_grant_ref, 24);
SIZE(struct gnttab_setup_table, 24);
SIZE(struct gnttab_query_size, 16);
SIZE(struct vcpu_runstate_info, 48);
SIZE(struct vcpu_register_vcpu_info, 16);
SIZE(struct xen_hvm_param, 16);
SIZE(struct xen_compile_info, 144);
SIZE(struct multicall_entry, 64);
SIZE(struct xencons_interface, 3088);
OFF(struct xencons_interface, out_prod, 3084);
/* Linux ioctls (values for a 64-bit dom0). */
_Static_assert(IOCTL_PRIVCMD_HYPERCALL == 0x00305000, "privcmd hypercall");
_Static_assert(sizeof(void *) != 8 || IOCTL_PRIVCMD_MMAPBATCH_V2 == 0x00205004, "mmapbatch_v2");
_Static_assert(IOCTL_PRIVCMD_MMAP_RESOURCE == 0x00205007, "mmap_resource");
_Static_assert(IOCTL_EVTCHN_BIND_VIRQ == 0x00044500, "evtchn bind_virq");
_Static_assert(IOCTL_EVTCHN_BIND_INTERDOMAIN == 0x00084501, "evtchn bind_interdomain");
_Static_assert(IOCTL_EVTCHN_RESET == 0x00004505, "evtchn reset");
_Static_assert(IOCTL_EVTCHN_RESTRICT_DOMID == 0x00024506, "evtchn restrict");
_Static_assert(IOCTL_GNTDEV_MAP_GRANT_REF == 0x00184700, "gntdev map");
_Static_assert(IOCTL_GNTDEV_UNMAP_GRANT_REF == 0x00104701, "gntdev unmap");
_Static_assert(IOCTL_GNTDEV_SET_MAX_GRANTS == 0x00044703, "gntdev max grants");
_Static_assert(IOCTL_GNTDEV_SET_UNMAP_NOTIFY == 0x00104707, "gntdev unmap notify");
_Static_assert(sizeof(void *) != 8 || IOCTL_GNTDEV_GRANT_COPY == 0x00104708, "gntdev grant copy");
_Static_assert(sizeof(void *) != 8 || sizeof(struct gntdev_grant_copy_segment) == 24, "grant copy segment");
_Static_assert(offsetof(struct gntdev_grant_copy_segment, len) == 16, "segment len");

int main(void)
{
	puts("ABI layouts match Xen 4.17 (checked at compile time)");
	return 0;
}
