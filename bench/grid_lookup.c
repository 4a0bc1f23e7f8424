/*
 * Lookups and roll-ups benchmark: random lookups by code in the national
 * grid (eg_grid_lookup) and a roll-up of per-village counts to every
 * ancestor (eg_grid_rollup, CJ-A2-5.4). Baselines in the same run: the
 * same lookups by binary search in a sorted array of the codes, and one
 * pass summing the counts array (the floor of any roll-up).
 *
 * Input size: --scale 4 (the default) is the whole country and 1,000,000
 * lookups; --scale S in 1..4 keeps whole provinces (in code order) up to
 * S/4 of the rows, with S × 250,000 lookups, so 1, 2, 4 double the input.
 * The CSV is parsed outside the timings (bench_grid_load times that).
 *
 * --scaling: scales 1, 2 and 4, interleaved round by round in one process,
 * CPU time (two bench=scaling lines: lookups against binary search, roll-up
 * against one pass over the nodes reading each one's parent and count).
 *
 * Usage: bench_grid_lookup [--scale S] [--rounds R] [--scaling] [FILE.csv[.gz]]
 * Default file: $ECOGRID_SHARED_DATA/divisions/china.csv.gz, else
 * ../shared/data/divisions/china.csv.gz; skipped (exit 0) when absent.
 */
#include <ecogrid/ecogrid.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "benchutil.h"

#define MAX_ROUNDS BU_MAX_ROUNDS

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/*
 * Keep the header and the rows of whole provinces, in code order, until
 * `scale`/4 of the data rows are kept. Returns the new length.
 */
static size_t subset(char *data, size_t len, int scale)
{
	size_t rows[100] = { 0 }, total = 0, want, kept = 0, out = 0, i = 0;
	int keep[100] = { 0 };
	if (scale >= 4)
		return len;
	while (i < len && data[i] != '\n')
		i++;
	out = ++i; /* header stays */
	for (size_t j = i; j < len;) {
		size_t e = j;
		while (e < len && data[e] != '\n')
			e++;
		if (e - j >= 2 && data[j] >= '0' && data[j] <= '9' && data[j + 1] >= '0' && data[j + 1] <= '9') {
			rows[(data[j] - '0') * 10 + (data[j + 1] - '0')]++;
			total++;
		}
		j = e + 1;
	}
	want = total * (size_t)scale / 4;
	for (int p = 0; p < 100 && kept < want; p++)
		if (rows[p]) {
			keep[p] = 1;
			kept += rows[p];
		}
	for (size_t j = i; j < len;) {
		size_t e = j;
		while (e < len && data[e] != '\n')
			e++;
		if (e - j >= 2 && data[j] >= '0' && data[j] <= '9' && data[j + 1] >= '0' && data[j + 1] <= '9' &&
		    keep[(data[j] - '0') * 10 + (data[j + 1] - '0')]) {
			size_t n = e < len ? e - j + 1 : e - j;
			memmove(data + out, data + j, n);
			out += n;
		}
		j = e + 1;
	}
	return out;
}

/* One scale's grid, codes, picks and counts. */
typedef struct world {
	eg_grid *g;
	size_t nodes, lookups, villages;
	char **codes;
	size_t *pick;
	int64_t *counts, *sums;
} world;

static int world_new(world *w, const char *path, int scale, bu_rng *rng)
{
	size_t len = 0;
	char *data = bu_read_file(path, &len);
	memset(w, 0, sizeof *w);
	if (!data)
		return -1;
	len = subset(data, len, scale);
	if (eg_grid_parse_csv(&w->g, data, len, NULL) != EG_OK) {
		fprintf(stderr, "load failed: %s\n", eg_error_last()->message);
		free(data);
		return -1;
	}
	free(data);
	w->nodes = eg_grid_size(w->g);
	w->lookups = (size_t)scale * 250000;
	w->codes = malloc(w->nodes * sizeof *w->codes);
	w->pick = malloc(w->lookups * sizeof *w->pick);
	w->counts = malloc(w->nodes * sizeof *w->counts);
	w->sums = malloc(w->nodes * sizeof *w->sums);
	if (!w->codes || !w->pick || !w->counts || !w->sums)
		return -1;
	for (size_t i = 0; i < w->nodes; i++) {
		const eg_node *n = eg_grid_node_at(w->g, i);
		w->codes[i] = strdup(eg_node_id(n));
		if (!w->codes[i])
			return -1;
		/* Per-village problem counts (CJ-A2-5.4), 0-9, zero elsewhere. */
		w->counts[i] = eg_node_level(n) == EG_LEVEL_VILLAGE ? (int64_t)bu_below(rng, 10) : 0;
		w->villages += eg_node_level(n) == EG_LEVEL_VILLAGE;
	}
	qsort(w->codes, w->nodes, sizeof *w->codes, cmp_str);
	for (size_t i = 0; i < w->lookups; i++)
		w->pick[i] = (size_t)bu_below(rng, w->nodes);
	return 0;
}

static void world_free(world *w)
{
	for (size_t i = 0; w->codes && i < w->nodes; i++)
		free(w->codes[i]);
	free(w->codes);
	free(w->pick);
	free(w->counts);
	free(w->sums);
	eg_grid_free(w->g);
}

/* One round of the four timings (CPU seconds) on w; the roll-up figures are for 20 repetitions. */
static int world_round(const world *w, double *tl, double *tb, double *tr, double *ts)
{
	unsigned long long h = 0, b = 0;
	int64_t s = 0;
	double t = bu_cpu_now();
	for (size_t i = 0; i < w->lookups; i++) {
		const eg_node *n;
		h += eg_grid_lookup(&n, w->g, w->codes[w->pick[i]]) == EG_OK;
	}
	*tl = bu_cpu_now() - t;
	t = bu_cpu_now();
	for (size_t i = 0; i < w->lookups; i++) {
		const char *key = w->codes[w->pick[i]];
		b += bsearch(&key, w->codes, w->nodes, sizeof *w->codes, cmp_str) != NULL;
	}
	*tb = bu_cpu_now() - t;
	/* The roll-up and its baseline are short: 20 repetitions each. */
	t = bu_cpu_now();
	for (int k = 0; k < 20; k++)
		if (eg_grid_rollup(w->sums, w->g, w->counts, w->nodes) != EG_OK)
			return -1;
	*tr = bu_cpu_now() - t;
	t = bu_cpu_now();
	for (int k = 0; k < 20; k++) {
		/* Linear, and touching every node as a roll-up must (the nodes, not
		 * the counts alone, decide what the caches hold at 4x). */
		for (size_t i = 0; i < w->nodes; i++)
			s += w->counts[i] + (eg_node_parent(eg_grid_node_at(w->g, i)) != NULL);
		__asm__ volatile("" : "+r"(s)); /* keep each repetition */
	}
	*ts = bu_cpu_now() - t;
	return h == b && s >= 0 ? 0 : -1;
}

static int scaling(const char *path, int rounds)
{
	world w[3];
	double tl[MAX_ROUNDS * 3], tb[MAX_ROUNDS * 3], tr[MAX_ROUNDS * 3], ts[MAX_ROUNDS * 3];
	bu_rng rng = { 88172645463325252ULL };
	for (int k = 0; k < 3; k++)
		if (world_new(&w[k], path, 1 << k, &rng) < 0)
			return 1;
	for (int r = 0; r < rounds; r++)
		for (int k = 0; k < 3; k++)
			if (world_round(&w[k], &tl[r * 3 + k], &tb[r * 3 + k], &tr[r * 3 + k], &ts[r * 3 + k]) < 0)
				return 1;
	printf("# grid_lookup scaling: %zu / %zu / %zu nodes, %zu / %zu / %zu lookups\n", w[0].nodes, w[1].nodes,
	       w[2].nodes, w[0].lookups, w[1].lookups, w[2].lookups);
	bu_print_scaling("grid_lookup", "bsearch", tl, tb, rounds);
	bu_print_scaling("grid_rollup", "node_pass", tr, ts, rounds);
	for (int k = 0; k < 3; k++)
		world_free(&w[k]);
	return 0;
}

int main(int argc, char **argv)
{
	char pathbuf[4096];
	const char *path = NULL;
	int scale = 4, rounds = 5, want_scaling = 0;
	size_t len = 0, nodes, lookups, villages = 0, *pick;
	char *data;
	double tl[MAX_ROUNDS], tb[MAX_ROUNDS], tr[MAX_ROUNDS], ts[MAX_ROUNDS], t, ml, mb, mr, ms;
	eg_grid *g = NULL;
	char **codes;
	int64_t *counts, *sums, total = 0, rollsum = 0;
	unsigned long long hits = 0, bhits = 0;
	bu_rng rng = { 88172645463325252ULL };

	if (bu_options(argc, argv, &scale, &rounds) < 0 || scale > 4) {
		fprintf(stderr, "usage: bench_grid_lookup [--scale 1..4] [--rounds R] [FILE]\n");
		return 2;
	}
	if (rounds > MAX_ROUNDS)
		rounds = MAX_ROUNDS;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--scale") == 0 || strcmp(argv[i], "--rounds") == 0)
			i++;
		else if (strcmp(argv[i], "--scaling") == 0)
			want_scaling = 1;
		else
			path = argv[i];
	}
	if (!path)
		path = bu_shared_file("divisions/china.csv.gz", pathbuf, sizeof pathbuf);
	if (!path) {
		printf("bench=grid_lookup skipped=1 reason=no_shared_data\n");
		printf("grid_lookup: skipped, ../shared/data/divisions/china.csv.gz is absent\n");
		return 0;
	}
	if (want_scaling)
		return scaling(path, rounds);
	data = bu_read_file(path, &len);
	if (!data) {
		fprintf(stderr, "cannot read %s\n", path);
		return 1;
	}
	len = subset(data, len, scale);
	if (eg_grid_parse_csv(&g, data, len, NULL) != EG_OK) {
		fprintf(stderr, "load failed: %s\n", eg_error_last()->message);
		return 1;
	}
	free(data);
	nodes = eg_grid_size(g);
	lookups = (size_t)scale * 250000;

	/* Codes as the caller would hold them: their own copies, sorted for bsearch. */
	codes = malloc(nodes * sizeof *codes);
	pick = malloc(lookups * sizeof *pick);
	counts = malloc(nodes * sizeof *counts);
	sums = malloc(nodes * sizeof *sums);
	if (!codes || !pick || !counts || !sums)
		return 1;
	for (size_t i = 0; i < nodes; i++) {
		const eg_node *n = eg_grid_node_at(g, i);
		codes[i] = strdup(eg_node_id(n));
		if (!codes[i])
			return 1;
		/* Per-village problem counts (CJ-A2-5.4), 0-9, zero elsewhere. */
		counts[i] = eg_node_level(n) == EG_LEVEL_VILLAGE ? (int64_t)bu_below(&rng, 10) : 0;
		villages += eg_node_level(n) == EG_LEVEL_VILLAGE;
	}
	qsort(codes, nodes, sizeof *codes, cmp_str);
	for (size_t i = 0; i < lookups; i++)
		pick[i] = (size_t)bu_below(&rng, nodes);

	for (int r = 0; r < rounds; r++) {
		unsigned long long h = 0, b = 0;
		int64_t s = 0;
		t = bu_now();
		for (size_t i = 0; i < lookups; i++) {
			const eg_node *n;
			h += eg_grid_lookup(&n, g, codes[pick[i]]) == EG_OK ? eg_node_index(n) & 1 ? 2 : 1 : 0;
		}
		tl[r] = bu_now() - t;
		t = bu_now();
		for (size_t i = 0; i < lookups; i++) {
			const char *key = codes[pick[i]];
			char **f = bsearch(&key, codes, nodes, sizeof *codes, cmp_str);
			b += f ? (size_t)(f - codes) & 1 ? 2 : 1 : 0;
		}
		tb[r] = bu_now() - t;
		t = bu_now();
		if (eg_grid_rollup(sums, g, counts, nodes) != EG_OK) {
			fprintf(stderr, "rollup failed: %s\n", eg_error_last()->message);
			return 1;
		}
		tr[r] = bu_now() - t;
		t = bu_now();
		for (size_t i = 0; i < nodes; i++)
			s += counts[i];
		ts[r] = bu_now() - t;
		hits = h;
		bhits = b;
		total = s;
		rollsum = 0;
		for (size_t i = 0; i < nodes; i++)
			if (!eg_node_parent(eg_grid_node_at(g, i)))
				rollsum += sums[i];
	}
	ml = bu_median(tl, rounds);
	mb = bu_median(tb, rounds);
	mr = bu_median(tr, rounds);
	ms = bu_median(ts, rounds);
	printf("bench=grid_lookup scale=%d nodes=%zu villages=%zu lookups=%zu rounds=%d lookup_s=%.4f lookups_per_s=%.0f "
	       "bsearch_s=%.4f lookup_ratio=%.2f rollup_s=%.5f nodes_per_s=%.0f baseline_sum_s=%.5f rollup_ratio=%.2f "
	       "hits=%llu bsearch_hits=%llu village_total=%lld roots_total=%lld\n",
	       scale, nodes, villages, lookups, rounds, ml, (double)lookups / ml, mb, ml / mb, mr, (double)nodes / mr, ms,
	       mr / ms, hits, bhits, (long long)total, (long long)rollsum);
	printf("grid_lookup: %zu lookups in a %zu-node grid %.3f s (%.2fx binary search, %.3f s); roll-up of %zu "
	       "village counts %.4f s (%.1fx one summing pass); median of %d\n",
	       lookups, nodes, ml, ml / mb, mb, villages, mr, mr / ms, rounds);
	for (size_t i = 0; i < nodes; i++)
		free(codes[i]);
	free(codes);
	free(pick);
	free(counts);
	free(sums);
	eg_grid_free(g);
	return total == rollsum ? 0 : 1;
}
