// SPDX-License-Identifier: GPL-2.0-only
/*
 * Powering the board off: the first method whose device-tree description
 * is usable wins (PSCI, then the Versatile Express controller).
 */
#include <asm/poweroff.h>
#include <asm/setup.h>
#include <xen/console.h>

static const struct poweroff_method *const methods[] = {
	&psci_poweroff,
	&vexpress_poweroff,
};

void machine_power_off(const void *fdt)
{
	const char *why[ARRAY_SIZE(methods)];
	size_t i;

	for (i = 0; i < ARRAY_SIZE(methods); i++) {
		why[i] = methods[i]->prepare(fdt);
		if (why[i])
			continue;
		printk("Powering off (%s)\n", methods[i]->name);
		methods[i]->off();
		fatal("%s returned: the board is still running", methods[i]->name);
	}
	fatal("cannot power off: %s; %s", why[0], why[1]);
}
