/* SPDX-License-Identifier: MIT */
/* System control (sysctl): host information for the toolstack. */
#ifndef XEN_PUBLIC_SYSCTL_H
#define XEN_PUBLIC_SYSCTL_H

#include "xen.h"
#include "domctl.h"

#define XEN_SYSCTL_INTERFACE_VERSION 0x00000015

struct xen_sysctl_readconsole {
	uint8_t clear;
	uint8_t incremental;
	uint8_t pad0, pad1;
	uint32_t index;
	XEN_GUEST_HANDLE_64(char) buffer;
	uint32_t count;
};

#define XEN_SYSCTL_PHYSCAP_hvm        (1U << 0)
#define XEN_SYSCTL_PHYSCAP_pv         (1U << 1)
#define XEN_SYSCTL_PHYSCAP_directio   (1U << 2)
#define XEN_SYSCTL_PHYSCAP_hap        (1U << 3)
#define XEN_SYSCTL_PHYSCAP_shadow     (1U << 4)
#define XEN_SYSCTL_PHYSCAP_iommu_hap_pt_share (1U << 5)
#define XEN_SYSCTL_PHYSCAP_vmtrace    (1U << 6)
#define XEN_SYSCTL_PHYSCAP_vpmu       (1U << 7)
#define XEN_SYSCTL_PHYSCAP_gnttab_v1  (1U << 8)
#define XEN_SYSCTL_PHYSCAP_gnttab_v2  (1U << 9)

struct xen_sysctl_physinfo {
	uint32_t threads_per_core;
	uint32_t cores_per_socket;
	uint32_t nr_cpus;
	uint32_t max_cpu_id;
	uint32_t nr_nodes;
	uint32_t max_node_id;
	uint32_t cpu_khz;
	uint32_t capabilities;
	uint32_t arch_capabilities;
	uint32_t pad;
	uint64_aligned_t total_pages;
	uint64_aligned_t free_pages;
	uint64_aligned_t scrub_pages;
	uint64_aligned_t outstanding_pages;
	uint64_aligned_t max_mfn;
	uint32_t hw_cap[8];
};

/* xl debug-keys: each key run as if typed on the serial console. */
struct xen_sysctl_debug_keys {
	XEN_GUEST_HANDLE_64(char) keys;
	uint32_t nr_keys;
};

struct xen_sysctl_sched_id {
	uint32_t sched_id;
};

struct xen_sysctl_getdomaininfolist {
	domid_t first_domain;
	uint32_t max_domains;
	XEN_GUEST_HANDLE_64(xen_domctl_getdomaininfo_t) buffer;
	uint32_t num_domains;
};

#define XEN_SYSCTL_CPUPOOL_OP_CREATE     1
#define XEN_SYSCTL_CPUPOOL_OP_DESTROY    2
#define XEN_SYSCTL_CPUPOOL_OP_INFO       3
#define XEN_SYSCTL_CPUPOOL_OP_ADDCPU     4
#define XEN_SYSCTL_CPUPOOL_OP_RMCPU      5
#define XEN_SYSCTL_CPUPOOL_OP_MOVEDOMAIN 6
#define XEN_SYSCTL_CPUPOOL_OP_FREEINFO   7
#define XEN_SYSCTL_CPUPOOL_PAR_ANY       0xFFFFFFFFU

struct xen_sysctl_cpupool_op {
	uint32_t op;
	uint32_t cpupool_id;
	uint32_t sched_id;
	uint32_t domid;
	uint32_t cpu;
	uint32_t n_dom;
	struct xenctl_bitmap cpumap;
};

struct xen_sysctl_cputopo {
	uint32_t core;
	uint32_t socket;
	uint32_t node;
};

struct xen_sysctl_cputopoinfo {
	uint32_t num_cpus;
	XEN_GUEST_HANDLE_64(struct xen_sysctl_cputopo) cputopo;
};

struct xen_sysctl_meminfo {
	uint64_t memsize;
	uint64_t memfree;
};

struct xen_sysctl_numainfo {
	uint32_t num_nodes;
	XEN_GUEST_HANDLE_64(struct xen_sysctl_meminfo) meminfo;
	XEN_GUEST_HANDLE_64(uint32_t) distance;
};

struct xen_sysctl {
	uint32_t cmd;
#define XEN_SYSCTL_readconsole         1
#define XEN_SYSCTL_physinfo            3
#define XEN_SYSCTL_debug_keys          7
#define XEN_SYSCTL_sched_id            4
#define XEN_SYSCTL_getdomaininfolist   6
#define XEN_SYSCTL_cputopoinfo        16
#define XEN_SYSCTL_numainfo           17
#define XEN_SYSCTL_cpupool_op         18
	uint32_t interface_version;
	union {
		struct xen_sysctl_readconsole readconsole;
		struct xen_sysctl_physinfo physinfo;
		struct xen_sysctl_debug_keys debug_keys;
		struct xen_sysctl_sched_id sched_id;
		struct xen_sysctl_getdomaininfolist getdomaininfolist;
		struct xen_sysctl_cpupool_op cpupool_op;
		struct xen_sysctl_cputopoinfo cputopoinfo;
		struct xen_sysctl_numainfo numainfo;
		uint8_t pad[128];
	} u;
};

/* Scheduler ids (XEN_SCHEDULER_*). */
#define XEN_SCHEDULER_CREDIT  5
#define XEN_SCHEDULER_CREDIT2 6
#define XEN_SCHEDULER_ARINC653 7
#define XEN_SCHEDULER_RTDS    8
#define XEN_SCHEDULER_NULL    9

#endif
