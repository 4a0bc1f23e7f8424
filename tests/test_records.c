/* records.h: the append-only store (history, as-of reads, byte-exact serialisation). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "util/alloc.h"

static eg_records *store(void)
{
	eg_records *r = NULL;
	assert_int_equal(eg_records_new(&r), EG_OK);
	return r;
}

static void put1(eg_records *r, const char *id, const char *time, const char *key, const char *value)
{
	assert_int_equal(eg_records_put(r, id, time, "江门市环委办", "季度更新", &(eg_records_put_options){ EG_RECORDS_PUT_OPTIONS_VERSION, &key, &value, 1 }), EG_OK);
}

static const char *get(const eg_records *r, const char *id, const char *key, const char *as_of)
{
	const char *v = NULL;
	assert_int_equal(eg_records_get(&v, r, id, key, as_of), EG_OK);
	return v;
}

static void test_records_history_as_of_and_append_only(void **state)
{
	(void)state;
	eg_records *r = store();
	const char *keys[] = { "name", "district", "progress" }, *vals[] = { "某造纸厂", "新会区", "未开工" };
	const char *t, *a, *why;
	assert_int_equal(eg_records_put(r, "JM-001", "2026-01-10 09:00", "新会区", "列入清单", &(eg_records_put_options){ EG_RECORDS_PUT_OPTIONS_VERSION, keys, vals, 3 }), EG_OK);
	put1(r, "JM-001", "2026-04-02 10:00", "progress", "已完成50%");
	put1(r, "JM-001", "2026-07-03 23:59", "progress", "已完成");
	assert_string_equal(get(r, "JM-001", "progress", NULL), "已完成");
	assert_string_equal(get(r, "JM-001", "progress", "2026-05-01 00:00"), "已完成50%");
	assert_string_equal(get(r, "JM-001", "progress", "2026-04-02 09:59"), "未开工");
	assert_string_equal(get(r, "JM-001", "name", "2026-07-04 00:00"), "某造纸厂"); /* carried over */
	assert_null(get(r, "JM-001", "nothing", NULL));
	assert_int_equal(eg_records_version_count(r, "JM-001"), 3);
	assert_int_equal(eg_records_version(&t, &a, &why, r, "JM-001", 0), EG_OK);
	assert_string_equal(t, "2026-01-10 09:00");
	assert_string_equal(a, "新会区");
	assert_string_equal(why, "列入清单");
	/* Append-only: an update before the last version is refused and changes nothing. */
	assert_error(eg_records_put(r, "JM-001", "2026-07-03 23:58", "x", "y", &(eg_records_put_options){ EG_RECORDS_PUT_OPTIONS_VERSION, keys, vals, 1 }), EG_EINVAL,
		     "before its last version at 2026-07-03 23:59");
	assert_int_equal(eg_records_version_count(r, "JM-001"), 3);
	{
		const char *v = NULL;
		assert_error(eg_records_get(&v, r, "JM-001", "name", "2025-12-31 23:59"), EG_ENOTFOUND, "did not exist yet");
		assert_error(eg_records_get(&v, r, "JM-404", "name", NULL), EG_ENOTFOUND, "JM-404");
	}
	assert_error(eg_records_put(r, "JM-002", "2026-13-01 00:00", "x", "y", &(eg_records_put_options){ EG_RECORDS_PUT_OPTIONS_VERSION, keys, vals, 1 }), EG_EINVAL, "not YYYY-MM-DD HH:MM");
	assert_error(eg_records_put(r, "JM-002", "2026-01-01 00:00", "x", "y", &(eg_records_put_options){ EG_RECORDS_PUT_OPTIONS_VERSION, keys, vals, 0 }), EG_EINVAL, "at least one field");
	{
		const char *dk[] = { "a", "a" }, *dv[] = { "1", "2" }, *bad[] = { "\xFF" };
		assert_error(eg_records_put(r, "JM-002", "2026-01-01 00:00", "x", "y", &(eg_records_put_options){ EG_RECORDS_PUT_OPTIONS_VERSION, dk, dv, 2 }), EG_EINVAL, "field a is given twice");
		assert_error(eg_records_put(r, "JM-002", "2026-01-01 00:00", "x", "y", &(eg_records_put_options){ EG_RECORDS_PUT_OPTIONS_VERSION, dk, bad, 1 }), EG_EUTF8, "field a");
	}
	assert_int_equal(eg_records_count(r), 1);
	eg_records_free(r);
}

static void test_records_serialise_round_trip_byte_exact(void **state)
{
	(void)state;
	eg_records *r = store(), *back = NULL;
	char *a = NULL, *b = NULL;
	char time[32], value[64];
	/* Many versions, values with newlines, colons and Chinese text. */
	for (int k = 0; k < 50; k++) {
		snprintf(time, sizeof time, "2026-%02d-%02d 08:%02d", 1 + k / 28, 1 + k % 28, k % 60);
		snprintf(value, sizeof value, "第%d次:进展\n第二行 %d", k, k * 7);
		put1(r, k % 2 ? "A" : "B", time, k % 3 ? "progress" : "note", value);
	}
	assert_int_equal(eg_records_serialize(&a, r), EG_OK);
	assert_int_equal(eg_records_parse(&back, a, strlen(a)), EG_OK);
	assert_int_equal(eg_records_serialize(&b, back), EG_OK);
	assert_string_equal(a, b);
	assert_string_equal(get(back, "A", "progress", "2026-01-20 00:00"), get(r, "A", "progress", "2026-01-20 00:00"));
	assert_int_equal(eg_records_version_count(back, "A"), 25);
	/* Truncation and junk are parse errors naming the line. */
	assert_error(eg_records_parse(&back, a, strlen(a) - 2), EG_EPARSE, "records line");
	assert_error(eg_records_parse(&back, "ecogrid-records 2\n", 18), EG_EPARSE, "line 1");
	eg_string_free(a);
	eg_string_free(b);
	eg_records_free(back);
	eg_records_free(r);
}

static void test_records_parse_rejects_each_malformed_field(void **state)
{
	(void)state;
	eg_records *r = NULL;
	static const char *const bad[] = {
		"ecogrid-records 1\nrecords x\n",
		"ecogrid-records 1\nrecords 1\nrecord 1:A 1\nversion 2026-01-01 0",
		"ecogrid-records 1\nrecords 1\nrecord 1:A 1\nversion 2026-13-01 00:00 1:a 1:b 1\nfield 1:k 1:v\n",
		"ecogrid-records 1\nrecords 1\nrecord 1:A 1\nversion 2026-01-01 00:00 1:a 1:b 2\nfield 1:k 1:v\n",
		"ecogrid-records 1\nrecords 1\nrecord 1:A 1\nversion 2026-01-01 00:00 1:a 1:b 1\nfield 1:k 5:v\n",
		"ecogrid-records 1\nrecords 1\nrecord 1:A 2\nversion 2026-01-02 00:00 1:a 1:b 1\nfield 1:k 1:v\n"
		"version 2026-01-01 00:00 1:a 1:b 1\nfield 1:k 1:v\n",
		"ecogrid-records 1\nrecords 0\ntrailing",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		int rc = eg_records_parse(&r, bad[i], strlen(bad[i]));
		if (rc != EG_EPARSE)
			fail_msg("case %zu: status %d (%s)", i, rc, eg_error_last()->message);
		assert_non_null(strstr(eg_error_last()->message, "records line"));
		assert_null(r);
	}
	assert_error(eg_records_parse(&r, "\xFF", 1), EG_EUTF8, NULL);
	assert_error(eg_records_parse(NULL, "x", 1), EG_EINVAL, NULL);
	assert_error(eg_records_new(NULL), EG_EINVAL, NULL);
	assert_error(eg_records_serialize(NULL, NULL), EG_EINVAL, NULL);
	assert_int_equal(eg_records_count(NULL), 0);
	assert_null(eg_records_id_at(NULL, 0));
	assert_int_equal(eg_records_version_count(NULL, "A"), 0);
	eg_records_free(NULL);
}

static int scenario_records(void *unused)
{
	(void)unused;
	eg_records *r = NULL, *back = NULL;
	char *text = NULL;
	const char *keys[] = { "state", "lead_unit", "target", "deadline" };
	const char *vals[] = { "open", "b", "c", "2026-06-30" };
	const char *k = "progress", *v = "50%";
	int rc;
	if ((rc = eg_records_new(&r)) < 0)
		return rc;
	if ((rc = eg_records_put(r, "P", "2026-01-01 09:00", "a", "registered", &(eg_records_put_options){ EG_RECORDS_PUT_OPTIONS_VERSION, keys, vals, 4 })) == EG_OK &&
	    (rc = eg_records_put(r, "P", "2026-01-02 09:00", "a", "b", &(eg_records_put_options){ EG_RECORDS_PUT_OPTIONS_VERSION, &k, &v, 1 })) == EG_OK &&
	    (rc = eg_records_put(r, "P", "2026-01-03 09:00", "a", "b", &(eg_records_put_options){ EG_RECORDS_PUT_OPTIONS_VERSION, keys, vals + 1, 1 })) == EG_OK &&
	    (rc = eg_records_serialize(&text, r)) == EG_OK)
		rc = eg_records_parse(&back, text, strlen(text));
	if (rc < 0 && r)
		assert_true(eg_records_version_count(r, "P") <= 3);
	eg_string_free(text);
	eg_records_free(back);
	eg_records_free(r);
	return rc;
}

static void test_records_every_allocation_failure_is_clean(void **state)
{
	(void)state;
	assert_true(tu_alloc_fail_loop(scenario_records, NULL) > 10);
}

/* Every NULL argument of the record functions is refused with EG_EINVAL
 * and a detail naming the function (one row per argument, since each is
 * tested separately in the code). */
static void test_records_every_null_argument_is_einval(void **state)
{
	(void)state;
	eg_records *r = store();
	const char *k[] = { "a" }, *v[] = { "1" }, *val, *t, *a, *why;
	put1(r, "JM-001", "2026-01-10 09:00", "a", "1");
	assert_error(eg_records_put(NULL, "X", "2026-01-10 09:00", "x", "y", &(eg_records_put_options){ EG_RECORDS_PUT_OPTIONS_VERSION, k, v, 1 }), EG_EINVAL, "eg_records_put");
	assert_error(eg_records_put(r, "X", NULL, "x", "y", &(eg_records_put_options){ EG_RECORDS_PUT_OPTIONS_VERSION, k, v, 1 }), EG_EINVAL, "eg_records_put");
	assert_error(eg_records_put(r, "X", "2026-01-10 09:00", "x", "y", &(eg_records_put_options){ EG_RECORDS_PUT_OPTIONS_VERSION, NULL, v, 1 }), EG_EINVAL, "eg_records_put");
	assert_error(eg_records_put(r, "X", "2026-01-10 09:00", "x", "y", &(eg_records_put_options){ EG_RECORDS_PUT_OPTIONS_VERSION, k, NULL, 1 }), EG_EINVAL, "eg_records_put");
	assert_error(eg_records_put(r, "X", "2026-01-10 09:00", NULL, "y", &(eg_records_put_options){ EG_RECORDS_PUT_OPTIONS_VERSION, k, v, 1 }), EG_EINVAL, "actor");
	assert_error(eg_records_put(r, "X", "2026-01-10 09:00", "x", NULL, &(eg_records_put_options){ EG_RECORDS_PUT_OPTIONS_VERSION, k, v, 1 }), EG_EINVAL, "reason");
	assert_error(eg_records_get(NULL, r, "JM-001", "a", NULL), EG_EINVAL, "eg_records_get");
	assert_error(eg_records_get(&val, NULL, "JM-001", "a", NULL), EG_EINVAL, "eg_records_get");
	assert_error(eg_records_get(&val, r, NULL, "a", NULL), EG_EINVAL, "eg_records_get");
	assert_error(eg_records_get(&val, r, "JM-001", NULL, NULL), EG_EINVAL, "eg_records_get");
	assert_error(eg_records_get(&val, r, "JM-001", "a", "2026-01-10"), EG_EINVAL, "as_of \"2026-01-10\"");
	assert_error(eg_records_version(NULL, &a, &why, r, "JM-001", 0), EG_EINVAL, "eg_records_version");
	assert_error(eg_records_version(&t, NULL, &why, r, "JM-001", 0), EG_EINVAL, "eg_records_version");
	assert_error(eg_records_version(&t, &a, NULL, r, "JM-001", 0), EG_EINVAL, "eg_records_version");
	assert_error(eg_records_version(&t, &a, &why, NULL, "JM-001", 0), EG_EINVAL, "eg_records_version");
	assert_error(eg_records_version(&t, &a, &why, r, NULL, 0), EG_EINVAL, "eg_records_version");
	/* Version 1 of a record with one version (index 0 only): not found. */
	assert_error(eg_records_version(&t, &a, &why, r, "JM-001", 1), EG_ENOTFOUND, "has no version 1");
	assert_error(eg_records_version(&t, &a, &why, r, "JM-404", 0), EG_ENOTFOUND, "JM-404");
	/* Nothing was added by any of the refused calls. */
	assert_int_equal(eg_records_count(r), 1);
	eg_records_free(r);
}

/* ---- Record values, growth and atomic failure ---- */

static void test_records_value_limits_and_bad_fields(void **state)
{
	(void)state;
	eg_records *r = store();
	char *big = malloc(65538);
	const char *k = "big", *v, *nul = NULL, *empty_key = "", *null_key = NULL;
	assert_non_null(big);
	/* Exactly 65536 bytes is allowed; 65537 is one over. */
	memset(big, 'v', 65536);
	big[65536] = '\0';
	v = big;
	assert_int_equal(eg_records_put(r, "A", "2026-01-01 00:00", "x", "y", &(eg_records_put_options){ EG_RECORDS_PUT_OPTIONS_VERSION, &k, &v, 1 }), EG_OK);
	assert_int_equal(strlen(get(r, "A", "big", NULL)), 65536);
	big[65536] = 'v';
	big[65537] = '\0';
	assert_error(eg_records_put(r, "A", "2026-01-02 00:00", "x", "y", &(eg_records_put_options){ EG_RECORDS_PUT_OPTIONS_VERSION, &k, &v, 1 }), EG_ERANGE,
		     "field big: value longer than 65536 bytes");
	free(big);
	assert_error(eg_records_put(r, "A", "2026-01-02 00:00", "x", "y", &(eg_records_put_options){ EG_RECORDS_PUT_OPTIONS_VERSION, &k, &nul, 1 }), EG_EINVAL, "field big: value is NULL");
	v = "1";
	assert_error(eg_records_put(r, "A", "2026-01-02 00:00", "x", "y", &(eg_records_put_options){ EG_RECORDS_PUT_OPTIONS_VERSION, &empty_key, &v, 1 }), EG_EINVAL, "field name is empty");
	assert_error(eg_records_put(r, "A", "2026-01-02 00:00", "x", "y", &(eg_records_put_options){ EG_RECORDS_PUT_OPTIONS_VERSION, &null_key, &v, 1 }), EG_EINVAL, "field name is NULL");
	assert_error(eg_records_put(r, "", "2026-01-02 00:00", "x", "y", &(eg_records_put_options){ EG_RECORDS_PUT_OPTIONS_VERSION, &k, &v, 1 }), EG_EINVAL, "record ID is empty");
	assert_error(eg_records_put(r, NULL, "2026-01-02 00:00", "x", "y", &(eg_records_put_options){ EG_RECORDS_PUT_OPTIONS_VERSION, &k, &v, 1 }), EG_EINVAL, "record ID is NULL");
	/* An empty value is a value (not "unset"). */
	v = "";
	assert_int_equal(eg_records_put(r, "A", "2026-01-02 00:00", "x", "y", &(eg_records_put_options){ EG_RECORDS_PUT_OPTIONS_VERSION, &k, &v, 1 }), EG_OK);
	assert_string_equal(get(r, "A", "big", NULL), "");
	/* None of the refused calls added a version: 2 puts succeeded. */
	assert_int_equal(eg_records_version_count(r, "A"), 2);
	/* An update with no field is a version too (actor and reason recorded). */
	assert_int_equal(eg_records_put(r, "A", "2026-01-03 00:00", "x", "核查无变化", &(eg_records_put_options){ EG_RECORDS_PUT_OPTIONS_VERSION, NULL, NULL, 0 }), EG_OK);
	assert_int_equal(eg_records_version_count(r, "A"), 3);
	eg_records_free(r);
}

static void test_records_growth_past_16_records_and_4_versions(void **state)
{
	(void)state;
	eg_records *r = store();
	char id[8], t[20];
	const char *k = "n", *v = "1";
	/* The store starts with room for 16 records, a record with room for 4 versions. */
	for (int i = 0; i < 16; i++) {
		snprintf(id, sizeof id, "R%02d", i);
		put1(r, id, "2026-01-01 00:00", "n", "1");
	}
	/* The 17th record needs the array doubled: that allocation fails, the store is unchanged. */
	eg__alloc_fail_after(0);
	assert_error(eg_records_put(r, "R16", "2026-01-01 00:00", "x", "y", &(eg_records_put_options){ EG_RECORDS_PUT_OPTIONS_VERSION, &k, &v, 1 }), EG_ENOMEM, "adding a record");
	eg__alloc_fail_reset();
	assert_int_equal(eg_records_count(r), 16);
	assert_int_equal(eg_records_version_count(r, "R16"), 0);
	put1(r, "R16", "2026-01-01 00:00", "n", "1");
	assert_int_equal(eg_records_count(r), 17);
	assert_string_equal(eg_records_id_at(r, 16), "R16");
	assert_null(eg_records_id_at(r, 17)); /* one past the end */
	/* Versions 2-4 of R00 fit; the 5th needs the versions doubled. */
	for (int k2 = 2; k2 <= 4; k2++) {
		snprintf(t, sizeof t, "2026-01-0%d 00:00", k2);
		snprintf(id, sizeof id, "%d", k2);
		put1(r, "R00", t, "n", id);
	}
	eg__alloc_fail_after(0);
	v = "5";
	assert_error(eg_records_put(r, "R00", "2026-01-05 00:00", "x", "y", &(eg_records_put_options){ EG_RECORDS_PUT_OPTIONS_VERSION, &k, &v, 1 }), EG_ENOMEM, "adding a version");
	eg__alloc_fail_reset();
	assert_int_equal(eg_records_version_count(r, "R00"), 4);
	assert_string_equal(get(r, "R00", "n", NULL), "4");
	put1(r, "R00", "2026-01-05 00:00", "n", "5");
	assert_int_equal(eg_records_version_count(r, "R00"), 5);
	assert_string_equal(get(r, "R00", "n", "2026-01-04 23:59"), "4");
	assert_string_equal(get(r, "R00", "n", NULL), "5");
	eg_records_free(r);
}

/* ---- Parsing: every field of the format, and canonical form ---- */

#define HDR "ecogrid-records 1\nrecords 1\n"
#define REC HDR "record 1:A 1\n"
#define VER REC "version 2026-01-01 00:00 1:a 1:b 1\n"

static void test_records_parse_each_token_names_its_line(void **state)
{
	(void)state;
	static const struct {
		const char *text, *needle;
	} bad[] = {
		{ "ecogrid-records 1\nrecord 1\n", "line 2: expected \"records \"" },
		{ "ecogrid-records 1\nrecords 1 \n", "line 2: expected \"\\n\"" },
		/* 11 digits: only 10 are read (1234567890 > 100000000). */
		{ "ecogrid-records 1\nrecords 12345678901\n", "line 2: expected a number up to 100000000" },
		{ HDR "recorb 1:A 1\n", "line 3: expected \"record \"" },
		{ HDR "record A 1\n", "line 3: expected a number up to 64" },
		{ HDR "record 65:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA 1\n",
		  "line 3: expected a number up to 64" },
		{ HDR "record 1A 1\n", "line 3: expected \":\"" },
		{ HDR "record 5:A", "line 3: string runs past the end" },
		{ HDR "record 1:A\n", "line 3: expected \" \"" },
		{ HDR "record 1:A x\n", "line 3: expected a number up to 100000000" },
		{ HDR "record 1:A 1 \n", "line 3: expected \"\\n\"" },
		{ REC "versio 2026-01-01 00:00 1:a 1:b 1\n", "line 4: expected \"version \"" },
		{ REC "version 2026-01-01", "line 4: expected a time" },
		{ REC "version 2026-01-01 00:00_1:a 1:b 1\n", "line 4: expected \" \"" },
		{ REC "version 2026-01-01 00:00 a 1:b 1\n", "line 4: expected a number up to 256" },
		{ REC "version 2026-01-01 00:00 1:a_1:b 1\n", "line 4: expected \" \"" },
		{ REC "version 2026-01-01 00:00 1:a b 1\n", "line 4: expected a number up to 1024" },
		{ REC "version 2026-01-01 00:00 1:a 1:b_1\n", "line 4: expected \" \"" },
		{ REC "version 2026-01-01 00:00 1:a 1:b x\n", "line 4: expected a number up to 1000000" },
		{ REC "version 2026-01-01 00:00 1:a 1:b 1 \n", "line 4: expected \"\\n\"" },
		{ VER "fiel 1:k 1:v\n", "line 5: expected \"field \"" },
		{ VER "field k 1:v\n", "line 5: expected a number up to 64" },
		{ VER "field 1:k_1:v\n", "line 5: expected \" \"" },
		{ VER "field 1:k v\n", "line 5: expected a number up to 65536" },
		{ VER "field 1:k 1:v \n", "line 5: expected \"\\n\"" },
		/* A value with a newline inside counts a line: the error is on line 6. */
		{ VER "field 1:k 3:a\nb \n", "line 6: expected \"\\n\"" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		eg_records *r = NULL;
		int rc = eg_records_parse(&r, bad[i].text, strlen(bad[i].text));
		if (rc != EG_EPARSE || !strstr(eg_error_last()->message, bad[i].needle))
			fail_msg("case %zu: status %d, \"%s\"; expected \"%s\"", i, rc, eg_error_last()->message, bad[i].needle);
		assert_null(r);
	}
	{
		eg_records *r = NULL;
		/* NULL text: an error if a length is given, the empty text otherwise. */
		assert_error(eg_records_parse(&r, NULL, 3), EG_EINVAL, "eg_records_parse: NULL argument");
		assert_error(eg_records_parse(&r, NULL, 0), EG_EPARSE, "line 1: expected \"ecogrid-records 1");
		assert_null(r);
		/* Cut after "records ": the count is missing. */
		assert_error(eg_records_parse(&r, HDR, strlen(HDR) - 2), EG_EPARSE, "line 2: expected a number");
		/* The smallest valid text: no record. */
		assert_int_equal(eg_records_parse(&r, "ecogrid-records 1\nrecords 0\n", 28), EG_OK);
		assert_int_equal(eg_records_count(r), 0);
		eg_records_free(r);
	}
}

static void test_records_parse_refuses_text_that_is_not_canonical(void **state)
{
	(void)state;
	static const struct {
		const char *text, *needle;
	} bad[] = {
		/* A leading zero reads as 1 but is not what serialise writes (line 2). */
		{ "ecogrid-records 1\nrecords 01\nrecord 1:A 1\nversion 2026-01-01 00:00 1:a 1:b 1\nfield 1:k 1:v\n",
		  "records line 2: not as eg_records_serialize() writes it" },
		/* The second version leaves out field m: the state still has it, so
		 * serialise writes "2" fields on line 7 where the text says "1". */
		{ "ecogrid-records 1\nrecords 1\nrecord 1:A 2\nversion 2026-01-01 00:00 1:a 1:b 2\nfield 1:k 1:v\n"
		  "field 1:m 1:w\nversion 2026-01-02 00:00 1:a 1:b 1\nfield 1:k 1:x\n",
		  "records line 7: not as" },
		/* The same record twice: one record of 2 versions, "records 1" on line 2. */
		{ "ecogrid-records 1\nrecords 2\nrecord 1:A 1\nversion 2026-01-01 00:00 1:a 1:b 1\nfield 1:k 1:v\n"
		  "record 1:A 1\nversion 2026-01-02 00:00 1:a 1:b 1\nfield 1:k 1:w\n",
		  "records line 2: not as" },
		/* The T form of a time is accepted by put but written with a space (line 4). */
		{ "ecogrid-records 1\nrecords 1\nrecord 1:A 1\nversion 2026-01-01T00:00 1:a 1:b 1\nfield 1:k 1:v\n",
		  "records line 4: not as" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		eg_records *r = NULL;
		int rc = eg_records_parse(&r, bad[i].text, strlen(bad[i].text));
		if (rc != EG_EPARSE || !strstr(eg_error_last()->message, bad[i].needle))
			fail_msg("case %zu: status %d, \"%s\"; expected \"%s\"", i, rc, eg_error_last()->message, bad[i].needle);
		assert_null(r);
	}
	{
		/* A NUL inside the ID: "A\0B" is 3 bytes of valid UTF-8 but would become "A". */
		static const char nul[] = "ecogrid-records 1\nrecords 1\nrecord 3:A\0B 1\nversion 2026-01-01 00:00 1:a 1:b 1\nfield 1:k 1:v\n";
		eg_records *r = NULL;
		assert_error(eg_records_parse(&r, nul, sizeof nul - 1), EG_EPARSE, "records line 3: not as");
		assert_null(r);
	}
}

/* eg_records_put_options: eg_records_put_options_init() writes exactly EG_RECORDS_PUT_OPTIONS_INIT (the defaults, for FFIs
 * that cannot expand the macro); an unknown version is refused by the init
 * function and by eg_records_put() itself, nothing written or changed. */
static void test_records_put_options_init_and_versions(void **state)
{
	(void)state;
	static const eg_records_put_options want = EG_RECORDS_PUT_OPTIONS_INIT;
	eg_records_put_options o, before;
	int rc;
	eg_records *r = NULL;
	assert_int_equal(eg_records_new(&r), EG_OK);
	memset(&o, 0xA5, sizeof o);
	assert_int_equal(eg_records_put_options_init(&o, EG_RECORDS_PUT_OPTIONS_VERSION), EG_OK);
	assert_int_equal(o.version, EG_RECORDS_PUT_OPTIONS_VERSION);
	assert_ptr_equal(o.keys, want.keys);
	assert_ptr_equal(o.values, want.values);
	assert_int_equal(o.n_fields, want.n_fields);
	memset(&o, 0xA5, sizeof o);
	memset(&before, 0xA5, sizeof before);
	assert_error(eg_records_put_options_init(&o, EG_RECORDS_PUT_OPTIONS_VERSION + 1), EG_EINVAL, "unknown version 2");
	assert_memory_equal(&o, &before, sizeof o);
	assert_error(eg_records_put_options_init(NULL, EG_RECORDS_PUT_OPTIONS_VERSION), EG_EINVAL, "opts is NULL");
	/* The call refuses a version it does not know (0: never initialised; 2: newer). */
	o = want;
	o.version = 0;
	rc = eg_records_put(r, "A", "2026-01-01 09:00", "a", "b", &o);
	assert_error(rc, EG_EINVAL, "version 0 is not 1");
	o.version = EG_RECORDS_PUT_OPTIONS_VERSION + 1;
	rc = eg_records_put(r, "A", "2026-01-01 09:00", "a", "b", &o);
	assert_error(rc, EG_EINVAL, "version 2 is not 1");
	rc = eg_records_put(r, "A", "2026-01-01 09:00", "a", "b", NULL);
	assert_error(rc, EG_EINVAL, "is NULL (initialise it with EG_RECORDS_PUT_OPTIONS_INIT)");
	assert_int_equal(eg_records_count(r), 0);
	eg_records_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_records_every_null_argument_is_einval),
		cmocka_unit_test(test_records_history_as_of_and_append_only),
		cmocka_unit_test(test_records_serialise_round_trip_byte_exact),
		cmocka_unit_test(test_records_parse_rejects_each_malformed_field),
		cmocka_unit_test(test_records_every_allocation_failure_is_clean),
		cmocka_unit_test(test_records_value_limits_and_bad_fields),
		cmocka_unit_test(test_records_growth_past_16_records_and_4_versions),
		cmocka_unit_test(test_records_parse_each_token_names_its_line),
		cmocka_unit_test(test_records_parse_refuses_text_that_is_not_canonical),
		cmocka_unit_test(test_records_put_options_init_and_versions),
	};
	return cmocka_run_group_tests_name("records", tests, NULL, NULL);
}
