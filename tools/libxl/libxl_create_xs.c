/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The xenstore side of a new domain: /local/domain/<id> (readable by the
 * guest, owned by dom0), the nodes the guest writes (control, device, data,
 * ...), /vm/<uuid>, the store and console rings for xenstored and
 * xenconsoled, then XS_INTRODUCE.  Removed again by libxl__xs_domain_rm.
 * The entries are written in one transaction (as libxl does), pipelined:
 * a handful of round trips in all, whatever the number of entries.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "libxl_internal.h"
#include "public/arch-arm.h"

#define PATH_LEN 128

#define TXN_TRIES 8 /* commits that may meet a concurrent change (EAGAIN) */

struct xs_ctx {
	libxl_ctx *ctx;
	struct libxl_xs_batch *batch;
	char dom[PATH_LEN], vm[PATH_LEN];
	char owner_ro[2][16], owner_rw[1][16];
};

/* Queues prefix/key = printf(fmt, ...). */
static void put(struct xs_ctx *x, const char *prefix, const char *key, const char *fmt, ...)
{
	char path[PATH_LEN * 2], value[256];
	va_list ap;

	snprintf(path, sizeof(path), "%s%s%s", prefix, *key ? "/" : "", key);
	va_start(ap, fmt);
	vsnprintf(value, sizeof(value), fmt, ap);
	va_end(ap);
	libxl_xs_batch_write(x->ctx, x->batch, path, value);
}

static void perms(struct xs_ctx *x, const char *prefix, const char *key, int guest_owned)
{
	char path[PATH_LEN * 2];
	const char *ro[2] = { x->owner_ro[0], x->owner_ro[1] }, *rw[1] = { x->owner_rw[0] };

	snprintf(path, sizeof(path), "%s%s%s", prefix, *key ? "/" : "", key);
	if (guest_owned)
		libxl_xs_batch_perms(x->ctx, x->batch, path, rw, 1);
	else
		libxl_xs_batch_perms(x->ctx, x->batch, path, ro, 2);
}

/* Nodes the guest itself writes to. */
static const char *const guest_nodes[] = {
	"device", "control", "control/shutdown", "control/sysrq", "data", "drivers",
	"feature", "attr", "error",
};

static void identity(struct xs_ctx *x, const struct libxl_build *b)
{
	char uuid[37];

	libxl_uuid_to_string(&b->d->c_info.uuid, uuid);
	put(x, x->vm, "", "");
	perms(x, x->vm, "", 0);
	put(x, x->vm, "name", "%s", b->d->c_info.name);
	put(x, x->vm, "uuid", "%s", uuid);
	put(x, x->vm, "start_time", "%lld.%02d", (long long)time(NULL), 0);
	put(x, x->dom, "", "");
	perms(x, x->dom, "", 0);
	put(x, x->dom, "vm", "%s", x->vm);
	put(x, x->dom, "name", "%s", b->d->c_info.name);
	put(x, x->dom, "domid", "%u", b->domid);
	for (size_t i = 0; i < sizeof(guest_nodes) / sizeof(guest_nodes[0]); i++) {
		put(x, x->dom, guest_nodes[i], "");
		perms(x, x->dom, guest_nodes[i], 1);
	}
}

static void resources(struct xs_ctx *x, const struct libxl_build *b)
{
	const libxl_domain_build_info *bi = &b->d->b_info;
	char key[32];

	put(x, x->dom, "memory/static-max", "%" PRIu64, b->ram_bytes >> 10);
	put(x, x->dom, "memory/target", "%" PRIu64, b->ram_bytes >> 10);
	for (unsigned int i = 0; i < b->max_vcpus; i++) {
		bool on = !bi->avail_vcpus.map ? i == 0 : libxl_bitmap_test(&bi->avail_vcpus, i);

		snprintf(key, sizeof(key), "cpu/%u/availability", i);
		put(x, x->dom, key, on ? "online" : "offline");
	}
	put(x, x->dom, "store/port", "%u", b->store_port);
	put(x, x->dom, "store/ring-ref", "%llu", (unsigned long long)(GUEST_MAGIC_BASE >> 12) + 1);
	put(x, x->dom, "console/port", "%u", b->console_port);
	put(x, x->dom, "console/ring-ref", "%llu", (unsigned long long)(GUEST_MAGIC_BASE >> 12));
	put(x, x->dom, "console/limit", "%u", 1048576);
	put(x, x->dom, "console/type", "xenconsoled");
	put(x, x->dom, "console/output", "pty");
}

static void paths(struct xs_ctx *x, libxl_ctx *ctx, uint32_t domid, const libxl_uuid *u)
{
	char uuid[37];

	libxl_uuid_to_string(u, uuid);
	x->ctx = ctx;
	snprintf(x->dom, sizeof(x->dom), "/local/domain/%u", domid);
	snprintf(x->vm, sizeof(x->vm), "/vm/%s", uuid);
	snprintf(x->owner_ro[0], sizeof(x->owner_ro[0]), "n0");
	snprintf(x->owner_ro[1], sizeof(x->owner_ro[1]), "r%u", domid);
	snprintf(x->owner_rw[0], sizeof(x->owner_rw[0]), "n%u", domid);
}

/* One attempt: the transaction with every entry; 0, EAGAIN (retry) or an error. */
static int write_entries(struct xs_ctx *x, const struct libxl_build *b)
{
	int rc;

	if (!(x->batch = libxl_xs_batch_new()) || libxl_xs_transaction_start(x->ctx)) {
		libxl_xs_batch_free(x->batch);
		return errno ? errno : ENOMEM;
	}
	libxl_xs_batch_rm(x->ctx, x->batch, x->dom);
	libxl_xs_batch_rm(x->ctx, x->batch, x->vm);
	identity(x, b);
	resources(x, b);
	rc = libxl_xs_batch_run(x->ctx, x->batch) ? errno : 0;
	libxl_xs_batch_free(x->batch);
	if (rc) {
		libxl_xs_transaction_end(x->ctx, 1);
		return rc == EAGAIN ? EIO : rc;	/* only the commit may say EAGAIN */
	}
	return libxl_xs_transaction_end(x->ctx, 0) ? errno : 0;
}

int libxl__xs_domain_make(libxl_ctx *ctx, struct libxl_build *b)
{
	struct xs_ctx x;
	int err = EAGAIN;

	paths(&x, ctx, b->domid, &b->d->c_info.uuid);
	for (int i = 0; i < TXN_TRIES && err == EAGAIN; i++)
		err = write_entries(&x, b);
	if (err) {
		fprintf(stderr, "libxl: xenstore entries of domain %u: %s\n", b->domid, strerror(err));
		return ERROR_FAIL;
	}
	if (libxl_xs_introduce(ctx, b->domid, (GUEST_MAGIC_BASE >> 12) + 1, b->store_port)) {
		fprintf(stderr, "libxl: introducing domain %u to xenstored: %s\n", b->domid,
			strerror(errno));
		return ERROR_FAIL;
	}
	return 0;
}

/*
 * /vm itself once its last child is gone, so the store is back to what it
 * was before the first guest (xenstored's node count comes back). In a
 * transaction: a create writing /vm/<uuid> meanwhile makes the commit
 * fail (EAGAIN), and then /vm is looked at again.
 */
static void rm_vm_if_empty(libxl_ctx *ctx)
{
	int tries, n;
	char *kids;

	for (tries = 0; tries < 5; tries++) {
		if (libxl_xs_transaction_start(ctx))
			return;
		kids = libxl_xs_directory(ctx, "/vm", &n);
		if (!kids || n) {
			free(kids);
			libxl_xs_transaction_end(ctx, 1);
			return;
		}
		free(kids);
		libxl_xs_rm(ctx, "/vm");
		if (!libxl_xs_transaction_end(ctx, 0) || errno != EAGAIN)
			return;
	}
}

/* Best effort: the domain is gone whether or not xenstore can be cleaned. */
void libxl__xs_domain_rm(libxl_ctx *ctx, uint32_t domid)
{
	char dom[PATH_LEN], key[PATH_LEN + 8], *vm;

	snprintf(dom, sizeof(dom), "/local/domain/%u", domid);
	snprintf(key, sizeof(key), "%s/vm", dom);
	vm = libxl_xs_read(ctx, key);
	if (vm && !strncmp(vm, "/vm/", 4)) {
		libxl_xs_rm(ctx, vm);
		rm_vm_if_empty(ctx);
	}
	free(vm);
	libxl_xs_rm(ctx, dom);
	libxl__disks_rm(ctx, domid);
	libxl__nics_rm(ctx, domid);
}
