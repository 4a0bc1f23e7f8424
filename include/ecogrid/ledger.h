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

/** @brief Version of ::eg_ledger_step_options understood by this library. */
#define EG_LEDGER_STEP_OPTIONS_VERSION 1

/**
 * @brief A step of the close-out workflow and its evidence (YL-5.5).
 * Initialise with ::EG_LEDGER_STEP_OPTIONS_INIT or eg_ledger_step_options_init().
 *
 * Seed YL-5.5: the lead unit's principal verifies on site and signs
 * (验收签字); an acceptance opinion and report with materials are filed; the
 * unit applies to the rectification office; the office reviews the
 * documents, checks on site and publicises (公示); the problem is archived
 * if it meets the standard, otherwise sent back.
 */
typedef struct eg_ledger_step_options {
	unsigned int version;   /**< ::EG_LEDGER_STEP_OPTIONS_VERSION. */
	const char *time;       /**< When, "YYYY-MM-DD HH:MM" (required). */
	const char *actor;      /**< Who (required): the lead unit for verified and applied, the office for reviewed, closed and send-backs. */
	const char *reason;     /**< Why (required). */
	const char *principal;  /**< Verified: the lead unit's principal who checked on site and signed (required). */
	const char *signed_on;  /**< Verified: the day signed, "YYYY-MM-DD", not after the step (required). */
	const char *acceptance; /**< Applied: the acceptance opinion and report with materials filed, a reference (required). */
	const char *notice_from; /**< Closed: the first day of the public notice (公示), "YYYY-MM-DD" (required). */
	const char *notice_to;  /**< Closed: its last day, not after the step (required). */
} eg_ledger_step_options;

/** @brief Static initialiser for ::eg_ledger_step_options (nothing set). */
#define EG_LEDGER_STEP_OPTIONS_INIT { EG_LEDGER_STEP_OPTIONS_VERSION, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL }

/**
 * @brief Initialise step options to ::EG_LEDGER_STEP_OPTIONS_INIT (for FFIs).
 * @param[out] opts The options (every field written).
 * @param version ::EG_LEDGER_STEP_OPTIONS_VERSION.
 * @return ::EG_OK, ::EG_EINVAL (NULL or an unknown version; nothing written).
 */
EG_API int eg_ledger_step_options_init(eg_ledger_step_options *opts, unsigned int version);

/**
 * @brief Move a problem to another state of the close-out workflow, with
 * its evidence (YL-5.5).
 *
 * Allowed: open→rectifying, rectifying→verified, verified→applied,
 * applied→reviewed, reviewed→closed, reviewed→rectifying (rejected back),
 * applied→rectifying (documents sent back). Anything else, and anything
 * from closed, is ::EG_ESTATE and changes nothing.
 *
 * Who and what each step needs: verified and applied are the lead unit's
 * (verified: the principal's name and signing day; applied: the acceptance
 * opinion and report); reviewed, closed and the send-backs are the
 * rectification office's, which is the actor that registered the problem
 * (closed: a public notice (公示) that has ended). The evidence is kept in
 * the record's version.
 *
 * @param r The store.
 * @param id The problem.
 * @param to_state ::eg_ledger_state.
 * @param opts Time, actor, reason and evidence (::eg_ledger_step_options).
 * @return ::EG_OK; ::EG_ESTATE (a step not allowed, or by the wrong actor);
 *         ::EG_EINVAL (NULL, unknown version or state, missing or bad
 *         evidence); ::EG_ENOTFOUND; as eg_records_put().
 * @see YL-5.5.
 */
EG_API int eg_ledger_step(eg_records *r, const char *id, int to_state, const eg_ledger_step_options *opts);

/**
 * @brief Move a problem to a state that needs no evidence (YL-5.5):
 * eg_ledger_step() with only time, actor and reason.
 *
 * Rectifying, reviewed and the send-backs; verified, applied and closed
 * need their evidence (eg_ledger_step()) and are refused here with
 * ::EG_EINVAL naming what is missing.
 *
 * @return as eg_ledger_step().
 */
EG_API int eg_ledger_transition(eg_records *r, const char *id, const char *time, const char *actor,
				int to_state, const char *reason);

/**
 * @brief Extend a problem's deadline with a reason: only the rectification
 * office that registered the problem may, and not once closed (YL-5.5).
 *
 * The extension is a new version: the problem stays overdue on the days
 * before it (eg_ledger_status() as of those days, eg_ledger_behind()).
 *
 * @return ::EG_OK, ::EG_ESTATE (closed, or an actor other than the office),
 *         ::EG_EINVAL (bad date, not later than the current one), ::EG_ENOTFOUND, ::EG_ENOMEM.
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

/**
 * @brief YL-5.3: per lead unit, the problems "clearly behind"
 * (「推进不力、进度明显滞后」) in a month.
 *
 * Default reading: a problem is clearly behind in month M when, on some day
 * of M, it was past the deadline in force that day and not closed; a later
 * extension does not undo those days. A lead unit with any problem clearly
 * behind is liable to notice, interview or supervision
 * (通报、约谈、督办); the text attaches no order to the three, so the
 * choice is the office's. (The catalogue's option, a rule-set threshold on
 * progress, needs progress figures the ledger does not keep.)
 *
 * @param[out] behind n_units counts of problems clearly behind.
 * @param r The ledger store.
 * @param units Lead units.
 * @param n_units Their number.
 * @param month "YYYY-MM".
 * @return ::EG_OK, ::EG_EINVAL.
 */
EG_API int eg_ledger_behind(size_t *behind, const eg_records *r, const char *const *units, size_t n_units,
			    const char *month);

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
