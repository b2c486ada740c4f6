"""A published export: its manifest and, per split, the shards as one indexable sequence."""
import bisect
import hashlib
import json
import operator
import os
import random
import sys

from .errors import MANIFEST_FORMAT, ShardError, check_feature_schema, check_header
from .lightdb import LightDbShard
from .shard import Shard

MANIFEST = "manifest.json"
FORMATS = ("sqlite", "lightdb")


def resolve(path):
    """An export folder, or an exports folder whose ``latest`` file names one."""
    path = os.fspath(path)
    if os.path.exists(os.path.join(path, MANIFEST)):
        return path
    latest = os.path.join(path, "latest")
    if os.path.exists(latest):
        with open(latest, encoding="utf-8") as f:
            return os.path.join(path, f.read().strip())
    raise FileNotFoundError("%s is neither an export (manifest.json) nor an exports folder (latest)" % path)


def _is_shard_file(f, fmt):
    """The one file per shard a reader opens: the ``.sqlite``, or the LightDB index ``.ldb`` (not its ``.dat``)."""
    return f["format"] == fmt and (fmt == "sqlite" or f["path"].endswith(".ldb"))


def _position(index, n):
    """A sample position 0..n-1 from any integer-like index (int, numpy integer, 0-d torch tensor, negative)."""
    try:
        i = operator.index(index)
    except TypeError:
        raise TypeError("sample indexes are integers or slices, not %s" % type(index).__name__) from None
    j = i + n if i < 0 else i
    if not 0 <= j < n:
        raise IndexError("sample index %d is out of range for a split of %d samples" % (i, n))
    return j


def sha256_file(path, progress=None, chunk=1 << 20):
    """Streamed sha256 of one file (constant memory); ``progress(path, done, total)`` after every 64 MiB."""
    h = hashlib.sha256()
    total = os.path.getsize(path)
    done = 0
    with open(path, "rb") as f:
        while True:
            b = f.read(chunk)
            if not b:
                break
            h.update(b)
            done += len(b)
            if progress is not None and (done % (64 << 20) < chunk or done == total):
                progress(path, done, total)
    return h.hexdigest()


def _print_progress(path, done, total):
    if total >= 64 << 20:  # small files verify too fast to be worth a line
        sys.stderr.write("verify %s: %d of %d MiB\n" % (os.path.basename(path), done >> 20, total >> 20))


class Export:
    """One export: ``split(name)`` gives its samples. A context manager that closes every shard it opened."""

    def __init__(self, path, use_numpy=None, format="sqlite", verify=False, progress=_print_progress):
        if format not in FORMATS:
            raise ValueError("format must be one of %s, got %r" % (FORMATS, format))
        self.path = resolve(path)
        self.use_numpy = use_numpy
        self.format = format
        self._opened = []
        manifest = os.path.join(self.path, MANIFEST)
        try:
            with open(manifest, encoding="utf-8") as f:
                self.manifest = json.load(f)
        except ValueError as e:
            raise ShardError(manifest, "not valid JSON (%s)" % e) from None
        m = self.manifest
        check_header(manifest, "manifest", m.get("format"), m.get("format_version"), MANIFEST_FORMAT)
        self.feature_schema_version = check_feature_schema(manifest, m.get("feature_schema"))
        if verify:
            self.verify(progress)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        for s in self._opened:
            s.close()
        self._opened = []

    @property
    def splits(self):
        return list(self.manifest["splits"])

    @property
    def feature_schema(self):
        return self.manifest.get("feature_schema")

    def files(self, fmt=None):
        """The manifest's file entries of one format (this export's by default)."""
        fmt = fmt or self.format
        return [f for f in self.manifest["files"] if f["format"] == fmt]

    def verify(self, progress=_print_progress):
        """Checks size and sha256 of every file of this export's format against the manifest (streamed)."""
        for f in self.files():
            p = os.path.join(self.path, f["path"])
            if not os.path.exists(p):
                raise ShardError(p, "is listed in the manifest but missing")
            size = os.path.getsize(p)
            if size != f["bytes"]:
                raise ShardError(p, "has %d bytes, the manifest says %d" % (size, f["bytes"]))
            digest = sha256_file(p, progress)
            if digest != f["sha256"]:
                raise ShardError(p, "sha256 %s differs from the manifest's %s: the file is damaged" % (digest, f["sha256"]))

    def split(self, name):
        if name not in self.manifest["splits"]:
            raise KeyError("export has no split %r (has %s)" % (name, self.splits))
        files = sorted((f for f in self.manifest["files"] if f["split"] == name and _is_shard_file(f, self.format)),
                       key=lambda f: f["first_sample"])
        if not files and self.manifest["splits"][name]["samples"] > 0:
            raise ValueError("export %s has no %s shards (formats: %s)" % (
                self.path, self.format, sorted({f["format"] for f in self.manifest["files"]})))
        opener = Shard if self.format == "sqlite" else LightDbShard
        shards = [opener(os.path.join(self.path, f["path"]), self.use_numpy, self.feature_schema_version) for f in files]
        self._opened.extend(shards)
        return SplitReader(shards, [f["first_sample"] for f in files], [f["rows"] for f in files], name)


class SplitReader:
    """All samples of one split, indexed 0..len-1 across its shards (ints, numpy ints, 0-d tensors, slices)."""

    def __init__(self, shards, starts, rows, name=None):
        self.shards = shards
        self.name = name
        self._starts = list(starts)
        self._len = sum(rows)

    def __len__(self):
        return self._len

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def _shard(self, position):
        return self.shards[bisect.bisect_right(self._starts, position) - 1]

    def __getitem__(self, index):
        if isinstance(index, slice):
            start, stop, step = index.indices(self._len)
            if step == 1:
                return self.batch(start, stop)
            return [self[i] for i in range(start, stop, step)]
        i = _position(index, self._len)
        return self._shard(i).get(i)

    def batch(self, start, stop):
        """Samples ``start <= i < stop``: one range query per shard touched."""
        start = max(operator.index(start), 0)
        stop = min(operator.index(stop), self._len)
        out = []
        while start < stop:
            shard = self._shard(start)
            out.extend(shard.batch(start, min(stop, shard.stop)))
            start = shard.stop
        return out

    def __iter__(self, batch_size=1024):
        for b in range(0, self._len, batch_size):
            yield from self.batch(b, b + batch_size)

    def collated(self, indexes):
        """``collate_graphs`` of these samples; LightDB shards build it without a dict per sample."""
        from .collate import collate_graphs
        positions = [_position(i, self._len) for i in indexes]
        if positions:
            shard = self._shard(positions[0])
            a, b = shard.start, shard.stop
            if hasattr(shard, "collated") and a <= min(positions) and max(positions) < b:
                return shard.collated(positions)
        return collate_graphs([self._shard(p).get(p) for p in positions])

    def order(self, seed, epoch=0):
        """A seeded permutation of 0..len-1: the same seed and epoch give the same order on every machine."""
        order = list(range(self._len))
        random.Random("%d/%d" % (seed, epoch)).shuffle(order)
        return order

    def shuffled(self, seed, epoch=0):
        """Every sample once, in the order ``order(seed, epoch)``."""
        for i in self.order(seed, epoch):
            yield self._shard(i).get(i)

    def close(self):
        for s in self.shards:
            s.close()
