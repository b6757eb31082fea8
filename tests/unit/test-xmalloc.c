// SPDX-License-Identifier: GPL-2.0-only
/*
 * xmalloc/xfree (xen/common/xmalloc.c) over the buddy allocator on a host
 * arena: alignment, no overlap (every byte of every live object holds its
 * owner's pattern), zeroing, overflow checks, all pages returned once
 * everything is freed, and bad or double frees halt with FATAL.
 */
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>
#include <asm/host.h>
#include <xen/mm.h>
#include <xen/xmalloc.h>
#include "check.h"

#define ARENA_SIZE (16UL << 20)
#define NR_OBJS 3000

struct obj {
	unsigned char *p;
	size_t size;
	unsigned char pat;
};

static int intact(const struct obj *o)
{
	size_t i;

	for (i = 0; i < o->size; i++)
		if (o->p[i] != o->pat)
			return 0;
	return 1;
}

static size_t random_size(void)
{
	switch (rand() % 4) {
	case 0: return 1 + (size_t)rand() % 16;
	case 1: return 1 + (size_t)rand() % 256;
	case 2: return 1 + (size_t)rand() % 1100;
	default: return 1 + (size_t)rand() % 20000;
	}
}

static void test_mixed(void)
{
	static struct obj objs[NR_OBJS];
	unsigned long free_before = page_alloc_free_count();
	unsigned int i, round;

	for (round = 0; round < 4; round++) {
		for (i = 0; i < NR_OBJS; i++) {
			struct obj *o = &objs[i];

			if (o->p) {
				CHECK(intact(o));
				xfree(o->p);
			}
			o->size = random_size();
			o->pat = (unsigned char)(i + round);
			o->p = xmalloc_bytes(o->size);
			CHECK(o->p && ((uintptr_t)o->p & 15) == 0);
			if (o->p)
				memset(o->p, o->pat, o->size);
		}
	}
	for (i = 0; i < NR_OBJS; i++) {
		CHECK(intact(&objs[i]));
		xfree(objs[i].p);
		objs[i].p = NULL;
	}
	CHECK(xmalloc_in_use() == 0);
	CHECK(page_alloc_free_count() == free_before);
}

static void test_edges(void)
{
	unsigned char *z = xzalloc_bytes(3000);
	size_t i, nonzero = 0;
	struct pair { uint64_t a, b; } *arr;

	for (i = 0; z && i < 3000; i++)
		nonzero += z[i];
	CHECK(z && nonzero == 0);
	xfree(z);
	CHECK(xmalloc_bytes(0) == NULL);
	CHECK(xmalloc_bytes((size_t)-1) == NULL);
	CHECK(xzalloc_array_bytes((size_t)-1 / 4, 8) == NULL);
	arr = xzalloc_array(struct pair, 100);
	CHECK(arr && arr[99].a == 0 && arr[99].b == 0);
	xfree(arr);
	xfree(NULL);
	/* Larger than the arena: NULL, not a crash. */
	CHECK(xmalloc_bytes(64UL << 20) == NULL);
	CHECK(xmalloc_in_use() == 0);
}

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

static void double_free(void)
{
	void *keep = xmalloc_bytes(40), *p = xmalloc_bytes(40);

	xfree(p);
	xfree(p);
	xfree(keep);
}

static void interior(void)
{
	xfree((char *)xmalloc_bytes(100) + 16);
}

static void foreign(void)
{
	static char buf[64];

	xfree(buf);
}

static void large_interior(void)
{
	xfree((char *)xmalloc_bytes(10000) + 64);
}

int main(void)
{
	void *arena;

	if (posix_memalign(&arena, 2UL << 20, ARENA_SIZE))
		return 2;
	CHECK(page_alloc_add_range((uintptr_t)arena, (uintptr_t)arena + ARENA_SIZE) > 0);
	srand(777);
	test_mixed();
	test_edges();
	CHECK(halts(double_free));
	CHECK(halts(interior));
	CHECK(halts(foreign));
	CHECK(halts(large_interior));
	free(arena);
	return check_result("test-xmalloc");
}
