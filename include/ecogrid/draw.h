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
 * @param d The record (changed only on success).
 * @param inspectors Inspector IDs (unique).
 * @param n_inspectors Their number.
 * @param opts Conflict pairs and inspectors per object (::eg_draw_pair_options),
 *        or NULL for the defaults: no conflicts, one inspector per object.
 * @return ::EG_OK, ::EG_EINVAL (an unknown opts version; no eligible
 *         inspector left for an object, named in the detail; duplicates),
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

#ifdef __cplusplus
}
#endif

#endif /* ECOGRID_DRAW_H */
