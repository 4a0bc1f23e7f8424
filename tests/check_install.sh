#!/bin/sh
# Install into a temporary prefix (DESTDIR), then build and run an outside
# program using nothing but `pkg-config --cflags --libs ecogrid`.
set -eu
build="$1"; src="$2"; sanitize="${3:-none}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
meson install -C "$build" --no-rebuild --destdir "$tmp/root" --quiet >/dev/null
pc=$(find "$tmp/root" -name ecogrid.pc | head -n 1)
[ -n "$pc" ] || { echo "ecogrid.pc was not installed"; exit 1; }
for h in ecogrid.h common.h version.h grid.h; do
  find "$tmp/root" -path "*/include/ecogrid/$h" | grep -q . || { echo "header $h not installed"; exit 1; }
done
export PKG_CONFIG_PATH="$(dirname "$pc")"
export PKG_CONFIG_SYSROOT_DIR="$tmp/root"
flags=$(pkg-config --cflags --libs ecogrid)
extra=""
[ "$sanitize" = none ] || extra="-fsanitize=$sanitize"
# shellcheck disable=SC2086
${CC:-cc} -std=c11 -Wall -Werror $extra "$src" $flags -o "$tmp/outside"
libdir=$(dirname "$(find "$tmp/root" -name 'libecogrid.so.0' | head -n 1)")
LD_LIBRARY_PATH="$libdir" "$tmp/outside"

# The tool, installed: it runs without ldconfig or LD_LIBRARY_PATH (its
# RUNPATH is relative to itself), speaks Chinese from its installed
# catalogue, and its man page, bash completion, catalogues, schemas and
# licence are there.
tool=$(find "$tmp/root" -path '*/bin/ecogrid' | head -n 1)
if [ -n "$tool" ]; then
  env -u LD_LIBRARY_PATH LANG=C.UTF-8 "$tool" version | grep -q 'ecogrid' || { echo "installed ecogrid does not run"; exit 1; }
  env -u LD_LIBRARY_PATH LANG=C.UTF-8 "$tool" help | grep -q '用法' || { echo "installed ecogrid does not find its zh_CN catalogue"; exit 1; }
  env -u LD_LIBRARY_PATH "$tool" --lang en help | grep -q 'usage' || { echo "installed ecogrid --lang en is not English"; exit 1; }
  for f in 'man/man1/ecogrid.1' 'bash-completion/completions/ecogrid' 'locale/zh_CN/LC_MESSAGES/ecogrid.mo' \
           'locale/en/LC_MESSAGES/ecogrid.mo' 'ecogrid/schema/month-input.schema.json' 'doc/ecogrid/LICENSE'; do
    find "$tmp/root" -path "*/share/$f" | grep -q . || { echo "share/$f not installed"; exit 1; }
  done
fi
