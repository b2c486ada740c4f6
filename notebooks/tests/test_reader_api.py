"""What a PyTorch user expects of the reader, on an export the Java exporter wrote (both formats).

ExportSparkTest runs this with MSETL_TEST_EXPORT set; without it the tests are skipped.
"""
import importlib.util
import os
import pickle
import sys
import unittest
import warnings

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
import msetl_reader  # noqa: E402
from msetl_reader import collate_graphs, torch_dataset  # noqa: E402
from msetl_reader.codec import _np as np  # noqa: E402

EXPORT = os.environ.get("MSETL_TEST_EXPORT")
REQUIRED = os.environ.get("MSETL_REQUIRE_EXPORT") == "1"
torch = torch_dataset.torch
FORMATS = ("sqlite", "lightdb")


def _values(a):
    if a is None:
        return None
    if hasattr(a, "data") and not hasattr(a, "dtype"):
        return [float(v) for v in a.data]
    return [float(v) for v in np.asarray(a).reshape(-1)]


def _ids(samples):
    return [s["sample_index"] for s in samples]


@unittest.skipUnless(EXPORT or REQUIRED, "set MSETL_TEST_EXPORT to an export written with --format both")
class IndexTypesTest(unittest.TestCase):
    def setUp(self):
        self.exports = [msetl_reader.open_export(EXPORT, format=f) for f in FORMATS]
        self.splits = [e.split("train") for e in self.exports]

    def tearDown(self):
        for e in self.exports:
            e.close()

    def test_python_ints_and_numpy_integer_scalars_give_the_same_sample(self):
        for split in self.splits:
            for index in (3, np.int64(3), np.int32(3), np.uint8(3)):
                self.assertEqual(3, split[index]["sample_index"], (split.shards[0].path, type(index)))

    @unittest.skipIf(torch is None, "torch is not installed")
    def test_a_zero_dimensional_torch_tensor_is_an_index(self):
        for split in self.splits:
            self.assertEqual(2, split[torch.tensor(2)]["sample_index"])
            self.assertEqual(len(split) - 1, split[torch.tensor(-1)]["sample_index"])

    def test_negative_indexes_count_from_the_end(self):
        for split in self.splits:
            self.assertEqual(len(split) - 1, split[-1]["sample_index"])
            self.assertEqual(0, split[-len(split)]["sample_index"])

    def test_out_of_range_and_non_integer_indexes_are_refused_clearly(self):
        for split in self.splits:
            with self.assertRaisesRegex(IndexError, "out of range for a split of %d samples" % len(split)):
                split[len(split)]
            with self.assertRaises(IndexError):
                split[-len(split) - 1]
            with self.assertRaisesRegex(TypeError, "integers or slices, not float"):
                split[1.0]

    def test_slices_give_lists_of_samples_in_slice_order(self):
        n = len(self.splits[0])
        for split in self.splits:
            self.assertEqual(list(range(1, 6)), _ids(split[1:6]))
            self.assertEqual(list(range(n))[::-3], _ids(split[::-3]))
            self.assertEqual(list(range(n - 2, n)), _ids(split[-2:]))
            self.assertEqual([], split[5:5])

    def test_both_formats_hold_the_same_sample_at_every_index(self):
        sqlite, lightdb = self.splits
        self.assertEqual(len(sqlite), len(lightdb))
        for a, b in zip(sqlite, lightdb):
            self.assertEqual(a["sample_index"], b["sample_index"])
            self.assertEqual(a["compound_id"], b["compound_id"])
            for key in ("spectrum", "node_features", "edge_index", "edge_attr", "coords"):
                self.assertEqual(_values(a[key]), _values(b[key]), key)
            self.assertEqual(sorted(a), sorted(b))
            for key in a:
                if key not in ("spectrum", "node_features", "edge_index", "edge_attr", "coords"):
                    self.assertEqual(a[key], b[key], key)


@unittest.skipUnless(EXPORT or REQUIRED, "set MSETL_TEST_EXPORT to an export written with --format both")
class LifecycleAndOrderTest(unittest.TestCase):
    def test_the_export_is_a_context_manager_that_closes_what_it_opened(self):
        for fmt in FORMATS:
            with msetl_reader.open_export(EXPORT, format=fmt) as export:
                split = export.split("train")
                split[0]
            if fmt == "sqlite":
                self.assertTrue(all(s._conn is None for s in split.shards))
            else:
                self.assertTrue(all(s._dat is None for s in split.shards))

    def test_seeded_shuffles_repeat_and_visit_every_sample_once(self):
        with msetl_reader.open_export(EXPORT) as export:
            split = export.split("train")
            first = _ids(split.shuffled(seed=7))
            self.assertEqual(first, _ids(split.shuffled(seed=7)))
            self.assertEqual(sorted(first), list(range(len(split))))
            self.assertNotEqual(first, _ids(split.shuffled(seed=7, epoch=1)))
            self.assertNotEqual(first, list(range(len(split))))
            # The order is a function of seed and epoch only, not of the process or the machine.
            self.assertEqual(split.order(7), msetl_reader.SplitReader([], [], [len(split)]).order(7))

    def test_splits_pickle_without_their_connections(self):
        for fmt in FORMATS:
            with msetl_reader.open_export(EXPORT, format=fmt) as export:
                split = export.split("val")
                want = split[0]["compound_id"]
                self.assertEqual(want, pickle.loads(pickle.dumps(split))[0]["compound_id"])


@unittest.skipUnless(EXPORT or REQUIRED, "set MSETL_TEST_EXPORT to an export written with --format both")
@unittest.skipIf(torch is None, "torch is not installed")
class TorchTest(unittest.TestCase):
    def test_the_dataset_works_over_the_numpy_free_path_with_the_same_values(self):
        for fmt in FORMATS:
            with msetl_reader.open_export(EXPORT, format=fmt) as fast, \
                    msetl_reader.open_export(EXPORT, use_numpy=False, format=fmt) as plain:
                a = torch_dataset.ShardDataset(fast.split("train"))
                b = torch_dataset.ShardDataset(plain.split("train"))
                self.assertEqual(len(a), len(b))
                for i in (0, np.int64(len(a) - 1), torch.tensor(1)):
                    x, y = a[i], b[i]
                    for key in ("x", "edge_index", "edge_attr", "y"):
                        self.assertEqual(x[key].dtype, y[key].dtype, key)
                        self.assertTrue(torch.equal(x[key], y[key]), key)
                    self.assertEqual(x["pos"] is None, y["pos"] is None)

    def test_a_dataloader_with_two_workers_reads_every_sample_once_under_fork_and_spawn(self):
        for fmt in FORMATS:
            with msetl_reader.open_export(EXPORT, format=fmt) as export:
                split = export.split("train")
                split[0]  # the parent's open connection or map must not be what the workers use
                for ctx in ("fork", "spawn"):
                    batches = torch_dataset.loader(split, batch_size=4, seed=3, num_workers=2,
                                                   multiprocessing_context=ctx)
                    seen = [int(i) for b in batches for i in b.sample_index]
                    self.assertEqual(list(range(len(split))), sorted(seen), (fmt, ctx))
                    if ctx == "spawn":  # a spawned worker imports torch afresh: seconds each, so once per format
                        continue
                    # Per-sample items through the same collate, as a plain DataLoader would.
                    plain = torch.utils.data.DataLoader(torch_dataset.ShardDataset(split), batch_size=5,
                                                        collate_fn=collate_graphs, num_workers=2,
                                                        multiprocessing_context=ctx)
                    first = next(iter(plain))
                    self.assertEqual(list(range(5)), first.sample_index.tolist(), (fmt, ctx))
                    self.assertEqual(split[0]["node_features"].tolist(), first.x[:first.ptr[1]].tolist())

    def test_the_loaders_batches_equal_the_collate_of_the_same_samples(self):
        for fmt in FORMATS:
            with msetl_reader.open_export(EXPORT, format=fmt) as export:
                split = export.split("train")
                batch = next(iter(torch_dataset.loader(split, batch_size=6, seed=5)))
                want = collate_graphs([split[int(i)] for i in batch.sample_index])
                self.assertEqual(sorted(want), sorted(batch))
                for key, value in want.items():
                    if isinstance(value, torch.Tensor):
                        self.assertTrue(torch.equal(torch.nan_to_num(value), torch.nan_to_num(batch[key])), key)
                    else:
                        self.assertEqual(value, batch[key], key)

    def test_torch_takes_dataset_items_and_batches_without_a_non_writable_warning(self):
        with msetl_reader.open_export(EXPORT, format="lightdb") as export:
            ds = torch_dataset.ShardDataset(export.split("train"))
            with warnings.catch_warnings():
                warnings.simplefilter("error")
                item = ds[0]
                batch = collate_graphs([ds[0], ds[1]])
                item["x"] += 1
                batch.x += 1
                for s in export.split("train")[0:2]:
                    torch.as_tensor(s["node_features"])


@unittest.skipUnless(EXPORT or REQUIRED, "set MSETL_TEST_EXPORT to an export written with --format both")
class CollateTest(unittest.TestCase):
    """The collate's output follows torch_geometric.data.Batch: checked field by field."""

    @classmethod
    def setUpClass(cls):
        cls.export = msetl_reader.open_export(EXPORT, format="lightdb")
        cls.samples = cls.export.split("train")[0:5]
        cls.batch = collate_graphs(cls.samples)

    @classmethod
    def tearDownClass(cls):
        cls.export.close()

    def _np(self, v):
        return v.numpy() if hasattr(v, "numpy") else v

    def test_node_features_are_concatenated_and_ptr_batch_say_which_graph_owns_each_node(self):
        b, s = self.batch, self.samples
        sizes = [x["node_features"].shape[0] for x in s]
        self.assertEqual(5, b.num_graphs)
        self.assertEqual([0] + list(np.cumsum(sizes)), list(self._np(b.ptr)))
        self.assertEqual(sum(([g] * n for g, n in enumerate(sizes)), []), list(self._np(b.batch)))
        self.assertEqual(np.concatenate([x["node_features"] for x in s]).tolist(), self._np(b.x).tolist())
        self.assertEqual("int64", str(self._np(b.batch).dtype))

    def test_edge_indexes_are_offset_by_the_nodes_of_the_graphs_before(self):
        b, s = self.batch, self.samples
        ei = self._np(b.edge_index)
        self.assertEqual(2, ei.shape[0])
        self.assertEqual("int64", str(ei.dtype))
        at, offset = 0, 0
        for x in s:
            e = x["edge_index"].shape[1]
            self.assertEqual((x["edge_index"] + offset).tolist(), ei[:, at:at + e].tolist())
            at, offset = at + e, offset + x["node_features"].shape[0]
        batch = self._np(b.batch)
        self.assertTrue((batch[ei[0]] == batch[ei[1]]).all(), "no edge joins two graphs")
        self.assertEqual(ei.shape[1], self._np(b.edge_attr).shape[0])

    def test_spectra_are_stacked_one_row_per_graph(self):
        y = self._np(self.batch.y)
        self.assertEqual((5, self.samples[0]["spectrum"].shape[0]), y.shape)
        self.assertEqual(self.samples[3]["spectrum"].tolist(), y[3].tolist())

    def test_samples_without_coordinates_give_nan_rows_or_no_pos(self):
        s = [dict(x) for x in self.samples]
        for x in s:
            x["coords"] = None
        self.assertIsNone(collate_graphs(s).pos)
        s[1]["coords"] = np.ones((s[1]["node_features"].shape[0], 3), np.float32)
        b = collate_graphs(s)
        pos, ptr = self._np(b.pos), self._np(b.ptr)
        self.assertEqual((int(ptr[-1]), 3), pos.shape)
        self.assertTrue((pos[ptr[1]:ptr[2]] == 1).all())
        self.assertTrue(np.isnan(pos[:ptr[1]]).all())
        self.assertEqual([False, True, False, False, False], list(self._np(b.has_pos)))

    def test_an_empty_batch_collates_to_zero_graphs(self):
        self.assertEqual(0, collate_graphs([]).num_graphs)

    def test_to_pyg_gives_a_torch_geometric_batch_or_says_it_is_needed(self):
        if importlib.util.find_spec("torch_geometric") is None:
            with self.assertRaisesRegex(ImportError, "torch_geometric"):
                self.batch.to_pyg()
            return
        pyg = self.batch.to_pyg()
        self.assertEqual(5, pyg.num_graphs)
        self.assertEqual(self._np(self.batch.edge_index).tolist(), pyg.edge_index.tolist())
        self.assertEqual(self._np(self.batch.ptr).tolist(), pyg.ptr.tolist())


if __name__ == "__main__":
    unittest.main()
