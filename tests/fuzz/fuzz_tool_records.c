/*
 * libFuzzer harness: the ecogrid tool's record imports (`ecogrid disclose
 * import` and `ecogrid ledger import`, tools/ecogrid/cmd_records.c). The
 * first byte picks the kind (even: the JM-2.1 disclosure list, odd: the YL
 * ledger); the rest is the CSV file, read through a memfd by csv_read_file
 * (tools/ecogrid/csvin.c: libcsv, the text check of every field) and applied
 * row by row through the library by records_apply_csv. When the file is
 * accepted, the store serialises, parses back and serialises to the same
 * text, and every record's JM-2.1.2 update status (disclosure) or ledger
 * state (ledger) can be read.
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
	static int fd = -1;
	char path[64], *text = NULL, *again = NULL;
	eg_records *r = NULL, *back = NULL;
	size_t rows = 0;
	int ledger;
	if (n == 0)
		return 0;
	ledger = d[0] & 1;
	if (fd < 0 && (fd = memfd_create("fuzz_tool_records", 0)) < 0)
		abort();
	if (ftruncate(fd, 0) != 0 || pwrite(fd, d + 1, n - 1, 0) != (ssize_t)(n - 1))
		abort();
	snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	if (eg_records_new(&r) != EG_OK)
		abort();
	if (records_apply_csv(r, ledger ? "ledger" : "disclosure", path, &rows) == TOOL_OK) {
		if (eg_records_serialize(&text, r) != EG_OK || eg_records_parse(&back, text, strlen(text)) != EG_OK ||
		    eg_records_serialize(&again, back) != EG_OK || strcmp(text, again) != 0)
			abort();
		for (size_t i = 0; i < eg_records_count(r); i++) {
			const char *id = eg_records_id_at(r, i);
			int st = -1, overdue;
			int32_t late;
			if (ledger)
				(void)eg_ledger_status(&st, &overdue, r, id, "2026-12-31");
			else if (eg_disclosure_update_status(&st, &late, r, id, 2026, 3) == EG_OK &&
				 (st < EG_DISCLOSURE_UPDATE_ON_TIME || st > EG_DISCLOSURE_UPDATE_NOT_DUE))
				abort();
		}
	}
	eg_string_free(text);
	eg_string_free(again);
	eg_records_free(back);
	eg_records_free(r);
	return 0;
}
