/*
 * Controls for the scaling check (bench/README.md, "Scaling"): workloads
 * whose growth is known, timed exactly as the real benchmarks are (CPU
 * time, 1x / 2x / 4x interleaved round by round, against a linear pass over
 * the same array), so that the check's verdicts can be seen to separate
 * what they should:
 *
 *   linear_x3  thirty linear passes (O(n)): relative growth 1.00, PASS;
 *   sort       qsort of the keys (O(n log n)): about 1.05, PASS;
 *   n_pow_1_3  work proportional to n^1.3 (passes over the array, n^0.3 of
 *              them, the last one partial): 2^0.3 = 1.23, FAIL.
 *
 * Baseline: ten passes summing the array (1, 2 and 4 million 64-bit keys).
 *
 * Usage: bench_scaling_control [--rounds R]
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "benchutil.h"

#define BASE 1000000

/* One linear pass; never inlined or merged, so that each call does the work. */
__attribute__((noinline)) static uint64_t pass(const uint64_t *a, size_t n)
{
	__asm__ volatile("" ::: "memory");
	uint64_t s0 = 0, s1 = 0;
	size_t i;
	for (i = 0; i + 2 <= n; i += 2) {
		s0 += a[i];
		s1 ^= a[i + 1];
	}
	for (; i < n; i++)
		s0 += a[i];
	return s0 + s1;
}

static int cmp_u64(const void *x, const void *y)
{
	uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
	return a < b ? -1 : a > b;
}

static volatile uint64_t sink;

int main(int argc, char **argv)
{
	int scale = 1, rounds = 9;
	size_t n = (size_t)BASE * 4;
	uint64_t *a = malloc(n * sizeof *a), *w = malloc(n * sizeof *w);
	double t[3][BU_MAX_ROUNDS * 3], b[BU_MAX_ROUNDS * 3], c;
	static const char *const names[3] = { "control_linear_x3", "control_sort", "control_n_pow_1_3" };
	bu_rng rng = { 0x9E3779B97F4A7C15ULL };

	if (bu_options(argc, argv, &scale, &rounds) < 0 || !a || !w)
		return 2;
	if (rounds > BU_MAX_ROUNDS)
		rounds = BU_MAX_ROUNDS;
	for (size_t i = 0; i < n; i++)
		a[i] = bu_rand(&rng);
	for (int r = 0; r < rounds; r++)
		for (int k = 0; k < 3; k++) {
			size_t m = (size_t)BASE << k;
			double reps = pow((double)m, 0.3), whole;
			size_t part;
			c = bu_cpu_now();
			for (int p = 0; p < 10; p++)
				sink = pass(a, m);
			b[r * 3 + k] = bu_cpu_now() - c;

			c = bu_cpu_now();
			for (int p = 0; p < 30; p++)
				sink = pass(a, m);
			t[0][r * 3 + k] = bu_cpu_now() - c;

			memcpy(w, a, m * sizeof *w);
			c = bu_cpu_now();
			qsort(w, m, sizeof *w, cmp_u64);
			t[1][r * 3 + k] = bu_cpu_now() - c;

			part = (size_t)(modf(reps, &whole) * (double)m);
			c = bu_cpu_now();
			for (int p = 0; p < (int)whole; p++)
				sink = pass(a, m) + (uint64_t)p;
			sink = pass(a, part);
			t[2][r * 3 + k] = bu_cpu_now() - c;
		}
	for (int k = 0; k < 3; k++)
		bu_print_scaling(names[k], "sum_pass", t[k], b, rounds);
	free(a);
	free(w);
	return 0;
}
