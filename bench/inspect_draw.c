/*
 * Random inspection draw benchmark (DG-6, double random): over 1,000,000
 * synthetic enterprises (18-character credit-code-like IDs, heavy-tailed
 * emissions), take the DG-6 pool (eg_inspect_pool, 85 %), stratify the
 * frame into "key" (the pool) and "general" (the rest) and draw 5 % and
 * 2 % of them (eg_draw_objects, algorithm version 1: canonical order,
 * frame hash, sampler.py picks). Baseline in the same run: SHA-256 of the
 * frame text alone (eg_draw_sha256 over the bytes the frame hash covers).
 *
 * The ratio is taken per round (workload and baseline in the same round)
 * and printed as median, min and max.
 *
 * Usage: bench_inspect_draw [--scale S] [--rounds R] [--scaling]
 *   --scale S   S × 1,000,000 enterprises
 *   --scaling   1x, 2x, 4x the enterprises (prefixes of one frame),
 *               interleaved round by round, CPU time (bench=scaling line)
 */
#include <ecogrid/ecogrid.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "benchutil.h"

#define ENTERPRISES 1000000
#define MAX_ROUNDS BU_MAX_ROUNDS

typedef struct frame {
	size_t n;
	char **ids;
	int64_t *emissions;
	size_t *pool;
	const char **order;
	unsigned char *in_pool;
	char *text;
} frame;

/* The frame text as the frame hash covers it (untimed); returns its length. */
static size_t frame_text(const frame *f, size_t n)
{
	size_t len = (size_t)snprintf(f->text, 64, "ecogrid-frame-v1\nstratum key\n");
	for (size_t i = 0; i < n; i++) {
		size_t l = strlen(f->ids[i]);
		memcpy(f->text + len, f->ids[i], l);
		f->text[len + l] = '\n';
		len += l + 1;
	}
	return len;
}

/* Workload over the first n enterprises: DG-6 pool, strata, draw. Returns the draw (caller frees) or NULL. */
static eg_draw *pool_and_draw(const frame *f, size_t n, size_t *pool_count)
{
	eg_draw *d = NULL;
	eg_draw_frame_options fo = EG_DRAW_FRAME_OPTIONS_INIT;
	const char *strata[2] = { "key", "general" };
	size_t sizes[2], quotas[2], k = 0, g;
	if (eg_inspect_pool(f->pool, pool_count, (const char *const *)f->ids, f->emissions, n, 850) != EG_OK) {
		fprintf(stderr, "pool: %s\n", eg_error_last()->message);
		return NULL;
	}
	memset(f->in_pool, 0, n);
	for (size_t i = 0; i < *pool_count; i++) {
		f->in_pool[f->pool[i]] = 1;
		f->order[k++] = f->ids[f->pool[i]];
	}
	g = k;
	for (size_t i = 0; i < n; i++)
		if (!f->in_pool[i])
			f->order[g++] = f->ids[i];
	sizes[0] = *pool_count;
	sizes[1] = n - *pool_count;
	quotas[0] = (sizes[0] * 5 + 99) / 100;
	quotas[1] = (sizes[1] * 2 + 99) / 100;
	fo.strata = strata;
	fo.frame_sizes = sizes;
	fo.frame = f->order;
	fo.quotas = quotas;
	fo.n_strata = sizes[1] ? 2 : 1;
	if (eg_draw_objects(&d, "2026-11-24 dice 31415926", &fo) != EG_OK) {
		fprintf(stderr, "draw: %s\n", eg_error_last()->message);
		return NULL;
	}
	return d;
}

int main(int argc, char **argv)
{
	int scale = 1, rounds = 5, want_scaling = 0;
	size_t n, pool_count = 0, text_len = 0, selected = 0;
	frame f;
	uint8_t digest[32];
	double tw[MAX_ROUNDS], tb[MAX_ROUNDS], cw[MAX_ROUNDS], cb[MAX_ROUNDS], t, c, mw, mb;
	bu_rng rng = { 0x2545F4914F6CDD1DULL };
	bu_spread ratio, cpu_ratio;
	char frame_hash[65] = "", first[65] = "";
	unsigned long long fold = 0;

	if (bu_options(argc, argv, &scale, &rounds) < 0)
		return 2;
	for (int i = 1; i < argc; i++)
		if (strcmp(argv[i], "--scaling") == 0)
			want_scaling = 1;
	if (rounds > MAX_ROUNDS)
		rounds = MAX_ROUNDS;
	n = (size_t)ENTERPRISES * (size_t)scale * (want_scaling ? 4u : 1u);
	f.n = n;
	f.ids = malloc(n * sizeof *f.ids);
	f.emissions = malloc(n * sizeof *f.emissions);
	f.pool = malloc(n * sizeof *f.pool);
	f.order = malloc(n * sizeof *f.order);
	f.in_pool = malloc(n);
	f.text = malloc(n * 20 + 64);
	if (!f.ids || !f.emissions || !f.pool || !f.order || !f.in_pool || !f.text)
		return 1;
	for (size_t i = 0; i < n; i++) {
		/* Unique IDs in scrambled order: a multiplicative permutation of the index. */
		unsigned long long k = ((unsigned long long)i * 2654435761ULL) % 10000000000ULL;
		f.ids[i] = malloc(19);
		if (!f.ids[i])
			return 1;
		snprintf(f.ids[i], 19, "9165%04u%010llu", (unsigned)(i % 7919), k);
		/* Heavy tail: a few large emitters carry most of the total (tonnes). */
		f.emissions[i] = (int64_t)(1000000 / (1 + bu_below(&rng, 100000)));
	}
	if (want_scaling) {
		double ts[MAX_ROUNDS * 3], bs[MAX_ROUNDS * 3];
		for (int r = 0; r < rounds; r++)
			for (int k = 0; k < 3; k++) {
				size_t m = n / 4 << k;
				eg_draw *d;
				text_len = frame_text(&f, m);
				t = bu_cpu_now();
				if (eg_draw_sha256(digest, f.text, text_len) != EG_OK)
					return 1;
				bs[r * 3 + k] = bu_cpu_now() - t;
				t = bu_cpu_now();
				if (!(d = pool_and_draw(&f, m, &pool_count)))
					return 1;
				ts[r * 3 + k] = bu_cpu_now() - t;
				eg_draw_free(d);
			}
		printf("# inspect_draw scaling: %zu / %zu / %zu enterprises\n", n / 4, n / 2, n);
		bu_print_scaling("inspect_draw", "frame_sha256", ts, bs, rounds);
	} else {
		for (int r = 0; r < rounds; r++) {
			eg_draw *d;
			/* Baseline: the frame text as the frame hash covers it, hashed alone. */
			text_len = frame_text(&f, n);
			c = bu_cpu_now();
			t = bu_now();
			if (eg_draw_sha256(digest, f.text, text_len) != EG_OK)
				return 1;
			tb[r] = bu_now() - t;
			cb[r] = bu_cpu_now() - c;
			fold += digest[0];

			c = bu_cpu_now();
			t = bu_now();
			if (!(d = pool_and_draw(&f, n, &pool_count)))
				return 1;
			tw[r] = bu_now() - t;
			cw[r] = bu_cpu_now() - c;
			selected = eg_draw_selected_count(d);
			snprintf(frame_hash, sizeof frame_hash, "%s", eg_draw_frame_hash(d));
			snprintf(first, sizeof first, "%s", eg_draw_selected(d, 0));
			eg_draw_free(d);
		}
		ratio = bu_ratio_spread(tw, tb, rounds);
		cpu_ratio = bu_ratio_spread(cw, cb, rounds);
		mw = bu_median(tw, rounds);
		mb = bu_median(tb, rounds);
		printf("bench=inspect_draw scale=%d enterprises=%zu rounds=%d pool=%zu selected=%zu draw_s=%.4f "
		       "enterprises_per_s=%.0f baseline_sha256_s=%.4f frame_bytes=%zu",
		       scale, n, rounds, pool_count, selected, mw, (double)n / mw, mb, text_len);
		bu_print_spread("ratio", ratio, 2);
		bu_print_spread("cpu_ratio", cpu_ratio, 2);
		printf(" frame_hash=%s first=%s fold=%llu\n", frame_hash, first, fold);
		printf("inspect_draw: pool and draw over %zu enterprises in %.3f s (median of %d; pool %zu, %zu drawn); "
		       "%.2fx hashing the %zu-byte frame alone (%.3f s; per round %.2f-%.2f; in CPU time %.2fx)\n",
		       n, mw, rounds, pool_count, selected, ratio.med, text_len, mb, ratio.min, ratio.max, cpu_ratio.med);
	}
	for (size_t i = 0; i < n; i++)
		free(f.ids[i]);
	free(f.ids);
	free(f.emissions);
	free(f.pool);
	free(f.order);
	free(f.in_pool);
	free(f.text);
	return 0;
}
