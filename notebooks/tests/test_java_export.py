"""Reads shards the Java exporter wrote (ExportSparkTest runs this with MSETL_TEST_EXPORT set)."""
import json
import multiprocessing
import os
import sqlite3
import struct
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
import msetl_reader  # noqa: E402
import msetl_reader.lightdb  # noqa: E402
from msetl_reader import torch_dataset  # noqa: E402

EXPORT = os.environ.get("MSETL_TEST_EXPORT")
EXPECTED = os.environ.get("MSETL_TEST_EXPECTED")
REQUIRED = os.environ.get("MSETL_REQUIRE_EXPORT") == "1"

# The spectrum columns a model may condition on: every sample carries them, in both formats.
CONDITIONING = ("precursor_mz", "precursor_type", "collision_energy", "ion_mode", "instrument_type", "spectrum_type",
                "instrument", "conformer_status")

ORIGINAL_QUERY = ("SELECT c.*, s.normalized_spectrum, g.node_features, g.edge_index, g.edge_attr "
                  "FROM compounds c JOIN spectra s ON c.id = s.compound_id "
                  "JOIN graph_features g ON c.id = g.compound_id WHERE c.id = ?")


def _ids_in_worker(args):
    split, start, stop = args
    return [s["compound_id"] for s in split.batch(start, stop)]


def _flat(a):
    if a is None:
        return None
    return [float(v) for v in (a.reshape(-1) if hasattr(a, "reshape") else a.data)]


def _f32(values):
    """Expected values as float32 (JSON carries the shortest decimal form of each float32)."""
    if values is None:
        return None
    return [struct.unpack("<f", struct.pack("<f", v))[0] for v in values]


@unittest.skipUnless(EXPORT or REQUIRED, "set MSETL_TEST_EXPORT to an export written by the Java exporter "
                                         "(ExportSparkTest does this)")
class JavaExportTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if not EXPORT:
            raise AssertionError("MSETL_REQUIRE_EXPORT=1 but MSETL_TEST_EXPORT is not set")
        cls.export = msetl_reader.open_export(EXPORT)
        with open(EXPECTED, encoding="utf-8") as f:
            cls.expected = json.load(f)

    def test_every_sample_equals_the_tables(self):
        for split, rows in self.expected.items():
            reader = self.export.split(split)
            self.assertEqual(len(rows), len(reader), split)
            for want in rows:
                got = reader[want["sample_index"]]
                self.assertEqual(want["compound_id"], got["compound_id"])
                self.assertEqual(_f32(want["spectrum"]), _flat(got["spectrum"]))
                self.assertEqual(_f32(want["node_features"]), _flat(got["node_features"]))
                self.assertEqual((want["num_atoms"], want["node_feature_width"]), tuple(got["node_features"].shape))
                self.assertEqual(want["edge_index"], [int(v) for v in got["edge_index"].reshape(-1)])
                self.assertEqual("int64", str(got["edge_index"].dtype))
                self.assertEqual(_f32(want["edge_attr"]), _flat(got["edge_attr"]))
                self.assertEqual(_f32(want["coords"]), _flat(got["coords"]))
                for column in CONDITIONING:
                    self.assertEqual(want[column], got[column], column)

    def test_the_stdlib_path_reads_the_same_values(self):
        plain = msetl_reader.open_export(EXPORT, use_numpy=False)
        split = next(iter(self.expected))
        want = self.expected[split][0]
        got = plain.split(split)[0]
        self.assertEqual(_f32(want["spectrum"]), [float(v) for v in got["spectrum"].data])
        self.assertEqual(want["edge_index"], list(got["edge_index"].data))

    def test_batches_cross_shard_boundaries_and_iteration_is_in_index_order(self):
        reader = self.export.split("train")
        self.assertGreater(len(reader.shards), 1)
        batch = reader.batch(1, len(reader))
        self.assertEqual([r["compound_id"] for r in self.expected["train"][1:]], [s["compound_id"] for s in batch])
        self.assertEqual(list(range(len(reader))), [s["sample_index"] for s in reader])

    def test_the_original_training_queries_run_unchanged_on_a_shard(self):
        shard = self.export.split("train").shards[0]
        ids = [r[0] for r in shard.query("SELECT compound_id FROM dataset_splits WHERE split = ?", ("train",))]
        self.assertEqual([r["compound_id"] for r in self.expected["train"][:len(ids)]], ids)
        rows = shard.query(ORIGINAL_QUERY, (ids[0],))
        self.assertEqual(1, len(rows))

    def test_shards_are_read_only_on_the_read_path(self):
        shard = self.export.split("val").shards[0]
        with self.assertRaises(sqlite3.OperationalError):
            shard.query("DELETE FROM spectra")

    def test_worker_processes_read_with_their_own_connections(self):
        reader = self.export.split("train")
        reader[0]  # the parent has an open connection that must not be reused by the children
        n = len(reader)
        ranges = [("train", 0, n // 2), ("train", n // 2, n)]
        with multiprocessing.get_context("fork").Pool(2) as pool:
            parts = pool.map(_ids_in_worker, [(reader, a, b) for _, a, b in ranges])
        self.assertEqual([r["compound_id"] for r in self.expected["train"]], parts[0] + parts[1])

    def test_the_manifest_counts_match_the_shards(self):
        for split, info in self.export.manifest["splits"].items():
            reader = self.export.split(split)
            self.assertEqual(info["samples"], sum(len(s) for s in reader.shards))
            self.assertEqual(info["shards"], len(reader.shards))

    @unittest.skipIf(torch_dataset.torch is None, "torch is not installed")
    def test_the_torch_dataset_returns_tensors(self):
        ds = torch_dataset.ShardDataset(self.export.split("train"))
        item = ds[0]
        self.assertEqual("torch.int64", str(item["edge_index"].dtype))
        self.assertEqual(len(self.expected["train"]), len(ds))


@unittest.skipUnless(EXPORT or REQUIRED, "set MSETL_TEST_EXPORT to an export written by the Java exporter "
                                         "(ExportSparkTest does this, with --format both)")
class JavaLightDbExportTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if not EXPORT:
            raise AssertionError("MSETL_REQUIRE_EXPORT=1 but MSETL_TEST_EXPORT is not set")
        cls.export = msetl_reader.open_export(EXPORT, format="lightdb")
        with open(EXPECTED, encoding="utf-8") as f:
            cls.expected = json.load(f)

    def test_every_lightdb_sample_equals_the_tables(self):
        for split, rows in self.expected.items():
            reader = self.export.split(split)
            self.assertEqual(len(rows), len(reader), split)
            for want in rows:
                got = reader[want["sample_index"]]
                self.assertEqual(want["sample_index"], got["sample_index"])
                self.assertEqual(want["compound_id"], got["compound_id"])
                self.assertEqual(_f32(want["spectrum"]), _flat(got["spectrum"]))
                self.assertEqual(_f32(want["node_features"]), _flat(got["node_features"]))
                self.assertEqual((want["num_atoms"], want["node_feature_width"]), tuple(got["node_features"].shape))
                self.assertEqual(want["edge_index"], [int(v) for v in got["edge_index"].reshape(-1)])
                self.assertEqual("int64", str(got["edge_index"].dtype))
                self.assertEqual(_f32(want["edge_attr"]), _flat(got["edge_attr"]))
                self.assertEqual(_f32(want["coords"]), _flat(got["coords"]))
                for column in CONDITIONING:
                    self.assertEqual(want[column], got[column], column)

    def test_the_stdlib_path_reads_the_same_values_from_lightdb(self):
        plain = msetl_reader.open_export(EXPORT, use_numpy=False, format="lightdb")
        for split, rows in self.expected.items():
            got = plain.split(split)[len(rows) - 1]
            self.assertEqual(_f32(rows[-1]["spectrum"]), [float(v) for v in got["spectrum"].data])
            self.assertEqual(rows[-1]["edge_index"], list(got["edge_index"].data))
            self.assertEqual(_f32(rows[-1]["node_features"]), [float(v) for v in got["node_features"].data])

    def test_lightdb_batches_cross_shard_boundaries_and_iteration_is_in_index_order(self):
        reader = self.export.split("train")
        self.assertGreater(len(reader.shards), 1)
        batch = reader.batch(1, len(reader))
        self.assertEqual([r["compound_id"] for r in self.expected["train"][1:]], [s["compound_id"] for s in batch])
        self.assertEqual(list(range(len(reader))), [s["sample_index"] for s in reader])

    def test_lightdb_and_sqlite_shards_of_one_export_hold_the_same_samples(self):
        sqlite = msetl_reader.open_export(EXPORT).split("val")
        lightdb = self.export.split("val")
        for a, b in zip(sqlite, lightdb):
            self.assertEqual(a["compound_id"], b["compound_id"])
            self.assertEqual(_flat(a["spectrum"]), _flat(b["spectrum"]))
            self.assertEqual(_flat(a["edge_attr"]), _flat(b["edge_attr"]))
            self.assertEqual(a["conformer_status"], b["conformer_status"])

    def test_the_index_record_and_user_area_describe_the_sample_without_reading_the_payload(self):
        shard = self.export.split("train").shards[0]
        self.assertEqual("msetl-lightdb-shard", shard.meta["format"])
        self.assertEqual(self.export.manifest["feature_schema"]["feature_schema_version"], shard.meta["feature_schema_version"])
        want = self.expected["train"][0]
        fields = shard.fields(0)
        self.assertEqual(len(want["spectrum"]), fields["num_bins"])
        self.assertEqual(want["num_atoms"], fields["num_atoms"])
        self.assertEqual(len(want["edge_index"]) // 2, fields["num_edges"])
        self.assertEqual(0, fields["sample_offset"] % 8)

    def test_lightdb_worker_processes_map_the_files_themselves(self):
        reader = self.export.split("train")
        reader[0]
        n = len(reader)
        with multiprocessing.get_context("fork").Pool(2) as pool:
            parts = pool.map(_ids_in_worker, [(reader, 0, n // 2), (reader, n // 2, n)])
        self.assertEqual([r["compound_id"] for r in self.expected["train"]], parts[0] + parts[1])

    @unittest.skipIf(torch_dataset.torch is None, "torch is not installed")
    def test_the_torch_dataset_reads_lightdb_splits(self):
        ds = torch_dataset.ShardDataset(self.export.split("train"))
        self.assertEqual("torch.int64", str(ds[0]["edge_index"].dtype))


class TorchAdapterWithoutTorchTest(unittest.TestCase):
    @unittest.skipIf(torch_dataset.torch is not None, "torch is installed")
    def test_the_adapter_says_torch_is_needed(self):
        with self.assertRaisesRegex(ImportError, "PyTorch"):
            torch_dataset.ShardDataset(None)


if __name__ == "__main__":
    unittest.main()
