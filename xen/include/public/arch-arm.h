/* SPDX-License-Identifier: MIT */
/*
 * Arm specifics of the Xen public interface: 64-bit handles and longs on
 * both arm32 and arm64, the guest physical memory map, the vCPU context.
 */
#ifndef XEN_PUBLIC_ARCH_ARM_H
#define XEN_PUBLIC_ARCH_ARM_H

#include <stdint.h>

/* Every guest handle is 8 bytes, also on arm32 (upper half zero). */
#define XEN_GUEST_HANDLE_64(type) union { type *p; uint64_t q; }
#define XEN_GUEST_HANDLE(type) XEN_GUEST_HANDLE_64(type)
#define set_xen_guest_handle(hnd, val) do { (hnd).q = 0; (hnd).p = (val); } while (0)

typedef uint64_t xen_pfn_t;
typedef uint64_t xen_ulong_t;
typedef int64_t xen_long_t;
typedef uint64_t __attribute__((aligned(8))) uint64_aligned_t;

#define XEN_LEGACY_MAX_VCPUS 1

struct arch_vcpu_info {
};

struct arch_shared_info {
};

/* Guest physical memory map (domU). */
#define GUEST_GICD_BASE        0x03001000ULL
#define GUEST_GICD_SIZE        0x00001000ULL
#define GUEST_GICC_BASE        0x03002000ULL
#define GUEST_GICC_SIZE        0x00002000ULL
#define GUEST_GICV3_GICD_BASE  0x03001000ULL
#define GUEST_GICV3_GICD_SIZE  0x00010000ULL
#define GUEST_GICV3_GICR0_BASE 0x03020000ULL
#define GUEST_GICV3_GICR0_SIZE 0x01000000ULL
#define GUEST_PL011_BASE       0x22000000ULL
#define GUEST_PL011_SIZE       0x00001000ULL
#define GUEST_GNTTAB_BASE      0x38000000ULL
#define GUEST_GNTTAB_SIZE      0x01000000ULL
#define GUEST_MAGIC_BASE       0x39000000ULL
#define GUEST_MAGIC_SIZE       0x01000000ULL
#define GUEST_RAM0_BASE        0x40000000ULL
#define GUEST_RAM0_SIZE        0xC0000000ULL
#define GUEST_RAM1_BASE        0x0200000000ULL
#define GUEST_RAM1_SIZE        0xFE00000000ULL
#define GUEST_RAM_BANKS        2
#define GUEST_MAX_VCPUS        128

#define GUEST_TIMER_VIRT_PPI    27
#define GUEST_TIMER_PHYS_S_PPI  29
#define GUEST_TIMER_PHYS_NS_PPI 30
#define GUEST_EVTCHN_PPI        31
#define GUEST_VPL011_SPI        32

#define GUEST_PHANDLE_GIC   65000
#define GUEST_PHANDLE_IOMMU 65001

#define GUEST_ROOT_ADDRESS_CELLS 2
#define GUEST_ROOT_SIZE_CELLS    2

/* PSCI 0.1 function ids written in the guest DT. */
#define PSCI_cpu_suspend 0
#define PSCI_cpu_off     1
#define PSCI_cpu_on      2
#define PSCI_migrate     3

struct vcpu_guest_core_regs {
	uint64_t x[31];          /* x0..x30, arm32 banked registers alias here */
	uint64_t pc64;
	uint64_t cpsr;
	uint64_t spsr_el1;
	uint32_t spsr_fiq, spsr_irq, spsr_und, spsr_abt;
	uint64_t sp_el0;
	uint64_t sp_el1, elr_el1;
};

struct vcpu_guest_context {
#define VGCF_online 1
	uint32_t flags;
	struct vcpu_guest_core_regs user_regs;
	uint64_t sctlr;
	uint64_t ttbcr, ttbr0, ttbr1;
};

#define XEN_DOMCTL_CONFIG_GIC_NATIVE 0
#define XEN_DOMCTL_CONFIG_GIC_V2     1
#define XEN_DOMCTL_CONFIG_GIC_V3     2
#define XEN_DOMCTL_CONFIG_TEE_NONE   0
#define XEN_DOMCTL_CONFIG_TEE_OPTEE  1

struct xen_arch_domainconfig {
	uint8_t gic_version;   /* IN/OUT */
	uint16_t tee_type;     /* IN */
	uint32_t nr_spis;      /* IN */
	uint32_t clock_frequency; /* OUT */
};

/* Initial guest PSTATE: EL1h with DAIF masked (AArch64). */
#define PSR_GUEST64_INIT 0x1C5
#define PSR_GUEST32_INIT 0x400001D3

#endif
