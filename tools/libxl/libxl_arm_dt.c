/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The device tree a domU boots with (xen-arm-abi.md §2.3): root, chosen,
 * cpus, psci, memory banks, the vGIC (v2 or v3), the generic timer, the
 * /hypervisor node and, with vuart="sbsa_uart", the emulated PL011.
 * Built with libfdt's sequential writer into a buffer doubled until it fits.
 * Addresses, interrupts and phandles are the guest ABI of arch-arm.h.
 */
#include <errno.h>
#include <fcntl.h>
#include <libfdt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "libxl_arm.h"
#include "public/arch-arm.h"

#define DT_IRQ_PPI 1
#define DT_IRQ_SPI 0
#define DT_IRQ_LEVEL_LOW 8
#define DT_IRQ_LEVEL_HIGH 4
#define DT_MAX_SIZE (2u << 20) /* Linux refuses a larger DTB */

/* A "stringlist" property from n NUL-terminated strings. */
static int prop_strings(void *fdt, const char *name, const char *const *s, int n)
{
	char buf[256];
	size_t len = 0;

	for (int i = 0; i < n; i++) {
		size_t l = strlen(s[i]) + 1;

		if (len + l > sizeof(buf))
			return -FDT_ERR_NOSPACE;
		memcpy(buf + len, s[i], l);
		len += l;
	}
	return fdt_property(fdt, name, buf, (int)len);
}

/* reg = <addr size> pairs with the root's 2+2 cells. */
static int prop_regs(void *fdt, const uint64_t *pairs, int npairs)
{
	fdt64_t cells[8];

	for (int i = 0; i < 2 * npairs && i < 8; i++)
		cells[i] = cpu_to_fdt64(pairs[i]);
	return fdt_property(fdt, "reg", cells, (int)(sizeof(cells[0]) * 2 * (size_t)npairs));
}

/* interrupts = <type number flags>..., PPI numbers relative to 16, SPI to 32. */
static int prop_irqs(void *fdt, const uint32_t *irqs, const uint32_t *flags, int n)
{
	fdt32_t cells[12];

	for (int i = 0; i < n && i < 4; i++) {
		int ppi = irqs[i] < 32;

		cells[3 * i] = cpu_to_fdt32(ppi ? DT_IRQ_PPI : DT_IRQ_SPI);
		cells[3 * i + 1] = cpu_to_fdt32(irqs[i] - (ppi ? 16 : 32));
		cells[3 * i + 2] = cpu_to_fdt32(flags[i] | (ppi ? 0xf00 : 0));
	}
	return fdt_property(fdt, "interrupts", cells, (int)(sizeof(cells[0]) * 3 * (size_t)n));
}

static int make_root(void *fdt, const struct libxl_dt_params *p)
{
	static const char *const compat[] = { "xen,xenvm-4.17", "xen,xenvm" };
	int rc;

	if ((rc = fdt_property_string(fdt, "model", "XENVM-4.17")) ||
	    (rc = prop_strings(fdt, "compatible", compat, 2)) ||
	    (rc = fdt_property_cell(fdt, "interrupt-parent", GUEST_PHANDLE_GIC)) ||
	    (rc = fdt_property_cell(fdt, "#address-cells", GUEST_ROOT_ADDRESS_CELLS)))
		return rc;
	return fdt_property_cell(fdt, "#size-cells", GUEST_ROOT_SIZE_CELLS);
}

/* initrd bounds are placeholders here, patched once the ramdisk is placed. */
static int make_chosen(void *fdt, const struct libxl_dt_params *p)
{
	uint8_t seed[128];
	uint64_t zero = 0;
	int rc = fdt_begin_node(fdt, "chosen");

	if (!rc && p->cmdline)
		rc = fdt_property_string(fdt, "bootargs", p->cmdline);
	if (!rc && p->has_ramdisk)
		rc = fdt_property(fdt, "linux,initrd-start", &zero, sizeof(zero));
	if (!rc && p->has_ramdisk)
		rc = fdt_property(fdt, "linux,initrd-end", &zero, sizeof(zero));
	if (!rc) {
		libxl_dt_random(seed, sizeof(seed));
		rc = fdt_property(fdt, "rng-seed", seed, sizeof(seed));
	}
	return rc ? rc : fdt_end_node(fdt);
}

/* vCPU i has MPIDR affinity Aff0 = i % 16, Aff1 = i / 16, as Xen assigns. */
uint32_t libxl_dt_vcpu_mpidr(uint32_t i)
{
	return (i & 0xf) | (((i >> 4) & 0xff) << 8);
}

static int make_cpu(void *fdt, const struct libxl_dt_params *p, uint32_t i)
{
	char name[32];
	uint32_t mpidr = libxl_dt_vcpu_mpidr(i);
	int rc;

	snprintf(name, sizeof(name), "cpu@%x", mpidr);
	if ((rc = fdt_begin_node(fdt, name)) ||
	    (rc = fdt_property_string(fdt, "device_type", "cpu")) ||
	    (rc = fdt_property_string(fdt, "compatible", p->aarch32 ? "arm,cortex-a15" : "arm,armv8")) ||
	    (rc = fdt_property_string(fdt, "enable-method", "psci")) ||
	    (rc = fdt_property_cell(fdt, "reg", mpidr)))
		return rc;
	return fdt_end_node(fdt);
}

static int make_cpus(void *fdt, const struct libxl_dt_params *p)
{
	int rc;

	if ((rc = fdt_begin_node(fdt, "cpus")) || (rc = fdt_property_cell(fdt, "#address-cells", 1)) ||
	    (rc = fdt_property_cell(fdt, "#size-cells", 0)))
		return rc;
	for (uint32_t i = 0; i < p->nr_vcpus; i++)
		if ((rc = make_cpu(fdt, p, i)))
			return rc;
	return fdt_end_node(fdt);
}

static int make_psci(void *fdt, const struct libxl_dt_params *p)
{
	static const char *const compat[] = { "arm,psci-1.0", "arm,psci-0.2", "arm,psci" };
	int rc;

	if ((rc = fdt_begin_node(fdt, "psci")) || (rc = prop_strings(fdt, "compatible", compat, 3)) ||
	    (rc = fdt_property_string(fdt, "method", "hvc")) ||
	    (rc = fdt_property_cell(fdt, "cpu_off", PSCI_cpu_off)) ||
	    (rc = fdt_property_cell(fdt, "cpu_on", PSCI_cpu_on)))
		return rc;
	return fdt_end_node(fdt);
}

static int make_memory(void *fdt, uint64_t base, uint64_t size)
{
	uint64_t reg[2] = { base, size };
	char name[32];
	int rc;

	snprintf(name, sizeof(name), "memory@%llx", (unsigned long long)base);
	if ((rc = fdt_begin_node(fdt, name)) || (rc = fdt_property_string(fdt, "device_type", "memory")) ||
	    (rc = prop_regs(fdt, reg, 1)))
		return rc;
	return fdt_end_node(fdt);
}

static int make_gic(void *fdt, const struct libxl_dt_params *p)
{
	static const char *const v2[] = { "arm,cortex-a15-gic", "arm,cortex-a9-gic" };
	static const char *const v3[] = { "arm,gic-v3" };
	const uint64_t reg2[4] = { GUEST_GICD_BASE, GUEST_GICD_SIZE, GUEST_GICC_BASE, GUEST_GICC_SIZE };
	const uint64_t reg3[4] = { GUEST_GICV3_GICD_BASE, GUEST_GICV3_GICD_SIZE,
				   GUEST_GICV3_GICR0_BASE, GUEST_GICV3_GICR0_SIZE };
	int is_v3 = p->gic_version == 3, rc;

	if ((rc = fdt_begin_node(fdt, "interrupt-controller@3001000")) ||
	    (rc = prop_strings(fdt, "compatible", is_v3 ? v3 : v2, is_v3 ? 1 : 2)) ||
	    (rc = fdt_property_cell(fdt, "#interrupt-cells", 3)) ||
	    (rc = fdt_property_cell(fdt, "#address-cells", 0)) ||
	    (rc = fdt_property(fdt, "interrupt-controller", NULL, 0)) ||
	    (rc = prop_regs(fdt, is_v3 ? reg3 : reg2, 2)) ||
	    (rc = fdt_property_cell(fdt, "linux,phandle", GUEST_PHANDLE_GIC)) ||
	    (rc = fdt_property_cell(fdt, "phandle", GUEST_PHANDLE_GIC)))
		return rc;
	return fdt_end_node(fdt);
}

static int make_timer(void *fdt, const struct libxl_dt_params *p)
{
	const uint32_t irqs[3] = { GUEST_TIMER_PHYS_S_PPI, GUEST_TIMER_PHYS_NS_PPI,
				   GUEST_TIMER_VIRT_PPI };
	const uint32_t flags[3] = { DT_IRQ_LEVEL_LOW, DT_IRQ_LEVEL_LOW, DT_IRQ_LEVEL_LOW };
	int rc;

	if ((rc = fdt_begin_node(fdt, "timer")) ||
	    (rc = fdt_property_string(fdt, "compatible",
				      p->aarch32 ? "arm,armv7-timer" : "arm,armv8-timer")) ||
	    (rc = prop_irqs(fdt, irqs, flags, 3)))
		return rc;
	if (p->clock_frequency && (rc = fdt_property_cell(fdt, "clock-frequency", p->clock_frequency)))
		return rc;
	return fdt_end_node(fdt);
}

static int make_hypervisor(void *fdt, const struct libxl_dt_params *p)
{
	static const char *const compat[] = { "xen,xen-4.17", "xen,xen" };
	const uint64_t reg[2] = { GUEST_GNTTAB_BASE, GUEST_GNTTAB_SIZE };
	const uint32_t irq = GUEST_EVTCHN_PPI, flags = DT_IRQ_LEVEL_LOW;
	int rc;

	if ((rc = fdt_begin_node(fdt, "hypervisor")) || (rc = prop_strings(fdt, "compatible", compat, 2)) ||
	    (rc = prop_regs(fdt, reg, 1)) || (rc = prop_irqs(fdt, &irq, &flags, 1)) ||
	    (rc = fdt_property_cell(fdt, "interrupt-parent", GUEST_PHANDLE_GIC)))
		return rc;
	return fdt_end_node(fdt);
}

static int make_vuart(void *fdt, const struct libxl_dt_params *p)
{
	const uint64_t reg[2] = { GUEST_PL011_BASE, GUEST_PL011_SIZE };
	const uint32_t irq = GUEST_VPL011_SPI, flags = DT_IRQ_LEVEL_HIGH;
	int rc;

	if ((rc = fdt_begin_node(fdt, "sbsa-pl011")) ||
	    (rc = fdt_property_string(fdt, "compatible", "arm,sbsa-uart")) ||
	    (rc = prop_regs(fdt, reg, 1)) || (rc = prop_irqs(fdt, &irq, &flags, 1)) ||
	    (rc = fdt_property_cell(fdt, "interrupt-parent", GUEST_PHANDLE_GIC)) ||
	    (rc = fdt_property_cell(fdt, "current-speed", 115200)))
		return rc;
	return fdt_end_node(fdt);
}

/* Writes the whole tree into fdt (size bytes); a libfdt error code on failure. */
static int write_tree(void *fdt, int size, const struct libxl_dt_params *p)
{
	uint64_t bank0 = p->mem_size < GUEST_RAM0_SIZE ? p->mem_size : GUEST_RAM0_SIZE;
	int rc;

	if ((rc = fdt_create(fdt, size)) || (rc = fdt_finish_reservemap(fdt)) ||
	    (rc = fdt_begin_node(fdt, "")) || (rc = make_root(fdt, p)) || (rc = make_chosen(fdt, p)) ||
	    (rc = make_cpus(fdt, p)) || (rc = make_psci(fdt, p)) ||
	    (rc = make_memory(fdt, GUEST_RAM0_BASE, bank0)))
		return rc;
	if (p->mem_size > bank0 && (rc = make_memory(fdt, GUEST_RAM1_BASE, p->mem_size - bank0)))
		return rc;
	if ((rc = make_gic(fdt, p)) || (rc = make_timer(fdt, p)) || (rc = make_hypervisor(fdt, p)))
		return rc;
	if (p->vuart && (rc = make_vuart(fdt, p)))
		return rc;
	if ((rc = fdt_end_node(fdt)) || (rc = fdt_finish(fdt)))
		return rc;
	return 0;
}

static int check_params(const struct libxl_dt_params *p)
{
	if (!p->nr_vcpus || p->nr_vcpus > GUEST_MAX_VCPUS ||
	    (p->gic_version == 2 && p->nr_vcpus > 8)) {
		fprintf(stderr, "libxl: %u vCPUs are not possible with GICv%d\n", p->nr_vcpus,
			p->gic_version);
		return -1;
	}
	if (p->gic_version != 2 && p->gic_version != 3) {
		fprintf(stderr, "libxl: unknown GIC version %d\n", p->gic_version);
		return -1;
	}
	if (!p->mem_size || p->mem_size > GUEST_RAM0_SIZE + GUEST_RAM1_SIZE) {
		fprintf(stderr, "libxl: guest memory size %llu out of range\n",
			(unsigned long long)p->mem_size);
		return -1;
	}
	return 0;
}

int libxl_dt_build(const struct libxl_dt_params *p, void **dtb, size_t *size)
{
	int rc = -FDT_ERR_NOSPACE;
	void *buf = NULL;

	if (check_params(p))
		return -1;
	for (unsigned int sz = 4096; rc == -FDT_ERR_NOSPACE && sz <= DT_MAX_SIZE; sz *= 2) {
		void *nb = realloc(buf, sz);

		if (!nb) {
			free(buf);
			return -1;
		}
		buf = nb;
		rc = write_tree(buf, (int)sz, p);
	}
	if (rc) {
		fprintf(stderr, "libxl: building the guest device tree failed: %s\n", fdt_strerror(rc));
		free(buf);
		return -1;
	}
	*dtb = buf;
	*size = fdt_totalsize(buf);
	return 0;
}

void libxl_dt_random(uint8_t *buf, size_t len)
{
	int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
	ssize_t n = fd >= 0 ? read(fd, buf, len) : -1;

	if (n != (ssize_t)len)
		memset(buf, 0, len); /* rng-seed is a hint; an all-zero seed is harmless */
	if (fd >= 0)
		close(fd);
}
