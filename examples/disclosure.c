/*
 * disclosure: a year of quarterly updates to the Jiangmen double-disclosure
 * list (JM-2.1) with one district late, the JM-2.1.2 check per quarter, the
 * list as of mid-year, and the store written out and read back byte-exact.
 */
#include <ecogrid/ecogrid.h>

#include <stdio.h>
#include <string.h>

static const char *const ids[3] = { "JM-01", "JM-02", "JM-03" };
static const char *const names[3] = { "某生物质锅炉厂", "某造纸有限公司", "某城镇污水处理厂" };
static const char *const districts[3] = { "蓬江区", "新会区", "台山市" };

int main(void)
{
	eg_records *r = NULL, *back = NULL;
	char *text = NULL, *text2 = NULL;
	int rc = eg_records_new(&r);
	for (int i = 0; rc == EG_OK && i < 3; i++) {
		const char *k[] = { "name", "district", "category", "target" };
		const char *v[] = { names[i], districts[i], i == 2 ? "城镇污水处理厂" : "重点行业", "年底前完成整治" };
		eg_records_put_options fields = EG_RECORDS_PUT_OPTIONS_INIT;
		fields.keys = k;
		fields.values = v;
		fields.n_fields = 4;
		rc = eg_records_put(r, ids[i], "2021-01-15 09:00", "江门市环委办", "列入“双公开”清单", &fields);
	}
	for (int q = 1; rc == EG_OK && q <= 4; q++)
		for (int i = 0; rc == EG_OK && i < 3; i++) {
			char when[20], quarter[8], progress[32], dl[11];
			const char *k[] = { "quarter", "progress" }, *v[2];
			eg_disclosure_district_deadline(dl, 2021, q);
			/* 新会区 reports the third quarter a day late. */
			snprintf(when, sizeof when, "%s %s", dl, i == 1 && q == 3 ? "00:00" : "17:30");
			if (i == 1 && q == 3)
				memcpy(when + 8, "04", 2);
			snprintf(quarter, sizeof quarter, "2021Q%d", q);
			snprintf(progress, sizeof progress, "完成%d%%", q * 25);
			v[0] = quarter;
			v[1] = progress;
			eg_records_put_options fields = EG_RECORDS_PUT_OPTIONS_INIT;
			fields.keys = k;
			fields.values = v;
			fields.n_fields = 2;
			rc = eg_records_put(r, ids[i], when, districts[i], "季度更新（JM-2.1.2）", &fields);
		}
	for (int q = 1; rc == EG_OK && q <= 4; q++) {
		char dl[11];
		eg_disclosure_district_deadline(dl, 2021, q);
		printf("2021Q%d (deadline %s):", q, dl);
		for (int i = 0; i < 3; i++) {
			int st;
			int32_t late;
			eg_disclosure_update_status(&st, &late, r, ids[i], 2021, q);
			if (st != EG_DISCLOSURE_UPDATE_ON_TIME)
				printf(" %s %s %s by %d day(s), a JM-2.2 (2) occurrence;", districts[i], names[i],
				       st == EG_DISCLOSURE_UPDATE_LATE ? "late" : "missing", (int)late);
		}
		printf("\n");
	}
	printf("As of 2021-06-30 (publication view):\n");
	for (int i = 0; rc == EG_OK && i < 3; i++) {
		const char *p = NULL;
		eg_records_get(&p, r, ids[i], "progress", "2021-06-30 23:59");
		printf("  %s %s %s\n", districts[i], names[i], p ? p : "-");
	}
	if (rc == EG_OK && (rc = eg_records_serialize(&text, r)) == EG_OK &&
	    (rc = eg_records_parse(&back, text, strlen(text))) == EG_OK && (rc = eg_records_serialize(&text2, back)) == EG_OK)
		printf("store: %zu bytes, read back %s\n", strlen(text), strcmp(text, text2) ? "DIFFERENT" : "byte-exact");
	if (rc != EG_OK)
		fprintf(stderr, "%s: %s\n", eg_strerror(rc), eg_error_last()->message);
	eg_string_free(text);
	eg_string_free(text2);
	eg_records_free(back);
	eg_records_free(r);
	return rc == EG_OK ? 0 : 1;
}
