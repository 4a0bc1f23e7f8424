/* Internal SHA-256 (FIPS 180-4), incremental. */
#ifndef EG_UTIL_SHA256_H
#define EG_UTIL_SHA256_H

#include <stddef.h>
#include <stdint.h>

typedef struct eg__sha256 {
	uint32_t h[8];
	uint64_t len;
	uint8_t buf[64];
	size_t fill;
} eg__sha256;

void eg__sha256_init(eg__sha256 *c);
void eg__sha256_update(eg__sha256 *c, const void *data, size_t len);
void eg__sha256_final(eg__sha256 *c, uint8_t out[32]);

#endif
