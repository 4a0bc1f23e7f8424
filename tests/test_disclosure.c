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

/* ---- CJ-A2-5.3: the roster, its publication and the limit ---- */

static const char heads_csv[] = "code,parent_code,level,name,kind\n"
				 "P,,1,州,admin\nC,P,2,县,admin\nT,C,3,镇,admin\nV,T,4,村,admin\nK,C,3,重点网格,key_grid\n"
				 "D,P,2,邻县,admin\n";

static eg_grid *heads_grid(void)
{
	eg_grid *g = NULL;
	assert_int_equal(eg_grid_parse_csv(&g, heads_csv, sizeof heads_csv - 1, NULL), EG_OK);
	return g;
}

/* Weekends and National Day (1-7 October 2026) with Saturday 10 October worked; 2026 covered. */
static eg_duty_workdays *heads_calendar(void)
{
	eg_duty_workdays *w = NULL;
	char d[11];
	assert_int_equal(eg_duty_workdays_new(&w), EG_OK);
	assert_int_equal(eg_duty_workdays_cover(w, 2026, 2026), EG_OK);
	for (int k = 1; k <= 7; k++) {
		snprintf(d, sizeof d, "2026-10-%02d", k);
		assert_int_equal(eg_duty_workdays_set(w, d, EG_DUTY_DAY_HOLIDAY), EG_OK);
	}
	assert_int_equal(eg_duty_workdays_set(w, "2026-10-10", EG_DUTY_DAY_WORKDAY), EG_OK);
	return w;
}

#define CH(node, role, name, action, eff, pub)                                                                        \
	{ EG_DISCLOSURE_CHANGE_VERSION, node, EG_DISCLOSURE_ROLE_##role, name, EG_DISCLOSURE_ACTION_##action, eff, pub }

/* The roster as published in January: (a) both heads of C, T and V, (b) a sub-head, (c) a channel. */
#define BASE                                                                                                           \
	CH("C", HEAD, "县委书记", APPOINT, "2026-01-01", "2026-01-05"),                                                \
	CH("C", HEAD, "县长", APPOINT, "2026-01-01", "2026-01-05"),                                                  \
	CH("T", HEAD, "镇党委书记", APPOINT, "2026-01-01", "2026-01-05"),                                            \
	CH("T", HEAD, "镇长", APPOINT, "2026-01-01", "2026-01-05"),                                                  \
	CH("V", HEAD, "村党支部书记", APPOINT, "2026-01-01", "2026-01-05"),                                          \
	CH("V", HEAD, "村委会主任", APPOINT, "2026-01-01", "2026-01-05"),                                            \
	CH("C", SUBHEAD, "副县长", APPOINT, "2026-01-01", "2026-01-05"),                                             \
	CH("C", CHANNEL, "12369 环保举报热线", APPOINT, "2026-01-01", "2026-01-05")

static eg_disclosure_heads *heads_run(const eg_grid *g, const char *month, const eg_disclosure_change *c, size_t n,
				      eg_disclosure_heads_options *o)
{
	eg_disclosure_heads *h = NULL;
	o->changes = c, o->n_changes = n;
	if (eg_disclosure_heads_check(&h, g, "C", month, o) != EG_OK)
		fail_msg("CJ-A2-5.3 %s: %s", month, eg_error_last()->message);
	return h;
}

/* CJ-A2-5.3 (a)–(c) published, "及时进行动态调整" within 20 working days (R0.9(a)). */
static void test_cj_a2_5_3_roster_published_within_20_working_days(void **state)
{
	(void)state;
	eg_grid *g = heads_grid();
	eg_duty_workdays *w = heads_calendar();
	eg_disclosure_heads_options o = EG_DISCLOSURE_HEADS_OPTIONS_INIT;
	eg_disclosure_heads *h;
	o.workdays = w;
	{
		/* Everything published in January: met in October; the key grid K has no
		 * heads, and key grids are not required by default (「各级网格和重点网格」). */
		const eg_disclosure_change c[] = { BASE };
		h = heads_run(g, "2026-10", c, 8, &o);
		assert_int_equal(eg_disclosure_heads_met(h), 1);
		assert_int_equal(eg_disclosure_heads_count(h), 0);
		eg_disclosure_heads_free(h);
		o.key_grids = 1; /* option: key grids too */
		h = heads_run(g, "2026-10", c, 8, &o);
		assert_int_equal(eg_disclosure_heads_met(h), 0);
		assert_int_equal(eg_disclosure_heads_kind(h, 0), EG_DISCLOSURE_PROBLEM_HEADS);
		assert_string_equal(eg_disclosure_heads_node(h, 0), "K");
		eg_disclosure_heads_free(h);
		o.key_grids = 0;
	}
	{
		/* 镇长 replaced on Wed 30 September: the 20th working day is Tue 3 November
		 * (1-7 October are holidays, Saturday 10 October is worked). Published on the
		 * 3rd: on time; on the 4th: one day late, in November only. */
		const eg_disclosure_change c[] = { BASE, CH("T", HEAD, "镇长", REMOVE, "2026-09-30", "2026-11-03"),
						   CH("T", HEAD, "新镇长", APPOINT, "2026-09-30", "2026-11-03") };
		eg_disclosure_change late[10];
		memcpy(late, c, sizeof c);
		h = heads_run(g, "2026-11", c, 10, &o);
		assert_int_equal(eg_disclosure_heads_met(h), 1);
		eg_disclosure_heads_free(h);
		late[8].published = late[9].published = "2026-11-04";
		h = heads_run(g, "2026-10", late, 10, &o);
		assert_int_equal(eg_disclosure_heads_met(h), 1); /* in October the limit had not passed */
		eg_disclosure_heads_free(h);
		h = heads_run(g, "2026-11", late, 10, &o);
		assert_int_equal(eg_disclosure_heads_met(h), 0);
		assert_int_equal(eg_disclosure_heads_count(h), 2); /* the removal and the appointment */
		assert_int_equal(eg_disclosure_heads_kind(h, 0), EG_DISCLOSURE_PROBLEM_LATE);
		assert_string_equal(eg_disclosure_heads_name(h, 1), "新镇长");
		assert_string_equal(eg_disclosure_heads_effective(h, 1), "2026-09-30");
		assert_string_equal(eg_disclosure_heads_due(h, 1), "2026-11-03");
		assert_int_equal(eg_disclosure_heads_late_days(h, 1), 1);
		assert_string_equal(eg_disclosure_heads_message(h, 1, EG_LANG_EN),
				    "T: grid head 新镇长 appointed from 2026-09-30, due 2026-11-03, published 2026-11-04: 1 day(s) late (CJ-A2-5.3)");
		assert_non_null(strstr(eg_disclosure_heads_message(h, 1, EG_LANG_ZH), "逾期 1 天（CJ-A2-5.3）"));
		eg_disclosure_heads_free(h);
	}
	{
		/* A sub-head appointed Mon 3 August and never published: due Mon 31 August
		 * (20 working days); late on every day of September (30 days at its end) and October. */
		const eg_disclosure_change c[] = { BASE, CH("T", SUBHEAD, "副镇长", APPOINT, "2026-08-03", NULL) };
		h = heads_run(g, "2026-08", c, 9, &o);
		assert_int_equal(eg_disclosure_heads_met(h), 1); /* 31 August is the last day allowed */
		eg_disclosure_heads_free(h);
		h = heads_run(g, "2026-09", c, 9, &o);
		assert_int_equal(eg_disclosure_heads_met(h), 0);
		assert_int_equal(eg_disclosure_heads_late_days(h, 0), 30);
		assert_non_null(strstr(eg_disclosure_heads_message(h, 0, EG_LANG_EN), "still unpublished"));
		eg_disclosure_heads_free(h);
		h = heads_run(g, "2026-10", c, 9, &o);
		assert_int_equal(eg_disclosure_heads_late_days(h, 0), 61);
		eg_disclosure_heads_free(h);
	}
	eg_duty_workdays_free(w);
	eg_grid_free(g);
}

/* CJ-A2-5.3 "if (a)–(c) were incomplete on the last day of M": one head of V,
 * no channel; a supervisor counts only with CJ-A1-19's alternative. */
static void test_cj_a2_5_3_incomplete_on_the_last_day(void **state)
{
	(void)state;
	eg_grid *g = heads_grid();
	eg_duty_workdays *w = heads_calendar();
	eg_disclosure_heads_options o = EG_DISCLOSURE_HEADS_OPTIONS_INIT;
	eg_disclosure_heads *h;
	const eg_disclosure_change c[] = { BASE };
	eg_disclosure_change x[10];
	o.workdays = w;
	memcpy(x, c, sizeof c);
	x[5].published = "2026-11-01"; /* V's second head published after October */
	x[7].published = NULL;         /* the channel never */
	x[8] = (eg_disclosure_change)CH("V", SUPERVISOR, "监督员甲", APPOINT, "2026-01-01", NULL);
	h = heads_run(g, "2026-10", x, 9, &o);
	assert_int_equal(eg_disclosure_heads_met(h), 0);
	assert_int_equal(eg_disclosure_heads_count(h), 4); /* 2 late changes, V short of a head, no channel */
	assert_int_equal(eg_disclosure_heads_kind(h, 2), EG_DISCLOSURE_PROBLEM_HEADS);
	assert_string_equal(eg_disclosure_heads_node(h, 2), "V");
	assert_string_equal(eg_disclosure_heads_message(h, 2, EG_LANG_EN),
			    "V (村): 1 grid head(s) published at the month's end, both of the dual heads required (CJ-A2-5.3 (a))");
	assert_int_equal(eg_disclosure_heads_kind(h, 3), EG_DISCLOSURE_PROBLEM_CHANNEL);
	assert_string_equal(eg_disclosure_heads_name(h, 3), "");
	assert_string_equal(eg_disclosure_heads_effective(h, 3), "");
	assert_int_equal(eg_disclosure_heads_late_days(h, 3), 0);
	eg_disclosure_heads_free(h);
	o.supervisors = 1; /* the supervisor never published is now a late change too */
	h = heads_run(g, "2026-10", x, 9, &o);
	assert_int_equal(eg_disclosure_heads_count(h), 5);
	eg_disclosure_heads_free(h);
	/* A removal published takes the head off the list. */
	x[5].published = "2026-01-05", x[7].published = "2026-01-05";
	x[8] = (eg_disclosure_change)CH("C", HEAD, "县长", REMOVE, "2026-09-01", "2026-09-02");
	o.supervisors = 0;
	h = heads_run(g, "2026-10", x, 9, &o);
	assert_int_equal(eg_disclosure_heads_count(h), 1);
	assert_string_equal(eg_disclosure_heads_node(h, 0), "C");
	eg_disclosure_heads_free(h);
	/* Re-appointed later: in force again. */
	x[9] = (eg_disclosure_change)CH("C", HEAD, "县长", APPOINT, "2026-09-10", "2026-09-11");
	h = heads_run(g, "2026-10", x, 10, &o);
	assert_int_equal(eg_disclosure_heads_met(h), 1);
	eg_disclosure_heads_free(h);
	eg_duty_workdays_free(w);
	eg_grid_free(g);
}

/* CJ-A2-5.3 options (1) snapshot, (2) the next month's end, (3) calendar days. */
static void test_cj_a2_5_3_options_snapshot_next_month_days(void **state)
{
	(void)state;
	eg_grid *g = heads_grid();
	eg_disclosure_heads_options o = EG_DISCLOSURE_HEADS_OPTIONS_INIT;
	eg_disclosure_heads *h;
	const eg_disclosure_change c[] = { BASE, CH("C", SUBHEAD, "副县长乙", APPOINT, "2026-10-20", "2026-11-02") };
	/* (1) Snapshot: effective 20 October, unpublished on 31 October: 11 days, no grace. */
	o.limit = EG_DISCLOSURE_LIMIT_SNAPSHOT;
	h = heads_run(g, "2026-10", c, 9, &o);
	assert_int_equal(eg_disclosure_heads_met(h), 0);
	assert_int_equal(eg_disclosure_heads_late_days(h, 0), 11);
	assert_string_equal(eg_disclosure_heads_due(h, 0), "2026-10-31");
	eg_disclosure_heads_free(h);
	h = heads_run(g, "2026-11", c, 9, &o);
	assert_int_equal(eg_disclosure_heads_met(h), 1); /* published 2 November, before November's end */
	eg_disclosure_heads_free(h);
	/* (2) By the last day of the month after the effective month: 30 November. */
	o.limit = EG_DISCLOSURE_LIMIT_NEXT_MONTH;
	h = heads_run(g, "2026-11", c, 9, &o);
	assert_int_equal(eg_disclosure_heads_met(h), 1);
	eg_disclosure_heads_free(h);
	/* (3) 10 calendar days: due 30 October, published 2 November: 3 days late,
	 * late on 31 October (October) and 1-2 November (November). */
	o.limit = EG_DISCLOSURE_LIMIT_DAYS, o.days = 10;
	h = heads_run(g, "2026-10", c, 9, &o);
	assert_int_equal(eg_disclosure_heads_met(h), 0);
	assert_string_equal(eg_disclosure_heads_due(h, 0), "2026-10-30");
	assert_int_equal(eg_disclosure_heads_late_days(h, 0), 1); /* at October's end */
	eg_disclosure_heads_free(h);
	h = heads_run(g, "2026-11", c, 9, &o);
	assert_int_equal(eg_disclosure_heads_late_days(h, 0), 3);
	eg_disclosure_heads_free(h);
	o.days = 13; /* due 2 November, published that day: on time */
	h = heads_run(g, "2026-11", c, 9, &o);
	assert_int_equal(eg_disclosure_heads_met(h), 1);
	eg_disclosure_heads_free(h);
	eg_grid_free(g);
}

static void test_cj_a2_5_3_errors(void **state)
{
	(void)state;
	eg_grid *g = heads_grid();
	eg_duty_workdays *w = heads_calendar();
	eg_disclosure_heads_options o = EG_DISCLOSURE_HEADS_OPTIONS_INIT, x;
	eg_disclosure_heads *h = NULL;
	eg_disclosure_change c[] = { BASE, CH("T", HEAD, "某", APPOINT, "2026-01-01", NULL) };
	o.workdays = w, o.changes = c, o.n_changes = 9;
	assert_error(eg_disclosure_heads_check(NULL, g, "C", "2026-10", &o), EG_EINVAL, "NULL");
	assert_error(eg_disclosure_heads_check(&h, NULL, "C", "2026-10", &o), EG_EINVAL, "NULL");
	assert_error(eg_disclosure_heads_check(&h, g, NULL, "2026-10", &o), EG_EINVAL, "NULL");
	assert_error(eg_disclosure_heads_check(&h, g, "C", NULL, &o), EG_EINVAL, "NULL");
	assert_error(eg_disclosure_heads_check(&h, g, "C", "2026-10", NULL), EG_EINVAL, "NULL");
	assert_error(eg_disclosure_heads_check(&h, g, "C", "2026-13", &o), EG_EINVAL, "2026-13");
	assert_error(eg_disclosure_heads_check(&h, g, "T", "2026-10", &o), EG_ELEVEL, "CJ-A2-5.3");
	assert_error(eg_disclosure_heads_check(&h, g, "X", "2026-10", &o), EG_ENOTFOUND, "X");
	x = o, x.version = 1;
	assert_error(eg_disclosure_heads_check(&h, g, "C", "2026-10", &x), EG_EINVAL, "opts->version 1");
	x = o, x.workdays = NULL;
	assert_error(eg_disclosure_heads_check(&h, g, "C", "2026-10", &x), EG_EINVAL, "working-day calendar");
	x = o, x.limit = 4;
	assert_error(eg_disclosure_heads_check(&h, g, "C", "2026-10", &x), EG_EINVAL, "limit 4");
	x = o, x.days = -1;
	assert_error(eg_disclosure_heads_check(&h, g, "C", "2026-10", &x), EG_EINVAL, "-1 days");
	x = o, x.changes = NULL;
	assert_error(eg_disclosure_heads_check(&h, g, "C", "2026-10", &x), EG_EINVAL, "no array");
#define BADC(field, value, code, needle)                                                                              \
	do {                                                                                                           \
		eg_disclosure_change keep = c[8];                                                                      \
		c[8].field = value;                                                                                    \
		assert_error(eg_disclosure_heads_check(&h, g, "C", "2026-10", &o), code, needle);                      \
		c[8] = keep;                                                                                           \
	} while (0)
	BADC(version, 2, EG_EINVAL, "version 2");
	BADC(node, "D", EG_EINVAL, "not under the unit C");
	BADC(node, "Z", EG_ENOTFOUND, "Z");
	BADC(node, "", EG_EINVAL, "change node");
	BADC(name, NULL, EG_EINVAL, "change name");
	BADC(role, 4, EG_EINVAL, "role 4");
	BADC(action, 2, EG_EINVAL, "action 2");
	BADC(effective, "2026-1-1", EG_EINVAL, "effective");
	BADC(published, "2026-02-30", EG_EINVAL, "published");
	c[8].role = EG_DISCLOSURE_ROLE_SUBHEAD;
	BADC(node, "V", EG_EINVAL, "not at level 2 or 3");
	c[8].role = EG_DISCLOSURE_ROLE_CHANNEL;
	BADC(node, "T", EG_EINVAL, "belongs to the unit C");
	c[8].role = EG_DISCLOSURE_ROLE_HEAD;
#undef BADC
	assert_null(h);
	/* A working-day limit that runs past the calendar's years is not guessed. */
	c[8].effective = "2026-12-20";
	assert_error(eg_disclosure_heads_check(&h, g, "C", "2026-12", &o), EG_ERANGE, "does not cover 2027");
	{
		eg_disclosure_heads_options y;
		eg_disclosure_change z;
		memset(&y, 0x5a, sizeof y);
		assert_error(eg_disclosure_heads_options_init(&y, 1), EG_EINVAL, "version 1");
		assert_int_equal(eg_disclosure_heads_options_init(&y, EG_DISCLOSURE_HEADS_OPTIONS_VERSION), EG_OK);
		assert_int_equal(y.days, 20);
		assert_int_equal(y.limit, EG_DISCLOSURE_LIMIT_WORKDAYS);
		memset(&z, 0x5a, sizeof z);
		assert_error(eg_disclosure_change_init(&z, 0), EG_EINVAL, "version 0");
		assert_int_equal(eg_disclosure_change_init(&z, EG_DISCLOSURE_CHANGE_VERSION), EG_OK);
		assert_null(z.node);
	}
	assert_int_equal(eg_disclosure_heads_met(NULL), -1);
	assert_int_equal(eg_disclosure_heads_count(NULL), 0);
	assert_int_equal(eg_disclosure_heads_kind(NULL, 0), -1);
	assert_null(eg_disclosure_heads_node(NULL, 0));
	assert_null(eg_disclosure_heads_name(NULL, 0));
	assert_null(eg_disclosure_heads_effective(NULL, 0));
	assert_null(eg_disclosure_heads_due(NULL, 0));
	assert_int_equal(eg_disclosure_heads_late_days(NULL, 0), -1);
	assert_null(eg_disclosure_heads_message(NULL, 0, EG_LANG_EN));
	eg_disclosure_heads_free(NULL);
	eg_duty_workdays_free(w);
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

/* eg_disclosure_heads_options_init() writes exactly EG_DISCLOSURE_HEADS_OPTIONS_INIT
 * (the defaults, for FFIs); an unknown version is refused by the init
 * function and by eg_disclosure_heads_check() itself, nothing written. */
static void test_disclosure_heads_options_init_and_versions(void **state)
{
	(void)state;
	static const eg_disclosure_heads_options want = EG_DISCLOSURE_HEADS_OPTIONS_INIT;
	eg_disclosure_heads_options o, before;
	eg_disclosure_heads *h = NULL;
	eg_grid *g = heads_grid();
	memset(&o, 0xA5, sizeof o);
	assert_int_equal(eg_disclosure_heads_options_init(&o, EG_DISCLOSURE_HEADS_OPTIONS_VERSION), EG_OK);
	assert_int_equal(o.version, want.version);
	assert_ptr_equal(o.changes, want.changes);
	assert_int_equal(o.n_changes, want.n_changes);
	assert_int_equal(o.limit, want.limit);
	assert_int_equal(o.days, want.days);
	assert_ptr_equal(o.workdays, want.workdays);
	assert_int_equal(o.key_grids, want.key_grids);
	assert_int_equal(o.supervisors, want.supervisors);
	memset(&o, 0xA5, sizeof o);
	memset(&before, 0xA5, sizeof before);
	assert_error(eg_disclosure_heads_options_init(&o, EG_DISCLOSURE_HEADS_OPTIONS_VERSION + 1), EG_EINVAL, "unknown version 3");
	assert_memory_equal(&o, &before, sizeof o);
	assert_error(eg_disclosure_heads_options_init(NULL, EG_DISCLOSURE_HEADS_OPTIONS_VERSION), EG_EINVAL, "opts is NULL");
	o = want;
	o.version = 0;
	assert_error(eg_disclosure_heads_check(&h, g, "C", "2026-10", &o), EG_EINVAL, "version 0 is not 2");
	assert_null(h);
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
		cmocka_unit_test(test_cj_a2_5_3_roster_published_within_20_working_days),
		cmocka_unit_test(test_cj_a2_5_3_incomplete_on_the_last_day),
		cmocka_unit_test(test_cj_a2_5_3_options_snapshot_next_month_days),
		cmocka_unit_test(test_jm_2_1_top_n_with_ties),
		cmocka_unit_test(test_jm_2_1_2_deadline_year_and_quarter_bounds),
		cmocka_unit_test(test_cj_a2_5_3_errors),
		cmocka_unit_test(test_jm_2_1_top_n_errors_and_empty_input),
		cmocka_unit_test(test_disclosure_heads_options_init_and_versions),
	};
	return cmocka_run_group_tests_name("disclosure", tests, NULL, NULL);
}
