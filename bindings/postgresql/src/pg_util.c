/*
 * ecogrid inside PostgreSQL: errors, ownership of library objects, text and
 * jsonb conversions shared by the extension's functions.
 */
#include "pg_ecogrid.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "funcapi.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/json.h"
#include "utils/jsonb.h"
#include "utils/memutils.h"
#include "utils/numeric.h"

PG_MODULE_MAGIC;

static void guard_fire(void *arg)
{
	egpg_guard *g = arg;
	if (g->obj) {
		void *obj = g->obj;
		g->obj = NULL;
		g->fn(obj);
	}
}

egpg_guard *egpg_guard_new(MemoryContext cxt, void (*fn)(void *))
{
	egpg_guard *g = MemoryContextAllocZero(cxt, sizeof *g);
	g->fn = fn;
	g->cb.func = guard_fire;
	g->cb.arg = g;
	MemoryContextRegisterResetCallback(cxt, &g->cb);
	return g;
}

void egpg_guard_release(egpg_guard *g)
{
	if (g)
		guard_fire(g);
}

void egpg_free_ruleset(void *p) { eg_ruleset_free(p); }
void egpg_free_result(void *p) { eg_assess_result_free(p); }
void egpg_free_input(void *p) { eg_assess_input_free(p); }
void egpg_free_ladder(void *p) { eg_ladder_free(p); }
void egpg_free_ladder_state(void *p) { eg_ladder_state_free(p); }
void egpg_free_outcome(void *p) { eg_ladder_outcome_free(p); }
void egpg_free_profile(void *p) { eg_airq_profile_free(p); }
void egpg_free_draw(void *p) { eg_draw_free(p); }
void egpg_free_string(void *p) { eg_string_free(p); }

/* SQLSTATE of a library status code. */
int egpg_sqlstate(int rc)
{
	switch (rc) {
	case EG_EINVAL:
		return ERRCODE_INVALID_PARAMETER_VALUE;
	case EG_ENOMEM:
		return ERRCODE_OUT_OF_MEMORY;
	case EG_ENOTFOUND:
		return ERRCODE_UNDEFINED_OBJECT;
	case EG_EEXISTS:
		return ERRCODE_DUPLICATE_OBJECT;
	case EG_ERANGE:
		return ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE;
	case EG_EPARSE:
		return ERRCODE_INVALID_TEXT_REPRESENTATION;
	case EG_ESTATE:
		return ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE;
	case EG_EIO:
		return ERRCODE_IO_ERROR;
	case EG_EUTF8:
		return ERRCODE_CHARACTER_NOT_IN_REPERTOIRE;
	default:
		return ERRCODE_EXTERNAL_ROUTINE_EXCEPTION;
	}
}

void egpg_raise(int rc, const char *what)
{
	const eg_error *e = eg_error_last();
	/* Copy before anything else can call the library. */
	char *msg = egpg_utf8_server(e->code == rc && e->message[0] ? e->message : eg_strerror(rc));
	ereport(ERROR, (errcode(egpg_sqlstate(rc)), errmsg("%s: %s", what, msg),
			errdetail("ecogrid status %d: %s", rc, eg_strerror(rc))));
}

char *egpg_text_utf8(text *t)
{
	const char *s = VARDATA_ANY(t);
	int len = VARSIZE_ANY_EXHDR(t);
	char *conv = pg_server_to_any(s, len, PG_UTF8);
	return conv != s ? conv : pnstrdup(s, len);
}

char *egpg_utf8_server(const char *s)
{
	return pg_any_to_server(s, (int)strlen(s), PG_UTF8);
}

char *egpg_server_utf8(const char *s, int len)
{
	char *conv = pg_server_to_any(s, len, PG_UTF8);
	return conv != s ? conv : pnstrdup(s, len);
}

text *egpg_utf8_text(const char *s)
{
	return cstring_to_text(egpg_utf8_server(s));
}

void egpg_json_string(StringInfo buf, const char *s)
{
	if (!s)
		appendStringInfoString(buf, "null");
	else
		escape_json(buf, egpg_utf8_server(s));
}

Datum egpg_jsonb_from_text(const char *json)
{
	return DirectFunctionCall1(jsonb_in, CStringGetDatum(json));
}

char *egpg_points_text(int64 v, int scale)
{
	int digits = 0;
	uint64 mag, unit = 1;
	if (scale <= 1)
		return psprintf(INT64_FORMAT, v);
	while (unit < (uint64)scale) {
		unit *= 10;
		digits++;
	}
	if (unit != (uint64)scale)
		ereport(ERROR, (errcode(ERRCODE_INTERNAL_ERROR), errmsg("ecogrid: points scale %d is not a power of 10", scale)));
	mag = v < 0 ? (uint64)0 - (uint64)v : (uint64)v;
	return psprintf("%s%llu.%0*llu", v < 0 ? "-" : "", (unsigned long long)(mag / unit), digits,
			(unsigned long long)(mag % unit));
}

Datum egpg_numeric_from_text(const char *s)
{
	return DirectFunctionCall3(numeric_in, CStringGetDatum(s), ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1));
}

bool egpg_jsonb_get(JsonbValue *out, JsonbContainer *obj, const char *key)
{
	return getKeyJsonValueFromContainer(obj, key, (uint32)strlen(key), out) != NULL;
}

static const char *jsonb_kind(const JsonbValue *v)
{
	switch (v->type) {
	case jbvNull:
		return "null";
	case jbvString:
		return "a string";
	case jbvNumeric:
		return "a number";
	case jbvBool:
		return "a boolean";
	case jbvBinary:
		return JsonContainerIsArray(v->val.binary.data) ? "an array" : "an object";
	default:
		return "a value";
	}
}

int64 egpg_jsonb_int64(const JsonbValue *v, const char *path)
{
	char *s, *p, *end;
	long long x;
	if (v->type != jbvNumeric)
		ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("%s: must be an integer, not %s", path, jsonb_kind(v))));
	s = DatumGetCString(DirectFunctionCall1(numeric_out, NumericGetDatum(v->val.numeric)));
	/* numeric_out writes plain digits: an integer is [-]digits with at most a fraction of zeros. */
	if ((p = strchr(s, '.')) != NULL) {
		for (char *q = p + 1; *q; q++)
			if (*q != '0')
				ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						errmsg("%s: %s is not an integer", path, s)));
		*p = '\0';
	}
	errno = 0;
	x = strtoll(s, &end, 10);
	if (errno == ERANGE || *end)
		ereport(ERROR, (errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				errmsg("%s: %s does not fit a 64-bit integer", path, s)));
	return (int64)x;
}

char *egpg_jsonb_string(const JsonbValue *v, const char *path)
{
	if (v->type != jbvString)
		ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("%s: must be a string, not %s", path, jsonb_kind(v))));
	return egpg_server_utf8(v->val.string.val, v->val.string.len);
}

void egpg_jsonb_keys_only(JsonbContainer *obj, const char *const *keys, int n, const char *path)
{
	JsonbIterator *it;
	JsonbValue v;
	JsonbIteratorToken tok;
	if (!JsonContainerIsObject(obj))
		ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE), errmsg("%s: must be a JSON object", path)));
	it = JsonbIteratorInit(obj);
	while ((tok = JsonbIteratorNext(&it, &v, true)) != WJB_DONE) {
		if (tok == WJB_KEY) {
			bool known = false;
			for (int i = 0; i < n && !known; i++)
				known = strlen(keys[i]) == (size_t)v.val.string.len &&
					memcmp(keys[i], v.val.string.val, v.val.string.len) == 0;
			if (!known) {
				StringInfoData valid;
				initStringInfo(&valid);
				for (int i = 0; i < n; i++)
					appendStringInfo(&valid, "%s%s", i ? ", " : "", keys[i]);
				ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						errmsg("%s: unknown key \"%.*s\" (valid keys: %s)", path, v.val.string.len,
						       v.val.string.val, valid.data)));
			}
		}
	}
}

JsonbValue *egpg_jsonb_elements(JsonbContainer *arr, int *n, const char *path)
{
	JsonbIterator *it;
	JsonbValue v, *out;
	JsonbIteratorToken tok;
	int k = 0, cap;
	if (!JsonContainerIsArray(arr) || JsonContainerIsScalar(arr))
		ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE), errmsg("%s: must be a JSON array", path)));
	cap = Max((int)JsonContainerSize(arr), 1);
	out = palloc(sizeof *out * cap);
	it = JsonbIteratorInit(arr);
	while ((tok = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
		if (tok == WJB_ELEM && k < cap)
			out[k++] = v;
	*n = k;
	return out;
}

TupleDesc egpg_result_tupdesc(FunctionCallInfo fcinfo)
{
	TupleDesc td;
	if (get_call_result_type(fcinfo, NULL, &td) != TYPEFUNC_COMPOSITE)
		ereport(ERROR, (errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("ecogrid: function returning a record called in a context that cannot accept it")));
	return BlessTupleDesc(td);
}

/* version() → the C library's version, e.g. "0.1.0". */
PG_FUNCTION_INFO_V1(egpg_version);
Datum egpg_version(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(cstring_to_text(eg_version()));
}
