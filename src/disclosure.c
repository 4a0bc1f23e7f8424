/*
 * Disclosure (JM-2.1, JM-2.1.2, JM-2.2 (2), CJ-A2-5.3): the district
 * deadline and update status of each disclosed record, the JM-2.1 top N and
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

int eg_disclosure_district_deadline(char *date, int year, int quarter)
{
	if (!date || quarter < 1 || quarter > 4 || year < 1 || year > 9998)
		return eg__error(EG_EINVAL, "eg_disclosure_district_deadline: year %d quarter %d", year, quarter);
	/* JM-2.1.2: by the 3rd of the month after the quarter (Q4 -> January next year). */
	eg__date_format(date, quarter == 4 ? eg__days_from_civil(year + 1, 1, 3)
					   : eg__days_from_civil(year, quarter * 3 + 1, 3));
	return EG_OK;
}

int eg_disclosure_update_status(int *status, int32_t *late_days, const eg_records *r, const char *id, int year, int quarter)
{
	const record *rec;
	char q[16], dl[11];
	int64_t deadline_end;
	int rc;
	if (!status || !late_days || !r || !id)
		return eg__error(EG_EINVAL, "eg_disclosure_update_status: NULL argument");
	if ((rc = eg_disclosure_district_deadline(dl, year, quarter)) < 0)
		return rc;
	if (!(rec = eg__records_find(r, id)))
		return eg__error(EG_ENOTFOUND, "record %.64s not found", id);
	eg__date_parse(&deadline_end, dl);
	deadline_end = (deadline_end + 1) * 1440; /* R0.3: the whole 3rd day counts */
	snprintf(q, sizeof q, "%04dQ%d", year, quarter);
	for (size_t k = 0; k < rec->nv; k++) {
		const char *v = eg__records_field(&rec->v[k], "quarter");
		if (v && strcmp(v, q) == 0) {
			int64_t t = rec->v[k].t;
			*status = t < deadline_end ? EG_DISCLOSURE_UPDATE_ON_TIME : EG_DISCLOSURE_UPDATE_LATE;
			*late_days = t < deadline_end ? 0 : (int32_t)((t - deadline_end) / 1440 + 1);
			return EG_OK;
		}
	}
	*status = EG_DISCLOSURE_UPDATE_MISSING;
	*late_days = 0;
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

int eg_disclosure_heads_check(int *met, size_t *problems, const eg_grid *g, const char *unit_id,
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
