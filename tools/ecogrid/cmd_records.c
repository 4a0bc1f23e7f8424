/*
 * Records in the workspace: the JM-2.1 double-disclosure list with its
 * quarterly update deadlines (JM-2.1.2) and the JM-2.2 (2) deductions it
 * causes, and the YL rectification ledgers with their close-out workflow
 * (YL-2, YL-5.5) and monthly summary (YL-5.3).
 *
 * Both are kept as the library's record store (append-only history with
 * time, actor and reason per version), serialised byte-exact into the
 * workspace's record_store table. An import applies every row through the
 * library and writes the new store in one transaction, or nothing.
 *
 *   disclose import FILE.csv   id,time,actor,reason,name,district,category,target,progress,quarter
 *   disclose status YYYYQn     JM-2.1.2 update status per record, JM-2.2 (2) per district
 *   disclose list              the publishable list (JM-2.1.1 content), as of a time
 *   ledger import FILE.csv     id,time,actor,action,lead_unit,target,deadline,reason,
 *                              principal,signed_on,acceptance,notice_from,notice_to
 *   ledger status YYYY-MM-DD   state and overdue per problem, YL-5.3 summary per lead unit
 */
#include "tool.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#define DISCLOSURE "disclosure"
#define LEDGER "ledger"

static const char *const formats4[] = { "text", "json", "csv", "html" };

/* The state a row callback receives. */
typedef struct import_state {
	eg_records *r;
	const char *file;
	size_t rows;
} import_state;

/* Read a store, apply a CSV file's rows to it, and save it in one transaction. */
static int import_rows(tool_ctx *ctx, const char *kind, const char *file, const char *const *hdr, size_t n_hdr,
		       csv_row_fn fn, const char *what_zh, const char *what_en)
{
	import_state s = { NULL, file, 0 };
	sqlite3 *db;
	char detail[300];
	int rc;
	if (ws_open(&db, ctx->db_path, 1))
		return TOOL_FAIL;
	/* The store is read inside the write transaction: two imports at once are
	 * applied one after the other, never both to the same old store. */
	rc = ws_begin(db);
	if (!rc) {
		rc = ws_records_load(&s.r, db, kind);
		if (!rc)
			rc = csv_read_file(file, hdr, n_hdr, fn, &s);
		if (!rc && s.rows == 0)
			rc = tool_fail("%s: no rows after the header", file);
		ws_test_pause();
		if (!rc)
			rc = ws_records_save(db, kind, s.r);
		snprintf(detail, sizeof detail, "%s: %zu rows", file, s.rows);
		if (!rc)
			rc = ws_log(db, kind, detail);
		if (!rc)
			rc = ws_commit(db);
		if (rc)
			ws_rollback(db);
		else
			printf(TR(ctx, "已导入%s %s：%zu 行，共 %zu 条记录\n", "imported %s %s: %zu rows, %zu records\n"),
			       TR(ctx, what_zh, what_en), file, s.rows, eg_records_count(s.r));
	}
	eg_records_free(s.r);
	ws_close(db);
	return rc;
}

/* A record store of the workspace, read only. */
static int read_store(eg_records **r, const tool_ctx *ctx, const char *kind)
{
	sqlite3 *db;
	int rc;
	if (ws_open(&db, ctx->db_path, 1))
		return TOOL_FAIL;
	rc = ws_records_load(r, db, kind);
	ws_close(db);
	return rc;
}

/* "YYYY-MM-DD HH:MM" in shape (the library checks the calendar). */
static int valid_time(const char *t)
{
	static const char shape[] = "dddd-dd-dd dd:dd";
	if (strlen(t) != sizeof shape - 1)
		return 0;
	for (size_t i = 0; shape[i]; i++)
		if (shape[i] == 'd' ? (t[i] < '0' || t[i] > '9') : t[i] != shape[i])
			return 0;
	return 1;
}

/* ------------------------------------------------------------------ */
/* disclose                                                              */
/* ------------------------------------------------------------------ */

static const char *const disclose_hdr[] = { "id", "time", "actor", "reason", "name", "district",
					    "category", "target", "progress", "quarter" };

static int valid_quarter(const char *q, int *year, int *quarter)
{
	if (strlen(q) != 6 || q[4] != 'Q' || q[5] < '1' || q[5] > '4')
		return 0;
	for (int i = 0; i < 4; i++)
		if (q[i] < '0' || q[i] > '9')
			return 0;
	*year = atoi(q);
	*quarter = q[5] - '0';
	return *year >= 1900;
}

/* One version of a disclosure record: the non-empty content fields (JM-2.1.1) and the quarter reported. */
static int disclose_row(void *p, size_t line, char **f, size_t n)
{
	import_state *s = p;
	const char *keys[6], *values[6];
	size_t nk = 0;
	int y, q, e;
	(void)n;
	for (size_t i = 4; i < 10; i++)
		if (f[i][0]) {
			keys[nk] = disclose_hdr[i];
			values[nk++] = f[i];
		}
	if (f[9][0] && !valid_quarter(f[9], &y, &q))
		return tool_fail("%s: line %zu: quarter \"%s\" must be YYYYQ1 to YYYYQ4 (JM-2.1.2)", s->file, line, f[9]);
	if (eg_records_version_count(s->r, f[0]) == 0 && (!f[4][0] || !f[5][0] || !f[6][0] || !f[7][0]))
		return tool_fail("%s: line %zu: new record %s needs name, district, category and target (JM-2.1.1)",
				 s->file, line, f[0]);
	if (nk == 0)
		return tool_fail("%s: line %zu: nothing to record for %s (all content fields empty)", s->file, line, f[0]);
	if ((e = eg_records_put(s->r, f[0], f[1], f[2], f[3], &(eg_records_put_options){ EG_RECORDS_PUT_OPTIONS_VERSION, keys, values, nk })) < 0)
		return tool_fail("%s: line %zu: %s", s->file, line, tool_eg_message());
	s->rows++;
	return TOOL_OK;
}

static const char *latest(const eg_records *r, const char *id, const char *key, const char *as_of)
{
	const char *v = NULL;
	return eg_records_get(&v, r, id, key, as_of) == EG_OK && v ? v : "";
}

typedef struct district {
	const char *name;
	size_t count[3]; /* on time, late, missing (eg_disclosure_update) */
	int32_t score;
	int scored;
	char trace_zh[300], trace_en[300];
} district;

static const char *status_label(int st, int lang)
{
	static const char *const zh[] = { "按时更新", "逾期更新", "未更新" }, *const en[] = { "on time", "late", "missing" };
	static const char *const id[] = { "on_time", "late", "missing" };
	return lang < 0 ? id[st] : lang == EG_LANG_EN ? en[st] : zh[st];
}

/* The scheme's rule set in force on the period has JM-2.2 item 2 (the seed's 「未及时动态更新报送」, -1 a time)? */
static int has_jm_2_2_item_2(const eg_ruleset *rs)
{
	for (size_t i = 0; i < eg_ruleset_item_count(rs); i++)
		if (!strcmp(eg_ruleset_item_id(rs, i), "2") && !strcmp(eg_ruleset_item_rule(rs, i), "JM-2.2"))
			return 1;
	return 0;
}

/*
 * JM-2.2 (2) per district: score with the scheme's rule set in force on the
 * quarter's last day (the period judged; Q4's deadline falls in January of
 * the next year but its update belongs to the year of the quarter), when
 * that rule set has JM-2.2's item 2.
 */
static int score_districts(district *d, size_t nd, const eg_scheme *sc, const char *period, char *ruleset, size_t rs_size)
{
	eg_ruleset *rs = NULL;
	ruleset[0] = '\0';
	if (eg_scheme_ruleset(&rs, sc, period) < 0 || !has_jm_2_2_item_2(rs)) {
		eg_ruleset_free(rs);
		return TOOL_OK; /* no JM-2.2 rule set in force: occurrences are reported, not scored */
	}
	snprintf(ruleset, rs_size, "%s", eg_ruleset_name(rs));
	for (size_t i = 0; i < nd; i++) {
		eg_assess_input *in = NULL;
		eg_assess_result *res = NULL;
		int e = eg_assess_input_new(&in, rs);
		if (e == EG_OK)
			e = eg_assess_input_set_count(in, "2", (int64_t)(d[i].count[1] + d[i].count[2]));
		if (e == EG_OK)
			e = eg_assess_score(&res, rs, in, period);
		if (e == EG_OK) {
			d[i].score = eg_assess_result_score(res);
			d[i].scored = 1;
			snprintf(d[i].trace_zh, sizeof d[i].trace_zh, "无扣分，0 分（JM-2.2）");
			snprintf(d[i].trace_en, sizeof d[i].trace_en, "no deduction, 0 points (JM-2.2)");
			for (size_t k = 0; k < eg_assess_result_trace_count(res); k++) {
				const eg_trace *t = eg_assess_result_trace_at(res, k);
				if (eg_trace_count(t) > 0) {
					snprintf(d[i].trace_zh, sizeof d[i].trace_zh, "%s", eg_trace_message(t, EG_LANG_ZH));
					snprintf(d[i].trace_en, sizeof d[i].trace_en, "%s", eg_trace_message(t, EG_LANG_EN));
				}
			}
		}
		eg_assess_result_free(res);
		eg_assess_input_free(in);
		if (e < 0) {
			eg_ruleset_free(rs);
			return tool_fail_eg(e, "JM-2.2");
		}
	}
	eg_ruleset_free(rs);
	return TOOL_OK;
}

static int disclose_status(tool_ctx *ctx)
{
	const char *format = "text", *output = NULL, *pos[1];
	const char *force = NULL, *scheme_arg = NULL;
	const tool_opt opts[] = { { "--format", &format, 0 }, { "--output", &output, 0 }, { "--force", &force, 1 },
				  { "--scheme", &scheme_arg, 0 } };
	eg_scheme *sc = NULL;
	out_target out;
	size_t n_pos, n, nd = 0;
	int year, quarter, rc;
	char deadline[11], period[24]; /* period: "%04d-MM-DD" of any int year */
	eg_records *r = NULL;
	district *d = NULL;
	int *st = NULL;
	int32_t *late = NULL;
	char ruleset[64];
	FILE *f;
	if (args_parse(ctx, 1, opts, 4, pos, 1, &n_pos, "disclose status") ||
	    out_format_ok(format, formats4, 3, "disclose status"))
		return TOOL_FAIL;
	if (n_pos != 1 || !valid_quarter(pos[0], &year, &quarter))
		return tool_fail("disclose status: which quarter? (ecogrid disclose status YYYYQn, e.g. 2026Q3)");
	snprintf(period, sizeof period, "%04d-%s", year, quarter == 1 ? "03-31" : quarter == 2 ? "06-30" : quarter == 3 ? "09-30" : "12-31");
	/* The deadline is the scheme's (the workspace's, or --scheme's): JM-2.1.2's 3rd in jiangmen-2021. */
	if (scheme_for(&sc, ctx, scheme_arg))
		return TOOL_FAIL;
	{
		char due_anchor[16];
		snprintf(due_anchor, sizeof due_anchor, "%04dQ%d", year, quarter);
		if (eg_scheme_deadline(deadline, sc, EG_SCHEME_DEADLINE_DISTRICT_UPDATE, due_anchor) < 0) {
			rc = tool_fail("disclose status: scheme %s has no deadline \"%s\" for the quarterly updates (JM-2.1.2); "
				       "make the workspace with a scheme that has one (e.g. ecogrid init --scheme jiangmen-2021) "
				       "or give --scheme FILE|NAME",
				       eg_scheme_id(sc), EG_SCHEME_DEADLINE_DISTRICT_UPDATE);
			eg_scheme_free(sc);
			return rc;
		}
	}
	if ((rc = read_store(&r, ctx, DISCLOSURE))) {
		eg_scheme_free(sc);
		return rc;
	}
	n = eg_records_count(r);
	st = calloc(n + 1, sizeof *st);
	late = calloc(n + 1, sizeof *late);
	d = calloc(n + 1, sizeof *d);
	if (!st || !late || !d)
		rc = tool_fail("out of memory");
	for (size_t i = 0; !rc && i < n; i++) {
		const char *id = eg_records_id_at(r, i), *dist = latest(r, id, "district", NULL);
		size_t k;
		int e = eg_scheme_disclosure_status(&st[i], &late[i], NULL, sc, r, id, year, quarter);
		if (e < 0) {
			rc = tool_fail_eg(e, "JM-2.1.2");
			break;
		}
		if (st[i] == EG_DISCLOSURE_UPDATE_NOT_DUE) {
			st[i] = -1; /* first listed after the deadline's day: owed no update (JM-2.1.2), not listed */
			continue;
		}
		for (k = 0; k < nd && strcmp(d[k].name, dist) != 0; k++)
			;
		if (k == nd)
			d[nd++].name = dist;
		d[k].count[st[i]]++;
	}
	if (!rc)
		rc = score_districts(d, nd, sc, period, ruleset, sizeof ruleset);
	if (!rc)
		rc = out_open(&out, ctx, output, force != NULL, "disclose status");
	if (!rc) {
		f = out.f;
		if (!strcmp(format, "json")) {
			json_t *doc = json_object(), *recs = json_array(), *ds = json_array();
			for (size_t i = 0; i < n; i++) {
				const char *id = eg_records_id_at(r, i);
				if (st[i] < 0)
					continue;
				json_array_append_new(recs, json_pack("{s:s, s:s, s:s, s:s, s:i}", "id", id, "name",
								     latest(r, id, "name", NULL), "district",
								     latest(r, id, "district", NULL), "status",
								     status_label(st[i], -1), "late_days", (int)late[i]));
			}
			for (size_t k = 0; k < nd; k++) {
				json_t *o = json_pack("{s:s, s:i, s:i, s:i, s:i, s:s}", "district", d[k].name, "on_time",
						      (int)d[k].count[0], "late", (int)d[k].count[1], "missing",
						      (int)d[k].count[2], "occurrences", (int)(d[k].count[1] + d[k].count[2]),
						      "rule", "JM-2.2");
				json_object_set_new(o, "score", d[k].scored ? json_integer(d[k].score) : json_null());
				json_array_append_new(ds, o);
			}
			json_object_set_new(doc, "quarter", json_string(pos[0]));
			json_object_set_new(doc, "deadline", json_string(deadline));
			json_object_set_new(doc, "rule", json_string("JM-2.1.2"));
			json_object_set_new(doc, "scheme", json_string(eg_scheme_id(sc)));
			json_object_set_new(doc, "ruleset", ruleset[0] ? json_string(ruleset) : json_null());
			json_object_set_new(doc, "records", recs);
			json_object_set_new(doc, "districts", ds);
			json_dumpf(doc, f, JSON_INDENT(2));
			fputc('\n', f);
			json_decref(doc);
		} else if (!strcmp(format, "csv")) {
			static const char *const head[] = { "id", "name", "district", "quarter", "deadline", "status", "late_days" };
			for (size_t k = 0; k < 7; k++)
				out_csv_cell(f, head[k], k == 6);
			for (size_t i = 0; i < n; i++) {
				const char *id = eg_records_id_at(r, i);
				char days[16];
				if (st[i] < 0)
					continue;
				snprintf(days, sizeof days, "%d", (int)late[i]);
				out_csv_cell(f, id, 0);
				out_csv_cell(f, latest(r, id, "name", NULL), 0);
				out_csv_cell(f, latest(r, id, "district", NULL), 0);
				out_csv_cell(f, pos[0], 0);
				out_csv_cell(f, deadline, 0);
				out_csv_cell(f, status_label(st[i], -1), 0);
				out_csv_cell(f, days, 1);
			}
		} else {
			fprintf(f, TR(ctx, "“双公开”信息 %s 季度更新情况（区县更新截止 %s 当日，JM-2.1.2；方案 %s）\n\n",
				      "Double disclosure: updates for %s (district deadline %s, whole day, JM-2.1.2; scheme %s)\n\n"),
				pos[0], deadline, eg_scheme_id(sc));
			fputs(TR(ctx, "编号\t名称\t区县\t状态\t逾期天数\n", "ID\tName\tDistrict\tStatus\tDays late\n"), f);
			for (size_t i = 0; i < n; i++) {
				const char *id = eg_records_id_at(r, i);
				if (st[i] < 0)
					continue;
				fprintf(f, "%s\t%s\t%s\t%s\t%d\n", id, latest(r, id, "name", NULL), latest(r, id, "district", NULL),
					status_label(st[i], ctx->lang), (int)late[i]);
			}
			fputs(TR(ctx, "\n各区县“双考核”（JM-2.2 第(2)项：未及时动态更新报送进展，每次扣1分）：\n",
				 "\nDouble assessment per district (JM-2.2 (2): progress not updated in time, -1 each):\n"), f);
			for (size_t k = 0; k < nd; k++) {
				fprintf(f, TR(ctx, "  %s：按时 %zu，逾期 %zu，未更新 %zu", "  %s: on time %zu, late %zu, missing %zu"),
					d[k].name, d[k].count[0], d[k].count[1], d[k].count[2]);
				if (d[k].scored)
					fprintf(f, TR(ctx, "；规则集 %s：%s\n", "; rule set %s: %s\n"), ruleset,
						ctx->lang == EG_LANG_EN ? d[k].trace_en : d[k].trace_zh);
				else
					fprintf(f, TR(ctx, "；扣分 %zu 次\n", "; %zu deductions\n"), d[k].count[1] + d[k].count[2]);
			}
			if (!ruleset[0])
				fprintf(f, TR(ctx, "  （方案 %s 在 %s 无有效的“双考核”规则集（JM-2.2 第2项），仅列出扣分次数）\n",
					      "  (scheme %s has no double-assessment rule set (JM-2.2 item 2) in force on %s: occurrences only)\n"),
					eg_scheme_id(sc), period);
		}
		rc = out_close(&out);
	}
	free(st);
	free(late);
	free(d);
	eg_records_free(r);
	eg_scheme_free(sc);
	return rc;
}

/* The time of the last version at or before `as_of` (NULL: the last), or NULL if none. */
static const char *version_time(const eg_records *r, const char *id, const char *as_of)
{
	const char *best = NULL, *t, *a, *why;
	for (size_t k = 0; k < eg_records_version_count(r, id); k++)
		if (eg_records_version(&t, &a, &why, r, id, k) == EG_OK && (!as_of || strcmp(t, as_of) <= 0))
			best = t;
	return best;
}

/* A list row: sorted by district, then ID. */
typedef struct list_row {
	const char *district, *id;
} list_row;

static int cmp_rows(const void *a, const void *b)
{
	const list_row *x = a, *y = b;
	int c = strcmp(x->district, y->district);
	return c ? c : strcmp(x->id, y->id);
}

static int disclose_list(tool_ctx *ctx)
{
	static const char *const cols[] = { "name", "district", "category", "target", "progress", "quarter" };
	static const char *const zh[] = { "名称", "区县", "类别", "目标或监管要求", "进展", "更新季度" };
	static const char *const en[] = { "Name", "District", "Category", "Target or requirement", "Progress", "Quarter" };
	const char *format = "text", *output = NULL, *as_of = NULL, *pos[1];
	const char *force = NULL;
	const tool_opt opts[] = { { "--format", &format, 0 }, { "--output", &output, 0 }, { "--as-of", &as_of, 0 },
				  { "--force", &force, 1 } };
	out_target out;
	size_t n_pos, n, shown = 0;
	list_row *rows = NULL;
	eg_records *r = NULL;
	FILE *f;
	json_t *arr = NULL;
	int rc;
	if (args_parse(ctx, 1, opts, 4, pos, 0, &n_pos, "disclose list") || out_format_ok(format, formats4, 4, "disclose list"))
		return TOOL_FAIL;
	if (as_of && !valid_time(as_of))
		return tool_fail("disclose list: --as-of \"%s\" must be \"YYYY-MM-DD HH:MM\" (CST)", as_of);
	if ((rc = read_store(&r, ctx, DISCLOSURE)))
		return rc;
	n = eg_records_count(r);
	if (!(rows = malloc((n + 1) * sizeof *rows))) {
		eg_records_free(r);
		return tool_fail("out of memory");
	}
	for (size_t i = 0; i < n; i++) {
		rows[i].id = eg_records_id_at(r, i);
		rows[i].district = latest(r, rows[i].id, "district", as_of);
	}
	qsort(rows, n, sizeof *rows, cmp_rows);
	if ((rc = out_open(&out, ctx, output, force != NULL, "disclose list"))) {
		free(rows);
		eg_records_free(r);
		return rc;
	}
	f = out.f;
	if (!strcmp(format, "html")) {
		out_html_begin(f, TR(ctx, "重点行业企业信息“双公开”清单", "Double disclosure list of key enterprises"), ctx->lang);
		fputs("<p class=\"note\">", f);
		out_html_escape(f, TR(ctx, "依据 JM-2.1、JM-2.1.1；", "Under JM-2.1 and JM-2.1.1; "));
		if (as_of) {
			out_html_escape(f, TR(ctx, "截至 ", "as of "));
			out_html_escape(f, as_of);
		} else {
			out_html_escape(f, TR(ctx, "最新版本", "latest versions"));
		}
		fputs("</p>\n<table><tr><th>#</th>", f);
		for (size_t c = 0; c < 6; c++)
			fprintf(f, "<th>%s</th>", ctx->lang == EG_LANG_EN ? en[c] : zh[c]);
		fprintf(f, "<th>%s</th></tr>\n", TR(ctx, "更新时间", "Updated"));
	} else if (!strcmp(format, "csv")) {
		out_csv_cell(f, "id", 0);
		for (size_t c = 0; c < 6; c++)
			out_csv_cell(f, cols[c], 0);
		out_csv_cell(f, "updated", 1);
	} else if (!strcmp(format, "json")) {
		arr = json_array();
	} else {
		fprintf(f, "%s\n", TR(ctx, "编号\t名称\t区县\t类别\t目标或监管要求\t进展\t更新季度\t更新时间",
				      "ID\tName\tDistrict\tCategory\tTarget or requirement\tProgress\tQuarter\tUpdated"));
	}
	for (size_t j = 0; j < n; j++) {
		const char *id = rows[j].id, *updated = version_time(r, id, as_of);
		if (!updated)
			continue; /* not yet recorded at that time */
		shown++;
		if (!strcmp(format, "html")) {
			fprintf(f, "<tr><td>%zu</td>", shown);
			for (size_t c = 0; c < 6; c++) {
				fputs("<td>", f);
				out_html_escape(f, latest(r, id, cols[c], as_of));
				fputs("</td>", f);
			}
			fprintf(f, "<td>%s</td></tr>\n", updated);
		} else if (!strcmp(format, "csv")) {
			out_csv_cell(f, id, 0);
			for (size_t c = 0; c < 6; c++)
				out_csv_cell(f, latest(r, id, cols[c], as_of), 0);
			out_csv_cell(f, updated, 1);
		} else if (arr) {
			json_t *o = json_pack("{s:s, s:s}", "id", id, "updated", updated);
			for (size_t c = 0; c < 6; c++)
				json_object_set_new(o, cols[c], json_string(latest(r, id, cols[c], as_of)));
			json_array_append_new(arr, o);
		} else {
			fputs(id, f);
			for (size_t c = 0; c < 6; c++)
				fprintf(f, "\t%s", latest(r, id, cols[c], as_of));
			fprintf(f, "\t%s\n", updated);
		}
	}
	if (!strcmp(format, "html")) {
		fputs("</table>\n", f);
		if (shown == 0)
			fprintf(f, "<p>%s</p>\n", TR(ctx, "（无记录）", "(no records)"));
		out_html_end(f);
	} else if (arr) {
		json_t *doc = json_pack("{s:s, s:o}", "rule", "JM-2.1", "records", arr);
		json_object_set_new(doc, "as_of", as_of ? json_string(as_of) : json_null());
		json_dumpf(doc, f, JSON_INDENT(2));
		fputc('\n', f);
		json_decref(doc);
	}
	rc = out_close(&out);
	free(rows);
	eg_records_free(r);
	return rc;
}

static const char disclose_help_zh[] =
	"用法：\n"
	"  ecogrid disclose import 文件.csv      导入“双公开”记录的版本（JM-2.1、JM-2.1.1）\n"
	"      表头：id,time,actor,reason,name,district,category,target,progress,quarter\n"
	"      每行为一条记录的一个新版本；空单元格表示该字段不变；quarter（如 2026Q3）表示该版本报送的季度\n"
	"  ecogrid disclose status 季度 [--scheme 文件|名称] [--format text|json|csv] [--output 文件]\n"
	"      各记录的季度更新是否按时（工作库方案的 district_update 时限，jiangmen-2021 为次月3日当日截止，JM-2.1.2）\n"
	"      及各区县“双考核”扣分（JM-2.2 第(2)项）；--scheme 改用另一方案的时限和规则集\n"
	"  ecogrid disclose list [--as-of \"YYYY-MM-DD HH:MM\"] [--format text|json|csv|html] [--output 文件]\n"
	"      可公开发布的“双公开”清单\n";
static const char disclose_help_en[] =
	"usage:\n"
	"  ecogrid disclose import FILE.csv      import versions of double-disclosure records (JM-2.1, JM-2.1.1)\n"
	"      header: id,time,actor,reason,name,district,category,target,progress,quarter\n"
	"      each row is a new version of one record; an empty cell leaves the field as it was;\n"
	"      quarter (e.g. 2026Q3) names the quarter the version reports\n"
	"  ecogrid disclose status QUARTER [--scheme FILE|NAME] [--format text|json|csv] [--output FILE]\n"
	"      quarterly update on time or not (by the district_update deadline of the workspace's scheme;\n"
	"      jiangmen-2021: the 3rd of the next month, JM-2.1.2) and the double-assessment deductions per\n"
	"      district (JM-2.2 (2)); --scheme applies another scheme's deadline and rule set\n"
	"  ecogrid disclose list [--as-of \"YYYY-MM-DD HH:MM\"] [--format text|json|csv|html] [--output FILE]\n"
	"      the publishable double-disclosure list\n";

int cmd_disclose(tool_ctx *ctx)
{
	const char *sub = ctx->argc > 0 ? ctx->argv[0] : "";
	if (wants_help(ctx, disclose_help_zh, disclose_help_en))
		return TOOL_OK;
	if (!strcmp(sub, "import") && ctx->argc == 2)
		return import_rows(ctx, DISCLOSURE, ctx->argv[1], disclose_hdr, 10, disclose_row, "“双公开”记录",
				   "disclosure records");
	if (!strcmp(sub, "status"))
		return disclose_status(ctx);
	if (!strcmp(sub, "list"))
		return disclose_list(ctx);
	fputs(TR(ctx, disclose_help_zh, disclose_help_en), stderr);
	return TOOL_USAGE;
}

/* ------------------------------------------------------------------ */
/* ledger                                                                */
/* ------------------------------------------------------------------ */

static const char *const ledger_hdr[] = { "id", "time", "actor", "action", "lead_unit", "target", "deadline", "reason",
					  "principal", "signed_on", "acceptance", "notice_from", "notice_to" };

static int state_of(const char *name)
{
	for (int s = EG_LEDGER_STATE_OPEN; s <= EG_LEDGER_STATE_CLOSED; s++)
		if (!strcmp(name, eg_ledger_state_name(s)))
			return s;
	return -1;
}

/* One ledger event: open (YL-2), extend, or a close-out step (YL-5.5). */
static int ledger_row(void *p, size_t line, char **f, size_t n)
{
	import_state *s = p;
	const char *action = f[3];
	int e, to;
	(void)n;
	if (!strcmp(action, "open")) {
		if (f[7][0])
			return tool_fail("%s: line %zu: open takes lead_unit, target and deadline, not a reason", s->file, line);
		e = eg_ledger_open(s->r, f[0], f[1], f[2], &(eg_ledger_open_options){ EG_LEDGER_OPEN_OPTIONS_VERSION, f[4], f[5], f[6] });
	} else if (f[4][0] || f[5][0]) {
		return tool_fail("%s: line %zu: lead_unit and target are set only when a problem is opened (YL-2)", s->file,
				 line);
	} else if (!strcmp(action, "extend")) {
		e = eg_ledger_extend(s->r, f[0], f[1], f[2], f[6], f[7]);
	} else if ((to = state_of(action)) > EG_LEDGER_STATE_OPEN) {
		if (f[6][0])
			return tool_fail("%s: line %zu: a deadline changes only with action extend", s->file, line);
	{
		/* The step's evidence (YL-5.5) is the library's to require. */
		eg_ledger_step_options o = EG_LEDGER_STEP_OPTIONS_INIT;
		o.time = f[1], o.actor = f[2], o.reason = f[7];
		o.principal = f[8][0] ? f[8] : NULL, o.signed_on = f[9][0] ? f[9] : NULL;
		o.acceptance = f[10][0] ? f[10] : NULL;
		o.notice_from = f[11][0] ? f[11] : NULL, o.notice_to = f[12][0] ? f[12] : NULL;
		e = eg_ledger_step(s->r, f[0], to, &o);
	}
	} else {
		return tool_fail("%s: line %zu: action must be open, extend, rectifying, verified, applied, reviewed or "
				 "closed, not \"%s\"", s->file, line, action);
	}
	if (e < 0)
		return tool_fail("%s: line %zu: %s", s->file, line, tool_eg_message());
	s->rows++;
	return TOOL_OK;
}

static const char *ledger_state_label(int s, int lang)
{
	static const char *const zh[] = { "已登记", "整改中", "牵头单位已验收", "已申请销号", "整改办已审核", "已销号" };
	return lang == EG_LANG_EN ? eg_ledger_state_name(s) : zh[s];
}

/* A calendar date "YYYY-MM-DD", checked by the library's own date rules. */
static int valid_date(const char *d)
{
	int overdue;
	return eg_duty_obligation_overdue(&overdue, d, NULL, d) == EG_OK;
}

static int ledger_status(tool_ctx *ctx)
{
	const char *format = "text", *output = NULL, *pos[1];
	const char *force = NULL;
	const tool_opt opts[] = { { "--format", &format, 0 }, { "--output", &output, 0 }, { "--force", &force, 1 } };
	out_target out;
	size_t n_pos, n, nu = 0, *counts = NULL;
	const char **units = NULL;
	int *state = NULL, *overdue = NULL, *present = NULL, rc;
	char end[24];
	eg_records *r = NULL;
	FILE *f;
	if (args_parse(ctx, 1, opts, 3, pos, 1, &n_pos, "ledger status") || out_format_ok(format, formats4, 4, "ledger status"))
		return TOOL_FAIL;
	if (n_pos != 1 || !valid_date(pos[0]))
		return tool_fail("ledger status: which date? (ecogrid ledger status YYYY-MM-DD)");
	snprintf(end, sizeof end, "%s 23:59", pos[0]); /* the whole day (R0.3) */
	if ((rc = read_store(&r, ctx, LEDGER)))
		return rc;
	n = eg_records_count(r);
	state = calloc(n + 1, sizeof *state);
	overdue = calloc(n + 1, sizeof *overdue);
	present = calloc(n + 1, sizeof *present);
	units = calloc(n + 1, sizeof *units);
	counts = calloc(3 * (n + 1), sizeof *counts);
	if (!state || !overdue || !present || !units || !counts)
		rc = tool_fail("out of memory");
	for (size_t i = 0; !rc && i < n; i++) {
		const char *id = eg_records_id_at(r, i), *lead;
		size_t k;
		int e = eg_ledger_status(&state[i], &overdue[i], r, id, pos[0]);
		if (e == EG_ENOTFOUND)
			continue; /* registered after that date */
		if (e < 0) {
			rc = tool_fail_eg(e, "YL-5.3");
			break;
		}
		present[i] = 1;
		lead = latest(r, id, "lead_unit", end);
		for (k = 0; k < nu && strcmp(units[k], lead) != 0; k++)
			;
		if (k == nu)
			units[nu++] = lead;
	}
	if (!rc && nu > 0) {
		int e = eg_ledger_summary(counts, r, units, nu, pos[0]);
		if (e < 0)
			rc = tool_fail_eg(e, "YL-5.3");
	}
	if (!rc)
		rc = out_open(&out, ctx, output, force != NULL, "ledger status");
	if (!rc) {
		static const char *const head[] = { "id", "lead_unit", "target", "deadline", "state", "overdue" };
		json_t *doc = NULL, *probs = NULL, *sum = NULL;
		f = out.f;
		if (!strcmp(format, "json")) {
			probs = json_array();
			sum = json_array();
		} else if (!strcmp(format, "csv")) {
			for (size_t c = 0; c < 6; c++)
				out_csv_cell(f, head[c], c == 5);
		} else if (!strcmp(format, "html")) {
			char title[128];
			snprintf(title, sizeof title, TR(ctx, "整改台账（%s）", "Rectification ledger (%s)"), pos[0]);
			out_html_begin(f, title, ctx->lang);
			fprintf(f, "<p class=\"note\">%s</p>\n<table><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr>\n",
				TR(ctx, "问题清单、责任清单、整改清单（YL-2），销号流程（YL-5.5），逾期按 YL-5.3 判定。",
				   "Problem, responsibility and rectification lists (YL-2); close-out (YL-5.5); overdue per YL-5.3."),
				TR(ctx, "编号", "ID"), TR(ctx, "牵头单位", "Lead unit"), TR(ctx, "整改目标", "Target"),
				TR(ctx, "整改时限", "Deadline"), TR(ctx, "状态", "State"), TR(ctx, "是否逾期", "Overdue"));
		} else {
			fprintf(f, TR(ctx, "整改台账（%s，YL-2、YL-5.5）\n\n编号\t牵头单位\t整改目标\t整改时限\t状态\t逾期\n",
				      "Rectification ledger (%s, YL-2, YL-5.5)\n\nID\tLead unit\tTarget\tDeadline\tState\tOverdue\n"),
				pos[0]);
		}
		for (size_t i = 0; i < n; i++) {
			const char *id = eg_records_id_at(r, i);
			const char *lead = latest(r, id, "lead_unit", end), *target = latest(r, id, "target", end),
				   *dl = latest(r, id, "deadline", end);
			const char *yes = overdue[i] ? TR(ctx, "逾期", "overdue") : "";
			if (!present[i])
				continue;
			if (probs) {
				json_array_append_new(probs, json_pack("{s:s, s:s, s:s, s:s, s:s, s:b}", "id", id, "lead_unit",
								      lead, "target", target, "deadline", dl, "state",
								      eg_ledger_state_name(state[i]), "overdue", overdue[i]));
			} else if (!strcmp(format, "csv")) {
				out_csv_cell(f, id, 0);
				out_csv_cell(f, lead, 0);
				out_csv_cell(f, target, 0);
				out_csv_cell(f, dl, 0);
				out_csv_cell(f, eg_ledger_state_name(state[i]), 0);
				out_csv_cell(f, overdue[i] ? "1" : "0", 1);
			} else if (!strcmp(format, "html")) {
				const char *const cells[] = { id, lead, target, dl, ledger_state_label(state[i], ctx->lang), yes };
				fputs(overdue[i] ? "<tr class=\"fail\">" : "<tr>", f);
				for (size_t c = 0; c < 6; c++) {
					fputs("<td>", f);
					out_html_escape(f, cells[c]);
					fputs("</td>", f);
				}
				fputs("</tr>\n", f);
			} else {
				fprintf(f, "%s\t%s\t%s\t%s\t%s\t%s\n", id, lead, target, dl, ledger_state_label(state[i], ctx->lang),
					yes);
			}
		}
		if (!strcmp(format, "html"))
			fprintf(f, "</table>\n<h2>%s</h2>\n<table><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr>\n",
				TR(ctx, "各牵头单位整改进展（YL-5.3）", "Progress per lead unit (YL-5.3)"),
				TR(ctx, "牵头单位", "Lead unit"), TR(ctx, "问题数", "Registered"), TR(ctx, "已销号", "Closed"),
				TR(ctx, "逾期", "Overdue"));
		else if (!strcmp(format, "text"))
			fputs(TR(ctx, "\n各牵头单位整改进展（YL-5.3）：\n", "\nProgress per lead unit (YL-5.3):\n"), f);
		for (size_t u = 0; u < nu; u++) {
			size_t *c = &counts[3 * u];
			if (sum) {
				json_array_append_new(sum, json_pack("{s:s, s:i, s:i, s:i}", "lead_unit", units[u], "registered",
								    (int)c[0], "closed", (int)c[1], "overdue", (int)c[2]));
			} else if (!strcmp(format, "html")) {
				fputs("<tr><td>", f);
				out_html_escape(f, units[u]);
				fprintf(f, "</td><td>%zu</td><td>%zu</td><td%s>%zu</td></tr>\n", c[0], c[1],
					c[2] ? " class=\"fail\"" : "", c[2]);
			} else if (!strcmp(format, "text")) {
				fprintf(f, TR(ctx, "  %s：问题 %zu 个，已销号 %zu 个，逾期 %zu 个%s\n",
					      "  %s: %zu registered, %zu closed, %zu overdue%s\n"),
					units[u], c[0], c[1], c[2],
					c[2] ? TR(ctx, "（逾期事项予以通报、约谈、督办，YL-5.3）",
						  " (overdue items: notice, interview, supervision, YL-5.3)") : "");
			}
		}
		if (sum) {
			doc = json_pack("{s:s, s:o, s:o}", "date", pos[0], "problems", probs, "lead_units", sum);
			json_dumpf(doc, f, JSON_INDENT(2));
			fputc('\n', f);
			json_decref(doc);
		} else if (!strcmp(format, "html")) {
			fputs("</table>\n", f);
			out_html_end(f);
		}
		rc = out_close(&out);
	}
	free(state);
	free(overdue);
	free(present);
	free(units);
	free(counts);
	eg_records_free(r);
	return rc;
}

static const char ledger_help_zh[] =
	"用法：\n"
	"  ecogrid ledger import 文件.csv     导入整改台账事件（YL-2、YL-5.5）\n"
	"      表头：id,time,actor,action,lead_unit,target,deadline,reason,principal,signed_on,acceptance,notice_from,notice_to\n"
	"      action：open（登记，需 lead_unit、target、deadline）、extend（延期，仅登记问题的整改办，需 deadline、reason）、\n"
	"              rectifying、verified（牵头单位，需 principal、signed_on）、applied（牵头单位，需 acceptance）、\n"
	"              reviewed、closed（整改办，需公示起止 notice_from、notice_to），各步需 reason\n"
	"  ecogrid ledger status 日期 [--format text|json|csv|html] [--output 文件]\n"
	"      各问题状态、是否逾期，各牵头单位进展（YL-5.3）\n";
static const char ledger_help_en[] =
	"usage:\n"
	"  ecogrid ledger import FILE.csv     import rectification ledger events (YL-2, YL-5.5)\n"
	"      header: id,time,actor,action,lead_unit,target,deadline,reason,principal,signed_on,acceptance,notice_from,notice_to\n"
	"      action: open (needs lead_unit, target, deadline), extend (the registering office only; deadline, reason),\n"
	"              rectifying, verified (lead unit; principal, signed_on), applied (lead unit; acceptance),\n"
	"              reviewed, closed (the office; the public notice's notice_from, notice_to); each with a reason\n"
	"  ecogrid ledger status YYYY-MM-DD [--format text|json|csv|html] [--output FILE]\n"
	"      state and overdue per problem, progress per lead unit (YL-5.3)\n";

int cmd_ledger(tool_ctx *ctx)
{
	const char *sub = ctx->argc > 0 ? ctx->argv[0] : "";
	if (wants_help(ctx, ledger_help_zh, ledger_help_en))
		return TOOL_OK;
	if (!strcmp(sub, "import") && ctx->argc == 2)
		return import_rows(ctx, LEDGER, ctx->argv[1], ledger_hdr, 13, ledger_row, "整改台账事件", "ledger events");
	if (!strcmp(sub, "status"))
		return ledger_status(ctx);
	fputs(TR(ctx, ledger_help_zh, ledger_help_en), stderr);
	return TOOL_USAGE;
}

int records_apply_csv(eg_records *r, const char *kind, const char *file, size_t *rows)
{
	import_state s = { r, file, 0 };
	int is_ledger = !strcmp(kind, LEDGER);
	int rc = csv_read_file(file, is_ledger ? ledger_hdr : disclose_hdr, is_ledger ? 13 : 10,
			       is_ledger ? ledger_row : disclose_row, &s);
	*rows = s.rows;
	return rc;
}
