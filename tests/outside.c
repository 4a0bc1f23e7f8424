/* An outside program built against the installed library with pkg-config only. */
#include <ecogrid/ecogrid.h>

#include <stdio.h>
#include <string.h>

int main(void)
{
	eg_grid *g = NULL;
	const eg_node *n = NULL;
	if (strcmp(eg_version(), EG_VERSION_STRING) != 0) {
		fprintf(stderr, "header %s, library %s\n", EG_VERSION_STRING, eg_version());
		return 1;
	}
	if (eg_grid_new(&g) != EG_OK ||
	    eg_grid_add(&n, g, "652300000000", NULL, "昌吉回族自治州", &(eg_grid_add_options){ EG_GRID_ADD_OPTIONS_VERSION, EG_LEVEL_PREFECTURE, EG_KIND_ADMIN }) != EG_OK ||
	    eg_grid_count(g, EG_LEVEL_PREFECTURE) != 1) {
		fprintf(stderr, "grid failed: %s\n", eg_error_last()->message);
		eg_grid_free(g);
		return 1;
	}
	printf("outside program linked ecogrid %s: %s\n", eg_version(), eg_node_name(n));
	eg_grid_free(g);
	return 0;
}
