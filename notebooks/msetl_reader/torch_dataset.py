"""PyTorch ``Dataset`` over one split (only when torch is installed)."""
try:
    import torch
    from torch.utils.data import Dataset
except ImportError:  # the rest of the package works without torch
    torch = None
    Dataset = object

from .codec import FlatArray

_ARRAYS = (("node_features", "x"), ("edge_index", "edge_index"), ("edge_attr", "edge_attr"), ("coords", "pos"),
           ("spectrum", "y"))


def _tensor(a):
    if a is None:
        return None
    if isinstance(a, FlatArray):  # the numpy-free path: torch reads the array's buffer itself
        if len(a.data) == 0:
            return torch.zeros(a.shape, dtype=torch.int64 if a.data.typecode == "q" else torch.float32)
        return torch.frombuffer(bytearray(a.data), dtype=torch.int64 if a.data.typecode == "q" else torch.float32
                                ).reshape(a.shape)
    return torch.from_numpy(a.copy())  # a copy: reader arrays are read-only views of the shard


class ShardDataset(Dataset):
    """Samples as dicts of tensors: ``x``, ``edge_index`` (int64), ``edge_attr``, ``pos``, ``y`` (spectrum),
    plus ``sample_index``, ``compound_id`` and the conditioning columns as they are.

    Any index type the split takes works (``ds[np.int64(3)]``, ``ds[torch.tensor(3)]``, ``ds[-1]``).
    Batch with ``msetl_reader.collate_graphs``. Safe with ``DataLoader(num_workers=N)`` under fork and
    spawn: each worker process opens its own read-only connections and maps the first time it reads.
    """

    def __init__(self, split_reader):
        if torch is None:
            raise ImportError("ShardDataset needs PyTorch (pip install torch)")
        self.split = split_reader

    def __len__(self):
        return len(self.split)

    def __getitem__(self, index):
        if isinstance(index, (list, tuple)):  # a batch of indexes (what ``loader`` asks for)
            return self.split.collated(index)
        s = self.split[index]
        if isinstance(index, slice):
            return [self._item(x) for x in s]
        return self._item(s)

    def __getitems__(self, indexes):
        """One collated batch (PyTorch >= 2 asks datasets for whole batches through this)."""
        return self.split.collated(indexes)

    @staticmethod
    def _item(s):
        out = {k: v for k, v in s.items() if k not in ("node_features", "edge_index", "edge_attr", "coords", "spectrum")}
        for src, dst in _ARRAYS:
            out[dst] = _tensor(s[src])
        return out


def loader(split_reader, batch_size=128, shuffle=True, seed=0, drop_last=False, **kwargs):
    """A ``DataLoader`` of ``GraphBatch`` es: each step reads one batch of indexes from the shards
    (``SplitReader.collated``), in a seeded order when ``shuffle``. ``kwargs`` go to ``DataLoader``
    (``num_workers``, ``multiprocessing_context``, ``persistent_workers``, ...)."""
    if torch is None:
        raise ImportError("loader needs PyTorch (pip install torch)")
    from torch.utils.data import BatchSampler, DataLoader, RandomSampler, SequentialSampler

    from .collate import collate_graphs

    ds = ShardDataset(split_reader)
    order = RandomSampler(ds, generator=torch.Generator().manual_seed(seed)) if shuffle else SequentialSampler(ds)
    return DataLoader(ds, sampler=BatchSampler(order, batch_size, drop_last), batch_size=None,
                      collate_fn=collate_graphs, **kwargs)
