/*
 * The Air Quality Index by HJ 633-2012 and HJ 633-2026 (airquality.md §7):
 * IAQI per pollutant by linear interpolation, rounded up, the AQI, primary
 * pollutants, level and colour, and the unpublished AQI of HJ 633-2026.
 */
#include <ecogrid/aqi.h>

#include <math.h>
#include <string.h>

#include "util/error.h"

/* Round-up tolerance: the 1e-9 (relative) of airq.c's GB/T 8170 rounding (airq.h). */
#define TIE_EPS 1e-9

static const double iaqi_bp[8] = { 0, 50, 100, 150, 200, 300, 400, 500 };

/* Breakpoints of HJ 633-2012; -1 = none. Columns follow the §7 table. */
enum { T_SO2_24, T_SO2_1, T_NO2_24, T_NO2_1, T_PM10_24, T_CO_24, T_CO_1, T_O3_1, T_O3_8, T_PM25_24, T_COLS };
static const double bp2012[T_COLS][8] = {
	[T_SO2_24] = { 0, 50, 150, 475, 800, 1600, 2100, 2620 },
	[T_SO2_1] = { 0, 150, 500, 650, 800, -1, -1, -1 },
	[T_NO2_24] = { 0, 40, 80, 180, 280, 565, 750, 940 },
	[T_NO2_1] = { 0, 100, 200, 700, 1200, 2340, 3090, 3840 },
	[T_PM10_24] = { 0, 50, 150, 250, 350, 420, 500, 600 },
	[T_CO_24] = { 0, 2, 4, 14, 24, 36, 48, 60 },
	[T_CO_1] = { 0, 5, 10, 35, 60, 90, 120, 150 },
	[T_O3_1] = { 0, 160, 200, 300, 400, 800, 1000, 1200 },
	[T_O3_8] = { 0, 100, 160, 215, 265, 800, -1, -1 },
	[T_PM25_24] = { 0, 35, 75, 115, 150, 250, 350, 500 },
};

/* IAQI by linear interpolation, rounded up (§7); *clamped when above the table. */
static int32_t iaqi_of(const double *bp, double c, int *clamped, int *over_top)
{
	int top = 7;
	double v;
	while (bp[top] < 0)
		top--;
	*over_top = c > bp[top];
	if (c > bp[top]) {
		*clamped = 1;
		return 500;
	}
	for (int k = 1; k <= top; k++)
		if (c <= bp[k]) {
			v = (iaqi_bp[k] - iaqi_bp[k - 1]) / (bp[k] - bp[k - 1]) * (c - bp[k - 1]) + iaqi_bp[k - 1];
			return (int32_t)ceil(v - TIE_EPS * (v > 1 ? v : 1));
		}
	return 500;
}

int eg_aqi_result_init(eg_aqi_result *out, unsigned int version)
{
	static const eg_aqi_result init = EG_AQI_RESULT_INIT;
	if (!out)
		return eg__error(EG_EINVAL, "eg_aqi_result_init: out is NULL");
	if (version != EG_AQI_RESULT_VERSION)
		return eg__error(EG_EINVAL, "eg_aqi_result_init: unknown version %u (this library knows %u)", version,
				 EG_AQI_RESULT_VERSION);
	*out = init;
	return EG_OK;
}

int eg_aqi_compute(eg_aqi_result *out, const eg_airq_profile *p, const double *conc, int report)
{
	eg_aqi_result r;
	double bp[T_COLS][8];
	int v2026, any = 0, missing = 0, over, cl;
	static const unsigned char rgb[7][3] = { { 0, 0, 0 }, { 0, 228, 0 }, { 255, 255, 0 }, { 255, 126, 0 },
						 { 255, 0, 0 }, { 153, 0, 76 }, { 126, 0, 35 } };
	if (!out || !p || !conc)
		return eg__error(EG_EINVAL, "eg_aqi_compute: NULL argument");
	if (out->version != EG_AQI_RESULT_VERSION)
		return eg__error(EG_EINVAL, "eg_aqi_compute: out->version %u is not %u (initialise it with EG_AQI_RESULT_INIT)",
				 out->version, EG_AQI_RESULT_VERSION);
	if (report != EG_AQI_REPORT_DAILY && report != EG_AQI_REPORT_HOURLY)
		return eg__error(EG_EINVAL, "eg_aqi_compute: report %d is not daily or hourly", report);
	for (int i = 0; i < EG_AQI_SLOT_COUNT; i++)
		if (isinf(conc[i]) || conc[i] < 0)
			return eg__error(EG_EINVAL, "eg_aqi_compute: concentration in slot %d is %g", i, conc[i]);
	v2026 = eg_airq_profile_aqi_table(p) == EG_AQI_TABLE_HJ633_2026;
	memcpy(bp, bp2012, sizeof bp);
	if (v2026) {
		/* HJ 633-2026: PM10 100-breakpoint 120, PM2.5 60. */
		bp[T_PM10_24][2] = 120;
		bp[T_PM25_24][2] = 60;
	}
	memset(&r, 0, sizeof r);
	r.version = EG_AQI_RESULT_VERSION;
	for (int i = 0; i < EG_AQI_SLOT_COUNT; i++)
		r.iaqi[i] = -1;
	{
		/* Which table each slot reads, by report. */
		int daily = report == EG_AQI_REPORT_DAILY;
		int col[EG_AQI_SLOT_COUNT] = { daily ? T_SO2_24 : T_SO2_1, daily ? T_NO2_24 : T_NO2_1, T_PM10_24, T_PM25_24,
					  daily ? T_CO_24 : T_CO_1, T_O3_1, T_O3_8, -1 };
		int used[EG_AQI_SLOT_COUNT] = { 1, 1, 1, 1, 1, !(v2026 && daily), 1, 0 };
		for (int i = 0; i < EG_AQI_SLOT_COUNT; i++) {
			if (!used[i])
				continue;
			if (isnan(conc[i])) {
				missing++;
				continue;
			}
			any = 1;
			cl = 0;
			r.iaqi[i] = iaqi_of(bp[col[i]], conc[i], &cl, &over);
			if (i == EG_AQI_SLOT_SO2 && !daily && conc[i] > 800) {
				/* SO2 1 h above 800: 2012 uses the 24 h IAQI, 2026 sets 200. */
				cl = 0;
				if (v2026) {
					r.iaqi[i] = 200;
				} else {
					if (isnan(conc[EG_AQI_SLOT_SO2_24H]))
						return eg__error(EG_EINVAL, "HJ 633-2012: SO2 1 h %g > 800 needs the SO2 24 h mean (slot %d)",
								 conc[i], EG_AQI_SLOT_SO2_24H);
					r.iaqi[i] = iaqi_of(bp[T_SO2_24], conc[EG_AQI_SLOT_SO2_24H], &cl, &over);
				}
			}
			if (i == EG_AQI_SLOT_O3_8H && conc[i] > 800) {
				/* O3 8 h above 800: 2012 uses the 1 h IAQI, 2026 sets 300. */
				cl = 0;
				if (v2026) {
					r.iaqi[i] = 300;
				} else {
					r.iaqi[i] = -1; /* the O3 1 h slot stands in */
					if (isnan(conc[EG_AQI_SLOT_O3_1H]))
						return eg__error(EG_EINVAL, "HJ 633-2012: O3 8 h %g > 800 needs the O3 1 h value", conc[i]);
				}
			}
			r.clamped |= cl;
		}
	}
	if (!any)
		return eg__error(EG_EINVAL, "eg_aqi_compute: no pollutant value given");
	for (int i = 0; i < EG_AQI_SLOT_COUNT; i++)
		if (r.iaqi[i] > r.aqi)
			r.aqi = r.iaqi[i];
	if (v2026 && r.aqi < 1)
		r.aqi = 1; /* HJ 633-2026: AQI ranges 1-500 */
	r.published = 1;
	if (v2026 && missing && r.aqi <= 100)
		r.published = 0; /* computed from the others, not published */
	if (r.aqi > 50)
		for (int i = 0; i < EG_AQI_SLOT_COUNT; i++)
			if (r.iaqi[i] == r.aqi)
				r.primary_mask |= 1u << i;
	r.level = r.aqi <= 50 ? 1 : r.aqi <= 100 ? 2 : r.aqi <= 150 ? 3 : r.aqi <= 200 ? 4 : r.aqi <= 300 ? 5 : 6;
	memcpy(r.rgb, rgb[r.level], 3);
	if (!r.published) {
		r.level = 0;
		memset(r.rgb, 0, 3);
	}
	*out = r;
	return EG_OK;
}

const char *eg_aqi_level_name(int level, int lang)
{
	static const char *const zh[] = { "优", "良", "轻度污染", "中度污染", "重度污染", "严重污染" };
	static const char *const en[] = { "excellent", "good", "lightly polluted", "moderately polluted",
					  "heavily polluted", "severely polluted" };
	if (level < 1 || level > 6)
		return NULL;
	return lang == EG_LANG_EN ? en[level - 1] : zh[level - 1];
}
