/*
 * Grid load benchmark: the national division CSV (665,271 nodes) into a grid.
 *
 * The file is decompressed once into a temporary file. Then, in one process,
 * ROUNDS (default 5) rounds of, each timed on its own:
 *
 *   floor      the like-for-like I/O floor: open the temporary file
 *              (page-cached), size it, read() it whole into a fresh buffer
 *              allocated and advised exactly as the loader's (malloc, then
 *              madvise(MADV_HUGEPAGE) on its 2 MiB-aligned interior) and
 *              count its lines: what a loader that keeps the bytes (as this
 *              one does: they become its strings) pays before parsing;
 *   stream     the same file through one reused 64 KiB buffer (wc -l): a
 *              stricter floor, with no whole-file buffer to fault in;
 *   load       eg_grid_load_csv on the same file;
 *   mem floor  counting lines of the same bytes already in memory;
 *   parse      eg_grid_parse_csv from memory.
 *
 * The ratio load / floor is taken per round (both in the same round) and
 * printed as median, min and max. Cold process: COLD rounds (default
 * ROUNDS) of a fresh process per measurement (this program re-executed
 * with --once floor|load FILE; page cache warm, nothing else shared),
 * timed from fork to exit, floor and load alternating: what a command-line
 * or script user pays, with the process's page faults and peak RSS.
 *
 * Memory: resident bytes of the grid alone (RSS after the load minus RSS
 * before it, with glibc's mmap threshold pinned so freed scratch goes back
 * to the system) and the peak RSS during the load (VmHWM, reset first).
 * Then a million random lookups by code against binary search.
 *
 * Usage: bench_grid_load [--rows N] [--scaling] [--rounds R] [--cold C] [FILE.csv|FILE.csv.gz]
 *   --rows N    load only the first N data rows (the national file lists
 *               parents before children, so every prefix is a valid grid)
 *   --scaling   1x, 2x and 4x the rows (or N): the file, then with copies
 *               of its rows under codes prefixed by 9, 8, 7 (so that every
 *               size is past the loader's 8 MiB huge-page threshold),
 *               interleaved round by round, against the streamed
 *               count (linear, and free of the page-fault and huge-page
 *               effects that make the buffered floor's growth uneven;
 *               bench=scaling line)
 *   --cold C    cold-process rounds (0: none)
 * Default file: $ECOGRID_SHARED_DATA/divisions/china.csv.gz, else
 * ../shared/data/divisions/china.csv.gz; skipped (exit 0) when absent.
 */
#define _DEFAULT_SOURCE /* madvise, wait4 */
#include <ecogrid/ecogrid.h>

#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "benchutil.h"

#define LOOKUPS 1000000
#define MAX_ROUNDS BU_MAX_ROUNDS
/* The loader's buffer: a 24-byte pool-chunk header, the bytes, a NUL and 16 bytes of padding. */
#define LOADER_HEADER 24
#define LOADER_PAD 17

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static size_t count_lines(const char *p, size_t len)
{
	const char *end = p + len;
	size_t c = 0;
	while (p < end && (p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		c++;
		p++;
	}
	return c;
}

/* The loader's advice (src/grid_csv.c, advise_huge): huge pages on the aligned interior of a block >= 8 MiB. */
static void advise_like_loader(void *p, size_t size)
{
#if defined(__linux__) && defined(MADV_HUGEPAGE)
	const uintptr_t huge = 2u << 20;
	uintptr_t a = ((uintptr_t)p + huge - 1) & ~(huge - 1), e = ((uintptr_t)p + size) & ~(huge - 1);
	if (size >= 4 * huge && e > a)
		(void)madvise((void *)a, e - a, MADV_HUGEPAGE);
#else
	(void)p;
	(void)size;
#endif
}

/*
 * The like-for-like I/O floor: what eg_grid_load_csv does before parsing
 * (fopen, size the file, one buffer allocated and advised as the loader's,
 * fread it whole), then count the lines (touch every byte once).
 */
static size_t read_and_count(const char *path)
{
	FILE *f = fopen(path, "rb");
	size_t got = 0, lines, cap;
	long size;
	char *buf;
	if (!f || fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
		fprintf(stderr, "cannot read %s\n", path);
		exit(1);
	}
	cap = (size_t)size + 1;
	buf = malloc(LOADER_HEADER + cap + LOADER_PAD);
	if (!buf)
		exit(1);
	advise_like_loader(buf, LOADER_HEADER + cap + LOADER_PAD);
	for (;;) {
		size_t r = fread(buf + LOADER_HEADER + got, 1, cap - got, f);
		got += r;
		if (r == 0 || got == cap)
			break;
	}
	fclose(f);
	lines = count_lines(buf + LOADER_HEADER, got);
	free(buf);
	return lines;
}

/* wc -l: the same file through one reused 64 KiB buffer (no whole-file copy kept). */
static size_t stream_and_count(const char *path)
{
	static char buf[1 << 16];
	size_t lines = 0;
	ssize_t r;
	int fd = open(path, O_RDONLY);
	if (fd < 0) {
		fprintf(stderr, "cannot read %s\n", path);
		exit(1);
	}
	while ((r = read(fd, buf, sizeof buf)) > 0)
		lines += count_lines(buf, (size_t)r);
	close(fd);
	return lines;
}

/* The kernel's transparent huge page mode ("always", "madvise", "never"), or "unknown". */
static const char *thp_mode(char *buf, size_t size)
{
	FILE *f = fopen("/sys/kernel/mm/transparent_hugepage/enabled", "r");
	char *a, *b;
	snprintf(buf, size, "unknown");
	if (!f)
		return buf;
	if (fgets(buf, (int)size, f) && (a = strchr(buf, '[')) && (b = strchr(a, ']'))) {
		*b = '\0';
		memmove(buf, a + 1, (size_t)(b - a));
	} else {
		snprintf(buf, size, "unknown");
	}
	fclose(f);
	return buf;
}

/* Bytes of the header plus the first `rows` data rows (no quoting in the NBS file). */
static size_t prefix_bytes(const char *data, size_t len, size_t rows)
{
	const char *p = data, *end = data + len;
	for (size_t k = 0; k <= rows && p < end; k++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		p = nl ? nl + 1 : end;
	}
	return (size_t)(p - data);
}

/*
 * The first `len` bytes of `data` (header + rows) and then `copies - 1`
 * copies of its rows with every code and parent code prefixed by '9', '8',
 * '7' in turn. Returns 0 or -1.
 */
static int write_copies(FILE *f, const char *data, size_t len, int copies)
{
	const char *end = data + len, *p = memchr(data, '\n', len);
	if (!p || fwrite(data, 1, len, f) != len)
		return -1;
	for (int c = 1; c < copies; c++) {
		char pre = (char)('9' - (c - 1));
		for (const char *row = p + 1; row < end;) {
			const char *nl = memchr(row, '\n', (size_t)(end - row)), *comma = memchr(row, ',', (size_t)(end - row));
			if (!nl)
				nl = end;
			if (!comma || comma > nl)
				return -1;
			fputc(pre, f);
			fwrite(row, 1, (size_t)(comma - row) + 1, f);
			if (comma[1] != ',')
				fputc(pre, f);
			fwrite(comma + 1, 1, (size_t)(nl - comma - 1), f);
			fputc('\n', f);
			row = nl + 1;
		}
	}
	return 0;
}

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

typedef struct result {
	size_t rows, bytes, nodes, lines;
	double floor_s, stream_s, load_s, memfloor_s, parse_s;
	bu_spread ratio;     /* load / floor, per round (wall) */
	bu_spread cpu_ratio; /* the same in CPU time */
	size_t grid_rss, load_peak;
} result;

static void fail(const char *what)
{
	fprintf(stderr, "%s failed: %s\n", what, eg_error_last()->message);
	exit(1);
}

static void write_file(const char *tmp, const char *data, size_t len)
{
	FILE *f = fopen(tmp, "wb");
	if (!f || fwrite(data, 1, len, f) != len || fclose(f) != 0) {
		fprintf(stderr, "cannot write %s\n", tmp);
		exit(1);
	}
}

/* One streamed count and one load of `tmp` (page-cached); CPU seconds of each. */
static void stream_and_load(const char *tmp, double *floor_s, double *load_s, size_t *lines, size_t *nodes)
{
	eg_grid *g = NULL;
	double t = bu_cpu_now();
	*lines = stream_and_count(tmp);
	*floor_s = bu_cpu_now() - t;
	t = bu_cpu_now();
	if (eg_grid_load_csv(&g, tmp, NULL) != EG_OK)
		fail("eg_grid_load_csv");
	*load_s = bu_cpu_now() - t;
	*nodes = eg_grid_size(g);
	eg_grid_free(g);
}

/* `rounds` rounds over the first `len` bytes of `data`, written to `tmp`. */
static void run(result *res, const char *data, size_t len, const char *tmp, int rounds, eg_grid **keep)
{
	double fl[MAX_ROUNDS], st[MAX_ROUNDS], ld[MAX_ROUNDS], mf[MAX_ROUNDS], ps[MAX_ROUNDS], t, c;
	double cfl[MAX_ROUNDS], cld[MAX_ROUNDS];
	eg_grid *g = NULL;

	write_file(tmp, data, len);
	memset(res, 0, sizeof *res);
	res->bytes = len;
	/* Warm the page cache and the allocator once, untimed. */
	read_and_count(tmp);
	if (eg_grid_load_csv(&g, tmp, NULL) != EG_OK)
		fail("eg_grid_load_csv");
	eg_grid_free(g);
	g = NULL;
	for (int r = 0; r < rounds; r++) {
		size_t rss0, lines;
		c = bu_cpu_now();
		t = bu_now();
		lines = read_and_count(tmp);
		fl[r] = bu_now() - t;
		cfl[r] = bu_cpu_now() - c;
		res->lines = lines;

		t = bu_now();
		lines = stream_and_count(tmp);
		st[r] = bu_now() - t;
		if (lines != res->lines)
			exit(1);

		rss0 = bu_rss();
		hwm_reset();
		c = bu_cpu_now();
		t = bu_now();
		if (eg_grid_load_csv(&g, tmp, NULL) != EG_OK)
			fail("eg_grid_load_csv");
		ld[r] = bu_now() - t;
		cld[r] = bu_cpu_now() - c;
		res->grid_rss = bu_rss() - rss0;
		res->load_peak = hwm() - rss0; /* grid + loader scratch */
		res->nodes = eg_grid_size(g);
		eg_grid_free(g);
		g = NULL;

		t = bu_now();
		lines = count_lines(data, len);
		mf[r] = bu_now() - t;
		if (lines != res->lines)
			exit(1);

		t = bu_now();
		if (eg_grid_parse_csv(&g, data, len, NULL) != EG_OK)
			fail("eg_grid_parse_csv");
		ps[r] = bu_now() - t;
		if (r + 1 < rounds || !keep) {
			eg_grid_free(g);
			g = NULL;
		}
	}
	if (keep)
		*keep = g;
	res->rows = res->nodes;
	res->ratio = bu_ratio_spread(ld, fl, rounds);
	res->cpu_ratio = bu_ratio_spread(cld, cfl, rounds);
	res->floor_s = bu_median(fl, rounds);
	res->stream_s = bu_median(st, rounds);
	res->load_s = bu_median(ld, rounds);
	res->memfloor_s = bu_median(mf, rounds);
	res->parse_s = bu_median(ps, rounds);
}

/* --once floor|load FILE: one measurement in this (fresh) process; exit status only. */
static int once(const char *what, const char *path)
{
	eg_grid *g = NULL;
	if (strcmp(what, "floor") == 0)
		return read_and_count(path) > 0 ? 0 : 1;
	if (eg_grid_load_csv(&g, path, NULL) != EG_OK)
		fail("eg_grid_load_csv");
	eg_grid_free(g);
	return 0;
}

/* Run `self --once what path` in a fresh process: wall seconds; the child's CPU seconds, peak RSS and page faults. */
static double spawn_once(const char *self, const char *what, const char *path, double *cpu, size_t *rss, long *faults)
{
	struct rusage ru;
	int status = 0;
	double t = bu_now();
	pid_t pid = fork();
	if (pid < 0) {
		perror("fork");
		exit(1);
	}
	if (pid == 0) {
		execl(self, self, "--once", what, path, (char *)NULL);
		_exit(127);
	}
	if (wait4(pid, &status, 0, &ru) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		fprintf(stderr, "%s --once %s failed\n", self, what);
		exit(1);
	}
	t = bu_now() - t;
	*cpu = (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec * 1e-6 + (double)ru.ru_stime.tv_sec +
	       (double)ru.ru_stime.tv_usec * 1e-6;
	*rss = (size_t)ru.ru_maxrss * 1024u;
	*faults = ru.ru_minflt + ru.ru_majflt;
	return t;
}

static void lookups(const eg_grid *g, double *t_lookup, double *t_bsearch, unsigned long long *hits)
{
	size_t nodes = eg_grid_size(g);
	const char **codes = malloc(nodes * sizeof *codes);
	size_t *pick = malloc(LOOKUPS * sizeof *pick);
	unsigned long long x = 88172645463325252ULL;
	double t;
	if (!codes || !pick)
		exit(1);
	for (size_t i = 0; i < nodes; i++)
		codes[i] = eg_node_id(eg_grid_node_at(g, i));
	qsort(codes, nodes, sizeof *codes, cmp_str);
	for (size_t i = 0; i < LOOKUPS; i++) {
		x ^= x << 13; x ^= x >> 7; x ^= x << 17;
		pick[i] = (size_t)(x % nodes);
	}
	t = bu_now();
	for (size_t i = 0; i < LOOKUPS; i++) {
		const eg_node *n;
		*hits += eg_grid_lookup(&n, g, codes[pick[i]]) == EG_OK;
	}
	*t_lookup = bu_now() - t;
	t = bu_now();
	for (size_t i = 0; i < LOOKUPS; i++) {
		const char *key = codes[pick[i]];
		*hits += bsearch(&key, codes, nodes, sizeof *codes, cmp_str) != NULL;
	}
	*t_bsearch = bu_now() - t;
	free(pick);
	free(codes);
}

static void print_result(const result *r)
{
	printf("bench=grid_load nodes=%zu bytes=%zu lines=%zu load_s=%.4f nodes_per_s=%.0f "
	       "floor_read_count_s=%.5f",
	       r->nodes, r->bytes, r->lines, r->load_s, (double)r->nodes / r->load_s, r->floor_s);
	bu_print_spread("load_over_floor", r->ratio, 2);
	bu_print_spread("cpu_load_over_floor", r->cpu_ratio, 2);
	printf(" stream_count_s=%.5f load_over_stream=%.2f parse_s=%.4f memcount_s=%.5f "
	       "parse_over_memcount=%.1f grid_rss_bytes=%zu bytes_per_node=%.1f load_peak_rss_delta_bytes=%zu",
	       r->stream_s, r->load_s / r->stream_s, r->parse_s, r->memfloor_s, r->parse_s / r->memfloor_s,
	       r->grid_rss, (double)r->grid_rss / (double)r->nodes, r->load_peak);
}

int main(int argc, char **argv)
{
	char pathbuf[4096], tmp[] = "/tmp/bench_grid_load_XXXXXX", thp[64];
	const char *path = NULL;
	int rounds = 5, scaling = 0, cold = -1, fd;
	size_t rows = 0, len = 0, all_rows;
	char *data;
	eg_grid *g = NULL;
	result res;

	if (argc == 4 && strcmp(argv[1], "--once") == 0)
		return once(argv[2], argv[3]);
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--rows") && i + 1 < argc)
			rows = (size_t)strtoull(argv[++i], NULL, 10);
		else if (!strcmp(argv[i], "--rounds") && i + 1 < argc)
			rounds = atoi(argv[++i]);
		else if (!strcmp(argv[i], "--cold") && i + 1 < argc)
			cold = atoi(argv[++i]);
		else if (!strcmp(argv[i], "--scaling"))
			scaling = 1;
		else if (argv[i][0] == '-') {
			fprintf(stderr, "usage: %s [--rows N] [--scaling] [--rounds R] [--cold C] [FILE]\n", argv[0]);
			return 2;
		} else
			path = argv[i];
	}
	if (rounds < 1 || rounds > MAX_ROUNDS)
		rounds = 5;
	if (cold < 0 || cold > MAX_ROUNDS)
		cold = rounds;
	if (!path)
		path = bu_shared_file("divisions/china.csv.gz", pathbuf, sizeof pathbuf);
	if (!path) {
		printf("bench=grid_load skipped=1 reason=no_shared_data\n");
		printf("grid_load: skipped, ../shared/data/divisions/china.csv.gz is absent\n");
		return 0;
	}
#ifdef __GLIBC__
	/* A fixed threshold: large blocks are mmap'd and unmapped on free, so the
	 * RSS delta of a load is the grid, not the allocator's leftovers. */
	mallopt(M_MMAP_THRESHOLD, 128 * 1024);
#endif
	data = bu_read_file(path, &len);
	if (!data) {
		fprintf(stderr, "cannot read %s\n", path);
		return 1;
	}
	all_rows = count_lines(data, len);
	all_rows -= all_rows > 0; /* header */
	if (rows == 0 || rows > all_rows)
		rows = all_rows;
	if ((fd = mkstemp(tmp)) < 0) {
		fprintf(stderr, "cannot create a temporary file\n");
		return 1;
	}
	close(fd);

	if (scaling) {
		/* 1x, 2x, 4x the rows: the file, then copies with every code prefixed
		 * by 9, 8, 7 (13-digit codes, each copy its own tree), so that every
		 * size is past the 8 MiB where the loader starts asking for huge pages. */
		char tmps[3][64];
		double t[MAX_ROUNDS * 3], b[MAX_ROUNDS * 3];
		size_t lines, nodes[3] = { 0, 0, 0 }, one = prefix_bytes(data, len, rows);
		for (int s = 0; s < 3; s++) {
			FILE *f;
			snprintf(tmps[s], sizeof tmps[s], "%s.%d", tmp, s);
			f = fopen(tmps[s], "wb");
			if (!f || write_copies(f, data, one, 1 << s) != 0 || fclose(f) != 0) {
				fprintf(stderr, "cannot write %s\n", tmps[s]);
				return 1;
			}
			stream_and_load(tmps[s], &b[0], &t[0], &lines, &nodes[s]); /* warm, untimed */
		}
		for (int r = 0; r < rounds; r++)
			for (int s = 0; s < 3; s++)
				stream_and_load(tmps[s], &b[r * 3 + s], &t[r * 3 + s], &lines, &nodes[s]);
		for (int s = 0; s < 3; s++)
			unlink(tmps[s]);
		printf("# grid_load scaling: %zu / %zu / %zu nodes\n", nodes[0], nodes[1], nodes[2]);
		bu_print_scaling("grid_load", "stream_count", t, b, rounds);
	} else {
		double t_lookup, t_bsearch, cf[MAX_ROUNDS], cl[MAX_ROUNDS], ccf[MAX_ROUNDS], ccl[MAX_ROUNDS];
		size_t rss_floor = 0, rss_load = 0;
		long flt_floor = 0, flt_load = 0;
		unsigned long long hits = 0;
		bu_spread cold_ratio = { 0, 0, 0 }, cold_cpu_ratio = { 0, 0, 0 };
		run(&res, data, prefix_bytes(data, len, rows), tmp, rounds, &g);
		free(data);
		data = NULL;
		for (int r = 0; r < cold; r++) {
			cf[r] = spawn_once(argv[0], "floor", tmp, &ccf[r], &rss_floor, &flt_floor);
			cl[r] = spawn_once(argv[0], "load", tmp, &ccl[r], &rss_load, &flt_load);
		}
		if (cold > 0) {
			cold_ratio = bu_ratio_spread(cl, cf, cold);
			cold_cpu_ratio = bu_ratio_spread(ccl, ccf, cold);
		}
		lookups(g, &t_lookup, &t_bsearch, &hits);
		print_result(&res);
		printf(" peak_rss_bytes=%zu rounds=%d thp=%s lookups=%d lookup_s=%.4f bsearch_s=%.4f lookup_speedup=%.2f "
		       "hits=%llu cold_rounds=%d",
		       bu_peak_rss(), rounds, thp_mode(thp, sizeof thp), LOOKUPS, t_lookup, t_bsearch,
		       t_bsearch / t_lookup, hits, cold);
		if (cold > 0) {
			printf(" cold_floor_s=%.4f cold_load_s=%.4f", bu_median(cf, cold), bu_median(cl, cold));
			bu_print_spread("cold_load_over_floor", cold_ratio, 2);
			printf(" cold_cpu_floor_s=%.4f cold_cpu_load_s=%.4f", bu_median(ccf, cold), bu_median(ccl, cold));
			bu_print_spread("cold_cpu_load_over_floor", cold_cpu_ratio, 2);
			printf(" cold_floor_peak_rss_bytes=%zu cold_load_peak_rss_bytes=%zu cold_floor_faults=%ld "
			       "cold_load_faults=%ld",
			       rss_floor, rss_load, flt_floor, flt_load);
		}
		printf("\n");
		printf("grid_load: %zu nodes in %.3f s (%.2f M nodes/s); %.2fx the like-for-like read floor of %.4f s "
		       "(per round %.2f-%.2f; in CPU time %.2fx), %.1fx a wc -l style streamed count of %.4f s; from memory %.3f s, "
		       "%.1fx the in-memory count; %.0f bytes/node resident, peak RSS growth during the load %.0f MiB; "
		       "1M lookups %.3f s vs bsearch %.3f s (median of %d)\n",
		       res.nodes, res.load_s, (double)res.nodes / res.load_s / 1e6, res.ratio.med, res.floor_s,
		       res.ratio.min, res.ratio.max, res.cpu_ratio.med, res.load_s / res.stream_s, res.stream_s, res.parse_s,
		       res.parse_s / res.memfloor_s, (double)res.grid_rss / (double)res.nodes,
		       (double)res.load_peak / 1048576.0, t_lookup, t_bsearch, rounds);
		if (cold > 0)
			printf("grid_load cold process (fork to exit, page cache warm, median of %d): load %.3f s, floor %.3f s, "
			       "%.2fx (per round %.2f-%.2f; in CPU time %.2fx); the load process peaks at %.0f MiB with %ld page "
			       "faults\n",
			       cold, bu_median(cl, cold), bu_median(cf, cold), cold_ratio.med, cold_ratio.min, cold_ratio.max,
			       cold_cpu_ratio.med, (double)rss_load / 1048576.0, flt_load);
		eg_grid_free(g);
	}
	unlink(tmp);
	free(data);
	return 0;
}
