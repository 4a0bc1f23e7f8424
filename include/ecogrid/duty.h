/**
 * @file duty.h
 * @brief Duties with deadlines and cadences: alert responses (CJ-G.9),
 * equipment replacement (DG-30), heavy-pollution emergency grading (MEE-1,
 * MEE-3.1), activity cadences (CJ-G.8, DG-9, DG-15, DG-17) and obligations
 * due in calendar months (YL-5.4, DG-61, DG-67).
 */
#ifndef ECOGRID_DUTY_H
#define ECOGRID_DUTY_H

#include <ecogrid/common.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------ */
/* Response deadlines (CJ-G.9), equipment (DG-30)                     */
/* ------------------------------------------------------------------ */

/** @brief Status of a response against its deadline (CJ-G.9). */
typedef enum eg_duty_deadline {
	EG_DUTY_DEADLINE_ON_TIME = 0, /**< done within the limit (the limit itself included, R0.1) */
	EG_DUTY_DEADLINE_LATE = 1,    /**< done after the limit */
	EG_DUTY_DEADLINE_MISSING = 2  /**< not done */
} eg_duty_deadline;

/**
 * @brief CJ-G.9: on-site feedback within 1 hour and the handling result
 * within 2 hours of an alert being pushed to level 2.
 *
 * Times are "YYYY-MM-DD HH:MM" (or with "T"), CST. Exactly 60 minutes is
 * on time and 61 is late (R0.1); likewise 120 and 121 for the result.
 *
 * @param[out] status 2 statuses (::eg_duty_deadline): feedback, result.
 * @param[out] late_minutes 2 values: minutes past each limit (0 when on time or missing).
 * @param pushed When the alert was pushed.
 * @param feedback When the feedback was given, or NULL when missing.
 * @param result When the result was reported, or NULL when missing.
 * @return ::EG_OK, ::EG_EINVAL (NULL, a bad time, a response before the push),
 *         ::EG_ERANGE (a response more than 2^31 minutes after the push).
 */
EG_API int eg_duty_alert_deadlines(int *status, int32_t *late_minutes, const char *pushed,
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
EG_API int eg_duty_equipment_due(int *due, int32_t repairs, const char *installed, const char *on_date);

/* ------------------------------------------------------------------ */
/* Emergency reduction grading (MEE-1, MEE-3.1)                       */
/* ------------------------------------------------------------------ */

/** @brief Performance grades of heavy-pollution emergency reduction (MEE-1), best first. */
typedef enum eg_duty_mee_grade {
	EG_DUTY_MEE_GRADE_LEADING = 0, /**< 引领性 */
	EG_DUTY_MEE_GRADE_A = 1,       /**< A */
	EG_DUTY_MEE_GRADE_B = 2,       /**< B */
	EG_DUTY_MEE_GRADE_C = 3,       /**< C */
	EG_DUTY_MEE_GRADE_D = 4        /**< D */
} eg_duty_mee_grade;

/** @brief Marker for an indicator with no grade (missing). */
#define EG_DUTY_MEE_GRADE_MISSING (-1)

/**
 * @brief An enterprise's grade by the lowest-indicator (短板) principle (MEE-1).
 *
 * The grade is the worst of its indicator grades; a missing indicator
 * counts as D, and an enterprise that did not apply for grading is D.
 *
 * @param[out] grade Receives the grade (::eg_duty_mee_grade).
 * @param applied Nonzero when the enterprise applied for grading.
 * @param indicators Indicator grades (::eg_duty_mee_grade or ::EG_DUTY_MEE_GRADE_MISSING).
 * @param n Number of indicators (≥ 1 when applied).
 * @return ::EG_OK, ::EG_EINVAL.
 */
EG_API int eg_duty_mee_grade_of(int *grade, int applied, const int *indicators, size_t n);

/**
 * @brief Whether a grade must cut emissions during a heavy-pollution alert
 * (MEE-1: grade A and leading enterprises are not required to).
 * @return 1 required, 0 not required, -1 for an unknown grade.
 */
EG_API int eg_duty_mee_reduction_required(int grade);

/** @brief Heavy-pollution alert levels (MEE-1). */
typedef enum eg_duty_alert_level {
	EG_DUTY_ALERT_LEVEL_YELLOW = 0, /**< 黄色预警 */
	EG_DUTY_ALERT_LEVEL_ORANGE = 1, /**< 橙色预警 */
	EG_DUTY_ALERT_LEVEL_RED = 2     /**< 红色预警 */
} eg_duty_alert_level;

/**
 * @brief MEE-1: the reduction measure of an enterprise during an alert,
 * from the caller's table (the measures come from the technical guide and
 * are data, not code).
 * @param[out] measure Receives the table entry (borrowed from `table`), or
 *             NULL for grade A and leading enterprises, which are not required to cut.
 * @param table 15 entries, `table[grade * 3 + level]` (grades leading, A, B, C, D).
 * @param grade ::eg_duty_mee_grade.
 * @param level ::eg_duty_alert_level.
 * @return ::EG_OK, ::EG_EINVAL (bad grade or level, a NULL entry for a grade that must cut).
 */
EG_API int eg_duty_mee_reduction_measure(const char **measure, const char *const *table, int grade, int level);

/**
 * @brief MEE-3.1: the emergency reduction list of a year is filed by 30 September.
 * @param[out] late 1 when `filed` is after YEAR-09-30 (or NULL: not filed, judged on `today`), else 0.
 * @param year The year.
 * @param filed Filing date "YYYY-MM-DD", or NULL when not filed.
 * @param today The date judged when not filed.
 * @return ::EG_OK, ::EG_EINVAL.
 */
EG_API int eg_duty_mee_filing_late(int *late, int year, const char *filed, const char *today);

/* ------------------------------------------------------------------ */
/* Cadence (CJ-G.8, DG-9, DG-15, DG-17)                               */
/* ------------------------------------------------------------------ */

/** @brief Periods of a cadence requirement. */
typedef enum eg_duty_period {
	EG_DUTY_PERIOD_DAY = 0,     /**< calendar day (CST) */
	EG_DUTY_PERIOD_WEEK = 1,    /**< ISO week, Monday to Sunday */
	EG_DUTY_PERIOD_MONTH = 2,   /**< calendar month */
	EG_DUTY_PERIOD_QUARTER = 3, /**< calendar quarter */
	EG_DUTY_PERIOD_YEAR = 4     /**< calendar year */
} eg_duty_period;

/** @brief Flag: count only events at night (22:00–06:00 CST) or on a holiday (DG-15). */
#define EG_DUTY_CADENCE_NIGHT_OR_HOLIDAY 0x1u

/** @brief The findings of a cadence check (opaque). */
typedef struct eg_duty_cadence eg_duty_cadence;

/**
 * @brief "At least `min_count` events of kind `kind` per period for each actor" (CJ-G.8, DG-15, DG-17).
 *
 * Every actor listed is judged in every complete or partial period that
 * overlaps [from, to]; an actor with fewer events than required in a period
 * gets a finding with the rule ID, the period and the measured count.
 *
 * @param[out] out Receives the findings (possibly none); free with eg_duty_cadence_free().
 * @param rule Rule ID for the findings (e.g. "DG-15").
 * @param kind Event kind counted (e.g. "inspection").
 * @param period ::eg_duty_period.
 * @param min_count Required events per period (≥ 1).
 * @param flags 0 or ::EG_DUTY_CADENCE_NIGHT_OR_HOLIDAY.
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
EG_API int eg_duty_cadence_check(eg_duty_cadence **out, const char *rule, const char *kind, int period,
				 int32_t min_count, unsigned int flags, const char *const *actors, size_t n_actors,
				 const char *const *event_times, const char *const *event_kinds,
				 const char *const *event_actors, size_t n_events, const char *const *holidays,
				 size_t n_holidays, const char *from, const char *to);

/**
 * @brief A cadence preset: the parameters of eg_duty_cadence_check() for a rule.
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
 * @param[out] period Receives the ::eg_duty_period.
 * @param[out] min_count Receives the minimum.
 * @param[out] flags Receives the flags.
 * @param[out] rule Receives the rule ID to cite ("CJ-G.8", "DG-15", "DG-17"; static).
 * @param name The preset name.
 * @return ::EG_OK, ::EG_EINVAL, ::EG_ENOTFOUND.
 */
EG_API int eg_duty_cadence_preset(const char **kind, int *period, int32_t *min_count, unsigned int *flags,
				  const char **rule, const char *name);

/** @brief Free cadence findings; NULL is accepted. */
EG_API void eg_duty_cadence_free(eg_duty_cadence *c);

/** @brief Number of findings. */
EG_API size_t eg_duty_cadence_count(const eg_duty_cadence *c);

/** @brief Actor of the i-th finding (borrowed), or NULL. */
EG_API const char *eg_duty_cadence_actor(const eg_duty_cadence *c, size_t i);

/** @brief First day of the i-th finding's period, "YYYY-MM-DD" (borrowed), or NULL. */
EG_API const char *eg_duty_cadence_period_start(const eg_duty_cadence *c, size_t i);

/** @brief Events counted in the i-th finding's period; -1 when out of range (int64_t: a count that can be negative). */
EG_API int64_t eg_duty_cadence_measured(const eg_duty_cadence *c, size_t i);

/** @brief The i-th finding's message with the rule, count and requirement (borrowed), or NULL. */
EG_API const char *eg_duty_cadence_message(const eg_duty_cadence *c, size_t i, int lang);

/* ------------------------------------------------------------------ */
/* Obligations due in calendar months (YL-5.4, DG-61, DG-67)          */
/* ------------------------------------------------------------------ */

/** @brief Obligations with a due date counted from a start date. */
typedef enum eg_duty_obligation {
	EG_DUTY_OBLIGATION_YL_5_4 = 0, /**< YL-5.4: accountability cases handled within 3 months */
	EG_DUTY_OBLIGATION_DG_61 = 1,  /**< DG-61: written explanation within 1 month of publication */
	EG_DUTY_OBLIGATION_DG_67 = 2   /**< DG-67: approval restriction of 3–12 months: its end date */
} eg_duty_obligation;

/**
 * @brief The due (or end) date of an obligation: the start plus whole
 * calendar months, on the same day of the month or the month's last day.
 * @param[out] date 11 bytes "YYYY-MM-DD".
 * @param kind ::eg_duty_obligation.
 * @param start "YYYY-MM-DD".
 * @param months For DG-67 the restriction's length, 3–12; ignored otherwise.
 * @return ::EG_OK, ::EG_EINVAL, ::EG_ERANGE (DG-67 months outside 3–12, or
 *         a due date after 9999-12-31).
 */
EG_API int eg_duty_obligation_due(char *date, int kind, const char *start, int months);

/**
 * @brief Is an obligation overdue on a date? (done after the due date, or not done and the date is past it)
 * @param[out] overdue 1 or 0.
 * @param due Due date "YYYY-MM-DD" (the whole day included, R0.3).
 * @param done Date done, or NULL.
 * @param on_date The date judged.
 * @return ::EG_OK, ::EG_EINVAL.
 */
EG_API int eg_duty_obligation_overdue(int *overdue, const char *due, const char *done, const char *on_date);

#ifdef __cplusplus
}
#endif

#endif /* ECOGRID_DUTY_H */
