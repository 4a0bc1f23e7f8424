/*
 * The growable array of the library. An owner keeps a typed pointer, a
 * length and a capacity (`T *items; size_t n, cap;`) and makes room before
 * appending:
 *
 *     T *t = eg__vec_reserve(items, &cap, n + 1, sizeof *items, 16);
 *     if (!t)
 *         return eg__error_nomem("...");
 *     items = t;
 *     items[n++] = x;
 *
 * Capacity doubles from `first`, so appends are amortised O(1). Memory
 * comes from util/alloc (the allocation-failure tests reach it). Taking
 * and returning the block (rather than a `void **`) keeps the owner's
 * pointer typed and the failure path trivial: nothing changes on failure.
 */
#ifndef EG_UTIL_VEC_H
#define EG_UTIL_VEC_H

#include <stddef.h>

/*
 * Room for `need` elements of `elem` bytes in `data` (capacity *cap, in
 * elements). Returns `data` when it is big enough, else the grown block
 * (capacity doubled from max(*cap, first) until it holds `need`, *cap
 * updated). Returns NULL, with `data` and *cap unchanged, when the
 * allocation fails or the size overflows size_t.
 */
void *eg__vec_reserve(void *data, size_t *cap, size_t need, size_t elem, size_t first);

#endif
