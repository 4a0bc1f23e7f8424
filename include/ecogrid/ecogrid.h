/**
 * @file ecogrid.h
 * @brief Umbrella header: includes every public ecogrid module.
 *
 * ecogrid turns Chinese environmental-supervision regulations into a
 * testable rule engine. Rules are cited by the IDs of the rule catalogue
 * (docs/rules.md in the source tree), for example `CJ-G.6` or `CJ-A2-5.4`.
 *
 * Modules:
 * - common.h: status codes, error details, version, string ownership;
 * - grid.h: the four-level supervision grid (CJ-G.1 to CJ-G.7, CJ-A2-5.2);
 * - assess.h: deduction-based scoring with veto items (CJ-A2-5 to CJ-A2-7.2, JM-2.2);
 * - ladder.h: escalation ladders over calendar months (CJ-A2-7.3, CJ-A3-4, DG-63/65/66, JM-2.3);
 * - airq.h: composite index, hourly statistics, rates, rankings and AQI (CJ-A3-3, CJ-A3-5, CJ-A3-6);
 * - inspect.h: reproducible double-random draws, the DG-6 pool and DG-8/10/11 quotas;
 * - records.h: append-only records, disclosure list, ledgers, typical cases (JM-2.1, YL, CJ-A4, CJ-A2-5.3).
 */
#ifndef ECOGRID_ECOGRID_H
#define ECOGRID_ECOGRID_H

#include <ecogrid/version.h>
#include <ecogrid/common.h>
#include <ecogrid/grid.h>
#include <ecogrid/assess.h>
#include <ecogrid/ladder.h>
#include <ecogrid/airq.h>
#include <ecogrid/inspect.h>
#include <ecogrid/records.h>

#endif /* ECOGRID_ECOGRID_H */
