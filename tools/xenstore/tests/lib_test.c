/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * libxenstore against a running daemon ($XENSTORED_PATH): the calls Debian's
 * test-xenstore and commands do not reach: xs_fileno/xs_check_watch with an
 * event queued during another request, XS_UNWATCH_FILTER semantics,
 * DIRECTORY_PART fallback, permissions, domain calls, helpers.
 */
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xenstore.h>

static int fails;

#define CHECK(cond) do { \
	if (!(cond)) { \
		fprintf(stderr, "FAIL line %d: %s\n", __LINE__, #cond); \
		fails++; \
	} \
} while (0)

static bool readable(int fd, int ms)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };

	return poll(&p, 1, ms) == 1;
}

static void test_fileno(struct xs_handle *h, struct xs_handle *o)
{
	int fd = xs_fileno(h);
	char **v;

	CHECK(fd >= 0);
	CHECK(xs_watch(h, "/lt/w", "tok"));
	CHECK(readable(fd, 1000));		/* the initial event */
	v = xs_check_watch(h);
	CHECK(v && !strcmp(v[XS_WATCH_PATH], "/lt/w") && !strcmp(v[XS_WATCH_TOKEN], "tok"));
	free(v);
	CHECK(!xs_check_watch(h) && errno == EAGAIN);
	/* An event that arrives while h waits for a reply gets queued... */
	CHECK(xs_write(o, XBT_NULL, "/lt/w/a", "1", 1));
	free(xs_read(h, XBT_NULL, "/lt/w/a", NULL));
	/* ...and xs_fileno must still poll readable for it. */
	CHECK(readable(fd, 1000));
	v = xs_check_watch(h);
	CHECK(v && !strcmp(v[XS_WATCH_PATH], "/lt/w/a"));
	free(v);
	CHECK(!readable(fd, 50));
	/* Unwatch drops queued events of that watch. */
	CHECK(xs_write(o, XBT_NULL, "/lt/w/b", "1", 1));
	free(xs_read(h, XBT_NULL, "/lt/w/b", NULL));
	CHECK(xs_unwatch(h, "/lt/w", "tok"));
	CHECK(!xs_check_watch(h));
}

static void test_directory(struct xs_handle *h)
{
	char path[64], **d;
	unsigned int n, i;
	int found = 0;

	for (i = 0; i < 800; i++) {
		snprintf(path, sizeof(path), "/lt/big/a-fairly-long-child-name-%04u", i);
		CHECK(xs_write(h, XBT_NULL, path, "", 0));
	}
	d = xs_directory(h, XBT_NULL, "/lt/big", &n);	/* > 4096 bytes */
	CHECK(d && n == 800);
	for (i = 0; d && i < n; i++)
		found += !strncmp(d[i], "a-fairly-long-child-name-", 25);
	CHECK(found == 800);
	free(d);
}

static void test_perms_and_txn(struct xs_handle *h, struct xs_handle *o)
{
	struct xs_permissions set[2] = { { 0, XS_PERM_NONE }, { 5, XS_PERM_READ } };
	struct xs_permissions *p;
	unsigned int n;
	xs_transaction_t t;

	CHECK(xs_write(h, XBT_NULL, "/lt/p", "v", 1));
	CHECK(xs_set_permissions(h, XBT_NULL, "/lt/p", set, 2));
	p = xs_get_permissions(h, XBT_NULL, "/lt/p", &n);
	CHECK(p && n == 2 && p[1].id == 5 && p[1].perms == XS_PERM_READ);
	free(p);
	t = xs_transaction_start(h);
	CHECK(t != XBT_NULL);
	free(xs_read(h, t, "/lt/p", NULL));
	CHECK(xs_write(o, XBT_NULL, "/lt/p", "x", 1));
	CHECK(xs_write(h, t, "/lt/p", "y", 1));
	CHECK(!xs_transaction_end(h, t, false) && errno == EAGAIN);
	CHECK(!xs_read(h, XBT_NULL, "/lt/nope", NULL) && errno == ENOENT);
	CHECK(!xs_write(h, XBT_NULL, "/lt//bad", "", 0) && errno == EINVAL);
}

static void test_misc(struct xs_handle *h)
{
	struct xs_permissions p[2];
	char *s;

	s = xs_get_domain_path(h, 3);
	CHECK(s && !strcmp(s, "/local/domain/3"));
	free(s);
	CHECK(xs_is_domain_introduced(h, 0));
	CHECK(!xs_is_domain_introduced(h, 42));
	s = xs_control_command(h, "check", NULL, 0);
	CHECK(s && !strcmp(s, "OK"));
	free(s);
	CHECK(!xs_restrict(h, 1) && errno == ENOSYS);
	CHECK(xs_strings_to_perms(p, 2, "b3\0n0") && p[0].id == 3 && p[0].perms == 3);
	CHECK(!xs_strings_to_perms(p, 1, "q1") && errno == EINVAL);
	CHECK(xs_path_is_subpath("/a", "/a/b") && xs_path_is_subpath("/a", "/a"));
	CHECK(!xs_path_is_subpath("/a", "/ab"));
	CHECK(!strcmp(xs_daemon_socket(), getenv("XENSTORED_PATH")));
	CHECK(xs_rm(h, XBT_NULL, "/lt"));
}

int main(void)
{
	struct xs_handle *h = xs_open(0), *o = xs_open(0);

	if (!h || !o) {
		perror("xs_open");
		return 1;
	}
	test_fileno(h, o);
	test_directory(h);
	test_perms_and_txn(h, o);
	test_misc(h);
	xs_close(h);
	xs_close(o);
	xs_close(NULL);
	printf("libxenstore: %s\n", fails ? "FAILED" : "ok");
	return fails ? 1 : 0;
}
