/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Domains and vCPUs. Common code sees the fields here; the saved guest
 * registers are arch state (struct arch_vcpu, opened only by arch code).
 *
 * Lifecycle (common/domain.c, driven by domctl): domain_create() makes a
 * paused domain with its vCPUs, stage 2 and event channels;
 * domain_destroy() marks it dying, frees its RAM (scrubbed) and ports and
 * unregisters it once no other domain maps its frames any more.
 */
#ifndef XEN_DOMAIN_H
#define XEN_DOMAIN_H

#include <asm/domain.h>
#include <public/arch-arm.h>
#include <public/xen.h>
#include <xen/event.h>
#include <xen/grant_table.h>
#include <xen/mmio.h>
#include <xen/p2m.h>
#include <public/hvm/params.h>
#include <xen/sched.h>

#define MAX_VCPUS 8
#define MAX_DOMAINS 64

struct domain;

struct vcpu {
	unsigned int id;
	struct domain *domain;
	uint64_t vcpu_info_gfn;		/* VCPUOP_register_vcpu_info, ~0 = none */
	uint32_t vcpu_info_offset;
	uint64_t runstate_gva;		/* VCPUOP_register_runstate_memory_area */
	struct sched_vcpu sched;	/* sched.c's */
	/* setvcpucontext's entry state, applied when the toolstack unpauses. */
	bool boot_pending;
	uint64_t boot_pc, boot_x0;
	struct arch_vcpu arch;
};

/* A block of RAM given to the domain by populate_physmap. */
struct domain_extent {
	uint64_t gfn;
	void *page;			/* hypervisor mapping of the first frame */
	unsigned int order;
	unsigned int foreign_refs;	/* other domains' mappings of it */
	unsigned int holes;		/* frames ballooned out (unmapped, still held) */
};

/* A frame of another domain mapped in this one (XENMAPSPACE_gmfn_foreign). */
struct foreign_map {
	uint64_t gfn;			/* where, in this domain */
	struct domain *owner;
	struct domain_extent *extent;
};

struct domain {
	uint16_t domid;
	struct p2m p2m;
	struct mmio_table mmio;		/* emulated devices */
	unsigned int nr_vcpus;		/* the maximum; vcpu[i] may be NULL */
	struct vcpu *vcpu[MAX_VCPUS];
	paddr_t ram_start, ram_size;
	void *shared_info;		/* mapped by XENMAPSPACE_shared_info */
	struct evtchn_domain evtchn;
	struct gnttab_domain gnttab;	/* common/grant_glue.c */
	uint64_t gnttab_gfn[GNTTAB_DEFAULT_MAX_FRAMES];	/* where frame i is mapped */
	uint64_t hvm_param[HVM_NR_PARAMS];	/* common/hvm.c */
	struct arch_domain arch;	/* dom0: 1:1, so also machine addresses */

	/* Lifecycle and accounting (domctl/memory_op). */
	bool is_dying;			/* destroydomain started */
	bool is_shut_down;		/* SCHEDOP_shutdown / PSCI SYSTEM_OFF */
	uint8_t shutdown_code;
	unsigned int pause_count;	/* toolstack pauses (domctl) */
	bool started;			/* first unpause done: vCPUs were started */
	unsigned int address_size;	/* 32 or 64 (set_address_size) */
	unsigned int max_evtchn_port;	/* 0 = dom0's default */
	uint64_t tot_pages, max_pages;
	xen_domain_handle_t handle;
	struct xen_arch_domainconfig config;
	struct domain_extent **extents;	/* populate_physmap blocks */
	unsigned int nr_extents, max_extents;
	struct foreign_map *fmaps;	/* others' frames mapped here */
	unsigned int nr_fmaps, max_fmaps;
	unsigned int foreign_refs;	/* sum of our extents' foreign_refs */
	uint64_t paging_pool_bytes;	/* set_paging_mempool_size, reported back */
	uint16_t sched_weight, sched_cap;	/* scheduler_op (credit2 terms) */
};

/* Make `d` findable by id and set up its event channels. 0, or -1. */
int domain_register(struct domain *d);
struct domain *domain_by_id(unsigned int domid);
/* Forget `d` (its event channels must already be destroyed). */
void domain_unregister(struct domain *d);
/* The first existing domain with id >= domid, or NULL. */
struct domain *domain_next(unsigned int domid);

/* What the toolstack asks for at createdomain (already validated). */
struct domain_config {
	unsigned int max_vcpus;
	unsigned int max_evtchn_port;
	struct xen_arch_domainconfig arch;	/* gic_version resolved */
	const uint8_t *handle;
};

/*
 * New paused domain `domid` (0 = pick the lowest free id >= 1): vCPUs
 * (offline), stage 2, event channels, arch state (vGIC, timer). Returns
 * the domain or NULL with *err = -XEN_EEXIST / -XEN_ENOMEM / -XEN_EINVAL.
 */
struct domain *domain_create(unsigned int domid, const struct domain_config *cfg, int *err);
/*
 * Kill `d`: close its event channels, unmap and free (scrubbed) its RAM,
 * tell the control domain (VIRQ_DOM_EXC). It stays listed as dying while
 * other domains still map its frames and disappears when the last such
 * mapping goes. Idempotent.
 */
void domain_destroy(struct domain *d);
/* A dying domain whose frames nobody maps any more is freed and unlisted. */
void domain_release_check(struct domain *d);
void domain_pause_by_toolstack(struct domain *d);
/* -XEN_EINVAL if it was not paused by the toolstack. */
int domain_unpause_by_toolstack(struct domain *d);
/* SCHEDOP_shutdown of a domU: record it and tell the control domain. */
void domain_shutdown(struct domain *d, unsigned int reason);

/* Free heap pages (for physinfo). */
unsigned long domain_heap_free_pages(void);

/* Arch: per-domain setup/teardown of a domU (domain_arch.c): its vGIC. */
int arch_domain_create(struct domain *d, const struct domain_config *cfg);
void arch_domain_destroy(struct domain *d);
/* Check the toolstack's vCPU context (setvcpucontext): 0, or -1 when it
 * is not a valid guest state for `v`'s domain. */
int arch_check_vcpu_context(const struct vcpu *v, const struct vcpu_guest_context *c);
/* `v`'s registers for getvcpucontext (xenctx). */
void arch_get_vcpu_context(const struct vcpu *v, struct vcpu_guest_context *c);
/* Clean the data cache over guest frames [gfn, gfn + nr) to PoC. */
void arch_domain_cacheflush(struct domain *d, uint64_t gfn, uint64_t nr);
/* The host GIC version as XEN_DOMCTL_CONFIG_GIC_V2/V3, and the timer's
 * DT clock-frequency (0 if the DT has none). */
unsigned int arch_gic_version(void);
uint32_t arch_timer_dt_frequency(void);
/* Number of physical CPUs up, and the counter frequency in kHz. */
unsigned int arch_nr_cpus(void);
uint32_t arch_cpu_khz(void);

/* Arch: raise the event-channel upcall on `v`. */
void arch_vcpu_kick_evtchn(struct vcpu *v);


#endif
