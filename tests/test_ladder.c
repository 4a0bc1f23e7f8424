/* ladder.h: CJ-A2-7.3, CJ-A2-7.1, CJ-A3-4, CJ-M-4.3, DG-65/66, DG-63, JM-2.3; R0.1, R0.2, R0.4. */
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

typedef struct run {
	eg_ladder *l;
	eg_ladder_state *s;
	eg_ladder_outcome *o;
} run;

static void run_start(run *r, const char *preset)
{
	memset(r, 0, sizeof *r);
	assert_int_equal(eg_ladder_preset(&r->l, preset), EG_OK);
	assert_int_equal(eg_ladder_state_new(&r->s, r->l), EG_OK);
}

static void run_end(run *r)
{
	eg_ladder_outcome_free(r->o);
	eg_ladder_state_free(r->s);
	eg_ladder_free(r->l);
}

/* Step one month with units U0..U(n-1); keeps the outcome in r->o. */
static void month(run *r, const char *m, const int64_t *values, const int *flags, size_t n)
{
	static const char *const ids[] = { "U0", "U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9" };
	eg_ladder_outcome_free(r->o);
	r->o = NULL;
	if (eg_ladder_step(&r->o, r->s, m, &(eg_ladder_step_options){ EG_LADDER_STEP_OPTIONS_VERSION, ids, values, flags, n }) != EG_OK)
		fail_msg("step %s failed: %s", m, eg_error_last()->message);
}

static const char *action(const run *r, size_t unit)
{
	return eg_ladder_outcome_action(r->o, unit);
}

static const char *message(const run *r, size_t unit, const char *rule_action, int lang)
{
	for (size_t k = 0; k < eg_ladder_outcome_clause_count(r->o, unit); k++)
		if (strcmp(eg_ladder_outcome_clause_action(r->o, unit, k), rule_action) == 0)
			return eg_ladder_outcome_clause_message(r->o, unit, k, lang);
	return "";
}

/* ---- CJ-A2-7.3 ------------------------------------------------------------ */

static void test_cj_a2_7_3_exactly_ten_percent_is_criticism(void **state)
{
	(void)state;
	run r;
	/* 5 of 50: 100*5 = 500 >= 10*50 = 500 -> share >= 10% (R0.1, R0.2). */
	int64_t v[] = { 5, 45 };
	run_start(&r, "CJ-A2-7.3");
	month(&r, "2026-09", v, NULL, 2);
	assert_string_equal(action(&r, 0), "criticism");
	assert_string_equal(message(&r, 0, "criticism", EG_LANG_EN), "2026-09: 5/50 = 10.0%, ≥ 10% → public criticism (CJ-A2-7.3)");
	/* U1: 45/50 = 90% >= 20% -> interview in a single month. */
	assert_string_equal(action(&r, 1), "interview");
	run_end(&r);
}

static void test_cj_a2_7_3_just_below_ten_percent(void **state)
{
	(void)state;
	run r;
	/* 99 of 1000 = 9.9%: 9900 < 10000 -> nothing. */
	int64_t v[] = { 99, 901 };
	run_start(&r, "CJ-A2-7.3");
	month(&r, "2026-09", v, NULL, 2);
	assert_string_equal(action(&r, 0), "none");
	assert_int_equal(eg_ladder_outcome_clause_count(r.o, 0), 0);
	run_end(&r);
}

static void test_cj_a2_7_3_exactly_twenty_percent_is_interview(void **state)
{
	(void)state;
	run r;
	/* 10 of 50 = 20%: 1000 >= 20*50 = 1000 -> interview; also >= 10% -> criticism fired too. */
	int64_t v[] = { 10, 40 };
	run_start(&r, "CJ-A2-7.3");
	month(&r, "2026-09", v, NULL, 2);
	assert_string_equal(action(&r, 0), "interview");
	assert_int_equal(eg_ladder_outcome_clause_count(r.o, 0), 2);
	assert_int_equal(eg_ladder_outcome_severity(r.o, 0), 2);
	run_end(&r);
}

static void test_cj_a2_7_3_two_and_three_months_running(void **state)
{
	(void)state;
	run r;
	int64_t m1[] = { 12, 68 }, m2[] = { 9, 51 }, m3[] = { 6, 54 };
	run_start(&r, "CJ-A2-7.3");
	month(&r, "2026-09", m1, NULL, 2); /* 12/80 = 15.0% */
	assert_string_equal(action(&r, 0), "criticism");
	month(&r, "2026-10", m2, NULL, 2); /* 9/60 = 15.0% */
	assert_string_equal(action(&r, 0), "interview");
	assert_string_equal(message(&r, 0, "interview", EG_LANG_EN),
			    "2026-09: 12/80 = 15.0%, 2026-10: 9/60 = 15.0%, ≥ 10% 2 months running → interview of the unit's leaders (CJ-A2-7.3)");
	assert_string_equal(message(&r, 0, "interview", EG_LANG_ZH),
			    "2026-09：12/80 = 15.0%，2026-10：9/60 = 15.0%；连续 2 个月占比 ≥ 10% → 约谈相关负责同志（CJ-A2-7.3）");
	month(&r, "2026-11", m3, NULL, 2); /* 6/60 = 10.0%: three months running */
	assert_string_equal(action(&r, 0), "accountability");
	run_end(&r);
}

static void test_cj_a2_7_3_two_months_at_twenty(void **state)
{
	(void)state;
	run r;
	int64_t m[] = { 20, 80 };
	run_start(&r, "CJ-A2-7.3");
	month(&r, "2026-01", m, NULL, 2); /* 20% -> interview */
	assert_string_equal(action(&r, 0), "interview");
	month(&r, "2026-02", m, NULL, 2); /* 20% twice running -> accountability */
	assert_string_equal(action(&r, 0), "accountability");
	run_end(&r);
}

static void test_cj_a2_7_3_streak_broken_by_a_month_below(void **state)
{
	(void)state;
	run r;
	int64_t hi[] = { 10, 90 }, lo[] = { 9, 91 };
	run_start(&r, "CJ-A2-7.3");
	month(&r, "2026-01", hi, NULL, 2); /* 10% */
	month(&r, "2026-02", lo, NULL, 2); /* 9% breaks it */
	assert_string_equal(action(&r, 0), "none");
	month(&r, "2026-03", hi, NULL, 2); /* a new streak of 1 */
	assert_string_equal(action(&r, 0), "criticism");
	run_end(&r);
}

static void test_cj_a2_7_3_streak_broken_by_a_missing_month(void **state)
{
	(void)state;
	run r;
	int64_t hi[] = { 10, 90 };
	run_start(&r, "CJ-A2-7.3");
	month(&r, "2026-01", hi, NULL, 2);
	month(&r, "2026-03", hi, NULL, 2); /* February not assessed: R0.4 breaks the streak */
	assert_string_equal(action(&r, 0), "criticism");
	month(&r, "2026-04", hi, NULL, 2);
	assert_string_equal(action(&r, 0), "interview");
	run_end(&r);
}

/* The streak a missing month would break (R0.4), as the monthly cycle reports it. */
static void test_r0_4_state_streak_counts_the_run_a_gap_breaks(void **state)
{
	(void)state;
	run r;
	int32_t m = -1;
	int64_t hi[] = { 10, 90 }, lo[] = { 9, 91 };
	const char *one[] = { "U1" };
	int64_t v1[] = { 5 };
	run_start(&r, "CJ-A2-7.3");
	assert_int_equal(eg_ladder_state_streak(&m, r.s, "U0"), EG_OK);
	assert_int_equal(m, 0); /* nothing stepped */
	month(&r, "2026-01", hi, NULL, 2); /* U0 10 / 100 = 10 %: holds (R0.1) */
	assert_int_equal(eg_ladder_state_streak(&m, r.s, "U0"), EG_OK);
	assert_int_equal(m, 1);
	month(&r, "2026-02", hi, NULL, 2);
	assert_int_equal(eg_ladder_state_streak(&m, r.s, "U0"), EG_OK);
	assert_int_equal(m, 2); /* two months running at >= 10 % */
	assert_int_equal(eg_ladder_state_streak(&m, r.s, "U1"), EG_OK);
	assert_int_equal(m, 2); /* U1: 90 % both months */
	month(&r, "2026-03", lo, NULL, 2); /* U0 9 %: the run ends */
	assert_int_equal(eg_ladder_state_streak(&m, r.s, "U0"), EG_OK);
	assert_int_equal(m, 0);
	month(&r, "2026-04", hi, NULL, 2);
	month(&r, "2026-06", hi, NULL, 2); /* May missing: the run restarts at 1 */
	assert_int_equal(eg_ladder_state_streak(&m, r.s, "U0"), EG_OK);
	assert_int_equal(m, 1);
	/* U0 not stepped in the last month: it is on no streak at that month. */
	eg_ladder_outcome_free(r.o);
	r.o = NULL;
	assert_int_equal(eg_ladder_step(&r.o, r.s, "2026-07", &(eg_ladder_step_options){ EG_LADDER_STEP_OPTIONS_VERSION, one, v1, NULL, 1 }), EG_OK);
	assert_int_equal(eg_ladder_state_streak(&m, r.s, "U0"), EG_OK);
	assert_int_equal(m, 0);
	assert_int_equal(eg_ladder_state_streak(&m, r.s, "nobody"), EG_OK);
	assert_int_equal(m, 0);
	assert_error(eg_ladder_state_streak(NULL, r.s, "U0"), EG_EINVAL, NULL);
	assert_error(eg_ladder_state_streak(&m, NULL, "U0"), EG_EINVAL, NULL);
	assert_error(eg_ladder_state_streak(&m, r.s, NULL), EG_EINVAL, NULL);
	run_end(&r);
	/* CJ-A2-7.1 counts failing months (value 1 holds). */
	run_start(&r, "CJ-A2-7.1");
	{
		int64_t fail[] = { 1, 0 };
		month(&r, "2026-01", fail, NULL, 2);
		month(&r, "2026-02", fail, NULL, 2);
	}
	assert_int_equal(eg_ladder_state_streak(&m, r.s, "U0"), EG_OK);
	assert_int_equal(m, 2);
	assert_int_equal(eg_ladder_state_streak(&m, r.s, "U1"), EG_OK);
	assert_int_equal(m, 0);
	run_end(&r);
}

static void test_cj_a2_7_3_twenty_inside_a_ten_streak(void **state)
{
	(void)state;
	run r;
	int64_t ten[] = { 10, 90 }, twenty[] = { 20, 80 };
	run_start(&r, "CJ-A2-7.3");
	month(&r, "2026-01", ten, NULL, 2);
	month(&r, "2026-02", twenty, NULL, 2); /* 2 months >= 10% and one >= 20%: interview */
	assert_string_equal(action(&r, 0), "interview");
	month(&r, "2026-03", ten, NULL, 2); /* 3 months >= 10%: accountability */
	assert_string_equal(action(&r, 0), "accountability");
	run_end(&r);
}

static void test_cj_a2_7_3_total_zero_gives_no_share(void **state)
{
	(void)state;
	run r;
	int64_t z[] = { 0, 0 };
	run_start(&r, "CJ-A2-7.3");
	month(&r, "2026-01", z, NULL, 2);
	assert_string_equal(action(&r, 0), "none");
	assert_string_equal(action(&r, 1), "none");
	run_end(&r);
}

/* ---- CJ-A2-7.1, CJ-A3-4, CJ-M-4.3 ---------------------------------------- */

static void test_cj_a2_7_1_three_failing_months(void **state)
{
	(void)state;
	run r;
	int64_t f[] = { 1 };
	run_start(&r, "CJ-A2-7.1");
	month(&r, "2026-01", f, NULL, 1);
	month(&r, "2026-02", f, NULL, 1);
	assert_string_equal(action(&r, 0), "none");
	month(&r, "2026-03", f, NULL, 1);
	assert_string_equal(action(&r, 0), "special_inspection");
	run_end(&r);
}

/* The boundaries the former eg_assess_cj_a2_7_1 pinned, on the one
 * implementation: the CJ-A2-7.1 preset fed 1 for a failing month. */
static void test_cj_a2_7_1_fourth_month_gap_pass_and_new_year(void **state)
{
	(void)state;
	run r;
	int64_t fail[] = { 1 }, pass[] = { 0 };
	/* Jan, Feb, Mar failing: March triggers; April (4 in a row, still >= 3) too. */
	run_start(&r, "CJ-A2-7.1");
	month(&r, "2026-01", fail, NULL, 1);
	assert_string_equal(action(&r, 0), "none");
	month(&r, "2026-02", fail, NULL, 1);
	assert_string_equal(action(&r, 0), "none");
	month(&r, "2026-03", fail, NULL, 1);
	assert_string_equal(action(&r, 0), "special_inspection");
	month(&r, "2026-04", fail, NULL, 1);
	assert_string_equal(action(&r, 0), "special_inspection");
	run_end(&r);
	/* A month with no assessment (March never stepped) breaks the streak (R0.4):
	 * Jan, Feb, -, Apr, May fail and nothing fires; June completes Apr-May-Jun. */
	run_start(&r, "CJ-A2-7.1");
	month(&r, "2026-01", fail, NULL, 1);
	month(&r, "2026-02", fail, NULL, 1);
	month(&r, "2026-04", fail, NULL, 1);
	assert_string_equal(action(&r, 0), "none");
	month(&r, "2026-05", fail, NULL, 1);
	assert_string_equal(action(&r, 0), "none");
	month(&r, "2026-06", fail, NULL, 1);
	assert_string_equal(action(&r, 0), "special_inspection");
	run_end(&r);
	/* A passing month breaks it too: fail, pass, fail, fail -> nothing. */
	run_start(&r, "CJ-A2-7.1");
	month(&r, "2026-01", fail, NULL, 1);
	month(&r, "2026-02", pass, NULL, 1);
	assert_string_equal(action(&r, 0), "none");
	month(&r, "2026-03", fail, NULL, 1);
	month(&r, "2026-04", fail, NULL, 1);
	assert_string_equal(action(&r, 0), "none");
	run_end(&r);
	/* Across the new year, Nov-Dec-Jan are consecutive. */
	run_start(&r, "CJ-A2-7.1");
	month(&r, "2025-11", fail, NULL, 1);
	month(&r, "2025-12", fail, NULL, 1);
	assert_string_equal(action(&r, 0), "none");
	month(&r, "2026-01", fail, NULL, 1);
	assert_string_equal(action(&r, 0), "special_inspection");
	/* Months must increase: stepping an earlier month is refused, the state unchanged. */
	{
		static const char *const ids[] = { "U0" };
		eg_ladder_outcome *o = NULL;
		assert_error(eg_ladder_step(&o, r.s, "2025-12", &(eg_ladder_step_options){ EG_LADDER_STEP_OPTIONS_VERSION, ids, fail, NULL, 1 }), EG_ESTATE, NULL);
		assert_null(o);
		assert_error(eg_ladder_step(&o, r.s, "2026-2", &(eg_ladder_step_options){ EG_LADDER_STEP_OPTIONS_VERSION, ids, fail, NULL, 1 }), EG_EINVAL, NULL);
		assert_null(o);
	}
	month(&r, "2026-02", fail, NULL, 1);
	assert_string_equal(action(&r, 0), "special_inspection");
	run_end(&r);
}

static void test_cj_a3_4_last_place_ladder_and_ties(void **state)
{
	(void)state;
	run r;
	/* Ranks of 4 units; U3 last; later U2 and U3 tied at the worst rank 3. */
	int64_t m1[] = { 1, 2, 3, 4 }, tie[] = { 1, 2, 3, 3 };
	run_start(&r, "CJ-A3-4");
	month(&r, "2026-01", m1, NULL, 4);
	assert_string_equal(action(&r, 3), "criticism");
	assert_string_equal(action(&r, 2), "none");
	month(&r, "2026-02", tie, NULL, 4);
	assert_string_equal(action(&r, 3), "interview_deputy");
	assert_string_equal(action(&r, 2), "criticism"); /* tied at last place: both are last */
	month(&r, "2026-03", m1, NULL, 4);
	assert_string_equal(action(&r, 3), "interview_principal");
	month(&r, "2026-04", m1, NULL, 4);
	/* 4 consecutive: "连续三月以上" read as >= 4 (rules.md). */
	assert_string_equal(action(&r, 3), "accountability");
	run_end(&r);
}

static void test_cj_a3_4_three_last_places_in_the_year_with_target_missed(void **state)
{
	(void)state;
	run r;
	int64_t u0_last[] = { 2, 1 }, u1_last[] = { 1, 2 };
	int missed[] = { 1, 0 };
	run_start(&r, "CJ-A3-4");
	month(&r, "2026-01", u0_last, NULL, 2);
	month(&r, "2026-02", u1_last, NULL, 2);
	month(&r, "2026-03", u0_last, NULL, 2);
	month(&r, "2026-04", u1_last, NULL, 2);
	month(&r, "2026-05", u0_last, NULL, 2); /* U0's third last place this year, target not yet missed */
	assert_string_equal(action(&r, 0), "criticism");
	month(&r, "2026-12", u1_last, missed, 2); /* the flag arrives in December */
	assert_string_equal(action(&r, 0), "accountability");
	assert_non_null(strstr(message(&r, 0, "accountability", EG_LANG_EN),
			       "last place 3 times this calendar year, and the annual air-quality target missed → accountability recommendation (CJ-A3-4)"));
	run_end(&r);
}

static void test_cj_m_4_3_recheck_counts(void **state)
{
	(void)state;
	run r;
	int64_t v[] = { 0, 1, 2, 3 };
	run_start(&r, "CJ-M-4.3");
	month(&r, "2026-06", v, NULL, 4);
	assert_string_equal(action(&r, 0), "none");
	assert_string_equal(action(&r, 1), "criticism");
	assert_string_equal(action(&r, 2), "interview_deputy");
	assert_string_equal(action(&r, 3), "interview_principal");
	run_end(&r);
}

/* ---- DG-65/66, DG-63, JM-2.3 ---------------------------------------------- */

static void test_dg_65_bottom_three_with_ties(void **state)
{
	(void)state;
	run r;
	/* 5 units ranked 1,2,2,2,5: the tie at 2 holds positions 2-4, which reach
	 * the bottom 3 positions (3-5): U1, U2, U3 and U4 are all bottom 3. */
	int64_t v[] = { 1, 2, 2, 2, 5 }, plain[] = { 1, 2, 3, 4, 5 };
	run_start(&r, "DG-65");
	month(&r, "2026-05", v, NULL, 5);
	assert_string_equal(action(&r, 0), "none");
	for (size_t i = 1; i < 5; i++)
		assert_string_equal(action(&r, i), "interview_deputy");
	month(&r, "2026-06", plain, NULL, 5);
	/* Ranks 3, 4, 5 are bottom 3; U1 (rank 2) is not. U2..U4 two months running -> DG-66. */
	assert_string_equal(action(&r, 1), "none");
	assert_string_equal(action(&r, 2), "interview_principal");
	assert_string_equal(eg_ladder_outcome_clause_rule(r.o, 2, 1), "DG-66");
	run_end(&r);
}

static void test_dg_63_rolling_window_edge(void **state)
{
	(void)state;
	run r;
	int64_t one[] = { 1 }, zero[] = { 0 };
	run_start(&r, "DG-63");
	month(&r, "2025-10", one, NULL, 1);
	month(&r, "2026-03", one, NULL, 1);
	month(&r, "2026-09", one, NULL, 1); /* 2025-10..2026-09 is 12 months: 3 criticisms */
	assert_string_equal(action(&r, 0), "accountability");
	run_end(&r);
	run_start(&r, "DG-63");
	month(&r, "2025-10", one, NULL, 1);
	month(&r, "2026-03", one, NULL, 1);
	month(&r, "2026-10", one, NULL, 1); /* 2025-10 has left the window (2025-11..2026-10): 2 */
	assert_string_equal(action(&r, 0), "none");
	month(&r, "2026-11", zero, NULL, 1);
	assert_string_equal(action(&r, 0), "none");
	run_end(&r);
	/* Two criticisms in one month count twice. */
	run_start(&r, "DG-63");
	month(&r, "2026-01", (int64_t[]){ 2 }, NULL, 1);
	month(&r, "2026-02", one, NULL, 1);
	assert_string_equal(action(&r, 0), "accountability");
	run_end(&r);
}

static void test_jm_2_3_situations(void **state)
{
	(void)state;
	run r;
	int64_t v[] = { 0, 1, 2, 1 };
	int serious[] = { 0, 0, 0, 1 };
	run_start(&r, "JM-2.3");
	month(&r, "2021-06", v, serious, 4);
	assert_string_equal(action(&r, 0), "none");
	assert_string_equal(action(&r, 1), "interview");
	assert_string_equal(action(&r, 2), "written_self_criticism");
	assert_string_equal(action(&r, 3), "written_self_criticism"); /* one, but serious */
	run_end(&r);
}

/* ---- incremental == batch; serialisation -------------------------------------- */

static void test_ladder_incremental_state_round_trips_and_matches_batch(void **state)
{
	(void)state;
	static const char *const presets[] = { "CJ-A2-7.3", "CJ-A3-4", "DG-65", "DG-63", "JM-2.3", "CJ-A2-7.1" };
	unsigned seed = 12345;
	for (size_t p = 0; p < sizeof presets / sizeof presets[0]; p++) {
		run batch, inc;
		run_start(&batch, presets[p]);
		run_start(&inc, presets[p]);
		for (int mi = 0; mi < 40; mi++) {
			int64_t v[6];
			int f[6];
			char m[8], *text = NULL, *text2 = NULL;
			eg_ladder_state *copy = NULL;
			int year = 2024 + (mi + mi / 7) / 12, mon = (mi + mi / 7) % 12 + 1; /* skip a month now and then */
			snprintf(m, sizeof m, "%04d-%02d", year, mon);
			for (int u = 0; u < 6; u++) {
				seed = seed * 1103515245u + 12345u;
				v[u] = (int64_t)((seed >> 16) % 5);
				f[u] = ((seed >> 8) & 7) == 0;
			}
			if (!strcmp(presets[p], "CJ-A3-4") || !strcmp(presets[p], "DG-65"))
				for (int u = 0; u < 6; u++)
					v[u] = v[u] % 6 + 1; /* ranks 1..5 with ties */
			month(&batch, m, v, f, 6);
			/* The incremental side stores and reloads its state every month. */
			assert_int_equal(eg_ladder_state_serialize(&text, inc.s), EG_OK);
			assert_int_equal(eg_ladder_state_parse(&copy, inc.l, text, strlen(text)), EG_OK);
			assert_int_equal(eg_ladder_state_serialize(&text2, copy), EG_OK);
			assert_string_equal(text, text2); /* round-trips exactly */
			eg_string_free(text);
			eg_string_free(text2);
			eg_ladder_state_free(inc.s);
			inc.s = copy;
			month(&inc, m, v, f, 6);
			for (size_t u = 0; u < 6; u++) {
				assert_int_equal(eg_ladder_outcome_severity(batch.o, u), eg_ladder_outcome_severity(inc.o, u));
				assert_int_equal(eg_ladder_outcome_clause_count(batch.o, u), eg_ladder_outcome_clause_count(inc.o, u));
				for (size_t k = 0; k < eg_ladder_outcome_clause_count(batch.o, u); k++)
					assert_string_equal(eg_ladder_outcome_clause_message(batch.o, u, k, 1),
							    eg_ladder_outcome_clause_message(inc.o, u, k, 1));
			}
		}
		run_end(&batch);
		run_end(&inc);
	}
}

static void test_ladder_state_parse_errors(void **state)
{
	(void)state;
	eg_ladder *l = NULL, *other = NULL;
	eg_ladder_state *s = NULL;
	const char *good = "ecogrid-ladder-state 1\nladder 9:CJ-A2-7.3\nlast 2026-01\nunits 1\nunit 2:U0 1\no 2026-01 5 50 0 1\n";
	assert_int_equal(eg_ladder_preset(&l, "CJ-A2-7.3"), EG_OK);
	assert_int_equal(eg_ladder_preset(&other, "DG-63"), EG_OK);
	assert_int_equal(eg_ladder_state_parse(&s, l, good, strlen(good)), EG_OK);
	assert_string_equal(eg_ladder_state_last_month(s), "2026-01");
	eg_ladder_state_free(s);
	s = NULL;
	assert_error(eg_ladder_state_parse(&s, other, good, strlen(good)), EG_EINVAL, "belongs to ladder CJ-A2-7.3, not DG-63");
	assert_error(eg_ladder_state_parse(&s, l, "ecogrid-ladder-state 2\n", 23), EG_EPARSE, "line 1");
	assert_error(eg_ladder_state_parse(&s, l, good, strlen(good) - 3), EG_EPARSE, "line 6");
	{
		const char *order = "ecogrid-ladder-state 1\nladder 9:CJ-A2-7.3\nlast 2026-01\nunits 1\nunit 2:U0 2\n"
				    "o 2026-01 5 50 0 1\no 2025-12 5 50 0 1\n";
		assert_error(eg_ladder_state_parse(&s, l, order, strlen(order)), EG_EPARSE, "out of order");
		const char *extra = "ecogrid-ladder-state 1\nladder 9:CJ-A2-7.3\nlast -\nunits 0\nx\n";
		assert_error(eg_ladder_state_parse(&s, l, extra, strlen(extra)), EG_EPARSE, "unexpected text");
	}
	assert_error(eg_ladder_state_parse(&s, l, "\xFF", 1), EG_EUTF8, NULL);
	assert_null(s);
	eg_ladder_free(l);
	eg_ladder_free(other);
}

static void test_ladder_step_errors_leave_state_unchanged(void **state)
{
	(void)state;
	run r;
	const char *ids[] = { "U0", "U0" };
	int64_t ok[] = { 1, 2 }, neg[] = { -1, 2 };
	eg_ladder_outcome *o = NULL;
	char *before = NULL, *after = NULL;
	run_start(&r, "CJ-A2-7.3");
	month(&r, "2026-05", ok, NULL, 2);
	assert_int_equal(eg_ladder_state_serialize(&before, r.s), EG_OK);
	assert_error(eg_ladder_step(&o, r.s, "2026-05", &(eg_ladder_step_options){ EG_LADDER_STEP_OPTIONS_VERSION, (const char *[]){ "U0" }, ok, NULL, 1 }), EG_ESTATE,
		     "month 2026-05 does not come after 2026-05");
	assert_error(eg_ladder_step(&o, r.s, "2026-04", &(eg_ladder_step_options){ EG_LADDER_STEP_OPTIONS_VERSION, (const char *[]){ "U0" }, ok, NULL, 1 }), EG_ESTATE, "2026-04");
	assert_error(eg_ladder_step(&o, r.s, "2026-06", &(eg_ladder_step_options){ EG_LADDER_STEP_OPTIONS_VERSION, ids, ok, NULL, 2 }), EG_EEXISTS, "unit U0 is given twice");
	assert_error(eg_ladder_step(&o, r.s, "2026-06", &(eg_ladder_step_options){ EG_LADDER_STEP_OPTIONS_VERSION, (const char *[]){ "U0", "U1" }, neg, NULL, 2 }), EG_EINVAL,
		     "value -1 of unit U0 is negative");
	assert_error(eg_ladder_step(&o, r.s, "2026-6", &(eg_ladder_step_options){ EG_LADDER_STEP_OPTIONS_VERSION, (const char *[]){ "U0" }, ok, NULL, 1 }), EG_EINVAL, "not YYYY-MM");
	assert_error(eg_ladder_step(&o, r.s, "2026-06", &(eg_ladder_step_options){ EG_LADDER_STEP_OPTIONS_VERSION, (const char *[]){ "" }, ok, NULL, 1 }), EG_EINVAL, "unit ID is empty");
	assert_null(o);
	assert_int_equal(eg_ladder_state_serialize(&after, r.s), EG_OK);
	assert_string_equal(before, after);
	eg_string_free(before);
	eg_string_free(after);
	run_end(&r);
	/* Ranks must be 1..n for rank ladders. */
	run_start(&r, "CJ-A3-4");
	assert_error(eg_ladder_step(&o, r.s, "2026-01", &(eg_ladder_step_options){ EG_LADDER_STEP_OPTIONS_VERSION, (const char *[]){ "U0", "U1" }, (int64_t[]){ 1, 3 }, NULL, 2 }),
		     EG_EINVAL, "rank 3 of unit U1 is not 1-2");
	run_end(&r);
}

static void test_ladder_builder_errors(void **state)
{
	(void)state;
	eg_ladder_builder *b = NULL;
	eg_ladder *l = NULL;
	eg_ladder_clause c = EG_LADDER_CLAUSE_INIT;
	assert_error(eg_ladder_preset(&l, "XX-9"), EG_ENOTFOUND, "XX-9");
	assert_error(eg_ladder_builder_new(&b, "x", 9, "a", "a", NULL), EG_EINVAL, "measure 9");
	assert_error(eg_ladder_builder_new(&b, "x", 0, "a", "a", &(eg_ladder_builder_options){ EG_LADDER_BUILDER_OPTIONS_VERSION, "f", NULL }), EG_EINVAL, "both languages");
	assert_int_equal(eg_ladder_builder_new(&b, "custom", EG_LADDER_MEASURE_AT_LEAST, "超标", "exceedances", NULL), EG_OK);
	/* A ladder with no steps is an error. */
	assert_error(eg_ladder_build(&l, b), EG_EINVAL, "has no steps");
	assert_int_equal(eg_ladder_builder_add_action(b, "warn", "提醒", "warning"), EG_OK);
	assert_error(eg_ladder_builder_add_action(b, "warn", "提醒", "warning"), EG_EEXISTS, "warn");
	assert_error(eg_ladder_builder_add_action(b, "none", "无", "none"), EG_EEXISTS, "none");
	c.rule = "X-1";
	c.action = "nope";
	assert_error(eg_ladder_builder_add_clause(b, &c), EG_ENOTFOUND, "action nope");
	c.action = "warn";
	c.kind = EG_LADDER_CLAUSE_KIND_CONSECUTIVE;
	c.count = 13;
	assert_error(eg_ladder_builder_add_clause(b, &c), EG_ERANGE, "count 13");
	c.count = 2;
	c.window_sum = 1;
	assert_error(eg_ladder_builder_add_clause(b, &c), EG_EINVAL, "window clauses only");
	c.window_sum = 0;
	c.flag = EG_LADDER_FLAG_MONTH;
	assert_error(eg_ladder_builder_add_clause(b, &c), EG_EINVAL, "no flag label");
	c.flag = EG_LADDER_FLAG_NONE;
	c.threshold = 3;
	assert_int_equal(eg_ladder_builder_add_clause(b, &c), EG_OK);
	assert_int_equal(eg_ladder_build(&l, b), EG_OK);
	eg_ladder_builder_free(b);
	/* The caller's ladder works: >= 3 exceedances two months running -> warn. */
	{
		run r;
		memset(&r, 0, sizeof r);
		r.l = l;
		assert_int_equal(eg_ladder_state_new(&r.s, l), EG_OK);
		month(&r, "2026-01", (int64_t[]){ 3 }, NULL, 1);
		assert_string_equal(action(&r, 0), "none");
		month(&r, "2026-02", (int64_t[]){ 4 }, NULL, 1);
		assert_string_equal(action(&r, 0), "warn");
		assert_string_equal(message(&r, 0, "warn", EG_LANG_EN),
				    "2026-01: 3, 2026-02: 4, exceedances ≥ 3 2 months running → warning (X-1)");
		run_end(&r);
	}
}

static int scenario_preset_and_state(void *unused)
{
	(void)unused;
	eg_ladder *l = NULL;
	eg_ladder_state *s = NULL, *back = NULL;
	eg_ladder_outcome *o = NULL;
	char *text = NULL;
	const char *ids[] = { "U0", "U1" };
	int64_t v[] = { 2, 1 };
	int rc = eg_ladder_preset(&l, "CJ-A3-4");
	if (rc == EG_OK)
		rc = eg_ladder_state_new(&s, l);
	if (rc == EG_OK)
		rc = eg_ladder_step(&o, s, "2026-01", &(eg_ladder_step_options){ EG_LADDER_STEP_OPTIONS_VERSION, ids, v, NULL, 2 });
	if (rc == EG_OK)
		rc = eg_ladder_state_serialize(&text, s);
	if (rc == EG_OK)
		rc = eg_ladder_state_parse(&back, l, text, strlen(text));
	eg_string_free(text);
	eg_ladder_outcome_free(o);
	eg_ladder_state_free(back);
	eg_ladder_state_free(s);
	eg_ladder_free(l);
	return rc;
}

static void test_ladder_preset_and_state_allocation_failures(void **state)
{
	(void)state;
	assert_true(tu_alloc_fail_loop(scenario_preset_and_state, NULL) > 20);
}

static void test_ladder_accessors_and_bad_arguments(void **state)
{
	(void)state;
	eg_ladder *l = NULL;
	eg_ladder_state *s = NULL;
	eg_ladder_builder *b = NULL;
	eg_ladder_clause c = EG_LADDER_CLAUSE_INIT;
	assert_int_equal(eg_ladder_preset(&l, "JM-2.3"), EG_OK);
	assert_string_equal(eg_ladder_name(l), "JM-2.3");
	assert_int_equal(eg_ladder_action_count(l), 3);
	assert_string_equal(eg_ladder_action_id(l, 0), "none");
	assert_string_equal(eg_ladder_action_name(l, 2, EG_LANG_EN), "written self-criticism and city-wide criticism");
	assert_null(eg_ladder_action_id(l, 3));
	assert_null(eg_ladder_action_name(NULL, 0, 0));
	assert_int_equal(eg_ladder_action_count(NULL), 0);
	assert_null(eg_ladder_name(NULL));
	assert_int_equal(eg_ladder_state_new(&s, l), EG_OK);
	assert_null(eg_ladder_state_last_month(s));
	assert_null(eg_ladder_outcome_unit(NULL, 0));
	assert_int_equal(eg_ladder_outcome_severity(NULL, 0), -1);
	assert_null(eg_ladder_outcome_clause_message(NULL, 0, 0, 0));
	assert_error(eg_ladder_state_new(NULL, l), EG_EINVAL, NULL);
	assert_error(eg_ladder_state_serialize(NULL, s), EG_EINVAL, NULL);
	assert_error(eg_ladder_state_parse(&s, NULL, "x", 1), EG_EINVAL, NULL);
	assert_error(eg_ladder_preset(NULL, "JM-2.3"), EG_EINVAL, NULL);
	eg_ladder_state_free(s);
	eg_ladder_free(l);
	assert_int_equal(eg_ladder_builder_new(&b, "x", EG_LADDER_MEASURE_SHARE, "a", "a", NULL), EG_OK);
	assert_int_equal(eg_ladder_builder_add_action(b, "w", "w", "w"), EG_OK);
	c.rule = "R";
	c.action = "w";
	c.kind = 9;
	assert_error(eg_ladder_builder_add_clause(b, &c), EG_EINVAL, "kind 9");
	c.kind = EG_LADDER_CLAUSE_KIND_SINGLE;
	c.flag = 7;
	assert_error(eg_ladder_builder_add_clause(b, &c), EG_EINVAL, "flag 7");
	c.flag = 0;
	c.threshold = -1;
	assert_error(eg_ladder_builder_add_clause(b, &c), EG_ERANGE, "threshold -1");
	c.threshold = 0;
	c.version = 3;
	assert_error(eg_ladder_builder_add_clause(b, &c), EG_EINVAL, "version 3");
	assert_error(eg_ladder_builder_add_clause(NULL, &c), EG_EINVAL, NULL);
	assert_error(eg_ladder_builder_add_action(NULL, "w", "w", "w"), EG_EINVAL, NULL);
	assert_error(eg_ladder_build(NULL, b), EG_EINVAL, NULL);
	eg_ladder_builder_free(b);
	eg_ladder_builder_free(NULL);
	eg_ladder_free(NULL);
	eg_ladder_state_free(NULL);
	eg_ladder_outcome_free(NULL);
}

static void test_ladder_state_parse_rejects_each_malformed_field(void **state)
{
	(void)state;
	eg_ladder *l = NULL;
	eg_ladder_state *s = NULL;
	static const char *const bad[] = {
		"ecogrid-ladder-state 1\nladder 9:CJ-A2-7.3\nlast 2026-13\nunits 0\n",
		"ecogrid-ladder-state 1\nladder 9:CJ-A2-7.3\nlast -\nunits x\n",
		"ecogrid-ladder-state 1\nladder 99:CJ-A2-7.3\n",
		"ecogrid-ladder-state 1\nladder 9:CJ-A2-7.3\nlast 2026-01\nunits 1\nunit 0: 0\n",
		"ecogrid-ladder-state 1\nladder 9:CJ-A2-7.3\nlast 2026-01\nunits 2\nunit 1:A 0\nunit 1:A 0\n",
		"ecogrid-ladder-state 1\nladder 9:CJ-A2-7.3\nlast 2026-01\nunits 1\nunit 1:A 13\n",
		"ecogrid-ladder-state 1\nladder 9:CJ-A2-7.3\nlast 2026-01\nunits 1\nunit 1:A 1\no 2026-02 1 1 0 0\n",
		"ecogrid-ladder-state 1\nladder 9:CJ-A2-7.3\nlast 2026-01\nunits 1\nunit 1:A 1\no 2026-01 1 1 2 0\n",
		"ecogrid-ladder-state 1\nladder 9:CJ-A2-7.3\nlast 2026-01\nunits 1\nunit 1:A 1\no 2026-01 -1 1 0 0\n",
		"ecogrid-ladder-state 1\nladder 9:CJ-A2-7.3\nlast 2026-01\nunits 1\nunit 1:A 1\no 2026-01 99999999999999999999 1 0 0\n",
	};
	assert_int_equal(eg_ladder_preset(&l, "CJ-A2-7.3"), EG_OK);
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		int rc = eg_ladder_state_parse(&s, l, bad[i], strlen(bad[i]));
		if (rc != EG_EPARSE)
			fail_msg("case %zu: status %d (%s)", i, rc, eg_error_last()->message);
		assert_non_null(strstr(eg_error_last()->message, "ladder state line"));
		assert_null(s);
	}
	eg_ladder_free(l);
}

/* Fail each allocation of a step in turn: EG_ENOMEM and the state unchanged. */
static void test_ladder_every_allocation_failure_is_clean(void **state)
{
	(void)state;
	eg_ladder *l = NULL;
	eg_ladder_state *s = NULL;
	assert_int_equal(eg_ladder_preset(&l, "CJ-A2-7.3"), EG_OK);
	assert_int_equal(eg_ladder_state_new(&s, l), EG_OK);
	for (int round = 0; round < 3; round++) {
		for (long n = 0;; n++) {
			int rc;
			char *snap = NULL;
			eg_ladder_outcome *o = NULL;
			const char *ids[] = { "A", "B", "C" };
			int64_t v[] = { 3, 4, 5 };
			char m[8];
			snprintf(m, sizeof m, "2030-%02d", round + 1);
			assert_int_equal(eg_ladder_state_serialize(&snap, s), EG_OK);
			eg__alloc_fail_after(n);
			rc = eg_ladder_step(&o, s, m, &(eg_ladder_step_options){ EG_LADDER_STEP_OPTIONS_VERSION, ids, v, NULL, 3 });
			eg__alloc_fail_reset();
			if (rc == EG_OK) {
				eg_ladder_outcome_free(o);
				eg_string_free(snap);
				assert_true(n > 3);
				break;
			}
			assert_int_equal(rc, EG_ENOMEM);
			{
				char *now = NULL;
				assert_int_equal(eg_ladder_state_serialize(&now, s), EG_OK);
				assert_string_equal(snap, now); /* unchanged */
				eg_string_free(now);
			}
			eg_string_free(snap);
		}
	}
	eg_ladder_state_free(s);
	eg_ladder_free(l);
}

/* ---- batch: eg_ladder_evaluate_table ----------------------------------------- */

static void test_cj_a2_7_3_evaluate_table_matches_stepping(void **state)
{
	eg_ladder *l = NULL;
	/* Two groups: {A, B} and {C}. README: A 12/80 then 9/60 = 15 % two months
	 * running → interview (2); B 68/80 = 85 % ≥ 20 % → interview, then two
	 * months ≥ 20 % → accountability (3); C alone holds 100 % of its group. */
	const char *const units[3] = { "A", "B", "C" };
	const int64_t values[2 * 3] = { 12, 68, 5, 9, 51, 0 };
	const size_t groups[2] = { 2, 1 };
	int32_t sev[6];
	(void)state;
	assert_int_equal(eg_ladder_preset(&l, "CJ-A2-7.3"), EG_OK);
	assert_int_equal(eg_ladder_evaluate_table(sev, l, "2026-09", 2, units, groups, 2, values, NULL, 3), EG_OK);
	assert_int_equal(sev[0], 1); /* A 2026-09: 15 % ≥ 10 %: criticism */
	assert_int_equal(sev[1], 2); /* B 2026-09: 85 % ≥ 20 %: interview */
	assert_int_equal(sev[2], 2); /* C 2026-09: 5/5 = 100 % */
	assert_int_equal(sev[3], 2); /* A 2026-10 */
	assert_int_equal(sev[4], 3); /* B 2026-10 */
	assert_int_equal(sev[5], 0); /* C 2026-10: total 0, no share, no action */
	assert_string_equal(eg_ladder_action_id(l, (size_t)sev[4]), "accountability");
	/* One group of all three: A's shares are 12/85 and 9/60. */
	assert_int_equal(eg_ladder_evaluate_table(sev, l, "2026-09", 2, units, NULL, 0, values, NULL, 3), EG_OK);
	{
		eg_ladder_state *s = NULL;
		eg_ladder_outcome *o = NULL;
		assert_int_equal(eg_ladder_state_new(&s, l), EG_OK);
		for (int m = 0; m < 2; m++) {
			assert_int_equal(eg_ladder_step(&o, s, m ? "2026-10" : "2026-09", &(eg_ladder_step_options){ EG_LADDER_STEP_OPTIONS_VERSION, units, values + 3 * m, NULL, 3 }),
					 EG_OK);
			for (int u = 0; u < 3; u++)
				assert_int_equal(sev[3 * m + u], eg_ladder_outcome_severity(o, (size_t)u));
			eg_ladder_outcome_free(o);
		}
		eg_ladder_state_free(s);
	}
	eg_ladder_free(l);
}

static void test_ladder_evaluate_table_errors(void **state)
{
	eg_ladder *l = NULL;
	const char *const units[2] = { "A", "A" };
	const int64_t values[2] = { 1, 2 }, neg[2] = { 1, -1 };
	const size_t bad_groups[2] = { 1, 0 }, short_groups[1] = { 1 };
	int32_t sev[2];
	(void)state;
	assert_int_equal(eg_ladder_preset(&l, "CJ-A2-7.3"), EG_OK);
	assert_error(eg_ladder_evaluate_table(sev, l, "2026-13", 1, units, NULL, 0, values, NULL, 2), EG_EINVAL,
		     "not YYYY-MM");
	assert_error(eg_ladder_evaluate_table(sev, l, "9999-12", 2, units, NULL, 0, values, NULL, 2), EG_ERANGE,
		     "past 9999-12");
	assert_error(eg_ladder_evaluate_table(sev, l, "2026-01", 1, units, bad_groups, 2, values, NULL, 2), EG_EINVAL,
		     "group 1 is empty");
	assert_error(eg_ladder_evaluate_table(sev, l, "2026-01", 1, units, short_groups, 1, values, NULL, 2),
		     EG_EINVAL, "cover 1 units, not 2");
	assert_error(eg_ladder_evaluate_table(sev, l, "2026-01", 1, units, NULL, 0, values, NULL, 2), EG_EEXISTS, "A");
	assert_int_equal(eg_ladder_evaluate_table(sev, l, "2026-01", 1, units, short_groups + 0, 0, values, NULL, 0),
			 EG_OK);
	{
		const char *const two[2] = { "A", "B" };
		assert_error(eg_ladder_evaluate_table(sev, l, "2026-01", 1, two, NULL, 0, neg, NULL, 2), EG_EINVAL, "");
	}
	assert_error(eg_ladder_evaluate_table(NULL, l, "2026-01", 1, units, NULL, 0, values, NULL, 2), EG_EINVAL,
		     "NULL");
	eg_ladder_free(l);
}

/*
 * eg_ladder_evaluate_table() equals stepping a fresh state per group month
 * by month (its documented contract), for every shipped ladder: each
 * measure (share CJ-A2-7.3, flag CJ-A2-7.1, last place CJ-A3-4, at least
 * CJ-M-4.3 / DG-63 / JM-2.3, bottom N DG-65) and clause kind (single,
 * consecutive R0.4, rolling 12 months DG-63, calendar year with the year
 * flag CJ-A3-4, the month flag JM-2.3), over 40 months (past the 12 months
 * of history a unit keeps, across three calendar years), groups of 4, 1
 * and 3 units. Three passes of pseudo-random values (an LCG, fixed seed):
 * dense without flags, dense with flags, and sparse with flags (a value or
 * a last place every few months, so that whether a 12-month window or a
 * calendar year reaches its count depends on its oldest months). That the
 * clauses fire (in the dense passes up to each ladder's last action) is
 * asserted.
 */
#define EQ_MONTHS 40
#define EQ_UNITS 8

static uint32_t eq_next(uint32_t *x)
{
	*x = *x * 1664525u + 1013904223u;
	return *x >> 8;
}

static void test_ladder_evaluate_table_equals_stepping_every_preset(void **state)
{
	static const char *const presets[] = { "CJ-A2-7.3", "CJ-A2-7.1", "CJ-A3-4", "CJ-M-4.3", "DG-65", "DG-63", "JM-2.3" };
	const char *const units[EQ_UNITS] = { "A", "B", "C", "D", "E", "F", "G", "H" };
	const size_t groups[3] = { 4, 1, 3 };
	int64_t values[EQ_MONTHS * EQ_UNITS];
	int flags[EQ_MONTHS * EQ_UNITS];
	int32_t sev[EQ_MONTHS * EQ_UNITS];
	uint32_t x = 20261203u;
	(void)state;
	for (size_t p = 0; p < sizeof presets / sizeof *presets; p++) {
		eg_ladder *l = NULL;
		int rank = strcmp(presets[p], "CJ-A3-4") == 0 || strcmp(presets[p], "DG-65") == 0;
		assert_int_equal(eg_ladder_preset(&l, presets[p]), EG_OK);
		for (int pass = 0; pass < 3; pass++) {
			int sparse = pass == 2;
			size_t fired = 0, top = 0;
			for (size_t m = 0; m < EQ_MONTHS; m++)
				for (size_t g = 0, off = 0; g < 3; off += groups[g], g++) {
					size_t turn = eq_next(&x) % groups[g];
					for (size_t u = off; u < off + groups[g]; u++) {
						size_t i = m * EQ_UNITS + u;
						if (rank) /* ranks 1..group size: ties (dense) or a rotating order (sparse) */
							values[i] = 1 + (int64_t)(sparse ? (u - off + turn) % groups[g] : eq_next(&x) % groups[g]);
						else if (sparse) /* a value of 1 in about one month in four */
							values[i] = eq_next(&x) % 4 == 0;
						else /* mostly small, with bursts */
							values[i] = eq_next(&x) % 3 == 0 ? (int64_t)(eq_next(&x) % 40) : (int64_t)(eq_next(&x) % 3);
						flags[i] = eq_next(&x) % (sparse ? 8 : 4) == 0;
					}
				}
			assert_int_equal(eg_ladder_evaluate_table(sev, l, "2025-11", EQ_MONTHS, units, groups, 3, values,
								  pass ? flags : NULL, EQ_UNITS),
					 EG_OK);
			for (size_t g = 0, off = 0; g < 3; off += groups[g], g++) {
				eg_ladder_state *s = NULL;
				assert_int_equal(eg_ladder_state_new(&s, l), EG_OK);
				for (int m = 0; m < EQ_MONTHS; m++) {
					eg_ladder_outcome *o = NULL;
					char month[8];
					size_t row = (size_t)m * EQ_UNITS + off;
					snprintf(month, sizeof month, "%04d-%02d", 2025 + (10 + m) / 12, (10 + m) % 12 + 1);
					assert_int_equal(eg_ladder_step(&o, s, month,
									&(eg_ladder_step_options){ EG_LADDER_STEP_OPTIONS_VERSION, units + off, values + row,
												   pass ? flags + row : NULL, groups[g] }),
							 EG_OK);
					for (size_t u = 0; u < groups[g]; u++) {
						int want = eg_ladder_outcome_severity(o, u);
						assert_int_equal(sev[row + u], want);
						fired += want > 0;
						top += (size_t)want == eg_ladder_action_count(l) - 1;
					}
					eg_ladder_outcome_free(o);
				}
				eg_ladder_state_free(s);
			}
			/* The data reach the clauses, and the dense passes each ladder's last action. */
			assert_true(fired > 0);
			assert_true(sparse || top > 0);
		}
		eg_ladder_free(l);
	}
}

/* An error in a later month of a later group names that month and unit, as stepping does. */
static void test_ladder_evaluate_table_error_in_a_later_month(void **state)
{
	eg_ladder *l = NULL;
	const char *const units[3] = { "A", "B", "C" };
	const size_t groups[2] = { 2, 1 };
	/* 2026-01..03; C's value in 2026-03 (row 2, column 2) is negative. */
	const int64_t values[9] = { 1, 2, 3, 4, 5, 6, 7, 8, -1 };
	int32_t sev[9];
	(void)state;
	assert_int_equal(eg_ladder_preset(&l, "CJ-A2-7.3"), EG_OK);
	assert_error(eg_ladder_evaluate_table(sev, l, "2026-01", 3, units, groups, 2, values, NULL, 3), EG_EINVAL,
		     "2026-03: value -1 of unit C is negative");
	eg_ladder_free(l);
}

/* eg_ladder_clause_init() gives exactly EG_LADDER_CLAUSE_INIT and refuses
 * a version it does not know without writing. */
static void test_ladder_clause_init_matches_the_macro(void **state)
{
	(void)state;
	eg_ladder_clause c, before;
	memset(&c, 0xAB, sizeof c);
	assert_int_equal(eg_ladder_clause_init(&c, EG_LADDER_CLAUSE_VERSION), EG_OK);
	assert_int_equal(c.version, EG_LADDER_CLAUSE_VERSION);
	assert_null(c.rule);
	assert_null(c.action);
	assert_int_equal(c.kind, EG_LADDER_CLAUSE_KIND_SINGLE);
	assert_int_equal(c.count, 1);
	assert_int_equal(c.threshold, 0);
	assert_int_equal(c.window_sum, 0);
	assert_int_equal(c.flag, EG_LADDER_FLAG_NONE);
	memset(&before, 0xAB, sizeof before);
	memset(&c, 0xAB, sizeof c);
	assert_error(eg_ladder_clause_init(&c, EG_LADDER_CLAUSE_VERSION + 1), EG_EINVAL, "unknown version 2");
	assert_memory_equal(&c, &before, sizeof c);
	assert_error(eg_ladder_clause_init(NULL, EG_LADDER_CLAUSE_VERSION), EG_EINVAL, "clause is NULL");
}

/* eg_ladder_builder_options: eg_ladder_builder_options_init() writes exactly EG_LADDER_BUILDER_OPTIONS_INIT (the defaults, for FFIs
 * that cannot expand the macro); an unknown version is refused by the init
 * function and by eg_ladder_builder_new() itself, nothing written or changed. */
static void test_ladder_builder_options_init_and_versions(void **state)
{
	(void)state;
	static const eg_ladder_builder_options want = EG_LADDER_BUILDER_OPTIONS_INIT;
	eg_ladder_builder_options o, before;
	int rc;
	eg_ladder_builder *b = NULL;
	memset(&o, 0xA5, sizeof o);
	assert_int_equal(eg_ladder_builder_options_init(&o, EG_LADDER_BUILDER_OPTIONS_VERSION), EG_OK);
	assert_int_equal(o.version, EG_LADDER_BUILDER_OPTIONS_VERSION);
	assert_ptr_equal(o.flag_zh, want.flag_zh);
	assert_ptr_equal(o.flag_en, want.flag_en);
	memset(&o, 0xA5, sizeof o);
	memset(&before, 0xA5, sizeof before);
	assert_error(eg_ladder_builder_options_init(&o, EG_LADDER_BUILDER_OPTIONS_VERSION + 1), EG_EINVAL, "unknown version 2");
	assert_memory_equal(&o, &before, sizeof o);
	assert_error(eg_ladder_builder_options_init(NULL, EG_LADDER_BUILDER_OPTIONS_VERSION), EG_EINVAL, "opts is NULL");
	/* The call refuses a version it does not know (0: never initialised; 2: newer). */
	o = want;
	o.version = 0;
	rc = eg_ladder_builder_new(&b, "x", EG_LADDER_MEASURE_AT_LEAST, "a", "a", &o);
	assert_error(rc, EG_EINVAL, "version 0 is not 1");
	o.version = EG_LADDER_BUILDER_OPTIONS_VERSION + 1;
	rc = eg_ladder_builder_new(&b, "x", EG_LADDER_MEASURE_AT_LEAST, "a", "a", &o);
	assert_error(rc, EG_EINVAL, "version 2 is not 1");
	/* NULL options are the defaults. */
	rc = eg_ladder_builder_new(&b, "x", EG_LADDER_MEASURE_AT_LEAST, "a", "a", NULL);
	assert_int_equal(rc, EG_OK);
	eg_ladder_builder_free(b);
	b = NULL;
}

/* eg_ladder_step_options: eg_ladder_step_options_init() writes exactly EG_LADDER_STEP_OPTIONS_INIT (the defaults, for FFIs
 * that cannot expand the macro); an unknown version is refused by the init
 * function and by eg_ladder_step() itself, nothing written or changed. */
static void test_ladder_step_options_init_and_versions(void **state)
{
	(void)state;
	static const eg_ladder_step_options want = EG_LADDER_STEP_OPTIONS_INIT;
	eg_ladder_step_options o, before;
	int rc;
	eg_ladder *l = NULL;
	eg_ladder_state *s = NULL;
	eg_ladder_outcome *out = NULL;
	assert_int_equal(eg_ladder_preset(&l, "DG-63"), EG_OK);
	assert_int_equal(eg_ladder_state_new(&s, l), EG_OK);
	memset(&o, 0xA5, sizeof o);
	assert_int_equal(eg_ladder_step_options_init(&o, EG_LADDER_STEP_OPTIONS_VERSION), EG_OK);
	assert_int_equal(o.version, EG_LADDER_STEP_OPTIONS_VERSION);
	assert_ptr_equal(o.units, want.units);
	assert_ptr_equal(o.values, want.values);
	assert_ptr_equal(o.flags, want.flags);
	assert_int_equal(o.n_units, want.n_units);
	memset(&o, 0xA5, sizeof o);
	memset(&before, 0xA5, sizeof before);
	assert_error(eg_ladder_step_options_init(&o, EG_LADDER_STEP_OPTIONS_VERSION + 1), EG_EINVAL, "unknown version 2");
	assert_memory_equal(&o, &before, sizeof o);
	assert_error(eg_ladder_step_options_init(NULL, EG_LADDER_STEP_OPTIONS_VERSION), EG_EINVAL, "opts is NULL");
	/* The call refuses a version it does not know (0: never initialised; 2: newer). */
	o = want;
	o.version = 0;
	rc = eg_ladder_step(&out, s, "2026-01", &o);
	assert_error(rc, EG_EINVAL, "version 0 is not 1");
	o.version = EG_LADDER_STEP_OPTIONS_VERSION + 1;
	rc = eg_ladder_step(&out, s, "2026-01", &o);
	assert_error(rc, EG_EINVAL, "version 2 is not 1");
	rc = eg_ladder_step(&out, s, "2026-01", NULL);
	assert_error(rc, EG_EINVAL, "is NULL (initialise it with EG_LADDER_STEP_OPTIONS_INIT)");
	assert_null(out);
	assert_null(eg_ladder_state_last_month(s));
	eg_ladder_state_free(s);
	eg_ladder_free(l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cj_a2_7_3_exactly_ten_percent_is_criticism),
		cmocka_unit_test(test_cj_a2_7_3_just_below_ten_percent),
		cmocka_unit_test(test_cj_a2_7_3_exactly_twenty_percent_is_interview),
		cmocka_unit_test(test_cj_a2_7_3_two_and_three_months_running),
		cmocka_unit_test(test_cj_a2_7_3_two_months_at_twenty),
		cmocka_unit_test(test_cj_a2_7_3_streak_broken_by_a_month_below),
		cmocka_unit_test(test_cj_a2_7_3_streak_broken_by_a_missing_month),
		cmocka_unit_test(test_r0_4_state_streak_counts_the_run_a_gap_breaks),
		cmocka_unit_test(test_cj_a2_7_3_twenty_inside_a_ten_streak),
		cmocka_unit_test(test_cj_a2_7_3_total_zero_gives_no_share),
		cmocka_unit_test(test_cj_a2_7_1_three_failing_months),
		cmocka_unit_test(test_cj_a2_7_1_fourth_month_gap_pass_and_new_year),
		cmocka_unit_test(test_cj_a3_4_last_place_ladder_and_ties),
		cmocka_unit_test(test_cj_a3_4_three_last_places_in_the_year_with_target_missed),
		cmocka_unit_test(test_cj_m_4_3_recheck_counts),
		cmocka_unit_test(test_dg_65_bottom_three_with_ties),
		cmocka_unit_test(test_dg_63_rolling_window_edge),
		cmocka_unit_test(test_jm_2_3_situations),
		cmocka_unit_test(test_ladder_incremental_state_round_trips_and_matches_batch),
		cmocka_unit_test(test_ladder_state_parse_errors),
		cmocka_unit_test(test_ladder_step_errors_leave_state_unchanged),
		cmocka_unit_test(test_ladder_builder_errors),
		cmocka_unit_test(test_ladder_every_allocation_failure_is_clean),
		cmocka_unit_test(test_ladder_preset_and_state_allocation_failures),
		cmocka_unit_test(test_ladder_accessors_and_bad_arguments),
		cmocka_unit_test(test_ladder_state_parse_rejects_each_malformed_field),
		cmocka_unit_test(test_cj_a2_7_3_evaluate_table_matches_stepping),
		cmocka_unit_test(test_ladder_evaluate_table_errors),
		cmocka_unit_test(test_ladder_evaluate_table_equals_stepping_every_preset),
		cmocka_unit_test(test_ladder_evaluate_table_error_in_a_later_month),
		cmocka_unit_test(test_ladder_clause_init_matches_the_macro),
		cmocka_unit_test(test_ladder_builder_options_init_and_versions),
		cmocka_unit_test(test_ladder_step_options_init_and_versions),
	};
	return cmocka_run_group_tests_name("ladder", tests, NULL, NULL);
}
