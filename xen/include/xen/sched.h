/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * vCPUs and the scheduler (common/sched.c). Domain-agnostic: dom0's
 * builder and the domctl code create vCPUs with the same calls.
 *
 * A vCPU runs when it is online, not blocked and not paused. One global
 * run queue (FIFO) under one lock serves every physical CPU: a vCPU
 * runs for a time slice, then goes to the back of the queue if anyone is
 * waiting, so N vCPUs on M < N pCPUs each get about M/N of a CPU. A pCPU
 * with nothing to run waits for an interrupt in EL2.
 *
 * Life cycle: the caller sets d->nr_vcpus (the domain's maximum) and the
 * vGIC up, then vcpu_create() each vCPU (offline), then vcpu_start()
 * the ones that should run (dom0's vCPU 0; PSCI CPU_ON starts the rest,
 * the toolstack's setvcpucontext does it for a domU).
 */
#ifndef XEN_SCHED_H
#define XEN_SCHED_H

#include <xen/types.h>

struct vcpu;
struct domain;
struct cpu_regs;

#define SCHED_SLICE_MS 10

/* What getdomaininfo/getvcpuinfo report. */
enum vcpu_runstate {
	VCPU_RUNNING,		/* on a pCPU now */
	VCPU_RUNNABLE,		/* waiting in the run queue */
	VCPU_BLOCKED,		/* WFI / SCHEDOP_block / poll: waits for an interrupt */
	VCPU_OFFLINE,		/* never started, or PSCI CPU_OFF */
	VCPU_PAUSED,		/* vcpu_pause()/domain_pause() count > 0 */
};

/* The scheduler's part of struct vcpu (opened only by sched.c). */
struct sched_vcpu {
	struct vcpu *rq_next;		/* run-queue link */
	struct vcpu *all_next;		/* every vCPU, for timer scans */
	unsigned int pause_count;
	unsigned int processor;		/* pCPU it runs / last ran on */
	bool online, blocked, queued, running;
	uint64_t run_start;		/* counter value when it last went on a pCPU */
	uint64_t run_ticks;		/* total counter ticks on a pCPU */
	uint64_t wake_at;		/* blocked: wake at this counter value, 0 = never */
	uint64_t poll_until;		/* SCHEDOP_poll timeout (counter), 0 = none */
	/* Xen runstate (RUNSTATE_*): what the guest's runstate area shows. */
	unsigned int rs_state;
	uint64_t rs_entry;		/* counter value when rs_state began */
	uint64_t rs_ticks[4];		/* counter ticks spent in each state */
};

struct vcpu_runinfo {
	enum vcpu_runstate state;
	uint64_t time_ns;		/* time spent running */
	unsigned int pcpu;		/* where it runs or last ran */
};

/*
 * Allocates vCPU `id` of `d` (id < d->nr_vcpus, not created yet), with
 * its arch state reset (EL1 reset values, VMPIDR = id, vGIC state) and
 * offline. NULL if the id is bad or taken, or no memory.
 */
struct vcpu *vcpu_create(struct domain *d, unsigned int id);
/* Stops `v` for good (waits until it is off every pCPU) and frees it. */
void vcpu_destroy(struct vcpu *v);

/* Reset `v` to enter EL1h at `pc` with x0 = `x0`, put it online and wake it. */
void vcpu_start(struct vcpu *v, uint64_t pc, uint64_t x0);
/* The running vCPU goes offline (PSCI CPU_OFF); it leaves its pCPU on return to guest. */
void vcpu_stop_current(void);
bool vcpu_is_online(const struct vcpu *v);

/* Unblock `v` (something is pending for it); no-op if it is not blocked. */
void vcpu_wake(struct vcpu *v);
/* Wake `v` if blocked; if it runs on another pCPU, make it look at its pending interrupts. */
void vcpu_kick(struct vcpu *v);

/*
 * Counted pause: after vcpu_pause() returns, `v` is not running on any
 * pCPU (unless it is the caller itself) until the matching unpause.
 */
void vcpu_pause(struct vcpu *v);
void vcpu_unpause(struct vcpu *v);
void domain_pause(struct domain *d);
void domain_unpause(struct domain *d);

void vcpu_get_runinfo(const struct vcpu *v, struct vcpu_runinfo *ri);

/* The vCPU this pCPU runs (NULL when idle or before the scheduler starts). */
struct vcpu *current_vcpu(void);

/* SCHEDOP_* (x0 = cmd, x1 = argument pointer): the hypercall table entry. */
long do_sched_op(struct cpu_regs *regs);

/* Guest WFI (block until an interrupt is pending) and WFE (yield). */
void vcpu_block_current(void);
void vcpu_yield_current(void);

/*
 * Per-pCPU entry points. sched_run(): this pCPU starts scheduling (never
 * returns). sched_leave(frame): on every return to a guest, maybe switch
 * vCPUs (the frame at the stack top is rewritten), then deliver the
 * pending virtual interrupts. sched_timer_irq(): the EL2 timer fired.
 */
void sched_run(void) __noreturn;
void sched_leave(struct cpu_regs *frame);
void sched_timer_irq(void);

/* What sched.c needs of the arch. */
int arch_vcpu_create(struct vcpu *v);
void arch_vcpu_destroy(struct vcpu *v);
void arch_vcpu_reset(struct vcpu *v, uint64_t pc, uint64_t x0);
/* Is an enabled virtual interrupt (or an expired virtual timer) pending for the running `v`? */
bool arch_vcpu_irq_pending(struct vcpu *v);
/* Save the running `v` (GPRs from `frame`); returns its virtual-timer deadline (counter, 0 = none). */
uint64_t arch_ctxt_save(struct vcpu *v, struct cpu_regs *frame);
/* Load `v` onto this pCPU (GPRs into `frame`). */
void arch_ctxt_restore(struct vcpu *v, struct cpu_regs *frame);
/* Before returning to the running `v`: move its pending interrupts into list registers. */
void arch_vgic_flush(struct vcpu *v);
/* Per-pCPU set-up for running guests, and the "look at your run queue" SGI. */
void arch_sched_cpu_init(void);
void arch_kick_cpu(unsigned int cpu);
/* Hand the pCPU to the guest in `frame` (stack reset to its top). */
void arch_return_to_guest(struct cpu_regs *frame) __noreturn;
/* Run `fn` (never returns) on this CPU's stack below its guest frame. */
void arch_sched_start(void (*fn)(struct cpu_regs *frame)) __noreturn;

#endif
