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
 * is a version whose `quarter` field names the quarter reported ("2026Q3").
 * The district's update is due by the 3rd of the month after the quarter,
 * the whole day included (JM-2.1.2, R0.3; Q4 rolls into January).
 */
#ifndef ECOGRID_DISCLOSURE_H
#define ECOGRID_DISCLOSURE_H

#include <ecogrid/common.h>
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
	EG_DISCLOSURE_UPDATE_MISSING = 2  /**< no version reports the quarter */
} eg_disclosure_update;

/**
 * @brief The district deadline of a quarter (JM-2.1.2): the 3rd of the month after it.
 * @param[out] date 11 bytes: "YYYY-MM-DD" (Q4 → 3 January of the next year).
 * @param year The year.
 * @param quarter 1–4.
 * @return ::EG_OK or ::EG_EINVAL.
 */
EG_API int eg_disclosure_district_deadline(char *date, int year, int quarter);

/**
 * @brief A record's quarterly update status (JM-2.1.2, JM-2.2 (2)).
 *
 * The update for "YYYYQn" is the first version whose `quarter` field was
 * set to that value; it is on time when its time is on or before the
 * deadline's day (23:59 included, R0.3).
 *
 * @param[out] status ::eg_disclosure_update.
 * @param[out] late_days Whole days past the deadline (0 unless late).
 * @param r The store.
 * @param id The record.
 * @param year The year.
 * @param quarter 1–4.
 * @return ::EG_OK, ::EG_EINVAL, ::EG_ENOTFOUND.
 */
EG_API int eg_disclosure_update_status(int *status, int32_t *late_days, const eg_records *r, const char *id,
				       int year, int quarter);

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

/**
 * @brief CJ-A2-5.3: are a level-2 unit's heads disclosed and up to date?
 *
 * Met when every head of the unit and of its descendants in the grid
 * (eg_grid_heads()) appears in the published list, every published name is
 * still a head there, and the list was published at most `max_age_days`
 * before `on_date`.
 *
 * @param[out] met 1 or 0.
 * @param[out] problems Receives the number of heads missing or stale names (may be NULL).
 * @param grid The grid.
 * @param unit_id The level-2 unit.
 * @param published Names in the published list.
 * @param n Their number.
 * @param published_date When the list was published "YYYY-MM-DD".
 * @param on_date The date judged.
 * @param max_age_days Staleness limit (≥ 0).
 * @return ::EG_OK, ::EG_EINVAL, ::EG_ENOTFOUND, ::EG_ELEVEL, ::EG_ENOMEM.
 */
EG_API int eg_disclosure_heads_check(int *met, size_t *problems, const eg_grid *grid, const char *unit_id,
				     const char *const *published, size_t n, const char *published_date,
				     const char *on_date, int32_t max_age_days);

#ifdef __cplusplus
}
#endif

#endif /* ECOGRID_DISCLOSURE_H */
