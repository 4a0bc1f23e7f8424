/*
 * libFuzzer harness: the ecogrid tool's month importer. The input is the
 * JSON month document of `ecogrid month import` (tools/ecogrid/cmd_month.c):
 * parsed by jansson as the tool does (json_loadb, duplicates rejected),
 * then validated by month_validate() against the changji-2023 rule set and
 * a small grid (a prefecture, three counties and a park), built once.
 */
#include "tool.h"

#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n);

static const char grid_csv[] =
	"code,parent_code,level,name\n"
	"652300000000,,1,昌吉回族自治州\n"
	"652301000000,652300000000,2,昌吉市\n"
	"652302000000,652300000000,2,阜康市\n"
	"652323000000,652300000000,2,呼图壁县\n"
	"652371000000,652300000000,2,昌吉高新技术产业开发区\n"
	"652301001000,652301000000,3,宁边路街道\n"
	"652301001001,652301001000,4,西街社区居民委员会\n";

static eg_grid *grid;
static eg_ruleset *rules;

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
	json_error_t jerr;
	json_t *doc;
	if (!grid && eg_grid_parse_csv(&grid, grid_csv, sizeof grid_csv - 1, NULL) != EG_OK)
		abort();
	if (!rules && eg_ruleset_preset(&rules, "changji-2023") != EG_OK)
		abort();
	doc = json_loadb((const char *)d, n, JSON_REJECT_DUPLICATES, &jerr);
	if (!doc)
		return 0;
	(void)month_validate(doc, "fuzz.json", rules, grid);
	json_decref(doc);
	return 0;
}
