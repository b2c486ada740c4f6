package io.msetl.msp;

import io.msetl.digest.Sha256;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a raw record: UTF-8 when the bytes are valid UTF-8, otherwise Windows-1252 (with the five
 * bytes Windows-1252 leaves undefined read as Latin-1), so that a record exported by an old Windows
 * tool is kept instead of failing. A UTF-8 byte-order mark is dropped.
 *
 * @param text the decoded record
 * @param fallback true when the bytes were not valid UTF-8 and Windows-1252 was used
 */
public record RawText(String text, boolean fallback) {
  /** Warning attached to records decoded with the fallback charset. */
  public static final String FALLBACK_WARNING = "DECODED_AS_WINDOWS_1252";

  private static final char[] CP1252_HIGH =
      ("\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F"
              + "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178")
          .toCharArray();

  public static RawText decode(byte[] bytes, int length) {
    int off = 0;
    if (length >= 3
        && (bytes[0] & 0xFF) == 0xEF
        && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF) {
      off = 3;
    }
    if (isAscii(bytes, off, length)) {
      return new RawText(new String(bytes, off, length - off, StandardCharsets.ISO_8859_1), false);
    }
    CharsetDecoder utf8 =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      CharBuffer chars = utf8.decode(ByteBuffer.wrap(bytes, off, length - off));
      return new RawText(chars.toString(), false);
    } catch (CharacterCodingException e) {
      return new RawText(windows1252(bytes, off, length), true);
    }
  }

  private static boolean isAscii(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] < 0) {
        return false;
      }
    }
    return true;
  }

  private static String windows1252(byte[] bytes, int from, int to) {
    StringBuilder sb = new StringBuilder(to - from);
    for (int i = from; i < to; i++) {
      int b = bytes[i] & 0xFF;
      sb.append(b >= 0x80 && b <= 0x9F ? CP1252_HIGH[b - 0x80] : (char) b);
    }
    return sb.toString();
  }

  /** Lower-case hex SHA-256 of the raw bytes (before any decoding). */
  public static String sha256Hex(byte[] bytes, int length) {
    return Sha256.hex(bytes, length);
  }
}
