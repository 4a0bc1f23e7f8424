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

int main(void)
{
	const struct CMUnitTest tests[] = {
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
	};
	return cmocka_run_group_tests_name("records", tests, NULL, NULL);
}
