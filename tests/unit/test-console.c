// SPDX-License-Identifier: GPL-2.0-only
/*
 * The console (xen/common/console.c): "(XEN) " at every line start, text
 * kept until a UART is attached and then replayed, and fatal() printing
 * its line and halting (exit status 70 on the host stub).
 */
#include <asm/host.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xen/console.h>
#include <xen/lib.h>
#include "check.h"

static void test_buffer_then_attach(void)
{
	CHECK(console_uart() == NULL);
	printk("Xen version %s\n", "4.17.0-xa");
	printk("part one, ");
	printk("part two\nsecond line\n");
	CHECK_STR(host_console_text(), "");
	console_attach(&host_capture_uart, 0);
	CHECK(console_uart() == &host_capture_uart);
	CHECK_STR(host_console_text(),
		  "(XEN) Xen version 4.17.0-xa\n"
		  "(XEN) part one, part two\n"
		  "(XEN) second line\n");
	host_console_clear();
	printk("\n");
	printk("%s\n", "after");
	CHECK_STR(host_console_text(), "(XEN) \n(XEN) after\n");
}

static void dump_console(void)
{
	fputs(host_console_text(), stdout);
	fflush(stdout);
}

/* In a child: fatal() completes the open line, prints FATAL, halts. */
static void test_fatal(void)
{
	int fds[2], status = 0;
	char buf[256] = "";
	pid_t pid;
	ssize_t n;

	fflush(stdout);
	CHECK(pipe(fds) == 0);
	pid = fork();
	if (pid == 0) {
		close(fds[0]);
		dup2(fds[1], 1);
		host_console_clear();
		atexit(dump_console);
		printk("half a line");
		fatal("no dom0 kernel");
	}
	close(fds[1]);
	n = read(fds[0], buf, sizeof(buf) - 1);
	buf[n > 0 ? n : 0] = '\0';
	CHECK(waitpid(pid, &status, 0) == pid);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == HOST_HALT_STATUS);
	CHECK_STR(buf, "(XEN) half a line\n(XEN) FATAL: no dom0 kernel\n");
}

/* A guest's line is not cut by a hypervisor line: a newline comes first. */
static void test_guest_mid_line(void)
{
	host_console_clear();
	console_write_guest("[ 1.0] abc", 10);
	printk("line %d\n", 1);
	console_write_guest(" def\n", 5);
	printk("line %d\n", 2);
	CHECK_STR(host_console_text(),
		  "[ 1.0] abc\n(XEN) line 1\n def\n(XEN) line 2\n");
}

int main(void)
{
	test_buffer_then_attach();
	test_guest_mid_line();
	test_fatal();
	return check_result("test-console");
}
