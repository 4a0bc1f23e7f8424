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
		if (strcmp(key, "items") && strcmp(key, "status") && strcmp(key, "construction") && strcmp(key, "bonus") &&
		    strcmp(key, "media") && strcmp(key, "forced_fail") && strcmp(key, "item7_adverse"))
			return tool_fail("%s.assessment.%s: unknown key", path, key);
	}
	if ((v = json_object_get(a, "items"))) {
		if (!json_is_object(v))
			return tool_fail("%s.assessment.items: must be an object item -> count", path);
		json_object_foreach(v, key, x) {
			if (!json_is_integer(x))
				return tool_fail("%s.assessment.items.%s: must be an integer", path, key);
			if (eg_assess_input_set_count(in, key, json_integer_value(x)) < 0)
				return tool_fail("%s.assessment.items.%s: %s", path, key, tool_eg_message());
		}
	}
	if ((v = json_object_get(a, "status"))) {
		/* Status items by the scheme's item ID: met (true) or not (false). */
		if (!json_is_object(v))
			return tool_fail("%s.assessment.status: must be an object item -> true|false", path);
		json_object_foreach(v, key, x) {
			if (!json_is_boolean(x))
				return tool_fail("%s.assessment.status.%s: must be true or false", path, key);
			if (eg_assess_input_set_status(in, key, json_is_true(x)) < 0)
				return tool_fail("%s.assessment.status.%s: %s", path, key, tool_eg_message());
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
					 json_is_integer(v) ? tool_eg_message() : "must be an integer");
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
				return tool_fail("%s.assessment.media[%zu]: %s", path, i, tool_eg_message());
		}
	}
	if ((v = json_object_get(a, "forced_fail"))) {
		if (!json_is_array(v))
			return tool_fail("%s.assessment.forced_fail: must be a list of condition IDs", path);
		json_array_foreach(v, i, x)
			if (!json_is_string(x) || eg_assess_input_add_forced_fail(in, json_string_value(x)) < 0)
				return tool_fail("%s.assessment.forced_fail[%zu]: %s", path, i,
						 json_is_string(x) ? tool_eg_message() : "must be a string");
	}
	if ((v = json_object_get(a, "item7_adverse"))) {
		if (!json_is_boolean(v))
			return tool_fail("%s.assessment.item7_adverse: must be a boolean", path);
		eg_assess_input_set_adverse(in, "7", json_is_true(v));
	}
	return TOOL_OK;
}

int month_apply_assessment(eg_assess_input *in, json_t *a, const char *path)
{
	return apply_assessment(in, a, path);
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
		tool_fail("%s.air_hourly: %s", path, tool_eg_message());
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
		tool_fail("%s.air_hourly: %s", path, tool_eg_message());
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
	json_t *station = json_object_get(u, "air_station");
	if (station && !json_is_boolean(station))
		return -tool_fail("%s.air_station: must be a boolean (false: the unit has no monitoring station)", path);
	if (json_is_false(station)) {
		if (air || hourly || r)
			return -tool_fail("%s: \"air_station\": false (no monitoring station) goes with no air data", path);
		return 0;
	}
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

/* ------------------------------------------------------------------ */
/* Units of the workspace grid                                          */
/* ------------------------------------------------------------------ */

/* The grid's level-2 units (the units the monthly cycle assesses), sorted by ID. */
typedef struct unit_set {
	char **id, **name;
	long *seq;
	size_t n;
} unit_set;

static void unit_set_free(unit_set *u)
{
	for (size_t i = 0; i < u->n; i++) {
		free(u->id[i]);
		free(u->name[i]);
	}
	free(u->id);
	free(u->name);
	free(u->seq);
	memset(u, 0, sizeof *u);
}

static int unit_set_add(unit_set *u, size_t cap, const char *id, const char *name, long seq)
{
	if (u->n == 0) {
		u->id = calloc(cap + 1, sizeof *u->id);
		u->name = calloc(cap + 1, sizeof *u->name);
		u->seq = calloc(cap + 1, sizeof *u->seq);
		if (!u->id || !u->name || !u->seq)
			return tool_fail("out of memory");
	}
	if (!(u->id[u->n] = strdup(id)) || !(u->name[u->n] = strdup(name ? name : id)))
		return tool_fail("out of memory");
	u->seq[u->n++] = seq;
	return TOOL_OK;
}

static int unit_set_from_db(unit_set *u, sqlite3 *db)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc = TOOL_OK;
	memset(u, 0, sizeof *u);
	if (sqlite3_prepare_v2(db, "SELECT COUNT(*) FROM grid_node WHERE level = 2 AND kind <> 2", -1, &st, NULL) != SQLITE_OK)
		return tool_fail("workspace: %s", sqlite3_errmsg(db));
	if (sqlite3_step(st) == SQLITE_ROW)
		cap = (size_t)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	/* ORDER BY id with the BINARY collation: byte order, as strcmp. */
	if (sqlite3_prepare_v2(db, "SELECT id, name, seq FROM grid_node WHERE level = 2 AND kind <> 2 ORDER BY id", -1, &st,
			       NULL) != SQLITE_OK)
		return tool_fail("workspace: %s", sqlite3_errmsg(db));
	while (!rc && sqlite3_step(st) == SQLITE_ROW && u->n < cap)
		rc = unit_set_add(u, cap, (const char *)sqlite3_column_text(st, 0), (const char *)sqlite3_column_text(st, 1),
				  (long)sqlite3_column_int64(st, 2));
	sqlite3_finalize(st);
	if (rc)
		unit_set_free(u);
	return rc;
}

static int cmp_strp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int unit_set_from_grid(unit_set *u, const eg_grid *g)
{
	size_t cap = eg_grid_count(g, EG_LEVEL_COUNTY), n = 0;
	const char **ids = calloc(cap + 1, sizeof *ids);
	int rc = TOOL_OK;
	memset(u, 0, sizeof *u);
	if (!ids)
		return tool_fail("out of memory");
	for (size_t i = 0; i < eg_grid_size(g) && n < cap; i++) {
		const eg_node *nd = eg_grid_node_at(g, i);
		if (eg_node_level(nd) == EG_LEVEL_COUNTY && eg_node_kind(nd) != EG_KIND_KEY_GRID)
			ids[n++] = eg_node_id(nd);
	}
	qsort(ids, n, sizeof *ids, cmp_strp); /* by ID, for the lookups */
	for (size_t i = 0; !rc && i < n; i++)
		rc = unit_set_add(u, cap, ids[i], ids[i], (long)i);
	free(ids);
	if (rc)
		unit_set_free(u);
	return rc;
}

static long unit_set_find(const unit_set *u, const char *id)
{
	size_t lo = 0, hi = u->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(u->id[mid], id);
		if (c == 0)
			return (long)mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/* ------------------------------------------------------------------ */
/* One unit's month, computed the same way at import and at run         */
/* ------------------------------------------------------------------ */

typedef struct unit_calc {
	eg_assess_result *res; /* NULL: not scored */
	int has_air;
	double stats[EG_POLLUTANT_COUNT], ref, rate;
	eg_airq_index ix;
	int32_t rank;
} unit_calc;

static int unit_shape(json_t *u, const char *path)
{
	json_t *x;
	const char *key;
	if (!json_is_object(u))
		return tool_fail("%s: must be an object", path);
	json_object_foreach(u, key, x)
		if (strcmp(key, "assessment") && strcmp(key, "air") && strcmp(key, "air_hourly") && strcmp(key, "air_ref") &&
		    strcmp(key, "air_target_missed") && strcmp(key, "air_station"))
			return tool_fail("%s.%s: unknown key (assessment, air, air_hourly, air_ref, air_target_missed, air_station)",
					 path, key);
	if ((x = json_object_get(u, "air_target_missed")) && !json_is_boolean(x))
		return tool_fail("%s.air_target_missed: must be a boolean (CJ-A3-4)", path);
	return TOOL_OK;
}

/*
 * Score (CJ-A2) and index (CJ-A3-3, §5) one unit with the library, as a run
 * does: an import that passes this cannot break a later run. Errors name
 * the JSON path. With month NULL only the shape is checked.
 */
static int unit_compute(unit_calc *c, json_t *u, const char *path, const char *month, const eg_ruleset *rs,
			const eg_airq_profile *prof)
{
	json_t *a = json_object_get(u, "assessment");
	eg_assess_input *in = NULL;
	int rc;
	memset(c, 0, sizeof *c);
	c->ix = (eg_airq_index)EG_AIRQ_INDEX_INIT;
	if (unit_shape(u, path))
		return TOOL_FAIL;
	if (eg_assess_input_new(&in, rs) < 0)
		return tool_fail_eg(EG_ENOMEM, path);
	rc = apply_assessment(in, a, path);
	if (!rc && a && month && eg_assess_score(&c->res, rs, in, month) < 0)
		rc = tool_fail("%s.assessment: %s", path, tool_eg_message());
	eg_assess_input_free(in);
	if (rc)
		return rc;
	if (month && !prof && (json_object_get(u, "air") || json_object_get(u, "air_hourly")))
		return tool_fail("%s: the workspace's scheme has no air-quality ranking; \"air\" and \"air_hourly\" are not used",
				 path);
	c->has_air = read_air(c->stats, &c->ref, u, path, month, prof);
	if (c->has_air < 0)
		rc = TOOL_FAIL;
	else if (c->has_air && month && eg_airq_composite(&c->ix, prof, c->stats, 0) < 0)
		rc = tool_fail("%s.%s: %s", path, json_object_get(u, "air") ? "air" : "air_hourly", tool_eg_message());
	else if (c->has_air && month && eg_airq_improvement_rate(&c->rate, c->ix.composite, c->ref) < 0)
		rc = tool_fail("%s.air_ref: %s", path, tool_eg_message());
	if (rc) {
		eg_assess_result_free(c->res);
		c->res = NULL;
	}
	return rc;
}

/*
 * CJ-A3-5: rank every unit with air data by improvement rate (0.1 %), the
 * step a run takes; a rate the library cannot rank names its unit.
 */
static int rank_air(unit_calc *calc, const char *const *ids, size_t n, const char *where)
{
	double *rates = calloc(n + 1, sizeof *rates);
	int32_t *ranks = calloc(n + 1, sizeof *ranks);
	size_t k = 0;
	int rc = TOOL_OK;
	if (!rates || !ranks)
		rc = tool_fail("out of memory");
	for (size_t i = 0; !rc && i < n; i++) {
		if (!calc[i].has_air)
			continue;
		if (eg_airq_round(NULL, NULL, 0, calc[i].rate * 100, 1) < 0 || eg_airq_round(NULL, NULL, 0, calc[i].rate, 3) < 0)
			rc = tool_fail("%s units.%s.air_ref: the improvement rate %g cannot be ranked: %s", where, ids[i], calc[i].rate,
				       tool_eg_message());
		rates[k++] = calc[i].rate;
	}
	if (!rc && k > 0 && eg_airq_rank(ranks, rates, k, EG_RANK_ORDER_DESC, 3) < 0)
		rc = tool_fail("%s: %s", where, tool_eg_message());
	k = 0;
	for (size_t i = 0; !rc && i < n; i++)
		if (calc[i].has_air)
			calc[i].rank = ranks[k++];
	free(rates);
	free(ranks);
	return rc;
}

/*
 * Validate a whole month document: its shape, its units against the grid's
 * level-2 units, and (with a month and its rule set and profile) every
 * unit computed exactly as a run computes it.
 */
static int month_validate_in(json_t *doc, const char *file, const eg_ruleset *rs, const unit_set *units_known,
			     const char *month, const eg_airq_profile *prof)
{
	json_t *units, *u;
	const char *id;
	size_t k = 0, n_hourly = 0, n = 0;
	unit_calc *calc = NULL;
	const char **ids = NULL;
	int progress = month && isatty(STDERR_FILENO), rc = TOOL_OK;
	if (!json_is_object(doc) || !json_is_object(units = json_object_get(doc, "units")))
		return tool_fail("%s: top level must be an object with \"units\"", file);
	if (json_object_size(doc) != 1)
		return tool_fail("%s: top level has only \"units\"", file);
	if (json_object_size(units) == 0 || json_object_size(units) > MAX_UNITS)
		return tool_fail("%s: units: 1-%d units expected", file, MAX_UNITS);
	json_object_foreach(units, id, u)
		n_hourly += json_object_get(u, "air_hourly") != NULL;
	calc = calloc(json_object_size(units), sizeof *calc);
	ids = calloc(json_object_size(units), sizeof *ids);
	if (!calc || !ids)
		rc = tool_fail("out of memory");
	json_object_foreach(units, id, u) {
		char path[300];
		if (rc)
			break;
		snprintf(path, sizeof path, "%s: units.%s", file, id);
		if (unit_set_find(units_known, id) < 0) {
			rc = tool_fail("%s: unknown unit (not a level-2 node of the workspace grid)", path);
			break;
		}
		ids[n] = id;
		rc = unit_compute(&calc[n++], u, path, month, rs, prof);
		if (progress && n_hourly > 0 && json_object_get(u, "air_hourly"))
			fprintf(stderr, "\r%s %zu / %zu", month, ++k, n_hourly);
	}
	if (progress && n_hourly > 0)
		fputc('\n', stderr);
	/* The ranking too, as the run ranks: a rate it cannot rank is refused now. */
	if (!rc && month)
		rc = rank_air(calc, ids, n, file);
	for (size_t i = 0; calc && i < n; i++)
		eg_assess_result_free(calc[i].res);
	free(calc);
	free(ids);
	return rc;
}

int month_validate(json_t *doc, const char *file, const eg_ruleset *rs, const eg_grid *g)
{
	unit_set u;
	int rc;
	if (unit_set_from_grid(&u, g))
		return TOOL_FAIL;
	rc = month_validate_in(doc, file, rs, &u, NULL, NULL);
	unit_set_free(&u);
	return rc;
}

/* ------------------------------------------------------------------ */
/* Storing                                                               */
/* ------------------------------------------------------------------ */

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
	int rc = TOOL_OK;
	snprintf(sql, sizeof sql, "DELETE FROM %s WHERE month = ?", table);
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return tool_fail("workspace: %s", sqlite3_errmsg(db));
	sqlite3_bind_text(st, 1, month, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = tool_fail("workspace: %s", sqlite3_errmsg(db));
	sqlite3_finalize(st);
	if (rc)
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
			rc = tool_fail("workspace: %s", text ? sqlite3_errmsg(db) : "out of memory");
		free(text);
		sqlite3_reset(st);
		if (rc)
			break;
		ws_row_written();
	}
	sqlite3_finalize(st);
	return rc;
}

/* Run one statement with up to two text parameters inside the caller's transaction. */
static int exec2(sqlite3 *db, const char *sql, const char *a, const char *b)
{
	sqlite3_stmt *st;
	int ok;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return tool_fail("workspace: %s", sqlite3_errmsg(db));
	if (a)
		sqlite3_bind_text(st, 1, a, -1, SQLITE_STATIC);
	if (b)
		sqlite3_bind_text(st, 2, b, -1, SQLITE_STATIC);
	ok = sqlite3_step(st) == SQLITE_DONE;
	sqlite3_finalize(st);
	if (!ok)
		return tool_fail("workspace: %s", sqlite3_errmsg(db));
	ws_row_written();
	return TOOL_OK;
}

/* The units of `set` that lack an input block: JSON {unit: [blocks]}. */
static json_t *month_missing(const cycle_scheme *s, const unit_set *set, json_t *units)
{
	json_t *out = json_object();
	for (size_t i = 0; i < set->n; i++) {
		json_t *m = cycle_unit_missing(s, json_object_get(units, set->id[i]));
		if (json_array_size(m) > 0)
			json_object_set_new(out, set->id[i], m);
		else
			json_decref(m);
	}
	return out;
}

/*
 * Print the months from `month` on (or after it) that are stale now, after a
 * change inside the transaction, and the command that brings them up to date.
 */
static void print_stale_after(FILE *out, tool_ctx *ctx, sqlite3 *db, const cycle_scheme *s, const char *month, int self)
{
	cycle c;
	size_t shown = 0;
	const char *first = NULL;
	if (cycle_load(&c, db, s))
		return;
	for (size_t i = 0; i < c.n; i++) {
		int cmp = strcmp(c.m[i].month, month);
		if ((cmp > 0 || (self && cmp == 0)) && c.m[i].state == CYCLE_STALE) {
			if (!shown++) {
				/* From the chain's first month that is not fresh (an earlier month imported, not run). */
				first = cycle_root(&c, c.m[i].month)->month;
				fputs(TR(ctx, "以下月份的结果已过期：", "results now stale:"), out);
			}
			fprintf(out, " %s", c.m[i].month);
		}
	}
	if (shown)
		fprintf(out, TR(ctx, "（用 `ecogrid month run --from %s` 重新运行）\n", " (run `ecogrid month run --from %s` again)\n"),
			first);
	cycle_free(&c);
}

/* ------------------------------------------------------------------ */
/* month import                                                          */
/* ------------------------------------------------------------------ */

/* The rule set and air-quality profile of a month (its last day). */
static int month_rules(eg_ruleset **rs, eg_airq_profile **prof, const cycle_scheme *s, const char *month)
{
	char day[16];
	month_last_day(day, sizeof day, month);
	*rs = NULL;
	*prof = NULL;
	if (cycle_ruleset(rs, s, day) || cycle_profile(prof, s, day)) {
		eg_ruleset_free(*rs);
		*rs = NULL;
		return TOOL_FAIL;
	}
	return TOOL_OK;
}

int cmd_month_import(tool_ctx *ctx, const char *month, const char *file)
{
	json_t *doc, *units = NULL, *missing = NULL;
	eg_ruleset *rs = NULL;
	eg_airq_profile *prof = NULL;
	cycle_scheme scheme;
	unit_set set = { NULL, NULL, NULL, 0 };
	sqlite3 *db;
	char detail[512], units_hash[65], now_hash[65], hash[65], at[32];
	int rc;
	if (!month_valid(month))
		return tool_fail("month import: \"%s\" is not a month YYYY-MM (1900-01 to 9999-12)", month);
	if (month_doc_load(&doc, file)) /* JSON, or CSV with one row per unit (monthin.c) */
		return TOOL_FAIL;
	if (in_json_check(doc, file)) {
		json_decref(doc);
		return TOOL_FAIL;
	}
	if (ws_open(&db, ctx->db_path, 1)) {
		json_decref(doc);
		return TOOL_FAIL;
	}
	/* Validate outside the transaction against a snapshot of the grid (an
	 * hourly month takes a while), then check inside that the grid is the same. */
	rc = cycle_scheme_load(&scheme, db);
	if (!rc)
		rc = month_rules(&rs, &prof, &scheme, month);
	if (!rc)
		rc = ws_read_begin(db);
	if (!rc) {
		rc = ws_hash_units(units_hash, db) || unit_set_from_db(&set, db);
		ws_commit(db);
	}
	if (!rc)
		rc = month_validate_in(doc, file, rs, &set, month, prof);
	if (!rc)
		rc = ws_begin(db);
	if (!rc) {
		/* One transaction: replace the month's inputs, record the import, log, commit. */
		units = json_object_get(doc, "units");
		rc = ws_hash_units(now_hash, db);
		if (!rc && strcmp(now_hash, units_hash) != 0) {
			unit_set_free(&set); /* the grid changed meanwhile: check against the grid of now */
			rc = unit_set_from_db(&set, db);
			if (!rc)
				rc = month_validate_in(doc, file, rs, &set, NULL, NULL);
			snprintf(units_hash, sizeof units_hash, "%s", now_hash);
		}
		ws_test_pause();
		if (!rc)
			rc = store_month_rows(db, "month_input", month, units, JSON_COMPACT | JSON_SORT_KEYS);
		if (!rc)
			rc = ws_hash_month_inputs(hash, db, month);
		if (!rc) {
			char *text;
			sqlite3_stmt *st;
			missing = month_missing(&scheme, &set, units);
			text = json_dumps(missing, JSON_COMPACT);
			ws_now(at, sizeof at);
			if (!text || sqlite3_prepare_v2(db, "INSERT OR REPLACE INTO month_import(month, hash, at, file, units, grid_hash, "
							    "missing) VALUES(?,?,?,?,?,?,?)", -1, &st, NULL) != SQLITE_OK) {
				rc = tool_fail("workspace: %s", text ? sqlite3_errmsg(db) : "out of memory");
			} else {
				sqlite3_bind_text(st, 1, month, -1, SQLITE_STATIC);
				sqlite3_bind_text(st, 2, hash, -1, SQLITE_STATIC);
				sqlite3_bind_text(st, 3, at, -1, SQLITE_STATIC);
				sqlite3_bind_text(st, 4, file, -1, SQLITE_STATIC);
				sqlite3_bind_int64(st, 5, (sqlite3_int64)json_object_size(units));
				sqlite3_bind_text(st, 6, units_hash, -1, SQLITE_STATIC);
				sqlite3_bind_text(st, 7, text, -1, SQLITE_STATIC);
				if (sqlite3_step(st) != SQLITE_DONE)
					rc = tool_fail("workspace: %s", sqlite3_errmsg(db));
				sqlite3_finalize(st);
			}
			free(text);
		}
		snprintf(detail, sizeof detail, "%s: %s, %zu units, %zu incomplete, sha256 %s", month, file,
			 json_object_size(units), json_object_size(missing), hash);
		if (!rc)
			rc = ws_log(db, "month import", detail);
		if (!rc) {
			/* What to say, said once the transaction is committed. */
			char *said = NULL;
			size_t said_len = 0;
			FILE *msg = open_memstream(&said, &said_len);
			const char *id;
			json_t *m, *b;
			size_t k;
			if (!msg) {
				rc = tool_fail("out of memory");
			} else {
				fprintf(msg, TR(ctx, "已导入 %s 月度数据：%zu 个单位\n", "imported %s: %zu units\n"), month,
					json_object_size(units));
				if (json_object_size(missing) > 0) {
					fputs(TR(ctx, "以下单位缺少数据，`month run` 将拒绝运行（或用 --allow-missing 运行并在通报中注明）：\n",
						 "these units lack inputs; `month run` refuses the month (or runs it with --allow-missing, "
						 "and the bulletin says so):\n"), msg);
					json_object_foreach(missing, id, m) {
						fprintf(msg, TR(ctx, "  %s %s：", "  %s %s: "), id, set.name[unit_set_find(&set, id)]);
						json_array_foreach(m, k, b)
							fprintf(msg, "%s%s", k ? TR(ctx, "、", ", ") : "",
								cycle_block_label(json_string_value(b), ctx->lang));
						fputc('\n', msg);
					}
				}
				print_stale_after(msg, ctx, db, &scheme, month, 1);
				fclose(msg);
				rc = ws_commit(db);
				if (!rc)
					fputs(said, stdout);
				free(said);
			}
		}
		if (rc)
			ws_rollback(db);
	}
	json_decref(missing);
	unit_set_free(&set);
	eg_ruleset_free(rs);
	eg_airq_profile_free(prof);
	json_decref(doc);
	cycle_scheme_free(&scheme);
	ws_close(db);
	return rc;
}

/* ------------------------------------------------------------------ */
/* month run                                                             */
/* ------------------------------------------------------------------ */

#define MAX_LADDERS 5

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

/* A unit's stored result: the score and trace (when scored), air (when ranked), the ladders' actions. */
static json_t *unit_result(const unit_calc *u, json_t *actions)
{
	json_t *obj = json_object();
	if (u->res) {
		const eg_assess_result *r = u->res;
		json_t *fails = json_array(), *trace = json_array();
		for (size_t k = 0; k < eg_assess_result_fail_count(r); k++)
			json_array_append_new(fails, json_string(eg_assess_result_fail_at(r, k)));
		for (size_t k = 0; k < eg_assess_result_trace_count(r); k++) {
			const eg_trace *t = eg_assess_result_trace_at(r, k);
			/* count and subject: what the bulletin's per-unit reasons are picked by (cmd_report.c). */
			json_array_append_new(trace, json_pack("{s:s, s:s, s:I, s:i, s:i, s:s, s:s}", "rule", eg_trace_rule(t),
							       "subject", eg_trace_subject(t), "count",
							       (json_int_t)eg_trace_count(t), "before", (int)eg_trace_before(t),
							       "after", (int)eg_trace_after(t), "message",
							       eg_trace_message(t, EG_LANG_ZH), "message_en",
							       eg_trace_message(t, EG_LANG_EN)));
		}
		json_object_set_new(obj, "score", json_integer(eg_assess_result_score(r)));
		json_object_set_new(obj, "grade", json_string(eg_grade_name(eg_assess_result_grade(r))));
		json_object_set_new(obj, "veto", json_boolean(eg_assess_result_veto(r)));
		json_object_set_new(obj, "fail_reasons", fails);
		json_object_set_new(obj, "trace", trace);
	}
	json_object_set_new(obj, "actions", actions);
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

/* What one run of a month needs and makes. */
typedef struct month_job {
	const cycle_scheme *s;
	const char *month;
	int allow_missing;
	unit_set set;
	json_t **in;     /* per unit of set: its stored input, or NULL */
	unit_calc *calc; /* per unit of set */
	json_t **missing;
	int *scored;
	size_t n_ladders;
	const char *ladder[MAX_LADDERS];
	eg_ladder *lad[MAX_LADDERS];
	eg_ladder_state *state[MAX_LADDERS];
	eg_ladder_outcome *out[MAX_LADDERS];
	long *slot[MAX_LADDERS]; /* per unit: its index in out[l], or -1 */
	int32_t *streak[MAX_LADDERS];
	char gap[120][8]; /* months missing before this one (the first 120) */
	size_t n_gap;
	const cyc_month *pred;
} month_job;

static void job_free(month_job *j)
{
	for (size_t i = 0; i < j->set.n; i++) {
		json_decref(j->in ? j->in[i] : NULL);
		json_decref(j->missing ? j->missing[i] : NULL);
		if (j->calc)
			eg_assess_result_free(j->calc[i].res);
	}
	for (size_t l = 0; l < MAX_LADDERS; l++) {
		eg_ladder_outcome_free(j->out[l]);
		eg_ladder_state_free(j->state[l]);
		eg_ladder_free(j->lad[l]);
		free(j->slot[l]);
		free(j->streak[l]);
	}
	free(j->in);
	free(j->calc);
	free(j->missing);
	free(j->scored);
	unit_set_free(&j->set);
}

/* Read the month's stored inputs (inside the transaction) into job->in. */
static int job_read_inputs(month_job *j, sqlite3 *db, size_t *n_rows)
{
	sqlite3_stmt *st;
	int rc = TOOL_OK;
	*n_rows = 0;
	if (sqlite3_prepare_v2(db, "SELECT unit, json FROM month_input WHERE month = ? ORDER BY unit", -1, &st, NULL) != SQLITE_OK)
		return tool_fail("workspace: %s", sqlite3_errmsg(db));
	sqlite3_bind_text(st, 1, j->month, -1, SQLITE_STATIC);
	while (!rc && sqlite3_step(st) == SQLITE_ROW) {
		const char *id = (const char *)sqlite3_column_text(st, 0);
		long k = unit_set_find(&j->set, id);
		(*n_rows)++;
		if (k < 0)
			rc = tool_fail("month run: %s: the inputs have unit %s, which is no longer a level-2 unit of the grid; "
				       "import the month again (`month import %s FILE.json`) or drop it (`month drop %s`)",
				       j->month, id, j->month, j->month);
		else if (!(j->in[k] = json_loads((const char *)sqlite3_column_text(st, 1), 0, NULL)))
			rc = tool_fail("workspace: the stored input of %s %s is not JSON", j->month, id);
	}
	sqlite3_finalize(st);
	return rc;
}

/* The stored ladder state of `month` for a ladder, or a fresh state. */
static int job_state(month_job *j, sqlite3 *db, size_t l, const char *month)
{
	sqlite3_stmt *st;
	int rc = TOOL_OK, e;
	if (!month)
		return eg_ladder_state_new(&j->state[l], j->lad[l]) < 0 ? tool_fail_eg(EG_ENOMEM, "ladder") : TOOL_OK;
	if (sqlite3_prepare_v2(db, "SELECT state FROM ladder_state WHERE ladder = ? AND month = ?", -1, &st, NULL) != SQLITE_OK)
		return tool_fail("workspace: %s", sqlite3_errmsg(db));
	sqlite3_bind_text(st, 1, j->ladder[l], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, month, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		e = eg_ladder_state_parse(&j->state[l], j->lad[l], (const char *)sqlite3_column_text(st, 0),
					  (size_t)sqlite3_column_bytes(st, 0));
		if (e < 0)
			rc = tool_fail("workspace: the %s state of %s: %s", j->ladder[l], month, tool_eg_message());
	} else if (eg_ladder_state_new(&j->state[l], j->lad[l]) < 0) {
		rc = tool_fail_eg(EG_ENOMEM, "ladder");
	}
	sqlite3_finalize(st);
	return rc;
}

/*
 * Check that the month can be run: inputs, every unit complete (or
 * --allow-missing), and the month the ladders resume from run and fresh.
 * Fills j->pred and j->gap. Messages list everything missing at once.
 */
static int job_check(tool_ctx *ctx, month_job *j, const cycle *c)
{
	const cyc_month *self = cycle_find(c, j->month);
	size_t n_incomplete = 0;
	char why[300];
	if (!self || !self->imported)
		return tool_fail("month run: no inputs for %s; run `ecogrid month import %s FILE.json` first", j->month, j->month);
	j->pred = cycle_before(c, j->month);
	j->n_gap = 0;
	if (j->pred)
		for (int m = month_index(j->pred->month) + 1; m < month_index(j->month); m++)
			if (j->n_gap < sizeof j->gap / sizeof j->gap[0])
				month_format(j->gap[j->n_gap++], m);
	if (j->pred && !j->pred->run && !j->pred->legacy)
		return tool_fail("month run: %s is imported but not run; the ladders of %s resume from it: run `ecogrid month run "
				 "--from %s`", j->pred->month, j->month, cycle_root(c, j->pred->month)->month);
	if (j->pred && j->pred->state != CYCLE_FRESH) {
		tool_fail("month run: %s is stale (%s); the ladders of %s resume from it: run `ecogrid month run --from %s`",
			  j->pred->month, j->pred->n_why ? cycle_why_text(&j->pred->why[0], ctx->lang, why, sizeof why) : "",
			  j->month, cycle_root(c, j->pred->month)->month);
		return TOOL_FAIL;
	}
	for (size_t i = 0; i < j->set.n; i++)
		n_incomplete += json_array_size(j->missing[i]) > 0;
	if ((n_incomplete || j->n_gap) && !j->allow_missing) {
		fprintf(stderr, TR(ctx, "ecogrid: month run: %s 数据不完整，未运行（--allow-missing 可照常运行，通报中注明缺失及处理方式）：\n",
				   "ecogrid: month run: %s is incomplete and was not run (--allow-missing runs it anyway, and the "
				   "bulletin says what was missing and how it was treated):\n"),
			j->month);
		for (size_t g = 0; g < j->n_gap; g++)
			fprintf(stderr, TR(ctx, "  %s：未导入（问责阶梯需连续月份，R0.4）\n",
					   "  %s: not imported (the ladders look back on it, R0.4)\n"), j->gap[g]);
		for (size_t i = 0; i < j->set.n; i++) {
			json_t *b;
			size_t k;
			if (!json_array_size(j->missing[i]))
				continue;
			fprintf(stderr, TR(ctx, "  %s %s：", "  %s %s: "), j->set.id[i], j->set.name[i]);
			json_array_foreach(j->missing[i], k, b)
				fprintf(stderr, "%s%s", k ? TR(ctx, "、", ", ") : "", cycle_block_label(json_string_value(b), ctx->lang));
			fputc('\n', stderr);
		}
		return TOOL_FAIL;
	}
	return TOOL_OK;
}

/* Score, rank and step the ladders for the month (the job is checked). */
static int job_compute(month_job *j, sqlite3 *db, const eg_ruleset *rs, const eg_airq_profile *prof)
{
	size_t n = j->set.n, n_air = 0;
	const char **ids = calloc(n + 1, sizeof *ids);
	int64_t *v = calloc(n + 1, sizeof *v);
	int *flags = calloc(n + 1, sizeof *flags);
	int rc = TOOL_OK;
	if (!ids || !v || !flags) {
		rc = tool_fail("out of memory");
		goto done;
	}
	/* Each present unit, computed as at import; a unit lacking a fed item is not scored. */
	for (size_t i = 0; i < n && !rc; i++) {
		char path[300];
		size_t k;
		json_t *b;
		if (!j->in[i])
			continue;
		snprintf(path, sizeof path, "%s units.%s", j->month, j->set.id[i]);
		if ((rc = unit_compute(&j->calc[i], j->in[i], path, j->month, rs, prof)))
			break;
		j->scored[i] = j->calc[i].res != NULL;
		json_array_foreach(j->missing[i], k, b)
			if (!strncmp(json_string_value(b), "assessment", 10))
				j->scored[i] = 0;
		if (!j->scored[i]) {
			eg_assess_result_free(j->calc[i].res);
			j->calc[i].res = NULL;
		}
		n_air += j->calc[i].has_air;
	}
	if (!rc && n_air > 0)
		rc = rank_air(j->calc, (const char *const *)j->set.id, n, j->month);
	/* The ladders: resume from the stored states of the month before, step this month. */
	for (size_t l = 0; l < j->n_ladders && !rc; l++) {
		int last_place = j->s->last_place && !strcmp(j->ladder[l], j->s->last_place);
		size_t m = 0;
		if ((rc = cycle_ladder(&j->lad[l], j->s, j->ladder[l])))
			break;
		if ((rc = job_state(j, db, l, j->pred ? j->pred->month : NULL)))
			break;
		if (!(j->slot[l] = malloc((n + 1) * sizeof *j->slot[l])) || !(j->streak[l] = calloc(n + 1, sizeof *j->streak[l]))) {
			rc = tool_fail("out of memory");
			break;
		}
		for (size_t i = 0; i < n; i++) {
			int fed = last_place ? j->calc[i].has_air : j->scored[i];
			/* R0.4: the run a missing month (or block) breaks, from the state before this month. */
			if (j->pred)
				eg_ladder_state_streak(&j->streak[l][i], j->state[l], j->set.id[i]);
			j->slot[l][i] = -1;
			if (!fed)
				continue;
			ids[m] = j->set.id[i];
			flags[m] = json_is_true(json_object_get(j->in[i], "air_target_missed"));
			if (last_place)
				v[m] = j->calc[i].rank;
			else if (j->s->feed[l] == CYCLE_FEED_ITEM_COUNT)
				v[m] = json_integer_value(json_object_get(
					json_object_get(json_object_get(j->in[i], "assessment"), "items"), j->s->feed_item[l]));
			else
				v[m] = eg_assess_result_grade(j->calc[i].res) == EG_GRADE_FAIL; /* CJ-A2-7.1 */
			j->slot[l][i] = (long)m++;
		}
		if (m > 0 && eg_ladder_step(&j->out[l], j->state[l], j->month,
					    &(eg_ladder_step_options){ EG_LADDER_STEP_OPTIONS_VERSION, ids, v,
								       last_place ? flags : NULL, m }) < 0)
			rc = tool_fail("%s %s: %s", j->month, j->ladder[l], tool_eg_message());
	}
done:
	free(ids);
	free(v);
	free(flags);
	return rc;
}

/* Write the month's results, states and run record (inside the transaction). */
static int job_store(tool_ctx *ctx, month_job *j, sqlite3 *db, const cycle *c, size_t *n_scored)
{
	json_t *results = json_object(), *gaps = json_object(), *gap_months = json_array(), *missing = json_object();
	sqlite3_stmt *st = NULL;
	char *texts[MAX_LADDERS] = { NULL }, inputs_hash[65], state_hash[65], at[32], detail[256];
	size_t len = 0;
	char *all = NULL;
	int rc = TOOL_OK;
	*n_scored = 0;
	for (size_t g = 0; g < j->n_gap; g++)
		json_array_append_new(gap_months, json_string(j->gap[g]));
	for (size_t i = 0; i < j->set.n; i++) {
		json_t *actions = json_object(), *obj, *broken = json_array();
		for (size_t l = 0; l < j->n_ladders; l++) {
			if (j->slot[l][i] >= 0)
				json_object_set_new(actions, j->ladder[l], outcome_json(j->out[l], (size_t)j->slot[l][i]));
			/* A streak ends where a month (or this unit's block this month) is missing (R0.4). */
			if (j->streak[l][i] > 0 && (j->n_gap > 0 || j->slot[l][i] < 0))
				json_array_append_new(broken, json_pack("{s:s, s:i, s:s}", "ladder", j->ladder[l], "months",
									 (int)j->streak[l][i], "by",
									 j->n_gap > 0 ? j->gap[0] : j->month));
		}
		obj = unit_result(&j->calc[i], actions);
		if (json_array_size(j->missing[i]) > 0) {
			json_object_set(obj, "missing", j->missing[i]);
			json_object_set(missing, j->set.id[i], j->missing[i]);
		}
		if (json_array_size(broken) > 0)
			json_object_set(obj, "streaks_broken", broken);
		json_decref(broken);
		*n_scored += j->scored[i] != 0;
		json_object_set_new(results, j->set.id[i], obj);
	}
	json_object_set_new(gaps, "history_start", json_boolean(j->pred == NULL));
	json_object_set_new(gaps, "gap_months", gap_months);
	json_object_set_new(gaps, "missing", missing);
	/* States and their hash (what the next month resumes from). */
	for (size_t l = 0; l < j->n_ladders && !rc; l++) {
		size_t tl;
		char *t;
		if (eg_ladder_state_serialize(&texts[l], j->state[l]) < 0) {
			rc = tool_fail("ladder: %s", tool_eg_message());
			break;
		}
		tl = strlen(j->ladder[l]) + strlen(texts[l]) + 2;
		if (!(t = realloc(all, len + tl + 1))) {
			rc = tool_fail("out of memory");
			break;
		}
		all = t;
		len += (size_t)snprintf(all + len, tl + 1, "%s\n%s\n", j->ladder[l], texts[l]);
	}
	if (!rc && eg_draw_sha256_hex(state_hash, all ? all : "", len) < 0)
		rc = tool_fail_eg(EG_EINVAL, "hash");
	if (!rc)
		rc = ws_hash_month_inputs(inputs_hash, db, j->month);
	if (!rc)
		rc = store_month_rows(db, "month_result", j->month, results, JSON_COMPACT);
	/* One ladder at a time, by its primary key (ladder, month): no scan of the stored months. */
	for (size_t l = 0; l < j->n_ladders && !rc; l++)
		rc = exec2(db, "DELETE FROM ladder_state WHERE ladder = ? AND month = ?", j->ladder[l], j->month);
	if (!rc && sqlite3_prepare_v2(db, "INSERT INTO ladder_state(ladder, month, state) VALUES(?,?,?)", -1, &st, NULL))
		rc = tool_fail("workspace: %s", sqlite3_errmsg(db));
	for (size_t l = 0; l < j->n_ladders && !rc; l++) {
		sqlite3_bind_text(st, 1, j->ladder[l], -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, j->month, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, texts[l], -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = tool_fail("workspace: %s", sqlite3_errmsg(db));
		sqlite3_reset(st);
		ws_row_written();
	}
	sqlite3_finalize(st);
	st = NULL;
	if (!rc) {
		char *gtext = json_dumps(gaps, JSON_COMPACT);
		ws_now(at, sizeof at);
		if (!gtext || sqlite3_prepare_v2(db, "INSERT OR REPLACE INTO month_run(month, at, inputs_hash, grid_hash, roster_hash, "
						     "scheme_hash, prev_month, prev_state_hash, state_hash, allow_missing, gaps) "
						     "VALUES(?,?,?,?,?,?,?,?,?,?,?)", -1, &st, NULL) != SQLITE_OK) {
			rc = tool_fail("workspace: %s", gtext ? sqlite3_errmsg(db) : "out of memory");
		} else {
			sqlite3_bind_text(st, 1, j->month, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 2, at, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 3, inputs_hash, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 4, c->units_hash, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 5, c->roster_hash, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 6, j->s->hash, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 7, j->pred ? j->pred->month : "", -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 8, j->pred ? j->pred->state_hash : "", -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 9, state_hash, -1, SQLITE_STATIC);
			/* Recorded when --allow-missing let something missing through. */
			sqlite3_bind_int(st, 10, j->allow_missing && (json_object_size(missing) > 0 || j->n_gap > 0));
			sqlite3_bind_text(st, 11, gtext, -1, SQLITE_STATIC);
			if (sqlite3_step(st) != SQLITE_DONE)
				rc = tool_fail("workspace: %s", sqlite3_errmsg(db));
			sqlite3_finalize(st);
			ws_row_written();
		}
		free(gtext);
	}
	snprintf(detail, sizeof detail, "%s: %zu units, %zu scored, %zu incomplete, %zu months missing before it%s", j->month,
		 j->set.n, *n_scored, json_object_size(missing), j->n_gap,
		 j->allow_missing && (json_object_size(missing) > 0 || j->n_gap > 0) ? " (--allow-missing)" : "");
	if (!rc)
		rc = ws_log(db, "month run", detail);
	(void)ctx;
	for (size_t l = 0; l < MAX_LADDERS; l++)
		eg_string_free(texts[l]);
	free(all);
	json_decref(results);
	json_decref(gaps);
	return rc;
}

/* Run one month inside the caller's transaction. */
static int run_one(FILE *msg, tool_ctx *ctx, sqlite3 *db, const cycle_scheme *s, const char *month, int allow_missing)
{
	month_job j;
	cycle c;
	eg_ruleset *rs = NULL;
	eg_airq_profile *prof = NULL;
	size_t n_rows = 0, n_scored = 0, n_incomplete = 0;
	int rc;
	memset(&j, 0, sizeof j);
	j.s = s;
	j.month = month;
	j.allow_missing = allow_missing;
	for (size_t l = 0; l < s->n_ladders; l++)
		j.ladder[j.n_ladders++] = s->ladder[l];
	if (s->last_place)
		j.ladder[j.n_ladders++] = s->last_place;
	if ((rc = cycle_load(&c, db, s)))
		return rc;
	rc = month_rules(&rs, &prof, s, month);
	if (!rc)
		rc = unit_set_from_db(&j.set, db);
	if (!rc && j.set.n == 0)
		rc = tool_fail("month run: the grid has no level-2 unit; import the grid first (`ecogrid grid import FILE.csv`)");
	if (!rc) {
		j.in = calloc(j.set.n, sizeof *j.in);
		j.calc = calloc(j.set.n, sizeof *j.calc);
		j.missing = calloc(j.set.n, sizeof *j.missing);
		j.scored = calloc(j.set.n, sizeof *j.scored);
		if (!j.in || !j.calc || !j.missing || !j.scored)
			rc = tool_fail("out of memory");
	}
	if (!rc)
		rc = job_read_inputs(&j, db, &n_rows);
	for (size_t i = 0; !rc && i < j.set.n; i++) {
		j.missing[i] = cycle_unit_missing(s, j.in[i]);
		n_incomplete += json_array_size(j.missing[i]) > 0;
	}
	if (!rc)
		rc = job_check(ctx, &j, &c);
	ws_test_pause();
	if (!rc)
		rc = job_compute(&j, db, rs, prof);
	if (!rc)
		rc = job_store(ctx, &j, db, &c, &n_scored);
	if (!rc) {
		fprintf(msg, TR(ctx, "已完成 %s 月度考核：%zu 个单位", "ran %s: %zu units"), month, j.set.n);
		if (n_incomplete)
			fprintf(msg, TR(ctx, "，%zu 个单位数据不完整", ", %zu incomplete"), n_incomplete);
		if (j.n_gap)
			fprintf(msg, TR(ctx, "，之前缺 %zu 个月", ", %zu months missing before it"), j.n_gap);
		if (n_incomplete || j.n_gap)
			fputs(TR(ctx, "（--allow-missing，通报中注明）", " (--allow-missing: the bulletin says so)"), msg);
		fputc('\n', msg);
	}
	cycle_free(&c);
	eg_ruleset_free(rs);
	eg_airq_profile_free(prof);
	job_free(&j);
	return rc;
}

/* month run M | month run --from M: one transaction for the whole chain. */
static int month_run(tool_ctx *ctx, const char *month, int from, int allow_missing)
{
	sqlite3 *db;
	cycle_scheme s;
	cycle c;
	int rc;
	if (!month_valid(month))
		return tool_fail("month run: \"%s\" is not a month YYYY-MM (1900-01 to 9999-12)", month);
	if (ws_open(&db, ctx->db_path, 1))
		return TOOL_FAIL;
	rc = cycle_scheme_load(&s, db);
	if (!rc)
		rc = ws_begin(db);
	if (!rc) {
		/* What to say, said once the whole chain is committed. */
		char *said = NULL;
		size_t said_len = 0, done = 0;
		FILE *msg = open_memstream(&said, &said_len);
		if (!msg)
			rc = tool_fail("out of memory");
		if (!rc && !(rc = run_one(msg, ctx, db, &s, month, allow_missing)))
			done++;
		/* --from: every later imported month, in order, each resuming from the one before. */
		if (!rc && from && !(rc = cycle_load(&c, db, &s))) {
			for (size_t i = 0; !rc && i < c.n; i++)
				if (strcmp(c.m[i].month, month) > 0 && c.m[i].imported && !(rc = run_one(msg, ctx, db, &s, c.m[i].month,
														 allow_missing)))
					done++;
			cycle_free(&c);
		}
		if (!rc && !from)
			print_stale_after(msg, ctx, db, &s, month, 0);
		if (msg)
			fclose(msg);
		if (!rc)
			rc = ws_commit(db);
		if (rc) {
			ws_rollback(db);
			if (done)
				tool_fail(TR(ctx, "month run --from %s：整个链在一个事务中运行，未做任何更改（已算完的 %zu 个月也未保存）",
					     "month run --from %s: the chain runs in one transaction; nothing was changed (the %zu "
					     "month(s) computed before are not kept)"), month, done);
		} else {
			fputs(said, stdout);
		}
		free(said);
	}
	cycle_scheme_free(&s);
	ws_close(db);
	return rc;
}

int cmd_month_run(tool_ctx *ctx, const char *month)
{
	return month_run(ctx, month, 0, 0);
}

/* ------------------------------------------------------------------ */
/* month drop                                                            */
/* ------------------------------------------------------------------ */

static int month_drop(tool_ctx *ctx, const char *month)
{
	static const char *const tables[] = { "month_input", "month_import", "month_result", "ladder_state", "month_run" };
	sqlite3 *db;
	cycle_scheme s;
	cycle c;
	const cyc_month *m;
	char detail[200];
	int rc, n_units = 0, had_run = 0;
	if (!month_valid(month))
		return tool_fail("month drop: \"%s\" is not a month YYYY-MM", month);
	if (ws_open(&db, ctx->db_path, 1))
		return TOOL_FAIL;
	rc = cycle_scheme_load(&s, db);
	if (!rc)
		rc = ws_begin(db);
	if (rc) {
		cycle_scheme_free(&s);
		ws_close(db);
		return rc;
	}
	/* One transaction: the month's inputs, import record, results, ladder states and run record. */
	rc = cycle_load(&c, db, &s);
	if (!rc) {
		if (!(m = cycle_find(&c, month)))
			rc = tool_fail("month drop: the workspace has nothing for %s", month);
		else {
			n_units = m->n_units;
			had_run = m->run || m->legacy;
		}
		cycle_free(&c);
	}
	ws_test_pause();
	for (size_t t = 0; !rc && t < sizeof tables / sizeof tables[0]; t++) {
		char sql[80];
		snprintf(sql, sizeof sql, "DELETE FROM %s WHERE month = ?", tables[t]);
		rc = exec2(db, sql, month, NULL);
	}
	snprintf(detail, sizeof detail, "%s: inputs of %d units%s dropped", month, n_units, had_run ? ", results and ladder states" : "");
	if (!rc)
		rc = ws_log(db, "month drop", detail);
	if (!rc) {
		char *said = NULL;
		size_t said_len = 0;
		FILE *msg = open_memstream(&said, &said_len);
		if (!msg) {
			rc = tool_fail("out of memory");
		} else {
			fprintf(msg, TR(ctx, "已删除 %s：%d 个单位的输入%s\n", "dropped %s: inputs of %d units%s\n"), month, n_units,
				had_run ? TR(ctx, "及考核结果、问责阶梯状态", ", results and ladder states") : "");
			print_stale_after(msg, ctx, db, &s, month, 0);
			fclose(msg);
			rc = ws_commit(db);
			if (!rc)
				fputs(said, stdout);
			free(said);
		}
	}
	if (rc)
		ws_rollback(db);
	cycle_scheme_free(&s);
	ws_close(db);
	return rc;
}

/* ------------------------------------------------------------------ */
/* ecogrid month ...                                                     */
/* ------------------------------------------------------------------ */

static const char month_help_zh[] =
	"用法：\n"
	"  ecogrid month import 月份 文件.json   导入（替换）一个月的输入；与计算时同样校验\n"
	"  ecogrid month run 月份 [--allow-missing]\n"
	"      从上月保存的问责阶梯状态续算本月（CJ-A2、CJ-A2-7.3、CJ-A2-7.1、CJ-A3）；\n"
	"      有单位缺少数据或之前缺月时拒绝运行，--allow-missing 照常运行并在通报中逐单位注明\n"
	"  ecogrid month run --from 月份 [--allow-missing]   重新运行该月及其后各月\n"
	"  ecogrid month drop 月份                 删除一个月的输入、结果及阶梯状态（一次事务，记入日志）\n";
static const char month_help_en[] =
	"usage:\n"
	"  ecogrid month import YYYY-MM FILE.json  import (replace) a month's inputs, checked as a run computes them\n"
	"  ecogrid month run YYYY-MM [--allow-missing]\n"
	"      the month, resumed from the ladder states stored for the month before (CJ-A2, CJ-A2-7.3,\n"
	"      CJ-A2-7.1, CJ-A3); refused when a unit lacks inputs or an earlier month is missing, unless\n"
	"      --allow-missing, and then the bulletin says per unit what was missing and how it was treated\n"
	"  ecogrid month run --from YYYY-MM [--allow-missing]  run that month and every later one again\n"
	"  ecogrid month drop YYYY-MM              remove a month's inputs, results and ladder states (one\n"
	"                                          transaction, logged)\n";

int cmd_month(tool_ctx *ctx)
{
	const char *sub = ctx->argc > 0 ? ctx->argv[0] : "";
	if (wants_help(ctx, month_help_zh, month_help_en))
		return TOOL_OK;
	if (!strcmp(sub, "import") && ctx->argc == 3)
		return cmd_month_import(ctx, ctx->argv[1], ctx->argv[2]);
	if (!strcmp(sub, "run")) {
		const char *from = NULL, *allow = NULL, *pos[1];
		const tool_opt opts[] = { { "--from", &from, 0 }, { "--allow-missing", &allow, 1 } };
		size_t n_pos;
		if (args_parse(ctx, 1, opts, 2, pos, 1, &n_pos, "month run"))
			return TOOL_USAGE;
		if ((from != NULL) == (n_pos == 1))
			return tool_fail("month run: give a month, or --from a month (ecogrid month run YYYY-MM | month run --from YYYY-MM)");
		return month_run(ctx, from ? from : pos[0], from != NULL, allow != NULL);
	}
	if (!strcmp(sub, "drop") && ctx->argc == 2)
		return month_drop(ctx, ctx->argv[1]);
	fputs(TR(ctx, month_help_zh, month_help_en), stderr);
	return TOOL_USAGE;
}
