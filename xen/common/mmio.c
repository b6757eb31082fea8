// SPDX-License-Identifier: GPL-2.0-only
/* Per-domain table of emulated MMIO regions (see xen/mmio.h). */
#include <xen/mmio.h>

static bool overlaps(const struct mmio_region *r, paddr_t base, paddr_t size)
{
	return base < r->base + r->size && r->base < base + size;
}

int mmio_register(struct mmio_table *t, paddr_t base, paddr_t size,
		  const struct mmio_ops *ops, void *priv)
{
	unsigned int i;

	if (t->nr == MMIO_MAX_REGIONS || !size || base + size < base || !ops || !ops->access)
		return -1;
	for (i = 0; i < t->nr; i++)
		if (overlaps(&t->region[i], base, size))
			return -1;
	t->region[t->nr++] = (struct mmio_region){ base, size, ops, priv };
	return 0;
}

int mmio_dispatch(const struct mmio_table *t, struct mmio_access *a)
{
	unsigned int i;

	if (a->size != 1 && a->size != 2 && a->size != 4 && a->size != 8)
		return -1;
	for (i = 0; i < t->nr; i++) {
		const struct mmio_region *r = &t->region[i];

		if (a->addr >= r->base && a->addr - r->base <= r->size - a->size)
			return r->ops->access(r->priv, a->addr - r->base, a);
	}
	return -1;
}
