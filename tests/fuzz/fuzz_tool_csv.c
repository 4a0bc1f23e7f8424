/*
 * libFuzzer harness: the ecogrid tool's CSV importer with the staff roster
 * (`ecogrid grid staff`): csv_read_file() (tools/ecogrid/csvin.c, libcsv)
 * reads the input through a memfd, with the roster header
 * node,role,person,detail,covers, and each row goes to staff_apply()
 * (tools/ecogrid/ws.c) on a fresh small grid; the grid that results is
 * checked (eg_grid_check) when the whole roster applied.
 */
#define _GNU_SOURCE
#include "tool.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n);

static const char grid_csv[] =
	"code,parent_code,level,name\n"
	"P,,1,州\n"
	"C,P,2,县\n"
	"K,P,2,园区\n"
	"T1,C,3,一镇\n"
	"T2,C,3,二镇\n"
	"V1,T1,4,一村\n"
	"V2,T2,4,二村\n";

static const char *const header[5] = { "node", "role", "person", "detail", "covers" };

typedef struct roster {
	eg_grid *g;
	size_t rows;
} roster;

static int on_row(void *payload, size_t line, char **f, size_t n)
{
	roster *r = payload;
	char where[64];
	if (n != 5)
		abort(); /* csv_read_file checks the field count */
	snprintf(where, sizeof where, "fuzz.csv: line %zu", line);
	if (staff_apply(r->g, where, f[0], f[1], f[2], f[3], f[4]))
		return 1;
	r->rows++;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
	static int fd = -1;
	char path[64];
	roster r = { NULL, 0 };
	if (fd < 0 && (fd = memfd_create("fuzz_tool_csv", 0)) < 0)
		abort();
	if (ftruncate(fd, 0) != 0 || pwrite(fd, d, n, 0) != (ssize_t)n)
		abort();
	snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	if (eg_grid_parse_csv(&r.g, grid_csv, sizeof grid_csv - 1, NULL) != EG_OK)
		abort();
	if (csv_read_file(path, header, 5, on_row, &r) == TOOL_OK) {
		eg_findings *f = NULL;
		if (eg_grid_check(&f, r.g) != EG_OK)
			abort();
		eg_findings_free(f);
	}
	eg_grid_free(r.g);
	return 0;
}
