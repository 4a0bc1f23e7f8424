/*
 * Disclosure (JM-2.1, JM-2.1.1, JM-2.1.2, JM-2.2 (2), CJ-A2-5.3): the
 * deadlines of the quarterly cycle (the 3rd, the 15th) and the status of
 * each disclosed record, its JM-2.1.1 content, the JM-2.1 top N and
 * the grid-head disclosure.
 */
#include <ecogrid/disclosure.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "util/date.h"
#include "util/error.h"
#include "util/text.h"
#include "records_internal.h"

/* ------------------------------------------------------------------ */
/* JM-2.1.2 quarterly updates                                             */
/* ------------------------------------------------------------------ */

int eg_disclosure_options_init(eg_disclosure_options *opts, unsigned int ver)
{
	static const eg_disclosure_options init = EG_DISCLOSURE_OPTIONS_INIT;
	if (!opts || ver != EG_DISCLOSURE_OPTIONS_VERSION)
		return eg__error(EG_EINVAL, "eg_disclosure_options_init: NULL options or version %u (this library knows %d)",
				 ver, EG_DISCLOSURE_OPTIONS_VERSION);
	*opts = init;
	return EG_OK;
}

static const char *const step_field[3] = { "quarter", "listed", "published" };

static int check_options(const eg_disclosure_options *o)
{
	if (o->version != EG_DISCLOSURE_OPTIONS_VERSION)
		return eg__error(EG_EINVAL, "disclosure options version %u is not %d", o->version, EG_DISCLOSURE_OPTIONS_VERSION);
	if (o->step < EG_DISCLOSURE_STEP_DISTRICT_UPDATE || o->step > EG_DISCLOSURE_STEP_DISTRICT_PUBLICATION)
		return eg__error(EG_EINVAL, "disclosure step %d is not one of eg_disclosure_step", o->step);
	return EG_OK;
}

/* JM-2.1.2: the 3rd (district update) or the 15th (city list, district
 * publication) of the month after the quarter; "前" read as "by" (R0.3) or,
 * as an option, "before". */
static int deadline_days(int64_t *out, int year, int quarter, const eg_disclosure_options *o)
{
	int day = o->step == EG_DISCLOSURE_STEP_DISTRICT_UPDATE ? 3 : 15;
	if (quarter < 1 || quarter > 4 || year < 1 || year > 9998)
		return eg__error(EG_EINVAL, "JM-2.1.2 deadline: year %d quarter %d", year, quarter);
	*out = quarter == 4 ? eg__days_from_civil(year + 1, 1, day) : eg__days_from_civil(year, quarter * 3 + 1, day);
	if (o->before)
		--*out;
	return EG_OK;
}

int eg_disclosure_deadline(char *date, int year, int quarter, const eg_disclosure_options *opts)
{
	static const eg_disclosure_options defaults = EG_DISCLOSURE_OPTIONS_INIT;
	const eg_disclosure_options *o = opts ? opts : &defaults;
	int64_t d;
	int rc;
	if (!date)
		return eg__error(EG_EINVAL, "eg_disclosure_deadline: NULL date");
	if ((rc = check_options(o)) < 0 || (rc = deadline_days(&d, year, quarter, o)) < 0)
		return rc;
	eg__date_format(date, d);
	return EG_OK;
}

int eg_disclosure_district_deadline(char *date, int year, int quarter)
{
	if (!date || quarter < 1 || quarter > 4 || year < 1 || year > 9998)
		return eg__error(EG_EINVAL, "eg_disclosure_district_deadline: year %d quarter %d", year, quarter);
	return eg_disclosure_deadline(date, year, quarter, NULL);
}

/* JM-2.1.1: name, district, category and target in every version judged;
 * progress too in a version that reports a quarter. */
static int content_check(const char *id, const version *v)
{
	static const char *const need[4] = { "name", "district", "category", "target" };
	char missing[96] = "";
	int reports = 0;
	for (int k = 0; k < 4; k++) {
		const char *val = eg__records_field(v, need[k]);
		if (!val || !*val)
			snprintf(missing + strlen(missing), sizeof missing - strlen(missing), "%s%s", *missing ? ", " : "",
				 need[k]);
	}
	for (int k = 0; k < 3; k++)
		reports |= eg__records_field(v, step_field[k]) != NULL;
	if (reports) {
		const char *p = eg__records_field(v, "progress");
		if (!p || !*p)
			snprintf(missing + strlen(missing), sizeof missing - strlen(missing), "%sprogress", *missing ? ", " : "");
	}
	if (*missing)
		return eg__error(EG_EINVAL, "record %.64s (version of %s) lacks the JM-2.1.1 content: %s", id, v->time,
				 missing);
	return EG_OK;
}

int eg_disclosure_record_check(const eg_records *r, const char *id, const char *as_of)
{
	const record *rec;
	const version *v;
	int64_t t = INT64_MAX;
	if (!r || !id)
		return eg__error(EG_EINVAL, "eg_disclosure_record_check: NULL argument");
	if (as_of && eg__datetime_parse(&t, as_of) < 0)
		return eg__error(EG_EINVAL, "eg_disclosure_record_check: \"%.20s\" is not YYYY-MM-DD HH:MM", as_of);
	if (!(rec = eg__records_find(r, id)))
		return eg__error(EG_ENOTFOUND, "record %.64s not found", id);
	if (!(v = eg__records_as_of(rec, t)))
		return eg__error(EG_ENOTFOUND, "record %.64s has no version yet at %s", id, as_of);
	return content_check(id, v);
}

int eg_disclosure_update_status(int *status, int32_t *late_days, const eg_records *r, const char *id, int year, int quarter)
{
	return eg_disclosure_update_check(status, late_days, r, id, year, quarter, NULL);
}

/* The first version whose `field` names the quarter q, or NULL. */
static const version *first_reporting(const record *rec, const char *key, const char *q)
{
	for (size_t k = 0; k < rec->nv; k++) {
		const char *v = eg__records_field(&rec->v[k], key);
		if (v && strcmp(v, q) == 0)
			return &rec->v[k];
	}
	return NULL;
}

int eg_disclosure_update_check(int *status, int32_t *late_days, const eg_records *r, const char *id, int year,
			       int quarter, const eg_disclosure_options *opts)
{
	static const eg_disclosure_options defaults = EG_DISCLOSURE_OPTIONS_INIT;
	const eg_disclosure_options *o = opts ? opts : &defaults;
	const record *rec;
	const version *done;
	char q[16];
	int64_t deadline, deadline_end;
	int rc;
	if (!status || !late_days || !r || !id)
		return eg__error(EG_EINVAL, "eg_disclosure_update_check: NULL argument");
	if ((rc = check_options(o)) < 0 || (rc = deadline_days(&deadline, year, quarter, o)) < 0)
		return rc;
	if (!(rec = eg__records_find(r, id)))
		return eg__error(EG_ENOTFOUND, "record %.64s not found", id);
	snprintf(q, sizeof q, "%04dQ%d", year, quarter);
	done = first_reporting(rec, step_field[o->step], q);
	/* JM-2.1.1: the content is checked where it is judged, so that a late
	 * update is never filed under an empty 市（区）. */
	if ((rc = content_check(id, done ? done : &rec->v[rec->nv - 1])) < 0)
		return rc;
	if (o->step == EG_DISCLOSURE_STEP_DISTRICT_PUBLICATION && o->same_day) {
		/* Option: "同步" as the same calendar day as the city's list. */
		const version *city = first_reporting(rec, step_field[EG_DISCLOSURE_STEP_CITY_LIST], q);
		int64_t cd = city ? (city->t >= 0 ? city->t : city->t - 1439) / 1440 : INT64_MAX;
		if (cd < deadline)
			deadline = cd;
	}
	deadline_end = (deadline + 1) * 1440; /* R0.3: the whole last day counts */
	if (!done) {
		/* A record first listed after the deadline's day was not on the list
		 * when the step was due, so it owed nothing for this quarter. */
		*status = rec->v[0].t >= deadline_end ? EG_DISCLOSURE_UPDATE_NOT_DUE : EG_DISCLOSURE_UPDATE_MISSING;
		*late_days = 0;
	} else if (done->t < deadline_end) {
		*status = EG_DISCLOSURE_UPDATE_ON_TIME;
		*late_days = 0;
	} else {
		*status = EG_DISCLOSURE_UPDATE_LATE;
		*late_days = (int32_t)((done->t - deadline_end) / 1440 + 1);
	}
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

static int heads_check(int *met, size_t *problems, const eg_grid *g, const char *unit_id,
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
		return eg__error(EG_EINVAL, "eg_disclosure_heads_check: NULL argument or negative age");
	if (eg__date_parse(&pd, published_date) < 0 || eg__date_parse(&od, on_date) < 0)
		return eg__error(EG_EINVAL, "eg_disclosure_heads_check: dates must be YYYY-MM-DD");
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

int eg_disclosure_heads_options_init(eg_disclosure_heads_options *opts, unsigned int ver)
{
	static const eg_disclosure_heads_options init = EG_DISCLOSURE_HEADS_OPTIONS_INIT;
	if (!opts)
		return eg__error(EG_EINVAL, "eg_disclosure_heads_options_init: opts is NULL");
	if (ver != EG_DISCLOSURE_HEADS_OPTIONS_VERSION)
		return eg__error(EG_EINVAL, "eg_disclosure_heads_options_init: unknown version %u (this library knows %u)", ver,
				 EG_DISCLOSURE_HEADS_OPTIONS_VERSION);
	*opts = init;
	return EG_OK;
}

int eg_disclosure_heads_check(int *met, size_t *problems, const eg_grid *g, const char *unit_id, const char *on_date,
			      const eg_disclosure_heads_options *opts)
{
	if (!opts)
		return eg__error(EG_EINVAL, "eg_disclosure_heads_check: opts is NULL (initialise it with EG_DISCLOSURE_HEADS_OPTIONS_INIT)");
	if (opts->version != EG_DISCLOSURE_HEADS_OPTIONS_VERSION)
		return eg__error(EG_EINVAL, "eg_disclosure_heads_check: opts->version %u is not %u (initialise it with EG_DISCLOSURE_HEADS_OPTIONS_INIT)",
				 opts->version, EG_DISCLOSURE_HEADS_OPTIONS_VERSION);
	return heads_check(met, problems, g, unit_id, opts->published, opts->n_published, opts->published_date, on_date,
			   opts->max_age_days);
}

/* ------------------------------------------------------------------ */
/* JM-2.1 top N                                                           */
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
int eg_disclosure_top_n(size_t *out, size_t *count, const char *const *ids, const int64_t *measure, size_t n, size_t top)
{
	ranked_item *it;
	size_t k;
	int rc;
	if (!out || !count || (n && (!ids || !measure)) || top == 0)
		return eg__error(EG_EINVAL, "eg_disclosure_top_n: NULL argument or top 0");
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
