/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Domain creation (xen-arm-abi.md §7.3): createdomain and its limits, the
 * store and console event channels and HVM params, memory and images
 * (libxl_arm_build.c), the xenstore entries, XS_INTRODUCE, unpause.
 * A failure after createdomain destroys the half-built domain.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "libxl_internal.h"
#include "public/arch-arm.h"

#define MAXMEM_SLACK_KB 1024        /* LIBXL_MAXMEM_CONSTANT: magic pages etc. */
#define DEFAULT_MEMKB (32 * 1024)   /* libxl's default when memory= is absent */
#define DEFAULT_EVTCHN_PORTS 1023
#define STORE_GFN ((GUEST_MAGIC_BASE >> 12) + 1)
#define CONSOLE_GFN (GUEST_MAGIC_BASE >> 12)
#define CALLBACK_VIA_PPI ((uint64_t)HVM_PARAM_CALLBACK_TYPE_PPI << 56 | \
			  HVM_PARAM_CALLBACK_TYPE_PPI_FLAG_LOW_LEVEL << 8 | GUEST_EVTCHN_PPI)

static int check_config(const libxl_domain_config *d)
{
	const libxl_domain_build_info *b = &d->b_info;

	if (!b->kernel) {
		fprintf(stderr, "libxl: domain \"%s\": no kernel= given\n", d->c_info.name);
		return ERROR_INVAL;
	}
	if (b->target_memkb != LIBXL_MEMKB_DEFAULT && b->max_memkb != LIBXL_MEMKB_DEFAULT &&
	    b->target_memkb > b->max_memkb) {
		fprintf(stderr, "libxl: memory (%" PRIu64 " KiB) above maxmem (%" PRIu64 " KiB)\n",
			b->target_memkb, b->max_memkb);
		return ERROR_INVAL;
	}
	return libxl__devices_check(d);
}

static uint64_t target_kb(const libxl_domain_build_info *b)
{
	return b->target_memkb != LIBXL_MEMKB_DEFAULT ? b->target_memkb
	       : b->max_memkb != LIBXL_MEMKB_DEFAULT ? b->max_memkb : DEFAULT_MEMKB;
}

static uint64_t max_kb(const libxl_domain_build_info *b)
{
	return b->max_memkb != LIBXL_MEMKB_DEFAULT ? b->max_memkb : target_kb(b);
}

static int32_t grant_limit(uint32_t v)
{
	return v == LIBXL_MAX_GRANT_DEFAULT ? -1 : (int32_t)v;
}

static void createdomain_args(const struct libxl_build *b, struct xen_domctl_createdomain *c)
{
	const libxl_domain_build_info *bi = &b->d->b_info;

	memset(c, 0, sizeof(*c));
	memcpy(c->handle, b->d->c_info.uuid.bytes, sizeof(c->handle));
	c->flags = XEN_DOMCTL_CDF_hvm | XEN_DOMCTL_CDF_hap;
	c->max_vcpus = b->max_vcpus;
	c->max_evtchn_port = bi->event_channels ? bi->event_channels : DEFAULT_EVTCHN_PORTS;
	c->max_grant_frames = grant_limit(bi->max_grant_frames);
	c->max_maptrack_frames = grant_limit(bi->max_maptrack_frames);
	c->grant_opts = 1; /* grant table version 1: the only one Arm has */
	c->arch.gic_version = bi->arch_arm.gic_version == LIBXL_GIC_VERSION_V2 ? XEN_DOMCTL_CONFIG_GIC_V2
			      : bi->arch_arm.gic_version == LIBXL_GIC_VERSION_V3 ? XEN_DOMCTL_CONFIG_GIC_V3
			      : XEN_DOMCTL_CONFIG_GIC_NATIVE;
	c->arch.tee_type = bi->tee == LIBXL_TEE_TYPE_OPTEE ? XEN_DOMCTL_CONFIG_TEE_OPTEE : 0;
	/* SPIs above 32 the guest may see: the vPL011's, or nr_spis= (4.20 key). */
	c->arch.nr_spis = bi->arch_arm.nr_spis ? bi->arch_arm.nr_spis
			  : bi->arch_arm.vuart == LIBXL_VUART_TYPE_SBSA_UART ? GUEST_VPL011_SPI - 32 + 1 : 0;
}

static int xc_failed(struct libxl_build *b, const char *what)
{
	fprintf(stderr, "libxl: domain %u: %s failed: %s\n", b->domid, what, strerror(errno));
	return ERROR_FAIL;
}

static int create(libxl_ctx *ctx, struct libxl_build *b)
{
	const libxl_domain_build_info *bi = &b->d->b_info;
	struct xen_domctl_createdomain c;
	uint64_t pool_pages;

	createdomain_args(b, &c);
	b->domid = 0;
	if (xc_domain_create(ctx->xch, &b->domid, &c)) {
		fprintf(stderr, "libxl: creating the domain failed: %s\n", strerror(errno));
		b->domid = 0;
		return ERROR_FAIL;
	}
	b->gic_version = c.arch.gic_version == XEN_DOMCTL_CONFIG_GIC_V3 ? 3 : 2;
	b->clock_frequency = c.arch.clock_frequency;
	pool_pages = 256ull * b->max_vcpus + (max_kb(bi) >> 10) + 128;
	if (xc_set_paging_mempool_size(ctx->xch, b->domid, pool_pages << 12))
		return xc_failed(b, "sizing the P2M pool");
	if (xc_domain_max_vcpus(ctx->xch, b->domid, b->max_vcpus))
		return xc_failed(b, "max_vcpus");
	if (xc_domain_setmaxmem(ctx->xch, b->domid, max_kb(bi) + MAXMEM_SLACK_KB))
		return xc_failed(b, "max_mem");
	return 0;
}

static int ports_and_params(libxl_ctx *ctx, struct libxl_build *b)
{
	int store = xc_evtchn_alloc_unbound(ctx->xch, b->domid, 0);
	int cons = store < 0 ? -1 : xc_evtchn_alloc_unbound(ctx->xch, b->domid, 0);

	if (cons < 0)
		return xc_failed(b, "allocating event channels");
	b->store_port = (uint32_t)store;
	b->console_port = (uint32_t)cons;
	if (xc_hvm_param_set(ctx->xch, b->domid, HVM_PARAM_CALLBACK_IRQ, CALLBACK_VIA_PPI) ||
	    xc_hvm_param_set(ctx->xch, b->domid, HVM_PARAM_STORE_PFN, STORE_GFN) ||
	    xc_hvm_param_set(ctx->xch, b->domid, HVM_PARAM_STORE_EVTCHN, b->store_port) ||
	    xc_hvm_param_set(ctx->xch, b->domid, HVM_PARAM_CONSOLE_PFN, CONSOLE_GFN) ||
	    xc_hvm_param_set(ctx->xch, b->domid, HVM_PARAM_CONSOLE_EVTCHN, b->console_port) ||
	    xc_hvm_param_set(ctx->xch, b->domid, HVM_PARAM_MONITOR_RING_PFN, CONSOLE_GFN + 2))
		return xc_failed(b, "setting HVM params");
	return 0;
}

static int unpause(libxl_ctx *ctx, struct libxl_build *b)
{
	return !b->paused && xc_domain_unpause(ctx->xch, b->domid) ? xc_failed(b, "unpause") : 0;
}

/* The build, in order; `xl -v create` prints each step's time. */
static const struct build_step {
	const char *name;
	int (*run)(libxl_ctx *ctx, struct libxl_build *b);
} build_steps[] = {
	{ "createdomain", create },
	{ "event channels, HVM params", ports_and_params },
	{ "memory and images", libxl__arm_load },
	{ "vCPU 0", libxl__arm_boot_vcpu },
	{ "grant entries", libxl__arm_seed_grants },
	{ "xenstore entries, introduce", libxl__xs_domain_make },
	{ "disks", libxl__disks_add },
	{ "nics", libxl__nics_add },
	{ "unpause", unpause },
};

int libxl_verbose;

static double seconds(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec + t.tv_nsec / 1e9;
}

static int build(libxl_ctx *ctx, struct libxl_build *b)
{
	double t0 = seconds(), t;
	int rc = 0;

	for (size_t i = 0; !rc && i < sizeof(build_steps) / sizeof(build_steps[0]); i++) {
		rc = build_steps[i].run(ctx, b);
		if (libxl_verbose) {
			t = seconds();
			fprintf(stderr, "libxl: domain %u: %s: %.3f s\n", b->domid,
				build_steps[i].name, t - t0);
			t0 = t;
		}
	}
	return rc;
}

int libxl_domain_create(const libxl_domain_config *d, int paused, uint32_t *domid_out)
{
	struct libxl_build b = { .d = d };
	libxl_ctx *ctx;
	int rc = check_config(d);

	if (rc)
		return rc;
	ctx = libxl_ctx_alloc();
	if (!ctx)
		return ERROR_FAIL;
	b.max_vcpus = d->b_info.max_vcpus > 0 ? (unsigned int)d->b_info.max_vcpus : 1;
	b.ram_bytes = target_kb(&d->b_info) << 10;
	b.paused = paused;
	rc = build(ctx, &b);
	if (rc && b.domid) {
		fprintf(stderr, "libxl: domain %u not created; cleaning up\n", b.domid);
		xc_domain_destroy(ctx->xch, b.domid);
		libxl__xs_domain_rm(ctx, b.domid);
	}
	if (!rc && domid_out)
		*domid_out = b.domid;
	libxl_ctx_free(ctx);
	return rc;
}
