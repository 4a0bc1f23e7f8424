"""The binding's ctypes Structures against the C layout of every public struct.

The C side is `test_abi --print` (tests/test_abi.c, whose own suite pins
the same numbers): one line per struct ("NAME - 0 SIZE") and per field
("NAME FIELD OFFSET SIZE"), as the compiler lays them out. The Python side
is measured from the binding's Structures (ctypes.sizeof, Field.offset,
Field.size), never copied from C, so a field added to a header but not to
the binding, or a wrong ctypes type, fails here.
"""
import ctypes
import glob
import importlib
import os
import pkgutil
import re
import subprocess
import unittest

import ecogrid

LAYOUT = os.environ.get("ECOGRID_ABI_LAYOUT")
INCLUDE = os.environ.get("ECOGRID_INCLUDE_DIR")


def c_layout():
    out = subprocess.run([LAYOUT, "--print"], capture_output=True, text=True, check=True).stdout
    structs = {}
    for line in out.splitlines():
        name, field, offset, size = line.split()
        entry = structs.setdefault(name, {"size": None, "fields": []})
        if field == "-":
            entry["size"] = int(size)
        else:
            entry["fields"].append((field, int(offset), int(size)))
    return structs


def binding_structures():
    """C struct name -> ctypes Structure, from the docstrings ("struct eg_x ...")."""
    found = {}
    pkg_dir = os.path.dirname(ecogrid.__file__)
    for mod in sorted(m.name for m in pkgutil.iter_modules([pkg_dir])):
        module = importlib.import_module("ecogrid." + mod)
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, ctypes.Structure) and value.__doc__:
                m = re.match(r"struct (eg_\w+)", value.__doc__)
                if m:
                    found.setdefault(m.group(1), value)
    return found


@unittest.skipUnless(LAYOUT and os.path.exists(LAYOUT), "ECOGRID_ABI_LAYOUT (the test_abi program) is not set")
class TestAbi(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.c = c_layout()
        cls.py = binding_structures()

    def test_every_c_struct_has_a_binding_structure(self):
        self.assertGreaterEqual(len(self.c), 19)
        self.assertEqual(sorted(set(self.c) - set(self.py)), [], "public structs without a ctypes Structure")
        self.assertEqual(sorted(set(self.py) - set(self.c)), [], "ctypes Structures of no public struct")

    def test_sizes_and_offsets_match(self):
        for name, layout in sorted(self.c.items()):
            cls = self.py[name]
            with self.subTest(struct=name):
                self.assertEqual(ctypes.sizeof(cls), layout["size"], "sizeof")
                py_fields = [f[0] for f in cls._fields_]
                self.assertEqual(py_fields, [f for f, _o, _s in layout["fields"]], "field names and order")
                for field, offset, size in layout["fields"]:
                    descr = getattr(cls, field)
                    self.assertEqual((descr.offset, descr.size), (offset, size), "%s.%s" % (name, field))

    @unittest.skipUnless(INCLUDE, "ECOGRID_INCLUDE_DIR is not set")
    def test_every_struct_of_the_headers_is_in_the_layout(self):
        declared = set()
        for path in glob.glob(os.path.join(INCLUDE, "ecogrid", "*.h")):
            with open(path, encoding="utf-8") as f:
                declared |= set(re.findall(r"typedef struct (eg_\w+) \{", f.read()))
        self.assertEqual(sorted(declared - set(self.c)), [], "add the struct to tests/test_abi.c")
        self.assertEqual(sorted(set(self.c) - declared), [])


if __name__ == "__main__":
    unittest.main()
