/**
 * @file inspect.h
 * @brief Who is inspected and how often: the DG-6 pool, DG-7 classes, the
 * DG-8/10/11 quotas and DG-8 key-object coverage.
 *
 * Implements DG-6 (the pool of top emitters up to 85 %), DG-7 and DG-12
 * (key, general and low-frequency objects), DG-8, DG-10 and DG-11 (minimum
 * numbers to inspect) and the DG-8 rule that every key object is inspected
 * at least once a year. The reproducible double-random draw itself is in
 * draw.h; inspection cadences (DG-9, DG-15, DG-17) are in duty.h.
 */
#ifndef ECOGRID_INSPECT_H
#define ECOGRID_INSPECT_H

#include <ecogrid/common.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @brief The DG-6 pool: enterprises by emissions, from the top until the
 * cumulative share reaches the threshold.
 *
 * Order: emissions descending, then ID ascending (bytes). The pool is the
 * shortest prefix whose emissions reach `share_permille`‰ of the total,
 * compared exactly (1000 · cumulative ≥ share · total); enterprises tied
 * with the last one taken are taken too, so a tie at the cut is never
 * broken by ID.
 *
 * @param[out] pool Receives the indices of the pool members, in pool order (array of n).
 * @param[out] pool_count Receives the pool size.
 * @param ids n enterprise IDs (unique, UTF-8, 1–64 bytes).
 * @param emissions n emissions (≥ 0, integers in the caller's unit; total < 2^53).
 * @param n Number of enterprises (≥ 1).
 * @param share_permille Threshold in ‰ (850 for 85 %), 1–1000.
 * @return ::EG_OK, ::EG_EINVAL (NULL, n = 0, negative, duplicate ID, all
 *         zero), ::EG_ERANGE, ::EG_EUTF8, ::EG_ENOMEM.
 */
EG_API int eg_inspect_pool(size_t *pool, size_t *pool_count, const char *const *ids,
			   const int64_t *emissions, size_t n, int32_t share_permille);

/**
 * @brief Quota rules of eg_inspect_quota().
 *
 * The enum has a tag but no typedef: the name `eg_inspect_quota` is the
 * function's. Pass a value as the function's `int rule`.
 */
enum eg_inspect_quota {
	EG_INSPECT_QUOTA_DG8_CITY = 0,  /**< DG-8: key objects per quarter, city ≥ 10 % of key objects */
	EG_INSPECT_QUOTA_DG8_TOWN = 1,  /**< DG-8: key objects per quarter, town ≥ 25 % */
	EG_INSPECT_QUOTA_DG10_CITY = 2, /**< DG-10: general objects per year ≥ staff × 5 (city) */
	EG_INSPECT_QUOTA_DG10_TOWN = 3, /**< DG-10: general objects per year ≥ staff × 10 (town) */
	EG_INSPECT_QUOTA_DG11 = 4       /**< DG-11: general objects per month ≥ specialists × 25 */
};

/**
 * @brief The minimum number to inspect (DG-8, DG-10, DG-11), rounded up.
 * @param[out] out The minimum (e.g. DG-8 city for 31 key objects: ⌈3.1⌉ = 4).
 * @param rule One of ::EG_INSPECT_QUOTA_DG8_CITY … ::EG_INSPECT_QUOTA_DG11.
 * @param n Key objects (DG-8) or staff / specialists (DG-10, DG-11), ≥ 0.
 * @return ::EG_OK, ::EG_EINVAL, ::EG_ERANGE.
 */
EG_API int eg_inspect_quota(int64_t *out, int rule, int64_t n);

/** @brief Inspection classes (DG-7). */
typedef enum eg_inspect_class {
	EG_INSPECT_CLASS_KEY = 0,           /**< key objects, key dischargers included */
	EG_INSPECT_CLASS_GENERAL = 1,       /**< general objects */
	EG_INSPECT_CLASS_LOW_FREQUENCY = 2  /**< low-frequency objects (DG-12: no set frequency) */
} eg_inspect_class;

/**
 * @brief DG-7: classify objects from caller-given attributes.
 *
 * Key when `key[i]` is set (a key discharger or designated key object);
 * otherwise low-frequency when `low[i]` is set; otherwise general. A key
 * flag wins over a low-frequency flag.
 *
 * @param[out] classes n classes (::eg_inspect_class).
 * @param key n flags (may be NULL: none).
 * @param low n flags (may be NULL: none).
 * @param n Number of objects.
 * @return ::EG_OK or ::EG_EINVAL.
 */
EG_API int eg_inspect_classify(int *classes, const int *key, const int *low, size_t n);

/**
 * @brief DG-8: every key object inspected at least once a year — the ones that were not.
 * @param[out] missing Indices into `key_objects` never inspected (array of n).
 * @param[out] n_missing Receives their number.
 * @param key_objects The key objects' IDs.
 * @param n Their number.
 * @param inspected IDs inspected during the year (repeats allowed).
 * @param m Their number.
 * @return ::EG_OK, ::EG_EINVAL, ::EG_ENOMEM.
 */
EG_API int eg_inspect_key_coverage(size_t *missing, size_t *n_missing, const char *const *key_objects, size_t n,
				   const char *const *inspected, size_t m);

#ifdef __cplusplus
}
#endif

#endif /* ECOGRID_INSPECT_H */
