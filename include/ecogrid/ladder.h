/**
 * @file ladder.h
 * @brief Escalation ladders: streaks and counts over calendar months.
 *
 * A ladder turns each unit's monthly values into actions of increasing
 * severity (none < criticism < interview < … < accountability), by
 * clauses of three kinds: the condition holds in a single month, for N
 * consecutive calendar months (a missing month breaks the streak, R0.4),
 * or M times within a window (rolling 12 months or the calendar year).
 * Clauses mapping to the same action combine by "any"; a clause may also
 * require a flag in the month or the year ("all"). The month's outcome is
 * the most severe action reached, and every clause that fired is listed
 * with a message naming the months and values.
 *
 * Presets: `CJ-A2-7.3` (problem share), `CJ-A2-7.1` (failing months),
 * `CJ-A3-4` (last place in the air-quality ranking), `CJ-M-4.3`
 * (re-checks), `DG-65` (bottom 3 of the enforcement ranking, DG-65/66),
 * `DG-63` (criticisms in 12 months), `JM-2.3` (accountability situations).
 *
 * Evaluation is incremental: a state carries what the ladder needs from
 * past months (at most the last 12 observed months per unit); each call
 * to eg_ladder_step() adds one month. A series is evaluated by stepping
 * through it. The state serialises to a plain, versioned text and parses
 * back exactly, so a monthly system stores it in its database instead of
 * replaying history.
 *
 * Arithmetic is exact (R0.2): a share is compared as 100 · count ≥ p · total;
 * thresholds include the number itself (R0.1); a month whose total is 0
 * gives no share and no action.
 */
#ifndef ECOGRID_LADDER_H
#define ECOGRID_LADDER_H

#include <ecogrid/common.h>

#ifdef __cplusplus
extern "C" {
#endif

/** @brief A built, immutable ladder (opaque; shareable across threads). */
typedef struct eg_ladder eg_ladder;
/** @brief A ladder builder (opaque). */
typedef struct eg_ladder_builder eg_ladder_builder;
/** @brief The state carried from month to month (opaque). */
typedef struct eg_ladder_state eg_ladder_state;
/** @brief The outcome of one month for every unit (opaque). */
typedef struct eg_ladder_outcome eg_ladder_outcome;

/** @brief How a unit's monthly value is judged by a clause's threshold. */
typedef enum eg_ladder_measure {
	EG_LADDER_MEASURE_SHARE = 0,      /**< value = count; holds when 100·count ≥ threshold·(sum of the month's counts) > 0 (CJ-A2-7.3). */
	EG_LADDER_MEASURE_AT_LEAST = 1,   /**< holds when value ≥ threshold (CJ-M-4.3, DG-63, JM-2.3). */
	EG_LADDER_MEASURE_LAST_PLACE = 2, /**< value = rank (1 best); holds for every unit at the month's worst rank (CJ-A3-4). */
	EG_LADDER_MEASURE_BOTTOM_N = 3,   /**< value = competition rank; holds when the unit's tie group reaches the worst `threshold` positions (DG-65/66). */
	EG_LADDER_MEASURE_FLAG = 4        /**< holds when value ≠ 0 (CJ-A2-7.1: a failing month). */
} eg_ladder_measure;

/** @brief Kinds of clauses. */
typedef enum eg_ladder_clause_kind {
	EG_LADDER_CLAUSE_KIND_SINGLE = 0,      /**< holds in the month itself. */
	EG_LADDER_CLAUSE_KIND_CONSECUTIVE = 1, /**< holds in `count` consecutive calendar months ending with this one. */
	EG_LADDER_CLAUSE_KIND_ROLLING_12 = 2,  /**< holds at least `count` times in the 12 months ending with this one. */
	EG_LADDER_CLAUSE_KIND_CALENDAR_YEAR = 3 /**< holds at least `count` times in this calendar year up to this month. */
} eg_ladder_clause_kind;

/** @brief Extra flag a clause needs ("all"). */
typedef enum eg_ladder_flag {
	EG_LADDER_FLAG_NONE = 0,  /**< no flag needed. */
	EG_LADDER_FLAG_MONTH = 1, /**< the unit's flag is set this month (JM-2.3: a serious situation). */
	EG_LADDER_FLAG_YEAR = 2   /**< the unit's flag is set in some month of this calendar year (CJ-A3-4: annual target missed). */
} eg_ladder_flag;

/** @brief Version of ::eg_ladder_clause understood by this library. */
#define EG_LADDER_CLAUSE_VERSION 1

/**
 * @brief A clause, passed to eg_ladder_builder_add_clause(). Initialise with
 * ::EG_LADDER_CLAUSE_INIT or eg_ladder_clause_init().
 */
typedef struct eg_ladder_clause {
	unsigned int version; /**< ::EG_LADDER_CLAUSE_VERSION. */
	const char *rule;     /**< Rule ID cited in messages (e.g. "CJ-A2-7.3"). */
	const char *action;   /**< ID of an action added before. */
	int kind;             /**< ::eg_ladder_clause_kind. */
	int32_t count;        /**< N (consecutive) or M (window); 1 for single clauses. */
	int64_t threshold;    /**< Percent for shares, minimum for AT_LEAST, N for BOTTOM_N; unused otherwise. */
	int window_sum;       /**< Window clauses: nonzero to add up the values (criticisms) instead of counting months. */
	int flag;             /**< ::eg_ladder_flag. */
} eg_ladder_clause;

/** @brief Static initialiser for ::eg_ladder_clause. */
#define EG_LADDER_CLAUSE_INIT { EG_LADDER_CLAUSE_VERSION, NULL, NULL, EG_LADDER_CLAUSE_KIND_SINGLE, 1, 0, 0, EG_LADDER_FLAG_NONE }

/**
 * @brief Initialise a clause to ::EG_LADDER_CLAUSE_INIT, for callers that
 * cannot expand the macro (FFIs).
 * @param[out] clause The clause (every field written).
 * @param version ::EG_LADDER_CLAUSE_VERSION, the version the caller was written for.
 * @return ::EG_OK, ::EG_EINVAL (NULL, or a version this library does not know; nothing written).
 */
EG_API int eg_ladder_clause_init(eg_ladder_clause *clause, unsigned int version);

/* ------------------------------------------------------------------ */
/* Ladders                                                              */
/* ------------------------------------------------------------------ */

/** @brief Version of ::eg_ladder_builder_options understood by this library. */
#define EG_LADDER_BUILDER_OPTIONS_VERSION 1

/**
 * @brief The optional flag labels of eg_ladder_builder_new().
 *
 * A versioned options struct (the ABI rule for calls past six
 * parameters): initialise it with ::EG_LADDER_BUILDER_OPTIONS_INIT
 * or eg_ladder_builder_options_init() so that fields added later get their defaults.
 */
typedef struct eg_ladder_builder_options {
	unsigned int version; /**< ::EG_LADDER_BUILDER_OPTIONS_VERSION. */
	const char *flag_zh;  /**< Chinese words for the flag (e.g. "未完成年度目标"), or NULL for a ladder without flags. */
	const char *flag_en;  /**< English words for the flag, or NULL. */
} eg_ladder_builder_options;

/** @brief Static initialiser for ::eg_ladder_builder_options (the defaults). */
#define EG_LADDER_BUILDER_OPTIONS_INIT { EG_LADDER_BUILDER_OPTIONS_VERSION, NULL, NULL }

/**
 * @brief Initialise options to ::EG_LADDER_BUILDER_OPTIONS_INIT, for callers that cannot
 * expand the macro (FFIs).
 * @param[out] opts The options (every field written).
 * @param version ::EG_LADDER_BUILDER_OPTIONS_VERSION, the version the caller was written for.
 * @return ::EG_OK, ::EG_EINVAL (NULL, or a version this library does not know; nothing written).
 */
EG_API int eg_ladder_builder_options_init(eg_ladder_builder_options *opts, unsigned int version);

/**
 * @brief Start a ladder.
 * @param[out] out Receives the builder; free with eg_ladder_builder_free().
 * @param name Ladder name (1–64 bytes).
 * @param measure ::eg_ladder_measure.
 * @param label_zh Chinese words for "the condition holds" in messages (e.g. "考核不合格").
 * @param label_en English words for it (e.g. "failed the assessment").
 * @param opts The flag labels (::eg_ladder_builder_options), or NULL for a
 *        ladder without flags.
 * @return ::EG_OK, ::EG_EINVAL (also an unknown opts version), ::EG_EUTF8, ::EG_ERANGE, ::EG_ENOMEM.
 */
EG_API int eg_ladder_builder_new(eg_ladder_builder **out, const char *name, int measure,
				 const char *label_zh, const char *label_en, const eg_ladder_builder_options *opts);

/** @brief Free a builder; NULL is accepted. */
EG_API void eg_ladder_builder_free(eg_ladder_builder *b);

/**
 * @brief Add the next action, more severe than every action added before.
 * @param b The builder.
 * @param id Action ID (e.g. "interview"); "none" is reserved for severity 0.
 * @param name_zh Chinese name (e.g. "约谈").
 * @param name_en English name.
 * @return ::EG_OK, ::EG_EINVAL, ::EG_EEXISTS, ::EG_ERANGE (more than 15), ::EG_ENOMEM.
 */
EG_API int eg_ladder_builder_add_action(eg_ladder_builder *b, const char *id,
					const char *name_zh, const char *name_en);

/**
 * @brief Add a clause.
 * @param b The builder.
 * @param c The clause (copied).
 * @return ::EG_OK, ::EG_EINVAL (version, kind, flag, window_sum on a
 *         non-window clause), ::EG_ENOTFOUND (action), ::EG_ERANGE (count
 *         outside 1–12, negative threshold, more than 32 clauses), ::EG_ENOMEM.
 */
EG_API int eg_ladder_builder_add_clause(eg_ladder_builder *b, const eg_ladder_clause *c);

/**
 * @brief Build an immutable ladder (the builder is unchanged).
 * @return ::EG_OK, ::EG_EINVAL (no clauses: a ladder with no steps), ::EG_ENOMEM.
 */
EG_API int eg_ladder_build(eg_ladder **out, const eg_ladder_builder *b);

/**
 * @brief Record the source a clause implements: the article and the words of
 * the regulation. The clause's entries in outcomes carry it
 * (eg_ladder_outcome_clause_source()).
 * @param b The builder.
 * @param clause Index of a clause added before (0 for the first).
 * @param article Where in the regulation, e.g. "附件2 第七条(三)" (1–512 bytes).
 * @param quote The regulation's words, verbatim (1–1024 bytes).
 * @return ::EG_OK, ::EG_EINVAL, ::EG_ENOTFOUND (no such clause), ::EG_EUTF8, ::EG_ERANGE, ::EG_ENOMEM.
 */
EG_API int eg_ladder_builder_set_clause_source(eg_ladder_builder *b, size_t clause, const char *article,
					       const char *quote);

/**
 * @brief A preset ladder by name.
 *
 * Presets are read from the shipped scheme documents embedded in the
 * library (data/schemes/, see scheme.h); every clause carries its source
 * (eg_ladder_outcome_clause_source()).
 *
 * | name | measure, value | actions (severity order) |
 * |---|---|---|
 * | `CJ-A2-7.3` | share of the month's CJ-A2-5.4 problems | criticism; interview (2 months ≥ 10 % or 1 month ≥ 20 %); accountability (3 months ≥ 10 % or 2 months ≥ 20 %) |
 * | `CJ-A2-7.1` | flag: the month failed | special_inspection (3 consecutive failing months: special inspection and accountability recommendation) |
 * | `CJ-A3-4` | rank in the air-quality improvement ranking; flag = annual target missed | criticism; interview_deputy (2); interview_principal (3); accountability (≥ 4 consecutive, or ≥ 3 times in the calendar year with the flag) |
 * | `CJ-M-4.3` | checks at which a measure was still not rectified | criticism (1); interview_deputy (2); interview_principal (3) |
 * | `DG-65` | rank in the enforcement ranking | interview_deputy (bottom 3, ties included, DG-65); interview_principal (two months running, DG-66) |
 * | `DG-63` | times publicly criticised in the month | accountability (≥ 3 in a rolling 12 months) |
 * | `JM-2.3` | accountability situations in the period; flag = serious | interview (1: interview or self-criticism at the committee); written_self_criticism (≥ 2, or 1 serious: written self-criticism and city-wide criticism) |
 *
 * @param[out] out Receives a new ladder (caller frees).
 * @param name Preset name.
 * @return ::EG_OK, ::EG_EINVAL, ::EG_ENOTFOUND, ::EG_ENOMEM.
 */
EG_API int eg_ladder_preset(eg_ladder **out, const char *name);

/** @brief Free a ladder; NULL is accepted. */
EG_API void eg_ladder_free(eg_ladder *l);
/** @brief The ladder's name (borrowed); NULL for NULL. */
EG_API const char *eg_ladder_name(const eg_ladder *l);
/** @brief Number of actions including "none" at severity 0; 0 for NULL. */
EG_API size_t eg_ladder_action_count(const eg_ladder *l);
/** @brief Action ID of a severity ("none" for 0), or NULL. */
EG_API const char *eg_ladder_action_id(const eg_ladder *l, size_t severity);
/** @brief Action name of a severity in a language (borrowed), or NULL. */
EG_API const char *eg_ladder_action_name(const eg_ladder *l, size_t severity, int lang);

/* ------------------------------------------------------------------ */
/* State and stepping                                                   */
/* ------------------------------------------------------------------ */

/**
 * @brief A fresh state (no month seen yet) for a ladder, which must outlive it.
 * @return ::EG_OK, ::EG_EINVAL, ::EG_ENOMEM.
 */
EG_API int eg_ladder_state_new(eg_ladder_state **out, const eg_ladder *l);

/** @brief Free a state; NULL is accepted. */
EG_API void eg_ladder_state_free(eg_ladder_state *s);

/**
 * @brief The last month the state has seen, "YYYY-MM", or NULL before the first.
 * @return Borrowed from the state, valid until it changes.
 */
EG_API const char *eg_ladder_state_last_month(const eg_ladder_state *s);

/**
 * @brief The streak a unit is on: how many calendar months in a row, ending
 * with the state's last month, its value met the condition of one of the
 * ladder's consecutive-month clauses (the longest such run over those clauses).
 *
 * A month in which the unit gets no value breaks the run (R0.4), so this is
 * what a missing month would break. The history kept is the last 12
 * observations, so the count is at most 12.
 *
 * @param[out] months Receives the run's length; 0 when the unit is on no
 *        streak, was not stepped in the state's last month, or is unknown.
 * @param s The state.
 * @param unit The unit's ID.
 * @return ::EG_OK or ::EG_EINVAL (NULL).
 * @see eg_ladder_step(), R0.4, CJ-A2-7.3, CJ-A2-7.1, CJ-A3-4.
 */
EG_API int eg_ladder_state_streak(int32_t *months, const eg_ladder_state *s, const char *unit);

/**
 * @brief Serialise a state to text (versioned, line-based, UTF-8).
 * @param[out] out Receives a new NUL-terminated string; free with eg_string_free().
 * @param s The state.
 * @return ::EG_OK, ::EG_EINVAL, ::EG_ENOMEM.
 */
EG_API int eg_ladder_state_serialize(char **out, const eg_ladder_state *s);

/**
 * @brief Parse a serialised state back (exactly what eg_ladder_state_serialize() wrote).
 * @param[out] out Receives the state.
 * @param l The ladder the state belongs to (its name must match).
 * @param text The text.
 * @param len Its length in bytes.
 * @return ::EG_OK, ::EG_EINVAL, ::EG_EPARSE (line named), ::EG_EUTF8, ::EG_ENOMEM.
 */
EG_API int eg_ladder_state_parse(eg_ladder_state **out, const eg_ladder *l, const char *text, size_t len);

/** @brief Version of ::eg_ladder_step_options understood by this library. */
#define EG_LADDER_STEP_OPTIONS_VERSION 1

/**
 * @brief The month's units and values stepped by eg_ladder_step().
 *
 * A versioned options struct (the ABI rule for calls past six
 * parameters): initialise it with ::EG_LADDER_STEP_OPTIONS_INIT
 * or eg_ladder_step_options_init() so that fields added later get their defaults.
 */
typedef struct eg_ladder_step_options {
	unsigned int version;     /**< ::EG_LADDER_STEP_OPTIONS_VERSION. */
	const char *const *units; /**< Unit IDs (1–64 bytes, unique; borrowed for the call). */
	const int64_t *values;    /**< Each unit's value (≥ 0). */
	const int *flags;         /**< Each unit's flag, or NULL for none. */
	size_t n_units;           /**< Number of units. */
} eg_ladder_step_options;

/** @brief Static initialiser for ::eg_ladder_step_options (the defaults). */
#define EG_LADDER_STEP_OPTIONS_INIT { EG_LADDER_STEP_OPTIONS_VERSION, NULL, NULL, NULL, 0 }

/**
 * @brief Initialise options to ::EG_LADDER_STEP_OPTIONS_INIT, for callers that cannot
 * expand the macro (FFIs).
 * @param[out] opts The options (every field written).
 * @param version ::EG_LADDER_STEP_OPTIONS_VERSION, the version the caller was written for.
 * @return ::EG_OK, ::EG_EINVAL (NULL, or a version this library does not know; nothing written).
 */
EG_API int eg_ladder_step_options_init(eg_ladder_step_options *opts, unsigned int version);

/**
 * @brief Add one month to the state and judge it.
 *
 * On failure the state is unchanged.
 *
 * @param[out] out Receives the month's outcome (caller frees), one entry per unit given.
 * @param s The state; the month must come after eg_ladder_state_last_month().
 * @param month "YYYY-MM".
 * @param opts The month's units, values and flags (::eg_ladder_step_options).
 * @return ::EG_OK; ::EG_EINVAL (NULL, an unknown opts version, bad month, negative value),
 *         ::EG_ESTATE (month not after the last one: out of order or
 *         duplicated), ::EG_EEXISTS (a unit twice), ::EG_EUTF8,
 *         ::EG_ERANGE, ::EG_ENOMEM.
 */
EG_API int eg_ladder_step(eg_ladder_outcome **out, eg_ladder_state *s, const char *month,
			  const eg_ladder_step_options *opts);

/** @brief Free an outcome; NULL is accepted. */
EG_API void eg_ladder_outcome_free(eg_ladder_outcome *o);
/** @brief Number of units in the outcome. */
EG_API size_t eg_ladder_outcome_count(const eg_ladder_outcome *o);
/** @brief The i-th unit's ID (borrowed), or NULL. */
EG_API const char *eg_ladder_outcome_unit(const eg_ladder_outcome *o, size_t i);
/** @brief The i-th unit's severity (0 = none), or -1. */
EG_API int eg_ladder_outcome_severity(const eg_ladder_outcome *o, size_t i);
/** @brief The i-th unit's action ID (borrowed), or NULL. */
EG_API const char *eg_ladder_outcome_action(const eg_ladder_outcome *o, size_t i);
/** @brief Number of clauses that fired for the i-th unit. */
EG_API size_t eg_ladder_outcome_clause_count(const eg_ladder_outcome *o, size_t i);
/** @brief Rule ID of the k-th clause that fired for the i-th unit (borrowed), or NULL. */
EG_API const char *eg_ladder_outcome_clause_rule(const eg_ladder_outcome *o, size_t i, size_t k);
/** @brief Action ID of the k-th clause that fired for the i-th unit (borrowed), or NULL. */
EG_API const char *eg_ladder_outcome_clause_action(const eg_ladder_outcome *o, size_t i, size_t k);
/**
 * @brief Message of the k-th clause that fired for the i-th unit, naming
 * the months and values, e.g. "2026-09: 12/80 = 15.0%, 2026-10: 9/60 =
 * 15.0%, ≥ 10% two months running → interview (CJ-A2-7.3)".
 * @return Borrowed from the outcome, or NULL.
 */
EG_API const char *eg_ladder_outcome_clause_message(const eg_ladder_outcome *o, size_t i, size_t k, int lang);

/**
 * @brief The source of the k-th clause that fired for the i-th unit: the
 * regulation's article and words (every clause of a scheme document has one).
 * @param[out] article Receives the article (borrowed from the outcome), or NULL when the clause has none.
 * @param[out] quote Receives the quoted words (borrowed), or NULL.
 * @param o The outcome.
 * @param i The unit.
 * @param k The clause.
 * @return ::EG_OK, ::EG_EINVAL (NULL), ::EG_ERANGE (i or k out of range).
 */
EG_API int eg_ladder_outcome_clause_source(const char **article, const char **quote, const eg_ladder_outcome *o,
					   size_t i, size_t k);

/* ------------------------------------------------------------------ */
/* Batch                                                                */
/* ------------------------------------------------------------------ */

/**
 * @brief Evaluate a series of consecutive months for groups of units in
 * one call, returning each unit's severity per month, so that bindings
 * pass buffers once instead of stepping month by month.
 *
 * Units are split into consecutive groups (e.g. the counties of each
 * prefecture): each group gets a fresh state (eg_ladder_state_new()) and
 * is stepped through the months with eg_ladder_step(), so a share
 * (CJ-A2-7.3) is taken of its group's month total and a rank ladder
 * (CJ-A3-4, DG-65) compares a group's units only. The result equals that
 * of those calls; the clauses and messages are not returned (step a state
 * for them).
 *
 * @param[out] severity n_months × n_units severities (0 = none; see
 *        eg_ladder_action_id()), `severity[m * n_units + u]` (caller-owned;
 *        contents unspecified on failure).
 * @param l The ladder (borrowed).
 * @param first_month The first month, "YYYY-MM"; month m is m calendar months later.
 * @param n_months Number of months (≤ 12,000, not past 9999-12).
 * @param units n_units unit IDs (borrowed; unique within a group, 1–64 bytes).
 * @param group_sizes n_groups sizes (each ≥ 1) adding up to n_units, or NULL for one group of all units.
 * @param n_groups Number of groups (ignored when group_sizes is NULL).
 * @param values n_months × n_units values (≥ 0), `values[m * n_units + u]` (borrowed).
 * @param flags n_months × n_units flags in the same layout, or NULL for none (borrowed).
 * @param n_units Number of units.
 * @return ::EG_OK, ::EG_EINVAL (NULL, bad month, empty group, groups not
 *         covering the units, a negative value), ::EG_EEXISTS (a unit twice
 *         in a group), ::EG_ERANGE, ::EG_EUTF8, ::EG_ENOMEM; the codes of
 *         eg_ladder_step() with its message.
 * @see eg_ladder_step(), CJ-A2-7.3, CJ-A2-7.1, CJ-A3-4, R0.4.
 */
EG_API int eg_ladder_evaluate_table(int32_t *severity, const eg_ladder *l, const char *first_month, size_t n_months,
				    const char *const *units, const size_t *group_sizes, size_t n_groups,
				    const int64_t *values, const int *flags, size_t n_units);

#ifdef __cplusplus
}
#endif

#endif /* ECOGRID_LADDER_H */
