/* Timing and memory helpers for the benchmarks. */
#ifndef EG_BENCHUTIL_H
#define EG_BENCHUTIL_H

#include <stddef.h>

/* Monotonic seconds. */
double bu_now(void);
/*
 * CPU seconds of this process (CLOCK_PROCESS_CPUTIME_ID): unlike bu_now(),
 * not stretched while other processes hold the cores of a shared machine.
 */
double bu_cpu_now(void);
/* Peak resident set size of this process, in bytes. */
size_t bu_peak_rss(void);
/* Current resident set size, in bytes (from /proc/self/statm; 0 if unknown). */
size_t bu_rss(void);
/*
 * Read a whole file into memory; a path ending in .gz is decompressed by
 * running `gzip -dc` (the library itself never needs zlib). Returns NULL
 * on failure; free with free().
 */
char *bu_read_file(const char *path, size_t *len);
/* The national division file from ECOGRID_SHARED_DATA or ../shared/data, or NULL. */
const char *bu_shared_file(const char *relative, char *buf, size_t bufsz);

/* Median of n timings (sorts v in place); n >= 1. */
double bu_median(double *v, int n);
/* The spread of n >= 1 values (v is left as it is). */
typedef struct bu_spread {
	double min, med, max;
} bu_spread;
bu_spread bu_spread_of(const double *v, int n);
/* Per-round ratios a[r] / b[r] and their spread. */
bu_spread bu_ratio_spread(const double *a, const double *b, int n);
/* Print " KEY=med KEY_min=min KEY_max=max", each with `decimals` decimals. */
void bu_print_spread(const char *key, bu_spread s, int decimals);

/*
 * The scaling check (bench/README.md, "Scaling"): workload and baseline
 * timed (CPU seconds) at 1x, 2x and 4x input, interleaved round by round in
 * one process: t[r * 3 + s], b[r * 3 + s] for round r and s = 0, 1, 2
 * (1x, 2x, 4x). For each round, rel = sqrt((t4 / t1) / (b4 / b1)): the
 * workload's growth per doubling relative to the baseline's in the same
 * round. Prints one `bench=scaling` line with the median growths and the
 * median and spread of rel; run.sh passes rel <= 1.15.
 */
void bu_print_scaling(const char *workload, const char *baseline, const double *t, const double *b, int rounds);
/*
 * Common options: `--scale S` (input multiplier, >= 1; default 1) and
 * `--rounds R` (timed repetitions, default 5). Unknown arguments are left
 * alone (positional ones are the program's own). Returns -1 on a bad value.
 */
int bu_options(int argc, char **argv, int *scale, int *rounds);
/* Maximum rounds any program accepts. */
#define BU_MAX_ROUNDS 64

/* xorshift64* pseudo-random numbers from a fixed seed (reproducible inputs). */
typedef struct bu_rng { unsigned long long s; } bu_rng;
unsigned long long bu_rand(bu_rng *r);
/* Uniform integer in [0, n). */
unsigned long long bu_below(bu_rng *r, unsigned long long n);

#endif
