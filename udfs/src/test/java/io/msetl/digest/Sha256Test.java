package io.msetl.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** FIPS 180-2 test vector "abc", by every way in. */
class Sha256Test {
  private static final String ABC =
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

  @Test
  void everyEntryPointGivesTheStandardDigest() throws IOException {
    byte[] abc = "abc".getBytes(StandardCharsets.UTF_8);
    assertEquals(ABC, Sha256.hex("abc"));
    assertEquals(ABC, Sha256.hex(abc));
    assertEquals(ABC, Sha256.hex(new byte[] {'a', 'b', 'c', 'x'}, 3));
    assertEquals(ABC, Sha256.hex(new ByteArrayInputStream(abc)));
    assertEquals(ABC, Sha256.toHex(Sha256.digest("abc")));
    assertEquals(ABC, Sha256.toHex(Sha256.newDigest().digest(abc)));
  }
}
