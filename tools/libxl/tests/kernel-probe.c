/* SPDX-License-Identifier: GPL-2.0-only */
/* Prints what libxl_kernel_load finds in each file, for kernel.test. */
#include <stdio.h>

#include "libxl_arm.h"

int main(int argc, char **argv)
{
	int rc = 0;

	for (int i = 1; i < argc; i++) {
		struct libxl_kernel k;

		if (libxl_kernel_load(argv[i], &k)) {
			printf("%s: error\n", argv[i]);
			rc = 1;
			continue;
		}
		printf("%s: %s%s size=%zu text_offset=0x%llx image_size=%llu\n", argv[i],
		       k.kind == LIBXL_KERNEL_ARM64_IMAGE ? "arm64-image" : "arm32-zimage",
		       k.was_gzip ? " gzip" : "", k.size, (unsigned long long)k.text_offset,
		       (unsigned long long)k.image_size);
		libxl_kernel_dispose(&k);
	}
	return rc;
}
