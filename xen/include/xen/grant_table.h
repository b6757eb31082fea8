/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Grant tables, version 1 (xen/common/grant_table.c).
 *
 * Self-contained like xen/event.h: the hypervisor core embeds one struct
 * gnttab_domain per domain, calls gnttab_domain_init()/destroy(), and gives
 * this module a struct gnttab_ops once at boot (gnttab_set_ops):
 *
 *   get/put        find a domain's gnttab_domain by id with a reference
 *                  (NULL if none or dying); drop it
 *   may_target     XSM dummy policy: caller is target or the control domain
 *   zalloc/free    zeroed hypervisor memory (bookkeeping)
 *   alloc_frame    one zeroed, page-aligned 4 KiB page for the shared table
 *   free_frame     (the guest sees these through add_to_physmap
 *                  XENMAPSPACE_grant_table: see gnttab_get_frame)
 *   frame_gfn      where the guest mapped grant frame idx, or GNTTAB_NO_GFN
 *                  (what setup_table reports on Arm)
 *   put_frame_gfn  write frame_list[idx] = gfn into the guest's array at
 *                  guest handle hnd; 0 or nonzero on a fault
 *   gfn_to_mfn     granting domain's RAM page at gfn, for writing or not;
 *                  GNTST_okay, else GNTST_bad_page. The core should hold a
 *                  page reference from map until unmap.
 *   map            stage-2 map mfn at IPA host_addr in the mapping domain,
 *                  read-only or not; GNTST_okay or a GNTST_* error
 *   unmap          remove it: GNTST_okay, or GNTST_general_error if
 *                  host_addr does not map mfn
 *   copy           copy len bytes between machine frames (offsets checked)
 *   release        optional: a mapping of mfn made by d goes away without
 *                  an unmap (d is being destroyed; its stage 2 goes too)
 *
 * Hypercall entry: gnttab_op(cur, cmd, arg, count). arg points to count
 * consecutive argument structs (gnttab_op_size(cmd) bytes each; 0 = unknown
 * op, return -ENOSYS) that the core copied in; the core may split a batch
 * (map, unmap, copy) into smaller calls. Copy them back out whatever the
 * result (Xen writes set_version's struct back even on error). Per-op
 * results are in each struct's status (GNTST_*); the return value is 0 or a
 * negated Xen errno: -EINVAL (count != 1 for the single ops, bad version),
 * -EOPNOTSUPP (version 2), -ESRCH/-EPERM (get_version), -ENOSYS.
 */
#ifndef XEN_GRANT_TABLE_H
#define XEN_GRANT_TABLE_H

#include <xen/types.h>
#include <xen/spinlock.h>
#include <public/xen.h>
#include <public/grant_table.h>

#define GNTTAB_NO_GFN (~(uint64_t)0)
#define GNTTAB_DEFAULT_MAX_FRAMES 64        /* Xen's gnttab_max_frames */
#define GNTTAB_DEFAULT_MAX_MAPTRACK (1024 * 256) /* max_maptrack_frames */
#define GNTTAB_ENTRIES_PER_FRAME (4096 / sizeof(struct grant_entry_v1))

struct gnttab_domain;
struct gnttab_active;
struct gnttab_maptrack;

struct gnttab_ops {
	struct gnttab_domain *(*get)(domid_t id);
	void (*put)(struct gnttab_domain *d);
	bool (*may_target)(struct gnttab_domain *caller, struct gnttab_domain *target);
	void *(*zalloc)(size_t bytes);
	void (*free)(void *p);
	void *(*alloc_frame)(void);
	void (*free_frame)(void *page);
	uint64_t (*frame_gfn)(struct gnttab_domain *d, unsigned int idx);
	int (*put_frame_gfn)(struct gnttab_domain *cur, uint64_t hnd,
			     unsigned int idx, xen_pfn_t gfn);
	int (*gfn_to_mfn)(struct gnttab_domain *d, uint64_t gfn, bool write,
			  uint64_t *mfn);
	int (*map)(struct gnttab_domain *d, uint64_t host_addr, uint64_t mfn,
		   bool readonly);
	int (*unmap)(struct gnttab_domain *d, uint64_t host_addr, uint64_t mfn);
	void (*copy)(uint64_t dst_mfn, unsigned int dst_off, uint64_t src_mfn,
		     unsigned int src_off, unsigned int len);
	void (*release)(struct gnttab_domain *d, uint64_t mfn);
};

/* Embedded in the core's struct domain; opaque outside grant_table.c. */
struct gnttab_domain {
	domid_t domid;
	spinlock_t lock;                 /* guards everything below */
	unsigned int version;
	unsigned int nr_frames, max_frames;
	void **frames;                   /* [max_frames] shared entries */
	struct gnttab_active **active;   /* [max_frames] x entries per frame */
	struct gnttab_maptrack **maptrack; /* chunks of handles */
	unsigned int maptrack_limit;     /* handles allocated so far */
	unsigned int maptrack_used;      /* handles given out, not yet put back */
	unsigned int max_maptrack;
	uint32_t maptrack_free;          /* free-list head */
	bool ready;
};

void gnttab_set_ops(const struct gnttab_ops *ops);

/* 0, -EINVAL (no ops, max_frames 0) or -ENOMEM; no frame allocated yet. */
int gnttab_domain_init(struct gnttab_domain *d, domid_t id,
		       unsigned int max_frames, unsigned int max_maptrack);
/*
 * Releases every mapping d holds (pins and status bits in the granters)
 * and frees the table. Call it once get() no longer returns d and no CPU
 * holds a reference from get(); the core keeps d's domid unused while
 * other domains still map d's grants (their unmaps then still work).
 */
void gnttab_domain_destroy(struct gnttab_domain *d);

/*
 * For XENMAPSPACE_grant_table idx: the hypervisor address of shared frame
 * idx, growing the table up to it. 0, -EINVAL (idx >= max_frames or
 * status-frame bit 31 set: v1 has none) or -ENOMEM.
 */
int gnttab_get_frame(struct gnttab_domain *d, unsigned long idx, void **page);

size_t gnttab_op_size(unsigned int cmd);
/* Does cmd take an array of count structs (map, unmap, copy)? */
bool gnttab_op_is_batch(unsigned int cmd);
long gnttab_op(struct gnttab_domain *cur, unsigned int cmd, void *arg,
	       unsigned int count);

/*
 * The core's side (common/grant_glue.c, arm64): the module's callbacks on
 * struct domain and its p2m, and the hypercall entry points.
 */
struct domain;
struct cpu_regs;

/* At domain creation (registers the callbacks): 0 or a negated errno. */
int domain_gnttab_init(struct domain *d);
/* While the domain dies (see gnttab_domain_destroy). */
void domain_gnttab_destroy(struct domain *d);
/* __HYPERVISOR_grant_table_op(cmd, uop, count). */
long do_grant_table_op(struct cpu_regs *regs);
/* XENMEM_add_to_physmap, XENMAPSPACE_grant_table: frame idx at gpfn. */
long gnttab_add_to_physmap(struct domain *d, unsigned long idx, uint64_t gpfn);

#endif
