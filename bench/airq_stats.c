/*
 * Monthly air statistics benchmark (airquality.md §3, CJ-A3-3, CJ-A3-6):
 * 20,000 stations × 744 hours (October) × 6 pollutants, 3 % missing, to
 * monthly statistics (eg_airq_monthly_stats: daily means, MDA8, means and
 * percentiles with validity) and a composite index per station
 * (eg_airq_composite_many). Baseline in the same run: one pass summing the
 * same array with four accumulators (the memory-bandwidth floor).
 *
 * Usage: bench_airq_stats [--scale S] [--stations N] [--rounds R] [--dump FILE]
 *   --scale S     S × 20,000 stations (default 1)
 *   --stations N  exactly N stations (overrides --scale)
 *   --rounds R    timed repetitions, median reported (default 5)
 *   --dump FILE   also write the hourly array (float64, native order) to
 *                 FILE, for bench/python_batch.py to run the same data
 */
#include <ecogrid/ecogrid.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "benchutil.h"

#define STATIONS 20000
#define HOURS 744 /* October 2026 */
#define MAX_ROUNDS 64

/* Plausible levels per pollutant (µg/m³; CO mg/m³) with a diurnal swing. */
static const double base[EG_POLLUTANT_COUNT] = { 8, 30, 70, 35, 0.8, 90 };
static const double swing[EG_POLLUTANT_COUNT] = { 4, 15, 30, 15, 0.4, 60 };

static void fill(double *h, size_t stations)
{
	unsigned seed = 1;
	for (size_t s = 0; s < stations; s++)
		for (int p = 0; p < EG_POLLUTANT_COUNT; p++) {
			double *x = h + (s * EG_POLLUTANT_COUNT + (size_t)p) * HOURS;
			for (size_t k = 0; k < HOURS; k++) {
				double diurnal = (double)((k + (p == EG_POLLUTANT_O3 ? 10 : 0)) % 24) / 23.0;
				seed = seed * 1103515245u + 12345u;
				x[k] = (seed >> 8) % 100 < 3 ? NAN
					: base[p] + swing[p] * diurnal + swing[p] * (double)((seed >> 12) % 1000) / 1000.0;
			}
		}
}

int main(int argc, char **argv)
{
	int scale = 1, rounds = 5;
	size_t stations = 0, n;
	const char *dump = NULL;
	double *h, *composite, t, c0, sum = 0, checksum = 0, tb[MAX_ROUNDS], tw[MAX_ROUNDS], cb[MAX_ROUNDS], cw[MAX_ROUNDS];
	double mb, mw, mcb, mcw;
	eg_airq_stat *st;
	eg_airq_profile *p = NULL;
	size_t valid = 0;

	if (bu_options(argc, argv, &scale, &rounds) < 0)
		return 2;
	for (int i = 1; i + 1 < argc; i++) {
		if (strcmp(argv[i], "--stations") == 0)
			stations = (size_t)atol(argv[i + 1]);
		else if (strcmp(argv[i], "--dump") == 0)
			dump = argv[i + 1];
	}
	if (stations == 0)
		stations = (size_t)STATIONS * (size_t)scale;
	if (rounds > MAX_ROUNDS)
		rounds = MAX_ROUNDS;
	n = stations * EG_POLLUTANT_COUNT * HOURS;
	h = malloc(n * sizeof *h);
	st = malloc(stations * EG_POLLUTANT_COUNT * sizeof *st);
	composite = malloc(stations * sizeof *composite);
	if (!h || !st || !composite || eg_airq_profile_named(&p, "CN2026") != EG_OK)
		return 1;
	fill(h, stations);
	if (dump) {
		FILE *f = fopen(dump, "wb");
		if (!f || fwrite(h, sizeof *h, n, f) != n || fclose(f) != 0) {
			fprintf(stderr, "cannot write %s\n", dump);
			return 1;
		}
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
		if (eg_airq_monthly_stats(st, p, h, stations, HOURS, &(eg_airq_monthly_options){ EG_AIRQ_MONTHLY_OPTIONS_VERSION, 2026, 10, NULL, NULL }) != EG_OK ||
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
	mb = bu_median(tb, rounds);
	mw = bu_median(tw, rounds);
	mcb = bu_median(cb, rounds);
	mcw = bu_median(cw, rounds);
	printf("bench=airq_stats scale=%d stations=%zu values=%zu rounds=%d stats_s=%.4f values_per_s=%.0f "
	       "baseline_sum_s=%.4f ratio=%.2f stats_cpu_s=%.4f baseline_cpu_s=%.4f cpu_ratio=%.2f indices=%zu "
	       "checksum=%.6f sum=%.1f peak_rss_bytes=%zu\n",
	       scale, stations, n, rounds, mw, (double)n / mw, mb, mw / mb, mcw, mcb, mcw / mcb, valid, checksum, sum,
	       bu_peak_rss());
	printf("airq_stats: %zu stations x 744 h x 6 pollutants (%zu values) in %.3f s = %.1f M values/s "
	       "(median of %d); %.2fx a plain summing pass (%.3f s); in CPU time %.2fx\n",
	       stations, n, mw, (double)n / mw / 1e6, rounds, mw / mb, mb, mcw / mcb);
	free(h);
	free(st);
	free(composite);
	eg_airq_profile_free(p);
	return 0;
}
