/*
 * libFuzzer harness: the record-store deserialiser (eg_records_parse).
 *
 * records.h promises a byte-exact round trip, so whatever the parser
 * accepts must serialise back to exactly the bytes it read: anything else
 * means the parser accepted a second spelling of a store or changed its
 * content, and the harness aborts. The parsed store is also read back
 * through the query functions (as-of reads, versions, JM-2.1 status).
 */
#include <ecogrid/ecogrid.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_util.h"

static void read_back(const eg_records *r)
{
	for (size_t i = 0; i < eg_records_count(r); i++) {
		const char *id = eg_records_id_at(r, i), *v, *t, *a, *why;
		int status;
		int32_t late;
		size_t nv = eg_records_version_count(r, id);
		if (!id || nv == 0)
			abort(); /* every parsed record has a version */
		for (size_t k = 0; k < nv; k++)
			if (eg_records_version(&t, &a, &why, r, id, k) != EG_OK || eg_records_get(&v, r, id, "quarter", t) != EG_OK)
				abort();
		(void)eg_records_get(&v, r, id, "name", NULL);
		(void)eg_disclosure_update_status(&status, &late, r, id, 2026, 3);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
	eg_records *r = NULL, *again = NULL;
	char *text = NULL, *text2 = NULL;
	if (eg_records_parse(&r, (const char *)d, n) != EG_OK) {
		if (r)
			abort(); /* untouched on failure */
		if (!eg_error_last()->message[0])
			abort(); /* every failure says why */
		return 0;
	}
	read_back(r);
	if (eg_records_serialize(&text, r) != EG_OK)
		abort();
	if (strlen(text) != n || memcmp(text, d, n) != 0) {
		fprintf(stderr, "round trip differs: read %zu bytes, wrote %zu\n", n, strlen(text));
		abort();
	}
	/* And the text it writes parses back to the same text. */
	if (eg_records_parse(&again, text, strlen(text)) != EG_OK || eg_records_serialize(&text2, again) != EG_OK ||
	    strcmp(text, text2) != 0)
		abort();
	eg_string_free(text);
	eg_string_free(text2);
	eg_records_free(again);
	eg_records_free(r);
	return 0;
}
