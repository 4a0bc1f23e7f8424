/* aqi.h: AQI by HJ 633-2012 and HJ 633-2026 (airquality.md §7). */
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

/* Every breakpoint of the daily columns of both tables maps to its IAQI
 * (airquality.md §7, transcribed here independently of src/airq.c). */
static void test_airq_s7_every_daily_breakpoint_both_tables(void **state)
{
	(void)state;
	static const double iaqi[8] = { 0, 50, 100, 150, 200, 300, 400, 500 };
	static const double so2[8] = { 0, 50, 150, 475, 800, 1600, 2100, 2620 };
	static const double no2[8] = { 0, 40, 80, 180, 280, 565, 750, 940 };
	static const double pm10[8] = { 0, 50, 150, 250, 350, 420, 500, 600 };
	static const double co[8] = { 0, 2, 4, 14, 24, 36, 48, 60 };
	static const double pm25[8] = { 0, 35, 75, 115, 150, 250, 350, 500 };
	static const double o3_8[6] = { 0, 100, 160, 215, 265, 800 };
	const char *names[2] = { "CN2012", "CN2026" };
	for (int v = 0; v < 2; v++) {
		eg_airq_profile *p = profile(names[v]);
		for (int k = 1; k < 8; k++) {
			eg_aqi_result r = EG_AQI_RESULT_INIT;
			double c[EG_AQI_SLOT_COUNT] = { so2[k], no2[k], pm10[k], pm25[k], co[k], NAN, k < 6 ? o3_8[k] : NAN, NAN };
			if (v == 1 && k == 2) {
				c[EG_AQI_SLOT_PM10] = 120; /* HJ 633-2026 */
				c[EG_AQI_SLOT_PM25] = 60;
			}
			assert_int_equal(eg_aqi_compute(&r, p, c, EG_AQI_REPORT_DAILY), EG_OK);
			for (int slot = 0; slot < 5; slot++)
				assert_int_equal(r.iaqi[slot], (int32_t)iaqi[k]);
			if (k < 6)
				assert_int_equal(r.iaqi[EG_AQI_SLOT_O3_8H], (int32_t)iaqi[k]);
			assert_int_equal(r.clamped, 0);
		}
		eg_airq_profile_free(p);
	}
}

/* ---- §7 AQI -------------------------------------------------------------------- */

static eg_aqi_result aqi(const char *prof, double so2, double no2, double pm10, double pm25, double co, double o3_1,
			 double o3_8, int report)
{
	eg_airq_profile *p = profile(prof);
	eg_aqi_result r = EG_AQI_RESULT_INIT;
	double c[EG_AQI_SLOT_COUNT] = { so2, no2, pm10, pm25, co, o3_1, o3_8, NAN };
	if (eg_aqi_compute(&r, p, c, report) != EG_OK)
		fail_msg("aqi: %s", eg_error_last()->message);
	eg_airq_profile_free(p);
	return r;
}

static void test_airq_s7_iaqi_at_and_between_breakpoints(void **state)
{
	(void)state;
	eg_aqi_result r = aqi("CN2012", 50, 80, 120, 60, 5, 160, 215, EG_AQI_REPORT_DAILY);
	assert_int_equal(r.iaqi[EG_AQI_SLOT_SO2], 50);   /* at the 50 breakpoint */
	assert_int_equal(r.iaqi[EG_AQI_SLOT_NO2], 100);  /* at the 100 breakpoint */
	assert_int_equal(r.iaqi[EG_AQI_SLOT_PM10], 85);  /* 50/100 x 70 + 50 = 85 */
	assert_int_equal(r.iaqi[EG_AQI_SLOT_PM25], 82);  /* 50/40 x 25 + 50 = 81.25 -> up to 82 */
	assert_int_equal(r.iaqi[EG_AQI_SLOT_CO], 105);   /* 50/10 x 1 + 100 = 105 */
	assert_int_equal(r.iaqi[EG_AQI_SLOT_O3_1H], 50); /* 160 -> 50 */
	assert_int_equal(r.iaqi[EG_AQI_SLOT_O3_8H], 150); /* 215 -> 150 */
	assert_int_equal(r.aqi, 150);
	assert_int_equal(r.level, 3);
	assert_int_equal(r.primary_mask, 1u << EG_AQI_SLOT_O3_8H);
	assert_memory_equal(r.rgb, ((unsigned char[]){ 255, 126, 0 }), 3);
	assert_string_equal(eg_aqi_level_name(r.level, EG_LANG_ZH), "轻度污染");
	/* HJ 633-2026: PM10 100 at 120, PM2.5 100 at 60. */
	r = aqi("CN2026", 50, 80, 120, 60, 5, NAN, 100, EG_AQI_REPORT_DAILY);
	assert_int_equal(r.iaqi[EG_AQI_SLOT_PM10], 100);
	assert_int_equal(r.iaqi[EG_AQI_SLOT_PM25], 100);
	assert_int_equal(r.iaqi[EG_AQI_SLOT_O3_1H], -1); /* no O3 1 h in 2026 daily reports */
	/* PM2.5 75 under 2026: 50/55 x 15 + 100 = 113.6 -> 114. */
	r = aqi("CN2026", 5, 5, 5, 75, 0.1, NAN, 10, EG_AQI_REPORT_DAILY);
	assert_int_equal(r.iaqi[EG_AQI_SLOT_PM25], 114);
	assert_int_equal(r.aqi, 114);
}

static void test_airq_s7_over_800_rules_of_both_versions(void **state)
{
	(void)state;
	eg_airq_profile *p12 = profile("CN2012");
	eg_aqi_result r = EG_AQI_RESULT_INIT;
	double c[EG_AQI_SLOT_COUNT] = { 900, 10, 10, 10, 0.1, 100, 50, 200 };
	/* 2012 hourly: SO2 1 h 900 > 800 -> the 24 h IAQI: 50/325 x 50 + 100 = 107.7 -> 108. */
	assert_int_equal(eg_aqi_compute(&r, p12, c, EG_AQI_REPORT_HOURLY), EG_OK);
	assert_int_equal(r.iaqi[EG_AQI_SLOT_SO2], 108);
	assert_int_equal(r.clamped, 0);
	c[EG_AQI_SLOT_SO2_24H] = NAN;
	assert_error(eg_aqi_compute(&r, p12, c, EG_AQI_REPORT_HOURLY), EG_EINVAL, "needs the SO2 24 h mean");
	/* 2026 hourly: SO2 1 h > 800 -> 200. */
	r = aqi("CN2026", 900, 10, 10, 10, 0.1, 100, 50, EG_AQI_REPORT_HOURLY);
	assert_int_equal(r.iaqi[EG_AQI_SLOT_SO2], 200);
	/* 2012 daily: O3 8 h 850 > 800 -> O3 1 h 900 stands in: 100/200 x 100 + 300 = 350. */
	r = aqi("CN2012", 10, 10, 10, 10, 0.1, 900, 850, EG_AQI_REPORT_DAILY);
	assert_int_equal(r.iaqi[EG_AQI_SLOT_O3_8H], -1);
	assert_int_equal(r.aqi, 350);
	assert_int_equal(r.level, 6);
	/* 2026: O3 8 h > 800 -> 300. */
	r = aqi("CN2026", 10, 10, 10, 10, 0.1, NAN, 850, EG_AQI_REPORT_DAILY);
	assert_int_equal(r.iaqi[EG_AQI_SLOT_O3_8H], 300);
	assert_int_equal(r.aqi, 300);
	eg_airq_profile_free(p12);
}

static void test_airq_s7_clamp_primary_ties_and_unpublished(void **state)
{
	(void)state;
	eg_aqi_result r = aqi("CN2012", 10, 10, 10, 600, 0.1, 10, 10, EG_AQI_REPORT_DAILY);
	/* PM2.5 600 > 500: clamped at 500, flagged. */
	assert_int_equal(r.aqi, 500);
	assert_int_equal(r.clamped, 1);
	/* Ties: PM10 150 and PM2.5 75 both 100 -> both primary. */
	r = aqi("CN2012", 10, 10, 150, 75, 0.1, 10, 10, EG_AQI_REPORT_DAILY);
	assert_int_equal(r.primary_mask, (1u << EG_AQI_SLOT_PM10) | (1u << EG_AQI_SLOT_PM25));
	/* AQI <= 50: no primary pollutant. */
	r = aqi("CN2012", 10, 10, 10, 10, 0.1, 10, 10, EG_AQI_REPORT_DAILY);
	assert_int_equal(r.primary_mask, 0);
	assert_int_equal(r.level, 1);
	/* 2026 with PM2.5 missing and AQI <= 100: not published. */
	r = aqi("CN2026", 10, 10, 10, NAN, 0.1, NAN, 10, EG_AQI_REPORT_DAILY);
	assert_int_equal(r.published, 0);
	assert_int_equal(r.level, 0);
	/* ... but published when the others already exceed 100. */
	r = aqi("CN2026", 10, 10, 250, NAN, 0.1, NAN, 10, EG_AQI_REPORT_DAILY);
	assert_int_equal(r.published, 1);
	assert_int_equal(r.aqi, 150);
	/* 2026: AQI is at least 1. */
	r = aqi("CN2026", 0, 0, 0, 0, 0, NAN, 0, EG_AQI_REPORT_DAILY);
	assert_int_equal(r.aqi, 1);
	{
		eg_airq_profile *p = profile("CN2012");
		double none[EG_AQI_SLOT_COUNT] = { NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN }, neg[EG_AQI_SLOT_COUNT] = { -1, 0, 0, 0, 0, 0, 0, 0 };
		assert_error(eg_aqi_compute(&r, p, none, EG_AQI_REPORT_DAILY), EG_EINVAL, "no pollutant");
		assert_error(eg_aqi_compute(&r, p, neg, EG_AQI_REPORT_DAILY), EG_EINVAL, "slot 0 is -1");
		assert_error(eg_aqi_compute(&r, p, neg, 5), EG_EINVAL, "report 5");
		eg_airq_profile_free(p);
	}
}

/* The caller-allocated AQI result carries a version: version 1 is filled,
 * any other refused with nothing written. */
static void test_aqi_result_version_is_checked(void **state)
{
	(void)state;
	eg_airq_profile *p = profile("CN2012");
	const double c[EG_AQI_SLOT_COUNT] = { 10, 10, 10, 35, 0.1, 10, 10, NAN };
	eg_aqi_result r, before;
	memset(&r, 0x5A, sizeof r);
	assert_int_equal(eg_aqi_result_init(&r, EG_AQI_RESULT_VERSION), EG_OK);
	assert_int_equal(r.version, EG_AQI_RESULT_VERSION);
	assert_int_equal(r.aqi + r.level + r.published + r.iaqi[0] + r.rgb[0], 0);
	assert_int_equal(eg_aqi_compute(&r, p, c, EG_AQI_REPORT_DAILY), EG_OK);
	assert_int_equal(r.version, EG_AQI_RESULT_VERSION);
	assert_int_equal(r.aqi, 50); /* PM2.5 35 is the 50 breakpoint exactly */
	memset(&r, 0x5A, sizeof r);
	r.version = 2;
	before = r;
	assert_error(eg_aqi_compute(&r, p, c, EG_AQI_REPORT_DAILY), EG_EINVAL, "out->version 2 is not 1");
	assert_memory_equal(&r, &before, sizeof r);
	r.version = 0;
	assert_error(eg_aqi_compute(&r, p, c, EG_AQI_REPORT_DAILY), EG_EINVAL, "out->version 0 is not 1");
	assert_error(eg_aqi_result_init(&r, 0), EG_EINVAL, "unknown version 0");
	assert_error(eg_aqi_result_init(NULL, 1), EG_EINVAL, "out is NULL");
	eg_airq_profile_free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_airq_s7_every_daily_breakpoint_both_tables),
		cmocka_unit_test(test_airq_s7_iaqi_at_and_between_breakpoints),
		cmocka_unit_test(test_airq_s7_over_800_rules_of_both_versions),
		cmocka_unit_test(test_airq_s7_clamp_primary_ties_and_unpublished),
		cmocka_unit_test(test_aqi_result_version_is_checked),
	};
	return cmocka_run_group_tests_name("aqi", tests, NULL, NULL);
}
