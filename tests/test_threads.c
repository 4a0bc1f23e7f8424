/*
 * Thread-safety contract (common.h): distinct handles on distinct threads
 * at once; an unmodified grid read from several threads at once; error
 * detail per thread. Run under ThreadSanitizer in CI (-Db_sanitize=thread).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "testutil.h"

#define THREADS 4
#define ROUNDS 200

static const char csv[] =
	"code,parent_code,level,name\n"
	"P,,1,州\nC,P,2,县\nT1,C,3,一镇\nT2,C,3,二镇\nV1,T1,4,一村\nV2,T2,4,二村\n";

/* Each thread builds, staffs and checks grids of its own. */
static void *own_handles(void *arg)
{
	long ok = 0;
	(void)arg;
	for (int r = 0; r < ROUNDS; r++) {
		eg_grid *g = NULL;
		eg_findings *f = NULL;
		const char *t[] = { "T1", "T2" };
		if (eg_grid_parse_csv(&g, csv, sizeof csv - 1, NULL) != EG_OK)
			return NULL;
		eg_grid_add_subhead(g, "C", "甲", EG_RANK_DEPUTY_DIVISION, t, 2);
		if (eg_grid_check(&f, g) == EG_OK) {
			/* Nothing else staffed: C, T1, T2, V1, V2 lack heads (5 x CJ-G.3),
			 * T1 and T2 lack supervisors (2 x CJ-G.6), V1 and V2 lack
			 * supervisors (2 x CJ-G.7) and a level-3 sub-head (2 x CJ-G.5) = 11. */
			ok += eg_findings_count(f) == 11;
			eg_findings_free(f);
		}
		/* A failure on this thread sets this thread's detail only. */
		if (eg_grid_add(NULL, g, "C", "P", "dup", 2, 0) == EG_EEXISTS &&
		    strstr(eg_error_last()->message, "C already exists"))
			ok++;
		eg_grid_free(g);
	}
	return (void *)(intptr_t)ok;
}

/* Many threads reading one unmodified grid. */
static void *shared_reader(void *arg)
{
	const eg_grid *g = arg;
	long ok = 0;
	for (int r = 0; r < ROUNDS; r++) {
		const eg_node *n;
		eg_grid_walk *w;
		size_t count = 0;
		ok += eg_grid_lookup(&n, g, "V2") == EG_OK && strcmp(eg_node_name(n), "二村") == 0;
		if (eg_grid_walk_new(&w, g, NULL) == EG_OK) {
			while (eg_grid_walk_next(&n, w) == EG_OK)
				count++;
			eg_grid_walk_free(w);
		}
		ok += count == 6;
	}
	return (void *)(intptr_t)ok;
}

static void test_threads_own_handles(void **state)
{
	(void)state;
	pthread_t t[THREADS];
	for (int i = 0; i < THREADS; i++)
		assert_int_equal(pthread_create(&t[i], NULL, own_handles, NULL), 0);
	for (int i = 0; i < THREADS; i++) {
		void *ret;
		assert_int_equal(pthread_join(t[i], &ret), 0);
		assert_int_equal((intptr_t)ret, 2 * ROUNDS);
	}
}

static void test_threads_share_a_read_only_grid(void **state)
{
	(void)state;
	pthread_t t[THREADS];
	eg_grid *g = NULL;
	assert_int_equal(eg_grid_parse_csv(&g, csv, sizeof csv - 1, NULL), EG_OK);
	for (int i = 0; i < THREADS; i++)
		assert_int_equal(pthread_create(&t[i], NULL, shared_reader, g), 0);
	for (int i = 0; i < THREADS; i++) {
		void *ret;
		assert_int_equal(pthread_join(t[i], &ret), 0);
		assert_int_equal((intptr_t)ret, 2 * ROUNDS);
	}
	eg_grid_free(g);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_threads_own_handles),
		cmocka_unit_test(test_threads_share_a_read_only_grid),
	};
	return cmocka_run_group_tests_name("threads", tests, NULL, NULL);
}
