/**
 * @file airq.h
 * @brief Air quality by the national method: profiles, composite index,
 * statistics from hourly data, percentiles, rates and rankings.
 *
 * Implements CJ-A3-3 (the six-parameter composite index), CJ-A3-5 (the
 * monthly ranking), CJ-A3-6 (tampered stations) and the method of
 * docs/airquality.md in the rule catalogue: profiles of standards that
 * change with time (§1), the composite index (§2), hourly data (§3),
 * tampering (§4), rates (§5) and rankings (§6). AQI (§7) is in aqi.h.
 *
 * Pollutants are indexed by ::eg_pollutant. Concentrations are µg/m³,
 * except CO in mg/m³. A missing value is NaN, never zero.
 *
 * **Rounding** (GB/T 8170, §2): reported values are rounded half to even
 * on an exact 5 and to nearest otherwise. Values are computed in binary
 * floating point, where a decimal tie such as 3.005 is stored a hair off
 * the tie; ecogrid treats a scaled value within 1e-9 (relative) of a tie
 * as the tie, so the decimal intention is honoured. All formatting is
 * locale-independent.
 *
 * Profiles are immutable and may be shared across threads.
 */
#ifndef ECOGRID_AIRQ_H
#define ECOGRID_AIRQ_H

#include <ecogrid/common.h>

#ifdef __cplusplus
extern "C" {
#endif

/** @brief The six pollutants of the composite index, in this order. */
typedef enum eg_pollutant {
	EG_POLLUTANT_SO2 = 0,  /**< SO2, µg/m³ */
	EG_POLLUTANT_NO2 = 1,  /**< NO2, µg/m³ */
	EG_POLLUTANT_PM10 = 2, /**< PM10, µg/m³ */
	EG_POLLUTANT_PM25 = 3, /**< PM2.5, µg/m³ */
	EG_POLLUTANT_CO = 4,   /**< CO, mg/m³ */
	EG_POLLUTANT_O3 = 5    /**< O3 (MDA8 for the index), µg/m³ */
} eg_pollutant;

/** @brief Number of pollutants in the composite index. */
#define EG_POLLUTANT_COUNT 6

/** @brief An air-quality profile (opaque, immutable). */
typedef struct eg_airq_profile eg_airq_profile;

/**
 * @brief A built-in profile by name: "CN2012", "CN2026" or "CN2031" (§1).
 * @param[out] out Receives the profile (caller frees with eg_airq_profile_free()).
 * @param name The name.
 * @return ::EG_OK, ::EG_EINVAL, ::EG_ENOTFOUND, ::EG_ENOMEM.
 */
EG_API int eg_airq_profile_named(eg_airq_profile **out, const char *name);

/**
 * @brief The built-in profile in force on a date "YYYY-MM-DD" (§1): CN2012
 * until 2026-02-28, CN2026 from 2026-03-01 to 2030-12-31, CN2031 after.
 * @return ::EG_OK, ::EG_EINVAL (bad date), ::EG_ENOMEM.
 */
EG_API int eg_airq_profile_for_date(eg_airq_profile **out, const char *date);

/**
 * @brief A custom profile: own limits and weights (§1, §2).
 * @param[out] out Receives the profile.
 * @param name Its name (1–64 bytes).
 * @param limits S_i per pollutant (> 0, finite; CO in mg/m³).
 * @param weights w_i per pollutant (≥ 0, finite), or NULL for all 1.
 * @param aqi_table ::eg_aqi_table used by eg_aqi_compute().
 * @return ::EG_OK, ::EG_EINVAL, ::EG_ERANGE (a limit ≤ 0, NaN, a negative weight), ::EG_ENOMEM.
 */
EG_API int eg_airq_profile_custom(eg_airq_profile **out, const char *name, const double *limits,
				  const double *weights, int aqi_table);

/** @brief Free a profile; NULL is accepted. */
EG_API void eg_airq_profile_free(eg_airq_profile *p);

/** @brief The profile's name (borrowed); NULL for NULL. */
EG_API const char *eg_airq_profile_name(const eg_airq_profile *p);

/** @brief The limit S_i of a pollutant; NaN for a bad argument. */
EG_API double eg_airq_profile_limit(const eg_airq_profile *p, int pollutant);

/** @brief The weight w_i of a pollutant; NaN for a bad argument. */
EG_API double eg_airq_profile_weight(const eg_airq_profile *p, int pollutant);

/** @brief The AQI table version (::eg_aqi_table), or 0 for NULL. */
EG_API int eg_airq_profile_aqi_table(const eg_airq_profile *p);

/** @brief The pollutant's name: "SO2", "NO2", "PM10", "PM2.5", "CO", "O3" (static), or NULL. */
EG_API const char *eg_pollutant_name(int pollutant);

/* ------------------------------------------------------------------ */
/* Composite index (CJ-A3-3, §2)                                      */
/* ------------------------------------------------------------------ */

/** @brief Flag: round the statistics first (µg/m³ to integers, CO to 0.1), the §2 *reading* option. */
#define EG_AIRQ_ROUND_STATS_FIRST 0x1u

/** @brief Version of ::eg_airq_index understood by this library. */
#define EG_AIRQ_INDEX_VERSION 1

/**
 * @brief A composite index and its parts (filled by eg_airq_composite()).
 *
 * Caller-allocated: set `version` (::EG_AIRQ_INDEX_INIT or
 * eg_airq_index_init()) before the call; the library fills the fields of
 * that version and refuses a version it does not know, so a caller built
 * against an older, smaller struct is never written past its end.
 */
typedef struct eg_airq_index {
	unsigned int version;         /**< ::EG_AIRQ_INDEX_VERSION, set by the caller. */
	double single[EG_POLLUTANT_COUNT]; /**< I_i = C_i / S_i */
	double load[EG_POLLUTANT_COUNT];   /**< P_i = w_i·I_i / I_sum (0 when I_sum is 0) */
	double composite;             /**< I_sum = Σ w_i·I_i, full precision */
	int64_t reported_hundredths;  /**< I_sum rounded to 2 decimals (GB/T 8170), × 100 */
	char reported[24];            /**< the same as text, e.g. "4.12" */
	int primary;                  /**< pollutant with the largest I_i (the first on a tie) */
	unsigned int primary_mask;    /**< bit i set for every pollutant at the largest I_i */
} eg_airq_index;

/** @brief Static initialiser for ::eg_airq_index (the version set, the rest zero). */
#define EG_AIRQ_INDEX_INIT { EG_AIRQ_INDEX_VERSION, { 0 }, { 0 }, 0, 0, { 0 }, 0, 0u }

/**
 * @brief Initialise a composite-index result to ::EG_AIRQ_INDEX_INIT, for
 * callers that cannot expand the macro (FFIs).
 * @param[out] out The result (every field written).
 * @param version ::EG_AIRQ_INDEX_VERSION, the version the caller was written for.
 * @return ::EG_OK, ::EG_EINVAL (NULL, or a version this library does not know; nothing written).
 */
EG_API int eg_airq_index_init(eg_airq_index *out, unsigned int version);

/**
 * @brief The six-parameter composite index from period statistics (CJ-A3-3).
 * @param[out] out Filled on success only; its `version` must be set (::EG_AIRQ_INDEX_INIT).
 * @param p The profile.
 * @param stats C_i per pollutant (≥ 0, finite; CO mg/m³; O3 the 90th
 *        percentile of MDA8, CO the 95th percentile of daily means).
 * @param flags 0 or ::EG_AIRQ_ROUND_STATS_FIRST.
 * @return ::EG_OK, ::EG_EINVAL (NULL, NaN, negative, infinite, unknown flag,
 *         `out->version` not ::EG_AIRQ_INDEX_VERSION).
 */
EG_API int eg_airq_composite(eg_airq_index *out, const eg_airq_profile *p, const double *stats,
			     unsigned int flags);

/* ------------------------------------------------------------------ */
/* Numbers (§2, §5, §6)                                               */
/* ------------------------------------------------------------------ */

/**
 * @brief Percentile by HJ 663 (§2): k = 1 + (n − 1)·p, linear between order statistics.
 * @param[out] out The percentile.
 * @param values n values (NaN are skipped as missing; none negative is required).
 * @param n Number of values.
 * @param p Fraction in [0, 1] (0.90 for the 90th percentile).
 * @return ::EG_OK, ::EG_EINVAL (NULL, no valid value, p outside [0, 1], an infinite value), ::EG_ENOMEM.
 */
EG_API int eg_airq_percentile(double *out, const double *values, size_t n, double p);

/**
 * @brief Round by GB/T 8170 (half to even on an exact 5) to `decimals` places.
 * @param[out] scaled Receives the rounded value × 10^decimals (may be NULL).
 * @param[out] buf Receives the text, e.g. "-9.0" (may be NULL).
 * @param bufsz Size of buf (24 is always enough).
 * @param value The value (finite, |value| × 10^decimals < 1e15).
 * @param decimals 0–6.
 * @return ::EG_OK, ::EG_EINVAL, ::EG_ERANGE, ::EG_EBUFSIZE.
 */
EG_API int eg_airq_round(int64_t *scaled, char *buf, size_t bufsz, double value, int decimals);

/**
 * @brief Change rate (I_now − I_ref) / I_ref (§5): > 0 worse, < 0 better.
 * @return ::EG_OK, ::EG_EINVAL (NULL, NaN, infinite, negative, or I_ref = 0),
 *         ::EG_ERANGE (the rate overflows: a reference index too close to 0; `out` untouched).
 */
EG_API int eg_airq_change_rate(double *out, double now, double ref);

/**
 * @brief Improvement rate (I_ref − I_now) / I_ref (§5): > 0 better.
 * @return as eg_airq_change_rate().
 */
EG_API int eg_airq_improvement_rate(double *out, double now, double ref);

/** @brief Ranking orders (§6). */
typedef enum eg_rank_order {
	EG_RANK_ORDER_ASC = 0, /**< smaller is better (composite index) */
	EG_RANK_ORDER_DESC = 1 /**< larger is better (improvement rate) */
} eg_rank_order;

/**
 * @brief Standard competition ranking ("1224") on values rounded to
 * `decimals` (§6, CJ-A3-5): equal reported values share a rank.
 * @param[out] ranks n ranks, 1 best.
 * @param values n finite values.
 * @param n Number of values.
 * @param order ::eg_rank_order.
 * @param decimals Places of the reported value (2 for an index; 3 for a
 *        rate as a fraction, i.e. 1 decimal of a percentage).
 * @return ::EG_OK, ::EG_EINVAL, ::EG_ERANGE, ::EG_ENOMEM.
 */
EG_API int eg_airq_rank(int32_t *ranks, const double *values, size_t n, int order, int decimals);

/* ------------------------------------------------------------------ */
/* Hourly data (§3, §4)                                               */
/* ------------------------------------------------------------------ */

/**
 * @brief A period statistic with its validity (§3).
 *
 * Statistics come in caller-allocated arrays (eg_airq_monthly_stats()), so
 * the struct has no version field, whose setting in every element would be
 * the caller's burden; instead its size is fixed for the life of the ABI
 * and `reserved` holds room for fields added later. The library writes
 * `reserved` as zeros and never reads it (eg_airq_composite_many()).
 */
typedef struct eg_airq_stat {
	double value;       /**< the statistic (NaN when no valid day at all) */
	int32_t valid;      /**< 1 when the validity rule is met */
	int32_t n_valid;    /**< valid days used */
	int32_t n_days;     /**< days in the period */
	int32_t n_required; /**< valid days required (27; February 25) */
	int32_t reserved[2]; /**< zero; room for later fields (sizeof stays 32) */
} eg_airq_stat;

/** @brief Version of ::eg_airq_monthly_options understood by this library. */
#define EG_AIRQ_MONTHLY_OPTIONS_VERSION 1

/**
 * @brief The month and the day flags of eg_airq_monthly_stats().
 *
 * A versioned options struct (the ABI rule for calls past six
 * parameters): initialise it with ::EG_AIRQ_MONTHLY_OPTIONS_INIT
 * or eg_airq_monthly_options_init() so that fields added later get their defaults.
 */
typedef struct eg_airq_monthly_options {
	unsigned int version;          /**< ::EG_AIRQ_MONTHLY_OPTIONS_VERSION. */
	int year;                      /**< Year of the month (required). */
	int month;                     /**< Month 1–12 (required; the default 0 is refused). */
	const unsigned char *dust;     /**< Optional `dust[s * days + d]` nonzero: day d is dust-affected; PM10 and PM2.5 skip it (§2). NULL for none. */
	const unsigned char *tampered; /**< Optional `tampered[s * days + d]` nonzero: interference verified on day d (CJ-A3-6). NULL for none. */
} eg_airq_monthly_options;

/** @brief Static initialiser for ::eg_airq_monthly_options (the defaults). */
#define EG_AIRQ_MONTHLY_OPTIONS_INIT { EG_AIRQ_MONTHLY_OPTIONS_VERSION, 0, 0, NULL, NULL }

/**
 * @brief Initialise options to ::EG_AIRQ_MONTHLY_OPTIONS_INIT, for callers that cannot
 * expand the macro (FFIs).
 * @param[out] opts The options (every field written).
 * @param version ::EG_AIRQ_MONTHLY_OPTIONS_VERSION, the version the caller was written for.
 * @return ::EG_OK, ::EG_EINVAL (NULL, or a version this library does not know; nothing written).
 */
EG_API int eg_airq_monthly_options_init(eg_airq_monthly_options *opts, unsigned int version);

/**
 * @brief Monthly statistics of many stations from hourly data (§3, CJ-A3-6).
 *
 * Layout: `hourly[(s * 6 + p) * n_hours + h]` for station s, pollutant p
 * (::eg_pollutant) and hour h; hour h covers the hour ending at
 * (h % 24) + 1 o'clock of day h / 24 + 1 (CST). NaN is missing.
 * For each station and pollutant: daily means (valid with ≥ 20 hours),
 * MDA8 for O3 (8-hour means valid with ≥ 6 hours; MDA8 valid with ≥ 14 of
 * the 17 windows ending 08:00–24:00, or fewer when the maximum already
 * exceeds the profile's O3 limit), then the monthly statistic: mean of
 * valid daily values for SO2, NO2, PM10, PM2.5; 95th percentile of daily
 * means for CO; 90th percentile of MDA8 for O3; valid with ≥ 27 valid days
 * (February ≥ 25), otherwise returned flagged.
 *
 * @param[out] out n_stations × 6 statistics, `out[s * 6 + p]` (caller-owned).
 *        Stations are computed in order; on ::EG_EINVAL or ::EG_ERANGE for
 *        a bad value, the entries of the stations before it may have been
 *        written (nothing else changes).
 * @param p The profile (for the O3 limit of the MDA8 rule).
 * @param hourly The hourly values.
 * @param n_stations Number of stations.
 * @param n_hours Hours per series: 24 × days in the month of `opts`.
 * @param opts The year, the month and the optional day flags
 *        (::eg_airq_monthly_options; borrowed for the call).
 * @return ::EG_OK, ::EG_EINVAL (NULL, an unknown opts version, negative or
 *         infinite value, bad month, n_hours not matching the month),
 *         ::EG_ERANGE (too many stations for the address space, or finite
 *         values so large that a day's sum overflows: no concentration
 *         comes near). No allocation is made.
 */
EG_API int eg_airq_monthly_stats(eg_airq_stat *out, const eg_airq_profile *p, const double *hourly,
				 size_t n_stations, size_t n_hours, const eg_airq_monthly_options *opts);

/**
 * @brief Daily values of many stations from hourly data (§3): the daily
 * mean of SO2, NO2, PM10, PM2.5 and CO (valid with ≥ 20 hours) and the MDA8
 * of O3 (the rule of eg_airq_monthly_stats()); NaN where a day is invalid.
 * @param[out] out n_stations × 6 × days values, `out[(s * 6 + p) * days + d]`.
 * @param p The profile (for the O3 limit of the MDA8 rule).
 * @param hourly As eg_airq_monthly_stats().
 * @param n_stations Number of stations.
 * @param n_hours Hours per series, a multiple of 24 (days = n_hours / 24).
 * @return ::EG_OK, ::EG_EINVAL (NULL, negative or infinite value, n_hours not a multiple of 24),
 *         ::EG_ERANGE (n_stations × 6 × n_hours values would not fit in memory: size_t overflows).
 */
EG_API int eg_airq_daily_values(double *out, const eg_airq_profile *p, const double *hourly,
				size_t n_stations, size_t n_hours);

/**
 * @brief City or county hourly values: the mean of the valid station values
 * at each time step (§3 *reading*); NaN where no station is valid.
 * @param[out] out 6 × n_hours values, `out[p * n_hours + h]`.
 * @param hourly As eg_airq_monthly_stats().
 * @param n_stations Number of stations (≥ 1).
 * @param n_hours Hours per series.
 * @return ::EG_OK, ::EG_EINVAL, ::EG_ERANGE (n_stations × 6 × n_hours values would not fit in
 *         memory: size_t overflows).
 */
EG_API int eg_airq_aggregate_hours(double *out, const double *hourly, size_t n_stations, size_t n_hours);

/* ------------------------------------------------------------------ */
/* Batch (CJ-A3-3)                                                    */
/* ------------------------------------------------------------------ */

/**
 * @brief Composite indices of many stations from their monthly statistics
 * in one call (CJ-A3-3, §2), for bindings that pass buffers once.
 *
 * For station s, the six statistics `stats[s * 6 + p].value` (the layout
 * eg_airq_monthly_stats() fills) give I_sum = Σ w_i·C_i / S_i with the
 * same arithmetic as eg_airq_composite(), at full precision. A station
 * with any statistic NaN (no valid day) gets NaN and primary −1. The
 * validity flags of the statistics are not consulted: the caller decides
 * whether an invalid month is published.
 *
 * @param[out] composite Array of n_stations indices (caller-owned); written only on success.
 * @param[out] primary Array of n_stations primary pollutants (::eg_pollutant,
 *        the first on a tie; −1 for NaN), or NULL; caller-owned, written only on success.
 * @param p The profile (borrowed).
 * @param stats n_stations × 6 statistics (borrowed), e.g. from eg_airq_monthly_stats().
 * @param n_stations Number of stations (0 is accepted and writes nothing).
 * @param flags 0 or ::EG_AIRQ_ROUND_STATS_FIRST.
 * @return ::EG_OK, ::EG_EINVAL (NULL, unknown flag, a negative or infinite
 *         statistic, named with its station), ::EG_ERANGE (a statistic ≥ 1e12).
 * @see eg_airq_composite(), CJ-A3-3, CJ-A3-5.
 */
EG_API int eg_airq_composite_many(double *composite, int32_t *primary, const eg_airq_profile *p,
				  const eg_airq_stat *stats, size_t n_stations, unsigned int flags);

/**
 * @brief Composite indices of many stations from statistics held in plain
 * rows of six values (CJ-A3-3, §2): the batch for callers whose statistics
 * are already in an array (a NumPy array of shape (n, 6), a table column
 * set), passed without repacking.
 *
 * Row s holds `stats[s * 6 + p]` for p in ::eg_pollutant order (SO2, NO2,
 * PM10, PM2.5, CO in mg/m³, O3). Each row gives I_sum = Σ w_i·C_i / S_i with
 * the same arithmetic as eg_airq_composite() and eg_airq_composite_many(),
 * at full precision. A row with any value NaN (no valid statistic) gets NaN
 * and primary −1.
 *
 * @param[out] composite Array of n_stations indices (caller-owned); written only on success.
 * @param[out] primary Array of n_stations primary pollutants (::eg_pollutant,
 *        the first on a tie; −1 for NaN), or NULL; caller-owned, written only on success.
 * @param p The profile (borrowed).
 * @param stats n_stations × 6 statistics, row-major (borrowed).
 * @param n_stations Number of stations (0 is accepted and writes nothing).
 * @param flags 0 or ::EG_AIRQ_ROUND_STATS_FIRST.
 * @return ::EG_OK, ::EG_EINVAL (NULL, unknown flag, a negative or infinite
 *         statistic, named with its station), ::EG_ERANGE (a statistic ≥ 1e12,
 *         or n_stations × 6 overflows size_t).
 * @see eg_airq_composite_many(), CJ-A3-3, CJ-A3-5.
 */
EG_API int eg_airq_composite_values(double *composite, int32_t *primary, const eg_airq_profile *p,
				    const double *stats, size_t n_stations, unsigned int flags);

#ifdef __cplusplus
}
#endif

#endif /* ECOGRID_AIRQ_H */
