/* Timing and memory helpers for the benchmarks. */
#ifndef EG_BENCHUTIL_H
#define EG_BENCHUTIL_H

#include <stddef.h>

/* Monotonic seconds. */
double bu_now(void);
/* Peak resident set size of this process, in bytes. */
size_t bu_peak_rss(void);
/* Current resident set size, in bytes (from /proc/self/statm; 0 if unknown). */
size_t bu_rss(void);
/*
 * Read a whole file into memory; a path ending in .gz is decompressed by
 * running `gzip -dc` (the library itself never needs zlib). Returns NULL
 * on failure; free with free().
 */
char *bu_read_file(const char *path, size_t *len);
/* The national division file from ECOGRID_SHARED_DATA or ../shared/data, or NULL. */
const char *bu_shared_file(const char *relative, char *buf, size_t bufsz);

#endif
