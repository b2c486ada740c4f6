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
import zlib

from .codec import _np, FlatArray

_F4 = _np.dtype("<f4") if _np is not None else None
_I4 = _np.dtype("<i4") if _np is not None else None
from .errors import FORK_GENERATION, FORMAT_VERSION, LIGHTDB_FORMAT, ShardError, check_header

# element type code -> (struct code, size)
_TYPES = {1: ("B", 1), 2: ("b", 1), 3: ("H", 2), 4: ("h", 2), 5: ("I", 4), 6: ("i", 4), 7: ("Q", 8), 8: ("q", 8),
          9: ("f", 4), 10: ("d", 8), 11: ("B", 1)}
_HEADER = struct.Struct("<8s7Q iIiIiI")
_U64 = struct.Struct("<Q").unpack_from
_DELETED = 1 << 63

INDEX_FIELDS = ("sample_offset", "sample_length", "graph_offset", "graph_length", "structure_index", "num_bins",
                "num_peaks", "num_atoms", "num_edges", "node_feature_width", "edge_feature_width", "flags",
                "heavy_atoms", "formal_charge", "precursor_mz_micro", "conformer_status", "spectrum_nonzero",
                "sample_crc", "graph_crc", "record_crc")
# The text columns of a sample block, joined by U+001F; U+0000 stands for null.
TEXTS = ("compound_id", "structure_key", "spectrum_type", "ion_mode", "precursor_type", "collision_energy",
         "instrument", "instrument_type")
NULL = -(1 << 63)
FLAG_COORDS = 1
FLAG_GRAPH_ZLIB = 2
_RECORD = struct.Struct("<q%dq" % len(INDEX_FIELDS))   # key, then the fields: 168 bytes
_CRC_BYTES = 8 * len(INDEX_FIELDS)                     # key and fields before record_crc
_TEXT_AT = struct.Struct("<dI").unpack_from           # precursor_mz, texts byte length
_U32 = struct.Struct("<I").unpack_from


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
        if len(self._mm) != self.total_blocks * self.page_size:
            raise ValueError("%s has %d bytes, its header says %d blocks of %d (truncated or extended)"
                             % (self.path, len(self._mm), self.total_blocks, self.page_size))
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

    The index records (21 int64 per sample) are read into memory on first use and checked against
    their CRCs, so a sample is one record unpack, a CRC of its sample block and slices of the
    memory-mapped payload. Structures are decompressed once and kept (up to ``cache_bytes``); every
    sample gets its own writable copies, so changing one sample's arrays never changes another's.
    """

    def __init__(self, path, use_numpy=None, feature_schema_version=None, cache_bytes=32 << 20):
        self.path = os.path.abspath(path)
        self.use_numpy = use_numpy
        self.cache_bytes = cache_bytes
        try:
            self.index = LightDbFile(self.path)
        except (OSError, ValueError, struct.error) as e:
            raise ShardError(self.path, "cannot be read as a LightDB file (%s)" % e) from None
        self.meta = _user_json(self.index)
        check_header(self.path, "shard", self.meta.get("format"), self.meta.get("format_version"), LIGHTDB_FORMAT,
                     self.meta.get("feature_schema_version"), feature_schema_version)
        if self.index.data_count != len(INDEX_FIELDS) or self.index.key_count != 1:
            raise ShardError(self.path, "records have %d fields, format %d has %d"
                             % (self.index.data_count, FORMAT_VERSION, len(INDEX_FIELDS)))
        self.dat_path = os.path.join(os.path.dirname(self.path), self.meta["payload"])
        self._start = int(self.meta["sample_index_start"])
        self._count = int(self.meta["sample_count"])
        self._stop = self._start + self._count
        self._dat = None
        self._pid = None
        self._records = None
        self._graphs = {}
        self._cached = 0

    def _payload(self):
        if self._dat is None or self._pid != FORK_GENERATION[0]:
            try:
                with open(self.dat_path, "rb") as f:
                    size = os.fstat(f.fileno()).st_size
                    # Copy-on-write, so a numpy view of it could be written without touching the file.
                    self._dat = memoryview(mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_COPY) if size else bytearray())
            except OSError as e:
                raise ShardError(self.dat_path, "cannot open the payload (%s)" % e) from None
            if size != self.meta.get("payload_bytes"):
                raise ShardError(self.dat_path, "has %d bytes, its index says %s (truncated or replaced)"
                                 % (size, self.meta.get("payload_bytes")))
            self._pid = FORK_GENERATION[0]
        return self._dat

    def records(self):
        """Every index record as one bytes object (168 bytes each, sample order), CRC-checked once."""
        if self._records is None:
            size = _RECORD.size
            parts, limit = [], len(self)
            try:
                mm = self.index._map()
                for off in self.index.items():
                    if len(parts) == limit:  # also ends a walk that a damaged child pointer sent round in circles
                        raise ShardError(self.path, "holds more records than the %d its user area says" % limit)
                    parts.append(mm[off + 8:off + 8 + size])
            except (struct.error, IndexError, ValueError, OverflowError) as e:
                raise ShardError(self.path, "damaged B-tree (%s)" % e) from None
            buf = b"".join(parts)
            n = len(buf) // size
            if n != len(self) or len(buf) != n * size:
                raise ShardError(self.path, "holds %d records, its user area says %d" % (n, len(self)))
            crc = zlib.crc32
            for i in range(n):
                r = _RECORD.unpack_from(buf, i * size)
                if r[0] != self.start + i:
                    raise ShardError(self.path, "record %d has key %d: keys are not contiguous from %d"
                                     % (i, r[0], self.start))
                if crc(buf[i * size:i * size + _CRC_BYTES]) != r[-1]:
                    raise ShardError(self.path, "index record fails its CRC (damaged)", r[0])
            self._records = buf
        return self._records

    def __getstate__(self):
        state = dict(self.__dict__)
        state["_dat"] = None
        state["_pid"] = None
        state["_graphs"] = {}
        state["_cached"] = 0
        return state

    def close(self):
        if self._dat is not None and self._pid == FORK_GENERATION[0]:
            base = self._dat.obj
            try:
                self._dat.release()
                if isinstance(base, mmap.mmap):
                    base.close()
            except BufferError:  # views handed out still use the map: it goes when they do
                pass
        self._dat = None
        self._graphs = {}
        self._cached = 0
        self.index.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    @property
    def start(self):
        return self._start

    @property
    def stop(self):
        return self._stop

    def __len__(self):
        return self._count

    def fields(self, sample_index):
        """The index record as a dict (no payload read): counts, filter fields and CRCs."""
        return dict(zip(("sample_index",) + INDEX_FIELDS, self._record(sample_index)))

    def _record(self, sample_index):
        i = sample_index - self._start
        if not 0 <= i < self._count:
            raise IndexError("sample %d is not in %s" % (sample_index, self.path))
        return _RECORD.unpack_from(self.records(), i * _RECORD.size)

    def get(self, sample_index):
        return self._checked(self._record(sample_index))

    def batch(self, start, stop):
        """Samples ``start <= sample_index < stop`` in index order."""
        recs, size, unpack = self.records(), _RECORD.size, _RECORD.unpack_from
        a, b = max(start, self.start) - self.start, min(stop, self.stop) - self.start
        return [self._checked(unpack(recs, i * size)) for i in range(a, b)]

    def __iter__(self, batch_size=1024):
        for b in range(self.start, self.stop, batch_size):
            yield from self.batch(b, min(b + batch_size, self.stop))

    def peaks(self, sample_index):
        """The cleaned peaks (mz, intensity) of one sample, float64 (kept zlib-compressed in the block)."""
        r = self._record(sample_index)
        try:
            block = self._block(r[0], r[1], r[2], r[18], "sample")
            at = 8 * r[17]
            (tl,) = _U32(block, at + 8)
            at += 12 + tl
            (pl,) = _U32(block, at)
            raw = zlib.decompress(block[at + 4:at + 4 + pl])
        except (struct.error, zlib.error, ValueError) as e:
            raise ShardError(self.dat_path, "damaged peaks (%s)" % e, r[0]) from None
        p = r[7]
        if len(raw) != 16 * p:
            raise ShardError(self.dat_path, "peaks hold %d bytes, not 16 x %d" % (len(raw), p), r[0])
        if _np is not None and self.use_numpy is not False:
            a = _np.frombuffer(bytearray(raw), "<f8")
            return a[:p], a[p:]
        return _flat(raw, "d", 0, p, (p,)), _flat(raw, "d", 8 * p, p, (p,))

    def collated(self, sample_indexes):
        """A ``GraphBatch`` of these samples built straight from the payload (numpy needed): what
        ``collate_graphs`` of the samples gives, without making a dict per sample."""
        from .collate import GraphBatch, _tensors, TEXT_KEYS
        np = _np
        recs = self.records()
        rows = np.frombuffer(recs, np.int64).reshape(-1, len(INDEX_FIELDS) + 1)
        rows = rows[np.asarray(sample_indexes, np.int64) - self.start]
        count = len(rows)
        bins = int(rows[0, 6]) if count else 0
        if count and (rows[:, 6] != bins).any():  # spectra of different lengths cannot stack
            from .collate import collate_graphs
            return collate_graphs([self.get(int(i)) for i in rows[:, 0]])
        mv, crc = self._payload(), zlib.crc32
        keys, offs, lens, crcs, nnz = (rows[:, c].tolist() for c in (0, 1, 2, 18, 17))
        blocks = []
        for key, o, n, c in zip(keys, offs, lens, crcs):
            if o < 0 or n < 0 or o + n > len(mv):
                raise ShardError(self.dat_path, "sample block %d+%d lies outside the payload" % (o, n), key)
            b = mv[o:o + n]
            if crc(b) != c:
                raise ShardError(self.dat_path, "sample block at byte %d fails its CRC (damaged)" % o, key)
            blocks.append(b)
        z = rows[:, 17]
        sparse = np.frombuffer(b"".join([b[:8 * k] for b, k in zip(blocks, nnz)]), np.int32)
        first = np.zeros(count, np.int64)
        np.cumsum(z[:-1], out=first[1:])
        graph_of = np.repeat(np.arange(count), z)
        at = np.arange(int(z.sum())) + np.repeat(first, z)   # bin index positions: 2*first + local
        y = np.zeros((count, bins), np.float32)
        try:
            y[graph_of, sparse[at]] = sparse.view(np.float32)[at + np.repeat(z, z)]
        except IndexError as e:
            raise ShardError(self.dat_path, "a spectrum bin lies outside its %d bins (%s)" % (bins, e)) from None
        precursor = np.empty(count, np.float64)
        texts = []
        for i, (b, k) in enumerate(zip(blocks, nnz)):
            precursor[i], tl = _TEXT_AT(b, 8 * k)
            texts.append(str(b[8 * k + 12:8 * k + 12 + tl], "utf-8").split("\x1f"))
        graphs = [self._graph(tuple(r)) for r in rows.tolist()]
        xs = [g[1] for g in graphs]
        nodes = rows[:, 8]
        edges = rows[:, 9]
        ptr = np.zeros(count + 1, np.int64)
        np.cumsum(nodes, out=ptr[1:])
        has_pos = (rows[:, 12] & FLAG_COORDS) != 0
        pos = None
        if has_pos.any():
            pos = np.concatenate([g[3] if g[3] is not None else np.full((g[1].shape[0], 3), np.nan, np.float32)
                                  for g in graphs])
        out = GraphBatch(
            x=np.concatenate(xs) if count else np.zeros((0, 0), np.float32),
            edge_index=(np.concatenate([g[0] for g in graphs], axis=1) + np.repeat(ptr[:-1], edges)) if count
            else np.zeros((2, 0), np.int64),
            edge_attr=np.concatenate([g[2] for g in graphs]) if count else np.zeros((0, 0), np.float32),
            pos=pos,
            has_pos=has_pos,
            y=y,
            batch=np.repeat(np.arange(count, dtype=np.int64), nodes),
            ptr=ptr,
            sample_index=np.array(keys, np.int64),
            precursor_mz=precursor,
        )
        columns = dict(zip(TEXTS, zip(*texts))) if texts else {}
        for k in TEXT_KEYS:
            if k == "conformer_status":
                out[k] = [g[4] for g in graphs]
            elif k in columns:
                out[k] = [_text(v) for v in columns[k]]
        return _tensors(out)

    def _checked(self, r):
        try:
            return self._decode(r)
        except ShardError:
            raise
        except (struct.error, zlib.error, ValueError, UnicodeDecodeError, IndexError) as e:
            raise ShardError(self.dat_path, "damaged payload (%s)" % e, r[0]) from None

    def _block(self, key, offset, length, crc, what):
        dat = self._payload()
        if offset < 0 or length < 0 or offset + length > len(dat):
            raise ShardError(self.dat_path, "%s block %d+%d lies outside the %d-byte payload"
                             % (what, offset, length, len(dat)), key)
        block = dat[offset:offset + length]
        if zlib.crc32(block) != crc:
            raise ShardError(self.dat_path, "%s block at byte %d fails its CRC (damaged)" % (what, offset), key)
        return block

    def _graph(self, r):
        """(edge_index, node_features, edge_attr, coords, conformer_status) of a record's structure, cached."""
        g = self._graphs.get(r[3])
        if g is not None:
            return g
        (key, n, e, f, b, flags) = (r[0], r[8], r[9], r[10], r[11], r[12])
        raw = zlib.decompress(self._block(key, r[3], r[4], r[19], "structure"))
        x_at = 16 * e
        a_at = x_at + 4 * n * f
        c_at = a_at + 4 * e * b
        has_coords = flags & FLAG_COORDS
        st_at = c_at + (12 * n if has_coords else 0)
        (st_len,) = _U32(raw, st_at)
        if st_at + 4 + st_len != len(raw):
            raise ValueError("structure holds %d bytes, its counts need %d" % (len(raw), st_at + 4 + st_len))
        status = str(raw[st_at + 4:], "utf-8")
        if _np is not None and self.use_numpy is not False:
            fb = _np.frombuffer
            g = (fb(raw, "<i8", 2 * e, 0).reshape(2, e), fb(raw, "<f4", n * f, x_at).reshape(n, f),
                 fb(raw, "<f4", e * b, a_at).reshape(e, b),
                 fb(raw, "<f4", n * 3, c_at).reshape(n, 3) if has_coords else None, status)
        else:
            g = (_flat(raw, "q", 0, 2 * e, (2, e)), _flat(raw, "f", x_at, n * f, (n, f)),
                 _flat(raw, "f", a_at, e * b, (e, b)), _flat(raw, "f", c_at, n * 3, (n, 3)) if has_coords else None,
                 status)
        if self._cached + len(raw) > self.cache_bytes:  # a bounded cache: start over rather than grow
            self._graphs.clear()
            self._cached = 0
        self._graphs[r[3]] = g
        self._cached += len(raw)
        return g

    def _decode(self, r):
        key, bins, nnz = r[0], r[6], r[17]
        block = self._block(key, r[1], r[2], r[18], "sample")
        at = 8 * nnz
        precursor, tl = _TEXT_AT(block, at)
        texts = str(block[at + 12:at + 12 + tl], "utf-8").split("\x1f")
        if len(texts) != 8:
            raise ValueError("sample texts hold %d values, not 8" % len(texts))
        edge_index, x, edge_attr, coords, status = self._graph(r)
        if _np is not None and self.use_numpy is not False:
            spectrum = _np.zeros(bins, _F4)
            spectrum[_np.frombuffer(block, _I4, nnz, 0)] = _np.frombuffer(block, _F4, nnz, 4 * nnz)
            return {
                "sample_index": key,
                "compound_id": texts[0],
                "spectrum": spectrum,
                "node_features": x.copy(),
                "edge_index": edge_index.copy(),
                "edge_attr": edge_attr.copy(),
                "coords": None if coords is None else coords.copy(),
                "conformer_status": status,
                "precursor_mz": None if precursor != precursor else precursor,
                "precursor_type": _text(texts[4]),
                "collision_energy": _text(texts[5]),
                "ion_mode": _text(texts[3]),
                "instrument_type": _text(texts[7]),
                "spectrum_type": _text(texts[2]),
                "instrument": _text(texts[6]),
            }
        values = array.array("f", bytes(4 * bins))
        idx = _flat(block, "i", 0, nnz, (nnz,)).data
        val = _flat(block, "f", 4 * nnz, nnz, (nnz,)).data
        for i, v in zip(idx, val):
            values[i] = v
        copy = _copy_flat
        return {
            "sample_index": key,
            "compound_id": texts[0],
            "spectrum": FlatArray(values, (bins,)),
            "node_features": copy(x),
            "edge_index": copy(edge_index),
            "edge_attr": copy(edge_attr),
            "coords": None if coords is None else copy(coords),
            "conformer_status": status,
            "precursor_mz": None if precursor != precursor else precursor,
            "precursor_type": _text(texts[4]),
            "collision_energy": _text(texts[5]),
            "ion_mode": _text(texts[3]),
            "instrument_type": _text(texts[7]),
            "spectrum_type": _text(texts[2]),
            "instrument": _text(texts[6]),
        }


def _text(v):
    return None if v == "\x00" else v


def _copy_flat(a):
    return FlatArray(array.array(a.data.typecode, a.data), a.shape)


def _flat(buf, code, offset, count, shape):
    data = array.array(code)
    data.frombytes(buf[offset:offset + count * data.itemsize])
    if len(data) != count:
        raise ValueError("%d values expected at byte %d, the block ends first" % (count, offset))
    if sys.byteorder != "little":  # pragma: no cover - payloads are little-endian by definition
        data.byteswap()
    return FlatArray(data, shape)
