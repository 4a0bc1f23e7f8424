/*
 * Inspection in SQL: the double-random draw (双随机, draw algorithm 1) over a
 * frame table and the check of a published record against a frame table,
 * the DG-6 pool and the DG-8/10/11 quotas.
 *
 * A draw record is the JSON that `ecogrid draw run --format json` publishes
 * (docs/schema/draw-record.schema.json):
 *   { "id": "2026Q4", "rule": "双随机", "algorithm": 1, "seed": "…", "frame_hash": "…",
 *     "strata": [ { "name": "key", "size": 31, "quota": 4, "quota_rule": "DG-8-city" } ],
 *     "per_object": 0, "selected": [ { "stratum": "key", "id": "E017", "inspectors": [] } ],
 *     "skips": [], "inspectors_hash": null }
 * The check itself is the library's (eg_draw_record_check()).
 */
#include "pg_ecogrid.h"

#include <string.h>

#include "access/htup_details.h"
#include "catalog/pg_type_d.h"
#include "funcapi.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"

/* Rows (stratum, id) or (id, amount) collected by an aggregate, with its per-group constants. */
typedef struct rows {
	int n, cap;
	char **a;
	char **b;      /* second text column, or NULL */
	int64 *x;      /* or a number */
	Datum cst[4];  /* per-group varlena arguments (record, strata, seed, people), copied */
	int32 share;   /* the per-group DG-6 threshold */
} rows;

static rows *rows_get(FunctionCallInfo fcinfo, MemoryContext *cxt, const char *what)
{
	if (!AggCheckCallContext(fcinfo, cxt))
		elog(ERROR, "%s: transition function called outside an aggregate", what);
	if (PG_ARGISNULL(0))
		return MemoryContextAllocZero(*cxt, sizeof(rows));
	return (rows *)PG_GETARG_POINTER(0);
}

static void rows_push(rows *r, MemoryContext cxt, const char *a, const char *b, int64 x)
{
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 64;
		if ((Size)r->cap * sizeof(char *) > MaxAllocSize)
			ereport(ERROR, (errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED), errmsg("ecogrid: too many rows in one group")));
		r->a = r->a ? repalloc(r->a, sizeof(char *) * r->cap) : MemoryContextAlloc(cxt, sizeof(char *) * r->cap);
		r->b = r->b ? repalloc(r->b, sizeof(char *) * r->cap) : MemoryContextAlloc(cxt, sizeof(char *) * r->cap);
		r->x = r->x ? repalloc(r->x, sizeof(int64) * r->cap) : MemoryContextAlloc(cxt, sizeof(int64) * r->cap);
	}
	r->a[r->n] = MemoryContextStrdup(cxt, a);
	r->b[r->n] = b ? MemoryContextStrdup(cxt, b) : NULL;
	r->x[r->n] = x;
	r->n++;
}

/* Argument `arg` (a varlena: text, jsonb, array) is the same on every row of a group: kept as slot k. */
static void rows_constant(rows *r, MemoryContext cxt, FunctionCallInfo fcinfo, int arg, int k, const char *what,
			  const char *name)
{
	struct varlena *v = PG_DETOAST_DATUM(PG_GETARG_DATUM(arg));
	if (r->cst[k] == (Datum)0) {
		struct varlena *copy = MemoryContextAlloc(cxt, VARSIZE(v));
		memcpy(copy, v, VARSIZE(v));
		r->cst[k] = PointerGetDatum(copy);
	} else if (VARSIZE(v) != VARSIZE(DatumGetPointer(r->cst[k])) ||
		   memcmp(v, DatumGetPointer(r->cst[k]), VARSIZE(v)) != 0) {
		ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("%s: the %s differs between rows of one group", what, name)));
	}
}

static void no_nulls(FunctionCallInfo fcinfo, int from, int to, const char *what, const char *const *names)
{
	for (int i = from; i <= to; i++)
		if (PG_ARGISNULL(i))
			ereport(ERROR, (errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED), errmsg("%s: %s is NULL", what, names[i - from])));
}

static void bad(const char *path, const char *what)
{
	ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE), errmsg("%s: %s", path, what)));
}

/* The value at key of a jsonb object, which must be there. */
static JsonbValue need(JsonbContainer *obj, const char *key, const char *path)
{
	JsonbValue v;
	if (!egpg_jsonb_get(&v, obj, key))
		bad(psprintf("%s.%s", path, key), "is missing");
	return v;
}

static JsonbContainer *need_container(const JsonbValue *v, bool array, const char *path)
{
	if (v->type != jbvBinary || (array ? !JsonContainerIsArray(v->val.binary.data) : !JsonContainerIsObject(v->val.binary.data)))
		bad(path, array ? "must be a JSON array" : "must be a JSON object");
	return v->val.binary.data;
}

/* ------------------------------------------------------------------ */
/* Draws                                                                 */
/* ------------------------------------------------------------------ */

/* The quota rules a published stratum may name (DG-8). */
static int quota_rule(const char *name, const char *path)
{
	if (strcmp(name, "DG-8-city") == 0)
		return EG_INSPECT_QUOTA_DG8_CITY;
	if (strcmp(name, "DG-8-town") == 0)
		return EG_INSPECT_QUOTA_DG8_TOWN;
	bad(path, psprintf("quota_rule \"%s\" is not DG-8-city, DG-8-town or null", egpg_utf8_server(name)));
	return -1;
}

/* The frame rows grouped by stratum: strata in `order` first (the names they have), then the others as they come. */
typedef struct frame {
	int n;
	const char **names;
	size_t *sizes;
	const char **ids; /* stratum after stratum */
} frame;

static void frame_of(frame *f, const rows *r, const char *const *order, int n_order)
{
	const char **names = palloc(sizeof(char *) * (n_order + r->n + 1));
	size_t *sizes = palloc0(sizeof(size_t) * (n_order + r->n + 1));
	int n = 0, *next;
	for (int i = 0; i < n_order; i++)
		names[n++] = order[i];
	for (int k = 0; k < r->n; k++) {
		int i = 0;
		while (i < n && strcmp(names[i], r->a[k]) != 0)
			i++;
		if (i == n)
			names[n++] = r->a[k];
		sizes[i]++;
	}
	/* A stratum without a row is not the frame's. */
	f->names = palloc(sizeof(char *) * (n + 1));
	f->sizes = palloc(sizeof(size_t) * (n + 1));
	f->n = 0;
	for (int i = 0; i < n; i++)
		if (sizes[i]) {
			f->names[f->n] = names[i];
			f->sizes[f->n++] = sizes[i];
		}
	next = palloc0(sizeof(int) * (f->n + 1));
	for (int i = 1; i < f->n; i++)
		next[i] = next[i - 1] + (int)f->sizes[i - 1];
	f->ids = palloc(sizeof(char *) * (r->n + 1));
	for (int k = 0; k < r->n; k++)
		for (int i = 0; i < f->n; i++)
			if (strcmp(f->names[i], r->a[k]) == 0) {
				f->ids[next[i]++] = r->b[k];
				break;
			}
}

static const char *const draw_args[] = { "draw_id", "seed", "strata", "stratum", "id" };

/* Transition of ecogrid.draw(draw_id text, seed text, strata jsonb, stratum text, id text). */
PG_FUNCTION_INFO_V1(egpg_draw_trans);
Datum egpg_draw_trans(PG_FUNCTION_ARGS)
{
	MemoryContext cxt;
	rows *r = rows_get(fcinfo, &cxt, "ecogrid.draw");
	no_nulls(fcinfo, 1, 5, "ecogrid.draw", draw_args);
	rows_constant(r, cxt, fcinfo, 1, 0, "ecogrid.draw", "draw_id");
	rows_constant(r, cxt, fcinfo, 2, 1, "ecogrid.draw", "seed");
	rows_constant(r, cxt, fcinfo, 3, 2, "ecogrid.draw", "strata list");
	rows_push(r, cxt, egpg_text_utf8(PG_GETARG_TEXT_PP(4)), egpg_text_utf8(PG_GETARG_TEXT_PP(5)), 0);
	PG_RETURN_POINTER(r);
}

/*
 * The published record of a draw (the shape `ecogrid verify` reads). The
 * strata list gives each stratum its quota, or its DG-8 quota rule
 * ({"name": "key", "quota_rule": "DG-8-city"}: eg_inspect_quota() of its size).
 */
PG_FUNCTION_INFO_V1(egpg_draw_final);
Datum egpg_draw_final(PG_FUNCTION_ARGS)
{
	static const char *const keys[] = { "name", "quota", "quota_rule" };
	rows *r = PG_ARGISNULL(0) ? NULL : (rows *)PG_GETARG_POINTER(0);
	char *draw_id, *seed;
	Jsonb *list;
	JsonbValue *e;
	int n;
	const char **names;
	size_t *quotas;
	const char **rules;
	frame f;
	eg_draw_frame_options fo = EG_DRAW_FRAME_OPTIONS_INIT;
	egpg_guard *g;
	eg_draw *d = NULL;
	StringInfoData t;
	if (!r || r->n == 0)
		PG_RETURN_NULL();
	draw_id = egpg_text_utf8((text *)DatumGetPointer(r->cst[0]));
	seed = egpg_text_utf8((text *)DatumGetPointer(r->cst[1]));
	list = (Jsonb *)DatumGetPointer(r->cst[2]);
	e = egpg_jsonb_elements(&list->root, &n, "strata");
	names = palloc(sizeof(char *) * (n + 1));
	quotas = palloc(sizeof(size_t) * (n + 1));
	rules = palloc0(sizeof(char *) * (n + 1));
	for (int i = 0; i < n; i++) {
		char *w = psprintf("strata[%d]", i);
		JsonbContainer *o = need_container(&e[i], false, w);
		JsonbValue v;
		egpg_jsonb_keys_only(o, keys, lengthof(keys), w);
		v = need(o, "name", w);
		names[i] = egpg_jsonb_string(&v, psprintf("%s.name", w));
		for (int k = 0; k < i; k++)
			if (strcmp(names[k], names[i]) == 0)
				bad(psprintf("%s.name", w), psprintf("stratum \"%s\" is listed twice", egpg_utf8_server(names[i])));
		if (egpg_jsonb_get(&v, o, "quota_rule") && v.type != jbvNull) {
			rules[i] = egpg_jsonb_string(&v, psprintf("%s.quota_rule", w));
			quota_rule(rules[i], psprintf("%s.quota_rule", w));
			if (egpg_jsonb_get(&v, o, "quota"))
				bad(w, "give a quota or a quota_rule, not both");
			quotas[i] = 0;
		} else {
			int64 q;
			v = need(o, "quota", w);
			q = egpg_jsonb_int64(&v, psprintf("%s.quota", w));
			if (q < 0)
				bad(psprintf("%s.quota", w), psprintf(INT64_FORMAT " is negative", q));
			quotas[i] = (size_t)q;
		}
	}
	frame_of(&f, r, names, n);
	for (int i = 0; i < f.n; i++) {
		int k = 0;
		while (k < n && strcmp(names[k], f.names[i]) != 0)
			k++;
		if (k == n)
			ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					errmsg("ecogrid.draw: frame rows of stratum \"%s\", which the strata list does not have",
					       egpg_utf8_server(f.names[i]))));
	}
	if (f.n != n)
		for (int k = 0; k < n; k++) {
			int i = 0;
			while (i < f.n && strcmp(names[k], f.names[i]) != 0)
				i++;
			if (i == f.n)
				ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						errmsg("ecogrid.draw: stratum \"%s\" has no row in the frame", egpg_utf8_server(names[k]))));
		}
	/* f.names is in the list's order now; a quota rule's quota comes from the stratum's size (DG-8). */
	for (int i = 0; i < n; i++)
		if (rules[i]) {
			int64_t q;
			EGPG_CHECK(eg_inspect_quota(&q, quota_rule(rules[i], "strata"), (int64_t)f.sizes[i]), "ecogrid.draw");
			quotas[i] = (size_t)q;
		}
	fo.strata = f.names;
	fo.frame_sizes = f.sizes;
	fo.frame = f.ids;
	fo.quotas = quotas;
	fo.n_strata = (size_t)f.n;
	g = egpg_guard_new(CurrentMemoryContext, egpg_free_draw);
	EGPG_CHECK(eg_draw_objects(&d, seed, &fo), "ecogrid.draw");
	g->obj = d;
	initStringInfo(&t);
	appendStringInfoString(&t, "{\"id\": ");
	egpg_json_string(&t, draw_id);
	appendStringInfo(&t, ", \"rule\": \"双随机\", \"algorithm\": %d, \"seed\": ", eg_draw_algorithm(d));
	egpg_json_string(&t, seed);
	appendStringInfoString(&t, ", \"frame_hash\": ");
	egpg_json_string(&t, eg_draw_frame_hash(d));
	appendStringInfoString(&t, ", \"strata\": [");
	for (int i = 0; i < f.n; i++) {
		appendStringInfoString(&t, i ? ", {\"name\": " : "{\"name\": ");
		egpg_json_string(&t, f.names[i]);
		appendStringInfo(&t, ", \"size\": %zu, \"quota\": %zu, \"quota_rule\": ", f.sizes[i], quotas[i]);
		egpg_json_string(&t, rules[i]);
		appendStringInfoChar(&t, '}');
	}
	appendStringInfoString(&t, "], \"per_object\": 0, \"selected\": [");
	for (size_t i = 0; i < eg_draw_selected_count(d); i++) {
		appendStringInfoString(&t, i ? ", {\"stratum\": " : "{\"stratum\": ");
		egpg_json_string(&t, eg_draw_selected_stratum(d, i));
		appendStringInfoString(&t, ", \"id\": ");
		egpg_json_string(&t, eg_draw_selected(d, i));
		appendStringInfoString(&t, ", \"inspectors\": []}");
	}
	appendStringInfoString(&t, "], \"skips\": [], \"inspectors_hash\": null}");
	egpg_guard_release(g);
	PG_RETURN_DATUM(egpg_jsonb_from_text(t.data));
}

static const char *const verify_args[] = { "record", "stratum", "id", "inspectors", "conflicts" };

/*
 * Transition of ecogrid.draw_verify(record jsonb, stratum text, id text
 * [, inspectors text[], conflicts jsonb]).
 */
PG_FUNCTION_INFO_V1(egpg_draw_verify_trans);
Datum egpg_draw_verify_trans(PG_FUNCTION_ARGS)
{
	MemoryContext cxt;
	rows *r = rows_get(fcinfo, &cxt, "ecogrid.draw_verify");
	no_nulls(fcinfo, 1, PG_NARGS() - 1, "ecogrid.draw_verify", verify_args);
	rows_constant(r, cxt, fcinfo, 1, 0, "ecogrid.draw_verify", "record");
	if (PG_NARGS() > 4) {
		rows_constant(r, cxt, fcinfo, 4, 1, "ecogrid.draw_verify", "inspector list");
		rows_constant(r, cxt, fcinfo, 5, 2, "ecogrid.draw_verify", "conflict list");
	}
	rows_push(r, cxt, egpg_text_utf8(PG_GETARG_TEXT_PP(2)), egpg_text_utf8(PG_GETARG_TEXT_PP(3)), 0);
	PG_RETURN_POINTER(r);
}

/* The text elements of a text[] (NULL elements refused). */
static const char **text_elements(ArrayType *a, int *n, const char *what)
{
	Datum *d;
	bool *nulls;
	const char **out;
	deconstruct_array(a, TEXTOID, -1, false, TYPALIGN_INT, &d, &nulls, n);
	out = palloc(sizeof(char *) * (*n + 1));
	for (int i = 0; i < *n; i++) {
		if (nulls[i])
			ereport(ERROR, (errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED), errmsg("%s: element %d is NULL", what, i + 1)));
		out[i] = egpg_text_utf8(DatumGetTextPP(d[i]));
	}
	return out;
}

/* A published record into the library's eg_draw_record (strings borrowed from palloc'd copies). */
static void record_of(eg_draw_record *rec, Jsonb *doc)
{
	static const char *const top[] = { "id", "rule", "algorithm", "seed", "frame_hash", "strata", "per_object",
					   "selected", "skips", "inspectors_hash" };
	static const char *const sk[] = { "name", "size", "quota", "quota_rule" }, *const selk[] = { "stratum", "id", "inspectors" },
				 *const skipk[] = { "inspector", "object" };
	JsonbContainer *root = &doc->root;
	JsonbValue v, *st, *sel, *sk_e;
	int ns, nsel, nsk;
	int64 per, alg;
	const char **names, **ids, **sel_strata, **ins, **si, **so;
	int64_t *sizes, *quotas;
	int *rules;
	if (!JsonContainerIsObject(root))
		bad("record", "must be a JSON object");
	egpg_jsonb_keys_only(root, top, lengthof(top), "record");
	for (size_t i = 0; i < lengthof(top); i++)
		need(root, top[i], "record");
	v = need(root, "rule", "record");
	if (strcmp(egpg_jsonb_string(&v, "record.rule"), "双随机") != 0)
		bad("record.rule", "must be \"双随机\"");
	v = need(root, "algorithm", "record");
	alg = egpg_jsonb_int64(&v, "record.algorithm");
	if (alg < INT_MIN || alg > INT_MAX)
		ereport(ERROR, (errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE), errmsg("record.algorithm: out of range")));
	rec->algorithm = (int)alg;
	v = need(root, "seed", "record");
	rec->seed = egpg_jsonb_string(&v, "record.seed");
	v = need(root, "frame_hash", "record");
	rec->frame_hash = egpg_jsonb_string(&v, "record.frame_hash");
	v = need(root, "per_object", "record");
	per = egpg_jsonb_int64(&v, "record.per_object");
	if (per < 0 || per > 100)
		bad("record.per_object", "must be 0-100");
	rec->per_object = (size_t)per;
	v = need(root, "inspectors_hash", "record");
	rec->inspectors_hash = v.type == jbvNull ? NULL : egpg_jsonb_string(&v, "record.inspectors_hash");

	v = need(root, "strata", "record");
	st = egpg_jsonb_elements(need_container(&v, true, "record.strata"), &ns, "record.strata");
	names = palloc(sizeof(char *) * (ns + 1));
	sizes = palloc(sizeof(int64_t) * (ns + 1));
	quotas = palloc(sizeof(int64_t) * (ns + 1));
	rules = palloc(sizeof(int) * (ns + 1));
	for (int i = 0; i < ns; i++) {
		char *w = psprintf("record.strata[%d]", i);
		JsonbContainer *o = need_container(&st[i], false, w);
		egpg_jsonb_keys_only(o, sk, lengthof(sk), w);
		v = need(o, "name", w);
		names[i] = egpg_jsonb_string(&v, psprintf("%s.name", w));
		v = need(o, "size", w);
		sizes[i] = egpg_jsonb_int64(&v, psprintf("%s.size", w));
		v = need(o, "quota", w);
		quotas[i] = egpg_jsonb_int64(&v, psprintf("%s.quota", w));
		v = need(o, "quota_rule", w);
		rules[i] = v.type == jbvNull ? -1 : quota_rule(egpg_jsonb_string(&v, psprintf("%s.quota_rule", w)), w);
	}
	v = need(root, "selected", "record");
	sel = egpg_jsonb_elements(need_container(&v, true, "record.selected"), &nsel, "record.selected");
	ids = palloc(sizeof(char *) * (nsel + 1));
	sel_strata = palloc(sizeof(char *) * (nsel + 1));
	ins = palloc(sizeof(char *) * ((Size)nsel * (Size)per + 1));
	for (int i = 0; i < nsel; i++) {
		char *w = psprintf("record.selected[%d]", i);
		JsonbContainer *o = need_container(&sel[i], false, w);
		JsonbValue *iv;
		int ni;
		egpg_jsonb_keys_only(o, selk, lengthof(selk), w);
		v = need(o, "stratum", w);
		sel_strata[i] = egpg_jsonb_string(&v, psprintf("%s.stratum", w));
		v = need(o, "id", w);
		ids[i] = egpg_jsonb_string(&v, psprintf("%s.id", w));
		v = need(o, "inspectors", w);
		iv = egpg_jsonb_elements(need_container(&v, true, psprintf("%s.inspectors", w)), &ni, w);
		if (ni != per)
			bad(psprintf("%s.inspectors", w), psprintf("must list per_object (" INT64_FORMAT ") inspectors", per));
		for (int k = 0; k < ni; k++)
			ins[(Size)i * (Size)per + k] = egpg_jsonb_string(&iv[k], psprintf("%s.inspectors[%d]", w, k));
	}
	v = need(root, "skips", "record");
	sk_e = egpg_jsonb_elements(need_container(&v, true, "record.skips"), &nsk, "record.skips");
	si = palloc(sizeof(char *) * (nsk + 1));
	so = palloc(sizeof(char *) * (nsk + 1));
	for (int i = 0; i < nsk; i++) {
		char *w = psprintf("record.skips[%d]", i);
		JsonbContainer *o = need_container(&sk_e[i], false, w);
		egpg_jsonb_keys_only(o, skipk, lengthof(skipk), w);
		v = need(o, "inspector", w);
		si[i] = egpg_jsonb_string(&v, psprintf("%s.inspector", w));
		v = need(o, "object", w);
		so[i] = egpg_jsonb_string(&v, psprintf("%s.object", w));
	}
	rec->n_strata = (size_t)ns;
	rec->strata = names;
	rec->sizes = sizes;
	rec->quotas = quotas;
	rec->quota_rules = rules;
	rec->n_selected = (size_t)nsel;
	rec->selected = ids;
	rec->selected_strata = sel_strata;
	rec->inspectors = per ? ins : NULL;
	rec->n_skips = (size_t)nsk;
	rec->skip_inspectors = si;
	rec->skip_objects = so;
}

static const char *const check_names[] = { "algorithm", "frame_hash", "strata", "sizes", "quotas",
					    "selection", "inspectors_hash", "pairing", "skips" };

/*
 * Check every field of a published record against the frame rows (and the
 * inspector list and conflicts when given): eg_draw_record_check(). The
 * frame's strata are taken in the record's order, then any others.
 * Returns (ok, failed, detail, detail_en).
 */
PG_FUNCTION_INFO_V1(egpg_draw_verify_final);
Datum egpg_draw_verify_final(PG_FUNCTION_ARGS)
{
	rows *r = PG_ARGISNULL(0) ? NULL : (rows *)PG_GETARG_POINTER(0);
	eg_draw_record rec = EG_DRAW_RECORD_INIT;
	eg_draw_inputs in = EG_DRAW_INPUTS_INIT;
	frame f;
	unsigned int failed = 0;
	char *detail[2] = { NULL, NULL };
	egpg_guard *g[2];
	Datum names[lengthof(check_names)], values[4];
	bool nulls[4] = { false };
	int nf = 0;
	TupleDesc td;
	if (!r || r->n == 0)
		PG_RETURN_NULL();
	record_of(&rec, (Jsonb *)DatumGetPointer(r->cst[0]));
	frame_of(&f, r, rec.strata, (int)rec.n_strata);
	in.strata = f.names;
	in.frame_sizes = f.sizes;
	in.frame = f.ids;
	in.n_strata = (size_t)f.n;
	if (r->cst[1] != (Datum)0) {
		Jsonb *conf = (Jsonb *)DatumGetPointer(r->cst[2]);
		int ni, nc;
		JsonbValue *c;
		const char **ci, **co;
		in.inspectors = text_elements((ArrayType *)DatumGetPointer(r->cst[1]), &ni, "ecogrid.draw_verify: inspectors");
		in.n_inspectors = (size_t)ni;
		c = egpg_jsonb_elements(&conf->root, &nc, "conflicts");
		ci = palloc(sizeof(char *) * (nc + 1));
		co = palloc(sizeof(char *) * (nc + 1));
		for (int i = 0; i < nc; i++) {
			static const char *const ck[] = { "inspector", "object" };
			char *w = psprintf("conflicts[%d]", i);
			JsonbContainer *o = need_container(&c[i], false, w);
			JsonbValue v;
			egpg_jsonb_keys_only(o, ck, lengthof(ck), w);
			v = need(o, "inspector", w);
			ci[i] = egpg_jsonb_string(&v, psprintf("%s.inspector", w));
			v = need(o, "object", w);
			co[i] = egpg_jsonb_string(&v, psprintf("%s.object", w));
		}
		in.conflict_inspector = ci;
		in.conflict_object = co;
		in.n_conflicts = (size_t)nc;
	}
	for (int l = 0; l < 2; l++) {
		g[l] = egpg_guard_new(CurrentMemoryContext, egpg_free_string);
		EGPG_CHECK(eg_draw_record_check(&failed, &detail[l], &rec, &in, l == 0 ? EG_LANG_ZH : EG_LANG_EN),
			   "ecogrid.draw_verify");
		g[l]->obj = detail[l];
	}
	for (size_t i = 0; i < lengthof(check_names); i++)
		if (failed & (1u << i))
			names[nf++] = PointerGetDatum(cstring_to_text(check_names[i]));
	td = egpg_result_tupdesc(fcinfo);
	values[0] = BoolGetDatum(failed == 0);
	values[1] = PointerGetDatum(construct_array(names, nf, TEXTOID, -1, false, TYPALIGN_INT));
	values[2] = PointerGetDatum(egpg_utf8_text(detail[0]));
	values[3] = PointerGetDatum(egpg_utf8_text(detail[1]));
	egpg_guard_release(g[0]);
	egpg_guard_release(g[1]);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(td, values, nulls)));
}

/* ------------------------------------------------------------------ */
/* DG-6 pool and quotas                                                  */
/* ------------------------------------------------------------------ */

static const char *const pool_args[] = { "id", "emissions", "share_permille" };

/* Transition of ecogrid.inspect_pool(id text, emissions bigint, share_permille integer). */
PG_FUNCTION_INFO_V1(egpg_pool_trans);
Datum egpg_pool_trans(PG_FUNCTION_ARGS)
{
	MemoryContext cxt;
	rows *r = rows_get(fcinfo, &cxt, "ecogrid.inspect_pool");
	int32 share;
	no_nulls(fcinfo, 1, 3, "ecogrid.inspect_pool", pool_args);
	share = PG_GETARG_INT32(3);
	if (r->n > 0 && share != r->share)
		ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("ecogrid.inspect_pool: share_permille %d and %d in one group", r->share, share)));
	r->share = share;
	rows_push(r, cxt, egpg_text_utf8(PG_GETARG_TEXT_PP(1)), NULL, PG_GETARG_INT64(2));
	PG_RETURN_POINTER(r);
}

/* The DG-6 pool: enterprise IDs in pool order (emissions descending, ties at the cut all taken). */
PG_FUNCTION_INFO_V1(egpg_pool_final);
Datum egpg_pool_final(PG_FUNCTION_ARGS)
{
	rows *r = PG_ARGISNULL(0) ? NULL : (rows *)PG_GETARG_POINTER(0);
	size_t *pool, count = 0;
	Datum *ids;
	if (!r || r->n == 0)
		PG_RETURN_NULL();
	pool = palloc(sizeof(size_t) * r->n);
	EGPG_CHECK(eg_inspect_pool(pool, &count, (const char *const *)r->a, r->x, (size_t)r->n, r->share),
		   "ecogrid.inspect_pool");
	ids = palloc(sizeof(Datum) * Max(count, 1));
	for (size_t i = 0; i < count; i++)
		ids[i] = PointerGetDatum(egpg_utf8_text(r->a[pool[i]]));
	PG_RETURN_ARRAYTYPE_P(construct_array(ids, (int)count, TEXTOID, -1, false, TYPALIGN_INT));
}

/* inspect_quota(rule, n): the minimum number to inspect (DG-8, DG-10, DG-11), rounded up. */
PG_FUNCTION_INFO_V1(egpg_quota);
Datum egpg_quota(PG_FUNCTION_ARGS)
{
	static const struct {
		const char *name;
		int rule;
	} rules[] = { { "DG-8-city", EG_INSPECT_QUOTA_DG8_CITY },   { "DG-8-town", EG_INSPECT_QUOTA_DG8_TOWN },
		      { "DG-10-city", EG_INSPECT_QUOTA_DG10_CITY }, { "DG-10-town", EG_INSPECT_QUOTA_DG10_TOWN },
		      { "DG-11", EG_INSPECT_QUOTA_DG11 } };
	char *name = egpg_text_utf8(PG_GETARG_TEXT_PP(0));
	int64_t out;
	for (size_t i = 0; i < lengthof(rules); i++)
		if (strcmp(rules[i].name, name) == 0) {
			EGPG_CHECK(eg_inspect_quota(&out, rules[i].rule, PG_GETARG_INT64(1)), "ecogrid.inspect_quota");
			PG_RETURN_INT64(out);
		}
	ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			errmsg("ecogrid.inspect_quota: no quota rule \"%s\" (DG-8-city, DG-8-town, DG-10-city, DG-10-town, DG-11)",
			       egpg_utf8_server(name))));
}
