"""One SQLite shard: random access, range batches and iteration, safe in many worker processes."""
import array
import json
import os
import sqlite3
import urllib.parse

import zlib

from .codec import FlatArray, _np, decode
from .errors import FORK_GENERATION, SQLITE_FORMAT, ShardError, check_header


def _inflate(blob):
    """Decompressed into a bytearray, so numpy views of it are writable (torch takes them without a warning)."""
    return bytearray(zlib.decompress(blob))


_frombuffer = _np.frombuffer if _np is not None else None
_F4 = _np.dtype("<f4") if _np is not None else None
_I8 = _np.dtype("<i8") if _np is not None else None

# Spectra rows by sample index (the rowid); their structures by structure_index (a rowid), each
# decoded once and kept, since many samples share one structure.
_SPECTRUM_COLUMNS = ("sample_index, compound_id, num_bins, normalized_spectrum, structure_index, precursor_mz, "
                     "precursor_type, collision_energy, ion_mode, instrument_type, spectrum_type, instrument")
_ONE = "SELECT %s FROM spectra WHERE sample_index = ?" % _SPECTRUM_COLUMNS
_RANGE = "SELECT %s FROM spectra WHERE sample_index >= ? AND sample_index < ? ORDER BY sample_index" % _SPECTRUM_COLUMNS
_GRAPH = ("SELECT num_atoms, node_feature_width, node_features, num_edges, edge_index, edge_feature_width, edge_attr, "
          "coords, conformer_status FROM structures WHERE structure_index = ?")


class Shard:
    """A read-only view of one ``.sqlite`` shard.

    The connection is opened lazily and re-opened in a new process (after ``fork`` or when the
    object is pickled into a DataLoader worker), so one ``Shard`` can be handed to many workers.
    Nothing on the read path writes: the file is opened with ``mode=ro`` and ``query_only``.
    """

    def __init__(self, path, use_numpy=None, feature_schema_version=None, mmap_bytes=64 << 20, cache_bytes=32 << 20):
        self.path = os.path.abspath(path)
        self.use_numpy = use_numpy
        self.feature_schema_version = feature_schema_version
        self.mmap_bytes = mmap_bytes
        self.cache_bytes = cache_bytes
        self._graphs = {}
        self._cached = 0
        self._start = self._count = None
        self._conn = None
        self._pid = None
        self._meta = None

    # -- connection -------------------------------------------------------------------------
    def _connection(self):
        if self._conn is None or self._pid != FORK_GENERATION[0]:
            if not os.path.exists(self.path):
                raise ShardError(self.path, "no such shard file")
            uri = "file:%s?mode=ro" % urllib.parse.quote(self.path)
            try:
                conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
                conn.execute("PRAGMA query_only = 1")
                conn.execute("PRAGMA mmap_size = %d" % int(self.mmap_bytes))
                meta = _read_meta(conn)
            except sqlite3.DatabaseError as e:
                raise ShardError(self.path, "cannot be read as an SQLite shard (%s)" % e) from None
            check_header(self.path, "shard", meta.get("format"), meta.get("format_version"), SQLITE_FORMAT,
                         _schema_version(meta), self.feature_schema_version)
            self._conn, self._pid, self._meta = conn, FORK_GENERATION[0], meta
        return self._conn

    def close(self):
        if self._conn is not None and self._pid == FORK_GENERATION[0]:
            self._conn.close()
        self._conn = None
        self._graphs = {}
        self._cached = 0

    def __getstate__(self):
        state = dict(self.__dict__)
        state["_conn"] = None
        state["_pid"] = None
        state["_graphs"] = {}
        state["_cached"] = 0
        return state

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # -- metadata ---------------------------------------------------------------------------
    @property
    def meta(self):
        """The ``meta`` table; JSON values (arrays, versions, feature_schema, ...) parsed."""
        if self._meta is None:
            self._connection()
        return self._meta

    @property
    def start(self):
        """Sample index of the first row (indexes are contiguous over the split)."""
        if self._start is None:
            self._start = int(self.meta["sample_index_start"])
        return self._start

    @property
    def stop(self):
        return self.start + len(self)

    def __len__(self):
        if self._count is None:
            self._count = int(self.meta["sample_count"])
        return self._count

    # -- reads ------------------------------------------------------------------------------
    def get(self, sample_index):
        """The sample with this (split-wide) sample index."""
        try:
            row = self._connection().execute(_ONE, (sample_index,)).fetchone()
        except sqlite3.DatabaseError as e:
            raise ShardError(self.path, "cannot be read (%s)" % e, sample_index) from None
        if row is None:
            raise IndexError("sample %d is not in %s" % (sample_index, self.path))
        return self._checked(row)

    def batch(self, start, stop):
        """Samples ``start <= sample_index < stop`` (clipped to this shard), in index order."""
        try:
            rows = self._connection().execute(_RANGE, (start, stop)).fetchall()
        except sqlite3.DatabaseError as e:
            raise ShardError(self.path, "cannot read samples %d..%d (%s)" % (start, stop - 1, e)) from None
        want = min(stop, self.stop) - max(start, self.start)
        if len(rows) != max(want, 0):
            raise ShardError(self.path, "holds %d of the samples %d..%d, its meta says it holds them all"
                             % (len(rows), start, stop - 1))
        return [self._checked(r) for r in rows]

    def many(self, sample_indexes):
        """These samples, in the order given: one query for the whole list."""
        want = [int(i) for i in sample_indexes]
        if not want:
            return []
        sql = "SELECT %s FROM spectra WHERE sample_index IN (%s)" % (_SPECTRUM_COLUMNS, ",".join(map(str, want)))
        try:
            rows = {r[0]: r for r in self._connection().execute(sql)}
        except sqlite3.DatabaseError as e:
            raise ShardError(self.path, "cannot read %d samples (%s)" % (len(want), e)) from None
        missing = [i for i in want if i not in rows]
        if missing:
            raise IndexError("sample %d is not in %s" % (missing[0], self.path))
        return [self._checked(rows[i]) for i in want]

    def collated(self, sample_indexes):
        """``collate_graphs`` of these samples, read with one query."""
        from .collate import collate_graphs
        return collate_graphs(self.many(sample_indexes))

    def __iter__(self, batch_size=1024):
        for b in range(self.start, self.stop, batch_size):
            yield from self.batch(b, min(b + batch_size, self.stop))

    def query(self, sql, params=()):
        """Any read-only SQL, e.g. the original training query."""
        try:
            return self._connection().execute(sql, params).fetchall()
        except sqlite3.OperationalError:
            raise  # the query's own error (a typo, a write on this read-only shard)
        except sqlite3.DatabaseError as e:
            raise ShardError(self.path, "cannot be read (%s)" % e) from None

    def _checked(self, row):
        try:
            return self._decode(row)
        except ShardError:
            raise
        except (zlib.error, ValueError, TypeError) as e:
            raise ShardError(self.path, "damaged arrays (%s)" % e, row[0]) from None
        except sqlite3.DatabaseError as e:
            raise ShardError(self.path, "cannot be read (%s)" % e, row[0]) from None

    def _graph(self, structure_index):
        """(edge_index, node_features, edge_attr, coords, conformer_status) of a structure, cached."""
        g = self._graphs.get(structure_index)
        if g is not None:
            return g
        r = self._connection().execute(_GRAPH, (structure_index,)).fetchone()
        if r is None:
            raise ValueError("structure %d is missing" % structure_index)
        n, f, e, b = r[0], r[1], r[3], r[5]
        u = self.use_numpy
        if _np is not None and u is not False:
            g = (_frombuffer(_inflate(r[4]), _I8).reshape(2, e), _frombuffer(_inflate(r[2]), _F4).reshape(n, f),
                 _frombuffer(_inflate(r[6]), _F4).reshape(e, b),
                 None if r[7] is None else _frombuffer(_inflate(r[7]), _F4).reshape(n, 3), r[8])
            size = sum(a.nbytes for a in g[:4] if a is not None)
        else:
            g = (decode(r[4], "<i8", (2, e), u), decode(r[2], "<f4", (n, f), u), decode(r[6], "<f4", (e, b), u),
                 decode(r[7], "<f4", (n, 3), u), r[8])
            size = 4 * (2 * e + n * f + e * b)
        if self._cached + size > self.cache_bytes:  # a bounded cache: start over rather than grow
            self._graphs.clear()
            self._cached = 0
        self._graphs[structure_index] = g
        self._cached += size
        return g

    def _decode(self, r):
        edge_index, x, edge_attr, coords, status = self._graph(r[4])
        u = self.use_numpy
        if _np is not None and u is not False:
            # The hot path of a training scan: one inflate per sample; private copies of the shared structure.
            spectrum = _frombuffer(_inflate(r[3]), _F4)
            copy = _np.ndarray.copy
        else:
            spectrum = decode(r[3], "<f4", (r[2],), u)
            copy = _copy_flat
        if spectrum.shape[0] != r[2]:
            raise ValueError("spectrum has %d bins, num_bins says %d" % (spectrum.shape[0], r[2]))
        return {
            "sample_index": r[0],
            "compound_id": r[1],
            "spectrum": spectrum,
            "node_features": copy(x),
            "edge_index": copy(edge_index),
            "edge_attr": copy(edge_attr),
            "coords": None if coords is None else copy(coords),
            "conformer_status": status,
            "precursor_mz": r[5],
            "precursor_type": r[6],
            "collision_energy": r[7],
            "ion_mode": r[8],
            "instrument_type": r[9],
            "spectrum_type": r[10],
            "instrument": r[11],
        }


def _copy_flat(a):
    return FlatArray(array.array(a.data.typecode, a.data), a.shape)


def _read_meta(conn):
    meta = {}
    for key, value in conn.execute("SELECT key, value FROM meta"):
        try:
            meta[key] = json.loads(value)
        except ValueError:
            meta[key] = value
    return meta


def _schema_version(meta):
    schema = meta.get("feature_schema")
    return schema.get("feature_schema_version") if isinstance(schema, dict) else None
