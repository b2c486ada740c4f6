package io.msetl.digest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256, the one hash msetl uses for content fingerprints, config hashes, stable seeds and split
 * keys. Hex is always lower case.
 */
public final class Sha256 {
  private Sha256() {}

  /** A fresh digest, for hashing bytes as they stream past. */
  public static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  public static byte[] digest(String text) {
    return newDigest().digest(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Hex of the UTF-8 bytes of {@code text}. */
  public static String hex(String text) {
    return toHex(digest(text));
  }

  /** Hex of the first {@code length} bytes. */
  public static String hex(byte[] bytes, int length) {
    MessageDigest md = newDigest();
    md.update(bytes, 0, length);
    return toHex(md.digest());
  }

  public static String hex(byte[] bytes) {
    return hex(bytes, bytes.length);
  }

  /** Hex of everything left in {@code in} (which is read to its end, not closed). */
  public static String hex(InputStream in) throws IOException {
    MessageDigest md = newDigest();
    byte[] buf = new byte[1 << 16];
    for (int n; (n = in.read(buf)) > 0; ) {
      md.update(buf, 0, n);
    }
    return toHex(md.digest());
  }

  /** A finished digest value as hex. */
  public static String toHex(byte[] digestValue) {
    return HexFormat.of().formatHex(digestValue);
  }
}
