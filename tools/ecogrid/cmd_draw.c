/*
 * Double-random inspection draws (双随机) in the workspace: draw objects per
 * stratum from a published seed and frame (draw algorithm 1 of the library,
 * reproducible with the public sampler.py), pair inspectors with conflicts
 * skipped (回避), keep the published record, and verify a published record
 * against a frame without any workspace.
 *
 *   draw run ID --seed S --frame FRAME.csv --quotas QUOTAS.csv
 *               [--inspectors INSPECTORS.csv] [--conflicts CONFLICTS.csv] [--per-object N]
 *   draw show ID | draw list
 *   draw verify RECORD.json --frame FRAME.csv [--inspectors F] [--conflicts F]
 *
 * FRAME.csv: stratum,id. QUOTAS.csv: stratum,quota where quota is a number or
 * DG-8-city / DG-8-town (⌈10 %⌉ / ⌈25 %⌉ of the stratum's key objects, DG-8).
 * INSPECTORS.csv: inspector. CONFLICTS.csv: inspector,object.
 */
#include "tool.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* A growable list of owned strings. */
typedef struct strv {
	char **s;
	size_t n, cap;
} strv;

static int strv_push(strv *v, const char *s)
{
	char *copy;
	if (v->n == v->cap) {
		size_t cap = v->cap ? 2 * v->cap : 16;
		char **t = realloc(v->s, cap * sizeof *t);
		if (!t)
			return tool_fail("out of memory");
		v->s = t;
		v->cap = cap;
	}
	if (!(copy = strdup(s)))
		return tool_fail("out of memory");
	v->s[v->n++] = copy;
	return TOOL_OK;
}

static void strv_free(strv *v)
{
	for (size_t i = 0; i < v->n; i++)
		free(v->s[i]);
	free(v->s);
	memset(v, 0, sizeof *v);
}

static size_t strv_find(const strv *v, const char *s)
{
	for (size_t i = 0; i < v->n; i++)
		if (strcmp(v->s[i], s) == 0)
			return i;
	return (size_t)-1;
}

/* The inputs of a draw, read from CSV files. */
typedef struct draw_in {
	const char *file;
	strv strata;       /* in order of first appearance in the frame */
	strv rows_stratum; /* frame rows as read */
	strv rows_id;
	strv frame; /* IDs stratum after stratum */
	size_t *sizes, *quotas;
	char **quota_rule; /* per stratum: the rule name or NULL */
	strv inspectors, conflict_inspector, conflict_object;
} draw_in;

static void draw_in_free(draw_in *in)
{
	/* quota_rule has one entry per stratum: free it before the strata list is cleared. */
	for (size_t i = 0; in->quota_rule && i < in->strata.n; i++)
		free(in->quota_rule[i]);
	free(in->quota_rule);
	strv_free(&in->strata);
	strv_free(&in->rows_stratum);
	strv_free(&in->rows_id);
	strv_free(&in->frame);
	strv_free(&in->inspectors);
	strv_free(&in->conflict_inspector);
	strv_free(&in->conflict_object);
	free(in->sizes);
	free(in->quotas);
}

static int frame_row(void *p, size_t line, char **f, size_t n)
{
	draw_in *in = p;
	(void)n;
	if (!f[0][0] || !f[1][0])
		return tool_fail("%s: line %zu: stratum and id must not be empty", in->file, line);
	if (strv_find(&in->strata, f[0]) == (size_t)-1 && strv_push(&in->strata, f[0]))
		return TOOL_FAIL;
	return strv_push(&in->rows_stratum, f[0]) || strv_push(&in->rows_id, f[1]);
}

/* Group the frame's rows by stratum (the library wants stratum after stratum). */
static int read_frame(draw_in *in, const char *path)
{
	static const char *const hdr[] = { "stratum", "id" };
	in->file = path;
	if (csv_read_file(path, hdr, 2, frame_row, in))
		return TOOL_FAIL;
	if (in->strata.n == 0)
		return tool_fail("%s: the frame is empty", path);
	in->sizes = calloc(in->strata.n, sizeof *in->sizes);
	in->quotas = calloc(in->strata.n, sizeof *in->quotas);
	in->quota_rule = calloc(in->strata.n, sizeof *in->quota_rule);
	if (!in->sizes || !in->quotas || !in->quota_rule)
		return tool_fail("out of memory");
	for (size_t s = 0; s < in->strata.n; s++)
		for (size_t i = 0; i < in->rows_id.n; i++)
			if (strcmp(in->rows_stratum.s[i], in->strata.s[s]) == 0) {
				if (strv_push(&in->frame, in->rows_id.s[i]))
					return TOOL_FAIL;
				in->sizes[s]++;
			}
	return TOOL_OK;
}

static int quota_row(void *p, size_t line, char **f, size_t n)
{
	draw_in *in = p;
	size_t s = strv_find(&in->strata, f[0]);
	(void)n;
	if (s == (size_t)-1)
		return tool_fail("%s: line %zu: stratum %s is not in the frame", in->file, line, f[0]);
	if (in->quota_rule[s] || in->quotas[s])
		return tool_fail("%s: line %zu: stratum %s has a quota already", in->file, line, f[0]);
	if (!strcmp(f[1], "DG-8-city") || !strcmp(f[1], "DG-8-town")) {
		/* DG-8: key objects sampled each quarter at >= 10 % (city) or >= 25 % (town), rounded up. */
		int64_t q;
		int e = eg_inspect_quota(&q, f[1][5] == 'c' ? EG_INSPECT_QUOTA_DG8_CITY : EG_INSPECT_QUOTA_DG8_TOWN, (int64_t)in->sizes[s]);
		if (e < 0)
			return tool_fail("%s: line %zu: %s", in->file, line, tool_eg_message());
		in->quotas[s] = (size_t)q;
		if (!(in->quota_rule[s] = strdup(f[1])))
			return tool_fail("out of memory");
	} else {
		char *end;
		long long q = strtoll(f[1], &end, 10);
		if (!f[1][0] || *end || q < 0)
			return tool_fail("%s: line %zu: quota must be a number >= 0, DG-8-city or DG-8-town, not \"%s\"",
					 in->file, line, f[1]);
		if ((unsigned long long)q > in->sizes[s])
			return tool_fail("%s: line %zu: quota %lld is larger than stratum %s (%zu objects)", in->file, line,
					 q, f[0], in->sizes[s]);
		in->quotas[s] = (size_t)q;
		if (q == 0 && !(in->quota_rule[s] = strdup("0")))
			return tool_fail("out of memory");
	}
	return TOOL_OK;
}

static int inspector_row(void *p, size_t line, char **f, size_t n)
{
	draw_in *in = p;
	(void)n;
	if (!f[0][0])
		return tool_fail("%s: line %zu: empty inspector", in->file, line);
	return strv_push(&in->inspectors, f[0]);
}

static int conflict_row(void *p, size_t line, char **f, size_t n)
{
	draw_in *in = p;
	(void)n;
	if (!f[0][0] || !f[1][0])
		return tool_fail("%s: line %zu: inspector and object must not be empty", in->file, line);
	return strv_push(&in->conflict_inspector, f[0]) || strv_push(&in->conflict_object, f[1]);
}

static int read_people(draw_in *in, const char *inspectors, const char *conflicts)
{
	static const char *const ih[] = { "inspector" }, *const ch[] = { "inspector", "object" };
	if (inspectors) {
		in->file = inspectors;
		if (csv_read_file(inspectors, ih, 1, inspector_row, in))
			return TOOL_FAIL;
	}
	if (conflicts) {
		in->file = conflicts;
		if (csv_read_file(conflicts, ch, 2, conflict_row, in))
			return TOOL_FAIL;
	}
	return TOOL_OK;
}

/* The published hash of the inspector list and conflicts (the library's canonical form). */
static int people_hash(char *hex, const draw_in *in)
{
	int e = eg_draw_inspectors_hash(hex, (const char *const *)in->inspectors.s, in->inspectors.n,
					(const char *const *)in->conflict_inspector.s,
					(const char *const *)in->conflict_object.s, in->conflict_inspector.n);
	return e < 0 ? tool_fail_eg(e, _("inspector list")) : TOOL_OK;
}

/* Draw (and pair, when per_object > 0) with the library. */
static int do_draw(eg_draw **out, const draw_in *in, const char *seed, size_t per_object)
{
	eg_draw *d = NULL;
	int e = eg_draw_objects(&d, seed, &(eg_draw_frame_options){ EG_DRAW_FRAME_OPTIONS_VERSION, (const char *const *)in->strata.s, in->sizes, (const char *const *)in->frame.s, in->quotas, in->strata.n });
	if (e < 0)
		return tool_fail_eg(e, "draw");
	if (per_object > 0) {
		e = eg_draw_pair_inspectors(d, (const char *const *)in->inspectors.s, in->inspectors.n, &(eg_draw_pair_options){ EG_DRAW_PAIR_OPTIONS_VERSION, (const char *const *)in->conflict_inspector.s, (const char *const *)in->conflict_object.s, in->conflict_inspector.n, per_object });
		if (e < 0) {
			eg_draw_free(d);
			return tool_fail_eg(e, _("inspector pairing"));
		}
	}
	*out = d;
	return TOOL_OK;
}

/* The published record of a draw. */
static json_t *draw_record(const char *id, const char *seed, const draw_in *in, const eg_draw *d, size_t per_object,
			   const char *people)
{
	json_t *strata = json_array(), *sel = json_array(), *skips = json_array(), *doc;
	for (size_t s = 0; s < in->strata.n; s++) {
		json_t *o = json_pack("{s:s, s:I, s:I}", "name", in->strata.s[s], "size", (json_int_t)in->sizes[s], "quota",
				      (json_int_t)in->quotas[s]);
		json_object_set_new(o, "quota_rule", in->quota_rule[s] && strcmp(in->quota_rule[s], "0")
							 ? json_string(in->quota_rule[s]) : json_null());
		json_array_append_new(strata, o);
	}
	for (size_t i = 0; i < eg_draw_selected_count(d); i++) {
		json_t *ins = json_array();
		for (size_t k = 0; k < per_object; k++)
			json_array_append_new(ins, json_string(eg_draw_inspector(d, i, k)));
		json_array_append_new(sel, json_pack("{s:s, s:s, s:o}", "stratum", eg_draw_selected_stratum(d, i), "id",
						     eg_draw_selected(d, i), "inspectors", ins));
	}
	for (size_t k = 0; k < eg_draw_skip_count(d); k++) {
		const char *who, *what;
		if (eg_draw_skip(&who, &what, d, k) == EG_OK)
			json_array_append_new(skips, json_pack("{s:s, s:s}", "inspector", who, "object", what));
	}
	doc = json_pack("{s:s, s:s, s:i, s:s, s:s, s:o, s:I, s:o, s:o}", "id", id, "rule", "双随机", "algorithm",
			eg_draw_algorithm(d), "seed", seed, "frame_hash", eg_draw_frame_hash(d), "strata", strata,
			"per_object", (json_int_t)per_object, "selected", sel, "skips", skips);
	json_object_set_new(doc, "inspectors_hash", people ? json_string(people) : json_null());
	return doc;
}

static void print_record(FILE *f, const json_t *doc, int lang)
{
	json_t *x, *y;
	size_t i, k;
	fprintf(f, lang ? "Double-random draw %s (algorithm %d)\n" : "双随机抽查 %s（算法版本 %d）\n",
		json_string_value(json_object_get(doc, "id")), (int)json_integer_value(json_object_get(doc, "algorithm")));
	fprintf(f, lang ? "seed: %s\nframe hash: %s\n" : "随机种子：%s\n名录哈希：%s\n", json_string_value(json_object_get(doc, "seed")),
		json_string_value(json_object_get(doc, "frame_hash")));
	fputs(lang ? "stratum\tobjects\tdrawn\tby\n" : "分层\t名录数\t抽取数\t依据\n", f);
	json_array_foreach(json_object_get(doc, "strata"), i, x) {
		const char *rule = json_string_value(json_object_get(x, "quota_rule"));
		fprintf(f, "%s\t%lld\t%lld\t%s\n", json_string_value(json_object_get(x, "name")),
			json_integer_value(json_object_get(x, "size")), json_integer_value(json_object_get(x, "quota")),
			rule ? rule : (lang ? "given" : "指定"));
	}
	fputs(lang ? "selected:\n" : "抽中对象：\n", f);
	json_array_foreach(json_object_get(doc, "selected"), i, x) {
		fprintf(f, "  %zu. %s\t%s", i + 1, json_string_value(json_object_get(x, "stratum")),
			json_string_value(json_object_get(x, "id")));
		json_array_foreach(json_object_get(x, "inspectors"), k, y)
			fprintf(f, "%s%s", k ? (lang ? ", " : "、") : (lang ? "\tinspectors: " : "\t检查人员："), json_string_value(y));
		fputc('\n', f);
	}
	json_array_foreach(json_object_get(doc, "skips"), i, x)
		fprintf(f, lang ? "recused (conflict of interest): %s for %s\n" : "回避：%s（%s）\n",
			json_string_value(json_object_get(x, "inspector")), json_string_value(json_object_get(x, "object")));
}

/* Read a draw's input files, draw (and pair) with the library, and make the published record. */
static int draw_prepare(draw_in *in, eg_draw **d, json_t **doc, const char *id, const char *seed, const char *frame,
			const char *quotas, const char *inspectors, const char *conflicts, size_t per_object)
{
	static const char *const qh[] = { "stratum", "quota" };
	char people[65];
	int rc = read_frame(in, frame);
	in->file = quotas;
	if (!rc)
		rc = csv_read_file(quotas, qh, 2, quota_row, in);
	for (size_t s = 0; !rc && s < in->strata.n; s++)
		if (!in->quota_rule[s] && in->quotas[s] == 0)
			rc = tool_fail("%s: no quota for stratum %s", quotas, in->strata.s[s]);
	if (!rc)
		rc = read_people(in, inspectors, conflicts);
	if (!rc && per_object)
		rc = people_hash(people, in);
	if (!rc)
		rc = do_draw(d, in, seed, per_object);
	if (!rc && !(*doc = draw_record(id, seed, in, *d, per_object, per_object ? people : NULL)))
		rc = tool_fail("out of memory");
	return rc;
}

static int draw_run(tool_ctx *ctx)
{
	const char *force = NULL;
	const char *seed = NULL, *frame = NULL, *quotas = NULL, *inspectors = NULL, *conflicts = NULL, *per = NULL,
		   *format = "text", *output = NULL, *pos[1];
	const tool_opt opts[] = { { "--seed", &seed, 0 },	  { "--frame", &frame, 0 },
				  { "--quotas", &quotas, 0 },	  { "--inspectors", &inspectors, 0 },
				  { "--conflicts", &conflicts, 0 }, { "--per-object", &per, 0 },
				  { "--format", &format, 0 },	  { "--output", &output, 0 },
				  { "--force", &force, 1 } };
	static const char *const fmts[] = { "text", "json" };
	draw_in in;
	eg_draw *d = NULL;
	json_t *doc = NULL;
	sqlite3 *db = NULL;
	size_t n_pos, per_object = 0;
	char *text = NULL, at[32];
	int rc;
	memset(&in, 0, sizeof in);
	/* A bad command line (an option, its value or a combination) is a usage error: exit 2. */
	if (args_parse(ctx, 1, opts, 9, pos, 1, &n_pos, "draw run") || out_format_ok(format, fmts, 2, "draw run"))
		return TOOL_USAGE;
	if (n_pos != 1 || !seed || !frame || !quotas) {
		tool_fail("draw run: usage: ecogrid draw run ID --seed SEED --frame FRAME.csv --quotas QUOTAS.csv");
		return TOOL_USAGE;
	}
	if (in_text_check(pos[0], strlen(pos[0]), "draw run", "ID") || in_text_check(seed, strlen(seed), "draw run", "--seed"))
		return TOOL_FAIL;
	if (per) {
		char *end;
		/* Out of range of long long (99999999999999999999): strtoll gives LLONG_MAX, above 100. */
		long long v = strtoll(per, &end, 10);
		if (!*per || *end || v < 1 || v > 100) {
			tool_fail("draw run: --per-object must be a whole number from 1 to 100, not %s", per);
			return TOOL_USAGE;
		}
		if (!inspectors) {
			tool_fail("draw run: --per-object needs --inspectors");
			return TOOL_USAGE;
		}
		per_object = (size_t)v;
	} else if (inspectors || conflicts) {
		tool_fail("draw run: --inspectors and --conflicts need --per-object N");
		return TOOL_USAGE;
	}
	if (ws_open(&db, ctx->db_path, 1))
		return TOOL_FAIL;
	rc = draw_prepare(&in, &d, &doc, pos[0], seed, frame, quotas, inspectors, conflicts, per_object);
	if (!rc) {
		text = json_dumps(doc, JSON_COMPACT);
		if (!text)
			rc = tool_fail("out of memory");
	}
	if (!rc)
		rc = ws_begin(db);
	if (!rc) {
		/* One transaction: a published draw is kept and never replaced. */
		sqlite3_stmt *st = NULL;
		time_t now = time(NULL) + 8 * 3600; /* CST, R0.3 */
		struct tm tm;
		gmtime_r(&now, &tm);
		strftime(at, sizeof at, "%Y-%m-%dT%H:%M:%S+08:00", &tm);
		if (sqlite3_prepare_v2(db, "INSERT INTO draw(id, at, json) VALUES(?,?,?)", -1, &st, NULL) != SQLITE_OK) {
			rc = tool_fail("workspace: %s", sqlite3_errmsg(db));
		} else {
			sqlite3_bind_text(st, 1, pos[0], -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 2, at, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 3, text, -1, SQLITE_STATIC);
			if (sqlite3_step(st) != SQLITE_DONE)
				rc = sqlite3_errcode(db) == SQLITE_CONSTRAINT
					     ? tool_fail("draw run: a draw %s exists already; a published draw is never replaced",
							 pos[0])
					     : tool_fail("workspace: %s", sqlite3_errmsg(db));
			else
				ws_row_written();
		}
		sqlite3_finalize(st);
		if (!rc) {
			char detail[200];
			snprintf(detail, sizeof detail, "%s: %zu selected", pos[0], eg_draw_selected_count(d));
			rc = ws_log(db, "draw run", detail);
		}
		if (!rc)
			rc = ws_commit(db);
		if (rc)
			ws_rollback(db);
	}
	if (!rc) {
		FILE *f;
		out_target o;
		if (!(rc = out_open(&o, ctx, output, force != NULL, "draw run"))) {
			f = o.f;
			if (!strcmp(format, "json")) {
				json_dumpf(doc, f, JSON_INDENT(2));
				fputc('\n', f);
			} else {
				print_record(f, doc, ctx->lang);
			}
			rc = out_close(&o);
		}
	}
	free(text);
	json_decref(doc);
	eg_draw_free(d);
	draw_in_free(&in);
	ws_close(db);
	return rc;
}

static int draw_show(tool_ctx *ctx, int list)
{
	const char *format = "text", *output = NULL, *force = NULL, *pos[1];
	const tool_opt opts[] = { { "--format", &format, 0 }, { "--output", &output, 0 }, { "--force", &force, 1 } };
	static const char *const fmts[] = { "text", "json" };
	sqlite3 *db;
	sqlite3_stmt *st = NULL;
	size_t n_pos, found = 0;
	FILE *f = NULL;
	out_target o;
	int rc;
	if (args_parse(ctx, 1, opts, 3, pos, 1, &n_pos, list ? "draw list" : "draw show") ||
	    out_format_ok(format, fmts, 2, list ? "draw list" : "draw show"))
		return TOOL_USAGE;
	if (!list && n_pos != 1) {
		tool_fail("draw show: which draw? (ecogrid draw show ID)");
		return TOOL_USAGE;
	}
	if (ws_open(&db, ctx->db_path, 1))
		return TOOL_FAIL;
	if (sqlite3_prepare_v2(db, list ? "SELECT id, at, json FROM draw ORDER BY at, id" : "SELECT id, at, json FROM draw WHERE id = ?",
			       -1, &st, NULL) != SQLITE_OK) {
		rc = tool_fail("workspace: %s", sqlite3_errmsg(db));
		ws_close(db);
		return rc;
	}
	if (!list)
		sqlite3_bind_text(st, 1, pos[0], -1, SQLITE_STATIC);
	rc = out_open(&o, ctx, output, force != NULL, list ? "draw list" : "draw show");
	f = rc ? NULL : o.f;
	while (!rc && sqlite3_step(st) == SQLITE_ROW) {
		json_t *doc = json_loads((const char *)sqlite3_column_text(st, 2), 0, NULL);
		found++;
		if (!doc) {
			rc = tool_fail("workspace: stored draw %s is not JSON", (const char *)sqlite3_column_text(st, 0));
		} else if (list) {
			fprintf(f, "%s\t%s\t%zu\t%s\n", (const char *)sqlite3_column_text(st, 0),
				(const char *)sqlite3_column_text(st, 1), json_array_size(json_object_get(doc, "selected")),
				json_string_value(json_object_get(doc, "frame_hash")));
		} else if (!strcmp(format, "json")) {
			json_dumpf(doc, f, JSON_INDENT(2));
			fputc('\n', f);
		} else {
			print_record(f, doc, ctx->lang);
		}
		json_decref(doc);
	}
	sqlite3_finalize(st);
	ws_close(db);
	if (!rc && !list && found == 0)
		rc = tool_fail("draw show: no draw %s in the workspace", pos[0]);
	if (f) {
		if (rc)
			out_abort(&o);
		else
			rc = out_close(&o);
	}
	return rc;
}

/* A published record read from its document: the library's view and the arrays it borrows. */
typedef struct published {
	eg_draw_record rec;
	const char **strata, **sel, **sel_strata, **ins, **skip_i, **skip_o;
	int64_t *sizes, *quotas;
	int *rules;
} published;

static void published_free(published *p)
{
	free(p->strata);
	free(p->sel);
	free(p->sel_strata);
	free(p->ins);
	free(p->skip_i);
	free(p->skip_o);
	free(p->sizes);
	free(p->quotas);
	free(p->rules);
}

static const char *str_at(json_t *o, const char *key)
{
	return json_string_value(json_object_get(o, key));
}

/* Only these keys, each present (when `required`). */
static int keys_ok(json_t *o, const char *const *keys, size_t n, const char *file, const char *path)
{
	const char *key;
	json_t *v;
	if (!json_is_object(o))
		return tool_fail("%s: %s: must be an object", file, path);
	json_object_foreach(o, key, v) {
		size_t k = 0;
		while (k < n && strcmp(key, keys[k]) != 0)
			k++;
		if (k == n)
			return tool_fail("%s: %s.%s: unknown key", file, path, key);
	}
	for (size_t k = 0; k < n; k++)
		if (!json_object_get(o, keys[k]))
			return tool_fail("%s: %s: \"%s\" is missing", file, path, keys[k]);
	return TOOL_OK;
}

/* Parse a published record (the shape of docs/schema/draw-record.schema.json); the values are the library's to judge. */
static int parse_published(published *p, json_t *doc, const char *file)
{
	static const char *const top[] = { "id", "rule", "algorithm", "seed", "frame_hash", "strata", "per_object",
					   "selected", "skips", "inspectors_hash" };
	static const char *const sk[] = { "name", "size", "quota", "quota_rule" }, *const selk[] = { "stratum", "id", "inspectors" },
				 *const skipk[] = { "inspector", "object" };
	json_t *strata, *sel, *skips, *x, *y;
	size_t i, k, ns, nsel, nsk, per;
	eg_draw_record_init(&p->rec, EG_DRAW_RECORD_VERSION);
	if (keys_ok(doc, top, 10, file, "record"))
		return TOOL_FAIL;
	strata = json_object_get(doc, "strata");
	sel = json_object_get(doc, "selected");
	skips = json_object_get(doc, "skips");
	if (!json_is_string(json_object_get(doc, "id")) || !str_at(doc, "seed") || !str_at(doc, "frame_hash") ||
	    !json_is_integer(json_object_get(doc, "algorithm")) || !json_is_array(strata) || !json_is_array(sel) ||
	    !json_is_array(skips) || !json_is_integer(json_object_get(doc, "per_object")) ||
	    !(json_is_null(json_object_get(doc, "inspectors_hash")) || json_is_string(json_object_get(doc, "inspectors_hash"))))
		return tool_fail("%s: not a draw record (id, seed and frame_hash strings, algorithm and per_object integers, "
				 "strata, selected and skips lists, inspectors_hash a string or null)", file);
	if (strcmp(str_at(doc, "rule") ? str_at(doc, "rule") : "", "双随机") != 0)
		return tool_fail("%s: rule must be \"双随机\"", file);
	if (json_integer_value(json_object_get(doc, "per_object")) < 0 || json_integer_value(json_object_get(doc, "per_object")) > 100)
		return tool_fail("%s: per_object must be 0-100", file);
	if (json_integer_value(json_object_get(doc, "algorithm")) < 0 || json_integer_value(json_object_get(doc, "algorithm")) > 1000)
		return tool_fail("%s: algorithm %lld is not a draw algorithm", file, json_integer_value(json_object_get(doc, "algorithm")));
	ns = json_array_size(strata);
	nsel = json_array_size(sel);
	nsk = json_array_size(skips);
	per = (size_t)json_integer_value(json_object_get(doc, "per_object"));
	p->strata = calloc(ns + 1, sizeof *p->strata);
	p->sizes = calloc(ns + 1, sizeof *p->sizes);
	p->quotas = calloc(ns + 1, sizeof *p->quotas);
	p->rules = calloc(ns + 1, sizeof *p->rules);
	p->sel = calloc(nsel + 1, sizeof *p->sel);
	p->sel_strata = calloc(nsel + 1, sizeof *p->sel_strata);
	p->ins = calloc(nsel * per + 1, sizeof *p->ins);
	p->skip_i = calloc(nsk + 1, sizeof *p->skip_i);
	p->skip_o = calloc(nsk + 1, sizeof *p->skip_o);
	if (!p->strata || !p->sizes || !p->quotas || !p->rules || !p->sel || !p->sel_strata || !p->ins || !p->skip_i || !p->skip_o)
		return tool_fail("out of memory");
	json_array_foreach(strata, i, x) {
		char path[32];
		const char *rule;
		snprintf(path, sizeof path, "strata[%zu]", i);
		if (keys_ok(x, sk, 4, file, path))
			return TOOL_FAIL;
		rule = str_at(x, "quota_rule");
		if (!str_at(x, "name") || !json_is_integer(json_object_get(x, "size")) ||
		    !json_is_integer(json_object_get(x, "quota")) || json_integer_value(json_object_get(x, "size")) < 0 ||
		    json_integer_value(json_object_get(x, "quota")) < 0)
			return tool_fail("%s: %s: name a string, size and quota integers >= 0", file, path);
		if (!json_is_null(json_object_get(x, "quota_rule")) && !(rule && (!strcmp(rule, "DG-8-city") || !strcmp(rule, "DG-8-town"))))
			return tool_fail("%s: %s.quota_rule must be DG-8-city, DG-8-town or null", file, path);
		p->strata[i] = str_at(x, "name");
		p->sizes[i] = json_integer_value(json_object_get(x, "size"));
		p->quotas[i] = json_integer_value(json_object_get(x, "quota"));
		p->rules[i] = !rule ? -1 : !strcmp(rule, "DG-8-city") ? EG_INSPECT_QUOTA_DG8_CITY : EG_INSPECT_QUOTA_DG8_TOWN;
	}
	json_array_foreach(sel, i, x) {
		char path[32];
		json_t *ins;
		snprintf(path, sizeof path, "selected[%zu]", i);
		if (keys_ok(x, selk, 3, file, path))
			return TOOL_FAIL;
		ins = json_object_get(x, "inspectors");
		if (!str_at(x, "stratum") || !str_at(x, "id") || !json_is_array(ins) || json_array_size(ins) != per)
			return tool_fail("%s: %s: stratum and id strings, and a list of per_object (%zu) inspectors", file, path, per);
		p->sel[i] = str_at(x, "id");
		p->sel_strata[i] = str_at(x, "stratum");
		json_array_foreach(ins, k, y) {
			if (!json_is_string(y))
				return tool_fail("%s: %s.inspectors[%zu]: must be a string", file, path, k);
			p->ins[i * per + k] = json_string_value(y);
		}
	}
	json_array_foreach(skips, i, x) {
		char path[32];
		snprintf(path, sizeof path, "skips[%zu]", i);
		if (keys_ok(x, skipk, 2, file, path))
			return TOOL_FAIL;
		if (!str_at(x, "inspector") || !str_at(x, "object"))
			return tool_fail("%s: %s: inspector and object strings", file, path);
		p->skip_i[i] = str_at(x, "inspector");
		p->skip_o[i] = str_at(x, "object");
	}
	p->rec.algorithm = (int)json_integer_value(json_object_get(doc, "algorithm"));
	p->rec.seed = str_at(doc, "seed");
	p->rec.frame_hash = str_at(doc, "frame_hash");
	p->rec.n_strata = ns;
	p->rec.strata = p->strata;
	p->rec.sizes = p->sizes;
	p->rec.quotas = p->quotas;
	p->rec.quota_rules = p->rules;
	p->rec.n_selected = nsel;
	p->rec.selected = p->sel;
	p->rec.selected_strata = p->sel_strata;
	p->rec.per_object = per;
	p->rec.inspectors = per ? p->ins : NULL;
	p->rec.n_skips = nsk;
	p->rec.skip_inspectors = p->skip_i;
	p->rec.skip_objects = p->skip_o;
	p->rec.inspectors_hash = str_at(doc, "inspectors_hash");
	return TOOL_OK;
}

/* Check every field of a published draw against the frame (and people): the library decides. */
static int draw_verify(tool_ctx *ctx, int start)
{
	static const struct {
		unsigned int bit;
		const char *zh, *en;
	} checks[] = {
		{ EG_DRAW_CHECK_ALGORITHM, "算法版本", "algorithm" },
		{ EG_DRAW_CHECK_FRAME_HASH, "名录哈希", "frame hash" },
		{ EG_DRAW_CHECK_STRATA, "分层", "strata" },
		{ EG_DRAW_CHECK_SIZES, "各层对象数", "stratum sizes" },
		{ EG_DRAW_CHECK_QUOTAS, "抽取数及依据（DG-8）", "quotas and their rules (DG-8)" },
		{ EG_DRAW_CHECK_SELECTION, "抽中对象", "selected objects" },
		{ EG_DRAW_CHECK_INSPECTORS_HASH, "检查人员名单及回避关系", "inspector list and conflicts" },
		{ EG_DRAW_CHECK_PAIRING, "检查人员配对", "inspector pairing" },
		{ EG_DRAW_CHECK_SKIPS, "回避记录", "conflict skips" },
	};
	const char *frame = NULL, *inspectors = NULL, *conflicts = NULL, *pos[1];
	const tool_opt opts[] = { { "--frame", &frame, 0 }, { "--inspectors", &inspectors, 0 }, { "--conflicts", &conflicts, 0 } };
	json_error_t jerr;
	json_t *doc;
	draw_in in;
	published p;
	eg_draw_inputs di = EG_DRAW_INPUTS_INIT;
	size_t n_pos, bad = 0;
	unsigned int failed = 0;
	char *detail = NULL;
	int rc, e;
	memset(&in, 0, sizeof in);
	memset(&p, 0, sizeof p);
	if (args_parse(ctx, start, opts, 3, pos, 1, &n_pos, "draw verify"))
		return TOOL_USAGE;
	if (n_pos != 1 || !frame) {
		tool_fail("draw verify: usage: ecogrid verify RECORD.json --frame FRAME.csv [--inspectors F --conflicts F]");
		return TOOL_USAGE;
	}
	if (!(doc = json_load_file(pos[0], JSON_REJECT_DUPLICATES, &jerr)))
		return tool_fail("%s: line %d: %s", pos[0], jerr.line, jerr.text);
	rc = in_json_check(doc, pos[0]);
	if (!rc)
		rc = parse_published(&p, doc, pos[0]);
	if (!rc && p.rec.per_object > 0 && !inspectors)
		rc = tool_fail("draw verify: the record pairs inspectors; give --inspectors (and --conflicts) to check them");
	if (!rc)
		rc = read_frame(&in, frame);
	if (!rc)
		rc = read_people(&in, inspectors, conflicts);
	if (!rc) {
		di.strata = (const char *const *)in.strata.s;
		di.frame_sizes = in.sizes;
		di.frame = (const char *const *)in.frame.s;
		di.n_strata = in.strata.n;
		di.inspectors = (const char *const *)in.inspectors.s;
		di.n_inspectors = in.inspectors.n;
		di.conflict_inspector = (const char *const *)in.conflict_inspector.s;
		di.conflict_object = (const char *const *)in.conflict_object.s;
		di.n_conflicts = in.conflict_inspector.n;
		if ((e = eg_draw_record_check(&failed, &detail, &p.rec, &di, ctx->lang)) < 0)
			rc = tool_fail_eg(e, "draw verify");
	}
	if (!rc) {
		for (size_t k = 0; k < sizeof checks / sizeof checks[0]; k++) {
			if (!p.rec.per_object && checks[k].bit >= EG_DRAW_CHECK_INSPECTORS_HASH && !(failed & checks[k].bit))
				continue; /* no pairing published, none found */
			printf(TR(ctx, "%s：%s\n", "%s: %s\n"), TR(ctx, checks[k].zh, checks[k].en),
			       failed & checks[k].bit ? TR(ctx, "不一致", "DIFFERS") : TR(ctx, "一致", "matches"));
			bad += (failed & checks[k].bit) != 0;
		}
		if (bad) {
			fputs(detail, stderr);
			rc = tool_fail(TR(ctx, "%s 与重算结果不一致（%zu 项）", "%s does not match the recomputed draw (checks failed: %zu)"),
				       pos[0], bad);
		} else {
			printf(TR(ctx, "%s 可由公布的种子和名录复现（双随机，算法版本 1）\n",
				  "%s is reproduced from its published seed and frame (double random, algorithm 1)\n"), pos[0]);
		}
	}
	eg_string_free(detail);
	published_free(&p);
	draw_in_free(&in);
	json_decref(doc);
	return rc;
}

int draw_selfcheck(const char *frame, const char *quotas, const char *inspectors, const char *conflicts, const char *seed,
		   size_t per_object)
{
	draw_in in;
	published p;
	eg_draw *d = NULL;
	json_t *doc = NULL;
	eg_draw_inputs di = EG_DRAW_INPUTS_INIT;
	unsigned int failed = 0;
	int rc;
	memset(&in, 0, sizeof in);
	memset(&p, 0, sizeof p);
	rc = draw_prepare(&in, &d, &doc, "fuzz", seed, frame, quotas, inspectors, conflicts, per_object);
	/* A fresh draw's record, read back as verify reads it, must verify on every check. */
	if (!rc && parse_published(&p, doc, "record"))
		rc = -1;
	if (!rc) {
		di.strata = (const char *const *)in.strata.s;
		di.frame_sizes = in.sizes;
		di.frame = (const char *const *)in.frame.s;
		di.n_strata = in.strata.n;
		di.inspectors = (const char *const *)in.inspectors.s;
		di.n_inspectors = in.inspectors.n;
		di.conflict_inspector = (const char *const *)in.conflict_inspector.s;
		di.conflict_object = (const char *const *)in.conflict_object.s;
		di.n_conflicts = in.conflict_inspector.n;
		if (eg_draw_record_check(&failed, NULL, &p.rec, &di, EG_LANG_EN) < 0 || failed)
			rc = -1;
	}
	published_free(&p);
	json_decref(doc);
	eg_draw_free(d);
	draw_in_free(&in);
	return rc;
}

static const char draw_help_zh[] =
	"用法：\n"
	"  ecogrid draw run 编号 --seed 种子 --frame 名录.csv --quotas 抽取数.csv\n"
	"                   [--inspectors 检查人员.csv --conflicts 回避.csv --per-object N] [--format text|json]\n"
	"      按公布的种子分层抽取检查对象（双随机，算法版本 1），并为每个对象随机匹配 N 名检查人员（回避）；\n"
	"      名录.csv：stratum,id；抽取数.csv：stratum,quota（数字，或 DG-8-city / DG-8-town 按 DG-8 比例向上取整）；\n"
	"      检查人员.csv：inspector；回避.csv：inspector,object（只列本次的检查人员和名录中的对象，\n"
	"      否则拒绝：名字写错会使回避不起作用，CJ-A1-11）。抽查记录保存在工作库中，不可替换。\n"
	"  ecogrid draw show 编号 [--format text|json]    显示已保存的抽查记录\n"
	"  ecogrid draw list                              列出已保存的抽查记录\n"
	"  ecogrid draw verify 记录.json --frame 名录.csv [--inspectors 文件 --conflicts 文件]\n"
	"      由公布的种子和名录重算并核验抽查记录（不需要工作库）\n";
static const char draw_help_en[] =
	"usage:\n"
	"  ecogrid draw run ID --seed SEED --frame FRAME.csv --quotas QUOTAS.csv\n"
	"                   [--inspectors INSPECTORS.csv --conflicts CONFLICTS.csv --per-object N] [--format text|json]\n"
	"      draw objects per stratum from the published seed (double random, algorithm 1) and pair N\n"
	"      inspectors with each, skipping conflicts of interest (回避);\n"
	"      FRAME.csv: stratum,id; QUOTAS.csv: stratum,quota (a number, or DG-8-city / DG-8-town: the DG-8\n"
	"      share of the stratum, rounded up); INSPECTORS.csv: inspector; CONFLICTS.csv: inspector,object\n"
	"      (only this draw's inspectors and frame objects, else refused: a misspelt name would leave a\n"
	"      conflict unapplied, CJ-A1-11).\n"
	"      The record is kept in the workspace and never replaced.\n"
	"  ecogrid draw show ID [--format text|json]      a kept draw record\n"
	"  ecogrid draw list                              the kept draw records\n"
	"  ecogrid draw verify RECORD.json --frame FRAME.csv [--inspectors F --conflicts F]\n"
	"      recompute a published record from its seed and the frame, and compare (no workspace needed)\n";

int cmd_draw(tool_ctx *ctx)
{
	const char *sub = ctx->argc > 0 ? ctx->argv[0] : "";
	if (wants_help(ctx, draw_help_zh, draw_help_en))
		return TOOL_OK;
	if (!strcmp(sub, "run"))
		return draw_run(ctx);
	if (!strcmp(sub, "show"))
		return draw_show(ctx, 0);
	if (!strcmp(sub, "list"))
		return draw_show(ctx, 1);
	if (!strcmp(sub, "verify"))
		return draw_verify(ctx, 1);
	fputs(TR(ctx, draw_help_zh, draw_help_en), stderr);
	return TOOL_USAGE;
}

int cmd_verify(tool_ctx *ctx)
{
	if (wants_help(ctx, draw_help_zh, draw_help_en))
		return TOOL_OK;
	return draw_verify(ctx, 0);
}
