// SPDX-License-Identifier: GPL-2.0-only
/*
 * Hypervisor command line. A table maps each known key to a string field
 * of struct xen_options; words are `key=value` or a bare `key` (value "").
 */
#include <xen/cmdline.h>
#include <xen/lib.h>

struct param {
	const char *name;
	size_t offset;
	size_t size;
};

#define STRING_PARAM(n, field) \
	{ n, offsetof(struct xen_options, field), sizeof(((struct xen_options *)0)->field) }

static const struct param params[] = {
	STRING_PARAM("console", console),
	STRING_PARAM("dtuart", dtuart),
	STRING_PARAM("dom0_mem", dom0_mem),
	STRING_PARAM("xa_dom0", xa_dom0),
	STRING_PARAM("dom0_max_vcpus", dom0_max_vcpus),
};

static void set_defaults(struct xen_options *opts)
{
	memset(opts, 0, sizeof(*opts));
	memcpy(opts->console, "dtuart", sizeof("dtuart"));
}

static const struct param *find_param(const char *key, size_t len)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(params); i++)
		if (strlen(params[i].name) == len &&
		    !memcmp(params[i].name, key, len))
			return &params[i];
	return NULL;
}

/* Stores one value; returns false if it did not fit. */
static bool store(struct xen_options *opts, const struct param *p,
		  const char *val, size_t len)
{
	char *dst = (char *)opts + p->offset;

	if (len >= p->size) {
		dst[0] = '\0';
		return false;
	}
	memcpy(dst, val, len);
	dst[len] = '\0';
	return true;
}

/* Handles the word [w, end); returns false if its value was too long. */
static bool parse_word(struct xen_options *opts, const char *w, const char *end)
{
	const char *eq = memchr(w, '=', end - w);
	const char *key_end = eq ? eq : end;
	const struct param *p = find_param(w, key_end - w);

	if (!p)
		return true;
	return eq ? store(opts, p, eq + 1, end - eq - 1) : store(opts, p, "", 0);
}

const char *cmdline_parse(const char *cmdline, struct xen_options *opts)
{
	static char why[96];
	const char *w = cmdline, *end;
	const char *bad = NULL;

	set_defaults(opts);
	while (w && *w) {
		while (*w == ' ' || *w == '\t')
			w++;
		for (end = w; *end && *end != ' ' && *end != '\t'; end++)
			;
		if (end > w && !parse_word(opts, w, end) && !bad)
			bad = w;
		w = end;
	}
	if (!bad)
		return NULL;
	snprintf(why, sizeof(why), "command line value too long at \"%.40s\"", bad);
	return why;
}

bool cmdline_list_has(const char *list, const char *word)
{
	size_t len = strlen(word);
	const char *p = list;

	while (p && *p) {
		const char *comma = strchr(p, ',');
		size_t n = comma ? (size_t)(comma - p) : strlen(p);

		if (n == len && !memcmp(p, word, len))
			return true;
		p = comma ? comma + 1 : NULL;
	}
	return false;
}

uint64_t cmdline_parse_size(const char *s)
{
	char *end;
	uint64_t v = strtoul(s, &end, 0);

	if (end == s)
		return 0;
	switch (*end) {
	case 'G': case 'g': v <<= 30; end++; break;
	case 'M': case 'm': v <<= 20; end++; break;
	case 'K': case 'k': v <<= 10; end++; break;
	default: break;
	}
	return *end ? 0 : v;
}
