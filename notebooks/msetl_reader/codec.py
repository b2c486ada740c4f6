"""Decoding of shard arrays: zlib-compressed little-endian blobs with a dtype and a shape."""
import array
import sys
import zlib

try:  # numpy is optional: without it arrays come back as FlatArray (array.array + shape)
    import numpy as _np
except ImportError:  # pragma: no cover - exercised by forcing use_numpy=False in tests
    _np = None

HAVE_NUMPY = _np is not None

# numpy dtype string -> array.array typecode with that item size
_TYPECODES = {"<f4": "f", "<f8": "d", "<i4": "i", "<i8": "q"}


class FlatArray:
    """A decoded array without numpy: the values in row-major order and the shape."""

    __slots__ = ("data", "shape")

    def __init__(self, data, shape):
        self.data = data
        self.shape = tuple(shape)

    def __len__(self):
        return len(self.data)

    def __repr__(self):
        return "FlatArray(shape=%r, %d values)" % (self.shape, len(self.data))


def decode(blob, dtype, shape, use_numpy=None):
    """Decompresses one blob; ``shape`` may contain -1 for "whatever the length gives"."""
    if blob is None:
        return None
    raw = bytearray(zlib.decompress(blob))  # writable numpy views
    if use_numpy is None:
        use_numpy = HAVE_NUMPY
    if use_numpy:
        return _np.frombuffer(raw, dtype=dtype).reshape(shape)
    data = array.array(_TYPECODES[dtype])
    data.frombytes(raw)
    if sys.byteorder != "little":  # pragma: no cover - blobs are little-endian by definition
        data.byteswap()
    return FlatArray(data, _resolve(shape, len(data)))


def _resolve(shape, n):
    known = 1
    for d in shape:
        if d != -1:
            known *= d
    return tuple(n // known if d == -1 else d for d in shape)
