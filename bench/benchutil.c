#include "benchutil.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

double bu_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

double bu_cpu_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

size_t bu_peak_rss(void)
{
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	return (size_t)ru.ru_maxrss * 1024u;
}

size_t bu_rss(void)
{
	unsigned long size = 0, resident = 0;
	FILE *f = fopen("/proc/self/statm", "r");
	if (!f)
		return 0;
	if (fscanf(f, "%lu %lu", &size, &resident) != 2)
		resident = 0;
	fclose(f);
	return (size_t)resident * (size_t)sysconf(_SC_PAGESIZE);
}

char *bu_read_file(const char *path, size_t *len)
{
	size_t n = strlen(path), cap = 1u << 20, got = 0;
	char *buf = malloc(cap), cmd[4200];
	FILE *f;
	int is_gz = n > 3 && strcmp(path + n - 3, ".gz") == 0;
	if (!buf)
		return NULL;
	if (is_gz) {
		if (strchr(path, '\'') || snprintf(cmd, sizeof cmd, "gzip -dc '%s'", path) >= (int)sizeof cmd) {
			free(buf);
			return NULL;
		}
		f = popen(cmd, "r");
	} else {
		f = fopen(path, "rb");
	}
	if (!f) {
		free(buf);
		return NULL;
	}
	for (;;) {
		size_t r;
		if (cap - got < 65536) {
			char *t = realloc(buf, cap * 2);
			if (!t)
				break;
			buf = t;
			cap *= 2;
		}
		r = fread(buf + got, 1, cap - got, f);
		got += r;
		if (r == 0)
			break;
	}
	if (is_gz ? pclose(f) != 0 : fclose(f) != 0) {
		free(buf);
		return NULL;
	}
	*len = got;
	return buf;
}

const char *bu_shared_file(const char *relative, char *buf, size_t bufsz)
{
	const char *dir = getenv("ECOGRID_SHARED_DATA");
	struct stat st;
	if (!dir || !*dir)
		dir = "../shared/data";
	if ((size_t)snprintf(buf, bufsz, "%s/%s", dir, relative) >= bufsz || stat(buf, &st) != 0)
		return NULL;
	return buf;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

double bu_median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

bu_spread bu_spread_of(const double *v, int n)
{
	double w[BU_MAX_ROUNDS * 3];
	bu_spread s;
	if (n > BU_MAX_ROUNDS * 3)
		n = BU_MAX_ROUNDS * 3;
	memcpy(w, v, (size_t)n * sizeof *w);
	qsort(w, (size_t)n, sizeof *w, cmp_double);
	s.min = w[0];
	s.max = w[n - 1];
	s.med = n % 2 ? w[n / 2] : (w[n / 2 - 1] + w[n / 2]) / 2;
	return s;
}

bu_spread bu_ratio_spread(const double *a, const double *b, int n)
{
	double q[BU_MAX_ROUNDS * 3];
	if (n > BU_MAX_ROUNDS * 3)
		n = BU_MAX_ROUNDS * 3;
	for (int i = 0; i < n; i++)
		q[i] = a[i] / b[i];
	return bu_spread_of(q, n);
}

void bu_print_spread(const char *key, bu_spread s, int decimals)
{
	printf(" %s=%.*f %s_min=%.*f %s_max=%.*f", key, decimals, s.med, key, decimals, s.min, key, decimals, s.max);
}

void bu_print_scaling(const char *workload, const char *baseline, const double *t, const double *b, int rounds)
{
	double tm[3], bm[3], col[BU_MAX_ROUNDS], bcol[BU_MAX_ROUNDS], q[BU_MAX_ROUNDS];
	bu_spread qs;
	if (rounds > BU_MAX_ROUNDS)
		rounds = BU_MAX_ROUNDS;
	for (int s = 0; s < 3; s++) {
		for (int r = 0; r < rounds; r++) {
			col[r] = t[r * 3 + s];
			bcol[r] = b[r * 3 + s];
		}
		tm[s] = bu_median(col, rounds);
		bm[s] = bu_median(bcol, rounds);
	}
	/* Per round: the workload's growth from 1x to 4x over the baseline's, per doubling. */
	for (int r = 0; r < rounds; r++)
		q[r] = sqrt((t[r * 3 + 2] / t[r * 3]) / (b[r * 3 + 2] / b[r * 3]));
	qs = bu_spread_of(q, rounds);
	printf("bench=scaling workload=%s baseline=%s rounds=%d t=%.5f,%.5f,%.5f b=%.5f,%.5f,%.5f growth=%.2f,%.2f "
	       "baseline_growth=%.2f,%.2f rel=%.3f rel_min=%.3f rel_max=%.3f\n",
	       workload, baseline, rounds, tm[0], tm[1], tm[2], bm[0], bm[1], bm[2], tm[1] / tm[0], tm[2] / tm[1],
	       bm[1] / bm[0], bm[2] / bm[1], qs.med, qs.min, qs.max);
	printf("scaling %s: %.4f / %.4f / %.4f CPU s at 1x / 2x / 4x, growth %.2f and %.2f per doubling; %s grows "
	       "%.2f and %.2f; growth relative to the baseline's, per doubling (1x to 4x, median of %d rounds) %.3f "
	       "(spread %.3f-%.3f)\n",
	       workload, tm[0], tm[1], tm[2], tm[1] / tm[0], tm[2] / tm[1], baseline, bm[1] / bm[0], bm[2] / bm[1],
	       rounds, qs.med, qs.min, qs.max);
}

int bu_options(int argc, char **argv, int *scale, int *rounds)
{
	for (int i = 1; i < argc; i++) {
		int *dst = strcmp(argv[i], "--scale") == 0 ? scale : strcmp(argv[i], "--rounds") == 0 ? rounds : NULL;
		if (!dst)
			continue;
		if (i + 1 >= argc || (*dst = atoi(argv[i + 1])) < 1)
			return -1;
		i++;
	}
	return 0;
}

unsigned long long bu_rand(bu_rng *r)
{
	r->s ^= r->s >> 12;
	r->s ^= r->s << 25;
	r->s ^= r->s >> 27;
	return r->s * 2685821657736338717ULL;
}

unsigned long long bu_below(bu_rng *r, unsigned long long n)
{
	return (bu_rand(r) >> 11) % n;
}
