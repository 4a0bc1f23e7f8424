/*
 * The duty calendar in the workspace (issue 18; section 9 of the rule
 * catalogue, R0.5-R0.11):
 *
 *   duty import FILE.csv [--preset NAME]
 *       type,kind,actor,time,end,period,id,ref,subject,tags,covers,rule,reason,approver
 *       type: done (or empty), exception, conflict, member (kind = group,
 *       actor = member), holiday / workday (time = the day), year (period =
 *       a year the calendar covers). Every row is checked by the library
 *       before anything is written; a row imported twice is kept once.
 *   duty status DATE [--preset NAME] [--from DATE] [--findings]
 *                    [--format text|json|csv] [--output FILE]
 *       per duty, actor and period: required, counted, state (eg_duty_status).
 *
 * The rules are the library's; the tool parses, stores and prints.
 */
#include "tool.h"

#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define DUTY_COLS 14
static const char *const duty_hdr[DUTY_COLS] = { "type", "kind", "actor", "time", "end", "period", "id",
						 "ref", "subject", "tags", "covers", "rule", "reason", "approver" };
static const char *const formats3[] = { "text", "json", "csv" };

/* What an import accumulates before it writes. */
typedef struct duty_import {
	const char *file;
	sqlite3 *db;
	eg_duty_log *check;         /* every record, to be checked by the library */
	eg_duty_workdays *calendar; /* the workspace's days plus the file's */
	sqlite3_stmt *ins_rec, *ins_member, *ins_day, *ins_year;
	size_t rows, added;
} duty_import;

static int row_type(const char *t)
{
	static const char *const types[] = { "done", "exception", "conflict" };
	if (!*t)
		return EG_DUTY_RECORD_TYPE_DONE;
	for (int k = 0; k < 3; k++)
		if (strcmp(t, types[k]) == 0)
			return k;
	return -1;
}

static const char *opt_text(const char *s) { return *s ? s : NULL; }

/* Run a prepared insert with text parameters; count the row when it was new. */
static int insert(duty_import *s, sqlite3_stmt *st, const char *const *vals, int n)
{
	int rc;
	sqlite3_reset(st);
	for (int i = 0; i < n; i++)
		sqlite3_bind_text(st, i + 1, vals[i], -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc != SQLITE_DONE)
		return tool_fail("workspace: %s", sqlite3_errmsg(s->db));
	if (sqlite3_changes(s->db) > 0) {
		s->added++;
		ws_row_written();
	}
	return TOOL_OK;
}

/* A CSV row as a library record (the strings are the row's). */
static int row_record(eg_duty_record *r, char **f)
{
	eg_duty_record init = EG_DUTY_RECORD_INIT;
	*r = init;
	r->type = row_type(f[0]);
	r->kind = opt_text(f[1]), r->actor = opt_text(f[2]), r->time = opt_text(f[3]), r->end = opt_text(f[4]);
	r->period = opt_text(f[5]), r->id = opt_text(f[6]), r->ref = opt_text(f[7]), r->subject = opt_text(f[8]);
	r->tags = opt_text(f[9]), r->covers = opt_text(f[10]), r->rule = opt_text(f[11]);
	r->reason = opt_text(f[12]), r->approver = opt_text(f[13]);
	return r->type;
}

int duty_check_row(eg_duty_log *log, eg_duty_workdays *cal, const char *where, char **f)
{
	const char *type = f[0];
	int e;
	if (!strcmp(type, "member")) {
		if ((e = eg_duty_log_add_member(log, f[1], f[2])) < 0)
			return tool_fail("%s: %s", where, tool_eg_message());
		return TOOL_OK;
	}
	if (!strcmp(type, "holiday") || !strcmp(type, "workday")) {
		e = eg_duty_workdays_set(cal, f[3], !strcmp(type, "holiday") ? EG_DUTY_DAY_HOLIDAY : EG_DUTY_DAY_WORKDAY);
		if (e < 0)
			return tool_fail("%s: %s (R0.9)", where, tool_eg_message());
		return TOOL_OK;
	}
	if (!strcmp(type, "year")) {
		char *end = NULL;
		long y = strtol(f[5], &end, 10);
		if (!*f[5] || *end || y < 1 || y > 9999 || f[5][0] < '0' || f[5][0] > '9')
			return tool_fail("%s: a year row gives the year in the period column, not \"%s\"", where, f[5]);
		eg_duty_workdays_cover(cal, (int)y, (int)y);
		return TOOL_OK;
	}
	{
		eg_duty_record r;
		if (row_record(&r, f) < 0)
			return tool_fail("%s: type must be done, exception, conflict, member, holiday, workday or year, "
					 "not \"%s\"", where, type);
		if ((e = eg_duty_log_add(log, &r)) < 0)
			return tool_fail("%s: %s", where, tool_eg_message());
	}
	return TOOL_OK;
}

/* One CSV row: checked by the library, then inserted (inside the caller's transaction). */
static int duty_row(void *p, size_t line, char **f, size_t n)
{
	duty_import *s = p;
	const char *type = f[0];
	char where[300];
	(void)n;
	s->rows++;
	snprintf(where, sizeof where, "%s: line %zu", s->file, line);
	if (duty_check_row(s->check, s->calendar, where, f))
		return TOOL_FAIL;
	if (!strcmp(type, "member")) {
		const char *v[2] = { f[1], f[2] };
		return insert(s, s->ins_member, v, 2);
	}
	if (!strcmp(type, "holiday") || !strcmp(type, "workday")) {
		const char *v[2] = { f[3], type };
		return insert(s, s->ins_day, v, 2);
	}
	if (!strcmp(type, "year")) {
		const char *v[1] = { f[5] };
		return insert(s, s->ins_year, v, 1);
	}
	{
		char src[300];
		const char *v[15];
		for (int i = 0; i < DUTY_COLS; i++)
			v[i] = f[i];
		v[0] = row_type(type) == EG_DUTY_RECORD_TYPE_DONE ? "done" : type;
		snprintf(src, sizeof src, "%s:%zu", s->file, line);
		v[14] = src;
		return insert(s, s->ins_rec, v, 15);
	}
}

/* The workspace's duty data into a log and a calendar (and the preset chosen at import). */
static int load_duties(sqlite3 *db, eg_duty_log *log, eg_duty_workdays *cal, char *preset, size_t preset_sz)
{
	sqlite3_stmt *st = NULL;
	int rc = TOOL_OK, e = EG_OK;
	if (preset) {
		preset[0] = '\0';
		if (sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key = 'duty_preset'", -1, &st, NULL) != SQLITE_OK)
			return tool_fail("workspace: %s", sqlite3_errmsg(db));
		if (sqlite3_step(st) == SQLITE_ROW)
			snprintf(preset, preset_sz, "%s", (const char *)sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
	}
	if (sqlite3_prepare_v2(db, "SELECT grp, member FROM duty_member ORDER BY rowid", -1, &st, NULL) != SQLITE_OK)
		return tool_fail("workspace: %s", sqlite3_errmsg(db));
	while (e == EG_OK && sqlite3_step(st) == SQLITE_ROW)
		e = eg_duty_log_add_member(log, (const char *)sqlite3_column_text(st, 0), (const char *)sqlite3_column_text(st, 1));
	sqlite3_finalize(st);
	if (e < 0)
		return tool_fail_eg(e, "workspace duty member");
	if (sqlite3_prepare_v2(db, "SELECT year FROM duty_year", -1, &st, NULL) != SQLITE_OK)
		return tool_fail("workspace: %s", sqlite3_errmsg(db));
	while (e == EG_OK && sqlite3_step(st) == SQLITE_ROW)
		e = eg_duty_workdays_cover(cal, sqlite3_column_int(st, 0), sqlite3_column_int(st, 0));
	sqlite3_finalize(st);
	if (sqlite3_prepare_v2(db, "SELECT day, kind FROM duty_day", -1, &st, NULL) != SQLITE_OK)
		return tool_fail("workspace: %s", sqlite3_errmsg(db));
	while (e == EG_OK && sqlite3_step(st) == SQLITE_ROW)
		e = eg_duty_workdays_set(cal, (const char *)sqlite3_column_text(st, 0),
					 strcmp((const char *)sqlite3_column_text(st, 1), "holiday") == 0 ? EG_DUTY_DAY_HOLIDAY
													   : EG_DUTY_DAY_WORKDAY);
	sqlite3_finalize(st);
	if (e < 0)
		return tool_fail_eg(e, "workspace calendar");
	if (sqlite3_prepare_v2(db,
			       "SELECT type, kind, actor, time, end_time, period, rec_id, ref, subject, tags, covers, rule, "
			       "reason, approver, source FROM duty_record ORDER BY seq",
			       -1, &st, NULL) != SQLITE_OK)
		return tool_fail("workspace: %s", sqlite3_errmsg(db));
	while (sqlite3_step(st) == SQLITE_ROW) {
		eg_duty_record r;
		char *c[15];
		for (int i = 0; i < 15; i++)
			c[i] = (char *)(uintptr_t)sqlite3_column_text(st, i);
		row_record(&r, c);
		if ((e = eg_duty_log_add(log, &r)) < 0) {
			rc = tool_fail("workspace duty record from %s: %s", c[14], tool_eg_message());
			break;
		}
	}
	sqlite3_finalize(st);
	return rc;
}

static int duty_import_cmd(tool_ctx *ctx)
{
	const char *preset = NULL, *pos[1];
	const tool_opt opts[] = { { "--preset", &preset, 0 } };
	duty_import s;
	eg_duty_set *set = NULL;
	size_t n_pos;
	char detail[400];
	int rc;
	if (args_parse(ctx, 1, opts, 1, pos, 1, &n_pos, "duty import"))
		return TOOL_FAIL;
	if (n_pos != 1)
		return tool_fail("duty import: which file? (ecogrid duty import FILE.csv [--preset NAME])");
	if (preset) {
		/* The preset must exist (the library knows the names). */
		int e = eg_duty_set_preset(&set, preset);
		eg_duty_set_free(set);
		if (e < 0)
			return tool_fail_eg(e, "duty import --preset");
	}
	memset(&s, 0, sizeof s);
	s.file = pos[0];
	if (ws_open(&s.db, ctx->db_path, 1))
		return TOOL_FAIL;
	if (eg_duty_log_new(&s.check) < 0 || eg_duty_workdays_new(&s.calendar) < 0) {
		rc = tool_fail_eg(EG_ENOMEM, "duty import");
		goto done;
	}
	/* What the workspace holds already: a day set twice to different kinds is refused. */
	if ((rc = load_duties(s.db, s.check, s.calendar, NULL, 0)))
		goto done;
	if ((rc = ws_begin(s.db)))
		goto done;
	if (sqlite3_prepare_v2(s.db,
			       "INSERT OR IGNORE INTO duty_record(type, kind, actor, time, end_time, period, rec_id, ref, "
			       "subject, tags, covers, rule, reason, approver, source) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
			       -1, &s.ins_rec, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(s.db, "INSERT OR IGNORE INTO duty_member(grp, member) VALUES(?,?)", -1, &s.ins_member, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(s.db, "INSERT OR IGNORE INTO duty_day(day, kind) VALUES(?,?)", -1, &s.ins_day, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(s.db, "INSERT OR IGNORE INTO duty_year(year) VALUES(CAST(? AS INTEGER))", -1, &s.ins_year, NULL) != SQLITE_OK) {
		rc = tool_fail("workspace: %s", sqlite3_errmsg(s.db));
		ws_rollback(s.db);
		goto done;
	}
	rc = csv_read_file(s.file, duty_hdr, DUTY_COLS, duty_row, &s);
	if (!rc && s.rows == 0)
		rc = tool_fail("%s: no rows after the header", s.file);
	if (!rc && preset) {
		const char *v[1] = { preset };
		sqlite3_stmt *st;
		if (sqlite3_prepare_v2(s.db, "INSERT OR REPLACE INTO meta(key, value) VALUES('duty_preset', ?)", -1, &st, NULL) != SQLITE_OK)
			rc = tool_fail("workspace: %s", sqlite3_errmsg(s.db));
		else {
			size_t before = s.added;
			rc = insert(&s, st, v, 1);
			s.added = before;
			sqlite3_finalize(st);
		}
	}
	if (!rc) {
		snprintf(detail, sizeof detail, "%s: %zu rows, %zu new", s.file, s.rows, s.added);
		rc = ws_log(s.db, "duty import", detail);
	}
	sqlite3_finalize(s.ins_rec);
	sqlite3_finalize(s.ins_member);
	sqlite3_finalize(s.ins_day);
	sqlite3_finalize(s.ins_year);
	s.ins_rec = s.ins_member = s.ins_day = s.ins_year = NULL;
	if (!rc)
		rc = ws_commit(s.db);
	if (rc)
		ws_rollback(s.db);
	else
		printf(TR(ctx, "已导入职责记录 %s：%zu 行，新增 %zu 行（重复的行只保留一次）\n",
			  "imported duty records %s: %zu rows, %zu new (a row already there is kept once)\n"),
		       s.file, s.rows, s.added);
done:
	sqlite3_finalize(s.ins_rec);
	sqlite3_finalize(s.ins_member);
	sqlite3_finalize(s.ins_day);
	sqlite3_finalize(s.ins_year);
	eg_duty_log_free(s.check);
	eg_duty_workdays_free(s.calendar);
	ws_close(s.db);
	return rc;
}

/* "YYYY-MM-DD" in shape (the library checks the calendar). */
static int date_shape(const char *t)
{
	static const char shape[] = "dddd-dd-dd";
	if (strlen(t) != sizeof shape - 1)
		return 0;
	for (size_t i = 0; shape[i]; i++)
		if (shape[i] == 'd' ? (t[i] < '0' || t[i] > '9') : t[i] != shape[i])
			return 0;
	return 1;
}

static const char *state_zh(int state)
{
	static const char *const zh[9] = { "已完成", "未完成", "逾期完成", "例外", "未到期", "未完成（无时限）",
					   "内容不全", "未回避", "仅记录" };
	return state >= 0 && state < 9 ? zh[state] : "?";
}

static int duty_status_cmd(tool_ctx *ctx)
{
	const char *preset = NULL, *from = NULL, *findings = NULL, *format = "text", *output = NULL, *pos[1];
	const char *force = NULL;
	out_target out;
	const tool_opt opts[] = { { "--preset", &preset, 0 }, { "--from", &from, 0 }, { "--findings", &findings, 1 },
				  { "--format", &format, 0 }, { "--output", &output, 0 }, { "--force", &force, 1 } };
	char stored[80], from_buf[11];
	const char *source = NULL;
	size_t n_pos, count[9] = { 0 };
	sqlite3 *db = NULL;
	eg_duty_set *set = NULL;
	eg_duty_log *log = NULL;
	eg_duty_workdays *cal = NULL;
	eg_duty_rows *rows = NULL;
	const char *article = NULL, *quote = NULL;
	eg_duty_status_options o = EG_DUTY_STATUS_OPTIONS_INIT;
	FILE *f = NULL;
	int rc, e;
	if (args_parse(ctx, 1, opts, 6, pos, 1, &n_pos, "duty status") || out_format_ok(format, formats3, 3, "duty status"))
		return TOOL_FAIL;
	if (n_pos != 1 || !date_shape(pos[0]))
		return tool_fail("duty status: which day? (ecogrid duty status YYYY-MM-DD)");
	if (from && !date_shape(from))
		return tool_fail("duty status: --from \"%s\" must be YYYY-MM-DD", from);
	if (ws_open(&db, ctx->db_path, 1))
		return TOOL_FAIL;
	if (eg_duty_log_new(&log) < 0 || eg_duty_workdays_new(&cal) < 0) {
		rc = tool_fail_eg(EG_ENOMEM, "duty status");
		goto done;
	}
	if ((rc = load_duties(db, log, cal, stored, sizeof stored)))
		goto done;
	/* Which duties: --preset here, else the preset chosen at import, else the workspace's scheme's. */
	if (preset)
		source = "option";
	else if (stored[0])
		preset = stored, source = "import";
	if (preset && (e = eg_duty_set_preset(&set, preset)) < 0) {
		rc = tool_fail_eg(e, "duty status --preset");
		goto done;
	}
	if (!preset) {
		eg_scheme *sc = NULL;
		cycle_scheme cs;
		if ((rc = ws_read_begin(db)) || (rc = cycle_scheme_load(&cs, db))) {
			ws_commit(db);
			goto done;
		}
		ws_commit(db);
		sc = cs.scheme;
		snprintf(stored, sizeof stored, "%s", eg_scheme_id(sc));
		preset = stored;
		source = "scheme";
		e = eg_scheme_duties(&set, sc);
		cycle_scheme_free(&cs);
		if (e < 0) {
			rc = tool_fail_eg(e, "duty status");
			goto done;
		}
		if (eg_duty_set_count(set) == 0) {
			rc = tool_fail(TR(ctx, "duty status：工作库的方案 %s 没有职责（duties）；请用 --preset 指定一套职责（如 changji-2023）",
					  "duty status: the workspace's scheme %s has no duties; give --preset (e.g. changji-2023)"),
				       preset);
			goto done;
		}
	}
	if (!from) {
		/* By default the month of the day judged: what is due, done and overdue now. */
		snprintf(from_buf, sizeof from_buf, "%.8s01", pos[0]);
		from = from_buf;
	}
	o.from = from;
	o.workdays = cal;
	o.flags = findings ? EG_DUTY_STATUS_FINDINGS_ONLY : 0;
	if ((e = eg_duty_status(&rows, set, log, pos[0], &o)) < 0) {
		rc = tool_fail_eg(e, "duty status");
		goto done;
	}
	for (size_t i = 0; i < eg_duty_rows_count(rows); i++)
		count[eg_duty_rows_state(rows, i)]++;
	if (!(rc = out_open(&out, ctx, output, force != NULL, "duty status")))
		f = out.f;
	if (rc)
		goto done;
	if (!strcmp(format, "json")) {
		json_t *doc = json_object(), *arr = json_array(), *sum = json_object();
		for (size_t i = 0; i < eg_duty_rows_count(rows); i++) {
			json_t *r = json_pack("{s:s, s:s, s:s, s:s, s:I, s:I, s:s, s:b, s:I, s:s, s:s}", "rule",
					      eg_duty_rows_rule(rows, i), "duty", eg_duty_rows_duty(rows, i), "actor",
					      eg_duty_rows_actor(rows, i), "period", eg_duty_rows_period(rows, i), "required",
					      (json_int_t)eg_duty_rows_required(rows, i), "counted",
					      (json_int_t)eg_duty_rows_counted(rows, i), "state",
					      eg_duty_state_name(eg_duty_rows_state(rows, i)), "in_principle",
					      eg_duty_rows_in_principle(rows, i), "days", (json_int_t)eg_duty_rows_days(rows, i),
					      "message", eg_duty_rows_message(rows, i, EG_LANG_ZH), "message_en",
					      eg_duty_rows_message(rows, i, EG_LANG_EN));
			json_object_set_new(r, "due", *eg_duty_rows_due(rows, i) ? json_string(eg_duty_rows_due(rows, i)) : json_null());
			/* The source the duty implements: the regulation's article and words. */
			eg_duty_rows_source(&article, &quote, rows, i);
			json_object_set_new(r, "article", article ? json_string(article) : json_null());
			json_object_set_new(r, "quote", quote ? json_string(quote) : json_null());
			json_array_append_new(arr, r);
		}
		for (int k = 0; k < 9; k++)
			json_object_set_new(sum, eg_duty_state_name(k), json_integer((json_int_t)count[k]));
		json_object_set_new(doc, "date", json_string(pos[0]));
		json_object_set_new(doc, "from", json_string(from));
		json_object_set_new(doc, "preset", json_string(preset));
		json_object_set_new(doc, "duties_from", json_string(source));
		json_object_set_new(doc, "summary", sum);
		json_object_set_new(doc, "rows", arr);
		json_dumpf(doc, f, JSON_INDENT(2));
		fputc('\n', f);
		json_decref(doc);
	} else if (!strcmp(format, "csv")) {
		static const char *const head[] = { "rule", "duty", "actor", "period", "due", "required", "counted",
						    "state", "in_principle", "days", "message" };
		for (size_t k = 0; k < 11; k++)
			out_csv_cell(f, head[k], k == 10);
		for (size_t i = 0; i < eg_duty_rows_count(rows); i++) {
			char req[24], cnt[24], days[24];
			snprintf(req, sizeof req, "%lld", (long long)eg_duty_rows_required(rows, i));
			snprintf(cnt, sizeof cnt, "%lld", (long long)eg_duty_rows_counted(rows, i));
			snprintf(days, sizeof days, "%lld", (long long)eg_duty_rows_days(rows, i));
			out_csv_cell(f, eg_duty_rows_rule(rows, i), 0);
			out_csv_cell(f, eg_duty_rows_duty(rows, i), 0);
			out_csv_cell(f, eg_duty_rows_actor(rows, i), 0);
			out_csv_cell(f, eg_duty_rows_period(rows, i), 0);
			out_csv_cell(f, eg_duty_rows_due(rows, i), 0);
			out_csv_cell(f, req, 0);
			out_csv_cell(f, cnt, 0);
			out_csv_cell(f, eg_duty_state_name(eg_duty_rows_state(rows, i)), 0);
			out_csv_cell(f, eg_duty_rows_in_principle(rows, i) ? "1" : "0", 0);
			out_csv_cell(f, days, 0);
			out_csv_cell(f, eg_duty_rows_message(rows, i, ctx->lang), 1);
		}
	} else {
		fprintf(f, TR(ctx, "职责日历 %s（%s，自 %s 起）\n", "Duty calendar on %s (%s, from %s)\n"), pos[0], preset, from);
		for (int k = 0, first = 1; k < 9; k++)
			if (count[k]) {
				fprintf(f, "%s%s %zu", first ? "" : TR(ctx, "，", ", "),
					ctx->lang == EG_LANG_EN ? eg_duty_state_name(k) : state_zh(k), count[k]);
				first = 0;
			}
		fputs(eg_duty_rows_count(rows) ? "\n\n" : TR(ctx, "（无）\n", "(none)\n"), f);
		for (size_t i = 0; i < eg_duty_rows_count(rows); i++) {
			int st = eg_duty_rows_state(rows, i);
			fprintf(f, "[%s] %s\n", ctx->lang == EG_LANG_EN ? eg_duty_state_name(st) : state_zh(st),
				eg_duty_rows_message(rows, i, ctx->lang));
		}
		/* Each duty's source once: the rows come duty by duty, in the set's order. */
		for (size_t i = 0, first = 1; i < eg_duty_rows_count(rows); i++) {
			if ((i && strcmp(eg_duty_rows_duty(rows, i - 1), eg_duty_rows_duty(rows, i)) == 0) ||
			    eg_duty_rows_source(&article, &quote, rows, i) < 0 || !article)
				continue;
			if (first)
				fputs(TR(ctx, "\n出处：\n", "\nSources:\n"), f);
			first = 0;
			fprintf(f, TR(ctx, "  %s（%s）：%s「%s」\n", "  %s (%s): %s 「%s」\n"), eg_duty_rows_duty(rows, i),
				eg_duty_rows_rule(rows, i), article, quote);
		}
	}
	rc = out_close(&out);
done:
	eg_duty_rows_free(rows);
	eg_duty_set_free(set);
	eg_duty_log_free(log);
	eg_duty_workdays_free(cal);
	ws_close(db);
	return rc;
}

static const char duty_help_zh[] =
	"用法：\n"
	"  ecogrid duty import 文件.csv [--preset 名称]\n"
	"      导入职责记录（type,kind,actor,time,end,period,id,ref,subject,tags,covers,rule,reason,approver）：\n"
	"      完成事项、事件、例外（R0.8）、利害关系登记、分组成员（member）、节假日与调休（holiday、workday、year）\n"
	"  ecogrid duty status 日期 [--preset 名称] [--from 日期] [--findings] [--format text|json|csv] [--output 文件]\n"
	"      各项职责按执行者和周期的要求、完成数与状态（第9节，R0.5–R0.11）；默认自该月1日起\n"
	"      所用职责：本次的 --preset，否则导入时指定的预设，否则工作库方案的职责\n"
	"  名称：changji-2023、dongguan-2019、jiangmen-2021、mee-2020、yulin-2019，或某项职责、某条规则的编号\n";
static const char duty_help_en[] =
	"usage:\n"
	"  ecogrid duty import FILE.csv [--preset NAME]\n"
	"      import duty records (type,kind,actor,time,end,period,id,ref,subject,tags,covers,rule,reason,approver):\n"
	"      things done, events, exceptions (R0.8), conflicts, group members (member), holidays and adjusted\n"
	"      working days (holiday, workday, year)\n"
	"  ecogrid duty status DATE [--preset NAME] [--from DATE] [--findings] [--format text|json|csv] [--output FILE]\n"
	"      per duty, actor and period: required, counted and state (section 9, R0.5-R0.11); from the\n"
	"      first of the month by default; the duties: --preset here, else the preset chosen at import,\n"
	"      else the duties of the workspace's scheme\n"
	"  NAME: changji-2023, dongguan-2019, jiangmen-2021, mee-2020, yulin-2019, or a duty or rule ID\n";

int cmd_duty(tool_ctx *ctx)
{
	const char *sub = ctx->argc > 0 ? ctx->argv[0] : "";
	if (wants_help(ctx, duty_help_zh, duty_help_en))
		return TOOL_OK;
	if (!strcmp(sub, "import"))
		return duty_import_cmd(ctx);
	if (!strcmp(sub, "status"))
		return duty_status_cmd(ctx);
	fputs(TR(ctx, duty_help_zh, duty_help_en), stderr);
	return TOOL_USAGE;
}
