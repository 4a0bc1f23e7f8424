/* assess.h: CJ-A2-5.1 to CJ-A2-7.2 (changji-2023) and JM-2.2 (jiangmen-2021). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "testutil.h"
#include "util/alloc.h"

typedef struct fixture {
	eg_ruleset *rs;
	eg_assess_input *in;
} fixture;

static int setup(void **state)
{
	static fixture f;
	if (eg_ruleset_preset(&f.rs, "changji-2023") != EG_OK)
		return -1;
	if (eg_assess_input_new(&f.in, f.rs) != EG_OK)
		return -1;
	*state = &f;
	return 0;
}

static int teardown(void **state)
{
	fixture *f = *state;
	eg_assess_input_free(f->in);
	eg_ruleset_free(f->rs);
	return 0;
}

/*
 * eg_assess_score_untraced() gives what eg_assess_score() gives on the same
 * inputs, the trace excepted: the score, grade, veto and the fail reasons
 * in the same order. Every test that scores through score() checks it.
 */
static void assert_untraced_equals(const eg_assess_result *full, const eg_ruleset *rs, const eg_assess_input *in,
				   const char *period)
{
	eg_assess_result *u = NULL;
	assert_int_equal(eg_assess_score_untraced(&u, rs, in, period), EG_OK);
	assert_int_equal(eg_assess_result_score(u), eg_assess_result_score(full));
	assert_int_equal(eg_assess_result_grade(u), eg_assess_result_grade(full));
	assert_int_equal(eg_assess_result_veto(u), eg_assess_result_veto(full));
	assert_int_equal(eg_assess_result_fail_count(u), eg_assess_result_fail_count(full));
	for (size_t i = 0; i < eg_assess_result_fail_count(full); i++)
		assert_string_equal(eg_assess_result_fail_at(u, i), eg_assess_result_fail_at(full, i));
	assert_int_equal(eg_assess_result_trace_count(u), 0);
	assert_null(eg_assess_result_trace_at(u, 0));
	assert_true(eg_assess_result_trace_count(full) > 0);
	eg_assess_result_free(u);
}

static eg_assess_result *score(fixture *f, const char *period)
{
	eg_assess_result *r = NULL;
	int rc = eg_assess_score(&r, f->rs, f->in, period);
	if (rc != EG_OK)
		fail_msg("score failed: %s", eg_error_last()->message);
	assert_untraced_equals(r, f->rs, f->in, period);
	return r;
}

static int has_fail(const eg_assess_result *r, const char *rule)
{
	for (size_t i = 0; i < eg_assess_result_fail_count(r); i++)
		if (strcmp(eg_assess_result_fail_at(r, i), rule) == 0)
			return 1;
	return 0;
}

static const eg_trace *trace_of(const eg_assess_result *r, const char *rule)
{
	for (size_t i = 0; i < eg_assess_result_trace_count(r); i++)
		if (strcmp(eg_trace_rule(eg_assess_result_trace_at(r, i)), rule) == 0)
			return eg_assess_result_trace_at(r, i);
	return NULL;
}

/* Score with item counts n4..n7 (all else default); returns the score. */
static int32_t score_counts(fixture *f, int n4, int n5, int n6, int n7, int *grade)
{
	eg_assess_result *r;
	int32_t s;
	assert_int_equal(eg_assess_input_set_count(f->in, "4", n4), EG_OK);
	assert_int_equal(eg_assess_input_set_count(f->in, "5", n5), EG_OK);
	assert_int_equal(eg_assess_input_set_count(f->in, "6", n6), EG_OK);
	assert_int_equal(eg_assess_input_set_count(f->in, "7", n7), EG_OK);
	r = score(f, "2026-10");
	s = eg_assess_result_score(r);
	if (grade)
		*grade = eg_assess_result_grade(r);
	eg_assess_result_free(r);
	return s;
}

static void test_cj_a2_5_10_perfect_month_is_100(void **state)
{
	fixture *f = *state;
	eg_assess_result *r = score(f, "2026-10");
	/* 10 + 10 + 10 + 40 + 10 + 10 + 10 = 100 */
	assert_int_equal(eg_assess_result_score(r), 100);
	assert_int_equal(eg_assess_result_grade(r), EG_GRADE_EXCELLENT);
	assert_int_equal(eg_assess_result_veto(r), 0);
	assert_int_equal(eg_assess_result_fail_count(r), 0);
	assert_non_null(trace_of(r, "CJ-A2-5.10"));
	assert_int_equal(eg_trace_after(trace_of(r, "CJ-A2-5.10")), 100);
	eg_assess_result_free(r);
}

static void test_cj_a2_5_4_forty_and_forty_one_problems(void **state)
{
	fixture *f = *state;
	int g;
	/* 40 x 1 = 40: item 4 at 0; 30 + 0 + 10 + 10 + 10 = 60 -> pass (R0.1: 60 passes). */
	assert_int_equal(score_counts(f, 40, 0, 0, 0, &g), 60);
	assert_int_equal(g, EG_GRADE_PASS);
	/* 41 x 1 = 41 > 40: floored at 0 (扣完为止), nothing overflows: still 60. */
	assert_int_equal(score_counts(f, 41, 0, 0, 0, &g), 60);
	/* 39: item 4 keeps 1 -> 61. */
	assert_int_equal(score_counts(f, 39, 0, 0, 0, NULL), 61);
}

/* Score with item `id` at n occurrences (the other items at 0) and check item's trace. */
static void assert_item_5_or_6(fixture *f, const char *id, const char *rule, int n, int32_t total, int32_t item_after,
			       const char *en)
{
	eg_assess_result *r;
	const eg_trace *t;
	assert_int_equal(eg_assess_input_set_count(f->in, id, n), EG_OK);
	r = score(f, "2026-10");
	assert_int_equal(eg_assess_result_score(r), total);
	assert_non_null(t = trace_of(r, rule));
	assert_string_equal(eg_trace_subject(t), id);
	/* Items 1-3 (30) and item 4 (40) come first: the item starts at 70 + 10 points
	 * for item 6 (item 5 at 10 before it), at 70 for item 5. */
	assert_int_equal(eg_trace_before(t), strcmp(id, "5") == 0 ? 70 : 80);
	assert_int_equal(eg_trace_after(t), eg_trace_before(t) + item_after);
	if (!strstr(eg_trace_message(t, EG_LANG_EN), en))
		fail_msg("trace \"%s\" does not say \"%s\"", eg_trace_message(t, EG_LANG_EN), en);
	assert_int_equal(eg_assess_result_fail_count(r), 0);
	eg_assess_result_free(r);
}

/*
 * CJ-A2-5.5, item 5 (10 points): -5 for each problem reported by a lower grid
 * that level 2 did not assign or jointly handle in time, floor 0 (扣完为止),
 * nothing overflows into the total.
 *   0 -> 10 left: 100;  1 x 5 = 5 -> 10 - 5 = 5: 95;  2 x 5 = 10 -> 0: 90;
 *   3 x 5 = 15 -> floored at 0 (not -5): still 90, excellent (90 and above, CJ-A2-6.2).
 */
static void test_cj_a2_5_5_unassigned_lower_grid_reports_five_each_floor_zero(void **state)
{
	fixture *f = *state;
	const char *article = NULL, *quote = NULL;
	eg_assess_result *r;
	int g;
	assert_int_equal(score_counts(f, 0, 0, 0, 0, NULL), 100);
	assert_item_5_or_6(f, "5", "CJ-A2-5.5", 1, 95, 5,
			   "item 5 (lower-grid reports not assigned in time): 1 × 5 = 5 deducted, 10 − 5 = 5 points (CJ-A2-5.5)");
	assert_item_5_or_6(f, "5", "CJ-A2-5.5", 2, 90, 0,
			   "item 5 (lower-grid reports not assigned in time): 2 × 5 = 10 deducted, 10 − 10 = 0 points (CJ-A2-5.5)");
	assert_item_5_or_6(f, "5", "CJ-A2-5.5", 3, 90, 0,
			   "item 5 (lower-grid reports not assigned in time): 3 × 5 = 15 deducted from 10, floored at 0: 0 points (CJ-A2-5.5)");
	/* 3 and 1,000,000 alike: the floor holds, the total keeps 90 and its grade. */
	assert_int_equal(score_counts(f, 0, 1000000, 0, 0, &g), 90);
	assert_int_equal(g, EG_GRADE_EXCELLENT);
	/* The item cites 附件2 第五条(二)5. */
	assert_int_equal(eg_assess_input_set_count(f->in, "5", 1), EG_OK);
	r = score(f, "2026-10");
	assert_int_equal(eg_trace_source(&article, &quote, trace_of(r, "CJ-A2-5.5")), EG_OK);
	assert_string_equal(article, "附件2 第五条(二)5");
	assert_non_null(strstr(quote, "未及时交办查处或未组织联合执法查处的(10分,每1起扣5分,扣完为止)"));
	eg_assess_result_free(r);
}

/*
 * CJ-A2-5.6, item 6 (10 points): -5 for each problem not handled properly or
 * with false or perfunctory rectification, floor 0.
 *   1 x 5 = 5 -> 5 left: 95;  2 -> 0: 90;  3 x 5 = 15 floored at 0: 90.
 *   With item 5 at 1 as well: 100 - 5 - 5 = 90; items 5 and 6 at 2 each: 80 (good).
 */
static void test_cj_a2_5_6_improper_handling_five_each_floor_zero(void **state)
{
	fixture *f = *state;
	const char *article = NULL, *quote = NULL;
	eg_assess_result *r;
	int g;
	assert_item_5_or_6(f, "6", "CJ-A2-5.6", 1, 95, 5,
			   "item 6 (improper handling or false rectification): 1 × 5 = 5 deducted, 10 − 5 = 5 points (CJ-A2-5.6)");
	assert_item_5_or_6(f, "6", "CJ-A2-5.6", 2, 90, 0,
			   "item 6 (improper handling or false rectification): 2 × 5 = 10 deducted, 10 − 10 = 0 points (CJ-A2-5.6)");
	assert_item_5_or_6(f, "6", "CJ-A2-5.6", 3, 90, 0,
			   "item 6 (improper handling or false rectification): 3 × 5 = 15 deducted from 10, floored at 0: 0 points (CJ-A2-5.6)");
	assert_int_equal(score_counts(f, 0, 1, 1, 0, &g), 90);
	assert_int_equal(g, EG_GRADE_EXCELLENT);
	assert_int_equal(score_counts(f, 0, 2, 2, 0, &g), 80);
	assert_int_equal(g, EG_GRADE_GOOD);
	assert_int_equal(score_counts(f, 0, 3, 3, 0, &g), 80);
	assert_int_equal(eg_assess_input_set_count(f->in, "5", 0), EG_OK);
	assert_int_equal(eg_assess_input_set_count(f->in, "6", 1), EG_OK);
	r = score(f, "2026-10");
	assert_int_equal(eg_trace_source(&article, &quote, trace_of(r, "CJ-A2-5.6")), EG_OK);
	assert_string_equal(article, "附件2 第五条(二)6");
	assert_non_null(strstr(quote, "或存在虚假整改、敷衍整改的(10分,每1起扣5分,扣完为止)"));
	eg_assess_result_free(r);
	/* A negative count is refused. */
	assert_error(eg_assess_input_set_count(f->in, "6", -1), EG_EINVAL, NULL);
}

static void test_cj_a2_5_7_one_and_two_overflows(void **state)
{
	fixture *f = *state;
	eg_assess_result *r;
	int g;
	/* n7 = 1: 10 x 1 = 10 absorbed by the item's 10: 90, excellent. */
	assert_int_equal(score_counts(f, 0, 0, 0, 1, &g), 90);
	assert_int_equal(g, EG_GRADE_EXCELLENT);
	/* n7 = 2: 20 deducted, item floored at 0, 10 overflows from the total: 90 - 10 = 80. */
	assert_int_equal(score_counts(f, 0, 0, 0, 2, &g), 80);
	assert_int_equal(g, EG_GRADE_GOOD);
	/* n7 = 3: overflow 20: 70. */
	assert_int_equal(score_counts(f, 0, 0, 0, 3, NULL), 70);
	r = score(f, "2026-10");
	assert_non_null(strstr(eg_trace_message(trace_of(r, "CJ-A2-5.7"), EG_LANG_EN),
			       "3 × 10 = 30 deducted from the item's 10, floored at 0; the remaining 20 comes off the total"));
	assert_int_equal(eg_trace_before(trace_of(r, "CJ-A2-5.10")), 90); /* 30 + 40 + 10 + 10 + 0 */
	assert_int_equal(eg_trace_after(trace_of(r, "CJ-A2-5.10")), 70);
	eg_assess_result_free(r);
}

static void test_cj_a2_5_7_adverse_effects_fail_the_month(void **state)
{
	fixture *f = *state;
	eg_assess_result *r;
	assert_int_equal(eg_assess_input_set_count(f->in, "7", 1), EG_OK);
	assert_int_equal(eg_assess_input_set_adverse(f->in, "7", 1), EG_OK);
	r = score(f, "2026-10");
	/* 90 points, but adverse effects make the month a fail. */
	assert_int_equal(eg_assess_result_score(r), 90);
	assert_int_equal(eg_assess_result_grade(r), EG_GRADE_FAIL);
	assert_true(has_fail(r, "CJ-A2-5.7"));
	assert_false(has_fail(r, "CJ-A2-6.2"));
	eg_assess_result_free(r);
	assert_error(eg_assess_input_set_adverse(f->in, "4", 1), EG_EINVAL, "item 4 (CJ-A2-5.4) has no adverse-effects rule");
}

/* CJ-A2-5.7 「造成不良影响的」 qualifies item-7 problems: adverse effects with no item-7
 * problem are a contradiction, refused (effects not tied to item 7 are CJ-A2-6.3 (d)). */
static void test_cj_a2_5_7_adverse_effects_need_an_item_7_problem(void **state)
{
	fixture *f = *state;
	eg_assess_result *r = NULL;
	assert_int_equal(eg_assess_input_set_adverse(f->in, "7", 1), EG_OK);
	/* n7 = 0: refused, nothing scored. */
	assert_error(eg_assess_score(&r, f->rs, f->in, "2026-10"), EG_EINVAL, "item 7: adverse effects with no problem");
	assert_null(r);
	/* n7 = 1 (the boundary): scored, 90, a fail. */
	assert_int_equal(eg_assess_input_set_count(f->in, "7", 1), EG_OK);
	r = score(f, "2026-10");
	assert_int_equal(eg_assess_result_score(r), 90);
	assert_true(has_fail(r, "CJ-A2-5.7"));
	eg_assess_result_free(r);
	/* Adverse effects of their own: CJ-A2-6.3 (d). */
	assert_int_equal(eg_assess_input_set_count(f->in, "7", 0), EG_OK);
	assert_int_equal(eg_assess_input_set_adverse(f->in, "7", 0), EG_OK);
	assert_int_equal(eg_assess_input_add_forced_fail(f->in, "CJ-A2-6.3-d"), EG_OK);
	r = score(f, "2026-10");
	assert_int_equal(eg_assess_result_score(r), 100);
	assert_true(has_fail(r, "CJ-A2-6.3"));
	assert_false(has_fail(r, "CJ-A2-5.7"));
	eg_assess_result_free(r);
}

/* CJ-A2-5.11 「一次性扣减上述第五条第二款网格化环境监管体系实体运行情况相应分值」: a
 * trigger takes the operation section's 70 points; "A month in which no problem carries
 * a trigger scores exactly as it would without this entry". */
static void test_cj_a2_5_11_serious_impact_trigger_takes_the_section(void **state)
{
	fixture *f = *state;
	eg_assess_result *r;
	const char *trig[] = { "repeated_reports" }, *both[] = { "regional", "instructed_prefecture" },
		   *nat[] = { "national", "ministry_media" }, *pref[] = { "prefecture" };
	/* No trigger: 100 as before. */
	r = score(f, "2026-10");
	assert_int_equal(eg_assess_result_score(r), 100);
	eg_assess_result_free(r);
	/* A problem reported 3 or more times, not resolved, verified: 30 + max(0, 70 - 70) = 30, a fail. */
	assert_int_equal(eg_assess_input_add_problem(f->in, trig, 1), EG_OK);
	r = score(f, "2026-10");
	assert_int_equal(eg_assess_result_score(r), 30);
	assert_int_equal(eg_assess_result_grade(r), EG_GRADE_FAIL);
	assert_non_null(trace_of(r, "CJ-A2-5.11"));
	assert_non_null(strstr(eg_trace_message(trace_of(r, "CJ-A2-5.11"), EG_LANG_EN), "reported 3 or more times"));
	eg_assess_result_free(r);
	eg_assess_input_free(f->in);
	assert_int_equal(eg_assess_input_new(&f->in, f->rs), EG_OK);
	/* The same problem also in regional media: once, at its worst (70 > 30). */
	assert_int_equal(eg_assess_input_add_problem(f->in, both, 2), EG_OK);
	r = score(f, "2026-10");
	assert_int_equal(eg_assess_result_score(r), 30);
	eg_assess_result_free(r);
	/* National media is worse than a trigger (item 8: a fail, no points): 100, a fail. */
	eg_assess_input_free(f->in);
	assert_int_equal(eg_assess_input_new(&f->in, f->rs), EG_OK);
	assert_int_equal(eg_assess_input_add_problem(f->in, nat, 2), EG_OK);
	r = score(f, "2026-10");
	assert_int_equal(eg_assess_result_score(r), 100);
	assert_int_equal(eg_assess_result_grade(r), EG_GRADE_FAIL);
	eg_assess_result_free(r);
	/* Another problem at prefecture media (20) adds up with a trigger (70): 90 drawn from 70,
	 * the section ends at 0 (扣完为止): 30. */
	eg_assess_input_free(f->in);
	assert_int_equal(eg_assess_input_new(&f->in, f->rs), EG_OK);
	assert_int_equal(eg_assess_input_add_problem(f->in, trig, 1), EG_OK);
	assert_int_equal(eg_assess_input_add_problem(f->in, pref, 1), EG_OK);
	r = score(f, "2026-10");
	assert_int_equal(eg_assess_result_score(r), 30);
	eg_assess_result_free(r);
}

/* JM-2.2: "the text never says 每起": per occurrence (default, 30 late records = -30)
 * or per situation (option, -1). */
static void test_jm_2_2_per_occurrence_or_per_situation(void **state)
{
	(void)state;
	eg_ruleset_builder *b = NULL;
	eg_ruleset *rs = NULL;
	eg_assess_input *in = NULL;
	eg_assess_result *r = NULL;
	eg_item_def d = EG_ITEM_DEF_INIT;
	int64_t items[2] = { 30, 0 };
	int32_t sc[1], gr[1];
	assert_int_equal(eg_ruleset_builder_new(&b, "jm-situation", "江门 2021", 1), EG_OK);
	assert_int_equal(eg_ruleset_builder_set_validity(b, "2021-01-01", "2021-12-31"), EG_OK);
	assert_int_equal(eg_ruleset_builder_add_section(b, "s", "双考核", "double assessment"), EG_OK);
	d.id = "2", d.rule = "JM-2.2", d.section = "s", d.max_points = 0, d.per_occurrence = 1, d.floor = EG_ITEM_NO_FLOOR;
	assert_int_equal(eg_ruleset_builder_add_item(b, &d), EG_OK);
	d.id = "1", d.per_occurrence = 2;
	assert_int_equal(eg_ruleset_builder_add_item(b, &d), EG_OK);
	assert_int_equal(eg_ruleset_build(&rs, b), EG_OK);
	assert_int_equal(eg_assess_input_new(&in, rs), EG_OK);
	assert_int_equal(eg_assess_input_set_count(in, "2", 30), EG_OK);
	assert_int_equal(eg_assess_score(&r, rs, in, "2021-06-30"), EG_OK);
	assert_int_equal(eg_assess_result_score(r), -30); /* 30 x 1 */
	eg_assess_result_free(r);
	eg_assess_input_free(in);
	eg_ruleset_free(rs);
	/* Per situation: 30 occurrences are one situation: -1; 0 stays 0. */
	assert_int_equal(eg_ruleset_builder_set_per_situation(b, "2", 1), EG_OK);
	assert_int_equal(eg_ruleset_build(&rs, b), EG_OK);
	assert_int_equal(eg_assess_input_new(&in, rs), EG_OK);
	assert_int_equal(eg_assess_input_set_count(in, "2", 30), EG_OK);
	assert_int_equal(eg_assess_score(&r, rs, in, "2021-06-30"), EG_OK);
	assert_int_equal(eg_assess_result_score(r), -1);
	eg_assess_result_free(r);
	/* The batch path reads the count the same way. */
	assert_int_equal(eg_assess_score_table(sc, gr, rs, items, 2, NULL, NULL, 0, NULL, 1, NULL), EG_OK);
	assert_int_equal(sc[0], -1);
	assert_error(eg_ruleset_builder_set_per_situation(b, "9", 1), EG_ENOTFOUND, "item 9");
	assert_error(eg_ruleset_builder_set_per_situation(NULL, "2", 1), EG_EINVAL, "NULL");
	assert_error(eg_ruleset_builder_set_per_situation(b, NULL, 1), EG_EINVAL, "NULL");
	eg_assess_input_free(in);
	eg_ruleset_free(rs);
	eg_ruleset_builder_free(b);
	/* A status item has no occurrences. */
	assert_int_equal(eg_ruleset_builder_new(&b, "x", "y", 1), EG_OK);
	assert_int_equal(eg_ruleset_builder_add_section(b, "s", NULL, NULL), EG_OK);
	d = (eg_item_def)EG_ITEM_DEF_INIT;
	d.id = "1", d.rule = "X", d.section = "s", d.kind = EG_ITEM_KIND_STATUS, d.max_points = 10;
	assert_int_equal(eg_ruleset_builder_add_item(b, &d), EG_OK);
	assert_error(eg_ruleset_builder_set_per_situation(b, "1", 1), EG_EINVAL, "status item");
	eg_ruleset_builder_free(b);
}

static void test_cj_a2_5_8_bonus_five_and_six_events(void **state)
{
	fixture *f = *state;
	eg_assess_result *r;
	/* 5 x 2 = 10 = cap: 100 + 10 = 110 (no cap at 100, CJ-A2-5.10). */
	assert_int_equal(eg_assess_input_set_bonus(f->in, 5), EG_OK);
	r = score(f, "2026-10");
	assert_int_equal(eg_assess_result_score(r), 110);
	eg_assess_result_free(r);
	/* 6 x 2 = 12 > 10: capped at 10: still 110. */
	assert_int_equal(eg_assess_input_set_bonus(f->in, 6), EG_OK);
	r = score(f, "2026-10");
	assert_int_equal(eg_assess_result_score(r), 110);
	assert_non_null(strstr(eg_trace_message(trace_of(r, "CJ-A2-5.8"), EG_LANG_EN), "6 × 2 = 12, capped at 10: +10"));
	eg_assess_result_free(r);
}

static void test_cj_a2_5_9_same_problem_takes_worst(void **state)
{
	fixture *f = *state;
	eg_assess_result *r;
	const char *both[] = { "regional", "prefecture" };
	assert_int_equal(eg_assess_input_add_problem(f->in, both, 2), EG_OK);
	r = score(f, "2026-10");
	/* One problem, regional (-30) and prefecture (-20): once, at -30, not -50.
	 * 30 + max(0, 70 - 30) = 70. */
	assert_int_equal(eg_assess_result_score(r), 70);
	assert_int_equal(eg_assess_result_grade(r), EG_GRADE_PASS);
	eg_assess_result_free(r);
}

static void test_cj_a2_5_9_two_problems_add_up(void **state)
{
	fixture *f = *state;
	eg_assess_result *r;
	const char *reg[] = { "regional" }, *pre[] = { "prefecture" };
	assert_int_equal(eg_assess_input_add_problem(f->in, reg, 1), EG_OK);
	assert_int_equal(eg_assess_input_add_problem(f->in, pre, 1), EG_OK);
	r = score(f, "2026-10");
	/* 30 + 20 = 50 from the operation section: 30 + (70 - 50) = 50. */
	assert_int_equal(eg_assess_result_score(r), 50);
	assert_true(has_fail(r, "CJ-A2-6.2"));
	eg_assess_result_free(r);
}

static void test_cj_a2_5_9_penalties_larger_than_the_section(void **state)
{
	fixture *f = *state;
	eg_assess_result *r;
	const char *reg[] = { "regional" };
	for (int i = 0; i < 3; i++)
		assert_int_equal(eg_assess_input_add_problem(f->in, reg, 1), EG_OK);
	r = score(f, "2026-10");
	/* 3 x 30 = 90 > 70: the operation section stops at 0 (扣完为止): 30 + 0 = 30. */
	assert_int_equal(eg_assess_result_score(r), 30);
	eg_assess_result_free(r);
	/* With 5 item-7 problems: operation 40+10+10+0 = 60, media 90 -> 0;
	 * overflow 50 - 10 = 40 from the total: 30 + 0 - 40 = -10 (no floor at 0). */
	assert_int_equal(eg_assess_input_set_count(f->in, "7", 5), EG_OK);
	r = score(f, "2026-10");
	assert_int_equal(eg_assess_result_score(r), -10);
	assert_int_equal(eg_assess_result_grade(r), EG_GRADE_FAIL);
	eg_assess_result_free(r);
}

static void test_cj_a2_5_9_national_exposure_fails(void **state)
{
	fixture *f = *state;
	eg_assess_result *r;
	const char *nat[] = { "national", "regional" };
	assert_int_equal(eg_assess_input_add_problem(f->in, nat, 2), EG_OK);
	r = score(f, "2026-10");
	/* National is worst: the month fails; it deducts no points, so 100 stays. */
	assert_int_equal(eg_assess_result_score(r), 100);
	assert_int_equal(eg_assess_result_grade(r), EG_GRADE_FAIL);
	assert_true(has_fail(r, "CJ-A2-5.9"));
	eg_assess_result_free(r);
}

static void test_cj_a2_6_1_veto_with_otherwise_perfect_scores(void **state)
{
	fixture *f = *state;
	eg_assess_result *r;
	eg_ruleset_builder *b = NULL;
	assert_int_equal(eg_assess_input_set_status(f->in, "2", 0), EG_OK);
	assert_int_equal(eg_assess_input_set_bonus(f->in, 5), EG_OK);
	r = score(f, "2026-10");
	/* Default reading: any of items 1-3 not met -> the month scores 0. */
	assert_int_equal(eg_assess_result_score(r), 0);
	assert_int_equal(eg_assess_result_veto(r), 1);
	assert_int_equal(eg_assess_result_grade(r), EG_GRADE_FAIL);
	assert_true(has_fail(r, "CJ-A2-6.1"));
	assert_int_equal(eg_trace_before(trace_of(r, "CJ-A2-6.1")), 100); /* 20 + 70 + 10 bonus */
	assert_int_equal(eg_trace_after(trace_of(r, "CJ-A2-6.1")), 0);
	eg_assess_result_free(r);
	(void)b;
}

static void test_cj_a2_6_1_item_only_reading(void **state)
{
	(void)state;
	eg_ruleset_builder *b = NULL;
	eg_ruleset *rs = NULL;
	eg_assess_input *in = NULL;
	eg_assess_result *r = NULL;
	eg_item_def d = EG_ITEM_DEF_INIT;
	/* The alternative reading as an explicit option: only the item scores 0. */
	assert_int_equal(eg_ruleset_builder_new(&b, "veto-item-only", "test", 1), EG_OK);
	assert_int_equal(eg_ruleset_builder_set_validity(b, "2023-01-01", NULL), EG_OK);
	assert_int_equal(eg_ruleset_builder_add_section(b, "c", NULL, NULL), EG_OK);
	d.id = "1"; d.rule = "CJ-A2-5.1"; d.section = "c"; d.kind = EG_ITEM_KIND_STATUS; d.max_points = 10; d.veto = 1;
	assert_int_equal(eg_ruleset_builder_add_item(b, &d), EG_OK);
	d.id = "4"; d.rule = "CJ-A2-5.4"; d.kind = EG_ITEM_KIND_DEDUCT; d.max_points = 90; d.per_occurrence = 1; d.veto = 0;
	assert_int_equal(eg_ruleset_builder_add_item(b, &d), EG_OK);
	assert_int_equal(eg_ruleset_builder_add_grade(b, 60, EG_GRADE_PASS, "CJ-A2-6.2"), EG_OK);
	assert_int_equal(eg_ruleset_builder_set_veto_mode(b, EG_VETO_MODE_ITEM_ONLY), EG_OK);
	assert_error(eg_ruleset_builder_set_veto_mode(b, 7), EG_EINVAL, "veto mode 7");
	assert_int_equal(eg_ruleset_build(&rs, b), EG_OK);
	assert_int_equal(eg_assess_input_new(&in, rs), EG_OK);
	assert_int_equal(eg_assess_input_set_status(in, "1", 0), EG_OK);
	assert_int_equal(eg_assess_score(&r, rs, in, NULL), EG_OK);
	/* 0 + 90 = 90: the veto took only item 1's 10 points. */
	assert_int_equal(eg_assess_result_score(r), 90);
	assert_int_equal(eg_assess_result_veto(r), 1);
	assert_int_equal(eg_assess_result_grade(r), EG_GRADE_PASS);
	eg_assess_result_free(r);
	eg_assess_input_free(in);
	eg_ruleset_free(rs);
	eg_ruleset_builder_free(b);
}

static void test_cj_a2_6_3_each_forced_fail(void **state)
{
	fixture *f = *state;
	const char *ids[] = { "CJ-A2-6.3-a", "CJ-A2-6.3-b", "CJ-A2-6.3-c", "CJ-A2-6.3-d", "CJ-A2-6.3" };
	for (size_t i = 0; i < 5; i++) {
		eg_assess_input *in = NULL;
		eg_assess_result *r = NULL;
		assert_int_equal(eg_assess_input_new(&in, f->rs), EG_OK);
		assert_int_equal(eg_assess_input_add_forced_fail(in, ids[i]), EG_OK);
		assert_int_equal(eg_assess_score(&r, f->rs, in, "2026-10"), EG_OK);
		/* 100 points, graded fail whatever the score. */
		assert_int_equal(eg_assess_result_score(r), 100);
		assert_int_equal(eg_assess_result_grade(r), EG_GRADE_FAIL);
		assert_true(has_fail(r, "CJ-A2-6.3"));
		assert_non_null(strstr(eg_trace_message(trace_of(r, "CJ-A2-6.3"), EG_LANG_ZH), "本期考核为不合格（CJ-A2-6.3）"));
		eg_assess_result_free(r);
		eg_assess_input_free(in);
	}
	assert_error(eg_assess_input_add_forced_fail(f->in, "CJ-A2-6.9"), EG_ENOTFOUND, "CJ-A2-6.9");
}

/*
 * Every kind of fail reason at once, in the trace's order: item 7's problem
 * with adverse effects (CJ-A2-5.7), a national exposure, a "fail" level
 * (CJ-A2-5.9), item 1 not met: the veto (CJ-A2-6.1), forced fail b
 * (CJ-A2-6.3). The score is 0 (vetoed), below 60, but CJ-A2-6.2 is not a
 * reason of its own: the veto and the fail conditions explain the fail.
 * The untraced result says the same; its errors name it.
 */
static void test_cj_a2_fail_reasons_in_order_with_and_without_trace(void **state)
{
	fixture *f = *state;
	const char *nat[] = { "national" };
	eg_assess_result *r, *u = NULL;
	eg_assess_input *other = NULL;
	eg_ruleset *jm = NULL;
	char *text = NULL;
	assert_int_equal(eg_assess_input_set_count(f->in, "7", 1), EG_OK);
	assert_int_equal(eg_assess_input_set_adverse(f->in, "7", 1), EG_OK);
	assert_int_equal(eg_assess_input_add_problem(f->in, nat, 1), EG_OK);
	assert_int_equal(eg_assess_input_set_status(f->in, "1", 0), EG_OK);
	assert_int_equal(eg_assess_input_add_forced_fail(f->in, "CJ-A2-6.3-b"), EG_OK);
	r = score(f, "2026-10"); /* and the untraced result equals it */
	assert_int_equal(eg_assess_result_score(r), 0);
	assert_int_equal(eg_assess_result_grade(r), EG_GRADE_FAIL);
	assert_int_equal(eg_assess_result_fail_count(r), 4);
	assert_string_equal(eg_assess_result_fail_at(r, 0), "CJ-A2-5.7");
	assert_string_equal(eg_assess_result_fail_at(r, 1), "CJ-A2-5.9");
	assert_string_equal(eg_assess_result_fail_at(r, 2), "CJ-A2-6.1");
	assert_string_equal(eg_assess_result_fail_at(r, 3), "CJ-A2-6.3");
	eg_assess_result_free(r);
	/* Rendered without a trace: the score, the grade and the reasons only. */
	assert_int_equal(eg_assess_score_untraced(&u, f->rs, f->in, "2026-10"), EG_OK);
	assert_int_equal(eg_assess_result_render(&text, u, EG_LANG_EN), EG_OK);
	assert_string_equal(text, "score 0, grade fail, veto\nfail reasons: CJ-A2-5.7, CJ-A2-5.9, CJ-A2-6.1, CJ-A2-6.3\n");
	eg_string_free(text);
	eg_assess_result_free(u);
	u = NULL;
	/* Errors: as eg_assess_score(), named for this function; nothing written. */
	assert_error(eg_assess_score_untraced(NULL, f->rs, f->in, NULL), EG_EINVAL, "eg_assess_score_untraced: NULL argument");
	assert_error(eg_assess_score_untraced(&u, NULL, f->in, NULL), EG_EINVAL, "eg_assess_score_untraced: NULL argument");
	assert_error(eg_assess_score_untraced(&u, f->rs, NULL, NULL), EG_EINVAL, "eg_assess_score_untraced: NULL argument");
	assert_int_equal(eg_ruleset_preset(&jm, "jiangmen-2021"), EG_OK);
	assert_int_equal(eg_assess_input_new(&other, jm), EG_OK);
	assert_error(eg_assess_score_untraced(&u, f->rs, other, NULL), EG_EINVAL,
		     "eg_assess_score_untraced: the inputs were made for rule set jiangmen-2021");
	assert_error(eg_assess_score_untraced(&u, f->rs, f->in, "2020-01"), EG_ERANGE, "2020-01");
	assert_null(u);
	eg_assess_input_free(other);
	eg_ruleset_free(jm);
}

static void test_cj_a2_6_2_grade_boundaries_90_80_60_59(void **state)
{
	fixture *f = *state;
	int g;
	/* n4 = 10: 30 + 30 + 30 = 90 -> excellent; n4 = 11: 89 -> good. */
	assert_int_equal(score_counts(f, 10, 0, 0, 0, &g), 90);
	assert_int_equal(g, EG_GRADE_EXCELLENT);
	assert_int_equal(score_counts(f, 11, 0, 0, 0, &g), 89);
	assert_int_equal(g, EG_GRADE_GOOD);
	/* n4 = 20: 80 -> good; n4 = 21: 79 -> pass. */
	assert_int_equal(score_counts(f, 20, 0, 0, 0, &g), 80);
	assert_int_equal(g, EG_GRADE_GOOD);
	assert_int_equal(score_counts(f, 21, 0, 0, 0, &g), 79);
	assert_int_equal(g, EG_GRADE_PASS);
	/* n4 = 30, n5 = 2: 30 + 10 + 0 + 10 + 10 = 60 -> pass (R0.1). */
	assert_int_equal(score_counts(f, 30, 2, 0, 0, &g), 60);
	assert_int_equal(g, EG_GRADE_PASS);
	/* n4 = 31, n5 = 2: 30 + 9 + 0 + 10 + 10 = 59 -> fail. */
	assert_int_equal(score_counts(f, 31, 2, 0, 0, &g), 59);
	assert_int_equal(g, EG_GRADE_FAIL);
}

static void test_cj_a2_5_2_status_from_the_grid(void **state)
{
	fixture *f = *state;
	eg_grid *g = NULL;
	eg_findings *fi = NULL;
	eg_assess_result *r;
	static const char csv[] = "code,parent_code,level,name\nC,,2,县\nT,C,3,镇\n";
	assert_int_equal(eg_grid_parse_csv(&g, csv, sizeof csv - 1, NULL), EG_OK);
	assert_int_equal(eg_grid_check(&fi, g), EG_OK);
	/* T is covered by no level-2 sub-head (CJ-G.4): item 2 not met -> veto. */
	assert_int_equal(eg_assess_input_status_from_grid(f->in, "2", fi, g, "C"), EG_OK);
	r = score(f, "2026-10");
	assert_int_equal(eg_assess_result_score(r), 0);
	assert_int_equal(eg_assess_result_veto(r), 1);
	eg_assess_result_free(r);
	assert_error(eg_assess_input_status_from_grid(f->in, "2", fi, g, "T"), EG_ELEVEL, "CJ-A2-5.2");
	assert_error(eg_assess_input_status_from_grid(f->in, "4", fi, g, "C"), EG_EINVAL, "deduction item");
	eg_findings_free(fi);
	eg_grid_free(g);
}

static void test_cj_a2_validity_dates(void **state)
{
	fixture *f = *state;
	eg_assess_result *r = NULL;
	const char *from, *to;
	assert_int_equal(eg_ruleset_validity(&from, &to, f->rs), EG_OK);
	assert_string_equal(from, "2023-05-24");
	assert_null(to);
	/* May 2023 is judged on 2023-05-31, on or after 2023-05-24: in force. */
	r = score(f, "2023-05");
	eg_assess_result_free(r);
	r = NULL;
	assert_error(eg_assess_score(&r, f->rs, f->in, "2023-04"), EG_ERANGE, "period 2023-04 is outside rule set changji-2023's validity 2023-05-24 to open");
	assert_null(r);
	assert_error(eg_assess_score(&r, f->rs, f->in, "2023-05-23"), EG_ERANGE, "2023-05-23");
	assert_error(eg_assess_score(&r, f->rs, f->in, "2023-13"), EG_EINVAL, "not YYYY-MM");
	r = score(f, "2023-05-24");
	eg_assess_result_free(r);
}

static void test_cj_a2_input_errors(void **state)
{
	fixture *f = *state;
	eg_ruleset *jm = NULL;
	eg_assess_result *r = NULL;
	const char *bad[] = { "galactic" }, *dup[] = { "regional", "regional" };
	assert_error(eg_assess_input_set_count(f->in, "4", -1), EG_EINVAL, "count -1 is negative");
	assert_error(eg_assess_input_set_count(f->in, "9", 1), EG_ENOTFOUND, "no item 9");
	assert_error(eg_assess_input_set_count(f->in, "1", 1), EG_EINVAL, "item 1 (CJ-A2-5.1) is a status item");
	assert_error(eg_assess_input_set_count(f->in, "4", 1000001), EG_ERANGE, "above 1000000");
	assert_error(eg_assess_input_set_status(f->in, "4", 1), EG_EINVAL, "deduction item");
	assert_error(eg_assess_input_set_bonus(f->in, -2), EG_EINVAL, "negative");
	assert_error(eg_assess_input_add_problem(f->in, bad, 1), EG_ENOTFOUND, "galactic");
	assert_error(eg_assess_input_add_problem(f->in, dup, 2), EG_EEXISTS, "regional is listed twice");
	assert_error(eg_assess_input_add_problem(f->in, dup, 0), EG_EINVAL, "at least one");
	assert_error(eg_assess_input_new(NULL, f->rs), EG_EINVAL, NULL);
	/* Inputs belong to the rule set they were made for. */
	assert_int_equal(eg_ruleset_preset(&jm, "jiangmen-2021"), EG_OK);
	assert_error(eg_assess_score(&r, jm, f->in, NULL), EG_EINVAL, "made for rule set changji-2023");
	assert_error(eg_assess_score(NULL, f->rs, f->in, NULL), EG_EINVAL, NULL);
	eg_ruleset_free(jm);
	/* The failed calls changed nothing: still a perfect 100. */
	r = score(f, "2026-10");
	assert_int_equal(eg_assess_result_score(r), 100);
	eg_assess_result_free(r);
}

static void test_jm_2_2_half_year_deduction_total(void **state)
{
	(void)state;
	eg_ruleset *rs = NULL;
	eg_assess_input *in = NULL;
	eg_assess_result *r = NULL;
	const char *items[] = { "1", "2", "3", "4", "5" };
	int counts[] = { 3, 4, 1, 2, 1 };
	assert_int_equal(eg_ruleset_preset(&rs, "jiangmen-2021"), EG_OK);
	assert_int_equal(eg_assess_input_new(&in, rs), EG_OK);
	for (int i = 0; i < 5; i++)
		assert_int_equal(eg_assess_input_set_count(in, items[i], counts[i]), EG_OK);
	assert_int_equal(eg_assess_score(&r, rs, in, "2021-06-30"), EG_OK);
	/* -(3x2 + 4x1 + 1x2 + 2x3 + 1x2) = -(6 + 4 + 2 + 6 + 2) = -20, no grades. */
	assert_int_equal(eg_assess_result_score(r), -20);
	assert_int_equal(eg_assess_result_grade(r), EG_GRADE_NONE);
	assert_non_null(strstr(eg_trace_message(eg_assess_result_trace_at(r, 3), EG_LANG_EN),
			       "2 × 3 = 6 deducted, 0 − 6 = -6 points (JM-2.2)"));
	assert_string_equal(eg_trace_rule(eg_assess_result_trace_at(r, 5)), "JM-2.2"); /* the total */
	eg_assess_result_free(r);
	r = NULL;
	assert_error(eg_assess_score(&r, rs, in, "2022-01"), EG_ERANGE, "2021-01-01 to 2021-12-31");
	assert_error(eg_assess_input_set_bonus(in, 1), EG_EINVAL, "no bonus rule");
	assert_error(eg_assess_input_add_forced_fail(in, "CJ-A2-6.3"), EG_ENOTFOUND, NULL);
	eg_assess_input_free(in);
	eg_ruleset_free(rs);
}

/* ------------------------------------------------------------------ */
/* Half-year and year totals (JM-2.2, JM-2.2.1)                          */
/* ------------------------------------------------------------------ */

/* JM-2.2.1: H1 is January-June, H2 July-December, "YYYY" the calendar year (R0.5). */
static void test_jm_2_2_1_period_bounds(void **state)
{
	char a[11], b[11];
	const char *bad[] = { "2021-H3", "2021-H0", "2021-h1", "2021H1", "21-H1", "2021-H1 ", "2021-06", "0000", "0000-H1",
			      "202a", "", "2021-H12" };
	(void)state;
	assert_int_equal(eg_assess_period_bounds(a, b, "2021-H1"), EG_OK);
	assert_string_equal(a, "2021-01-01");
	assert_string_equal(b, "2021-06-30");
	assert_int_equal(eg_assess_period_bounds(a, b, "2021-H2"), EG_OK);
	assert_string_equal(a, "2021-07-01");
	assert_string_equal(b, "2021-12-31");
	assert_int_equal(eg_assess_period_bounds(a, b, "2021"), EG_OK);
	assert_string_equal(a, "2021-01-01");
	assert_string_equal(b, "2021-12-31");
	assert_int_equal(eg_assess_period_bounds(a, b, "0001"), EG_OK); /* the first year there is */
	assert_string_equal(b, "0001-12-31");
	assert_int_equal(eg_assess_period_bounds(a, b, "9999-H2"), EG_OK); /* and the last */
	assert_string_equal(b, "9999-12-31");
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		strcpy(a, "unchanged");
		strcpy(b, "unchanged");
		assert_error(eg_assess_period_bounds(a, b, bad[i]), EG_EINVAL, "is not YYYY-H1, YYYY-H2 or YYYY (JM-2.2.1)");
		assert_string_equal(a, "unchanged"); /* nothing written */
		assert_string_equal(b, "unchanged");
	}
	assert_error(eg_assess_period_bounds(NULL, b, "2021"), EG_EINVAL, "NULL");
	assert_error(eg_assess_period_bounds(a, NULL, "2021"), EG_EINVAL, "NULL");
	assert_error(eg_assess_period_bounds(a, b, NULL), EG_EINVAL, "NULL");
}

/* One month of jiangmen-2021's inputs: counts of items 1 to 5. */
static eg_assess_input *jm_month(const eg_ruleset *rs, int c1, int c2, int c3, int c4, int c5)
{
	eg_assess_input *in = NULL;
	assert_int_equal(eg_assess_input_new(&in, rs), EG_OK);
	assert_int_equal(eg_assess_input_set_count(in, "1", c1), EG_OK);
	assert_int_equal(eg_assess_input_set_count(in, "2", c2), EG_OK);
	assert_int_equal(eg_assess_input_set_count(in, "3", c3), EG_OK);
	assert_int_equal(eg_assess_input_set_count(in, "4", c4), EG_OK);
	assert_int_equal(eg_assess_input_set_count(in, "5", c5), EG_OK);
	return in;
}

static const eg_trace *trace_subject(const eg_assess_result *r, const char *subject)
{
	for (size_t i = 0; i < eg_assess_result_trace_count(r); i++)
		if (strcmp(eg_trace_subject(eg_assess_result_trace_at(r, i)), subject) == 0)
			return eg_assess_result_trace_at(r, i);
	return NULL;
}

/*
 * JM-2.2: the half-year's total is scored from the sum of its months'
 * counts. January 1/3/0/0/0, February 0/0/1/1/0, March 2/0/0/0/1; April to
 * June missing. Sums: item 1: 1 + 2 = 3, item 2: 3, item 3: 1, item 4: 1,
 * item 5: 1. Total −(3×2 + 3×1 + 1×2 + 1×3 + 1×2) = −(6 + 3 + 2 + 3 + 2) = −16.
 */
static void test_jm_2_2_half_year_sums_the_months(void **state)
{
	eg_ruleset *rs = NULL;
	eg_assess_period *p = NULL;
	eg_assess_result *r = NULL;
	eg_assess_input *m[3];
	const eg_trace *t;
	(void)state;
	assert_int_equal(eg_ruleset_preset(&rs, "jiangmen-2021"), EG_OK);
	m[0] = jm_month(rs, 1, 3, 0, 0, 0);
	m[1] = jm_month(rs, 0, 0, 1, 1, 0);
	m[2] = jm_month(rs, 2, 0, 0, 0, 1);
	assert_int_equal(eg_assess_period_new(&p, rs, "2021-H1"), EG_OK);
	assert_string_equal(eg_assess_period_name(p), "2021-H1");
	assert_int_equal(eg_assess_period_month_count(p), 6);
	assert_string_equal(eg_assess_period_month_at(p, 0), "2021-01");
	assert_string_equal(eg_assess_period_month_at(p, 5), "2021-06");
	assert_null(eg_assess_period_month_at(p, 6));
	assert_int_equal(eg_assess_period_missing_count(p), 6);
	/* Nothing counted yet: nothing to score. */
	assert_error(eg_assess_period_score(&r, p), EG_ESTATE, "period 2021-H1: no month is counted (JM-2.2.1)");
	assert_null(r);
	assert_int_equal(eg_assess_period_add_month(p, "2021-03", m[2]), EG_OK); /* in any order */
	assert_int_equal(eg_assess_period_add_month(p, "2021-01", m[0]), EG_OK);
	assert_int_equal(eg_assess_period_add_month(p, "2021-02", m[1]), EG_OK);
	assert_int_equal(eg_assess_period_month_counted(p, 0), 1);
	assert_int_equal(eg_assess_period_month_counted(p, 3), 0);
	assert_int_equal(eg_assess_period_month_counted(p, 6), 0); /* out of range */
	assert_int_equal(eg_assess_period_missing_count(p), 3);    /* April, May, June */
	assert_int_equal(eg_assess_period_score(&r, p), EG_OK);
	assert_int_equal(eg_assess_result_score(r), -16);
	assert_int_equal(eg_assess_result_grade(r), EG_GRADE_NONE);
	assert_int_equal(eg_assess_result_fail_count(r), 0);
	/* The trace: the months counted, each missing month, then the items and the total. */
	t = eg_assess_result_trace_at(r, 0);
	assert_string_equal(eg_trace_rule(t), "JM-2.2.1");
	assert_int_equal(eg_trace_count(t), 3);
	assert_string_equal(eg_trace_message(t, EG_LANG_EN),
			    "2021-H1 (2021-01-01 to 2021-06-30): the deductions of 3 month(s) counted: 2021-01, 2021-02, "
			    "2021-03 (JM-2.2.1)");
	assert_string_equal(eg_trace_message(t, EG_LANG_ZH),
			    "2021-H1（2021-01-01 至 2021-06-30）：计入 3 个月的扣分：2021-01、2021-02、2021-03（JM-2.2.1）");
	t = trace_subject(r, "2021-05");
	assert_non_null(t);
	assert_string_equal(eg_trace_message(t, EG_LANG_EN),
			    "2021-05 has no inputs and is not counted: the total leaves it out (JM-2.2.1)");
	assert_string_equal(eg_trace_message(t, EG_LANG_ZH), "2021-05 没有输入，未计入本期：合计不含该月（JM-2.2.1）");
	assert_null(trace_subject(r, "2021-02")); /* counted: no entry of its own */
	t = trace_subject(r, "1");
	assert_int_equal(eg_trace_count(t), 3); /* 1 + 2 occurrences */
	assert_non_null(strstr(eg_trace_message(t, EG_LANG_EN), "3 × 2 = 6 deducted, 0 − 6 = -6 points (JM-2.2)"));
	t = eg_assess_result_trace_at(r, eg_assess_result_trace_count(r) - 1);
	assert_string_equal(eg_trace_message(t, EG_LANG_EN), "total -16 points (JM-2.2)");
	/* 1 + 3 missing + 5 items + total = 10 entries. */
	assert_int_equal(eg_assess_result_trace_count(r), 10);
	eg_assess_result_free(r);
	/* A month twice, a month of the other half, a month that is not one. */
	assert_error(eg_assess_period_add_month(p, "2021-01", m[0]), EG_EEXISTS, "month 2021-01 is already counted in period 2021-H1");
	assert_error(eg_assess_period_add_month(p, "2021-07", m[0]), EG_ERANGE,
		     "month 2021-07 is not in period 2021-H1 (2021-01-01 to 2021-06-30, JM-2.2.1)");
	assert_error(eg_assess_period_add_month(p, "2020-12", m[0]), EG_ERANGE, "is not in period 2021-H1");
	assert_error(eg_assess_period_add_month(p, "2021-13", m[0]), EG_EINVAL, "is not YYYY-MM");
	assert_error(eg_assess_period_add_month(p, "2021-4", m[0]), EG_EINVAL, "is not YYYY-MM");
	assert_error(eg_assess_period_add_month(NULL, "2021-04", m[0]), EG_EINVAL, "NULL");
	assert_error(eg_assess_period_add_month(p, NULL, m[0]), EG_EINVAL, "NULL");
	assert_error(eg_assess_period_add_month(p, "2021-04", NULL), EG_EINVAL, "NULL");
	assert_error(eg_assess_period_score(NULL, p), EG_EINVAL, "NULL");
	assert_error(eg_assess_period_score(&r, NULL), EG_EINVAL, "NULL");
	/* None of the failures changed the period: still −16 of three months. */
	assert_int_equal(eg_assess_period_missing_count(p), 3);
	assert_int_equal(eg_assess_period_score(&r, p), EG_OK);
	assert_int_equal(eg_assess_result_score(r), -16);
	eg_assess_result_free(r);
	/* The six months complete: no missing entry; 2021-04 adds 0/0/0/0/0. */
	for (const char *const *mo = (const char *const[]){ "2021-04", "2021-05", "2021-06", NULL }; *mo; mo++)
		assert_int_equal(eg_assess_period_add_month(p, *mo, m[1]), EG_OK);
	/* + 3 × February (item 3: 2, item 4: 3 each): −16 − 3 × (2 + 3) = −31. */
	assert_int_equal(eg_assess_period_missing_count(p), 0);
	assert_int_equal(eg_assess_period_score(&r, p), EG_OK);
	assert_int_equal(eg_assess_result_score(r), -31);
	assert_null(trace_subject(r, "2021-05"));
	assert_int_equal(eg_assess_result_trace_count(r), 7); /* months, 5 items, total */
	eg_assess_result_free(r);
	/* Accessors on NULL. */
	assert_null(eg_assess_period_name(NULL));
	assert_int_equal(eg_assess_period_month_count(NULL), 0);
	assert_null(eg_assess_period_month_at(NULL, 0));
	assert_int_equal(eg_assess_period_month_counted(NULL, 0), 0);
	assert_int_equal(eg_assess_period_missing_count(NULL), 0);
	eg_assess_period_free(NULL);
	for (int i = 0; i < 3; i++)
		eg_assess_input_free(m[i]);
	eg_assess_period_free(p);
	eg_ruleset_free(rs);
}

/* A rule set like jiangmen-2021's items 1 and 2, item 2 per situation when `situation`. */
static eg_ruleset *jm_two_items(int situation, const char *from, const char *to)
{
	eg_ruleset_builder *b = NULL;
	eg_ruleset *rs = NULL;
	eg_item_def d = EG_ITEM_DEF_INIT;
	assert_int_equal(eg_ruleset_builder_new(&b, "jm-two", "江门 2021", 1), EG_OK);
	assert_int_equal(eg_ruleset_builder_set_validity(b, from, to), EG_OK);
	assert_int_equal(eg_ruleset_builder_add_section(b, "s", "双考核", "double assessment"), EG_OK);
	d.id = "1", d.rule = "JM-2.2", d.section = "s", d.max_points = 0, d.per_occurrence = 2, d.floor = EG_ITEM_NO_FLOOR;
	assert_int_equal(eg_ruleset_builder_add_item(b, &d), EG_OK);
	d.id = "2", d.per_occurrence = 1;
	assert_int_equal(eg_ruleset_builder_add_item(b, &d), EG_OK);
	if (situation)
		assert_int_equal(eg_ruleset_builder_set_per_situation(b, "2", 1), EG_OK);
	assert_int_equal(eg_ruleset_build(&rs, b), EG_OK);
	eg_ruleset_builder_free(b);
	return rs;
}

static int32_t period_total(const eg_ruleset *rs, const char *period, const char *const *months,
			    const eg_assess_input *const *in, size_t n)
{
	eg_assess_period *p = NULL;
	eg_assess_result *r = NULL;
	int32_t score;
	assert_int_equal(eg_assess_period_new(&p, rs, period), EG_OK);
	for (size_t i = 0; i < n; i++)
		if (eg_assess_period_add_month(p, months[i], in[i]) != EG_OK)
			return INT32_MIN; /* the month is not in the period: left out by the caller */
	assert_int_equal(eg_assess_period_score(&r, p), EG_OK);
	score = eg_assess_result_score(r);
	eg_assess_result_free(r);
	eg_assess_period_free(p);
	return score;
}

/*
 * JM-2.2 per situation (option): one situation per period however many
 * occurrences, so the year is not the sum of its halves. March: item 1
 * ×1, item 2 ×5; September: item 1 ×2, item 2 ×7.
 * Per occurrence (default): H1 −(1×2 + 5×1) = −7, H2 −(2×2 + 7×1) = −11,
 * year −(3×2 + 12×1) = −18 = −7 + −11.
 * Item 2 per situation: H1 −(2 + 1) = −3, H2 −(4 + 1) = −5, year
 * −(6 + 1) = −7, not −3 + −5 = −8.
 */
static void test_jm_2_2_per_situation_year_is_not_the_sum_of_its_halves(void **state)
{
	const char *mar[] = { "2021-03" }, *sep[] = { "2021-09" }, *both[] = { "2021-03", "2021-09" };
	(void)state;
	for (int situation = 0; situation <= 1; situation++) {
		eg_ruleset *rs = jm_two_items(situation, "2021-01-01", "2021-12-31");
		eg_assess_input *m3 = NULL, *m9 = NULL;
		assert_int_equal(eg_assess_input_new(&m3, rs), EG_OK);
		assert_int_equal(eg_assess_input_new(&m9, rs), EG_OK);
		assert_int_equal(eg_assess_input_set_count(m3, "1", 1), EG_OK);
		assert_int_equal(eg_assess_input_set_count(m3, "2", 5), EG_OK);
		assert_int_equal(eg_assess_input_set_count(m9, "1", 2), EG_OK);
		assert_int_equal(eg_assess_input_set_count(m9, "2", 7), EG_OK);
		{
			const eg_assess_input *h1[] = { m3 }, *h2[] = { m9 }, *yr[] = { m3, m9 };
			int32_t a = period_total(rs, "2021-H1", mar, h1, 1), b = period_total(rs, "2021-H2", sep, h2, 1),
				y = period_total(rs, "2021", both, yr, 2);
			if (!situation) {
				assert_int_equal(a, -7);
				assert_int_equal(b, -11);
				assert_int_equal(y, -18); /* the sum of the halves */
			} else {
				assert_int_equal(a, -3);
				assert_int_equal(b, -5);
				assert_int_equal(y, -7); /* one situation of item 2 in the year */
			}
		}
		/* The trace of the year shows one situation of item 2 (count 1), 3 occurrences of item 1. */
		if (situation) {
			eg_assess_period *p = NULL;
			eg_assess_result *r = NULL;
			assert_int_equal(eg_assess_period_new(&p, rs, "2021"), EG_OK);
			assert_int_equal(eg_assess_period_add_month(p, "2021-03", m3), EG_OK);
			assert_int_equal(eg_assess_period_add_month(p, "2021-09", m9), EG_OK);
			assert_int_equal(eg_assess_period_score(&r, p), EG_OK);
			assert_int_equal(eg_trace_count(trace_subject(r, "2")), 1);
			assert_int_equal(eg_trace_count(trace_subject(r, "1")), 3);
			assert_int_equal(eg_trace_count(trace_subject(r, "2021")), 2); /* two months counted */
			assert_int_equal(eg_assess_period_missing_count(p), 10);
			eg_assess_result_free(r);
			eg_assess_period_free(p);
		}
		eg_assess_input_free(m3);
		eg_assess_input_free(m9);
		eg_ruleset_free(rs);
	}
}

/*
 * JM-2.2: summed counts never wrap: 1,000,000 is the largest count
 * (eg_assess_input_set_count()); 999,999 + 1 reaches it, one more is an
 * error naming the item, and the sum is left as it was.
 */
static void test_jm_2_2_period_count_overflow_is_an_error(void **state)
{
	eg_ruleset *rs = NULL;
	eg_assess_input *sum = NULL, *big = NULL, *one = NULL;
	eg_assess_period *p = NULL;
	eg_assess_result *r = NULL;
	(void)state;
	assert_int_equal(eg_ruleset_preset(&rs, "jiangmen-2021"), EG_OK);
	assert_int_equal(eg_assess_input_new(&sum, rs), EG_OK);
	assert_int_equal(eg_assess_input_new(&big, rs), EG_OK);
	assert_int_equal(eg_assess_input_new(&one, rs), EG_OK);
	assert_int_equal(eg_assess_input_set_count(big, "4", 999999), EG_OK);
	assert_int_equal(eg_assess_input_set_count(one, "4", 1), EG_OK);
	assert_int_equal(eg_assess_input_add(sum, big), EG_OK);
	assert_int_equal(eg_assess_input_add(sum, one), EG_OK); /* 1,000,000: the limit itself */
	assert_error(eg_assess_input_add(sum, one), EG_ERANGE, "item 4: the period's count 1000000 + 1 is above 1000000 (JM-2.2)");
	/* Through a period: 999,999 in July, 1 in August, 1 in September refused; the total stays −3,000,000. */
	assert_int_equal(eg_assess_period_new(&p, rs, "2021-H2"), EG_OK);
	assert_int_equal(eg_assess_period_add_month(p, "2021-07", big), EG_OK);
	assert_int_equal(eg_assess_period_add_month(p, "2021-08", one), EG_OK);
	assert_error(eg_assess_period_add_month(p, "2021-09", one), EG_ERANGE, "above 1000000");
	assert_int_equal(eg_assess_period_month_counted(p, 2), 0); /* September not counted */
	assert_int_equal(eg_assess_period_score(&r, p), EG_OK);
	assert_int_equal(eg_assess_result_score(r), -3000000); /* 1,000,000 × 3 */
	eg_assess_result_free(r);
	eg_assess_period_free(p);
	eg_assess_input_free(sum);
	eg_assess_input_free(big);
	eg_assess_input_free(one);
	eg_ruleset_free(rs);
}

/* A deduction-only rule set with one extra part that has no sum over months. */
static eg_ruleset *jm_with(int extra)
{
	eg_ruleset_builder *b = NULL;
	eg_ruleset *rs = NULL;
	eg_item_def d = EG_ITEM_DEF_INIT;
	assert_int_equal(eg_ruleset_builder_new(&b, "jm-extra", "江门 2021", 1), EG_OK);
	assert_int_equal(eg_ruleset_builder_set_validity(b, "2021-01-01", "2021-12-31"), EG_OK);
	assert_int_equal(eg_ruleset_builder_add_section(b, "s", NULL, NULL), EG_OK);
	d.id = "1", d.rule = "JM-2.2", d.section = "s", d.max_points = 0, d.per_occurrence = 2, d.floor = EG_ITEM_NO_FLOOR;
	d.adverse_fail = extra == 3;
	assert_int_equal(eg_ruleset_builder_add_item(b, &d), EG_OK);
	if (extra == 0)
		assert_int_equal(eg_ruleset_builder_set_bonus(b, "X-1", 1, 5), EG_OK);
	if (extra == 1)
		assert_int_equal(eg_ruleset_builder_add_penalty_level(b, "s", "city", "X-2", 5, 0), EG_OK);
	if (extra == 2)
		assert_int_equal(eg_ruleset_builder_add_forced_fail(b, "X-3-a", "X-3", "情形", "condition"), EG_OK);
	if (extra >= 2) /* a fail condition needs grades (CJ-A2-6.2) */
		assert_int_equal(eg_ruleset_builder_add_grade(b, -10, EG_GRADE_PASS, "X-4"), EG_OK);
	assert_int_equal(eg_ruleset_build(&rs, b), EG_OK);
	eg_ruleset_builder_free(b);
	return rs;
}

/* JM-2.2: the errors of a period, each leaving everything as it was. */
static void test_jm_2_2_period_errors(void **state)
{
	eg_ruleset *jm = NULL, *cj = NULL, *other = NULL, *late = NULL;
	eg_assess_period *p = NULL;
	eg_assess_input *a = NULL, *b = NULL, *c = NULL;
	eg_assess_result *r = NULL;
	const char *why[] = { "it has a bonus rule (JM-2.2)", "it has media penalties (JM-2.2)",
			      "it has forced-fail conditions (JM-2.2)", "item 1 has an adverse-effects rule (JM-2.2)" };
	(void)state;
	assert_int_equal(eg_ruleset_preset(&jm, "jiangmen-2021"), EG_OK);
	assert_int_equal(eg_ruleset_preset(&cj, "changji-2023"), EG_OK);
	/* Bad periods, periods outside the validity 2021-01-01 to 2021-12-31 (boundaries: 2020-H2 ends the day
	 * before, 2022-H1 starts the day after). */
	assert_error(eg_assess_period_new(&p, jm, "2021-H3"), EG_EINVAL, "period \"2021-H3\" is not YYYY-H1, YYYY-H2 or YYYY");
	assert_error(eg_assess_period_new(&p, jm, "2021-06"), EG_EINVAL, "is not YYYY-H1");
	assert_error(eg_assess_period_new(&p, jm, "2020-H2"), EG_ERANGE,
		     "period 2020-H2 is outside rule set jiangmen-2021's validity 2021-01-01 to 2021-12-31");
	assert_error(eg_assess_period_new(&p, jm, "2022-H1"), EG_ERANGE, "period 2022-H1 is outside");
	assert_error(eg_assess_period_new(&p, jm, "2022"), EG_ERANGE, "period 2022 is outside");
	assert_error(eg_assess_period_new(&p, jm, "2020"), EG_ERANGE, "period 2020 is outside");
	assert_null(p);
	/* A rule set in force from 2021-03-01: the first half-year is not wholly inside, the second is; open-ended. */
	late = jm_two_items(0, "2021-03-01", NULL);
	assert_error(eg_assess_period_new(&p, late, "2021-H1"), EG_ERANGE, "validity 2021-03-01 to open");
	assert_error(eg_assess_period_new(&p, late, "2021"), EG_ERANGE, "period 2021 is outside");
	assert_int_equal(eg_assess_period_new(&p, late, "2021-H2"), EG_OK);
	eg_assess_period_free(p);
	p = NULL;
	assert_int_equal(eg_assess_period_new(&p, late, "2030"), EG_OK); /* open-ended */
	eg_assess_period_free(p);
	p = NULL;
	/* A rule set judged month by month: changji-2023's status items. */
	assert_error(eg_assess_period_new(&p, cj, "2026"), EG_EINVAL,
		     "rule set changji-2023 does not sum over months: item 1 is a status item (JM-2.2)");
	assert_int_equal(eg_assess_input_new(&a, cj), EG_OK);
	assert_int_equal(eg_assess_input_new(&b, cj), EG_OK);
	assert_error(eg_assess_input_add(a, b), EG_EINVAL, "item 1 is a status item");
	eg_assess_input_free(a);
	eg_assess_input_free(b);
	for (int extra = 0; extra < 4; extra++) {
		eg_ruleset *x = jm_with(extra);
		assert_error(eg_assess_period_new(&p, x, "2021-H1"), EG_EINVAL, why[extra]);
		assert_int_equal(eg_assess_input_new(&a, x), EG_OK);
		assert_int_equal(eg_assess_input_new(&b, x), EG_OK);
		assert_error(eg_assess_input_add(a, b), EG_EINVAL, "does not sum over months");
		eg_assess_input_free(a);
		eg_assess_input_free(b);
		eg_ruleset_free(x);
	}
	/* Inputs of two rule sets, NULLs. */
	other = jm_two_items(0, "2021-01-01", "2021-12-31");
	assert_int_equal(eg_assess_input_new(&a, jm), EG_OK);
	assert_int_equal(eg_assess_input_new(&b, other), EG_OK);
	assert_int_equal(eg_assess_input_set_count(b, "1", 4), EG_OK);
	assert_error(eg_assess_input_add(a, b), EG_EINVAL, "the month's inputs were made for rule set jm-two, the period's for jiangmen-2021");
	assert_error(eg_assess_input_add(NULL, b), EG_EINVAL, "NULL");
	assert_error(eg_assess_input_add(a, NULL), EG_EINVAL, "NULL");
	assert_int_equal(eg_assess_period_new(&p, jm, "2021-H1"), EG_OK);
	assert_error(eg_assess_period_add_month(p, "2021-01", b), EG_EINVAL, "made for rule set jm-two");
	assert_int_equal(eg_assess_period_month_counted(p, 0), 0);
	/* Nothing was added to a: it scores 0 in January. */
	assert_int_equal(eg_assess_period_add_month(p, "2021-01", a), EG_OK);
	assert_int_equal(eg_assess_period_score(&r, p), EG_OK);
	assert_int_equal(eg_assess_result_score(r), 0);
	eg_assess_result_free(r);
	eg_assess_period_free(p);
	p = NULL;
	assert_error(eg_assess_period_new(NULL, jm, "2021"), EG_EINVAL, "NULL");
	assert_error(eg_assess_period_new(&p, NULL, "2021"), EG_EINVAL, "NULL");
	assert_error(eg_assess_period_new(&p, jm, NULL), EG_EINVAL, "NULL");
	assert_null(p);
	(void)c;
	eg_assess_input_free(a);
	eg_assess_input_free(b);
	eg_ruleset_free(other);
	eg_ruleset_free(late);
	eg_ruleset_free(cj);
	eg_ruleset_free(jm);
}

static void test_presets_by_name_and_date(void **state)
{
	(void)state;
	eg_ruleset *rs = NULL;
	assert_int_equal(eg_ruleset_for_date(&rs, NULL, "2021-07-01"), EG_OK);
	assert_string_equal(eg_ruleset_name(rs), "jiangmen-2021");
	eg_ruleset_free(rs);
	assert_int_equal(eg_ruleset_for_date(&rs, "changji", "2026-11-24"), EG_OK);
	assert_string_equal(eg_ruleset_name(rs), "changji-2023");
	assert_string_equal(eg_ruleset_document(rs), "昌州环委办发〔2023〕6号 附件2");
	assert_int_equal(eg_ruleset_item_count(rs), 7);
	assert_string_equal(eg_ruleset_item_rule(rs, 3), "CJ-A2-5.4");
	assert_int_equal(eg_ruleset_item_kind(rs, 0), EG_ITEM_KIND_STATUS);
	eg_ruleset_free(rs);
	rs = NULL;
	assert_error(eg_ruleset_for_date(&rs, NULL, "2022-06-01"), EG_ENOTFOUND, "in force on 2022-06-01");
	assert_error(eg_ruleset_for_date(&rs, "changji", "2023-05-23"), EG_ENOTFOUND, NULL);
	assert_error(eg_ruleset_for_date(&rs, NULL, "2022-6-1"), EG_EINVAL, "not a date");
	assert_error(eg_ruleset_preset(&rs, "beijing-2030"), EG_ENOTFOUND, "beijing-2030");
	assert_null(rs);
}

static void test_caller_built_ruleset_in_tenths(void **state)
{
	(void)state;
	eg_ruleset_builder *b = NULL;
	eg_ruleset *rs = NULL;
	eg_assess_input *in = NULL;
	eg_assess_result *r = NULL;
	eg_item_def d = EG_ITEM_DEF_INIT;
	char *text = NULL;
	/* A province's own table, in tenths: status 5.0, deduction 5.0 at 1.5 each. */
	assert_int_equal(eg_ruleset_builder_new(&b, "province-x", "X环发〔2026〕1号", 10), EG_OK);
	assert_int_equal(eg_ruleset_builder_set_validity(b, "2026-01-01", "2026-12-31"), EG_OK);
	assert_int_equal(eg_ruleset_builder_add_section(b, "s", "省考核", "province"), EG_OK);
	d.id = "a"; d.rule = "X-1"; d.section = "s"; d.kind = EG_ITEM_KIND_STATUS; d.max_points = 50;
	assert_int_equal(eg_ruleset_builder_add_item(b, &d), EG_OK);
	d.id = "b"; d.rule = "X-2"; d.kind = EG_ITEM_KIND_DEDUCT; d.max_points = 50; d.per_occurrence = 15; d.floor = 0;
	assert_int_equal(eg_ruleset_builder_add_item(b, &d), EG_OK);
	assert_int_equal(eg_ruleset_builder_add_grade(b, 60, EG_GRADE_PASS, "X-3"), EG_OK);
	assert_int_equal(eg_ruleset_builder_add_grade(b, 90, EG_GRADE_EXCELLENT, "X-3"), EG_OK);
	assert_int_equal(eg_ruleset_build(&rs, b), EG_OK);
	eg_ruleset_builder_free(b); /* the built rule set does not depend on the builder */
	assert_int_equal(eg_assess_input_new(&in, rs), EG_OK);
	assert_int_equal(eg_assess_input_set_count(in, "b", 2), EG_OK);
	assert_int_equal(eg_assess_score(&r, rs, in, "2026-03"), EG_OK);
	/* 5.0 + (5.0 - 2 x 1.5 = 2.0) = 7.0 -> 70 tenths -> pass (>= 6.0). */
	assert_int_equal(eg_assess_result_score(r), 70);
	assert_int_equal(eg_assess_result_grade(r), EG_GRADE_PASS);
	assert_int_equal(eg_ruleset_scale(rs), 10);
	assert_int_equal(eg_assess_result_render(&text, r, EG_LANG_EN), EG_OK);
	assert_non_null(strstr(text, "2 × 1.5 = 3.0 deducted, 5.0 − 3.0 = 2.0 points (X-2)"));
	eg_string_free(text);
	eg_assess_result_free(r);
	eg_assess_input_free(in);
	eg_ruleset_free(rs);
}

static void test_ruleset_builder_errors(void **state)
{
	(void)state;
	eg_ruleset_builder *b = NULL;
	eg_ruleset *rs = NULL;
	eg_item_def d = EG_ITEM_DEF_INIT;
	assert_error(eg_ruleset_builder_new(&b, "x", "doc", 3), EG_ERANGE, "scale 3");
	assert_error(eg_ruleset_builder_new(&b, "", "doc", 1), EG_EINVAL, "rule-set name is empty");
	assert_int_equal(eg_ruleset_builder_new(&b, "x", "doc", 1), EG_OK);
	assert_error(eg_ruleset_build(&rs, b), EG_EINVAL, "has no items");
	assert_error(eg_ruleset_builder_set_validity(b, "2026-02-30", NULL), EG_EINVAL, "valid_from");
	assert_error(eg_ruleset_builder_set_validity(b, "2026-02-01", "2026-01-31"), EG_EINVAL, "before valid_from");
	assert_int_equal(eg_ruleset_builder_add_section(b, "s", NULL, NULL), EG_OK);
	assert_error(eg_ruleset_builder_add_section(b, "s", NULL, NULL), EG_EEXISTS, "section s");
	d.id = "1"; d.rule = "R-1"; d.section = "nope"; d.max_points = 10; d.per_occurrence = 1;
	assert_error(eg_ruleset_builder_add_item(b, &d), EG_ENOTFOUND, "section nope not found");
	d.section = "s";
	assert_int_equal(eg_ruleset_builder_add_item(b, &d), EG_OK);
	assert_error(eg_ruleset_builder_add_item(b, &d), EG_EEXISTS, "item 1 already exists");
	d.id = "2"; d.floor = 11;
	assert_error(eg_ruleset_builder_add_item(b, &d), EG_ERANGE, "floor 11 is above max_points 10");
	d.floor = 0; d.max_points = -1;
	assert_error(eg_ruleset_builder_add_item(b, &d), EG_ERANGE, "must be >= 0");
	d.max_points = 10; d.veto = 1;
	assert_error(eg_ruleset_builder_add_item(b, &d), EG_EINVAL, "only status items can be veto items");
	d.veto = 0; d.kind = 9;
	assert_error(eg_ruleset_builder_add_item(b, &d), EG_EINVAL, "kind 9");
	d.kind = EG_ITEM_KIND_DEDUCT; d.floor = EG_ITEM_NO_FLOOR; d.overflow = 1;
	assert_error(eg_ruleset_builder_add_item(b, &d), EG_EINVAL, "overflow needs a floor");
	d.version = 2;
	assert_error(eg_ruleset_builder_add_item(b, &d), EG_EINVAL, "version 2");
	assert_error(eg_ruleset_builder_set_bonus(b, "B", 2, -1), EG_ERANGE, "cap -1");
	assert_error(eg_ruleset_builder_add_grade(b, 60, EG_GRADE_FAIL, "G"), EG_EINVAL, "below every threshold is fail");
	assert_int_equal(eg_ruleset_builder_add_grade(b, 60, EG_GRADE_PASS, "G"), EG_OK);
	assert_error(eg_ruleset_builder_add_grade(b, 50, EG_GRADE_GOOD, "G"), EG_ERANGE, "must rise with the grade");
	assert_error(eg_ruleset_builder_add_grade(b, 60, EG_GRADE_GOOD, "G"), EG_EEXISTS, NULL);
	assert_error(eg_ruleset_builder_add_penalty_level(b, "nope", "l", "P", 1, 0), EG_ENOTFOUND, "section nope");
	assert_int_equal(eg_ruleset_builder_add_penalty_level(b, "s", "l", "P", 1, 0), EG_OK);
	assert_error(eg_ruleset_builder_add_penalty_level(b, "s", "l", "P", 1, 0), EG_EEXISTS, "level l");
	assert_error(eg_ruleset_builder_add_penalty_level(b, "s", "m", "P", -5, 0), EG_ERANGE, "amount -5");
	assert_error(eg_ruleset_builder_add_forced_fail(b, "F", "R", "", "x"), EG_EINVAL, "condition text is empty");
	/* Validity is required to build. */
	assert_error(eg_ruleset_build(&rs, b), EG_EINVAL, "no validity dates");
	assert_null(rs);
	eg_ruleset_builder_free(b);
	eg_ruleset_builder_free(NULL);
	eg_ruleset_free(NULL);
}

static void test_cj_a2_score_many_all_or_nothing(void **state)
{
	fixture *f = *state;
	eg_assess_input *ins[3] = { NULL, NULL, NULL };
	eg_assess_result *out[3] = { NULL, NULL, NULL };
	eg_ruleset *jm = NULL;
	for (int i = 0; i < 3; i++) {
		assert_int_equal(eg_assess_input_new(&ins[i], f->rs), EG_OK);
		assert_int_equal(eg_assess_input_set_count(ins[i], "4", 10 * i), EG_OK);
	}
	assert_int_equal(eg_assess_score_many(out, f->rs, (const eg_assess_input *const *)ins, 3, "2026-10"), EG_OK);
	/* 100, 90, 80 for 0, 10, 20 item-4 problems. */
	assert_int_equal(eg_assess_result_score(out[0]), 100);
	assert_int_equal(eg_assess_result_score(out[1]), 90);
	assert_int_equal(eg_assess_result_score(out[2]), 80);
	for (int i = 0; i < 3; i++) {
		eg_assess_result_free(out[i]);
		out[i] = NULL;
	}
	/* One input made for another rule set: nothing is scored. */
	assert_int_equal(eg_ruleset_preset(&jm, "jiangmen-2021"), EG_OK);
	eg_assess_input_free(ins[2]);
	assert_int_equal(eg_assess_input_new(&ins[2], jm), EG_OK);
	assert_error(eg_assess_score_many(out, f->rs, (const eg_assess_input *const *)ins, 3, "2026-10"), EG_EINVAL, NULL);
	assert_null(out[0]);
	assert_null(out[1]);
	for (int i = 0; i < 3; i++)
		eg_assess_input_free(ins[i]);
	eg_ruleset_free(jm);
}

static void test_cj_a2_7_2_annual_mean_graded(void **state)
{
	fixture *f = *state;
	int64_t mean;
	int grade;
	int32_t y1[] = { 90, 80, 59 }, y2[] = { 60, 59 }, y3[] = { 0, 1, 0, 0 }, y4[] = { 0, 3, 0, 0 };
	int32_t y5[] = { 60, 60, 60, 60, 60, 60, 60, 60, 60, 60, 60, 59 };
	/* (90 + 80 + 59) / 3 = 76.33 -> 763 tenths, pass. */
	assert_int_equal(eg_assess_annual(&mean, &grade, f->rs, y1, 3), EG_OK);
	assert_int_equal(mean, 763);
	assert_int_equal(grade, EG_GRADE_PASS);
	/* (60 + 59) / 2 = 59.5: below 60, fail (exact: 119 < 120). */
	assert_int_equal(eg_assess_annual(&mean, &grade, f->rs, y2, 2), EG_OK);
	assert_int_equal(mean, 595);
	assert_int_equal(grade, EG_GRADE_FAIL);
	/* 1 / 4 = 0.25 -> 2.5 tenths -> half to even: 2; 3 / 4 = 0.75 -> 7.5 -> 8. */
	assert_int_equal(eg_assess_annual(&mean, &grade, f->rs, y3, 4), EG_OK);
	assert_int_equal(mean, 2);
	assert_int_equal(eg_assess_annual(&mean, &grade, f->rs, y4, 4), EG_OK);
	assert_int_equal(mean, 8);
	/* 719 / 12 = 59.9166...: fail although it rounds to 59.9 -> no rounding into a pass. */
	assert_int_equal(eg_assess_annual(&mean, &grade, f->rs, y5, 12), EG_OK);
	assert_int_equal(mean, 599);
	assert_int_equal(grade, EG_GRADE_FAIL);
	assert_error(eg_assess_annual(&mean, &grade, f->rs, y5, 0), EG_EINVAL, "no months");
	assert_error(eg_assess_annual(&mean, &grade, f->rs, y5, 13), EG_ERANGE, "13 months");
}

static int scenario_preset_and_score(void *p)
{
	(void)p;
	eg_ruleset *rs = NULL;
	eg_assess_input *in = NULL;
	eg_assess_result *r = NULL;
	char *text = NULL;
	const char *lv[] = { "regional", "prefecture" };
	int rc;
	if ((rc = eg_ruleset_preset(&rs, "changji-2023")) < 0)
		return rc;
	if ((rc = eg_assess_input_new(&in, rs)) < 0 || (rc = eg_assess_input_set_count(in, "7", 2)) < 0 ||
	    (rc = eg_assess_input_add_problem(in, lv, 2)) < 0 || (rc = eg_assess_input_set_bonus(in, 1)) < 0 ||
	    (rc = eg_assess_score(&r, rs, in, "2026-10")) < 0 || (rc = eg_assess_result_render(&text, r, 0)) < 0) {
		assert_null(text);
		eg_assess_result_free(r);
		eg_assess_input_free(in);
		eg_ruleset_free(rs);
		return rc;
	}
	/* 30 + max(0, 60 - 30) - 10 + 2 = 52 */
	assert_int_equal(eg_assess_result_score(r), 52);
	eg_string_free(text);
	eg_assess_result_free(r);
	eg_assess_input_free(in);
	eg_ruleset_free(rs);
	return EG_OK;
}

static void test_assess_every_allocation_failure_is_clean(void **state)
{
	(void)state;
	long n = tu_alloc_fail_loop(scenario_preset_and_score, NULL);
	assert_true(n > 50);
}

/* ---- batch: eg_assess_score_table -------------------------------------------- */

static void test_assess_score_table_matches_per_unit_scoring(void **state)
{
	fixture *f = *state;
	/* Row 0: 41 problems (CJ-A2-5.4) and regional + prefecture exposures → 30, fail
	 * (README example). Row 1: item 5 twice, 6 bonus events. Row 2: item 1 not
	 * met: veto (CJ-A2-6.1) → 0. Row 3: forced fail CJ-A2-6.3-b. */
	const int64_t items[4 * 7] = { 1, 1, 1, 41, 0, 0, 0, 1, 1, 1, 0, 2, 0, 0,
				       0, 1, 1, 0, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0 };
	const int64_t bonus[4] = { 0, 6, 0, 0 };
	const int32_t problems[4 * 3] = { 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0 };
	const uint32_t forced[4] = { 0, 0, 0, 1u << 1 };
	const char *const media[2] = { "regional", "prefecture" };
	int32_t scores[4], grades[4];
	assert_int_equal(eg_assess_score_table(scores, grades, f->rs, items, 7, bonus, problems, 3, forced, 4,
					       "2026-10"), EG_OK);
	assert_int_equal(scores[0], 30);
	assert_int_equal(grades[0], EG_GRADE_FAIL);
	assert_int_equal(scores[2], 0);
	assert_int_equal(grades[2], EG_GRADE_FAIL);
	assert_int_equal(grades[3], EG_GRADE_FAIL);
	/* Each row equals the per-unit path. */
	for (int i = 0; i < 4; i++) {
		eg_assess_input *in = NULL;
		eg_assess_result *r = NULL;
		char id[2] = "0";
		assert_int_equal(eg_assess_input_new(&in, f->rs), EG_OK);
		for (int k = 0; k < 7; k++) {
			id[0] = (char)('1' + k);
			if (k < 3)
				assert_int_equal(eg_assess_input_set_status(in, id, (int)items[i * 7 + k]), EG_OK);
			else
				assert_int_equal(eg_assess_input_set_count(in, id, items[i * 7 + k]), EG_OK);
		}
		if (bonus[i])
			assert_int_equal(eg_assess_input_set_bonus(in, bonus[i]), EG_OK);
		for (int l = 0; l < 2; l++)
			if (problems[i * 3 + 1 + l])
				assert_int_equal(eg_assess_input_add_problem(in, &media[l], 1), EG_OK);
		if (forced[i])
			assert_int_equal(eg_assess_input_add_forced_fail(in, "CJ-A2-6.3-b"), EG_OK);
		assert_int_equal(eg_assess_score(&r, f->rs, in, "2026-10"), EG_OK);
		assert_int_equal(scores[i], eg_assess_result_score(r));
		assert_int_equal(grades[i], eg_assess_result_grade(r));
		eg_assess_result_free(r);
		eg_assess_input_free(in);
	}
	/* Optional columns left out: defaults (no bonus, problems, forced fails). */
	assert_int_equal(eg_assess_score_table(scores, grades, f->rs, items + 7, 7, NULL, NULL, 0, NULL, 1, NULL), EG_OK);
	assert_int_equal(scores[0], 90); /* 100 − 2 × 5 (item 5, 10 points, floored at 0) */
	assert_int_equal(grades[0], EG_GRADE_EXCELLENT);
}

static void test_assess_score_table_errors_name_the_row(void **state)
{
	fixture *f = *state;
	int64_t items[2 * 7] = { 1, 1, 1, 0, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0 };
	int64_t bonus[2] = { 0, 0 };
	int32_t problems[2 * 3] = { 0 };
	uint32_t forced[2] = { 0, 0 };
	int32_t scores[2] = { -7, -7 }, grades[2] = { -7, -7 };
	assert_error(eg_assess_score_table(scores, grades, f->rs, items, 6, NULL, NULL, 0, NULL, 2, NULL), EG_EINVAL,
		     "has 7 items, not 6");
	/* changji-2023 has 8 levels (3 of CJ-A2-5.9, 5 triggers of CJ-A2-5.11); a table of the first 3 still scores. */
	assert_error(eg_assess_score_table(scores, grades, f->rs, items, 7, NULL, problems, 9, NULL, 2, NULL),
		     EG_EINVAL, "has 8 media levels, not 9");
	assert_error(eg_assess_score_table(scores, grades, f->rs, items, 7, NULL, problems, 0, NULL, 2, NULL),
		     EG_EINVAL, "has 8 media levels, not 0");
	items[7 + 4] = -1;
	assert_error(eg_assess_score_table(scores, grades, f->rs, items, 7, NULL, NULL, 0, NULL, 2, NULL), EG_EINVAL,
		     "row 1, item 5: count -1");
	items[7 + 4] = 1000001;
	assert_error(eg_assess_score_table(scores, grades, f->rs, items, 7, NULL, NULL, 0, NULL, 2, NULL), EG_ERANGE,
		     "row 1, item 5");
	items[7 + 4] = 0;
	bonus[1] = -2;
	assert_error(eg_assess_score_table(scores, grades, f->rs, items, 7, bonus, NULL, 0, NULL, 2, NULL), EG_EINVAL,
		     "row 1: bonus events -2");
	bonus[1] = 0;
	problems[3 + 2] = -1;
	assert_error(eg_assess_score_table(scores, grades, f->rs, items, 7, NULL, problems, 3, NULL, 2, NULL),
		     EG_EINVAL, "row 1, media level prefecture");
	problems[3 + 2] = 0;
	forced[0] = 1u << 4;
	assert_error(eg_assess_score_table(scores, grades, f->rs, items, 7, NULL, NULL, 0, forced, 2, NULL), EG_EINVAL,
		     "row 0: forced-fail mask 0x10");
	assert_error(eg_assess_score_table(scores, grades, f->rs, items, 7, NULL, NULL, 0, NULL, 2, "2020-01"),
		     EG_ERANGE, "outside");
	assert_error(eg_assess_score_table(NULL, grades, f->rs, items, 7, NULL, NULL, 0, NULL, 2, NULL), EG_EINVAL,
		     "NULL");
	/* Nothing was written by a failed call. */
	assert_int_equal(scores[0], -7);
	assert_int_equal(grades[1], -7);
}

/* eg_assess_input_set_items: one call for every item, the same inputs as the per-item setters. */
static void test_cj_a2_input_set_items_equals_per_item_setters(void **state)
{
	fixture *f = *state;
	eg_assess_input *one = NULL;
	eg_assess_result *a, *b;
	/* Items 1-3 status (met, not met, met), 4-7 counts: 3, 2, 0, 1. */
	const int64_t row[7] = { 1, 0, 5, 3, 2, 0, 1 };
	const unsigned char only4[7] = { 0, 0, 0, 1, 0, 0, 0 };
	int64_t bad[7] = { 1, 1, 1, 0, 0, 0, 0 };
	assert_int_equal(eg_assess_input_set_items(f->in, row, NULL, 7), EG_OK);
	assert_int_equal(eg_assess_input_new(&one, f->rs), EG_OK);
	assert_int_equal(eg_assess_input_set_status(one, "2", 0), EG_OK);
	assert_int_equal(eg_assess_input_set_count(one, "4", 3), EG_OK);
	assert_int_equal(eg_assess_input_set_count(one, "5", 2), EG_OK);
	assert_int_equal(eg_assess_input_set_count(one, "7", 1), EG_OK);
	a = score(f, "2026-10");
	assert_int_equal(eg_assess_score(&b, f->rs, one, "2026-10"), EG_OK);
	/* Item 2 not met is a veto (CJ-A2-6.1): 0 either way, with the same trace. */
	assert_int_equal(eg_assess_result_score(a), 0);
	assert_int_equal(eg_assess_result_veto(a), 1);
	assert_int_equal(eg_assess_result_score(a), eg_assess_result_score(b));
	assert_int_equal(eg_assess_result_trace_count(a), eg_assess_result_trace_count(b));
	for (size_t i = 0; i < eg_assess_result_trace_count(a); i++)
		assert_string_equal(eg_trace_message(eg_assess_result_trace_at(a, i), EG_LANG_EN),
				    eg_trace_message(eg_assess_result_trace_at(b, i), EG_LANG_EN));
	eg_assess_result_free(a);
	eg_assess_result_free(b);
	/* `given`: only item 4 changes (3 -> 0); item 2 stays not met. Then all met: 100 - 2 x 5 - 1 x 10 = 80. */
	assert_int_equal(eg_assess_input_set_items(f->in, bad, only4, 7), EG_OK);
	bad[1] = 1;
	assert_int_equal(eg_assess_input_set_items(f->in, bad, only4, 7), EG_OK);
	a = score(f, "2026-10");
	assert_int_equal(eg_assess_result_veto(a), 1);
	eg_assess_result_free(a);
	assert_int_equal(eg_assess_input_set_status(f->in, "2", 1), EG_OK);
	a = score(f, "2026-10");
	/* 30 + (40 - 0) + (10 - 2 x 5) + 10 + (10 - 1 x 10) = 80 */
	assert_int_equal(eg_assess_result_score(a), 80);
	eg_assess_result_free(a);
	eg_assess_input_free(one);
}

static void test_cj_a2_input_set_items_errors_change_nothing(void **state)
{
	fixture *f = *state;
	eg_assess_result *r;
	/* Item 4 = 1,000,000 is the largest count; item 5 = -1 is refused and nothing is set, item 4 included. */
	int64_t row[7] = { 0, 1, 1, 1000000, -1, 0, 0 };
	const unsigned char skip5[7] = { 1, 1, 1, 1, 0, 1, 1 };
	assert_error(eg_assess_input_set_items(f->in, row, NULL, 7), EG_EINVAL, "item 5: count -1 is negative");
	row[4] = 1000001;
	assert_error(eg_assess_input_set_items(f->in, row, NULL, 7), EG_ERANGE, "item 5: count 1000001 is above 1000000");
	assert_error(eg_assess_input_set_items(f->in, row, NULL, 6), EG_EINVAL, "6 values for the 7 items of rule set changji-2023");
	assert_error(eg_assess_input_set_items(NULL, row, NULL, 7), EG_EINVAL, "NULL");
	assert_error(eg_assess_input_set_items(f->in, NULL, NULL, 7), EG_EINVAL, "NULL");
	r = score(f, "2026-10");
	assert_int_equal(eg_assess_result_score(r), 100); /* nothing was set */
	eg_assess_result_free(r);
	/* An out-of-range value whose flag is 0 is not read; a status item takes any nonzero value as met. */
	row[0] = -7;
	assert_int_equal(eg_assess_input_set_items(f->in, row, skip5, 7), EG_OK);
	r = score(f, "2026-10");
	/* Item 4 at 1,000,000 x 1 is floored at 0 (CJ-A2-5.4): 30 + 0 + 30 = 60. */
	assert_int_equal(eg_assess_result_score(r), 60);
	assert_int_equal(eg_assess_result_veto(r), 0);
	eg_assess_result_free(r);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)

/* eg_item_def_init() gives exactly EG_ITEM_DEF_INIT (for FFIs that cannot
 * expand the macro) and refuses a version it does not know without writing. */
static void test_item_def_init_matches_the_macro(void **state)
{
	(void)state;
	const eg_item_def want = EG_ITEM_DEF_INIT;
	eg_item_def d, before;
	memset(&d, 0xAB, sizeof d);
	assert_int_equal(eg_item_def_init(&d, EG_ITEM_DEF_VERSION), EG_OK);
	assert_int_equal(d.version, EG_ITEM_DEF_VERSION);
	assert_null(d.id);
	assert_null(d.rule);
	assert_null(d.section);
	assert_null(d.name_zh);
	assert_null(d.name_en);
	assert_int_equal(d.kind, want.kind); /* EG_ITEM_KIND_DEDUCT */
	assert_int_equal(d.kind, EG_ITEM_KIND_DEDUCT);
	assert_int_equal(d.max_points + d.per_occurrence + d.floor + d.overflow + d.veto + d.adverse_fail, 0);
	memset(&before, 0xAB, sizeof before);
	memset(&d, 0xAB, sizeof d);
	assert_error(eg_item_def_init(&d, EG_ITEM_DEF_VERSION + 1), EG_EINVAL, "unknown version 2");
	assert_memory_equal(&d, &before, sizeof d);
	assert_error(eg_item_def_init(&d, 0), EG_EINVAL, "unknown version 0");
	assert_error(eg_item_def_init(NULL, EG_ITEM_DEF_VERSION), EG_EINVAL, "def is NULL");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_cj_a2_5_10_perfect_month_is_100),
		T(test_cj_a2_5_4_forty_and_forty_one_problems),
		T(test_cj_a2_5_5_unassigned_lower_grid_reports_five_each_floor_zero),
		T(test_cj_a2_5_6_improper_handling_five_each_floor_zero),
		T(test_cj_a2_5_7_one_and_two_overflows),
		T(test_cj_a2_5_7_adverse_effects_need_an_item_7_problem),
		T(test_cj_a2_5_11_serious_impact_trigger_takes_the_section),
		cmocka_unit_test(test_jm_2_2_per_occurrence_or_per_situation),
		T(test_cj_a2_5_7_adverse_effects_fail_the_month),
		T(test_cj_a2_5_8_bonus_five_and_six_events),
		T(test_cj_a2_5_9_same_problem_takes_worst),
		T(test_cj_a2_5_9_two_problems_add_up),
		T(test_cj_a2_5_9_penalties_larger_than_the_section),
		T(test_cj_a2_5_9_national_exposure_fails),
		T(test_cj_a2_6_1_veto_with_otherwise_perfect_scores),
		T(test_cj_a2_6_1_item_only_reading),
		T(test_cj_a2_6_3_each_forced_fail),
		T(test_cj_a2_fail_reasons_in_order_with_and_without_trace),
		T(test_cj_a2_6_2_grade_boundaries_90_80_60_59),
		T(test_cj_a2_5_2_status_from_the_grid),
		T(test_cj_a2_validity_dates),
		T(test_cj_a2_input_errors),
		T(test_jm_2_2_half_year_deduction_total),
		cmocka_unit_test(test_jm_2_2_1_period_bounds),
		cmocka_unit_test(test_jm_2_2_half_year_sums_the_months),
		cmocka_unit_test(test_jm_2_2_per_situation_year_is_not_the_sum_of_its_halves),
		cmocka_unit_test(test_jm_2_2_period_count_overflow_is_an_error),
		cmocka_unit_test(test_jm_2_2_period_errors),
		T(test_presets_by_name_and_date),
		T(test_caller_built_ruleset_in_tenths),
		T(test_ruleset_builder_errors),
		T(test_cj_a2_score_many_all_or_nothing),
		T(test_cj_a2_7_2_annual_mean_graded),
		T(test_assess_every_allocation_failure_is_clean),
		T(test_assess_score_table_matches_per_unit_scoring),
		T(test_assess_score_table_errors_name_the_row),
		T(test_item_def_init_matches_the_macro),
		T(test_cj_a2_input_set_items_equals_per_item_setters),
		T(test_cj_a2_input_set_items_errors_change_nothing),
	};
	return cmocka_run_group_tests_name("assess", tests, NULL, NULL);
}
