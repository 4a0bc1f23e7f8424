/*
 * init, grid import, grid staff, grid check, grid show.
 * Grid rules: CJ-G.1 to CJ-G.7 and CJ-A2-5.2, all judged by the library.
 */
#include "tool.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/*
 * init [--scheme FILE|NAME]: create the workspace (or migrate it), and set
 * its scheme: the document the monthly cycle runs (cycle.c). A new
 * workspace without --scheme gets WS_DEFAULT_SCHEME. The scheme is loaded
 * and checked before anything is written; storing another one makes the
 * results run under the old one stale (they recorded its hash).
 */
int cmd_init(tool_ctx *ctx)
{
	sqlite3 *db;
	const char *scheme_arg = NULL, *pos[1];
	const tool_opt opts[] = { { "--scheme", &scheme_arg, 0 } };
	size_t n_pos;
	cycle_scheme cs, now;
	struct stat sb;
	/* An empty (0-byte) file holds no data: init makes it the workspace and says it created it
	 * (`touch ws.db`, or a copy that failed). A file with content is opened as a workspace, and
	 * refused (nothing changed) when it is not one: not SQLite, or another program's database. */
	int existed = stat(ctx->db_path, &sb) == 0 && sb.st_size > 0, rc = TOOL_OK, changed = 0, n_run = 0;
	if (args_parse(ctx, 0, opts, 1, pos, 0, &n_pos, "init"))
		return TOOL_USAGE;
	memset(&cs, 0, sizeof cs);
	if (scheme_arg) {
		eg_scheme *sc = NULL;
		/* Everything the monthly cycle needs of the scheme is checked before the workspace is touched. */
		if (scheme_open(&sc, ctx, scheme_arg) || cycle_scheme_from(&cs, sc))
			return TOOL_FAIL;
	}
	if (ws_open(&db, ctx->db_path, 0)) {
		cycle_scheme_free(&cs);
		return TOOL_FAIL;
	}
	if (scheme_arg && !(rc = ws_begin(db))) {
		memset(&now, 0, sizeof now);
		rc = cycle_scheme_load(&now, db);
		changed = rc || strcmp(now.hash, cs.hash) != 0;
		cycle_scheme_free(&now);
		rc = TOOL_OK; /* a stored scheme that no longer loads is replaced */
		if (changed) {
			char detail[300];
			sqlite3_stmt *st;
			if (sqlite3_prepare_v2(db, "SELECT COUNT(*) FROM month_run", -1, &st, NULL) == SQLITE_OK &&
			    sqlite3_step(st) == SQLITE_ROW)
				n_run = sqlite3_column_int(st, 0);
			sqlite3_finalize(st);
			snprintf(detail, sizeof detail, "scheme %s (%s), sha256 %s", cs.name, scheme_arg, cs.hash);
			rc = ws_scheme_store(db, cs.scheme, scheme_arg);
			if (!rc)
				rc = ws_log(db, "init --scheme", detail);
		}
		if (!rc)
			rc = ws_commit(db);
		if (rc)
			ws_rollback(db);
	}
	if (!rc && !scheme_arg) {
		rc = ws_read_begin(db);
		if (!rc)
			rc = cycle_scheme_load(&cs, db);
		ws_commit(db);
	}
	ws_close(db);
	if (!rc) {
		printf(existed ? TR(ctx, "工作库 %s 已存在（结构版本 %d）\n", "workspace %s already exists (schema %d)\n")
			       : TR(ctx, "已创建工作库 %s（结构版本 %d）\n", "created workspace %s (schema %d)\n"),
		       ctx->db_path, WS_SCHEMA_VERSION);
		printf(TR(ctx, "考核方案：%s（%s）%s\n", "scheme: %s (%s)%s\n"), cs.name, eg_scheme_title(cs.scheme, ctx->lang),
		       scheme_arg && existed ? (changed ? TR(ctx, "，已更换", ", changed") : TR(ctx, "，未变", ", unchanged")) : "");
		if (changed && n_run > 0)
			printf(TR(ctx, "已运行的 %d 个月的结果已过期（方案已更换）；用 `ecogrid month run --from 月份` 重新运行\n",
				  "the results of %d month(s) already run are stale (the scheme changed); run "
				  "`ecogrid month run --from YYYY-MM` again\n"),
			       n_run);
	}
	cycle_scheme_free(&cs);
	return rc;
}

/* Replace every grid node in the workspace by the nodes of g, in index order. */
static int store_nodes(sqlite3 *db, const eg_grid *g, int progress)
{
	sqlite3_stmt *st;
	size_t n = eg_grid_size(g);
	if (ws_exec(db, "DELETE FROM grid_node"))
		return TOOL_FAIL;
	if (sqlite3_prepare_v2(db, "INSERT INTO grid_node(seq, id, parent, name, level, kind) VALUES(?,?,?,?,?,?)",
			       -1, &st, NULL) != SQLITE_OK)
		return tool_fail("workspace: %s", sqlite3_errmsg(db));
	for (size_t i = 0; i < n; i++) {
		const eg_node *nd = eg_grid_node_at(g, i), *p = eg_node_parent(nd);
		sqlite3_bind_int64(st, 1, (sqlite3_int64)i + 1);
		sqlite3_bind_text(st, 2, eg_node_id(nd), -1, SQLITE_STATIC);
		if (p)
			sqlite3_bind_text(st, 3, eg_node_id(p), -1, SQLITE_STATIC);
		else
			sqlite3_bind_null(st, 3);
		sqlite3_bind_text(st, 4, eg_node_name(nd), -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 5, eg_node_level(nd));
		sqlite3_bind_int(st, 6, eg_node_kind(nd));
		if (sqlite3_step(st) != SQLITE_DONE) {
			tool_fail("workspace: %s", sqlite3_errmsg(db));
			sqlite3_finalize(st);
			return TOOL_FAIL;
		}
		sqlite3_reset(st);
		ws_row_written();
		if (progress && (i % 50000 == 0 || i + 1 == n))
			fprintf(stderr, "\r%zu / %zu", i + 1, n);
	}
	if (progress)
		fputc('\n', stderr);
	sqlite3_finalize(st);
	return TOOL_OK;
}

static int grid_import(tool_ctx *ctx)
{
	eg_grid_csv_options opts = EG_GRID_CSV_OPTIONS_INIT;
	const char *file = NULL;
	eg_grid *g = NULL, *check = NULL;
	sqlite3 *db;
	char detail[512];
	int rc;
	const char *root = NULL, *root_level = NULL, *pos[1];
	const tool_opt topts[] = { { "--root", &root, 0 }, { "--root-level", &root_level, 0 } };
	size_t n_pos;
	/* A bad command line is a usage error (exit 2): an unknown option, a second file, a level that is not 0-4. */
	if (args_parse(ctx, 0, topts, 2, pos, 1, &n_pos, "grid import"))
		return TOOL_USAGE;
	if (n_pos != 1) {
		tool_fail("grid import: which file? (ecogrid grid import FILE.csv)");
		return TOOL_USAGE;
	}
	file = pos[0];
	opts.root = root;
	if (root_level) {
		if (strlen(root_level) != 1 || root_level[0] < '0' || root_level[0] > '4') {
			tool_fail("grid import: --root-level must be a level from 0 to 4, not %s", root_level);
			return TOOL_USAGE;
		}
		opts.root_level = root_level[0] - '0';
	}
	if ((rc = eg_grid_load_csv(&g, file, &opts)) < 0)
		return tool_fail("%s: %s", file, tool_eg_message());
	if (in_grid_check(g, file)) {
		eg_grid_free(g);
		return TOOL_FAIL;
	}
	if (ws_open(&db, ctx->db_path, 1)) {
		eg_grid_free(g);
		return TOOL_FAIL;
	}
	/* One transaction: replace the nodes, prove that the stored staff still
	 * fits the new grid by rebuilding it through the library, log, commit. */
	rc = ws_begin(db);
	if (!rc)
		rc = store_nodes(db, g, isatty(2));
	if (!rc && (rc = ws_load_grid(&check, db)) != TOOL_OK)
		tool_fail("grid import: the staff roster no longer fits the new grid; import a matching roster with `grid staff` first or together");
	snprintf(detail, sizeof detail, "%s: %zu nodes (levels 1-4: %zu/%zu/%zu/%zu)", file, eg_grid_size(g),
		 eg_grid_count(g, 1), eg_grid_count(g, 2), eg_grid_count(g, 3), eg_grid_count(g, 4));
	if (!rc)
		rc = ws_log(db, "grid import", detail);
	if (!rc)
		rc = ws_commit(db);
	if (rc)
		ws_rollback(db);
	else
		printf(TR(ctx, "已导入 %s：%zu 个网格（一至四级：%zu/%zu/%zu/%zu）\n",
			  "imported %s: %zu nodes (levels 1-4: %zu/%zu/%zu/%zu)\n"),
		       file, eg_grid_size(g), eg_grid_count(g, 1), eg_grid_count(g, 2),
		       eg_grid_count(g, 3), eg_grid_count(g, 4));
	eg_grid_free(check);
	eg_grid_free(g);
	ws_close(db);
	return rc;
}

typedef struct staff_load {
	const char *file;
	eg_grid *g;
	sqlite3_stmt *ins;
	size_t rows;
	int failed;
} staff_load;

static int staff_row(void *p, size_t line, char **f, size_t n)
{
	staff_load *s = p;
	char where[512];
	(void)n;
	snprintf(where, sizeof where, "%s: line %zu", s->file, line);
	if (staff_apply(s->g, where, f[0], f[1], f[2], f[3], f[4]))
		return 1;
	for (int i = 0; i < 5; i++)
		sqlite3_bind_text(s->ins, i + 1, f[i], -1, SQLITE_TRANSIENT);
	if (sqlite3_step(s->ins) != SQLITE_DONE)
		return tool_fail("workspace: %s", sqlite3_errmsg(sqlite3_db_handle(s->ins)));
	sqlite3_reset(s->ins);
	ws_row_written();
	s->rows++;
	return 0;
}

static int grid_staff(tool_ctx *ctx)
{
	static const char *const header[] = { "node", "role", "person", "detail", "covers" };
	staff_load s;
	sqlite3 *db;
	char detail[512];
	int rc;
	if (ctx->argc != 1 || ctx->argv[0][0] == '-') {
		tool_fail("grid staff: give one roster file (node,role,person,detail,covers)");
		return TOOL_USAGE;
	}
	memset(&s, 0, sizeof s);
	s.file = ctx->argv[0];
	if (ws_open(&db, ctx->db_path, 1))
		return TOOL_FAIL;
	rc = ws_begin(db);
	/* Each row is applied to the grid through the library as it is read, so
	 * an error names the file and line; the whole roster is replaced. */
	if (!rc)
		rc = ws_load_nodes(&s.g, db);
	if (!rc)
		rc = ws_exec(db, "DELETE FROM grid_staff");
	if (!rc && sqlite3_prepare_v2(db, "INSERT INTO grid_staff(node, role, person, detail, covers) VALUES(?,?,?,?,?)",
				      -1, &s.ins, NULL) != SQLITE_OK)
		rc = tool_fail("workspace: %s", sqlite3_errmsg(db));
	if (!rc)
		rc = csv_read_file(s.file, header, 5, staff_row, &s);
	snprintf(detail, sizeof detail, "%s: %zu rows", s.file, s.rows);
	if (!rc)
		rc = ws_log(db, "grid staff", detail);
	sqlite3_finalize(s.ins);
	if (!rc)
		rc = ws_commit(db);
	if (rc)
		ws_rollback(db);
	else
		printf(TR(ctx, "已导入人员名册 %s：%zu 行\n", "imported staff roster %s: %zu rows\n"), s.file, s.rows);
	eg_grid_free(s.g);
	ws_close(db);
	return rc;
}

/*
 * A JSON string. The library's text is valid UTF-8 (the grid checks every
 * ID and name), so only the quote, the backslash and control characters
 * need escaping (RFC 8259 §7). Written here rather than through jansson so
 * that two million findings stream out without building a document; the
 * escapes and the layout (grid_check()) are those of json_dumpf() with
 * JSON_INDENT(2), which the tool used before, so the report is byte for
 * byte the same.
 */
static void json_str(FILE *f, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	const char *run = s;
	putc('"', f);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		fwrite(run, 1, (size_t)(s - run), f);
		run = s + 1;
		switch (c) {
		case '"': fputs("\\\"", f); break;
		case '\\': fputs("\\\\", f); break;
		case '\n': fputs("\\n", f); break;
		case '\r': fputs("\\r", f); break;
		case '\t': fputs("\\t", f); break;
		case '\b': fputs("\\b", f); break;
		case '\f': fputs("\\f", f); break;
		default:
			fputs("\\u00", f);
			putc(hex[c >> 4], f);
			putc(hex[c & 15], f);
			break;
		}
	}
	fwrite(run, 1, (size_t)(s - run), f);
	putc('"', f);
}

/* CJ-A2-5.2 for each level-2 unit, in grid order: calls fn(payload, unit, met). */
static void each_unit(const eg_grid *g, const eg_findings *f, void (*fn)(void *, const eg_node *, int), void *payload)
{
	for (size_t i = 0; i < eg_grid_size(g); i++) {
		const eg_node *u = eg_grid_node_at(g, i);
		int met = 0;
		if (eg_node_level(u) != EG_LEVEL_COUNTY || eg_node_kind(u) == EG_KIND_KEY_GRID)
			continue;
		eg_findings_cj_a2_5_2(&met, f, g, eg_node_id(u));
		fn(payload, u, met);
	}
}

typedef struct unit_out {
	tool_ctx *ctx;
	size_t n;
} unit_out;

static void unit_json(void *p, const eg_node *u, int met)
{
	unit_out *o = p;
	fputs(o->n++ ? ",\n    {\n      \"unit\": " : "\n    {\n      \"unit\": ", stdout);
	json_str(stdout, eg_node_id(u));
	fputs(",\n      \"name\": ", stdout);
	json_str(stdout, eg_node_name(u));
	fputs(met ? ",\n      \"CJ-A2-5.2\": true\n    }" : ",\n      \"CJ-A2-5.2\": false\n    }", stdout);
}

static void unit_text(void *p, const eg_node *u, int met)
{
	unit_out *o = p;
	printf("  %s\t%s\t%s\n", eg_node_id(u), eg_node_name(u), met ? TR(o->ctx, "达标", "met") : TR(o->ctx, "未达标", "not met"));
}

/* The findings in the chosen format: one pass over them, then one over the units. */
static int grid_check(tool_ctx *ctx)
{
	const char *format = "text";
	eg_grid *g = NULL;
	eg_findings *f = NULL;
	sqlite3 *db;
	size_t n;
	unit_out uo;
	int rc;
	const char *pos[1];
	const tool_opt copts[] = { { "--format", &format, 0 } };
	static const char *const fmts[] = { "text", "json", "csv" };
	size_t n_pos;
	if (args_parse(ctx, 0, copts, 1, pos, 0, &n_pos, "grid check") || out_format_ok(format, fmts, 3, "grid check"))
		return TOOL_USAGE;
	if (ws_open(&db, ctx->db_path, 1))
		return TOOL_FAIL;
	rc = ws_load_grid(&g, db);
	ws_close(db);
	if (rc)
		return rc;
	if ((rc = eg_grid_check(&f, g)) < 0) {
		eg_grid_free(g);
		return tool_fail_eg(rc, "grid check");
	}
	n = eg_findings_count(f);
	uo.ctx = ctx;
	uo.n = 0;
	if (strcmp(format, "json") == 0) {
		fputs("{\n  \"findings\": [", stdout);
		for (size_t i = 0; i < n; i++) {
			const eg_finding *x = eg_findings_at(f, i);
			const char *msg = eg_finding_message(x, ctx->lang);
			if (!msg)
				break;
			fputs(i ? ",\n    {\n      \"rule\": " : "\n    {\n      \"rule\": ", stdout);
			json_str(stdout, eg_finding_rule(x));
			fputs(",\n      \"node\": ", stdout);
			json_str(stdout, eg_finding_node(x));
			fputs(",\n      \"unit\": ", stdout);
			json_str(stdout, eg_finding_unit(x));
			fputs(",\n      \"message\": ", stdout);
			json_str(stdout, msg);
			fputs("\n    }", stdout);
		}
		fputs(n ? "\n  ],\n  \"units\": [" : "],\n  \"units\": [", stdout);
		each_unit(g, f, unit_json, &uo);
		fputs(uo.n ? "\n  ]\n}\n" : "]\n}\n", stdout);
	} else if (strcmp(format, "csv") == 0) {
		out_csv_cell(stdout, "rule", 0);
		out_csv_cell(stdout, "node", 0);
		out_csv_cell(stdout, "unit", 0);
		out_csv_cell(stdout, "message", 1);
		for (size_t i = 0; i < n; i++) {
			const eg_finding *x = eg_findings_at(f, i);
			const char *msg = eg_finding_message(x, ctx->lang);
			if (!msg)
				break;
			out_csv_cell(stdout, eg_finding_rule(x), 0);
			out_csv_cell(stdout, eg_finding_node(x), 0);
			out_csv_cell(stdout, eg_finding_unit(x), 0);
			out_csv_cell(stdout, msg, 1);
		}
	} else {
		printf(TR(ctx, "网格 %zu 个（一至四级：%zu/%zu/%zu/%zu），发现 %zu 项问题\n",
			  "%zu grid nodes (levels 1-4: %zu/%zu/%zu/%zu), %zu finding(s)\n"),
		       eg_grid_size(g), eg_grid_count(g, 1), eg_grid_count(g, 2), eg_grid_count(g, 3),
		       eg_grid_count(g, 4), n);
		for (size_t i = 0; i < n; i++) {
			const eg_finding *x = eg_findings_at(f, i);
			const char *msg = eg_finding_message(x, ctx->lang);
			if (!msg)
				break;
			printf("  [%s] %s\n", eg_finding_rule(x), msg);
		}
		puts(TR(ctx, "考核第2项（CJ-A2-5.2）：", "Assessment item 2 (CJ-A2-5.2):"));
		each_unit(g, f, unit_text, &uo);
	}
	/* A message the library could not make (out of memory) ends the output early: say so. */
	for (size_t i = 0; i < n && rc == EG_OK; i++)
		if (!eg_finding_message(eg_findings_at(f, i), ctx->lang))
			rc = tool_fail_eg(eg_error_last()->code, "grid check");
	eg_findings_free(f);
	eg_grid_free(g);
	if (rc == EG_OK && (fflush(stdout) != 0 || ferror(stdout)))
		return tool_fail("cannot write to standard output"); /* the message out_close() gives */
	return rc ? TOOL_FAIL : TOOL_OK;
}

static int grid_show(tool_ctx *ctx)
{
	eg_grid *g = NULL;
	sqlite3 *db;
	int rc;
	if (ws_open(&db, ctx->db_path, 1))
		return TOOL_FAIL;
	rc = ws_load_nodes(&g, db);
	ws_close(db);
	if (rc)
		return rc;
	if (ctx->argc == 0) {
		static const char *const zh[] = { "省", "一级（州）", "二级（县市/园区）", "三级（乡镇/街道）", "四级（村/社区）" };
		static const char *const en[] = { "province", "level 1 (prefecture)", "level 2 (county/park)",
						  "level 3 (township)", "level 4 (village)" };
		for (int l = 0; l <= 4; l++)
			printf("%s\t%zu\n", ctx->lang == EG_LANG_EN ? en[l] : zh[l], eg_grid_count(g, l));
	} else {
		const eg_node *n;
		if ((rc = eg_grid_lookup(&n, g, ctx->argv[0])) < 0) {
			eg_grid_free(g);
			return tool_fail("grid show: %s", tool_eg_message());
		}
		printf("%s\t%s\t%d\n", eg_node_id(n), eg_node_name(n), eg_node_level(n));
		for (const eg_node *c = eg_node_first_child(n); c; c = eg_node_next_sibling(c))
			printf("  %s\t%s\t%d\n", eg_node_id(c), eg_node_name(c), eg_node_level(c));
	}
	eg_grid_free(g);
	return TOOL_OK;
}

int cmd_grid(tool_ctx *ctx)
{
	const char *sub = ctx->argc > 0 ? ctx->argv[0] : "--help";
	int want_help = strcmp(sub, "--help") == 0 || strcmp(sub, "help") == 0 ||
			(ctx->argc > 1 && strcmp(ctx->argv[1], "--help") == 0);
	if (want_help) {
		puts(TR(ctx,
			"ecogrid grid import 文件.csv [--root 代码] [--root-level 级别]  导入网格（替换）\n"
			"ecogrid grid staff 文件.csv   导入人员名册（替换）：表头 node,role,person,detail,covers\n"
			"    role=head（每行一名网格长，每个网格两名，CJ-G.3）；subhead（detail=deputy_division|deputy_section|other，\n"
			"    covers=空格分隔的下级网格代码，CJ-G.4/CJ-G.5）；supervisor（detail=full_time|part_time，CJ-G.6/CJ-G.7）\n"
			"ecogrid grid check [--format text|json|csv]   网格配备检查\n"
			"ecogrid grid show [代码]   各级数量或某一网格",
			"ecogrid grid import FILE.csv [--root ID] [--root-level N]  import the grid (replaces it)\n"
			"ecogrid grid staff FILE.csv   import the staff roster (replaces it): header node,role,person,detail,covers\n"
			"    role=head (one head per row, two per node, CJ-G.3); subhead (detail=deputy_division|deputy_section|other,\n"
			"    covers=space-separated node IDs, CJ-G.4/CJ-G.5); supervisor (detail=full_time|part_time, CJ-G.6/CJ-G.7)\n"
			"ecogrid grid check [--format text|json|csv]   staffing findings\n"
			"ecogrid grid show [ID]   counts per level, or one node"));
		return ctx->argc > 0 ? TOOL_OK : TOOL_USAGE;
	}
	ctx->argc--;
	ctx->argv++;
	if (strcmp(sub, "import") == 0)
		return grid_import(ctx);
	if (strcmp(sub, "staff") == 0)
		return grid_staff(ctx);
	if (strcmp(sub, "check") == 0)
		return grid_check(ctx);
	if (strcmp(sub, "show") == 0)
		return grid_show(ctx);
	return tool_fail("unknown grid command %s (see `ecogrid grid --help`)", sub);
}
