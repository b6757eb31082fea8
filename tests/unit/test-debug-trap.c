// SPDX-License-Identifier: GPL-2.0-only
/*
 * Guest debug HVCs (xen/common/debug_trap.c): which immediates are debug
 * ones, and the console lines each code prints (Xen's debug-build text).
 */
#include <asm/host.h>
#include <xen/console.h>
#include <xen/debug_trap.h>
#include "check.h"

static uint64_t regs[31];

static void test_range(void)
{
	CHECK(debug_trap_imm(0xff00));
	CHECK(debug_trap_imm(0xfffe));
	CHECK(debug_trap_imm(0xffe3));
	CHECK(!debug_trap_imm(0xea1));	/* the hypercall tag */
	CHECK(!debug_trap_imm(0));	/* SMCCC over HVC #0 */
	CHECK(!debug_trap_imm(0xfeff));
}

static void test_register_and_mark(void)
{
	regs[3] = 0xdeadbeef;
	host_console_clear();
	debug_trap(1, 0xe3, regs, 0x40001004);
	debug_trap(2, 0xfd, regs, 0x40002000);
	CHECK_STR(host_console_text(),
		  "(XEN) DOM1: R3 = 0x00000000deadbeef at 0x0000000040001004\n"
		  "(XEN) DOM2: Reached 0000000040002000\n");
}

/* 0xfe prints x0's low byte only; a line starts with "(XEN) " as any other. */
static void test_characters(void)
{
	const char *s = "hi\n";

	host_console_clear();
	for (; *s; s++) {
		regs[0] = 0x1200 | (unsigned char)*s;
		debug_trap(1, 0xfe, regs, 0);
	}
	CHECK_STR(host_console_text(), "(XEN) hi\n");
}

static void test_dump_and_unknown(void)
{
	unsigned int i;

	for (i = 0; i < 31; i++)
		regs[i] = 0x100 + i;
	host_console_clear();
	debug_trap(4, 0xff, regs, 0x1234);
	CHECK(strstr(host_console_text(), "(XEN) DOM4: DEBUG\n") != NULL);
	CHECK(strstr(host_console_text(), "PC: 0000000000001234") != NULL);
	CHECK(strstr(host_console_text(), "X29: 000000000000011d") != NULL);
	CHECK(strstr(host_console_text(), "X30: 000000000000011e\n") != NULL);
	host_console_clear();
	debug_trap(5, 0x42, regs, 0);
	CHECK_STR(host_console_text(), "(XEN) DOM5: Unhandled debug trap 0x42\n");
}

int main(void)
{
	console_attach(&host_capture_uart, 0);
	test_range();
	test_register_and_mark();
	test_characters();
	test_dump_and_unknown();
	return check_result("test-debug-trap");
}
