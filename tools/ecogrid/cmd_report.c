/*
 * report: the monthly bulletin (月度通报) as text, JSON, CSV or a
 * self-contained HTML page with an inline SVG chart of the air ranking.
 * Reads the results stored by `month run`; writes nothing.
 */
#include "tool.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

typedef struct row {
	char id[72], name[300];
	json_t *r;
} row;

/* The ladders of the workspace's scheme, in its order: those the months feed, then the last-place ladder. */
static size_t scheme_ladders(const cycle_scheme *s, const char **out)
{
	size_t n = 0;
	for (size_t l = 0; l < s->n_ladders; l++)
		out[n++] = s->ladder[l];
	if (s->last_place)
		out[n++] = s->last_place;
	return n;
}

/* A score in the rule set's scale units as points: "87", or "93.5" in tenths (R0.2). */
static const char *points(char *buf, size_t size, long long score, int scale)
{
	if (scale == 10)
		snprintf(buf, size, "%s%lld.%lld", score < 0 ? "-" : "", (score < 0 ? -score : score) / 10,
			 (score < 0 ? -score : score) % 10);
	else
		snprintf(buf, size, "%lld", score);
	return buf;
}

static int load(sqlite3 *db, const char *month, row **out, size_t *n_out)
{
	sqlite3_stmt *st;
	row *rows = NULL;
	size_t n = 0;
	if (sqlite3_prepare_v2(db,
			       "SELECT r.unit, COALESCE(g.name, r.unit), r.json FROM month_result r "
			       "LEFT JOIN grid_node g ON g.id = r.unit WHERE r.month = ? ORDER BY COALESCE(g.seq, 0), r.unit",
			       -1, &st, NULL) != SQLITE_OK)
		return tool_fail("workspace: %s", sqlite3_errmsg(db));
	sqlite3_bind_text(st, 1, month, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		row *t = realloc(rows, (n + 1) * sizeof *rows);
		if (!t)
			break;
		rows = t;
		snprintf(rows[n].id, sizeof rows[n].id, "%s", (const char *)sqlite3_column_text(st, 0));
		snprintf(rows[n].name, sizeof rows[n].name, "%s", (const char *)sqlite3_column_text(st, 1));
		rows[n].r = json_loads((const char *)sqlite3_column_text(st, 2), 0, NULL);
		if (rows[n].r)
			n++;
	}
	sqlite3_finalize(st);
	if (n == 0) {
		free(rows);
		return tool_fail("report: no results for %s; run `ecogrid month run %s` first", month, month);
	}
	*out = rows;
	*n_out = n;
	return TOOL_OK;
}

/*
 * Freshness of the month's results (cycle.c): `stale` gets the reasons as
 * a JSON array of {reason, month, text}, empty when fresh; `gaps` what the
 * run found missing (month_run.gaps), or NULL.
 */
static int freshness(sqlite3 *db, const char *month, int lang, json_t **stale, json_t **gaps, const cycle_scheme *s)
{
	cycle c;
	const cyc_month *m;
	*stale = json_array();
	*gaps = NULL;
	if (cycle_load(&c, db, s))
		return TOOL_FAIL;
	if ((m = cycle_find(&c, month))) {
		for (size_t w = 0; w < m->n_why; w++) {
			char text[300];
			json_array_append_new(*stale, json_pack("{s:s, s:s, s:s}", "reason", cycle_why_code(m->why[w].code), "month",
								m->why[w].arg, "text",
								cycle_why_text(&m->why[w], lang, text, sizeof text)));
		}
		if (m->gaps)
			*gaps = json_loads(m->gaps, 0, NULL);
	}
	cycle_free(&c);
	return TOOL_OK;
}

/* How the run treated a missing block (what the tool did; the rules are the library's). */
static const char *treatment(const char *block, int lang)
{
	if (!strcmp(block, "inputs"))
		return lang ? "no inputs: not assessed, not ranked this month" : "无输入：本月未考核、未参加空气质量排名";
	if (!strncmp(block, "assessment", 10))
		return lang ? "not scored; left out of this month's problem shares (CJ-A2-7.3) and failing months (CJ-A2-7.1)"
			    : "未评分，不计入本月问题占比（CJ-A2-7.3）及不合格月数（CJ-A2-7.1）";
	return lang ? "not ranked (CJ-A3-5) nor judged for last place (CJ-A3-4); the others are ranked among themselves"
		    : "未参加空气质量排名（CJ-A3-5）及末位判定（CJ-A3-4），其余单位之间排名";
}

/* The notes of a run with --allow-missing or of stale results, as lines of text. */
static void notes(json_t *lines, const char *month, row *rows, size_t n, json_t *stale, json_t *gaps, int lang)
{
	char buf[1024];
	size_t k;
	json_t *x;
	json_array_foreach(stale, k, x) {
		snprintf(buf, sizeof buf, lang ? "STALE: %s; run `ecogrid month run --from` again before publishing"
					       : "已过期：%s；发布前请重新运行 `ecogrid month run --from`",
			 json_string_value(json_object_get(x, "text")));
		json_array_append_new(lines, json_string(buf));
	}
	json_array_foreach(json_object_get(gaps, "gap_months"), k, x) {
		snprintf(buf, sizeof buf, lang ? "%s was not imported: run with --allow-missing; streaks running into it are broken (R0.4)"
					       : "%s 未导入：以 --allow-missing 运行，跨越该月的连续记录中断（R0.4）",
			 json_string_value(x));
		json_array_append_new(lines, json_string(buf));
	}
	(void)month;
	for (size_t i = 0; i < n; i++) {
		json_t *b, *miss = json_object_get(rows[i].r, "missing");
		size_t j;
		json_array_foreach(miss, j, b) {
			snprintf(buf, sizeof buf, lang ? "%s: missing %s: %s" : "%s：缺少%s：%s", rows[i].name,
				 cycle_block_label(json_string_value(b), lang), treatment(json_string_value(b), lang));
			json_array_append_new(lines, json_string(buf));
		}
		json_array_foreach(json_object_get(rows[i].r, "streaks_broken"), j, b) {
			snprintf(buf, sizeof buf,
				 lang ? "%s: its %s streak of %lld month(s) was broken by %s missing (R0.4)"
				      : "%s：%s 连续 %lld 个月的记录因 %s 缺失而中断（R0.4）",
				 rows[i].name, json_string_value(json_object_get(b, "ladder")),
				 json_integer_value(json_object_get(b, "months")), json_string_value(json_object_get(b, "by")));
			json_array_append_new(lines, json_string(buf));
		}
	}
}

static const char *grade_label(const char *g, int lang)
{
	if (lang == EG_LANG_EN)
		return g;
	return !strcmp(g, "excellent") ? "优秀" : !strcmp(g, "good") ? "良好" : !strcmp(g, "pass") ? "合格" : "不合格";
}

/* The ladder's action name in a language, from the workspace's scheme. */
static const char *action_name(const cycle_scheme *sch, const char *ladder, const char *action, int lang)
{
	eg_ladder *l = NULL;
	static char buf[256];
	buf[0] = '\0';
	if (eg_scheme_ladder(&l, sch->scheme, ladder) == EG_OK) {
		for (size_t s = 0; s < eg_ladder_action_count(l); s++)
			if (!strcmp(eg_ladder_action_id(l, s), action))
				snprintf(buf, sizeof buf, "%s", eg_ladder_action_name(l, s, lang));
		eg_ladder_free(l);
	}
	return buf[0] ? buf : action;
}

static void text_report(FILE *f, const char *month, row *rows, size_t n, int lang, json_t *lines, const cycle_scheme *s,
			int scale)
{
	size_t ln, n_lad;
	json_t *line;
	const char *ladders[CYCLE_MAX_LADDERS + 1];
	char pts[32];
	n_lad = scheme_ladders(s, ladders);
	fprintf(f, lang ? "Monthly grid supervision bulletin, %s\n\n" : "网格化环境监管月度通报（%s）\n\n", month);
	json_array_foreach(lines, ln, line)
		fprintf(f, "%s%s\n", ln ? "" : (lang ? "Notes:\n" : "说明：\n"), json_string_value(line));
	if (json_array_size(lines))
		fputc('\n', f);
	fprintf(f, "%s\n", lang ? "Unit\tScore\tGrade\tAir rank\tComposite index\tImprovement" : "单位\t得分\t等次\t空气排名\t综合指数\t同比改善率");
	for (size_t i = 0; i < n; i++) {
		json_t *r = rows[i].r, *air = json_object_get(r, "air");
		if (json_object_get(r, "score"))
			fprintf(f, "%s\t%s\t%s", rows[i].name,
				points(pts, sizeof pts, json_integer_value(json_object_get(r, "score")), scale),
				grade_label(json_string_value(json_object_get(r, "grade")), lang));
		else
			fprintf(f, "%s\t-\t%s", rows[i].name, lang ? "not assessed" : "未考核");
		if (air)
			fprintf(f, "\t%lld\t%s\t%s%%", json_integer_value(json_object_get(air, "rank")),
				json_string_value(json_object_get(air, "reported")),
				json_string_value(json_object_get(air, "rate_percent")));
		fputc('\n', f);
	}
	fprintf(f, "\n%s\n", lang ? "Escalations (rule IDs in brackets):" : "问责与通报（括号内为规则编号）：");
	for (size_t i = 0; i < n; i++) {
		json_t *acts = json_object_get(rows[i].r, "actions"), *fails = json_object_get(rows[i].r, "fail_reasons");
		if (json_array_size(fails) > 0) {
			size_t k;
			json_t *x;
			fprintf(f, lang ? "  %s: graded fail (" : "  %s：考核不合格（", rows[i].name);
			json_array_foreach(fails, k, x)
				fprintf(f, "%s%s", k ? (lang ? ", " : "、") : "", json_string_value(x));
			fprintf(f, "%s\n", lang ? ")" : "）");
		}
		for (size_t l = 0; l < n_lad; l++) {
			json_t *a = json_object_get(acts, ladders[l]), *cl, *x;
			size_t k;
			if (!a || json_integer_value(json_object_get(a, "severity")) == 0)
				continue;
			fprintf(f, "  %s%s%s\n", rows[i].name, lang ? ": " : "：",
				action_name(s, ladders[l], json_string_value(json_object_get(a, "action")), lang));
			cl = json_object_get(a, "clauses");
			json_array_foreach(cl, k, x)
				fprintf(f, "    %s\n", json_string_value(json_object_get(x, lang ? "message_en" : "message")));
		}
	}
}

/*
 * Columns: unit, name, score, grade, veto, fail_reasons, one per ladder the
 * months feed (its action), air_index, air_improvement_percent, air_rank,
 * the last-place ladder's action (when the scheme has one), missing, stale.
 */
static void csv_report(FILE *f, row *rows, size_t n, int bom, int stale, const cycle_scheme *s, int scale)
{
	static const char *const head[] = { "unit", "name", "score", "grade", "veto", "fail_reasons" };
	static const char *const air_head[] = { "air_index", "air_improvement_percent", "air_rank" };
	if (bom)
		fputs("\xEF\xBB\xBF", f); /* spreadsheet software reads UTF-8 with a BOM */
	for (size_t k = 0; k < 6; k++)
		out_csv_cell(f, head[k], 0);
	for (size_t l = 0; l < s->n_ladders; l++)
		out_csv_cell(f, s->ladder[l], 0);
	for (size_t k = 0; k < 3; k++)
		out_csv_cell(f, air_head[k], 0);
	if (s->last_place)
		out_csv_cell(f, s->last_place, 0);
	out_csv_cell(f, "missing", 0);
	out_csv_cell(f, "stale", 1);
	for (size_t i = 0; i < n; i++) {
		json_t *r = rows[i].r, *air = json_object_get(r, "air"), *acts = json_object_get(r, "actions"), *x;
		char score[32], rank[32] = "", fails[512] = "";
		size_t k, o = 0;
		char missing[256] = "";
		size_t om = 0;
		json_array_foreach(json_object_get(r, "missing"), k, x)
			if (om < sizeof missing)
				om += (size_t)snprintf(missing + om, sizeof missing - om, "%s%s", k ? ";" : "", json_string_value(x));
		if (json_object_get(r, "score"))
			points(score, sizeof score, json_integer_value(json_object_get(r, "score")), scale);
		else
			score[0] = '\0';
		json_array_foreach(json_object_get(r, "fail_reasons"), k, x)
			if (o < sizeof fails)
				o += (size_t)snprintf(fails + o, sizeof fails - o, "%s%s", k ? ";" : "", json_string_value(x));
		if (air)
			snprintf(rank, sizeof rank, "%lld", json_integer_value(json_object_get(air, "rank")));
		out_csv_cell(f, rows[i].id, 0);
		out_csv_cell(f, rows[i].name, 0);
		out_csv_cell(f, score, 0);
		out_csv_cell(f, json_string_value(json_object_get(r, "grade")), 0);
		out_csv_cell(f, json_object_get(r, "veto") ? (json_is_true(json_object_get(r, "veto")) ? "1" : "0") : "", 0);
		out_csv_cell(f, fails, 0);
		for (size_t l = 0; l < s->n_ladders; l++)
			out_csv_cell(f, json_string_value(json_object_get(json_object_get(acts, s->ladder[l]), "action")), 0);
		out_csv_cell(f, air ? json_string_value(json_object_get(air, "reported")) : "", 0);
		out_csv_cell(f, air ? json_string_value(json_object_get(air, "rate_percent")) : "", 0);
		out_csv_cell(f, rank, 0);
		if (s->last_place)
			out_csv_cell(f, json_string_value(json_object_get(json_object_get(acts, s->last_place), "action")), 0);
		out_csv_cell(f, missing, 0);
		out_csv_cell(f, stale ? "1" : "0", 1);
	}
}

static void html_report(FILE *f, const char *month, row *rows, size_t n, int lang, json_t *lines, int stale,
			const cycle_scheme *s, int scale)
{
	const char *ladders[CYCLE_MAX_LADDERS + 1];
	size_t n_lad = scheme_ladders(s, ladders);
	char pts[32];
	double maxabs = 0.001;
	int bar_h = 26, width = 640, label_w = 170, mid = label_w + (width - label_w) / 2;
	char title[128];
	snprintf(title, sizeof title, lang ? "Grid supervision bulletin, %s" : "网格化环境监管月度通报（%s）", month);
	out_html_begin(f, title, lang);
	if (json_array_size(lines)) {
		size_t k;
		json_t *x;
		fprintf(f, "<div class=\"%s\"><p><b>%s</b></p>\n", stale ? "fail" : "note", lang ? "Notes" : "说明");
		json_array_foreach(lines, k, x) {
			fputs("<p>", f);
			out_html_escape(f, json_string_value(x));
			fputs("</p>\n", f);
		}
		fputs("</div>\n", f);
	}
	fprintf(f, "<table><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr>\n",
		lang ? "Unit" : "单位", lang ? "Score" : "得分", lang ? "Grade" : "等次", lang ? "Air rank" : "空气排名",
		lang ? "Composite index" : "综合指数", lang ? "Improvement" : "同比改善率");
	for (size_t i = 0; i < n; i++) {
		json_t *r = rows[i].r, *air = json_object_get(r, "air");
		const char *g = json_string_value(json_object_get(r, "grade"));
		fputs("<tr><td>", f);
		out_html_escape(f, rows[i].name);
		if (g)
			fprintf(f, "</td><td>%s</td><td class=\"%s\">%s</td>",
				points(pts, sizeof pts, json_integer_value(json_object_get(r, "score")), scale),
				strcmp(g, "fail") ? "" : "fail", grade_label(g, lang));
		else
			fprintf(f, "</td><td>-</td><td class=\"fail\">%s</td>", lang ? "not assessed" : "未考核");
		if (air) {
			double rate = json_real_value(json_object_get(air, "rate"));
			if (rate > maxabs || -rate > maxabs)
				maxabs = rate > 0 ? rate : -rate;
			fprintf(f, "<td>%lld</td><td>%s</td><td>%s%%</td>", json_integer_value(json_object_get(air, "rank")),
				json_string_value(json_object_get(air, "reported")), json_string_value(json_object_get(air, "rate_percent")));
		} else {
			fputs("<td></td><td></td><td></td>", f);
		}
		fputs("</tr>\n", f);
	}
	fputs("</table>\n", f);
	fprintf(f, "<h2>%s</h2>\n", lang ? "Escalations" : "问责与通报");
	for (size_t i = 0; i < n; i++) {
		json_t *fails = json_object_get(rows[i].r, "fail_reasons"), *y;
		size_t j;
		if (json_array_size(fails) > 0) {
			fputs("<p><b>", f);
			out_html_escape(f, rows[i].name);
			fputs(lang ? "</b>: <span class=\"fail\">graded fail</span> (" : "</b>：<span class=\"fail\">考核不合格</span>（", f);
			json_array_foreach(fails, j, y) {
				fputs(j ? (lang ? ", " : "、") : "", f);
				out_html_escape(f, json_string_value(y));
			}
			fputs(lang ? ")</p>\n" : "）</p>\n", f);
		}
		for (size_t l = 0; l < n_lad; l++) {
			json_t *a = json_object_get(json_object_get(rows[i].r, "actions"), ladders[l]), *x;
			size_t k;
			if (!a || json_integer_value(json_object_get(a, "severity")) == 0)
				continue;
			fputs("<p><b>", f);
			out_html_escape(f, rows[i].name);
			fputs(lang ? "</b>: " : "</b>：", f);
			out_html_escape(f, action_name(s, ladders[l], json_string_value(json_object_get(a, "action")), lang));
			fputs("</p>\n", f);
			json_array_foreach(json_object_get(a, "clauses"), k, x) {
				fputs("<div class=\"act\">", f);
				out_html_escape(f, json_string_value(json_object_get(x, lang ? "message_en" : "message")));
				fputs("</div>\n", f);
			}
		}
	}
	if (s->air) {
		/* The air ranking as an inline SVG bar chart: improvement rate per unit, 0 in the middle. */
		fprintf(f, "<h2>%s</h2>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%zu\" role=\"img\">\n",
			lang ? "Air quality: year-on-year improvement (CJ-A3-5)" : "环境空气质量综合指数同比改善率（CJ-A3-5）", width,
			n * (size_t)bar_h + 10);
		for (size_t i = 0; i < n; i++) {
			json_t *air = json_object_get(rows[i].r, "air");
			double rate;
			int w, y = (int)i * bar_h + 5;
			if (!air)
				continue;
			rate = json_real_value(json_object_get(air, "rate"));
			w = (int)((rate < 0 ? -rate : rate) / maxabs * (width - label_w) / 2 * 0.95);
			fprintf(f, "<text x=\"0\" y=\"%d\" font-size=\"13\">", y + 17);
			out_html_escape(f, rows[i].name);
			fprintf(f, "</text><rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>", rate < 0 ? mid - w : mid, y,
				w > 0 ? w : 1, bar_h - 8, rate < 0 ? "#d9534f" : "#5cb85c");
			fprintf(f, "<text x=\"%d\" y=\"%d\" font-size=\"12\">%s%%</text>\n", rate < 0 ? mid + 4 : mid - 50, y + 15,
				json_string_value(json_object_get(air, "rate_percent")));
		}
		fprintf(f, "<line x1=\"%d\" y1=\"0\" x2=\"%d\" y2=\"%zu\" stroke=\"#333\"/></svg>\n", mid, mid,
			n * (size_t)bar_h + 10);
	}
	out_html_end(f);
}

int cmd_report(tool_ctx *ctx)
{
	const char *month = NULL, *format = "text", *out_path = NULL;
	int bom = 0, stale_ok = 0, force = 0, rc;
	row *rows = NULL;
	size_t n = 0;
	sqlite3 *db;
	json_t *stale = NULL, *gaps = NULL, *lines = json_array();
	cycle_scheme s;
	eg_ruleset *rs = NULL;
	int scale = 1;
	out_target o;
	FILE *f;
	for (int i = 0; i < ctx->argc; i++) {
		if (!strcmp(ctx->argv[i], "--format") && i + 1 < ctx->argc)
			format = ctx->argv[++i];
		else if (!strcmp(ctx->argv[i], "--output") && i + 1 < ctx->argc)
			out_path = ctx->argv[++i];
		else if (!strcmp(ctx->argv[i], "--bom"))
			bom = 1;
		else if (!strcmp(ctx->argv[i], "--stale-ok"))
			stale_ok = 1;
		else if (!strcmp(ctx->argv[i], "--force"))
			force = 1;
		else if (!strcmp(ctx->argv[i], "--help")) {
			puts(TR(ctx, "ecogrid report 月份 [--format text|json|csv|html] [--output 文件] [--force] [--bom] [--stale-ok]\n"
				     "  过期（输入、网格或方案在运行后有变化，或前一月已过期）的月份拒绝出通报；--stale-ok 照出并在通报上注明",
				"ecogrid report YYYY-MM [--format text|json|csv|html] [--output FILE] [--force] [--bom] [--stale-ok]\n"
				"  refused for a stale month (inputs, grid or scheme changed after the run, or the month before is\n"
				"  stale); --stale-ok prints it marked as stale"));
			json_decref(lines);
			return TOOL_OK;
		} else if (!month && ctx->argv[i][0] != '-')
			month = ctx->argv[i];
		else {
			json_decref(lines);
			return tool_fail("report: unknown argument %s", ctx->argv[i]);
		}
	}
	json_decref(lines);
	if (!month || !month_valid(month))
		return tool_fail("report: which month? (ecogrid report YYYY-MM)");
	if (strcmp(format, "text") && strcmp(format, "json") && strcmp(format, "csv") && strcmp(format, "html"))
		return tool_fail("report: --format must be text, json, csv or html, not %s", format);
	if (ws_open(&db, ctx->db_path, 1))
		return TOOL_FAIL;
	/* One read transaction: the results and their freshness agree. */
	memset(&s, 0, sizeof s);
	rc = ws_read_begin(db);
	if (!rc)
		rc = cycle_scheme_load(&s, db);
	if (!rc)
		rc = load(db, month, &rows, &n);
	if (!rc)
		rc = freshness(db, month, ctx->lang, &stale, &gaps, &s);
	/* Scores are stored in the rule set's scale units (R0.2); shown as points. */
	if (!rc && eg_scheme_ruleset(&rs, s.scheme, month) == EG_OK)
		scale = eg_ruleset_scale(rs);
	eg_ruleset_free(rs);
	ws_commit(db);
	ws_close(db);
	if (!rc && json_array_size(stale) > 0 && !stale_ok) {
		size_t k;
		json_t *x;
		fprintf(stderr, TR(ctx, "ecogrid: report: %s 的结果已过期，不出通报：\n", "ecogrid: report: the results of %s are stale:\n"),
			month);
		json_array_foreach(stale, k, x)
			fprintf(stderr, "  %s\n", json_string_value(json_object_get(x, "text")));
		rc = tool_fail(TR(ctx, "重新运行：ecogrid month run --from %s（或用 --stale-ok 出一份注明“已过期”的通报）",
				  "run it again: ecogrid month run --from %s (or --stale-ok for a bulletin marked stale)"),
			       month);
	}
	lines = json_array();
	if (!rc)
		notes(lines, month, rows, n, stale, gaps, ctx->lang);
	if (!rc)
		rc = out_open(&o, ctx, out_path, force, "report");
	if (!rc) {
		f = o.f;
		if (!strcmp(format, "json")) {
			json_t *doc = json_object(), *units = json_object();
			for (size_t i = 0; i < n; i++) {
				json_object_set_new(rows[i].r, "name", json_string(rows[i].name));
				json_object_set(units, rows[i].id, rows[i].r);
			}
			json_object_set_new(doc, "month", json_string(month));
			json_object_set_new(doc, "stale", json_boolean(json_array_size(stale) > 0));
			json_object_set(doc, "stale_reasons", stale);
			json_object_set_new(doc, "gap_months", json_incref(json_object_get(gaps, "gap_months") ?
									   json_object_get(gaps, "gap_months") : json_array()));
			json_object_set(doc, "notes", lines);
			json_object_set_new(doc, "units", units);
			json_dumpf(doc, f, JSON_INDENT(2));
			fputc('\n', f);
			json_decref(doc);
		} else if (!strcmp(format, "csv")) {
			csv_report(f, rows, n, bom, json_array_size(stale) > 0, &s, scale);
		} else if (!strcmp(format, "html")) {
			html_report(f, month, rows, n, ctx->lang, lines, json_array_size(stale) > 0, &s, scale);
		} else {
			text_report(f, month, rows, n, ctx->lang, lines, &s, scale);
		}
		rc = out_close(&o);
	}
	json_decref(lines);
	json_decref(stale);
	json_decref(gaps);
	for (size_t i = 0; i < n; i++)
		json_decref(rows[i].r);
	free(rows);
	cycle_scheme_free(&s);
	return rc;
}
