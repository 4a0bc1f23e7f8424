/**
 * @file disclosure.h
 * @brief Disclosure: the JM-2.1 double-disclosure list and its quarterly
 * updates (JM-2.1.2, JM-2.2 (2)), the JM-2.1 top N, and the CJ-A2-5.3
 * grid-head disclosure.
 *
 * **Disclosure list (JM-2.1).** Records of a store (records.h) with the
 * JM-2.1.1 content as fields: `name` (enterprise, project or site),
 * `district`, `category`, `target` (progress target or
 * supervision/rectification requirement) and `progress`; a quarterly update
 * is a version whose `quarter` field names the quarter reported ("2026Q3"),
 * due by the 3rd of the month after the quarter, the whole day included
 * (JM-2.1.2, R0.3; Q4 rolls into January); the city's update of the list
 * (`listed`) and the district's own publication (`published`) are due by
 * the 15th.
 */
#ifndef ECOGRID_DISCLOSURE_H
#define ECOGRID_DISCLOSURE_H

#include <ecogrid/common.h>
#include <ecogrid/grid.h>
#include <ecogrid/records.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------ */
/* JM-2.1 disclosure list (JM-2.1.2 deadlines and update status)      */
/* ------------------------------------------------------------------ */

/** @brief Update status of one record for one quarter (JM-2.1.2). */
typedef enum eg_disclosure_update {
	EG_DISCLOSURE_UPDATE_ON_TIME = 0, /**< a version reporting the quarter by the deadline */
	EG_DISCLOSURE_UPDATE_LATE = 1,    /**< the first such version came after the deadline */
	EG_DISCLOSURE_UPDATE_MISSING = 2, /**< no version reports the quarter, and the record was listed by the deadline */
	EG_DISCLOSURE_UPDATE_NOT_DUE = 3  /**< no version reports the quarter, and the record was first listed after the deadline's day: it owed nothing */
} eg_disclosure_update;

/**
 * @brief The steps of the JM-2.1.2 quarterly cycle, each with its deadline
 * and the record field that marks it done.
 *
 * Seed: 「于每一季度的下一个月3日前动态更新」 (the 市（区） update, submitted
 * through its 环委办) and 「于每一季度的下一个月15日前对“双公开”清单进行更新」
 * (the city's list), then 「各市（区）同步在属地政府网站进行公开」.
 */
typedef enum eg_disclosure_step {
	/** The 市（区） update of its tasks, by the 3rd; field `quarter`. */
	EG_DISCLOSURE_STEP_DISTRICT_UPDATE = 0,
	/** The city's update of the list after verification, by the 15th; field `listed`. */
	EG_DISCLOSURE_STEP_CITY_LIST = 1,
	/**
	 * The 市（区） publication on its own government website, "at the same
	 * time": by default by the 15th of the same cycle; field `published`.
	 */
	EG_DISCLOSURE_STEP_DISTRICT_PUBLICATION = 2
} eg_disclosure_step;

/** @brief Version of ::eg_disclosure_options understood by this library. */
#define EG_DISCLOSURE_OPTIONS_VERSION 1

/**
 * @brief Readings of the JM-2.1.2 deadlines. Initialise with
 * ::EG_DISCLOSURE_OPTIONS_INIT or eg_disclosure_options_init().
 */
typedef struct eg_disclosure_options {
	unsigned int version; /**< ::EG_DISCLOSURE_OPTIONS_VERSION. */
	int step;             /**< ::eg_disclosure_step judged (default: the district update). */
	/**
	 * 0 (default, R0.3): "3日前" / "15日前" are read as "by" the 3rd / 15th,
	 * that day included. Nonzero: "before", so the last day is the 2nd / 14th.
	 */
	int before;
	/**
	 * Publication step only. 0 (default): the 市（区） publishes no later than
	 * the city's deadline (the 15th). Nonzero (option): on the same calendar
	 * day as the city's list (the record's `listed` version), or by the 15th
	 * when the city has not listed it.
	 */
	int same_day;
} eg_disclosure_options;

/** @brief Static initialiser for ::eg_disclosure_options: the defaults. */
#define EG_DISCLOSURE_OPTIONS_INIT { EG_DISCLOSURE_OPTIONS_VERSION, EG_DISCLOSURE_STEP_DISTRICT_UPDATE, 0, 0 }

/**
 * @brief Initialise options to ::EG_DISCLOSURE_OPTIONS_INIT (for FFIs).
 * @param[out] opts The options (every field written).
 * @param version ::EG_DISCLOSURE_OPTIONS_VERSION.
 * @return ::EG_OK, ::EG_EINVAL (NULL or an unknown version; nothing written).
 */
EG_API int eg_disclosure_options_init(eg_disclosure_options *opts, unsigned int version);

/**
 * @brief The district deadline of a quarter (JM-2.1.2): the 3rd of the month after it.
 * @param[out] date 11 bytes: "YYYY-MM-DD" (Q4 → 3 January of the next year).
 * @param year The year.
 * @param quarter 1–4.
 * @return ::EG_OK or ::EG_EINVAL.
 * @see eg_disclosure_deadline() for the other steps and readings.
 */
EG_API int eg_disclosure_district_deadline(char *date, int year, int quarter);

/**
 * @brief The deadline of a step of the JM-2.1.2 cycle for a quarter.
 *
 * District update: the 3rd of the month after the quarter; the city's
 * list and the district publication: the 15th (Q1 → 3 and 15 April, …,
 * Q4 → 3 and 15 January of the next year). With `before` set: the 2nd and
 * the 14th. The same-day reading of the publication depends on a record,
 * so here it gives the 15th.
 *
 * @param[out] date 11 bytes "YYYY-MM-DD".
 * @param year The year (1–9998).
 * @param quarter 1–4.
 * @param opts The readings, or NULL for the defaults (district update, "by").
 * @return ::EG_OK, ::EG_EINVAL (NULL date, year or quarter out of range,
 *         unknown options version or step).
 * @see JM-2.1.2, R0.3.
 */
EG_API int eg_disclosure_deadline(char *date, int year, int quarter, const eg_disclosure_options *opts);

/**
 * @brief Check that a record carries the JM-2.1.1 content.
 *
 * JM-2.1.1: the enterprise / project / site name (`name`), the 市（区）
 * (`district`), the category (`category`) and the progress target or
 * supervision / rectification requirement (`target`), each non-empty in
 * the version in force at `as_of`; a version that reports a quarter
 * (`quarter`, `listed` or `published` set) must also carry its `progress`.
 *
 * @param r The store.
 * @param id The record.
 * @param as_of "YYYY-MM-DD HH:MM", or NULL for the latest version.
 * @return ::EG_OK; ::EG_EINVAL naming the record and every missing field;
 *         ::EG_ENOTFOUND (no such record, or none yet at that time).
 */
EG_API int eg_disclosure_record_check(const eg_records *r, const char *id, const char *as_of);

/**
 * @brief A record's quarterly update status (JM-2.1.2, JM-2.2 (2)): the
 * district update step with the default readings.
 *
 * Same as eg_disclosure_update_check() with `opts` NULL.
 *
 * @param[out] status ::eg_disclosure_update.
 * @param[out] late_days Whole days past the deadline (0 unless late).
 * @param r The store.
 * @param id The record.
 * @param year The year.
 * @param quarter 1–4.
 * @return as eg_disclosure_update_check().
 */
EG_API int eg_disclosure_update_status(int *status, int32_t *late_days, const eg_records *r, const char *id,
				       int year, int quarter);

/**
 * @brief A record's status for one step of the JM-2.1.2 cycle.
 *
 * The step is done by the first version whose field for the step
 * (`quarter`, `listed` or `published`) was set to "YYYYQn"; it is on time
 * when that version's time is on or before the deadline's day (23:59
 * included, R0.3). The record must carry the JM-2.1.1 content
 * (eg_disclosure_record_check()): at the step's version, or at its latest
 * version when the step is missing, so that a late update is never filed
 * under an empty 市（区）. Without such a version, a record first listed
 * after the deadline's day was not on the list when the step was due: it
 * owed nothing (::EG_DISCLOSURE_UPDATE_NOT_DUE, not a JM-2.2 (2)
 * occurrence); one listed by then is ::EG_DISCLOSURE_UPDATE_MISSING.
 *
 * @param[out] status ::eg_disclosure_update.
 * @param[out] late_days Whole days past the deadline (0 unless late).
 * @param r The store.
 * @param id The record.
 * @param year The year.
 * @param quarter 1–4.
 * @param opts The step and readings, or NULL for the defaults.
 * @return ::EG_OK, ::EG_EINVAL (NULL, bad quarter or options, a record
 *         without the JM-2.1.1 content), ::EG_ENOTFOUND.
 * @see JM-2.1.1, JM-2.1.2, JM-2.2 (2).
 */
EG_API int eg_disclosure_update_check(int *status, int32_t *late_days, const eg_records *r, const char *id,
				      int year, int quarter, const eg_disclosure_options *opts);

/* ------------------------------------------------------------------ */
/* JM-2.1 top N                                                       */
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
EG_API int eg_disclosure_top_n(size_t *out, size_t *count, const char *const *ids, const int64_t *measure, size_t n, size_t top);

/* ------------------------------------------------------------------ */
/* CJ-A2-5.3 grid-head disclosure                                     */
/* ------------------------------------------------------------------ */

/** @brief Version of ::eg_disclosure_heads_options understood by this library. */
#define EG_DISCLOSURE_HEADS_OPTIONS_VERSION 1

/**
 * @brief The published list judged by eg_disclosure_heads_check() (CJ-A2-5.3).
 *
 * A versioned options struct (the ABI rule for calls past six
 * parameters): initialise it with ::EG_DISCLOSURE_HEADS_OPTIONS_INIT
 * or eg_disclosure_heads_options_init() so that fields added later get their defaults.
 */
typedef struct eg_disclosure_heads_options {
	unsigned int version;         /**< ::EG_DISCLOSURE_HEADS_OPTIONS_VERSION. */
	const char *const *published; /**< Names in the published list (borrowed for the call). */
	size_t n_published;           /**< Their number. */
	const char *published_date;   /**< When the list was published "YYYY-MM-DD" (required). */
	int32_t max_age_days;         /**< Staleness limit in days (≥ 0; the default -1 is refused: the limit is the caller's to set). */
} eg_disclosure_heads_options;

/** @brief Static initialiser for ::eg_disclosure_heads_options (the defaults). */
#define EG_DISCLOSURE_HEADS_OPTIONS_INIT { EG_DISCLOSURE_HEADS_OPTIONS_VERSION, NULL, 0, NULL, -1 }

/**
 * @brief Initialise options to ::EG_DISCLOSURE_HEADS_OPTIONS_INIT, for callers that cannot
 * expand the macro (FFIs).
 * @param[out] opts The options (every field written).
 * @param version ::EG_DISCLOSURE_HEADS_OPTIONS_VERSION, the version the caller was written for.
 * @return ::EG_OK, ::EG_EINVAL (NULL, or a version this library does not know; nothing written).
 */
EG_API int eg_disclosure_heads_options_init(eg_disclosure_heads_options *opts, unsigned int version);

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
 * @param on_date The date judged "YYYY-MM-DD".
 * @param opts The published list, its date and the staleness limit (::eg_disclosure_heads_options).
 * @return ::EG_OK, ::EG_EINVAL (NULL, an unknown opts version, a negative
 *         limit), ::EG_ENOTFOUND, ::EG_ELEVEL, ::EG_ENOMEM.
 */
EG_API int eg_disclosure_heads_check(int *met, size_t *problems, const eg_grid *grid, const char *unit_id,
				     const char *on_date, const eg_disclosure_heads_options *opts);

#ifdef __cplusplus
}
#endif

#endif /* ECOGRID_DISCLOSURE_H */
