// SPDX-License-Identifier: GPL-2.0-only
/*
 * Keys typed while serial input goes to the hypervisor (CTRL-a three
 * times): one table indexed by the key; other files add theirs with
 * keyhandler_register(). 'h' lists the table.
 */
#include <asm/domain.h>
#include <asm/hypercall.h>
#include <xen/console.h>
#include <xen/domain.h>
#include <xen/lib.h>
#include <xen/mm.h>
#include <xen/percpu.h>
#include <xen/sched.h>
#include <xen/xmalloc.h>

#define NR_KEYS 128
#define MAX_DOMID 64

struct keyhandler {
	keyhandler_fn fn;
	const char *desc;
};

static struct keyhandler keys[NR_KEYS];

void keyhandler_register(unsigned char key, keyhandler_fn fn, const char *desc)
{
	if (key < NR_KEYS)
		keys[key] = (struct keyhandler){ fn, desc };
}

void keyhandler_run(unsigned char key)
{
	if (key < NR_KEYS && keys[key].fn) {
		keys[key].fn(key);
		return;
	}
	printk("'%c' (ascii %02x): no handler; 'h' lists the keys\n",
	       key >= 0x20 && key < 0x7f ? key : '?', key);
}

static void show_help(unsigned char key)
{
	unsigned int i;

	printk("'%c' pressed -> showing installed handlers\n", key);
	for (i = 0; i < NR_KEYS; i++)
		if (keys[i].fn)
			printk(" key '%c' (ascii '%02x') => %s\n", i, i, keys[i].desc);
}

static const char *const state_names[] = {
	[VCPU_RUNNING] = "running", [VCPU_RUNNABLE] = "runnable",
	[VCPU_BLOCKED] = "blocked", [VCPU_OFFLINE] = "offline",
	[VCPU_PAUSED] = "paused",
};

/* A vCPU running on this CPU was interrupted: its registers are the frame. */
static const struct cpu_regs *vcpu_frame(const struct vcpu *v)
{
	if (v == current_vcpu())
		return (const struct cpu_regs *)(uintptr_t)
			(this_cpu()->stack_top - sizeof(struct cpu_regs));
	return &v->arch.regs;
}

static void dump_vcpu(const struct vcpu *v)
{
	const struct cpu_regs *r = vcpu_frame(v);
	struct vcpu_runinfo ri;

	vcpu_get_runinfo(v, &ri);
	printk("  VCPU%u: %s on CPU%u, %llu ms run\n", v->id,
	       ri.state < ARRAY_SIZE(state_names) ? state_names[ri.state] : "?",
	       ri.pcpu, (unsigned long long)(ri.time_ns / 1000000));
	printk("    pc %016llx cpsr %08llx x0 %016llx x1 %016llx%s\n",
	       (unsigned long long)r->elr, (unsigned long long)r->spsr,
	       (unsigned long long)r->x[0], (unsigned long long)r->x[1],
	       r == &v->arch.regs ? " (last saved)" : "");
}

static void dump_domains(unsigned char key)
{
	unsigned int id, i;

	printk("'%c' pressed -> dumping domain info\n", key);
	for (id = 0; id < MAX_DOMID; id++) {
		struct domain *d = domain_by_id(id);

		if (!d)
			continue;
		printk("General information for domain %u:\n", d->domid);
		printk("  %u vCPUs, %llu MiB RAM at %016llx\n", d->nr_vcpus,
		       (unsigned long long)(d->ram_size >> 20),
		       (unsigned long long)d->ram_start);
		for (i = 0; i < d->nr_vcpus; i++)
			if (d->vcpu[i])
				dump_vcpu(d->vcpu[i]);
	}
}

/* Calls fn for every vCPU of every domain. */
static void for_each_vcpu(void (*fn)(const struct vcpu *v, const struct vcpu_runinfo *ri))
{
	struct vcpu_runinfo ri;
	unsigned int id, i;

	for (id = 0; id < MAX_DOMID; id++) {
		struct domain *d = domain_by_id(id);

		for (i = 0; d && i < d->nr_vcpus; i++) {
			if (!d->vcpu[i])
				continue;
			vcpu_get_runinfo(d->vcpu[i], &ri);
			fn(d->vcpu[i], &ri);
		}
	}
}

static const struct vcpu *running_on[NR_CPUS];

static void note_running(const struct vcpu *v, const struct vcpu_runinfo *ri)
{
	if (ri->state == VCPU_RUNNING && ri->pcpu < NR_CPUS)
		running_on[ri->pcpu] = v;
}

static void print_runnable(const struct vcpu *v, const struct vcpu_runinfo *ri)
{
	if (ri->state == VCPU_RUNNABLE)
		printk("  waiting to run: d%uv%u (last on CPU%u)\n", v->domain->domid,
		       v->id, ri->pcpu);
}

static void dump_runqueues(unsigned char key)
{
	unsigned int i;

	printk("'%c' pressed -> dumping run queues\n", key);
	memset(running_on, 0, sizeof(running_on));
	for_each_vcpu(note_running);
	for (i = 0; i < NR_CPUS; i++) {
		const struct vcpu *v = running_on[i];

		if (v)
			printk("  CPU%u: running d%uv%u\n", i, v->domain->domid, v->id);
		else if (pcpus[i].online)
			printk("  CPU%u: idle\n", i);
	}
	for_each_vcpu(print_runnable);
}

/*
 * What each domain holds besides its RAM: the bookkeeping that grows with
 * use (p2m tables, the foreign-mapping, extent and maptrack arrays, event
 * channel buckets). Comparing two dumps shows where heap pages went.
 */
static void show_domain_memory(const struct domain *d)
{
	printk("  d%u: %llu pages, p2m %lu table pages, fmaps %u/%u, extents %u/%u,"
	       " evtchn ports %u, maptrack %u, grant frames %u\n", d->domid,
	       (unsigned long long)d->tot_pages, d->p2m.nr_tables, d->nr_fmaps,
	       d->max_fmaps, d->nr_extents, d->max_extents, d->evtchn.valid_ports,
	       d->gnttab.maptrack_limit, d->gnttab.nr_frames);
}

static void show_memory(unsigned char key)
{
	unsigned int id;

	printk("'%c' pressed -> heap: %lu of %lu MiB free (%lu pages), xmalloc %lu bytes\n",
	       key, page_alloc_free_count() >> (20 - PAGE_SHIFT),
	       page_alloc_total() >> (20 - PAGE_SHIFT), page_alloc_free_count(),
	       (unsigned long)xmalloc_in_use());
	for (id = 0; id < MAX_DOMID; id++) {
		const struct domain *d = domain_by_id(id);

		if (d)
			show_domain_memory(d);
	}
}

static void reboot_machine(unsigned char key)
{
	printk("'%c' pressed -> rebooting machine\n", key);
	hypervisor_reset();
}

void keyhandler_init(void)
{
	keyhandler_register('h', show_help, "show this message");
	keyhandler_register('q', dump_domains, "dump domain (and guest debug) info");
	keyhandler_register('m', show_memory, "memory info");
	keyhandler_register('r', dump_runqueues, "dump run queues");
	keyhandler_register('R', reboot_machine, "reboot machine");
}
