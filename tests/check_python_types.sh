#!/bin/sh
# The Python package type-checks: mypy with the settings of pyproject.toml
# ([tool.mypy], strict), over bindings/python/ecogrid.
#   check_python_types.sh SOURCE_ROOT CACHE_DIR [SANITIZE COVERAGE]
# SKIP (77) when no Python at hand has mypy (Debian: python3-mypy), and in
# sanitizer and coverage builds (the check does not depend on the build:
# the plain build runs it).
set -eu
root="$1"; cache="$2"
if [ "${3:-none}" != none ] || [ "${4:-false}" = true ]; then
  echo "SKIP: type-checked by the plain build"
  exit 77
fi
for py in python3 /usr/bin/python3; do
  if command -v "$py" >/dev/null 2>&1 && "$py" -c 'import mypy' 2>/dev/null; then
    cd "$root"
    exec "$py" -m mypy --config-file pyproject.toml --cache-dir "$cache" bindings/python/ecogrid
  fi
done
echo "SKIP: mypy is not installed (Debian: python3-mypy)"
exit 77
