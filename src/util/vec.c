#include "util/vec.h"

#include <stdint.h>

#include "util/alloc.h"

void *eg__vec_reserve(void *data, size_t *cap, size_t need, size_t elem, size_t first)
{
	size_t nc = *cap ? *cap : (first ? first : 1), bytes;
	void *t;
	if (need <= *cap && data)
		return data;
	while (nc < need) {
		if (nc > SIZE_MAX / 2)
			return NULL;
		nc *= 2;
	}
	if (!eg__mul_ok(&bytes, nc, elem))
		return NULL;
	t = eg__realloc(data, bytes ? bytes : 1);
	if (!t)
		return NULL;
	*cap = nc;
	return t;
}
