"""pyflakes finds nothing in notebooks/: the reader, the benchmark, the tests and every notebook's code cells."""
import glob
import importlib.util
import json
import os
import unittest

NOTEBOOKS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")


@unittest.skipIf(importlib.util.find_spec("pyflakes") is None, "pyflakes is not installed (Debian: python3-pyflakes)")
class PyflakesTest(unittest.TestCase):
    def _check(self, source, name):
        from pyflakes.api import check
        from pyflakes.reporter import Reporter
        import io
        out, err = io.StringIO(), io.StringIO()
        check(source, name, Reporter(out, err))
        self.assertEqual("", out.getvalue() + err.getvalue())

    def test_python_files(self):
        for path in glob.glob(os.path.join(NOTEBOOKS, "**", "*.py"), recursive=True):
            with open(path, encoding="utf-8") as f:
                self._check(f.read(), path)

    def test_notebook_code_cells(self):
        for path in glob.glob(os.path.join(NOTEBOOKS, "*.ipynb")):
            with open(path, encoding="utf-8") as f:
                nb = json.load(f)
            cells = ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"]
            self._check("\n\n".join(cells) + "\n", path)
            self.assertTrue(all(not c.get("outputs") for c in nb["cells"] if c["cell_type"] == "code"),
                            "%s is committed with outputs" % path)


if __name__ == "__main__":
    unittest.main()
