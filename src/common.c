#include <ecogrid/common.h>

#include "util/alloc.h"

const char *eg_version(void)
{
	return EG_VERSION_STRING;
}

void eg_string_free(char *s)
{
	eg__free(s);
}
