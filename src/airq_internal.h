/*
 * Internal hooks of airq.c for tests/test_airq_simd.c: the daily statistics
 * of §3 exist three times (the reference daily_mean()/mda8() behind
 * eg_airq_daily_values(), and the SSE2 and portable kernels behind
 * eg_airq_monthly_stats()), and must agree bit for bit.
 */
#ifndef EG_AIRQ_INTERNAL_H
#define EG_AIRQ_INTERNAL_H

/* The SSE2 kernels are compiled on SSE2 targets unless -Dsimd=false
 * (meson) defines EG_NO_SIMD; the portable ones always are. */
#if defined(__SSE2__) && !defined(EG_NO_SIMD)
#define EG_AIRQ_SSE2 1
#else
#define EG_AIRQ_SSE2 0
#endif

/* The AVX2 kernels are compiled beside the SSE2 ones on x86-64 with GCC or
 * Clang (function-level target attributes) and used when the processor has
 * AVX2 (checked at run time). */
#if EG_AIRQ_SSE2 && defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define EG_AIRQ_AVX2 1
#else
#define EG_AIRQ_AVX2 0
#endif

/*
 * Daily values of `days` days of one hourly series (24 values a day, NaN
 * missing, values >= 0): daily means (valid with >= 20 hours), or with o3
 * the MDA8 under the O3 limit `limit`, each by one implementation. The
 * portable and SSE2 ones return 1 when every value was >= 0 and no day's
 * sum overflowed (their range check), else 0; the reference returns 1. The
 * SSE2 one returns -1 and writes nothing in a build without it.
 */
int eg__airq_daily_ref(double *daily, const double *x, int days, int o3, double limit);
int eg__airq_daily_portable(double *daily, const double *x, int days, int o3, double limit);
int eg__airq_daily_sse2(double *daily, const double *x, int days, int o3, double limit);
/* The AVX2 one, or -1 (nothing written) in a build without it or on a processor without AVX2. */
int eg__airq_daily_avx2(double *daily, const double *x, int days, int o3, double limit);

#endif
