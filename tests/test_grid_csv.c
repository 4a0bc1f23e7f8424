/* grid.h CSV loader: the division format of ../shared/data/divisions (CJ-G.1 levels). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "util/alloc.h"

#define HDR "code,parent_code,level,name\n"

static eg_grid *parse_ok(const char *csv, const eg_grid_csv_options *o)
{
	eg_grid *g = NULL;
	int rc = eg_grid_parse_csv(&g, csv, strlen(csv), o);
	if (rc != EG_OK)
		fail_msg("parse failed: %s", eg_error_last()->message);
	return g;
}

/* Parse expecting an error; checks that *out stays untouched. */
static void parse_err(const char *csv, const eg_grid_csv_options *o, int code, const char *needle)
{
	eg_grid *g = (eg_grid *)(uintptr_t)0x1;
	int rc = eg_grid_parse_csv(&g, csv, strlen(csv), o);
	assert_error(rc, code, needle);
	assert_ptr_equal(g, (eg_grid *)(uintptr_t)0x1);
}

static const eg_node *node(const eg_grid *g, const char *id)
{
	const eg_node *n = NULL;
	assert_int_equal(eg_grid_lookup(&n, g, id), EG_OK);
	return n;
}

static void test_csv_basic_tree(void **state)
{
	(void)state;
	eg_grid *g = parse_ok(HDR
			      "652300000000,,1,昌吉回族自治州\n"
			      "652301000000,652300000000,2,昌吉市\n"
			      "652301001000,652301000000,3,宁边路街道\n"
			      "652301001001,652301001000,4,西街社区居民委员会\n", NULL);
	assert_int_equal(eg_grid_size(g), 4);
	assert_string_equal(eg_node_name(node(g, "652301001000")), "宁边路街道");
	assert_ptr_equal(eg_node_parent(node(g, "652301001001")), node(g, "652301001000"));
	eg_grid_free(g);
}

static void test_csv_bom_crlf_blank_lines_and_quotes(void **state)
{
	(void)state;
	eg_grid *g = parse_ok("\xEF\xBB\xBF" "code,parent_code,level,name\r\n"
			      "A,,1,\"州, 本级\"\r\n"
			      "\r\n"
			      "B,A,2,\"说\"\"明\"\"县\"\r\n", NULL);
	assert_int_equal(eg_grid_size(g), 2);
	assert_string_equal(eg_node_name(node(g, "A")), "州, 本级");
	assert_string_equal(eg_node_name(node(g, "B")), "说\"明\"县");
	eg_grid_free(g);
	/* No trailing newline at the end of the file. */
	g = parse_ok(HDR "A,,1,x", NULL);
	assert_int_equal(eg_grid_size(g), 1);
	eg_grid_free(g);
}

static void test_csv_children_before_parents(void **state)
{
	(void)state;
	eg_grid *g = parse_ok(HDR "V,T,4,村\nT,C,3,镇\nC,,2,县\n", NULL);
	/* Nodes are stored parents first, in pre-order. */
	assert_string_equal(eg_node_id(eg_grid_node_at(g, 0)), "C");
	assert_string_equal(eg_node_id(eg_grid_node_at(g, 2)), "V");
	assert_int_equal(eg_grid_depth(g), 2);
	eg_grid_free(g);
}

static void test_csv_kind_column_and_park_inference(void **state)
{
	(void)state;
	eg_grid *g = parse_ok("code,parent_code,level,name,kind\n"
			      "P,,1,州,admin\nK,P,2,园区,park\nO,P,2,其他,other\nG,P,3,重点网格,key_grid\n"
			      "Q,P,2,空,\n", NULL);
	assert_int_equal(eg_node_kind(node(g, "K")), EG_KIND_PARK);
	assert_int_equal(eg_node_kind(node(g, "O")), EG_KIND_OTHER);
	assert_int_equal(eg_node_kind(node(g, "G")), EG_KIND_KEY_GRID);
	assert_int_equal(eg_node_kind(node(g, "Q")), EG_KIND_ADMIN);
	eg_grid_free(g);
	/* Without a kind column, NBS development zones (county digits 71-80) are parks. */
	g = parse_ok(HDR "130100000000,,1,石家庄市\n130171000000,130100000000,2,石家庄高新技术产业开发区\n"
		     "130181000000,130100000000,2,辛集市\n130170000000,130100000000,2,七十\n", NULL);
	assert_int_equal(eg_node_kind(node(g, "130171000000")), EG_KIND_PARK);
	assert_int_equal(eg_node_kind(node(g, "130181000000")), EG_KIND_ADMIN);
	assert_int_equal(eg_node_kind(node(g, "130170000000")), EG_KIND_ADMIN);
	eg_grid_free(g);
}

static void test_csv_subtree_extract_root(void **state)
{
	(void)state;
	/* Like changji.csv: the top row's parent is outside the file. */
	eg_grid *g = parse_ok(HDR "652300000000,650000000000,1,昌吉回族自治州\n"
			      "652301000000,652300000000,2,昌吉市\n", NULL);
	assert_null(eg_node_parent(node(g, "652300000000")));
	eg_grid_free(g);
	/* Strict mode refuses it. */
	{
		eg_grid_csv_options o = EG_GRID_CSV_OPTIONS_INIT;
		o.flags = EG_GRID_CSV_STRICT_PARENTS;
		parse_err(HDR "652300000000,650000000000,1,昌吉回族自治州\n", &o, EG_ENOTFOUND,
			  "line 2: parent 650000000000 of 652300000000 not found");
	}
	/* Next to a real root, an unknown parent is a typo, not an extract. */
	parse_err(HDR "R,,1,r\nX,NOPE,2,x\n", NULL, EG_ENOTFOUND, "line 3: parent NOPE of X not found");
	/* Two rows naming parents outside the file: the second is an error. */
	parse_err(HDR "A,X,1,a\nB,Y,1,b\n", NULL, EG_ENOTFOUND,
		  "line 3: parent Y of B not found (only one row may name a parent outside the file, and line 2 already does)");
}

static void test_csv_root_option_and_level_mapping(void **state)
{
	(void)state;
	const char *csv = HDR "P,,1,州\nC1,P,2,一县\nT1,C1,3,一镇\nV1,T1,4,一村\nC2,P,2,二县\nT2,C2,3,二镇\n";
	eg_grid_csv_options o;
	eg_grid *g;
	assert_int_equal(eg_grid_csv_options_init(&o, EG_GRID_CSV_OPTIONS_VERSION), EG_OK);
	o.root = "C1";
	g = parse_ok(csv, &o);
	assert_int_equal(eg_grid_size(g), 3); /* C1, T1, V1 */
	assert_null(eg_node_parent(node(g, "C1")));
	assert_int_equal(eg_node_level(node(g, "C1")), 2);
	eg_grid_free(g);
	/* Map the county to level 1: everything shifts by -1. */
	o.root_level = 1;
	g = parse_ok(csv, &o);
	assert_int_equal(eg_node_level(node(g, "C1")), 1);
	assert_int_equal(eg_node_level(node(g, "V1")), 3);
	eg_grid_free(g);
	/* Shifting down past level 4 is refused. */
	o.root_level = 3;
	parse_err(csv, &o, EG_ERANGE, "line 5: level 4 of V1 becomes 5");
	o.root = "NOPE";
	o.root_level = -1;
	parse_err(csv, &o, EG_ENOTFOUND, "root NOPE is not in the file");
	o.root = NULL;
	o.root_level = 2;
	parse_err(csv, &o, EG_EINVAL, "root_level is set but root is not");
	o.root_level = 9;
	parse_err(csv, &o, EG_ERANGE, "root_level 9");
	o.root_level = -1;
	o.version = 99;
	parse_err(csv, &o, EG_EINVAL, "version 99");
	assert_error(eg_grid_csv_options_init(&o, 2), EG_EINVAL, "unknown version 2");
	assert_error(eg_grid_csv_options_init(NULL, 1), EG_EINVAL, NULL);
}

static void test_csv_root_option_ignores_problems_outside_the_subtree(void **state)
{
	(void)state;
	eg_grid_csv_options o = EG_GRID_CSV_OPTIONS_INIT;
	eg_grid *g;
	o.root = "C1";
	/* Z's parent is unknown and Y<->W loop, but both lie outside C1's subtree. */
	g = parse_ok(HDR "C1,P,2,县\nT1,C1,3,镇\nZ,NOPE,3,z\nY,W,3,y\nW,Y,4,w\n", &o);
	assert_int_equal(eg_grid_size(g), 2);
	eg_grid_free(g);
}

static void test_csv_header_and_field_errors(void **state)
{
	(void)state;
	parse_err("", NULL, EG_EPARSE, "line 1: header must be code,parent_code,level,name");
	parse_err("id,parent,level,name\n", NULL, EG_EPARSE, "line 1: header");
	parse_err("code,parent_code,level,name,kind,extra\n", NULL, EG_EPARSE, "line 1");
	parse_err(HDR "A,,1\n", NULL, EG_EPARSE, "line 2: 3 fields, expected 4");
	parse_err(HDR "A,,1,a\nB,A,2,b,c\n", NULL, EG_EPARSE, "line 3: 5 fields, expected 4");
	parse_err(HDR "A,,x,a\n", NULL, EG_EPARSE, "line 2: level \"x\" is not a number");
	parse_err(HDR "A,,,a\n", NULL, EG_EPARSE, "line 2: level");
	parse_err(HDR "A,,7,a\n", NULL, EG_ERANGE, "line 2: level 7 is not 0-4");
	parse_err(HDR "A,,123,a\n", NULL, EG_EPARSE, "line 2: level");
	parse_err(HDR ",,1,a\n", NULL, EG_EPARSE, "line 2: empty code");
	parse_err(HDR "A,,1,\n", NULL, EG_EINVAL, "line 2: name is empty");
	parse_err(HDR "A,,1,\"open\n", NULL, EG_EPARSE, "line 2: unterminated quoted field");
	parse_err(HDR "A,,1,\"x\"y\n", NULL, EG_EPARSE, "line 2: text after a closing quote");
	parse_err(HDR "A,,1,x\"y\n", NULL, EG_EPARSE, "line 2: quote inside an unquoted field");
	parse_err("code,parent_code,level,name,kind\nA,,1,a,castle\n", NULL, EG_EPARSE,
		  "line 2: kind \"castle\"");
}

static void test_csv_text_errors(void **state)
{
	(void)state;
	char csv[512];
	parse_err(HDR "A,,1,ok\nB,A,2,bad\xFF\n", NULL, EG_EUTF8, "line 3: name \"bad?\" is not valid UTF-8 (byte 3)");
	parse_err(HDR "A\xC0\xAF,,1,x\n", NULL, EG_EUTF8, "line 2");
	snprintf(csv, sizeof csv, HDR "%s,,1,x\n",
		 "12345678901234567890123456789012345678901234567890123456789012345");
	parse_err(csv, NULL, EG_ERANGE, "line 2: code");
	parse_err(HDR "A,,1,tab\there\n", NULL, EG_EINVAL, "line 2: name");
}

static void test_csv_structure_errors(void **state)
{
	(void)state;
	parse_err(HDR "A,,1,a\nB,A,2,b\nA,,1,again\n", NULL, EG_EEXISTS, "line 4: code A duplicates line 2");
	parse_err(HDR "R,,1,r\nA,B,2,a\nB,C,3,b\nC,A,4,c\n", NULL, EG_ECYCLE, "parent chain loops");
	parse_err(HDR "R,,1,r\nA,A,2,self\n", NULL, EG_ECYCLE, "A (line 3)");
	parse_err(HDR "A,,2,a\nB,A,2,b\n", NULL, EG_ELEVEL, "line 3: level 2 of B is not deeper than its parent A's level 2");
	parse_err(HDR "A,,3,a\nB,A,1,b\n", NULL, EG_ELEVEL, "line 3");
}

static void test_csv_load_file_errors(void **state)
{
	(void)state;
	eg_grid *g = NULL;
	assert_error(eg_grid_load_csv(&g, "/nonexistent/ecogrid.csv", NULL), EG_EIO, "/nonexistent/ecogrid.csv");
	assert_null(g);
	assert_error(eg_grid_load_csv(NULL, "x", NULL), EG_EINVAL, NULL);
	assert_error(eg_grid_parse_csv(&g, NULL, 5, NULL), EG_EINVAL, NULL);
}

/* Real data: ../shared/data/divisions/changji.csv (skipped when absent). */
static void test_csv_changji_levels_1_7_106_926(void **state)
{
	(void)state;
	char buf[4096];
	const char *path = tu_shared_file("divisions/changji.csv", buf, sizeof buf);
	eg_grid *g = NULL;
	eg_findings *f = NULL;
	const eg_node *n;
	if (!path) {
		print_message("skipping: ../shared/data/divisions/changji.csv is absent\n");
		skip();
	}
	assert_int_equal(eg_grid_load_csv(&g, path, NULL), EG_OK);
	/* divisions/README.md: L1 1, L2 7, L3 106, L4 926 = 1,040 rows. */
	assert_int_equal(eg_grid_count(g, 1), 1);
	assert_int_equal(eg_grid_count(g, 2), 7);
	assert_int_equal(eg_grid_count(g, 3), 106);
	assert_int_equal(eg_grid_count(g, 4), 926);
	assert_int_equal(eg_grid_size(g), 1040);
	assert_int_equal(eg_grid_lookup(&n, g, "652301402000"), EG_OK);
	assert_string_equal(eg_node_name(n), "昌吉国家高新技术产业开发区");
	/* Nobody is staffed: every level-2..4 node lacks dual heads (CJ-G.3). */
	assert_int_equal(eg_grid_check(&f, g), EG_OK);
	{
		size_t g3 = 0;
		for (size_t i = 0; i < eg_findings_count(f); i++)
			g3 += strcmp(eg_finding_rule(eg_findings_at(f, i)), "CJ-G.3") == 0;
		assert_int_equal(g3, 7 + 106 + 926);
	}
	eg_findings_free(f);
	eg_grid_free(g);
	/* The same file under a county root. */
	{
		eg_grid_csv_options o = EG_GRID_CSV_OPTIONS_INIT;
		o.root = "652301000000";
		assert_int_equal(eg_grid_load_csv(&g, path, &o), EG_OK);
		assert_int_equal(eg_grid_count(g, 1), 0);
		assert_int_equal(eg_grid_count(g, 2), 1);
		eg_grid_free(g);
	}
}

/* Real data: the national file, 665,271 units (skipped when absent). */
static void test_csv_national_665271_nodes(void **state)
{
	(void)state;
	char buf[4096], cmd[4200];
	const char *path = tu_shared_file("divisions/china.csv.gz", buf, sizeof buf);
	FILE *p;
	char *data = NULL;
	size_t len = 0, cap = 0, got;
	eg_grid *g = NULL;
	if (!path) {
		print_message("skipping: ../shared/data/divisions/china.csv.gz is absent\n");
		skip();
	}
	snprintf(cmd, sizeof cmd, "gzip -dc '%s'", path);
	p = popen(cmd, "r");
	assert_non_null(p);
	do {
		if (cap - len < 1 << 20) {
			cap = cap ? cap * 2 : 1 << 24;
			data = realloc(data, cap);
			assert_non_null(data);
		}
		got = fread(data + len, 1, cap - len, p);
		len += got;
	} while (got);
	assert_int_equal(pclose(p), 0);
	assert_int_equal(eg_grid_parse_csv(&g, data, len, NULL), EG_OK);
	/* divisions/README.md: L0 31, L1 342, L2 2,975, L3 41,351, L4 620,572. */
	assert_int_equal(eg_grid_size(g), 665271);
	assert_int_equal(eg_grid_count(g, 0), 31);
	assert_int_equal(eg_grid_count(g, 1), 342);
	assert_int_equal(eg_grid_count(g, 2), 2975);
	assert_int_equal(eg_grid_count(g, 3), 41351);
	assert_int_equal(eg_grid_count(g, 4), 620572);
	/* Level gap: 东莞's townships hang directly under the prefecture. */
	{
		const eg_node *n;
		assert_int_equal(eg_grid_lookup(&n, g, "441900003000"), EG_OK);
		assert_int_equal(eg_node_level(eg_node_parent(n)), 1);
	}
	eg_grid_free(g);
	free(data);
}

static void test_csv_options_abi_is_pinned(void **state)
{
	(void)state;
	eg_grid_csv_options o;
	/* { unsigned version; const char *root; int root_level; unsigned flags; }:
	 * a change here is an ABI break and needs a new options version. */
	assert_int_equal(offsetof(eg_grid_csv_options, version), 0);
	assert_int_equal(offsetof(eg_grid_csv_options, root), sizeof(void *));
	assert_int_equal(offsetof(eg_grid_csv_options, root_level), 2 * sizeof(void *));
	assert_int_equal(sizeof(eg_grid_csv_options), 2 * sizeof(void *) + 2 * sizeof(int));
	memset(&o, 0x7f, sizeof o);
	assert_int_equal(eg_grid_csv_options_init(&o, EG_GRID_CSV_OPTIONS_VERSION), EG_OK);
	assert_int_equal(o.version, 1);
	assert_null(o.root);
	assert_int_equal(o.root_level, -1);
	assert_int_equal(o.flags, 0);
}

static int scenario_parse(void *p)
{
	eg_grid *g = NULL;
	int rc = eg_grid_parse_csv(&g, (const char *)p, strlen(p), NULL);
	if (rc == EG_OK) {
		assert_int_equal(eg_grid_size(g), 4);
		eg_grid_free(g);
	} else {
		assert_null(g);
	}
	return rc;
}

static void test_csv_every_allocation_failure_is_clean(void **state)
{
	(void)state;
	/* Rows out of order so that the loader's general path is taken. */
	long n = tu_alloc_fail_loop(scenario_parse, (void *)(HDR "T,C,3,镇\nC,P,2,县\nV,T,4,村\nP,,1,州\n"));
	assert_true(n >= 8);
}

/* ------------------------------------------------------------------ */
/* The one-pass loader: plain rows, the exact reader, the general path  */
/* ------------------------------------------------------------------ */

/* Pre-order, siblings in file order, every node found again by its ID. */
static void assert_preorder(const eg_grid *g)
{
	size_t k = 0;
	const eg_node *n;
	eg_grid_walk *w = NULL;
	assert_int_equal(eg_grid_walk_new(&w, g, NULL), EG_OK);
	while (eg_grid_walk_next(&n, w) == EG_OK) {
		assert_int_equal(eg_node_index(n), k);
		assert_ptr_equal(node(g, eg_node_id(n)), n);
		if (eg_node_parent(n))
			assert_true(eg_node_index(eg_node_parent(n)) < k);
		k++;
	}
	eg_grid_walk_free(w);
	assert_int_equal(k, eg_grid_size(g));
}

static void test_csv_quoted_field_spanning_lines_names_its_first_line(void **state)
{
	(void)state;
	/* A quoted line break is a control character in a name (line 3, where
	 * the field starts); the record ends on line 4. */
	parse_err(HDR "A,,1,a\nB,A,2,\"two\nlines\"\n", NULL, EG_EINVAL,
		  "line 3: name \"two?lines\" contains a control character at byte 3");
	/* Quoted fields in the middle of plain rows keep the line count. */
	parse_err(HDR "A,,1,a\n\"B\",\"A\",\"2\",\"b\"\nC,A,2,c\nD,X,3,d\n", NULL, EG_ENOTFOUND,
		  "line 5: parent X of D not found");
}

static void test_csv_fields_at_buffer_end_without_newline(void **state)
{
	(void)state;
	eg_grid *g;
	const char *csv = HDR "A,,1,abcdef";
	/* Only the bytes given count: the name ends at len, not at the NUL. */
	assert_int_equal(eg_grid_parse_csv(&g, csv, strlen(HDR) + 8, NULL), EG_OK);
	assert_string_equal(eg_node_name(node(g, "A")), "abc"); /* "A,,1,abc" is 8 bytes */
	eg_grid_free(g);
	/* A CJK name and a kind column at the very end. */
	g = parse_ok(HDR "A,,1,昌吉", NULL);
	assert_string_equal(eg_node_name(node(g, "A")), "昌吉");
	eg_grid_free(g);
	g = parse_ok("code,parent_code,level,name,kind\nA,,1,a,\n652371000000,A,2,园区,", NULL);
	assert_int_equal(eg_node_kind(node(g, "652371000000")), EG_KIND_PARK); /* inferred: digits 71 */
	eg_grid_free(g);
	g = parse_ok("code,parent_code,level,name,kind\nA,,1,a,other", NULL);
	assert_int_equal(eg_node_kind(node(g, "A")), EG_KIND_OTHER);
	eg_grid_free(g);
	/* A three-byte character cut by the end of the input. */
	parse_err(HDR "A,,1,昌\xE5\x90", NULL, EG_EUTF8, "line 2: name");
	/* A code and nothing else. */
	parse_err(HDR "A", NULL, EG_EPARSE, "line 2: 1 fields, expected 4");
}

static void test_csv_bom_crlf_and_lone_cr_on_plain_rows(void **state)
{
	(void)state;
	eg_grid *g = parse_ok("\xEF\xBB\xBF" "code,parent_code,level,name\r\n"
			      "110000000000,,0,北京市\r\n"
			      "110100000000,110000000000,1,市辖区\r\n"
			      "\r\n"
			      "110101000000,110100000000,2,东城区\r\n", NULL);
	assert_int_equal(eg_grid_size(g), 3);
	assert_string_equal(eg_node_name(node(g, "110101000000")), "东城区");
	assert_preorder(g);
	eg_grid_free(g);
	g = parse_ok("code,parent_code,level,name\rA,,1,a\rB,A,2,b\r", NULL);
	assert_int_equal(eg_node_child_count(node(g, "A")), 1);
	eg_grid_free(g);
	/* A BOM and CRLF do not shift line numbers. */
	parse_err("\xEF\xBB\xBF" "code,parent_code,level,name\r\nA,,1,a\r\nA,,1,b\r\n", NULL, EG_EEXISTS,
		  "line 3: code A duplicates line 2");
}

static void test_csv_name_of_256_bytes_loads_and_257_is_refused(void **state)
{
	(void)state;
	char csv[1024], name[300];
	eg_grid *g;
	/* 85 three-byte characters (255 bytes) and one ASCII letter: 256. */
	name[0] = '\0';
	for (int k = 0; k < 85; k++)
		strcat(name, "镇");
	strcat(name, "a");
	assert_int_equal(strlen(name), 256);
	snprintf(csv, sizeof csv, HDR "A,,1,%s\n", name);
	g = parse_ok(csv, NULL);
	assert_string_equal(eg_node_name(node(g, "A")), name);
	eg_grid_free(g);
	strcat(name, "b"); /* 257 */
	snprintf(csv, sizeof csv, HDR "A,,1,%s\n", name);
	parse_err(csv, NULL, EG_ERANGE, "line 2: name \"镇镇");
	parse_err(csv, NULL, EG_ERANGE, "is 257 bytes long; at most 256 allowed");
	/* Codes: 64 bytes load, 65 do not (see test_csv_text_errors). */
	snprintf(csv, sizeof csv, HDR "%s,,1,x\n",
		 "1234567890123456789012345678901234567890123456789012345678901234");
	g = parse_ok(csv, NULL);
	assert_int_equal(eg_grid_size(g), 1);
	eg_grid_free(g);
}

static void test_csv_utf8_edge_forms_in_cjk_runs(void **state)
{
	(void)state;
	eg_grid *g;
	/* U+D7FF (ED 9F BF) and U+0800 (E0 A0 80) after four CJK characters:
	 * valid; a surrogate (ED A0 80) and an overlong form (E0 80 80): not. */
	g = parse_ok(HDR "A,,1,中文名字\xED\x9F\xBF\nB,A,2,中文名字\xE0\xA0\x80\n", NULL);
	assert_string_equal(eg_node_name(node(g, "B")), "中文名字\xE0\xA0\x80");
	eg_grid_free(g);
	parse_err(HDR "A,,1,中文名字\xED\xA0\x80\n", NULL, EG_EUTF8, "not valid UTF-8 (byte 12)");
	parse_err(HDR "A,,1,中文名字\xE0\x80\x80\n", NULL, EG_EUTF8, "not valid UTF-8 (byte 12)");
	/* Four-byte and two-byte characters take the general UTF-8 check. */
	g = parse_ok(HDR "A,,1,\xF0\x9D\x84\x9E é\n", NULL);
	assert_string_equal(eg_node_name(node(g, "A")), "\xF0\x9D\x84\x9E é");
	eg_grid_free(g);
	/* DEL is a control character too. */
	parse_err(HDR "A,,1,a\x7F\n", NULL, EG_EINVAL, "line 2: name \"a?\" contains a control character at byte 1");
	parse_err(HDR "A\x01,,1,a\n", NULL, EG_EINVAL, "line 2: code");
}

static void test_csv_children_before_parents_and_interleaved_siblings(void **state)
{
	(void)state;
	/* E's parent C is not on the ancestor chain of D: the general path
	 * orders the rows; pre-order is A, B, C, E, D and A's children are B, D. */
	eg_grid *g = parse_ok(HDR "A,,0,a\nB,A,1,b\nC,B,2,c\nD,A,1,d\nE,C,3,e\n", NULL);
	const char *order[] = { "A", "B", "C", "E", "D" };
	for (size_t k = 0; k < 5; k++)
		assert_string_equal(eg_node_id(eg_grid_node_at(g, k)), order[k]);
	assert_ptr_equal(eg_node_first_child(node(g, "A")), node(g, "B"));
	assert_ptr_equal(eg_node_next_sibling(node(g, "B")), node(g, "D"));
	assert_null(eg_node_next_sibling(node(g, "D")));
	assert_preorder(g);
	eg_grid_free(g);
	/* A child first, then its parent, then more children. */
	g = parse_ok(HDR "V1,T,4,v\nT,C,3,t\nC,,2,c\nV2,T,4,v\n", NULL);
	assert_int_equal(eg_node_child_count(node(g, "T")), 2);
	assert_ptr_equal(eg_node_first_child(node(g, "T")), node(g, "V1"));
	assert_ptr_equal(eg_node_next_sibling(node(g, "V1")), node(g, "V2"));
	assert_preorder(g);
	eg_grid_free(g);
	/* Two roots in file order; the second root's subtree after the first's. */
	g = parse_ok(HDR "P,,0,p\nQ,,0,q\nP1,P,1,p1\nQ1,Q,1,q1\n", NULL);
	assert_string_equal(eg_node_id(eg_grid_node_at(g, 1)), "P1");
	assert_ptr_equal(eg_node_next_sibling(node(g, "P")), node(g, "Q"));
	assert_preorder(g);
	eg_grid_free(g);
}

static void test_csv_loaded_grid_grows_with_eg_grid_add(void **state)
{
	(void)state;
	eg_grid *g = parse_ok(HDR "C,,2,县\nT,C,3,镇\nV1,T,4,村一\n", NULL);
	const eg_node *v2, *t2;
	/* The loader's string pool is full; adds go to a new chunk, the index grows. */
	assert_int_equal(eg_grid_add(&v2, g, "V2", "T", "村二", &(eg_grid_add_options){ EG_GRID_ADD_OPTIONS_VERSION, 4, EG_KIND_ADMIN }), EG_OK);
	assert_int_equal(eg_grid_add(&t2, g, "T2", "C", "镇二", &(eg_grid_add_options){ EG_GRID_ADD_OPTIONS_VERSION, 3, EG_KIND_ADMIN }), EG_OK);
	for (int k = 0; k < 40; k++) {
		char id[16];
		snprintf(id, sizeof id, "X%d", k);
		assert_int_equal(eg_grid_add(NULL, g, id, "T2", "村", &(eg_grid_add_options){ EG_GRID_ADD_OPTIONS_VERSION, 4, EG_KIND_ADMIN }), EG_OK);
	}
	assert_int_equal(eg_grid_size(g), 45);
	assert_ptr_equal(eg_node_next_sibling(node(g, "V1")), v2);
	assert_null(eg_node_next_sibling(v2));
	assert_int_equal(eg_node_child_count(t2), 40);
	assert_string_equal(eg_node_id(eg_node_first_child(t2)), "X0");
	assert_string_equal(eg_node_name(node(g, "V1")), "村一");
	assert_error(eg_grid_add(NULL, g, "V1", "T", "dup", &(eg_grid_add_options){ EG_GRID_ADD_OPTIONS_VERSION, 4, EG_KIND_ADMIN }), EG_EEXISTS, "V1");
	eg_grid_free(g);
}

static void test_csv_extract_in_preorder_and_its_general_cases(void **state)
{
	(void)state;
	/* An extract in pre-order: its top row is the root, children follow. */
	eg_grid *g = parse_ok(HDR "T,C,3,镇\nV1,T,4,村\nV2,T,4,村\n", NULL);
	assert_null(eg_node_parent(node(g, "T")));
	assert_int_equal(eg_node_child_count(node(g, "T")), 2);
	assert_preorder(g);
	eg_grid_free(g);
	/* The top row's parent turns up later in the file: not an extract, the
	 * rows are just out of order. */
	g = parse_ok(HDR "T,C,3,镇\nV1,T,4,村\nC,,2,县\n", NULL);
	assert_ptr_equal(eg_node_parent(node(g, "T")), node(g, "C"));
	assert_string_equal(eg_node_id(eg_grid_node_at(g, 0)), "C");
	assert_preorder(g);
	eg_grid_free(g);
	/* A real root after the extract's top row makes the unknown parent a typo. */
	parse_err(HDR "T,C,3,镇\nV1,T,4,村\nR,,1,r\n", NULL, EG_ENOTFOUND, "line 2: parent C of T not found");
	/* Duplicates come before the parent check, level order after it. */
	parse_err(HDR "T,C,3,镇\nT,T,4,村\n", NULL, EG_EEXISTS, "line 3: code T duplicates line 2");
	parse_err(HDR "T,C,3,镇\nV,T,3,村\n", NULL, EG_ELEVEL, "line 3: level 3 of V is not deeper than its parent T's level 3");
}

static int scenario_parse_plain(void *p)
{
	eg_grid *g = NULL;
	int rc = eg_grid_parse_csv(&g, (const char *)p, strlen(p), NULL);
	if (rc == EG_OK) {
		assert_int_equal(eg_grid_size(g), 5);
		assert_string_equal(eg_node_name(node(g, "V2")), "村, 二");
		eg_grid_free(g);
	} else {
		assert_null(g);
	}
	return rc;
}

static void test_csv_plain_rows_every_allocation_failure_is_clean(void **state)
{
	(void)state;
	/* Rows in pre-order (the one-pass path), one of them quoted. */
	long n = tu_alloc_fail_loop(scenario_parse_plain,
				    (void *)(HDR "P,,1,州\nC,P,2,县\nT,C,3,镇\nV1,T,4,村\nV2,T,4,\"村, 二\"\n"));
	assert_true(n >= 5);
}

static int scenario_load_file(void *p)
{
	eg_grid *g = NULL;
	int rc = eg_grid_load_csv(&g, (const char *)p, NULL);
	if (rc == EG_OK) {
		assert_int_equal(eg_grid_size(g), 3);
		eg_grid_free(g);
	} else {
		assert_null(g);
	}
	return rc;
}

static void test_csv_load_file_plain_rows_and_allocation_failures(void **state)
{
	(void)state;
	char path[] = "/tmp/ecogrid_test_grid_csv_XXXXXX";
	int fd = mkstemp(path);
	FILE *f;
	eg_grid *g = NULL;
	assert_true(fd >= 0);
	f = fdopen(fd, "wb");
	assert_non_null(f);
	fputs(HDR "C,,2,县\nT,C,3,镇\nV,T,4,村\n", f);
	assert_int_equal(fclose(f), 0);
	assert_int_equal(eg_grid_load_csv(&g, path, NULL), EG_OK);
	assert_string_equal(eg_node_name(node(g, "V")), "村");
	assert_preorder(g);
	eg_grid_free(g);
	assert_true(tu_alloc_fail_loop(scenario_load_file, path) >= 3);
	remove(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csv_basic_tree),
		cmocka_unit_test(test_csv_bom_crlf_blank_lines_and_quotes),
		cmocka_unit_test(test_csv_children_before_parents),
		cmocka_unit_test(test_csv_kind_column_and_park_inference),
		cmocka_unit_test(test_csv_subtree_extract_root),
		cmocka_unit_test(test_csv_root_option_and_level_mapping),
		cmocka_unit_test(test_csv_root_option_ignores_problems_outside_the_subtree),
		cmocka_unit_test(test_csv_header_and_field_errors),
		cmocka_unit_test(test_csv_text_errors),
		cmocka_unit_test(test_csv_structure_errors),
		cmocka_unit_test(test_csv_load_file_errors),
		cmocka_unit_test(test_csv_changji_levels_1_7_106_926),
		cmocka_unit_test(test_csv_national_665271_nodes),
		cmocka_unit_test(test_csv_options_abi_is_pinned),
		cmocka_unit_test(test_csv_every_allocation_failure_is_clean),
		cmocka_unit_test(test_csv_quoted_field_spanning_lines_names_its_first_line),
		cmocka_unit_test(test_csv_fields_at_buffer_end_without_newline),
		cmocka_unit_test(test_csv_bom_crlf_and_lone_cr_on_plain_rows),
		cmocka_unit_test(test_csv_name_of_256_bytes_loads_and_257_is_refused),
		cmocka_unit_test(test_csv_utf8_edge_forms_in_cjk_runs),
		cmocka_unit_test(test_csv_children_before_parents_and_interleaved_siblings),
		cmocka_unit_test(test_csv_loaded_grid_grows_with_eg_grid_add),
		cmocka_unit_test(test_csv_extract_in_preorder_and_its_general_cases),
		cmocka_unit_test(test_csv_plain_rows_every_allocation_failure_is_clean),
		cmocka_unit_test(test_csv_load_file_plain_rows_and_allocation_failures),
	};
	return cmocka_run_group_tests_name("grid_csv", tests, NULL, NULL);
}
