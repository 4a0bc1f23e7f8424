/*
 * Regression tests for what the libFuzzer harnesses (tests/fuzz/) found:
 * each test is the minimised input of a finding, named after it.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

/* ------------------------------------------------------------------ */
/* fuzz_records: eg_records_parse must accept only what serialise writes  */
/* ------------------------------------------------------------------ */

/* Parse must fail with EG_EPARSE naming `line`, and leave *out untouched. */
static void assert_records_rejected(const char *text, const char *line)
{
	eg_records *r = (eg_records *)&r; /* sentinel: must stay as it is */
	assert_error(eg_records_parse(&r, text, strlen(text)), EG_EPARSE, line);
	assert_ptr_equal(r, (eg_records *)&r);
}

/*
 * Found by fuzz_records: the second version leaves out the first one's
 * field "b". Each serialised version lists every field (eg_records_put
 * carries them over), but the parser applied the version as a change, so
 * "b" silently came back and the text it wrote was not the text it read.
 */
static void test_fuzz_records_parse_version_dropping_a_field(void **state)
{
	(void)state;
	assert_records_rejected("ecogrid-records 1\nrecords 1\nrecord 1:R 2\n"
				"version 2026-07-01 09:00 1:A 1:x 1\nfield 1:b 1:1\n"
				"version 2026-07-02 09:00 1:A 1:y 1\nfield 1:c 1:2\n",
				"line 6");
}

/* Found by fuzz_records (same run): a record with 0 versions vanished on re-serialisation. */
static void test_fuzz_records_parse_record_without_versions(void **state)
{
	(void)state;
	assert_records_rejected("ecogrid-records 1\nrecords 2\nrecord 1:R 1\n"
				"version 2026-07-01 09:00 1:A 1:x 1\nfield 1:b 1:1\nrecord 1:S 0\n",
				"line 2");
}

/* Other spellings the same check refuses: leading zeros, a record twice, a NUL in a value. */
static void test_fuzz_records_parse_non_canonical_spellings(void **state)
{
	static const char nul[] = "ecogrid-records 1\nrecords 1\nrecord 1:R 1\n"
				  "version 2026-07-01 09:00 1:A 1:x 1\nfield 1:b 2:1\000\n";
	eg_records *r = NULL;
	(void)state;
	assert_records_rejected("ecogrid-records 1\nrecords 01\nrecord 1:R 1\n"
				"version 2026-07-01 09:00 1:A 1:x 1\nfield 1:b 1:1\n",
				"line 2");
	assert_records_rejected("ecogrid-records 1\nrecords 2\n"
				"record 1:R 1\nversion 2026-07-01 09:00 1:A 1:x 1\nfield 1:b 1:1\n"
				"record 1:R 1\nversion 2026-07-02 09:00 1:A 1:y 1\nfield 1:b 1:2\n",
				"line 2");
	assert_error(eg_records_parse(&r, nul, sizeof nul - 1), EG_EPARSE, "line 5");
	assert_null(r);
}

/* What serialise writes still parses, and back to the same bytes. */
static void test_fuzz_records_parse_canonical_text_round_trips(void **state)
{
	const char *keys[] = { "name", "district" }, *vals[] = { "某造纸厂", "新会区" };
	const char *k2 = "progress", *v2 = "完成\n第二行";
	eg_records *r = NULL, *back = NULL;
	char *text = NULL, *again = NULL;
	(void)state;
	assert_int_equal(eg_records_new(&r), EG_OK);
	assert_int_equal(eg_records_put(r, "JM-001", "2026-01-10 09:00", "新会区", "列入清单", &(eg_records_put_options){ EG_RECORDS_PUT_OPTIONS_VERSION, keys, vals, 2 }), EG_OK);
	assert_int_equal(eg_records_put(r, "JM-001", "2026-04-02 10:00", "新会区", "季度更新", &(eg_records_put_options){ EG_RECORDS_PUT_OPTIONS_VERSION, &k2, &v2, 1 }), EG_OK);
	assert_int_equal(eg_records_serialize(&text, r), EG_OK);
	assert_int_equal(eg_records_parse(&back, text, strlen(text)), EG_OK);
	assert_int_equal(eg_records_serialize(&again, back), EG_OK);
	assert_string_equal(text, again);
	eg_string_free(text);
	eg_string_free(again);
	eg_records_free(back);
	eg_records_free(r);
}

/* ------------------------------------------------------------------ */
/* fuzz_ladder_state: states that eg_ladder_step() cannot have written    */
/* ------------------------------------------------------------------ */

/*
 * Found by fuzz_ladder_state (minimised by hand from its crash): an
 * observation of a share ladder with total 0 that says clause 1 held.
 * The parser took the "holds" bits as given; stepping the state then
 * described the month as count/total and divided by 0 (SIGFPE).
 */
static void test_fuzz_ladder_state_parse_share_held_on_zero_total(void **state)
{
	static const char text[] = "ecogrid-ladder-state 1\nladder 9:CJ-A2-7.3\nlast 2026-12\nunits 1\n"
				   "unit 1:A 1\no 2026-12 0 0 0 2\n";
	/* 12/80 = 15 % holds the three 10 % clauses (bits 0, 1, 3: 1 + 2 + 8 = 11), not the 20 % ones. */
	static const char good[] = "ecogrid-ladder-state 1\nladder 9:CJ-A2-7.3\nlast 2026-12\nunits 1\n"
				   "unit 1:A 1\no 2026-12 12 80 0 11\n";
	eg_ladder *l = NULL;
	eg_ladder_state *s = NULL;
	char *back = NULL;
	(void)state;
	assert_int_equal(eg_ladder_preset(&l, "CJ-A2-7.3"), EG_OK);
	assert_error(eg_ladder_state_parse(&s, l, text, sizeof text - 1), EG_EPARSE, "line 6");
	assert_null(s);
	assert_int_equal(eg_ladder_state_parse(&s, l, good, sizeof good - 1), EG_OK);
	assert_int_equal(eg_ladder_state_serialize(&back, s), EG_OK);
	assert_string_equal(back, good);
	eg_string_free(back);
	eg_ladder_state_free(s);
	eg_ladder_free(l);
}

/*
 * Found while fixing the above (the harness reproduces it): "units
 * 1000000000" in a 60-byte text made the parser reserve room for a
 * billion units (0x6600000000 bytes) before reading any of them.
 */
static void test_fuzz_ladder_state_parse_unit_count_beyond_text(void **state)
{
	static const char text[] = "ecogrid-ladder-state 1\nladder 5:DG-63\nlast -\nunits 1000000000\n";
	eg_ladder *l = NULL;
	eg_ladder_state *s = NULL;
	(void)state;
	assert_int_equal(eg_ladder_preset(&l, "DG-63"), EG_OK);
	assert_error(eg_ladder_state_parse(&s, l, text, sizeof text - 1), EG_EPARSE, "1000000000 units");
	assert_null(s);
	eg_ladder_free(l);
}

/* ------------------------------------------------------------------ */
/* fuzz_airq: sizes whose byte count overflows size_t                     */
/* ------------------------------------------------------------------ */

/*
 * Found by fuzz_airq (its first run, the empty input): aggregate_hours had
 * no size check, so n_stations × 6 × n_hours wrapped to 6, validation
 * read 6 values and the averaging loop read far past the 48-value buffer.
 */
static void test_fuzz_airq_aggregate_hours_size_overflow(void **state)
{
	double buf[48], out[48];
	(void)state;
	for (size_t i = 0; i < 48; i++)
		buf[i] = 1.0;
	assert_error(eg_airq_aggregate_hours(out, buf, SIZE_MAX, SIZE_MAX), EG_ERANGE, "overflow");
	assert_error(eg_airq_aggregate_hours(out, buf, 2, SIZE_MAX / 6 + 1), EG_ERANGE, "overflow");
	/* 6 × 8 × n_hours wraps to 0: the old check of daily_values divided by it. */
	assert_error(eg_airq_aggregate_hours(out, buf, 1, (size_t)3 << 61), EG_ERANGE, "overflow");
	/* The largest sizes that fit still pass the check (and are then read). */
	assert_int_equal(eg_airq_aggregate_hours(out, buf, 1, 8), EG_OK); /* 48 values */
	assert_double_equal(out[47], 1.0, 0);
}

/*
 * eg_airq_daily_values checked n_stations > SIZE_MAX / (6 × n_hours × 8),
 * a product that itself wraps: for n_hours = 3 × 2^61 (a multiple of 24)
 * it is 0, a division by zero in C (the gcc build read past the buffer
 * instead); for other sizes it let huge sizes through with a small buffer.
 */
static void test_fuzz_airq_daily_values_size_overflow(void **state)
{
	double buf[48], out[48];
	eg_airq_profile *p = NULL;
	(void)state;
	for (size_t i = 0; i < 48; i++)
		buf[i] = 1.0;
	assert_int_equal(eg_airq_profile_named(&p, "CN2026"), EG_OK);
	assert_error(eg_airq_daily_values(out, p, buf, 1, (size_t)3 << 61), EG_ERANGE, "overflow");
	assert_error(eg_airq_daily_values(out, p, buf, SIZE_MAX / 2, (SIZE_MAX / 48 + 1) * 24), EG_ERANGE, "overflow");
	assert_error(eg_airq_daily_values(out, p, buf, (size_t)1 << 40, (size_t)24 << 32), EG_ERANGE, "overflow");
	eg_airq_profile_free(p);
}

/*
 * Found by fuzz_airq: hourly values near DBL_MAX are finite, so not invalid,
 * but a day's sum overflows; the fast path's check tripped and the call
 * returned EG_OK without writing any statistic. Now EG_ERANGE names the
 * station (the second here: the first is ordinary and is computed).
 */
static void test_fuzz_airq_monthly_stats_sum_overflow_is_erange(void **state)
{
	enum { HOURS = 31 * 24 };
	double *h = malloc(2 * EG_POLLUTANT_COUNT * HOURS * sizeof *h);
	eg_airq_stat st[2 * EG_POLLUTANT_COUNT];
	eg_airq_profile *p = NULL;
	(void)state;
	assert_non_null(h);
	assert_int_equal(eg_airq_profile_named(&p, "CN2026"), EG_OK);
	for (size_t i = 0; i < 2 * EG_POLLUTANT_COUNT * HOURS; i++)
		h[i] = i < EG_POLLUTANT_COUNT * HOURS ? 10.0 : 1e308; /* 24 x 1e308 > DBL_MAX */
	assert_error(eg_airq_monthly_stats(st, p, h, 2, HOURS, &(eg_airq_monthly_options){ EG_AIRQ_MONTHLY_OPTIONS_VERSION, 2026, 10, NULL, NULL }), EG_ERANGE,
		     "station 1: hourly values so large that their daily sums overflow");
	/* O3 alone: its 8-hour windows of 1e308 overflow even where no daily mean is taken. */
	for (size_t i = 0; i < 2 * EG_POLLUTANT_COUNT * HOURS; i++)
		h[i] = (i / HOURS) % EG_POLLUTANT_COUNT == EG_POLLUTANT_O3 && i >= EG_POLLUTANT_COUNT * HOURS ? 1e308 : 10.0;
	assert_error(eg_airq_monthly_stats(st, p, h, 2, HOURS, &(eg_airq_monthly_options){ EG_AIRQ_MONTHLY_OPTIONS_VERSION, 2026, 10, NULL, NULL }), EG_ERANGE, "station 1:");
	/* One such value among ordinary ones sums fine: the month is computed. */
	for (size_t i = EG_POLLUTANT_COUNT * HOURS; i < 2 * EG_POLLUTANT_COUNT * HOURS; i++)
		h[i] = 10.0;
	h[EG_POLLUTANT_COUNT * HOURS] = 1e308;
	assert_int_equal(eg_airq_monthly_stats(st, p, h, 2, HOURS, &(eg_airq_monthly_options){ EG_AIRQ_MONTHLY_OPTIONS_VERSION, 2026, 10, NULL, NULL }), EG_OK);
	assert_double_equal(st[0].value, 10.0, 0); /* station 0, SO2: 10 every hour */
	eg_airq_profile_free(p);
	free(h);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fuzz_records_parse_version_dropping_a_field),
		cmocka_unit_test(test_fuzz_records_parse_record_without_versions),
		cmocka_unit_test(test_fuzz_records_parse_non_canonical_spellings),
		cmocka_unit_test(test_fuzz_records_parse_canonical_text_round_trips),
		cmocka_unit_test(test_fuzz_ladder_state_parse_share_held_on_zero_total),
		cmocka_unit_test(test_fuzz_ladder_state_parse_unit_count_beyond_text),
		cmocka_unit_test(test_fuzz_airq_aggregate_hours_size_overflow),
		cmocka_unit_test(test_fuzz_airq_daily_values_size_overflow),
		cmocka_unit_test(test_fuzz_airq_monthly_stats_sum_overflow_is_erange),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
