/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * xenconsoled's data path against a ring in ordinary memory and a real pty
 * (no Xen: the event channel kicks go to fd -1 and are ignored): output
 * across the ring's wrap reaches the pty and the log, timestamps start each
 * line, nonsense indices from a guest are survived, input stops when the
 * guest's ring is full and resumes as the guest consumes.
 */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "xenconsoled.h"

static int failures;

#define CHECK(cond)                                                          \
	do {                                                                 \
		if (!(cond)) {                                               \
			fprintf(stderr, "FAIL line %d: %s\n", __LINE__, #cond); \
			failures++;                                          \
		}                                                            \
	} while (0)

static void setup(struct xcd_console *c, struct xencons_interface *r)
{
	struct termios t;

	memset(c, 0, sizeof(*c));
	memset(r, 0, sizeof(*r));
	c->ring = r;
	c->master = posix_openpt(O_RDWR | O_NOCTTY);
	if (c->master < 0 || grantpt(c->master) || unlockpt(c->master))
		exit(99);
	c->slave = open(ptsname(c->master), O_RDWR | O_NOCTTY);
	if (c->slave < 0 || tcgetattr(c->slave, &t))
		exit(99);
	cfmakeraw(&t);
	tcsetattr(c->slave, TCSANOW, &t);
	fcntl(c->master, F_SETFL, O_NONBLOCK);
	fcntl(c->slave, F_SETFL, O_NONBLOCK);
	c->log = tmpfile();
	c->at_line_start = 1;
}

static void guest_writes(struct xencons_interface *r, const char *s)
{
	while (*s)
		r->out[MASK_XENCONS_IDX(r->out_prod++, r->out)] = *s++;
}

static void test_output(void)
{
	struct xencons_interface r;
	struct xcd_console c;
	struct xcd_options o = { .timestamps = 0 };
	char buf[64] = "", logged[64] = "";
	ssize_t n;

	setup(&c, &r);
	r.out_cons = r.out_prod = sizeof(r.out) - 3; /* the text wraps */
	guest_writes(&r, "hello\nworld\n");
	xcd_ring_to_pty(&c, -1, &o);
	CHECK(r.out_cons == r.out_prod);
	n = read(c.slave, buf, sizeof(buf) - 1);
	CHECK(n == 12 && !memcmp(buf, "hello\nworld\n", 12));
	rewind(c.log);
	CHECK(fread(logged, 1, sizeof(logged) - 1, c.log) == 12 && !strcmp(logged, "hello\nworld\n"));
	/* a guest whose producer ran 10000 ahead: no crash, cons catches up */
	r.out_prod += 10000;
	xcd_ring_to_pty(&c, -1, &o);
	CHECK(r.out_cons == r.out_prod);
	fclose(c.log);
	close(c.master);
	close(c.slave);
}

static void test_timestamps(void)
{
	struct xencons_interface r;
	struct xcd_console c;
	struct xcd_options o = { .timestamps = 1 };
	char logged[128] = "";

	setup(&c, &r);
	guest_writes(&r, "a\nb");
	xcd_ring_to_pty(&c, -1, &o);
	rewind(c.log);
	CHECK(fread(logged, 1, sizeof(logged) - 1, c.log) == 2 * 22 + 3);
	CHECK(logged[0] == '[' && logged[20] == ']' && logged[22] == 'a' && logged[46] == 'b');
	fclose(c.log);
	close(c.master);
	close(c.slave);
}

static void test_input(void)
{
	struct xencons_interface r;
	struct xcd_console c;
	char typed[1500];

	setup(&c, &r);
	memset(typed, 'x', sizeof(typed));
	typed[0] = 'A';
	CHECK(write(c.slave, typed, sizeof(typed)) == (ssize_t)sizeof(typed));
	CHECK(xcd_wants_input(&c));
	xcd_pty_to_ring(&c, -1);
	xcd_pty_to_ring(&c, -1);
	CHECK(r.in_prod - r.in_cons == sizeof(r.in)); /* full, not beyond */
	CHECK(r.in[0] == 'A');
	CHECK(!xcd_wants_input(&c));
	r.in_cons += 100; /* the guest reads some */
	CHECK(xcd_wants_input(&c));
	xcd_pty_to_ring(&c, -1);
	CHECK(r.in_prod == sizeof(r.in) + 100);
	/* nonsense indices: the ring is left alone */
	r.in_prod = r.in_cons + 5000;
	xcd_pty_to_ring(&c, -1);
	CHECK(r.in_prod == r.in_cons + 5000);
	fclose(c.log);
	close(c.master);
	close(c.slave);
}

int main(void)
{
	test_output();
	test_timestamps();
	test_input();
	if (!failures)
		printf("test-xcd-io: all passed\n");
	return failures ? 1 : 0;
}
