/*
 * config: the workspace's settings for the bulletin, kept in the meta table
 * as config.KEY:
 *   office  the issuing office (发文机关), e.g. 昌吉回族自治州生态环境局
 *   number  the document number (文号), e.g. 昌州环网办〔2026〕12号
 *   date    the date of issue, YYYY-MM-DD (default: the day the bulletin is made, CST)
 *
 *   ecogrid config [list] | get KEY | set KEY VALUE | unset KEY
 */
#include "tool.h"

#include <stdlib.h>
#include <string.h>

static const char *const keys[] = { "office", "number", "date" };
#define N_KEYS (sizeof keys / sizeof keys[0])

static const char *key_text(const char *k)
{
	if (!strcmp(k, "office"))
		return _("the issuing office");
	if (!strcmp(k, "number"))
		return _("the document number");
	return _("the date of issue (YYYY-MM-DD; default: the day the bulletin is made)");
}

char *config_get(sqlite3 *db, const char *key)
{
	sqlite3_stmt *st;
	char full[64], *v = NULL;
	snprintf(full, sizeof full, "config.%s", key);
	if (sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key = ?", -1, &st, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_text(st, 1, full, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		v = strdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return v;
}

static int valid_date(const char *d)
{
	static const int dm[12] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int y, m, day;
	char tail;
	if (strlen(d) != 10 || d[4] != '-' || d[7] != '-' || sscanf(d, "%4d-%2d-%2d%c", &y, &m, &day, &tail) != 3)
		return 0;
	if (y < 1900 || m < 1 || m > 12 || day < 1 || day > dm[m - 1])
		return 0;
	return !(m == 2 && day == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
}

static int check_key(const char *k)
{
	for (size_t i = 0; i < N_KEYS; i++)
		if (!strcmp(k, keys[i]))
			return TOOL_OK;
	tool_unknown(TOOL_UNKNOWN_SETTING, "config", k, keys, N_KEYS);
	return TOOL_USAGE;
}

static int write_key(const tool_ctx *ctx, const char *key, const char *value)
{
	sqlite3 *db;
	sqlite3_stmt *st = NULL;
	char full[64], detail[600];
	int rc;
	snprintf(full, sizeof full, "config.%s", key);
	if (ws_open(&db, ctx->db_path, 1))
		return TOOL_FAIL;
	rc = ws_begin(db);
	if (!rc && sqlite3_prepare_v2(db, value ? "INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)"
						: "DELETE FROM meta WHERE key = ?",
				      -1, &st, NULL) != SQLITE_OK)
		rc = tool_fail("workspace: %s", sqlite3_errmsg(db));
	if (!rc) {
		sqlite3_bind_text(st, 1, full, -1, SQLITE_STATIC);
		if (value)
			sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = tool_fail("workspace: %s", sqlite3_errmsg(db));
	}
	sqlite3_finalize(st);
	snprintf(detail, sizeof detail, "%s=%s", key, value ? value : "");
	if (!rc)
		rc = ws_log(db, value ? "config set" : "config unset", detail);
	if (!rc)
		rc = ws_commit(db);
	if (rc)
		ws_rollback(db);
	ws_close(db);
	return rc;
}

int cmd_config(tool_ctx *ctx)
{
	const char *pos[3];
	size_t n;
	int rc;
	if ((rc = args_parse(ctx, 0, NULL, 0, pos, 3, &n, "config")))
		return rc;
	if (n == 0 || !strcmp(pos[0], "list")) {
		sqlite3 *db;
		if (n > 1) {
			tool_fail("config list: no arguments");
			return TOOL_USAGE;
		}
		if (ws_open(&db, ctx->db_path, 1))
			return TOOL_FAIL;
		for (size_t i = 0; i < N_KEYS; i++) {
			char *v = config_get(db, keys[i]);
			printf("%s\t%s\t# %s\n", keys[i], v ? v : _("(not set)"), key_text(keys[i]));
			free(v);
		}
		ws_close(db);
		return TOOL_OK;
	}
	if (!strcmp(pos[0], "get")) {
		sqlite3 *db;
		char *v;
		if (n != 2) {
			tool_fail("config get: which setting? (ecogrid config get office)");
			return TOOL_USAGE;
		}
		if ((rc = check_key(pos[1])))
			return rc;
		if (ws_open(&db, ctx->db_path, 1))
			return TOOL_FAIL;
		v = config_get(db, pos[1]);
		ws_close(db);
		if (!v)
			return tool_fail("config get: %s is not set (ecogrid config set %s ...)", pos[1], pos[1]);
		puts(v);
		free(v);
		return TOOL_OK;
	}
	if (!strcmp(pos[0], "set")) {
		if (n != 3) {
			tool_fail("config set: give a setting and its value (ecogrid config set office 昌吉回族自治州生态环境局)");
			return TOOL_USAGE;
		}
		if ((rc = check_key(pos[1])))
			return rc;
		if (in_text_check(pos[2], strlen(pos[2]), "config set", pos[1]))
			return TOOL_FAIL;
		if (!pos[2][0])
			return tool_fail("config set: the value is empty (use `ecogrid config unset %s`)", pos[1]);
		if (strlen(pos[2]) > 200)
			return tool_fail("config set: the value is longer than 200 bytes");
		if (!strcmp(pos[1], "date") && !valid_date(pos[2]))
			return tool_fail("config set: date \"%s\" is not a date YYYY-MM-DD", pos[2]);
		if ((rc = write_key(ctx, pos[1], pos[2])))
			return rc;
		printf(_("%s set to %s\n"), pos[1], pos[2]);
		return TOOL_OK;
	}
	if (!strcmp(pos[0], "unset")) {
		if (n != 2) {
			tool_fail("config unset: which setting?");
			return TOOL_USAGE;
		}
		if ((rc = check_key(pos[1])) || (rc = write_key(ctx, pos[1], NULL)))
			return rc;
		printf(_("%s is no longer set\n"), pos[1]);
		return TOOL_OK;
	}
	{
		static const char *const subs[] = { "list", "get", "set", "unset" };
		return tool_unknown(TOOL_UNKNOWN_SUBCOMMAND, "config", pos[0], subs, 4);
	}
}
