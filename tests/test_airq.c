/* airq.h: CJ-A3-3, CJ-A3-5, CJ-A3-6 and airquality.md §1-§6. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "util/alloc.h"

static eg_airq_profile *profile(const char *name)
{
	eg_airq_profile *p = NULL;
	assert_int_equal(eg_airq_profile_named(&p, name), EG_OK);
	return p;
}

/* ---- §1 profiles --------------------------------------------------------- */

static void test_airq_s1_profiles_by_name_and_date(void **state)
{
	(void)state;
	eg_airq_profile *p = NULL;
	assert_int_equal(eg_airq_profile_for_date(&p, "2026-02-28"), EG_OK);
	assert_string_equal(eg_airq_profile_name(p), "CN2012");
	eg_airq_profile_free(p);
	assert_int_equal(eg_airq_profile_for_date(&p, "2026-03-01"), EG_OK);
	assert_string_equal(eg_airq_profile_name(p), "CN2026");
	assert_double_equal(eg_airq_profile_limit(p, EG_POLLUTANT_PM25), 30, 0);
	assert_int_equal(eg_airq_profile_aqi_table(p), EG_AQI_TABLE_HJ633_2026);
	eg_airq_profile_free(p);
	assert_int_equal(eg_airq_profile_for_date(&p, "2030-12-31"), EG_OK);
	assert_string_equal(eg_airq_profile_name(p), "CN2026");
	eg_airq_profile_free(p);
	assert_int_equal(eg_airq_profile_for_date(&p, "2031-01-01"), EG_OK);
	assert_string_equal(eg_airq_profile_name(p), "CN2031");
	assert_double_equal(eg_airq_profile_limit(p, EG_POLLUTANT_SO2), 20, 0);
	assert_double_equal(eg_airq_profile_weight(p, EG_POLLUTANT_O3), 1, 0);
	eg_airq_profile_free(p);
	p = NULL;
	assert_error(eg_airq_profile_named(&p, "CN1996"), EG_ENOTFOUND, "CN1996");
	assert_error(eg_airq_profile_for_date(&p, "2026-02-30"), EG_EINVAL, "not a date");
	assert_null(p);
	assert_true(isnan(eg_airq_profile_limit(NULL, 0)));
	assert_null(eg_pollutant_name(6));
	assert_string_equal(eg_pollutant_name(EG_POLLUTANT_PM25), "PM2.5");
}

static void test_airq_s1_custom_profile(void **state)
{
	(void)state;
	eg_airq_profile *p = NULL;
	eg_airq_index ix = EG_AIRQ_INDEX_INIT;
	double limits[6] = { 60, 40, 70, 35, 4, 160 }, weights[6] = { 1, 1, 1, 2, 1, 1 };
	double stats[6] = { 6, 4, 7, 35, 0.4, 16 };
	assert_int_equal(eg_airq_profile_custom(&p, "weighted", limits, weights, EG_AQI_TABLE_HJ633_2012), EG_OK);
	assert_int_equal(eg_airq_composite(&ix, p, stats, 0), EG_OK);
	/* 0.1 + 0.1 + 0.1 + 2 x 1.0 + 0.1 + 0.1 = 2.5; PM2.5 carries 2.0 / 2.5 = 0.8 of the load. */
	assert_double_equal(ix.composite, 2.5, 1e-12);
	assert_double_equal(ix.load[EG_POLLUTANT_PM25], 0.8, 1e-12);
	eg_airq_profile_free(p);
	p = NULL;
	limits[2] = 0;
	assert_error(eg_airq_profile_custom(&p, "bad", limits, NULL, EG_AQI_TABLE_HJ633_2012), EG_ERANGE, "limit of PM10");
	limits[2] = 70;
	weights[1] = NAN;
	assert_error(eg_airq_profile_custom(&p, "bad", limits, weights, EG_AQI_TABLE_HJ633_2012), EG_ERANGE, "weight of NO2");
	assert_error(eg_airq_profile_custom(&p, "bad", limits, NULL, 2019), EG_EINVAL, "AQI table 2019");
	assert_null(p);
}

/* ---- §2 composite index (CJ-A3-3) ------------------------------------------ */

static void test_cj_a3_3_composite_cn2012_vs_cn2026(void **state)
{
	(void)state;
	eg_airq_profile *a = profile("CN2012"), *b = profile("CN2026");
	eg_airq_index ix = EG_AIRQ_INDEX_INIT;
	double stats[6] = { 10, 30, 70, 35, 1.2, 150 };
	/* CN2012: 10/60 + 30/40 + 70/70 + 35/35 + 1.2/4 + 150/160
	 *       = 0.16667 + 0.75 + 1 + 1 + 0.3 + 0.9375 = 4.154167 -> "4.15". */
	assert_int_equal(eg_airq_composite(&ix, a, stats, 0), EG_OK);
	assert_double_equal(ix.composite, 4.1541666666666667, 1e-12);
	assert_string_equal(ix.reported, "4.15");
	assert_int_equal(ix.reported_hundredths, 415);
	assert_int_equal(ix.primary, EG_POLLUTANT_PM10); /* PM10 and PM2.5 tie at 1.0: both primary, PM10 first */
	assert_int_equal(ix.primary_mask, (1u << EG_POLLUTANT_PM10) | (1u << EG_POLLUTANT_PM25));
	assert_double_equal(ix.single[EG_POLLUTANT_O3], 0.9375, 1e-15);
	/* CN2026: PM10 70/60 = 1.16667, PM2.5 35/30 = 1.16667: 4.4875 -> "4.49" (448.75 rounds up). */
	assert_int_equal(eg_airq_composite(&ix, b, stats, 0), EG_OK);
	assert_double_equal(ix.composite, 4.4875, 1e-12);
	assert_string_equal(ix.reported, "4.49");
	eg_airq_profile_free(a);
	eg_airq_profile_free(b);
}

static void test_cj_a3_3_round_statistics_first_option(void **state)
{
	(void)state;
	eg_airq_profile *p = profile("CN2012");
	eg_airq_index ix = EG_AIRQ_INDEX_INIT;
	/* Rounded first: 10.4->10, 30.5->30 (even), 70.6->71, 35.5->36 (even), 1.25->1.2 (even), 150.5->150. */
	double stats[6] = { 10.4, 30.5, 70.6, 35.5, 1.25, 150.5 };
	assert_int_equal(eg_airq_composite(&ix, p, stats, EG_AIRQ_ROUND_STATS_FIRST), EG_OK);
	assert_double_equal(ix.single[EG_POLLUTANT_NO2], 30.0 / 40, 1e-15);
	assert_double_equal(ix.single[EG_POLLUTANT_PM25], 36.0 / 35, 1e-15);
	assert_double_equal(ix.single[EG_POLLUTANT_CO], 1.2 / 4, 1e-15);
	assert_double_equal(ix.single[EG_POLLUTANT_O3], 150.0 / 160, 1e-15);
	assert_error(eg_airq_composite(&ix, p, stats, 0x8), EG_EINVAL, "unknown flags");
	stats[3] = NAN;
	assert_error(eg_airq_composite(&ix, p, stats, 0), EG_EINVAL, "PM2.5 statistic");
	stats[3] = -1;
	assert_error(eg_airq_composite(&ix, p, stats, 0), EG_EINVAL, "PM2.5 statistic -1");
	eg_airq_profile_free(p);
}

static void test_gbt_8170_half_even_on_an_exact_five(void **state)
{
	(void)state;
	char b[32];
	int64_t s;
	/* 2.345 -> 2.34 (4 even), 2.355 -> 2.36 (6 even), 2.3451 -> 2.35 (not a tie). */
	assert_int_equal(eg_airq_round(&s, b, sizeof b, 2.345, 2), EG_OK);
	assert_string_equal(b, "2.34");
	assert_int_equal(eg_airq_round(&s, b, sizeof b, 2.355, 2), EG_OK);
	assert_string_equal(b, "2.36");
	assert_int_equal(eg_airq_round(&s, b, sizeof b, 2.3451, 2), EG_OK);
	assert_string_equal(b, "2.35");
	/* 3.005 is stored a hair below the tie; it is still the decimal tie -> 3.00. */
	assert_int_equal(eg_airq_round(&s, b, sizeof b, 3.005, 2), EG_OK);
	assert_string_equal(b, "3.00");
	assert_int_equal(s, 300);
	/* A rate of -0.0905 as a fraction with 3 decimals (a percentage to 0.1): -0.090. */
	assert_int_equal(eg_airq_round(&s, b, sizeof b, -0.0905, 3), EG_OK);
	assert_string_equal(b, "-0.090");
	assert_int_equal(eg_airq_round(&s, b, sizeof b, 0.5, 0), EG_OK);
	assert_string_equal(b, "0");
	assert_int_equal(eg_airq_round(&s, b, sizeof b, 1.5, 0), EG_OK);
	assert_string_equal(b, "2");
	assert_error(eg_airq_round(&s, b, 3, 12.5, 2), EG_EBUFSIZE, "12.50");
	assert_error(eg_airq_round(&s, b, sizeof b, INFINITY, 2), EG_EINVAL, "not finite");
	assert_error(eg_airq_round(&s, b, sizeof b, 1, 7), EG_EINVAL, "decimals 7");
}

static void test_hj_663_percentile_example(void **state)
{
	(void)state;
	double v[] = { 3, 4, 8, 2, 5, 4 }, r, seq[20], gaps[] = { NAN, 7, NAN };
	/* Sorted 2,3,4,4,5,8; k = 1 + 5 x 0.9 = 5.5; X5 + 0.5 (X6 - X5) = 5 + 1.5 = 6.5. */
	assert_int_equal(eg_airq_percentile(&r, v, 6, 0.90), EG_OK);
	assert_double_equal(r, 6.5, 1e-12);
	for (int i = 0; i < 20; i++)
		seq[i] = i + 1;
	/* k = 1 + 19 x 0.95 = 19.05: 19 + 0.05 x 1 = 19.05. */
	assert_int_equal(eg_airq_percentile(&r, seq, 20, 0.95), EG_OK);
	assert_double_equal(r, 19.05, 1e-12);
	assert_int_equal(eg_airq_percentile(&r, seq, 20, 1.0), EG_OK);
	assert_double_equal(r, 20, 0);
	assert_int_equal(eg_airq_percentile(&r, gaps, 3, 0.9), EG_OK); /* NaN skipped: one value */
	assert_double_equal(r, 7, 0);
	assert_error(eg_airq_percentile(&r, v, 6, 1.1), EG_EINVAL, "p = 1.1");
	assert_error(eg_airq_percentile(&r, gaps, 1, 0.5), EG_EINVAL, "no valid value");
}

/* ---- §5 rates, §6 ranking (CJ-A3-5) ----------------------------------------- */

static void test_airq_s5_rates(void **state)
{
	(void)state;
	double r;
	char b[32];
	/* Now 4.0 against 4.4 a year ago: improvement (4.4 - 4.0) / 4.4 = 0.0909 -> 9.1 %. */
	assert_int_equal(eg_airq_improvement_rate(&r, 4.0, 4.4), EG_OK);
	assert_double_equal(r, 0.4 / 4.4, 1e-15);
	assert_int_equal(eg_airq_round(NULL, b, sizeof b, r * 100, 1), EG_OK);
	assert_string_equal(b, "9.1");
	assert_int_equal(eg_airq_change_rate(&r, 4.0, 4.4), EG_OK);
	assert_double_equal(r, -0.4 / 4.4, 1e-15); /* < 0: better */
	assert_error(eg_airq_change_rate(&r, 4.0, 0), EG_EINVAL, "reference index is 0");
	assert_error(eg_airq_improvement_rate(&r, NAN, 4.0), EG_EINVAL, "finite");
	/* A reference index near 0 overflows the rate: an error, not -inf (§5); out untouched. */
	r = 7;
	assert_error(eg_airq_improvement_rate(&r, 4.0, 1e-320), EG_ERANGE, "not a finite rate");
	assert_error(eg_airq_change_rate(&r, 4.0, 1e-320), EG_ERANGE, "not a finite rate");
	assert_true(r == 7);
	/* 1e300 / 1e-9 = 1e309 overflows (DBL_MAX is about 1.8e308); 1e300 / 1e-8 = 1e308 does not. */
	assert_error(eg_airq_change_rate(&r, 1e300, 1e-9), EG_ERANGE, NULL);
	assert_int_equal(eg_airq_change_rate(&r, 1e300, 1e-8), EG_OK);
}

static void test_cj_a3_5_ranks_1224_and_ties_at_last(void **state)
{
	(void)state;
	int32_t rk[6];
	/* Index ascending on 2 decimals: 1.234 and 1.2349 both report 1.23 -> tie. */
	double idx[4] = { 1.234, 1.2349, 0.9, 2.0 };
	double rates[6] = { 0.05, -0.02, 0.10, 0.05, -0.02, 0.01 };
	assert_int_equal(eg_airq_rank(rk, idx, 4, EG_RANK_ORDER_ASC, 2), EG_OK);
	assert_int_equal(rk[2], 1);
	assert_int_equal(rk[0], 2);
	assert_int_equal(rk[1], 2);
	assert_int_equal(rk[3], 4); /* 1, 2, 2, 4 */
	/* Improvement rates descending: 0.10 -> 1; 0.05 x2 -> 2; 0.01 -> 4; -0.02 x2 -> 5 (both last). */
	assert_int_equal(eg_airq_rank(rk, rates, 6, EG_RANK_ORDER_DESC, 3), EG_OK);
	assert_int_equal(rk[2], 1);
	assert_int_equal(rk[0], 2);
	assert_int_equal(rk[3], 2);
	assert_int_equal(rk[5], 4);
	assert_int_equal(rk[1], 5);
	assert_int_equal(rk[4], 5);
	assert_error(eg_airq_rank(rk, rates, 6, 7, 3), EG_EINVAL, "order 7");
	rates[0] = NAN;
	assert_error(eg_airq_rank(rk, rates, 6, 0, 3), EG_EINVAL, "value 0");
}

/* ---- §3, §4 hourly data ------------------------------------------------------- */

/* One station-month: every hour of every pollutant = base[p]. */
static double *station_month(int days, const double *base)
{
	double *h = malloc(sizeof *h * 6 * 24 * (size_t)days);
	assert_non_null(h);
	for (int p = 0; p < 6; p++)
		for (int i = 0; i < 24 * days; i++)
			h[p * 24 * days + i] = base[p];
	return h;
}

static void blank_day(double *h, int days, int p, int day)
{
	for (int i = 0; i < 24; i++)
		h[p * 24 * days + day * 24 + i] = NAN;
}

static void test_airq_s3_month_validity_26_vs_february_25(void **state)
{
	(void)state;
	eg_airq_profile *p = profile("CN2026");
	double base[6] = { 10, 20, 50, 30, 0.8, 100 };
	eg_airq_stat st[6];
	double *h = station_month(31, base);
	/* March: 5 days missing for every pollutant -> 26 valid < 27: flagged. */
	for (int pol = 0; pol < 6; pol++)
		for (int d = 0; d < 5; d++)
			blank_day(h, 31, pol, d);
	assert_int_equal(eg_airq_monthly_stats(st, p, h, 1, 31 * 24, &(eg_airq_monthly_options){ EG_AIRQ_MONTHLY_OPTIONS_VERSION, 2026, 3, NULL, NULL }), EG_OK);
	assert_int_equal(st[EG_POLLUTANT_SO2].valid, 0);
	assert_int_equal(st[EG_POLLUTANT_SO2].n_valid, 26);
	assert_int_equal(st[EG_POLLUTANT_SO2].n_required, 27);
	assert_double_equal(st[EG_POLLUTANT_SO2].value, 10, 1e-12); /* still returned, flagged */
	free(h);
	/* February 2026: 3 days missing -> 25 valid = the February minimum: valid. */
	h = station_month(28, base);
	for (int pol = 0; pol < 6; pol++)
		for (int d = 0; d < 3; d++)
			blank_day(h, 28, pol, d);
	assert_int_equal(eg_airq_monthly_stats(st, p, h, 1, 28 * 24, &(eg_airq_monthly_options){ EG_AIRQ_MONTHLY_OPTIONS_VERSION, 2026, 2, NULL, NULL }), EG_OK);
	assert_int_equal(st[EG_POLLUTANT_PM25].valid, 1);
	assert_int_equal(st[EG_POLLUTANT_PM25].n_valid, 25);
	assert_int_equal(st[EG_POLLUTANT_PM25].n_required, 25);
	assert_double_equal(st[EG_POLLUTANT_CO].value, 0.8, 1e-12);
	free(h);
	eg_airq_profile_free(p);
}

static void test_airq_s3_daily_mean_needs_20_hours(void **state)
{
	(void)state;
	eg_airq_profile *p = profile("CN2012");
	double base[6] = { 10, 20, 50, 30, 0.8, 100 };
	eg_airq_stat st[6];
	double *h = station_month(30, base);
	/* Day 1 of NO2: 4 hours missing (20 valid: valid); day 2: 5 missing (19: invalid). */
	for (int i = 0; i < 4; i++)
		h[1 * 24 * 30 + i] = NAN;
	for (int i = 0; i < 5; i++)
		h[1 * 24 * 30 + 24 + i] = NAN;
	assert_int_equal(eg_airq_monthly_stats(st, p, h, 1, 30 * 24, &(eg_airq_monthly_options){ EG_AIRQ_MONTHLY_OPTIONS_VERSION, 2026, 4, NULL, NULL }), EG_OK);
	assert_int_equal(st[EG_POLLUTANT_NO2].n_valid, 29);
	assert_int_equal(st[EG_POLLUTANT_SO2].n_valid, 30);
	free(h);
	eg_airq_profile_free(p);
}

static void test_airq_s3_mda8_with_13_windows_below_and_above_limit(void **state)
{
	(void)state;
	eg_airq_profile *p = profile("CN2012"); /* O3 limit 160 */
	double base[6] = { 10, 20, 50, 30, 0.8, 100 };
	eg_airq_stat st[6];
	double *h = station_month(31, base);
	/* Hours 18-23 missing every day: windows ending at 08:00-19:00 (hours 7..18)
	 * hold >= 6 values, those ending 20:00-24:00 do not: 13 valid windows < 14. */
	for (int d = 0; d < 31; d++)
		for (int i = 18; i < 24; i++)
			h[5 * 24 * 31 + d * 24 + i] = NAN;
	assert_int_equal(eg_airq_monthly_stats(st, p, h, 1, 31 * 24, &(eg_airq_monthly_options){ EG_AIRQ_MONTHLY_OPTIONS_VERSION, 2026, 1, NULL, NULL }), EG_OK);
	/* 100 <= 160: 13 windows are not enough: no valid MDA8 day. */
	assert_int_equal(st[EG_POLLUTANT_O3].n_valid, 0);
	assert_int_equal(st[EG_POLLUTANT_O3].valid, 0);
	assert_true(isnan(st[EG_POLLUTANT_O3].value));
	/* Same gaps at 170 > 160: the maximum already exceeds the limit: valid. */
	for (int d = 0; d < 31; d++)
		for (int i = 0; i < 18; i++)
			h[5 * 24 * 31 + d * 24 + i] = 170;
	assert_int_equal(eg_airq_monthly_stats(st, p, h, 1, 31 * 24, &(eg_airq_monthly_options){ EG_AIRQ_MONTHLY_OPTIONS_VERSION, 2026, 1, NULL, NULL }), EG_OK);
	assert_int_equal(st[EG_POLLUTANT_O3].n_valid, 31);
	assert_double_equal(st[EG_POLLUTANT_O3].value, 170, 1e-12);
	free(h);
	eg_airq_profile_free(p);
}

static void test_cj_a3_6_tampered_days_take_the_month_maximum(void **state)
{
	(void)state;
	eg_airq_profile *p = profile("CN2012");
	double base[6] = { 50, 20, 50, 30, 0.8, 100 };
	eg_airq_stat st[6];
	unsigned char tampered[31] = { 0 }, dust[31] = { 0 };
	double *h = station_month(31, base);
	/* SO2: day 3 reads 80 (the month's highest), day 10 was tampered with and reads 10. */
	for (int i = 0; i < 24; i++) {
		h[0 * 24 * 31 + 2 * 24 + i] = 80;
		h[0 * 24 * 31 + 9 * 24 + i] = 10;
	}
	tampered[9] = 1;
	assert_int_equal(eg_airq_monthly_stats(st, p, h, 1, 31 * 24, &(eg_airq_monthly_options){ EG_AIRQ_MONTHLY_OPTIONS_VERSION, 2026, 3, NULL, tampered }), EG_OK);
	/* Day 10 becomes 80: (29 x 50 + 80 + 80) / 31 = 1610 / 31 = 51.935... */
	assert_double_equal(st[EG_POLLUTANT_SO2].value, 1610.0 / 31, 1e-12);
	assert_int_equal(st[EG_POLLUTANT_SO2].n_valid, 31);
	/* Dust day: PM10 skips it, SO2 keeps it. */
	for (int i = 0; i < 24; i++)
		h[2 * 24 * 31 + 4 * 24 + i] = 500;
	dust[4] = 1;
	assert_int_equal(eg_airq_monthly_stats(st, p, h, 1, 31 * 24, &(eg_airq_monthly_options){ EG_AIRQ_MONTHLY_OPTIONS_VERSION, 2026, 3, dust, NULL }), EG_OK);
	assert_double_equal(st[EG_POLLUTANT_PM10].value, 50, 1e-12);
	assert_int_equal(st[EG_POLLUTANT_PM10].n_valid, 30);
	assert_int_equal(st[EG_POLLUTANT_SO2].n_valid, 31);
	free(h);
	eg_airq_profile_free(p);
}

static void test_airq_s3_errors_and_aggregation(void **state)
{
	(void)state;
	eg_airq_profile *p = profile("CN2012");
	double base[6] = { 10, 20, 50, 30, 0.8, 100 };
	eg_airq_stat st[12];
	double *h = station_month(30, base), agg[6 * 2];
	assert_error(eg_airq_monthly_stats(st, p, h, 1, 30 * 24, &(eg_airq_monthly_options){ EG_AIRQ_MONTHLY_OPTIONS_VERSION, 2026, 3, NULL, NULL }), EG_EINVAL, "has 31 days = 744 hours, not 720");
	assert_error(eg_airq_monthly_stats(st, p, h, 1, 30 * 24, &(eg_airq_monthly_options){ EG_AIRQ_MONTHLY_OPTIONS_VERSION, 2026, 13, NULL, NULL }), EG_EINVAL, "not a month");
	h[5] = -3;
	assert_error(eg_airq_monthly_stats(st, p, h, 1, 30 * 24, &(eg_airq_monthly_options){ EG_AIRQ_MONTHLY_OPTIONS_VERSION, 2026, 4, NULL, NULL }), EG_EINVAL, "station 0, SO2, day 1 hour 6: value -3");
	free(h);
	/* Two stations, 2 hours: the county value is the mean of valid station values. */
	{
		double two[2 * 6 * 2];
		for (int i = 0; i < 24; i++)
			two[i] = 10;
		two[0] = 20;          /* station 0, SO2, hour 0 */
		two[12 + 0] = NAN;    /* station 1, SO2, hour 0 missing */
		two[12 + 1] = 30;     /* station 1, SO2, hour 1 */
		assert_int_equal(eg_airq_aggregate_hours(agg, two, 2, 2), EG_OK);
		assert_double_equal(agg[0], 20, 0);  /* only station 0 valid */
		assert_double_equal(agg[1], 20, 0);  /* (10 + 30) / 2 */
		assert_error(eg_airq_aggregate_hours(agg, two, 0, 2), EG_EINVAL, "no station");
	}
	eg_airq_profile_free(p);
}

static void test_airq_s3_daily_values(void **state)
{
	(void)state;
	eg_airq_profile *p = profile("CN2012");
	double base[6] = { 10, 20, 50, 30, 0.8, 100 }, out[6 * 2];
	double *h = station_month(2, base);
	/* Day 2 of PM10: 5 hours missing -> 19 < 20: NaN; O3 constant 100 -> MDA8 100. */
	for (int i = 0; i < 5; i++)
		h[2 * 48 + 24 + i] = NAN;
	assert_int_equal(eg_airq_daily_values(out, p, h, 1, 48), EG_OK);
	assert_double_equal(out[0 * 2 + 0], 10, 1e-12);
	assert_double_equal(out[2 * 2 + 0], 50, 1e-12);
	assert_true(isnan(out[2 * 2 + 1]));
	assert_double_equal(out[5 * 2 + 1], 100, 1e-12);
	assert_error(eg_airq_daily_values(out, p, h, 1, 47), EG_EINVAL, "47 hours");
	free(h);
	eg_airq_profile_free(p);
}

static int scenario_airq(void *unused)
{
	(void)unused;
	eg_airq_profile *p = NULL;
	eg_airq_stat st[6];
	double base[6] = { 10, 20, 50, 30, 0.8, 100 }, v[] = { 1, 3, 2 }, r;
	int32_t rk[3];
	double *h;
	int rc;
	if ((rc = eg_airq_profile_named(&p, "CN2012")) < 0)
		return rc;
	h = station_month(30, base);
	rc = eg_airq_monthly_stats(st, p, h, 1, 720, &(eg_airq_monthly_options){ EG_AIRQ_MONTHLY_OPTIONS_VERSION, 2026, 4, NULL, NULL });
	if (rc == EG_OK)
		rc = eg_airq_percentile(&r, v, 3, 0.5);
	if (rc == EG_OK)
		rc = eg_airq_rank(rk, v, 3, EG_RANK_ORDER_ASC, 2);
	free(h);
	eg_airq_profile_free(p);
	return rc;
}

static void test_airq_every_allocation_failure_is_clean(void **state)
{
	(void)state;
	/* Profile, percentile, rank: eg_airq_monthly_stats() allocates nothing since the bench/ rework. */
	assert_true(tu_alloc_fail_loop(scenario_airq, NULL) >= 3);
}

/* ---- batch: eg_airq_composite_many (CJ-A3-3) ------------------------------- */

static void test_cj_a3_3_composite_many_matches_one_by_one(void **state)
{
	eg_airq_profile *p = NULL;
	eg_airq_stat st[3 * 6];
	double stats[6] = { 10, 30, 70, 35, 1.2, 150 }, comp[3] = { -1, -1, -1 };
	int32_t prim[3] = { 9, 9, 9 };
	eg_airq_index ix = EG_AIRQ_INDEX_INIT;
	(void)state;
	assert_int_equal(eg_airq_profile_named(&p, "CN2026"), EG_OK);
	memset(st, 0, sizeof st);
	for (int s = 0; s < 3; s++)
		for (int i = 0; i < 6; i++)
			st[s * 6 + i].value = stats[i] * (s + 1);
	st[2 * 6 + EG_POLLUTANT_O3].value = NAN; /* station 2: no valid O3 day */
	assert_int_equal(eg_airq_composite_many(comp, prim, p, st, 3, 0), EG_OK);
	assert_int_equal(eg_airq_composite(&ix, p, stats, 0), EG_OK);
	/* README: 4.49 reported under CN2026; same arithmetic, bit for bit. */
	assert_true(comp[0] == ix.composite);
	assert_int_equal(ix.reported_hundredths, 449);
	assert_int_equal(prim[0], ix.primary);
	assert_int_equal(prim[0], EG_POLLUTANT_PM10); /* 70 / 70 = 1.0 is the largest single index */
	/* Station 1 doubles every statistic: the index doubles exactly. */
	assert_double_equal(comp[1], 2 * ix.composite, 1e-12);
	assert_true(isnan(comp[2]));
	assert_int_equal(prim[2], -1);
	/* Rounding the statistics first (§2 reading): as eg_airq_composite with the flag. */
	stats[4] = 1.26;
	for (int i = 0; i < 6; i++)
		st[i].value = stats[i];
	assert_int_equal(eg_airq_composite_many(comp, NULL, p, st, 1, EG_AIRQ_ROUND_STATS_FIRST), EG_OK);
	assert_int_equal(eg_airq_composite(&ix, p, stats, EG_AIRQ_ROUND_STATS_FIRST), EG_OK);
	assert_true(comp[0] == ix.composite);
	eg_airq_profile_free(p);
}

static void test_cj_a3_3_composite_many_errors_write_nothing(void **state)
{
	eg_airq_profile *p = NULL;
	eg_airq_stat st[2 * 6];
	double comp[2] = { 7, 7 };
	(void)state;
	assert_int_equal(eg_airq_profile_named(&p, "CN2026"), EG_OK);
	memset(st, 0, sizeof st);
	for (int i = 0; i < 12; i++)
		st[i].value = 10;
	st[6 + EG_POLLUTANT_NO2].value = -1;
	assert_error(eg_airq_composite_many(comp, NULL, p, st, 2, 0), EG_EINVAL, "station 1: NO2 statistic -1");
	assert_true(comp[0] == 7 && comp[1] == 7);
	st[6 + EG_POLLUTANT_NO2].value = INFINITY;
	assert_error(eg_airq_composite_many(comp, NULL, p, st, 2, 0), EG_EINVAL, "station 1: NO2");
	st[6 + EG_POLLUTANT_NO2].value = 1e12;
	assert_error(eg_airq_composite_many(comp, NULL, p, st, 2, 0), EG_ERANGE, "station 1: NO2");
	assert_error(eg_airq_composite_many(comp, NULL, p, st, 2, 0x4), EG_EINVAL, "unknown flags");
	assert_error(eg_airq_composite_many(NULL, NULL, p, st, 2, 0), EG_EINVAL, "NULL");
	assert_error(eg_airq_composite_many(comp, NULL, NULL, st, 2, 0), EG_EINVAL, "NULL");
	assert_int_equal(eg_airq_composite_many(comp, NULL, p, NULL, 0, 0), EG_OK);
	assert_true(comp[0] == 7);
	eg_airq_profile_free(p);
}

/* ---- batch: eg_airq_composite_values (CJ-A3-3), rows of six doubles ---------- */

static void test_cj_a3_3_composite_values_equal_composite_many(void **state)
{
	eg_airq_profile *p = NULL;
	eg_airq_stat st[3 * 6];
	double rows[3 * 6], one[6] = { 10, 30, 70, 35, 1.2, 150 };
	double comp_many[3], comp_rows[3] = { -1, -1, -1 };
	int32_t prim_many[3], prim_rows[3] = { 9, 9, 9 };
	eg_airq_index ix = EG_AIRQ_INDEX_INIT;
	(void)state;
	assert_int_equal(eg_airq_profile_named(&p, "CN2026"), EG_OK);
	memset(st, 0, sizeof st);
	/* Station s: the README's statistics times s + 1; station 2 also has PM2.5 85 (> PM10's share). */
	for (int s = 0; s < 3; s++)
		for (int i = 0; i < 6; i++)
			st[s * 6 + i].value = rows[s * 6 + i] = one[i] * (s + 1);
	st[2 * 6 + EG_POLLUTANT_PM25].value = rows[2 * 6 + EG_POLLUTANT_PM25] = 85;
	assert_int_equal(eg_airq_composite_many(comp_many, prim_many, p, st, 3, 0), EG_OK);
	assert_int_equal(eg_airq_composite_values(comp_rows, prim_rows, p, rows, 3, 0), EG_OK);
	assert_int_equal(eg_airq_composite(&ix, p, one, 0), EG_OK);
	for (int s = 0; s < 3; s++) {
		assert_true(comp_rows[s] == comp_many[s]); /* bit for bit */
		assert_int_equal(prim_rows[s], prim_many[s]);
	}
	/* CN2026 row 0: 10/60 + 30/40 + 70/60 + 35/30 + 1.2/4 + 150/160 = 4.4875, reported 4.49 (README);
	 * PM10 70/60 and PM2.5 35/30 tie at 1.1667: the first, PM10, is primary. */
	assert_true(comp_rows[0] == ix.composite);
	assert_double_equal(comp_rows[0], 4.4875, 1e-12);
	assert_int_equal(prim_rows[0], EG_POLLUTANT_PM10);
	/* Row 2: PM10 210/60 = 3.5 > PM2.5 85/30 = 2.833: PM10 is primary. */
	assert_int_equal(prim_rows[2], EG_POLLUTANT_PM10);
	/* A NaN value: that row only has no index. */
	rows[1 * 6 + EG_POLLUTANT_CO] = NAN;
	assert_int_equal(eg_airq_composite_values(comp_rows, prim_rows, p, rows, 3, EG_AIRQ_ROUND_STATS_FIRST), EG_OK);
	assert_true(isnan(comp_rows[1]));
	assert_int_equal(prim_rows[1], -1);
	assert_int_equal(eg_airq_composite(&ix, p, one, EG_AIRQ_ROUND_STATS_FIRST), EG_OK);
	assert_true(comp_rows[0] == ix.composite);
	assert_false(isnan(comp_rows[2]));
	eg_airq_profile_free(p);
}

static void test_cj_a3_3_composite_values_errors_write_nothing(void **state)
{
	eg_airq_profile *p = NULL;
	double rows[2 * 6], comp[2] = { 7, 7 };
	int32_t prim[2] = { 9, 9 };
	(void)state;
	assert_int_equal(eg_airq_profile_named(&p, "CN2026"), EG_OK);
	for (int i = 0; i < 12; i++)
		rows[i] = 10;
	rows[6 + EG_POLLUTANT_O3] = -0.5;
	assert_error(eg_airq_composite_values(comp, prim, p, rows, 2, 0), EG_EINVAL, "station 1: O3 statistic -0.5");
	rows[6 + EG_POLLUTANT_O3] = -INFINITY;
	assert_error(eg_airq_composite_values(comp, prim, p, rows, 2, 0), EG_EINVAL, "station 1: O3");
	rows[6 + EG_POLLUTANT_O3] = 1e12; /* the bound itself is refused */
	assert_error(eg_airq_composite_values(comp, prim, p, rows, 2, 0), EG_ERANGE, "station 1: O3");
	rows[6 + EG_POLLUTANT_O3] = 10;
	assert_error(eg_airq_composite_values(comp, prim, p, rows, 2, 0x2), EG_EINVAL, "unknown flags 0x2");
	assert_error(eg_airq_composite_values(NULL, prim, p, rows, 2, 0), EG_EINVAL, "eg_airq_composite_values: NULL");
	assert_error(eg_airq_composite_values(comp, prim, NULL, rows, 2, 0), EG_EINVAL, "NULL");
	assert_error(eg_airq_composite_values(comp, prim, p, NULL, 2, 0), EG_EINVAL, "NULL");
	/* n × 6 would wrap size_t: refused before any value is read. */
	assert_error(eg_airq_composite_values(comp, prim, p, rows, SIZE_MAX / 6 + 1, 0), EG_ERANGE, "overflow");
	assert_true(comp[0] == 7 && comp[1] == 7 && prim[0] == 9 && prim[1] == 9);
	/* Just below the bound is a valid statistic; zero stations write nothing. */
	rows[6 + EG_POLLUTANT_O3] = 999999999999.0;
	assert_int_equal(eg_airq_composite_values(comp, NULL, p, rows, 2, 0), EG_OK);
	assert_int_equal(eg_airq_composite_values(comp, prim, p, NULL, 0, 0), EG_OK);
	assert_int_equal(prim[0], 9);
	eg_airq_profile_free(p);
}

/* The monthly path checks each station's block as it computes: the error names the first bad value. */
static void test_cj_a3_6_monthly_stats_second_station_bad_value_named(void **state)
{
	eg_airq_profile *p = NULL;
	eg_airq_stat st[12];
	double base[6] = { 10, 20, 50, 30, 0.8, 100 };
	double *h = malloc(sizeof *h * 2 * 6 * 720);
	(void)state;
	assert_non_null(h);
	assert_int_equal(eg_airq_profile_named(&p, "CN2026"), EG_OK);
	for (int s = 0; s < 2; s++)
		for (int q = 0; q < 6; q++)
			for (int i = 0; i < 720; i++)
				h[(s * 6 + q) * 720 + i] = base[q];
	h[(1 * 6 + EG_POLLUTANT_O3) * 720 + 24 * 3 + 4] = INFINITY; /* station 1, O3, day 4 hour 5 */
	assert_error(eg_airq_monthly_stats(st, p, h, 2, 720, &(eg_airq_monthly_options){ EG_AIRQ_MONTHLY_OPTIONS_VERSION, 2026, 4, NULL, NULL }), EG_EINVAL,
		     "station 1, O3, day 4 hour 5: value inf");
	h[(1 * 6 + EG_POLLUTANT_O3) * 720 + 24 * 3 + 4] = 100;
	h[(1 * 6 + EG_POLLUTANT_PM25) * 720 + 719] = -0.5; /* the last hour of the month */
	assert_error(eg_airq_monthly_stats(st, p, h, 2, 720, &(eg_airq_monthly_options){ EG_AIRQ_MONTHLY_OPTIONS_VERSION, 2026, 4, NULL, NULL }), EG_EINVAL,
		     "station 1, PM2.5, day 30 hour 24: value -0.5");
	h[(1 * 6 + EG_POLLUTANT_PM25) * 720 + 719] = 30;
	h[(1 * 6 + EG_POLLUTANT_NO2) * 720 + 24 + 2] = INFINITY; /* in the first eight days of a mean series */
	assert_error(eg_airq_monthly_stats(st, p, h, 2, 720, &(eg_airq_monthly_options){ EG_AIRQ_MONTHLY_OPTIONS_VERSION, 2026, 4, NULL, NULL }), EG_EINVAL,
		     "station 1, NO2, day 2 hour 3: value inf");
	h[(1 * 6 + EG_POLLUTANT_NO2) * 720 + 24 + 2] = 20;
	h[(0 * 6 + EG_POLLUTANT_O3) * 720 + 24 * 29 + 23] = -INFINITY;
	assert_error(eg_airq_monthly_stats(st, p, h, 2, 720, &(eg_airq_monthly_options){ EG_AIRQ_MONTHLY_OPTIONS_VERSION, 2026, 4, NULL, NULL }), EG_EINVAL,
		     "station 0, O3, day 30 hour 24: value -inf");
	h[(0 * 6 + EG_POLLUTANT_O3) * 720 + 24 * 29 + 23] = NAN; /* missing, and -0.0 is a valid zero */
	h[(0 * 6 + EG_POLLUTANT_SO2) * 720 + 5] = -0.0;
	assert_int_equal(eg_airq_monthly_stats(st, p, h, 2, 720, &(eg_airq_monthly_options){ EG_AIRQ_MONTHLY_OPTIONS_VERSION, 2026, 4, NULL, NULL }), EG_OK);
	/* Constant series: means and percentiles are the constants. */
	assert_double_equal(st[6 + EG_POLLUTANT_PM25].value, 30, 0);
	assert_double_equal(st[6 + EG_POLLUTANT_O3].value, 100, 0);
	assert_int_equal(st[6 + EG_POLLUTANT_O3].n_valid, 30);
	free(h);
	eg_airq_profile_free(p);
}

/* The caller-allocated index carries a version: the library fills version 1
 * and refuses any other, writing nothing. */
static void test_airq_index_version_is_checked(void **state)
{
	(void)state;
	eg_airq_profile *p = profile("CN2012");
	const double c[EG_POLLUTANT_COUNT] = { 6, 20, 60, 30, 1.0, 150 };
	eg_airq_index ix, before;
	memset(&ix, 0x5A, sizeof ix);
	assert_int_equal(eg_airq_index_init(&ix, EG_AIRQ_INDEX_VERSION), EG_OK);
	assert_int_equal(ix.version, EG_AIRQ_INDEX_VERSION);
	assert_int_equal(ix.primary + (int)ix.primary_mask + (int)ix.reported_hundredths + ix.reported[0], 0);
	assert_int_equal(eg_airq_composite(&ix, p, c, 0), EG_OK);
	assert_int_equal(ix.version, EG_AIRQ_INDEX_VERSION); /* kept */
	/* 6/60 + 20/40 + 60/70 + 30/35 + 1.0/4 + 150/160 = 0.1 + 0.5 + 0.857 + 0.857 + 0.25 + 0.9375 = 3.50 */
	assert_string_equal(ix.reported, "3.50");
	for (unsigned int v = 0; v <= 2; v += 2) {
		memset(&ix, 0x5A, sizeof ix);
		ix.version = v;
		before = ix;
		assert_error(eg_airq_composite(&ix, p, c, 0), EG_EINVAL, v ? "out->version 2 is not 1" : "out->version 0 is not 1");
		assert_memory_equal(&ix, &before, sizeof ix);
	}
	assert_error(eg_airq_index_init(&ix, 2), EG_EINVAL, "unknown version 2");
	assert_error(eg_airq_index_init(NULL, 1), EG_EINVAL, "out is NULL");
	eg_airq_profile_free(p);
}

/* eg_airq_stat has no version (it comes in arrays) but a reserved tail that
 * the library writes as zeros, whatever the caller's buffer held. */
static void test_airq_stat_reserved_tail_is_zeroed(void **state)
{
	(void)state;
	eg_airq_profile *p = profile("CN2012");
	static double hourly[EG_POLLUTANT_COUNT * 24 * 30];
	eg_airq_stat st[EG_POLLUTANT_COUNT];
	for (size_t i = 0; i < sizeof hourly / sizeof hourly[0]; i++)
		hourly[i] = 10;
	memset(st, 0x7F, sizeof st);
	assert_int_equal(eg_airq_monthly_stats(st, p, hourly, 1, 24 * 30, &(eg_airq_monthly_options){ EG_AIRQ_MONTHLY_OPTIONS_VERSION, 2026, 11, NULL, NULL }), EG_OK);
	for (int k = 0; k < EG_POLLUTANT_COUNT; k++) {
		assert_int_equal(st[k].reserved[0], 0);
		assert_int_equal(st[k].reserved[1], 0);
		assert_int_equal(st[k].n_days, 30); /* November */
	}
	eg_airq_profile_free(p);
}

/* eg_airq_monthly_options: eg_airq_monthly_options_init() writes exactly EG_AIRQ_MONTHLY_OPTIONS_INIT (the defaults, for FFIs
 * that cannot expand the macro); an unknown version is refused by the init
 * function and by eg_airq_monthly_stats() itself, nothing written or changed. */
static void test_airq_monthly_options_init_and_versions(void **state)
{
	(void)state;
	static const eg_airq_monthly_options want = EG_AIRQ_MONTHLY_OPTIONS_INIT;
	eg_airq_monthly_options o, before;
	int rc;
	eg_airq_profile *p = NULL;
	static const double hourly[EG_POLLUTANT_COUNT * 24 * 30];
	eg_airq_stat st[EG_POLLUTANT_COUNT];
	assert_int_equal(eg_airq_profile_named(&p, "CN2012"), EG_OK);
	memset(&o, 0xA5, sizeof o);
	assert_int_equal(eg_airq_monthly_options_init(&o, EG_AIRQ_MONTHLY_OPTIONS_VERSION), EG_OK);
	assert_int_equal(o.version, EG_AIRQ_MONTHLY_OPTIONS_VERSION);
	assert_int_equal(o.year, want.year);
	assert_int_equal(o.month, want.month);
	assert_ptr_equal(o.dust, want.dust);
	assert_ptr_equal(o.tampered, want.tampered);
	memset(&o, 0xA5, sizeof o);
	memset(&before, 0xA5, sizeof before);
	assert_error(eg_airq_monthly_options_init(&o, EG_AIRQ_MONTHLY_OPTIONS_VERSION + 1), EG_EINVAL, "unknown version 2");
	assert_memory_equal(&o, &before, sizeof o);
	assert_error(eg_airq_monthly_options_init(NULL, EG_AIRQ_MONTHLY_OPTIONS_VERSION), EG_EINVAL, "opts is NULL");
	/* The call refuses a version it does not know (0: never initialised; 2: newer). */
	o = want;
	o.version = 0;
	rc = eg_airq_monthly_stats(st, p, hourly, 1, 24 * 30, &o);
	assert_error(rc, EG_EINVAL, "version 0 is not 1");
	o.version = EG_AIRQ_MONTHLY_OPTIONS_VERSION + 1;
	rc = eg_airq_monthly_stats(st, p, hourly, 1, 24 * 30, &o);
	assert_error(rc, EG_EINVAL, "version 2 is not 1");
	rc = eg_airq_monthly_stats(st, p, hourly, 1, 24 * 30, NULL);
	assert_error(rc, EG_EINVAL, "is NULL (initialise it with EG_AIRQ_MONTHLY_OPTIONS_INIT)");
	eg_airq_profile_free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_airq_s1_profiles_by_name_and_date),
		cmocka_unit_test(test_airq_s1_custom_profile),
		cmocka_unit_test(test_cj_a3_3_composite_cn2012_vs_cn2026),
		cmocka_unit_test(test_cj_a3_3_round_statistics_first_option),
		cmocka_unit_test(test_gbt_8170_half_even_on_an_exact_five),
		cmocka_unit_test(test_hj_663_percentile_example),
		cmocka_unit_test(test_airq_s5_rates),
		cmocka_unit_test(test_cj_a3_5_ranks_1224_and_ties_at_last),
		cmocka_unit_test(test_airq_s3_month_validity_26_vs_february_25),
		cmocka_unit_test(test_airq_s3_daily_mean_needs_20_hours),
		cmocka_unit_test(test_airq_s3_mda8_with_13_windows_below_and_above_limit),
		cmocka_unit_test(test_cj_a3_6_tampered_days_take_the_month_maximum),
		cmocka_unit_test(test_airq_s3_errors_and_aggregation),
		cmocka_unit_test(test_airq_s3_daily_values),
		cmocka_unit_test(test_airq_every_allocation_failure_is_clean),
		cmocka_unit_test(test_cj_a3_3_composite_many_matches_one_by_one),
		cmocka_unit_test(test_cj_a3_3_composite_many_errors_write_nothing),
		cmocka_unit_test(test_cj_a3_3_composite_values_equal_composite_many),
		cmocka_unit_test(test_cj_a3_3_composite_values_errors_write_nothing),
		cmocka_unit_test(test_cj_a3_6_monthly_stats_second_station_bad_value_named),
		cmocka_unit_test(test_airq_index_version_is_checked),
		cmocka_unit_test(test_airq_stat_reserved_tail_is_zeroed),
		cmocka_unit_test(test_airq_monthly_options_init_and_versions),
	};
	return cmocka_run_group_tests_name("airq", tests, NULL, NULL);
}
