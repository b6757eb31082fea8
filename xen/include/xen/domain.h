/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Domains and vCPUs. Common code sees the fields here; the saved guest
 * registers are arch state (struct arch_vcpu, opened only by arch code).
 */
#ifndef XEN_DOMAIN_H
#define XEN_DOMAIN_H

#include <asm/domain.h>
#include <xen/mmio.h>
#include <xen/p2m.h>

#define MAX_VCPUS 8

struct domain;

struct vcpu {
	unsigned int id;
	struct domain *domain;
	struct arch_vcpu arch;
};

struct domain {
	uint16_t domid;
	struct p2m p2m;
	struct mmio_table mmio;		/* emulated devices */
	unsigned int nr_vcpus;
	struct vcpu *vcpu[MAX_VCPUS];
	paddr_t ram_start, ram_size;	/* dom0: 1:1, so also machine addresses */
};

/* The vCPU this physical CPU is running (NULL in the hypervisor's own loops). */
struct vcpu *current_vcpu(void);
void set_current_vcpu(struct vcpu *v);

#endif
