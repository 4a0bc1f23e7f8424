"""Which package and which library the suite runs against.

In the tree (meson test): the package of bindings/python and the library of
ECOGRID_LIBRARY. In .ci/run's wheel step (ECOGRID_TEST_INSTALLED=1): the
package pip installed from the wheel into a fresh venv, with the library the
wheel carries, and every module of the source package installed.
"""
import os
import sys
import unittest

import ecogrid
from ecogrid import _native

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE_PKG = os.path.normpath(os.path.join(HERE, "..", "..", "bindings", "python", "ecogrid"))
PKG = os.path.dirname(os.path.abspath(ecogrid.__file__))
INSTALLED = os.environ.get("ECOGRID_TEST_INSTALLED") == "1"


def package_files(path):
    return sorted(f for f in os.listdir(path) if f.endswith(".py") or f == "py.typed")


class TestPackage(unittest.TestCase):
    def test_typed_and_versioned(self):
        self.assertTrue(os.path.exists(os.path.join(PKG, "py.typed")))
        self.assertEqual(ecogrid.__version__, ecogrid.version())

    @unittest.skipIf(INSTALLED, "the wheel step runs the installed package")
    def test_tree_run_uses_the_tree_package_and_the_library_given(self):
        self.assertEqual(PKG, SOURCE_PKG)
        if os.environ.get("ECOGRID_LIBRARY"):
            self.assertEqual(_native.LIBRARY_PATH, os.environ["ECOGRID_LIBRARY"])

    @unittest.skipUnless(INSTALLED, "run by .ci/run's wheel step against the installed package")
    def test_installed_package_with_its_bundled_library(self):
        self.assertNotIn("ECOGRID_LIBRARY", os.environ)
        self.assertNotEqual(PKG, SOURCE_PKG)
        # Installed in the interpreter's own prefix (the fresh venv), not found through PYTHONPATH.
        self.assertTrue(PKG.startswith(os.path.abspath(sys.prefix) + os.sep), (PKG, sys.prefix))
        self.assertNotIn("PYTHONPATH", os.environ)
        # The library is the one inside the package.
        self.assertEqual(os.path.dirname(os.path.abspath(_native.LIBRARY_PATH)), PKG)
        self.assertTrue(os.path.basename(_native.LIBRARY_PATH).startswith("libecogrid.so"))
        # bindings/python/meson.build lists every module: the wheel has them all.
        if os.path.isdir(SOURCE_PKG):
            self.assertEqual(package_files(PKG), package_files(SOURCE_PKG))


if __name__ == "__main__":
    unittest.main()
