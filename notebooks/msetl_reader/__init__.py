"""Readers for msetl exports (per-split SQLite or LightDB shards). Standard library first; numpy/torch when present.

    from msetl_reader import open_export, collate_graphs
    with open_export("out/exports", format="lightdb") as export:   # or format="sqlite" (default)
        train = export.split("train")
        sample = train[0]          # dict: sample_index, compound_id, spectrum, node_features, edge_index,
                                   # edge_attr, coords, conformer_status, ...
        batch = collate_graphs(train[0:128])   # PyG Batch layout: x, edge_index, edge_attr, pos, y, batch, ptr

Damaged or foreign files raise ``ShardError`` naming the file and sample; ``verify=True`` checks
every file's sha256 against the manifest first.
"""
from .codec import HAVE_NUMPY, FlatArray, decode
from .collate import GraphBatch, collate_graphs, to_pyg
from .errors import FEATURE_SCHEMA_VERSIONS, FORMAT_VERSION, ShardError
from .export import Export, SplitReader, _print_progress
from .lightdb import LightDbFile, LightDbShard
from .shard import Shard

__version__ = "0.2.0"


def open_export(path, use_numpy=None, format="sqlite", verify=False, progress=_print_progress):
    """An export folder, or an exports folder (its ``latest`` export); ``format`` is sqlite or lightdb.

    ``verify=True`` streams the sha256 of every file of that format and compares it with the manifest
    (``progress(path, done_bytes, total_bytes)`` is called as it goes; None for silence).
    """
    return Export(path, use_numpy, format, verify, progress)


def open_shard(path, use_numpy=None):
    return Shard(path, use_numpy)


__all__ = ["Export", "FEATURE_SCHEMA_VERSIONS", "FORMAT_VERSION", "FlatArray", "GraphBatch", "HAVE_NUMPY",
           "LightDbFile", "LightDbShard", "Shard", "ShardError", "SplitReader", "collate_graphs", "decode",
           "open_export", "open_shard", "to_pyg"]
