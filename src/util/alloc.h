/*
 * Internal allocator hook. All library memory goes through these four
 * functions so that tests can make the N-th allocation fail (SQLite's
 * approach) and check that every failure path returns EG_ENOMEM, leaks
 * nothing and changes nothing.
 *
 * The fault injector is per thread (thread-local countdown), so it is not
 * global mutable state and a test thread never disturbs another thread.
 * It is internal: tests reach it by linking the static library.
 */
#ifndef EG_UTIL_ALLOC_H
#define EG_UTIL_ALLOC_H

#include <stddef.h>

void *eg__malloc(size_t size);
void *eg__calloc(size_t n, size_t size);
/* Like realloc, but on failure the old block is untouched and NULL is returned. */
void *eg__realloc(void *ptr, size_t size);
void eg__free(void *ptr);
/* Overflow-checked n * size; returns 0 (and sets *out to 0) on overflow. */
int eg__mul_ok(size_t *out, size_t n, size_t size);
char *eg__strndup(const char *s, size_t n);

/*
 * Ask for transparent huge pages on a large block (Linux, where THP is in
 * "madvise" mode by default): one page fault per 2 MiB instead of 512, for
 * the block's 2 MiB-aligned interior; blocks under 8 MiB are left alone.
 * Advice only: nothing depends on it. Advise a block once, at its final
 * size (a block grown by realloc may be copied into pages taken before
 * the advice).
 */
void eg__advise_huge(void *p, size_t size);

/*
 * Test hook: after `n` more successful allocations, every allocation fails
 * until eg__alloc_fail_reset(). n < 0 disables injection.
 * eg__alloc_count() counts allocations made on this thread since the last
 * reset; a test driver uses it to learn how many allocations a scenario makes.
 */
void eg__alloc_fail_after(long n);
void eg__alloc_fail_reset(void);
long eg__alloc_count(void);

#endif
