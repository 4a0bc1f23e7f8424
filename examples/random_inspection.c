/*
 * random_inspection: a double-random (双随机) draw that anyone can re-run.
 * 200 synthetic enterprises -> the DG-6 pool (85 % of emissions) -> key
 * objects drawn at the DG-8 city quota (10 %, rounded up), inspectors paired
 * with one conflict of interest skipped (回避) -> the published record ->
 * verification passing, then failing after one frame entry is changed.
 */
#include <ecogrid/ecogrid.h>

#include <stdio.h>
#include <string.h>

#define N 200

int main(void)
{
	static char names[N][16];
	const char *ids[N], *pool_ids[N], *strata[] = { "key" };
	const char *inspectors[] = { "执法员甲", "执法员乙", "执法员丙", "执法员丁", "执法员戊" };
	const char *ci[1], *co[1];
	int64_t emissions[N], quota = 0;
	size_t pool[N], n_pool = 0, sizes[1], quotas[1];
	eg_draw_frame_options frame = EG_DRAW_FRAME_OPTIONS_INIT;
	eg_draw *d = NULL;
	int ok = 0, rc;
	unsigned seed = 7;

	for (int i = 0; i < N; i++) {
		snprintf(names[i], sizeof names[i], "91652300%04d", i);
		ids[i] = names[i];
		seed = seed * 1103515245u + 12345u;
		emissions[i] = (int64_t)((seed >> 8) % 1000) * ((seed >> 20) % 8 == 0 ? 40 : 1); /* a few large emitters */
	}
	rc = eg_inspect_pool(pool, &n_pool, ids, emissions, N, 850); /* DG-6 */
	for (size_t i = 0; i < n_pool; i++)
		pool_ids[i] = ids[pool[i]];
	if (rc == EG_OK)
		rc = eg_inspect_quota(&quota, EG_INSPECT_QUOTA_DG8_CITY, (int64_t)n_pool); /* DG-8 */
	sizes[0] = n_pool;
	quotas[0] = (size_t)quota;
	/* Options structs start from their INIT (the defaults), then set fields. */
	frame.strata = strata;
	frame.frame_sizes = sizes;
	frame.frame = pool_ids;
	frame.quotas = quotas;
	frame.n_strata = 1;
	if (rc == EG_OK)
		rc = eg_draw_objects(&d, "2026Q4 公证员摇号 3546311556112163624615351222", &frame);
	if (rc == EG_OK) {
		eg_draw_pair_options pair = EG_DRAW_PAIR_OPTIONS_INIT;
		ci[0] = inspectors[0];
		co[0] = eg_draw_selected(d, 0); /* 执法员甲 has a conflict with the first object */
		pair.conflict_inspector = ci;
		pair.conflict_object = co;
		pair.n_conflicts = 1;
		pair.per_object = 2;
		rc = eg_draw_pair_inspectors(d, inspectors, 5, &pair);
	}
	if (rc == EG_OK) {
		printf("DG-6 pool: %zu of %d enterprises; DG-8 city quota: %lld\n", n_pool, N, (long long)quota);
		printf("frame hash: %s (algorithm %d)\n", eg_draw_frame_hash(d), eg_draw_algorithm(d));
		for (size_t i = 0; i < eg_draw_selected_count(d); i++)
			printf("  %s  %s, %s\n", eg_draw_selected(d, i), eg_draw_inspector(d, i, 0), eg_draw_inspector(d, i, 1));
		for (size_t k = 0; k < eg_draw_skip_count(d); k++) {
			const char *si, *so;
			eg_draw_skip(&si, &so, d, k);
			printf("  回避: %s skipped for %s\n", si, so);
		}
		rc = eg_draw_verify(&ok, d, &frame);
		printf("verify with the published frame: %s\n", ok ? "ok" : "MISMATCH");
		pool_ids[3] = "916523009999"; /* one changed frame entry */
		if (rc == EG_OK)
			rc = eg_draw_verify(&ok, d, &frame);
		printf("verify after one frame entry changed: %s\n", ok ? "ok" : "MISMATCH");
	}
	if (rc != EG_OK)
		fprintf(stderr, "%s: %s\n", eg_strerror(rc), eg_error_last()->message);
	eg_draw_free(d);
	return rc == EG_OK ? 0 : 1;
}
