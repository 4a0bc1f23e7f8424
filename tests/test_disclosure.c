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

/* A record with the JM-2.1.1 content, then one field set (a quarterly
 * update also reports its progress). */
static void put1(eg_records *r, const char *id, const char *time, const char *key, const char *value)
{
	const char *keys[] = { "name", "district", "category", "target", "progress", key };
	const char *vals[] = { "某纸业有限公司", "蓬江区", "造纸", "完成提标改造", "进行中", value };
	size_t n = 6;
	if (eg_records_version_count(r, id) > 0) {
		assert_int_equal(eg_records_put(r, id, time, "江门市环委办", "季度更新", &(eg_records_put_options){ EG_RECORDS_PUT_OPTIONS_VERSION, &key, &value, 1 }), EG_OK);
		return;
	}
	if (strcmp(key, "progress") == 0)
		n = 5, vals[4] = value;
	assert_int_equal(eg_records_put(r, id, time, "江门市环委办", "季度更新", &(eg_records_put_options){ EG_RECORDS_PUT_OPTIONS_VERSION, keys, vals, n }), EG_OK);
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

static void test_jm_2_1_2_listed_after_the_deadline_owes_no_update(void **state)
{
	(void)state;
	eg_records *r = store();
	int st;
	int32_t late;
	/* 2026Q3 is due on 2026-10-03, the whole day (R0.3). */
	put1(r, "by", "2026-10-03 23:59", "progress", "x");     /* listed on the deadline's last minute: owes it */
	put1(r, "after", "2026-10-04 00:00", "progress", "x");  /* listed the next minute: owed nothing */
	put1(r, "reports", "2026-10-05 09:00", "progress", "x"); /* listed after, but reports Q3: judged, late */
	put1(r, "reports", "2026-10-06 09:00", "quarter", "2026Q3");
	assert_int_equal(eg_disclosure_update_status(&st, &late, r, "by", 2026, 3), EG_OK);
	assert_int_equal(st, EG_DISCLOSURE_UPDATE_MISSING);
	assert_int_equal(eg_disclosure_update_status(&st, &late, r, "after", 2026, 3), EG_OK);
	assert_int_equal(st, EG_DISCLOSURE_UPDATE_NOT_DUE);
	assert_int_equal(late, 0);
	assert_int_equal(eg_disclosure_update_status(&st, &late, r, "reports", 2026, 3), EG_OK);
	assert_int_equal(st, EG_DISCLOSURE_UPDATE_LATE);
	assert_int_equal(late, 3); /* 10-06 09:00 is 3 days after the end of 10-03: 4th, 5th, 6th */
	/* Listed on 2026-10-04 and missing Q4 (due 2027-01-03): owed, missing. */
	assert_int_equal(eg_disclosure_update_status(&st, &late, r, "after", 2026, 4), EG_OK);
	assert_int_equal(st, EG_DISCLOSURE_UPDATE_MISSING);
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
	assert_int_equal(eg_disclosure_heads_check(&met, &bad, g, "C", "2026-10-31", &(eg_disclosure_heads_options){ EG_DISCLOSURE_HEADS_OPTIONS_VERSION, full, 4, "2026-10-01", 30 }), EG_OK);
	assert_int_equal(met, 1);
	/* 31 days old with a 30-day limit: stale. */
	assert_int_equal(eg_disclosure_heads_check(&met, &bad, g, "C", "2026-11-01", &(eg_disclosure_heads_options){ EG_DISCLOSURE_HEADS_OPTIONS_VERSION, full, 4, "2026-10-01", 30 }), EG_OK);
	assert_int_equal(met, 0);
	/* A head not published and a published name no longer a head: 2 problems. */
	assert_int_equal(eg_disclosure_heads_check(&met, &bad, g, "C", "2026-10-02", &(eg_disclosure_heads_options){ EG_DISCLOSURE_HEADS_OPTIONS_VERSION, stale, 4, "2026-10-01", 30 }), EG_OK);
	assert_int_equal(met, 0);
	assert_int_equal(bad, 2);
	assert_error(eg_disclosure_heads_check(&met, &bad, g, "T", "2026-10-02", &(eg_disclosure_heads_options){ EG_DISCLOSURE_HEADS_OPTIONS_VERSION, full, 4, "2026-10-01", 30 }), EG_ELEVEL, "CJ-A2-5.3");
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

/* JM-2.1.2 「于每一季度的下一个月15日前对“双公开”清单进行更新」: the city's
 * list by the 15th, the whole day included (R0.3); "前" as "before" is the 14th. */
static void test_jm_2_1_2_city_list_by_the_15th(void **state)
{
	(void)state;
	eg_records *r = store();
	eg_disclosure_options o = EG_DISCLOSURE_OPTIONS_INIT;
	char dl[11];
	int st;
	int32_t late;
	o.step = EG_DISCLOSURE_STEP_CITY_LIST;
	assert_int_equal(eg_disclosure_deadline(dl, 2026, 3, &o), EG_OK);
	assert_string_equal(dl, "2026-10-15"); /* Q3 -> 15 October */
	assert_int_equal(eg_disclosure_deadline(dl, 2026, 4, &o), EG_OK);
	assert_string_equal(dl, "2027-01-15"); /* Q4 -> 15 January of the next year */
	assert_int_equal(eg_disclosure_deadline(dl, 2026, 1, NULL), EG_OK);
	assert_string_equal(dl, "2026-04-03"); /* defaults: the district's 3rd */
	put1(r, "A", "2026-10-02 10:00", "quarter", "2026Q3");
	put1(r, "A", "2026-10-15 23:59", "listed", "2026Q3"); /* the whole 15th counts */
	put1(r, "B", "2026-10-02 10:00", "quarter", "2026Q3");
	put1(r, "B", "2026-10-16 00:00", "listed", "2026Q3"); /* the 16th at 00:00: 1 day late */
	assert_int_equal(eg_disclosure_update_check(&st, &late, r, "A", 2026, 3, &o), EG_OK);
	assert_int_equal(st, EG_DISCLOSURE_UPDATE_ON_TIME);
	assert_int_equal(eg_disclosure_update_check(&st, &late, r, "B", 2026, 3, &o), EG_OK);
	assert_int_equal(st, EG_DISCLOSURE_UPDATE_LATE);
	assert_int_equal(late, 1);
	/* The district step of B was on time (the 2nd, deadline the 3rd). */
	assert_int_equal(eg_disclosure_update_check(&st, &late, r, "B", 2026, 3, NULL), EG_OK);
	assert_int_equal(st, EG_DISCLOSURE_UPDATE_ON_TIME);
	/* Option "before": the 14th and the 2nd are the last days. */
	o.before = 1;
	assert_int_equal(eg_disclosure_deadline(dl, 2026, 3, &o), EG_OK);
	assert_string_equal(dl, "2026-10-14");
	assert_int_equal(eg_disclosure_update_check(&st, &late, r, "A", 2026, 3, &o), EG_OK);
	assert_int_equal(st, EG_DISCLOSURE_UPDATE_LATE); /* 15th 23:59 is after the 14th: 1 day */
	assert_int_equal(late, 1);
	o.step = EG_DISCLOSURE_STEP_DISTRICT_UPDATE;
	assert_int_equal(eg_disclosure_deadline(dl, 2026, 3, &o), EG_OK);
	assert_string_equal(dl, "2026-10-02");
	assert_int_equal(eg_disclosure_update_check(&st, &late, r, "A", 2026, 3, &o), EG_OK);
	assert_int_equal(st, EG_DISCLOSURE_UPDATE_ON_TIME); /* the 2nd at 10:00, the 2nd included */
	/* Nothing listed for Q2, but A was first listed on 2026-10-02, after Q2's
	 * deadline (2026-07-14 with "before"): it owed nothing for Q2. */
	o.step = EG_DISCLOSURE_STEP_CITY_LIST;
	assert_int_equal(eg_disclosure_update_check(&st, &late, r, "A", 2026, 2, &o), EG_OK);
	assert_int_equal(st, EG_DISCLOSURE_UPDATE_NOT_DUE);
	eg_records_free(r);
}

/* JM-2.1.2 「各市（区）同步在属地政府网站进行公开」: by default "同步" is no
 * later than the 15th; the option reads it as the city's own day. */
static void test_jm_2_1_2_district_publication_same_time(void **state)
{
	(void)state;
	eg_records *r = store();
	eg_disclosure_options o = EG_DISCLOSURE_OPTIONS_INIT;
	int st;
	int32_t late;
	o.step = EG_DISCLOSURE_STEP_DISTRICT_PUBLICATION;
	put1(r, "A", "2026-10-02 10:00", "quarter", "2026Q3");
	put1(r, "A", "2026-10-10 09:00", "listed", "2026Q3");
	put1(r, "A", "2026-10-12 09:00", "published", "2026Q3");
	put1(r, "B", "2026-10-02 10:00", "quarter", "2026Q3");
	put1(r, "B", "2026-10-10 09:00", "listed", "2026Q3");
	put1(r, "B", "2026-10-10 18:00", "published", "2026Q3");
	/* Default: the 12th is before the 15th: on time. */
	assert_int_equal(eg_disclosure_update_check(&st, &late, r, "A", 2026, 3, &o), EG_OK);
	assert_int_equal(st, EG_DISCLOSURE_UPDATE_ON_TIME);
	/* Same day: the city listed on the 10th; the 12th is 2 days late, the 10th at 18:00 on time. */
	o.same_day = 1;
	assert_int_equal(eg_disclosure_update_check(&st, &late, r, "A", 2026, 3, &o), EG_OK);
	assert_int_equal(st, EG_DISCLOSURE_UPDATE_LATE);
	assert_int_equal(late, 2);
	assert_int_equal(eg_disclosure_update_check(&st, &late, r, "B", 2026, 3, &o), EG_OK);
	assert_int_equal(st, EG_DISCLOSURE_UPDATE_ON_TIME);
	eg_records_free(r);
}

/* JM-2.1.1: 企业/项目/工地名称、所属市（区）、类别、任务进度目标或监管整改要求及进展. */
static void test_jm_2_1_1_record_content_is_validated(void **state)
{
	(void)state;
	eg_records *r = store();
	const char *k = "foo", *v = "bar", *k2[] = { "name", "district", "category", "target" },
		   *v2[] = { "某工地", "", "扬尘", "围挡" }, *q = "quarter", *qv = "2026Q3";
	int st;
	int32_t late;
	eg_disclosure_options o = EG_DISCLOSURE_OPTIONS_INIT;
	/* A record with only foo=bar: refused, naming every missing field. */
	assert_int_equal(eg_records_put(r, "X", "2026-10-01 09:00", "a", "b", &(eg_records_put_options){ EG_RECORDS_PUT_OPTIONS_VERSION, &k, &v, 1 }), EG_OK);
	assert_error(eg_disclosure_record_check(r, "X", NULL), EG_EINVAL, "name, district, category, target");
	assert_error(eg_disclosure_update_status(&st, &late, r, "X", 2026, 3), EG_EINVAL, "JM-2.1.1");
	/* An empty district is missing too: its lateness could not be filed under a district. */
	assert_int_equal(eg_records_put(r, "Y", "2026-10-01 09:00", "a", "b", &(eg_records_put_options){ EG_RECORDS_PUT_OPTIONS_VERSION, k2, v2, 4 }), EG_OK);
	assert_int_equal(eg_records_put(r, "Y", "2026-10-02 09:00", "a", "b", &(eg_records_put_options){ EG_RECORDS_PUT_OPTIONS_VERSION, &q, &qv, 1 }), EG_OK);
	assert_error(eg_disclosure_update_check(&st, &late, r, "Y", 2026, 3, &o), EG_EINVAL, "district, progress");
	assert_error(eg_disclosure_record_check(r, "Y", "2026-10-01 09:00"), EG_EINVAL, "lacks the JM-2.1.1 content: district");
	/* A full record passes; before its first version there is nothing to check. */
	put1(r, "Z", "2026-10-01 09:00", "quarter", "2026Q3");
	assert_int_equal(eg_disclosure_record_check(r, "Z", NULL), EG_OK);
	assert_int_equal(eg_disclosure_record_check(r, "Z", "2026-10-01 09:00"), EG_OK);
	assert_error(eg_disclosure_record_check(r, "Z", "2026-09-30 23:59"), EG_ENOTFOUND, "no version yet");
	assert_error(eg_disclosure_record_check(r, "W", NULL), EG_ENOTFOUND, "W");
	assert_error(eg_disclosure_record_check(r, "Z", "2026-10-01"), EG_EINVAL, "YYYY-MM-DD HH:MM");
	assert_error(eg_disclosure_record_check(NULL, "Z", NULL), EG_EINVAL, "NULL");
	assert_error(eg_disclosure_record_check(r, NULL, NULL), EG_EINVAL, "NULL");
	eg_records_free(r);
}

static void test_jm_2_1_2_options_errors(void **state)
{
	(void)state;
	eg_disclosure_options o;
	eg_records *r = store();
	char dl[11];
	int st;
	int32_t late;
	memset(&o, 0x55, sizeof o);
	assert_error(eg_disclosure_options_init(&o, 2), EG_EINVAL, "version 2");
	assert_int_equal(o.step, 0x55555555); /* nothing written */
	assert_error(eg_disclosure_options_init(NULL, EG_DISCLOSURE_OPTIONS_VERSION), EG_EINVAL, "NULL");
	assert_int_equal(eg_disclosure_options_init(&o, EG_DISCLOSURE_OPTIONS_VERSION), EG_OK);
	assert_int_equal(o.step, EG_DISCLOSURE_STEP_DISTRICT_UPDATE);
	assert_int_equal(o.before, 0);
	assert_int_equal(o.same_day, 0);
	put1(r, "A", "2026-10-02 10:00", "quarter", "2026Q3");
	o.step = 3;
	assert_error(eg_disclosure_deadline(dl, 2026, 3, &o), EG_EINVAL, "step 3");
	assert_error(eg_disclosure_update_check(&st, &late, r, "A", 2026, 3, &o), EG_EINVAL, "step 3");
	o.step = -1;
	assert_error(eg_disclosure_deadline(dl, 2026, 3, &o), EG_EINVAL, "step -1");
	o.step = 0;
	o.version = 0;
	assert_error(eg_disclosure_deadline(dl, 2026, 3, &o), EG_EINVAL, "version 0");
	o.version = EG_DISCLOSURE_OPTIONS_VERSION;
	assert_error(eg_disclosure_deadline(NULL, 2026, 3, &o), EG_EINVAL, "NULL date");
	assert_error(eg_disclosure_deadline(dl, 9999, 1, &o), EG_EINVAL, "year 9999");
	assert_error(eg_disclosure_update_check(&st, &late, r, "A", 2026, 0, &o), EG_EINVAL, "quarter 0");
	assert_error(eg_disclosure_update_check(&st, &late, r, "B", 2026, 3, &o), EG_ENOTFOUND, "B");
	eg_records_free(r);
}

/* Every NULL argument of the update status is refused with EG_EINVAL. */
static void test_jm_2_1_2_every_null_argument_is_einval(void **state)
{
	(void)state;
	eg_records *r = store();
	int st;
	int32_t late;
	put1(r, "JM-001", "2026-01-10 09:00", "progress", "1");
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
	assert_int_equal(eg_disclosure_heads_check(&met, NULL, g, "C", "2026-10-01", &(eg_disclosure_heads_options){ EG_DISCLOSURE_HEADS_OPTIONS_VERSION, full, 2, "2026-10-01", 0 }), EG_OK);
	assert_int_equal(met, 1);
	/* 1 day old with a limit of 0: not met. */
	assert_int_equal(eg_disclosure_heads_check(&met, &bad, g, "C", "2026-10-02", &(eg_disclosure_heads_options){ EG_DISCLOSURE_HEADS_OPTIONS_VERSION, full, 2, "2026-10-01", 0 }), EG_OK);
	assert_int_equal(met, 0);
	assert_int_equal(bad, 0);
	/* A list dated after the day judged cannot be the one in force. */
	assert_int_equal(eg_disclosure_heads_check(&met, &bad, g, "C", "2026-10-01", &(eg_disclosure_heads_options){ EG_DISCLOSURE_HEADS_OPTIONS_VERSION, full, 2, "2026-10-02", 30 }), EG_OK);
	assert_int_equal(met, 0);
	/* A NULL entry in the published list is one problem. */
	assert_int_equal(eg_disclosure_heads_check(&met, &bad, g, "C", "2026-10-01", &(eg_disclosure_heads_options){ EG_DISCLOSURE_HEADS_OPTIONS_VERSION, with_null, 3, "2026-10-01", 30 }), EG_OK);
	assert_int_equal(met, 0);
	assert_int_equal(bad, 1);
	/* Nothing published: both heads missing, 2 problems. */
	assert_int_equal(eg_disclosure_heads_check(&met, &bad, g, "C", "2026-10-01", &(eg_disclosure_heads_options){ EG_DISCLOSURE_HEADS_OPTIONS_VERSION, NULL, 0, "2026-10-01", 30 }), EG_OK);
	assert_int_equal(bad, 2);
	assert_error(eg_disclosure_heads_check(&met, &bad, g, "X", "2026-10-01", &(eg_disclosure_heads_options){ EG_DISCLOSURE_HEADS_OPTIONS_VERSION, full, 2, "2026-10-01", 30 }), EG_ENOTFOUND, "X");
	assert_error(eg_disclosure_heads_check(&met, &bad, g, "C", "2026-10-01", &(eg_disclosure_heads_options){ EG_DISCLOSURE_HEADS_OPTIONS_VERSION, full, 2, "2026-10-1", 30 }), EG_EINVAL,
		     "dates must be YYYY-MM-DD");
	assert_error(eg_disclosure_heads_check(&met, &bad, g, "C", "2026-10-32", &(eg_disclosure_heads_options){ EG_DISCLOSURE_HEADS_OPTIONS_VERSION, full, 2, "2026-10-01", 30 }), EG_EINVAL,
		     "dates must be YYYY-MM-DD");
	assert_error(eg_disclosure_heads_check(&met, &bad, g, "C", "2026-10-01", &(eg_disclosure_heads_options){ EG_DISCLOSURE_HEADS_OPTIONS_VERSION, full, 2, "2026-10-01", -1 }), EG_EINVAL,
		     "negative age");
	assert_error(eg_disclosure_heads_check(NULL, &bad, g, "C", "2026-10-01", &(eg_disclosure_heads_options){ EG_DISCLOSURE_HEADS_OPTIONS_VERSION, full, 2, "2026-10-01", 0 }), EG_EINVAL, "NULL");
	assert_error(eg_disclosure_heads_check(&met, &bad, NULL, "C", "2026-10-01", &(eg_disclosure_heads_options){ EG_DISCLOSURE_HEADS_OPTIONS_VERSION, full, 2, "2026-10-01", 0 }), EG_EINVAL, "NULL");
	assert_error(eg_disclosure_heads_check(&met, &bad, g, NULL, "2026-10-01", &(eg_disclosure_heads_options){ EG_DISCLOSURE_HEADS_OPTIONS_VERSION, full, 2, "2026-10-01", 0 }), EG_EINVAL, "NULL");
	assert_error(eg_disclosure_heads_check(&met, &bad, g, "C", "2026-10-01", &(eg_disclosure_heads_options){ EG_DISCLOSURE_HEADS_OPTIONS_VERSION, NULL, 2, "2026-10-01", 0 }), EG_EINVAL, "NULL");
	assert_error(eg_disclosure_heads_check(&met, &bad, g, "C", "2026-10-01", &(eg_disclosure_heads_options){ EG_DISCLOSURE_HEADS_OPTIONS_VERSION, full, 2, NULL, 0 }), EG_EINVAL, "NULL");
	assert_error(eg_disclosure_heads_check(&met, &bad, g, "C", NULL, &(eg_disclosure_heads_options){ EG_DISCLOSURE_HEADS_OPTIONS_VERSION, full, 2, "2026-10-01", 0 }), EG_EINVAL, "NULL");
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

/* eg_disclosure_heads_options: eg_disclosure_heads_options_init() writes exactly EG_DISCLOSURE_HEADS_OPTIONS_INIT (the defaults, for FFIs
 * that cannot expand the macro); an unknown version is refused by the init
 * function and by eg_disclosure_heads_check() itself, nothing written or changed. */
static void test_disclosure_heads_options_init_and_versions(void **state)
{
	(void)state;
	static const eg_disclosure_heads_options want = EG_DISCLOSURE_HEADS_OPTIONS_INIT;
	eg_disclosure_heads_options o, before;
	int rc;
	eg_grid *g = NULL;
	int met = -1;
	assert_int_equal(eg_grid_new(&g), EG_OK);
	memset(&o, 0xA5, sizeof o);
	assert_int_equal(eg_disclosure_heads_options_init(&o, EG_DISCLOSURE_HEADS_OPTIONS_VERSION), EG_OK);
	assert_int_equal(o.version, EG_DISCLOSURE_HEADS_OPTIONS_VERSION);
	assert_ptr_equal(o.published, want.published);
	assert_int_equal(o.n_published, want.n_published);
	assert_ptr_equal(o.published_date, want.published_date);
	assert_int_equal(o.max_age_days, want.max_age_days);
	memset(&o, 0xA5, sizeof o);
	memset(&before, 0xA5, sizeof before);
	assert_error(eg_disclosure_heads_options_init(&o, EG_DISCLOSURE_HEADS_OPTIONS_VERSION + 1), EG_EINVAL, "unknown version 2");
	assert_memory_equal(&o, &before, sizeof o);
	assert_error(eg_disclosure_heads_options_init(NULL, EG_DISCLOSURE_HEADS_OPTIONS_VERSION), EG_EINVAL, "opts is NULL");
	/* The call refuses a version it does not know (0: never initialised; 2: newer). */
	o = want;
	o.version = 0;
	rc = eg_disclosure_heads_check(&met, NULL, g, "C", "2026-01-02", &o);
	assert_error(rc, EG_EINVAL, "version 0 is not 1");
	o.version = EG_DISCLOSURE_HEADS_OPTIONS_VERSION + 1;
	rc = eg_disclosure_heads_check(&met, NULL, g, "C", "2026-01-02", &o);
	assert_error(rc, EG_EINVAL, "version 2 is not 1");
	rc = eg_disclosure_heads_check(&met, NULL, g, "C", "2026-01-02", NULL);
	assert_error(rc, EG_EINVAL, "is NULL (initialise it with EG_DISCLOSURE_HEADS_OPTIONS_INIT)");
	assert_int_equal(met, -1);
	eg_grid_free(g);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_jm_2_1_2_every_null_argument_is_einval),
		cmocka_unit_test(test_jm_2_1_2_city_list_by_the_15th),
		cmocka_unit_test(test_jm_2_1_2_district_publication_same_time),
		cmocka_unit_test(test_jm_2_1_1_record_content_is_validated),
		cmocka_unit_test(test_jm_2_1_2_options_errors),
		cmocka_unit_test(test_jm_2_1_2_deadline_3rd_at_2359_and_q4_rollover),
		cmocka_unit_test(test_jm_2_1_2_listed_after_the_deadline_owes_no_update),
		cmocka_unit_test(test_cj_a2_5_3_heads_disclosed_and_up_to_date),
		cmocka_unit_test(test_jm_2_1_top_n_with_ties),
		cmocka_unit_test(test_jm_2_1_2_deadline_year_and_quarter_bounds),
		cmocka_unit_test(test_cj_a2_5_3_disclosure_errors_and_boundaries),
		cmocka_unit_test(test_jm_2_1_top_n_errors_and_empty_input),
		cmocka_unit_test(test_disclosure_heads_options_init_and_versions),
	};
	return cmocka_run_group_tests_name("disclosure", tests, NULL, NULL);
}
