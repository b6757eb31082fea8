// SPDX-License-Identifier: GPL-2.0-only
/*
 * Stage-2 page tables (see xen/p2m.h). The walk is the same at every
 * level: an entry is invalid, a table (levels 1-2) or a leaf (block at
 * levels 1-2, page at level 3). The software type lives in descriptor
 * bits 58:55, which the MMU ignores.
 */
#include <xen/console.h>
#include <xen/lib.h>
#include <xen/p2m.h>

#define ENTRIES 512
#define PTE_VALID (1ULL << 0)
#define PTE_TABLE (1ULL << 1)	/* with VALID: table (1-2) or page (3) */
#define PTE_MEMATTR_NORMAL (0xfULL << 2)	/* stage 2: Normal WB/WB */
#define PTE_MEMATTR_DEVICE (0x1ULL << 2)	/* stage 2: Device-nGnRE */
#define PTE_S2AP_RO (1ULL << 6)
#define PTE_S2AP_RW (3ULL << 6)
#define PTE_SH_INNER (3ULL << 8)
#define PTE_AF (1ULL << 10)
#define PTE_XN (1ULL << 54)
#define PTE_TYPE_SHIFT 55
#define PTE_TYPE_MASK (0xfULL << PTE_TYPE_SHIFT)
#define PTE_ADDR_MASK 0x0000fffffffff000ULL

static const uint64_t type_attrs[P2M_NR_TYPES] = {
	[P2M_RAM_RW] = PTE_MEMATTR_NORMAL | PTE_S2AP_RW | PTE_SH_INNER | PTE_AF,
	[P2M_RAM_RO] = PTE_MEMATTR_NORMAL | PTE_S2AP_RO | PTE_SH_INNER | PTE_AF,
	[P2M_MMIO] = PTE_MEMATTR_DEVICE | PTE_S2AP_RW | PTE_AF | PTE_XN,
};

/* Page-number shift of one entry at `level` (1: 18, 2: 9, 3: 0). */
static unsigned int level_shift(unsigned int level)
{
	return (3 - level) * 9;
}

static unsigned int entry_index(uint64_t gfn, unsigned int level)
{
	if (level == 1)	/* concatenated root: 1024 entries of 1 GiB */
		return (unsigned int)(gfn >> 18) & (2 * ENTRIES - 1);
	return (unsigned int)(gfn >> level_shift(level)) & (ENTRIES - 1);
}

static bool is_table(uint64_t e, unsigned int level)
{
	return level < 3 && (e & (PTE_VALID | PTE_TABLE)) == (PTE_VALID | PTE_TABLE);
}

static uint64_t *table_of(uint64_t e)
{
	return maddr_to_virt(e & PTE_ADDR_MASK);
}

static uint64_t leaf(uint64_t mfn, enum p2m_type type, unsigned int level)
{
	return (mfn << PAGE_SHIFT) | type_attrs[type] |
	       ((uint64_t)type << PTE_TYPE_SHIFT) | PTE_VALID |
	       (level == 3 ? PTE_TABLE : 0);
}

static uint64_t *new_table(struct p2m *p2m)
{
	uint64_t *t = alloc_pages_zeroed(0);

	if (t)
		p2m->nr_tables++;
	return t;
}

static void free_subtree(struct p2m *p2m, uint64_t e, unsigned int level)
{
	uint64_t *t;
	unsigned int i;

	if (!is_table(e, level))
		return;
	t = table_of(e);
	for (i = 0; i < ENTRIES; i++)
		free_subtree(p2m, t[i], level + 1);
	free_pages(t, 0);
	p2m->nr_tables--;
}

/*
 * Break-before-make: invalidate, flush, then write the new entry. Table
 * walkers are ordered by barriers, not by the p2m lock: what was written
 * before (a new table's entries) is visible to them before the entry that
 * links it, and the entry itself before the lock is let go.
 */
static void replace_entry(struct p2m *p2m, uint64_t *slot, uint64_t e)
{
	uint64_t old = *slot;

	if (old & PTE_VALID) {
		__atomic_store_n(slot, 0, __ATOMIC_RELEASE);
		arch_p2m_flush_tlb(p2m->vmid);
	} else {
		arch_p2m_sync_walkers();
	}
	__atomic_store_n(slot, e, __ATOMIC_RELEASE);
	arch_p2m_sync_walkers();
}

/* A table under *slot, splitting a block into equivalent smaller leaves. */
static uint64_t *descend(struct p2m *p2m, uint64_t *slot, unsigned int level)
{
	uint64_t e = *slot, *t;
	unsigned int i;

	if (is_table(e, level))
		return table_of(e);
	t = new_table(p2m);
	if (!t)
		return NULL;
	if (e & PTE_VALID) {
		uint64_t base = (e & PTE_ADDR_MASK) >> PAGE_SHIFT;
		enum p2m_type type = (enum p2m_type)((e & PTE_TYPE_MASK) >> PTE_TYPE_SHIFT);

		for (i = 0; i < ENTRIES; i++)
			t[i] = leaf(base + ((uint64_t)i << level_shift(level + 1)), type,
				    level + 1);
	}
	replace_entry(p2m, slot, virt_to_maddr(t) | PTE_VALID | PTE_TABLE);
	return t;
}

static bool table_empty(const uint64_t *t)
{
	unsigned int i;

	for (i = 0; i < ENTRIES; i++)
		if (t[i])
			return false;
	return true;
}

/*
 * After an unmap: each table on the path (deepest first, never the root)
 * that no longer maps anything is unhooked (break-before-make) and freed.
 * Without this a domain's tables only grow: dom0 maps guests' frames at
 * addresses outside its RAM, and the tables made for them would stay
 * allocated after the guest is gone.
 */
static void prune(struct p2m *p2m, uint64_t *const slots[3], unsigned int level)
{
	while (level > 1) {
		uint64_t *parent = slots[level - 2];
		uint64_t *t = table_of(*parent);

		if (!table_empty(t))
			return;
		replace_entry(p2m, parent, 0);
		free_pages(t, 0);
		p2m->nr_tables--;
		level--;
	}
}

/*
 * The block leaf at `level` equivalent to table t (one level down), or 0:
 * every entry a leaf of one type, the frames contiguous from an address
 * aligned to the block. Entries after a just-written one are looked at
 * first: a table being filled in order fails there at once.
 */
static uint64_t as_block(const uint64_t *t, unsigned int level, unsigned int written)
{
	uint64_t base = (t[0] & PTE_ADDR_MASK) >> PAGE_SHIFT;
	enum p2m_type type = (enum p2m_type)((t[0] & PTE_TYPE_MASK) >> PTE_TYPE_SHIFT);
	unsigned int i, j;

	if (!(t[0] & PTE_VALID) || is_table(t[0], level + 1) ||
	    base & ((1ULL << level_shift(level)) - 1))
		return 0;
	for (j = 1; j <= ENTRIES; j++) {	/* the written one last */
		i = (written + j) % ENTRIES;
		if (t[i] != leaf(base + ((uint64_t)i << level_shift(level + 1)), type, level + 1))
			return 0;
	}
	return leaf(base, type, level);
}

/*
 * After a map: each table on the path (deepest first) that now maps its
 * whole span as one block becomes that block again. dom0's RAM blocks are
 * split when a page of them is lent out (a guest's frame mapped there)
 * and filled again afterwards; without this, every such 2 MiB block would
 * keep a table page for as long as dom0 runs. A vCPU touching the block
 * during the break-before-make gap takes a stage-2 fault that is retried
 * (arm64 guest traps: the frame is mapped by the time it is looked up).
 */
static void coalesce(struct p2m *p2m, uint64_t *const slots[3], unsigned int level,
		     uint64_t gfn)
{
	while (level > 1) {
		uint64_t *parent = slots[level - 2];
		uint64_t *t = table_of(*parent);
		uint64_t block = as_block(t, level - 1, entry_index(gfn, level));

		if (!block)
			return;
		replace_entry(p2m, parent, block);
		free_pages(t, 0);
		p2m->nr_tables--;
		level--;
	}
}

/*
 * Sets one entry covering gfn at the largest level whose size divides
 * both frames and fits in `left`; returns the pages covered, 0 on OOM.
 * mfn is ignored when type is P2M_INVALID (unmap).
 */
static uint64_t set_one(struct p2m *p2m, uint64_t gfn, uint64_t mfn,
			uint64_t left, enum p2m_type type)
{
	uint64_t *table = p2m->root, *slots[3];
	unsigned int level;

	for (level = 1; level <= 3; level++) {
		uint64_t span = 1ULL << level_shift(level);
		uint64_t *slot = &table[entry_index(gfn, level)];
		bool fits = !(gfn & (span - 1)) && left >= span &&
			    (type == P2M_INVALID || !(mfn & (span - 1)));

		slots[level - 1] = slot;
		if (fits) {
			uint64_t old = *slot;

			replace_entry(p2m, slot, type == P2M_INVALID ? 0 : leaf(mfn, type, level));
			free_subtree(p2m, old, level);
			if (type == P2M_INVALID)
				prune(p2m, slots, level);
			else
				coalesce(p2m, slots, level, gfn);
			return span;
		}
		if (type == P2M_INVALID && !(*slot & PTE_VALID))	/* hole */
			return span - (gfn & (span - 1)) < left ?
			       span - (gfn & (span - 1)) : left;
		table = descend(p2m, slot, level);
		if (!table)
			return 0;
	}
	return 0;	/* not reached: level 3 always fits */
}

static int set_range(struct p2m *p2m, uint64_t gfn, uint64_t mfn, uint64_t nr,
		     enum p2m_type type)
{
	int rc = 0;

	if (type >= P2M_NR_TYPES || nr > (1ULL << (P2M_IPA_BITS - PAGE_SHIFT)) ||
	    gfn > (1ULL << (P2M_IPA_BITS - PAGE_SHIFT)) - nr)
		return -1;
	spin_lock(&p2m->lock);
	while (nr) {
		uint64_t done = set_one(p2m, gfn, mfn, nr, type);

		if (!done) {
			rc = -1;
			break;
		}
		gfn += done;
		mfn += done;
		nr -= done;
	}
	spin_unlock(&p2m->lock);
	return rc;
}

int p2m_map(struct p2m *p2m, gfn_t gfn, mfn_t mfn, uint64_t nr, enum p2m_type type)
{
	if (type == P2M_INVALID)
		return -1;
	return set_range(p2m, gfn_x(gfn), mfn_x(mfn), nr, type);
}

int p2m_unmap(struct p2m *p2m, gfn_t gfn, uint64_t nr)
{
	return set_range(p2m, gfn_x(gfn), 0, nr, P2M_INVALID);
}

mfn_t p2m_lookup(struct p2m *p2m, gfn_t gfn, enum p2m_type *type)
{
	uint64_t g = gfn_x(gfn), *table = p2m->root, e = 0;
	unsigned int level;
	mfn_t m = INVALID_MFN;

	*type = P2M_INVALID;
	if (g >> (P2M_IPA_BITS - PAGE_SHIFT))
		return m;
	spin_lock(&p2m->lock);
	for (level = 1; level <= 3; level++) {
		e = table[entry_index(g, level)];
		if (!is_table(e, level))
			break;
		table = table_of(e);
	}
	if (level <= 3 && (e & PTE_VALID)) {
		uint64_t off = g & ((1ULL << level_shift(level)) - 1);

		m = _mfn(((e & PTE_ADDR_MASK) >> PAGE_SHIFT) + off);
		*type = (enum p2m_type)((e & PTE_TYPE_MASK) >> PTE_TYPE_SHIFT);
	}
	spin_unlock(&p2m->lock);
	return m;
}

int p2m_init(struct p2m *p2m, uint16_t vmid)
{
	*p2m = (struct p2m){ .lock = SPIN_LOCK_UNLOCKED, .vmid = vmid };
	p2m->root = alloc_pages_zeroed(P2M_ROOT_ORDER);
	if (!p2m->root)
		return -1;
	p2m->nr_tables = 1 << P2M_ROOT_ORDER;
	return 0;
}

void p2m_destroy(struct p2m *p2m)
{
	unsigned int i;

	if (!p2m->root)
		return;
	spin_lock(&p2m->lock);
	for (i = 0; i < 2 * ENTRIES; i++)
		free_subtree(p2m, p2m->root[i], 1);
	free_pages(p2m->root, P2M_ROOT_ORDER);
	p2m->root = NULL;
	p2m->nr_tables = 0;
	arch_p2m_flush_tlb(p2m->vmid);
	spin_unlock(&p2m->lock);
}

uint64_t p2m_vttbr(const struct p2m *p2m)
{
	return ((uint64_t)p2m->vmid << 48) | virt_to_maddr(p2m->root);
}

static void count_table(const uint64_t *t, unsigned int n, unsigned int level,
			unsigned long counts[4])
{
	unsigned int i;

	for (i = 0; i < n; i++) {
		if (is_table(t[i], level))
			count_table(table_of(t[i]), ENTRIES, level + 1, counts);
		else if (t[i] & PTE_VALID)
			counts[level]++;
	}
}

void p2m_count_leaves(struct p2m *p2m, unsigned long counts[4])
{
	memset(counts, 0, 4 * sizeof(counts[0]));
	spin_lock(&p2m->lock);
	count_table(p2m->root, 2 * ENTRIES, 1, counts);
	spin_unlock(&p2m->lock);
}
