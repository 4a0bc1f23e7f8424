/*
 * libFuzzer harness: the ladder-state deserialiser (eg_ladder_state_parse)
 * against every preset ladder. Whatever parses must serialise, parse back
 * and serialise to the same text (abort otherwise), and accept one more
 * month through eg_ladder_step() (the month after its last one) without
 * memory errors; the outcome's messages are read in both languages.
 */
#include <ecogrid/ecogrid.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_util.h"

static const char *const presets[] = { "CJ-A2-7.3", "CJ-A2-7.1", "CJ-A3-4", "CJ-M-4.3", "DG-65", "DG-63", "JM-2.3" };
#define N_PRESETS (sizeof presets / sizeof presets[0])

static eg_ladder *ladders[N_PRESETS];

static void load_presets(void)
{
	for (size_t i = 0; i < N_PRESETS; i++)
		if (!ladders[i] && eg_ladder_preset(&ladders[i], presets[i]) != EG_OK)
			abort();
}

/* Step the state once: the month after its last (or 2026-01), three units. */
static void step_once(eg_ladder_state *s, const uint8_t *d, size_t n)
{
	static const char *const units[] = { "652301000000", "652302000000", "阜康市" };
	const char *last = eg_ladder_state_last_month(s);
	char month[16];
	int64_t values[3];
	int flags[3];
	eg_ladder_outcome *o = NULL;
	int y = 2026, m = 1;
	if (last) {
		if (sscanf(last, "%d-%d", &y, &m) != 2)
			abort();
		if (++m > 12) {
			m = 1;
			y++;
		}
	}
	snprintf(month, sizeof month, "%04d-%02d", y, m);
	for (size_t i = 0; i < 3; i++) {
		values[i] = n > i ? d[n - 1 - i] % 5 : 0; /* ranks 0-4, counts 0-4 */
		flags[i] = n > i + 3 ? d[n - 4 - i] & 1 : 0;
	}
	if (eg_ladder_step(&o, s, month, &(eg_ladder_step_options){ EG_LADDER_STEP_OPTIONS_VERSION, units, values, flags, 3 }) != EG_OK) {
		/* 9999-12 has no next month; a value 0 is no rank for rank ladders. */
		return;
	}
	for (size_t i = 0; i < eg_ladder_outcome_count(o); i++) {
		(void)eg_ladder_outcome_action(o, i);
		for (size_t k = 0; k < eg_ladder_outcome_clause_count(o, i); k++)
			if (!eg_ladder_outcome_clause_message(o, i, k, EG_LANG_ZH) ||
			    !eg_ladder_outcome_clause_message(o, i, k, EG_LANG_EN))
				abort();
	}
	eg_ladder_outcome_free(o);
}

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
	load_presets();
	for (size_t i = 0; i < N_PRESETS; i++) {
		eg_ladder_state *s = NULL, *again = NULL;
		char *text = NULL, *text2 = NULL;
		if (eg_ladder_state_parse(&s, ladders[i], (const char *)d, n) != EG_OK) {
			if (s || !eg_error_last()->message[0])
				abort();
			continue;
		}
		if (eg_ladder_state_serialize(&text, s) != EG_OK)
			abort();
		if (eg_ladder_state_parse(&again, ladders[i], text, strlen(text)) != EG_OK ||
		    eg_ladder_state_serialize(&text2, again) != EG_OK || strcmp(text, text2) != 0) {
			fprintf(stderr, "%s: state does not survive serialise + parse:\n%s\n---\n%s\n", presets[i], text,
				text2 ? text2 : "(parse failed)");
			abort();
		}
		step_once(s, d, n);
		eg_string_free(text);
		eg_string_free(text2);
		eg_ladder_state_free(again);
		eg_ladder_state_free(s);
	}
	return 0;
}
