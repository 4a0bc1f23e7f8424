#if defined(__linux__) && !defined(_DEFAULT_SOURCE)
#define _DEFAULT_SOURCE /* madvise */
#endif
#include "util/alloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#if defined(__linux__)
#include <sys/mman.h>
#endif

/* Per-thread fault injection; see alloc.h. -1 means "never fail". */
static _Thread_local long fail_countdown = -1;
static _Thread_local long alloc_counter;

static int should_fail(void)
{
	alloc_counter++;
	if (fail_countdown < 0)
		return 0;
	if (fail_countdown == 0)
		return 1;
	fail_countdown--;
	return 0;
}

void *eg__malloc(size_t size)
{
	if (should_fail())
		return NULL;
	return malloc(size ? size : 1);
}

void *eg__calloc(size_t n, size_t size)
{
	size_t total;
	if (!eg__mul_ok(&total, n, size))
		return NULL;
	if (should_fail())
		return NULL;
	return calloc(total ? n : 1, total ? size : 1);
}

void *eg__realloc(void *ptr, size_t size)
{
	if (should_fail())
		return NULL;
	return realloc(ptr, size ? size : 1);
}

void eg__free(void *ptr)
{
	free(ptr);
}

int eg__mul_ok(size_t *out, size_t n, size_t size)
{
	if (size != 0 && n > SIZE_MAX / size) {
		*out = 0;
		return 0;
	}
	*out = n * size;
	return 1;
}

char *eg__strndup(const char *s, size_t n)
{
	char *d;
	if (n == SIZE_MAX)
		return NULL;
	d = eg__malloc(n + 1);
	if (!d)
		return NULL;
	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

void eg__alloc_fail_after(long n)
{
	fail_countdown = n;
	alloc_counter = 0;
}

void eg__alloc_fail_reset(void)
{
	fail_countdown = -1;
	alloc_counter = 0;
}

long eg__alloc_count(void)
{
	return alloc_counter;
}

void eg__advise_huge(void *p, size_t size)
{
#if defined(__linux__) && defined(MADV_HUGEPAGE)
	const uintptr_t huge = 2u << 20;
	uintptr_t a = ((uintptr_t)p + huge - 1) & ~(huge - 1), e = ((uintptr_t)p + size) & ~(huge - 1);
	if (size >= 4 * huge && e > a)
		(void)madvise((void *)a, e - a, MADV_HUGEPAGE);
#else
	(void)p;
	(void)size;
#endif
}
