/*
 * Duties with deadlines and cadences: CJ-G.9 response deadlines, DG-30
 * equipment replacement, MEE-1 grading (短板) and MEE-3.1 filing, cadence
 * checks for CJ-G.8, DG-9, DG-15 and DG-17, and obligations due in calendar
 * months (YL-5.4, DG-61, DG-67).
 */
#include <ecogrid/duty.h>

#include <stdio.h>
#include <string.h>

#include "util/alloc.h"
#include "util/date.h"
#include "util/error.h"
#include "util/text.h"

/* CJ-G.9: feedback within 60 minutes, result within 120 (R0.1: the limit included). */
int eg_duty_alert_deadlines(int *status, int32_t *late, const char *pushed, const char *feedback, const char *result)
{
	static const int32_t limit[2] = { 60, 120 };
	const char *t[2] = { feedback, result };
	int64_t p, v[2];
	if (!status || !late || !pushed)
		return eg__error(EG_EINVAL, "eg_duty_alert_deadlines: NULL argument");
	if (eg__datetime_parse(&p, pushed) < 0)
		return eg__error(EG_EINVAL, "alert time \"%.20s\" is not YYYY-MM-DD HH:MM", pushed);
	for (int k = 0; k < 2; k++) {
		if (!t[k])
			continue;
		if (eg__datetime_parse(&v[k], t[k]) < 0)
			return eg__error(EG_EINVAL, "%s time \"%.20s\" is not YYYY-MM-DD HH:MM", k ? "result" : "feedback", t[k]);
		if (v[k] < p)
			return eg__error(EG_EINVAL, "%s at %s comes before the alert at %s (CJ-G.9)", k ? "result" : "feedback",
					 t[k], pushed);
		/* Minutes late are an int32_t: about 4,085 years at most. */
		if (v[k] - p > INT32_MAX)
			return eg__error(EG_ERANGE, "%s at %s is more than 2^31 minutes after the alert at %s",
					 k ? "result" : "feedback", t[k], pushed);
	}
	for (int k = 0; k < 2; k++) {
		if (!t[k]) {
			status[k] = EG_DUTY_DEADLINE_MISSING;
			late[k] = 0;
		} else if (v[k] - p <= limit[k]) {
			status[k] = EG_DUTY_DEADLINE_ON_TIME;
			late[k] = 0;
		} else {
			status[k] = EG_DUTY_DEADLINE_LATE;
			late[k] = (int32_t)(v[k] - p - limit[k]);
		}
	}
	return EG_OK;
}

/* DG-30: > 10 repairs or > 10 years in service. */
int eg_duty_equipment_due(int *due, int32_t repairs, const char *installed, const char *on_date)
{
	int64_t a, b;
	int y, m, d;
	if (!due || !installed || !on_date)
		return eg__error(EG_EINVAL, "eg_duty_equipment_due: NULL argument");
	if (repairs < 0)
		return eg__error(EG_EINVAL, "repairs %d is negative", (int)repairs);
	if (eg__date_parse(&a, installed) < 0 || eg__date_parse(&b, on_date) < 0)
		return eg__error(EG_EINVAL, "dates \"%.20s\", \"%.20s\" must be YYYY-MM-DD", installed, on_date);
	if (b < a)
		return eg__error(EG_EINVAL, "date %s is before installation on %s", on_date, installed);
	eg__civil_from_days(a, &y, &m, &d);
	if (m == 2 && d == 29)
		d = 28; /* the anniversary of 29 February in a common year */
	*due = repairs > 10 || b > eg__days_from_civil(y + 10, m, d);
	return EG_OK;
}

/* MEE-1: the worst indicator (短板); missing or not applied -> D. */
int eg_duty_mee_grade_of(int *grade, int applied, const int *ind, size_t n)
{
	int g = EG_DUTY_MEE_GRADE_LEADING;
	if (!grade || (n && !ind))
		return eg__error(EG_EINVAL, "eg_duty_mee_grade_of: NULL argument");
	if (!applied) {
		*grade = EG_DUTY_MEE_GRADE_D;
		return EG_OK;
	}
	if (n == 0)
		return eg__error(EG_EINVAL, "eg_duty_mee_grade_of: an applicant needs at least one indicator");
	for (size_t i = 0; i < n; i++) {
		int v = ind[i] == EG_DUTY_MEE_GRADE_MISSING ? EG_DUTY_MEE_GRADE_D : ind[i];
		if (v < EG_DUTY_MEE_GRADE_LEADING || v > EG_DUTY_MEE_GRADE_D)
			return eg__error(EG_EINVAL, "indicator %zu: grade %d is not one of eg_duty_mee_grade", i, ind[i]);
		if (v > g)
			g = v;
	}
	*grade = g;
	return EG_OK;
}

int eg_duty_mee_reduction_required(int grade)
{
	if (grade < EG_DUTY_MEE_GRADE_LEADING || grade > EG_DUTY_MEE_GRADE_D)
		return -1;
	return grade >= EG_DUTY_MEE_GRADE_B; /* MEE-1: A and leading need not cut */
}

/* MEE-1: the measure per grade and alert level; A and leading need not cut. */
int eg_duty_mee_reduction_measure(const char **measure, const char *const *table, int grade, int level)
{
	if (!measure || !table)
		return eg__error(EG_EINVAL, "eg_duty_mee_reduction_measure: NULL argument");
	if (grade < EG_DUTY_MEE_GRADE_LEADING || grade > EG_DUTY_MEE_GRADE_D || level < EG_DUTY_ALERT_LEVEL_YELLOW || level > EG_DUTY_ALERT_LEVEL_RED)
		return eg__error(EG_EINVAL, "grade %d or alert level %d out of range", grade, level);
	if (!eg_duty_mee_reduction_required(grade)) {
		*measure = NULL;
		return EG_OK;
	}
	if (!table[grade * 3 + level])
		return eg__error(EG_EINVAL, "the table has no measure for grade %d at alert level %d (MEE-1)", grade, level);
	*measure = table[grade * 3 + level];
	return EG_OK;
}

/* MEE-3.1: filed by 30 September of the year. */
int eg_duty_mee_filing_late(int *late, int year, const char *filed, const char *today)
{
	int64_t due, d;
	const char *when = filed ? filed : today;
	if (!late || !when)
		return eg__error(EG_EINVAL, "eg_duty_mee_filing_late: NULL argument");
	if (!eg__date_valid(year, 9, 30))
		return eg__error(EG_EINVAL, "year %d is out of range", year);
	if (eg__date_parse(&d, when) < 0)
		return eg__error(EG_EINVAL, "\"%.20s\" is not a date YYYY-MM-DD", when);
	due = eg__days_from_civil(year, 9, 30);
	*late = d > due;
	return EG_OK;
}

/* ------------------------------------------------------------------ */
/* Cadence                                                               */
/* ------------------------------------------------------------------ */

typedef struct cad_item {
	char *actor, *msg[2];
	char start[11];
	int32_t measured;
} cad_item;

struct eg_duty_cadence {
	cad_item *items;
	size_t n, cap;
};

void eg_duty_cadence_free(eg_duty_cadence *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->n; i++)
		eg__free(c->items[i].actor);
	eg__free(c->items);
	eg__free(c);
}

size_t eg_duty_cadence_count(const eg_duty_cadence *c) { return c ? c->n : 0; }
const char *eg_duty_cadence_actor(const eg_duty_cadence *c, size_t i) { return c && i < c->n ? c->items[i].actor : NULL; }
const char *eg_duty_cadence_period_start(const eg_duty_cadence *c, size_t i) { return c && i < c->n ? c->items[i].start : NULL; }
int64_t eg_duty_cadence_measured(const eg_duty_cadence *c, size_t i) { return c && i < c->n ? c->items[i].measured : -1; }

const char *eg_duty_cadence_message(const eg_duty_cadence *c, size_t i, int lang)
{
	return c && i < c->n ? c->items[i].msg[lang == EG_LANG_EN ? 1 : 0] : NULL;
}

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
	default: return eg__days_from_civil(y, 1, 1);
	}
}

static int64_t period_next(int64_t start, int period)
{
	int y, m, d;
	eg__civil_from_days(start, &y, &m, &d);
	switch (period) {
	case EG_DUTY_PERIOD_DAY: return start + 1;
	case EG_DUTY_PERIOD_WEEK: return start + 7;
	case EG_DUTY_PERIOD_MONTH: return m == 12 ? eg__days_from_civil(y + 1, 1, 1) : eg__days_from_civil(y, m + 1, 1);
	case EG_DUTY_PERIOD_QUARTER: return m >= 10 ? eg__days_from_civil(y + 1, 1, 1) : eg__days_from_civil(y, m + 3, 1);
	default: return eg__days_from_civil(y + 1, 1, 1);
	}
}

int eg_duty_cadence_check(eg_duty_cadence **out, const char *rule, const char *kind, int period, int32_t min_count,
			  unsigned int flags, const char *const *actors, size_t n_actors, const char *const *times,
			  const char *const *kinds, const char *const *ev_actors, size_t n_events,
			  const char *const *holidays, size_t n_holidays, const char *from, const char *to)
{
	static const char *const pname[2][5] = { { "日", "周", "月", "季度", "年" }, { "day", "week", "month", "quarter", "year" } };
	eg_duty_cadence *c;
	int64_t f, t, *when = NULL, *hol = NULL;
	int rc;
	if (!out || !actors || (n_events && (!times || !kinds || !ev_actors)) || (n_holidays && !holidays) || !from || !to)
		return eg__error(EG_EINVAL, "eg_duty_cadence_check: NULL argument");
	if ((rc = eg__check_text(rule, 64, "rule ID")) < 0 || (rc = eg__check_text(kind, 64, "event kind")) < 0)
		return rc;
	if (period < EG_DUTY_PERIOD_DAY || period > EG_DUTY_PERIOD_YEAR || min_count < 1 || (flags & ~EG_DUTY_CADENCE_NIGHT_OR_HOLIDAY))
		return eg__error(EG_EINVAL, "%s: period %d, min_count %d or flags 0x%x out of range", rule, period, (int)min_count, flags);
	if (eg__date_parse(&f, from) < 0 || eg__date_parse(&t, to) < 0 || t < f)
		return eg__error(EG_EINVAL, "%s: range \"%.20s\" to \"%.20s\" is not two ordered dates", rule, from, to);
	for (size_t a = 0; a < n_actors; a++)
		if ((rc = eg__check_text(actors[a], 64, "actor")) < 0)
			return rc;
	when = eg__malloc((n_events ? n_events : 1) * sizeof *when);
	hol = eg__malloc((n_holidays ? n_holidays : 1) * sizeof *hol);
	c = eg__calloc(1, sizeof *c);
	if (!when || !hol || !c) {
		rc = eg__error_nomem("checking a cadence");
		goto fail;
	}
	for (size_t e = 0; e < n_events; e++)
		if (!times[e] || !kinds[e] || !ev_actors[e] || eg__datetime_parse(&when[e], times[e]) < 0) {
			rc = eg__error(EG_EINVAL, "%s: event %zu has a bad time \"%.20s\" or a NULL field", rule, e,
				       times[e] ? times[e] : "(null)");
			goto fail;
		}
	for (size_t h = 0; h < n_holidays; h++)
		if (eg__date_parse(&hol[h], holidays[h]) < 0) {
			rc = eg__error(EG_EINVAL, "%s: holiday \"%.20s\" is not YYYY-MM-DD", rule, holidays[h] ? holidays[h] : "(null)");
			goto fail;
		}
	for (size_t a = 0; a < n_actors; a++)
		for (int64_t ps = period_start(f, period); ps <= t; ps = period_next(ps, period)) {
			int64_t pe = period_next(ps, period);
			int32_t count = 0;
			for (size_t e = 0; e < n_events; e++) {
				int64_t day = when[e] / 1440, minute = when[e] % 1440;
				int special = 0;
				if (minute < 0) { /* before 1970: floor, not truncation toward 0 */
					minute += 1440;
					day--;
				}
				if (day < ps || day >= pe || strcmp(kinds[e], kind) || strcmp(ev_actors[e], actors[a]))
					continue;
				if (flags & EG_DUTY_CADENCE_NIGHT_OR_HOLIDAY) {
					/* DG-15: night is 22:00-06:00 CST; holidays come from the caller. */
					special = minute >= 22 * 60 || minute < 6 * 60;
					for (size_t h = 0; !special && h < n_holidays; h++)
						special = hol[h] == day;
					if (!special)
						continue;
				}
				count++;
			}
			if (count < min_count) {
				cad_item *it;
				char zh[512], en[512], start[11];
				size_t la, lz, le;
				eg__date_format(start, ps);
				snprintf(zh, sizeof zh, "%s：%s 起的%s内 %s %d 次，要求不少于 %d 次（%s）", actors[a], start,
					 pname[0][period], kind, (int)count, (int)min_count, rule);
				snprintf(en, sizeof en, "%s: %d %s event(s) in the %s from %s; at least %d required (%s)", actors[a],
					 (int)count, kind, pname[1][period], start, (int)min_count, rule);
				if (c->n == c->cap) {
					size_t nc = c->cap ? c->cap * 2 : 8;
					cad_item *ni = eg__realloc(c->items, nc * sizeof *ni);
					if (!ni) {
						rc = eg__error_nomem("checking a cadence");
						goto fail;
					}
					c->items = ni;
					c->cap = nc;
				}
				la = strlen(actors[a]) + 1;
				lz = strlen(zh) + 1;
				le = strlen(en) + 1;
				it = &c->items[c->n];
				if (!(it->actor = eg__malloc(la + lz + le))) {
					rc = eg__error_nomem("checking a cadence");
					goto fail;
				}
				memcpy(it->actor, actors[a], la);
				it->msg[0] = memcpy(it->actor + la, zh, lz);
				it->msg[1] = memcpy(it->actor + la + lz, en, le);
				memcpy(it->start, start, 11);
				it->measured = count;
				c->n++;
			}
		}
	eg__free(when);
	eg__free(hol);
	*out = c;
	return EG_OK;
fail:
	eg__free(when);
	eg__free(hol);
	eg_duty_cadence_free(c);
	return rc;
}

/* CJ-G.8, DG-15, DG-17 as parameters of the general cadence check. */
int eg_duty_cadence_preset(const char **kind, int *period, int32_t *min_count, unsigned int *flags, const char **rule,
			   const char *name)
{
	static const struct {
		const char *name, *kind, *rule;
		int period;
		int32_t min;
		unsigned int flags;
	} presets[] = {
		{ "CJ-G.8-patrol", "patrol", "CJ-G.8", EG_DUTY_PERIOD_DAY, 1, 0 },
		{ "CJ-G.8-dispatch", "dispatch", "CJ-G.8", EG_DUTY_PERIOD_WEEK, 1, 0 },
		{ "CJ-G.8-study", "study", "CJ-G.8", EG_DUTY_PERIOD_MONTH, 1, 0 },
		{ "CJ-G.8-training", "training", "CJ-G.8", EG_DUTY_PERIOD_YEAR, 1, 0 },
		{ "CJ-G.8-survey", "survey", "CJ-G.8", EG_DUTY_PERIOD_QUARTER, 1, 0 },
		/* DG-9: specialists inspect every key object of their village monthly (actor = key object). */
		{ "DG-9", "inspection", "DG-9", EG_DUTY_PERIOD_MONTH, 1, 0 },
		{ "DG-15-city", "inspection", "DG-15", EG_DUTY_PERIOD_MONTH, 2, EG_DUTY_CADENCE_NIGHT_OR_HOLIDAY },
		{ "DG-15-town", "inspection", "DG-15", EG_DUTY_PERIOD_MONTH, 4, EG_DUTY_CADENCE_NIGHT_OR_HOLIDAY },
		{ "DG-15-specialist", "inspection", "DG-15", EG_DUTY_PERIOD_MONTH, 4, EG_DUTY_CADENCE_NIGHT_OR_HOLIDAY },
		{ "DG-17-city", "cross_city", "DG-17", EG_DUTY_PERIOD_YEAR, 5, 0 },
		{ "DG-17-town", "cross_town", "DG-17", EG_DUTY_PERIOD_YEAR, 6, 0 },
		{ "DG-17-village", "cross_village", "DG-17", EG_DUTY_PERIOD_YEAR, 12, 0 },
	};
	if (!kind || !period || !min_count || !flags || !rule || !name)
		return eg__error(EG_EINVAL, "eg_duty_cadence_preset: NULL argument");
	for (size_t i = 0; i < sizeof presets / sizeof presets[0]; i++)
		if (strcmp(presets[i].name, name) == 0) {
			*kind = presets[i].kind;
			*period = presets[i].period;
			*min_count = presets[i].min;
			*flags = presets[i].flags;
			*rule = presets[i].rule;
			return EG_OK;
		}
	return eg__error(EG_ENOTFOUND, "no cadence preset named \"%.40s\"", name);
}

/* ------------------------------------------------------------------ */
/* Obligations due in calendar months (YL-5.4, DG-61, DG-67)              */
/* ------------------------------------------------------------------ */

/* Start plus whole months, clamped to the month's last day. */
static int64_t add_months(int64_t start, int months)
{
	int y, m, d, dim;
	eg__civil_from_days(start, &y, &m, &d);
	m += months;
	y += (m - 1) / 12;
	m = (m - 1) % 12 + 1;
	dim = eg__days_in_month(y, m);
	return eg__days_from_civil(y, m, d < dim ? d : dim);
}

int eg_duty_obligation_due(char *date, int kind, const char *start, int months)
{
	int64_t s;
	int add;
	if (!date || !start || eg__date_parse(&s, start) < 0)
		return eg__error(EG_EINVAL, "eg_duty_obligation_due: start \"%.20s\" is not YYYY-MM-DD", start ? start : "(null)");
	switch (kind) {
	case EG_DUTY_OBLIGATION_YL_5_4: add = 3; break; /* YL-5.4: within 3 months */
	case EG_DUTY_OBLIGATION_DG_61: add = 1; break;  /* DG-61: within 1 month */
	case EG_DUTY_OBLIGATION_DG_67:                  /* DG-67: suspended for 3-12 months */
		if (months < 3 || months > 12)
			return eg__error(EG_ERANGE, "DG-67: a restriction of %d months is not 3-12", months);
		add = months;
		break;
	default:
		return eg__error(EG_EINVAL, "eg_duty_obligation_due: kind %d is not one of eg_duty_obligation", kind);
	}
	/* Dates end at 9999-12-31 (R0.3): a later due date is not wrapped into year 0. */
	if ((s = add_months(s, add)) > eg__days_from_civil(9999, 12, 31))
		return eg__error(EG_ERANGE, "eg_duty_obligation_due: %s plus %d months is after 9999-12-31", start, add);
	eg__date_format(date, s);
	return EG_OK;
}

int eg_duty_obligation_overdue(int *overdue, const char *due, const char *done, const char *on_date)
{
	int64_t du, dn, on;
	if (!overdue || !due || !on_date || eg__date_parse(&du, due) < 0 || eg__date_parse(&on, on_date) < 0 ||
	    (done && eg__date_parse(&dn, done) < 0))
		return eg__error(EG_EINVAL, "eg_duty_obligation_overdue: dates must be YYYY-MM-DD");
	*overdue = done ? dn > du : on > du;
	return EG_OK;
}
