/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Test-and-set spinlocks on the compiler's __atomic builtins: exclusive
 * load/store pairs with acquire/release semantics on both ISAs (arm64 is
 * built with -mno-outline-atomics, so no libgcc helper is involved), and
 * plain host atomics in the unit tests. Locks must live in Normal memory.
 */
#ifndef XEN_SPINLOCK_H
#define XEN_SPINLOCK_H

#include <xen/types.h>

typedef struct {
	volatile uint32_t held;
} spinlock_t;

#define SPIN_LOCK_UNLOCKED { 0 }

static inline void spin_lock(spinlock_t *l)
{
	while (__atomic_exchange_n(&l->held, 1, __ATOMIC_ACQUIRE))
		while (__atomic_load_n(&l->held, __ATOMIC_RELAXED))
			;
}

static inline void spin_unlock(spinlock_t *l)
{
	__atomic_store_n(&l->held, 0, __ATOMIC_RELEASE);
}

static inline bool spin_is_locked(const spinlock_t *l)
{
	return __atomic_load_n(&l->held, __ATOMIC_RELAXED) != 0;
}

#endif
