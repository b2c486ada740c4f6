package io.msetl.lightdb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Floats print as the vectors' text files do: C's {@code %.Ng} with the smallest N that reads back
 * to the same value (expected strings were produced with C-style {@code '%.*g'} formatting in
 * Python).
 */
class FloatTextTest {
  private static String d(double v) {
    return Elements.format(ElementType.DOUBLE64, Elements.doubles(v));
  }

  private static String f(float v) {
    return Elements.format(ElementType.FLOAT32, Elements.floats(v));
  }

  @Test
  void doublesUseTheShortestRoundTrippingPercentG() {
    assertEquals("1e-300", d(1e-300));
    assertEquals("-1.7976931348623157e+308", d(-Double.MAX_VALUE));
    assertEquals("1e+08", d(1e8));
    assertEquals("1e+02", d(100));
    assertEquals("1e+15", d(1e15));
    assertEquals("0.0001", d(0.0001));
    assertEquals("1e-05", d(1e-5));
    assertEquals("123456", d(123456));
    assertEquals("1234567", d(1234567));
    assertEquals("0.3333333333333333", d(1 / 3.0));
    assertEquals("0.30000000000000004", d(0.1 + 0.2));
    assertEquals("1.2345678901234568e+17", d(123456789012345680.0));
    assertEquals("5e-324", d(Double.MIN_VALUE));
    assertEquals("-2.5", d(-2.5));
  }

  @Test
  void floatsRoundTripAsFloat32() {
    assertEquals("0.1", f(0.1f));
    assertEquals("16777216", f(16777216f));
    assertEquals("3.4028235e+38", f(Float.MAX_VALUE));
    assertEquals("1e-45", f(Float.MIN_VALUE));
    assertEquals("0.33333334", f(1 / 3f));
    assertEquals("1e-05", f(1e-5f));
  }

  @Test
  void specialValuesHaveTheirVectorSpelling() {
    assertEquals(
        "Infinity -Infinity NaN -0 0",
        Elements.format(
            ElementType.DOUBLE64,
            Elements.doubles(
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, -0.0, 0.0)));
    assertEquals(
        "Infinity -Infinity NaN -0 0",
        Elements.format(
            ElementType.FLOAT32,
            Elements.floats(Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN, -0f, 0f)));
  }
}
