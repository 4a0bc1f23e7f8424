/*
 * The SQLite workspace: schema with forward migrations (PRAGMA user_version),
 * transactions, the run log, and rebuilding the library's grid from it.
 */
#include "tool.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* migrations[i] takes the schema from version i to i + 1. Never edit a
 * released entry: add a new one. */
static const char *const migrations[] = {
	/* Each entry is one script of concatenated literals, in parentheses so
	 * that compilers do not take the concatenation for a missing comma. */
	/* 0 -> 1: the grid and its staff, the run log. */
	("CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
	"CREATE TABLE grid_node(seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, parent TEXT,"
	"  name TEXT NOT NULL, level INTEGER NOT NULL, kind INTEGER NOT NULL);"
	"CREATE TABLE grid_staff(seq INTEGER PRIMARY KEY, node TEXT NOT NULL, role TEXT NOT NULL,"
	"  person TEXT NOT NULL, detail TEXT NOT NULL, covers TEXT NOT NULL);"
	"CREATE TABLE run_log(seq INTEGER PRIMARY KEY, at TEXT NOT NULL, command TEXT NOT NULL,"
	"  detail TEXT NOT NULL);"),
	/* 1 -> 2: the monthly cycle: inputs kept, results and ladder states replaced on re-run. */
	("CREATE TABLE month_input(month TEXT NOT NULL, unit TEXT NOT NULL, json TEXT NOT NULL, PRIMARY KEY(month, unit));"
	"CREATE TABLE month_result(month TEXT NOT NULL, unit TEXT NOT NULL, json TEXT NOT NULL, PRIMARY KEY(month, unit));"
	"CREATE TABLE ladder_state(ladder TEXT NOT NULL, month TEXT NOT NULL, state TEXT NOT NULL, PRIMARY KEY(ladder, month));"),
	/* 2 -> 3: record stores (JM-2.1 disclosure list, YL ledgers) as the library's
	 * byte-exact serialisation, and published inspection draws. */
	("CREATE TABLE record_store(kind TEXT PRIMARY KEY, text TEXT NOT NULL);"
	"CREATE TABLE draw(id TEXT PRIMARY KEY, at TEXT NOT NULL, json TEXT NOT NULL);"),
	/* 3 -> 4: the duty calendar (issue 18): what was done and what happened
	 * (records, events, exceptions, conflicts), group memberships and the
	 * caller's working-day calendar. An empty field is '' so that the same
	 * row imported twice is kept once (UNIQUE). */
	("CREATE TABLE duty_record(seq INTEGER PRIMARY KEY, type TEXT NOT NULL, kind TEXT NOT NULL,"
	"  actor TEXT NOT NULL, time TEXT NOT NULL, end_time TEXT NOT NULL, period TEXT NOT NULL,"
	"  rec_id TEXT NOT NULL, ref TEXT NOT NULL, subject TEXT NOT NULL, tags TEXT NOT NULL,"
	"  covers TEXT NOT NULL, rule TEXT NOT NULL, reason TEXT NOT NULL, approver TEXT NOT NULL,"
	"  source TEXT NOT NULL, UNIQUE(type, kind, actor, time, end_time, period, rec_id, ref, subject,"
	"  tags, covers, rule, reason, approver));"
	"CREATE TABLE duty_member(grp TEXT NOT NULL, member TEXT NOT NULL, PRIMARY KEY(grp, member));"
	"CREATE TABLE duty_day(day TEXT PRIMARY KEY, kind TEXT NOT NULL);"
	"CREATE TABLE duty_year(year INTEGER PRIMARY KEY);"),
	/* 4 -> 5: a monthly cycle an office can trust. month_import: what each
	 * import stored (hash of the rows, and the units missing against the grid
	 * of that time); month_run: what each run used (hashes of the inputs, the
	 * grid's level-2 units, the roster and the scheme; the month its ladders
	 * resumed from and the hash of that month's states; the hash of its own
	 * states; what was missing); output_file: files the tool wrote, so that
	 * --output replaces only its own unchanged outputs. */
	("CREATE TABLE month_import(month TEXT PRIMARY KEY, hash TEXT NOT NULL, at TEXT NOT NULL, file TEXT NOT NULL,"
	"  units INTEGER NOT NULL, grid_hash TEXT NOT NULL, missing TEXT NOT NULL);"
	"CREATE TABLE month_run(month TEXT PRIMARY KEY, at TEXT NOT NULL, inputs_hash TEXT NOT NULL,"
	"  grid_hash TEXT NOT NULL, roster_hash TEXT NOT NULL, scheme_hash TEXT NOT NULL, prev_month TEXT NOT NULL,"
	"  prev_state_hash TEXT NOT NULL, state_hash TEXT NOT NULL, allow_missing INTEGER NOT NULL, gaps TEXT NOT NULL);"
	"CREATE TABLE output_file(path TEXT PRIMARY KEY, sha256 TEXT NOT NULL, at TEXT NOT NULL, command TEXT NOT NULL);"),
	/* 5 -> 6: the workspace's scheme (issue 15): the canonical text of the
	 * document the monthly cycle runs, its SHA-256, its ID, the file or name
	 * it was given as, when. One row; migrate_scheme() fills it. */
	("CREATE TABLE scheme(slot INTEGER PRIMARY KEY CHECK(slot = 1), id TEXT NOT NULL, sha256 TEXT NOT NULL,"
	"  text TEXT NOT NULL, source TEXT NOT NULL, at TEXT NOT NULL);"),
};

int ws_exec(sqlite3 *db, const char *sql)
{
	char *err = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK) {
		tool_fail("workspace: %s", err ? err : sqlite3_errmsg(db));
		sqlite3_free(err);
		return TOOL_FAIL;
	}
	return TOOL_OK;
}

int ws_begin(sqlite3 *db) { return ws_exec(db, "BEGIN IMMEDIATE"); }
int ws_read_begin(sqlite3 *db) { return ws_exec(db, "BEGIN"); }
int ws_commit(sqlite3 *db) { return ws_exec(db, "COMMIT"); }
void ws_rollback(sqlite3 *db) { sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL); }

static void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };
	nanosleep(&ts, NULL);
}

/*
 * Another ecogrid command holds the workspace: wait up to 60 s (a month
 * run of a large prefecture takes seconds), saying so once on a terminal.
 */
static int busy_wait(void *payload, int count)
{
	(void)payload;
	if (count == 100 && isatty(STDERR_FILENO))
		fputs("ecogrid: waiting for another ecogrid command to finish with the workspace...\n", stderr);
	if (count >= 6000)
		return 0;
	sleep_ms(10);
	return 1;
}

/*
 * Schema 4 -> 5: the hash of every month already imported (its missing
 * units are computed on demand), and a run record marked "legacy" for every
 * month with results, which recorded nothing of what they used: stale
 * until run again.
 */
static int migrate_months(sqlite3 *db)
{
	sqlite3_stmt *st;
	int rc = TOOL_OK;
	if (sqlite3_prepare_v2(db, "SELECT DISTINCT month FROM month_input ORDER BY month", -1, &st, NULL) != SQLITE_OK)
		return tool_fail("workspace: %s", sqlite3_errmsg(db));
	while (!rc && sqlite3_step(st) == SQLITE_ROW) {
		char month[8], hash[65];
		sqlite3_stmt *ins;
		snprintf(month, sizeof month, "%s", (const char *)sqlite3_column_text(st, 0));
		if ((rc = ws_hash_month_inputs(hash, db, month)))
			break;
		if (sqlite3_prepare_v2(db, "INSERT INTO month_import(month, hash, at, file, units, grid_hash, missing) "
					   "SELECT ?, ?, '', '(before schema 5)', COUNT(*), '', '' FROM month_input WHERE month = ?",
				       -1, &ins, NULL) != SQLITE_OK)
			rc = tool_fail("workspace: %s", sqlite3_errmsg(db));
		else {
			sqlite3_bind_text(ins, 1, month, -1, SQLITE_STATIC);
			sqlite3_bind_text(ins, 2, hash, -1, SQLITE_STATIC);
			sqlite3_bind_text(ins, 3, month, -1, SQLITE_STATIC);
			if (sqlite3_step(ins) != SQLITE_DONE)
				rc = tool_fail("workspace: %s", sqlite3_errmsg(db));
			sqlite3_finalize(ins);
		}
	}
	sqlite3_finalize(st);
	if (!rc)
		rc = ws_exec(db, "INSERT INTO month_run(month, at, inputs_hash, grid_hash, roster_hash, scheme_hash, prev_month, "
				 "prev_state_hash, state_hash, allow_missing, gaps) SELECT DISTINCT month, '', 'legacy', '', '', '', "
				 "'', '', 'legacy', 0, '{}' FROM month_result");
	return rc;
}

int ws_scheme_store(sqlite3 *db, const eg_scheme *sc, const char *source)
{
	sqlite3_stmt *st;
	char at[32];
	int ok;
	ws_now(at, sizeof at);
	if (sqlite3_prepare_v2(db, "INSERT OR REPLACE INTO scheme(slot, id, sha256, text, source, at) VALUES(1, ?, ?, ?, ?, ?)",
			       -1, &st, NULL) != SQLITE_OK)
		return tool_fail("workspace: %s", sqlite3_errmsg(db));
	sqlite3_bind_text(st, 1, eg_scheme_id(sc), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, eg_scheme_sha256(sc), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, eg_scheme_text(sc), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, source, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, at, -1, SQLITE_STATIC);
	ok = sqlite3_step(st) == SQLITE_DONE;
	sqlite3_finalize(st);
	if (!ok)
		return tool_fail("workspace: %s", sqlite3_errmsg(db));
	ws_row_written();
	return TOOL_OK;
}

/*
 * Schema 5 -> 6: a workspace of an earlier tool ran the built-in Changji
 * scheme, which is the shipped document changji-2023 (the library proves
 * the documents give the results of the presets they replaced): store it,
 * and let the results that recorded the built-in scheme's identity record
 * the document's hash instead, so that they stay fresh.
 */
static int migrate_scheme(sqlite3 *db)
{
	static const char identity[] = "ecogrid built-in scheme v1: rule sets changji (by date); monthly ladders "
				       "CJ-A2-7.3 fed by item 4, CJ-A2-7.1 fed by the failing grade; air ranking "
				       "CJ-A3-5 by improvement rate, last place CJ-A3-4; profile by date\n";
	eg_scheme *sc = NULL;
	sqlite3_stmt *st;
	char old[65];
	int rc, e;
	if ((e = eg_scheme_named(&sc, WS_DEFAULT_SCHEME)) < 0)
		return tool_fail_eg(e, WS_DEFAULT_SCHEME);
	rc = ws_scheme_store(db, sc, WS_DEFAULT_SCHEME);
	if (!rc && eg_draw_sha256_hex(old, identity, sizeof identity - 1) < 0)
		rc = tool_fail_eg(EG_EINVAL, "hash");
	if (!rc && sqlite3_prepare_v2(db, "UPDATE month_run SET scheme_hash = ? WHERE scheme_hash = ?", -1, &st, NULL) != SQLITE_OK)
		rc = tool_fail("workspace: %s", sqlite3_errmsg(db));
	else if (!rc) {
		sqlite3_bind_text(st, 1, eg_scheme_sha256(sc), -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, old, -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = tool_fail("workspace: %s", sqlite3_errmsg(db));
		sqlite3_finalize(st);
	}
	eg_scheme_free(sc);
	return rc;
}

static int user_version(sqlite3 *db, int *v)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK)
		return tool_fail("workspace: %s", sqlite3_errmsg(db));
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return tool_fail("workspace: %s", sqlite3_errmsg(db));
	}
	*v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return TOOL_OK;
}

int ws_open(sqlite3 **out, const char *path, int must_exist)
{
	sqlite3 *db = NULL;
	int v = 0, flags = SQLITE_OPEN_READWRITE | (must_exist ? 0 : SQLITE_OPEN_CREATE);
	char sql[64];
	if (must_exist && access(path, F_OK) != 0)
		return tool_fail("workspace %s does not exist; run `ecogrid init` first", path);
	if (sqlite3_open_v2(path, &db, flags, NULL) != SQLITE_OK) {
		tool_fail("cannot open workspace %s: %s", path, db ? sqlite3_errmsg(db) : "out of memory");
		sqlite3_close(db);
		return TOOL_FAIL;
	}
	sqlite3_busy_handler(db, busy_wait, NULL);
	if (ws_exec(db, "PRAGMA foreign_keys=ON") || user_version(db, &v))
		goto fail;
	if (v > WS_SCHEMA_VERSION) {
		tool_fail("workspace %s has schema %d, newer than this tool's %d", path, v, WS_SCHEMA_VERSION);
		goto fail;
	}
	/* Schema 0 with tables: another program's SQLite file, never turned into a workspace (init makes schema >= 1). */
	if (v == 0) {
		sqlite3_stmt *st = NULL;
		int tables = -1;
		if (sqlite3_prepare_v2(db, "SELECT COUNT(*) FROM sqlite_master", -1, &st, NULL) == SQLITE_OK &&
		    sqlite3_step(st) == SQLITE_ROW)
			tables = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
		if (tables != 0) {
			tool_fail("%s is not an ecogrid workspace (an SQLite database with other tables); nothing was changed", path);
			goto fail;
		}
		/* An empty file (or an SQLite file without tables): only init makes it a workspace. */
		if (must_exist) {
			tool_fail("workspace %s is empty; run `ecogrid init` first", path);
			goto fail;
		}
	}
	if (v < WS_SCHEMA_VERSION) {
		/* Forward migrations, all in one transaction. */
		if (ws_begin(db))
			goto fail;
		for (; v < WS_SCHEMA_VERSION; v++)
			if (ws_exec(db, migrations[v]) || (v == 4 && migrate_months(db)) || (v == 5 && migrate_scheme(db))) {
				ws_rollback(db);
				goto fail;
			}
		snprintf(sql, sizeof sql, "PRAGMA user_version=%d", WS_SCHEMA_VERSION);
		if (ws_exec(db, sql) || ws_commit(db)) {
			ws_rollback(db);
			goto fail;
		}
	}
	*out = db;
	return TOOL_OK;
fail:
	sqlite3_close(db);
	return TOOL_FAIL;
}

void ws_close(sqlite3 *db) { sqlite3_close(db); }

void ws_test_pause(void)
{
	const char *s = getenv("ECOGRID_TEST_PAUSE_MS");
	if (s && atol(s) > 0)
		sleep_ms(atol(s));
}

void ws_now(char *at, size_t size)
{
	time_t now = time(NULL) + 8 * 3600; /* CST, R0.3 */
	struct tm tm;
	gmtime_r(&now, &tm);
	strftime(at, size, "%Y-%m-%dT%H:%M:%S+08:00", &tm);
}

/* SHA-256 over the rows of a query: each column, then TAB, each row then LF, after a tag line. */
static int hash_rows(char *hex, sqlite3 *db, const char *tag, const char *sql, const char *param)
{
	sqlite3_stmt *st;
	char *buf = NULL;
	size_t len = 0, cap = 0;
	int rc = TOOL_OK, step;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return tool_fail("workspace: %s", sqlite3_errmsg(db));
	if (param)
		sqlite3_bind_text(st, 1, param, -1, SQLITE_STATIC);
	for (int row = -1; !rc; row++) {
		int ncol = 0;
		const char *parts[8];
		size_t lens[8], need = 0;
		if (row < 0) {
			parts[0] = tag;
			lens[0] = strlen(tag);
			ncol = 1;
		} else {
			if ((step = sqlite3_step(st)) == SQLITE_DONE)
				break;
			if (step != SQLITE_ROW) {
				rc = tool_fail("workspace: %s", sqlite3_errmsg(db));
				break;
			}
			ncol = sqlite3_column_count(st) < 8 ? sqlite3_column_count(st) : 8;
			for (int c = 0; c < ncol; c++) {
				const unsigned char *t = sqlite3_column_text(st, c);
				parts[c] = t ? (const char *)t : "";
				lens[c] = t ? (size_t)sqlite3_column_bytes(st, c) : 0;
			}
		}
		for (int c = 0; c < ncol; c++)
			need += lens[c] + 1;
		if (len + need + 1 > cap) {
			char *t;
			cap = (len + need + 1) * 2;
			if (!(t = realloc(buf, cap))) {
				rc = tool_fail("out of memory");
				break;
			}
			buf = t;
		}
		for (int c = 0; c < ncol; c++) {
			memcpy(buf + len, parts[c], lens[c]);
			len += lens[c];
			buf[len++] = c + 1 < ncol ? '\t' : '\n';
		}
	}
	sqlite3_finalize(st);
	if (!rc && eg_draw_sha256_hex(hex, buf ? buf : "", len) < 0)
		rc = tool_fail_eg(EG_EINVAL, "hash");
	free(buf);
	return rc;
}

int ws_hash_month_inputs(char *hex, sqlite3 *db, const char *month)
{
	return hash_rows(hex, db, "ecogrid-month-inputs-v1", "SELECT unit, json FROM month_input WHERE month = ? ORDER BY unit",
			 month);
}

int ws_hash_units(char *hex, sqlite3 *db)
{
	/* What the monthly cycle uses of the grid: its level-2 units and their kinds. */
	return hash_rows(hex, db, "ecogrid-units-v1",
			 "SELECT id, kind FROM grid_node WHERE level = 2 AND kind <> 2 ORDER BY id", NULL);
}

int ws_hash_roster(char *hex, sqlite3 *db)
{
	return hash_rows(hex, db, "ecogrid-roster-v1",
			 "SELECT node, role, person, detail, covers FROM grid_staff ORDER BY seq", NULL);
}

void ws_row_written(void)
{
	static long rows; /* process-wide counter for the crash test hook */
	const char *s = getenv("ECOGRID_TEST_CRASH_AFTER");
	if (s && ++rows >= atol(s))
		_exit(70); /* like a kill: no commit, no rollback, no cleanup */
}

int ws_log(sqlite3 *db, const char *command, const char *detail)
{
	sqlite3_stmt *st;
	char at[32];
	int ok;
	ws_now(at, sizeof at); /* log timestamps in CST (UTC+8), R0.3 */
	if (sqlite3_prepare_v2(db, "INSERT INTO run_log(at, command, detail) VALUES(?,?,?)", -1, &st, NULL) != SQLITE_OK)
		return tool_fail("workspace: %s", sqlite3_errmsg(db));
	sqlite3_bind_text(st, 1, at, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, command, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, detail, -1, SQLITE_TRANSIENT);
	ok = sqlite3_step(st) == SQLITE_DONE;
	sqlite3_finalize(st);
	if (!ok)
		return tool_fail("workspace: %s", sqlite3_errmsg(db));
	ws_row_written();
	return TOOL_OK;
}

static const char *col(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return t ? (const char *)t : NULL;
}

/*
 * Apply one staff row to an in-memory grid through the library, which does
 * all the validation. `where` prefixes the error ("FILE: line 5").
 * Roles: head (one row per head; the first two rows of a node are its dual
 * heads, CJ-G.3), subhead (detail = rank, covers = space-separated node IDs,
 * CJ-G.4/CJ-G.5), supervisor (detail = full_time or part_time, CJ-G.6/CJ-G.7).
 */
int staff_apply(eg_grid *g, const char *where, const char *node, const char *role,
		const char *person, const char *detail, const char *covers)
{
	int e;
	if (strcmp(role, "head") == 0) {
		const eg_node *nd;
		const char *h1 = NULL, *h2 = NULL;
		if (*detail || *covers)
			return tool_fail("%s: a head row has no detail or covers (got \"%s\", \"%s\")", where, detail, covers);
		e = eg_grid_lookup(&nd, g, node);
		if (e == EG_OK)
			e = eg_grid_heads(&h1, &h2, g, nd);
		if (e == EG_OK && h1 && h2)
			return tool_fail("%s: node %s has more than two grid heads (%s, %s, %s); CJ-G.3 asks for dual heads",
					 where, node, h1, h2, person);
		if (e == EG_OK)
			e = h1 ? eg_grid_set_heads(g, node, h1, person) : eg_grid_set_heads(g, node, person, NULL);
	} else if (strcmp(role, "supervisor") == 0) {
		int staff = strcmp(detail, "full_time") == 0 ? EG_STAFF_FULL_TIME
			  : strcmp(detail, "part_time") == 0 ? EG_STAFF_PART_TIME : -1;
		if (staff < 0)
			return tool_fail("%s: supervisor detail must be full_time or part_time, not \"%s\"", where, detail);
		if (*covers)
			return tool_fail("%s: a supervisor row has no covers", where);
		e = eg_grid_add_supervisor(g, node, person, staff);
	} else if (strcmp(role, "subhead") == 0) {
		char *buf;
		const char **ids;
		size_t n = 0, cap = 1;
		int rank = strcmp(detail, "deputy_division") == 0 ? EG_RANK_DEPUTY_DIVISION
			 : strcmp(detail, "deputy_section") == 0 ? EG_RANK_DEPUTY_SECTION
			 : strcmp(detail, "other") == 0 ? EG_RANK_OTHER : -1;
		if (rank < 0)
			return tool_fail("%s: sub-head rank must be deputy_division, deputy_section or other, not \"%s\"",
					 where, detail);
		for (const char *c = covers; *c; c++)
			cap += *c == ' ';
		buf = strdup(covers);
		ids = malloc(cap * sizeof *ids);
		if (!buf || !ids) {
			free(buf);
			free(ids);
			return tool_fail("%s: out of memory", where);
		}
		for (char *tok = strtok(buf, " "); tok; tok = strtok(NULL, " "))
			ids[n++] = tok;
		e = eg_grid_add_subhead(g, node, person, rank, ids, n);
		free(ids);
		free(buf);
	} else {
		return tool_fail("%s: role must be head, subhead or supervisor, not \"%s\"", where, role);
	}
	if (e < 0)
		return tool_fail("%s: %s", where, tool_eg_message());
	return TOOL_OK;
}

int ws_load_nodes(eg_grid **out, sqlite3 *db)
{
	eg_grid *g = NULL;
	sqlite3_stmt *st = NULL;
	int rc;
	if ((rc = eg_grid_new(&g)) < 0)
		return tool_fail_eg(rc, "grid");
	if (sqlite3_prepare_v2(db, "SELECT id, parent, name, level, kind FROM grid_node ORDER BY seq", -1, &st, NULL) != SQLITE_OK)
		goto sqlfail;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int e = eg_grid_add(NULL, g, col(st, 0), col(st, 1), col(st, 2), &(eg_grid_add_options){ EG_GRID_ADD_OPTIONS_VERSION, sqlite3_column_int(st, 3), sqlite3_column_int(st, 4) });
		if (e < 0) {
			sqlite3_finalize(st);
			eg_grid_free(g);
			return tool_fail_eg(e, "workspace grid");
		}
	}
	if (rc != SQLITE_DONE)
		goto sqlfail;
	sqlite3_finalize(st);
	*out = g;
	return TOOL_OK;
sqlfail:
	tool_fail("workspace: %s", sqlite3_errmsg(db));
	sqlite3_finalize(st);
	eg_grid_free(g);
	return TOOL_FAIL;
}

int ws_load_grid(eg_grid **out, sqlite3 *db)
{
	eg_grid *g = NULL;
	sqlite3_stmt *st = NULL;
	int rc;
	if (ws_load_nodes(&g, db))
		return TOOL_FAIL;
	if (sqlite3_prepare_v2(db, "SELECT node, role, person, detail, covers, seq FROM grid_staff ORDER BY seq", -1, &st, NULL) != SQLITE_OK)
		goto sqlfail;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char where[64];
		snprintf(where, sizeof where, "workspace staff row %d", sqlite3_column_int(st, 5));
		if (staff_apply(g, where, col(st, 0), col(st, 1), col(st, 2), col(st, 3), col(st, 4))) {
			sqlite3_finalize(st);
			eg_grid_free(g);
			return TOOL_FAIL;
		}
	}
	if (rc != SQLITE_DONE)
		goto sqlfail;
	sqlite3_finalize(st);
	*out = g;
	return TOOL_OK;
sqlfail:
	tool_fail("workspace: %s", sqlite3_errmsg(db));
	sqlite3_finalize(st);
	eg_grid_free(g);
	return TOOL_FAIL;
}

int ws_records_load(eg_records **out, sqlite3 *db, const char *kind)
{
	sqlite3_stmt *st = NULL;
	int rc, e;
	if (sqlite3_prepare_v2(db, "SELECT text FROM record_store WHERE kind = ?", -1, &st, NULL) != SQLITE_OK)
		return tool_fail("workspace: %s", sqlite3_errmsg(db));
	sqlite3_bind_text(st, 1, kind, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		const char *text = (const char *)sqlite3_column_text(st, 0);
		e = eg_records_parse(out, text ? text : "", (size_t)sqlite3_column_bytes(st, 0));
	} else if (rc == SQLITE_DONE) {
		e = eg_records_new(out);
	} else {
		tool_fail("workspace: %s", sqlite3_errmsg(db));
		sqlite3_finalize(st);
		return TOOL_FAIL;
	}
	sqlite3_finalize(st);
	return e < 0 ? tool_fail_eg(e, kind) : TOOL_OK;
}

int ws_records_save(sqlite3 *db, const char *kind, const eg_records *r)
{
	sqlite3_stmt *st = NULL;
	char *text = NULL;
	int e, ok;
	if ((e = eg_records_serialize(&text, r)) < 0)
		return tool_fail_eg(e, kind);
	if (sqlite3_prepare_v2(db, "INSERT OR REPLACE INTO record_store(kind, text) VALUES(?, ?)", -1, &st, NULL) != SQLITE_OK) {
		eg_string_free(text);
		return tool_fail("workspace: %s", sqlite3_errmsg(db));
	}
	sqlite3_bind_text(st, 1, kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, text, -1, SQLITE_STATIC);
	ok = sqlite3_step(st) == SQLITE_DONE;
	sqlite3_finalize(st);
	eg_string_free(text);
	if (!ok)
		return tool_fail("workspace: %s", sqlite3_errmsg(db));
	ws_row_written();
	return TOOL_OK;
}
