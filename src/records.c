/*
 * Append-only records: every change a new version with time, actor and
 * reason; past states read back "as of" a time; byte-exact serialisation.
 * The rules kept in stores are in disclosure.c, ledger.c and cases.c.
 */
#include <ecogrid/records.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "util/date.h"
#include "util/error.h"
#include "util/text.h"
#include "util/vec.h"
#include "records_internal.h"

static void version_clear(version *v)
{
	for (size_t i = 0; i < v->nf; i++) {
		eg__free(v->f[i].key);
		eg__free(v->f[i].value);
	}
	eg__free(v->f);
	eg__free(v->actor);
	eg__free(v->reason);
}

int eg_records_new(eg_records **out)
{
	if (!out)
		return eg__error(EG_EINVAL, "eg_records_new: out is NULL");
	*out = eg__calloc(1, sizeof **out);
	return *out ? EG_OK : eg__error_nomem("creating a record store");
}

void eg_records_free(eg_records *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->n; i++) {
		for (size_t k = 0; k < r->rec[i].nv; k++)
			version_clear(&r->rec[i].v[k]);
		eg__free(r->rec[i].v);
		eg__free(r->rec[i].id);
	}
	eg__free(r->rec);
	eg__free(r);
}

record *eg__records_find(const eg_records *r, const char *id)
{
	for (size_t i = 0; i < r->n; i++)
		if (strcmp(r->rec[i].id, id) == 0)
			return &r->rec[i];
	return NULL;
}

static char *dup(const char *s)
{
	return eg__strndup(s, strlen(s));
}

/* Validate a value: UTF-8, at most VALUE_MAX bytes (empty allowed, newlines allowed). */
static int check_value(const char *v, const char *key)
{
	size_t len;
	if (!v)
		return eg__error(EG_EINVAL, "field %s: value is NULL", key);
	len = strnlen(v, VALUE_MAX + 1);
	if (len > VALUE_MAX)
		return eg__error(EG_ERANGE, "field %s: value longer than %d bytes", key, VALUE_MAX);
	if (!eg__utf8_valid(v, len, NULL))
		return eg__error(EG_EUTF8, "field %s: value is not valid UTF-8", key);
	return EG_OK;
}

/* Build (allocate) a version; commit is done by the caller. */
static int make_version(version *nv, const version *prev, int64_t t, const char *time, const char *actor,
			const char *reason, const char *const *keys, const char *const *values, size_t n)
{
	size_t cap = (prev ? prev->nf : 0) + n;
	memset(nv, 0, sizeof *nv);
	nv->t = t;
	snprintf(nv->time, sizeof nv->time, "%s", time);
	nv->time[10] = ' ';
	nv->f = eg__calloc(cap ? cap : 1, sizeof *nv->f);
	if (!nv->f || !(nv->actor = dup(actor)) || !(nv->reason = dup(reason)))
		goto fail;
	for (size_t i = 0; prev && i < prev->nf; i++) {
		if (!(nv->f[i].key = dup(prev->f[i].key)) || !(nv->f[i].value = dup(prev->f[i].value))) {
			nv->nf = i + 1;
			goto fail;
		}
		nv->nf = i + 1;
	}
	for (size_t k = 0; k < n; k++) {
		size_t j = 0;
		char *val = dup(values[k]);
		if (!val)
			goto fail;
		while (j < nv->nf && strcmp(nv->f[j].key, keys[k]) != 0)
			j++;
		if (j < nv->nf) {
			eg__free(nv->f[j].value);
			nv->f[j].value = val;
		} else {
			nv->f[nv->nf].value = val;
			if (!(nv->f[nv->nf].key = dup(keys[k]))) {
				nv->nf++;
				goto fail;
			}
			nv->nf++;
		}
	}
	return EG_OK;
fail:
	version_clear(nv);
	return eg__error_nomem("recording a version");
}

int eg__records_put(eg_records *r, const char *id, const char *time, const char *actor, const char *reason,
		   const char *const *keys, const char *const *values, size_t n)
{
	record *rec;
	version nv;
	int64_t t;
	int rc;
	if (!r || !time || (n && (!keys || !values)))
		return eg__error(EG_EINVAL, "eg_records_put: NULL argument");
	if ((rc = eg__check_text(id, 64, "record ID")) < 0 || (rc = eg__check_text(actor, 256, "actor")) < 0 ||
	    (rc = eg__check_text(reason, 1024, "reason")) < 0)
		return rc;
	if (eg__datetime_parse(&t, time) < 0)
		return eg__error(EG_EINVAL, "record %s: time \"%.20s\" is not YYYY-MM-DD HH:MM (CST)", id, time);
	for (size_t k = 0; k < n; k++) {
		if ((rc = eg__check_text(keys[k], 64, "field name")) < 0 || (rc = check_value(values[k], keys[k])) < 0)
			return rc;
		for (size_t j = 0; j < k; j++)
			if (strcmp(keys[j], keys[k]) == 0)
				return eg__error(EG_EINVAL, "record %s: field %s is given twice", id, keys[k]);
	}
	rec = eg__records_find(r, id);
	if (!rec && n == 0)
		return eg__error(EG_EINVAL, "record %s: a new record needs at least one field", id);
	if (rec && t < rec->v[rec->nv - 1].t)
		return eg__error(EG_EINVAL, "record %s: time %s is before its last version at %s; history is append-only",
				 id, time, rec->v[rec->nv - 1].time);
	if (!rec) {
		record *t2 = eg__vec_reserve(r->rec, &r->cap, r->n + 1, sizeof *r->rec, 16);
		if (!t2)
			return eg__error_nomem("adding a record");
		r->rec = t2;
	} else {
		version *t2 = eg__vec_reserve(rec->v, &rec->cap, rec->nv + 1, sizeof *rec->v, 4);
		if (!t2)
			return eg__error_nomem("adding a version");
		rec->v = t2;
	}
	if ((rc = make_version(&nv, rec ? &rec->v[rec->nv - 1] : NULL, t, time, actor, reason, keys, values, n)) < 0)
		return rc;
	if (!rec) {
		record fresh;
		fresh.id = dup(id);
		fresh.v = eg__malloc(4 * sizeof *fresh.v);
		if (!fresh.id || !fresh.v) {
			eg__free(fresh.id);
			eg__free(fresh.v);
			version_clear(&nv);
			return eg__error_nomem("adding a record");
		}
		fresh.cap = 4;
		fresh.nv = 0;
		r->rec[r->n++] = fresh;
		rec = &r->rec[r->n - 1];
	}
	rec->v[rec->nv++] = nv;
	return EG_OK;
}

int eg_records_put_options_init(eg_records_put_options *opts, unsigned int ver)
{
	static const eg_records_put_options init = EG_RECORDS_PUT_OPTIONS_INIT;
	if (!opts)
		return eg__error(EG_EINVAL, "eg_records_put_options_init: opts is NULL");
	if (ver != EG_RECORDS_PUT_OPTIONS_VERSION)
		return eg__error(EG_EINVAL, "eg_records_put_options_init: unknown version %u (this library knows %u)", ver,
				 EG_RECORDS_PUT_OPTIONS_VERSION);
	*opts = init;
	return EG_OK;
}

int eg_records_put(eg_records *r, const char *id, const char *time, const char *actor, const char *reason,
		   const eg_records_put_options *opts)
{
	if (!opts)
		return eg__error(EG_EINVAL, "eg_records_put: opts is NULL (initialise it with EG_RECORDS_PUT_OPTIONS_INIT)");
	if (opts->version != EG_RECORDS_PUT_OPTIONS_VERSION)
		return eg__error(EG_EINVAL, "eg_records_put: opts->version %u is not %u (initialise it with EG_RECORDS_PUT_OPTIONS_INIT)",
				 opts->version, EG_RECORDS_PUT_OPTIONS_VERSION);
	return eg__records_put(r, id, time, actor, reason, opts->keys, opts->values, opts->n_fields);
}

size_t eg_records_count(const eg_records *r) { return r ? r->n : 0; }
const char *eg_records_id_at(const eg_records *r, size_t i) { return r && i < r->n ? r->rec[i].id : NULL; }

size_t eg_records_version_count(const eg_records *r, const char *id)
{
	const record *rec = r && id ? eg__records_find(r, id) : NULL;
	return rec ? rec->nv : 0;
}

const version *eg__records_as_of(const record *rec, int64_t t)
{
	const version *best = NULL;
	for (size_t k = 0; k < rec->nv; k++)
		if (rec->v[k].t <= t)
			best = &rec->v[k];
	return best;
}

const char *eg__records_field(const version *v, const char *key)
{
	for (size_t i = 0; i < v->nf; i++)
		if (strcmp(v->f[i].key, key) == 0)
			return v->f[i].value;
	return NULL;
}

int eg_records_get(const char **value, const eg_records *r, const char *id, const char *key, const char *when)
{
	const record *rec;
	const version *v;
	int64_t t = INT64_MAX;
	if (!value || !r || !id || !key)
		return eg__error(EG_EINVAL, "eg_records_get: NULL argument");
	if (when && eg__datetime_parse(&t, when) < 0)
		return eg__error(EG_EINVAL, "as_of \"%.20s\" is not YYYY-MM-DD HH:MM", when);
	if (!(rec = eg__records_find(r, id)))
		return eg__error(EG_ENOTFOUND, "record %.64s not found", id);
	if (!(v = eg__records_as_of(rec, t)))
		return eg__error(EG_ENOTFOUND, "record %s did not exist yet at %s", id, when);
	*value = eg__records_field(v, key);
	return EG_OK;
}

int eg_records_version(const char **time, const char **actor, const char **reason, const eg_records *r,
		       const char *id, size_t k)
{
	const record *rec;
	if (!time || !actor || !reason || !r || !id)
		return eg__error(EG_EINVAL, "eg_records_version: NULL argument");
	if (!(rec = eg__records_find(r, id)) || k >= rec->nv)
		return eg__error(EG_ENOTFOUND, "record %.64s has no version %zu", id, k);
	*time = rec->v[k].time;
	*actor = rec->v[k].actor;
	*reason = rec->v[k].reason;
	return EG_OK;
}

/* ------------------------------------------------------------------ */
/* Serialisation                                                          */
/* ------------------------------------------------------------------ */

static void put_str(eg__sbuf *b, const char *s)
{
	char num[24];
	size_t len = strlen(s);
	int k = snprintf(num, sizeof num, "%zu:", len);
	eg__sbuf_put(b, num, (size_t)k);
	eg__sbuf_put(b, s, len);
}

int eg_records_serialize(char **out, const eg_records *r)
{
	eg__sbuf b = { NULL, 0, 0, 0 };
	char line[64];
	if (!out || !r)
		return eg__error(EG_EINVAL, "eg_records_serialize: NULL argument");
	snprintf(line, sizeof line, "ecogrid-records 1\nrecords %zu\n", r->n);
	eg__sbuf_put(&b, line, strlen(line));
	for (size_t i = 0; i < r->n; i++) {
		const record *rec = &r->rec[i];
		eg__sbuf_put(&b, "record ", 7);
		put_str(&b, rec->id);
		snprintf(line, sizeof line, " %zu\n", rec->nv);
		eg__sbuf_put(&b, line, strlen(line));
		for (size_t k = 0; k < rec->nv; k++) {
			const version *v = &rec->v[k];
			eg__sbuf_put(&b, "version ", 8);
			eg__sbuf_put(&b, v->time, 16);
			eg__sbuf_put(&b, " ", 1);
			put_str(&b, v->actor);
			eg__sbuf_put(&b, " ", 1);
			put_str(&b, v->reason);
			snprintf(line, sizeof line, " %zu\n", v->nf);
			eg__sbuf_put(&b, line, strlen(line));
			for (size_t f = 0; f < v->nf; f++) {
				eg__sbuf_put(&b, "field ", 6);
				put_str(&b, v->f[f].key);
				eg__sbuf_put(&b, " ", 1);
				put_str(&b, v->f[f].value);
				eg__sbuf_put(&b, "\n", 1);
			}
		}
	}
	if (b.failed) {
		eg__free(b.p);
		return eg__error_nomem("serialising records");
	}
	*out = b.p;
	return EG_OK;
}

typedef struct cur {
	const char *p, *end;
	unsigned line;
} cur;

static int lit(cur *c, const char *s)
{
	size_t n = strlen(s);
	if ((size_t)(c->end - c->p) < n || memcmp(c->p, s, n) != 0)
		return eg__error(EG_EPARSE, "records line %u: expected \"%s\"", c->line, s[0] == '\n' ? "\\n" : s);
	if (s[n - 1] == '\n')
		c->line++;
	c->p += n;
	return EG_OK;
}

static int num(cur *c, size_t *v, size_t max)
{
	size_t x = 0;
	int d = 0;
	while (c->p < c->end && *c->p >= '0' && *c->p <= '9' && d < 10) {
		x = x * 10 + (size_t)(*c->p++ - '0');
		d++;
	}
	if (!d || x > max)
		return eg__error(EG_EPARSE, "records line %u: expected a number up to %zu", c->line, max);
	*v = x;
	return EG_OK;
}

/* A length-prefixed string, copied into *out (newlines inside count lines). */
static int str(cur *c, char **out, size_t max)
{
	size_t len = 0;
	int rc;
	if ((rc = num(c, &len, max)) < 0 || (rc = lit(c, ":")) < 0)
		return rc;
	if ((size_t)(c->end - c->p) < len)
		return eg__error(EG_EPARSE, "records line %u: string runs past the end", c->line);
	for (size_t i = 0; i < len; i++)
		c->line += c->p[i] == '\n';
	if (!(*out = eg__strndup(c->p, len)))
		return eg__error_nomem("parsing records");
	c->p += len;
	return EG_OK;
}

/*
 * The text must be exactly what eg_records_serialize() writes for the store
 * it describes: anything else (a field left out of a later version, fields
 * reordered, leading zeros, a record without versions, a record twice, a
 * NUL inside a string) would parse into a store whose text differs, i.e.
 * a silent change of a record. The detail names the first line that differs.
 */
static int check_canonical(const eg_records *r, const char *text, size_t len)
{
	char *back = NULL;
	size_t i = 0, blen;
	unsigned line = 1;
	int rc = eg_records_serialize(&back, r);
	if (rc < 0)
		return rc;
	blen = strlen(back);
	while (i < len && i < blen && back[i] == text[i])
		line += text[i++] == '\n';
	eg__free(back);
	if (i == len && i == blen)
		return EG_OK;
	return eg__error(EG_EPARSE, "records line %u: not as eg_records_serialize() writes it (each version lists "
			 "every field of the one before, in order; a record has a version; no leading zeros)", line);
}

int eg_records_parse(eg_records **out, const char *text, size_t len)
{
	eg_records *r = NULL;
	cur c;
	size_t n = 0;
	int rc;
	if (!out || (!text && len))
		return eg__error(EG_EINVAL, "eg_records_parse: NULL argument");
	if (!eg__utf8_valid(text, len, NULL))
		return eg__error(EG_EUTF8, "records text is not valid UTF-8");
	c.p = text;
	c.end = text + len;
	c.line = 1;
	if ((rc = eg_records_new(&r)) < 0)
		return rc;
	if ((rc = lit(&c, "ecogrid-records 1\n")) < 0 || (rc = lit(&c, "records ")) < 0 || (rc = num(&c, &n, 100000000)) < 0 ||
	    (rc = lit(&c, "\n")) < 0)
		goto fail;
	for (size_t i = 0; i < n; i++) {
		char *id = NULL;
		size_t nv = 0;
		if ((rc = lit(&c, "record ")) < 0 || (rc = str(&c, &id, 64)) < 0)
			goto fail;
		rc = lit(&c, " ");
		if (rc == EG_OK)
			rc = num(&c, &nv, 100000000);
		if (rc == EG_OK)
			rc = lit(&c, "\n");
		for (size_t k = 0; rc == EG_OK && k < nv; k++) {
			char time[17], *actor = NULL, *reason = NULL, **keys = NULL, **vals = NULL;
			size_t nf = 0, got = 0;
			if ((rc = lit(&c, "version ")) == EG_OK) {
				if (c.end - c.p < 16) {
					rc = eg__error(EG_EPARSE, "records line %u: expected a time", c.line);
				} else {
					memcpy(time, c.p, 16);
					time[16] = '\0';
					c.p += 16;
				}
			}
			if (rc == EG_OK && (rc = lit(&c, " ")) == EG_OK && (rc = str(&c, &actor, 256)) == EG_OK &&
			    (rc = lit(&c, " ")) == EG_OK && (rc = str(&c, &reason, 1024)) == EG_OK && (rc = lit(&c, " ")) == EG_OK &&
			    (rc = num(&c, &nf, 1000000)) == EG_OK && (rc = lit(&c, "\n")) == EG_OK) {
				keys = eg__calloc(nf ? nf : 1, sizeof *keys);
				vals = eg__calloc(nf ? nf : 1, sizeof *vals);
				if (!keys || !vals)
					rc = eg__error_nomem("parsing records");
				for (; rc == EG_OK && got < nf; got++) {
					if ((rc = lit(&c, "field ")) == EG_OK && (rc = str(&c, &keys[got], 64)) == EG_OK &&
					    (rc = lit(&c, " ")) == EG_OK && (rc = str(&c, &vals[got], VALUE_MAX)) == EG_OK)
						rc = lit(&c, "\n");
				}
				/* Each version stores the full state: apply it all (a superset of the change). */
				if (rc == EG_OK) {
					rc = eg__records_put(r, id, time, actor, reason, (const char *const *)keys,
							    (const char *const *)vals, nf);
					if (rc < 0 && rc != EG_ENOMEM)
						rc = eg__error(EG_EPARSE, "records line %u: %s", c.line, eg_error_last()->message);
				}
			}
			for (size_t f = 0; f < nf && keys && vals; f++) {
				eg__free(keys[f]);
				eg__free(vals[f]);
			}
			eg__free(keys);
			eg__free(vals);
			eg__free(actor);
			eg__free(reason);
		}
		eg__free(id);
		if (rc < 0)
			goto fail;
	}
	if (c.p != c.end) {
		rc = eg__error(EG_EPARSE, "records line %u: unexpected text at the end", c.line);
		goto fail;
	}
	if ((rc = check_canonical(r, text, len)) < 0)
		goto fail;
	*out = r;
	return EG_OK;
fail:
	eg_records_free(r);
	return rc;
}
