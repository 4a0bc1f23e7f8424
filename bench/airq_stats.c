/*
 * Monthly air statistics benchmark (airquality.md §3, CJ-A3-3, CJ-A3-6):
 * 20,000 stations × 744 hours (October) × 6 pollutants to monthly
 * statistics (eg_airq_monthly_stats: daily means, MDA8, means and
 * percentiles with validity) and a composite index per station
 * (eg_airq_composite_many). Baseline in the same round: one pass summing
 * the same array with four accumulators (the memory-bandwidth floor).
 *
 * The data are built to exercise the branches users hit (fixed seed):
 * levels per pollutant with a diurnal swing and a per-station factor; about
 * 1 % of hours missing at random; clustered gaps as real networks have
 * them: station outages of 1-4 whole days (15 % of stations) and of 5-10
 * days (4 %: the month is then invalid), one analyser down for a day (20 %
 * of stations), calibration gaps of 2-6 hours (5 % of station-days, some
 * days then invalid); a two-day regional dust episode (a fifth of the
 * stations, PM10 and PM2.5 four times higher, flagged in `dust`) and
 * verified interference on 0.2 % of station-days (`tampered`, CJ-A3-6).
 *
 * Usage: bench_airq_stats [--scale S] [--stations N] [--rounds R] [--dump FILE]
 *                         [--no-flags] [--scaling]
 *   --scale S     S × 20,000 stations (default 1)
 *   --stations N  exactly N stations (overrides --scale)
 *   --rounds R    timed rounds; the ratio is taken per round, median/min/max
 *   --dump FILE   also write the hourly array (float64, native order) to
 *                 FILE, for bench/python_batch.py to run the same data
 *   --no-flags    pass no dust and interference flags (what the Python
 *                 batch path, ecogrid.monthly_indices(), computes)
 *   --scaling     1x, 2x, 4x the stations (prefixes of one array),
 *                 interleaved round by round, CPU time (bench=scaling line)
 */
#include <ecogrid/ecogrid.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "benchutil.h"

#define STATIONS 20000
#define DAYS 31
#define HOURS (24 * DAYS) /* October 2026 */
#define MAX_ROUNDS BU_MAX_ROUNDS

/* Plausible levels per pollutant (µg/m³; CO mg/m³) with a diurnal swing. */
static const double base[EG_POLLUTANT_COUNT] = { 8, 30, 70, 35, 0.8, 90 };
static const double swing[EG_POLLUTANT_COUNT] = { 4, 15, 30, 15, 0.4, 60 };

static void blank(double *x, size_t from, size_t n)
{
	for (size_t k = from; k < from + n && k < HOURS; k++)
		x[k] = NAN;
}

/* The hourly array and the per-station-day dust and interference flags (see the top comment). */
static void fill(double *h, unsigned char *dust, unsigned char *tampered, size_t stations)
{
	bu_rng rng = { 0x853C49E6748FEA9BULL };
	for (size_t s = 0; s < stations; s++) {
		double factor = 0.5 + (double)bu_below(&rng, 1000) / 1000.0;
		int dusty = s % 5 == 0;
		for (int d = 0; d < DAYS; d++) {
			dust[s * DAYS + (size_t)d] = (unsigned char)(dusty && (d == 13 || d == 14));
			tampered[s * DAYS + (size_t)d] = bu_below(&rng, 1000) < 2;
		}
		for (int p = 0; p < EG_POLLUTANT_COUNT; p++) {
			double *x = h + (s * EG_POLLUTANT_COUNT + (size_t)p) * HOURS;
			int pm = p == EG_POLLUTANT_PM10 || p == EG_POLLUTANT_PM25;
			for (size_t k = 0; k < HOURS; k++) {
				double diurnal = (double)((k + (p == EG_POLLUTANT_O3 ? 10 : 0)) % 24) / 23.0;
				double v = factor * (base[p] + swing[p] * diurnal + swing[p] * (double)bu_below(&rng, 1000) / 1000.0);
				if (pm && dust[s * DAYS + k / 24])
					v *= 4;
				x[k] = bu_below(&rng, 100) == 0 ? NAN : v;
			}
			/* Calibration gaps: 2-6 hours on 5 % of days. */
			for (int d = 0; d < DAYS; d++)
				if (bu_below(&rng, 100) < 5)
					blank(x, (size_t)d * 24 + bu_below(&rng, 20), 2 + bu_below(&rng, 5));
		}
		/* One analyser down for a whole day (20 % of stations). */
		if (bu_below(&rng, 100) < 20)
			blank(h + (s * EG_POLLUTANT_COUNT + bu_below(&rng, EG_POLLUTANT_COUNT)) * HOURS, bu_below(&rng, DAYS) * 24, 24);
		/* Station outages: 1-4 days (15 %), 5-10 days (4 %), every pollutant. */
		{
			unsigned long long u = bu_below(&rng, 100);
			size_t len = u < 15 ? 1 + bu_below(&rng, 4) : u < 19 ? 5 + bu_below(&rng, 6) : 0;
			size_t from = bu_below(&rng, DAYS) * 24;
			for (int p = 0; len && p < EG_POLLUTANT_COUNT; p++)
				blank(h + (s * EG_POLLUTANT_COUNT + (size_t)p) * HOURS, from, len * 24);
		}
	}
}

/* One round at `stations` stations: baseline, then the workload; CPU seconds of each into *tb, *tw. */
static int round_at(size_t stations, const double *h, const unsigned char *dust, const unsigned char *tampered,
		    eg_airq_stat *st, double *composite, const eg_airq_profile *p, double *tb, double *tw,
		    double *sum)
{
	size_t n = stations * EG_POLLUTANT_COUNT * HOURS, i;
	double s0 = 0, s1 = 0, s2 = 0, s3 = 0, t = bu_cpu_now();
	eg_airq_monthly_options o = EG_AIRQ_MONTHLY_OPTIONS_INIT;
	o.year = 2026;
	o.month = 10;
	o.dust = dust;
	o.tampered = tampered;
	for (i = 0; i + 4 <= n; i += 4) {
		s0 += isnan(h[i]) ? 0 : h[i];
		s1 += isnan(h[i + 1]) ? 0 : h[i + 1];
		s2 += isnan(h[i + 2]) ? 0 : h[i + 2];
		s3 += isnan(h[i + 3]) ? 0 : h[i + 3];
	}
	for (; i < n; i++)
		s0 += isnan(h[i]) ? 0 : h[i];
	*tb = bu_cpu_now() - t;
	*sum = s0 + s1 + s2 + s3;
	t = bu_cpu_now();
	if (eg_airq_monthly_stats(st, p, h, stations, HOURS, &o) != EG_OK ||
	    eg_airq_composite_many(composite, NULL, p, st, stations, 0) != EG_OK) {
		fprintf(stderr, "%s\n", eg_error_last()->message);
		return -1;
	}
	*tw = bu_cpu_now() - t;
	return 0;
}

int main(int argc, char **argv)
{
	int scale = 1, rounds = 5, flags = 1, scaling = 0;
	size_t stations = 0, n, valid = 0, invalid_stats = 0;
	const char *dump = NULL;
	double *h, *composite, t, c0, sum = 0, checksum = 0, tb[MAX_ROUNDS], tw[MAX_ROUNDS], cb[MAX_ROUNDS], cw[MAX_ROUNDS];
	double mb, mw, mcb, mcw;
	bu_spread ratio, cpu_ratio;
	unsigned char *dust, *tampered;
	eg_airq_stat *st;
	eg_airq_profile *p = NULL;
	eg_airq_monthly_options o = EG_AIRQ_MONTHLY_OPTIONS_INIT;

	if (bu_options(argc, argv, &scale, &rounds) < 0)
		return 2;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--stations") == 0 && i + 1 < argc)
			stations = (size_t)atol(argv[++i]);
		else if (strcmp(argv[i], "--dump") == 0 && i + 1 < argc)
			dump = argv[++i];
		else if (strcmp(argv[i], "--no-flags") == 0)
			flags = 0;
		else if (strcmp(argv[i], "--scaling") == 0)
			scaling = 1;
	}
	if (stations == 0)
		stations = (size_t)STATIONS * (size_t)scale;
	if (scaling)
		stations *= 4;
	if (rounds > MAX_ROUNDS)
		rounds = MAX_ROUNDS;
	n = stations * EG_POLLUTANT_COUNT * HOURS;
	h = malloc(n * sizeof *h);
	st = malloc(stations * EG_POLLUTANT_COUNT * sizeof *st);
	composite = malloc(stations * sizeof *composite);
	dust = malloc(stations * DAYS);
	tampered = malloc(stations * DAYS);
	if (!h || !st || !composite || !dust || !tampered || eg_airq_profile_named(&p, "CN2026") != EG_OK)
		return 1;
	fill(h, dust, tampered, stations);
	if (!flags) {
		free(dust);
		free(tampered);
		dust = tampered = NULL;
	}
	o.year = 2026;
	o.month = 10;
	o.dust = dust;
	o.tampered = tampered;
	if (dump) {
		FILE *f = fopen(dump, "wb");
		if (!f || fwrite(h, sizeof *h, n, f) != n || fclose(f) != 0) {
			fprintf(stderr, "cannot write %s\n", dump);
			return 1;
		}
	}
	if (scaling) {
		double ts[MAX_ROUNDS * 3], bs[MAX_ROUNDS * 3];
		for (int r = 0; r < rounds; r++)
			for (int k = 0; k < 3; k++)
				if (round_at(stations / 4 << k, h, dust, tampered, st, composite, p, &bs[r * 3 + k],
					     &ts[r * 3 + k], &sum) < 0)
					return 1;
		printf("# airq_stats scaling: %zu / %zu / %zu stations (sum %.1f)\n", stations / 4, stations / 2, stations, sum);
		bu_print_scaling("airq_stats", "sum_pass", ts, bs, rounds);
		free(h);
		free(st);
		free(composite);
		free(dust);
		free(tampered);
		eg_airq_profile_free(p);
		return 0;
	}
	for (int r = 0; r < rounds; r++) {
		double s0 = 0, s1 = 0, s2 = 0, s3 = 0, c = 0;
		size_t i;
		/* Baseline: one pass over the same values, four independent sums. */
		c0 = bu_cpu_now();
		t = bu_now();
		for (i = 0; i + 4 <= n; i += 4) {
			s0 += isnan(h[i]) ? 0 : h[i];
			s1 += isnan(h[i + 1]) ? 0 : h[i + 1];
			s2 += isnan(h[i + 2]) ? 0 : h[i + 2];
			s3 += isnan(h[i + 3]) ? 0 : h[i + 3];
		}
		for (; i < n; i++)
			s0 += isnan(h[i]) ? 0 : h[i];
		tb[r] = bu_now() - t;
		cb[r] = bu_cpu_now() - c0;
		sum = s0 + s1 + s2 + s3;

		/* Workload: monthly statistics, then a composite index per station. */
		c0 = bu_cpu_now();
		t = bu_now();
		if (eg_airq_monthly_stats(st, p, h, stations, HOURS, &o) != EG_OK ||
		    eg_airq_composite_many(composite, NULL, p, st, stations, 0) != EG_OK) {
			fprintf(stderr, "%s\n", eg_error_last()->message);
			return 1;
		}
		tw[r] = bu_now() - t;
		cw[r] = bu_cpu_now() - c0;
		valid = 0;
		for (size_t k = 0; k < stations; k++)
			if (!isnan(composite[k])) {
				c += composite[k];
				valid++;
			}
		checksum = c;
	}
	for (size_t k = 0; k < stations * EG_POLLUTANT_COUNT; k++)
		invalid_stats += !st[k].valid;
	ratio = bu_ratio_spread(tw, tb, rounds);
	cpu_ratio = bu_ratio_spread(cw, cb, rounds);
	mb = bu_median(tb, rounds);
	mw = bu_median(tw, rounds);
	mcb = bu_median(cb, rounds);
	mcw = bu_median(cw, rounds);
	printf("bench=airq_stats scale=%d stations=%zu values=%zu rounds=%d flags=%d stats_s=%.4f values_per_s=%.0f "
	       "baseline_sum_s=%.4f",
	       scale, stations, n, rounds, flags, mw, (double)n / mw, mb);
	bu_print_spread("ratio", ratio, 2);
	printf(" stats_cpu_s=%.4f baseline_cpu_s=%.4f", mcw, mcb);
	bu_print_spread("cpu_ratio", cpu_ratio, 2);
	printf(" indices=%zu invalid_stats=%zu checksum=%.6f sum=%.1f peak_rss_bytes=%zu\n", valid, invalid_stats,
	       checksum, sum, bu_peak_rss());
	printf("airq_stats: %zu stations x 744 h x 6 pollutants (%zu values) in %.3f s = %.1f M values/s "
	       "(median of %d); %.2fx a plain summing pass (%.3f s; per round %.2f-%.2f); in CPU time %.2fx; "
	       "%zu of %zu statistics invalid (too few valid days)\n",
	       stations, n, mw, (double)n / mw / 1e6, rounds, ratio.med, mb, ratio.min, ratio.max, cpu_ratio.med,
	       invalid_stats, stations * EG_POLLUTANT_COUNT);
	free(h);
	free(st);
	free(composite);
	free(dust);
	free(tampered);
	eg_airq_profile_free(p);
	return 0;
}
