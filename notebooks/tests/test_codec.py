import os
import struct
import sys
import unittest
import zlib

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from msetl_reader import HAVE_NUMPY, FlatArray, decode  # noqa: E402


class DecodeTest(unittest.TestCase):
    def test_float32_blob_decodes_to_values_in_its_shape_without_numpy(self):
        blob = zlib.compress(struct.pack("<6f", 1, 2, 3, 4, 5, 6.5))
        a = decode(blob, "<f4", (2, 3), use_numpy=False)
        self.assertIsInstance(a, FlatArray)
        self.assertEqual((2, 3), a.shape)
        self.assertEqual([1, 2, 3, 4, 5, 6.5], list(a.data))

    def test_int64_edge_index_decodes_without_numpy(self):
        blob = zlib.compress(struct.pack("<4q", 0, 1, 1, 0))
        a = decode(blob, "<i8", (2, -1), use_numpy=False)
        self.assertEqual((2, 2), a.shape)
        self.assertEqual([0, 1, 1, 0], list(a.data))

    def test_a_null_blob_stays_none(self):
        self.assertIsNone(decode(None, "<f4", (0, 3)))

    @unittest.skipUnless(HAVE_NUMPY, "numpy not installed")
    def test_numpy_arrays_have_dtype_and_shape(self):
        blob = zlib.compress(struct.pack("<6f", 1, 2, 3, 4, 5, 6))
        a = decode(blob, "<f4", (3, 2), use_numpy=True)
        self.assertEqual((3, 2), a.shape)
        self.assertEqual("float32", str(a.dtype))
        self.assertEqual(4.0, float(a[1, 1]))

    def test_a_corrupt_blob_raises_instead_of_returning_garbage(self):
        with self.assertRaises(zlib.error):
            decode(b"\x01\x02\x03", "<f4", (-1,))


if __name__ == "__main__":
    unittest.main()
