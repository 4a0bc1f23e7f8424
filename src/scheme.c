/*
 * Schemes (issue #15): a jurisdiction's rules as a versioned JSON document.
 *
 * Loading runs in two phases. Phase 1 reads the JSON (parsed by jansson)
 * into a plain model, checking types, keys, ranges, UTF-8 and IDs, and
 * placing every error by JSON pointer, line and column. Phase 2 checks
 * what the model says against the library's rules by building every rule
 * set and ladder through their public builders, placing their errors on
 * the value that caused them. Static checks (eg_scheme_check) run on the
 * model. The canonical text is written from the model, so load -> write ->
 * load gives the same model and the same bytes.
 *
 * Every string and array of a model lives in one arena (a list of blocks
 * allocated through util/alloc.h): a failed load frees the arena and
 * leaves nothing behind.
 */
#include <ecogrid/ecogrid.h>

#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assess_internal.h"
#include "scheme_data.h"
#include "scheme_internal.h"
#include "util/alloc.h"
#include "util/date.h"
#include "util/error.h"
#include "util/sha256.h"
#include "util/text.h"

#define ID_MAX 64      /* IDs and rule IDs, bytes */
#define NAME_MAX_B 256 /* names and labels, bytes (as the builders) */
#define TITLE_MAX 512  /* titles, document numbers, articles */
#define QUOTE_MAX 1024 /* quoted words */
#define POINTS_MAX 1000000
#define COUNT_MAX_LADDER 12
#define THRESHOLD_MAX 1000000000000000LL /* ladder values, as ladder.c */
#define PTR_MAX 1024

/* ------------------------------------------------------------------ */
/* Arena                                                                */
/* ------------------------------------------------------------------ */

typedef struct arena_block {
	struct arena_block *next;
	size_t used, cap;
	max_align_t data[];
} arena_block;

typedef struct arena {
	arena_block *head;
} arena;

static void arena_free(arena *a)
{
	arena_block *b = a->head;
	while (b) {
		arena_block *n = b->next;
		eg__free(b);
		b = n;
	}
	a->head = NULL;
}

/* Zeroed memory from the arena, or NULL when out of memory. */
static void *arena_alloc(arena *a, size_t n)
{
	arena_block *b = a->head;
	size_t al = sizeof(max_align_t);
	n = (n + al - 1) / al * al;
	if (n == 0)
		n = al;
	if (!b || b->cap - b->used < n) {
		size_t cap = n > 16384 ? n : 16384;
		if (cap > SIZE_MAX - sizeof *b)
			return NULL;
		b = eg__malloc(sizeof *b + cap);
		if (!b)
			return NULL;
		b->next = a->head;
		b->used = 0;
		b->cap = cap;
		a->head = b;
	}
	{
		char *p = (char *)b->data + b->used;
		b->used += n;
		memset(p, 0, n);
		return p;
	}
}

static char *arena_strndup(arena *a, const char *s, size_t n)
{
	char *d = arena_alloc(a, n + 1);
	if (d) {
		memcpy(d, s, n);
		d[n] = '\0';
	}
	return d;
}

static char *arena_strdup(arena *a, const char *s)
{
	return s ? arena_strndup(a, s, strlen(s)) : NULL;
}

/* ------------------------------------------------------------------ */
/* The model                                                            */
/* ------------------------------------------------------------------ */

typedef struct sc_text {
	const char *zh, *en;
} sc_text;

typedef struct sc_src {
	const char *article, *quote;
} sc_src;

typedef struct sc_section {
	const char *id;
	sc_text name;
	int has_max;
	int32_t max;
} sc_section;

typedef struct sc_item {
	const char *id, *rule, *section;
	sc_text name;
	int kind; /* 0 status, 1 deduction (eg_item_kind) */
	int32_t max, per, floor;
	int has_floor;
	int overflow, veto, adverse;
	int situation; /* JM-2.2 option: once per period however many occurrences */
	sc_src src;
} sc_item;

typedef struct sc_level {
	const char *id, *rule;
	sc_text name;
	int32_t amount;
	int fail;
	sc_src src;
} sc_level;

typedef struct sc_cond {
	const char *id, *rule;
	sc_text text;
	sc_src src;
} sc_cond;

typedef struct sc_grade {
	int grade; /* eg_grade */
	int32_t min, max;
	int has_max;
	const char *rule;
	sc_src src;
} sc_grade;

typedef struct sc_ruleset {
	const char *id, *document;
	int has_validity;
	char from[11], to[11]; /* to "" when open */
	int scale;
	const char *total_rule;
	sc_section *sections;
	size_t n_sections;
	sc_item *items;
	size_t n_items;
	int has_veto, veto_mode;
	const char *veto_rule;
	sc_src veto_src;
	int has_bonus;
	const char *bonus_rule;
	int32_t bonus_per, bonus_cap;
	sc_src bonus_src;
	int has_penalties;
	const char *penalty_section;
	sc_level *levels;
	size_t n_levels;
	sc_cond *conds;
	size_t n_conds;
	sc_grade *grades;
	size_t n_grades;
	int has_annual;
	const char *annual_rule;
	sc_src annual_src;
	int has_periods; /* JM-2.2.1: half-year and year totals of the months' deductions */
	const char *periods_rule;
	sc_src periods_src;
} sc_ruleset;

typedef struct sc_action {
	const char *id;
	sc_text name; /* NULLs when the document gives none (refused in phase 2) */
} sc_action;

typedef struct sc_clause {
	const char *rule, *action;
	int kind, flag, window_sum;
	int32_t count;
	int64_t threshold;
	sc_src src;
} sc_clause;

typedef struct sc_ladder {
	const char *id;
	int measure;
	sc_text label, flag_label; /* flag_label NULLs when none */
	sc_action *actions;
	size_t n_actions;
	sc_clause *clauses;
	size_t n_clauses;
} sc_ladder;

enum { PROFILE_BY_DATE = 0, PROFILE_NAMED = 1, PROFILE_CUSTOM = 2 };

typedef struct sc_air {
	int present;
	const char *rule;
	sc_src src;
	int profile_kind;
	const char *profile_name;
	double limits[6], weights[6];
	int has_weights, aqi_table;
	int has_ranking, metric;
	const char *rank_rule;
	sc_src rank_src;
	const char *last_place;
	int has_tampering;
	const char *tamper_rule;
	sc_src tamper_src;
} sc_air;

enum { DL_AFTER_QUARTER = 0, DL_MONTHS_AFTER = 1, DL_YEARLY = 2 };

typedef struct sc_deadline {
	const char *id, *rule;
	sc_text name;
	int kind;
	int32_t months, month, day;
	sc_src src;
} sc_deadline;

typedef struct sc_cadence {
	const char *id, *rule, *kind;
	int period;
	int32_t min;
	int night;
	sc_text actor;
	sc_src src;
} sc_cadence;

/* A duty of the duty calendar (section 9 of the catalogue, R0.5–R0.11), as eg_duty_def. */
typedef struct sc_duty {
	eg_duty_def d;    /* strings point into the arena; start and end into the arrays below */
	sc_text name;
	char start[11], end[11];
	int has_src;
	sc_src src;
} sc_duty;

typedef struct sc_feed {
	const char *ladder, *item;
	int value;
} sc_feed;

typedef struct sc_cite {
	const char *rule, *pointer, *article, *quote;
	const char *label; /* the entry's own name (items, levels, conditions), or NULL */
} sc_cite;

typedef struct sc_model {
	const char *id, *family, *document;
	sc_text title, issuer;
	char from[11], to[11];
	int64_t from_d, to_d; /* to_d = INT64_MAX when open */
	sc_ruleset *rulesets;
	size_t n_rulesets;
	sc_ladder *ladders;
	size_t n_ladders;
	sc_air air;
	sc_deadline *deadlines;
	size_t n_deadlines;
	sc_cadence *cadences;
	size_t n_cadences;
	sc_duty *duties;
	size_t n_duties;
	sc_feed *feeds;
	size_t n_feeds;
} sc_model;

struct eg_scheme {
	arena a;
	sc_model m;
	char *text; /* canonical, in the arena */
	size_t text_len;
	char sha[65];
	sc_cite *cites;
	size_t n_cites;
};

/* ------------------------------------------------------------------ */
/* Places in the text: line, column, JSON pointer                       */
/* ------------------------------------------------------------------ */

/* Line and column (1-based, columns in code points) of a byte offset. */
static void line_col(int32_t *line, int32_t *col, const char *text, size_t len, size_t off)
{
	int32_t l = 1, c = 1;
	if (off > len)
		off = len;
	for (size_t i = 0; i < off; i++) {
		unsigned char ch = (unsigned char)text[i];
		if (ch == '\n') {
			l++;
			c = 1;
		} else if ((ch & 0xC0) != 0x80) {
			c++;
		}
	}
	*line = l;
	*col = c;
}

static size_t skip_ws(const char *t, size_t i, size_t n)
{
	while (i < n && (t[i] == ' ' || t[i] == '\t' || t[i] == '\n' || t[i] == '\r'))
		i++;
	return i;
}

/* Past the string starting at t[i] == '"'. */
static size_t skip_string(const char *t, size_t i, size_t n)
{
	for (i++; i < n && t[i] != '"'; i++)
		if (t[i] == '\\')
			i++;
	return i < n ? i + 1 : n;
}

/* Past the value at t[i] (text already accepted by jansson). */
static size_t skip_value(const char *t, size_t i, size_t n)
{
	int depth = 0;
	i = skip_ws(t, i, n);
	do {
		if (i >= n)
			return n;
		if (t[i] == '"') {
			i = skip_string(t, i, n);
		} else if (t[i] == '{' || t[i] == '[') {
			depth++;
			i++;
		} else if (t[i] == '}' || t[i] == ']') {
			depth--;
			i++;
		} else if (t[i] == ',' || t[i] == ':' || t[i] == ' ' || t[i] == '\t' || t[i] == '\n' || t[i] == '\r') {
			i++;
		} else {
			while (i < n && !strchr(",:]} \t\r\n", t[i]))
				i++;
		}
	} while (depth > 0);
	return i;
}

/* Is the JSON string at t[i] equal to the decoded key k (length kn)? */
static int key_equals(const char *t, size_t i, size_t n, const char *k, size_t kn)
{
	size_t o = 0;
	for (i++; i < n && t[i] != '"'; i++) {
		unsigned char c = (unsigned char)t[i];
		char enc[4];
		size_t el = 1;
		if (c == '\\' && i + 1 < n) {
			char e = t[++i];
			switch (e) {
			case 'b': enc[0] = '\b'; break;
			case 'f': enc[0] = '\f'; break;
			case 'n': enc[0] = '\n'; break;
			case 'r': enc[0] = '\r'; break;
			case 't': enc[0] = '\t'; break;
			case 'u': {
				unsigned long cp = 0;
				if (i + 4 >= n)
					return 0;
				cp = strtoul((char[5]){ t[i + 1], t[i + 2], t[i + 3], t[i + 4], 0 }, NULL, 16);
				i += 4;
				if (cp >= 0xD800 && cp < 0xDC00 && i + 6 < n && t[i + 1] == '\\' && t[i + 2] == 'u') {
					unsigned long lo = strtoul((char[5]){ t[i + 3], t[i + 4], t[i + 5], t[i + 6], 0 }, NULL, 16);
					cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
					i += 6;
				}
				if (cp < 0x80) {
					enc[0] = (char)cp;
				} else if (cp < 0x800) {
					enc[0] = (char)(0xC0 | (cp >> 6));
					enc[1] = (char)(0x80 | (cp & 0x3F));
					el = 2;
				} else if (cp < 0x10000) {
					enc[0] = (char)(0xE0 | (cp >> 12));
					enc[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
					enc[2] = (char)(0x80 | (cp & 0x3F));
					el = 3;
				} else {
					enc[0] = (char)(0xF0 | (cp >> 18));
					enc[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
					enc[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
					enc[3] = (char)(0x80 | (cp & 0x3F));
					el = 4;
				}
				break;
			}
			default: enc[0] = e; break;
			}
		} else {
			enc[0] = (char)c;
		}
		if (o + el > kn || memcmp(k + o, enc, el) != 0)
			return 0;
		o += el;
	}
	return o == kn;
}

/*
 * Byte offset of the value at a JSON pointer (of the member's key when
 * want_key and the last step is an object member) in a text that jansson
 * accepted; 0 (the document) when the pointer leads nowhere.
 */
static size_t locate(const char *t, size_t n, const char *ptr, int want_key)
{
	size_t i = skip_ws(t, 0, n);
	while (*ptr == '/') {
		char seg[PTR_MAX];
		size_t sl = 0;
		int last;
		ptr++;
		while (*ptr && *ptr != '/' && sl < sizeof seg - 1) {
			if (ptr[0] == '~' && (ptr[1] == '0' || ptr[1] == '1')) {
				seg[sl++] = ptr[1] == '0' ? '~' : '/';
				ptr += 2;
			} else {
				seg[sl++] = *ptr++;
			}
		}
		seg[sl] = '\0';
		last = *ptr != '/';
		if (i >= n)
			return 0;
		if (t[i] == '{') {
			int found = 0;
			i = skip_ws(t, i + 1, n);
			while (i < n && t[i] == '"') {
				size_t key = i;
				int eq = key_equals(t, i, n, seg, sl);
				i = skip_ws(t, skip_string(t, i, n), n); /* at ':' */
				i = skip_ws(t, i + 1, n);                /* at the value */
				if (eq) {
					if (last && want_key)
						return key;
					found = 1;
					break;
				}
				i = skip_ws(t, skip_value(t, i, n), n);
				if (i < n && t[i] == ',')
					i = skip_ws(t, i + 1, n);
			}
			if (!found)
				return 0;
		} else if (t[i] == '[') {
			char *end;
			unsigned long k = strtoul(seg, &end, 10);
			if (*end || !sl)
				return 0;
			i = skip_ws(t, i + 1, n);
			for (unsigned long j = 0; j < k; j++) {
				if (i >= n || t[i] == ']')
					return 0;
				i = skip_ws(t, skip_value(t, i, n), n);
				if (i < n && t[i] == ',')
					i = skip_ws(t, i + 1, n);
			}
			if (i >= n || t[i] == ']')
				return 0;
		} else {
			return 0;
		}
	}
	return i;
}

/* Append a pointer step for an object key (RFC 6901 escaping ~ and /). */
static void ptr_key(char *ptr, size_t sz, const char *key)
{
	size_t o = strlen(ptr);
	if (o + 1 < sz)
		ptr[o++] = '/';
	for (; *key && o + 2 < sz; key++) {
		if (*key == '~' || *key == '/') {
			ptr[o++] = '~';
			ptr[o++] = *key == '~' ? '0' : '1';
		} else {
			ptr[o++] = *key;
		}
	}
	ptr[o < sz ? o : sz - 1] = '\0';
}

/*
 * The JSON pointer of the value being read at byte `stop` of a text that
 * may be broken there (jansson's syntax errors): a tolerant scan of the
 * text before it, keeping a stack of containers.
 */
static void path_at(char *out, size_t outsz, const char *t, size_t n, size_t stop)
{
	struct frame {
		int arr;      /* 1 array, 0 object */
		long index;   /* arrays: the element */
		int has_key;  /* objects: a key was read */
		size_t k0, k1; /* objects: the last key's bytes (quotes excluded) */
	} st[64];
	int d = -1;
	size_t i = 0;
	if (stop > n)
		stop = n;
	while (i < stop) {
		char c = t[i];
		if (c == '{' || c == '[') {
			if (d + 1 < (int)(sizeof st / sizeof st[0])) {
				d++;
				st[d].arr = c == '[';
				st[d].index = 0;
				st[d].has_key = 0;
			}
			i++;
		} else if (c == '}' || c == ']') {
			if (d >= 0)
				d--;
			i++;
		} else if (c == ',') {
			if (d >= 0) {
				if (st[d].arr)
					st[d].index++;
				else
					st[d].has_key = 0;
			}
			i++;
		} else if (c == '"') {
			size_t e = skip_string(t, i, n);
			if (d >= 0 && !st[d].arr && !st[d].has_key) {
				/* a key: is a ':' next? */
				size_t j = skip_ws(t, e, n);
				if (j < n && t[j] == ':') {
					st[d].has_key = 1;
					st[d].k0 = i + 1;
					st[d].k1 = e > i + 1 ? e - 1 : i + 1;
				}
			}
			i = e;
		} else {
			i++;
		}
	}
	out[0] = '\0';
	for (int k = 0; k <= d; k++) {
		if (st[k].arr) {
			size_t o = strlen(out);
			snprintf(out + o, outsz - o, "/%ld", st[k].index);
		} else if (st[k].has_key) {
			char key[PTR_MAX];
			size_t kl = st[k].k1 - st[k].k0;
			if (kl >= sizeof key)
				kl = sizeof key - 1;
			memcpy(key, t + st[k].k0, kl);
			key[kl] = '\0';
			ptr_key(out, outsz, key);
		}
	}
}

/* ------------------------------------------------------------------ */
/* The parser's context and its errors                                  */
/* ------------------------------------------------------------------ */

typedef struct sp {
	const char *text; /* the document as given */
	size_t len;
	const char *name; /* for messages: the file or "scheme" */
	eg_scheme_error *err;
	arena *a;
	char ptr[PTR_MAX]; /* the pointer of the value being read */
} sp;

/* Push a step onto p->ptr; returns the previous length for sp_pop(). */
static size_t sp_key(sp *p, const char *key)
{
	size_t o = strlen(p->ptr);
	ptr_key(p->ptr, sizeof p->ptr, key);
	return o;
}

static size_t sp_index(sp *p, size_t i)
{
	size_t o = strlen(p->ptr);
	snprintf(p->ptr + o, sizeof p->ptr - o, "/%zu", i);
	return o;
}

static void sp_pop(sp *p, size_t o)
{
	p->ptr[o] = '\0';
}

/* Copy s into dst (size sz), cutting at a UTF-8 boundary with "…" when too long. */
static void copy_cut(char *dst, size_t sz, const char *s)
{
	size_t n = strlen(s);
	if (n < sz) {
		memcpy(dst, s, n + 1);
		return;
	}
	n = sz - 4; /* room for "…" (3 bytes) and NUL */
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	memcpy(dst, s, n);
	memcpy(dst + n, "\xe2\x80\xa6", 4);
}

/*
 * Record a refusal at byte `off` (-1: not about a place; (size_t)-2: find
 * the pointer's value, or its key when at_key) and return `code`. The
 * message states everything in one sentence.
 */
static int sp_fail_at(sp *p, int code, long long off, int at_key, const char *found, const char *expected)
{
	int32_t line = 0, col = 0;
	char where[PTR_MAX + 96], ptr[PTR_MAX];
	size_t o = 0;
	if (off == -2)
		off = (long long)locate(p->text, p->len, p->ptr, at_key);
	if (off >= 0)
		line_col(&line, &col, p->text, p->len, (size_t)off);
	copy_cut(ptr, sizeof ptr, p->ptr);
	if (line > 0)
		o = (size_t)snprintf(where, sizeof where, "line %d, column %d, ", (int)line, (int)col);
	snprintf(where + o, sizeof where - o, "at %s", ptr[0] ? ptr : "the document's top");
	if (found && *found)
		eg__error(code, "%s: %s: expected %s, found %s", p->name, where, expected, found);
	else
		eg__error(code, "%s: %s: %s", p->name, where, expected);
	if (p->err) {
		p->err->code = code;
		p->err->line = line;
		p->err->column = col;
		p->err->offset = off >= 0 ? off : -1;
		copy_cut(p->err->pointer, sizeof p->err->pointer, p->ptr);
		copy_cut(p->err->expected, sizeof p->err->expected, expected);
		copy_cut(p->err->found, sizeof p->err->found, found ? found : "");
	}
	return code;
}

static int sp_fail(sp *p, int code, const char *found, const char *fmt, ...) EG_PRINTF(4, 5);
static int sp_fail(sp *p, int code, const char *found, const char *fmt, ...)
{
	char expected[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(expected, sizeof expected, fmt, ap);
	va_end(ap);
	return sp_fail_at(p, code, -2, 0, found, expected);
}

static int sp_nomem(sp *p)
{
	int rc = eg__error_nomem("loading a scheme");
	if (p->err) {
		p->err->code = rc;
		copy_cut(p->err->expected, sizeof p->err->expected, "memory");
	}
	return rc;
}

/* A short description of a JSON value for "found …". */
static void describe(char *out, size_t sz, json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_OBJECT: snprintf(out, sz, "an object"); break;
	case JSON_ARRAY: snprintf(out, sz, "an array"); break;
	case JSON_STRING: {
		char q[96];
		eg__quote(q, sizeof q, json_string_value(v), json_string_length(v));
		snprintf(out, sz, "\"%s\"", q);
		break;
	}
	case JSON_INTEGER: snprintf(out, sz, "%" JSON_INTEGER_FORMAT, json_integer_value(v)); break;
	case JSON_REAL: snprintf(out, sz, "%.17g", json_real_value(v)); break;
	case JSON_TRUE: snprintf(out, sz, "true"); break;
	case JSON_FALSE: snprintf(out, sz, "false"); break;
	default: snprintf(out, sz, "null"); break;
	}
}

static int sp_type(sp *p, json_t *v, const char *expected)
{
	char found[128];
	describe(found, sizeof found, v);
	return sp_fail(p, EG_EPARSE, found, "%s", expected);
}

/*
 * Check that an object has only the allowed keys, and every required one
 * (required[] a subset of allowed[], NULL-terminated lists).
 */
static int sp_keys(sp *p, json_t *obj, const char *what, const char *const *allowed, const char *const *required)
{
	const char *key;
	json_t *v;
	if (!json_is_object(obj)) {
		char e[128];
		snprintf(e, sizeof e, "%s (an object)", what);
		return sp_type(p, obj, e);
	}
	json_object_foreach(obj, key, v) {
		int ok = 0;
		for (size_t k = 0; allowed[k]; k++)
			ok |= strcmp(allowed[k], key) == 0;
		if (!ok) {
			char list[600], found[160], q[96];
			size_t o = 0, at = sp_key(p, key);
			int rc;
			list[0] = '\0';
			for (size_t k = 0; allowed[k] && o < sizeof list; k++)
				o += (size_t)snprintf(list + o, sizeof list - o, "%s%s", k ? ", " : "", allowed[k]);
			eg__quote(q, sizeof q, key, strlen(key));
			snprintf(found, sizeof found, "the unknown key \"%s\"", q);
			{
				char expected[700];
				snprintf(expected, sizeof expected, "one of the keys of %s: %s", what, list);
				rc = sp_fail_at(p, EG_EPARSE, -2, 1, found, expected);
			}
			sp_pop(p, at);
			return rc;
		}
	}
	for (size_t k = 0; required && required[k]; k++)
		if (!json_object_get(obj, required[k]))
			return sp_fail(p, EG_EPARSE, "", "%s needs the key \"%s\"", what, required[k]);
	return EG_OK;
}

/* A string member: required or optional (absent or null: *out NULL). */
static int sp_str(sp *p, const char **out, json_t *obj, const char *key, int required, size_t max_bytes,
		  const char *what)
{
	json_t *v = json_object_get(obj, key);
	size_t at;
	int rc = EG_OK;
	*out = NULL;
	if (!v || json_is_null(v)) {
		if (required && v) {
			at = sp_key(p, key);
			rc = sp_type(p, v, "a string");
			sp_pop(p, at);
			return rc;
		}
		if (required)
			return sp_fail(p, EG_EPARSE, "", "%s needs \"%s\" (a string)", what, key);
		return EG_OK;
	}
	at = sp_key(p, key);
	if (!json_is_string(v)) {
		rc = sp_type(p, v, "a string");
	} else {
		const char *s = json_string_value(v);
		size_t n = json_string_length(v);
		char found[160], q[96];
		eg__quote(q, sizeof q, s, n);
		snprintf(found, sizeof found, "\"%s\" (%zu bytes)", q, n);
		if (n == 0)
			rc = sp_fail(p, EG_EPARSE, "an empty string", "a non-empty string");
		else if (n > max_bytes)
			rc = sp_fail(p, EG_ERANGE, found, "a string of at most %zu bytes", max_bytes);
		else {
			for (size_t i = 0; i < n; i++)
				if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f) {
					rc = sp_fail(p, EG_EPARSE, found, "a string without control characters");
					break;
				}
			if (rc == EG_OK && !(*out = arena_strndup(p->a, s, n)))
				rc = sp_nomem(p);
		}
	}
	sp_pop(p, at);
	return rc;
}

/* An ID: a string of printable ASCII letters, digits and . _ - ( ) (no spaces), at most 64 bytes. */
static int sp_id(sp *p, const char **out, json_t *obj, const char *key, int required, const char *what)
{
	int rc = sp_str(p, out, obj, key, required, ID_MAX, what);
	if (rc == EG_OK && *out) {
		for (const char *c = *out; *c; c++)
			if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') ||
			      strchr("._-()", *c))) {
				size_t at = sp_key(p, key);
				char found[96];
				snprintf(found, sizeof found, "\"%s\"", *out);
				rc = sp_fail(p, EG_EPARSE, found, "an ID of letters, digits and . _ - ( )");
				sp_pop(p, at);
				break;
			}
	}
	return rc;
}

/* An integer member within [lo, hi]; absent: *out = dflt when !required. */
static int sp_int(sp *p, int64_t *out, int *present, json_t *obj, const char *key, int required, int64_t lo,
		  int64_t hi, int64_t dflt, const char *what)
{
	json_t *v = json_object_get(obj, key);
	size_t at;
	int rc = EG_OK;
	if (present)
		*present = v != NULL && !json_is_null(v);
	*out = dflt;
	if (!v) {
		if (required)
			return sp_fail(p, EG_EPARSE, "", "%s needs \"%s\" (an integer from %lld to %lld)", what, key,
				       (long long)lo, (long long)hi);
		return EG_OK;
	}
	at = sp_key(p, key);
	if (!json_is_integer(v)) {
		char e[96];
		snprintf(e, sizeof e, "an integer from %lld to %lld", (long long)lo, (long long)hi);
		rc = sp_type(p, v, e);
	} else if (json_integer_value(v) < lo || json_integer_value(v) > hi) {
		char found[64];
		snprintf(found, sizeof found, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
		rc = sp_fail(p, EG_ERANGE, found, "an integer from %lld to %lld", (long long)lo, (long long)hi);
	} else {
		*out = json_integer_value(v);
	}
	sp_pop(p, at);
	return rc;
}

static int sp_i32(sp *p, int32_t *out, int *present, json_t *obj, const char *key, int required, int64_t lo,
		  int64_t hi, int64_t dflt, const char *what)
{
	int64_t v;
	int rc = sp_int(p, &v, present, obj, key, required, lo, hi, dflt, what);
	*out = (int32_t)v; /* lo..hi fit 32 bits */
	return rc;
}

static int sp_bool(sp *p, int *out, json_t *obj, const char *key)
{
	json_t *v = json_object_get(obj, key);
	*out = 0;
	if (!v)
		return EG_OK;
	if (!json_is_boolean(v)) {
		size_t at = sp_key(p, key);
		int rc = sp_type(p, v, "true or false");
		sp_pop(p, at);
		return rc;
	}
	*out = json_is_true(v);
	return EG_OK;
}

/* One of the words of `words` (NULL-terminated); *out gets its index. */
static int sp_enum(sp *p, int *out, json_t *obj, const char *key, int required, const char *const *words,
		   int dflt, const char *what)
{
	json_t *v = json_object_get(obj, key);
	size_t at;
	char list[300];
	size_t o = 0;
	*out = dflt;
	list[0] = '\0';
	for (size_t k = 0; words[k] && o < sizeof list; k++)
		o += (size_t)snprintf(list + o, sizeof list - o, "%s\"%s\"", k ? ", " : "", words[k]);
	if (!v) {
		if (required)
			return sp_fail(p, EG_EPARSE, "", "%s needs \"%s\" (one of %s)", what, key, list);
		return EG_OK;
	}
	at = sp_key(p, key);
	if (json_is_string(v))
		for (int k = 0; words[k]; k++)
			if (strcmp(words[k], json_string_value(v)) == 0) {
				*out = k;
				sp_pop(p, at);
				return EG_OK;
			}
	{
		char e[340];
		snprintf(e, sizeof e, "one of %s", list);
		{
			int rc = sp_type(p, v, e);
			sp_pop(p, at);
			return rc;
		}
	}
}

/* A date "YYYY-MM-DD" (or null / absent when !required, *out = "" then). */
static int sp_date(sp *p, char *out, int64_t *days, json_t *obj, const char *key, int required, const char *what)
{
	const char *s = NULL;
	int rc;
	json_t *v = json_object_get(obj, key);
	out[0] = '\0';
	if (required && (!v || json_is_null(v)))
		return sp_fail(p, EG_EPARSE, "", "%s needs \"%s\" (a date YYYY-MM-DD)", what, key);
	if ((rc = sp_str(p, &s, obj, key, 0, 10, what)) < 0) {
		if (rc == EG_ERANGE) { /* too long for a date: say what a date is */
			size_t at = sp_key(p, key);
			rc = sp_type(p, v, "a date YYYY-MM-DD");
			sp_pop(p, at);
		}
		return rc;
	}
	if (!s)
		return EG_OK;
	if (eg__date_parse(days, s) < 0) {
		size_t at = sp_key(p, key);
		rc = sp_type(p, v, "a date YYYY-MM-DD");
		sp_pop(p, at);
		return rc;
	}
	memcpy(out, s, 11);
	return EG_OK;
}

/* {"zh": ..., "en": ...} */
static int sp_text(sp *p, sc_text *out, json_t *obj, const char *key, int required, size_t max, const char *what)
{
	static const char *const keys[] = { "zh", "en", NULL };
	json_t *v = json_object_get(obj, key);
	size_t at;
	int rc;
	out->zh = out->en = NULL;
	if (!v || json_is_null(v)) {
		if (required)
			return sp_fail(p, EG_EPARSE, "", "%s needs \"%s\" ({\"zh\": …, \"en\": …})", what, key);
		return EG_OK;
	}
	at = sp_key(p, key);
	if ((rc = sp_keys(p, v, "a text in Chinese and English", keys, keys)) == EG_OK &&
	    (rc = sp_str(p, &out->zh, v, "zh", 1, max, "a text")) == EG_OK)
		rc = sp_str(p, &out->en, v, "en", 1, max, "a text");
	sp_pop(p, at);
	return rc;
}

/* {"article": ..., "quote": ...}: required everywhere it appears. */
static int sp_src(sp *p, sc_src *out, json_t *obj, const char *what)
{
	static const char *const keys[] = { "article", "quote", NULL };
	json_t *v = json_object_get(obj, "source");
	size_t at;
	int rc;
	out->article = out->quote = NULL;
	if (!v)
		return sp_fail(p, EG_EPARSE, "", "%s needs \"source\": the article and the regulation's words "
				 "({\"article\": …, \"quote\": …})", what);
	at = sp_key(p, "source");
	if ((rc = sp_keys(p, v, "a source", keys, keys)) == EG_OK &&
	    (rc = sp_str(p, &out->article, v, "article", 1, TITLE_MAX, "a source")) == EG_OK)
		rc = sp_str(p, &out->quote, v, "quote", 1, QUOTE_MAX, "a source");
	sp_pop(p, at);
	return rc;
}

/* An optional array member: *arr NULL and *n 0 when absent. */
static int sp_array(sp *p, json_t **arr, size_t *n, json_t *obj, const char *key, size_t max, const char *what)
{
	json_t *v = json_object_get(obj, key);
	*arr = NULL;
	*n = 0;
	if (!v)
		return EG_OK;
	if (!json_is_array(v)) {
		size_t at = sp_key(p, key);
		int rc = sp_type(p, v, what);
		sp_pop(p, at);
		return rc;
	}
	if (json_array_size(v) > max) {
		size_t at = sp_key(p, key);
		char found[64];
		int rc;
		snprintf(found, sizeof found, "%zu entries", json_array_size(v));
		rc = sp_fail(p, EG_ERANGE, found, "at most %zu entries", max);
		sp_pop(p, at);
		return rc;
	}
	*arr = v;
	*n = json_array_size(v);
	return EG_OK;
}

/* Allocate n zeroed elements of size `size` from the arena (n may be 0). */
static void *sp_calloc(sp *p, size_t n, size_t size)
{
	size_t bytes;
	if (!eg__mul_ok(&bytes, n ? n : 1, size))
		return NULL;
	return arena_alloc(p->a, bytes);
}

/* A duplicate ID among the first n of ids[]? Reports at the i-th element's key `key`. */
static int sp_unique(sp *p, const char *const *ids, size_t n, const char *key, const char *what)
{
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < i; j++)
			if (ids[i] && ids[j] && strcmp(ids[i], ids[j]) == 0) {
				size_t at = sp_index(p, i), at2 = sp_key(p, key);
				char found[120];
				int rc;
				snprintf(found, sizeof found, "\"%s\", already the ID of entry %zu", ids[i], j);
				rc = sp_fail(p, EG_EEXISTS, found, "an ID that no other %s has", what);
				sp_pop(p, at2);
				sp_pop(p, at);
				return rc;
			}
	return EG_OK;
}

/* ------------------------------------------------------------------ */
/* Phase 1: the document into the model                                 */
/* ------------------------------------------------------------------ */

static const char *const measure_words[] = { "share", "at_least", "last_place", "bottom_n", "flag", NULL };
static const char *const clause_kind_words[] = { "single", "consecutive", "rolling_12", "calendar_year", NULL };
static const char *const flag_words[] = { "none", "month", "year", NULL };
static const char *const item_kind_words[] = { "status", "deduction", NULL };
static const char *const veto_mode_words[] = { "total", "item_only", NULL };
static const char *const grade_words[] = { "fail", "pass", "good", "excellent", NULL }; /* index = eg_grade */
static const char *const period_words[] = { "day", "week", "month", "quarter", "year", NULL };
static const char *const deadline_words[] = { "after_quarter", "months_after", "yearly", NULL };
static const char *const metric_words[] = { "none", "improvement_rate", "composite_index", NULL };
static const char *const feed_words[] = { "item_count", "failed", NULL };
static const char *const pollutant_keys[] = { "so2", "no2", "pm10", "pm25", "co", "o3", NULL };

static int parse_item(sp *p, sc_item *it, json_t *o)
{
	static const char *const keys[] = { "id", "rule", "section", "name", "kind", "max_points", "per_occurrence", "floor",
					    "overflow", "veto", "adverse_fail", "per_situation", "source", NULL };
	static const char *const req[] = { "id", "rule", "section", "name", "kind", "max_points", "source", NULL };
	int64_t v;
	int rc, has;
	if ((rc = sp_keys(p, o, "an item", keys, req)) < 0 || (rc = sp_id(p, &it->id, o, "id", 1, "an item")) < 0 ||
	    (rc = sp_id(p, &it->rule, o, "rule", 1, "an item")) < 0 ||
	    (rc = sp_id(p, &it->section, o, "section", 1, "an item")) < 0 ||
	    (rc = sp_text(p, &it->name, o, "name", 1, NAME_MAX_B, "an item")) < 0 ||
	    (rc = sp_enum(p, &it->kind, o, "kind", 1, item_kind_words, 0, "an item")) < 0 ||
	    (rc = sp_i32(p, &it->max, NULL, o, "max_points", 1, 0, POINTS_MAX, 0, "an item")) < 0 ||
	    (rc = sp_bool(p, &it->overflow, o, "overflow")) < 0 || (rc = sp_bool(p, &it->veto, o, "veto")) < 0 ||
	    (rc = sp_bool(p, &it->adverse, o, "adverse_fail")) < 0 ||
	    (rc = sp_bool(p, &it->situation, o, "per_situation")) < 0 || (rc = sp_src(p, &it->src, o, "an item")) < 0)
		return rc;
	if (it->kind == 0) {
		/* A status item is met (all its points) or not (none). */
		static const char *const not_status[] = { "per_occurrence", "floor", "overflow", "adverse_fail",
							  "per_situation" };
		for (size_t k = 0; k < sizeof not_status / sizeof not_status[0]; k++)
			if (json_object_get(o, not_status[k])) {
				size_t at = sp_key(p, not_status[k]);
				rc = sp_fail_at(p, EG_EPARSE, -2, 1, not_status[k],
						"no deduction keys on a status item (per_occurrence, floor, overflow, "
						"adverse_fail and per_situation belong to \"kind\": \"deduction\")");
				sp_pop(p, at);
				return rc;
			}
		return EG_OK;
	}
	if ((rc = sp_i32(p, &it->per, NULL, o, "per_occurrence", 1, 0, POINTS_MAX, 0, "a deduction item")) < 0)
		return rc;
	if (!json_object_get(o, "floor"))
		return sp_fail(p, EG_EPARSE, "", "a deduction item needs \"floor\" (an integer, or null for no floor)");
	if (json_is_null(json_object_get(o, "floor"))) {
		it->has_floor = 0;
		return EG_OK;
	}
	if ((rc = sp_int(p, &v, &has, o, "floor", 1, -POINTS_MAX, POINTS_MAX, 0, "a deduction item")) < 0)
		return rc;
	it->floor = (int32_t)v;
	it->has_floor = 1;
	return EG_OK;
}

static int parse_section(sp *p, sc_section *s, json_t *o)
{
	static const char *const keys[] = { "id", "name", "max_points", NULL };
	static const char *const req[] = { "id", "name", NULL };
	int rc;
	if ((rc = sp_keys(p, o, "a section", keys, req)) < 0 || (rc = sp_id(p, &s->id, o, "id", 1, "a section")) < 0 ||
	    (rc = sp_text(p, &s->name, o, "name", 1, NAME_MAX_B, "a section")) < 0)
		return rc;
	return sp_i32(p, &s->max, &s->has_max, o, "max_points", 0, 0, POINTS_MAX, 0, "a section");
}

static int parse_level(sp *p, sc_level *l, json_t *o)
{
	static const char *const keys[] = { "id", "rule", "name", "amount", "fail", "source", NULL };
	static const char *const req[] = { "id", "rule", "name", "source", NULL };
	int rc, has;
	if ((rc = sp_keys(p, o, "a penalty level", keys, req)) < 0 || (rc = sp_id(p, &l->id, o, "id", 1, "a level")) < 0 ||
	    (rc = sp_id(p, &l->rule, o, "rule", 1, "a level")) < 0 ||
	    (rc = sp_text(p, &l->name, o, "name", 1, NAME_MAX_B, "a level")) < 0 ||
	    (rc = sp_bool(p, &l->fail, o, "fail")) < 0 ||
	    (rc = sp_i32(p, &l->amount, &has, o, "amount", 0, 0, POINTS_MAX, 0, "a level")) < 0 ||
	    (rc = sp_src(p, &l->src, o, "a level")) < 0)
		return rc;
	if (l->fail == has)
		return sp_fail(p, EG_EPARSE, has ? "both" : "neither",
			       "a penalty level with either \"amount\" (points) or \"fail\": true (the period fails)");
	return EG_OK;
}

static int parse_cond(sp *p, sc_cond *c, json_t *o)
{
	static const char *const keys[] = { "id", "rule", "text", "source", NULL };
	int rc;
	if ((rc = sp_keys(p, o, "a forced-fail condition", keys, keys)) < 0 ||
	    (rc = sp_id(p, &c->id, o, "id", 1, "a condition")) < 0 ||
	    (rc = sp_id(p, &c->rule, o, "rule", 1, "a condition")) < 0 ||
	    (rc = sp_text(p, &c->text, o, "text", 1, NAME_MAX_B, "a condition")) < 0)
		return rc;
	return sp_src(p, &c->src, o, "a condition");
}

static int parse_grade(sp *p, sc_grade *g, json_t *o)
{
	static const char *const keys[] = { "grade", "min_points", "max_points", "rule", "source", NULL };
	static const char *const req[] = { "grade", "min_points", "rule", "source", NULL };
	static const char *const names[] = { "pass", "good", "excellent", NULL };
	int rc;
	if ((rc = sp_keys(p, o, "a grade", keys, req)) < 0 ||
	    (rc = sp_enum(p, &g->grade, o, "grade", 1, names, 0, "a grade")) < 0 ||
	    (rc = sp_i32(p, &g->min, NULL, o, "min_points", 1, -POINTS_MAX, POINTS_MAX, 0, "a grade")) < 0 ||
	    (rc = sp_i32(p, &g->max, &g->has_max, o, "max_points", 0, -POINTS_MAX, POINTS_MAX, 0, "a grade")) < 0 ||
	    (rc = sp_id(p, &g->rule, o, "rule", 1, "a grade")) < 0 || (rc = sp_src(p, &g->src, o, "a grade")) < 0)
		return rc;
	g->grade += 1; /* pass = 1, good = 2, excellent = 3 (eg_grade) */
	return EG_OK;
}

/* {"rule": ..., <extra>, "source": ...} blocks: veto, bonus, annual, ranking, tampering. */
static int parse_ruled(sp *p, const char **rule, sc_src *src, json_t *o, const char *what,
		       const char *const *keys, const char *const *req)
{
	int rc;
	if ((rc = sp_keys(p, o, what, keys, req)) < 0 || (rc = sp_id(p, rule, o, "rule", 1, what)) < 0)
		return rc;
	return sp_src(p, src, o, what);
}

static int parse_ruleset(sp *p, sc_ruleset *r, json_t *o)
{
	static const char *const keys[] = { "id", "document", "valid_from", "valid_to", "scale", "total_rule", "sections", "items",
					    "veto", "bonus", "penalties", "forced_fails", "grades", "annual", "periods", NULL };
	static const char *const req[] = { "id", "document", "total_rule", "sections", "items", NULL };
	json_t *arr, *v;
	size_t n;
	int64_t d, scale;
	int rc, has_from;
	if ((rc = sp_keys(p, o, "a rule set", keys, req)) < 0 || (rc = sp_id(p, &r->id, o, "id", 1, "a rule set")) < 0 ||
	    (rc = sp_str(p, &r->document, o, "document", 1, NAME_MAX_B, "a rule set")) < 0 ||
	    (rc = sp_date(p, r->from, &d, o, "valid_from", 0, "a rule set")) < 0 ||
	    (rc = sp_date(p, r->to, &d, o, "valid_to", 0, "a rule set")) < 0 ||
	    (rc = sp_int(p, &scale, NULL, o, "scale", 0, 1, 10, 1, "a rule set")) < 0 ||
	    (rc = sp_id(p, &r->total_rule, o, "total_rule", 1, "a rule set")) < 0)
		return rc;
	has_from = r->from[0] != '\0';
	if (!has_from && r->to[0])
		return sp_fail(p, EG_EPARSE, "", "a rule set with \"valid_to\" needs \"valid_from\" too");
	r->has_validity = has_from;
	if (scale != 1 && scale != 10) {
		size_t at = sp_key(p, "scale");
		char found[32];
		snprintf(found, sizeof found, "%lld", (long long)scale);
		rc = sp_fail(p, EG_ERANGE, found, "1 (whole points) or 10 (tenths), R0.2");
		sp_pop(p, at);
		return rc;
	}
	r->scale = (int)scale;
	/* sections */
	if ((rc = sp_array(p, &arr, &n, o, "sections", 64, "an array of sections")) < 0)
		return rc;
	r->sections = sp_calloc(p, n, sizeof *r->sections);
	if (!r->sections)
		return sp_nomem(p);
	r->n_sections = n;
	{
		size_t at = sp_key(p, "sections");
		const char *ids[64];
		for (size_t i = 0; i < n && rc == EG_OK; i++) {
			size_t a2 = sp_index(p, i);
			rc = parse_section(p, &r->sections[i], json_array_get(arr, i));
			ids[i] = r->sections[i].id;
			sp_pop(p, a2);
		}
		if (rc == EG_OK)
			rc = sp_unique(p, ids, n, "id", "section");
		sp_pop(p, at);
		if (rc < 0)
			return rc;
	}
	/* items */
	if ((rc = sp_array(p, &arr, &n, o, "items", 256, "an array of items")) < 0)
		return rc;
	if (!(r->items = sp_calloc(p, n, sizeof *r->items)))
		return sp_nomem(p);
	r->n_items = n;
	{
		size_t at = sp_key(p, "items");
		const char *ids[256];
		for (size_t i = 0; i < n && rc == EG_OK; i++) {
			size_t a2 = sp_index(p, i);
			rc = parse_item(p, &r->items[i], json_array_get(arr, i));
			ids[i] = r->items[i].id;
			sp_pop(p, a2);
		}
		if (rc == EG_OK)
			rc = sp_unique(p, ids, n, "id", "item");
		sp_pop(p, at);
		if (rc < 0)
			return rc;
	}
	/* veto */
	if ((v = json_object_get(o, "veto"))) {
		static const char *const k[] = { "rule", "mode", "source", NULL };
		size_t at = sp_key(p, "veto");
		rc = parse_ruled(p, &r->veto_rule, &r->veto_src, v, "the veto rule", k, k);
		if (rc == EG_OK)
			rc = sp_enum(p, &r->veto_mode, v, "mode", 1, veto_mode_words, 0, "the veto rule");
		sp_pop(p, at);
		if (rc < 0)
			return rc;
		r->has_veto = 1;
	}
	/* bonus */
	if ((v = json_object_get(o, "bonus"))) {
		static const char *const k[] = { "rule", "per_event", "cap", "source", NULL };
		size_t at = sp_key(p, "bonus");
		rc = parse_ruled(p, &r->bonus_rule, &r->bonus_src, v, "the bonus", k, k);
		if (rc == EG_OK)
			rc = sp_i32(p, &r->bonus_per, NULL, v, "per_event", 1, 0, POINTS_MAX, 0, "the bonus");
		if (rc == EG_OK)
			rc = sp_i32(p, &r->bonus_cap, NULL, v, "cap", 1, 0, POINTS_MAX, 0, "the bonus");
		sp_pop(p, at);
		if (rc < 0)
			return rc;
		r->has_bonus = 1;
	}
	/* penalties */
	if ((v = json_object_get(o, "penalties"))) {
		static const char *const k[] = { "section", "levels", NULL };
		size_t at = sp_key(p, "penalties");
		rc = sp_keys(p, v, "the penalties", k, k);
		if (rc == EG_OK)
			rc = sp_id(p, &r->penalty_section, v, "section", 1, "the penalties");
		if (rc == EG_OK)
			rc = sp_array(p, &arr, &n, v, "levels", 32, "an array of penalty levels (at most 32)");
		if (rc == EG_OK && n == 0) {
			size_t a2 = sp_key(p, "levels");
			rc = sp_fail(p, EG_EPARSE, "an empty array", "at least one penalty level");
			sp_pop(p, a2);
		}
		if (rc == EG_OK && !(r->levels = sp_calloc(p, n, sizeof *r->levels)))
			rc = sp_nomem(p);
		if (rc == EG_OK) {
			size_t a2 = sp_key(p, "levels");
			const char *ids[32];
			r->n_levels = n;
			for (size_t i = 0; i < n && rc == EG_OK; i++) {
				size_t a3 = sp_index(p, i);
				rc = parse_level(p, &r->levels[i], json_array_get(arr, i));
				ids[i] = r->levels[i].id;
				sp_pop(p, a3);
			}
			if (rc == EG_OK)
				rc = sp_unique(p, ids, n, "id", "penalty level");
			sp_pop(p, a2);
		}
		sp_pop(p, at);
		if (rc < 0)
			return rc;
		r->has_penalties = 1;
	}
	/* forced fails */
	if ((rc = sp_array(p, &arr, &n, o, "forced_fails", 32, "an array of forced-fail conditions (at most 32)")) < 0)
		return rc;
	if (!(r->conds = sp_calloc(p, n, sizeof *r->conds)))
		return sp_nomem(p);
	r->n_conds = n;
	{
		size_t at = sp_key(p, "forced_fails");
		const char *ids[32];
		for (size_t i = 0; i < n && rc == EG_OK; i++) {
			size_t a2 = sp_index(p, i);
			rc = parse_cond(p, &r->conds[i], json_array_get(arr, i));
			ids[i] = r->conds[i].id;
			sp_pop(p, a2);
		}
		if (rc == EG_OK)
			rc = sp_unique(p, ids, n, "id", "condition");
		sp_pop(p, at);
		if (rc < 0)
			return rc;
	}
	/* grades */
	if ((rc = sp_array(p, &arr, &n, o, "grades", 3, "an array of at most 3 grades (pass, good, excellent)")) < 0)
		return rc;
	if (!(r->grades = sp_calloc(p, n, sizeof *r->grades)))
		return sp_nomem(p);
	r->n_grades = n;
	{
		size_t at = sp_key(p, "grades");
		for (size_t i = 0; i < n && rc == EG_OK; i++) {
			size_t a2 = sp_index(p, i);
			rc = parse_grade(p, &r->grades[i], json_array_get(arr, i));
			sp_pop(p, a2);
		}
		sp_pop(p, at);
		if (rc < 0)
			return rc;
	}
	/* annual */
	if ((v = json_object_get(o, "annual"))) {
		static const char *const k[] = { "rule", "method", "source", NULL };
		static const char *const methods[] = { "mean", NULL };
		int method;
		size_t at = sp_key(p, "annual");
		rc = parse_ruled(p, &r->annual_rule, &r->annual_src, v, "the annual rule", k, k);
		if (rc == EG_OK)
			rc = sp_enum(p, &method, v, "method", 1, methods, 0, "the annual rule");
		sp_pop(p, at);
		if (rc < 0)
			return rc;
		r->has_annual = 1;
	}
	/* periods (JM-2.2.1): the months' counts summed, so deduction items only (JM-2.2). */
	if ((v = json_object_get(o, "periods"))) {
		static const char *const k[] = { "rule", "method", "source", NULL };
		static const char *const methods[] = { "sum", NULL };
		const char *why = NULL;
		char what[96];
		int method;
		size_t at = sp_key(p, "periods");
		rc = parse_ruled(p, &r->periods_rule, &r->periods_src, v, "the half-year and year totals", k, k);
		if (rc == EG_OK)
			rc = sp_enum(p, &method, v, "method", 1, methods, 0, "the half-year and year totals");
		for (size_t i = 0; rc == EG_OK && !why && i < r->n_items; i++)
			if (r->items[i].kind == 0 || r->items[i].adverse) {
				snprintf(what, sizeof what, "item %s is a %s", r->items[i].id,
					 r->items[i].kind == 0 ? "status item" : "deduction item with adverse_fail");
				why = what;
			}
		if (rc == EG_OK && !why)
			why = r->has_bonus ? "a bonus" : r->has_penalties ? "penalties" : r->n_conds ? "forced_fails" : NULL;
		if (rc == EG_OK && why)
			rc = sp_fail(p, EG_EPARSE, why,
				     "a rule set of deduction items only, without bonus, penalties or forced_fails (half-year "
				     "and year totals sum the months' counts, JM-2.2)");
		sp_pop(p, at);
		if (rc < 0)
			return rc;
		r->has_periods = 1;
	}
	return EG_OK;
}

static int parse_clause(sp *p, sc_clause *c, json_t *o)
{
	static const char *const keys[] = { "rule", "action", "kind", "count", "threshold", "window_sum", "flag", "source", NULL };
	static const char *const req[] = { "rule", "action", "kind", "source", NULL };
	int rc;
	if ((rc = sp_keys(p, o, "a clause", keys, req)) < 0 || (rc = sp_id(p, &c->rule, o, "rule", 1, "a clause")) < 0 ||
	    (rc = sp_id(p, &c->action, o, "action", 1, "a clause")) < 0 ||
	    (rc = sp_enum(p, &c->kind, o, "kind", 1, clause_kind_words, 0, "a clause")) < 0 ||
	    (rc = sp_i32(p, &c->count, NULL, o, "count", 0, 1, COUNT_MAX_LADDER, 1, "a clause")) < 0 ||
	    (rc = sp_int(p, &c->threshold, NULL, o, "threshold", 0, 0, THRESHOLD_MAX, 0, "a clause")) < 0 ||
	    (rc = sp_bool(p, &c->window_sum, o, "window_sum")) < 0 ||
	    (rc = sp_enum(p, &c->flag, o, "flag", 0, flag_words, 0, "a clause")) < 0)
		return rc;
	return sp_src(p, &c->src, o, "a clause");
}

static int parse_action(sp *p, sc_action *a, json_t *o)
{
	static const char *const keys[] = { "id", "name", NULL };
	static const char *const req[] = { "id", NULL };
	int rc;
	if ((rc = sp_keys(p, o, "an action", keys, req)) < 0 || (rc = sp_id(p, &a->id, o, "id", 1, "an action")) < 0)
		return rc;
	/* A missing name loads in phase 1 so that eg_scheme_check() can report
	 * it (action-unnamed); phase 2 refuses it. */
	return sp_text(p, &a->name, o, "name", 0, NAME_MAX_B, "an action");
}

static int parse_ladder(sp *p, sc_ladder *l, json_t *o)
{
	static const char *const keys[] = { "id", "measure", "label", "flag_label", "actions", "clauses", NULL };
	static const char *const req[] = { "id", "measure", "label", "actions", "clauses", NULL };
	json_t *arr;
	size_t n;
	int rc;
	if ((rc = sp_keys(p, o, "a ladder", keys, req)) < 0 || (rc = sp_id(p, &l->id, o, "id", 1, "a ladder")) < 0 ||
	    (rc = sp_enum(p, &l->measure, o, "measure", 1, measure_words, 0, "a ladder")) < 0 ||
	    (rc = sp_text(p, &l->label, o, "label", 1, NAME_MAX_B, "a ladder")) < 0 ||
	    (rc = sp_text(p, &l->flag_label, o, "flag_label", 0, NAME_MAX_B, "a ladder")) < 0)
		return rc;
	if ((rc = sp_array(p, &arr, &n, o, "actions", 15, "an array of at most 15 actions, mildest first")) < 0)
		return rc;
	if (!(l->actions = sp_calloc(p, n, sizeof *l->actions)))
		return sp_nomem(p);
	l->n_actions = n;
	{
		size_t at = sp_key(p, "actions");
		const char *ids[15];
		for (size_t i = 0; i < n && rc == EG_OK; i++) {
			size_t a2 = sp_index(p, i);
			rc = parse_action(p, &l->actions[i], json_array_get(arr, i));
			ids[i] = l->actions[i].id;
			sp_pop(p, a2);
		}
		if (rc == EG_OK)
			rc = sp_unique(p, ids, n, "id", "action");
		sp_pop(p, at);
		if (rc < 0)
			return rc;
	}
	if ((rc = sp_array(p, &arr, &n, o, "clauses", 32, "an array of at most 32 clauses")) < 0)
		return rc;
	if (!(l->clauses = sp_calloc(p, n, sizeof *l->clauses)))
		return sp_nomem(p);
	l->n_clauses = n;
	{
		size_t at = sp_key(p, "clauses");
		for (size_t i = 0; i < n && rc == EG_OK; i++) {
			size_t a2 = sp_index(p, i);
			rc = parse_clause(p, &l->clauses[i], json_array_get(arr, i));
			sp_pop(p, a2);
		}
		sp_pop(p, at);
	}
	return rc;
}

/* Six numbers by pollutant key: {"so2": …, …}. */
static int parse_pollutants(sp *p, double *out, json_t *o, const char *key, const char *what)
{
	json_t *v = json_object_get(o, key);
	size_t at = sp_key(p, key);
	int rc = sp_keys(p, v, what, pollutant_keys, pollutant_keys);
	for (size_t k = 0; rc == EG_OK && pollutant_keys[k]; k++) {
		json_t *x = json_object_get(v, pollutant_keys[k]);
		size_t a2 = sp_key(p, pollutant_keys[k]);
		if (!json_is_number(x)) {
			rc = sp_type(p, x, "a number");
		} else {
			double d = json_number_value(x);
			char buf[40];
			snprintf(buf, sizeof buf, "%.15g", d);
			/* Limits and weights are decimals of at most 15 significant
			 * digits, so that writing them back gives the same numbers. */
			if (strtod(buf, NULL) != d)
				rc = sp_type(p, x, "a decimal of at most 15 significant digits");
			else if (!(d >= 0) || d > 1e9)
				rc = sp_type(p, x, "a number from 0 to 1e9");
			else
				out[k] = d;
		}
		sp_pop(p, a2);
	}
	sp_pop(p, at);
	return rc;
}

static int parse_air(sp *p, sc_air *a, json_t *o)
{
	static const char *const keys[] = { "rule", "profile", "source", "ranking", "last_place_ladder", "tampering", NULL };
	static const char *const req[] = { "rule", "profile", "source", NULL };
	json_t *v;
	int rc;
	if ((rc = sp_keys(p, o, "the air-quality set-up", keys, req)) < 0 ||
	    (rc = sp_id(p, &a->rule, o, "rule", 1, "the air-quality set-up")) < 0 ||
	    (rc = sp_src(p, &a->src, o, "the air-quality set-up")) < 0 ||
	    (rc = sp_id(p, &a->last_place, o, "last_place_ladder", 0, "the air-quality set-up")) < 0)
		return rc;
	a->present = 1;
	v = json_object_get(o, "profile");
	if (json_is_string(v)) {
		if ((rc = sp_id(p, &a->profile_name, o, "profile", 1, "the air-quality set-up")) < 0)
			return rc;
		a->profile_kind = strcmp(a->profile_name, "by_date") == 0 ? PROFILE_BY_DATE : PROFILE_NAMED;
	} else if (json_is_object(v)) {
		static const char *const pk[] = { "name", "limits", "weights", "aqi_table", NULL };
		static const char *const pr[] = { "name", "limits", "aqi_table", NULL };
		int64_t table = 2012;
		size_t at = sp_key(p, "profile");
		rc = sp_keys(p, v, "a custom profile", pk, pr);
		if (rc == EG_OK)
			rc = sp_id(p, &a->profile_name, v, "name", 1, "a custom profile");
		if (rc == EG_OK)
			rc = parse_pollutants(p, a->limits, v, "limits", "the limits S_i (µg/m³, CO mg/m³)");
		if (rc == EG_OK && json_object_get(v, "weights")) {
			rc = parse_pollutants(p, a->weights, v, "weights", "the weights w_i");
			a->has_weights = 1;
		}
		if (rc == EG_OK)
			rc = sp_int(p, &table, NULL, v, "aqi_table", 1, 2012, 2026, 2012, "a custom profile");
		if (rc == EG_OK && table != 2012 && table != 2026) {
			size_t a2 = sp_key(p, "aqi_table");
			char found[24];
			snprintf(found, sizeof found, "%lld", (long long)table);
			rc = sp_fail(p, EG_ERANGE, found, "2012 (HJ 633-2012) or 2026 (HJ 633-2026)");
			sp_pop(p, a2);
		}
		a->aqi_table = (int)table;
		a->profile_kind = PROFILE_CUSTOM;
		sp_pop(p, at);
		if (rc < 0)
			return rc;
	} else {
		size_t at = sp_key(p, "profile");
		rc = sp_type(p, v, "\"by_date\", a national profile's name (CN2012, CN2026, CN2031) or a custom profile object");
		sp_pop(p, at);
		return rc;
	}
	if ((v = json_object_get(o, "ranking"))) {
		static const char *const k[] = { "rule", "metric", "source", NULL };
		static const char *const metrics[] = { "improvement_rate", "composite_index", NULL };
		size_t at = sp_key(p, "ranking");
		rc = parse_ruled(p, &a->rank_rule, &a->rank_src, v, "the ranking", k, k);
		if (rc == EG_OK)
			rc = sp_enum(p, &a->metric, v, "metric", 1, metrics, 0, "the ranking");
		a->metric += 1; /* eg_scheme_rank_metric */
		a->has_ranking = 1;
		sp_pop(p, at);
		if (rc < 0)
			return rc;
	}
	if ((v = json_object_get(o, "tampering"))) {
		static const char *const k[] = { "rule", "replace", "source", NULL };
		static const char *const replace[] = { "month_max", NULL };
		int r;
		size_t at = sp_key(p, "tampering");
		rc = parse_ruled(p, &a->tamper_rule, &a->tamper_src, v, "the tampering rule", k, k);
		if (rc == EG_OK)
			rc = sp_enum(p, &r, v, "replace", 1, replace, 0, "the tampering rule");
		a->has_tampering = 1;
		sp_pop(p, at);
		if (rc < 0)
			return rc;
	}
	if (a->last_place && !a->has_ranking)
		return sp_fail(p, EG_EPARSE, "", "a \"ranking\" for the \"last_place_ladder\" to judge");
	return EG_OK;
}

static int parse_deadline(sp *p, sc_deadline *d, json_t *o)
{
	static const char *const keys[] = { "id", "rule", "name", "kind", "months", "month", "day", "source", NULL };
	static const char *const req[] = { "id", "rule", "name", "kind", "source", NULL };
	static const char *const need[3][3] = { { "months", "day", NULL }, { "months", NULL, NULL }, { "month", "day", NULL } };
	static const char *const fields[] = { "months", "month", "day" };
	int rc;
	if ((rc = sp_keys(p, o, "a deadline", keys, req)) < 0 || (rc = sp_id(p, &d->id, o, "id", 1, "a deadline")) < 0 ||
	    (rc = sp_id(p, &d->rule, o, "rule", 1, "a deadline")) < 0 ||
	    (rc = sp_text(p, &d->name, o, "name", 1, NAME_MAX_B, "a deadline")) < 0 ||
	    (rc = sp_enum(p, &d->kind, o, "kind", 1, deadline_words, 0, "a deadline")) < 0 ||
	    (rc = sp_src(p, &d->src, o, "a deadline")) < 0)
		return rc;
	for (size_t f = 0; f < 3; f++) {
		int wanted = 0;
		for (size_t k = 0; k < 2 && need[d->kind][k]; k++)
			wanted |= strcmp(need[d->kind][k], fields[f]) == 0;
		if (!wanted && json_object_get(o, fields[f])) {
			size_t at = sp_key(p, fields[f]);
			char e[160];
			snprintf(e, sizeof e, "only %s%s%s on a \"%s\" deadline", need[d->kind][0], need[d->kind][1] ? " and " : "",
				 need[d->kind][1] ? need[d->kind][1] : "", deadline_words[d->kind]);
			rc = sp_fail_at(p, EG_EPARSE, -2, 1, fields[f], e);
			sp_pop(p, at);
			return rc;
		}
	}
	switch (d->kind) {
	case DL_AFTER_QUARTER:
		if ((rc = sp_i32(p, &d->months, NULL, o, "months", 1, 0, 12, 0, "an after_quarter deadline")) < 0)
			return rc;
		return sp_i32(p, &d->day, NULL, o, "day", 1, 1, 28, 1, "an after_quarter deadline (a day every month has)");
	case DL_MONTHS_AFTER:
		return sp_i32(p, &d->months, NULL, o, "months", 1, 1, 120, 1, "a months_after deadline");
	default:
		if ((rc = sp_i32(p, &d->month, NULL, o, "month", 1, 1, 12, 1, "a yearly deadline")) < 0)
			return rc;
		return sp_i32(p, &d->day, NULL, o, "day", 1, 1, d->month == 2 ? 28 : eg__days_in_month(2001, d->month), 1,
			      "a yearly deadline (a day the month has every year)");
	}
}

static int parse_cadence(sp *p, sc_cadence *c, json_t *o)
{
	static const char *const keys[] = { "id", "rule", "kind", "period", "min_count", "night_or_holiday", "actor", "source", NULL };
	static const char *const req[] = { "id", "rule", "kind", "period", "min_count", "actor", "source", NULL };
	int rc;
	if ((rc = sp_keys(p, o, "a cadence", keys, req)) < 0 || (rc = sp_id(p, &c->id, o, "id", 1, "a cadence")) < 0 ||
	    (rc = sp_id(p, &c->rule, o, "rule", 1, "a cadence")) < 0 ||
	    (rc = sp_id(p, &c->kind, o, "kind", 1, "a cadence")) < 0 ||
	    (rc = sp_enum(p, &c->period, o, "period", 1, period_words, 0, "a cadence")) < 0 ||
	    (rc = sp_i32(p, &c->min, NULL, o, "min_count", 1, 1, 1000000, 1, "a cadence")) < 0 ||
	    (rc = sp_bool(p, &c->night, o, "night_or_holiday")) < 0 ||
	    (rc = sp_text(p, &c->actor, o, "actor", 1, NAME_MAX_B, "a cadence")) < 0)
		return rc;
	return sp_src(p, &c->src, o, "a cadence");
}

/* The words of the duty calendar's enums, in the order of their values (include/ecogrid/duty.h). */
static const char *const duty_shape_words[] = { "periodic", "event", "once", "conflict", "gap", NULL };
static const char *const duty_period_words[] = { "day", "week", "month", "quarter", "year", "half_year", NULL };
static const char *const duty_match_words[] = { "event_id", "subject", "actor", NULL };
static const char *const duty_unit_words[] = { "none", "days", "workdays", "months", "minutes", "window", "before",
					       "valid_at", NULL };
/* Bit k of EG_DUTY_FLAG_* is word k. */
static const char *const duty_flag_words[] = { "night_or_holiday", "in_principle", "start_containing", "for_period",
					       "no_due", "extend", "rolling_week", "cover_times", "clamp_start",
					       "same_tags", NULL };

/* "flags": an array of distinct flag words. */
static int parse_duty_flags(sp *p, unsigned int *flags, json_t *o)
{
	json_t *arr;
	size_t n, at;
	int rc;
	*flags = 0;
	if ((rc = sp_array(p, &arr, &n, o, "flags", 16, "an array of flag words")) < 0 || !arr)
		return rc;
	at = sp_key(p, "flags");
	for (size_t i = 0; i < n && rc == EG_OK; i++) {
		json_t *v = json_array_get(arr, i);
		size_t a2 = sp_index(p, i);
		int k = -1;
		for (int w = 0; json_is_string(v) && duty_flag_words[w]; w++)
			if (strcmp(duty_flag_words[w], json_string_value(v)) == 0)
				k = w;
		if (k < 0)
			rc = sp_type(p, v, "a duty flag (night_or_holiday, in_principle, start_containing, for_period, "
					   "no_due, extend, rolling_week, cover_times, clamp_start, same_tags)");
		else if (*flags & (1u << k))
			rc = sp_fail(p, EG_EEXISTS, json_string_value(v), "each flag once");
		else
			*flags |= 1u << k;
		sp_pop(p, a2);
	}
	sp_pop(p, at);
	return rc;
}

/*
 * A duty of the duty calendar: the fields of eg_duty_def, each optional
 * with eg_duty_def's default except id, rule, shape and kind, and its
 * source, required as for items and clauses: the article and the words of
 * the regulation it implements (section 9 of the rule catalogue quotes
 * them under "Seed:"). Whether the fields fit together is
 * eg_duty_set_add()'s check, in phase 2.
 */
static int parse_duty(sp *p, sc_duty *u, json_t *o)
{
	static const char *const keys[] = { "id", "rule", "name", "shape", "kind", "actor", "group", "period",
					    "min_count", "tags", "cover_group", "start", "end", "due_months", "due_day",
					    "event_kind", "match", "limit_unit", "limit", "flags", "source", NULL };
	static const char *const req[] = { "id", "rule", "shape", "kind", NULL };
	static const eg_duty_def init = EG_DUTY_DEF_INIT;
	const char *id;
	eg_duty_def *d = &u->d;
	int64_t day;
	int rc;
	*d = init;
	if ((rc = sp_keys(p, o, "a duty", keys, req)) < 0 || (rc = sp_id(p, &d->id, o, "id", 1, "a duty")) < 0 ||
	    (rc = sp_str(p, &d->rule, o, "rule", 1, ID_MAX, "a duty")) < 0 ||
	    (rc = sp_text(p, &u->name, o, "name", 0, NAME_MAX_B, "a duty")) < 0 ||
	    (rc = sp_enum(p, &d->shape, o, "shape", 1, duty_shape_words, 0, "a duty")) < 0 ||
	    (rc = sp_str(p, &d->kind, o, "kind", 1, 512, "a duty")) < 0 ||
	    (rc = sp_str(p, &d->actor, o, "actor", 0, 1024, "a duty")) < 0 ||
	    (rc = sp_id(p, &d->group, o, "group", 0, "a duty")) < 0 ||
	    (rc = sp_enum(p, &d->period, o, "period", 0, duty_period_words, EG_DUTY_PERIOD_MONTH, "a duty")) < 0 ||
	    (rc = sp_i32(p, &d->min_count, NULL, o, "min_count", 0, 1, 1000000, 1, "a duty")) < 0 ||
	    (rc = sp_str(p, &d->tags, o, "tags", 0, 512, "a duty")) < 0 ||
	    (rc = sp_id(p, &d->cover_group, o, "cover_group", 0, "a duty")) < 0 ||
	    (rc = sp_date(p, u->start, &day, o, "start", 0, "a duty")) < 0 ||
	    (rc = sp_date(p, u->end, &day, o, "end", 0, "a duty")) < 0 ||
	    (rc = sp_i32(p, &d->due_months, NULL, o, "due_months", 0, -120, 120, 0, "a duty")) < 0 ||
	    (rc = sp_i32(p, &d->due_day, NULL, o, "due_day", 0, 0, 31, 0, "a duty")) < 0 ||
	    (rc = sp_str(p, &d->event_kind, o, "event_kind", 0, 512, "a duty")) < 0 ||
	    (rc = sp_enum(p, &d->match, o, "match", 0, duty_match_words, EG_DUTY_MATCH_EVENT_ID, "a duty")) < 0 ||
	    (rc = sp_enum(p, &d->limit_unit, o, "limit_unit", 0, duty_unit_words, EG_DUTY_UNIT_NONE, "a duty")) < 0 ||
	    (rc = sp_i32(p, &d->limit, NULL, o, "limit", 0, 0, 1000000, 0, "a duty")) < 0 ||
	    (rc = parse_duty_flags(p, &d->flags, o)) < 0)
		return rc;
	if (!json_object_get(o, "source")) {
		id = json_string_value(json_object_get(o, "id"));
		return sp_fail(p, EG_EPARSE, "",
			       "duty %.64s has no source: a duty needs the key \"source\" with the article and the "
			       "verbatim words of the regulation it implements",
			       id ? id : "?");
	}
	u->has_src = 1;
	return sp_src(p, &u->src, o, "a duty");
}

/* The definition of a parsed duty, its strings borrowed from the model. */
static eg_duty_def duty_def_of(const sc_duty *u)
{
	eg_duty_def d = u->d;
	d.start = u->start[0] ? u->start : NULL;
	d.end = u->end[0] ? u->end : NULL;
	d.name_zh = u->name.zh;
	d.name_en = u->name.en;
	return d;
}

static int sp_built(sp *p, int rc, const char *fmt, ...) EG_PRINTF(3, 4);

/* The duties of a model as a new duty set; with a parser, a refusal is placed on /duties/i. */
static int build_duties(eg_duty_set **out, const sc_model *m, sp *p)
{
	eg_duty_set *set = NULL;
	int rc;
	if ((rc = eg_duty_set_new(&set)) < 0)
		return sp_built(p, rc, "/duties");
	for (size_t i = 0; i < m->n_duties; i++) {
		eg_duty_def d = duty_def_of(&m->duties[i]);
		const sc_src *src = &m->duties[i].src;
		if ((rc = eg_duty_set_add(set, &d)) < 0 ||
		    (m->duties[i].has_src && (rc = eg_duty_set_set_source(set, d.id, src->article, src->quote)) < 0)) {
			eg_duty_set_free(set);
			return sp_built(p, rc, "/duties/%zu", i);
		}
	}
	*out = set;
	return EG_OK;
}

static int parse_feed(sp *p, sc_feed *f, json_t *o)
{
	static const char *const keys[] = { "ladder", "value", "item", NULL };
	static const char *const req[] = { "ladder", "value", NULL };
	int rc;
	if ((rc = sp_keys(p, o, "a monthly ladder", keys, req)) < 0 ||
	    (rc = sp_id(p, &f->ladder, o, "ladder", 1, "a monthly ladder")) < 0 ||
	    (rc = sp_enum(p, &f->value, o, "value", 1, feed_words, 0, "a monthly ladder")) < 0 ||
	    (rc = sp_id(p, &f->item, o, "item", f->value == EG_SCHEME_FEED_ITEM_COUNT, "an item_count ladder")) < 0)
		return rc;
	if (f->value != EG_SCHEME_FEED_ITEM_COUNT && f->item) {
		size_t at = sp_key(p, "item");
		rc = sp_fail_at(p, EG_EPARSE, -2, 1, "item", "no \"item\" on a \"failed\" ladder");
		sp_pop(p, at);
	}
	return rc;
}

/* Parse an array member of the top level with one parser per element. */
#define PARSE_ARRAY(key, field, n_field, max, what, fn)                                                  \
	do {                                                                                             \
		json_t *arr_;                                                                            \
		size_t n_;                                                                               \
		if ((rc = sp_array(p, &arr_, &n_, doc, key, max, what)) < 0)                             \
			return rc;                                                                       \
		if (!(m->field = sp_calloc(p, n_, sizeof *m->field)))                                    \
			return sp_nomem(p);                                                              \
		m->n_field = n_;                                                                         \
		{                                                                                        \
			size_t at_ = sp_key(p, key);                                                     \
			for (size_t i_ = 0; i_ < n_ && rc == EG_OK; i_++) {                             \
				size_t a2_ = sp_index(p, i_);                                            \
				rc = fn(p, &m->field[i_], json_array_get(arr_, i_));                     \
				sp_pop(p, a2_);                                                          \
			}                                                                                \
			sp_pop(p, at_);                                                                  \
		}                                                                                        \
		if (rc < 0)                                                                              \
			return rc;                                                                       \
	} while (0)

/* Unique IDs of a top-level array (field `id` of each element). */
#define UNIQUE(key, field, n_field, what)                                                                \
	do {                                                                                             \
		const char **ids_ = sp_calloc(p, m->n_field, sizeof *ids_);                              \
		size_t at_;                                                                              \
		if (!ids_)                                                                               \
			return sp_nomem(p);                                                              \
		for (size_t i_ = 0; i_ < m->n_field; i_++)                                               \
			ids_[i_] = m->field[i_].id;                                                      \
		at_ = sp_key(p, key);                                                                    \
		rc = sp_unique(p, ids_, m->n_field, "id", what);                                         \
		sp_pop(p, at_);                                                                          \
		if (rc < 0)                                                                              \
			return rc;                                                                       \
	} while (0)

static int parse_doc(sp *p, sc_model *m, json_t *doc)
{
	static const char *const keys[] = { "ecogrid_scheme", "id", "family", "title", "document", "issuer", "valid_from",
					    "valid_to", "rulesets", "ladders", "air_quality", "deadlines", "cadences",
					    "duties", "monthly_ladders", NULL };
	static const char *const req[] = { "ecogrid_scheme", "id", "family", "title", "document", "issuer", "valid_from", NULL };
	int64_t format;
	json_t *v;
	int rc;
	if ((rc = sp_keys(p, doc, "a scheme document", keys, req)) < 0)
		return rc;
	if ((rc = sp_int(p, &format, NULL, doc, "ecogrid_scheme", 1, EG_SCHEME_FORMAT, EG_SCHEME_FORMAT, 1,
			 "a scheme document (the format version)")) < 0)
		return rc;
	if ((rc = sp_id(p, &m->id, doc, "id", 1, "a scheme document")) < 0 ||
	    (rc = sp_id(p, &m->family, doc, "family", 1, "a scheme document")) < 0 ||
	    (rc = sp_text(p, &m->title, doc, "title", 1, TITLE_MAX, "a scheme document")) < 0 ||
	    (rc = sp_str(p, &m->document, doc, "document", 1, TITLE_MAX, "a scheme document")) < 0 ||
	    (rc = sp_text(p, &m->issuer, doc, "issuer", 1, TITLE_MAX, "a scheme document")) < 0 ||
	    (rc = sp_date(p, m->from, &m->from_d, doc, "valid_from", 1, "a scheme document")) < 0 ||
	    (rc = sp_date(p, m->to, &m->to_d, doc, "valid_to", 0, "a scheme document")) < 0)
		return rc;
	if (!m->to[0])
		m->to_d = INT64_MAX;
	PARSE_ARRAY("rulesets", rulesets, n_rulesets, 16, "an array of rule sets", parse_ruleset);
	UNIQUE("rulesets", rulesets, n_rulesets, "rule set");
	PARSE_ARRAY("ladders", ladders, n_ladders, 64, "an array of ladders", parse_ladder);
	UNIQUE("ladders", ladders, n_ladders, "ladder");
	if ((v = json_object_get(doc, "air_quality"))) {
		size_t at = sp_key(p, "air_quality");
		rc = parse_air(p, &m->air, v);
		sp_pop(p, at);
		if (rc < 0)
			return rc;
	}
	PARSE_ARRAY("deadlines", deadlines, n_deadlines, 256, "an array of deadlines", parse_deadline);
	UNIQUE("deadlines", deadlines, n_deadlines, "deadline");
	PARSE_ARRAY("cadences", cadences, n_cadences, 256, "an array of cadences", parse_cadence);
	UNIQUE("cadences", cadences, n_cadences, "cadence");
	PARSE_ARRAY("duties", duties, n_duties, 512, "an array of duties", parse_duty);
	PARSE_ARRAY("monthly_ladders", feeds, n_feeds, 64, "an array of monthly ladders", parse_feed);
	return EG_OK;
}

/* ------------------------------------------------------------------ */
/* Phase 2: the model against the library's rules                       */
/* ------------------------------------------------------------------ */

/*
 * A builder refused a value: place its message on `ptr` (relative to the
 * document) with the builder's code. Without a parser (p NULL: building
 * from a model that loaded), the builder's error stands as it is.
 */
static int sp_built(sp *p, int rc, const char *fmt, ...) EG_PRINTF(3, 4);
static int sp_built(sp *p, int rc, const char *fmt, ...)
{
	char msg[1024], saved[PTR_MAX];
	va_list ap;
	if (!p)
		return rc;
	if (rc == EG_ENOMEM) {
		if (p->err) {
			p->err->code = rc;
			copy_cut(p->err->expected, sizeof p->err->expected, "memory");
		}
		return rc;
	}
	snprintf(msg, sizeof msg, "%s", eg_error_last()->message);
	memcpy(saved, p->ptr, sizeof saved);
	va_start(ap, fmt);
	vsnprintf(p->ptr, sizeof p->ptr, fmt, ap);
	va_end(ap);
	rc = sp_fail_at(p, rc, -2, 0, "", msg);
	memcpy(p->ptr, saved, sizeof saved);
	return rc;
}

/* Build rule set ri of the model through the public builder. */
static int build_ruleset(eg_ruleset **out, const sc_model *m, size_t ri, sp *p)
{
	const sc_ruleset *r = &m->rulesets[ri];
	eg_ruleset_builder *b = NULL;
	const char *from = r->has_validity ? r->from : m->from;
	const char *to = r->has_validity ? (r->to[0] ? r->to : NULL) : (m->to[0] ? m->to : NULL);
	int rc, has_veto_items = 0;
	if ((rc = eg_ruleset_builder_new(&b, r->id, r->document, r->scale)) < 0)
		return sp_built(p, rc, "/rulesets/%zu", ri);
	if ((rc = eg_ruleset_builder_set_validity(b, from, to)) < 0) {
		rc = sp_built(p, rc, "/rulesets/%zu/%s", ri, r->has_validity ? "valid_to" : "");
		goto done;
	}
	if ((rc = eg_ruleset_builder_set_total_rule(b, r->total_rule)) < 0) {
		rc = sp_built(p, rc, "/rulesets/%zu/total_rule", ri);
		goto done;
	}
	for (size_t i = 0; i < r->n_sections; i++)
		if ((rc = eg_ruleset_builder_add_section(b, r->sections[i].id, r->sections[i].name.zh,
							 r->sections[i].name.en)) < 0) {
			rc = sp_built(p, rc, "/rulesets/%zu/sections/%zu", ri, i);
			goto done;
		}
	for (size_t i = 0; i < r->n_items; i++) {
		const sc_item *it = &r->items[i];
		eg_item_def d = EG_ITEM_DEF_INIT;
		d.id = it->id;
		d.rule = it->rule;
		d.section = it->section;
		d.name_zh = it->name.zh;
		d.name_en = it->name.en;
		d.kind = it->kind;
		d.max_points = it->max;
		d.per_occurrence = it->per;
		d.floor = it->kind == EG_ITEM_KIND_STATUS ? 0 : it->has_floor ? it->floor : EG_ITEM_NO_FLOOR;
		d.overflow = it->overflow;
		d.veto = it->veto;
		d.adverse_fail = it->adverse;
		has_veto_items |= it->veto;
		if ((rc = eg_ruleset_builder_add_item(b, &d)) < 0) {
			rc = sp_built(p, rc, "/rulesets/%zu/items/%zu%s", ri, i,
				      rc == EG_ENOTFOUND ? "/section" : it->veto && it->kind != EG_ITEM_KIND_STATUS ? "/veto" : "");
			goto done;
		}
		if (it->situation && (rc = eg_ruleset_builder_set_per_situation(b, it->id, 1)) < 0) {
			rc = sp_built(p, rc, "/rulesets/%zu/items/%zu/per_situation", ri, i);
			goto done;
		}
		if ((rc = eg_ruleset_builder_set_source(b, EG_RULESET_PART_ITEM, it->id, it->src.article, it->src.quote)) < 0) {
			rc = sp_built(p, rc, "/rulesets/%zu/items/%zu/source", ri, i);
			goto done;
		}
	}
	if (has_veto_items && !r->has_veto) {
		if (p) {
			snprintf(p->ptr, sizeof p->ptr, "/rulesets/%zu", ri);
			rc = sp_fail(p, EG_EPARSE, "", "a rule set with veto items needs \"veto\": its rule ID, mode and source");
			p->ptr[0] = '\0';
		} else {
			rc = eg__error(EG_EPARSE, "rule set %s has veto items but no veto rule", r->id);
		}
		goto done;
	}
	if (r->has_veto && ((rc = eg_ruleset_builder_set_veto_mode(b, r->veto_mode)) < 0 ||
			    (rc = eg_ruleset_builder_set_veto_rule(b, r->veto_rule)) < 0 ||
			    (rc = eg_ruleset_builder_set_source(b, EG_RULESET_PART_VETO, NULL, r->veto_src.article,
								r->veto_src.quote)) < 0)) {
		rc = sp_built(p, rc, "/rulesets/%zu/veto", ri);
		goto done;
	}
	if (r->has_bonus && ((rc = eg_ruleset_builder_set_bonus(b, r->bonus_rule, r->bonus_per, r->bonus_cap)) < 0 ||
			     (rc = eg_ruleset_builder_set_source(b, EG_RULESET_PART_BONUS, NULL, r->bonus_src.article,
								 r->bonus_src.quote)) < 0)) {
		rc = sp_built(p, rc, "/rulesets/%zu/bonus", ri);
		goto done;
	}
	for (size_t i = 0; i < r->n_levels; i++) {
		const sc_level *lv = &r->levels[i];
		if ((rc = eg_ruleset_builder_add_penalty_level(b, r->penalty_section, lv->id, lv->rule, lv->amount, lv->fail)) < 0) {
			rc = sp_built(p, rc, "/rulesets/%zu/penalties/%s", ri, rc == EG_ENOTFOUND ? "section" : "levels");
			goto done;
		}
		if ((rc = eg_ruleset_builder_set_level_name(b, lv->id, lv->name.zh, lv->name.en)) < 0 ||
		    (rc = eg_ruleset_builder_set_source(b, EG_RULESET_PART_LEVEL, lv->id, lv->src.article, lv->src.quote)) < 0) {
			rc = sp_built(p, rc, "/rulesets/%zu/penalties/levels/%zu", ri, i);
			goto done;
		}
	}
	for (size_t i = 0; i < r->n_conds; i++)
		if ((rc = eg_ruleset_builder_add_forced_fail(b, r->conds[i].id, r->conds[i].rule, r->conds[i].text.zh,
							     r->conds[i].text.en)) < 0 ||
		    (rc = eg_ruleset_builder_set_source(b, EG_RULESET_PART_CONDITION, r->conds[i].id, r->conds[i].src.article,
							r->conds[i].src.quote)) < 0) {
			rc = sp_built(p, rc, "/rulesets/%zu/forced_fails/%zu", ri, i);
			goto done;
		}
	for (size_t i = 0; i < r->n_grades; i++)
		if ((rc = eg_ruleset_builder_add_grade(b, r->grades[i].min, r->grades[i].grade, r->grades[i].rule)) < 0 ||
		    (rc = eg_ruleset_builder_set_source(b, EG_RULESET_PART_GRADE, eg_grade_name(r->grades[i].grade),
							r->grades[i].src.article, r->grades[i].src.quote)) < 0) {
			rc = sp_built(p, rc, "/rulesets/%zu/grades/%zu", ri, i);
			goto done;
		}
	if ((rc = eg_ruleset_build(out, b)) < 0)
		rc = sp_built(p, rc, "/rulesets/%zu", ri);
done:
	eg_ruleset_builder_free(b);
	return rc;
}

/* Build ladder li of the model through the public builder. */
static int build_ladder(eg_ladder **out, const sc_model *m, size_t li, sp *p)
{
	const sc_ladder *l = &m->ladders[li];
	eg_ladder_builder *b = NULL;
	int rc;
	eg_ladder_builder_options opts = EG_LADDER_BUILDER_OPTIONS_INIT;
	opts.flag_zh = l->flag_label.zh;
	opts.flag_en = l->flag_label.en;
	if ((rc = eg_ladder_builder_new(&b, l->id, l->measure, l->label.zh, l->label.en, &opts)) < 0)
		return sp_built(p, rc, "/ladders/%zu", li);
	for (size_t a = 0; a < l->n_actions; a++) {
		if (!l->actions[a].name.zh) {
			if (p) {
				snprintf(p->ptr, sizeof p->ptr, "/ladders/%zu/actions/%zu", li, a);
				rc = sp_fail(p, EG_EPARSE, "", "an action needs \"name\" in Chinese and English "
							       "(the words a bulletin prints)");
				p->ptr[0] = '\0';
			} else {
				rc = eg__error(EG_EPARSE, "ladder %s: action %s has no name", l->id, l->actions[a].id);
			}
			goto done;
		}
		if ((rc = eg_ladder_builder_add_action(b, l->actions[a].id, l->actions[a].name.zh, l->actions[a].name.en)) < 0) {
			rc = sp_built(p, rc, "/ladders/%zu/actions/%zu", li, a);
			goto done;
		}
	}
	for (size_t c = 0; c < l->n_clauses; c++) {
		const sc_clause *s = &l->clauses[c];
		eg_ladder_clause cl = EG_LADDER_CLAUSE_INIT;
		cl.rule = s->rule;
		cl.action = s->action;
		cl.kind = s->kind;
		cl.count = s->count;
		cl.threshold = s->threshold;
		cl.window_sum = s->window_sum;
		cl.flag = s->flag;
		if ((rc = eg_ladder_builder_add_clause(b, &cl)) < 0 ||
		    (rc = eg_ladder_builder_set_clause_source(b, c, s->src.article, s->src.quote)) < 0) {
			rc = sp_built(p, rc, "/ladders/%zu/clauses/%zu", li, c);
			goto done;
		}
	}
	if ((rc = eg_ladder_build(out, b)) < 0)
		rc = sp_built(p, rc, "/ladders/%zu/clauses", li);
done:
	eg_ladder_builder_free(b);
	return rc;
}

static int find_ladder(const sc_model *m, const char *id)
{
	for (size_t i = 0; i < m->n_ladders; i++)
		if (strcmp(m->ladders[i].id, id) == 0)
			return (int)i;
	return -1;
}

static int64_t ruleset_from(const sc_model *m, const sc_ruleset *r)
{
	int64_t d = m->from_d;
	if (r->has_validity)
		eg__date_parse(&d, r->from);
	return d;
}

static int64_t ruleset_to(const sc_model *m, const sc_ruleset *r)
{
	int64_t d = m->to_d;
	if (r->has_validity)
		d = r->to[0] && eg__date_parse(&d, r->to) == 0 ? d : INT64_MAX;
	return d;
}

static int air_profile(eg_airq_profile **out, const sc_air *a, const char *day)
{
	switch (a->profile_kind) {
	case PROFILE_BY_DATE: return eg_airq_profile_for_date(out, day);
	case PROFILE_NAMED: return eg_airq_profile_named(out, a->profile_name);
	default: return eg_airq_profile_custom(out, a->profile_name, a->limits, a->has_weights ? a->weights : NULL, a->aqi_table);
	}
}

static int phase2(sp *p, const sc_model *m)
{
	int rc;
	if (m->to_d < m->from_d) {
		snprintf(p->ptr, sizeof p->ptr, "/valid_to");
		return sp_fail(p, EG_ERANGE, m->to, "a last day on or after valid_from %s", m->from);
	}
	for (size_t i = 0; i < m->n_rulesets; i++) {
		const sc_ruleset *r = &m->rulesets[i];
		eg_ruleset *rs = NULL;
		int64_t f = ruleset_from(m, r), t = ruleset_to(m, r);
		if (r->has_validity && (f < m->from_d || t > m->to_d)) {
			snprintf(p->ptr, sizeof p->ptr, "/rulesets/%zu/%s", i, f < m->from_d ? "valid_from" : "valid_to");
			return sp_fail(p, EG_ERANGE, f < m->from_d ? r->from : (r->to[0] ? r->to : "open-ended"),
				       "dates within the scheme's %s to %s", m->from, m->to[0] ? m->to : "open-ended");
		}
		for (size_t j = 0; j < i; j++) {
			int64_t f2 = ruleset_from(m, &m->rulesets[j]), t2 = ruleset_to(m, &m->rulesets[j]);
			if (f <= t2 && f2 <= t) {
				snprintf(p->ptr, sizeof p->ptr, "/rulesets/%zu", i);
				return sp_fail(p, EG_ERANGE, "", "rule set %s's dates not to overlap those of rule set %s "
								  "(one rule set in force on any day)", r->id, m->rulesets[j].id);
			}
		}
		if ((rc = build_ruleset(&rs, m, i, p)) < 0)
			return rc;
		eg_ruleset_free(rs);
	}
	for (size_t i = 0; i < m->n_ladders; i++) {
		eg_ladder *l = NULL;
		if ((rc = build_ladder(&l, m, i, p)) < 0)
			return rc;
		eg_ladder_free(l);
	}
	if (m->air.present) {
		eg_airq_profile *pr = NULL;
		if ((rc = air_profile(&pr, &m->air, m->from)) < 0) {
			snprintf(p->ptr, sizeof p->ptr, "/air_quality/profile");
			return sp_built(p, rc, "/air_quality/profile");
		}
		eg_airq_profile_free(pr);
		if (m->air.last_place) {
			int k = find_ladder(m, m->air.last_place);
			snprintf(p->ptr, sizeof p->ptr, "/air_quality/last_place_ladder");
			if (k < 0)
				return sp_fail(p, EG_ENOTFOUND, m->air.last_place, "the ID of a ladder of this scheme");
			if (m->ladders[k].measure != EG_LADDER_MEASURE_LAST_PLACE)
				return sp_fail(p, EG_EPARSE, m->air.last_place, "a ladder whose measure is \"last_place\"");
			p->ptr[0] = '\0';
		}
	}
	if (m->n_duties) {
		eg_duty_set *set = NULL;
		if ((rc = build_duties(&set, m, p)) < 0)
			return rc;
		eg_duty_set_free(set);
	}
	/* A cadence and a duty of one ID are one duty: they must agree (a contradiction is refused). */
	for (size_t i = 0; i < m->n_duties; i++) {
		const eg_duty_def *d = &m->duties[i].d;
		for (size_t k = 0; k < m->n_cadences; k++) {
			const sc_cadence *c = &m->cadences[k];
			if (strcmp(c->id, d->id) != 0)
				continue;
			if (d->shape != EG_DUTY_SHAPE_PERIODIC || strcmp(c->kind, d->kind) != 0 || c->period != d->period ||
			    c->min != d->min_count || (c->night != 0) != ((d->flags & EG_DUTY_FLAG_NIGHT_OR_HOLIDAY) != 0)) {
				snprintf(p->ptr, sizeof p->ptr, "/duties/%zu", i);
				return sp_fail(p, EG_EPARSE, d->id,
					       "a duty that agrees with cadence %s (periodic, kind %s, period %s, at least %d%s)",
					       c->id, c->kind, period_words[c->period], (int)c->min,
					       c->night ? ", night or holiday" : "");
			}
		}
	}
	for (size_t i = 0; i < m->n_feeds; i++) {
		const sc_feed *f = &m->feeds[i];
		int k = find_ladder(m, f->ladder);
		snprintf(p->ptr, sizeof p->ptr, "/monthly_ladders/%zu/ladder", i);
		if (k < 0)
			return sp_fail(p, EG_ENOTFOUND, f->ladder, "the ID of a ladder of this scheme");
		if (f->value == EG_SCHEME_FEED_FAILED && m->ladders[k].measure != EG_LADDER_MEASURE_FLAG &&
		    m->ladders[k].measure != EG_LADDER_MEASURE_AT_LEAST)
			return sp_fail(p, EG_EPARSE, f->ladder, "a ladder whose measure is \"flag\" or \"at_least\" for a \"failed\" feed");
		if (f->value == EG_SCHEME_FEED_ITEM_COUNT && m->ladders[k].measure != EG_LADDER_MEASURE_SHARE &&
		    m->ladders[k].measure != EG_LADDER_MEASURE_AT_LEAST)
			return sp_fail(p, EG_EPARSE, f->ladder, "a ladder whose measure is \"share\" or \"at_least\" for an item count");
		if (f->value == EG_SCHEME_FEED_ITEM_COUNT) {
			snprintf(p->ptr, sizeof p->ptr, "/monthly_ladders/%zu/item", i);
			if (m->n_rulesets == 0)
				return sp_fail(p, EG_ENOTFOUND, f->item, "a rule set in the scheme whose item to count");
			for (size_t r = 0; r < m->n_rulesets; r++) {
				int found = 0;
				for (size_t it = 0; it < m->rulesets[r].n_items; it++)
					found |= strcmp(m->rulesets[r].items[it].id, f->item) == 0 &&
						 m->rulesets[r].items[it].kind == EG_ITEM_KIND_DEDUCT;
				if (!found)
					return sp_fail(p, EG_ENOTFOUND, f->item, "a deduction item of rule set %s",
						       m->rulesets[r].id);
			}
		}
		p->ptr[0] = '\0';
	}
	return EG_OK;
}

/* ------------------------------------------------------------------ */
/* The canonical writer                                                  */
/* ------------------------------------------------------------------ */

/*
 * jansson calls that may fail (out of memory) mark the writer bad, in two
 * places only: put() and push() take NULL containers and values (a failed
 * new_object() or json_string()), drop what they were given and mark it.
 */
typedef struct wr {
	int bad;
} wr;

/*
 * A new empty object. Not json_object(): a process may define a function of
 * that name itself (PostgreSQL's server does, for its SQL json_object()),
 * and the dynamic linker would bind our call to it when the library is
 * loaded there. json_pack() makes the object inside jansson.
 */
static json_t *new_object(void)
{
	return json_pack("{}");
}

static json_t *put(wr *w, json_t *obj, const char *key, json_t *v)
{
	if (!obj || !v || json_object_set_new(obj, key, v) < 0) {
		if (!obj)
			json_decref(v);
		w->bad = 1;
		return NULL;
	}
	return v;
}

static void push(wr *w, json_t *arr, json_t *v)
{
	if (!arr || !v || json_array_append_new(arr, v) < 0) {
		if (!arr)
			json_decref(v);
		w->bad = 1;
	}
}

static json_t *w_text(wr *w, sc_text t)
{
	json_t *o = new_object();
	put(w, o, "zh", json_string(t.zh));
	put(w, o, "en", json_string(t.en));
	return o;
}

static json_t *w_src(wr *w, sc_src s)
{
	json_t *o = new_object();
	put(w, o, "article", json_string(s.article));
	put(w, o, "quote", json_string(s.quote));
	return o;
}

static json_t *w_number(double d)
{
	if (d == floor(d) && fabs(d) < 9007199254740992.0)
		return json_integer((json_int_t)d);
	return json_real(d);
}

static json_t *w_pollutants(wr *w, const double *v)
{
	json_t *o = new_object();
	for (size_t k = 0; pollutant_keys[k]; k++)
		put(w, o, pollutant_keys[k], w_number(v[k]));
	return o;
}

/* {"rule": …, then the caller's keys, "source": …}: veto, bonus, annual, ranking, tampering. */
static json_t *w_ruled(wr *w, const char *rule)
{
	json_t *o = new_object();
	put(w, o, "rule", json_string(rule));
	return o;
}

static json_t *w_ruleset(wr *w, const sc_ruleset *r)
{
	json_t *o = new_object(), *arr, *e;
	put(w, o, "id", json_string(r->id));
	put(w, o, "document", json_string(r->document));
	if (r->has_validity) {
		put(w, o, "valid_from", json_string(r->from));
		if (r->to[0])
			put(w, o, "valid_to", json_string(r->to));
	}
	if (r->scale != 1)
		put(w, o, "scale", json_integer(r->scale));
	put(w, o, "total_rule", json_string(r->total_rule));
	arr = put(w, o, "sections", json_array());
	for (size_t i = 0; i < r->n_sections; i++) {
		push(w, arr, e = new_object());
		put(w, e, "id", json_string(r->sections[i].id));
		put(w, e, "name", w_text(w, r->sections[i].name));
		if (r->sections[i].has_max)
			put(w, e, "max_points", json_integer(r->sections[i].max));
	}
	arr = put(w, o, "items", json_array());
	for (size_t i = 0; i < r->n_items; i++) {
		const sc_item *it = &r->items[i];
		push(w, arr, e = new_object());
		put(w, e, "id", json_string(it->id));
		put(w, e, "rule", json_string(it->rule));
		put(w, e, "section", json_string(it->section));
		put(w, e, "name", w_text(w, it->name));
		put(w, e, "kind", json_string(item_kind_words[it->kind]));
		put(w, e, "max_points", json_integer(it->max));
		if (it->kind == EG_ITEM_KIND_DEDUCT) {
			put(w, e, "per_occurrence", json_integer(it->per));
			put(w, e, "floor", it->has_floor ? json_integer(it->floor) : json_null());
			if (it->overflow)
				put(w, e, "overflow", json_true());
		}
		if (it->veto)
			put(w, e, "veto", json_true());
		if (it->kind == EG_ITEM_KIND_DEDUCT && it->adverse)
			put(w, e, "adverse_fail", json_true());
		if (it->kind == EG_ITEM_KIND_DEDUCT && it->situation)
			put(w, e, "per_situation", json_true());
		put(w, e, "source", w_src(w, it->src));
	}
	if (r->has_veto) {
		e = put(w, o, "veto", w_ruled(w, r->veto_rule));
		put(w, e, "mode", json_string(veto_mode_words[r->veto_mode]));
		put(w, e, "source", w_src(w, r->veto_src));
	}
	if (r->has_bonus) {
		e = put(w, o, "bonus", w_ruled(w, r->bonus_rule));
		put(w, e, "per_event", json_integer(r->bonus_per));
		put(w, e, "cap", json_integer(r->bonus_cap));
		put(w, e, "source", w_src(w, r->bonus_src));
	}
	if (r->has_penalties) {
		e = put(w, o, "penalties", new_object());
		put(w, e, "section", json_string(r->penalty_section));
		arr = put(w, e, "levels", json_array());
		for (size_t i = 0; i < r->n_levels; i++) {
			const sc_level *l = &r->levels[i];
			json_t *x = new_object();
			push(w, arr, x);
			put(w, x, "id", json_string(l->id));
			put(w, x, "rule", json_string(l->rule));
			put(w, x, "name", w_text(w, l->name));
			put(w, x, l->fail ? "fail" : "amount", l->fail ? json_true() : json_integer(l->amount));
			put(w, x, "source", w_src(w, l->src));
		}
	}
	if (r->n_conds) {
		arr = put(w, o, "forced_fails", json_array());
		for (size_t i = 0; i < r->n_conds; i++) {
			push(w, arr, e = new_object());
			put(w, e, "id", json_string(r->conds[i].id));
			put(w, e, "rule", json_string(r->conds[i].rule));
			put(w, e, "text", w_text(w, r->conds[i].text));
			put(w, e, "source", w_src(w, r->conds[i].src));
		}
	}
	if (r->n_grades) {
		arr = put(w, o, "grades", json_array());
		for (size_t i = 0; i < r->n_grades; i++) {
			const sc_grade *g = &r->grades[i];
			push(w, arr, e = new_object());
			put(w, e, "grade", json_string(grade_words[g->grade]));
			put(w, e, "min_points", json_integer(g->min));
			if (g->has_max)
				put(w, e, "max_points", json_integer(g->max));
			put(w, e, "rule", json_string(g->rule));
			put(w, e, "source", w_src(w, g->src));
		}
	}
	if (r->has_annual) {
		e = put(w, o, "annual", w_ruled(w, r->annual_rule));
		put(w, e, "method", json_string("mean"));
		put(w, e, "source", w_src(w, r->annual_src));
	}
	if (r->has_periods) {
		e = put(w, o, "periods", w_ruled(w, r->periods_rule));
		put(w, e, "method", json_string("sum"));
		put(w, e, "source", w_src(w, r->periods_src));
	}
	return o;
}

static json_t *w_ladder(wr *w, const sc_ladder *l)
{
	json_t *o = new_object(), *arr, *e;
	put(w, o, "id", json_string(l->id));
	put(w, o, "measure", json_string(measure_words[l->measure]));
	put(w, o, "label", w_text(w, l->label));
	if (l->flag_label.zh)
		put(w, o, "flag_label", w_text(w, l->flag_label));
	arr = put(w, o, "actions", json_array());
	for (size_t i = 0; i < l->n_actions; i++) {
		push(w, arr, e = new_object());
		put(w, e, "id", json_string(l->actions[i].id));
		if (l->actions[i].name.zh)
			put(w, e, "name", w_text(w, l->actions[i].name));
	}
	arr = put(w, o, "clauses", json_array());
	for (size_t i = 0; i < l->n_clauses; i++) {
		const sc_clause *c = &l->clauses[i];
		push(w, arr, e = new_object());
		put(w, e, "rule", json_string(c->rule));
		put(w, e, "action", json_string(c->action));
		put(w, e, "kind", json_string(clause_kind_words[c->kind]));
		if (c->count != 1)
			put(w, e, "count", json_integer(c->count));
		if (c->threshold != 0)
			put(w, e, "threshold", json_integer(c->threshold));
		if (c->window_sum)
			put(w, e, "window_sum", json_true());
		if (c->flag)
			put(w, e, "flag", json_string(flag_words[c->flag]));
		put(w, e, "source", w_src(w, c->src));
	}
	return o;
}

static json_t *w_air(wr *w, const sc_air *a)
{
	json_t *o = w_ruled(w, a->rule), *e;
	if (a->profile_kind == PROFILE_CUSTOM) {
		e = put(w, o, "profile", new_object());
		put(w, e, "name", json_string(a->profile_name));
		put(w, e, "limits", w_pollutants(w, a->limits));
		if (a->has_weights)
			put(w, e, "weights", w_pollutants(w, a->weights));
		put(w, e, "aqi_table", json_integer(a->aqi_table));
	} else {
		put(w, o, "profile", json_string(a->profile_name));
	}
	put(w, o, "source", w_src(w, a->src));
	if (a->has_ranking) {
		e = put(w, o, "ranking", w_ruled(w, a->rank_rule));
		put(w, e, "metric", json_string(metric_words[a->metric]));
		put(w, e, "source", w_src(w, a->rank_src));
	}
	if (a->last_place)
		put(w, o, "last_place_ladder", json_string(a->last_place));
	if (a->has_tampering) {
		e = put(w, o, "tampering", w_ruled(w, a->tamper_rule));
		put(w, e, "replace", json_string("month_max"));
		put(w, e, "source", w_src(w, a->tamper_src));
	}
	return o;
}

/* The canonical text of a model, in the arena; EG_ENOMEM on failure. */
/*
 * A duty: every field that differs from eg_duty_def's default, with the
 * shape always, the period of a periodic duty and the match of an event
 * duty always (so that a reader sees them), in the order of eg_duty_def.
 */
static json_t *w_duty(wr *w, const sc_duty *u)
{
	const eg_duty_def *d = &u->d;
	json_t *e = new_object();
	put(w, e, "id", json_string(d->id));
	put(w, e, "rule", json_string(d->rule));
	if (u->name.zh)
		put(w, e, "name", w_text(w, u->name));
	put(w, e, "shape", json_string(duty_shape_words[d->shape]));
	put(w, e, "kind", json_string(d->kind));
	if (d->actor)
		put(w, e, "actor", json_string(d->actor));
	if (d->group)
		put(w, e, "group", json_string(d->group));
	if (d->shape == EG_DUTY_SHAPE_PERIODIC || d->period != EG_DUTY_PERIOD_MONTH)
		put(w, e, "period", json_string(duty_period_words[d->period]));
	if (d->min_count != 1)
		put(w, e, "min_count", json_integer(d->min_count));
	if (d->tags)
		put(w, e, "tags", json_string(d->tags));
	if (d->cover_group)
		put(w, e, "cover_group", json_string(d->cover_group));
	if (u->start[0])
		put(w, e, "start", json_string(u->start));
	if (u->end[0])
		put(w, e, "end", json_string(u->end));
	if (d->due_months)
		put(w, e, "due_months", json_integer(d->due_months));
	if (d->due_day)
		put(w, e, "due_day", json_integer(d->due_day));
	if (d->event_kind)
		put(w, e, "event_kind", json_string(d->event_kind));
	if (d->shape == EG_DUTY_SHAPE_EVENT || d->match != EG_DUTY_MATCH_EVENT_ID)
		put(w, e, "match", json_string(duty_match_words[d->match]));
	if (d->limit_unit != EG_DUTY_UNIT_NONE)
		put(w, e, "limit_unit", json_string(duty_unit_words[d->limit_unit]));
	if (d->limit)
		put(w, e, "limit", json_integer(d->limit));
	if (d->flags) {
		json_t *fl = put(w, e, "flags", json_array());
		for (int k = 0; duty_flag_words[k]; k++)
			if (d->flags & (1u << k))
				push(w, fl, json_string(duty_flag_words[k]));
	}
	if (u->has_src)
		put(w, e, "source", w_src(w, u->src));
	return e;
}

static int write_model(char **out, size_t *len, arena *a, const sc_model *m)
{
	wr w = { 0 };
	json_t *o = new_object(), *arr, *e;
	char *text = NULL;
	int rc = EG_OK;
	put(&w, o, "ecogrid_scheme", json_integer(EG_SCHEME_FORMAT));
	put(&w, o, "id", json_string(m->id));
	put(&w, o, "family", json_string(m->family));
	put(&w, o, "title", w_text(&w, m->title));
	put(&w, o, "document", json_string(m->document));
	put(&w, o, "issuer", w_text(&w, m->issuer));
	put(&w, o, "valid_from", json_string(m->from));
	put(&w, o, "valid_to", m->to[0] ? json_string(m->to) : json_null());
	if (m->n_rulesets) {
		arr = put(&w, o, "rulesets", json_array());
		for (size_t i = 0; i < m->n_rulesets; i++)
			push(&w, arr, w_ruleset(&w, &m->rulesets[i]));
	}
	if (m->n_ladders) {
		arr = put(&w, o, "ladders", json_array());
		for (size_t i = 0; i < m->n_ladders; i++)
			push(&w, arr, w_ladder(&w, &m->ladders[i]));
	}
	if (m->air.present)
		put(&w, o, "air_quality", w_air(&w, &m->air));
	if (m->n_deadlines) {
		arr = put(&w, o, "deadlines", json_array());
		for (size_t i = 0; i < m->n_deadlines; i++) {
			const sc_deadline *d = &m->deadlines[i];
			push(&w, arr, e = new_object());
			put(&w, e, "id", json_string(d->id));
			put(&w, e, "rule", json_string(d->rule));
			put(&w, e, "name", w_text(&w, d->name));
			put(&w, e, "kind", json_string(deadline_words[d->kind]));
			if (d->kind != DL_YEARLY)
				put(&w, e, "months", json_integer(d->months));
			if (d->kind == DL_YEARLY)
				put(&w, e, "month", json_integer(d->month));
			if (d->kind != DL_MONTHS_AFTER)
				put(&w, e, "day", json_integer(d->day));
			put(&w, e, "source", w_src(&w, d->src));
		}
	}
	if (m->n_cadences) {
		arr = put(&w, o, "cadences", json_array());
		for (size_t i = 0; i < m->n_cadences; i++) {
			const sc_cadence *c = &m->cadences[i];
			push(&w, arr, e = new_object());
			put(&w, e, "id", json_string(c->id));
			put(&w, e, "rule", json_string(c->rule));
			put(&w, e, "kind", json_string(c->kind));
			put(&w, e, "period", json_string(period_words[c->period]));
			put(&w, e, "min_count", json_integer(c->min));
			if (c->night)
				put(&w, e, "night_or_holiday", json_true());
			put(&w, e, "actor", w_text(&w, c->actor));
			put(&w, e, "source", w_src(&w, c->src));
		}
	}
	if (m->n_duties) {
		arr = put(&w, o, "duties", json_array());
		for (size_t i = 0; i < m->n_duties; i++)
			push(&w, arr, w_duty(&w, &m->duties[i]));
	}
	if (m->n_feeds) {
		arr = put(&w, o, "monthly_ladders", json_array());
		for (size_t i = 0; i < m->n_feeds; i++) {
			push(&w, arr, e = new_object());
			put(&w, e, "ladder", json_string(m->feeds[i].ladder));
			put(&w, e, "value", json_string(feed_words[m->feeds[i].value]));
			if (m->feeds[i].item)
				put(&w, e, "item", json_string(m->feeds[i].item));
		}
	}
	if (o && !w.bad)
		text = json_dumps(o, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15));
	json_decref(o);
	if (!text)
		return eg__error_nomem("writing a scheme");
	*len = strlen(text) + 1; /* with the final newline */
	if (!(*out = arena_alloc(a, *len + 1)))
		rc = eg__error_nomem("writing a scheme");
	else {
		memcpy(*out, text, *len - 1);
		(*out)[*len - 1] = '\n';
		(*out)[*len] = '\0';
	}
	{
		/* Freed by jansson's allocator, whatever the host set it to. */
		json_malloc_t jm;
		json_free_t jf;
		json_get_alloc_funcs(&jm, &jf);
		jf(text);
	}
	return rc;
}

/* ------------------------------------------------------------------ */
/* Citations: every value that carries a source                          */
/* ------------------------------------------------------------------ */

static int add_cite(eg_scheme *s, size_t *k, const char *rule, sc_src src, const char *label, const char *fmt, ...)
	EG_PRINTF(6, 7);
static int add_cite(eg_scheme *s, size_t *k, const char *rule, sc_src src, const char *label, const char *fmt, ...)
{
	char ptr[PTR_MAX];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(ptr, sizeof ptr, fmt, ap);
	va_end(ap);
	if (s->cites) {
		sc_cite *c = &s->cites[*k];
		c->rule = rule;
		c->article = src.article;
		c->quote = src.quote;
		c->label = label;
		if (!(c->pointer = arena_strdup(&s->a, ptr)))
			return EG_ENOMEM;
	}
	(*k)++;
	return EG_OK;
}

/* Two passes: count (cites NULL), then fill. */
static int list_cites(eg_scheme *s, size_t *n)
{
	const sc_model *m = &s->m;
	size_t k = 0;
	int rc = EG_OK;
#define CITE(rule, src, label, ...)                                                                    \
	do {                                                                                           \
		if ((rc = add_cite(s, &k, rule, src, label, __VA_ARGS__)) < 0)                       \
			return rc;                                                                     \
	} while (0)
	for (size_t r = 0; r < m->n_rulesets; r++) {
		const sc_ruleset *rs = &m->rulesets[r];
		for (size_t i = 0; i < rs->n_items; i++)
			CITE(rs->items[i].rule, rs->items[i].src, rs->items[i].name.zh, "/rulesets/%zu/items/%zu", r, i);
		if (rs->has_veto)
			CITE(rs->veto_rule, rs->veto_src, NULL, "/rulesets/%zu/veto", r);
		if (rs->has_bonus)
			CITE(rs->bonus_rule, rs->bonus_src, NULL, "/rulesets/%zu/bonus", r);
		for (size_t i = 0; i < rs->n_levels; i++)
			CITE(rs->levels[i].rule, rs->levels[i].src, rs->levels[i].name.zh, "/rulesets/%zu/penalties/levels/%zu", r, i);
		for (size_t i = 0; i < rs->n_conds; i++)
			CITE(rs->conds[i].rule, rs->conds[i].src, rs->conds[i].text.zh, "/rulesets/%zu/forced_fails/%zu", r, i);
		for (size_t i = 0; i < rs->n_grades; i++)
			CITE(rs->grades[i].rule, rs->grades[i].src, NULL, "/rulesets/%zu/grades/%zu", r, i);
		if (rs->has_annual)
			CITE(rs->annual_rule, rs->annual_src, NULL, "/rulesets/%zu/annual", r);
		if (rs->has_periods)
			CITE(rs->periods_rule, rs->periods_src, NULL, "/rulesets/%zu/periods", r);
	}
	for (size_t l = 0; l < m->n_ladders; l++)
		for (size_t c = 0; c < m->ladders[l].n_clauses; c++)
			CITE(m->ladders[l].clauses[c].rule, m->ladders[l].clauses[c].src, NULL, "/ladders/%zu/clauses/%zu", l, c);
	if (m->air.present) {
		CITE(m->air.rule, m->air.src, NULL, "/air_quality");
		if (m->air.has_ranking)
			CITE(m->air.rank_rule, m->air.rank_src, NULL, "/air_quality/ranking");
		if (m->air.has_tampering)
			CITE(m->air.tamper_rule, m->air.tamper_src, NULL, "/air_quality/tampering");
	}
	for (size_t i = 0; i < m->n_deadlines; i++)
		CITE(m->deadlines[i].rule, m->deadlines[i].src, NULL, "/deadlines/%zu", i);
	for (size_t i = 0; i < m->n_cadences; i++)
		CITE(m->cadences[i].rule, m->cadences[i].src, NULL, "/cadences/%zu", i);
#undef CITE
	*n = k;
	return rc;
}

/* ------------------------------------------------------------------ */
/* Loading                                                               */
/* ------------------------------------------------------------------ */

/* Map a jansson error to a status code. */
static int jansson_code(const json_error_t *je)
{
	switch (json_error_code(je)) {
	case json_error_out_of_memory: return EG_ENOMEM;
	case json_error_invalid_utf8: return EG_EUTF8;
	case json_error_numeric_overflow: return EG_ERANGE;
	case json_error_duplicate_key: return EG_EEXISTS;
	default: return EG_EPARSE;
	}
}

/*
 * Phase 1 on a text: checks of the bytes, jansson, the model. On success
 * *doc_out holds the parsed tree (caller decrefs) and m the model in a.
 */
static int read_model(sp *p, sc_model *m, json_t **doc_out)
{
	json_error_t je;
	json_t *doc;
	size_t bad = 0;
	const char *nul;
	int rc;
	if (p->len > EG_SCHEME_MAX_BYTES) {
		char found[64];
		snprintf(found, sizeof found, "%zu bytes", p->len);
		return sp_fail_at(p, EG_ERANGE, -1, 0, found, "a document of at most 1048576 bytes (EG_SCHEME_MAX_BYTES)");
	}
	if ((nul = memchr(p->text, '\0', p->len)) != NULL) {
		path_at(p->ptr, sizeof p->ptr, p->text, p->len, (size_t)(nul - p->text));
		return sp_fail_at(p, EG_EPARSE, nul - p->text, 0, "a NUL byte", "JSON text");
	}
	if (!eg__utf8_valid(p->text, p->len, &bad)) {
		char found[32];
		path_at(p->ptr, sizeof p->ptr, p->text, p->len, bad);
		snprintf(found, sizeof found, "the byte 0x%02x", (unsigned char)p->text[bad]);
		return sp_fail_at(p, EG_EUTF8, (long long)bad, 0, found, "UTF-8 text");
	}
	doc = json_loadb(p->text, p->len, JSON_REJECT_DUPLICATES, &je);
	if (!doc) {
		char expected[200];
		int code = jansson_code(&je);
		if (code == EG_ENOMEM)
			return sp_nomem(p);
		path_at(p->ptr, sizeof p->ptr, p->text, p->len, (size_t)je.position);
		snprintf(expected, sizeof expected, "valid JSON (%s)", je.text);
		rc = sp_fail_at(p, code, -1, 0, "", expected);
		/* jansson's own place: line and column where it stopped. */
		{
			char where[PTR_MAX];
			int32_t line = je.line > 0 ? je.line : 0, col = je.column > 0 ? je.column : 0;
			copy_cut(where, sizeof where, p->ptr);
			eg__error(code, "%s: line %d, column %d, at %s: expected valid JSON, found an error: %s", p->name,
				  (int)line, (int)col, where[0] ? where : "the document's top", je.text);
			if (p->err) {
				p->err->line = line;
				p->err->column = col;
				p->err->offset = je.position;
			}
		}
		return rc;
	}
	p->ptr[0] = '\0';
	if ((rc = parse_doc(p, m, doc)) < 0) {
		json_decref(doc);
		return rc;
	}
	*doc_out = doc;
	return EG_OK;
}

/* Finish a loaded model: canonical text, digest, citations. */
static int finish(eg_scheme *s)
{
	uint8_t dig[32];
	eg__sha256 c;
	size_t n = 0, k = 0;
	int rc;
	if ((rc = write_model(&s->text, &s->text_len, &s->a, &s->m)) < 0)
		return rc;
	eg__sha256_init(&c);
	eg__sha256_update(&c, s->text, s->text_len);
	eg__sha256_final(&c, dig);
	for (int i = 0; i < 32; i++)
		snprintf(s->sha + 2 * i, 3, "%02x", dig[i]);
	list_cites(s, &n);
	if (!(s->cites = arena_alloc(&s->a, (n ? n : 1) * sizeof *s->cites)))
		return eg__error_nomem("loading a scheme");
	if ((rc = list_cites(s, &k)) < 0)
		return eg__error_nomem("loading a scheme");
	s->n_cites = k;
	return EG_OK;
}

static int load(eg_scheme **out, eg_scheme_error *err, const char *text, size_t len, const char *name)
{
	eg_scheme *s;
	json_t *doc = NULL;
	sp p;
	int rc;
	memset(&p, 0, sizeof p);
	p.text = text;
	p.len = len;
	p.name = name;
	p.err = err;
	s = eg__calloc(1, sizeof *s);
	if (!s)
		return sp_nomem(&p);
	p.a = &s->a;
	rc = read_model(&p, &s->m, &doc);
	json_decref(doc);
	if (rc == EG_OK)
		rc = phase2(&p, &s->m);
	if (rc == EG_OK && (rc = finish(s)) < 0 && err) {
		err->code = rc;
		copy_cut(err->expected, sizeof err->expected, "memory");
	}
	if (rc < 0) {
		arena_free(&s->a);
		eg__free(s);
		return rc;
	}
	*out = s;
	return EG_OK;
}

static int check_err_arg(eg_scheme_error *err)
{
	if (err && err->version != EG_SCHEME_ERROR_VERSION)
		return eg__error(EG_EINVAL, "eg_scheme_error version %u is not %u", err->version, EG_SCHEME_ERROR_VERSION);
	if (err) {
		unsigned int v = err->version;
		memset(err, 0, sizeof *err);
		err->version = v;
		err->offset = -1;
	}
	return EG_OK;
}

int eg_scheme_error_init(eg_scheme_error *e, unsigned int version)
{
	if (!e || version != EG_SCHEME_ERROR_VERSION)
		return eg__error(EG_EINVAL, "eg_scheme_error_init: %s", e ? "unknown version" : "NULL argument");
	memset(e, 0, sizeof *e);
	e->version = version;
	e->offset = -1;
	return EG_OK;
}

int eg_scheme_load_buffer(eg_scheme **out, eg_scheme_error *err, const char *text, size_t len)
{
	int rc;
	if ((rc = check_err_arg(err)) < 0)
		return rc;
	if (!out || (!text && len))
		return eg__error(EG_EINVAL, "eg_scheme_load_buffer: NULL argument");
	return load(out, err, text ? text : "", len, "scheme");
}

int eg_scheme_load(eg_scheme **out, eg_scheme_error *err, const char *path)
{
	FILE *f;
	char *buf;
	size_t n = 0;
	int rc;
	if ((rc = check_err_arg(err)) < 0)
		return rc;
	if (!out || !path)
		return eg__error(EG_EINVAL, "eg_scheme_load: NULL argument");
	if (!(f = fopen(path, "rb"))) {
		rc = eg__error(EG_EIO, "%s: cannot open the scheme document: %s", path, strerror(errno));
		if (err) {
			err->code = rc;
			copy_cut(err->expected, sizeof err->expected, "a readable file");
		}
		return rc;
	}
	/* One byte more than the limit tells a document that is too large. */
	if (!(buf = eg__malloc(EG_SCHEME_MAX_BYTES + 1))) {
		fclose(f);
		return eg__error_nomem("reading a scheme document");
	}
	n = fread(buf, 1, EG_SCHEME_MAX_BYTES + 1, f);
	if (ferror(f)) {
		rc = eg__error(EG_EIO, "%s: cannot read the scheme document", path);
		if (err) {
			err->code = rc;
			copy_cut(err->expected, sizeof err->expected, "a readable file");
		}
	} else {
		rc = load(out, err, buf, n, path);
	}
	fclose(f);
	eg__free(buf);
	return rc;
}

void eg_scheme_free(eg_scheme *s)
{
	if (!s)
		return;
	arena_free(&s->a);
	eg__free(s);
}

/* The embedded document holding a name (in `which` list), or NULL. */
static const eg__scheme_doc *doc_by_id(const char *id)
{
	for (size_t i = 0; i < eg__scheme_doc_count; i++)
		if (strcmp(eg__scheme_docs[i].id, id) == 0)
			return &eg__scheme_docs[i];
	return NULL;
}

static int load_doc(eg_scheme **out, const eg__scheme_doc *d)
{
	return load(out, NULL, (const char *)d->text, d->len, d->id);
}

size_t eg_scheme_named_count(void) { return eg__scheme_doc_count; }

const char *eg_scheme_named_at(size_t i)
{
	return i < eg__scheme_doc_count ? eg__scheme_docs[i].id : NULL;
}

int eg_scheme_named(eg_scheme **out, const char *name)
{
	const eg__scheme_doc *d;
	if (!out || !name)
		return eg__error(EG_EINVAL, "eg_scheme_named: NULL argument");
	if (!(d = doc_by_id(name))) {
		char list[256];
		size_t o = 0;
		for (size_t i = 0; i < eg__scheme_doc_count && o < sizeof list; i++)
			o += (size_t)snprintf(list + o, sizeof list - o, "%s%s", i ? ", " : "", eg__scheme_docs[i].id);
		return eg__error(EG_ENOTFOUND, "no shipped scheme named \"%.64s\" (%s)", name, list);
	}
	return load_doc(out, d);
}

int eg_scheme_write(char **out, const eg_scheme *s)
{
	char *t;
	if (!out || !s)
		return eg__error(EG_EINVAL, "eg_scheme_write: NULL argument");
	if (!(t = eg__strndup(s->text, s->text_len)))
		return eg__error_nomem("writing a scheme");
	*out = t;
	return EG_OK;
}

const char *eg_scheme_text(const eg_scheme *s) { return s ? s->text : NULL; }
const char *eg_scheme_sha256(const eg_scheme *s) { return s ? s->sha : NULL; }
const char *eg_scheme_id(const eg_scheme *s) { return s ? s->m.id : NULL; }
const char *eg_scheme_family_name(const eg_scheme *s) { return s ? s->m.family : NULL; }
const char *eg_scheme_document(const eg_scheme *s) { return s ? s->m.document : NULL; }

const char *eg_scheme_title(const eg_scheme *s, int lang)
{
	return s ? (lang == EG_LANG_EN ? s->m.title.en : s->m.title.zh) : NULL;
}

const char *eg_scheme_issuer(const eg_scheme *s, int lang)
{
	return s ? (lang == EG_LANG_EN ? s->m.issuer.en : s->m.issuer.zh) : NULL;
}

int eg_scheme_validity(const char **from, const char **to, const eg_scheme *s)
{
	if (!from || !to || !s)
		return eg__error(EG_EINVAL, "eg_scheme_validity: NULL argument");
	*from = s->m.from;
	*to = s->m.to[0] ? s->m.to : NULL;
	return EG_OK;
}

/* ------------------------------------------------------------------ */
/* Queries                                                               */
/* ------------------------------------------------------------------ */

/* "YYYY-MM-DD" or "YYYY-MM" (its last day) into days; -1 when neither. */
static int parse_day(int64_t *day, const char *s)
{
	int32_t mi;
	if (!s)
		return -1;
	if (eg__date_parse(day, s) == 0)
		return 0;
	if (eg__month_parse(&mi, s) == 0) {
		int y = (int)(mi / 12), m = (int)(mi % 12) + 1;
		*day = eg__days_from_civil(y, m, eg__days_in_month(y, m));
		return 0;
	}
	return -1;
}

size_t eg_scheme_ruleset_count(const eg_scheme *s) { return s ? s->m.n_rulesets : 0; }

const char *eg_scheme_ruleset_name(const eg_scheme *s, size_t i)
{
	return s && i < s->m.n_rulesets ? s->m.rulesets[i].id : NULL;
}

int eg_scheme_ruleset(eg_ruleset **out, const eg_scheme *s, const char *date)
{
	int64_t d;
	if (!out || !s || !date)
		return eg__error(EG_EINVAL, "eg_scheme_ruleset: NULL argument");
	if (parse_day(&d, date) < 0)
		return eg__error(EG_EINVAL, "\"%.20s\" is not a date YYYY-MM-DD or a month YYYY-MM", date);
	for (size_t i = 0; i < s->m.n_rulesets; i++)
		if (d >= ruleset_from(&s->m, &s->m.rulesets[i]) && d <= ruleset_to(&s->m, &s->m.rulesets[i]))
			return build_ruleset(out, &s->m, i, NULL);
	return eg__error(EG_ENOTFOUND, "scheme %s has no rule set in force on %s", s->m.id, date);
}

int eg_scheme_ruleset_named(eg_ruleset **out, const eg_scheme *s, const char *name)
{
	if (!out || !s || !name)
		return eg__error(EG_EINVAL, "eg_scheme_ruleset_named: NULL argument");
	for (size_t i = 0; i < s->m.n_rulesets; i++)
		if (strcmp(s->m.rulesets[i].id, name) == 0)
			return build_ruleset(out, &s->m, i, NULL);
	return eg__error(EG_ENOTFOUND, "scheme %s has no rule set named \"%.64s\"", s->m.id, name);
}

size_t eg_scheme_ladder_count(const eg_scheme *s) { return s ? s->m.n_ladders : 0; }

const char *eg_scheme_ladder_name(const eg_scheme *s, size_t i)
{
	return s && i < s->m.n_ladders ? s->m.ladders[i].id : NULL;
}

int eg_scheme_ladder(eg_ladder **out, const eg_scheme *s, const char *name)
{
	int k;
	if (!out || !s || !name)
		return eg__error(EG_EINVAL, "eg_scheme_ladder: NULL argument");
	if ((k = find_ladder(&s->m, name)) < 0)
		return eg__error(EG_ENOTFOUND, "scheme %s has no ladder named \"%.64s\"", s->m.id, name);
	return build_ladder(out, &s->m, (size_t)k, NULL);
}

size_t eg_scheme_source_count(const eg_scheme *s) { return s ? s->n_cites : 0; }

int eg_scheme_source_at(const char **rule, const char **pointer, const char **article, const char **quote,
			const eg_scheme *s, size_t i)
{
	if (!rule || !pointer || !article || !quote || !s)
		return eg__error(EG_EINVAL, "eg_scheme_source_at: NULL argument");
	if (i >= s->n_cites)
		return eg__error(EG_ERANGE, "source %zu of scheme %s: it has %zu", i, s->m.id, s->n_cites);
	*rule = s->cites[i].rule;
	*pointer = s->cites[i].pointer;
	*article = s->cites[i].article;
	*quote = s->cites[i].quote;
	return EG_OK;
}

int eg_scheme_airq_profile(eg_airq_profile **out, const eg_scheme *s, const char *date)
{
	int64_t d;
	char day[11];
	if (!out || !s || !date)
		return eg__error(EG_EINVAL, "eg_scheme_airq_profile: NULL argument");
	if (parse_day(&d, date) < 0)
		return eg__error(EG_EINVAL, "\"%.20s\" is not a date YYYY-MM-DD or a month YYYY-MM", date);
	if (!s->m.air.present)
		return eg__error(EG_ENOTFOUND, "scheme %s has no air-quality set-up", s->m.id);
	eg__date_format(day, d);
	return air_profile(out, &s->m.air, day);
}

int eg_scheme_airq_ranking(int *metric, int *order, int *decimals, const char **last_place_ladder, const eg_scheme *s)
{
	if (!metric || !order || !decimals || !last_place_ladder || !s)
		return eg__error(EG_EINVAL, "eg_scheme_airq_ranking: NULL argument");
	*metric = s->m.air.has_ranking ? s->m.air.metric : EG_SCHEME_RANK_METRIC_NONE;
	/* CJ-A3-5: a rate ranks larger-better at 0.1 % (3 decimals of the fraction); an index smaller-better at 0.01. */
	*order = *metric == EG_SCHEME_RANK_METRIC_IMPROVEMENT_RATE ? EG_RANK_ORDER_DESC : EG_RANK_ORDER_ASC;
	*decimals = *metric == EG_SCHEME_RANK_METRIC_IMPROVEMENT_RATE ? 3 : 2;
	*last_place_ladder = s->m.air.last_place;
	return EG_OK;
}

size_t eg_scheme_deadline_count(const eg_scheme *s) { return s ? s->m.n_deadlines : 0; }

const char *eg_scheme_deadline_id(const eg_scheme *s, size_t i)
{
	return s && i < s->m.n_deadlines ? s->m.deadlines[i].id : NULL;
}

const char *eg_scheme_deadline_rule(const eg_scheme *s, size_t i)
{
	return s && i < s->m.n_deadlines ? s->m.deadlines[i].rule : NULL;
}

/* y-m plus `months` months, day d clamped to the month's last day (R0.10); -1 past 9999. */
static int add_months(int64_t *out, int y, int m, int d, int64_t months)
{
	int64_t mi = (int64_t)y * 12 + (m - 1) + months;
	int ny = (int)(mi / 12), nm = (int)(mi % 12) + 1;
	if (mi / 12 > 9999)
		return -1;
	if (d > eg__days_in_month(ny, nm))
		d = eg__days_in_month(ny, nm);
	*out = eg__days_from_civil(ny, nm, d);
	return 0;
}

int eg_scheme_deadline(char *due, const eg_scheme *s, const char *id, const char *anchor)
{
	const sc_deadline *dl = NULL;
	int64_t day = 0;
	int y = 0, q = 0, m, d;
	if (!due || !s || !id || !anchor)
		return eg__error(EG_EINVAL, "eg_scheme_deadline: NULL argument");
	for (size_t i = 0; i < s->m.n_deadlines; i++)
		if (strcmp(s->m.deadlines[i].id, id) == 0)
			dl = &s->m.deadlines[i];
	if (!dl)
		return eg__error(EG_ENOTFOUND, "scheme %s has no deadline \"%.64s\"", s->m.id, id);
	switch (dl->kind) {
	case DL_AFTER_QUARTER: {
		char tail;
		if (strlen(anchor) != 6 || sscanf(anchor, "%4dQ%1d%c", &y, &q, &tail) != 2 || y < 1 || q < 1 || q > 4 ||
		    anchor[4] != 'Q')
			return eg__error(EG_EINVAL, "deadline %s (%s): anchor \"%.20s\" is not a quarter YYYYQn", dl->id,
					 dl->rule, anchor);
		/* JM-2.1.2: the given day of the month `months` after the quarter's last month. */
		if (add_months(&day, y, q * 3, dl->day, dl->months) < 0)
			return eg__error(EG_ERANGE, "deadline %s: %s falls after 9999-12-31", dl->id, anchor);
		break;
	}
	case DL_MONTHS_AFTER:
		/* R0.10: the same day `months` later, or that month's last day. */
		if (eg__date_parse(&day, anchor) < 0)
			return eg__error(EG_EINVAL, "deadline %s (%s): anchor \"%.20s\" is not a date YYYY-MM-DD", dl->id,
					 dl->rule, anchor);
		eg__civil_from_days(day, &y, &m, &d);
		if (add_months(&day, y, m, d, dl->months) < 0)
			return eg__error(EG_ERANGE, "deadline %s: %s plus %d months falls after 9999-12-31", dl->id, anchor,
					 (int)dl->months);
		break;
	default: {
		char tail;
		if (strlen(anchor) != 4 || sscanf(anchor, "%4d%c", &y, &tail) != 1 || y < 1)
			return eg__error(EG_EINVAL, "deadline %s (%s): anchor \"%.20s\" is not a year YYYY", dl->id, dl->rule,
					 anchor);
		day = eg__days_from_civil(y, dl->month, dl->day);
		break;
	}
	}
	eg__date_format(due, day);
	return EG_OK;
}

/* disclosure.c (declared in records_internal.h, whose names clash with this file's). */
int eg__disclosure_update_due(int *status, int32_t *late_days, const eg_records *r, const char *id, int year, int quarter,
			      const char *due);

/*
 * JM-2.1.2 under a scheme: the district update of a quarter is due on the
 * scheme's "district_update" deadline (anchor "YYYYQn"), the whole day
 * (R0.3); the status is eg_disclosure_update_check()'s against that day.
 */
int eg_scheme_disclosure_status(int *status, int32_t *late_days, char *due, const eg_scheme *s, const eg_records *r,
				const char *id, int year, int quarter)
{
	char anchor[16], day[11];
	int rc;
	if (!status || !late_days || !s || !r || !id)
		return eg__error(EG_EINVAL, "eg_scheme_disclosure_status: NULL argument");
	if (quarter < 1 || quarter > 4 || year < 1 || year > 9998)
		return eg__error(EG_EINVAL, "JM-2.1.2 deadline: year %d quarter %d", year, quarter);
	snprintf(anchor, sizeof anchor, "%04dQ%d", year, quarter);
	if ((rc = eg_scheme_deadline(day, s, EG_SCHEME_DEADLINE_DISTRICT_UPDATE, anchor)) < 0)
		return rc;
	if ((rc = eg__disclosure_update_due(status, late_days, r, id, year, quarter, day)) < 0)
		return rc;
	if (due)
		memcpy(due, day, sizeof day);
	return EG_OK;
}

size_t eg_scheme_cadence_count(const eg_scheme *s) { return s ? s->m.n_cadences : 0; }

const char *eg_scheme_cadence_id(const eg_scheme *s, size_t i)
{
	return s && i < s->m.n_cadences ? s->m.cadences[i].id : NULL;
}

int eg_scheme_cadence_init(eg_scheme_cadence *c, unsigned int version)
{
	static const eg_scheme_cadence init = EG_SCHEME_CADENCE_INIT;
	if (!c || version != EG_SCHEME_CADENCE_VERSION)
		return eg__error(EG_EINVAL, "eg_scheme_cadence_init: %s", c ? "unknown version" : "NULL argument");
	*c = init;
	return EG_OK;
}

int eg_scheme_cadence_at(eg_scheme_cadence *out, const eg_scheme *s, size_t i)
{
	if (!out || !s)
		return eg__error(EG_EINVAL, "eg_scheme_cadence_at: NULL argument");
	if (out->version != EG_SCHEME_CADENCE_VERSION)
		return eg__error(EG_EINVAL, "eg_scheme_cadence version %u is not %u", out->version, EG_SCHEME_CADENCE_VERSION);
	if (i >= s->m.n_cadences)
		return eg__error(EG_ERANGE, "cadence %zu of scheme %s: it has %zu", i, s->m.id, s->m.n_cadences);
	out->id = s->m.cadences[i].id;
	out->rule = s->m.cadences[i].rule;
	out->kind = s->m.cadences[i].kind;
	out->period = s->m.cadences[i].period;
	out->min_count = s->m.cadences[i].min;
	out->flags = s->m.cadences[i].night ? EG_DUTY_CADENCE_NIGHT_OR_HOLIDAY : 0;
	return EG_OK;
}

/* Section 9 of the catalogue: the scheme's duty calendar. */
int eg_scheme_duties(eg_duty_set **out, const eg_scheme *s)
{
	if (!out || !s)
		return eg__error(EG_EINVAL, "eg_scheme_duties: NULL argument");
	return build_duties(out, &s->m, NULL);
}

size_t eg_scheme_monthly_count(const eg_scheme *s) { return s ? s->m.n_feeds : 0; }

int eg_scheme_monthly_at(const char **ladder, int *feed, const char **item, const eg_scheme *s, size_t i)
{
	if (!ladder || !feed || !item || !s)
		return eg__error(EG_EINVAL, "eg_scheme_monthly_at: NULL argument");
	if (i >= s->m.n_feeds)
		return eg__error(EG_ERANGE, "monthly ladder %zu of scheme %s: it has %zu", i, s->m.id, s->m.n_feeds);
	*ladder = s->m.feeds[i].ladder;
	*feed = s->m.feeds[i].value;
	*item = s->m.feeds[i].item;
	return EG_OK;
}

/* ------------------------------------------------------------------ */
/* Presets: read from the embedded documents (src/scheme_internal.h)     */
/* ------------------------------------------------------------------ */

/* "a, b, c": the rule sets (0) or ladders (1) the embedded documents define (for messages). */
static void index_names(char *out, size_t sz, int ladders)
{
	size_t o = 0;
	out[0] = '\0';
	for (size_t i = 0; i < eg__scheme_doc_count; i++)
		for (const char *const *n = ladders ? eg__scheme_docs[i].ladders : eg__scheme_docs[i].rulesets; *n && o < sz; n++)
			o += (size_t)snprintf(out + o, sz - o, "%s%s", o ? ", " : "", *n);
}

int eg__scheme_preset_ruleset(eg_ruleset **out, const char *name)
{
	for (size_t i = 0; i < eg__scheme_doc_count; i++)
		for (const char *const *r = eg__scheme_docs[i].rulesets; *r; r++)
			if (strcmp(*r, name) == 0) {
				eg_scheme *s = NULL;
				int rc = load_doc(&s, &eg__scheme_docs[i]);
				if (rc == EG_OK)
					rc = eg_scheme_ruleset_named(out, s, name);
				eg_scheme_free(s);
				return rc;
			}
	{
		char list[512];
		index_names(list, sizeof list, 0);
		return eg__error(EG_ENOTFOUND, "no preset rule set named \"%.64s\" (%s)", name, list);
	}
}

int eg__scheme_preset_for_date(eg_ruleset **out, const char *family, const char *date)
{
	int64_t d, best_from = INT64_MIN;
	const eg__scheme_doc *best_doc = NULL;
	char best[ID_MAX + 1] = "";
	if (eg__date_parse(&d, date) < 0)
		return eg__error(EG_EINVAL, "\"%.20s\" is not a date YYYY-MM-DD", date);
	for (size_t i = 0; i < eg__scheme_doc_count; i++) {
		eg_scheme *s = NULL;
		int rc, any = 0;
		for (const char *const *r = eg__scheme_docs[i].rulesets; *r; r++)
			any |= !family || strncmp(*r, family, strlen(family)) == 0;
		if (!any)
			continue;
		if ((rc = load_doc(&s, &eg__scheme_docs[i])) < 0)
			return rc;
		for (size_t k = 0; k < s->m.n_rulesets; k++) {
			const sc_ruleset *r = &s->m.rulesets[k];
			int64_t f = ruleset_from(&s->m, r), t = ruleset_to(&s->m, r);
			if (family && strncmp(r->id, family, strlen(family)) != 0)
				continue;
			if (d >= f && d <= t && f > best_from) {
				best_from = f;
				best_doc = &eg__scheme_docs[i];
				snprintf(best, sizeof best, "%s", r->id);
			}
		}
		eg_scheme_free(s);
	}
	if (!best_doc)
		return eg__error(EG_ENOTFOUND, "no preset rule set%s%s is in force on %s", family ? " of family " : "",
				 family ? family : "", date);
	{
		eg_scheme *s = NULL;
		int rc = load_doc(&s, best_doc);
		if (rc == EG_OK)
			rc = eg_scheme_ruleset_named(out, s, best);
		eg_scheme_free(s);
		return rc;
	}
}

int eg__scheme_preset_ladder(eg_ladder **out, const char *name)
{
	for (size_t i = 0; i < eg__scheme_doc_count; i++)
		for (const char *const *l = eg__scheme_docs[i].ladders; *l; l++)
			if (strcmp(*l, name) == 0) {
				eg_scheme *s = NULL;
				int rc = load_doc(&s, &eg__scheme_docs[i]);
				if (rc == EG_OK)
					rc = eg_scheme_ladder(out, s, name);
				eg_scheme_free(s);
				return rc;
			}
	{
		char list[512];
		index_names(list, sizeof list, 1);
		return eg__error(EG_ENOTFOUND, "no preset ladder named \"%.64s\" (%s)", name, list);
	}
}


/* ------------------------------------------------------------------ */
/* Static checks                                                          */
/* ------------------------------------------------------------------ */

typedef struct finding {
	const char *id, *pointer, *msg[2];
} finding;

struct eg_scheme_findings {
	arena a;
	finding *v;
	size_t n, cap;
};

static int add_finding(eg_scheme_findings *f, const char *id, const char *ptr, const char *zh, const char *en)
{
	if (f->n == f->cap) {
		size_t nc = f->cap ? 2 * f->cap : 16;
		finding *v = arena_alloc(&f->a, nc * sizeof *v);
		if (!v)
			return eg__error_nomem("checking a scheme");
		if (f->n)
			memcpy(v, f->v, f->n * sizeof *v);
		f->v = v;
		f->cap = nc;
	}
	f->v[f->n].id = id;
	if (!(f->v[f->n].pointer = arena_strdup(&f->a, ptr)) || !(f->v[f->n].msg[0] = arena_strdup(&f->a, zh)) ||
	    !(f->v[f->n].msg[1] = arena_strdup(&f->a, en)))
		return eg__error_nomem("checking a scheme");
	f->n++;
	return EG_OK;
}

#define FIND(id, ptr, ...)                                                                             \
	do {                                                                                           \
		char zh_[768], en_[768];                                                               \
		int rc_;                                                                               \
		FIND_TEXT __VA_ARGS__;                                                                 \
		if ((rc_ = add_finding(f, id, ptr, zh_, en_)) < 0)                                     \
			return rc_;                                                                    \
	} while (0)
#define FIND_TEXT(...) FIND_SPLIT(__VA_ARGS__)
#define FIND_SPLIT(zfmt, efmt, ...)                                                                    \
	snprintf(zh_, sizeof zh_, zfmt, __VA_ARGS__);                                                  \
	snprintf(en_, sizeof en_, efmt, __VA_ARGS__)

static const char *grade_zh(int g)
{
	switch (g) {
	case EG_GRADE_EXCELLENT: return "优秀";
	case EG_GRADE_GOOD: return "良好";
	default: return "合格";
	}
}

/* A finding whose words differ by language beyond the format (the grades' names in each). */
#define GRADE_FIND(id, ptr, zargs, eargs)                                                              \
	do {                                                                                           \
		char zh_[768], en_[768];                                                               \
		int rc_;                                                                               \
		snprintf zargs;                                                                        \
		snprintf eargs;                                                                        \
		if ((rc_ = add_finding(f, id, ptr, zh_, en_)) < 0)                                     \
			return rc_;                                                                    \
	} while (0)

static int check_grades(eg_scheme_findings *f, const sc_ruleset *r, size_t ri)
{
	for (size_t i = 0; i < r->n_grades; i++)
		for (size_t j = 0; j < r->n_grades; j++) {
			const sc_grade *a = &r->grades[i], *b = &r->grades[j];
			char ptr[96];
			snprintf(ptr, sizeof ptr, "/rulesets/%zu/grades/%zu", ri, j);
			if (j > i && (a->grade == b->grade || a->min == b->min))
				GRADE_FIND("grade-overlap", ptr,
					   (zh_, sizeof zh_, "规则集 %s：等次%s与%s的起点同为 %d 分或为同一等次（%s）", r->id,
					    grade_zh(a->grade), grade_zh(b->grade), (int)b->min, b->rule),
					   (en_, sizeof en_, "rule set %s: grades %s and %s start at the same score %d or are the same grade (%s)",
					    r->id, eg_grade_name(a->grade), eg_grade_name(b->grade), (int)b->min, b->rule));
			/* b is the grade right below a (the highest lower threshold). */
			if (b->grade < a->grade && b->min < a->min) {
				int next = 1;
				for (size_t k = 0; k < r->n_grades; k++)
					if (r->grades[k].min > b->min && r->grades[k].min < a->min)
						next = 0;
				if (!next || !b->has_max)
					continue;
				if (b->max + 1 < a->min)
					GRADE_FIND("grade-gap", ptr,
						   (zh_, sizeof zh_, "规则集 %s：%s止于 %d 分，%s起于 %d 分，其间的得分没有等次（%s）", r->id,
						    grade_zh(b->grade), (int)b->max, grade_zh(a->grade), (int)a->min, b->rule),
						   (en_, sizeof en_, "rule set %s: %s ends at %d and %s starts at %d: the scores between have no grade (%s)",
						    r->id, eg_grade_name(b->grade), (int)b->max, eg_grade_name(a->grade), (int)a->min, b->rule));
				else if (b->max >= a->min)
					GRADE_FIND("grade-overlap", ptr,
						   (zh_, sizeof zh_, "规则集 %s：%s止于 %d 分，与%s（起于 %d 分）重叠（%s）", r->id,
						    grade_zh(b->grade), (int)b->max, grade_zh(a->grade), (int)a->min, b->rule),
						   (en_, sizeof en_, "rule set %s: %s ends at %d, overlapping %s which starts at %d (%s)", r->id,
						    eg_grade_name(b->grade), (int)b->max, eg_grade_name(a->grade), (int)a->min, b->rule));
			} else if (b->grade < a->grade && b->min > a->min) {
				GRADE_FIND("grade-overlap", ptr,
					   (zh_, sizeof zh_, "规则集 %s：较低的等次%s起于 %d 分，高于%s的 %d 分（%s）", r->id,
					    grade_zh(b->grade), (int)b->min, grade_zh(a->grade), (int)a->min, b->rule),
					   (en_, sizeof en_, "rule set %s: the lower grade %s starts at %d, above %s at %d (%s)", r->id,
					    eg_grade_name(b->grade), (int)b->min, eg_grade_name(a->grade), (int)a->min, b->rule));
			}
		}
	return EG_OK;
}

static int check_items(eg_scheme_findings *f, const sc_ruleset *r, size_t ri)
{
	for (size_t i = 0; i < r->n_items; i++) {
		const sc_item *it = &r->items[i];
		char ptr[96];
		snprintf(ptr, sizeof ptr, "/rulesets/%zu/items/%zu", ri, i);
		if (it->veto && it->kind != EG_ITEM_KIND_STATUS)
			FIND("veto-not-status", ptr,
			     ("规则集 %s：第%s项是扣分项，不能实行一票否决，一票否决项须为“落实/未落实”项（%s）",
			      "rule set %s: item %s is a deduction item and cannot be a veto item; veto items are status items (%s)",
			      r->id, it->id, it->rule));
		if (it->kind == EG_ITEM_KIND_DEDUCT && it->has_floor && it->floor < it->max) {
			int64_t span = (int64_t)it->max - it->floor;
			if (it->per == 0)
				FIND("floor-unreachable", ptr,
				     ("规则集 %s：第%s项每起扣 0 分，永远扣不到 %d 分的下限（%s）",
				      "rule set %s: item %s deducts 0 per occurrence and never reaches its floor of %d (%s)",
				      r->id, it->id, (int)it->floor, it->rule));
			else if ((span + it->per - 1) / it->per > 1000000)
				FIND("floor-unreachable", ptr,
				     ("规则集 %s：第%s项扣到 %d 分的下限需要超过 1000000 起，超出可录入的次数（%s）",
				      "rule set %s: item %s needs more than 1000000 occurrences to reach its floor of %d, more than an input can give (%s)",
				      r->id, it->id, (int)it->floor, it->rule));
		}
	}
	for (size_t s = 0; s < r->n_sections; s++) {
		const sc_section *sec = &r->sections[s];
		int64_t sum = 0;
		if (!sec->has_max)
			continue;
		for (size_t i = 0; i < r->n_items; i++) {
			const sc_item *it = &r->items[i];
			char ptr[96];
			if (strcmp(it->section, sec->id) != 0)
				continue;
			sum += it->max;
			snprintf(ptr, sizeof ptr, "/rulesets/%zu/items/%zu", ri, i);
			if (it->max > sec->max)
				FIND("item-exceeds-section", ptr,
				     ("规则集 %s：第%s项满分 %d 分，超过所属部分 %s 的 %d 分（%s）",
				      "rule set %s: item %s is worth %d, more than its section %s's %d (%s)", r->id, it->id,
				      (int)it->max, sec->id, (int)sec->max, it->rule));
		}
		if (sum > sec->max) {
			char ptr[96];
			snprintf(ptr, sizeof ptr, "/rulesets/%zu/sections/%zu", ri, s);
			FIND("item-exceeds-section", ptr,
			     ("规则集 %s：部分“%s”各项满分合计 %lld 分，超过该部分的 %d 分（%s）",
			      "rule set %s: the items of section %s add up to %lld, more than its %d (%s)", r->id, sec->id,
			      (long long)sum, (int)sec->max, r->total_rule));
		}
	}
	return EG_OK;
}

/* Does clause b fire whenever clause a fires (same ladder)? */
static int implied(const sc_ladder *l, const sc_clause *a, const sc_clause *b)
{
	int thr;
	switch (l->measure) {
	case EG_LADDER_MEASURE_SHARE:
	case EG_LADDER_MEASURE_AT_LEAST: thr = b->threshold <= a->threshold; break;
	case EG_LADDER_MEASURE_BOTTOM_N: thr = b->threshold >= a->threshold; break;
	default: thr = 1; break;
	}
	if (!thr)
		return 0;
	/* Flags: b may need no flag, or the same one; a year-flag clause also
	 * fires when the flag arrives, so only another year-flag clause follows it. */
	if (!(b->flag == EG_LADDER_FLAG_NONE || b->flag == a->flag) || (a->flag == EG_LADDER_FLAG_YEAR && b->flag != EG_LADDER_FLAG_YEAR))
		return 0;
	if ((a->kind == EG_LADDER_CLAUSE_KIND_SINGLE || a->kind == EG_LADDER_CLAUSE_KIND_CONSECUTIVE) &&
	    (b->kind == EG_LADDER_CLAUSE_KIND_SINGLE || b->kind == EG_LADDER_CLAUSE_KIND_CONSECUTIVE))
		return b->count <= a->count;
	if (a->kind == b->kind && a->window_sum == b->window_sum)
		return b->count <= a->count;
	return 0;
}

static int action_index(const sc_ladder *l, const char *id)
{
	for (size_t a = 0; a < l->n_actions; a++)
		if (strcmp(l->actions[a].id, id) == 0)
			return (int)a + 1;
	return -1;
}

static int check_ladders(eg_scheme_findings *f, const sc_model *m)
{
	for (size_t li = 0; li < m->n_ladders; li++) {
		const sc_ladder *l = &m->ladders[li];
		for (size_t a = 0; a < l->n_actions; a++)
			if (!l->actions[a].name.zh) {
				char ptr[96];
				snprintf(ptr, sizeof ptr, "/ladders/%zu/actions/%zu", li, a);
				FIND("action-unnamed", ptr,
				     ("阶梯 %s：措施 %s 没有中英文名称，通报无法写明", "ladder %s: action %s has no name in Chinese and English for a bulletin to print",
				      l->id, l->actions[a].id));
			}
		for (size_t ci = 0; ci < l->n_clauses; ci++) {
			const sc_clause *c = &l->clauses[ci];
			char ptr[96];
			int sev = action_index(l, c->action);
			snprintf(ptr, sizeof ptr, "/ladders/%zu/clauses/%zu", li, ci);
			if ((l->measure == EG_LADDER_MEASURE_SHARE && c->threshold > 100) ||
			    (l->measure == EG_LADDER_MEASURE_BOTTOM_N && c->threshold == 0) ||
			    (c->flag != EG_LADDER_FLAG_NONE && !l->flag_label.zh))
				FIND("clause-never-fires", ptr,
				     ("阶梯 %s：条款（%s → %s）的条件永远不会成立（%s）%.0s",
				      "ladder %s: the clause (%s -> %s) can never fire (%.0s%s)", l->id, c->rule, c->action,
				      c->flag != EG_LADDER_FLAG_NONE && !l->flag_label.zh ? "需要阶梯没有的标记"
				      : l->measure == EG_LADDER_MEASURE_SHARE ? "占比超过 100%" : "倒数 0 名",
				      c->flag != EG_LADDER_FLAG_NONE && !l->flag_label.zh ? "requires a flag the ladder does not have"
				      : l->measure == EG_LADDER_MEASURE_SHARE ? "a share above 100%" : "bottom 0"));
			for (size_t cj = 0; sev > 0 && cj < l->n_clauses; cj++) {
				const sc_clause *b = &l->clauses[cj];
				int sb = action_index(l, b->action);
				if (cj == ci || sb < sev || !implied(l, c, b))
					continue;
				/* Equal clauses for one action: the later one is the redundant one. */
				if (sb == sev && implied(l, b, c) && cj > ci)
					continue;
				FIND("clause-shadowed", ptr,
				     ("阶梯 %s：条款 %zu（%s → %s）成立时，更严厉或同等的条款 %zu（→ %s）必然也成立，此条款不会改变结果",
				      "ladder %s: whenever clause %zu (%s -> %s) fires, clause %zu (-> %s), as strong or stronger, fires too: it never changes the outcome",
				      l->id, ci, c->rule, c->action, cj, b->action));
				break;
			}
		}
	}
	return EG_OK;
}

/* The group of a citation: its pointer without the final index, rule sets merged. */
static void cite_group(char *out, size_t sz, const char *ptr, int merge_rulesets)
{
	const char *slash = strrchr(ptr, '/');
	size_t n = strlen(ptr);
	if (slash && slash[1] >= '0' && slash[1] <= '9')
		n = (size_t)(slash - ptr);
	if (n >= sz)
		n = sz - 1;
	memcpy(out, ptr, n);
	out[n] = '\0';
	if (merge_rulesets && strncmp(out, "/rulesets/", 10) == 0) {
		char *p = out + 10;
		while (*p >= '0' && *p <= '9')
			memmove(p, p + 1, strlen(p));
		memmove(out + 11, out + 10, strlen(out + 10) + 1);
		out[10] = '*';
	}
}

static int check_cites(eg_scheme_findings *f, const sc_cite *c, size_t n)
{
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < i; j++) {
			char gi[PTR_MAX], gj[PTR_MAX], ci[PTR_MAX], cj[PTR_MAX];
			if (strcmp(c[i].rule, c[j].rule) != 0)
				continue;
			cite_group(gi, sizeof gi, c[i].pointer, 1);
			cite_group(gj, sizeof gj, c[j].pointer, 1);
			cite_group(ci, sizeof ci, c[i].pointer, 0);
			cite_group(cj, sizeof cj, c[j].pointer, 0);
			if (strcmp(gi, gj) != 0) {
				FIND("rule-cited-twice", c[i].pointer,
				     ("规则 %s 在 %s 已有引用，又在 %s 引用：同一条规则不应在两处实现",
				      "rule %s is cited at %s and again at %s: one rule should not be implemented in two places",
				      c[i].rule, c[j].pointer, c[i].pointer));
				break;
			}
			/* Named alternatives drawn from one sentence (CJ-A2-5.11's triggers) are
			 * not duplicates; the same entry twice is. */
			if (strcmp(ci, cj) == 0 && strcmp(c[i].article, c[j].article) == 0 &&
			    strcmp(c[i].quote, c[j].quote) == 0 &&
			    !(c[i].label && c[j].label && strcmp(c[i].label, c[j].label) != 0)) {
				FIND("rule-cited-twice", c[i].pointer,
				     ("规则 %s 以同一出处（%s）被 %s 与 %s 重复引用",
				      "rule %s is cited twice with the same source (%s), at %s and %s", c[i].rule, c[i].article,
				      c[j].pointer, c[i].pointer));
				break;
			}
		}
	return EG_OK;
}

static int check_dates(eg_scheme_findings *f, const sc_model *m)
{
	if (m->to_d < m->from_d)
		FIND("dates-out-of-order", "/valid_to",
		     ("方案止于 %s，早于起始日 %s", "the scheme ends on %s, before it starts on %s", m->to, m->from));
	for (size_t i = 0; i < m->n_rulesets; i++) {
		const sc_ruleset *r = &m->rulesets[i];
		int64_t fr = ruleset_from(m, r), to = ruleset_to(m, r);
		char ptr[64];
		snprintf(ptr, sizeof ptr, "/rulesets/%zu", i);
		if (to < fr)
			FIND("dates-out-of-order", ptr,
			     ("规则集 %s 止于 %s，早于起始日 %s", "rule set %s ends on %s, before it starts on %s", r->id, r->to, r->from));
		else if (fr < m->from_d || to > m->to_d)
			FIND("dates-out-of-order", ptr,
			     ("规则集 %s 的有效期超出方案的有效期（%s 起）", "rule set %s is in force outside the scheme's dates (from %s)",
			      r->id, m->from));
		for (size_t j = 0; j < i; j++) {
			int64_t f2 = ruleset_from(m, &m->rulesets[j]), t2 = ruleset_to(m, &m->rulesets[j]);
			if (fr <= t2 && f2 <= to && fr <= to)
				FIND("dates-out-of-order", ptr,
				     ("规则集 %s 与 %s 的有效期重叠", "rule sets %s and %s are in force on the same days", r->id,
				      m->rulesets[j].id));
		}
	}
	return EG_OK;
}

static int run_checks(eg_scheme_findings *f, const sc_model *m, const sc_cite *cites, size_t n_cites)
{
	int rc;
	if ((rc = check_dates(f, m)) < 0)
		return rc;
	for (size_t i = 0; i < m->n_rulesets; i++)
		if ((rc = check_grades(f, &m->rulesets[i], i)) < 0 || (rc = check_items(f, &m->rulesets[i], i)) < 0)
			return rc;
	if ((rc = check_ladders(f, m)) < 0)
		return rc;
	return check_cites(f, cites, n_cites);
}

int eg_scheme_check(eg_scheme_findings **out, const eg_scheme *s)
{
	eg_scheme_findings *f;
	int rc;
	if (!out || !s)
		return eg__error(EG_EINVAL, "eg_scheme_check: NULL argument");
	if (!(f = eg__calloc(1, sizeof *f)))
		return eg__error_nomem("checking a scheme");
	if ((rc = run_checks(f, &s->m, s->cites, s->n_cites)) < 0) {
		eg_scheme_findings_free(f);
		return rc;
	}
	*out = f;
	return EG_OK;
}

int eg_scheme_check_buffer(eg_scheme_findings **out, eg_scheme_error *err, const char *text, size_t len)
{
	eg_scheme s;
	eg_scheme_findings *f = NULL;
	json_t *doc = NULL;
	sp p;
	size_t n = 0;
	int rc;
	if ((rc = check_err_arg(err)) < 0)
		return rc;
	if (!out || (!text && len))
		return eg__error(EG_EINVAL, "eg_scheme_check_buffer: NULL argument");
	memset(&s, 0, sizeof s);
	memset(&p, 0, sizeof p);
	p.text = text ? text : "";
	p.len = len;
	p.name = "scheme";
	p.err = err;
	p.a = &s.a;
	if ((rc = read_model(&p, &s.m, &doc)) < 0)
		goto done;
	json_decref(doc);
	list_cites(&s, &n);
	if (!(s.cites = arena_alloc(&s.a, (n ? n : 1) * sizeof *s.cites)) || (n = 0, list_cites(&s, &n) < 0)) {
		rc = eg__error_nomem("checking a scheme");
		goto done;
	}
	s.n_cites = n;
	if (!(f = eg__calloc(1, sizeof *f))) {
		rc = eg__error_nomem("checking a scheme");
		goto done;
	}
	if ((rc = run_checks(f, &s.m, s.cites, s.n_cites)) < 0)
		goto done;
	/* What the loader would refuse on top of the checks. */
	{
		sp q = p;
		eg_scheme_error e2 = EG_SCHEME_ERROR_INIT;
		q.err = &e2;
		q.ptr[0] = '\0';
		rc = phase2(&q, &s.m);
		if (rc == EG_ENOMEM)
			goto done;
		if (rc < 0) {
			char en[1100];
			snprintf(en, sizeof en, "the document would not load: %s", eg_error_last()->message);
			{
				char zh[1100];
				snprintf(zh, sizeof zh, "文档无法载入：%s", eg_error_last()->message);
				if ((rc = add_finding(f, "load-refused", e2.pointer, zh, en)) < 0)
					goto done;
			}
		}
		rc = EG_OK;
	}
done:
	arena_free(&s.a);
	if (rc < 0) {
		eg_scheme_findings_free(f);
		return rc;
	}
	*out = f;
	return EG_OK;
}

void eg_scheme_findings_free(eg_scheme_findings *f)
{
	if (!f)
		return;
	arena_free(&f->a);
	eg__free(f);
}

size_t eg_scheme_findings_count(const eg_scheme_findings *f) { return f ? f->n : 0; }

const char *eg_scheme_findings_id(const eg_scheme_findings *f, size_t i)
{
	return f && i < f->n ? f->v[i].id : NULL;
}

const char *eg_scheme_findings_pointer(const eg_scheme_findings *f, size_t i)
{
	return f && i < f->n ? f->v[i].pointer : NULL;
}

const char *eg_scheme_findings_message(const eg_scheme_findings *f, size_t i, int lang)
{
	return f && i < f->n ? f->v[i].msg[lang == EG_LANG_EN ? 1 : 0] : NULL;
}

/* ------------------------------------------------------------------ */
/* Families of versions                                                  */
/* ------------------------------------------------------------------ */

struct eg_scheme_family {
	eg_scheme **v;
	size_t n;
};

void eg_scheme_family_free(eg_scheme_family *f)
{
	if (!f)
		return;
	for (size_t i = 0; i < f->n; i++)
		eg_scheme_free(f->v[i]);
	eg__free(f->v);
	eg__free(f);
}

int eg_scheme_family_new(eg_scheme_family **out, const eg_scheme *const *versions, size_t n)
{
	eg_scheme_family *f;
	int rc = EG_OK;
	if (!out || !versions || n == 0)
		return eg__error(EG_EINVAL, "eg_scheme_family_new: %s", n == 0 ? "no version" : "NULL argument");
	for (size_t i = 0; i < n; i++) {
		if (!versions[i])
			return eg__error(EG_EINVAL, "eg_scheme_family_new: version %zu is NULL", i);
		if (strcmp(versions[i]->m.family, versions[0]->m.family) != 0)
			return eg__error(EG_EINVAL, "scheme %s is of family %s, not %s like %s", versions[i]->m.id,
					 versions[i]->m.family, versions[0]->m.family, versions[0]->m.id);
		for (size_t j = 0; j < i; j++)
			if (strcmp(versions[i]->m.id, versions[j]->m.id) == 0)
				return eg__error(EG_EEXISTS, "scheme %s is given twice", versions[i]->m.id);
	}
	if (!(f = eg__calloc(1, sizeof *f)) || !(f->v = eg__calloc(n, sizeof *f->v))) {
		eg__free(f);
		return eg__error_nomem("making a scheme family");
	}
	/* Copies in date order (insertion sort: a family has a handful of versions). */
	for (size_t i = 0; i < n && rc == EG_OK; i++) {
		eg_scheme *c = NULL;
		size_t k;
		if ((rc = load(&c, NULL, versions[i]->text, versions[i]->text_len, versions[i]->m.id)) < 0)
			break;
		for (k = f->n; k > 0 && f->v[k - 1]->m.from_d > c->m.from_d; k--)
			f->v[k] = f->v[k - 1];
		f->v[k] = c;
		f->n++;
	}
	/* R0.3: each version begins the day after the one before ends. */
	for (size_t i = 1; i < f->n && rc == EG_OK; i++) {
		const sc_model *a = &f->v[i - 1]->m, *b = &f->v[i]->m;
		if (a->to_d == INT64_MAX || b->from_d <= a->to_d)
			rc = eg__error(EG_ERANGE, "schemes %s (%s to %s) and %s (from %s) overlap: set %s's valid_to to the day before %s",
				       a->id, a->from, a->to[0] ? a->to : "open-ended", b->id, b->from, a->id, b->from);
		else if (b->from_d > a->to_d + 1)
			rc = eg__error(EG_ERANGE, "schemes %s (to %s) and %s (from %s) leave a gap: no version is in force in between",
				       a->id, a->to, b->id, b->from);
	}
	if (rc < 0) {
		eg_scheme_family_free(f);
		return rc;
	}
	*out = f;
	return EG_OK;
}

size_t eg_scheme_family_count(const eg_scheme_family *f) { return f ? f->n : 0; }

const eg_scheme *eg_scheme_family_version(const eg_scheme_family *f, size_t i)
{
	return f && i < f->n ? f->v[i] : NULL;
}

int eg_scheme_family_at(const eg_scheme **out, const eg_scheme_family *f, const char *date)
{
	int64_t d;
	if (!out || !f || !date)
		return eg__error(EG_EINVAL, "eg_scheme_family_at: NULL argument");
	if (parse_day(&d, date) < 0)
		return eg__error(EG_EINVAL, "\"%.20s\" is not a date YYYY-MM-DD or a month YYYY-MM", date);
	for (size_t i = 0; i < f->n; i++)
		if (d >= f->v[i]->m.from_d && d <= f->v[i]->m.to_d) {
			*out = f->v[i];
			return EG_OK;
		}
	return eg__error(EG_ENOTFOUND, "no version of scheme family %s is in force on %s", f->v[0]->m.family, date);
}

/* ------------------------------------------------------------------ */
/* Diff                                                                  */
/* ------------------------------------------------------------------ */

typedef struct diff_reason {
	const char *rule, *msg[2];
} diff_reason;

typedef struct diff_unit {
	const char *unit;
	int changed;
	int32_t score[2];
	int grade[2];
	diff_reason *r;
	size_t n_r;
} diff_unit;

struct eg_scheme_diff_result {
	arena a;
	const char **rule_msg[2];
	size_t n_rules;
	diff_unit *u;
	size_t n;
};

void eg_scheme_diff_free(eg_scheme_diff_result *d)
{
	if (!d)
		return;
	arena_free(&d->a);
	eg__free(d);
}

/* A growing list of strings in an arena. */
typedef struct slist {
	const char **v;
	size_t n, cap;
} slist;

static int slist_add(arena *a, slist *l, const char *s)
{
	if (l->n == l->cap) {
		size_t nc = l->cap ? 2 * l->cap : 16;
		const char **v = arena_alloc(a, nc * sizeof *v);
		if (!v)
			return EG_ENOMEM;
		if (l->n)
			memcpy(v, l->v, l->n * sizeof *v);
		l->v = v;
		l->cap = nc;
	}
	if (!(l->v[l->n] = arena_strdup(a, s)))
		return EG_ENOMEM;
	l->n++;
	return EG_OK;
}

static const char *pts_s(char *buf, size_t sz, int64_t v, int scale)
{
	if (scale == 10)
		snprintf(buf, sz, "%s%lld.%lld", v < 0 ? "-" : "", (long long)(v < 0 ? -v : v) / 10,
			 (long long)(v < 0 ? -v : v) % 10);
	else
		snprintf(buf, sz, "%lld", (long long)v);
	return buf;
}

/* Definitions that differ between two rule sets, as messages. */
static int diff_rules(arena *a, slist *zh, slist *en, const as_body *o, const as_body *n)
{
	char z[600], e[600], b1[32], b2[32], b3[32], b4[32];
	int rc = EG_OK;
#define RULE_MSG(...)                                                                                  \
	do {                                                                                           \
		FIND_SPLIT_AE(__VA_ARGS__);                                                            \
		if ((rc = slist_add(a, zh, z)) < 0 || (rc = slist_add(a, en, e)) < 0)                 \
			return rc;                                                                     \
	} while (0)
#define FIND_SPLIT_AE(zfmt, efmt, ...)                                                                 \
	snprintf(z, sizeof z, zfmt, __VA_ARGS__);                                                      \
	snprintf(e, sizeof e, efmt, __VA_ARGS__)
	if (o->scale != n->scale)
		RULE_MSG("分值单位：%d → %d（R0.2）", "points scale: %d -> %d (R0.2)", o->scale, n->scale);
	for (size_t i = 0; i < o->n_items; i++) {
		const as_item *x = &o->items[i];
		int k = as__find_item(n, x->id);
		if (k < 0) {
			RULE_MSG("第%s项（%s）在新版本中删除", "item %s (%s) is removed in the new version", x->id, x->rule);
			continue;
		}
		{
			const as_item *y = &n->items[k];
			if (x->kind != y->kind || x->max != y->max || x->per != y->per || x->floor != y->floor ||
			    x->overflow != y->overflow || x->veto != y->veto || x->adverse != y->adverse || strcmp(x->rule, y->rule))
				RULE_MSG("第%s项：满分 %s、每起 %s（%s）→ 满分 %s、每起 %s（%s）",
					 "item %s: max %s, %s per occurrence (%s) -> max %s, %s per occurrence (%s)", x->id,
					 pts_s(b1, sizeof b1, x->max, o->scale), pts_s(b2, sizeof b2, x->per, o->scale), x->rule,
					 pts_s(b3, sizeof b3, y->max, n->scale), pts_s(b4, sizeof b4, y->per, n->scale), y->rule);
			/* JM-2.2 option: per occurrence or per situation. */
			if (!x->situation && y->situation)
				RULE_MSG("第%s项：每起扣分 → 每期一次（%s）", "item %s: per occurrence -> once per period (%s)",
					 x->id, y->rule);
			else if (x->situation && !y->situation)
				RULE_MSG("第%s项：每期一次 → 每起扣分（%s）", "item %s: once per period -> per occurrence (%s)",
					 x->id, y->rule);
		}
	}
	for (size_t i = 0; i < n->n_items; i++)
		if (as__find_item(o, n->items[i].id) < 0)
			RULE_MSG("新增第%s项（%s）", "item %s (%s) is new", n->items[i].id, n->items[i].rule);
	for (int g = EG_GRADE_PASS; g <= EG_GRADE_EXCELLENT; g++) {
		const as_grade *x = NULL, *y = NULL;
		for (size_t i = 0; i < o->n_grades; i++)
			if (o->grades[i].grade == g)
				x = &o->grades[i];
		for (size_t i = 0; i < n->n_grades; i++)
			if (n->grades[i].grade == g)
				y = &n->grades[i];
		if (x && y && x->min != y->min)
			RULE_MSG("等次 %s：%s 分起 → %s 分起（%s）", "grade %s: from %s -> from %s (%s)", eg_grade_name(g),
				 pts_s(b1, sizeof b1, x->min, o->scale), pts_s(b2, sizeof b2, y->min, n->scale), y->rule);
		else if (x && !y)
			RULE_MSG("等次 %s（%s 分起）在新版本中删除（%s）", "grade %s (from %s) is removed (%s)", eg_grade_name(g),
				 pts_s(b1, sizeof b1, x->min, o->scale), x->rule);
		else if (!x && y)
			RULE_MSG("新增等次 %s（%s 分起，%s）", "grade %s is new (from %s, %s)", eg_grade_name(g),
				 pts_s(b1, sizeof b1, y->min, n->scale), y->rule);
	}
	for (size_t i = 0; i < o->n_levels; i++) {
		int k = as__find_level(n, o->levels[i].id);
		if (k < 0)
			RULE_MSG("处罚档次 %s 在新版本中删除（%s）", "penalty level %s is removed (%s)", o->levels[i].id,
				 o->levels[i].rule);
		else if (o->levels[i].amount != n->levels[k].amount || o->levels[i].fail != n->levels[k].fail)
			RULE_MSG("处罚档次 %s：%s → %s（%s）", "penalty level %s: %s -> %s (%s)", o->levels[i].id,
				 o->levels[i].fail ? "fail" : pts_s(b1, sizeof b1, o->levels[i].amount, o->scale),
				 n->levels[k].fail ? "fail" : pts_s(b2, sizeof b2, n->levels[k].amount, n->scale), n->levels[k].rule);
	}
	for (size_t i = 0; i < n->n_levels; i++)
		if (as__find_level(o, n->levels[i].id) < 0)
			RULE_MSG("新增处罚档次 %s（%s）", "penalty level %s is new (%s)", n->levels[i].id, n->levels[i].rule);
	if (o->has_bonus != n->has_bonus || o->bonus_per != n->bonus_per || o->bonus_cap != n->bonus_cap)
		RULE_MSG("加分：每起 %s、最高 %s → 每起 %s、最高 %s", "bonus: %s per event, at most %s -> %s per event, at most %s",
			 pts_s(b1, sizeof b1, o->has_bonus ? o->bonus_per : 0, o->scale),
			 pts_s(b2, sizeof b2, o->has_bonus ? o->bonus_cap : 0, o->scale),
			 pts_s(b3, sizeof b3, n->has_bonus ? n->bonus_per : 0, n->scale),
			 pts_s(b4, sizeof b4, n->has_bonus ? n->bonus_cap : 0, n->scale));
	if (o->veto_mode != n->veto_mode)
		RULE_MSG("一票否决：%s → %s", "veto: %s -> %s", o->veto_mode ? "item_only" : "total", n->veto_mode ? "item_only" : "total");
	for (size_t i = 0; i < o->n_conds; i++) {
		int found = 0;
		for (size_t k = 0; k < n->n_conds; k++)
			found |= strcmp(o->conds[i].id, n->conds[k].id) == 0;
		if (!found)
			RULE_MSG("不合格情形 %s 在新版本中删除（%s）", "forced-fail condition %s is removed (%s)", o->conds[i].id,
				 o->conds[i].rule);
	}
	for (size_t i = 0; i < n->n_conds; i++) {
		int found = 0;
		for (size_t k = 0; k < o->n_conds; k++)
			found |= strcmp(n->conds[i].id, o->conds[k].id) == 0;
		if (!found)
			RULE_MSG("新增不合格情形 %s（%s）", "forced-fail condition %s is new (%s)", n->conds[i].id, n->conds[i].rule);
	}
#undef RULE_MSG
	return rc;
}

/* The reasons of one unit: trace entries matched by rule and subject that differ. */
static int diff_traces(arena *a, diff_unit *u, const eg_assess_result *ro, const eg_assess_result *rn)
{
	size_t no = eg_assess_result_trace_count(ro), nn = eg_assess_result_trace_count(rn), k = 0;
	unsigned char *used = arena_alloc(a, no ? no : 1);
	if (!used || !(u->r = arena_alloc(a, (no + nn ? no + nn : 1) * sizeof *u->r)))
		return EG_ENOMEM;
	for (size_t j = 0; j < nn; j++) {
		const eg_trace *tn = eg_assess_result_trace_at(rn, j), *to = NULL;
		/* The same rule and subject (an item, a level), or else the same rule
		 * (a grade entry's subject is the grade, which may be what changed). */
		for (int pass = 0; pass < 2 && !to; pass++)
			for (size_t m = 0; m < no; m++) {
				const eg_trace *t = eg_assess_result_trace_at(ro, m);
				if (!used[m] && strcmp(eg_trace_rule(t), eg_trace_rule(tn)) == 0 &&
				    (pass || strcmp(eg_trace_subject(t), eg_trace_subject(tn)) == 0)) {
					to = t;
					used[m] = 1;
					break;
				}
			}
		for (int lang = 0; lang < 2; lang++) {
			const char *mn = eg_trace_message(tn, lang);
			char buf[2048];
			/* The words state the arithmetic: equal words, same reason (the
			 * running totals before and after may shift with earlier entries). */
			if (to && strcmp(eg_trace_message(to, lang), mn) == 0)
				goto same;
			if (to)
				snprintf(buf, sizeof buf, "%s → %s", eg_trace_message(to, lang), mn);
			else
				snprintf(buf, sizeof buf, lang ? "new: %s" : "新增：%s", mn);
			if (!(u->r[k].msg[lang] = arena_strdup(a, buf)))
				return EG_ENOMEM;
		}
		if (!(u->r[k].rule = arena_strdup(a, eg_trace_rule(tn))))
			return EG_ENOMEM;
		k++;
	same:;
	}
	for (size_t m = 0; m < no; m++) {
		const eg_trace *t = eg_assess_result_trace_at(ro, m);
		if (used[m])
			continue;
		for (int lang = 0; lang < 2; lang++) {
			char buf[2048];
			snprintf(buf, sizeof buf, lang ? "no longer: %s" : "不再适用：%s", eg_trace_message(t, lang));
			if (!(u->r[k].msg[lang] = arena_strdup(a, buf)))
				return EG_ENOMEM;
		}
		if (!(u->r[k].rule = arena_strdup(a, eg_trace_rule(t))))
			return EG_ENOMEM;
		k++;
	}
	u->n_r = k;
	return EG_OK;
}

static int fails_differ(const eg_assess_result *a, const eg_assess_result *b)
{
	if (eg_assess_result_fail_count(a) != eg_assess_result_fail_count(b))
		return 1;
	for (size_t i = 0; i < eg_assess_result_fail_count(a); i++)
		if (strcmp(eg_assess_result_fail_at(a, i), eg_assess_result_fail_at(b, i)) != 0)
			return 1;
	return 0;
}

int eg_scheme_diff(eg_scheme_diff_result **out, const eg_ruleset *old_rs, const eg_ruleset *new_rs,
		   const eg_scheme_diff_unit *units, size_t n)
{
	eg_scheme_diff_result *d;
	slist zh = { NULL, 0, 0 }, en = { NULL, 0, 0 };
	int rc;
	if (!out || !old_rs || !new_rs || (n && !units))
		return eg__error(EG_EINVAL, "eg_scheme_diff: NULL argument");
	for (size_t i = 0; i < n; i++) {
		if ((rc = eg__check_text(units[i].unit, ID_MAX, "unit ID")) < 0)
			return rc;
		if (!units[i].old_input || !units[i].new_input)
			return eg__error(EG_EINVAL, "eg_scheme_diff: unit %s has no inputs", units[i].unit);
		for (size_t j = 0; j < i; j++)
			if (strcmp(units[i].unit, units[j].unit) == 0)
				return eg__error(EG_EINVAL, "eg_scheme_diff: unit %s is given twice", units[i].unit);
	}
	if (!(d = eg__calloc(1, sizeof *d)))
		return eg__error_nomem("comparing two versions");
	if ((rc = diff_rules(&d->a, &zh, &en, &old_rs->body, &new_rs->body)) < 0)
		goto nomem;
	d->rule_msg[0] = zh.v;
	d->rule_msg[1] = en.v;
	d->n_rules = zh.n;
	if (!(d->u = arena_alloc(&d->a, (n ? n : 1) * sizeof *d->u)))
		goto nomem;
	for (size_t i = 0; i < n; i++) {
		eg_assess_result *ro = NULL, *rn = NULL;
		diff_unit *u = &d->u[i];
		if ((rc = eg_assess_score(&ro, old_rs, units[i].old_input, NULL)) < 0 ||
		    (rc = eg_assess_score(&rn, new_rs, units[i].new_input, NULL)) < 0) {
			eg_assess_result_free(ro);
			eg_scheme_diff_free(d);
			return rc == EG_ENOMEM ? rc : eg__error(rc, "unit %s: %s", units[i].unit, eg_error_last()->message);
		}
		u->score[0] = eg_assess_result_score(ro);
		u->score[1] = eg_assess_result_score(rn);
		u->grade[0] = eg_assess_result_grade(ro);
		u->grade[1] = eg_assess_result_grade(rn);
		u->changed = u->score[0] != u->score[1] || u->grade[0] != u->grade[1] ||
			     eg_assess_result_veto(ro) != eg_assess_result_veto(rn) || fails_differ(ro, rn) ||
			     eg_ruleset_scale(old_rs) != eg_ruleset_scale(new_rs);
		rc = (u->unit = arena_strdup(&d->a, units[i].unit)) ? diff_traces(&d->a, u, ro, rn) : EG_ENOMEM;
		eg_assess_result_free(ro);
		eg_assess_result_free(rn);
		if (rc < 0)
			goto nomem;
		d->n++;
	}
	*out = d;
	return EG_OK;
nomem:
	eg_scheme_diff_free(d);
	return eg__error_nomem("comparing two versions");
}

size_t eg_scheme_diff_rule_count(const eg_scheme_diff_result *d) { return d ? d->n_rules : 0; }

const char *eg_scheme_diff_rule_message(const eg_scheme_diff_result *d, size_t i, int lang)
{
	return d && i < d->n_rules ? d->rule_msg[lang == EG_LANG_EN ? 1 : 0][i] : NULL;
}

size_t eg_scheme_diff_count(const eg_scheme_diff_result *d) { return d ? d->n : 0; }

const char *eg_scheme_diff_unit_id(const eg_scheme_diff_result *d, size_t i)
{
	return d && i < d->n ? d->u[i].unit : NULL;
}

int eg_scheme_diff_changed(const eg_scheme_diff_result *d, size_t i)
{
	return d && i < d->n ? d->u[i].changed : -1;
}

int eg_scheme_diff_scores(int32_t *old_score, int32_t *new_score, int *old_grade, int *new_grade,
			  const eg_scheme_diff_result *d, size_t i)
{
	if (!old_score || !new_score || !old_grade || !new_grade || !d)
		return eg__error(EG_EINVAL, "eg_scheme_diff_scores: NULL argument");
	if (i >= d->n)
		return eg__error(EG_ERANGE, "unit %zu of a diff of %zu units", i, d->n);
	*old_score = d->u[i].score[0];
	*new_score = d->u[i].score[1];
	*old_grade = d->u[i].grade[0];
	*new_grade = d->u[i].grade[1];
	return EG_OK;
}

size_t eg_scheme_diff_reason_count(const eg_scheme_diff_result *d, size_t i)
{
	return d && i < d->n ? d->u[i].n_r : 0;
}

const char *eg_scheme_diff_reason_rule(const eg_scheme_diff_result *d, size_t i, size_t k)
{
	return d && i < d->n && k < d->u[i].n_r ? d->u[i].r[k].rule : NULL;
}

const char *eg_scheme_diff_reason_message(const eg_scheme_diff_result *d, size_t i, size_t k, int lang)
{
	return d && i < d->n && k < d->u[i].n_r ? d->u[i].r[k].msg[lang == EG_LANG_EN ? 1 : 0] : NULL;
}

/* ------------------------------------------------------------------ */
/* A built rule set as a document                                        */
/* ------------------------------------------------------------------ */

/* ------------------------------------------------------------------ */
/* Compare: what a revision changes beyond a rule set                   */
/* ------------------------------------------------------------------ */

static const char *ladder_action_zh(const sc_ladder *l, const char *id)
{
	for (size_t i = 0; i < l->n_actions; i++)
		if (strcmp(l->actions[i].id, id) == 0 && l->actions[i].name.zh)
			return l->actions[i].name.zh;
	return id;
}

static const char *ladder_action_en(const sc_ladder *l, const char *id)
{
	for (size_t i = 0; i < l->n_actions; i++)
		if (strcmp(l->actions[i].id, id) == 0 && l->actions[i].name.en)
			return l->actions[i].name.en;
	return id;
}

/* A clause in words: its action, kind, count and threshold. */
static void clause_words(char *zh, char *en, size_t sz, const sc_ladder *l, const sc_clause *c)
{
	static const char *const kind_zh[] = { "单月", "连续", "滚动12个月", "自然年度" };
	static const char *const flag_zh[] = { "", "，按月标记情节", "，按年标记情节" };
	char cnt[40] = "", th[40] = "", cnt_en[40] = "", th_en[40] = "";
	if (c->kind != 0) {
		snprintf(cnt, sizeof cnt, "%d 期", (int)c->count);
		snprintf(cnt_en, sizeof cnt_en, ", %d periods", (int)c->count);
	}
	if (c->threshold) {
		snprintf(th, sizeof th, "，阈值 %lld", (long long)c->threshold);
		snprintf(th_en, sizeof th_en, ", threshold %lld", (long long)c->threshold);
	}
	snprintf(zh, sz, "%s（%s%s%s%s%s）", ladder_action_zh(l, c->action), kind_zh[c->kind], cnt, th,
		 c->window_sum ? "，窗口合计" : "", flag_zh[c->flag]);
	snprintf(en, sz, "%s (%s%s%s%s%s%s)", ladder_action_en(l, c->action), clause_kind_words[c->kind], cnt_en, th_en,
		 c->window_sum ? ", window sum" : "", c->flag ? ", flag " : "", c->flag ? flag_words[c->flag] : "");
}

/* What feeds a ladder each month, in words. */
static void feed_words_of(char *zh, char *en, size_t sz, const sc_feed *f)
{
	if (f->item) {
		snprintf(zh, sz, "第%s项问题数", f->item);
		snprintf(en, sz, "the count of item %s", f->item);
	} else {
		snprintf(zh, sz, "%s", "当月考核不合格");
		snprintf(en, sz, "%s", "the month's failing grade");
	}
}

static int same_clause(const sc_clause *a, const sc_clause *b)
{
	return strcmp(a->rule, b->rule) == 0 && strcmp(a->action, b->action) == 0 && a->kind == b->kind &&
	       a->flag == b->flag && a->window_sum == b->window_sum && a->count == b->count && a->threshold == b->threshold;
}

static const sc_ladder *cmp_ladder(const sc_model *m, const char *id)
{
	for (size_t i = 0; i < m->n_ladders; i++)
		if (strcmp(m->ladders[i].id, id) == 0)
			return &m->ladders[i];
	return NULL;
}

static const sc_deadline *find_deadline(const sc_model *m, const char *id)
{
	for (size_t i = 0; i < m->n_deadlines; i++)
		if (strcmp(m->deadlines[i].id, id) == 0)
			return &m->deadlines[i];
	return NULL;
}

static const sc_cadence *find_cadence(const sc_model *m, const char *id)
{
	for (size_t i = 0; i < m->n_cadences; i++)
		if (strcmp(m->cadences[i].id, id) == 0)
			return &m->cadences[i];
	return NULL;
}

static const sc_duty *find_duty(const sc_model *m, const char *id)
{
	for (size_t i = 0; i < m->n_duties; i++)
		if (strcmp(m->duties[i].d.id, id) == 0)
			return &m->duties[i];
	return NULL;
}

/* A deadline in words ("the 3rd of the month 1 after the quarter", …). */
static void deadline_words_of(char *zh, char *en, size_t sz, const sc_deadline *d)
{
	if (d->kind == DL_AFTER_QUARTER) {
		snprintf(zh, sz, "季度结束后第 %d 个月的 %d 日", (int)d->months, (int)d->day);
		snprintf(en, sz, "day %d of the month %d after the quarter", (int)d->day, (int)d->months);
	} else if (d->kind == DL_MONTHS_AFTER) {
		snprintf(zh, sz, "%d 个月内", (int)d->months);
		snprintf(en, sz, "within %d months", (int)d->months);
	} else {
		snprintf(zh, sz, "每年 %d 月 %d 日", (int)d->month, (int)d->day);
		snprintf(en, sz, "each year on %d-%02d", (int)d->month, (int)d->day);
	}
}

static int opt_differ(const char *a, const char *b)
{
	return (a == NULL) != (b == NULL) || (a && strcmp(a, b) != 0);
}

/* A duty's schedule in words: period, count, due month and day, limit. */
static void duty_words(char *zh, char *en, size_t sz, const eg_duty_def *d)
{
	static const char *const pz[] = { "日", "周", "月", "季度", "年", "半年" };
	static const char *const pe[] = { "day", "week", "month", "quarter", "year", "half-year" };
	int p = d->period >= 0 && d->period < 6 ? d->period : 2;
	snprintf(zh, sz, "每%s至少 %d 次，期后第 %d 个月 %d 日到期，时限 %d", pz[p], (int)d->min_count, (int)d->due_months,
		 (int)d->due_day, (int)d->limit);
	snprintf(en, sz, "at least %d per %s, due day %d of month %d after the period, limit %d", (int)d->min_count, pe[p],
		 (int)d->due_day, (int)d->due_months, (int)d->limit);
}

static int duties_differ(const eg_duty_def *a, const eg_duty_def *b)
{
	return strcmp(a->rule, b->rule) || a->shape != b->shape || strcmp(a->kind, b->kind) || opt_differ(a->actor, b->actor) ||
	       opt_differ(a->group, b->group) || a->period != b->period || a->min_count != b->min_count ||
	       opt_differ(a->tags, b->tags) || opt_differ(a->cover_group, b->cover_group) || opt_differ(a->start, b->start) ||
	       opt_differ(a->end, b->end) || a->due_months != b->due_months || a->due_day != b->due_day ||
	       opt_differ(a->event_kind, b->event_kind) || a->match != b->match || a->limit_unit != b->limit_unit ||
	       a->limit != b->limit || a->flags != b->flags;
}

/* Every definition of two documents that differs, as messages in both languages. */
static int compare_models(arena *a, slist *zh, slist *en, const sc_model *o, const sc_model *n)
{
	char z[1200], e[1200], w1[300], w2[300], w3[300], w4[300];
	int rc = EG_OK;
#define CMP_MSG(zfmt, efmt, ...)                                                                       \
	do {                                                                                           \
		snprintf(z, sizeof z, zfmt, __VA_ARGS__);                                              \
		snprintf(e, sizeof e, efmt, __VA_ARGS__);                                              \
		if ((rc = slist_add(a, zh, z)) < 0 || (rc = slist_add(a, en, e)) < 0)                 \
			return rc;                                                                     \
	} while (0)
#define CMP_MSG2(zs, es)                                                                               \
	do {                                                                                           \
		if ((rc = slist_add(a, zh, zs)) < 0 || (rc = slist_add(a, en, es)) < 0)               \
			return rc;                                                                     \
	} while (0)
	/* Ladders: removed, added; in both: measure, actions, clauses. */
	for (size_t i = 0; i < o->n_ladders; i++) {
		const sc_ladder *x = &o->ladders[i], *y = cmp_ladder(n, x->id);
		if (!y) {
			snprintf(z, sizeof z, "问责阶梯 %s（%s）在新版本中删除", x->id, x->label.zh ? x->label.zh : x->id);
			snprintf(e, sizeof e, "ladder %s (%s) is removed in the new version", x->id, x->label.en ? x->label.en : x->id);
			CMP_MSG2(z, e);
			continue;
		}
		if (x->measure != y->measure)
			CMP_MSG("问责阶梯 %s：计量 %s → %s", "ladder %s: measure %s -> %s", x->id, measure_words[x->measure],
				measure_words[y->measure]);
		for (size_t k = 0; k < x->n_actions; k++) {
			int found = 0;
			for (size_t j = 0; j < y->n_actions; j++)
				found |= strcmp(x->actions[k].id, y->actions[j].id) == 0;
			if (!found) {
				snprintf(z, sizeof z, "问责阶梯 %s：措施 %s（%s）在新版本中删除", x->id, x->actions[k].id,
					 ladder_action_zh(x, x->actions[k].id));
				snprintf(e, sizeof e, "ladder %s: action %s (%s) is removed", x->id, x->actions[k].id,
					 ladder_action_en(x, x->actions[k].id));
				CMP_MSG2(z, e);
			}
		}
		for (size_t k = 0; k < y->n_actions; k++) {
			int found = 0;
			for (size_t j = 0; j < x->n_actions; j++)
				found |= strcmp(y->actions[k].id, x->actions[j].id) == 0;
			if (!found) {
				snprintf(z, sizeof z, "问责阶梯 %s：新增措施 %s（%s）", y->id, y->actions[k].id,
					 ladder_action_zh(y, y->actions[k].id));
				snprintf(e, sizeof e, "ladder %s: action %s (%s) is new", y->id, y->actions[k].id,
					 ladder_action_en(y, y->actions[k].id));
				CMP_MSG2(z, e);
			}
		}
		for (size_t k = 0; k < x->n_clauses; k++) {
			int found = 0;
			for (size_t j = 0; j < y->n_clauses && !found; j++)
				found = same_clause(&x->clauses[k], &y->clauses[j]);
			if (!found) {
				clause_words(w1, w2, sizeof w1, x, &x->clauses[k]);
				snprintf(z, sizeof z, "问责阶梯 %s：条款 %s %s在新版本中删除", x->id, x->clauses[k].rule, w1);
				snprintf(e, sizeof e, "ladder %s: clause %s %s is removed", x->id, x->clauses[k].rule, w2);
				CMP_MSG2(z, e);
			}
		}
		for (size_t k = 0; k < y->n_clauses; k++) {
			int found = 0;
			for (size_t j = 0; j < x->n_clauses && !found; j++)
				found = same_clause(&y->clauses[k], &x->clauses[j]);
			if (!found) {
				clause_words(w1, w2, sizeof w1, y, &y->clauses[k]);
				snprintf(z, sizeof z, "问责阶梯 %s：新增条款 %s %s", y->id, y->clauses[k].rule, w1);
				snprintf(e, sizeof e, "ladder %s: clause %s %s is new", y->id, y->clauses[k].rule, w2);
				CMP_MSG2(z, e);
			}
		}
	}
	for (size_t i = 0; i < n->n_ladders; i++)
		if (!cmp_ladder(o, n->ladders[i].id)) {
			snprintf(z, sizeof z, "新增问责阶梯 %s（%s）", n->ladders[i].id,
				 n->ladders[i].label.zh ? n->ladders[i].label.zh : n->ladders[i].id);
			snprintf(e, sizeof e, "ladder %s (%s) is new", n->ladders[i].id,
				 n->ladders[i].label.en ? n->ladders[i].label.en : n->ladders[i].id);
			CMP_MSG2(z, e);
		}
	/* What the monthly cycle feeds. */
	for (int side = 0; side < 2; side++) {
		const sc_model *x = side ? n : o, *y = side ? o : n;
		for (size_t i = 0; i < x->n_feeds; i++) {
			int found = 0;
			for (size_t k = 0; k < y->n_feeds && !found; k++)
				found = strcmp(x->feeds[i].ladder, y->feeds[k].ladder) == 0 &&
					x->feeds[i].value == y->feeds[k].value && !opt_differ(x->feeds[i].item, y->feeds[k].item);
			if (found)
				continue;
			feed_words_of(w1, w2, sizeof w1, &x->feeds[i]);
			snprintf(z, sizeof z, side ? "每月新增以%s推进问责阶梯 %s" : "每月不再以%s推进问责阶梯 %s", w1,
				 x->feeds[i].ladder);
			snprintf(e, sizeof e, side ? "the month now feeds %s into ladder %s" : "the month no longer feeds %s into ladder %s",
				 w2, x->feeds[i].ladder);
			CMP_MSG2(z, e);
		}
	}
	/* Deadlines. */
	for (size_t i = 0; i < o->n_deadlines; i++) {
		const sc_deadline *x = &o->deadlines[i], *y = find_deadline(n, x->id);
		if (!y) {
			CMP_MSG("时限 %s（%s）在新版本中删除", "deadline %s (%s) is removed in the new version", x->id, x->rule);
			continue;
		}
		if (x->kind != y->kind || x->months != y->months || x->month != y->month || x->day != y->day) {
			deadline_words_of(w1, w2, sizeof w1, x);
			deadline_words_of(w3, w4, sizeof w3, y);
			snprintf(z, sizeof z, "时限 %s：%s → %s（%s）", x->id, w1, w3, y->rule);
			snprintf(e, sizeof e, "deadline %s: %s -> %s (%s)", x->id, w2, w4, y->rule);
			CMP_MSG2(z, e);
		}
	}
	for (size_t i = 0; i < n->n_deadlines; i++)
		if (!find_deadline(o, n->deadlines[i].id)) {
			deadline_words_of(w1, w2, sizeof w1, &n->deadlines[i]);
			snprintf(z, sizeof z, "新增时限 %s：%s（%s）", n->deadlines[i].id, w1, n->deadlines[i].rule);
			snprintf(e, sizeof e, "deadline %s is new: %s (%s)", n->deadlines[i].id, w2, n->deadlines[i].rule);
			CMP_MSG2(z, e);
		}
	/* Cadences. */
	for (size_t i = 0; i < o->n_cadences; i++) {
		const sc_cadence *x = &o->cadences[i], *y = find_cadence(n, x->id);
		if (!y)
			CMP_MSG("频次 %s（%s）在新版本中删除", "cadence %s (%s) is removed in the new version", x->id, x->rule);
		else if (x->period != y->period || x->min != y->min || x->night != y->night || strcmp(x->kind, y->kind))
			CMP_MSG("频次 %s：每 %s 至少 %d 次 → 每 %s 至少 %d 次（%s）", "cadence %s: per %s at least %d -> per %s at least %d (%s)",
				x->id, period_words[x->period], (int)x->min, period_words[y->period], (int)y->min, y->rule);
	}
	for (size_t i = 0; i < n->n_cadences; i++)
		if (!find_cadence(o, n->cadences[i].id))
			CMP_MSG("新增频次 %s（%s）", "cadence %s (%s) is new", n->cadences[i].id, n->cadences[i].rule);
	/* Duties. */
	for (size_t i = 0; i < o->n_duties; i++) {
		const sc_duty *x = &o->duties[i], *y = find_duty(n, x->d.id);
		if (!y) {
			CMP_MSG("职责 %s（%s）在新版本中删除", "duty %s (%s) is removed in the new version", x->d.id, x->d.rule);
			continue;
		}
		if (duties_differ(&x->d, &y->d)) {
			duty_words(w1, w2, sizeof w1, &x->d);
			duty_words(w3, w4, sizeof w3, &y->d);
			snprintf(z, sizeof z, "职责 %s：%s → %s（%s）", x->d.id, w1, w3, y->d.rule);
			snprintf(e, sizeof e, "duty %s: %s -> %s (%s)", x->d.id, w2, w4, y->d.rule);
			CMP_MSG2(z, e);
		}
	}
	for (size_t i = 0; i < n->n_duties; i++)
		if (!find_duty(o, n->duties[i].d.id))
			CMP_MSG("新增职责 %s（%s）", "duty %s (%s) is new", n->duties[i].d.id, n->duties[i].d.rule);
#undef CMP_MSG
#undef CMP_MSG2
	return rc;
}

int eg_scheme_compare(eg_scheme_diff_result **out, const eg_scheme *old_s, const eg_scheme *new_s)
{
	eg_scheme_diff_result *d;
	slist zh = { NULL, 0, 0 }, en = { NULL, 0, 0 };
	if (!out || !old_s || !new_s)
		return eg__error(EG_EINVAL, "eg_scheme_compare: NULL argument");
	if (!(d = eg__calloc(1, sizeof *d)))
		return eg__error_nomem("comparing two schemes");
	if (compare_models(&d->a, &zh, &en, &old_s->m, &new_s->m) < 0) {
		eg_scheme_diff_free(d);
		return eg__error_nomem("comparing two schemes");
	}
	d->rule_msg[0] = zh.v;
	d->rule_msg[1] = en.v;
	d->n_rules = zh.n;
	*out = d;
	return EG_OK;
}

int eg_scheme_info_init(eg_scheme_info *info, unsigned int version)
{
	static const eg_scheme_info init = EG_SCHEME_INFO_INIT;
	if (!info || version != EG_SCHEME_INFO_VERSION)
		return eg__error(EG_EINVAL, "eg_scheme_info_init: %s", info ? "unknown version" : "NULL argument");
	*info = init;
	return EG_OK;
}

/* Copy a source of the rule set into the model, or refuse the part that has none. */
static int from_src(sc_src *dst, arena *a, const as_src *src, const char *what, const char *id)
{
	if (!src->article)
		return eg__error(EG_EINVAL, "%s %s has no source; give one with eg_ruleset_builder_set_source()", what, id);
	if (!(dst->article = arena_strdup(a, src->article)) || !(dst->quote = arena_strdup(a, src->quote)))
		return eg__error_nomem("writing a rule set as a scheme");
	return EG_OK;
}

#define DUP(dst, s)                                                                                      \
	do {                                                                                             \
		if (!((dst) = arena_strdup(a, (s))))                                                     \
			return eg__error_nomem("writing a rule set as a scheme");                        \
	} while (0)

static int model_of_ruleset(sc_model *m, arena *a, const eg_scheme_info *info, const as_body *b)
{
	sc_ruleset *r;
	int rc, has_veto_items = 0;
	DUP(m->id, info->id ? info->id : b->name);
	DUP(m->family, info->family);
	DUP(m->title.zh, info->title_zh ? info->title_zh : b->document);
	DUP(m->title.en, info->title_en ? info->title_en : b->document);
	DUP(m->document, info->document ? info->document : b->document);
	DUP(m->issuer.zh, info->issuer_zh);
	DUP(m->issuer.en, info->issuer_en);
	memcpy(m->from, b->from_s, 11);
	memcpy(m->to, b->to_s, 11);
	m->from_d = b->from;
	m->to_d = b->to;
	if (!(m->rulesets = arena_alloc(a, sizeof *m->rulesets)))
		return eg__error_nomem("writing a rule set as a scheme");
	m->n_rulesets = 1;
	r = &m->rulesets[0];
	DUP(r->id, b->name);
	DUP(r->document, b->document);
	r->scale = b->scale;
	DUP(r->total_rule, b->total_rule ? b->total_rule : b->name);
	if (!(r->sections = arena_alloc(a, (b->n_sections ? b->n_sections : 1) * sizeof *r->sections)) ||
	    !(r->items = arena_alloc(a, (b->n_items ? b->n_items : 1) * sizeof *r->items)) ||
	    !(r->levels = arena_alloc(a, (b->n_levels ? b->n_levels : 1) * sizeof *r->levels)) ||
	    !(r->conds = arena_alloc(a, (b->n_conds ? b->n_conds : 1) * sizeof *r->conds)) ||
	    !(r->grades = arena_alloc(a, (b->n_grades ? b->n_grades : 1) * sizeof *r->grades)))
		return eg__error_nomem("writing a rule set as a scheme");
	for (size_t i = 0; i < b->n_sections; i++, r->n_sections++) {
		DUP(r->sections[i].id, b->sections[i].id);
		DUP(r->sections[i].name.zh, b->sections[i].zh);
		DUP(r->sections[i].name.en, b->sections[i].en);
	}
	for (size_t i = 0; i < b->n_items; i++, r->n_items++) {
		const as_item *x = &b->items[i];
		sc_item *it = &r->items[i];
		DUP(it->id, x->id);
		DUP(it->rule, x->rule);
		DUP(it->section, b->sections[x->section].id);
		DUP(it->name.zh, x->zh);
		DUP(it->name.en, x->en);
		it->kind = x->kind;
		it->max = x->max;
		it->per = x->per;
		it->has_floor = x->kind == EG_ITEM_KIND_DEDUCT && x->floor != EG_ITEM_NO_FLOOR;
		it->floor = it->has_floor ? x->floor : 0;
		it->overflow = x->overflow;
		it->veto = x->veto;
		it->adverse = x->adverse;
		it->situation = x->situation;
		has_veto_items |= x->veto;
		if ((rc = from_src(&it->src, a, &x->src, "item", x->id)) < 0)
			return rc;
	}
	if (has_veto_items) {
		r->has_veto = 1;
		r->veto_mode = b->veto_mode;
		DUP(r->veto_rule, b->veto_rule ? b->veto_rule : "CJ-A2-6.1");
		if ((rc = from_src(&r->veto_src, a, &b->veto_src, "the veto rule", r->veto_rule)) < 0)
			return rc;
	}
	if (b->has_bonus) {
		r->has_bonus = 1;
		DUP(r->bonus_rule, b->bonus_rule);
		r->bonus_per = b->bonus_per;
		r->bonus_cap = b->bonus_cap;
		if ((rc = from_src(&r->bonus_src, a, &b->bonus_src, "the bonus rule", b->bonus_rule)) < 0)
			return rc;
	}
	if (b->n_levels) {
		r->has_penalties = 1;
		DUP(r->penalty_section, b->sections[b->penalty_section].id);
	}
	for (size_t i = 0; i < b->n_levels; i++, r->n_levels++) {
		const as_level *x = &b->levels[i];
		sc_level *lv = &r->levels[i];
		if (!x->zh)
			return eg__error(EG_EINVAL, "penalty level %s has no name; give one with eg_ruleset_builder_set_level_name()",
					 x->id);
		DUP(lv->id, x->id);
		DUP(lv->rule, x->rule);
		DUP(lv->name.zh, x->zh);
		DUP(lv->name.en, x->en);
		lv->amount = x->amount;
		lv->fail = x->fail;
		if ((rc = from_src(&lv->src, a, &x->src, "penalty level", x->id)) < 0)
			return rc;
	}
	for (size_t i = 0; i < b->n_conds; i++, r->n_conds++) {
		const as_cond *x = &b->conds[i];
		DUP(r->conds[i].id, x->id);
		DUP(r->conds[i].rule, x->rule);
		DUP(r->conds[i].text.zh, x->zh);
		DUP(r->conds[i].text.en, x->en);
		if ((rc = from_src(&r->conds[i].src, a, &x->src, "forced-fail condition", x->id)) < 0)
			return rc;
	}
	/* Grades highest first, as a document lists them. */
	for (size_t i = 0; i < b->n_grades; i++, r->n_grades++) {
		const as_grade *x = &b->grades[i];
		r->grades[i].grade = x->grade;
		r->grades[i].min = x->min;
		DUP(r->grades[i].rule, x->rule);
		if ((rc = from_src(&r->grades[i].src, a, &x->src, "grade", eg_grade_name(x->grade))) < 0)
			return rc;
	}
	return EG_OK;
}
#undef DUP

int eg_scheme_from_ruleset(eg_scheme **out, const eg_scheme_info *info, const eg_ruleset *rs)
{
	eg_scheme *s;
	eg_scheme_error e = EG_SCHEME_ERROR_INIT;
	sp p;
	int rc;
	if (!out || !info || !rs)
		return eg__error(EG_EINVAL, "eg_scheme_from_ruleset: NULL argument");
	if (info->version != EG_SCHEME_INFO_VERSION)
		return eg__error(EG_EINVAL, "eg_scheme_info version %u is not %u", info->version, EG_SCHEME_INFO_VERSION);
	if ((rc = eg__check_text(info->family, ID_MAX, "scheme family")) < 0 ||
	    (rc = eg__check_text(info->issuer_zh, TITLE_MAX, "issuer")) < 0 ||
	    (rc = eg__check_text(info->issuer_en, TITLE_MAX, "issuer")) < 0)
		return rc;
	if (!(s = eg__calloc(1, sizeof *s)))
		return eg__error_nomem("writing a rule set as a scheme");
	rc = model_of_ruleset(&s->m, &s->a, info, &rs->body);
	if (rc == EG_OK) {
		/* The same checks as a loaded document, placed on the written one. */
		memset(&p, 0, sizeof p);
		p.name = "scheme";
		p.err = &e;
		p.a = &s->a;
		if ((rc = finish(s)) == EG_OK) {
			p.text = s->text;
			p.len = s->text_len;
			rc = phase2(&p, &s->m);
		}
	}
	if (rc == EG_OK) {
		/* Load what was written, so that the scheme is exactly its text's. */
		eg_scheme *again = NULL;
		rc = load(&again, NULL, s->text, s->text_len, s->m.id);
		eg_scheme_free(s);
		s = again;
	}
	if (rc < 0) {
		eg_scheme_free(s);
		return rc;
	}
	*out = s;
	return EG_OK;
}
