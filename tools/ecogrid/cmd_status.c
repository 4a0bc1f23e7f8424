/*
 * status: every month of the workspace, from the first to the last it has
 * anything for: imported (how many units, when, from which file), run
 * (when, whether with --allow-missing), fresh or stale and why, months
 * never imported in between, and the units each month lacks inputs for.
 * Reads the workspace in one read transaction; writes nothing.
 */
#include "tool.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

/* The units a month lacks inputs for, against the grid of now: the import's
 * record when the grid is the same, else computed from the stored inputs. */
static json_t *missing_now(sqlite3 *db, const cycle_scheme *s, const cycle *c, const cyc_month *m)
{
	sqlite3_stmt *st;
	json_t *out, *in = json_object();
	if (m->import_units_hash[0] && !strcmp(m->import_units_hash, c->units_hash) && (out = json_loads(m->missing, 0, NULL))) {
		json_decref(in);
		return out;
	}
	out = json_object();
	if (sqlite3_prepare_v2(db, "SELECT unit, json FROM month_input WHERE month = ?", -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, m->month, -1, SQLITE_STATIC);
		while (sqlite3_step(st) == SQLITE_ROW)
			json_object_set_new(in, (const char *)sqlite3_column_text(st, 0),
					    json_loads((const char *)sqlite3_column_text(st, 1), 0, NULL));
		sqlite3_finalize(st);
	}
	if (sqlite3_prepare_v2(db, "SELECT id FROM grid_node WHERE level = 2 AND kind <> 2 ORDER BY id", -1, &st, NULL) ==
	    SQLITE_OK) {
		while (sqlite3_step(st) == SQLITE_ROW) {
			const char *id = (const char *)sqlite3_column_text(st, 0);
			json_t *miss = cycle_unit_missing(s, json_object_get(in, id));
			if (json_array_size(miss))
				json_object_set_new(out, id, miss);
			else
				json_decref(miss);
		}
		sqlite3_finalize(st);
	}
	json_decref(in);
	return out;
}

static const char *state_name(int state)
{
	return state == CYCLE_FRESH ? "fresh" : state == CYCLE_STALE ? "stale" : state == CYCLE_NOT_RUN ? "not_run" : "not_imported";
}

static const char *state_label(const tool_ctx *ctx, int state)
{
	return state == CYCLE_FRESH ? TR(ctx, "最新", "fresh")
	       : state == CYCLE_STALE ? TR(ctx, "已过期", "stale")
	       : state == CYCLE_NOT_RUN ? TR(ctx, "已导入，未运行", "imported, not run")
				       : TR(ctx, "未导入", "not imported");
}

/* A unit's name from the grid, or its ID. */
static const char *unit_name(sqlite3_stmt *st, const char *id)
{
	const char *name = NULL;
	sqlite3_reset(st);
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_ROW)
		name = (const char *)sqlite3_column_text(st, 0);
	return name ? name : id;
}

int cmd_status(tool_ctx *ctx)
{
	static const char *const formats[] = { "text", "json" };
	const char *format = "text", *pos[1];
	const tool_opt opts[] = { { "--format", &format, 0 } };
	sqlite3 *db;
	sqlite3_stmt *names = NULL;
	cycle_scheme s;
	cycle c;
	json_t *months = json_array();
	size_t n_pos, roster_changed = 0;
	int rc;
	if (wants_help(ctx, "用法：ecogrid status [--format text|json]\n  各月：是否导入、运行，结果是否过期及原因，缺少数据的单位\n",
		       "usage: ecogrid status [--format text|json]\n  every month: imported, run, fresh or stale and why, the units "
		       "missing\n")) {
		json_decref(months);
		return TOOL_OK;
	}
	if (args_parse(ctx, 0, opts, 1, pos, 0, &n_pos, "status") || out_format_ok(format, formats, 2, "status")) {
		json_decref(months);
		return TOOL_USAGE;
	}
	if (ws_open(&db, ctx->db_path, 1)) {
		json_decref(months);
		return TOOL_FAIL;
	}
	rc = cycle_scheme_load(&s, db);
	if (!rc)
		rc = ws_read_begin(db);
	if (!rc && !(rc = cycle_load(&c, db, &s))) {
		int first = c.n ? month_index(c.m[0].month) : 0, last = c.n ? month_index(c.m[c.n - 1].month) : -1;
		size_t k = 0;
		for (int mi = first; mi <= last; mi++) {
			char mo[8];
			const cyc_month *m;
			json_t *row, *why = json_array();
			month_format(mo, mi);
			m = k < c.n && !strcmp(c.m[k].month, mo) ? &c.m[k++] : NULL;
			row = json_pack("{s:s, s:s}", "month", mo, "state", state_name(m ? m->state : CYCLE_NOTHING));
			json_object_set_new(row, "imported",
					    m && m->imported ? json_pack("{s:i, s:s, s:s}", "units", m->n_units, "at", m->import_at,
									 "file", m->import_file)
							     : json_null());
			json_object_set_new(row, "run",
					    m && (m->run || m->legacy)
						    ? json_pack("{s:s, s:b}", "at", m->run ? m->run_at : "", "allow_missing", m->allow_missing)
						    : json_null());
			for (size_t w = 0; m && w < m->n_why; w++) {
				char text[300];
				json_array_append_new(why, json_pack("{s:s, s:s, s:s}", "reason", cycle_why_code(m->why[w].code), "month",
								     m->why[w].arg, "text",
								     cycle_why_text(&m->why[w], ctx->lang, text, sizeof text)));
			}
			json_object_set_new(row, "why", why);
			json_object_set_new(row, "missing", m && m->imported ? missing_now(db, &s, &c, m) : json_object());
			if (m && m->run && strcmp(m->roster_hash, c.roster_hash) != 0) {
				json_object_set_new(row, "roster_changed", json_true());
				roster_changed++;
			}
			json_array_append_new(months, row);
		}
		if (sqlite3_prepare_v2(db, "SELECT name FROM grid_node WHERE id = ?", -1, &names, NULL) != SQLITE_OK)
			rc = tool_fail("workspace: %s", sqlite3_errmsg(db));
		if (!rc && !strcmp(format, "json")) {
			json_t *doc = json_pack("{s:s, s:s, s:o}", "scheme", s.name, "scheme_hash", s.hash, "months", json_incref(months));
			json_dumpf(doc, stdout, JSON_INDENT(2));
			putchar('\n');
			json_decref(doc);
		} else if (!rc) {
			size_t i;
			json_t *row;
			printf(TR(ctx, "工作库 %s，考核方案 %s\n", "workspace %s, scheme %s\n"), ctx->db_path, s.name);
			if (json_array_size(months) == 0)
				puts(TR(ctx, "尚未导入任何月份（ecogrid month import 月份 文件.json）",
					"no month imported yet (ecogrid month import YYYY-MM FILE.json)"));
			else
				puts(TR(ctx, "月份\t导入\t运行\t状态", "month\timported\trun\tstate"));
			json_array_foreach(months, i, row) {
				json_t *im = json_object_get(row, "imported"), *run = json_object_get(row, "run"), *w, *miss;
				const char *st = json_string_value(json_object_get(row, "state")), *id;
				int state = !strcmp(st, "fresh") ? CYCLE_FRESH : !strcmp(st, "stale") ? CYCLE_STALE
									    : !strcmp(st, "not_run") ? CYCLE_NOT_RUN : CYCLE_NOTHING;
				size_t k2;
				printf("%s\t", json_string_value(json_object_get(row, "month")));
				if (json_is_object(im))
					printf(TR(ctx, "%lld 个单位（%s）", "%lld units (%s)"),
					       json_integer_value(json_object_get(im, "units")), json_string_value(json_object_get(im, "at")));
				else
					fputs("-", stdout);
				putchar('\t');
				if (json_is_object(run))
					printf("%s%s", json_string_value(json_object_get(run, "at")),
					       json_is_true(json_object_get(run, "allow_missing")) ? " (--allow-missing)" : "");
				else
					fputs("-", stdout);
				printf("\t%s", state_label(ctx, state));
				if (state == CYCLE_NOTHING)
					fputs(TR(ctx, "（问责阶梯回看的月份缺失，R0.4）", " (a month the ladders look back on, R0.4)"), stdout);
				json_array_foreach(json_object_get(row, "why"), k2, w)
					printf("%s%s", k2 ? TR(ctx, "；", "; ") : TR(ctx, "：", ": "),
					       json_string_value(json_object_get(w, "text")));
				putchar('\n');
				miss = json_object_get(row, "missing");
				json_object_foreach(miss, id, w) {
					json_t *b;
					printf(TR(ctx, "  缺少数据：%s %s：", "  missing: %s %s: "), id, unit_name(names, id));
					json_array_foreach(w, k2, b)
						printf("%s%s", k2 ? TR(ctx, "、", ", ") : "", cycle_block_label(json_string_value(b), ctx->lang));
					putchar('\n');
				}
			}
			if (roster_changed)
				printf(TR(ctx, "注：%zu 个月运行后人员名册有变化；月度考核结果不取决于名册，未因此过期。\n",
					  "note: the staff roster changed after %zu month(s) were run; the monthly results do not "
					  "depend on it and are not stale because of it.\n"),
				       roster_changed);
		}
		sqlite3_finalize(names);
		cycle_free(&c);
	}
	ws_commit(db);
	cycle_scheme_free(&s);
	ws_close(db);
	json_decref(months);
	return rc;
}
