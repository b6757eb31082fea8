/* SPDX-License-Identifier: MIT */
/* Domain control (domctl) for the toolstack: the subset a toolstack for Arm uses. */
#ifndef XEN_PUBLIC_DOMCTL_H
#define XEN_PUBLIC_DOMCTL_H

#include "xen.h"

#define XEN_DOMCTL_INTERFACE_VERSION 0x00000015

#define XEN_DOMCTL_CDF_hvm      (1U << 0)
#define XEN_DOMCTL_CDF_hap      (1U << 1)
#define XEN_DOMCTL_CDF_s3_integrity (1U << 2)
#define XEN_DOMCTL_CDF_oos_off  (1U << 3)
#define XEN_DOMCTL_CDF_xs_domain (1U << 4)
#define XEN_DOMCTL_CDF_iommu    (1U << 5)
#define XEN_DOMCTL_CDF_nested_virt (1U << 6)
#define XEN_DOMCTL_CDF_vpmu     (1U << 7)

struct xen_domctl_createdomain {
	uint32_t ssidref;
	xen_domain_handle_t handle;
	uint32_t flags;
	uint32_t iommu_opts;
	uint32_t max_vcpus;
	uint32_t max_evtchn_port;
	int32_t max_grant_frames;
	int32_t max_maptrack_frames;
	uint32_t grant_opts;
	uint32_t vmtrace_size;
	uint32_t cpupool_id;
	struct xen_arch_domainconfig arch;
};

#define XEN_DOMINF_dying    (1U << 0)
#define XEN_DOMINF_hvm_guest (1U << 1)
#define XEN_DOMINF_shutdown (1U << 2)
#define XEN_DOMINF_paused   (1U << 3)
#define XEN_DOMINF_blocked  (1U << 4)
#define XEN_DOMINF_running  (1U << 5)
#define XEN_DOMINF_debugged (1U << 6)
#define XEN_DOMINF_xs_domain (1U << 7)
#define XEN_DOMINF_hap      (1U << 8)
#define XEN_DOMINF_shutdownshift 16
#define XEN_DOMINF_shutdownmask 255

struct xen_domctl_getdomaininfo {
	domid_t domain;
	uint32_t flags;
	uint64_aligned_t tot_pages;
	uint64_aligned_t max_pages;
	uint64_aligned_t outstanding_pages;
	uint64_aligned_t shr_pages;
	uint64_aligned_t paged_pages;
	uint64_aligned_t shared_info_frame;
	uint64_aligned_t cpu_time;
	uint32_t nr_online_vcpus;
	uint32_t max_vcpu_id;
	uint32_t ssidref;
	xen_domain_handle_t handle;
	uint32_t cpupool;
	uint8_t gpaddr_bits;
	uint8_t pad2[7];
	struct xen_arch_domainconfig arch_config;
};
typedef struct xen_domctl_getdomaininfo xen_domctl_getdomaininfo_t;

#define XEN_DOMCTL_GRANT_version_mask 0xf
#define XEN_DOMCTL_GRANT_version(v) ((v) & XEN_DOMCTL_GRANT_version_mask)

/* A bitmap of CPUs (or nodes) in the caller's memory. */
struct xenctl_bitmap {
	XEN_GUEST_HANDLE_64(uint8_t) bitmap;
	uint32_t nr_bits;
};

struct xen_domctl_nodeaffinity {
	struct xenctl_bitmap nodemap;
};

#define XEN_VCPUAFFINITY_HARD  (1U << 0)
#define XEN_VCPUAFFINITY_SOFT  (1U << 1)
#define XEN_VCPUAFFINITY_FORCE (1U << 2)

struct xen_domctl_vcpuaffinity {
	uint32_t vcpu;
	uint32_t flags;
	struct xenctl_bitmap cpumap_hard;
	struct xenctl_bitmap cpumap_soft;
};

#define XEN_DOMCTL_SCHEDOP_putinfo 0
#define XEN_DOMCTL_SCHEDOP_getinfo 1
#define XEN_DOMCTL_SCHEDOP_putvcpuinfo 2
#define XEN_DOMCTL_SCHEDOP_getvcpuinfo 3

struct xen_domctl_sched_credit {
	uint16_t weight;
	uint16_t cap;
};

struct xen_domctl_sched_credit2 {
	uint16_t weight;
	uint16_t cap;
};

struct xen_domctl_scheduler_op {
	uint32_t sched_id;
	uint32_t cmd;
	union {
		struct xen_domctl_sched_credit credit;
		struct xen_domctl_sched_credit2 credit2;
		uint8_t pad[24];
	} u;
};

struct xen_domctl_settimeoffset {
	int64_t __attribute__((aligned(8))) time_offset_seconds;
};

struct xen_domctl_max_mem {
	uint64_aligned_t max_memkb;
};

struct xen_domctl_vcpucontext {
	uint32_t vcpu;
	XEN_GUEST_HANDLE_64(struct vcpu_guest_context) ctxt;
};

struct xen_domctl_getvcpuinfo {
	uint32_t vcpu;
	uint8_t online, blocked, running;
	uint64_aligned_t cpu_time;
	uint32_t cpu;
};

struct xen_domctl_max_vcpus {
	uint32_t max;
};

struct xen_domctl_address_size {
	uint32_t size;
};

struct xen_domctl_cacheflush {
	xen_pfn_t start_pfn, nr_pfns;
};

struct xen_domctl_paging_mempool {
	uint64_aligned_t size;
};

struct xen_domctl_setdomainhandle {
	xen_domain_handle_t handle;
};

struct xen_domctl {
	uint32_t cmd;
#define XEN_DOMCTL_createdomain        1
#define XEN_DOMCTL_destroydomain       2
#define XEN_DOMCTL_pausedomain         3
#define XEN_DOMCTL_unpausedomain       4
#define XEN_DOMCTL_getdomaininfo       5
#define XEN_DOMCTL_setvcpuaffinity     9
#define XEN_DOMCTL_max_mem            11
#define XEN_DOMCTL_setvcpucontext     12
#define XEN_DOMCTL_getvcpucontext     13
#define XEN_DOMCTL_getvcpuinfo        14
#define XEN_DOMCTL_max_vcpus          15
#define XEN_DOMCTL_scheduler_op       16
#define XEN_DOMCTL_setdomainhandle    17
#define XEN_DOMCTL_iomem_permission   20
#define XEN_DOMCTL_settimeoffset      24
#define XEN_DOMCTL_getvcpuaffinity    25
#define XEN_DOMCTL_set_address_size   35
#define XEN_DOMCTL_bind_pt_irq        38
#define XEN_DOMCTL_memory_mapping     39
#define XEN_DOMCTL_setnodeaffinity    68
#define XEN_DOMCTL_getnodeaffinity    69
#define XEN_DOMCTL_cacheflush         71
#define XEN_DOMCTL_vuart_op           81
#define XEN_DOMCTL_get_paging_mempool_size 85
#define XEN_DOMCTL_set_paging_mempool_size 86
	uint32_t interface_version;
	domid_t domain;
	uint16_t _pad[3];
	union {
		struct xen_domctl_createdomain createdomain;
		struct xen_domctl_getdomaininfo getdomaininfo;
		struct xen_domctl_max_mem max_mem;
		struct xen_domctl_vcpucontext vcpucontext;
		struct xen_domctl_getvcpuinfo getvcpuinfo;
		struct xen_domctl_max_vcpus max_vcpus;
		struct xen_domctl_address_size address_size;
		struct xen_domctl_cacheflush cacheflush;
		struct xen_domctl_paging_mempool paging_mempool;
		struct xen_domctl_setdomainhandle setdomainhandle;
		struct xen_domctl_vcpuaffinity vcpuaffinity;
		struct xen_domctl_nodeaffinity nodeaffinity;
		struct xen_domctl_scheduler_op scheduler_op;
		struct xen_domctl_settimeoffset settimeoffset;
		uint8_t pad[128];
	} u;
};

#endif
