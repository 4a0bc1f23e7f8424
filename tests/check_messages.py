#!/usr/bin/env python3
"""The tool's message catalogues against its sources.

Fails when
- a source file of tools/ecogrid/ is not in po/POTFILES (its messages would
  never reach a catalogue);
- a message that xgettext finds in the sources (the keywords of
  po/meson.build) is missing from po/zh_CN.po or po/en.po, untranslated or
  fuzzy (msgcmp);
- `msgfmt --check` rejects a catalogue (format strings that do not match,
  bad headers);
- a library message format that tools/ecogrid/errmsg.c translates no longer
  occurs in src/ (a changed library message would silently fall back to the
  status code's sentence).

usage: check_messages.py SOURCE_ROOT
"""
import glob
import os
import re
import subprocess
import sys
import tempfile


def main():
    root = sys.argv[1]
    po = os.path.join(root, "po")
    errors = []

    with open(os.path.join(po, "POTFILES"), encoding="utf-8") as fh:
        listed = {line.strip() for line in fh if line.strip() and not line.startswith("#")}
    sources = {os.path.relpath(p, root) for p in glob.glob(os.path.join(root, "tools", "ecogrid", "*.c"))}
    for missing in sorted(sources - listed):
        errors.append(f"po/POTFILES does not list {missing}")
    for gone in sorted(listed - sources):
        errors.append(f"po/POTFILES lists {gone}, which does not exist")

    with open(os.path.join(po, "meson.build"), encoding="utf-8") as fh:
        args = re.findall(r"'(--(?:keyword|flag|from-code)=[^']*)'", fh.read())
    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, "ecogrid.pot")
        proc = subprocess.run(["xgettext", *args, "-o", pot, *sorted(sources & listed)], cwd=root,
                              capture_output=True, text=True)
        if proc.returncode != 0:
            errors.append("xgettext failed: " + proc.stderr)
        else:
            for lang in ("zh_CN", "en"):
                cat = os.path.join(po, lang + ".po")
                proc = subprocess.run(["msgcmp", cat, pot], capture_output=True, text=True)
                if proc.returncode != 0:
                    errors.append(f"po/{lang}.po lacks messages of the sources (run `ninja -C build ecogrid-update-po` "
                                  f"and translate them):\n" + proc.stderr.strip())
                proc = subprocess.run(["msgfmt", "--check", "-o", os.devnull, cat], capture_output=True, text=True)
                if proc.returncode != 0:
                    errors.append(f"msgfmt --check po/{lang}.po:\n" + proc.stderr.strip())

    # Library formats the tool translates must still be the library's.
    with open(os.path.join(root, "tools", "ecogrid", "errmsg.c"), encoding="utf-8") as fh:
        text = fh.read()
    block = text[text.index("lib_formats[] = {"):text.index("};", text.index("lib_formats[] = {"))]
    formats = [bytes(m, "utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")
               for m in re.findall(r'N_\("((?:[^"\\]|\\.)*)"\)', block)]
    conv = re.compile(r"%[-+ #0-9.*]*(?:hh|h|ll|l|z|j|t|L)?[a-zA-Z]")
    lib = []
    for path in glob.glob(os.path.join(root, "src", "*.c")):
        with open(path, encoding="utf-8") as fh:
            for m in re.finditer(r'eg__error\(\s*EG_[A-Z]+\s*,\s*((?:"(?:[^"\\]|\\.)*"\s*)+)', fh.read()):
                lit = "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', m.group(1)))
                lit = bytes(lit, "utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")
                lib.append(conv.sub("%", lit))
    for f in formats:
        g = conv.sub("%", f)
        # As the library writes it, or after the "eg_function: " / "%s: " prefix the tool drops.
        if not any(line == g or line.endswith(": " + g) for line in lib):
            errors.append(f"errmsg.c translates a library message that src/ no longer has: {f}")

    # The phrases of a scheme refusal the tool translates (errmsg.c, scheme_phrases[]) must still be
    # written by src/ (joined string literals, conversions aside).
    block = text[text.index("scheme_phrases[] = {"):text.index("};", text.index("scheme_phrases[] = {"))]
    phrases = [bytes(m, "utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")
               for m in re.findall(r'N_\("((?:[^"\\]|\\.)*)"\)', block)]
    runs = []
    for path in glob.glob(os.path.join(root, "src", "*.c")):
        with open(path, encoding="utf-8") as fh:
            for m in re.finditer(r'(?:"(?:[^"\\\n]|\\.)*"\s*)+', fh.read()):
                lit = "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', m.group(0)))
                lit = bytes(lit, "utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")
                runs.append(conv.sub("%", lit))
    for ph in phrases:
        g = conv.sub("%", ph)
        if not any(g in r for r in runs):
            errors.append(f"errmsg.c translates a scheme phrase that src/ no longer writes: {ph}")

    for e in errors:
        print(e)
    print(f"{len(sources)} sources, {len(formats)} library formats, {len(phrases)} scheme phrases: " + ("FAILED" if errors else "ok"))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
