/*
 * The monthly cycle's bookkeeping, shared by `month import|run|drop`,
 * `status` and `report`: what the scheme asks of each month (the input
 * blocks every unit needs, the ladders the months feed), which months are
 * imported and run, and whether a stored result is still the result of
 * what is stored now (fresh) or not (stale, and why).
 *
 * A run is fresh when the inputs, the grid's level-2 units and the scheme
 * it recorded are those stored now, and the month its ladders resumed from
 * is still the latest month before it, run, fresh, and with the same
 * ladder states. Staleness therefore follows the chain: a corrected
 * earlier month makes every later month stale until `month run --from`.
 */
#include "tool.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* The scheme                                                            */
/* ------------------------------------------------------------------ */

/*
 * The workspace's scheme: the document `ecogrid init --scheme` stored
 * (table `scheme`, schema 6). What the monthly cycle takes from it: the
 * rule set in force on each month's last day, the ladders its months feed
 * (`monthly_ladders`: a deduction item's count or the failing grade), and
 * its air-quality ranking with the last-place ladder. The rules themselves
 * are the library's; the tool only reads which of them the scheme names.
 * Results record the SHA-256 of the document's canonical text, so that a
 * new scheme (or a revision of it) makes them stale.
 */
/* The scheme last loaded: block labels name its rules, never another scheme's (the tool is single-threaded). */
static const eg_scheme *label_scheme;

/* Does the scheme cite a rule starting with `prefix`? (No scheme loaded: the built-in Changji labels.) */
static int label_cites(const char *prefix)
{
	if (!label_scheme)
		return 1;
	for (size_t i = 0; i < eg_scheme_source_count(label_scheme); i++) {
		const char *r = NULL, *p = NULL, *a = NULL, *q = NULL;
		if (eg_scheme_source_at(&r, &p, &a, &q, label_scheme, i) == EG_OK && !strncmp(r, prefix, strlen(prefix)))
			return 1;
	}
	return 0;
}

const char *cycle_source_rule(const eg_scheme *sc, const char *pointer)
{
	for (size_t i = 0; sc && i < eg_scheme_source_count(sc); i++) {
		const char *r = NULL, *p = NULL, *a = NULL, *q = NULL;
		if (eg_scheme_source_at(&r, &p, &a, &q, sc, i) == EG_OK && !strcmp(p, pointer))
			return r;
	}
	return NULL;
}

int cycle_scheme_from(cycle_scheme *s, eg_scheme *sc)
{
	int metric = 0, order = 0, decimals = 0;
	const char *last = NULL;
	memset(s, 0, sizeof *s);
	s->scheme = sc;
	label_scheme = sc;
	snprintf(s->name, sizeof s->name, "%s", eg_scheme_id(sc));
	snprintf(s->hash, sizeof s->hash, "%s", eg_scheme_sha256(sc));
	if (eg_scheme_monthly_count(sc) > CYCLE_MAX_LADDERS) {
		tool_fail("scheme %s: the monthly cycle steps at most %d ladders, the scheme names %zu", s->name,
			  CYCLE_MAX_LADDERS, eg_scheme_monthly_count(sc));
		goto fail;
	}
	for (size_t i = 0; i < eg_scheme_monthly_count(sc); i++) {
		int feed = 0;
		if (eg_scheme_monthly_at(&s->ladder[i], &feed, &s->feed_item[i], sc, i) < 0) {
			tool_fail_eg(EG_EINVAL, s->name);
			goto fail;
		}
		s->feed[i] = feed == EG_SCHEME_FEED_ITEM_COUNT ? CYCLE_FEED_ITEM_COUNT : CYCLE_FEED_FAILED;
		s->n_ladders++;
	}
	if (eg_scheme_airq_ranking(&metric, &order, &decimals, &last, sc) < 0) {
		tool_fail_eg(EG_EINVAL, s->name);
		goto fail;
	}
	if (metric != EG_SCHEME_RANK_METRIC_NONE && metric != EG_SCHEME_RANK_METRIC_IMPROVEMENT_RATE) {
		/* The run ranks by the improvement rate (month input "air_ref"); another metric needs other inputs. */
		tool_fail("scheme %s: its air-quality ranking is by composite index; the monthly cycle ranks by "
				     "year-on-year improvement rate only", s->name);
		goto fail;
	}
	s->air = metric == EG_SCHEME_RANK_METRIC_IMPROVEMENT_RATE;
	s->last_place = s->air ? last : NULL;
	return TOOL_OK;
fail:
	cycle_scheme_free(s);
	return TOOL_FAIL;
}

int cycle_scheme_load(cycle_scheme *s, sqlite3 *db)
{
	sqlite3_stmt *st = NULL;
	eg_scheme *sc = NULL;
	eg_scheme_error err = EG_SCHEME_ERROR_INIT;
	int rc;
	memset(s, 0, sizeof *s);
	if (sqlite3_prepare_v2(db, "SELECT text, id FROM scheme WHERE slot = 1", -1, &st, NULL) != SQLITE_OK)
		return tool_fail("workspace: %s", sqlite3_errmsg(db));
	if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return rc == SQLITE_DONE ? tool_fail("the workspace has no scheme; run `ecogrid init --scheme FILE|NAME`")
					 : tool_fail("workspace: %s", sqlite3_errmsg(db));
	}
	rc = eg_scheme_load_buffer(&sc, &err, (const char *)sqlite3_column_text(st, 0), (size_t)sqlite3_column_bytes(st, 0));
	if (rc < 0) {
		/* A document this library no longer reads (or a workspace edited by hand). */
		tool_fail("the workspace's scheme %s no longer loads: %s; store it again with `ecogrid init --scheme`",
			  (const char *)sqlite3_column_text(st, 1), tool_eg_message());
		sqlite3_finalize(st);
		return TOOL_FAIL;
	}
	sqlite3_finalize(st);
	return cycle_scheme_from(s, sc);
}

void cycle_scheme_free(cycle_scheme *s)
{
	if (!s)
		return;
	if (label_scheme == s->scheme)
		label_scheme = NULL;
	eg_scheme_free(s->scheme);
	memset(s, 0, sizeof *s);
}

int cycle_ruleset(eg_ruleset **out, const cycle_scheme *s, const char *day)
{
	int rc = eg_scheme_ruleset(out, s->scheme, day);
	return rc < 0 ? tool_fail("%s: %s: %s", s->name, day, tool_eg_message()) : TOOL_OK;
}

int cycle_profile(eg_airq_profile **out, const cycle_scheme *s, const char *day)
{
	int rc;
	*out = NULL;
	if (!s->air)
		return TOOL_OK;
	rc = eg_scheme_airq_profile(out, s->scheme, day);
	return rc < 0 ? tool_fail("%s: %s: %s", s->name, day, tool_eg_message()) : TOOL_OK;
}

int cycle_ladder(eg_ladder **out, const cycle_scheme *s, const char *name)
{
	int rc = eg_scheme_ladder(out, s->scheme, name);
	return rc < 0 ? tool_fail("%s: %s", s->name, tool_eg_message()) : TOOL_OK;
}

json_t *cycle_unit_missing(const cycle_scheme *s, json_t *u)
{
	json_t *miss = json_array(), *a;
	if (!u) {
		json_array_append_new(miss, json_string("inputs"));
		return miss;
	}
	a = json_object_get(u, "assessment");
	if (!a) {
		json_array_append_new(miss, json_string("assessment"));
	} else {
		/* The items a ladder is fed with must be given: an absent count would read as 0. */
		for (size_t l = 0; l < s->n_ladders; l++)
			if (s->feed[l] == CYCLE_FEED_ITEM_COUNT &&
			    !json_object_get(json_object_get(a, "items"), s->feed_item[l])) {
				char b[64];
				snprintf(b, sizeof b, "assessment.items.%s", s->feed_item[l]);
				json_array_append_new(miss, json_string(b));
			}
	}
	/* Air: statistics or station hours, unless the unit declares it has no station. */
	if (s->air && !json_object_get(u, "air") && !json_object_get(u, "air_hourly") &&
	    !json_is_false(json_object_get(u, "air_station")))
		json_array_append_new(miss, json_string("air"));
	return miss;
}

/* ------------------------------------------------------------------ */
/* Months                                                                */
/* ------------------------------------------------------------------ */

int month_valid(const char *m)
{
	/* Exactly "YYYY-MM", digits only (sscanf took "2026-+9"), 1900-9999, month 01-12. */
	if (!m || strlen(m) != 7 || m[4] != '-')
		return 0;
	for (int i = 0; i < 7; i++)
		if (i != 4 && (m[i] < '0' || m[i] > '9'))
			return 0;
	return atoi(m) >= 1900 && atoi(m + 5) >= 1 && atoi(m + 5) <= 12;
}

int month_index(const char *m)
{
	return atoi(m) * 12 + atoi(m + 5) - 1;
}

void month_format(char *out, int index)
{
	unsigned y = (unsigned)(index / 12) % 10000u, m = (unsigned)(index % 12) + 1u;
	out[0] = (char)('0' + y / 1000);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[7] = '\0';
}

static char *dup_col(sqlite3_stmt *st, int c)
{
	const unsigned char *t = sqlite3_column_text(st, c);
	return strdup(t ? (const char *)t : "");
}

static cyc_month *month_at(cycle *c, const char *m)
{
	size_t i;
	for (i = 0; i < c->n; i++) {
		int cmp = strcmp(c->m[i].month, m);
		if (cmp == 0)
			return &c->m[i];
		if (cmp > 0)
			break;
	}
	if (c->n == c->cap) {
		size_t cap = c->cap ? 2 * c->cap : 32;
		cyc_month *t = realloc(c->m, cap * sizeof *t);
		if (!t)
			return NULL;
		c->m = t;
		c->cap = cap;
	}
	memmove(&c->m[i + 1], &c->m[i], (c->n - i) * sizeof *c->m);
	memset(&c->m[i], 0, sizeof c->m[i]);
	snprintf(c->m[i].month, sizeof c->m[i].month, "%s", m);
	c->n++;
	return &c->m[i];
}

static void add_reason(cyc_month *m, int code, const char *arg)
{
	if (m->n_why < sizeof m->why / sizeof m->why[0]) {
		m->why[m->n_why].code = code;
		snprintf(m->why[m->n_why].arg, sizeof m->why[m->n_why].arg, "%s", arg ? arg : "");
		m->n_why++;
	}
}

int cycle_load(cycle *c, sqlite3 *db, const cycle_scheme *s)
{
	sqlite3_stmt *st = NULL;
	int rc = TOOL_OK;
	memset(c, 0, sizeof *c);
	if (ws_hash_units(c->units_hash, db) || ws_hash_roster(c->roster_hash, db))
		return TOOL_FAIL;
	snprintf(c->scheme_hash, sizeof c->scheme_hash, "%s", s->hash);
	/* Imports. */
	if (sqlite3_prepare_v2(db, "SELECT month, hash, at, file, units, grid_hash, missing FROM month_import", -1, &st, NULL))
		goto sqlfail;
	while (sqlite3_step(st) == SQLITE_ROW) {
		cyc_month *m = month_at(c, (const char *)sqlite3_column_text(st, 0));
		if (!m)
			goto nomem;
		m->imported = 1;
		snprintf(m->import_hash, sizeof m->import_hash, "%s", (const char *)sqlite3_column_text(st, 1));
		snprintf(m->import_at, sizeof m->import_at, "%s", (const char *)sqlite3_column_text(st, 2));
		m->n_units = sqlite3_column_int(st, 4);
		snprintf(m->import_units_hash, sizeof m->import_units_hash, "%s", (const char *)sqlite3_column_text(st, 5));
		if (!(m->import_file = dup_col(st, 3)) || !(m->missing = dup_col(st, 6)))
			goto nomem;
	}
	sqlite3_finalize(st);
	/* Runs. */
	if (sqlite3_prepare_v2(db,
			       "SELECT month, at, inputs_hash, grid_hash, roster_hash, scheme_hash, prev_month, prev_state_hash, "
			       "state_hash, allow_missing, gaps FROM month_run",
			       -1, &st, NULL))
		goto sqlfail;
	while (sqlite3_step(st) == SQLITE_ROW) {
		cyc_month *m = month_at(c, (const char *)sqlite3_column_text(st, 0));
		if (!m)
			goto nomem;
		m->run = 1;
		snprintf(m->run_at, sizeof m->run_at, "%s", (const char *)sqlite3_column_text(st, 1));
		snprintf(m->inputs_hash, sizeof m->inputs_hash, "%s", (const char *)sqlite3_column_text(st, 2));
		snprintf(m->units_hash, sizeof m->units_hash, "%s", (const char *)sqlite3_column_text(st, 3));
		snprintf(m->roster_hash, sizeof m->roster_hash, "%s", (const char *)sqlite3_column_text(st, 4));
		snprintf(m->scheme_hash, sizeof m->scheme_hash, "%s", (const char *)sqlite3_column_text(st, 5));
		snprintf(m->prev_month, sizeof m->prev_month, "%s", (const char *)sqlite3_column_text(st, 6));
		snprintf(m->prev_state_hash, sizeof m->prev_state_hash, "%s", (const char *)sqlite3_column_text(st, 7));
		snprintf(m->state_hash, sizeof m->state_hash, "%s", (const char *)sqlite3_column_text(st, 8));
		m->allow_missing = sqlite3_column_int(st, 9);
		if (!(m->gaps = dup_col(st, 10)))
			goto nomem;
		/* Results stored by a tool before schema 5 recorded nothing of what they used. */
		if (!strcmp(m->inputs_hash, "legacy")) {
			m->run = 0;
			m->legacy = 1;
		}
	}
	sqlite3_finalize(st);
	st = NULL;

	/* Freshness, oldest first: a month's verdict uses its predecessor's. */
	for (size_t i = 0; i < c->n; i++) {
		cyc_month *m = &c->m[i], *p = i > 0 ? &c->m[i - 1] : NULL;
		if (!m->run) {
			m->state = m->legacy ? CYCLE_STALE : m->imported ? CYCLE_NOT_RUN : CYCLE_NOTHING;
			if (m->legacy)
				add_reason(m, CYCLE_WHY_LEGACY, NULL);
			continue;
		}
		if (!m->imported)
			add_reason(m, CYCLE_WHY_INPUTS_DROPPED, NULL);
		else if (strcmp(m->import_hash, m->inputs_hash) != 0)
			add_reason(m, CYCLE_WHY_INPUTS_CHANGED, m->import_at);
		if (strcmp(c->units_hash, m->units_hash) != 0)
			add_reason(m, CYCLE_WHY_UNITS_CHANGED, NULL);
		if (strcmp(c->scheme_hash, m->scheme_hash) != 0)
			add_reason(m, CYCLE_WHY_SCHEME_CHANGED, NULL);
		if (strcmp(p ? p->month : "", m->prev_month) != 0)
			add_reason(m, CYCLE_WHY_PREDECESSOR_CHANGED, p ? p->month : m->prev_month);
		else if (p && !p->run)
			add_reason(m, CYCLE_WHY_PREDECESSOR_NOT_RUN, p->month);
		else if (p && p->state != CYCLE_FRESH)
			add_reason(m, CYCLE_WHY_PREDECESSOR_STALE, p->month);
		else if (p && strcmp(p->state_hash, m->prev_state_hash) != 0)
			add_reason(m, CYCLE_WHY_PREDECESSOR_RERUN, p->month);
		m->state = m->n_why ? CYCLE_STALE : CYCLE_FRESH;
	}
	return TOOL_OK;
sqlfail:
	rc = tool_fail("workspace: %s", sqlite3_errmsg(db));
	sqlite3_finalize(st);
	cycle_free(c);
	return rc;
nomem:
	sqlite3_finalize(st);
	cycle_free(c);
	return tool_fail("out of memory");
}

void cycle_free(cycle *c)
{
	for (size_t i = 0; i < c->n; i++) {
		free(c->m[i].import_file);
		free(c->m[i].missing);
		free(c->m[i].gaps);
	}
	free(c->m);
	memset(c, 0, sizeof *c);
}

const cyc_month *cycle_find(const cycle *c, const char *month)
{
	for (size_t i = 0; i < c->n; i++)
		if (strcmp(c->m[i].month, month) == 0)
			return &c->m[i];
	return NULL;
}

const cyc_month *cycle_before(const cycle *c, const char *month)
{
	const cyc_month *p = NULL;
	for (size_t i = 0; i < c->n && strcmp(c->m[i].month, month) < 0; i++)
		if (c->m[i].imported || c->m[i].run || c->m[i].legacy)
			p = &c->m[i];
	return p;
}

const cyc_month *cycle_root(const cycle *c, const char *month)
{
	const cyc_month *cur = cycle_find(c, month), *p;
	/* Back while the month before is not fresh: the chain must be run again from there. */
	while (cur && (p = cycle_before(c, cur->month)) && p->state != CYCLE_FRESH)
		cur = p;
	return cur;
}

const char *cycle_why_text(const cycle_why *w, int lang, char *buf, size_t size)
{
	const char *a = w->arg;
	switch (w->code) {
	case CYCLE_WHY_LEGACY:
		snprintf(buf, size, "%s", lang == EG_LANG_EN ? "run by a tool before schema 5, which did not record what it used"
							       : "由结构版本 5 之前的工具运行，未记录所用数据");
		break;
	case CYCLE_WHY_INPUTS_DROPPED:
		snprintf(buf, size, "%s", lang == EG_LANG_EN ? "its inputs were dropped" : "其输入已删除");
		break;
	case CYCLE_WHY_INPUTS_CHANGED:
		snprintf(buf, size, lang == EG_LANG_EN ? "its inputs were imported again (%s) after the run"
						       : "运行后重新导入了输入（%s）", a);
		break;
	case CYCLE_WHY_UNITS_CHANGED:
		snprintf(buf, size, "%s", lang == EG_LANG_EN ? "the grid's level-2 units changed since the run"
							       : "运行后网格的二级单位发生变化");
		break;
	case CYCLE_WHY_SCHEME_CHANGED:
		snprintf(buf, size, "%s", lang == EG_LANG_EN ? "the scheme changed since the run" : "运行后考核方案发生变化");
		break;
	case CYCLE_WHY_PREDECESSOR_CHANGED:
		snprintf(buf, size, lang == EG_LANG_EN ? "the month before it is now %s (imported or dropped since the run)"
						       : "其前一个月现为 %s（运行后有月份导入或删除）", *a ? a : "-");
		break;
	case CYCLE_WHY_PREDECESSOR_NOT_RUN:
		snprintf(buf, size, lang == EG_LANG_EN ? "%s has not been run" : "%s 尚未运行", a);
		break;
	case CYCLE_WHY_PREDECESSOR_STALE:
		snprintf(buf, size, lang == EG_LANG_EN ? "%s is stale" : "%s 已过期", a);
		break;
	default:
		snprintf(buf, size, lang == EG_LANG_EN ? "%s was run again with other results" : "%s 已重新运行且结果不同", a);
		break;
	}
	return buf;
}

const char *cycle_why_code(int code)
{
	static const char *const codes[] = { "legacy", "inputs_dropped", "inputs_changed", "units_changed", "scheme_changed",
					     "predecessor_changed", "predecessor_not_run", "predecessor_stale",
					     "predecessor_rerun" };
	return code >= 0 && code < (int)(sizeof codes / sizeof codes[0]) ? codes[code] : "?";
}

const char *cycle_block_label(const char *block, int lang)
{
	if (!strcmp(block, "inputs"))
		return lang == EG_LANG_EN ? "all inputs" : "全部数据";
	/* The Changji rule IDs only when the workspace's scheme is one that cites them. */
	if (!strcmp(block, "assessment"))
		return label_cites("CJ-A2-") ? (lang == EG_LANG_EN ? "the assessment (CJ-A2)" : "考核数据（CJ-A2）")
					     : (lang == EG_LANG_EN ? "the assessment" : "考核数据");
	if (!strcmp(block, "air"))
		return label_cites("CJ-A3-") ? (lang == EG_LANG_EN ? "air quality (CJ-A3)" : "空气质量数据（CJ-A3）")
					     : (lang == EG_LANG_EN ? "air quality" : "空气质量数据");
	if (!strcmp(block, "assessment.items.4") && label_cites("CJ-A2-5.4"))
		return lang == EG_LANG_EN ? "item 4, problems found by higher levels (CJ-A2-5.4)" : "第4项上级发现问题数（CJ-A2-5.4）";
	if (!strncmp(block, "assessment.items.", 17)) {
		/* Another scheme's item that feeds a monthly ladder (the tool is single-threaded; used at once). */
		static char buf[128];
		snprintf(buf, sizeof buf, lang == EG_LANG_EN ? "the count of item %s (it feeds a ladder)" : "第%s项问题数（用于问责阶梯）",
			 block + 17);
		return buf;
	}
	return block;
}
