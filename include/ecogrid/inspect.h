/**
 * @file inspect.h
 * @brief Double-random inspection: SHA-256, reproducible draws compatible
 * with the public election-audit sampler, the DG-6 pool and DG-8/10/11 quotas.
 *
 * Implements DG-6 (the pool of top emitters up to 85 %), DG-8, DG-10 and
 * DG-11 (minimum numbers to inspect) and the double-random (双随机) draw of
 * objects and inspectors with conflicts of interest skipped (回避), so that
 * anyone can re-run a draw from its published inputs.
 *
 * **Sampler compatibility.** eg_sample() reproduces Ronald L. Rivest's
 * public `sampler.py` (version of 14 November 2011) exactly: the i-th
 * pick (i = 1, 2, …) hashes the UTF-8 text `seed + "," + decimal(i)` with
 * SHA-256, reads the digest as a 256-bit big-endian integer H and picks
 * `a + H mod (b − a + 1)`; without replacement a repeated pick is rejected
 * and the counter moves on. A published draw can therefore be checked
 * with that tool.
 *
 * **Draw algorithm, version 1.** The frame of each stratum is put in
 * canonical order (IDs sorted by their UTF-8 bytes; duplicates are an
 * error); the frame hash is SHA-256 over `"ecogrid-frame-v1\n"` followed,
 * per stratum in the given order, by `"stratum " name "\n"` and each ID
 * followed by `"\n"`. Stratum s is drawn with eg_sample() on the seed
 * `seed + "/" + name`, range 1..N without replacement, and pick k selects
 * the k-th ID of the canonical frame.
 */
#ifndef ECOGRID_INSPECT_H
#define ECOGRID_INSPECT_H

#include <ecogrid/common.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @brief SHA-256 (FIPS 180-4) of a byte string.
 * @param[out] out 32 bytes.
 * @param data The bytes (may be NULL when len is 0).
 * @param len Their length.
 * @return ::EG_OK or ::EG_EINVAL.
 */
EG_API int eg_sha256(uint8_t *out, const void *data, size_t len);

/**
 * @brief SHA-256 as 64 lowercase hex digits.
 * @param[out] out 65 bytes (NUL-terminated).
 * @param data The bytes.
 * @param len Their length.
 * @return ::EG_OK or ::EG_EINVAL.
 */
EG_API int eg_sha256_hex(char *out, const void *data, size_t len);

/**
 * @brief A pseudo-random sample exactly as the public `sampler.py`.
 * @param[out] out `count` picks in the order drawn.
 * @param count Number of picks wanted (after skipping).
 * @param seed The seed text (UTF-8, 1–4096 bytes).
 * @param a Smallest value.
 * @param b Largest value (a ≤ b, b − a < 2^62).
 * @param with_replacement Nonzero to allow repeats.
 * @param skip Picks of an earlier sample to pass over first (sampler.py's "expanded sample"); 0 normally.
 * @return ::EG_OK, ::EG_EINVAL (NULL, empty seed, a > b, more picks than
 *         values without replacement), ::EG_EUTF8, ::EG_ERANGE, ::EG_ENOMEM.
 */
EG_API int eg_sample(int64_t *out, size_t count, const char *seed, int64_t a, int64_t b,
		     int with_replacement, size_t skip);

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

/** @brief Quota rules. */
typedef enum eg_quota_rule {
	EG_QUOTA_DG8_CITY = 0,  /**< DG-8: key objects per quarter, city ≥ 10 % of key objects */
	EG_QUOTA_DG8_TOWN = 1,  /**< DG-8: key objects per quarter, town ≥ 25 % */
	EG_QUOTA_DG10_CITY = 2, /**< DG-10: general objects per year ≥ staff × 5 (city) */
	EG_QUOTA_DG10_TOWN = 3, /**< DG-10: general objects per year ≥ staff × 10 (town) */
	EG_QUOTA_DG11 = 4       /**< DG-11: general objects per month ≥ specialists × 25 */
} eg_quota_rule;

/**
 * @brief The minimum number to inspect (DG-8, DG-10, DG-11), rounded up.
 * @param[out] out The minimum (e.g. DG-8 city for 31 key objects: ⌈3.1⌉ = 4).
 * @param rule ::eg_quota_rule.
 * @param n Key objects (DG-8) or staff / specialists (DG-10, DG-11), ≥ 0.
 * @return ::EG_OK, ::EG_EINVAL, ::EG_ERANGE.
 */
EG_API int eg_inspect_quota(int64_t *out, int rule, int64_t n);

/** @brief Inspection classes (DG-7). */
typedef enum eg_inspect_class {
	EG_CLASS_KEY = 0,           /**< key objects, key dischargers included */
	EG_CLASS_GENERAL = 1,       /**< general objects */
	EG_CLASS_LOW_FREQUENCY = 2  /**< low-frequency objects (DG-12: no set frequency) */
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

/** @brief A draw record (opaque). */
typedef struct eg_draw eg_draw;

/**
 * @brief Draw objects per stratum (algorithm version 1, see the file comment).
 * @param[out] out Receives the record; free with eg_draw_free().
 * @param seed The published seed (UTF-8, 1–4096 bytes).
 * @param strata Stratum names (unique, 1–64 bytes), n_strata of them.
 * @param frame_sizes Number of IDs in each stratum (≥ 1).
 * @param frame All IDs, stratum after stratum (any order within a stratum).
 * @param quotas How many to draw in each stratum (≤ its size).
 * @param n_strata Number of strata (≥ 1).
 * @return ::EG_OK, ::EG_EINVAL (empty frame or seed, quota larger than its
 *         stratum, duplicate ID or stratum), ::EG_EUTF8, ::EG_ERANGE, ::EG_ENOMEM.
 */
EG_API int eg_draw_objects(eg_draw **out, const char *seed, const char *const *strata,
			   const size_t *frame_sizes, const char *const *frame, const size_t *quotas,
			   size_t n_strata);

/**
 * @brief Pair inspectors with the drawn objects (double random), skipping
 * conflicts of interest (回避).
 *
 * For each selected object in draw order, inspectors (canonical order) are
 * picked with eg_sample() on the seed `seed + "/inspectors/" + object ID`
 * without replacement until `per_object` are found; a picked inspector with
 * a conflict for that object is skipped and recorded. If an object has fewer
 * eligible inspectors than `per_object`, nothing is paired.
 *
 * @param d The record (changed only on success).
 * @param inspectors Inspector IDs (unique).
 * @param n_inspectors Their number.
 * @param conflict_inspector Conflicting inspector of each conflict pair.
 * @param conflict_object Object of each conflict pair.
 * @param n_conflicts Number of pairs.
 * @param per_object Inspectors per object (≥ 1).
 * @return ::EG_OK, ::EG_EINVAL (no eligible inspector left for an object,
 *         named in the detail; duplicates), ::EG_ESTATE (already paired), ::EG_ENOMEM.
 */
EG_API int eg_draw_pair_inspectors(eg_draw *d, const char *const *inspectors, size_t n_inspectors,
				   const char *const *conflict_inspector, const char *const *conflict_object,
				   size_t n_conflicts, size_t per_object);

/** @brief Free a record; NULL is accepted. */
EG_API void eg_draw_free(eg_draw *d);
/** @brief The frame hash, 64 hex digits (borrowed); NULL for NULL. */
EG_API const char *eg_draw_frame_hash(const eg_draw *d);
/** @brief The algorithm version (1); 0 for NULL. */
EG_API int eg_draw_algorithm(const eg_draw *d);
/** @brief Number of selected objects over all strata. */
EG_API size_t eg_draw_selected_count(const eg_draw *d);
/** @brief The i-th selected object's ID, in draw order (borrowed), or NULL. */
EG_API const char *eg_draw_selected(const eg_draw *d, size_t i);
/** @brief The stratum of the i-th selected object (borrowed), or NULL. */
EG_API const char *eg_draw_selected_stratum(const eg_draw *d, size_t i);
/** @brief The k-th inspector paired with the i-th selected object (borrowed), or NULL. */
EG_API const char *eg_draw_inspector(const eg_draw *d, size_t i, size_t k);
/** @brief Number of conflict skips recorded. */
EG_API size_t eg_draw_skip_count(const eg_draw *d);
/**
 * @brief The k-th skip: the inspector and the object of the conflict.
 * @param[out] inspector Receives the inspector ID (borrowed).
 * @param[out] object Receives the object ID (borrowed).
 * @param d The record.
 * @param k Index.
 * @return ::EG_OK or ::EG_EINVAL.
 */
EG_API int eg_draw_skip(const char **inspector, const char **object, const eg_draw *d, size_t k);

/**
 * @brief Check a published draw against a frame: recompute the frame hash
 * and the selection from the same seed, strata and quotas.
 * @param[out] ok Receives 1 when the record matches, 0 otherwise.
 * @param d The record.
 * @param strata, frame_sizes, frame, quotas, n_strata As eg_draw_objects() (the frame to check).
 * @return ::EG_OK, ::EG_EINVAL (malformed frame), ::EG_ENOMEM.
 */
EG_API int eg_draw_verify(int *ok, const eg_draw *d, const char *const *strata, const size_t *frame_sizes,
			  const char *const *frame, const size_t *quotas, size_t n_strata);

/* ------------------------------------------------------------------ */
/* Response deadlines (CJ-G.9), equipment (DG-30), grading (MEE)        */
/* ------------------------------------------------------------------ */

/** @brief Status of a response against its deadline (CJ-G.9). */
typedef enum eg_deadline_status {
	EG_ON_TIME = 0, /**< done within the limit (the limit itself included, R0.1) */
	EG_LATE = 1,    /**< done after the limit */
	EG_MISSING = 2  /**< not done */
} eg_deadline_status;

/**
 * @brief CJ-G.9: on-site feedback within 1 hour and the handling result
 * within 2 hours of an alert being pushed to level 2.
 *
 * Times are "YYYY-MM-DD HH:MM" (or with "T"), CST. Exactly 60 minutes is
 * on time and 61 is late (R0.1); likewise 120 and 121 for the result.
 *
 * @param[out] status 2 statuses (::eg_deadline_status): feedback, result.
 * @param[out] late_minutes 2 values: minutes past each limit (0 when on time or missing).
 * @param pushed When the alert was pushed.
 * @param feedback When the feedback was given, or NULL when missing.
 * @param result When the result was reported, or NULL when missing.
 * @return ::EG_OK, ::EG_EINVAL (NULL, a bad time, a response before the push),
 *         ::EG_ERANGE (a response more than 2^31 minutes after the push).
 */
EG_API int eg_alert_deadlines(int *status, int32_t *late_minutes, const char *pushed,
			      const char *feedback, const char *result);

/**
 * @brief DG-30: online-monitoring equipment with more than 10 repairs or
 * more than 10 years in service is due for replacement.
 *
 * "More than 10 years" means after the 10th anniversary of installation
 * (the anniversary itself is not yet due; 29 February falls on 28 February).
 *
 * @param[out] due 1 when due, 0 otherwise.
 * @param repairs Repairs so far (≥ 0).
 * @param installed Installation date "YYYY-MM-DD".
 * @param on_date The date judged "YYYY-MM-DD" (not before installation).
 * @return ::EG_OK, ::EG_EINVAL.
 */
EG_API int eg_equipment_due(int *due, int32_t repairs, const char *installed, const char *on_date);

/** @brief Performance grades of heavy-pollution emergency reduction (MEE-1), best first. */
typedef enum eg_mee_grade {
	EG_MEE_LEADING = 0, /**< 引领性 */
	EG_MEE_A = 1,       /**< A */
	EG_MEE_B = 2,       /**< B */
	EG_MEE_C = 3,       /**< C */
	EG_MEE_D = 4        /**< D */
} eg_mee_grade;

/** @brief Marker for an indicator with no grade (missing). */
#define EG_MEE_MISSING (-1)

/**
 * @brief An enterprise's grade by the lowest-indicator (短板) principle (MEE-1).
 *
 * The grade is the worst of its indicator grades; a missing indicator
 * counts as D, and an enterprise that did not apply for grading is D.
 *
 * @param[out] grade Receives the grade (::eg_mee_grade).
 * @param applied Nonzero when the enterprise applied for grading.
 * @param indicators Indicator grades (::eg_mee_grade or ::EG_MEE_MISSING).
 * @param n Number of indicators (≥ 1 when applied).
 * @return ::EG_OK, ::EG_EINVAL.
 */
EG_API int eg_mee_grade_of(int *grade, int applied, const int *indicators, size_t n);

/**
 * @brief Whether a grade must cut emissions during a heavy-pollution alert
 * (MEE-1: grade A and leading enterprises are not required to).
 * @return 1 required, 0 not required, -1 for an unknown grade.
 */
EG_API int eg_mee_reduction_required(int grade);

/** @brief Heavy-pollution alert levels (MEE-1). */
typedef enum eg_alert_level {
	EG_ALERT_YELLOW = 0, /**< 黄色预警 */
	EG_ALERT_ORANGE = 1, /**< 橙色预警 */
	EG_ALERT_RED = 2     /**< 红色预警 */
} eg_alert_level;

/**
 * @brief MEE-1: the reduction measure of an enterprise during an alert,
 * from the caller's table (the measures come from the technical guide and
 * are data, not code).
 * @param[out] measure Receives the table entry (borrowed from `table`), or
 *             NULL for grade A and leading enterprises, which are not required to cut.
 * @param table 15 entries, `table[grade * 3 + level]` (grades leading, A, B, C, D).
 * @param grade ::eg_mee_grade.
 * @param level ::eg_alert_level.
 * @return ::EG_OK, ::EG_EINVAL (bad grade or level, a NULL entry for a grade that must cut).
 */
EG_API int eg_mee_reduction_measure(const char **measure, const char *const *table, int grade, int level);

/**
 * @brief MEE-3.1: the emergency reduction list of a year is filed by 30 September.
 * @param[out] late 1 when `filed` is after YEAR-09-30 (or NULL: not filed, judged on `today`), else 0.
 * @param year The year.
 * @param filed Filing date "YYYY-MM-DD", or NULL when not filed.
 * @param today The date judged when not filed.
 * @return ::EG_OK, ::EG_EINVAL.
 */
EG_API int eg_mee_filing_late(int *late, int year, const char *filed, const char *today);

/* ------------------------------------------------------------------ */
/* Cadence (CJ-G.8, DG-15, DG-17)                                        */
/* ------------------------------------------------------------------ */

/** @brief Periods of a cadence requirement. */
typedef enum eg_period {
	EG_PERIOD_DAY = 0,     /**< calendar day (CST) */
	EG_PERIOD_WEEK = 1,    /**< ISO week, Monday to Sunday */
	EG_PERIOD_MONTH = 2,   /**< calendar month */
	EG_PERIOD_QUARTER = 3, /**< calendar quarter */
	EG_PERIOD_YEAR = 4     /**< calendar year */
} eg_period;

/** @brief Flag: count only events at night (22:00–06:00 CST) or on a holiday (DG-15). */
#define EG_CADENCE_NIGHT_OR_HOLIDAY 0x1u

/** @brief The findings of a cadence check (opaque). */
typedef struct eg_cadence eg_cadence;

/**
 * @brief "At least `min_count` events of kind `kind` per period for each actor" (CJ-G.8, DG-15, DG-17).
 *
 * Every actor listed is judged in every complete or partial period that
 * overlaps [from, to]; an actor with fewer events than required in a period
 * gets a finding with the rule ID, the period and the measured count.
 *
 * @param[out] out Receives the findings (possibly none); free with eg_cadence_free().
 * @param rule Rule ID for the findings (e.g. "DG-15").
 * @param kind Event kind counted (e.g. "inspection").
 * @param period ::eg_period.
 * @param min_count Required events per period (≥ 1).
 * @param flags 0 or ::EG_CADENCE_NIGHT_OR_HOLIDAY.
 * @param actors Actors judged (e.g. the city team, each town, each specialist).
 * @param n_actors Their number.
 * @param event_times Event times "YYYY-MM-DD HH:MM" (CST).
 * @param event_kinds Event kinds.
 * @param event_actors Event actors.
 * @param n_events Number of events.
 * @param holidays Holiday dates "YYYY-MM-DD" (caller's calendar), or NULL.
 * @param n_holidays Their number.
 * @param from First day judged "YYYY-MM-DD".
 * @param to Last day judged "YYYY-MM-DD".
 * @return ::EG_OK, ::EG_EINVAL (NULL, bad time or date, min_count < 1, to before from), ::EG_ENOMEM.
 */
EG_API int eg_cadence_check(eg_cadence **out, const char *rule, const char *kind, int period,
			    int32_t min_count, unsigned int flags, const char *const *actors, size_t n_actors,
			    const char *const *event_times, const char *const *event_kinds,
			    const char *const *event_actors, size_t n_events, const char *const *holidays,
			    size_t n_holidays, const char *from, const char *to);

/**
 * @brief A cadence preset: the parameters of eg_cadence_check() for a rule.
 *
 * | name | kind | period | at least | flags |
 * |---|---|---|---|---|
 * | CJ-G.8-patrol | patrol | day | 1 (each level-4 supervisor, each source) | |
 * | CJ-G.8-dispatch | dispatch | week | 1 (level 2) | |
 * | CJ-G.8-study | study | month | 1 (level 2) | |
 * | CJ-G.8-training | training | year | 1 | |
 * | CJ-G.8-survey | survey | quarter | 1 (level 2, all sources) | |
 * | DG-9 | inspection | month | 1 (per key object, its ID as the actor) | |
 * | DG-15-city | inspection | month | 2 | night or holiday |
 * | DG-15-town | inspection | month | 4 | night or holiday |
 * | DG-15-specialist | inspection | month | 4 | night or holiday |
 * | DG-17-city | cross_city | year | 5 | |
 * | DG-17-town | cross_town | year | 6 | |
 * | DG-17-village | cross_village | year | 12 | |
 *
 * @param[out] kind Receives the event kind (static).
 * @param[out] period Receives the ::eg_period.
 * @param[out] min_count Receives the minimum.
 * @param[out] flags Receives the flags.
 * @param[out] rule Receives the rule ID to cite ("CJ-G.8", "DG-15", "DG-17"; static).
 * @param name The preset name.
 * @return ::EG_OK, ::EG_EINVAL, ::EG_ENOTFOUND.
 */
EG_API int eg_cadence_preset(const char **kind, int *period, int32_t *min_count, unsigned int *flags,
			     const char **rule, const char *name);

/** @brief Free cadence findings; NULL is accepted. */
EG_API void eg_cadence_free(eg_cadence *c);
/** @brief Number of findings. */
EG_API size_t eg_cadence_count(const eg_cadence *c);
/** @brief Actor of the i-th finding (borrowed), or NULL. */
EG_API const char *eg_cadence_actor(const eg_cadence *c, size_t i);
/** @brief First day of the i-th finding's period, "YYYY-MM-DD" (borrowed), or NULL. */
EG_API const char *eg_cadence_period_start(const eg_cadence *c, size_t i);
/** @brief Events counted in the i-th finding's period; -1 when out of range. */
EG_API int32_t eg_cadence_measured(const eg_cadence *c, size_t i);
/** @brief The i-th finding's message with the rule, count and requirement (borrowed), or NULL. */
EG_API const char *eg_cadence_message(const eg_cadence *c, size_t i, int lang);

#ifdef __cplusplus
}
#endif

#endif /* ECOGRID_INSPECT_H */
