/*
 * The duty presets: every recurring or per-event duty of section 9 of the
 * rule catalogue, with the older cadences (CJ-G.8, DG-9, DG-15, DG-17) and
 * deadlines (CJ-G.9, JM-2.1.2, MEE-3.1, YL-5.4, DG-61), as duty
 * definitions. Each entry cites its rule ID; the readings (start dates by
 * R0.7, 原则上 by R0.8, "及时" by R0.9, periods by R0.10, 定期 by R0.11)
 * are the catalogue's defaults, and docs/rules.md lists the kinds and
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
 */
#include "duty_internal.h"

#define D(...) { .version = EG_DUTY_DEF_VERSION, __VA_ARGS__ }
#define PERIODIC .shape = EG_DUTY_SHAPE_PERIODIC
#define EVENT .shape = EG_DUTY_SHAPE_EVENT
#define ONCE .shape = EG_DUTY_SHAPE_ONCE
#define CONFLICT .shape = EG_DUTY_SHAPE_CONFLICT
#define GAP .shape = EG_DUTY_SHAPE_GAP

#define CJ "changji-2023"
#define DG "dongguan-2019"
#define JM "jiangmen-2021"
#define MEE "mee-2020"
#define YL "yulin-2019"

/* min_count left 0 in an entry means 1 (eg_duty_set_preset() reads it so). */
static const eg__duty_preset presets[] = {
	/* ---- Changji (CJ main text 三, 五; 附件1; 附件2; 附件3; 附件4), from 2023-05-24 ---- */
	/* CJ-G.8: level-4 supervisors patrol every source daily (附件1 第十七条). */
	{ CJ, D(.id = "CJ-G.8-patrol", .rule = "CJ-G.8", PERIODIC, .kind = "patrol", .group = "level4_supervisor",
		.period = EG_DUTY_PERIOD_DAY, .start = "2023-05-24", .name_zh = "日巡查", .name_en = "daily patrol") },
	/* CJ-G.8: level 2 dispatches weekly; CJ-M-5.2: its weekly analysis is the same record. */
	{ CJ, D(.id = "CJ-G.8-dispatch", .rule = "CJ-G.8", PERIODIC, .kind = "dispatch", .group = "level2",
		.period = EG_DUTY_PERIOD_WEEK, .start = "2023-05-24", .name_zh = "周调度", .name_en = "weekly dispatch") },
	{ CJ, D(.id = "CJ-G.8-study", .rule = "CJ-G.8", PERIODIC, .kind = "study", .group = "level2",
		.period = EG_DUTY_PERIOD_MONTH, .start = "2023-05-24", .name_zh = "月研究", .name_en = "monthly study") },
	/* 「每年至少组织1次基层网格人员集中培训」 */
	{ CJ, D(.id = "CJ-G.8-training", .rule = "CJ-G.8", PERIODIC, .kind = "training", .group = "level2",
		.period = EG_DUTY_PERIOD_YEAR, .start = "2023-05-24", .name_zh = "基层网格人员集中培训",
		.name_en = "training of grass-roots grid staff") },
	{ CJ, D(.id = "CJ-G.8-survey", .rule = "CJ-G.8", PERIODIC, .kind = "survey", .group = "level2",
		.period = EG_DUTY_PERIOD_QUARTER, .start = "2023-05-24", .name_zh = "污染源全面排查",
		.name_en = "survey of all pollution sources") },
	/* CJ-G.9: feedback within 1 hour, result within 2 hours of each alert pushed to level 2. */
	{ CJ, D(.id = "CJ-G.9-feedback", .rule = "CJ-G.9", EVENT, .kind = "alert_feedback", .event_kind = "alert",
		.match = EG_DUTY_MATCH_EVENT_ID, .limit_unit = EG_DUTY_UNIT_MINUTES, .limit = 60, .start = "2023-05-24",
		.name_zh = "预警现场情况反馈", .name_en = "on-site feedback on an alert") },
	{ CJ, D(.id = "CJ-G.9-result", .rule = "CJ-G.9", EVENT, .kind = "alert_result", .event_kind = "alert",
		.match = EG_DUTY_MATCH_EVENT_ID, .limit_unit = EG_DUTY_UNIT_MINUTES, .limit = 120, .start = "2023-05-24",
		.name_zh = "预警处置结果上报", .name_en = "handling result of an alert") },
	/* CJ-M-3.2: a monthly task indicator for every month (the year's target broken down month by month). */
	{ CJ, D(.id = "CJ-M-3.2", .rule = "CJ-M-3.2", PERIODIC, .kind = "monthly_target", .group = "level2",
		.period = EG_DUTY_PERIOD_MONTH, .flags = EG_DUTY_FLAG_FOR_PERIOD, .start = "2023-05-24",
		.name_zh = "月度任务指标", .name_en = "monthly task indicator") },
	/* CJ-M-3.5 (a): 「采取每日会商研判机制」, every calendar day (R0.5: 每日, not 工作日). */
	{ CJ, D(.id = "CJ-M-3.5-daily", .rule = "CJ-M-3.5", PERIODIC, .kind = "daily_consultation", .actor = "州大气办",
		.period = EG_DUTY_PERIOD_DAY, .start = "2023-05-24", .name_zh = "每日会商研判",
		.name_en = "daily consultation") },
	/* CJ-M-3.5 (b): a weekly dispatch that covers every level-2 unit. */
	{ CJ, D(.id = "CJ-M-3.5-dispatch", .rule = "CJ-M-3.5", PERIODIC, .kind = "weekly_dispatch", .actor = "州大气办",
		.cover_group = "level2", .period = EG_DUTY_PERIOD_WEEK, .start = "2023-05-24",
		.name_zh = "每周调度（覆盖全部二级网格）", .name_en = "weekly dispatch of every level-2 unit") },
	/* CJ-M-3.5 (c): the special report (专报), weekly by default. */
	{ CJ, D(.id = "CJ-M-3.5-report", .rule = "CJ-M-3.5", PERIODIC, .kind = "special_report", .actor = "州大气办",
		.period = EG_DUTY_PERIOD_WEEK, .start = "2023-05-24", .name_zh = "专报", .name_en = "special report") },
	/* CJ-M-3.6: the bulletin of month M, dated in M+1, with every unit and the three contents of 三(六). */
	{ CJ, D(.id = "CJ-M-3.6", .rule = "CJ-M-3.6", PERIODIC, .kind = "assessment_bulletin", .actor = "州大气办",
		.cover_group = "level2", .tags = "grid+air+key_areas", .period = EG_DUTY_PERIOD_MONTH,
		.flags = EG_DUTY_FLAG_FOR_PERIOD, .due_months = 1, .start = "2023-05-24",
		.name_zh = "月度考核通报", .name_en = "monthly assessment bulletin") },
	/* CJ-M-5.2: each level-3 grid keeps a daily consultation and patrol record. */
	{ CJ, D(.id = "CJ-M-5.2", .rule = "CJ-M-5.2", PERIODIC, .kind = "daily_consult_patrol", .group = "level3",
		.period = EG_DUTY_PERIOD_DAY, .start = "2023-05-24", .name_zh = "三级网格日会商巡查",
		.name_en = "level-3 daily consultation and patrol") },
	/* CJ-M-5.2: 「定期对各级网格监督员信息进行更新」: no period (R0.11). */
	{ CJ, D(.id = "CJ-M-5.2-roster", .rule = "CJ-M-5.2", GAP, .kind = "supervisor_roster_update",
		.actor = "州大气办", .start = "2023-05-24", .name_zh = "网格监督员信息更新",
		.name_en = "update of the supervisor roster") },
	/* CJ-A3-5: the ranking of month M circulated in M+1. */
	{ CJ, D(.id = "CJ-A3-5", .rule = "CJ-A3-5", PERIODIC, .kind = "ranking_circulation", .actor = "州大气办",
		.period = EG_DUTY_PERIOD_MONTH, .flags = EG_DUTY_FLAG_FOR_PERIOD, .due_months = 1, .start = "2023-05-24",
		.name_zh = "上月空气质量排名通报", .name_en = "circulation of last month's ranking") },
	/* CJ-A1-5: every change of a head, sub-head or supervisor is filed with 州大气办; no limit (R0.9(b)). */
	{ CJ, D(.id = "CJ-A1-5", .rule = "CJ-A1-5", EVENT, .kind = "change_filing", .event_kind = "staff_change",
		.match = EG_DUTY_MATCH_EVENT_ID, .limit_unit = EG_DUTY_UNIT_NONE, .start = "2023-05-24",
		.name_zh = "人员调整报州大气办备案", .name_en = "filing of a staff change") },
	/* CJ-A1-11: no act about an object while a conflict with it is registered. */
	{ CJ, D(.id = "CJ-A1-11", .rule = "CJ-A1-11", CONFLICT, .kind = "patrol inspection problem_handling assessment",
		.start = "2023-05-24", .name_zh = "利害关系回避", .name_en = "recusal") },
	/* CJ-A1-16: a list of key pollution sources for each year, dated in the year. */
	{ CJ, D(.id = "CJ-A1-16", .rule = "CJ-A1-16", PERIODIC, .kind = "key_source_list", .group = "level2",
		.period = EG_DUTY_PERIOD_YEAR, .start = "2023-05-24", .name_zh = "重点污染源监管名录",
		.name_en = "list of key pollution sources") },
	/* CJ-A1-19: a change published within 20 working days (R0.9(a)); feedback to a lower grid, no limit. */
	{ CJ, D(.id = "CJ-A1-19-publication", .rule = "CJ-A1-19", EVENT, .kind = "staff_publication",
		.event_kind = "staff_change", .match = EG_DUTY_MATCH_EVENT_ID, .limit_unit = EG_DUTY_UNIT_WORKDAYS,
		.limit = 20, .start = "2023-05-24", .name_zh = "网格长、监督员调整公开",
		.name_en = "publication of a staff change") },
	{ CJ, D(.id = "CJ-A1-19-feedback", .rule = "CJ-A1-19", EVENT, .kind = "feedback", .event_kind = "problem_report",
		.match = EG_DUTY_MATCH_EVENT_ID, .limit_unit = EG_DUTY_UNIT_NONE, .start = "2023-05-24",
		.name_zh = "上级网格反馈", .name_en = "feedback to the reporting grid") },
	/* CJ-A1-22: each grid's plan, responsibility letter and summary of year Y, checked after Y. */
	{ CJ, D(.id = "CJ-A1-22-plan", .rule = "CJ-A1-22", PERIODIC, .kind = "annual_plan", .group = "grid",
		.period = EG_DUTY_PERIOD_YEAR, .flags = EG_DUTY_FLAG_FOR_PERIOD | EG_DUTY_FLAG_NO_DUE, .start = "2023-05-24",
		.name_zh = "年度工作计划", .name_en = "yearly work plan") },
	{ CJ, D(.id = "CJ-A1-22-letter", .rule = "CJ-A1-22", PERIODIC, .kind = "responsibility_letter", .group = "grid",
		.period = EG_DUTY_PERIOD_YEAR, .flags = EG_DUTY_FLAG_FOR_PERIOD | EG_DUTY_FLAG_NO_DUE, .start = "2023-05-24",
		.name_zh = "目标责任书", .name_en = "target-responsibility letter") },
	{ CJ, D(.id = "CJ-A1-22-summary", .rule = "CJ-A1-22", PERIODIC, .kind = "annual_summary", .group = "grid",
		.period = EG_DUTY_PERIOD_YEAR, .flags = EG_DUTY_FLAG_FOR_PERIOD | EG_DUTY_FLAG_NO_DUE, .start = "2023-05-24",
		.name_zh = "年度工作总结", .name_en = "yearly summary") },
	/* CJ-A4-2.2/5.1: before a typical case is published: file review and argument, leader's approval, 三审三校. */
	{ CJ, D(.id = "CJ-A4-2.2-review", .rule = "CJ-A4-2.2/5.1", EVENT, .kind = "case_file_review",
		.event_kind = "case_publication", .match = EG_DUTY_MATCH_SUBJECT, .limit_unit = EG_DUTY_UNIT_BEFORE,
		.start = "2023-05-24", .name_zh = "案卷评查", .name_en = "case-file review") },
	{ CJ, D(.id = "CJ-A4-2.2-argument", .rule = "CJ-A4-2.2/5.1", EVENT, .kind = "case_argument",
		.event_kind = "case_publication", .match = EG_DUTY_MATCH_SUBJECT, .limit_unit = EG_DUTY_UNIT_BEFORE,
		.start = "2023-05-24", .name_zh = "组织论证", .name_en = "argument session") },
	{ CJ, D(.id = "CJ-A4-5.1-approval", .rule = "CJ-A4-2.2/5.1", EVENT, .kind = "leader_approval",
		.event_kind = "case_publication", .match = EG_DUTY_MATCH_SUBJECT, .limit_unit = EG_DUTY_UNIT_BEFORE,
		.start = "2023-05-24", .name_zh = "分管州领导审核", .name_en = "approval by the leader in charge") },
	{ CJ, D(.id = "CJ-A4-5.1-proofread", .rule = "CJ-A4-2.2/5.1", EVENT, .kind = "three_reviews",
		.event_kind = "case_publication", .match = EG_DUTY_MATCH_SUBJECT, .limit_unit = EG_DUTY_UNIT_BEFORE,
		.start = "2023-05-24", .name_zh = "三审三校", .name_en = "three reviews, three proofreads") },
	/* CJ-A4-4.1: in principle (R0.8) one batch a quarter, in 《昌吉日报》 and on 昌吉广播电视台. */
	{ CJ, D(.id = "CJ-A4-4.1", .rule = "CJ-A4-4.1", PERIODIC, .kind = "typical_case_batch", .actor = "州生态环境局",
		.tags = "newspaper+tv", .period = EG_DUTY_PERIOD_QUARTER, .flags = EG_DUTY_FLAG_IN_PRINCIPLE,
		.start = "2023-05-24", .name_zh = "典型案例集中曝光", .name_en = "batch of typical cases") },
	/* CJ-A4-4.2: the weekly column in each of the three outlets. */
	{ CJ, D(.id = "CJ-A4-4.2", .rule = "CJ-A4-4.2", PERIODIC, .kind = "env_column_item",
		.actor = "昌吉日报;昌吉广播电视台;昌吉广播电台", .period = EG_DUTY_PERIOD_WEEK, .start = "2023-05-24",
		.name_zh = "“保护碧水蓝天 共建美好家园”专栏报道", .name_en = "environmental column report") },

	/* ---- Dongguan (东莞 task breakdown 2019), rows' own start dates ---- */
	{ DG, D(.id = "DG-9", .rule = "DG-9", PERIODIC, .kind = "inspection", .group = "key_object",
		.period = EG_DUTY_PERIOD_MONTH, .start = "2020-01-01", .name_zh = "重点监管对象全面检查",
		.name_en = "full inspection of a key object") },
	{ DG, D(.id = "DG-15-city", .rule = "DG-15", PERIODIC, .kind = "inspection", .actor = "市生态环境局",
		.period = EG_DUTY_PERIOD_MONTH, .min_count = 2, .flags = EG_DUTY_FLAG_NIGHT_OR_HOLIDAY, .start = "2020-01-01",
		.name_zh = "夜间或节假日监管巡查", .name_en = "night or holiday inspection") },
	{ DG, D(.id = "DG-15-town", .rule = "DG-15", PERIODIC, .kind = "inspection", .group = "town",
		.period = EG_DUTY_PERIOD_MONTH, .min_count = 4, .flags = EG_DUTY_FLAG_NIGHT_OR_HOLIDAY, .start = "2020-01-01",
		.name_zh = "夜间或节假日监管巡查", .name_en = "night or holiday inspection") },
	{ DG, D(.id = "DG-15-specialist", .rule = "DG-15", PERIODIC, .kind = "inspection", .group = "specialist",
		.period = EG_DUTY_PERIOD_MONTH, .min_count = 4, .flags = EG_DUTY_FLAG_NIGHT_OR_HOLIDAY, .start = "2020-01-01",
		.name_zh = "夜间或节假日监管巡查", .name_en = "night or holiday inspection") },
	{ DG, D(.id = "DG-17-city", .rule = "DG-17", PERIODIC, .kind = "cross_city", .actor = "市生态环境局",
		.period = EG_DUTY_PERIOD_YEAR, .min_count = 5, .start = "2020-01-01", .name_zh = "跨市联合交叉执法",
		.name_en = "cross-city joint enforcement") },
	{ DG, D(.id = "DG-17-town", .rule = "DG-17", PERIODIC, .kind = "cross_town", .actor = "市生态环境局",
		.period = EG_DUTY_PERIOD_YEAR, .min_count = 6, .start = "2020-01-01", .name_zh = "跨镇域联合交叉执法",
		.name_en = "cross-town joint enforcement") },
	{ DG, D(.id = "DG-17-village", .rule = "DG-17", PERIODIC, .kind = "cross_village", .group = "town",
		.period = EG_DUTY_PERIOD_YEAR, .min_count = 12, .start = "2020-01-01", .name_zh = "跨村域联合交叉检查",
		.name_en = "cross-village joint inspection") },
	/* DG-19: 「2019年12月起常态化施行」 -> from Q1 2020 (R0.7). */
	{ DG, D(.id = "DG-19", .rule = "DG-19", PERIODIC, .kind = "petition_analysis_meeting", .actor = "市生态环境局",
		.period = EG_DUTY_PERIOD_QUARTER, .start = "2019-12-01", .name_zh = "环境信访研判分析会",
		.name_en = "petition analysis meeting") },
	/* DG-20: monitoring on the same day as each inspection of a drawn enterprise, draws from 2020-01-01. */
	{ DG, D(.id = "DG-20", .rule = "DG-20", EVENT, .kind = "monitoring", .event_kind = "drawn_inspection",
		.match = EG_DUTY_MATCH_EVENT_ID, .limit_unit = EG_DUTY_UNIT_DAYS, .limit = 0, .start = "2020-01-01",
		.name_zh = "检查与监测联动", .name_en = "monitoring with the inspection") },
	/* DG-24: an enforcement action with NPC deputies or CPPCC members invited, each quarter from Q4 2020. */
	{ DG, D(.id = "DG-24", .rule = "DG-24", PERIODIC, .kind = "enforcement_action", .actor = "市生态环境局",
		.tags = "deputies_invited", .period = EG_DUTY_PERIOD_QUARTER, .start = "2020-09-01",
		.name_zh = "邀请人大代表和政协委员参与执法", .name_en = "enforcement with deputies invited") },
	{ DG, D(.id = "DG-24-opinions", .rule = "DG-24", GAP, .kind = "deputies_opinion_hearing", .actor = "市生态环境局",
		.start = "2020-09-01", .name_zh = "听取人大代表和政协委员意见",
		.name_en = "hearing of deputies' opinions") },
	/* DG-34: an audio-video record of each inspection, covering its time on site. */
	{ DG, D(.id = "DG-34", .rule = "DG-34", EVENT, .kind = "av_record", .event_kind = "inspection",
		.match = EG_DUTY_MATCH_EVENT_ID, .limit_unit = EG_DUTY_UNIT_DAYS, .limit = 0,
		.flags = EG_DUTY_FLAG_COVER_TIMES, .start = "2020-01-01", .name_zh = "执法全过程音像记录",
		.name_en = "audio-video record of the inspection") },
	{ DG, D(.id = "DG-40", .rule = "DG-40", PERIODIC, .kind = "joint_meeting", .actor = "市生态环境局",
		.period = EG_DUTY_PERIOD_QUARTER, .start = "2020-01-01", .name_zh = "两法衔接联席会议",
		.name_en = "joint meeting with the judicial side") },
	/* DG-49: a display screen at the main gate in service by 2020-06-30. */
	{ DG, D(.id = "DG-49", .rule = "DG-49", ONCE, .kind = "display_screen", .group = "compulsory_display",
		.start = "2020-06-30", .name_zh = "电子环境数据公示屏", .name_en = "public emissions display") },
	/* DG-51: each enterprise declares each quarter, within the quarter, from Q3 2020. */
	{ DG, D(.id = "DG-51", .rule = "DG-51", PERIODIC, .kind = "self_declaration", .group = "enterprise",
		.tags = "production+treatment+discharge", .period = EG_DUTY_PERIOD_QUARTER, .flags = EG_DUTY_FLAG_FOR_PERIOD,
		.start = "2020-06-01", .name_zh = "企业季度自行申报", .name_en = "quarterly self-declaration") },
	/* DG-52: a written bulletin monthly from December 2019, a press conference quarterly from Q1 2020. */
	{ DG, D(.id = "DG-52-bulletin", .rule = "DG-52", PERIODIC, .kind = "written_bulletin", .actor = "市生态环境局",
		.tags = "quality+campaign+enforcement", .period = EG_DUTY_PERIOD_MONTH, .start = "2019-12-01",
		.name_zh = "书面通报", .name_en = "written bulletin") },
	{ DG, D(.id = "DG-52-press", .rule = "DG-52", PERIODIC, .kind = "press_conference", .actor = "市生态环境局",
		.tags = "quality+campaign+enforcement", .period = EG_DUTY_PERIOD_QUARTER, .start = "2019-12-01",
		.name_zh = "新闻发布会或媒体见面会", .name_en = "press conference") },
	/* DG-53: 「按照每季度不少于1次的原则」: binding (the rule, not 原则上). */
	{ DG, D(.id = "DG-53", .rule = "DG-53", PERIODIC, .kind = "legal_publicity", .actor = "市生态环境局",
		.period = EG_DUTY_PERIOD_QUARTER, .start = "2020-01-01", .name_zh = "送法入企普法宣传",
		.name_en = "legal publicity for enterprises") },
	/* DG-56: a typical case every week from the week of Monday 2 December 2019. */
	{ DG, D(.id = "DG-56", .rule = "DG-56", PERIODIC, .kind = "typical_case_published", .actor = "市生态环境局",
		.period = EG_DUTY_PERIOD_WEEK, .start = "2019-12-01", .name_zh = "环境违法典型案例通报",
		.name_en = "typical case published") },
	/* DG-60/61, the annual assessment of each town. DG-60: after a failing result,
	 * criticism, interview, the year's environmental honours revoked (no limit). */
	{ DG, D(.id = "DG-60-criticism", .rule = "DG-60", EVENT, .kind = "public_criticism", .event_kind = "annual_fail",
		.match = EG_DUTY_MATCH_EVENT_ID, .start = "2020-07-01", .name_zh = "通报批评", .name_en = "public criticism") },
	{ DG, D(.id = "DG-60-interview", .rule = "DG-60", EVENT, .kind = "principal_interview", .event_kind = "annual_fail",
		.match = EG_DUTY_MATCH_EVENT_ID, .start = "2020-07-01", .name_zh = "约谈党政主要负责人",
		.name_en = "interview of the principals") },
	{ DG, D(.id = "DG-60-honours", .rule = "DG-60", EVENT, .kind = "honour_revocation", .event_kind = "annual_fail",
		.match = EG_DUTY_MATCH_EVENT_ID, .start = "2020-07-01", .name_zh = "撤销考核年度环境保护荣誉称号",
		.name_en = "revocation of the year's environmental honours") },
	/* DG-61: the failing town's written explanation within 1 month of publication (R0.10), copied to the bureau. */
	{ DG, D(.id = "DG-61", .rule = "DG-61", EVENT, .kind = "written_explanation", .event_kind = "annual_fail",
		.match = EG_DUTY_MATCH_EVENT_ID, .tags = "copied_to_bureau", .limit_unit = EG_DUTY_UNIT_MONTHS, .limit = 1,
		.start = "2020-06-01", .name_zh = "书面说明情况及整改措施", .name_en = "written explanation") },
	/* DG-68: in principle (R0.8) 4 law, 4 on-site and 1 joint training a year from 2020; a yearly plan. */
	{ DG, D(.id = "DG-68-law", .rule = "DG-68", PERIODIC, .kind = "law_training", .actor = "市生态环境局",
		.period = EG_DUTY_PERIOD_YEAR, .min_count = 4, .flags = EG_DUTY_FLAG_IN_PRINCIPLE, .start = "2020-01-01",
		.name_zh = "法律法规培训", .name_en = "law and regulation training") },
	{ DG, D(.id = "DG-68-onsite", .rule = "DG-68", PERIODIC, .kind = "onsite_training", .actor = "市生态环境局",
		.period = EG_DUTY_PERIOD_YEAR, .min_count = 4, .flags = EG_DUTY_FLAG_IN_PRINCIPLE, .start = "2020-01-01",
		.name_zh = "现场监管执法业务培训", .name_en = "on-site enforcement training") },
	{ DG, D(.id = "DG-68-joint", .rule = "DG-68", PERIODIC, .kind = "joint_training", .actor = "市生态环境局",
		.period = EG_DUTY_PERIOD_YEAR, .flags = EG_DUTY_FLAG_IN_PRINCIPLE, .start = "2020-01-01",
		.name_zh = "跨部门联动执法业务培训", .name_en = "joint-enforcement training") },
	{ DG, D(.id = "DG-68-plan", .rule = "DG-68", PERIODIC, .kind = "training_plan", .actor = "市生态环境局",
		.period = EG_DUTY_PERIOD_YEAR, .flags = EG_DUTY_FLAG_FOR_PERIOD | EG_DUTY_FLAG_NO_DUE, .start = "2020-01-01",
		.name_zh = "年度全员培训计划", .name_en = "yearly training plan") },
	/* DG-69: 4 practical trainings at the bases a year from 2021 (bases due end of June 2020). */
	{ DG, D(.id = "DG-69", .rule = "DG-69", PERIODIC, .kind = "practical_training", .actor = "市生态环境局",
		.period = EG_DUTY_PERIOD_YEAR, .min_count = 4, .start = "2020-07-01", .name_zh = "实训基地现场实训",
		.name_en = "practical training at a base") },
	/* DG-70: the acting officer holds a valid certificate on the day (from 2020-01-31). */
	{ DG, D(.id = "DG-70-enforcement", .rule = "DG-70", EVENT, .kind = "enforcement_certificate",
		.event_kind = "inspection", .match = EG_DUTY_MATCH_ACTOR, .limit_unit = EG_DUTY_UNIT_VALID_AT,
		.start = "2020-01-31", .name_zh = "行政执法证", .name_en = "enforcement certificate") },
	{ DG, D(.id = "DG-70-sampling", .rule = "DG-70", EVENT, .kind = "sampling_certificate", .event_kind = "sampling",
		.match = EG_DUTY_MATCH_ACTOR, .limit_unit = EG_DUTY_UNIT_VALID_AT, .start = "2020-01-31",
		.name_zh = "采样资格证", .name_en = "sampling certificate") },
	/* DG-73: rotation due at 3 years, breach at 5, tenure from the later of appointment and 2020-01-01. */
	{ DG, D(.id = "DG-73-rotation", .rule = "DG-73", EVENT, .kind = "rotation", .event_kind = "sensitive_post",
		.match = EG_DUTY_MATCH_EVENT_ID, .limit_unit = EG_DUTY_UNIT_MONTHS, .limit = 36,
		.flags = EG_DUTY_FLAG_CLAMP_START, .start = "2020-01-01", .name_zh = "敏感岗位3年轮岗（rotation_due）",
		.name_en = "rotation of a sensitive post at 3 years (rotation_due)") },
	{ DG, D(.id = "DG-73-coverage", .rule = "DG-73", EVENT, .kind = "rotation", .event_kind = "sensitive_post",
		.match = EG_DUTY_MATCH_EVENT_ID, .limit_unit = EG_DUTY_UNIT_MONTHS, .limit = 60,
		.flags = EG_DUTY_FLAG_CLAMP_START, .start = "2020-01-01", .name_zh = "敏感岗位5年全覆盖（coverage_breach）",
		.name_en = "no sensitive post beyond 5 years (coverage_breach)") },
	/* DG-73: principals not posted where they grew up (原则上): the home place is a conflict. */
	{ DG, D(.id = "DG-73-home", .rule = "DG-73", CONFLICT, .kind = "principal_posting", .tags = "home_place",
		.flags = EG_DUTY_FLAG_IN_PRINCIPLE, .start = "2020-01-01", .name_zh = "不得在成长地任职",
		.name_en = "not posted where one grew up") },

	/* ---- Jiangmen (江门 2021 "双公开"), 2021 ---- */
	/* JM-2.1.2: each 市（区） by the 3rd; the city's list by the 15th; the 市（区） publication by the 15th. */
	{ JM, D(.id = "JM-2.1.2-district", .rule = "JM-2.1.2", PERIODIC, .kind = "district_update", .group = "district",
		.period = EG_DUTY_PERIOD_QUARTER, .flags = EG_DUTY_FLAG_FOR_PERIOD, .due_months = 1, .due_day = 3,
		.start = "2021-01-01", .end = "2021-12-31", .name_zh = "更新并报送本辖区完成情况",
		.name_en = "district update") },
	{ JM, D(.id = "JM-2.1.2-list", .rule = "JM-2.1.2", PERIODIC, .kind = "list_update", .actor = "市环委办",
		.period = EG_DUTY_PERIOD_QUARTER, .flags = EG_DUTY_FLAG_FOR_PERIOD, .due_months = 1, .due_day = 15,
		.start = "2021-01-01", .end = "2021-12-31", .name_zh = "更新“双公开”清单", .name_en = "list update") },
	{ JM, D(.id = "JM-2.1.2-publication", .rule = "JM-2.1.2", PERIODIC, .kind = "district_publication",
		.group = "district", .period = EG_DUTY_PERIOD_QUARTER, .flags = EG_DUTY_FLAG_FOR_PERIOD, .due_months = 1,
		.due_day = 15, .start = "2021-01-01", .end = "2021-12-31", .name_zh = "属地政府网站同步公开",
		.name_en = "district publication") },
	/* JM-2.1.3: monthly monitoring of each top-20 discharger; online data only once compared. */
	{ JM, D(.id = "JM-2.1.3", .rule = "JM-2.1.3", PERIODIC, .kind = "pollutant_monitoring", .group = "top20",
		.tags = "online+compared self supervisory", .period = EG_DUTY_PERIOD_MONTH, .start = "2021-01-01",
		.end = "2021-12-31", .name_zh = "废水高排放企业污染物监测", .name_en = "monitoring of a top discharger") },
	/* JM-2.2.1: the half-year and the year assessment, each followed by a bulletin. */
	{ JM, D(.id = "JM-2.2.1-half", .rule = "JM-2.2.1", PERIODIC, .kind = "assessment_bulletin", .actor = "市环委办",
		.period = EG_DUTY_PERIOD_HALF_YEAR, .flags = EG_DUTY_FLAG_FOR_PERIOD | EG_DUTY_FLAG_NO_DUE,
		.start = "2021-01-01", .end = "2021-06-30", .name_zh = "半年考核通报", .name_en = "half-year bulletin") },
	{ JM, D(.id = "JM-2.2.1-year", .rule = "JM-2.2.1", PERIODIC, .kind = "assessment_bulletin", .actor = "市环委办",
		.period = EG_DUTY_PERIOD_YEAR, .flags = EG_DUTY_FLAG_FOR_PERIOD | EG_DUTY_FLAG_NO_DUE, .start = "2021-01-01",
		.end = "2021-12-31", .name_zh = "年度考核通报", .name_en = "year bulletin") },

	/* ---- MEE (2020 notice) ---- */
	/* MEE-2.1: scope and procedure published within 20 working days; on-site review before a result;
	 * each result published within 20 working days of the decision. */
	{ MEE, D(.id = "MEE-2.1-procedure", .rule = "MEE-2.1", EVENT, .kind = "procedure_published",
		.event_kind = "procedure_adopted", .match = EG_DUTY_MATCH_EVENT_ID, .limit_unit = EG_DUTY_UNIT_WORKDAYS,
		.limit = 20, .start = "2020-10-05", .name_zh = "公开行业范围、申请程序和时限",
		.name_en = "publication of scope, procedure and time limits") },
	{ MEE, D(.id = "MEE-2.1-onsite", .rule = "MEE-2.1", EVENT, .kind = "onsite_review", .event_kind = "grade_published",
		.match = EG_DUTY_MATCH_SUBJECT, .limit_unit = EG_DUTY_UNIT_BEFORE, .start = "2020-10-05",
		.name_zh = "现场审核", .name_en = "on-site review") },
	{ MEE, D(.id = "MEE-2.1-results", .rule = "MEE-2.1", EVENT, .kind = "grade_published", .event_kind = "grade_decided",
		.match = EG_DUTY_MATCH_EVENT_ID, .limit_unit = EG_DUTY_UNIT_WORKDAYS, .limit = 20, .start = "2020-10-05",
		.name_zh = "评级结果公开", .name_en = "publication of a grade") },
	/* MEE-2.2: every participant's integrity pledge signed on or before the grading. */
	{ MEE, D(.id = "MEE-2.2-pledge", .rule = "MEE-2.2/2.3", EVENT, .kind = "integrity_pledge", .event_kind = "grading",
		.match = EG_DUTY_MATCH_ACTOR, .limit_unit = EG_DUTY_UNIT_BEFORE, .start = "2020-10-05",
		.name_zh = "签订《廉洁守纪承诺书》", .name_en = "integrity pledge") },
	/* MEE-2.3: recusal of units and persons that did deep treatment or consulting for the enterprise (等: interest). */
	{ MEE, D(.id = "MEE-2.3", .rule = "MEE-2.2/2.3", CONFLICT, .kind = "grading",
		.tags = "deep_treatment consulting interest", .start = "2020-10-05", .name_zh = "评级回避",
		.name_en = "recusal from grading") },
	/* MEE-2.4: after bribery or misreporting, no grade for that enterprise, no part in grading for that unit. */
	{ MEE, D(.id = "MEE-2.4", .rule = "MEE-2.4", CONFLICT, .kind = "grading", .tags = "bribery misreport",
		.start = "2020-10-05", .name_zh = "取消评级资格", .name_en = "loss of grading eligibility") },
	/* MEE-3.1: the emergency reduction list filed by 30 September each year (from 2021, R0.7). */
	{ MEE, D(.id = "MEE-3.1", .rule = "MEE-3.1", PERIODIC, .kind = "reduction_list_filing", .group = "province",
		.period = EG_DUTY_PERIOD_YEAR, .due_months = -3, .due_day = 30, .start = "2020-10-05",
		.name_zh = "应急减排清单备案", .name_en = "emergency reduction list filed") },
	/* MEE-3.2: a plant-specific plan made for the enterprise's current grade (the event: the
	 * enterprise notified of its grade, tagged with it). */
	{ MEE, D(.id = "MEE-3.2", .rule = "MEE-3.2", EVENT, .kind = "reduction_plan", .event_kind = "grade_notified",
		.match = EG_DUTY_MATCH_SUBJECT, .flags = EG_DUTY_FLAG_SAME_TAGS, .start = "2020-10-05",
		.name_zh = "一厂一策（与绩效级别一致）", .name_en = "plant plan for the current grade") },
	/* MEE-3.3: at least one inspection of reduction measures within each alert period. */
	{ MEE, D(.id = "MEE-3.3", .rule = "MEE-3.3", EVENT, .kind = "reduction_inspection", .event_kind = "alert_period",
		.match = EG_DUTY_MATCH_ACTOR, .limit_unit = EG_DUTY_UNIT_WINDOW, .start = "2020-10-05",
		.name_zh = "预警期间督查", .name_en = "inspection during the alert") },

	/* ---- Yulin (榆林 rectification plan, 2019-06-28) ---- */
	{ YL, D(.id = "YL-4.1.2", .rule = "YL-4.1.2", PERIODIC, .kind = "principal_study", .group = "body",
		.period = EG_DUTY_PERIOD_QUARTER, .start = "2019-06-28", .name_zh = "主要负责人研究生态环境保护工作",
		.name_en = "principal's study of environmental protection") },
	{ YL, D(.id = "YL-4.2.3", .rule = "YL-4.2.3", EVENT, .kind = "soil_list_publication",
		.event_kind = "soil_list_change", .match = EG_DUTY_MATCH_EVENT_ID, .limit_unit = EG_DUTY_UNIT_WORKDAYS,
		.limit = 20, .start = "2019-06-28", .name_zh = "土壤名录名单公布", .name_en = "publication of a soil list") },
	{ YL, D(.id = "YL-4.4.7-column", .rule = "YL-4.4.7", ONCE, .kind = "env_column",
		.actor = "电视台综合频道;报纸;政府网站", .flags = EG_DUTY_FLAG_NO_DUE, .start = "2019-06-28",
		.name_zh = "生态环境保护专栏", .name_en = "environmental column") },
	{ YL, D(.id = "YL-4.4.7-exposure", .rule = "YL-4.4.7", GAP, .kind = "exposure_report", .actor = "市委宣传部",
		.start = "2019-06-28", .name_zh = "曝光突出环境问题、报道整改进展",
		.name_en = "exposure and progress reports") },
	{ YL, D(.id = "YL-4.4.7-facilities", .rule = "YL-4.4.7", ONCE, .kind = "facility_open",
		.group = "eligible_facility", .start = "2020-12-31", .name_zh = "设施向社会开放",
		.name_en = "facility open to the public") },
	/* YL-5.3: one progress bulletin a month from July 2019 (R0.7), giving every lead unit's progress. */
	{ YL, D(.id = "YL-5.3", .rule = "YL-5.3", PERIODIC, .kind = "progress_bulletin", .actor = "市整改办",
		.cover_group = "lead_unit", .period = EG_DUTY_PERIOD_MONTH, .start = "2019-06-28",
		.name_zh = "按月通报整改进度", .name_en = "monthly progress bulletin") },
	/* YL-5.4: a handling opinion within 3 months (R0.10) of each transferred case. */
	{ YL, D(.id = "YL-5.4", .rule = "YL-5.4", EVENT, .kind = "handling_opinion", .event_kind = "case_transfer",
		.match = EG_DUTY_MATCH_EVENT_ID, .limit_unit = EG_DUTY_UNIT_MONTHS, .limit = 3, .start = "2019-06-28",
		.name_zh = "提出处理意见", .name_en = "handling opinion") },
	{ YL, D(.id = "YL-5.4-publication", .rule = "YL-5.4", EVENT, .kind = "case_published", .event_kind = "case_transfer",
		.match = EG_DUTY_MATCH_EVENT_ID, .limit_unit = EG_DUTY_UNIT_NONE, .start = "2019-06-28",
		.name_zh = "向社会公开处理结果", .name_en = "publication of the handling") },
	/* YL-5.6: a column on each of 一台一报一网; the plan published within 20 working days of 2019-06-28;
	 * progress and county reports with no period (R0.11). */
	{ YL, D(.id = "YL-5.6-column", .rule = "YL-5.6", ONCE, .kind = "rectification_column",
		.actor = "市电视台;市报;市政府网站", .flags = EG_DUTY_FLAG_NO_DUE, .start = "2019-06-28",
		.name_zh = "“一台一报一网”整改专栏", .name_en = "rectification column") },
	{ YL, D(.id = "YL-5.6-plan", .rule = "YL-5.6", ONCE, .kind = "plan_published", .actor = "市委宣传部",
		.limit_unit = EG_DUTY_UNIT_WORKDAYS, .limit = 20, .start = "2019-06-28", .name_zh = "公开整改方案",
		.name_en = "publication of the rectification plan") },
	{ YL, D(.id = "YL-5.6-progress", .rule = "YL-5.6", GAP, .kind = "progress_report", .actor = "市委宣传部",
		.start = "2019-06-28", .name_zh = "报道整改进展", .name_en = "progress report") },
	{ YL, D(.id = "YL-5.6-counties", .rule = "YL-5.6", GAP, .kind = "progress_report", .group = "body",
		.start = "2019-06-28", .name_zh = "县区和部门公开整改进展", .name_en = "county progress report") },
};

const eg__duty_preset *eg__duty_presets(size_t *n)
{
	*n = sizeof presets / sizeof presets[0];
	return presets;
}
