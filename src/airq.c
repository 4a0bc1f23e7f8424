/*
 * Air quality by the national method (CJ-A3-3, CJ-A3-5, CJ-A3-6 and
 * airquality.md §1-§6): profiles, composite index, percentiles, GB/T 8170
 * rounding, rates, 1224 ranking and hourly statistics. AQI (§7) is aqi.c.
 */
#include <ecogrid/airq.h>
#include <ecogrid/aqi.h>

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "airq_internal.h"
#if EG_AIRQ_SSE2
#include <emmintrin.h>
#endif
#if EG_AIRQ_AVX2
#include <immintrin.h>
#endif

#include "util/alloc.h"
#include "util/date.h"
#include "util/error.h"
#include "util/text.h"

/* A scaled value within TIE_EPS (relative) of a decimal tie is the tie (airq.h); aqi.c rounds up with the same. */
#define TIE_EPS 1e-9

struct eg_airq_profile {
	char name[65];
	double limit[EG_POLLUTANT_COUNT];
	double weight[EG_POLLUTANT_COUNT];
	int aqi_table;
};

static const char *const pollutant_names[EG_POLLUTANT_COUNT] = { "SO2", "NO2", "PM10", "PM2.5", "CO", "O3" };

const char *eg_pollutant_name(int p)
{
	return p >= 0 && p < EG_POLLUTANT_COUNT ? pollutant_names[p] : NULL;
}

/* ------------------------------------------------------------------ */
/* Profiles (§1)                                                         */
/* ------------------------------------------------------------------ */

static const struct builtin {
	const char *name;
	double limit[EG_POLLUTANT_COUNT]; /* SO2, NO2, PM10, PM2.5, CO, O3 */
	int aqi_table;
} builtins[] = {
	{ "CN2012", { 60, 40, 70, 35, 4, 160 }, EG_AQI_TABLE_HJ633_2012 }, /* GB 3095-2012 grade II */
	{ "CN2026", { 60, 40, 60, 30, 4, 160 }, EG_AQI_TABLE_HJ633_2026 }, /* GB 3095-2026 transitional */
	{ "CN2031", { 20, 30, 50, 25, 4, 160 }, EG_AQI_TABLE_HJ633_2026 }, /* GB 3095-2026 final */
};

int eg_airq_profile_custom(eg_airq_profile **out, const char *name, const double *limits, const double *weights,
			   int aqi_table)
{
	eg_airq_profile *p;
	int rc;
	if (!out || !limits)
		return eg__error(EG_EINVAL, "eg_airq_profile_custom: NULL argument");
	if ((rc = eg__check_text(name, 64, "profile name")) < 0)
		return rc;
	if (aqi_table != EG_AQI_TABLE_HJ633_2012 && aqi_table != EG_AQI_TABLE_HJ633_2026)
		return eg__error(EG_EINVAL, "profile %s: AQI table %d is not 2012 or 2026", name, aqi_table);
	for (int i = 0; i < EG_POLLUTANT_COUNT; i++) {
		if (!isfinite(limits[i]) || limits[i] <= 0)
			return eg__error(EG_ERANGE, "profile %s: limit of %s must be finite and > 0", name, pollutant_names[i]);
		if (weights && (!isfinite(weights[i]) || weights[i] < 0))
			return eg__error(EG_ERANGE, "profile %s: weight of %s must be finite and >= 0", name, pollutant_names[i]);
	}
	p = eg__calloc(1, sizeof *p);
	if (!p)
		return eg__error_nomem("creating a profile");
	snprintf(p->name, sizeof p->name, "%s", name);
	for (int i = 0; i < EG_POLLUTANT_COUNT; i++) {
		p->limit[i] = limits[i];
		p->weight[i] = weights ? weights[i] : 1.0;
	}
	p->aqi_table = aqi_table;
	*out = p;
	return EG_OK;
}

int eg_airq_profile_named(eg_airq_profile **out, const char *name)
{
	if (!out || !name)
		return eg__error(EG_EINVAL, "eg_airq_profile_named: NULL argument");
	for (size_t i = 0; i < sizeof builtins / sizeof builtins[0]; i++)
		if (strcmp(builtins[i].name, name) == 0)
			return eg_airq_profile_custom(out, builtins[i].name, builtins[i].limit, NULL, builtins[i].aqi_table);
	return eg__error(EG_ENOTFOUND, "no air-quality profile named \"%.64s\" (CN2012, CN2026, CN2031)", name);
}

int eg_airq_profile_for_date(eg_airq_profile **out, const char *date)
{
	int64_t d;
	if (!out || !date)
		return eg__error(EG_EINVAL, "eg_airq_profile_for_date: NULL argument");
	if (eg__date_parse(&d, date) < 0)
		return eg__error(EG_EINVAL, "\"%.20s\" is not a date YYYY-MM-DD", date);
	/* §1: CN2012 until 2026-02-28, CN2026 until 2030-12-31, then CN2031. */
	if (d < eg__days_from_civil(2026, 3, 1))
		return eg_airq_profile_named(out, "CN2012");
	if (d <= eg__days_from_civil(2030, 12, 31))
		return eg_airq_profile_named(out, "CN2026");
	return eg_airq_profile_named(out, "CN2031");
}

void eg_airq_profile_free(eg_airq_profile *p) { eg__free(p); }
const char *eg_airq_profile_name(const eg_airq_profile *p) { return p ? p->name : NULL; }
int eg_airq_profile_aqi_table(const eg_airq_profile *p) { return p ? p->aqi_table : 0; }

double eg_airq_profile_limit(const eg_airq_profile *p, int i)
{
	return p && i >= 0 && i < EG_POLLUTANT_COUNT ? p->limit[i] : NAN;
}

double eg_airq_profile_weight(const eg_airq_profile *p, int i)
{
	return p && i >= 0 && i < EG_POLLUTANT_COUNT ? p->weight[i] : NAN;
}

/* ------------------------------------------------------------------ */
/* Rounding (GB/T 8170)                                                   */
/* ------------------------------------------------------------------ */

/* Half to even on a tie within TIE_EPS (relative), to nearest otherwise. */
static int64_t round_half_even(double y)
{
	double f = floor(y), frac = y - f, tol = TIE_EPS * (fabs(y) > 1 ? fabs(y) : 1);
	int64_t q = (int64_t)f;
	if (fabs(frac - 0.5) <= tol)
		return (q % 2 == 0) ? q : q + 1;
	return frac > 0.5 ? q + 1 : q;
}

static const double pow10_tab[] = { 1, 10, 100, 1000, 10000, 100000, 1000000 };

/* Locale-independent "-12.34" from a scaled integer; buf holds >= 32 bytes. */
static void format_scaled(char *buf, int64_t v, int decimals)
{
	char digits[24];
	uint64_t a = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	int n = 0, o = 0;
	do {
		digits[n++] = (char)('0' + a % 10);
		a /= 10;
	} while (a || n <= decimals);
	if (v < 0)
		buf[o++] = '-';
	while (n > 0) {
		if (n == decimals)
			buf[o++] = '.';
		buf[o++] = digits[--n];
	}
	buf[o] = '\0';
}

int eg_airq_round(int64_t *scaled, char *buf, size_t bufsz, double value, int decimals)
{
	int64_t v;
	char tmp[32];
	if (!isfinite(value))
		return eg__error(EG_EINVAL, "eg_airq_round: value is not finite");
	if (decimals < 0 || decimals > 6)
		return eg__error(EG_EINVAL, "eg_airq_round: decimals %d is not 0-6", decimals);
	if (fabs(value) * pow10_tab[decimals] >= 1e15)
		return eg__error(EG_ERANGE, "eg_airq_round: |value| x 10^%d must be below 1e15", decimals);
	v = round_half_even(value * pow10_tab[decimals]);
	format_scaled(tmp, v, decimals);
	if (buf) {
		if (strlen(tmp) + 1 > bufsz)
			return eg__error(EG_EBUFSIZE, "eg_airq_round: %zu bytes needed for \"%s\"", strlen(tmp) + 1, tmp);
		memcpy(buf, tmp, strlen(tmp) + 1);
	}
	if (scaled)
		*scaled = v;
	return EG_OK;
}

/* ------------------------------------------------------------------ */
/* Composite index (CJ-A3-3, §2)                                         */
/* ------------------------------------------------------------------ */

/* A period statistic C_i: finite, >= 0 and below 1e12 (no concentration comes near). */
static int check_stat(double v, const char *what)
{
	if (!isfinite(v) || v < 0)
		return eg__error(EG_EINVAL, "%s statistic %g is not a finite value >= 0", what, v);
	if (v >= 1e12)
		return eg__error(EG_ERANGE, "%s statistic %g is implausibly large", what, v);
	return EG_OK;
}

/* The statistic as the index uses it: §2 reading, some publishers round µg/m³ to integers and CO to 0.1 first. */
static double stat_used(double c, int i, unsigned int flags)
{
	if (!(flags & EG_AIRQ_ROUND_STATS_FIRST))
		return c;
	return i == EG_POLLUTANT_CO ? (double)round_half_even(c * 10) / 10 : (double)round_half_even(c);
}

/*
 * CJ-A3-3: single-item indices I_i = C_i / S_i, their weighted sum (summed
 * in pollutant order) and the primary pollutant (the first of the largest
 * I_i, ties within TIE_EPS). Shared by eg_airq_composite() and
 * eg_airq_composite_many(), so both give the same bits.
 */
static double composite_of(double *single, int *primary, const eg_airq_profile *p, const double *c)
{
	double sum = 0, best = -1;
	*primary = -1;
	for (int i = 0; i < EG_POLLUTANT_COUNT; i++) {
		single[i] = c[i] / p->limit[i];
		sum += p->weight[i] * single[i];
		if (single[i] > best + TIE_EPS * (best > 1 ? best : 1)) {
			best = single[i];
			*primary = i;
		}
	}
	return sum;
}

int eg_airq_index_init(eg_airq_index *out, unsigned int version)
{
	static const eg_airq_index init = EG_AIRQ_INDEX_INIT;
	if (!out)
		return eg__error(EG_EINVAL, "eg_airq_index_init: out is NULL");
	if (version != EG_AIRQ_INDEX_VERSION)
		return eg__error(EG_EINVAL, "eg_airq_index_init: unknown version %u (this library knows %u)", version,
				 EG_AIRQ_INDEX_VERSION);
	*out = init;
	return EG_OK;
}

int eg_airq_composite(eg_airq_index *out, const eg_airq_profile *p, const double *stats, unsigned int flags)
{
	eg_airq_index r;
	double c[EG_POLLUTANT_COUNT], best;
	int rc;
	if (!out || !p || !stats)
		return eg__error(EG_EINVAL, "eg_airq_composite: NULL argument");
	if (out->version != EG_AIRQ_INDEX_VERSION)
		return eg__error(EG_EINVAL, "eg_airq_composite: out->version %u is not %u (initialise it with EG_AIRQ_INDEX_INIT)",
				 out->version, EG_AIRQ_INDEX_VERSION);
	if (flags & ~EG_AIRQ_ROUND_STATS_FIRST)
		return eg__error(EG_EINVAL, "eg_airq_composite: unknown flags 0x%x", flags);
	memset(&r, 0, sizeof r);
	r.version = EG_AIRQ_INDEX_VERSION;
	for (int i = 0; i < EG_POLLUTANT_COUNT; i++) {
		if ((rc = check_stat(stats[i], pollutant_names[i])) < 0)
			return rc;
		c[i] = stat_used(stats[i], i, flags);
	}
	r.composite = composite_of(r.single, &r.primary, p, c);
	best = r.single[r.primary];
	for (int i = 0; i < EG_POLLUTANT_COUNT; i++) {
		r.load[i] = r.composite > 0 ? p->weight[i] * r.single[i] / r.composite : 0;
		if (fabs(r.single[i] - best) <= TIE_EPS * (best > 1 ? best : 1))
			r.primary_mask |= 1u << i;
	}
	if ((rc = eg_airq_round(&r.reported_hundredths, r.reported, sizeof r.reported, r.composite, 2)) < 0)
		return rc;
	*out = r;
	return EG_OK;
}

/* ------------------------------------------------------------------ */
/* Percentile, rates, ranking (§2, §5, §6)                              */
/* ------------------------------------------------------------------ */

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* HJ 663 on an already sorted array of n >= 1 values. */
static double percentile_sorted(const double *x, size_t n, double p)
{
	double k = 1 + (double)(n - 1) * p;
	size_t s = (size_t)floor(k);
	if (s >= n)
		return x[n - 1];
	return x[s - 1] + (x[s] - x[s - 1]) * (k - (double)s);
}

int eg_airq_percentile(double *out, const double *values, size_t n, double p)
{
	double *x;
	size_t m = 0;
	if (!out || (!values && n))
		return eg__error(EG_EINVAL, "eg_airq_percentile: NULL argument");
	if (!(p >= 0 && p <= 1))
		return eg__error(EG_EINVAL, "eg_airq_percentile: p = %g is not in [0, 1]", p);
	for (size_t i = 0; i < n; i++) {
		if (isinf(values[i]))
			return eg__error(EG_EINVAL, "eg_airq_percentile: value %zu is infinite", i);
		m += !isnan(values[i]);
	}
	if (m == 0)
		return eg__error(EG_EINVAL, "eg_airq_percentile: no valid value among %zu", n);
	x = eg__malloc(m * sizeof *x);
	if (!x)
		return eg__error_nomem("computing a percentile");
	m = 0;
	for (size_t i = 0; i < n; i++)
		if (!isnan(values[i]))
			x[m++] = values[i];
	qsort(x, m, sizeof *x, cmp_double);
	*out = percentile_sorted(x, m, p);
	eg__free(x);
	return EG_OK;
}

static int rate_args(double *out, double now, double ref)
{
	if (!out)
		return eg__error(EG_EINVAL, "rate: out is NULL");
	if (!isfinite(now) || !isfinite(ref) || now < 0 || ref < 0)
		return eg__error(EG_EINVAL, "rate: indices %g and %g must be finite and >= 0", now, ref);
	if (ref == 0)
		return eg__error(EG_EINVAL, "rate: the reference index is 0; the rate is undefined (airquality.md §5)");
	return EG_OK;
}

/* A rate that overflows (a reference index near 0) is an error, not an infinity (§5). */
static int rate_result(double *out, double r, double now, double ref)
{
	if (!isfinite(r))
		return eg__error(EG_ERANGE, "rate: index %g against the reference %g is not a finite rate", now, ref);
	*out = r;
	return EG_OK;
}

int eg_airq_change_rate(double *out, double now, double ref)
{
	int rc = rate_args(out, now, ref);
	return rc == EG_OK ? rate_result(out, (now - ref) / ref, now, ref) : rc;
}

int eg_airq_improvement_rate(double *out, double now, double ref)
{
	int rc = rate_args(out, now, ref);
	return rc == EG_OK ? rate_result(out, (ref - now) / ref, now, ref) : rc;
}

typedef struct ranked {
	int64_t key;
	size_t index;
} ranked;

static int cmp_ranked(const void *a, const void *b)
{
	const ranked *x = a, *y = b;
	return (x->key > y->key) - (x->key < y->key);
}

/* §6: standard competition ranking ("1224") on the reported values. */
int eg_airq_rank(int32_t *ranks, const double *values, size_t n, int order, int decimals)
{
	ranked *r;
	int rc;
	if (!ranks || (!values && n))
		return eg__error(EG_EINVAL, "eg_airq_rank: NULL argument");
	if (order != EG_RANK_ORDER_ASC && order != EG_RANK_ORDER_DESC)
		return eg__error(EG_EINVAL, "eg_airq_rank: order %d is not ascending or descending", order);
	if (n > INT32_MAX)
		return eg__error(EG_ERANGE, "eg_airq_rank: too many values");
	r = eg__malloc((n ? n : 1) * sizeof *r);
	if (!r)
		return eg__error_nomem("ranking");
	for (size_t i = 0; i < n; i++) {
		int64_t k;
		if ((rc = eg_airq_round(&k, NULL, 0, values[i], decimals)) < 0) {
			eg__free(r);
			return eg__error(rc, "eg_airq_rank: value %zu: %s", i, eg_error_last()->message);
		}
		r[i].key = order == EG_RANK_ORDER_ASC ? k : -k;
		r[i].index = i;
	}
	qsort(r, n, sizeof *r, cmp_ranked);
	for (size_t i = 0; i < n; i++)
		ranks[r[i].index] = (i > 0 && r[i].key == r[i - 1].key) ? ranks[r[i - 1].index] : (int32_t)(i + 1);
	eg__free(r);
	return EG_OK;
}

/* ------------------------------------------------------------------ */
/* Hourly data (§3, §4, CJ-A3-6)                                         */
/* ------------------------------------------------------------------ */

/*
 * Nonzero when n_stations x 6 x n_hours doubles can exist: their byte count
 * fits in size_t. Computed without overflowing (a wrapped product would let
 * a huge size through with a small buffer).
 */
static int hourly_fits(size_t n_stations, size_t n_hours)
{
	const size_t max_cells = SIZE_MAX / sizeof(double) / EG_POLLUTANT_COUNT;
	return n_hours == 0 || (n_hours <= max_cells && n_stations <= max_cells / n_hours);
}

/* Values must be >= 0 or NaN (missing); the message names station, pollutant, day and hour. */
static int check_hourly(const double *hourly, size_t n_stations, size_t n_hours)
{
	for (size_t i = 0; i < n_stations * EG_POLLUTANT_COUNT * n_hours; i++)
		if (isinf(hourly[i]) || hourly[i] < 0) {
			size_t s = i / (EG_POLLUTANT_COUNT * n_hours), pol = (i / n_hours) % EG_POLLUTANT_COUNT, h = i % n_hours;
			return eg__error(EG_EINVAL, "station %zu, %s, day %zu hour %zu: value %g; values are >= 0, NaN when missing",
					 s, pollutant_names[pol], h / 24 + 1, h % 24 + 1, hourly[i]);
		}
	return EG_OK;
}

int eg_airq_aggregate_hours(double *out, const double *hourly, size_t n_stations, size_t n_hours)
{
	int rc;
	if (!out || !hourly || n_stations == 0)
		return eg__error(EG_EINVAL, "eg_airq_aggregate_hours: NULL argument or no station");
	if (!hourly_fits(n_stations, n_hours))
		return eg__error(EG_ERANGE, "eg_airq_aggregate_hours: %zu stations x %zu hours overflow", n_stations, n_hours);
	if ((rc = check_hourly(hourly, n_stations, n_hours)) < 0)
		return rc;
	for (size_t p = 0; p < EG_POLLUTANT_COUNT; p++)
		for (size_t h = 0; h < n_hours; h++) {
			double sum = 0;
			size_t k = 0;
			for (size_t s = 0; s < n_stations; s++) {
				double v = hourly[(s * EG_POLLUTANT_COUNT + p) * n_hours + h];
				if (!isnan(v)) {
					sum += v;
					k++;
				}
			}
			out[p * n_hours + h] = k ? sum / (double)k : NAN;
		}
	return EG_OK;
}

/* Daily mean of 24 hours: valid with >= 20 valid hours (§3). */
static double daily_mean(const double *h)
{
	double sum = 0;
	int k = 0;
	for (int i = 0; i < 24; i++)
		if (!isnan(h[i])) {
			sum += h[i];
			k++;
		}
	return k >= 20 ? sum / k : NAN;
}

/* MDA8 of a day (§3): max of the 8-hour means ending 08:00-24:00 (hours
 * 0..7 through 16..23 of the day), each valid with >= 6 hours; valid with
 * >= 14 windows, or fewer when the maximum exceeds the O3 limit. */
static double mda8(const double *h, double limit)
{
	double best = NAN;
	int windows = 0;
	for (int end = 7; end < 24; end++) {
		double sum = 0;
		int k = 0;
		for (int i = end - 7; i <= end; i++)
			if (!isnan(h[i])) {
				sum += h[i];
				k++;
			}
		if (k >= 6) {
			double m = sum / k;
			windows++;
			if (isnan(best) || m > best)
				best = m;
		}
	}
	if (windows >= 14 || (!isnan(best) && best > limit))
		return best;
	return NAN;
}

int eg_airq_daily_values(double *out, const eg_airq_profile *p, const double *hourly, size_t n_stations, size_t n_hours)
{
	size_t days;
	int rc;
	if (!out || !p || (!hourly && n_stations))
		return eg__error(EG_EINVAL, "eg_airq_daily_values: NULL argument");
	if (n_hours == 0 || n_hours % 24)
		return eg__error(EG_EINVAL, "eg_airq_daily_values: %zu hours is not a whole number of days", n_hours);
	if (!hourly_fits(n_stations, n_hours))
		return eg__error(EG_ERANGE, "eg_airq_daily_values: %zu stations x %zu hours overflow", n_stations, n_hours);
	if ((rc = check_hourly(hourly, n_stations, n_hours)) < 0)
		return rc;
	days = n_hours / 24;
	for (size_t s = 0; s < n_stations; s++)
		for (size_t pol = 0; pol < EG_POLLUTANT_COUNT; pol++) {
			const double *series = hourly + (s * EG_POLLUTANT_COUNT + pol) * n_hours;
			for (size_t d = 0; d < days; d++)
				out[(s * EG_POLLUTANT_COUNT + pol) * days + d] =
					pol == EG_POLLUTANT_O3 ? mda8(series + d * 24, p->limit[EG_POLLUTANT_O3]) : daily_mean(series + d * 24);
		}
	return EG_OK;
}

/*
 * The monthly path below reads every value once, station by station: the
 * station's block is checked (branch-free) while it comes into the cache,
 * then daily values are computed from the cache. Missing hours add +0.0,
 * which leaves every partial sum bit-identical to skipping them (values
 * are >= 0 and sums start at +0.0), and partial sums keep the hour order of
 * daily_mean() and mda8(), so the results are exactly theirs. Profiled with
 * callgrind (bench/README.md): 30 instructions per value before, mostly a
 * separate validation pass, branchy NaN skips, MDA8 windows and qsort.
 */

#if EG_AIRQ_SSE2
/*
 * SSE2 (every x86-64): days side by side, one lane each, so that each day's
 * sum still adds its hours in order; four days at a time keep two
 * independent chains in flight. A missing hour is masked to +0.0 and its
 * mask (all ones, -1 as an integer) is subtracted from the lane's count.
 * *lo collects the smallest value (minpd returns its second operand when
 * the first is NaN, so NaN never enters it): a negative or -inf value
 * shows there. A +inf value makes its day's sum +inf, caught in *bad.
 */
#define DAY_STEP(v, sum, cnt, mn)                                                     \
	do {                                                                              \
		__m128d ok_ = _mm_cmpord_pd(v, v);                                            \
		sum = _mm_add_pd(sum, _mm_and_pd(v, ok_));                                    \
		cnt = _mm_sub_epi64(cnt, _mm_castpd_si128(ok_));                              \
		mn = _mm_min_pd(v, mn);                                                       \
	} while (0)

/*
 * Hours i and i + 1 of days a and b (two loads, transposed into (a, b)
 * pairs): each lane adds its day's hours in order. The minimum is taken of
 * the masked values (NaN is +0.0 there), two hours first, so that the
 * minimum's chain is half as long as the sums'.
 */
#define PAIR_STEP(a, b, i, sum, cnt, mn)                                              \
	do {                                                                              \
		__m128d ra_ = _mm_loadu_pd((a) + (i)), rb_ = _mm_loadu_pd((b) + (i));         \
		__m128d v_ = _mm_unpacklo_pd(ra_, rb_), w_ = _mm_unpackhi_pd(ra_, rb_);       \
		__m128d okv_ = _mm_cmpord_pd(v_, v_), okw_ = _mm_cmpord_pd(w_, w_);           \
		__m128d cv_ = _mm_and_pd(v_, okv_), cw_ = _mm_and_pd(w_, okw_);               \
		sum = _mm_add_pd(_mm_add_pd(sum, cv_), cw_);                                  \
		cnt = _mm_sub_epi64(_mm_sub_epi64(cnt, _mm_castpd_si128(okv_)),               \
				    _mm_castpd_si128(okw_));                                  \
		mn = _mm_min_pd(_mm_min_pd(cv_, cw_), mn);                                    \
	} while (0)

/* Two days' means (valid with >= 20 hours, else NaN), as daily_mean(); *hi keeps the largest sum. */
static void day_pair_out(double *daily, __m128d sum, __m128i cnt, __m128d *hi)
{
	__m128d k = _mm_cvtepi32_pd(_mm_shuffle_epi32(cnt, 0x08)), valid = _mm_cmpge_pd(k, _mm_set1_pd(20));
	__m128d mean = _mm_div_pd(sum, k);
	*hi = _mm_max_pd(sum, *hi);
	_mm_storeu_pd(daily, _mm_or_pd(_mm_and_pd(valid, mean), _mm_andnot_pd(valid, _mm_set1_pd(NAN))));
}

static void daily_means_sse2(double *daily, const double *x, int days, __m128d *lo, int *bad)
{
	__m128d mn = *lo, hi = _mm_setzero_pd();
	double top[2];
	int d = 0;
	/* Eight days at a time: four independent sum chains in flight. */
	for (; d + 8 <= days; d += 8) {
		const double *a = x + (size_t)d * 24;
		__m128d s1 = _mm_setzero_pd(), s2 = s1, s3 = s1, s4 = s1, m1 = mn, m2 = mn;
		__m128i k1 = _mm_setzero_si128(), k2 = k1, k3 = k1, k4 = k1;
		for (int i = 0; i < 24; i += 2) {
			PAIR_STEP(a, a + 24, i, s1, k1, m1);
			PAIR_STEP(a + 48, a + 72, i, s2, k2, m2);
			PAIR_STEP(a + 96, a + 120, i, s3, k3, m1);
			PAIR_STEP(a + 144, a + 168, i, s4, k4, m2);
		}
		mn = _mm_min_pd(m1, m2);
		day_pair_out(daily + d, s1, k1, &hi);
		day_pair_out(daily + d + 2, s2, k2, &hi);
		day_pair_out(daily + d + 4, s3, k3, &hi);
		day_pair_out(daily + d + 6, s4, k4, &hi);
	}
	for (; d + 2 <= days; d += 2) {
		const double *a = x + (size_t)d * 24, *b = a + 24;
		__m128d s1 = _mm_setzero_pd();
		__m128i k1 = _mm_setzero_si128();
		for (int i = 0; i < 24; i++) {
			__m128d v1 = _mm_loadh_pd(_mm_load_sd(a + i), b + i);
			DAY_STEP(v1, s1, k1, mn);
		}
		day_pair_out(daily + d, s1, k1, &hi);
	}
	for (; d < days; d++) {
		const double *h = x + (size_t)d * 24;
		double sum = 0;
		int k = 0;
		for (int i = 0; i < 24; i++) {
			int ok = h[i] == h[i];
			sum += ok ? h[i] : 0;
			k += ok;
			mn = _mm_min_pd(_mm_set1_pd(h[i]), mn);
		}
		hi = _mm_max_pd(_mm_set1_pd(sum), hi);
		daily[d] = k >= 20 ? sum / k : NAN;
	}
	/* A +inf hour makes its day's sum +inf. */
	_mm_storeu_pd(top, hi);
	*bad |= !(top[0] <= DBL_MAX) | !(top[1] <= DBL_MAX);
	*lo = mn;
}

/* MDA8 of a day (§3), as mda8(): the 17 windows are summed two at a time. */
static double mda8_fast_sse2(const double *h, double limit, __m128d *lo, int *bad)
{
	double c[24], s[18], best = NAN, top[2];
	int cnt[26], windows = 0;
	__m128d mn = *lo, mx = _mm_setzero_pd(), vbest = _mm_set1_pd(-HUGE_VAL);
	cnt[0] = 0;
	for (int i = 0; i < 24; i += 2) {
		__m128d v = _mm_loadu_pd(h + i), ok = _mm_cmpord_pd(v, v);
		int m = _mm_movemask_pd(ok);
		_mm_storeu_pd(c + i, _mm_and_pd(v, ok));
		mn = _mm_min_pd(v, mn);
		mx = _mm_max_pd(v, mx); /* a +inf hour shows here */
		cnt[i + 1] = cnt[i] + (m & 1);
		cnt[i + 2] = cnt[i + 1] + (m >> 1);
	}
	cnt[25] = cnt[24];
	*lo = mn;
	_mm_storeu_pd(top, mx);
	*bad |= !(top[0] <= DBL_MAX) | !(top[1] <= DBL_MAX);
	{
		/* Eight independent chains (windows 0-15 two by two), hours in order
		 * in each; written out so that the chains stay in registers. */
		__m128d a0 = _mm_setzero_pd(), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0;
		for (int j = 0; j < 8; j++) {
			a0 = _mm_add_pd(a0, _mm_loadu_pd(c + 0 + j));
			a1 = _mm_add_pd(a1, _mm_loadu_pd(c + 2 + j));
			a2 = _mm_add_pd(a2, _mm_loadu_pd(c + 4 + j));
			a3 = _mm_add_pd(a3, _mm_loadu_pd(c + 6 + j));
			a4 = _mm_add_pd(a4, _mm_loadu_pd(c + 8 + j));
			a5 = _mm_add_pd(a5, _mm_loadu_pd(c + 10 + j));
			a6 = _mm_add_pd(a6, _mm_loadu_pd(c + 12 + j));
			a7 = _mm_add_pd(a7, _mm_loadu_pd(c + 14 + j));
		}
		_mm_storeu_pd(s + 0, a0);
		_mm_storeu_pd(s + 2, a1);
		_mm_storeu_pd(s + 4, a2);
		_mm_storeu_pd(s + 6, a3);
		_mm_storeu_pd(s + 8, a4);
		_mm_storeu_pd(s + 10, a5);
		_mm_storeu_pd(s + 12, a6);
		_mm_storeu_pd(s + 14, a7);
	}
	s[16] = 0;
	for (int j = 0; j < 8; j++)
		s[16] += c[16 + j];
	s[17] = 0;
	/*
	 * Window means two at a time: m = s / k with k the window's valid hours
	 * (the same division as mda8()), kept where k >= 6; the largest kept
	 * mean is mda8()'s (max of the same values; none is NaN).
	 */
	for (int w = 0; w < 18; w += 2) {
		__m128i k2 = _mm_sub_epi32(_mm_loadl_epi64((const __m128i *)(const void *)(cnt + w + 8)),
					   _mm_loadl_epi64((const __m128i *)(const void *)(cnt + w)));
		__m128d k = _mm_cvtepi32_pd(k2), valid = _mm_cmpge_pd(k, _mm_set1_pd(6));
		__m128d m = _mm_div_pd(_mm_loadu_pd(s + w), k);
		int mask = _mm_movemask_pd(valid) & (w == 16 ? 1 : 3); /* window 17 does not exist */
		windows += (mask & 1) + (mask >> 1);
		valid = _mm_castsi128_pd(_mm_set_epi64x(mask & 2 ? -1 : 0, mask & 1 ? -1 : 0));
		vbest = _mm_max_pd(vbest, _mm_or_pd(_mm_and_pd(valid, m), _mm_andnot_pd(valid, _mm_set1_pd(-HUGE_VAL))));
	}
	if (windows) {
		_mm_storeu_pd(top, vbest);
		best = top[0] > top[1] ? top[0] : top[1];
	}
	if (windows >= 14 || (!isnan(best) && best > limit))
		return best;
	return NAN;
}

/* Nonzero when the values seen were all >= 0 and finite. */
static int range_ok_sse2(__m128d lo, int bad)
{
	double l[2];
	_mm_storeu_pd(l, lo);
	return !(l[0] < 0 || l[1] < 0 || bad);
}
#endif /* EG_AIRQ_SSE2 */

#if EG_AIRQ_AVX2
/*
 * AVX2 (x86-64 processors since about 2013; chosen at run time, see
 * airq_have_avx2()): the same kernels four lanes wide. Each lane is still
 * one day (daily means) or one 8-hour window (MDA8) and does exactly the
 * SSE2 lane's operations in the same order (masked adds from +0.0, the
 * same divisions, minimum, maximum and comparisons; no fused multiply-add
 * is enabled), so the results are bit-identical to the SSE2 and portable
 * kernels and to the reference (tests/test_airq_simd.c checks all four).
 */
#define AVX2_FN __attribute__((target("avx2")))

/*
 * Software prefetch 8 KiB ahead of the values being read. With four lanes
 * the kernels are fast enough that the hardware prefetcher no longer keeps
 * up: in a 2,000-station driver (71 MB, beyond the caches) the month took
 * 7.5 ms with SSE2, 7.5 ms with AVX2 alone and 4.8 ms with AVX2 and this
 * prefetch (2 KiB: 5.5 ms, 4 KiB: 5.2 ms, 16 KiB: 4.8 ms); the SSE2
 * kernels gained nothing from it. A prefetch never faults, so reading
 * ahead past the end of the array is harmless.
 */
#define PF_DIST 8192

/* Hours i and i + 1 of days a, b, c, d: lanes (a, b, c, d) of hour i in v, of hour i + 1 in w. */
#define QUAD_STEP(a, b, c, d, i, sum, cnt, mn)                                                          \
	do {                                                                                            \
		__m256d rac_ = _mm256_insertf128_pd(_mm256_castpd128_pd256(_mm_loadu_pd((a) + (i))),    \
						    _mm_loadu_pd((c) + (i)), 1);                        \
		__m256d rbd_ = _mm256_insertf128_pd(_mm256_castpd128_pd256(_mm_loadu_pd((b) + (i))),    \
						    _mm_loadu_pd((d) + (i)), 1);                        \
		__m256d v_ = _mm256_unpacklo_pd(rac_, rbd_), w_ = _mm256_unpackhi_pd(rac_, rbd_);       \
		__m256d okv_ = _mm256_cmp_pd(v_, v_, _CMP_ORD_Q), okw_ = _mm256_cmp_pd(w_, w_, _CMP_ORD_Q); \
		__m256d cv_ = _mm256_and_pd(v_, okv_), cw_ = _mm256_and_pd(w_, okw_);                   \
		sum = _mm256_add_pd(_mm256_add_pd(sum, cv_), cw_);                                      \
		cnt = _mm256_sub_epi64(_mm256_sub_epi64(cnt, _mm256_castpd_si256(okv_)),                \
				       _mm256_castpd_si256(okw_));                                      \
		mn = _mm256_min_pd(_mm256_min_pd(cv_, cw_), mn);                                        \
	} while (0)

/* Four days' means (valid with >= 20 hours, else NaN), as day_pair_out(); *hi keeps the largest sum. */
static AVX2_FN void day_quad_out(double *daily, __m256d sum, __m256i cnt, __m256d *hi)
{
	__m128i k32 = _mm256_castsi256_si128(_mm256_permutevar8x32_epi32(cnt, _mm256_setr_epi32(0, 2, 4, 6, 0, 2, 4, 6)));
	__m256d k = _mm256_cvtepi32_pd(k32), valid = _mm256_cmp_pd(k, _mm256_set1_pd(20), _CMP_GE_OQ);
	__m256d mean = _mm256_div_pd(sum, k);
	*hi = _mm256_max_pd(sum, *hi);
	_mm256_storeu_pd(daily, _mm256_or_pd(_mm256_and_pd(valid, mean), _mm256_andnot_pd(valid, _mm256_set1_pd(NAN))));
}

/* As daily_means_sse2(): eight days at a time (two chains of four), then four, then the rest in one set of four lanes. */
static AVX2_FN void daily_means_avx2(double *daily, const double *x, int days, __m128d *lo, int *bad)
{
	__m256d mn = _mm256_set1_pd(0.0), hi = _mm256_setzero_pd();
	double top[4];
	int d = 0;
	for (; d + 8 <= days; d += 8) {
		const double *a = x + (size_t)d * 24;
		__m256d s1 = _mm256_setzero_pd(), s2 = s1, m1 = mn, m2 = mn;
		__m256i k1 = _mm256_setzero_si256(), k2 = k1;
		for (int l = 0; l < 8 * 24 * 8; l += 64)
			__builtin_prefetch((const char *)a + PF_DIST + l);
		for (int i = 0; i < 24; i += 2) {
			QUAD_STEP(a, a + 24, a + 48, a + 72, i, s1, k1, m1);
			QUAD_STEP(a + 96, a + 120, a + 144, a + 168, i, s2, k2, m2);
		}
		mn = _mm256_min_pd(m1, m2);
		day_quad_out(daily + d, s1, k1, &hi);
		day_quad_out(daily + d + 4, s2, k2, &hi);
	}
	for (; d + 4 <= days; d += 4) {
		const double *a = x + (size_t)d * 24;
		__m256d s1 = _mm256_setzero_pd();
		__m256i k1 = _mm256_setzero_si256();
		for (int l = 0; l < 4 * 24 * 8; l += 64)
			__builtin_prefetch((const char *)a + PF_DIST + l);
		for (int i = 0; i < 24; i += 2)
			QUAD_STEP(a, a + 24, a + 48, a + 72, i, s1, k1, mn);
		day_quad_out(daily + d, s1, k1, &hi);
	}
	if (d < days) {
		/* The last one to three days, the lanes left over repeating the first of them (not stored). */
		const double *a = x + (size_t)d * 24, *b = d + 1 < days ? a + 24 : a, *c = d + 2 < days ? a + 48 : a;
		__m256d s1 = _mm256_setzero_pd();
		__m256i k1 = _mm256_setzero_si256();
		double out[4];
		for (int l = 0; l < (days - d) * 24 * 8; l += 64)
			__builtin_prefetch((const char *)a + PF_DIST + l);
		for (int i = 0; i < 24; i += 2)
			QUAD_STEP(a, b, c, a, i, s1, k1, mn);
		day_quad_out(out, s1, k1, &hi);
		memcpy(daily + d, out, (size_t)(days - d) * sizeof *out);
	}
	/* A +inf hour makes its day's sum +inf. */
	_mm256_storeu_pd(top, hi);
	*bad |= !(top[0] <= DBL_MAX) | !(top[1] <= DBL_MAX) | !(top[2] <= DBL_MAX) | !(top[3] <= DBL_MAX);
	*lo = _mm_min_pd(_mm_min_pd(_mm256_castpd256_pd128(mn), _mm256_extractf128_pd(mn, 1)), *lo);
}

/* Prefix counts of a 4-bit mask: element j counts bits 0..j. */
static const int32_t prefix4[16][4] = {
	{ 0, 0, 0, 0 }, { 1, 1, 1, 1 }, { 0, 1, 1, 1 }, { 1, 2, 2, 2 }, { 0, 0, 1, 1 }, { 1, 1, 2, 2 },
	{ 0, 1, 2, 2 }, { 1, 2, 3, 3 }, { 0, 0, 0, 1 }, { 1, 1, 1, 2 }, { 0, 1, 1, 2 }, { 1, 2, 2, 3 },
	{ 0, 0, 1, 2 }, { 1, 1, 2, 3 }, { 0, 1, 2, 3 }, { 1, 2, 3, 4 },
};

/* MDA8 of a day (§3), as mda8_fast_sse2(): the 17 windows summed four at a time. */
static AVX2_FN double mda8_fast_avx2(const double *h, double limit, __m256d *mn, __m256d *mx)
{
	double c[32], s[20], best = NAN, top[4];
	int32_t cnt[32];
	int windows = 0;
	__m256d vbest = _mm256_set1_pd(-HUGE_VAL);
	cnt[0] = 0;
	for (int i = 0; i < 24; i += 4) {
		__m256d v = _mm256_loadu_pd(h + i), ok = _mm256_cmp_pd(v, v, _CMP_ORD_Q);
		int m = _mm256_movemask_pd(ok);
		_mm256_storeu_pd(c + i, _mm256_and_pd(v, ok));
		*mn = _mm256_min_pd(v, *mn);
		*mx = _mm256_max_pd(v, *mx); /* a +inf hour shows here */
		_mm_storeu_si128((__m128i *)(void *)(cnt + i + 1),
				 _mm_add_epi32(_mm_set1_epi32(cnt[i]), _mm_loadu_si128((const __m128i *)(const void *)prefix4[m])));
	}
	/* Hours 24-31 (beyond the day) add nothing to window 16's chain: its lanes 17-19 are not kept. */
	_mm256_storeu_pd(c + 24, _mm256_setzero_pd());
	_mm256_storeu_pd(c + 28, _mm256_setzero_pd());
	for (int i = 25; i < 32; i++)
		cnt[i] = cnt[24];
	{
		/* Five chains (windows 0-19 four by four), hours in order in each. */
		__m256d a0 = _mm256_setzero_pd(), a1 = a0, a2 = a0, a3 = a0, a4 = a0;
		for (int j = 0; j < 8; j++) {
			a0 = _mm256_add_pd(a0, _mm256_loadu_pd(c + 0 + j));
			a1 = _mm256_add_pd(a1, _mm256_loadu_pd(c + 4 + j));
			a2 = _mm256_add_pd(a2, _mm256_loadu_pd(c + 8 + j));
			a3 = _mm256_add_pd(a3, _mm256_loadu_pd(c + 12 + j));
			a4 = _mm256_add_pd(a4, _mm256_loadu_pd(c + 16 + j));
		}
		_mm256_storeu_pd(s + 0, a0);
		_mm256_storeu_pd(s + 4, a1);
		_mm256_storeu_pd(s + 8, a2);
		_mm256_storeu_pd(s + 12, a3);
		_mm256_storeu_pd(s + 16, a4);
	}
	/* Window means four at a time, kept where k >= 6 (windows 17-19 do not exist). */
	for (int w = 0; w < 20; w += 4) {
		__m128i k4 = _mm_sub_epi32(_mm_loadu_si128((const __m128i *)(const void *)(cnt + w + 8)),
					   _mm_loadu_si128((const __m128i *)(const void *)(cnt + w)));
		__m256d k = _mm256_cvtepi32_pd(k4), valid = _mm256_cmp_pd(k, _mm256_set1_pd(6), _CMP_GE_OQ);
		__m256d m = _mm256_div_pd(_mm256_loadu_pd(s + w), k);
		if (w == 16)
			valid = _mm256_and_pd(valid, _mm256_castsi256_pd(_mm256_setr_epi64x(-1, 0, 0, 0)));
		windows += prefix4[_mm256_movemask_pd(valid)][3];
		vbest = _mm256_max_pd(vbest, _mm256_or_pd(_mm256_and_pd(valid, m), _mm256_andnot_pd(valid, _mm256_set1_pd(-HUGE_VAL))));
	}
	if (windows) {
		_mm256_storeu_pd(top, vbest);
		best = top[0];
		for (int i = 1; i < 4; i++)
			if (top[i] > best)
				best = top[i];
	}
	if (windows >= 14 || (!isnan(best) && best > limit))
		return best;
	return NAN;
}

/* The MDA8 of `days` days (an infinite MDA8, an 8-hour sum that overflowed, is left to the caller as with SSE2). */
static AVX2_FN void mda8_days_avx2(double *daily, const double *x, int days, double limit, __m128d *lo, int *bad)
{
	__m256d mn = _mm256_set1_pd(0.0), mx = _mm256_setzero_pd();
	double top[4];
	for (int d = 0; d < days; d++) {
		for (int l = 0; l < 24 * 8; l += 64)
			__builtin_prefetch((const char *)(x + (size_t)d * 24) + PF_DIST + l);
		daily[d] = mda8_fast_avx2(x + (size_t)d * 24, limit, &mn, &mx);
	}
	_mm256_storeu_pd(top, mx);
	*bad |= !(top[0] <= DBL_MAX) | !(top[1] <= DBL_MAX) | !(top[2] <= DBL_MAX) | !(top[3] <= DBL_MAX);
	*lo = _mm_min_pd(_mm_min_pd(_mm256_castpd256_pd128(mn), _mm256_extractf128_pd(mn, 1)), *lo);
}

/* Nonzero when the processor has AVX2 (and the system saves its registers). */
static int airq_have_avx2(void)
{
	return __builtin_cpu_supports("avx2");
}
#endif /* EG_AIRQ_AVX2 */

/*
 * Portable versions of the same, compiled in every build (the ones used
 * without SSE2 or with -Dsimd=false; tests/test_airq_simd.c compares them
 * with the SSE2 ones and the reference): *lo collects the smallest valid value.
 */
static void daily_means_portable(double *daily, const double *x, int days, double *lo, int *bad)
{
	for (int d = 0; d < days; d++) {
		const double *h = x + (size_t)d * 24;
		double sum = 0;
		int k = 0;
		for (int i = 0; i < 24; i++) {
			int ok = h[i] == h[i];
			sum += ok ? h[i] : 0;
			k += ok;
			if (ok && h[i] < *lo)
				*lo = h[i];
		}
		*bad |= !(sum <= DBL_MAX);
		daily[d] = k >= 20 ? sum / k : NAN;
	}
}

static double mda8_fast_portable(const double *h, double limit, double *lo, int *bad)
{
	for (int i = 0; i < 24; i++) {
		if (h[i] < *lo)
			*lo = h[i];
		*bad |= h[i] > DBL_MAX;
	}
	return mda8(h, limit);
}

static int range_ok_portable(double lo, int bad)
{
	return !(lo < 0 || bad);
}

#if EG_AIRQ_SSE2
#define daily_means daily_means_sse2
#define mda8_fast mda8_fast_sse2
#define range_ok range_ok_sse2
#define RANGE_T __m128d
#define RANGE_INIT(lo, bad) ((lo) = _mm_set1_pd(0.0), (bad) = 0)
#else
#define daily_means daily_means_portable
#define mda8_fast mda8_fast_portable
#define range_ok range_ok_portable
#define RANGE_T double
#define RANGE_INIT(lo, bad) ((lo) = 0, (bad) = 0)
#endif

/* The three implementations side by side, for the differential test (airq_internal.h). */
int eg__airq_daily_ref(double *daily, const double *x, int days, int o3, double limit)
{
	for (int d = 0; d < days; d++)
		daily[d] = o3 ? mda8(x + (size_t)d * 24, limit) : daily_mean(x + (size_t)d * 24);
	return 1;
}

int eg__airq_daily_portable(double *daily, const double *x, int days, int o3, double limit)
{
	double lo = 0;
	int bad = 0;
	if (o3)
		for (int d = 0; d < days; d++)
			daily[d] = mda8_fast_portable(x + (size_t)d * 24, limit, &lo, &bad);
	else
		daily_means_portable(daily, x, days, &lo, &bad);
	return range_ok_portable(lo, bad);
}

int eg__airq_daily_avx2(double *daily, const double *x, int days, int o3, double limit)
{
#if EG_AIRQ_AVX2
	__m128d lo = _mm_set1_pd(0.0);
	int bad = 0;
	if (!airq_have_avx2())
		return -1;
	if (o3)
		mda8_days_avx2(daily, x, days, limit, &lo, &bad);
	else
		daily_means_avx2(daily, x, days, &lo, &bad);
	return range_ok_sse2(lo, bad);
#else
	(void)daily, (void)x, (void)days, (void)o3, (void)limit;
	return -1;
#endif
}

int eg__airq_daily_sse2(double *daily, const double *x, int days, int o3, double limit)
{
#if EG_AIRQ_SSE2
	__m128d lo = _mm_set1_pd(0.0);
	int bad = 0;
	if (o3)
		for (int d = 0; d < days; d++)
			daily[d] = mda8_fast_sse2(x + (size_t)d * 24, limit, &lo, &bad);
	else
		daily_means_sse2(daily, x, days, &lo, &bad);
	return range_ok_sse2(lo, bad);
#else
	(void)daily, (void)x, (void)days, (void)o3, (void)limit;
	return -1;
#endif
}

/*
 * HJ 663 percentile of a month's <= 31 daily values, as percentile_sorted()
 * after sorting: only the order statistics it reads are found. The 90th and
 * 95th percentiles read among the top four, so the largest m values are
 * kept in a small ascending buffer (most values are rejected by one
 * comparison); an insertion sort covers larger m.
 */
static double percentile_small(double *x, int n, double p)
{
	double k = 1 + (double)(n - 1) * p, top[8];
	int s = (int)floor(k), m = n - s + 1, t = 0;
	if (s >= n)
		s = n;
	if (m > 8 || s >= n) {
		for (int i = 1; i < n; i++) {
			double v = x[i];
			int j = i;
			for (; j > 0 && x[j - 1] > v; j--)
				x[j] = x[j - 1];
			x[j] = v;
		}
		return percentile_sorted(x, (size_t)n, p);
	}
	/* top[0..t) ascending: the largest t values seen. */
	for (int i = 0; i < n; i++) {
		double v = x[i];
		int j;
		if (t == m) {
			if (v <= top[0])
				continue;
			for (j = 1; j < m && top[j] < v; j++)
				top[j - 1] = top[j];
			top[j - 1] = v;
		} else {
			for (j = t; j > 0 && top[j - 1] > v; j--)
				top[j] = top[j - 1];
			top[j] = v;
			t++;
		}
	}
	/* Sorted x[s - 1] is top[0] and x[s] is top[1] (s < n, so m >= 2). */
	return top[0] + (top[1] - top[0]) * (k - (double)s);
}

static int monthly_stats(eg_airq_stat *out, const eg_airq_profile *p, const double *hourly, size_t n_stations,
			 int year, int month, size_t n_hours, const unsigned char *dust, const unsigned char *tampered)
{
	int days, required;
#if EG_AIRQ_AVX2
	int avx2;
#endif
	double daily[EG_POLLUTANT_COUNT][31], vals[31];
	const unsigned char *flag_t, *flag_d;
	unsigned any_t, any_d;
	if (!out || !p || (!hourly && n_stations))
		return eg__error(EG_EINVAL, "eg_airq_monthly_stats: NULL argument");
	if (!eg__date_valid(year, month, 1))
		return eg__error(EG_EINVAL, "eg_airq_monthly_stats: %d-%d is not a month", year, month);
	days = eg__days_in_month(year, month);
	if (n_hours != (size_t)days * 24)
		return eg__error(EG_EINVAL, "eg_airq_monthly_stats: %04d-%02d has %d days = %d hours, not %zu", year, month,
				 days, days * 24, n_hours);
	if (!hourly_fits(n_stations, n_hours))
		return eg__error(EG_ERANGE, "eg_airq_monthly_stats: too many stations");
	/* §3: 27 valid days, February 25. */
	required = month == 2 ? 25 : 27;
#if EG_AIRQ_AVX2
	avx2 = airq_have_avx2();
#endif
	for (size_t s = 0; s < n_stations; s++) {
		const double *block = hourly + s * EG_POLLUTANT_COUNT * n_hours;
		RANGE_T lo;
		int bad;
		RANGE_INIT(lo, bad);
		/* Daily values of the six series first, checking the values on the way. */
		for (int pol = 0; pol < EG_POLLUTANT_COUNT; pol++) {
			const double *series = block + (size_t)pol * n_hours;
#if EG_AIRQ_AVX2
			if (avx2) {
				if (pol == EG_POLLUTANT_O3) {
					mda8_days_avx2(daily[pol], series, days, p->limit[EG_POLLUTANT_O3], &lo, &bad);
					for (int d = 0; d < days; d++)
						bad |= isinf(daily[pol][d]); /* an 8-hour sum overflowed */
				} else
					daily_means_avx2(daily[pol], series, days, &lo, &bad);
				continue;
			}
#endif
			if (pol == EG_POLLUTANT_O3)
				for (int d = 0; d < days; d++) {
					daily[pol][d] = mda8_fast(series + d * 24, p->limit[EG_POLLUTANT_O3], &lo, &bad);
					bad |= isinf(daily[pol][d]); /* an 8-hour sum overflowed */
				}
			else
				daily_means(daily[pol], series, days, &lo, &bad);
		}
		/* The first bad value is in this station's block: check_hourly() names it.
		 * When no value is invalid, finite values so large that a day's sum
		 * overflowed tripped the check: refuse them rather than report infinity. */
		if (!range_ok(lo, bad)) {
			int rc = check_hourly(hourly, n_stations, n_hours);
			return rc < 0 ? rc : eg__error(EG_ERANGE, "station %zu: hourly values so large that their daily sums overflow", s);
		}
		/* The station's flags: most stations have no tampered day and no dust day. */
		flag_t = tampered ? tampered + s * (size_t)days : NULL;
		flag_d = dust ? dust + s * (size_t)days : NULL;
		any_t = any_d = 0;
		for (int d = 0; d < days; d++) {
			any_t |= flag_t ? flag_t[d] : 0;
			any_d |= flag_d ? flag_d[d] : 0;
		}
		for (int pol = 0; pol < EG_POLLUTANT_COUNT; pol++) {
			eg_airq_stat *st = &out[s * EG_POLLUTANT_COUNT + (size_t)pol];
			double *dv = daily[pol], top = NAN;
			int n = 0;
			if (any_t) {
				for (int d = 0; d < days; d++) {
					if (flag_t[d])
						dv[d] = NAN;
					else if (!isnan(dv[d]) && (isnan(top) || dv[d] > top))
						top = dv[d];
				}
				/* CJ-A3-6: tampered days take the station's highest daily value of the month. */
				for (int d = 0; d < days; d++)
					if (flag_t[d])
						dv[d] = top;
			}
			/* The valid days, in order (vals[n] is written before n counts it). */
			if (any_d && (pol == EG_POLLUTANT_PM10 || pol == EG_POLLUTANT_PM25)) {
				/* §2: dust days leave PM10 and PM2.5 only. */
				for (int d = 0; d < days; d++) {
					vals[n] = dv[d];
					n += !isnan(dv[d]) && !flag_d[d];
				}
			} else {
				for (int d = 0; d < days; d++) {
					vals[n] = dv[d];
					n += !isnan(dv[d]);
				}
			}
			st->n_valid = n;
			st->n_days = days;
			st->n_required = required;
			st->valid = n >= required;
			st->reserved[0] = st->reserved[1] = 0;
			if (n == 0) {
				st->value = NAN;
			} else if (pol == EG_POLLUTANT_CO || pol == EG_POLLUTANT_O3) {
				st->value = percentile_small(vals, n, pol == EG_POLLUTANT_CO ? 0.95 : 0.90);
			} else {
				double sum = 0;
				for (int k = 0; k < n; k++)
					sum += vals[k];
				st->value = sum / n;
			}
		}
	}
	return EG_OK;
}

int eg_airq_monthly_options_init(eg_airq_monthly_options *opts, unsigned int version)
{
	static const eg_airq_monthly_options init = EG_AIRQ_MONTHLY_OPTIONS_INIT;
	if (!opts)
		return eg__error(EG_EINVAL, "eg_airq_monthly_options_init: opts is NULL");
	if (version != EG_AIRQ_MONTHLY_OPTIONS_VERSION)
		return eg__error(EG_EINVAL, "eg_airq_monthly_options_init: unknown version %u (this library knows %u)", version,
				 EG_AIRQ_MONTHLY_OPTIONS_VERSION);
	*opts = init;
	return EG_OK;
}

int eg_airq_monthly_stats(eg_airq_stat *out, const eg_airq_profile *p, const double *hourly, size_t n_stations,
			  size_t n_hours, const eg_airq_monthly_options *opts)
{
	if (!opts)
		return eg__error(EG_EINVAL, "eg_airq_monthly_stats: opts is NULL (initialise it with EG_AIRQ_MONTHLY_OPTIONS_INIT)");
	if (opts->version != EG_AIRQ_MONTHLY_OPTIONS_VERSION)
		return eg__error(EG_EINVAL, "eg_airq_monthly_stats: opts->version %u is not %u (initialise it with EG_AIRQ_MONTHLY_OPTIONS_INIT)",
				 opts->version, EG_AIRQ_MONTHLY_OPTIONS_VERSION);
	return monthly_stats(out, p, hourly, n_stations, opts->year, opts->month, n_hours, opts->dust, opts->tampered);
}

/* ------------------------------------------------------------------ */
/* Batch: composite indices of many stations (CJ-A3-3)                  */
/* ------------------------------------------------------------------ */

/*
 * CJ-A3-3 for n stations, their statistics either in eg_airq_stat elements
 * (stats) or in plain rows of six values (values): the same checks and the
 * same composite_of() arithmetic as eg_airq_composite(), so every path gives
 * the same bits. Everything is checked before anything is written.
 */
static double stat_value(const eg_airq_stat *stats, const double *values, size_t i)
{
	return stats ? stats[i].value : values[i];
}

static int composite_rows(double *composite, int32_t *primary, const eg_airq_profile *p, const eg_airq_stat *stats,
			  const double *values, size_t n_stations, unsigned int flags, const char *fn)
{
	if (!composite || !p || (!stats && !values && n_stations))
		return eg__error(EG_EINVAL, "%s: NULL argument", fn);
	if (flags & ~EG_AIRQ_ROUND_STATS_FIRST)
		return eg__error(EG_EINVAL, "%s: unknown flags 0x%x", fn, flags);
	if (n_stations > SIZE_MAX / EG_POLLUTANT_COUNT)
		return eg__error(EG_ERANGE, "%s: %zu stations overflow the statistics' count", fn, n_stations);
	for (size_t i = 0; i < n_stations * EG_POLLUTANT_COUNT; i++) {
		double v = stat_value(stats, values, i);
		int rc;
		if (!isnan(v) && (rc = check_stat(v, pollutant_names[i % EG_POLLUTANT_COUNT])) < 0)
			return eg__error(rc, "station %zu: %s", i / EG_POLLUTANT_COUNT, eg_error_last()->message);
	}
	for (size_t s = 0; s < n_stations; s++) {
		double c[EG_POLLUTANT_COUNT], single[EG_POLLUTANT_COUNT];
		int top = -1, missing = 0;
		for (int i = 0; i < EG_POLLUTANT_COUNT; i++) {
			double v = stat_value(stats, values, s * EG_POLLUTANT_COUNT + (size_t)i);
			if (isnan(v))
				missing = 1;
			else
				c[i] = stat_used(v, i, flags);
		}
		/* A station missing a statistic has no index. */
		composite[s] = missing ? NAN : composite_of(single, &top, p, c);
		if (primary)
			primary[s] = missing ? -1 : top;
	}
	return EG_OK;
}

int eg_airq_composite_many(double *composite, int32_t *primary, const eg_airq_profile *p, const eg_airq_stat *stats,
			   size_t n_stations, unsigned int flags)
{
	return composite_rows(composite, primary, p, stats, NULL, n_stations, flags, "eg_airq_composite_many");
}

int eg_airq_composite_values(double *composite, int32_t *primary, const eg_airq_profile *p, const double *stats,
			     size_t n_stations, unsigned int flags)
{
	return composite_rows(composite, primary, p, NULL, stats, n_stations, flags, "eg_airq_composite_values");
}
