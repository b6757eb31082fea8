// SPDX-License-Identifier: GPL-2.0-only
/*
 * Buddy page allocator. Free RAM arrives as ranges (bootinfo_free_ram());
 * each range keeps a page_info per page at its own start. A free block of
 * 2^k pages starts at a frame number that is a multiple of 2^k, so blocks
 * of 2 MiB and 1 GiB are naturally aligned for block mappings. Buddies
 * merge only inside one range. The metadata lives outside the pages it
 * describes, so a guest or a bug scribbling on a free page cannot corrupt
 * the free lists.
 *
 * Lock order: heap_lock is a leaf (nothing else is taken while held).
 */
#include <xen/console.h>
#include <xen/lib.h>
#include <xen/mm.h>
#include <xen/spinlock.h>

#define NR_RANGES 32

enum page_state {
	PGS_UNUSED,	/* inside a block, not its head */
	PGS_FREE,	/* head of a free block of 2^order pages */
	PGS_ALLOCATED,	/* head of an allocated block of 2^order pages */
};

struct page_info {
	struct page_info *next, *prev;	/* free list of its order */
	uint32_t order;
	uint32_t state;
};

struct mem_range {
	uint64_t first_pfn;
	uint64_t nr_pages;
	struct page_info *pages;
};

static spinlock_t heap_lock = SPIN_LOCK_UNLOCKED;
static struct mem_range ranges[NR_RANGES];
static unsigned int nr_ranges;
static struct page_info *free_list[MAX_ORDER + 1];
static unsigned long free_count[MAX_ORDER + 1];
static unsigned long total_pages;

static struct mem_range *range_of(uint64_t pfn)
{
	unsigned int i;

	for (i = 0; i < nr_ranges; i++)
		if (pfn >= ranges[i].first_pfn &&
		    pfn - ranges[i].first_pfn < ranges[i].nr_pages)
			return &ranges[i];
	return NULL;
}

/* The range whose page_info array holds `pg` (our own pointer). */
static struct mem_range *range_of_pg(const struct page_info *pg)
{
	unsigned int i;

	for (i = 0; i < nr_ranges; i++)
		if (pg >= ranges[i].pages && pg < ranges[i].pages + ranges[i].nr_pages)
			return &ranges[i];
	return NULL;
}

static struct page_info *pg_of(struct mem_range *r, uint64_t pfn)
{
	return &r->pages[pfn - r->first_pfn];
}

static uint64_t pfn_of(struct mem_range *r, const struct page_info *pg)
{
	return r->first_pfn + (uint64_t)(pg - r->pages);
}

static void list_push(struct page_info *pg, unsigned int order)
{
	pg->state = PGS_FREE;
	pg->order = order;
	pg->prev = NULL;
	pg->next = free_list[order];
	if (pg->next)
		pg->next->prev = pg;
	free_list[order] = pg;
	free_count[order]++;
}

static void list_del(struct page_info *pg)
{
	if (pg->prev)
		pg->prev->next = pg->next;
	else
		free_list[pg->order] = pg->next;
	if (pg->next)
		pg->next->prev = pg->prev;
	free_count[pg->order]--;
	pg->state = PGS_UNUSED;
}

/* Free block at pfn of 2^order pages, merged with free buddies. */
static void free_block(struct mem_range *r, uint64_t pfn, unsigned int order)
{
	while (order < MAX_ORDER) {
		uint64_t buddy = pfn ^ (1ULL << order);
		struct page_info *b;

		if (buddy < r->first_pfn ||
		    buddy - r->first_pfn + (1ULL << order) > r->nr_pages)
			break;
		b = pg_of(r, buddy);
		if (b->state != PGS_FREE || b->order != order)
			break;
		list_del(b);
		pfn &= ~(1ULL << order);
		order++;
	}
	list_push(pg_of(r, pfn), order);
}

/* The largest aligned block starting at pfn that fits in `left` pages. */
static unsigned int fit_order(uint64_t pfn, uint64_t left)
{
	unsigned int order = 0;

	while (order < MAX_ORDER && !(pfn & (1ULL << order)) &&
	       (2ULL << order) <= left)
		order++;
	return order;
}

static void range_release_all(struct mem_range *r, uint64_t from_pfn)
{
	uint64_t pfn = from_pfn, end = r->first_pfn + r->nr_pages;

	while (pfn < end) {
		unsigned int order = fit_order(pfn, end - pfn);

		list_push(pg_of(r, pfn), order);
		pfn += 1ULL << order;
	}
}

unsigned long page_alloc_add_range(paddr_t start, paddr_t end)
{
	uint64_t first = ROUNDUP(start, PAGE_SIZE) >> PAGE_SHIFT;
	uint64_t last = ROUNDDOWN(end, PAGE_SIZE) >> PAGE_SHIFT;
	uint64_t meta, nr;
	struct mem_range *r;

	if (last <= first || nr_ranges == NR_RANGES)
		return 0;
	nr = last - first;
	meta = ROUNDUP(nr * sizeof(struct page_info), PAGE_SIZE) >> PAGE_SHIFT;
	if (meta + 1 >= nr)
		return 0;
	spin_lock(&heap_lock);
	r = &ranges[nr_ranges++];
	r->first_pfn = first;
	r->nr_pages = nr;
	r->pages = maddr_to_virt(first << PAGE_SHIFT);
	memset(r->pages, 0, meta << PAGE_SHIFT);
	range_release_all(r, first + meta);
	total_pages += nr - meta;
	spin_unlock(&heap_lock);
	return nr - meta;
}

/* Takes a block of at least 2^order pages and splits it down to size. */
static void *take_block(unsigned int order)
{
	unsigned int k = order;
	struct page_info *pg;
	struct mem_range *r;
	uint64_t pfn;

	while (k <= MAX_ORDER && !free_list[k])
		k++;
	if (k > MAX_ORDER)
		return NULL;
	pg = free_list[k];
	list_del(pg);
	r = range_of_pg(pg);
	pfn = pfn_of(r, pg);
	while (k > order) {
		k--;
		list_push(pg_of(r, pfn + (1ULL << k)), k);
	}
	pg->state = PGS_ALLOCATED;
	pg->order = order;
	return maddr_to_virt(pfn << PAGE_SHIFT);
}

void *alloc_pages(unsigned int order)
{
	void *p;

	if (order > MAX_ORDER)
		return NULL;
	spin_lock(&heap_lock);
	p = take_block(order);
	spin_unlock(&heap_lock);
	return p;
}

void *alloc_pages_zeroed(unsigned int order)
{
	void *p = alloc_pages(order);

	if (p)
		memset(p, 0, PAGE_SIZE << order);
	return p;
}

void free_pages(void *p, unsigned int order)
{
	uint64_t pfn = virt_to_maddr(p) >> PAGE_SHIFT;
	struct mem_range *r;
	struct page_info *pg;

	spin_lock(&heap_lock);
	r = range_of(pfn);
	pg = r ? pg_of(r, pfn) : NULL;
	if (!pg || (virt_to_maddr(p) & (PAGE_SIZE - 1)) ||
	    pg->state != PGS_ALLOCATED || pg->order != order) {
		spin_unlock(&heap_lock);
		fatal("free_pages(%p, order %u): not a block allocated with this order",
		      p, order);
	}
	free_block(r, pfn, order);
	spin_unlock(&heap_lock);
}

unsigned long page_alloc_free_count(void)
{
	unsigned long n = 0;
	unsigned int k;

	for (k = 0; k <= MAX_ORDER; k++)
		n += free_count[k] << k;
	return n;
}

unsigned long page_alloc_total(void)
{
	return total_pages;
}

unsigned long page_alloc_free_blocks(unsigned int order)
{
	return order <= MAX_ORDER ? free_count[order] : 0;
}

bool page_alloc_owns(const void *p, size_t size)
{
	uint64_t first = virt_to_maddr(p) >> PAGE_SHIFT;
	uint64_t last = (virt_to_maddr(p) + (size ? size - 1 : 0)) >> PAGE_SHIFT;
	struct mem_range *r = range_of(first);

	return r && last - r->first_pfn < r->nr_pages;
}
