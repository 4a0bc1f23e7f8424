/*
 * Monthly air statistics benchmark (airquality.md §3): N stations × 744
 * hours × 6 pollutants (3% missing) -> monthly statistics and composite
 * indices. Baseline in the same run: one pass summing the same array (the
 * memory-bandwidth floor).
 *
 * Usage: bench_airq_stats [STATIONS] [ROUNDS]   (default 2000 stations, 3 rounds)
 */
#include <ecogrid/ecogrid.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "benchutil.h"

int main(int argc, char **argv)
{
	size_t stations = argc > 1 ? (size_t)atol(argv[1]) : 2000, hours = 744, n;
	int rounds = argc > 2 ? atoi(argv[2]) : 3;
	double *h, best_base = 1e9, best = 1e9, t, sum = 0, checksum = 0;
	eg_airq_stat *st;
	eg_airq_profile *p = NULL;
	unsigned seed = 1;
	if (stations == 0 || rounds < 1)
		return 1;
	n = stations * EG_POLLUTANTS * hours;
	h = malloc(n * sizeof *h);
	st = malloc(stations * EG_POLLUTANTS * sizeof *st);
	if (!h || !st || eg_airq_profile_named(&p, "CN2026") != EG_OK)
		return 1;
	for (size_t i = 0; i < n; i++) {
		seed = seed * 1103515245u + 12345u;
		h[i] = (seed >> 8) % 100 < 3 ? NAN : 20 + (double)((seed >> 12) % 1000) / 10;
	}
	for (int r = 0; r < rounds; r++) {
		double s = 0;
		t = bu_now();
		for (size_t i = 0; i < n; i++)
			s += isnan(h[i]) ? 0 : h[i];
		t = bu_now() - t;
		sum = s;
		if (t < best_base)
			best_base = t;
		t = bu_now();
		if (eg_airq_monthly_stats(st, p, h, stations, 2026, 10, hours, NULL, NULL) != EG_OK) {
			fprintf(stderr, "%s\n", eg_error_last()->message);
			return 1;
		}
		for (size_t k = 0; k < stations; k++) {
			double stats[EG_POLLUTANTS];
			eg_airq_index ix;
			for (int q = 0; q < EG_POLLUTANTS; q++)
				stats[q] = st[k * EG_POLLUTANTS + (size_t)q].value / (q == EG_CO ? 30 : 1);
			if (eg_airq_composite(&ix, p, stats, 0) == EG_OK)
				checksum += ix.composite;
		}
		t = bu_now() - t;
		if (t < best)
			best = t;
	}
	printf("bench=airq_stats stations=%zu values=%zu stats_s=%.4f values_per_s=%.0f baseline_sum_s=%.4f "
	       "stats_over_baseline=%.1f checksum=%.3f sum=%.1f\n",
	       stations, n, best, (double)n / best, best_base, best / best_base, checksum, sum);
	printf("airq_stats: %zu stations x 744 h x 6 pollutants (%zu values) in %.3f s = %.1f M values/s; "
	       "%.1fx a plain summing pass\n",
	       stations, n, best, (double)n / best / 1e6, best / best_base);
	free(h);
	free(st);
	eg_airq_profile_free(p);
	return 0;
}
