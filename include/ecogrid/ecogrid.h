/**
 * @file ecogrid.h
 * @brief Umbrella header: includes every public ecogrid module.
 *
 * ecogrid turns Chinese environmental-supervision regulations into a
 * testable rule engine. Rules are cited by the IDs of the rule catalogue
 * (docs/rules.md in the source tree), for example `CJ-G.6` or `CJ-A2-5.4`.
 *
 * Modules (one prefix each, see the main page):
 * - common.h: status codes, error details, version, string ownership;
 * - grid.h: the four-level supervision grid (CJ-G.1 to CJ-G.7, CJ-A2-5.2);
 * - assess.h: deduction-based scoring with veto items (CJ-A2-5 to CJ-A2-7.2, JM-2.2);
 * - ladder.h: escalation ladders over calendar months (CJ-A2-7.1, CJ-A2-7.3, CJ-A3-4, DG-63/65/66, JM-2.3);
 * - airq.h: profiles, composite index, hourly statistics, rates and rankings (CJ-A3-3, CJ-A3-5, CJ-A3-6);
 * - aqi.h: the Air Quality Index by HJ 633;
 * - inspect.h: the DG-6 pool, DG-7 classes, DG-8/10/11 quotas, DG-8 coverage;
 * - draw.h: reproducible double-random draws and SHA-256;
 * - duty.h: alert deadlines (CJ-G.9), equipment (DG-30), MEE grading, cadences, obligations;
 * - records.h: the append-only record store;
 * - disclosure.h: the JM-2.1 disclosure list, top N, CJ-A2-5.3 head disclosure;
 * - ledger.h: YL rectification ledgers and targets;
 * - cases.h: CJ-A4 typical cases.
 */
#ifndef ECOGRID_ECOGRID_H
#define ECOGRID_ECOGRID_H

#include <ecogrid/version.h>
#include <ecogrid/common.h>
#include <ecogrid/grid.h>
#include <ecogrid/assess.h>
#include <ecogrid/ladder.h>
#include <ecogrid/airq.h>
#include <ecogrid/aqi.h>
#include <ecogrid/inspect.h>
#include <ecogrid/draw.h>
#include <ecogrid/duty.h>
#include <ecogrid/records.h>
#include <ecogrid/disclosure.h>
#include <ecogrid/ledger.h>
#include <ecogrid/cases.h>
#include <ecogrid/scheme.h>

#endif /* ECOGRID_ECOGRID_H */
