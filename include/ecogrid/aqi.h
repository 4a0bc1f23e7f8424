/**
 * @file aqi.h
 * @brief The Air Quality Index by HJ 633 (docs/airquality.md §7): IAQI per
 * pollutant, AQI, primary pollutants, level and colour, under HJ 633-2012 or
 * HJ 633-2026 as an air-quality profile (airq.h) selects.
 *
 * AQI values are rounded up with the tolerance of airq.h's rounding (an IAQI
 * of 50.0000000001 from binary error is 50). A missing value is NaN.
 */
#ifndef ECOGRID_AQI_H
#define ECOGRID_AQI_H

#include <ecogrid/common.h>
#include <ecogrid/airq.h>

#ifdef __cplusplus
extern "C" {
#endif

/** @brief AQI table versions. */
typedef enum eg_aqi_table {
	EG_AQI_TABLE_HJ633_2012 = 2012, /**< HJ 633-2012 */
	EG_AQI_TABLE_HJ633_2026 = 2026  /**< HJ 633-2026 */
} eg_aqi_table;

/** @brief Slots of an AQI computation. */
typedef enum eg_aqi_slot {
	EG_AQI_SLOT_SO2 = 0,  /**< SO2: 24 h mean (daily) or 1 h value (hourly) */
	EG_AQI_SLOT_NO2 = 1,  /**< NO2: 24 h or 1 h */
	EG_AQI_SLOT_PM10 = 2, /**< PM10: 24 h (hourly reports read it against the 24 h table) */
	EG_AQI_SLOT_PM25 = 3, /**< PM2.5: as PM10 */
	EG_AQI_SLOT_CO = 4,   /**< CO: 24 h or 1 h, mg/m³ */
	EG_AQI_SLOT_O3_1H = 5, /**< O3 1 h (daily max for 2012 daily reports; 1 h value for hourly) */
	EG_AQI_SLOT_O3_8H = 6, /**< O3 8 h (MDA8 for daily reports; 8 h sliding mean for hourly) */
	EG_AQI_SLOT_SO2_24H = 7 /**< SO2 24 h mean, used by HJ 633-2012 hourly reports when SO2 1 h > 800 */
} eg_aqi_slot;

/** @brief Number of AQI slots. */
#define EG_AQI_SLOT_COUNT 8

/** @brief Report kinds. */
typedef enum eg_aqi_report {
	EG_AQI_REPORT_DAILY = 0, /**< daily report */
	EG_AQI_REPORT_HOURLY = 1 /**< real-time (hourly) report */
} eg_aqi_report;

/** @brief Version of ::eg_aqi_result understood by this library. */
#define EG_AQI_RESULT_VERSION 1

/**
 * @brief An AQI result (filled by eg_aqi_compute()).
 *
 * Caller-allocated: set `version` (::EG_AQI_RESULT_INIT or
 * eg_aqi_result_init()) before the call; the library fills the fields of
 * that version and refuses a version it does not know.
 */
typedef struct eg_aqi_result {
	unsigned int version;       /**< ::EG_AQI_RESULT_VERSION, set by the caller. */
	int32_t aqi;                /**< AQI (rounded up); 0 when unpublished */
	int32_t iaqi[EG_AQI_SLOT_COUNT]; /**< IAQI per slot; -1 when not used or missing */
	unsigned int primary_mask;  /**< bit per slot at the AQI, when AQI > 50 */
	int32_t level;              /**< 1 优 … 6 严重污染; 0 when unpublished */
	int32_t clamped;            /**< 1 when some IAQI was above the top breakpoint and set to 500 */
	int32_t published;          /**< 0 under HJ 633-2026 when a pollutant is missing and AQI ≤ 100 */
	uint8_t rgb[3];             /**< the level's colour */
} eg_aqi_result;

/** @brief Static initialiser for ::eg_aqi_result (the version set, the rest zero). */
#define EG_AQI_RESULT_INIT { EG_AQI_RESULT_VERSION, 0, { 0 }, 0u, 0, 0, 0, { 0 } }

/**
 * @brief Initialise an AQI result to ::EG_AQI_RESULT_INIT, for callers that
 * cannot expand the macro (FFIs).
 * @param[out] out The result (every field written).
 * @param version ::EG_AQI_RESULT_VERSION, the version the caller was written for.
 * @return ::EG_OK, ::EG_EINVAL (NULL, or a version this library does not know; nothing written).
 */
EG_API int eg_aqi_result_init(eg_aqi_result *out, unsigned int version);

/**
 * @brief IAQI per pollutant and AQI (§7) under the profile's table.
 * @param[out] out Filled on success; its `version` must be set (::EG_AQI_RESULT_INIT).
 * @param p The profile (its AQI table).
 * @param conc ::EG_AQI_SLOT_COUNT concentrations; NaN is missing. Daily 2012
 *        reports use SO2, NO2, PM10, PM2.5, CO, O3 1 h max and MDA8; daily
 *        2026 reports use SO2, NO2, CO, PM10, PM2.5 and MDA8.
 * @param report ::eg_aqi_report.
 * @return ::EG_OK, ::EG_EINVAL (NULL, negative or infinite value, no
 *         pollutant at all, HJ 633-2012 hourly SO2 > 800 without a 24 h value,
 *         `out->version` not ::EG_AQI_RESULT_VERSION).
 */
EG_API int eg_aqi_compute(eg_aqi_result *out, const eg_airq_profile *p, const double *conc, int report);

/**
 * @brief The name of an AQI level (1–6), e.g. "轻度污染" / "lightly polluted" (static), or NULL.
 */
EG_API const char *eg_aqi_level_name(int level, int lang);

#ifdef __cplusplus
}
#endif

#endif /* ECOGRID_AQI_H */
