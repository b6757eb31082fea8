// SPDX-License-Identifier: GPL-2.0-only
/*
 * Grant tables, version 1: the shared table a domain fills with
 * grant_entry_v1, the active (pinned) state of each entry, and the
 * maptrack handles of the mappings a domain made (interface:
 * xen/grant_table.h). Status codes and their order follow Xen 4.17's
 * map_grant_ref / unmap_common / gnttab_copy as Arm sees them (a
 * translated guest: only GNTMAP_host_map, optionally read-only).
 *
 * Locking: struct gnttab_domain.lock guards that domain's table, active
 * entries and maptrack. At most one such lock is held at a time: a map
 * takes a handle under the mapper's lock, drops it, then pins the entry
 * under the granter's lock. The stage-2 and copy callbacks run unlocked.
 * The granter's guest changes its entries concurrently, so GTF_reading /
 * GTF_writing are set with compare-exchange on the {flags, domid} word and
 * cleared with atomic AND, as in Xen.
 */
#include <xen/grant_table.h>
#include <xen/lib.h>
#include <public/errno.h>

#define PAGE_BYTES 4096U
#define MAPTRACK_CHUNK 256U
#define MAPTRACK_NONE 0xffffffffU
#define PIN_MAX 0x7fffU
#define CAS_RETRIES 5

/* The pinned state of one entry: who mapped it and how often. */
struct gnttab_active {
	uint16_t ro_pins, rw_pins;
	domid_t domid;
	uint64_t mfn;
};

/* One handle: a mapping the owning domain made of (dom, ref). */
struct gnttab_maptrack {
	uint32_t flags;        /* GNTMAP_*; 0 = free */
	domid_t dom;
	grant_ref_t ref;
	uint32_t next_free;
	uint64_t mfn;
};

static const struct gnttab_ops *ops;

void gnttab_set_ops(const struct gnttab_ops *o)
{
	ops = o;
}

/* ---- table ---- */

static unsigned int nr_entries(const struct gnttab_domain *d)
{
	return d->nr_frames * GNTTAB_ENTRIES_PER_FRAME;
}

static struct grant_entry_v1 *shared_entry(struct gnttab_domain *d, grant_ref_t ref)
{
	struct grant_entry_v1 *f = d->frames[ref / GNTTAB_ENTRIES_PER_FRAME];

	return &f[ref % GNTTAB_ENTRIES_PER_FRAME];
}

static struct gnttab_active *active_entry(struct gnttab_domain *d, grant_ref_t ref)
{
	return &d->active[ref / GNTTAB_ENTRIES_PER_FRAME][ref % GNTTAB_ENTRIES_PER_FRAME];
}

/* Adds frames up to nr (lock held); false if out of memory or beyond max. */
static bool grow_table(struct gnttab_domain *d, unsigned int nr)
{
	unsigned int i;

	if (nr > d->max_frames)
		return false;
	for (i = d->nr_frames; i < nr; i++) {
		d->frames[i] = ops->alloc_frame();
		d->active[i] = ops->zalloc(GNTTAB_ENTRIES_PER_FRAME *
					   sizeof(struct gnttab_active));
		if (!d->frames[i] || !d->active[i]) {
			if (d->frames[i])
				ops->free_frame(d->frames[i]);
			ops->free(d->active[i]);
			d->frames[i] = NULL;
			d->active[i] = NULL;
			return false;
		}
		d->nr_frames = i + 1;
	}
	return true;
}

int gnttab_get_frame(struct gnttab_domain *d, unsigned long idx, void **page)
{
	int rc = 0;

	if (!d->ready || idx >= d->max_frames)
		return -XEN_EINVAL;
	spin_lock(&d->lock);
	if (!grow_table(d, idx + 1))
		rc = -XEN_ENOMEM;
	else
		*page = d->frames[idx];
	spin_unlock(&d->lock);
	return rc;
}

/* ---- status bits in the guest's entry ---- */

union grant_combo {
	uint32_t raw;
	struct {
		uint16_t flags;
		domid_t domid;
	};
};

/*
 * Set GTF_reading (and GTF_writing) if the entry grants ldomid access of
 * this kind; a few compare-exchange retries, then the guest is unstable.
 */
static int set_status(struct grant_entry_v1 *e, const struct gnttab_active *act,
		      bool readonly, bool map, domid_t ldomid)
{
	uint32_t *word = (uint32_t *)e;
	uint16_t mask = GTF_type_mask | (map ? GTF_sub_page : 0);
	union grant_combo cur, next;
	int tries;

	cur.raw = __atomic_load_n(word, __ATOMIC_SEQ_CST);
	for (tries = 0; tries < CAS_RETRIES; tries++) {
		if (!act->ro_pins && !act->rw_pins &&
		    ((cur.flags & mask) != GTF_permit_access || cur.domid != ldomid))
			return GNTST_general_error;
		if (!readonly && (cur.flags & GTF_readonly))
			return GNTST_general_error;
		next = cur;
		next.flags |= GTF_reading | (readonly ? 0 : GTF_writing);
		if (__atomic_compare_exchange_n(word, &cur.raw, next.raw, false,
						__ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST))
			return GNTST_okay;
	}
	return GNTST_general_error;
}

/* After dropping a pin: writing off with the last writer, reading with the last pin. */
static void clear_status(struct grant_entry_v1 *e, const struct gnttab_active *act)
{
	uint16_t clear = 0;

	if (!act->rw_pins)
		clear |= GTF_writing;
	if (!act->ro_pins && !act->rw_pins)
		clear |= GTF_reading;
	if (clear)
		__atomic_fetch_and(&e->flags, (uint16_t)~clear, __ATOMIC_SEQ_CST);
}

/*
 * Pin entry ref of granter rd for ldomid (rd's lock held): check, set the
 * status bits, look the frame up on the first pin. *mfn on success.
 */
static int pin_entry(struct gnttab_domain *rd, grant_ref_t ref, bool readonly,
		     bool map, domid_t ldomid, uint64_t *mfn)
{
	struct gnttab_active *act;
	struct grant_entry_v1 *e;
	bool pinned;
	int rc;

	if (ref >= nr_entries(rd))
		return GNTST_bad_gntref;
	act = active_entry(rd, ref);
	e = shared_entry(rd, ref);
	pinned = act->ro_pins || act->rw_pins;
	if (pinned && (act->domid != ldomid || act->ro_pins >= PIN_MAX ||
		       act->rw_pins >= PIN_MAX))
		return GNTST_general_error;
	if (!pinned || (!readonly && !act->rw_pins)) {
		rc = set_status(e, act, readonly, map, ldomid);
		if (rc != GNTST_okay)
			return rc;
	}
	if (!pinned) {
		rc = ops->gfn_to_mfn(rd, __atomic_load_n(&e->frame, __ATOMIC_SEQ_CST),
				     !readonly, &act->mfn);
		if (rc != GNTST_okay) {
			clear_status(e, act);
			return rc;
		}
		act->domid = ldomid;
	}
	if (readonly)
		act->ro_pins++;
	else
		act->rw_pins++;
	*mfn = act->mfn;
	return GNTST_okay;
}

static void unpin_entry(struct gnttab_domain *rd, grant_ref_t ref, bool readonly)
{
	struct gnttab_active *act;

	if (ref >= nr_entries(rd))
		return;
	act = active_entry(rd, ref);
	if (readonly && act->ro_pins)
		act->ro_pins--;
	else if (!readonly && act->rw_pins)
		act->rw_pins--;
	clear_status(shared_entry(rd, ref), act);
}

/* Locks rd around unpin_entry. */
static void unpin_locked(struct gnttab_domain *rd, grant_ref_t ref, bool readonly)
{
	spin_lock(&rd->lock);
	unpin_entry(rd, ref, readonly);
	spin_unlock(&rd->lock);
}

/* ---- maptrack ---- */

static struct gnttab_maptrack *maptrack(struct gnttab_domain *d, uint32_t h)
{
	return &d->maptrack[h / MAPTRACK_CHUNK][h % MAPTRACK_CHUNK];
}

/* One more chunk of handles onto the free list (lock held). */
static bool grow_maptrack(struct gnttab_domain *d)
{
	unsigned int c = d->maptrack_limit / MAPTRACK_CHUNK, i, n;

	if (d->maptrack_limit >= d->max_maptrack)
		return false;
	d->maptrack[c] = ops->zalloc(MAPTRACK_CHUNK * sizeof(struct gnttab_maptrack));
	if (!d->maptrack[c])
		return false;
	n = d->max_maptrack - d->maptrack_limit;
	n = n < MAPTRACK_CHUNK ? n : MAPTRACK_CHUNK;
	for (i = n; i-- > 0;) {
		d->maptrack[c][i].next_free = d->maptrack_free;
		d->maptrack_free = d->maptrack_limit + i;
	}
	d->maptrack_limit += n;
	return true;
}

static uint32_t get_handle(struct gnttab_domain *d)
{
	uint32_t h = MAPTRACK_NONE;

	spin_lock(&d->lock);
	if (d->maptrack_free != MAPTRACK_NONE || grow_maptrack(d)) {
		h = d->maptrack_free;
		d->maptrack_free = maptrack(d, h)->next_free;
		d->maptrack_used++;
	}
	spin_unlock(&d->lock);
	return h;
}

/*
 * No handle in use: every chunk goes back (lock held). dom0's maptrack
 * would otherwise keep the chunks its busiest moment needed (the consoles
 * and xenstore rings of guests long gone) for as long as it runs.
 */
static void shrink_maptrack(struct gnttab_domain *d)
{
	unsigned int i;

	for (i = 0; i * MAPTRACK_CHUNK < d->maptrack_limit; i++) {
		ops->free(d->maptrack[i]);
		d->maptrack[i] = NULL;
	}
	d->maptrack_limit = 0;
	d->maptrack_free = MAPTRACK_NONE;
}

static void put_handle(struct gnttab_domain *d, uint32_t h)
{
	spin_lock(&d->lock);
	maptrack(d, h)->flags = 0;
	maptrack(d, h)->next_free = d->maptrack_free;
	d->maptrack_free = h;
	if (!--d->maptrack_used)
		shrink_maptrack(d);
	spin_unlock(&d->lock);
}

/* ---- domains ---- */

/* A domain whose table is not (or no longer) set up counts as absent. */
static struct gnttab_domain *get_other(domid_t id)
{
	struct gnttab_domain *d = ops->get(id);

	if (d && !d->ready) {
		ops->put(d);
		d = NULL;
	}
	return d;
}

static struct gnttab_domain *get_any(struct gnttab_domain *cur, domid_t id)
{
	if (id == DOMID_SELF || id == cur->domid)
		return cur;
	return get_other(id);
}

/* rcu_lock_domain_by_id: no DOMID_SELF. */
static struct gnttab_domain *get_by_id(struct gnttab_domain *cur, domid_t id)
{
	return id == cur->domid ? cur : get_other(id);
}

static void put_dom(struct gnttab_domain *cur, struct gnttab_domain *d)
{
	if (d && d != cur)
		ops->put(d);
}

int gnttab_domain_init(struct gnttab_domain *d, domid_t id,
		       unsigned int max_frames, unsigned int max_maptrack)
{
	unsigned int chunks = (max_maptrack + MAPTRACK_CHUNK - 1) / MAPTRACK_CHUNK;

	memset(d, 0, sizeof(*d));
	if (!ops || !max_frames)
		return -XEN_EINVAL;
	d->domid = id;
	d->version = 1;
	d->max_frames = max_frames;
	d->max_maptrack = max_maptrack;
	d->maptrack_free = MAPTRACK_NONE;
	d->frames = ops->zalloc(max_frames * sizeof(void *));
	d->active = ops->zalloc(max_frames * sizeof(void *));
	d->maptrack = ops->zalloc((chunks ? chunks : 1) * sizeof(void *));
	if (!d->frames || !d->active || !d->maptrack) {
		ops->free(d->frames);
		ops->free(d->active);
		ops->free(d->maptrack);
		return -XEN_ENOMEM;
	}
	d->ready = true;
	return 0;
}

/* Drop the pin a mapping of d's holds in its granter (d is dying). */
static void release_mapping(struct gnttab_domain *d, struct gnttab_maptrack *m)
{
	struct gnttab_domain *rd = m->dom == d->domid ? d : get_other(m->dom);

	if (rd)
		unpin_locked(rd, m->ref, m->flags & GNTMAP_readonly);
	if (rd && rd != d)
		ops->put(rd);
	if (ops->release)
		ops->release(d, m->mfn);
	m->flags = 0;
}

void gnttab_domain_destroy(struct gnttab_domain *d)
{
	unsigned int h, i;

	if (!d->ready)
		return;
	for (h = 0; h < d->maptrack_limit; h++)
		if (maptrack(d, h)->flags)
			release_mapping(d, maptrack(d, h));
	for (i = 0; i * MAPTRACK_CHUNK < d->maptrack_limit; i++)
		ops->free(d->maptrack[i]);
	for (i = 0; i < d->nr_frames; i++) {
		ops->free_frame(d->frames[i]);
		ops->free(d->active[i]);
	}
	ops->free(d->maptrack);
	ops->free(d->frames);
	ops->free(d->active);
	memset(d, 0, sizeof(*d));
}

/* ---- GNTTABOP_map_grant_ref ---- */

/* Checks before any lookup, in Xen's order. */
static int map_flags_status(uint32_t flags)
{
	if (!(flags & (GNTMAP_device_map | GNTMAP_host_map)))
		return GNTST_bad_gntref;
	/* Arm guests are translated: no device or PTE-based mappings. */
	if (flags & (GNTMAP_device_map | GNTMAP_application_map | GNTMAP_contains_pte))
		return GNTST_general_error;
	return GNTST_okay;
}

/* Pin, check the cache attributes, map: GNTST_*, *mfn on success. */
static int map_pinned(struct gnttab_domain *cur, struct gnttab_domain *rd,
		      struct gnttab_map_grant_ref *op, uint64_t *mfn)
{
	bool ro = op->flags & GNTMAP_readonly;
	uint16_t cache = 0;
	int rc;

	spin_lock(&rd->lock);
	rc = pin_entry(rd, op->ref, ro, true, cur->domid, mfn);
	if (rc == GNTST_okay)
		cache = shared_entry(rd, op->ref)->flags & (GTF_PWT | GTF_PCD | GTF_PAT);
	spin_unlock(&rd->lock);
	if (rc != GNTST_okay)
		return rc;
	/* Arm's create_grant_host_mapping: no cache attributes, no other flags. */
	if (cache || (op->flags & ~GNTMAP_readonly) != GNTMAP_host_map)
		rc = GNTST_general_error;
	else
		rc = ops->map(cur, op->host_addr, *mfn, ro);
	if (rc != GNTST_okay)
		unpin_locked(rd, op->ref, ro);
	return rc;
}

static void map_one(struct gnttab_domain *cur, struct gnttab_map_grant_ref *op)
{
	struct gnttab_domain *rd;
	struct gnttab_maptrack *m;
	uint64_t mfn = 0;
	uint32_t h;

	op->status = map_flags_status(op->flags);
	if (op->status != GNTST_okay)
		return;
	rd = get_by_id(cur, op->dom);
	if (!rd) {
		op->status = GNTST_bad_domain;
		return;
	}
	h = get_handle(cur);
	if (h == MAPTRACK_NONE)
		op->status = GNTST_no_device_space;
	else
		op->status = map_pinned(cur, rd, op, &mfn);
	if (op->status == GNTST_okay) {
		m = maptrack(cur, h);
		m->dom = op->dom;
		m->ref = op->ref;
		m->mfn = mfn;
		__atomic_store_n(&m->flags, op->flags, __ATOMIC_RELEASE);
		op->dev_bus_addr = mfn << 12;
		op->handle = h;
	} else if (h != MAPTRACK_NONE) {
		put_handle(cur, h);
	}
	put_dom(cur, rd);
}

/* ---- GNTTABOP_unmap_grant_ref ---- */

/* A copy of handle h's entry if it is in use (cur's lock taken). */
static bool lookup_handle(struct gnttab_domain *cur, uint32_t h,
			  struct gnttab_maptrack *out)
{
	bool ok = false;

	spin_lock(&cur->lock);
	if (h < cur->maptrack_limit && maptrack(cur, h)->flags) {
		*out = *maptrack(cur, h);
		ok = true;
	}
	spin_unlock(&cur->lock);
	return ok;
}

/* Claims handle h for this unmap; false if another unmap took it first. */
static bool claim_handle(struct gnttab_domain *cur, uint32_t h)
{
	bool ok;

	spin_lock(&cur->lock);
	/* The chunks may have gone since lookup_handle (another unmap put
	 * the last handle back). */
	ok = h < cur->maptrack_limit && maptrack(cur, h)->flags != 0;
	if (ok)
		maptrack(cur, h)->flags = 0;
	spin_unlock(&cur->lock);
	return ok;
}

static void unmap_one(struct gnttab_domain *cur, struct gnttab_unmap_grant_ref *op)
{
	struct gnttab_maptrack m;
	struct gnttab_domain *rd;

	if (!lookup_handle(cur, op->handle, &m)) {
		op->status = GNTST_bad_handle;
		return;
	}
	if (op->dev_bus_addr && op->dev_bus_addr != m.mfn << 12) {
		op->status = GNTST_general_error;
		return;
	}
	op->status = GNTST_okay;
	if (!op->host_addr)
		return;         /* nothing asked to be undone: handle stays */
	op->status = ops->unmap(cur, op->host_addr, m.mfn);
	if (op->status != GNTST_okay)
		return;
	if (!claim_handle(cur, op->handle)) {
		op->status = GNTST_bad_handle;
		return;
	}
	/* The granter may be gone already: its pins went with it. */
	rd = get_by_id(cur, m.dom);
	if (rd)
		unpin_locked(rd, m.ref, m.flags & GNTMAP_readonly);
	put_dom(cur, rd);
	put_handle(cur, op->handle);
}

/* ---- GNTTABOP_copy ---- */

struct copy_buf {
	struct gnttab_domain *d;
	bool gref, pinned, readonly;
	grant_ref_t ref;
	uint64_t mfn;
};

/*
 * Only the calling domain (DOMID_SELF or its own id, since Xen 4.15) may
 * name a frame directly rather than through a grant.
 */
static int copy_lock_domain(struct gnttab_domain *cur, const struct gnttab_copy_ptr *p,
			    bool gref, struct copy_buf *b)
{
	b->d = get_any(cur, p->domid);
	if (!b->d)
		return GNTST_bad_domain;
	return b->d == cur || gref ? GNTST_okay : GNTST_permission_denied;
}

static int copy_claim(struct gnttab_domain *cur, const struct gnttab_copy_ptr *p,
		      struct copy_buf *b)
{
	int rc;

	if (!b->gref)
		return ops->gfn_to_mfn(b->d, p->u.gmfn, !b->readonly, &b->mfn);
	spin_lock(&b->d->lock);
	rc = pin_entry(b->d, p->u.ref, b->readonly, false, cur->domid, &b->mfn);
	spin_unlock(&b->d->lock);
	b->pinned = rc == GNTST_okay;
	b->ref = p->u.ref;
	return rc;
}

static void copy_release(struct gnttab_domain *cur, struct copy_buf *b)
{
	if (b->pinned)
		unpin_locked(b->d, b->ref, b->readonly);
	put_dom(cur, b->d);
}

static int copy_do(struct gnttab_domain *cur, struct gnttab_copy *op,
		   struct copy_buf *src, struct copy_buf *dst)
{
	int rc = copy_lock_domain(cur, &op->source, src->gref, src);

	if (rc == GNTST_okay)
		rc = copy_lock_domain(cur, &op->dest, dst->gref, dst);
	if (rc == GNTST_okay)
		rc = copy_claim(cur, &op->source, src);
	if (rc == GNTST_okay)
		rc = copy_claim(cur, &op->dest, dst);
	if (rc == GNTST_okay && (op->source.offset + op->len > PAGE_BYTES ||
				 op->dest.offset + op->len > PAGE_BYTES))
		rc = GNTST_bad_copy_arg;
	if (rc == GNTST_okay)
		ops->copy(dst->mfn, op->dest.offset, src->mfn, op->source.offset,
			  op->len);
	return rc;
}

static void copy_one(struct gnttab_domain *cur, struct gnttab_copy *op)
{
	struct copy_buf src = { .gref = op->flags & GNTCOPY_source_gref, .readonly = true };
	struct copy_buf dst = { .gref = op->flags & GNTCOPY_dest_gref };

	op->status = copy_do(cur, op, &src, &dst);
	copy_release(cur, &src);
	copy_release(cur, &dst);
}

/* ---- single ops ---- */

static void setup_table(struct gnttab_domain *cur, struct gnttab_setup_table *op)
{
	struct gnttab_domain *d = get_any(cur, op->dom);
	unsigned int i;

	if (!d) {
		op->status = GNTST_bad_domain;
		return;
	}
	op->status = GNTST_okay;
	if (!ops->may_target(cur, d))
		op->status = GNTST_permission_denied;
	spin_lock(&d->lock);
	if (op->status == GNTST_okay &&
	    (op->nr_frames > d->max_frames || !grow_table(d, op->nr_frames)))
		op->status = GNTST_general_error;
	spin_unlock(&d->lock);
	for (i = 0; op->status == GNTST_okay && i < op->nr_frames; i++)
		if (ops->put_frame_gfn(cur, op->frame_list.q, i, ops->frame_gfn(d, i)))
			op->status = GNTST_bad_virt_addr;
	put_dom(cur, d);
}

static void query_size(struct gnttab_domain *cur, struct gnttab_query_size *op)
{
	struct gnttab_domain *d = get_any(cur, op->dom);

	if (!d) {
		op->status = GNTST_bad_domain;
		return;
	}
	op->status = GNTST_permission_denied;
	if (ops->may_target(cur, d)) {
		spin_lock(&d->lock);
		op->nr_frames = d->nr_frames;
		op->max_nr_frames = d->max_frames;
		spin_unlock(&d->lock);
		op->status = GNTST_okay;
	}
	put_dom(cur, d);
}

/* Arm offers version 1 only (Xen's max_grant_version 1 there). */
static long set_version(struct gnttab_domain *cur, struct gnttab_set_version *op)
{
	long rc = 0;

	if (op->version != 1 && op->version != 2)
		rc = -XEN_EINVAL;
	else if (op->version == 2)
		rc = -XEN_EOPNOTSUPP;
	op->version = cur->version;
	return rc;
}

static long get_version(struct gnttab_domain *cur, struct gnttab_get_version *op)
{
	struct gnttab_domain *d = get_any(cur, op->dom);
	long rc = 0;

	if (!d)
		return -XEN_ESRCH;
	if (ops->may_target(cur, d))
		op->version = d->version;
	else
		rc = -XEN_EPERM;
	put_dom(cur, d);
	return rc;
}

/* ---- dispatch ---- */

static long do_map(struct gnttab_domain *cur, void *arg)
{
	map_one(cur, arg);
	return 0;
}

static long do_unmap(struct gnttab_domain *cur, void *arg)
{
	unmap_one(cur, arg);
	return 0;
}

static long do_copy(struct gnttab_domain *cur, void *arg)
{
	copy_one(cur, arg);
	return 0;
}

static long do_setup(struct gnttab_domain *cur, void *arg)
{
	setup_table(cur, arg);
	return 0;
}

static long do_query(struct gnttab_domain *cur, void *arg)
{
	query_size(cur, arg);
	return 0;
}

static long do_set_version(struct gnttab_domain *cur, void *arg)
{
	return set_version(cur, arg);
}

static long do_get_version(struct gnttab_domain *cur, void *arg)
{
	return get_version(cur, arg);
}

struct gnttab_op_desc {
	size_t size;
	bool batch;
	long (*handle)(struct gnttab_domain *cur, void *arg);
};

static const struct gnttab_op_desc op_table[] = {
	[GNTTABOP_map_grant_ref] = { sizeof(struct gnttab_map_grant_ref), true, do_map },
	[GNTTABOP_unmap_grant_ref] = { sizeof(struct gnttab_unmap_grant_ref), true, do_unmap },
	[GNTTABOP_setup_table] = { sizeof(struct gnttab_setup_table), false, do_setup },
	[GNTTABOP_copy] = { sizeof(struct gnttab_copy), true, do_copy },
	[GNTTABOP_query_size] = { sizeof(struct gnttab_query_size), false, do_query },
	[GNTTABOP_set_version] = { sizeof(struct gnttab_set_version), false, do_set_version },
	[GNTTABOP_get_version] = { sizeof(struct gnttab_get_version), false, do_get_version },
};

size_t gnttab_op_size(unsigned int cmd)
{
	return cmd < ARRAY_SIZE(op_table) ? op_table[cmd].size : 0;
}

bool gnttab_op_is_batch(unsigned int cmd)
{
	return gnttab_op_size(cmd) && op_table[cmd].batch;
}

long gnttab_op(struct gnttab_domain *cur, unsigned int cmd, void *arg,
	       unsigned int count)
{
	const struct gnttab_op_desc *op;
	unsigned int i;
	long rc = 0;

	if (!gnttab_op_size(cmd))
		return -XEN_ENOSYS;
	if (!cur->ready)
		return -XEN_EINVAL;
	op = &op_table[cmd];
	if (!op->batch && count != 1)
		return -XEN_EINVAL;
	for (i = 0; i < count && !rc; i++)
		rc = op->handle(cur, (char *)arg + i * op->size);
	return rc;
}
