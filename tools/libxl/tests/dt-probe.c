/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Writes the domU DTB for the parameters given on the command line, so
 * dt.test can decompile it with the real dtc and check it:
 *   dt-probe OUT.dtb VCPUS GIC(2|3) MEM_MB VUART(0|1) RAMDISK(0|1) [CMDLINE]
 */
#include <stdio.h>
#include <stdlib.h>

#include "libxl_arm.h"

int main(int argc, char **argv)
{
	struct libxl_dt_params p = { 0 };
	void *dtb;
	size_t size;
	FILE *f;

	if (argc < 7) {
		fprintf(stderr, "usage: dt-probe OUT VCPUS GIC MEM_MB VUART RAMDISK [CMDLINE]\n");
		return 2;
	}
	p.nr_vcpus = (uint32_t)strtoul(argv[2], NULL, 0);
	p.gic_version = atoi(argv[3]);
	p.mem_size = strtoull(argv[4], NULL, 0) << 20;
	p.vuart = atoi(argv[5]);
	p.has_ramdisk = atoi(argv[6]);
	p.cmdline = argc > 7 ? argv[7] : NULL;
	if (libxl_dt_build(&p, &dtb, &size))
		return 1;
	f = fopen(argv[1], "wb");
	if (!f || fwrite(dtb, 1, size, f) != size || fclose(f))
		return 1;
	free(dtb);
	return 0;
}
