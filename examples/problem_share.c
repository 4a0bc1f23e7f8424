/*
 * problem_share: six months of CJ-A2-5.4 problem counts for the seven
 * Changji county units through the CJ-A2-7.3 ladder, carried month to
 * month by a state that is stored as text and read back each month, as a
 * monthly system would. Prints each month's actions and their reasons.
 *
 * Usage: problem_share [--en]
 */
#include <ecogrid/ecogrid.h>

#include <stdio.h>
#include <string.h>

static const char *const units[7] = { "昌吉市", "阜康市", "呼图壁县", "玛纳斯县", "奇台县", "吉木萨尔县", "木垒哈萨克自治县" };
static const char *const months[6] = { "2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10" };
/* Problems found by higher-level checks that the local grid missed (synthetic). */
static const int64_t counts[6][7] = {
	{ 12, 3, 4, 2, 6, 1, 2 },
	{ 9, 4, 3, 2, 7, 1, 4 },
	{ 10, 2, 3, 3, 5, 2, 5 },
	{ 6, 3, 2, 2, 4, 1, 2 },
	{ 14, 2, 2, 1, 3, 1, 2 },
	{ 0, 0, 0, 0, 0, 0, 0 },
};

int main(int argc, char **argv)
{
	int lang = argc > 1 && strcmp(argv[1], "--en") == 0 ? EG_LANG_EN : EG_LANG_ZH;
	eg_ladder *l = NULL;
	eg_ladder_step_options step = EG_LADDER_STEP_OPTIONS_INIT; /* the defaults, then the fields set */
	char *saved = NULL;
	int rc = eg_ladder_preset(&l, "CJ-A2-7.3");
	if (rc == EG_OK) {
		eg_ladder_state *s = NULL;
		if ((rc = eg_ladder_state_new(&s, l)) == EG_OK)
			rc = eg_ladder_state_serialize(&saved, s);
		eg_ladder_state_free(s);
	}
	step.units = units;
	step.n_units = 7;
	for (size_t m = 0; rc == EG_OK && m < 6; m++) {
		eg_ladder_state *s = NULL;
		eg_ladder_outcome *o = NULL;
		/* Read last month's state back, step, store it again. */
		if ((rc = eg_ladder_state_parse(&s, l, saved, strlen(saved))) == EG_OK &&
		    (step.values = counts[m], (rc = eg_ladder_step(&o, s, months[m], &step)) == EG_OK)) {
			eg_string_free(saved);
			saved = NULL;
			rc = eg_ladder_state_serialize(&saved, s);
			printf("%s\n", months[m]);
			for (size_t i = 0; i < eg_ladder_outcome_count(o); i++) {
				int sev = eg_ladder_outcome_severity(o, i);
				if (sev == 0)
					continue;
				printf("  %s: %s\n", eg_ladder_outcome_unit(o, i), eg_ladder_action_name(l, (size_t)sev, lang));
				for (size_t k = 0; k < eg_ladder_outcome_clause_count(o, i); k++)
					printf("    %s\n", eg_ladder_outcome_clause_message(o, i, k, lang));
			}
		}
		eg_ladder_outcome_free(o);
		eg_ladder_state_free(s);
	}
	if (rc != EG_OK)
		fprintf(stderr, "%s: %s\n", eg_strerror(rc), eg_error_last()->message);
	eg_string_free(saved);
	eg_ladder_free(l);
	return rc == EG_OK ? 0 : 1;
}
