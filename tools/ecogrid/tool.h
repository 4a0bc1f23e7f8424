/*
 * The ecogrid command-line tool: shared declarations. The tool uses only
 * the public ecogrid API (it is the proof that the API is enough), SQLite
 * for the workspace, libcsv for CSV and jansson for JSON.
 */
#ifndef ECOGRID_TOOL_H
#define ECOGRID_TOOL_H

#include <ecogrid/ecogrid.h>
#include <libintl.h>
#include <sqlite3.h>
#include <stdio.h>

/* Exit statuses (documented in ecogrid(1) and `ecogrid help`). */
#define TOOL_OK 0
#define TOOL_FAIL 1  /* the command failed; the workspace is unchanged */
#define TOOL_USAGE 2 /* bad command line */

typedef struct tool_ctx {
	const char *db_path; /* --db, default ./ecogrid.db */
	int lang;            /* EG_LANG_ZH (default) or EG_LANG_EN: --lang, else LANGUAGE/LC_ALL/LC_MESSAGES/LANG */
	int argc;            /* arguments after the command words */
	char **argv;
	int verbose;          /* --verbose: the library's own detail (eg_error_last()) after a failure */
	const char *encoding; /* --encoding of CSV inputs: NULL (detect), "utf-8", "gb18030" */
} tool_ctx;

/*
 * Messages: GNU gettext, domain "ecogrid", catalogues po/zh_CN.po and
 * po/en.po. The English text is the message ID; main() picks the catalogue
 * of the language in use. tests/check_messages.py fails when a message
 * marked here is missing from a catalogue.
 *   _("text")       a message, translated where it is used
 *   N_("text")      marked for the catalogue, translated later with _()
 *   tool_fail(...)  its format is a message (translated inside)
 */
#define _(s) gettext(s)
#define N_(s) (s)
/* Older pairs: the English text is the message ID and the Chinese one is
 * in po/zh_CN.po (being replaced by _() file by file). */
#define TR(ctx, zh, en) (sizeof(zh) && sizeof(ctx) ? _(en) : _(en))

/* Print "ecogrid: <message>" to stderr, the format translated; returns TOOL_FAIL. */
int tool_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/*
 * A failed library call (status rc) while doing `what` (already in the
 * user's language): "ecogrid: <what>: <the library's detail as a sentence in
 * the user's language>" (see errmsg.c); with --verbose also the raw
 * eg_error_last() text for developers. Returns TOOL_FAIL.
 */
/* The sentence for a library status code in the user's language ("a value is not valid"). */
const char *tool_code_sentence(int code);
/* A phrase of a scheme document's refusal (what was expected or found) in the user's language. */
const char *tool_scheme_phrase(char *out, size_t size, const char *en);
/* The library's sentence of a scheme refusal ("scheme: line L, column C, at P: expected X, found Y") in the user's language. */
const char *tool_scheme_detail(char *out, size_t size, const char *detail);
int tool_fail_eg(int rc, const char *what);
/*
 * The library's last error (eg_error_last()) as a sentence in the user's
 * language, with its parameters, never naming internal functions. Static
 * buffer, valid until the next call.
 */
const char *tool_eg_message(void);
/* Set by main(): --verbose. */
void tool_set_verbose(int on);
/* The language messages are in (EG_LANG_ZH or EG_LANG_EN), for the few that name a thing differently per language. */
void tool_set_lang(int lang);
int tool_lang(void);

/* Workspace (ws.c). */
#define WS_SCHEMA_VERSION 6
/* Open an existing workspace and migrate it forward; must_exist=0 creates it. */
int ws_open(sqlite3 **out, const char *path, int must_exist);
void ws_close(sqlite3 *db);
/* BEGIN IMMEDIATE: every command that writes reads what it writes after this. */
int ws_begin(sqlite3 *db);
/* BEGIN (deferred): a consistent snapshot for a command that only reads; end with ws_commit(). */
int ws_read_begin(sqlite3 *db);
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
/*
 * Test hook: ECOGRID_TEST_PAUSE_MS=N sleeps N ms where a command has read,
 * inside its transaction, what it is about to write (the concurrency test
 * makes two commands overlap there).
 */
void ws_test_pause(void);
/* The time now in CST, "YYYY-MM-DDTHH:MM:SS+08:00" (R0.3). */
void ws_now(char *at, size_t size);
/* SHA-256 (hex, 65 bytes) of a month's stored inputs, of the grid's level-2 units, of the staff roster. */
int ws_hash_month_inputs(char *hex, sqlite3 *db, const char *month);
int ws_hash_units(char *hex, sqlite3 *db);
int ws_hash_roster(char *hex, sqlite3 *db);

/* Rebuild the grid's nodes only, or nodes and staff, from the workspace. */
int ws_load_nodes(eg_grid **out, sqlite3 *db);
int ws_load_grid(eg_grid **out, sqlite3 *db);
/* Apply one staff row (see ws.c) to a grid; `where` prefixes errors. */
int staff_apply(eg_grid *g, const char *where, const char *node, const char *role,
		const char *person, const char *detail, const char *covers);

/*
 * Reading CSV files through libcsv (csvin.c). A file may be UTF-8 (with or
 * without a BOM) or GB18030/GBK (Excel on Chinese Windows), detected or set
 * with --encoding; headers and enumerated values may be Chinese or English
 * (网格长 = head), in any column order; codes that Excel mangled
 * (6.52327E+11, 652301000000.0, full-width digits) are refused with the fix.
 */
typedef int (*csv_row_fn)(void *payload, size_t line, char **fields, size_t n);
/* Calls fn for every non-blank record after the header, fields in the order of `expect`. */
int csv_read_file(const char *path, const char *const *expect, size_t n_expect,
		  csv_row_fn fn, void *payload);
/* The same with optional columns: expect[n_required..] may be absent (their fields are ""). */
int csv_read_file_ex(const char *path, const char *const *expect, size_t n_expect, size_t n_required,
		     csv_row_fn fn, void *payload);
/* TOOL_OK, or an error with the fix when a code is in scientific notation, has a stray ".0" or full-width digits. */
int csv_check_code(const char *where, const char *column, const char *value);
/* TOOL_OK, or an error with the fix when a number has full-width digits (numbers and counts: no Excel code hints). */
int csv_check_number(const char *where, const char *column, const char *value);
/* "node (网格代码), role (角色), ..." for messages; the first Chinese name of a column. Static buffers. */
const char *csv_columns_text(const char *const *expect, size_t n);
const char *csv_column_zh(const char *english);
/* A column as messages name it: its Chinese header in Chinese, its English key in English. */
const char *csv_column_label(const char *english);
/* strerror() for the errors people meet (no such file ...), in the user's language. */
const char *tool_strerror(int errnum);
/* --encoding for every CSV input: NULL or "auto" (detect), "utf-8", "gbk", "gb18030". */
int csv_set_encoding(const char *encoding);
/*
 * Read a whole input file as UTF-8 text: the BOM dropped, GB18030/GBK
 * converted (as --encoding says, or detected). *out is NUL-terminated;
 * free() it. Errors are reported.
 */
int text_read_file(char **out, size_t *len, const char *path);

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
/* Cells in a row, the last of them ending the row when `last`. */
void out_csv_cells(FILE *f, const char *const *cells, size_t n, int last);
void out_html_escape(FILE *f, const char *s);
/* A self-contained page: <head> with inline CSS, then <h1>title</h1>. */
void out_html_begin(FILE *f, const char *title, int lang);
/* The same page's head and style sheet up to <body>, without the <h1> (a page that heads itself). */
void out_html_head(FILE *f, const char *title, int lang);
void out_html_end(FILE *f);
/*
 * --output (out.c): written to a temporary file beside it and renamed over
 * it when complete; never the workspace; an existing file only when it is
 * an unchanged earlier output of this workspace, or with --force.
 */
typedef struct out_target {
	FILE *f; /* write here */
	const char *path, *db_path, *command;
	char *abs, *tmp;
	int force;
} out_target;
/* Open --output `path` (NULL: standard output) for `command`. */
int out_open(out_target *o, const tool_ctx *ctx, const char *path, int force, const char *command);
/* Finish: sync, check again, rename, record (or flush standard output). */
int out_close(out_target *o);
/* Give up: the temporary file is removed, the old file stays. */
void out_abort(out_target *o);
/* TOOL_OK when format is one of allowed[], otherwise a message naming them. */
int out_format_ok(const char *format, const char *const *allowed, size_t n, const char *cmd);

/*
 * Command-line options of a subcommand (args.c, getopt_long): "--name VALUE"
 * or "--name=VALUE", or a flag set to "1"; options anywhere, `--` ends them.
 * args_parse returns TOOL_USAGE after printing the error.
 */
typedef struct tool_opt {
	const char *name;
	const char **value;
	int is_flag;
} tool_opt;
/* Parse ctx->argv[start..]: options into their values, the rest into pos[] (at most max_pos). */
int args_parse(const tool_ctx *ctx, int start, const tool_opt *opts, size_t n_opts, const char **pos,
	       size_t max_pos, size_t *n_pos, const char *cmd);
/* The candidate closest to a mistyped word ("reprot" -> "report"), or NULL if none is close. */
const char *tool_suggest(const char *word, const char *const *candidates, size_t n);
/* "unknown option/command/subcommand WORD; did you mean ...?" for command cmd (NULL: the tool); returns TOOL_USAGE. */
#define TOOL_UNKNOWN_OPTION 0
#define TOOL_UNKNOWN_COMMAND 1
#define TOOL_UNKNOWN_SUBCOMMAND 2
#define TOOL_UNKNOWN_SETTING 3
int tool_unknown(int kind, const char *cmd, const char *word, const char *const *candidates, size_t n);
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

/*
 * The monthly cycle's bookkeeping (cycle.c).
 *
 * cycle_scheme: what the workspace's scheme (the document stored by
 * `ecogrid init --scheme`, table `scheme`) asks of each month: its rule
 * sets by date, the ladders its months feed and with what, its air-quality
 * ranking. Loaded with cycle_scheme_load(), freed with cycle_scheme_free().
 */
#define CYCLE_FEED_ITEM_COUNT 0 /* the month's count of a deduction item (e.g. CJ-A2-7.3: item 4) */
#define CYCLE_FEED_FAILED 1     /* 1 when the month's grade is fail (e.g. CJ-A2-7.1) */
#define CYCLE_MAX_LADDERS 4
typedef struct cycle_scheme {
	char name[65];            /* the scheme's ID, e.g. "changji-2023" */
	char hash[65];            /* SHA-256 of the scheme's canonical text (what results record) */
	eg_scheme *scheme;        /* the document (owned) */
	size_t n_ladders;         /* ladders fed by the assessment each month */
	const char *ladder[CYCLE_MAX_LADDERS];
	int feed[CYCLE_MAX_LADDERS];              /* CYCLE_FEED_* */
	const char *feed_item[CYCLE_MAX_LADDERS]; /* the item of CYCLE_FEED_ITEM_COUNT */
	int air;                  /* an air-quality ranking: every unit needs air data (or "air_station": false) */
	const char *last_place;   /* its last-place ladder, or NULL */
} cycle_scheme;
int cycle_scheme_load(cycle_scheme *s, sqlite3 *db);
void cycle_scheme_free(cycle_scheme *s);
/* Fill s from a loaded scheme (taking ownership of sc, also on failure): what the tool can run of it. */
int cycle_scheme_from(cycle_scheme *s, eg_scheme *sc);
/* The scheme's rule set in force on a day, its air-quality profile (NULL without a ranking), a ladder by name. */
int cycle_ruleset(eg_ruleset **out, const cycle_scheme *s, const char *day);
int cycle_profile(eg_airq_profile **out, const cycle_scheme *s, const char *day);
int cycle_ladder(eg_ladder **out, const cycle_scheme *s, const char *name);
/* The rule ID a scheme's source at a JSON pointer cites ("/air_quality/ranking" -> "CJ-A3-5"), or NULL. */
const char *cycle_source_rule(const eg_scheme *sc, const char *pointer);
/* The name of the scheme a workspace is made with when `init` is given none. */
#define WS_DEFAULT_SCHEME "changji-2023"
/* Store a scheme as the workspace's (inside the caller's transaction); `source` is the file or name given. */
int ws_scheme_store(sqlite3 *db, const eg_scheme *sc, const char *source);
/* The blocks a unit's month input lacks, as a new JSON array ("inputs" when u is NULL). */
struct json_t *cycle_unit_missing(const cycle_scheme *s, struct json_t *u);

/* "YYYY-MM" with digits only, 1900-01 to 9999-12. */
int month_valid(const char *m);
/* Months since year 0 (calendar arithmetic), and back to "YYYY-MM" (8 bytes). */
int month_index(const char *m);
void month_format(char *out, int index);

/* Why a stored result is stale. */
enum {
	CYCLE_WHY_LEGACY, CYCLE_WHY_INPUTS_DROPPED, CYCLE_WHY_INPUTS_CHANGED, CYCLE_WHY_UNITS_CHANGED,
	CYCLE_WHY_SCHEME_CHANGED, CYCLE_WHY_PREDECESSOR_CHANGED, CYCLE_WHY_PREDECESSOR_NOT_RUN,
	CYCLE_WHY_PREDECESSOR_STALE, CYCLE_WHY_PREDECESSOR_RERUN
};
typedef struct cycle_why {
	int code;
	char arg[40];
} cycle_why;
enum { CYCLE_NOTHING, CYCLE_NOT_RUN, CYCLE_FRESH, CYCLE_STALE };
typedef struct cyc_month {
	char month[8];
	int imported, run, legacy; /* legacy: results of a tool before schema 5 (no record of what they used) */
	char import_hash[65], import_at[32], import_units_hash[65];
	char *import_file, *missing; /* missing: JSON {unit: [blocks]} against the grid at import */
	int n_units;
	char run_at[32], inputs_hash[65], units_hash[65], roster_hash[65], scheme_hash[65];
	char prev_month[8], prev_state_hash[65], state_hash[65];
	int allow_missing;
	char *gaps; /* JSON: what the run found missing */
	int state;  /* CYCLE_NOT_RUN, CYCLE_FRESH or CYCLE_STALE */
	cycle_why why[8];
	size_t n_why;
} cyc_month;
typedef struct cycle {
	cyc_month *m; /* every month imported, run or with results, oldest first */
	size_t n, cap;
	char units_hash[65], roster_hash[65], scheme_hash[65]; /* now */
} cycle;
/* Load the months and judge each one's freshness (call inside a transaction). */
int cycle_load(cycle *c, sqlite3 *db, const cycle_scheme *s);
void cycle_free(cycle *c);
const cyc_month *cycle_find(const cycle *c, const char *month);
/* The latest month before `month` with inputs or results, or NULL. */
const cyc_month *cycle_before(const cycle *c, const char *month);
/* The earliest month from which `month run --from` brings `month` up to date (`month` itself, or an earlier stale or unrun month). */
const cyc_month *cycle_root(const cycle *c, const char *month);
/* A reason as a sentence in a language (into buf), and as a code for JSON. */
const char *cycle_why_text(const cycle_why *w, int lang, char *buf, size_t size);
const char *cycle_why_code(int code);
/* A missing block ("inputs", "assessment", "air", ...) in words. */
const char *cycle_block_label(const char *block, int lang);

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
/*
 * For the fuzz harnesses (tests/fuzz/fuzz_tool_*.c), the row paths of the
 * record and draw imports without a workspace. records_apply_csv applies a
 * disclosure ("disclosure") or ledger ("ledger") CSV file to a store, row by
 * row through the library. draw_selfcheck reads a draw's files, draws, and
 * checks that the record it would publish verifies (eg_draw_record_check):
 * TOOL_OK, TOOL_FAIL for refused input, -1 when a fresh record does not verify.
 */
int records_apply_csv(eg_records *r, const char *kind, const char *file, size_t *rows);
int draw_selfcheck(const char *frame, const char *quotas, const char *inspectors, const char *conflicts, const char *seed,
		   size_t per_object);

/* `ecogrid month import|run|drop ...` */
int cmd_month(tool_ctx *ctx);
/* `ecogrid status`: every month imported / run / stale and why, and the units missing. */
int cmd_status(tool_ctx *ctx);
int cmd_report(tool_ctx *ctx);
int cmd_demo(tool_ctx *ctx);
int cmd_disclose(tool_ctx *ctx);
int cmd_ledger(tool_ctx *ctx);
int cmd_draw(tool_ctx *ctx);
int cmd_duty(tool_ctx *ctx);
/* `ecogrid verify ...`: the same as `ecogrid draw verify ...`. */
int cmd_verify(tool_ctx *ctx);
/* `ecogrid template KIND`, `ecogrid config ...` (cmd_template.c, cmd_config.c). */
int cmd_template(tool_ctx *ctx);
int cmd_config(tool_ctx *ctx);
/* A workspace setting (config.KEY in the meta table), or NULL when unset; malloc'd. */
char *config_get(sqlite3 *db, const char *key);
/*
 * The month document of FILE for `month import` (monthin.c): the JSON
 * document (a BOM is fine), or a CSV file with one row per level-2 unit
 * turned into the same document. Errors are reported.
 */
struct json_t;
int month_doc_load(struct json_t **out, const char *file);
/* `ecogrid scheme show|check|diff|export ...` (cmd_scheme.c). */
int cmd_scheme(tool_ctx *ctx);
/* A scheme from a file (a path, or anything with '/' or ending in ".json") or a shipped name; errors printed. */
int scheme_open(eg_scheme **out, const tool_ctx *ctx, const char *file_or_name);
/*
 * The scheme whose rules a command applies: `override` (a file or shipped
 * name given with --scheme) when set, else the workspace's own (stored by
 * `ecogrid init --scheme`); errors printed.
 */
int scheme_for(eg_scheme **out, const tool_ctx *ctx, const char *override);
/* Apply a unit's "assessment" object of a month document to inputs (cmd_month.c); errors name the JSON path. */
int month_apply_assessment(eg_assess_input *in, struct json_t *a, const char *path);

#endif
