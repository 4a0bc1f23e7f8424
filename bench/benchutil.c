#include "benchutil.h"

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
