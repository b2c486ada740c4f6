"""Batching variable-size graphs the way PyTorch Geometric's ``Batch`` lays them out.

``collate_graphs(samples)`` concatenates node features (``x``), edge features (``edge_attr``) and
coordinates (``pos``), offsets each graph's ``edge_index`` by the nodes before it, and adds
``batch`` (graph of every node) and ``ptr`` (first node of every graph, plus the total), with the
spectra stacked as ``y`` (graphs x bins). Samples without coordinates: ``pos`` is None when no
sample has any; otherwise their rows are NaN and ``has_pos`` says which graphs have real ones.
Conditioning columns come along per graph (``precursor_mz`` as float64 with NaN for null, the
text columns as lists). Tensors when torch imports, numpy arrays otherwise.
"""
from .codec import _np

_torch = None  # imported on first use: importing the reader stays cheap (torch costs ~200 MB RSS)

# Per-graph values carried through as they are (text, or None when the column is null).
TEXT_KEYS = ("compound_id", "precursor_type", "collision_energy", "ion_mode", "instrument_type", "spectrum_type",
             "conformer_status")


class GraphBatch(dict):
    """The collated batch: a dict whose keys are also attributes (``batch.x``, ``batch["x"]``)."""

    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None

    @property
    def num_graphs(self):
        return len(self["ptr"]) - 1

    def to_pyg(self):
        """A ``torch_geometric.data.Batch`` with the same tensors (needs torch_geometric)."""
        return to_pyg(self)


def _torch_module():
    """torch when it imports (collated arrays become tensors), else False (they stay numpy)."""
    global _torch
    if _torch is None:
        try:
            import torch
            _torch = torch
        except ImportError:  # numpy-only installs still collate
            _torch = False
    return _torch


def _array(v):
    """numpy view of a reader array, a FlatArray or a CPU tensor."""
    if isinstance(v, _np.ndarray):
        return v
    if hasattr(v, "shape") and hasattr(v, "data") and not hasattr(v, "dtype"):  # FlatArray
        return _np.frombuffer(v.data, dtype=v.data.typecode).reshape(v.shape)
    torch = _torch_module()
    if torch and isinstance(v, torch.Tensor):
        return v.numpy()
    return v


def _get(s, *keys):
    for k in keys:
        if k in s:
            return s[k]
    raise KeyError(keys[0])


def collate_graphs(samples):
    """One ``GraphBatch`` from a list of reader samples (or ``ShardDataset`` items)."""
    if _np is None:
        raise ImportError("collate_graphs needs numpy")
    if isinstance(samples, GraphBatch):  # already collated (ShardDataset.__getitems__)
        return samples
    count = len(samples)
    xs = [_array(_get(s, "node_features", "x")) for s in samples]
    eis = [_array(s["edge_index"]) for s in samples]
    eas = [_array(s["edge_attr"]) for s in samples]
    ys = [_array(_get(s, "spectrum", "y")) for s in samples]
    coords = [_get(s, "coords", "pos") for s in samples]
    nodes = _np.fromiter((x.shape[0] for x in xs), _np.int64, count)
    edges = _np.fromiter((e.shape[1] for e in eis), _np.int64, count)
    ptr = _np.zeros(count + 1, _np.int64)
    _np.cumsum(nodes, out=ptr[1:])
    edge_index = _np.concatenate(eis, axis=1) if count else _np.zeros((2, 0), _np.int64)
    edge_index = edge_index.astype(_np.int64, copy=False) + _np.repeat(ptr[:-1], edges)
    has_pos = _np.fromiter((c is not None for c in coords), bool, count)
    pos = None
    if has_pos.any():
        pos = _np.concatenate([_array(c) if c is not None else _np.full((n, 3), _np.nan, _np.float32)
                               for c, n in zip(coords, nodes)])
    out = GraphBatch(
        x=_np.concatenate(xs) if count else _np.zeros((0, 0), _np.float32),
        edge_index=edge_index,
        edge_attr=_np.concatenate(eas) if count else _np.zeros((0, 0), _np.float32),
        pos=pos,
        has_pos=has_pos,
        y=_np.stack(ys) if count else _np.zeros((0, 0), _np.float32),
        batch=_np.repeat(_np.arange(count, dtype=_np.int64), nodes),
        ptr=ptr,
        sample_index=_np.fromiter((int(s["sample_index"]) for s in samples), _np.int64, count),
        precursor_mz=_np.array([_float(s.get("precursor_mz")) for s in samples], _np.float64),
    )
    for k in TEXT_KEYS:
        if samples and k in samples[0]:
            out[k] = [s[k] for s in samples]
    return _tensors(out)


def _float(v):
    return float("nan") if v is None else float(v)


def _tensors(b):
    torch = _torch_module()
    if not torch:
        return b
    for k, v in b.items():
        if isinstance(v, _np.ndarray):
            b[k] = torch.from_numpy(v)  # every array here is freshly made, so writable
    return b


def to_pyg(batch):
    try:
        from torch_geometric.data import Batch, Data
    except ImportError:
        raise ImportError("to_pyg needs torch_geometric (pip install torch_geometric)") from None
    ptr = batch["ptr"]
    data = []
    for g in range(len(ptr) - 1):
        a, b = int(ptr[g]), int(ptr[g + 1])
        mask = batch["batch"][batch["edge_index"][0]] == g
        d = Data(x=batch["x"][a:b], edge_index=batch["edge_index"][:, mask] - a, edge_attr=batch["edge_attr"][mask],
                 y=batch["y"][g:g + 1])
        if batch["pos"] is not None and bool(batch["has_pos"][g]):
            d.pos = batch["pos"][a:b]
        data.append(d)
    return Batch.from_data_list(data)
