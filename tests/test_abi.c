/*
 * The ABI of every public struct, pinned: sizeof and offsetof of each field
 * as the x86-64 / AArch64 Linux (LP64) ABI lays them out, so that a change
 * to a public struct that moves a field or changes a size fails here and is
 * made on purpose (with a new version of the struct, never silently).
 *
 *   test_abi            the cmocka suite (skips on a platform that is not LP64)
 *   test_abi --print    the live layout, one line per struct ("NAME - 0 SIZE")
 *                       and per field ("NAME FIELD OFFSET SIZE"), which
 *                       tests/python/test_abi.py compares with the ctypes
 *                       Structures of the Python binding.
 *
 * A struct added to a public header needs rows here: test_abi.py checks that
 * every `typedef struct eg_… {` of the headers is in the --print output.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "testutil.h"

typedef struct row {
	const char *strct, *field; /* field NULL: the struct's own size */
	size_t pinned_offset, pinned_size;
	size_t offset, size;       /* what this compiler lays out */
} row;

#define STRUCT(S, size) { #S, NULL, 0, (size), 0, sizeof(S) }
#define FIELD(S, f, off, size) { #S, #f, (off), (size), offsetof(S, f), sizeof(((S *)0)->f) }

static const row rows[] = {
	/* common.h */
	STRUCT(eg_error, 16),
	FIELD(eg_error, code, 0, 4),
	FIELD(eg_error, message, 8, 8),
	/* grid.h */
	STRUCT(eg_grid_add_options, 12),
	FIELD(eg_grid_add_options, version, 0, 4),
	FIELD(eg_grid_add_options, level, 4, 4),
	FIELD(eg_grid_add_options, kind, 8, 4),
	STRUCT(eg_grid_key_grid_options, 32),
	FIELD(eg_grid_key_grid_options, version, 0, 4),
	FIELD(eg_grid_key_grid_options, station_id, 8, 8),
	FIELD(eg_grid_key_grid_options, townships, 16, 8),
	FIELD(eg_grid_key_grid_options, n_townships, 24, 8),
	STRUCT(eg_grid_csv_options, 24),
	FIELD(eg_grid_csv_options, version, 0, 4),
	FIELD(eg_grid_csv_options, root, 8, 8),
	FIELD(eg_grid_csv_options, root_level, 16, 4),
	FIELD(eg_grid_csv_options, flags, 20, 4),
	/* assess.h */
	STRUCT(eg_item_def, 80),
	FIELD(eg_item_def, version, 0, 4),
	FIELD(eg_item_def, id, 8, 8),
	FIELD(eg_item_def, rule, 16, 8),
	FIELD(eg_item_def, section, 24, 8),
	FIELD(eg_item_def, name_zh, 32, 8),
	FIELD(eg_item_def, name_en, 40, 8),
	FIELD(eg_item_def, kind, 48, 4),
	FIELD(eg_item_def, max_points, 52, 4),
	FIELD(eg_item_def, per_occurrence, 56, 4),
	FIELD(eg_item_def, floor, 60, 4),
	FIELD(eg_item_def, overflow, 64, 4),
	FIELD(eg_item_def, veto, 68, 4),
	FIELD(eg_item_def, adverse_fail, 72, 4),
	/* ladder.h */
	STRUCT(eg_ladder_clause, 48),
	FIELD(eg_ladder_clause, version, 0, 4),
	FIELD(eg_ladder_clause, rule, 8, 8),
	FIELD(eg_ladder_clause, action, 16, 8),
	FIELD(eg_ladder_clause, kind, 24, 4),
	FIELD(eg_ladder_clause, count, 28, 4),
	FIELD(eg_ladder_clause, threshold, 32, 8),
	FIELD(eg_ladder_clause, window_sum, 40, 4),
	FIELD(eg_ladder_clause, flag, 44, 4),
	STRUCT(eg_ladder_builder_options, 24),
	FIELD(eg_ladder_builder_options, version, 0, 4),
	FIELD(eg_ladder_builder_options, flag_zh, 8, 8),
	FIELD(eg_ladder_builder_options, flag_en, 16, 8),
	STRUCT(eg_ladder_step_options, 40),
	FIELD(eg_ladder_step_options, version, 0, 4),
	FIELD(eg_ladder_step_options, units, 8, 8),
	FIELD(eg_ladder_step_options, values, 16, 8),
	FIELD(eg_ladder_step_options, flags, 24, 8),
	FIELD(eg_ladder_step_options, n_units, 32, 8),
	/* airq.h */
	STRUCT(eg_airq_index, 152),
	FIELD(eg_airq_index, version, 0, 4),
	FIELD(eg_airq_index, single, 8, 48),
	FIELD(eg_airq_index, load, 56, 48),
	FIELD(eg_airq_index, composite, 104, 8),
	FIELD(eg_airq_index, reported_hundredths, 112, 8),
	FIELD(eg_airq_index, reported, 120, 24),
	FIELD(eg_airq_index, primary, 144, 4),
	FIELD(eg_airq_index, primary_mask, 148, 4),
	STRUCT(eg_airq_stat, 32),
	FIELD(eg_airq_stat, value, 0, 8),
	FIELD(eg_airq_stat, valid, 8, 4),
	FIELD(eg_airq_stat, n_valid, 12, 4),
	FIELD(eg_airq_stat, n_days, 16, 4),
	FIELD(eg_airq_stat, n_required, 20, 4),
	FIELD(eg_airq_stat, reserved, 24, 8),
	STRUCT(eg_airq_monthly_options, 32),
	FIELD(eg_airq_monthly_options, version, 0, 4),
	FIELD(eg_airq_monthly_options, year, 4, 4),
	FIELD(eg_airq_monthly_options, month, 8, 4),
	FIELD(eg_airq_monthly_options, dust, 16, 8),
	FIELD(eg_airq_monthly_options, tampered, 24, 8),
	/* aqi.h */
	STRUCT(eg_aqi_result, 60),
	FIELD(eg_aqi_result, version, 0, 4),
	FIELD(eg_aqi_result, aqi, 4, 4),
	FIELD(eg_aqi_result, iaqi, 8, 32),
	FIELD(eg_aqi_result, primary_mask, 40, 4),
	FIELD(eg_aqi_result, level, 44, 4),
	FIELD(eg_aqi_result, clamped, 48, 4),
	FIELD(eg_aqi_result, published, 52, 4),
	FIELD(eg_aqi_result, rgb, 56, 3),
	/* draw.h */
	STRUCT(eg_draw_sample_options, 16),
	FIELD(eg_draw_sample_options, version, 0, 4),
	FIELD(eg_draw_sample_options, with_replacement, 4, 4),
	FIELD(eg_draw_sample_options, skip, 8, 8),
	STRUCT(eg_draw_frame_options, 48),
	FIELD(eg_draw_frame_options, version, 0, 4),
	FIELD(eg_draw_frame_options, strata, 8, 8),
	FIELD(eg_draw_frame_options, frame_sizes, 16, 8),
	FIELD(eg_draw_frame_options, frame, 24, 8),
	FIELD(eg_draw_frame_options, quotas, 32, 8),
	FIELD(eg_draw_frame_options, n_strata, 40, 8),
	STRUCT(eg_draw_pair_options, 40),
	FIELD(eg_draw_pair_options, version, 0, 4),
	FIELD(eg_draw_pair_options, conflict_inspector, 8, 8),
	FIELD(eg_draw_pair_options, conflict_object, 16, 8),
	FIELD(eg_draw_pair_options, n_conflicts, 24, 8),
	FIELD(eg_draw_pair_options, per_object, 32, 8),
	STRUCT(eg_draw_record, 136),
	FIELD(eg_draw_record, version, 0, 4),
	FIELD(eg_draw_record, algorithm, 4, 4),
	FIELD(eg_draw_record, seed, 8, 8),
	FIELD(eg_draw_record, frame_hash, 16, 8),
	FIELD(eg_draw_record, n_strata, 24, 8),
	FIELD(eg_draw_record, strata, 32, 8),
	FIELD(eg_draw_record, sizes, 40, 8),
	FIELD(eg_draw_record, quotas, 48, 8),
	FIELD(eg_draw_record, quota_rules, 56, 8),
	FIELD(eg_draw_record, n_selected, 64, 8),
	FIELD(eg_draw_record, selected, 72, 8),
	FIELD(eg_draw_record, selected_strata, 80, 8),
	FIELD(eg_draw_record, per_object, 88, 8),
	FIELD(eg_draw_record, inspectors, 96, 8),
	FIELD(eg_draw_record, n_skips, 104, 8),
	FIELD(eg_draw_record, skip_inspectors, 112, 8),
	FIELD(eg_draw_record, skip_objects, 120, 8),
	FIELD(eg_draw_record, inspectors_hash, 128, 8),
	STRUCT(eg_draw_inputs, 80),
	FIELD(eg_draw_inputs, version, 0, 4),
	FIELD(eg_draw_inputs, strata, 8, 8),
	FIELD(eg_draw_inputs, frame_sizes, 16, 8),
	FIELD(eg_draw_inputs, frame, 24, 8),
	FIELD(eg_draw_inputs, n_strata, 32, 8),
	FIELD(eg_draw_inputs, inspectors, 40, 8),
	FIELD(eg_draw_inputs, n_inspectors, 48, 8),
	FIELD(eg_draw_inputs, conflict_inspector, 56, 8),
	FIELD(eg_draw_inputs, conflict_object, 64, 8),
	FIELD(eg_draw_inputs, n_conflicts, 72, 8),
	/* cases.h */
	STRUCT(eg_case_facts, 88),
	FIELD(eg_case_facts, version, 0, 4),
	FIELD(eg_case_facts, decision, 8, 8),
	FIELD(eg_case_facts, served, 16, 8),
	FIELD(eg_case_facts, informed, 24, 4),
	FIELD(eg_case_facts, learned, 32, 8),
	FIELD(eg_case_facts, review_days, 40, 4),
	FIELD(eg_case_facts, lawsuit_months, 44, 4),
	FIELD(eg_case_facts, review, 48, 4),
	FIELD(eg_case_facts, review_date, 56, 8),
	FIELD(eg_case_facts, lawsuit, 64, 4),
	FIELD(eg_case_facts, lawsuit_date, 72, 8),
	FIELD(eg_case_facts, lawsuit_ruling, 80, 4),
	/* duty.h */
	STRUCT(eg_duty_def, 144),
	FIELD(eg_duty_def, version, 0, 4),
	FIELD(eg_duty_def, id, 8, 8),
	FIELD(eg_duty_def, rule, 16, 8),
	FIELD(eg_duty_def, shape, 24, 4),
	FIELD(eg_duty_def, kind, 32, 8),
	FIELD(eg_duty_def, actor, 40, 8),
	FIELD(eg_duty_def, group, 48, 8),
	FIELD(eg_duty_def, period, 56, 4),
	FIELD(eg_duty_def, min_count, 60, 4),
	FIELD(eg_duty_def, tags, 64, 8),
	FIELD(eg_duty_def, cover_group, 72, 8),
	FIELD(eg_duty_def, start, 80, 8),
	FIELD(eg_duty_def, end, 88, 8),
	FIELD(eg_duty_def, due_months, 96, 4),
	FIELD(eg_duty_def, due_day, 100, 4),
	FIELD(eg_duty_def, event_kind, 104, 8),
	FIELD(eg_duty_def, match, 112, 4),
	FIELD(eg_duty_def, limit_unit, 116, 4),
	FIELD(eg_duty_def, limit, 120, 4),
	FIELD(eg_duty_def, flags, 124, 4),
	FIELD(eg_duty_def, name_zh, 128, 8),
	FIELD(eg_duty_def, name_en, 136, 8),
	STRUCT(eg_duty_record, 112),
	FIELD(eg_duty_record, version, 0, 4),
	FIELD(eg_duty_record, type, 4, 4),
	FIELD(eg_duty_record, kind, 8, 8),
	FIELD(eg_duty_record, actor, 16, 8),
	FIELD(eg_duty_record, time, 24, 8),
	FIELD(eg_duty_record, end, 32, 8),
	FIELD(eg_duty_record, period, 40, 8),
	FIELD(eg_duty_record, id, 48, 8),
	FIELD(eg_duty_record, ref, 56, 8),
	FIELD(eg_duty_record, subject, 64, 8),
	FIELD(eg_duty_record, tags, 72, 8),
	FIELD(eg_duty_record, covers, 80, 8),
	FIELD(eg_duty_record, rule, 88, 8),
	FIELD(eg_duty_record, reason, 96, 8),
	FIELD(eg_duty_record, approver, 104, 8),
	STRUCT(eg_duty_status_options, 32),
	FIELD(eg_duty_status_options, version, 0, 4),
	FIELD(eg_duty_status_options, from, 8, 8),
	FIELD(eg_duty_status_options, workdays, 16, 8),
	FIELD(eg_duty_status_options, flags, 24, 4),
	/* records.h */
	STRUCT(eg_records_put_options, 32),
	FIELD(eg_records_put_options, version, 0, 4),
	FIELD(eg_records_put_options, keys, 8, 8),
	FIELD(eg_records_put_options, values, 16, 8),
	FIELD(eg_records_put_options, n_fields, 24, 8),
	/* disclosure.h */
	STRUCT(eg_disclosure_options, 16),
	FIELD(eg_disclosure_options, version, 0, 4),
	FIELD(eg_disclosure_options, step, 4, 4),
	FIELD(eg_disclosure_options, before, 8, 4),
	FIELD(eg_disclosure_options, same_day, 12, 4),
	STRUCT(eg_disclosure_change, 56),
	FIELD(eg_disclosure_change, version, 0, 4),
	FIELD(eg_disclosure_change, node, 8, 8),
	FIELD(eg_disclosure_change, role, 16, 4),
	FIELD(eg_disclosure_change, name, 24, 8),
	FIELD(eg_disclosure_change, action, 32, 4),
	FIELD(eg_disclosure_change, effective, 40, 8),
	FIELD(eg_disclosure_change, published, 48, 8),
	STRUCT(eg_disclosure_heads_options, 48),
	FIELD(eg_disclosure_heads_options, version, 0, 4),
	FIELD(eg_disclosure_heads_options, changes, 8, 8),
	FIELD(eg_disclosure_heads_options, n_changes, 16, 8),
	FIELD(eg_disclosure_heads_options, limit, 24, 4),
	FIELD(eg_disclosure_heads_options, days, 28, 4),
	FIELD(eg_disclosure_heads_options, workdays, 32, 8),
	FIELD(eg_disclosure_heads_options, key_grids, 40, 4),
	FIELD(eg_disclosure_heads_options, supervisors, 44, 4),
	/* ledger.h */
	STRUCT(eg_ledger_step_options, 72),
	FIELD(eg_ledger_step_options, version, 0, 4),
	FIELD(eg_ledger_step_options, time, 8, 8),
	FIELD(eg_ledger_step_options, actor, 16, 8),
	FIELD(eg_ledger_step_options, reason, 24, 8),
	FIELD(eg_ledger_step_options, principal, 32, 8),
	FIELD(eg_ledger_step_options, signed_on, 40, 8),
	FIELD(eg_ledger_step_options, acceptance, 48, 8),
	FIELD(eg_ledger_step_options, notice_from, 56, 8),
	FIELD(eg_ledger_step_options, notice_to, 64, 8),
	STRUCT(eg_ledger_open_options, 32),
	FIELD(eg_ledger_open_options, version, 0, 4),
	FIELD(eg_ledger_open_options, lead_unit, 8, 8),
	FIELD(eg_ledger_open_options, target, 16, 8),
	FIELD(eg_ledger_open_options, deadline, 24, 8),
	/* scheme.h */
	STRUCT(eg_scheme_error, 672),
	FIELD(eg_scheme_error, version, 0, 4),
	FIELD(eg_scheme_error, code, 4, 4),
	FIELD(eg_scheme_error, line, 8, 8),
	FIELD(eg_scheme_error, column, 16, 8),
	FIELD(eg_scheme_error, offset, 24, 8),
	FIELD(eg_scheme_error, pointer, 32, 256),
	FIELD(eg_scheme_error, expected, 288, 256),
	FIELD(eg_scheme_error, found, 544, 128),
	STRUCT(eg_scheme_info, 64),
	FIELD(eg_scheme_info, version, 0, 4),
	FIELD(eg_scheme_info, id, 8, 8),
	FIELD(eg_scheme_info, family, 16, 8),
	FIELD(eg_scheme_info, title_zh, 24, 8),
	FIELD(eg_scheme_info, title_en, 32, 8),
	FIELD(eg_scheme_info, document, 40, 8),
	FIELD(eg_scheme_info, issuer_zh, 48, 8),
	FIELD(eg_scheme_info, issuer_en, 56, 8),
	STRUCT(eg_scheme_cadence, 48),
	FIELD(eg_scheme_cadence, version, 0, 4),
	FIELD(eg_scheme_cadence, id, 8, 8),
	FIELD(eg_scheme_cadence, rule, 16, 8),
	FIELD(eg_scheme_cadence, kind, 24, 8),
	FIELD(eg_scheme_cadence, period, 32, 4),
	FIELD(eg_scheme_cadence, min_count, 36, 4),
	FIELD(eg_scheme_cadence, flags, 40, 4),
	STRUCT(eg_scheme_diff_unit, 24),
	FIELD(eg_scheme_diff_unit, unit, 0, 8),
	FIELD(eg_scheme_diff_unit, old_input, 8, 8),
	FIELD(eg_scheme_diff_unit, new_input, 16, 8),
};

#define N_ROWS (sizeof rows / sizeof rows[0])

static int lp64(void)
{
	return sizeof(void *) == 8 && sizeof(long) == 8 && sizeof(int) == 4 && sizeof(size_t) == 8 &&
	       _Alignof(int64_t) == 8 && _Alignof(double) == 8;
}

/* Every struct's size and every field's offset and size, as pinned. */
static void test_abi_every_public_struct_is_pinned(void **state)
{
	(void)state;
	int bad = 0;
	if (!lp64())
		skip(); /* the pins are the LP64 layout; --print still serves the Python check */
	for (size_t i = 0; i < N_ROWS; i++) {
		const row *r = &rows[i];
		if (r->offset != r->pinned_offset || r->size != r->pinned_size) {
			print_error("%s%s%s: offset %zu size %zu, pinned %zu and %zu\n", r->strct, r->field ? "." : "",
				    r->field ? r->field : "", r->offset, r->size, r->pinned_offset, r->pinned_size);
			bad++;
		}
	}
	assert_int_equal(bad, 0);
}

/* The fields of a struct, as listed, tile it: in order, not overlapping,
 * the last one ending within sizeof (so a field left out of the table is
 * noticed as a hole bigger than alignment padding). */
static void test_abi_fields_are_listed_in_order_without_gaps(void **state)
{
	(void)state;
	size_t i = 0;
	while (i < N_ROWS) {
		const row *s = &rows[i++];
		size_t end = 0;
		assert_null(s->field);
		for (; i < N_ROWS && rows[i].field; i++) {
			/* Padding before a field is less than its alignment (at most 8 here). */
			if (rows[i].offset < end || rows[i].offset - end >= 8)
				fail_msg("%s.%s at %zu after a field ending at %zu", s->strct, rows[i].field, rows[i].offset, end);
			end = rows[i].offset + rows[i].size;
		}
		if (end > s->size || s->size - end >= 8)
			fail_msg("%s: fields end at %zu, sizeof is %zu", s->strct, end, s->size);
	}
}

/* Versioned structs put `unsigned int version` first, where every version
 * of the struct will have it. */
static void test_abi_versioned_structs_start_with_the_version(void **state)
{
	(void)state;
	for (size_t i = 0; i < N_ROWS; i++)
		if (rows[i].field && strcmp(rows[i].field, "version") == 0) {
			assert_int_equal(rows[i].offset, 0);
			assert_int_equal(rows[i].size, sizeof(unsigned int));
		}
}

static void print_layout(void)
{
	for (size_t i = 0; i < N_ROWS; i++)
		printf("%s %s %zu %zu\n", rows[i].strct, rows[i].field ? rows[i].field : "-", rows[i].offset, rows[i].size);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_abi_every_public_struct_is_pinned),
		cmocka_unit_test(test_abi_fields_are_listed_in_order_without_gaps),
		cmocka_unit_test(test_abi_versioned_structs_start_with_the_version),
	};
	if (argc == 2 && strcmp(argv[1], "--print") == 0) {
		print_layout();
		return 0;
	}
	return cmocka_run_group_tests_name("abi", tests, NULL, NULL);
}
