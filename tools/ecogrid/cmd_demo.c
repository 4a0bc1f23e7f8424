/*
 * demo: six months of the Changji monthly cycle on an embedded sample, in a
 * temporary workspace: grid import, month import and run (CJ-A2, CJ-A2-7.3,
 * CJ-A2-7.1, CJ-A3-3/5, CJ-A3-4), then the last month's bulletin on the
 * terminal and as an HTML page whose path is printed; the temporary
 * directory is then emptied but for that page.
 *
 * The data are synthetic but plausible: 奇台县 keeps over half of the
 * problems found by higher-level checks (accountability, CJ-A2-7.3), 昌吉市
 * rises to about 14 % two months running (an interview), 木垒哈萨克自治县 is
 * last in the air-quality improvement ranking two months running (a public
 * interview by the deputy head, CJ-A3-4), 玛纳斯县 has one problem exposed
 * by regional and prefecture media (CJ-A2-5.9) and 吉木萨尔县 lets its
 * disclosure lapse in August (a veto, CJ-A2-6.1).
 */
#include "tool.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char grid_csv[] =
	"code,parent_code,level,name,kind\n"
	"652300000000,,1,昌吉回族自治州,admin\n"
	"652301000000,652300000000,2,昌吉市,admin\n"
	"652302000000,652300000000,2,阜康市,admin\n"
	"652323000000,652300000000,2,呼图壁县,admin\n"
	"652324000000,652300000000,2,玛纳斯县,admin\n"
	"652325000000,652300000000,2,奇台县,admin\n"
	"652327000000,652300000000,2,吉木萨尔县,admin\n"
	"652328000000,652300000000,2,木垒哈萨克自治县,admin\n"
	"CJ-P-ZD,652300000000,2,准东经济技术开发区,park\n";

#define UNITS 8
#define MONTHS 6
static const char *const unit_ids[UNITS] = { "652301000000", "652302000000", "652323000000", "652324000000",
					     "652325000000", "652327000000", "652328000000", "CJ-P-ZD" };
static const char *const months[MONTHS] = { "2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10" };
/* CJ-A2-5.4 problems per unit and month. */
static const int problems[UNITS][MONTHS] = {
	{ 2, 3, 2, 2, 5, 5 }, { 2, 2, 3, 2, 2, 2 }, { 2, 2, 2, 3, 2, 2 }, { 2, 2, 2, 2, 2, 2 },
	{ 20, 19, 21, 20, 18, 20 }, { 2, 2, 2, 2, 2, 2 }, { 2, 2, 2, 2, 2, 1 }, { 2, 3, 2, 2, 2, 2 },
};
/* Index this month relative to a year before (1.00 = flat; > 1 worse); the park has no station. */
static const double factor[UNITS - 1][MONTHS] = {
	{ 0.93, 0.95, 0.96, 0.94, 0.97, 0.95 }, { 0.96, 0.94, 0.97, 0.99, 0.95, 0.96 },
	{ 0.98, 0.97, 0.95, 0.96, 0.96, 0.94 }, { 0.95, 0.99, 0.96, 0.95, 0.98, 0.97 },
	{ 1.01, 0.96, 0.98, 0.97, 0.96, 0.98 }, { 0.97, 0.98, 1.02, 0.96, 0.99, 0.97 },
	{ 0.99, 0.97, 0.97, 0.97, 1.05, 1.04 },
};
static const double base[UNITS - 1][EG_POLLUTANT_COUNT] = {
	{ 9, 38, 82, 41, 1.1, 96 }, { 12, 30, 75, 36, 1.0, 102 }, { 8, 26, 70, 33, 0.9, 105 },
	{ 10, 28, 74, 35, 0.9, 101 }, { 7, 22, 66, 30, 0.8, 108 }, { 7, 21, 64, 29, 0.7, 110 },
	{ 6, 18, 58, 26, 0.6, 112 },
};

static int write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");
	if (!f || fputs(text, f) < 0 || fclose(f) != 0)
		return tool_fail("cannot write %s", path);
	return TOOL_OK;
}

static int month_file(const char *path, int m)
{
	eg_airq_profile *p = NULL;
	json_t *doc = json_object(), *units = json_object();
	int rc = eg_airq_profile_named(&p, "CN2026") < 0 ? TOOL_FAIL : TOOL_OK;
	for (int u = 0; !rc && u < UNITS; u++) {
		json_t *a = json_pack("{s:{s:i}}", "items", "4", problems[u][m]), *unit = json_object();
		if (u == 0 && m == MONTHS - 1)
			json_object_set_new(a, "bonus", json_integer(1));              /* CJ-A2-5.8 */
		if (u == 5 && m == 3)
			json_object_set_new(a, "construction", json_pack("[b,b,b]", 1, 1, 0)); /* item 3 lapsed: veto */
		if (u == 3 && m == 4)
			json_object_set_new(a, "media", json_pack("[[s,s]]", "regional", "prefecture")); /* CJ-A2-5.9 */
		json_object_set_new(unit, "assessment", a);
		if (u < UNITS - 1) {
			eg_airq_index ref = EG_AIRQ_INDEX_INIT;
			json_t *air = json_object();
			if (eg_airq_composite(&ref, p, base[u], 0) < 0) {
				rc = TOOL_FAIL;
				json_decref(unit);
				json_decref(air);
				break;
			}
			json_object_set_new(air, "so2", json_real(base[u][0] * factor[u][m]));
			json_object_set_new(air, "no2", json_real(base[u][1] * factor[u][m]));
			json_object_set_new(air, "pm10", json_real(base[u][2] * factor[u][m]));
			json_object_set_new(air, "pm25", json_real(base[u][3] * factor[u][m]));
			json_object_set_new(air, "co", json_real(base[u][4] * factor[u][m]));
			json_object_set_new(air, "o3", json_real(base[u][5] * factor[u][m]));
			json_object_set_new(unit, "air", air);
			json_object_set_new(unit, "air_ref", json_real(ref.composite));
		} else {
			json_object_set_new(unit, "air_station", json_false()); /* the park has no monitoring station */
		}
		json_object_set_new(units, unit_ids[u], unit);
	}
	json_object_set_new(doc, "units", units);
	if (!rc && json_dump_file(doc, path, JSON_INDENT(2)) != 0)
		rc = tool_fail("cannot write %s", path);
	json_decref(doc);
	eg_airq_profile_free(p);
	return rc;
}

/* Remove the demo's files: everything but the bulletin (keep_html), or everything and the directory. */
static void demo_cleanup(const char *dir, const char *db, const char *csv, const char *html, int keep_html)
{
	char path[700];
	snprintf(path, sizeof path, "%s-journal", db);
	unlink(path);
	unlink(db);
	unlink(csv);
	for (int m = 0; m < MONTHS; m++) {
		snprintf(path, sizeof path, "%s/%s.json", dir, months[m]);
		unlink(path);
	}
	if (!keep_html) {
		unlink(html);
		rmdir(dir);
	}
}

/*
 * The demo runs in a temporary directory ($TMPDIR or /tmp) and removes it
 * when it is done, except the HTML bulletin, which it leaves there alone
 * and whose path it prints: something to open in a browser, nothing
 * written into the current directory, no file of the user's replaced.
 * `demo --keep` keeps the workspace, grid and month files too and prints
 * the workspace's path (for the schema tests, and to look inside).
 */
int cmd_demo(tool_ctx *ctx)
{
	const char *tmp = getenv("TMPDIR");
	char dir[512], db[600], csv[600], file[600], html[600];
	tool_ctx c = *ctx;
	int rc, keep = 0;
	FILE *devnull;
	for (int i = 0; i < ctx->argc; i++) {
		if (strcmp(ctx->argv[i], "--keep") == 0)
			keep = 1;
		else {
			tool_fail("demo: unknown argument %s (only --keep)", ctx->argv[i]);
			return TOOL_USAGE;
		}
	}
	snprintf(dir, sizeof dir, "%s/ecogrid-demo-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir))
		return tool_fail("demo: cannot create a temporary directory in %s", tmp && *tmp ? tmp : "/tmp");
	snprintf(db, sizeof db, "%s/ecogrid.db", dir);
	snprintf(csv, sizeof csv, "%s/changji-sample.csv", dir);
	snprintf(html, sizeof html, "%s/bulletin-%s.html", dir, months[MONTHS - 1]);
	c.db_path = db;
	c.argc = 0;
	rc = write_file(csv, grid_csv);
	/* The steps' own messages go to /dev/null; errors still reach stderr. */
	devnull = fopen("/dev/null", "w");
	if (!rc && devnull) {
		FILE *saved = stdout;
		stdout = devnull;
		rc = cmd_init(&c);
		if (!rc) {
			char *argv[] = { (char *)"import", csv };
			c.argc = 2;
			c.argv = argv;
			rc = cmd_grid(&c);
		}
		for (int m = 0; !rc && m < MONTHS; m++) {
			snprintf(file, sizeof file, "%s/%s.json", dir, months[m]);
			rc = month_file(file, m);
			if (!rc)
				rc = cmd_month_import(&c, months[m], file);
			if (!rc)
				rc = cmd_month_run(&c, months[m]);
		}
		stdout = saved;
	}
	if (devnull)
		fclose(devnull);
	if (!rc) {
		char last[8], fmt[] = "--format", kind[] = "html", outopt[] = "--output";
		char *argv[1], *hargv[5];
		snprintf(last, sizeof last, "%s", months[MONTHS - 1]);
		argv[0] = last;
		hargv[0] = last;
		hargv[1] = fmt;
		hargv[2] = kind;
		hargv[3] = outopt;
		hargv[4] = html;
		printf(TR(ctx, "ecogrid %s 演示：昌吉州样例，%s 至 %s 六个月（临时工作库，结束后删除）\n\n",
			  "ecogrid %s demo: Changji sample, six months %s to %s (a temporary workspace, removed afterwards)\n\n"),
		       eg_version(), months[0], months[MONTHS - 1]);
		c.argc = 1;
		c.argv = argv;
		rc = cmd_report(&c);
		c.argc = 5;
		c.argv = hargv;
		if (!rc)
			rc = cmd_report(&c);
	}
	if (!keep || rc)
		demo_cleanup(dir, db, csv, html, !rc);
	else
		printf(TR(ctx, "\n工作库 %s （--keep：未删除）\n", "\nworkspace %s (--keep: not removed)\n"), db);
	if (!rc)
		printf(TR(ctx, "\nHTML 通报：%s\n", "\nHTML bulletin: %s\n"), html);
	return rc;
}
