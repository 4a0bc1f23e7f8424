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
EG_API int eg_draw_sample(int64_t *out, size_t count, const char *seed, int64_t a, int64_t b,
			  int with_replacement, size_t skip);

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
 * picked with eg_draw_sample() on the seed `seed + "/inspectors/" + object ID`
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

#ifdef __cplusplus
}
#endif

#endif /* ECOGRID_DRAW_H */
