/* Internal layout of the grid, shared by grid.c, grid_csv.c and grid_check.c. */
#ifndef EG_GRID_INTERNAL_H
#define EG_GRID_INTERNAL_H

#include <ecogrid/grid.h>

#include <stdint.h>
#include <string.h>

#include "util/hmap.h"

/*
 * Nodes live in fixed-size chunks so that their addresses never change; a
 * CSV load lays its chunks out in one block (eg_grid.node_block).
 */
#define EG_NODE_CHUNK_BITS 12
#define EG_NODE_CHUNK (1u << EG_NODE_CHUNK_BITS)
/* Strings (IDs, names) live in an append-only pool of chunks. */
#define EG_POOL_CHUNK (64u * 1024u)

typedef struct eg_subhead {
	const char *person;
	int rank;
	const eg_node **covered;
	size_t n_covered;
	struct eg_subhead *next;
} eg_subhead;

typedef struct eg_supervisor {
	const char *person;
	int staff;
	struct eg_supervisor *next;
} eg_supervisor;

typedef struct eg_keygrid_info {
	const char *station;
	const eg_node **townships;
	size_t n_townships;
} eg_keygrid_info;

/* Per-node people, allocated only for nodes that have any. */
typedef struct eg_people {
	char *head1, *head2;       /* owned: heads may be replaced */
	eg_subhead *subheads;      /* in insertion order */
	eg_subhead *subheads_tail;
	eg_supervisor *supervisors;
	eg_supervisor *supervisors_tail;
	size_t n_full, n_part;
	eg_keygrid_info *key;      /* for EG_KIND_KEY_GRID nodes added by eg_grid_add_key_grid */
} eg_people;

/*
 * 64 bytes. Children form a circular list: a parent points to its last
 * child, whose next_sibling is the first child, so appending is O(1)
 * without a first_child pointer (use eg__node_first_child and
 * eg__node_next_sibling). Roots form a NULL-terminated list from
 * eg_grid.first_root. The name follows the ID in the string pool.
 */
struct eg_node {
	const char *id;
	const char *name;
	eg_node *parent;
	eg_node *last_child;
	eg_node *next_sibling;
	eg_people *people;
	uint32_t index;
	uint32_t n_children;
	uint32_t depth;
	uint8_t id_len;
	uint8_t level;
	uint8_t kind;
};

typedef struct eg_pool_chunk {
	struct eg_pool_chunk *prev;
	size_t used, cap;
	char data[];
} eg_pool_chunk;

struct eg_grid {
	eg_node **chunks;      /* chunk table */
	size_t n_chunks, cap_chunks;
	eg_node *node_block;   /* chunks [0, block_chunks) live here (a CSV load), the rest alone */
	size_t block_chunks;
	size_t n_nodes;
	eg__hmap index;        /* ID -> node index (util/hmap: the ID hash below, load <= 3/4) */
	eg_pool_chunk *pool;   /* newest chunk first */
	size_t count_level[5];
	size_t max_depth;
	eg_node *first_root, *last_root;
};

static inline eg_node *eg__grid_node(const eg_grid *g, size_t i)
{
	return &g->chunks[i >> EG_NODE_CHUNK_BITS][i & (EG_NODE_CHUNK - 1)];
}

static inline const eg_node *eg__node_first_child(const eg_node *n)
{
	return n->last_child ? n->last_child->next_sibling : NULL;
}

static inline const eg_node *eg__node_next_sibling(const eg_node *n)
{
	if (n->parent && n->parent->last_child == n)
		return NULL;
	return n->next_sibling;
}

/*
 * The ID hash of the grid's index (word at a time; the index stores its low
 * 32 bits folded). Not FNV: a national load hashes 665,271 IDs.
 */
static inline uint32_t eg__grid_hash(const char *s, size_t len)
{
	uint64_t h = 0x9E3779B97F4A7C15ull ^ (uint64_t)len, w;
	while (len > 8) {
		memcpy(&w, s, 8);
		h = (h ^ w) * 0xBF58476D1CE4E5B9ull;
		h ^= h >> 31;
		s += 8;
		len -= 8;
	}
	if (len >= 4) {
		uint32_t a, b;
		memcpy(&a, s, 4);
		memcpy(&b, s + len - 4, 4);
		w = (uint64_t)a | (uint64_t)b << 32;
	} else if (len) {
		w = (uint64_t)(unsigned char)s[0] | (uint64_t)(unsigned char)s[len / 2] << 8 |
		    (uint64_t)(unsigned char)s[len - 1] << 16;
	} else {
		w = 0;
	}
	h = (h ^ w) * 0x94D049BB133111EBull;
	h ^= h >> 29;
	h *= 0xFF51AFD7ED558CCDull;
	return (uint32_t)(h ^ (h >> 32));
}

/* Link a new node under its parent (or as the last root); depth, counts. */
static inline void eg__grid_link(eg_grid *g, eg_node *n, eg_node *parent)
{
	n->parent = parent;
	if (parent) {
		n->depth = parent->depth + 1;
		if (parent->last_child) {
			n->next_sibling = parent->last_child->next_sibling;
			parent->last_child->next_sibling = n;
		} else {
			n->next_sibling = n;
		}
		parent->last_child = n;
		parent->n_children++;
	} else {
		n->depth = 0;
		n->next_sibling = NULL;
		if (g->last_root)
			g->last_root->next_sibling = n;
		else
			g->first_root = n;
		g->last_root = n;
	}
	if (n->depth > g->max_depth)
		g->max_depth = n->depth;
	g->count_level[n->level]++;
}

/* Lookup with an explicit length; NULL when absent. */
eg_node *eg__grid_find(const eg_grid *g, const char *id, size_t len);

/*
 * Make room for `extra` more nodes and `bytes` more pooled string bytes,
 * without changing anything visible. After success, eg__grid_commit_node
 * cannot fail for that many nodes / bytes.
 */
int eg__grid_reserve(eg_grid *g, size_t extra, size_t bytes);

/*
 * Append a node that has been fully validated (parent may be NULL).
 * Capacity must have been reserved. Never fails.
 */
eg_node *eg__grid_commit_node(eg_grid *g, const char *id, size_t id_len,
			      const char *name, size_t name_len, eg_node *parent,
			      int level, int kind);

/* The nearest ancestor-or-self at level 2, or NULL. */
const eg_node *eg__grid_unit_of(const eg_node *n);

#endif
