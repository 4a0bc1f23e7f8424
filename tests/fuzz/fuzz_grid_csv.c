/*
 * libFuzzer harness: the grid CSV loader (eg_grid_parse_csv) and the
 * staffing check on whatever it accepts. Build: CC=clang meson setup
 * build-fuzz -Dfuzz=true; run: ./build-fuzz/tests/fuzz/fuzz_grid_csv
 * tests/fuzz/corpus/grid_csv -max_total_time=60
 */
#include <ecogrid/ecogrid.h>
#include <stdint.h>
#include <stddef.h>
int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n);
int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) {
  eg_grid *g = NULL;
  if (eg_grid_parse_csv(&g, (const char *)d, n, NULL) == EG_OK) {
    eg_findings *f = NULL;
    if (eg_grid_check(&f, g) == EG_OK) eg_findings_free(f);
    eg_grid_free(g);
  }
  return 0;
}
