// SPDX-License-Identifier: GPL-2.0-only
/*
 * The scheduler (contract in xen/sched.h): one FIFO run queue shared by
 * every pCPU, a time slice from the EL2 timer, WFI blocking with wake-up
 * on interrupts and on the virtual timer's deadline, counted pauses.
 *
 * Locking: `sched_lock` guards every struct sched_vcpu field, the run
 * queue, the vCPU list and struct pcpu_sched. It is a leaf lock (nothing
 * else is taken while it is held) and all hypervisor code runs with IRQs
 * masked except the idle wait, so IRQ handlers may take it too.
 *
 * A vCPU's registers are only touched by the pCPU that has it `running`.
 * A pCPU switching away saves the registers first and only then, under
 * the lock, clears `running` and queues the vCPU, so another pCPU never
 * loads a half-saved context.
 */
#include <asm/domain.h>
#include <asm/guest.h>
#include <asm/hypercall.h>
#include <asm/smp.h>
#include <public/errno.h>
#include <public/vcpu.h>
#include <public/xen.h>
#include <xen/console.h>
#include <xen/domain.h>
#include <xen/lib.h>
#include <xen/percpu.h>
#include <xen/sched.h>
#include <xen/spinlock.h>
#include <xen/xmalloc.h>
#include <xen/xsm.h>

#define POLL_MAX_PORTS 128

struct pcpu_sched {
	struct vcpu *curr;
	uint64_t slice_end;	/* counter value */
	bool need_resched;	/* slice over or yield: let the queue go first */
	bool idle;		/* waiting in arch_idle() for work */
};

static spinlock_t sched_lock = SPIN_LOCK_UNLOCKED;
static struct vcpu *rq_head, *rq_tail, *all_vcpus;
static struct pcpu_sched psched[NR_CPUS] __hot_bss;
static bool sched_started;	/* a vCPU was started: the EL2 timer is ours */

static __hot_text struct pcpu_sched *here(void)
{
	return &psched[this_cpu()->id];
}

__hot_text struct vcpu *current_vcpu(void)
{
	return here()->curr;
}

static uint64_t slice_ticks(void)
{
	return arch_counter_freq() / 1000 * SCHED_SLICE_MS;
}

static uint64_t ticks_to_ns(uint64_t t)
{
	uint64_t f = arch_counter_freq();

	return t / f * 1000000000ULL + t % f * 1000000000ULL / f;
}

static uint64_t ns_to_ticks(uint64_t ns)
{
	uint64_t f = arch_counter_freq();

	return ns / 1000000000ULL * f + ns % 1000000000ULL * f / 1000000000ULL;
}

static bool runnable(const struct vcpu *v)
{
	return v->sched.online && !v->sched.blocked && !v->sched.pause_count;
}

/*
 * Runstate accounting (lock held): the state follows the flags; paused
 * and offline vCPUs count as RUNSTATE_offline, as on Xen.
 */
static void rs_sync(struct vcpu *v)
{
	unsigned int want = v->sched.running ? RUNSTATE_running :
			    !v->sched.online || v->sched.pause_count ? RUNSTATE_offline :
			    v->sched.blocked ? RUNSTATE_blocked : RUNSTATE_runnable;
	uint64_t now = arch_counter();

	if (want == v->sched.rs_state)
		return;
	v->sched.rs_ticks[v->sched.rs_state] += now - v->sched.rs_entry;
	v->sched.rs_entry = now;
	v->sched.rs_state = want;
}

/* The guest's registered runstate area, written as the vCPU goes on a pCPU. */
static void rs_publish(struct vcpu *v)
{
	struct vcpu_runstate_info ri = { .state = (int)v->sched.rs_state };
	unsigned int i;

	if (!v->runstate_gva)
		return;
	ri.state_entry_time = ticks_to_ns(v->sched.rs_entry);
	for (i = 0; i < 4; i++)
		ri.time[i] = ticks_to_ns(v->sched.rs_ticks[i]);
	copy_to_guest(v->runstate_gva, &ri, sizeof(ri));	/* unmapped: nothing */
}

static void rq_push(struct vcpu *v)
{
	v->sched.rq_next = NULL;
	v->sched.queued = true;
	if (rq_tail)
		rq_tail->sched.rq_next = v;
	else
		rq_head = v;
	rq_tail = v;
}

/* Entries that stopped being runnable while queued are dropped here. */
static void rq_prune(void)
{
	while (rq_head && !runnable(rq_head)) {
		rq_head->sched.queued = false;
		rq_head = rq_head->sched.rq_next;
	}
	if (!rq_head)
		rq_tail = NULL;
}

static struct vcpu *rq_pop(void)
{
	struct vcpu *v;

	rq_prune();
	v = rq_head;
	if (!v)
		return NULL;
	rq_head = v->sched.rq_next;
	if (!rq_head)
		rq_tail = NULL;
	v->sched.queued = false;
	return v;
}

static void rq_remove(struct vcpu *v)
{
	struct vcpu **pp = &rq_head, *prev = NULL;

	while (*pp && *pp != v) {
		prev = *pp;
		pp = &(*pp)->sched.rq_next;
	}
	if (!*pp)
		return;
	*pp = v->sched.rq_next;
	if (rq_tail == v)
		rq_tail = prev;
	v->sched.queued = false;
}

/* Work arrived: wake one idle pCPU other than this one (lock held). */
static void kick_idle_cpu(void)
{
	unsigned int i, me = this_cpu()->id;

	for (i = 0; i < NR_CPUS; i++) {
		if (i != me && psched[i].idle) {
			psched[i].idle = false;
			arch_kick_cpu(i);
			return;
		}
	}
}

static void make_runnable(struct vcpu *v)
{
	if (runnable(v) && !v->sched.running && !v->sched.queued) {
		rq_push(v);
		kick_idle_cpu();
	}
}

static void unblock(struct vcpu *v)
{
	if (!v->sched.blocked)
		return;
	v->sched.blocked = false;
	v->sched.wake_at = 0;
	v->sched.poll_until = 0;
	rs_sync(v);
	make_runnable(v);
}

void vcpu_wake(struct vcpu *v)
{
	spin_lock(&sched_lock);
	unblock(v);
	spin_unlock(&sched_lock);
}

void vcpu_kick(struct vcpu *v)
{
	spin_lock(&sched_lock);
	if (v->sched.blocked)
		unblock(v);
	else if (v->sched.running && v->sched.processor != this_cpu()->id)
		arch_kick_cpu(v->sched.processor);
	spin_unlock(&sched_lock);
}

struct vcpu *vcpu_create(struct domain *d, unsigned int id)
{
	struct vcpu *v;

	if (id >= d->nr_vcpus || id >= MAX_VCPUS || d->vcpu[id])
		return NULL;
	v = xzalloc(struct vcpu);
	if (!v)
		return NULL;
	v->id = id;
	v->domain = d;
	v->vcpu_info_gfn = ~0ULL;
	v->sched.rs_state = RUNSTATE_offline;
	v->sched.rs_entry = arch_counter();
	if (arch_vcpu_create(v)) {
		xfree(v);
		return NULL;
	}
	spin_lock(&sched_lock);
	v->sched.all_next = all_vcpus;
	all_vcpus = v;
	d->vcpu[id] = v;
	spin_unlock(&sched_lock);
	return v;
}

static void unlink_vcpu(struct vcpu *v)
{
	struct vcpu **pp = &all_vcpus;

	while (*pp && *pp != v)
		pp = &(*pp)->sched.all_next;
	if (*pp)
		*pp = v->sched.all_next;
	rq_remove(v);
	v->domain->vcpu[v->id] = NULL;
}

void vcpu_destroy(struct vcpu *v)
{
	if (!v)
		return;
	vcpu_pause(v);
	spin_lock(&sched_lock);
	unlink_vcpu(v);
	spin_unlock(&sched_lock);
	arch_vcpu_destroy(v);
	xfree(v);
}

bool vcpu_is_online(const struct vcpu *v)
{
	return __atomic_load_n(&v->sched.online, __ATOMIC_RELAXED) ||
	       __atomic_load_n(&v->sched.running, __ATOMIC_RELAXED);
}

void vcpu_start(struct vcpu *v, uint64_t pc, uint64_t x0)
{
	arch_vcpu_reset(v, pc, x0);
	spin_lock(&sched_lock);
	sched_started = true;
	v->sched.online = true;
	v->sched.blocked = false;
	rs_sync(v);
	make_runnable(v);
	spin_unlock(&sched_lock);
}

void vcpu_stop_current(void)
{
	spin_lock(&sched_lock);
	here()->curr->sched.online = false;
	spin_unlock(&sched_lock);
}

void vcpu_pause(struct vcpu *v)
{
	spin_lock(&sched_lock);
	v->sched.pause_count++;
	rs_sync(v);
	if (v->sched.running && v->sched.processor != this_cpu()->id)
		arch_kick_cpu(v->sched.processor);
	spin_unlock(&sched_lock);
	if (v == current_vcpu())
		return;
	while (__atomic_load_n(&v->sched.running, __ATOMIC_ACQUIRE))
		;
}

void vcpu_unpause(struct vcpu *v)
{
	spin_lock(&sched_lock);
	if (v->sched.pause_count)
		v->sched.pause_count--;
	rs_sync(v);
	make_runnable(v);
	spin_unlock(&sched_lock);
}

void domain_pause(struct domain *d)
{
	unsigned int i;

	for (i = 0; i < d->nr_vcpus && i < MAX_VCPUS; i++)
		if (d->vcpu[i])
			vcpu_pause(d->vcpu[i]);
}

void domain_unpause(struct domain *d)
{
	unsigned int i;

	for (i = 0; i < d->nr_vcpus && i < MAX_VCPUS; i++)
		if (d->vcpu[i])
			vcpu_unpause(d->vcpu[i]);
}

static enum vcpu_runstate state_of(const struct vcpu *v)
{
	if (v->sched.running)
		return VCPU_RUNNING;
	if (!v->sched.online)
		return VCPU_OFFLINE;
	if (v->sched.pause_count)
		return VCPU_PAUSED;
	return v->sched.blocked ? VCPU_BLOCKED : VCPU_RUNNABLE;
}

void vcpu_get_runinfo(const struct vcpu *v, struct vcpu_runinfo *ri)
{
	uint64_t t;

	spin_lock(&sched_lock);
	t = v->sched.run_ticks;
	if (v->sched.running)
		t += arch_counter() - v->sched.run_start;
	ri->state = state_of(v);
	ri->pcpu = v->sched.processor;
	spin_unlock(&sched_lock);
	ri->time_ns = ticks_to_ns(t);
}

void vcpu_block_current(void)
{
	struct vcpu *v = current_vcpu();

	spin_lock(&sched_lock);
	if (!arch_vcpu_irq_pending(v))
		v->sched.blocked = true;
	spin_unlock(&sched_lock);
}

void vcpu_yield_current(void)
{
	here()->need_resched = true;
}

/* Timers: every pCPU's EL2 timer covers its slice and all blocked deadlines. */
static bool deadline_passed(const struct vcpu *v, uint64_t now)
{
	return (v->sched.wake_at && now >= v->sched.wake_at) ||
	       (v->sched.poll_until && now >= v->sched.poll_until);
}

static void wake_expired(uint64_t now)
{
	struct vcpu *v;

	for (v = all_vcpus; v; v = v->sched.all_next)
		if (v->sched.blocked && deadline_passed(v, now))
			unblock(v);
}

static uint64_t earlier(uint64_t a, uint64_t b)
{
	return b && b < a ? b : a;
}

static void arm_timer(struct pcpu_sched *ps)
{
	uint64_t t = ps->curr ? ps->slice_end : ~0ULL;
	struct vcpu *v;

	for (v = all_vcpus; v; v = v->sched.all_next) {
		if (v->sched.blocked) {
			t = earlier(t, v->sched.wake_at);
			t = earlier(t, v->sched.poll_until);
		}
	}
	if (t == ~0ULL)
		arch_hyp_timer_stop();
	else
		arch_hyp_timer_program(t);
}

void sched_timer_irq(void)
{
	struct pcpu_sched *ps = here();
	uint64_t now = arch_counter();

	spin_lock(&sched_lock);
	wake_expired(now);
	if (ps->curr && now >= ps->slice_end) {
		ps->need_resched = true;
		ps->slice_end = now + slice_ticks();
	}
	arm_timer(ps);
	spin_unlock(&sched_lock);
}

/* Keep the running vCPU unless it stopped or its turn is over and someone waits. */
static bool keep_running(struct pcpu_sched *ps, struct vcpu *prev)
{
	if (!runnable(prev))
		return false;
	if (!ps->need_resched)
		return true;
	ps->need_resched = false;
	rq_prune();
	return rq_head == NULL;
}

static void claim(struct pcpu_sched *ps, struct vcpu *v)
{
	v->sched.running = true;
	v->sched.processor = this_cpu()->id;
	v->sched.run_start = arch_counter();
	rs_sync(v);
	ps->curr = v;
	ps->idle = false;
}

/* Nothing to run: wait in EL2 until a vCPU is queued (lock not held). */
static struct vcpu *idle_wait(struct pcpu_sched *ps)
{
	struct vcpu *v;

	for (;;) {
		spin_lock(&sched_lock);
		v = rq_pop();
		if (v) {
			claim(ps, v);
			spin_unlock(&sched_lock);
			return v;
		}
		ps->idle = true;
		if (sched_started)
			arm_timer(ps);
		spin_unlock(&sched_lock);
		arch_idle();
		spin_lock(&sched_lock);
		wake_expired(arch_counter());
		spin_unlock(&sched_lock);
	}
}

/* Save `prev` and put it back in the queue if it can still run. */
static void put_prev(struct vcpu *prev, struct cpu_regs *frame)
{
	uint64_t wake = arch_ctxt_save(prev, frame);

	spin_lock(&sched_lock);
	prev->sched.run_ticks += arch_counter() - prev->sched.run_start;
	prev->sched.wake_at = prev->sched.blocked ? wake : 0;
	__atomic_store_n(&prev->sched.running, false, __ATOMIC_RELEASE);
	rs_sync(prev);
	make_runnable(prev);
	spin_unlock(&sched_lock);
}

/*
 * The common exit (a hypercall, an MMIO access, an interrupt for this
 * vCPU) changes nothing the scheduler cares about: answer that without
 * the lock every pCPU shares. need_resched is only written by this pCPU;
 * a pause or block another pCPU makes after we looked is followed by its
 * kick (an SGI, sent after its store: gic_send_sgi's DSB), which brings
 * us back here with the lock.
 */
static bool unchanged(struct pcpu_sched *ps, struct vcpu *prev)
{
	return !ps->need_resched &&
	       __atomic_load_n(&prev->sched.online, __ATOMIC_RELAXED) &&
	       !__atomic_load_n(&prev->sched.blocked, __ATOMIC_RELAXED) &&
	       !__atomic_load_n(&prev->sched.pause_count, __ATOMIC_ACQUIRE);
}

__hot_text void sched_leave(struct cpu_regs *frame)
{
	struct pcpu_sched *ps = here();
	struct vcpu *prev = ps->curr, *next;

	if (prev && unchanged(ps, prev)) {
		arch_vgic_flush(prev);
		return;
	}
	spin_lock(&sched_lock);
	if (prev && keep_running(ps, prev)) {
		spin_unlock(&sched_lock);
		arch_vgic_flush(prev);
		return;
	}
	ps->curr = NULL;
	next = rq_pop();
	if (next)
		claim(ps, next);
	spin_unlock(&sched_lock);
	if (prev)
		put_prev(prev, frame);
	if (!next)
		next = idle_wait(ps);
	arch_ctxt_restore(next, frame);
	spin_lock(&sched_lock);
	ps->slice_end = arch_counter() + slice_ticks();
	ps->need_resched = false;
	arm_timer(ps);
	spin_unlock(&sched_lock);
	rs_publish(next);	/* its stage 1 is loaded now */
	arch_vgic_flush(next);
}

static __noreturn void run_first(struct cpu_regs *frame)
{
	arch_sched_cpu_init();
	sched_leave(frame);
	arch_return_to_guest(frame);
}

void sched_run(void)
{
	arch_sched_start(run_first);
}

/* SCHEDOP_shutdown: dom0 takes the machine with it, as on Xen. */
static long shutdown_dom0(uint32_t reason)
{
	switch (reason) {
	case SHUTDOWN_poweroff:
		printk("Hardware Dom0 halted: halting machine\n");
		hypervisor_power_off();
	case SHUTDOWN_reboot:
		printk("Hardware Dom0 shutdown: rebooting machine\n");
		hypervisor_reset();
	case SHUTDOWN_crash:
		printk("Hardware Dom0 crashed: halting machine\n");
		hypervisor_power_off();
	default:
		return -XEN_EINVAL;
	}
}

/* Other domains stop running; the domain code (domctl) takes it from there. */
static long shutdown_domain(struct domain *d, uint32_t reason)
{
	unsigned int i;

	if (d->domid == 0)
		return shutdown_dom0(reason);
	printk("d%u: shut down (reason %u)\n", d->domid, reason);
	spin_lock(&sched_lock);
	for (i = 0; i < d->nr_vcpus && i < MAX_VCPUS; i++)
		if (d->vcpu[i]) {
			d->vcpu[i]->sched.pause_count++;
			rs_sync(d->vcpu[i]);
		}
	spin_unlock(&sched_lock);
	domain_shutdown(d, reason);	/* tells the toolstack */
	return 0;
}

static long shutdown(uint64_t gva)
{
	uint32_t reason;

	if (copy_from_guest(&reason, gva, sizeof(reason)))
		return -XEN_EFAULT;
	return shutdown_domain(current_vcpu()->domain, reason);
}

/*
 * SCHEDOP_remote_shutdown (struct sched_remote_shutdown: domain_id,
 * reason): the control domain shuts another down as if it had asked
 * itself (libxl/xl use it, e.g. to mark a guest crashed).
 */
static long remote_shutdown(uint64_t gva)
{
	struct { uint16_t domid, pad; uint32_t reason; } r;
	struct domain *caller = current_vcpu()->domain, *d;

	if (copy_from_guest(&r, gva, sizeof(r)))
		return -XEN_EFAULT;
	d = domain_by_id(r.domid);
	if (!d || d->is_dying)
		return -XEN_ESRCH;
	if (!is_control_domain(caller) || !xsm_may_target(caller, d))
		return -XEN_EPERM;
	if (r.reason > SHUTDOWN_soft_reset)
		return -XEN_EINVAL;
	return shutdown_domain(d, r.reason);
}

static bool port_pending(struct domain *d, uint32_t port)
{
	const struct shared_info *s = d->shared_info;

	if (!s || port >= sizeof(s->evtchn_pending) * 8)
		return false;
	return __atomic_load_n(&s->evtchn_pending[port / 64], __ATOMIC_RELAXED) >> (port % 64) & 1;
}

/* struct sched_poll: ports (guest pointer), nr_ports, timeout (system time, ns). */
static long poll(uint64_t gva)
{
	struct { uint64_t ports; uint32_t nr, pad; uint64_t timeout; } p;
	struct vcpu *v = current_vcpu();
	uint32_t ports[POLL_MAX_PORTS];
	unsigned int i;

	if (copy_from_guest(&p, gva, sizeof(p)))
		return -XEN_EFAULT;
	if (p.nr > POLL_MAX_PORTS)
		return -XEN_EINVAL;
	if (copy_from_guest(ports, p.ports, p.nr * sizeof(ports[0])))
		return -XEN_EFAULT;
	for (i = 0; i < p.nr; i++)
		if (port_pending(v->domain, ports[i]))
			return 0;
	if (p.timeout && ns_to_ticks(p.timeout) <= arch_counter())
		return 0;
	spin_lock(&sched_lock);
	if (!arch_vcpu_irq_pending(v)) {
		v->sched.blocked = true;
		v->sched.poll_until = p.timeout ? ns_to_ticks(p.timeout) : 0;
	}
	spin_unlock(&sched_lock);
	return 0;
}

long do_sched_op(struct cpu_regs *regs)
{
	switch (regs->x[0]) {
	case SCHEDOP_yield:
		vcpu_yield_current();
		return 0;
	case SCHEDOP_block:
		vcpu_block_current();
		return 0;
	case SCHEDOP_shutdown:
		return shutdown(regs->x[1]);
	case SCHEDOP_poll:
		return poll(regs->x[1]);
	case SCHEDOP_remote_shutdown:
		return remote_shutdown(regs->x[1]);
	default:
		return -XEN_ENOSYS;
	}
}
