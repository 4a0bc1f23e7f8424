/*
 * Staffing and coverage checks of the supervision grid: CJ-G.3 (dual heads),
 * CJ-G.4 and CJ-G.5 (sub-grid heads: rank, span, full coverage), CJ-G.6 and
 * CJ-G.7 (supervisors), and assessment item 2 (CJ-A2-5.2) derived from them.
 */
#include "grid_internal.h"

#include <stdio.h>
#include <string.h>

#include "util/alloc.h"
#include "util/error.h"
#include "util/vec.h"

/*
 * Findings are stored compactly: a code and the numbers each message needs,
 * with the node's ID and name, its unit's ID and a sub-head's name copied
 * once into the findings' own string pool (so that findings outlive any
 * change to the grid). Messages are made when first asked for and kept.
 * The national grid with nobody staffed has about 2 million findings: 32
 * bytes each plus the pool, instead of two formatted messages each.
 */
enum {
	F_G3,       /* CJ-G.3: a = heads */
	F_G4_RANK,  /* CJ-G.4: person, rank */
	F_G4_SPAN,  /* CJ-G.4: person, a = townships covered */
	F_G4_COVER, /* CJ-G.4: township not covered */
	F_G5_RANK,  /* CJ-G.5: person, rank */
	F_G5_COVER, /* CJ-G.5: village not covered */
	F_G6,       /* CJ-G.6: a = supervisors, b = full-time */
	F_G7        /* CJ-G.7: a = supervisors, b = full-time */
};

static const char *const rule_of[] = { "CJ-G.3", "CJ-G.4", "CJ-G.4", "CJ-G.4", "CJ-G.5", "CJ-G.5", "CJ-G.6", "CJ-G.7" };

struct eg_finding {
	const eg_findings *owner;
	uint32_t node;   /* pool offset of "ID\0name\0" */
	uint32_t unit;   /* pool offset of the unit's ID (0: "") */
	uint32_t person; /* pool offset of a sub-head's name (0: none) */
	uint32_t a, b;
	uint8_t code, rank;
};

struct eg_findings {
	eg_finding *items;
	size_t n;
	char *pool;         /* offset 0 holds "" */
	size_t pool_len;
	char **msg[2];      /* per language, made on demand; NULL until first asked */
	uint32_t *g45_units; /* pool offsets of units with a CJ-G.4/CJ-G.5 finding, sorted by ID, unique */
	size_t n_g45;
};

/* The findings being made, and per node index the pool offset of its "ID\0name\0" (0: not yet copied). */
typedef struct sink {
	eg_findings *F;
	size_t cap, pool_cap;
	uint32_t *where;
	int failed;
} sink;

static const char *rank_name(int rank, int lang)
{
	static const char *const zh[] = { "副科级以下", "副科级", "副处级" };
	static const char *const en[] = { "below deputy-section", "deputy-section", "deputy-division" };
	if (rank < 0 || rank > 2)
		rank = 0;
	return lang == EG_LANG_EN ? en[rank] : zh[rank];
}

static uint32_t narrow(size_t v)
{
	return v > UINT32_MAX ? UINT32_MAX : (uint32_t)v;
}

/* Room for `bytes` more pool bytes (within the bound, always: growth is a safety net); on failure S->failed is set. */
static int pool_room(sink *S, size_t bytes)
{
	eg_findings *F = S->F;
	char *t;
	if (F->pool_len + bytes > (size_t)UINT32_MAX + 1) {
		S->failed = eg__error(EG_ERANGE, "checking the grid: more than 4 GiB of names in the findings");
		return -1;
	}
	if (!(t = eg__vec_reserve(F->pool, &S->pool_cap, F->pool_len + bytes, 1, 4096))) {
		S->failed = eg__error_nomem("recording findings");
		return -1;
	}
	F->pool = t;
	return 0;
}

/* Pool offset of a node's "ID\0name\0", copied on first use. */
static uint32_t pool_node(sink *S, const eg_node *n)
{
	size_t li, ln;
	uint32_t off;
	if (S->where[n->index])
		return S->where[n->index];
	li = (size_t)n->id_len + 1;
	ln = strlen(n->name) + 1;
	if (pool_room(S, li + ln) < 0)
		return 0;
	off = (uint32_t)S->F->pool_len;
	memcpy(S->F->pool + off, n->id, li);
	memcpy(S->F->pool + off + li, n->name, ln);
	S->F->pool_len += li + ln;
	S->where[n->index] = off;
	return off;
}

static uint32_t pool_text(sink *S, const char *t)
{
	size_t l = strlen(t) + 1;
	uint32_t off;
	if (pool_room(S, l) < 0)
		return 0;
	off = (uint32_t)S->F->pool_len;
	memcpy(S->F->pool + off, t, l);
	S->F->pool_len += l;
	return off;
}

/* Record a finding about `node` (whose unit is `unit`, or NULL). */
static void add(sink *S, int code, const eg_node *node, const eg_node *unit, const eg_subhead *s, size_t a, size_t b)
{
	eg_findings *F = S->F;
	eg_finding *f;
	if (S->failed)
		return;
	{
		eg_finding *t = eg__vec_reserve(F->items, &S->cap, F->n + 1, sizeof *F->items, 64);
		if (!t) {
			S->failed = eg__error_nomem("recording findings");
			return;
		}
		F->items = t;
	}
	f = &F->items[F->n];
	f->owner = F;
	f->node = pool_node(S, node);
	f->unit = unit ? pool_node(S, unit) : 0;
	f->person = s ? pool_text(S, s->person) : 0;
	f->rank = (uint8_t)(s && s->rank >= 0 && s->rank <= 2 ? s->rank : 0);
	f->a = narrow(s && code == F_G4_SPAN ? s->n_covered : a);
	f->b = narrow(b);
	f->code = (uint8_t)code;
	if (!S->failed)
		F->n++;
}

/*
 * Upper bounds of the findings and pool bytes of a check (see check_node):
 * a node at levels 2-4 gives at most 3 findings plus 2 per sub-head; its ID
 * and name are copied at most once, a sub-head's name once per finding.
 */
static void bound(sink *S, const eg_grid *g)
{
	size_t items = 1, bytes = 1;
	for (size_t i = 0; i < g->n_nodes; i++) {
		const eg_node *n = eg__grid_node(g, i);
		if (n->level < EG_LEVEL_COUNTY)
			continue;
		items += 3;
		bytes += (size_t)n->id_len + strlen(n->name) + 2;
		for (const eg_subhead *s = n->people ? n->people->subheads : NULL; s; s = s->next) {
			items += 2;
			bytes += 2 * (strlen(s->person) + 1); /* its name, once per finding about it */
		}
	}
	S->cap = items;
	S->pool_cap = bytes;
}

/* Check one node; `covered` marks nodes covered by some sub-grid head. */
static void check_node(sink *S, const eg_node *n, const unsigned char *covered)
{
	const eg_people *p = n->people;
	const eg_subhead *s;
	const eg_node *unit;

	if (n->kind == EG_KIND_KEY_GRID || n->level < EG_LEVEL_COUNTY)
		return;
	unit = eg__grid_unit_of(n);

	/* CJ-G.3: dual grid heads at levels 2-4. */
	{
		size_t heads = (p && p->head1 ? 1u : 0u) + (p && p->head2 ? 1u : 0u);
		if (heads < 2)
			add(S, F_G3, n, unit, NULL, heads, 0);
	}

	if (n->level == EG_LEVEL_COUNTY) {
		/* CJ-G.4: level-2 sub-grid heads, deputy-division or above, 1-2 townships each. */
		for (s = p ? p->subheads : NULL; s; s = s->next) {
			if (s->rank < EG_RANK_DEPUTY_DIVISION)
				add(S, F_G4_RANK, n, unit, s, 0, 0);
			if (s->n_covered < 1 || s->n_covered > 2)
				add(S, F_G4_SPAN, n, unit, s, 0, 0);
		}
		return;
	}

	if (n->level == EG_LEVEL_TOWNSHIP) {
		size_t full = p ? p->n_full : 0, total = full + (p ? p->n_part : 0);
		/* CJ-G.4: every township of a county is covered (全覆盖). */
		if (unit && !covered[n->index])
			add(S, F_G4_COVER, n, unit, NULL, 0, 0);
		/* CJ-G.5: level-3 sub-grid heads, deputy-section or above. */
		for (s = p ? p->subheads : NULL; s; s = s->next)
			if (s->rank < EG_RANK_DEPUTY_SECTION)
				add(S, F_G5_RANK, n, unit, s, 0, 0);
		/* CJ-G.6: 3-5 supervisors, at least 3 full-time. */
		if (total < 3 || total > 5 || full < 3)
			add(S, F_G6, n, unit, NULL, total, full);
		return;
	}

	/* Level 4. */
	{
		size_t full = p ? p->n_full : 0, total = full + (p ? p->n_part : 0);
		const eg_node *t = n->parent;
		/* CJ-G.5: every village of a township is covered (全覆盖). */
		if (t && t->level == EG_LEVEL_TOWNSHIP && t->kind != EG_KIND_KEY_GRID && !covered[n->index])
			add(S, F_G5_COVER, n, unit, NULL, 0, 0);
		/* CJ-G.7: at least 3 supervisors, at least 1 full-time. */
		if (total < 3 || full < 1)
			add(S, F_G7, n, unit, NULL, total, full);
	}
}

/*
 * Sort the unit offsets u[0..n) by ID, dropping repeats, in place (binary
 * insertion: a finding list names few distinct units, and repeats are
 * dropped before they are inserted). Returns the new count.
 */
static size_t unique_units(uint32_t *u, size_t n, const char *pool)
{
	size_t m = 0;
	for (size_t i = 0; i < n; i++) {
		const uint32_t v = u[i]; /* read before the shift below, which may overwrite u[i] when m == i */
		size_t lo = 0, hi = m;
		int found = 0;
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;
			int c = strcmp(pool + u[mid], pool + v);
			if (c == 0) {
				found = 1;
				break;
			}
			if (c < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (found)
			continue;
		memmove(u + lo + 1, u + lo, (m - lo) * sizeof *u);
		u[lo] = v;
		m++;
	}
	return m;
}

void eg_findings_free(eg_findings *F)
{
	if (!F)
		return;
	for (int l = 0; l < 2; l++) {
		for (size_t i = 0; F->msg[l] && i < F->n; i++)
			eg__free(F->msg[l][i]);
		eg__free(F->msg[l]);
	}
	eg__free(F->items);
	eg__free(F->pool);
	eg__free(F->g45_units);
	eg__free(F);
}

int eg_grid_check(eg_findings **out, const eg_grid *g)
{
	eg_findings *F;
	unsigned char *covered;
	eg_grid_walk *w = NULL;
	const eg_node *n;
	sink S;
	size_t n_g45 = 0;
	int rc;

	if (!out || !g)
		return eg__error(EG_EINVAL, "eg_grid_check: NULL argument");
	memset(&S, 0, sizeof S);
	S.F = F = eg__calloc(1, sizeof *F);
	covered = eg__calloc(g->n_nodes ? g->n_nodes : 1, 1);
	S.where = eg__calloc(g->n_nodes ? g->n_nodes : 1, sizeof *S.where);
	if (!F || !covered || !S.where) {
		rc = eg__error_nomem("checking the grid");
		goto fail;
	}
	/* Room for the most findings and names the grid can give, taken at once
	 * (pages never touched cost nothing) so that large blocks get huge pages. */
	bound(&S, g);
	F->items = eg__malloc(S.cap * sizeof *F->items);
	F->pool = eg__malloc(S.pool_cap);
	if (!F->items || !F->pool) {
		rc = eg__error_nomem("recording findings");
		goto fail;
	}
	eg__advise_huge(F->items, S.cap * sizeof *F->items);
	eg__advise_huge(F->pool, S.pool_cap);
	F->pool[F->pool_len++] = '\0'; /* offset 0: "" (no unit, no person) */
	/* Sub-heads of level 2 cover level-3 nodes and those of level 3 cover
	 * level-4 nodes, so one mark per node records both kinds of coverage. */
	for (size_t i = 0; i < g->n_nodes; i++) {
		const eg_node *o = eg__grid_node(g, i);
		for (const eg_subhead *s = o->people ? o->people->subheads : NULL; s; s = s->next)
			for (size_t k = 0; k < s->n_covered; k++)
				covered[s->covered[k]->index] = 1;
	}
	if ((rc = eg_grid_walk_new(&w, g, NULL)) < 0)
		goto fail;
	while (!S.failed && eg_grid_walk_next(&n, w) == EG_OK)
		check_node(&S, n, covered);
	eg_grid_walk_free(w);
	if ((rc = S.failed) < 0)
		goto fail;
	/* CJ-A2-5.2: the units under which some CJ-G.4 or CJ-G.5 finding falls. */
	for (size_t i = 0; i < F->n; i++)
		n_g45 += F->items[i].code >= F_G4_RANK && F->items[i].code <= F_G5_COVER && F->items[i].unit;
	F->g45_units = eg__malloc((n_g45 ? n_g45 : 1) * sizeof *F->g45_units);
	if (!F->g45_units) {
		rc = eg__error_nomem("recording findings");
		goto fail;
	}
	for (size_t i = 0; i < F->n; i++)
		if (F->items[i].code >= F_G4_RANK && F->items[i].code <= F_G5_COVER && F->items[i].unit &&
		    (F->n_g45 == 0 || F->g45_units[F->n_g45 - 1] != F->items[i].unit)) /* pre-order: runs per unit */
			F->g45_units[F->n_g45++] = F->items[i].unit;
	F->n_g45 = unique_units(F->g45_units, F->n_g45, F->pool);
	eg__free(covered);
	eg__free(S.where);
	*out = F;
	return EG_OK;
fail:
	eg__free(covered);
	eg__free(S.where);
	eg_findings_free(F);
	return rc;
}

size_t eg_findings_count(const eg_findings *F) { return F ? F->n : 0; }

const eg_finding *eg_findings_at(const eg_findings *F, size_t i)
{
	return F && i < F->n ? &F->items[i] : NULL;
}

const char *eg_finding_rule(const eg_finding *f) { return f ? rule_of[f->code] : NULL; }
const char *eg_finding_node(const eg_finding *f) { return f ? f->owner->pool + f->node : NULL; }
const char *eg_finding_unit(const eg_finding *f) { return f ? f->owner->pool + f->unit : NULL; }

/* The message of f in lang (0 zh, 1 en) into buf (512 bytes are enough: names are at most 256). */
static void format_message(char *buf, size_t sz, const eg_finding *f, int lang)
{
	const char *pool = f->owner->pool, *id = pool + f->node, *name = id + strlen(id) + 1, *person = pool + f->person;
	const char *rank = rank_name(f->rank, lang);
	unsigned a = f->a, b = f->b;
	int en = lang == EG_LANG_EN;
	switch (f->code) {
	case F_G3:
		if (en)
			snprintf(buf, sz, "%s (%s) has %u grid head(s); dual grid heads (2) are required (CJ-G.3)", name, id, a);
		else
			snprintf(buf, sz, "%s（%s）网格长 %u 名，要求双网格长 2 名（CJ-G.3）", name, id, a);
		break;
	case F_G4_RANK:
		if (en)
			snprintf(buf, sz, "level-2 sub-grid head %s of %s has rank %s; deputy-division or above is required (CJ-G.4)",
				 person, id, rank);
		else
			snprintf(buf, sz, "%s二级分网格长%s职级为%s，要求副处级及以上（CJ-G.4）", name, person, rank);
		break;
	case F_G4_SPAN:
		if (en)
			snprintf(buf, sz, "level-2 sub-grid head %s of %s covers %u townships; 1-2 are required (CJ-G.4)", person,
				 id, a);
		else
			snprintf(buf, sz, "%s二级分网格长%s负责 %u 个乡镇（街道），要求 1-2 个（CJ-G.4）", name, person, a);
		break;
	case F_G4_COVER:
		if (en)
			snprintf(buf, sz, "township %s (%s) is covered by no level-2 sub-grid head; full coverage is required (CJ-G.4)",
				 name, id);
		else
			snprintf(buf, sz, "乡镇（街道）%s（%s）无二级分网格长负责，要求全覆盖（CJ-G.4）", name, id);
		break;
	case F_G5_RANK:
		if (en)
			snprintf(buf, sz, "level-3 sub-grid head %s of %s has rank %s; deputy-section or above is required (CJ-G.5)",
				 person, id, rank);
		else
			snprintf(buf, sz, "%s三级分网格长%s职级为%s，要求副科级及以上（CJ-G.5）", name, person, rank);
		break;
	case F_G5_COVER:
		if (en)
			snprintf(buf, sz, "village %s (%s) is covered by no level-3 sub-grid head; full coverage is required (CJ-G.5)",
				 name, id);
		else
			snprintf(buf, sz, "村（社区）%s（%s）无三级分网格长负责，要求全覆盖（CJ-G.5）", name, id);
		break;
	case F_G6:
		if (en)
			snprintf(buf, sz, "%s (%s) has %u supervisors (%u full-time); 3-5 are required, at least 3 full-time (CJ-G.6)",
				 name, id, a, b);
		else
			snprintf(buf, sz, "%s（%s）网格监督员 %u 名（专职 %u 名），要求 3-5 名且专职不少于 3 名（CJ-G.6）", name, id, a, b);
		break;
	default:
		if (en)
			snprintf(buf, sz, "%s (%s) has %u supervisors (%u full-time); at least 3 are required, at least 1 full-time (CJ-G.7)",
				 name, id, a, b);
		else
			snprintf(buf, sz, "%s（%s）网格监督员 %u 名（专职 %u 名），要求不少于 3 名且专职不少于 1 名（CJ-G.7）", name, id,
				 a, b);
		break;
	}
}

const char *eg_finding_message(const eg_finding *f, int lang)
{
	/* The findings own the cache of messages: made once, kept until eg_findings_free(). */
	eg_findings *F;
	size_t i;
	char buf[1024];
	int l = lang == EG_LANG_EN ? EG_LANG_EN : EG_LANG_ZH;
	if (!f)
		return NULL;
	F = (eg_findings *)(uintptr_t)f->owner;
	i = (size_t)(f - F->items);
	if (!F->msg[l] && !(F->msg[l] = eg__calloc(F->n, sizeof *F->msg[l]))) {
		eg__error_nomem("making a finding's message");
		return NULL;
	}
	if (!F->msg[l][i]) {
		format_message(buf, sizeof buf, f, l);
		if (!(F->msg[l][i] = eg__strndup(buf, strlen(buf)))) {
			eg__error_nomem("making a finding's message");
			return NULL;
		}
	}
	return F->msg[l][i];
}

/* CJ-A2-5.2: item 2 is met when no CJ-G.4 or CJ-G.5 finding falls under the unit. */
int eg_findings_cj_a2_5_2(int *met, const eg_findings *F, const eg_grid *g, const char *unit_id)
{
	const eg_node *u;
	int rc;
	if (!met || !F || !g || !unit_id)
		return eg__error(EG_EINVAL, "eg_findings_cj_a2_5_2: NULL argument");
	if ((rc = eg_grid_lookup(&u, g, unit_id)) < 0)
		return rc;
	if (u->level != EG_LEVEL_COUNTY || u->kind == EG_KIND_KEY_GRID)
		return eg__error(EG_ELEVEL, "node %s is at level %d; CJ-A2-5.2 is judged for level-2 units",
				 u->id, u->level);
	/* Binary search among the units with a CJ-G.4 or CJ-G.5 finding. */
	{
		size_t lo = 0, hi = F->n_g45;
		*met = 1;
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;
			int c = strcmp(F->pool + F->g45_units[mid], u->id);
			if (c == 0) {
				*met = 0;
				break;
			}
			if (c < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
	}
	return EG_OK;
}
