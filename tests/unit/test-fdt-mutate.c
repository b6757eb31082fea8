// SPDX-License-Identifier: GPL-2.0-only
/*
 * Bad device trees never crash the boot code: Debian's zcu102 and vexpress
 * DTBs (from the fixtures) with random bytes changed, fed through the same
 * calls start_xen() makes (check, scan, command line, dtuart, free RAM),
 * under ASan/UBSan. Deterministic: a fixed seed and iteration count.
 */
#include <glob.h>
#include <stdio.h>
#include <xen/bootinfo.h>
#include <xen/dtuart.h>
#include <xen/lib.h>
#include "check.h"
#include "dtb.h"

#define ITERATIONS 3000
#define MAX_FLIPS 8

static unsigned long long rng_state = 0x9e3779b97f4a7c15ULL;

static unsigned int rng(void)
{
	rng_state = rng_state * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned int)(rng_state >> 33);
}

static size_t load(const char *pattern, unsigned char *buf, size_t max)
{
	const char *cache = getenv("XA_CACHE");
	char path[512];
	size_t n = 0;
	glob_t g;
	FILE *f;

	snprintf(path, sizeof(path), "%s/fixtures/pkgs/%s",
		 cache ? cache : "/var/cache/xen-arm/v1", pattern);
	if (glob(path, 0, NULL, &g) || !g.gl_pathc)
		return 0;
	f = fopen(g.gl_pathv[0], "rb");
	if (f) {
		n = fread(buf, 1, max, f);
		fclose(f);
	}
	globfree(&g);
	return n;
}

/* What start_xen() does with a DTB that passed fdt_check_header(). */
static void boot_calls(const void *fdt)
{
	static struct bootinfo bi;
	struct meminfo free_ram;
	struct dtuart u;
	const char *s;

	memset(&bi, 0, sizeof(bi));
	if (bootfdt_scan(fdt, &bi))
		return;
	s = bootfdt_xen_cmdline(fdt, &bi);
	CHECK(s != NULL);
	dtuart_resolve(fdt, "serial0", &u);
	dtuart_resolve(fdt, "", &u);
	bootinfo_free_ram(&bi, &free_ram);
	CHECK(free_ram.nr <= NR_MEM_BANKS);
}

static unsigned int mutate_run(const unsigned char *orig, size_t len)
{
	static unsigned char buf[1 << 20];
	unsigned int i, accepted = 0;

	for (i = 0; i < ITERATIONS; i++) {
		unsigned int flips = 1 + rng() % MAX_FLIPS, k;

		memcpy(buf, orig, len);
		for (k = 0; k < flips; k++)
			buf[rng() % len] = (unsigned char)rng();
		/* The hypervisor refuses DTBs larger than it maps; so do we. */
		if (bootfdt_check(buf) || fdt_totalsize(buf) > sizeof(buf))
			continue;
		accepted++;
		boot_calls(buf);
	}
	return accepted;
}

int main(void)
{
	static const char *const fixtures[] = {
		"linux-image-*-arm64_*/usr/lib/linux-image-*/xilinx/zynqmp-zcu102-rev1.0.dtb",
		"linux-image-*-armmp-lpae_*/usr/lib/linux-image-*/vexpress-v2p-ca15-tc1.dtb",
	};
	static unsigned char orig[1 << 20];
	size_t i, len;

	for (i = 0; i < sizeof(fixtures) / sizeof(fixtures[0]); i++) {
		len = load(fixtures[i], orig, sizeof(orig));
		if (!len) {
			fprintf(stderr, "fixture not found: %s (run scripts/fixtures.sh)\n", fixtures[i]);
			check_failures++;
			continue;
		}
		/* The unmodified tree must boot: this is not a vacuous run. */
		CHECK(bootfdt_check(orig) == NULL);
		boot_calls(orig);
		printf("%s: %u of %d mutants passed fdt_check_header and were scanned\n",
		       fixtures[i], mutate_run(orig, len), ITERATIONS);
	}
	return check_result("test-fdt-mutate");
}
