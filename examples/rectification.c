/*
 * rectification: a problem of the Yulin rectification ledger (YL-2) taken
 * from open through a rejected close-out to archived (YL-5.5), with a
 * deadline extension by the office and the overdue check (YL-5.3), the
 * evidence of each step (the principal's signature, the acceptance report,
 * the public notice), then its history.
 */
#include <ecogrid/ecogrid.h>

#include <stdio.h>

/* A step of YL-5.5 with its evidence: the principal's on-site signature
 * (verified), the acceptance report (applied), the public notice (closed). */
static int step(eg_records *r, const char *t, const char *who, int to, const char *why)
{
	eg_ledger_step_options o = EG_LEDGER_STEP_OPTIONS_INIT;
	int rc;
	o.time = t, o.actor = who, o.reason = why;
	o.principal = "市住建局局长";
	o.signed_on = "2019-11-20";
	o.acceptance = "验收意见及验收报告（附佐证材料）";
	o.notice_from = "2020-03-20";
	o.notice_to = "2020-03-27";
	rc = eg_ledger_step(r, "YL-2019-07", to, &o);
	if (rc != EG_OK)
		fprintf(stderr, "%s: %s\n", eg_strerror(rc), eg_error_last()->message);
	return rc;
}

int main(void)
{
	eg_records *r = NULL;
	int st, od, rc = eg_records_new(&r);
	eg_ledger_open_options problem = EG_LEDGER_OPEN_OPTIONS_INIT;
	problem.lead_unit = "市住建局";
	problem.target = "城区清洁取暖率达到60%";
	problem.deadline = "2019-12-31";
	if (rc == EG_OK)
		rc = eg_ledger_open(r, "YL-2019-07", "2019-03-01 09:00", "市整改办", &problem);
	if (rc == EG_OK)
		rc = step(r, "2019-03-05 09:00", "市住建局", EG_LEDGER_STATE_RECTIFYING, "制定措施并实施");
	if (rc == EG_OK)
		rc = step(r, "2019-11-20 09:00", "市住建局", EG_LEDGER_STATE_VERIFIED, "主要负责同志现场核查并签字");
	if (rc == EG_OK)
		rc = step(r, "2019-11-22 09:00", "市住建局", EG_LEDGER_STATE_APPLIED, "提交销号申请及验收报告");
	if (rc == EG_OK)
		rc = step(r, "2019-12-05 09:00", "市整改办", EG_LEDGER_STATE_REVIEWED, "资料审核、现场核查");
	if (rc == EG_OK)
		rc = step(r, "2019-12-10 09:00", "市整改办", EG_LEDGER_STATE_RECTIFYING, "公示期发现两个小区未接入，退回继续整改");
	if (rc == EG_OK && eg_ledger_status(&st, &od, r, "YL-2019-07", "2020-01-02") == EG_OK)
		printf("2020-01-02: %s, %s\n", eg_ledger_state_name(st), od ? "overdue (YL-5.3)" : "on schedule");
	if (rc == EG_OK)
		rc = eg_ledger_extend(r, "YL-2019-07", "2020-01-03 09:00", "市整改办", "2020-03-31", "冬季管网施工受限，报批延期");
	if (rc == EG_OK)
		rc = step(r, "2020-03-10 09:00", "市住建局", EG_LEDGER_STATE_VERIFIED, "主要负责同志再次现场核查并签字");
	if (rc == EG_OK)
		rc = step(r, "2020-03-12 09:00", "市住建局", EG_LEDGER_STATE_APPLIED, "再次申请销号");
	if (rc == EG_OK)
		rc = step(r, "2020-03-25 09:00", "市整改办", EG_LEDGER_STATE_REVIEWED, "审核通过，公示 3 月 20 日至 27 日");
	if (rc == EG_OK)
		rc = step(r, "2020-03-30 09:00", "市整改办", EG_LEDGER_STATE_CLOSED, "达到标准，销号备案");
	if (rc == EG_OK && eg_ledger_status(&st, &od, r, "YL-2019-07", "2020-04-01") == EG_OK)
		printf("2020-04-01: %s\n", eg_ledger_state_name(st));
	/* A closed problem cannot move again: the ledger refuses and changes nothing. */
	if (rc == EG_OK && eg_ledger_transition(r, "YL-2019-07", "2020-04-02 09:00", "市整改办", EG_LEDGER_STATE_RECTIFYING, "x") != EG_OK)
		printf("reopening refused: %s\n", eg_error_last()->message);
	for (size_t k = 0; rc == EG_OK && k < eg_records_version_count(r, "YL-2019-07"); k++) {
		const char *t, *who, *why, *state = NULL;
		eg_records_version(&t, &who, &why, r, "YL-2019-07", k);
		eg_records_get(&state, r, "YL-2019-07", "state", t);
		printf("  %s  %-10s  %s：%s\n", t, state ? state : "", who, why);
	}
	eg_records_free(r);
	return rc == EG_OK ? 0 : 1;
}
