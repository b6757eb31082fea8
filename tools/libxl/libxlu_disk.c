/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Disk specification parser (xl-disk-configuration(5)).  A spec is a list of
 * comma-separated items: key=value pairs, bare flags, deprecated "prefix:"
 * forms and positional values filling target, format, vdev, access in turn.
 *
 * Items are recognised the way libxlutil's scanner does: every rule is tried
 * at the current position, the longest match wins and, on a tie, the rule
 * listed first.  Rules whose pattern "eats the rest of the spec" (leading
 * blanks, target=, deprecated prefixes) therefore beat all the others even
 * though they consume only their own text.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "libxlu_disk.h"

struct dpc {
	XLU_Config *cfg;
	const char *spec;
	libxl_device_disk *disk;
	int err;
	int access_set;
	int had_depr_prefix;
};

struct match {
	size_t len;     /* match length for precedence */
	size_t consume; /* characters actually consumed */
};

typedef int (*match_fn)(const char *s, const char *arg, struct match *m);
/* Action on the item text (delimiter stripped); returns 1 to stop scanning. */
typedef int (*action_fn)(struct dpc *d, char *text, const char *arg);

struct rule {
	match_fn match;
	const char *arg;
	action_fn action;
};

static void disk_err(struct dpc *d, const char *near, const char *msg)
{
	fprintf(d->cfg->report, "%s: config parsing error in disk specification: %s%s%s%s in `%s'\n",
		d->cfg->source, msg, near ? ": near `" : "", near ? near : "", near ? "'" : "",
		d->spec);
	if (!d->err)
		d->err = EINVAL;
}

/* ---- matchers ---- */

static size_t upto_comma(const char *s)
{
	size_t n = strcspn(s, ",");

	return s[n] == ',' ? n + 1 : n;
}

static int m_blank(const char *s, const char *arg, struct match *m)
{
	size_t n = strspn(s, " \t\n");

	if (!n)
		return 0;
	m->consume = n;
	m->len = n + strcspn(s + n, "\n");
	return 1;
}

/* "<arg>=[^,]*,?" */
static int m_key(const char *s, const char *arg, struct match *m)
{
	size_t k = strlen(arg);

	if (strncmp(s, arg, k) || s[k] != '=')
		return 0;
	m->len = m->consume = k + 1 + upto_comma(s + k + 1);
	return 1;
}

/* "<arg>,?" */
static int m_flag(const char *s, const char *arg, struct match *m)
{
	size_t k = strlen(arg);

	if (strncmp(s, arg, k))
		return 0;
	m->len = m->consume = k + (s[k] == ',');
	return 1;
}

/* "target=.*" */
static int m_target(const char *s, const char *arg, struct match *m)
{
	if (strncmp(s, "target=", 7))
		return 0;
	m->len = m->consume = strlen(s);
	return 1;
}

/* "[a-z][-a-z0-9]*=[^,],?" */
static int m_unknown_key(const char *s, const char *arg, struct match *m)
{
	size_t n = 1;

	if (!islower((unsigned char)s[0]))
		return 0;
	while (islower((unsigned char)s[n]) || isdigit((unsigned char)s[n]) || s[n] == '-')
		n++;
	if (s[n] != '=' || !s[n + 1] || s[n + 1] == ',')
		return 0;
	n += 2;
	m->len = m->consume = n + (s[n] == ',');
	return 1;
}

/* "<one of arg's |-separated names>:" followed by "/.*": eats the rest. */
static int m_prefix(const char *s, const char *arg, struct match *m)
{
	const char *a = arg;

	while (*a) {
		size_t k = strcspn(a, "|");

		if (!strncmp(s, a, k) && s[k] == ':') {
			m->consume = k + 1;
			m->len = strlen(s);
			return 1;
		}
		a += k + (a[k] == '|');
	}
	return 0;
}

/* "[a-z][a-z0-9]*:" optionally followed by "[^a-z0-9].*". */
static int m_unknown_prefix(const char *s, const char *arg, struct match *m)
{
	size_t n = 1;

	if (!islower((unsigned char)s[0]))
		return 0;
	while (islower((unsigned char)s[n]) || isdigit((unsigned char)s[n]))
		n++;
	if (s[n] != ':')
		return 0;
	m->consume = n + 1;
	m->len = s[n + 1] && !islower((unsigned char)s[n + 1]) &&
		 !isdigit((unsigned char)s[n + 1]) ? strlen(s) : n + 1;
	return 1;
}

/* "[^=,]*," or "[^=,]+,?" */
static int m_positional(const char *s, const char *arg, struct match *m)
{
	size_t n = strcspn(s, "=,");

	if (s[n] == ',')
		n++;
	else if (!n)
		return 0;
	m->len = m->consume = n;
	return 1;
}

static int m_any(const char *s, const char *arg, struct match *m)
{
	m->len = m->consume = 1;
	return 1;
}

/* ---- setters ---- */

static void savestring(struct dpc *d, const char *what, char **slot, const char *v)
{
	char msg[64];

	if (*slot && **slot) {
		snprintf(msg, sizeof(msg), "%s respecified", what);
		disk_err(d, v, msg);
		return;
	}
	free(*slot);
	*slot = strdup(v);
	if (!*slot && !d->err)
		d->err = ENOMEM;
}

static void set_enum(struct dpc *d, int *slot, int v, const char *text, const char *what)
{
	char msg[64];

	if (*slot != 0 && *slot != v) {
		snprintf(msg, sizeof(msg), "%s respecified", what);
		disk_err(d, text, msg);
		return;
	}
	*slot = v;
}

static const struct { const char *name; libxl_disk_format f; } formats[] = {
	{ "", LIBXL_DISK_FORMAT_RAW }, { "raw", LIBXL_DISK_FORMAT_RAW },
	{ "qcow", LIBXL_DISK_FORMAT_QCOW }, { "qcow2", LIBXL_DISK_FORMAT_QCOW2 },
	{ "vhd", LIBXL_DISK_FORMAT_VHD }, { "empty", LIBXL_DISK_FORMAT_EMPTY },
	{ "qed", LIBXL_DISK_FORMAT_QED },
};

static void setformat(struct dpc *d, const char *v)
{
	for (size_t i = 0; i < sizeof(formats) / sizeof(formats[0]); i++)
		if (!strcmp(v, formats[i].name)) {
			set_enum(d, (int *)&d->disk->format, formats[i].f, v, "format");
			return;
		}
	disk_err(d, v, "unknown value for format");
}

static void setaccess(struct dpc *d, const char *v)
{
	if (!strcmp(v, "r") || !strcmp(v, "ro"))
		d->disk->readwrite = 0;
	else if (!strcmp(v, "rw") || !strcmp(v, "w") || !*v)
		d->disk->readwrite = 1;
	else
		disk_err(d, v, "unknown value for access");
}

/* "<vdev>:<devtype>" (deprecated); returns 1 when v had that form. */
static int vdev_and_devtype(struct dpc *d, char *v)
{
	char *colon = strrchr(v, ':');

	if (!colon)
		return 0;
	*colon++ = 0;
	savestring(d, "vdev", &d->disk->vdev, v);
	if (!strcmp(colon, "cdrom"))
		d->disk->is_cdrom = 1;
	else if (!strcmp(colon, "disk"))
		d->disk->is_cdrom = 0;
	else
		disk_err(d, colon, "unknown deprecated type");
	return 1;
}

/* ---- actions ---- */

static const char *value_of(const char *text)
{
	return strchr(text, '=') + 1;
}

static int a_skip(struct dpc *d, char *t, const char *arg) { return 0; }
static int a_format(struct dpc *d, char *t, const char *arg) { setformat(d, value_of(t)); return 0; }
static int a_access(struct dpc *d, char *t, const char *arg) { setaccess(d, value_of(t)); return 0; }
static int a_cdrom(struct dpc *d, char *t, const char *arg) { d->disk->is_cdrom = 1; return 0; }
static int a_direct_io(struct dpc *d, char *t, const char *arg) { d->disk->direct_io_safe = 1; return 0; }

static int a_devtype(struct dpc *d, char *t, const char *arg)
{
	const char *v = value_of(t);

	if (!strcmp(v, "cdrom"))
		d->disk->is_cdrom = 1;
	else if (!strcmp(v, "disk"))
		d->disk->is_cdrom = 0;
	else
		disk_err(d, t, "unknown value for type");
	return 0;
}

static int a_string(struct dpc *d, char *t, const char *arg)
{
	libxl_device_disk *k = d->disk;
	char **slot = !strcmp(arg, "vdev") ? &k->vdev : !strcmp(arg, "script") ? &k->script
		    : !strcmp(arg, "backend") ? &k->backend_domname : &k->pdev_path;

	savestring(d, arg, slot, value_of(t));
	return 0;
}

static int a_backendtype(struct dpc *d, char *t, const char *arg)
{
	static const char *const names[] = { "phy", "tap", "qdisk", "standalone" };
	const char *v = value_of(t);

	for (int i = 0; i < 4; i++)
		if (!strcmp(v, names[i])) {
			set_enum(d, (int *)&d->disk->backend, i + 1, v, "backend");
			return 0;
		}
	disk_err(d, v, "unknown value for backendtype");
	return 0;
}

static int a_specification(struct dpc *d, char *t, const char *arg)
{
	const char *v = value_of(t);

	if (!strcmp(v, "xen"))
		set_enum(d, (int *)&d->disk->specification, LIBXL_DISK_SPECIFICATION_XEN, v,
			 "specification");
	else if (!strcmp(v, "virtio"))
		set_enum(d, (int *)&d->disk->specification, LIBXL_DISK_SPECIFICATION_VIRTIO, v,
			 "specification");
	else
		disk_err(d, v, "unknown value for specification");
	return 0;
}

/* arg: "<field>=<0|1>" for the defbool flags. */
static int a_defbool(struct dpc *d, char *t, const char *arg)
{
	libxl_defbool *b = !strncmp(arg, "discard", 7) ? &d->disk->discard_enable
			 : !strncmp(arg, "colo", 4) ? &d->disk->colo_enable : &d->disk->trusted;

	libxl_defbool_set(b, arg[strlen(arg) - 1] == '1');
	return 0;
}

static int a_unknown_key(struct dpc *d, char *t, const char *arg)
{
	disk_err(d, t, "unknown parameter");
	return 0;
}

static int a_format_prefix(struct dpc *d, char *t, const char *arg)
{
	t[strlen(t) - 1] = 0; /* the ':' */
	d->had_depr_prefix = 1;
	setformat(d, t);
	return 0;
}

static int a_script_prefix(struct dpc *d, char *t, const char *arg)
{
	char script[64];

	t[strlen(t) - 1] = 0;
	d->had_depr_prefix = 1;
	snprintf(script, sizeof(script), "block-%s", t);
	savestring(d, "script", &d->disk->script, script);
	return 0;
}

static int a_ignored_prefix(struct dpc *d, char *t, const char *arg)
{
	d->had_depr_prefix = 1;
	return 0;
}

static int a_unknown_prefix(struct dpc *d, char *t, const char *arg)
{
	disk_err(d, t, "unknown deprecated disk prefix");
	return 1;
}

/* Fills target, then format, then vdev, then access. */
static int a_positional(struct dpc *d, char *t, const char *arg)
{
	libxl_device_disk *k = d->disk;

	if (d->err)
		return 0;
	if (!k->pdev_path) {
		savestring(d, "target", &k->pdev_path, t);
	} else if (!d->had_depr_prefix && k->format == LIBXL_DISK_FORMAT_UNKNOWN) {
		if (!*k->pdev_path && vdev_and_devtype(d, t))
			k->format = LIBXL_DISK_FORMAT_EMPTY;
		else
			setformat(d, t);
	} else if (!k->vdev) {
		if (!vdev_and_devtype(d, t))
			savestring(d, "vdev", &k->vdev, t);
	} else if (!d->access_set) {
		d->access_set = 1;
		setaccess(d, t);
	} else {
		disk_err(d, t, "too many positional parameters");
		return 1;
	}
	return 0;
}

static int a_bad(struct dpc *d, char *t, const char *arg)
{
	disk_err(d, t, "bad disk syntax");
	return 1;
}

static const struct rule rules[] = {
	{ m_blank, NULL, a_skip },
	{ m_key, "format", a_format },
	{ m_flag, "cdrom", a_cdrom },
	{ m_key, "devtype", a_devtype },
	{ m_key, "access", a_access },
	{ m_key, "backend", a_string },
	{ m_key, "backendtype", a_backendtype },
	{ m_key, "specification", a_specification },
	{ m_key, "vdev", a_string },
	{ m_key, "script", a_string },
	{ m_flag, "direct-io-safe", a_direct_io },
	{ m_flag, "discard", a_defbool },
	{ m_flag, "no-discard", a_defbool },
	{ m_flag, "colo", a_defbool },
	{ m_flag, "no-colo", a_defbool },
	{ m_flag, "trusted", a_defbool },
	{ m_flag, "untrusted", a_defbool },
	{ m_target, "target", a_string },
	{ m_unknown_key, NULL, a_unknown_key },
	{ m_prefix, "raw|qcow|qcow2|vhd", a_format_prefix },
	{ m_prefix, "iscsi|nbd|enbd|drbd", a_script_prefix },
	{ m_prefix, "tapdisk|tap|tap2|aio|ioemu|file|phy", a_ignored_prefix },
	{ m_unknown_prefix, NULL, a_unknown_prefix },
	{ m_positional, NULL, a_positional },
	{ m_any, NULL, a_bad },
};

/* The defbool flags carry their target value in the action argument. */
static const char *flag_arg(const struct rule *r)
{
	if (r->action != a_defbool)
		return r->arg;
	if (!strcmp(r->arg, "discard")) return "discard=1";
	if (!strcmp(r->arg, "no-discard")) return "discard=0";
	if (!strcmp(r->arg, "colo")) return "colo=1";
	if (!strcmp(r->arg, "no-colo")) return "colo=0";
	return !strcmp(r->arg, "trusted") ? "trusted=1" : "trusted=0";
}

static const struct rule *best_rule(const char *s, struct match *best)
{
	const struct rule *win = NULL;
	struct match m = { 0, 0 };

	best->len = 0;
	for (size_t i = 0; i < sizeof(rules) / sizeof(rules[0]); i++)
		if (rules[i].match(s, rules[i].arg, &m) && m.len > best->len) {
			*best = m;
			win = &rules[i];
		}
	return win;
}

/* Runs one spec string through the rules; returns 0 or EINVAL/ENOMEM. */
static int scan_spec(struct dpc *d, const char *spec)
{
	const char *p = spec;

	d->spec = spec;
	while (*p) {
		struct match m = { 0, 0 };
		const struct rule *r = best_rule(p, &m);
		char *text = strndup(p, r == &rules[sizeof(rules) / sizeof(rules[0]) - 1]
					? strlen(p) : m.consume);
		int stop;

		if (!text)
			return ENOMEM;
		if (text[0] && text[strlen(text) - 1] == ',')
			text[strlen(text) - 1] = 0;
		stop = r->action(d, text, flag_arg(r));
		free(text);
		if (stop)
			break;
		p += m.consume;
	}
	return d->err;
}

int xlu_disk_parse(XLU_Config *cfg, int nspecs, const char *const *specs,
		   libxl_device_disk *disk)
{
	struct dpc d = { .cfg = cfg, .disk = disk };

	disk->readwrite = 1;
	for (int i = 0; i < nspecs; i++)
		if (scan_spec(&d, specs[i]))
			return d.err;
	if (disk->format == LIBXL_DISK_FORMAT_UNKNOWN)
		disk->format = LIBXL_DISK_FORMAT_RAW;
	if (disk->is_cdrom) {
		disk->removable = 1;
		disk->readwrite = 0;
		if (!disk->pdev_path || !*disk->pdev_path)
			disk->format = LIBXL_DISK_FORMAT_EMPTY;
	}
	if (!disk->vdev) {
		disk_err(&d, NULL, "no vdev specified");
		return d.err;
	}
	if (!disk->pdev_path && !disk->removable) {
		disk_err(&d, NULL, "no target specified (and device not removable)");
		return d.err;
	}
	return 0;
}
