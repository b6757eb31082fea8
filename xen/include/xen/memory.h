/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * memory_op (common/memory.c): a domain's RAM as blocks from the heap
 * (populate_physmap), mappings of other domains' frames (gmfn_foreign),
 * and what destruction does with both.
 */
#ifndef XEN_MEMORY_H
#define XEN_MEMORY_H

#include <xen/domain.h>

/*
 * The hypercall: `caller` issued memory_op(cmd, arg); arg is a guest
 * virtual address in the caller. Returns what Xen returns (extents done,
 * 0, a page count, or a negated XEN_E* errno).
 */
long memory_op(struct domain *caller, unsigned long cmd, uint64_t arg);

/*
 * Destruction, first step: drop the mappings `d` holds of others' frames,
 * free (zeroed) every block of `d` nobody else maps. Blocks still mapped
 * elsewhere stay, counted in d->foreign_refs.
 */
void memory_domain_relinquish(struct domain *d);
/* Last step (d->foreign_refs == 0, or a half-created domain): free the rest. */
void memory_domain_free(struct domain *d);

/*
 * A grant mapping (common/grant_glue.c) of machine frame mfn in `mapper`
 * holds the owner's block like a gmfn_foreign mapping does, so a dying
 * owner's frame is only scrubbed and freed after the last unmap. Frames
 * that are no domain's populated RAM (dom0's 1:1 RAM) and a domain's own
 * frames are not counted. Under domctl_lock().
 */
void memory_frame_ref(struct domain *mapper, uint64_t mfn);
/*
 * Is machine frame mfn RAM that d owns (dom0's 1:1 RAM, or one of d's
 * populated blocks)? Not a frame d maps from another domain (grant or
 * gmfn_foreign): grants may only share a domain's own pages.
 */
bool memory_frame_owned(const struct domain *d, uint64_t mfn);
void memory_frame_unref(struct domain *mapper, uint64_t mfn);

/* Serialises domain creation/destruction and memory bookkeeping. */
void domctl_lock(void);
void domctl_unlock(void);

#endif
