"""One SQLite shard: random access, range batches and iteration, safe in many worker processes."""
import json
import os
import sqlite3
import urllib.parse

import zlib

from .codec import _np, decode
from .errors import SQLITE_FORMAT, ShardError, check_header



def _inflate(blob):
    """Decompressed into a bytearray, so numpy views of it are writable (torch takes them without a warning)."""
    return bytearray(zlib.decompress(blob))

_frombuffer = _np.frombuffer if _np is not None else None
_F4 = _np.dtype("<f4") if _np is not None else None
_I8 = _np.dtype("<i8") if _np is not None else None

# The fast path: spectra.sample_index is the rowid, structures.structure_index is a rowid.
_SAMPLE_SQL = (
    "SELECT s.sample_index, s.compound_id, s.num_bins, s.normalized_spectrum, g.num_atoms, "
    "g.node_feature_width, g.node_features, g.num_edges, g.edge_index, g.edge_feature_width, "
    "g.edge_attr, g.coords, g.conformer_status "
    "FROM spectra s JOIN structures g ON g.structure_index = s.structure_index ")
_ONE = _SAMPLE_SQL + "WHERE s.sample_index = ?"
_RANGE = _SAMPLE_SQL + "WHERE s.sample_index >= ? AND s.sample_index < ? ORDER BY s.sample_index"


class Shard:
    """A read-only view of one ``.sqlite`` shard.

    The connection is opened lazily and re-opened in a new process (after ``fork`` or when the
    object is pickled into a DataLoader worker), so one ``Shard`` can be handed to many workers.
    Nothing on the read path writes: the file is opened with ``mode=ro`` and ``query_only``.
    """

    def __init__(self, path, use_numpy=None, feature_schema_version=None, mmap_bytes=256 << 20):
        self.path = os.path.abspath(path)
        self.use_numpy = use_numpy
        self.feature_schema_version = feature_schema_version
        self.mmap_bytes = mmap_bytes
        self._conn = None
        self._pid = None
        self._meta = None

    # -- connection -------------------------------------------------------------------------
    def _connection(self):
        if self._conn is None or self._pid != os.getpid():
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
            self._conn, self._pid, self._meta = conn, os.getpid(), meta
        return self._conn

    def close(self):
        if self._conn is not None and self._pid == os.getpid():
            self._conn.close()
        self._conn = None

    def __getstate__(self):
        state = dict(self.__dict__)
        state["_conn"] = None
        state["_pid"] = None
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
        return int(self.meta["sample_index_start"])

    @property
    def stop(self):
        return self.start + len(self)

    def __len__(self):
        return int(self.meta["sample_count"])

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

    def _checked(self, row):
        try:
            return self._decode(row)
        except (zlib.error, ValueError, TypeError) as e:
            raise ShardError(self.path, "damaged arrays (%s)" % e, row[0]) from None

    def __iter__(self, batch_size=1024):
        for b in range(self.start, self.stop, batch_size):
            yield from self.batch(b, min(b + batch_size, self.stop))

    def query(self, sql, params=()):
        """Any read-only SQL, e.g. the original training query."""
        return self._connection().execute(sql, params).fetchall()

    def _decode(self, r):
        n, f, e, b = r[4], r[5], r[7], r[9]
        u = self.use_numpy
        if _np is not None and u is not False:
            # The hot path of a training scan: no per-array function calls or shape checks.
            coords = r[11]
            return {
                "sample_index": r[0],
                "compound_id": r[1],
                "spectrum": _frombuffer(_inflate(r[3]), _F4),
                "node_features": _frombuffer(_inflate(r[6]), _F4).reshape(n, f),
                "edge_index": _frombuffer(_inflate(r[8]), _I8).reshape(2, e),
                "edge_attr": _frombuffer(_inflate(r[10]), _F4).reshape(e, b),
                "coords": None if coords is None else _frombuffer(_inflate(coords), _F4).reshape(n, 3),
                "conformer_status": r[12],
            }
        return {
            "sample_index": r[0],
            "compound_id": r[1],
            "spectrum": decode(r[3], "<f4", (r[2],), u),
            "node_features": decode(r[6], "<f4", (n, f), u),
            "edge_index": decode(r[8], "<i8", (2, e), u),
            "edge_attr": decode(r[10], "<f4", (e, b), u),
            "coords": decode(r[11], "<f4", (n, 3), u),
            "conformer_status": r[12],
        }


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
