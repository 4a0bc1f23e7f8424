#!/bin/sh
# The shared library's exported ABI is exactly the documented one:
#   check_symbols.sh LIBECOGRID_SO HEADER...
# (the headers meson installs, include/ecogrid/meson.build).
# 1. The set of exported (defined, dynamic) symbols equals the set of
#    functions the headers declare with EG_API, both ways: nothing exported
#    that is not documented, nothing documented that is not exported.
# 2. Every export carries the symbol version ECOGRID_1.0 (src/ecogrid.map).
# The library is built with -fvisibility=hidden and a version script whose
# `local: *` hides everything else, runtime symbols of coverage builds
# (libgcov) included.
set -eu
lib="$1"
shift
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Exported: "ADDR TYPE name@@VERSION" (or name@VERSION, or name without one).
nm -D --defined-only "$lib" | awk '$2 ~ /^[TDBRVWiu]$/ {print $3}' | sort > "$tmp/exported_versioned"
sed 's/@.*//' "$tmp/exported_versioned" | sort -u > "$tmp/exported"

# Documented: every "EG_API ... name(" in the installed headers, comments removed.
for h in "$@"; do
  sed -e 's@/\*.*\*/@@g' "$h" | awk '/\/\*/ {c=1} !c {print} /\*\// {c=0}'
done | grep -v '^[[:space:]]*#' | tr '\n' ' ' | tr ';' '\n' | grep 'EG_API' |
  sed -n 's/.*EG_API[^(]*[^A-Za-z0-9_]\(eg_[A-Za-z0-9_]*\) *(.*/\1/p' | sort -u > "$tmp/documented"

count=$(grep -c . "$tmp/exported" || true)
ndoc=$(grep -c . "$tmp/documented" || true)
status=0
if [ "$ndoc" -lt 10 ]; then
  echo "only $ndoc EG_API declarations found in the headers: is the parser broken?"
  status=1
fi
extra=$(comm -23 "$tmp/exported" "$tmp/documented")
missing=$(comm -13 "$tmp/exported" "$tmp/documented")
if [ -n "$extra" ]; then
  echo "exported but not declared with EG_API in an installed header:"
  printf '  %s\n' $extra
  status=1
fi
if [ -n "$missing" ]; then
  echo "declared with EG_API but not exported (add them to src/ecogrid.map):"
  printf '  %s\n' $missing
  status=1
fi
unversioned=$(grep -v '@@ECOGRID_1\.0$' "$tmp/exported_versioned" || true)
if [ -n "$unversioned" ]; then
  echo "exported without the default version ECOGRID_1.0:"
  printf '  %s\n' $unversioned
  status=1
fi
# The version node itself is defined (an ABS symbol named after it).
if ! nm -D "$lib" | grep -q ' A ECOGRID_1\.0$'; then
  echo "the version node ECOGRID_1.0 is not defined in $lib"
  status=1
fi
[ "$status" -eq 0 ] && echo "$count exported symbols = $ndoc EG_API declarations, all ECOGRID_1.0"
exit "$status"
