/* records.h: append-only history, JM-2.1 / JM-2.1.2, YL-2 / YL-5.5, CJ-A4-2.1 / CJ-A4-2.3, CJ-A2-5.3. */
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

static const char *get(const eg_records *r, const char *id, const char *key, const char *as_of)
{
	const char *v = NULL;
	assert_int_equal(eg_records_get(&v, r, id, key, as_of), EG_OK);
	return v;
}

static void test_records_history_as_of_and_append_only(void **state)
{
	(void)state;
	eg_records *r = store();
	const char *keys[] = { "name", "district", "progress" }, *vals[] = { "某造纸厂", "新会区", "未开工" };
	const char *t, *a, *why;
	assert_int_equal(eg_records_put(r, "JM-001", "2026-01-10 09:00", "新会区", "列入清单", keys, vals, 3), EG_OK);
	put1(r, "JM-001", "2026-04-02 10:00", "progress", "已完成50%");
	put1(r, "JM-001", "2026-07-03 23:59", "progress", "已完成");
	assert_string_equal(get(r, "JM-001", "progress", NULL), "已完成");
	assert_string_equal(get(r, "JM-001", "progress", "2026-05-01 00:00"), "已完成50%");
	assert_string_equal(get(r, "JM-001", "progress", "2026-04-02 09:59"), "未开工");
	assert_string_equal(get(r, "JM-001", "name", "2026-07-04 00:00"), "某造纸厂"); /* carried over */
	assert_null(get(r, "JM-001", "nothing", NULL));
	assert_int_equal(eg_records_version_count(r, "JM-001"), 3);
	assert_int_equal(eg_records_version(&t, &a, &why, r, "JM-001", 0), EG_OK);
	assert_string_equal(t, "2026-01-10 09:00");
	assert_string_equal(a, "新会区");
	assert_string_equal(why, "列入清单");
	/* Append-only: an update before the last version is refused and changes nothing. */
	assert_error(eg_records_put(r, "JM-001", "2026-07-03 23:58", "x", "y", keys, vals, 1), EG_EINVAL,
		     "before its last version at 2026-07-03 23:59");
	assert_int_equal(eg_records_version_count(r, "JM-001"), 3);
	{
		const char *v = NULL;
		assert_error(eg_records_get(&v, r, "JM-001", "name", "2025-12-31 23:59"), EG_ENOTFOUND, "did not exist yet");
		assert_error(eg_records_get(&v, r, "JM-404", "name", NULL), EG_ENOTFOUND, "JM-404");
	}
	assert_error(eg_records_put(r, "JM-002", "2026-13-01 00:00", "x", "y", keys, vals, 1), EG_EINVAL, "not YYYY-MM-DD HH:MM");
	assert_error(eg_records_put(r, "JM-002", "2026-01-01 00:00", "x", "y", keys, vals, 0), EG_EINVAL, "at least one field");
	{
		const char *dk[] = { "a", "a" }, *dv[] = { "1", "2" }, *bad[] = { "\xFF" };
		assert_error(eg_records_put(r, "JM-002", "2026-01-01 00:00", "x", "y", dk, dv, 2), EG_EINVAL, "field a is given twice");
		assert_error(eg_records_put(r, "JM-002", "2026-01-01 00:00", "x", "y", dk, bad, 1), EG_EUTF8, "field a");
	}
	assert_int_equal(eg_records_count(r), 1);
	eg_records_free(r);
}

static void test_records_serialise_round_trip_byte_exact(void **state)
{
	(void)state;
	eg_records *r = store(), *back = NULL;
	char *a = NULL, *b = NULL;
	char time[32], value[64];
	/* Many versions, values with newlines, colons and Chinese text. */
	for (int k = 0; k < 50; k++) {
		snprintf(time, sizeof time, "2026-%02d-%02d 08:%02d", 1 + k / 28, 1 + k % 28, k % 60);
		snprintf(value, sizeof value, "第%d次:进展\n第二行 %d", k, k * 7);
		put1(r, k % 2 ? "A" : "B", time, k % 3 ? "progress" : "note", value);
	}
	assert_int_equal(eg_records_serialize(&a, r), EG_OK);
	assert_int_equal(eg_records_parse(&back, a, strlen(a)), EG_OK);
	assert_int_equal(eg_records_serialize(&b, back), EG_OK);
	assert_string_equal(a, b);
	assert_string_equal(get(back, "A", "progress", "2026-01-20 00:00"), get(r, "A", "progress", "2026-01-20 00:00"));
	assert_int_equal(eg_records_version_count(back, "A"), 25);
	/* Truncation and junk are parse errors naming the line. */
	assert_error(eg_records_parse(&back, a, strlen(a) - 2), EG_EPARSE, "records line");
	assert_error(eg_records_parse(&back, "ecogrid-records 2\n", 18), EG_EPARSE, "line 1");
	eg_string_free(a);
	eg_string_free(b);
	eg_records_free(back);
	eg_records_free(r);
}

static void test_jm_2_1_2_deadline_3rd_at_2359_and_q4_rollover(void **state)
{
	(void)state;
	eg_records *r = store();
	char dl[11];
	int st;
	int32_t late;
	assert_int_equal(eg_jm_district_deadline(dl, 2026, 3), EG_OK);
	assert_string_equal(dl, "2026-10-03");
	assert_int_equal(eg_jm_district_deadline(dl, 2026, 4), EG_OK);
	assert_string_equal(dl, "2027-01-03"); /* Q4 rolls into January of the next year */
	put1(r, "on", "2026-10-03 23:59", "quarter", "2026Q3");   /* the whole 3rd counts (R0.3) */
	put1(r, "late", "2026-10-04 00:00", "quarter", "2026Q3"); /* the 4th at 00:00 is late */
	put1(r, "q4", "2027-01-03 12:00", "quarter", "2026Q4");
	put1(r, "none", "2026-09-01 00:00", "progress", "x");
	assert_int_equal(eg_jm_update_status(&st, &late, r, "on", 2026, 3), EG_OK);
	assert_int_equal(st, EG_UPDATE_ON_TIME);
	assert_int_equal(eg_jm_update_status(&st, &late, r, "late", 2026, 3), EG_OK);
	assert_int_equal(st, EG_UPDATE_LATE);
	assert_int_equal(late, 1);
	assert_int_equal(eg_jm_update_status(&st, &late, r, "q4", 2026, 4), EG_OK);
	assert_int_equal(st, EG_UPDATE_ON_TIME);
	assert_int_equal(eg_jm_update_status(&st, &late, r, "none", 2026, 3), EG_OK);
	assert_int_equal(st, EG_UPDATE_MISSING); /* a JM-2.2 (2) occurrence */
	assert_error(eg_jm_district_deadline(dl, 2026, 5), EG_EINVAL, "quarter 5");
	eg_records_free(r);
}

static void test_yl_5_5_every_allowed_and_forbidden_transition(void **state)
{
	(void)state;
	/* Allowed moves (YL-5.5); every other pair must be refused. */
	static const int ok[6][6] = {
		{ 0, 1, 0, 0, 0, 0 }, { 0, 0, 1, 0, 0, 0 }, { 0, 0, 0, 1, 0, 0 },
		{ 0, 1, 0, 0, 1, 0 }, { 0, 1, 0, 0, 0, 1 }, { 0, 0, 0, 0, 0, 0 },
	};
	/* A path that reaches each state from open. */
	static const int path[6][5] = { { -1 }, { 1, -1 }, { 1, 2, -1 }, { 1, 2, 3, -1 }, { 1, 2, 3, 4, -1 }, { 1, 2, 3, 4, 5 } };
	for (int from = 0; from < 6; from++)
		for (int to = 0; to < 6; to++) {
			eg_records *r = store();
			int st, od, minute = 0;
			char t[20];
			assert_int_equal(eg_ledger_open(r, "YL-1", "2026-01-01 09:00", "整改办", "榆林市住建局", "城区清洁取暖率≥60%",
							"2026-12-31"), EG_OK);
			for (int k = 0; k < 5 && path[from][k] >= 0 && from > 0; k++) {
				snprintf(t, sizeof t, "2026-02-01 10:%02d", minute++);
				assert_int_equal(eg_ledger_transition(r, "YL-1", t, "牵头单位", path[from][k], "推进"), EG_OK);
			}
			snprintf(t, sizeof t, "2026-03-01 10:%02d", minute);
			if (ok[from][to]) {
				assert_int_equal(eg_ledger_transition(r, "YL-1", t, "整改办", to, "依据YL-5.5"), EG_OK);
				assert_int_equal(eg_ledger_status(&st, &od, r, "YL-1", "2026-03-01"), EG_OK);
				assert_int_equal(st, to);
			} else {
				size_t before = eg_records_version_count(r, "YL-1");
				assert_error(eg_ledger_transition(r, "YL-1", t, "整改办", to, "x"), EG_ESTATE, "is not allowed (YL-5.5)");
				assert_int_equal(eg_records_version_count(r, "YL-1"), before);
			}
			eg_records_free(r);
		}
}

static void test_yl_rejected_close_out_extension_and_overdue(void **state)
{
	(void)state;
	eg_records *r = store();
	int st, od;
	const char *v;
	assert_int_equal(eg_ledger_open(r, "P", "2026-01-01 09:00", "整改办", "某县政府", "污水处理率≥93%", "2026-06-30"), EG_OK);
	assert_error(eg_ledger_open(r, "P", "2026-01-01 09:00", "整改办", "某县政府", "x", "2026-06-30"), EG_EEXISTS, "already");
	assert_int_equal(eg_ledger_transition(r, "P", "2026-02-01 09:00", "县", EG_LEDGER_RECTIFYING, "开始整改"), EG_OK);
	assert_int_equal(eg_ledger_transition(r, "P", "2026-05-01 09:00", "县长", EG_LEDGER_VERIFIED, "现场核查并签字"), EG_OK);
	assert_int_equal(eg_ledger_transition(r, "P", "2026-05-02 09:00", "县", EG_LEDGER_APPLIED, "申请销号"), EG_OK);
	assert_int_equal(eg_ledger_transition(r, "P", "2026-05-10 09:00", "整改办", EG_LEDGER_REVIEWED, "资料审核、现场核查、公示"), EG_OK);
	assert_int_equal(eg_ledger_transition(r, "P", "2026-05-12 09:00", "整改办", EG_LEDGER_RECTIFYING, "未达标，退回继续整改"), EG_OK);
	/* On 2026-07-01 the deadline 06-30 has passed and it is not closed: overdue. */
	assert_int_equal(eg_ledger_status(&st, &od, r, "P", "2026-07-01"), EG_OK);
	assert_int_equal(st, EG_LEDGER_RECTIFYING);
	assert_int_equal(od, 1);
	assert_int_equal(eg_ledger_status(&st, &od, r, "P", "2026-06-30"), EG_OK);
	assert_int_equal(od, 0); /* the deadline day itself is not overdue */
	assert_int_equal(eg_ledger_extend(r, "P", "2026-07-02 09:00", "整改办", "2026-09-30", "冬季施工受限"), EG_OK);
	assert_error(eg_ledger_extend(r, "P", "2026-07-03 09:00", "整改办", "2026-09-01", "x"), EG_EINVAL, "must be a date after");
	assert_int_equal(eg_ledger_status(&st, &od, r, "P", "2026-07-05"), EG_OK);
	assert_int_equal(od, 0);
	assert_int_equal(eg_records_get(&v, r, "P", "deadline", "2026-07-01 00:00"), EG_OK);
	assert_string_equal(v, "2026-06-30"); /* history keeps the old deadline */
	assert_int_equal(eg_ledger_transition(r, "P", "2026-08-01 09:00", "县长", EG_LEDGER_VERIFIED, "再次核查"), EG_OK);
	assert_int_equal(eg_ledger_transition(r, "P", "2026-08-02 09:00", "县", EG_LEDGER_APPLIED, "再次申请"), EG_OK);
	assert_int_equal(eg_ledger_transition(r, "P", "2026-08-10 09:00", "整改办", EG_LEDGER_REVIEWED, "审核通过"), EG_OK);
	assert_int_equal(eg_ledger_transition(r, "P", "2026-08-20 09:00", "整改办", EG_LEDGER_CLOSED, "销号备案"), EG_OK);
	assert_error(eg_ledger_extend(r, "P", "2026-08-21 09:00", "整改办", "2026-12-31", "x"), EG_ESTATE, "closed");
	assert_error(eg_ledger_transition(r, "P", "2026-08-21 09:00", "x", EG_LEDGER_RECTIFYING, "x"), EG_ESTATE, "archived");
	/* open, rectifying, verified, applied, reviewed, rectifying, extended,
	 * verified, applied, reviewed, closed = 11 versions, none lost. */
	assert_int_equal(eg_records_version_count(r, "P"), 11);
	eg_records_free(r);
}

static void test_cj_a4_2_1_eligibility(void **state)
{
	(void)state;
	int e;
	/* Decision 2026-01-01, 60-day period: the 60th day (03-02) is still open; 03-03 final. */
	assert_int_equal(eg_case_eligible(&e, "2026-01-01", 60, 0, NULL, "2026-03-02"), EG_OK);
	assert_int_equal(e, 0);
	assert_int_equal(eg_case_eligible(&e, "2026-01-01", 60, 0, NULL, "2026-03-03"), EG_OK);
	assert_int_equal(e, 1);
	/* A lawsuit pending: not final, even after the period. */
	assert_int_equal(eg_case_eligible(&e, "2026-01-01", 60, 1, NULL, "2026-12-01"), EG_OK);
	assert_int_equal(e, 0);
	/* Concluded on 2026-09-01: final from that day. */
	assert_int_equal(eg_case_eligible(&e, "2026-01-01", 60, 1, "2026-09-01", "2026-09-01"), EG_OK);
	assert_int_equal(e, 1);
	assert_error(eg_case_eligible(&e, "2026-01-01", 0, 0, NULL, "2026-09-01"), EG_EINVAL, "legal period 0");
}

/* A text of exactly n Chinese characters. */
static char *chinese(size_t n)
{
	char *s = malloc(n * 3 + 1);
	for (size_t i = 0; i < n; i++)
		memcpy(s + 3 * i, "案", 3);
	s[n * 3] = '\0';
	return s;
}

static void test_cj_a4_2_3_length_999_1000_1500_1501(void **state)
{
	(void)state;
	size_t cp;
	long hit, which;
	const char *names[] = { "张三" };
	size_t lens[] = { 999, 1000, 1500, 1501 };
	int expect[] = { EG_ERANGE, EG_OK, EG_OK, EG_ERANGE };
	for (int i = 0; i < 4; i++) {
		char *t = chinese(lens[i]);
		int rc = eg_case_text_check(&cp, &hit, &which, t, names, 1);
		assert_int_equal(rc, expect[i]);
		assert_int_equal(cp, lens[i]); /* code points, not bytes (3 each) */
		free(t);
	}
	{
		char *t = chinese(1200), *anon = NULL;
		size_t rep;
		const char *ph[] = { "张某" };
		memcpy(t + 30, "张三", 6); /* 2 characters of 3 bytes replace 2 */
		assert_error(eg_case_text_check(&cp, &hit, &which, t, names, 1), EG_ESTATE, "names \"张三\" at byte 30");
		assert_int_equal(hit, 30);
		assert_int_equal(eg_case_anonymise(&anon, &rep, t, names, ph, 1), EG_OK);
		assert_int_equal(rep, 1);
		assert_int_equal(eg_case_text_check(&cp, &hit, &which, anon, names, 1), EG_OK);
		eg_string_free(anon);
		free(t);
	}
	{
		/* The longest name wins: "某某化工有限公司" before "某某". */
		const char *n2[] = { "宏达", "宏达化工有限公司" }, *p2[] = { "某人", "某公司" };
		char *anon = NULL;
		size_t rep;
		assert_int_equal(eg_case_anonymise(&anon, &rep, "宏达化工有限公司法定代表人宏达", n2, p2, 2), EG_OK);
		assert_string_equal(anon, "某公司法定代表人某人");
		assert_int_equal(rep, 2);
		eg_string_free(anon);
	}
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
	assert_int_equal(eg_heads_disclosure_check(&met, &bad, g, "C", full, 4, "2026-10-01", "2026-10-31", 30), EG_OK);
	assert_int_equal(met, 1);
	/* 31 days old with a 30-day limit: stale. */
	assert_int_equal(eg_heads_disclosure_check(&met, &bad, g, "C", full, 4, "2026-10-01", "2026-11-01", 30), EG_OK);
	assert_int_equal(met, 0);
	/* A head not published and a published name no longer a head: 2 problems. */
	assert_int_equal(eg_heads_disclosure_check(&met, &bad, g, "C", stale, 4, "2026-10-01", "2026-10-02", 30), EG_OK);
	assert_int_equal(met, 0);
	assert_int_equal(bad, 2);
	assert_error(eg_heads_disclosure_check(&met, &bad, g, "T", full, 4, "2026-10-01", "2026-10-02", 30), EG_ELEVEL, "CJ-A2-5.3");
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
	assert_int_equal(eg_top_n(out, &n, ids, m, 5, 2), EG_OK);
	assert_int_equal(n, 3);
	assert_string_equal(ids[out[0]], "A");
	assert_string_equal(ids[out[1]], "B");
	assert_string_equal(ids[out[2]], "C");
	assert_int_equal(eg_top_n(out, &n, ids, m, 5, 4), EG_OK);
	assert_int_equal(n, 4); /* no tie at the 4th (D 30) */
	assert_int_equal(eg_top_n(out, &n, ids, m, 5, 20), EG_OK);
	assert_int_equal(n, 5); /* fewer candidates than N */
	{
		const char *dup[] = { "A", "B", "A" };
		assert_error(eg_top_n(out, &n, dup, m, 3, 2), EG_EINVAL, "A is listed twice");
	}
}

static void test_cj_a4_4_1_yl_5_3_yl_5_4_dg_61_dg_67_yl_4(void **state)
{
	(void)state;
	int q[4], late, ok;
	char due[11];
	const char *dates[] = { "2026-02-10", "2026-05-01", "2026-12-31", "2025-08-01" };
	assert_int_equal(eg_case_batches(q, dates, 4, 2026), EG_OK);
	assert_int_equal(q[0] + q[1] * 10 + q[2] * 100 + q[3] * 1000, 1011); /* Q3 missing (CJ-A4-4.1) */
	/* YL-5.4: 3 months; from 2026-11-30 -> 2027-02-28 (last day of February). */
	assert_int_equal(eg_obligation_due(due, EG_OBLIGATION_YL_5_4, "2026-11-30", 0), EG_OK);
	assert_string_equal(due, "2027-02-28");
	/* DG-61: 1 month from 2026-01-31 -> 2026-02-28. */
	assert_int_equal(eg_obligation_due(due, EG_OBLIGATION_DG_61, "2026-01-31", 0), EG_OK);
	assert_string_equal(due, "2026-02-28");
	/* DG-67: 12 months from 2026-03-15 -> 2027-03-15; 13 is out of range. */
	assert_int_equal(eg_obligation_due(due, EG_OBLIGATION_DG_67, "2026-03-15", 12), EG_OK);
	assert_string_equal(due, "2027-03-15");
	assert_error(eg_obligation_due(due, EG_OBLIGATION_DG_67, "2026-03-15", 13), EG_ERANGE, "13 months");
	assert_int_equal(eg_obligation_overdue(&late, "2026-02-28", "2026-02-28", "2026-06-01"), EG_OK);
	assert_int_equal(late, 0); /* done on the due day */
	assert_int_equal(eg_obligation_overdue(&late, "2026-02-28", NULL, "2026-03-01"), EG_OK);
	assert_int_equal(late, 1);
	/* YL-4: urban clean heating 59.9 % (599 tenths) >= 60 % (600)? no; 60.0 % yes. */
	assert_int_equal(eg_target_attained(&ok, 599, ">=", 600), EG_OK);
	assert_int_equal(ok, 0);
	assert_int_equal(eg_target_attained(&ok, 600, ">=", 600), EG_OK);
	assert_int_equal(ok, 1);
	assert_error(eg_target_attained(&ok, 1, "=>", 1), EG_EINVAL, "comparator");
	{
		eg_records *r = store();
		size_t c[6];
		const char *units[] = { "住建局", "环保局" };
		assert_int_equal(eg_ledger_open(r, "A", "2026-01-01 09:00", "办", "住建局", "t", "2026-03-31"), EG_OK);
		assert_int_equal(eg_ledger_open(r, "B", "2026-01-01 09:00", "办", "住建局", "t", "2026-12-31"), EG_OK);
		assert_int_equal(eg_ledger_open(r, "C", "2026-01-01 09:00", "办", "环保局", "t", "2026-03-31"), EG_OK);
		/* YL-5.3 on 2026-04-30: 住建局 2 registered, 0 closed, 1 overdue (A); 环保局 1, 0, 1. */
		assert_int_equal(eg_ledger_summary(c, r, units, 2, "2026-04-30"), EG_OK);
		assert_int_equal(c[0] * 100 + c[1] * 10 + c[2], 201);
		assert_int_equal(c[3] * 100 + c[4] * 10 + c[5], 101);
		eg_records_free(r);
	}
}

static void test_records_parse_rejects_each_malformed_field(void **state)
{
	(void)state;
	eg_records *r = NULL;
	static const char *const bad[] = {
		"ecogrid-records 1\nrecords x\n",
		"ecogrid-records 1\nrecords 1\nrecord 1:A 1\nversion 2026-01-01 0",
		"ecogrid-records 1\nrecords 1\nrecord 1:A 1\nversion 2026-13-01 00:00 1:a 1:b 1\nfield 1:k 1:v\n",
		"ecogrid-records 1\nrecords 1\nrecord 1:A 1\nversion 2026-01-01 00:00 1:a 1:b 2\nfield 1:k 1:v\n",
		"ecogrid-records 1\nrecords 1\nrecord 1:A 1\nversion 2026-01-01 00:00 1:a 1:b 1\nfield 1:k 5:v\n",
		"ecogrid-records 1\nrecords 1\nrecord 1:A 2\nversion 2026-01-02 00:00 1:a 1:b 1\nfield 1:k 1:v\n"
		"version 2026-01-01 00:00 1:a 1:b 1\nfield 1:k 1:v\n",
		"ecogrid-records 1\nrecords 0\ntrailing",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		int rc = eg_records_parse(&r, bad[i], strlen(bad[i]));
		if (rc != EG_EPARSE)
			fail_msg("case %zu: status %d (%s)", i, rc, eg_error_last()->message);
		assert_non_null(strstr(eg_error_last()->message, "records line"));
		assert_null(r);
	}
	assert_error(eg_records_parse(&r, "\xFF", 1), EG_EUTF8, NULL);
	assert_error(eg_records_parse(NULL, "x", 1), EG_EINVAL, NULL);
	assert_error(eg_records_new(NULL), EG_EINVAL, NULL);
	assert_error(eg_records_serialize(NULL, NULL), EG_EINVAL, NULL);
	assert_int_equal(eg_records_count(NULL), 0);
	assert_null(eg_records_id_at(NULL, 0));
	assert_int_equal(eg_records_version_count(NULL, "A"), 0);
	eg_records_free(NULL);
}

static int scenario_records(void *unused)
{
	(void)unused;
	eg_records *r = NULL, *back = NULL;
	char *text = NULL;
	const char *k = "progress", *v = "50%";
	int rc;
	if ((rc = eg_records_new(&r)) < 0)
		return rc;
	if ((rc = eg_ledger_open(r, "P", "2026-01-01 09:00", "a", "b", "c", "2026-06-30")) == EG_OK &&
	    (rc = eg_records_put(r, "P", "2026-01-02 09:00", "a", "b", &k, &v, 1)) == EG_OK &&
	    (rc = eg_ledger_transition(r, "P", "2026-01-03 09:00", "a", EG_LEDGER_RECTIFYING, "b")) == EG_OK &&
	    (rc = eg_records_serialize(&text, r)) == EG_OK)
		rc = eg_records_parse(&back, text, strlen(text));
	if (rc < 0 && r)
		assert_true(eg_records_version_count(r, "P") <= 3);
	eg_string_free(text);
	eg_records_free(back);
	eg_records_free(r);
	return rc;
}

static void test_records_every_allocation_failure_is_clean(void **state)
{
	(void)state;
	assert_true(tu_alloc_fail_loop(scenario_records, NULL) > 10);
}

/* Every NULL argument of the record and ledger functions is refused with
 * EG_EINVAL and a detail naming the function (one row per argument, since
 * each is tested separately in the code). */
static void test_records_every_null_argument_is_einval(void **state)
{
	(void)state;
	eg_records *r = store();
	const char *k[] = { "a" }, *v[] = { "1" }, *val, *t, *a, *why, *names[] = { "宏达" }, *ph[] = { "某人" };
	char *anon;
	size_t rep, counts[6];
	int st, od, q[4];
	int32_t late;
	put1(r, "JM-001", "2026-01-10 09:00", "a", "1");
	assert_error(eg_records_put(NULL, "X", "2026-01-10 09:00", "x", "y", k, v, 1), EG_EINVAL, "eg_records_put");
	assert_error(eg_records_put(r, "X", NULL, "x", "y", k, v, 1), EG_EINVAL, "eg_records_put");
	assert_error(eg_records_put(r, "X", "2026-01-10 09:00", "x", "y", NULL, v, 1), EG_EINVAL, "eg_records_put");
	assert_error(eg_records_put(r, "X", "2026-01-10 09:00", "x", "y", k, NULL, 1), EG_EINVAL, "eg_records_put");
	assert_error(eg_records_put(r, "X", "2026-01-10 09:00", NULL, "y", k, v, 1), EG_EINVAL, "actor");
	assert_error(eg_records_put(r, "X", "2026-01-10 09:00", "x", NULL, k, v, 1), EG_EINVAL, "reason");
	assert_error(eg_records_get(NULL, r, "JM-001", "a", NULL), EG_EINVAL, "eg_records_get");
	assert_error(eg_records_get(&val, NULL, "JM-001", "a", NULL), EG_EINVAL, "eg_records_get");
	assert_error(eg_records_get(&val, r, NULL, "a", NULL), EG_EINVAL, "eg_records_get");
	assert_error(eg_records_get(&val, r, "JM-001", NULL, NULL), EG_EINVAL, "eg_records_get");
	assert_error(eg_records_get(&val, r, "JM-001", "a", "2026-01-10"), EG_EINVAL, "as_of \"2026-01-10\"");
	assert_error(eg_records_version(NULL, &a, &why, r, "JM-001", 0), EG_EINVAL, "eg_records_version");
	assert_error(eg_records_version(&t, NULL, &why, r, "JM-001", 0), EG_EINVAL, "eg_records_version");
	assert_error(eg_records_version(&t, &a, NULL, r, "JM-001", 0), EG_EINVAL, "eg_records_version");
	assert_error(eg_records_version(&t, &a, &why, NULL, "JM-001", 0), EG_EINVAL, "eg_records_version");
	assert_error(eg_records_version(&t, &a, &why, r, NULL, 0), EG_EINVAL, "eg_records_version");
	/* Version 1 of a record with one version (index 0 only): not found. */
	assert_error(eg_records_version(&t, &a, &why, r, "JM-001", 1), EG_ENOTFOUND, "has no version 1");
	assert_error(eg_records_version(&t, &a, &why, r, "JM-404", 0), EG_ENOTFOUND, "JM-404");
	assert_error(eg_ledger_open(NULL, "P", "2026-01-05 09:00", "x", "u", "t", "2026-06-30"), EG_EINVAL, "eg_ledger_open");
	assert_error(eg_ledger_open(r, NULL, "2026-01-05 09:00", "x", "u", "t", "2026-06-30"), EG_EINVAL, "eg_ledger_open");
	assert_error(eg_ledger_open(r, "P", "2026-01-05 09:00", "x", NULL, "t", "2026-06-30"), EG_EINVAL, "lead unit");
	assert_error(eg_ledger_open(r, "P", "2026-01-05 09:00", "x", "u", NULL, "2026-06-30"), EG_EINVAL, "target");
	assert_error(eg_ledger_open(r, "P", "2026-01-05 09:00", "x", "u", "t", NULL), EG_EINVAL, "deadline \"(null)\"");
	assert_error(eg_ledger_status(NULL, &od, r, "P", "2026-01-05"), EG_EINVAL, NULL);
	assert_error(eg_ledger_status(&st, NULL, r, "P", "2026-01-05"), EG_EINVAL, NULL);
	assert_error(eg_ledger_status(&st, &od, NULL, "P", "2026-01-05"), EG_EINVAL, NULL);
	assert_error(eg_ledger_status(&st, &od, r, NULL, "2026-01-05"), EG_EINVAL, NULL);
	assert_error(eg_ledger_status(&st, &od, r, "P", NULL), EG_EINVAL, NULL);
	assert_error(eg_jm_update_status(NULL, &late, r, "JM-001", 2026, 1), EG_EINVAL, NULL);
	assert_error(eg_jm_update_status(&st, NULL, r, "JM-001", 2026, 1), EG_EINVAL, NULL);
	assert_error(eg_jm_update_status(&st, &late, NULL, "JM-001", 2026, 1), EG_EINVAL, NULL);
	assert_error(eg_jm_update_status(&st, &late, r, NULL, 2026, 1), EG_EINVAL, NULL);
	assert_error(eg_case_anonymise(NULL, &rep, "宏达", names, ph, 1), EG_EINVAL, "eg_case_anonymise");
	assert_error(eg_case_anonymise(&anon, NULL, "宏达", names, ph, 1), EG_EINVAL, "eg_case_anonymise");
	assert_error(eg_case_anonymise(&anon, &rep, NULL, names, ph, 1), EG_EINVAL, "eg_case_anonymise");
	assert_error(eg_case_anonymise(&anon, &rep, "宏达", NULL, ph, 1), EG_EINVAL, "eg_case_anonymise");
	assert_error(eg_case_anonymise(&anon, &rep, "宏达", names, NULL, 1), EG_EINVAL, "eg_case_anonymise");
	assert_error(eg_case_batches(NULL, names, 1, 2026), EG_EINVAL, "eg_case_batches");
	assert_error(eg_case_batches(q, NULL, 1, 2026), EG_EINVAL, "eg_case_batches");
	assert_error(eg_ledger_summary(NULL, r, names, 1, "2026-01-05"), EG_EINVAL, NULL);
	assert_error(eg_ledger_summary(counts, NULL, names, 1, "2026-01-05"), EG_EINVAL, NULL);
	assert_error(eg_ledger_summary(counts, r, NULL, 1, "2026-01-05"), EG_EINVAL, NULL);
	assert_error(eg_ledger_summary(counts, r, names, 1, NULL), EG_EINVAL, NULL);
	/* Nothing was added by any of the refused calls. */
	assert_int_equal(eg_records_count(r), 1);
	eg_records_free(r);
}

/* ---- Record values, growth and atomic failure ---- */

static void test_records_value_limits_and_bad_fields(void **state)
{
	(void)state;
	eg_records *r = store();
	char *big = malloc(65538);
	const char *k = "big", *v, *nul = NULL, *empty_key = "", *null_key = NULL;
	assert_non_null(big);
	/* Exactly 65536 bytes is allowed; 65537 is one over. */
	memset(big, 'v', 65536);
	big[65536] = '\0';
	v = big;
	assert_int_equal(eg_records_put(r, "A", "2026-01-01 00:00", "x", "y", &k, &v, 1), EG_OK);
	assert_int_equal(strlen(get(r, "A", "big", NULL)), 65536);
	big[65536] = 'v';
	big[65537] = '\0';
	assert_error(eg_records_put(r, "A", "2026-01-02 00:00", "x", "y", &k, &v, 1), EG_ERANGE,
		     "field big: value longer than 65536 bytes");
	free(big);
	assert_error(eg_records_put(r, "A", "2026-01-02 00:00", "x", "y", &k, &nul, 1), EG_EINVAL, "field big: value is NULL");
	v = "1";
	assert_error(eg_records_put(r, "A", "2026-01-02 00:00", "x", "y", &empty_key, &v, 1), EG_EINVAL, "field name is empty");
	assert_error(eg_records_put(r, "A", "2026-01-02 00:00", "x", "y", &null_key, &v, 1), EG_EINVAL, "field name is NULL");
	assert_error(eg_records_put(r, "", "2026-01-02 00:00", "x", "y", &k, &v, 1), EG_EINVAL, "record ID is empty");
	assert_error(eg_records_put(r, NULL, "2026-01-02 00:00", "x", "y", &k, &v, 1), EG_EINVAL, "record ID is NULL");
	/* An empty value is a value (not "unset"). */
	v = "";
	assert_int_equal(eg_records_put(r, "A", "2026-01-02 00:00", "x", "y", &k, &v, 1), EG_OK);
	assert_string_equal(get(r, "A", "big", NULL), "");
	/* None of the refused calls added a version: 2 puts succeeded. */
	assert_int_equal(eg_records_version_count(r, "A"), 2);
	/* An update with no field is a version too (actor and reason recorded). */
	assert_int_equal(eg_records_put(r, "A", "2026-01-03 00:00", "x", "核查无变化", NULL, NULL, 0), EG_OK);
	assert_int_equal(eg_records_version_count(r, "A"), 3);
	eg_records_free(r);
}

static void test_records_growth_past_16_records_and_4_versions(void **state)
{
	(void)state;
	eg_records *r = store();
	char id[8], t[20];
	const char *k = "n", *v = "1";
	/* The store starts with room for 16 records, a record with room for 4 versions. */
	for (int i = 0; i < 16; i++) {
		snprintf(id, sizeof id, "R%02d", i);
		put1(r, id, "2026-01-01 00:00", "n", "1");
	}
	/* The 17th record needs the array doubled: that allocation fails, the store is unchanged. */
	eg__alloc_fail_after(0);
	assert_error(eg_records_put(r, "R16", "2026-01-01 00:00", "x", "y", &k, &v, 1), EG_ENOMEM, "adding a record");
	eg__alloc_fail_reset();
	assert_int_equal(eg_records_count(r), 16);
	assert_int_equal(eg_records_version_count(r, "R16"), 0);
	put1(r, "R16", "2026-01-01 00:00", "n", "1");
	assert_int_equal(eg_records_count(r), 17);
	assert_string_equal(eg_records_id_at(r, 16), "R16");
	assert_null(eg_records_id_at(r, 17)); /* one past the end */
	/* Versions 2-4 of R00 fit; the 5th needs the versions doubled. */
	for (int k2 = 2; k2 <= 4; k2++) {
		snprintf(t, sizeof t, "2026-01-0%d 00:00", k2);
		snprintf(id, sizeof id, "%d", k2);
		put1(r, "R00", t, "n", id);
	}
	eg__alloc_fail_after(0);
	v = "5";
	assert_error(eg_records_put(r, "R00", "2026-01-05 00:00", "x", "y", &k, &v, 1), EG_ENOMEM, "adding a version");
	eg__alloc_fail_reset();
	assert_int_equal(eg_records_version_count(r, "R00"), 4);
	assert_string_equal(get(r, "R00", "n", NULL), "4");
	put1(r, "R00", "2026-01-05 00:00", "n", "5");
	assert_int_equal(eg_records_version_count(r, "R00"), 5);
	assert_string_equal(get(r, "R00", "n", "2026-01-04 23:59"), "4");
	assert_string_equal(get(r, "R00", "n", NULL), "5");
	eg_records_free(r);
}

/* ---- Parsing: every field of the format, and canonical form ---- */

#define HDR "ecogrid-records 1\nrecords 1\n"
#define REC HDR "record 1:A 1\n"
#define VER REC "version 2026-01-01 00:00 1:a 1:b 1\n"

static void test_records_parse_each_token_names_its_line(void **state)
{
	(void)state;
	static const struct {
		const char *text, *needle;
	} bad[] = {
		{ "ecogrid-records 1\nrecord 1\n", "line 2: expected \"records \"" },
		{ "ecogrid-records 1\nrecords 1 \n", "line 2: expected \"\\n\"" },
		/* 11 digits: only 10 are read (1234567890 > 100000000). */
		{ "ecogrid-records 1\nrecords 12345678901\n", "line 2: expected a number up to 100000000" },
		{ HDR "recorb 1:A 1\n", "line 3: expected \"record \"" },
		{ HDR "record A 1\n", "line 3: expected a number up to 64" },
		{ HDR "record 65:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA 1\n",
		  "line 3: expected a number up to 64" },
		{ HDR "record 1A 1\n", "line 3: expected \":\"" },
		{ HDR "record 5:A", "line 3: string runs past the end" },
		{ HDR "record 1:A\n", "line 3: expected \" \"" },
		{ HDR "record 1:A x\n", "line 3: expected a number up to 100000000" },
		{ HDR "record 1:A 1 \n", "line 3: expected \"\\n\"" },
		{ REC "versio 2026-01-01 00:00 1:a 1:b 1\n", "line 4: expected \"version \"" },
		{ REC "version 2026-01-01", "line 4: expected a time" },
		{ REC "version 2026-01-01 00:00_1:a 1:b 1\n", "line 4: expected \" \"" },
		{ REC "version 2026-01-01 00:00 a 1:b 1\n", "line 4: expected a number up to 256" },
		{ REC "version 2026-01-01 00:00 1:a_1:b 1\n", "line 4: expected \" \"" },
		{ REC "version 2026-01-01 00:00 1:a b 1\n", "line 4: expected a number up to 1024" },
		{ REC "version 2026-01-01 00:00 1:a 1:b_1\n", "line 4: expected \" \"" },
		{ REC "version 2026-01-01 00:00 1:a 1:b x\n", "line 4: expected a number up to 1000000" },
		{ REC "version 2026-01-01 00:00 1:a 1:b 1 \n", "line 4: expected \"\\n\"" },
		{ VER "fiel 1:k 1:v\n", "line 5: expected \"field \"" },
		{ VER "field k 1:v\n", "line 5: expected a number up to 64" },
		{ VER "field 1:k_1:v\n", "line 5: expected \" \"" },
		{ VER "field 1:k v\n", "line 5: expected a number up to 65536" },
		{ VER "field 1:k 1:v \n", "line 5: expected \"\\n\"" },
		/* A value with a newline inside counts a line: the error is on line 6. */
		{ VER "field 1:k 3:a\nb \n", "line 6: expected \"\\n\"" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		eg_records *r = NULL;
		int rc = eg_records_parse(&r, bad[i].text, strlen(bad[i].text));
		if (rc != EG_EPARSE || !strstr(eg_error_last()->message, bad[i].needle))
			fail_msg("case %zu: status %d, \"%s\"; expected \"%s\"", i, rc, eg_error_last()->message, bad[i].needle);
		assert_null(r);
	}
	{
		eg_records *r = NULL;
		/* NULL text: an error if a length is given, the empty text otherwise. */
		assert_error(eg_records_parse(&r, NULL, 3), EG_EINVAL, "eg_records_parse: NULL argument");
		assert_error(eg_records_parse(&r, NULL, 0), EG_EPARSE, "line 1: expected \"ecogrid-records 1");
		assert_null(r);
		/* Cut after "records ": the count is missing. */
		assert_error(eg_records_parse(&r, HDR, strlen(HDR) - 2), EG_EPARSE, "line 2: expected a number");
		/* The smallest valid text: no record. */
		assert_int_equal(eg_records_parse(&r, "ecogrid-records 1\nrecords 0\n", 28), EG_OK);
		assert_int_equal(eg_records_count(r), 0);
		eg_records_free(r);
	}
}

static void test_records_parse_refuses_text_that_is_not_canonical(void **state)
{
	(void)state;
	static const struct {
		const char *text, *needle;
	} bad[] = {
		/* A leading zero reads as 1 but is not what serialise writes (line 2). */
		{ "ecogrid-records 1\nrecords 01\nrecord 1:A 1\nversion 2026-01-01 00:00 1:a 1:b 1\nfield 1:k 1:v\n",
		  "records line 2: not as eg_records_serialize() writes it" },
		/* The second version leaves out field m: the state still has it, so
		 * serialise writes "2" fields on line 7 where the text says "1". */
		{ "ecogrid-records 1\nrecords 1\nrecord 1:A 2\nversion 2026-01-01 00:00 1:a 1:b 2\nfield 1:k 1:v\n"
		  "field 1:m 1:w\nversion 2026-01-02 00:00 1:a 1:b 1\nfield 1:k 1:x\n",
		  "records line 7: not as" },
		/* The same record twice: one record of 2 versions, "records 1" on line 2. */
		{ "ecogrid-records 1\nrecords 2\nrecord 1:A 1\nversion 2026-01-01 00:00 1:a 1:b 1\nfield 1:k 1:v\n"
		  "record 1:A 1\nversion 2026-01-02 00:00 1:a 1:b 1\nfield 1:k 1:w\n",
		  "records line 2: not as" },
		/* The T form of a time is accepted by put but written with a space (line 4). */
		{ "ecogrid-records 1\nrecords 1\nrecord 1:A 1\nversion 2026-01-01T00:00 1:a 1:b 1\nfield 1:k 1:v\n",
		  "records line 4: not as" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		eg_records *r = NULL;
		int rc = eg_records_parse(&r, bad[i].text, strlen(bad[i].text));
		if (rc != EG_EPARSE || !strstr(eg_error_last()->message, bad[i].needle))
			fail_msg("case %zu: status %d, \"%s\"; expected \"%s\"", i, rc, eg_error_last()->message, bad[i].needle);
		assert_null(r);
	}
	{
		/* A NUL inside the ID: "A\0B" is 3 bytes of valid UTF-8 but would become "A". */
		static const char nul[] = "ecogrid-records 1\nrecords 1\nrecord 3:A\0B 1\nversion 2026-01-01 00:00 1:a 1:b 1\nfield 1:k 1:v\n";
		eg_records *r = NULL;
		assert_error(eg_records_parse(&r, nul, sizeof nul - 1), EG_EPARSE, "records line 3: not as");
		assert_null(r);
	}
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
	assert_int_equal(eg_jm_district_deadline(dl, 1, 1), EG_OK);
	assert_string_equal(dl, "0001-04-03");
	assert_int_equal(eg_jm_district_deadline(dl, 9998, 4), EG_OK);
	assert_string_equal(dl, "9999-01-03");
	assert_error(eg_jm_district_deadline(dl, 9999, 1), EG_EINVAL, "year 9999 quarter 1");
	assert_error(eg_jm_district_deadline(dl, 0, 1), EG_EINVAL, "year 0 quarter 1");
	assert_error(eg_jm_district_deadline(dl, 2026, 0), EG_EINVAL, "quarter 0");
	assert_error(eg_jm_district_deadline(NULL, 2026, 1), EG_EINVAL, "eg_jm_district_deadline");
	put1(r, "JM-1", "2026-04-01 09:00", "quarter", "2026Q1");
	/* A bad quarter is refused before the record is looked up. */
	assert_error(eg_jm_update_status(&st, &late, r, "JM-1", 2026, 5), EG_EINVAL, "quarter 5");
	assert_error(eg_jm_update_status(&st, &late, r, "JM-404", 2026, 1), EG_ENOTFOUND, "record JM-404 not found");
	/* Updated on 04-01, deadline 04-03: on time, 0 days late. */
	assert_int_equal(eg_jm_update_status(&st, &late, r, "JM-1", 2026, 1), EG_OK);
	assert_int_equal(st, EG_UPDATE_ON_TIME);
	assert_int_equal(late, 0);
	eg_records_free(r);
}

/* ---- YL ledgers: states, records that are not ledgers, dates ---- */

static void test_yl_5_5_state_names_and_out_of_range_states(void **state)
{
	(void)state;
	static const char *const names[] = { "open", "rectifying", "verified", "applied", "reviewed", "closed" };
	eg_records *r = store();
	for (int s = 0; s < 6; s++)
		assert_string_equal(eg_ledger_state_name(s), names[s]);
	assert_null(eg_ledger_state_name(-1));
	assert_null(eg_ledger_state_name(6));
	assert_int_equal(eg_ledger_open(r, "P", "2026-01-01 09:00", "办", "县", "t", "2026-06-30"), EG_OK);
	assert_error(eg_ledger_transition(r, "P", "2026-01-02 09:00", "办", -1, "x"), EG_EINVAL, "state -1 is not one of eg_ledger_state");
	assert_error(eg_ledger_transition(r, "P", "2026-01-02 09:00", "办", 6, "x"), EG_EINVAL, "state 6");
	assert_error(eg_ledger_transition(r, "Q", "2026-01-02 09:00", "办", 1, "x"), EG_ENOTFOUND, "problem Q not found");
	assert_error(eg_ledger_transition(NULL, "P", "2026-01-02 09:00", "办", 1, "x"), EG_EINVAL, "eg_ledger_transition");
	assert_error(eg_ledger_transition(r, NULL, "2026-01-02 09:00", "办", 1, "x"), EG_EINVAL, "eg_ledger_transition");
	/* A bad time is refused by the put: no version. */
	assert_error(eg_ledger_transition(r, "P", "2026-01-02", "办", 1, "x"), EG_EINVAL, "not YYYY-MM-DD HH:MM");
	assert_int_equal(eg_records_version_count(r, "P"), 1);
	eg_records_free(r);
}

static void test_yl_ledger_calls_on_a_record_that_is_not_a_ledger(void **state)
{
	(void)state;
	eg_records *r = store();
	int st = -9, od = -9;
	/* A plain disclosure record: no state, no deadline. */
	put1(r, "JM-1", "2026-01-01 09:00", "progress", "x");
	assert_error(eg_ledger_transition(r, "JM-1", "2026-01-02 09:00", "办", EG_LEDGER_RECTIFYING, "x"), EG_ESTATE,
		     "problem JM-1: ? -> rectifying is not allowed");
	assert_error(eg_ledger_extend(r, "JM-1", "2026-01-02 09:00", "办", "2026-12-31", "x"), EG_EINVAL,
		     "must be a date after (none)");
	/* State unknown (-1), and no deadline: never overdue. */
	assert_int_equal(eg_ledger_status(&st, &od, r, "JM-1", "2026-12-31"), EG_OK);
	assert_int_equal(st, -1);
	assert_int_equal(od, 0);
	/* A state but a deadline that is not a date: not overdue either. */
	{
		const char *k[] = { "state", "deadline" }, *v[] = { "open", "年底前" };
		assert_int_equal(eg_records_put(r, "X", "2026-01-01 09:00", "办", "x", k, v, 2), EG_OK);
		assert_int_equal(eg_ledger_status(&st, &od, r, "X", "2027-06-30"), EG_OK);
		assert_int_equal(st, EG_LEDGER_OPEN);
		assert_int_equal(od, 0);
		assert_error(eg_ledger_extend(r, "X", "2026-01-02 09:00", "办", "2026-12-31", "x"), EG_EINVAL,
			     "must be a date after 年底前");
	}
	eg_records_free(r);
}

static void test_yl_5_5_extension_must_be_strictly_later(void **state)
{
	(void)state;
	eg_records *r = store();
	int st, od;
	assert_int_equal(eg_ledger_open(r, "P", "2026-01-01 09:00", "办", "县", "t", "2026-06-30"), EG_OK);
	/* Same day: not later; the next day is. */
	assert_error(eg_ledger_extend(r, "P", "2026-01-02 09:00", "办", "2026-06-30", "x"), EG_EINVAL,
		     "new deadline 2026-06-30 must be a date after 2026-06-30");
	assert_error(eg_ledger_extend(r, "P", "2026-01-02 09:00", "办", "2026-06-31", "x"), EG_EINVAL, "2026-06-31");
	assert_error(eg_ledger_extend(r, "Q", "2026-01-02 09:00", "办", "2026-07-01", "x"), EG_ENOTFOUND, "problem Q not found");
	assert_error(eg_ledger_extend(NULL, "P", "2026-01-02 09:00", "办", "2026-07-01", "x"), EG_EINVAL, "eg_ledger_extend");
	assert_error(eg_ledger_extend(r, NULL, "2026-01-02 09:00", "办", "2026-07-01", "x"), EG_EINVAL, "eg_ledger_extend");
	assert_error(eg_ledger_extend(r, "P", "2026-01-02 09:00", "办", NULL, "x"), EG_EINVAL, "eg_ledger_extend");
	assert_int_equal(eg_records_version_count(r, "P"), 1);
	assert_int_equal(eg_ledger_extend(r, "P", "2026-01-02 09:00", "办", "2026-07-01", "x"), EG_OK);
	/* On 07-01 the new deadline day itself is not overdue; 07-02 is. */
	assert_int_equal(eg_ledger_status(&st, &od, r, "P", "2026-07-01"), EG_OK);
	assert_int_equal(od, 0);
	assert_int_equal(eg_ledger_status(&st, &od, r, "P", "2026-07-02"), EG_OK);
	assert_int_equal(od, 1);
	/* Status errors: unknown problem, a day before registration, a bad date. */
	assert_error(eg_ledger_status(&st, &od, r, "Q", "2026-07-02"), EG_ENOTFOUND, "problem Q not found");
	assert_error(eg_ledger_status(&st, &od, r, "P", "2025-12-31"), EG_ENOTFOUND, "not registered yet on 2025-12-31");
	assert_error(eg_ledger_status(&st, &od, r, "P", "2026-7-2"), EG_EINVAL, "\"2026-7-2\" is not YYYY-MM-DD");
	/* Registered at 09:00 on 01-01: that whole day counts. */
	assert_int_equal(eg_ledger_status(&st, &od, r, "P", "2026-01-01"), EG_OK);
	assert_int_equal(st, EG_LEDGER_OPEN);
	assert_error(eg_ledger_open(r, "R", "2026-01-01 09:00", "办", "县", "t", "2026-02-30"), EG_EINVAL,
		     "deadline \"2026-02-30\" is not YYYY-MM-DD");
	eg_records_free(r);
}

static void test_yl_closed_problem_past_its_deadline_is_not_overdue(void **state)
{
	(void)state;
	eg_records *r = store();
	int st, od;
	assert_int_equal(eg_ledger_open(r, "P", "2026-01-01 09:00", "办", "县", "t", "2026-03-31"), EG_OK);
	for (int to = EG_LEDGER_RECTIFYING; to <= EG_LEDGER_CLOSED; to++) {
		char t[20];
		snprintf(t, sizeof t, "2026-02-0%d 09:00", to);
		assert_int_equal(eg_ledger_transition(r, "P", t, "办", to, "推进"), EG_OK);
	}
	/* Closed on 02-05, judged 12-31 (after 03-31): not overdue. */
	assert_int_equal(eg_ledger_status(&st, &od, r, "P", "2026-12-31"), EG_OK);
	assert_int_equal(st, EG_LEDGER_CLOSED);
	assert_int_equal(od, 0);
	/* As of 02-04 it was reviewed, not closed; the deadline had not passed. */
	assert_int_equal(eg_ledger_status(&st, &od, r, "P", "2026-02-04"), EG_OK);
	assert_int_equal(st, EG_LEDGER_REVIEWED);
	assert_int_equal(od, 0);
	eg_records_free(r);
}

/* ---- CJ-A4-2.1 / CJ-A4-2.3 errors and ties ---- */

static void test_cj_a4_2_1_eligibility_errors_and_concluded_later(void **state)
{
	(void)state;
	int e = -1;
	assert_error(eg_case_eligible(NULL, "2026-01-01", 60, 0, NULL, "2026-03-03"), EG_EINVAL, "eg_case_eligible: NULL");
	assert_error(eg_case_eligible(&e, NULL, 60, 0, NULL, "2026-03-03"), EG_EINVAL, "eg_case_eligible: NULL");
	assert_error(eg_case_eligible(&e, "2026-01-01", 60, 0, NULL, NULL), EG_EINVAL, "eg_case_eligible: NULL");
	assert_error(eg_case_eligible(&e, "2026-1-1", 60, 0, NULL, "2026-03-03"), EG_EINVAL, "dates must be YYYY-MM-DD");
	assert_error(eg_case_eligible(&e, "2026-01-01", 60, 0, NULL, "2026-03-3"), EG_EINVAL, "dates must be YYYY-MM-DD");
	assert_error(eg_case_eligible(&e, "2026-01-01", 60, 1, "2026-9-1", "2026-09-01"), EG_EINVAL, "dates must be YYYY-MM-DD");
	assert_error(eg_case_eligible(&e, "2026-01-01", -1, 0, NULL, "2026-09-01"), EG_EINVAL, "legal period -1");
	/* Judged the day before the decision: refused; on the decision day: not final. */
	assert_error(eg_case_eligible(&e, "2026-01-01", 60, 0, NULL, "2025-12-31"), EG_EINVAL,
		     "2025-12-31 is before the decision on 2026-01-01");
	assert_int_equal(e, -1);
	assert_int_equal(eg_case_eligible(&e, "2026-01-01", 1, 0, NULL, "2026-01-01"), EG_OK);
	assert_int_equal(e, 0);
	/* Challenge concluded 09-01, judged 08-31: not final yet. */
	assert_int_equal(eg_case_eligible(&e, "2026-01-01", 60, 1, "2026-09-01", "2026-08-31"), EG_OK);
	assert_int_equal(e, 0);
}

static void test_cj_a4_2_3_earliest_of_several_names_and_errors(void **state)
{
	(void)state;
	size_t cp = 0;
	long hit = -2, which = -2;
	char *t = chinese(1000);
	const char *names[] = { "张三", "李四" }, *empty[] = { "张三", "" }, *nulln[] = { NULL };
	/* 张三 at byte 30, 李四 at byte 9: the earliest (李四, index 1) is reported. */
	memcpy(t + 30, "张三", 6);
	memcpy(t + 9, "李四", 6);
	assert_error(eg_case_text_check(&cp, &hit, &which, t, names, 2), EG_ESTATE, "names \"李四\" at byte 9");
	assert_int_equal(hit, 9);
	assert_int_equal(which, 1);
	assert_int_equal(cp, 1000); /* 2 + 2 names of 2 characters replace 4 characters */
	/* Names not in the text at all: no hit, -1 and -1. */
	{
		const char *none[] = { "王五", "赵六" };
		char *clean = chinese(1000);
		assert_int_equal(eg_case_text_check(&cp, &hit, &which, clean, none, 2), EG_OK);
		assert_int_equal(hit, -1);
		assert_int_equal(which, -1);
		assert_int_equal(eg_case_text_check(&cp, &hit, &which, clean, NULL, 0), EG_OK);
		free(clean);
	}
	assert_error(eg_case_text_check(&cp, &hit, &which, t, empty, 2), EG_EINVAL, "sensitive name 1 is empty");
	assert_error(eg_case_text_check(&cp, &hit, &which, t, nulln, 1), EG_EINVAL, "sensitive name 0 is empty");
	assert_error(eg_case_text_check(&cp, &hit, &which, t, NULL, 1), EG_EINVAL, "eg_case_text_check: NULL");
	assert_error(eg_case_text_check(NULL, &hit, &which, t, names, 2), EG_EINVAL, "eg_case_text_check: NULL");
	assert_error(eg_case_text_check(&cp, NULL, &which, t, names, 2), EG_EINVAL, "eg_case_text_check: NULL");
	assert_error(eg_case_text_check(&cp, &hit, NULL, t, names, 2), EG_EINVAL, "eg_case_text_check: NULL");
	assert_error(eg_case_text_check(&cp, &hit, &which, NULL, names, 2), EG_EINVAL, "eg_case_text_check: NULL");
	assert_error(eg_case_text_check(&cp, &hit, &which, "案\xFF", names, 2), EG_EUTF8, "case text is not valid UTF-8");
	free(t);
}

static void test_cj_a4_2_3_anonymise_longest_name_listed_first_and_errors(void **state)
{
	(void)state;
	char *anon = NULL;
	size_t rep = 99;
	/* The longer name listed first: the shorter one (later) must not win over it. */
	const char *n2[] = { "宏达化工有限公司", "宏达" }, *p2[] = { "某公司", "某人" };
	const char *bad_ph[] = { "\xFF" }, *null_ph[] = { NULL }, *one[] = { "宏达" }, *empty[] = { "" };
	assert_int_equal(eg_case_anonymise(&anon, &rep, "宏达与宏达化工有限公司", n2, p2, 2), EG_OK);
	assert_string_equal(anon, "某人与某公司");
	assert_int_equal(rep, 2);
	eg_string_free(anon);
	/* No names: a copy. An empty text: the empty string. */
	assert_int_equal(eg_case_anonymise(&anon, &rep, "原文", NULL, NULL, 0), EG_OK);
	assert_string_equal(anon, "原文");
	assert_int_equal(rep, 0);
	eg_string_free(anon);
	assert_int_equal(eg_case_anonymise(&anon, &rep, "", one, p2, 1), EG_OK);
	assert_string_equal(anon, "");
	assert_int_equal(rep, 0);
	eg_string_free(anon);
	anon = NULL;
	assert_error(eg_case_anonymise(&anon, &rep, "宏达", one, bad_ph, 1), EG_EINVAL, "name or placeholder 0 is empty or invalid");
	assert_error(eg_case_anonymise(&anon, &rep, "宏达", one, null_ph, 1), EG_EINVAL, "name or placeholder 0");
	assert_error(eg_case_anonymise(&anon, &rep, "宏达", empty, p2, 1), EG_EINVAL, "name or placeholder 0");
	assert_error(eg_case_anonymise(&anon, &rep, "宏\xFF", one, p2, 1), EG_EUTF8, "case text is not valid UTF-8");
	assert_null(anon);
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
	assert_int_equal(eg_heads_disclosure_check(&met, NULL, g, "C", full, 2, "2026-10-01", "2026-10-01", 0), EG_OK);
	assert_int_equal(met, 1);
	/* 1 day old with a limit of 0: not met. */
	assert_int_equal(eg_heads_disclosure_check(&met, &bad, g, "C", full, 2, "2026-10-01", "2026-10-02", 0), EG_OK);
	assert_int_equal(met, 0);
	assert_int_equal(bad, 0);
	/* A list dated after the day judged cannot be the one in force. */
	assert_int_equal(eg_heads_disclosure_check(&met, &bad, g, "C", full, 2, "2026-10-02", "2026-10-01", 30), EG_OK);
	assert_int_equal(met, 0);
	/* A NULL entry in the published list is one problem. */
	assert_int_equal(eg_heads_disclosure_check(&met, &bad, g, "C", with_null, 3, "2026-10-01", "2026-10-01", 30), EG_OK);
	assert_int_equal(met, 0);
	assert_int_equal(bad, 1);
	/* Nothing published: both heads missing, 2 problems. */
	assert_int_equal(eg_heads_disclosure_check(&met, &bad, g, "C", NULL, 0, "2026-10-01", "2026-10-01", 30), EG_OK);
	assert_int_equal(bad, 2);
	assert_error(eg_heads_disclosure_check(&met, &bad, g, "X", full, 2, "2026-10-01", "2026-10-01", 30), EG_ENOTFOUND, "X");
	assert_error(eg_heads_disclosure_check(&met, &bad, g, "C", full, 2, "2026-10-1", "2026-10-01", 30), EG_EINVAL,
		     "dates must be YYYY-MM-DD");
	assert_error(eg_heads_disclosure_check(&met, &bad, g, "C", full, 2, "2026-10-01", "2026-10-32", 30), EG_EINVAL,
		     "dates must be YYYY-MM-DD");
	assert_error(eg_heads_disclosure_check(&met, &bad, g, "C", full, 2, "2026-10-01", "2026-10-01", -1), EG_EINVAL,
		     "negative age");
	assert_error(eg_heads_disclosure_check(NULL, &bad, g, "C", full, 2, "2026-10-01", "2026-10-01", 0), EG_EINVAL, "NULL");
	assert_error(eg_heads_disclosure_check(&met, &bad, NULL, "C", full, 2, "2026-10-01", "2026-10-01", 0), EG_EINVAL, "NULL");
	assert_error(eg_heads_disclosure_check(&met, &bad, g, NULL, full, 2, "2026-10-01", "2026-10-01", 0), EG_EINVAL, "NULL");
	assert_error(eg_heads_disclosure_check(&met, &bad, g, "C", NULL, 2, "2026-10-01", "2026-10-01", 0), EG_EINVAL, "NULL");
	assert_error(eg_heads_disclosure_check(&met, &bad, g, "C", full, 2, NULL, "2026-10-01", 0), EG_EINVAL, "NULL");
	assert_error(eg_heads_disclosure_check(&met, &bad, g, "C", full, 2, "2026-10-01", NULL, 0), EG_EINVAL, "NULL");
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
	assert_int_equal(eg_top_n(out, &n, NULL, NULL, 0, 20), EG_OK);
	assert_int_equal(n, 0);
	/* Top 1 of B 2, A 1: B. */
	assert_int_equal(eg_top_n(out, &n, ids, m, 2, 1), EG_OK);
	assert_int_equal(n, 1);
	assert_int_equal(out[0], 1);
	assert_error(eg_top_n(out, &n, ids, m, 2, 0), EG_EINVAL, "top 0");
	assert_error(eg_top_n(NULL, &n, ids, m, 2, 1), EG_EINVAL, "eg_top_n");
	assert_error(eg_top_n(out, NULL, ids, m, 2, 1), EG_EINVAL, "eg_top_n");
	assert_error(eg_top_n(out, &n, NULL, m, 2, 1), EG_EINVAL, "eg_top_n");
	assert_error(eg_top_n(out, &n, ids, NULL, 2, 1), EG_EINVAL, "eg_top_n");
	assert_error(eg_top_n(out, &n, bad_ids, m, 2, 1), EG_EINVAL, "ID is empty");
}

static void test_cj_a4_4_1_case_batches_errors(void **state)
{
	(void)state;
	int q[4] = { 9, 9, 9, 9 };
	const char *with_null[] = { "2026-01-01", NULL }, *bad[] = { "2026-04-31" };
	/* No publication: no quarter has a batch. */
	assert_int_equal(eg_case_batches(q, NULL, 0, 2026), EG_OK);
	assert_int_equal(q[0] + q[1] + q[2] + q[3], 0);
	assert_error(eg_case_batches(q, with_null, 2, 2026), EG_EINVAL, "publication date 1 \"(null)\"");
	assert_error(eg_case_batches(q, bad, 1, 2026), EG_EINVAL, "publication date 0 \"2026-04-31\"");
}

static void test_yl_5_3_summary_skips_later_and_unowned_records(void **state)
{
	(void)state;
	eg_records *r = store();
	size_t c[6] = { 9, 9, 9, 9, 9, 9 };
	const char *units[] = { NULL, "住建局" };
	assert_int_equal(eg_ledger_open(r, "A", "2026-01-01 09:00", "办", "住建局", "t", "2026-03-31"), EG_OK);
	/* Registered after the day judged: not counted. */
	assert_int_equal(eg_ledger_open(r, "B", "2026-05-01 09:00", "办", "住建局", "t", "2026-12-31"), EG_OK);
	/* A record with no lead unit: not a ledger entry. */
	put1(r, "JM-1", "2026-01-01 09:00", "progress", "x");
	/* On 2026-04-30: the NULL unit counts nothing; 住建局 has A only: 1 registered, 0 closed, 1 overdue. */
	assert_int_equal(eg_ledger_summary(c, r, units, 2, "2026-04-30"), EG_OK);
	assert_int_equal(c[0] * 100 + c[1] * 10 + c[2], 0);
	assert_int_equal(c[3] * 100 + c[4] * 10 + c[5], 101);
	assert_error(eg_ledger_summary(c, r, units, 2, "2026-4-30"), EG_EINVAL, "\"2026-4-30\" is not YYYY-MM-DD");
	eg_records_free(r);
}

static void test_yl_5_4_dg_61_dg_67_due_dates_bounds_and_errors(void **state)
{
	(void)state;
	char due[11] = "unchanged";
	/* DG-67: 3 months is the shortest restriction: 2026-03-15 -> 2026-06-15; 2 is refused. */
	assert_int_equal(eg_obligation_due(due, EG_OBLIGATION_DG_67, "2026-03-15", 3), EG_OK);
	assert_string_equal(due, "2026-06-15");
	assert_error(eg_obligation_due(due, EG_OBLIGATION_DG_67, "2026-03-15", 2), EG_ERANGE, "2 months is not 3-12");
	/* YL-5.4: 2024-11-30 + 3 months -> 2025-02-28 (not a leap year); 2023-11-30 -> 2024-02-29. */
	assert_int_equal(eg_obligation_due(due, EG_OBLIGATION_YL_5_4, "2023-11-30", 0), EG_OK);
	assert_string_equal(due, "2024-02-29");
	/* The last dates that have a due date: 9999-09-30 + 3 -> 9999-12-30, and
	 * 9999-11-30 + 1 (DG-61) -> 9999-12-30. */
	assert_int_equal(eg_obligation_due(due, EG_OBLIGATION_YL_5_4, "9999-09-30", 0), EG_OK);
	assert_string_equal(due, "9999-12-30");
	assert_int_equal(eg_obligation_due(due, EG_OBLIGATION_DG_61, "9999-11-30", 0), EG_OK);
	assert_string_equal(due, "9999-12-30");
	/* Regression: 9999-11-30 + 3 months is 10000-02-29, which used to come
	 * back as "0000-02-29" with EG_OK; it is out of range. */
	strcpy(due, "unchanged");
	assert_error(eg_obligation_due(due, EG_OBLIGATION_YL_5_4, "9999-11-30", 0), EG_ERANGE,
		     "9999-11-30 plus 3 months is after 9999-12-31");
	assert_error(eg_obligation_due(due, EG_OBLIGATION_DG_61, "9999-12-01", 0), EG_ERANGE,
		     "9999-12-01 plus 1 months is after 9999-12-31");
	assert_string_equal(due, "unchanged");
	assert_error(eg_obligation_due(due, 3, "2026-03-15", 0), EG_EINVAL, "kind 3 is not one of eg_obligation");
	assert_error(eg_obligation_due(due, -1, "2026-03-15", 0), EG_EINVAL, "kind -1");
	assert_error(eg_obligation_due(due, EG_OBLIGATION_DG_61, NULL, 0), EG_EINVAL, "start \"(null)\"");
	assert_error(eg_obligation_due(due, EG_OBLIGATION_DG_61, "2026-3-15", 0), EG_EINVAL, "start \"2026-3-15\"");
	assert_error(eg_obligation_due(NULL, EG_OBLIGATION_DG_61, "2026-03-15", 0), EG_EINVAL, "eg_obligation_due");
}

static void test_yl_5_4_obligation_overdue_both_sides_and_errors(void **state)
{
	(void)state;
	int late = -1;
	/* Done the day after the due date: late, whatever the day judged. */
	assert_int_equal(eg_obligation_overdue(&late, "2026-02-28", "2026-03-01", "2026-01-01"), EG_OK);
	assert_int_equal(late, 1);
	/* Not done, judged on the due day: not yet overdue. */
	assert_int_equal(eg_obligation_overdue(&late, "2026-02-28", NULL, "2026-02-28"), EG_OK);
	assert_int_equal(late, 0);
	assert_error(eg_obligation_overdue(NULL, "2026-02-28", NULL, "2026-02-28"), EG_EINVAL, "dates must be YYYY-MM-DD");
	assert_error(eg_obligation_overdue(&late, NULL, NULL, "2026-02-28"), EG_EINVAL, "dates must be YYYY-MM-DD");
	assert_error(eg_obligation_overdue(&late, "2026-02-28", NULL, NULL), EG_EINVAL, "dates must be YYYY-MM-DD");
	assert_error(eg_obligation_overdue(&late, "2026-02-29", NULL, "2026-02-28"), EG_EINVAL, "dates must be YYYY-MM-DD");
	assert_error(eg_obligation_overdue(&late, "2026-02-28", NULL, "2026-2-28"), EG_EINVAL, "dates must be YYYY-MM-DD");
	assert_error(eg_obligation_overdue(&late, "2026-02-28", "2026-0301", "2026-02-28"), EG_EINVAL, "dates must be YYYY-MM-DD");
}

static void test_yl_4_every_comparator_on_both_sides(void **state)
{
	(void)state;
	static const struct {
		const char *cmp;
		int64_t value, target;
		int expect;
	} rows[] = {
		{ ">", 601, 600, 1 },  { ">", 600, 600, 0 },  /* strictly above */
		{ "<=", 600, 600, 1 }, { "<=", 601, 600, 0 }, /* at most */
		{ "<", 599, 600, 1 },  { "<", 600, 600, 0 },  /* strictly below */
		{ "==", 600, 600, 1 }, { "==", 599, 600, 0 }, /* exactly */
	};
	int ok;
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		ok = -1;
		assert_int_equal(eg_target_attained(&ok, rows[i].value, rows[i].cmp, rows[i].target), EG_OK);
		if (ok != rows[i].expect)
			fail_msg("%lld %s %lld gave %d", (long long)rows[i].value, rows[i].cmp, (long long)rows[i].target, ok);
	}
	assert_error(eg_target_attained(NULL, 1, ">=", 1), EG_EINVAL, "eg_target_attained: NULL");
	assert_error(eg_target_attained(&ok, 1, NULL, 1), EG_EINVAL, "eg_target_attained: NULL");
	assert_error(eg_target_attained(&ok, 1, "", 1), EG_EINVAL, "comparator \"\" is not");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_records_every_null_argument_is_einval),
		cmocka_unit_test(test_records_history_as_of_and_append_only),
		cmocka_unit_test(test_records_serialise_round_trip_byte_exact),
		cmocka_unit_test(test_jm_2_1_2_deadline_3rd_at_2359_and_q4_rollover),
		cmocka_unit_test(test_yl_5_5_every_allowed_and_forbidden_transition),
		cmocka_unit_test(test_yl_rejected_close_out_extension_and_overdue),
		cmocka_unit_test(test_cj_a4_2_1_eligibility),
		cmocka_unit_test(test_cj_a4_2_3_length_999_1000_1500_1501),
		cmocka_unit_test(test_cj_a2_5_3_heads_disclosed_and_up_to_date),
		cmocka_unit_test(test_jm_2_1_top_n_with_ties),
		cmocka_unit_test(test_cj_a4_4_1_yl_5_3_yl_5_4_dg_61_dg_67_yl_4),
		cmocka_unit_test(test_records_parse_rejects_each_malformed_field),
		cmocka_unit_test(test_records_every_allocation_failure_is_clean),
		cmocka_unit_test(test_records_value_limits_and_bad_fields),
		cmocka_unit_test(test_records_growth_past_16_records_and_4_versions),
		cmocka_unit_test(test_records_parse_each_token_names_its_line),
		cmocka_unit_test(test_records_parse_refuses_text_that_is_not_canonical),
		cmocka_unit_test(test_jm_2_1_2_deadline_year_and_quarter_bounds),
		cmocka_unit_test(test_yl_5_5_state_names_and_out_of_range_states),
		cmocka_unit_test(test_yl_ledger_calls_on_a_record_that_is_not_a_ledger),
		cmocka_unit_test(test_yl_5_5_extension_must_be_strictly_later),
		cmocka_unit_test(test_yl_closed_problem_past_its_deadline_is_not_overdue),
		cmocka_unit_test(test_cj_a4_2_1_eligibility_errors_and_concluded_later),
		cmocka_unit_test(test_cj_a4_2_3_earliest_of_several_names_and_errors),
		cmocka_unit_test(test_cj_a4_2_3_anonymise_longest_name_listed_first_and_errors),
		cmocka_unit_test(test_cj_a2_5_3_disclosure_errors_and_boundaries),
		cmocka_unit_test(test_jm_2_1_top_n_errors_and_empty_input),
		cmocka_unit_test(test_cj_a4_4_1_case_batches_errors),
		cmocka_unit_test(test_yl_5_3_summary_skips_later_and_unowned_records),
		cmocka_unit_test(test_yl_5_4_dg_61_dg_67_due_dates_bounds_and_errors),
		cmocka_unit_test(test_yl_5_4_obligation_overdue_both_sides_and_errors),
		cmocka_unit_test(test_yl_4_every_comparator_on_both_sides),
	};
	return cmocka_run_group_tests_name("records", tests, NULL, NULL);
}
