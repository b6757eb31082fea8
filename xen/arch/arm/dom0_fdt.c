// SPDX-License-Identifier: GPL-2.0-only
/*
 * dom0's device tree: the host's, with the hypervisor's own parts taken
 * out and the Xen parts added (what Xen 4.17 gives dom0 on Arm):
 *  - /chosen: module nodes and Xen's properties removed; bootargs; initrd;
 *  - memory nodes replaced by one node for dom0's RAM;
 *  - CPUs beyond dom0's vCPUs removed (with cpu-map);
 *  - /psci method "hvc" (the hypervisor answers);
 *  - the hypervisor's UART removed;
 *  - /hypervisor: compatible "xen,xen-4.17", "xen,xen", reg = the grant
 *    table region, interrupts = the event-channel PPI.
 */
#include <asm/dom0.h>
#include <libfdt.h>
#include <xen/device_tree.h>
#include <xen/lib.h>

#define TRY(expr) do { int rc_ = (expr); if (rc_ < 0) return fdt_strerror(rc_); } while (0)

static const char *fix_chosen(void *fdt, const struct dom0_layout *l)
{
	int chosen = fdt_path_offset(fdt, "/chosen"), sub;

	if (chosen < 0)
		TRY(chosen = fdt_add_subnode(fdt, 0, "chosen"));
	while ((sub = fdt_first_subnode(fdt, chosen)) >= 0)
		TRY(fdt_del_node(fdt, sub));
	fdt_delprop(fdt, chosen, "xen,xen-bootargs");
	fdt_delprop(fdt, chosen, "xen,dom0-bootargs");
	fdt_delprop(fdt, chosen, "stdout-path");
	fdt_delprop(fdt, chosen, "linux,initrd-start");
	fdt_delprop(fdt, chosen, "linux,initrd-end");
	TRY(fdt_setprop_string(fdt, chosen, "bootargs", l->bootargs));
	if (l->initrd_size) {
		TRY(fdt_setprop_u64(fdt, chosen, "linux,initrd-start", l->initrd));
		TRY(fdt_setprop_u64(fdt, chosen, "linux,initrd-end", l->initrd + l->initrd_size));
	}
	return NULL;
}

static int first_node_of_type(const void *fdt, const char *type)
{
	int node;

	fdt_for_each_subnode(node, fdt, 0) {
		const char *t = dt_prop_string(fdt, node, "device_type");

		if (t && !strncmp(t, type, strlen(type) + 1))
			return node;
	}
	return -FDT_ERR_NOTFOUND;
}

/* `reg` cells for (addr, size) in the root's #address-cells/#size-cells. */
static int put_reg(void *fdt, int node, paddr_t addr, paddr_t size)
{
	int ac, sc, rc;

	dt_child_cells(fdt, 0, &ac, &sc);
	rc = fdt_setprop(fdt, node, "reg", NULL, 0);
	if (rc)
		return rc;
	rc = ac == 2 ? fdt_appendprop_u64(fdt, node, "reg", addr) :
		       fdt_appendprop_u32(fdt, node, "reg", (uint32_t)addr);
	if (rc)
		return rc;
	return sc == 2 ? fdt_appendprop_u64(fdt, node, "reg", size) :
			 fdt_appendprop_u32(fdt, node, "reg", (uint32_t)size);
}

static const char *fix_memory(void *fdt, const struct dom0_layout *l)
{
	char name[32];
	int node;

	while ((node = first_node_of_type(fdt, "memory")) >= 0)
		TRY(fdt_del_node(fdt, node));
	snprintf(name, sizeof(name), "memory@%llx", (unsigned long long)l->ram);
	TRY(node = fdt_add_subnode(fdt, 0, name));
	TRY(fdt_setprop_string(fdt, node, "device_type", "memory"));
	TRY(put_reg(fdt, node, l->ram, l->ram_size));
	return NULL;
}

/* A vCPU's `reg` is its MPIDR affinity: Aff0 = vCPU id (ctxt.c's VMPIDR). */
static int set_cpu_reg(void *fdt, int cpus, int node, unsigned int id)
{
	int ac, sc;

	dt_child_cells(fdt, cpus, &ac, &sc);
	return ac == 2 ? fdt_setprop_u64(fdt, node, "reg", id) :
			 fdt_setprop_u32(fdt, node, "reg", id);
}

static int is_cpu(const void *fdt, int node)
{
	const char *t = dt_prop_string(fdt, node, "device_type");

	return t && !strncmp(t, "cpu", 4);
}

/*
 * The first `n` host CPU nodes become vCPUs 0..n-1 (keeping their
 * phandles for nodes that refer to them, minus their PSCI idle states);
 * the rest and cpu-map go.
 * Returns how many were kept; `compat` gets the first one's compatible.
 */
static int keep_cpus(void *fdt, int cpus, unsigned int n, char *compat, int *clen)
{
	int node, kept = 0, len;
	const void *c;

	for (node = fdt_first_subnode(fdt, cpus); node >= 0;) {
		if (!is_cpu(fdt, node)) {
			node = fdt_next_subnode(fdt, node);
			continue;
		}
		if ((unsigned int)kept == n) {
			int rc = fdt_del_node(fdt, node);

			if (rc < 0)
				return rc;
			node = fdt_first_subnode(fdt, cpus);
			kept = 0;
			continue;
		}
		c = fdt_getprop(fdt, node, "compatible", &len);
		if (!kept && c && len > 0 && len <= 128) {
			memcpy(compat, c, (size_t)len);
			*clen = len;
		}
		/* no CPU_SUSPEND idle states for vCPUs (Xen's cpu nodes have none) */
		fdt_delprop(fdt, node, "cpu-idle-states");
		len = set_cpu_reg(fdt, cpus, node, (unsigned int)kept);
		if (len < 0)
			return len;
		kept++;
		node = fdt_next_subnode(fdt, node);
	}
	return kept;
}

static const char *add_cpu(void *fdt, int cpus, unsigned int id, const char *compat, int clen)
{
	char name[16];
	int node;

	snprintf(name, sizeof(name), "cpu@%x", id);
	TRY(node = fdt_add_subnode(fdt, cpus, name));
	TRY(fdt_setprop_string(fdt, node, "device_type", "cpu"));
	TRY(fdt_setprop(fdt, node, "compatible", compat, clen));
	TRY(fdt_setprop_string(fdt, node, "enable-method", "psci"));
	TRY(set_cpu_reg(fdt, cpus, node, id));
	return NULL;
}

/* dom0 gets `n` CPU nodes; more vCPUs than host CPUs get new nodes. */
static const char *fix_cpus(void *fdt, unsigned int n)
{
	int cpus = fdt_path_offset(fdt, "/cpus"), node, kept, clen = 0;
	char compat[128];
	const char *err;

	if (cpus < 0)
		return "the host device tree has no /cpus";
	node = fdt_subnode_offset(fdt, cpus, "cpu-map");
	if (node >= 0)
		TRY(fdt_del_node(fdt, node));
	TRY(kept = keep_cpus(fdt, cpus, n, compat, &clen));
	if (!clen)
		return "the host device tree has no CPU node with a compatible";
	while ((unsigned int)kept < n) {
		err = add_cpu(fdt, cpus, (unsigned int)kept, compat, clen);
		if (err)
			return err;
		kept++;
	}
	return NULL;
}

static const char *fix_psci_and_uart(void *fdt, const struct dom0_layout *l)
{
	int node = fdt_node_offset_by_compatible(fdt, -1, "arm,psci-1.0");

	if (node < 0)
		node = fdt_node_offset_by_compatible(fdt, -1, "arm,psci-0.2");
	if (node >= 0)
		TRY(fdt_setprop_string(fdt, node, "method", "hvc"));
	node = l->hyp_uart_path ? fdt_path_offset(fdt, l->hyp_uart_path) : -1;
	if (node >= 0)
		TRY(fdt_del_node(fdt, node));
	return NULL;
}

/* The GIC's phandle (given one if it has none), or 0. */
static uint32_t gic_phandle(void *fdt)
{
	static const char *const compat[] = {
		"arm,gic-v3", "arm,gic-400", "arm,cortex-a15-gic", "arm,cortex-a9-gic",
	};
	int gic = -1;
	uint32_t ph;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(compat) && gic < 0; i++)
		gic = fdt_node_offset_by_compatible(fdt, -1, compat[i]);
	if (gic < 0)
		return 0;
	ph = fdt_get_phandle(fdt, gic);
	if (!ph && (fdt_generate_phandle(fdt, &ph) || fdt_setprop_u32(fdt, gic, "phandle", ph)))
		return 0;
	return ph;
}

static const char *add_hypervisor_node(void *fdt, const struct dom0_layout *l)
{
	static const char compat[] = "xen,xen-4.17\0xen,xen";
	uint32_t gic = gic_phandle(fdt);
	int node;

	TRY(node = fdt_add_subnode(fdt, 0, "hypervisor"));
	TRY(fdt_setprop(fdt, node, "compatible", compat, sizeof(compat)));
	TRY(put_reg(fdt, node, l->gnttab, DOM0_GNTTAB_SIZE));
	TRY(fdt_setprop_u32(fdt, node, "interrupts", 1));	/* PPI */
	TRY(fdt_appendprop_u32(fdt, node, "interrupts", DOM0_EVTCHN_PPI));
	TRY(fdt_appendprop_u32(fdt, node, "interrupts", 0xf08));	/* all CPUs, level low */
	/* The root may have no interrupt-parent (ZynqMP's has none). */
	if (gic)
		TRY(fdt_setprop_u32(fdt, node, "interrupt-parent", gic));
	return NULL;
}

const char *dom0_fdt_build(const void *host_fdt, void *buf, size_t size,
			   const struct dom0_layout *l)
{
	const char *err;

	TRY(fdt_open_into(host_fdt, buf, (int)size));
	if ((err = fix_chosen(buf, l)) || (err = fix_memory(buf, l)) ||
	    (err = fix_cpus(buf, l->nr_vcpus)) || (err = fix_psci_and_uart(buf, l)) ||
	    (err = add_hypervisor_node(buf, l)))
		return err;
	TRY(fdt_pack(buf));
	return NULL;
}
