/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * xl.cfg reader and disk/vif spec parsers: behaviour the Debian comparison
 * cannot show (exact values read back, messages naming file/line/key), plus
 * a robustness pass feeding mutated and random input that must be rejected
 * or accepted without crashing.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "libxlu_cfg.h"
#include "libxlu_disk.h"

int libxl__vdev_to_devid(const char *vdev);

static int failures;
static char report[4096];

#define CHECK(c) do { if (!(c)) { fprintf(stderr, "FAIL %s:%d: %s\n", __FILE__, __LINE__, #c); failures++; } } while (0)

static XLU_Config *parse(const char *text, int *rc)
{
	FILE *f = fmemopen(report, sizeof(report), "w");
	XLU_Config *cfg = xlu_cfg_init(f, "t.cfg");

	*rc = xlu_cfg_readdata(cfg, text, (int)strlen(text));
	fflush(f);
	cfg->report = stderr;
	fclose(f);
	return cfg;
}

static void test_values(void)
{
	int rc;
	XLU_Config *c = parse("a = 'x' ; b=\"y\\tz\"\n# c\nn = 0x10\no = 010\n"
			      "l = [ 1,\n 'two', [ 3 ],\n ]\ns = 'p'\ns += 'q'\nn2 = 5 # tail", &rc);
	const char *s;
	long l;
	XLU_ConfigList *list;
	int n;

	CHECK(rc == 0);
	CHECK(!xlu_cfg_get_string(c, "a", &s, 0) && !strcmp(s, "x"));
	CHECK(!xlu_cfg_get_string(c, "b", &s, 0) && !strcmp(s, "y\tz"));
	CHECK(!xlu_cfg_get_long(c, "n", &l, 0) && l == 16);
	CHECK(!xlu_cfg_get_long(c, "o", &l, 0) && l == 8);
	CHECK(!xlu_cfg_get_long(c, "n2", &l, 0) && l == 5);
	CHECK(!xlu_cfg_get_list(c, "l", &list, &n, 0) && n == 3);
	CHECK(!strcmp(xlu_cfg_get_listitem(list, 1), "two") && !xlu_cfg_get_listitem(list, 2));
	CHECK(!xlu_cfg_get_string(c, "s", &s, 0) && !strcmp(s, "pq"));
	CHECK(xlu_cfg_get_string(c, "missing", &s, 0) == ESRCH);
	CHECK(xlu_cfg_get_long(c, "a", &l, 1) == EINVAL);
	CHECK(xlu_cfg_get_string(c, "l", &s, 1) == EINVAL);
	xlu_cfg_destroy(c);
}

static void test_override_and_append(void)
{
	int rc;
	XLU_Config *c = parse("d = [ 'a' ]\nm = 1\n", &rc);
	XLU_ConfigList *list;
	long l;
	int n;

	CHECK(rc == 0);
	const char *more = "m = 2\nd += [ 'b', 'c' ]\n";

	CHECK(!xlu_cfg_readdata(c, more, (int)strlen(more)));
	CHECK(!xlu_cfg_get_long(c, "m", &l, 0) && l == 2);
	CHECK(!xlu_cfg_get_list(c, "d", &list, &n, 0) && n == 3);
	CHECK(!strcmp(xlu_cfg_get_listitem(list, 0), "a") && !strcmp(xlu_cfg_get_listitem(list, 2), "c"));
	xlu_cfg_destroy(c);
}

static void test_errors(void)
{
	int rc;
	XLU_Config *c = parse("ok = 1\nbad = = 2\nx = 'unterminated\nm = 3\n", &rc);
	long l;

	CHECK(rc == EINVAL);
	CHECK(strstr(report, "t.cfg:2: config parsing error near `='") != NULL);
	CHECK(strstr(report, "t.cfg:3:") != NULL);
	CHECK(!xlu_cfg_get_long(c, "m", &l, 0) && l == 3); /* parsing went on */
	xlu_cfg_destroy(c);
	c = parse("memory = 'lots'\n", &rc);
	{
		FILE *f = fmemopen(report, sizeof(report), "w");

		c->report = f;
		CHECK(xlu_cfg_get_long(c, "memory", &l, 0) == EINVAL);
		fclose(f);
		CHECK(strstr(report, "t.cfg:1: warning: parameter `memory' is not a valid number"));
	}
	xlu_cfg_destroy(c);
}

static void test_disk(void)
{
	XLU_Config *c = xlu_cfg_init(stderr, "cmd");
	const char *spec = "phy:/dev/loop0,xvda,w";
	libxl_device_disk d;

	libxl_device_disk_init(&d);
	CHECK(!xlu_disk_parse(c, 1, &spec, &d));
	CHECK(!strcmp(d.pdev_path, "/dev/loop0") && !strcmp(d.vdev, "xvda") && d.readwrite == 1);
	CHECK(d.format == LIBXL_DISK_FORMAT_RAW);
	libxl_device_disk_dispose(&d);
	spec = "vdev=xvdb, target=/a,b";
	libxl_device_disk_init(&d);
	CHECK(!xlu_disk_parse(c, 1, &spec, &d) && !strcmp(d.pdev_path, "/a,b"));
	libxl_device_disk_dispose(&d);
	xlu_cfg_destroy(c);
	/* Xen's vbd numbering: 202 << 8 | disk << 4 | partition, extended above 15. */
	CHECK(libxl__vdev_to_devid("xvda") == 51712);
	CHECK(libxl__vdev_to_devid("xvdb3") == 51731);
	CHECK(libxl__vdev_to_devid("xvdq") == ((1 << 28) | (16 << 8)));
	CHECK(libxl__vdev_to_devid("hda") == -1 && libxl__vdev_to_devid("xvd") == -1);
	CHECK(libxl__vdev_to_devid("xvda1x") == -1);
}

/* Mutations of valid text: any result is fine except a crash or a hang. */
static void test_robustness(void)
{
	static const char seed[] = "name='g'\nmemory=128\ndisk=['phy:/dev/x,xvda,w',[1,'a\\'b']]\n"
				   "vif=['mac=00:16:3e:00:00:01,rate=10Mb/s@20ms']\nextra=\"a\\x41\\101\"\n";
	static const char alphabet[] = "[]=,;'\"\\#\n+ax0-:/";
	char buf[sizeof(seed)];
	unsigned int seedv = 12345;

	for (int iter = 0; iter < 20000; iter++) {
		int rc;
		XLU_Config *c;
		libxl_device_disk d;
		const char *spec = buf;

		memcpy(buf, seed, sizeof(seed));
		for (int k = 0; k < 1 + iter % 6; k++) {
			seedv = seedv * 1103515245u + 12345u;
			buf[(seedv >> 8) % (sizeof(seed) - 1)] = alphabet[(seedv >> 20) % (sizeof(alphabet) - 1)];
		}
		c = parse(buf, &rc);
		xlu_cfg_destroy(c);
		c = xlu_cfg_init(fopen("/dev/null", "w"), "fuzz");
		libxl_device_disk_init(&d);
		xlu_disk_parse(c, 1, &spec, &d);
		libxl_device_disk_dispose(&d);
		fclose(c->report);
		xlu_cfg_destroy(c);
	}
}

int main(void)
{
	test_values();
	test_override_and_append();
	test_errors();
	test_disk();
	test_robustness();
	if (!failures)
		puts("xl.cfg parser: all checks passed");
	return failures ? 1 : 0;
}
