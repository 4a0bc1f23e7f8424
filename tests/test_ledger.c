/* ledger.h: YL-2, YL-4, YL-5.3, YL-5.5 rectification ledgers. */
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
	assert_int_equal(eg_records_put(r, id, time, "江门市环委办", "季度更新", &(eg_records_put_options){ EG_RECORDS_PUT_OPTIONS_VERSION, &key, &value, 1 }), EG_OK);
}

/* A step with the evidence YL-5.5 asks, by the actor it asks: the lead unit
 * verifies and applies, the office (the actor that opened it) reviews,
 * archives and sends back. */
static int lstep(eg_records *r, const char *id, const char *t, const char *lead, const char *office, int to)
{
	eg_ledger_step_options o = EG_LEDGER_STEP_OPTIONS_INIT;
	char day[11];
	snprintf(day, sizeof day, "%.10s", t);
	o.time = t, o.reason = "依据YL-5.5";
	o.actor = to == EG_LEDGER_STATE_VERIFIED || to == EG_LEDGER_STATE_APPLIED ? lead : office;
	o.principal = "局长", o.signed_on = day, o.acceptance = "验收意见及报告";
	o.notice_from = day, o.notice_to = day;
	return eg_ledger_step(r, id, to, &o);
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
			assert_int_equal(eg_ledger_open(r, "YL-1", "2026-01-01 09:00", "整改办", &(eg_ledger_open_options){ EG_LEDGER_OPEN_OPTIONS_VERSION, "榆林市住建局", "城区清洁取暖率≥60%", "2026-12-31" }), EG_OK);
			for (int k = 0; k < 5 && path[from][k] >= 0 && from > 0; k++) {
				snprintf(t, sizeof t, "2026-02-01 10:%02d", minute++);
				assert_int_equal(lstep(r, "YL-1", t, "榆林市住建局", "整改办", path[from][k]), EG_OK);
			}
			snprintf(t, sizeof t, "2026-03-01 10:%02d", minute);
			if (ok[from][to]) {
				assert_int_equal(lstep(r, "YL-1", t, "榆林市住建局", "整改办", to), EG_OK);
				assert_int_equal(eg_ledger_status(&st, &od, r, "YL-1", "2026-03-01"), EG_OK);
				assert_int_equal(st, to);
			} else {
				size_t before = eg_records_version_count(r, "YL-1");
				assert_error(lstep(r, "YL-1", t, "榆林市住建局", "整改办", to), EG_ESTATE, "is not allowed (YL-5.5)");
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
	assert_int_equal(eg_ledger_open(r, "P", "2026-01-01 09:00", "整改办", &(eg_ledger_open_options){ EG_LEDGER_OPEN_OPTIONS_VERSION, "某县政府", "污水处理率≥93%", "2026-06-30" }), EG_OK);
	assert_error(eg_ledger_open(r, "P", "2026-01-01 09:00", "整改办", &(eg_ledger_open_options){ EG_LEDGER_OPEN_OPTIONS_VERSION, "某县政府", "x", "2026-06-30" }), EG_EEXISTS, "already");
	assert_int_equal(eg_ledger_transition(r, "P", "2026-02-01 09:00", "某县政府", EG_LEDGER_STATE_RECTIFYING, "开始整改"), EG_OK);
	assert_int_equal(lstep(r, "P", "2026-05-01 09:00", "某县政府", "整改办", EG_LEDGER_STATE_VERIFIED), EG_OK);
	assert_int_equal(lstep(r, "P", "2026-05-02 09:00", "某县政府", "整改办", EG_LEDGER_STATE_APPLIED), EG_OK);
	assert_int_equal(eg_ledger_transition(r, "P", "2026-05-10 09:00", "整改办", EG_LEDGER_STATE_REVIEWED, "资料审核、现场核查"), EG_OK);
	assert_int_equal(eg_ledger_transition(r, "P", "2026-05-12 09:00", "整改办", EG_LEDGER_STATE_RECTIFYING, "未达标，退回继续整改"), EG_OK);
	/* On 2026-07-01 the deadline 06-30 has passed and it is not closed: overdue. */
	assert_int_equal(eg_ledger_status(&st, &od, r, "P", "2026-07-01"), EG_OK);
	assert_int_equal(st, EG_LEDGER_STATE_RECTIFYING);
	assert_int_equal(od, 1);
	assert_int_equal(eg_ledger_status(&st, &od, r, "P", "2026-06-30"), EG_OK);
	assert_int_equal(od, 0); /* the deadline day itself is not overdue */
	assert_int_equal(eg_ledger_extend(r, "P", "2026-07-02 09:00", "整改办", "2026-09-30", "冬季施工受限"), EG_OK);
	assert_error(eg_ledger_extend(r, "P", "2026-07-03 09:00", "整改办", "2026-09-01", "x"), EG_EINVAL, "must be a date after");
	assert_int_equal(eg_ledger_status(&st, &od, r, "P", "2026-07-05"), EG_OK);
	assert_int_equal(od, 0);
	assert_int_equal(eg_records_get(&v, r, "P", "deadline", "2026-07-01 00:00"), EG_OK);
	assert_string_equal(v, "2026-06-30"); /* history keeps the old deadline */
	assert_int_equal(lstep(r, "P", "2026-08-01 09:00", "某县政府", "整改办", EG_LEDGER_STATE_VERIFIED), EG_OK);
	assert_int_equal(lstep(r, "P", "2026-08-02 09:00", "某县政府", "整改办", EG_LEDGER_STATE_APPLIED), EG_OK);
	assert_int_equal(eg_ledger_transition(r, "P", "2026-08-10 09:00", "整改办", EG_LEDGER_STATE_REVIEWED, "审核通过"), EG_OK);
	assert_int_equal(lstep(r, "P", "2026-08-20 09:00", "某县政府", "整改办", EG_LEDGER_STATE_CLOSED), EG_OK);
	assert_error(eg_ledger_extend(r, "P", "2026-08-21 09:00", "整改办", "2026-12-31", "x"), EG_ESTATE, "closed");
	assert_error(eg_ledger_transition(r, "P", "2026-08-21 09:00", "整改办", EG_LEDGER_STATE_RECTIFYING, "x"), EG_ESTATE, "archived");
	/* open, rectifying, verified, applied, reviewed, rectifying, extended,
	 * verified, applied, reviewed, closed = 11 versions, none lost. */
	assert_int_equal(eg_records_version_count(r, "P"), 11);
	eg_records_free(r);
}

/* YL-5.5 「牵头单位主要负责同志现场验收签字」: the lead unit, its principal named, the day signed. */
static void test_yl_5_5_verified_needs_the_principals_signature(void **state)
{
	(void)state;
	eg_records *r = store();
	eg_ledger_step_options o = EG_LEDGER_STEP_OPTIONS_INIT;
	assert_int_equal(eg_ledger_open(r, "P", "2026-01-01 09:00", "整改办", &(eg_ledger_open_options){ EG_LEDGER_OPEN_OPTIONS_VERSION, "某县政府", "t", "2026-06-30" }), EG_OK);
	assert_int_equal(eg_ledger_transition(r, "P", "2026-02-01 09:00", "某县政府", EG_LEDGER_STATE_RECTIFYING, "开始"), EG_OK);
	/* Free text no longer stands for the signature. */
	assert_error(eg_ledger_transition(r, "P", "2026-05-01 09:00", "某县政府", EG_LEDGER_STATE_VERIFIED, "已签字"), EG_EINVAL,
		     "the principal's on-site signature");
	o.time = "2026-05-01 09:00", o.actor = "某县政府", o.reason = "现场验收";
	assert_error(eg_ledger_step(r, "P", EG_LEDGER_STATE_VERIFIED, &o), EG_EINVAL, "principal who signed");
	o.principal = "县长";
	assert_error(eg_ledger_step(r, "P", EG_LEDGER_STATE_VERIFIED, &o), EG_EINVAL, "signing day");
	o.signed_on = "2026-05-02"; /* after the step: refused */
	assert_error(eg_ledger_step(r, "P", EG_LEDGER_STATE_VERIFIED, &o), EG_EINVAL, "after the step");
	o.signed_on = "2026-05-01", o.actor = "整改办"; /* not the lead unit */
	assert_error(eg_ledger_step(r, "P", EG_LEDGER_STATE_VERIFIED, &o), EG_ESTATE, "the lead unit's (某县政府)");
	assert_int_equal(eg_records_version_count(r, "P"), 2); /* nothing changed */
	o.actor = "某县政府";
	assert_int_equal(eg_ledger_step(r, "P", EG_LEDGER_STATE_VERIFIED, &o), EG_OK); /* signed that day: on time */
	{
		const char *v;
		assert_int_equal(eg_records_get(&v, r, "P", "principal", NULL), EG_OK);
		assert_string_equal(v, "县长");
		assert_int_equal(eg_records_get(&v, r, "P", "signed_on", NULL), EG_OK);
		assert_string_equal(v, "2026-05-01");
	}
	/* Applied: 「验收意见和验收报告及佐证材料」, by the lead unit. */
	o.time = "2026-05-02 09:00";
	assert_error(eg_ledger_step(r, "P", EG_LEDGER_STATE_APPLIED, &o), EG_EINVAL, "acceptance opinion and report");
	o.acceptance = "验收报告第12号";
	o.actor = "整改办";
	assert_error(eg_ledger_step(r, "P", EG_LEDGER_STATE_APPLIED, &o), EG_ESTATE, "applied for by the lead unit");
	o.actor = "某县政府";
	assert_int_equal(eg_ledger_step(r, "P", EG_LEDGER_STATE_APPLIED, &o), EG_OK);
	eg_records_free(r);
}

/* YL-5.5 "the office reviews the documents, checks on site and publicises;
 * the problem is archived (备案, closed) if it meets the standard". */
static void test_yl_5_5_closed_by_the_office_after_the_public_notice(void **state)
{
	(void)state;
	eg_records *r = store();
	eg_ledger_step_options o = EG_LEDGER_STEP_OPTIONS_INIT;
	assert_int_equal(eg_ledger_open(r, "P", "2026-01-01 09:00", "整改办", &(eg_ledger_open_options){ EG_LEDGER_OPEN_OPTIONS_VERSION, "某县政府", "t", "2026-06-30" }), EG_OK);
	for (int to = EG_LEDGER_STATE_RECTIFYING; to <= EG_LEDGER_STATE_APPLIED; to++)
		assert_int_equal(lstep(r, "P", "2026-03-01 09:00", "某县政府", "整改办", to), EG_OK);
	/* The review is the office's, not the lead unit's. */
	assert_error(eg_ledger_transition(r, "P", "2026-03-05 09:00", "某县政府", EG_LEDGER_STATE_REVIEWED, "自审"), EG_ESTATE,
		     "rectification office's (整改办)");
	assert_int_equal(eg_ledger_transition(r, "P", "2026-03-05 09:00", "整改办", EG_LEDGER_STATE_REVIEWED, "审核"), EG_OK);
	assert_error(eg_ledger_transition(r, "P", "2026-03-20 09:00", "整改办", EG_LEDGER_STATE_CLOSED, "销号"), EG_EINVAL,
		     "public notice");
	o.time = "2026-03-20 09:00", o.actor = "整改办", o.reason = "达标销号";
	o.notice_from = "2026-03-10", o.notice_to = "2026-03-21"; /* the notice has not ended */
	assert_error(eg_ledger_step(r, "P", EG_LEDGER_STATE_CLOSED, &o), EG_EINVAL, "last day of the public notice");
	o.notice_from = "2026-03-15", o.notice_to = "2026-03-12";
	assert_error(eg_ledger_step(r, "P", EG_LEDGER_STATE_CLOSED, &o), EG_EINVAL, "before it begins");
	o.notice_from = "2026-03-10", o.notice_to = "2026-03-20"; /* ended on the day of the step */
	o.actor = "某县政府";
	assert_error(eg_ledger_step(r, "P", EG_LEDGER_STATE_CLOSED, &o), EG_ESTATE, "not 某县政府's");
	o.actor = "整改办";
	assert_int_equal(eg_ledger_step(r, "P", EG_LEDGER_STATE_CLOSED, &o), EG_OK);
	eg_records_free(r);
	/* A send-back is the office's too. */
	r = store();
	assert_int_equal(eg_ledger_open(r, "P", "2026-01-01 09:00", "整改办", &(eg_ledger_open_options){ EG_LEDGER_OPEN_OPTIONS_VERSION, "某县政府", "t", "2026-06-30" }), EG_OK);
	for (int to = EG_LEDGER_STATE_RECTIFYING; to <= EG_LEDGER_STATE_APPLIED; to++)
		assert_int_equal(lstep(r, "P", "2026-03-01 09:00", "某县政府", "整改办", to), EG_OK);
	assert_error(eg_ledger_transition(r, "P", "2026-03-02 09:00", "某县政府", EG_LEDGER_STATE_RECTIFYING, "撤回"), EG_ESTATE,
		     "sends a problem back");
	assert_error(eg_ledger_step(r, "P", EG_LEDGER_STATE_RECTIFYING, NULL), EG_EINVAL, "NULL");
	o = (eg_ledger_step_options)EG_LEDGER_STEP_OPTIONS_INIT;
	o.version = 2;
	assert_error(eg_ledger_step(r, "P", EG_LEDGER_STATE_RECTIFYING, &o), EG_EINVAL, "version 2");
	o.version = EG_LEDGER_STEP_OPTIONS_VERSION, o.time = "2026-03-02", o.actor = "整改办";
	assert_error(eg_ledger_step(r, "P", EG_LEDGER_STATE_RECTIFYING, &o), EG_EINVAL, "HH:MM");
	o.time = "2026-03-02 09:00", o.actor = NULL;
	assert_error(eg_ledger_step(r, "P", EG_LEDGER_STATE_RECTIFYING, &o), EG_EINVAL, "actor");
	{
		eg_ledger_step_options x;
		memset(&x, 0x5a, sizeof x);
		assert_error(eg_ledger_step_options_init(&x, 0), EG_EINVAL, "version 0");
		assert_int_equal(x.version, 0x5a5a5a5au);
		assert_int_equal(eg_ledger_step_options_init(&x, EG_LEDGER_STEP_OPTIONS_VERSION), EG_OK);
		assert_null(x.principal);
	}
	eg_records_free(r);
}

/* The deadline is the office's: "any actor may extend a deadline (which clears overdue)" no more;
 * YL-5.3 「推进不力、进度明显滞后」: overdue days stay in the month even after a later extension. */
static void test_yl_5_3_extension_by_the_office_and_clearly_behind(void **state)
{
	(void)state;
	eg_records *r = store();
	const char *units[] = { "某县政府", "某区政府" };
	size_t behind[2] = { 9, 9 };
	int st, od;
	assert_int_equal(eg_ledger_open(r, "P", "2026-01-01 09:00", "整改办", &(eg_ledger_open_options){ EG_LEDGER_OPEN_OPTIONS_VERSION, "某县政府", "t", "2026-06-30" }), EG_OK);
	assert_int_equal(eg_ledger_open(r, "Q", "2026-01-01 09:00", "整改办", &(eg_ledger_open_options){ EG_LEDGER_OPEN_OPTIONS_VERSION, "某区政府", "t", "2026-12-31" }), EG_OK);
	/* The lead unit cannot move its own deadline. */
	assert_error(eg_ledger_extend(r, "P", "2026-06-20 09:00", "某县政府", "2026-09-30", "延期"), EG_ESTATE,
		     "only the rectification office that registered it (整改办)");
	/* June: the deadline 30 June holds: not behind. */
	assert_int_equal(eg_ledger_behind(behind, r, units, 2, "2026-06"), EG_OK);
	assert_int_equal(behind[0], 0);
	/* Extended by the office on 5 July, after it lapsed: overdue 1-5 July. */
	assert_int_equal(eg_ledger_extend(r, "P", "2026-07-05 09:00", "整改办", "2026-09-30", "汛期"), EG_OK);
	assert_int_equal(eg_ledger_status(&st, &od, r, "P", "2026-07-03"), EG_OK);
	assert_int_equal(od, 1); /* as of 3 July it was overdue */
	assert_int_equal(eg_ledger_status(&st, &od, r, "P", "2026-07-06"), EG_OK);
	assert_int_equal(od, 0);
	/* July: clearly behind (1 July was past the deadline then); August: not. */
	assert_int_equal(eg_ledger_behind(behind, r, units, 2, "2026-07"), EG_OK);
	assert_int_equal(behind[0], 1);
	assert_int_equal(behind[1], 0);
	assert_int_equal(eg_ledger_behind(behind, r, units, 2, "2026-08"), EG_OK);
	assert_int_equal(behind[0], 0);
	/* October: past 30 September again. */
	assert_int_equal(eg_ledger_behind(behind, r, units, 2, "2026-10"), EG_OK);
	assert_int_equal(behind[0], 1);
	assert_error(eg_ledger_behind(behind, r, units, 2, "2026-13"), EG_EINVAL, "2026-13");
	assert_error(eg_ledger_behind(NULL, r, units, 2, "2026-10"), EG_EINVAL, "NULL");
	assert_error(eg_ledger_behind(behind, r, NULL, 2, "2026-10"), EG_EINVAL, "NULL");
	assert_error(eg_ledger_extend(r, "P", "2026-07-06 09:00", NULL, "2026-10-30", "x"), EG_EINVAL, "NULL");
	eg_records_free(r);
}

static void test_yl_4_target_and_yl_5_3_summary(void **state)
{
	(void)state;
	int ok;
	/* YL-4: urban clean heating 59.9 % (599 tenths) >= 60 % (600)? no; 60.0 % yes. */
	assert_int_equal(eg_ledger_target_attained(&ok, 599, ">=", 600), EG_OK);
	assert_int_equal(ok, 0);
	assert_int_equal(eg_ledger_target_attained(&ok, 600, ">=", 600), EG_OK);
	assert_int_equal(ok, 1);
	assert_error(eg_ledger_target_attained(&ok, 1, "=>", 1), EG_EINVAL, "comparator");
	{
		eg_records *r = store();
		size_t c[6];
		const char *units[] = { "住建局", "环保局" };
		assert_int_equal(eg_ledger_open(r, "A", "2026-01-01 09:00", "办", &(eg_ledger_open_options){ EG_LEDGER_OPEN_OPTIONS_VERSION, "住建局", "t", "2026-03-31" }), EG_OK);
		assert_int_equal(eg_ledger_open(r, "B", "2026-01-01 09:00", "办", &(eg_ledger_open_options){ EG_LEDGER_OPEN_OPTIONS_VERSION, "住建局", "t", "2026-12-31" }), EG_OK);
		assert_int_equal(eg_ledger_open(r, "C", "2026-01-01 09:00", "办", &(eg_ledger_open_options){ EG_LEDGER_OPEN_OPTIONS_VERSION, "环保局", "t", "2026-03-31" }), EG_OK);
		/* YL-5.3 on 2026-04-30: 住建局 2 registered, 0 closed, 1 overdue (A); 环保局 1, 0, 1. */
		assert_int_equal(eg_ledger_summary(c, r, units, 2, "2026-04-30"), EG_OK);
		assert_int_equal(c[0] * 100 + c[1] * 10 + c[2], 201);
		assert_int_equal(c[3] * 100 + c[4] * 10 + c[5], 101);
		eg_records_free(r);
	}
}

static int scenario_ledger(void *unused)
{
	(void)unused;
	eg_records *r = NULL, *back = NULL;
	char *text = NULL;
	const char *k = "progress", *v = "50%";
	int rc;
	if ((rc = eg_records_new(&r)) < 0)
		return rc;
	if ((rc = eg_ledger_open(r, "P", "2026-01-01 09:00", "a", &(eg_ledger_open_options){ EG_LEDGER_OPEN_OPTIONS_VERSION, "b", "c", "2026-06-30" })) == EG_OK &&
	    (rc = eg_records_put(r, "P", "2026-01-02 09:00", "a", "b", &(eg_records_put_options){ EG_RECORDS_PUT_OPTIONS_VERSION, &k, &v, 1 })) == EG_OK &&
	    (rc = eg_ledger_transition(r, "P", "2026-01-03 09:00", "a", EG_LEDGER_STATE_RECTIFYING, "b")) == EG_OK &&
	    (rc = eg_records_serialize(&text, r)) == EG_OK)
		rc = eg_records_parse(&back, text, strlen(text));
	if (rc < 0 && r)
		assert_true(eg_records_version_count(r, "P") <= 3);
	eg_string_free(text);
	eg_records_free(back);
	eg_records_free(r);
	return rc;
}

static void test_yl_ledger_every_allocation_failure_is_clean(void **state)
{
	(void)state;
	assert_true(tu_alloc_fail_loop(scenario_ledger, NULL) > 10);
}

/* Every NULL argument of the ledger functions is refused with EG_EINVAL. */
static void test_yl_every_null_argument_is_einval(void **state)
{
	(void)state;
	eg_records *r = store();
	const char *names[] = { "宏达" };
	size_t counts[6];
	int st, od;
	assert_error(eg_ledger_open(NULL, "P", "2026-01-05 09:00", "x", &(eg_ledger_open_options){ EG_LEDGER_OPEN_OPTIONS_VERSION, "u", "t", "2026-06-30" }), EG_EINVAL, "eg_ledger_open");
	assert_error(eg_ledger_open(r, NULL, "2026-01-05 09:00", "x", &(eg_ledger_open_options){ EG_LEDGER_OPEN_OPTIONS_VERSION, "u", "t", "2026-06-30" }), EG_EINVAL, "eg_ledger_open");
	assert_error(eg_ledger_open(r, "P", "2026-01-05 09:00", "x", &(eg_ledger_open_options){ EG_LEDGER_OPEN_OPTIONS_VERSION, NULL, "t", "2026-06-30" }), EG_EINVAL, "lead unit");
	assert_error(eg_ledger_open(r, "P", "2026-01-05 09:00", "x", &(eg_ledger_open_options){ EG_LEDGER_OPEN_OPTIONS_VERSION, "u", NULL, "2026-06-30" }), EG_EINVAL, "target");
	assert_error(eg_ledger_open(r, "P", "2026-01-05 09:00", "x", &(eg_ledger_open_options){ EG_LEDGER_OPEN_OPTIONS_VERSION, "u", "t", NULL }), EG_EINVAL, "deadline \"(null)\"");
	assert_error(eg_ledger_status(NULL, &od, r, "P", "2026-01-05"), EG_EINVAL, NULL);
	assert_error(eg_ledger_status(&st, NULL, r, "P", "2026-01-05"), EG_EINVAL, NULL);
	assert_error(eg_ledger_status(&st, &od, NULL, "P", "2026-01-05"), EG_EINVAL, NULL);
	assert_error(eg_ledger_status(&st, &od, r, NULL, "2026-01-05"), EG_EINVAL, NULL);
	assert_error(eg_ledger_status(&st, &od, r, "P", NULL), EG_EINVAL, NULL);
	assert_error(eg_ledger_summary(NULL, r, names, 1, "2026-01-05"), EG_EINVAL, NULL);
	assert_error(eg_ledger_summary(counts, NULL, names, 1, "2026-01-05"), EG_EINVAL, NULL);
	assert_error(eg_ledger_summary(counts, r, NULL, 1, "2026-01-05"), EG_EINVAL, NULL);
	assert_error(eg_ledger_summary(counts, r, names, 1, NULL), EG_EINVAL, NULL);
	/* Nothing was added by any of the refused calls. */
	assert_int_equal(eg_records_count(r), 0);
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
	assert_int_equal(eg_ledger_open(r, "P", "2026-01-01 09:00", "办", &(eg_ledger_open_options){ EG_LEDGER_OPEN_OPTIONS_VERSION, "县", "t", "2026-06-30" }), EG_OK);
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
	assert_error(eg_ledger_transition(r, "JM-1", "2026-01-02 09:00", "办", EG_LEDGER_STATE_RECTIFYING, "x"), EG_ESTATE,
		     "problem JM-1: ? -> rectifying is not allowed");
	assert_error(eg_ledger_extend(r, "JM-1", "2026-01-02 09:00", "江门市环委办", "2026-12-31", "x"), EG_EINVAL,
		     "must be a date after (none)");
	/* State unknown (-1), and no deadline: never overdue. */
	assert_int_equal(eg_ledger_status(&st, &od, r, "JM-1", "2026-12-31"), EG_OK);
	assert_int_equal(st, -1);
	assert_int_equal(od, 0);
	/* A state but a deadline that is not a date: not overdue either. */
	{
		const char *k[] = { "state", "deadline" }, *v[] = { "open", "年底前" };
		assert_int_equal(eg_records_put(r, "X", "2026-01-01 09:00", "办", "x", &(eg_records_put_options){ EG_RECORDS_PUT_OPTIONS_VERSION, k, v, 2 }), EG_OK);
		assert_int_equal(eg_ledger_status(&st, &od, r, "X", "2027-06-30"), EG_OK);
		assert_int_equal(st, EG_LEDGER_STATE_OPEN);
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
	assert_int_equal(eg_ledger_open(r, "P", "2026-01-01 09:00", "办", &(eg_ledger_open_options){ EG_LEDGER_OPEN_OPTIONS_VERSION, "县", "t", "2026-06-30" }), EG_OK);
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
	assert_int_equal(st, EG_LEDGER_STATE_OPEN);
	assert_error(eg_ledger_open(r, "R", "2026-01-01 09:00", "办", &(eg_ledger_open_options){ EG_LEDGER_OPEN_OPTIONS_VERSION, "县", "t", "2026-02-30" }), EG_EINVAL,
		     "deadline \"2026-02-30\" is not YYYY-MM-DD");
	eg_records_free(r);
}

static void test_yl_closed_problem_past_its_deadline_is_not_overdue(void **state)
{
	(void)state;
	eg_records *r = store();
	int st, od;
	assert_int_equal(eg_ledger_open(r, "P", "2026-01-01 09:00", "办", &(eg_ledger_open_options){ EG_LEDGER_OPEN_OPTIONS_VERSION, "县", "t", "2026-03-31" }), EG_OK);
	for (int to = EG_LEDGER_STATE_RECTIFYING; to <= EG_LEDGER_STATE_CLOSED; to++) {
		char t[20];
		snprintf(t, sizeof t, "2026-02-0%d 09:00", to);
		assert_int_equal(lstep(r, "P", t, "县", "办", to), EG_OK);
	}
	/* Closed on 02-05, judged 12-31 (after 03-31): not overdue. */
	assert_int_equal(eg_ledger_status(&st, &od, r, "P", "2026-12-31"), EG_OK);
	assert_int_equal(st, EG_LEDGER_STATE_CLOSED);
	assert_int_equal(od, 0);
	/* As of 02-04 it was reviewed, not closed; the deadline had not passed. */
	assert_int_equal(eg_ledger_status(&st, &od, r, "P", "2026-02-04"), EG_OK);
	assert_int_equal(st, EG_LEDGER_STATE_REVIEWED);
	assert_int_equal(od, 0);
	eg_records_free(r);
}

static void test_yl_5_3_summary_skips_later_and_unowned_records(void **state)
{
	(void)state;
	eg_records *r = store();
	size_t c[6] = { 9, 9, 9, 9, 9, 9 };
	const char *units[] = { NULL, "住建局" };
	assert_int_equal(eg_ledger_open(r, "A", "2026-01-01 09:00", "办", &(eg_ledger_open_options){ EG_LEDGER_OPEN_OPTIONS_VERSION, "住建局", "t", "2026-03-31" }), EG_OK);
	/* Registered after the day judged: not counted. */
	assert_int_equal(eg_ledger_open(r, "B", "2026-05-01 09:00", "办", &(eg_ledger_open_options){ EG_LEDGER_OPEN_OPTIONS_VERSION, "住建局", "t", "2026-12-31" }), EG_OK);
	/* A record with no lead unit: not a ledger entry. */
	put1(r, "JM-1", "2026-01-01 09:00", "progress", "x");
	/* On 2026-04-30: the NULL unit counts nothing; 住建局 has A only: 1 registered, 0 closed, 1 overdue. */
	assert_int_equal(eg_ledger_summary(c, r, units, 2, "2026-04-30"), EG_OK);
	assert_int_equal(c[0] * 100 + c[1] * 10 + c[2], 0);
	assert_int_equal(c[3] * 100 + c[4] * 10 + c[5], 101);
	assert_error(eg_ledger_summary(c, r, units, 2, "2026-4-30"), EG_EINVAL, "\"2026-4-30\" is not YYYY-MM-DD");
	eg_records_free(r);
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
		assert_int_equal(eg_ledger_target_attained(&ok, rows[i].value, rows[i].cmp, rows[i].target), EG_OK);
		if (ok != rows[i].expect)
			fail_msg("%lld %s %lld gave %d", (long long)rows[i].value, rows[i].cmp, (long long)rows[i].target, ok);
	}
	assert_error(eg_ledger_target_attained(NULL, 1, ">=", 1), EG_EINVAL, "eg_ledger_target_attained: NULL");
	assert_error(eg_ledger_target_attained(&ok, 1, NULL, 1), EG_EINVAL, "eg_ledger_target_attained: NULL");
	assert_error(eg_ledger_target_attained(&ok, 1, "", 1), EG_EINVAL, "comparator \"\" is not");
}

/* eg_ledger_open_options: eg_ledger_open_options_init() writes exactly EG_LEDGER_OPEN_OPTIONS_INIT (the defaults, for FFIs
 * that cannot expand the macro); an unknown version is refused by the init
 * function and by eg_ledger_open() itself, nothing written or changed. */
static void test_ledger_open_options_init_and_versions(void **state)
{
	(void)state;
	static const eg_ledger_open_options want = EG_LEDGER_OPEN_OPTIONS_INIT;
	eg_ledger_open_options o, before;
	int rc;
	eg_records *r = NULL;
	assert_int_equal(eg_records_new(&r), EG_OK);
	memset(&o, 0xA5, sizeof o);
	assert_int_equal(eg_ledger_open_options_init(&o, EG_LEDGER_OPEN_OPTIONS_VERSION), EG_OK);
	assert_int_equal(o.version, EG_LEDGER_OPEN_OPTIONS_VERSION);
	assert_ptr_equal(o.lead_unit, want.lead_unit);
	assert_ptr_equal(o.target, want.target);
	assert_ptr_equal(o.deadline, want.deadline);
	memset(&o, 0xA5, sizeof o);
	memset(&before, 0xA5, sizeof before);
	assert_error(eg_ledger_open_options_init(&o, EG_LEDGER_OPEN_OPTIONS_VERSION + 1), EG_EINVAL, "unknown version 2");
	assert_memory_equal(&o, &before, sizeof o);
	assert_error(eg_ledger_open_options_init(NULL, EG_LEDGER_OPEN_OPTIONS_VERSION), EG_EINVAL, "opts is NULL");
	/* The call refuses a version it does not know (0: never initialised; 2: newer). */
	o = want;
	o.version = 0;
	rc = eg_ledger_open(r, "P", "2026-01-01 09:00", "a", &o);
	assert_error(rc, EG_EINVAL, "version 0 is not 1");
	o.version = EG_LEDGER_OPEN_OPTIONS_VERSION + 1;
	rc = eg_ledger_open(r, "P", "2026-01-01 09:00", "a", &o);
	assert_error(rc, EG_EINVAL, "version 2 is not 1");
	rc = eg_ledger_open(r, "P", "2026-01-01 09:00", "a", NULL);
	assert_error(rc, EG_EINVAL, "is NULL (initialise it with EG_LEDGER_OPEN_OPTIONS_INIT)");
	assert_int_equal(eg_records_count(r), 0);
	eg_records_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_yl_every_null_argument_is_einval),
		cmocka_unit_test(test_yl_5_5_every_allowed_and_forbidden_transition),
		cmocka_unit_test(test_yl_5_5_verified_needs_the_principals_signature),
		cmocka_unit_test(test_yl_5_5_closed_by_the_office_after_the_public_notice),
		cmocka_unit_test(test_yl_5_3_extension_by_the_office_and_clearly_behind),
		cmocka_unit_test(test_yl_rejected_close_out_extension_and_overdue),
		cmocka_unit_test(test_yl_4_target_and_yl_5_3_summary),
		cmocka_unit_test(test_yl_ledger_every_allocation_failure_is_clean),
		cmocka_unit_test(test_yl_5_5_state_names_and_out_of_range_states),
		cmocka_unit_test(test_yl_ledger_calls_on_a_record_that_is_not_a_ledger),
		cmocka_unit_test(test_yl_5_5_extension_must_be_strictly_later),
		cmocka_unit_test(test_yl_closed_problem_past_its_deadline_is_not_overdue),
		cmocka_unit_test(test_yl_5_3_summary_skips_later_and_unowned_records),
		cmocka_unit_test(test_yl_4_every_comparator_on_both_sides),
		cmocka_unit_test(test_ledger_open_options_init_and_versions),
	};
	return cmocka_run_group_tests_name("ledger", tests, NULL, NULL);
}
