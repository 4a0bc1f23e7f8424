/**
 * @file draw.h
 * @brief Double-random (双随机) draws: SHA-256, reproducible samples
 * compatible with the public election-audit sampler, object draws by
 * stratum and inspector pairing with conflicts of interest skipped (回避),
 * so that anyone can re-run a draw from its published inputs.
 *
 * **Sampler compatibility.** eg_draw_sample() reproduces Ronald L. Rivest's
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
 * followed by `"\n"`. Stratum s is drawn with eg_draw_sample() on the seed
 * `seed + "/" + name`, range 1..N without replacement, and pick k selects
 * the k-th ID of the canonical frame.
 */
#ifndef ECOGRID_DRAW_H
#define ECOGRID_DRAW_H

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
EG_API int eg_draw_sha256(uint8_t *out, const void *data, size_t len);

/**
 * @brief SHA-256 as 64 lowercase hex digits.
 * @param[out] out 65 bytes (NUL-terminated).
 * @param data The bytes.
 * @param len Their length.
 * @return ::EG_OK or ::EG_EINVAL.
 */
EG_API int eg_draw_sha256_hex(char *out, const void *data, size_t len);

/** @brief Version of ::eg_draw_sample_options understood by this library. */
#define EG_DRAW_SAMPLE_OPTIONS_VERSION 1

/**
 * @brief How eg_draw_sample() draws (sampler.py's options).
 *
 * A versioned options struct (the ABI rule for calls past six
 * parameters): initialise it with ::EG_DRAW_SAMPLE_OPTIONS_INIT
 * or eg_draw_sample_options_init() so that fields added later get their defaults.
 */
typedef struct eg_draw_sample_options {
	unsigned int version; /**< ::EG_DRAW_SAMPLE_OPTIONS_VERSION. */
	int with_replacement; /**< Nonzero to allow repeats (default 0: without replacement). */
	size_t skip;          /**< Picks of an earlier sample to pass over first (sampler.py's "expanded sample"); 0 normally. */
} eg_draw_sample_options;

/** @brief Static initialiser for ::eg_draw_sample_options (the defaults). */
#define EG_DRAW_SAMPLE_OPTIONS_INIT { EG_DRAW_SAMPLE_OPTIONS_VERSION, 0, 0 }

/**
 * @brief Initialise options to ::EG_DRAW_SAMPLE_OPTIONS_INIT, for callers that cannot
 * expand the macro (FFIs).
 * @param[out] opts The options (every field written).
 * @param version ::EG_DRAW_SAMPLE_OPTIONS_VERSION, the version the caller was written for.
 * @return ::EG_OK, ::EG_EINVAL (NULL, or a version this library does not know; nothing written).
 */
EG_API int eg_draw_sample_options_init(eg_draw_sample_options *opts, unsigned int version);

/**
 * @brief A pseudo-random sample exactly as the public `sampler.py`.
 * @param[out] out `count` picks in the order drawn.
 * @param count Number of picks wanted (after skipping).
 * @param seed The seed text (UTF-8, 1–4096 bytes).
 * @param a Smallest value.
 * @param b Largest value (a ≤ b, b − a < 2^62).
 * @param opts Replacement and skip (::eg_draw_sample_options), or NULL for
 *        the defaults: without replacement, nothing skipped.
 * @return ::EG_OK, ::EG_EINVAL (NULL, an unknown opts version, empty seed,
 *         a > b, more picks than values without replacement), ::EG_EUTF8,
 *         ::EG_ERANGE, ::EG_ENOMEM.
 */
EG_API int eg_draw_sample(int64_t *out, size_t count, const char *seed, int64_t a, int64_t b,
			  const eg_draw_sample_options *opts);

/** @brief A draw record (opaque). */
typedef struct eg_draw eg_draw;

/** @brief Version of ::eg_draw_frame_options understood by this library. */
#define EG_DRAW_FRAME_OPTIONS_VERSION 1

/**
 * @brief The frame and quotas of a draw, for eg_draw_objects() and eg_draw_verify().
 *
 * A versioned options struct (the ABI rule for calls past six
 * parameters): initialise it with ::EG_DRAW_FRAME_OPTIONS_INIT
 * or eg_draw_frame_options_init() so that fields added later get their defaults.
 */
typedef struct eg_draw_frame_options {
	unsigned int version;      /**< ::EG_DRAW_FRAME_OPTIONS_VERSION. */
	const char *const *strata; /**< Stratum names (unique, 1–64 bytes), n_strata of them. */
	const size_t *frame_sizes; /**< Number of IDs in each stratum (≥ 1). */
	const char *const *frame;  /**< All IDs, stratum after stratum (any order within a stratum). */
	const size_t *quotas;      /**< How many to draw in each stratum (≤ its size). */
	size_t n_strata;           /**< Number of strata (≥ 1). */
} eg_draw_frame_options;

/** @brief Static initialiser for ::eg_draw_frame_options (the defaults). */
#define EG_DRAW_FRAME_OPTIONS_INIT { EG_DRAW_FRAME_OPTIONS_VERSION, NULL, NULL, NULL, NULL, 0 }

/**
 * @brief Initialise options to ::EG_DRAW_FRAME_OPTIONS_INIT, for callers that cannot
 * expand the macro (FFIs).
 * @param[out] opts The options (every field written).
 * @param version ::EG_DRAW_FRAME_OPTIONS_VERSION, the version the caller was written for.
 * @return ::EG_OK, ::EG_EINVAL (NULL, or a version this library does not know; nothing written).
 */
EG_API int eg_draw_frame_options_init(eg_draw_frame_options *opts, unsigned int version);

/**
 * @brief Draw objects per stratum (algorithm version 1, see the file comment).
 * @param[out] out Receives the record; free with eg_draw_free().
 * @param seed The published seed (UTF-8, 1–4096 bytes).
 * @param frame The strata, their IDs and quotas (::eg_draw_frame_options; borrowed for the call).
 * @return ::EG_OK, ::EG_EINVAL (NULL, an unknown frame version, empty frame
 *         or seed, quota larger than its stratum, duplicate ID or stratum),
 *         ::EG_EUTF8, ::EG_ERANGE, ::EG_ENOMEM.
 */
EG_API int eg_draw_objects(eg_draw **out, const char *seed, const eg_draw_frame_options *frame);

/** @brief Version of ::eg_draw_pair_options understood by this library. */
#define EG_DRAW_PAIR_OPTIONS_VERSION 1

/**
 * @brief Conflicts and numbers of eg_draw_pair_inspectors().
 *
 * A versioned options struct (the ABI rule for calls past six
 * parameters): initialise it with ::EG_DRAW_PAIR_OPTIONS_INIT
 * or eg_draw_pair_options_init() so that fields added later get their defaults.
 */
typedef struct eg_draw_pair_options {
	unsigned int version;                  /**< ::EG_DRAW_PAIR_OPTIONS_VERSION. */
	const char *const *conflict_inspector; /**< Conflicting inspector of each conflict pair (回避). */
	const char *const *conflict_object;    /**< Object of each conflict pair. */
	size_t n_conflicts;                    /**< Number of pairs (default 0). */
	size_t per_object;                     /**< Inspectors per object (≥ 1; default 1). */
} eg_draw_pair_options;

/** @brief Static initialiser for ::eg_draw_pair_options (the defaults). */
#define EG_DRAW_PAIR_OPTIONS_INIT { EG_DRAW_PAIR_OPTIONS_VERSION, NULL, NULL, 0, 1 }

/**
 * @brief Initialise options to ::EG_DRAW_PAIR_OPTIONS_INIT, for callers that cannot
 * expand the macro (FFIs).
 * @param[out] opts The options (every field written).
 * @param version ::EG_DRAW_PAIR_OPTIONS_VERSION, the version the caller was written for.
 * @return ::EG_OK, ::EG_EINVAL (NULL, or a version this library does not know; nothing written).
 */
EG_API int eg_draw_pair_options_init(eg_draw_pair_options *opts, unsigned int version);

/**
 * @brief Pair inspectors with the drawn objects (double random), skipping
 * conflicts of interest (回避).
 *
 * For each selected object in draw order, inspectors (canonical order) are
 * picked with eg_draw_sample() on the seed `seed + "/inspectors/" + object ID`
 * without replacement until `per_object` are found; a picked inspector with
 * a conflict for that object is skipped and recorded. If an object has fewer
 * eligible inspectors than `per_object`, nothing is paired.
 *
 * Each conflict must name an inspector of `inspectors` and an object of the
 * draw's frame (drawn or not): a conflict that names neither could never
 * take effect, and a misspelt name would leave the real conflict unapplied
 * (双随机: a drawn inspector with a conflict of interest is replaced, 回避;
 * CJ-A1-11). A wider register is narrowed to the draw's people and frame
 * first.
 *
 * @param d The record (changed only on success).
 * @param inspectors Inspector IDs (unique).
 * @param n_inspectors Their number.
 * @param opts Conflict pairs and inspectors per object (::eg_draw_pair_options),
 *        or NULL for the defaults: no conflicts, one inspector per object.
 * @return ::EG_OK, ::EG_EINVAL (an unknown opts version; no eligible
 *         inspector left for an object, named in the detail; duplicates),
 *         ::EG_ENOTFOUND (a conflict naming an inspector not in the list or
 *         an object not in the frame, named in the detail; CJ-A1-11),
 *         ::EG_ESTATE (already paired), ::EG_ENOMEM.
 */
EG_API int eg_draw_pair_inspectors(eg_draw *d, const char *const *inspectors, size_t n_inspectors,
				   const eg_draw_pair_options *opts);

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
 * @param frame The frame and quotas to check, as for eg_draw_objects().
 * @return ::EG_OK, ::EG_EINVAL (malformed frame, an unknown frame version), ::EG_ENOMEM.
 */
EG_API int eg_draw_verify(int *ok, const eg_draw *d, const eg_draw_frame_options *frame);

/* ------------------------------------------------------------------ */
/* Published records: the inspector list and the full check             */
/* ------------------------------------------------------------------ */

/**
 * @brief The hash of an inspector list and its conflicts of interest (回避),
 * as a published draw record carries it, independent of the order given.
 *
 * SHA-256, as 64 lowercase hex digits, over `"ecogrid-inspectors-v1
"`,
 * each inspector ID followed by `"
"` (IDs sorted by their UTF-8 bytes),
 * `"conflicts
"`, and one line `inspector "	" object "
"` per conflict
 * (lines sorted by their bytes).
 *
 * @param[out] out 65 bytes (NUL-terminated); untouched on failure.
 * @param inspectors Inspector IDs (unique, 1–64 bytes of UTF-8 each), or NULL when n_inspectors is 0.
 * @param n_inspectors Their number (0 allowed).
 * @param conflict_inspector The inspector of each conflict pair (1–64 bytes).
 * @param conflict_object The object of each conflict pair (1–64 bytes).
 * @param n_conflicts Number of pairs.
 * @return ::EG_OK, ::EG_EINVAL (NULL, an inspector listed twice, named),
 *         ::EG_ERANGE, ::EG_EUTF8, ::EG_ENOMEM.
 * @see eg_draw_pair_inspectors(), eg_draw_record_check().
 */
EG_API int eg_draw_inspectors_hash(char *out, const char *const *inspectors, size_t n_inspectors,
				   const char *const *conflict_inspector, const char *const *conflict_object,
				   size_t n_conflicts);

/** @brief Version of ::eg_draw_record this library knows. */
#define EG_DRAW_RECORD_VERSION 1

/**
 * @brief The fields of a published draw record (all borrowed), as read
 * from the published document, for eg_draw_record_check().
 *
 * Initialise with ::EG_DRAW_RECORD_INIT or eg_draw_record_init(), then set
 * the fields. Arrays have the length of the count before them.
 */
typedef struct eg_draw_record {
	unsigned int version;            /**< ::EG_DRAW_RECORD_VERSION. */
	int algorithm;                   /**< The published algorithm version (1 is the only one). */
	const char *seed;                /**< The published seed. */
	const char *frame_hash;          /**< The published frame hash (64 hex digits). */
	size_t n_strata;                 /**< Number of published strata. */
	const char *const *strata;       /**< Their names, in the published order. */
	const int64_t *sizes;            /**< Each stratum's published number of objects. */
	const int64_t *quotas;           /**< Each stratum's published quota. */
	const int *quota_rules;          /**< Each stratum's quota rule (an ::eg_inspect_quota value) or -1 for a quota given as a number; NULL: all given. */
	size_t n_selected;               /**< Number of published selected objects. */
	const char *const *selected;     /**< Their IDs, in draw order. */
	const char *const *selected_strata; /**< Their strata. */
	size_t per_object;               /**< Inspectors per object (0: no pairing published). */
	const char *const *inspectors;   /**< n_selected × per_object inspector IDs, object after object (NULL when per_object is 0). */
	size_t n_skips;                  /**< Number of published conflict skips. */
	const char *const *skip_inspectors; /**< The inspector of each skip. */
	const char *const *skip_objects; /**< The object of each skip. */
	const char *inspectors_hash;     /**< The published eg_draw_inspectors_hash(), or NULL when per_object is 0. */
} eg_draw_record;

/** @brief An empty ::eg_draw_record of the current version (algorithm 1, everything else empty). */
#define EG_DRAW_RECORD_INIT                                                                                  \
	{ EG_DRAW_RECORD_VERSION, 1, NULL, NULL, 0, NULL, NULL, NULL, NULL, 0, NULL, NULL, 0, NULL, 0, NULL, NULL, NULL }

/**
 * @brief Initialise a record to ::EG_DRAW_RECORD_INIT, for callers that cannot expand the macro (FFIs).
 * @param[out] rec The record (every field written).
 * @param version ::EG_DRAW_RECORD_VERSION.
 * @return ::EG_OK, ::EG_EINVAL (NULL, or a version this library does not know; nothing written).
 */
EG_API int eg_draw_record_init(eg_draw_record *rec, unsigned int version);

/** @brief Version of ::eg_draw_inputs this library knows. */
#define EG_DRAW_INPUTS_VERSION 1

/**
 * @brief What a published draw is checked against: the frame, and the
 * inspector list and conflicts when the record pairs inspectors (all borrowed).
 */
typedef struct eg_draw_inputs {
	unsigned int version;            /**< ::EG_DRAW_INPUTS_VERSION. */
	const char *const *strata;       /**< Stratum names of the frame, in its order. */
	const size_t *frame_sizes;       /**< Number of IDs in each stratum (≥ 1). */
	const char *const *frame;        /**< All IDs, stratum after stratum. */
	size_t n_strata;                 /**< Number of strata (≥ 1). */
	const char *const *inspectors;   /**< Inspector IDs (unique), or NULL. */
	size_t n_inspectors;             /**< Their number. */
	const char *const *conflict_inspector; /**< Conflicts: the inspector of each pair. */
	const char *const *conflict_object;    /**< Conflicts: the object of each pair. */
	size_t n_conflicts;              /**< Number of pairs. */
} eg_draw_inputs;

/** @brief An empty ::eg_draw_inputs of the current version. */
#define EG_DRAW_INPUTS_INIT { EG_DRAW_INPUTS_VERSION, NULL, NULL, NULL, 0, NULL, 0, NULL, NULL, 0 }

/**
 * @brief Initialise inputs to ::EG_DRAW_INPUTS_INIT, for callers that cannot expand the macro (FFIs).
 * @param[out] in The inputs (every field written).
 * @param version ::EG_DRAW_INPUTS_VERSION.
 * @return ::EG_OK, ::EG_EINVAL (NULL, or a version this library does not know; nothing written).
 */
EG_API int eg_draw_inputs_init(eg_draw_inputs *in, unsigned int version);

/** @brief The checks of eg_draw_record_check(), as bits of its `failed` result. */
typedef enum eg_draw_check {
	EG_DRAW_CHECK_ALGORITHM = 1 << 0,       /**< the algorithm is 1 */
	EG_DRAW_CHECK_FRAME_HASH = 1 << 1,      /**< the frame hash is the frame's */
	EG_DRAW_CHECK_STRATA = 1 << 2,          /**< the strata are the frame's, by name and in order */
	EG_DRAW_CHECK_SIZES = 1 << 3,           /**< each published size is the frame's stratum size */
	EG_DRAW_CHECK_QUOTAS = 1 << 4,          /**< each quota fits its stratum and follows its rule (DG-8) */
	EG_DRAW_CHECK_SELECTION = 1 << 5,       /**< the selected objects and their strata, in draw order */
	EG_DRAW_CHECK_INSPECTORS_HASH = 1 << 6, /**< the inspector list and conflicts hash (none without pairing) */
	EG_DRAW_CHECK_PAIRING = 1 << 7,         /**< every inspector paired with every object */
	EG_DRAW_CHECK_SKIPS = 1 << 8            /**< the conflict skips (回避) */
} eg_draw_check;

/**
 * @brief Check every field of a published draw record against the frame
 * (and the inspector list), recomputing the draw from its seed.
 *
 * The strata are matched by name: the selection is recomputed with the
 * frame's strata and, for each, the published quota of the stratum of the
 * same name (a stratum of the frame that the record does not publish, or a
 * quota larger than the frame's stratum, fails the selection). A quota
 * with a rule must equal eg_inspect_quota() of the frame's stratum size
 * (DG-8: ⌈10 %⌉ city, ⌈25 %⌉ town); a given quota must be 0 to the stratum
 * size. With inspectors (per_object ≥ 1) the inspector list and conflicts
 * must hash to the published hash, and pairing the recomputed selection
 * (eg_draw_pair_inspectors()) must give the published inspectors and skips;
 * without, the record must publish no inspectors hash, inspector or skip.
 *
 * @param[out] failed Receives the bits (::eg_draw_check) of the checks that failed; 0: the record is reproduced.
 * @param[out] detail NULL, or receives a text (one line per failed check,
 *        naming the first difference; empty when none failed); free with eg_string_free().
 * @param rec The published record (version ::EG_DRAW_RECORD_VERSION).
 * @param in The frame and people (version ::EG_DRAW_INPUTS_VERSION).
 * @param lang ::EG_LANG_ZH or ::EG_LANG_EN for `detail`.
 * @return ::EG_OK (checked: see `failed`); ::EG_EINVAL (NULL, unknown
 *         version, a malformed frame or inspector list, NULL arrays for
 *         nonzero counts, an unknown quota rule, a negative size or quota),
 *         ::EG_ERANGE, ::EG_EUTF8, ::EG_ENOMEM.
 * @see eg_draw_objects(), eg_draw_pair_inspectors(), eg_draw_inspectors_hash(), eg_inspect_quota(), DG-8, 双随机.
 */
EG_API int eg_draw_record_check(unsigned int *failed, char **detail, const eg_draw_record *rec,
				const eg_draw_inputs *in, int lang);

#ifdef __cplusplus
}
#endif

#endif /* ECOGRID_DRAW_H */
