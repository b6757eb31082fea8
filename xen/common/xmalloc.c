// SPDX-License-Identifier: GPL-2.0-only
/*
 * Small objects. A slab is one page: a header, then objects of one size
 * class. Partially free slabs of a class are on that class's list; an
 * empty slab goes back to the page allocator. Requests above the largest
 * class get 2^k pages with the same header in front. Rounding a pointer
 * down to its page therefore always finds a header, which is how xfree
 * knows what it was given.
 *
 * Lock order: xmalloc_lock, then heap_lock (page_alloc.c).
 */
#include <xen/console.h>
#include <xen/lib.h>
#include <xen/mm.h>
#include <xen/spinlock.h>
#include <xen/xmalloc.h>

#define MIN_SHIFT 4
#define MAX_SHIFT 10
#define NR_CLASSES (MAX_SHIFT - MIN_SHIFT + 1)
#define HDR_SIZE 64		/* keeps objects 16-byte (and cache-line) aligned */
#define LARGE_CLASS 0xffff
#define SLAB_MAGIC 0x51ab51abU

struct free_obj {
	struct free_obj *next;
};

struct slab {
	uint32_t magic;
	uint16_t cls;		/* size class, or LARGE_CLASS */
	uint16_t order;		/* LARGE_CLASS: pages are 2^order */
	uint32_t nr_free;
	uint32_t nr_objs;
	struct free_obj *free;
	struct slab *next, *prev;	/* partial list of the class */
};

_Static_assert(sizeof(struct slab) <= HDR_SIZE, "slab header too large");

static spinlock_t xmalloc_lock = SPIN_LOCK_UNLOCKED;
static struct slab *partial[NR_CLASSES];
static size_t bytes_in_use;

static unsigned int class_of(size_t size)
{
	unsigned int c = 0;

	while ((1UL << (c + MIN_SHIFT)) < size)
		c++;
	return c;
}

static size_t class_size(unsigned int c)
{
	return 1UL << (c + MIN_SHIFT);
}

static void partial_add(struct slab *s)
{
	s->prev = NULL;
	s->next = partial[s->cls];
	if (s->next)
		s->next->prev = s;
	partial[s->cls] = s;
}

static void partial_del(struct slab *s)
{
	if (s->prev)
		s->prev->next = s->next;
	else
		partial[s->cls] = s->next;
	if (s->next)
		s->next->prev = s->prev;
	s->next = s->prev = NULL;
}

static struct slab *slab_new(unsigned int c)
{
	struct slab *s = alloc_pages(0);
	size_t sz = class_size(c), off;

	if (!s)
		return NULL;
	*s = (struct slab){ .magic = SLAB_MAGIC, .cls = c };
	for (off = PAGE_SIZE - sz; off >= HDR_SIZE; off -= sz) {
		struct free_obj *o = (struct free_obj *)((char *)s + off);

		o->next = s->free;
		s->free = o;
		s->nr_objs++;
	}
	s->nr_free = s->nr_objs;
	partial_add(s);
	return s;
}

static void *slab_alloc(unsigned int c)
{
	struct slab *s = partial[c] ? partial[c] : slab_new(c);
	struct free_obj *o;

	if (!s)
		return NULL;
	o = s->free;
	s->free = o->next;
	if (--s->nr_free == 0)
		partial_del(s);
	bytes_in_use += class_size(c);
	return o;
}

static void *large_alloc(size_t size)
{
	unsigned int order = 0;
	struct slab *s;

	while ((PAGE_SIZE << order) - HDR_SIZE < size)
		if (++order > MAX_ORDER)
			return NULL;
	s = alloc_pages(order);
	if (!s)
		return NULL;
	*s = (struct slab){ .magic = SLAB_MAGIC, .cls = LARGE_CLASS, .order = order };
	bytes_in_use += PAGE_SIZE << order;
	return (char *)s + HDR_SIZE;
}

void *xmalloc_bytes(size_t size)
{
	void *p;

	if (!size || size > (PAGE_SIZE << MAX_ORDER) - HDR_SIZE)
		return NULL;
	spin_lock(&xmalloc_lock);
	if (size <= class_size(NR_CLASSES - 1))
		p = slab_alloc(class_of(size));
	else
		p = large_alloc(size);
	spin_unlock(&xmalloc_lock);
	return p;
}

void *xzalloc_bytes(size_t size)
{
	void *p = xmalloc_bytes(size);

	if (p)
		memset(p, 0, size);
	return p;
}

void *xzalloc_array_bytes(size_t n, size_t size)
{
	if (size && n > (size_t)-1 / size)
		return NULL;
	return xzalloc_bytes(n * size);
}

/* An object pointer must sit on an object boundary of its slab. */
static bool slab_ptr_ok(const struct slab *s, const void *p)
{
	size_t off = (size_t)((const char *)p - (const char *)s);

	if (s->cls == LARGE_CLASS)
		return off == HDR_SIZE;
	if (s->cls >= NR_CLASSES || off < HDR_SIZE)
		return false;
	return (PAGE_SIZE - off) % class_size(s->cls) == 0;
}

static bool slab_has_free(const struct slab *s, const void *p)
{
	const struct free_obj *o;

	for (o = s->free; o; o = o->next)
		if (o == p)
			return true;
	return false;
}

static void slab_free(struct slab *s, void *p)
{
	struct free_obj *o = p;

	o->next = s->free;
	s->free = o;
	bytes_in_use -= class_size(s->cls);
	if (s->nr_free++ == 0)
		partial_add(s);
	if (s->nr_free == s->nr_objs) {
		partial_del(s);
		s->magic = 0;
		free_pages(s, 0);
	}
}

void xfree(void *p)
{
	struct slab *s = (struct slab *)ROUNDDOWN((uintptr_t)p, PAGE_SIZE);

	if (!p)
		return;
	spin_lock(&xmalloc_lock);
	if (!page_alloc_owns(s, PAGE_SIZE) || s->magic != SLAB_MAGIC ||
	    !slab_ptr_ok(s, p) ||
	    (s->cls != LARGE_CLASS && slab_has_free(s, p))) {
		spin_unlock(&xmalloc_lock);
		fatal("xfree(%p): not a live pointer xmalloc returned (bad or double free)", p);
	}
	if (s->cls == LARGE_CLASS) {
		bytes_in_use -= PAGE_SIZE << s->order;
		s->magic = 0;
		free_pages(s, s->order);
	} else {
		slab_free(s, p);
	}
	spin_unlock(&xmalloc_lock);
}

size_t xmalloc_in_use(void)
{
	return bytes_in_use;
}
