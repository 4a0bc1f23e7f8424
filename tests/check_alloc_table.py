#!/usr/bin/env python3
"""Check that tests/test_alloc.c covers every public function that allocates.

    check_alloc_table.py LIBECOGRID_SO INCLUDE_DIR TEST_ALLOC_C

1. Lists every EG_API function declared in INCLUDE_DIR/ecogrid/*.h.
2. Reads the two tables of TEST_ALLOC_C: `alloc_cases[]` (allocating public
   functions, each with its failure-injection scenario) and
   `non_allocating[]` (public functions that never allocate).
3. Builds the static call graph of the library from `objdump -d` (direct
   calls, tail jumps and taken addresses, through the PLT as well) and
   computes which public functions can reach the allocator of
   src/util/alloc.c (eg__malloc, eg__calloc, eg__realloc, eg__strndup).

It fails when a public function is in neither table or in both, when a
function of the allocating set is missing from alloc_cases[] (a new
allocating function was forgotten), when a function listed as
non-allocating can reach the allocator, when a table entry is not a public
function, or when library code calls malloc/calloc/realloc/strdup directly
(bypassing the hook, so failure injection could not reach it).
"""
import glob
import os
import re
import subprocess
import sys

# eg__strndup too: the compiler may inline eg__malloc into it.
ALLOCATOR = {"eg__malloc", "eg__calloc", "eg__realloc", "eg__strndup"}
RAW = {"malloc", "calloc", "realloc", "strdup", "strndup", "reallocarray", "aligned_alloc",
       "posix_memalign", "asprintf", "vasprintf"}
# The hook itself is the only code allowed to call the C allocator.
RAW_ALLOWED = ALLOCATOR


def public_functions(include_dir):
	names = set()
	for path in sorted(glob.glob(os.path.join(include_dir, "ecogrid", "*.h"))):
		with open(path, encoding="utf-8") as f:
			text = f.read()
		for decl in re.findall(r"^EG_API\b([^;]*);", text, re.M | re.S):
			m = re.search(r"\b(eg_[a-z0-9_]+)\s*\(", decl)
			if not m:
				raise SystemExit(f"{path}: cannot read the name of: EG_API{decl};")
			names.add(m.group(1))
	return names


def c_table(text, array):
	m = re.search(r"\b" + array + r"\[\]\s*=\s*\{(.*?)\n\};", text, re.S)
	if not m:
		raise SystemExit(f"table {array}[] not found")
	body = re.sub(r"/\*.*?\*/", "", m.group(1), flags=re.S)
	return re.findall(r'"(eg_[a-z0-9_]+)"', body)


def call_graph(lib):
	out = subprocess.run(["objdump", "-d", "--no-show-raw-insn", lib], check=True,
			     capture_output=True, text=True).stdout
	graph, cur = {}, None
	head = re.compile(r"^[0-9a-f]+ <([^>]+)>:$")
	ref = re.compile(r"<([^>+@]+)(?:@plt)?(?:\+0x[0-9a-f]+)?>")
	for line in out.splitlines():
		m = head.match(line)
		if m:
			cur = m.group(1)
			if cur.endswith("@plt"):
				cur = None
			else:
				graph.setdefault(cur, set())
			continue
		if cur is None or "\t" not in line:
			continue
		for target in ref.findall(line.split("\t", 1)[1]):
			if target != cur:
				graph[cur].add(target)
	return graph


def reaching(graph, roots):
	"""Functions from which a root is reachable."""
	rev = {}
	for f, ts in graph.items():
		for t in ts:
			rev.setdefault(t, set()).add(f)
	seen, todo = set(roots), list(roots)
	while todo:
		for f in rev.get(todo.pop(), ()):
			if f not in seen:
				seen.add(f)
				todo.append(f)
	return seen


def main():
	if len(sys.argv) != 4:
		raise SystemExit(__doc__)
	lib, include_dir, table_c = sys.argv[1:]
	api = public_functions(include_dir)
	with open(table_c, encoding="utf-8") as f:
		text = f.read()
	covered_list, nonalloc_list = c_table(text, "alloc_cases"), c_table(text, "non_allocating")
	covered, nonalloc = set(covered_list), set(nonalloc_list)
	graph = call_graph(lib)
	missing_in_lib = sorted(ALLOCATOR - set(graph))
	errors = []
	if missing_in_lib:
		errors.append("allocator functions not found in the library's code: " + ", ".join(missing_in_lib))
	allocating = reaching(graph, ALLOCATOR) & api

	# Only the library's own code (not libgcov or sanitizer runtimes linked in).
	src_text = ""
	for path in glob.glob(os.path.join(include_dir, "..", "src", "**", "*.c"), recursive=True):
		with open(path, encoding="utf-8") as f:
			src_text += f.read()
	for f, ts in sorted(graph.items()):
		bad = sorted(ts & RAW)
		own = re.search(r"\b" + re.escape(f.split(".")[0]) + r"\s*\(", src_text)
		if bad and own and f not in RAW_ALLOWED:
			errors.append(f"{f} calls {', '.join(bad)} directly, bypassing src/util/alloc.c")
	for name in sorted(set(n for n in nonalloc_list if nonalloc_list.count(n) > 1)):
		errors.append(f"{name} is listed twice in non_allocating[]")
	for name in sorted((covered | nonalloc) - api):
		errors.append(f"{name} is in a table of test_alloc.c but is not an EG_API function")
	for name in sorted(covered & nonalloc):
		errors.append(f"{name} is in both alloc_cases[] and non_allocating[]")
	for name in sorted(api - covered - nonalloc):
		kind = "allocates" if name in allocating else "does not allocate"
		errors.append(f"{name} ({kind}) is in neither alloc_cases[] nor non_allocating[]")
	for name in sorted(allocating & nonalloc):
		errors.append(f"{name} is listed as non-allocating but can reach the allocator")
	for name in sorted(covered - allocating):
		errors.append(f"{name} has an allocation scenario but cannot reach the allocator "
			      "(move it to non_allocating[])")
	for name in sorted(api - set(graph)):
		if name in covered or name in nonalloc:
			errors.append(f"{name} is declared but has no code in {os.path.basename(lib)}")

	print(f"{len(api)} public functions: {len(allocating)} can allocate, "
	      f"{len(covered)} with a scenario, {len(nonalloc)} listed as non-allocating")
	if errors:
		for e in errors:
			print("error: " + e)
		return 1
	print("alloc table: complete")
	return 0


if __name__ == "__main__":
	sys.exit(main())
