/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * LD_PRELOAD shim that lets Debian's real xl (amd64 xen-utils-4.17) run its
 * -N dry runs on a host without Xen, so tests can compare our JSON with it.
 * xl's main() opens a libxl context (libxc + xenstore) and asks for the Xen
 * version and the host's CPUs before any subcommand, even with -N; these
 * stubs answer as a Xen 4.17 host with FAKEXEN_CPUS CPUs (default 2).
 * Constants are Xen's public ABI (XENVER_*, struct xen_sysctl_physinfo).
 * Test-only: never installed.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static int handle;

void *xc_interface_open(void *logger, void *dombuild_logger, unsigned int flags);
int xc_interface_close(void *xch);
void *xs_open(unsigned long flags);
void xs_close(void *xsh);
void *xs_read(void *xsh, uint32_t t, const char *path, unsigned int *len);
int xc_version(void *xch, int cmd, void *arg);
int xc_physinfo(void *xch, uint32_t *info);
long xc_sharing_freed_pages(void *xch);
long xc_sharing_used_frames(void *xch);

void *xc_interface_open(void *logger, void *dombuild_logger, unsigned int flags)
{
	return &handle;
}

int xc_interface_close(void *xch)
{
	return 0;
}

/* No xenstore is needed for -N; a non-NULL handle keeps libxl_ctx_alloc happy. */
void *xs_open(unsigned long flags)
{
	return &handle;
}

void xs_close(void *xsh)
{
}

/* find_domain() checks the domain's name: only dom0 exists. */
void *xs_read(void *xsh, uint32_t t, const char *path, unsigned int *len)
{
	if (strcmp(path, "/local/domain/0/name")) {
		errno = ENOENT;
		return NULL;
	}
	if (len)
		*len = 8;
	return strdup("Domain-0");
}

int xc_version(void *xch, int cmd, void *arg)
{
	switch (cmd) {
	case 0: return (4 << 16) | 17;                        /* XENVER_version */
	case 1: strcpy(arg, ".0"); return 0;                   /* extraversion */
	case 2: memset(arg, 0, 144); return 0;                 /* compile_info */
	case 3: strcpy(arg, "xen-3.0-aarch64"); return 0;      /* capabilities */
	case 4: strcpy(arg, "fakexen"); return 0;              /* changeset */
	case 5: case 6: memset(arg, 0, 8); return 0;           /* platform params, features */
	case 7: return 4096;                                   /* pagesize */
	case 9: memset(arg, 0, 1024); return 0;                /* commandline */
	default: errno = ENOSYS; return -1;                    /* build_id ... */
	}
}

/* struct xen_sysctl_physinfo, 112 bytes: u32 words 0..5 are the topology. */
int xc_physinfo(void *xch, uint32_t *p)
{
	const char *env = getenv("FAKEXEN_CPUS");
	uint32_t cpus = env ? (uint32_t)atoi(env) : 2;

	memset(p, 0, 112);
	p[0] = 1;        /* threads_per_core */
	p[1] = cpus;     /* cores_per_socket */
	p[2] = cpus;     /* nr_cpus */
	p[3] = cpus - 1; /* max_cpu_id */
	p[4] = 1;        /* nr_nodes */
	return 0;
}

long xc_sharing_freed_pages(void *xch)
{
	return 0;
}

long xc_sharing_used_frames(void *xch)
{
	return 0;
}
