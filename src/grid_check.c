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

struct eg_finding {
	const char *rule; /* static */
	char *node;       /* these four point into one allocation */
	char *unit;
	char *msg[2];
};

struct eg_findings {
	eg_finding *items;
	size_t n, cap;
};

static const char *rank_name(int rank, int lang)
{
	static const char *const zh[] = { "副科级以下", "副科级", "副处级" };
	static const char *const en[] = { "below deputy-section", "deputy-section", "deputy-division" };
	if (rank < 0 || rank > 2)
		rank = 0;
	return lang == EG_LANG_EN ? en[rank] : zh[rank];
}

static int add_finding(eg_findings *F, const char *rule, const eg_node *node,
		       const char *zh, const char *en)
{
	const eg_node *u = eg__grid_unit_of(node);
	const char *unit = u ? u->id : "";
	size_t ln = strlen(node->id) + 1, lu = strlen(unit) + 1;
	size_t lz = strlen(zh) + 1, le = strlen(en) + 1;
	eg_finding *f;
	char *mem;

	{
		eg_finding *t = eg__vec_reserve(F->items, &F->cap, F->n + 1, sizeof *F->items, 16);
		if (!t)
			return eg__error_nomem("recording findings");
		F->items = t;
	}
	mem = eg__malloc(ln + lu + lz + le);
	if (!mem)
		return eg__error_nomem("recording findings");
	f = &F->items[F->n++];
	f->rule = rule;
	f->node = memcpy(mem, node->id, ln);
	f->unit = memcpy(mem + ln, unit, lu);
	f->msg[EG_LANG_ZH] = memcpy(mem + ln + lu, zh, lz);
	f->msg[EG_LANG_EN] = memcpy(mem + ln + lu + lz, en, le);
	return EG_OK;
}

void eg_findings_free(eg_findings *F)
{
	if (!F)
		return;
	for (size_t i = 0; i < F->n; i++)
		eg__free(F->items[i].node);
	eg__free(F->items);
	eg__free(F);
}

/* Check one node; `covered` marks nodes covered by some sub-grid head. */
static int check_node(eg_findings *F, const eg_node *n, const unsigned char *covered)
{
	const eg_people *p = n->people;
	const eg_subhead *s;
	char zh[512], en[512];
	int rc;

	if (n->kind == EG_KIND_KEY_GRID || n->level < EG_LEVEL_COUNTY)
		return EG_OK;

	/* CJ-G.3: dual grid heads at levels 2-4. */
	{
		size_t heads = (p && p->head1 ? 1u : 0u) + (p && p->head2 ? 1u : 0u);
		if (heads < 2) {
			snprintf(zh, sizeof zh, "%s（%s）网格长 %zu 名，要求双网格长 2 名（CJ-G.3）",
				 n->name, n->id, heads);
			snprintf(en, sizeof en, "%s (%s) has %zu grid head(s); dual grid heads (2) are required (CJ-G.3)",
				 n->name, n->id, heads);
			if ((rc = add_finding(F, "CJ-G.3", n, zh, en)) < 0)
				return rc;
		}
	}

	if (n->level == EG_LEVEL_COUNTY) {
		/* CJ-G.4: level-2 sub-grid heads, deputy-division or above, 1-2 townships each. */
		for (s = p ? p->subheads : NULL; s; s = s->next) {
			if (s->rank < EG_RANK_DEPUTY_DIVISION) {
				snprintf(zh, sizeof zh, "%s二级分网格长%s职级为%s，要求副处级及以上（CJ-G.4）",
					 n->name, s->person, rank_name(s->rank, EG_LANG_ZH));
				snprintf(en, sizeof en, "level-2 sub-grid head %s of %s has rank %s; deputy-division or above is required (CJ-G.4)",
					 s->person, n->id, rank_name(s->rank, EG_LANG_EN));
				if ((rc = add_finding(F, "CJ-G.4", n, zh, en)) < 0)
					return rc;
			}
			if (s->n_covered < 1 || s->n_covered > 2) {
				snprintf(zh, sizeof zh, "%s二级分网格长%s负责 %zu 个乡镇（街道），要求 1-2 个（CJ-G.4）",
					 n->name, s->person, s->n_covered);
				snprintf(en, sizeof en, "level-2 sub-grid head %s of %s covers %zu townships; 1-2 are required (CJ-G.4)",
					 s->person, n->id, s->n_covered);
				if ((rc = add_finding(F, "CJ-G.4", n, zh, en)) < 0)
					return rc;
			}
		}
		return EG_OK;
	}

	if (n->level == EG_LEVEL_TOWNSHIP) {
		size_t full = p ? p->n_full : 0, total = full + (p ? p->n_part : 0);
		/* CJ-G.4: every township of a county is covered (全覆盖). */
		if (eg__grid_unit_of(n) && !covered[n->index]) {
			snprintf(zh, sizeof zh, "乡镇（街道）%s（%s）无二级分网格长负责，要求全覆盖（CJ-G.4）",
				 n->name, n->id);
			snprintf(en, sizeof en, "township %s (%s) is covered by no level-2 sub-grid head; full coverage is required (CJ-G.4)",
				 n->name, n->id);
			if ((rc = add_finding(F, "CJ-G.4", n, zh, en)) < 0)
				return rc;
		}
		/* CJ-G.5: level-3 sub-grid heads, deputy-section or above. */
		for (s = p ? p->subheads : NULL; s; s = s->next) {
			if (s->rank < EG_RANK_DEPUTY_SECTION) {
				snprintf(zh, sizeof zh, "%s三级分网格长%s职级为%s，要求副科级及以上（CJ-G.5）",
					 n->name, s->person, rank_name(s->rank, EG_LANG_ZH));
				snprintf(en, sizeof en, "level-3 sub-grid head %s of %s has rank %s; deputy-section or above is required (CJ-G.5)",
					 s->person, n->id, rank_name(s->rank, EG_LANG_EN));
				if ((rc = add_finding(F, "CJ-G.5", n, zh, en)) < 0)
					return rc;
			}
		}
		/* CJ-G.6: 3-5 supervisors, at least 3 full-time. */
		if (total < 3 || total > 5 || full < 3) {
			snprintf(zh, sizeof zh, "%s（%s）网格监督员 %zu 名（专职 %zu 名），要求 3-5 名且专职不少于 3 名（CJ-G.6）",
				 n->name, n->id, total, full);
			snprintf(en, sizeof en, "%s (%s) has %zu supervisors (%zu full-time); 3-5 are required, at least 3 full-time (CJ-G.6)",
				 n->name, n->id, total, full);
			if ((rc = add_finding(F, "CJ-G.6", n, zh, en)) < 0)
				return rc;
		}
		return EG_OK;
	}

	/* Level 4. */
	{
		size_t full = p ? p->n_full : 0, total = full + (p ? p->n_part : 0);
		const eg_node *t = n->parent;
		/* CJ-G.5: every village of a township is covered (全覆盖). */
		if (t && t->level == EG_LEVEL_TOWNSHIP && t->kind != EG_KIND_KEY_GRID &&
		    !covered[n->index]) {
			snprintf(zh, sizeof zh, "村（社区）%s（%s）无三级分网格长负责，要求全覆盖（CJ-G.5）",
				 n->name, n->id);
			snprintf(en, sizeof en, "village %s (%s) is covered by no level-3 sub-grid head; full coverage is required (CJ-G.5)",
				 n->name, n->id);
			if ((rc = add_finding(F, "CJ-G.5", n, zh, en)) < 0)
				return rc;
		}
		/* CJ-G.7: at least 3 supervisors, at least 1 full-time. */
		if (total < 3 || full < 1) {
			snprintf(zh, sizeof zh, "%s（%s）网格监督员 %zu 名（专职 %zu 名），要求不少于 3 名且专职不少于 1 名（CJ-G.7）",
				 n->name, n->id, total, full);
			snprintf(en, sizeof en, "%s (%s) has %zu supervisors (%zu full-time); at least 3 are required, at least 1 full-time (CJ-G.7)",
				 n->name, n->id, total, full);
			if ((rc = add_finding(F, "CJ-G.7", n, zh, en)) < 0)
				return rc;
		}
	}
	return EG_OK;
}

int eg_grid_check(eg_findings **out, const eg_grid *g)
{
	eg_findings *F;
	unsigned char *covered;
	eg_grid_walk *w;
	const eg_node *n;
	int rc;

	if (!out || !g)
		return eg__error(EG_EINVAL, "eg_grid_check: NULL argument");
	F = eg__calloc(1, sizeof *F);
	covered = eg__calloc(g->n_nodes ? g->n_nodes : 1, 1);
	if (!F || !covered) {
		eg__free(F);
		eg__free(covered);
		return eg__error_nomem("checking the grid");
	}
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
	while (eg_grid_walk_next(&n, w) == EG_OK)
		if ((rc = check_node(F, n, covered)) < 0)
			break;
	eg_grid_walk_free(w);
	if (rc < 0)
		goto fail;
	eg__free(covered);
	*out = F;
	return EG_OK;
fail:
	eg__free(covered);
	eg_findings_free(F);
	return rc;
}

size_t eg_findings_count(const eg_findings *F) { return F ? F->n : 0; }

const eg_finding *eg_findings_at(const eg_findings *F, size_t i)
{
	return F && i < F->n ? &F->items[i] : NULL;
}

const char *eg_finding_rule(const eg_finding *f) { return f ? f->rule : NULL; }
const char *eg_finding_node(const eg_finding *f) { return f ? f->node : NULL; }
const char *eg_finding_unit(const eg_finding *f) { return f ? f->unit : NULL; }

const char *eg_finding_message(const eg_finding *f, int lang)
{
	if (!f)
		return NULL;
	return f->msg[lang == EG_LANG_EN ? EG_LANG_EN : EG_LANG_ZH];
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
	*met = 1;
	for (size_t i = 0; i < F->n; i++) {
		const eg_finding *f = &F->items[i];
		if ((strcmp(f->rule, "CJ-G.4") == 0 || strcmp(f->rule, "CJ-G.5") == 0) &&
		    strcmp(f->unit, u->id) == 0) {
			*met = 0;
			break;
		}
	}
	return EG_OK;
}
