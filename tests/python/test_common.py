"""Binding-level checks: version, errors, and the single prototype table."""
import ctypes
import os
import shutil
import subprocess
import unittest

import ecogrid
from ecogrid import _native


class TestVersion(unittest.TestCase):
    def test_version_is_major_minor_patch(self):
        parts = ecogrid.version().split(".")
        self.assertEqual(len(parts), 3)
        self.assertTrue(all(p.isdigit() for p in parts))


class TestPrototypeTable(unittest.TestCase):
    @unittest.skipUnless(shutil.which("nm"), "nm (binutils) is not installed")
    def test_every_exported_symbol_is_declared(self):
        path = os.environ.get("ECOGRID_LIBRARY") or _native.lib._name
        out = subprocess.run(["nm", "-D", "--defined-only", path], capture_output=True,
                             text=True, check=True).stdout
        # nm prints versioned symbols as name@@ECOGRID_1.0 (src/ecogrid.map).
        exported = {line.split()[-1].split("@")[0] for line in out.splitlines()
                    if len(line.split()) == 3 and line.split()[1] in "TW"
                    and line.split()[-1].startswith("eg_")}
        self.assertGreater(len(exported), 10)
        missing = sorted(exported - set(_native.PROTOTYPES))
        self.assertEqual(missing, [], "exported but not in the prototype table")
        stale = sorted(set(_native.PROTOTYPES) - exported)
        self.assertEqual(stale, [], "in the prototype table but not exported")

    def test_pointer_returning_functions_do_not_truncate(self):
        # restype c_void_p/c_char_p everywhere a pointer comes back.
        for name, (restype, _args) in _native.PROTOTYPES.items():
            fn = getattr(_native.lib, name)
            if restype in (ctypes.c_void_p, ctypes.c_char_p):
                self.assertIs(fn.restype, restype, name)


class TestErrors(unittest.TestCase):
    def test_strerror_and_detail(self):
        with self.assertRaises(ecogrid.NotFound) as cm:
            ecogrid.Grid()["652399999999"]
        self.assertEqual(cm.exception.code, -4)
        self.assertIn("652399999999", cm.exception.message)
        self.assertIsInstance(cm.exception, LookupError)

    def test_error_classes_map_codes(self):
        from ecogrid import errors
        for code, cls in [(-2, ecogrid.InvalidArgument), (-3, ecogrid.OutOfMemory),
                          (-5, ecogrid.AlreadyExists), (-7, ecogrid.ParseError),
                          (-10, ecogrid.Utf8Error), (-11, ecogrid.CycleError),
                          (-12, ecogrid.LevelError)]:
            exc = errors.from_code(code)
            self.assertIsInstance(exc, cls)
            self.assertEqual(exc.code, code)
        self.assertIs(type(errors.from_code(-99)), ecogrid.EcogridError)


if __name__ == "__main__":
    unittest.main()
