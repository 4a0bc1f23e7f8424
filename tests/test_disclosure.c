/* disclosure.h: JM-2.1 / JM-2.1.2 update status, JM-2.1 top N, CJ-A2-5.3 head disclosure. */
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

static eg_records *store(void)
{
	eg_records *r = NULL;
	assert_int_equal(eg_records_new(&r), EG_OK);
	return r;
}

static void put1(eg_records *r, const char *id, const char *time, const char *key, const char *value)
{
	assert_int_equal(eg_records_put(r, id, time, "江门市环委办", "季度更新", &key, &value, 1), EG_OK);
}

static void test_jm_2_1_2_deadline_3rd_at_2359_and_q4_rollover(void **state)
{
	(void)state;
	eg_records *r = store();
	char dl[11];
	int st;
	int32_t late;
	assert_int_equal(eg_disclosure_district_deadline(dl, 2026, 3), EG_OK);
	assert_string_equal(dl, "2026-10-03");
	assert_int_equal(eg_disclosure_district_deadline(dl, 2026, 4), EG_OK);
	assert_string_equal(dl, "2027-01-03"); /* Q4 rolls into January of the next year */
	put1(r, "on", "2026-10-03 23:59", "quarter", "2026Q3");   /* the whole 3rd counts (R0.3) */
	put1(r, "late", "2026-10-04 00:00", "quarter", "2026Q3"); /* the 4th at 00:00 is late */
	put1(r, "q4", "2027-01-03 12:00", "quarter", "2026Q4");
	put1(r, "none", "2026-09-01 00:00", "progress", "x");
	assert_int_equal(eg_disclosure_update_status(&st, &late, r, "on", 2026, 3), EG_OK);
	assert_int_equal(st, EG_DISCLOSURE_UPDATE_ON_TIME);
	assert_int_equal(eg_disclosure_update_status(&st, &late, r, "late", 2026, 3), EG_OK);
	assert_int_equal(st, EG_DISCLOSURE_UPDATE_LATE);
	assert_int_equal(late, 1);
	assert_int_equal(eg_disclosure_update_status(&st, &late, r, "q4", 2026, 4), EG_OK);
	assert_int_equal(st, EG_DISCLOSURE_UPDATE_ON_TIME);
	assert_int_equal(eg_disclosure_update_status(&st, &late, r, "none", 2026, 3), EG_OK);
	assert_int_equal(st, EG_DISCLOSURE_UPDATE_MISSING); /* a JM-2.2 (2) occurrence */
	assert_error(eg_disclosure_district_deadline(dl, 2026, 5), EG_EINVAL, "quarter 5");
	eg_records_free(r);
}

static void test_cj_a2_5_3_heads_disclosed_and_up_to_date(void **state)
{
	(void)state;
	eg_grid *g = NULL;
	int met;
	size_t bad;
	const char *full[] = { "县委书记", "县长", "镇党委书记", "镇长" }, *stale[] = { "县委书记", "县长", "镇党委书记", "前任镇长" };
	static const char csv[] = "code,parent_code,level,name\nC,,2,县\nT,C,3,镇\n";
	assert_int_equal(eg_grid_parse_csv(&g, csv, sizeof csv - 1, NULL), EG_OK);
	assert_int_equal(eg_grid_set_heads(g, "C", "县委书记", "县长"), EG_OK);
	assert_int_equal(eg_grid_set_heads(g, "T", "镇党委书记", "镇长"), EG_OK);
	assert_int_equal(eg_disclosure_heads_check(&met, &bad, g, "C", full, 4, "2026-10-01", "2026-10-31", 30), EG_OK);
	assert_int_equal(met, 1);
	/* 31 days old with a 30-day limit: stale. */
	assert_int_equal(eg_disclosure_heads_check(&met, &bad, g, "C", full, 4, "2026-10-01", "2026-11-01", 30), EG_OK);
	assert_int_equal(met, 0);
	/* A head not published and a published name no longer a head: 2 problems. */
	assert_int_equal(eg_disclosure_heads_check(&met, &bad, g, "C", stale, 4, "2026-10-01", "2026-10-02", 30), EG_OK);
	assert_int_equal(met, 0);
	assert_int_equal(bad, 2);
	assert_error(eg_disclosure_heads_check(&met, &bad, g, "T", full, 4, "2026-10-01", "2026-10-02", 30), EG_ELEVEL, "CJ-A2-5.3");
	eg_grid_free(g);
}

static void test_jm_2_1_top_n_with_ties(void **state)
{
	(void)state;
	const char *ids[] = { "D", "A", "C", "B", "E" };
	int64_t m[] = { 30, 50, 40, 40, 10 };
	size_t out[5], n;
	/* By measure: A 50, then B and C tied at 40 (ID order), D 30, E 10.
	 * Top 2 reaches into the tie at 40: B and C both taken -> 3. */
	assert_int_equal(eg_disclosure_top_n(out, &n, ids, m, 5, 2), EG_OK);
	assert_int_equal(n, 3);
	assert_string_equal(ids[out[0]], "A");
	assert_string_equal(ids[out[1]], "B");
	assert_string_equal(ids[out[2]], "C");
	assert_int_equal(eg_disclosure_top_n(out, &n, ids, m, 5, 4), EG_OK);
	assert_int_equal(n, 4); /* no tie at the 4th (D 30) */
	assert_int_equal(eg_disclosure_top_n(out, &n, ids, m, 5, 20), EG_OK);
	assert_int_equal(n, 5); /* fewer candidates than N */
	{
		const char *dup[] = { "A", "B", "A" };
		assert_error(eg_disclosure_top_n(out, &n, dup, m, 3, 2), EG_EINVAL, "A is listed twice");
	}
}

/* Every NULL argument of the update status is refused with EG_EINVAL. */
static void test_jm_2_1_2_every_null_argument_is_einval(void **state)
{
	(void)state;
	eg_records *r = store();
	int st;
	int32_t late;
	put1(r, "JM-001", "2026-01-10 09:00", "a", "1");
	assert_error(eg_disclosure_update_status(NULL, &late, r, "JM-001", 2026, 1), EG_EINVAL, NULL);
	assert_error(eg_disclosure_update_status(&st, NULL, r, "JM-001", 2026, 1), EG_EINVAL, NULL);
	assert_error(eg_disclosure_update_status(&st, &late, NULL, "JM-001", 2026, 1), EG_EINVAL, NULL);
	assert_error(eg_disclosure_update_status(&st, &late, r, NULL, 2026, 1), EG_EINVAL, NULL);
	eg_records_free(r);
}

/* ---- JM-2.1.2 bounds ---- */

static void test_jm_2_1_2_deadline_year_and_quarter_bounds(void **state)
{
	(void)state;
	char dl[11];
	eg_records *r = store();
	int st;
	int32_t late;
	/* Q1 of year 1 -> 0001-04-03; Q4 of 9998 -> 9999-01-03, the last year that has one. */
	assert_int_equal(eg_disclosure_district_deadline(dl, 1, 1), EG_OK);
	assert_string_equal(dl, "0001-04-03");
	assert_int_equal(eg_disclosure_district_deadline(dl, 9998, 4), EG_OK);
	assert_string_equal(dl, "9999-01-03");
	assert_error(eg_disclosure_district_deadline(dl, 9999, 1), EG_EINVAL, "year 9999 quarter 1");
	assert_error(eg_disclosure_district_deadline(dl, 0, 1), EG_EINVAL, "year 0 quarter 1");
	assert_error(eg_disclosure_district_deadline(dl, 2026, 0), EG_EINVAL, "quarter 0");
	assert_error(eg_disclosure_district_deadline(NULL, 2026, 1), EG_EINVAL, "eg_disclosure_district_deadline");
	put1(r, "JM-1", "2026-04-01 09:00", "quarter", "2026Q1");
	/* A bad quarter is refused before the record is looked up. */
	assert_error(eg_disclosure_update_status(&st, &late, r, "JM-1", 2026, 5), EG_EINVAL, "quarter 5");
	assert_error(eg_disclosure_update_status(&st, &late, r, "JM-404", 2026, 1), EG_ENOTFOUND, "record JM-404 not found");
	/* Updated on 04-01, deadline 04-03: on time, 0 days late. */
	assert_int_equal(eg_disclosure_update_status(&st, &late, r, "JM-1", 2026, 1), EG_OK);
	assert_int_equal(st, EG_DISCLOSURE_UPDATE_ON_TIME);
	assert_int_equal(late, 0);
	eg_records_free(r);
}

/* ---- CJ-A2-5.3 arguments and boundaries ---- */

static void test_cj_a2_5_3_disclosure_errors_and_boundaries(void **state)
{
	(void)state;
	eg_grid *g = NULL;
	int met = -1;
	size_t bad = 99;
	const char *full[] = { "县委书记", "县长" }, *with_null[] = { "县委书记", "县长", NULL };
	static const char csv[] = "code,parent_code,level,name\nC,,2,县\n";
	assert_int_equal(eg_grid_parse_csv(&g, csv, sizeof csv - 1, NULL), EG_OK);
	assert_int_equal(eg_grid_set_heads(g, "C", "县委书记", "县长"), EG_OK);
	/* problems may be NULL. Published 0 days ago with a limit of 0: met. */
	assert_int_equal(eg_disclosure_heads_check(&met, NULL, g, "C", full, 2, "2026-10-01", "2026-10-01", 0), EG_OK);
	assert_int_equal(met, 1);
	/* 1 day old with a limit of 0: not met. */
	assert_int_equal(eg_disclosure_heads_check(&met, &bad, g, "C", full, 2, "2026-10-01", "2026-10-02", 0), EG_OK);
	assert_int_equal(met, 0);
	assert_int_equal(bad, 0);
	/* A list dated after the day judged cannot be the one in force. */
	assert_int_equal(eg_disclosure_heads_check(&met, &bad, g, "C", full, 2, "2026-10-02", "2026-10-01", 30), EG_OK);
	assert_int_equal(met, 0);
	/* A NULL entry in the published list is one problem. */
	assert_int_equal(eg_disclosure_heads_check(&met, &bad, g, "C", with_null, 3, "2026-10-01", "2026-10-01", 30), EG_OK);
	assert_int_equal(met, 0);
	assert_int_equal(bad, 1);
	/* Nothing published: both heads missing, 2 problems. */
	assert_int_equal(eg_disclosure_heads_check(&met, &bad, g, "C", NULL, 0, "2026-10-01", "2026-10-01", 30), EG_OK);
	assert_int_equal(bad, 2);
	assert_error(eg_disclosure_heads_check(&met, &bad, g, "X", full, 2, "2026-10-01", "2026-10-01", 30), EG_ENOTFOUND, "X");
	assert_error(eg_disclosure_heads_check(&met, &bad, g, "C", full, 2, "2026-10-1", "2026-10-01", 30), EG_EINVAL,
		     "dates must be YYYY-MM-DD");
	assert_error(eg_disclosure_heads_check(&met, &bad, g, "C", full, 2, "2026-10-01", "2026-10-32", 30), EG_EINVAL,
		     "dates must be YYYY-MM-DD");
	assert_error(eg_disclosure_heads_check(&met, &bad, g, "C", full, 2, "2026-10-01", "2026-10-01", -1), EG_EINVAL,
		     "negative age");
	assert_error(eg_disclosure_heads_check(NULL, &bad, g, "C", full, 2, "2026-10-01", "2026-10-01", 0), EG_EINVAL, "NULL");
	assert_error(eg_disclosure_heads_check(&met, &bad, NULL, "C", full, 2, "2026-10-01", "2026-10-01", 0), EG_EINVAL, "NULL");
	assert_error(eg_disclosure_heads_check(&met, &bad, g, NULL, full, 2, "2026-10-01", "2026-10-01", 0), EG_EINVAL, "NULL");
	assert_error(eg_disclosure_heads_check(&met, &bad, g, "C", NULL, 2, "2026-10-01", "2026-10-01", 0), EG_EINVAL, "NULL");
	assert_error(eg_disclosure_heads_check(&met, &bad, g, "C", full, 2, NULL, "2026-10-01", 0), EG_EINVAL, "NULL");
	assert_error(eg_disclosure_heads_check(&met, &bad, g, "C", full, 2, "2026-10-01", NULL, 0), EG_EINVAL, "NULL");
	eg_grid_free(g);
}

/* ---- JM-2.1 top N, CJ-A4-4.1, YL-5.3, obligations, YL-4 ---- */

static void test_jm_2_1_top_n_errors_and_empty_input(void **state)
{
	(void)state;
	const char *ids[] = { "A", "B" }, *bad_ids[] = { "A", "" };
	int64_t m[] = { 1, 2 };
	size_t out[2], n = 99;
	/* No candidate: an empty selection. */
	assert_int_equal(eg_disclosure_top_n(out, &n, NULL, NULL, 0, 20), EG_OK);
	assert_int_equal(n, 0);
	/* Top 1 of B 2, A 1: B. */
	assert_int_equal(eg_disclosure_top_n(out, &n, ids, m, 2, 1), EG_OK);
	assert_int_equal(n, 1);
	assert_int_equal(out[0], 1);
	assert_error(eg_disclosure_top_n(out, &n, ids, m, 2, 0), EG_EINVAL, "top 0");
	assert_error(eg_disclosure_top_n(NULL, &n, ids, m, 2, 1), EG_EINVAL, "eg_disclosure_top_n");
	assert_error(eg_disclosure_top_n(out, NULL, ids, m, 2, 1), EG_EINVAL, "eg_disclosure_top_n");
	assert_error(eg_disclosure_top_n(out, &n, NULL, m, 2, 1), EG_EINVAL, "eg_disclosure_top_n");
	assert_error(eg_disclosure_top_n(out, &n, ids, NULL, 2, 1), EG_EINVAL, "eg_disclosure_top_n");
	assert_error(eg_disclosure_top_n(out, &n, bad_ids, m, 2, 1), EG_EINVAL, "ID is empty");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_jm_2_1_2_every_null_argument_is_einval),
		cmocka_unit_test(test_jm_2_1_2_deadline_3rd_at_2359_and_q4_rollover),
		cmocka_unit_test(test_cj_a2_5_3_heads_disclosed_and_up_to_date),
		cmocka_unit_test(test_jm_2_1_top_n_with_ties),
		cmocka_unit_test(test_jm_2_1_2_deadline_year_and_quarter_bounds),
		cmocka_unit_test(test_cj_a2_5_3_disclosure_errors_and_boundaries),
		cmocka_unit_test(test_jm_2_1_top_n_errors_and_empty_input),
	};
	return cmocka_run_group_tests_name("disclosure", tests, NULL, NULL);
}
