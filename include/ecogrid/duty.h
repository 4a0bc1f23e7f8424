/**
 * @file duty.h
 * @brief Duties with deadlines and cadences: alert responses (CJ-G.9),
 * equipment replacement (DG-30), heavy-pollution emergency grading (MEE-1,
 * MEE-3.1), working days and periods in months (R0.9, R0.10), the duty
 * calendar of recurring and per-event duties (section 9 of the rule
 * catalogue, with CJ-G.8, DG-9, DG-15, DG-17 and the older deadlines) and
 * obligations due in calendar months (YL-5.4, DG-61, DG-67).
 *
 * **The duty calendar.** A duty set (eg_duty_set_preset() or
 * eg_duty_set_add()) says what is owed: "at least N records of kind K in
 * each period P by each actor A, from a start date", "within T of each
 * event", "by a date", "no act while a conflict is registered". A log
 * (eg_duty_log_add()) holds what was done. eg_duty_status() takes both and
 * a date and returns, per duty, actor and period, the state (met, missed,
 * late, excused, not yet due, open, incomplete, breach, noted) with the
 * counts and the rule ID.
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
/* Working days and periods in months (R0.9(a), R0.10)                */
/* ------------------------------------------------------------------ */

/**
 * @brief A working-day calendar supplied by the caller (opaque; one thread
 * at a time while it changes, then shareable read-only).
 *
 * Saturdays and Sundays are rest days, the caller's public holidays are rest
 * days, and the caller's adjusted working days (调休) are working days even
 * on a weekend. The library never derives holidays (R0.9(a)): a calendar
 * covers only the years the caller declared, with eg_duty_workdays_cover()
 * or by setting a day of the year, and a computation that needs a day of
 * another year fails with ::EG_ERANGE instead of guessing.
 */
typedef struct eg_duty_workdays eg_duty_workdays;

/** @brief What a calendar day is, when the caller says so. */
typedef enum eg_duty_day {
	EG_DUTY_DAY_HOLIDAY = 0, /**< a public holiday: a rest day (法定节假日) */
	EG_DUTY_DAY_WORKDAY = 1  /**< an adjusted working day (调休上班), even on a weekend */
} eg_duty_day;

/**
 * @brief An empty calendar (no year covered).
 * @param[out] out Receives the calendar; free with eg_duty_workdays_free().
 * @return ::EG_OK, ::EG_EINVAL, ::EG_ENOMEM.
 */
EG_API int eg_duty_workdays_new(eg_duty_workdays **out);

/** @brief Free a calendar; NULL is accepted. */
EG_API void eg_duty_workdays_free(eg_duty_workdays *w);

/**
 * @brief Declare the years a calendar covers (weekends only, unless days are set).
 * @param w The calendar.
 * @param first_year First year (1–9999).
 * @param last_year Last year (≥ first_year, ≤ 9999).
 * @return ::EG_OK, ::EG_EINVAL.
 */
EG_API int eg_duty_workdays_cover(eg_duty_workdays *w, int first_year, int last_year);

/**
 * @brief Mark a day as a public holiday or an adjusted working day; its year becomes covered.
 * @param w The calendar.
 * @param date "YYYY-MM-DD".
 * @param day ::eg_duty_day.
 * @return ::EG_OK, ::EG_EINVAL (bad date or kind; a day set twice to
 *         different kinds), ::EG_ENOMEM. On failure the calendar is unchanged.
 */
EG_API int eg_duty_workdays_set(eg_duty_workdays *w, const char *date, int day);

/**
 * @brief Is a day a working day?
 * @param[out] workday 1 or 0.
 * @param w The calendar.
 * @param date "YYYY-MM-DD".
 * @return ::EG_OK, ::EG_EINVAL, ::EG_ERANGE (the year is not covered).
 */
EG_API int eg_duty_workdays_is_workday(int *workday, const eg_duty_workdays *w, const char *date);

/** @brief Units of a time limit. */
typedef enum eg_duty_unit {
	EG_DUTY_UNIT_NONE = 0,     /**< no limit (R0.9(b)): delays are reported, never late */
	EG_DUTY_UNIT_DAYS = 1,     /**< calendar days after the start (the start not counted) */
	EG_DUTY_UNIT_WORKDAYS = 2, /**< working days after the start (R0.9(a); needs a calendar) */
	EG_DUTY_UNIT_MONTHS = 3,   /**< calendar months, corresponding day or month end (R0.10) */
	EG_DUTY_UNIT_MINUTES = 4,  /**< minutes after the start time (CJ-G.9) */
	EG_DUTY_UNIT_WINDOW = 5,   /**< within the event's own period, from its time to its end (MEE-3.3) */
	EG_DUTY_UNIT_BEFORE = 6,   /**< on or before the event's day (a step required first) */
	EG_DUTY_UNIT_VALID_AT = 7  /**< a response whose validity (time to end) contains the event's day (DG-70) */
} eg_duty_unit;

/**
 * @brief The last day of a period of `n` units after `start` (R0.9(a), R0.10).
 *
 * The start day is not counted. Days: start + n. Working days: the n-th
 * working day after the start. Months: the corresponding day of the n-th
 * month, or its last day when it has none (31 January + 1 month = 28 or 29
 * February). With `extend` nonzero, a last day that is a rest day of the
 * calendar moves to the next working day (Civil Code art. 203; legal
 * periods, CJ-A4-2.1); administrative deadlines are not extended by
 * default (R0.3).
 *
 * @param[out] date 11 bytes "YYYY-MM-DD".
 * @param start "YYYY-MM-DD".
 * @param unit ::EG_DUTY_UNIT_DAYS, ::EG_DUTY_UNIT_WORKDAYS or ::EG_DUTY_UNIT_MONTHS.
 * @param n Number of units (0–100000).
 * @param w The calendar (needed for working days and `extend`; may be NULL otherwise).
 * @param extend Nonzero: extend a last day that is a rest day.
 * @return ::EG_OK, ::EG_EINVAL (NULL, bad date, unit or n, no calendar
 *         where one is needed), ::EG_ERANGE (a day outside the calendar's
 *         years, or after 9999-12-31).
 */
EG_API int eg_duty_due_date(char *date, const char *start, int unit, int32_t n, const eg_duty_workdays *w,
			    int extend);

/* ------------------------------------------------------------------ */
/* The duty calendar (section 9, CJ-G.8, DG-9, DG-15, DG-17, …)       */
/* ------------------------------------------------------------------ */

/** @brief Periods of a recurring duty (R0.5). */
typedef enum eg_duty_period {
	EG_DUTY_PERIOD_DAY = 0,      /**< calendar day (CST), weekends and holidays included */
	EG_DUTY_PERIOD_WEEK = 1,     /**< ISO week, Monday to Sunday */
	EG_DUTY_PERIOD_MONTH = 2,    /**< calendar month */
	EG_DUTY_PERIOD_QUARTER = 3,  /**< calendar quarter */
	EG_DUTY_PERIOD_YEAR = 4,     /**< calendar year */
	EG_DUTY_PERIOD_HALF_YEAR = 5 /**< January–June, July–December (JM-2.2.1) */
} eg_duty_period;

/** @brief Flag: count only events at night (22:00–06:00 CST) or on a rest day (DG-15). */
#define EG_DUTY_CADENCE_NIGHT_OR_HOLIDAY 0x1u

/** @brief The shapes a duty takes. */
typedef enum eg_duty_shape {
	/** At least N records of a kind in each period, for each actor (R0.5, R0.6). */
	EG_DUTY_SHAPE_PERIODIC = 0,
	/** For each event of a kind, N responses within a limit. */
	EG_DUTY_SHAPE_EVENT = 1,
	/** For each actor, N records by a date (an indicator with a deadline, like YL-4). */
	EG_DUTY_SHAPE_ONCE = 2,
	/** No act of a kind by a person about an object while a conflict is registered (CJ-A1-11, MEE-2.3, MEE-2.4). */
	EG_DUTY_SHAPE_CONFLICT = 3,
	/** A duty with no period (定期, R0.11): the records' dates and the longest gap, never a finding. */
	EG_DUTY_SHAPE_GAP = 4
} eg_duty_shape;

/** @brief How a response is tied to its event (::EG_DUTY_SHAPE_EVENT). */
typedef enum eg_duty_match {
	EG_DUTY_MATCH_EVENT_ID = 0, /**< the response's `ref` is the event's `id` */
	EG_DUTY_MATCH_SUBJECT = 1,  /**< the response and the event have the same `subject` (a case, an enterprise) */
	EG_DUTY_MATCH_ACTOR = 2     /**< the response is by the actor who owes it (a pledge, a certificate, an inspection) */
} eg_duty_match;

/** @brief Flag: count only records at night (22:00–06:00 CST) or on a rest day of the calendar (DG-15). */
#define EG_DUTY_FLAG_NIGHT_OR_HOLIDAY EG_DUTY_CADENCE_NIGHT_OR_HOLIDAY
/** @brief Flag: 原则上 (R0.8): a finding is marked in principle, and a recorded exception excuses it. */
#define EG_DUTY_FLAG_IN_PRINCIPLE 0x2u
/** @brief Flag: R0.7 alternative: checked from the period that contains the start date. */
#define EG_DUTY_FLAG_START_CONTAINING 0x4u
/** @brief Flag: a record counts for the period its `period` field names, not the period of its date. */
#define EG_DUTY_FLAG_FOR_PERIOD 0x8u
/** @brief Flag: no due date: checked once the period (or, for once, the start) is over, never late. */
#define EG_DUTY_FLAG_NO_DUE 0x10u
/**
 * @brief Flag: a due date on a rest day moves to the next working day (R0.10
 * alternative for administrative periods). It moves due dates: of events,
 * of once duties, and of periodic duties counted by their `period` field
 * (a record dated after its period's end counts only that way, R0.6).
 */
#define EG_DUTY_FLAG_EXTEND 0x20u
/** @brief Flag: R0.5 alternative for weeks: consecutive 7-day windows from the duty's start. */
#define EG_DUTY_FLAG_ROLLING_WEEK 0x40u
/** @brief Flag: a response must cover the event's time span when both have one (DG-34). */
#define EG_DUTY_FLAG_COVER_TIMES 0x80u
/** @brief Flag: an event before the duty's start is counted from the start (DG-73: tenure from 2020-01-01). */
#define EG_DUTY_FLAG_CLAMP_START 0x100u
/** @brief Flag: a response must carry exactly the event's tags (MEE-3.2: a plan for the current grade). */
#define EG_DUTY_FLAG_SAME_TAGS 0x200u

/** @brief Version of ::eg_duty_def understood by this library. */
#define EG_DUTY_DEF_VERSION 1

/**
 * @brief One duty of a duty set (eg_duty_set_add()). Initialise with
 * ::EG_DUTY_DEF_INIT or eg_duty_def_init(); every string is copied.
 *
 * Kinds, tags and actors are words chosen by the caller (UTF-8, no
 * separators inside). Where a field takes several, they are separated by
 * spaces (`kind` alternatives, `tags` alternatives) or by semicolons
 * (`actor`).
 */
typedef struct eg_duty_def {
	unsigned int version; /**< ::EG_DUTY_DEF_VERSION. */
	const char *id;       /**< Duty ID, unique in the set (e.g. "DG-52-bulletin"). */
	const char *rule;     /**< Rule ID cited by every row and message (e.g. "DG-52"). */
	int shape;            /**< ::eg_duty_shape. */
	/**
	 * Kind of the records counted (periodic, once, gap), of the responses
	 * (event) or of the acts checked (conflict); space-separated alternatives.
	 */
	const char *kind;
	/**
	 * The actors who owe the duty, fixed: one name or several separated by
	 * ';'. NULL: the members of `group` in the log; for events, NULL with
	 * no group means the event's own actors.
	 */
	const char *actor;
	/** The actors as a group of the log (eg_duty_log_add_member()), or NULL. */
	const char *group;
	int period;           /**< ::eg_duty_period (periodic). */
	int32_t min_count;    /**< Records (or responses) required: at least this many (≥ 1; R0.6). */
	/**
	 * Content a record needs to count: alternatives separated by spaces,
	 * each a '+'-joined set of tags the record must all carry
	 * ("quality+campaign+enforcement", "online+compared self supervisory").
	 * A record without them counts as incomplete. For the conflict shape:
	 * the relations of the register that apply (alternatives), NULL for all.
	 * NULL: no requirement.
	 */
	const char *tags;
	/** Each counted record's `covers` must list every member of this group (CJ-M-3.5 (b)), or NULL. */
	const char *cover_group;
	/** First day in force (R0.7), "YYYY-MM-DD", or NULL (then the status options' `from`). */
	const char *start;
	/** Last day in force, or NULL: open-ended. */
	const char *end;
	/**
	 * Periodic: the due date is the last day of the period, or, when
	 * `due_months` or `due_day` is set, day `due_day` (0 = the last day)
	 * of the month `due_months` months after the period's last month
	 * (JM-2.1.2: 1 and 3; CJ-M-3.6: 1 and 0; MEE-3.1: −3 and 30).
	 */
	int32_t due_months;
	int32_t due_day;      /**< See `due_months` (0–31). */
	/** Event shape: the kind of the events that each call for responses (space-separated alternatives). */
	const char *event_kind;
	int match;            /**< Event shape: ::eg_duty_match. */
	/**
	 * ::eg_duty_unit of the limit: the time after each event (event shape),
	 * after `start` (once shape), or a grace after the due date (periodic,
	 * days or working days only).
	 */
	int limit_unit;
	int32_t limit;        /**< Units allowed (≥ 0). */
	unsigned int flags;   /**< EG_DUTY_FLAG_* bits. */
	const char *name_zh;  /**< What is due, in Chinese, for messages (NULL: the kind). */
	const char *name_en;  /**< The same in English (NULL: the kind). */
} eg_duty_def;

/** @brief Static initialiser for ::eg_duty_def: a periodic duty, 1 a month, no limit. */
#define EG_DUTY_DEF_INIT { EG_DUTY_DEF_VERSION, NULL, NULL, EG_DUTY_SHAPE_PERIODIC, NULL, NULL, NULL, \
		EG_DUTY_PERIOD_MONTH, 1, NULL, NULL, NULL, NULL, 0, 0, NULL, EG_DUTY_MATCH_EVENT_ID, \
		EG_DUTY_UNIT_NONE, 0, 0u, NULL, NULL }

/**
 * @brief Initialise a duty definition to ::EG_DUTY_DEF_INIT (for FFIs).
 * @param[out] def The definition (every field written).
 * @param version ::EG_DUTY_DEF_VERSION.
 * @return ::EG_OK, ::EG_EINVAL (NULL or an unknown version; nothing written).
 */
EG_API int eg_duty_def_init(eg_duty_def *def, unsigned int version);

/** @brief A set of duties (opaque; one thread at a time while it changes, then shareable read-only). */
typedef struct eg_duty_set eg_duty_set;

/**
 * @brief An empty duty set.
 * @param[out] out Receives the set; free with eg_duty_set_free().
 * @return ::EG_OK, ::EG_EINVAL, ::EG_ENOMEM.
 */
EG_API int eg_duty_set_new(eg_duty_set **out);

/** @brief Free a duty set; NULL is accepted. */
EG_API void eg_duty_set_free(eg_duty_set *set);

/**
 * @brief Add a duty (copied). On failure the set is unchanged.
 * @param set The set.
 * @param def The definition.
 * @return ::EG_OK; ::EG_EINVAL (NULL, unknown version, shape, period,
 *         match or unit; a missing kind, rule or ID; neither or both of
 *         actor and group where one is needed; a bad date; min_count < 1;
 *         a limit that the shape does not take; unknown flags), ::EG_EEXISTS
 *         (the ID is taken), ::EG_ERANGE (a text too long), ::EG_EUTF8,
 *         ::EG_ENOMEM.
 */
EG_API int eg_duty_set_add(eg_duty_set *set, const eg_duty_def *def);

/**
 * @brief The duties of a preset, by name.
 *
 * `name` is a jurisdiction ("changji-2023", "dongguan-2019",
 * "jiangmen-2021", "mee-2020", "yulin-2019": every duty of section 9 of the
 * rule catalogue for it, with the older cadences and deadlines), a duty ID
 * ("DG-52-bulletin") or a rule ID ("DG-52": every duty citing it).
 * The duties are those of the shipped scheme documents (their `duties`
 * arrays, data/schemes/); a jurisdiction with its own document takes its
 * duties with eg_scheme_duties(). docs/rules.md lists the duties, their
 * kinds, groups and readings.
 *
 * @param[out] out Receives a new set (caller frees).
 * @param name The preset.
 * @return ::EG_OK, ::EG_EINVAL, ::EG_ENOTFOUND, ::EG_ENOMEM.
 */
EG_API int eg_duty_set_preset(eg_duty_set **out, const char *name);

/** @brief Number of duties; 0 for NULL. */
EG_API size_t eg_duty_set_count(const eg_duty_set *set);

/**
 * @brief The i-th duty, as a definition whose strings are borrowed from the set.
 * @param[out] def Receives the definition (its `version` is ::EG_DUTY_DEF_VERSION).
 * @param set The set.
 * @param i Index.
 * @return ::EG_OK, ::EG_EINVAL, ::EG_ERANGE (i out of range).
 */
EG_API int eg_duty_set_at(eg_duty_def *def, const eg_duty_set *set, size_t i);

/**
 * @brief Record the source a duty implements: the article and the words of
 * the regulation, as every assessment item and ladder clause carries them.
 *
 * Every duty of a scheme document has one (the loader refuses a duty
 * without it), so the sets of eg_duty_set_preset() and eg_scheme_duties()
 * carry them; a duty added with eg_duty_set_add() has none until this is
 * called. The rows of eg_duty_status() cite it (eg_duty_rows_source()).
 * Setting it again replaces it.
 *
 * @param set The set.
 * @param id The duty's ID.
 * @param article Where in the regulation, e.g. "附件1 第十七条" or "第52项" (1–512 bytes).
 * @param quote The regulation's words, verbatim from the source document (1–1024 bytes).
 * @return ::EG_OK; ::EG_EINVAL (NULL, an empty text), ::EG_ERANGE (a text too
 *         long), ::EG_EUTF8, ::EG_ENOTFOUND (no duty with that ID), ::EG_ENOMEM.
 *         On failure the set is unchanged.
 */
EG_API int eg_duty_set_set_source(eg_duty_set *set, const char *id, const char *article, const char *quote);

/**
 * @brief The source of the i-th duty: the regulation's article and words.
 * @param[out] article Receives the article (borrowed from the set), or NULL when the duty has no source.
 * @param[out] quote Receives the quoted words (borrowed), or NULL.
 * @param set The set.
 * @param i Index below eg_duty_set_count().
 * @return ::EG_OK, ::EG_EINVAL (NULL), ::EG_ERANGE (i out of range; nothing written).
 */
EG_API int eg_duty_set_source(const char **article, const char **quote, const eg_duty_set *set, size_t i);

/**
 * @brief A cadence preset: the parameters of a periodic duty of the presets.
 *
 * @deprecated Kept for callers of the old cadence check. Use
 * eg_duty_set_preset() with the duty ID and eg_duty_set_at(): the same
 * duty, with everything the check needs (actors, start, tags) and its
 * source (eg_duty_set_source()). This function reads the same table
 * through the same definition, so the two never disagree.
 *
 * | name | kind | period | at least | flags |
 * |---|---|---|---|---|
 * | CJ-G.8-patrol | patrol | day | 1 (each level-4 supervisor) | |
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
 * Any other periodic duty ID of eg_duty_set_preset() is accepted too.
 *
 * @param[out] kind Receives the record kind (static).
 * @param[out] period Receives the ::eg_duty_period.
 * @param[out] min_count Receives the minimum.
 * @param[out] flags Receives ::EG_DUTY_CADENCE_NIGHT_OR_HOLIDAY or 0.
 * @param[out] rule Receives the rule ID to cite (static).
 * @param name The duty ID.
 * @return ::EG_OK, ::EG_EINVAL, ::EG_ENOTFOUND (no periodic duty by that ID).
 */
EG_API int eg_duty_cadence_preset(const char **kind, int *period, int32_t *min_count, unsigned int *flags,
				  const char **rule, const char *name);

/** @brief Types of log records. */
typedef enum eg_duty_record_type {
	/** A thing done or that happened: a meeting, a publication, an alert, a change. */
	EG_DUTY_RECORD_TYPE_DONE = 0,
	/** An exception to a 原则上 duty for an actor and a period, with reason and approver (R0.8). */
	EG_DUTY_RECORD_TYPE_EXCEPTION = 1,
	/** A conflict in the register: `actor` (a person or unit, "*" for any) with `subject` ("*" for any), of relation `kind`, from `time` to `end` (CJ-A1-11, MEE-2.3, MEE-2.4). */
	EG_DUTY_RECORD_TYPE_CONFLICT = 2
} eg_duty_record_type;

/** @brief Version of ::eg_duty_record understood by this library. */
#define EG_DUTY_RECORD_VERSION 1

/**
 * @brief One record of a duty log (eg_duty_log_add()). Initialise with
 * ::EG_DUTY_RECORD_INIT or eg_duty_record_init(); strings are copied.
 */
typedef struct eg_duty_record {
	unsigned int version; /**< ::EG_DUTY_RECORD_VERSION. */
	int type;             /**< ::eg_duty_record_type. */
	const char *kind;     /**< What was done (exceptions: unused, may be NULL). */
	const char *actor;    /**< Who: one actor, or several separated by ';' (a joint meeting counts for each). */
	const char *time;     /**< When it was done: "YYYY-MM-DD" or "YYYY-MM-DD HH:MM" (CST). */
	const char *end;      /**< Its end (an alert's end, a certificate's expiry, a recording's end), or NULL. */
	/**
	 * The period the record is for ("2026", "2026H1", "2026Q2", "2026-05",
	 * "2026-W05", "2026-05-03"), or NULL; for an exception, the period
	 * excused (a row's period) — or, for an event duty, the event's ID.
	 */
	const char *period;
	const char *id;       /**< The record's ID (events are answered by it), or NULL. */
	const char *ref;      /**< The ID of the event this record answers, or NULL. */
	const char *subject;  /**< What the record is about (an enterprise, a case, a post), or NULL. */
	const char *tags;     /**< Content flags, comma-separated ("quality,campaign"), or NULL. */
	const char *covers;   /**< Actors the record covers, comma-separated, or NULL. */
	const char *rule;     /**< Exceptions: the duty ID or rule ID excused. */
	const char *reason;   /**< Exceptions: why (required). */
	const char *approver; /**< Exceptions: who approved it (required). */
} eg_duty_record;

/** @brief Static initialiser for ::eg_duty_record: a record of a thing done, every field unset. */
#define EG_DUTY_RECORD_INIT { EG_DUTY_RECORD_VERSION, EG_DUTY_RECORD_TYPE_DONE, NULL, NULL, NULL, NULL, NULL, NULL, \
		NULL, NULL, NULL, NULL, NULL, NULL, NULL }

/**
 * @brief Initialise a record to ::EG_DUTY_RECORD_INIT (for FFIs).
 * @param[out] rec The record (every field written).
 * @param version ::EG_DUTY_RECORD_VERSION.
 * @return ::EG_OK, ::EG_EINVAL (NULL or an unknown version; nothing written).
 */
EG_API int eg_duty_record_init(eg_duty_record *rec, unsigned int version);

/** @brief A log of records and group memberships (opaque; one thread at a time while it changes). */
typedef struct eg_duty_log eg_duty_log;

/**
 * @brief An empty log.
 * @param[out] out Receives the log; free with eg_duty_log_free().
 * @return ::EG_OK, ::EG_EINVAL, ::EG_ENOMEM.
 */
EG_API int eg_duty_log_new(eg_duty_log **out);

/** @brief Free a log; NULL is accepted. */
EG_API void eg_duty_log_free(eg_duty_log *log);

/**
 * @brief Add a record (copied). On failure the log is unchanged.
 * @param log The log.
 * @param rec The record.
 * @return ::EG_OK; ::EG_EINVAL (NULL, unknown version or type, no kind
 *         or actor, a bad time, end or period, an end before the time, an
 *         exception without rule, period, reason or approver), ::EG_ERANGE
 *         (a text too long), ::EG_EUTF8, ::EG_ENOMEM.
 */
EG_API int eg_duty_log_add(eg_duty_log *log, const eg_duty_record *rec);

/**
 * @brief Add an actor to a group (a member listed twice counts once).
 * @param log The log.
 * @param group Group name (e.g. "level2", "enterprise").
 * @param member The actor.
 * @return ::EG_OK, ::EG_EINVAL, ::EG_ERANGE, ::EG_EUTF8, ::EG_ENOMEM.
 */
EG_API int eg_duty_log_add_member(eg_duty_log *log, const char *group, const char *member);

/** @brief Number of records (memberships not counted); 0 for NULL. */
EG_API size_t eg_duty_log_count(const eg_duty_log *log);

/** @brief States of a duty for an actor and a period or event. */
typedef enum eg_duty_state {
	EG_DUTY_STATE_MET = 0,        /**< done as required, by the due date */
	EG_DUTY_STATE_MISSED = 1,     /**< not done and the due date has passed: a finding */
	EG_DUTY_STATE_LATE = 2,       /**< done, but after the due date: a finding */
	EG_DUTY_STATE_EXCUSED = 3,    /**< a 原则上 finding with a recorded exception (R0.8) */
	EG_DUTY_STATE_NOT_DUE = 4,    /**< not done yet, the due date has not passed */
	EG_DUTY_STATE_OPEN = 5,       /**< not done, with no limit (R0.9(b)): listed, not a finding */
	EG_DUTY_STATE_INCOMPLETE = 6, /**< records there, but without the required content or coverage: a finding */
	EG_DUTY_STATE_BREACH = 7,     /**< an act while a conflict was in force: a finding */
	EG_DUTY_STATE_NOTED = 8       /**< a duty with no period (R0.11): the longest gap is reported, never a finding */
} eg_duty_state;

/** @brief The state's name ("met", "missed", "late", "excused", "not_due", "open", "incomplete", "breach", "noted"), static, or NULL. */
EG_API const char *eg_duty_state_name(int state);

/** @brief Status flag: report only findings (missed, late, incomplete, breach). */
#define EG_DUTY_STATUS_FINDINGS_ONLY 0x1u
/** @brief Status flag: ignore recorded exceptions (R0.8: a rule set that accepts none). */
#define EG_DUTY_STATUS_NO_EXCEPTIONS 0x2u

/** @brief Version of ::eg_duty_status_options understood by this library. */
#define EG_DUTY_STATUS_OPTIONS_VERSION 1

/** @brief Options of eg_duty_status(). Initialise with ::EG_DUTY_STATUS_OPTIONS_INIT or eg_duty_status_options_init(). */
typedef struct eg_duty_status_options {
	unsigned int version;              /**< ::EG_DUTY_STATUS_OPTIONS_VERSION. */
	/** First day reported, "YYYY-MM-DD", or NULL: each duty from its start. A duty with neither is an error. */
	const char *from;
	/** The working-day calendar (working-day limits, DG-15 rest days, extensions), or NULL when none is needed. */
	const eg_duty_workdays *workdays;
	unsigned int flags;                /**< EG_DUTY_STATUS_* bits. */
} eg_duty_status_options;

/** @brief Static initialiser for ::eg_duty_status_options. */
#define EG_DUTY_STATUS_OPTIONS_INIT { EG_DUTY_STATUS_OPTIONS_VERSION, NULL, NULL, 0u }

/**
 * @brief Initialise status options to ::EG_DUTY_STATUS_OPTIONS_INIT (for FFIs).
 * @param[out] opts The options (every field written).
 * @param version ::EG_DUTY_STATUS_OPTIONS_VERSION.
 * @return ::EG_OK, ::EG_EINVAL (NULL or an unknown version; nothing written).
 */
EG_API int eg_duty_status_options_init(eg_duty_status_options *opts, unsigned int version);

/** @brief The rows of eg_duty_status() (opaque). */
typedef struct eg_duty_rows eg_duty_rows;

/**
 * @brief The office's calendar on a date: per duty, actor and period (or
 * event), what was required, what was counted and the state.
 *
 * Periodic duties (R0.5–R0.8): one row per actor and period, from the
 * first whole period on or after the start (R0.7) up to the period that
 * contains `date`; a record counts in the period of its date (or of its
 * `period` field, ::EG_DUTY_FLAG_FOR_PERIOD) and nowhere else, once for
 * each duty it meets. Event duties: one row per event on or after the
 * start and on or before `date`, and per actor who owes the response.
 * Once duties: one row per actor. Conflict duties: one row per act. Gap
 * duties (R0.11): one row per actor, state noted.
 *
 * Rows come in the order of the set's duties, then actors in the order
 * they were given or joined the group, then periods or events in time.
 *
 * @param[out] out Receives the rows; free with eg_duty_rows_free().
 * @param set The duties.
 * @param log The records (NULL: an empty log).
 * @param date The day judged "YYYY-MM-DD" (its whole day included, R0.3).
 * @param opts Options, or NULL for the defaults.
 * @return ::EG_OK; ::EG_EINVAL (NULL set or date, a bad date, unknown
 *         options version, a duty with no start and no `from`, a
 *         working-day limit or rest-day flag with no calendar), ::EG_ERANGE
 *         (a day outside the calendar's years; more than 10,000,000 rows),
 *         ::EG_ENOMEM.
 * @see R0.5–R0.11, section 9 of the rule catalogue.
 */
EG_API int eg_duty_status(eg_duty_rows **out, const eg_duty_set *set, const eg_duty_log *log, const char *date,
			  const eg_duty_status_options *opts);

/** @brief Free rows; NULL is accepted. */
EG_API void eg_duty_rows_free(eg_duty_rows *rows);
/** @brief Number of rows; 0 for NULL. */
EG_API size_t eg_duty_rows_count(const eg_duty_rows *rows);
/** @brief The rule ID of row i (borrowed), or NULL. */
EG_API const char *eg_duty_rows_rule(const eg_duty_rows *rows, size_t i);
/** @brief The duty ID of row i (borrowed), or NULL. */
EG_API const char *eg_duty_rows_duty(const eg_duty_rows *rows, size_t i);
/** @brief The actor of row i (borrowed), or NULL. */
EG_API const char *eg_duty_rows_actor(const eg_duty_rows *rows, size_t i);
/**
 * @brief The period of row i (borrowed): "2026-05-03", "2026-W19", "2026-05", "2026Q2",
 * "2026H1", "2026"; the window's first day for rolling weeks; the event's or act's ID
 * (or its time when it has none) for event and conflict duties; "" for once and gap duties. NULL out of range.
 */
EG_API const char *eg_duty_rows_period(const eg_duty_rows *rows, size_t i);
/** @brief The due date of row i "YYYY-MM-DD" (borrowed), "" when there is none, or NULL. */
EG_API const char *eg_duty_rows_due(const eg_duty_rows *rows, size_t i);
/** @brief Records required in row i (0 for conflict and gap rows), or -1 out of range. */
EG_API int64_t eg_duty_rows_required(const eg_duty_rows *rows, size_t i);
/** @brief Records counted in row i (complete, on or before the day judged), or -1 out of range. */
EG_API int64_t eg_duty_rows_counted(const eg_duty_rows *rows, size_t i);
/** @brief The ::eg_duty_state of row i, or -1 out of range. */
EG_API int eg_duty_rows_state(const eg_duty_rows *rows, size_t i);
/** @brief 1 when row i is a 原则上 duty (R0.8), 0 otherwise, -1 out of range. */
EG_API int eg_duty_rows_in_principle(const eg_duty_rows *rows, size_t i);
/**
 * @brief Days of row i: past the due date (late: when it was done; missed:
 * up to the day judged), the delay of a response with no limit, or the
 * longest gap (noted); 0 otherwise, -1 out of range.
 */
EG_API int64_t eg_duty_rows_days(const eg_duty_rows *rows, size_t i);
/** @brief Row i as one sentence with the rule ID, in Chinese or English (borrowed), or NULL. */
EG_API const char *eg_duty_rows_message(const eg_duty_rows *rows, size_t i, int lang);
/**
 * @brief The source of the duty that row i judges: the regulation's article
 * and words (eg_duty_set_set_source()), beside the rule ID of
 * eg_duty_rows_rule(). Every row of a scheme's duties has one.
 * @param[out] article Receives the article (borrowed from the rows), or NULL when the duty has no source.
 * @param[out] quote Receives the quoted words (borrowed), or NULL.
 * @param rows The rows.
 * @param i Index below eg_duty_rows_count().
 * @return ::EG_OK, ::EG_EINVAL (NULL), ::EG_ERANGE (i out of range; nothing written).
 */
EG_API int eg_duty_rows_source(const char **article, const char **quote, const eg_duty_rows *rows, size_t i);

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
