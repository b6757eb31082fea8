// SPDX-License-Identifier: GPL-2.0-only
/*
 * The emulated-MMIO table (xen/common/mmio.c): registration rules
 * (overlap, wrap, full table), dispatch by address with the offset from
 * the region base, accesses straddling a region end refused, sizes.
 */
#include <xen/mmio.h>
#include "check.h"

struct dev {
	uint32_t regs[16];
	unsigned int calls;
};

static int dev_access(void *priv, paddr_t off, struct mmio_access *a)
{
	struct dev *d = priv;

	d->calls++;
	if (off % 4 || a->size != 4)
		return -1;		/* this device takes aligned words only */
	if (a->write)
		d->regs[off / 4] = (uint32_t)a->value;
	else
		a->value = d->regs[off / 4];
	return 0;
}

static const struct mmio_ops dev_ops = { .access = dev_access };

int main(void)
{
	struct mmio_table t = { 0 };
	struct dev a, b;
	struct mmio_access acc;
	unsigned int i;

	memset(&a, 0, sizeof(a));
	memset(&b, 0, sizeof(b));
	CHECK(mmio_register(&t, 0x8000000, 64, &dev_ops, &a) == 0);
	CHECK(mmio_register(&t, 0x8010000, 64, &dev_ops, &b) == 0);
	CHECK(mmio_register(&t, 0x8000020, 64, &dev_ops, &b) == -1);	/* overlap */
	CHECK(mmio_register(&t, 0x7fffff0, 32, &dev_ops, &b) == -1);	/* overlap below */
	CHECK(mmio_register(&t, ~0ULL - 8, 64, &dev_ops, &b) == -1);	/* wraps */
	CHECK(mmio_register(&t, 0x9000000, 0, &dev_ops, &b) == -1);	/* empty */
	CHECK(mmio_register(&t, 0x9000000, 4, NULL, &b) == -1);

	acc = (struct mmio_access){ 0x8010008, 4, true, 0x12345678 };
	CHECK(mmio_dispatch(&t, &acc) == 0 && b.regs[2] == 0x12345678 && a.calls == 0);
	acc = (struct mmio_access){ 0x8010008, 4, false, 0 };
	CHECK(mmio_dispatch(&t, &acc) == 0 && acc.value == 0x12345678);
	acc = (struct mmio_access){ 0x801003c, 4, false, 0 };		/* last word */
	CHECK(mmio_dispatch(&t, &acc) == 0);
	acc = (struct mmio_access){ 0x801003e, 4, false, 0 };		/* straddles end */
	CHECK(mmio_dispatch(&t, &acc) == -1);
	acc = (struct mmio_access){ 0x8010040, 4, false, 0 };		/* just past */
	CHECK(mmio_dispatch(&t, &acc) == -1);
	acc = (struct mmio_access){ 0x8000002, 4, false, 0 };		/* handler refuses */
	CHECK(mmio_dispatch(&t, &acc) == -1 && a.calls == 1);
	acc = (struct mmio_access){ 0x8000000, 3, false, 0 };		/* bad size */
	CHECK(mmio_dispatch(&t, &acc) == -1 && a.calls == 1);
	acc = (struct mmio_access){ 0x0, 4, false, 0 };
	CHECK(mmio_dispatch(&t, &acc) == -1);
	for (i = 2; i < MMIO_MAX_REGIONS; i++)
		CHECK(mmio_register(&t, 0x10000000 + i * 0x1000, 0x1000, &dev_ops, &a) == 0);
	CHECK(mmio_register(&t, 0x20000000, 0x1000, &dev_ops, &a) == -1);	/* full */
	return check_result("test-mmio");
}
