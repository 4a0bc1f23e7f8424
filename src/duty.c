/*
 * Duties with deadlines: CJ-G.9 response deadlines, DG-30 equipment
 * replacement, MEE-1 grading (短板) and MEE-3.1 filing, and obligations due
 * in calendar months (YL-5.4, DG-61, DG-67). The duty calendar (cadences,
 * section 9) is in duty_calendar.c, its presets in duty_presets.c.
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
