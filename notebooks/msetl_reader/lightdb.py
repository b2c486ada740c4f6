"""LightDB files and msetl LightDB shards, with the standard library (numpy when present).

``LightDbFile`` reads any LightDB file (format: /work/shared/formats/lightdb.md, summary in
docs/shard-format.md): block 0 header, B-tree point lookup, in-order scan from a key, and the
fast unordered block scan. ``LightDbShard`` reads an msetl shard: the index ``.ldb`` (key = sample
index, data = payload offsets and filter fields) plus its ``.dat`` payload.
"""
import array
import json
import mmap
import os
import struct
import sys

from .codec import _np, FlatArray
from .errors import LIGHTDB_FORMAT, ShardError, check_header

# element type code -> (struct code, size)
_TYPES = {1: ("B", 1), 2: ("b", 1), 3: ("H", 2), 4: ("h", 2), 5: ("I", 4), 6: ("i", 4), 7: ("Q", 8), 8: ("q", 8),
          9: ("f", 4), 10: ("d", 8), 11: ("B", 1)}
_HEADER = struct.Struct("<8s7Q iIiIiI")
_U64 = struct.Struct("<Q").unpack_from
_DELETED = 1 << 63

INDEX_FIELDS = ("sample_offset", "sample_length", "graph_offset", "graph_length", "structure_index", "num_bins",
                "num_peaks", "num_atoms", "num_edges", "node_feature_width", "edge_feature_width", "flags",
                "heavy_atoms", "formal_charge", "precursor_mz_micro", "conformer_status")
NULL = -(1 << 63)
FLAG_COORDS = 1


class LightDbFile:
    """A read-only, memory-mapped LightDB file. Keys are tuples of numbers (bytes for type 11)."""

    def __init__(self, path):
        self.path = os.path.abspath(path)
        self._open()

    def _open(self):
        with open(self.path, "rb") as f:
            self._mm = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        self._pid = os.getpid()
        (magic, version, self.total_blocks, top_deleted, self.page_size, deleted, self.root, self.records,
         self.key_type, self.key_bytes, self.data_type, self.data_bytes, self.max_items, _) = _HEADER.unpack_from(self._mm, 0)
        if magic[:7] != b"LightDB":
            raise ValueError("%s is not a LightDB file" % self.path)
        if self.key_type not in _TYPES or self.data_type not in _TYPES:
            raise ValueError("%s: element types %d/%d are not 1..11" % (self.path, self.key_type, self.data_type))
        self.version = version
        self.item_size = 8 + self.key_bytes + self.data_bytes
        if self.page_size != 32 + self.item_size * self.max_items:
            raise ValueError("%s: page size %d does not match its record geometry" % (self.path, self.page_size))
        kc, ks = _TYPES[self.key_type]
        dc, ds = _TYPES[self.data_type]
        self.key_count, self.data_count = self.key_bytes // ks, self.data_bytes // ds
        if self.key_type == 11:  # opaque bytes: the writer's comparator; memcmp order here
            self._key = lambda buf, off: bytes(buf[off:off + self.key_bytes])
        else:
            self._key = struct.Struct("<%d%s" % (self.key_count, kc)).unpack_from
        self._data = struct.Struct("<%d%s" % (self.data_count, dc)).unpack_from
        self._record = struct.Struct("<8x%d%s%d%s" % (self.key_count, kc, self.data_count, dc)).unpack_from

    def _map(self):
        if self._pid != os.getpid():  # a forked or unpickled copy maps the file itself
            self._open()
        return self._mm

    def __getstate__(self):
        return {"path": self.path}

    def __setstate__(self, state):
        self.path = state["path"]
        self._open()

    def close(self):
        if self._mm is not None and self._pid == os.getpid():
            self._mm.close()

    def __len__(self):
        return self.records

    @property
    def user_area(self):
        """The user area bytes (the last (page_size - 88) // 2 bytes of block 0)."""
        u = (self.page_size - 88) // 2
        return bytes(self._map()[self.page_size - u:self.page_size])

    def _as_key(self, key):
        return key if isinstance(key, (tuple, bytes)) else (key,)

    def find(self, key):
        """Byte offset of the item holding ``key``, or None."""
        key = self._as_key(key)
        mm, p, size, ukey = self._map(), self.page_size, self.item_size, self._key
        page = self.root
        while page:
            base = page * p
            lo, hi = 0, _U64(mm, base + 24)[0] - 1
            while lo <= hi:
                mid = (lo + hi) >> 1
                off = base + 32 + mid * size
                k = ukey(mm, off + 8)
                if k < key:
                    lo = mid + 1
                elif k > key:
                    hi = mid - 1
                else:
                    return off
            page = _U64(mm, base + 16)[0] if hi < 0 else _U64(mm, base + 32 + hi * size)[0]
        return None

    def get(self, key):
        """The data tuple stored under ``key``, or None."""
        off = self.find(key)
        return None if off is None else self._data(self._map(), off + 8 + self.key_bytes)

    def items(self, start=None):
        """(item offset) for every record with key >= start, in key order (explicit stack, no Parent fields)."""
        mm, p, size, ukey = self._map(), self.page_size, self.item_size, self._key
        start = None if start is None else self._as_key(start)
        stack = []
        page = self.root
        while page:
            base = page * p
            n = _U64(mm, base + 24)[0]
            i = 0
            if start is not None:
                lo, hi = 0, n
                while lo < hi:
                    mid = (lo + hi) >> 1
                    if ukey(mm, base + 32 + mid * size + 8) < start:
                        lo = mid + 1
                    else:
                        hi = mid
                i = lo
            stack.append([base, i, n])
            page = _U64(mm, base + 16)[0] if i == 0 else _U64(mm, base + 32 + (i - 1) * size)[0]
        while stack:
            top = stack[-1]
            base, i, n = top
            if i >= n:
                stack.pop()
                continue
            off = base + 32 + i * size
            top[1] = i + 1
            yield off
            child = _U64(mm, off)[0]
            while child:
                cbase = child * p
                stack.append([cbase, 0, _U64(mm, cbase + 24)[0]])
                child = _U64(mm, cbase + 16)[0]

    def records_from(self, start=None):
        """(key tuple, data tuple) in key order from ``start``."""
        mm, rec, kc = self._map(), self._record, self.key_count
        for off in self.items(start):
            r = rec(mm, off)
            yield r[:kc], r[kc:]

    def scan_unordered(self):
        """(key tuple, data tuple) in block order: sequential reads, deleted blocks skipped."""
        mm, p, size, rec, kc = self._map(), self.page_size, self.item_size, self._record, self.key_count
        for block in range(1, self.total_blocks):
            base = block * p
            if _U64(mm, base)[0] & _DELETED:
                continue
            for i in range(_U64(mm, base + 24)[0]):
                r = rec(mm, base + 32 + i * size)
                yield r[:kc], r[kc:]


def _user_json(db):
    try:
        return json.loads(db.user_area.rstrip(b"\0").decode("utf-8"))
    except ValueError as e:
        raise ShardError(db.path, "user area is not msetl JSON (%s)" % e) from None


class LightDbShard:
    """One msetl LightDB shard, with the same read methods as the SQLite ``Shard``.

    The index records (17 int64 per sample) are read into memory on first use, so a sample is one
    list lookup plus slices of the memory-mapped payload, with no B-tree descent per read.
    """

    def __init__(self, path, use_numpy=None, feature_schema_version=None):
        self.path = os.path.abspath(path)
        self.use_numpy = use_numpy
        try:
            self.index = LightDbFile(self.path)
        except (OSError, ValueError, struct.error) as e:
            raise ShardError(self.path, "cannot be read as a LightDB file (%s)" % e) from None
        self.meta = _user_json(self.index)
        check_header(self.path, "shard", self.meta.get("format"), self.meta.get("format_version"), LIGHTDB_FORMAT,
                     self.meta.get("feature_schema_version"), feature_schema_version)
        self.dat_path = os.path.join(os.path.dirname(self.path), self.meta["payload"])
        self._dat = None
        self._pid = None
        self._records = None

    def _payload(self):
        if self._dat is None or self._pid != os.getpid():
            try:
                with open(self.dat_path, "rb") as f:
                    size = os.fstat(f.fileno()).st_size
                    # Copy-on-write: numpy views of it are writable (torch takes them without a
                    # warning), and a write only ever changes this process's private pages.
                    self._dat = memoryview(mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_COPY) if size else bytearray())
            except OSError as e:
                raise ShardError(self.dat_path, "cannot open the payload (%s)" % e) from None
            if size != self.meta.get("payload_bytes"):
                raise ShardError(self.dat_path, "has %d bytes, its index says %s (truncated or replaced)"
                                 % (size, self.meta.get("payload_bytes")))
            self._pid = os.getpid()
        return self._dat

    def records(self):
        """Every index record (sample index first, then INDEX_FIELDS), in sample order, read once."""
        if self._records is None:
            unpack = struct.Struct("<8xq%dq" % len(INDEX_FIELDS)).unpack_from
            try:
                mm = self.index._map()
                recs = [unpack(mm, off) for off in self.index.items()]
            except (struct.error, IndexError, ValueError) as e:
                raise ShardError(self.path, "damaged B-tree (%s)" % e) from None
            if len(recs) != len(self) or any(r[0] != self.start + i for i, r in enumerate(recs)):
                raise ShardError(self.path, "holds %d records, not the %d contiguous sample indexes from %d its "
                                 "user area describes" % (len(recs), len(self), self.start))
            self._records = recs
        return self._records

    def __getstate__(self):
        state = dict(self.__dict__)
        state["_dat"] = None
        state["_pid"] = None
        return state

    def close(self):
        if self._dat is not None and self._pid == os.getpid():
            base = self._dat.obj
            try:
                self._dat.release()
                if isinstance(base, mmap.mmap):
                    base.close()
            except BufferError:  # arrays handed out still view the map: it goes when they do
                pass
        self._dat = None
        self.index.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    @property
    def start(self):
        return int(self.meta["sample_index_start"])

    @property
    def stop(self):
        return self.start + len(self)

    def __len__(self):
        return int(self.meta["sample_count"])

    def fields(self, sample_index):
        """The index record as a dict (no payload read): counts and filter fields."""
        return dict(zip(("sample_index",) + INDEX_FIELDS, self._record(sample_index)))

    def _record(self, sample_index):
        i = sample_index - self.start
        if not 0 <= i < len(self):
            raise IndexError("sample %d is not in %s" % (sample_index, self.path))
        return self.records()[i]

    def get(self, sample_index):
        return self._checked(self._record(sample_index))

    def batch(self, start, stop):
        """Samples ``start <= sample_index < stop`` in index order."""
        recs = self.records()
        a, b = max(start, self.start) - self.start, min(stop, self.stop) - self.start
        return [self._checked(r) for r in recs[a:b]]

    def __iter__(self, batch_size=1024):
        for b in range(self.start, self.stop, batch_size):
            yield from self.batch(b, min(b + batch_size, self.stop))

    def _checked(self, r):
        try:
            return self._decode(r)
        except (struct.error, ValueError, UnicodeDecodeError, IndexError) as e:
            raise ShardError(self.dat_path, "damaged payload (%s)" % e, r[0]) from None

    def _decode(self, r):
        (key, s_off, s_len, g_off, g_len, _, bins, peaks, n, e, f, b, flags) = r[:13]
        dat = self._payload()
        if s_off < 0 or g_off < 0 or s_off + s_len > len(dat) or g_off + g_len > len(dat):
            raise ValueError("blocks at %d+%d and %d+%d are outside the %d-byte payload"
                             % (s_off, s_len, g_off, g_len, len(dat)))
        sample = dat[s_off:s_off + s_len]
        graph = dat[g_off:g_off + g_len]
        at = 16 * peaks + 8
        text_at = at + 4 * bins
        (id_len,) = struct.unpack_from("<I", sample, text_at)
        compound_id = str(sample[text_at + 4:text_at + 4 + id_len], "utf-8")
        x_at = 16 * e
        a_at = x_at + 4 * n * f
        c_at = a_at + 4 * e * b
        has_coords = flags & FLAG_COORDS
        st_at = c_at + (12 * n if has_coords else 0)
        (st_len,) = struct.unpack_from("<I", graph, st_at)
        if st_at + 4 + st_len > len(graph) or text_at + 4 + id_len > len(sample):
            raise ValueError("array counts do not fit the blocks")
        status = str(graph[st_at + 4:st_at + 4 + st_len], "utf-8")
        if _np is not None and self.use_numpy is not False:
            fb = _np.frombuffer
            return {
                "sample_index": key,
                "compound_id": compound_id,
                "spectrum": fb(sample, "<f4", bins, at),
                "node_features": fb(graph, "<f4", n * f, x_at).reshape(n, f),
                "edge_index": fb(graph, "<i8", 2 * e, 0).reshape(2, e),
                "edge_attr": fb(graph, "<f4", e * b, a_at).reshape(e, b),
                "coords": fb(graph, "<f4", n * 3, c_at).reshape(n, 3) if has_coords else None,
                "conformer_status": status,
            }
        return {
            "sample_index": key,
            "compound_id": compound_id,
            "spectrum": _flat(sample, "f", at, bins, (bins,)),
            "node_features": _flat(graph, "f", x_at, n * f, (n, f)),
            "edge_index": _flat(graph, "q", 0, 2 * e, (2, e)),
            "edge_attr": _flat(graph, "f", a_at, e * b, (e, b)),
            "coords": _flat(graph, "f", c_at, n * 3, (n, 3)) if has_coords else None,
            "conformer_status": status,
        }


def _flat(buf, code, offset, count, shape):
    data = array.array(code)
    data.frombytes(buf[offset:offset + count * data.itemsize])
    if len(data) != count:
        raise ValueError("%d values expected at byte %d, the block ends first" % (count, offset))
    if sys.byteorder != "little":  # pragma: no cover - payloads are little-endian by definition
        data.byteswap()
    return FlatArray(data, shape)


def open_spectra(path):
    """A BigMatrix-style ``.spectra.ldb``: ``get(sample_index)`` gives the float32 spectrum tuple."""
    return LightDbFile(path)
