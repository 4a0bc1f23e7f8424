/* Internal layout of the grid, shared by grid.c, grid_csv.c and grid_check.c. */
#ifndef EG_GRID_INTERNAL_H
#define EG_GRID_INTERNAL_H

#include <ecogrid/grid.h>

#include <stdint.h>

/* Nodes live in fixed-size chunks so that their addresses never change. */
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

struct eg_node {
	const char *id;
	const char *name;
	eg_node *parent;
	eg_node *first_child;
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
	size_t n_nodes;
	uint32_t *table;       /* open addressing: node index + 1, 0 = empty */
	size_t table_cap;      /* power of two */
	eg_pool_chunk *pool;   /* newest chunk first */
	size_t count_level[5];
	size_t max_depth;
	eg_node *first_root, *last_root;
};

static inline eg_node *eg__grid_node(const eg_grid *g, size_t i)
{
	return &g->chunks[i >> EG_NODE_CHUNK_BITS][i & (EG_NODE_CHUNK - 1)];
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
