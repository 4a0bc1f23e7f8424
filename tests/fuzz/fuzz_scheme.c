/*
 * libFuzzer harness: the scheme loader (eg_scheme_load_buffer, issue #15)
 * and the static checks of an unloaded document (eg_scheme_check_buffer).
 *
 * The loader promises a canonical writer: whatever it accepts must write
 * a text that loads again and writes the same bytes (load -> write ->
 * load -> write), else the harness aborts. A refusal must leave *out
 * untouched and fill the error struct with the code it returned and a
 * message. An accepted scheme is then read through its queries: the rule
 * set in force on its first day (scored once), every ladder (stepped once),
 * the air profile, deadlines, cadences, sources, its duties (which always
 * build; judged once on an empty log at the scheme's first day) and its own
 * static checks.
 */
#include <ecogrid/ecogrid.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_util.h"

static void read_back(const eg_scheme *s)
{
	const char *from, *to, *a, *b, *c, *d;
	eg_scheme_findings *f = NULL;
	if (eg_scheme_validity(&from, &to, s) != EG_OK)
		abort();
	for (size_t i = 0; i < eg_scheme_ruleset_count(s); i++) {
		eg_ruleset *rs = NULL;
		eg_assess_input *in = NULL;
		eg_assess_result *r = NULL;
		if (eg_scheme_ruleset_named(&rs, s, eg_scheme_ruleset_name(s, i)) != EG_OK)
			abort(); /* a loaded rule set always builds */
		if (eg_assess_input_new(&in, rs) == EG_OK && eg_assess_score(&r, rs, in, NULL) == EG_OK) {
			char *text = NULL;
			if (eg_assess_result_render(&text, r, EG_LANG_EN) == EG_OK)
				eg_string_free(text);
		}
		eg_assess_result_free(r);
		eg_assess_input_free(in);
		eg_ruleset_free(rs);
	}
	for (size_t i = 0; i < eg_scheme_ladder_count(s); i++) {
		eg_ladder *l = NULL;
		eg_ladder_state *st = NULL;
		eg_ladder_outcome *o = NULL;
		const char *units[2] = { "A", "B" };
		const int64_t values[2] = { 1, 2 };
		if (eg_scheme_ladder(&l, s, eg_scheme_ladder_name(s, i)) != EG_OK)
			abort(); /* a loaded ladder always builds */
		if (eg_ladder_state_new(&st, l) == EG_OK)
			(void)eg_ladder_step(&o, st, "2024-01", &(eg_ladder_step_options){ EG_LADDER_STEP_OPTIONS_VERSION, units, values, NULL, 2 });
		eg_ladder_outcome_free(o);
		eg_ladder_state_free(st);
		eg_ladder_free(l);
	}
	{
		eg_airq_profile *p = NULL;
		if (eg_scheme_airq_profile(&p, s, from) == EG_OK)
			eg_airq_profile_free(p);
	}
	for (size_t i = 0; i < eg_scheme_deadline_count(s); i++) {
		char due[11];
		(void)eg_scheme_deadline(due, s, eg_scheme_deadline_id(s, i), "2024Q1");
		(void)eg_scheme_deadline(due, s, eg_scheme_deadline_id(s, i), "2024-01-31");
		(void)eg_scheme_deadline(due, s, eg_scheme_deadline_id(s, i), "2024");
	}
	for (size_t i = 0; i < eg_scheme_source_count(s); i++)
		if (eg_scheme_source_at(&a, &b, &c, &d, s, i) != EG_OK)
			abort();
	{
		/* A document against itself differs in nothing (eg_scheme_compare). */
		eg_scheme_diff_result *cmp = NULL;
		int rc = eg_scheme_compare(&cmp, s, s);
		if (rc == EG_OK && eg_scheme_diff_rule_count(cmp) != 0)
			abort();
		if (rc != EG_OK && rc != EG_ENOMEM)
			abort();
		eg_scheme_diff_free(cmp);
	}
	{
		eg_duty_set *set = NULL;
		eg_duty_log *log = NULL;
		eg_duty_rows *rows = NULL;
		eg_duty_status_options o = EG_DUTY_STATUS_OPTIONS_INIT;
		int rc = eg_scheme_duties(&set, s);
		o.from = from; /* one day reported, whatever start a duty was given */
		if (rc != EG_OK && rc != EG_ENOMEM)
			abort(); /* a loaded scheme's duties always build */
		if (rc == EG_OK && eg_duty_log_new(&log) == EG_OK && eg_duty_status(&rows, set, log, from, &o) == EG_OK)
			eg_duty_rows_free(rows);
		eg_duty_log_free(log);
		eg_duty_set_free(set);
	}
	if (eg_scheme_check(&f, s) == EG_OK)
		eg_scheme_findings_free(f);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	eg_scheme *s = (eg_scheme *)&s, *again = NULL, *mark = (eg_scheme *)&s;
	eg_scheme_error e = EG_SCHEME_ERROR_INIT;
	eg_scheme_findings *f = NULL;
	int rc = eg_scheme_load_buffer(&s, &e, (const char *)data, n);
	if (rc != EG_OK) {
		if (s != mark || e.code != rc || !eg_error_last()->message[0])
			abort(); /* a refusal changes nothing and says why */
	} else {
		const char *t = eg_scheme_text(s);
		if (eg_scheme_load_buffer(&again, NULL, t, strlen(t)) != EG_OK || strcmp(eg_scheme_text(again), t) != 0 ||
		    strcmp(eg_scheme_sha256(again), eg_scheme_sha256(s)) != 0)
			abort(); /* the canonical text loads to itself */
		read_back(s);
		eg_scheme_free(again);
		eg_scheme_free(s);
	}
	if (eg_scheme_check_buffer(&f, NULL, (const char *)data, n) == EG_OK)
		eg_scheme_findings_free(f);
	return 0;
}
