/**
 * @file scheme.h
 * @brief Schemes: a jurisdiction's supervision rules as a versioned document.
 *
 * A **scheme** is one JSON document per jurisdiction and version (schema:
 * `docs/schema/scheme.schema.json`; field by field in `docs/schemes.md`).
 * It holds what an office adopts: the document's title, number, issuing
 * body and effective dates; its assessment rule sets (sections, items,
 * deductions, floors, overflow, veto items and veto mode, bonus, penalty
 * levels, forced-fail conditions, grades, total and annual rules); its
 * escalation ladders; its air-quality ranking set-up; its deadlines; its
 * duty calendar (duties; the older cadences are kept, deprecated); and
 * which ladders its monthly cycle feeds. Every item, penalty level,
 * condition, grade, ladder clause and duty carries its rule ID and its
 * source: the article and the words of the regulation it implements.
 *
 * The five seed systems ship as documents (`data/schemes/<id>.json`,
 * installed under `share/ecogrid/schemes`) and are also embedded in the
 * library, which reads no file at run time: eg_scheme_named() returns them,
 * and the presets by name (eg_ruleset_preset(), eg_ladder_preset(),
 * the cadence presets) are read from them.
 *
 * **Loading** is all or nothing: a document that is malformed, over
 * ::EG_SCHEME_MAX_BYTES, not UTF-8, has an unknown key (the message lists
 * the valid keys), a number out of range, a duplicate ID or a
 * contradiction gets a negative code, eg_error_last() says in one sentence
 * where (line, column, JSON pointer), what was expected and what was
 * found, the same is given in a ::eg_scheme_error when the caller passes
 * one, and no scheme is made.
 *
 * A loaded scheme is immutable and may be shared across threads. Rule sets
 * and ladders taken from it are new objects that the caller frees.
 *
 * @see docs/schemes.md, R0.1–R0.11 of the rule catalogue.
 */
#ifndef ECOGRID_SCHEME_H
#define ECOGRID_SCHEME_H

#include <ecogrid/airq.h>
#include <ecogrid/assess.h>
#include <ecogrid/common.h>
#include <ecogrid/duty.h>
#include <ecogrid/ladder.h>
#include <ecogrid/records.h>

#ifdef __cplusplus
extern "C" {
#endif

/** @brief A loaded scheme document (opaque, immutable; shareable across threads). */
typedef struct eg_scheme eg_scheme;
/** @brief The versions of one jurisdiction's scheme, by date (opaque, immutable). */
typedef struct eg_scheme_family eg_scheme_family;
/** @brief The findings of eg_scheme_check() (opaque). */
typedef struct eg_scheme_findings eg_scheme_findings;
/** @brief The result of eg_scheme_diff() (opaque). */
typedef struct eg_scheme_diff_result eg_scheme_diff_result;

/** @brief The document format version this library reads ("ecogrid_scheme": 1). */
#define EG_SCHEME_FORMAT 1
/** @brief Largest document accepted, in bytes (1 MiB; the Changji document is about 20 KiB). */
#define EG_SCHEME_MAX_BYTES (1024 * 1024)

/* ------------------------------------------------------------------ */
/* Errors                                                               */
/* ------------------------------------------------------------------ */

/** @brief Version of ::eg_scheme_error understood by this library. */
#define EG_SCHEME_ERROR_VERSION 1

/**
 * @brief Where and why a document was refused (filled by the loaders).
 *
 * The same facts are in eg_error_last()'s message; this struct gives them
 * one by one. Initialise with ::EG_SCHEME_ERROR_INIT or
 * eg_scheme_error_init().
 */
typedef struct eg_scheme_error {
	unsigned int version; /**< ::EG_SCHEME_ERROR_VERSION. */
	int code;             /**< The status returned (::EG_OK when nothing was refused). */
	int64_t line;         /**< 1-based line of the offending text, 0 when the error is not about a place (a missing file). */
	int64_t column;       /**< 1-based column, in characters (code points), 0 when unknown. */
	int64_t offset;       /**< Byte offset of the offending text, -1 when unknown. */
	char pointer[256];    /**< JSON pointer (RFC 6901) of the offending value, "" for the whole document; cut with "…" when longer. */
	char expected[256];   /**< What was expected there, e.g. "an integer from 0 to 1000000". */
	char found[128];      /**< What was found, e.g. "-5", or "" when nothing was. */
} eg_scheme_error;

/** @brief Static initialiser for ::eg_scheme_error. */
#define EG_SCHEME_ERROR_INIT { EG_SCHEME_ERROR_VERSION, 0, 0, 0, -1, "", "", "" }

/**
 * @brief Initialise an ::eg_scheme_error (for callers that cannot use the macro, e.g. FFIs).
 * @param e The struct.
 * @param version ::EG_SCHEME_ERROR_VERSION.
 * @return ::EG_OK, ::EG_EINVAL (NULL, unknown version).
 */
EG_API int eg_scheme_error_init(eg_scheme_error *e, unsigned int version);

/* ------------------------------------------------------------------ */
/* Loading and writing                                                  */
/* ------------------------------------------------------------------ */

/**
 * @brief Load a scheme document from a file.
 * @param[out] out Receives the scheme; free with eg_scheme_free(). Untouched on failure.
 * @param[out] err Filled with the place and reason of a refusal, or NULL. Its
 *        version must be set (::EG_SCHEME_ERROR_INIT).
 * @param path The file (UTF-8 JSON, at most ::EG_SCHEME_MAX_BYTES).
 * @return ::EG_OK; ::EG_EINVAL (NULL, bad err version); ::EG_EIO (cannot
 *         read); ::EG_ERANGE (too large, a number out of range); ::EG_EUTF8;
 *         ::EG_EPARSE (not JSON, wrong type, unknown key, missing key, bad
 *         value); ::EG_EEXISTS (an ID twice); ::EG_ENOTFOUND (a reference
 *         to an ID that the document does not define); ::EG_ENOMEM.
 * @see eg_scheme_load_buffer().
 */
EG_API int eg_scheme_load(eg_scheme **out, eg_scheme_error *err, const char *path);

/**
 * @brief Load a scheme document from memory.
 *
 * The document is checked as a whole and then built into rule sets and
 * ladders through their builders, so every rule of eg_ruleset_builder_*()
 * and eg_ladder_builder_*() applies, with the error placed on the
 * document's value. A version is checked against the document's own
 * dates: rule sets must lie within them.
 *
 * @param[out] out Receives the scheme; free with eg_scheme_free(). Untouched on failure.
 * @param[out] err Filled on a refusal, or NULL (see eg_scheme_load()).
 * @param text The document (need not be NUL-terminated; a NUL byte inside is refused).
 * @param len Its length in bytes.
 * @return as eg_scheme_load(), without ::EG_EIO.
 */
EG_API int eg_scheme_load_buffer(eg_scheme **out, eg_scheme_error *err, const char *text, size_t len);

/**
 * @brief A shipped scheme by its ID (embedded in the library).
 *
 * `changji-2023` (CJ), `jiangmen-2021` (JM), `dongguan-2019` (DG),
 * `mee-2020` (MEE) and `yulin-2019` (YL): the seed systems of the rule
 * catalogue.
 *
 * @param[out] out Receives the scheme (caller frees).
 * @param name The scheme's ID.
 * @return ::EG_OK, ::EG_EINVAL, ::EG_ENOTFOUND (the message lists the IDs), ::EG_ENOMEM.
 */
EG_API int eg_scheme_named(eg_scheme **out, const char *name);

/** @brief Number of shipped schemes. */
EG_API size_t eg_scheme_named_count(void);
/** @brief The i-th shipped scheme's ID (static), or NULL past the end. */
EG_API const char *eg_scheme_named_at(size_t i);

/** @brief Free a scheme; NULL is accepted. */
EG_API void eg_scheme_free(eg_scheme *s);

/**
 * @brief The scheme as canonical text (a copy of eg_scheme_text()).
 *
 * Canonical: keys in the order of the schema, two-space indentation,
 * UTF-8 unescaped, defaults left out, one final newline. Loading this text
 * gives the same scheme, and writing that gives the same bytes.
 *
 * @param[out] out Receives a new string; free with eg_string_free().
 * @param s The scheme.
 * @return ::EG_OK, ::EG_EINVAL, ::EG_ENOMEM.
 */
EG_API int eg_scheme_write(char **out, const eg_scheme *s);

/**
 * @brief The canonical text of the scheme (borrowed from it; see eg_scheme_write()).
 * @return The text, or NULL for NULL.
 */
EG_API const char *eg_scheme_text(const eg_scheme *s);

/**
 * @brief SHA-256 of the canonical text, 64 lowercase hex digits (borrowed).
 *
 * What a workspace stores to prove which rules a month was run under.
 * @return The digest, or NULL for NULL.
 */
EG_API const char *eg_scheme_sha256(const eg_scheme *s);

/** @brief Version of ::eg_scheme_info understood by this library. */
#define EG_SCHEME_INFO_VERSION 1

/**
 * @brief What a document says about itself, for eg_scheme_from_ruleset().
 * Initialise with ::EG_SCHEME_INFO_INIT or eg_scheme_info_init(). Strings are copied.
 */
typedef struct eg_scheme_info {
	unsigned int version;   /**< ::EG_SCHEME_INFO_VERSION. */
	const char *id;         /**< The scheme's ID (NULL: the rule set's name). */
	const char *family;     /**< The jurisdiction, e.g. "changji" (required). */
	const char *title_zh;   /**< The title in Chinese (NULL: the rule set's document). */
	const char *title_en;   /**< The title in English (NULL: the rule set's document). */
	const char *document;   /**< The document number (NULL: the rule set's document). */
	const char *issuer_zh;  /**< The issuing body in Chinese (required). */
	const char *issuer_en;  /**< The issuing body in English (required). */
} eg_scheme_info;

/** @brief Static initialiser for ::eg_scheme_info. */
#define EG_SCHEME_INFO_INIT { EG_SCHEME_INFO_VERSION, NULL, NULL, NULL, NULL, NULL, NULL, NULL }

/**
 * @brief Initialise an ::eg_scheme_info to ::EG_SCHEME_INFO_INIT (for FFIs).
 * @param info The struct (every field written).
 * @param version ::EG_SCHEME_INFO_VERSION.
 * @return ::EG_OK, ::EG_EINVAL (NULL, unknown version; nothing written).
 */
EG_API int eg_scheme_info_init(eg_scheme_info *info, unsigned int version);

/**
 * @brief A scheme document holding one rule set built in code: the way to
 * write a built rule set out (eg_scheme_write()).
 *
 * The document is in force when the rule set is. Every item, penalty level,
 * condition, grade, the bonus and the veto (when it has veto items) need a
 * source (eg_ruleset_builder_set_source()) and every penalty level a name
 * (eg_ruleset_builder_set_level_name()), since a document states them; the
 * first part without one is named in the error. What a rule set does not
 * hold is not written (section totals, the annual rule). Loading the text
 * gives a rule set that scores every input as this one does.
 *
 * @param[out] out Receives the scheme (caller frees).
 * @param info The document's own facts.
 * @param rs The rule set (borrowed).
 * @return ::EG_OK, ::EG_EINVAL (NULL, bad version, a part without a source
 *         or a name), the codes of eg_scheme_load_buffer() for facts it
 *         refuses, ::EG_ENOMEM.
 */
EG_API int eg_scheme_from_ruleset(eg_scheme **out, const eg_scheme_info *info, const eg_ruleset *rs);

/* ------------------------------------------------------------------ */
/* The document                                                          */
/* ------------------------------------------------------------------ */

/** @brief The scheme's ID, e.g. "changji-2023" (borrowed); NULL for NULL. */
EG_API const char *eg_scheme_id(const eg_scheme *s);
/** @brief The jurisdiction the versions belong to, e.g. "changji" (borrowed); NULL for NULL. */
EG_API const char *eg_scheme_family_name(const eg_scheme *s);
/** @brief The document's title in a language (borrowed); NULL for NULL. */
EG_API const char *eg_scheme_title(const eg_scheme *s, int lang);
/** @brief The document number, e.g. "昌州环委办发〔2023〕6号" (borrowed); NULL for NULL. */
EG_API const char *eg_scheme_document(const eg_scheme *s);
/** @brief The issuing body in a language (borrowed); NULL for NULL. */
EG_API const char *eg_scheme_issuer(const eg_scheme *s, int lang);

/**
 * @brief The dates the version is in force (R0.3, inclusive).
 * @param[out] from Receives the first day "YYYY-MM-DD" (borrowed).
 * @param[out] to Receives the last day (borrowed), or NULL when open-ended.
 * @param s The scheme.
 * @return ::EG_OK or ::EG_EINVAL.
 */
EG_API int eg_scheme_validity(const char **from, const char **to, const eg_scheme *s);

/* ------------------------------------------------------------------ */
/* Rule sets and ladders                                                 */
/* ------------------------------------------------------------------ */

/** @brief Number of rule sets in the scheme; 0 for NULL. */
EG_API size_t eg_scheme_ruleset_count(const eg_scheme *s);
/** @brief The i-th rule set's name (borrowed), or NULL. */
EG_API const char *eg_scheme_ruleset_name(const eg_scheme *s, size_t i);

/**
 * @brief The scheme's rule set in force on a date (R0.3).
 * @param[out] out Receives a new rule set (caller frees with eg_ruleset_free()).
 * @param s The scheme.
 * @param date "YYYY-MM-DD", or "YYYY-MM" (judged on the month's last day).
 * @return ::EG_OK, ::EG_EINVAL (NULL, bad date), ::EG_ENOTFOUND (none in force), ::EG_ENOMEM.
 */
EG_API int eg_scheme_ruleset(eg_ruleset **out, const eg_scheme *s, const char *date);

/**
 * @brief A rule set of the scheme by name.
 * @param[out] out Receives a new rule set (caller frees).
 * @param s The scheme.
 * @param name The rule set's name, e.g. "changji-2023".
 * @return ::EG_OK, ::EG_EINVAL, ::EG_ENOTFOUND, ::EG_ENOMEM.
 */
EG_API int eg_scheme_ruleset_named(eg_ruleset **out, const eg_scheme *s, const char *name);

/** @brief Number of ladders in the scheme; 0 for NULL. */
EG_API size_t eg_scheme_ladder_count(const eg_scheme *s);
/** @brief The i-th ladder's name, e.g. "CJ-A2-7.3" (borrowed), or NULL. */
EG_API const char *eg_scheme_ladder_name(const eg_scheme *s, size_t i);

/**
 * @brief A ladder of the scheme by name (its rule ID, e.g. "CJ-A2-7.3").
 * @param[out] out Receives a new ladder (caller frees with eg_ladder_free()).
 * @param s The scheme.
 * @param name The ladder's name.
 * @return ::EG_OK, ::EG_EINVAL, ::EG_ENOTFOUND, ::EG_ENOMEM.
 */
EG_API int eg_scheme_ladder(eg_ladder **out, const eg_scheme *s, const char *name);

/* ------------------------------------------------------------------ */
/* Sources                                                               */
/* ------------------------------------------------------------------ */

/** @brief Number of source citations in the scheme (items, levels, conditions, grades, clauses, …). */
EG_API size_t eg_scheme_source_count(const eg_scheme *s);

/**
 * @brief The i-th source citation: which rule, which value of the document, and the regulation's words.
 * @param[out] rule Receives the rule ID, e.g. "CJ-A2-5.4" (borrowed).
 * @param[out] pointer Receives the JSON pointer of the cited value, e.g. "/rulesets/0/items/3" (borrowed).
 * @param[out] article Receives the article, e.g. "附件2 第五条(二)4" (borrowed).
 * @param[out] quote Receives the quoted words, verbatim from the regulation (borrowed).
 * @param s The scheme.
 * @param i Index below eg_scheme_source_count().
 * @return ::EG_OK, ::EG_EINVAL (NULL), ::EG_ERANGE (i past the end).
 */
EG_API int eg_scheme_source_at(const char **rule, const char **pointer, const char **article, const char **quote,
			       const eg_scheme *s, size_t i);

/* ------------------------------------------------------------------ */
/* Air quality (CJ-A3)                                                   */
/* ------------------------------------------------------------------ */

/** @brief What the monthly air-quality ranking ranks by. */
typedef enum eg_scheme_rank_metric {
	EG_SCHEME_RANK_METRIC_NONE = 0,             /**< the scheme has no air-quality ranking */
	EG_SCHEME_RANK_METRIC_IMPROVEMENT_RATE = 1, /**< year-on-year improvement rate, larger is better, 0.1 % steps (CJ-A3-5) */
	EG_SCHEME_RANK_METRIC_COMPOSITE_INDEX = 2   /**< composite index, smaller is better, 0.01 steps */
} eg_scheme_rank_metric;

/**
 * @brief The air-quality profile the scheme uses on a date (airquality.md §1).
 *
 * "by_date" schemes take the national profile in force
 * (eg_airq_profile_for_date()); others name a national profile or give
 * their own limits and weights.
 *
 * @param[out] out Receives a new profile (caller frees with eg_airq_profile_free()).
 * @param s The scheme.
 * @param date "YYYY-MM-DD" or "YYYY-MM" (the month's last day).
 * @return ::EG_OK, ::EG_EINVAL, ::EG_ENOTFOUND (no air-quality set-up), ::EG_ENOMEM.
 */
EG_API int eg_scheme_airq_profile(eg_airq_profile **out, const eg_scheme *s, const char *date);

/**
 * @brief The ranking set-up (CJ-A3-4, CJ-A3-5).
 * @param[out] metric Receives the ::eg_scheme_rank_metric (NONE without a set-up).
 * @param[out] order Receives the ::eg_rank_order for eg_airq_rank().
 * @param[out] decimals Receives the decimals for eg_airq_rank() (3 for a rate as a fraction, 2 for an index).
 * @param[out] last_place_ladder Receives the name of the last-place ladder (borrowed), or NULL.
 * @param s The scheme.
 * @return ::EG_OK or ::EG_EINVAL.
 */
EG_API int eg_scheme_airq_ranking(int *metric, int *order, int *decimals, const char **last_place_ladder,
				  const eg_scheme *s);

/* ------------------------------------------------------------------ */
/* Deadlines and cadences                                                */
/* ------------------------------------------------------------------ */

/** @brief Number of deadlines; 0 for NULL. */
EG_API size_t eg_scheme_deadline_count(const eg_scheme *s);
/** @brief The i-th deadline's ID (borrowed), or NULL. */
EG_API const char *eg_scheme_deadline_id(const eg_scheme *s, size_t i);
/** @brief The i-th deadline's rule ID (borrowed), or NULL. */
EG_API const char *eg_scheme_deadline_rule(const eg_scheme *s, size_t i);

/**
 * @brief The due date of a deadline (R0.3: the whole day counts).
 *
 * - `after_quarter` (JM-2.1.2): anchor "YYYYQn"; due the given day of the
 *   month `months` after the quarter's last month (2021Q4, 1, 3 →
 *   2022-01-03).
 * - `months_after` (YL-5.4, DG-61): anchor "YYYY-MM-DD"; due the same day
 *   `months` later, or that month's last day (R0.10).
 * - `yearly` (MEE-3.1): anchor "YYYY"; due that year's month and day.
 *
 * @param[out] due Receives "YYYY-MM-DD" (at least 11 bytes); untouched on failure.
 * @param s The scheme.
 * @param id The deadline's ID.
 * @param anchor As above.
 * @return ::EG_OK, ::EG_EINVAL (NULL, bad anchor), ::EG_ENOTFOUND, ::EG_ERANGE (past 9999-12-31).
 */
EG_API int eg_scheme_deadline(char *due, const eg_scheme *s, const char *id, const char *anchor);

/** @brief The ID of the deadline a scheme's double-disclosure updates are due by (JM-2.1.2: the 3rd of the month after the quarter). */
#define EG_SCHEME_DEADLINE_DISTRICT_UPDATE "district_update"

/**
 * @brief A record's quarterly district update under a scheme's own deadline (JM-2.1.2, JM-2.2 (2)).
 *
 * The update of quarter `year`Q`quarter` is due on the scheme's deadline
 * ::EG_SCHEME_DEADLINE_DISTRICT_UPDATE for that quarter (an
 * `after_quarter` deadline: jiangmen-2021 has the 3rd of the month after
 * the quarter; a scheme may set another day), the whole day included
 * (R0.3). Otherwise the same as eg_disclosure_update_check() for the
 * district update step: on time, late (and by how many days), missing, or
 * not due for a record first listed after the deadline's day.
 *
 * @param[out] status ::eg_disclosure_update.
 * @param[out] late_days Whole days past the deadline (0 unless late).
 * @param[out] due Receives the due day "YYYY-MM-DD" (11 bytes), or NULL.
 * @param s The scheme.
 * @param r The disclosure store.
 * @param id The record.
 * @param year The year (1–9998).
 * @param quarter 1–4.
 * @return ::EG_OK; ::EG_EINVAL (NULL, bad quarter, a record without the
 *         JM-2.1.1 content); ::EG_ENOTFOUND (the scheme has no such
 *         deadline, or no such record); ::EG_ERANGE.
 */
EG_API int eg_scheme_disclosure_status(int *status, int32_t *late_days, char *due, const eg_scheme *s,
				       const eg_records *r, const char *id, int year, int quarter);

/**
 * @brief Number of cadences (recurring duties); 0 for NULL.
 *
 * @deprecated The `cadences` array is kept for documents written before
 * the duty calendar. Use eg_scheme_duties(): each cadence of a shipped
 * document is the periodic duty of the same ID (the loader refuses a duty
 * that disagrees with the cadence of its ID), with its actors, start and
 * source.
 */
EG_API size_t eg_scheme_cadence_count(const eg_scheme *s);
/** @brief The i-th cadence's ID, e.g. "DG-15-town" (borrowed), or NULL. @deprecated Use eg_scheme_duties(). */
EG_API const char *eg_scheme_cadence_id(const eg_scheme *s, size_t i);

/** @brief Version of ::eg_scheme_cadence understood by this library. */
#define EG_SCHEME_CADENCE_VERSION 1

/**
 * @brief A cadence of a scheme as the parameters of the cadence check
 * (filled by eg_scheme_cadence_at(); the caller sets the version).
 * @deprecated Use eg_scheme_duties() and ::eg_duty_def.
 */
typedef struct eg_scheme_cadence {
	unsigned int version; /**< ::EG_SCHEME_CADENCE_VERSION, set by the caller. */
	const char *id;       /**< The cadence's ID, e.g. "DG-15-town" (borrowed from the scheme). */
	const char *rule;     /**< The rule ID, e.g. "DG-15" (borrowed). */
	const char *kind;     /**< The event kind counted, e.g. "inspection" (borrowed). */
	int period;           /**< ::eg_duty_period (day … year). */
	int32_t min_count;    /**< Events required per period (≥ 1). */
	unsigned int flags;   /**< ::EG_DUTY_CADENCE_NIGHT_OR_HOLIDAY when only night or holiday events count (DG-15), else 0. */
} eg_scheme_cadence;

/** @brief Static initialiser for ::eg_scheme_cadence. */
#define EG_SCHEME_CADENCE_INIT { EG_SCHEME_CADENCE_VERSION, NULL, NULL, NULL, 0, 0, 0 }

/**
 * @brief Initialise an ::eg_scheme_cadence to ::EG_SCHEME_CADENCE_INIT (for FFIs).
 * @deprecated Use eg_scheme_duties().
 * @param c The struct (every field written).
 * @param version ::EG_SCHEME_CADENCE_VERSION.
 * @return ::EG_OK, ::EG_EINVAL (NULL, unknown version; nothing written).
 */
EG_API int eg_scheme_cadence_init(eg_scheme_cadence *c, unsigned int version);

/**
 * @brief The i-th cadence of a scheme.
 * @deprecated Use eg_scheme_duties(): the periodic duty of the same ID
 * (eg_duty_set_at()) has the same kind, period, minimum and night-or-holiday
 * flag, which the loader checks, and its source (eg_duty_set_source()).
 * @param[out] out Filled on success; its version must be ::EG_SCHEME_CADENCE_VERSION.
 * @param s The scheme.
 * @param i Index below eg_scheme_cadence_count().
 * @return ::EG_OK, ::EG_EINVAL (NULL, unknown version), ::EG_ERANGE (i past the end).
 */
EG_API int eg_scheme_cadence_at(eg_scheme_cadence *out, const eg_scheme *s, size_t i);

/**
 * @brief The duties of a scheme (its `duties` array) as a new duty set.
 *
 * A scheme carries its duty calendar (section 9 of the rule catalogue,
 * with the older cadences and per-event deadlines, R0.5–R0.11): each duty
 * is an ::eg_duty_def written as JSON (`shape`, `kind`, `actor` or
 * `group`, `period`, `min_count`, `tags`, `cover_group`, `start`, `end`,
 * `due_months`, `due_day`, `event_kind`, `match`, `limit_unit`, `limit`,
 * `flags` as words such as "in_principle" for R0.8's 原则上) and its
 * `source`, required as for items and clauses: the article and the
 * verbatim words of the regulation it implements, which the set carries
 * (eg_duty_set_source()) and every row of eg_duty_status() cites
 * (eg_duty_rows_source()). The loader refuses a duty without a source
 * ("duty MEE-2.1-procedure has no source: …") and a document whose duties
 * eg_duty_set_add() would refuse, at the duty's JSON pointer. The presets
 * of eg_duty_set_preset() are the duties of the shipped schemes.
 *
 * @param[out] out Receives the set (possibly empty); free with eg_duty_set_free(). Untouched on failure.
 * @param s The scheme.
 * @return ::EG_OK, ::EG_EINVAL (NULL), ::EG_ENOMEM.
 */
EG_API int eg_scheme_duties(eg_duty_set **out, const eg_scheme *s);

/* ------------------------------------------------------------------ */
/* The monthly cycle                                                     */
/* ------------------------------------------------------------------ */

/** @brief What feeds a ladder in the monthly cycle. */
typedef enum eg_scheme_feed {
	EG_SCHEME_FEED_ITEM_COUNT = 0, /**< the month's count of a deduction item (CJ-A2-7.3: item 4, CJ-A2-5.4) */
	EG_SCHEME_FEED_FAILED = 1      /**< 1 when the month's grade is fail (CJ-A2-7.1) */
} eg_scheme_feed;

/** @brief Number of ladders the monthly cycle steps with assessment values; 0 for NULL. */
EG_API size_t eg_scheme_monthly_count(const eg_scheme *s);

/**
 * @brief The i-th ladder of the monthly cycle and what feeds it.
 * @param[out] ladder Receives the ladder's name (borrowed).
 * @param[out] feed Receives the ::eg_scheme_feed.
 * @param[out] item Receives the item ID for ::EG_SCHEME_FEED_ITEM_COUNT (borrowed), else NULL.
 * @param s The scheme.
 * @param i Index below eg_scheme_monthly_count().
 * @return ::EG_OK, ::EG_EINVAL, ::EG_ERANGE.
 */
EG_API int eg_scheme_monthly_at(const char **ladder, int *feed, const char **item, const eg_scheme *s, size_t i);

/* ------------------------------------------------------------------ */
/* Static checks                                                         */
/* ------------------------------------------------------------------ */

/**
 * @brief Static checks of a loaded scheme: defects that load but cannot be meant.
 *
 * Each finding has a stable ID, the JSON pointer of the value and a
 * message in Chinese and English:
 *
 * | ID | defect |
 * |---|---|
 * | `grade-gap` | grade thresholds leave scores with no grade but fail between two grades (a threshold step below the scale's unit is fine; a grade missing between two present ones is a gap) |
 * | `grade-overlap` | two grades share a threshold or the same grade twice (only in documents that bypass the builder) |
 * | `floor-unreachable` | a deduction item whose deductions cannot reach its floor (per occurrence 0, or the floor not a multiple step away) |
 * | `item-exceeds-section` | an item's maximum exceeds the section's total given in its name, or items of a section add up above 100 % of the scale |
 * | `veto-not-status` | a veto item that is not a status item |
 * | `clause-never-fires` | a ladder clause whose condition cannot hold (e.g. a share threshold above 100 %, BOTTOM_N 0) |
 * | `clause-shadowed` | a clause implied by a stronger clause of the same or a higher action |
 * | `action-unnamed` | an action without a name in either language |
 * | `rule-cited-twice` | one rule ID cited by two values that are not of one rule (e.g. two items) |
 * | `dates-out-of-order` | a rule set starting before the scheme, ending after it, or rule sets overlapping |
 *
 * @param[out] out Receives the findings (possibly none); free with eg_scheme_findings_free().
 * @param s The scheme.
 * @return ::EG_OK, ::EG_EINVAL, ::EG_ENOMEM.
 */
EG_API int eg_scheme_check(eg_scheme_findings **out, const eg_scheme *s);

/**
 * @brief Static checks of a document that has not been loaded.
 *
 * Some defects (a veto on a deduction item, a grade twice, dates out of
 * order) are refused by the loader; this runs the checks on a document
 * that parses as JSON but may not load, and reports such refusals as
 * findings too. Other load errors are returned as errors.
 *
 * @param[out] out Receives the findings; free with eg_scheme_findings_free().
 * @param[out] err Filled when the document cannot be checked at all, or NULL.
 * @param text The document.
 * @param len Its length.
 * @return ::EG_OK, or the codes of eg_scheme_load_buffer() for a document that cannot be checked.
 */
EG_API int eg_scheme_check_buffer(eg_scheme_findings **out, eg_scheme_error *err, const char *text, size_t len);

/** @brief Free findings; NULL is accepted. */
EG_API void eg_scheme_findings_free(eg_scheme_findings *f);
/** @brief Number of findings; 0 for NULL. */
EG_API size_t eg_scheme_findings_count(const eg_scheme_findings *f);
/** @brief The i-th finding's ID, e.g. "grade-gap" (borrowed), or NULL. */
EG_API const char *eg_scheme_findings_id(const eg_scheme_findings *f, size_t i);
/** @brief The JSON pointer of the i-th finding's value (borrowed), or NULL. */
EG_API const char *eg_scheme_findings_pointer(const eg_scheme_findings *f, size_t i);
/** @brief The i-th finding's message in a language (borrowed), or NULL. */
EG_API const char *eg_scheme_findings_message(const eg_scheme_findings *f, size_t i, int lang);

/* ------------------------------------------------------------------ */
/* Versions                                                              */
/* ------------------------------------------------------------------ */

/**
 * @brief A family of versions of one jurisdiction's scheme.
 *
 * The versions are sorted by their first day; each must begin the day
 * after the one before it ends: a gap or an overlap is an error naming
 * both versions and the dates. Only the last may be open-ended.
 *
 * @param[out] out Receives the family (caller frees with eg_scheme_family_free()).
 * @param versions n schemes (borrowed; the family keeps its own copies).
 * @param n Number of versions (≥ 1).
 * @return ::EG_OK, ::EG_EINVAL (NULL, n = 0, versions of different
 *         families), ::EG_ERANGE (a gap or an overlap), ::EG_EEXISTS (one ID
 *         twice), ::EG_ENOMEM.
 */
EG_API int eg_scheme_family_new(eg_scheme_family **out, const eg_scheme *const *versions, size_t n);

/** @brief Free a family; NULL is accepted. */
EG_API void eg_scheme_family_free(eg_scheme_family *f);
/** @brief Number of versions; 0 for NULL. */
EG_API size_t eg_scheme_family_count(const eg_scheme_family *f);
/** @brief The i-th version in date order (borrowed from the family), or NULL. */
EG_API const eg_scheme *eg_scheme_family_version(const eg_scheme_family *f, size_t i);

/**
 * @brief The version in force on a date.
 * @param[out] out Receives the version (borrowed from the family).
 * @param f The family.
 * @param date "YYYY-MM-DD" or "YYYY-MM" (the month's last day).
 * @return ::EG_OK, ::EG_EINVAL, ::EG_ENOTFOUND (before the first version, or after a last one that ends).
 */
EG_API int eg_scheme_family_at(const eg_scheme **out, const eg_scheme_family *f, const char *date);

/* ------------------------------------------------------------------ */
/* Diff: what a revision changes                                         */
/* ------------------------------------------------------------------ */

/** @brief One unit's inputs under both versions (see eg_scheme_diff()). */
typedef struct eg_scheme_diff_unit {
	const char *unit;                 /**< Unit ID (1–64 bytes). */
	const eg_assess_input *old_input; /**< Its inputs made for the old rule set (borrowed). */
	const eg_assess_input *new_input; /**< The same facts as inputs for the new rule set (borrowed). */
} eg_scheme_diff_unit;

/**
 * @brief Re-score units under two versions and say, per unit, what changes and why.
 *
 * Each unit is scored under both rule sets without the validity check (a
 * revision is usually judged on months before it is in force). A unit
 * changes when its score, grade, veto or fail reasons differ; its reasons
 * are the trace entries that differ between the versions, matched by rule
 * ID and subject (an item, a level, a condition), each stating the old and
 * the new arithmetic. The result also lists the definitions that differ
 * (items added, removed or with other points; grades; levels; conditions).
 *
 * @param[out] out Receives the result; free with eg_scheme_diff_free().
 * @param old_rs The version in force (borrowed).
 * @param new_rs The revision (borrowed).
 * @param units n units (borrowed).
 * @param n Number of units.
 * @return ::EG_OK, ::EG_EINVAL (NULL, inputs made for another rule set, a
 *         bad or repeated unit ID), ::EG_ERANGE, ::EG_ENOMEM.
 */
EG_API int eg_scheme_diff(eg_scheme_diff_result **out, const eg_ruleset *old_rs, const eg_ruleset *new_rs,
			  const eg_scheme_diff_unit *units, size_t n);

/**
 * @brief What a revision changes beyond the scores: the definitions that
 * differ between two scheme documents.
 *
 * Ladders added or removed, and for a ladder in both its measure, its
 * actions and its clauses added or removed (a clause is matched by rule, action, kind, count, threshold,
 * window and flag, so a changed clause is one removed and one added);
 * the ladders the monthly cycle feeds; deadlines, cadences and duties
 * added, removed or with another schedule. The rule sets (items, grades,
 * levels, conditions) are compared by eg_scheme_diff(). Neither
 * document needs anything of the other: a revision that removes an item,
 * a clause, a ladder or a duty is reported, never refused.
 *
 * @param[out] out Receives a result with no units, only definitions
 *        (eg_scheme_diff_rule_count(), eg_scheme_diff_rule_message());
 *        free with eg_scheme_diff_free().
 * @param old_s The version in force (borrowed).
 * @param new_s The revision (borrowed).
 * @return ::EG_OK, ::EG_EINVAL (NULL), ::EG_ENOMEM.
 */
EG_API int eg_scheme_compare(eg_scheme_diff_result **out, const eg_scheme *old_s, const eg_scheme *new_s);

/** @brief Free a diff result; NULL is accepted. */
EG_API void eg_scheme_diff_free(eg_scheme_diff_result *d);
/** @brief Number of definitions that differ between the two rule sets. */
EG_API size_t eg_scheme_diff_rule_count(const eg_scheme_diff_result *d);
/** @brief The i-th differing definition, with its rule ID, in a language (borrowed), or NULL. */
EG_API const char *eg_scheme_diff_rule_message(const eg_scheme_diff_result *d, size_t i, int lang);
/** @brief Number of units (as given). */
EG_API size_t eg_scheme_diff_count(const eg_scheme_diff_result *d);
/** @brief The i-th unit's ID (borrowed), or NULL. */
EG_API const char *eg_scheme_diff_unit_id(const eg_scheme_diff_result *d, size_t i);
/** @brief 1 when the i-th unit's result changes, 0 when not, -1 past the end. */
EG_API int eg_scheme_diff_changed(const eg_scheme_diff_result *d, size_t i);

/**
 * @brief The i-th unit's result under both versions.
 * @param[out] old_score Receives the old score (scale units of the old rule set).
 * @param[out] new_score Receives the new score (scale units of the new rule set).
 * @param[out] old_grade Receives the old ::eg_grade.
 * @param[out] new_grade Receives the new ::eg_grade.
 * @param d The result.
 * @param i Index below eg_scheme_diff_count().
 * @return ::EG_OK, ::EG_EINVAL, ::EG_ERANGE.
 */
EG_API int eg_scheme_diff_scores(int32_t *old_score, int32_t *new_score, int *old_grade, int *new_grade,
				 const eg_scheme_diff_result *d, size_t i);

/** @brief Number of reasons of the i-th unit (trace entries that differ). */
EG_API size_t eg_scheme_diff_reason_count(const eg_scheme_diff_result *d, size_t i);
/** @brief Rule ID of the k-th reason of the i-th unit (borrowed), or NULL. */
EG_API const char *eg_scheme_diff_reason_rule(const eg_scheme_diff_result *d, size_t i, size_t k);
/** @brief Message of the k-th reason of the i-th unit, "old → new", in a language (borrowed), or NULL. */
EG_API const char *eg_scheme_diff_reason_message(const eg_scheme_diff_result *d, size_t i, size_t k, int lang);

#ifdef __cplusplus
}
#endif

#endif /* ECOGRID_SCHEME_H */
