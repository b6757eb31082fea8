// SPDX-License-Identifier: GPL-2.0-only
/*
 * dom0: RAM mapped 1:1 (guest physical = machine) from one naturally
 * aligned heap block, so stage 2 uses the largest blocks; the kernel (an
 * arm64 Image, booting.rst) at RAM + text_offset; the device tree in the
 * last 2 MiB of its RAM and the initrd just below. Stage 2 maps every
 * non-RAM address 1:1 as MMIO except the interrupt controller and the
 * hypervisor's UART, which dom0 must not touch directly.
 */
#include <asm/dom0.h>
#include <asm/gic.h>
#include <asm/guest.h>
#include <asm/vgic.h>
#include <libfdt.h>
#include <xen/console.h>
#include <xen/device_tree.h>
#include <xen/gunzip.h>
#include <xen/lib.h>
#include <xen/mm.h>
#include <xen/sched.h>
#include <xen/smp.h>
#include <xen/xmalloc.h>

#define IMAGE_MAGIC 0x644d5241U		/* "ARM\x64" at offset 0x38 */
#define MiB2 (2ULL << 20)
#define IPA_PAGES (1ULL << (P2M_IPA_BITS - PAGE_SHIFT))

static const char *const gic_compatibles[] = {
	"arm,gic-v3", "arm,gic-400", "arm,cortex-a15-gic", "arm,cortex-a9-gic",
};

static uint64_t le64(const uint8_t *p)
{
	uint64_t v = 0;
	int i;

	for (i = 7; i >= 0; i--)
		v = (v << 8) | p[i];
	return v;
}

static unsigned int order_for(uint64_t bytes)
{
	unsigned int order = 0;

	while ((PAGE_SIZE << order) < bytes)
		order++;
	return order;
}

static void alloc_ram(const struct xen_options *opts, struct dom0_layout *l)
{
	uint64_t want = opts->dom0_mem[0] ? cmdline_parse_size(opts->dom0_mem) : DOM0_DEFAULT_MEM;
	void *ram;

	if (want < (32ULL << 20))
		fatal("dom0_mem=%s: unreadable or below 32M", opts->dom0_mem);
	want = ROUNDUP(want, MiB2);
	ram = order_for(want) <= MAX_ORDER ? alloc_pages(order_for(want)) : NULL;
	if (!ram)
		fatal("dom0_mem=%s: no free, naturally aligned block of %llu MiB for dom0's RAM",
		      opts->dom0_mem, (unsigned long long)((PAGE_SIZE << order_for(want)) >> 20));
	l->ram = virt_to_maddr(ram);
	l->ram_size = want;
}

/* A gzip'd Image is inflated to the start of dom0's RAM first. */
static const uint8_t *maybe_gunzip(const struct bootmodule *k, struct dom0_layout *l,
				   uint64_t *size)
{
	const void *src = maddr_to_virt(k->start);
	const char *why;
	long n;

	*size = k->size;
	if (!gunzip_is_gzip(src, k->size))
		return src;
	n = gunzip(maddr_to_virt(l->ram), l->ram_size / 2, src, k->size, &why);
	if (n < 0)
		fatal("dom0 kernel module at %#llx: gzip: %s", (unsigned long long)k->start, why);
	*size = (uint64_t)n;
	return maddr_to_virt(l->ram);
}

static void load_kernel(const struct bootmodule *k, struct dom0_layout *l)
{
	uint64_t text_offset, image_size, size;
	const uint8_t *img = maybe_gunzip(k, l, &size);

	if (size < 64 || le64(img + 0x38) << 32 >> 32 != IMAGE_MAGIC)
		fatal("dom0 kernel module at %#llx (%llu bytes) is not an arm64 Image: no \"ARM\\x64\" magic at offset 0x38",
		      (unsigned long long)k->start, (unsigned long long)k->size);
	text_offset = le64(img + 8);
	image_size = le64(img + 16);
	if (!image_size)	/* pre-3.17 kernels: the documented defaults */
		text_offset = 0x80000;
	if (text_offset + (image_size ? image_size : size) > l->ram_size / 2)
		fatal("dom0 kernel (image_size %llu) does not fit dom0's RAM", (unsigned long long)image_size);
	memmove(maddr_to_virt(l->ram + text_offset), img, size);
	l->kernel_entry = l->ram + text_offset;
}

static void load_initrd(const struct bootmodule *rd, struct dom0_layout *l)
{
	l->fdt = l->ram + l->ram_size - MiB2;
	if (!rd)
		return;
	l->initrd_size = rd->size;
	l->initrd = ROUNDDOWN(l->fdt - rd->size, PAGE_SIZE);
	if (l->initrd < l->ram + l->ram_size / 2)
		fatal("dom0 initrd (%llu bytes) does not fit in dom0's RAM; raise dom0_mem",
		      (unsigned long long)rd->size);
	memcpy(maddr_to_virt(l->initrd), maddr_to_virt(rd->start), rd->size);
}

static void build_fdt(const void *host_fdt, struct dom0_layout *l)
{
	const char *err = dom0_fdt_build(host_fdt, maddr_to_virt(l->fdt), DOM0_FDT_MAX, l);

	if (err)
		fatal("dom0 device tree: %s", err);
}

/* Unmaps every `reg` entry of `node` (translated to CPU addresses). */
static void hide_node(struct p2m *p2m, const void *fdt, int node)
{
	paddr_t addr, bus, size;
	const char *why;
	int i;

	for (i = 0; !dt_reg(fdt, node, i, &bus, &size); i++)
		if (!dt_device_addr(fdt, node, i, &addr, &why))
			p2m_unmap(p2m, gaddr_to_gfn(addr), ROUNDUP(size, PAGE_SIZE) >> PAGE_SHIFT);
}

/* dom0 sees the host's distributor and first redistributor addresses. */
static void add_vgic_v3(struct domain *d, const void *fdt, int node)
{
	paddr_t dist, redist;
	const char *why;

	if (dt_device_addr(fdt, node, 0, &dist, &why) ||
	    dt_device_addr(fdt, node, 1, &redist, &why))
		fatal("dom0 vGIC: %s", why);
	if (vgic_v3_init(d, dist, redist, gic_nr_lines()))
		fatal("dom0 vGIC: out of memory");
}

/*
 * GICv2: emulated distributor (reg[0]); the guest's GICC (reg[1]) is the
 * host GICV frame (reg[3]) mapped in its place; LRs in GICH (reg[2]).
 */
static void add_vgic_v2(struct domain *d, const void *fdt, int node)
{
	paddr_t dist, gicc, gich, gicv, bus, gicc_size, gicv_size;
	const char *why;

	if (dt_device_addr(fdt, node, 0, &dist, &why) ||
	    dt_device_addr(fdt, node, 1, &gicc, &why) ||
	    dt_device_addr(fdt, node, 2, &gich, &why) ||
	    dt_device_addr(fdt, node, 3, &gicv, &why))
		fatal("dom0 vGIC: GICv2 node needs GICD, GICC, GICH and GICV `reg` entries (%s)",
		      why ? why : "?");
	if (dt_reg(fdt, node, 1, &bus, &gicc_size) || dt_reg(fdt, node, 3, &bus, &gicv_size))
		fatal("dom0 vGIC: unreadable GICC/GICV sizes");
	vgic_v2_set_host_gicv(gicv);
	if (p2m_map(&d->p2m, gaddr_to_gfn(gicc), maddr_to_mfn(gicv),
		    (gicc_size < gicv_size ? gicc_size : gicv_size) >> PAGE_SHIFT, P2M_MMIO) ||
	    vgic_v2_init(d, dist, gich, gic_nr_lines()))
		fatal("dom0 vGIC: out of memory");
}

static void build_p2m(struct domain *d, const void *fdt, const struct bootinfo *bi,
		      paddr_t uart_base)
{
	struct p2m *p2m = &d->p2m;
	unsigned int i;
	int node = -1;

	if (p2m_init(p2m, 1) || p2m_map(p2m, _gfn(0), _mfn(0), IPA_PAGES, P2M_MMIO))
		fatal("dom0: out of memory for its stage-2 tables");
	for (i = 0; i < bi->mem.nr; i++)
		p2m_unmap(p2m, gaddr_to_gfn(bi->mem.bank[i].start), bi->mem.bank[i].size >> PAGE_SHIFT);
	for (i = 0; i < ARRAY_SIZE(gic_compatibles) && node < 0; i++)
		node = fdt_node_offset_by_compatible(fdt, -1, gic_compatibles[i]);
	if (node >= 0)
		hide_node(p2m, fdt, node);
	if (node >= 0 && !fdt_node_check_compatible(fdt, node, "arm,gic-v3"))
		add_vgic_v3(d, fdt, node);
	else if (node >= 0)
		add_vgic_v2(d, fdt, node);
	p2m_unmap(p2m, gaddr_to_gfn(uart_base), 1);
	if (p2m_map(p2m, gaddr_to_gfn(d->ram_start), maddr_to_mfn(d->ram_start),
		    d->ram_size >> PAGE_SHIFT, P2M_RAM_RW))
		fatal("dom0: out of memory for its stage-2 tables");
}

/*
 * dom0_max_vcpus=N or =min-max (Xen's syntax); by default one vCPU per
 * pCPU, as Xen. At most MAX_VCPUS.
 */
static unsigned int dom0_vcpus(const struct xen_options *opts)
{
	const char *s = opts->dom0_max_vcpus, *dash = strchr(s, '-');
	unsigned long lo = cpus_online(), hi = MAX_VCPUS, n;
	char *end;

	if (s[0]) {
		n = strtoul(s, &end, 10);
		if (end == s || (*end && *end != '-'))
			fatal("dom0_max_vcpus=%s: expected a number or min-max", s);
		if (dash) {
			hi = strtoul(dash + 1, &end, 10);
			lo = lo < n ? n : lo;
			lo = lo > hi ? hi : lo;
		} else {
			lo = n;
		}
	}
	if (!lo || lo > MAX_VCPUS)
		fatal("dom0_max_vcpus=%s: dom0 can have 1 to %u vCPUs", s, MAX_VCPUS);
	return (unsigned int)lo;
}

static struct domain *new_dom0(const struct dom0_layout *l)
{
	struct domain *d = xzalloc(struct domain);

	if (!d)
		fatal("dom0: out of memory for its domain structures");
	d->domid = 0;
	d->nr_vcpus = l->nr_vcpus;
	d->ram_start = l->ram;
	d->ram_size = l->ram_size;
	return d;
}

static void create_vcpus(struct domain *d)
{
	unsigned int i;

	for (i = 0; i < d->nr_vcpus; i++)
		if (!vcpu_create(d, i))
			fatal("dom0: cannot create vCPU %u (out of memory)", i);
}

void construct_and_run_dom0(const void *fdt, const struct bootinfo *bi,
			    const struct xen_options *opts, const char *uart_path,
			    paddr_t uart_base)
{
	const struct bootmodule *k = bootinfo_find(bi, BOOTMOD_KERNEL);
	struct dom0_layout l = { .hyp_uart_path = uart_path };
	void *gnttab = alloc_pages(order_for(DOM0_GNTTAB_SIZE));
	struct domain *d;

	l.nr_vcpus = dom0_vcpus(opts);
	alloc_ram(opts, &l);
	l.gnttab = gnttab ? virt_to_maddr(gnttab) : 0;
	l.bootargs = bootfdt_dom0_cmdline(fdt, bi);
	load_kernel(k, &l);
	load_initrd(bootinfo_find(bi, BOOTMOD_RAMDISK), &l);
	build_fdt(fdt, &l);
	d = new_dom0(&l);
	build_p2m(d, fdt, bi, uart_base);
	create_vcpus(d);
	if (domain_register(d))
		fatal("dom0: cannot set up its event channels");
	printk("*** LOADING DOMAIN 0 ***\n");
	printk("d0: %llu MiB RAM at %#llx, kernel entry %#llx, DTB %#llx, %u vCPUs\n",
	       (unsigned long long)(l.ram_size >> 20), (unsigned long long)l.ram,
	       (unsigned long long)l.kernel_entry, (unsigned long long)l.fdt, d->nr_vcpus);
	/* booting.rst: x0 = DTB; the other vCPUs start with PSCI CPU_ON */
	vcpu_start(d->vcpu[0], l.kernel_entry, l.fdt);
	sched_run();
}
