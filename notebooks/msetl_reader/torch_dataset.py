"""PyTorch ``Dataset`` over one split (only when torch is installed)."""
try:
    import torch
    from torch.utils.data import Dataset
except ImportError:  # the rest of the package works without torch
    torch = None
    Dataset = object


class ShardDataset(Dataset):
    """Samples as dicts of tensors: ``x``, ``edge_index`` (int64), ``edge_attr``, ``pos``, ``y`` (spectrum).

    Safe with ``DataLoader(num_workers=N)``: each worker process opens its own read-only
    connections the first time it reads.
    """

    def __init__(self, split_reader):
        if torch is None:
            raise ImportError("ShardDataset needs PyTorch (pip install torch)")
        self.split = split_reader

    def __len__(self):
        return len(self.split)

    def __getitem__(self, index):
        s = self.split[index]
        return {
            "sample_index": s["sample_index"],
            "compound_id": s["compound_id"],
            "x": torch.from_numpy(s["node_features"].copy()),
            "edge_index": torch.from_numpy(s["edge_index"].copy()),
            "edge_attr": torch.from_numpy(s["edge_attr"].copy()),
            "pos": None if s["coords"] is None else torch.from_numpy(s["coords"].copy()),
            "y": torch.from_numpy(s["spectrum"].copy()),
        }
