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
#include <ecogrid/duty.h>
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

/** @brief Who or what a roster change is about (CJ-A2-5.3 (a)–(c), CJ-A1-19). */
typedef enum eg_disclosure_role {
	EG_DISCLOSURE_ROLE_HEAD = 0,      /**< (a) a grid head at levels 2–4, each of the dual heads (「各级网格长」) */
	EG_DISCLOSURE_ROLE_SUBHEAD = 1,   /**< (b) a level-2 or level-3 sub-grid head (「分网格长」) */
	EG_DISCLOSURE_ROLE_CHANNEL = 2,   /**< (c) a channel for pollution complaints and reports (hotline, e-mail, app …) */
	EG_DISCLOSURE_ROLE_SUPERVISOR = 3 /**< a supervisor: CJ-A1-19's, not item 3's unless the option */
} eg_disclosure_role;

/** @brief What a roster change does. */
typedef enum eg_disclosure_action {
	EG_DISCLOSURE_ACTION_APPOINT = 0, /**< the person (or channel) takes the role from the effective date */
	EG_DISCLOSURE_ACTION_REMOVE = 1   /**< the person (or channel) leaves it from the effective date */
} eg_disclosure_action;

/** @brief Version of ::eg_disclosure_change understood by this library. */
#define EG_DISCLOSURE_CHANGE_VERSION 1

/**
 * @brief One change of the roster and when it was published (CJ-A2-5.3):
 * the roster is its changes in force, the published list its changes
 * published. Initialise with ::EG_DISCLOSURE_CHANGE_INIT or
 * eg_disclosure_change_init().
 */
typedef struct eg_disclosure_change {
	unsigned int version;  /**< ::EG_DISCLOSURE_CHANGE_VERSION. */
	const char *node;      /**< The grid (heads, sub-heads, supervisors) or the level-2 unit (channels). */
	int role;              /**< ::eg_disclosure_role. */
	const char *name;      /**< The person, or the channel ("12369 热线"). */
	int action;            /**< ::eg_disclosure_action. */
	const char *effective; /**< The day it took effect, "YYYY-MM-DD". */
	const char *published; /**< The day it was published on a platform (政务信息网, 微信公众号, 政务公开栏 …), or NULL. */
} eg_disclosure_change;

/** @brief Static initialiser for ::eg_disclosure_change: an appointment of a head, nothing set. */
#define EG_DISCLOSURE_CHANGE_INIT { EG_DISCLOSURE_CHANGE_VERSION, NULL, EG_DISCLOSURE_ROLE_HEAD, NULL, \
		EG_DISCLOSURE_ACTION_APPOINT, NULL, NULL }

/**
 * @brief Initialise a change to ::EG_DISCLOSURE_CHANGE_INIT (for FFIs).
 * @param[out] change The change (every field written).
 * @param version ::EG_DISCLOSURE_CHANGE_VERSION.
 * @return ::EG_OK, ::EG_EINVAL (NULL or an unknown version; nothing written).
 */
EG_API int eg_disclosure_change_init(eg_disclosure_change *change, unsigned int version);

/** @brief Readings of "及时进行动态调整" (CJ-A2-5.3). */
typedef enum eg_disclosure_limit {
	/** Default (R0.9(a)): each change published within `days` (20) working days of its effective date. */
	EG_DISCLOSURE_LIMIT_WORKDAYS = 0,
	/** Option (1): the list on the month's last day matches the roster in force that day, with no grace. */
	EG_DISCLOSURE_LIMIT_SNAPSHOT = 1,
	/** Option (2): by the last day of the month after the month the change took effect. */
	EG_DISCLOSURE_LIMIT_NEXT_MONTH = 2,
	/** Option (3): within `days` calendar days. */
	EG_DISCLOSURE_LIMIT_DAYS = 3
} eg_disclosure_limit;

/** @brief Version of ::eg_disclosure_heads_options understood by this library. */
#define EG_DISCLOSURE_HEADS_OPTIONS_VERSION 2

/**
 * @brief The roster, its publication and the readings judged by
 * eg_disclosure_heads_check() (CJ-A2-5.3). Initialise with
 * ::EG_DISCLOSURE_HEADS_OPTIONS_INIT or eg_disclosure_heads_options_init().
 */
typedef struct eg_disclosure_heads_options {
	unsigned int version;                 /**< ::EG_DISCLOSURE_HEADS_OPTIONS_VERSION. */
	const eg_disclosure_change *changes;  /**< The roster's changes with their publication (borrowed for the call). */
	size_t n_changes;                     /**< Their number. */
	int limit;                            /**< ::eg_disclosure_limit (default working days). */
	int32_t days;                         /**< Working or calendar days allowed (default 20; 0–366). */
	/** The caller's working-day calendar, required for ::EG_DISCLOSURE_LIMIT_WORKDAYS (R0.9(a)). */
	const eg_duty_workdays *workdays;
	/** Nonzero (option): heads of key grids are required too (by default not: 附件1 第四条 names them apart). */
	int key_grids;
	/** Nonzero (CJ-A1-19's alternative): supervisors' changes are judged too, through item 3's "等". */
	int supervisors;
} eg_disclosure_heads_options;

/** @brief Static initialiser for ::eg_disclosure_heads_options: 20 working days, no key grids, no supervisors. */
#define EG_DISCLOSURE_HEADS_OPTIONS_INIT { EG_DISCLOSURE_HEADS_OPTIONS_VERSION, NULL, 0, \
		EG_DISCLOSURE_LIMIT_WORKDAYS, 20, NULL, 0, 0 }

/**
 * @brief Initialise options to ::EG_DISCLOSURE_HEADS_OPTIONS_INIT (for FFIs).
 * @param[out] opts The options (every field written).
 * @param version ::EG_DISCLOSURE_HEADS_OPTIONS_VERSION.
 * @return ::EG_OK, ::EG_EINVAL (NULL, or a version this library does not know; nothing written).
 */
EG_API int eg_disclosure_heads_options_init(eg_disclosure_heads_options *opts, unsigned int version);

/** @brief The result of eg_disclosure_heads_check() (opaque). */
typedef struct eg_disclosure_heads eg_disclosure_heads;

/** @brief Kinds of problems of item 3 (CJ-A2-5.3). */
typedef enum eg_disclosure_problem {
	/** A change past its limit and still unpublished on some day of the month. */
	EG_DISCLOSURE_PROBLEM_LATE = 0,
	/** (a) A grid at levels 2–4 without both heads published on the month's last day. */
	EG_DISCLOSURE_PROBLEM_HEADS = 1,
	/** (c) No complaint channel published on the month's last day. */
	EG_DISCLOSURE_PROBLEM_CHANNEL = 2
} eg_disclosure_problem;

/**
 * @brief CJ-A2-5.3 (item 3, a veto item): does a level-2 unit publish its
 * heads, sub-heads and complaint channels, and keep them up to date, in a month?
 *
 * Seed: 「公开本辖区内各级网格长、分网格长和生态环境污染投诉举报方式等,并及时进行动态调整」.
 * The roster is the changes in force, the published list the changes
 * published. Item 3 fails for month M if, on any day of M, a change (of a
 * head at levels 2–4, a level-2 or level-3 sub-head, or a channel; a
 * supervisor with the option) was past its limit and unpublished, or if on
 * the last day of M a grid at levels 2–4 under the unit had fewer than two
 * heads published, or no channel was published. The limit is 20 working
 * days of the caller's calendar by default (R0.9(a), 政府信息公开条例
 * art. 26); options: the month-end snapshot, the next month's end, a
 * number of calendar days. Key grids are not required unless asked.
 *
 * @param[out] out Receives the result; free with eg_disclosure_heads_free().
 * @param grid The grid.
 * @param unit_id The level-2 unit.
 * @param month The month judged, "YYYY-MM".
 * @param opts The changes and readings (::eg_disclosure_heads_options).
 * @return ::EG_OK; ::EG_EINVAL (NULL, unknown options or change version,
 *         role, action or limit, a bad date or month, a change's node outside
 *         the unit or at the wrong level, no calendar for working days),
 *         ::EG_ENOTFOUND (unknown unit or node), ::EG_ELEVEL (the unit is not
 *         at level 2), ::EG_ERANGE (a day outside the calendar's years),
 *         ::EG_EUTF8, ::EG_ENOMEM.
 * @see CJ-A2-5.3, R0.9, CJ-A1-19, CJ-A2-6.1.
 */
EG_API int eg_disclosure_heads_check(eg_disclosure_heads **out, const eg_grid *grid, const char *unit_id,
				     const char *month, const eg_disclosure_heads_options *opts);

/** @brief Free a result; NULL is accepted. */
EG_API void eg_disclosure_heads_free(eg_disclosure_heads *h);
/** @brief 1 when item 3 is met, 0 when not, -1 for NULL. */
EG_API int eg_disclosure_heads_met(const eg_disclosure_heads *h);
/** @brief Number of problems; 0 for NULL. */
EG_API size_t eg_disclosure_heads_count(const eg_disclosure_heads *h);
/** @brief The i-th problem's ::eg_disclosure_problem, or -1. */
EG_API int eg_disclosure_heads_kind(const eg_disclosure_heads *h, size_t i);
/** @brief The grid (or unit) of the i-th problem (borrowed), or NULL. */
EG_API const char *eg_disclosure_heads_node(const eg_disclosure_heads *h, size_t i);
/** @brief The person or channel of a late change (borrowed; "" for other problems), or NULL. */
EG_API const char *eg_disclosure_heads_name(const eg_disclosure_heads *h, size_t i);
/** @brief A late change's effective date "YYYY-MM-DD" (borrowed; "" otherwise), or NULL. */
EG_API const char *eg_disclosure_heads_effective(const eg_disclosure_heads *h, size_t i);
/** @brief A late change's last day to publish "YYYY-MM-DD" (borrowed; "" otherwise), or NULL. */
EG_API const char *eg_disclosure_heads_due(const eg_disclosure_heads *h, size_t i);
/**
 * @brief A late change's lateness in calendar days: from its last day to its
 * publication, or to the month's last day while unpublished; 0 for other
 * problems, -1 out of range.
 */
EG_API int64_t eg_disclosure_heads_late_days(const eg_disclosure_heads *h, size_t i);
/** @brief The i-th problem as a sentence citing CJ-A2-5.3 (borrowed), or NULL. */
EG_API const char *eg_disclosure_heads_message(const eg_disclosure_heads *h, size_t i, int lang);

#ifdef __cplusplus
}
#endif

#endif /* ECOGRID_DISCLOSURE_H */
