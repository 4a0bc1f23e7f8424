/*
 * template: an empty CSV file for a clerk to fill in, UTF-8 with a BOM (so
 * that Excel opens it as it is), CRLF line ends, Chinese headers (English
 * with --lang en) that the importers accept back. The month template lists
 * the level-2 units of the workspace, when there is one, with each code
 * written as ="code" so that Excel keeps it as text instead of turning it
 * into 6.52301E+11 (the readers accept that form).
 */
#include "tool.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct tcol {
	const char *en, *zh;
} tcol;

/* Units without superscripts ("m3"): Excel saves a CSV as GBK on Chinese Windows, which has no "³". */
static const tcol t_month[] = {
	{ "unit", "单位代码" },
	{ "name", "单位名称" },
	{ "item1", "第1项达标" },
	{ "item2", "第2项达标" },
	{ "item3", "第3项达标" },
	{ "item4", "第4项问题数" },
	{ "item5", "第5项问题数" },
	{ "item6", "第6项问题数" },
	{ "item7", "第7项问题数" },
	{ "item7_adverse", "第7项造成不良影响" },
	{ "bonus", "加分事项数" },
	{ "media", "媒体曝光" },
	{ "forced_fail", "强制不合格情形" },
	{ "so2", "SO2(μg/m3)" },
	{ "no2", "NO2(μg/m3)" },
	{ "pm10", "PM10(μg/m3)" },
	{ "pm25", "PM2.5(μg/m3)" },
	{ "co", "CO(mg/m3)" },
	{ "o3", "O3(μg/m3)" },
	{ "air_ref", "上年同月综合指数" },
	{ "air_target_missed", "空气质量目标未完成" },
	{ "air_station", "有空气监测站" },
	{ NULL, NULL },
};
static const tcol t_roster[] = { { "node", "网格代码" }, { "role", "角色" }, { "person", "姓名" },
				 { "detail", "说明" },   { "covers", "分管网格" }, { NULL, NULL } };
static const tcol t_grid[] = { { "code", "代码" }, { "parent_code", "上级代码" }, { "level", "级别" },
			       { "name", "名称" }, { "kind", "类型" },		{ NULL, NULL } };
static const tcol t_disclosure[] = { { "id", "编号" },	       { "time", "时间" },	 { "actor", "填报人" },
				     { "reason", "原因" },     { "name", "名称" },	 { "district", "区县" },
				     { "category", "类别" },   { "target", "目标或监管要求" }, { "progress", "进展" },
				     { "quarter", "季度" },    { NULL, NULL } };
static const tcol t_ledger[] = { { "id", "编号" },	   { "time", "时间" },	       { "actor", "填报人" },
				 { "action", "操作" },	   { "lead_unit", "牵头单位" }, { "target", "整改目标" },
				 { "deadline", "整改时限" }, { "reason", "原因" },	       { NULL, NULL } };
static const tcol t_frame[] = { { "stratum", "分层" }, { "id", "对象编号" }, { NULL, NULL } };
static const tcol t_quotas[] = { { "stratum", "分层" }, { "quota", "抽取数" }, { NULL, NULL } };
static const tcol t_inspectors[] = { { "inspector", "检查人员" }, { NULL, NULL } };
static const tcol t_conflicts[] = { { "inspector", "检查人员" }, { "object", "回避对象" }, { NULL, NULL } };

static const struct {
	const char *kind;
	const tcol *cols;
} kinds[] = { { "month", t_month },   { "roster", t_roster },	  { "grid", t_grid },
	      { "disclosure", t_disclosure }, { "ledger", t_ledger },	  { "frame", t_frame },
	      { "quotas", t_quotas },	      { "inspectors", t_inspectors }, { "conflicts", t_conflicts } };
#define N_KINDS (sizeof kinds / sizeof kinds[0])

/* A cell: quoted, quotes doubled (RFC 4180). */
static void cell(FILE *f, const char *s, int last)
{
	fputc('"', f);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', f);
		fputc(*s, f);
	}
	fputs(last ? "\"\r\n" : "\",", f);
}

/* The level-2 units of the workspace, one row each (code as ="code" for Excel). */
static int month_rows(FILE *f, const tool_ctx *ctx, size_t n_cols)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	if (access(ctx->db_path, F_OK) != 0)
		return TOOL_OK; /* no workspace: the header only */
	if (ws_open(&db, ctx->db_path, 1))
		return TOOL_FAIL;
	if (sqlite3_prepare_v2(db, "SELECT id, name FROM grid_node WHERE level = 2 ORDER BY seq", -1, &st, NULL) != SQLITE_OK) {
		ws_close(db);
		return tool_fail("workspace: %s", sqlite3_errmsg(db));
	}
	while (sqlite3_step(st) == SQLITE_ROW) {
		fprintf(f, "\"=\"\"%s\"\"\",", (const char *)sqlite3_column_text(st, 0));
		cell(f, (const char *)sqlite3_column_text(st, 1), 0);
		for (size_t k = 2; k < n_cols; k++)
			fputs(k + 1 == n_cols ? "\r\n" : ",", f);
	}
	sqlite3_finalize(st);
	ws_close(db);
	return TOOL_OK;
}

int cmd_template(tool_ctx *ctx)
{
	const char *output = NULL, *force = NULL, *pos[1];
	const tool_opt opts[] = { { "--output", &output, 0 }, { "--force", &force, 1 } };
	out_target o;
	const char *names[N_KINDS];
	const tcol *cols = NULL;
	size_t n_pos, n_cols = 0, k;
	FILE *f;
	int rc;
	if ((rc = args_parse(ctx, 0, opts, 2, pos, 1, &n_pos, "template")))
		return rc;
	for (k = 0; k < N_KINDS; k++)
		names[k] = kinds[k].kind;
	if (n_pos == 0) {
		tool_fail("template: which one? month, roster, grid, disclosure, ledger, frame, quotas, inspectors or conflicts");
		return TOOL_USAGE;
	}
	for (k = 0; k < N_KINDS && !cols; k++)
		if (!strcmp(pos[0], kinds[k].kind))
			cols = kinds[k].cols;
	if (!cols)
		return tool_unknown(TOOL_UNKNOWN_SUBCOMMAND, "template", pos[0], names, N_KINDS);
	while (cols[n_cols].en)
		n_cols++;
	if ((rc = out_open(&o, ctx, output, force != NULL, "template")))
		return rc;
	f = o.f;
	fputs("\xEF\xBB\xBF", f);
	for (k = 0; k < n_cols; k++)
		cell(f, ctx->lang == EG_LANG_EN ? cols[k].en : cols[k].zh, k + 1 == n_cols);
	rc = cols == t_month ? month_rows(f, ctx, n_cols) : TOOL_OK;
	if (rc)
		out_abort(&o);
	else
		rc = out_close(&o);
	if (!rc && output)
		fprintf(stderr, _("wrote %s: fill it in and save it as CSV (Excel: \"CSV UTF-8\" or \"CSV\")\n"), output);
	return rc;
}
