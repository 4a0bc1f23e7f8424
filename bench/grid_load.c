/*
 * Grid load benchmark: parse the national division CSV (665,271 nodes) into
 * a grid. Baseline, timed in the same run over the same bytes in memory:
 * counting lines (the floor any parser must pay). Also a million random
 * lookups by code against binary search in a sorted array of the codes.
 *
 * Usage: bench_grid_load [FILE.csv|FILE.csv.gz] [ROUNDS]
 * Default file: $ECOGRID_SHARED_DATA/divisions/china.csv.gz, else
 * ../shared/data/divisions/china.csv.gz; skipped (exit 0) when absent.
 */
#include <ecogrid/ecogrid.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "benchutil.h"

#define LOOKUPS 1000000

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int main(int argc, char **argv)
{
	char pathbuf[4096];
	const char *path = argc > 1 ? argv[1] : bu_shared_file("divisions/china.csv.gz", pathbuf, sizeof pathbuf);
	int rounds = argc > 2 ? atoi(argv[2]) : 3;
	size_t len = 0, lines = 0, nodes = 0, rss0, rss1;
	char *data;
	double t, best_base = 1e9, best_load = 1e9, t_lookup, t_bsearch;
	eg_grid *g = NULL;
	const char **codes;
	unsigned long long x = 88172645463325252ULL, hits = 0;

	if (!path) {
		printf("bench=grid_load skipped=1 reason=no_shared_data\n");
		printf("grid_load: skipped, ../shared/data/divisions/china.csv.gz is absent\n");
		return 0;
	}
	if (rounds < 1)
		rounds = 1;
	data = bu_read_file(path, &len);
	if (!data) {
		fprintf(stderr, "cannot read %s\n", path);
		return 1;
	}
	for (int r = 0; r < rounds; r++) {
		/* Baseline: one pass counting line ends over the same bytes. */
		size_t c = 0;
		t = bu_now();
		for (size_t i = 0; i < len; i++)
			c += data[i] == '\n';
		t = bu_now() - t;
		lines = c;
		if (t < best_base)
			best_base = t;
		eg_grid_free(g);
		g = NULL;
		rss0 = bu_rss();
		t = bu_now();
		if (eg_grid_parse_csv(&g, data, len, NULL) != EG_OK) {
			fprintf(stderr, "load failed: %s\n", eg_error_last()->message);
			return 1;
		}
		t = bu_now() - t;
		rss1 = bu_rss();
		if (t < best_load)
			best_load = t;
	}
	nodes = eg_grid_size(g);

	/* Lookups: a million random codes, by hash (ecogrid) and by binary search. */
	codes = malloc(nodes * sizeof *codes);
	if (!codes)
		return 1;
	for (size_t i = 0; i < nodes; i++)
		codes[i] = eg_node_id(eg_grid_node_at(g, i));
	qsort(codes, nodes, sizeof *codes, cmp_str);
	{
		size_t *pick = malloc(LOOKUPS * sizeof *pick);
		if (!pick)
			return 1;
		for (size_t i = 0; i < LOOKUPS; i++) {
			x ^= x << 13; x ^= x >> 7; x ^= x << 17;
			pick[i] = (size_t)(x % nodes);
		}
		t = bu_now();
		for (size_t i = 0; i < LOOKUPS; i++) {
			const eg_node *n;
			hits += eg_grid_lookup(&n, g, codes[pick[i]]) == EG_OK;
		}
		t_lookup = bu_now() - t;
		t = bu_now();
		for (size_t i = 0; i < LOOKUPS; i++) {
			const char *key = codes[pick[i]];
			hits += bsearch(&key, codes, nodes, sizeof *codes, cmp_str) != NULL;
		}
		t_bsearch = bu_now() - t;
		free(pick);
	}

	printf("bench=grid_load nodes=%zu bytes=%zu lines=%zu load_s=%.4f nodes_per_s=%.0f "
	       "baseline_linecount_s=%.5f load_over_baseline=%.1f grid_rss_bytes=%zu bytes_per_node=%.1f "
	       "peak_rss_bytes=%zu lookups=%d lookup_s=%.4f bsearch_s=%.4f lookup_speedup=%.2f hits=%llu\n",
	       nodes, len, lines, best_load, (double)nodes / best_load, best_base,
	       best_load / best_base, rss1 - rss0, (double)(rss1 - rss0) / (double)nodes,
	       bu_peak_rss(), LOOKUPS, t_lookup, t_bsearch, t_bsearch / t_lookup, hits);
	printf("grid_load: %zu nodes in %.3f s (%.0f nodes/s, %.1fx the line-count floor), "
	       "%.0f bytes/node resident, peak RSS %.0f MiB; 1M lookups %.3f s vs bsearch %.3f s\n",
	       nodes, best_load, (double)nodes / best_load, best_load / best_base,
	       (double)(rss1 - rss0) / (double)nodes, (double)bu_peak_rss() / 1048576.0,
	       t_lookup, t_bsearch);
	free(codes);
	eg_grid_free(g);
	free(data);
	return 0;
}
