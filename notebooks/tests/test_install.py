"""``pip install ./notebooks`` works offline: no dependencies, a standard-library build backend."""
import importlib.util
import os
import subprocess
import sys
import tempfile
import unittest

NOTEBOOKS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")


@unittest.skipIf(importlib.util.find_spec("pip") is None, "pip is not installed for this interpreter")
class InstallTest(unittest.TestCase):
    def test_pip_installs_the_reader_without_an_index_and_it_imports_from_there(self):
        with tempfile.TemporaryDirectory() as target:
            r = subprocess.run([sys.executable, "-m", "pip", "install", "--no-index", "--no-deps",
                                "--disable-pip-version-check", "--target", target, NOTEBOOKS],
                               capture_output=True, text=True)
            self.assertEqual(0, r.returncode, r.stdout + r.stderr)
            r = subprocess.run([sys.executable, "-c", "import msetl_reader, sys; "
                                "sys.stdout.write(msetl_reader.__file__ + ' ' + msetl_reader.__version__)"],
                               capture_output=True, text=True, cwd=target, env={"PYTHONPATH": target})
            self.assertEqual(0, r.returncode, r.stderr)
            path, version = r.stdout.split()
            self.assertTrue(path.startswith(target), path)
            with open(os.path.join(NOTEBOOKS, "msetl_reader", "__init__.py"), encoding="utf-8") as f:
                self.assertIn('__version__ = "%s"' % version, f.read())


if __name__ == "__main__":
    unittest.main()
