/**
 * @file assess.h
 * @brief Deduction-based scoring with veto items: the monthly assessment.
 *
 * Implements the Changji monthly 100-point assessment (CJ-A2-5.1 to
 * CJ-A2-5.10, CJ-A2-6.1 to CJ-A2-6.3, CJ-A2-7.2) and the Jiangmen
 * double assessment (JM-2.2) as **rule sets that are data**: a rule set is
 * built through a builder (or taken from a preset), is immutable once
 * built, and may be shared by any number of threads. Three consecutive
 * failing months (CJ-A2-7.1) are the `CJ-A2-7.1` ladder preset of ladder.h,
 * fed with a flag per month (1 when the month's grade is ::EG_GRADE_FAIL).
 *
 * The model:
 * - **Sections** (e.g. construction 30, operation 70) group items.
 * - **Items** are either *status* items (met or not: full points or 0;
 *   optionally veto items, CJ-A2-6.1) or *deduction* items (start at their
 *   maximum, lose a fixed amount per occurrence, stop at a floor; what the
 *   floor cannot absorb may overflow into the total, CJ-A2-5.7; an item may
 *   carry an "adverse effects → fail" flag, CJ-A2-5.7).
 * - A **bonus** rule: points per event, capped (CJ-A2-5.8).
 * - A **penalty group**: levels with an amount or "fail"; each problem takes
 *   its worst level, penalties of different problems add up, and they are
 *   drawn from a named section down to 0 (CJ-A2-5.9).
 * - **Forced-fail conditions** with IDs (CJ-A2-6.3).
 * - **Grade thresholds** (CJ-A2-6.2); a rule set may have none (JM-2.2).
 *
 * The total follows CJ-A2-5.10: the sum of the sections (a section with
 * penalties drawn from it is floored at 0 after them), minus overflows,
 * plus the bonus; no cap at 100 and no floor at 0. A vetoed month scores 0.
 *
 * Points are integers in units of 1/scale: scale 1 for whole points (every
 * preset), 10 for tenths (R0.2: no floating point).
 */
#ifndef ECOGRID_ASSESS_H
#define ECOGRID_ASSESS_H

#include <ecogrid/common.h>
#include <ecogrid/grid.h>

#ifdef __cplusplus
extern "C" {
#endif

/** @brief A built, immutable rule set (opaque; shareable across threads). */
typedef struct eg_ruleset eg_ruleset;
/** @brief A rule-set builder (opaque; one thread at a time). */
typedef struct eg_ruleset_builder eg_ruleset_builder;
/** @brief The inputs of one unit for one period (opaque). */
typedef struct eg_assess_input eg_assess_input;
/** @brief The result of scoring one unit for one period (opaque). */
typedef struct eg_assess_result eg_assess_result;
/** @brief One trace entry, borrowed from its result (opaque). */
typedef struct eg_trace eg_trace;

/** @brief Grades (CJ-A2-6.2). */
typedef enum eg_grade {
	EG_GRADE_NONE = -1,     /**< The rule set has no grades (JM-2.2). */
	EG_GRADE_FAIL = 0,      /**< 不合格 */
	EG_GRADE_PASS = 1,      /**< 合格 */
	EG_GRADE_GOOD = 2,      /**< 良好 */
	EG_GRADE_EXCELLENT = 3  /**< 优秀 */
} eg_grade;

/** @brief Kinds of items. */
typedef enum eg_item_kind {
	EG_ITEM_KIND_STATUS = 0, /**< Met (full points) or not met (0), e.g. CJ-A2-5.1..5.3. */
	EG_ITEM_KIND_DEDUCT = 1  /**< Points lost per occurrence, e.g. CJ-A2-5.4, CJ-A2-5.5, CJ-A2-5.6, CJ-A2-5.7, JM-2.2. */
} eg_item_kind;

/** @brief Readings of a failed veto item (CJ-A2-6.1). */
typedef enum eg_veto_mode {
	EG_VETO_MODE_TOTAL = 0,    /**< Default: the month's whole score is 0. */
	EG_VETO_MODE_ITEM_ONLY = 1 /**< Alternative reading: only that item scores 0. */
} eg_veto_mode;

/** @brief Marker for "no floor": a deduction item may go below any value. */
#define EG_ITEM_NO_FLOOR INT32_MIN

/** @brief Version of ::eg_item_def understood by this library. */
#define EG_ITEM_DEF_VERSION 1

/**
 * @brief Definition of one item, passed to eg_ruleset_builder_add_item().
 *
 * Initialise with ::EG_ITEM_DEF_INIT or eg_item_def_init() so that fields
 * added later get their defaults. All strings are copied.
 */
typedef struct eg_item_def {
	unsigned int version;  /**< ::EG_ITEM_DEF_VERSION. */
	const char *id;        /**< Item ID, unique in the rule set (e.g. "4"). */
	const char *rule;      /**< Rule ID cited in traces (e.g. "CJ-A2-5.4"). */
	const char *section;   /**< ID of a section added before. */
	const char *name_zh;   /**< Short Chinese name (may be NULL: the ID is used). */
	const char *name_en;   /**< Short English name (may be NULL). */
	int kind;              /**< ::eg_item_kind. */
	int32_t max_points;    /**< Points when met / before deductions (≥ 0, scale units). */
	int32_t per_occurrence;/**< Deduction per occurrence (≥ 0, scale units; deduction items). */
	int32_t floor;         /**< Lowest item points (≤ max_points), or ::EG_ITEM_NO_FLOOR. */
	int overflow;          /**< Nonzero: deductions below the floor come off the total (CJ-A2-5.7). */
	int veto;              /**< Nonzero: a status item whose failure vetoes (CJ-A2-6.1). */
	int adverse_fail;      /**< Nonzero: "caused adverse effects" makes the period a fail (CJ-A2-5.7). */
} eg_item_def;

/** @brief Static initialiser for ::eg_item_def. */
#define EG_ITEM_DEF_INIT { EG_ITEM_DEF_VERSION, NULL, NULL, NULL, NULL, NULL, EG_ITEM_KIND_DEDUCT, 0, 0, 0, 0, 0, 0 }

/**
 * @brief Initialise an item definition to ::EG_ITEM_DEF_INIT, for callers
 * that cannot expand the macro (FFIs).
 * @param[out] def The definition (every field written).
 * @param version ::EG_ITEM_DEF_VERSION, the version the caller was written for.
 * @return ::EG_OK, ::EG_EINVAL (NULL, or a version this library does not know; nothing written).
 */
EG_API int eg_item_def_init(eg_item_def *def, unsigned int version);

/* ------------------------------------------------------------------ */
/* Building rule sets                                                    */
/* ------------------------------------------------------------------ */

/**
 * @brief Start a rule set.
 * @param[out] out Receives the builder; free with eg_ruleset_builder_free().
 * @param name Rule-set name (e.g. "changji-2023"), UTF-8, 1–64 bytes.
 * @param document Document number (e.g. "昌州环委办发〔2023〕6号 附件2"), 1–256 bytes.
 * @param scale 1 (whole points) or 10 (tenths), R0.2.
 * @return ::EG_OK, ::EG_EINVAL, ::EG_ERANGE (scale), ::EG_EUTF8, ::EG_ENOMEM.
 */
EG_API int eg_ruleset_builder_new(eg_ruleset_builder **out, const char *name,
				  const char *document, int scale);

/** @brief Free a builder; NULL is accepted. Rule sets built from it stay valid. */
EG_API void eg_ruleset_builder_free(eg_ruleset_builder *b);

/**
 * @brief Set the dates the rule set is in force (R0.3, inclusive).
 * @param b The builder.
 * @param valid_from First day, "YYYY-MM-DD".
 * @param valid_to Last day, "YYYY-MM-DD", or NULL for open-ended.
 * @return ::EG_OK, ::EG_EINVAL (bad date, to before from).
 */
EG_API int eg_ruleset_builder_set_validity(eg_ruleset_builder *b, const char *valid_from,
					   const char *valid_to);

/**
 * @brief Add a section (e.g. "construction", 30 points).
 * @param b The builder.
 * @param id Section ID, unique.
 * @param name_zh Chinese name (NULL: the ID).
 * @param name_en English name (NULL: the ID).
 * @return ::EG_OK, ::EG_EINVAL, ::EG_EEXISTS, ::EG_EUTF8, ::EG_ENOMEM.
 */
EG_API int eg_ruleset_builder_add_section(eg_ruleset_builder *b, const char *id,
					  const char *name_zh, const char *name_en);

/**
 * @brief Add an item.
 * @param b The builder.
 * @param def The definition (copied).
 * @return ::EG_OK; ::EG_EINVAL (NULL, unknown version, kind, empty text,
 *         veto on a deduction item), ::EG_ENOTFOUND (unknown section),
 *         ::EG_EEXISTS (duplicate item ID), ::EG_ERANGE (negative points,
 *         floor above max), ::EG_EUTF8, ::EG_ENOMEM.
 */
EG_API int eg_ruleset_builder_add_item(eg_ruleset_builder *b, const eg_item_def *def);

/**
 * @brief Set the bonus rule (CJ-A2-5.8): points per event, at most `cap` in all.
 * @param b The builder.
 * @param rule Rule ID for traces.
 * @param per_event Points per event (≥ 0, scale units).
 * @param cap Largest bonus (≥ 0, scale units).
 * @return ::EG_OK, ::EG_EINVAL, ::EG_ERANGE (a negative value).
 */
EG_API int eg_ruleset_builder_set_bonus(eg_ruleset_builder *b, const char *rule,
					int32_t per_event, int32_t cap);

/**
 * @brief Add a level to the penalty group (CJ-A2-5.9).
 *
 * All levels draw from one section, given with the first level; a problem
 * takes its worst level ("fail" is worse than any amount), penalties of
 * different problems add up and are drawn from that section down to 0.
 *
 * @param b The builder.
 * @param section Section the penalties are drawn from (the same for every level).
 * @param level_id Level ID used in inputs (e.g. "regional").
 * @param rule Rule ID for traces.
 * @param amount Points (≥ 0, scale units); ignored when fail is nonzero.
 * @param fail Nonzero: the level makes the period a fail.
 * @return ::EG_OK, ::EG_EINVAL, ::EG_ENOTFOUND (section), ::EG_EEXISTS
 *         (level ID), ::EG_ERANGE, ::EG_ENOMEM.
 */
EG_API int eg_ruleset_builder_add_penalty_level(eg_ruleset_builder *b, const char *section,
						const char *level_id, const char *rule,
						int32_t amount, int fail);

/**
 * @brief Add a forced-fail condition (CJ-A2-6.3).
 * @param b The builder.
 * @param id Condition ID used in inputs (e.g. "CJ-A2-6.3-a").
 * @param rule Rule ID for traces and fail reasons.
 * @param text_zh Chinese description.
 * @param text_en English description.
 * @return ::EG_OK, ::EG_EINVAL, ::EG_EEXISTS, ::EG_EUTF8, ::EG_ENOMEM.
 */
EG_API int eg_ruleset_builder_add_forced_fail(eg_ruleset_builder *b, const char *id,
					      const char *rule, const char *text_zh,
					      const char *text_en);

/**
 * @brief Add a grade threshold (CJ-A2-6.2): a score ≥ min_points gets `grade`.
 *
 * Thresholds are judged from the highest down; a score below every
 * threshold is ::EG_GRADE_FAIL. Without thresholds results have
 * ::EG_GRADE_NONE.
 *
 * @param b The builder.
 * @param min_points Lowest score for the grade (scale units).
 * @param grade ::EG_GRADE_PASS, ::EG_GRADE_GOOD or ::EG_GRADE_EXCELLENT.
 * @param rule Rule ID for traces.
 * @return ::EG_OK, ::EG_EINVAL, ::EG_EEXISTS (grade or threshold twice),
 *         ::EG_ERANGE (thresholds not increasing with the grade), ::EG_ENOMEM.
 */
EG_API int eg_ruleset_builder_add_grade(eg_ruleset_builder *b, int32_t min_points, int grade,
					const char *rule);

/**
 * @brief Set the rule ID cited by the total's trace entry (e.g. "CJ-A2-5.10").
 * @param b The builder.
 * @param rule Rule ID; by default the rule set's name is cited.
 * @return ::EG_OK, ::EG_EINVAL, ::EG_EUTF8, ::EG_ENOMEM.
 */
EG_API int eg_ruleset_builder_set_total_rule(eg_ruleset_builder *b, const char *rule);

/**
 * @brief Read a deduction item per situation instead of per occurrence (JM-2.2).
 *
 * JM-2.2 gives amounts per failing (−2 disclosure, −1 progress not updated,
 * …) but never says 每起: 30 late records can be 30 occurrences (−30, the
 * default reading, as the catalogue's entry) or one situation (−1, this
 * option). Per situation, an item deducts its amount once in the period
 * when its count is 1 or more: the count an input sets is read as 0 or 1,
 * and the trace shows that one situation.
 *
 * @param b The builder.
 * @param item_id A deduction item added before.
 * @param per_situation Nonzero: per situation; 0: per occurrence (default).
 * @return ::EG_OK, ::EG_EINVAL (NULL, a status item), ::EG_ENOTFOUND.
 * @see JM-2.2.
 */
EG_API int eg_ruleset_builder_set_per_situation(eg_ruleset_builder *b, const char *item_id, int per_situation);

/**
 * @brief Choose the reading of a failed veto item (CJ-A2-6.1).
 * @param b The builder.
 * @param mode ::EG_VETO_MODE_TOTAL (default) or ::EG_VETO_MODE_ITEM_ONLY.
 * @return ::EG_OK or ::EG_EINVAL.
 */
EG_API int eg_ruleset_builder_set_veto_mode(eg_ruleset_builder *b, int mode);

/**
 * @brief Set the rule ID cited by the veto's trace entry and fail reason.
 * @param b The builder.
 * @param rule Rule ID (1–64 bytes); "CJ-A2-6.1" until set.
 * @return ::EG_OK, ::EG_EINVAL, ::EG_EUTF8, ::EG_ENOMEM.
 * @see CJ-A2-6.1.
 */
EG_API int eg_ruleset_builder_set_veto_rule(eg_ruleset_builder *b, const char *rule);

/** @brief Parts of a rule set that carry the source they implement. */
typedef enum eg_ruleset_part {
	EG_RULESET_PART_ITEM = 0,      /**< an item, by its ID */
	EG_RULESET_PART_LEVEL = 1,     /**< a penalty level, by its ID */
	EG_RULESET_PART_CONDITION = 2, /**< a forced-fail condition, by its ID */
	EG_RULESET_PART_GRADE = 3,     /**< a grade, by its name: "pass", "good" or "excellent" */
	EG_RULESET_PART_BONUS = 4,     /**< the bonus rule (no ID) */
	EG_RULESET_PART_VETO = 5       /**< the veto rule (no ID) */
} eg_ruleset_part;

/**
 * @brief Record the source a part implements: the article and the words of
 * the regulation. Trace entries of that part carry it (eg_trace_source()).
 *
 * Scheme documents give a source for every part (scheme.h); rule sets built
 * in code may leave parts without one.
 *
 * @param b The builder.
 * @param part ::eg_ruleset_part.
 * @param id The part's ID (an item, level or condition ID; a grade's name);
 *        NULL for the bonus and the veto.
 * @param article Where in the regulation, e.g. "附件2 第五条(二)4" (1–512 bytes).
 * @param quote The regulation's words, verbatim (1–1024 bytes).
 * @return ::EG_OK, ::EG_EINVAL (NULL, unknown part, an ID given or missing),
 *         ::EG_ENOTFOUND (no such part yet: add it first), ::EG_EUTF8,
 *         ::EG_ERANGE (too long), ::EG_ENOMEM.
 */
EG_API int eg_ruleset_builder_set_source(eg_ruleset_builder *b, int part, const char *id, const char *article,
					 const char *quote);

/**
 * @brief Name a penalty level for traces (CJ-A2-5.9), e.g. "州级媒体曝光" / "prefecture media".
 *
 * Without a name the levels "national", "regional" and "prefecture" read as
 * CJ-A2-5.9's media levels and any other level as its ID.
 *
 * @param b The builder.
 * @param level_id A level added before.
 * @param name_zh Chinese name (1–256 bytes).
 * @param name_en English name (1–256 bytes).
 * @return ::EG_OK, ::EG_EINVAL, ::EG_ENOTFOUND, ::EG_EUTF8, ::EG_ERANGE, ::EG_ENOMEM.
 */
EG_API int eg_ruleset_builder_set_level_name(eg_ruleset_builder *b, const char *level_id, const char *name_zh,
					     const char *name_en);

/**
 * @brief Build an immutable rule set from the builder (which is unchanged).
 * @param[out] out Receives the rule set; free with eg_ruleset_free().
 * @param b The builder.
 * @return ::EG_OK, ::EG_EINVAL (no items, or validity not set),
 *         ::EG_ENOMEM.
 */
EG_API int eg_ruleset_build(eg_ruleset **out, const eg_ruleset_builder *b);

/** @brief Free a rule set; NULL is accepted. */
EG_API void eg_ruleset_free(eg_ruleset *rs);

/**
 * @brief A preset rule set by name.
 *
 * Presets are read from the shipped scheme documents embedded in the
 * library (data/schemes/changji-2023.json, jiangmen-2021.json; see
 * scheme.h), so their every part carries its source (eg_ruleset_source()):
 *
 * - `changji-2023`: CJ-A2 (昌州环委办发〔2023〕6号 附件2), in force from
 *   2023-05-24 (the day it was issued; "自印发之日起实施"), open-ended.
 *   Items "1"–"3" (status, veto), "4"–"7" (deductions: CJ-A2-5.4 −1 from 40;
 *   CJ-A2-5.5 and CJ-A2-5.6 −5 from 10, floor 0; CJ-A2-5.7 −10 from 10,
 *   the excess off the total), bonus, media
 *   levels "national" (fail), "regional" (−30), "prefecture" (−20)
 *   (CJ-A2-5.9), then the serious-impact triggers of CJ-A2-5.11, each
 *   taking the operation section's 70 points: "instructed_national",
 *   "instructed_regional", "instructed_prefecture" (leaders' instructions on
 *   an incident the grid failed to find), "ministry_media" (部级 media
 *   causing a major public-opinion event) and "repeated_reports" (3 or more
 *   reports not properly resolved); a problem takes its worst level, so
 *   national media (fail) outranks a trigger, which outranks items 9 and
 *   10. Forced fails "CJ-A2-6.3-a" … "CJ-A2-6.3-d", grades 90/80/60.
 * - `jiangmen-2021`: JM-2.2 (江门市2021年…"双公开"工作方案), in force
 *   2021-01-01 to 2021-12-31. Items "1"–"5", −2/−1/−2/−3/−2 per
 *   occurrence, no floor, no grades: the score is the deduction total of
 *   the half-year or year scored (JM-2.2.1: eg_assess_period_new() sums
 *   the months' counts and scores them once for the period).
 *
 * @param[out] out Receives a new rule set (caller frees).
 * @param name Preset name.
 * @return ::EG_OK, ::EG_EINVAL, ::EG_ENOTFOUND, ::EG_ENOMEM.
 */
EG_API int eg_ruleset_preset(eg_ruleset **out, const char *name);

/**
 * @brief The preset in force on a date.
 * @param[out] out Receives a new rule set (caller frees).
 * @param family Name prefix to choose among ("changji", "jiangmen"), or NULL for any.
 * @param date "YYYY-MM-DD" (R0.3).
 * @return ::EG_OK, ::EG_EINVAL (bad date), ::EG_ENOTFOUND (none in force), ::EG_ENOMEM.
 */
EG_API int eg_ruleset_for_date(eg_ruleset **out, const char *family, const char *date);

/** @brief The rule set's name (borrowed); NULL for NULL. */
EG_API const char *eg_ruleset_name(const eg_ruleset *rs);
/** @brief The document number (borrowed); NULL for NULL. */
EG_API const char *eg_ruleset_document(const eg_ruleset *rs);
/** @brief Points scale: 1 or 10; 0 for NULL. */
EG_API int eg_ruleset_scale(const eg_ruleset *rs);
/**
 * @brief The validity dates as "YYYY-MM-DD".
 * @param[out] from Receives the first day (borrowed).
 * @param[out] to Receives the last day (borrowed), or NULL when open-ended.
 * @param rs The rule set.
 * @return ::EG_OK or ::EG_EINVAL.
 */
EG_API int eg_ruleset_validity(const char **from, const char **to, const eg_ruleset *rs);
/** @brief Number of items; 0 for NULL. */
EG_API size_t eg_ruleset_item_count(const eg_ruleset *rs);
/** @brief The i-th item's ID (borrowed), or NULL. */
EG_API const char *eg_ruleset_item_id(const eg_ruleset *rs, size_t i);
/** @brief The i-th item's rule ID (borrowed), or NULL. */
EG_API const char *eg_ruleset_item_rule(const eg_ruleset *rs, size_t i);
/** @brief The i-th item's kind (::eg_item_kind), or -1. */
EG_API int eg_ruleset_item_kind(const eg_ruleset *rs, size_t i);
/** @brief Number of penalty levels (CJ-A2-5.9); 0 for NULL. */
EG_API size_t eg_ruleset_level_count(const eg_ruleset *rs);
/** @brief The i-th penalty level's ID, in the order added (borrowed), or NULL. */
EG_API const char *eg_ruleset_level_id(const eg_ruleset *rs, size_t i);

/**
 * @brief The source of a part of the rule set (see eg_ruleset_builder_set_source()).
 * @param[out] article Receives the article (borrowed), or NULL when the part has no source.
 * @param[out] quote Receives the quoted words (borrowed), or NULL.
 * @param rs The rule set.
 * @param part ::eg_ruleset_part.
 * @param id The part's ID (NULL for the bonus and the veto).
 * @return ::EG_OK (also when the part has no source), ::EG_EINVAL, ::EG_ENOTFOUND (no such part).
 */
EG_API int eg_ruleset_source(const char **article, const char **quote, const eg_ruleset *rs, int part,
			     const char *id);

/* ------------------------------------------------------------------ */
/* Inputs                                                                 */
/* ------------------------------------------------------------------ */

/**
 * @brief Start the inputs of one unit for one period, against a rule set.
 *
 * Defaults: every status item met, every count 0, no bonus, no media
 * exposure, no forced fail, no adverse effects. The rule set must outlive
 * the inputs.
 *
 * @param[out] out Receives the inputs; free with eg_assess_input_free().
 * @param rs The rule set the inputs are for.
 * @return ::EG_OK, ::EG_EINVAL, ::EG_ENOMEM.
 */
EG_API int eg_assess_input_new(eg_assess_input **out, const eg_ruleset *rs);

/** @brief Free inputs; NULL is accepted. */
EG_API void eg_assess_input_free(eg_assess_input *in);

/**
 * @brief Set a status item met (nonzero) or not (0) (CJ-A2-5.1 to CJ-A2-5.3).
 * @return ::EG_OK, ::EG_EINVAL (NULL, not a status item), ::EG_ENOTFOUND (unknown item).
 */
EG_API int eg_assess_input_set_status(eg_assess_input *in, const char *item_id, int met);

/**
 * @brief Take a status item from the grid's CJ-A2-5.2 verdict for a unit.
 * @param in The inputs.
 * @param item_id The status item (for changji-2023: "2").
 * @param findings Findings of eg_grid_check() on grid.
 * @param grid The grid.
 * @param unit_id The level-2 unit.
 * @return as eg_assess_input_set_status() and eg_findings_cj_a2_5_2().
 */
EG_API int eg_assess_input_status_from_grid(eg_assess_input *in, const char *item_id,
					    const eg_findings *findings, const eg_grid *grid,
					    const char *unit_id);

/**
 * @brief Set the occurrence count of a deduction item.
 *
 * In `changji-2023`: item "4" counts problems the local grid should have
 * found (CJ-A2-5.4, −1 each from 40); item "5" problems reported by a lower
 * grid that level 2 did not assign or jointly handle in time (CJ-A2-5.5);
 * item "6" problems not handled properly or with false or perfunctory
 * rectification (CJ-A2-5.6); item "7" national or regional inspection
 * problems not rectified on time (CJ-A2-5.7, −10 each, the excess off the
 * total). Items 5 and 6 lose 5 points each per problem from their 10 and
 * stop at 0 (扣完为止): 1 problem leaves 5, 2 or more leave 0, and nothing
 * more comes off the total.
 * @return ::EG_OK, ::EG_EINVAL (NULL, not a deduction item, negative),
 *         ::EG_ENOTFOUND (unknown item), ::EG_ERANGE (above 1,000,000).
 */
EG_API int eg_assess_input_set_count(eg_assess_input *in, const char *item_id, int64_t count);

/**
 * @brief Set the inputs of many items in one call (CJ-A2-5.1 to CJ-A2-5.7),
 * in the rule set's item order (eg_ruleset_item_id()): the row layout of
 * eg_assess_score_table(), for callers and bindings that hold a unit's
 * inputs in an array rather than calling a setter per item.
 *
 * A status item is met when its value is nonzero
 * (eg_assess_input_set_status()); a deduction item takes its value as its
 * occurrence count (eg_assess_input_set_count()). Items whose `given` entry
 * is 0 keep their current input (the defaults of eg_assess_input_new()
 * unless set before). Every value is checked before any is set: on failure
 * nothing changed.
 *
 * @param in The inputs.
 * @param values n values, one per item.
 * @param given n flags (nonzero: set this item), or NULL to set them all.
 * @param n The rule set's item count (eg_ruleset_item_count()).
 * @return ::EG_OK, ::EG_EINVAL (NULL, n not the item count, a negative
 *         count, named with its item), ::EG_ERANGE (a count above 1,000,000).
 */
EG_API int eg_assess_input_set_items(eg_assess_input *in, const int64_t *values, const unsigned char *given,
				     size_t n);

/**
 * @brief Mark that a deduction item's problems caused adverse effects (CJ-A2-5.7).
 * @return ::EG_OK, ::EG_EINVAL (NULL, item without that rule), ::EG_ENOTFOUND.
 */
EG_API int eg_assess_input_set_adverse(eg_assess_input *in, const char *item_id, int adverse);

/**
 * @brief Set the number of bonus events (CJ-A2-5.8).
 * @return ::EG_OK, ::EG_EINVAL (NULL, negative, no bonus rule), ::EG_ERANGE (above 1,000,000).
 */
EG_API int eg_assess_input_set_bonus(eg_assess_input *in, int64_t events);

/**
 * @brief Add one problem's media exposures (CJ-A2-5.9): the levels it met.
 * @param in The inputs.
 * @param levels Level IDs (e.g. {"regional", "prefecture"}); n ≥ 1, no duplicates.
 * @param n Number of levels.
 * @return ::EG_OK, ::EG_EINVAL, ::EG_ENOTFOUND (unknown level), ::EG_EEXISTS, ::EG_ENOMEM.
 */
EG_API int eg_assess_input_add_problem(eg_assess_input *in, const char *const *levels, size_t n);

/**
 * @brief Flag a forced-fail condition (CJ-A2-6.3).
 * @param in The inputs.
 * @param condition_id A condition ID of the rule set, or its rule ID (e.g.
 *        "CJ-A2-6.3"), which stands for any of its conditions.
 * @return ::EG_OK, ::EG_EINVAL, ::EG_ENOTFOUND.
 */
EG_API int eg_assess_input_add_forced_fail(eg_assess_input *in, const char *condition_id);

/* ------------------------------------------------------------------ */
/* Scoring                                                                */
/* ------------------------------------------------------------------ */

/**
 * @brief Score one unit for one period (CJ-A2-5.10, CJ-A2-6.1–6.3, JM-2.2).
 * @param[out] out Receives the result; free with eg_assess_result_free().
 * @param rs The rule set.
 * @param in Inputs made for rs.
 * @param period "YYYY-MM" (judged on the month's last day) or "YYYY-MM-DD",
 *        checked against the validity of rs; NULL skips the check.
 * @return ::EG_OK, ::EG_EINVAL (NULL, inputs for another rule set, bad
 *         period), ::EG_ERANGE (period outside the validity), ::EG_ENOMEM.
 */
EG_API int eg_assess_score(eg_assess_result **out, const eg_ruleset *rs,
			   const eg_assess_input *in, const char *period);

/**
 * @brief Score one unit for one period without its trace (CJ-A2-5.10, CJ-A2-6.1–6.3, JM-2.2).
 *
 * The same computation as eg_assess_score() on the same arguments, with
 * the same score, grade, veto and fail reasons, but no trace is written:
 * eg_assess_result_trace_count() is 0 and eg_assess_result_render() shows
 * the score, grade and reasons only. For callers that score many units and
 * read few traces: score a unit again with eg_assess_score() (the same
 * inputs) when its trace is wanted.
 *
 * @param[out] out Receives the result; free with eg_assess_result_free().
 * @param rs The rule set.
 * @param in Inputs made for rs.
 * @param period As eg_assess_score().
 * @return as eg_assess_score().
 */
EG_API int eg_assess_score_untraced(eg_assess_result **out, const eg_ruleset *rs,
				    const eg_assess_input *in, const char *period);

/**
 * @brief Score many units for one period in one call (all or nothing).
 * @param[out] out Array of n result pointers, filled only on success.
 * @param rs The rule set.
 * @param inputs Array of n inputs.
 * @param n Number of units.
 * @param period As eg_assess_score().
 * @return as eg_assess_score(); on failure no result is left allocated.
 */
EG_API int eg_assess_score_many(eg_assess_result **out, const eg_ruleset *rs,
				const eg_assess_input *const *inputs, size_t n, const char *period);

/** @brief Free a result; NULL is accepted. */
EG_API void eg_assess_result_free(eg_assess_result *r);
/** @brief The score in scale units (CJ-A2-5.10); 0 for NULL. */
EG_API int32_t eg_assess_result_score(const eg_assess_result *r);
/** @brief The grade (::eg_grade); ::EG_GRADE_NONE for NULL. */
EG_API int eg_assess_result_grade(const eg_assess_result *r);
/** @brief 1 when a veto item failed (CJ-A2-6.1), else 0. */
EG_API int eg_assess_result_veto(const eg_assess_result *r);
/** @brief Number of fail reasons (rule IDs that forced a fail or a failing score). */
EG_API size_t eg_assess_result_fail_count(const eg_assess_result *r);
/** @brief The i-th fail reason, a rule ID (borrowed), or NULL. */
EG_API const char *eg_assess_result_fail_at(const eg_assess_result *r, size_t i);
/** @brief Number of trace entries. */
EG_API size_t eg_assess_result_trace_count(const eg_assess_result *r);
/** @brief The i-th trace entry (borrowed from the result), or NULL. */
EG_API const eg_trace *eg_assess_result_trace_at(const eg_assess_result *r, size_t i);
/** @brief The rule ID of a trace entry (borrowed); NULL for NULL. */
EG_API const char *eg_trace_rule(const eg_trace *t);
/** @brief The item, level or condition ID of a trace entry, or "" (borrowed). */
EG_API const char *eg_trace_subject(const eg_trace *t);
/** @brief The input count of a trace entry (occurrences, events, problems), or 0. */
EG_API int64_t eg_trace_count(const eg_trace *t);
/** @brief Running points before the entry applied (scale units). */
EG_API int32_t eg_trace_before(const eg_trace *t);
/** @brief Running points after the entry applied (scale units). */
EG_API int32_t eg_trace_after(const eg_trace *t);
/**
 * @brief The entry's message stating the arithmetic, with its rule ID.
 * @param t The entry.
 * @param lang ::EG_LANG_ZH (default) or ::EG_LANG_EN.
 * @return UTF-8 text borrowed from the result; NULL for NULL.
 */
EG_API const char *eg_trace_message(const eg_trace *t, int lang);

/**
 * @brief The source of the part a trace entry applied: the regulation's article and words.
 *
 * Entries of items, penalty levels, forced-fail conditions, the bonus, the
 * veto and the grade carry their part's source when the rule set has one
 * (every rule set of a scheme document does); the total and the section
 * sums have none.
 *
 * @param[out] article Receives the article (borrowed from the result), or NULL.
 * @param[out] quote Receives the quoted words (borrowed from the result), or NULL.
 * @param t The entry.
 * @return ::EG_OK or ::EG_EINVAL (NULL).
 */
EG_API int eg_trace_source(const char **article, const char **quote, const eg_trace *t);

/**
 * @brief Render a result as text: score, grade, veto, reasons and trace.
 * @param[out] out Receives a new string; free with eg_string_free().
 * @param r The result.
 * @param lang ::EG_LANG_ZH or ::EG_LANG_EN.
 * @return ::EG_OK, ::EG_EINVAL, ::EG_ENOMEM.
 */
EG_API int eg_assess_result_render(char **out, const eg_assess_result *r, int lang);

/** @brief Grade name: "excellent", "good", "pass", "fail" or "none" (static). */
EG_API const char *eg_grade_name(int grade);

/* ------------------------------------------------------------------ */
/* Over months                                                            */
/* ------------------------------------------------------------------ */

/**
 * @brief The annual result (CJ-A2-7.2): the mean of the monthly scores, graded.
 *
 * Default reading of rules.md: the mean of the year's monthly scores graded
 * with CJ-A2-6.2. The grade is judged exactly (sum ≥ threshold × n, R0.2);
 * the mean is reported in tenths of a scale unit, rounded half to even.
 *
 * @param[out] mean_tenths Receives 10 × the mean (scale units), rounded half to even.
 * @param[out] grade Receives the grade (::eg_grade).
 * @param rs The rule set (for its grades).
 * @param scores Monthly scores (scale units).
 * @param n Number of months, 1–12.
 * @return ::EG_OK, ::EG_EINVAL (NULL, n = 0), ::EG_ERANGE (n > 12).
 */
EG_API int eg_assess_annual(int64_t *mean_tenths, int *grade, const eg_ruleset *rs,
			    const int32_t *scores, size_t n);

/* ------------------------------------------------------------------ */
/* Half-year and year totals (JM-2.2, JM-2.2.1)                          */
/* ------------------------------------------------------------------ */

/** @brief The months of a half-year or a year whose inputs are summed (opaque; one thread at a time). */
typedef struct eg_assess_period eg_assess_period;

/**
 * @brief The first and last day of a half-year or a year (JM-2.2.1, R0.5).
 *
 * JM-2.2.1 (「进行半年考核和年度考核」): "YYYY-H1" is January to June,
 * "YYYY-H2" July to December, "YYYY" the calendar year (R0.5, 年度).
 *
 * @param[out] first Receives the first day "YYYY-MM-DD" (a buffer of at least 11 bytes).
 * @param[out] last Receives the last day "YYYY-MM-DD" (at least 11 bytes).
 * @param period "YYYY-H1", "YYYY-H2" or "YYYY", year 1–9999.
 * @return ::EG_OK, ::EG_EINVAL (NULL, any other text, e.g. "2021-H3"; nothing written).
 * @see JM-2.2.1.
 */
EG_API int eg_assess_period_bounds(char *first, char *last, const char *period);

/**
 * @brief Add one month's inputs into a period's inputs (JM-2.2): the
 * occurrence counts of every deduction item are summed.
 *
 * Under the per-situation option (eg_ruleset_builder_set_per_situation())
 * an item is one situation in the period however many occurrences, so
 * its sum is read as 0 or 1 like a count set on it: a year with a
 * situation in March and one in September has one situation, not two,
 * and a year is then not the sum of its two halves.
 *
 * Only rule sets of deduction items sum over months: a status item, a
 * veto, a bonus, media penalties, forced-fail conditions or an
 * adverse-effects rule have no reading over a period.
 *
 * @param sum The period's inputs (made with eg_assess_input_new(); changed only on success).
 * @param month One month's inputs, made for the same rule set (unchanged).
 * @return ::EG_OK; ::EG_EINVAL (NULL, inputs of two rule sets, a rule set
 *         that does not sum over months, named with its part); ::EG_ERANGE
 *         (a summed count above 1,000,000, named with its item: an error,
 *         never wrapped). On failure nothing changed.
 * @see JM-2.2.
 */
EG_API int eg_assess_input_add(eg_assess_input *sum, const eg_assess_input *month);

/**
 * @brief Start a half-year or a year of a rule set (JM-2.2, JM-2.2.1).
 *
 * The period's result is the deduction total of its months' occurrence
 * counts (eg_assess_input_add()), scored once for the period by the rule
 * set (so the per-situation option counts one situation per period). The
 * months are added one by one with eg_assess_period_add_month(); a month
 * never added is missing and the result says so (its trace names it), so a
 * half-year with missing months never passes for a complete one.
 *
 * The rule set must be in force over the whole period (R0.3): a half-year
 * or a year is scored by one rule set.
 *
 * @param[out] out Receives the period; free with eg_assess_period_free().
 * @param rs The rule set (must outlive the period).
 * @param period "YYYY-H1", "YYYY-H2" or "YYYY" (eg_assess_period_bounds()).
 * @return ::EG_OK; ::EG_EINVAL (NULL, bad period, a rule set that does not
 *         sum over months); ::EG_ERANGE (the period is not inside the rule
 *         set's validity); ::EG_ENOMEM.
 * @see JM-2.2, JM-2.2.1.
 */
EG_API int eg_assess_period_new(eg_assess_period **out, const eg_ruleset *rs, const char *period);

/** @brief Free a period; NULL is accepted. */
EG_API void eg_assess_period_free(eg_assess_period *p);

/**
 * @brief Count one month of the period: add its inputs (eg_assess_input_add()).
 * @param p The period.
 * @param month "YYYY-MM", a month of the period not counted before.
 * @param in The month's inputs, made for the period's rule set (unchanged).
 * @return ::EG_OK; ::EG_EINVAL (NULL, bad month, inputs of another rule
 *         set); ::EG_ERANGE (a month outside the period, a summed count
 *         above 1,000,000); ::EG_EEXISTS (the month was counted already).
 *         On failure nothing changed.
 * @see JM-2.2, JM-2.2.1.
 */
EG_API int eg_assess_period_add_month(eg_assess_period *p, const char *month, const eg_assess_input *in);

/** @brief The name of the period as given ("2021-H1") (borrowed); NULL for NULL. */
EG_API const char *eg_assess_period_name(const eg_assess_period *p);
/** @brief Number of months in the period: 6 for a half-year, 12 for a year; 0 for NULL. */
EG_API size_t eg_assess_period_month_count(const eg_assess_period *p);
/** @brief The i-th month of the period, "YYYY-MM" (borrowed), or NULL. */
EG_API const char *eg_assess_period_month_at(const eg_assess_period *p, size_t i);
/** @brief 1 when the i-th month was counted (eg_assess_period_add_month()), 0 when it is missing or i is out of range. */
EG_API int eg_assess_period_month_counted(const eg_assess_period *p, size_t i);
/** @brief Number of the period's months not counted (missing); 0 for NULL. */
EG_API size_t eg_assess_period_missing_count(const eg_assess_period *p);

/**
 * @brief Score the period: the rule set applied once to the summed counts (JM-2.2).
 *
 * The trace starts with the months counted and one entry per missing month
 * (JM-2.2.1; a total with months missing is the total of the months
 * counted only), then the items' deductions and the total as
 * eg_assess_score() narrates them.
 *
 * @param[out] out Receives the result; free with eg_assess_result_free().
 * @param p The period, with at least one month counted.
 * @return ::EG_OK, ::EG_EINVAL (NULL), ::EG_ESTATE (no month counted),
 *         ::EG_ERANGE (a total that does not fit 32 bits), ::EG_ENOMEM.
 * @see JM-2.2, JM-2.2.1.
 */
EG_API int eg_assess_period_score(eg_assess_result **out, const eg_assess_period *p);

/* ------------------------------------------------------------------ */
/* Batch                                                                  */
/* ------------------------------------------------------------------ */

/**
 * @brief Score many units for one period from flat arrays in one call
 * (CJ-A2-5.1 to CJ-A2-5.10, CJ-A2-6.1 to CJ-A2-6.3, JM-2.2), so that
 * bindings pass buffers once instead of building inputs unit by unit.
 *
 * Row i is scored exactly as inputs made with the per-unit setters:
 * eg_assess_input_set_status() / eg_assess_input_set_count() from
 * `items`, eg_assess_input_set_bonus() from `bonus`, one
 * eg_assess_input_add_problem() with a single level per problem counted
 * in `problems`, and eg_assess_input_add_forced_fail() for every bit of
 * `forced`; adverse effects (CJ-A2-5.7) are not taken from a table. Only
 * the score and the grade come back: the table runs the numbers-only half
 * of eg_assess_score() (the same computation, no trace) and allocates
 * nothing; score a unit with eg_assess_score() for its trace.
 *
 * @param[out] scores Array of n scores in scale units (caller-owned).
 * @param[out] grades Array of n grades (::eg_grade) (caller-owned). Both
 *        are filled on success and untouched on a bad argument; after
 *        ::EG_ERANGE for a score past 32 bits, the rows before it are
 *        written.
 * @param rs The rule set (borrowed).
 * @param items n × n_items values, row-major, items in the rule set's
 *        order (eg_ruleset_item_id()): a status item is met when nonzero,
 *        a deduction item takes its occurrence count (0–1,000,000). Borrowed.
 * @param n_items Must equal eg_ruleset_item_count().
 * @param bonus n bonus events (0–1,000,000; nonzero needs a bonus rule), or NULL for none.
 * @param problems n × n_levels counts of problems exposed at only that
 *        media level, levels in the order the rule set added them
 *        (changji-2023: national, regional, prefecture), or NULL for none.
 * @param n_levels Number of media levels of the rule set (ignored when problems is NULL).
 * @param forced n masks: bit c flags the rule set's c-th forced-fail
 *        condition (changji-2023: bit 0 CJ-A2-6.3-a … bit 3 CJ-A2-6.3-d), or NULL.
 * @param n Number of units (rows).
 * @param period As eg_assess_score(); NULL skips the validity check.
 * @return ::EG_OK, ::EG_EINVAL (NULL, n_items or n_levels not the rule
 *         set's, a negative value, a bonus without a bonus rule, a mask bit
 *         beyond the conditions, bad period; the row is named),
 *         ::EG_ERANGE (a count above 1,000,000, period outside the
 *         validity, a score that does not fit 32 bits).
 * @see eg_assess_score(), CJ-A2-5.10, CJ-A2-6.2, JM-2.2.
 */
EG_API int eg_assess_score_table(int32_t *scores, int32_t *grades, const eg_ruleset *rs, const int64_t *items,
				 size_t n_items, const int64_t *bonus, const int32_t *problems, size_t n_levels,
				 const uint32_t *forced, size_t n, const char *period);

#ifdef __cplusplus
}
#endif

#endif /* ECOGRID_ASSESS_H */
