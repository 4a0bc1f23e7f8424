/*
 * grid_tree: build the Changji supervision grid from an embedded sample,
 * staff it with one deliberate gap, and print the staffing findings
 * (CJ-G.3 to CJ-G.7) and assessment item 2 (CJ-A2-5.2) per level-2 unit.
 *
 * Usage: grid_tree [--en]      (Chinese output by default)
 */
#include <ecogrid/ecogrid.h>

#include <stdio.h>
#include <string.h>

/* Real NBS 2023 codes and names of 昌吉回族自治州, plus one park and one key grid. */
static const char sample_csv[] =
	"code,parent_code,level,name,kind\n"
	"652300000000,,1,昌吉回族自治州,admin\n"
	"652301000000,652300000000,2,昌吉市,admin\n"
	"652302000000,652300000000,2,阜康市,admin\n"
	"652323000000,652300000000,2,呼图壁县,admin\n"
	"652324000000,652300000000,2,玛纳斯县,admin\n"
	"652325000000,652300000000,2,奇台县,admin\n"
	"652327000000,652300000000,2,吉木萨尔县,admin\n"
	"652328000000,652300000000,2,木垒哈萨克自治县,admin\n"
	"CJ-P-ZD,652300000000,2,准东经济技术开发区,park\n"
	"652301001000,652301000000,3,宁边路街道,admin\n"
	"652301002000,652301000000,3,延安北路街道,admin\n"
	"652302001000,652302000000,3,博峰街道,admin\n"
	"652323100000,652323000000,3,呼图壁镇,admin\n"
	"652324100000,652324000000,3,玛纳斯镇,admin\n"
	"652325100000,652325000000,3,奇台镇,admin\n"
	"652327100000,652327000000,3,吉木萨尔镇,admin\n"
	"652328100000,652328000000,3,木垒镇,admin\n"
	"652301001001,652301001000,4,西街社区居民委员会,admin\n"
	"652301001002,652301001000,4,宁合社区居民委员会,admin\n"
	"652302001001,652302001000,4,博峰社区居民委员会,admin\n";

static int check(int rc, const char *what)
{
	if (rc < 0)
		fprintf(stderr, "%s: %s (%s)\n", what, eg_strerror(rc), eg_error_last()->message);
	return rc;
}

/* Heads for every node at levels 2-4; sub-heads and supervisors as the rules ask. */
static int staff(eg_grid *g)
{
	const eg_node *n;
	eg_grid_walk *w;
	int rc = check(eg_grid_walk_new(&w, g, NULL), "walk");
	while (rc == EG_OK && eg_grid_walk_next(&n, w) == EG_OK) {
		const char *id = eg_node_id(n);
		int level = eg_node_level(n);
		char a[96], b[96];
		if (level < EG_LEVEL_COUNTY || eg_node_kind(n) == EG_KIND_KEY_GRID)
			continue;
		snprintf(a, sizeof a, "%s党组织负责人", eg_node_name(n));
		snprintf(b, sizeof b, "%s行政负责人", eg_node_name(n));
		rc = check(eg_grid_set_heads(g, id, a, b), id); /* CJ-G.3 */
		if (rc == EG_OK && level == EG_LEVEL_COUNTY) {
			/* CJ-G.4: one deputy-division sub-head per 1-2 townships. */
			const char *towns[2];
			size_t k = 0;
			for (const eg_node *c = eg_node_first_child(n); c; c = eg_node_next_sibling(c))
				if (eg_node_level(c) == EG_LEVEL_TOWNSHIP && eg_node_kind(c) != EG_KIND_KEY_GRID)
					towns[k++] = eg_node_id(c);
			snprintf(a, sizeof a, "%s副职领导", eg_node_name(n));
			if (k)
				rc = check(eg_grid_add_subhead(g, id, a, EG_RANK_DEPUTY_DIVISION, towns, k), id);
		} else if (rc == EG_OK) {
			/* CJ-G.6 / CJ-G.7: three full-time supervisors; the deliberate gap:
			 * 延安北路街道 has two full-time and one part-time (CJ-G.6 needs 3 full-time). */
			int gap = strcmp(id, "652301002000") == 0;
			for (int i = 1; rc == EG_OK && i <= 3; i++) {
				snprintf(a, sizeof a, "%s监督员%d", eg_node_name(n), i);
				rc = check(eg_grid_add_supervisor(g, id, a,
					   gap && i == 3 ? EG_STAFF_PART_TIME : EG_STAFF_FULL_TIME), id);
			}
			if (rc == EG_OK && level == EG_LEVEL_TOWNSHIP && eg_node_first_child(n)) {
				/* CJ-G.5: a deputy-section sub-head covers every village. */
				const char *villages[8];
				size_t k = 0;
				for (const eg_node *c = eg_node_first_child(n); c && k < 8; c = eg_node_next_sibling(c))
					villages[k++] = eg_node_id(c);
				snprintf(a, sizeof a, "%s副科级干部", eg_node_name(n));
				rc = check(eg_grid_add_subhead(g, id, a, EG_RANK_DEPUTY_SECTION, villages, k), id);
			}
		}
	}
	eg_grid_walk_free(w);
	return rc;
}

int main(int argc, char **argv)
{
	int lang = argc > 1 && strcmp(argv[1], "--en") == 0 ? EG_LANG_EN : EG_LANG_ZH;
	const char *towns[] = { "652301001000", "652301002000" };
	eg_grid *g = NULL;
	eg_findings *f = NULL;
	int rc;

	if (check(eg_grid_parse_csv(&g, sample_csv, sizeof sample_csv - 1, NULL), "load") < 0)
		return 1;
	/* CJ-G.2: a key grid around the prefecture's national monitoring station. */
	{
		eg_grid_key_grid_options kg = EG_GRID_KEY_GRID_OPTIONS_INIT;
		kg.station_id = "CJ-AQ-01";
		kg.townships = towns;
		kg.n_townships = 2;
		rc = check(eg_grid_add_key_grid(NULL, g, "CJ-KG-01", "652301000000", "昌吉市国控站重点网格", &kg), "key grid");
	}
	if (rc == EG_OK)
		rc = staff(g);
	if (rc == EG_OK)
		rc = check(eg_grid_check(&f, g), "check");
	if (rc == EG_OK) {
		printf(lang == EG_LANG_EN ? "ecogrid %s: %zu nodes (levels 1-4: %zu/%zu/%zu/%zu)\n"
					  : "ecogrid %s：%zu 个网格（一至四级：%zu/%zu/%zu/%zu）\n",
		       eg_version(), eg_grid_size(g), eg_grid_count(g, 1), eg_grid_count(g, 2),
		       eg_grid_count(g, 3), eg_grid_count(g, 4));
		printf(lang == EG_LANG_EN ? "%zu finding(s):\n" : "发现 %zu 项问题：\n", eg_findings_count(f));
		for (size_t i = 0; i < eg_findings_count(f); i++) {
			const eg_finding *x = eg_findings_at(f, i);
			printf("  [%s] %s\n", eg_finding_rule(x), eg_finding_message(x, lang));
		}
		printf(lang == EG_LANG_EN ? "Assessment item 2 (CJ-A2-5.2) per level-2 unit:\n"
					  : "考核第2项（CJ-A2-5.2）各二级网格：\n");
		for (const eg_node *u = eg_node_first_child(eg_grid_node_at(g, 0)); u; u = eg_node_next_sibling(u)) {
			int met = 0;
			if ((rc = check(eg_findings_cj_a2_5_2(&met, f, g, eg_node_id(u)), "item 2")) < 0)
				break;
			printf("  %s\t%s\n", eg_node_name(u),
			       lang == EG_LANG_EN ? (met ? "met" : "not met") : (met ? "达标" : "未达标"));
		}
	}
	eg_findings_free(f);
	eg_grid_free(g);
	return rc == EG_OK ? 0 : 1;
}
