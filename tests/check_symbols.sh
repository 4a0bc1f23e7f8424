#!/bin/sh
# Every symbol the shared library exports must carry the eg_ prefix:
# the library is built with -fvisibility=hidden and EG_API marks the ABI.
set -eu
lib="$1"
syms=$(nm -D --defined-only "$lib" | awk '$2 ~ /^[TDBRVW]$/ {print $3}')
# A coverage build (-Db_coverage=true) links libgcov in, which exports its
# own runtime symbols; they are not part of the ABI.
if printf '%s\n' "$syms" | grep -qx '__gcov_master'; then
  syms=$(printf '%s\n' "$syms" | grep -v '^__gcov_' | grep -vx 'mangle_path')
fi
count=$(printf '%s\n' "$syms" | grep -c . || true)
bad=$(printf '%s\n' "$syms" | grep -v '^eg_' | grep -v '^_init$' | grep -v '^_fini$' | grep -v '^_edata$' | grep -v '^_end$' | grep -v '^__bss_start$' || true)
if [ "$count" -lt 10 ]; then
  echo "only $count exported symbols: is EG_API applied?"
  exit 1
fi
if [ -n "$bad" ]; then
  echo "exported symbols without the eg_ prefix:"
  printf '%s\n' "$bad"
  exit 1
fi
echo "$count exported symbols, all eg_"
