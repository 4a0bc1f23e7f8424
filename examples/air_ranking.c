/*
 * air_ranking: a month of synthetic hourly data for one station in each of
 * the seven Changji county units -> monthly statistics (airquality.md §3)
 * -> composite indices (CJ-A3-3) -> year-on-year improvement rates (§5)
 * -> the ranking (CJ-A3-5, "1224") -> the last place (CJ-A3-4).
 *
 * Usage: air_ranking [--en]
 */
#include <ecogrid/ecogrid.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define UNITS 7
#define DAYS 31 /* October 2026 */
#define HOURS (24 * DAYS)

static const char *const units[UNITS] = { "昌吉市", "阜康市", "呼图壁县", "玛纳斯县", "奇台县", "吉木萨尔县", "木垒哈萨克自治县" };
/* Typical October levels per unit (SO2, NO2, PM10, PM2.5, CO mg/m³, O3). */
static const double level[UNITS][EG_POLLUTANT_COUNT] = {
	{ 9, 38, 82, 41, 1.1, 96 }, { 12, 30, 75, 36, 1.0, 102 }, { 8, 26, 70, 33, 0.9, 105 },
	{ 10, 28, 74, 35, 0.9, 101 }, { 7, 22, 66, 30, 0.8, 108 }, { 7, 21, 64, 29, 0.7, 110 },
	{ 6, 18, 58, 26, 0.6, 112 },
};
/* Composite indices of October 2025 (the year-on-year reference). */
static const double ref_index[UNITS] = { 4.98, 4.62, 4.20, 4.41, 3.90, 3.85, 3.41 };

/* Deterministic noise so that the demo prints the same figures everywhere. */
static double noise(unsigned *seed)
{
	*seed = *seed * 1103515245u + 12345u;
	return ((*seed >> 8) % 2001) / 1000.0 - 1.0; /* -1 .. 1 */
}

int main(int argc, char **argv)
{
	int lang = argc > 1 && strcmp(argv[1], "--en") == 0 ? EG_LANG_EN : EG_LANG_ZH;
	eg_airq_profile *p = NULL;
	double *hourly = malloc(sizeof *hourly * UNITS * EG_POLLUTANT_COUNT * HOURS), rate[UNITS];
	eg_airq_monthly_options month = EG_AIRQ_MONTHLY_OPTIONS_INIT;
	eg_airq_stat st[UNITS * EG_POLLUTANT_COUNT];
	eg_airq_index ix[UNITS];
	int32_t rank[UNITS], worst = 0;
	unsigned seed = 2026;
	int rc = hourly ? eg_airq_profile_for_date(&p, "2026-10-31") : EG_ENOMEM;

	for (int u = 0; rc == EG_OK && u < UNITS; u++)
		for (int k = 0; k < EG_POLLUTANT_COUNT; k++)
			for (int h = 0; h < HOURS; h++) {
				double diurnal = k == EG_POLLUTANT_O3 ? 0.5 * sin((h % 24 - 8) * 3.14159 / 12) : 0;
				double v = level[u][k] * (1 + 0.3 * noise(&seed) + diurnal);
				/* About 3% of hours missing, as explicit NaN (§3). */
				hourly[((size_t)u * EG_POLLUTANT_COUNT + (size_t)k) * HOURS + (size_t)h] =
					noise(&seed) > 0.94 ? NAN : (v < 0 ? 0 : v);
			}
	month.year = 2026;
	month.month = 10;
	if (rc == EG_OK)
		rc = eg_airq_monthly_stats(st, p, hourly, UNITS, HOURS, &month);
	for (int u = 0; rc == EG_OK && u < UNITS; u++) {
		double stats[EG_POLLUTANT_COUNT];
		for (int k = 0; k < EG_POLLUTANT_COUNT; k++)
			stats[k] = st[u * EG_POLLUTANT_COUNT + k].value;
		ix[u] = (eg_airq_index)EG_AIRQ_INDEX_INIT;
		if ((rc = eg_airq_composite(&ix[u], p, stats, 0)) == EG_OK)
			rc = eg_airq_improvement_rate(&rate[u], ix[u].composite, ref_index[u]);
	}
	if (rc == EG_OK)
		rc = eg_airq_rank(rank, rate, UNITS, EG_RANK_ORDER_DESC, 3); /* rates ranked at 0.1 % */
	if (rc != EG_OK) {
		fprintf(stderr, "%s: %s\n", eg_strerror(rc), eg_error_last()->message);
	} else {
		printf(lang == EG_LANG_EN ? "2026-10 air quality (%s): composite index, year-on-year improvement, rank\n"
					  : "2026年10月环境空气质量（%s）：综合指数、同比改善率、排名\n",
		       eg_airq_profile_name(p));
		for (int u = 0; u < UNITS; u++)
			if (rank[u] > worst)
				worst = rank[u];
		for (int u = 0; u < UNITS; u++) {
			char pct[32];
			eg_airq_round(NULL, pct, sizeof pct, rate[u] * 100, 1);
			printf("  %d\t%s\t%s\t%s%%\t%s%s\n", rank[u], units[u], ix[u].reported, pct,
			       eg_pollutant_name(ix[u].primary),
			       rank[u] == worst ? (lang == EG_LANG_EN ? "\tlast place (CJ-A3-4)" : "\t末位（CJ-A3-4）") : "");
		}
	}
	eg_airq_profile_free(p);
	free(hourly);
	return rc == EG_OK ? 0 : 1;
}
