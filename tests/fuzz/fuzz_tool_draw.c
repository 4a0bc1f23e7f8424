/*
 * libFuzzer harness: the ecogrid tool's draw inputs (`ecogrid draw run`,
 * tools/ecogrid/cmd_draw.c). The input is up to four CSV files separated by
 * 0xFF bytes (never valid UTF-8, so never inside a field that passes):
 * FRAME (stratum,id), QUOTAS (stratum,quota: a number or DG-8-city /
 * DG-8-town), INSPECTORS (inspector) and CONFLICTS (inspector,object). Each
 * goes through a memfd to csv_read_file; draw_selfcheck draws with the
 * library and pairs one or two inspectors per object when an inspector file
 * is given. The check besides memory errors and UB: when the inputs are
 * accepted, the record the tool would publish, read back as `verify` reads
 * it, passes every check of eg_draw_record_check (sizes, quota rules,
 * selection, inspector hash, pairing, skips).
 */
#define _GNU_SOURCE
#include "tool.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n);

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
	static int fd[4] = { -1, -1, -1, -1 };
	char path[4][64];
	size_t start = 0, k = 0;
	int rc;
	for (int i = 0; i < 4; i++) {
		if (fd[i] < 0 && (fd[i] = memfd_create("fuzz_tool_draw", 0)) < 0)
			abort();
		if (ftruncate(fd[i], 0) != 0)
			abort();
		snprintf(path[i], sizeof path[i], "/proc/self/fd/%d", fd[i]);
	}
	for (size_t i = 0; i <= n && k < 4; i++)
		if (i == n || (d[i] == 0xFF && k < 3)) {
			if (pwrite(fd[k], d + start, i - start, 0) != (ssize_t)(i - start))
				abort();
			k++;
			start = i + 1;
		}
	rc = draw_selfcheck(path[0], path[1], k > 2 ? path[2] : NULL, k > 3 ? path[3] : NULL, "2026Q4 fuzz seed",
			    k > 2 ? 1 + (n % 2) : 0);
	if (rc < 0)
		abort(); /* a fresh draw's record does not verify */
	return 0;
}
