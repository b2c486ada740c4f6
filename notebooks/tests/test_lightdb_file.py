"""The Python LightDB reader against the spec's test vectors (written by the original C library)."""
import glob
import json
import math
import os
import struct
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from msetl_reader.lightdb import LightDbFile  # noqa: E402

VECTORS = os.environ.get("LIGHTDB_VECTORS", "/work/shared/testdata/lightdb")


def _value(token, type_code):
    if token.startswith("0x"):
        return int(token, 16)
    if type_code == 9:
        return struct.unpack("<f", struct.pack("<f", float(token)))[0]
    if type_code == 10:
        return float(token)
    return int(token)


def _same(a, b):
    return a == b or (isinstance(a, float) and math.isnan(a) and math.isnan(b))


@unittest.skipUnless(os.path.isdir(VECTORS), "LightDB test vectors not found (set LIGHTDB_VECTORS)")
class LightDbFileTest(unittest.TestCase):
    def vectors(self):
        for meta_path in sorted(glob.glob(os.path.join(VECTORS, "*.ldb.json"))):
            with open(meta_path, encoding="utf-8") as f:
                meta = json.load(f)
            txt = os.path.join(VECTORS, meta.get("records_file") or "")
            if meta.get("records_file") and os.path.exists(txt):
                yield meta, os.path.join(VECTORS, meta["file"]), txt

    def expected(self, meta, txt):
        out = []
        with open(txt, encoding="utf-8") as f:
            for line in f:
                tokens = line.split()
                if not tokens:
                    continue
                k = meta["key_elements"]
                out.append((tuple(_value(t, meta["key_type"]) for t in tokens[:k]),
                            tuple(_value(t, meta["data_type"]) for t in tokens[k:])))
        return out

    def test_header_fields_match_the_vector_descriptions(self):
        for meta, path, _ in self.vectors():
            db = LightDbFile(path)
            self.assertEqual((meta["page_byte_size"], meta["max_items"], meta["total_records"], meta["root_page"]),
                             (db.page_size, db.max_items, db.records, db.root), meta["file"])

    def test_in_order_scan_yields_every_record_of_the_vector_in_key_order(self):
        count = 0
        for meta, path, txt in self.vectors():
            want = self.expected(meta, txt)
            got = list(LightDbFile(path).records_from())
            self.assertEqual(len(want), len(got), meta["file"])
            for (wk, wd), (gk, gd) in zip(want, got):
                self.assertTrue(all(_same(a, b) for a, b in zip(wk, gk)), (meta["file"], wk, gk))
                self.assertTrue(all(_same(a, b) for a, b in zip(wd, gd)), (meta["file"], wd, gd))
            count += 1
        self.assertGreater(count, 8)

    def test_lookup_finds_every_key_and_misses_absent_ones(self):
        for meta, path, txt in self.vectors():
            if meta["key_type"] in (9, 10, 11):
                continue
            db = LightDbFile(path)
            want = self.expected(meta, txt)
            for k, d in want:
                self.assertEqual(d, db.get(k), (meta["file"], k))
            if want:
                self.assertIsNone(db.get(tuple(v + 1 for v in want[-1][0][:-1]) + (want[-1][0][-1] + 1,)))

    def test_scans_from_a_key_start_at_the_smallest_key_not_below_it(self):
        db = LightDbFile(os.path.join(VECTORS, "z_bulk_items8_n100.ldb"))
        self.assertEqual([(60,), (70,)], [k for k, _ in db.records_from(55)][:2])
        self.assertEqual([(0,)], [k for k, _ in db.records_from(-5)][:1])
        self.assertEqual([], list(db.records_from(991)))

    def test_the_unordered_scan_skips_deleted_blocks_and_yields_the_same_records(self):
        for name in ("c_spectrum_deleted.ldb", "i_all_deleted.ldb", "g_items8_uint64_deep.ldb"):
            db = LightDbFile(os.path.join(VECTORS, name))
            self.assertEqual(sorted(db.records_from()), sorted(db.scan_unordered()), name)


if __name__ == "__main__":
    unittest.main()
