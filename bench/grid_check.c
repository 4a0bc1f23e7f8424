/*
 * Grid check benchmark (CJ-G.3 to CJ-G.7, CJ-A2-5.2): eg_grid_check on the
 * national division grid with nobody staffed, the worst case (every node at
 * levels 2-4 has findings: about 2 million). The grid is loaded outside the
 * timings.
 *
 * Per round (median, min and max of ROUNDS):
 *   check    eg_grid_check alone; the memory it takes: the RSS growth while
 *            the findings are held (after the call, before freeing) and the
 *            peak RSS growth during the call (VmHWM, reset first), the
 *            largest over the rounds;
 *   report   what a program printing the whole result pays in the library:
 *            eg_grid_check, then every finding's rule, node, unit and
 *            message in one language, and CJ-A2-5.2 for every level-2 unit
 *            (eg_findings_cj_a2_5_2): the library's share of
 *            `ecogrid grid check` (bench/tool_check.py times the tool).
 * Baseline in the same round: one walk over the grid (eg_grid_walk) reading
 * each node's level and kind, the floor of any check.
 *
 * Usage: bench_grid_check [--rounds R] [FILE.csv[.gz]]
 * Default file: $ECOGRID_SHARED_DATA/divisions/china.csv.gz, else
 * ../shared/data/divisions/china.csv.gz; skipped (exit 0) when absent.
 */
#include <ecogrid/ecogrid.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "benchutil.h"

#define MAX_ROUNDS BU_MAX_ROUNDS

/* Peak RSS since the last reset (VmHWM), in bytes; 0 if unknown. */
static size_t hwm(void)
{
	char line[256];
	size_t kb = 0;
	FILE *f = fopen("/proc/self/status", "r");
	if (!f)
		return 0;
	while (fgets(line, sizeof line, f))
		if (sscanf(line, "VmHWM: %zu kB", &kb) == 1)
			break;
	fclose(f);
	return kb * 1024;
}

static void hwm_reset(void)
{
	FILE *f = fopen("/proc/self/clear_refs", "w");
	if (f) {
		fputs("5", f);
		fclose(f);
	}
}

static void fail(const char *what)
{
	fprintf(stderr, "%s failed: %s\n", what, eg_error_last()->message);
	exit(1);
}

int main(int argc, char **argv)
{
	char pathbuf[4096];
	const char *path = NULL;
	int scale = 1, rounds = 5;
	size_t len = 0, n_findings = 0, held = 0, peak = 0, units = 0, met = 0, bytes = 0;
	double tc[MAX_ROUNDS], tr[MAX_ROUNDS], tb[MAX_ROUNDS], cc[MAX_ROUNDS], cr[MAX_ROUNDS], t, c;
	bu_spread sc, sr, scc, scr;
	char *data;
	eg_grid *g = NULL;

	if (bu_options(argc, argv, &scale, &rounds) < 0)
		return 2;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--scale") == 0 || strcmp(argv[i], "--rounds") == 0)
			i++;
		else
			path = argv[i];
	}
	if (rounds > MAX_ROUNDS)
		rounds = MAX_ROUNDS;
	if (!path)
		path = bu_shared_file("divisions/china.csv.gz", pathbuf, sizeof pathbuf);
	if (!path) {
		printf("bench=grid_check skipped=1 reason=no_shared_data\n");
		printf("grid_check: skipped, ../shared/data/divisions/china.csv.gz is absent\n");
		return 0;
	}
#ifdef __GLIBC__
	/* As bench_grid_load: large blocks are mmap'd and returned on free, so
	 * that the RSS growth is what the findings hold. */
	mallopt(M_MMAP_THRESHOLD, 128 * 1024);
#endif
	data = bu_read_file(path, &len);
	if (!data || eg_grid_parse_csv(&g, data, len, NULL) != EG_OK)
		fail("loading the grid");
	free(data);
	for (int r = 0; r < rounds; r++) {
		eg_findings *f = NULL;
		eg_grid_walk *w;
		const eg_node *nd;
		size_t rss0, sum = 0;

		t = bu_now();
		if (eg_grid_walk_new(&w, g, NULL) != EG_OK)
			fail("eg_grid_walk_new");
		while (eg_grid_walk_next(&nd, w) == EG_OK)
			sum += (size_t)eg_node_level(nd) + (size_t)eg_node_kind(nd);
		eg_grid_walk_free(w);
		tb[r] = bu_now() - t;
		if (sum == 0)
			return 1;

		rss0 = bu_rss();
		hwm_reset();
		c = bu_cpu_now();
		t = bu_now();
		if (eg_grid_check(&f, g) != EG_OK)
			fail("eg_grid_check");
		tc[r] = bu_now() - t;
		cc[r] = bu_cpu_now() - c;
		/* The largest growth over the rounds: later rounds may reuse heap
		 * pages that earlier findings left behind. */
		if (bu_rss() - rss0 > held)
			held = bu_rss() - rss0;
		if (hwm() - rss0 > peak)
			peak = hwm() - rss0;
		n_findings = eg_findings_count(f);
		eg_findings_free(f);
		f = NULL;

		/* The library's share of printing everything (one language). */
		c = bu_cpu_now();
		t = bu_now();
		if (eg_grid_check(&f, g) != EG_OK)
			fail("eg_grid_check");
		bytes = 0;
		for (size_t i = 0; i < eg_findings_count(f); i++) {
			const eg_finding *x = eg_findings_at(f, i);
			bytes += strlen(eg_finding_rule(x)) + strlen(eg_finding_node(x)) + strlen(eg_finding_unit(x)) +
				 strlen(eg_finding_message(x, EG_LANG_ZH));
		}
		units = met = 0;
		for (size_t i = 0; i < eg_grid_size(g); i++) {
			const eg_node *u = eg_grid_node_at(g, i);
			int ok = 0;
			if (eg_node_level(u) != EG_LEVEL_COUNTY || eg_node_kind(u) == EG_KIND_KEY_GRID)
				continue;
			if (eg_findings_cj_a2_5_2(&ok, f, g, eg_node_id(u)) != EG_OK)
				fail("eg_findings_cj_a2_5_2");
			units++;
			met += ok != 0;
		}
		tr[r] = bu_now() - t;
		cr[r] = bu_cpu_now() - c;
		eg_findings_free(f);
	}
	sc = bu_spread_of(tc, rounds);
	sr = bu_spread_of(tr, rounds);
	scc = bu_spread_of(cc, rounds);
	scr = bu_spread_of(cr, rounds);
	printf("bench=grid_check nodes=%zu findings=%zu rounds=%d", eg_grid_size(g), n_findings, rounds);
	bu_print_spread("check_s", sc, 4);
	bu_print_spread("check_cpu_s", scc, 4);
	printf(" check_held_bytes=%zu check_peak_bytes=%zu bytes_per_finding=%.1f", held, peak,
	       (double)held / (double)(n_findings ? n_findings : 1));
	bu_print_spread("report_s", sr, 4);
	bu_print_spread("report_cpu_s", scr, 4);
	printf(" report_text_bytes=%zu units=%zu units_met=%zu walk_s=%.4f check_over_walk=%.1f\n", bytes, units, met,
	       bu_median(tb, rounds), sc.med / bu_median(tb, rounds));
	printf("grid_check: %zu nodes, nobody staffed: %zu findings in %.3f s (median of %d, %.3f-%.3f), holding %.0f MiB "
	       "(peak %.0f MiB, %.0f bytes per finding; CPU %.3f s); with every message and CJ-A2-5.2 for %zu units %.3f s; "
	       "%.1fx one walk over the grid (%.4f s)\n",
	       eg_grid_size(g), n_findings, sc.med, rounds, sc.min, sc.max, (double)held / 1048576.0,
	       (double)peak / 1048576.0, (double)held / (double)(n_findings ? n_findings : 1), scc.med, units, sr.med,
	       sc.med / bu_median(tb, rounds), bu_median(tb, rounds));
	eg_grid_free(g);
	return 0;
}
