/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Machine memory: frame-number types and the buddy page allocator.
 *
 * The hypervisor maps all RAM 1:1 (virtual = physical), so a page is
 * named by its address; in the host unit tests the "RAM" is an arena of
 * host memory and the same identity holds.
 */
#ifndef XEN_MM_H
#define XEN_MM_H

#include <xen/types.h>

#define PAGE_SHIFT 12
#define PAGE_SIZE (1UL << PAGE_SHIFT)
/* Largest block: 2^18 pages = 1 GiB (a level-1 block in LPAE). */
#define MAX_ORDER 18

/* Machine and guest frame numbers: distinct types so they cannot be mixed. */
typedef struct { uint64_t mfn; } mfn_t;
typedef struct { uint64_t gfn; } gfn_t;

static inline mfn_t _mfn(uint64_t n) { return (mfn_t){ n }; }
static inline gfn_t _gfn(uint64_t n) { return (gfn_t){ n }; }
static inline uint64_t mfn_x(mfn_t m) { return m.mfn; }
static inline uint64_t gfn_x(gfn_t g) { return g.gfn; }
static inline paddr_t mfn_to_maddr(mfn_t m) { return m.mfn << PAGE_SHIFT; }
static inline mfn_t maddr_to_mfn(paddr_t a) { return _mfn(a >> PAGE_SHIFT); }
static inline paddr_t gfn_to_gaddr(gfn_t g) { return g.gfn << PAGE_SHIFT; }
static inline gfn_t gaddr_to_gfn(paddr_t a) { return _gfn(a >> PAGE_SHIFT); }
static inline void *maddr_to_virt(paddr_t a) { return (void *)(uintptr_t)a; }
static inline paddr_t virt_to_maddr(const void *p) { return (paddr_t)(uintptr_t)p; }

/*
 * Hand [start, end) of free RAM to the allocator (rounded in to pages).
 * Its first pages hold the range's page_info array. Returns the number of
 * pages made allocatable (0 if the range is too small or the table full).
 */
unsigned long page_alloc_add_range(paddr_t start, paddr_t end);

/* 2^order contiguous pages aligned to their size, or NULL. Not zeroed. */
void *alloc_pages(unsigned int order);
/* The same, zeroed. */
void *alloc_pages_zeroed(unsigned int order);
/*
 * Give back what alloc_pages(order) returned. Anything else (wrong order,
 * not allocated, not ours) is a hypervisor bug and stops with FATAL.
 */
void free_pages(void *p, unsigned int order);

/* Pages currently free, and pages ever added. */
unsigned long page_alloc_free_count(void);
unsigned long page_alloc_total(void);
/* Free pages in blocks of exactly `order` (for tests and statistics). */
unsigned long page_alloc_free_blocks(unsigned int order);

/* True if [p, p + size) lies in pages the allocator manages. */
bool page_alloc_owns(const void *p, size_t size);

#endif
