// SPDX-License-Identifier: GPL-2.0-only
/* Free-RAM computation and the boot summary printed on the console. */
#include <xen/bootinfo.h>
#include <xen/console.h>
#include <xen/lib.h>

/* Removes [s, e) from every range of `mi`, splitting where needed. */
static void carve(struct meminfo *mi, paddr_t s, paddr_t e)
{
	struct meminfo out = { 0 };
	unsigned int i;

	for (i = 0; i < mi->nr; i++) {
		paddr_t bs = mi->bank[i].start;
		paddr_t be = bs + mi->bank[i].size;

		if (e <= bs || s >= be) {
			if (out.nr < NR_MEM_BANKS)
				out.bank[out.nr++] = mi->bank[i];
			continue;
		}
		if (bs < s && out.nr < NR_MEM_BANKS)
			out.bank[out.nr++] = (struct membank){ bs, s - bs };
		if (e < be && out.nr < NR_MEM_BANKS)
			out.bank[out.nr++] = (struct membank){ e, be - e };
	}
	*mi = out;
}

unsigned int bootinfo_free_ram(const struct bootinfo *bi, struct meminfo *out)
{
	unsigned int i;

	*out = bi->mem;
	for (i = 0; i < bi->reserved.nr; i++)
		carve(out, bi->reserved.bank[i].start,
		      bi->reserved.bank[i].start + bi->reserved.bank[i].size);
	for (i = 0; i < bi->nr_mods; i++)
		carve(out, bi->mod[i].start, bi->mod[i].start + bi->mod[i].size);
	return out->nr;
}

void bootinfo_print(const struct bootinfo *bi)
{
	unsigned int i;

	for (i = 0; i < bi->mem.nr; i++)
		printk("RAM: %016llx - %016llx\n",
		       (unsigned long long)bi->mem.bank[i].start,
		       (unsigned long long)(bi->mem.bank[i].start + bi->mem.bank[i].size - 1));
	printk("\n");
	for (i = 0; i < bi->nr_mods; i++)
		printk("MODULE[%u]: %016llx - %016llx %s\n", i,
		       (unsigned long long)bi->mod[i].start,
		       (unsigned long long)(bi->mod[i].start + bi->mod[i].size),
		       bootmod_kind_name(bi->mod[i].kind));
	for (i = 0; i < bi->reserved.nr; i++)
		printk(" RESVD[%u]: %016llx - %016llx\n", i,
		       (unsigned long long)bi->reserved.bank[i].start,
		       (unsigned long long)(bi->reserved.bank[i].start + bi->reserved.bank[i].size));
	printk("\n");
}
