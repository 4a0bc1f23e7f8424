/*
 * monthly_assessment: score the seven Changji county units for one month
 * with the changji-2023 preset (CJ-A2-5.1 to CJ-A2-6.3) and print the table
 * with grades, then each unit's trace.
 *
 * Usage: monthly_assessment [--en]
 */
#include <ecogrid/ecogrid.h>

#include <stdio.h>
#include <string.h>

/* Embedded inputs for 2026-10 (synthetic but plausible). */
static const struct unit_input {
	const char *code, *name;
	int n4, n5, n6, n7, bonus;
	int item3_met;              /* CJ-A2-5.3 */
	const char *media[2];       /* one problem's levels, CJ-A2-5.9 */
	const char *forced;         /* CJ-A2-6.3 condition, or NULL */
} units[] = {
	{ "652301000000", "昌吉市", 3, 0, 0, 0, 1, 1, { NULL, NULL }, NULL },
	{ "652302000000", "阜康市", 12, 1, 0, 0, 0, 1, { NULL, NULL }, NULL },
	{ "652323000000", "呼图壁县", 20, 0, 1, 2, 0, 1, { NULL, NULL }, NULL },
	{ "652324000000", "玛纳斯县", 0, 0, 0, 0, 6, 1, { "regional", "prefecture" }, NULL },
	{ "652325000000", "奇台县", 41, 2, 0, 0, 0, 1, { NULL, NULL }, NULL },
	{ "652327000000", "吉木萨尔县", 2, 0, 0, 0, 0, 0, { NULL, NULL }, NULL },
	{ "652328000000", "木垒哈萨克自治县", 1, 0, 0, 0, 0, 1, { NULL, NULL }, "CJ-A2-6.3-c" },
};
#define N_UNITS (sizeof units / sizeof units[0])

static const char *grade_label(int g, int lang)
{
	static const char *const zh[] = { "不合格", "合格", "良好", "优秀" };
	if (g < 0 || g > 3)
		return "-";
	return lang == EG_LANG_EN ? eg_grade_name(g) : zh[g];
}

static int fill(eg_assess_input *in, const struct unit_input *u)
{
	int rc = EG_OK;
	char n[4][8];
	const int counts[4] = { u->n4, u->n5, u->n6, u->n7 };
	for (int k = 0; rc == EG_OK && k < 4; k++) {
		snprintf(n[k], sizeof n[k], "%d", k + 4);
		rc = eg_assess_input_set_count(in, n[k], counts[k]);
	}
	if (rc == EG_OK && u->bonus)
		rc = eg_assess_input_set_bonus(in, u->bonus);
	if (rc == EG_OK && !u->item3_met)
		rc = eg_assess_input_set_status(in, "3", 0);
	if (rc == EG_OK && u->media[0])
		rc = eg_assess_input_add_problem(in, u->media, u->media[1] ? 2 : 1);
	if (rc == EG_OK && u->forced)
		rc = eg_assess_input_add_forced_fail(in, u->forced);
	return rc;
}

int main(int argc, char **argv)
{
	int lang = argc > 1 && strcmp(argv[1], "--en") == 0 ? EG_LANG_EN : EG_LANG_ZH;
	eg_ruleset *rs = NULL;
	eg_assess_input *in[N_UNITS] = { NULL };
	eg_assess_result *res[N_UNITS] = { NULL };
	int rc = eg_ruleset_for_date(&rs, "changji", "2026-10-31");

	for (size_t i = 0; rc == EG_OK && i < N_UNITS; i++)
		if ((rc = eg_assess_input_new(&in[i], rs)) == EG_OK)
			rc = fill(in[i], &units[i]);
	if (rc == EG_OK)
		rc = eg_assess_score_many(res, rs, (const eg_assess_input *const *)in, N_UNITS, "2026-10");
	if (rc != EG_OK) {
		fprintf(stderr, "%s: %s\n", eg_strerror(rc), eg_error_last()->message);
	} else {
		printf(lang == EG_LANG_EN ? "2026-10 grid assessment (%s, %s)\n" : "2026年10月网格化环境监管考核（%s，%s）\n",
		       eg_ruleset_name(rs), eg_ruleset_document(rs));
		for (size_t i = 0; i < N_UNITS; i++) {
			printf("  %s\t%s\t%4d\t%s", units[i].code, units[i].name, (int)eg_assess_result_score(res[i]),
			       grade_label(eg_assess_result_grade(res[i]), lang));
			for (size_t k = 0; k < eg_assess_result_fail_count(res[i]); k++)
				printf("%s%s", k ? ", " : "\t", eg_assess_result_fail_at(res[i], k));
			printf("\n");
		}
		for (size_t i = 0; i < N_UNITS; i++) {
			char *text = NULL;
			if (eg_assess_result_render(&text, res[i], lang) == EG_OK)
				printf("\n%s\n%s", units[i].name, text);
			eg_string_free(text);
		}
	}
	for (size_t i = 0; i < N_UNITS; i++) {
		eg_assess_result_free(res[i]);
		eg_assess_input_free(in[i]);
	}
	eg_ruleset_free(rs);
	return rc == EG_OK ? 0 : 1;
}
