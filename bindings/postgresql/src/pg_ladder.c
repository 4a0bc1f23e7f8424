/*
 * Escalation ladders in SQL (CJ-A2-7.3, CJ-A2-7.1, CJ-A3-4, CJ-M-4.3,
 * DG-65/66, DG-63, JM-2.3): an ordered aggregate that steps a ladder month
 * by month over the rows of a group of units, and a function that steps
 * one month from a stored state. Both return jsonb:
 *
 *   { "ladder": "CJ-A2-7.3", "last_month": "2026-10",
 *     "months": [ { "month": "2026-09", "units": [ { "unit": "A", "severity": 2,
 *                  "action": "interview", "clauses": [ { "rule": …, "action": …,
 *                  "message": …, "message_en": … } ] } ] } ],
 *     "state": "ecogrid-ladder-state 1\n…" }
 *
 * "state" is the library's serialised ladder state: store it and pass it to
 * ecogrid.ladder_step next month instead of replaying the history.
 */
#include "pg_ecogrid.h"

#include <string.h>

#include "catalog/pg_type_d.h"
#include "utils/array.h"
#include "utils/builtins.h"

typedef struct ladder_run {
	char *name;
	egpg_guard *ladder; /* eg_ladder */
	egpg_guard *state;  /* eg_ladder_state */
	char *month;        /* the month being collected, or NULL */
	int n, cap;
	char **units;
	int64 *values;
	int *flags;
	bool any_flag;
	StringInfoData months; /* JSON of the months stepped so far */
	int n_months;
	MemoryContext cxt;
	struct varlena *scheme; /* the scheme document the ladder is from (a copy), or NULL: a preset */
} ladder_run;

/* Set up a run of the ladder `name`: a preset's, or the scheme's when `scheme` is given (eg_scheme_ladder()). */
static void run_init(ladder_run *r, MemoryContext cxt, const eg_scheme *scheme, const char *name, const char *state,
		     const char *what)
{
	eg_ladder *l = NULL;
	eg_ladder_state *s = NULL;
	MemoryContext old = MemoryContextSwitchTo(cxt);
	r->cxt = cxt;
	r->name = pstrdup(name);
	r->ladder = egpg_guard_new(cxt, egpg_free_ladder);
	r->state = egpg_guard_new(cxt, egpg_free_ladder_state);
	initStringInfo(&r->months);
	MemoryContextSwitchTo(old);
	if (scheme)
		EGPG_CHECK(eg_scheme_ladder(&l, scheme, name), what);
	else
		EGPG_CHECK(eg_ladder_preset(&l, name), what);
	r->ladder->obj = l;
	if (state)
		EGPG_CHECK(eg_ladder_state_parse(&s, l, state, strlen(state)), what);
	else
		EGPG_CHECK(eg_ladder_state_new(&s, l), what);
	r->state->obj = s;
}

static void run_add(ladder_run *r, const char *unit, int64 value, bool flag)
{
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 16;
		if ((Size)r->cap * sizeof(char *) > MaxAllocSize)
			ereport(ERROR, (errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED), errmsg("ecogrid.ladder: too many units in a month")));
		r->units = r->units ? repalloc(r->units, sizeof(char *) * r->cap) : MemoryContextAlloc(r->cxt, sizeof(char *) * r->cap);
		r->values = r->values ? repalloc(r->values, sizeof(int64) * r->cap) : MemoryContextAlloc(r->cxt, sizeof(int64) * r->cap);
		r->flags = r->flags ? repalloc(r->flags, sizeof(int) * r->cap) : MemoryContextAlloc(r->cxt, sizeof(int) * r->cap);
	}
	r->units[r->n] = MemoryContextStrdup(r->cxt, unit);
	r->values[r->n] = value;
	r->flags[r->n] = flag ? 1 : 0;
	r->any_flag |= flag;
	r->n++;
}

#define AGG_HINT "Months are stepped in order: aggregate with ORDER BY month."

/* Step the collected month and append its outcome to the JSON. */
static void run_step(ladder_run *r, const char *what, const char *order_hint)
{
	egpg_guard *og;
	eg_ladder_outcome *o = NULL;
	StringInfo t = &r->months;
	MemoryContext old;
	if (!r->month)
		return;
	og = egpg_guard_new(CurrentMemoryContext, egpg_free_outcome);
	{
		eg_ladder_step_options opts = EG_LADDER_STEP_OPTIONS_INIT;
		int rc;
		opts.units = (const char *const *)r->units;
		opts.values = r->values;
		opts.flags = r->any_flag ? r->flags : NULL;
		opts.n_units = (size_t)r->n;
		rc = eg_ladder_step(&o, r->state->obj, r->month, &opts);
		if (rc == EG_ESTATE) {
			const char *msg = egpg_utf8_server(eg_error_last()->message);
			ereport(ERROR, (errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE), errmsg("%s: %s", what, msg),
					errhint("%s", order_hint)));
		}
		EGPG_CHECK(rc, what);
	}
	og->obj = o;
	old = MemoryContextSwitchTo(r->cxt);
	appendStringInfoString(t, r->n_months ? ", {\"month\": " : "{\"month\": ");
	egpg_json_string(t, r->month);
	appendStringInfoString(t, ", \"units\": [");
	for (size_t i = 0; i < eg_ladder_outcome_count(o); i++) {
		size_t nc = eg_ladder_outcome_clause_count(o, i);
		appendStringInfoString(t, i ? ", {\"unit\": " : "{\"unit\": ");
		egpg_json_string(t, eg_ladder_outcome_unit(o, i));
		appendStringInfo(t, ", \"severity\": %d, \"action\": ", eg_ladder_outcome_severity(o, i));
		egpg_json_string(t, eg_ladder_outcome_action(o, i));
		appendStringInfoString(t, ", \"clauses\": [");
		for (size_t k = 0; k < nc; k++) {
			appendStringInfoString(t, k ? ", {\"rule\": " : "{\"rule\": ");
			egpg_json_string(t, eg_ladder_outcome_clause_rule(o, i, k));
			appendStringInfoString(t, ", \"action\": ");
			egpg_json_string(t, eg_ladder_outcome_clause_action(o, i, k));
			appendStringInfoString(t, ", \"message\": ");
			egpg_json_string(t, eg_ladder_outcome_clause_message(o, i, k, EG_LANG_ZH));
			appendStringInfoString(t, ", \"message_en\": ");
			egpg_json_string(t, eg_ladder_outcome_clause_message(o, i, k, EG_LANG_EN));
			appendStringInfoChar(t, '}');
		}
		appendStringInfoString(t, "]}");
	}
	appendStringInfoString(t, "]}");
	MemoryContextSwitchTo(old);
	egpg_guard_release(og);
	r->n_months++;
	for (int i = 0; i < r->n; i++)
		pfree(r->units[i]);
	r->n = 0;
	r->any_flag = false;
	pfree(r->month);
	r->month = NULL;
}

/* The result document: the months stepped and the serialised state. */
static Datum run_result(ladder_run *r, const char *what)
{
	StringInfoData t;
	char *state = NULL;
	egpg_guard *sg = egpg_guard_new(CurrentMemoryContext, egpg_free_string);
	const char *last = eg_ladder_state_last_month(r->state->obj);
	Datum out;
	EGPG_CHECK(eg_ladder_state_serialize(&state, r->state->obj), what);
	sg->obj = state;
	initStringInfo(&t);
	appendStringInfoString(&t, "{\"ladder\": ");
	egpg_json_string(&t, r->name);
	appendStringInfoString(&t, ", \"last_month\": ");
	egpg_json_string(&t, last);
	appendStringInfo(&t, ", \"months\": [%s], \"state\": ", r->months.data);
	egpg_json_string(&t, state);
	appendStringInfoChar(&t, '}');
	egpg_guard_release(sg);
	out = egpg_jsonb_from_text(t.data);
	pfree(t.data);
	return out;
}

/*
 * Transition of ecogrid.ladder([scheme jsonb,] ladder, month, unit, value [, flag]) ORDER BY month.
 * A row with a NULL value leaves the unit out of that month (not observed: a gap, R0.4).
 * `from` is 1, or 2 when a scheme document comes first.
 */
static Datum ladder_trans(FunctionCallInfo fcinfo, int from)
{
	MemoryContext aggcxt;
	ladder_run *r;
	char *name, *month;
	if (!AggCheckCallContext(fcinfo, &aggcxt))
		elog(ERROR, "ecogrid.ladder: transition function called outside an aggregate");
	r = PG_ARGISNULL(0) ? NULL : (ladder_run *)PG_GETARG_POINTER(0);
	for (int i = 1; i < from + 3; i++)
		if (PG_ARGISNULL(i))
			ereport(ERROR, (errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					errmsg("ecogrid.ladder: the %s is NULL",
					       i < from ? "scheme" : i == from ? "ladder" : i == from + 1 ? "month" : "unit")));
	name = egpg_text_utf8(PG_GETARG_TEXT_PP(from));
	if (!r) {
		r = MemoryContextAllocZero(aggcxt, sizeof *r);
		if (from > 1) {
			struct varlena *doc = PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(1));
			run_init(r, aggcxt, egpg_scheme_arg(fcinfo, 1, "ecogrid.ladder"), name, NULL, "ecogrid.ladder");
			r->scheme = MemoryContextAlloc(aggcxt, VARSIZE_ANY(doc));
			memcpy(r->scheme, doc, VARSIZE_ANY(doc));
		} else {
			run_init(r, aggcxt, NULL, name, NULL, "ecogrid.ladder");
		}
	} else if (strcmp(r->name, name) != 0) {
		ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("ecogrid.ladder: ladders %s and %s in one group", r->name, name)));
	} else if (from > 1) {
		struct varlena *doc = PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(1));
		if (VARSIZE_ANY(doc) != VARSIZE_ANY(r->scheme) || memcmp(doc, r->scheme, VARSIZE_ANY(doc)) != 0)
			ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					errmsg("ecogrid.ladder: two scheme documents in one group")));
	}
	if (PG_ARGISNULL(from + 3))
		PG_RETURN_POINTER(r);
	month = egpg_text_utf8(PG_GETARG_TEXT_PP(from + 1));
	if (r->month && strcmp(r->month, month) != 0)
		run_step(r, "ecogrid.ladder", AGG_HINT);
	if (!r->month)
		r->month = MemoryContextStrdup(aggcxt, month);
	run_add(r, egpg_text_utf8(PG_GETARG_TEXT_PP(from + 2)), PG_GETARG_INT64(from + 3),
		PG_NARGS() > from + 4 && !PG_ARGISNULL(from + 4) && PG_GETARG_BOOL(from + 4));
	PG_RETURN_POINTER(r);
}

PG_FUNCTION_INFO_V1(egpg_ladder_trans);
Datum egpg_ladder_trans(PG_FUNCTION_ARGS)
{
	return ladder_trans(fcinfo, 1);
}

/* Transition of ecogrid.ladder(scheme jsonb, ladder, month, unit, value [, flag]): the scheme's ladder. */
PG_FUNCTION_INFO_V1(egpg_ladder_scheme_trans);
Datum egpg_ladder_scheme_trans(PG_FUNCTION_ARGS)
{
	return ladder_trans(fcinfo, 2);
}

PG_FUNCTION_INFO_V1(egpg_ladder_final);
Datum egpg_ladder_final(PG_FUNCTION_ARGS)
{
	ladder_run *r = PG_ARGISNULL(0) ? NULL : (ladder_run *)PG_GETARG_POINTER(0);
	if (!r)
		PG_RETURN_NULL();
	run_step(r, "ecogrid.ladder", AGG_HINT);
	PG_RETURN_DATUM(run_result(r, "ecogrid.ladder"));
}

/*
 * ladder_step([scheme jsonb,] ladder, state, month, units, values, flags):
 * one month from a stored state (NULL: a fresh one); flags may be NULL.
 * `from` is 0, or 1 when a scheme document comes first.
 */
static Datum ladder_step(FunctionCallInfo fcinfo, int from)
{
	ladder_run r;
	Datum *u, *v, *f = NULL;
	bool *un, *vn, *fn = NULL;
	int nu, nv, nf = 0;
	for (int i = 0; i < from + 5; i++)
		if (i != from + 1 && PG_ARGISNULL(i))
			PG_RETURN_NULL();
	memset(&r, 0, sizeof r);
	run_init(&r, CurrentMemoryContext, from ? egpg_scheme_arg(fcinfo, 0, "ecogrid.ladder_step") : NULL,
		 egpg_text_utf8(PG_GETARG_TEXT_PP(from)),
		 PG_ARGISNULL(from + 1) ? NULL : egpg_text_utf8(PG_GETARG_TEXT_PP(from + 1)), "ecogrid.ladder_step");
	deconstruct_array(PG_GETARG_ARRAYTYPE_P(from + 3), TEXTOID, -1, false, TYPALIGN_INT, &u, &un, &nu);
	deconstruct_array(PG_GETARG_ARRAYTYPE_P(from + 4), INT8OID, sizeof(int64), FLOAT8PASSBYVAL, TYPALIGN_DOUBLE, &v, &vn,
			  &nv);
	if (!PG_ARGISNULL(from + 5))
		deconstruct_array(PG_GETARG_ARRAYTYPE_P(from + 5), BOOLOID, 1, true, TYPALIGN_CHAR, &f, &fn, &nf);
	if (nv != nu || (f && nf != nu))
		ereport(ERROR, (errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				errmsg("ecogrid.ladder_step: %d units, %d values%s; one value%s per unit", nu, nv,
				       f ? psprintf(" and %d flags", nf) : "", f ? " and one flag" : "")));
	r.month = egpg_text_utf8(PG_GETARG_TEXT_PP(from + 2));
	for (int i = 0; i < nu; i++) {
		if (un[i] || vn[i] || (f && fn[i]))
			ereport(ERROR, (errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					errmsg("ecogrid.ladder_step: element %d of units, values or flags is NULL", i + 1)));
		run_add(&r, egpg_text_utf8(DatumGetTextPP(u[i])), DatumGetInt64(v[i]), f && DatumGetBool(f[i]));
	}
	run_step(&r, "ecogrid.ladder_step", "The state has seen that month or a later one: step the month after its last_month.");
	PG_RETURN_DATUM(run_result(&r, "ecogrid.ladder_step"));
}

PG_FUNCTION_INFO_V1(egpg_ladder_step);
Datum egpg_ladder_step(PG_FUNCTION_ARGS)
{
	return ladder_step(fcinfo, 0);
}

/* ladder_step(scheme jsonb, ladder, state, month, units, values, flags): a ladder of a scheme document. */
PG_FUNCTION_INFO_V1(egpg_ladder_step_scheme);
Datum egpg_ladder_step_scheme(PG_FUNCTION_ARGS)
{
	return ladder_step(fcinfo, 1);
}
