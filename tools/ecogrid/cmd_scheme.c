/*
 * scheme: the workspace's scheme document (issue 15) and any other one.
 *
 *   ecogrid scheme show   [FILE|NAME] [--format text|json] [--sources]
 *   ecogrid scheme check  FILE|NAME [--format text|json]
 *   ecogrid scheme diff   OLD NEW --month YYYY-MM [--format text|json]
 *   ecogrid scheme export [FILE|NAME] [--output FILE] [--force]
 *
 * A FILE is a scheme document (JSON, docs/schemes.md); a NAME is a scheme
 * shipped with the library (changji-2023, ...). Without one, show and
 * export take the workspace's scheme (stored by `ecogrid init --scheme`).
 * Loading, checking and diffing are the library's (eg_scheme_load,
 * eg_scheme_check_buffer, eg_scheme_diff); this file parses, calls and
 * prints.
 */
#include "tool.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* A file when it names one that exists, has a '/', or ends in ".json"; otherwise a shipped scheme's name. */
static int is_file(const char *arg)
{
	struct stat st;
	size_t n = strlen(arg);
	return strchr(arg, '/') || (n > 5 && !strcmp(arg + n - 5, ".json")) || stat(arg, &st) == 0;
}

/* Where and why a document was refused: file, line, column, JSON pointer, expected, found. */
static void print_refusal(FILE *f, const tool_ctx *ctx, const char *file, const eg_scheme_error *e)
{
	const char *ptr = e->pointer[0] ? e->pointer : "/";
	char what[700];
	if (e->line > 0)
		fprintf(f, TR(ctx, "%s：第 %lld 行第 %lld 列（JSON 指针 %s）：", "%s: line %lld, column %lld (JSON pointer %s): "),
			file, (long long)e->line, (long long)e->column, ptr);
	else
		fprintf(f, TR(ctx, "%s（JSON 指针 %s）：", "%s (JSON pointer %s): "), file, ptr);
	/* What was expected and found, phrase by phrase in the user's language. */
	if (e->expected[0])
		fprintf(f, TR(ctx, "应为 %s", "expected %s"), tool_scheme_phrase(what, sizeof what, e->expected));
	if (e->found[0])
		fprintf(f, TR(ctx, "，实为 %s", ", found %s"), tool_scheme_phrase(what, sizeof what, e->found));
	if (!e->expected[0] && !e->found[0])
		fputs(tool_eg_message(), f);
	fprintf(f, TR(ctx, "（%s）\n", " (%s)\n"), tool_code_sentence(e->code));
}

int scheme_open(eg_scheme **out, const tool_ctx *ctx, const char *arg)
{
	eg_scheme_error err = EG_SCHEME_ERROR_INIT;
	int rc;
	if (is_file(arg)) {
		if ((rc = eg_scheme_load(out, &err, arg)) < 0) {
			fputs("ecogrid: ", stderr);
			print_refusal(stderr, ctx, arg, &err);
			return TOOL_FAIL;
		}
		return TOOL_OK;
	}
	if ((rc = eg_scheme_named(out, arg)) < 0) {
		fprintf(stderr, TR(ctx, "ecogrid: 没有名为 %s 的文件或内置方案；内置方案：", "ecogrid: %s is neither a file nor a "
										      "shipped scheme; shipped schemes: "),
			arg);
		for (size_t i = 0; i < eg_scheme_named_count(); i++)
			fprintf(stderr, "%s%s", i ? ", " : "", eg_scheme_named_at(i));
		fputc('\n', stderr);
		return TOOL_FAIL;
	}
	return TOOL_OK;
}

/* The workspace's scheme (show, export without an argument). */
static int workspace_scheme(eg_scheme **out, const tool_ctx *ctx)
{
	sqlite3 *db;
	cycle_scheme s;
	int rc;
	if (ws_open(&db, ctx->db_path, 1))
		return TOOL_FAIL;
	rc = ws_read_begin(db);
	if (!rc)
		rc = cycle_scheme_load(&s, db);
	ws_commit(db);
	ws_close(db);
	if (rc)
		return rc;
	*out = s.scheme; /* ownership passes to the caller */
	return TOOL_OK;
}

int scheme_for(eg_scheme **out, const tool_ctx *ctx, const char *override)
{
	return override ? scheme_open(out, ctx, override) : workspace_scheme(out, ctx);
}

static const char *feed_name(int feed, int lang)
{
	if (feed == EG_SCHEME_FEED_ITEM_COUNT)
		return lang == EG_LANG_EN ? "the month's count of item" : "当月该项问题数，项目";
	return lang == EG_LANG_EN ? "1 when the month's grade is fail" : "当月考核不合格记 1";
}

static const char *metric_name(int m)
{
	return m == EG_SCHEME_RANK_METRIC_IMPROVEMENT_RATE ? "improvement_rate"
	     : m == EG_SCHEME_RANK_METRIC_COMPOSITE_INDEX  ? "composite_index"
							   : "none";
}

/* ------------------------------------------------------------------ */
/* show                                                                  */
/* ------------------------------------------------------------------ */

static json_t *show_json(const eg_scheme *sc, int lang)
{
	const char *from = NULL, *to = NULL, *last = NULL;
	int metric = 0, order = 0, decimals = 0;
	json_t *doc, *rsets = json_array(), *ladders = json_array(), *monthly = json_array(), *sources = json_array();
	eg_scheme_validity(&from, &to, sc);
	eg_scheme_airq_ranking(&metric, &order, &decimals, &last, sc);
	for (size_t i = 0; i < eg_scheme_ruleset_count(sc); i++) {
		eg_ruleset *rs = NULL;
		const char *f = NULL, *t = NULL;
		json_t *items = json_array();
		if (eg_scheme_ruleset_named(&rs, sc, eg_scheme_ruleset_name(sc, i)) < 0)
			continue;
		eg_ruleset_validity(&f, &t, rs);
		for (size_t k = 0; k < eg_ruleset_item_count(rs); k++)
			json_array_append_new(items, json_pack("{s:s, s:s, s:s}", "id", eg_ruleset_item_id(rs, k), "rule",
							       eg_ruleset_item_rule(rs, k), "kind",
							       eg_ruleset_item_kind(rs, k) == EG_ITEM_KIND_STATUS ? "status" : "deduction"));
		json_array_append_new(rsets, json_pack("{s:s, s:s, s:s, s:o, s:i, s:o}", "id", eg_ruleset_name(rs), "document",
						       eg_ruleset_document(rs), "valid_from", f, "valid_to",
						       t ? json_string(t) : json_null(), "scale", eg_ruleset_scale(rs), "items", items));
		eg_ruleset_free(rs);
	}
	for (size_t i = 0; i < eg_scheme_ladder_count(sc); i++)
		json_array_append_new(ladders, json_string(eg_scheme_ladder_name(sc, i)));
	for (size_t i = 0; i < eg_scheme_monthly_count(sc); i++) {
		const char *lad = NULL, *item = NULL;
		int feed = 0;
		eg_scheme_monthly_at(&lad, &feed, &item, sc, i);
		json_array_append_new(monthly, json_pack("{s:s, s:s, s:o}", "ladder", lad, "value",
							 feed == EG_SCHEME_FEED_ITEM_COUNT ? "item_count" : "failed", "item",
							 item ? json_string(item) : json_null()));
	}
	for (size_t i = 0; i < eg_scheme_source_count(sc); i++) {
		const char *rule = NULL, *ptr = NULL, *art = NULL, *quote = NULL;
		eg_scheme_source_at(&rule, &ptr, &art, &quote, sc, i);
		json_array_append_new(sources, json_pack("{s:s, s:s, s:s, s:s}", "rule", rule, "pointer", ptr, "article", art,
							 "quote", quote));
	}
	doc = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:o, s:s}", "id", eg_scheme_id(sc), "family", eg_scheme_family_name(sc),
			"title", eg_scheme_title(sc, lang), "document", eg_scheme_document(sc), "issuer",
			eg_scheme_issuer(sc, lang), "valid_from", from, "valid_to", to ? json_string(to) : json_null(), "sha256",
			eg_scheme_sha256(sc));
	json_object_set_new(doc, "rulesets", rsets);
	json_object_set_new(doc, "ladders", ladders);
	json_object_set_new(doc, "monthly_ladders", monthly);
	json_object_set_new(doc, "air_ranking", json_pack("{s:s, s:o}", "metric", metric_name(metric), "last_place_ladder",
							  last ? json_string(last) : json_null()));
	json_object_set_new(doc, "deadlines", json_integer((json_int_t)eg_scheme_deadline_count(sc)));
	json_object_set_new(doc, "cadences", json_integer((json_int_t)eg_scheme_cadence_count(sc)));
	json_object_set_new(doc, "sources", sources);
	return doc;
}

static void show_text(const tool_ctx *ctx, json_t *d, int with_sources)
{
	size_t i, k;
	json_t *x, *y;
	printf(TR(ctx, "考核方案 %s：%s\n", "scheme %s: %s\n"), json_string_value(json_object_get(d, "id")),
	       json_string_value(json_object_get(d, "title")));
	printf(TR(ctx, "  文号：%s\n  发文机关：%s\n", "  document: %s\n  issued by: %s\n"),
	       json_string_value(json_object_get(d, "document")), json_string_value(json_object_get(d, "issuer")));
	printf(TR(ctx, "  施行：%s 起%s%s\n", "  in force: from %s%s%s\n"), json_string_value(json_object_get(d, "valid_from")),
	       json_is_string(json_object_get(d, "valid_to")) ? TR(ctx, "，至 ", " to ") : "",
	       json_is_string(json_object_get(d, "valid_to")) ? json_string_value(json_object_get(d, "valid_to")) : "");
	printf("  SHA-256: %s\n", json_string_value(json_object_get(d, "sha256")));
	json_array_foreach(json_object_get(d, "rulesets"), i, x) {
		printf(TR(ctx, "  考核规则 %s（%s 起，分值单位 1/%lld 分）：", "  rule set %s (from %s, points in 1/%lld): "),
		       json_string_value(json_object_get(x, "id")), json_string_value(json_object_get(x, "valid_from")),
		       json_integer_value(json_object_get(x, "scale")));
		json_array_foreach(json_object_get(x, "items"), k, y)
			printf("%s%s (%s)", k ? ", " : "", json_string_value(json_object_get(y, "id")),
			       json_string_value(json_object_get(y, "rule")));
		putchar('\n');
	}
	fputs(TR(ctx, "  问责阶梯：", "  ladders: "), stdout);
	json_array_foreach(json_object_get(d, "ladders"), i, x)
		printf("%s%s", i ? ", " : "", json_string_value(x));
	putchar('\n');
	json_array_foreach(json_object_get(d, "monthly_ladders"), i, x) {
		const char *item = json_string_value(json_object_get(x, "item"));
		printf(TR(ctx, "  月度运行：%s ← %s%s\n", "  monthly cycle: %s <- %s%s\n"),
		       json_string_value(json_object_get(x, "ladder")),
		       feed_name(item ? EG_SCHEME_FEED_ITEM_COUNT : EG_SCHEME_FEED_FAILED, ctx->lang), item ? item : "");
	}
	x = json_object_get(d, "air_ranking");
	if (strcmp(json_string_value(json_object_get(x, "metric")), "none"))
		printf(TR(ctx, "  空气质量排名：%s，末位阶梯 %s\n", "  air-quality ranking: %s, last place ladder %s\n"),
		       json_string_value(json_object_get(x, "metric")),
		       json_is_string(json_object_get(x, "last_place_ladder")) ? json_string_value(json_object_get(x, "last_place_ladder")) : "-");
	else
		puts(TR(ctx, "  空气质量排名：无", "  air-quality ranking: none"));
	{
		const char *more = with_sources ? TR(ctx, "：", ":") : TR(ctx, "（--sources 列出）", " (--sources lists them)");
		printf(TR(ctx, "  期限 %lld 项，周期性职责 %lld 项，出处 %zu 条%s\n", "  %lld deadlines, %lld cadences, %zu source citations%s\n"),
		       json_integer_value(json_object_get(d, "deadlines")), json_integer_value(json_object_get(d, "cadences")),
		       json_array_size(json_object_get(d, "sources")), more ? more : "");
	}
	if (with_sources)
		json_array_foreach(json_object_get(d, "sources"), i, x)
			printf("    %s\t%s\t%s\t%s\n", json_string_value(json_object_get(x, "rule")),
			       json_string_value(json_object_get(x, "pointer")), json_string_value(json_object_get(x, "article")),
			       json_string_value(json_object_get(x, "quote")));
}

static int scheme_show(tool_ctx *ctx)
{
	const char *format = "text", *sources = NULL, *pos[1];
	static const char *const fmts[] = { "text", "json" };
	const tool_opt opts[] = { { "--format", &format, 0 }, { "--sources", &sources, 1 } };
	size_t n_pos;
	eg_scheme *sc = NULL;
	json_t *d;
	if (args_parse(ctx, 1, opts, 2, pos, 1, &n_pos, "scheme show") || out_format_ok(format, fmts, 2, "scheme show"))
		return TOOL_USAGE;
	if (n_pos ? scheme_open(&sc, ctx, pos[0]) : workspace_scheme(&sc, ctx))
		return TOOL_FAIL;
	d = show_json(sc, ctx->lang);
	if (!strcmp(format, "json")) {
		json_dumpf(d, stdout, JSON_INDENT(2));
		putchar('\n');
	} else {
		show_text(ctx, d, sources != NULL);
	}
	json_decref(d);
	eg_scheme_free(sc);
	return TOOL_OK;
}

/* ------------------------------------------------------------------ */
/* check                                                                 */
/* ------------------------------------------------------------------ */

static char *read_whole(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t cap = 0, n = 0;
	if (!f)
		return NULL;
	for (;;) {
		if (n == cap) {
			char *t;
			if (cap > (size_t)EG_SCHEME_MAX_BYTES) /* the library refuses it; read one byte past the limit */
				break;
			cap = cap ? cap * 2 : 65536;
			if (!(t = realloc(buf, cap + 1))) {
				free(buf);
				fclose(f);
				return NULL;
			}
			buf = t;
		}
		size_t r = fread(buf + n, 1, cap - n, f);
		n += r;
		if (r == 0)
			break;
	}
	fclose(f);
	if (!buf && !(buf = malloc(1)))
		return NULL;
	*len = n;
	return buf;
}

static int scheme_check(tool_ctx *ctx)
{
	const char *format = "text", *pos[1];
	static const char *const fmts[] = { "text", "json" };
	const tool_opt opts[] = { { "--format", &format, 0 } };
	size_t n_pos, len = 0, n;
	eg_scheme_findings *fs = NULL;
	eg_scheme_error err = EG_SCHEME_ERROR_INIT;
	eg_scheme *named = NULL;
	char *text = NULL;
	const char *buf;
	int rc, json = 0;
	if (args_parse(ctx, 1, opts, 1, pos, 1, &n_pos, "scheme check") || out_format_ok(format, fmts, 2, "scheme check"))
		return TOOL_USAGE;
	if (n_pos == 0) {
		tool_fail(TR(ctx, "scheme check：检查哪个文件？（ecogrid scheme check 文件|名称）",
			     "scheme check: which document? (ecogrid scheme check FILE|NAME)"));
		return TOOL_USAGE;
	}
	json = !strcmp(format, "json");
	if (is_file(pos[0])) {
		if (!(text = read_whole(pos[0], &len)))
			return tool_fail(TR(ctx, "scheme check：无法读取 %s", "scheme check: cannot read %s"), pos[0]);
		buf = text;
	} else {
		if (scheme_open(&named, ctx, pos[0]))
			return TOOL_FAIL;
		buf = eg_scheme_text(named);
		len = strlen(buf);
	}
	rc = eg_scheme_check_buffer(&fs, &err, buf, len);
	if (rc < 0) {
		/* Not checkable: the place and reason of the refusal. */
		if (json) {
			json_t *d = json_pack("{s:s, s:b, s:{s:s, s:I, s:I, s:s, s:s, s:s, s:s}, s:[]}", "file", pos[0], "ok", 0,
					      "error", "code", eg_strerror(err.code), "line", (json_int_t)err.line, "column",
					      (json_int_t)err.column, "pointer", err.pointer, "expected", err.expected, "found",
					      err.found, "message", tool_eg_message(), "findings");
			json_dumpf(d, stdout, JSON_INDENT(2));
			putchar('\n');
			json_decref(d);
		} else {
			print_refusal(stdout, ctx, pos[0], &err);
		}
		free(text);
		eg_scheme_free(named);
		return TOOL_FAIL;
	}
	n = eg_scheme_findings_count(fs);
	if (json) {
		json_t *list = json_array(), *d;
		for (size_t i = 0; i < n; i++)
			json_array_append_new(list, json_pack("{s:s, s:s, s:s, s:s}", "id", eg_scheme_findings_id(fs, i), "pointer",
							      eg_scheme_findings_pointer(fs, i), "message",
							      eg_scheme_findings_message(fs, i, EG_LANG_ZH), "message_en",
							      eg_scheme_findings_message(fs, i, EG_LANG_EN)));
		d = json_pack("{s:s, s:b, s:n, s:o}", "file", pos[0], "ok", n == 0, "error", "findings", list);
		json_dumpf(d, stdout, JSON_INDENT(2));
		putchar('\n');
		json_decref(d);
	} else {
		for (size_t i = 0; i < n; i++) {
			static const char refused[] = "the document would not load: ";
			const char *en = eg_scheme_findings_message(fs, i, EG_LANG_EN);
			char msg[1400];
			if (!strcmp(eg_scheme_findings_id(fs, i), "load-refused") && !strncmp(en, refused, sizeof refused - 1)) {
				/* The loader's refusal: its place and its words in the user's language. */
				char detail[1200];
				snprintf(msg, sizeof msg, _("the document would not load: %s"),
					 tool_scheme_detail(detail, sizeof detail, en + sizeof refused - 1));
			} else {
				snprintf(msg, sizeof msg, "%s", eg_scheme_findings_message(fs, i, ctx->lang));
			}
			printf("%s: %s [%s] %s\n", pos[0], eg_scheme_findings_id(fs, i), eg_scheme_findings_pointer(fs, i), msg);
		}
		if (n == 0)
			printf(TR(ctx, "%s：未发现问题\n", "%s: no defects found\n"), pos[0]);
		else
			printf(TR(ctx, "%s：发现 %zu 个问题\n", "%s: %zu defect(s) found\n"), pos[0], n);
	}
	eg_scheme_findings_free(fs);
	free(text);
	eg_scheme_free(named);
	return n == 0 ? TOOL_OK : TOOL_FAIL;
}

/* ------------------------------------------------------------------ */
/* diff                                                                  */
/* ------------------------------------------------------------------ */

/* The rule set a version applies to a month: the one in force then, else its only one (a revision judged early). */
static int version_ruleset(eg_ruleset **out, const tool_ctx *ctx, const eg_scheme *sc, const char *month)
{
	if (eg_scheme_ruleset(out, sc, month) == EG_OK)
		return TOOL_OK;
	if (eg_scheme_ruleset_count(sc) == 1)
		return eg_scheme_ruleset_named(out, sc, eg_scheme_ruleset_name(sc, 0)) < 0 ? tool_fail_eg(EG_ENOMEM, eg_scheme_id(sc))
											    : TOOL_OK;
	return tool_fail(TR(ctx, "scheme diff：%s 没有在 %s 施行的考核规则", "scheme diff: %s has no rule set in force in %s"),
			 eg_scheme_id(sc), month);
}

static const char *grade_word(const char *g, int lang)
{
	if (lang == EG_LANG_EN || !g)
		return g;
	return !strcmp(g, "excellent") ? "优秀" : !strcmp(g, "good") ? "良好" : !strcmp(g, "pass") ? "合格" : "不合格";
}

static const char *points(char *buf, size_t size, int32_t score, int scale)
{
	if (scale == 10)
		snprintf(buf, size, "%s%d.%d", score < 0 ? "-" : "", abs(score) / 10, abs(score) % 10);
	else
		snprintf(buf, size, "%d", (int)score);
	return buf;
}

typedef struct diff_rows {
	size_t n, cap;
	char **unit, **name;
	eg_assess_input **old_in, **new_in;
} diff_rows;

static void diff_rows_free(diff_rows *r)
{
	for (size_t i = 0; i < r->n; i++) {
		free(r->unit[i]);
		free(r->name[i]);
		eg_assess_input_free(r->old_in[i]);
		eg_assess_input_free(r->new_in[i]);
	}
	free(r->unit);
	free(r->name);
	free(r->old_in);
	free(r->new_in);
}

/* Whether a rule set defines a part (an item, a level, a condition) by ID. */
static int has_part(const eg_ruleset *rs, int part, const char *id)
{
	const char *article = NULL, *quote = NULL;
	return eg_ruleset_source(&article, &quote, rs, part, id) != EG_ENOTFOUND;
}

/*
 * The facts of a stored assessment that a version has a place for: counts
 * and status of items it does not define, forced-fail conditions and
 * penalty levels it does not define are left out, so that a revision that
 * removes them is compared, not refused (the library names what was
 * removed, and each unit's reasons say what no longer applies).
 */
static json_t *facts_for(const eg_ruleset *rs, json_t *a)
{
	json_t *c = json_deep_copy(a), *v, *x, *tmp;
	const char *key;
	size_t i;
	if (!c)
		return NULL;
	for (int k = 0; k < 2; k++)
		if (json_is_object(v = json_object_get(c, k ? "status" : "items")))
			json_object_foreach_safe(v, tmp, key, x)
				if (!has_part(rs, EG_RULESET_PART_ITEM, key))
					json_object_del(v, key);
	if (json_is_array(v = json_object_get(c, "forced_fail")))
		for (i = json_array_size(v); i-- > 0;)
			if (json_is_string(x = json_array_get(v, i)) &&
			    !has_part(rs, EG_RULESET_PART_CONDITION, json_string_value(x)))
				json_array_remove(v, i);
	if (json_is_array(v = json_object_get(c, "media")))
		for (i = json_array_size(v); i-- > 0;) {
			json_t *p = json_array_get(v, i);
			if (!json_is_array(p))
				continue;
			for (size_t j = json_array_size(p); j-- > 0;)
				if (json_is_string(x = json_array_get(p, j)) &&
				    !has_part(rs, EG_RULESET_PART_LEVEL, json_string_value(x)))
					json_array_remove(p, j);
			if (json_array_size(p) == 0)
				json_array_remove(v, i);
		}
	return c;
}

/* The month's stored inputs, as inputs for both rule sets (units without an assessment are left out). */
static int diff_read(diff_rows *r, sqlite3 *db, const char *month, const eg_ruleset *old_rs, const eg_ruleset *new_rs)
{
	sqlite3_stmt *st;
	int rc = TOOL_OK, step;
	memset(r, 0, sizeof *r);
	if (sqlite3_prepare_v2(db, "SELECT i.unit, COALESCE(g.name, i.unit), i.json FROM month_input i LEFT JOIN grid_node g "
				   "ON g.id = i.unit WHERE i.month = ? ORDER BY COALESCE(g.seq, 0), i.unit",
			       -1, &st, NULL) != SQLITE_OK)
		return tool_fail("workspace: %s", sqlite3_errmsg(db));
	sqlite3_bind_text(st, 1, month, -1, SQLITE_STATIC);
	while (!rc && (step = sqlite3_step(st)) == SQLITE_ROW) {
		const char *unit = (const char *)sqlite3_column_text(st, 0);
		json_t *u = json_loads((const char *)sqlite3_column_text(st, 2), 0, NULL), *a = json_object_get(u, "assessment");
		char path[160];
		size_t i = r->n;
		if (!a) {
			json_decref(u);
			continue;
		}
		if (i == r->cap) {
			size_t cap = r->cap ? 2 * r->cap : 16;
			char **nu = realloc(r->unit, cap * sizeof *nu), **nn = nu ? realloc(r->name, cap * sizeof *nn) : NULL;
			eg_assess_input **no = NULL, **nw = NULL;
			if (nu)
				r->unit = nu;
			if (nn)
				r->name = nn;
			if (nn && (no = realloc(r->old_in, cap * sizeof *no)))
				r->old_in = no;
			if (no && (nw = realloc(r->new_in, cap * sizeof *nw)))
				r->new_in = nw;
			if (!nw) {
				json_decref(u);
				rc = tool_fail("out of memory");
				break;
			}
			r->cap = cap;
		}
		r->unit[i] = strdup(unit);
		r->name[i] = strdup((const char *)sqlite3_column_text(st, 1));
		r->old_in[i] = r->new_in[i] = NULL;
		r->n++;
		if (!r->unit[i] || !r->name[i])
			rc = tool_fail("out of memory");
		for (int side = 0; !rc && side < 2; side++) {
			const eg_ruleset *rs = side ? new_rs : old_rs;
			json_t *facts = facts_for(rs, a);
			snprintf(path, sizeof path, "%s %s units.%s", month, eg_ruleset_name(rs), unit);
			if (!facts || eg_assess_input_new(side ? &r->new_in[i] : &r->old_in[i], rs) < 0)
				rc = tool_fail_eg(EG_ENOMEM, path);
			if (!rc)
				rc = month_apply_assessment(side ? r->new_in[i] : r->old_in[i], facts, path);
			json_decref(facts);
		}
		json_decref(u);
	}
	sqlite3_finalize(st);
	return rc;
}

static int scheme_diff(tool_ctx *ctx)
{
	const char *format = "text", *month = NULL, *pos[2];
	static const char *const fmts[] = { "text", "json" };
	const tool_opt opts[] = { { "--format", &format, 0 }, { "--month", &month, 0 } };
	size_t n_pos, n_changed = 0;
	eg_scheme *old_sc = NULL, *new_sc = NULL;
	eg_ruleset *old_rs = NULL, *new_rs = NULL;
	eg_scheme_diff_result *d = NULL, *cmp = NULL;
	eg_scheme_diff_unit *units = NULL;
	diff_rows r;
	sqlite3 *db = NULL;
	int rc, e;
	memset(&r, 0, sizeof r);
	if (args_parse(ctx, 1, opts, 2, pos, 2, &n_pos, "scheme diff") || out_format_ok(format, fmts, 2, "scheme diff"))
		return TOOL_USAGE;
	if (n_pos != 2 || !month) {
		tool_fail(TR(ctx, "scheme diff：用法 ecogrid scheme diff 旧方案 新方案 --month 月份",
			     "scheme diff: usage: ecogrid scheme diff OLD NEW --month YYYY-MM"));
		return TOOL_USAGE;
	}
	if (!month_valid(month))
		return tool_fail(TR(ctx, "scheme diff：\"%s\" 不是月份 YYYY-MM", "scheme diff: \"%s\" is not a month YYYY-MM"), month);
	rc = scheme_open(&old_sc, ctx, pos[0]);
	if (!rc)
		rc = scheme_open(&new_sc, ctx, pos[1]);
	if (!rc)
		rc = version_ruleset(&old_rs, ctx, old_sc, month);
	if (!rc)
		rc = version_ruleset(&new_rs, ctx, new_sc, month);
	if (!rc)
		rc = ws_open(&db, ctx->db_path, 1);
	if (!rc && !(rc = ws_read_begin(db))) {
		rc = diff_read(&r, db, month, old_rs, new_rs);
		ws_commit(db);
	}
	if (!rc && r.n == 0)
		rc = tool_fail(TR(ctx, "scheme diff：工作库中没有 %s 的考核数据（ecogrid month import）",
				  "scheme diff: the workspace has no assessment inputs for %s (ecogrid month import)"),
			       month);
	if (!rc && !(units = calloc(r.n, sizeof *units)))
		rc = tool_fail("out of memory");
	for (size_t i = 0; !rc && i < r.n; i++)
		units[i] = (eg_scheme_diff_unit){ r.unit[i], r.old_in[i], r.new_in[i] };
	if (!rc && (e = eg_scheme_diff(&d, old_rs, new_rs, units, r.n)) < 0)
		rc = tool_fail_eg(e, "scheme diff");
	if (!rc && (e = eg_scheme_compare(&cmp, old_sc, new_sc)) < 0)
		rc = tool_fail_eg(e, "scheme diff");
	if (!rc) {
		int os = eg_ruleset_scale(old_rs), ns = eg_ruleset_scale(new_rs);
		json_t *doc = json_pack("{s:s, s:s, s:s, s:[], s:[], s:[]}", "month", month, "old", eg_ruleset_name(old_rs), "new",
					eg_ruleset_name(new_rs), "rules", "scheme", "units");
		/* Ladders, clauses, deadlines and duties added or removed (eg_scheme_compare). */
		for (size_t k = 0; k < eg_scheme_diff_rule_count(cmp); k++)
			json_array_append_new(json_object_get(doc, "scheme"),
					      json_pack("{s:s, s:s}", "message", eg_scheme_diff_rule_message(cmp, k, EG_LANG_ZH),
							"message_en", eg_scheme_diff_rule_message(cmp, k, EG_LANG_EN)));
		for (size_t k = 0; k < eg_scheme_diff_rule_count(d); k++)
			json_array_append_new(json_object_get(doc, "rules"),
					      json_pack("{s:s, s:s}", "message", eg_scheme_diff_rule_message(d, k, EG_LANG_ZH),
							"message_en", eg_scheme_diff_rule_message(d, k, EG_LANG_EN)));
		for (size_t i = 0; i < eg_scheme_diff_count(d); i++) {
			int32_t o = 0, nw = 0;
			int og = 0, ng = 0;
			char a[32], b[32];
			json_t *reasons = json_array();
			eg_scheme_diff_scores(&o, &nw, &og, &ng, d, i);
			n_changed += eg_scheme_diff_changed(d, i) == 1;
			for (size_t k = 0; k < eg_scheme_diff_reason_count(d, i); k++)
				json_array_append_new(reasons, json_pack("{s:s, s:s, s:s}", "rule", eg_scheme_diff_reason_rule(d, i, k),
									 "message", eg_scheme_diff_reason_message(d, i, k, EG_LANG_ZH),
									 "message_en",
									 eg_scheme_diff_reason_message(d, i, k, EG_LANG_EN)));
			json_array_append_new(json_object_get(doc, "units"),
					      json_pack("{s:s, s:s, s:b, s:i, s:i, s:s, s:s, s:s, s:s, s:o}", "unit",
							eg_scheme_diff_unit_id(d, i), "name", r.name[i], "changed",
							eg_scheme_diff_changed(d, i) == 1, "old_score", (int)o, "new_score", (int)nw,
							"old_points", points(a, sizeof a, o, os), "new_points", points(b, sizeof b, nw, ns),
							"old_grade", eg_grade_name(og), "new_grade", eg_grade_name(ng), "reasons",
							reasons));
		}
		if (!strcmp(format, "json")) {
			json_dumpf(doc, stdout, JSON_INDENT(2));
			putchar('\n');
		} else {
			size_t i, k;
			json_t *x, *y;
			const char *msg = ctx->lang == EG_LANG_EN ? "message_en" : "message";
			printf(TR(ctx, "%s 月按 %s 与 %s 重新计分：%zu 个单位，%zu 个结果有变化\n",
				  "%s re-scored under %s and %s: %zu units, %zu results change\n"),
			       month, eg_ruleset_name(old_rs), eg_ruleset_name(new_rs), r.n, n_changed);
			if (json_array_size(json_object_get(doc, "rules")))
				puts(TR(ctx, "规则的变化：", "What the rules change:"));
			json_array_foreach(json_object_get(doc, "rules"), i, x)
				printf("  %s\n", json_string_value(json_object_get(x, msg)));
			if (json_array_size(json_object_get(doc, "scheme")))
				puts(TR(ctx, "方案其他部分的变化：", "What the rest of the scheme changes:"));
			json_array_foreach(json_object_get(doc, "scheme"), i, x)
				printf("  %s\n", json_string_value(json_object_get(x, msg)));
			json_array_foreach(json_object_get(doc, "units"), i, x) {
				if (!json_is_true(json_object_get(x, "changed")))
					continue;
				printf(TR(ctx, "%s（%s）：%s 分 %s → %s 分 %s\n", "%s (%s): %s %s -> %s %s\n"),
				       json_string_value(json_object_get(x, "name")), json_string_value(json_object_get(x, "unit")),
				       json_string_value(json_object_get(x, "old_points")),
				       grade_word(json_string_value(json_object_get(x, "old_grade")), ctx->lang),
				       json_string_value(json_object_get(x, "new_points")),
				       grade_word(json_string_value(json_object_get(x, "new_grade")), ctx->lang));
				json_array_foreach(json_object_get(x, "reasons"), k, y)
					printf("    %s\n", json_string_value(json_object_get(y, msg)));
			}
		}
		json_decref(doc);
	}
	eg_scheme_diff_free(d);
	eg_scheme_diff_free(cmp);
	free(units);
	diff_rows_free(&r);
	eg_ruleset_free(old_rs);
	eg_ruleset_free(new_rs);
	eg_scheme_free(old_sc);
	eg_scheme_free(new_sc);
	if (db)
		ws_close(db);
	return rc;
}

/* ------------------------------------------------------------------ */
/* export                                                                */
/* ------------------------------------------------------------------ */

static int scheme_export(tool_ctx *ctx)
{
	const char *out_path = NULL, *force = NULL, *pos[1];
	const tool_opt opts[] = { { "--output", &out_path, 0 }, { "--force", &force, 1 } };
	size_t n_pos;
	eg_scheme *sc = NULL;
	out_target o;
	int rc;
	if (args_parse(ctx, 1, opts, 2, pos, 1, &n_pos, "scheme export"))
		return TOOL_USAGE;
	if (n_pos ? scheme_open(&sc, ctx, pos[0]) : workspace_scheme(&sc, ctx))
		return TOOL_FAIL;
	rc = out_open(&o, ctx, out_path, force != NULL, "scheme export");
	if (!rc) {
		fputs(eg_scheme_text(sc), o.f);
		rc = out_close(&o);
	}
	eg_scheme_free(sc);
	return rc;
}

/* `ecogrid scheme SUB ...`: main() has checked SUB against the command table (help.c) and handled --help. */
int cmd_scheme(tool_ctx *ctx)
{
	const char *sub = ctx->argc > 0 ? ctx->argv[0] : "";
	if (!strcmp(sub, "show"))
		return scheme_show(ctx);
	if (!strcmp(sub, "check"))
		return scheme_check(ctx);
	if (!strcmp(sub, "diff"))
		return scheme_diff(ctx);
	if (!strcmp(sub, "export"))
		return scheme_export(ctx);
	return tool_fail("scheme: which subcommand? (see `ecogrid help scheme`)");
}
