/*
 * ecogrid inside PostgreSQL: helpers shared by the extension's files.
 *
 * The extension parses SQL values, calls the C library and turns its results
 * into SQL values: every rule is decided in the library (src/), never here.
 *
 * Memory: SQL-side data lives in palloc contexts. Objects the library
 * allocates (rule sets, results, ladder states, draws) are owned by a guard
 * registered as a reset callback on a memory context, so an error thrown
 * anywhere (ereport longjmps) still frees them when the context goes away,
 * and nothing survives the call, the group or the query that made it.
 */
#ifndef EGPG_H
#define EGPG_H

#include "postgres.h"

#include "fmgr.h"
#include "access/tupdesc.h"
#include "lib/stringinfo.h"
#include "utils/memutils.h"
#include "utils/jsonb.h"

#include <ecogrid/ecogrid.h>

/*
 * The helpers below are internal to the module: hidden, so that the server,
 * which loads modules RTLD_GLOBAL, exports only the SQL-callable functions.
 */
#pragma GCC visibility push(hidden)

/** A library object owned by a memory context: freed when the context is reset or deleted. */
typedef struct egpg_guard {
	MemoryContextCallback cb;
	void *obj;                /* the object, or NULL */
	void (*fn)(void *);       /* its _free function */
} egpg_guard;

/* A guard in `cxt` for objects freed by `fn`; set ->obj once the object exists. */
egpg_guard *egpg_guard_new(MemoryContext cxt, void (*fn)(void *));
/* Free the guarded object now (the guard stays registered, empty). */
void egpg_guard_release(egpg_guard *g);

/* The _free functions with a void * argument, for guards. */
void egpg_free_ruleset(void *p);
void egpg_free_result(void *p);
void egpg_free_input(void *p);
void egpg_free_ladder(void *p);
void egpg_free_ladder_state(void *p);
void egpg_free_outcome(void *p);
void egpg_free_profile(void *p);
void egpg_free_draw(void *p);
void egpg_free_string(void *p);
void egpg_free_scheme(void *p);

/*
 * Raise the library's failure `rc` as an SQL error: the SQLSTATE follows the
 * status code (EG_EINVAL → 22023, EG_ERANGE → 22003, EG_ENOTFOUND → 42704,
 * ...), the message is "<what>: <the library's message>".
 */
pg_attribute_noreturn() void egpg_raise(int rc, const char *what);
/* The SQLSTATE of a library status code (as egpg_raise() uses). */
int egpg_sqlstate(int rc);

#define EGPG_CHECK(call, what)                          \
	do {                                            \
		int egpg_rc_ = (call);                  \
		if (egpg_rc_ < 0)                       \
			egpg_raise(egpg_rc_, (what));   \
	} while (0)

/* A text argument as a NUL-terminated UTF-8 string (palloc'd; converted from the server encoding). */
char *egpg_text_utf8(text *t);
/* A UTF-8 string from the library as a text value in the server encoding. */
text *egpg_utf8_text(const char *s);
/* A UTF-8 string from the library in the server encoding (palloc'd or s itself). */
char *egpg_utf8_server(const char *s);
/* A string in the server encoding as UTF-8 (palloc'd or s itself). */
char *egpg_server_utf8(const char *s, int len);

/* Append `s` (UTF-8) to a JSON text as a JSON string (in the server encoding). */
void egpg_json_string(StringInfo buf, const char *s);
/* A JSON text as a jsonb value. */
Datum egpg_jsonb_from_text(const char *json);

/* Points in scale units as an exact numeric text, e.g. -5 at scale 10 -> "-0.5". */
char *egpg_points_text(int64 v, int scale);
Datum egpg_numeric_from_text(const char *s);

/*
 * jsonb helpers: the value at key of an object (NULL when absent), a jsonb
 * number as an int64 (an error naming `path` when it is not an integer or
 * does not fit), a string (UTF-8, palloc'd).
 */
bool egpg_jsonb_get(JsonbValue *out, JsonbContainer *obj, const char *key);
int64 egpg_jsonb_int64(const JsonbValue *v, const char *path);
char *egpg_jsonb_string(const JsonbValue *v, const char *path);
/* Check that an object has only the given keys (an error names the first other and lists the valid ones). */
void egpg_jsonb_keys_only(JsonbContainer *obj, const char *const *keys, int n, const char *path);
/* The elements of a jsonb array container as palloc'd JsonbValues (scalars copied, containers as binary). */
JsonbValue *egpg_jsonb_elements(JsonbContainer *arr, int *n, const char *path);

/*
 * The scheme document of argument `arg` (text or jsonb), loaded by the
 * library once per distinct document on this call site (fn_extra) and freed
 * with it; an invalid document is an error naming the place. The second
 * form gives the scheme's rule set in force on `date` (eg_scheme_ruleset()),
 * kept until the document or the date changes.
 */
const eg_scheme *egpg_scheme_arg(FunctionCallInfo fcinfo, int arg, const char *what);
const eg_ruleset *egpg_scheme_ruleset_arg(FunctionCallInfo fcinfo, int arg, const char *date, const char *what);

/* The tuple descriptor of the calling function's composite result. */
TupleDesc egpg_result_tupdesc(FunctionCallInfo fcinfo);

#pragma GCC visibility pop

#endif
