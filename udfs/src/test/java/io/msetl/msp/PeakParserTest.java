package io.msetl.msp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PeakParserTest {

  private static PeakParser.Peaks parse(String line) {
    PeakParser.Peaks p = new PeakParser.Peaks();
    assertTrue(PeakParser.parseLine(line, p), () -> "not parsed: " + line);
    return p;
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "73 999|73|999",
        "  40  147;  41   57;|40 41|147 57",
        "27:29 38:7 39:86 |27 38 39|29 7 86",
        "(10 5) (11 6)|10 11|5 6",
        "113.03854\t87510\t\"Theoretical m/z 113.039125, Formula C9H5\"|113.03854|87510",
        "100\t9.99\tSome value|100|9.99",
        "79.727272 3e-06|79.727272|0.000003",
        "1.5E+2 2.5e-1|150|0.25",
        "27.025 2 18|27.025|2",
        "27 29 38 7|27 38|29 7",
        "135.0       83.0|135|83",
        "12,5 100|12.5|100",
        "12 0; 24 0; 25 2;|12 24 25|0 0 2",
        "(41, 999) (42, 10)|41 42|999 10",
        "(41.05,999.5)(43.1,7)|41.05 43.1|999.5 7",
        "(41,999), (42,10)|41 42|999 10",
      })
  void peakSyntaxes(String line, String mz, String intensity) {
    PeakParser.Peaks p = parse(line);
    assertArrayEquals(doubles(mz), p.mz(), 1e-12);
    assertArrayEquals(doubles(intensity), p.intensity(), 1e-12);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"61.028145d 0.726Should skip", "abc 12", "12", "12 x 13"})
  void linesInNoPeakSyntaxAreRefused(String line) {
    assertFalse(PeakParser.parseLine(line, new PeakParser.Peaks()));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"10 NaN|10|NaN", "-5 10|-5|10", "10 inf|10|Infinity"})
  void nonFiniteAndNegativeValuesAreReadSoThatTheyCanBeRejected(
      String line, double mz, double intensity) {
    PeakParser.Peaks p = parse(line);
    assertArrayEquals(new double[] {mz}, p.mz());
    assertArrayEquals(new double[] {intensity}, p.intensity());
  }

  private static double[] doubles(String s) {
    String[] t = s.trim().split(" ");
    double[] d = new double[t.length];
    for (int i = 0; i < t.length; i++) {
      d[i] = Double.parseDouble(t[i]);
    }
    return d;
  }
}
