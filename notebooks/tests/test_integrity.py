"""Damage and foreign files give one clear error naming the file (and the sample), never a wrong value.

Runs on a copy of the export ExportSparkTest wrote (MSETL_TEST_EXPORT); skipped without it.
"""
import json
import os
import random
import shutil
import sqlite3
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
import msetl_reader  # noqa: E402
from msetl_reader import ShardError  # noqa: E402

EXPORT = os.environ.get("MSETL_TEST_EXPORT")
REQUIRED = os.environ.get("MSETL_REQUIRE_EXPORT") == "1"


def _plain(sample):
    """A sample as comparable Python values."""
    out = {}
    for k, v in sample.items():
        if hasattr(v, "tolist"):
            v = v.tolist()
        out[k] = v
    return out


def _read_all(path, fmt):
    with msetl_reader.open_export(path, format=fmt) as e:
        return {s: [_plain(x) for x in e.split(s)] for s in e.splits}


@unittest.skipUnless(EXPORT or REQUIRED, "set MSETL_TEST_EXPORT to an export written with --format both")
class DamageTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="msetl-damage-")
        cls.good = os.path.join(cls.tmp, "good")
        shutil.copytree(msetl_reader.export.resolve(EXPORT), cls.good)
        cls.want = {f: _read_all(cls.good, f) for f in ("sqlite", "lightdb")}

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def _copy(self, name):
        target = os.path.join(self.tmp, name)
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(self.good, target)
        return target

    def _files(self, root, suffix):
        with open(os.path.join(root, "manifest.json"), encoding="utf-8") as f:
            return [os.path.join(root, x["path"]) for x in json.load(f)["files"] if x["path"].endswith(suffix)]

    def test_every_single_bit_flip_in_a_lightdb_payload_is_an_error_naming_file_and_sample(self):
        root = self._copy("flip-dat")
        dat = self._files(root, ".dat")[0]
        with open(dat, "rb") as f:
            original = f.read()
        rng = random.Random(10)
        for trial in range(60):
            at, bit = rng.randrange(len(original)), 1 << rng.randrange(8)
            damaged = bytearray(original)
            damaged[at] ^= bit
            with open(dat, "wb") as f:
                f.write(damaged)
            with self.assertRaises(ShardError, msg="flip at byte %d went unnoticed" % at) as caught:
                _read_all(root, "lightdb")
            self.assertIn(os.path.basename(dat), str(caught.exception))
            self.assertRegex(str(caught.exception), r": sample \d+: ")

    def test_bit_flips_in_a_lightdb_index_are_errors_or_change_nothing(self):
        root = self._copy("flip-ldb")
        ldb = self._files(root, ".ldb")[0]
        with open(ldb, "rb") as f:
            original = f.read()
        rng = random.Random(11)
        errors = 0
        for trial in range(60):
            at, bit = rng.randrange(len(original)), 1 << rng.randrange(8)
            damaged = bytearray(original)
            damaged[at] ^= bit
            with open(ldb, "wb") as f:
                f.write(damaged)
            try:
                got = _read_all(root, "lightdb")
            except ShardError as e:
                self.assertIn(os.path.splitext(os.path.basename(ldb))[0], str(e))
                errors += 1
                continue
            # Unused bytes of a page: the flip changes nothing a reader returns.
            self.assertEqual(self.want["lightdb"], got, "flip at byte %d of %s gave wrong values" % (at, ldb))
        self.assertGreater(errors, 0)

    def test_a_truncated_lightdb_payload_or_index_is_an_error_naming_the_file(self):
        for suffix in (".dat", ".ldb"):
            root = self._copy("truncated" + suffix)
            path = self._files(root, suffix)[0]
            with open(path, "r+b") as f:
                f.truncate(os.path.getsize(path) * 2 // 3)
            with self.assertRaises(ShardError) as caught:
                _read_all(root, "lightdb")
            self.assertIn(os.path.basename(path), str(caught.exception))

    def test_a_flipped_bit_in_a_sqlite_array_is_an_error_naming_file_and_sample(self):
        root = self._copy("flip-sqlite")
        path = self._files(root, ".sqlite")[0]
        with open(path, "rb") as f:
            data = bytearray(f.read())
        db = sqlite3.connect(path)
        # A spectrum whose bytes occur once in the file (replicate spectra share identical blobs).
        blob = next(b for (b,) in db.execute("SELECT normalized_spectrum FROM spectra ORDER BY sample_index")
                    if data.count(b) == 1)
        db.close()
        at = data.find(blob)
        data[at + len(blob) // 2] ^= 0x10
        with open(path, "wb") as f:
            f.write(data)
        with self.assertRaises(ShardError) as caught:
            _read_all(root, "sqlite")
        self.assertIn(os.path.basename(path), str(caught.exception))
        self.assertRegex(str(caught.exception), r": sample \d+: ")

    def test_a_truncated_sqlite_shard_is_an_error_naming_the_file(self):
        root = self._copy("truncated-sqlite")
        path = self._files(root, ".sqlite")[0]
        with open(path, "r+b") as f:
            f.truncate(os.path.getsize(path) // 2)
        with self.assertRaises(ShardError) as caught:
            _read_all(root, "sqlite")
        self.assertIn(os.path.basename(path), str(caught.exception))

    def test_verify_true_finds_a_damaged_file_by_its_sha256_before_reading(self):
        root = self._copy("verify")
        self.assertIsNotNone(msetl_reader.open_export(root, format="lightdb", verify=True, progress=None))
        path = self._files(root, ".sqlite")[-1]
        with open(path, "r+b") as f:
            f.seek(os.path.getsize(path) - 1)
            last = f.read(1)
            f.seek(os.path.getsize(path) - 1)
            f.write(bytes([last[0] ^ 1]))
        seen = []
        with self.assertRaisesRegex(ShardError, "sha256 .* differs from the manifest's"):
            msetl_reader.open_export(root, verify=True, progress=lambda p, done, total: seen.append((p, done, total)))
        self.assertTrue(seen and all(done <= total for _, done, total in seen))


@unittest.skipUnless(EXPORT or REQUIRED, "set MSETL_TEST_EXPORT to an export written with --format both")
class ForeignVersionTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="msetl-version-")
        self.root = os.path.join(self.tmp, "x")
        shutil.copytree(msetl_reader.export.resolve(EXPORT), self.root)
        with open(os.path.join(self.root, "manifest.json"), encoding="utf-8") as f:
            self.manifest = json.load(f)

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def _write_manifest(self, **changes):
        m = dict(self.manifest, **changes)
        with open(os.path.join(self.root, "manifest.json"), "w", encoding="utf-8") as f:
            json.dump(m, f)

    def test_a_manifest_of_another_format_version_is_refused(self):
        self._write_manifest(format_version=msetl_reader.FORMAT_VERSION + 1)
        with self.assertRaisesRegex(ShardError, "manifest format_version is %d, this reader reads version %d"
                                    % (msetl_reader.FORMAT_VERSION + 1, msetl_reader.FORMAT_VERSION)):
            msetl_reader.open_export(self.root)

    def test_a_manifest_of_another_format_is_refused(self):
        self._write_manifest(format="something-else")
        with self.assertRaisesRegex(ShardError, "manifest format is 'something-else'"):
            msetl_reader.open_export(self.root)

    def test_an_unknown_feature_schema_version_is_refused(self):
        self._write_manifest(feature_schema=dict(self.manifest["feature_schema"], feature_schema_version="9.9.9"))
        with self.assertRaisesRegex(ShardError, "feature_schema_version is '9.9.9', this reader knows"):
            msetl_reader.open_export(self.root)

    def test_a_sqlite_shard_of_another_format_version_is_refused_naming_it(self):
        path = [os.path.join(self.root, f["path"]) for f in self.manifest["files"] if f["format"] == "sqlite"][0]
        db = sqlite3.connect(path)
        db.execute("UPDATE meta SET value = '1' WHERE key = 'format_version'")
        db.commit()
        db.close()
        split = [f["split"] for f in self.manifest["files"] if f["path"] == os.path.relpath(path, self.root)][0]
        with msetl_reader.open_export(self.root) as e:
            with self.assertRaisesRegex(ShardError, "%s: shard format_version is 1" % os.path.basename(path)):
                e.split(split)[0]


if __name__ == "__main__":
    unittest.main()
