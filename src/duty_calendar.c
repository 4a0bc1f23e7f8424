/*
 * The duty calendar: working days (R0.9(a)), periods in months (R0.10),
 * duty sets, the log of what was done, and the status of every duty on a
 * date (R0.5-R0.11, section 9 of the rule catalogue, CJ-G.8, DG-9, DG-15,
 * DG-17 and the per-event deadlines).
 */
#include <ecogrid/duty.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "duty_internal.h"
#include "util/alloc.h"
#include "util/date.h"
#include "util/error.h"
#include "util/text.h"
#include "util/vec.h"

#define LIMIT_MAX 100000
#define COUNT_MAX 1000000
#define ROWS_MAX 10000000u

/* ------------------------------------------------------------------ */
/* Working days (R0.9(a))                                                */
/* ------------------------------------------------------------------ */

typedef struct wd_entry {
	int64_t day;
	int kind; /* eg_duty_day */
} wd_entry;

struct eg_duty_workdays {
	wd_entry *e; /* sorted by day */
	size_t n, cap;
	unsigned char covered[10000 / 8 + 1]; /* bit y: year y is covered */
};

int eg_duty_workdays_new(eg_duty_workdays **out)
{
	eg_duty_workdays *w;
	if (!out)
		return eg__error(EG_EINVAL, "eg_duty_workdays_new: NULL argument");
	if (!(w = eg__calloc(1, sizeof *w)))
		return eg__error_nomem("making a working-day calendar");
	*out = w;
	return EG_OK;
}

void eg_duty_workdays_free(eg_duty_workdays *w)
{
	if (!w)
		return;
	eg__free(w->e);
	eg__free(w);
}

static int year_covered(const eg_duty_workdays *w, int y)
{
	return y >= 1 && y <= 9999 && (w->covered[y / 8] >> (y % 8) & 1);
}

int eg_duty_workdays_cover(eg_duty_workdays *w, int first_year, int last_year)
{
	if (!w)
		return eg__error(EG_EINVAL, "eg_duty_workdays_cover: NULL calendar");
	if (first_year < 1 || last_year > 9999 || last_year < first_year)
		return eg__error(EG_EINVAL, "calendar years %d to %d are not 1-9999 in order", first_year, last_year);
	for (int y = first_year; y <= last_year; y++)
		w->covered[y / 8] |= (unsigned char)(1u << (y % 8));
	return EG_OK;
}

/* Index of the first entry >= d. */
static size_t wd_find(const eg_duty_workdays *w, int64_t d)
{
	size_t lo = 0, hi = w->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (w->e[mid].day < d)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

int eg_duty_workdays_set(eg_duty_workdays *w, const char *date, int day)
{
	int64_t d;
	size_t at;
	int y, m, dd;
	if (!w || !date)
		return eg__error(EG_EINVAL, "eg_duty_workdays_set: NULL argument");
	if (eg__date_parse(&d, date) < 0)
		return eg__error(EG_EINVAL, "calendar day \"%.20s\" is not YYYY-MM-DD", date);
	if (day != EG_DUTY_DAY_HOLIDAY && day != EG_DUTY_DAY_WORKDAY)
		return eg__error(EG_EINVAL, "calendar day %s: kind %d is not one of eg_duty_day", date, day);
	at = wd_find(w, d);
	if (at < w->n && w->e[at].day == d) {
		if (w->e[at].kind != day)
			return eg__error(EG_EINVAL, "calendar day %s is set both as a holiday and as a working day", date);
		return EG_OK;
	}
	{
		wd_entry *ne = eg__vec_reserve(w->e, &w->cap, w->n + 1, sizeof *w->e, 32);
		if (!ne)
			return eg__error_nomem("adding a calendar day");
		w->e = ne;
	}
	memmove(w->e + at + 1, w->e + at, (w->n - at) * sizeof *w->e);
	w->e[at].day = d;
	w->e[at].kind = day;
	w->n++;
	eg__civil_from_days(d, &y, &m, &dd);
	w->covered[y / 8] |= (unsigned char)(1u << (y % 8));
	return EG_OK;
}

/* 1 working day, 0 rest day, or EG_ERANGE with the error set. */
static int workday_of(const eg_duty_workdays *w, int64_t d)
{
	int y, m, dd;
	size_t at;
	eg__civil_from_days(d, &y, &m, &dd);
	if (!year_covered(w, y)) {
		char buf[11];
		eg__date_format(buf, d);
		return eg__error(EG_ERANGE, "the working-day calendar does not cover %d (needed for %s; R0.9)", y, buf);
	}
	at = wd_find(w, d);
	if (at < w->n && w->e[at].day == d)
		return w->e[at].kind == EG_DUTY_DAY_WORKDAY;
	return eg__weekday(d) <= 5;
}

int eg_duty_workdays_is_workday(int *workday, const eg_duty_workdays *w, const char *date)
{
	int64_t d;
	int rc;
	if (!workday || !w || !date)
		return eg__error(EG_EINVAL, "eg_duty_workdays_is_workday: NULL argument");
	if (eg__date_parse(&d, date) < 0)
		return eg__error(EG_EINVAL, "\"%.20s\" is not YYYY-MM-DD", date);
	if ((rc = workday_of(w, d)) < 0)
		return rc;
	*workday = rc;
	return EG_OK;
}

/* R0.10: start plus whole months, the corresponding day or the month's last day. */
static int64_t plus_months(int64_t start, int32_t months)
{
	int y, m, d, dim;
	int64_t mi;
	eg__civil_from_days(start, &y, &m, &d);
	mi = (int64_t)y * 12 + (m - 1) + months;
	y = (int)(mi / 12);
	m = (int)(mi % 12) + 1;
	if (y < 1 || y > 9999)
		return INT64_MIN;
	dim = eg__days_in_month(y, m);
	return eg__days_from_civil(y, m, d < dim ? d : dim);
}

static const int64_t last_day = 2932896; /* 9999-12-31 */

/* The due day after `start` (days), or a negative code with the error set. */
static int due_after(int64_t *out, int64_t start, int unit, int32_t n, const eg_duty_workdays *w, int extend)
{
	int64_t d = start;
	int rc;
	switch (unit) {
	case EG_DUTY_UNIT_DAYS:
		d = start + n;
		break;
	case EG_DUTY_UNIT_MONTHS:
		if ((d = plus_months(start, n)) == INT64_MIN)
			d = last_day + 1;
		break;
	case EG_DUTY_UNIT_WORKDAYS:
		if (!w)
			return eg__error(EG_EINVAL, "a limit of %d working days needs a working-day calendar (R0.9(a))", (int)n);
		for (int32_t k = 0; k < n;) {
			if (++d > last_day)
				break;
			if ((rc = workday_of(w, d)) < 0)
				return rc;
			k += rc;
		}
		break;
	default:
		break;
	}
	if (d > last_day)
		return eg__error(EG_ERANGE, "a due date after 9999-12-31");
	if (extend) {
		if (!w)
			return eg__error(EG_EINVAL, "extending a period over rest days needs a working-day calendar (R0.10)");
		while ((rc = workday_of(w, d)) == 0)
			if (++d > last_day)
				return eg__error(EG_ERANGE, "a due date after 9999-12-31");
		if (rc < 0)
			return rc;
	}
	*out = d;
	return EG_OK;
}

int eg_duty_due_date(char *date, const char *start, int unit, int32_t n, const eg_duty_workdays *w, int extend)
{
	int64_t s, d;
	int rc;
	if (!date || !start)
		return eg__error(EG_EINVAL, "eg_duty_due_date: NULL argument");
	if (eg__date_parse(&s, start) < 0)
		return eg__error(EG_EINVAL, "eg_duty_due_date: start \"%.20s\" is not YYYY-MM-DD", start);
	if (unit != EG_DUTY_UNIT_DAYS && unit != EG_DUTY_UNIT_WORKDAYS && unit != EG_DUTY_UNIT_MONTHS)
		return eg__error(EG_EINVAL, "eg_duty_due_date: unit %d is not days, working days or months", unit);
	if (n < 0 || n > LIMIT_MAX)
		return eg__error(EG_EINVAL, "eg_duty_due_date: %d units is not 0-%d", (int)n, LIMIT_MAX);
	if ((rc = due_after(&d, s, unit, n, w, extend)) < 0)
		return rc;
	eg__date_format(date, d);
	return EG_OK;
}

/* ------------------------------------------------------------------ */
/* Periods (R0.5, R0.7)                                                  */
/* ------------------------------------------------------------------ */

/* First day of the period holding `day`. */
static int64_t period_start(int64_t day, int period)
{
	int y, m, d;
	eg__civil_from_days(day, &y, &m, &d);
	switch (period) {
	case EG_DUTY_PERIOD_DAY: return day;
	case EG_DUTY_PERIOD_WEEK: return day - (eg__weekday(day) - 1);
	case EG_DUTY_PERIOD_MONTH: return eg__days_from_civil(y, m, 1);
	case EG_DUTY_PERIOD_QUARTER: return eg__days_from_civil(y, (m - 1) / 3 * 3 + 1, 1);
	case EG_DUTY_PERIOD_HALF_YEAR: return eg__days_from_civil(y, m <= 6 ? 1 : 7, 1);
	default: return eg__days_from_civil(y, 1, 1);
	}
}

/* First day of the next period. */
static int64_t period_next(int64_t start, int period)
{
	int y, m, d;
	eg__civil_from_days(start, &y, &m, &d);
	switch (period) {
	case EG_DUTY_PERIOD_DAY: return start + 1;
	case EG_DUTY_PERIOD_WEEK: return start + 7;
	case EG_DUTY_PERIOD_MONTH: return m == 12 ? eg__days_from_civil(y + 1, 1, 1) : eg__days_from_civil(y, m + 1, 1);
	case EG_DUTY_PERIOD_QUARTER: return m >= 10 ? eg__days_from_civil(y + 1, 1, 1) : eg__days_from_civil(y, m + 3, 1);
	case EG_DUTY_PERIOD_HALF_YEAR: return m >= 7 ? eg__days_from_civil(y + 1, 1, 1) : eg__days_from_civil(y, 7, 1);
	default: return eg__days_from_civil(y + 1, 1, 1);
	}
}

/* Monday of ISO week 1 of ISO year y: the Monday of the week holding 4 January. */
static int64_t iso_week1(int y)
{
	int64_t jan4 = eg__days_from_civil(y, 1, 4);
	return jan4 - (eg__weekday(jan4) - 1);
}

/* The label of a period ("2026-W05" uses the ISO week-numbering year). */
static void period_label(char *buf, size_t sz, int64_t start, int period)
{
	int y, m, d;
	eg__civil_from_days(start, &y, &m, &d);
	switch (period) {
	case EG_DUTY_PERIOD_DAY: eg__date_format(buf, start); break;
	case EG_DUTY_PERIOD_WEEK: {
		int64_t thu = start + 3; /* the Thursday decides the ISO year */
		int ty, tm, td;
		eg__civil_from_days(thu, &ty, &tm, &td);
		snprintf(buf, sz, "%04d-W%02d", ty, (int)((start - iso_week1(ty)) / 7 + 1));
		break;
	}
	case EG_DUTY_PERIOD_MONTH: snprintf(buf, sz, "%04d-%02d", y, m); break;
	case EG_DUTY_PERIOD_QUARTER: snprintf(buf, sz, "%04dQ%d", y, (m - 1) / 3 + 1); break;
	case EG_DUTY_PERIOD_HALF_YEAR: snprintf(buf, sz, "%04dH%d", y, m <= 6 ? 1 : 2); break;
	default: snprintf(buf, sz, "%04d", y); break;
	}
}

static int all_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

/* Parse a period label into its kind and first day; 0 or -1. */
static int period_parse(int *period, int64_t *start, const char *s)
{
	size_t n = strlen(s);
	int y;
	if (n < 4 || !all_digits(s, 4))
		return -1;
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	if (y < 1 || y > 9998)
		return -1;
	if (n == 4) {
		*period = EG_DUTY_PERIOD_YEAR;
		*start = eg__days_from_civil(y, 1, 1);
		return 0;
	}
	if (n == 6 && s[4] == 'H' && (s[5] == '1' || s[5] == '2')) {
		*period = EG_DUTY_PERIOD_HALF_YEAR;
		*start = eg__days_from_civil(y, s[5] == '1' ? 1 : 7, 1);
		return 0;
	}
	if (n == 6 && s[4] == 'Q' && s[5] >= '1' && s[5] <= '4') {
		*period = EG_DUTY_PERIOD_QUARTER;
		*start = eg__days_from_civil(y, (s[5] - '1') * 3 + 1, 1);
		return 0;
	}
	if (n == 8 && s[4] == '-' && s[5] == 'W' && all_digits(s + 6, 2)) {
		int w = (s[6] - '0') * 10 + (s[7] - '0');
		int64_t mon = iso_week1(y) + (int64_t)(w - 1) * 7;
		if (w < 1 || (w > 52 && iso_week1(y + 1) <= mon))
			return -1;
		*period = EG_DUTY_PERIOD_WEEK;
		*start = mon;
		return 0;
	}
	if (n == 7 && s[4] == '-' && all_digits(s + 5, 2)) {
		int m = (s[5] - '0') * 10 + (s[6] - '0');
		if (m < 1 || m > 12)
			return -1;
		*period = EG_DUTY_PERIOD_MONTH;
		*start = eg__days_from_civil(y, m, 1);
		return 0;
	}
	if (n == 10 && eg__date_parse(start, s) == 0) {
		*period = EG_DUTY_PERIOD_DAY;
		return 0;
	}
	return -1;
}

/* ------------------------------------------------------------------ */
/* Word lists                                                            */
/* ------------------------------------------------------------------ */

/* Does the `sep`-separated list hold `word` (NUL-terminated)? */
static int list_has(const char *list, char sep, const char *word, size_t wl)
{
	const char *p = list;
	if (!list)
		return 0;
	while (*p) {
		const char *e = strchr(p, sep);
		size_t l = e ? (size_t)(e - p) : strlen(p);
		if (l == wl && memcmp(p, word, wl) == 0)
			return 1;
		if (!e)
			break;
		p = e + 1;
	}
	return 0;
}

static int has_word(const char *list, char sep, const char *word)
{
	return list_has(list, sep, word, strlen(word));
}

/* Does a record's kind match one of the space-separated alternatives? */
static int kind_matches(const char *alternatives, const char *kind)
{
	return kind && has_word(alternatives, ' ', kind);
}

/* Does the tag list (comma-separated) meet the requirement
 * ("a+b c": a and b, or c)? NULL requirement: yes. */
static int tags_meet(const char *req, const char *tags)
{
	const char *alt = req;
	if (!req)
		return 1;
	while (*alt) {
		const char *end = strchr(alt, ' ');
		size_t al = end ? (size_t)(end - alt) : strlen(alt);
		int ok = 1;
		for (const char *t = alt; t < alt + al;) {
			const char *plus = memchr(t, '+', (size_t)(alt + al - t));
			size_t tl = plus ? (size_t)(plus - t) : (size_t)(alt + al - t);
			if (!tags || !list_has(tags, ',', t, tl))
				ok = 0;
			t += tl + (plus != NULL);
		}
		if (ok)
			return 1;
		if (!end)
			break;
		alt = end + 1;
	}
	return 0;
}

/* Same set of comma-separated tags (order free)? */
static int same_tags(const char *a, const char *b)
{
	const char *lists[2] = { a ? a : "", b ? b : "" };
	for (int k = 0; k < 2; k++) {
		const char *p = lists[k];
		while (*p) {
			const char *e = strchr(p, ',');
			size_t l = e ? (size_t)(e - p) : strlen(p);
			if (l && !list_has(lists[1 - k], ',', p, l))
				return 0;
			if (!e)
				break;
			p = e + 1;
		}
	}
	return 1;
}

/* A list of words: non-empty words, no empty entries, UTF-8, no controls. */
static int check_list(const char *s, const char *seps, size_t max, const char *what)
{
	int rc;
	size_t n;
	if ((rc = eg__check_text(s, max, what)) < 0)
		return rc;
	n = strlen(s);
	for (size_t i = 0; i < n; i++)
		if (strchr(seps, s[i]) && (i == 0 || i + 1 == n || strchr(seps, s[i + 1])))
			return eg__error(EG_EINVAL, "%s \"%.64s\" has an empty entry", what, s);
	return EG_OK;
}

/* ------------------------------------------------------------------ */
/* Duty sets                                                             */
/* ------------------------------------------------------------------ */

int eg_duty_def_init(eg_duty_def *def, unsigned int ver)
{
	static const eg_duty_def init = EG_DUTY_DEF_INIT;
	if (!def || ver != EG_DUTY_DEF_VERSION)
		return eg__error(EG_EINVAL, "eg_duty_def_init: NULL definition or version %u (this library knows %d)", ver,
				 EG_DUTY_DEF_VERSION);
	*def = init;
	return EG_OK;
}

int eg_duty_set_new(eg_duty_set **out)
{
	eg_duty_set *s;
	if (!out)
		return eg__error(EG_EINVAL, "eg_duty_set_new: NULL argument");
	if (!(s = eg__calloc(1, sizeof *s)))
		return eg__error_nomem("making a duty set");
	*out = s;
	return EG_OK;
}

void eg_duty_set_free(eg_duty_set *set)
{
	if (!set)
		return;
	for (size_t i = 0; i < set->n; i++) {
		eg__free(set->v[i].buf);
		eg__free(set->v[i].src);
	}
	eg__free(set->v);
	eg__free(set);
}

size_t eg_duty_set_count(const eg_duty_set *set) { return set ? set->n : 0; }

int eg_duty_set_at(eg_duty_def *def, const eg_duty_set *set, size_t i)
{
	if (!def || !set)
		return eg__error(EG_EINVAL, "eg_duty_set_at: NULL argument");
	if (i >= set->n)
		return eg__error(EG_ERANGE, "duty %zu of a set of %zu", i, set->n);
	*def = set->v[i].d;
	return EG_OK;
}

/*
 * The source a duty implements: the regulation's article and words, as an
 * assessment item or a ladder clause carries them (the rows of
 * eg_duty_status() cite it beside the rule ID).
 */
int eg_duty_set_set_source(eg_duty_set *set, const char *id, const char *article, const char *quote)
{
	size_t la, lq;
	char *b;
	int rc;
	if (!set || !id)
		return eg__error(EG_EINVAL, "eg_duty_set_set_source: NULL argument");
	if ((rc = eg__check_text(article, 512, "source article")) < 0 || (rc = eg__check_text(quote, 1024, "source quote")) < 0)
		return rc;
	for (size_t i = 0; i < set->n; i++) {
		eg__duty *d = &set->v[i];
		if (strcmp(d->d.id, id) != 0)
			continue;
		la = strlen(article) + 1;
		lq = strlen(quote) + 1;
		if (!(b = eg__malloc(la + lq)))
			return eg__error_nomem("recording a duty's source");
		memcpy(b, article, la);
		memcpy(b + la, quote, lq);
		eg__free(d->src);
		d->src = b;
		d->article = b;
		d->quote = b + la;
		return EG_OK;
	}
	return eg__error(EG_ENOTFOUND, "no duty %.64s in the set", id);
}

int eg_duty_set_source(const char **article, const char **quote, const eg_duty_set *set, size_t i)
{
	if (!article || !quote || !set)
		return eg__error(EG_EINVAL, "eg_duty_set_source: NULL argument");
	if (i >= set->n)
		return eg__error(EG_ERANGE, "duty %zu of a set of %zu", i, set->n);
	*article = set->v[i].article;
	*quote = set->v[i].quote;
	return EG_OK;
}

#define DUTY_FLAGS 0x3FFu

static int check_def(const eg_duty_set *set, const eg_duty_def *d)
{
	const char *id = d->id ? d->id : "?";
	int64_t s = 0, e = 0;
	int rc, needs_actor;
	if (d->version != EG_DUTY_DEF_VERSION)
		return eg__error(EG_EINVAL, "duty definition version %u is not %d", d->version, EG_DUTY_DEF_VERSION);
	if ((rc = eg__check_text(d->id, 64, "duty ID")) < 0 || (rc = eg__check_text(d->rule, 64, "rule ID")) < 0)
		return rc;
	for (size_t i = 0; i < set->n; i++)
		if (strcmp(set->v[i].d.id, d->id) == 0)
			return eg__error(EG_EEXISTS, "duty %s is already in the set", d->id);
	if (d->shape < EG_DUTY_SHAPE_PERIODIC || d->shape > EG_DUTY_SHAPE_GAP)
		return eg__error(EG_EINVAL, "duty %s: shape %d is not one of eg_duty_shape", id, d->shape);
	if (!d->kind)
		return eg__error(EG_EINVAL, "duty %s: no record kind", id);
	if ((rc = check_list(d->kind, " ", 512, "record kinds")) < 0)
		return rc;
	if (d->actor && (rc = check_list(d->actor, ";", 1024, "actors")) < 0)
		return rc;
	if (d->group && (rc = eg__check_text(d->group, 64, "group")) < 0)
		return rc;
	if (d->cover_group && (rc = eg__check_text(d->cover_group, 64, "cover group")) < 0)
		return rc;
	if (d->tags && (rc = check_list(d->tags, " +", 512, "tags")) < 0)
		return rc;
	if ((d->name_zh && (rc = eg__check_text(d->name_zh, 256, "Chinese name")) < 0) ||
	    (d->name_en && (rc = eg__check_text(d->name_en, 256, "English name")) < 0))
		return rc;
	needs_actor = d->shape == EG_DUTY_SHAPE_PERIODIC || d->shape == EG_DUTY_SHAPE_ONCE || d->shape == EG_DUTY_SHAPE_GAP;
	if (d->actor && d->group)
		return eg__error(EG_EINVAL, "duty %s: give the actors or a group, not both", id);
	if (needs_actor && !d->actor && !d->group)
		return eg__error(EG_EINVAL, "duty %s: who owes it? (no actor and no group)", id);
	if (d->shape == EG_DUTY_SHAPE_CONFLICT && (d->actor || d->group))
		return eg__error(EG_EINVAL, "duty %s: a conflict duty takes its actors from the acts", id);
	if (d->shape == EG_DUTY_SHAPE_PERIODIC &&
	    (d->period < EG_DUTY_PERIOD_DAY || d->period > EG_DUTY_PERIOD_HALF_YEAR))
		return eg__error(EG_EINVAL, "duty %s: period %d is not one of eg_duty_period", id, d->period);
	if (d->min_count < 1 || d->min_count > COUNT_MAX)
		return eg__error(EG_EINVAL, "duty %s: at least %d is not 1-%d", id, (int)d->min_count, COUNT_MAX);
	if ((d->start && eg__date_parse(&s, d->start) < 0) || (d->end && eg__date_parse(&e, d->end) < 0))
		return eg__error(EG_EINVAL, "duty %s: start or end is not YYYY-MM-DD", id);
	if (d->start && d->end && e < s)
		return eg__error(EG_EINVAL, "duty %s: ends on %s, before its start %s", id, d->end, d->start);
	if (d->shape == EG_DUTY_SHAPE_ONCE && !d->start)
		return eg__error(EG_EINVAL, "duty %s: a once duty needs its start (the date it counts from)", id);
	if (d->due_months < -120 || d->due_months > 120 || d->due_day < 0 || d->due_day > 31)
		return eg__error(EG_EINVAL, "duty %s: due %d months, day %d out of range", id, (int)d->due_months,
				 (int)d->due_day);
	if (d->shape == EG_DUTY_SHAPE_EVENT) {
		if (!d->event_kind)
			return eg__error(EG_EINVAL, "duty %s: an event duty needs its event kind", id);
		if ((rc = check_list(d->event_kind, " ", 512, "event kinds")) < 0)
			return rc;
		if (d->match < EG_DUTY_MATCH_EVENT_ID || d->match > EG_DUTY_MATCH_ACTOR)
			return eg__error(EG_EINVAL, "duty %s: match %d is not one of eg_duty_match", id, d->match);
	}
	if (d->limit_unit < EG_DUTY_UNIT_NONE || d->limit_unit > EG_DUTY_UNIT_VALID_AT)
		return eg__error(EG_EINVAL, "duty %s: limit unit %d is not one of eg_duty_unit", id, d->limit_unit);
	if (d->limit < 0 || d->limit > LIMIT_MAX)
		return eg__error(EG_EINVAL, "duty %s: limit %d is not 0-%d", id, (int)d->limit, LIMIT_MAX);
	if ((d->shape == EG_DUTY_SHAPE_PERIODIC && d->limit_unit != EG_DUTY_UNIT_NONE &&
	     d->limit_unit != EG_DUTY_UNIT_DAYS && d->limit_unit != EG_DUTY_UNIT_WORKDAYS) ||
	    (d->shape == EG_DUTY_SHAPE_ONCE && d->limit_unit > EG_DUTY_UNIT_MONTHS) ||
	    ((d->shape == EG_DUTY_SHAPE_CONFLICT || d->shape == EG_DUTY_SHAPE_GAP) && d->limit_unit != EG_DUTY_UNIT_NONE))
		return eg__error(EG_EINVAL, "duty %s: a %s duty takes no limit in unit %d", id,
				 d->shape == EG_DUTY_SHAPE_PERIODIC ? "periodic" : d->shape == EG_DUTY_SHAPE_ONCE ? "once" : "conflict or gap",
				 d->limit_unit);
	if (d->flags & ~DUTY_FLAGS)
		return eg__error(EG_EINVAL, "duty %s: unknown flags 0x%x", id, d->flags & ~DUTY_FLAGS);
	return EG_OK;
}

/* Copy the strings of a definition into one block. */
static int copy_def(eg__duty *out, const eg_duty_def *d)
{
	const char *const *src[] = { &d->id, &d->rule, &d->kind, &d->actor, &d->group, &d->tags, &d->cover_group,
				     &d->start, &d->end, &d->event_kind, &d->name_zh, &d->name_en };
	const char **dst[] = { &out->d.id, &out->d.rule, &out->d.kind, &out->d.actor, &out->d.group, &out->d.tags,
			       &out->d.cover_group, &out->d.start, &out->d.end, &out->d.event_kind, &out->d.name_zh,
			       &out->d.name_en };
	size_t total = 0, at = 0, n = sizeof src / sizeof src[0];
	for (size_t k = 0; k < n; k++)
		total += *src[k] ? strlen(*src[k]) + 1 : 0;
	out->d = *d;
	if (!(out->buf = eg__malloc(total ? total : 1)))
		return eg__error_nomem("adding a duty");
	for (size_t k = 0; k < n; k++) {
		if (!*src[k]) {
			*dst[k] = NULL;
			continue;
		}
		size_t l = strlen(*src[k]) + 1;
		memcpy(out->buf + at, *src[k], l);
		*dst[k] = out->buf + at;
		at += l;
	}
	return EG_OK;
}

int eg_duty_set_add(eg_duty_set *set, const eg_duty_def *def)
{
	eg__duty d;
	int rc;
	if (!set || !def)
		return eg__error(EG_EINVAL, "eg_duty_set_add: NULL argument");
	if ((rc = check_def(set, def)) < 0)
		return rc;
	{
		eg__duty *nv = eg__vec_reserve(set->v, &set->cap, set->n + 1, sizeof *set->v, 16);
		if (!nv)
			return eg__error_nomem("adding a duty");
		set->v = nv;
	}
	if ((rc = copy_def(&d, def)) < 0)
		return rc;
	d.src = NULL;
	d.article = d.quote = NULL;
	set->v[set->n++] = d;
	return EG_OK;
}

/* A preset's definition as the sets take it: the table leaves the usual minimum of 1 out. */
static eg_duty_def preset_def(const eg__duty_preset *p)
{
	eg_duty_def d = p->def;
	if (d.min_count == 0)
		d.min_count = 1;
	return d;
}

static int preset_named(const eg__duty_preset *p, const char *name)
{
	return !strcmp(p->jurisdiction, name) || !strcmp(p->def.id, name) || !strcmp(p->def.rule, name);
}

int eg_duty_set_preset(eg_duty_set **out, const char *name)
{
	const eg__duty_preset *p;
	eg_duty_set *s = NULL;
	size_t n, found = 0;
	int rc;
	if (!out || !name)
		return eg__error(EG_EINVAL, "eg_duty_set_preset: NULL argument");
	p = eg__duty_presets(&n);
	for (size_t i = 0; i < n; i++)
		found += preset_named(&p[i], name);
	if (!found)
		return eg__error(EG_ENOTFOUND, "no duty preset, duty or rule named \"%.40s\"", name);
	if ((rc = eg_duty_set_new(&s)) < 0)
		return rc;
	for (size_t i = 0; i < n; i++) {
		eg_duty_def d = preset_def(&p[i]);
		if (!preset_named(&p[i], name))
			continue;
		if ((rc = eg_duty_set_add(s, &d)) < 0 ||
		    (p[i].article && (rc = eg_duty_set_set_source(s, d.id, p[i].article, p[i].quote)) < 0)) {
			eg_duty_set_free(s);
			return rc;
		}
	}
	*out = s;
	return EG_OK;
}

/*
 * Deprecated: the periodic duty of that ID among the presets, as the
 * parameters of the old cadence check. A view of the same table
 * eg_duty_set_preset() reads, through the same definition (preset_def()),
 * with its static strings.
 */
int eg_duty_cadence_preset(const char **kind, int *period, int32_t *min_count, unsigned int *flags, const char **rule,
			   const char *name)
{
	const eg__duty_preset *p;
	size_t n;
	if (!kind || !period || !min_count || !flags || !rule || !name)
		return eg__error(EG_EINVAL, "eg_duty_cadence_preset: NULL argument");
	p = eg__duty_presets(&n);
	for (size_t i = 0; i < n; i++) {
		eg_duty_def d = preset_def(&p[i]);
		if (d.shape != EG_DUTY_SHAPE_PERIODIC || strcmp(d.id, name) != 0)
			continue;
		*kind = d.kind;
		*period = d.period;
		*min_count = d.min_count;
		*flags = d.flags & EG_DUTY_CADENCE_NIGHT_OR_HOLIDAY;
		*rule = d.rule;
		return EG_OK;
	}
	return eg__error(EG_ENOTFOUND, "no cadence preset named \"%.40s\"", name);
}

/* ------------------------------------------------------------------ */
/* The log                                                               */
/* ------------------------------------------------------------------ */

typedef struct lrec {
	int type;
	int has_clock;     /* the time has HH:MM */
	int64_t t, day;    /* minutes, days (CST) */
	int has_end, end_clock;
	int64_t end_t, end_day;
	int ptype;         /* -1: no period field */
	int64_t pstart;
	char *buf;
	const char *kind, *actor, *period, *id, *ref, *subject, *tags, *covers, *rule, *reason, *approver;
} lrec;

typedef struct member {
	char *group, *name; /* one block: group then name */
} member;

struct eg_duty_log {
	lrec *r;
	size_t n, cap;
	member *m;
	size_t nm, capm;
};

int eg_duty_record_init(eg_duty_record *rec, unsigned int ver)
{
	static const eg_duty_record init = EG_DUTY_RECORD_INIT;
	if (!rec || ver != EG_DUTY_RECORD_VERSION)
		return eg__error(EG_EINVAL, "eg_duty_record_init: NULL record or version %u (this library knows %d)", ver,
				 EG_DUTY_RECORD_VERSION);
	*rec = init;
	return EG_OK;
}

int eg_duty_log_new(eg_duty_log **out)
{
	eg_duty_log *l;
	if (!out)
		return eg__error(EG_EINVAL, "eg_duty_log_new: NULL argument");
	if (!(l = eg__calloc(1, sizeof *l)))
		return eg__error_nomem("making a duty log");
	*out = l;
	return EG_OK;
}

void eg_duty_log_free(eg_duty_log *log)
{
	if (!log)
		return;
	for (size_t i = 0; i < log->n; i++)
		eg__free(log->r[i].buf);
	for (size_t i = 0; i < log->nm; i++)
		eg__free(log->m[i].group);
	eg__free(log->r);
	eg__free(log->m);
	eg__free(log);
}

size_t eg_duty_log_count(const eg_duty_log *log) { return log ? log->n : 0; }

/* "YYYY-MM-DD" or "YYYY-MM-DD HH:MM": minutes, days, whether a clock time was given. */
static int parse_when(int64_t *t, int64_t *day, int *clock, const char *s)
{
	if (eg__date_parse(day, s) == 0) {
		*t = *day * 1440;
		*clock = 0;
		return 0;
	}
	if (eg__datetime_parse(t, s) == 0) {
		*day = *t >= 0 ? *t / 1440 : (*t - 1439) / 1440;
		*clock = 1;
		return 0;
	}
	return -1;
}

int eg_duty_log_add(eg_duty_log *log, const eg_duty_record *rec)
{
	lrec r;
	const char *const *src[11];
	const char **dst[11];
	size_t total = 0, at = 0;
	int rc;
	if (!log || !rec)
		return eg__error(EG_EINVAL, "eg_duty_log_add: NULL argument");
	if (rec->version != EG_DUTY_RECORD_VERSION)
		return eg__error(EG_EINVAL, "duty record version %u is not %d", rec->version, EG_DUTY_RECORD_VERSION);
	memset(&r, 0, sizeof r);
	r.type = rec->type;
	if (rec->type < EG_DUTY_RECORD_TYPE_DONE || rec->type > EG_DUTY_RECORD_TYPE_CONFLICT)
		return eg__error(EG_EINVAL, "duty record type %d is not one of eg_duty_record_type", rec->type);
	if (rec->type != EG_DUTY_RECORD_TYPE_EXCEPTION || rec->kind)
		if ((rc = eg__check_text(rec->kind, 64, "record kind")) < 0)
			return rc;
	if ((rc = check_list(rec->actor, ";", 1024, "record actors")) < 0)
		return rc;
	if (!rec->time || parse_when(&r.t, &r.day, &r.has_clock, rec->time) < 0)
		return eg__error(EG_EINVAL, "record time \"%.20s\" is not YYYY-MM-DD or YYYY-MM-DD HH:MM",
				 rec->time ? rec->time : "(null)");
	if (rec->end) {
		if (parse_when(&r.end_t, &r.end_day, &r.end_clock, rec->end) < 0)
			return eg__error(EG_EINVAL, "record end \"%.20s\" is not YYYY-MM-DD or YYYY-MM-DD HH:MM", rec->end);
		if (!r.end_clock)
			r.end_t += 1439; /* a date-only end is the whole day */
		if (r.end_t < r.t)
			return eg__error(EG_EINVAL, "record ends at %s, before its time %s", rec->end, rec->time);
		r.has_end = 1;
	}
	r.ptype = -1;
	if (rec->period && rec->type != EG_DUTY_RECORD_TYPE_EXCEPTION && period_parse(&r.ptype, &r.pstart, rec->period) < 0)
		return eg__error(EG_EINVAL, "record period \"%.20s\" is not YYYY, YYYYH1, YYYYQ1, YYYY-MM, YYYY-Www or YYYY-MM-DD",
				 rec->period);
	if ((rec->period && (rc = eg__check_text(rec->period, 128, "record period")) < 0) ||
	    (rec->id && (rc = eg__check_text(rec->id, 128, "record ID")) < 0) ||
	    (rec->ref && (rc = eg__check_text(rec->ref, 128, "record ref")) < 0) ||
	    (rec->subject && (rc = eg__check_text(rec->subject, 256, "record subject")) < 0) ||
	    (rec->tags && (rc = check_list(rec->tags, ",", 1024, "record tags")) < 0) ||
	    (rec->covers && (rc = check_list(rec->covers, ",", 8192, "record covers")) < 0) ||
	    (rec->rule && (rc = eg__check_text(rec->rule, 64, "excused rule")) < 0) ||
	    (rec->reason && (rc = eg__check_text(rec->reason, 1024, "reason")) < 0) ||
	    (rec->approver && (rc = eg__check_text(rec->approver, 256, "approver")) < 0))
		return rc;
	if (rec->type == EG_DUTY_RECORD_TYPE_EXCEPTION && (!rec->rule || !rec->period || !rec->reason || !rec->approver))
		return eg__error(EG_EINVAL, "an exception (R0.8) needs the duty or rule, the period, a reason and an approver");
	if (rec->type == EG_DUTY_RECORD_TYPE_CONFLICT &&
	    (!rec->subject || (strcmp(rec->actor, "*") == 0 && strcmp(rec->subject, "*") == 0)))
		return eg__error(EG_EINVAL, "a conflict needs a subject, and not both \"*\" (CJ-A1-11)");
	src[0] = &rec->kind, src[1] = &rec->actor, src[2] = &rec->period, src[3] = &rec->id, src[4] = &rec->ref;
	src[5] = &rec->subject, src[6] = &rec->tags, src[7] = &rec->covers, src[8] = &rec->rule, src[9] = &rec->reason;
	src[10] = &rec->approver;
	dst[0] = &r.kind, dst[1] = &r.actor, dst[2] = &r.period, dst[3] = &r.id, dst[4] = &r.ref, dst[5] = &r.subject;
	dst[6] = &r.tags, dst[7] = &r.covers, dst[8] = &r.rule, dst[9] = &r.reason, dst[10] = &r.approver;
	for (int k = 0; k < 11; k++)
		total += *src[k] ? strlen(*src[k]) + 1 : 0;
	{
		lrec *nr = eg__vec_reserve(log->r, &log->cap, log->n + 1, sizeof *log->r, 64);
		if (!nr)
			return eg__error_nomem("adding a duty record");
		log->r = nr;
	}
	if (!(r.buf = eg__malloc(total)))
		return eg__error_nomem("adding a duty record");
	for (int k = 0; k < 11; k++) {
		size_t l;
		if (!*src[k])
			continue;
		l = strlen(*src[k]) + 1;
		memcpy(r.buf + at, *src[k], l);
		*dst[k] = r.buf + at;
		at += l;
	}
	log->r[log->n++] = r;
	return EG_OK;
}

int eg_duty_log_add_member(eg_duty_log *log, const char *group, const char *name)
{
	size_t lg, ln;
	char *b;
	int rc;
	if (!log)
		return eg__error(EG_EINVAL, "eg_duty_log_add_member: NULL log");
	if ((rc = eg__check_text(group, 64, "group")) < 0 || (rc = eg__check_text(name, 256, "group member")) < 0)
		return rc;
	if (strchr(name, ';') || strchr(name, ','))
		return eg__error(EG_EINVAL, "group member \"%.64s\" contains ';' or ','", name);
	for (size_t i = 0; i < log->nm; i++)
		if (strcmp(log->m[i].group, group) == 0 && strcmp(log->m[i].name, name) == 0)
			return EG_OK;
	{
		member *nm = eg__vec_reserve(log->m, &log->capm, log->nm + 1, sizeof *log->m, 32);
		if (!nm)
			return eg__error_nomem("adding a group member");
		log->m = nm;
	}
	lg = strlen(group) + 1;
	ln = strlen(name) + 1;
	if (!(b = eg__malloc(lg + ln)))
		return eg__error_nomem("adding a group member");
	memcpy(b, group, lg);
	memcpy(b + lg, name, ln);
	log->m[log->nm].group = b;
	log->m[log->nm].name = b + lg;
	log->nm++;
	return EG_OK;
}

/* ------------------------------------------------------------------ */
/* Rows                                                                  */
/* ------------------------------------------------------------------ */

typedef struct drow {
	const char *rule, *duty, *actor; /* into the rows' pool */
	const char *article, *quote;     /* the duty's source, into the pool, or NULLs */
	char period[130], due[11];
	int32_t required, counted, days;
	int state, in_principle;
	char *msg[2];
} drow;

struct eg_duty_rows {
	drow *r;
	size_t n, cap;
	char **pool;
	size_t np, capp;
};

static const char *const state_names[9] = { "met", "missed", "late", "excused", "not_due", "open", "incomplete",
					    "breach", "noted" };

const char *eg_duty_state_name(int state)
{
	return state >= 0 && state < 9 ? state_names[state] : NULL;
}

void eg_duty_rows_free(eg_duty_rows *rows)
{
	if (!rows)
		return;
	for (size_t i = 0; i < rows->n; i++)
		eg__free(rows->r[i].msg[0]);
	for (size_t i = 0; i < rows->np; i++)
		eg__free(rows->pool[i]);
	eg__free(rows->r);
	eg__free(rows->pool);
	eg__free(rows);
}

size_t eg_duty_rows_count(const eg_duty_rows *rows) { return rows ? rows->n : 0; }
#define ROW(rows, i) ((rows) && (i) < (rows)->n)
const char *eg_duty_rows_rule(const eg_duty_rows *rows, size_t i) { return ROW(rows, i) ? rows->r[i].rule : NULL; }
const char *eg_duty_rows_duty(const eg_duty_rows *rows, size_t i) { return ROW(rows, i) ? rows->r[i].duty : NULL; }
const char *eg_duty_rows_actor(const eg_duty_rows *rows, size_t i) { return ROW(rows, i) ? rows->r[i].actor : NULL; }
const char *eg_duty_rows_period(const eg_duty_rows *rows, size_t i) { return ROW(rows, i) ? rows->r[i].period : NULL; }
const char *eg_duty_rows_due(const eg_duty_rows *rows, size_t i) { return ROW(rows, i) ? rows->r[i].due : NULL; }
int64_t eg_duty_rows_required(const eg_duty_rows *rows, size_t i) { return ROW(rows, i) ? rows->r[i].required : -1; }
int64_t eg_duty_rows_counted(const eg_duty_rows *rows, size_t i) { return ROW(rows, i) ? rows->r[i].counted : -1; }
int eg_duty_rows_state(const eg_duty_rows *rows, size_t i) { return ROW(rows, i) ? rows->r[i].state : -1; }
int eg_duty_rows_in_principle(const eg_duty_rows *rows, size_t i) { return ROW(rows, i) ? rows->r[i].in_principle : -1; }
int64_t eg_duty_rows_days(const eg_duty_rows *rows, size_t i) { return ROW(rows, i) ? rows->r[i].days : -1; }

int eg_duty_rows_source(const char **article, const char **quote, const eg_duty_rows *rows, size_t i)
{
	if (!article || !quote || !rows)
		return eg__error(EG_EINVAL, "eg_duty_rows_source: NULL argument");
	if (i >= rows->n)
		return eg__error(EG_ERANGE, "duty row %zu of %zu", i, rows->n);
	*article = rows->r[i].article;
	*quote = rows->r[i].quote;
	return EG_OK;
}

const char *eg_duty_rows_message(const eg_duty_rows *rows, size_t i, int lang)
{
	return ROW(rows, i) ? rows->r[i].msg[lang == EG_LANG_EN ? 1 : 0] : NULL;
}

int eg_duty_status_options_init(eg_duty_status_options *opts, unsigned int ver)
{
	static const eg_duty_status_options init = EG_DUTY_STATUS_OPTIONS_INIT;
	if (!opts || ver != EG_DUTY_STATUS_OPTIONS_VERSION)
		return eg__error(EG_EINVAL, "eg_duty_status_options_init: NULL options or version %u (this library knows %d)",
				 ver, EG_DUTY_STATUS_OPTIONS_VERSION);
	*opts = init;
	return EG_OK;
}

/* ------------------------------------------------------------------ */
/* Status                                                                */
/* ------------------------------------------------------------------ */

typedef struct ctx {
	const eg__duty *duty;
	const eg_duty_log *log;
	const eg_duty_workdays *w;
	int64_t date;         /* the day judged */
	int64_t from;         /* first day reported (INT64_MIN: none) */
	unsigned int flags;
	eg_duty_rows *rows;
	const char *rule, *dutyid; /* pooled copies */
	const char *article, *quote; /* pooled copies of the duty's source, or NULLs */
	size_t *scratch;      /* log-sized index buffer */
	int64_t *days;        /* log-sized day buffer */
} ctx;

static const char *pool_add(eg_duty_rows *rows, const char *s)
{
	char *c;
	{
		char **np = eg__vec_reserve(rows->pool, &rows->capp, rows->np + 1, sizeof *rows->pool, 16);
		if (!np)
			return NULL;
		rows->pool = np;
	}
	if (!(c = eg__strndup(s, strlen(s))))
		return NULL;
	rows->pool[rows->np++] = c;
	return c;
}

/* A row's facts before the message is written. */
typedef struct rowfacts {
	const char *actor;
	const char *period; /* label */
	int64_t due;        /* day, or INT64_MIN for none */
	int32_t required, counted, days;
	int state;
	const char *extra_zh, *extra_en; /* an exception's reason, a conflict's relation, … */
	int minutes;        /* days are minutes (CJ-G.9) */
} rowfacts;

static int is_finding(int state)
{
	return state == EG_DUTY_STATE_MISSED || state == EG_DUTY_STATE_LATE || state == EG_DUTY_STATE_INCOMPLETE ||
	       state == EG_DUTY_STATE_BREACH;
}

/* The exception (R0.8) that excuses this row, or NULL. */
static const lrec *exception_for(const ctx *c, const char *actor, const char *label)
{
	const eg_duty_def *d = &c->duty->d;
	if (!(d->flags & EG_DUTY_FLAG_IN_PRINCIPLE) || (c->flags & EG_DUTY_STATUS_NO_EXCEPTIONS))
		return NULL;
	for (size_t i = 0; c->log && i < c->log->n; i++) {
		const lrec *r = &c->log->r[i];
		if (r->type == EG_DUTY_RECORD_TYPE_EXCEPTION && r->day <= c->date &&
		    (strcmp(r->rule, d->id) == 0 || strcmp(r->rule, d->rule) == 0) && has_word(r->actor, ';', actor) &&
		    strcmp(r->period, label) == 0)
			return r;
	}
	return NULL;
}

static int emit(ctx *c, rowfacts *f)
{
	static const char *const zh_state[9] = { "已完成", "未完成", "逾期完成", "未完成，已登记例外", "尚未到期",
						 "尚未完成（无时限）", "内容或覆盖范围不全", "应回避而未回避", "仅记录" };
	const eg_duty_def *d = &c->duty->d;
	eg_duty_rows *rows = c->rows;
	const lrec *ex = NULL;
	drow *r;
	char zh[1200], en[1200], due[11] = "", tail_zh[400] = "", tail_en[400] = "";
	const char *name_zh = d->name_zh ? d->name_zh : d->kind, *name_en = d->name_en ? d->name_en : d->kind;
	int in_principle = (d->flags & EG_DUTY_FLAG_IN_PRINCIPLE) != 0;
	size_t lz, le;
	if (is_finding(f->state) && (ex = exception_for(c, f->actor, f->period)) != NULL)
		f->state = EG_DUTY_STATE_EXCUSED;
	if ((c->flags & EG_DUTY_STATUS_FINDINGS_ONLY) && !is_finding(f->state))
		return EG_OK;
	if (rows->n >= ROWS_MAX)
		return eg__error(EG_ERANGE, "more than %u duty rows; judge a shorter range (from)", ROWS_MAX);
	if (f->due != INT64_MIN)
		eg__date_format(due, f->due);
	switch (f->state) {
	case EG_DUTY_STATE_MISSED:
	case EG_DUTY_STATE_LATE:
		if (f->minutes) {
			snprintf(tail_zh, sizeof tail_zh, "，超过时限 %d 分钟", (int)f->days);
			snprintf(tail_en, sizeof tail_en, ", %d minute(s) past the limit", (int)f->days);
		} else if (*due) {
			snprintf(tail_zh, sizeof tail_zh, "，截止 %s，逾期 %d 天", due, (int)f->days);
			snprintf(tail_en, sizeof tail_en, ", due %s, %d day(s) past it", due, (int)f->days);
		}
		break;
	case EG_DUTY_STATE_NOT_DUE:
		if (*due) {
			snprintf(tail_zh, sizeof tail_zh, "，截止 %s", due);
			snprintf(tail_en, sizeof tail_en, ", due %s", due);
		}
		break;
	case EG_DUTY_STATE_OPEN:
		snprintf(tail_zh, sizeof tail_zh, "，已过 %d 天，未设时限（R0.9(b)）", (int)f->days);
		snprintf(tail_en, sizeof tail_en, ", %d day(s) so far, no limit (R0.9(b))", (int)f->days);
		break;
	case EG_DUTY_STATE_EXCUSED:
		snprintf(tail_zh, sizeof tail_zh, "（例外：%s，%s 批准，R0.8）", ex->reason, ex->approver);
		snprintf(tail_en, sizeof tail_en, " (exception: %s, approved by %s, R0.8)", ex->reason, ex->approver);
		break;
	case EG_DUTY_STATE_BREACH:
		snprintf(tail_zh, sizeof tail_zh, "：与 %s 存在登记的利害关系（%s）", f->extra_zh ? f->extra_zh : "",
			 f->extra_en ? f->extra_en : "");
		snprintf(tail_en, sizeof tail_en, ": a registered conflict with %s (%s)", f->extra_zh ? f->extra_zh : "",
			 f->extra_en ? f->extra_en : "");
		break;
	case EG_DUTY_STATE_NOTED:
		snprintf(tail_zh, sizeof tail_zh, "，最长间隔 %d 天（未定周期，R0.11）", (int)f->days);
		snprintf(tail_en, sizeof tail_en, ", longest gap %d day(s) (no period, R0.11)", (int)f->days);
		break;
	default:
		if (f->days > 0 && d->shape == EG_DUTY_SHAPE_EVENT && d->limit_unit == EG_DUTY_UNIT_NONE) {
			snprintf(tail_zh, sizeof tail_zh, "，用时 %d 天", (int)f->days);
			snprintf(tail_en, sizeof tail_en, ", after %d day(s)", (int)f->days);
		}
		break;
	}
	snprintf(zh, sizeof zh, "%s：%s%s%s %d 次，要求不少于 %d 次，%s%s%s（%s）", f->actor, *f->period ? f->period : "",
		 *f->period ? " " : "", name_zh, (int)f->counted, (int)f->required, zh_state[f->state], tail_zh,
		 in_principle ? "；原则上" : "", d->rule);
	snprintf(en, sizeof en, "%s: %s%s%s: %d of at least %d, %s%s%s (%s)", f->actor, *f->period ? f->period : "",
		 *f->period ? " " : "", name_en, (int)f->counted, (int)f->required, state_names[f->state], tail_en,
		 in_principle ? "; in principle" : "", d->rule);
	{
		drow *nr = eg__vec_reserve(rows->r, &rows->cap, rows->n + 1, sizeof *rows->r, 32);
		if (!nr)
			return eg__error_nomem("listing duties");
		rows->r = nr;
	}
	r = &rows->r[rows->n];
	memset(r, 0, sizeof *r);
	r->actor = NULL;
	for (size_t i = rows->np; i-- > 0 && !r->actor;)
		if (strcmp(rows->pool[i], f->actor) == 0)
			r->actor = rows->pool[i];
	if (!r->actor && !(r->actor = pool_add(rows, f->actor)))
		return eg__error_nomem("listing duties");
	lz = strlen(zh) + 1;
	le = strlen(en) + 1;
	if (!(r->msg[0] = eg__malloc(lz + le)))
		return eg__error_nomem("listing duties");
	memcpy(r->msg[0], zh, lz);
	r->msg[1] = memcpy(r->msg[0] + lz, en, le);
	r->rule = c->rule;
	r->duty = c->dutyid;
	r->article = c->article;
	r->quote = c->quote;
	snprintf(r->period, sizeof r->period, "%s", f->period);
	memcpy(r->due, due, sizeof due);
	r->required = f->required;
	r->counted = f->counted;
	r->days = f->days;
	r->state = f->state;
	r->in_principle = in_principle;
	rows->n++;
	return EG_OK;
}

/* Is record r a night or rest-day record (DG-15)? 1, 0, or a negative code. */
static int night_or_rest(const ctx *c, const lrec *r)
{
	int64_t minute = r->t - r->day * 1440;
	int wd;
	if (r->has_clock && (minute >= 22 * 60 || minute < 6 * 60))
		return 1; /* DG-15: night is 22:00-06:00 CST */
	if (!c->w)
		return eg__error(EG_EINVAL, "duty %s counts rest days: it needs a working-day calendar", c->duty->d.id);
	if ((wd = workday_of(c->w, r->day)) < 0)
		return wd;
	return !wd;
}

/* Does record r have the content and coverage the duty asks? */
static int complete(const ctx *c, const lrec *r)
{
	const eg_duty_def *d = &c->duty->d;
	if (!tags_meet(d->tags, r->tags))
		return 0;
	if (d->cover_group)
		for (size_t i = 0; i < c->log->nm; i++)
			if (strcmp(c->log->m[i].group, d->cover_group) == 0 && !has_word(r->covers, ',', c->log->m[i].name))
				return 0;
	return 1;
}

/* The actors of a duty: fixed names, or a group's members, into out[] (borrowed). */
static size_t duty_actors(const ctx *c, const char **out, char *fixed_buf)
{
	const eg_duty_def *d = &c->duty->d;
	size_t n = 0;
	if (d->actor) {
		char *p = fixed_buf, *e;
		strcpy(fixed_buf, d->actor);
		for (;;) {
			e = strchr(p, ';');
			if (e)
				*e = '\0';
			out[n++] = p;
			if (!e)
				break;
			p = e + 1;
		}
	} else if (d->group && c->log) {
		for (size_t i = 0; i < c->log->nm; i++)
			if (strcmp(c->log->m[i].group, d->group) == 0)
				out[n++] = c->log->m[i].name;
	}
	return n;
}

static int cmp_by_day(const void *x, const void *y)
{
	const int64_t *a = x, *b = y;
	return (*a > *b) - (*a < *b);
}

/* Due day of a periodic duty's period [ps, pe]. */
static int periodic_due(const ctx *c, int64_t *due, int64_t pe)
{
	const eg_duty_def *d = &c->duty->d;
	int64_t dd = pe;
	if (d->due_months || d->due_day) {
		int y, m, day, dim;
		int64_t mi;
		eg__civil_from_days(pe, &y, &m, &day);
		mi = (int64_t)y * 12 + (m - 1) + d->due_months;
		y = (int)(mi / 12);
		m = (int)(mi % 12) + 1;
		if (y < 1 || y > 9999)
			return eg__error(EG_ERANGE, "duty %s: a due date outside years 1-9999", d->id);
		dim = eg__days_in_month(y, m);
		dd = eg__days_from_civil(y, m, d->due_day == 0 || d->due_day > dim ? dim : d->due_day);
	}
	if (d->limit_unit == EG_DUTY_UNIT_DAYS || d->limit_unit == EG_DUTY_UNIT_WORKDAYS)
		return due_after(due, dd, d->limit_unit, d->limit, c->w, (d->flags & EG_DUTY_FLAG_EXTEND) != 0);
	if (d->flags & EG_DUTY_FLAG_EXTEND)
		return due_after(due, dd, EG_DUTY_UNIT_DAYS, 0, c->w, 1);
	*due = dd;
	return EG_OK;
}

/* The state from counts: on time, late (with the day the N-th came), incomplete, and the due date. */
static void decide(rowfacts *f, const ctx *c, int32_t n_req, int32_t ontime, int32_t all, int32_t incomplete,
		   int64_t nth_day, int64_t due, int no_due, int64_t no_due_from)
{
	f->required = n_req;
	f->counted = all;
	f->days = 0;
	if (no_due) {
		if (all >= n_req)
			f->state = EG_DUTY_STATE_MET;
		else if (c->date < no_due_from)
			f->state = EG_DUTY_STATE_NOT_DUE;
		else
			f->state = all + incomplete >= n_req ? EG_DUTY_STATE_INCOMPLETE : EG_DUTY_STATE_MISSED;
		f->due = INT64_MIN;
		return;
	}
	f->due = due;
	if (ontime >= n_req)
		f->state = EG_DUTY_STATE_MET;
	else if (c->date <= due)
		f->state = EG_DUTY_STATE_NOT_DUE;
	else if (all >= n_req) {
		f->state = EG_DUTY_STATE_LATE;
		f->days = (int32_t)(nth_day - due);
	} else if (all + incomplete >= n_req)
		f->state = EG_DUTY_STATE_INCOMPLETE;
	else {
		f->state = EG_DUTY_STATE_MISSED;
		f->days = (int32_t)(c->date - due);
	}
}

/* A record counted for one of its actors. */
typedef struct pair {
	const char *tok; /* the actor, inside the record's actor list */
	size_t len;
	int64_t key;     /* the day, or the period's first day */
	size_t idx;      /* the record */
} pair;

static int tok_cmp(const char *a, size_t al, const char *b, size_t bl)
{
	int c = memcmp(a, b, al < bl ? al : bl);
	return c ? c : (al > bl) - (al < bl);
}

static int cmp_pair(const void *x, const void *y)
{
	const pair *a = x, *b = y;
	int c = tok_cmp(a->tok, a->len, b->tok, b->len);
	if (c)
		return c;
	if (a->key != b->key)
		return a->key < b->key ? -1 : 1;
	return (a->idx > b->idx) - (a->idx < b->idx);
}

static int run_periodic(ctx *c, const char *const *actors, size_t na)
{
	const eg_duty_def *d = &c->duty->d;
	const eg_duty_log *log = c->log;
	int for_period = (d->flags & EG_DUTY_FLAG_FOR_PERIOD) != 0;
	int rolling = d->period == EG_DUTY_PERIOD_WEEK && (d->flags & EG_DUTY_FLAG_ROLLING_WEEK);
	int64_t s, first, stop = c->date, dend = INT64_MAX;
	pair *pairs = NULL;
	size_t total_pairs = 0;
	int rc = EG_OK;
	if (d->start)
		eg__date_parse(&s, d->start);
	else
		s = c->from;
	if (d->end)
		eg__date_parse(&dend, d->end);
	/* R0.7: the first whole period that begins on or after the start, or
	 * (alternative) the period that contains it. */
	if (rolling)
		first = s;
	else {
		first = period_start(s, d->period);
		if (first < s && !(d->flags & EG_DUTY_FLAG_START_CONTAINING))
			first = period_next(first, d->period);
	}
	/* The records that count for this duty, one pair per actor named in
	 * each, sorted by actor and key (the day, or the period's first day):
	 * each actor's records are then one range, found by binary search. */
	{
		size_t npairs = 0;
		for (size_t i = 0; log && i < log->n; i++) {
			const lrec *r = &log->r[i];
			if (r->type != EG_DUTY_RECORD_TYPE_DONE || r->day > c->date || !kind_matches(d->kind, r->kind))
				continue;
			if (for_period && (r->ptype != (rolling ? EG_DUTY_PERIOD_DAY : d->period)))
				continue;
			if (d->flags & EG_DUTY_FLAG_NIGHT_OR_HOLIDAY) {
				if ((rc = night_or_rest(c, r)) < 0)
					goto done;
				if (!rc)
					continue;
			}
			for (const char *p = r->actor; p; p = strchr(p, ';'), p = p ? p + 1 : NULL)
				npairs++;
		}
		if (npairs && !(pairs = eg__malloc(npairs * sizeof *pairs))) {
			rc = eg__error_nomem("listing duties");
			goto done;
		}
		npairs = 0;
		for (size_t i = 0; log && i < log->n; i++) {
			const lrec *r = &log->r[i];
			if (r->type != EG_DUTY_RECORD_TYPE_DONE || r->day > c->date || !kind_matches(d->kind, r->kind))
				continue;
			if (for_period && (r->ptype != (rolling ? EG_DUTY_PERIOD_DAY : d->period)))
				continue;
			if ((d->flags & EG_DUTY_FLAG_NIGHT_OR_HOLIDAY) && night_or_rest(c, r) != 1)
				continue; /* checked above: 0 or 1 */
			for (const char *p = r->actor; p;) {
				const char *e = strchr(p, ';');
				pairs[npairs].tok = p;
				pairs[npairs].len = e ? (size_t)(e - p) : strlen(p);
				pairs[npairs].key = for_period ? r->pstart : r->day;
				pairs[npairs].idx = i;
				npairs++;
				p = e ? e + 1 : NULL;
			}
		}
		if (npairs) /* qsort() takes no NULL array, even empty */
			qsort(pairs, npairs, sizeof *pairs, cmp_pair);
		total_pairs = npairs;
	}
	for (size_t a = 0; a < na; a++) {
		size_t nr = 0, at = 0, lo = 0, hi = total_pairs, al = strlen(actors[a]);
		/* The first pair of this actor. */
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (tok_cmp(pairs[mid].tok, pairs[mid].len, actors[a], al) < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		for (size_t k = lo; k < total_pairs && tok_cmp(pairs[k].tok, pairs[k].len, actors[a], al) == 0; k++) {
			c->scratch[nr] = pairs[k].idx;
			c->days[nr] = pairs[k].key;
			nr++;
		}
		for (int64_t ps = first; ps <= stop && ps <= dend;) {
			int64_t pe = (rolling ? ps + 7 : period_next(ps, d->period)) - 1, due, nth = 0;
			int32_t ontime = 0, all = 0, incomplete = 0;
			rowfacts f;
			char label[24];
			if (pe < c->from) {
				ps = pe + 1;
				continue;
			}
			if ((rc = periodic_due(c, &due, pe)) < 0)
				goto done;
			while (at < nr && c->days[at] < ps)
				at++;
			for (size_t k = at; k < nr && c->days[k] <= (for_period ? ps : pe); k++) {
				const lrec *r = &log->r[c->scratch[k]];
				if (for_period && c->days[k] != ps)
					continue;
				if (!complete(c, r)) {
					incomplete++;
					continue;
				}
				all++;
				if (r->day <= due)
					ontime++;
			}
			if (all >= d->min_count && ontime < d->min_count) {
				/* The day the N-th complete record came (records are sorted by key, not by day). */
				int32_t seen = 0;
				int64_t *tmp = c->days + nr; /* second half of the buffer */
				for (size_t k = at; k < nr && c->days[k] <= (for_period ? ps : pe); k++) {
					const lrec *r = &log->r[c->scratch[k]];
					if ((for_period && c->days[k] != ps) || !complete(c, r))
						continue;
					tmp[seen++] = r->day;
				}
				qsort(tmp, (size_t)seen, sizeof *tmp, cmp_by_day);
				nth = tmp[d->min_count - 1];
			}
			memset(&f, 0, sizeof f);
			if (rolling)
				eg__date_format(label, ps);
			else
				period_label(label, sizeof label, ps, d->period);
			f.actor = actors[a];
			f.period = label;
			decide(&f, c, d->min_count, ontime, all, incomplete, nth, due, (d->flags & EG_DUTY_FLAG_NO_DUE) != 0,
			       pe + 1);
			if ((rc = emit(c, &f)) < 0)
				goto done;
			ps = pe + 1;
		}
	}
	rc = EG_OK;
done:
	eg__free(pairs);
	return rc;
}

static int run_once(ctx *c, const char *const *actors, size_t na)
{
	const eg_duty_def *d = &c->duty->d;
	int64_t start, due = 0;
	int rc, no_due = (d->flags & EG_DUTY_FLAG_NO_DUE) != 0;
	eg__date_parse(&start, d->start);
	if (!no_due) {
		if (d->limit_unit == EG_DUTY_UNIT_NONE)
			due = start;
		else if ((rc = due_after(&due, start, d->limit_unit, d->limit, c->w, (d->flags & EG_DUTY_FLAG_EXTEND) != 0)) < 0)
			return rc;
	}
	for (size_t a = 0; a < na; a++) {
		int32_t ontime = 0, all = 0, incomplete = 0, seen = 0;
		int64_t nth = 0;
		rowfacts f;
		for (size_t i = 0; c->log && i < c->log->n; i++) {
			const lrec *r = &c->log->r[i];
			if (r->type != EG_DUTY_RECORD_TYPE_DONE || r->day > c->date || !kind_matches(d->kind, r->kind) ||
			    !has_word(r->actor, ';', actors[a]))
				continue;
			if (!complete(c, r)) {
				incomplete++;
				continue;
			}
			all++;
			ontime += no_due || r->day <= due;
			c->days[seen++] = r->day;
		}
		if (seen >= d->min_count) {
			qsort(c->days, (size_t)seen, sizeof *c->days, cmp_by_day);
			nth = c->days[d->min_count - 1];
		}
		memset(&f, 0, sizeof f);
		f.actor = actors[a];
		f.period = "";
		decide(&f, c, d->min_count, ontime, all, incomplete, nth, due, no_due, start);
		if ((rc = emit(c, &f)) < 0)
			return rc;
	}
	return EG_OK;
}

/* Does response r answer event e for actor a under the duty's match? */
static int answers(const eg_duty_def *d, const lrec *e, const lrec *r, const char *a)
{
	switch (d->match) {
	case EG_DUTY_MATCH_EVENT_ID: return e->id && r->ref && strcmp(e->id, r->ref) == 0;
	case EG_DUTY_MATCH_SUBJECT: return e->subject && r->subject && strcmp(e->subject, r->subject) == 0;
	default: return has_word(r->actor, ';', a);
	}
}

static int run_event(ctx *c, const char *const *fixed, size_t nfixed)
{
	const eg_duty_def *d = &c->duty->d;
	const eg_duty_log *log = c->log;
	int64_t s = INT64_MIN, dend = INT64_MAX;
	int rc;
	char own[1025];
	size_t ncand = 0;
	if (d->start)
		eg__date_parse(&s, d->start);
	if (d->end)
		eg__date_parse(&dend, d->end);
	/* The records that may answer an event: done, of the response kind, by the day judged. */
	for (size_t j = 0; log && j < log->n; j++) {
		const lrec *r = &log->r[j];
		if (r->type == EG_DUTY_RECORD_TYPE_DONE && r->day <= c->date && kind_matches(d->kind, r->kind))
			c->scratch[ncand++] = j;
	}
	for (size_t i = 0; log && i < log->n; i++) {
		const lrec *e = &log->r[i];
		int64_t te, te_day, due = INT64_MIN, due_t = 0;
		const char *own_list[520];
		const char *const *owe = fixed;
		size_t nowe = nfixed;
		char label[130];
		if (e->type != EG_DUTY_RECORD_TYPE_DONE || !kind_matches(d->event_kind, e->kind) || e->day > c->date ||
		    e->day > dend || e->day < c->from)
			continue;
		te = e->t;
		te_day = e->day;
		if (e->day < s) {
			if (!(d->flags & EG_DUTY_FLAG_CLAMP_START))
				continue;
			te = s * 1440; /* DG-73: counted from the start */
			te_day = s;
		}
		/* Who owes the response. */
		if (!d->actor && !d->group) {
			/* The event's own actors (at most 513 in its 1024 bytes). */
			char *p = own, *q;
			snprintf(own, sizeof own, "%s", e->actor);
			for (nowe = 0; nowe < 520;) {
				q = strchr(p, ';');
				if (q)
					*q = '\0';
				own_list[nowe++] = p;
				if (!q)
					break;
				p = q + 1;
			}
			owe = own_list;
		}
		/* The due moment. */
		switch (d->limit_unit) {
		case EG_DUTY_UNIT_NONE: break;
		case EG_DUTY_UNIT_MINUTES:
			due_t = te + d->limit;
			due = due_t >= 0 ? due_t / 1440 : (due_t - 1439) / 1440;
			break;
		case EG_DUTY_UNIT_WINDOW:
			due = e->has_end ? e->end_day : te_day;
			break;
		case EG_DUTY_UNIT_BEFORE:
		case EG_DUTY_UNIT_VALID_AT:
			due = te_day;
			break;
		default:
			if ((rc = due_after(&due, te_day, d->limit_unit, d->limit, c->w, (d->flags & EG_DUTY_FLAG_EXTEND) != 0)) < 0)
				return rc;
			break;
		}
		if (e->id)
			snprintf(label, sizeof label, "%s", e->id);
		else {
			char day[11];
			eg__date_format(day, e->day);
			snprintf(label, sizeof label, "%s %s", e->kind, day);
		}
		for (size_t k = 0; k < nowe; k++) {
			int32_t ontime = 0, all = 0, incomplete = 0, seen = 0;
			int64_t nth = 0, first_day = INT64_MAX;
			int64_t worst_minutes = 0;
			rowfacts f;
			for (size_t q = 0; q < ncand; q++) {
				const lrec *r = &log->r[c->scratch[q]];
				int ok, in_time;
				if (c->scratch[q] == i || !answers(d, e, r, owe[k]))
					continue;
				switch (d->limit_unit) {
				case EG_DUTY_UNIT_NONE: in_time = 1; break;
				case EG_DUTY_UNIT_MINUTES:
					/* A date-only response is read at the day's end. */
					in_time = (r->has_clock ? r->t : r->day * 1440 + 1439) <= due_t;
					break;
				case EG_DUTY_UNIT_WINDOW:
					if (r->t < te)
						continue; /* before the alert: not a response to it */
					in_time = r->t <= (e->has_end ? e->end_t : te_day * 1440 + 1439);
					break;
				case EG_DUTY_UNIT_VALID_AT:
					in_time = r->day <= te_day && (!r->has_end || r->end_day >= te_day);
					if (!in_time)
						continue; /* a certificate not valid that day does not count at all */
					break;
				default: in_time = r->day <= due; break;
				}
				ok = complete(c, r);
				if (ok && (d->flags & EG_DUTY_FLAG_COVER_TIMES) && e->has_end && r->has_end)
					ok = r->t <= e->t && r->end_t >= e->end_t;
				if (ok && (d->flags & EG_DUTY_FLAG_SAME_TAGS))
					ok = same_tags(e->tags, r->tags);
				if (!ok) {
					incomplete++;
					continue;
				}
				all++;
				ontime += in_time;
				if (r->day < first_day)
					first_day = r->day;
				if (d->limit_unit == EG_DUTY_UNIT_MINUTES && !in_time) {
					int64_t m = (r->has_clock ? r->t : r->day * 1440 + 1439) - due_t;
					if (!worst_minutes || m < worst_minutes)
						worst_minutes = m;
				}
				c->days[seen++] = r->day;
			}
			if (seen >= d->min_count) {
				qsort(c->days, (size_t)seen, sizeof *c->days, cmp_by_day);
				nth = c->days[d->min_count - 1];
			}
			memset(&f, 0, sizeof f);
			f.actor = owe[k];
			f.period = label;
			if (d->limit_unit == EG_DUTY_UNIT_NONE) {
				f.required = d->min_count;
				f.counted = all;
				f.due = INT64_MIN;
				if (all >= d->min_count) {
					f.state = EG_DUTY_STATE_MET;
					f.days = (int32_t)(first_day - te_day); /* the delay, reported (R0.9(b)) */
				} else {
					/* A response without the content asked is a finding even with no limit (MEE-3.2). */
					f.state = all + incomplete >= d->min_count ? EG_DUTY_STATE_INCOMPLETE : EG_DUTY_STATE_OPEN;
					f.days = (int32_t)(c->date - te_day);
				}
			} else {
				decide(&f, c, d->min_count, ontime, all, incomplete, nth, due, 0, 0);
				if (d->limit_unit == EG_DUTY_UNIT_BEFORE || d->limit_unit == EG_DUTY_UNIT_VALID_AT) {
					/* Judged on the event's day: there is nothing left to wait for. */
					if (f.state == EG_DUTY_STATE_NOT_DUE)
						f.state = all + incomplete >= d->min_count && all < d->min_count ? EG_DUTY_STATE_INCOMPLETE
														 : EG_DUTY_STATE_MISSED;
					if (f.state == EG_DUTY_STATE_MISSED)
						f.days = 0;
				}
				if (d->limit_unit == EG_DUTY_UNIT_MINUTES && f.state == EG_DUTY_STATE_LATE) {
					f.minutes = 1;
					f.days = (int32_t)worst_minutes;
				}
			}
			if ((rc = emit(c, &f)) < 0)
				return rc;
		}
	}
	return EG_OK;
}

static int run_conflict(ctx *c)
{
	const eg_duty_def *d = &c->duty->d;
	const eg_duty_log *log = c->log;
	int64_t s = INT64_MIN, dend = INT64_MAX;
	int rc;
	if (d->start)
		eg__date_parse(&s, d->start);
	if (d->end)
		eg__date_parse(&dend, d->end);
	for (size_t i = 0; log && i < log->n; i++) {
		const lrec *act = &log->r[i];
		const char *p;
		char label[130];
		if (act->type != EG_DUTY_RECORD_TYPE_DONE || !kind_matches(d->kind, act->kind) || act->day > c->date ||
		    act->day < s || act->day > dend || act->day < c->from)
			continue;
		if (act->id)
			snprintf(label, sizeof label, "%s", act->id);
		else {
			char day[11];
			eg__date_format(day, act->day);
			snprintf(label, sizeof label, "%s %s", act->kind, day);
		}
		p = act->actor;
		while (*p) {
			const char *e = strchr(p, ';');
			size_t l = e ? (size_t)(e - p) : strlen(p);
			char who[257];
			const lrec *hit = NULL;
			rowfacts f;
			snprintf(who, sizeof who, "%.*s", (int)(l < 256 ? l : 256), p);
			for (size_t j = 0; j < log->n && !hit; j++) {
				const lrec *cf = &log->r[j];
				if (cf->type != EG_DUTY_RECORD_TYPE_CONFLICT || (d->tags && !has_word(d->tags, ' ', cf->kind)))
					continue;
				if (strcmp(cf->actor, "*") != 0 && !has_word(cf->actor, ';', who))
					continue;
				if (strcmp(cf->subject, "*") != 0 && (!act->subject || strcmp(cf->subject, act->subject) != 0))
					continue;
				if (act->day < cf->day || (cf->has_end && act->day > cf->end_day))
					continue;
				hit = cf;
			}
			memset(&f, 0, sizeof f);
			f.actor = who;
			f.period = label;
			f.due = INT64_MIN;
			f.state = hit ? EG_DUTY_STATE_BREACH : EG_DUTY_STATE_MET;
			f.extra_zh = hit ? hit->subject : NULL;
			f.extra_en = hit ? hit->kind : NULL;
			if ((rc = emit(c, &f)) < 0)
				return rc;
			if (!e)
				break;
			p = e + 1;
		}
	}
	return EG_OK;
}

static int run_gap(ctx *c, const char *const *actors, size_t na)
{
	const eg_duty_def *d = &c->duty->d;
	int64_t s = c->from;
	int rc;
	if (d->start) {
		eg__date_parse(&s, d->start);
		if (c->from != INT64_MIN && c->from > s)
			s = c->from;
	}
	for (size_t a = 0; a < na; a++) {
		size_t n = 0;
		int64_t prev = s, gap = 0;
		rowfacts f;
		for (size_t i = 0; c->log && i < c->log->n; i++) {
			const lrec *r = &c->log->r[i];
			if (r->type == EG_DUTY_RECORD_TYPE_DONE && r->day <= c->date && r->day >= s && kind_matches(d->kind, r->kind) &&
			    has_word(r->actor, ';', actors[a]))
				c->days[n++] = r->day;
		}
		if (n)
			qsort(c->days, n, sizeof *c->days, cmp_by_day);
		for (size_t i = 0; i <= n; i++) {
			int64_t at = i < n ? c->days[i] : c->date;
			if (at - prev > gap)
				gap = at - prev;
			prev = at;
		}
		memset(&f, 0, sizeof f);
		f.actor = actors[a];
		f.period = "";
		f.due = INT64_MIN;
		f.state = EG_DUTY_STATE_NOTED;
		f.counted = (int32_t)n;
		f.days = (int32_t)gap;
		if ((rc = emit(c, &f)) < 0)
			return rc;
	}
	return EG_OK;
}

int eg_duty_status(eg_duty_rows **out, const eg_duty_set *set, const eg_duty_log *log, const char *date,
		   const eg_duty_status_options *opts)
{
	static const eg_duty_status_options defaults = EG_DUTY_STATUS_OPTIONS_INIT;
	const eg_duty_status_options *o = opts ? opts : &defaults;
	eg_duty_rows *rows = NULL;
	ctx c;
	size_t nlog = log ? log->n : 0, nact_cap = 1;
	const char **actors = NULL;
	char *fixed_buf = NULL;
	int rc = EG_OK;
	if (!out || !set || !date)
		return eg__error(EG_EINVAL, "eg_duty_status: NULL argument");
	memset(&c, 0, sizeof c);
	if (eg__date_parse(&c.date, date) < 0)
		return eg__error(EG_EINVAL, "eg_duty_status: date \"%.20s\" is not YYYY-MM-DD", date);
	if (o->version != EG_DUTY_STATUS_OPTIONS_VERSION)
		return eg__error(EG_EINVAL, "duty status options version %u is not %d", o->version, EG_DUTY_STATUS_OPTIONS_VERSION);
	if (o->flags & ~(EG_DUTY_STATUS_FINDINGS_ONLY | EG_DUTY_STATUS_NO_EXCEPTIONS))
		return eg__error(EG_EINVAL, "duty status: unknown flags 0x%x", o->flags);
	c.from = INT64_MIN;
	if (o->from && eg__date_parse(&c.from, o->from) < 0)
		return eg__error(EG_EINVAL, "duty status: from \"%.20s\" is not YYYY-MM-DD", o->from);
	for (size_t i = 0; i < set->n; i++)
		if (!set->v[i].d.start && !o->from && set->v[i].d.shape != EG_DUTY_SHAPE_EVENT &&
		    set->v[i].d.shape != EG_DUTY_SHAPE_CONFLICT)
			return eg__error(EG_EINVAL, "duty %s has no start: give the status a first day (from)", set->v[i].d.id);
	nact_cap += log ? log->nm : 0;
	for (size_t i = 0; i < set->n; i++)
		if (set->v[i].d.actor) {
			size_t k = 1;
			for (const char *p = set->v[i].d.actor; *p; p++)
				k += *p == ';';
			if (k > nact_cap)
				nact_cap = k;
		}
	c.log = log;
	c.w = o->workdays;
	c.flags = o->flags;
	rows = eg__calloc(1, sizeof *rows);
	c.scratch = eg__malloc((nlog ? nlog : 1) * sizeof *c.scratch);
	c.days = eg__malloc((nlog ? 2 * nlog : 1) * sizeof *c.days);
	actors = eg__malloc(nact_cap * sizeof *actors);
	fixed_buf = eg__malloc(1025);
	if (!rows || !c.scratch || !c.days || !actors || !fixed_buf) {
		rc = eg__error_nomem("listing duties");
		goto done;
	}
	c.rows = rows;
	for (size_t i = 0; i < set->n && rc == EG_OK; i++) {
		size_t na;
		c.duty = &set->v[i];
		c.article = c.quote = NULL;
		if (!(c.rule = pool_add(rows, c.duty->d.rule)) || !(c.dutyid = pool_add(rows, c.duty->d.id)) ||
		    (c.duty->article && (!(c.article = pool_add(rows, c.duty->article)) ||
					 !(c.quote = pool_add(rows, c.duty->quote))))) {
			rc = eg__error_nomem("listing duties");
			break;
		}
		na = duty_actors(&c, actors, fixed_buf);
		switch (c.duty->d.shape) {
		case EG_DUTY_SHAPE_PERIODIC: rc = run_periodic(&c, actors, na); break;
		case EG_DUTY_SHAPE_EVENT: rc = run_event(&c, actors, na); break;
		case EG_DUTY_SHAPE_ONCE: rc = run_once(&c, actors, na); break;
		case EG_DUTY_SHAPE_CONFLICT: rc = run_conflict(&c); break;
		default: rc = run_gap(&c, actors, na); break;
		}
	}
done:
	eg__free(c.scratch);
	eg__free(c.days);
	eg__free(actors);
	eg__free(fixed_buf);
	if (rc < 0) {
		eg_duty_rows_free(rows);
		return rc;
	}
	*out = rows;
	return EG_OK;
}
