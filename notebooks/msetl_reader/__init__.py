"""Readers for msetl exports (per-split SQLite shards). Standard library first; numpy/torch when present.

    from msetl_reader import open_export
    train = open_export("out/exports").split("train")
    sample = train[0]                  # dict: spectrum, node_features, edge_index, edge_attr, coords, ...
    batch = train.batch(0, 512)        # one range query per shard
    lightdb = open_export("out/exports", format="lightdb")   # same API over the LightDB shards
"""
from .codec import HAVE_NUMPY, FlatArray, decode
from .export import Export, SplitReader
from .lightdb import LightDbFile, LightDbShard
from .shard import Shard


def open_export(path, use_numpy=None, format="sqlite"):
    """An export folder, or an exports folder (its ``latest`` export); ``format`` is sqlite or lightdb."""
    return Export(path, use_numpy, format)


def open_shard(path, use_numpy=None):
    return Shard(path, use_numpy)


__all__ = ["Export", "FlatArray", "HAVE_NUMPY", "LightDbFile", "LightDbShard", "Shard", "SplitReader", "decode", "open_export", "open_shard"]
