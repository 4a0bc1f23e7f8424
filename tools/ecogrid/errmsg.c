/*
 * Error messages in the user's language.
 *
 * tool_fail() prints "ecogrid: " and a message whose format is a gettext
 * message ID (English), so every call site is in the catalogues.
 *
 * Library failures: the library keeps one English detail per failure
 * (eg_error_last(), for developers), often starting with the name of the
 * function that failed. The tool never shows that text as it stands: it
 * matches it against the library's message formats listed below, takes
 * the parameters out (the offending values) and prints the same sentence
 * from the catalogue in the user's language. A detail that matches no
 * format becomes the sentence for its status code. --verbose adds the raw
 * detail. tests/check_messages.py checks that every format below still
 * occurs in src/, so a changed library message cannot fall out silently.
 */
#include "tool.h"

#include <regex.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static int verbose_on;

void tool_set_verbose(int on) { verbose_on = on; }

static int lang_now = EG_LANG_ZH;

void tool_set_lang(int lang) { lang_now = lang; }

int tool_lang(void) { return lang_now; }

int tool_fail(const char *fmt, ...)
{
	va_list ap;
	fputs(_("ecogrid: "), stderr);
	va_start(ap, fmt);
	vfprintf(stderr, _(fmt), ap);
	va_end(ap);
	fputc('\n', stderr);
	return TOOL_FAIL;
}

/* The library's message formats the tool translates (exactly as in src/, escapes resolved). */
static const char *const lib_formats[] = {
	/* grid_csv.c: the division CSV */
	N_("line %u: %d fields, expected %d"),
	N_("line %u: more than %d fields"),
	N_("line %u: empty code"),
	N_("line %u: level \"%s\" is not a number"),
	N_("line %u: level \"%s\" is not 0-4"),
	N_("line %u: level %d is not 0-4 (CJ-G.1)"),
	N_("line %u: kind \"%s\" is not admin, park, key_grid or other"),
	N_("line %u: unterminated quoted field"),
	N_("line %u: text after a closing quote"),
	N_("line %u: quote inside an unquoted field"),
	N_("line %u: code %s duplicates line %u"),
	N_("line %u: parent %s of %s not found (only one row may name a parent outside the file, and line %u already does)"),
	N_("line %u: parent %s of %s not found"),
	N_("line %u: parent chain loops: %s -> %s"),
	N_("line %u: level %d of %s is not deeper than its parent %s's level %d"),
	N_("line %u: level %d of %s becomes %d with root_level %d; levels are 0-4"),
	N_("line %u: too many rows"),
	N_("line 1: header must be code,parent_code,level,name with an optional kind column"),
	N_("root %s is not in the file"),
	N_("root_level %d is not -1 or 0-4"),
	N_("cannot open %s: %s"),
	N_("cannot read %s: %s"),
	/* grid.c: nodes and staff */
	N_("node %s not found"),
	N_("parent %s of %s not found"),
	N_("node ID %s already exists"),
	N_("node %s: level %d is not 0-4 (CJ-G.1)"),
	N_("node %s: level %d is not deeper than its parent %s's level %d"),
	N_("node %s: both grid heads are %s; dual heads are two people (CJ-G.3)"),
	N_("node %s is at level %d; sub-grid heads belong to level 2 (CJ-G.4) or level 3 (CJ-G.5)"),
	N_("%s is already a sub-grid head of %s"),
	N_("%s is already a supervisor of %s"),
	N_("sub-grid head %s of %s covers no node"),
	N_("%s %s is not a level-%d node under %s"),
	N_("%s %s is listed twice"),
	N_("%s %s not found"),
	N_("a grid holds at most %u nodes"),
	/* assess_score.c: a month's inputs */
	N_("rule set %s has no item %s"),
	N_("item %s (%s) is a %s item"),
	N_("item %s: count %lld is negative"),
	N_("item %s: count %lld is above %d"),
	N_("item %s (%s) has no adverse-effects rule"),
	N_("bonus events %lld is negative"),
	N_("bonus events %lld is above %d"),
	N_("rule set %s has no bonus rule"),
	N_("rule set %s has no media penalties"),
	N_("rule set %s has no media level %s"),
	N_("media level %s is listed twice for one problem"),
	N_("a problem needs at least one exposure level (CJ-A2-5.9)"),
	N_("more than %d problems"),
	N_("rule set %s has no forced-fail condition %s"),
	N_("period %s is outside rule set %s's validity %s to %s"),
	/* assess_score.c: half-year and year totals (JM-2.2, JM-2.2.1) */
	N_("period \"%s\" is not YYYY-H1, YYYY-H2 or YYYY (JM-2.2.1)"),
	N_("item %s: the period's count %lld + %lld is above %d (JM-2.2)"),
	N_("no preset rule set%s%s is in force on %s"),
	/* airq.c */
	N_("%s statistic %g is not a finite value >= 0"),
	N_("%s statistic %g is implausibly large"),
	N_("rate: the reference index is 0; the rate is undefined (airquality.md §5)"),
	N_("rate: indices %g and %g must be finite and >= 0"),
	N_("rate: index %g against the reference %g is not a finite rate"),
	/* records.c, disclosure.c, ledger.c */
	N_("record %s: time \"%s\" is not YYYY-MM-DD HH:MM (CST)"),
	N_("record %s: time %s is before its last version at %s; history is append-only"),
	N_("record %s: a new record needs at least one field"),
	N_("record %s: field %s is given twice"),
	N_("field %s: value longer than %d bytes"),
	N_("record %s not found"),
	N_("record %s did not exist yet at %s"),
	N_("problem %s is already in the ledger (YL-2)"),
	N_("problem %s not found"),
	N_("problem %s was not registered yet on %s"),
	N_("problem %s: deadline \"%s\" is not YYYY-MM-DD"),
	N_("problem %s: new deadline %s must be a date after %s"),
	N_("problem %s is closed; its deadline cannot change (YL-5.5)"),
	N_("problem %s: %s -> %s is not allowed (YL-5.5)%s"),
	N_("\"%s\" is not YYYY-MM-DD"),
	N_("\"%s\" is not a date YYYY-MM-DD"),
	N_("record %s (version of %s) lacks the JM-2.1.1 content: %s"),
	N_("record %s has no version yet at %s"),
	/* duty_calendar.c: the office's duty records */
	N_("no duty preset, duty or rule named \"%s\""),
	N_("record time \"%s\" is not YYYY-MM-DD or YYYY-MM-DD HH:MM"),
	N_("record end \"%s\" is not YYYY-MM-DD or YYYY-MM-DD HH:MM"),
	N_("record ends at %s, before its time %s"),
	N_("record period \"%s\" is not YYYY, YYYYH1, YYYYQ1, YYYY-MM, YYYY-Www or YYYY-MM-DD"),
	N_("an exception (R0.8) needs the duty or rule, the period, a reason and an approver"),
	N_("a conflict needs a subject, and not both \"*\" (CJ-A1-11)"),
	N_("group member \"%s\" contains ';' or ','"),
	N_("calendar day \"%s\" is not YYYY-MM-DD"),
	N_("calendar day %s is set both as a holiday and as a working day"),
	N_("the working-day calendar does not cover %d (needed for %s; R0.9)"),
	N_("duty status: from \"%s\" is not YYYY-MM-DD"),
	N_("duty %s has no start: give the status a first day (from)"),
	/* draw.c, inspect.c */
	N_("stratum %s: object %s is listed twice"),
	N_("stratum %s has an empty frame"),
	N_("stratum %s: quota %zu is larger than its %zu objects"),
	N_("stratum %s is listed twice"),
	N_("inspector %s is listed twice"),
	N_("object %s: %zu eligible inspectors after conflicts (回避), %zu needed; nothing drawn"),
	N_("conflict %s, %s: %s is not in the inspector list; a misspelt name would leave the conflict unapplied (回避, CJ-A1-11)"),
	N_("conflict %s, %s: %s is not in the frame; a misspelt ID would leave the conflict unapplied (回避, CJ-A1-11)"),
};

/* Sentences for the status codes, when no format matches. */
static const char *code_sentence(int code);

const char *tool_code_sentence(int code) { return code_sentence(code); }

static const char *code_sentence(int code)
{
	switch (code) {
	case EG_EINVAL: return _("a value is not valid");
	case EG_ENOMEM: return _("out of memory; nothing was changed");
	case EG_ENOTFOUND: return _("something it refers to does not exist");
	case EG_EEXISTS: return _("something that must be unique is given twice");
	case EG_ERANGE: return _("a number is out of its allowed range");
	case EG_EPARSE: return _("the text could not be read");
	case EG_ESTATE: return _("this step is not allowed in the current state");
	case EG_EIO: return _("a file could not be opened or read");
	case EG_EUTF8: return _("a text is not valid UTF-8");
	case EG_ECYCLE: return _("a parent chain loops back on itself");
	case EG_ELEVEL: return _("a level is not deeper than its parent's");
	case EG_EBUFSIZE: return _("an internal buffer is too small");
	default: return _("the operation failed");
	}
}

/* A conversion of a printf format: its length from '%' and whether it takes a string. */
static size_t conv_len(const char *p)
{
	size_t k = 1;
	while (p[k] && strchr("0123456789.-+ #*hljztL$", p[k]))
		k++;
	return p[k] ? k + 1 : k;
}

/* The format as an anchored POSIX extended regex, one group per conversion. */
static int format_regex(regex_t *re, const char *fmt)
{
	size_t cap = strlen(fmt) * 2 + 64, o = 0;
	char *pat = malloc(cap * 4), *p = pat;
	int rc;
	if (!pat)
		return -1;
	p[o++] = '^';
	for (const char *f = fmt; *f;) {
		if (*f == '%' && f[1] == '%') {
			p[o++] = '%';
			f += 2;
		} else if (*f == '%') {
			size_t k = conv_len(f);
			char c = f[k - 1];
			const char *g = c == 's' ? "(.*)" : c == 'g' ? "([-+0-9.eEinfa]+)" : c == 'x' ? "([0-9a-f]+)" : "(-?[0-9]+)";
			memcpy(p + o, g, strlen(g));
			o += strlen(g);
			f += k;
		} else {
			if (strchr("\\^$.|?*+()[]{}", *f))
				p[o++] = '\\';
			p[o++] = *f++;
		}
	}
	p[o++] = '$';
	p[o] = '\0';
	rc = regcomp(re, pat, REG_EXTENDED);
	free(pat);
	return rc == 0 ? 0 : -1;
}

/*
 * Render `fmt` (a translation: conversions in order, or numbered %N$…)
 * with the captured strings as every argument.
 */
static void render(char *out, size_t size, const char *fmt, char args[][256], size_t n_args)
{
	size_t o = 0, next = 0;
	for (const char *f = fmt; *f && o + 1 < size;) {
		if (*f == '%' && f[1] == '%') {
			out[o++] = '%';
			f += 2;
		} else if (*f == '%') {
			size_t k = conv_len(f), idx = next++;
			const char *d = f + 1;
			if (*d >= '1' && *d <= '9') {
				size_t v = 0;
				const char *e = d;
				while (*e >= '0' && *e <= '9')
					v = v * 10 + (size_t)(*e++ - '0');
				if (*e == '$')
					idx = v - 1;
			}
			if (idx < n_args) {
				size_t l = strlen(args[idx]);
				if (l > size - 1 - o)
					l = size - 1 - o;
				memcpy(out + o, args[idx], l);
				o += l;
			}
			f += k;
		} else {
			out[o++] = *f++;
		}
	}
	out[o] = '\0';
}

/*
 * The phrases of a scheme document's refusal (src/scheme.c: what was
 * expected and found, the kinds of values), each a whole phrase in the
 * catalogue; tool_scheme_phrase() translates them, their parts too.
 * tests/check_messages.py checks that each still occurs in src/.
 */
static const char *const scheme_phrases[] = {
	N_("%s (an object)"),
	N_("one of the keys of %s: %s"),
	N_("%s needs the key \"%s\""),
	N_("%s needs \"%s\" (a string)"),
	N_("%s needs \"%s\" (an integer from %lld to %lld)"),
	N_("%s needs \"%s\" (one of %s)"),
	N_("%s needs \"%s\" (a date YYYY-MM-DD)"),
	N_("%s needs \"source\": the article and the regulation's words ({\"article\": …, \"quote\": …})"),
	N_("a string"),
	N_("a non-empty string"),
	N_("an empty string"),
	N_("a string of at most %zu bytes"),
	N_("a string without control characters"),
	N_("an ID of letters, digits and . _ - ( )"),
	N_("an integer from %lld to %lld"),
	N_("true or false"),
	N_("one of %s"),
	N_("a date YYYY-MM-DD"),
	N_("at most %zu entries"),
	N_("an ID that no other %s has"),
	N_("the unknown key \"%s\""),
	N_("an object"),
	N_("an array"),
	N_("an empty array"),
	N_("valid JSON (%s)"),
	N_("UTF-8 text"),
	N_("JSON text"),
	N_("a NUL byte"),
	N_("a document of at most 1048576 bytes (EG_SCHEME_MAX_BYTES)"),
	N_("a readable file"),
	N_("a number"),
	N_("a number from 0 to 1e9"),
	N_("a decimal of at most 15 significant digits"),
	N_("dates within the scheme's %s to %s"),
	N_("open-ended"),
	N_("rule set %s's dates not to overlap those of rule set %s (one rule set in force on any day)"),
	N_("an action needs \"name\" in Chinese and English (the words a bulletin prints)"),
	N_("item %s: only status items can be veto items (CJ-A2-6.1)"),
	N_("a rule set with veto items needs \"veto\": its rule ID, mode and source"),
	N_("a deduction item needs \"floor\" (an integer, or null for no floor)"),
	N_("1 (whole points) or 10 (tenths), R0.2"),
	N_("at least one penalty level"),
	N_("the ID of a ladder of this scheme"),
	N_("a last day on or after valid_from %s"),
	N_("a cadence"),
	N_("a clause"),
	N_("a condition"),
	N_("a custom profile"),
	N_("a deadline"),
	N_("a deduction item"),
	N_("a duty"),
	N_("a forced-fail condition"),
	N_("a grade"),
	N_("a ladder"),
	N_("a level"),
	N_("a monthly ladder"),
	N_("a months_after deadline"),
	N_("a penalty level"),
	N_("a rule set"),
	N_("a scheme document"),
	N_("a section"),
	N_("a source"),
	N_("a text in Chinese and English"),
	N_("a text"),
	N_("a yearly deadline"),
	N_("an action"),
	N_("an after_quarter deadline (a day every month has)"),
	N_("an after_quarter deadline"),
	N_("an array of at most 15 actions, mildest first"),
	N_("an array of at most 3 grades (pass, good, excellent)"),
	N_("an array of at most 32 clauses"),
	N_("an array of flag words"),
	N_("an array of forced-fail conditions (at most 32)"),
	N_("an array of items"),
	N_("an array of penalty levels (at most 32)"),
	N_("an array of sections"),
	N_("an item"),
	N_("an item_count ladder"),
	N_("the air-quality set-up"),
	N_("the penalties"),
	N_("a rule set with \"valid_to\" needs \"valid_from\" too"),
	N_("item %s: section %s not found"),
	N_("penalty level %s: section %s not found"),
	N_("a penalty level with either \"amount\" (points) or \"fail\": true (the period fails)"),
	N_("neither"),
	N_("both"),
	N_("grade %s or threshold %d is already set"),
	N_("clause %s: window_sum applies to window clauses only"),
	N_("\"by_date\", a national profile's name (CN2012, CN2026, CN2031) or a custom profile object"),
	N_("no air-quality profile named \"%s\" (CN2012, CN2026, CN2031)"),
	N_("profile %s: limit of %s must be finite and > 0"),
	N_("profile %s: weight of %s must be finite and >= 0"),
	N_("only %s%s%s on a \"%s\" deadline"),
	N_("a duty flag (night_or_holiday, in_principle, start_containing, for_period, no_due, extend, rolling_week, cover_times, clamp_start, same_tags)"),
	N_("duty %s: an event duty needs its event kind"),
	N_("duty %s is already in the set"),
	N_("a duty that agrees with cadence %s (periodic, kind %s, period %s, at least %d%s)"),
	N_("duty %s: give the actors or a group, not both"),
	N_("an array of cadences"),
	N_("an array of deadlines"),
	N_("an array of duties"),
	N_("an array of ladders"),
	N_("an array of monthly ladders"),
	N_("an array of rule sets"),
	N_("a bonus"),
	N_("the bonus"),
	N_("the bonus rule"),
	N_("the annual rule"),
	N_("the half-year and year totals"),
	N_("the ranking"),
	N_("the tampering rule"),
	N_("the veto rule"),
	N_("the weights w_i"),
	N_("the limits S_i (µg/m³, CO mg/m³)"),
	N_("a scheme document (the format version)"),
	N_("a yearly deadline (a day the month has every year)"),
	N_("each flag once"),
	N_("a ladder whose measure is \"last_place\""),
	N_("a ladder whose measure is \"flag\" or \"at_least\" for a \"failed\" feed"),
	N_("a ladder whose measure is \"share\" or \"at_least\" for an item count"),
	N_("a rule set in the scheme whose item to count"),
	N_("a deduction item of rule set %s"),
};

/*
 * The first of `formats` that `text` matches as a whole: its index, with the
 * text of each conversion in args (at most 7, each cut at 255 bytes); -1 when
 * none matches.
 */
static long match_format(const char *const *formats, size_t n_formats, const char *text, char args[7][256],
			 size_t *n_args)
{
	for (size_t i = 0; i < n_formats; i++) {
		regex_t re;
		regmatch_t m[8];
		int hit;
		if (format_regex(&re, formats[i]) < 0)
			continue;
		hit = regexec(&re, text, 8, m, 0) == 0;
		*n_args = re.re_nsub < 7 ? re.re_nsub : 7;
		regfree(&re);
		if (!hit)
			continue;
		for (size_t k = 0; k < *n_args; k++) {
			size_t len = m[k + 1].rm_so < 0 ? 0 : (size_t)(m[k + 1].rm_eo - m[k + 1].rm_so);
			if (len > 255)
				len = 255;
			memcpy(args[k], text + (m[k + 1].rm_so < 0 ? 0 : m[k + 1].rm_so), len);
			args[k][len] = '\0';
		}
		return (long)i;
	}
	return -1;
}

/* The phrase in the user's language (parts matched again, two levels deep); unknown text is left as it is. */
static void scheme_phrase(char *out, size_t size, const char *en, int depth)
{
	char parts[7][256], args[7][256];
	size_t n = 0;
	long i = depth < 3 ? match_format(scheme_phrases, sizeof scheme_phrases / sizeof scheme_phrases[0], en, parts, &n)
			   : -1;
	if (i < 0) {
		snprintf(out, size, "%s", en);
		return;
	}
	for (size_t k = 0; k < n; k++)
		scheme_phrase(args[k], sizeof args[k], parts[k], depth + 1);
	render(out, size, _(scheme_phrases[i]), args, n);
}

const char *tool_scheme_phrase(char *out, size_t size, const char *en)
{
	scheme_phrase(out, size, en ? en : "", 0);
	return out;
}

const char *tool_scheme_detail(char *out, size_t size, const char *detail)
{
	/* "scheme: line L, column C, at POINTER: expected X, found Y" or "...: MESSAGE" (src/scheme.c, sp_fail_at). */
	const char *d = detail, *at, *colon, *found;
	char where[400] = "", ptr[300], x[600], y[300];
	long long line = 0, col = 0;
	int k = 0;
	if (strncmp(d, "scheme: ", 8) != 0) {
		snprintf(out, size, "%s", tool_scheme_phrase(x, sizeof x, d));
		return out;
	}
	d += 8;
	if (sscanf(d, "line %lld, column %lld, %n", &line, &col, &k) == 2 && k > 0)
		d += k;
	if (strncmp(d, "at ", 3) != 0 || !(colon = strstr(d + 3, ": "))) {
		snprintf(out, size, "%s", tool_scheme_phrase(x, sizeof x, d));
		return out;
	}
	at = d + 3;
	snprintf(ptr, sizeof ptr, "%.*s", (int)(colon - at), at);
	if (!strcmp(ptr, "the document's top"))
		snprintf(ptr, sizeof ptr, "/");
	if (line > 0)
		snprintf(where, sizeof where, _("line %lld, column %lld (JSON pointer %s): "), line, col, ptr);
	else
		snprintf(where, sizeof where, _("JSON pointer %s: "), ptr);
	d = colon + 2;
	found = strstr(d, ", found ");
	if (!strncmp(d, "expected ", 9) && found) {
		const char *last = found;
		while ((found = strstr(found + 1, ", found ")))
			last = found;
		snprintf(y, sizeof y, "%.*s", (int)(last - d - 9), d + 9);
		tool_scheme_phrase(x, sizeof x, y);
		{
			char f2[300];
			tool_scheme_phrase(f2, sizeof f2, last + 8);
			snprintf(out, size, _("%sexpected %s, found %s"), where, x, f2);
		}
		return out;
	}
	snprintf(out, size, "%s%s", where, tool_scheme_phrase(x, sizeof x, d));
	return out;
}

const char *tool_eg_message(void)
{
	static char buf[1024];
	const eg_error *e = eg_error_last();
	const char *detail = e->message;
	char args[7][256];
	size_t n = 0;
	long i;
	/* "eg_function_name: " says where, not what: it is for developers only. */
	if (strncmp(detail, "eg_", 3) == 0) {
		const char *c = strstr(detail, ": ");
		size_t k = 3;
		while (detail[k] == '_' || (detail[k] >= 'a' && detail[k] <= 'z') || (detail[k] >= '0' && detail[k] <= '9'))
			k++;
		if (c && detail + k == c)
			detail = c + 2;
	}
	i = match_format(lib_formats, sizeof lib_formats / sizeof lib_formats[0], detail, args, &n);
	if (i >= 0) {
		render(buf, sizeof buf, _(lib_formats[i]), args, n);
		return buf;
	}
	/* No format matched: the sentence for the code, then the detail for its values. */
	snprintf(buf, sizeof buf, _("%s (%s)"), code_sentence(e->code), detail);
	return buf;
}

int tool_fail_eg(int rc, const char *what)
{
	const eg_error *e = eg_error_last();
	(void)rc;
	tool_fail("%s: %s", what, tool_eg_message());
	if (verbose_on)
		fprintf(stderr, _("  (library: %s: %s)\n"), eg_strerror(e->code), e->message);
	return TOOL_FAIL;
}
