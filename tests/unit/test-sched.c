// SPDX-License-Identifier: GPL-2.0-only
/*
 * The scheduler (xen/common/sched.c) on simulated pCPUs: a fake arch
 * whose counter the test advances (1 tick = 1 us), whose EL2 timer is a
 * per-pCPU deadline, whose idle wait longjmps back to the test, and whose
 * context switch stamps the trap frame with the vCPU it belongs to (so a
 * frame saved into the wrong vCPU is caught).
 *   fairness   4 vCPUs on 2 pCPUs for 1 s: each runs 500 ms +- one slice
 *   blocking   WFI blocks; the virtual-timer deadline wakes it (timer
 *              armed for it); an injection wakes it and kicks an idle pCPU
 *   pause      counted, keeps a vCPU off the pCPUs, runinfo states; a
 *              vCPU running on another pCPU: pause returns only once that
 *              pCPU has switched it out (a second thread)
 *   random     20000 random operations on 3 pCPUs and 6 vCPUs in 2
 *              domains, invariants after each: one pCPU per running vCPU,
 *              frames belong to their vCPU, queued ones not running, no
 *              pCPU idle while a runnable vCPU waits
 */
#include <pthread.h>
#include <setjmp.h>
#include <stdlib.h>

#include <asm/domain.h>
#include <asm/guest.h>
#include <asm/hypercall.h>
#include <asm/smp.h>
#include <public/vcpu.h>
#include <xen/domain.h>
#include <xen/percpu.h>
#include <xen/sched.h>
#include <xen/xmalloc.h>

#include "check.h"

#define NPCPU 3
#define SLICE 10000ULL		/* 10 ms in 1 MHz ticks */

struct pcpu pcpus[NR_CPUS];
static __thread struct pcpu *me;
static volatile uint64_t now = 1;
static uint64_t timer[NPCPU];
static unsigned int kicks[NPCPU];
static jmp_buf idle_jmp[NPCPU];
static struct cpu_regs frames[NPCPU];
static uint64_t vt_deadline[64];	/* by vcpu tag: what save returns */
static bool irq_pending[64];
static unsigned int frame_mixups;

/* ---- the fake arch ---- */

struct pcpu *this_cpu(void) { return me; }
uint64_t arch_counter(void) { return now; }
uint64_t arch_counter_freq(void) { return 1000000; }
void arch_hyp_timer_program(uint64_t cval) { timer[me->id] = cval; }
void arch_hyp_timer_stop(void) { timer[me->id] = ~0ULL; }
void arch_kick_cpu(unsigned int cpu) { __atomic_fetch_add(&kicks[cpu], 1, __ATOMIC_SEQ_CST); }
void arch_sched_cpu_init(void) {}
void arch_vgic_flush(struct vcpu *v) {}
int arch_vcpu_create(struct vcpu *v) { return 0; }
void arch_vcpu_destroy(struct vcpu *v) {}
void arch_vcpu_reset(struct vcpu *v, uint64_t pc, uint64_t x0) {}

static unsigned int tag(const struct vcpu *v)
{
	return v->domain->domid * 8 + v->id;
}

bool arch_vcpu_irq_pending(struct vcpu *v) { return irq_pending[tag(v)]; }

uint64_t arch_ctxt_save(struct vcpu *v, struct cpu_regs *frame)
{
	if (frame->x[0] != (uintptr_t)v)
		frame_mixups++;
	return vt_deadline[tag(v)];
}

void arch_ctxt_restore(struct vcpu *v, struct cpu_regs *frame)
{
	frame->x[0] = (uintptr_t)v;
}

/* The pCPU waits for an interrupt: back to the test. */
void arch_idle(void)
{
	longjmp(idle_jmp[me->id], 1);
}

void arch_return_to_guest(struct cpu_regs *frame) { abort(); }
void arch_sched_start(void (*fn)(struct cpu_regs *frame)) { abort(); }
void hypervisor_power_off(void) { abort(); }
void hypervisor_reset(void) { abort(); }
void domain_shutdown(struct domain *d, unsigned int reason) {}
struct domain *domain_by_id(unsigned int domid) { return NULL; }

int copy_from_guest(void *dst, uint64_t gva, size_t n)
{
	memcpy(dst, (void *)(uintptr_t)gva, n);
	return 0;
}

int copy_to_guest(uint64_t gva, const void *src, size_t n)
{
	memcpy((void *)(uintptr_t)gva, src, n);
	return 0;
}

void *xzalloc_bytes(size_t n) { return calloc(1, n); }
void xfree(void *p) { free(p); }

/* ---- driving the pCPUs ---- */

static void use_cpu(unsigned int p)
{
	me = &pcpus[p];
}

/* pCPU p returns to its guest (or waits in idle, which lands back here). */
static void enter(unsigned int p)
{
	use_cpu(p);
	if (!setjmp(idle_jmp[p]))
		sched_leave(&frames[p]);
}

static struct vcpu *curr_of(unsigned int p)
{
	use_cpu(p);
	return current_vcpu();
}

/* Kicked pCPUs take their SGI and look at the run queue. */
static void deliver_kicks(void)
{
	unsigned int p;
	bool again = true;

	while (again) {
		again = false;
		for (p = 0; p < NPCPU; p++) {
			if (kicks[p]) {
				kicks[p] = 0;
				enter(p);
				again = true;
			}
		}
	}
}

/* Time passes; each pCPU whose timer expired takes the interrupt. */
static void advance(uint64_t ticks, unsigned int npcpu)
{
	unsigned int p;

	now += ticks;
	for (p = 0; p < npcpu; p++) {
		if (now >= timer[p]) {
			use_cpu(p);
			sched_timer_irq();
			enter(p);
		}
	}
	deliver_kicks();
}

static struct domain *new_domain(unsigned int domid, unsigned int nr)
{
	struct domain *d = calloc(1, sizeof(*d));
	unsigned int i;

	d->domid = (uint16_t)domid;
	d->nr_vcpus = nr;
	for (i = 0; i < nr; i++)
		CHECK(vcpu_create(d, i) == d->vcpu[i]);
	CHECK(!vcpu_create(d, 0));	/* taken */
	CHECK(!vcpu_create(d, nr));	/* out of range */
	return d;
}

/* Pause every vCPU (from the pCPU running it, which then switches it out), destroy. */
static void retire(struct domain *d)
{
	unsigned int i;

	for (i = 0; i < d->nr_vcpus; i++) {
		struct vcpu *v = d->vcpu[i];
		bool running = v->sched.running;
		unsigned int p = running ? v->sched.processor : 0;

		use_cpu(p);
		vcpu_pause(v);
		if (running)
			enter(p);
	}
	deliver_kicks();
	for (i = 0; i < d->nr_vcpus; i++) {
		CHECK(!d->vcpu[i]->sched.running);
		vcpu_destroy(d->vcpu[i]);
		CHECK(!d->vcpu[i]);
	}
	free(d);
}

static void reset_cpus(void)
{
	unsigned int p;

	for (p = 0; p < NPCPU; p++) {
		pcpus[p].id = p;
		timer[p] = ~0ULL;
		kicks[p] = 0;
	}
}

static enum vcpu_runstate state(struct vcpu *v)
{
	struct vcpu_runinfo ri;

	vcpu_get_runinfo(v, &ri);
	return ri.state;
}

/* ---- the tests ---- */

static void test_fairness(void)
{
	struct domain *d = new_domain(0, 4);
	struct vcpu_runstate_info area;
	struct vcpu_runinfo ri;
	unsigned int i, step;
	uint64_t t0 = now;

	d->vcpu[3]->runstate_gva = (uintptr_t)&area;	/* its runstate area */
	use_cpu(0);
	for (i = 0; i < 4; i++)
		vcpu_start(d->vcpu[i], 0x1000, i);
	enter(0);
	enter(1);
	deliver_kicks();
	CHECK(curr_of(0) && curr_of(1) && curr_of(0) != curr_of(1));
	for (step = 0; step < 10000; step++)
		advance(100, 2);	/* 1 s in 100 us steps */
	for (i = 0; i < 4; i++) {
		vcpu_get_runinfo(d->vcpu[i], &ri);
		CHECK(ri.time_ns > 500000000ULL - 2 * SLICE * 1000);
		CHECK(ri.time_ns < 500000000ULL + 2 * SLICE * 1000);
		/* runstate: the other half of the second waiting for a pCPU */
		CHECK(d->vcpu[i]->sched.rs_ticks[RUNSTATE_runnable] > 500000 - 2 * SLICE);
		CHECK(d->vcpu[i]->sched.rs_ticks[RUNSTATE_runnable] < 500000 + 2 * SLICE);
	}
	/* the area as published at its last switch-in */
	CHECK(area.state == RUNSTATE_running);
	CHECK(area.state_entry_time <= (now - t0 + 1) * 1000 + t0 * 1000);
	CHECK(area.time[RUNSTATE_running] + area.time[RUNSTATE_runnable] + area.time[RUNSTATE_offline] ==
	      area.state_entry_time - t0 * 1000);
	CHECK(area.time[RUNSTATE_runnable] > 400000000ULL);
	retire(d);
}

static void test_blocking(void)
{
	struct domain *d = new_domain(1, 1);
	struct vcpu *v = d->vcpu[0];

	use_cpu(0);
	vcpu_start(v, 0x1000, 0);
	enter(0);
	CHECK(curr_of(0) == v && state(v) == VCPU_RUNNING);
	/* WFI with its timer due in 5 ms: blocks, pCPU 0 idles, timer armed */
	vt_deadline[tag(v)] = now + 5000;
	use_cpu(0);
	vcpu_block_current();
	enter(0);
	CHECK(!curr_of(0) && state(v) == VCPU_BLOCKED);
	CHECK(timer[0] == vt_deadline[tag(v)]);
	advance(4000, 1);
	CHECK(state(v) == VCPU_BLOCKED);
	advance(1000, 1);
	CHECK(curr_of(0) == v);
	/* WFI with an interrupt pending does not block */
	irq_pending[tag(v)] = true;
	use_cpu(0);
	vcpu_block_current();
	enter(0);
	CHECK(curr_of(0) == v);
	irq_pending[tag(v)] = false;
	/* no deadline: only an injection (vcpu_kick) wakes it, kicking pCPU 0 */
	vt_deadline[tag(v)] = 0;
	use_cpu(0);
	vcpu_block_current();
	enter(0);
	CHECK(!curr_of(0) && timer[0] == ~0ULL);
	use_cpu(1);
	vcpu_kick(v);
	CHECK(kicks[0] == 1 && state(v) == VCPU_RUNNABLE);
	deliver_kicks();
	CHECK(curr_of(0) == v);
	/* CPU_OFF: leaves its pCPU, reported off; CPU_ON again */
	use_cpu(0);
	vcpu_stop_current();
	CHECK(vcpu_is_online(v));	/* still on the pCPU */
	enter(0);
	CHECK(!vcpu_is_online(v) && state(v) == VCPU_OFFLINE && !curr_of(0));
	use_cpu(1);
	vcpu_start(v, 0x2000, 1);
	deliver_kicks();
	CHECK(vcpu_is_online(v));
	retire(d);
}

static struct vcpu *pause_target;

static void *pause_thread(void *arg)
{
	use_cpu(1);
	vcpu_pause(pause_target);
	return NULL;
}

static void test_pause(void)
{
	struct domain *d = new_domain(2, 2);
	struct vcpu *a = d->vcpu[0], *b = d->vcpu[1];
	pthread_t t;

	use_cpu(0);
	vcpu_start(a, 0x1000, 0);
	vcpu_start(b, 0x1000, 1);
	vcpu_pause(b);
	vcpu_pause(b);
	enter(0);
	enter(1);
	CHECK(curr_of(0) == a && !curr_of(1) && state(b) == VCPU_PAUSED);
	use_cpu(1);
	vcpu_unpause(b);
	CHECK(state(b) == VCPU_PAUSED);
	vcpu_unpause(b);
	deliver_kicks();
	CHECK(curr_of(1) == b);
	/* a runs on pCPU 0; pause it from pCPU 1 (another thread): it must wait */
	pause_target = a;
	pthread_create(&t, NULL, pause_thread, NULL);
	while (!__atomic_load_n(&kicks[0], __ATOMIC_SEQ_CST))
		;
	CHECK(__atomic_load_n(&a->sched.running, __ATOMIC_SEQ_CST));
	kicks[0] = 0;
	enter(0);	/* pCPU 0 takes the kick and switches a out */
	pthread_join(t, NULL);
	CHECK(!a->sched.running && state(a) == VCPU_PAUSED && !curr_of(0));
	use_cpu(1);
	domain_unpause(d);
	deliver_kicks();
	CHECK(curr_of(0) == a || curr_of(1) == a);
	retire(d);
	CHECK(!curr_of(0) && !curr_of(1));
}

static struct vcpu *all[8];

static void check_invariants(void)
{
	unsigned int i, p, holders;
	bool idle = false, waiting = false;

	for (p = 0; p < NPCPU; p++) {
		struct vcpu *c = curr_of(p);

		if (!c)
			idle = true;
		else if (frames[p].x[0] != (uintptr_t)c)
			frame_mixups++;
	}
	for (i = 0; i < 6; i++) {
		struct vcpu *v = all[i];

		for (holders = 0, p = 0; p < NPCPU; p++)
			holders += curr_of(p) == v;
		CHECK(holders == (v->sched.running ? 1U : 0U));
		CHECK(!(v->sched.queued && v->sched.running));
		if (v->sched.online && !v->sched.blocked && !v->sched.pause_count &&
		    !v->sched.running)
			waiting = true;
	}
	CHECK(!(idle && waiting));
	if (idle && waiting && getenv("SCHED_DEBUG"))
		for (i = 0; i < 6; i++)
			fprintf(stderr, "v%u online %d blocked %d pause %u running %d queued %d cpu %u\n", i,
				all[i]->sched.online, all[i]->sched.blocked, all[i]->sched.pause_count,
				all[i]->sched.running, all[i]->sched.queued, all[i]->sched.processor);
}

static void random_op(unsigned int r)
{
	unsigned int p = r % NPCPU;
	struct vcpu *v = all[(r / NPCPU) % 6], *c = curr_of(p);

	use_cpu(p);
	if (getenv("SCHED_DEBUG"))
		fprintf(stderr, "op %u on cpu %u v %u\n", (r / 64) % 8, p, tag(v));
	switch ((r / 64) % 8) {
	case 0: if (c) vcpu_block_current(); break;
	case 1: vcpu_kick(v); break;
	case 2: if (!v->sched.running && v->sched.pause_count < 3) vcpu_pause(v); break;
	case 3: if (v->sched.pause_count) vcpu_unpause(v); break;
	case 4: if (c) vcpu_yield_current(); break;
	case 5: if (c && r % 7 == 0) vcpu_stop_current(); break;
	case 6: if (!vcpu_is_online(v)) vcpu_start(v, 0x1000, 0); break;
	default: advance(1 + r % 3000, NPCPU); break;
	}
	vt_deadline[tag(v)] = r % 3 ? now + r % 20000 : 0;
	enter(p);
	deliver_kicks();
}

static void test_random(void)
{
	struct domain *d0 = new_domain(3, 4), *d1 = new_domain(4, 2);
	unsigned int i, step;

	for (i = 0; i < 6; i++)
		all[i] = i < 4 ? d0->vcpu[i] : d1->vcpu[i - 4];
	for (i = 0; i < NPCPU; i++)
		enter(i);	/* every pCPU starts idle, as after sched_run() */
	use_cpu(0);
	for (i = 0; i < 6; i++)
		vcpu_start(all[i], 0x1000, 0);
	deliver_kicks();
	srand(7);
	for (step = 0; step < 20000; step++) {
		random_op((unsigned int)rand());
		check_invariants();
	}
	retire(d0);
	retire(d1);
}

int main(void)
{
	reset_cpus();
	test_fairness();
	reset_cpus();
	test_blocking();
	reset_cpus();
	test_pause();
	reset_cpus();
	test_random();
	CHECK(frame_mixups == 0);
	return check_result("test-sched");
}
