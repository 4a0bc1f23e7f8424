/* duty.h: CJ-G.9 alerts, DG-30 equipment, MEE-1 / MEE-3.1, cadence presets (CJ-G.8, DG-9, DG-15, DG-17), obligations (YL-5.4, DG-61, DG-67); the duty calendar is tests/test_duty_calendar.c. */
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

static void test_yl_5_4_dg_61_dg_67_due_dates_and_overdue(void **state)
{
	(void)state;
	int late;
	char due[11];
	/* YL-5.4: 3 months; from 2026-11-30 -> 2027-02-28 (last day of February). */
	assert_int_equal(eg_duty_obligation_due(due, EG_DUTY_OBLIGATION_YL_5_4, "2026-11-30", 0), EG_OK);
	assert_string_equal(due, "2027-02-28");
	/* DG-61: 1 month from 2026-01-31 -> 2026-02-28. */
	assert_int_equal(eg_duty_obligation_due(due, EG_DUTY_OBLIGATION_DG_61, "2026-01-31", 0), EG_OK);
	assert_string_equal(due, "2026-02-28");
	/* DG-67: 12 months from 2026-03-15 -> 2027-03-15; 13 is out of range. */
	assert_int_equal(eg_duty_obligation_due(due, EG_DUTY_OBLIGATION_DG_67, "2026-03-15", 12), EG_OK);
	assert_string_equal(due, "2027-03-15");
	assert_error(eg_duty_obligation_due(due, EG_DUTY_OBLIGATION_DG_67, "2026-03-15", 13), EG_ERANGE, "13 months");
	assert_int_equal(eg_duty_obligation_overdue(&late, "2026-02-28", "2026-02-28", "2026-06-01"), EG_OK);
	assert_int_equal(late, 0); /* done on the due day */
	assert_int_equal(eg_duty_obligation_overdue(&late, "2026-02-28", NULL, "2026-03-01"), EG_OK);
	assert_int_equal(late, 1);
}

static void test_yl_5_4_dg_61_dg_67_due_dates_bounds_and_errors(void **state)
{
	(void)state;
	char due[11] = "unchanged";
	/* DG-67: 3 months is the shortest restriction: 2026-03-15 -> 2026-06-15; 2 is refused. */
	assert_int_equal(eg_duty_obligation_due(due, EG_DUTY_OBLIGATION_DG_67, "2026-03-15", 3), EG_OK);
	assert_string_equal(due, "2026-06-15");
	assert_error(eg_duty_obligation_due(due, EG_DUTY_OBLIGATION_DG_67, "2026-03-15", 2), EG_ERANGE, "2 months is not 3-12");
	/* YL-5.4: 2024-11-30 + 3 months -> 2025-02-28 (not a leap year); 2023-11-30 -> 2024-02-29. */
	assert_int_equal(eg_duty_obligation_due(due, EG_DUTY_OBLIGATION_YL_5_4, "2023-11-30", 0), EG_OK);
	assert_string_equal(due, "2024-02-29");
	/* The last dates that have a due date: 9999-09-30 + 3 -> 9999-12-30, and
	 * 9999-11-30 + 1 (DG-61) -> 9999-12-30. */
	assert_int_equal(eg_duty_obligation_due(due, EG_DUTY_OBLIGATION_YL_5_4, "9999-09-30", 0), EG_OK);
	assert_string_equal(due, "9999-12-30");
	assert_int_equal(eg_duty_obligation_due(due, EG_DUTY_OBLIGATION_DG_61, "9999-11-30", 0), EG_OK);
	assert_string_equal(due, "9999-12-30");
	/* Regression: 9999-11-30 + 3 months is 10000-02-29, which used to come
	 * back as "0000-02-29" with EG_OK; it is out of range. */
	strcpy(due, "unchanged");
	assert_error(eg_duty_obligation_due(due, EG_DUTY_OBLIGATION_YL_5_4, "9999-11-30", 0), EG_ERANGE,
		     "9999-11-30 plus 3 months is after 9999-12-31");
	assert_error(eg_duty_obligation_due(due, EG_DUTY_OBLIGATION_DG_61, "9999-12-01", 0), EG_ERANGE,
		     "9999-12-01 plus 1 months is after 9999-12-31");
	assert_string_equal(due, "unchanged");
	assert_error(eg_duty_obligation_due(due, 3, "2026-03-15", 0), EG_EINVAL, "kind 3 is not one of eg_duty_obligation");
	assert_error(eg_duty_obligation_due(due, -1, "2026-03-15", 0), EG_EINVAL, "kind -1");
	assert_error(eg_duty_obligation_due(due, EG_DUTY_OBLIGATION_DG_61, NULL, 0), EG_EINVAL, "start \"(null)\"");
	assert_error(eg_duty_obligation_due(due, EG_DUTY_OBLIGATION_DG_61, "2026-3-15", 0), EG_EINVAL, "start \"2026-3-15\"");
	assert_error(eg_duty_obligation_due(NULL, EG_DUTY_OBLIGATION_DG_61, "2026-03-15", 0), EG_EINVAL, "eg_duty_obligation_due");
}

static void test_yl_5_4_obligation_overdue_both_sides_and_errors(void **state)
{
	(void)state;
	int late = -1;
	/* Done the day after the due date: late, whatever the day judged. */
	assert_int_equal(eg_duty_obligation_overdue(&late, "2026-02-28", "2026-03-01", "2026-01-01"), EG_OK);
	assert_int_equal(late, 1);
	/* Not done, judged on the due day: not yet overdue. */
	assert_int_equal(eg_duty_obligation_overdue(&late, "2026-02-28", NULL, "2026-02-28"), EG_OK);
	assert_int_equal(late, 0);
	assert_error(eg_duty_obligation_overdue(NULL, "2026-02-28", NULL, "2026-02-28"), EG_EINVAL, "dates must be YYYY-MM-DD");
	assert_error(eg_duty_obligation_overdue(&late, NULL, NULL, "2026-02-28"), EG_EINVAL, "dates must be YYYY-MM-DD");
	assert_error(eg_duty_obligation_overdue(&late, "2026-02-28", NULL, NULL), EG_EINVAL, "dates must be YYYY-MM-DD");
	assert_error(eg_duty_obligation_overdue(&late, "2026-02-29", NULL, "2026-02-28"), EG_EINVAL, "dates must be YYYY-MM-DD");
	assert_error(eg_duty_obligation_overdue(&late, "2026-02-28", NULL, "2026-2-28"), EG_EINVAL, "dates must be YYYY-MM-DD");
	assert_error(eg_duty_obligation_overdue(&late, "2026-02-28", "2026-0301", "2026-02-28"), EG_EINVAL, "dates must be YYYY-MM-DD");
}

static void test_cj_g_9_deadlines_at_60_and_61_minutes(void **state)
{
	(void)state;
	int st[2];
	int32_t late[2];
	/* Feedback at exactly 60 minutes: on time; result at 121: 1 minute late. */
	assert_int_equal(eg_duty_alert_deadlines(st, late, "2026-10-01 09:00", "2026-10-01 10:00", "2026-10-01 11:01"), EG_OK);
	assert_int_equal(st[0], EG_DUTY_DEADLINE_ON_TIME);
	assert_int_equal(st[1], EG_DUTY_DEADLINE_LATE);
	assert_int_equal(late[1], 1);
	/* Feedback at 61 minutes: late by 1; result missing. Across midnight. */
	assert_int_equal(eg_duty_alert_deadlines(st, late, "2026-10-01 23:30", "2026-10-02 00:31", NULL), EG_OK);
	assert_int_equal(st[0], EG_DUTY_DEADLINE_LATE);
	assert_int_equal(late[0], 1);
	assert_int_equal(st[1], EG_DUTY_DEADLINE_MISSING);
	assert_error(eg_duty_alert_deadlines(st, late, "2026-10-01 09:00", "2026-10-01 08:59", NULL), EG_EINVAL,
		     "comes before the alert");
	assert_error(eg_duty_alert_deadlines(st, late, "2026-10-01 24:00", NULL, NULL), EG_EINVAL, "not YYYY-MM-DD HH:MM");
}

static void test_dg_30_equipment_due(void **state)
{
	(void)state;
	int due;
	assert_int_equal(eg_duty_equipment_due(&due, 10, "2016-05-01", "2026-05-01"), EG_OK);
	assert_int_equal(due, 0); /* 10 repairs and exactly 10 years: neither is "more than 10" */
	assert_int_equal(eg_duty_equipment_due(&due, 11, "2020-05-01", "2026-05-01"), EG_OK);
	assert_int_equal(due, 1); /* 11 repairs */
	assert_int_equal(eg_duty_equipment_due(&due, 0, "2016-05-01", "2026-05-02"), EG_OK);
	assert_int_equal(due, 1); /* 10 years and a day */
	assert_int_equal(eg_duty_equipment_due(&due, 0, "2016-02-29", "2026-02-28"), EG_OK);
	assert_int_equal(due, 0); /* anniversary of 29 February is 28 February */
	assert_int_equal(eg_duty_equipment_due(&due, 0, "2016-02-29", "2026-03-01"), EG_OK);
	assert_int_equal(due, 1);
	assert_error(eg_duty_equipment_due(&due, -1, "2016-02-29", "2026-03-01"), EG_EINVAL, "negative");
	assert_error(eg_duty_equipment_due(&due, 0, "2026-03-01", "2016-02-29"), EG_EINVAL, "before installation");
}

static void test_mee_1_lowest_indicator_and_mee_3_1_filing(void **state)
{
	(void)state;
	int g, late;
	int ind[] = { EG_DUTY_MEE_GRADE_A, EG_DUTY_MEE_GRADE_B, EG_DUTY_MEE_GRADE_A }, missing[] = { EG_DUTY_MEE_GRADE_A, EG_DUTY_MEE_GRADE_MISSING }, bad[] = { 9 };
	assert_int_equal(eg_duty_mee_grade_of(&g, 1, ind, 3), EG_OK);
	assert_int_equal(g, EG_DUTY_MEE_GRADE_B); /* 短板: the worst indicator */
	assert_int_equal(eg_duty_mee_grade_of(&g, 1, missing, 2), EG_OK);
	assert_int_equal(g, EG_DUTY_MEE_GRADE_D); /* a missing indicator counts as D */
	assert_int_equal(eg_duty_mee_grade_of(&g, 0, NULL, 0), EG_OK);
	assert_int_equal(g, EG_DUTY_MEE_GRADE_D); /* not applied: lowest */
	assert_error(eg_duty_mee_grade_of(&g, 1, bad, 1), EG_EINVAL, "grade 9");
	assert_int_equal(eg_duty_mee_reduction_required(EG_DUTY_MEE_GRADE_A), 0);
	assert_int_equal(eg_duty_mee_reduction_required(EG_DUTY_MEE_GRADE_LEADING), 0);
	assert_int_equal(eg_duty_mee_reduction_required(EG_DUTY_MEE_GRADE_B), 1);
	assert_int_equal(eg_duty_mee_reduction_required(7), -1);
	assert_int_equal(eg_duty_mee_filing_late(&late, 2026, "2026-09-30", NULL), EG_OK);
	assert_int_equal(late, 0); /* by 30 September, the day included (R0.3) */
	assert_int_equal(eg_duty_mee_filing_late(&late, 2026, "2026-10-01", NULL), EG_OK);
	assert_int_equal(late, 1);
	assert_int_equal(eg_duty_mee_filing_late(&late, 2026, NULL, "2026-10-01"), EG_OK);
	assert_int_equal(late, 1);
}

static void test_cj_g_8_dg_15_dg_17_cadence_presets(void **state)
{
	(void)state;
	const char *kind, *rule;
	int period;
	int32_t min;
	unsigned flags;
	assert_int_equal(eg_duty_cadence_preset(&kind, &period, &min, &flags, &rule, "DG-15-town"), EG_OK);
	assert_string_equal(kind, "inspection");
	assert_int_equal(period, EG_DUTY_PERIOD_MONTH);
	assert_int_equal(min, 4);
	assert_int_equal(flags, EG_DUTY_CADENCE_NIGHT_OR_HOLIDAY);
	assert_string_equal(rule, "DG-15");
	assert_int_equal(eg_duty_cadence_preset(&kind, &period, &min, &flags, &rule, "DG-17-village"), EG_OK);
	assert_int_equal(min, 12);
	assert_int_equal(period, EG_DUTY_PERIOD_YEAR);
	assert_int_equal(eg_duty_cadence_preset(&kind, &period, &min, &flags, &rule, "CJ-G.8-dispatch"), EG_OK);
	assert_int_equal(period, EG_DUTY_PERIOD_WEEK);
	assert_string_equal(rule, "CJ-G.8");
	/* DG-9: each key object inspected by the specialists every month. */
	assert_int_equal(eg_duty_cadence_preset(&kind, &period, &min, &flags, &rule, "DG-9"), EG_OK);
	assert_int_equal(period, EG_DUTY_PERIOD_MONTH);
	assert_int_equal(min, 1);
	assert_error(eg_duty_cadence_preset(&kind, &period, &min, &flags, &rule, "DG-99"), EG_ENOTFOUND, "DG-99");
	/* An event duty is no cadence (DG-61: a written explanation after each failing result). */
	assert_error(eg_duty_cadence_preset(&kind, &period, &min, &flags, &rule, "DG-61"), EG_ENOTFOUND, "DG-61");
	/* The deprecated view agrees with eg_duty_set_preset() on every periodic duty of every jurisdiction. */
	{
		static const char *const names[] = { "changji-2023", "dongguan-2019", "jiangmen-2021", "mee-2020", "yulin-2019" };
		size_t periodic = 0;
		for (size_t k = 0; k < sizeof names / sizeof names[0]; k++) {
			eg_duty_set *s = NULL;
			assert_int_equal(eg_duty_set_preset(&s, names[k]), EG_OK);
			for (size_t i = 0; i < eg_duty_set_count(s); i++) {
				eg_duty_def d;
				assert_int_equal(eg_duty_set_at(&d, s, i), EG_OK);
				if (d.shape != EG_DUTY_SHAPE_PERIODIC)
					continue;
				periodic++;
				assert_int_equal(eg_duty_cadence_preset(&kind, &period, &min, &flags, &rule, d.id), EG_OK);
				assert_string_equal(kind, d.kind);
				assert_int_equal(period, d.period);
				assert_int_equal(min, d.min_count);
				assert_int_equal(flags, d.flags & EG_DUTY_CADENCE_NIGHT_OR_HOLIDAY);
				assert_string_equal(rule, d.rule);
			}
			eg_duty_set_free(s);
		}
		assert_int_equal(periodic, 47); /* the shipped documents' periodic duties, CJ-G.8 (5), DG-9, DG-15 (3), DG-17 (3) among them */
	}
}

static void test_duty_bad_arguments(void **state)
{
	(void)state;
	int st[2], due, g, late;
	int32_t lt[2];
	assert_error(eg_duty_alert_deadlines(st, lt, "2026-10-01 09:00", "9:30", NULL), EG_EINVAL, "feedback time");
	assert_error(eg_duty_alert_deadlines(NULL, lt, "2026-10-01 09:00", NULL, NULL), EG_EINVAL, NULL);
	assert_error(eg_duty_equipment_due(&due, 0, "2026-13-01", "2026-01-01"), EG_EINVAL, "YYYY-MM-DD");
	assert_error(eg_duty_equipment_due(NULL, 0, "2026-01-01", "2026-01-01"), EG_EINVAL, NULL);
	assert_error(eg_duty_mee_grade_of(&g, 1, NULL, 0), EG_EINVAL, "at least one indicator");
	assert_error(eg_duty_mee_grade_of(NULL, 1, NULL, 0), EG_EINVAL, NULL);
	assert_error(eg_duty_mee_filing_late(&late, 2026, "2026-9-30", NULL), EG_EINVAL, "not a date");
	assert_error(eg_duty_mee_filing_late(&late, 0, "2026-09-30", NULL), EG_EINVAL, "year 0");
	assert_error(eg_duty_mee_filing_late(&late, 2026, NULL, NULL), EG_EINVAL, NULL);
}


static void test_mee_1_reduction_measures_by_grade_and_alert(void **state)
{
	(void)state;
	const char *table[15] = { NULL };
	const char *m = (const char *)1;
	table[EG_DUTY_MEE_GRADE_B * 3 + EG_DUTY_ALERT_LEVEL_ORANGE] = "限产30%";
	table[EG_DUTY_MEE_GRADE_D * 3 + EG_DUTY_ALERT_LEVEL_RED] = "停产";
	assert_int_equal(eg_duty_mee_reduction_measure(&m, table, EG_DUTY_MEE_GRADE_A, EG_DUTY_ALERT_LEVEL_RED), EG_OK);
	assert_null(m); /* grade A: no mandatory reduction */
	assert_int_equal(eg_duty_mee_reduction_measure(&m, table, EG_DUTY_MEE_GRADE_LEADING, EG_DUTY_ALERT_LEVEL_RED), EG_OK);
	assert_null(m);
	assert_int_equal(eg_duty_mee_reduction_measure(&m, table, EG_DUTY_MEE_GRADE_B, EG_DUTY_ALERT_LEVEL_ORANGE), EG_OK);
	assert_string_equal(m, "限产30%");
	assert_int_equal(eg_duty_mee_reduction_measure(&m, table, EG_DUTY_MEE_GRADE_D, EG_DUTY_ALERT_LEVEL_RED), EG_OK);
	assert_string_equal(m, "停产");
	assert_error(eg_duty_mee_reduction_measure(&m, table, EG_DUTY_MEE_GRADE_C, EG_DUTY_ALERT_LEVEL_YELLOW), EG_EINVAL, "no measure for grade 3");
	assert_error(eg_duty_mee_reduction_measure(&m, table, EG_DUTY_MEE_GRADE_C, 5), EG_EINVAL, "alert level 5");
}

/* ---- CJ-G.9, DG-30, MEE-1 edges ---- */

static void test_cj_g_9_result_time_errors_and_120_121_minutes(void **state)
{
	(void)state;
	int st[2];
	int32_t late[2];
	/* Result exactly 120 minutes after: on time; 121: 1 minute late. */
	assert_int_equal(eg_duty_alert_deadlines(st, late, "2026-10-01 09:00", NULL, "2026-10-01 11:00"), EG_OK);
	assert_int_equal(st[0], EG_DUTY_DEADLINE_MISSING);
	assert_int_equal(st[1], EG_DUTY_DEADLINE_ON_TIME);
	assert_int_equal(eg_duty_alert_deadlines(st, late, "2026-10-01 09:00", NULL, "2026-10-01 11:01"), EG_OK);
	assert_int_equal(st[1], EG_DUTY_DEADLINE_LATE);
	assert_int_equal(late[1], 1);
	assert_error(eg_duty_alert_deadlines(st, late, "2026-10-01 09:00", NULL, "11:01"), EG_EINVAL, "result time \"11:01\"");
	assert_error(eg_duty_alert_deadlines(st, late, "2026-10-01 09:00", NULL, "2026-10-01 08:00"), EG_EINVAL,
		     "result at 2026-10-01 08:00 comes before the alert");
	assert_error(eg_duty_alert_deadlines(st, NULL, "2026-10-01 09:00", NULL, NULL), EG_EINVAL, "eg_duty_alert_deadlines");
	assert_error(eg_duty_alert_deadlines(st, late, NULL, NULL, NULL), EG_EINVAL, "eg_duty_alert_deadlines");
	assert_error(eg_duty_alert_deadlines(st, late, "2026-10-01", NULL, NULL), EG_EINVAL, "alert time \"2026-10-01\"");
	/* Minutes late are an int32_t: 0001 -> 9999 is about 4.2e9 minutes, refused rather than wrapped. */
	late[0] = late[1] = -7;
	assert_error(eg_duty_alert_deadlines(st, late, "0001-01-01 00:00", "9999-12-31 23:59", NULL), EG_ERANGE,
		     "more than 2^31 minutes after the alert");
	assert_int_equal(late[0], -7); /* nothing written on failure */
	/* 4,000 years fits: 2000-01-01 -> 6000-01-01 is 1,460,970 days = 2,103,796,800 minutes, 60 on time. */
	assert_int_equal(eg_duty_alert_deadlines(st, late, "2000-01-01 00:00", "6000-01-01 00:00", NULL), EG_OK);
	assert_int_equal(late[0], 2103796800 - 60);
}

static void test_dg_30_ten_years_from_an_ordinary_date(void **state)
{
	(void)state;
	int due = -1;
	/* Installed 2016-02-28 (not the 29th): due after 2026-02-28, not on it. */
	assert_int_equal(eg_duty_equipment_due(&due, 0, "2016-02-28", "2026-02-28"), EG_OK);
	assert_int_equal(due, 0);
	assert_int_equal(eg_duty_equipment_due(&due, 0, "2016-02-28", "2026-03-01"), EG_OK);
	assert_int_equal(due, 1);
	/* 10 repairs: not due; 11: due (> 10), on the installation day itself. */
	assert_int_equal(eg_duty_equipment_due(&due, 10, "2016-06-30", "2016-06-30"), EG_OK);
	assert_int_equal(due, 0);
	assert_int_equal(eg_duty_equipment_due(&due, 11, "2016-06-30", "2016-06-30"), EG_OK);
	assert_int_equal(due, 1);
	assert_error(eg_duty_equipment_due(&due, 0, "2016-06-30", "2026-6-30"), EG_EINVAL, "must be YYYY-MM-DD");
	assert_error(eg_duty_equipment_due(&due, 0, NULL, "2026-06-30"), EG_EINVAL, "eg_duty_equipment_due: NULL");
	assert_error(eg_duty_equipment_due(&due, 0, "2016-06-30", NULL), EG_EINVAL, "eg_duty_equipment_due: NULL");
}

static void test_mee_1_grade_and_measure_argument_edges(void **state)
{
	(void)state;
	int g = -9;
	const char *m = "unchanged";
	const char *table[15] = { 0 };
	int ind[] = { EG_DUTY_MEE_GRADE_A, EG_DUTY_MEE_GRADE_MISSING };
	/* A missing indicator counts as D (短板). Not applied: D without indicators. */
	assert_int_equal(eg_duty_mee_grade_of(&g, 1, ind, 2), EG_OK);
	assert_int_equal(g, EG_DUTY_MEE_GRADE_D);
	assert_int_equal(eg_duty_mee_grade_of(&g, 0, NULL, 0), EG_OK);
	assert_int_equal(g, EG_DUTY_MEE_GRADE_D);
	assert_error(eg_duty_mee_grade_of(&g, 1, NULL, 2), EG_EINVAL, "eg_duty_mee_grade_of: NULL argument");
	assert_int_equal(eg_duty_mee_reduction_required(-1), -1);
	assert_int_equal(eg_duty_mee_reduction_required(5), -1);
	assert_int_equal(eg_duty_mee_reduction_required(EG_DUTY_MEE_GRADE_A), 0);
	assert_int_equal(eg_duty_mee_reduction_required(EG_DUTY_MEE_GRADE_B), 1);
	table[EG_DUTY_MEE_GRADE_B * 3 + EG_DUTY_ALERT_LEVEL_RED] = "停产";
	assert_int_equal(eg_duty_mee_reduction_measure(&m, table, EG_DUTY_MEE_GRADE_B, EG_DUTY_ALERT_LEVEL_RED), EG_OK);
	assert_string_equal(m, "停产");
	/* Grade A needs no measure, even with an empty table row. */
	assert_int_equal(eg_duty_mee_reduction_measure(&m, table, EG_DUTY_MEE_GRADE_A, EG_DUTY_ALERT_LEVEL_RED), EG_OK);
	assert_null(m);
	assert_error(eg_duty_mee_reduction_measure(NULL, table, EG_DUTY_MEE_GRADE_B, EG_DUTY_ALERT_LEVEL_RED), EG_EINVAL, "NULL argument");
	assert_error(eg_duty_mee_reduction_measure(&m, NULL, EG_DUTY_MEE_GRADE_B, EG_DUTY_ALERT_LEVEL_RED), EG_EINVAL, "NULL argument");
	assert_error(eg_duty_mee_reduction_measure(&m, table, -1, EG_DUTY_ALERT_LEVEL_RED), EG_EINVAL, "grade -1 or alert level 2");
	assert_error(eg_duty_mee_reduction_measure(&m, table, 5, EG_DUTY_ALERT_LEVEL_RED), EG_EINVAL, "grade 5");
	assert_error(eg_duty_mee_reduction_measure(&m, table, EG_DUTY_MEE_GRADE_B, -1), EG_EINVAL, "alert level -1");
}

/* ---- Cadence presets (the periodic duties of duty_presets.c) ---- */

static void test_cadence_preset_argument_errors(void **state)
{
	(void)state;
	{
		const char *kind, *rule;
		int period;
		int32_t min;
		unsigned int flags;
		assert_error(eg_duty_cadence_preset(NULL, &period, &min, &flags, &rule, "DG-9"), EG_EINVAL, "eg_duty_cadence_preset");
		assert_error(eg_duty_cadence_preset(&kind, NULL, &min, &flags, &rule, "DG-9"), EG_EINVAL, "eg_duty_cadence_preset");
		assert_error(eg_duty_cadence_preset(&kind, &period, NULL, &flags, &rule, "DG-9"), EG_EINVAL, "eg_duty_cadence_preset");
		assert_error(eg_duty_cadence_preset(&kind, &period, &min, NULL, &rule, "DG-9"), EG_EINVAL, "eg_duty_cadence_preset");
		assert_error(eg_duty_cadence_preset(&kind, &period, &min, &flags, NULL, "DG-9"), EG_EINVAL, "eg_duty_cadence_preset");
		assert_error(eg_duty_cadence_preset(&kind, &period, &min, &flags, &rule, NULL), EG_EINVAL, "eg_duty_cadence_preset");
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_yl_5_4_dg_61_dg_67_due_dates_and_overdue),
		cmocka_unit_test(test_yl_5_4_dg_61_dg_67_due_dates_bounds_and_errors),
		cmocka_unit_test(test_yl_5_4_obligation_overdue_both_sides_and_errors),
		cmocka_unit_test(test_cj_g_9_deadlines_at_60_and_61_minutes),
		cmocka_unit_test(test_dg_30_equipment_due),
		cmocka_unit_test(test_mee_1_lowest_indicator_and_mee_3_1_filing),
		cmocka_unit_test(test_cj_g_8_dg_15_dg_17_cadence_presets),
		cmocka_unit_test(test_duty_bad_arguments),
		cmocka_unit_test(test_mee_1_reduction_measures_by_grade_and_alert),
		cmocka_unit_test(test_cj_g_9_result_time_errors_and_120_121_minutes),
		cmocka_unit_test(test_dg_30_ten_years_from_an_ordinary_date),
		cmocka_unit_test(test_mee_1_grade_and_measure_argument_edges),
		cmocka_unit_test(test_cadence_preset_argument_errors),
	};
	return cmocka_run_group_tests_name("duty", tests, NULL, NULL);
}
