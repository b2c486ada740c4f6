package io.msetl.msp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RawTextTest {

  @Test
  void latin1AndWindows1252BytesAreDecodedWithoutLosingTheRecord(@TempDir Path tmp)
      throws IOException {
    // "Name: Café “x”" in Windows-1252 (0xE9 é, 0x93/0x94 curly quotes), 0x90 undefined in 1252.
    byte[] head = "Name: Caf".getBytes(StandardCharsets.US_ASCII);
    byte[] rest =
        " x\r\nComments: bad\r\nNum Peaks: 2\r\n10 100\r\n11 50\r\n\r\nName: B\r\nNum Peaks: 1\r\n5 5\r\n"
            .getBytes(StandardCharsets.US_ASCII);
    byte[] file = new byte[head.length + 5 + rest.length];
    System.arraycopy(head, 0, file, 0, head.length);
    byte[] odd = {(byte) 0xE9, (byte) 0x20, (byte) 0x93, (byte) 0x94, (byte) 0x90};
    System.arraycopy(odd, 0, file, head.length, odd.length);
    System.arraycopy(rest, 0, file, head.length + odd.length, rest.length);
    Path p = tmp.resolve("latin1.msp");
    Files.write(p, file);

    List<Fixtures.Raw> raws = Fixtures.read(p, RecordBoundary.BLANK_LINE);
    assertEquals(2, raws.size());
    RawText t = RawText.decode(raws.get(0).bytes(), raws.get(0).bytes().length);
    assertTrue(t.fallback());
    assertTrue(t.text().startsWith("Name: Café “”\u0090 x\r\n"), t.text());
    ParseOutcome o = new MspParser(NumPeaksMismatch.WARN).parse(t.text(), "f#0");
    assertEquals("Café “”\u0090 x", o.record().name());
    assertEquals(2, o.record().mz().length);
    assertFalse(RawText.decode(raws.get(1).bytes(), raws.get(1).bytes().length).fallback());
  }

  @Test
  void validUtf8StaysUtf8AndAByteOrderMarkIsDropped() {
    byte[] b = "\uFEFFName: Björn µ".getBytes(StandardCharsets.UTF_8);
    RawText t = RawText.decode(b, b.length);
    assertFalse(t.fallback());
    assertEquals("Name: Björn µ", t.text());
  }

  @Test
  void sha256IsOfTheRawBytes() {
    byte[] b = "abc".getBytes(StandardCharsets.US_ASCII);
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        RawText.sha256Hex(b, 3));
  }
}
