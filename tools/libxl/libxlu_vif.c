/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * vif specification items (xl-network-configuration(5)): a table of
 * {key, setter}.  Messages are xl's, so scripts that match them still work.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "libxlu_disk.h"

typedef int (*vif_setter)(XLU_Config *cfg, libxl_device_nic *nic, const char *v);

static int set_str(char **slot, const char *v)
{
	char *c = strdup(v);

	if (!c)
		return ENOMEM;
	free(*slot);
	*slot = c;
	return 0;
}

static int v_type(XLU_Config *cfg, libxl_device_nic *nic, const char *v)
{
	if (!strcmp(v, "vif"))
		nic->nictype = LIBXL_NIC_TYPE_VIF;
	else if (!strcmp(v, "ioemu"))
		nic->nictype = LIBXL_NIC_TYPE_VIF_IOEMU;
	else {
		fprintf(cfg->report, "Invalid parameter `type'.\n");
		return -1;
	}
	return 0;
}

/* Six hex octets; each separator character is skipped whatever it is. */
static int v_mac(XLU_Config *cfg, libxl_device_nic *nic, const char *v)
{
	char *end;

	for (int i = 0; i < 6; i++) {
		unsigned long b = strtoul(v, &end, 16);

		if (end == v || b > 255) {
			fprintf(cfg->report, "Invalid parameter `mac'.\n");
			return -1;
		}
		nic->mac[i] = (uint8_t)b;
		if (i < 5 && !*end) {
			fprintf(cfg->report, "Invalid parameter `mac'.\n");
			return -1;
		}
		v = end + 1;
	}
	return 0;
}

static int v_bridge(XLU_Config *c, libxl_device_nic *n, const char *v) { return set_str(&n->bridge, v); }
static int v_gatewaydev(XLU_Config *c, libxl_device_nic *n, const char *v) { return set_str(&n->gatewaydev, v); }
static int v_ip(XLU_Config *c, libxl_device_nic *n, const char *v) { return set_str(&n->ip, v); }
static int v_script(XLU_Config *c, libxl_device_nic *n, const char *v) { return set_str(&n->script, v); }
static int v_backend(XLU_Config *c, libxl_device_nic *n, const char *v) { return set_str(&n->backend_domname, v); }
static int v_vifname(XLU_Config *c, libxl_device_nic *n, const char *v) { return set_str(&n->ifname, v); }
static int v_model(XLU_Config *c, libxl_device_nic *n, const char *v) { return set_str(&n->model, v); }
static int v_rate(XLU_Config *c, libxl_device_nic *n, const char *v) { return xlu_vif_parse_rate(c, v, n); }

static int v_netdev(XLU_Config *cfg, libxl_device_nic *nic, const char *v)
{
	fprintf(cfg->report, "the netdev parameter is deprecated, please use gatewaydev instead\n");
	return set_str(&nic->gatewaydev, v);
}

static int v_accel(XLU_Config *cfg, libxl_device_nic *nic, const char *v)
{
	fprintf(cfg->report, "the accel parameter for vifs is currently not supported\n");
	return 0;
}

static int parse_ulong(XLU_Config *cfg, const char *v, unsigned long *out)
{
	char *end;

	errno = 0;
	*out = strtoul(v, &end, 10);
	if (errno || end == v || *end) {
		fprintf(cfg->report, "%s is an invalid number\n", v);
		return EINVAL;
	}
	return 0;
}

static int v_devid(XLU_Config *cfg, libxl_device_nic *nic, const char *v)
{
	unsigned long l;
	int rc = parse_ulong(cfg, v, &l);

	if (!rc)
		nic->devid = (int)l;
	return rc;
}

static int v_mtu(XLU_Config *cfg, libxl_device_nic *nic, const char *v)
{
	unsigned long l;
	int rc = parse_ulong(cfg, v, &l);

	if (!rc)
		nic->mtu = (int)l;
	return rc;
}

static const struct {
	const char *key;
	vif_setter set;
} vif_keys[] = {
	{ "type", v_type }, { "mac", v_mac }, { "bridge", v_bridge },
	{ "netdev", v_netdev }, { "gatewaydev", v_gatewaydev }, { "ip", v_ip },
	{ "script", v_script }, { "backend", v_backend }, { "vifname", v_vifname },
	{ "model", v_model }, { "rate", v_rate }, { "accel", v_accel },
	{ "devid", v_devid }, { "mtu", v_mtu },
};

int xlu_vif_parse_item(XLU_Config *cfg, libxl_device_nic *nic, const char *item)
{
	size_t n = sizeof(vif_keys) / sizeof(vif_keys[0]);

	for (size_t i = 0; i < n; i++) {
		size_t k = strlen(vif_keys[i].key);

		if (!strncmp(item, vif_keys[i].key, k) && item[k] == '=')
			return vif_keys[i].set(cfg, nic, item + k + 1);
	}
	if (!strcmp(item, "trusted") || !strcmp(item, "untrusted")) {
		libxl_defbool_set(&nic->trusted, item[0] == 't');
		return 0;
	}
	fprintf(cfg->report, "unrecognized argument `%s'\n", item);
	return -1;
}
