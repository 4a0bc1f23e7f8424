/*
 * Grid load benchmark: the national division CSV (665,271 nodes) into a grid.
 *
 * The file is decompressed once into a temporary file. Then, in one process,
 * median of ROUNDS (default 5) runs each:
 *
 *   floor      open + read() the temporary file (page-cached) into a fresh
 *              buffer and count its lines: the I/O floor of a loader that
 *              keeps the bytes (as this one does: they become its strings);
 *   stream     the same file through one reused 64 KiB buffer (wc -l): a
 *              stricter floor, with no page faults for a whole-file buffer;
 *   load       eg_grid_load_csv on the same file;
 *   mem floor  counting lines of the same bytes already in memory;
 *   parse      eg_grid_parse_csv from memory.
 *
 * Memory: resident bytes of the grid alone (RSS after the load minus RSS
 * before it, with glibc's mmap threshold pinned so freed scratch goes back
 * to the system) and the peak RSS during the load (VmHWM, reset first).
 * Then a million random lookups by code against binary search.
 *
 * Usage: bench_grid_load [--rows N] [--scaling] [--rounds R] [FILE.csv|FILE.csv.gz]
 *   --rows N    load only the first N data rows (the national file lists
 *               parents before children, so every prefix is a valid grid)
 *   --scaling   run the load at 1/4, 1/2 and all of the rows (or of N) and
 *               print the growth per doubling (2.0 is linear)
 * Default file: $ECOGRID_SHARED_DATA/divisions/china.csv.gz, else
 * ../shared/data/divisions/china.csv.gz; skipped (exit 0) when absent.
 */
#include <ecogrid/ecogrid.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "benchutil.h"

#define LOOKUPS 1000000
#define MAX_ROUNDS 31

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static double median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
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

/* The I/O floor: a fresh buffer, read() the whole file, count the lines. */
static size_t read_and_count(const char *path, size_t len)
{
	char *buf = malloc(len + 1);
	size_t got = 0, lines;
	int fd = open(path, O_RDONLY);
	if (!buf || fd < 0) {
		fprintf(stderr, "cannot read %s\n", path);
		exit(1);
	}
	while (got < len) {
		ssize_t r = read(fd, buf + got, len - got);
		if (r <= 0)
			break;
		got += (size_t)r;
	}
	close(fd);
	lines = count_lines(buf, got);
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
	size_t grid_rss, load_peak;
} result;

static void fail(const char *what)
{
	fprintf(stderr, "%s failed: %s\n", what, eg_error_last()->message);
	exit(1);
}

/* Median-of-`rounds` figures for the first `len` bytes of `data`. */
static void run(result *res, const char *data, size_t len, const char *tmp, int rounds, eg_grid **keep)
{
	double fl[MAX_ROUNDS], st[MAX_ROUNDS], ld[MAX_ROUNDS], mf[MAX_ROUNDS], ps[MAX_ROUNDS], t;
	FILE *f = fopen(tmp, "wb");
	eg_grid *g = NULL;

	if (!f || fwrite(data, 1, len, f) != len || fclose(f) != 0) {
		fprintf(stderr, "cannot write %s\n", tmp);
		exit(1);
	}
	memset(res, 0, sizeof *res);
	res->bytes = len;
	/* Warm the page cache and the allocator once, untimed. */
	read_and_count(tmp, len);
	if (eg_grid_load_csv(&g, tmp, NULL) != EG_OK)
		fail("eg_grid_load_csv");
	eg_grid_free(g);
	g = NULL;
	for (int r = 0; r < rounds; r++) {
		size_t rss0, lines;
		t = bu_now();
		lines = read_and_count(tmp, len);
		fl[r] = bu_now() - t;
		res->lines = lines;

		t = bu_now();
		lines = stream_and_count(tmp);
		st[r] = bu_now() - t;
		if (lines != res->lines)
			exit(1);

		rss0 = bu_rss();
		hwm_reset();
		t = bu_now();
		if (eg_grid_load_csv(&g, tmp, NULL) != EG_OK)
			fail("eg_grid_load_csv");
		ld[r] = bu_now() - t;
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
	res->floor_s = median(fl, rounds);
	res->stream_s = median(st, rounds);
	res->load_s = median(ld, rounds);
	res->memfloor_s = median(mf, rounds);
	res->parse_s = median(ps, rounds);
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

static void print_result(const result *r, const char *tag)
{
	printf("bench=grid_load%s nodes=%zu bytes=%zu lines=%zu load_s=%.4f nodes_per_s=%.0f "
	       "floor_read_count_s=%.5f load_over_floor=%.2f stream_count_s=%.5f load_over_stream=%.2f "
	       "parse_s=%.4f memcount_s=%.5f "
	       "parse_over_memcount=%.1f grid_rss_bytes=%zu bytes_per_node=%.1f load_peak_rss_delta_bytes=%zu",
	       tag, r->nodes, r->bytes, r->lines, r->load_s, (double)r->nodes / r->load_s,
	       r->floor_s, r->load_s / r->floor_s, r->stream_s, r->load_s / r->stream_s, r->parse_s, r->memfloor_s,
	       r->parse_s / r->memfloor_s, r->grid_rss, (double)r->grid_rss / (double)r->nodes,
	       r->load_peak);
}

int main(int argc, char **argv)
{
	char pathbuf[4096], tmp[] = "/tmp/bench_grid_load_XXXXXX", thp[64];
	const char *path = NULL;
	int rounds = 5, scaling = 0, fd;
	size_t rows = 0, len = 0, all_rows;
	char *data;
	eg_grid *g = NULL;
	result res[3];

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--rows") && i + 1 < argc)
			rows = (size_t)strtoull(argv[++i], NULL, 10);
		else if (!strcmp(argv[i], "--rounds") && i + 1 < argc)
			rounds = atoi(argv[++i]);
		else if (!strcmp(argv[i], "--scaling"))
			scaling = 1;
		else if (argv[i][0] == '-') {
			fprintf(stderr, "usage: %s [--rows N] [--scaling] [--rounds R] [FILE]\n", argv[0]);
			return 2;
		} else
			path = argv[i];
	}
	if (rounds < 1 || rounds > MAX_ROUNDS)
		rounds = 5;
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
		static const char *const tags[] = { " size=quarter", " size=half", " size=all" };
		for (int s = 0; s < 3; s++) {
			size_t n = rows >> (2 - s);
			run(&res[s], data, prefix_bytes(data, len, n), tmp, rounds, NULL);
			print_result(&res[s], tags[s]);
			printf("\n");
		}
		printf("bench=grid_load_scaling rows=%zu,%zu,%zu load_s=%.4f,%.4f,%.4f growth_per_doubling=%.2f,%.2f "
		       "floor_growth=%.2f,%.2f parse_growth=%.2f,%.2f\n",
		       res[0].nodes, res[1].nodes, res[2].nodes, res[0].load_s, res[1].load_s, res[2].load_s,
		       res[1].load_s / res[0].load_s, res[2].load_s / res[1].load_s,
		       res[1].floor_s / res[0].floor_s, res[2].floor_s / res[1].floor_s,
		       res[1].parse_s / res[0].parse_s, res[2].parse_s / res[1].parse_s);
		printf("grid_load scaling: %zu / %zu / %zu nodes in %.3f / %.3f / %.3f s; time grows %.2fx and %.2fx "
		       "per doubling (2.00 = linear; the read floor grows %.2fx, %.2fx)\n",
		       res[0].nodes, res[1].nodes, res[2].nodes, res[0].load_s, res[1].load_s, res[2].load_s,
		       res[1].load_s / res[0].load_s, res[2].load_s / res[1].load_s,
		       res[1].floor_s / res[0].floor_s, res[2].floor_s / res[1].floor_s);
	} else {
		double t_lookup, t_bsearch;
		unsigned long long hits = 0;
		result *r = &res[0];
		run(r, data, prefix_bytes(data, len, rows), tmp, rounds, &g);
		free(data);
		data = NULL;
		lookups(g, &t_lookup, &t_bsearch, &hits);
		print_result(r, "");
		printf(" peak_rss_bytes=%zu rounds=%d thp=%s lookups=%d lookup_s=%.4f bsearch_s=%.4f lookup_speedup=%.2f hits=%llu\n",
		       bu_peak_rss(), rounds, thp_mode(thp, sizeof thp), LOOKUPS, t_lookup, t_bsearch,
		       t_bsearch / t_lookup, hits);
		printf("grid_load: %zu nodes in %.3f s (%.2f M nodes/s, %.1fx the read+count floor of %.4f s, "
		       "%.1fx a wc -l style streamed count of %.4f s; "
		       "from memory %.3f s, %.1fx the in-memory count), %.0f bytes/node resident, "
		       "peak RSS growth during the load %.0f MiB (process peak %.0f MiB); 1M lookups %.3f s vs bsearch %.3f s "
		       "(median of %d)\n",
		       r->nodes, r->load_s, (double)r->nodes / r->load_s / 1e6, r->load_s / r->floor_s, r->floor_s,
		       r->load_s / r->stream_s, r->stream_s, r->parse_s, r->parse_s / r->memfloor_s, (double)r->grid_rss / (double)r->nodes,
		       (double)r->load_peak / 1048576.0, (double)bu_peak_rss() / 1048576.0,
		       t_lookup, t_bsearch, rounds);
		eg_grid_free(g);
	}
	unlink(tmp);
	free(data);
	return 0;
}
