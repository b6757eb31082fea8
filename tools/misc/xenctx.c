// SPDX-License-Identifier: GPL-2.0-only
/*
 * xenctx: a running domain's vCPU registers, in the shape of Xen's own
 * tool on AArch64 (PC, LR, ELR_EL1, CPSR, SPSR_EL1, SP_EL0, SP_EL1, then
 * x0-x30 three to a line, then the MMU registers).
 *
 *   xenctx [-C|--all-vcpus] DOMID [VCPU]
 *
 * The domain is paused while its registers are read (the counted pause:
 * a domain paused by someone else stays paused), so the figures belong to
 * one instant. Exit status 0, or 1 with a message naming what failed.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xenctrl.h"

static void print_sys(const struct vcpu_guest_context *c)
{
	const struct vcpu_guest_core_regs *r = &c->user_regs;

	printf("PC:       %016" PRIx64 "\n", r->pc64);
	printf("LR:       %016" PRIx64 "\n", r->x[30]);
	printf("ELR_EL1:  %016" PRIx64 "\n", r->elr_el1);
	printf("CPSR:     %08" PRIx64 "\n", r->cpsr);
	printf("SPSR_EL1: %08" PRIx64 "\n", r->spsr_el1);
	printf("SP_EL0:   %016" PRIx64 "\n", r->sp_el0);
	printf("SP_EL1:   %016" PRIx64 "\n", r->sp_el1);
}

static void print_gprs(const struct vcpu_guest_core_regs *r)
{
	unsigned int i;
	char name[8];

	printf("\n");
	for (i = 0; i < 31; i++) {
		snprintf(name, sizeof(name), "x%u", i);
		printf("%3s: %016" PRIx64 "%s", name, r->x[i], i % 3 == 2 || i == 30 ? "\n" : "\t");
	}
	printf("\n");
}

static void print_mmu(const struct vcpu_guest_context *c)
{
	printf("SCTLR: %016" PRIx64 "\n", c->sctlr);
	printf("TTBCR: %016" PRIx64 "\n", c->ttbcr);
	printf("TTBR0: %016" PRIx64 "\n", c->ttbr0);
	printf("TTBR1: %016" PRIx64 "\n", c->ttbr1);
}

static int dump_vcpu(xc_interface *xch, uint32_t domid, uint32_t vcpu, int header)
{
	struct vcpu_guest_context c;

	if (xc_vcpu_getcontext(xch, domid, vcpu, &c)) {
		fprintf(stderr, "xenctx: cannot read vCPU %u of domain %u: %s\n", vcpu, domid,
			strerror(errno));
		return 1;
	}
	if (header)
		printf("vcpu%u:\n", vcpu);
	print_sys(&c);
	print_gprs(&c.user_regs);
	print_mmu(&c);
	return 0;
}

static int parse_u32(const char *s, uint32_t *out)
{
	char *end;
	unsigned long v;

	errno = 0;
	v = strtoul(s, &end, 0);
	if (errno || !*s || *end || v > UINT32_MAX)
		return -1;
	*out = (uint32_t)v;
	return 0;
}

static int usage(void)
{
	fprintf(stderr, "usage: xenctx [-C|--all-vcpus] DOMID [VCPU]\n");
	return 1;
}

/* Every vCPU the domain has (xc_domain_getinfo_single's max_vcpu_id). */
static int dump_all(xc_interface *xch, uint32_t domid)
{
	xc_domaininfo_t info;
	uint32_t v;
	int rc = 0;

	if (xc_domain_getinfo_single(xch, domid, &info)) {
		fprintf(stderr, "xenctx: no domain %u: %s\n", domid, strerror(errno));
		return 1;
	}
	for (v = 0; v <= info.max_vcpu_id; v++)
		rc |= dump_vcpu(xch, domid, v, 1);
	return rc;
}

int main(int argc, char **argv)
{
	uint32_t domid, vcpu = 0;
	int all = 0, i = 1, rc;
	xc_interface *xch;

	if (argc > 1 && (!strcmp(argv[1], "-C") || !strcmp(argv[1], "--all-vcpus")))
		all = i++;
	if (argc - i < 1 || argc - i > 2 || parse_u32(argv[i], &domid) ||
	    (argc - i == 2 && parse_u32(argv[i + 1], &vcpu)))
		return usage();
	xch = xc_interface_open();
	if (!xch) {
		fprintf(stderr, "xenctx: cannot open the hypervisor interface: %s\n", strerror(errno));
		return 1;
	}
	if (xc_domain_pause(xch, domid)) {
		fprintf(stderr, "xenctx: cannot pause domain %u: %s\n", domid, strerror(errno));
		xc_interface_close(xch);
		return 1;
	}
	rc = all ? dump_all(xch, domid) : dump_vcpu(xch, domid, vcpu, 0);
	xc_domain_unpause(xch, domid);
	xc_interface_close(xch);
	return rc;
}
