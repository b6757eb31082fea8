/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Domains and vCPUs. Common code sees the fields here; the saved guest
 * registers are arch state (struct arch_vcpu, opened only by arch code).
 */
#ifndef XEN_DOMAIN_H
#define XEN_DOMAIN_H

#include <asm/domain.h>
#include <xen/event.h>
#include <xen/grant_table.h>
#include <xen/mmio.h>
#include <xen/p2m.h>
#include <public/hvm/params.h>
#include <xen/sched.h>

#define MAX_VCPUS 8

struct domain;

struct vcpu {
	unsigned int id;
	struct domain *domain;
	uint64_t vcpu_info_gfn;		/* VCPUOP_register_vcpu_info, ~0 = none */
	uint32_t vcpu_info_offset;
	uint64_t runstate_gva;		/* VCPUOP_register_runstate_memory_area */
	struct sched_vcpu sched;	/* sched.c's */
	struct arch_vcpu arch;
};

struct domain {
	uint16_t domid;
	struct p2m p2m;
	struct mmio_table mmio;		/* emulated devices */
	unsigned int nr_vcpus;		/* the maximum; vcpu[i] may be NULL */
	struct vcpu *vcpu[MAX_VCPUS];
	paddr_t ram_start, ram_size;
	void *shared_info;		/* mapped by XENMEM_add_to_physmap */
	struct evtchn_domain evtchn;
	struct gnttab_domain gnttab;	/* common/grant_glue.c */
	uint64_t gnttab_gfn[GNTTAB_DEFAULT_MAX_FRAMES];	/* where frame i is mapped */
	uint64_t hvm_param[HVM_NR_PARAMS];	/* common/hvm.c */
	struct arch_domain arch;	/* dom0: 1:1, so also machine addresses */
};

/* Make `d` findable by id and set up its event channels. 0, or -1. */
int domain_register(struct domain *d);
struct domain *domain_by_id(unsigned int domid);

/* Arch: raise the event-channel upcall on `v`. */
void arch_vcpu_kick_evtchn(struct vcpu *v);


#endif
