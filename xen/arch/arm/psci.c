// SPDX-License-Identifier: GPL-2.0-only
/*
 * PSCI SYSTEM_OFF (Arm DEN 0022, 5.1.9): function 0x84000008 through the
 * conduit named by /psci `method`. Only "smc" works from EL2: an hvc
 * would trap to the hypervisor itself.
 */
#include <asm/poweroff.h>
#include <asm/setup.h>
#include <asm/smp.h>
#include <libfdt.h>
#include <xen/device_tree.h>
#include <xen/lib.h>

#define PSCI_0_2_FN_SYSTEM_OFF 0x84000008UL

static const char *const psci_compatibles[] = {
	"arm,psci-1.0",
	"arm,psci-0.2",
};

static int psci_node(const void *fdt)
{
	size_t i;
	int node;

	for (i = 0; i < ARRAY_SIZE(psci_compatibles); i++) {
		node = fdt_node_offset_by_compatible(fdt, -1, psci_compatibles[i]);
		if (node >= 0)
			return node;
	}
	return -1;
}

static const char *psci_prepare(const void *fdt)
{
	int node = psci_node(fdt);
	const char *method;

	if (node < 0)
		return "no PSCI 0.2+ node (compatible arm,psci-0.2 or arm,psci-1.0)";
	method = dt_prop_string(fdt, node, "method");
	if (!method)
		return "the PSCI node has no `method`";
	if (!strncmp(method, "smc", 4))
		return NULL;
	if (!strncmp(method, "hvc", 4))
		return "PSCI method is \"hvc\", which cannot reach firmware from EL2";
	return "PSCI method is neither \"smc\" nor \"hvc\"";
}

const char *psci_check(const void *fdt)
{
	return psci_prepare(fdt);
}

void psci_system_reset(void)
{
	arch_smc_call(0x84000009UL);	/* SYSTEM_RESET */
}

static void psci_off(void)
{
	arch_smc_call(PSCI_0_2_FN_SYSTEM_OFF);
}

const struct poweroff_method psci_poweroff = {
	.name = "PSCI SYSTEM_OFF",
	.prepare = psci_prepare,
	.off = psci_off,
};
