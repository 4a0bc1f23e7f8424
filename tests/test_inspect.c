/* inspect.h: SHA-256 (FIPS 180-4), the sampler.py-compatible draw, DG-6, DG-8, DG-10, DG-11, 双随机. */
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

static void test_sha256_fips_180_4_examples(void **state)
{
	(void)state;
	char hex[65];
	char *million = malloc(1000000);
	/* FIPS 180-4 / 180-2 appendix examples. */
	assert_int_equal(eg_sha256_hex(hex, "abc", 3), EG_OK);
	assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	assert_int_equal(eg_sha256_hex(hex, "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 56), EG_OK);
	assert_string_equal(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
	assert_int_equal(eg_sha256_hex(hex, "", 0), EG_OK);
	assert_string_equal(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	assert_non_null(million);
	memset(million, 'a', 1000000);
	assert_int_equal(eg_sha256_hex(hex, million, 1000000), EG_OK);
	assert_string_equal(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
	free(million);
	assert_error(eg_sha256_hex(NULL, "a", 1), EG_EINVAL, NULL);
	assert_error(eg_sha256_hex(hex, NULL, 1), EG_EINVAL, NULL);
}

/* The transcript published with sampler.py (14 November 2011): seed
 * 3546311556112163624615351222, a = 1, b = 876, n = 47, no replacement;
 * counter 32 gives 611 again and is rejected. */
static const int64_t sampler_vector[47] = {
	740, 180, 264, 789, 238, 448, 272, 611, 761, 208, 596, 88,  160, 113, 766, 427,
	184, 816, 653, 411, 779, 331, 339, 487, 594, 235, 65,  527, 821, 490, 461, 251,
	471, 414, 174, 567, 300, 134, 144, 357, 786, 792, 218, 550, 787, 537, 197,
};

static void test_sampler_py_published_vector_without_replacement(void **state)
{
	(void)state;
	int64_t out[47];
	assert_int_equal(eg_sample(out, 47, "3546311556112163624615351222", 1, 876, 0, 0), EG_OK);
	assert_memory_equal(out, sampler_vector, sizeof out);
}

static void test_sampler_py_expanded_sample_and_with_replacement(void **state)
{
	(void)state;
	int64_t out[47];
	/* An expanded sample skips the first 40 and continues: the last 7 of the vector. */
	assert_int_equal(eg_sample(out, 7, "3546311556112163624615351222", 1, 876, 0, 40), EG_OK);
	assert_memory_equal(out, sampler_vector + 40, 7 * sizeof *out);
	/* With replacement nothing is rejected: counter 32 gives its 611 again, so
	 * picks 1-31 equal the vector's and pick 32 is 611 (picks 33+ shift by one). */
	assert_int_equal(eg_sample(out, 33, "3546311556112163624615351222", 1, 876, 1, 0), EG_OK);
	assert_memory_equal(out, sampler_vector, 31 * sizeof *out);
	assert_int_equal(out[31], 611);
	assert_int_equal(out[32], sampler_vector[31]); /* counter 33 -> 251 */
	assert_error(eg_sample(out, 3, "s", 1, 2, 0, 0), EG_EINVAL, "3 picks without replacement from 2 values");
	assert_error(eg_sample(out, 1, "", 1, 2, 0, 0), EG_EINVAL, "seed is empty");
	assert_error(eg_sample(out, 1, "s", 5, 2, 0, 0), EG_EINVAL, "a = 5 is greater than b = 2");
	assert_error(eg_sample(out, 1, "s", INT64_MIN, INT64_MAX, 1, 0), EG_ERANGE, "too large");
}

static void test_dg_6_pool_85_percent_with_ties_at_the_cut(void **state)
{
	(void)state;
	const char *ids[] = { "E", "A", "B", "C", "D" };
	int64_t em[] = { 5, 50, 20, 15, 10 }, tie[] = { 5, 50, 20, 12, 12 };
	size_t pool[5], n = 0;
	/* Total 100, by emissions A 50, B 20, C 15, D 10, E 5. At 850 per mille:
	 * A 50000 < 85000, A+B 70000 < 85000, A+B+C 85000 >= 85000 (exactly 85 %): 3. */
	assert_int_equal(eg_inspect_pool(pool, &n, ids, em, 5, 850), EG_OK);
	assert_int_equal(n, 3);
	assert_string_equal(ids[pool[0]], "A");
	assert_string_equal(ids[pool[1]], "B");
	assert_string_equal(ids[pool[2]], "C");
	/* At 860: 85000 < 86000, + D 10 -> 95000 >= 86000: 4. */
	assert_int_equal(eg_inspect_pool(pool, &n, ids, em, 5, 860), EG_OK);
	assert_int_equal(n, 4);
	/* Tie at the cut: total 99 with C and D both 12; at 800 the threshold is
	 * 79200: A+B 70000 < 79200, + C 82000 >= 79200 -> cut at C, and D ties
	 * with C, so D is taken too: 4, not 3 (the cut is never decided by ID). */
	assert_int_equal(eg_inspect_pool(pool, &n, ids, tie, 5, 800), EG_OK);
	assert_int_equal(n, 4);
	{
		const char *dup[] = { "A", "A" };
		int64_t z[] = { 0, 0 }, neg[] = { 1, -1 };
		/* A, B, A with emissions 1, 5, 10: in emission order the two A are apart (A B A). */
		const char *apart[] = { "A", "B", "A" };
		int64_t e3[] = { 1, 5, 10 };
		assert_error(eg_inspect_pool(pool, &n, dup, em, 2, 850), EG_EINVAL, "A is listed twice");
		assert_error(eg_inspect_pool(pool, &n, apart, e3, 3, 850), EG_EINVAL, "A is listed twice");
		assert_error(eg_inspect_pool(pool, &n, ids, z, 2, 850), EG_EINVAL, "total emissions are 0");
		assert_error(eg_inspect_pool(pool, &n, ids, neg, 2, 850), EG_EINVAL, "emissions -1 are negative");
		assert_error(eg_inspect_pool(pool, &n, ids, em, 5, 1001), EG_ERANGE, "1001");
	}
}

static void test_dg_8_10_11_quotas_round_up(void **state)
{
	(void)state;
	int64_t q;
	assert_int_equal(eg_inspect_quota(&q, EG_QUOTA_DG8_CITY, 31), EG_OK);
	assert_int_equal(q, 4); /* 10 % of 31 = 3.1 -> 4 */
	assert_int_equal(eg_inspect_quota(&q, EG_QUOTA_DG8_CITY, 30), EG_OK);
	assert_int_equal(q, 3); /* exactly 3 */
	assert_int_equal(eg_inspect_quota(&q, EG_QUOTA_DG8_TOWN, 31), EG_OK);
	assert_int_equal(q, 8); /* 25 % of 31 = 7.75 -> 8 */
	assert_int_equal(eg_inspect_quota(&q, EG_QUOTA_DG10_CITY, 12), EG_OK);
	assert_int_equal(q, 60); /* 1:5 of 12 staff */
	assert_int_equal(eg_inspect_quota(&q, EG_QUOTA_DG10_TOWN, 12), EG_OK);
	assert_int_equal(q, 120);
	assert_int_equal(eg_inspect_quota(&q, EG_QUOTA_DG11, 3), EG_OK);
	assert_int_equal(q, 75);
	assert_error(eg_inspect_quota(&q, 9, 3), EG_EINVAL, "rule 9");
	assert_error(eg_inspect_quota(&q, 0, -1), EG_ERANGE, "-1");
}

/* A frame of 200 synthetic enterprises in two strata. */
typedef struct frame {
	char ids[200][16];
	const char *ptr[200];
} frame;

static void make_frame(frame *f)
{
	for (int i = 0; i < 200; i++) {
		snprintf(f->ids[i], sizeof f->ids[i], "E%03d", (i * 37) % 200); /* shuffled order */
		f->ptr[i] = f->ids[i];
	}
}

static void test_double_random_draw_is_reproducible_and_verifiable(void **state)
{
	(void)state;
	frame f;
	const char *strata[] = { "key", "general" };
	size_t sizes[] = { 31, 169 }, quotas[] = { 4, 10 };
	eg_draw *d = NULL, *again = NULL;
	int ok = -1;
	make_frame(&f);
	assert_int_equal(eg_draw_objects(&d, "2026Q4-12345678", strata, sizes, f.ptr, quotas, 2), EG_OK);
	assert_int_equal(eg_draw_selected_count(d), 14);
	assert_int_equal(eg_draw_algorithm(d), 1);
	assert_string_equal(eg_draw_selected_stratum(d, 0), "key");
	assert_string_equal(eg_draw_selected_stratum(d, 13), "general");
	/* The same inputs in another order give the same frame hash and draw. */
	{
		frame g = f;
		const char *tmp = g.ptr[0];
		g.ptr[0] = g.ptr[30];
		g.ptr[30] = tmp;
		assert_int_equal(eg_draw_objects(&again, "2026Q4-12345678", strata, sizes, g.ptr, quotas, 2), EG_OK);
		assert_string_equal(eg_draw_frame_hash(again), eg_draw_frame_hash(d));
		for (size_t i = 0; i < 14; i++)
			assert_string_equal(eg_draw_selected(again, i), eg_draw_selected(d, i));
		eg_draw_free(again);
	}
	assert_int_equal(eg_draw_verify(&ok, d, strata, sizes, f.ptr, quotas, 2), EG_OK);
	assert_int_equal(ok, 1);
	/* One changed frame entry: the check fails. */
	f.ptr[5] = "E999";
	assert_int_equal(eg_draw_verify(&ok, d, strata, sizes, f.ptr, quotas, 2), EG_OK);
	assert_int_equal(ok, 0);
	eg_draw_free(d);
}

static void test_draw_matches_the_public_sampler_on_the_canonical_frame(void **state)
{
	(void)state;
	/* Stratum "s" of IDs "001".."876" (canonical order = numeric order here):
	 * the draw with seed X uses sampler.py's seed "X/s", so pick k is ID k. */
	static char ids[876][8];
	const char *ptr[876], *strata[] = { "s" };
	size_t sizes[] = { 876 }, quotas[] = { 5 };
	int64_t expect[5];
	eg_draw *d = NULL;
	for (int i = 0; i < 876; i++) {
		snprintf(ids[i], sizeof ids[i], "%03d", i + 1);
		ptr[i] = ids[i];
	}
	assert_int_equal(eg_draw_objects(&d, "3546311556112163624615351222", strata, sizes, ptr, quotas, 1), EG_OK);
	assert_int_equal(eg_sample(expect, 5, "3546311556112163624615351222/s", 1, 876, 0, 0), EG_OK);
	for (int k = 0; k < 5; k++)
		assert_int_equal(atoi(eg_draw_selected(d, (size_t)k)), expect[k]);
	eg_draw_free(d);
}

static void test_inspector_pairing_skips_conflicts(void **state)
{
	(void)state;
	frame f;
	const char *strata[] = { "key" }, *insp[] = { "I1", "I2", "I3", "I4" };
	size_t sizes[] = { 200 }, quotas[] = { 3 };
	eg_draw *d = NULL;
	const char *ci[4], *co[4], *si, *so;
	make_frame(&f);
	assert_int_equal(eg_draw_objects(&d, "seed-2026", strata, sizes, f.ptr, quotas, 1), EG_OK);
	/* Object 0 conflicts with I1, I2 and I3: only I4 is eligible. */
	for (int k = 0; k < 3; k++) {
		ci[k] = insp[k];
		co[k] = eg_draw_selected(d, 0);
	}
	/* Two per object are impossible for object 0: clear error, nothing paired. */
	assert_error(eg_draw_pair_inspectors(d, insp, 4, ci, co, 3, 2), EG_EINVAL, "1 eligible inspectors after conflicts");
	assert_null(eg_draw_inspector(d, 1, 0));
	/* One per object works; object 0 gets I4 and the conflicts met on the way are recorded. */
	assert_int_equal(eg_draw_pair_inspectors(d, insp, 4, ci, co, 3, 1), EG_OK);
	assert_string_equal(eg_draw_inspector(d, 0, 0), "I4");
	for (size_t k = 0; k < eg_draw_skip_count(d); k++) {
		assert_int_equal(eg_draw_skip(&si, &so, d, k), EG_OK);
		assert_string_equal(so, eg_draw_selected(d, 0));
		assert_true(strcmp(si, "I4") != 0);
	}
	assert_error(eg_draw_pair_inspectors(d, insp, 4, ci, co, 3, 1), EG_ESTATE, "already has inspectors");
	eg_draw_free(d);
}

static void test_draw_errors(void **state)
{
	(void)state;
	const char *strata[] = { "a", "a" }, *ids[] = { "X", "X", "Y" };
	size_t sizes[] = { 2, 1 }, quotas[] = { 1, 1 }, big[] = { 3, 1 }, zero[] = { 0, 1 };
	eg_draw *d = NULL;
	const char *one[] = { "a", "b" };
	assert_error(eg_draw_objects(&d, "s", strata, sizes, ids, quotas, 2), EG_EINVAL, "stratum a is listed twice");
	assert_error(eg_draw_objects(&d, "s", one, sizes, ids, quotas, 2), EG_EINVAL, "object X is listed twice");
	assert_error(eg_draw_objects(&d, "s", one, sizes, ids, big, 2), EG_EINVAL, "quota 3 is larger than its 2 objects");
	assert_error(eg_draw_objects(&d, "s", one, zero, ids, zero, 2), EG_EINVAL, "empty frame");
	assert_error(eg_draw_objects(&d, "", one, sizes, ids, quotas, 2), EG_EINVAL, "seed is empty");
	assert_null(d);
}

static void test_cj_g_9_deadlines_at_60_and_61_minutes(void **state)
{
	(void)state;
	int st[2];
	int32_t late[2];
	/* Feedback at exactly 60 minutes: on time; result at 121: 1 minute late. */
	assert_int_equal(eg_alert_deadlines(st, late, "2026-10-01 09:00", "2026-10-01 10:00", "2026-10-01 11:01"), EG_OK);
	assert_int_equal(st[0], EG_ON_TIME);
	assert_int_equal(st[1], EG_LATE);
	assert_int_equal(late[1], 1);
	/* Feedback at 61 minutes: late by 1; result missing. Across midnight. */
	assert_int_equal(eg_alert_deadlines(st, late, "2026-10-01 23:30", "2026-10-02 00:31", NULL), EG_OK);
	assert_int_equal(st[0], EG_LATE);
	assert_int_equal(late[0], 1);
	assert_int_equal(st[1], EG_MISSING);
	assert_error(eg_alert_deadlines(st, late, "2026-10-01 09:00", "2026-10-01 08:59", NULL), EG_EINVAL,
		     "comes before the alert");
	assert_error(eg_alert_deadlines(st, late, "2026-10-01 24:00", NULL, NULL), EG_EINVAL, "not YYYY-MM-DD HH:MM");
}

static void test_dg_30_equipment_due(void **state)
{
	(void)state;
	int due;
	assert_int_equal(eg_equipment_due(&due, 10, "2016-05-01", "2026-05-01"), EG_OK);
	assert_int_equal(due, 0); /* 10 repairs and exactly 10 years: neither is "more than 10" */
	assert_int_equal(eg_equipment_due(&due, 11, "2020-05-01", "2026-05-01"), EG_OK);
	assert_int_equal(due, 1); /* 11 repairs */
	assert_int_equal(eg_equipment_due(&due, 0, "2016-05-01", "2026-05-02"), EG_OK);
	assert_int_equal(due, 1); /* 10 years and a day */
	assert_int_equal(eg_equipment_due(&due, 0, "2016-02-29", "2026-02-28"), EG_OK);
	assert_int_equal(due, 0); /* anniversary of 29 February is 28 February */
	assert_int_equal(eg_equipment_due(&due, 0, "2016-02-29", "2026-03-01"), EG_OK);
	assert_int_equal(due, 1);
	assert_error(eg_equipment_due(&due, -1, "2016-02-29", "2026-03-01"), EG_EINVAL, "negative");
	assert_error(eg_equipment_due(&due, 0, "2026-03-01", "2016-02-29"), EG_EINVAL, "before installation");
}

static void test_mee_1_lowest_indicator_and_mee_3_1_filing(void **state)
{
	(void)state;
	int g, late;
	int ind[] = { EG_MEE_A, EG_MEE_B, EG_MEE_A }, missing[] = { EG_MEE_A, EG_MEE_MISSING }, bad[] = { 9 };
	assert_int_equal(eg_mee_grade_of(&g, 1, ind, 3), EG_OK);
	assert_int_equal(g, EG_MEE_B); /* 短板: the worst indicator */
	assert_int_equal(eg_mee_grade_of(&g, 1, missing, 2), EG_OK);
	assert_int_equal(g, EG_MEE_D); /* a missing indicator counts as D */
	assert_int_equal(eg_mee_grade_of(&g, 0, NULL, 0), EG_OK);
	assert_int_equal(g, EG_MEE_D); /* not applied: lowest */
	assert_error(eg_mee_grade_of(&g, 1, bad, 1), EG_EINVAL, "grade 9");
	assert_int_equal(eg_mee_reduction_required(EG_MEE_A), 0);
	assert_int_equal(eg_mee_reduction_required(EG_MEE_LEADING), 0);
	assert_int_equal(eg_mee_reduction_required(EG_MEE_B), 1);
	assert_int_equal(eg_mee_reduction_required(7), -1);
	assert_int_equal(eg_mee_filing_late(&late, 2026, "2026-09-30", NULL), EG_OK);
	assert_int_equal(late, 0); /* by 30 September, the day included (R0.3) */
	assert_int_equal(eg_mee_filing_late(&late, 2026, "2026-10-01", NULL), EG_OK);
	assert_int_equal(late, 1);
	assert_int_equal(eg_mee_filing_late(&late, 2026, NULL, "2026-10-01"), EG_OK);
	assert_int_equal(late, 1);
}

static void test_dg_15_night_and_holiday_inspections_per_month(void **state)
{
	(void)state;
	eg_cadence *c = NULL;
	const char *actors[] = { "city", "town-1" };
	/* city: one night inspection (23:10) in October and one on a holiday (10-01, 10:00),
	 * one ordinary daytime one (not counted); town-1: 3 night inspections (needs 4). */
	const char *t[] = { "2026-10-05 23:10", "2026-10-01 10:00", "2026-10-08 10:00", "2026-10-09 05:59",
			    "2026-10-10 22:00", "2026-10-11 21:59", "2026-10-31 23:59" };
	const char *k[] = { "inspection", "inspection", "inspection", "inspection", "inspection", "inspection", "inspection" };
	const char *a[] = { "city", "city", "city", "town-1", "town-1", "town-1", "town-1" };
	const char *hol[] = { "2026-10-01" };
	/* DG-15 city >= 2: 23:10 and the holiday count -> 2: met. */
	assert_int_equal(eg_cadence_check(&c, "DG-15", "inspection", EG_PERIOD_MONTH, 2, EG_CADENCE_NIGHT_OR_HOLIDAY,
					  actors, 1, t, k, a, 7, hol, 1, "2026-10-01", "2026-10-31"), EG_OK);
	assert_int_equal(eg_cadence_count(c), 0);
	eg_cadence_free(c);
	/* DG-15 town >= 4: 05:59, 22:00 and 23:59 count, 21:59 does not -> 3 < 4. */
	assert_int_equal(eg_cadence_check(&c, "DG-15", "inspection", EG_PERIOD_MONTH, 4, EG_CADENCE_NIGHT_OR_HOLIDAY,
					  actors + 1, 1, t, k, a, 7, hol, 1, "2026-10-01", "2026-10-31"), EG_OK);
	assert_int_equal(eg_cadence_count(c), 1);
	assert_int_equal(eg_cadence_measured(c, 0), 3);
	assert_string_equal(eg_cadence_period_start(c, 0), "2026-10-01");
	assert_string_equal(eg_cadence_message(c, 0, EG_LANG_EN),
			    "town-1: 3 inspection event(s) in the month from 2026-10-01; at least 4 required (DG-15)");
	eg_cadence_free(c);
	assert_error(eg_cadence_check(&c, "DG-15", "inspection", 9, 4, 0, actors, 1, t, k, a, 7, NULL, 0, "2026-10-01",
				      "2026-10-31"), EG_EINVAL, "period 9");
}

static void test_cj_g_8_daily_patrol_across_a_month_boundary_and_dg_17_yearly(void **state)
{
	(void)state;
	eg_cadence *c = NULL;
	const char *actors[] = { "supervisor-1" };
	const char *t[] = { "2026-09-30 08:00", "2026-10-01 08:00", "2026-10-03 08:00" };
	const char *k[] = { "patrol", "patrol", "patrol" };
	const char *a[] = { "supervisor-1", "supervisor-1", "supervisor-1" };
	/* CJ-G.8: a patrol every day from 09-30 to 10-03: 10-02 is missing. */
	assert_int_equal(eg_cadence_check(&c, "CJ-G.8", "patrol", EG_PERIOD_DAY, 1, 0, actors, 1, t, k, a, 3, NULL, 0,
					  "2026-09-30", "2026-10-03"), EG_OK);
	assert_int_equal(eg_cadence_count(c), 1);
	assert_string_equal(eg_cadence_period_start(c, 0), "2026-10-02");
	eg_cadence_free(c);
	/* DG-17: >= 6 cross-town inspections a year; 3 "patrol" events of another kind count 0. */
	assert_int_equal(eg_cadence_check(&c, "DG-17", "cross_town", EG_PERIOD_YEAR, 6, 0, actors, 1, t, k, a, 3, NULL, 0,
					  "2026-01-01", "2026-12-31"), EG_OK);
	assert_int_equal(eg_cadence_count(c), 1);
	assert_int_equal(eg_cadence_measured(c, 0), 0);
	eg_cadence_free(c);
}

static void test_cj_g_8_dg_15_dg_17_cadence_presets(void **state)
{
	(void)state;
	const char *kind, *rule;
	int period;
	int32_t min;
	unsigned flags;
	assert_int_equal(eg_cadence_preset(&kind, &period, &min, &flags, &rule, "DG-15-town"), EG_OK);
	assert_string_equal(kind, "inspection");
	assert_int_equal(period, EG_PERIOD_MONTH);
	assert_int_equal(min, 4);
	assert_int_equal(flags, EG_CADENCE_NIGHT_OR_HOLIDAY);
	assert_string_equal(rule, "DG-15");
	assert_int_equal(eg_cadence_preset(&kind, &period, &min, &flags, &rule, "DG-17-village"), EG_OK);
	assert_int_equal(min, 12);
	assert_int_equal(period, EG_PERIOD_YEAR);
	assert_int_equal(eg_cadence_preset(&kind, &period, &min, &flags, &rule, "CJ-G.8-dispatch"), EG_OK);
	assert_int_equal(period, EG_PERIOD_WEEK);
	assert_string_equal(rule, "CJ-G.8");
	/* DG-9: each key object inspected by the specialists every month. */
	assert_int_equal(eg_cadence_preset(&kind, &period, &min, &flags, &rule, "DG-9"), EG_OK);
	assert_int_equal(period, EG_PERIOD_MONTH);
	assert_int_equal(min, 1);
	assert_error(eg_cadence_preset(&kind, &period, &min, &flags, &rule, "DG-99"), EG_ENOTFOUND, "DG-99");
}

static void test_cj_g_8_week_and_quarter_periods_across_the_year(void **state)
{
	(void)state;
	eg_cadence *c = NULL;
	const char *actors[] = { "县" };
	const char *t[] = { "2026-12-30 09:00" }, *k[] = { "dispatch" }, *a[] = { "县" };
	/* ISO weeks from Mon 2026-12-28 and Mon 2027-01-04: the second has none. */
	assert_int_equal(eg_cadence_check(&c, "CJ-G.8", "dispatch", EG_PERIOD_WEEK, 1, 0, actors, 1, t, k, a, 1, NULL, 0,
					  "2026-12-28", "2027-01-10"), EG_OK);
	assert_int_equal(eg_cadence_count(c), 1);
	assert_string_equal(eg_cadence_period_start(c, 0), "2027-01-04");
	assert_string_equal(eg_cadence_actor(c, 0), "县");
	eg_cadence_free(c);
	/* Quarters Q4 2026 and Q1 2027: one survey in Q4 only. */
	assert_int_equal(eg_cadence_check(&c, "CJ-G.8", "dispatch", EG_PERIOD_QUARTER, 1, 0, actors, 1, t, k, a, 1, NULL, 0,
					  "2026-11-15", "2027-02-01"), EG_OK);
	assert_int_equal(eg_cadence_count(c), 1);
	assert_string_equal(eg_cadence_period_start(c, 0), "2027-01-01");
	assert_null(eg_cadence_actor(c, 1));
	assert_int_equal(eg_cadence_measured(c, 1), -1);
	assert_null(eg_cadence_message(c, 1, 0));
	eg_cadence_free(c);
	eg_cadence_free(NULL);
}

static void test_inspect_duty_bad_arguments(void **state)
{
	(void)state;
	eg_cadence *c = NULL;
	const char *actors[] = { "x" }, *bad_t[] = { "2026-10-01" }, *k[] = { "k" }, *a[] = { "x" }, *hol[] = { "10/01" };
	int st[2], due, g, late;
	int32_t lt[2];
	assert_error(eg_cadence_check(&c, "R", "k", EG_PERIOD_DAY, 1, 0, actors, 1, bad_t, k, a, 1, NULL, 0, "2026-10-01",
				      "2026-10-02"), EG_EINVAL, "event 0 has a bad time");
	assert_error(eg_cadence_check(&c, "R", "k", EG_PERIOD_DAY, 1, 0, actors, 1, NULL, NULL, NULL, 0, hol, 1,
				      "2026-10-01", "2026-10-02"), EG_EINVAL, "holiday \"10/01\"");
	assert_error(eg_cadence_check(&c, "R", "k", EG_PERIOD_DAY, 1, 0, actors, 1, NULL, NULL, NULL, 0, NULL, 0,
				      "2026-10-02", "2026-10-01"), EG_EINVAL, "two ordered dates");
	assert_error(eg_cadence_check(&c, "R", "k", EG_PERIOD_DAY, 0, 0, actors, 1, NULL, NULL, NULL, 0, NULL, 0,
				      "2026-10-01", "2026-10-02"), EG_EINVAL, "min_count 0");
	assert_error(eg_cadence_check(&c, "", "k", EG_PERIOD_DAY, 1, 0, actors, 1, NULL, NULL, NULL, 0, NULL, 0,
				      "2026-10-01", "2026-10-02"), EG_EINVAL, "rule ID is empty");
	assert_error(eg_cadence_check(NULL, "R", "k", 0, 1, 0, actors, 1, NULL, NULL, NULL, 0, NULL, 0, "a", "b"), EG_EINVAL, NULL);
	assert_null(c);
	assert_error(eg_alert_deadlines(st, lt, "2026-10-01 09:00", "9:30", NULL), EG_EINVAL, "feedback time");
	assert_error(eg_alert_deadlines(NULL, lt, "2026-10-01 09:00", NULL, NULL), EG_EINVAL, NULL);
	assert_error(eg_equipment_due(&due, 0, "2026-13-01", "2026-01-01"), EG_EINVAL, "YYYY-MM-DD");
	assert_error(eg_equipment_due(NULL, 0, "2026-01-01", "2026-01-01"), EG_EINVAL, NULL);
	assert_error(eg_mee_grade_of(&g, 1, NULL, 0), EG_EINVAL, "at least one indicator");
	assert_error(eg_mee_grade_of(NULL, 1, NULL, 0), EG_EINVAL, NULL);
	assert_error(eg_mee_filing_late(&late, 2026, "2026-9-30", NULL), EG_EINVAL, "not a date");
	assert_error(eg_mee_filing_late(&late, 0, "2026-09-30", NULL), EG_EINVAL, "year 0");
	assert_error(eg_mee_filing_late(&late, 2026, NULL, NULL), EG_EINVAL, NULL);
}

static int scenario_cadence(void *unused)
{
	(void)unused;
	eg_cadence *c = NULL;
	const char *actors[] = { "a", "b" }, *t[] = { "2026-10-01 23:00" }, *k[] = { "inspection" }, *a[] = { "a" };
	const char *hol[] = { "2026-10-01" };
	int rc = eg_cadence_check(&c, "DG-15", "inspection", EG_PERIOD_MONTH, 4, EG_CADENCE_NIGHT_OR_HOLIDAY, actors, 2,
				  t, k, a, 1, hol, 1, "2026-10-01", "2026-12-31");
	if (rc == EG_OK)
		assert_int_equal(eg_cadence_count(c), 6); /* 2 actors x 3 months, all short of 4 */
	eg_cadence_free(c);
	return rc;
}

static void test_cadence_every_allocation_failure_is_clean(void **state)
{
	(void)state;
	assert_true(tu_alloc_fail_loop(scenario_cadence, NULL) >= 5);
}

static void test_dg_7_classes_dg_8_coverage_and_dg_12(void **state)
{
	(void)state;
	int key[] = { 1, 0, 0, 1 }, low[] = { 0, 0, 1, 1 }, cls[4];
	const char *keys[] = { "K1", "K2", "K3" }, *done[] = { "K3", "G9", "K1", "K3" };
	size_t miss[3], nm;
	assert_int_equal(eg_inspect_classify(cls, key, low, 4), EG_OK);
	assert_int_equal(cls[0], EG_CLASS_KEY);
	assert_int_equal(cls[1], EG_CLASS_GENERAL);
	assert_int_equal(cls[2], EG_CLASS_LOW_FREQUENCY); /* DG-12: no set frequency */
	assert_int_equal(cls[3], EG_CLASS_KEY);           /* key wins over low-frequency */
	/* DG-8: K2 was never inspected this year. */
	assert_int_equal(eg_inspect_key_coverage(miss, &nm, keys, 3, done, 4), EG_OK);
	assert_int_equal(nm, 1);
	assert_string_equal(keys[miss[0]], "K2");
	assert_int_equal(eg_inspect_key_coverage(miss, &nm, keys, 3, done, 0), EG_OK);
	assert_int_equal(nm, 3);
	assert_error(eg_inspect_key_coverage(NULL, &nm, keys, 3, done, 4), EG_EINVAL, NULL);
}

static void test_mee_1_reduction_measures_by_grade_and_alert(void **state)
{
	(void)state;
	const char *table[15] = { NULL };
	const char *m = (const char *)1;
	table[EG_MEE_B * 3 + EG_ALERT_ORANGE] = "限产30%";
	table[EG_MEE_D * 3 + EG_ALERT_RED] = "停产";
	assert_int_equal(eg_mee_reduction_measure(&m, table, EG_MEE_A, EG_ALERT_RED), EG_OK);
	assert_null(m); /* grade A: no mandatory reduction */
	assert_int_equal(eg_mee_reduction_measure(&m, table, EG_MEE_LEADING, EG_ALERT_RED), EG_OK);
	assert_null(m);
	assert_int_equal(eg_mee_reduction_measure(&m, table, EG_MEE_B, EG_ALERT_ORANGE), EG_OK);
	assert_string_equal(m, "限产30%");
	assert_int_equal(eg_mee_reduction_measure(&m, table, EG_MEE_D, EG_ALERT_RED), EG_OK);
	assert_string_equal(m, "停产");
	assert_error(eg_mee_reduction_measure(&m, table, EG_MEE_C, EG_ALERT_YELLOW), EG_EINVAL, "no measure for grade 3");
	assert_error(eg_mee_reduction_measure(&m, table, EG_MEE_C, 5), EG_EINVAL, "alert level 5");
}

static int scenario_draw(void *unused)
{
	(void)unused;
	frame f;
	const char *strata[] = { "key", "general" }, *insp[] = { "I1", "I2", "I3" }, *ci[] = { "I1" }, *co[1];
	size_t sizes[] = { 31, 169 }, quotas[] = { 4, 10 };
	size_t pool[200], n;
	int64_t em[200];
	eg_draw *d = NULL;
	int rc, ok;
	make_frame(&f);
	for (int i = 0; i < 200; i++)
		em[i] = 200 - i;
	if ((rc = eg_inspect_pool(pool, &n, f.ptr, em, 200, 850)) < 0)
		return rc;
	if ((rc = eg_draw_objects(&d, "s", strata, sizes, f.ptr, quotas, 2)) < 0)
		return rc;
	co[0] = eg_draw_selected(d, 0);
	rc = eg_draw_pair_inspectors(d, insp, 3, ci, co, 1, 2);
	if (rc < 0)
		assert_null(eg_draw_inspector(d, 1, 0)); /* a failed pairing left no inspector */
	else
		rc = eg_draw_verify(&ok, d, strata, sizes, f.ptr, quotas, 2);
	eg_draw_free(d);
	return rc;
}

static void test_inspect_every_allocation_failure_is_clean(void **state)
{
	(void)state;
	assert_true(tu_alloc_fail_loop(scenario_draw, NULL) > 10);
}

/* ---- SHA-256 and the sampler: argument edges ---- */

static void test_sha256_empty_input_and_sample_argument_edges(void **state)
{
	(void)state;
	uint8_t d[32];
	int64_t out[2] = { -7, -7 };
	/* NULL data with length 0 is the empty message: e3b0c442... */
	assert_int_equal(eg_sha256(d, NULL, 0), EG_OK);
	assert_int_equal(d[0], 0xe3);
	assert_int_equal(d[31], 0x55);
	assert_error(eg_sha256(NULL, "a", 1), EG_EINVAL, "eg_sha256: NULL argument");
	assert_error(eg_sha256(d, NULL, 1), EG_EINVAL, "eg_sha256: NULL argument");
	/* No pick wanted: out may be NULL. */
	assert_int_equal(eg_sample(NULL, 0, "s", 1, 2, 0, 0), EG_OK);
	assert_error(eg_sample(NULL, 1, "s", 1, 2, 0, 0), EG_EINVAL, "eg_sample: NULL argument");
	assert_error(eg_sample(out, 1, NULL, 1, 2, 0, 0), EG_EINVAL, "eg_sample: NULL argument");
	/* count + skip would wrap around SIZE_MAX: refused, with or without replacement. */
	assert_error(eg_sample(out, 1, "s", 1, 2, 1, SIZE_MAX), EG_EINVAL, "count 1 plus skip");
	assert_error(eg_sample(out, 2, "s", 1, 2, 0, SIZE_MAX - 1), EG_EINVAL, "is too large");
	/* Exactly as many picks as values without replacement: a permutation of 1..2. */
	assert_int_equal(eg_sample(out, 2, "s", 1, 2, 0, 0), EG_OK);
	assert_int_equal(out[0] + out[1], 3);
	assert_true(out[0] != out[1]);
	/* b - a = 2^62 - 1 is the largest range allowed. */
	assert_int_equal(eg_sample(out, 1, "s", 0, ((int64_t)1 << 62) - 1, 1, 0), EG_OK);
	assert_true(out[0] >= 0 && out[0] < ((int64_t)1 << 62));
	assert_error(eg_sample(out, 1, "s", 0, (int64_t)1 << 62, 1, 0), EG_ERANGE, "too large");
}

/* ---- DG-6 with real 18-character unified social credit codes ---- */

static void test_dg_6_pool_orders_long_ids_bytewise(void **state)
{
	(void)state;
	/* Sorted bytewise (strcmp): a < b < c < d < e < f < g.
	 * a is 8 bytes; b exactly 16; c and d share b's 16 bytes and differ at
	 * byte 16 ("1X" / "2X"); e differs at byte 15; f at byte 7; g starts
	 * with a byte above 0x7F (企 = E4 BC 81), so it sorts after every digit. */
	const char *a = "91652301", *b = "91652301MA77ABCD", *c = "91652301MA77ABCD1X", *d = "91652301MA77ABCD2X",
		   *e = "91652301MA77ABCE0Y", *f = "91652302MA77ABCD1X", *g = "企业甲";
	const char *ids[] = { f, d, b, g, e, a, c };
	int64_t em[] = { 10, 10, 10, 10, 10, 10, 10 };
	size_t pool[7], n = 0;
	/* Equal emissions: the order is the IDs' byte order; a share of 1000 ‰ takes all 7. */
	assert_int_equal(eg_inspect_pool(pool, &n, ids, em, 7, 1000), EG_OK);
	assert_int_equal(n, 7);
	/* Input positions: a 5, b 2, c 6, d 1, e 4, f 0, g 3. */
	assert_int_equal(pool[0], 5);
	assert_int_equal(pool[1], 2);
	assert_int_equal(pool[2], 6);
	assert_int_equal(pool[3], 1);
	assert_int_equal(pool[4], 4);
	assert_int_equal(pool[5], 0);
	assert_int_equal(pool[6], 3);
	/* Two 18-byte codes that are the same: found although 16 bytes tie in the keys. */
	{
		const char *dup[] = { c, d, "91652301MA77ABCD1X" };
		assert_error(eg_inspect_pool(pool, &n, dup, em, 3, 850), EG_EINVAL, "91652301MA77ABCD1X is listed twice");
	}
}

static void test_dg_6_pool_total_2_pow_53_and_argument_errors(void **state)
{
	(void)state;
	const char *ids[] = { "A", "B" }, *bad[] = { "A", "" };
	int64_t max[] = { ((int64_t)1 << 53) - 1, 1 }, over[] = { (int64_t)1 << 53, 1 }, em[] = { 1, 1 };
	size_t pool[2], n = 0;
	/* Total exactly 2^53: allowed. A has 2^53 - 1 of it: 1000 · (2^53 - 1) ≥ 850 · 2^53, A alone. */
	assert_int_equal(eg_inspect_pool(pool, &n, ids, max, 2, 850), EG_OK);
	assert_int_equal(n, 1);
	assert_int_equal(pool[0], 0);
	/* 2^53 + 1: refused. */
	assert_error(eg_inspect_pool(pool, &n, ids, over, 2, 850), EG_ERANGE, "total emissions reach 2^53");
	assert_error(eg_inspect_pool(pool, &n, bad, em, 2, 850), EG_EINVAL, "enterprise ID is empty");
	assert_error(eg_inspect_pool(pool, &n, ids, em, 2, 0), EG_ERANGE, "share 0");
	assert_error(eg_inspect_pool(NULL, &n, ids, em, 2, 850), EG_EINVAL, "NULL argument or no enterprise");
	assert_error(eg_inspect_pool(pool, NULL, ids, em, 2, 850), EG_EINVAL, "NULL argument or no enterprise");
	assert_error(eg_inspect_pool(pool, &n, NULL, em, 2, 850), EG_EINVAL, "NULL argument or no enterprise");
	assert_error(eg_inspect_pool(pool, &n, ids, NULL, 2, 850), EG_EINVAL, "NULL argument or no enterprise");
	assert_error(eg_inspect_pool(pool, &n, ids, em, 0, 850), EG_EINVAL, "NULL argument or no enterprise");
	assert_error(eg_inspect_quota(NULL, EG_QUOTA_DG11, 1), EG_EINVAL, "out is NULL");
	/* 2^40 is the largest count accepted: DG-11 gives 25 · 2^40; 2^40 + 1 is refused. */
	{
		int64_t q = 0;
		assert_int_equal(eg_inspect_quota(&q, EG_QUOTA_DG11, (int64_t)1 << 40), EG_OK);
		assert_true(q == 25 * ((int64_t)1 << 40));
		assert_error(eg_inspect_quota(&q, EG_QUOTA_DG11, ((int64_t)1 << 40) + 1), EG_ERANGE, "out of range");
	}
}

/* ---- Draws: the canonical frame hash, errors, accessors ---- */

static void test_double_random_frame_hash_is_sha256_of_the_canonical_text(void **state)
{
	(void)state;
	/* The same seven IDs as the DG-6 test, in the same shuffled order. */
	const char *ids[] = { "91652302MA77ABCD1X", "91652301MA77ABCD2X", "91652301MA77ABCD", "企业甲",
				"91652301MA77ABCE0Y", "91652301", "91652301MA77ABCD1X" };
	const char *strata[] = { "s" };
	size_t sizes[] = { 7 }, quotas[] = { 1 };
	/* Written out by hand in byte order: the hash is over this exact text. */
	static const char canonical_text[] = "ecogrid-frame-v1\nstratum s\n"
					     "91652301\n91652301MA77ABCD\n91652301MA77ABCD1X\n91652301MA77ABCD2X\n"
					     "91652301MA77ABCE0Y\n91652302MA77ABCD1X\n企业甲\n";
	char hex[65];
	eg_draw *d = NULL;
	assert_int_equal(eg_sha256_hex(hex, canonical_text, sizeof canonical_text - 1), EG_OK);
	assert_int_equal(eg_draw_objects(&d, "2026Q4", strata, sizes, ids, quotas, 1), EG_OK);
	assert_string_equal(eg_draw_frame_hash(d), hex);
	eg_draw_free(d);
}

static void test_draw_argument_errors_and_frame_limits(void **state)
{
	(void)state;
	const char *strata[] = { "a" }, *bad_stratum[] = { "" }, *ids[] = { "X", "Y" }, *bad_ids[] = { "X", "" };
	size_t sizes[] = { 2 }, quotas[] = { 1 }, huge[] = { SIZE_MAX / 2 + 1 }, zero_q[] = { 0 };
	eg_draw *d = NULL;
	assert_error(eg_draw_objects(NULL, "s", strata, sizes, ids, quotas, 1), EG_EINVAL, "eg_draw_objects: NULL argument");
	assert_error(eg_draw_objects(&d, NULL, strata, sizes, ids, quotas, 1), EG_EINVAL, "eg_draw_objects: NULL argument");
	assert_error(eg_draw_objects(&d, "s", NULL, sizes, ids, quotas, 1), EG_EINVAL, "NULL argument or no stratum");
	assert_error(eg_draw_objects(&d, "s", strata, NULL, ids, quotas, 1), EG_EINVAL, "NULL argument or no stratum");
	assert_error(eg_draw_objects(&d, "s", strata, sizes, NULL, quotas, 1), EG_EINVAL, "NULL argument or no stratum");
	assert_error(eg_draw_objects(&d, "s", strata, sizes, ids, NULL, 1), EG_EINVAL, "NULL argument or no stratum");
	assert_error(eg_draw_objects(&d, "s", strata, sizes, ids, quotas, 0), EG_EINVAL, "NULL argument or no stratum");
	assert_error(eg_draw_objects(&d, "s", bad_stratum, sizes, ids, quotas, 1), EG_EINVAL, "stratum name is empty");
	assert_error(eg_draw_objects(&d, "s", strata, sizes, bad_ids, quotas, 1), EG_EINVAL, "object ID is empty");
	/* A stratum of more than SIZE_MAX / 2 objects is refused before the frame is read. */
	assert_error(eg_draw_objects(&d, "s", strata, huge, ids, zero_q, 1), EG_ERANGE, "frame too large");
	assert_null(d);
	/* A quota of 0 is a draw of nothing. */
	assert_int_equal(eg_draw_objects(&d, "s", strata, sizes, ids, zero_q, 1), EG_OK);
	assert_int_equal(eg_draw_selected_count(d), 0);
	assert_null(eg_draw_selected(d, 0));
	assert_null(eg_draw_selected_stratum(d, 0));
	eg_draw_free(d);
}

static void test_draw_accessors_on_null_and_out_of_range(void **state)
{
	(void)state;
	const char *strata[] = { "a" }, *ids[] = { "X", "Y" }, *insp[] = { "I1", "I2" }, *si = "u", *so = "u";
	size_t sizes[] = { 2 }, quotas[] = { 1 };
	eg_draw *d = NULL;
	int ok = -1;
	assert_null(eg_draw_frame_hash(NULL));
	assert_int_equal(eg_draw_algorithm(NULL), 0);
	assert_int_equal(eg_draw_selected_count(NULL), 0);
	assert_null(eg_draw_selected(NULL, 0));
	assert_null(eg_draw_selected_stratum(NULL, 0));
	assert_int_equal(eg_draw_skip_count(NULL), 0);
	assert_null(eg_draw_inspector(NULL, 0, 0));
	assert_error(eg_draw_skip(&si, &so, NULL, 0), EG_EINVAL, "eg_draw_skip");
	assert_error(eg_draw_verify(&ok, NULL, strata, sizes, ids, quotas, 1), EG_EINVAL, "eg_draw_verify: NULL argument");
	assert_int_equal(eg_draw_objects(&d, "s", strata, sizes, ids, quotas, 1), EG_OK);
	assert_error(eg_draw_verify(NULL, d, strata, sizes, ids, quotas, 1), EG_EINVAL, "eg_draw_verify: NULL argument");
	/* The draw's own inputs are refused in verify as in the draw. */
	assert_error(eg_draw_verify(&ok, d, strata, sizes, ids, quotas, 0), EG_EINVAL, "no stratum");
	/* Same frame (same hash) but 2 picks instead of 1: not the same draw. */
	{
		size_t two[] = { 2 };
		assert_int_equal(eg_draw_verify(&ok, d, strata, sizes, ids, two, 1), EG_OK);
		assert_int_equal(ok, 0);
	}
	/* Before pairing: no inspector; skip 0 of 0 is out of range. */
	assert_null(eg_draw_inspector(d, 0, 0));
	assert_error(eg_draw_skip(&si, &so, d, 0), EG_EINVAL, "k out of range");
	assert_int_equal(eg_draw_pair_inspectors(d, insp, 2, NULL, NULL, 0, 2), EG_OK);
	/* Both inspectors for the one object; k = 2 and i = 1 are out of range. */
	assert_non_null(eg_draw_inspector(d, 0, 0));
	assert_non_null(eg_draw_inspector(d, 0, 1));
	assert_true(strcmp(eg_draw_inspector(d, 0, 0), eg_draw_inspector(d, 0, 1)) != 0);
	assert_null(eg_draw_inspector(d, 0, 2));
	assert_null(eg_draw_inspector(d, 1, 0));
	assert_error(eg_draw_skip(NULL, &so, d, 0), EG_EINVAL, "eg_draw_skip");
	assert_error(eg_draw_skip(&si, NULL, d, 0), EG_EINVAL, "eg_draw_skip");
	assert_string_equal(si, "u"); /* untouched */
	eg_draw_free(d);
}

static void test_inspector_pairing_argument_errors(void **state)
{
	(void)state;
	const char *strata[] = { "a" }, *ids[] = { "X", "Y" }, *insp[] = { "I1", "I2" }, *dup[] = { "I1", "I1" };
	const char *bad[] = { "I1", "" }, *ci[] = { "I1" }, *co[] = { NULL };
	size_t sizes[] = { 2 }, quotas[] = { 2 };
	eg_draw *d = NULL;
	assert_int_equal(eg_draw_objects(&d, "s", strata, sizes, ids, quotas, 1), EG_OK);
	assert_error(eg_draw_pair_inspectors(NULL, insp, 2, NULL, NULL, 0, 1), EG_EINVAL, "eg_draw_pair_inspectors");
	assert_error(eg_draw_pair_inspectors(d, NULL, 2, NULL, NULL, 0, 1), EG_EINVAL, "eg_draw_pair_inspectors");
	assert_error(eg_draw_pair_inspectors(d, insp, 0, NULL, NULL, 0, 1), EG_EINVAL, "no inspector");
	assert_error(eg_draw_pair_inspectors(d, insp, 2, NULL, co, 1, 1), EG_EINVAL, "eg_draw_pair_inspectors");
	assert_error(eg_draw_pair_inspectors(d, insp, 2, ci, NULL, 1, 1), EG_EINVAL, "eg_draw_pair_inspectors");
	assert_error(eg_draw_pair_inspectors(d, insp, 2, NULL, NULL, 0, 0), EG_EINVAL, "per_object 0");
	assert_error(eg_draw_pair_inspectors(d, bad, 2, NULL, NULL, 0, 1), EG_EINVAL, "inspector ID is empty");
	assert_error(eg_draw_pair_inspectors(d, insp, 2, ci, co, 1, 1), EG_EINVAL, "conflict 0 has a NULL side");
	assert_error(eg_draw_pair_inspectors(d, dup, 2, NULL, NULL, 0, 1), EG_EINVAL, "inspector I1 is listed twice");
	/* 3 per object from 2 inspectors: 2 eligible, 3 needed. */
	assert_error(eg_draw_pair_inspectors(d, insp, 2, NULL, NULL, 0, 3), EG_EINVAL, "2 eligible inspectors after conflicts");
	/* Nothing was paired by any refused call. */
	assert_null(eg_draw_inspector(d, 0, 0));
	assert_int_equal(eg_draw_skip_count(d), 0);
	eg_draw_free(d);
}

static void test_inspector_pairing_records_every_skip_in_order(void **state)
{
	(void)state;
	/* 12 objects, 5 inspectors; each object conflicts with every inspector
	 * but one, so exactly one is eligible and each conflicting inspector met
	 * before it in the object's permutation is a recorded skip (回避). */
	static char obj_ids[12][8];
	const char *objs[12], *strata[] = { "s" }, *insp[] = { "I1", "I2", "I3", "I4", "I5" };
	const char *ci[48], *co[48];
	size_t sizes[] = { 12 }, quotas[] = { 12 }, nc = 0, expect_skips = 0, k_skip = 0;
	eg_draw *d = NULL;
	for (int i = 0; i < 12; i++) {
		snprintf(obj_ids[i], sizeof obj_ids[i], "O%02d", i);
		objs[i] = obj_ids[i];
	}
	assert_int_equal(eg_draw_objects(&d, "2026-pairing", strata, sizes, objs, quotas, 1), EG_OK);
	assert_int_equal(eg_draw_selected_count(d), 12);
	/* Object O<i> may only get inspector I<1 + i % 5>. */
	for (int i = 0; i < 12; i++)
		for (int k = 0; k < 5; k++)
			if (k != i % 5) {
				ci[nc] = insp[k];
				co[nc] = obj_ids[i];
				nc++;
			}
	assert_int_equal(nc, 48);
	assert_int_equal(eg_draw_pair_inspectors(d, insp, 5, ci, co, nc, 1), EG_OK);
	/* The permutation of I1..I5 (sorted order) for an object is sampler.py's
	 * with seed "<seed>/inspectors/<object>": the skips are the inspectors
	 * before the eligible one, in the drawn objects' order. */
	for (size_t i = 0; i < 12; i++) {
		const char *obj = eg_draw_selected(d, i);
		int idx = atoi(obj + 1), eligible = idx % 5;
		int64_t perm[5];
		char seed[64];
		snprintf(seed, sizeof seed, "2026-pairing/inspectors/%s", obj);
		assert_int_equal(eg_sample(perm, 5, seed, 1, 5, 0, 0), EG_OK);
		assert_string_equal(eg_draw_inspector(d, i, 0), insp[eligible]);
		for (int p = 0; p < 5 && perm[p] - 1 != eligible; p++) {
			const char *si, *so;
			assert_int_equal(eg_draw_skip(&si, &so, d, k_skip++), EG_OK);
			assert_string_equal(si, insp[perm[p] - 1]);
			assert_string_equal(so, obj);
			expect_skips++;
		}
	}
	assert_int_equal(eg_draw_skip_count(d), expect_skips);
	/* 12 objects with 0-4 skips each: more than the first 8 slots of the skip list. */
	assert_true(expect_skips > 8);
	eg_draw_free(d);
}

/* ---- DG-7 / DG-8 argument edges ---- */

static void test_dg_7_classify_without_attributes_and_dg_8_errors(void **state)
{
	(void)state;
	int cls[3] = { -1, -1, -1 }, key[] = { 0, 1, 0 }, low[] = { 1, 0, 0 };
	const char *keys[] = { "K1", NULL }, *done[] = { "K1", NULL };
	size_t miss[2], nm = 99;
	/* No attribute arrays: everything is general. */
	assert_int_equal(eg_inspect_classify(cls, NULL, NULL, 3), EG_OK);
	assert_int_equal(cls[0] * 100 + cls[1] * 10 + cls[2], 111);
	/* Key only: 1 is key (0), the others general (1). Low only: 0 is low (2). */
	assert_int_equal(eg_inspect_classify(cls, key, NULL, 3), EG_OK);
	assert_int_equal(cls[0] * 100 + cls[1] * 10 + cls[2], 101);
	assert_int_equal(eg_inspect_classify(cls, NULL, low, 3), EG_OK);
	assert_int_equal(cls[0] * 100 + cls[1] * 10 + cls[2], 211);
	assert_int_equal(eg_inspect_classify(NULL, NULL, NULL, 0), EG_OK);
	assert_error(eg_inspect_classify(NULL, key, low, 3), EG_EINVAL, "eg_inspect_classify: NULL argument");
	/* DG-8 coverage: no key object means nothing missing. */
	assert_int_equal(eg_inspect_key_coverage(miss, &nm, NULL, 0, done, 1), EG_OK);
	assert_int_equal(nm, 0);
	assert_error(eg_inspect_key_coverage(miss, &nm, keys, 2, done, 1), EG_EINVAL, "key object 1 is NULL");
	assert_error(eg_inspect_key_coverage(miss, &nm, keys, 1, done, 2), EG_EINVAL, "inspected ID 1 is NULL");
	assert_error(eg_inspect_key_coverage(miss, NULL, keys, 1, done, 1), EG_EINVAL, "eg_inspect_key_coverage");
	assert_error(eg_inspect_key_coverage(miss, &nm, NULL, 1, done, 1), EG_EINVAL, "eg_inspect_key_coverage");
	assert_error(eg_inspect_key_coverage(miss, &nm, keys, 1, NULL, 1), EG_EINVAL, "eg_inspect_key_coverage");
}

/* ---- CJ-G.9, DG-30, MEE-1 edges ---- */

static void test_cj_g_9_result_time_errors_and_120_121_minutes(void **state)
{
	(void)state;
	int st[2];
	int32_t late[2];
	/* Result exactly 120 minutes after: on time; 121: 1 minute late. */
	assert_int_equal(eg_alert_deadlines(st, late, "2026-10-01 09:00", NULL, "2026-10-01 11:00"), EG_OK);
	assert_int_equal(st[0], EG_MISSING);
	assert_int_equal(st[1], EG_ON_TIME);
	assert_int_equal(eg_alert_deadlines(st, late, "2026-10-01 09:00", NULL, "2026-10-01 11:01"), EG_OK);
	assert_int_equal(st[1], EG_LATE);
	assert_int_equal(late[1], 1);
	assert_error(eg_alert_deadlines(st, late, "2026-10-01 09:00", NULL, "11:01"), EG_EINVAL, "result time \"11:01\"");
	assert_error(eg_alert_deadlines(st, late, "2026-10-01 09:00", NULL, "2026-10-01 08:00"), EG_EINVAL,
		     "result at 2026-10-01 08:00 comes before the alert");
	assert_error(eg_alert_deadlines(st, NULL, "2026-10-01 09:00", NULL, NULL), EG_EINVAL, "eg_alert_deadlines");
	assert_error(eg_alert_deadlines(st, late, NULL, NULL, NULL), EG_EINVAL, "eg_alert_deadlines");
	assert_error(eg_alert_deadlines(st, late, "2026-10-01", NULL, NULL), EG_EINVAL, "alert time \"2026-10-01\"");
	/* Minutes late are an int32_t: 0001 -> 9999 is about 4.2e9 minutes, refused rather than wrapped. */
	late[0] = late[1] = -7;
	assert_error(eg_alert_deadlines(st, late, "0001-01-01 00:00", "9999-12-31 23:59", NULL), EG_ERANGE,
		     "more than 2^31 minutes after the alert");
	assert_int_equal(late[0], -7); /* nothing written on failure */
	/* 4,000 years fits: 2000-01-01 -> 6000-01-01 is 1,460,970 days = 2,103,796,800 minutes, 60 on time. */
	assert_int_equal(eg_alert_deadlines(st, late, "2000-01-01 00:00", "6000-01-01 00:00", NULL), EG_OK);
	assert_int_equal(late[0], 2103796800 - 60);
}

static void test_dg_30_ten_years_from_an_ordinary_date(void **state)
{
	(void)state;
	int due = -1;
	/* Installed 2016-02-28 (not the 29th): due after 2026-02-28, not on it. */
	assert_int_equal(eg_equipment_due(&due, 0, "2016-02-28", "2026-02-28"), EG_OK);
	assert_int_equal(due, 0);
	assert_int_equal(eg_equipment_due(&due, 0, "2016-02-28", "2026-03-01"), EG_OK);
	assert_int_equal(due, 1);
	/* 10 repairs: not due; 11: due (> 10), on the installation day itself. */
	assert_int_equal(eg_equipment_due(&due, 10, "2016-06-30", "2016-06-30"), EG_OK);
	assert_int_equal(due, 0);
	assert_int_equal(eg_equipment_due(&due, 11, "2016-06-30", "2016-06-30"), EG_OK);
	assert_int_equal(due, 1);
	assert_error(eg_equipment_due(&due, 0, "2016-06-30", "2026-6-30"), EG_EINVAL, "must be YYYY-MM-DD");
	assert_error(eg_equipment_due(&due, 0, NULL, "2026-06-30"), EG_EINVAL, "eg_equipment_due: NULL");
	assert_error(eg_equipment_due(&due, 0, "2016-06-30", NULL), EG_EINVAL, "eg_equipment_due: NULL");
}

static void test_mee_1_grade_and_measure_argument_edges(void **state)
{
	(void)state;
	int g = -9;
	const char *m = "unchanged";
	const char *table[15] = { 0 };
	int ind[] = { EG_MEE_A, EG_MEE_MISSING };
	/* A missing indicator counts as D (短板). Not applied: D without indicators. */
	assert_int_equal(eg_mee_grade_of(&g, 1, ind, 2), EG_OK);
	assert_int_equal(g, EG_MEE_D);
	assert_int_equal(eg_mee_grade_of(&g, 0, NULL, 0), EG_OK);
	assert_int_equal(g, EG_MEE_D);
	assert_error(eg_mee_grade_of(&g, 1, NULL, 2), EG_EINVAL, "eg_mee_grade_of: NULL argument");
	assert_int_equal(eg_mee_reduction_required(-1), -1);
	assert_int_equal(eg_mee_reduction_required(5), -1);
	assert_int_equal(eg_mee_reduction_required(EG_MEE_A), 0);
	assert_int_equal(eg_mee_reduction_required(EG_MEE_B), 1);
	table[EG_MEE_B * 3 + EG_ALERT_RED] = "停产";
	assert_int_equal(eg_mee_reduction_measure(&m, table, EG_MEE_B, EG_ALERT_RED), EG_OK);
	assert_string_equal(m, "停产");
	/* Grade A needs no measure, even with an empty table row. */
	assert_int_equal(eg_mee_reduction_measure(&m, table, EG_MEE_A, EG_ALERT_RED), EG_OK);
	assert_null(m);
	assert_error(eg_mee_reduction_measure(NULL, table, EG_MEE_B, EG_ALERT_RED), EG_EINVAL, "NULL argument");
	assert_error(eg_mee_reduction_measure(&m, NULL, EG_MEE_B, EG_ALERT_RED), EG_EINVAL, "NULL argument");
	assert_error(eg_mee_reduction_measure(&m, table, -1, EG_ALERT_RED), EG_EINVAL, "grade -1 or alert level 2");
	assert_error(eg_mee_reduction_measure(&m, table, 5, EG_ALERT_RED), EG_EINVAL, "grade 5");
	assert_error(eg_mee_reduction_measure(&m, table, EG_MEE_B, -1), EG_EINVAL, "alert level -1");
}

/* ---- Cadence: argument edges, many findings, dates before 1970 ---- */

static void test_cadence_argument_errors(void **state)
{
	(void)state;
	eg_cadence *c = NULL;
	const char *actors[] = { "x" }, *bad_actor[] = { "" }, *t[] = { "2026-10-01 09:00" }, *k[] = { "k" }, *a[] = { "x" };
	const char *null_t[] = { NULL }, *null_k[] = { NULL }, *null_a[] = { NULL }, *null_h[] = { NULL };
#define CAD(rule, kind, period, min, flags, act, nact, tt, kk, aa, nev, hol, nhol, from, to)                              \
	eg_cadence_check(&c, rule, kind, period, min, flags, act, nact, tt, kk, aa, nev, hol, nhol, from, to)
	assert_error(CAD("R", "k", EG_PERIOD_DAY, 1, 0, NULL, 1, t, k, a, 1, NULL, 0, "2026-10-01", "2026-10-01"),
		     EG_EINVAL, "eg_cadence_check: NULL argument");
	assert_error(CAD("R", "k", EG_PERIOD_DAY, 1, 0, actors, 1, NULL, k, a, 1, NULL, 0, "2026-10-01", "2026-10-01"),
		     EG_EINVAL, "eg_cadence_check: NULL argument");
	assert_error(CAD("R", "k", EG_PERIOD_DAY, 1, 0, actors, 1, t, NULL, a, 1, NULL, 0, "2026-10-01", "2026-10-01"),
		     EG_EINVAL, "eg_cadence_check: NULL argument");
	assert_error(CAD("R", "k", EG_PERIOD_DAY, 1, 0, actors, 1, t, k, NULL, 1, NULL, 0, "2026-10-01", "2026-10-01"),
		     EG_EINVAL, "eg_cadence_check: NULL argument");
	assert_error(CAD("R", "k", EG_PERIOD_DAY, 1, 0, actors, 1, t, k, a, 1, NULL, 1, "2026-10-01", "2026-10-01"),
		     EG_EINVAL, "eg_cadence_check: NULL argument");
	assert_error(CAD("R", "k", EG_PERIOD_DAY, 1, 0, actors, 1, t, k, a, 1, NULL, 0, NULL, "2026-10-01"),
		     EG_EINVAL, "eg_cadence_check: NULL argument");
	assert_error(CAD("R", "k", EG_PERIOD_DAY, 1, 0, actors, 1, t, k, a, 1, NULL, 0, "2026-10-01", NULL),
		     EG_EINVAL, "eg_cadence_check: NULL argument");
	assert_error(CAD("R", "", EG_PERIOD_DAY, 1, 0, actors, 1, t, k, a, 1, NULL, 0, "2026-10-01", "2026-10-01"),
		     EG_EINVAL, "event kind is empty");
	assert_error(CAD("R", "k", EG_PERIOD_YEAR + 1, 1, 0, actors, 1, t, k, a, 1, NULL, 0, "2026-10-01", "2026-10-01"),
		     EG_EINVAL, "R: period 5");
	assert_error(CAD("R", "k", EG_PERIOD_DAY - 1, 1, 0, actors, 1, t, k, a, 1, NULL, 0, "2026-10-01", "2026-10-01"),
		     EG_EINVAL, "R: period -1");
	assert_error(CAD("R", "k", EG_PERIOD_DAY, 1, 0x10, actors, 1, t, k, a, 1, NULL, 0, "2026-10-01", "2026-10-01"),
		     EG_EINVAL, "flags 0x10");
	assert_error(CAD("R", "k", EG_PERIOD_DAY, 1, 0, actors, 1, t, k, a, 1, NULL, 0, "2026-10-1", "2026-10-01"),
		     EG_EINVAL, "\"2026-10-1\" to \"2026-10-01\" is not two ordered dates");
	assert_error(CAD("R", "k", EG_PERIOD_DAY, 1, 0, actors, 1, t, k, a, 1, NULL, 0, "2026-10-01", "2026-10-32"),
		     EG_EINVAL, "is not two ordered dates");
	assert_error(CAD("R", "k", EG_PERIOD_DAY, 1, 0, bad_actor, 1, t, k, a, 1, NULL, 0, "2026-10-01", "2026-10-01"),
		     EG_EINVAL, "actor is empty");
	assert_error(CAD("R", "k", EG_PERIOD_DAY, 1, 0, actors, 1, null_t, k, a, 1, NULL, 0, "2026-10-01", "2026-10-01"),
		     EG_EINVAL, "R: event 0 has a bad time \"(null)\"");
	assert_error(CAD("R", "k", EG_PERIOD_DAY, 1, 0, actors, 1, t, null_k, a, 1, NULL, 0, "2026-10-01", "2026-10-01"),
		     EG_EINVAL, "R: event 0 has a bad time \"2026-10-01 09:00\" or a NULL field");
	assert_error(CAD("R", "k", EG_PERIOD_DAY, 1, 0, actors, 1, t, k, null_a, 1, NULL, 0, "2026-10-01", "2026-10-01"),
		     EG_EINVAL, "or a NULL field");
	assert_error(CAD("R", "k", EG_PERIOD_DAY, 1, 0, actors, 1, t, k, a, 1, null_h, 1, "2026-10-01", "2026-10-01"),
		     EG_EINVAL, "R: holiday \"(null)\"");
#undef CAD
	assert_null(c);
	{
		const char *kind, *rule;
		int period;
		int32_t min;
		unsigned int flags;
		assert_error(eg_cadence_preset(NULL, &period, &min, &flags, &rule, "DG-9"), EG_EINVAL, "eg_cadence_preset");
		assert_error(eg_cadence_preset(&kind, NULL, &min, &flags, &rule, "DG-9"), EG_EINVAL, "eg_cadence_preset");
		assert_error(eg_cadence_preset(&kind, &period, NULL, &flags, &rule, "DG-9"), EG_EINVAL, "eg_cadence_preset");
		assert_error(eg_cadence_preset(&kind, &period, &min, NULL, &rule, "DG-9"), EG_EINVAL, "eg_cadence_preset");
		assert_error(eg_cadence_preset(&kind, &period, &min, &flags, NULL, "DG-9"), EG_EINVAL, "eg_cadence_preset");
		assert_error(eg_cadence_preset(&kind, &period, &min, &flags, &rule, NULL), EG_EINVAL, "eg_cadence_preset");
	}
}

static void test_cj_g_8_daily_patrol_ten_days_without_events(void **state)
{
	(void)state;
	eg_cadence *c = NULL;
	const char *actors[] = { "网格员甲" };
	/* 2026-10-01..10-10 with no patrol at all: one finding per day, 10 in all. */
	assert_int_equal(eg_cadence_check(&c, "CJ-G.8", "patrol", EG_PERIOD_DAY, 1, 0, actors, 1, NULL, NULL, NULL, 0, NULL, 0,
					  "2026-10-01", "2026-10-10"),
			 EG_OK);
	assert_int_equal(eg_cadence_count(c), 10);
	assert_string_equal(eg_cadence_period_start(c, 0), "2026-10-01");
	assert_string_equal(eg_cadence_period_start(c, 9), "2026-10-10");
	assert_string_equal(eg_cadence_actor(c, 9), "网格员甲");
	assert_int_equal(eg_cadence_measured(c, 9), 0);
	assert_string_equal(eg_cadence_message(c, 9, EG_LANG_EN),
			    "网格员甲: 0 patrol event(s) in the day from 2026-10-10; at least 1 required (CJ-G.8)");
	assert_non_null(strstr(eg_cadence_message(c, 9, EG_LANG_ZH), "要求不少于 1 次（CJ-G.8）"));
	assert_null(eg_cadence_period_start(c, 10));
	assert_null(eg_cadence_message(c, 10, EG_LANG_EN));
	eg_cadence_free(c);
	assert_int_equal(eg_cadence_count(NULL), 0);
	assert_null(eg_cadence_actor(NULL, 0));
	assert_null(eg_cadence_period_start(NULL, 0));
	assert_int_equal(eg_cadence_measured(NULL, 0), -1);
	assert_null(eg_cadence_message(NULL, 0, EG_LANG_EN));
}

static void test_dg_15_night_before_1970_is_counted_on_its_own_day(void **state)
{
	(void)state;
	eg_cadence *c = NULL;
	const char *actors[] = { "a" }, *k[] = { "inspection" }, *a[] = { "a" };
	const char *night[] = { "1969-12-31 23:00" }, *noon[] = { "1969-12-31 12:00" };
	/* Regression: minutes before 1970 are negative, and truncating division
	 * put 1969-12-31 23:00 on day 0 (1970-01-01) at minute -60, so the
	 * event fell outside its own day. 23:00 is night (DG-15): counted, no finding. */
	assert_int_equal(eg_cadence_check(&c, "DG-15", "inspection", EG_PERIOD_DAY, 1, EG_CADENCE_NIGHT_OR_HOLIDAY, actors, 1,
					  night, k, a, 1, NULL, 0, "1969-12-31", "1969-12-31"),
			 EG_OK);
	assert_int_equal(eg_cadence_count(c), 0);
	eg_cadence_free(c);
	/* 12:00 is neither night nor a holiday: not counted (measured 0), one finding. */
	assert_int_equal(eg_cadence_check(&c, "DG-15", "inspection", EG_PERIOD_DAY, 1, EG_CADENCE_NIGHT_OR_HOLIDAY, actors, 1,
					  noon, k, a, 1, NULL, 0, "1969-12-31", "1969-12-31"),
			 EG_OK);
	assert_int_equal(eg_cadence_count(c), 1);
	assert_int_equal(eg_cadence_measured(c, 0), 0);
	assert_string_equal(eg_cadence_period_start(c, 0), "1969-12-31");
	eg_cadence_free(c);
	/* Without the night flag the noon event counts on 1969-12-31. */
	assert_int_equal(eg_cadence_check(&c, "CJ-G.8", "inspection", EG_PERIOD_DAY, 1, 0, actors, 1, noon, k, a, 1, NULL, 0,
					  "1969-12-31", "1969-12-31"),
			 EG_OK);
	assert_int_equal(eg_cadence_count(c), 0);
	eg_cadence_free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sha256_fips_180_4_examples),
		cmocka_unit_test(test_sampler_py_published_vector_without_replacement),
		cmocka_unit_test(test_sampler_py_expanded_sample_and_with_replacement),
		cmocka_unit_test(test_dg_6_pool_85_percent_with_ties_at_the_cut),
		cmocka_unit_test(test_dg_8_10_11_quotas_round_up),
		cmocka_unit_test(test_double_random_draw_is_reproducible_and_verifiable),
		cmocka_unit_test(test_draw_matches_the_public_sampler_on_the_canonical_frame),
		cmocka_unit_test(test_inspector_pairing_skips_conflicts),
		cmocka_unit_test(test_draw_errors),
		cmocka_unit_test(test_cj_g_9_deadlines_at_60_and_61_minutes),
		cmocka_unit_test(test_dg_30_equipment_due),
		cmocka_unit_test(test_mee_1_lowest_indicator_and_mee_3_1_filing),
		cmocka_unit_test(test_dg_15_night_and_holiday_inspections_per_month),
		cmocka_unit_test(test_cj_g_8_daily_patrol_across_a_month_boundary_and_dg_17_yearly),
		cmocka_unit_test(test_cj_g_8_dg_15_dg_17_cadence_presets),
		cmocka_unit_test(test_cj_g_8_week_and_quarter_periods_across_the_year),
		cmocka_unit_test(test_inspect_duty_bad_arguments),
		cmocka_unit_test(test_cadence_every_allocation_failure_is_clean),
		cmocka_unit_test(test_dg_7_classes_dg_8_coverage_and_dg_12),
		cmocka_unit_test(test_mee_1_reduction_measures_by_grade_and_alert),
		cmocka_unit_test(test_inspect_every_allocation_failure_is_clean),
		cmocka_unit_test(test_sha256_empty_input_and_sample_argument_edges),
		cmocka_unit_test(test_dg_6_pool_orders_long_ids_bytewise),
		cmocka_unit_test(test_dg_6_pool_total_2_pow_53_and_argument_errors),
		cmocka_unit_test(test_double_random_frame_hash_is_sha256_of_the_canonical_text),
		cmocka_unit_test(test_draw_argument_errors_and_frame_limits),
		cmocka_unit_test(test_draw_accessors_on_null_and_out_of_range),
		cmocka_unit_test(test_inspector_pairing_argument_errors),
		cmocka_unit_test(test_inspector_pairing_records_every_skip_in_order),
		cmocka_unit_test(test_dg_7_classify_without_attributes_and_dg_8_errors),
		cmocka_unit_test(test_cj_g_9_result_time_errors_and_120_121_minutes),
		cmocka_unit_test(test_dg_30_ten_years_from_an_ordinary_date),
		cmocka_unit_test(test_mee_1_grade_and_measure_argument_edges),
		cmocka_unit_test(test_cadence_argument_errors),
		cmocka_unit_test(test_cj_g_8_daily_patrol_ten_days_without_events),
		cmocka_unit_test(test_dg_15_night_before_1970_is_counted_on_its_own_day),
	};
	return cmocka_run_group_tests_name("inspect", tests, NULL, NULL);
}
