/**
 * @file cases.h
 * @brief CJ-A4 typical cases: when a case may be published (CJ-A4-2.1,
 * legal periods by R0.10 on the caller's calendar), the publication text and
 * its anonymisation (CJ-A4-2.3) and the quarterly batches (CJ-A4-4.1; the
 * duty calendar's CJ-A4-4.1 also checks both outlets and 原则上). The steps
 * before publication (CJ-A4-2.2/5.1) are duties of the duty calendar.
 */
#ifndef ECOGRID_CASES_H
#define ECOGRID_CASES_H

#include <ecogrid/common.h>
#include <ecogrid/duty.h>

#ifdef __cplusplus
extern "C" {
#endif

/** @brief Where a challenge of a decision stands (行政复议 or 行政诉讼), CJ-A4-2.1. */
typedef enum eg_case_challenge {
	/** None filed. */
	EG_CASE_CHALLENGE_NONE = 0,
	/** Filed and not decided: the case is not eligible. */
	EG_CASE_CHALLENGE_PENDING = 1,
	/**
	 * Decided, and the next step is still open for its period: the party
	 * received the review decision (a lawsuit within 15 days, 行政诉讼法
	 * art. 45) or the first-instance judgment or ruling (an appeal within 15
	 * or 10 days, art. 85) on the challenge's date.
	 */
	EG_CASE_CHALLENGE_DECIDED = 2,
	/**
	 * Ended: a review decision final by law or not challenged in time, or a
	 * judgment or ruling that took legal effect, on the challenge's date.
	 */
	EG_CASE_CHALLENGE_FINAL = 3
} eg_case_challenge;

/** @brief Version of ::eg_case_facts understood by this library. */
#define EG_CASE_FACTS_VERSION 1

/**
 * @brief The facts of a case that decide when it may be published
 * (CJ-A4-2.1). Initialise with ::EG_CASE_FACTS_INIT or eg_case_facts_init().
 */
typedef struct eg_case_facts {
	unsigned int version; /**< ::EG_CASE_FACTS_VERSION. */
	const char *decision; /**< The decision's date "YYYY-MM-DD" (required). */
	/**
	 * The day of service (送达), from which the party knew of the decision,
	 * or NULL for a decision made on the spot (known on the decision's day).
	 */
	const char *served;
	/** 1 (default): the decision told the party of the right, the body and the period; 0: it did not. */
	int informed;
	/** Not informed: the day the party learned of them, or NULL when it has not (yet). */
	const char *learned;
	int32_t review_days;    /**< 行政复议法 art. 20: 60 days; a longer period set by another law here. */
	int32_t lawsuit_months; /**< 行政诉讼法 art. 46: 6 months; another law's period here. */
	int review;             /**< ::eg_case_challenge of an administrative review. */
	const char *review_date; /**< Decided: the day the review decision was received; final: the day it became final. */
	int lawsuit;            /**< ::eg_case_challenge of a lawsuit (after a review or directly). */
	const char *lawsuit_date; /**< Decided: the day the first-instance judgment or ruling was received; final: the day it took legal effect. */
	int lawsuit_ruling;     /**< Decided: 1 a ruling (appeal within 10 days), 0 a judgment (15 days). */
} eg_case_facts;

/** @brief Static initialiser for ::eg_case_facts: informed, 60 days, 6 months, nothing filed. */
#define EG_CASE_FACTS_INIT { EG_CASE_FACTS_VERSION, NULL, NULL, 1, NULL, 60, 6, EG_CASE_CHALLENGE_NONE, NULL, \
		EG_CASE_CHALLENGE_NONE, NULL, 0 }

/**
 * @brief Initialise case facts to ::EG_CASE_FACTS_INIT (for FFIs).
 * @param[out] facts The facts (every field written).
 * @param version ::EG_CASE_FACTS_VERSION.
 * @return ::EG_OK, ::EG_EINVAL (NULL or an unknown version; nothing written).
 */
EG_API int eg_case_facts_init(eg_case_facts *facts, unsigned int version);

/**
 * @brief CJ-A4-2.1: may a case be published as typical on a date, and from when?
 *
 * 「当事人在法定期限内未提起行政复议、行政诉讼或提起行政复议、行政诉讼但后续法律程序已完结的案件」.
 *
 * - Nothing filed: both legal periods must have ended before the date.
 *   They run from the day the party knew of the decision (service, or the
 *   decision's day on the spot), that day not counted (R0.10): review 60
 *   calendar days (行政复议法 art. 20), lawsuit six calendar months to the
 *   corresponding day or the month's end (行政诉讼法 art. 46). A period
 *   whose last day is a rest day of the calendar ends on the next working
 *   day (Civil Code art. 203; 民事诉讼法 art. 85 through 行政诉讼法 art. 101
 *   and 行政复议法 art. 88). Not informed: each period runs from the day the
 *   party learned of its rights, at most 1 year from knowing the decision
 *   (行政复议法 art. 20 ¶2, 法释〔2018〕1号 art. 64); with no such day, 1 year.
 * - A challenge pending: not eligible. Decided and open: eligible after the
 *   next step's period (15 days after a review decision; 15 or 10 days
 *   after a first-instance judgment or ruling), extended likewise. Final:
 *   eligible from that day.
 *
 * @param[out] eligible 1 or 0.
 * @param[out] from 11 bytes: the first day it may be published "YYYY-MM-DD",
 *        or "" while a challenge is pending (may be NULL).
 * @param facts The case (::eg_case_facts).
 * @param calendar The caller's official calendar of rest days (weekends,
 *        holidays, adjusted working days), required: legal periods are
 *        extended over rest days.
 * @param on_date The date judged "YYYY-MM-DD".
 * @return ::EG_OK; ::EG_EINVAL (NULL, unknown version or challenge state,
 *         bad or missing dates, service before the decision, a period out
 *         of 1-3650 days or 1-120 months, a lawsuit decided while its review is pending);
 *         ::EG_ERANGE (a day outside the calendar's years).
 * @see CJ-A4-2.1, R0.10.
 */
EG_API int eg_case_eligible(int *eligible, char *from, const eg_case_facts *facts, const eg_duty_workdays *calendar,
			    const char *on_date);

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
EG_API int eg_case_text_check(size_t *code_points, int64_t *first_hit, int64_t *hit_index, const char *text,
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
 * @brief CJ-A4-4.1: which quarters of a year had a batch of typical cases published.
 * @param[out] quarters 4 flags (Q1–Q4), 1 when some date falls in that quarter.
 * @param dates Publication dates "YYYY-MM-DD".
 * @param n Number of dates.
 * @param year The year.
 * @return ::EG_OK, ::EG_EINVAL.
 */
EG_API int eg_case_batches(int *quarters, const char *const *dates, size_t n, int year);

#ifdef __cplusplus
}
#endif

#endif /* ECOGRID_CASES_H */
