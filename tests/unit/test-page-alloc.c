// SPDX-License-Identifier: GPL-2.0-only
/*
 * The buddy allocator (xen/common/page_alloc.c) on a host arena: every
 * block aligned to its size and inside the arena, no two live blocks
 * overlap (each page carries its owner's tag, checked on free), freeing
 * everything restores the exact initial block structure, misuse halts.
 */
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>
#include <asm/host.h>
#include <xen/mm.h>
#include "check.h"

#define ARENA_SIZE (64UL << 20)
#define ARENA_ALIGN (32UL << 20)
#define MAX_LIVE 4096

static char *arena;
static unsigned long snapshot[MAX_ORDER + 1];

static void take_snapshot(void)
{
	unsigned int k;

	for (k = 0; k <= MAX_ORDER; k++)
		snapshot[k] = page_alloc_free_blocks(k);
}

static int same_as_snapshot(void)
{
	unsigned int k;

	for (k = 0; k <= MAX_ORDER; k++)
		if (snapshot[k] != page_alloc_free_blocks(k))
			return 0;
	return 1;
}

static int in_arena(const void *p, size_t size)
{
	return (const char *)p >= arena && (const char *)p + size <= arena + ARENA_SIZE;
}

static void test_ranges(void)
{
	/* Unaligned ends are rounded in; the metadata comes off the top. */
	unsigned long a = page_alloc_add_range((uintptr_t)arena + 3 * PAGE_SIZE + 100,
					       (uintptr_t)arena + (40UL << 20) + 5000);
	unsigned long b = page_alloc_add_range((uintptr_t)arena + (48UL << 20),
					       (uintptr_t)arena + ARENA_SIZE);

	CHECK(a > 0 && a < ((40UL << 20) >> PAGE_SHIFT) - 4);
	CHECK(b > 0 && b < ((16UL << 20) >> PAGE_SHIFT));
	CHECK(page_alloc_total() == a + b);
	CHECK(page_alloc_free_count() == a + b);
	CHECK(page_alloc_add_range((uintptr_t)arena + (46UL << 20),
				   (uintptr_t)arena + (46UL << 20) + PAGE_SIZE) == 0);
	CHECK(page_alloc_add_range(5 * PAGE_SIZE, 5 * PAGE_SIZE) == 0);
	take_snapshot();
}

/* Exhaust the heap one page at a time, then give it all back. */
static void test_exhaust(void)
{
	unsigned long total = page_alloc_total(), n = 0, i;
	void **pages = calloc(total + 1, sizeof(*pages));

	while (n <= total && (pages[n] = alloc_pages(0)) != NULL) {
		CHECK(in_arena(pages[n], PAGE_SIZE));
		CHECK(((uintptr_t)pages[n] & (PAGE_SIZE - 1)) == 0);
		memset(pages[n], 0xa5, PAGE_SIZE);
		n++;
	}
	CHECK(n == total);
	CHECK(page_alloc_free_count() == 0);
	CHECK(alloc_pages(0) == NULL);
	for (i = n; i > 1; i--) {	/* free in a shuffled order */
		unsigned long j = (unsigned long)rand() % i;
		void *t = pages[i - 1];

		pages[i - 1] = pages[j];
		pages[j] = t;
	}
	for (i = 0; i < n; i++)
		free_pages(pages[i], 0);
	CHECK(page_alloc_free_count() == total);
	CHECK(same_as_snapshot());
	free(pages);
}

struct live {
	uint32_t *p;
	unsigned int order;
	uint32_t tag;
};

static void tag_block(const struct live *l)
{
	size_t i, words = (PAGE_SIZE << l->order) / sizeof(uint32_t);

	for (i = 0; i < words; i += PAGE_SIZE / sizeof(uint32_t))
		l->p[i] = l->tag;
}

static int block_tag_intact(const struct live *l)
{
	size_t i, words = (PAGE_SIZE << l->order) / sizeof(uint32_t);

	for (i = 0; i < words; i += PAGE_SIZE / sizeof(uint32_t))
		if (l->p[i] != l->tag)
			return 0;
	return 1;
}

static void stress_step(struct live *live, unsigned int *nr, uint32_t tag)
{
	if (*nr && (rand() % 2 || *nr == MAX_LIVE)) {
		unsigned int v = (unsigned int)rand() % *nr;

		CHECK(block_tag_intact(&live[v]));
		free_pages(live[v].p, live[v].order);
		live[v] = live[--*nr];
	} else {
		struct live l = { .order = (unsigned int)rand() % 10, .tag = tag };

		l.p = alloc_pages(l.order);
		if (!l.p)
			return;
		CHECK(in_arena(l.p, PAGE_SIZE << l.order));
		CHECK(((uintptr_t)l.p & ((PAGE_SIZE << l.order) - 1)) == 0);
		tag_block(&l);
		live[(*nr)++] = l;
	}
}

/* Random alloc/free of orders 0..9; overlapping blocks would clobber tags. */
static void test_stress(void)
{
	static struct live live[MAX_LIVE];
	unsigned int nr = 0, i;

	srand(12345);
	for (i = 0; i < 200000; i++)
		stress_step(live, &nr, i + 1);
	while (nr) {
		CHECK(block_tag_intact(&live[nr - 1]));
		free_pages(live[nr - 1].p, live[nr - 1].order);
		nr--;
	}
	CHECK(page_alloc_free_count() == page_alloc_total());
	CHECK(same_as_snapshot());
}

static void test_big_and_zeroed(void)
{
	unsigned char *p = alloc_pages(9);	/* 2 MiB, as a block mapping needs */
	unsigned char *z;
	size_t i, nonzero = 0;

	CHECK(p && ((uintptr_t)p & ((2UL << 20) - 1)) == 0);
	memset(p, 0xff, 2UL << 20);
	free_pages(p, 9);
	z = alloc_pages_zeroed(9);
	for (i = 0; z && i < (2UL << 20); i++)
		nonzero += z[i] != 0;
	CHECK(z && nonzero == 0);
	free_pages(z, 9);
	CHECK(alloc_pages(MAX_ORDER + 1) == NULL);
	CHECK(alloc_pages(MAX_ORDER) == NULL);	/* no 1 GiB block in 64 MiB */
	CHECK(same_as_snapshot());
}

/* Runs `fn` in a child: it must halt (status 70) with a FATAL line. */
static int halts(void (*fn)(void))
{
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		fn();
		_exit(0);
	}
	waitpid(pid, &status, 0);
	return WIFEXITED(status) && WEXITSTATUS(status) == HOST_HALT_STATUS;
}

static void wrong_order(void)
{
	free_pages(alloc_pages(2), 1);
}

static void double_free(void)
{
	void *p = alloc_pages(0);

	free_pages(p, 0);
	free_pages(p, 0);
}

static void foreign(void)
{
	static char page[2 * PAGE_SIZE];

	free_pages((void *)ROUNDUP((uintptr_t)page, PAGE_SIZE), 0);
}

static void misaligned(void)
{
	free_pages((char *)alloc_pages(0) + 8, 0);
}

int main(void)
{
	if (posix_memalign((void **)&arena, ARENA_ALIGN, ARENA_SIZE))
		return 2;
	test_ranges();
	test_exhaust();
	test_stress();
	test_big_and_zeroed();
	CHECK(halts(wrong_order));
	CHECK(halts(double_free));
	CHECK(halts(foreign));
	CHECK(halts(misaligned));
	CHECK(same_as_snapshot());
	free(arena);
	return check_result("test-page-alloc");
}
