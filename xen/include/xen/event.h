/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Event channels, 2-level ABI (xen/common/event_channel.c).
 *
 * A self-contained module: it knows nothing of struct domain or struct
 * vcpu. The hypervisor core embeds one struct evtchn_domain per domain,
 * calls evtchn_domain_init() when it creates the domain and
 * evtchn_domain_destroy() when it dies, and supplies, once at boot, a
 * struct evtchn_ops (evtchn_set_ops) with what this module needs of it:
 *
 *   get/put        find a domain's evtchn_domain by id and hold a reference
 *                  (NULL if there is none or it is dying); drop it
 *   shared_info    the domain's shared_info page (hypervisor mapping)
 *   vcpu_info      vCPU n's vcpu_info (the legacy slot in shared_info for
 *                  vCPU 0 until VCPUOP_register_vcpu_info moves it); NULL
 *                  when the vCPU has none yet: the event then stays pending
 *                  in evtchn_pending only, as with Xen's dummy_vcpu_info
 *   kick           raise the event-channel upcall (PPI 31) on vCPU n
 *   may_target     XSM "dummy" policy: may caller act on target (itself, or
 *                  the caller is the control domain)
 *   zalloc/free    zeroed hypervisor memory for the port table
 *   paused         optional: is the domain paused by the toolstack
 *                  (controller_pause_count); EVTCHNOP_reset of another
 *                  domain requires it, else -EINVAL as in Xen. NULL = yes
 *
 * Hypercall entry: evtchn_op(cur, cmd, arg). The core copies the
 * argument struct in (evtchn_op_size(cmd) bytes, 0 = unknown op: return
 * -ENOSYS without copying), calls evtchn_op with a pointer to its copy, and
 * copies the same number of bytes back out when the result is 0. Results
 * are 0 or a negated Xen errno (public/errno.h).
 *
 * The core raises VIRQs with evtchn_send_virq (per-vCPU VIRQs such as
 * VIRQ_TIMER) and evtchn_send_global_virq (VIRQ_DOM_EXC, VIRQ_CONSOLE ...;
 * delivered to whichever vCPU the port is bound to, vCPU 0 by default).
 *
 * Atomics on the guest-shared pages use GCC's __atomic builtins (arm64 is
 * built with -mno-outline-atomics); locks are xen/spinlock.h's.
 */
#ifndef XEN_EVENT_H
#define XEN_EVENT_H

#include <xen/types.h>
#include <xen/spinlock.h>
#include <public/xen.h>
#include <public/event_channel.h>

struct evtchn;
struct evtchn_domain;

struct evtchn_ops {
	struct evtchn_domain *(*get)(domid_t id);
	void (*put)(struct evtchn_domain *d);
	struct shared_info *(*shared_info)(struct evtchn_domain *d);
	struct vcpu_info *(*vcpu_info)(struct evtchn_domain *d, unsigned int vcpu);
	void (*kick)(struct evtchn_domain *d, unsigned int vcpu);
	bool (*may_target)(struct evtchn_domain *caller, struct evtchn_domain *target);
	void *(*zalloc)(size_t bytes);
	void (*free)(void *p);
	bool (*paused)(struct evtchn_domain *d);
};

/* Embedded in the core's struct domain; opaque outside event_channel.c. */
struct evtchn_domain {
	domid_t domid;
	spinlock_t lock;            /* guards ports[] and virq_ports[] */
	unsigned int max_vcpus;
	unsigned int max_port;      /* highest port this domain may use */
	unsigned int valid_ports;   /* ports below this exist (64-port buckets) */
	struct evtchn *ports;
	evtchn_port_t *virq_ports;  /* [vcpu * NR_VIRQS + virq], 0 = unbound */
	bool ready;
};

void evtchn_set_ops(const struct evtchn_ops *ops);

/*
 * max_port: highest usable port (Xen's max_evtchn_port, libxl's
 * event_channels - 1); clamped to EVTCHN_2L_NR_CHANNELS - 1.
 * Returns 0, -EINVAL (no vCPUs, no ops set) or -ENOMEM.
 */
int evtchn_domain_init(struct evtchn_domain *d, domid_t id,
		       unsigned int max_vcpus, unsigned int max_port);
/*
 * Closes every port (peers' ports go back to unbound) and frees memory.
 * Call it once get() no longer returns d and no CPU still holds a
 * reference from get() or is raising a VIRQ on d.
 */
void evtchn_domain_destroy(struct evtchn_domain *d);

size_t evtchn_op_size(unsigned int cmd);
long evtchn_op(struct evtchn_domain *cur, unsigned int cmd, void *arg);

/* 0, -EINVAL (virq/vcpu out of range) or -ENOENT (not bound). */
int evtchn_send_virq(struct evtchn_domain *d, unsigned int vcpu,
		     unsigned int virq);
int evtchn_send_global_virq(struct evtchn_domain *d, unsigned int virq);
/*
 * After VCPUOP_register_vcpu_info moved vCPU n's vcpu_info (the core has
 * copied the old contents): as Xen, set every selector bit and raise the
 * upcall so the guest rescans all pending ports.
 */
void evtchn_vcpu_info_moved(struct evtchn_domain *d, unsigned int vcpu);
/* Whether a VIRQ is global (bound on vCPU 0 only) as in Xen. */
bool evtchn_virq_is_global(unsigned int virq);

#endif
