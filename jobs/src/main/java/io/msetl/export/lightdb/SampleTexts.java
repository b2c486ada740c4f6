package io.msetl.export.lightdb;

import io.msetl.export.ExportSample;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * The text columns of a sample block, as one UTF-8 string: the values in {@link #NAMES} order
 * joined by U+001F (unit separator), a null written as U+0000. One string keeps a reader at one
 * decode and one split per sample instead of one per column.
 */
public final class SampleTexts {
  public static final List<String> NAMES =
      List.of(
          "compound_id",
          "structure_key",
          "spectrum_type",
          "ion_mode",
          "precursor_type",
          "collision_energy",
          "instrument",
          "instrument_type");

  static final char SEPARATOR = '\u001f';
  static final String NULL = "\u0000";

  private SampleTexts() {}

  static byte[] encode(long sampleIndex, ExportSample sample) throws IOException {
    Row s = sample.spectrum();
    List<String> values = new ArrayList<>(NAMES.size());
    values.add(sample.compoundId());
    values.add(sample.structureKey());
    for (String column : NAMES.subList(2, NAMES.size())) {
      int i = s.fieldIndex(column);
      values.add(s.isNullAt(i) ? null : s.getString(i));
    }
    StringBuilder b = new StringBuilder(128);
    for (int k = 0; k < values.size(); k++) {
      String v = values.get(k);
      if (v != null && (v.indexOf(SEPARATOR) >= 0 || v.equals(NULL))) {
        throw new IOException(
            "sample "
                + sampleIndex
                + " ("
                + sample.compoundId()
                + "): "
                + NAMES.get(k)
                + " contains a U+001F or is U+0000, which LightDB sample texts cannot carry");
      }
      if (k > 0) {
        b.append(SEPARATOR);
      }
      b.append(v == null ? NULL : v);
    }
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The values of an encoded string, nulls as null. */
  public static List<String> decode(String text) {
    String[] parts = text.split(String.valueOf(SEPARATOR), -1);
    if (parts.length != NAMES.size()) {
      throw new IllegalArgumentException(
          "sample texts have " + parts.length + " values, not " + NAMES.size());
    }
    return Arrays.stream(parts).map(p -> p.equals(NULL) ? null : p).toList();
  }
}
