/*
 * airquality.md §3 daily statistics, four implementations, one answer:
 * the reference daily_mean()/mda8() (eg_airq_daily_values()), the SSE2,
 * AVX2 and portable kernels (eg_airq_monthly_stats(), the one in use
 * chosen by the target, -Dsimd and, for AVX2, the processor) must give
 * bit-identical daily means and MDA8 on the same series, and the kernels
 * the same range verdict (a negative value, an infinite one, a day whose
 * sum overflows).
 *
 * The series are random (a fixed seed, so a failure is reproducible) and
 * built around the rule's boundaries: 19/20/21 valid hours a day, 5/6
 * valid hours an 8-hour window, 13/14 valid windows, a maximum just at
 * and above the O3 limit, and every remainder of the SSE2 loop (which
 * takes eight days, then two, then one) and of the AVX2 loop (eight, four,
 * then the last one to three days), every month length 1-31.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <float.h>
#include <math.h>
#include <string.h>

#include "testutil.h"
#include "airq_internal.h"

#define MAX_DAYS 31

static uint64_t rng = 0x9E3779B97F4A7C15u;

/* splitmix64: a fixed, portable sequence. */
static uint64_t next(void)
{
	uint64_t z = (rng += 0x9E3779B97F4A7C15u);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
	return z ^ (z >> 31);
}

static int below(int n) { return (int)(next() % (uint64_t)n); }

/* A concentration: mostly ordinary decimals, sometimes 0, integers, the
 * smallest denormal, values near 1e6 or sums that need every bit. */
static double value(void)
{
	switch (below(12)) {
	case 0: return 0.0;
	case 1: return (double)below(500);
	case 2: return 4.9406564584124654e-324;
	case 3: return 1e6 + (double)below(1000) / 7.0;
	case 4: return 0.1 * (double)below(10);
	default: return (double)(next() % 500000u) / 1000.0;
	}
}

/* One day of 24 hours with exactly `valid` valid hours at random places. */
static void day(double *h, int valid)
{
	int idx[24];
	for (int i = 0; i < 24; i++) {
		idx[i] = i;
		h[i] = NAN;
	}
	for (int i = 0; i < valid; i++) {
		int j = i + below(24 - i), t = idx[i];
		idx[i] = idx[j];
		idx[j] = t;
		h[idx[i]] = value();
	}
}

/* A day whose MDA8 windows are valid or not by design: `missing` hours in a
 * row missing from `start`, so windows straddling them have 8 - k hours. */
static void o3_day(double *h, int start, int missing, double top)
{
	for (int i = 0; i < 24; i++)
		h[i] = i >= start && i < start + missing ? NAN : value();
	if (top > 0)
		h[below(24)] = top;
}

static int same(double a, double b)
{
	return (isnan(a) && isnan(b)) || memcmp(&a, &b, sizeof a) == 0;
}

static int series_checked, days_checked, sse2_present, avx2_present;

static void compare(const double *x, int days, int o3, double limit, const char *what)
{
	double ref[MAX_DAYS], port[MAX_DAYS], sse[MAX_DAYS], avx[MAX_DAYS];
	int vr, vp, vs, va;
	vr = eg__airq_daily_ref(ref, x, days, o3, limit);
	vp = eg__airq_daily_portable(port, x, days, o3, limit);
	vs = eg__airq_daily_sse2(sse, x, days, o3, limit);
	va = eg__airq_daily_avx2(avx, x, days, o3, limit);
	assert_int_equal(vr, 1);
	for (int d = 0; d < days; d++) {
		if (!same(ref[d], port[d]))
			fail_msg("%s, %s day %d of %d: reference %.17g, portable %.17g", what, o3 ? "MDA8" : "mean", d, days,
				 ref[d], port[d]);
		if (vs >= 0 && !same(ref[d], sse[d]))
			fail_msg("%s, %s day %d of %d: reference %.17g, SSE2 %.17g", what, o3 ? "MDA8" : "mean", d, days,
				 ref[d], sse[d]);
		if (va >= 0 && !same(ref[d], avx[d]))
			fail_msg("%s, %s day %d of %d: reference %.17g, AVX2 %.17g", what, o3 ? "MDA8" : "mean", d, days,
				 ref[d], avx[d]);
	}
	if (vs >= 0) {
		sse2_present = 1;
		if (vs != vp)
			fail_msg("%s: range verdict portable %d, SSE2 %d", what, vp, vs);
	}
	if (va >= 0) {
		avx2_present = 1;
		if (va != vp)
			fail_msg("%s: range verdict portable %d, AVX2 %d", what, vp, va);
	}
	series_checked++;
	days_checked += days;
}

/* Random months around the 20-hour rule, every length 1-31 days. */
static void test_airq_s3_daily_mean_three_implementations_agree(void **state)
{
	(void)state;
	static double x[MAX_DAYS * 24];
	static const int valid[] = { 0, 1, 19, 20, 21, 23, 24, 24, 24 };
	for (int round = 0; round < 400; round++) {
		int days = 1 + round % MAX_DAYS;
		for (int d = 0; d < days; d++)
			day(x + d * 24, valid[below((int)(sizeof valid / sizeof valid[0]))]);
		compare(x, days, 0, 160, "random month");
	}
	/* Exactly 19 and 20 valid hours: NaN and a mean. */
	for (int d = 0; d < 2; d++)
		day(x + d * 24, 19 + d);
	compare(x, 2, 0, 160, "19 and 20 hours");
	{
		double r[2];
		eg__airq_daily_ref(r, x, 2, 0, 160);
		assert_true(isnan(r[0]));
		assert_false(isnan(r[1]));
	}
}

/* MDA8 around its boundaries: windows with 5 or 6 hours, 13 or 14 valid
 * windows, a maximum at and above the O3 limit (which makes fewer windows
 * enough). */
static void test_airq_s3_mda8_three_implementations_agree(void **state)
{
	(void)state;
	static double x[MAX_DAYS * 24];
	for (int round = 0; round < 400; round++) {
		int days = 1 + round % MAX_DAYS;
		for (int d = 0; d < days; d++) {
			int start = below(24), missing = below(12);
			double top = below(4) == 0 ? (below(2) ? 160.0 : nextafter(160.0, 1e9) * 8) : 0;
			if (below(3) == 0)
				day(x + d * 24, 14 + below(11));
			else
				o3_day(x + d * 24, start, missing, top);
		}
		compare(x, days, 1, 160, "random O3 month");
	}
	{
		/* Hours 08-15 missing: the window ending at hour e holds hours
		 * e-7..e, so it has 8, 7, 6 valid hours for e = 7, 8, 9, then
		 * 5, 4, ... 1 (e = 10-16), 2, 3, 4, 5 (e = 17-20) and 6, 7, 8
		 * (e = 21-23): 6 valid windows, fewer than 14 -> NaN while every
		 * mean (50) is below the limit; one hour at 5000 in a valid window
		 * puts the maximum above 160, and the MDA8 stands on 6 windows. */
		double r[1];
		for (int i = 0; i < 24; i++)
			x[i] = i >= 8 && i < 16 ? NAN : 50.0;
		compare(x, 1, 1, 160, "8 missing from 08:00");
		eg__airq_daily_ref(r, x, 1, 1, 160);
		assert_true(isnan(r[0]));
		/* Windows ending 22 (hours 15-22, 15 missing: (6 x 50 + 5000) / 7)
		 * and 23 (16-23: (7 x 50 + 5000) / 8 = 668.75) hold it: 5300 / 7. */
		x[22] = 5000;
		compare(x, 1, 1, 160, "8 missing, one value far above the limit");
		eg__airq_daily_ref(r, x, 1, 1, 160);
		assert_true(r[0] == 5300.0 / 7);
	}
}

/* The range verdict: a negative value, +inf, -inf and a day whose sum
 * overflows are caught by both kernels alike; ordinary data passes. */
static void test_airq_s3_kernels_agree_on_bad_values(void **state)
{
	(void)state;
	static double x[MAX_DAYS * 24];
	static const double bad[] = { -1.0, -DBL_MIN, INFINITY, -INFINITY, DBL_MAX };
	for (size_t b = 0; b < sizeof bad / sizeof bad[0]; b++)
		for (int o3 = 0; o3 <= 1; o3++)
			for (int days = 1; days <= 11; days += 5) {
				for (int d = 0; d < days; d++)
					day(x + d * 24, 24);
				x[below(days * 24)] = bad[b];
				if (bad[b] == DBL_MAX)
					x[0] = x[1] = DBL_MAX; /* day 0's sum overflows */
				compare(x, days, o3, 160, "bad value");
				if (o3 && bad[b] == DBL_MAX) {
					/* The MDA8 kernels leave an overflowing 8-hour sum to their
					 * caller, which refuses an infinite MDA8. */
					double r[MAX_DAYS];
					eg__airq_daily_ref(r, x, days, o3, 160);
					assert_true(isinf(r[0]));
				} else {
					assert_int_equal(eg__airq_daily_portable((double[MAX_DAYS]){ 0 }, x, days, o3, 160), 0);
				}
			}
	for (int d = 0; d < 9; d++)
		day(x + d * 24, 24);
	assert_int_equal(eg__airq_daily_portable((double[MAX_DAYS]){ 0 }, x, 9, 0, 160), 1);
}

static void test_airq_simd_coverage_report(void **state)
{
	(void)state;
	/* At least 800 series and 12,000 days compared; SSE2 compared when built. */
	assert_true(series_checked >= 800);
	assert_true(days_checked >= 12000);
	print_message("compared %d series, %d days: reference, portable%s%s\n", series_checked, days_checked,
		      sse2_present ? ", SSE2" : " (SSE2 not built: -Dsimd=false or no SSE2)",
		      avx2_present ? ", AVX2" : " (AVX2 not built or not on this processor)");
#if EG_AIRQ_SSE2
	assert_true(sse2_present);
#else
	assert_false(sse2_present);
#endif
#if EG_AIRQ_AVX2
	/* Built: compared whenever the processor has AVX2. */
	assert_int_equal(avx2_present, __builtin_cpu_supports("avx2") != 0);
#else
	assert_false(avx2_present);
#endif
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_airq_s3_daily_mean_three_implementations_agree),
		cmocka_unit_test(test_airq_s3_mda8_three_implementations_agree),
		cmocka_unit_test(test_airq_s3_kernels_agree_on_bad_values),
		cmocka_unit_test(test_airq_simd_coverage_report),
	};
	return cmocka_run_group_tests_name("airq_simd", tests, NULL, NULL);
}
