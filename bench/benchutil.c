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
