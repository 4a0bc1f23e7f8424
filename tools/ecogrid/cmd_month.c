/*
 * The monthly cycle: month import (JSON), month run (CJ-A2 assessment,
 * CJ-A2-7.3 and CJ-A2-7.1 ladders, CJ-A3-3 composite index, improvement
 * rate, CJ-A3-5 ranking, CJ-A3-4 last-place ladder), report (text, json,
 * csv, html) and demo.
 *
 * Month input (one file per month):
 *   { "units": { "<level-2 unit ID>": {
 *       "assessment": { "items": {"4": 3, ...}, "construction": [true, true, true],
 *                       "bonus": 1, "media": [["regional"]], "forced_fail": ["CJ-A2-6.3-c"],
 *                       "item7_adverse": false },
 *       "air": { "so2": 9, "no2": 38, "pm10": 82, "pm25": 41, "co": 1.1, "o3": 96 },
 *       "air_ref": 4.98 } } }
 * "air" holds the month's statistics (CO in mg/m³), "air_ref" the
 * composite index of the same month a year before (同比), and the optional
 * "air_target_missed" (bool) the CJ-A3-4 flag for the year.
 */
#include "tool.h"

#include <csv.h>
#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_UNITS 4096

static int valid_month(const char *m)
{
	int y, mo;
	char tail;
	return m && strlen(m) == 7 && sscanf(m, "%4d-%2d%c", &y, &mo, &tail) == 2 && y >= 1900 && y <= 9999 &&
	       mo >= 1 && mo <= 12 && m[4] == '-';
}

static int days_in_month(int y, int m)
{
	static const int dm[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	return dm[m - 1] + (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
}

static void month_last_day(char *buf, size_t sz, const char *m)
{
	int y = atoi(m), mo = atoi(m + 5);
	snprintf(buf, sz, "%04d-%02d-%02d", y, mo, days_in_month(y, mo));
}

/* Apply a unit's "assessment" object to inputs; errors name the JSON path. */
static int apply_assessment(eg_assess_input *in, json_t *a, const char *path)
{
	json_t *v, *x;
	const char *key;
	size_t i;
	if (!a)
		return TOOL_OK;
	if (!json_is_object(a))
		return tool_fail("%s.assessment: must be an object", path);
	json_object_foreach(a, key, v) {
		if (strcmp(key, "items") && strcmp(key, "construction") && strcmp(key, "bonus") && strcmp(key, "media") &&
		    strcmp(key, "forced_fail") && strcmp(key, "item7_adverse"))
			return tool_fail("%s.assessment.%s: unknown key", path, key);
	}
	if ((v = json_object_get(a, "items"))) {
		if (!json_is_object(v))
			return tool_fail("%s.assessment.items: must be an object item -> count", path);
		json_object_foreach(v, key, x) {
			if (!json_is_integer(x))
				return tool_fail("%s.assessment.items.%s: must be an integer", path, key);
			if (eg_assess_input_set_count(in, key, json_integer_value(x)) < 0)
				return tool_fail("%s.assessment.items.%s: %s", path, key, eg_error_last()->message);
		}
	}
	if ((v = json_object_get(a, "construction"))) {
		if (!json_is_array(v) || json_array_size(v) != 3)
			return tool_fail("%s.assessment.construction: must be 3 booleans (items 1-3, CJ-A2-5.1 to 5.3)", path);
		json_array_foreach(v, i, x) {
			char id[24];
			if (!json_is_boolean(x))
				return tool_fail("%s.assessment.construction[%zu]: must be a boolean", path, i);
			snprintf(id, sizeof id, "%zu", i + 1);
			eg_assess_input_set_status(in, id, json_is_true(x));
		}
	}
	if ((v = json_object_get(a, "bonus"))) {
		if (!json_is_integer(v) || eg_assess_input_set_bonus(in, json_integer_value(v)) < 0)
			return tool_fail("%s.assessment.bonus: %s", path,
					 json_is_integer(v) ? eg_error_last()->message : "must be an integer");
	}
	if ((v = json_object_get(a, "media"))) {
		if (!json_is_array(v))
			return tool_fail("%s.assessment.media: must be a list of problems (lists of levels)", path);
		json_array_foreach(v, i, x) {
			const char *lv[8];
			size_t n = 0, k;
			json_t *y;
			if (!json_is_array(x) || json_array_size(x) == 0 || json_array_size(x) > 8)
				return tool_fail("%s.assessment.media[%zu]: must be a list of 1-8 levels", path, i);
			json_array_foreach(x, k, y) {
				if (!json_is_string(y))
					return tool_fail("%s.assessment.media[%zu][%zu]: must be a string", path, i, k);
				lv[n++] = json_string_value(y);
			}
			if (eg_assess_input_add_problem(in, lv, n) < 0)
				return tool_fail("%s.assessment.media[%zu]: %s", path, i, eg_error_last()->message);
		}
	}
	if ((v = json_object_get(a, "forced_fail"))) {
		if (!json_is_array(v))
			return tool_fail("%s.assessment.forced_fail: must be a list of condition IDs", path);
		json_array_foreach(v, i, x)
			if (!json_is_string(x) || eg_assess_input_add_forced_fail(in, json_string_value(x)) < 0)
				return tool_fail("%s.assessment.forced_fail[%zu]: %s", path, i,
						 json_is_string(x) ? eg_error_last()->message : "must be a string");
	}
	if ((v = json_object_get(a, "item7_adverse"))) {
		if (!json_is_boolean(v))
			return tool_fail("%s.assessment.item7_adverse: must be a boolean", path);
		eg_assess_input_set_adverse(in, "7", json_is_true(v));
	}
	return TOOL_OK;
}

static const char *const air_keys[EG_POLLUTANT_COUNT] = { "so2", "no2", "pm10", "pm25", "co", "o3" };

#define MAX_STATIONS 2000

/* Day numbers 1..days from a JSON array into flags[0..days-1]; -1 on bad data (reported). */
static int read_days(unsigned char *flags, json_t *a, int days, const char *path, const char *what)
{
	size_t i;
	json_t *x;
	if (!json_is_array(a))
		return -tool_fail("%s.%s: must be a list of days of the month", path, what);
	json_array_foreach(a, i, x) {
		if (!json_is_integer(x) || json_integer_value(x) < 1 || json_integer_value(x) > days)
			return -tool_fail("%s.%s[%zu]: must be a day 1-%d", path, what, i, days);
		if (flags)
			flags[json_integer_value(x) - 1] = 1;
	}
	return 0;
}

/*
 * A unit's "air_hourly" to its monthly statistics (airquality.md §2-§4):
 *   { "stations": { "<station>": { "so2": [hour values or null], ... all six } },
 *     "dust_days": [days], "tampered": { "<station>": [days] } }
 * A tampered station-day (CJ-A3-6) is replaced, pollutant by pollutant, by
 * the station's highest valid daily value of the month among its other
 * days; the county's value per hour is the mean of its valid stations
 * (§3 reading); dust days skip PM10 and PM2.5 (§2); then the library's
 * monthly statistics, which must all be valid (27 valid days, February 25).
 * Without a month (`m` NULL) only the shape is checked. 0 on success, -1 on
 * bad data (reported).
 */
static int air_from_hourly(double *stats, json_t *h, const char *path, const char *m, const eg_airq_profile *prof)
{
	json_t *stations = json_object_get(h, "stations"), *tam = json_object_get(h, "tampered"), *v, *x;
	const char *key, *sid;
	int year = m ? atoi(m) : 0, mon = m ? atoi(m + 5) : 0, days = m ? days_in_month(year, mon) : 31, rc = -1;
	size_t ns = json_object_size(stations), n_hours = 24 * (size_t)days, s = 0, i;
	double *hourly = NULL, *daily = NULL, *agg = NULL;
	unsigned char *tflags = NULL, dust[31] = { 0 };
	eg_airq_stat st[EG_POLLUTANT_COUNT];
	json_object_foreach(h, key, v)
		if (strcmp(key, "stations") && strcmp(key, "dust_days") && strcmp(key, "tampered"))
			return -tool_fail("%s.air_hourly.%s: unknown key (stations, dust_days, tampered)", path, key);
	if (!json_is_object(stations) || ns == 0 || ns > MAX_STATIONS)
		return -tool_fail("%s.air_hourly.stations: must be an object of 1-%d stations", path, MAX_STATIONS);
	if (json_object_get(h, "dust_days") && read_days(dust, json_object_get(h, "dust_days"), days, path, "air_hourly.dust_days"))
		return -1;
	if (tam && !json_is_object(tam))
		return -tool_fail("%s.air_hourly.tampered: must be an object station -> days (CJ-A3-6)", path);
	json_object_foreach(tam, sid, v) {
		char what[160];
		snprintf(what, sizeof what, "air_hourly.tampered.%s", sid);
		if (!json_object_get(stations, sid))
			return -tool_fail("%s.%s: no such station", path, what);
		if (read_days(NULL, v, days, path, what))
			return -1;
	}
	if (m && (!(hourly = malloc(ns * EG_POLLUTANT_COUNT * n_hours * sizeof *hourly)) ||
		  !(daily = malloc(ns * EG_POLLUTANT_COUNT * (size_t)days * sizeof *daily)) ||
		  !(agg = malloc(EG_POLLUTANT_COUNT * n_hours * sizeof *agg)) || !(tflags = calloc(ns * (size_t)days, 1)))) {
		tool_fail("%s: out of memory", path);
		goto done;
	}
	json_object_foreach(stations, sid, v) {
		if (!json_is_object(v)) {
			tool_fail("%s.air_hourly.stations.%s: must be an object of six hourly series", path, sid);
			goto done;
		}
		for (int p = 0; p < EG_POLLUTANT_COUNT; p++) {
			json_t *a = json_object_get(v, air_keys[p]);
			if (!json_is_array(a) || (m && json_array_size(a) != n_hours) || json_array_size(a) > 24 * 31) {
				tool_fail("%s.air_hourly.stations.%s.%s: must be a list of %zu hourly values (number or null)", path,
					  sid, air_keys[p], n_hours);
				goto done;
			}
			json_array_foreach(a, i, x) {
				if (!json_is_null(x) && (!json_is_number(x) || json_number_value(x) < 0)) {
					tool_fail("%s.air_hourly.stations.%s.%s[%zu]: must be a number >= 0 or null (missing)", path,
						  sid, air_keys[p], i);
					goto done;
				}
				if (hourly)
					hourly[(s * EG_POLLUTANT_COUNT + (size_t)p) * n_hours + i] = json_is_null(x) ? NAN : json_number_value(x);
			}
		}
		if (tflags && json_object_get(tam, sid))
			read_days(tflags + s * (size_t)days, json_object_get(tam, sid), days, path, "air_hourly.tampered");
		s++;
	}
	if (!m) {
		rc = 0;
		goto done;
	}
	/* CJ-A3-6: tampered days take the station's highest valid daily value of the month. */
	if (tam && eg_airq_daily_values(daily, prof, hourly, ns, n_hours) < 0) {
		tool_fail("%s.air_hourly: %s", path, eg_error_last()->message);
		goto done;
	}
	for (s = 0; tam && s < ns; s++)
		for (int p = 0; p < EG_POLLUTANT_COUNT; p++) {
			double best = NAN, *dv = daily + (s * EG_POLLUTANT_COUNT + (size_t)p) * (size_t)days;
			for (int d = 0; d < days; d++)
				if (!tflags[s * (size_t)days + (size_t)d] && !isnan(dv[d]) && (isnan(best) || dv[d] > best))
					best = dv[d];
			for (int d = 0; d < days; d++)
				if (tflags[s * (size_t)days + (size_t)d])
					for (int k = 0; k < 24; k++)
						hourly[(s * EG_POLLUTANT_COUNT + (size_t)p) * n_hours + (size_t)d * 24 + (size_t)k] = best;
		}
	if (eg_airq_aggregate_hours(agg, hourly, ns, n_hours) < 0 ||
	    eg_airq_monthly_stats(st, prof, agg, 1, n_hours, &(eg_airq_monthly_options){ EG_AIRQ_MONTHLY_OPTIONS_VERSION, year, mon, dust, NULL }) < 0) {
		tool_fail("%s.air_hourly: %s", path, eg_error_last()->message);
		goto done;
	}
	for (int p = 0; p < EG_POLLUTANT_COUNT; p++) {
		if (!st[p].valid) {
			tool_fail("%s.air_hourly: %s has %d valid days of %d, %d required (airquality.md §3)", path, air_keys[p],
				  (int)st[p].n_valid, (int)st[p].n_days, (int)st[p].n_required);
			goto done;
		}
		stats[p] = st[p].value;
	}
	rc = 0;
done:
	free(hourly);
	free(daily);
	free(agg);
	free(tflags);
	return rc;
}

/*
 * 1 when the unit has air data (filled), 0 when it has none, -1 on bad data
 * (reported). Statistics come from "air" or are computed from "air_hourly"
 * (for month `m` with profile `prof`; shape only when m is NULL).
 */
static int read_air(double *stats, double *ref, json_t *u, const char *path, const char *m, const eg_airq_profile *prof)
{
	json_t *air = json_object_get(u, "air"), *hourly = json_object_get(u, "air_hourly"), *r = json_object_get(u, "air_ref");
	if (!air && !hourly && !r)
		return 0;
	if (air && hourly)
		return -tool_fail("%s: give \"air\" (statistics) or \"air_hourly\" (station hours), not both", path);
	if (!(json_is_object(air) || json_is_object(hourly)) || !json_is_number(r))
		return -tool_fail("%s: \"air\" (object of statistics) or \"air_hourly\" and \"air_ref\" (number) go together",
				  path);
	*ref = json_number_value(r);
	if (!(*ref > 0))
		return -tool_fail("%s.air_ref: must be > 0 (airquality.md §5)", path);
	if (hourly)
		return air_from_hourly(stats, hourly, path, m, prof) < 0 ? -1 : 1;
	for (int k = 0; k < EG_POLLUTANT_COUNT; k++) {
		json_t *x = json_object_get(air, air_keys[k]);
		if (!json_is_number(x) || json_number_value(x) < 0)
			return -tool_fail("%s.air.%s: must be a number >= 0", path, air_keys[k]);
		stats[k] = json_number_value(x);
	}
	return 1;
}

/*
 * Validate a whole month document against the rule set and the grid; with
 * a month (and its profile), hourly air data are computed too.
 */
static int month_validate_in(json_t *doc, const char *file, const eg_ruleset *rs, const eg_grid *g, const char *month,
			     const eg_airq_profile *prof)
{
	json_t *units, *u, *x;
	const char *id, *key;
	size_t k = 0, n_hourly = 0;
	int progress = month && isatty(STDERR_FILENO);
	if (!json_is_object(doc) || !json_is_object(units = json_object_get(doc, "units")))
		return tool_fail("%s: top level must be an object with \"units\"", file);
	if (json_object_size(units) == 0 || json_object_size(units) > MAX_UNITS)
		return tool_fail("%s: units: 1-%d units expected", file, MAX_UNITS);
	json_object_foreach(units, id, u)
		n_hourly += json_object_get(u, "air_hourly") != NULL;
	json_object_foreach(units, id, u) {
		char path[300];
		const eg_node *n;
		eg_assess_input *in = NULL;
		double st[EG_POLLUTANT_COUNT], ref;
		int rc;
		snprintf(path, sizeof path, "%s: units.%s", file, id);
		if (eg_grid_lookup(&n, g, id) < 0 || eg_node_level(n) != EG_LEVEL_COUNTY)
			return tool_fail("%s: unknown unit (not a level-2 node of the workspace grid)", path);
		if (!json_is_object(u))
			return tool_fail("%s: must be an object", path);
		json_object_foreach(u, key, x)
			if (strcmp(key, "assessment") && strcmp(key, "air") && strcmp(key, "air_hourly") && strcmp(key, "air_ref") &&
			    strcmp(key, "air_target_missed"))
				return tool_fail("%s.%s: unknown key (assessment, air, air_hourly, air_ref, air_target_missed)", path, key);
		if ((x = json_object_get(u, "air_target_missed")) && !json_is_boolean(x))
			return tool_fail("%s.air_target_missed: must be a boolean (CJ-A3-4)", path);
		if (eg_assess_input_new(&in, rs) < 0)
			return tool_fail_eg(EG_ENOMEM, "month import");
		rc = apply_assessment(in, json_object_get(u, "assessment"), path);
		eg_assess_input_free(in);
		if (rc || read_air(st, &ref, u, path, month, prof) < 0)
			return TOOL_FAIL;
		if (progress && n_hourly > 0 && json_object_get(u, "air_hourly"))
			fprintf(stderr, "\r%s %zu / %zu", month, ++k, n_hourly);
	}
	if (progress && n_hourly > 0)
		fputc('\n', stderr);
	return TOOL_OK;
}

int month_validate(json_t *doc, const char *file, const eg_ruleset *rs, const eg_grid *g)
{
	return month_validate_in(doc, file, rs, g, NULL, NULL);
}

/*
 * Replace a month's rows of `table` (month_input or month_result) by one row
 * per member of `units` (unit ID -> JSON), inside the caller's transaction.
 */
static int store_month_rows(sqlite3 *db, const char *table, const char *month, json_t *units, size_t flags)
{
	sqlite3_stmt *st = NULL;
	const char *id;
	json_t *u;
	char sql[160];
	int rc;
	snprintf(sql, sizeof sql, "DELETE FROM %s WHERE month='%s'", table, month);
	if ((rc = ws_exec(db, sql)))
		return rc;
	snprintf(sql, sizeof sql, "INSERT INTO %s(month, unit, json) VALUES(?,?,?)", table);
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return tool_fail("workspace: %s", sqlite3_errmsg(db));
	json_object_foreach(units, id, u) {
		char *text = json_dumps(u, flags);
		sqlite3_bind_text(st, 1, month, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, id, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, text, -1, SQLITE_TRANSIENT);
		if (!text || sqlite3_step(st) != SQLITE_DONE)
			rc = tool_fail("workspace: %s", sqlite3_errmsg(db));
		free(text);
		sqlite3_reset(st);
		if (rc)
			break;
		ws_row_written();
	}
	sqlite3_finalize(st);
	return rc;
}

int cmd_month_import(tool_ctx *ctx, const char *month, const char *file)
{
	json_error_t jerr;
	json_t *doc, *units;
	eg_ruleset *rs = NULL;
	eg_airq_profile *prof = NULL;
	eg_grid *g = NULL;
	sqlite3 *db;
	char day[16], detail[256];
	int rc;
	if (!valid_month(month))
		return tool_fail("month import: \"%s\" is not a month YYYY-MM", month);
	doc = json_load_file(file, JSON_REJECT_DUPLICATES, &jerr);
	if (!doc)
		return tool_fail("%s: line %d: %s", file, jerr.line, jerr.text);
	if (in_json_check(doc, file)) {
		json_decref(doc);
		return TOOL_FAIL;
	}
	month_last_day(day, sizeof day, month);
	if (eg_ruleset_for_date(&rs, "changji", day) < 0) {
		json_decref(doc);
		return tool_fail("month import: %s", eg_error_last()->message);
	}
	if (ws_open(&db, ctx->db_path, 1)) {
		json_decref(doc);
		eg_ruleset_free(rs);
		return TOOL_FAIL;
	}
	rc = ws_load_nodes(&g, db);
	if (!rc && eg_airq_profile_for_date(&prof, day) < 0)
		rc = tool_fail("month import: %s", eg_error_last()->message);
	if (!rc)
		rc = month_validate_in(doc, file, rs, g, month, prof);
	if (!rc)
		rc = ws_begin(db);
	if (!rc) {
		/* One transaction: replace the month's inputs, log, commit. */
		units = json_object_get(doc, "units");
		rc = store_month_rows(db, "month_input", month, units, JSON_COMPACT | JSON_SORT_KEYS);
		snprintf(detail, sizeof detail, "%s: %s, %zu units", month, file, json_object_size(units));
		if (!rc)
			rc = ws_log(db, "month import", detail);
		if (!rc)
			rc = ws_commit(db);
		if (rc)
			ws_rollback(db);
		else
			printf(TR(ctx, "已导入 %s 月度数据：%zu 个单位\n", "imported %s: %zu units\n"), month,
			       json_object_size(units));
	}
	eg_grid_free(g);
	eg_ruleset_free(rs);
	eg_airq_profile_free(prof);
	json_decref(doc);
	ws_close(db);
	return rc;
}

/* ------------------------------------------------------------------ */
/* month run                                                            */
/* ------------------------------------------------------------------ */

typedef struct unit_month {
	char id[72];
	json_t *in;
	eg_assess_result *res;
	int has_air;
	double stats[EG_POLLUTANT_COUNT], ref, rate;
	eg_airq_index ix;
	int32_t rank;
} unit_month;

typedef struct month_data {
	char month[8];
	unit_month *u;
	size_t n;
} month_data;

static void month_data_free(month_data *m)
{
	for (size_t i = 0; i < m->n; i++) {
		json_decref(m->u[i].in);
		eg_assess_result_free(m->u[i].res);
	}
	free(m->u);
	memset(m, 0, sizeof *m);
}

/* Read every month <= `upto` with inputs, in order. */
static int load_months(sqlite3 *db, const char *upto, month_data **out, size_t *n_out)
{
	sqlite3_stmt *st;
	month_data *ms = NULL;
	size_t n = 0;
	int rc = TOOL_OK;
	if (sqlite3_prepare_v2(db, "SELECT month, unit, json FROM month_input WHERE month <= ? ORDER BY month, unit", -1,
			       &st, NULL) != SQLITE_OK)
		return tool_fail("workspace: %s", sqlite3_errmsg(db));
	sqlite3_bind_text(st, 1, upto, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *m = (const char *)sqlite3_column_text(st, 0);
		month_data *cur;
		unit_month *um;
		if (!n || strcmp(ms[n - 1].month, m) != 0) {
			month_data *t = realloc(ms, (n + 1) * sizeof *ms);
			if (!t) {
				rc = tool_fail("out of memory");
				break;
			}
			ms = t;
			memset(&ms[n], 0, sizeof ms[n]);
			snprintf(ms[n].month, sizeof ms[n].month, "%s", m);
			n++;
		}
		cur = &ms[n - 1];
		um = realloc(cur->u, (cur->n + 1) * sizeof *um);
		if (!um) {
			rc = tool_fail("out of memory");
			break;
		}
		cur->u = um;
		um = &cur->u[cur->n++];
		memset(um, 0, sizeof *um);
		snprintf(um->id, sizeof um->id, "%s", (const char *)sqlite3_column_text(st, 1));
		um->in = json_loads((const char *)sqlite3_column_text(st, 2), 0, NULL);
		if (!um->in) {
			rc = tool_fail("workspace: stored input of %s %s is not JSON", m, um->id);
			break;
		}
	}
	sqlite3_finalize(st);
	if (rc) {
		for (size_t i = 0; i < n; i++)
			month_data_free(&ms[i]);
		free(ms);
		return rc;
	}
	*out = ms;
	*n_out = n;
	return TOOL_OK;
}

/* Score, index and rank one month (everything but the ladders). */
static int compute_month(month_data *m)
{
	char day[16];
	eg_ruleset *rs = NULL;
	eg_airq_profile *prof = NULL;
	double rates[MAX_UNITS];
	int32_t ranks[MAX_UNITS];
	size_t n_air = 0;
	int rc = TOOL_OK;
	month_last_day(day, sizeof day, m->month);
	if (eg_ruleset_for_date(&rs, "changji", day) < 0 || eg_airq_profile_for_date(&prof, day) < 0) {
		rc = tool_fail("%s: %s", m->month, eg_error_last()->message);
		goto done;
	}
	for (size_t i = 0; i < m->n && !rc; i++) {
		unit_month *u = &m->u[i];
		eg_assess_input *in = NULL;
		char path[128];
		snprintf(path, sizeof path, "%s units.%s", m->month, u->id);
		if (eg_assess_input_new(&in, rs) < 0 || apply_assessment(in, json_object_get(u->in, "assessment"), path) ||
		    eg_assess_score(&u->res, rs, in, m->month) < 0)
			rc = tool_fail("%s: %s", path, eg_error_last()->message);
		eg_assess_input_free(in);
		if (rc)
			break;
		u->has_air = read_air(u->stats, &u->ref, u->in, path, m->month, prof);
		if (u->has_air < 0) {
			rc = TOOL_FAIL;
			break;
		}
		if (u->has_air) {
			/* CJ-A3-3 composite index and the year-on-year improvement rate (§5). */
			u->ix = (eg_airq_index)EG_AIRQ_INDEX_INIT;
			if (eg_airq_composite(&u->ix, prof, u->stats, 0) < 0 ||
			    eg_airq_improvement_rate(&u->rate, u->ix.composite, u->ref) < 0) {
				rc = tool_fail("%s: %s", path, eg_error_last()->message);
				break;
			}
			n_air++;
		}
	}
	/* CJ-A3-5: rank every unit with air data by improvement rate (0.1 %). */
	if (!rc && n_air > 0) {
		size_t k = 0;
		for (size_t i = 0; i < m->n; i++)
			if (m->u[i].has_air)
				rates[k++] = m->u[i].rate;
		if (eg_airq_rank(ranks, rates, k, EG_RANK_ORDER_DESC, 3) < 0)
			rc = tool_fail("%s: %s", m->month, eg_error_last()->message);
		k = 0;
		for (size_t i = 0; !rc && i < m->n; i++)
			if (m->u[i].has_air)
				m->u[i].rank = ranks[k++];
	}
done:
	eg_ruleset_free(rs);
	eg_airq_profile_free(prof);
	return rc;
}

static const char *const ladder_names[3] = { "CJ-A2-7.3", "CJ-A2-7.1", "CJ-A3-4" };

static json_t *outcome_json(const eg_ladder_outcome *o, size_t i)
{
	json_t *cl = json_array();
	for (size_t k = 0; k < eg_ladder_outcome_clause_count(o, i); k++)
		json_array_append_new(cl, json_pack("{s:s, s:s, s:s, s:s}", "rule", eg_ladder_outcome_clause_rule(o, i, k),
						    "action", eg_ladder_outcome_clause_action(o, i, k), "message",
						    eg_ladder_outcome_clause_message(o, i, k, EG_LANG_ZH), "message_en",
						    eg_ladder_outcome_clause_message(o, i, k, EG_LANG_EN)));
	return json_pack("{s:s, s:i, s:o}", "action", eg_ladder_outcome_action(o, i), "severity",
			 eg_ladder_outcome_severity(o, i), "clauses", cl);
}

static json_t *unit_result(const unit_month *u, json_t *actions)
{
	const eg_assess_result *r = u->res;
	json_t *fails = json_array(), *trace = json_array(), *obj;
	for (size_t k = 0; k < eg_assess_result_fail_count(r); k++)
		json_array_append_new(fails, json_string(eg_assess_result_fail_at(r, k)));
	for (size_t k = 0; k < eg_assess_result_trace_count(r); k++) {
		const eg_trace *t = eg_assess_result_trace_at(r, k);
		json_array_append_new(trace, json_pack("{s:s, s:i, s:i, s:s, s:s}", "rule", eg_trace_rule(t), "before",
						       (int)eg_trace_before(t), "after", (int)eg_trace_after(t), "message",
						       eg_trace_message(t, EG_LANG_ZH), "message_en", eg_trace_message(t, EG_LANG_EN)));
	}
	obj = json_pack("{s:i, s:s, s:b, s:o, s:o, s:o}", "score", (int)eg_assess_result_score(r), "grade",
			eg_grade_name(eg_assess_result_grade(r)), "veto", eg_assess_result_veto(r), "fail_reasons", fails,
			"trace", trace, "actions", actions);
	if (u->has_air) {
		char rate[32];
		eg_airq_round(NULL, rate, sizeof rate, u->rate * 100, 1);
		json_object_set_new(obj, "air", json_pack("{s:f, s:s, s:s, s:f, s:s, s:i}", "index", u->ix.composite,
							  "reported", u->ix.reported, "primary",
							  eg_pollutant_name(u->ix.primary), "rate", u->rate,
							  "rate_percent", rate, "rank", (int)u->rank));
	}
	return obj;
}

int cmd_month_run(tool_ctx *ctx, const char *month)
{
	sqlite3 *db;
	month_data *ms = NULL;
	size_t n = 0;
	eg_ladder *lad[3] = { NULL, NULL, NULL };
	eg_ladder_state *state[3] = { NULL, NULL, NULL };
	json_t *results = NULL;
	int rc;
	if (!valid_month(month))
		return tool_fail("month run: \"%s\" is not a month YYYY-MM", month);
	if (ws_open(&db, ctx->db_path, 1))
		return TOOL_FAIL;
	rc = load_months(db, month, &ms, &n);
	if (!rc && (n == 0 || strcmp(ms[n - 1].month, month) != 0))
		rc = tool_fail("month run: no inputs for %s; run `ecogrid month import %s FILE.json` first", month, month);
	for (int l = 0; !rc && l < 3; l++)
		if (eg_ladder_preset(&lad[l], ladder_names[l]) < 0 || eg_ladder_state_new(&state[l], lad[l]) < 0)
			rc = tool_fail("ladder: %s", eg_error_last()->message);
	/* Replay every month up to this one: ladders need the history (R0.4),
	 * and replaying from the kept inputs makes a re-run idempotent. */
	for (size_t mi = 0; !rc && mi < n; mi++) {
		month_data *m = &ms[mi];
		const char *ids[MAX_UNITS], *rid[MAX_UNITS];
		int64_t v[3][MAX_UNITS];
		int flags[MAX_UNITS];
		size_t nr = 0;
		eg_ladder_outcome *o[3] = { NULL, NULL, NULL };
		if ((rc = compute_month(m)))
			break;
		for (size_t i = 0; i < m->n; i++) {
			json_t *items = json_object_get(json_object_get(m->u[i].in, "assessment"), "items");
			json_t *c4 = json_object_get(items, "4");
			ids[i] = m->u[i].id;
			v[0][i] = json_is_integer(c4) ? json_integer_value(c4) : 0;           /* CJ-A2-5.4 problems */
			v[1][i] = eg_assess_result_grade(m->u[i].res) == EG_GRADE_FAIL;       /* CJ-A2-7.1 */
		}
		for (size_t i = 0; i < m->n; i++)
			if (m->u[i].has_air) { /* CJ-A3-4 judges the ranked units only */
				rid[nr] = m->u[i].id;
				flags[nr] = json_is_true(json_object_get(m->u[i].in, "air_target_missed"));
				v[2][nr++] = m->u[i].rank;
			}
		if (eg_ladder_step(&o[0], state[0], m->month, &(eg_ladder_step_options){ EG_LADDER_STEP_OPTIONS_VERSION, ids, v[0], NULL, m->n }) < 0 ||
		    eg_ladder_step(&o[1], state[1], m->month, &(eg_ladder_step_options){ EG_LADDER_STEP_OPTIONS_VERSION, ids, v[1], NULL, m->n }) < 0)
			rc = tool_fail("%s: %s", m->month, eg_error_last()->message);
		if (!rc && nr > 0 && eg_ladder_step(&o[2], state[2], m->month, &(eg_ladder_step_options){ EG_LADDER_STEP_OPTIONS_VERSION, rid, v[2], flags, nr }) < 0)
			rc = tool_fail("%s: %s", m->month, eg_error_last()->message);
		if (!rc && mi == n - 1) {
			results = json_object();
			for (size_t i = 0; i < m->n; i++) {
				json_t *actions = json_object();
				json_object_set_new(actions, ladder_names[0], outcome_json(o[0], i));
				json_object_set_new(actions, ladder_names[1], outcome_json(o[1], i));
				for (size_t k = 0; o[2] && k < eg_ladder_outcome_count(o[2]); k++)
					if (strcmp(eg_ladder_outcome_unit(o[2], k), m->u[i].id) == 0)
						json_object_set_new(actions, ladder_names[2], outcome_json(o[2], k));
				json_object_set_new(results, m->u[i].id, unit_result(&m->u[i], actions));
			}
		}
		for (int l = 0; l < 3; l++)
			eg_ladder_outcome_free(o[l]);
	}
	if (!rc)
		rc = ws_begin(db);
	if (!rc) {
		/* One transaction: replace the month's results and ladder states, log. */
		sqlite3_stmt *st = NULL;
		char sql[160], detail[128];
		snprintf(sql, sizeof sql, "DELETE FROM ladder_state WHERE month='%s'", month);
		rc = ws_exec(db, sql);
		if (!rc)
			rc = store_month_rows(db, "month_result", month, results, JSON_COMPACT);
		if (!rc && sqlite3_prepare_v2(db, "INSERT INTO ladder_state(ladder, month, state) VALUES(?,?,?)", -1, &st, NULL))
			rc = tool_fail("workspace: %s", sqlite3_errmsg(db));
		for (int l = 0; !rc && l < 3; l++) {
			char *text = NULL;
			if (eg_ladder_state_serialize(&text, state[l]) < 0) {
				rc = tool_fail("ladder: %s", eg_error_last()->message);
				break;
			}
			sqlite3_bind_text(st, 1, ladder_names[l], -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 2, month, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 3, text, -1, SQLITE_TRANSIENT);
			if (sqlite3_step(st) != SQLITE_DONE)
				rc = tool_fail("workspace: %s", sqlite3_errmsg(db));
			sqlite3_reset(st);
			eg_string_free(text);
		}
		sqlite3_finalize(st);
		snprintf(detail, sizeof detail, "%s: %zu units", month, json_object_size(results));
		if (!rc)
			rc = ws_log(db, "month run", detail);
		if (!rc)
			rc = ws_commit(db);
		if (rc)
			ws_rollback(db);
		else
			printf(TR(ctx, "已完成 %s 月度考核：%zu 个单位\n", "ran %s: %zu units\n"), month, json_object_size(results));
	}
	json_decref(results);
	for (size_t i = 0; i < n; i++)
		month_data_free(&ms[i]);
	free(ms);
	for (int l = 0; l < 3; l++) {
		eg_ladder_state_free(state[l]);
		eg_ladder_free(lad[l]);
	}
	ws_close(db);
	return rc;
}
