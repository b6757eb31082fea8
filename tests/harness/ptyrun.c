/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * ptyrun CMD [ARG...]: runs CMD on a new pseudo-terminal, copying our stdin
 * to it and its output to our stdout, until CMD exits (its status is ours).
 * Test helper: xenconsole only reads the keyboard when it is a terminal, so
 * the tests type into `xl console` through this (busybox has no `script`).
 * Input is passed on only once CMD has made the terminal raw.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

static int open_pty(int *slave)
{
	int m = posix_openpt(O_RDWR | O_NOCTTY);

	if (m < 0 || grantpt(m) || unlockpt(m))
		return -1;
	*slave = open(ptsname(m), O_RDWR | O_NOCTTY);
	return *slave < 0 ? -1 : m;
}

static void child(int s, char **argv)
{
	setsid();
	ioctl(s, TIOCSCTTY, 0);
	dup2(s, 0);
	dup2(s, 1);
	dup2(s, 2);
	execvp(argv[0], argv);
	perror(argv[0]);
	_exit(127);
}

/* Copies one chunk from -> to; returns 0 at end of input. */
static int copy(int from, int to)
{
	char buf[512];
	ssize_t n = read(from, buf, sizeof(buf));

	if (n <= 0)
		return n < 0 && errno == EINTR;
	return write(to, buf, (size_t)n) == n;
}

/* Whether CMD has put its terminal in raw mode (xenconsole does once attached). */
static int is_raw(int m)
{
	struct termios t;

	return !tcgetattr(m, &t) && !(t.c_lflag & ICANON);
}

/*
 * Our input is held back until CMD's terminal is raw: typed earlier, a
 * program that switches with TCSAFLUSH would throw it away.
 */
static void relay(int m)
{
	struct pollfd p[2] = { { .fd = -1, .events = POLLIN }, { .fd = m, .events = POLLIN } };
	int input_open = 1;

	while (poll(p, 2, 100) >= 0) {
		if (input_open && p[0].fd < 0 && is_raw(m))
			p[0].fd = 0;
		if (p[0].fd >= 0 && p[0].revents && !copy(0, m)) {
			p[0].fd = -1; /* our input ended: keep relaying output */
			input_open = 0;
		}
		if (p[1].revents && !copy(m, 1))
			return; /* the command closed its terminal */
	}
}

int main(int argc, char **argv)
{
	int s, st, m = argc > 1 ? open_pty(&s) : -1;
	pid_t pid;

	if (m < 0) {
		fprintf(stderr, argc > 1 ? "ptyrun: no pty\n" : "usage: ptyrun CMD [ARG...]\n");
		return 2;
	}
	pid = fork();
	if (pid == 0)
		child(s, argv + 1);
	close(s);
	relay(m);
	if (waitpid(pid, &st, 0) < 0)
		return 1;
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}
