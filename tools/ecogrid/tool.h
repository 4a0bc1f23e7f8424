/*
 * The ecogrid command-line tool: shared declarations. The tool uses only
 * the public ecogrid API (it is the proof that the API is enough), SQLite
 * for the workspace, libcsv for CSV and jansson for JSON.
 */
#ifndef ECOGRID_TOOL_H
#define ECOGRID_TOOL_H

#include <ecogrid/ecogrid.h>
#include <sqlite3.h>
#include <stdio.h>

/* Exit statuses. */
#define TOOL_OK 0
#define TOOL_FAIL 1  /* the command failed; the workspace is unchanged */
#define TOOL_USAGE 2 /* bad command line */

typedef struct tool_ctx {
	const char *db_path; /* --db, default ./ecogrid.db */
	int lang;            /* EG_LANG_ZH (default) or EG_LANG_EN (--lang en) */
	int argc;            /* arguments after the command words */
	char **argv;
} tool_ctx;

/* Messages in the chosen language. */
#define TR(ctx, zh, en) ((ctx)->lang == EG_LANG_EN ? (en) : (zh))

/* Print "ecogrid: <message>" to stderr; returns TOOL_FAIL. */
int tool_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Same, with eg_error_last()'s detail appended; returns TOOL_FAIL. */
int tool_fail_eg(int rc, const char *what);

/* Workspace (ws.c). */
#define WS_SCHEMA_VERSION 4
/* Open an existing workspace and migrate it forward; must_exist=0 creates it. */
int ws_open(sqlite3 **out, const char *path, int must_exist);
void ws_close(sqlite3 *db);
int ws_begin(sqlite3 *db);
int ws_commit(sqlite3 *db);
void ws_rollback(sqlite3 *db);
/* Run one SQL statement without results; returns TOOL_OK or TOOL_FAIL with a message. */
int ws_exec(sqlite3 *db, const char *sql);
/* Append a row to run_log inside the current transaction. */
int ws_log(sqlite3 *db, const char *command, const char *detail);
/*
 * Test hook: ECOGRID_TEST_CRASH_AFTER=N makes the process exit abruptly
 * (without committing or rolling back) after the N-th row written in a
 * transaction, to prove that a killed run loses nothing.
 */
void ws_row_written(void);

/* Rebuild the grid's nodes only, or nodes and staff, from the workspace. */
int ws_load_nodes(eg_grid **out, sqlite3 *db);
int ws_load_grid(eg_grid **out, sqlite3 *db);
/* Apply one staff row (see ws.c) to a grid; `where` prefixes errors. */
int staff_apply(eg_grid *g, const char *where, const char *node, const char *role,
		const char *person, const char *detail, const char *covers);

/* Reading CSV files through libcsv (csvin.c). */
typedef int (*csv_row_fn)(void *payload, size_t line, char **fields, size_t n);
/* Calls fn for every record after the header; header fields are checked against `expect`. */
int csv_read_file(const char *path, const char *const *expect, size_t n_expect,
		  csv_row_fn fn, void *payload);

/*
 * Input text (input.c): the one check every text field of every input goes
 * through. Refuses bytes that are not UTF-8, C0 control characters (NUL
 * included) and DEL, and the bidirectional overrides and isolates U+202A-
 * U+202E and U+2066-U+2069, naming `where` (file and line) and the field.
 */
int in_text_check(const char *s, size_t len, const char *where, const char *field);
/* Every string and key of a JSON input, named by its JSON path. */
struct json_t;
int in_json_check(struct json_t *doc, const char *file);
/* Every node ID and name of a grid read from `file`. */
int in_grid_check(const eg_grid *g, const char *file);

/* Record stores kept in the workspace (kind "disclosure" or "ledger"), serialised by the library. */
int ws_records_load(eg_records **out, sqlite3 *db, const char *kind);
/* Replace the stored text of `kind` inside the caller's transaction. */
int ws_records_save(sqlite3 *db, const char *kind, const eg_records *r);

/* Output helpers (out.c). */
void out_csv_cell(FILE *f, const char *s, int last);
void out_html_escape(FILE *f, const char *s);
/* A self-contained page: <head> with inline CSS, then <h1>title</h1>. */
void out_html_begin(FILE *f, const char *title, int lang);
void out_html_end(FILE *f);
/* Open --output (NULL: stdout) / close it, reporting write errors. */
int out_open(FILE **f, const char *path);
int out_close(FILE *f, const char *path);
/* TOOL_OK when format is one of allowed[], otherwise a message naming them. */
int out_format_ok(const char *format, const char *const *allowed, size_t n, const char *cmd);

/* Command-line options of a subcommand: "--name VALUE", or a flag set to "1". */
typedef struct tool_opt {
	const char *name;
	const char **value;
	int is_flag;
} tool_opt;
/* Parse ctx->argv[start..]: options into their values, the rest into pos[] (at most max_pos). */
int args_parse(const tool_ctx *ctx, int start, const tool_opt *opts, size_t n_opts, const char **pos,
	       size_t max_pos, size_t *n_pos, const char *cmd);
/* When --help or -h is among the arguments, print the text for the language and return 1. */
int wants_help(const tool_ctx *ctx, const char *zh, const char *en);

/*
 * One row of `ecogrid duty import` (cmd_duty.c; columns type, kind, actor,
 * time, end, period, id, ref, subject, tags, covers, rule, reason,
 * approver) checked by the library: a record goes into `log`, a member into
 * its group, a holiday, working day or year into `cal`. Exposed for the
 * fuzz harness (tests/fuzz/fuzz_tool_duty.c).
 */
int duty_check_row(eg_duty_log *log, eg_duty_workdays *cal, const char *where, char **f);

/* Commands. */
int cmd_init(tool_ctx *ctx);
int cmd_grid(tool_ctx *ctx);
int cmd_month_import(tool_ctx *ctx, const char *month, const char *file);
/*
 * Validate a month document (cmd_month.c's format) against a rule set and
 * the grid's level-2 units; errors name the file and JSON path. Exposed
 * for the fuzz harness (tests/fuzz/fuzz_tool_month.c).
 */
int month_validate(struct json_t *doc, const char *file, const eg_ruleset *rs, const eg_grid *g);
int cmd_month_run(tool_ctx *ctx, const char *month);
int cmd_report(tool_ctx *ctx);
int cmd_demo(tool_ctx *ctx);
int cmd_disclose(tool_ctx *ctx);
int cmd_ledger(tool_ctx *ctx);
int cmd_draw(tool_ctx *ctx);
int cmd_duty(tool_ctx *ctx);
/* `ecogrid verify ...`: the same as `ecogrid draw verify ...`. */
int cmd_verify(tool_ctx *ctx);

#endif
