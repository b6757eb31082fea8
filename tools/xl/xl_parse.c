/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * xl.cfg keys -> domain configuration.  One table row per key (or group of
 * keys that must be read together), run in order; a setter returns 0 or
 * prints an error naming the key and returns non-zero.  Values and defaults
 * follow xl 4.17, so that `xl -N create` prints what Xen's xl prints; keys
 * xl does not know are ignored, as xl does.
 */
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "xl.h"
#include "xl_parse.h"

struct parse_state {
	XLU_Config *cfg;
	libxl_domain_config *d;
	long vcpus;
};

typedef int (*key_setter)(struct parse_state *ps);

static int bad_value(struct parse_state *ps, const char *key, const char *why, const char *v)
{
	fprintf(stderr, "%s:%d: %s \"%s\" for \"%s\"\n", ps->cfg->source,
		xlu_cfg_lineno(ps->cfg, key), why, v, key);
	return 1;
}

static int k_seclabel(struct parse_state *ps)
{
	libxl_domain_create_info *c = &ps->d->c_info;
	const char *v;

	if (!xlu_cfg_get_string(ps->cfg, "init_seclabel", &v, 0))
		xlu_cfg_replace_string(ps->cfg, "init_seclabel", &c->ssid_label, 0);
	if (!xlu_cfg_get_string(ps->cfg, "seclabel", &v, 0))
		xlu_cfg_replace_string(ps->cfg, "seclabel",
				       c->ssid_label ? &ps->d->b_info.exec_ssid_label
						     : &c->ssid_label, 0);
	libxl_defbool_set(&c->run_hotplug_scripts, xl_globals.run_hotplug_scripts);
	return 0;
}

/* xl accepts any prefix of the type name ("p" is pv). */
static int type_prefix(const char *v, const char *name)
{
	return !strncmp(v, name, strlen(v));
}

static int k_type(struct parse_state *ps)
{
	libxl_domain_create_info *c = &ps->d->c_info;
	const char *v;

	if (!xlu_cfg_get_string(ps->cfg, "type", &v, 0)) {
		if (type_prefix(v, "hvm"))
			c->type = LIBXL_DOMAIN_TYPE_HVM;
		else if (type_prefix(v, "pv"))
			c->type = LIBXL_DOMAIN_TYPE_PV;
		else if (type_prefix(v, "pvh"))
			c->type = LIBXL_DOMAIN_TYPE_PVH;
		else
			return bad_value(ps, "type", "Invalid domain type", v);
	}
	if (!xlu_cfg_get_string(ps->cfg, "builder", &v, 0)) {
		libxl_domain_type b = type_prefix(v, "hvm") ? LIBXL_DOMAIN_TYPE_HVM
				    : type_prefix(v, "generic") ? LIBXL_DOMAIN_TYPE_PV
				    : LIBXL_DOMAIN_TYPE_INVALID;

		if (b == LIBXL_DOMAIN_TYPE_INVALID)
			return bad_value(ps, "builder", "Invalid domain type", v);
		if (c->type != LIBXL_DOMAIN_TYPE_INVALID && c->type != b) {
			fprintf(stderr, "Contradicting \"builder\" and \"type\" options specified.\n");
			return 1;
		}
		c->type = b;
	}
	/* PVH is the only kind of guest Arm has, and xl's default there. */
	if (c->type == LIBXL_DOMAIN_TYPE_INVALID)
		c->type = LIBXL_DOMAIN_TYPE_PVH;
	if (c->type == LIBXL_DOMAIN_TYPE_HVM) {
		fprintf(stderr, "%s: type \"hvm\" is x86 only; Arm guests are \"pvh\"\n",
			ps->cfg->source);
		return 1;
	}
	ps->d->b_info.type = c->type;
	xlu_cfg_get_defbool(ps->cfg, "hap", &c->hap, 0);
	return 0;
}

static int k_name_uuid(struct parse_state *ps)
{
	libxl_domain_create_info *c = &ps->d->c_info;
	const char *v;

	if (xlu_cfg_replace_string(ps->cfg, "name", &c->name, 0)) {
		fprintf(stderr, "Domain name must be specified.\n");
		return 1;
	}
	if (xlu_cfg_get_string(ps->cfg, "uuid", &v, 0)) {
		libxl_uuid_generate(&c->uuid);
	} else if (libxl_uuid_from_string(&c->uuid, v)) {
		fprintf(stderr, "Failed to parse UUID: %s\n", v);
		return 1;
	}
	xlu_cfg_replace_string(ps->cfg, "pool", &c->pool_name, 0);
	return 0;
}

static int k_pvh(struct parse_state *ps)
{
	if (ps->d->b_info.type == LIBXL_DOMAIN_TYPE_PVH)
		xlu_cfg_get_defbool(ps->cfg, "pvshim", &ps->d->b_info.pvh.pvshim, 0);
	return 0;
}

static int k_sched(struct parse_state *ps)
{
	static const struct { const char *key; size_t off; } keys[] = {
		{ "cpu_weight", offsetof(libxl_domain_sched_params, weight) },
		{ "cap", offsetof(libxl_domain_sched_params, cap) },
		{ "period", offsetof(libxl_domain_sched_params, period) },
		{ "slice", offsetof(libxl_domain_sched_params, slice) },
		{ "latency", offsetof(libxl_domain_sched_params, latency) },
		{ "extratime", offsetof(libxl_domain_sched_params, extratime) },
	};
	char *base = (char *)&ps->d->b_info.sched_params;
	long l;

	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		if (!xlu_cfg_get_long(ps->cfg, keys[i].key, &l, 0))
			*(int *)(base + keys[i].off) = (int)l;
	return 0;
}

static int set_avail_vcpus(libxl_domain_build_info *b, long n)
{
	if (n < 0 || n > INT_MAX || libxl_bitmap_alloc(&b->avail_vcpus, (uint32_t)n)) {
		fprintf(stderr, "Unable to allocate cpumap\n");
		return 1;
	}
	for (long i = 0; i < n; i++)
		libxl_bitmap_set(&b->avail_vcpus, (uint32_t)i);
	return 0;
}

static int k_memory_vcpus(struct parse_state *ps)
{
	libxl_domain_build_info *b = &ps->d->b_info;
	const char *v;
	long l;

	if (!xlu_cfg_get_long(ps->cfg, "memory", &l, 0))
		b->target_memkb = (uint64_t)l * 1024;
	if (!xlu_cfg_get_long(ps->cfg, "maxmem", &l, 0))
		b->max_memkb = (uint64_t)l * 1024;
	if (!xlu_cfg_get_long(ps->cfg, "vcpus", &l, 0)) {
		ps->vcpus = l;
		if (set_avail_vcpus(b, l))
			return 1;
	}
	if (!xlu_cfg_get_long(ps->cfg, "maxvcpus", &l, 0))
		b->max_vcpus = (int)l;
	if (!xlu_cfg_get_string(ps->cfg, "vuart", &v, 0) &&
	    libxl_vuart_type_from_string(v, &b->arch_arm.vuart)) {
		fprintf(stderr, "ERROR: invalid value \"%s\" for \"vuart\"\n", v);
		return 1;
	}
	if (b->max_memkb == LIBXL_MEMKB_DEFAULT)
		b->max_memkb = b->target_memkb;
	if (b->max_vcpus == 0)
		b->max_vcpus = (int)ps->vcpus;
	if (b->max_vcpus < ps->vcpus) {
		fprintf(stderr, "xl: maxvcpus < vcpus\n");
		return 1;
	}
	return 0;
}

/* "N", "N-M", "^N", "all": one comma-separated element of a cpu list. */
static int cpurange_item(char *s, libxl_bitmap *map)
{
	bool neg = *s == '^';
	unsigned long a, b;
	char *end;

	s += neg;
	if (!strcmp(s, "all")) {
		if (neg) {
			fprintf(stderr, "Can't combine \"^\" and \"all\".\n");
			return 1;
		}
		memset(map->map, 0xff, map->size / 8);
		return 0;
	}
	a = b = strtoul(s, &end, 10);
	if (end != s && *end == '-') {
		char *s2 = end + 1;

		b = strtoul(s2, &end, 10);
		if (end == s2 || b < a)
			end = s; /* reported below */
	}
	if (end == s || *end || a == ULONG_MAX || b == ULONG_MAX) {
		fprintf(stderr, "Invalid pcpu range: %s.\n", s);
		return 1;
	}
	for (; a <= b && a < map->size; a++)
		neg ? libxl_bitmap_reset(map, (uint32_t)a) : libxl_bitmap_set(map, (uint32_t)a);
	return 0;
}

int xl_parse_cpurange(const char *list, libxl_bitmap *map)
{
	char *copy = strdup(list), *save = NULL, *tok;
	int rc = !copy;

	if (!rc && libxl_bitmap_alloc(map, (uint32_t)xl_max_cpus()))
		rc = 1;
	for (tok = rc ? NULL : strtok_r(copy, ",", &save); tok && !rc;
	     tok = strtok_r(NULL, ",", &save))
		rc = cpurange_item(tok, map);
	free(copy);
	return rc;
}

/* cpus="LIST" applies to every vCPU; cpus=["L0", "L1", ...] one per vCPU. */
static int k_cpus(struct parse_state *ps)
{
	libxl_domain_build_info *b = &ps->d->b_info;
	XLU_ConfigList *list = NULL;
	const char *str = NULL;
	int n = 0;

	if (xlu_cfg_get_list(ps->cfg, "cpus", &list, &n, 1) &&
	    xlu_cfg_get_string(ps->cfg, "cpus", &str, 0))
		return 0;
	if (str || n > b->max_vcpus)
		n = b->max_vcpus;
	b->vcpu_hard_affinity = calloc((size_t)(n ? n : 1), sizeof(libxl_bitmap));
	if (!b->vcpu_hard_affinity)
		return 1;
	b->num_vcpu_hard_affinity = n;
	for (int i = 0; i < n; i++) {
		const char *item = str ? str : xlu_cfg_get_listitem(list, i);

		if (!item) {
			b->num_vcpu_hard_affinity = i;
			break;
		}
		if (xl_parse_cpurange(item, &b->vcpu_hard_affinity[i]))
			return 1;
	}
	if (!str)
		libxl_defbool_set(&b->numa_placement, false);
	return 0;
}

static int grant_limit(struct parse_state *ps, const char *key, uint32_t *out, uint32_t dflt)
{
	long l;
	int e = xlu_cfg_get_bounded_long(ps->cfg, key, 0, INT_MAX, &l, 1);

	if (e == ESRCH)
		*out = dflt;
	else if (!e)
		*out = (uint32_t)l;
	else
		return bad_value(ps, key, "invalid value", "(not a number in 0..INT_MAX)");
	return 0;
}

static int k_grants(struct parse_state *ps)
{
	libxl_domain_build_info *b = &ps->d->b_info;

	if (grant_limit(ps, "max_grant_frames", &b->max_grant_frames, xl_globals.max_grant_frames) ||
	    grant_limit(ps, "max_maptrack_frames", &b->max_maptrack_frames,
			xl_globals.max_maptrack_frames) ||
	    grant_limit(ps, "max_grant_version", &b->max_grant_version,
			xl_globals.max_grant_version))
		return 1;
	libxl_defbool_set(&b->claim_mode, xl_globals.claim_mode);
	return 0;
}

static const char *const action_names[] = {
	[LIBXL_ACTION_ON_SHUTDOWN_DESTROY] = "destroy",
	[LIBXL_ACTION_ON_SHUTDOWN_RESTART] = "restart",
	[LIBXL_ACTION_ON_SHUTDOWN_RESTART_RENAME] = "rename-restart",
	[LIBXL_ACTION_ON_SHUTDOWN_PRESERVE] = "preserve",
	[LIBXL_ACTION_ON_SHUTDOWN_COREDUMP_DESTROY] = "coredump-destroy",
	[LIBXL_ACTION_ON_SHUTDOWN_COREDUMP_RESTART] = "coredump-restart",
	[LIBXL_ACTION_ON_SHUTDOWN_SOFT_RESET] = "soft-reset",
};

static int action(struct parse_state *ps, const char *key, const char *dflt,
		  libxl_action_on_shutdown *out)
{
	const char *v;

	if (xlu_cfg_get_string(ps->cfg, key, &v, 0))
		v = dflt;
	for (size_t i = 1; i < sizeof(action_names) / sizeof(action_names[0]); i++)
		if (!strcmp(v, action_names[i])) {
			*out = (libxl_action_on_shutdown)i;
			return 0;
		}
	fprintf(stderr, "Unknown %s action \"%s\" specified\n", key, v);
	return 1;
}

static int k_actions(struct parse_state *ps)
{
	libxl_domain_config *d = ps->d;

	return action(ps, "on_poweroff", "destroy", &d->on_poweroff) ||
	       action(ps, "on_reboot", "restart", &d->on_reboot) ||
	       action(ps, "on_watchdog", "destroy", &d->on_watchdog) ||
	       action(ps, "on_crash", "destroy", &d->on_crash) ||
	       action(ps, "on_soft_reset", "soft-reset", &d->on_soft_reset);
}

static int k_pv_e820(struct parse_state *ps)
{
	if (ps->d->c_info.type == LIBXL_DOMAIN_TYPE_PV)
		xlu_cfg_get_defbool(ps->cfg, "e820_host", &ps->d->b_info.pv.e820_host, 0);
	return 0;
}

static int k_dtdev(struct parse_state *ps)
{
	XLU_ConfigList *list;
	const char *v;
	int n;

	if (xlu_cfg_get_list(ps->cfg, "dtdev", &list, &n, 0))
		goto passthrough;
	ps->d->dtdevs = calloc((size_t)(n ? n : 1), sizeof(*ps->d->dtdevs));
	if (!ps->d->dtdevs)
		return 1;
	for (int i = 0; (v = xlu_cfg_get_listitem(list, i)); i++) {
		ps->d->dtdevs[i].path = strdup(v);
		ps->d->num_dtdevs = i + 1;
	}
passthrough:
	if (!xlu_cfg_get_string(ps->cfg, "passthrough", &v, 0) &&
	    libxl_passthrough_from_string(v, &ps->d->c_info.passthrough)) {
		fprintf(stderr, "ERROR: unknown passthrough option '%s'\n", v);
		return 1;
	}
	return 0;
}

/* cmdline= wins over root= and extra=, which combine as "root=R E". */
static int k_cmdline(struct parse_state *ps)
{
	const char *cmd = NULL, *root = NULL, *extra = NULL;
	char **out = &ps->d->b_info.cmdline;
	size_t n;

	xlu_cfg_get_string(ps->cfg, "cmdline", &cmd, 0);
	xlu_cfg_get_string(ps->cfg, "root", &root, 0);
	xlu_cfg_get_string(ps->cfg, "extra", &extra, 0);
	if (cmd) {
		if (root || extra)
			fprintf(stderr, "Warning: ignoring root= and extra= in favour of cmdline=\n");
		*out = strdup(cmd);
		return !*out;
	}
	if (!root && !extra)
		return 0;
	n = (root ? strlen(root) + 6 : 0) + (extra ? strlen(extra) + 1 : 0) + 1;
	*out = malloc(n);
	if (!*out)
		return 1;
	snprintf(*out, n, "%s%s%s%s", root ? "root=" : "", root ? root : "",
		 root && extra ? " " : "", extra ? extra : "");
	return 0;
}

static int k_kernel(struct parse_state *ps)
{
	libxl_domain_build_info *b = &ps->d->b_info;
	long l;

	if (!xlu_cfg_get_long(ps->cfg, "max_event_channels", &l, 0))
		b->event_channels = (uint32_t)l;
	xlu_cfg_replace_string(ps->cfg, "kernel", &b->kernel, 0);
	xlu_cfg_replace_string(ps->cfg, "ramdisk", &b->ramdisk, 0);
	xlu_cfg_replace_string(ps->cfg, "device_tree", &b->device_tree, 0);
	if (k_cmdline(ps))
		return 1;
	xlu_cfg_get_defbool(ps->cfg, "driver_domain", &ps->d->c_info.driver_domain, 0);
	xlu_cfg_get_defbool(ps->cfg, "acpi", &b->acpi, 0);
	xlu_cfg_replace_string(ps->cfg, "bootloader", &b->bootloader, 0);
	return 0;
}

static int k_irqs(struct parse_state *ps)
{
	libxl_domain_build_info *b = &ps->d->b_info;
	XLU_ConfigList *list;
	int n;

	if (xlu_cfg_get_list(ps->cfg, "irqs", &list, &n, 0))
		return 0;
	b->irqs = calloc((size_t)(n ? n : 1), sizeof(*b->irqs));
	if (!b->irqs)
		return 1;
	b->num_irqs = n;
	for (int i = 0; i < n; i++) {
		const char *v = xlu_cfg_get_listitem(list, i);
		unsigned long ul;
		char *end;

		if (!v) {
			fprintf(stderr, "xl: Unable to get element %d in irq list\n", i);
			return 1;
		}
		ul = strtoul(v, &end, 10);
		if (end == v || *end) {
			fprintf(stderr, "xl: Invalid argument parsing irq: %s\n", v);
			return 1;
		}
		if (ul >= UINT32_MAX) {
			fprintf(stderr, "xl: irq %lx too big\n", ul);
			return 1;
		}
		b->irqs[i] = (uint32_t)ul;
	}
	return 0;
}

/* "MFN,NR[@GFN]", all hex. */
static int iomem_item(const char *v, libxl_iomem_range *r)
{
	int used = 0, n;

	r->gfn = LIBXL_INVALID_GFN;
	n = sscanf(v, "%" SCNx64 ",%" SCNx64 "%n@%" SCNx64 "%n", &r->start, &r->number, &used,
		   &r->gfn, &used);
	return n < 2 || v[used] != '\0';
}

static int k_iomem(struct parse_state *ps)
{
	libxl_domain_build_info *b = &ps->d->b_info;
	XLU_ConfigList *list;
	int n;

	if (xlu_cfg_get_list(ps->cfg, "iomem", &list, &n, 0))
		return 0;
	b->iomem = calloc((size_t)(n ? n : 1), sizeof(*b->iomem));
	if (!b->iomem)
		return 1;
	b->num_iomem = n;
	for (int i = 0; i < n; i++) {
		const char *v = xlu_cfg_get_listitem(list, i);

		if (!v) {
			fprintf(stderr, "xl: Unable to get element %d in iomem list\n", i);
			return 1;
		}
		if (iomem_item(v, &b->iomem[i])) {
			fprintf(stderr, "xl: Invalid argument parsing iomem: %s\n", v);
			return 1;
		}
	}
	return 0;
}

static int k_disks(struct parse_state *ps)
{
	libxl_domain_config *d = ps->d;
	XLU_ConfigList *list;
	const char *spec;
	int n;

	if (xlu_cfg_get_list(ps->cfg, "disk", &list, &n, 0))
		return 0;
	d->disks = calloc((size_t)(n ? n : 1), sizeof(*d->disks));
	if (!d->disks)
		return 1;
	for (int i = 0; (spec = xlu_cfg_get_listitem(list, i)); i++) {
		libxl_device_disk_init(&d->disks[i]);
		d->num_disks = i + 1;
		if (xlu_disk_parse(ps->cfg, 1, &spec, &d->disks[i]))
			return 1;
	}
	return 0;
}

void xl_nic_defaults(libxl_device_nic *nic)
{
	const char *dflt[] = { xl_globals.vif_script, xl_globals.bridge,
			       xl_globals.gatewaydev, xl_globals.vif_backend };
	char **slot[] = { &nic->script, &nic->bridge, &nic->gatewaydev, &nic->backend_domname };

	for (int i = 0; i < 4; i++)
		if (dflt[i]) {
			free(*slot[i]);
			*slot[i] = strdup(dflt[i]);
		}
}

/*
 * Items are split at every ',' (a vif spec has no quoting), blanks skipped.
 * Like xl, an unknown or malformed item only earns a message; bad numbers
 * and rates stop the parse.
 */
int xl_parse_vif(XLU_Config *cfg, const char *spec, libxl_device_nic *nic)
{
	char *copy = strdup(spec), *save = NULL, *tok;
	int rc = copy ? 0 : ENOMEM;

	for (tok = rc ? NULL : strtok_r(copy, ",", &save); tok && rc <= 0;
	     tok = strtok_r(NULL, ",", &save)) {
		while (*tok == ' ')
			tok++;
		rc = xlu_vif_parse_item(cfg, nic, tok);
	}
	if (rc < 0)
		rc = 0;
	free(copy);
	return rc;
}

static int k_nics(struct parse_state *ps)
{
	libxl_domain_config *d = ps->d;
	XLU_ConfigList *list;
	const char *spec;
	int n;

	if (xlu_cfg_get_list(ps->cfg, "vif", &list, &n, 0))
		return 0;
	d->nics = calloc((size_t)(n ? n : 1), sizeof(*d->nics));
	if (!d->nics)
		return 1;
	for (int i = 0; (spec = xlu_cfg_get_listitem(list, i)); i++) {
		libxl_device_nic_init(&d->nics[i]);
		d->nics[i].devid = i;
		d->num_nics = i + 1;
		xl_nic_defaults(&d->nics[i]);
		if (xl_parse_vif(ps->cfg, spec, &d->nics[i]))
			return 1;
	}
	return 0;
}

static int k_arm(struct parse_state *ps)
{
	libxl_domain_build_info *b = &ps->d->b_info;
	const char *v;
	long l;

	if (!xlu_cfg_get_string(ps->cfg, "gic_version", &v, 1) &&
	    libxl_gic_version_from_string(v, &b->arch_arm.gic_version)) {
		fprintf(stderr, "Unknown gic_version \"%s\" specified\n", v);
		return 1;
	}
	if (!xlu_cfg_get_string(ps->cfg, "tee", &v, 1) &&
	    libxl_tee_type_from_string(v, &b->tee)) {
		fprintf(stderr, "Unknown tee \"%s\" specified\n", v);
		return 1;
	}
	xlu_cfg_get_defbool(ps->cfg, "vpmu", &b->vpmu, 0);
	/* nr_spis= comes from Xen 4.20; kept for the builder, not in 4.17's JSON. */
	if (!xlu_cfg_get_bounded_long(ps->cfg, "nr_spis", 0, 960, &l, 0))
		b->arch_arm.nr_spis = (uint32_t)l;
	return 0;
}

/* Run in this order: later rows use what earlier ones set (type, vcpus). */
static const key_setter key_table[] = {
	k_seclabel, k_type, k_name_uuid, k_pvh, k_sched, k_memory_vcpus, k_cpus,
	k_grants, k_actions, k_pv_e820, k_dtdev, k_kernel, k_irqs, k_iomem,
	k_disks, k_nics, k_arm,
};

int xl_parse_config(XLU_Config *cfg, libxl_domain_config *d)
{
	struct parse_state ps = { .cfg = cfg, .d = d, .vcpus = 0 };

	for (size_t i = 0; i < sizeof(key_table) / sizeof(key_table[0]); i++)
		if (key_table[i](&ps))
			return 1;
	return 0;
}
