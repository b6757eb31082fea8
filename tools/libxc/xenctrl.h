/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * libxc: hypercall wrappers over /dev/xen/privcmd at Xen 4.17's domctl and
 * sysctl interface versions.  Every call returns 0 (or a count) on success
 * and -1 with errno set on failure: ENOENT/EACCES when privcmd cannot be
 * opened, the hypervisor's error otherwise (ESRCH no such domain, EPERM not
 * privileged, EINVAL bad argument, EACCES interface version mismatch).
 */
#ifndef XA_XENCTRL_H
#define XA_XENCTRL_H

#include <stddef.h>
#include <stdint.h>

#include "public/xen.h"
#include "public/domctl.h"
#include "public/sysctl.h"
#include "public/version.h"
#include "public/memory.h"
#include "public/event_channel.h"
#include "public/hvm/params.h"
#include "xen-sys/linux/privcmd.h"

typedef struct xc_interface xc_interface;
typedef struct xen_sysctl_physinfo xc_physinfo_t;
typedef struct xen_domctl_getdomaininfo xc_domaininfo_t;

/*
 * The OS layer: how hypercalls reach the hypervisor and where their
 * argument buffers live.  osdep-linux uses privcmd; unit tests pass their own.
 */
struct xc_osdep_ops {
	long (*hypercall)(void *priv, privcmd_hypercall_t *call);
	void *(*buf_alloc)(void *priv, size_t len);
	void (*buf_free)(void *priv, void *p, size_t len);
	void *(*map_foreign)(void *priv, uint32_t domid, int prot, const xen_pfn_t *gfns,
			     int *errs, unsigned int num);
	void *(*map_resource)(void *priv, uint32_t domid, unsigned int type, unsigned int id,
			      unsigned int idx, unsigned int num);
	void (*close)(void *priv);
};

/* Opens privcmd; on failure prints why (unless quiet) and returns NULL. */
xc_interface *xc_interface_open(void);
xc_interface *xc_interface_open_quiet(void);
xc_interface *xc_interface_open_ops(const struct xc_osdep_ops *ops, void *priv);
int xc_interface_close(xc_interface *xch);

/* version.c: XENVER_* with the payload size the sub-op defines. */
int xc_version(xc_interface *xch, int cmd, void *arg);

/* sysctl.c */
int xc_physinfo(xc_interface *xch, xc_physinfo_t *info);
int xc_sched_id(xc_interface *xch, int *sched_id);
int xc_send_debug_keys(xc_interface *xch, const char *keys);
int xc_readconsolering(xc_interface *xch, char *buf, unsigned int *size, int clear,
		       int incremental, uint32_t *index);
/* Fills up to max entries from first on; returns how many. */
int xc_domain_getinfolist(xc_interface *xch, uint32_t first, unsigned int max,
			  xc_domaininfo_t *info);

/* domctl.c */
int xc_domain_create(xc_interface *xch, uint32_t *domid, struct xen_domctl_createdomain *config);
int xc_domain_getinfo_single(xc_interface *xch, uint32_t domid, xc_domaininfo_t *info);
int xc_domain_destroy(xc_interface *xch, uint32_t domid);
int xc_domain_pause(xc_interface *xch, uint32_t domid);
int xc_domain_unpause(xc_interface *xch, uint32_t domid);
int xc_domain_sethandle(xc_interface *xch, uint32_t domid, const xen_domain_handle_t handle);
int xc_domain_setmaxmem(xc_interface *xch, uint32_t domid, uint64_t max_memkb);
int xc_domain_max_vcpus(xc_interface *xch, uint32_t domid, unsigned int max);
int xc_domain_set_address_size(xc_interface *xch, uint32_t domid, unsigned int bits);
int xc_domain_cacheflush(xc_interface *xch, uint32_t domid, xen_pfn_t start, xen_pfn_t nr);
int xc_set_paging_mempool_size(xc_interface *xch, uint32_t domid, uint64_t bytes);
int xc_vcpu_getinfo(xc_interface *xch, uint32_t domid, uint32_t vcpu,
		    struct xen_domctl_getvcpuinfo *info);
int xc_vcpu_setcontext(xc_interface *xch, uint32_t domid, uint32_t vcpu,
		       const struct vcpu_guest_context *ctxt);
/* vcpu_ctx.c: the vCPU's saved registers (XEN_DOMCTL_getvcpucontext). */
int xc_vcpu_getcontext(xc_interface *xch, uint32_t domid, uint32_t vcpu,
		       struct vcpu_guest_context *ctxt);

/* memory.c */
int xc_domain_populate_physmap_exact(xc_interface *xch, uint32_t domid, unsigned long nr,
				     unsigned int order, unsigned int flags, xen_pfn_t *gfns);

/* evtchn.c / hvm.c */
int xc_evtchn_alloc_unbound(xc_interface *xch, uint32_t domid, uint32_t remote);
int xc_hvm_param_set(xc_interface *xch, uint32_t domid, uint32_t param, uint64_t value);
int xc_hvm_param_get(xc_interface *xch, uint32_t domid, uint32_t param, uint64_t *value);

/* foreign.c: maps num guest frames of domid (MMAPBATCH_V2); NULL on failure. */
void *xc_map_foreign_pages(xc_interface *xch, uint32_t domid, int prot,
			   const xen_pfn_t *gfns, unsigned int num);
/* Maps num frames of a domain resource (MMAP_RESOURCE, e.g. its grant table). */
void *xc_map_resource(xc_interface *xch, uint32_t domid, unsigned int type, unsigned int id,
		      unsigned int idx, unsigned int num);

#endif
