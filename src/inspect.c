/*
 * Who is inspected and how often: the DG-6 pool, DG-8/10/11 quotas, DG-7
 * classes and DG-8 key-object coverage.
 */
#include <ecogrid/inspect.h>

#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "util/error.h"
#include "util/text.h"

/* ------------------------------------------------------------------ */
/* DG-6 pool, DG-8/10/11 quotas                                         */
/* ------------------------------------------------------------------ */

typedef struct pool_item {
	const char *id;
	int64_t e;
	size_t index;
} pool_item;

static int cmp_pool(const void *x, const void *y)
{
	const pool_item *a = x, *b = y;
	if (a->e != b->e)
		return a->e < b->e ? 1 : -1;
	return strcmp(a->id, b->id);
}

static int cmp_pool_id(const void *x, const void *y)
{
	return strcmp(((const pool_item *)x)->id, ((const pool_item *)y)->id);
}

int eg_inspect_pool(size_t *pool, size_t *pool_count, const char *const *ids, const int64_t *emissions, size_t n,
		    int32_t share_permille)
{
	pool_item *it;
	int64_t total = 0, cum = 0;
	size_t k;
	int rc;
	if (!pool || !pool_count || !ids || !emissions || n == 0)
		return eg__error(EG_EINVAL, "eg_inspect_pool: NULL argument or no enterprise");
	if (share_permille < 1 || share_permille > 1000)
		return eg__error(EG_ERANGE, "eg_inspect_pool: share %d‰ is not 1-1000 (DG-6: 850)", (int)share_permille);
	for (size_t i = 0; i < n; i++) {
		if ((rc = eg__check_text(ids[i], 64, "enterprise ID")) < 0)
			return rc;
		if (emissions[i] < 0)
			return eg__error(EG_EINVAL, "enterprise %s: emissions %lld are negative", ids[i], (long long)emissions[i]);
		if (emissions[i] > ((int64_t)1 << 53) - total)
			return eg__error(EG_ERANGE, "eg_inspect_pool: total emissions reach 2^53");
		total += emissions[i];
	}
	if (total == 0)
		return eg__error(EG_EINVAL, "eg_inspect_pool: total emissions are 0; no pool (DG-6)");
	it = eg__malloc(n * sizeof *it);
	if (!it)
		return eg__error_nomem("building the pool");
	for (size_t i = 0; i < n; i++) {
		it[i].id = ids[i];
		it[i].e = emissions[i];
		it[i].index = i;
	}
	/* Duplicates are next to each other in ID order (not in emission order,
	 * where the same ID with other emissions may lie anywhere). */
	qsort(it, n, sizeof *it, cmp_pool_id);
	for (size_t i = 1; i < n; i++)
		if (strcmp(it[i].id, it[i - 1].id) == 0) {
			rc = eg__error(EG_EINVAL, "enterprise ID %s is listed twice", it[i].id);
			eg__free(it);
			return rc;
		}
	qsort(it, n, sizeof *it, cmp_pool);
	/* DG-6: the shortest prefix with 1000 · cumulative ≥ share · total (exact). */
	for (k = 0; k < n; k++) {
		cum += it[k].e;
		if (1000 * cum >= (int64_t)share_permille * total)
			break;
	}
	k++;
	/* Ties at the cut are all taken: the cut is never decided by ID. */
	while (k < n && it[k].e == it[k - 1].e)
		k++;
	for (size_t i = 0; i < k; i++)
		pool[i] = it[i].index;
	*pool_count = k;
	eg__free(it);
	return EG_OK;
}

int eg_inspect_quota(int64_t *out, int rule, int64_t n)
{
	if (!out)
		return eg__error(EG_EINVAL, "eg_inspect_quota: out is NULL");
	if (n < 0 || n > ((int64_t)1 << 40))
		return eg__error(EG_ERANGE, "eg_inspect_quota: %lld is out of range", (long long)n);
	switch (rule) {
	case EG_INSPECT_QUOTA_DG8_CITY: *out = (n * 10 + 99) / 100; return EG_OK; /* DG-8: ≥ 10 %, rounded up */
	case EG_INSPECT_QUOTA_DG8_TOWN: *out = (n * 25 + 99) / 100; return EG_OK; /* DG-8: ≥ 25 % */
	case EG_INSPECT_QUOTA_DG10_CITY: *out = n * 5; return EG_OK;              /* DG-10: 1:5 */
	case EG_INSPECT_QUOTA_DG10_TOWN: *out = n * 10; return EG_OK;             /* DG-10: 1:10 */
	case EG_INSPECT_QUOTA_DG11: *out = n * 25; return EG_OK;                  /* DG-11: 1:25 */
	default: return eg__error(EG_EINVAL, "eg_inspect_quota: rule %d is not one of eg_inspect_quota", rule);
	}
}

/* DG-7: key (incl. key dischargers) / general / low-frequency, from the caller's attributes. */
int eg_inspect_classify(int *classes, const int *key, const int *low, size_t n)
{
	if (!classes && n)
		return eg__error(EG_EINVAL, "eg_inspect_classify: NULL argument");
	for (size_t i = 0; i < n; i++)
		classes[i] = key && key[i] ? EG_INSPECT_CLASS_KEY : low && low[i] ? EG_INSPECT_CLASS_LOW_FREQUENCY : EG_INSPECT_CLASS_GENERAL;
	return EG_OK;
}

/* DG-8: key objects not inspected at least once in the year. */
int eg_inspect_key_coverage(size_t *missing, size_t *n_missing, const char *const *keys, size_t n,
			    const char *const *inspected, size_t m)
{
	const char **seen;
	size_t k = 0;
	if (!missing || !n_missing || (n && !keys) || (m && !inspected))
		return eg__error(EG_EINVAL, "eg_inspect_key_coverage: NULL argument");
	for (size_t i = 0; i < n; i++)
		if (!keys[i])
			return eg__error(EG_EINVAL, "key object %zu is NULL", i);
	for (size_t j = 0; j < m; j++)
		if (!inspected[j])
			return eg__error(EG_EINVAL, "inspected ID %zu is NULL", j);
	seen = eg__malloc((m ? m : 1) * sizeof *seen);
	if (!seen)
		return eg__error_nomem("checking key-object coverage");
	memcpy(seen, inspected, m * sizeof *seen);
	qsort(seen, m, sizeof *seen, eg__cmp_strp);
	for (size_t i = 0; i < n; i++)
		if (!m || !bsearch(&keys[i], seen, m, sizeof *seen, eg__cmp_strp))
			missing[k++] = i;
	eg__free(seen);
	*n_missing = k;
	return EG_OK;
}
