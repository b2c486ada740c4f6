package io.msetl.msp;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The spectral-library text formats ingest reads, and how to tell them apart from a file's first
 * bytes: the extension is only a tie-breaker, because libraries are shared under whatever name (a
 * GNPS download called {@code .txt}, an MGF renamed {@code .msp}).
 */
public enum LibraryFormat {
  MSP(RecordBoundary.BLANK_LINE),
  SDF(RecordBoundary.DOLLARS),
  MGF(RecordBoundary.END_IONS),
  MASSBANK(RecordBoundary.DOUBLE_SLASH);

  /** Bytes of a file's head that {@link #detect} looks at. */
  public static final int HEAD_BYTES = 64 * 1024;

  private final RecordBoundary boundary;

  LibraryFormat(RecordBoundary boundary) {
    this.boundary = boundary;
  }

  public RecordBoundary boundary() {
    return boundary;
  }

  /** {@code msp|sdf|mgf|massbank} (any case) to a format; null for {@code auto}. */
  public static LibraryFormat parse(String name) {
    String n = name == null ? "auto" : name.trim().toLowerCase(Locale.ROOT);
    return switch (n) {
      case "auto" -> null;
      case "msp" -> MSP;
      case "sdf", "sd", "mol" -> SDF;
      case "mgf" -> MGF;
      case "massbank" -> MASSBANK;
      default ->
          throw new IllegalArgumentException(
              "unknown input format '" + name + "': use auto, msp, sdf, mgf or massbank");
    };
  }

  /**
   * The format of a file from its head (decompressed), falling back to its name when the head shows
   * nothing decisive: a first data line {@code ACCESSION:} is MassBank, a {@code BEGIN IONS} line
   * MGF, a {@code $$$$} / {@code M END} / molfile counts line SDF; anything else MSP.
   */
  public static LibraryFormat detect(byte[] head, int length, String fileName) {
    String text = new String(head, 0, length, StandardCharsets.ISO_8859_1);
    boolean firstDataLine = true;
    int lines = 0;
    for (String raw : text.split("\r\n|\r|\n")) {
      String t = raw.strip();
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      if (firstDataLine && t.startsWith("ACCESSION:")) {
        return MASSBANK;
      }
      firstDataLine = false;
      if (t.equalsIgnoreCase("BEGIN IONS")) {
        return MGF;
      }
      if (t.equals("$$$$")
          || t.startsWith("M  END")
          || t.endsWith("V2000")
          || t.endsWith("V3000")) {
        return SDF;
      }
      if ("num_peaks".equals(MspKeys.canonicalOrNull(keyOf(t)))) {
        return MSP;
      }
      if (++lines > 2000) {
        break;
      }
    }
    return byName(fileName);
  }

  private static String keyOf(String line) {
    int colon = line.indexOf(':');
    return colon > 0 ? line.substring(0, colon) : "";
  }

  /** The format a file name suggests ({@code .sdf}, {@code .mgf}, {@code .txt} = MassBank). */
  public static LibraryFormat byName(String fileName) {
    String n = fileName.toLowerCase(Locale.ROOT);
    if (n.endsWith(".gz")) {
      n = n.substring(0, n.length() - 3);
    }
    if (n.endsWith(".sdf") || n.endsWith(".sd") || n.endsWith(".mol")) {
      return SDF;
    }
    if (n.endsWith(".mgf")) {
      return MGF;
    }
    if (n.endsWith(".txt") && n.contains("msbnk")) {
      return MASSBANK;
    }
    return MSP;
  }
}
