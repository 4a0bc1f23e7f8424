/**
 * @file records.h
 * @brief Records that must never be lost or silently changed: an append-only
 * history of versioned records.
 *
 * A record store holds records by ID; every change is a new version with a
 * caller-supplied time (CST, "YYYY-MM-DD HH:MM"), an actor and a reason,
 * carrying every field of the previous version plus the fields changed.
 * Nothing is overwritten or deleted; any past state is read back "as of" a
 * time. A store serialises to a versioned, length-prefixed text and parses
 * back byte-exact, so a host keeps it in its own database.
 *
 * The rules kept in a store live in their own modules: the JM-2.1 disclosure
 * list in disclosure.h, YL rectification ledgers in ledger.h and CJ-A4
 * typical cases in cases.h.
 */
#ifndef ECOGRID_RECORDS_H
#define ECOGRID_RECORDS_H

#include <ecogrid/common.h>

#ifdef __cplusplus
extern "C" {
#endif

/** @brief A record store (opaque; one thread at a time). */
typedef struct eg_records eg_records;

/**
 * @brief An empty store.
 * @param[out] out Receives the store; free with eg_records_free().
 * @return ::EG_OK, ::EG_EINVAL, ::EG_ENOMEM.
 */
EG_API int eg_records_new(eg_records **out);

/** @brief Free a store; NULL is accepted. */
EG_API void eg_records_free(eg_records *r);

/** @brief Version of ::eg_records_put_options understood by this library. */
#define EG_RECORDS_PUT_OPTIONS_VERSION 1

/**
 * @brief The fields a version of eg_records_put() changes.
 *
 * A versioned options struct (the ABI rule for calls past six
 * parameters): initialise it with ::EG_RECORDS_PUT_OPTIONS_INIT
 * or eg_records_put_options_init() so that fields added later get their defaults.
 */
typedef struct eg_records_put_options {
	unsigned int version;      /**< ::EG_RECORDS_PUT_OPTIONS_VERSION. */
	const char *const *keys;   /**< Field names (1–64 bytes, unique in the call; borrowed for the call). */
	const char *const *values; /**< Field values (0–65536 bytes of UTF-8), one per key. */
	size_t n_fields;           /**< Number of fields changed (≥ 1 for a new record). */
} eg_records_put_options;

/** @brief Static initialiser for ::eg_records_put_options (the defaults). */
#define EG_RECORDS_PUT_OPTIONS_INIT { EG_RECORDS_PUT_OPTIONS_VERSION, NULL, NULL, 0 }

/**
 * @brief Initialise options to ::EG_RECORDS_PUT_OPTIONS_INIT, for callers that cannot
 * expand the macro (FFIs).
 * @param[out] opts The options (every field written).
 * @param version ::EG_RECORDS_PUT_OPTIONS_VERSION, the version the caller was written for.
 * @return ::EG_OK, ::EG_EINVAL (NULL, or a version this library does not know; nothing written).
 */
EG_API int eg_records_put_options_init(eg_records_put_options *opts, unsigned int version);

/**
 * @brief Append a version to a record (creating it on its first version).
 *
 * The new version carries the previous version's fields with `keys[i]`
 * set to `values[i]` (the fields of `opts`). On failure nothing changes.
 *
 * @param r The store.
 * @param id Record ID (1–64 bytes).
 * @param time "YYYY-MM-DD HH:MM" CST; not before the record's last version.
 * @param actor Who made the change (1–256 bytes).
 * @param reason Why (1–1024 bytes).
 * @param opts The fields changed (::eg_records_put_options).
 * @return ::EG_OK, ::EG_EINVAL (NULL, an unknown opts version, bad time, a
 *         time before the last version, duplicate key), ::EG_EUTF8,
 *         ::EG_ERANGE, ::EG_ENOMEM.
 */
EG_API int eg_records_put(eg_records *r, const char *id, const char *time, const char *actor,
			  const char *reason, const eg_records_put_options *opts);

/** @brief Number of records; 0 for NULL. */
EG_API size_t eg_records_count(const eg_records *r);

/** @brief The i-th record's ID in creation order (borrowed), or NULL. */
EG_API const char *eg_records_id_at(const eg_records *r, size_t i);

/**
 * @brief A field of a record as of a time.
 * @param[out] value Receives the value (borrowed, valid while the store lives), or NULL when the field is not set then.
 * @param r The store.
 * @param id The record.
 * @param key The field.
 * @param as_of "YYYY-MM-DD HH:MM" (the state after every version at or before it), or NULL for the latest.
 * @return ::EG_OK, ::EG_EINVAL, ::EG_ENOTFOUND (no such record, or none yet at that time).
 */
EG_API int eg_records_get(const char **value, const eg_records *r, const char *id, const char *key,
			  const char *as_of);

/** @brief Number of versions of a record (0 when unknown). */
EG_API size_t eg_records_version_count(const eg_records *r, const char *id);

/**
 * @brief The k-th version (0 = first) of a record: time, actor, reason.
 * @param[out] time Receives the time "YYYY-MM-DD HH:MM" (borrowed).
 * @param[out] actor Receives the actor (borrowed).
 * @param[out] reason Receives the reason (borrowed).
 * @param r The store.
 * @param id The record.
 * @param k The version.
 * @return ::EG_OK, ::EG_EINVAL, ::EG_ENOTFOUND.
 */
EG_API int eg_records_version(const char **time, const char **actor, const char **reason,
			      const eg_records *r, const char *id, size_t k);

/**
 * @brief Serialise the whole store (every version) to text.
 * @param[out] out Receives a new string; free with eg_string_free().
 * @param r The store.
 * @return ::EG_OK, ::EG_EINVAL, ::EG_ENOMEM.
 */
EG_API int eg_records_serialize(char **out, const eg_records *r);

/**
 * @brief Read a store back from eg_records_serialize()'s text (byte-exact round trip).
 *
 * Only text exactly as eg_records_serialize() writes it is accepted, so a
 * store that parses serialises back to the same bytes.
 *
 * @param[out] out Receives the store.
 * @param text The text.
 * @param len Its length.
 * @return ::EG_OK, ::EG_EPARSE (line named; also any text that is not
 *         exactly what eg_records_serialize() writes, e.g. a version that
 *         leaves out a field of the one before), ::EG_EUTF8, ::EG_EINVAL, ::EG_ENOMEM.
 */
EG_API int eg_records_parse(eg_records **out, const char *text, size_t len);

#ifdef __cplusplus
}
#endif

#endif /* ECOGRID_RECORDS_H */
