/* Helpers shared by the cmocka suites. Include after cmocka.h. */
#ifndef EG_TESTUTIL_H
#define EG_TESTUTIL_H

#include <stddef.h>

#include <ecogrid/ecogrid.h>

/*
 * Path of a file under ../shared/data (from ECOGRID_SHARED_DATA), or NULL
 * when the data is absent: the caller then calls skip() and says why.
 */
const char *tu_shared_file(const char *relative, char *buf, size_t bufsz);

/* Doubles: cmocka 1.1.5's assert_float_equal casts to float. */
void tu_assert_double_equal(double a, double b, double tol, const char *file, int line);
#define assert_double_equal(a, b, tol) tu_assert_double_equal((a), (b), (tol), __FILE__, __LINE__)

/*
 * Assert that `rc` is the expected negative code and that the thread's
 * detail message is non-empty and contains `needle` (NULL: any text).
 */
void tu_assert_error(int rc, int expected, const char *needle, const char *file, int line);
#define assert_error(rc, expected, needle) tu_assert_error((rc), (expected), (needle), __FILE__, __LINE__)

/*
 * Allocation-failure driver (SQLite style): run `scenario` failing the
 * 1st, 2nd, ... allocation until it succeeds. Each failing run must return
 * EG_ENOMEM; `scenario` is responsible for checking that its objects are
 * unchanged and for freeing what it made. Returns the number of
 * allocations of the successful run.
 */
typedef int (*tu_scenario)(void *state);
long tu_alloc_fail_loop(tu_scenario scenario, void *state);

#endif
