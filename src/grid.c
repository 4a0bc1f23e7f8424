/*
 * The supervision grid tree (CJ-G.1 levels, CJ-G.2 key grids, CJ-G.3 heads,
 * CJ-G.4/CJ-G.5 sub-grid heads, CJ-G.6/CJ-G.7 supervisors).
 *
 * Layout: nodes in fixed chunks (stable addresses), IDs and names in an
 * append-only string pool, an open-addressing hash table from ID to node
 * index. Every mutating function validates first, reserves all memory it
 * needs second, and only then changes the grid, so a failure leaves the
 * grid exactly as it was.
 */
#include "grid_internal.h"

#include <string.h>

#include "util/alloc.h"
#include "util/error.h"
#include "util/hmap.h"
#include "util/vec.h"
#include "util/text.h"

/* ------------------------------------------------------------------ */
/* Storage                                                             */
/* ------------------------------------------------------------------ */

int eg_grid_new(eg_grid **out)
{
	eg_grid *g;
	if (!out)
		return eg__error(EG_EINVAL, "eg_grid_new: out is NULL");
	g = eg__calloc(1, sizeof *g);
	if (!g)
		return eg__error_nomem("creating a grid");
	*out = g;
	return EG_OK;
}

static void free_people(eg_people *p)
{
	eg_subhead *s, *sn;
	eg_supervisor *v, *vn;
	if (!p)
		return;
	eg__free(p->head1);
	eg__free(p->head2);
	for (s = p->subheads; s; s = sn) {
		sn = s->next;
		eg__free(s);
	}
	for (v = p->supervisors; v; v = vn) {
		vn = v->next;
		eg__free(v);
	}
	eg__free(p->key);
	eg__free(p);
}

void eg_grid_free(eg_grid *g)
{
	eg_pool_chunk *c, *prev;
	if (!g)
		return;
	for (size_t i = 0; i < g->n_nodes; i++)
		free_people(eg__grid_node(g, i)->people);
	for (size_t i = g->block_chunks; i < g->n_chunks; i++)
		eg__free(g->chunks[i]);
	eg__free(g->node_block);
	eg__free(g->chunks);
	eg__hmap_free(&g->index);
	for (c = g->pool; c; c = prev) {
		prev = c->prev;
		eg__free(c);
	}
	eg__free(g);
}

/* The key of an index lookup: an ID with its length, the grid, and the node found. */
typedef struct id_key {
	const eg_grid *g;
	const char *id;
	size_t len;
	eg_node *found;
} id_key;

EG__HMAP_INLINE int id_matches(void *key, uint32_t node)
{
	id_key *k = key;
	eg_node *n = eg__grid_node(k->g, node);
	k->found = n;
	return n->id_len == k->len && memcmp(n->id, k->id, k->len) == 0;
}

eg_node *eg__grid_find(const eg_grid *g, const char *id, size_t len)
{
	id_key k;
	if (len == 0 || len > EG_GRID_ID_MAX)
		return NULL;
	k.g = g;
	k.id = id;
	k.len = len;
	return eg__hmap_find(&g->index, eg__grid_hash(id, len), id_matches, &k) == EG__HMAP_NONE ? NULL : k.found;
}

int eg__grid_reserve(eg_grid *g, size_t extra, size_t bytes)
{
	size_t need = g->n_nodes + extra;
	size_t need_chunks;
	int rc;

	if (extra > UINT32_MAX - 1 || need > UINT32_MAX - 1)
		return eg__error(EG_ERANGE, "a grid holds at most %u nodes", (unsigned)(UINT32_MAX - 1));

	/* Chunk table and chunks. */
	need_chunks = (need + EG_NODE_CHUNK - 1) >> EG_NODE_CHUNK_BITS;
	{
		eg_node **t = eg__vec_reserve(g->chunks, &g->cap_chunks, need_chunks, sizeof *g->chunks, 8);
		if (!t)
			return eg__error_nomem("growing the node table");
		g->chunks = t;
	}
	while (g->n_chunks < need_chunks) {
		eg_node *c = eg__malloc(EG_NODE_CHUNK * sizeof *c);
		if (!c)
			return eg__error_nomem("allocating nodes");
		g->chunks[g->n_chunks++] = c;
	}

	/* The ID index, at load factor <= 3/4. */
	if ((rc = eg__hmap_reserve(&g->index, need, "growing the ID index")) < 0)
		return rc;

	/* String pool. */
	if (bytes && (!g->pool || g->pool->cap - g->pool->used < bytes)) {
		size_t sz = bytes > EG_POOL_CHUNK ? bytes : EG_POOL_CHUNK;
		eg_pool_chunk *c = eg__malloc(sizeof *c + sz);
		if (!c)
			return eg__error_nomem("allocating node names");
		c->prev = g->pool;
		c->used = 0;
		c->cap = sz;
		g->pool = c;
	}
	return EG_OK;
}

static const char *pool_put(eg_grid *g, const char *s, size_t len)
{
	char *d = g->pool->data + g->pool->used;
	memcpy(d, s, len);
	d[len] = '\0';
	g->pool->used += len + 1;
	return d;
}

eg_node *eg__grid_commit_node(eg_grid *g, const char *id, size_t id_len,
			      const char *name, size_t name_len, eg_node *parent,
			      int level, int kind)
{
	eg_node *n = eg__grid_node(g, g->n_nodes);
	memset(n, 0, sizeof *n);
	n->id = pool_put(g, id, id_len);
	n->name = pool_put(g, name, name_len);
	n->id_len = (uint8_t)id_len;
	n->level = (uint8_t)level;
	n->kind = (uint8_t)kind;
	n->index = (uint32_t)g->n_nodes;
	eg__grid_link(g, n, parent);
	g->n_nodes++;
	eg__hmap_insert(&g->index, eg__grid_hash(id, id_len), n->index, NULL, NULL);
	return n;
}

/* ------------------------------------------------------------------ */
/* Adding nodes (CJ-G.1)                                               */
/* ------------------------------------------------------------------ */

static int check_level_kind(int level, int kind, const char *id)
{
	if (level < EG_LEVEL_PROVINCE || level > EG_LEVEL_VILLAGE)
		return eg__error(EG_ERANGE, "node %s: level %d is not 0-4 (CJ-G.1)", id, level);
	if (kind < EG_KIND_ADMIN || kind > EG_KIND_OTHER)
		return eg__error(EG_EINVAL, "node %s: kind %d is not one of eg_kind", id, kind);
	return EG_OK;
}

/* Validate and add one node; shared by eg_grid_add and eg_grid_add_key_grid. */
static int grid_add(eg_node **out, eg_grid *g, const char *id, const char *parent_id,
		    const char *name, int level, int kind)
{
	eg_node *parent = NULL;
	size_t id_len, name_len;
	int rc;

	if (!g)
		return eg__error(EG_EINVAL, "eg_grid_add: grid is NULL");
	if ((rc = eg__check_text(id, EG_GRID_ID_MAX, "node ID")) < 0)
		return rc;
	/* The detail names the node (grid.h): the ID has passed its check above. */
	if ((rc = eg__check_text(name, EG_GRID_NAME_MAX, "node name")) < 0)
		return eg__error(rc, "node %s: %s", id, eg_error_last()->message);
	if ((rc = check_level_kind(level, kind, id)) < 0)
		return rc;
	id_len = strlen(id);
	name_len = strlen(name);
	if (eg__grid_find(g, id, id_len))
		return eg__error(EG_EEXISTS, "node ID %s already exists", id);
	if (parent_id) {
		parent = eg__grid_find(g, parent_id, strnlen(parent_id, EG_GRID_ID_MAX + 1));
		if (!parent) {
			char q[96];
			eg__quote(q, sizeof q, parent_id, strnlen(parent_id, EG_GRID_ID_MAX + 1));
			return eg__error(EG_ENOTFOUND, "parent %s of %s not found", q, id);
		}
		if (level <= parent->level)
			return eg__error(EG_ELEVEL,
					 "node %s: level %d is not deeper than its parent %s's level %d",
					 id, level, parent->id, parent->level);
	}
	if ((rc = eg__grid_reserve(g, 1, id_len + name_len + 2)) < 0)
		return rc;
	*out = eg__grid_commit_node(g, id, id_len, name, name_len, parent, level, kind);
	return EG_OK;
}

int eg_grid_add_options_init(eg_grid_add_options *opts, unsigned int version)
{
	static const eg_grid_add_options init = EG_GRID_ADD_OPTIONS_INIT;
	if (!opts)
		return eg__error(EG_EINVAL, "eg_grid_add_options_init: opts is NULL");
	if (version != EG_GRID_ADD_OPTIONS_VERSION)
		return eg__error(EG_EINVAL, "eg_grid_add_options_init: unknown version %u (this library knows %u)", version,
				 EG_GRID_ADD_OPTIONS_VERSION);
	*opts = init;
	return EG_OK;
}

int eg_grid_add(const eg_node **out, eg_grid *g, const char *id, const char *parent_id, const char *name,
		const eg_grid_add_options *opts)
{
	eg_node *n = NULL;
	int rc;
	if (!opts)
		return eg__error(EG_EINVAL, "eg_grid_add: opts is NULL (initialise it with EG_GRID_ADD_OPTIONS_INIT)");
	if (opts->version != EG_GRID_ADD_OPTIONS_VERSION)
		return eg__error(EG_EINVAL, "eg_grid_add: opts->version %u is not %u (initialise it with EG_GRID_ADD_OPTIONS_INIT)",
				 opts->version, EG_GRID_ADD_OPTIONS_VERSION);
	rc = grid_add(&n, g, id, parent_id, name, opts->level, opts->kind);
	if (rc == EG_OK && out)
		*out = n;
	return rc;
}

/* ------------------------------------------------------------------ */
/* Reading                                                              */
/* ------------------------------------------------------------------ */

size_t eg_grid_size(const eg_grid *g) { return g ? g->n_nodes : 0; }

size_t eg_grid_count(const eg_grid *g, int level)
{
	if (!g || level < 0 || level > 4)
		return 0;
	return g->count_level[level];
}

size_t eg_grid_depth(const eg_grid *g) { return g ? g->max_depth : 0; }

int eg_grid_lookup(const eg_node **out, const eg_grid *g, const char *id)
{
	const eg_node *n;
	size_t len;
	if (!out || !g || !id)
		return eg__error(EG_EINVAL, "eg_grid_lookup: NULL argument");
	len = strnlen(id, EG_GRID_ID_MAX + 1);
	n = eg__grid_find(g, id, len);
	if (!n) {
		char q[96];
		eg__quote(q, sizeof q, id, len);
		return eg__error(EG_ENOTFOUND, "node %s not found", q);
	}
	*out = n;
	return EG_OK;
}

const eg_node *eg_grid_node_at(const eg_grid *g, size_t i)
{
	if (!g || i >= g->n_nodes)
		return NULL;
	return eg__grid_node(g, i);
}

const char *eg_node_id(const eg_node *n) { return n ? n->id : NULL; }
const char *eg_node_name(const eg_node *n) { return n ? n->name : NULL; }
int eg_node_level(const eg_node *n) { return n ? n->level : -1; }
int eg_node_kind(const eg_node *n) { return n ? n->kind : -1; }
size_t eg_node_index(const eg_node *n) { return n ? n->index : SIZE_MAX; }
const eg_node *eg_node_parent(const eg_node *n) { return n ? n->parent : NULL; }
size_t eg_node_depth(const eg_node *n) { return n ? n->depth : 0; }
size_t eg_node_child_count(const eg_node *n) { return n ? n->n_children : 0; }
const eg_node *eg_node_first_child(const eg_node *n) { return n ? eg__node_first_child(n) : NULL; }
const eg_node *eg_node_next_sibling(const eg_node *n) { return n ? eg__node_next_sibling(n) : NULL; }

const eg_node *eg__grid_unit_of(const eg_node *n)
{
	for (; n; n = n->parent) {
		if (n->level == EG_LEVEL_COUNTY)
			return n;
		if (n->level < EG_LEVEL_COUNTY)
			return NULL;
	}
	return NULL;
}

/* ------------------------------------------------------------------ */
/* Walks and roll-up                                                    */
/* ------------------------------------------------------------------ */

struct eg_grid_walk {
	const eg_node *start; /* NULL: the whole forest */
	const eg_node *next;
};

int eg_grid_walk_new(eg_grid_walk **out, const eg_grid *g, const eg_node *start)
{
	eg_grid_walk *w;
	if (!out || !g)
		return eg__error(EG_EINVAL, "eg_grid_walk_new: NULL argument");
	if (start && (start->index >= g->n_nodes || eg__grid_node(g, start->index) != start))
		return eg__error(EG_EINVAL, "eg_grid_walk_new: start node is not in this grid");
	w = eg__malloc(sizeof *w);
	if (!w)
		return eg__error_nomem("starting a walk");
	w->start = start;
	w->next = start ? start : g->first_root;
	*out = w;
	return EG_OK;
}

int eg_grid_walk_next(const eg_node **out, eg_grid_walk *w)
{
	const eg_node *n;
	if (!out || !w)
		return eg__error(EG_EINVAL, "eg_grid_walk_next: NULL argument");
	n = w->next;
	if (!n)
		return EG_ITEROVER;
	*out = n;
	/* Pre-order successor: first child, else the next sibling of the
	 * nearest ancestor-or-self that has one, stopping at the start. */
	if (n->last_child) {
		w->next = eg__node_first_child(n);
		return EG_OK;
	}
	while (n) {
		const eg_node *s;
		if (n == w->start) {
			n = NULL;
			break;
		}
		if ((s = eg__node_next_sibling(n)) != NULL) {
			n = s;
			break;
		}
		n = n->parent;
	}
	w->next = n;
	return EG_OK;
}

void eg_grid_walk_free(eg_grid_walk *w) { eg__free(w); }

int eg_grid_rollup(int64_t *out, const eg_grid *g, const int64_t *counts, size_t n)
{
	int64_t *sums;
	if (!out || !g || (!counts && n))
		return eg__error(EG_EINVAL, "eg_grid_rollup: NULL argument");
	if (n != g->n_nodes)
		return eg__error(EG_EINVAL, "eg_grid_rollup: %zu counts given for %zu nodes",
				 n, g->n_nodes);
	for (size_t i = 0; i < n; i++)
		if (counts[i] < 0)
			return eg__error(EG_EINVAL, "eg_grid_rollup: count %lld of node %s is negative",
					 (long long)counts[i], eg__grid_node(g, i)->id);
	/* Work in a scratch copy so that `out` is written only on success. */
	sums = eg__malloc((n ? n : 1) * sizeof *sums);
	if (!sums)
		return eg__error_nomem("rolling up counts");
	memcpy(sums, counts, n * sizeof *sums);
	/* Parents have smaller indices than their children: one reverse pass. */
	for (size_t i = n; i-- > 0;) {
		const eg_node *nd = eg__grid_node(g, i);
		if (nd->parent) {
			int64_t *p = &sums[nd->parent->index];
			if (*p > INT64_MAX - sums[i]) {
				eg__free(sums);
				return eg__error(EG_ERANGE, "eg_grid_rollup: the sum under %s overflows",
						 nd->parent->id);
			}
			*p += sums[i];
		}
	}
	memcpy(out, sums, n * sizeof *sums);
	eg__free(sums);
	return EG_OK;
}

/* ------------------------------------------------------------------ */
/* People (CJ-G.3 to CJ-G.7) and key grids (CJ-G.2)                     */
/* ------------------------------------------------------------------ */

/* On EG_OK *out is the node (never NULL); on failure *out is NULL. */
static int find_node(eg_node **out, const eg_grid *g, const char *id, const char *what)
{
	size_t len;
	*out = NULL;
	if (!id)
		return eg__error(EG_EINVAL, "%s ID is NULL", what);
	len = strnlen(id, EG_GRID_ID_MAX + 1);
	*out = eg__grid_find(g, id, len);
	if (!*out) {
		char q[96];
		eg__quote(q, sizeof q, id, len);
		return eg__error(EG_ENOTFOUND, "%s %s not found", what, q);
	}
	return EG_OK;
}

/*
 * Get or create the node's people record. Callers make this their last
 * fallible step, so a record created here is never left behind by a failure.
 */
static eg_people *people_of(eg_node *n)
{
	if (!n->people)
		n->people = eg__calloc(1, sizeof *n->people);
	return n->people;
}

/* CJ-G.3: dual grid heads. */
int eg_grid_set_heads(eg_grid *g, const char *node_id, const char *head1, const char *head2)
{
	eg_node *n;
	eg_people *p = NULL;
	char *h1 = NULL, *h2 = NULL;
	int rc;

	if (!g)
		return eg__error(EG_EINVAL, "eg_grid_set_heads: grid is NULL");
	if ((rc = find_node(&n, g, node_id, "node")) < 0)
		return rc;
	if (head1 && (rc = eg__check_text(head1, EG_GRID_NAME_MAX, "head name")) < 0)
		return rc;
	if (head2 && (rc = eg__check_text(head2, EG_GRID_NAME_MAX, "head name")) < 0)
		return rc;
	if (head1 && head2 && strcmp(head1, head2) == 0)
		return eg__error(EG_EEXISTS,
				 "node %s: both grid heads are %s; dual heads are two people (CJ-G.3)",
				 n->id, head1);
	if (head1 && !(h1 = eg__strndup(head1, strlen(head1))))
		return eg__error_nomem("recording a grid head");
	if (head2 && !(h2 = eg__strndup(head2, strlen(head2)))) {
		eg__free(h1);
		return eg__error_nomem("recording a grid head");
	}
	if (!(p = people_of(n))) {
		rc = eg__error_nomem("recording grid staff");
		eg__free(h1);
		eg__free(h2);
		return rc;
	}
	eg__free(p->head1);
	eg__free(p->head2);
	p->head1 = h1;
	p->head2 = h2;
	return EG_OK;
}

int eg_grid_heads(const char **head1, const char **head2, const eg_grid *g, const eg_node *n)
{
	if (!head1 || !head2 || !g || !n)
		return eg__error(EG_EINVAL, "eg_grid_heads: NULL argument");
	*head1 = n->people ? n->people->head1 : NULL;
	*head2 = n->people ? n->people->head2 : NULL;
	return EG_OK;
}

static int is_descendant(const eg_node *n, const eg_node *ancestor)
{
	for (n = n ? n->parent : NULL; n; n = n->parent)
		if (n == ancestor)
			return 1;
	return 0;
}

/*
 * Resolve a list of covered IDs: each must exist, be a descendant of `owner`
 * at level `level`, not be a key grid, and appear once.
 */
static int resolve_covered(const eg_node **dst, const eg_grid *g, const eg_node *owner,
			   int level, const char *const *ids, size_t n, const char *what)
{
	for (size_t i = 0; i < n; i++) {
		eg_node *c = NULL;
		int rc = find_node(&c, g, ids[i], what);
		if (rc < 0 || !c) /* !c: never with EG_OK, said for the compiler's flow analysis */
			return rc;
		if (c->level != level || c->kind == EG_KIND_KEY_GRID || !is_descendant(c, owner))
			return eg__error(EG_ELEVEL, "%s %s is not a level-%d node under %s",
					 what, c->id, level, owner->id);
		for (size_t j = 0; j < i; j++)
			if (dst[j] == c)
				return eg__error(EG_EEXISTS, "%s %s is listed twice", what, c->id);
		dst[i] = c;
	}
	return EG_OK;
}

/* CJ-G.4 (level 2) and CJ-G.5 (level 3): sub-grid heads and what they cover. */
int eg_grid_add_subhead(eg_grid *g, const char *node_id, const char *person, int rank,
			const char *const *covered, size_t n)
{
	eg_node *owner;
	eg_people *p = NULL;
	eg_subhead *s;
	size_t plen, sz;
	int rc;

	if (!g || (!covered && n))
		return eg__error(EG_EINVAL, "eg_grid_add_subhead: NULL argument");
	if ((rc = find_node(&owner, g, node_id, "node")) < 0)
		return rc;
	if ((rc = eg__check_text(person, EG_GRID_NAME_MAX, "sub-grid head name")) < 0)
		return rc;
	if (rank < EG_RANK_OTHER || rank > EG_RANK_DEPUTY_DIVISION)
		return eg__error(EG_ERANGE, "sub-grid head %s: rank %d is not one of eg_rank",
				 person, rank);
	if ((owner->level != EG_LEVEL_COUNTY && owner->level != EG_LEVEL_TOWNSHIP) ||
	    owner->kind == EG_KIND_KEY_GRID)
		return eg__error(EG_ELEVEL,
				 "node %s is at level %d; sub-grid heads belong to level 2 (CJ-G.4) or level 3 (CJ-G.5)",
				 owner->id, owner->level);
	if (n == 0)
		return eg__error(EG_EINVAL, "sub-grid head %s of %s covers no node", person, owner->id);
	if (n > SIZE_MAX / sizeof(eg_node *) / 2)
		return eg__error(EG_ERANGE, "sub-grid head %s: %zu covered nodes", person, n);
	if (owner->people)
		for (s = owner->people->subheads; s; s = s->next)
			if (strcmp(s->person, person) == 0)
				return eg__error(EG_EEXISTS, "%s is already a sub-grid head of %s",
						 person, owner->id);
	plen = strlen(person);
	sz = sizeof *s + n * sizeof(eg_node *) + plen + 1;
	s = eg__malloc(sz);
	if (!s)
		return eg__error_nomem("recording a sub-grid head");
	s->covered = (const eg_node **)(void *)(s + 1);
	rc = resolve_covered(s->covered, g, owner, owner->level + 1, covered, n,
			     owner->level == EG_LEVEL_COUNTY ? "township" : "village");
	if (rc < 0) {
		eg__free(s);
		return rc;
	}
	if (!(p = people_of(owner))) {
		rc = eg__error_nomem("recording grid staff");
		eg__free(s);
		return rc;
	}
	s->person = memcpy((char *)(s->covered + n), person, plen + 1);
	s->rank = rank;
	s->n_covered = n;
	s->next = NULL;
	if (p->subheads_tail)
		p->subheads_tail->next = s;
	else
		p->subheads = s;
	p->subheads_tail = s;
	return EG_OK;
}

/* CJ-G.6 (townships) and CJ-G.7 (villages): supervisors. */
int eg_grid_add_supervisor(eg_grid *g, const char *node_id, const char *person, int staff)
{
	eg_node *n;
	eg_people *p = NULL;
	eg_supervisor *v;
	size_t plen;
	int rc;

	if (!g)
		return eg__error(EG_EINVAL, "eg_grid_add_supervisor: grid is NULL");
	if ((rc = find_node(&n, g, node_id, "node")) < 0)
		return rc;
	if ((rc = eg__check_text(person, EG_GRID_NAME_MAX, "supervisor name")) < 0)
		return rc;
	if (staff != EG_STAFF_FULL_TIME && staff != EG_STAFF_PART_TIME)
		return eg__error(EG_ERANGE, "supervisor %s: staff %d is not one of eg_staff", person, staff);
	if (n->people)
		for (v = n->people->supervisors; v; v = v->next)
			if (strcmp(v->person, person) == 0)
				return eg__error(EG_EEXISTS, "%s is already a supervisor of %s",
						 person, n->id);
	plen = strlen(person);
	v = eg__malloc(sizeof *v + plen + 1);
	if (!v)
		return eg__error_nomem("recording a supervisor");
	if (!(p = people_of(n))) {
		rc = eg__error_nomem("recording grid staff");
		eg__free(v);
		return rc;
	}
	v->person = memcpy((char *)(v + 1), person, plen + 1);
	v->staff = staff;
	v->next = NULL;
	if (p->supervisors_tail)
		p->supervisors_tail->next = v;
	else
		p->supervisors = v;
	p->supervisors_tail = v;
	if (staff == EG_STAFF_FULL_TIME)
		p->n_full++;
	else
		p->n_part++;
	return EG_OK;
}

int eg_grid_supervisors(size_t *full_time, size_t *part_time, const eg_grid *g, const eg_node *n)
{
	if (!g || !n)
		return eg__error(EG_EINVAL, "eg_grid_supervisors: NULL argument");
	if (full_time)
		*full_time = n->people ? n->people->n_full : 0;
	if (part_time)
		*part_time = n->people ? n->people->n_part : 0;
	return EG_OK;
}

/* CJ-G.2: a key grid around a monitoring station, spanning townships of one unit. */
static int add_key_grid(const eg_node **out, eg_grid *g, const char *id, const char *unit_id, const char *name,
			const char *station_id, const char *const *townships, size_t n)
{
	eg_node *unit = NULL, *kg = NULL;
	eg_keygrid_info *info;
	eg_people *p = NULL;
	size_t slen;
	int rc;

	if (!g || (!townships && n))
		return eg__error(EG_EINVAL, "eg_grid_add_key_grid: NULL argument");
	if ((rc = find_node(&unit, g, unit_id, "unit")) < 0 || !unit) /* !unit: never with EG_OK */
		return rc;
	if (unit->level != EG_LEVEL_COUNTY)
		return eg__error(EG_ELEVEL, "key grid %s: unit %s is at level %d; key grids belong to a level-2 unit (CJ-G.2)",
				 id ? id : "(null)", unit->id, unit->level);
	if ((rc = eg__check_text(station_id, EG_GRID_ID_MAX, "station ID")) < 0)
		return rc;
	if (n == 0)
		return eg__error(EG_EINVAL, "key grid %s spans no township (CJ-G.2)", id ? id : "(null)");
	if (n > SIZE_MAX / sizeof(eg_node *) / 2)
		return eg__error(EG_ERANGE, "key grid: %zu townships", n);
	slen = strlen(station_id);
	info = eg__malloc(sizeof *info + n * sizeof(eg_node *) + slen + 1);
	if (!info)
		return eg__error_nomem("recording a key grid");
	info->townships = (const eg_node **)(void *)(info + 1);
	rc = resolve_covered(info->townships, g, unit, EG_LEVEL_TOWNSHIP, townships, n, "township");
	if (rc < 0)
		goto fail;
	p = eg__calloc(1, sizeof *p);
	if (!p) {
		rc = eg__error_nomem("recording a key grid");
		goto fail;
	}
	rc = grid_add(&kg, g, id, unit->id, name, EG_LEVEL_TOWNSHIP, EG_KIND_KEY_GRID);
	if (rc < 0 || !kg) { /* !kg: never with EG_OK */
		eg__free(p);
		goto fail;
	}
	info->station = memcpy((char *)(info->townships + n), station_id, slen + 1);
	info->n_townships = n;
	p->key = info;
	kg->people = p;
	if (out)
		*out = kg;
	return EG_OK;
fail:
	eg__free(info);
	return rc;
}

int eg_grid_key_grid_info(const char **station_id, size_t *n_townships,
			  const eg_grid *g, const eg_node *kg)
{
	if (!station_id || !g || !kg)
		return eg__error(EG_EINVAL, "eg_grid_key_grid_info: NULL argument");
	if (kg->kind != EG_KIND_KEY_GRID)
		return eg__error(EG_EINVAL, "node %s is not a key grid (CJ-G.2)", kg->id);
	*station_id = kg->people && kg->people->key ? kg->people->key->station : NULL;
	if (n_townships)
		*n_townships = kg->people && kg->people->key ? kg->people->key->n_townships : 0;
	return EG_OK;
}

const eg_node *eg_grid_key_grid_township(const eg_grid *g, const eg_node *kg, size_t i)
{
	if (!g || !kg || kg->kind != EG_KIND_KEY_GRID || !kg->people || !kg->people->key ||
	    i >= kg->people->key->n_townships)
		return NULL;
	return kg->people->key->townships[i];
}

int eg_grid_key_grid_options_init(eg_grid_key_grid_options *opts, unsigned int version)
{
	static const eg_grid_key_grid_options init = EG_GRID_KEY_GRID_OPTIONS_INIT;
	if (!opts)
		return eg__error(EG_EINVAL, "eg_grid_key_grid_options_init: opts is NULL");
	if (version != EG_GRID_KEY_GRID_OPTIONS_VERSION)
		return eg__error(EG_EINVAL, "eg_grid_key_grid_options_init: unknown version %u (this library knows %u)", version,
				 EG_GRID_KEY_GRID_OPTIONS_VERSION);
	*opts = init;
	return EG_OK;
}

int eg_grid_add_key_grid(const eg_node **out, eg_grid *g, const char *id, const char *unit_id, const char *name,
			 const eg_grid_key_grid_options *opts)
{
	if (!opts)
		return eg__error(EG_EINVAL, "eg_grid_add_key_grid: opts is NULL (initialise it with EG_GRID_KEY_GRID_OPTIONS_INIT)");
	if (opts->version != EG_GRID_KEY_GRID_OPTIONS_VERSION)
		return eg__error(EG_EINVAL, "eg_grid_add_key_grid: opts->version %u is not %u (initialise it with EG_GRID_KEY_GRID_OPTIONS_INIT)",
				 opts->version, EG_GRID_KEY_GRID_OPTIONS_VERSION);
	return add_key_grid(out, g, id, unit_id, name, opts->station_id, opts->townships, opts->n_townships);
}
