/*
 * Schemes in SQL (issue 15): a jurisdiction's rules as a versioned JSON
 * document, kept in a table as text or jsonb, or a shipped one by name.
 *
 * Loading and checking a document, the rule set in force on a date (R0.3),
 * the canonical text and its SHA-256 are the library's (eg_scheme_*()); this
 * file passes the document in and maps the results to SQL values. A
 * function taking a document loads it once per distinct document in a query
 * (the scheme is cached on the call site, fn_extra, and freed with it).
 */
#include "pg_ecogrid.h"

#include <string.h>

#include "access/htup_details.h"
#include "catalog/pg_type_d.h"
#include "funcapi.h"
#include "mb/pg_wchar.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/jsonb.h"
#include "utils/tuplestore.h"

void egpg_free_scheme(void *p) { eg_scheme_free(p); }

/* The scheme and the rule set last chosen from it, cached on a call site. */
typedef struct scheme_cache {
	struct varlena *key; /* the document argument as given (detoasted copy), or NULL */
	egpg_guard *scheme;
	char *period;        /* the date the rule set was chosen for, or NULL */
	egpg_guard *ruleset;
} scheme_cache;

/*
 * Refuse a document: the library's message (it names the place: line,
 * column and JSON pointer) and status. A jsonb document reaches the library
 * as its text form, so line and column are of that text; the pointer is the
 * same either way.
 */
static pg_attribute_noreturn() void raise_load(int rc, bool is_jsonb, const char *what)
{
	const eg_error *e = eg_error_last();
	char *msg = egpg_utf8_server(e->code == rc && e->message[0] ? e->message : eg_strerror(rc));
	ereport(ERROR, (errcode(egpg_sqlstate(rc)), errmsg("%s: %s", what, msg),
			errdetail("ecogrid status %d: %s%s", rc, eg_strerror(rc),
				  is_jsonb ? " (a jsonb document: line and column are of its text form, jsonb::text)" : "")));
}

/* Load the document of argument `arg` (text or jsonb), owned by a guard in `cxt`. */
static egpg_guard *load_arg(FunctionCallInfo fcinfo, int arg, MemoryContext cxt, const char *what)
{
	Oid type = get_fn_expr_argtype(fcinfo->flinfo, arg);
	eg_scheme *s = NULL;
	egpg_guard *g;
	char *doc;
	size_t len;
	int rc;
	if (type == JSONBOID) {
		Jsonb *jb = PG_GETARG_JSONB_P(arg);
		char *txt = JsonbToCString(NULL, &jb->root, VARSIZE(jb));
		doc = egpg_server_utf8(txt, (int)strlen(txt));
	} else if (type == TEXTOID) {
		doc = egpg_text_utf8(PG_GETARG_TEXT_PP(arg));
	} else {
		ereport(ERROR, (errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("%s: the scheme document must be text or jsonb", what)));
	}
	len = strlen(doc);
	g = egpg_guard_new(cxt, egpg_free_scheme);
	rc = eg_scheme_load_buffer(&s, NULL, doc, len);
	if (rc < 0)
		raise_load(rc, type == JSONBOID, what);
	g->obj = s;
	return g;
}

/* The cache of this call site, with the scheme of argument `arg` loaded (again only when the document differs). */
static scheme_cache *cached(FunctionCallInfo fcinfo, int arg, const char *what)
{
	MemoryContext mcxt = fcinfo->flinfo->fn_mcxt;
	scheme_cache *c = fcinfo->flinfo->fn_extra;
	struct varlena *v = PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(arg));
	if (c && c->scheme->obj && c->key && VARSIZE_ANY(v) == VARSIZE_ANY(c->key) &&
	    memcmp(v, c->key, VARSIZE_ANY(v)) == 0)
		return c;
	if (!c) {
		c = MemoryContextAllocZero(mcxt, sizeof *c);
		c->scheme = egpg_guard_new(mcxt, egpg_free_scheme);
		c->ruleset = egpg_guard_new(mcxt, egpg_free_ruleset);
		fcinfo->flinfo->fn_extra = c;
	}
	/* Forget the previous document first: an error below leaves an empty cache, never a stale one. */
	egpg_guard_release(c->ruleset);
	egpg_guard_release(c->scheme);
	if (c->key)
		pfree(c->key);
	if (c->period)
		pfree(c->period);
	c->key = NULL;
	c->period = NULL;
	{
		egpg_guard *g = load_arg(fcinfo, arg, CurrentMemoryContext, what);
		c->scheme->obj = g->obj; /* moved into the call site's guard */
		g->obj = NULL;
	}
	c->key = MemoryContextAlloc(mcxt, VARSIZE_ANY(v));
	memcpy(c->key, v, VARSIZE_ANY(v));
	return c;
}

const eg_scheme *egpg_scheme_arg(FunctionCallInfo fcinfo, int arg, const char *what)
{
	return cached(fcinfo, arg, what)->scheme->obj;
}

const eg_ruleset *egpg_scheme_ruleset_arg(FunctionCallInfo fcinfo, int arg, const char *date, const char *what)
{
	scheme_cache *c = cached(fcinfo, arg, what);
	eg_ruleset *rs = NULL;
	if (c->ruleset->obj && c->period && strcmp(c->period, date) == 0)
		return c->ruleset->obj;
	egpg_guard_release(c->ruleset);
	if (c->period)
		pfree(c->period);
	c->period = NULL;
	EGPG_CHECK(eg_scheme_ruleset(&rs, c->scheme->obj, date), what);
	c->ruleset->obj = rs;
	c->period = MemoryContextStrdup(fcinfo->flinfo->fn_mcxt, date);
	return rs;
}

/* A "YYYY-MM-DD" from the library as a date, or NULL. */
static Datum date_of(const char *s, bool *isnull)
{
	*isnull = s == NULL;
	return s ? DirectFunctionCall1(date_in, CStringGetDatum(s)) : (Datum)0;
}

/* scheme_names() → SETOF text: the shipped schemes' IDs. */
PG_FUNCTION_INFO_V1(egpg_scheme_names);
Datum egpg_scheme_names(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *)fcinfo->resultinfo;
	InitMaterializedSRF(fcinfo, MAT_SRF_USE_EXPECTED_DESC);
	for (size_t i = 0; i < eg_scheme_named_count(); i++) {
		Datum v = PointerGetDatum(egpg_utf8_text(eg_scheme_named_at(i)));
		bool n = false;
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, &v, &n);
	}
	return (Datum)0;
}

/* scheme_named(name) → text: a shipped scheme's canonical document. */
PG_FUNCTION_INFO_V1(egpg_scheme_named);
Datum egpg_scheme_named(PG_FUNCTION_ARGS)
{
	char *name = egpg_text_utf8(PG_GETARG_TEXT_PP(0));
	egpg_guard *g = egpg_guard_new(CurrentMemoryContext, egpg_free_scheme);
	eg_scheme *s = NULL;
	text *out;
	EGPG_CHECK(eg_scheme_named(&s, name), "ecogrid.scheme_named");
	g->obj = s;
	out = egpg_utf8_text(eg_scheme_text(s));
	egpg_guard_release(g);
	PG_RETURN_TEXT_P(out);
}

/* scheme_canonical(doc text|jsonb) → text: the document checked and written canonically (eg_scheme_text()). */
PG_FUNCTION_INFO_V1(egpg_scheme_canonical);
Datum egpg_scheme_canonical(PG_FUNCTION_ARGS)
{
	egpg_guard *g = load_arg(fcinfo, 0, CurrentMemoryContext, "ecogrid.scheme_canonical");
	text *out = egpg_utf8_text(eg_scheme_text(g->obj));
	egpg_guard_release(g);
	PG_RETURN_TEXT_P(out);
}

/* The i-th names of a scheme as a text[]. */
static Datum names_array(const eg_scheme *s, size_t n, const char *(*name_at)(const eg_scheme *, size_t))
{
	Datum *d = palloc(sizeof(Datum) * Max(n, 1));
	for (size_t i = 0; i < n; i++)
		d[i] = PointerGetDatum(egpg_utf8_text(name_at(s, i)));
	return PointerGetDatum(construct_array(d, (int)n, TEXTOID, -1, false, TYPALIGN_INT));
}

static Datum text_or_null(const char *s, bool *isnull)
{
	*isnull = s == NULL;
	return s ? PointerGetDatum(egpg_utf8_text(s)) : (Datum)0;
}

#define INFO_COLS 12

/*
 * scheme_info(doc text|jsonb) → ecogrid.scheme_info: what the document says
 * about itself, its validity, the SHA-256 of its canonical text, its rule
 * sets and ladders. An invalid document is an error naming the place.
 */
PG_FUNCTION_INFO_V1(egpg_scheme_info);
Datum egpg_scheme_info(PG_FUNCTION_ARGS)
{
	egpg_guard *g = load_arg(fcinfo, 0, CurrentMemoryContext, "ecogrid.scheme_info");
	const eg_scheme *s = g->obj;
	const char *from = NULL, *to = NULL;
	Datum values[INFO_COLS];
	bool nulls[INFO_COLS] = { false };
	TupleDesc td = egpg_result_tupdesc(fcinfo);
	HeapTuple tup;
	EGPG_CHECK(eg_scheme_validity(&from, &to, s), "ecogrid.scheme_info");
	values[0] = text_or_null(eg_scheme_id(s), &nulls[0]);
	values[1] = text_or_null(eg_scheme_family_name(s), &nulls[1]);
	values[2] = text_or_null(eg_scheme_title(s, EG_LANG_ZH), &nulls[2]);
	values[3] = text_or_null(eg_scheme_title(s, EG_LANG_EN), &nulls[3]);
	values[4] = text_or_null(eg_scheme_document(s), &nulls[4]);
	values[5] = text_or_null(eg_scheme_issuer(s, EG_LANG_ZH), &nulls[5]);
	values[6] = text_or_null(eg_scheme_issuer(s, EG_LANG_EN), &nulls[6]);
	values[7] = date_of(from, &nulls[7]);
	values[8] = date_of(to, &nulls[8]);
	values[9] = text_or_null(eg_scheme_sha256(s), &nulls[9]);
	values[10] = names_array(s, eg_scheme_ruleset_count(s), eg_scheme_ruleset_name);
	values[11] = names_array(s, eg_scheme_ladder_count(s), eg_scheme_ladder_name);
	tup = heap_form_tuple(td, values, nulls);
	egpg_guard_release(g);
	PG_RETURN_DATUM(HeapTupleGetDatum(tup));
}

#define RULESET_COLS 5

/*
 * scheme_ruleset(doc text|jsonb, day text) → ecogrid.ruleset_info: the rule
 * set in force on a day ("YYYY-MM-DD", or "YYYY-MM" judged on the month's
 * last day, R0.3), chosen by the library (eg_scheme_ruleset()).
 */
PG_FUNCTION_INFO_V1(egpg_scheme_ruleset);
Datum egpg_scheme_ruleset(PG_FUNCTION_ARGS)
{
	char *day = egpg_text_utf8(PG_GETARG_TEXT_PP(1));
	const eg_ruleset *rs = egpg_scheme_ruleset_arg(fcinfo, 0, day, "ecogrid.scheme_ruleset");
	const char *from = NULL, *to = NULL;
	Datum values[RULESET_COLS];
	bool nulls[RULESET_COLS] = { false };
	TupleDesc td = egpg_result_tupdesc(fcinfo);
	EGPG_CHECK(eg_ruleset_validity(&from, &to, rs), "ecogrid.scheme_ruleset");
	values[0] = text_or_null(eg_ruleset_name(rs), &nulls[0]);
	values[1] = text_or_null(eg_ruleset_document(rs), &nulls[1]);
	values[2] = date_of(from, &nulls[2]);
	values[3] = date_of(to, &nulls[3]);
	values[4] = Int32GetDatum(eg_ruleset_scale(rs));
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(td, values, nulls)));
}
