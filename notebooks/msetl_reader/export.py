"""A published export: its manifest and, per split, the shards as one indexable sequence."""
import bisect
import json
import os

from .lightdb import LightDbShard
from .shard import Shard

MANIFEST = "manifest.json"


def resolve(path):
    """An export folder, or an exports folder whose ``latest`` file names one."""
    if os.path.exists(os.path.join(path, MANIFEST)):
        return path
    latest = os.path.join(path, "latest")
    if os.path.exists(latest):
        with open(latest, encoding="utf-8") as f:
            return os.path.join(path, f.read().strip())
    raise FileNotFoundError("%s is neither an export (manifest.json) nor an exports folder (latest)" % path)


FORMATS = ("sqlite", "lightdb")


def _is_shard_file(f, fmt):
    """The one file per shard a reader opens: the ``.sqlite``, or the LightDB index (not ``.dat``/``.spectra.ldb``)."""
    if f["format"] != fmt:
        return False
    return fmt == "sqlite" or (f["path"].endswith(".ldb") and not f["path"].endswith(".spectra.ldb"))


class Export:
    def __init__(self, path, use_numpy=None, format="sqlite"):
        if format not in FORMATS:
            raise ValueError("format must be one of %s, got %r" % (FORMATS, format))
        self.path = resolve(path)
        self.use_numpy = use_numpy
        self.format = format
        with open(os.path.join(self.path, MANIFEST), encoding="utf-8") as f:
            self.manifest = json.load(f)

    @property
    def splits(self):
        return list(self.manifest["splits"])

    @property
    def feature_schema(self):
        return self.manifest.get("feature_schema")

    def split(self, name):
        if name not in self.manifest["splits"]:
            raise KeyError("export has no split %r (has %s)" % (name, self.splits))
        files = sorted((f for f in self.manifest["files"] if f["split"] == name and _is_shard_file(f, self.format)),
                       key=lambda f: f["first_sample"])
        if not files and self.manifest["splits"][name]["samples"] > 0:
            raise ValueError("export %s has no %s shards (formats: %s)" % (
                self.path, self.format, sorted({f["format"] for f in self.manifest["files"]})))
        opener = Shard if self.format == "sqlite" else LightDbShard
        return SplitReader([opener(os.path.join(self.path, f["path"]), self.use_numpy) for f in files],
                           [f["first_sample"] for f in files], [f["rows"] for f in files])


class SplitReader:
    """All samples of one split, indexed 0..len-1 across its shards."""

    def __init__(self, shards, starts, rows):
        self.shards = shards
        self._starts = list(starts)
        self._len = sum(rows)

    def __len__(self):
        return self._len

    def _shard(self, index):
        if not 0 <= index < self._len:
            raise IndexError(index)
        return self.shards[bisect.bisect_right(self._starts, index) - 1]

    def __getitem__(self, index):
        if index < 0:
            index += self._len
        return self._shard(index).get(index)

    def batch(self, start, stop):
        """Samples ``start <= i < stop``: one range query per shard touched."""
        stop = min(stop, self._len)
        out = []
        while start < stop:
            shard = self._shard(start)
            out.extend(shard.batch(start, min(stop, shard.stop)))
            start = shard.stop
        return out

    def __iter__(self, batch_size=1024):
        for b in range(0, self._len, batch_size):
            yield from self.batch(b, b + batch_size)

    def close(self):
        for s in self.shards:
            s.close()
