/**
 * @file records.h
 * @brief Records that must never be lost or silently changed: an
 * append-only history, the JM-2.1 disclosure list, YL rectification ledgers,
 * CJ-A4 typical cases and the CJ-A2-5.3 grid-head disclosure.
 *
 * **History.** A record store holds records by ID; every change is a new
 * version with a caller-supplied time (CST, "YYYY-MM-DD HH:MM"), an actor
 * and a reason, carrying every field of the previous version plus the
 * fields changed. Nothing is overwritten or deleted; any past state is read
 * back "as of" a time. A store serialises to a versioned, length-prefixed
 * text and parses back byte-exact, so a host keeps it in its own database.
 *
 * **Disclosure list (JM-2.1).** Records with the JM-2.1.1 content as
 * fields: `name` (enterprise, project or site), `district`, `category`,
 * `target` (progress target or supervision/rectification requirement) and
 * `progress`; a quarterly update is a
 * version whose `quarter` field names the quarter reported ("2026Q3"). The
 * district's update is due by the 3rd of the month after the quarter, the
 * whole day included (JM-2.1.2, R0.3; Q4 rolls into January).
 *
 * **Ledgers (YL-2, YL-5.5).** A problem moves open → rectifying → verified
 * (lead unit's on-site check and signature) → applied (close-out applied)
 * → reviewed (documents, on-site check, publicity) → closed (archived), or
 * from reviewed back to rectifying with a reason; closed is final.
 */
#ifndef ECOGRID_RECORDS_H
#define ECOGRID_RECORDS_H

#include <ecogrid/common.h>
#include <ecogrid/grid.h>

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

/**
 * @brief Append a version to a record (creating it on its first version).
 *
 * The new version carries the previous version's fields with `keys[i]`
 * set to `values[i]`. On failure nothing changes.
 *
 * @param r The store.
 * @param id Record ID (1–64 bytes).
 * @param time "YYYY-MM-DD HH:MM" CST; not before the record's last version.
 * @param actor Who made the change (1–256 bytes).
 * @param reason Why (1–1024 bytes).
 * @param keys Field names (1–64 bytes, unique in the call).
 * @param values Field values (0–65536 bytes of UTF-8).
 * @param n Number of fields changed (≥ 1 for a new record).
 * @return ::EG_OK, ::EG_EINVAL (NULL, bad time, a time before the last
 *         version, duplicate key), ::EG_EUTF8, ::EG_ERANGE, ::EG_ENOMEM.
 */
EG_API int eg_records_put(eg_records *r, const char *id, const char *time, const char *actor,
			  const char *reason, const char *const *keys, const char *const *values, size_t n);

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

/* ------------------------------------------------------------------ */
/* JM-2.1 disclosure list                                               */
/* ------------------------------------------------------------------ */

/** @brief Update status of one record for one quarter (JM-2.1.2). */
typedef enum eg_update_status {
	EG_UPDATE_ON_TIME = 0, /**< a version reporting the quarter by the deadline */
	EG_UPDATE_LATE = 1,    /**< the first such version came after the deadline */
	EG_UPDATE_MISSING = 2  /**< no version reports the quarter */
} eg_update_status;

/**
 * @brief The district deadline of a quarter (JM-2.1.2): the 3rd of the month after it.
 * @param[out] date 11 bytes: "YYYY-MM-DD" (Q4 → 3 January of the next year).
 * @param year The year.
 * @param quarter 1–4.
 * @return ::EG_OK or ::EG_EINVAL.
 */
EG_API int eg_jm_district_deadline(char *date, int year, int quarter);

/**
 * @brief A record's quarterly update status (JM-2.1.2, JM-2.2 (2)).
 *
 * The update for "YYYYQn" is the first version whose `quarter` field was
 * set to that value; it is on time when its time is on or before the
 * deadline's day (23:59 included, R0.3).
 *
 * @param[out] status ::eg_update_status.
 * @param[out] late_days Whole days past the deadline (0 unless late).
 * @param r The store.
 * @param id The record.
 * @param year The year.
 * @param quarter 1–4.
 * @return ::EG_OK, ::EG_EINVAL, ::EG_ENOTFOUND.
 */
EG_API int eg_jm_update_status(int *status, int32_t *late_days, const eg_records *r, const char *id,
			       int year, int quarter);

/* ------------------------------------------------------------------ */
/* YL rectification ledgers                                              */
/* ------------------------------------------------------------------ */

/** @brief Ledger states (YL-5.5). */
typedef enum eg_ledger_state {
	EG_LEDGER_OPEN = 0,       /**< registered */
	EG_LEDGER_RECTIFYING = 1, /**< under rectification */
	EG_LEDGER_VERIFIED = 2,   /**< lead unit's principal verified on site and signed */
	EG_LEDGER_APPLIED = 3,    /**< close-out applied to the rectification office */
	EG_LEDGER_REVIEWED = 4,   /**< office reviewed documents, checked on site, publicised */
	EG_LEDGER_CLOSED = 5      /**< archived (备案, 销号) */
} eg_ledger_state;

/**
 * @brief Register a problem (YL-2) in state open.
 * @param r The store.
 * @param id Problem ID.
 * @param time When.
 * @param actor Who registered it.
 * @param lead_unit The one lead unit.
 * @param target The rectification target.
 * @param deadline "YYYY-MM-DD".
 * @return as eg_records_put(), plus ::EG_EEXISTS when the ID exists.
 */
EG_API int eg_ledger_open(eg_records *r, const char *id, const char *time, const char *actor,
			  const char *lead_unit, const char *target, const char *deadline);

/**
 * @brief Move a problem to another state (YL-5.5), with a reason.
 *
 * Allowed: open→rectifying, rectifying→verified, verified→applied,
 * applied→reviewed, reviewed→closed, reviewed→rectifying (rejected back),
 * applied→rectifying (documents sent back). Anything else, and anything from
 * closed, is ::EG_ESTATE and changes nothing.
 *
 * @return ::EG_OK, ::EG_ESTATE, ::EG_ENOTFOUND, ::EG_EINVAL, ::EG_ENOMEM.
 */
EG_API int eg_ledger_transition(eg_records *r, const char *id, const char *time, const char *actor,
				int to_state, const char *reason);

/**
 * @brief Extend a problem's deadline with a reason (not once closed).
 * @return ::EG_OK, ::EG_ESTATE (closed), ::EG_EINVAL (bad date, not later than the current one), ::EG_ENOTFOUND, ::EG_ENOMEM.
 */
EG_API int eg_ledger_extend(eg_records *r, const char *id, const char *time, const char *actor,
			    const char *new_deadline, const char *reason);

/**
 * @brief A problem's state and whether it is overdue on a date (YL-5.3):
 * not closed and the date is after the deadline in force then.
 * @param[out] state ::eg_ledger_state as of the date's end.
 * @param[out] overdue 1 when overdue.
 * @param r The store.
 * @param id The problem.
 * @param on_date "YYYY-MM-DD".
 * @return ::EG_OK, ::EG_EINVAL, ::EG_ENOTFOUND.
 */
EG_API int eg_ledger_status(int *state, int *overdue, const eg_records *r, const char *id, const char *on_date);

/** @brief The state's name ("open", "rectifying", …), static, or NULL. */
EG_API const char *eg_ledger_state_name(int state);

/* ------------------------------------------------------------------ */
/* CJ-A4 typical cases, CJ-A2-5.3 grid-head disclosure                   */
/* ------------------------------------------------------------------ */

/**
 * @brief CJ-A4-2.1: is a case's decision final on a date?
 *
 * Final when no review or lawsuit was filed and the legal period after the
 * decision has passed (the last day of the period is still open), or when
 * the review or lawsuit filed has concluded.
 *
 * @param[out] eligible 1 or 0.
 * @param decision_date "YYYY-MM-DD".
 * @param period_days The legal period in days (e.g. 60 for review, 180 for a lawsuit; ≥ 1).
 * @param filed Nonzero when a review or lawsuit was filed.
 * @param concluded_date When it concluded "YYYY-MM-DD", or NULL while pending.
 * @param on_date The date judged.
 * @return ::EG_OK, ::EG_EINVAL.
 */
EG_API int eg_case_eligible(int *eligible, const char *decision_date, int32_t period_days, int filed,
			    const char *concluded_date, const char *on_date);

/**
 * @brief CJ-A4-2.3: the publication text's length and sensitive names.
 * @param[out] code_points Receives the length in Unicode code points (1000–1500 required).
 * @param[out] first_hit Receives the byte offset of the first sensitive name found, or -1.
 * @param[out] hit_index Receives which name was found, or -1.
 * @param text The text (UTF-8).
 * @param names Sensitive names registered by the caller (parties, persons).
 * @param n_names Their number.
 * @return ::EG_OK when the text is publishable; ::EG_ERANGE (length outside
 *         1000–1500) or ::EG_ESTATE (a sensitive name occurs) with the detail
 *         naming it; ::EG_EINVAL, ::EG_EUTF8.
 */
EG_API int eg_case_text_check(size_t *code_points, long *first_hit, long *hit_index, const char *text,
			      const char *const *names, size_t n_names);

/**
 * @brief CJ-A4-2.3: replace every sensitive name by its placeholder ("某公司", "张某").
 * @param[out] out Receives the new text; free with eg_string_free().
 * @param[out] replaced Receives the number of replacements.
 * @param text The text.
 * @param names Sensitive names (non-empty; longer names are replaced first).
 * @param placeholders One placeholder per name.
 * @param n Number of names.
 * @return ::EG_OK, ::EG_EINVAL, ::EG_EUTF8, ::EG_ENOMEM.
 */
EG_API int eg_case_anonymise(char **out, size_t *replaced, const char *text, const char *const *names,
			     const char *const *placeholders, size_t n);

/**
 * @brief CJ-A2-5.3: are a level-2 unit's heads disclosed and up to date?
 *
 * Met when every head of the unit and of its descendants in the grid
 * (eg_grid_heads()) appears in the published list, every published name is
 * still a head there, and the list was published at most `max_age_days`
 * before `on_date`.
 *
 * @param[out] met 1 or 0.
 * @param[out] problems Receives the number of heads missing or stale names (may be NULL).
 * @param grid The grid.
 * @param unit_id The level-2 unit.
 * @param published Names in the published list.
 * @param n Their number.
 * @param published_date When the list was published "YYYY-MM-DD".
 * @param on_date The date judged.
 * @param max_age_days Staleness limit (≥ 0).
 * @return ::EG_OK, ::EG_EINVAL, ::EG_ENOTFOUND, ::EG_ELEVEL, ::EG_ENOMEM.
 */
EG_API int eg_heads_disclosure_check(int *met, size_t *problems, const eg_grid *grid, const char *unit_id,
				     const char *const *published, size_t n, const char *published_date,
				     const char *on_date, int32_t max_age_days);

/* ------------------------------------------------------------------ */
/* Top-N, case batches, ledger summary, obligations                       */
/* ------------------------------------------------------------------ */

/**
 * @brief Top N by a measure (JM-2.1: the top 20 by wastewater discharge).
 *
 * Order: measure descending, then ID ascending (bytes). Units tied with the
 * N-th are all taken, so more than N may be selected; the selection never
 * depends on the order of the input.
 *
 * @param[out] out Indices of the selected, in order (array of n).
 * @param[out] count Receives how many were selected.
 * @param ids n IDs (unique).
 * @param measure n values (integers in the caller's unit, e.g. tonnes × 1000).
 * @param n Number of candidates.
 * @param top N (≥ 1).
 * @return ::EG_OK, ::EG_EINVAL (NULL, duplicate ID, top 0), ::EG_EUTF8, ::EG_ENOMEM.
 */
EG_API int eg_top_n(size_t *out, size_t *count, const char *const *ids, const int64_t *measure, size_t n, size_t top);

/**
 * @brief CJ-A4-4.1: which quarters of a year had a batch of typical cases published.
 * @param[out] quarters 4 flags (Q1–Q4), 1 when some date falls in that quarter.
 * @param dates Publication dates "YYYY-MM-DD".
 * @param n Number of dates.
 * @param year The year.
 * @return ::EG_OK, ::EG_EINVAL.
 */
EG_API int eg_case_batches(int *quarters, const char *const *dates, size_t n, int year);

/**
 * @brief YL-5.3: per lead unit, problems registered, closed and overdue on a date.
 * @param[out] counts 3 × n_units values: `counts[3u + 0]` registered, `+ 1` closed, `+ 2` overdue.
 * @param r The ledger store (records made by eg_ledger_open()).
 * @param units Lead units to report.
 * @param n_units Their number.
 * @param on_date The date judged.
 * @return ::EG_OK, ::EG_EINVAL.
 */
EG_API int eg_ledger_summary(size_t *counts, const eg_records *r, const char *const *units, size_t n_units,
			     const char *on_date);

/** @brief Obligations with a due date counted from a start date. */
typedef enum eg_obligation {
	EG_OBLIGATION_YL_5_4 = 0, /**< YL-5.4: accountability cases handled within 3 months */
	EG_OBLIGATION_DG_61 = 1,  /**< DG-61: written explanation within 1 month of publication */
	EG_OBLIGATION_DG_67 = 2   /**< DG-67: approval restriction of 3–12 months: its end date */
} eg_obligation;

/**
 * @brief The due (or end) date of an obligation: the start plus whole
 * calendar months, on the same day of the month or the month's last day.
 * @param[out] date 11 bytes "YYYY-MM-DD".
 * @param kind ::eg_obligation.
 * @param start "YYYY-MM-DD".
 * @param months For DG-67 the restriction's length, 3–12; ignored otherwise.
 * @return ::EG_OK, ::EG_EINVAL, ::EG_ERANGE (DG-67 months outside 3–12, or
 *         a due date after 9999-12-31).
 */
EG_API int eg_obligation_due(char *date, int kind, const char *start, int months);

/**
 * @brief Is an obligation overdue on a date? (done after the due date, or not done and the date is past it)
 * @param[out] overdue 1 or 0.
 * @param due Due date "YYYY-MM-DD" (the whole day included, R0.3).
 * @param done Date done, or NULL.
 * @param on_date The date judged.
 * @return ::EG_OK, ::EG_EINVAL.
 */
EG_API int eg_obligation_overdue(int *overdue, const char *due, const char *done, const char *on_date);

/**
 * @brief YL-4: a quantified target attained? (e.g. urban clean heating ≥ 60 %)
 * @param[out] attained 1 or 0.
 * @param value Measured value (scaled integer, e.g. tenths of a percent).
 * @param comparator One of ">=", ">", "<=", "<", "==".
 * @param target Target (same scale).
 * @return ::EG_OK, ::EG_EINVAL (unknown comparator).
 */
EG_API int eg_target_attained(int *attained, int64_t value, const char *comparator, int64_t target);

#ifdef __cplusplus
}
#endif

#endif /* ECOGRID_RECORDS_H */
