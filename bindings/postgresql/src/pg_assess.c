/*
 * Assessment in SQL (CJ-A2-5.1 to CJ-A2-5.10, CJ-A2-6.1 to CJ-A2-6.3,
 * JM-2.2): ecogrid.score and ecogrid.score_many parse a unit's inputs from
 * jsonb, score them with the library and return the score, grade, veto,
 * fail reasons and the trace.
 *
 * Inputs (every key optional; the rule set decides what each item is):
 *   { "items": { "1": true, "4": 3 },      status items true/false, deduction items counts
 *     "adverse": ["7"],                    deduction items whose problems caused adverse effects (CJ-A2-5.7)
 *     "bonus": 1,                          bonus events (CJ-A2-5.8)
 *     "problems": [["regional"], ["national", "prefecture"]],   media levels per problem (CJ-A2-5.9)
 *     "forced_fail": ["CJ-A2-6.3-c"] }     forced-fail conditions (CJ-A2-6.3)
 */
#include "pg_ecogrid.h"

#include <string.h>

#include "access/htup_details.h"
#include "catalog/pg_type_d.h"
#include "funcapi.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"
#include "utils/tuplestore.h"

/* ------------------------------------------------------------------ */
/* Rule sets by scheme name, cached per call site for the query          */
/* ------------------------------------------------------------------ */

typedef struct ruleset_cache {
	char *key;
	egpg_guard *g;
} ruleset_cache;

/* The rule set named `scheme` (a preset: changji-2023, jiangmen-2021). */
static const eg_ruleset *ruleset_for(FunctionCallInfo fcinfo, const char *scheme, const char *what)
{
	ruleset_cache *c = fcinfo->flinfo->fn_extra;
	eg_ruleset *rs = NULL;
	if (c && c->g->obj && strcmp(c->key, scheme) == 0)
		return c->g->obj;
	if (!c) {
		c = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof *c);
		c->g = egpg_guard_new(fcinfo->flinfo->fn_mcxt, egpg_free_ruleset);
		fcinfo->flinfo->fn_extra = c;
	}
	egpg_guard_release(c->g);
	if (c->key)
		pfree(c->key);
	c->key = NULL;
	EGPG_CHECK(eg_ruleset_preset(&rs, scheme), what);
	c->g->obj = rs;
	c->key = MemoryContextStrdup(fcinfo->flinfo->fn_mcxt, scheme);
	return rs;
}

/* ------------------------------------------------------------------ */
/* Inputs from jsonb                                                     */
/* ------------------------------------------------------------------ */

static const char *const input_keys[] = { "items", "adverse", "bonus", "problems", "forced_fail" };

static char *key_text(const JsonbValue *k)
{
	return egpg_server_utf8(k->val.string.val, k->val.string.len);
}

static void apply_inputs(eg_assess_input *in, JsonbContainer *obj, const char *path)
{
	JsonbValue v;
	egpg_jsonb_keys_only(obj, input_keys, lengthof(input_keys), path);
	if (egpg_jsonb_get(&v, obj, "items")) {
		JsonbIterator *it;
		JsonbValue k, x;
		JsonbIteratorToken tok;
		if (v.type != jbvBinary || !JsonContainerIsObject(v.val.binary.data))
			ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					errmsg("%s.items: must be an object item -> true/false (status) or count (deduction)", path)));
		it = JsonbIteratorInit(v.val.binary.data);
		while ((tok = JsonbIteratorNext(&it, &k, true)) != WJB_DONE) {
			char *id, *where;
			if (tok != WJB_KEY)
				continue;
			id = key_text(&k);
			where = psprintf("%s.items.%s", path, id);
			tok = JsonbIteratorNext(&it, &x, true);
			if (x.type == jbvBool)
				EGPG_CHECK(eg_assess_input_set_status(in, id, x.val.boolean ? 1 : 0), where);
			else if (x.type == jbvNumeric)
				EGPG_CHECK(eg_assess_input_set_count(in, id, egpg_jsonb_int64(&x, where)), where);
			else
				ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						errmsg("%s: must be true/false (status item) or a count (deduction item)", where)));
		}
	}
	if (egpg_jsonb_get(&v, obj, "adverse")) {
		int n;
		JsonbValue *e;
		char *where = psprintf("%s.adverse", path);
		if (v.type != jbvBinary)
			ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE), errmsg("%s: must be a JSON array of item IDs", where)));
		e = egpg_jsonb_elements(v.val.binary.data, &n, where);
		for (int i = 0; i < n; i++) {
			char *w = psprintf("%s[%d]", where, i);
			EGPG_CHECK(eg_assess_input_set_adverse(in, egpg_jsonb_string(&e[i], w), 1), w);
		}
	}
	if (egpg_jsonb_get(&v, obj, "bonus")) {
		char *where = psprintf("%s.bonus", path);
		EGPG_CHECK(eg_assess_input_set_bonus(in, egpg_jsonb_int64(&v, where)), where);
	}
	if (egpg_jsonb_get(&v, obj, "problems")) {
		int n;
		JsonbValue *e;
		char *where = psprintf("%s.problems", path);
		if (v.type != jbvBinary)
			ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					errmsg("%s: must be a JSON array of problems, each an array of media levels", where)));
		e = egpg_jsonb_elements(v.val.binary.data, &n, where);
		for (int i = 0; i < n; i++) {
			char *w = psprintf("%s[%d]", where, i);
			int nl;
			JsonbValue *l;
			const char **levels;
			if (e[i].type != jbvBinary)
				ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						errmsg("%s: must be an array of media levels", w)));
			l = egpg_jsonb_elements(e[i].val.binary.data, &nl, w);
			levels = palloc(sizeof(char *) * Max(nl, 1));
			for (int j = 0; j < nl; j++)
				levels[j] = egpg_jsonb_string(&l[j], psprintf("%s[%d]", w, j));
			EGPG_CHECK(eg_assess_input_add_problem(in, levels, (size_t)nl), w);
		}
	}
	if (egpg_jsonb_get(&v, obj, "forced_fail")) {
		int n;
		JsonbValue *e;
		char *where = psprintf("%s.forced_fail", path);
		if (v.type != jbvBinary)
			ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					errmsg("%s: must be a JSON array of condition IDs", where)));
		e = egpg_jsonb_elements(v.val.binary.data, &n, where);
		for (int i = 0; i < n; i++) {
			char *w = psprintf("%s[%d]", where, i);
			EGPG_CHECK(eg_assess_input_add_forced_fail(in, egpg_jsonb_string(&e[i], w)), w);
		}
	}
}

/* New inputs for rs from a jsonb object, owned by a guard in the current context. */
static egpg_guard *inputs_from(const eg_ruleset *rs, JsonbContainer *obj, const char *path, const char *what)
{
	egpg_guard *g = egpg_guard_new(CurrentMemoryContext, egpg_free_input);
	eg_assess_input *in = NULL;
	EGPG_CHECK(eg_assess_input_new(&in, rs), what);
	g->obj = in;
	if (!JsonContainerIsObject(obj))
		ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE), errmsg("%s: must be a JSON object", path)));
	apply_inputs(in, obj, path);
	return g;
}

/* ------------------------------------------------------------------ */
/* Results                                                               */
/* ------------------------------------------------------------------ */

#define SCORE_COLS 5

static void result_values(Datum *values, bool *nulls, const eg_assess_result *r, int scale)
{
	StringInfoData t;
	size_t nf = eg_assess_result_fail_count(r), nt = eg_assess_result_trace_count(r);
	Datum *fails = palloc(sizeof(Datum) * Max(nf, 1));
	int grade = eg_assess_result_grade(r);
	memset(nulls, 0, sizeof(bool) * SCORE_COLS);
	values[0] = egpg_numeric_from_text(egpg_points_text(eg_assess_result_score(r), scale));
	nulls[1] = grade == EG_GRADE_NONE;
	if (!nulls[1])
		values[1] = PointerGetDatum(egpg_utf8_text(eg_grade_name(grade)));
	values[2] = BoolGetDatum(eg_assess_result_veto(r) != 0);
	for (size_t i = 0; i < nf; i++)
		fails[i] = PointerGetDatum(egpg_utf8_text(eg_assess_result_fail_at(r, i)));
	values[3] = PointerGetDatum(construct_array(fails, (int)nf, TEXTOID, -1, false, TYPALIGN_INT));
	initStringInfo(&t);
	appendStringInfoChar(&t, '[');
	for (size_t i = 0; i < nt; i++) {
		const eg_trace *e = eg_assess_result_trace_at(r, i);
		appendStringInfoString(&t, i ? ", {\"rule\": " : "{\"rule\": ");
		egpg_json_string(&t, eg_trace_rule(e));
		appendStringInfoString(&t, ", \"subject\": ");
		egpg_json_string(&t, eg_trace_subject(e));
		appendStringInfo(&t, ", \"count\": " INT64_FORMAT ", \"before\": %s, \"after\": %s, \"message\": ",
				 (int64)eg_trace_count(e), egpg_points_text(eg_trace_before(e), scale),
				 egpg_points_text(eg_trace_after(e), scale));
		egpg_json_string(&t, eg_trace_message(e, EG_LANG_ZH));
		appendStringInfoString(&t, ", \"message_en\": ");
		egpg_json_string(&t, eg_trace_message(e, EG_LANG_EN));
		appendStringInfoChar(&t, '}');
	}
	appendStringInfoChar(&t, ']');
	values[4] = egpg_jsonb_from_text(t.data);
}

/* One unit's score under rs: ecogrid.score_result. */
static Datum score_one(FunctionCallInfo fcinfo, const eg_ruleset *rs, const char *period, Jsonb *inputs, const char *what)
{
	egpg_guard *in = inputs_from(rs, &inputs->root, "inputs", what);
	egpg_guard *res = egpg_guard_new(CurrentMemoryContext, egpg_free_result);
	eg_assess_result *r = NULL;
	Datum values[SCORE_COLS];
	bool nulls[SCORE_COLS];
	TupleDesc td = egpg_result_tupdesc(fcinfo);
	EGPG_CHECK(eg_assess_score(&r, rs, in->obj, period), what);
	res->obj = r;
	result_values(values, nulls, r, eg_ruleset_scale(rs));
	egpg_guard_release(res);
	egpg_guard_release(in);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(td, values, nulls)));
}

/* score(scheme text, period text, inputs jsonb) → ecogrid.score_result, scheme a preset's name. */
PG_FUNCTION_INFO_V1(egpg_score);
Datum egpg_score(PG_FUNCTION_ARGS)
{
	char *scheme = egpg_text_utf8(PG_GETARG_TEXT_PP(0)), *period = egpg_text_utf8(PG_GETARG_TEXT_PP(1));
	const eg_ruleset *rs = ruleset_for(fcinfo, scheme, "ecogrid.score");
	return score_one(fcinfo, rs, period, PG_GETARG_JSONB_P(2), "ecogrid.score");
}

/*
 * score(scheme jsonb, period text, inputs jsonb) → ecogrid.score_result under
 * the rule set of a scheme document in force in the period (eg_scheme_ruleset()).
 */
PG_FUNCTION_INFO_V1(egpg_score_scheme);
Datum egpg_score_scheme(PG_FUNCTION_ARGS)
{
	char *period = egpg_text_utf8(PG_GETARG_TEXT_PP(1));
	const eg_ruleset *rs = egpg_scheme_ruleset_arg(fcinfo, 0, period, "ecogrid.score");
	return score_one(fcinfo, rs, period, PG_GETARG_JSONB_P(2), "ecogrid.score");
}

/* Many units ({unit: inputs}) under rs → SETOF (unit, score, grade, veto, fail_reasons, trace), all or nothing. */
static Datum score_many(FunctionCallInfo fcinfo, const eg_ruleset *rs, const char *period, Jsonb *units)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *)fcinfo->resultinfo;
	int n = 0, cap, scale = eg_ruleset_scale(rs);
	char **ids;
	egpg_guard **inputs, **results;
	eg_assess_result **r;
	const eg_assess_input **in;
	JsonbIterator *it;
	JsonbValue k, v;
	JsonbIteratorToken tok;
	InitMaterializedSRF(fcinfo, 0);
	if (!JsonContainerIsObject(&units->root))
		ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("ecogrid.score_many: units must be a JSON object unit -> inputs")));
	cap = Max((int)JsonContainerSize(&units->root), 1);
	ids = palloc(sizeof(char *) * cap);
	inputs = palloc(sizeof(egpg_guard *) * cap);
	in = palloc(sizeof(eg_assess_input *) * cap);
	it = JsonbIteratorInit(&units->root);
	while ((tok = JsonbIteratorNext(&it, &k, true)) != WJB_DONE) {
		char *path;
		if (tok != WJB_KEY)
			continue;
		ids[n] = key_text(&k);
		path = psprintf("units.%s", ids[n]);
		JsonbIteratorNext(&it, &v, true);
		if (v.type != jbvBinary)
			ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE), errmsg("%s: must be a JSON object", path)));
		inputs[n] = inputs_from(rs, v.val.binary.data, path, "ecogrid.score_many");
		in[n] = inputs[n]->obj;
		n++;
	}
	r = palloc0(sizeof(eg_assess_result *) * cap);
	results = palloc(sizeof(egpg_guard *) * cap);
	for (int i = 0; i < n; i++)
		results[i] = egpg_guard_new(CurrentMemoryContext, egpg_free_result);
	/* All or nothing: on failure no result is left allocated. */
	EGPG_CHECK(eg_assess_score_many(r, rs, in, (size_t)n, period), "ecogrid.score_many");
	for (int i = 0; i < n; i++)
		results[i]->obj = r[i];
	for (int i = 0; i < n; i++) {
		Datum values[SCORE_COLS + 1];
		bool nulls[SCORE_COLS + 1];
		values[0] = PointerGetDatum(egpg_utf8_text(ids[i]));
		nulls[0] = false;
		result_values(values + 1, nulls + 1, r[i], scale);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
		egpg_guard_release(results[i]);
		egpg_guard_release(inputs[i]);
	}
	return (Datum)0;
}

/* score_many(scheme text, period, units jsonb {unit: inputs}), scheme a preset's name. */
PG_FUNCTION_INFO_V1(egpg_score_many);
Datum egpg_score_many(PG_FUNCTION_ARGS)
{
	char *scheme = egpg_text_utf8(PG_GETARG_TEXT_PP(0)), *period = egpg_text_utf8(PG_GETARG_TEXT_PP(1));
	const eg_ruleset *rs = ruleset_for(fcinfo, scheme, "ecogrid.score_many");
	return score_many(fcinfo, rs, period, PG_GETARG_JSONB_P(2));
}

/* score_many(scheme jsonb, period, units jsonb) under the rule set of a scheme document in force in the period. */
PG_FUNCTION_INFO_V1(egpg_score_many_scheme);
Datum egpg_score_many_scheme(PG_FUNCTION_ARGS)
{
	char *period = egpg_text_utf8(PG_GETARG_TEXT_PP(1));
	const eg_ruleset *rs = egpg_scheme_ruleset_arg(fcinfo, 0, period, "ecogrid.score_many");
	return score_many(fcinfo, rs, period, PG_GETARG_JSONB_P(2));
}
