/*
 * The duty presets: every recurring or per-event duty of section 9 of the
 * rule catalogue, with the older cadences (CJ-G.8, DG-9, DG-15, DG-17) and
 * deadlines (CJ-G.9, JM-2.1.2, MEE-3.1, YL-5.4, DG-61), as duty
 * definitions. They live in the jurisdictions' scheme documents (the
 * "duties" array of data/schemes/<id>.json); data/embed_schemes.py writes
 * them as the static table eg__duty_preset_table[] at build time, and
 * tests/duty_equiv.c pins them against the C table they replaced. Each
 * entry cites its rule ID and carries its source, the article and the
 * seed's words (section 9's "Seed:" quotes; eg_duty_set_source(),
 * eg_duty_rows_source(); tests/check_duty_sources.py); the readings (start dates by R0.7, 原则上 by
 * R0.8, "及时" by R0.9, periods by R0.10, 定期 by R0.11) are the
 * catalogue's defaults, and docs/rules.md lists the kinds and
 * groups a log must use.
 *
 * Actors are fixed names or groups whose members the caller's log lists:
 *   changji-2023  level2 (县市/园区), level3 (乡镇/街道 grids), level4_supervisor,
 *                 grid (every grid of levels 1-4)
 *   dongguan-2019 town (镇街/园区), specialist (专管员), key_object, enterprise
 *                 (涉污企业台账), compulsory_display (incinerators, professional bases)
 *   jiangmen-2021 district (市/区), top20 (JM-2.1 top 20 wastewater dischargers)
 *   mee-2020      province (provincial grading authorities)
 *   yulin-2019    body (each Party committee and government of the city and
 *                 its 12 counties and districts), eligible_facility, soil_unit
 *
 * The duties, by jurisdiction, with the rule each cites and its reading
 * (the documents hold the definitions; this index keeps the readings next
 * to the code that serves them):
 *
 * changji-2023:
 *   CJ-G.8-patrol (CJ-G.8): level-4 supervisors patrol every source daily (附件1 第十七条).
 *   CJ-G.8-dispatch (CJ-G.8): level 2 dispatches weekly; CJ-M-5.2: its weekly analysis is
 *       the same record.
 *   CJ-G.8-study (CJ-G.8)
 *   CJ-G.8-training (CJ-G.8): 「每年至少组织1次基层网格人员集中培训」
 *   CJ-G.8-survey (CJ-G.8)
 *   CJ-G.9-feedback (CJ-G.9): feedback within 1 hour, result within 2 hours of each alert
 *       pushed to level 2.
 *   CJ-G.9-result (CJ-G.9)
 *   CJ-M-3.2 (CJ-M-3.2): a monthly task indicator for every month (the year's target
 *       broken down month by month).
 *   CJ-M-3.5-daily (CJ-M-3.5): CJ-M-3.5 (a): 「采取每日会商研判机制」, every calendar day (R0.5: 每日, not 工作日).
 *   CJ-M-3.5-dispatch (CJ-M-3.5): CJ-M-3.5 (b): a weekly dispatch that covers every level-2 unit.
 *   CJ-M-3.5-report (CJ-M-3.5): CJ-M-3.5 (c): the special report (专报), weekly by default.
 *   CJ-M-3.6 (CJ-M-3.6): the bulletin of month M, dated in M+1, with every unit and the
 *       three contents of 三(六).
 *   CJ-M-5.2 (CJ-M-5.2): each level-3 grid keeps a daily consultation and patrol record.
 *   CJ-M-5.2-roster (CJ-M-5.2): 「定期对各级网格监督员信息进行更新」: no period (R0.11).
 *   CJ-A3-5 (CJ-A3-5): the ranking of month M circulated in M+1.
 *   CJ-A1-5 (CJ-A1-5): every change of a head, sub-head or supervisor is filed with 州大气办;
 *       no limit (R0.9(b)).
 *   CJ-A1-11 (CJ-A1-11): no act about an object while a conflict with it is registered.
 *   CJ-A1-16 (CJ-A1-16): a list of key pollution sources for each year, dated in the
 *       year.
 *   CJ-A1-19-publication (CJ-A1-19): a change published within 20 working days
 *       (R0.9(a)); feedback to a lower grid, no limit.
 *   CJ-A1-19-feedback (CJ-A1-19)
 *   CJ-A1-22-plan (CJ-A1-22): each grid's plan, responsibility letter and summary of
 *       year Y, checked after Y.
 *   CJ-A1-22-letter (CJ-A1-22)
 *   CJ-A1-22-summary (CJ-A1-22)
 *   CJ-A4-2.2-review (CJ-A4-2.2/5.1): before a typical case is published: file
 *       review and argument, leader's approval, 三审三校.
 *   CJ-A4-2.2-argument (CJ-A4-2.2/5.1)
 *   CJ-A4-5.1-approval (CJ-A4-2.2/5.1)
 *   CJ-A4-5.1-proofread (CJ-A4-2.2/5.1)
 *   CJ-A4-4.1 (CJ-A4-4.1): in principle (R0.8) one batch a quarter, in 《昌吉日报》 and on
 *       昌吉广播电视台.
 *   CJ-A4-4.2 (CJ-A4-4.2): the weekly column in each of the three outlets.
 * dongguan-2019:
 *   DG-9 (DG-9)
 *   DG-15-city (DG-15)
 *   DG-15-town (DG-15)
 *   DG-15-specialist (DG-15)
 *   DG-17-city (DG-17)
 *   DG-17-town (DG-17)
 *   DG-17-village (DG-17)
 *   DG-19 (DG-19): 「2019年12月起常态化施行」 -> from Q1 2020 (R0.7).
 *   DG-20 (DG-20): monitoring on the same day as each inspection of a drawn enterprise,
 *       draws from 2020-01-01.
 *   DG-24 (DG-24): an enforcement action with NPC deputies or CPPCC members invited, each
 *       quarter from Q4 2020.
 *   DG-24-opinions (DG-24)
 *   DG-34 (DG-34): an audio-video record of each inspection, covering its time on site.
 *   DG-40 (DG-40)
 *   DG-49 (DG-49): a display screen at the main gate in service by 2020-06-30.
 *   DG-51 (DG-51): each enterprise declares each quarter, within the quarter, from Q3 2020.
 *   DG-52-bulletin (DG-52): a written bulletin monthly from December 2019, a press
 *       conference quarterly from Q1 2020.
 *   DG-52-press (DG-52)
 *   DG-53 (DG-53): 「按照每季度不少于1次的原则」: binding (the rule, not 原则上).
 *   DG-56 (DG-56): a typical case every week from the week of Monday 2 December 2019.
 *   DG-60-criticism (DG-60): DG-60/61, the annual assessment of each town. DG-60: after a failing
 *       result, criticism, interview, the year's environmental honours revoked (no limit).
 *   DG-60-interview (DG-60)
 *   DG-60-honours (DG-60)
 *   DG-61 (DG-61): the failing town's written explanation within 1 month of publication
 *       (R0.10), copied to the bureau.
 *   DG-68-law (DG-68): in principle (R0.8) 4 law, 4 on-site and 1 joint training a year
 *       from 2020; a yearly plan.
 *   DG-68-onsite (DG-68)
 *   DG-68-joint (DG-68)
 *   DG-68-plan (DG-68)
 *   DG-69 (DG-69): 4 practical trainings at the bases a year from 2021 (bases due end of
 *       June 2020).
 *   DG-70-enforcement (DG-70): the acting officer holds a valid certificate on the day
 *       (from 2020-01-31).
 *   DG-70-sampling (DG-70)
 *   DG-73-rotation (DG-73): rotation due at 3 years, breach at 5, tenure from the later of
 *       appointment and 2020-01-01.
 *   DG-73-coverage (DG-73)
 *   DG-73-home (DG-73): principals not posted where they grew up (原则上): the home place is a
 *       conflict.
 * jiangmen-2021:
 *   JM-2.1.2-district (JM-2.1.2): each 市（区） by the 3rd; the city's list by the 15th; the
 *       市（区） publication by the 15th.
 *   JM-2.1.2-list (JM-2.1.2)
 *   JM-2.1.2-publication (JM-2.1.2)
 *   JM-2.1.3 (JM-2.1.3): monthly monitoring of each top-20 discharger; online data only
 *       once compared.
 *   JM-2.2.1-half (JM-2.2.1): the half-year and the year assessment, each followed by a
 *       bulletin.
 *   JM-2.2.1-year (JM-2.2.1)
 * mee-2020:
 *   MEE-2.1-procedure (MEE-2.1): scope and procedure published within 20 working days;
 *       on-site review before a result; each result published within 20 working days of the
 *       decision.
 *   MEE-2.1-onsite (MEE-2.1)
 *   MEE-2.1-results (MEE-2.1)
 *   MEE-2.2-review (MEE-2.2/2.3): 「嚴格審核」 of each application for A, B or leading, on or
 *       before its decision.
 *   MEE-2.2-pledge (MEE-2.2/2.3): MEE-2.2: every participant's integrity pledge signed on or
 *       before the grading.
 *   MEE-2.3 (MEE-2.2/2.3): MEE-2.3: recusal of units and persons that did deep treatment or
 *       consulting for the enterprise (等: interest).
 *   MEE-2.4 (MEE-2.4): after bribery or misreporting, no grade for that enterprise, no
 *       part in grading for that unit.
 *   MEE-3.1 (MEE-3.1): the emergency reduction list filed by 30 September each year (from
 *       2021, R0.7).
 *   MEE-3.2 (MEE-3.2): a plant-specific plan made for the enterprise's current grade (the
 *       event: the enterprise notified of its grade, tagged with it).
 *   MEE-3.3 (MEE-3.3): at least one inspection of reduction measures within each alert
 *       period.
 * yulin-2019:
 *   YL-4.1.2 (YL-4.1.2)
 *   YL-4.2.3 (YL-4.2.3)
 *   YL-4.4.7-column (YL-4.4.7)
 *   YL-4.4.7-exposure (YL-4.4.7)
 *   YL-4.4.7-facilities (YL-4.4.7)
 *   YL-5.3 (YL-5.3): one progress bulletin a month from July 2019 (R0.7), giving every
 *       lead unit's progress.
 *   YL-5.4 (YL-5.4): a handling opinion within 3 months (R0.10) of each transferred case.
 *   YL-5.4-publication (YL-5.4)
 *   YL-5.6-column (YL-5.6): a column on each of 一台一报一网; the plan published within 20
 *       working days of 2019-06-28; progress and county reports with no period (R0.11).
 *   YL-5.6-plan (YL-5.6)
 *   YL-5.6-progress (YL-5.6)
 *   YL-5.6-counties (YL-5.6)
 */
#include "duty_internal.h"

/* The table generated from the scheme documents (scheme_data.c), in document order. */
const eg__duty_preset *eg__duty_presets(size_t *n)
{
	*n = eg__duty_preset_count;
	return eg__duty_preset_table;
}
