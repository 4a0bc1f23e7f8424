#!/usr/bin/env python3
"""Check the naming convention of the public headers (docs/mainpage.md).

    check_prefixes.py INCLUDE_DIR

Every identifier a public header declares (an EG_API function, a type, an
enum tag, a macro) must start with the header's module prefix
(`eg_duty_`, `EG_DUTY_`), or be or start with the name of a type that the
header itself defines and that is listed for it in HEADERS below
(grid.h: `eg_node_name`, `eg_finding_rule`). Every enum value must start
with its enum type's name in capitals (`eg_rank_order` ->
`EG_RANK_ORDER_ASC`); the status codes of common.h (EG_OK, EG_E*,
EG_ITEROVER) are the one exception, as in libgit2.

The lists work both ways: a header that stops defining a listed type, a
header that is not listed, and a listed header that is missing all fail, so
a new public header or a new type outside its module's prefix is a
decision recorded here, never an accident.
"""
import glob
import os
import re
import sys

# header -> (module prefix, types it defines besides the prefix, other names)
HEADERS = {
    "common.h": (None, ["eg_status", "eg_lang", "eg_error"], ["eg_version", "eg_strerror", "eg_string_free", "EG_API"]),
    "version.h.in": ("eg_version", [], []),
    "grid.h": ("eg_grid", ["eg_node", "eg_finding", "eg_findings", "eg_level", "eg_kind", "eg_rank", "eg_staff"], []),
    "assess.h": ("eg_assess", ["eg_ruleset", "eg_ruleset_builder", "eg_trace", "eg_grade", "eg_item_kind",
                               "eg_item_def", "eg_veto_mode", "eg_ruleset_part"],
                 # the eg_item_def.floor value meaning "no floor" (RENAMES.md: was EG_NO_FLOOR)
                 ["EG_ITEM_NO_FLOOR"]),
    "ladder.h": ("eg_ladder", [], []),
    "airq.h": ("eg_airq", ["eg_pollutant", "eg_rank_order"], []),
    "aqi.h": ("eg_aqi", [], []),
    "inspect.h": ("eg_inspect", [], []),
    "draw.h": ("eg_draw", [], []),
    "duty.h": ("eg_duty", [], []),
    "records.h": ("eg_records", [], []),
    "disclosure.h": ("eg_disclosure", [], []),
    "ledger.h": ("eg_ledger", [], []),
    "cases.h": ("eg_case", [], []),
    "scheme.h": ("eg_scheme", [], []),
}
# The umbrella declares nothing; it only includes the others.
UMBRELLA = "ecogrid.h"
STATUS_ENUM = "eg_status"


def strip_comments(text):
    text = re.sub(r"/\*.*?\*/", lambda m: "\n" * m.group(0).count("\n"), text, flags=re.S)
    return re.sub(r"//[^\n]*", "", text)


def declarations(text):
    """(functions, types, macros, enums) of a header; enums: [(type name, [values])]."""
    code = re.sub(r"^\s*#[^\n]*", "", text, flags=re.M)
    functions = re.findall(r"\bEG_API\b[^;(]*?\b(\w+)\s*\(", code)
    macros = [m for m in re.findall(r"^\s*#\s*define\s+(\w+)", text, re.M)
              if not re.fullmatch(r"ECOGRID_\w+_H", m)]
    types, enums = [], []
    for m in re.finditer(r"\b(typedef\s+)?(enum|struct)\s+(\w+)\s*(\{(.*?)\})?\s*(\w*)\s*;", text, re.S):
        typedef, kind, tag, body, name = m.group(1), m.group(2), m.group(3), m.group(5), m.group(6)
        if typedef and name and name != tag:
            raise SystemExit(f"typedef name {name} differs from its tag {tag}")
        types.append(tag)
        if kind == "enum":
            values = re.findall(r"(\w+)\s*(?:=[^,]*)?(?:,|$)", (body or "").strip())
            enums.append((tag, [v for v in values if v]))
    return functions, types, macros, enums


def owned(name, prefix, types, extra):
    low = name.lower()
    if name in extra:
        return True
    for p in ([prefix] if prefix else []) + types:
        if low == p or low.startswith(p + "_"):
            return True
    return False


def check(include_dir):
    errors, seen = [], set()
    paths = sorted(glob.glob(os.path.join(include_dir, "ecogrid", "*.h")) +
                   glob.glob(os.path.join(include_dir, "ecogrid", "*.h.in")))
    for path in paths:
        base = os.path.basename(path)
        seen.add(base)
        text = strip_comments(open(path, encoding="utf-8").read())
        functions, types, macros, enums = declarations(text)
        if base == UMBRELLA:
            if functions or types or [m for m in macros]:
                errors.append(f"{base}: the umbrella header declares {functions + types + macros}")
            continue
        if base not in HEADERS:
            errors.append(f"{base}: a public header not listed in tests/check_prefixes.py (give it a module prefix)")
            continue
        prefix, allowed_types, extra = HEADERS[base]
        for t in allowed_types:
            if t not in types:
                errors.append(f"{base}: lists type {t}, which the header does not define")
        for t in types:
            if not owned(t, prefix, [], extra) and t not in allowed_types:
                errors.append(f"{base}: type {t} does not start with {prefix}_ (add it to the header's "
                              "types in check_prefixes.py only if that is a decision)")
        own_types = allowed_types
        for f in functions:
            if not owned(f, prefix, own_types, extra):
                errors.append(f"{base}: function {f} does not start with {prefix}_ or a type of the header")
        for m in macros:
            if not owned(m, prefix, own_types, extra):
                errors.append(f"{base}: macro {m} does not start with {(prefix or '').upper()}_ or a type of the header")
        for tag, values in enums:
            if tag == STATUS_ENUM:
                bad = [v for v in values if not re.fullmatch(r"EG_OK|EG_ERROR|EG_E[A-Z0-9]+|EG_ITEROVER", v)]
                errors += [f"{base}: status code {v} is not EG_OK, EG_E… or EG_ITEROVER" for v in bad]
                continue
            want = tag.upper() + "_"
            for v in values:
                if not v.startswith(want):
                    errors.append(f"{base}: enum value {v} does not start with {want} (its type is {tag})")
    for base in sorted(set(HEADERS) - seen):
        errors.append(f"{base}: listed in check_prefixes.py but not found in {include_dir}/ecogrid")
    return errors, len(seen)


def main():
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    errors, n = check(sys.argv[1])
    for e in errors:
        print("error: " + e)
    if errors:
        return 1
    print(f"{n} public headers: every declaration carries its module's prefix")
    return 0


if __name__ == "__main__":
    sys.exit(main())
