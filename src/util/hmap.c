#include "util/hmap.h"

#include <ecogrid/common.h>

#include "util/alloc.h"
#include "util/error.h"

size_t eg__hmap_cap_for(size_t n)
{
	size_t cap = 16;
	while (cap / 4 * 3 < n && cap <= SIZE_MAX / 2)
		cap *= 2;
	return cap;
}

int eg__hmap_reserve(eg__hmap *m, size_t n, const char *what)
{
	size_t cap = eg__hmap_cap_for(n), mask;
	eg__hslot *t;
	if (cap / 4 * 3 < n || cap > SIZE_MAX / sizeof *t)
		return eg__error(EG_ERANGE, "%s: %zu entries are too many for a hash table", what, n);
	if (cap <= m->cap)
		return EG_OK;
	t = eg__calloc(cap, sizeof *t);
	if (!t)
		return eg__error_nomem(what);
	mask = cap - 1;
	for (size_t i = 0; i < m->cap; i++)
		if (m->slot[i].ref) {
			size_t k = m->slot[i].hash & mask;
			while (t[k].ref)
				k = (k + 1) & mask;
			t[k] = m->slot[i];
		}
	eg__free(m->slot);
	m->slot = t;
	m->cap = cap;
	return EG_OK;
}

void eg__hmap_free(eg__hmap *m)
{
	eg__free(m->slot);
	m->slot = NULL;
	m->cap = 0;
}
