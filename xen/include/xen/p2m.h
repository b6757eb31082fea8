/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Stage-2 translation (guest physical -> machine), Arm LPAE format with
 * the 4 KiB granule (Arm ARM D8.3): 40-bit IPA, walk starting at level 1
 * with two concatenated root pages (VTCR_EL2.T0SZ = 24, SL0 = 1). Ranges
 * are mapped with 1 GiB and 2 MiB blocks wherever gfn and mfn are both
 * aligned, 4 KiB pages elsewhere; blocks are split on partial unmap or
 * remap (break-before-make). Tables come from the page allocator.
 *
 * Lock order: p2m->lock, then heap_lock.
 */
#ifndef XEN_P2M_H
#define XEN_P2M_H

#include <xen/mm.h>
#include <xen/spinlock.h>

#define P2M_IPA_BITS 40
#define P2M_ROOT_ORDER 1	/* two concatenated level-1 tables */
#define INVALID_MFN _mfn(~0ULL)

enum p2m_type {
	P2M_INVALID,
	P2M_RAM_RW,	/* Normal write-back, read/write */
	P2M_RAM_RO,	/* Normal write-back, read-only */
	P2M_MMIO,	/* Device-nGnRE, read/write, never executable */
	P2M_NR_TYPES,
};

struct p2m {
	spinlock_t lock;
	uint64_t *root;
	uint16_t vmid;
	unsigned long nr_tables;	/* pages of tables, root included */
};

/* 0, or -1 when no memory for the root. */
int p2m_init(struct p2m *p2m, uint16_t vmid);
/* Frees every table; the p2m maps nothing afterwards. */
void p2m_destroy(struct p2m *p2m);

/*
 * Maps nr pages gfn.. -> mfn.. with `type`, replacing what was there.
 * 0, or -1 (out of memory, range beyond the IPA size, bad type); on -1
 * part of the range may be mapped.
 */
int p2m_map(struct p2m *p2m, gfn_t gfn, mfn_t mfn, uint64_t nr, enum p2m_type type);
/* Unmaps nr pages from gfn (holes are fine). 0, or -1 as for p2m_map. */
int p2m_unmap(struct p2m *p2m, gfn_t gfn, uint64_t nr);
/* The machine frame behind gfn and its type, or INVALID_MFN / P2M_INVALID. */
mfn_t p2m_lookup(struct p2m *p2m, gfn_t gfn, enum p2m_type *type);

/* VTTBR_EL2 value: VMID in 63:48, root address. */
uint64_t p2m_vttbr(const struct p2m *p2m);

/* Leaf entries per level (1: 1 GiB, 2: 2 MiB, 3: 4 KiB), for tests. */
void p2m_count_leaves(struct p2m *p2m, unsigned long counts[4]);

/* Arch: invalidate stage-2 TLB entries of this VMID (host tests: nothing). */
void arch_p2m_flush_tlb(uint16_t vmid);
/* Arch: table writes so far are visible to every CPU's table walker (host tests: nothing). */
void arch_p2m_sync_walkers(void);

#endif
