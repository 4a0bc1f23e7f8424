/*
 * Allocation-failure injection for every public function that allocates
 * (SQLite's approach, through the hook of src/util/alloc.h).
 *
 * Each scenario builds its inputs with injection off, takes a snapshot of
 * the objects it hands to the function under test, and calls that one
 * function inside INJECT(). The driver runs each scenario first counting
 * the allocations of the call (N), then N more times failing the 1st, 2nd,
 * ..., N-th allocation. Every failing run must return EG_ENOMEM with an
 * EG_ENOMEM detail, leave the objects it was given as they were (same
 * snapshot) and leave no result behind; leaks are found by ASan/LSan and
 * valgrind, which run this suite.
 *
 * alloc_cases[] maps each allocating public function to its scenario and
 * non_allocating[] lists the other public functions; tests/check_alloc_table.py
 * compares both tables with the EG_API declarations and with the library's
 * call graph, so a new allocating function cannot be forgotten.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "testutil.h"
#include "util/alloc.h"

/* ------------------------------------------------------------------ */
/* Injection                                                            */
/* ------------------------------------------------------------------ */

static long fail_at = -1;   /* -1: count only; k: the (k+1)-th allocation fails */
static long used;           /* allocations made by the last INJECT()ed call */
static int err_code;        /* eg_error_last() right after the call */
static char err_msg[512];

static void inject_begin(void)
{
	eg_error_clear();
	eg__alloc_fail_after(fail_at);
}

static int inject_end(int rc)
{
	const eg_error *e = eg_error_last();
	used = eg__alloc_count();
	eg__alloc_fail_reset();
	err_code = e->code;
	snprintf(err_msg, sizeof err_msg, "%s", e->message ? e->message : "");
	return rc;
}

#define INJECT(call) (inject_begin(), inject_end(call))

/* An out-pointer that must stay untouched ("untouched on failure"). */
static char untouched_mark;
#define UNTOUCHED ((void *)&untouched_mark)

/* ------------------------------------------------------------------ */
/* Snapshots: a text rendering of an object, taken with injection off    */
/* ------------------------------------------------------------------ */

typedef struct snap {
	char *s;
	size_t len, cap;
} snap;

static void sn_add(snap *b, const char *fmt, ...)
{
	va_list ap;
	int n;
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	assert_true(n >= 0);
	if (b->len + (size_t)n + 1 > b->cap) {
		b->cap = (b->len + (size_t)n + 1) * 2;
		b->s = realloc(b->s, b->cap);
		assert_non_null(b->s);
	}
	va_start(ap, fmt);
	vsnprintf(b->s + b->len, b->cap - b->len, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

static void sn_same(snap *before, snap *after)
{
	assert_non_null(before->s);
	assert_non_null(after->s);
	assert_string_equal(before->s, after->s);
	free(before->s);
	free(after->s);
	before->s = after->s = NULL;
}

static void sn_drop(snap *b)
{
	free(b->s);
	b->s = NULL;
}

static void snap_grid(snap *b, const eg_grid *g)
{
	sn_add(b, "size %zu depth %zu\n", eg_grid_size(g), eg_grid_depth(g));
	for (size_t i = 0; i < eg_grid_size(g); i++) {
		const eg_node *n = eg_grid_node_at(g, i), *p = eg_node_parent(n);
		const char *h1 = NULL, *h2 = NULL, *st = NULL;
		size_t ft = 0, pt = 0, nt = 0;
		sn_add(b, "%s|%s|%d|%d|%s|%zu|", eg_node_id(n), eg_node_name(n), eg_node_level(n),
		       eg_node_kind(n), p ? eg_node_id(p) : "-", eg_node_child_count(n));
		if (eg_grid_heads(&h1, &h2, g, n) == EG_OK)
			sn_add(b, "heads %s/%s|", h1 ? h1 : "-", h2 ? h2 : "-");
		if (eg_grid_supervisors(&ft, &pt, g, n) == EG_OK)
			sn_add(b, "sup %zu/%zu|", ft, pt);
		if (eg_grid_key_grid_info(&st, &nt, g, n) == EG_OK)
			sn_add(b, "key %s %zu|", st, nt);
		sn_add(b, "\n");
	}
	eg_error_clear();
}

static void snap_records(snap *b, const eg_records *r)
{
	char *text = NULL;
	assert_int_equal(eg_records_serialize(&text, r), EG_OK);
	sn_add(b, "%s", text);
	eg_string_free(text);
}

static void snap_ladder_state(snap *b, const eg_ladder_state *s)
{
	char *text = NULL;
	assert_int_equal(eg_ladder_state_serialize(&text, s), EG_OK);
	sn_add(b, "%s", text);
	eg_string_free(text);
}

static void snap_result(snap *b, const eg_assess_result *r)
{
	char *text = NULL;
	assert_int_equal(eg_assess_result_render(&text, r, EG_LANG_EN), EG_OK);
	sn_add(b, "%d %d %d\n%s", eg_assess_result_score(r), eg_assess_result_grade(r), eg_assess_result_veto(r), text);
	eg_string_free(text);
	for (size_t i = 0; i < eg_assess_result_trace_count(r); i++) {
		const char *a = NULL, *q = NULL;
		assert_int_equal(eg_trace_source(&a, &q, eg_assess_result_trace_at(r, i)), EG_OK);
		if (a)
			sn_add(b, "source %zu %s %s\n", i, a, q);
	}
}

/* An input, seen through what it scores to under its rule set. */
static void snap_input(snap *b, const eg_ruleset *rs, const eg_assess_input *in)
{
	eg_assess_result *r = NULL;
	assert_int_equal(eg_assess_score(&r, rs, in, "2026-10"), EG_OK);
	snap_result(b, r);
	eg_assess_result_free(r);
}

static void snap_ruleset(snap *b, const eg_ruleset *rs)
{
	const char *from = NULL, *to = NULL;
	eg_assess_input *in = NULL;
	const char *reg[] = { "regional" };
	sn_add(b, "%s|%s|%d|", eg_ruleset_name(rs), eg_ruleset_document(rs), eg_ruleset_scale(rs));
	assert_int_equal(eg_ruleset_validity(&from, &to, rs), EG_OK);
	sn_add(b, "%s..%s\n", from ? from : "-", to ? to : "-");
	for (size_t i = 0; i < eg_ruleset_item_count(rs); i++) {
		const char *a = NULL, *q = NULL;
		assert_int_equal(eg_ruleset_source(&a, &q, rs, EG_RULESET_PART_ITEM, eg_ruleset_item_id(rs, i)), EG_OK);
		sn_add(b, "%s %s %d %s %s\n", eg_ruleset_item_id(rs, i), eg_ruleset_item_rule(rs, i), eg_ruleset_item_kind(rs, i),
		       a ? a : "-", q ? q : "-");
	}
	for (size_t i = 0; i < eg_ruleset_level_count(rs); i++)
		sn_add(b, "level %s\n", eg_ruleset_level_id(rs, i));
	/* Penalty levels and forced-fail conditions show only through an input. */
	assert_int_equal(eg_assess_input_new(&in, rs), EG_OK);
	sn_add(b, "problem %d forced %d bonus %d\n", eg_assess_input_add_problem(in, reg, 1),
	       eg_assess_input_add_forced_fail(in, "F1"), eg_assess_input_set_bonus(in, 1));
	snap_input(b, rs, in);
	eg_assess_input_free(in);
	/* The veto (its rule and source) shows when the first status item is not met. */
	for (size_t i = 0; i < eg_ruleset_item_count(rs); i++)
		if (eg_ruleset_item_kind(rs, i) == EG_ITEM_KIND_STATUS) {
			assert_int_equal(eg_assess_input_new(&in, rs), EG_OK);
			assert_int_equal(eg_assess_input_set_status(in, eg_ruleset_item_id(rs, i), 0), EG_OK);
			snap_input(b, rs, in);
			eg_assess_input_free(in);
			break;
		}
	eg_error_clear();
}

/* A builder, seen through the rule set it builds (or the error it gives). */
static void snap_builder(snap *b, const eg_ruleset_builder *rb)
{
	eg_ruleset *rs = NULL;
	int rc = eg_ruleset_build(&rs, rb);
	if (rc != EG_OK) {
		sn_add(b, "build %d: %s\n", rc, eg_error_last()->message);
		return;
	}
	snap_ruleset(b, rs);
	eg_ruleset_free(rs);
}

static void snap_ladder(snap *b, const eg_ladder *l)
{
	sn_add(b, "%s %zu\n", eg_ladder_name(l), eg_ladder_action_count(l));
	for (size_t i = 0; i < eg_ladder_action_count(l); i++)
		sn_add(b, "%s %s %s\n", eg_ladder_action_id(l, i), eg_ladder_action_name(l, i, EG_LANG_ZH),
		       eg_ladder_action_name(l, i, EG_LANG_EN));
}

static void snap_ladder_builder(snap *b, const eg_ladder_builder *lb)
{
	eg_ladder *l = NULL;
	int rc = eg_ladder_build(&l, lb);
	if (rc != EG_OK) {
		sn_add(b, "build %d: %s\n", rc, eg_error_last()->message);
		return;
	}
	snap_ladder(b, l);
	eg_ladder_free(l);
}

static void snap_draw(snap *b, const eg_draw *d)
{
	sn_add(b, "%s %d %zu\n", eg_draw_frame_hash(d), eg_draw_algorithm(d), eg_draw_selected_count(d));
	for (size_t i = 0; i < eg_draw_selected_count(d); i++) {
		sn_add(b, "%s %s", eg_draw_selected(d, i), eg_draw_selected_stratum(d, i));
		for (size_t k = 0; k < 4; k++) {
			const char *who = eg_draw_inspector(d, i, k);
			sn_add(b, " %s", who ? who : "-");
		}
		sn_add(b, "\n");
	}
	for (size_t k = 0; k < eg_draw_skip_count(d); k++) {
		const char *ins = NULL, *obj = NULL;
		assert_int_equal(eg_draw_skip(&ins, &obj, d, k), EG_OK);
		sn_add(b, "skip %s %s\n", ins, obj);
	}
}

/* ------------------------------------------------------------------ */
/* Fixtures (built with injection off)                                  */
/* ------------------------------------------------------------------ */

/* County C with townships T1, T2 (villages V1 under T1), heads on C and T1. */
static eg_grid *fx_grid(void)
{
	eg_grid *g = NULL;
	const char *t1[] = { "T1" };
	assert_int_equal(eg_grid_new(&g), EG_OK);
	assert_int_equal(eg_grid_add(NULL, g, "C", NULL, "县", &(eg_grid_add_options){ EG_GRID_ADD_OPTIONS_VERSION, EG_LEVEL_COUNTY, EG_KIND_ADMIN }), EG_OK);
	assert_int_equal(eg_grid_add(NULL, g, "T1", "C", "一镇", &(eg_grid_add_options){ EG_GRID_ADD_OPTIONS_VERSION, EG_LEVEL_TOWNSHIP, EG_KIND_ADMIN }), EG_OK);
	assert_int_equal(eg_grid_add(NULL, g, "T2", "C", "二镇", &(eg_grid_add_options){ EG_GRID_ADD_OPTIONS_VERSION, EG_LEVEL_TOWNSHIP, EG_KIND_ADMIN }), EG_OK);
	assert_int_equal(eg_grid_add(NULL, g, "V1", "T1", "一村", &(eg_grid_add_options){ EG_GRID_ADD_OPTIONS_VERSION, EG_LEVEL_VILLAGE, EG_KIND_ADMIN }), EG_OK);
	assert_int_equal(eg_grid_set_heads(g, "C", "县委书记", "县长"), EG_OK);
	assert_int_equal(eg_grid_set_heads(g, "T1", "镇党委书记", "镇长"), EG_OK);
	assert_int_equal(eg_grid_add_subhead(g, "C", "甲", EG_RANK_DEPUTY_DIVISION, t1, 1), EG_OK);
	assert_int_equal(eg_grid_add_supervisor(g, "T1", "乙", EG_STAFF_FULL_TIME), EG_OK);
	return g;
}

/* A small table in points: status item 1 (10, veto), deduction item 4 (90, 1 each). */
static eg_ruleset_builder *fx_builder(void)
{
	eg_ruleset_builder *b = NULL;
	eg_item_def d = EG_ITEM_DEF_INIT;
	assert_int_equal(eg_ruleset_builder_new(&b, "alloc-test", "测试文件", 1), EG_OK);
	assert_int_equal(eg_ruleset_builder_set_validity(b, "2026-01-01", NULL), EG_OK);
	assert_int_equal(eg_ruleset_builder_add_section(b, "s", "组织", "organisation"), EG_OK);
	d.id = "1"; d.rule = "X-1"; d.section = "s"; d.kind = EG_ITEM_KIND_STATUS; d.max_points = 10; d.veto = 1;
	assert_int_equal(eg_ruleset_builder_add_item(b, &d), EG_OK);
	d.id = "4"; d.rule = "X-2"; d.kind = EG_ITEM_KIND_DEDUCT; d.max_points = 90; d.per_occurrence = 1; d.veto = 0;
	assert_int_equal(eg_ruleset_builder_add_item(b, &d), EG_OK);
	assert_int_equal(eg_ruleset_builder_add_grade(b, 60, EG_GRADE_PASS, "X-3"), EG_OK);
	return b;
}

static eg_ruleset *fx_ruleset(void)
{
	eg_ruleset *rs = NULL;
	assert_int_equal(eg_ruleset_preset(&rs, "changji-2023"), EG_OK);
	return rs;
}

static eg_assess_input *fx_input(const eg_ruleset *rs, int64_t item4)
{
	eg_assess_input *in = NULL;
	const char *lv[] = { "regional", "prefecture" };
	assert_int_equal(eg_assess_input_new(&in, rs), EG_OK);
	assert_int_equal(eg_assess_input_set_count(in, "4", item4), EG_OK);
	assert_int_equal(eg_assess_input_set_count(in, "7", 2), EG_OK);
	assert_int_equal(eg_assess_input_add_problem(in, lv, 2), EG_OK);
	assert_int_equal(eg_assess_input_set_bonus(in, 1), EG_OK);
	return in;
}

static eg_records *fx_records(void)
{
	eg_records *r = NULL;
	const char *k[] = { "name", "progress" }, *v[] = { "某造纸厂", "未开工" };
	assert_int_equal(eg_records_new(&r), EG_OK);
	assert_int_equal(eg_records_put(r, "JM-001", "2026-01-10 09:00", "新会区", "列入清单", &(eg_records_put_options){ EG_RECORDS_PUT_OPTIONS_VERSION, k, v, 2 }), EG_OK);
	assert_int_equal(eg_ledger_open(r, "P", "2026-01-05 09:00", "整改办", &(eg_ledger_open_options){ EG_LEDGER_OPEN_OPTIONS_VERSION, "市住建局", "清洁取暖率≥60%", "2026-06-30" }),
			 EG_OK);
	return r;
}

typedef struct frame {
	char ids[200][8];
	const char *ptr[200];
} frame;

static void fx_frame(frame *f)
{
	for (int i = 0; i < 200; i++) {
		snprintf(f->ids[i], sizeof f->ids[i], "E%03d", (i * 37) % 200);
		f->ptr[i] = f->ids[i];
	}
}

static const char *const strata[] = { "key", "general" };
static const size_t frame_sizes[] = { 31, 169 }, quotas[] = { 4, 10 };

static eg_draw *fx_draw(const frame *f)
{
	eg_draw *d = NULL;
	assert_int_equal(eg_draw_objects(&d, "2026Q4-12345678", &(eg_draw_frame_options){ EG_DRAW_FRAME_OPTIONS_VERSION, strata, frame_sizes, f->ptr, quotas, 2 }), EG_OK);
	return d;
}

static eg_ladder *fx_ladder(void)
{
	eg_ladder *l = NULL;
	assert_int_equal(eg_ladder_preset(&l, "CJ-A3-4"), EG_OK);
	return l;
}

/* A state after one month, so that serialising and parsing have units. */
static eg_ladder_state *fx_state(const eg_ladder *l)
{
	eg_ladder_state *s = NULL;
	eg_ladder_outcome *o = NULL;
	const char *ids[] = { "U0", "U1" };
	int64_t v[] = { 2, 1 };
	assert_int_equal(eg_ladder_state_new(&s, l), EG_OK);
	assert_int_equal(eg_ladder_step(&o, s, "2026-01", &(eg_ladder_step_options){ EG_LADDER_STEP_OPTIONS_VERSION, ids, v, NULL, 2 }), EG_OK);
	eg_ladder_outcome_free(o);
	return s;
}

/* ------------------------------------------------------------------ */
/* Scenarios: grid.h                                                    */
/* ------------------------------------------------------------------ */

static int sc_grid_new(void)
{
	eg_grid *g = UNTOUCHED;
	int rc = INJECT(eg_grid_new(&g));
	if (rc != EG_OK) {
		assert_ptr_equal(g, UNTOUCHED);
		return rc;
	}
	assert_int_equal(eg_grid_size(g), 0);
	eg_grid_free(g);
	return rc;
}

/* A grid-changing call: snapshot, call, compare on failure. */
#define GRID_CHANGE(prep, call_expr, check_ok)                              \
	do {                                                                \
		eg_grid *g = fx_grid();                                     \
		prep;                                                       \
		snap before = { 0 }, after = { 0 };                         \
		snap_grid(&before, g);                                      \
		rc = INJECT(call_expr);                                     \
		if (rc != EG_OK) {                                          \
			snap_grid(&after, g);                               \
			sn_same(&before, &after);                           \
		} else {                                                    \
			check_ok;                                           \
			sn_drop(&before);                                   \
		}                                                           \
		eg_grid_free(g);                                            \
	} while (0)

/*
 * The grid grows its node storage and hash table in steps, so most adds do
 * not allocate. Find once (injection counting only) how many adds after
 * fx_grid() come before one that does, and test that one.
 */
static int grid_add_prefill = -1;

static void grid_prefill(eg_grid *g, int n)
{
	char id[16];
	for (int i = 0; i < n; i++) {
		snprintf(id, sizeof id, "X%d", i);
		assert_int_equal(eg_grid_add(NULL, g, id, "T2", "村", &(eg_grid_add_options){ EG_GRID_ADD_OPTIONS_VERSION, EG_LEVEL_VILLAGE, EG_KIND_ADMIN }), EG_OK);
	}
}

static void grid_add_find_prefill(void)
{
	eg_grid *g = fx_grid();
	char id[16];
	for (int i = 0; i < 100000 && grid_add_prefill < 0; i++) {
		snprintf(id, sizeof id, "X%d", i);
		eg__alloc_fail_after(-1);
		assert_int_equal(eg_grid_add(NULL, g, id, "T2", "村", &(eg_grid_add_options){ EG_GRID_ADD_OPTIONS_VERSION, EG_LEVEL_VILLAGE, EG_KIND_ADMIN }), EG_OK);
		if (eg__alloc_count() > 0)
			grid_add_prefill = i;
		eg__alloc_fail_reset();
	}
	assert_true(grid_add_prefill >= 0);
	eg_grid_free(g);
}

static int sc_grid_add(void)
{
	int rc;
	const eg_node *n = UNTOUCHED;
	char id[16];
	if (grid_add_prefill < 0)
		grid_add_find_prefill();
	snprintf(id, sizeof id, "X%d", grid_add_prefill);
	GRID_CHANGE(grid_prefill(g, grid_add_prefill), eg_grid_add(&n, g, id, "T2", "村", &(eg_grid_add_options){ EG_GRID_ADD_OPTIONS_VERSION, EG_LEVEL_VILLAGE, EG_KIND_ADMIN }),
		    assert_string_equal(eg_node_id(n), id));
	if (rc != EG_OK)
		assert_ptr_equal(n, UNTOUCHED); /* grid.h: untouched on failure */
	return rc;
}

static int sc_grid_set_heads(void)
{
	int rc;
	GRID_CHANGE((void)0, eg_grid_set_heads(g, "T2", "镇党委书记", "镇长"), assert_int_equal(eg_grid_size(g), 4));
	return rc;
}

static int sc_grid_add_subhead(void)
{
	int rc;
	const char *cov[] = { "T2" };
	GRID_CHANGE((void)0, eg_grid_add_subhead(g, "C", "丙", EG_RANK_DEPUTY_DIVISION, cov, 1), assert_int_equal(eg_grid_size(g), 4));
	return rc;
}

static int sc_grid_add_supervisor(void)
{
	int rc;
	GRID_CHANGE((void)0, eg_grid_add_supervisor(g, "T2", "丁", EG_STAFF_PART_TIME), assert_int_equal(eg_grid_size(g), 4));
	return rc;
}

static int sc_grid_add_key_grid(void)
{
	int rc;
	const char *towns[] = { "T1", "T2" };
	const eg_node *kg = UNTOUCHED;
	GRID_CHANGE((void)0, eg_grid_add_key_grid(&kg, g, "KG1", "C", "国控站网格", &(eg_grid_key_grid_options){ EG_GRID_KEY_GRID_OPTIONS_VERSION, "ST-01", towns, 2 }),
		    assert_int_equal(eg_grid_size(g), 5));
	if (rc != EG_OK)
		assert_ptr_equal(kg, UNTOUCHED);
	return rc;
}

static int sc_grid_walk_new(void)
{
	eg_grid *g = fx_grid();
	eg_grid_walk *w = NULL;
	const eg_node *n;
	int rc = INJECT(eg_grid_walk_new(&w, g, NULL));
	if (rc == EG_OK) {
		/* Pre-order: C, T1, V1, T2. */
		assert_int_equal(eg_grid_walk_next(&n, w), EG_OK);
		assert_string_equal(eg_node_id(n), "C");
		assert_int_equal(eg_grid_walk_next(&n, w), EG_OK);
		assert_string_equal(eg_node_id(n), "T1");
	} else {
		assert_null(w);
	}
	eg_grid_walk_free(w);
	eg_grid_free(g);
	return rc;
}

static int sc_grid_rollup(void)
{
	eg_grid *g = fx_grid();
	const int64_t counts[] = { 1, 2, 3, 4 }; /* C, T1, T2, V1 in insertion order */
	int64_t sums[4] = { -1, -1, -1, -1 };
	int rc = INJECT(eg_grid_rollup(sums, g, counts, 4));
	if (rc == EG_OK) {
		/* V1 4; T1 2 + 4 = 6; T2 3; C 1 + 6 + 3 = 10. */
		assert_int_equal(sums[0], 10);
		assert_int_equal(sums[1], 6);
		assert_int_equal(sums[2], 3);
		assert_int_equal(sums[3], 4);
	}
	eg_grid_free(g);
	return rc;
}

static int sc_grid_check(void)
{
	eg_grid *g = fx_grid();
	eg_findings *f = NULL;
	snap before = { 0 }, after = { 0 };
	int rc;
	snap_grid(&before, g);
	rc = INJECT(eg_grid_check(&f, g));
	snap_grid(&after, g);
	sn_same(&before, &after); /* const either way */
	if (rc == EG_OK)
		assert_true(eg_findings_count(f) > 0); /* T2 has no heads (CJ-G.3) */
	else
		assert_null(f);
	eg_findings_free(f);
	eg_grid_free(g);
	return rc;
}

/* Made on first request: NULL with an EG_ENOMEM detail when that fails; kept after. */
static int sc_finding_message(void)
{
	eg_grid *g = fx_grid();
	eg_findings *f = NULL;
	const char *m = NULL;
	int rc;
	assert_int_equal(eg_grid_check(&f, g), EG_OK);
	rc = INJECT((m = eg_finding_message(eg_findings_at(f, 0), EG_LANG_EN)) != NULL ? EG_OK : eg_error_last()->code);
	if (rc == EG_OK) {
		assert_non_null(strstr(m, "(CJ-G."));
		assert_ptr_equal(eg_finding_message(eg_findings_at(f, 0), EG_LANG_EN), m); /* kept, not made again */
	}
	eg_findings_free(f);
	eg_grid_free(g);
	return rc;
}

#define CSV "code,parent_code,level,name\nT,C,3,镇\nC,P,2,县\nV,T,4,村\nP,,1,州\n"

static int sc_grid_parse_csv(void)
{
	eg_grid *g = UNTOUCHED;
	int rc = INJECT(eg_grid_parse_csv(&g, CSV, strlen(CSV), NULL));
	if (rc != EG_OK) {
		assert_ptr_equal(g, UNTOUCHED);
		return rc;
	}
	assert_int_equal(eg_grid_size(g), 4);
	eg_grid_free(g);
	return rc;
}

static char csv_path[64];

static int sc_grid_load_csv(void)
{
	eg_grid *g = UNTOUCHED;
	int rc;
	if (!csv_path[0]) {
		int fd;
		snprintf(csv_path, sizeof csv_path, "/tmp/eg-alloc-XXXXXX");
		fd = mkstemp(csv_path);
		assert_true(fd >= 0);
		assert_int_equal(write(fd, CSV, strlen(CSV)), (ssize_t)strlen(CSV));
		close(fd);
	}
	rc = INJECT(eg_grid_load_csv(&g, csv_path, NULL));
	if (rc != EG_OK) {
		assert_ptr_equal(g, UNTOUCHED);
		return rc;
	}
	assert_int_equal(eg_grid_size(g), 4);
	eg_grid_free(g);
	return rc;
}

/* ------------------------------------------------------------------ */
/* Scenarios: assess.h                                                  */
/* ------------------------------------------------------------------ */

static int sc_ruleset_builder_new(void)
{
	eg_ruleset_builder *b = NULL;
	int rc = INJECT(eg_ruleset_builder_new(&b, "alloc-test", "测试文件", 10));
	if (rc != EG_OK) {
		assert_null(b);
		return rc;
	}
	eg_ruleset_builder_free(b);
	return rc;
}

#define BUILDER_CHANGE(call_expr)                                           \
	do {                                                                \
		eg_ruleset_builder *b = fx_builder();                       \
		snap before = { 0 }, after = { 0 };                         \
		snap_builder(&before, b);                                   \
		rc = INJECT(call_expr);                                     \
		snap_builder(&after, b);                                    \
		if (rc != EG_OK)                                            \
			sn_same(&before, &after);                           \
		else                                                        \
			assert_string_not_equal(before.s, after.s);         \
		sn_drop(&before);                                           \
		sn_drop(&after);                                            \
		eg_ruleset_builder_free(b);                                 \
	} while (0)

static int sc_ruleset_builder_add_section(void)
{
	int rc;
	eg_item_def d = EG_ITEM_DEF_INIT;
	d.id = "9"; d.rule = "X-9"; d.section = "t"; d.max_points = 5; d.per_occurrence = 1;
	/* The snapshot changes only when an item uses the section, so check by hand. */
	{
		eg_ruleset_builder *b = fx_builder();
		snap before = { 0 }, after = { 0 };
		snap_builder(&before, b);
		rc = INJECT(eg_ruleset_builder_add_section(b, "t", "运行", "operation"));
		if (rc != EG_OK) {
			snap_builder(&after, b);
			sn_same(&before, &after);
			/* Section t does not exist after the failed call. */
			assert_int_equal(eg_ruleset_builder_add_item(b, &d), EG_ENOTFOUND);
		} else {
			sn_drop(&before);
			assert_int_equal(eg_ruleset_builder_add_item(b, &d), EG_OK);
		}
		eg_ruleset_builder_free(b);
	}
	return rc;
}

static int sc_ruleset_builder_add_item(void)
{
	int rc;
	eg_item_def d = EG_ITEM_DEF_INIT;
	d.id = "5"; d.rule = "X-5"; d.section = "s"; d.kind = EG_ITEM_KIND_DEDUCT; d.max_points = 10; d.per_occurrence = 2;
	d.name_zh = "问题"; d.name_en = "problems";
	BUILDER_CHANGE(eg_ruleset_builder_add_item(b, &d));
	return rc;
}

static int sc_ruleset_builder_add_penalty_level(void)
{
	int rc;
	BUILDER_CHANGE(eg_ruleset_builder_add_penalty_level(b, "s", "regional", "X-4", 30, 0));
	return rc;
}

static int sc_ruleset_builder_add_forced_fail(void)
{
	int rc;
	BUILDER_CHANGE(eg_ruleset_builder_add_forced_fail(b, "F1", "X-6", "数据造假", "falsified data"));
	return rc;
}

static int sc_ruleset_builder_add_grade(void)
{
	int rc;
	/* 90 - 0 + 10 = 100 points: excellent once the grade exists. */
	BUILDER_CHANGE(eg_ruleset_builder_add_grade(b, 90, EG_GRADE_EXCELLENT, "X-3"));
	return rc;
}

static int sc_ruleset_builder_set_bonus(void)
{
	int rc;
	/* CJ-A2-5.8 style bonus: the rule ID is copied. */
	BUILDER_CHANGE(eg_ruleset_builder_set_bonus(b, "X-7", 2, 10));
	return rc;
}

static int sc_ruleset_builder_set_veto_rule(void)
{
	int rc;
	BUILDER_CHANGE(eg_ruleset_builder_set_veto_rule(b, "X-6.1"));
	return rc;
}

static int sc_ruleset_builder_set_source(void)
{
	int rc;
	BUILDER_CHANGE(eg_ruleset_builder_set_source(b, EG_RULESET_PART_ITEM, "4", "第四条", "每起扣1分"));
	return rc;
}

static int sc_ruleset_builder_set_level_name(void)
{
	int rc;
	/* The fixture has no levels: add one (its default name is its ID) and name it. */
	{
		eg_ruleset_builder *b = fx_builder();
		snap before = { 0 }, after = { 0 };
		assert_int_equal(eg_ruleset_builder_add_penalty_level(b, "s", "regional", "X-4", 30, 0), EG_OK);
		snap_builder(&before, b);
		rc = INJECT(eg_ruleset_builder_set_level_name(b, "regional", "区级曝光", "district media"));
		snap_builder(&after, b);
		if (rc != EG_OK)
			sn_same(&before, &after);
		else
			assert_non_null(strstr(after.s, "district media"));
		sn_drop(&before);
		sn_drop(&after);
		eg_ruleset_builder_free(b);
	}
	return rc;
}

static int sc_ruleset_builder_set_total_rule(void)
{
	int rc;
	BUILDER_CHANGE(eg_ruleset_builder_set_total_rule(b, "X-10"));
	return rc;
}

static int sc_ruleset_build(void)
{
	eg_ruleset_builder *b = fx_builder();
	eg_ruleset *rs = NULL;
	snap before = { 0 }, after = { 0 };
	int rc;
	snap_builder(&before, b);
	rc = INJECT(eg_ruleset_build(&rs, b));
	snap_builder(&after, b);
	sn_same(&before, &after); /* the builder is const */
	if (rc == EG_OK) {
		assert_string_equal(eg_ruleset_name(rs), "alloc-test");
		assert_int_equal(eg_ruleset_item_count(rs), 2);
	} else {
		assert_null(rs);
	}
	eg_ruleset_free(rs);
	eg_ruleset_builder_free(b);
	return rc;
}

static int sc_ruleset_preset(void)
{
	eg_ruleset *rs = NULL;
	int rc = INJECT(eg_ruleset_preset(&rs, "changji-2023"));
	if (rc == EG_OK)
		assert_string_equal(eg_ruleset_document(rs), "昌州环委办发〔2023〕6号 附件2");
	else
		assert_null(rs);
	eg_ruleset_free(rs);
	return rc;
}

static int sc_ruleset_for_date(void)
{
	eg_ruleset *rs = NULL;
	int rc = INJECT(eg_ruleset_for_date(&rs, NULL, "2021-07-01"));
	if (rc == EG_OK)
		assert_string_equal(eg_ruleset_name(rs), "jiangmen-2021");
	else
		assert_null(rs);
	eg_ruleset_free(rs);
	return rc;
}

static int sc_assess_input_new(void)
{
	eg_ruleset *rs = fx_ruleset();
	eg_assess_input *in = NULL;
	snap before = { 0 }, after = { 0 };
	int rc;
	snap_ruleset(&before, rs);
	rc = INJECT(eg_assess_input_new(&in, rs));
	snap_ruleset(&after, rs);
	sn_same(&before, &after);
	if (rc != EG_OK)
		assert_null(in);
	eg_assess_input_free(in);
	eg_ruleset_free(rs);
	return rc;
}

static int sc_assess_input_add_problem(void)
{
	eg_ruleset *rs = fx_ruleset();
	eg_assess_input *in = NULL;
	const char *lv[] = { "regional" };
	snap before = { 0 }, after = { 0 };
	int rc;
	/* The first problem allocates the problem list. */
	assert_int_equal(eg_assess_input_new(&in, rs), EG_OK);
	snap_input(&before, rs, in);
	rc = INJECT(eg_assess_input_add_problem(in, lv, 1));
	snap_input(&after, rs, in);
	if (rc != EG_OK)
		sn_same(&before, &after);
	else
		assert_string_not_equal(before.s, after.s); /* regional: -30 on item 7 */
	sn_drop(&before);
	sn_drop(&after);
	eg_assess_input_free(in);
	eg_ruleset_free(rs);
	return rc;
}

static int sc_assess_score(void)
{
	eg_ruleset *rs = fx_ruleset();
	eg_assess_input *in = fx_input(rs, 0);
	eg_assess_result *r = NULL;
	int rc = INJECT(eg_assess_score(&r, rs, in, "2026-10"));
	if (rc == EG_OK)
		/* 30 + max(0, 60 - 30) - 10 + 2 = 52 (as in test_assess.c). */
		assert_int_equal(eg_assess_result_score(r), 52);
	else
		assert_null(r);
	eg_assess_result_free(r);
	eg_assess_input_free(in);
	eg_ruleset_free(rs);
	return rc;
}

/* JM-2.2: a half-year of jiangmen-2021 (items 1-5 deduction items, no floor). */
static int sc_assess_period_new(void)
{
	eg_ruleset *rs = NULL;
	eg_assess_period *p = NULL;
	int rc;
	assert_int_equal(eg_ruleset_preset(&rs, "jiangmen-2021"), EG_OK);
	rc = INJECT(eg_assess_period_new(&p, rs, "2021-H1"));
	if (rc == EG_OK)
		assert_int_equal(eg_assess_period_month_count(p), 6);
	else
		assert_null(p);
	eg_assess_period_free(p);
	eg_ruleset_free(rs);
	return rc;
}

static int sc_assess_period_score(void)
{
	eg_ruleset *rs = NULL;
	eg_assess_period *p = NULL;
	eg_assess_input *in = NULL;
	eg_assess_result *r = NULL;
	int rc;
	assert_int_equal(eg_ruleset_preset(&rs, "jiangmen-2021"), EG_OK);
	assert_int_equal(eg_assess_period_new(&p, rs, "2021-H2"), EG_OK);
	assert_int_equal(eg_assess_input_new(&in, rs), EG_OK);
	assert_int_equal(eg_assess_input_set_count(in, "4", 2), EG_OK);
	assert_int_equal(eg_assess_period_add_month(p, "2021-07", in), EG_OK);
	assert_int_equal(eg_assess_period_add_month(p, "2021-09", in), EG_OK);
	rc = INJECT(eg_assess_period_score(&r, p));
	if (rc == EG_OK)
		assert_int_equal(eg_assess_result_score(r), -12); /* (2 + 2) x -3 */
	else
		assert_null(r);
	eg_assess_result_free(r);
	eg_assess_input_free(in);
	eg_assess_period_free(p);
	eg_ruleset_free(rs);
	return rc;
}

/* The numbers without the trace: the same score and fail reasons, fewer allocations. */
static int sc_assess_score_untraced(void)
{
	eg_ruleset *rs = fx_ruleset();
	eg_assess_input *in = fx_input(rs, 0);
	eg_assess_result *r = NULL, *full = NULL;
	int rc = INJECT(eg_assess_score_untraced(&r, rs, in, "2026-10"));
	if (rc == EG_OK) {
		/* 30 + max(0, 60 - 30) - 10 + 2 = 52, as eg_assess_score() gives. */
		assert_int_equal(eg_assess_result_score(r), 52);
		assert_int_equal(eg_assess_result_trace_count(r), 0);
		assert_int_equal(eg_assess_score(&full, rs, in, "2026-10"), EG_OK);
		assert_int_equal(eg_assess_result_fail_count(r), eg_assess_result_fail_count(full));
		eg_assess_result_free(full);
	} else {
		assert_null(r);
	}
	eg_assess_result_free(r);
	eg_assess_input_free(in);
	eg_ruleset_free(rs);
	return rc;
}

static int sc_assess_score_many(void)
{
	eg_ruleset *rs = fx_ruleset();
	eg_assess_input *ins[3];
	eg_assess_result *out[3] = { NULL, NULL, NULL };
	int rc;
	for (int i = 0; i < 3; i++)
		ins[i] = fx_input(rs, 10 * i);
	rc = INJECT(eg_assess_score_many(out, rs, (const eg_assess_input *const *)ins, 3, "2026-10"));
	if (rc == EG_OK) {
		/* Item 4 at 60 - 0 / 10 / 20 problems: 52, 52 - 10 = 42, 52 - 20 = 32. */
		assert_int_equal(eg_assess_result_score(out[0]), 52);
		assert_int_equal(eg_assess_result_score(out[1]), 42);
		assert_int_equal(eg_assess_result_score(out[2]), 32);
	}
	for (int i = 0; i < 3; i++) {
		if (rc != EG_OK)
			assert_null(out[i]); /* assess.h: no result is left allocated */
		eg_assess_result_free(out[i]);
		eg_assess_input_free(ins[i]);
	}
	eg_ruleset_free(rs);
	return rc;
}

static int sc_assess_result_render(void)
{
	eg_ruleset *rs = fx_ruleset();
	eg_assess_input *in = fx_input(rs, 0);
	eg_assess_result *r = NULL;
	char *text = NULL;
	snap before = { 0 }, after = { 0 };
	int rc;
	assert_int_equal(eg_assess_score(&r, rs, in, "2026-10"), EG_OK);
	sn_add(&before, "%d %zu", eg_assess_result_score(r), eg_assess_result_trace_count(r));
	rc = INJECT(eg_assess_result_render(&text, r, EG_LANG_ZH));
	sn_add(&after, "%d %zu", eg_assess_result_score(r), eg_assess_result_trace_count(r));
	sn_same(&before, &after);
	if (rc == EG_OK)
		assert_non_null(strstr(text, "CJ-A2-5.4"));
	else
		assert_null(text);
	eg_string_free(text);
	eg_assess_result_free(r);
	eg_assess_input_free(in);
	eg_ruleset_free(rs);
	return rc;
}

/* ------------------------------------------------------------------ */
/* Scenarios: ladder.h                                                  */
/* ------------------------------------------------------------------ */

static int sc_ladder_builder_new(void)
{
	eg_ladder_builder *b = NULL;
	int rc = INJECT(eg_ladder_builder_new(&b, "custom", EG_LADDER_MEASURE_AT_LEAST, "超标", "exceedances", &(eg_ladder_builder_options){ EG_LADDER_BUILDER_OPTIONS_VERSION, "未完成", "missed" }));
	if (rc != EG_OK)
		assert_null(b);
	eg_ladder_builder_free(b);
	return rc;
}

/* A builder seen through the ladder it builds, before and after the call. */
#define LADDER_BUILDER_CHANGE(prep, call_expr)                              \
	do {                                                                \
		eg_ladder_builder *b = NULL;                                \
		snap before = { 0 }, after = { 0 };                         \
		assert_int_equal(eg_ladder_builder_new(&b, "custom", EG_LADDER_MEASURE_AT_LEAST, "超标", "exceedances", \
						       NULL), EG_OK);                                  \
		prep;                                                       \
		snap_ladder_builder(&before, b);                            \
		rc = INJECT(call_expr);                                     \
		snap_ladder_builder(&after, b);                             \
		if (rc != EG_OK)                                            \
			sn_same(&before, &after);                           \
		sn_drop(&before);                                           \
		sn_drop(&after);                                            \
		eg_ladder_builder_free(b);                                  \
	} while (0)

static int sc_ladder_builder_set_clause_source(void)
{
	int rc;
	eg_ladder_clause c = EG_LADDER_CLAUSE_INIT;
	c.rule = "X-1";
	c.action = "warn";
	c.threshold = 3;
	LADDER_BUILDER_CHANGE((assert_int_equal(eg_ladder_builder_add_action(b, "warn", "提醒", "warning"), EG_OK),
			       assert_int_equal(eg_ladder_builder_add_clause(b, &c), EG_OK)),
			      eg_ladder_builder_set_clause_source(b, 0, "第一条", "超标3次以上的提醒"));
	return rc;
}

static int sc_ladder_builder_add_action(void)
{
	int rc;
	eg_ladder_clause c = EG_LADDER_CLAUSE_INIT;
	c.rule = "X-1";
	c.action = "warn";
	c.threshold = 3;
	/* With one action and a clause on it the builder builds, so the snapshot lists the actions. */
	LADDER_BUILDER_CHANGE((assert_int_equal(eg_ladder_builder_add_action(b, "warn", "提醒", "warning"), EG_OK),
			       assert_int_equal(eg_ladder_builder_add_clause(b, &c), EG_OK)),
			      eg_ladder_builder_add_action(b, "talk", "约谈", "interview"));
	return rc;
}

static int sc_ladder_builder_add_clause(void)
{
	int rc;
	eg_ladder_clause c = EG_LADDER_CLAUSE_INIT;
	c.rule = "X-1";
	c.action = "warn";
	c.threshold = 3;
	/* The first clause: before it the builder does not build ("no clauses"). */
	LADDER_BUILDER_CHANGE(assert_int_equal(eg_ladder_builder_add_action(b, "warn", "提醒", "warning"), EG_OK),
			      eg_ladder_builder_add_clause(b, &c));
	return rc;
}

static int sc_ladder_build(void)
{
	eg_ladder_builder *b = NULL;
	eg_ladder *l = NULL;
	eg_ladder_clause c = EG_LADDER_CLAUSE_INIT;
	snap before = { 0 }, after = { 0 };
	int rc;
	assert_int_equal(eg_ladder_builder_new(&b, "custom", EG_LADDER_MEASURE_AT_LEAST, "超标", "exceedances", NULL), EG_OK);
	assert_int_equal(eg_ladder_builder_add_action(b, "warn", "提醒", "warning"), EG_OK);
	c.rule = "X-1";
	c.action = "warn";
	c.threshold = 3;
	assert_int_equal(eg_ladder_builder_add_clause(b, &c), EG_OK);
	snap_ladder_builder(&before, b);
	rc = INJECT(eg_ladder_build(&l, b));
	snap_ladder_builder(&after, b);
	sn_same(&before, &after);
	if (rc == EG_OK)
		assert_string_equal(eg_ladder_action_id(l, 1), "warn"); /* severity 0 is "none" */
	else
		assert_null(l);
	eg_ladder_free(l);
	eg_ladder_builder_free(b);
	return rc;
}

static int sc_ladder_preset(void)
{
	eg_ladder *l = NULL;
	int rc = INJECT(eg_ladder_preset(&l, "CJ-A2-7.3"));
	if (rc == EG_OK)
		assert_string_equal(eg_ladder_name(l), "CJ-A2-7.3");
	else
		assert_null(l);
	eg_ladder_free(l);
	return rc;
}

static int sc_ladder_state_new(void)
{
	eg_ladder *l = fx_ladder();
	eg_ladder_state *s = NULL;
	snap before = { 0 }, after = { 0 };
	int rc;
	snap_ladder(&before, l);
	rc = INJECT(eg_ladder_state_new(&s, l));
	snap_ladder(&after, l);
	sn_same(&before, &after);
	if (rc == EG_OK)
		assert_null(eg_ladder_state_last_month(s)); /* no month stepped yet */
	else
		assert_null(s);
	eg_ladder_state_free(s);
	eg_ladder_free(l);
	return rc;
}

static int sc_ladder_state_serialize(void)
{
	eg_ladder *l = fx_ladder();
	eg_ladder_state *s = fx_state(l);
	char *text = NULL;
	snap before = { 0 }, after = { 0 };
	int rc;
	sn_add(&before, "%s", eg_ladder_state_last_month(s));
	rc = INJECT(eg_ladder_state_serialize(&text, s));
	sn_add(&after, "%s", eg_ladder_state_last_month(s));
	sn_same(&before, &after);
	if (rc == EG_OK)
		assert_non_null(strstr(text, "U0"));
	else
		assert_null(text);
	eg_string_free(text);
	eg_ladder_state_free(s);
	eg_ladder_free(l);
	return rc;
}

static int sc_ladder_state_parse(void)
{
	eg_ladder *l = fx_ladder();
	eg_ladder_state *s = fx_state(l), *back = NULL;
	char *text = NULL;
	int rc;
	assert_int_equal(eg_ladder_state_serialize(&text, s), EG_OK);
	rc = INJECT(eg_ladder_state_parse(&back, l, text, strlen(text)));
	if (rc == EG_OK) {
		snap a = { 0 }, b = { 0 };
		snap_ladder_state(&a, s);
		snap_ladder_state(&b, back);
		sn_same(&a, &b); /* round trip */
	} else {
		assert_null(back);
	}
	eg_string_free(text);
	eg_ladder_state_free(back);
	eg_ladder_state_free(s);
	eg_ladder_free(l);
	return rc;
}

static int sc_ladder_step(void)
{
	eg_ladder *l = fx_ladder();
	eg_ladder_state *s = fx_state(l);
	eg_ladder_outcome *o = NULL;
	const char *ids[] = { "U0", "U1", "U2" };
	int64_t v[] = { 3, 2, 1 };
	snap before = { 0 }, after = { 0 };
	int rc;
	snap_ladder_state(&before, s);
	rc = INJECT(eg_ladder_step(&o, s, "2026-02", &(eg_ladder_step_options){ EG_LADDER_STEP_OPTIONS_VERSION, ids, v, NULL, 3 }));
	if (rc != EG_OK) {
		snap_ladder_state(&after, s);
		sn_same(&before, &after); /* ladder.h: on failure the state is unchanged */
		assert_null(o);
	} else {
		assert_int_equal(eg_ladder_outcome_count(o), 3);
		assert_string_equal(eg_ladder_state_last_month(s), "2026-02");
		sn_drop(&before);
	}
	eg_ladder_outcome_free(o);
	eg_ladder_state_free(s);
	eg_ladder_free(l);
	return rc;
}

static int sc_ladder_evaluate_table(void)
{
	eg_ladder *l = fx_ladder();
	const char *units[] = { "U0", "U1" };
	const int64_t values[] = { 2, 1, 2, 1 }; /* ranks 1-2 of 2 units: U0 last both months */
	int32_t sev[4] = { -1, -1, -1, -1 };
	int rc = INJECT(eg_ladder_evaluate_table(sev, l, "2026-01", 2, units, NULL, 0, values, NULL, 2));
	if (rc == EG_OK) {
		/* Equal to stepping one state through the two months. */
		eg_ladder_state *s = NULL;
		const char *m[] = { "2026-01", "2026-02" };
		assert_int_equal(eg_ladder_state_new(&s, l), EG_OK);
		for (int k = 0; k < 2; k++) {
			eg_ladder_outcome *o = NULL;
			assert_int_equal(eg_ladder_step(&o, s, m[k], &(eg_ladder_step_options){ EG_LADDER_STEP_OPTIONS_VERSION, units, values + 2 * k, NULL, 2 }), EG_OK);
			for (size_t u = 0; u < 2; u++) {
				assert_string_equal(eg_ladder_outcome_unit(o, u), units[u]);
				assert_int_equal(sev[2 * k + (int)u], eg_ladder_outcome_severity(o, u));
			}
			eg_ladder_outcome_free(o);
		}
		eg_ladder_state_free(s);
	}
	eg_ladder_free(l);
	return rc;
}

/* ------------------------------------------------------------------ */
/* Scenarios: airq.h                                                    */
/* ------------------------------------------------------------------ */

static int sc_airq_profile_named(void)
{
	eg_airq_profile *p = NULL;
	int rc = INJECT(eg_airq_profile_named(&p, "CN2012"));
	if (rc == EG_OK)
		assert_string_equal(eg_airq_profile_name(p), "CN2012");
	else
		assert_null(p);
	eg_airq_profile_free(p);
	return rc;
}

static int sc_airq_profile_for_date(void)
{
	eg_airq_profile *p = NULL;
	int rc = INJECT(eg_airq_profile_for_date(&p, "2026-10-31"));
	if (rc == EG_OK)
		assert_string_equal(eg_airq_profile_name(p), "CN2026");
	else
		assert_null(p);
	eg_airq_profile_free(p);
	return rc;
}

static int sc_airq_profile_custom(void)
{
	eg_airq_profile *p = NULL;
	const double limits[6] = { 60, 40, 70, 35, 4, 160 }, weights[6] = { 1, 1, 1, 2, 1, 1 };
	int rc = INJECT(eg_airq_profile_custom(&p, "weighted", limits, weights, EG_AQI_TABLE_HJ633_2012));
	if (rc == EG_OK)
		assert_double_equal(eg_airq_profile_weight(p, EG_POLLUTANT_PM25), 2, 0);
	else
		assert_null(p);
	eg_airq_profile_free(p);
	return rc;
}

static int sc_airq_percentile(void)
{
	double v[] = { 3, 4, 8, 2, 5, 4 }, copy[6], r = -1;
	int rc;
	memcpy(copy, v, sizeof v);
	rc = INJECT(eg_airq_percentile(&r, v, 6, 0.90));
	assert_memory_equal(v, copy, sizeof v); /* the input is not sorted in place */
	if (rc == EG_OK)
		/* Sorted 2,3,4,4,5,8; k = 1 + 5 x 0.9 = 5.5; 5 + 0.5 x (8 - 5) = 6.5. */
		assert_double_equal(r, 6.5, 1e-12);
	return rc;
}

static int sc_airq_rank(void)
{
	double idx[4] = { 1.234, 1.2349, 0.9, 2.0 }, copy[4];
	int32_t rk[4] = { 0 };
	int rc;
	memcpy(copy, idx, sizeof idx);
	rc = INJECT(eg_airq_rank(rk, idx, 4, EG_RANK_ORDER_ASC, 2));
	assert_memory_equal(idx, copy, sizeof idx);
	if (rc == EG_OK) {
		/* Rounded to 2 decimals: 1.23, 1.23, 0.90, 2.00 -> 2, 2, 1, 4. */
		assert_int_equal(rk[0], 2);
		assert_int_equal(rk[1], 2);
		assert_int_equal(rk[2], 1);
		assert_int_equal(rk[3], 4);
	}
	return rc;
}

/* ------------------------------------------------------------------ */
/* Scenarios: inspect.h, draw.h, duty.h                                 */
/* ------------------------------------------------------------------ */

static int sc_sample(void)
{
	int64_t out[5] = { 0 };
	int rc = INJECT(eg_draw_sample(out, 5, "3546311556112163624615351222", 1, 876, NULL));
	if (rc == EG_OK)
		for (int i = 0; i < 5; i++)
			assert_true(out[i] >= 1 && out[i] <= 876);
	return rc;
}

static int sc_inspect_pool(void)
{
	const char *ids[] = { "A", "B", "C", "D", "E" };
	const int64_t em[] = { 50, 20, 15, 10, 5 };
	size_t pool[5], n = 0;
	int rc = INJECT(eg_inspect_pool(pool, &n, ids, em, 5, 850));
	if (rc == EG_OK)
		/* A + B + C = 85 of 100 = exactly 850 per mille: 3. */
		assert_int_equal(n, 3);
	return rc;
}

static int sc_inspect_key_coverage(void)
{
	const char *keys[] = { "K1", "K2", "K3" }, *done[] = { "K3", "G9", "K1", "K3" };
	size_t miss[3], nm = 0;
	int rc = INJECT(eg_inspect_key_coverage(miss, &nm, keys, 3, done, 4));
	if (rc == EG_OK) {
		assert_int_equal(nm, 1); /* DG-8: K2 never inspected */
		assert_int_equal(miss[0], 1);
	}
	return rc;
}

static int sc_draw_objects(void)
{
	frame f;
	eg_draw *d = NULL;
	int rc;
	fx_frame(&f);
	rc = INJECT(eg_draw_objects(&d, "2026Q4-12345678", &(eg_draw_frame_options){ EG_DRAW_FRAME_OPTIONS_VERSION, strata, frame_sizes, f.ptr, quotas, 2 }));
	if (rc == EG_OK)
		assert_int_equal(eg_draw_selected_count(d), 14); /* 4 + 10 */
	else
		assert_null(d);
	eg_draw_free(d);
	return rc;
}

static int sc_draw_pair_inspectors(void)
{
	frame f;
	eg_draw *d;
	const char *insp[] = { "I1", "I2", "I3" }, *ci[] = { "I1" }, *co[1];
	snap before = { 0 }, after = { 0 };
	int rc;
	fx_frame(&f);
	d = fx_draw(&f);
	co[0] = eg_draw_selected(d, 0);
	snap_draw(&before, d);
	rc = INJECT(eg_draw_pair_inspectors(d, insp, 3, &(eg_draw_pair_options){ EG_DRAW_PAIR_OPTIONS_VERSION, ci, co, 1, 2 }));
	snap_draw(&after, d);
	if (rc != EG_OK) {
		sn_same(&before, &after);
	} else {
		assert_non_null(eg_draw_inspector(d, 0, 1));
		assert_string_not_equal(eg_draw_inspector(d, 0, 0), "I1"); /* the conflict is skipped */
		sn_drop(&before);
		sn_drop(&after);
	}
	eg_draw_free(d);
	return rc;
}

static int sc_draw_verify(void)
{
	frame f;
	eg_draw *d;
	snap before = { 0 }, after = { 0 };
	int rc, ok = -1;
	fx_frame(&f);
	d = fx_draw(&f);
	snap_draw(&before, d);
	rc = INJECT(eg_draw_verify(&ok, d, &(eg_draw_frame_options){ EG_DRAW_FRAME_OPTIONS_VERSION, strata, frame_sizes, f.ptr, quotas, 2 }));
	snap_draw(&after, d);
	sn_same(&before, &after);
	if (rc == EG_OK)
		assert_int_equal(ok, 1);
	eg_draw_free(d);
	return rc;
}

static int sc_draw_inspectors_hash(void)
{
	const char *insp[] = { "I3", "I1", "I2" }, *ci[] = { "I1", "I2" }, *co[] = { "E010", "E009" };
	char h[65] = "untouched";
	int rc = INJECT(eg_draw_inspectors_hash(h, insp, 3, ci, co, 2));
	if (rc == EG_OK)
		assert_int_equal(strlen(h), 64);
	else
		assert_string_equal(h, "untouched");
	return rc;
}

static int sc_draw_record_check(void)
{
	frame f;
	eg_draw *d;
	const char *st[2], *sel[14];
	int64_t sz[2] = { 31, 169 }, q[2] = { 4, 10 };
	eg_draw_record rec = EG_DRAW_RECORD_INIT;
	eg_draw_inputs in = EG_DRAW_INPUTS_INIT;
	unsigned int failed = 99;
	char *detail = UNTOUCHED;
	int rc;
	fx_frame(&f);
	d = fx_draw(&f);
	st[0] = "key";
	st[1] = "general";
	for (size_t i = 0; i < 14; i++)
		sel[i] = eg_draw_selected(d, i);
	rec.seed = "2026Q4-12345678";
	rec.frame_hash = "not the hash"; /* one failed check, so the detail text is written */
	rec.n_strata = 2;
	rec.strata = st;
	rec.sizes = sz;
	rec.quotas = q;
	rec.n_selected = 14;
	rec.selected = sel;
	rec.selected_strata = sel; /* wrong strata: the selection fails too */
	in.strata = strata;
	in.frame_sizes = frame_sizes;
	in.frame = f.ptr;
	in.n_strata = 2;
	rc = INJECT(eg_draw_record_check(&failed, &detail, &rec, &in, EG_LANG_EN));
	if (rc == EG_OK) {
		assert_int_equal(failed, EG_DRAW_CHECK_FRAME_HASH | EG_DRAW_CHECK_SELECTION);
		eg_string_free(detail);
	} else {
		assert_int_equal(failed, 99);
		assert_ptr_equal(detail, UNTOUCHED);
	}
	eg_draw_free(d);
	return rc;
}

static void snap_duty_set(snap *b, const eg_duty_set *s)
{
	sn_add(b, "%zu:", eg_duty_set_count(s));
	for (size_t i = 0; i < eg_duty_set_count(s); i++) {
		eg_duty_def d;
		assert_int_equal(eg_duty_set_at(&d, s, i), EG_OK);
		sn_add(b, "%s/%s/%s;", d.id, d.rule, d.kind);
	}
}

static void snap_workdays(snap *b, const eg_duty_workdays *w)
{
	static const char *const days[] = { "2026-10-01", "2026-10-02", "2026-10-10", "2026-10-12" };
	for (size_t i = 0; i < 4; i++) {
		int wd = -1;
		int rc = eg_duty_workdays_is_workday(&wd, w, days[i]);
		sn_add(b, "%d/%d;", rc, wd);
	}
}

static eg_duty_workdays *fx_workdays(void)
{
	eg_duty_workdays *w = NULL;
	assert_int_equal(eg_duty_workdays_new(&w), EG_OK);
	assert_int_equal(eg_duty_workdays_set(w, "2026-10-01", EG_DUTY_DAY_HOLIDAY), EG_OK);
	assert_int_equal(eg_duty_workdays_set(w, "2026-10-10", EG_DUTY_DAY_WORKDAY), EG_OK);
	return w;
}

static int sc_duty_workdays_new(void)
{
	eg_duty_workdays *w = NULL;
	int rc = INJECT(eg_duty_workdays_new(&w));
	if (rc != EG_OK)
		assert_null(w);
	eg_duty_workdays_free(w);
	return rc;
}

static int sc_duty_workdays_set(void)
{
	eg_duty_workdays *w = NULL; /* empty: its first day allocates */
	assert_int_equal(eg_duty_workdays_new(&w), EG_OK);
	snap before = { 0 }, after = { 0 };
	int rc;
	snap_workdays(&before, w); /* 2026 not covered yet: every query is EG_ERANGE */
	rc = INJECT(eg_duty_workdays_set(w, "2026-10-02", EG_DUTY_DAY_HOLIDAY));
	snap_workdays(&after, w);
	if (rc == EG_OK)
		sn_drop(&before), sn_drop(&after);
	else
		sn_same(&before, &after);
	eg_duty_workdays_free(w);
	return rc;
}

static int sc_duty_set_new(void)
{
	eg_duty_set *s = NULL;
	int rc = INJECT(eg_duty_set_new(&s));
	if (rc != EG_OK)
		assert_null(s);
	eg_duty_set_free(s);
	return rc;
}

static int sc_duty_set_add(void)
{
	eg_duty_set *s = NULL;
	eg_duty_def d = EG_DUTY_DEF_INIT;
	snap before = { 0 }, after = { 0 };
	int rc;
	assert_int_equal(eg_duty_set_preset(&s, "DG-52"), EG_OK);
	d.id = "x", d.rule = "R", d.kind = "k", d.actor = "a", d.start = "2026-01-01", d.name_zh = "某", d.name_en = "some";
	snap_duty_set(&before, s);
	rc = INJECT(eg_duty_set_add(s, &d));
	snap_duty_set(&after, s);
	if (rc == EG_OK) {
		assert_int_equal(eg_duty_set_count(s), 3);
		sn_drop(&before), sn_drop(&after);
	} else {
		sn_same(&before, &after);
	}
	eg_duty_set_free(s);
	return rc;
}

/* A duty's source (its article and quote): on failure the old source stays. */
static int sc_duty_set_set_source(void)
{
	eg_duty_set *s = NULL;
	const char *a = NULL, *q = NULL;
	int rc;
	assert_int_equal(eg_duty_set_preset(&s, "DG-53"), EG_OK);
	rc = INJECT(eg_duty_set_set_source(s, "DG-53", "第53项", "每季度不少于1次"));
	assert_int_equal(eg_duty_set_source(&a, &q, s, 0), EG_OK);
	assert_string_equal(a, "第53项");
	assert_string_equal(q, rc == EG_OK ? "每季度不少于1次" : "按照每季度不少于1次的原则");
	eg_duty_set_free(s);
	return rc;
}

static int sc_duty_set_preset(void)
{
	eg_duty_set *s = NULL;
	int rc = INJECT(eg_duty_set_preset(&s, "yulin-2019"));
	if (rc == EG_OK)
		assert_true(eg_duty_set_count(s) >= 10);
	else
		assert_null(s);
	eg_duty_set_free(s);
	return rc;
}

static int sc_duty_log_new(void)
{
	eg_duty_log *l = NULL;
	int rc = INJECT(eg_duty_log_new(&l));
	if (rc != EG_OK)
		assert_null(l);
	eg_duty_log_free(l);
	return rc;
}

static int sc_duty_log_add(void)
{
	eg_duty_log *l = NULL;
	eg_duty_record r = EG_DUTY_RECORD_INIT;
	int rc;
	assert_int_equal(eg_duty_log_new(&l), EG_OK);
	r.kind = "k", r.actor = "a;b", r.time = "2026-10-01 09:00", r.tags = "x,y", r.id = "R1";
	rc = INJECT(eg_duty_log_add(l, &r));
	assert_int_equal(eg_duty_log_count(l), rc == EG_OK ? 1 : 0);
	eg_duty_log_free(l);
	return rc;
}

static int sc_duty_log_add_member(void)
{
	eg_duty_log *l = NULL;
	eg_duty_set *s = NULL;
	eg_duty_rows *rows = NULL;
	eg_duty_status_options o = EG_DUTY_STATUS_OPTIONS_INIT;
	int rc;
	assert_int_equal(eg_duty_log_new(&l), EG_OK);
	rc = INJECT(eg_duty_log_add_member(l, "level2", "昌吉市"));
	/* The group has its member only when the call succeeded: CJ-G.8-study lists it. */
	assert_int_equal(eg_duty_set_preset(&s, "CJ-G.8-study"), EG_OK);
	o.from = "2026-10-01";
	assert_int_equal(eg_duty_status(&rows, s, l, "2026-10-31", &o), EG_OK);
	assert_int_equal(eg_duty_rows_count(rows), rc == EG_OK ? 1 : 0);
	eg_duty_rows_free(rows);
	eg_duty_set_free(s);
	eg_duty_log_free(l);
	return rc;
}

static int sc_duty_status(void)
{
	eg_duty_set *s = NULL;
	eg_duty_log *l = NULL;
	eg_duty_rows *rows = NULL;
	eg_duty_workdays *w = fx_workdays();
	eg_duty_record r = EG_DUTY_RECORD_INIT;
	eg_duty_status_options o = EG_DUTY_STATUS_OPTIONS_INIT;
	int rc;
	assert_int_equal(eg_duty_set_preset(&s, "CJ-A4-4.1"), EG_OK);
	assert_int_equal(eg_duty_log_new(&l), EG_OK);
	r.kind = "typical_case_batch", r.actor = "州生态环境局", r.time = "2026-02-10", r.tags = "newspaper,tv";
	assert_int_equal(eg_duty_log_add(l, &r), EG_OK);
	o.from = "2026-01-01", o.workdays = w;
	rc = INJECT(eg_duty_status(&rows, s, l, "2026-10-10", &o));
	if (rc == EG_OK) {
		assert_int_equal(eg_duty_rows_count(rows), 4); /* Q1 met, Q2 and Q3 missed, Q4 not due */
		assert_int_equal(eg_duty_rows_state(rows, 0), EG_DUTY_STATE_MET);
	} else {
		assert_null(rows);
	}
	eg_duty_rows_free(rows);
	eg_duty_log_free(l);
	eg_duty_set_free(s);
	eg_duty_workdays_free(w);
	return rc;
}

/* ------------------------------------------------------------------ */
/* Scenarios: records.h, ledger.h, cases.h, disclosure.h                */
/* ------------------------------------------------------------------ */

static int sc_records_new(void)
{
	eg_records *r = NULL;
	int rc = INJECT(eg_records_new(&r));
	if (rc == EG_OK)
		assert_int_equal(eg_records_count(r), 0);
	else
		assert_null(r);
	eg_records_free(r);
	return rc;
}

#define RECORDS_CHANGE(call_expr)                                           \
	do {                                                                \
		eg_records *r = fx_records();                               \
		snap before = { 0 }, after = { 0 };                         \
		snap_records(&before, r);                                   \
		rc = INJECT(call_expr);                                     \
		snap_records(&after, r);                                    \
		if (rc != EG_OK)                                            \
			sn_same(&before, &after);                           \
		else                                                        \
			assert_string_not_equal(before.s, after.s);         \
		sn_drop(&before);                                           \
		sn_drop(&after);                                            \
		eg_records_free(r);                                         \
	} while (0)

static int sc_records_put_new_id(void)
{
	int rc;
	const char *k[] = { "name", "district" }, *v[] = { "某化工厂", "蓬江区" };
	RECORDS_CHANGE(eg_records_put(r, "JM-002", "2026-02-01 09:00", "蓬江区", "列入清单", &(eg_records_put_options){ EG_RECORDS_PUT_OPTIONS_VERSION, k, v, 2 }));
	return rc;
}

static int sc_records_put_new_version(void)
{
	int rc;
	const char *k[] = { "progress" }, *v[] = { "已完成50%" };
	RECORDS_CHANGE(eg_records_put(r, "JM-001", "2026-04-02 10:00", "新会区", "季度更新", &(eg_records_put_options){ EG_RECORDS_PUT_OPTIONS_VERSION, k, v, 1 }));
	return rc;
}

static int sc_records_serialize(void)
{
	eg_records *r = fx_records();
	char *text = NULL;
	snap before = { 0 }, after = { 0 };
	int rc;
	sn_add(&before, "%zu %zu", eg_records_count(r), eg_records_version_count(r, "JM-001"));
	rc = INJECT(eg_records_serialize(&text, r));
	sn_add(&after, "%zu %zu", eg_records_count(r), eg_records_version_count(r, "JM-001"));
	sn_same(&before, &after);
	if (rc == EG_OK)
		assert_non_null(strstr(text, "某造纸厂"));
	else
		assert_null(text);
	eg_string_free(text);
	eg_records_free(r);
	return rc;
}

static int sc_records_parse(void)
{
	eg_records *r = fx_records(), *back = NULL;
	char *text = NULL;
	int rc;
	assert_int_equal(eg_records_serialize(&text, r), EG_OK);
	rc = INJECT(eg_records_parse(&back, text, strlen(text)));
	if (rc == EG_OK) {
		snap a = { 0 }, b = { 0 };
		snap_records(&a, r);
		snap_records(&b, back);
		sn_same(&a, &b); /* byte-exact round trip */
	} else {
		assert_null(back);
	}
	eg_string_free(text);
	eg_records_free(back);
	eg_records_free(r);
	return rc;
}

static int sc_ledger_open(void)
{
	int rc;
	RECORDS_CHANGE(eg_ledger_open(r, "Q", "2026-02-01 09:00", "整改办", &(eg_ledger_open_options){ EG_LEDGER_OPEN_OPTIONS_VERSION, "市生态环境局", "扬尘治理", "2026-09-30" }));
	return rc;
}

static int sc_ledger_transition(void)
{
	int rc;
	RECORDS_CHANGE(eg_ledger_transition(r, "P", "2026-02-01 09:00", "市住建局", EG_LEDGER_STATE_RECTIFYING, "开始整改"));
	return rc;
}

static int sc_ledger_step(void)
{
	int rc;
	eg_ledger_step_options o = EG_LEDGER_STEP_OPTIONS_INIT;
	o.time = "2026-02-01 09:00", o.actor = "市住建局", o.reason = "开始整改";
	RECORDS_CHANGE(eg_ledger_step(r, "P", EG_LEDGER_STATE_RECTIFYING, &o));
	return rc;
}

static int sc_ledger_extend(void)
{
	int rc;
	RECORDS_CHANGE(eg_ledger_extend(r, "P", "2026-06-20 09:00", "整改办", "2026-09-30", "冬季施工受限"));
	return rc;
}

static int sc_case_anonymise(void)
{
	const char *n2[] = { "宏达", "宏达化工有限公司" }, *p2[] = { "某人", "某公司" };
	char *anon = NULL;
	size_t rep = 0;
	int rc = INJECT(eg_case_anonymise(&anon, &rep, "宏达化工有限公司法定代表人宏达", n2, p2, 2));
	if (rc == EG_OK) {
		/* The longer name wins where both match: 某公司法定代表人某人, 2 replaced. */
		assert_string_equal(anon, "某公司法定代表人某人");
		assert_int_equal(rep, 2);
	} else {
		assert_null(anon);
	}
	eg_string_free(anon);
	return rc;
}

static int sc_heads_disclosure_check(void)
{
	eg_grid *g = fx_grid();
	/* Heads of C and T1 published; V1 has none and T2 none: 2 problems, plus
	 * 县长 replaced on 1 September and published on 1 October (late in
	 * September with 10 calendar days), and a channel. */
	const eg_disclosure_change c[] = {
		{ EG_DISCLOSURE_CHANGE_VERSION, "C", EG_DISCLOSURE_ROLE_HEAD, "县委书记", EG_DISCLOSURE_ACTION_APPOINT, "2026-01-01", "2026-01-05" },
		{ EG_DISCLOSURE_CHANGE_VERSION, "C", EG_DISCLOSURE_ROLE_HEAD, "县长", EG_DISCLOSURE_ACTION_APPOINT, "2026-09-01", "2026-10-01" },
		{ EG_DISCLOSURE_CHANGE_VERSION, "T1", EG_DISCLOSURE_ROLE_HEAD, "镇党委书记", EG_DISCLOSURE_ACTION_APPOINT, "2026-01-01", "2026-01-05" },
		{ EG_DISCLOSURE_CHANGE_VERSION, "T1", EG_DISCLOSURE_ROLE_HEAD, "镇长", EG_DISCLOSURE_ACTION_APPOINT, "2026-01-01", "2026-01-05" },
		{ EG_DISCLOSURE_CHANGE_VERSION, "C", EG_DISCLOSURE_ROLE_CHANNEL, "12369", EG_DISCLOSURE_ACTION_APPOINT, "2026-01-01", "2026-01-05" },
	};
	eg_disclosure_heads_options o = EG_DISCLOSURE_HEADS_OPTIONS_INIT;
	eg_disclosure_heads *h = NULL;
	snap before = { 0 }, after = { 0 };
	int rc;
	o.changes = c, o.n_changes = 5, o.limit = EG_DISCLOSURE_LIMIT_DAYS, o.days = 10;
	snap_grid(&before, g);
	rc = INJECT(eg_disclosure_heads_check(&h, g, "C", "2026-09", &o));
	snap_grid(&after, g);
	sn_same(&before, &after);
	if (rc == EG_OK) {
		/* late 县长; C short of a head (published 1 October), T2 and V1 without heads */
		assert_int_equal(eg_disclosure_heads_met(h), 0);
		assert_int_equal(eg_disclosure_heads_count(h), 4);
	} else {
		assert_null(h);
	}
	eg_disclosure_heads_free(h);
	eg_grid_free(g);
	return rc;
}

static int sc_top_n(void)
{
	const char *ids[] = { "A", "B", "C", "D", "E" };
	const int64_t m[] = { 50, 40, 40, 30, 10 };
	size_t out[5], n = 0;
	int rc = INJECT(eg_disclosure_top_n(out, &n, ids, m, 5, 2));
	if (rc == EG_OK) {
		/* A 50, then B and C tied at 40: both taken -> 3. */
		assert_int_equal(n, 3);
		assert_int_equal(out[0], 0);
		assert_int_equal(out[1], 1);
		assert_int_equal(out[2], 2);
	}
	return rc;
}

/* ------------------------------------------------------------------ */
/* scheme.h (issue #15)                                                  */
/* ------------------------------------------------------------------ */

/* The shipped Changji document's canonical text (injection off; caller frees). */
/* Not inlined: GCC 12 at -O3 takes the text, written through &t by the library, for a
 * pointer to the local t once inlined (-Wdangling-pointer, a false positive). */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static char *fx_scheme_text(void)
{
	eg_scheme *s = NULL;
	char *t = NULL;
	assert_int_equal(eg_scheme_named(&s, "changji-2023"), EG_OK);
	assert_int_equal(eg_scheme_write(&t, s), EG_OK);
	eg_scheme_free(s);
	return t;
}

static eg_scheme *fx_scheme(void)
{
	eg_scheme *s = NULL;
	assert_int_equal(eg_scheme_named(&s, "changji-2023"), EG_OK);
	return s;
}

static int sc_scheme_load_buffer(void)
{
	char *t = fx_scheme_text();
	eg_scheme *s = NULL;
	eg_scheme_error e = EG_SCHEME_ERROR_INIT;
	int rc = INJECT(eg_scheme_load_buffer(&s, &e, t, strlen(t)));
	if (rc == EG_OK)
		assert_string_equal(eg_scheme_text(s), t);
	else
		assert_true(s == NULL && e.code == EG_ENOMEM);
	eg_scheme_free(s);
	eg_string_free(t);
	return rc;
}

static char scheme_path[64];

static int sc_scheme_load(void)
{
	char *path = scheme_path;
	eg_scheme *s = NULL;
	int rc;
	if (!path[0]) {
		char *t = fx_scheme_text();
		int fd;
		FILE *f;
		snprintf(path, sizeof scheme_path, "/tmp/eg-alloc-scheme-XXXXXX");
		assert_true((fd = mkstemp(path)) >= 0);
		assert_non_null(f = fdopen(fd, "w"));
		fputs(t, f);
		fclose(f);
		eg_string_free(t);
	}
	rc = INJECT(eg_scheme_load(&s, NULL, path));
	if (rc == EG_OK) {
		assert_string_equal(eg_scheme_id(s), "changji-2023");
	} else {
		assert_null(s);
	}
	eg_scheme_free(s);
	return rc;
}

static int sc_scheme_named(void)
{
	eg_scheme *s = NULL;
	int rc = INJECT(eg_scheme_named(&s, "jiangmen-2021"));
	if (rc == EG_OK)
		assert_int_equal(eg_scheme_deadline_count(s), 2);
	else
		assert_null(s);
	eg_scheme_free(s);
	return rc;
}

static int sc_scheme_write(void)
{
	eg_scheme *s = fx_scheme();
	char *t = NULL;
	int rc = INJECT(eg_scheme_write(&t, s));
	if (rc == EG_OK)
		assert_string_equal(t, eg_scheme_text(s));
	else
		assert_null(t);
	eg_string_free(t);
	eg_scheme_free(s);
	return rc;
}

static int sc_scheme_duties(void)
{
	eg_scheme *s = fx_scheme();
	eg_duty_set *d = NULL;
	int rc = INJECT(eg_scheme_duties(&d, s));
	if (rc == EG_OK)
		assert_int_equal(eg_duty_set_count(d), 29); /* changji-2023's duties */
	else
		assert_null(d);
	eg_duty_set_free(d);
	eg_scheme_free(s);
	return rc;
}

static int sc_scheme_ruleset(void)
{
	eg_scheme *s = fx_scheme();
	eg_ruleset *rs = NULL;
	int rc = INJECT(eg_scheme_ruleset(&rs, s, "2026-10"));
	if (rc == EG_OK)
		assert_int_equal(eg_ruleset_item_count(rs), 7);
	else
		assert_null(rs);
	eg_ruleset_free(rs);
	eg_scheme_free(s);
	return rc;
}

static int sc_scheme_ruleset_named(void)
{
	eg_scheme *s = fx_scheme();
	eg_ruleset *rs = NULL;
	int rc = INJECT(eg_scheme_ruleset_named(&rs, s, "changji-2023"));
	if (rc == EG_OK)
		assert_string_equal(eg_ruleset_item_rule(rs, 3), "CJ-A2-5.4");
	else
		assert_null(rs);
	eg_ruleset_free(rs);
	eg_scheme_free(s);
	return rc;
}

static int sc_scheme_ladder(void)
{
	eg_scheme *s = fx_scheme();
	eg_ladder *l = NULL;
	int rc = INJECT(eg_scheme_ladder(&l, s, "CJ-A3-4"));
	if (rc == EG_OK)
		assert_int_equal(eg_ladder_action_count(l), 5);
	else
		assert_null(l);
	eg_ladder_free(l);
	eg_scheme_free(s);
	return rc;
}

static int sc_scheme_airq_profile(void)
{
	eg_scheme *s = fx_scheme();
	eg_airq_profile *p = NULL;
	int rc = INJECT(eg_scheme_airq_profile(&p, s, "2026-03-01"));
	if (rc == EG_OK)
		assert_string_equal(eg_airq_profile_name(p), "CN2026");
	else
		assert_null(p);
	eg_airq_profile_free(p);
	eg_scheme_free(s);
	return rc;
}

static int sc_scheme_check(void)
{
	eg_scheme *s = NULL;
	eg_scheme_findings *f = NULL;
	/* A scheme with findings, so that they are recorded: good 75-88, excellent from 90. */
	const char *doc = "{\"ecogrid_scheme\":1,\"id\":\"t\",\"family\":\"t\",\"title\":{\"zh\":\"题\",\"en\":\"t\"},"
			  "\"document\":\"d\",\"issuer\":{\"zh\":\"办\",\"en\":\"o\"},\"valid_from\":\"2024-01-01\","
			  "\"rulesets\":[{\"id\":\"r\",\"document\":\"d\",\"total_rule\":\"T-9\","
			  "\"sections\":[{\"id\":\"a\",\"name\":{\"zh\":\"甲\",\"en\":\"a\"}}],"
			  "\"items\":[{\"id\":\"1\",\"rule\":\"T-1\",\"section\":\"a\",\"name\":{\"zh\":\"一\",\"en\":\"one\"},"
			  "\"kind\":\"deduction\",\"max_points\":100,\"per_occurrence\":0,\"floor\":0,"
			  "\"source\":{\"article\":\"一\",\"quote\":\"扣分\"}}],"
			  "\"grades\":[{\"grade\":\"excellent\",\"min_points\":90,\"rule\":\"T-3\",\"source\":{\"article\":\"三\",\"quote\":\"优秀\"}},"
			  "{\"grade\":\"good\",\"min_points\":75,\"max_points\":88,\"rule\":\"T-3\",\"source\":{\"article\":\"三\",\"quote\":\"良好\"}}]}]}";
	int rc;
	assert_int_equal(eg_scheme_load_buffer(&s, NULL, doc, strlen(doc)), EG_OK);
	rc = INJECT(eg_scheme_check(&f, s));
	if (rc == EG_OK)
		assert_int_equal(eg_scheme_findings_count(f), 2); /* floor-unreachable, grade-gap */
	else
		assert_null(f);
	eg_scheme_findings_free(f);
	eg_scheme_free(s);
	return rc;
}

static int sc_scheme_check_buffer(void)
{
	char *t = fx_scheme_text();
	/* A veto on item 4, a deduction item: a finding and the loader's refusal. */
	char *v = NULL;
	const char *at = strstr(t, "\"per_occurrence\": 1,");
	eg_scheme_findings *f = NULL;
	int rc;
	assert_non_null(at);
	v = malloc(strlen(t) + 32);
	assert_non_null(v);
	memcpy(v, t, (size_t)(at - t));
	strcpy(v + (at - t), "\"veto\": true, ");
	strcat(v, at);
	rc = INJECT(eg_scheme_check_buffer(&f, NULL, v, strlen(v)));
	if (rc == EG_OK) {
		assert_int_equal(eg_scheme_findings_count(f), 2);
		assert_string_equal(eg_scheme_findings_id(f, 0), "veto-not-status");
		assert_string_equal(eg_scheme_findings_id(f, 1), "load-refused");
	} else {
		assert_null(f);
	}
	eg_scheme_findings_free(f);
	free(v);
	eg_string_free(t);
	return rc;
}

static int sc_scheme_family_new(void)
{
	eg_scheme *a = fx_scheme(), *b = NULL;
	eg_scheme_family *f = NULL;
	int rc;
	assert_int_equal(eg_scheme_named(&b, "jiangmen-2021"), EG_OK);
	{
		const eg_scheme *v[1] = { a };
		rc = INJECT(eg_scheme_family_new(&f, v, 1));
	}
	if (rc == EG_OK)
		assert_int_equal(eg_scheme_family_count(f), 1);
	else
		assert_null(f);
	eg_scheme_family_free(f);
	eg_scheme_free(a);
	eg_scheme_free(b);
	return rc;
}

static int sc_scheme_from_ruleset(void)
{
	eg_ruleset *rs = NULL;
	eg_scheme *s = NULL;
	eg_scheme_info info = EG_SCHEME_INFO_INIT;
	int rc;
	assert_int_equal(eg_ruleset_preset(&rs, "jiangmen-2021"), EG_OK);
	info.family = "jiangmen";
	info.issuer_zh = "江门市环委办";
	info.issuer_en = "Jiangmen environmental committee office";
	rc = INJECT(eg_scheme_from_ruleset(&s, &info, rs));
	if (rc == EG_OK)
		assert_string_equal(eg_scheme_ruleset_name(s, 0), "jiangmen-2021");
	else
		assert_null(s);
	eg_scheme_free(s);
	eg_ruleset_free(rs);
	return rc;
}

static int sc_scheme_compare(void)
{
	eg_scheme *so = NULL, *sn = NULL;
	eg_scheme_diff_result *d = NULL;
	int rc;
	assert_int_equal(eg_scheme_named(&so, "jiangmen-2021"), EG_OK);
	assert_int_equal(eg_scheme_named(&sn, "dongguan-2019"), EG_OK);
	rc = INJECT(eg_scheme_compare(&d, so, sn));
	if (rc == EG_OK)
		/* Every ladder, deadline and duty of the one is removed and of the other new. */
		assert_true(eg_scheme_diff_rule_count(d) > 0);
	else
		assert_null(d);
	eg_scheme_diff_free(d);
	eg_scheme_free(so);
	eg_scheme_free(sn);
	return rc;
}

static int sc_scheme_diff(void)
{
	eg_scheme *s = fx_scheme();
	eg_ruleset *ro = NULL, *rn = NULL;
	eg_assess_input *io = NULL, *in = NULL;
	eg_scheme_diff_result *d = NULL;
	eg_scheme_diff_unit u;
	int rc;
	assert_int_equal(eg_scheme_ruleset(&ro, s, "2026-10"), EG_OK);
	assert_int_equal(eg_ruleset_preset(&rn, "jiangmen-2021"), EG_OK);
	assert_int_equal(eg_assess_input_new(&io, ro), EG_OK);
	assert_int_equal(eg_assess_input_new(&in, rn), EG_OK);
	assert_int_equal(eg_assess_input_set_count(io, "4", 3), EG_OK);
	assert_int_equal(eg_assess_input_set_count(in, "4", 3), EG_OK);
	u.unit = "U";
	u.old_input = io;
	u.new_input = in;
	rc = INJECT(eg_scheme_diff(&d, ro, rn, &u, 1));
	if (rc == EG_OK) {
		/* 97 under CJ-A2; JM-2.2 item 4 costs 3 a time: 3 × 3 = 9 deducted, -9. */
		int32_t a, b;
		int ga, gb;
		assert_int_equal(eg_scheme_diff_scores(&a, &b, &ga, &gb, d, 0), EG_OK);
		assert_int_equal(a, 97);
		assert_int_equal(b, -9);
		assert_true(eg_scheme_diff_rule_count(d) > 0);
	} else {
		assert_null(d);
	}
	eg_scheme_diff_free(d);
	eg_assess_input_free(io);
	eg_assess_input_free(in);
	eg_ruleset_free(ro);
	eg_ruleset_free(rn);
	eg_scheme_free(s);
	return rc;
}

/* ------------------------------------------------------------------ */
/* The tables                                                           */
/* ------------------------------------------------------------------ */

typedef struct alloc_case {
	const char *function; /* the public function under test */
	int (*scenario)(void);
	int expected;         /* status of every failing run */
} alloc_case;

/* Every public function that can allocate, with its scenario(s). */
static const alloc_case alloc_cases[] = {
	/* grid.h */
	{ "eg_grid_new", sc_grid_new, EG_ENOMEM },
	{ "eg_grid_add", sc_grid_add, EG_ENOMEM },
	{ "eg_grid_set_heads", sc_grid_set_heads, EG_ENOMEM },
	{ "eg_grid_add_subhead", sc_grid_add_subhead, EG_ENOMEM },
	{ "eg_grid_add_supervisor", sc_grid_add_supervisor, EG_ENOMEM },
	{ "eg_grid_add_key_grid", sc_grid_add_key_grid, EG_ENOMEM },
	{ "eg_grid_walk_new", sc_grid_walk_new, EG_ENOMEM },
	{ "eg_grid_rollup", sc_grid_rollup, EG_ENOMEM },
	{ "eg_grid_check", sc_grid_check, EG_ENOMEM },
	{ "eg_finding_message", sc_finding_message, EG_ENOMEM },
	{ "eg_grid_parse_csv", sc_grid_parse_csv, EG_ENOMEM },
	{ "eg_grid_load_csv", sc_grid_load_csv, EG_ENOMEM },
	/* assess.h */
	{ "eg_ruleset_builder_new", sc_ruleset_builder_new, EG_ENOMEM },
	{ "eg_ruleset_builder_add_section", sc_ruleset_builder_add_section, EG_ENOMEM },
	{ "eg_ruleset_builder_add_item", sc_ruleset_builder_add_item, EG_ENOMEM },
	{ "eg_ruleset_builder_add_penalty_level", sc_ruleset_builder_add_penalty_level, EG_ENOMEM },
	{ "eg_ruleset_builder_add_forced_fail", sc_ruleset_builder_add_forced_fail, EG_ENOMEM },
	{ "eg_ruleset_builder_add_grade", sc_ruleset_builder_add_grade, EG_ENOMEM },
	{ "eg_ruleset_builder_set_bonus", sc_ruleset_builder_set_bonus, EG_ENOMEM },
	{ "eg_ruleset_builder_set_total_rule", sc_ruleset_builder_set_total_rule, EG_ENOMEM },
	{ "eg_ruleset_builder_set_veto_rule", sc_ruleset_builder_set_veto_rule, EG_ENOMEM },
	{ "eg_ruleset_builder_set_source", sc_ruleset_builder_set_source, EG_ENOMEM },
	{ "eg_ruleset_builder_set_level_name", sc_ruleset_builder_set_level_name, EG_ENOMEM },
	{ "eg_ruleset_build", sc_ruleset_build, EG_ENOMEM },
	{ "eg_ruleset_preset", sc_ruleset_preset, EG_ENOMEM },
	{ "eg_ruleset_for_date", sc_ruleset_for_date, EG_ENOMEM },
	{ "eg_assess_input_new", sc_assess_input_new, EG_ENOMEM },
	{ "eg_assess_input_add_problem", sc_assess_input_add_problem, EG_ENOMEM },
	{ "eg_assess_score", sc_assess_score, EG_ENOMEM },
	{ "eg_assess_period_new", sc_assess_period_new, EG_ENOMEM },
	{ "eg_assess_period_score", sc_assess_period_score, EG_ENOMEM },
	{ "eg_assess_score_many", sc_assess_score_many, EG_ENOMEM },
	{ "eg_assess_score_untraced", sc_assess_score_untraced, EG_ENOMEM },
	{ "eg_assess_result_render", sc_assess_result_render, EG_ENOMEM },
	/* ladder.h */
	{ "eg_ladder_builder_new", sc_ladder_builder_new, EG_ENOMEM },
	{ "eg_ladder_builder_add_action", sc_ladder_builder_add_action, EG_ENOMEM },
	{ "eg_ladder_builder_add_clause", sc_ladder_builder_add_clause, EG_ENOMEM },
	{ "eg_ladder_build", sc_ladder_build, EG_ENOMEM },
	{ "eg_ladder_builder_set_clause_source", sc_ladder_builder_set_clause_source, EG_ENOMEM },
	{ "eg_ladder_preset", sc_ladder_preset, EG_ENOMEM },
	{ "eg_ladder_state_new", sc_ladder_state_new, EG_ENOMEM },
	{ "eg_ladder_state_serialize", sc_ladder_state_serialize, EG_ENOMEM },
	{ "eg_ladder_state_parse", sc_ladder_state_parse, EG_ENOMEM },
	{ "eg_ladder_step", sc_ladder_step, EG_ENOMEM },
	{ "eg_ladder_evaluate_table", sc_ladder_evaluate_table, EG_ENOMEM },
	/* airq.h */
	{ "eg_airq_profile_named", sc_airq_profile_named, EG_ENOMEM },
	{ "eg_airq_profile_for_date", sc_airq_profile_for_date, EG_ENOMEM },
	{ "eg_airq_profile_custom", sc_airq_profile_custom, EG_ENOMEM },
	{ "eg_airq_percentile", sc_airq_percentile, EG_ENOMEM },
	{ "eg_airq_rank", sc_airq_rank, EG_ENOMEM },
	/* inspect.h */
	{ "eg_inspect_pool", sc_inspect_pool, EG_ENOMEM },
	{ "eg_inspect_key_coverage", sc_inspect_key_coverage, EG_ENOMEM },
	/* draw.h */
	{ "eg_draw_sample", sc_sample, EG_ENOMEM },
	{ "eg_draw_objects", sc_draw_objects, EG_ENOMEM },
	{ "eg_draw_pair_inspectors", sc_draw_pair_inspectors, EG_ENOMEM },
	{ "eg_draw_verify", sc_draw_verify, EG_ENOMEM },
	{ "eg_draw_inspectors_hash", sc_draw_inspectors_hash, EG_ENOMEM },
	{ "eg_draw_record_check", sc_draw_record_check, EG_ENOMEM },
	/* duty.h */
	{ "eg_duty_workdays_new", sc_duty_workdays_new, EG_ENOMEM },
	{ "eg_duty_workdays_set", sc_duty_workdays_set, EG_ENOMEM },
	{ "eg_duty_set_new", sc_duty_set_new, EG_ENOMEM },
	{ "eg_duty_set_add", sc_duty_set_add, EG_ENOMEM },
	{ "eg_duty_set_set_source", sc_duty_set_set_source, EG_ENOMEM },
	{ "eg_duty_set_preset", sc_duty_set_preset, EG_ENOMEM },
	{ "eg_duty_log_new", sc_duty_log_new, EG_ENOMEM },
	{ "eg_duty_log_add", sc_duty_log_add, EG_ENOMEM },
	{ "eg_duty_log_add_member", sc_duty_log_add_member, EG_ENOMEM },
	{ "eg_duty_status", sc_duty_status, EG_ENOMEM },
	/* records.h */
	{ "eg_records_new", sc_records_new, EG_ENOMEM },
	{ "eg_records_put", sc_records_put_new_id, EG_ENOMEM },
	{ "eg_records_put", sc_records_put_new_version, EG_ENOMEM },
	{ "eg_records_serialize", sc_records_serialize, EG_ENOMEM },
	{ "eg_records_parse", sc_records_parse, EG_ENOMEM },
	/* disclosure.h */
	{ "eg_disclosure_heads_check", sc_heads_disclosure_check, EG_ENOMEM },
	{ "eg_disclosure_top_n", sc_top_n, EG_ENOMEM },
	/* ledger.h */
	{ "eg_ledger_open", sc_ledger_open, EG_ENOMEM },
	{ "eg_ledger_step", sc_ledger_step, EG_ENOMEM },
	{ "eg_ledger_transition", sc_ledger_transition, EG_ENOMEM },
	{ "eg_ledger_extend", sc_ledger_extend, EG_ENOMEM },
	/* cases.h */
	{ "eg_case_anonymise", sc_case_anonymise, EG_ENOMEM },
	/* scheme.h */
	{ "eg_scheme_load_buffer", sc_scheme_load_buffer, EG_ENOMEM },
	{ "eg_scheme_load", sc_scheme_load, EG_ENOMEM },
	{ "eg_scheme_named", sc_scheme_named, EG_ENOMEM },
	{ "eg_scheme_write", sc_scheme_write, EG_ENOMEM },
	{ "eg_scheme_duties", sc_scheme_duties, EG_ENOMEM },
	{ "eg_scheme_ruleset", sc_scheme_ruleset, EG_ENOMEM },
	{ "eg_scheme_ruleset_named", sc_scheme_ruleset_named, EG_ENOMEM },
	{ "eg_scheme_ladder", sc_scheme_ladder, EG_ENOMEM },
	{ "eg_scheme_airq_profile", sc_scheme_airq_profile, EG_ENOMEM },
	{ "eg_scheme_check", sc_scheme_check, EG_ENOMEM },
	{ "eg_scheme_check_buffer", sc_scheme_check_buffer, EG_ENOMEM },
	{ "eg_scheme_family_new", sc_scheme_family_new, EG_ENOMEM },
	{ "eg_scheme_diff", sc_scheme_diff, EG_ENOMEM },
	{ "eg_scheme_compare", sc_scheme_compare, EG_ENOMEM },
	{ "eg_scheme_from_ruleset", sc_scheme_from_ruleset, EG_ENOMEM },
};

/* Every other public function: never allocates (checked against the call graph). */
static const char *const non_allocating[] = {
	/* common.h */
	"eg_version", "eg_strerror", "eg_error_last", "eg_error_clear", "eg_string_free",
	/* grid.h */
	"eg_grid_key_grid_options_init",
	"eg_grid_add_options_init",
	"eg_grid_free", "eg_grid_size", "eg_grid_count", "eg_grid_depth", "eg_grid_lookup", "eg_grid_node_at",
	"eg_node_id", "eg_node_name", "eg_node_level", "eg_node_kind", "eg_node_index", "eg_node_parent",
	"eg_node_depth", "eg_node_child_count", "eg_node_first_child", "eg_node_next_sibling",
	"eg_grid_walk_next", "eg_grid_walk_free", "eg_grid_heads", "eg_grid_supervisors",
	"eg_grid_key_grid_info", "eg_grid_key_grid_township", "eg_findings_free", "eg_findings_count",
	"eg_findings_at", "eg_finding_rule", "eg_finding_node", "eg_finding_unit",
	"eg_findings_cj_a2_5_2", "eg_grid_csv_options_init",
	/* assess.h */
	"eg_ruleset_builder_free", "eg_ruleset_builder_set_validity", "eg_ruleset_builder_set_veto_mode", "eg_ruleset_builder_set_per_situation", "eg_ruleset_free",
	"eg_ruleset_name", "eg_ruleset_document", "eg_ruleset_scale", "eg_ruleset_validity",
	"eg_ruleset_item_count", "eg_ruleset_item_id", "eg_ruleset_item_rule", "eg_ruleset_item_kind",
	"eg_ruleset_level_count", "eg_ruleset_level_id", "eg_ruleset_source", "eg_trace_source",
	"eg_assess_input_free", "eg_assess_input_set_status", "eg_assess_input_status_from_grid",
	"eg_assess_input_set_count", "eg_assess_input_set_items", "eg_assess_input_set_adverse", "eg_assess_input_set_bonus",
	"eg_assess_input_add_forced_fail", "eg_assess_result_free", "eg_assess_result_score",
	"eg_assess_result_grade", "eg_assess_result_veto", "eg_assess_result_fail_count",
	"eg_assess_result_fail_at", "eg_assess_result_trace_count", "eg_assess_result_trace_at",
	"eg_trace_rule", "eg_trace_subject", "eg_trace_count", "eg_trace_before", "eg_trace_after",
	"eg_trace_message", "eg_grade_name", "eg_assess_annual", "eg_item_def_init",
	"eg_assess_period_bounds", "eg_assess_input_add", "eg_assess_period_free", "eg_assess_period_add_month",
	"eg_assess_period_name", "eg_assess_period_month_count", "eg_assess_period_month_at",
	"eg_assess_period_month_counted", "eg_assess_period_missing_count",
	"eg_assess_score_table", /* numbers only: no trace, no allocation */
	/* ladder.h */
	"eg_ladder_step_options_init",
	"eg_ladder_builder_options_init",
	"eg_ladder_builder_free", "eg_ladder_clause_init", "eg_ladder_free", "eg_ladder_name", "eg_ladder_action_count", "eg_ladder_action_id",
	"eg_ladder_action_name", "eg_ladder_state_free", "eg_ladder_state_last_month", "eg_ladder_state_streak",
	"eg_ladder_outcome_free", "eg_ladder_outcome_count", "eg_ladder_outcome_unit",
	"eg_ladder_outcome_severity", "eg_ladder_outcome_action", "eg_ladder_outcome_clause_count",
	"eg_ladder_outcome_clause_rule", "eg_ladder_outcome_clause_action", "eg_ladder_outcome_clause_message",
	"eg_ladder_outcome_clause_source",
	/* airq.h */
	"eg_airq_monthly_options_init",
	"eg_airq_profile_free", "eg_airq_profile_name", "eg_airq_profile_limit", "eg_airq_profile_weight",
	"eg_airq_profile_aqi_table", "eg_pollutant_name", "eg_airq_composite", "eg_airq_round",
	"eg_airq_monthly_stats", "eg_airq_composite_many", "eg_airq_composite_values", "eg_airq_change_rate",
	"eg_airq_improvement_rate",
	"eg_airq_daily_values", "eg_airq_aggregate_hours", "eg_airq_index_init",
	/* aqi.h */
	"eg_aqi_compute", "eg_aqi_level_name", "eg_aqi_result_init",
	/* inspect.h */
	"eg_inspect_quota", "eg_inspect_classify",
	/* draw.h */
	"eg_draw_pair_options_init",
	"eg_draw_frame_options_init",
	"eg_draw_sample_options_init",
	"eg_draw_sha256", "eg_draw_sha256_hex", "eg_draw_free", "eg_draw_frame_hash", "eg_draw_algorithm",
	"eg_draw_selected_count", "eg_draw_selected", "eg_draw_selected_stratum", "eg_draw_inspector",
	"eg_draw_skip_count", "eg_draw_skip", "eg_draw_record_init", "eg_draw_inputs_init",
	/* duty.h */
	"eg_duty_alert_deadlines", "eg_duty_equipment_due", "eg_duty_mee_grade_of", "eg_duty_mee_reduction_required",
	"eg_duty_mee_reduction_measure", "eg_duty_mee_filing_late", "eg_duty_cadence_preset",
	"eg_duty_obligation_due", "eg_duty_obligation_overdue", "eg_duty_workdays_free", "eg_duty_workdays_cover",
	"eg_duty_workdays_is_workday", "eg_duty_due_date", "eg_duty_def_init", "eg_duty_set_free", "eg_duty_set_count",
	"eg_duty_set_at", "eg_duty_record_init", "eg_duty_log_free", "eg_duty_log_count", "eg_duty_state_name",
	"eg_duty_status_options_init", "eg_duty_rows_free", "eg_duty_rows_count", "eg_duty_rows_rule", "eg_duty_rows_duty",
	"eg_duty_rows_actor", "eg_duty_rows_period", "eg_duty_rows_due", "eg_duty_rows_required", "eg_duty_rows_counted",
	"eg_duty_rows_state", "eg_duty_rows_in_principle", "eg_duty_rows_days", "eg_duty_rows_message",
	"eg_duty_set_source", "eg_duty_rows_source",
	/* records.h */
	"eg_records_put_options_init",
	"eg_records_free", "eg_records_count", "eg_records_id_at", "eg_records_get", "eg_records_version_count",
	"eg_records_version",
	/* disclosure.h */
	"eg_disclosure_heads_options_init",
	"eg_disclosure_district_deadline", "eg_disclosure_update_status", "eg_disclosure_options_init", "eg_disclosure_deadline",
	"eg_disclosure_record_check", "eg_disclosure_update_check", "eg_disclosure_change_init", "eg_disclosure_heads_free",
	"eg_disclosure_heads_met", "eg_disclosure_heads_count", "eg_disclosure_heads_kind", "eg_disclosure_heads_node",
	"eg_disclosure_heads_name", "eg_disclosure_heads_effective", "eg_disclosure_heads_due", "eg_disclosure_heads_late_days",
	"eg_disclosure_heads_message",
	/* ledger.h */
	"eg_ledger_open_options_init",
	"eg_ledger_status", "eg_ledger_state_name", "eg_ledger_summary", "eg_ledger_behind", "eg_ledger_step_options_init", "eg_ledger_target_attained",
	/* cases.h */
	"eg_case_eligible", "eg_case_facts_init", "eg_case_text_check", "eg_case_batches",
	/* scheme.h */
	"eg_scheme_error_init", "eg_scheme_info_init", "eg_scheme_named_count", "eg_scheme_named_at", "eg_scheme_free", "eg_scheme_text",
	"eg_scheme_sha256", "eg_scheme_id", "eg_scheme_family_name", "eg_scheme_title", "eg_scheme_document",
	"eg_scheme_issuer", "eg_scheme_validity", "eg_scheme_ruleset_count", "eg_scheme_ruleset_name",
	"eg_scheme_ladder_count", "eg_scheme_ladder_name", "eg_scheme_source_count", "eg_scheme_source_at",
	"eg_scheme_airq_ranking", "eg_scheme_deadline_count", "eg_scheme_deadline_id", "eg_scheme_deadline_rule",
	"eg_scheme_deadline", "eg_scheme_disclosure_status", "eg_scheme_cadence_count", "eg_scheme_cadence_id", "eg_scheme_cadence_init", "eg_scheme_cadence_at",
	"eg_scheme_monthly_count", "eg_scheme_monthly_at", "eg_scheme_findings_free", "eg_scheme_findings_count",
	"eg_scheme_findings_id", "eg_scheme_findings_pointer", "eg_scheme_findings_message", "eg_scheme_family_free",
	"eg_scheme_family_count", "eg_scheme_family_version", "eg_scheme_family_at", "eg_scheme_diff_free",
	"eg_scheme_diff_rule_count", "eg_scheme_diff_rule_message", "eg_scheme_diff_count", "eg_scheme_diff_unit_id",
	"eg_scheme_diff_changed", "eg_scheme_diff_scores", "eg_scheme_diff_reason_count", "eg_scheme_diff_reason_rule",
	"eg_scheme_diff_reason_message",
};

#define N_CASES (sizeof alloc_cases / sizeof alloc_cases[0])

/* ------------------------------------------------------------------ */
/* Driver                                                               */
/* ------------------------------------------------------------------ */

static long total_points;   /* injected failure points exercised */
static size_t cases_run;

static void test_alloc_case(void **state)
{
	const alloc_case *c = *state;
	long n;
	int rc;
	/* 1. Count the allocations of a successful call. */
	fail_at = -1;
	rc = c->scenario();
	if (rc != EG_OK)
		fail_msg("%s: the counting run failed: %d (%s): %s", c->function, rc, eg_strerror(rc), err_msg);
	n = used;
	if (n <= 0)
		fail_msg("%s: the scenario made no allocation inside the call", c->function);
	/* 2. Fail each of them in turn. */
	for (long k = 0; k < n; k++) {
		fail_at = k;
		rc = c->scenario();
		if (rc != c->expected)
			fail_msg("%s: failing allocation %ld of %ld gave %d (%s), expected %d: %s", c->function, k + 1, n,
				 rc, eg_strerror(rc), c->expected, err_msg);
		if (err_code != c->expected || !err_msg[0])
			fail_msg("%s: failing allocation %ld of %ld: detail code %d, message \"%s\"", c->function, k + 1,
				 n, err_code, err_msg);
	}
	/* 3. Allowing exactly n allocations succeeds again (the count is exact). */
	fail_at = n;
	rc = c->scenario();
	fail_at = -1;
	if (rc != EG_OK)
		fail_msg("%s: with %ld allocations allowed: %d (%s)", c->function, n, rc, err_msg);
	total_points += n;
	cases_run++;
}

static int case_name_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The two tables are disjoint and without repeats (the full check against
 * the headers and the call graph is tests/check_alloc_table.py). */
static void test_alloc_tables_are_disjoint(void **state)
{
	(void)state;
	size_t n_non = sizeof non_allocating / sizeof non_allocating[0];
	const char **all = malloc((N_CASES + n_non) * sizeof *all);
	size_t n = 0;
	assert_non_null(all);
	for (size_t i = 0; i < N_CASES; i++)
		if (i == 0 || strcmp(alloc_cases[i].function, alloc_cases[i - 1].function) != 0)
			all[n++] = alloc_cases[i].function;
	for (size_t i = 0; i < n_non; i++)
		all[n++] = non_allocating[i];
	qsort(all, n, sizeof *all, case_name_cmp);
	for (size_t i = 1; i < n; i++)
		if (strcmp(all[i - 1], all[i]) == 0)
			fail_msg("%s is listed twice", all[i]);
	free(all);
}

int main(void)
{
	struct CMUnitTest tests[N_CASES + 1];
	static char names[N_CASES][96];
	size_t functions = 0;
	int failed;
	tests[0] = (struct CMUnitTest)cmocka_unit_test(test_alloc_tables_are_disjoint);
	for (size_t i = 0; i < N_CASES; i++) {
		snprintf(names[i], sizeof names[i], "test_alloc_%s_each_failure_is_clean_%zu",
			 alloc_cases[i].function, i);
		tests[i + 1] = (struct CMUnitTest){ names[i], test_alloc_case, NULL, NULL,
						    (void *)(uintptr_t)&alloc_cases[i] };
		if (i == 0 || strcmp(alloc_cases[i].function, alloc_cases[i - 1].function) != 0)
			functions++;
	}
	failed = _cmocka_run_group_tests("alloc", tests, N_CASES + 1, NULL, NULL);
	if (csv_path[0])
		unlink(csv_path);
	if (scheme_path[0])
		unlink(scheme_path);
	printf("alloc: %zu allocating public functions, %zu scenarios run, %ld injected failure points exercised\n",
	       functions, cases_run, total_points);
	return failed;
}
