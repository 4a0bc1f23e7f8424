/*
 * The hash table of the library: open addressing with linear probing over
 * a power-of-two array of 8-byte slots, load factor at most 3/4. A slot
 * holds a 32-bit reference (the caller's index + 1; 0 is empty) and the
 * key's 32-bit hash; keys live with the caller, who decides equality. The
 * stored hash rejects almost every mismatch without touching the key and
 * lets the table grow without rehashing keys.
 *
 * The probe loops are inline so that an equality callback known at the
 * call site is inlined too (the grid's lookups are a benchmark workload).
 * Memory comes from util/alloc. No deletion: the tables of the library
 * only grow, and are rebuilt whole when they must forget.
 */
#ifndef EG_UTIL_HMAP_H
#define EG_UTIL_HMAP_H

#include <stddef.h>
#include <stdint.h>

/*
 * The probe loops and the callers' equality callbacks are forced inline
 * (GCC, Clang): a callback called for real inside the loop costs the grid
 * load about 20 instructions a row in register spills.
 */
#if defined(__GNUC__)
#define EG__HMAP_INLINE static inline __attribute__((always_inline))
#else
#define EG__HMAP_INLINE static inline
#endif

/* No value (find) / inserted (insert). */
#define EG__HMAP_NONE UINT32_MAX

typedef struct eg__hslot {
	uint32_t ref;  /* value + 1; 0: empty */
	uint32_t hash;
} eg__hslot;

typedef struct eg__hmap {
	eg__hslot *slot;
	size_t cap;    /* a power of two, or 0 before the first reserve */
} eg__hmap;

/*
 * Equality of a stored value with the key looked for. The key is the
 * caller's context; the callback may record what it found there (the
 * grid keeps the matching node, so a hit costs no second address
 * computation).
 */
typedef int (*eg__hmap_eq)(void *key, uint32_t value);

/* The capacity that holds n values at load <= 3/4 (at least 16). */
size_t eg__hmap_cap_for(size_t n);

/*
 * Make room for n values: a larger slot array when needed, the slots moved
 * by their stored hashes. EG_OK, or EG_ENOMEM / EG_ERANGE with the map
 * unchanged and the detail set (`what` names the operation, "indexing ...").
 */
int eg__hmap_reserve(eg__hmap *m, size_t n, const char *what);

void eg__hmap_free(eg__hmap *m);

EG__HMAP_INLINE void eg__hmap_prefetch(const eg__hmap *m, uint32_t hash)
{
#if defined(__GNUC__)
	__builtin_prefetch(&m->slot[hash & (m->cap - 1)]);
#else
	(void)m, (void)hash;
#endif
}

/* The value stored for a key of this hash that eq() accepts, or EG__HMAP_NONE. */
EG__HMAP_INLINE uint32_t eg__hmap_find(const eg__hmap *m, uint32_t hash, eg__hmap_eq eq, void *key)
{
	/* Locals: a store by the callback must not make the loop reload them. */
	const eg__hslot *slot = m->slot;
	size_t mask, i;
	if (!m->cap)
		return EG__HMAP_NONE;
	mask = m->cap - 1;
	for (i = hash & mask; slot[i].ref; i = (i + 1) & mask)
		if (slot[i].hash == hash && eq(key, slot[i].ref - 1))
			return slot[i].ref - 1;
	return EG__HMAP_NONE;
}

/*
 * Store `value` (< UINT32_MAX) under `hash`. With eq, a value already
 * stored for an equal key is returned instead and nothing is stored; with
 * eq NULL the caller knows the key is new. Returns EG__HMAP_NONE when
 * stored. The caller has reserved room (eg__hmap_reserve()).
 */
EG__HMAP_INLINE uint32_t eg__hmap_insert(eg__hmap *m, uint32_t hash, uint32_t value, eg__hmap_eq eq, void *key)
{
	eg__hslot *slot = m->slot;
	size_t mask = m->cap - 1, i;
	for (i = hash & mask; slot[i].ref; i = (i + 1) & mask)
		if (eq && slot[i].hash == hash && eq(key, slot[i].ref - 1))
			return slot[i].ref - 1;
	slot[i].ref = value + 1;
	slot[i].hash = hash;
	return EG__HMAP_NONE;
}

#endif
