/*
 * duty.h: the duty calendar. Working days (R0.9(a)), periods in months
 * (R0.10), and every duty of section 9 of the rule catalogue with the older
 * cadences and deadlines: for each, one period or event that is met and one
 * that is missed, late, incomplete or in breach, with the catalogue's words
 * beside the boundary each case pins.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "util/alloc.h"

#define MET EG_DUTY_STATE_MET
#define MISSED EG_DUTY_STATE_MISSED
#define LATE EG_DUTY_STATE_LATE
#define EXCUSED EG_DUTY_STATE_EXCUSED
#define NOT_DUE EG_DUTY_STATE_NOT_DUE
#define OPEN EG_DUTY_STATE_OPEN
#define INCOMPLETE EG_DUTY_STATE_INCOMPLETE
#define BREACH EG_DUTY_STATE_BREACH
#define NOTED EG_DUTY_STATE_NOTED
#define NO_ROW (-1) /* the period must not be listed */
#define ANY (-99)   /* counted / days not checked */

/* ------------------------------------------------------------------ */
/* Helpers                                                              */
/* ------------------------------------------------------------------ */

/*
 * A record in one line, fields separated by '|', empty fields unset:
 *   "kind|actor|time|period|id|ref|subject|tags|covers|end"     a thing done
 *   "!rule|actor|time|period|reason|approver"                   an exception (R0.8)
 *   "#relation|actor|time|subject|end"                          a conflict
 */
static void add_spec(eg_duty_log *log, const char *spec)
{
	char buf[1024], *f[10] = { 0 };
	size_t n = 0;
	eg_duty_record r = EG_DUTY_RECORD_INIT;
	char *p;
	snprintf(buf, sizeof buf, "%s", spec + (spec[0] == '!' || spec[0] == '#'));
	for (p = buf; n < 10;) {
		char *e = strchr(p, '|');
		if (e)
			*e = '\0';
		f[n++] = *p ? p : NULL;
		if (!e)
			break;
		p = e + 1;
	}
	if (spec[0] == '!') {
		r.type = EG_DUTY_RECORD_TYPE_EXCEPTION;
		r.rule = f[0], r.actor = f[1], r.time = f[2], r.period = f[3], r.reason = f[4], r.approver = f[5];
	} else if (spec[0] == '#') {
		r.type = EG_DUTY_RECORD_TYPE_CONFLICT;
		r.kind = f[0], r.actor = f[1], r.time = f[2], r.subject = f[3], r.end = f[4];
	} else {
		r.kind = f[0], r.actor = f[1], r.time = f[2], r.period = f[3], r.id = f[4], r.ref = f[5];
		r.subject = f[6], r.tags = f[7], r.covers = f[8], r.end = f[9];
	}
	if (eg_duty_log_add(log, &r) != EG_OK)
		fail_msg("record \"%s\" refused: %s", spec, eg_error_last()->message);
}

/* The test calendar: weekends, the 2026 National Day holidays (1–7 October)
 * with Saturday 10 October an adjusted working day; 2019–2027 covered. */
static eg_duty_workdays *test_calendar(void)
{
	eg_duty_workdays *w = NULL;
	char d[11];
	assert_int_equal(eg_duty_workdays_new(&w), EG_OK);
	assert_int_equal(eg_duty_workdays_cover(w, 2019, 2027), EG_OK);
	for (int k = 1; k <= 7; k++) {
		snprintf(d, sizeof d, "2026-10-%02d", k);
		assert_int_equal(eg_duty_workdays_set(w, d, EG_DUTY_DAY_HOLIDAY), EG_OK);
	}
	assert_int_equal(eg_duty_workdays_set(w, "2026-10-10", EG_DUTY_DAY_WORKDAY), EG_OK);
	return w;
}

typedef struct expect {
	const char *duty, *actor, *period;
	int state;       /* NO_ROW: not listed */
	int32_t counted; /* ANY: not checked */
	int32_t days;    /* ANY: not checked */
} expect;

typedef struct dcase {
	const char *preset;            /* a duty ID, a rule ID or a jurisdiction */
	const char *date, *from;       /* the day judged, the first day reported (may be NULL) */
	const char *const *records;    /* NULL-terminated specs */
	const char *const *members;    /* NULL-terminated "group=member" */
	const expect *expect;
	size_t n_expect;
} dcase;

static size_t find_row(const eg_duty_rows *rows, const char *duty, const char *actor, const char *period)
{
	for (size_t i = 0; i < eg_duty_rows_count(rows); i++)
		if (strcmp(eg_duty_rows_duty(rows, i), duty) == 0 && strcmp(eg_duty_rows_actor(rows, i), actor) == 0 &&
		    strcmp(eg_duty_rows_period(rows, i), period) == 0)
			return i;
	return (size_t)-1;
}

static eg_duty_rows *run_case(const dcase *c)
{
	eg_duty_set *set = NULL;
	eg_duty_log *log = NULL;
	eg_duty_rows *rows = NULL;
	eg_duty_workdays *w = test_calendar();
	eg_duty_status_options o = EG_DUTY_STATUS_OPTIONS_INIT;
	assert_int_equal(eg_duty_set_preset(&set, c->preset), EG_OK);
	assert_int_equal(eg_duty_log_new(&log), EG_OK);
	for (size_t i = 0; c->members && c->members[i]; i++) {
		char g[128];
		const char *eq = strchr(c->members[i], '=');
		snprintf(g, sizeof g, "%.*s", (int)(eq - c->members[i]), c->members[i]);
		assert_int_equal(eg_duty_log_add_member(log, g, eq + 1), EG_OK);
	}
	for (size_t i = 0; c->records && c->records[i]; i++)
		add_spec(log, c->records[i]);
	o.from = c->from;
	o.workdays = w;
	if (eg_duty_status(&rows, set, log, c->date, &o) != EG_OK)
		fail_msg("%s on %s: %s", c->preset, c->date, eg_error_last()->message);
	for (size_t k = 0; k < c->n_expect; k++) {
		const expect *e = &c->expect[k];
		size_t i = find_row(rows, e->duty, e->actor, e->period);
		if (e->state == NO_ROW) {
			if (i != (size_t)-1)
				fail_msg("%s %s %s should not be listed", e->duty, e->actor, e->period);
			continue;
		}
		if (i == (size_t)-1)
			fail_msg("%s %s %s is not listed", e->duty, e->actor, e->period);
		if (eg_duty_rows_state(rows, i) != e->state || (e->counted != ANY && eg_duty_rows_counted(rows, i) != e->counted) ||
		    (e->days != ANY && eg_duty_rows_days(rows, i) != e->days))
			fail_msg("%s %s %s: state %s counted %d days %d, expected %s %d %d: %s", e->duty, e->actor, e->period,
				 eg_duty_state_name(eg_duty_rows_state(rows, i)), (int)eg_duty_rows_counted(rows, i),
				 (int)eg_duty_rows_days(rows, i), eg_duty_state_name(e->state), (int)e->counted, (int)e->days,
				 eg_duty_rows_message(rows, i, EG_LANG_EN));
		/* Every row cites its rule, in both languages. */
		assert_non_null(strstr(eg_duty_rows_message(rows, i, EG_LANG_ZH), eg_duty_rows_rule(rows, i)));
		assert_non_null(strstr(eg_duty_rows_message(rows, i, EG_LANG_EN), eg_duty_rows_rule(rows, i)));
	}
	eg_duty_set_free(set);
	eg_duty_log_free(log);
	eg_duty_workdays_free(w);
	return rows;
}

#define N(a) (sizeof(a) / sizeof((a)[0]))
#define RUN(preset, date, from, recs, mems, exp)                                                                      \
	do {                                                                                                           \
		dcase c_ = { preset, date, from, recs, mems, exp, N(exp) };                                             \
		eg_duty_rows_free(run_case(&c_));                                                                      \
	} while (0)

/* ------------------------------------------------------------------ */
/* Working days and periods in months                                   */
/* ------------------------------------------------------------------ */

/* R0.9(a) “自该政府信息形成或者变更之日起20个工作日内”: the day of the change
 * is not counted; holidays and 调休 come from the caller's calendar. */
static void test_r0_9_twenty_working_days_over_national_day(void **state)
{
	(void)state;
	eg_duty_workdays *w = test_calendar();
	char d[11];
	int wd = -1;
	/* From Wed 2026-09-30: 1–7 Oct are holidays; Thu 8 (1), Fri 9 (2), Sat 10
	 * adjusted (3), 12–16 (4–8), 19–23 (9–13), 26–30 (14–18), Mon 2 Nov (19), Tue 3 Nov (20). */
	assert_int_equal(eg_duty_due_date(d, "2026-09-30", EG_DUTY_UNIT_WORKDAYS, 20, w, 0), EG_OK);
	assert_string_equal(d, "2026-11-03");
	/* Without the holidays it would be Wed 28 October (no 调休): the calendar matters. */
	assert_int_equal(eg_duty_workdays_is_workday(&wd, w, "2026-10-10"), EG_OK);
	assert_int_equal(wd, 1); /* a Saturday that is an adjusted working day */
	assert_int_equal(eg_duty_workdays_is_workday(&wd, w, "2026-10-11"), EG_OK);
	assert_int_equal(wd, 0); /* an ordinary Sunday */
	assert_int_equal(eg_duty_workdays_is_workday(&wd, w, "2026-10-02"), EG_OK);
	assert_int_equal(wd, 0); /* a holiday on a Friday */
	/* 0 working days: the start itself. */
	assert_int_equal(eg_duty_due_date(d, "2026-10-03", EG_DUTY_UNIT_WORKDAYS, 0, w, 0), EG_OK);
	assert_string_equal(d, "2026-10-03");
	/* A year the caller did not supply is not guessed. */
	assert_error(eg_duty_due_date(d, "2027-12-20", EG_DUTY_UNIT_WORKDAYS, 20, w, 0), EG_ERANGE, "does not cover 2028");
	assert_error(eg_duty_workdays_is_workday(&wd, w, "2030-01-01"), EG_ERANGE, "2030");
	assert_error(eg_duty_due_date(d, "2026-09-30", EG_DUTY_UNIT_WORKDAYS, 20, NULL, 0), EG_EINVAL, "calendar");
	eg_duty_workdays_free(w);
}

/* R0.10 “published 31 January → due 28 or 29 February”; Civil Code art. 203
 * extends a legal period ending on a rest day. */
static void test_r0_10_months_end_of_month_and_extension(void **state)
{
	(void)state;
	eg_duty_workdays *w = test_calendar();
	char d[11];
	assert_int_equal(eg_duty_due_date(d, "2021-01-31", EG_DUTY_UNIT_MONTHS, 1, NULL, 0), EG_OK);
	assert_string_equal(d, "2021-02-28");
	assert_int_equal(eg_duty_due_date(d, "2024-01-31", EG_DUTY_UNIT_MONTHS, 1, NULL, 0), EG_OK);
	assert_string_equal(d, "2024-02-29"); /* leap year */
	/* CJ-A4-2.1 "known 15 March, last day 15 September". */
	assert_int_equal(eg_duty_due_date(d, "2026-03-15", EG_DUTY_UNIT_MONTHS, 6, NULL, 0), EG_OK);
	assert_string_equal(d, "2026-09-15");
	/* 60 days from 2026-08-03 is Fri 2 October, a holiday: extended past the
	 * holidays and the weekend to Thu 8 October. */
	assert_int_equal(eg_duty_due_date(d, "2026-08-03", EG_DUTY_UNIT_DAYS, 60, w, 0), EG_OK);
	assert_string_equal(d, "2026-10-02");
	assert_int_equal(eg_duty_due_date(d, "2026-08-03", EG_DUTY_UNIT_DAYS, 60, w, 1), EG_OK);
	assert_string_equal(d, "2026-10-08");
	/* A working day is not moved. */
	assert_int_equal(eg_duty_due_date(d, "2026-08-04", EG_DUTY_UNIT_DAYS, 2, w, 1), EG_OK);
	assert_string_equal(d, "2026-08-06");
	assert_error(eg_duty_due_date(d, "2026-08-03", EG_DUTY_UNIT_DAYS, 60, NULL, 1), EG_EINVAL, "calendar");
	assert_error(eg_duty_due_date(d, "9999-12-01", EG_DUTY_UNIT_MONTHS, 1, NULL, 0), EG_ERANGE, "9999-12-31");
	assert_error(eg_duty_due_date(d, "9999-12-30", EG_DUTY_UNIT_DAYS, 2, NULL, 0), EG_ERANGE, "9999-12-31");
	assert_error(eg_duty_due_date(d, "2026-02-30", EG_DUTY_UNIT_DAYS, 2, NULL, 0), EG_EINVAL, "2026-02-30");
	assert_error(eg_duty_due_date(d, "2026-02-01", EG_DUTY_UNIT_MINUTES, 2, NULL, 0), EG_EINVAL, "unit 4");
	assert_error(eg_duty_due_date(d, "2026-02-01", EG_DUTY_UNIT_DAYS, -1, NULL, 0), EG_EINVAL, "-1 units");
	assert_error(eg_duty_due_date(NULL, "2026-02-01", EG_DUTY_UNIT_DAYS, 1, NULL, 0), EG_EINVAL, "NULL");
	eg_duty_workdays_free(w);
}

static void test_r0_9_calendar_errors(void **state)
{
	(void)state;
	eg_duty_workdays *w = NULL;
	int wd;
	assert_int_equal(eg_duty_workdays_new(&w), EG_OK);
	assert_error(eg_duty_workdays_is_workday(&wd, w, "2026-01-05"), EG_ERANGE, "does not cover 2026");
	assert_int_equal(eg_duty_workdays_set(w, "2026-01-01", EG_DUTY_DAY_HOLIDAY), EG_OK);
	assert_int_equal(eg_duty_workdays_set(w, "2026-01-01", EG_DUTY_DAY_HOLIDAY), EG_OK); /* the same again: no change */
	assert_error(eg_duty_workdays_set(w, "2026-01-01", EG_DUTY_DAY_WORKDAY), EG_EINVAL, "both");
	assert_int_equal(eg_duty_workdays_is_workday(&wd, w, "2026-01-05"), EG_OK); /* 2026 covered by the set day */
	assert_int_equal(wd, 1);
	assert_error(eg_duty_workdays_set(w, "2026-13-01", EG_DUTY_DAY_HOLIDAY), EG_EINVAL, "2026-13-01");
	assert_error(eg_duty_workdays_set(w, "2026-01-02", 2), EG_EINVAL, "kind 2");
	assert_error(eg_duty_workdays_set(NULL, "2026-01-02", 0), EG_EINVAL, "NULL");
	assert_error(eg_duty_workdays_cover(w, 2027, 2026), EG_EINVAL, "2027 to 2026");
	assert_error(eg_duty_workdays_cover(w, 0, 2026), EG_EINVAL, "0 to 2026");
	assert_error(eg_duty_workdays_cover(NULL, 2026, 2026), EG_EINVAL, "NULL");
	assert_error(eg_duty_workdays_is_workday(NULL, w, "2026-01-01"), EG_EINVAL, "NULL");
	assert_error(eg_duty_workdays_is_workday(&wd, w, "2026-1-01"), EG_EINVAL, "2026-1-01");
	assert_error(eg_duty_workdays_new(NULL), EG_EINVAL, "NULL");
	eg_duty_workdays_free(w);
	eg_duty_workdays_free(NULL);
}

/* ------------------------------------------------------------------ */
/* 9.1 Changji                                                          */
/* ------------------------------------------------------------------ */

/* CJ-M-3.2 "a month with no monthly target is a finding". */
static void test_cj_m_3_2_monthly_target_for_each_month(void **state)
{
	(void)state;
	static const char *const recs[] = { "monthly_target|昌吉市|2026-01-05|2026-10", NULL };
	static const char *const mems[] = { "level2=昌吉市", NULL };
	static const expect exp[] = {
		{ "CJ-M-3.2", "昌吉市", "2026-10", MET, 1, 0 },
		/* due at the end of November; judged 1 December: 1 day past */
		{ "CJ-M-3.2", "昌吉市", "2026-11", MISSED, 0, 1 },
		{ "CJ-M-3.2", "昌吉市", "2026-12", NOT_DUE, 0, 0 },
	};
	RUN("CJ-M-3.2", "2026-12-01", "2026-10-01", recs, mems, exp);
}

/* CJ-M-3.5 (a) "every calendar day, weekends and holidays included. The text
 * says 每日, not 工作日 (R0.5)". */
static void test_cj_m_3_5_daily_consultation_every_calendar_day(void **state)
{
	(void)state;
	static const char *const recs[] = { "daily_consultation|州大气办|2026-10-09 09:00", NULL };
	static const expect exp[] = {
		{ "CJ-M-3.5-daily", "州大气办", "2026-10-09", MET, 1, 0 },
		{ "CJ-M-3.5-daily", "州大气办", "2026-10-10", MISSED, 0, 1 }, /* Saturday: still a day */
		{ "CJ-M-3.5-daily", "州大气办", "2026-10-11", NOT_DUE, 0, 0 }, /* the day judged, not over */
		{ "CJ-M-3.5-daily", "州大气办", "2026-10-08", NO_ROW, 0, 0 },  /* before `from` */
	};
	RUN("CJ-M-3.5-daily", "2026-10-11", "2026-10-09", recs, NULL, exp);
}

/* CJ-M-3.5 (b) "Done when the dispatch record lists all level-2 units"; (c) the 专报 weekly. */
static void test_cj_m_3_5_weekly_dispatch_covers_every_unit_and_special_report(void **state)
{
	(void)state;
	static const char *const recs[] = {
		"weekly_dispatch|州大气办|2026-10-09||||||昌吉市,阜康市",  /* W41: both units */
		"weekly_dispatch|州大气办|2026-10-16||||||昌吉市",         /* W42: 阜康市 left out */
		"special_report|州大气办|2026-10-09",                          /* W41 only */
		NULL,
	};
	static const char *const mems[] = { "level2=昌吉市", "level2=阜康市", NULL };
	static const expect exp[] = {
		{ "CJ-M-3.5-dispatch", "州大气办", "2026-W41", MET, 1, 0 },
		{ "CJ-M-3.5-dispatch", "州大气办", "2026-W42", INCOMPLETE, 0, ANY },
		{ "CJ-M-3.5-report", "州大气办", "2026-W41", MET, 1, 0 },
		{ "CJ-M-3.5-report", "州大气办", "2026-W42", MISSED, 0, 1 }, /* due Sun 18 Oct, judged Mon 19 */
		{ "CJ-M-3.5-report", "州大气办", "2026-W43", NOT_DUE, 0, 0 },
	};
	RUN("CJ-M-3.5", "2026-10-19", "2026-10-05", recs, mems, exp);
}

/* CJ-M-3.6 "for each assessed month M, one bulletin dated in month M+1 that
 * gives every level-2 unit's result", with the three contents of 三(六). */
static void test_cj_m_3_6_bulletin_of_m_dated_in_m_plus_1(void **state)
{
	(void)state;
	static const char *const recs[] = {
		"assessment_bulletin|州大气办|2026-09-12|2026-08||||grid,key_areas|昌吉市",     /* no air quality: incomplete */
		"assessment_bulletin|州大气办|2026-10-12|2026-09||||grid,air,key_areas|昌吉市", /* in M+1: met */
		"assessment_bulletin|州大气办|2026-12-01|2026-10||||grid,air,key_areas|昌吉市", /* the 1st of M+2: late 1 day */
		NULL,
	};
	static const char *const mems[] = { "level2=昌吉市", NULL };
	static const expect exp[] = {
		{ "CJ-M-3.6", "州大气办", "2026-08", INCOMPLETE, 0, ANY },
		{ "CJ-M-3.6", "州大气办", "2026-09", MET, 1, 0 },
		{ "CJ-M-3.6", "州大气办", "2026-10", LATE, 1, 1 },
		{ "CJ-M-3.6", "州大气办", "2026-11", NOT_DUE, 0, 0 }, /* due 31 December */
	};
	RUN("CJ-M-3.6", "2026-12-05", "2026-08-01", recs, mems, exp);
}

/* CJ-M-5.2 level 3 "keeps one daily record (consultation and patrol)"; the
 * supervisor roster 「定期」 update has no period (R0.11): the longest gap, never a finding. */
static void test_cj_m_5_2_level_3_daily_record_and_roster_gap(void **state)
{
	(void)state;
	static const char *const recs[] = {
		"daily_consult_patrol|三工镇|2026-10-01 18:00",
		"supervisor_roster_update|州大气办|2026-03-01",
		"supervisor_roster_update|州大气办|2026-09-01",
		NULL,
	};
	static const char *const mems[] = { "level3=三工镇", NULL };
	static const expect exp[] = {
		{ "CJ-M-5.2", "三工镇", "2026-10-01", MET, 1, 0 },
		{ "CJ-M-5.2", "三工镇", "2026-10-02", MISSED, 0, 1 },
	};
	RUN("CJ-M-5.2", "2026-10-03", "2026-10-01", recs, mems, exp);
	{
		/* from 2026-01-01: gaps 59 (to 1 Mar), 184 (to 1 Sep), 32 (to 3 Oct): longest 184 */
		static const expect exp2[] = { { "CJ-M-5.2-roster", "州大气办", "", NOTED, 2, 184 } };
		RUN("CJ-M-5.2-roster", "2026-10-03", "2026-01-01", recs, mems, exp2);
	}
}

/* CJ-A1-5 "every change has a filing record with 州大气办"; R0.9(b) "no limit.
 * The library reports each delay and lists changes not yet filed." */
static void test_cj_a1_5_every_change_filed_no_limit(void **state)
{
	(void)state;
	static const char *const recs[] = {
		"staff_change|三工镇|2026-10-01||C1",
		"change_filing|昌吉市|2026-10-20||F1|C1",  /* filed through the level-2 unit: counts */
		"staff_change|三工镇|2026-10-10||C2",
		NULL,
	};
	static const expect exp[] = {
		{ "CJ-A1-5", "三工镇", "C1", MET, 1, 19 },  /* reported: 19 days */
		{ "CJ-A1-5", "三工镇", "C2", OPEN, 0, 21 }, /* open 21 days, not a finding */
	};
	RUN("CJ-A1-5", "2026-10-31", NULL, recs, NULL, exp);
}

/* CJ-A1-11 "a record of a patrol, inspection, problem handling or assessment
 * about object O in which staff member S acted, while a conflict (S, O) was
 * registered as in force on that date". */
static void test_cj_a1_11_act_while_a_conflict_is_in_force(void **state)
{
	(void)state;
	static const char *const recs[] = {
		"#relative|监督员甲|2026-01-01|某化工厂|2026-10-04",
		"patrol|监督员甲|2026-10-04 09:00||P1|||",       /* the conflict's last day */
		"patrol|监督员甲|2026-10-05 09:00||P2|||",       /* ended the day before */
		NULL,
	};
	static const char *const recs2[] = {
		"#relative|监督员甲|2026-01-01|某化工厂|2026-10-04",
		"patrol|监督员甲|2026-10-04 09:00||P1||某化工厂",
		"patrol|监督员甲|2026-10-05 09:00||P2||某化工厂",
		"inspection|监督员甲;监督员乙|2026-10-03||P3||某化工厂",
		NULL,
	};
	static const expect exp[] = {
		{ "CJ-A1-11", "监督员甲", "P1", MET, 0, 0 }, /* no subject: nothing to recuse from */
	};
	static const expect exp2[] = {
		{ "CJ-A1-11", "监督员甲", "P1", BREACH, 0, 0 },
		{ "CJ-A1-11", "监督员甲", "P2", MET, 0, 0 },
		{ "CJ-A1-11", "监督员甲", "P3", BREACH, 0, 0 },
		{ "CJ-A1-11", "监督员乙", "P3", MET, 0, 0 },
	};
	RUN("CJ-A1-11", "2026-10-31", NULL, recs, NULL, exp);
	RUN("CJ-A1-11", "2026-10-31", NULL, recs2, NULL, exp2);
}

/* CJ-A1-16 "for each calendar year Y, a list for Y", dated in Y; from the
 * first 1 January after 2023-05-24 (R0.7). */
static void test_cj_a1_16_yearly_key_source_list(void **state)
{
	(void)state;
	static const char *const recs[] = { "key_source_list|昌吉市|2025-03-01", NULL };
	static const char *const mems[] = { "level2=昌吉市", NULL };
	static const expect exp[] = {
		{ "CJ-A1-16", "昌吉市", "2023", NO_ROW, 0, 0 }, /* R0.7: yearly duties from the next 1 January */
		{ "CJ-A1-16", "昌吉市", "2024", MISSED, 0, 731 }, /* 2024-12-31 to 2027-01-01 */
		{ "CJ-A1-16", "昌吉市", "2025", MET, 1, 0 },
		{ "CJ-A1-16", "昌吉市", "2026", MISSED, 0, 1 },
	};
	RUN("CJ-A1-16", "2027-01-01", NULL, recs, mems, exp);
}

/* CJ-A1-19 "Changes: published within 20 working days (R0.9(a))"; feedback: no limit. */
static void test_cj_a1_19_change_published_in_20_working_days_and_feedback(void **state)
{
	(void)state;
	static const char *const recs[] = {
		"staff_change|三工镇|2026-09-30||S1",
		"staff_publication|昌吉市|2026-11-03|||S1", /* the 20th working day (National Day in between) */
		"staff_change|三工镇|2026-09-30||S2",
		"staff_publication|昌吉市|2026-11-04|||S2", /* the 21st: 1 day late */
		"problem_report|昌吉市|2026-10-12||R1",
		"feedback|昌吉市|2026-10-15|||R1",
		"problem_report|昌吉市|2026-10-20||R2",
		NULL,
	};
	static const expect exp[] = {
		{ "CJ-A1-19-publication", "三工镇", "S1", MET, 1, 0 },
		{ "CJ-A1-19-publication", "三工镇", "S2", LATE, 1, 1 },
		{ "CJ-A1-19-feedback", "昌吉市", "R1", MET, 1, 3 },
		{ "CJ-A1-19-feedback", "昌吉市", "R2", OPEN, 0, 17 },
	};
	RUN("CJ-A1-19", "2026-11-06", NULL, recs, NULL, exp);
}

/* CJ-A1-22 "The text sets no dates, so by default the check runs after Y ends." */
static void test_cj_a1_22_plan_letter_and_summary_checked_after_the_year(void **state)
{
	(void)state;
	static const char *const recs[] = {
		"annual_plan|三工镇|2025-02-01|2025",
		"annual_summary|三工镇|2026-01-10|2025", /* written in January: not late (no due date) */
		NULL,
	};
	static const char *const mems[] = { "grid=三工镇", NULL };
	static const expect on_jan5[] = {
		{ "CJ-A1-22-plan", "三工镇", "2025", MET, 1, 0 },
		{ "CJ-A1-22-letter", "三工镇", "2025", MISSED, 0, 0 },
		{ "CJ-A1-22-summary", "三工镇", "2025", MISSED, 0, 0 }, /* not there yet on 5 January */
		{ "CJ-A1-22-summary", "三工镇", "2026", NOT_DUE, 0, 0 },
	};
	static const expect on_jan15[] = {
		{ "CJ-A1-22-summary", "三工镇", "2025", MET, 1, 0 },
		{ "CJ-A1-22-letter", "三工镇", "2025", MISSED, 0, 0 },
	};
	RUN("CJ-A1-22", "2026-01-05", "2025-01-01", recs, mems, on_jan5);
	RUN("CJ-A1-22", "2026-01-15", "2025-01-01", recs, mems, on_jan15);
}

/* CJ-A4-2.2/5.1 "Each missing step is a finding, and the publication is flagged." */
static void test_cj_a4_2_2_5_1_steps_before_a_typical_case_is_published(void **state)
{
	(void)state;
	static const char *const recs[] = {
		"case_publication|州生态环境局|2026-10-20||||案例1",
		"case_file_review|州生态环境局|2026-10-01||||案例1",
		"case_argument|州生态环境局|2026-10-25||||案例1", /* after publication */
		"three_reviews|昌吉日报|2026-10-20||||案例1",      /* the same day: on or before */
		NULL,
	};
	static const expect exp[] = {
		{ "CJ-A4-2.2-review", "州生态环境局", "case_publication 2026-10-20", MET, 1, 0 },
		{ "CJ-A4-2.2-argument", "州生态环境局", "case_publication 2026-10-20", LATE, 1, 5 },
		{ "CJ-A4-5.1-approval", "州生态环境局", "case_publication 2026-10-20", MISSED, 0, 0 },
		{ "CJ-A4-5.1-proofread", "州生态环境局", "case_publication 2026-10-20", MET, 1, 0 },
	};
	RUN("CJ-A4-2.2/5.1", "2026-10-31", NULL, recs, NULL, exp);
}

/* CJ-A4-4.2 "Default: in each of the three outlets (paper, TV, radio)". */
static void test_cj_a4_4_2_weekly_column_in_each_outlet(void **state)
{
	(void)state;
	static const char *const recs[] = {
		"env_column_item|昌吉日报|2026-10-06", "env_column_item|昌吉广播电视台|2026-10-11",
		"env_column_item|昌吉广播电台|2026-10-12", /* Monday of the next week: not W41 */
		NULL,
	};
	static const expect exp[] = {
		{ "CJ-A4-4.2", "昌吉日报", "2026-W41", MET, 1, 0 },
		{ "CJ-A4-4.2", "昌吉广播电视台", "2026-W41", MET, 1, 0 }, /* Sunday ends the ISO week */
		{ "CJ-A4-4.2", "昌吉广播电台", "2026-W41", MISSED, 0, 2 },
		{ "CJ-A4-4.2", "昌吉广播电台", "2026-W42", MET, 1, 0 },
	};
	RUN("CJ-A4-4.2", "2026-10-13", "2026-10-05", recs, NULL, exp);
}

/* CJ-A4-4.1 "In principle (「原则上」, R0.8), one batch of typical cases each
 * calendar quarter, published together in 《昌吉日报》 and on 昌吉广播电视台". */
static void test_cj_a4_4_1_quarterly_batch_in_principle(void **state)
{
	(void)state;
	static const char *const recs_ok[] = {
		"typical_case_batch|州生态环境局|2026-02-10|||||newspaper,tv",
		"typical_case_batch|州生态环境局|2026-05-10|||||newspaper",
		"!CJ-A4-4.1|州生态环境局|2026-10-05|2026Q3|无符合条件的案件|州生态环境局局长",
		NULL,
	};
	static const expect exp[] = {
		{ "CJ-A4-4.1", "州生态环境局", "2026Q1", MET, 1, 0 },
		{ "CJ-A4-4.1", "州生态环境局", "2026Q2", INCOMPLETE, 0, ANY },
		{ "CJ-A4-4.1", "州生态环境局", "2026Q3", EXCUSED, 0, ANY }, /* a recorded exception (R0.8) */
	};
	RUN("CJ-A4-4.1", "2026-10-10", "2026-01-01", recs_ok, NULL, exp);
}

/* CJ-G.8: level-4 daily patrols, level-2 weekly/monthly/yearly/quarterly cadences. */
static void test_cj_g_8_cadences(void **state)
{
	(void)state;
	static const char *const recs[] = {
		"patrol|网格员甲|2026-09-30 08:00", "patrol|网格员甲|2026-10-01 08:00", "patrol|网格员甲|2026-10-03 08:00",
		"dispatch|昌吉市|2026-12-30 09:00", "study|昌吉市|2026-11-03", "training|昌吉市|2025-06-01",
		"survey|昌吉市|2026-11-20", NULL,
	};
	static const char *const mems[] = { "level4_supervisor=网格员甲", "level2=昌吉市", NULL };
	static const expect exp[] = {
		{ "CJ-G.8-patrol", "网格员甲", "2026-10-01", MET, 1, 0 },
		{ "CJ-G.8-patrol", "网格员甲", "2026-10-02", MISSED, 0, ANY },
		{ "CJ-G.8-dispatch", "昌吉市", "2026-W53", MET, 1, 0 }, /* Wed 30 Dec 2026 is in ISO week 53 */
		{ "CJ-G.8-dispatch", "昌吉市", "2027-W01", MISSED, 0, ANY },
		{ "CJ-G.8-study", "昌吉市", "2026-11", MET, 1, 0 },
		{ "CJ-G.8-study", "昌吉市", "2026-12", MISSED, 0, ANY },
		{ "CJ-G.8-training", "昌吉市", "2025", MET, 1, 0 },
		{ "CJ-G.8-training", "昌吉市", "2026", MISSED, 0, ANY },
		{ "CJ-G.8-survey", "昌吉市", "2026Q4", MET, 1, 0 },
		{ "CJ-G.8-survey", "昌吉市", "2026Q3", MISSED, 0, ANY },
	};
	RUN("CJ-G.8", "2027-01-11", "2025-01-01", recs, mems, exp);
}

/* CJ-G.9 "the on-site situation is fed back within 1 hour and the handling
 * result reported within 2 hours": 60 and 120 minutes included (R0.1). */
static void test_cj_g_9_alert_feedback_60_and_result_120_minutes(void **state)
{
	(void)state;
	static const char *const recs[] = {
		"alert|昌吉市|2026-10-12 09:00||A1", "alert_feedback|昌吉市|2026-10-12 10:00||F1|A1",
		"alert_result|昌吉市|2026-10-12 11:01||R1|A1", "alert|阜康市|2026-10-12 23:30||A2",
		NULL,
	};
	static const expect exp[] = {
		{ "CJ-G.9-feedback", "昌吉市", "A1", MET, 1, 0 },   /* exactly 60 minutes */
		{ "CJ-G.9-result", "昌吉市", "A1", LATE, 1, 1 },    /* 121 minutes: 1 minute past */
		{ "CJ-G.9-feedback", "阜康市", "A2", MISSED, 0, ANY },
	};
	RUN("CJ-G.9", "2026-10-14", NULL, recs, NULL, exp);
}

/* CJ-A3-5 "for each month M, a circulation of M's ranking dated in M+1". */
static void test_cj_a3_5_ranking_circulated_next_month(void **state)
{
	(void)state;
	static const char *const recs[] = { "ranking_circulation|州大气办|2026-10-08|2026-09", NULL };
	static const expect exp[] = {
		{ "CJ-A3-5", "州大气办", "2026-09", MET, 1, 0 },
		{ "CJ-A3-5", "州大气办", "2026-10", MISSED, 0, 1 }, /* due 30 November */
	};
	RUN("CJ-A3-5", "2026-12-01", "2026-09-01", recs, NULL, exp);
}

/* ------------------------------------------------------------------ */
/* 9.2 Jiangmen                                                          */
/* ------------------------------------------------------------------ */

/* JM-2.1.3 "online-monitoring data that passed comparison (the record carries
 * the comparison result 比对合格), enterprise self-monitoring, or supervisory monitoring". */
static void test_jm_2_1_3_monthly_monitoring_of_top_dischargers(void **state)
{
	(void)state;
	static const char *const recs[] = {
		"pollutant_monitoring|某纸业|2021-03-15|||||online,compared",
		"pollutant_monitoring|某纸业|2021-04-15|||||online", /* not compared: does not count */
		"pollutant_monitoring|某纸业|2021-06-15|||||self",
		NULL,
	};
	static const char *const mems[] = { "top20=某纸业", NULL };
	static const expect exp[] = {
		{ "JM-2.1.3", "某纸业", "2021-03", MET, 1, 0 },
		{ "JM-2.1.3", "某纸业", "2021-04", INCOMPLETE, 0, ANY },
		{ "JM-2.1.3", "某纸业", "2021-05", MISSED, 0, 31 }, /* 31 May to 1 July */
		{ "JM-2.1.3", "某纸业", "2021-06", MET, 1, 0 },
	};
	static const expect after[] = {
		{ "JM-2.1.3", "某纸业", "2021-12", MISSED, 0, ANY },
		{ "JM-2.1.3", "某纸业", "2022-01", NO_ROW, 0, 0 }, /* "End: December 2021 by default" */
	};
	RUN("JM-2.1.3", "2021-07-01", "2021-03-01", recs, mems, exp);
	RUN("JM-2.1.3", "2022-02-01", "2021-03-01", recs, mems, after);
}

/* JM-2.2.1 "a half-year assessment and a year assessment, each followed by a bulletin". */
static void test_jm_2_2_1_half_year_and_year_bulletins(void **state)
{
	(void)state;
	static const char *const recs[] = { "assessment_bulletin|市环委办|2021-07-20|2021H1", NULL };
	static const expect on_jul10[] = { { "JM-2.2.1-half", "市环委办", "2021H1", MISSED, 0, 0 } };
	static const expect on_2022[] = {
		{ "JM-2.2.1-half", "市环委办", "2021H1", MET, 1, 0 },
		{ "JM-2.2.1-half", "市环委办", "2021H2", NO_ROW, 0, 0 }, /* the year's assessment covers H2 */
		{ "JM-2.2.1-year", "市环委办", "2021", MISSED, 0, 0 },
	};
	RUN("JM-2.2.1", "2021-07-10", NULL, recs, NULL, on_jul10);
	RUN("JM-2.2.1", "2022-01-02", NULL, recs, NULL, on_2022);
}

/* JM-2.1.2 "By the 3rd … By the 15th …  Q4 → 3 and 15 January of the next year". */
static void test_jm_2_1_2_district_by_the_3rd_city_by_the_15th(void **state)
{
	(void)state;
	static const char *const recs[] = {
		"district_update|蓬江区|2021-10-03 23:59|2021Q3", "district_update|新会区|2021-10-04 00:00|2021Q3",
		"list_update|市环委办|2021-10-15|2021Q3", "district_publication|蓬江区|2021-10-15|2021Q3",
		"district_update|蓬江区|2022-01-03|2021Q4", NULL,
	};
	static const char *const mems[] = { "district=蓬江区", "district=新会区", NULL };
	static const expect exp[] = {
		{ "JM-2.1.2-district", "蓬江区", "2021Q3", MET, 1, 0 },
		{ "JM-2.1.2-district", "新会区", "2021Q3", LATE, 1, 1 },
		{ "JM-2.1.2-list", "市环委办", "2021Q3", MET, 1, 0 },
		{ "JM-2.1.2-publication", "蓬江区", "2021Q3", MET, 1, 0 },
		{ "JM-2.1.2-publication", "新会区", "2021Q3", MISSED, 0, ANY },
		{ "JM-2.1.2-district", "蓬江区", "2021Q4", MET, 1, 0 },
		{ "JM-2.1.2-list", "市环委办", "2021Q4", NOT_DUE, 0, 0 }, /* due 15 January 2022 */
	};
	RUN("JM-2.1.2", "2022-01-10", "2021-07-01", recs, mems, exp);
}

/* ------------------------------------------------------------------ */
/* 9.3 Dongguan                                                          */
/* ------------------------------------------------------------------ */

/* DG-19 "Start: 「2019年12月起常态化施行」, so from Q1 2020 (R0.7)". */
static void test_dg_19_quarterly_petition_meeting_from_q1_2020(void **state)
{
	(void)state;
	static const char *const recs[] = { "petition_analysis_meeting|市生态环境局|2020-02-15", NULL };
	static const expect exp[] = {
		{ "DG-19", "市生态环境局", "2019Q4", NO_ROW, 0, 0 },
		{ "DG-19", "市生态环境局", "2020Q1", MET, 1, 0 },
		{ "DG-19", "市生态环境局", "2020Q2", MISSED, 0, 1 },
		{ "DG-19", "市生态环境局", "2020Q3", NOT_DUE, 0, 0 },
	};
	RUN("DG-19", "2020-07-01", NULL, recs, NULL, exp);
}

/* DG-20 "Default: taken on the same visit, that is the same calendar day." */
static void test_dg_20_monitoring_the_same_day_as_the_inspection(void **state)
{
	(void)state;
	static const char *const recs[] = {
		"drawn_inspection|市生态环境局|2020-03-05 10:00||D1", "monitoring|监测站|2020-03-05 15:00|||D1",
		"drawn_inspection|市生态环境局|2020-03-06 10:00||D2", "monitoring|监测站|2020-03-07 09:00|||D2",
		"drawn_inspection|市生态环境局|2019-12-20||D0", /* draws before 1 January 2020: not checked */
		NULL,
	};
	static const expect exp[] = {
		{ "DG-20", "市生态环境局", "D1", MET, 1, 0 },
		{ "DG-20", "市生态环境局", "D2", LATE, 1, 1 },
		{ "DG-20", "市生态环境局", "D0", NO_ROW, 0, 0 },
	};
	RUN("DG-20", "2020-03-31", NULL, recs, NULL, exp);
}

/* DG-24 "an invitation is enough" (tag deputies_invited); "from Q4 2020 (R0.7)". */
static void test_dg_24_quarterly_enforcement_with_deputies_invited(void **state)
{
	(void)state;
	static const char *const recs[] = {
		"enforcement_action|市生态环境局|2020-11-11|||||deputies_invited",
		"enforcement_action|市生态环境局|2021-02-11", /* nobody invited */
		"deputies_opinion_hearing|市生态环境局|2020-12-01",
		NULL,
	};
	static const expect exp[] = {
		{ "DG-24", "市生态环境局", "2020Q3", NO_ROW, 0, 0 },
		{ "DG-24", "市生态环境局", "2020Q4", MET, 1, 0 },
		{ "DG-24", "市生态环境局", "2021Q1", INCOMPLETE, 0, ANY },
		/* 「定期听取」: no period (R0.11): gaps 91 (1 Sep – 1 Dec) and 121 (to 1 Apr) */
		{ "DG-24-opinions", "市生态环境局", "", NOTED, 1, 121 },
	};
	RUN("DG-24", "2021-04-01", NULL, recs, NULL, exp);
}

/* DG-34 "AV start ≤ inspection start and AV end ≥ inspection end". */
static void test_dg_34_av_record_covers_the_whole_inspection(void **state)
{
	(void)state;
	static const char *const recs[] = {
		"inspection|执法员甲|2020-03-05 09:00||I1|||||2020-03-05 11:00",
		"av_record|执法员甲|2020-03-05 09:00||V1|I1||||2020-03-05 11:00", /* exactly the same span */
		"inspection|执法员甲|2020-03-06 09:00||I2|||||2020-03-06 11:00",
		"av_record|执法员甲|2020-03-06 09:01||V2|I2||||2020-03-06 11:00", /* starts a minute late */
		"inspection|执法员甲|2020-03-07||I3",
		NULL,
	};
	static const expect exp[] = {
		{ "DG-34", "执法员甲", "I1", MET, 1, 0 },
		{ "DG-34", "执法员甲", "I2", INCOMPLETE, 0, ANY },
		{ "DG-34", "执法员甲", "I3", MISSED, 0, ANY },
	};
	RUN("DG-34", "2020-03-31", NULL, recs, NULL, exp);
}

/* DG-40 "at least one meeting per quarter from Q1 2020". */
static void test_dg_40_quarterly_joint_meeting(void **state)
{
	(void)state;
	static const char *const recs[] = { "joint_meeting|市生态环境局|2020-03-31", NULL };
	static const expect exp[] = {
		{ "DG-40", "市生态环境局", "2020Q1", MET, 1, 0 },
		{ "DG-40", "市生态环境局", "2020Q2", MISSED, 0, 1 },
	};
	RUN("DG-40", "2020-07-01", NULL, recs, NULL, exp);
}

/* DG-49 "in service by 30 June 2020 (「2020年6月底前完成」)". */
static void test_dg_49_display_screen_by_30_june_2020(void **state)
{
	(void)state;
	static const char *const recs[] = {
		"display_screen|焚烧厂甲|2020-06-30", "display_screen|焚烧厂乙|2020-07-01", NULL,
	};
	static const char *const mems[] = { "compulsory_display=焚烧厂甲", "compulsory_display=焚烧厂乙",
					    "compulsory_display=基地丙", NULL };
	static const expect exp[] = {
		{ "DG-49", "焚烧厂甲", "", MET, 1, 0 },
		{ "DG-49", "焚烧厂乙", "", LATE, 1, 1 },
		{ "DG-49", "基地丙", "", MISSED, 0, 2 },
	};
	RUN("DG-49", "2020-07-02", NULL, recs, mems, exp);
}

/* DG-51 "for each enterprise and quarter, at least one declaration with
 * production, treatment and discharge … submitted within the quarter it covers". */
static void test_dg_51_quarterly_self_declaration(void **state)
{
	(void)state;
	static const char *const recs[] = {
		"self_declaration|企业甲|2020-09-30|2020Q3||||production,treatment,discharge",
		"self_declaration|企业甲|2021-01-02|2020Q4||||production,treatment,discharge,other",
		"self_declaration|企业乙|2020-08-01|2020Q3||||production,treatment", /* no discharge */
		NULL,
	};
	static const char *const mems[] = { "enterprise=企业甲", "enterprise=企业乙", NULL };
	static const expect exp[] = {
		{ "DG-51", "企业甲", "2020Q2", NO_ROW, 0, 0 }, /* from Q3 2020 */
		{ "DG-51", "企业甲", "2020Q3", MET, 1, 0 },
		{ "DG-51", "企业甲", "2020Q4", LATE, 1, 2 },
		{ "DG-51", "企业乙", "2020Q3", INCOMPLETE, 0, ANY },
	};
	RUN("DG-51", "2021-01-10", NULL, recs, mems, exp);
}

/* DG-52 "each record flags the three topics, and a missing topic is an
 * `incomplete` finding"; monthly from December 2019, quarterly from Q1 2020. */
static void test_dg_52_monthly_bulletin_and_quarterly_press_conference(void **state)
{
	(void)state;
	static const char *const recs[] = {
		"written_bulletin|市生态环境局|2019-12-20|||||quality,campaign,enforcement",
		"written_bulletin|市生态环境局|2020-01-20|||||quality,campaign",
		"press_conference|市生态环境局|2020-03-20|||||quality,campaign,enforcement",
		NULL,
	};
	static const expect exp[] = {
		{ "DG-52-bulletin", "市生态环境局", "2019-12", MET, 1, 0 },
		{ "DG-52-bulletin", "市生态环境局", "2020-01", INCOMPLETE, 0, ANY },
		{ "DG-52-press", "市生态环境局", "2019Q4", NO_ROW, 0, 0 },
		{ "DG-52-press", "市生态环境局", "2020Q1", MET, 1, 0 },
		{ "DG-52-press", "市生态环境局", "2020Q2", MISSED, 0, 1 },
	};
	RUN("DG-52", "2020-07-01", NULL, recs, NULL, exp);
}

/* DG-53 "Default: the count is binding. "原则" here names the rule itself; it is not 原则上." */
static void test_dg_53_quarterly_legal_publicity_is_binding(void **state)
{
	(void)state;
	static const char *const recs[] = {
		"legal_publicity|市生态环境局|2020-02-01",
		"!DG-53|市生态环境局|2020-07-01|2020Q2|疫情|局长", /* an exception does not excuse a binding duty */
		NULL,
	};
	static const expect exp[] = {
		{ "DG-53", "市生态环境局", "2020Q1", MET, 1, 0 },
		{ "DG-53", "市生态环境局", "2020Q2", MISSED, 0, 1 },
	};
	RUN("DG-53", "2020-07-01", NULL, recs, NULL, exp);
}

/* DG-56 "from the week of Monday 2 December 2019 (R0.7)". */
static void test_dg_56_weekly_typical_case_from_2_december_2019(void **state)
{
	(void)state;
	static const char *const recs[] = { "typical_case_published|市生态环境局|2019-12-04", NULL };
	static const expect exp[] = {
		{ "DG-56", "市生态环境局", "2019-W48", NO_ROW, 0, 0 }, /* the week holding Sun 1 December */
		{ "DG-56", "市生态环境局", "2019-W49", MET, 1, 0 },
		{ "DG-56", "市生态环境局", "2019-W50", MISSED, 0, 1 },
	};
	RUN("DG-56", "2019-12-16", NULL, recs, NULL, exp);
}

/* DG-68 "law and regulation trainings: at least 4 … Soft rule: 原则上 (R0.8)". */
static void test_dg_68_yearly_trainings_in_principle(void **state)
{
	(void)state;
	static const char *const recs[] = {
		"law_training|市生态环境局|2020-03-01", "law_training|市生态环境局|2020-05-01",
		"law_training|市生态环境局|2020-08-01", "law_training|市生态环境局|2020-11-01",
		"law_training|市生态环境局|2021-03-01", "law_training|市生态环境局|2021-05-01",
		"law_training|市生态环境局|2021-08-01", /* 3 of 4 in 2021 */
		"onsite_training|市生态环境局|2021-05-01",
		"!DG-68-onsite|市生态环境局|2021-12-20|2021|疫情防控停训|市生态环境局局长",
		"training_plan|市生态环境局|2020-01-10|2020",
		NULL,
	};
	static const expect exp[] = {
		{ "DG-68-law", "市生态环境局", "2020", MET, 4, 0 },
		{ "DG-68-law", "市生态环境局", "2021", MISSED, 3, 1 }, /* a finding, marked in principle */
		{ "DG-68-onsite", "市生态环境局", "2021", EXCUSED, 1, ANY },
		{ "DG-68-joint", "市生态环境局", "2021", MISSED, 0, 1 },
		{ "DG-68-plan", "市生态环境局", "2020", MET, 1, 0 },
		{ "DG-68-plan", "市生态环境局", "2021", MISSED, 0, 0 },
	};
	eg_duty_rows *rows;
	dcase c = { "DG-68", "2022-01-01", "2020-01-01", recs, NULL, exp, N(exp) };
	rows = run_case(&c);
	for (size_t i = 0; i < eg_duty_rows_count(rows); i++)
		if (strcmp(eg_duty_rows_duty(rows, i), "DG-68-law") == 0) {
			assert_int_equal(eg_duty_rows_in_principle(rows, i), 1);
			assert_non_null(strstr(eg_duty_rows_message(rows, i, EG_LANG_ZH), "原则上"));
		}
	eg_duty_rows_free(rows);
}

/* DG-69 "Start: 2021 (R0.7)" — 4 practical trainings a year. */
static void test_dg_69_four_practical_trainings_a_year_from_2021(void **state)
{
	(void)state;
	static const char *const recs[] = {
		"practical_training|市生态环境局|2021-01-10", "practical_training|市生态环境局|2021-04-10",
		"practical_training|市生态环境局|2021-07-10", "practical_training|市生态环境局|2021-10-10",
		"practical_training|市生态环境局|2022-01-10", "practical_training|市生态环境局|2022-04-10",
		NULL,
	};
	static const expect exp[] = {
		{ "DG-69", "市生态环境局", "2020", NO_ROW, 0, 0 },
		{ "DG-69", "市生态环境局", "2021", MET, 4, 0 },
		{ "DG-69", "市生态环境局", "2022", MISSED, 2, 1 },
	};
	RUN("DG-69", "2023-01-01", NULL, recs, NULL, exp);
}

/* DG-70 "An inspection in which the acting officer lacked the certificate that day is a finding (持证上岗)." */
static void test_dg_70_certificate_valid_on_the_day(void **state)
{
	(void)state;
	static const char *const recs[] = {
		"enforcement_certificate|执法员甲|2019-01-01|||||||2020-12-31",
		"enforcement_certificate|执法员乙|2018-01-01|||||||2020-02-01",
		"inspection|执法员甲|2020-03-01||I1", "inspection|执法员乙|2020-03-01||I2",
		"inspection|执法员乙|2020-01-15||I0", /* before 31 January 2020: not checked */
		NULL,
	};
	static const expect exp[] = {
		{ "DG-70-enforcement", "执法员甲", "I1", MET, 1, 0 },
		{ "DG-70-enforcement", "执法员乙", "I2", MISSED, 0, 0 },
		{ "DG-70-enforcement", "执法员乙", "I0", NO_ROW, 0, 0 },
	};
	RUN("DG-70", "2020-03-31", NULL, recs, NULL, exp);
}

/* DG-60 「撤销考核年度市授予的有关环境保护方面的荣誉称号」: a revocation tied to the failing
 * result; no limit (R0.9(b)), so a missing one is open with its delay, never late. */
static void test_dg_60_honours_revoked_open_until_done(void **state)
{
	(void)state;
	static const char *const recs[] = {
		"annual_fail|塘厦镇|2021-01-31||F1", "honour_revocation|市环委会|2021-02-15|||F1",
		"annual_fail|凤岗镇|2021-01-31||F2",
		NULL,
	};
	static const expect exp[] = {
		{ "DG-60-honours", "塘厦镇", "F1", MET, 1, 15 }, /* 31 January → 15 February: 15 days */
		{ "DG-60-honours", "凤岗镇", "F2", OPEN, 0, 31 }, /* 31 January → 3 March: 31 days, still open */
	};
	RUN("DG-60-honours", "2021-03-03", NULL, recs, NULL, exp);
}

/* DG-70 「其他辅助监管人员一律考取《采样资格证》」: each sampling by an auxiliary needs a
 * certificate valid that day: its last day of validity counts, the day after does not. */
static void test_dg_70_sampling_certificate_last_valid_day(void **state)
{
	(void)state;
	static const char *const recs[] = {
		"sampling_certificate|辅助员甲|2019-06-01|||||||2020-06-30",
		"sampling|辅助员甲|2020-06-30||S1", /* the certificate's last day */
		"sampling|辅助员甲|2020-07-01||S2", /* the day after */
		"sampling|辅助员乙|2020-01-30||S0", /* before 31 January 2020: not checked */
		NULL,
	};
	static const expect exp[] = {
		{ "DG-70-sampling", "辅助员甲", "S1", MET, 1, 0 },
		{ "DG-70-sampling", "辅助员甲", "S2", MISSED, 0, 0 },
		{ "DG-70-sampling", "辅助员乙", "S0", NO_ROW, 0, 0 },
	};
	RUN("DG-70-sampling", "2020-07-31", NULL, recs, NULL, exp);
}

/* DG-73 "due for rotation at 3 years … At 5 years it is a breach … Tenure runs
 * from the later of the appointment and 1 January 2020". */
static void test_dg_73_rotation_at_3_years_breach_at_5_and_home_place(void **state)
{
	(void)state;
	static const char *const recs[] = {
		"sensitive_post|人员甲|2018-05-01||A1||执法一科",  /* counted from 2020-01-01: due 2023-01-01 */
		"rotation|人事科|2022-12-31|||A1",
		"sensitive_post|人员乙|2020-03-15||A2||执法二科",  /* due 2023-03-15, breach 2025-03-15 */
		"#home_place|人员丙|1980-01-01|塘厦镇",
		"principal_posting|人员丙|2021-03-01||P1||塘厦镇",
		NULL,
	};
	static const expect exp[] = {
		{ "DG-73-rotation", "人员甲", "A1", MET, 1, 0 },
		{ "DG-73-rotation", "人员乙", "A2", MISSED, 0, 1 },
		{ "DG-73-coverage", "人员乙", "A2", NOT_DUE, 0, 0 },
		{ "DG-73-home", "人员丙", "P1", BREACH, 0, 0 },
	};
	RUN("DG-73", "2023-03-16", NULL, recs, NULL, exp);
}

/* DG-60 "publicly criticise the town … interview its Party and government
 * principals … honours revoked"; DG-61 "Within 1 month of the publication of
 * the results", "published 31 January → due 28 or 29 February". */
static void test_dg_60_61_after_a_failing_annual_result(void **state)
{
	(void)state;
	static const char *const recs[] = {
		"annual_fail|塘厦镇|2021-01-31||F1", "written_explanation|塘厦镇|2021-02-28|||F1||copied_to_bureau",
		"public_criticism|市委|2021-02-10|||F1",
		"annual_fail|凤岗镇|2021-01-31||F2", "written_explanation|凤岗镇|2021-03-01|||F2||copied_to_bureau",
		"annual_fail|清溪镇|2021-01-31||F3", "written_explanation|清溪镇|2021-02-01|||F3", /* not copied to the bureau */
		NULL,
	};
	static const expect exp[] = {
		{ "DG-61", "塘厦镇", "F1", MET, 1, 0 },
		{ "DG-61", "凤岗镇", "F2", LATE, 1, 1 },
		{ "DG-61", "清溪镇", "F3", INCOMPLETE, 0, ANY },
		{ "DG-60-criticism", "塘厦镇", "F1", MET, 1, 10 },
		{ "DG-60-interview", "塘厦镇", "F1", OPEN, 0, 31 },
	};
	{
		dcase c60 = { "DG-60", "2021-03-03", NULL, recs, NULL, exp + 3, 2 };
		eg_duty_rows_free(run_case(&c60));
	}
	{
		dcase c = { "dongguan-2019", "2021-03-03", "2021-01-01", recs, NULL, exp, N(exp) };
		eg_duty_rows_free(run_case(&c));
	}
}

/* DG-9, DG-15 (night 22:00–06:00 or a rest day), DG-17. */
static void test_dg_9_15_17_cadences(void **state)
{
	(void)state;
	static const char *const recs[] = {
		"inspection|市生态环境局|2026-10-05 23:10", /* night */
		"inspection|市生态环境局|2026-10-02 10:00", /* a holiday (National Day) */
		"inspection|市生态环境局|2026-10-10 10:00", /* Saturday, but an adjusted working day: no */
		"inspection|塘厦镇|2026-10-09 05:59", "inspection|塘厦镇|2026-10-13 22:00",
		"inspection|塘厦镇|2026-10-14 21:59", /* not night */
		"inspection|塘厦镇|2026-10-31 23:59",
		"inspection|KO-1|2026-10-20", "cross_town|市生态环境局|2026-03-01",
		NULL,
	};
	static const char *const mems[] = { "town=塘厦镇", "key_object=KO-1", "key_object=KO-2", NULL };
	static const expect exp[] = {
		{ "DG-15-city", "市生态环境局", "2026-10", MET, 2, 0 },
		{ "DG-15-town", "塘厦镇", "2026-10", MISSED, 3, 1 }, /* 05:59, 22:00, 23:59: 3 < 4 */
		{ "DG-9", "KO-1", "2026-10", MET, 1, 0 },
		{ "DG-9", "KO-2", "2026-10", MISSED, 0, 1 },
		{ "DG-17-town", "市生态环境局", "2026", NOT_DUE, 1, 0 },
	};
	RUN("dongguan-2019", "2026-11-01", "2026-10-01", recs, mems, exp);
}

/* DG-15 specialists ≥ 4 a month at night (22:00–06:00) or on a rest day; DG-17
 * 「4市联合交叉执法不少于5次」 and cross-village checks ≥ 12 a year for each town:
 * the last day of the window counts, the day after counts in the next one (R0.6). */
static void test_dg_15_specialist_and_dg_17_city_village_windows(void **state)
{
	(void)state;
	static const char *const recs[] = {
		/* 专管员甲: 05:59, 22:00, Sunday 18 October, and 23:59 on 31 October, its last day: 4 */
		"inspection|专管员甲|2026-10-09 05:59", "inspection|专管员甲|2026-10-13 22:00",
		"inspection|专管员甲|2026-10-18 10:00", "inspection|专管员甲|2026-10-31 23:59",
		/* 专管员乙: 06:00 is not night, 1 November is the next month: 3 in October */
		"inspection|专管员乙|2026-10-09 05:59", "inspection|专管员乙|2026-10-13 22:00",
		"inspection|专管员乙|2026-10-15 06:00", "inspection|专管员乙|2026-10-18 10:00",
		"inspection|专管员乙|2026-11-01 00:30",
		/* the city: 4 joint cross-city actions in 2026 plus one on 31 December = 5; 1 January 2027 is 2027's */
		"cross_city|市生态环境局|2026-02-01", "cross_city|市生态环境局|2026-05-01", "cross_city|市生态环境局|2026-08-01",
		"cross_city|市生态环境局|2026-11-01", "cross_city|市生态环境局|2026-12-31", "cross_city|市生态环境局|2027-01-01",
		NULL,
	};
	static const char *const mems[] = { "specialist=专管员甲", "specialist=专管员乙", "town=塘厦镇", "town=凤岗镇", NULL };
	static const expect exp[] = {
		{ "DG-15-specialist", "专管员甲", "2026-10", MET, 4, 0 },
		{ "DG-15-specialist", "专管员乙", "2026-10", MISSED, 3, 62 }, /* due 31 October, judged 1 January: 62 days */
		{ "DG-17-city", "市生态环境局", "2026", MET, 5, 0 },
		{ "DG-17-city", "市生态环境局", "2027", NOT_DUE, 1, 0 },
		{ "DG-17-village", "塘厦镇", "2026", MET, 12, 0 },
		{ "DG-17-village", "凤岗镇", "2026", MISSED, 11, 1 }, /* 11 < 12, due 31 December, judged 1 January */
	};
	const char *all[64];
	char buf[24][48];
	size_t n = 0, b = 0;
	for (size_t i = 0; recs[i]; i++)
		all[n++] = recs[i];
	/* 12 cross-village checks by 塘厦镇 in 2026 (one a month, the last on 31 December), 11 by 凤岗镇. */
	for (int m = 1; m <= 12; m++) {
		snprintf(buf[b], sizeof buf[b], "cross_village|塘厦镇|2026-%02d-%02d", m, m == 12 ? 31 : 15);
		all[n++] = buf[b++];
		if (m < 12) {
			snprintf(buf[b], sizeof buf[b], "cross_village|凤岗镇|2026-%02d-15", m);
			all[n++] = buf[b++];
		}
	}
	snprintf(buf[b], sizeof buf[b], "cross_village|凤岗镇|2027-01-01"); /* the day after: 2027's */
	all[n++] = buf[b++];
	all[n] = NULL;
	{
		dcase c = { "dongguan-2019", "2027-01-01", "2026-10-01", all, mems, exp, N(exp) };
		eg_duty_rows_free(run_case(&c));
	}
}

/* ------------------------------------------------------------------ */
/* 9.4 MEE                                                               */
/* ------------------------------------------------------------------ */

/* MEE-2.1 (a) "及時 means within 20 working days of their adoption"; (b) "dated
 * before its result is published"; (c) "within 20 working days of the decision". */
static void test_mee_2_1_publication_and_onsite_review(void **state)
{
	(void)state;
	static const char *const recs[] = {
		"procedure_adopted|陕西省生态环境厅|2021-03-01||PA1",
		"procedure_published|陕西省生态环境厅|2021-03-29|||PA1", /* the 20th working day */
		"grade_decided|陕西省生态环境厅|2021-04-01||G1||企业甲|A",
		"grade_published|陕西省生态环境厅|2021-04-30|||G1|企业甲", /* the 21st */
		"onsite_review|陕西省生态环境厅|2021-03-20||||企业甲",
		NULL,
	};
	static const expect exp[] = {
		{ "MEE-2.1-procedure", "陕西省生态环境厅", "PA1", MET, 1, 0 },
		{ "MEE-2.1-results", "陕西省生态环境厅", "G1", LATE, 1, 1 },
		{ "MEE-2.1-onsite", "陕西省生态环境厅", "grade_published 2021-04-30", MET, 1, 0 },
	};
	static const char *const recs2[] = {
		"grade_published|陕西省生态环境厅|2021-05-10|||G2|企业乙", NULL, /* no on-site review */
	};
	static const expect exp2[] = { { "MEE-2.1-onsite", "陕西省生态环境厅", "grade_published 2021-05-10", MISSED, 0, 0 } };
	RUN("MEE-2.1", "2021-05-31", NULL, recs, NULL, exp);
	RUN("MEE-2.1", "2021-05-31", NULL, recs2, NULL, exp2);
}

/* MEE-2.2 "The provincial grading authority reviews strictly every enterprise that
 * applies (申報) for grade A, B or leading (「嚴格審核」)": a review of the enterprise
 * on or before the decision on its application; the day after is late, none at all
 * is missed: both are findings. */
static void test_mee_2_2_strict_review_before_the_decision(void **state)
{
	(void)state;
	static const char *const recs[] = {
		"high_application_decided|陕西省生态环境厅|2021-04-10||HA1||企业甲",
		"strict_review|陕西省生态环境厅|2021-04-10||||企业甲", /* the decision's day: in time */
		"high_application_decided|陕西省生态环境厅|2021-04-20||HA2||企业乙",
		"strict_review|陕西省生态环境厅|2021-04-21||||企业乙", /* the day after */
		"high_application_decided|陕西省生态环境厅|2021-05-06||HA3||企业丁", /* no review */
		"high_application_decided|陕西省生态环境厅|2020-10-04||HA0||企业丙", /* before the notice */
		NULL,
	};
	static const expect exp[] = {
		{ "MEE-2.2-review", "陕西省生态环境厅", "HA1", MET, 1, 0 },
		{ "MEE-2.2-review", "陕西省生态环境厅", "HA2", LATE, 1, 1 },
		{ "MEE-2.2-review", "陕西省生态环境厅", "HA3", MISSED, 0, 0 },
		{ "MEE-2.2-review", "陕西省生态环境厅", "HA0", NO_ROW, 0, 0 },
	};
	RUN("MEE-2.2-review", "2021-05-31", NULL, recs, NULL, exp);
}

/* MEE-2.2 pledge "missing, or dated after the record, is a finding"; MEE-2.3
 * recusal; MEE-2.4 "After that date: a grade for that enterprise is an error;
 * that unit or expert taking part in grading is a finding." */
static void test_mee_2_2_2_3_2_4_grading_integrity(void **state)
{
	(void)state;
	static const char *const recs[] = {
		"integrity_pledge|专家甲|2021-02-01", "integrity_pledge|专家乙|2021-03-02",
		"grading|专家甲;专家乙|2021-03-01||GR1||企业甲",
		"#consulting|咨询公司丙|2020-01-01|企业甲", "grading|咨询公司丙|2021-03-05||GR2||企业甲",
		"#bribery|*|2021-05-01|企业丁", "grading|专家甲|2021-04-30||GR3||企业丁",
		"grading|专家甲|2021-05-01||GR4||企业丁",
		"#misreport|专家乙|2021-06-01|*", "grading|专家乙|2021-06-02||GR5||企业戊",
		NULL,
	};
	static const expect exp[] = {
		{ "MEE-2.2-pledge", "专家甲", "GR1", MET, 1, 0 },
		{ "MEE-2.2-pledge", "专家乙", "GR1", LATE, 1, 1 },
		{ "MEE-2.3", "咨询公司丙", "GR2", BREACH, 0, 0 },
		{ "MEE-2.3", "专家甲", "GR1", MET, 0, 0 },
		{ "MEE-2.4", "专家甲", "GR3", MET, 0, 0 },   /* the day before the flag */
		{ "MEE-2.4", "专家甲", "GR4", BREACH, 0, 0 }, /* from the flag's date */
		{ "MEE-2.4", "专家乙", "GR5", BREACH, 0, 0 },
		{ "MEE-2.3", "专家甲", "GR4", MET, 0, 0 },   /* bribery is MEE-2.4's, not a recusal */
	};
	RUN("mee-2020", "2021-06-30", "2021-01-01", recs, NULL, exp);
}

/* MEE-3.1 "files the emergency reduction list by 30 September every year". */
static void test_mee_3_1_filed_by_30_september(void **state)
{
	(void)state;
	static const char *const recs[] = {
		"reduction_list_filing|陕西省|2021-09-30", "reduction_list_filing|陕西省|2022-10-01", NULL,
	};
	static const char *const mems[] = { "province=陕西省", NULL };
	static const expect exp[] = {
		{ "MEE-3.1", "陕西省", "2020", NO_ROW, 0, 0 }, /* the notice is of October 2020: yearly from 2021 */
		{ "MEE-3.1", "陕西省", "2021", MET, 1, 0 },
		{ "MEE-3.1", "陕西省", "2022", LATE, 1, 1 },
		{ "MEE-3.1", "陕西省", "2023", NOT_DUE, 0, 0 },
	};
	RUN("MEE-3.1", "2023-06-01", NULL, recs, mems, exp);
}

/* MEE-3.2 "A plan made for a different grade is a finding (mismatch, "两张皮")."
 * The enterprise is notified of its grade (the event, by the enterprise). */
static void test_mee_3_2_plan_for_the_current_grade(void **state)
{
	(void)state;
	static const char *const recs[] = {
		"grade_notified|企业甲|2021-04-01||G1||企业甲|B", "reduction_plan|企业甲|2021-04-20||||企业甲|B",
		"grade_notified|企业乙|2021-04-01||G2||企业乙|B", "reduction_plan|企业乙|2021-04-20||||企业乙|C",
		"grade_notified|企业丙|2021-04-01||G3||企业丙|A",
		NULL,
	};
	static const expect exp[] = {
		{ "MEE-3.2", "企业甲", "G1", MET, 1, 19 },          /* made after 19 days (reported) */
		{ "MEE-3.2", "企业乙", "G2", INCOMPLETE, 0, ANY },   /* a plan for C, the grade is B */
		{ "MEE-3.2", "企业丙", "G3", OPEN, 0, 30 },          /* no plan yet, no limit */
	};
	RUN("MEE-3.2", "2021-05-01", NULL, recs, NULL, exp);
}

/* MEE-3.3 "for each heavy-pollution alert period (start, end, level), at least
 * one inspection record of reduction measures dated within the period". */
static void test_mee_3_3_inspection_within_each_alert(void **state)
{
	(void)state;
	static const char *const recs[] = {
		"alert_period|西安市生态环境局|2021-01-10 08:00||AL1|||orange||2021-01-12 20:00",
		"reduction_inspection|西安市生态环境局|2021-01-12 20:00", /* the alert's last minute */
		"alert_period|西安市生态环境局|2021-01-20 08:00||AL2|||yellow||2021-01-21 20:00",
		"reduction_inspection|西安市生态环境局|2021-01-22 09:00",
		NULL,
	};
	static const expect exp[] = {
		{ "MEE-3.3", "西安市生态环境局", "AL1", MET, 2, 0 },
		/* the inspection of 12 January is before this alert: it does not count */
		{ "MEE-3.3", "西安市生态环境局", "AL2", LATE, 1, 1 },
	};
	RUN("MEE-3.3", "2021-01-31", NULL, recs, NULL, exp);
}

/* ------------------------------------------------------------------ */
/* 9.5 Yulin                                                             */
/* ------------------------------------------------------------------ */

/* YL-4.1.2 "a joint Party–government meeting counts for both bodies"; from Q3 2019 (R0.7). */
static void test_yl_4_1_2_principal_study_each_quarter(void **state)
{
	(void)state;
	static const char *const recs[] = {
		"principal_study|榆林市委;榆林市政府|2019-08-01", "principal_study|榆林市委|2019-11-01", NULL,
	};
	static const char *const mems[] = { "body=榆林市委", "body=榆林市政府", NULL };
	static const expect exp[] = {
		{ "YL-4.1.2", "榆林市委", "2019Q2", NO_ROW, 0, 0 },
		{ "YL-4.1.2", "榆林市委", "2019Q3", MET, 1, 0 },
		{ "YL-4.1.2", "榆林市政府", "2019Q3", MET, 1, 0 },
		{ "YL-4.1.2", "榆林市委", "2019Q4", MET, 1, 0 },
		{ "YL-4.1.2", "榆林市政府", "2019Q4", MISSED, 0, 1 },
	};
	RUN("YL-4.1.2", "2020-01-01", NULL, recs, mems, exp);
}

/* YL-4.2.3 "each change is published within 20 working days (R0.9(a))". */
static void test_yl_4_2_3_soil_list_change_published(void **state)
{
	(void)state;
	static const char *const recs[] = {
		"soil_list_change|榆林市生态环境局|2026-09-30||SL1",
		"soil_list_publication|榆林市生态环境局|2026-11-03|||SL1",
		"soil_list_change|榆林市生态环境局|2026-10-12||SL2",
		NULL,
	};
	static const expect exp[] = {
		{ "YL-4.2.3", "榆林市生态环境局", "SL1", MET, 1, 0 },
		/* from Mon 12 Oct: 13–16 (4), 19–23 (9), 26–30 (14), 2–6 Nov (19), Mon 9 Nov (20) */
		{ "YL-4.2.3", "榆林市生态环境局", "SL2", MISSED, 0, 1 },
	};
	RUN("YL-4.2.3", "2026-11-10", NULL, recs, NULL, exp);
}

/* YL-4.4.7 (a) the column, a standing check; (b) no period (R0.11); (c) "open to
 * public visits by 31 December 2020". */
static void test_yl_4_4_7_column_exposure_and_facilities(void **state)
{
	(void)state;
	static const char *const recs[] = {
		"env_column|电视台综合频道|2019-08-01", "exposure_report|市委宣传部|2019-07-01",
		"exposure_report|市委宣传部|2019-09-01", "facility_open|污水处理厂甲|2020-12-31", NULL,
	};
	static const char *const mems[] = { "eligible_facility=污水处理厂甲", "eligible_facility=垃圾处理厂乙", NULL };
	static const expect exp[] = {
		{ "YL-4.4.7-column", "电视台综合频道", "", MET, 1, 0 },
		{ "YL-4.4.7-column", "报纸", "", MISSED, 0, 0 },
		/* from 2019-06-28: 3, 62, then to 2021-01-04: 491 */
		{ "YL-4.4.7-exposure", "市委宣传部", "", NOTED, 2, 491 },
		{ "YL-4.4.7-facilities", "污水处理厂甲", "", MET, 1, 0 },
		{ "YL-4.4.7-facilities", "垃圾处理厂乙", "", MISSED, 0, 4 },
	};
	RUN("YL-4.4.7", "2021-01-04", NULL, recs, mems, exp);
}

/* YL-5.6 "(b) The rectification plan is published within 20 working days of
 * its date, 28 June 2019 (R0.9(a))": Fri 28 June + 20 working days = Fri 26 July. */
static void test_yl_5_6_plan_in_20_working_days_and_columns(void **state)
{
	(void)state;
	static const char *const on_time[] = { "plan_published|市委宣传部|2019-07-26", "rectification_column|市电视台|2019-07-01",
					       NULL };
	static const char *const late[] = { "plan_published|市委宣传部|2019-07-29", NULL };
	static const expect exp1[] = {
		{ "YL-5.6-plan", "市委宣传部", "", MET, 1, 0 },
		{ "YL-5.6-column", "市电视台", "", MET, 1, 0 },
		{ "YL-5.6-column", "市报", "", MISSED, 0, 0 },
	};
	static const expect exp2[] = { { "YL-5.6-plan", "市委宣传部", "", LATE, 1, 3 } };
	RUN("YL-5.6", "2019-08-01", NULL, on_time, NULL, exp1);
	RUN("YL-5.6", "2019-08-01", NULL, late, NULL, exp2);
}

/* YL-5.6 (c) "Default: no fixed period (R0.11). Dates are recorded and the longest
 * gap is reported"; (d) counties and departments, no period either. Never a finding. */
static void test_yl_5_6_progress_longest_gap_noted(void **state)
{
	(void)state;
	static const char *const recs[] = {
		"progress_report|市委宣传部|2019-07-01", "progress_report|市委宣传部|2019-09-01",
		"progress_report|榆阳区|2019-08-01",
		NULL,
	};
	static const char *const mems[] = { "body=榆阳区", "body=神木市", NULL };
	static const expect exp[] = {
		/* 28 June → 1 July: 3; 1 July → 1 September: 62; 1 September → 1 December: 91 */
		{ "YL-5.6-progress", "市委宣传部", "", NOTED, 2, 91 },
		/* 28 June → 1 August: 34; 1 August → 1 December: 122 */
		{ "YL-5.6-counties", "榆阳区", "", NOTED, 1, 122 },
		/* nothing: 28 June → 1 December, 156 days */
		{ "YL-5.6-counties", "神木市", "", NOTED, 0, 156 },
	};
	RUN("YL-5.6", "2019-12-01", NULL, recs, mems, exp);
}

/* YL-5.3 "one bulletin per calendar month from July 2019 (R0.7) … gives each lead unit's progress";
 * YL-5.4 "within 3 months … Months are counted by R0.10". */
static void test_yl_5_3_monthly_bulletin_and_yl_5_4_three_months(void **state)
{
	(void)state;
	static const char *const recs[] = {
		"progress_bulletin|市整改办|2019-07-31||||||市住建局,市生态环境局",
		"progress_bulletin|市整改办|2019-08-31||||||市住建局",
		"case_transfer|市纪委监委|2019-11-30||T1", "handling_opinion|市纪委监委|2020-02-29|||T1",
		"case_transfer|市纪委监委|2019-11-30||T2", "handling_opinion|市纪委监委|2020-03-01|||T2",
		NULL,
	};
	static const char *const mems[] = { "lead_unit=市住建局", "lead_unit=市生态环境局", NULL };
	static const expect exp[] = {
		{ "YL-5.3", "市整改办", "2019-06", NO_ROW, 0, 0 },
		{ "YL-5.3", "市整改办", "2019-07", MET, 1, 0 },
		{ "YL-5.3", "市整改办", "2019-08", INCOMPLETE, 0, ANY },
		/* 30 November + 3 months: 29 February 2020 (no 30th) */
		{ "YL-5.4", "市纪委监委", "T1", MET, 1, 0 },
		{ "YL-5.4", "市纪委监委", "T2", LATE, 1, 1 },
		{ "YL-5.4-publication", "市纪委监委", "T1", OPEN, 0, ANY },
	};
	RUN("yulin-2019", "2020-03-02", "2019-06-01", recs, mems, exp);
}

/* ------------------------------------------------------------------ */
/* The mechanism: presets, options, errors, allocation failures          */
/* ------------------------------------------------------------------ */

static void test_duty_presets_are_well_formed_and_found_by_rule(void **state)
{
	(void)state;
	static const char *const names[] = { "changji-2023", "dongguan-2019", "jiangmen-2021", "mee-2020", "yulin-2019" };
	eg_duty_set *s = NULL;
	eg_duty_def d;
	size_t total = 0;
	for (size_t k = 0; k < N(names); k++) {
		assert_int_equal(eg_duty_set_preset(&s, names[k]), EG_OK);
		assert_true(eg_duty_set_count(s) > 0);
		total += eg_duty_set_count(s);
		for (size_t i = 0; i < eg_duty_set_count(s); i++) {
			assert_int_equal(eg_duty_set_at(&d, s, i), EG_OK);
			assert_int_equal(d.version, EG_DUTY_DEF_VERSION);
			assert_true(d.min_count >= 1);
			assert_non_null(d.rule);
			assert_non_null(d.name_zh);
			assert_non_null(d.name_en);
		}
		eg_duty_set_free(s);
	}
	assert_true(total >= 70);
	/* A rule ID takes every duty that cites it. */
	assert_int_equal(eg_duty_set_preset(&s, "DG-68"), EG_OK);
	assert_int_equal(eg_duty_set_count(s), 4);
	assert_error(eg_duty_set_at(&d, s, 4), EG_ERANGE, "duty 4 of a set of 4");
	assert_error(eg_duty_set_at(NULL, s, 0), EG_EINVAL, "NULL");
	eg_duty_set_free(s);
	assert_error(eg_duty_set_preset(&s, "XX-1"), EG_ENOTFOUND, "XX-1");
	assert_error(eg_duty_set_preset(NULL, "DG-68"), EG_EINVAL, "NULL");
	assert_int_equal(eg_duty_set_count(NULL), 0);
}

/*
 * Every duty carries its source, as items and ladder clauses do: the
 * article and the seed's words that section 9 quotes under "Seed:". The
 * presets carry the shipped documents' sources, the rows of the status cite
 * them beside the rule ID, and a set built by hand has none until one is set.
 */
static void test_duty_sources_dg_52_in_presets_rows_and_sets(void **state)
{
	(void)state;
	static const char *const names[] = { "changji-2023", "dongguan-2019", "jiangmen-2021", "mee-2020", "yulin-2019" };
	char long_quote[1026];
	eg_duty_set *s = NULL;
	eg_duty_rows *rows = NULL;
	eg_duty_def d = EG_DUTY_DEF_INIT;
	const char *a = "x", *q = "x";
	size_t total = 0;
	for (size_t k = 0; k < N(names); k++) {
		assert_int_equal(eg_duty_set_preset(&s, names[k]), EG_OK);
		for (size_t i = 0; i < eg_duty_set_count(s); i++, total++) {
			assert_int_equal(eg_duty_set_source(&a, &q, s, i), EG_OK);
			assert_non_null(a);
			assert_non_null(q);
			assert_true(*a && *q);
		}
		eg_duty_set_free(s);
	}
	assert_int_equal(total, 90); /* 29 + 33 + 6 + 10 + 12 */
	/* DG-52: both duties cite 第52项 and its one sentence. */
	assert_int_equal(eg_duty_set_preset(&s, "DG-52"), EG_OK);
	assert_int_equal(eg_duty_set_count(s), 2);
	for (size_t i = 0; i < 2; i++) {
		assert_int_equal(eg_duty_set_source(&a, &q, s, i), EG_OK);
		assert_string_equal(a, "第52项");
		assert_string_equal(q, "每月1次书面通报、每季度召开1次新闻发布会或媒体见面会");
	}
	/* On 2020-01-15 with an empty log: the bulletin of December 2019 (from its start,
	 * R0.7) is missed, January 2020 not yet due; the press conference of Q1 2020 is not
	 * yet due. Every row cites the source of its duty. */
	assert_int_equal(eg_duty_status(&rows, s, NULL, "2020-01-15", NULL), EG_OK);
	assert_int_equal(eg_duty_rows_count(rows), 3);
	assert_string_equal(eg_duty_rows_period(rows, 0), "2019-12");
	assert_int_equal(eg_duty_rows_state(rows, 0), EG_DUTY_STATE_MISSED);
	assert_string_equal(eg_duty_rows_period(rows, 2), "2020Q1");
	for (size_t i = 0; i < 3; i++) {
		a = q = NULL;
		assert_int_equal(eg_duty_rows_source(&a, &q, rows, i), EG_OK);
		assert_string_equal(eg_duty_rows_rule(rows, i), "DG-52");
		assert_string_equal(a, "第52项");
		assert_string_equal(q, "每月1次书面通报、每季度召开1次新闻发布会或媒体见面会");
	}
	a = q = "untouched";
	assert_error(eg_duty_rows_source(&a, &q, rows, 3), EG_ERANGE, "duty row 3 of 3");
	assert_string_equal(a, "untouched");
	assert_error(eg_duty_rows_source(NULL, &q, rows, 0), EG_EINVAL, "NULL");
	assert_error(eg_duty_rows_source(&a, &q, NULL, 0), EG_EINVAL, "NULL");
	eg_duty_rows_free(rows);
	eg_duty_set_free(s);

	/* A duty added by hand has no source; its rows say so with NULLs. */
	assert_int_equal(eg_duty_set_new(&s), EG_OK);
	d.id = "m", d.rule = "DG-52", d.kind = "written_bulletin", d.actor = "市局", d.start = "2020-01-01";
	assert_int_equal(eg_duty_set_add(s, &d), EG_OK);
	assert_int_equal(eg_duty_set_source(&a, &q, s, 0), EG_OK);
	assert_null(a);
	assert_null(q);
	assert_int_equal(eg_duty_status(&rows, s, NULL, "2020-01-31", NULL), EG_OK);
	assert_int_equal(eg_duty_rows_count(rows), 1);
	a = q = "x";
	assert_int_equal(eg_duty_rows_source(&a, &q, rows, 0), EG_OK);
	assert_null(a);
	assert_null(q);
	eg_duty_rows_free(rows);
	/* Set, then replaced. */
	assert_int_equal(eg_duty_set_set_source(s, "m", "第52项", "每月1次书面通报"), EG_OK);
	assert_int_equal(eg_duty_set_set_source(s, "m", "第52项", "每月1次书面通报、每季度召开1次新闻发布会或媒体见面会"), EG_OK);
	assert_int_equal(eg_duty_set_source(&a, &q, s, 0), EG_OK);
	assert_string_equal(a, "第52项");
	assert_string_equal(q, "每月1次书面通报、每季度召开1次新闻发布会或媒体见面会");
	/* Refusals leave the source as it was. */
	memset(long_quote, 'q', 1025);
	long_quote[1025] = '\0'; /* 1025 bytes: one more than a quote may hold */
	assert_error(eg_duty_set_set_source(s, "m", "第52项", long_quote), EG_ERANGE, "source quote");
	long_quote[1024] = '\0'; /* 1024 bytes: the most a quote may hold */
	assert_int_equal(eg_duty_set_set_source(s, "m", "第52项", long_quote), EG_OK);
	assert_int_equal(eg_duty_set_source(&a, &q, s, 0), EG_OK);
	assert_int_equal(strlen(q), 1024);
	assert_int_equal(eg_duty_set_set_source(s, "m", "第52项", "每月1次书面通报"), EG_OK);
	assert_error(eg_duty_set_set_source(s, "m", "", "每月1次书面通报"), EG_EINVAL, "source article");
	assert_error(eg_duty_set_set_source(s, "m", "第52项", NULL), EG_EINVAL, "source quote");
	assert_error(eg_duty_set_set_source(s, "m", "第52项", "\xff"), EG_EUTF8, NULL);
	assert_error(eg_duty_set_set_source(s, "DG-52-bulletin", "第52项", "每月1次书面通报"), EG_ENOTFOUND,
		     "no duty DG-52-bulletin in the set");
	assert_error(eg_duty_set_set_source(NULL, "m", "第52项", "每月1次书面通报"), EG_EINVAL, "NULL");
	assert_error(eg_duty_set_set_source(s, NULL, "第52项", "每月1次书面通报"), EG_EINVAL, "NULL");
	assert_int_equal(eg_duty_set_source(&a, &q, s, 0), EG_OK);
	assert_string_equal(a, "第52项");
	assert_string_equal(q, "每月1次书面通报");
	a = q = "untouched";
	assert_error(eg_duty_set_source(&a, &q, s, 1), EG_ERANGE, "duty 1 of a set of 1");
	assert_string_equal(q, "untouched");
	assert_error(eg_duty_set_source(&a, NULL, s, 0), EG_EINVAL, "NULL");
	assert_error(eg_duty_set_source(&a, &q, NULL, 0), EG_EINVAL, "NULL");
	eg_duty_set_free(s);
}

/* R0.7 alternative "from the period that contains the start date"; R0.5
 * alternative "rolling 7-day windows". */
static void test_r0_7_start_containing_and_r0_5_rolling_weeks(void **state)
{
	(void)state;
	eg_duty_set *s = NULL;
	eg_duty_log *l = NULL;
	eg_duty_rows *rows = NULL;
	eg_duty_def d = EG_DUTY_DEF_INIT;
	eg_duty_record r = EG_DUTY_RECORD_INIT;
	assert_int_equal(eg_duty_set_new(&s), EG_OK);
	assert_int_equal(eg_duty_log_new(&l), EG_OK);
	d.id = "q", d.rule = "DG-19", d.kind = "m", d.actor = "a", d.period = EG_DUTY_PERIOD_QUARTER;
	d.start = "2019-12-01", d.flags = EG_DUTY_FLAG_START_CONTAINING;
	assert_int_equal(eg_duty_set_add(s, &d), EG_OK);
	d.id = "w", d.period = EG_DUTY_PERIOD_WEEK, d.start = "2019-12-04", d.flags = EG_DUTY_FLAG_ROLLING_WEEK;
	assert_int_equal(eg_duty_set_add(s, &d), EG_OK);
	r.kind = "m", r.actor = "a", r.time = "2019-12-10";
	assert_int_equal(eg_duty_log_add(l, &r), EG_OK);
	assert_int_equal(eg_duty_status(&rows, s, l, "2019-12-18", NULL), EG_OK);
	/* q: 2019Q4 (contains 1 Dec) listed, met by 10 Dec; w: windows 4–10 (met), 11–17 (missed), 18–24 (not due). */
	assert_int_equal(eg_duty_rows_count(rows), 4);
	assert_string_equal(eg_duty_rows_period(rows, 0), "2019Q4");
	assert_int_equal(eg_duty_rows_state(rows, 0), EG_DUTY_STATE_MET);
	assert_string_equal(eg_duty_rows_period(rows, 1), "2019-12-04");
	assert_int_equal(eg_duty_rows_state(rows, 1), EG_DUTY_STATE_MET);
	assert_string_equal(eg_duty_rows_period(rows, 2), "2019-12-11");
	assert_int_equal(eg_duty_rows_state(rows, 2), EG_DUTY_STATE_MISSED);
	assert_int_equal(eg_duty_rows_days(rows, 2), 1);
	assert_string_equal(eg_duty_rows_period(rows, 3), "2019-12-18");
	assert_int_equal(eg_duty_rows_state(rows, 3), EG_DUTY_STATE_NOT_DUE);
	eg_duty_rows_free(rows);
	eg_duty_set_free(s);
	eg_duty_log_free(l);
}

/* The catalogue's alternatives as rule-set choices: DG-51 "a rule-set grace
 * period after the quarter ends", R0.10 "extension is the alternative" for an
 * administrative period, a minute limit given a date only, an event with no end. */
static void test_duty_grace_extension_and_limits(void **state)
{
	(void)state;
	eg_duty_set *s = NULL;
	eg_duty_log *l = NULL;
	eg_duty_rows *rows = NULL;
	eg_duty_workdays *w = test_calendar();
	eg_duty_status_options o = EG_DUTY_STATUS_OPTIONS_INIT;
	eg_duty_def d = EG_DUTY_DEF_INIT;
	assert_int_equal(eg_duty_set_new(&s), EG_OK);
	assert_int_equal(eg_duty_log_new(&l), EG_OK);
	/* Quarterly declaration for the quarter, with 5 working days of grace after it:
	 * Q3 2026 ends Wed 30 September; 1-7 October are holidays; Thu 8 (1), Fri 9 (2),
	 * Sat 10 worked (3), Mon 12 (4), Tue 13 October (5). */
	d.id = "grace", d.rule = "DG-51", d.kind = "self_declaration", d.actor = "企业甲", d.period = EG_DUTY_PERIOD_QUARTER;
	d.flags = EG_DUTY_FLAG_FOR_PERIOD, d.limit_unit = EG_DUTY_UNIT_WORKDAYS, d.limit = 5, d.start = "2026-07-01";
	assert_int_equal(eg_duty_set_add(s, &d), EG_OK);
	/* A month's report due at the month's end, extended over rest days: Saturday 31
	 * October moves to Monday 2 November. */
	d = (eg_duty_def)EG_DUTY_DEF_INIT;
	d.id = "extended", d.rule = "R0.10", d.kind = "bulletin", d.actor = "办", d.period = EG_DUTY_PERIOD_MONTH;
	d.flags = EG_DUTY_FLAG_FOR_PERIOD | EG_DUTY_FLAG_EXTEND, d.start = "2026-10-01", d.end = "2026-10-31";
	assert_int_equal(eg_duty_set_add(s, &d), EG_OK);
	/* Once, 3 calendar days after 1 October (the 4th, a holiday) extended to Thursday 8 October. */
	d = (eg_duty_def)EG_DUTY_DEF_INIT;
	d.id = "once", d.rule = "R0.10", d.shape = EG_DUTY_SHAPE_ONCE, d.kind = "filing", d.actor = "办";
	d.start = "2026-10-01", d.limit_unit = EG_DUTY_UNIT_DAYS, d.limit = 3, d.flags = EG_DUTY_FLAG_EXTEND;
	assert_int_equal(eg_duty_set_add(s, &d), EG_OK);
	/* An event with no end: its own day is the window. */
	d = (eg_duty_def)EG_DUTY_DEF_INIT;
	d.id = "window", d.rule = "MEE-3.3", d.shape = EG_DUTY_SHAPE_EVENT, d.kind = "check", d.event_kind = "alert_period";
	d.match = EG_DUTY_MATCH_ACTOR, d.limit_unit = EG_DUTY_UNIT_WINDOW;
	assert_int_equal(eg_duty_set_add(s, &d), EG_OK);
	/* Minutes, a response given as a date only: read at the day's end (23:59), late by (23:59 - 10:00) - 60 = 839 - 60 = 779 minutes. */
	d.id = "minutes", d.rule = "CJ-G.9", d.kind = "feedback", d.event_kind = "alert", d.match = EG_DUTY_MATCH_EVENT_ID;
	d.limit_unit = EG_DUTY_UNIT_MINUTES, d.limit = 60;
	assert_int_equal(eg_duty_set_add(s, &d), EG_OK);
	{
		static const char *const recs[] = {
			"self_declaration|企业甲|2026-10-13|2026Q3", "bulletin|办|2026-11-02|2026-10",
			"filing|办|2026-10-08", "alert_period|局|2026-10-12 08:00||AP1", "check|局|2026-10-12 20:00",
			"alert|县|2026-10-12 10:00||A1", "feedback|县|2026-10-12||F1|A1", NULL,
		};
		for (size_t i = 0; recs[i]; i++)
			add_spec(l, recs[i]);
	}
	o.workdays = w;
	assert_int_equal(eg_duty_status(&rows, s, l, "2026-11-10", &o), EG_OK);
	{
		size_t i;
		i = find_row(rows, "grace", "企业甲", "2026Q3");
		assert_int_equal(eg_duty_rows_state(rows, i), EG_DUTY_STATE_MET);
		assert_string_equal(eg_duty_rows_due(rows, i), "2026-10-13");
		i = find_row(rows, "extended", "办", "2026-10");
		assert_int_equal(eg_duty_rows_state(rows, i), EG_DUTY_STATE_MET); /* the extended last day */
		assert_string_equal(eg_duty_rows_due(rows, i), "2026-11-02");
		i = find_row(rows, "once", "办", "");
		assert_int_equal(eg_duty_rows_state(rows, i), EG_DUTY_STATE_MET);
		assert_string_equal(eg_duty_rows_due(rows, i), "2026-10-08");
		i = find_row(rows, "window", "局", "AP1");
		assert_int_equal(eg_duty_rows_state(rows, i), EG_DUTY_STATE_MET);
		i = find_row(rows, "minutes", "县", "A1");
		assert_int_equal(eg_duty_rows_state(rows, i), EG_DUTY_STATE_LATE);
		assert_int_equal(eg_duty_rows_days(rows, i), 779);
		assert_non_null(strstr(eg_duty_rows_message(rows, i, EG_LANG_EN), "779 minute(s) past the limit"));
	}
	eg_duty_rows_free(rows);
	/* A working-day grace without a calendar is refused, naming the calendar. */
	o.workdays = NULL;
	assert_error(eg_duty_status(&rows, s, l, "2026-11-10", &o), EG_EINVAL, "calendar");
	eg_duty_set_free(s);
	eg_duty_log_free(l);
	eg_duty_workdays_free(w);
}

static void test_duty_def_errors(void **state)
{
	(void)state;
	eg_duty_set *s = NULL;
	eg_duty_def d = EG_DUTY_DEF_INIT, ok;
	assert_int_equal(eg_duty_set_new(&s), EG_OK);
	d.id = "x", d.rule = "R", d.kind = "k", d.actor = "a", d.start = "2026-01-01";
	ok = d;
	assert_int_equal(eg_duty_set_add(s, &d), EG_OK);
	assert_error(eg_duty_set_add(s, &d), EG_EEXISTS, "duty x");
	d.id = "y";
#define BAD(field, value, code, needle)                                                                               \
	do {                                                                                                           \
		eg_duty_def b_ = d;                                                                                    \
		b_.field = value;                                                                                      \
		assert_error(eg_duty_set_add(s, &b_), code, needle);                                                    \
	} while (0)
	BAD(version, 2, EG_EINVAL, "version 2");
	BAD(id, "", EG_EINVAL, "duty ID is empty");
	BAD(rule, NULL, EG_EINVAL, "rule ID");
	BAD(shape, 9, EG_EINVAL, "shape 9");
	BAD(kind, NULL, EG_EINVAL, "no record kind");
	BAD(kind, "a  b", EG_EINVAL, "empty entry");
	BAD(actor, NULL, EG_EINVAL, "no actor and no group");
	BAD(group, "g", EG_EINVAL, "not both");
	BAD(period, 6, EG_EINVAL, "period 6");
	BAD(min_count, 0, EG_EINVAL, "at least 0");
	BAD(start, "2026-1-1", EG_EINVAL, "start or end");
	BAD(end, "2025-12-31", EG_EINVAL, "before its start");
	BAD(due_day, 32, EG_EINVAL, "day 32");
	BAD(due_months, 121, EG_EINVAL, "121 months");
	BAD(limit_unit, EG_DUTY_UNIT_MONTHS, EG_EINVAL, "periodic");
	BAD(limit_unit, 8, EG_EINVAL, "limit unit 8");
	BAD(limit, -1, EG_EINVAL, "limit -1");
	BAD(flags, 0x400u, EG_EINVAL, "unknown flags 0x400");
	BAD(tags, "a+", EG_EINVAL, "empty entry");
	BAD(name_zh, "", EG_EINVAL, "Chinese name");
	{
		eg_duty_def e = d;
		e.shape = EG_DUTY_SHAPE_EVENT, e.actor = NULL;
		assert_error(eg_duty_set_add(s, &e), EG_EINVAL, "event kind");
		e.event_kind = "ev", e.match = 3;
		assert_error(eg_duty_set_add(s, &e), EG_EINVAL, "match 3");
		e.match = EG_DUTY_MATCH_ACTOR;
		assert_int_equal(eg_duty_set_add(s, &e), EG_OK);
		e.id = "z", e.shape = EG_DUTY_SHAPE_CONFLICT, e.actor = "a";
		assert_error(eg_duty_set_add(s, &e), EG_EINVAL, "from the acts");
		e.actor = NULL, e.limit_unit = EG_DUTY_UNIT_DAYS;
		assert_error(eg_duty_set_add(s, &e), EG_EINVAL, "conflict or gap");
		e.shape = EG_DUTY_SHAPE_ONCE, e.actor = "a", e.start = NULL, e.limit_unit = EG_DUTY_UNIT_NONE;
		assert_error(eg_duty_set_add(s, &e), EG_EINVAL, "needs its start");
		e.start = "2026-01-01", e.limit_unit = EG_DUTY_UNIT_WINDOW;
		assert_error(eg_duty_set_add(s, &e), EG_EINVAL, "once");
	}
#undef BAD
	assert_error(eg_duty_set_add(NULL, &ok), EG_EINVAL, "NULL");
	assert_error(eg_duty_set_add(s, NULL), EG_EINVAL, "NULL");
	assert_int_equal(eg_duty_set_count(s), 2);
	{
		eg_duty_def x;
		memset(&x, 0x5a, sizeof x);
		assert_error(eg_duty_def_init(&x, 0), EG_EINVAL, "version 0");
		assert_int_equal(x.version, 0x5a5a5a5au); /* nothing written */
		assert_int_equal(eg_duty_def_init(&x, EG_DUTY_DEF_VERSION), EG_OK);
		assert_int_equal(x.shape, EG_DUTY_SHAPE_PERIODIC);
		assert_int_equal(x.period, EG_DUTY_PERIOD_MONTH);
		assert_int_equal(x.min_count, 1);
		assert_null(x.id);
	}
	eg_duty_set_free(s);
	eg_duty_set_free(NULL);
	assert_error(eg_duty_set_new(NULL), EG_EINVAL, "NULL");
}

static void test_duty_record_errors(void **state)
{
	(void)state;
	eg_duty_log *l = NULL;
	eg_duty_record r = EG_DUTY_RECORD_INIT, x;
	assert_int_equal(eg_duty_log_new(&l), EG_OK);
	r.kind = "k", r.actor = "a", r.time = "2026-10-01 09:00";
	assert_int_equal(eg_duty_log_add(l, &r), EG_OK);
#define BADR(field, value, needle)                                                                                   \
	do {                                                                                                           \
		x = r;                                                                                                 \
		x.field = value;                                                                                       \
		assert_error(eg_duty_log_add(l, &x), EG_EINVAL, needle);                                               \
	} while (0)
	BADR(version, 9, "version 9");
	BADR(type, 3, "type 3");
	BADR(kind, NULL, "record kind");
	BADR(actor, ";a", "empty entry");
	BADR(time, "2026-10-01 24:00", "record time");
	BADR(time, NULL, "(null)");
	BADR(end, "2026-09-30", "before its time");
	BADR(end, "yesterday", "record end");
	BADR(period, "2026Q5", "record period");
	BADR(period, "2026-W54", "record period");
	BADR(period, "2026-13", "record period");
	BADR(period, "2026H3", "record period");
	BADR(period, "0000", "record period");
	BADR(tags, "a,,b", "empty entry");
	BADR(id, "", "record ID is empty");
	x = r;
	x.type = EG_DUTY_RECORD_TYPE_EXCEPTION, x.rule = "DG-68";
	assert_error(eg_duty_log_add(l, &x), EG_EINVAL, "reason and an approver");
	x.period = "2021", x.reason = "r", x.approver = "p";
	assert_int_equal(eg_duty_log_add(l, &x), EG_OK);
	x = r;
	x.type = EG_DUTY_RECORD_TYPE_CONFLICT, x.actor = "*";
	assert_error(eg_duty_log_add(l, &x), EG_EINVAL, "needs a subject");
	x.subject = "*";
	assert_error(eg_duty_log_add(l, &x), EG_EINVAL, "not both");
	x.subject = "O";
	assert_int_equal(eg_duty_log_add(l, &x), EG_OK);
#undef BADR
	/* 2026-W53 exists (2026 has 53 ISO weeks); 2027-W53 does not. */
	x = r;
	x.period = "2026-W53";
	assert_int_equal(eg_duty_log_add(l, &x), EG_OK);
	x.period = "2027-W53";
	assert_error(eg_duty_log_add(l, &x), EG_EINVAL, "2027-W53");
	assert_int_equal(eg_duty_log_count(l), 4);
	assert_error(eg_duty_log_add_member(l, "g", "a;b"), EG_EINVAL, "contains");
	assert_error(eg_duty_log_add_member(l, "", "a"), EG_EINVAL, "group is empty");
	assert_error(eg_duty_log_add_member(NULL, "g", "a"), EG_EINVAL, "NULL");
	assert_int_equal(eg_duty_log_add_member(l, "g", "a"), EG_OK);
	assert_int_equal(eg_duty_log_add_member(l, "g", "a"), EG_OK); /* twice counts once */
	assert_error(eg_duty_log_add(NULL, &r), EG_EINVAL, "NULL");
	assert_error(eg_duty_log_new(NULL), EG_EINVAL, "NULL");
	{
		eg_duty_record y;
		memset(&y, 0x5a, sizeof y);
		assert_error(eg_duty_record_init(&y, 2), EG_EINVAL, "version 2");
		assert_int_equal(eg_duty_record_init(&y, EG_DUTY_RECORD_VERSION), EG_OK);
		assert_null(y.kind);
		assert_int_equal(y.type, EG_DUTY_RECORD_TYPE_DONE);
	}
	eg_duty_log_free(l);
	eg_duty_log_free(NULL);
	assert_int_equal(eg_duty_log_count(NULL), 0);
}

static void test_duty_status_errors_and_accessors(void **state)
{
	(void)state;
	eg_duty_set *s = NULL;
	eg_duty_rows *rows = NULL;
	eg_duty_status_options o = EG_DUTY_STATUS_OPTIONS_INIT;
	eg_duty_def d = EG_DUTY_DEF_INIT;
	assert_int_equal(eg_duty_set_preset(&s, "DG-15-city"), EG_OK);
	/* DG-15 counts rest days: without a calendar it cannot. */
	{
		eg_duty_log *l = NULL;
		eg_duty_record r = EG_DUTY_RECORD_INIT;
		assert_int_equal(eg_duty_log_new(&l), EG_OK);
		r.kind = "inspection", r.actor = "市生态环境局", r.time = "2026-10-02 10:00";
		assert_int_equal(eg_duty_log_add(l, &r), EG_OK);
		assert_error(eg_duty_status(&rows, s, l, "2026-10-31", NULL), EG_EINVAL, "working-day calendar");
		eg_duty_log_free(l);
	}
	assert_error(eg_duty_status(&rows, s, NULL, "2026-10-32", NULL), EG_EINVAL, "2026-10-32");
	assert_error(eg_duty_status(NULL, s, NULL, "2026-10-31", NULL), EG_EINVAL, "NULL");
	assert_error(eg_duty_status(&rows, NULL, NULL, "2026-10-31", NULL), EG_EINVAL, "NULL");
	o.version = 7;
	assert_error(eg_duty_status(&rows, s, NULL, "2026-10-31", &o), EG_EINVAL, "version 7");
	o.version = EG_DUTY_STATUS_OPTIONS_VERSION, o.flags = 0x8;
	assert_error(eg_duty_status(&rows, s, NULL, "2026-10-31", &o), EG_EINVAL, "flags 0x8");
	o.flags = 0, o.from = "2026/10/01";
	assert_error(eg_duty_status(&rows, s, NULL, "2026-10-31", &o), EG_EINVAL, "from");
	eg_duty_set_free(s);
	/* A duty with no start needs `from`. */
	assert_int_equal(eg_duty_set_new(&s), EG_OK);
	d.id = "x", d.rule = "R", d.kind = "k", d.actor = "a";
	assert_int_equal(eg_duty_set_add(s, &d), EG_OK);
	assert_error(eg_duty_status(&rows, s, NULL, "2026-10-31", NULL), EG_EINVAL, "no start");
	o.from = "2026-10-01";
	o.flags = EG_DUTY_STATUS_FINDINGS_ONLY;
	assert_int_equal(eg_duty_status(&rows, s, NULL, "2026-10-31", &o), EG_OK);
	/* October is not over on the 31st: not due, so no finding. */
	assert_int_equal(eg_duty_rows_count(rows), 0);
	eg_duty_rows_free(rows);
	o.flags = 0;
	assert_int_equal(eg_duty_status(&rows, s, NULL, "2026-11-01", &o), EG_OK);
	assert_int_equal(eg_duty_rows_count(rows), 2);
	assert_string_equal(eg_duty_rows_period(rows, 0), "2026-10");
	assert_string_equal(eg_duty_rows_due(rows, 0), "2026-10-31");
	assert_int_equal(eg_duty_rows_required(rows, 0), 1);
	assert_string_equal(eg_duty_rows_rule(rows, 0), "R");
	assert_string_equal(eg_duty_rows_message(rows, 0, EG_LANG_EN),
			    "a: 2026-10 k: 0 of at least 1, missed, due 2026-10-31, 1 day(s) past it (R)");
	assert_string_equal(eg_duty_rows_message(rows, 0, EG_LANG_ZH),
			    "a：2026-10 k 0 次，要求不少于 1 次，未完成，截止 2026-10-31，逾期 1 天（R）");
	assert_null(eg_duty_rows_rule(rows, 2));
	assert_null(eg_duty_rows_duty(rows, 2));
	assert_null(eg_duty_rows_actor(rows, 2));
	assert_null(eg_duty_rows_period(rows, 2));
	assert_null(eg_duty_rows_due(rows, 2));
	assert_null(eg_duty_rows_message(rows, 2, EG_LANG_EN));
	assert_int_equal(eg_duty_rows_required(rows, 2), -1);
	assert_int_equal(eg_duty_rows_counted(rows, 2), -1);
	assert_int_equal(eg_duty_rows_state(rows, 2), -1);
	assert_int_equal(eg_duty_rows_in_principle(rows, 2), -1);
	assert_int_equal(eg_duty_rows_days(rows, 2), -1);
	assert_int_equal(eg_duty_rows_count(NULL), 0);
	eg_duty_rows_free(rows);
	eg_duty_rows_free(NULL);
	eg_duty_set_free(s);
	assert_string_equal(eg_duty_state_name(EG_DUTY_STATE_NOT_DUE), "not_due");
	assert_null(eg_duty_state_name(9));
	assert_null(eg_duty_state_name(-1));
	{
		eg_duty_status_options x;
		memset(&x, 0x5a, sizeof x);
		assert_error(eg_duty_status_options_init(&x, 0), EG_EINVAL, "version 0");
		assert_int_equal(eg_duty_status_options_init(&x, EG_DUTY_STATUS_OPTIONS_VERSION), EG_OK);
		assert_null(x.from);
		assert_int_equal(x.flags, 0);
	}
}

static int scenario_status(void *unused)
{
	eg_duty_set *s = NULL;
	eg_duty_log *l = NULL;
	eg_duty_rows *rows = NULL;
	eg_duty_record r = EG_DUTY_RECORD_INIT;
	int rc;
	(void)unused;
	if ((rc = eg_duty_set_preset(&s, "CJ-M-3.5")) < 0)
		return rc;
	if ((rc = eg_duty_log_new(&l)) < 0)
		goto out;
	r.kind = "weekly_dispatch", r.actor = "州大气办", r.time = "2026-10-09", r.covers = "昌吉市";
	if ((rc = eg_duty_log_add(l, &r)) < 0 || (rc = eg_duty_log_add_member(l, "level2", "昌吉市")) < 0)
		goto out;
	{
		eg_duty_status_options o = EG_DUTY_STATUS_OPTIONS_INIT;
		o.from = "2026-10-05";
		if ((rc = eg_duty_status(&rows, s, l, "2026-10-19", &o)) == EG_OK)
			assert_int_equal(eg_duty_rows_count(rows), 15 + 3 + 3); /* 15 days, 3 weeks twice */
	}
out:
	eg_duty_rows_free(rows);
	eg_duty_log_free(l);
	eg_duty_set_free(s);
	return rc;
}

static void test_duty_calendar_every_allocation_failure_is_clean(void **state)
{
	(void)state;
	assert_true(tu_alloc_fail_loop(scenario_status, NULL) >= 10);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_r0_9_twenty_working_days_over_national_day),
		cmocka_unit_test(test_r0_10_months_end_of_month_and_extension),
		cmocka_unit_test(test_r0_9_calendar_errors),
		cmocka_unit_test(test_cj_m_3_2_monthly_target_for_each_month),
		cmocka_unit_test(test_cj_m_3_5_daily_consultation_every_calendar_day),
		cmocka_unit_test(test_cj_m_3_5_weekly_dispatch_covers_every_unit_and_special_report),
		cmocka_unit_test(test_cj_m_3_6_bulletin_of_m_dated_in_m_plus_1),
		cmocka_unit_test(test_cj_m_5_2_level_3_daily_record_and_roster_gap),
		cmocka_unit_test(test_cj_a1_5_every_change_filed_no_limit),
		cmocka_unit_test(test_cj_a1_11_act_while_a_conflict_is_in_force),
		cmocka_unit_test(test_cj_a1_16_yearly_key_source_list),
		cmocka_unit_test(test_cj_a1_19_change_published_in_20_working_days_and_feedback),
		cmocka_unit_test(test_cj_a1_22_plan_letter_and_summary_checked_after_the_year),
		cmocka_unit_test(test_cj_a4_2_2_5_1_steps_before_a_typical_case_is_published),
		cmocka_unit_test(test_cj_a4_4_2_weekly_column_in_each_outlet),
		cmocka_unit_test(test_cj_a4_4_1_quarterly_batch_in_principle),
		cmocka_unit_test(test_cj_g_8_cadences),
		cmocka_unit_test(test_cj_g_9_alert_feedback_60_and_result_120_minutes),
		cmocka_unit_test(test_cj_a3_5_ranking_circulated_next_month),
		cmocka_unit_test(test_jm_2_1_3_monthly_monitoring_of_top_dischargers),
		cmocka_unit_test(test_jm_2_2_1_half_year_and_year_bulletins),
		cmocka_unit_test(test_jm_2_1_2_district_by_the_3rd_city_by_the_15th),
		cmocka_unit_test(test_dg_19_quarterly_petition_meeting_from_q1_2020),
		cmocka_unit_test(test_dg_20_monitoring_the_same_day_as_the_inspection),
		cmocka_unit_test(test_dg_24_quarterly_enforcement_with_deputies_invited),
		cmocka_unit_test(test_dg_34_av_record_covers_the_whole_inspection),
		cmocka_unit_test(test_dg_40_quarterly_joint_meeting),
		cmocka_unit_test(test_dg_49_display_screen_by_30_june_2020),
		cmocka_unit_test(test_dg_51_quarterly_self_declaration),
		cmocka_unit_test(test_dg_52_monthly_bulletin_and_quarterly_press_conference),
		cmocka_unit_test(test_dg_53_quarterly_legal_publicity_is_binding),
		cmocka_unit_test(test_dg_56_weekly_typical_case_from_2_december_2019),
		cmocka_unit_test(test_dg_68_yearly_trainings_in_principle),
		cmocka_unit_test(test_dg_69_four_practical_trainings_a_year_from_2021),
		cmocka_unit_test(test_dg_70_certificate_valid_on_the_day),
		cmocka_unit_test(test_dg_73_rotation_at_3_years_breach_at_5_and_home_place),
		cmocka_unit_test(test_dg_60_61_after_a_failing_annual_result),
		cmocka_unit_test(test_dg_9_15_17_cadences),
		cmocka_unit_test(test_dg_15_specialist_and_dg_17_city_village_windows),
		cmocka_unit_test(test_dg_60_honours_revoked_open_until_done),
		cmocka_unit_test(test_dg_70_sampling_certificate_last_valid_day),
		cmocka_unit_test(test_mee_2_1_publication_and_onsite_review),
		cmocka_unit_test(test_mee_2_2_strict_review_before_the_decision),
		cmocka_unit_test(test_mee_2_2_2_3_2_4_grading_integrity),
		cmocka_unit_test(test_mee_3_1_filed_by_30_september),
		cmocka_unit_test(test_mee_3_2_plan_for_the_current_grade),
		cmocka_unit_test(test_mee_3_3_inspection_within_each_alert),
		cmocka_unit_test(test_yl_4_1_2_principal_study_each_quarter),
		cmocka_unit_test(test_yl_4_2_3_soil_list_change_published),
		cmocka_unit_test(test_yl_4_4_7_column_exposure_and_facilities),
		cmocka_unit_test(test_yl_5_6_plan_in_20_working_days_and_columns),
		cmocka_unit_test(test_yl_5_6_progress_longest_gap_noted),
		cmocka_unit_test(test_yl_5_3_monthly_bulletin_and_yl_5_4_three_months),
		cmocka_unit_test(test_duty_presets_are_well_formed_and_found_by_rule),
		cmocka_unit_test(test_duty_sources_dg_52_in_presets_rows_and_sets),
		cmocka_unit_test(test_r0_7_start_containing_and_r0_5_rolling_weeks),
		cmocka_unit_test(test_duty_grace_extension_and_limits),
		cmocka_unit_test(test_duty_def_errors),
		cmocka_unit_test(test_duty_record_errors),
		cmocka_unit_test(test_duty_status_errors_and_accessors),
		cmocka_unit_test(test_duty_calendar_every_allocation_failure_is_clean),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
