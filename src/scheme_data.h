/*
 * Internal: the scheme documents embedded at build time
 * (data/embed_schemes.py writes scheme_data.c from data/schemes/<id>.json).
 */
#ifndef EG_SCHEME_DATA_H
#define EG_SCHEME_DATA_H

#include <stddef.h>

typedef struct eg__scheme_doc {
	const char *id, *family;
	const unsigned char *text;
	size_t len;
	const char *const *rulesets; /* NULL-terminated */
	const char *const *ladders;  /* NULL-terminated */
} eg__scheme_doc;

extern const eg__scheme_doc eg__scheme_docs[];
extern const size_t eg__scheme_doc_count;

#endif
