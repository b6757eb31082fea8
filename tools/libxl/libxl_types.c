/* SPDX-License-Identifier: GPL-2.0-only */
/* Init, dispose and small value helpers of the domain configuration model. */
#include <stdlib.h>
#include <string.h>

#include "libxl_types.h"

static void sched_params_init(libxl_domain_sched_params *s)
{
	s->weight = s->cap = s->period = s->budget = LIBXL_DOMAIN_SCHED_PARAM_DEFAULT;
	s->extratime = s->slice = s->latency = LIBXL_DOMAIN_SCHED_PARAM_DEFAULT;
}

static void build_info_init(libxl_domain_build_info *b)
{
	memset(b, 0, sizeof(*b));
	b->max_memkb = b->target_memkb = LIBXL_MEMKB_DEFAULT;
	b->max_grant_frames = b->max_maptrack_frames = LIBXL_MAX_GRANT_DEFAULT;
	b->max_grant_version = LIBXL_MAX_GRANT_DEFAULT;
	sched_params_init(&b->sched_params);
	b->type = LIBXL_DOMAIN_TYPE_INVALID;
}

void libxl_domain_config_init(libxl_domain_config *d)
{
	memset(d, 0, sizeof(*d));
	d->c_info.type = LIBXL_DOMAIN_TYPE_INVALID;
	build_info_init(&d->b_info);
	d->on_poweroff = d->on_reboot = d->on_watchdog = LIBXL_ACTION_ON_SHUTDOWN_DESTROY;
	d->on_crash = d->on_soft_reset = LIBXL_ACTION_ON_SHUTDOWN_DESTROY;
}

static void string_list_dispose(libxl_string_list l)
{
	for (char **p = l; p && *p; p++)
		free(*p);
	free(l);
}

static void build_info_dispose(libxl_domain_build_info *b)
{
	libxl_bitmap_dispose(&b->avail_vcpus);
	libxl_bitmap_dispose(&b->cpumap);
	for (int i = 0; i < b->num_vcpu_hard_affinity; i++)
		libxl_bitmap_dispose(&b->vcpu_hard_affinity[i]);
	free(b->vcpu_hard_affinity);
	free(b->exec_ssid_label);
	free(b->irqs);
	free(b->iomem);
	free(b->kernel);
	free(b->cmdline);
	free(b->ramdisk);
	free(b->device_tree);
	free(b->bootloader);
	string_list_dispose(b->bootloader_args);
}

void libxl_domain_config_dispose(libxl_domain_config *d)
{
	free(d->c_info.ssid_label);
	free(d->c_info.name);
	free(d->c_info.pool_name);
	build_info_dispose(&d->b_info);
	for (int i = 0; i < d->num_disks; i++)
		libxl_device_disk_dispose(&d->disks[i]);
	free(d->disks);
	for (int i = 0; i < d->num_nics; i++)
		libxl_device_nic_dispose(&d->nics[i]);
	free(d->nics);
	for (int i = 0; i < d->num_dtdevs; i++)
		free(d->dtdevs[i].path);
	free(d->dtdevs);
	memset(d, 0, sizeof(*d));
}

void libxl_device_disk_init(libxl_device_disk *d)
{
	memset(d, 0, sizeof(*d));
}

void libxl_device_disk_dispose(libxl_device_disk *d)
{
	free(d->backend_domname);
	free(d->pdev_path);
	free(d->vdev);
	free(d->script);
	memset(d, 0, sizeof(*d));
}

void libxl_device_nic_init(libxl_device_nic *n)
{
	memset(n, 0, sizeof(*n));
	n->devid = -1;
}

void libxl_device_nic_dispose(libxl_device_nic *n)
{
	free(n->backend_domname);
	free(n->model);
	free(n->ip);
	free(n->bridge);
	free(n->ifname);
	free(n->script);
	free(n->gatewaydev);
	memset(n, 0, sizeof(*n));
}

void libxl_defbool_set(libxl_defbool *b, bool v)
{
	b->val = v ? 1 : -1;
}

bool libxl_defbool_is_default(libxl_defbool b)
{
	return b.val == 0;
}

const char *libxl_defbool_to_string(libxl_defbool b)
{
	if (b.val == 0)
		return "<default>";
	return b.val > 0 ? "True" : "False";
}

int libxl_bitmap_alloc(libxl_bitmap *b, uint32_t nbits)
{
	uint32_t bytes = (nbits + 7) / 8;

	b->map = calloc(bytes ? bytes : 1, 1);
	if (!b->map)
		return -1;
	b->size = bytes * 8;
	return 0;
}

void libxl_bitmap_dispose(libxl_bitmap *b)
{
	free(b->map);
	b->map = NULL;
	b->size = 0;
}

void libxl_bitmap_set(libxl_bitmap *b, uint32_t bit)
{
	if (bit < b->size)
		b->map[bit / 8] |= 1u << (bit % 8);
}

void libxl_bitmap_reset(libxl_bitmap *b, uint32_t bit)
{
	if (bit < b->size)
		b->map[bit / 8] &= ~(1u << (bit % 8));
}

bool libxl_bitmap_test(const libxl_bitmap *b, uint32_t bit)
{
	return bit < b->size && (b->map[bit / 8] >> (bit % 8)) & 1;
}

bool libxl_bitmap_is_empty(const libxl_bitmap *b)
{
	for (uint32_t i = 0; i < b->size; i++)
		if (libxl_bitmap_test(b, i))
			return false;
	return true;
}
