#!/bin/sh
# `meson install` installs the Python package for the Python meson runs
# under, with _build_config.py naming the installed library:
#   check_python_install.sh BUILD_DIR SOURCE_PACKAGE_DIR PYTHON SANITIZE
# Installs into a temporary DESTDIR, checks that every file of the source
# package (bindings/python/ecogrid) was installed, then imports the installed
# package with nothing but PYTHONPATH and LD_LIBRARY_PATH pointing into the
# DESTDIR and checks which library it loaded.
set -eu
build="$1"; srcpkg="$2"; python="$3"; sanitize="${4:-none}"
if [ "$sanitize" != none ]; then
  echo "SKIP: a sanitizer build's library cannot be loaded into a plain python3"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
meson install -C "$build" --no-rebuild --destdir "$tmp/root" --quiet >/dev/null
init=$(find "$tmp/root" -path '*/ecogrid/__init__.py' | head -n 1)
[ -n "$init" ] || { echo "the Python package was not installed"; exit 1; }
pkg=$(dirname "$init")
missing=0
for f in "$srcpkg"/*.py "$srcpkg"/py.typed; do
  [ -e "$pkg/$(basename "$f")" ] || { echo "not installed: $(basename "$f") (add it to bindings/python/meson.build)"; missing=1; }
done
[ "$missing" = 0 ] || exit 1
[ -f "$pkg/_build_config.py" ] || { echo "_build_config.py was not installed"; exit 1; }
lib=$(find "$tmp/root" -name 'libecogrid.so.0' | head -n 1)
[ -n "$lib" ] || { echo "libecogrid.so.0 was not installed"; exit 1; }
cd "$tmp"
env -u ECOGRID_LIBRARY PYTHONPATH="$(dirname "$pkg")" LD_LIBRARY_PATH="$(dirname "$lib")" PYTHONDONTWRITEBYTECODE=1 \
  "$python" - "$tmp/root" "$pkg" <<'PY'
import os, sys
root, pkg = sys.argv[1], sys.argv[2]
import ecogrid
from ecogrid import _build_config, _native
assert os.path.dirname(os.path.abspath(ecogrid.__file__)) == pkg, ecogrid.__file__
# _build_config names the library where `meson install` put it (the DESTDIR
# is not part of it); from the DESTDIR it is found by its soname instead.
assert os.path.basename(_build_config.LIBRARY) == "libecogrid.so.0", _build_config.LIBRARY
assert os.path.exists(root + _build_config.LIBRARY), _build_config.LIBRARY
assert _native.LIBRARY_PATH in (_build_config.LIBRARY, "libecogrid.so.0"), _native.LIBRARY_PATH
ix = ecogrid.composite_index({"so2": 10, "no2": 30, "pm10": 70, "pm25": 35, "co": 1.2, "o3": 150},
                             ecogrid.Profile.named("CN2026"))
assert ix.reported == "4.49", ix
print("installed package at %s loads %s; CN2026 index %s" % (pkg, _native.LIBRARY_PATH, ix.reported))
PY
