/**
 * @file ledger.h
 * @brief YL rectification ledgers: registration (YL-2), the close-out
 * workflow (YL-5.5), overdue problems and the per-unit summary (YL-5.3), and
 * quantified targets (YL-4).
 *
 * A ledger is a record store (records.h) whose records are problems made by
 * eg_ledger_open(). A problem moves open → rectifying → verified (lead unit's
 * on-site check and signature) → applied (close-out applied) → reviewed
 * (documents, on-site check, publicity) → closed (archived), or from reviewed
 * back to rectifying with a reason; closed is final.
 */
#ifndef ECOGRID_LEDGER_H
#define ECOGRID_LEDGER_H

#include <ecogrid/common.h>
#include <ecogrid/records.h>

#ifdef __cplusplus
extern "C" {
#endif

/** @brief Ledger states (YL-5.5). */
typedef enum eg_ledger_state {
	EG_LEDGER_STATE_OPEN = 0,       /**< registered */
	EG_LEDGER_STATE_RECTIFYING = 1, /**< under rectification */
	EG_LEDGER_STATE_VERIFIED = 2,   /**< lead unit's principal verified on site and signed */
	EG_LEDGER_STATE_APPLIED = 3,    /**< close-out applied to the rectification office */
	EG_LEDGER_STATE_REVIEWED = 4,   /**< office reviewed documents, checked on site, publicised */
	EG_LEDGER_STATE_CLOSED = 5      /**< archived (备案, 销号) */
} eg_ledger_state;

/** @brief Version of ::eg_ledger_open_options understood by this library. */
#define EG_LEDGER_OPEN_OPTIONS_VERSION 1

/**
 * @brief What eg_ledger_open() registers about a problem (YL-2).
 *
 * A versioned options struct (the ABI rule for calls past six
 * parameters): initialise it with ::EG_LEDGER_OPEN_OPTIONS_INIT
 * or eg_ledger_open_options_init() so that fields added later get their defaults.
 */
typedef struct eg_ledger_open_options {
	unsigned int version;  /**< ::EG_LEDGER_OPEN_OPTIONS_VERSION. */
	const char *lead_unit; /**< The one lead unit (required). */
	const char *target;    /**< The rectification target (required). */
	const char *deadline;  /**< The deadline "YYYY-MM-DD" (required). */
} eg_ledger_open_options;

/** @brief Static initialiser for ::eg_ledger_open_options (the defaults). */
#define EG_LEDGER_OPEN_OPTIONS_INIT { EG_LEDGER_OPEN_OPTIONS_VERSION, NULL, NULL, NULL }

/**
 * @brief Initialise options to ::EG_LEDGER_OPEN_OPTIONS_INIT, for callers that cannot
 * expand the macro (FFIs).
 * @param[out] opts The options (every field written).
 * @param version ::EG_LEDGER_OPEN_OPTIONS_VERSION, the version the caller was written for.
 * @return ::EG_OK, ::EG_EINVAL (NULL, or a version this library does not know; nothing written).
 */
EG_API int eg_ledger_open_options_init(eg_ledger_open_options *opts, unsigned int version);

/**
 * @brief Register a problem (YL-2) in state open.
 * @param r The store.
 * @param id Problem ID.
 * @param time When.
 * @param actor Who registered it.
 * @param opts The lead unit, target and deadline (::eg_ledger_open_options).
 * @return as eg_records_put(), plus ::EG_EEXISTS when the ID exists.
 */
EG_API int eg_ledger_open(eg_records *r, const char *id, const char *time, const char *actor,
			  const eg_ledger_open_options *opts);

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

/**
 * @brief YL-4: a quantified target attained? (e.g. urban clean heating ≥ 60 %)
 * @param[out] attained 1 or 0.
 * @param value Measured value (scaled integer, e.g. tenths of a percent).
 * @param comparator One of ">=", ">", "<=", "<", "==".
 * @param target Target (same scale).
 * @return ::EG_OK, ::EG_EINVAL (unknown comparator).
 */
EG_API int eg_ledger_target_attained(int *attained, int64_t value, const char *comparator, int64_t target);

#ifdef __cplusplus
}
#endif

#endif /* ECOGRID_LEDGER_H */
