#!/usr/bin/env python3
"""Every duty of every shipped scheme document cites its source verbatim.

    check_duty_sources.py SHARED_DIR SCHEME.json...

SHARED_DIR is ../shared (seeds/ and docs/rules.md). For each duty of each
document (its "duties" array, section 9 of the rule catalogue):

1. it has a source: a non-empty "article" and "quote";
2. the quote occurs verbatim, byte for byte, in the seed file of the
   duty's own source document (the catalogue's table of sources: CJ 001,
   JM 000, DG 002, MEE 003, YL 004), not merely in some seed;
3. when the duty's rule has an entry in section 9 of the catalogue with a
   "Seed:" line, the quote is one of the 「…」 quotes of that entry, exactly
   as the catalogue quotes it: the Seed line's, or the entry's quote of a
   later sentence of the same row (a rule of another section, such as
   CJ-G.8 or DG-15, is checked against its seed only).

It prints every duty that fails and exits 1; without the shared directory
(no seeds, no catalogue) it exits 77 (SKIP).
"""
import json
import os
import re
import sys

# The catalogue's table of sources (rules.md, "Sources:").
SEEDS = {
    "CJ": "001_cb63c957d12f9c9c.txt",
    "JM": "000_8d12557ba7d33fea.txt",
    "DG": "002_d4878596a089f38c.txt",
    "MEE": "003_de700301f1a9b0a4.txt",
    "YL": "004_1103bdedf29f919c.txt",
}
ENTRY_RE = re.compile(r"^- \*\*((?:CJ|JM|DG|MEE|YL)-[-A-Za-z0-9./]*[A-Za-z0-9])[ *]", re.M)
QUOTE_RE = re.compile(r"「([^」]*)」")


def section_9_seed_quotes(catalogue):
    """rule ID -> the 「…」 quotes of its section-9 entry, for the entries with a "Seed:" line.

    Every 「…」 of the catalogue is verbatim from the seed of the entry's
    prefix. The Seed line gives the row's duty; a duty drawn from a later
    sentence of the same row (DG-24's 「定期听取…」, DG-68's yearly plan)
    quotes that sentence as the entry does.
    """
    start = catalogue.index("\n## 9.")
    end = catalogue.find("\n## ", start + 1)
    text = catalogue[start:end if end >= 0 else len(catalogue)]
    marks = list(ENTRY_RE.finditer(text))
    out = {}
    for k, m in enumerate(marks):
        body = text[m.start():marks[k + 1].start() if k + 1 < len(marks) else len(text)]
        if "Seed:" in body:
            out[m.group(1)] = QUOTE_RE.findall(body)
    return out


def main():
    if len(sys.argv) < 3:
        print(__doc__.strip().split("\n\n")[1], file=sys.stderr)
        return 2
    shared, docs = sys.argv[1], sys.argv[2:]
    catalogue_path = os.path.join(shared, "docs", "rules.md")
    seed_dir = os.path.join(shared, "seeds")
    if not os.path.isfile(catalogue_path) or not all(os.path.isfile(os.path.join(seed_dir, f)) for f in SEEDS.values()):
        print("SKIP: %s (seeds and rules.md) is not there" % shared)
        return 77
    with open(catalogue_path, encoding="utf-8") as f:
        entries = section_9_seed_quotes(f.read())
    seeds = {}
    for prefix, name in SEEDS.items():
        with open(os.path.join(seed_dir, name), encoding="utf-8") as f:
            seeds[prefix] = f.read()
    bad = checked = pinned = 0
    for path in docs:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        for i, d in enumerate(doc.get("duties", [])):
            where = "%s /duties/%d (%s, %s)" % (os.path.basename(path), i, d.get("id"), d.get("rule"))
            checked += 1
            src = d.get("source") or {}
            article, quote = src.get("article", ""), src.get("quote", "")
            if not article or not quote:
                print("%s: no source (article and quote)" % where)
                bad += 1
                continue
            prefix = d["rule"].split("-")[0]
            if prefix not in seeds:
                print("%s: rule prefix %s names no seed" % (where, prefix))
                bad += 1
                continue
            if quote not in seeds[prefix]:
                print("%s: the quote 「%s」 is not verbatim in its seed %s" % (where, quote, SEEDS[prefix]))
                bad += 1
                continue
            if d["rule"] in entries:
                pinned += 1
                if quote not in entries[d["rule"]]:
                    print("%s: the quote 「%s」 is not one of the catalogue's Seed quotes of %s: %s" % (
                        where, quote, d["rule"], ", ".join("「%s」" % q for q in entries[d["rule"]])))
                    bad += 1
    if not checked:
        print("no duties found in %s" % ", ".join(docs))
        return 1
    if bad:
        print("%d of %d duties fail" % (bad, checked))
        return 1
    print("%d duties: every quote verbatim in its seed; %d of them exactly as section 9 quotes their rule" % (
        checked, pinned))
    return 0


if __name__ == "__main__":
    sys.exit(main())
