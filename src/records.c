/*
 * Append-only records (JM-2.1, YL-2, YL-5.5, CJ-A4, CJ-A2-5.3): every change
 * a new version with time, actor and reason; past states read back "as of"
 * a time; byte-exact serialisation.
 */
#include <ecogrid/records.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "util/date.h"
#include "util/error.h"
#include "util/text.h"

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

static record *find(const eg_records *r, const char *id)
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

int eg_records_put(eg_records *r, const char *id, const char *time, const char *actor, const char *reason,
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
	rec = find(r, id);
	if (!rec && n == 0)
		return eg__error(EG_EINVAL, "record %s: a new record needs at least one field", id);
	if (rec && t < rec->v[rec->nv - 1].t)
		return eg__error(EG_EINVAL, "record %s: time %s is before its last version at %s; history is append-only",
				 id, time, rec->v[rec->nv - 1].time);
	if (!rec && r->n == r->cap) {
		size_t nc = r->cap ? r->cap * 2 : 16;
		record *t2 = eg__realloc(r->rec, nc * sizeof *t2);
		if (!t2)
			return eg__error_nomem("adding a record");
		r->rec = t2;
		r->cap = nc;
	}
	if (rec && rec->nv == rec->cap) {
		size_t nc = rec->cap * 2;
		version *t2 = eg__realloc(rec->v, nc * sizeof *t2);
		if (!t2)
			return eg__error_nomem("adding a version");
		rec->v = t2;
		rec->cap = nc;
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

size_t eg_records_count(const eg_records *r) { return r ? r->n : 0; }
const char *eg_records_id_at(const eg_records *r, size_t i) { return r && i < r->n ? r->rec[i].id : NULL; }

size_t eg_records_version_count(const eg_records *r, const char *id)
{
	const record *rec = r && id ? find(r, id) : NULL;
	return rec ? rec->nv : 0;
}

static const version *as_of(const record *rec, int64_t t)
{
	const version *best = NULL;
	for (size_t k = 0; k < rec->nv; k++)
		if (rec->v[k].t <= t)
			best = &rec->v[k];
	return best;
}

static const char *field_of(const version *v, const char *key)
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
	if (!(rec = find(r, id)))
		return eg__error(EG_ENOTFOUND, "record %.64s not found", id);
	if (!(v = as_of(rec, t)))
		return eg__error(EG_ENOTFOUND, "record %s did not exist yet at %s", id, when);
	*value = field_of(v, key);
	return EG_OK;
}

int eg_records_version(const char **time, const char **actor, const char **reason, const eg_records *r,
		       const char *id, size_t k)
{
	const record *rec;
	if (!time || !actor || !reason || !r || !id)
		return eg__error(EG_EINVAL, "eg_records_version: NULL argument");
	if (!(rec = find(r, id)) || k >= rec->nv)
		return eg__error(EG_ENOTFOUND, "record %.64s has no version %zu", id, k);
	*time = rec->v[k].time;
	*actor = rec->v[k].actor;
	*reason = rec->v[k].reason;
	return EG_OK;
}

/* ------------------------------------------------------------------ */
/* Serialisation                                                          */
/* ------------------------------------------------------------------ */

typedef struct sbuf {
	char *p;
	size_t n, cap;
	int failed;
} sbuf;

static void put(sbuf *b, const char *s, size_t len)
{
	if (b->failed)
		return;
	if (b->n + len + 1 > b->cap) {
		size_t nc = b->cap ? b->cap : 256;
		char *t;
		while (nc < b->n + len + 1)
			nc *= 2;
		if (!(t = eg__realloc(b->p, nc))) {
			b->failed = 1;
			return;
		}
		b->p = t;
		b->cap = nc;
	}
	memcpy(b->p + b->n, s, len);
	b->n += len;
	b->p[b->n] = '\0';
}

static void put_str(sbuf *b, const char *s)
{
	char num[24];
	size_t len = strlen(s);
	int k = snprintf(num, sizeof num, "%zu:", len);
	put(b, num, (size_t)k);
	put(b, s, len);
}

int eg_records_serialize(char **out, const eg_records *r)
{
	sbuf b = { NULL, 0, 0, 0 };
	char line[64];
	if (!out || !r)
		return eg__error(EG_EINVAL, "eg_records_serialize: NULL argument");
	snprintf(line, sizeof line, "ecogrid-records 1\nrecords %zu\n", r->n);
	put(&b, line, strlen(line));
	for (size_t i = 0; i < r->n; i++) {
		const record *rec = &r->rec[i];
		put(&b, "record ", 7);
		put_str(&b, rec->id);
		snprintf(line, sizeof line, " %zu\n", rec->nv);
		put(&b, line, strlen(line));
		for (size_t k = 0; k < rec->nv; k++) {
			const version *v = &rec->v[k];
			put(&b, "version ", 8);
			put(&b, v->time, 16);
			put(&b, " ", 1);
			put_str(&b, v->actor);
			put(&b, " ", 1);
			put_str(&b, v->reason);
			snprintf(line, sizeof line, " %zu\n", v->nf);
			put(&b, line, strlen(line));
			for (size_t f = 0; f < v->nf; f++) {
				put(&b, "field ", 6);
				put_str(&b, v->f[f].key);
				put(&b, " ", 1);
				put_str(&b, v->f[f].value);
				put(&b, "\n", 1);
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
					rc = eg_records_put(r, id, time, actor, reason, (const char *const *)keys,
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

/* ------------------------------------------------------------------ */
/* JM-2.1.2 quarterly updates                                             */
/* ------------------------------------------------------------------ */

int eg_jm_district_deadline(char *date, int year, int quarter)
{
	if (!date || quarter < 1 || quarter > 4 || year < 1 || year > 9998)
		return eg__error(EG_EINVAL, "eg_jm_district_deadline: year %d quarter %d", year, quarter);
	/* JM-2.1.2: by the 3rd of the month after the quarter (Q4 -> January next year). */
	eg__date_format(date, quarter == 4 ? eg__days_from_civil(year + 1, 1, 3)
					   : eg__days_from_civil(year, quarter * 3 + 1, 3));
	return EG_OK;
}

int eg_jm_update_status(int *status, int32_t *late_days, const eg_records *r, const char *id, int year, int quarter)
{
	const record *rec;
	char q[16], dl[11];
	int64_t deadline_end;
	int rc;
	if (!status || !late_days || !r || !id)
		return eg__error(EG_EINVAL, "eg_jm_update_status: NULL argument");
	if ((rc = eg_jm_district_deadline(dl, year, quarter)) < 0)
		return rc;
	if (!(rec = find(r, id)))
		return eg__error(EG_ENOTFOUND, "record %.64s not found", id);
	eg__date_parse(&deadline_end, dl);
	deadline_end = (deadline_end + 1) * 1440; /* R0.3: the whole 3rd day counts */
	snprintf(q, sizeof q, "%04dQ%d", year, quarter);
	for (size_t k = 0; k < rec->nv; k++) {
		const char *v = field_of(&rec->v[k], "quarter");
		if (v && strcmp(v, q) == 0) {
			int64_t t = rec->v[k].t;
			*status = t < deadline_end ? EG_UPDATE_ON_TIME : EG_UPDATE_LATE;
			*late_days = t < deadline_end ? 0 : (int32_t)((t - deadline_end) / 1440 + 1);
			return EG_OK;
		}
	}
	*status = EG_UPDATE_MISSING;
	*late_days = 0;
	return EG_OK;
}

/* ------------------------------------------------------------------ */
/* YL ledgers                                                             */
/* ------------------------------------------------------------------ */

static const char *const state_names[6] = { "open", "rectifying", "verified", "applied", "reviewed", "closed" };

const char *eg_ledger_state_name(int s)
{
	return s >= 0 && s < 6 ? state_names[s] : NULL;
}

static int state_of(const version *v)
{
	const char *s = field_of(v, "state");
	for (int k = 0; s && k < 6; k++)
		if (strcmp(s, state_names[k]) == 0)
			return k;
	return -1;
}

int eg_ledger_open(eg_records *r, const char *id, const char *time, const char *actor, const char *lead_unit,
		   const char *target, const char *deadline)
{
	const char *keys[] = { "state", "lead_unit", "target", "deadline" };
	const char *vals[] = { "open", lead_unit, target, deadline };
	int64_t d;
	int rc;
	if (!r || !id)
		return eg__error(EG_EINVAL, "eg_ledger_open: NULL argument");
	if (find(r, id))
		return eg__error(EG_EEXISTS, "problem %.64s is already in the ledger (YL-2)", id);
	if ((rc = eg__check_text(lead_unit, 256, "lead unit")) < 0 || (rc = eg__check_text(target, 4096, "target")) < 0)
		return rc;
	if (!deadline || eg__date_parse(&d, deadline) < 0)
		return eg__error(EG_EINVAL, "problem %s: deadline \"%.20s\" is not YYYY-MM-DD", id, deadline ? deadline : "(null)");
	return eg_records_put(r, id, time, actor, "registered (YL-2)", keys, vals, 4);
}

int eg_ledger_transition(eg_records *r, const char *id, const char *time, const char *actor, int to, const char *reason)
{
	/* YL-5.5 close-out workflow; rows: from, columns: to. */
	static const unsigned char allowed[6][6] = {
		/* open */ { 0, 1, 0, 0, 0, 0 },
		/* rectifying */ { 0, 0, 1, 0, 0, 0 },
		/* verified */ { 0, 0, 0, 1, 0, 0 },
		/* applied */ { 0, 1, 0, 0, 1, 0 },
		/* reviewed */ { 0, 1, 0, 0, 0, 1 },
		/* closed */ { 0, 0, 0, 0, 0, 0 },
	};
	const record *rec;
	const char *key = "state";
	int from;
	if (!r || !id)
		return eg__error(EG_EINVAL, "eg_ledger_transition: NULL argument");
	if (!(rec = find(r, id)))
		return eg__error(EG_ENOTFOUND, "problem %.64s not found", id);
	if (to < 0 || to > 5)
		return eg__error(EG_EINVAL, "problem %s: state %d is not one of eg_ledger_state", id, to);
	from = state_of(&rec->v[rec->nv - 1]);
	if (from < 0 || !allowed[from][to])
		return eg__error(EG_ESTATE, "problem %s: %s -> %s is not allowed (YL-5.5)%s", id,
				 from < 0 ? "?" : state_names[from], state_names[to],
				 from == EG_LEDGER_CLOSED ? "; a closed problem is archived" : "");
	{
		const char *val = state_names[to];
		return eg_records_put(r, id, time, actor, reason, &key, &val, 1);
	}
}

int eg_ledger_extend(eg_records *r, const char *id, const char *time, const char *actor, const char *new_deadline,
		     const char *reason)
{
	const record *rec;
	const char *key = "deadline", *old;
	int64_t a, b;
	if (!r || !id || !new_deadline)
		return eg__error(EG_EINVAL, "eg_ledger_extend: NULL argument");
	if (!(rec = find(r, id)))
		return eg__error(EG_ENOTFOUND, "problem %.64s not found", id);
	if (state_of(&rec->v[rec->nv - 1]) == EG_LEDGER_CLOSED)
		return eg__error(EG_ESTATE, "problem %s is closed; its deadline cannot change (YL-5.5)", id);
	old = field_of(&rec->v[rec->nv - 1], "deadline");
	if (eg__date_parse(&b, new_deadline) < 0 || !old || eg__date_parse(&a, old) < 0 || b <= a)
		return eg__error(EG_EINVAL, "problem %s: new deadline %.20s must be a date after %s", id, new_deadline,
				 old ? old : "(none)");
	return eg_records_put(r, id, time, actor, reason, &key, &new_deadline, 1);
}

int eg_ledger_status(int *state, int *overdue, const eg_records *r, const char *id, const char *on_date)
{
	const record *rec;
	const version *v;
	const char *dl;
	int64_t day, d;
	if (!state || !overdue || !r || !id || !on_date)
		return eg__error(EG_EINVAL, "eg_ledger_status: NULL argument");
	if (eg__date_parse(&day, on_date) < 0)
		return eg__error(EG_EINVAL, "\"%.20s\" is not YYYY-MM-DD", on_date);
	if (!(rec = find(r, id)))
		return eg__error(EG_ENOTFOUND, "problem %.64s not found", id);
	if (!(v = as_of(rec, (day + 1) * 1440 - 1)))
		return eg__error(EG_ENOTFOUND, "problem %s was not registered yet on %s", id, on_date);
	*state = state_of(v);
	dl = field_of(v, "deadline");
	*overdue = *state != EG_LEDGER_CLOSED && dl && eg__date_parse(&d, dl) == 0 && day > d;
	return EG_OK;
}

/* ------------------------------------------------------------------ */
/* CJ-A4 cases                                                            */
/* ------------------------------------------------------------------ */

int eg_case_eligible(int *eligible, const char *decision, int32_t period_days, int filed, const char *concluded,
		     const char *on_date)
{
	int64_t dd, on, cc;
	if (!eligible || !decision || !on_date)
		return eg__error(EG_EINVAL, "eg_case_eligible: NULL argument");
	if (eg__date_parse(&dd, decision) < 0 || eg__date_parse(&on, on_date) < 0 ||
	    (concluded && eg__date_parse(&cc, concluded) < 0))
		return eg__error(EG_EINVAL, "eg_case_eligible: dates must be YYYY-MM-DD");
	if (period_days < 1)
		return eg__error(EG_EINVAL, "eg_case_eligible: legal period %d days", (int)period_days);
	if (on < dd)
		return eg__error(EG_EINVAL, "eg_case_eligible: %s is before the decision on %s", on_date, decision);
	/* CJ-A4-2.1: final once the legal period has passed unchallenged, or the challenge concluded. */
	if (filed)
		*eligible = concluded && on >= cc;
	else
		*eligible = on > dd + period_days;
	return EG_OK;
}

int eg_case_text_check(size_t *cps, long *first_hit, long *hit_index, const char *text, const char *const *names,
		       size_t n)
{
	size_t len;
	long best = -1, which = -1;
	if (!cps || !first_hit || !hit_index || !text || (n && !names))
		return eg__error(EG_EINVAL, "eg_case_text_check: NULL argument");
	len = strlen(text);
	if (!eg__utf8_valid(text, len, NULL))
		return eg__error(EG_EUTF8, "case text is not valid UTF-8");
	*cps = eg__utf8_count(text, len);
	for (size_t k = 0; k < n; k++) {
		const char *hit;
		if (!names[k] || !names[k][0])
			return eg__error(EG_EINVAL, "sensitive name %zu is empty", k);
		hit = strstr(text, names[k]);
		if (hit && (best < 0 || hit - text < best)) {
			best = (long)(hit - text);
			which = (long)k;
		}
	}
	*first_hit = best;
	*hit_index = which;
	/* CJ-A4-2.3: 1000-1500 characters, no real names. */
	if (*cps < 1000 || *cps > 1500)
		return eg__error(EG_ERANGE, "case text has %zu characters; 1000-1500 required (CJ-A4-2.3)", *cps);
	if (best >= 0)
		return eg__error(EG_ESTATE, "case text names \"%s\" at byte %ld; parties must be anonymised (CJ-A4-2.3)",
				 names[which], best);
	return EG_OK;
}

int eg_case_anonymise(char **out, size_t *replaced, const char *text, const char *const *names,
		      const char *const *placeholders, size_t n)
{
	sbuf b = { NULL, 0, 0, 0 };
	size_t count = 0, len;
	if (!out || !replaced || !text || (n && (!names || !placeholders)))
		return eg__error(EG_EINVAL, "eg_case_anonymise: NULL argument");
	len = strlen(text);
	if (!eg__utf8_valid(text, len, NULL))
		return eg__error(EG_EUTF8, "case text is not valid UTF-8");
	for (size_t k = 0; k < n; k++)
		if (!names[k] || !names[k][0] || !placeholders[k] || !eg__utf8_valid(placeholders[k], strlen(placeholders[k]), NULL))
			return eg__error(EG_EINVAL, "name or placeholder %zu is empty or invalid", k);
	put(&b, "", 0);
	for (size_t i = 0; i < len;) {
		size_t best = n, best_len = 0;
		/* The longest name matching here wins ("某某化工有限公司" before "某某"). */
		for (size_t k = 0; k < n; k++) {
			size_t nl = strlen(names[k]);
			if (nl > best_len && strncmp(text + i, names[k], nl) == 0) {
				best = k;
				best_len = nl;
			}
		}
		if (best < n) {
			put(&b, placeholders[best], strlen(placeholders[best]));
			i += best_len;
			count++;
		} else {
			put(&b, text + i, 1);
			i++;
		}
	}
	if (b.failed) {
		eg__free(b.p);
		return eg__error_nomem("anonymising");
	}
	*out = b.p;
	*replaced = count;
	return EG_OK;
}

/* ------------------------------------------------------------------ */
/* CJ-A2-5.3 grid-head disclosure                                          */
/* ------------------------------------------------------------------ */

static int in_list(const char *name, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (list[i] && strcmp(list[i], name) == 0)
			return 1;
	return 0;
}

int eg_heads_disclosure_check(int *met, size_t *problems, const eg_grid *g, const char *unit_id,
			      const char *const *published, size_t n, const char *published_date, const char *on_date,
			      int32_t max_age_days)
{
	const eg_node *unit, *nd;
	eg_grid_walk *w = NULL;
	const char **heads = NULL;
	size_t n_heads = 0, cap, bad = 0;
	int64_t pd, od;
	int rc;
	if (!met || !g || !unit_id || (n && !published) || !published_date || !on_date || max_age_days < 0)
		return eg__error(EG_EINVAL, "eg_heads_disclosure_check: NULL argument or negative age");
	if (eg__date_parse(&pd, published_date) < 0 || eg__date_parse(&od, on_date) < 0)
		return eg__error(EG_EINVAL, "eg_heads_disclosure_check: dates must be YYYY-MM-DD");
	if ((rc = eg_grid_lookup(&unit, g, unit_id)) < 0)
		return rc;
	if (eg_node_level(unit) != EG_LEVEL_COUNTY)
		return eg__error(EG_ELEVEL, "node %s is not a level-2 unit (CJ-A2-5.3)", unit_id);
	cap = 2 * (eg_grid_size(g) + 1);
	heads = eg__malloc(cap * sizeof *heads);
	if (!heads)
		return eg__error_nomem("checking the disclosure");
	if ((rc = eg_grid_walk_new(&w, g, unit)) < 0) {
		eg__free(heads);
		return rc;
	}
	while (eg_grid_walk_next(&nd, w) == EG_OK) {
		const char *h1, *h2;
		eg_grid_heads(&h1, &h2, g, nd);
		if (h1)
			heads[n_heads++] = h1;
		if (h2)
			heads[n_heads++] = h2;
	}
	eg_grid_walk_free(w);
	for (size_t i = 0; i < n_heads; i++)
		bad += !in_list(heads[i], published, n); /* a head not published */
	for (size_t i = 0; i < n; i++)
		bad += !published[i] || !in_list(published[i], heads, n_heads); /* published, no longer a head */
	eg__free(heads);
	/* CJ-A2-5.3: disclosed and kept up to date (at most max_age_days old). */
	*met = bad == 0 && od - pd <= max_age_days && od >= pd;
	if (problems)
		*problems = bad;
	return EG_OK;
}

/* ------------------------------------------------------------------ */
/* Top-N, case batches, ledger summary, obligations                       */
/* ------------------------------------------------------------------ */

typedef struct ranked_item {
	const char *id;
	int64_t m;
	size_t index;
} ranked_item;

static int cmp_ranked_item(const void *x, const void *y)
{
	const ranked_item *a = x, *b = y;
	if (a->m != b->m)
		return a->m < b->m ? 1 : -1;
	return strcmp(a->id, b->id);
}

/* JM-2.1: top N by a measure, ties with the N-th all taken. */
int eg_top_n(size_t *out, size_t *count, const char *const *ids, const int64_t *measure, size_t n, size_t top)
{
	ranked_item *it;
	size_t k;
	int rc;
	if (!out || !count || (n && (!ids || !measure)) || top == 0)
		return eg__error(EG_EINVAL, "eg_top_n: NULL argument or top 0");
	for (size_t i = 0; i < n; i++)
		if ((rc = eg__check_text(ids[i], 64, "ID")) < 0)
			return rc;
	it = eg__malloc((n ? n : 1) * sizeof *it);
	if (!it)
		return eg__error_nomem("selecting the top N");
	for (size_t i = 0; i < n; i++) {
		it[i].id = ids[i];
		it[i].m = measure[i];
		it[i].index = i;
	}
	/* Duplicates first, on the IDs alone (measures set equal for the sort). */
	for (size_t i = 0; i < n; i++)
		it[i].m = 0;
	qsort(it, n, sizeof *it, cmp_ranked_item);
	for (size_t i = 1; i < n; i++)
		if (strcmp(it[i].id, it[i - 1].id) == 0) {
			rc = eg__error(EG_EINVAL, "ID %s is listed twice", it[i].id);
			eg__free(it);
			return rc;
		}
	for (size_t i = 0; i < n; i++)
		it[i].m = measure[it[i].index];
	qsort(it, n, sizeof *it, cmp_ranked_item);
	k = top < n ? top : n;
	while (k > 0 && k < n && it[k].m == it[k - 1].m)
		k++;
	for (size_t i = 0; i < k; i++)
		out[i] = it[i].index;
	*count = k;
	eg__free(it);
	return EG_OK;
}

/* CJ-A4-4.1: a batch in each quarter. */
int eg_case_batches(int *quarters, const char *const *dates, size_t n, int year)
{
	if (!quarters || (n && !dates))
		return eg__error(EG_EINVAL, "eg_case_batches: NULL argument");
	for (int q = 0; q < 4; q++)
		quarters[q] = 0;
	for (size_t i = 0; i < n; i++) {
		int64_t d;
		int y, m, dd;
		if (!dates[i] || eg__date_parse(&d, dates[i]) < 0)
			return eg__error(EG_EINVAL, "publication date %zu \"%.20s\" is not YYYY-MM-DD", i, dates[i] ? dates[i] : "(null)");
		eg__civil_from_days(d, &y, &m, &dd);
		if (y == year)
			quarters[(m - 1) / 3] = 1;
	}
	return EG_OK;
}

/* YL-5.3: the monthly progress summary per lead unit. */
int eg_ledger_summary(size_t *counts, const eg_records *r, const char *const *units, size_t n_units, const char *on_date)
{
	int64_t day;
	if (!counts || !r || (n_units && !units) || !on_date)
		return eg__error(EG_EINVAL, "eg_ledger_summary: NULL argument");
	if (eg__date_parse(&day, on_date) < 0)
		return eg__error(EG_EINVAL, "\"%.20s\" is not YYYY-MM-DD", on_date);
	memset(counts, 0, 3 * n_units * sizeof *counts);
	for (size_t i = 0; i < r->n; i++) {
		const version *v = as_of(&r->rec[i], (day + 1) * 1440 - 1);
		const char *lead = v ? field_of(v, "lead_unit") : NULL;
		int st, od;
		if (!lead)
			continue;
		for (size_t u = 0; u < n_units; u++)
			if (units[u] && strcmp(units[u], lead) == 0 &&
			    eg_ledger_status(&st, &od, r, r->rec[i].id, on_date) == EG_OK) {
				counts[3 * u]++;
				counts[3 * u + 1] += st == EG_LEDGER_CLOSED;
				counts[3 * u + 2] += od != 0;
			}
	}
	return EG_OK;
}

/* Start plus whole months, clamped to the month's last day. */
static int64_t add_months(int64_t start, int months)
{
	int y, m, d, dim;
	eg__civil_from_days(start, &y, &m, &d);
	m += months;
	y += (m - 1) / 12;
	m = (m - 1) % 12 + 1;
	dim = eg__days_in_month(y, m);
	return eg__days_from_civil(y, m, d < dim ? d : dim);
}

int eg_obligation_due(char *date, int kind, const char *start, int months)
{
	int64_t s;
	int add;
	if (!date || !start || eg__date_parse(&s, start) < 0)
		return eg__error(EG_EINVAL, "eg_obligation_due: start \"%.20s\" is not YYYY-MM-DD", start ? start : "(null)");
	switch (kind) {
	case EG_OBLIGATION_YL_5_4: add = 3; break; /* YL-5.4: within 3 months */
	case EG_OBLIGATION_DG_61: add = 1; break;  /* DG-61: within 1 month */
	case EG_OBLIGATION_DG_67:                  /* DG-67: suspended for 3-12 months */
		if (months < 3 || months > 12)
			return eg__error(EG_ERANGE, "DG-67: a restriction of %d months is not 3-12", months);
		add = months;
		break;
	default:
		return eg__error(EG_EINVAL, "eg_obligation_due: kind %d is not one of eg_obligation", kind);
	}
	/* Dates end at 9999-12-31 (R0.3): a later due date is not wrapped into year 0. */
	if ((s = add_months(s, add)) > eg__days_from_civil(9999, 12, 31))
		return eg__error(EG_ERANGE, "eg_obligation_due: %s plus %d months is after 9999-12-31", start, add);
	eg__date_format(date, s);
	return EG_OK;
}

int eg_obligation_overdue(int *overdue, const char *due, const char *done, const char *on_date)
{
	int64_t du, dn, on;
	if (!overdue || !due || !on_date || eg__date_parse(&du, due) < 0 || eg__date_parse(&on, on_date) < 0 ||
	    (done && eg__date_parse(&dn, done) < 0))
		return eg__error(EG_EINVAL, "eg_obligation_overdue: dates must be YYYY-MM-DD");
	*overdue = done ? dn > du : on > du;
	return EG_OK;
}

/* YL-4: quantified targets. */
int eg_target_attained(int *attained, int64_t value, const char *cmp, int64_t target)
{
	if (!attained || !cmp)
		return eg__error(EG_EINVAL, "eg_target_attained: NULL argument");
	if (!strcmp(cmp, ">="))
		*attained = value >= target;
	else if (!strcmp(cmp, ">"))
		*attained = value > target;
	else if (!strcmp(cmp, "<="))
		*attained = value <= target;
	else if (!strcmp(cmp, "<"))
		*attained = value < target;
	else if (!strcmp(cmp, "=="))
		*attained = value == target;
	else
		return eg__error(EG_EINVAL, "comparator \"%.8s\" is not >=, >, <=, < or ==", cmp);
	return EG_OK;
}
