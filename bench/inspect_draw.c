/*
 * Random inspection draw benchmark (DG-6, double random): over 1,000,000
 * synthetic enterprises (18-character credit-code-like IDs, heavy-tailed
 * emissions), take the DG-6 pool (eg_inspect_pool, 85 %), stratify the
 * frame into "key" (the pool) and "general" (the rest) and draw 5 % and
 * 2 % of them (eg_draw_objects, algorithm version 1: canonical order,
 * frame hash, sampler.py picks). Baseline in the same run: SHA-256 of the
 * frame text alone (eg_draw_sha256 over the bytes the frame hash covers).
 *
 * Usage: bench_inspect_draw [--scale S] [--rounds R]   (S × 1,000,000 enterprises)
 */
#include <ecogrid/ecogrid.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "benchutil.h"

#define ENTERPRISES 1000000
#define MAX_ROUNDS 64

int main(int argc, char **argv)
{
	int scale = 1, rounds = 5;
	size_t n, *pool, pool_count = 0, text_len = 0, selected = 0;
	char **ids, *text;
	const char **frame;
	int64_t *emissions;
	unsigned char *in_pool;
	uint8_t digest[32];
	double tw[MAX_ROUNDS], tb[MAX_ROUNDS], t, mw, mb;
	bu_rng rng = { 0x2545F4914F6CDD1DULL };
	char frame_hash[65] = "", first[65] = "";
	unsigned long long fold = 0;

	if (bu_options(argc, argv, &scale, &rounds) < 0)
		return 2;
	if (rounds > MAX_ROUNDS)
		rounds = MAX_ROUNDS;
	n = (size_t)ENTERPRISES * (size_t)scale;
	ids = malloc(n * sizeof *ids);
	emissions = malloc(n * sizeof *emissions);
	pool = malloc(n * sizeof *pool);
	frame = malloc(n * sizeof *frame);
	in_pool = malloc(n);
	text = malloc(n * 20 + 64);
	if (!ids || !emissions || !pool || !frame || !in_pool || !text)
		return 1;
	for (size_t i = 0; i < n; i++) {
		/* Unique IDs in scrambled order: a multiplicative permutation of the index. */
		unsigned long long k = ((unsigned long long)i * 2654435761ULL) % 10000000000ULL;
		ids[i] = malloc(19);
		if (!ids[i])
			return 1;
		snprintf(ids[i], 19, "9165%04u%010llu", (unsigned)(i % 7919), k);
		/* Heavy tail: a few large emitters carry most of the total (tonnes). */
		emissions[i] = (int64_t)(1000000 / (1 + bu_below(&rng, 100000)));
	}
	for (int r = 0; r < rounds; r++) {
		eg_draw *d = NULL;
		const char *strata[2] = { "key", "general" };
		size_t sizes[2], quotas[2], k = 0, g;
		/* Baseline: the frame text as the frame hash covers it, hashed alone. */
		text_len = (size_t)snprintf(text, 64, "ecogrid-frame-v1\nstratum key\n");
		for (size_t i = 0; i < n; i++) {
			size_t l = strlen(ids[i]);
			memcpy(text + text_len, ids[i], l);
			text[text_len + l] = '\n';
			text_len += l + 1;
		}
		t = bu_now();
		if (eg_draw_sha256(digest, text, text_len) != EG_OK)
			return 1;
		tb[r] = bu_now() - t;
		fold += digest[0];

		/* Workload: DG-6 pool, strata, draw. */
		t = bu_now();
		if (eg_inspect_pool(pool, &pool_count, (const char *const *)ids, emissions, n, 850) != EG_OK) {
			fprintf(stderr, "pool: %s\n", eg_error_last()->message);
			return 1;
		}
		memset(in_pool, 0, n);
		for (size_t i = 0; i < pool_count; i++) {
			in_pool[pool[i]] = 1;
			frame[k++] = ids[pool[i]];
		}
		g = k;
		for (size_t i = 0; i < n; i++)
			if (!in_pool[i])
				frame[g++] = ids[i];
		sizes[0] = pool_count;
		sizes[1] = n - pool_count;
		quotas[0] = (sizes[0] * 5 + 99) / 100;
		quotas[1] = (sizes[1] * 2 + 99) / 100;
		if (eg_draw_objects(&d, "2026-11-24 dice 31415926", &(eg_draw_frame_options){ EG_DRAW_FRAME_OPTIONS_VERSION, strata, sizes, frame, quotas, sizes[1] ? 2 : 1 }) != EG_OK) {
			fprintf(stderr, "draw: %s\n", eg_error_last()->message);
			return 1;
		}
		tw[r] = bu_now() - t;
		selected = eg_draw_selected_count(d);
		snprintf(frame_hash, sizeof frame_hash, "%s", eg_draw_frame_hash(d));
		snprintf(first, sizeof first, "%s", eg_draw_selected(d, 0));
		eg_draw_free(d);
	}
	mw = bu_median(tw, rounds);
	mb = bu_median(tb, rounds);
	printf("bench=inspect_draw scale=%d enterprises=%zu rounds=%d pool=%zu selected=%zu draw_s=%.4f "
	       "enterprises_per_s=%.0f baseline_sha256_s=%.4f frame_bytes=%zu ratio=%.1f frame_hash=%s first=%s fold=%llu\n",
	       scale, n, rounds, pool_count, selected, mw, (double)n / mw, mb, text_len, mw / mb, frame_hash, first, fold);
	printf("inspect_draw: pool and draw over %zu enterprises in %.3f s (median of %d; pool %zu, %zu drawn); "
	       "%.1fx hashing the %zu-byte frame alone (%.3f s)\n",
	       n, mw, rounds, pool_count, selected, mw / mb, text_len, mb);
	for (size_t i = 0; i < n; i++)
		free(ids[i]);
	free(ids);
	free(emissions);
	free(pool);
	free(frame);
	free(in_pool);
	free(text);
	return 0;
}
