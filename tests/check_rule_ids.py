#!/usr/bin/env python3
"""Every rule ID of the catalogue is implemented and tested, or said not to be.

    check_rule_ids.py CATALOGUE REPO

CATALOGUE is the rule catalogue (../shared/docs/rules.md); REPO the source
tree. The IDs are the catalogue's bold entry IDs (**CJ-A2-5.3 …**, **R0.9 …**).
An ID is implemented when the library cites it: src/, include/, or the
scheme documents data/schemes/ that are built into the library. An ID with a
slash (DG-60/61, CJ-A4-2.2/5.1) counts as cited when it is, or when each of
its parts is (DG-60 and DG-61). An ID is tested when tests/ cites it, as
text or in a test name (CJ-A2-5.5 as cj_a2_5_5). An ID neither implemented
nor tested must be named, in bold, in docs/rules.md's section "What is not
implemented, and why".

It prints every ID that fails and exits 1; without the catalogue (the shared
directory is not there) it exits 77 (SKIP).
"""
import os
import re
import sys

ID_RE = re.compile(r"\*\*(R0\.[0-9]+|(?:CJ|JM|DG|MEE|YL)-[-A-Za-z0-9./]+)")


def catalogue_ids(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    return sorted({m.group(1).rstrip(".") for m in ID_RE.finditer(text)})


def read_tree(root, dirs, exts):
    out = []
    for d in dirs:
        for base, _, files in os.walk(os.path.join(root, d)):
            for name in files:
                if name.endswith(exts):
                    with open(os.path.join(base, name), encoding="utf-8", errors="replace") as f:
                        out.append(f.read())
    return "\n".join(out)


def cited(rule, text):
    # The ID as a whole token: CJ-A2-5.1 is not cited by CJ-A2-5.10, nor DG-6 by DG-60.
    return re.search(re.escape(rule) + r"(?![0-9A-Za-z]|\.[0-9])", text) is not None


def parts(rule):
    """DG-60/61 -> DG-60, DG-61; CJ-A4-2.2/5.1 -> CJ-A4-2.2, CJ-A4-5.1; MEE-2.2/2.3 -> MEE-2.2, MEE-2.3."""
    first, *rest = rule.split("/")
    prefix = first[:first.rindex("-")]
    return [first] + ["%s-%s" % (prefix, r) for r in rest]


def test_name(rule):
    return re.sub(r"[^a-z0-9]+", "_", rule.lower()).strip("_")


def main():
    if len(sys.argv) != 3:
        sys.stderr.write(__doc__)
        return 2
    catalogue, repo = sys.argv[1], sys.argv[2]
    if not os.path.exists(catalogue):
        print("SKIP: no rule catalogue at %s" % catalogue)
        return 77
    ids = catalogue_ids(catalogue)
    lib = read_tree(repo, ["src", "include", os.path.join("data", "schemes")], (".c", ".h", ".json"))
    tests = read_tree(repo, ["tests"], (".c", ".py", ".sh", ".txt", ".csv", ".json"))
    tests_lower = tests.lower()
    with open(os.path.join(repo, "docs", "rules.md"), encoding="utf-8") as f:
        doc = f.read()
    not_impl = doc.split("## What is not implemented, and why", 1)[-1].split("\n## ", 1)[0]
    bad = []
    for rule in ids:
        impl = cited(rule, lib) or all(cited(p, lib) for p in parts(rule))
        tested = cited(rule, tests) or all(cited(p, tests) for p in parts(rule)) or \
            all(re.search(r"(?<![a-z0-9])" + test_name(p) + r"(?![0-9])", tests_lower) for p in parts(rule))
        listed = ("**%s" % rule) in not_impl
        if listed:
            continue
        if not impl:
            bad.append("%s: not cited in src/, include/ or data/schemes/, and not listed as not implemented "
                       "in docs/rules.md" % rule)
        elif not tested:
            bad.append("%s: implemented but no test cites it (as text or as %s in a test name)" % (rule, test_name(rule)))
    for line in bad:
        print(line)
    print("%d catalogue IDs, %d without citation or test" % (len(ids), len(bad)))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
