/*
 * libFuzzer harness: the ecogrid tool's duty import (`ecogrid duty
 * import`, issue 18): csv_read_file() (tools/ecogrid/csvin.c, libcsv) reads
 * the input through a memfd with the duty header, each row goes to
 * duty_check_row() (tools/ecogrid/cmd_duty.c), which hands it to the
 * library (eg_duty_log_add, eg_duty_log_add_member, eg_duty_workdays_set);
 * when the whole file is accepted the duty calendar is judged on it
 * (eg_duty_status with the CJ-M-3.5 and DG-61 presets over 2026).
 */
#define _GNU_SOURCE
#include "tool.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n);

static const char *const header[14] = { "type", "kind", "actor", "time", "end", "period", "id",
					"ref", "subject", "tags", "covers", "rule", "reason", "approver" };

typedef struct state {
	eg_duty_log *log;
	eg_duty_workdays *cal;
} state;

static int on_row(void *payload, size_t line, char **f, size_t n)
{
	state *s = payload;
	char where[64];
	if (n != 14)
		abort(); /* csv_read_file checks the field count */
	snprintf(where, sizeof where, "fuzz.csv: line %zu", line);
	return duty_check_row(s->log, s->cal, where, f);
}

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
	static int fd = -1;
	char path[64];
	state s = { NULL, NULL };
	if (fd < 0 && (fd = memfd_create("fuzz_tool_duty", 0)) < 0)
		abort();
	if (ftruncate(fd, 0) != 0 || pwrite(fd, d, n, 0) != (ssize_t)n)
		abort();
	snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	if (eg_duty_log_new(&s.log) != EG_OK || eg_duty_workdays_new(&s.cal) != EG_OK)
		abort();
	if (csv_read_file(path, header, 14, on_row, &s) == TOOL_OK) {
		static const char *const presets[] = { "CJ-M-3.5", "DG-61", "MEE-2.4" };
		eg_duty_status_options o = EG_DUTY_STATUS_OPTIONS_INIT;
		o.from = "2026-01-01";
		o.workdays = s.cal;
		for (size_t k = 0; k < 3; k++) {
			eg_duty_set *set = NULL;
			eg_duty_rows *rows = NULL;
			int rc;
			if (eg_duty_set_preset(&set, presets[k]) != EG_OK)
				abort();
			rc = eg_duty_status(&rows, set, s.log, "2026-12-31", &o);
			/* Only a calendar the input left short (EG_ERANGE) may refuse. */
			if (rc != EG_OK && rc != EG_ERANGE)
				abort();
			for (size_t i = 0; i < eg_duty_rows_count(rows); i++)
				if (!eg_duty_rows_message(rows, i, EG_LANG_EN) || eg_duty_rows_state(rows, i) < 0)
					abort();
			eg_duty_rows_free(rows);
			eg_duty_set_free(set);
		}
	}
	eg_duty_log_free(s.log);
	eg_duty_workdays_free(s.cal);
	return 0;
}
