/**
 * @file cases.h
 * @brief CJ-A4 typical cases: when a decision is final (CJ-A4-2.1), the
 * publication text and its anonymisation (CJ-A4-2.3) and the quarterly
 * batches (CJ-A4-4.1).
 */
#ifndef ECOGRID_CASES_H
#define ECOGRID_CASES_H

#include <ecogrid/common.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @brief CJ-A4-2.1: is a case's decision final on a date?
 *
 * Final when no review or lawsuit was filed and the legal period after the
 * decision has passed (the last day of the period is still open), or when
 * the review or lawsuit filed has concluded.
 *
 * @param[out] eligible 1 or 0.
 * @param decision_date "YYYY-MM-DD".
 * @param period_days The legal period in days (e.g. 60 for review, 180 for a lawsuit; ≥ 1).
 * @param filed Nonzero when a review or lawsuit was filed.
 * @param concluded_date When it concluded "YYYY-MM-DD", or NULL while pending.
 * @param on_date The date judged.
 * @return ::EG_OK, ::EG_EINVAL.
 */
EG_API int eg_case_eligible(int *eligible, const char *decision_date, int32_t period_days, int filed,
			    const char *concluded_date, const char *on_date);

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
