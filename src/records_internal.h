/*
 * Internal layout of record stores, shared by the modules that keep their
 * rules in a store: records.c (the store), disclosure.c (JM-2.1), ledger.c
 * (YL) and cases.c.
 */
#ifndef EG_RECORDS_INTERNAL_H
#define EG_RECORDS_INTERNAL_H

#include <ecogrid/records.h>

#include <stdint.h>

#define VALUE_MAX 65536

typedef struct field {
	char *key, *value;
} field;

typedef struct version {
	int64_t t; /* minutes since 1970-01-01 00:00 CST */
	char time[17];
	char *actor, *reason;
	field *f; /* the full state after this version */
	size_t nf;
} version;

typedef struct record {
	char *id;
	version *v;
	size_t nv, cap;
} record;

struct eg_records {
	record *rec;
	size_t n, cap;
};

/* eg_records_put() with the fields as arrays (the store's own callers). */
int eg__records_put(eg_records *r, const char *id, const char *time, const char *actor, const char *reason,
		    const char *const *keys, const char *const *values, size_t n);
/* The record with this ID, or NULL. */
record *eg__records_find(const eg_records *r, const char *id);
/* The last version at or before t (minutes since 1970-01-01 00:00 CST), or NULL. */
const version *eg__records_as_of(const record *rec, int64_t t);
/* A field of a version's full state, or NULL when it is not set. */
const char *eg__records_field(const version *v, const char *key);

/* JM-2.1.2: a record's district-update status for a quarter against a due
 * day given as "YYYY-MM-DD" (a scheme's deadline; eg_scheme_disclosure_status()). */
int eg__disclosure_update_due(int *status, int32_t *late_days, const eg_records *r, const char *id, int year, int quarter,
			      const char *due);

#endif
