/*
 * The file of `month import`: the JSON month document
 * (docs/schema/month-input.schema.json), with or without a BOM, or a CSV
 * file a clerk fills in (`ecogrid template month`), one row per level-2
 * unit, turned into the same document. Checks of the content against the
 * rule set and the grid stay with month import (cmd_month.c).
 *
 * CSV columns (Chinese or English header; only unit is required; an empty
 * cell means "not given"):
 *   unit (单位代码)                 the level-2 unit's code
 *   name (单位名称)                 ignored (for the clerk)
 *   item1..item3 (第1项达标 ...)    CJ-A2-5.1 to 5.3 met: 是/否 (yes/no, 1/0); an empty cell is met
 *   item4..item7 (第4项问题数 ...)  CJ-A2-5.4 to 5.7 counts
 *   item7_adverse (第7项造成不良影响) CJ-A2-5.7 adverse effects: 是/否
 *   bonus (加分事项数)              CJ-A2-5.8 events
 *   media (媒体曝光)                CJ-A2-5.9: problems separated by ";", each its levels separated by "+":
 *                                   国家级/national, 自治区级/regional, 州级/prefecture
 *   forced_fail (强制不合格情形)    CJ-A2-6.3 condition IDs separated by ";"
 *   so2 no2 pm10 pm25 co o3         the month's statistics (μg/m³, CO mg/m³), all six or none
 *   air_ref (上年同月综合指数)      the composite index a year before (with the statistics)
 *   air_target_missed (空气质量目标未完成) CJ-A3-4: 是/否
 *   air_station (有空气监测站)      否 when the unit has no monitoring station (then no air data)
 */
#include "tool.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

static const char *const month_cols[] = {
	"unit", "name", "item1", "item2", "item3", "item4", "item5", "item6", "item7", "item7_adverse", "bonus", "media",
	"forced_fail", "so2", "no2", "pm10", "pm25", "co", "o3", "air_ref", "air_target_missed", "air_station",
};
enum { C_UNIT, C_NAME, C_ITEM1, C_ITEM4 = C_ITEM1 + 3, C_ADVERSE = C_ITEM4 + 4, C_BONUS, C_MEDIA, C_FORCED, C_AIR,
       C_REF = C_AIR + 6, C_MISSED, C_STATION, C_COUNT };

typedef struct month_csv {
	const char *file;
	json_t *units;
	json_t *lines; /* unit -> line, for duplicates */
} month_csv;

/* 是/否 and friends: 1, 0, or -1 when the cell is not a yes or no. */
static int yes_no(const char *v)
{
	static const char *const yes[] = { "是", "1", "yes", "y", "true", "达标", "满足", "√", "Y", "YES", "TRUE", "Yes", "True" };
	static const char *const no[] = { "否", "0", "no", "n", "false", "未达标", "不达标", "不满足", "×", "N", "NO", "FALSE", "No", "False" };
	for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
		if (!strcmp(v, yes[i]))
			return 1;
	for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
		if (!strcmp(v, no[i]))
			return 0;
	return -1;
}

static int count_of(json_int_t *out, const char *where, const char *col, const char *v)
{
	char *end;
	long long x;
	if (csv_check_number(where, col, v))
		return TOOL_FAIL;
	x = strtoll(v, &end, 10);
	if (!*v || *end || x < 0 || x > 1000000)
		return tool_fail("%s: %s must be a whole number from 0 to 1000000, not \"%s\"", where, csv_column_label(col), v);
	*out = (json_int_t)x;
	return TOOL_OK;
}

/*
 * A statistic or an index: a decimal number from 0 to 1e9 ("24", "1.6", "2.4e1").
 * A number beyond that (1e308, or 1e400, which strtod makes infinite) is out of
 * the column's range; words strtod would take (inf, nan, 0x1p4) are not numbers.
 */
static int number_of(double *out, const char *where, const char *col, const char *v)
{
	char *end;
	if (csv_check_number(where, col, v))
		return TOOL_FAIL;
	*out = strtod(v, &end);
	if (!*v || *end || strpbrk(v, "iInNxXpP") || !(*out >= 0))
		return tool_fail("%s: %s must be a number >= 0, not \"%s\"", where, csv_column_label(col), v);
	if (*out > 1e9)
		return tool_fail("%s: %s \"%s\" is out of range: the column takes numbers from 0 to 1000000000", where, csv_column_label(col), v);
	return TOOL_OK;
}

/* "自治区级+州级；国家级" -> [["regional","prefecture"],["national"]]. */
static int media_of(json_t **out, const char *where, const char *v)
{
	static const char *const names[][2] = { { "国家级", "national" },   { "国家", "national" },     { "自治区级", "regional" },
						{ "自治区", "regional" },   { "省级", "regional" },     { "州级", "prefecture" },
						{ "州", "prefecture" },     { "地市级", "prefecture" }, { "national", "national" },
						{ "regional", "regional" }, { "prefecture", "prefecture" } };
	json_t *all = json_array();
	char buf[1024], *save = NULL;
	snprintf(buf, sizeof buf, "%s", v);
	/* The Chinese semicolon and 、 as their ASCII separators. */
	for (char *p; (p = strstr(buf, "；")) != NULL;)
		memmove(p + 1, p + 3, strlen(p + 3) + 1), *p = ';';
	for (char *p; (p = strstr(buf, "、")) != NULL;)
		memmove(p + 1, p + 3, strlen(p + 3) + 1), *p = '+';
	for (char *prob = strtok_r(buf, ";", &save); prob; prob = strtok_r(NULL, ";", &save)) {
		json_t *levels = json_array();
		char *save2 = NULL;
		for (char *lv = strtok_r(prob, "+,", &save2); lv; lv = strtok_r(NULL, "+,", &save2)) {
			size_t k;
			while (*lv == ' ')
				lv++;
			for (size_t n = strlen(lv); n > 0 && lv[n - 1] == ' '; n--)
				lv[n - 1] = '\0';
			for (k = 0; k < sizeof names / sizeof names[0] && strcmp(lv, names[k][0]); k++)
				;
			if (k == sizeof names / sizeof names[0]) {
				json_decref(levels);
				json_decref(all);
				return tool_fail("%s: media level \"%s\" is not 国家级 (national), 自治区级 (regional) or 州级 "
						 "(prefecture); separate problems with \";\" and the levels of one problem with \"+\"",
						 where, lv);
			}
			json_array_append_new(levels, json_string(names[k][1]));
		}
		if (json_array_size(levels) > 0)
			json_array_append_new(all, levels);
		else
			json_decref(levels);
	}
	*out = all;
	return TOOL_OK;
}

static int month_row(void *p, size_t line, char **f, size_t n)
{
	month_csv *m = p;
	char where[600];
	json_t *unit, *a, *prev;
	int have_air = 0;
	(void)n;
	snprintf(where, sizeof where, _("%s: line %zu"), m->file, line);
	if (!f[C_UNIT][0])
		return tool_fail("%s: the unit code (单位代码) is empty", where);
	if ((prev = json_object_get(m->lines, f[C_UNIT])))
		return tool_fail("%s: unit %s is on line %lld already", where, f[C_UNIT], (long long)json_integer_value(prev));
	json_object_set_new(m->lines, f[C_UNIT], json_integer((json_int_t)line));
	unit = json_object();
	a = json_object();
	json_object_set_new(m->units, f[C_UNIT], unit);
	/* Items 1-3 (status): an empty cell is met. */
	if (f[C_ITEM1][0] || f[C_ITEM1 + 1][0] || f[C_ITEM1 + 2][0]) {
		json_t *c = json_array();
		json_object_set_new(a, "construction", c);
		for (int k = 0; k < 3; k++) {
			int yn = f[C_ITEM1 + k][0] ? yes_no(f[C_ITEM1 + k]) : 1;
			if (yn < 0) {
				json_decref(a);
				return tool_fail("%s: %s must be 是 or 否 (yes or no), not \"%s\"", where, csv_column_label(month_cols[C_ITEM1 + k]),
						 f[C_ITEM1 + k]);
			}
			json_array_append_new(c, json_boolean(yn));
		}
	}
	for (int k = 0; k < 4; k++)
		if (f[C_ITEM4 + k][0]) {
			json_int_t x = 0;
			char id[4];
			if (count_of(&x, where, month_cols[C_ITEM4 + k], f[C_ITEM4 + k])) {
				json_decref(a);
				return TOOL_FAIL;
			}
			if (!json_object_get(a, "items"))
				json_object_set_new(a, "items", json_object());
			snprintf(id, sizeof id, "%d", k + 4);
			json_object_set_new(json_object_get(a, "items"), id, json_integer(x));
		}
	if (f[C_ADVERSE][0]) {
		int yn = yes_no(f[C_ADVERSE]);
		if (yn < 0) {
			json_decref(a);
			return tool_fail("%s: %s must be 是 or 否 (yes or no), not \"%s\"", where, csv_column_label(month_cols[C_ADVERSE]), f[C_ADVERSE]);
		}
		json_object_set_new(a, "item7_adverse", json_boolean(yn));
	}
	if (f[C_BONUS][0]) {
		json_int_t x = 0;
		if (count_of(&x, where, month_cols[C_BONUS], f[C_BONUS])) {
			json_decref(a);
			return TOOL_FAIL;
		}
		json_object_set_new(a, "bonus", json_integer(x));
	}
	if (f[C_MEDIA][0]) {
		json_t *media = NULL;
		if (media_of(&media, where, f[C_MEDIA])) {
			json_decref(a);
			return TOOL_FAIL;
		}
		json_object_set_new(a, "media", media);
	}
	if (f[C_FORCED][0]) {
		json_t *ids = json_array();
		char buf[1024], *save = NULL;
		snprintf(buf, sizeof buf, "%s", f[C_FORCED]);
		for (char *q; (q = strstr(buf, "；")) != NULL;)
			memmove(q + 1, q + 3, strlen(q + 3) + 1), *q = ';';
		for (char *t = strtok_r(buf, "; ", &save); t; t = strtok_r(NULL, "; ", &save))
			json_array_append_new(ids, json_string(t));
		json_object_set_new(a, "forced_fail", ids);
	}
	if (json_object_size(a) > 0)
		json_object_set_new(unit, "assessment", a);
	else
		json_decref(a);
	/* Air: the six statistics and the reference index come together. */
	for (int k = 0; k <= 6; k++)
		have_air += f[C_AIR + k][0] != '\0';
	if (have_air > 0 && have_air < 7)
		return tool_fail("%s: give all six statistics (SO2, NO2, PM10, PM2.5, CO, O3) and the index of a year "
				 "before (上年同月综合指数), or none of them",
				 where);
	if (have_air) {
		json_t *air = json_object();
		double x;
		json_object_set_new(unit, "air", air);
		for (int k = 0; k < 6; k++) {
			if (number_of(&x, where, month_cols[C_AIR + k], f[C_AIR + k]))
				return TOOL_FAIL;
			json_object_set_new(air, month_cols[C_AIR + k], json_real(x));
		}
		if (number_of(&x, where, month_cols[C_REF], f[C_REF]))
			return TOOL_FAIL;
		json_object_set_new(unit, "air_ref", json_real(x));
	}
	if (f[C_STATION][0]) {
		int yn = yes_no(f[C_STATION]);
		if (yn < 0)
			return tool_fail("%s: %s must be 是 or 否 (yes or no), not \"%s\"", where, csv_column_label(month_cols[C_STATION]), f[C_STATION]);
		json_object_set_new(unit, "air_station", json_boolean(yn));
	}
	if (f[C_MISSED][0]) {
		int yn = yes_no(f[C_MISSED]);
		if (yn < 0)
			return tool_fail("%s: %s must be 是 or 否 (yes or no), not \"%s\"", where, csv_column_label(month_cols[C_MISSED]), f[C_MISSED]);
		json_object_set_new(unit, "air_target_missed", json_boolean(yn));
	}
	return TOOL_OK;
}

static int ends_with(const char *s, const char *suffix)
{
	size_t a = strlen(s), b = strlen(suffix);
	if (a < b)
		return 0;
	for (size_t i = 0; i < b; i++) {
		char c = s[a - b + i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != suffix[i])
			return 0;
	}
	return 1;
}

int month_doc_load(json_t **out, const char *file)
{
	month_csv m;
	char *text = NULL;
	size_t len = 0, i = 0;
	if (!ends_with(file, ".csv")) {
		json_error_t jerr;
		if (text_read_file(&text, &len, file))
			return TOOL_FAIL;
		while (i < len && (text[i] == ' ' || text[i] == '\n' || text[i] == '\r' || text[i] == '\t'))
			i++;
		if (i < len && text[i] == '{') {
			*out = json_loadb(text, len, JSON_REJECT_DUPLICATES, &jerr);
			free(text);
			if (!*out)
				return tool_fail("%s: line %d, column %d: not valid JSON (%s)", file, jerr.line, jerr.column, jerr.text);
			return TOOL_OK;
		}
		free(text);
		if (ends_with(file, ".json"))
			return tool_fail("%s: not a JSON document (it does not start with \"{\")", file);
	}
	m.file = file;
	m.units = json_object();
	m.lines = json_object();
	if (csv_read_file_ex(file, month_cols, C_COUNT, 1, month_row, &m)) {
		json_decref(m.units);
		json_decref(m.lines);
		return TOOL_FAIL;
	}
	json_decref(m.lines);
	if (json_object_size(m.units) == 0) {
		json_decref(m.units);
		return tool_fail("%s: no rows after the header", file);
	}
	*out = json_pack("{s:o}", "units", m.units);
	return TOOL_OK;
}
